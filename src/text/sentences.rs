//! Sentence boundaries that survive news prose: "U.S.", "Mr.", "Gen.",
//! initials, decimals, "p.m." and quotations do not end a sentence.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::Lexicon;

/// The sections of `sentence-words.txt`: words that end with a dot without
/// ending the sentence, and words that, capitalised after "U.S." or "p.m.",
/// begin a new one.
static WORDS: LazyLock<(FxHashSet<&str>, FxHashSet<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/sentence-words.txt"));
    let set = |name| -> FxHashSet<&'static str> {
        let section = lex.section(name).expect("sentence-words.txt sections");
        section.entries().collect()
    };
    (set("abbreviations"), set("starters"))
});

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

/// The most words a sentence holds. Longer runs (a page without stops, a
/// list of names) are cut at word boundaries: no news sentence is this
/// long, and every rule's cost then stays linear in the text.
pub const MAX_WORDS: usize = 150;

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        push_bounded(text, range.start + lead..range.end - trail, out);
    }
}

/// Pushes a trimmed sentence, cut every [`MAX_WORDS`] words.
fn push_bounded(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = range.start;
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if c.is_whitespace() {
            if in_word && words == MAX_WORDS {
                out.push(start..at);
                start = at;
                words = 0;
            }
            in_word = false;
        } else {
            if !in_word {
                words += 1;
                if words == 1 && start < at {
                    // Skip the whitespace a cut left at the front.
                    start = at;
                }
            }
            in_word = true;
        }
    }
    out.push(start..range.end);
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
            return WORDS.1.contains(next_word);
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
    WORDS.0.contains(lower.as_str())
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_stops_is_cut_at_word_boundaries() {
        let text = "word ".repeat(MAX_WORDS * 2 + 10) + "end.";
        let pieces = split(&text, 0..text.len());
        assert_eq!(pieces.len(), 3);
        for p in &pieces {
            let piece = &text[p.clone()];
            assert_eq!(piece, piece.trim());
            assert!(piece.split_whitespace().count() <= MAX_WORDS);
        }
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces[2].end, text.len());
        let words: usize = pieces
            .iter()
            .map(|p| text[p.clone()].split_whitespace().count())
            .sum();
        assert_eq!(words, MAX_WORDS * 2 + 11);
    }

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
