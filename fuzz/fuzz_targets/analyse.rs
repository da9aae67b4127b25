//! Any string as a plain-text article, analysed whole (extraction,
//! alignment against itself, every rule, the JSON report): no panic, and
//! every mention's span quotes the source exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(article) = parallax::ingest::read_str("a.txt", text) else {
        return;
    };
    let twin = article.clone();
    let analysis = parallax::analysis::analyze(
        vec![article, twin],
        parallax::kb::Kb::builtin(),
        &parallax::analysis::Options::default(),
    );
    for a in &analysis.articles {
        for m in &a.mentions {
            let span = a.span(m);
            assert!(span.end <= a.article.source.len());
            assert!(a.article.source.get(span.start..span.end).is_some());
        }
    }
    let _ = parallax::report::render(
        &analysis,
        parallax::report::ReportFormat::Json,
        parallax::report::ReportOptions::default(),
    );
});
