//! Sentence boundaries that survive news prose: "U.S.", "Mr.", "Gen.",
//! initials, decimals, "p.m." and quotations do not end a sentence.

use std::ops::Range;

/// Words that end with a dot without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov",
    "sen", "rep", "st", "jr", "sr", "rev", "hon", "pres", "no", "nos", "vs", "mt", "ft", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp",
    "ltd", "co", "approx", "est", "ca", "cf", "fig", "dept", "brig", "cmdr", "insp", "supt",
    "messrs", "op", "vol", "pp", "e.g", "i.e", "etc",
];

/// Words that, capitalised after "U.S." or "p.m.", begin a new sentence.
const STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Meanwhile",
    "However",
    "According",
    "After",
    "Before",
    "While",
    "When",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "Officials",
    "Both",
    "Some",
    "Many",
    "If",
    "As",
    "Yet",
    "Still",
    "Since",
    "Earlier",
    "Later",
    "For",
];

/// Closing characters that may follow the final stop.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Splits `text[range]` into sentences, trimmed of surrounding whitespace.
#[must_use]
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let chunk = &text[range.clone()];
    let mut iter = chunk.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = range.start + i;
        let newline_break = c == '\n' && chunk[i + 1..].starts_with('\n');
        if !is_terminal(c) && !newline_break {
            continue;
        }
        // Swallow repeated stops and closing quotes/brackets.
        let mut end = at + c.len_utf8();
        while let Some(&(j, n)) = iter.peek() {
            if is_terminal(n) || is_closer(n) {
                end = range.start + j + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if newline_break || ends_sentence(text, start, at, end, range.end) {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..range.end, &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether the stop at `stop` (with closers up to `end`) ends a sentence.
fn ends_sentence(text: &str, sentence_start: usize, stop: usize, end: usize, limit: usize) -> bool {
    let rest = &text[end..limit];
    let after = rest.trim_start();
    if after.is_empty() {
        return true;
    }
    if rest.len() == after.len() {
        // No space after the stop: "1.5", "U.S.", "example.com".
        return false;
    }
    let next = after.chars().next().unwrap_or(' ');
    if next.is_lowercase() {
        return false;
    }
    if text[stop..].starts_with('.') && stop == end - 1 {
        let word = word_before(text, sentence_start, stop);
        let next_word = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if is_abbreviation(word) {
            return false;
        }
        if word.contains('.') || is_initial(word) {
            // "U.S. The …" ends a sentence; "U.S. Envoy …", "J. Smith" do not.
            return STARTERS.contains(&next_word);
        }
    }
    true
}

/// The word that ends at `stop`, back to whitespace or the sentence start.
fn word_before(text: &str, sentence_start: usize, stop: usize) -> &str {
    let before = &text[sentence_start..stop];
    let begin = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201C}')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[begin..]
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split(s, 0..s.len()).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = "U.S. Special Envoy Dana Whitcombe met Gen. Halevi and Mr. J. Smith at 5 p.m. ET on Sunday. He left.";
        assert_eq!(sentences(s).len(), 2, "{:?}", sentences(s));
    }

    #[test]
    fn dotted_abbreviation_before_a_starter_splits() {
        assert_eq!(
            sentences("Hamas is talking to the U.S. The talks began Sunday."),
            ["Hamas is talking to the U.S.", "The talks began Sunday."]
        );
    }

    #[test]
    fn decimals_and_quotes() {
        assert_eq!(
            sentences("Prices rose 1.5 percent. \u{201C}It is bad.\u{201D} He said so!"),
            [
                "Prices rose 1.5 percent.",
                "\u{201C}It is bad.\u{201D}",
                "He said so!"
            ]
        );
        assert_eq!(
            sentences("\"We are open,\" Hamas stated."),
            ["\"We are open,\" Hamas stated."]
        );
    }

    #[test]
    fn blank_lines_split_and_whitespace_is_trimmed() {
        assert_eq!(
            sentences("  A title\n\nBody text "),
            ["A title", "Body text"]
        );
        assert!(sentences("   ").is_empty());
    }
}
