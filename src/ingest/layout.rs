//! The layout of an article page: which lines are the kicker, the title,
//! the byline, the date line, photo captions, page furniture and the story.
//! Works on candidate blocks from any format; nothing is removed from the
//! source, lines are only kept out of analysis.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::boilerplate::is_boilerplate;
use crate::lexicon::Lexicon;
use crate::model::{Block, Meta, Role};
use crate::text::dates::parse_date_line;
use aho_corasick::AhoCorasick;
use jiff::civil::Date;

/// A stretch of text that may become a block, with what the format said.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub range: Range<usize>,
    pub hint: Option<Role>,
}

/// Labels printed above a headline, and signs that a line is a photo
/// caption or credit (`page-furniture.txt`).
static FURNITURE: LazyLock<(FxHashSet<&str>, Vec<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/page-furniture.txt"));
    let section = |name| lex.section(name).expect("page-furniture.txt sections");
    (
        section("kickers").entries().collect(),
        section("caption marks").entries().collect(),
    )
});

/// Whether a line is a photo caption or credit: it carries a caption mark
/// written as credits are, with a capital ("(Photo by", "/ AFP)", not the
/// "(ePA)" of an abbreviation in a paragraph), and it does not open with a
/// dateline ("WASHINGTON (Reuters) - " leads the story's first paragraph).
#[must_use]
pub fn is_caption(line: &str) -> bool {
    // One pass over the line for every mark: the marks are ASCII, so ASCII
    // case folding finds them, and keeps byte offsets.
    static MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&FURNITURE.1)
            .expect("fixed patterns build")
    });
    let marked = MARKS.find_overlapping_iter(line).any(|m| {
        line[m.range()]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    marked && dateline(line).is_none()
}

fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '\u{201D}', '\u{2019}', ':'])
}

fn is_kicker(line: &str) -> bool {
    let lower = line.trim().trim_end_matches(':').to_lowercase();
    FURNITURE.0.contains(lower.as_str())
}

/// "By Jane Doe", "Ahmed Kamel – Egypt Daily News", "Jane Doe | Outlet".
pub(super) fn byline(line: &str) -> Option<(Option<String>, Option<String>)> {
    let line = line.trim();
    if line.split_whitespace().count() > 10 || ends_like_sentence(line) || line.len() > 100 {
        return None;
    }
    let (by, rest) = match line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
    {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let split = [" \u{2013} ", " \u{2014} ", " - ", " | ", ", "]
        .iter()
        .find_map(|sep| rest.split_once(sep));
    let (author, outlet) = match split {
        Some((a, o)) => (a.trim(), Some(o.trim().to_string())),
        None if by => (rest.trim(), None),
        None => return None,
    };
    let name_like = author.split_whitespace().count() <= 5
        && author
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "and");
    (name_like && (by || outlet.is_some())).then(|| (Some(author.to_string()), outlet))
}

/// "ALBAWABA - ", "GAZA CITY (Reuters) - ", "WASHINGTON - ": returns the
/// outlet, if the prefix names one, and the length of the prefix.
fn dateline(block: &str) -> Option<(Option<String>, usize)> {
    let (head, sep) = [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| block.find(sep).map(|at| (at, sep.len())))
        .min()?;
    let prefix = &block[..head];
    if prefix.is_empty() || prefix.len() > 50 {
        return None;
    }
    let (caps, paren) = match prefix.split_once('(') {
        Some((c, p)) => (c.trim(), Some(p.trim_end_matches(')').trim())),
        None => (prefix.trim(), None),
    };
    // "(Reuters) - " without a place names the agency alone.
    if caps.is_empty() {
        let agency = paren.filter(|p| p.chars().next().is_some_and(char::is_uppercase))?;
        let name_like = agency.split_whitespace().count() <= 3
            && agency.chars().all(|c| c.is_alphabetic() || c == ' ');
        return name_like.then(|| (Some(agency.to_string()), head + sep));
    }
    let all_caps = caps.chars().any(char::is_alphabetic)
        && caps.chars().all(|c| {
            c.is_uppercase()
                || c.is_whitespace()
                || matches!(c, '.' | '\'' | ',' | '-' | '\u{2019}')
        });
    if !all_caps || caps.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let outlet = match paren.filter(|p| !p.is_empty()) {
        Some(agency) => Some(agency.to_string()),
        None => (!names_place(caps)).then(|| caps.to_string()),
    };
    Some((outlet, head + sep))
}

