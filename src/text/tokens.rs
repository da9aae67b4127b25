//! Words, numbers and punctuation with their byte positions.
//!
//! A deliberately small tokenizer: it keeps "U.S." and "p.m." whole, splits
//! a possessive "'s" off its word, and keeps "Dekel-Chen" and "1,200" whole.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// The "'s" of a possessive.
    Possessive,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token {
    #[must_use]
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A run of tokens over their text, read word by word: what the date
/// grammar and the extractors ask of a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
}

impl<'a> Words<'a> {
    /// The text of token `i`; "" past the end.
    #[must_use]
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` is one of `words`, ignoring ASCII case.
    #[must_use]
    #[inline]
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        // Lengths first: most tokens have the length of none of the words,
        // and slicing the text (with its UTF-8 boundary checks) cost more
        // than the comparisons (4% of a generated 200-article story).
        let len = self.tokens.get(i).map_or(0, |t| t.end - t.start);
        words
            .iter()
            .any(|x| x.len() == len && x.eq_ignore_ascii_case(self.word(i)))
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let mut pos = range.start;
    let end = range.end;
    while pos < end {
        let c = char_at(text, pos, end);
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let token = if c.is_alphabetic() {
            word(text, pos, end)
        } else if c.is_ascii_digit() {
            number(text, pos, end)
        } else if is_apostrophe(c) && possessive_at(text, pos, end) {
            Token {
                start: pos,
                end: pos + c.len_utf8() + 1,
                kind: Kind::Possessive,
            }
        } else {
            Token {
                start: pos,
                end: pos + c.len_utf8(),
                kind: Kind::Punct,
            }
        };
        pos = token.end;
        out.push(token);
    }
}

/// The character at byte `pos` of `text[..end]`, decoded directly when it
/// is ASCII (most of the text): tokenizing is on every rule's path.
#[inline]
fn char_at(text: &str, pos: usize, end: usize) -> char {
    match text.as_bytes()[pos] {
        b @ 0..0x80 => char::from(b),
        _ => text[pos..end].chars().next().unwrap_or(' '),
    }
}

/// Whether an apostrophe at `pos` starts a possessive "'s" ending a word.
fn possessive_at(text: &str, pos: usize, end: usize) -> bool {
    let mut rest = text[pos..end].chars();
    rest.next();
    matches!(rest.next(), Some('s' | 'S')) && !rest.next().is_some_and(char::is_alphanumeric)
}

fn word(text: &str, start: usize, end: usize) -> Token {
    if let Some(len) = dotted_abbreviation(&text[start..end]) {
        return Token {
            start,
            end: start + len,
            kind: Kind::Word,
        };
    }
    let mut pos = start;
    while pos < end {
        let c = char_at(text, pos, end);
        let after = pos + c.len_utf8();
        let joins = || {
            (is_hyphen(c) || is_apostrophe(c))
                && pos > start
                && after < end
                && char_at(text, after, end).is_alphanumeric()
                && !(is_apostrophe(c) && possessive_at(text, pos, end))
        };
        if c.is_alphanumeric() || is_combining(c) || joins() {
            pos = after;
        } else {
            break;
        }
    }
    Token {
        start,
        end: pos,
        kind: Kind::Word,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}')
}

/// The length of "U.S." / "p.m." / "D.C." at the start of `s`: two or more
/// groups of one or two letters, each followed by a dot.
fn dotted_abbreviation(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let (mut i, mut groups) = (0, 0);
    loop {
        let letters = bytes[i..]
            .iter()
            .take(3)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        if !(1..=2).contains(&letters) || bytes.get(i + letters) != Some(&b'.') {
            break;
        }
        i += letters + 1;
        groups += 1;
    }
    let next_is_letter = bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    (groups >= 2 && !next_is_letter).then_some(i)
}

fn number(text: &str, start: usize, end: usize) -> Token {
    let bytes = &text.as_bytes()[start..end];
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let joins =
            matches!(b, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || (joins && i > 0) {
            i += 1;
        } else {
            break;
        }
    }
    // Ordinal suffixes stay with their number: "11th", "2nd".
    let rest = &bytes[i..];
    for suffix in [b"st", b"nd", b"rd", b"th"] {
        let upper = [
            suffix[0].to_ascii_uppercase(),
            suffix[1].to_ascii_uppercase(),
        ];
        if (rest.starts_with(suffix) || rest.starts_with(&upper))
            && !rest.get(2).is_some_and(u8::is_ascii_alphanumeric)
        {
            i += 2;
            break;
        }
    }
    Token {
        start,
        end: start + i,
        kind: Kind::Number,
    }
}

/// Whether a word starts with an upper-case letter.
#[must_use]
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn abbreviations_and_names_stay_whole() {
        assert_eq!(
            words("U.S. envoy met Sagui Dekel-Chen at 6:30 p.m."),
            [
                "U.S.",
                "envoy",
                "met",
                "Sagui",
                "Dekel-Chen",
                "at",
                "6:30",
                "p.m."
            ]
        );
    }

    #[test]
    fn possessives_split_and_numbers_join() {
        assert_eq!(
            words("Trump's 1,200 troops, 1.5 million on May 11th."),
            [
                "Trump", "'s", "1,200", "troops", ",", "1.5", "million", "on", "May", "11th", "."
            ]
        );
        assert_eq!(
            words("Gideon\u{2019}s Chariots"),
            ["Gideon", "\u{2019}s", "Chariots"]
        );
        assert_eq!(words("don't O'Brien"), ["don't", "O'Brien"]);
    }

    #[test]
    fn trailing_dot_is_punctuation() {
        assert_eq!(words("in Gaza."), ["in", "Gaza", "."]);
        assert_eq!(words("the U.S."), ["the", "U.S."]);
    }
}
