//! Text primitives: words, sentences, lines and columns, folding for matching.

pub mod dates;
mod fold;
pub mod lines;
pub mod sentences;
pub mod tokens;

pub use fold::fold;

use std::borrow::Cow;

/// `s.to_lowercase()`, borrowed where that would change nothing (ASCII
/// without capitals, most words): for look-ups made token by token.
#[must_use]
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
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

/// A hash that is the same on every run, machine and Rust version (64-bit
/// FNV-1a over the parts, each followed by a separator): for ids that must
/// survive across runs.
#[must_use]
pub fn stable_hash<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