/// Whether a dateline's capitals name the place the story was filed from
/// ("WASHINGTON", "KANSAS CITY, Mo.") rather than the outlet ("ALBAWABA"):
/// a city with its state or country, or a place the knowledge base knows.
fn names_place(caps: &str) -> bool {
    use crate::kb::{Entity, Kb};
    caps.contains(',')
        || Kb::builtin()
            .resolve(caps)
            .iter()
            .any(|e| matches!(e, Entity::Place(_) | Entity::Country(_)))
}

/// Reads a line that only dates the article, as the common page layouts
/// print it: "Published May 11th, 2025", "PUBLISHED: THURSDAY, MAY 2, 2013",
/// "(Published Monday, Nov. 18, 2019)", "First published on November 19,
/// 2019 / 8:16 AM", "PUBLISHED: 10:02 EST, 2 May 2013 | UPDATED: 12:05 EST,
/// 2 May 2013", "New Delhi, News Bureau | Updated: 19 November 2019, 09:01
/// AM". Returns the publication date (the first date not marked as an
/// update, else the first) and whether it is an update.
#[must_use]
pub fn date_line(line: &str) -> Option<(Date, bool)> {
    let line = line.trim();
    if line.len() > 160 {
        return None;
    }
    let mut dates = Vec::new();
    let mut others = 0;
    for part in line.split(['|', '/', '\u{2022}']).map(str::trim) {
        let part =
            part.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']') || c.is_whitespace());
        if part.is_empty() {
            continue;
        }
        match parse_date_line(&without_times(part)) {
            Some(found) => dates.push(found),
            // A place, desk or outlet beside the date.
            None if part.split_whitespace().count() <= 6 && !ends_like_sentence(part) => {
                others += 1;
            }
            None => return None,
        }
    }
    let first = *dates.first()?;
    // A bare time, "Updated at 1:23 p.m.", has no date; "New Delhi" alone
    // beside a bare date is no date line either way.
    if others > 0
        && !line.to_lowercase().contains("publish")
        && !line.to_lowercase().contains("updated")
    {
        return None;
    }
    Some(
        dates
            .into_iter()
            .find(|(_, updated)| !updated)
            .unwrap_or(first),
    )
}

/// Whether a line names the publication or an update of the article.
fn says_when_published(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["publish", "updated", "posted", "modified"]
        .iter()
        .any(|w| lower.contains(w))
}

/// A line that only times the article: "Updated at 1:23 p.m.", "Posted
/// 10:02 EST".
fn is_time_line(line: &str) -> bool {
    const LEADS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "last",
        "at",
        "on",
        ":",
        "-",
    ];
    let rest = without_times(line);
    rest.len() < line.len()
        && !rest.is_empty()
        && rest
            .split(|c: char| c.is_whitespace() || c == ':')
            .filter(|w| !w.is_empty())
            .all(|w| LEADS.contains(&w.to_lowercase().as_str()))
}

/// The line without its clock times ("10:02 EST", "8:16 AM", "1:23 p.m."),
/// which may stand before the date.
fn without_times(part: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut after_time = false;
    for word in part.split_whitespace() {
        let bare = word.trim_end_matches([',', '.', ';']);
        let is_time = bare.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && h.bytes().all(|b| b.is_ascii_digit())
                && m.len() >= 2
                && m.bytes().take(2).all(|b| b.is_ascii_digit())
        });
        let suffix = after_time
            && (matches!(
                bare.to_ascii_lowercase().as_str(),
                "am" | "pm" | "a.m" | "p.m" | "hrs" | "h"
            ) || (bare.len() <= 4
                && bare.len() >= 2
                && bare.bytes().all(|b| b.is_ascii_uppercase())));
        if is_time || suffix {
            after_time = true;
            continue;
        }
        after_time = false;
        out.push(word);
    }
    out.join(" ")
}

