//! Folding for matching, in a file of its own so `build.rs` can fold the
//! knowledge base's aliases with the same code the analysis uses.

/// Folds text for matching: ASCII transliteration, lower case.
#[must_use]
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        deunicode::deunicode(s).to_ascii_lowercase()
    }
}
