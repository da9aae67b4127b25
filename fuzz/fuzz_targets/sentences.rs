//! Any string: sentences lie inside the range, in order, never overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pieces = parallax::text::sentences::split(text, 0..text.len());
    let mut last = 0;
    for p in pieces {
        assert!(last <= p.start && p.start < p.end && p.end <= text.len());
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        last = p.end;
    }
});