/// Arranges candidate blocks into the article's blocks, filling `meta`
/// from the header lines.
#[must_use]
pub fn arrange(text: &str, candidates: &[Candidate], meta: &mut Meta) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut in_header = true;
    let mut dateline_checked = false;
    let mut from_update = false;
    for c in candidates {
        let line = text[c.range.clone()].trim();
        if line.is_empty() || is_boilerplate(line) {
            continue;
        }
        if meta.title.as_deref() == Some(line)
            && blocks.iter().any(|b: &Block| b.role == Role::Title)
        {
            continue; // the headline repeated under the date line
        }
        // A date or update line anywhere ("UPDATED: 12:05 EST, 2 May 2013"
        // under the first paragraph) is metadata, never a statement; past
        // the header a bare date ("May 2, 2013" heading a timeline) is not.
        let dated = date_line(line).filter(|_| in_header || says_when_published(line));
        if let Some((date, updated)) = dated {
            // An update's date stands in only until the publication's is read.
            if meta.published.is_none() || (from_update && !updated) {
                meta.published = Some(date);
                from_update = updated;
            }
            continue;
        }
        if is_time_line(line) {
            continue; // "Updated at 1:23 p.m.": when, but no date to keep
        }
        if c.hint == Some(Role::Caption) || is_caption(line) {
            blocks.push(Block {
                role: Role::Caption,
                range: c.range.clone(),
            });
            continue;
        }
        if in_header {
            if header_line(line, c, meta, &mut blocks) || is_label(line, &blocks) {
                continue;
            }
            in_header = false;
        }
        let mut range = c.range.clone();
        if !dateline_checked {
            dateline_checked = true;
            if let Some((outlet, len)) = dateline(&text[range.clone()]) {
                if let Some(outlet) = outlet {
                    meta.outlet.get_or_insert(outlet);
                }
                range.start += len;
            }
        }
        let role = if c.hint == Some(Role::Title) {
            Role::Title
        } else {
            Role::Body
        };
        blocks.push(Block { role, range });
    }
    blocks
}

/// Reads one line of the page header; false when it is story text.
fn header_line(line: &str, c: &Candidate, meta: &mut Meta, blocks: &mut Vec<Block>) -> bool {
    if is_kicker(line) {
        return true;
    }
    if let Some((author, outlet)) = byline(line) {
        if meta.author.is_none() {
            meta.author = author;
        }
        if meta.outlet.is_none() {
            meta.outlet = outlet;
        }
        return true;
    }
    let has_title = blocks.iter().any(|b| b.role == Role::Title);
    let title_like =
        line.split_whitespace().count() <= 30 && !line.ends_with('.') && c.hint != Some(Role::Body)
            || c.hint == Some(Role::Title);
    if !has_title && title_like {
        if meta.title.is_none() {
            meta.title = Some(line.to_string());
        }
        blocks.push(Block {
            role: Role::Title,
            range: c.range.clone(),
        });
        return true;
    }
    false
}

/// A label of the page header between the title and the story: a name, a
/// section or a reading time of a few words without a sentence's end
/// ("REUTERS", "5 min read"). It is no statement, and the date line below
/// it still belongs to the header.
fn is_label(line: &str, blocks: &[Block]) -> bool {
    const MAX_WORDS: usize = 3;
    blocks.iter().any(|b| b.role == Role::Title)
        && line.split_whitespace().count() <= MAX_WORDS
        && !ends_like_sentence(line)
}

/// Candidate blocks of plain text starting at `start`: one per line, or
/// one per paragraph when the paragraph is hard-wrapped.
#[must_use]
pub fn text_candidates(text: &str, start: usize) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut chunk: Vec<Range<usize>> = Vec::new();
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = pos..pos + content.len();
        pos += line.len();
        if content.trim().is_empty() {
            flush(text, &mut chunk, &mut out);
        } else {
            chunk.push(trim_range(text, range));
        }
    }
    flush(text, &mut chunk, &mut out);
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

fn flush(text: &str, chunk: &mut Vec<Range<usize>>, out: &mut Vec<Candidate>) {
    if chunk.is_empty() {
        return;
    }
    if hard_wrapped(text, chunk) {
        let range = chunk[0].start..chunk[chunk.len() - 1].end;
        out.push(Candidate { range, hint: None });
    } else {
        out.extend(chunk.iter().map(|r| Candidate {
            range: r.clone(),
            hint: None,
        }));
    }
    chunk.clear();
}

