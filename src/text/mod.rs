//! Text primitives: words, sentences, lines and columns, folding for matching.

pub mod lines;
pub mod sentences;
pub mod tokens;

/// Folds text for matching: ASCII transliteration, lower case.
#[must_use]
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        deunicode::deunicode(s).to_ascii_lowercase()
    }
}

/// Whether a character can be part of a word, for boundary checks.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether the bytes around `range` are word boundaries in `text`.
#[must_use]
pub fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}
