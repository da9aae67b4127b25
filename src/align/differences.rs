//! Word differences that mean something: where two aligned sentences
//! differ in a number, a name, a date, a negation, a word and its
//! opposite, or a quantifier. Computed once per alignment, against the
//! group's first sentence, and read by the reader and every report, so
//! that what a user sees highlighted is what differs in substance, not
//! every word the two sentences do not share.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::terms::diff_pairs;
use super::{Alignment, Member, Vocabulary, normal_word};
use unicode_segmentation::UnicodeSegmentation;

use crate::extract::polarity::is_negation_word;
use crate::extract::{Mention, MentionKind, Value};
use crate::model::ArticleAnalysis;

/// What a difference is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DifferenceKind {
    Number,
    Date,
    Name,
    Negation,
    Opposite,
    Quantifier,
}

/// Words of one sentence of a group that differ in substance from the
/// sentence they are compared with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub kind: DifferenceKind,
    /// The sentence the words stand in.
    pub member: Member,
    /// Their byte range in the article's analysis text.
    #[serde(skip)]
    pub range: Range<usize>,
    /// The words as written.
    pub text: String,
    /// The sentence they were compared with.
    pub against: Member,
}

/// Words of opposite sense, both ways, by normal form (`[opposites]` of
/// `contradictions.txt`).
#[must_use]
pub fn opposites() -> &'static FxHashMap<String, Vec<String>> {
    static TABLE: LazyLock<FxHashMap<String, Vec<String>>> = LazyLock::new(|| {
        let file =
            crate::lexicon::Lexicon::parse(include_str!("../../assets/lexicon/contradictions.txt"));
        let mut table: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let groups = file.section("opposites").map(|s| &s.groups[..]);
        for g in groups.unwrap_or_default() {
            let Some(word) = g.label.and_then(normal_word) else {
                continue;
            };
            for other in g.entries.iter().filter_map(|w| normal_word(w)) {
                table.entry(word.clone()).or_default().push(other.clone());
                table.entry(other).or_default().push(word.clone());
            }
        }
        table
    });
    &TABLE
}

static QUANTIFIERS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| crate::lexicon::set(include_str!("../../assets/lexicon/quantifiers.txt")));

/// The differences of every alignment. Each member is compared with its
/// neighbours in the group and with the first member: every member meets
/// one that differs from it, and the cost stays linear in the group (all
/// pairs cost a sixth of a 200-article run).
pub fn find(alignments: &mut [Alignment], articles: &[ArticleAnalysis], vocab: &Vocabulary) {
    // Groups are independent: the cores share them.
    let found = crate::par::map(alignments.iter().collect(), |al| {
        of_group(&al.members, articles, vocab)
    });
    for (al, differences) in alignments.iter_mut().zip(found) {
        al.differences = differences;
    }
}

fn of_group(m: &[Member], articles: &[ArticleAnalysis], vocab: &Vocabulary) -> Vec<Difference> {
    let neighbours = m.windows(2).map(|w| (w[0], w[1]));
    let first = m.iter().skip(2).map(|&x| (m[0], x));
    let mut out: Vec<Difference> = neighbours
        .chain(first)
        .flat_map(|(a, b)| between(articles, vocab, a, b))
        .collect();
    out.sort_by_key(|d| (d.member, d.range.start, std::cmp::Reverse(d.range.end)));
    merged(out, articles)
}

