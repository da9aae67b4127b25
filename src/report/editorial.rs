//! Words for an editor, for the HTML report: sources named by outlet and
//! title instead of file paths and article ids, dates as people write them,
//! confidence and kinds in words, and the analysis' jargon ("aligned",
//! "similarity 0.34", knowledge-base ids) left out. The rules write their
//! explanations once for every format (`src/detect`); this rewrites them
//! on the way into the shared page only. Paths stay in the page's details
//! lines; the JSON, text and Markdown reports keep the rules' own words.

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::detect::FindingKind;
use crate::model::ArticleAnalysis;

/// Jargon of the rules' explanations and what an editor reads instead.
/// Applied in order, after the `(… similarity 0.34)` asides are dropped.
const PLAIN_WORDS: [(&str, &str); 5] = [
    (
        "The statements are aligned,",
        "The statements are about the same event,",
    ),
    ("aligned sentences", "sentences about the same event"),
    ("content words", "words"),
    ("the shared predicate", "the shared verb"),
    ("one rendering misspelled", "one of the spellings wrong"),
];

/// A date as people write it: "19 January 2025".
#[must_use]
pub fn day(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// A session time (`2026-11-21T10:00:00.000Z`) as people write it:
/// "21 November 2026, 10:00 UTC". Anything else is left as written.
#[must_use]
pub fn moment(at: &str) -> String {
    match at.parse::<jiff::Timestamp>() {
        Ok(t) => t.strftime("%-d %B %Y, %H:%M UTC").to_string(),
        Err(_) => dates(at),
    }
}

/// Every ISO date (`2025-01-19`) in a text as people write it.
#[must_use]
pub fn dates(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut copied = 0;
    while at + 10 <= bytes.len() {
        let digit_before = at > 0 && bytes[at - 1].is_ascii_digit();
        let digit_after = bytes.get(at + 10).is_some_and(u8::is_ascii_digit);
        let parsed = (!digit_before && !digit_after)
            .then(|| text.get(at..at + 10))
            .flatten()
            .filter(|s| s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-')
            .and_then(|s| s.parse::<Date>().ok());
        if let Some(d) = parsed {
            out.push_str(&text[copied..at]);
            out.push_str(&day(d));
            at += 10;
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// How sure a finding is, in words.
#[must_use]
pub fn confidence(c: f32) -> &'static str {
    match c {
        c if c >= 0.9 => "almost certain",
        c if c >= 0.75 => "likely",
        c if c >= 0.5 => "possible",
        _ => "uncertain",
    }
}

/// What a kind of finding means, in words.
#[must_use]
pub fn kind(k: FindingKind) -> &'static str {
    match k {
        FindingKind::WrongOfficeholder => "wrong office-holder",
        FindingKind::Anachronism => "out of its time",
        FindingKind::NameVariant => "name spelt two ways",
        FindingKind::NumberConflict => "numbers disagree",
        FindingKind::DateConflict => "dates disagree",
        FindingKind::Contradiction => "sources contradict each other",
        FindingKind::AttributionConflict => "words credited to different people",
        FindingKind::InternalInconsistency => "an article contradicts itself",
    }
}

/// A source's name: its outlet; its title when it names no outlet; its
/// file's name when it has neither. Two articles of one outlet are told
/// apart by their titles.
#[must_use]
pub fn source_name(analysis: &Analysis, a: &ArticleAnalysis) -> String {
    let meta = &a.article.meta;
    let title = meta.title.clone().unwrap_or_else(|| file_name(a));
    let Some(outlet) = meta.outlet.as_deref() else {
        return title;
    };
    let shared = analysis
        .articles
        .iter()
        .filter(|b| b.article.meta.outlet.as_deref() == Some(outlet))
        .count();
    if shared > 1 {
        format!("{outlet}, “{title}”")
    } else {
        outlet.to_string()
    }
}

/// The last part of an article's path: what stands in for a missing title.
#[must_use]
pub fn file_name(a: &ArticleAnalysis) -> String {
    let path = a.article.path.as_str();
    path.rsplit(['/', '\\'])
        .find(|p| !p.is_empty())
        .unwrap_or(path)
        .to_string()
}

/// Rewrites the rules' prose for an editor.
pub struct Prose {
    /// Per article: its path, id and name, longest path first.
    sources: Vec<(String, String, String)>,
}

impl Prose {
    #[must_use]
    pub fn new(analysis: &Analysis) -> Prose {
        let mut sources: Vec<(String, String, String)> = analysis
            .articles
            .iter()
            .map(|a| {
                (
                    a.article.path.clone(),
                    a.article.id.clone(),
                    source_name(analysis, a),
                )
            })
            .collect();
        sources.sort_by_key(|(path, _, _)| std::cmp::Reverse(path.len()));
        Prose { sources }
    }

    /// A summary, explanation or suggestion in an editor's words.
    #[must_use]
    pub fn rewrite(&self, text: &str) -> String {
        let mut text = text.to_string();
        for (path, _, name) in &self.sources {
            text = replace_places(&text, path, name);
        }
        for (path, id, name) in &self.sources {
            // Summaries name a source by its file's name.
            let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
            if !file.is_empty() && file != path {
                text = replace_word(&text, file, name);
            }
            text = replace_word(&text, id, name);
            // "Harbour Ledger (Harbour Ledger) says": the place said twice.
            text = text.replace(&format!("{name} ({name})"), name);
        }
        text = drop_asides(&text, |inside| {
            inside.contains("similarity ") || is_kb_id(inside)
        });
        for (jargon, plain) in PLAIN_WORDS {
            text = text.replace(jargon, plain);
        }
        dates(&text)
    }
}

/// `path` and `path:line` (`:column`) replaced by `name`.
fn replace_places(text: &str, path: &str, name: &str) -> String {
    if path.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(path) {
        out.push_str(&rest[..at]);
        out.push_str(name);
        rest = &rest[at + path.len()..];
        // Up to two ":digits" after it: the line and the column.
        for _ in 0..2 {
            let digits = rest
                .strip_prefix(':')
                .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
            if digits == 0 {
                break;
            }
            rest = &rest[1 + digits..];
        }
    }
    out.push_str(rest);
    out
}

/// Whole-word occurrences of `word` (an article id such as `a2`) replaced.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    for (at, _) in text.match_indices(word) {
        let before = text[..at].chars().next_back().is_some_and(is_word);
        let after = text[at + word.len()..].chars().next().is_some_and(is_word);
        if !before && !after && at >= copied {
            out.push_str(&text[copied..at]);
            out.push_str(with);
            copied = at + word.len();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A knowledge-base id as the rules quote it: `il-defense-minister`.
fn is_kb_id(s: &str) -> bool {
    s.contains('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Removes the ` (…)` asides whose inside `drop` picks.
fn drop_asides(text: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let inside = &rest[open + 2..];
        match inside.find(')') {
            Some(close) if !inside[..close].contains('(') && drop(&inside[..close]) => {
                out.push_str(&rest[..open]);
                rest = &inside[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(
            dates("held it 2022-12-29 to 2024-11-07; on 2025-01-19 it"),
            "held it 29 December 2022 to 7 November 2024; on 19 January 2025 it"
        );
        assert_eq!(
            dates("id 12025-01-19 and 2025-13-40"),
            "id 12025-01-19 and 2025-13-40"
        );
        assert_eq!(
            moment("2026-11-21T10:00:00Z"),
            "21 November 2026, 10:00 UTC"
        );
        assert_eq!(
            moment("2026-12-06T16:23:02.125Z"),
            "6 December 2026, 16:23 UTC"
        );
    }

    #[test]
    fn asides_of_jargon_go_and_the_rest_stay() {
        let text = "differ in \"not\" (aligned sentences, similarity 0.34). Israel Katz \
                    (israel-katz) and (1 mention in 1 source) (us-president):";
        assert_eq!(
            drop_asides(text, |s| s.contains("similarity ") || is_kb_id(s)),
            "differ in \"not\". Israel Katz and (1 mention in 1 source):"
        );
    }

    #[test]
    fn places_and_ids_become_names() {
        assert_eq!(
            replace_places("x (a/b.md:13), a/b.md:4:2 says; a/b.md", "a/b.md", "Ledger"),
            "x (Ledger), Ledger says; Ledger"
        );
        assert_eq!(
            replace_word("a2 says (a2), a21 and ba2", "a2", "Wire"),
            "Wire says (Wire), a21 and ba2"
        );
    }
}
