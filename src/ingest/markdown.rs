//! Markdown bodies: paragraphs, headings, list items and quotes become
//! blocks; inline markup is skipped without losing positions.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::layout::Candidate;
use crate::model::{Role, TextBuilder};

/// Reads the Markdown in `source[start..]` into analysis text and candidate
/// blocks.
#[must_use]
pub fn read(source: &str, start: usize) -> (TextBuilder, Vec<Candidate>) {
    let mut b = TextBuilder::default();
    let mut candidates = Vec::new();
    let mut open: Option<(usize, Option<Role>)> = None;
    let mut seen_h1 = false;
    let body = &source[start..];
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let src = start + range.start;
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell) => {
                let hint = match event {
                    Event::Start(Tag::Heading { level, .. })
                        if level == pulldown_cmark::HeadingLevel::H1 && !seen_h1 =>
                    {
                        seen_h1 = true;
                        Some(Role::Title)
                    }
                    _ => None,
                };
                if open.is_none() {
                    open = Some((b.begin_block(), hint));
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                if let Some((at, hint)) = open.take() {
                    let before = b.blocks.len();
                    b.end_block(hint.unwrap_or(Role::Body), at);
                    if let Some(block) = b.blocks.get(before) {
                        candidates.push(Candidate {
                            range: block.range.clone(),
                            hint,
                        });
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if open.is_some() => {
                // A code span's range includes its backticks: map the text
                // to where it really is inside the range when it is there.
                let raw = source.get(src..src + range.len()).unwrap_or("");
                match raw.find(&*t) {
                    Some(at) if !t.is_empty() => b.verbatim(&t, src + at),
                    _ => map_loosely(&mut b, &t, raw, src),
                }
            }
            Event::SoftBreak | Event::HardBreak if open.is_some() => {
                b.decoded(" ", src, range.len());
            }
            _ => {}
        }
    }
    // Blocks are re-derived from candidates by the layout pass.
    b.blocks.clear();
    (b, candidates)
}

/// Maps text that differs from its source only in whitespace (a code span
/// whose line break became a space) character by character, so sentences
/// inside keep distinct positions; anything else maps as one unit.
fn map_loosely(b: &mut TextBuilder, text: &str, raw: &str, src: usize) {
    let (mut i, mut j) = (0, 0);
    // Skip what precedes the text in the source (backticks, a space).
    if let Some(first) = text.chars().next() {
        j = raw.find(first).unwrap_or(raw.len());
    }
    while i < text.len() && j < raw.len() {
        let (Some(c), Some(r)) = (text[i..].chars().next(), raw[j..].chars().next()) else {
            break;
        };
        if c == r {
            b.verbatim(&text[i..i + c.len_utf8()], src + j);
            i += c.len_utf8();
            j += r.len_utf8();
        } else if c == ' ' && r.is_whitespace() {
            // A line break may become one space or one per character
            // ("\r\n" as two): the text's spaces stand for the source's
            // whole run of whitespace.
            let spaces = text[i..].len() - text[i..].trim_start_matches(' ').len();
            let run = raw[j..].len() - raw[j..].trim_start().len();
            b.decoded(&text[i..i + spaces], src + j, run.max(1));
            i += spaces;
            j += run.max(1);
        } else {
            break;
        }
    }
    if i < text.len() {
        b.decoded(
            &text[i..],
            src + j.min(raw.len()),
            raw.len().saturating_sub(j),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code span across a CRLF line break reads it as two spaces: the
    /// words after it keep their places (found by the property tests).
    #[test]
    fn a_code_span_across_a_crlf_keeps_positions() {
        let src = "`a \u{3a3} [x\r\non Sunday\u{fe20}`";
        let (b, _) = read(src, 0);
        let at = b.text.find("Sunday").unwrap();
        let span = b.map.to_source(at..at + 6);
        assert_eq!(&src[span.range()], "Sunday");
    }

    #[test]
    fn markup_is_skipped_and_positions_kept() {
        let src = "# Truce holds\n\nThe **ceasefire** began on [Sunday](http://x.example).\nIt held.\n\n- one item\n";
        let (b, c) = read(src, 0);
        let texts: Vec<&str> = c.iter().map(|c| &b.text[c.range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "Truce holds",
                "The ceasefire began on Sunday. It held.",
                "one item"
            ]
        );
        assert_eq!(c[0].hint, Some(Role::Title));
        let word = b.text.find("ceasefire").unwrap();
        let span = b.map.to_source(word..word + 9);
        assert_eq!(&src[span.range()], "ceasefire");
    }
}