/// A paragraph wrapped at a fixed width: no line is wider than a terminal,
/// and every break falls where the next word would not have fitted.
fn hard_wrapped(text: &str, chunk: &[Range<usize>]) -> bool {
    if chunk.len() < 2 {
        return false;
    }
    let line = |r: &Range<usize>| &text[r.clone()];
    if chunk
        .iter()
        .any(|r| parse_date_line(line(r)).is_some() || byline(line(r)).is_some())
    {
        return false;
    }
    if chunk.len() == 2 {
        // Two lines are one paragraph only when the second continues the first.
        return line(&chunk[1])
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    }
    let width = |r: &Range<usize>| text[r.clone()].chars().count();
    let max = chunk.iter().map(width).max().unwrap_or(0);
    let forced = chunk.windows(2).all(|pair| {
        let next_word = text[pair[1].clone()]
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        width(&pair[0]) + 1 + next_word > max
    });
    max <= 100 && forced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arranged(text: &str) -> (Vec<(Role, String)>, Meta) {
        let mut meta = Meta::default();
        let blocks = arrange(text, &text_candidates(text, 0), &mut meta);
        let shown = blocks
            .iter()
            .map(|b| (b.role, text[b.range.clone()].to_string()))
            .collect();
        (shown, meta)
    }

    #[test]
    fn date_and_update_lines_are_metadata() {
        let d = |y, m, day| Some((jiff::civil::date(y, m, day), false));
        let u = |y, m, day| Some((jiff::civil::date(y, m, day), true));
        assert_eq!(date_line("PUBLISHED: THURSDAY, MAY 2, 2013"), d(2013, 5, 2));
        assert_eq!(date_line("UPDATED: THURSDAY, MAY 2, 2013"), u(2013, 5, 2));
        assert_eq!(
            date_line("PUBLISHED: 10:02 EST, 2 May 2013 | UPDATED: 12:05 EST, 3 May 2013"),
            d(2013, 5, 2)
        );
        assert_eq!(
            date_line("New Delhi , News Nation Bureau | Updated : 19 November 2019, 09:01 AM"),
            u(2019, 11, 19)
        );
        assert_eq!(
            date_line("(Published Monday, Nov. 18, 2019)"),
            d(2019, 11, 18)
        );
        assert_eq!(
            date_line("First published on November 19, 2019 / 8:16 AM"),
            d(2019, 11, 19)
        );
        assert!(is_time_line("Updated at 1:23 p.m."));
        assert!(is_time_line("Posted: 10:02 EST"));
        assert!(!is_time_line("They met at 1:23 p.m."));
        assert!(!is_time_line("Updated"));
        for statement in [
            "Updated at 1:23 p.m.",
            "The findings were published on May 2, 2013 in the journal.",
            "Talks resumed on May 2, 2013 in Doha, officials said.",
            "Doha | May 2",
        ] {
            assert_eq!(date_line(statement), None, "{statement}");
        }
        // Anywhere in the story, not only in its header.
        let page = "Talks resume\n\nNegotiators met on Sunday.\n\nUPDATED: FRIDAY, MAY 3, 2013\n\nThey met again.\n\nPUBLISHED: THURSDAY, MAY 2, 2013";
        let (blocks, meta) = arranged(page);
        assert_eq!(meta.published, Some(jiff::civil::date(2013, 5, 2)));
        let texts: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Talks resume",
                "Negotiators met on Sunday.",
                "They met again."
            ]
        );
        // A bare date past the header heads a part of the story: it stays,
        // and does not date the article.
        let page = "Talks resume\n\nNegotiators met on Sunday.\n\nMay 2, 2013\n\nThey met again.";
        let (blocks, meta) = arranged(page);
        assert_eq!(meta.published, None);
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn news_page_header() {
        let page = "Breaking Headline\n\nTalks resume in Doha\n\nPublished May 11th, 2025 - 06:29 GMT\nTalks resume in Doha\nA mediator arrives in Doha on May 10, 2025. (Photo by Jane Roe / AFP)\n\nHARBOUR DESK - Negotiators met on Sunday.\n\nSubscribe\n\nSign up to our newsletter for exclusive updates";
        let (blocks, meta) = arranged(page);
        assert_eq!(meta.title.as_deref(), Some("Talks resume in Doha"));
        assert_eq!(meta.published, Some(jiff::civil::date(2025, 5, 11)));
        assert_eq!(meta.outlet.as_deref(), Some("HARBOUR DESK"));
        assert_eq!(
            blocks,
            [
                (Role::Title, "Talks resume in Doha".to_string()),
                (
                    Role::Caption,
                    "A mediator arrives in Doha on May 10, 2025. (Photo by Jane Roe / AFP)"
                        .to_string()
                ),
                (Role::Body, "Negotiators met on Sunday.".to_string()),
            ]
        );
    }

    #[test]
    fn captions_are_credits_not_paragraphs_that_name_an_agency() {
        assert!(is_caption(
            "A mediator arrives in Doha. (Photo by Jane Roe / AFP)"
        ));
        assert!(is_caption("Crowds in Beitunia. (Reuters)"));
        // A dateline opens the story's first paragraph.
        assert!(!is_caption(
            "WASHINGTON (Reuters) - Scientists on Monday unveiled the first map of Titan."
        ));
        // An abbreviation that happens to read like a credit, lower case.
        assert!(!is_caption(
            "Das Thema wird seit Jahren diskutiert: die elektronische Patientenakte (ePA)"
        ));
    }

    #[test]
    fn header_labels_and_the_date_below_them_are_not_statements() {
        let page = "Map of Titan revealed\n\nREUTERS\n\n19 NOV 2019\n\n(Reuters) \u{2014} Scientists on Monday unveiled the first map of Titan.\n\nIt shows plains and dunes.";
        let (blocks, meta) = arranged(page);
        assert_eq!(meta.published, Some(jiff::civil::date(2019, 11, 19)));
        assert_eq!(meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            blocks,
            [
                (Role::Title, "Map of Titan revealed".to_string()),
                (
                    Role::Body,
                    "Scientists on Monday unveiled the first map of Titan.".to_string()
                ),
                (Role::Body, "It shows plains and dunes.".to_string()),
            ]
        );
    }

    #[test]
    fn byline_first_line() {
        let (blocks, meta) = arranged(
            "Ahmed Kamel \u{2013} Egypt Daily News\nAfter weeks of silence, negotiations resumed.\nA second paragraph.",
        );
        assert_eq!(meta.author.as_deref(), Some("Ahmed Kamel"));
        assert_eq!(meta.outlet.as_deref(), Some("Egypt Daily News"));
        assert_eq!(meta.title, None);
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraphs_stay_whole() {
        let text = "Title\n\nThe talks center on resolving the humanitarian situation in the\nbesieged area and bringing an end to the conflict, officials said\non Sunday in a statement.\n";
        let (blocks, _) = arranged(text);
        assert_eq!(blocks.len(), 2);
        assert!(blocks[1].1.contains("the\nbesieged"));
    }

    #[test]
    fn story_lines_are_not_bylines() {
        assert_eq!(
            byline("Hamas, for its part, issued a formal statement."),
            None
        );
        assert_eq!(
            dateline("In order to achieve a truce - officials said"),
            None
        );
        assert_eq!(
            dateline("GAZA CITY (Reuters) - Strikes hit").map(|d| d.0),
            Some(Some("Reuters".into()))
        );
        assert_eq!(
            dateline("(Reuters) \u{2014} The attorney general").map(|d| d.0),
            Some(Some("Reuters".into()))
        );
        // A place alone is where the story was filed, not who wrote it;
        // the prefix is still no part of the story's first sentence.
        for place in [
            "WASHINGTON \u{2014} The senator",
            "ALBANY, N.Y. - Officials",
        ] {
            assert_eq!(dateline(place).map(|d| d.0), Some(None), "{place}");
        }
        assert_eq!(
            dateline("ALBAWABA - In order").map(|d| d.0),
            Some(Some("ALBAWABA".into()))
        );
        assert_eq!(dateline("(see below) - a note"), None);
    }
}