/// Differences in text order, one per stretch: words of one kind apart
/// only by spaces join ("Prime" "Minister" "Benjamin" …), and one inside
/// another is dropped ("30" in "at least 30").
fn merged(sorted: Vec<Difference>, articles: &[ArticleAnalysis]) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    for d in sorted {
        if let Some(last) = out.last_mut().filter(|l| l.member == d.member) {
            let text = &articles[d.member.article].article.text;
            if d.range.end <= last.range.end {
                continue;
            }
            let gap = text.get(last.range.end..d.range.start).unwrap_or("x");
            if last.kind == d.kind && gap.chars().all(char::is_whitespace) {
                last.range.end = d.range.end;
                last.text = text[last.range.clone()].to_string();
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// The differences in substance between two sentences, on both sides:
/// in each changed stretch of the word diff, a number, date or name
/// replaced by another of its kind, a negation or quantifier added,
/// dropped or swapped, or a word facing its opposite.
fn between(
    articles: &[ArticleAnalysis],
    vocab: &Vocabulary,
    a: Member,
    b: Member,
) -> Vec<Difference> {
    let (sa, sb) = (Side::of(articles, a), Side::of(articles, b));
    let mut out = Vec::new();
    for (o, n, changed) in diff_pairs(sa.text, sb.text) {
        if !changed {
            continue;
        }
        let (o, n) = (sa.absolute(&o), sb.absolute(&n));
        for kind in [
            DifferenceKind::Number,
            DifferenceKind::Date,
            DifferenceKind::Name,
        ] {
            let (ma, mb) = (sa.mentions_in(&o, kind), sb.mentions_in(&n, kind));
            if ma.is_empty()
                || mb.is_empty()
                || ma.iter().any(|x| mb.iter().any(|y| same_thing(x, y)))
            {
                continue; // added, dropped, or said both ways ("US", "United States")
            }
            for m in ma {
                sa.push(&mut out, kind, clip(&m.range, &o), b);
            }
            for m in mb {
                sb.push(&mut out, kind, clip(&m.range, &n), a);
            }
        }
        let (wa, wb) = (sa.words(&o), sb.words(&n));
        for (side, words, others, against) in [(&sa, &wa, &wb, b), (&sb, &wb, &wa, a)] {
            for (range, w) in words {
                if let Some(kind) = word_kind(vocab, w, others) {
                    side.push(&mut out, kind, range.clone(), against);
                }
            }
        }
    }
    out
}

/// Part of `a` within `b`.
fn clip(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.max(b.start)..a.end.min(b.end)
}

/// One sentence of a compared pair.
struct Side<'a> {
    member: Member,
    start: usize,
    text: &'a str,
    mentions: &'a [Mention],
}

impl<'a> Side<'a> {
    fn of(articles: &'a [ArticleAnalysis], member: Member) -> Self {
        let a = &articles[member.article];
        let r = a.sentences[member.sentence].range.clone();
        Side {
            member,
            start: r.start,
            text: &a.article.text[r],
            mentions: crate::extract::sentence_mentions(&a.mentions, member.sentence),
        }
    }

    /// A range of the sentence as a range of the article's text.
    fn absolute(&self, r: &Range<usize>) -> Range<usize> {
        self.start + r.start..self.start + r.end
    }

    fn mentions_in(&self, r: &Range<usize>, kind: DifferenceKind) -> Vec<&'a Mention> {
        self.mentions
            .iter()
            .filter(|m| overlaps(&m.range, r) && mention_kind(m) == Some(kind))
            .collect()
    }

    /// The words of a stretch (article ranges), lower-cased.
    fn words(&self, r: &Range<usize>) -> Vec<(Range<usize>, String)> {
        let piece = &self.text[r.start - self.start..r.end - self.start];
        piece
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
            .map(|(at, w)| (r.start + at..r.start + at + w.len(), w.to_lowercase()))
            .collect()
    }

    fn push(
        &self,
        out: &mut Vec<Difference>,
        kind: DifferenceKind,
        range: Range<usize>,
        against: Member,
    ) {
        if range.is_empty() {
            return;
        }
        let text = self.text[range.start - self.start..range.end - self.start].to_string();
        out.push(Difference {
            kind,
            member: self.member,
            range,
            text,
            against,
        });
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn mention_kind(m: &Mention) -> Option<DifferenceKind> {
    match m.kind {
        MentionKind::Quantity => Some(DifferenceKind::Number),
        MentionKind::Date => Some(DifferenceKind::Date),
        MentionKind::Person | MentionKind::Organization | MentionKind::Place => {
            Some(DifferenceKind::Name)
        }
        _ => None,
    }
}

/// Whether two mentions name the same thing: one KB entity, or the same
/// value.
fn same_thing(a: &Mention, b: &Mention) -> bool {
    let key = |m: &Mention| match &m.value {
        Value::Person(p) => p.kb.clone().or_else(|| Some(p.name.to_lowercase())),
        Value::Named(n) => n.kb.clone().or_else(|| Some(n.name.to_lowercase())),
        _ => None,
    };
    if a.kind != b.kind {
        return false;
    }
    match (&a.value, &b.value) {
        (Value::Quantity(x), Value::Quantity(y)) => (x.low, x.high) == (y.low, y.high),
        (Value::Date(x), Value::Date(y)) => (x.from, x.to) == (y.from, y.to),
        _ => key(a).is_some() && key(a) == key(b),
    }
}

/// What a changed word is, if it matters: a negation, a quantifier, or
/// a word whose opposite stands in the facing stretch.
fn word_kind(
    vocab: &Vocabulary,
    word: &str,
    facing: &[(Range<usize>, String)],
) -> Option<DifferenceKind> {
    if is_negation_word(word) {
        return Some(DifferenceKind::Negation);
    }
    if QUANTIFIERS.contains(word) {
        return Some(DifferenceKind::Quantifier);
    }
    // Most words have no opposite: the facing words are normalised only
    // for those that do.
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let opposites_of = opposites().get(vocab.normal(word)?.as_ref())?;
    facing
        .iter()
        .filter_map(|(_, w)| vocab.normal(w))
        .any(|w| opposites_of.iter().any(|o| *o == w))
        .then_some(DifferenceKind::Opposite)
}

#[cfg(test)]
mod tests {
    use super::DifferenceKind::{self, Name, Negation, Number, Opposite, Quantifier};
    use crate::analysis::{Options, analyze};

    /// The differences (kind, words) found between two one-sentence
    /// articles.
    fn differences(a: &str, b: &str) -> Vec<(DifferenceKind, String)> {
        let articles = [a, b]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = format!("Harbour news\n\n{t}\n");
                crate::ingest::read_str(&format!("{i}.txt"), &text).expect("article")
            })
            .collect();
        let an = analyze(articles, crate::kb::Kb::builtin(), &Options::default());
        assert!(!an.alignments.is_empty(), "the sentences should align");
        an.alignments
            .iter()
            .flat_map(|al| al.differences.iter().map(|d| (d.kind, d.text.clone())))
            .collect()
    }

    fn has(found: &[(DifferenceKind, String)], kind: DifferenceKind, words: &str) -> bool {
        found.iter().any(|(k, w)| *k == kind && w == words)
    }

    #[test]
    fn numbers_names_negations_opposites_and_quantifiers_differ() {
        let found = differences(
            "The port authority said 120 fishing boats were seized off Kerkennah by the coastguard on Friday.",
            "The port authority said 140 fishing boats were seized off Kerkennah by the coastguard on Friday.",
        );
        assert!(
            has(&found, Number, "120") && has(&found, Number, "140"),
            "{found:?}"
        );
        let found = differences(
            "The court in Sfax convicted the harbour master of taking bribes from the shipping firm.",
            "The court in Sfax acquitted the harbour master of taking bribes from the shipping firm.",
        );
        assert!(has(&found, Opposite, "convicted"), "{found:?}");
        let found = differences(
            "The harbour master did not approve the new berth for the ferry company in Sfax.",
            "The harbour master did approve the new berth for the ferry company in Sfax.",
        );
        assert!(has(&found, Negation, "not"), "{found:?}");
        let found = differences(
            "All of the fishing crews in Sfax joined the strike against the new port fees on Monday.",
            "Some of the fishing crews in Sfax joined the strike against the new port fees on Monday.",
        );
        assert!(has(&found, Quantifier, "All"), "{found:?}");
        let found = differences(
            "Port director Karim Ben Salah said the fishing boats were seized off Kerkennah on Friday.",
            "Port director Hedi Mansour said the fishing boats were seized off Kerkennah on Friday.",
        );
        assert!(found.iter().any(|(k, _)| *k == Name), "{found:?}");
    }

    #[test]
    fn words_only_added_or_reworded_are_not_differences() {
        let found = differences(
            "The port authority said 120 fishing boats were seized off Kerkennah by the coastguard on Friday.",
            "The port authority in Sfax said 120 fishing boats were seized off the island of Kerkennah by the coastguard on Friday morning.",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = differences(
            "The port authority said that 120 fishing boats were seized off Kerkennah by the coastguard.",
            "The port authority reported that 120 fishing boats had been seized near Kerkennah by the coastguard.",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
