//! Any bytes, read as each format: an article with valid spans, or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for path in ["a.txt", "a.md", "a.html", "a.json"] {
        if let Ok(article) = parallax::ingest::read_str(path, &text) {
            for block in &article.blocks {
                let span = article.span(block.range.clone());
                assert!(span.start <= span.end && span.end <= article.source.len());
                assert!(article.source.is_char_boundary(span.start));
                assert!(article.source.is_char_boundary(span.end));
            }
        }
    }
});
