//! Word differences that mean something: where two aligned sentences
//! differ in a number, a name, a date, a negation, a word and its
//! opposite, or a quantifier. Computed once per alignment, against the
//! group's first sentence, and read by the reader and every report, so
//! that what a user sees highlighted is what differs in substance, not
//! every word the two sentences do not share.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{Alignment, Member, Vocabulary, normal_word};
use crate::extract::polarity::is_negation_word;
use crate::extract::{Mention, Value};
use crate::model::ArticleAnalysis;
use crate::text::tokens::Kind;

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

/// The differences of every alignment, on both sides of each comparison.
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
    let sides: Vec<Side> = m.iter().map(|&x| Side::of(articles, vocab, x)).collect();
    // Neighbours, and each with the first: every member meets one that
    // differs from it, in as many comparisons as twice the members.
    let neighbours = (1..sides.len()).map(|i| (i - 1, i));
    let first = (2..sides.len()).map(|i| (0, i));
    let mut out: Vec<Difference> = neighbours
        .chain(first)
        .flat_map(|(i, j)| {
            let mut found = sides[i].against(&sides[j]);
            found.extend(sides[j].against(&sides[i]));
            found
        })
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

/// A word lower-cased, copied only when that changes it: most words of
/// news text are already, and every word of every aligned sentence is
/// read here.
fn lowercase(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// A word of a side: where it stands, lower-cased, and its normal form.
type Word<'a> = (Range<usize>, Cow<'a, str>, Option<Cow<'a, str>>);

/// One sentence of a compared pair, read once.
struct Side<'a> {
    member: Member,
    text: &'a str,
    /// Its numbers, dates and names, each read once.
    facts: Vec<Fact>,
    /// Its words: where each stands, lower-cased, and its normal form.
    words: Vec<Word<'a>>,
    /// Which of its words are negations, and how many: read once here, as
    /// a side is compared with several others.
    negation: Vec<bool>,
    negations: usize,
}

impl<'a> Side<'a> {
    fn of(articles: &'a [ArticleAnalysis], vocab: &'a Vocabulary, member: Member) -> Self {
        let a = &articles[member.article];
        let text = &a.article.text;
        let words = a
            .sentence_tokens(member.sentence)
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| {
                let w = t.text(text);
                (t.start..t.end, lowercase(w), vocab.normal(w))
            })
            .collect::<Vec<_>>();
        let facts = crate::extract::sentence_mentions(&a.mentions, member.sentence)
            .iter()
            .filter_map(|m| Fact::of(m, text, vocab))
            .collect();
        let negation: Vec<bool> = words.iter().map(|w| is_negation_word(&w.1)).collect();
        let negations = negation.iter().filter(|&&n| n).count();
        Side {
            member,
            text,
            facts,
            words,
            negation,
            negations,
        }
    }

    /// What this side says that `other` says otherwise: a number, date or
    /// name where the other has another of its kind and not this one; a
    /// negation the other lacks; a quantifier the other lacks; a word whose
    /// opposite the other has.
    fn against(&self, other: &Side) -> Vec<Difference> {
        let mut out = Vec::new();
        for f in &self.facts {
            // Replaced: the other says something of the same class this
            // side does not, and not this.
            let said = |side: &Side, g: &Fact| {
                side.facts
                    .iter()
                    .any(|x| x.class == g.class && x.value == g.value)
            };
            let replaced = other
                .facts
                .iter()
                .any(|o| o.class == f.class && !said(self, o));
            if replaced && !said(other, f) {
                self.push(&mut out, f.kind, f.range.clone(), other.member);
            }
        }
        let more_negated = self.negations > other.negations;
        for ((range, word, normal), &negation) in self.words.iter().zip(&self.negation) {
            let kind = if negation {
                more_negated.then_some(DifferenceKind::Negation)
            } else if QUANTIFIERS.contains(word.as_ref()) {
                (!other.words.iter().any(|w| w.1 == *word)).then_some(DifferenceKind::Quantifier)
            } else {
                normal
                    .as_ref()
                    .and_then(|n| opposites().get(n.as_ref()))
                    .filter(|o| {
                        other
                            .words
                            .iter()
                            .any(|w| w.2.as_ref().is_some_and(|x| o.iter().any(|y| y == x)))
                    })
                    .map(|_| DifferenceKind::Opposite)
            };
            if let Some(kind) = kind {
                self.push(&mut out, kind, range.clone(), other.member);
            }
        }
        out
    }

    fn push(
        &self,
        out: &mut Vec<Difference>,
        kind: DifferenceKind,
        range: Range<usize>,
        against: Member,
    ) {
        out.push(Difference {
            kind,
            member: self.member,
            text: self.text[range.clone()].to_string(),
            range,
            against,
        });
    }
}

/// A number, date or name of a sentence, keyed for comparison.
struct Fact {
    kind: DifferenceKind,
    range: Range<usize>,
    /// What it could be compared with: its kind, and for a count the
    /// counted thing ("n:prisoner").
    class: String,
    /// What it says: a count's bounds, a date's days, a name's KB entity
    /// or its lower-cased form.
    value: String,
}

impl Fact {
    fn of(m: &Mention, text: &str, vocab: &Vocabulary) -> Option<Fact> {
        let mut range = m.range.clone();
        let (kind, class, value) = match &m.value {
            Value::Quantity(q) if !q.ordinal => {
                let head = q
                    .counted
                    .as_deref()
                    .and_then(|c| c.split_whitespace().last());
                // The story's vocabulary has it stemmed already.
                let head = head.and_then(|h| vocab.normal(h)).unwrap_or_default();
                // The number, not what it counts: "120" of "120 boats".
                if let Some(counted) = q.counted.as_deref()
                    && let Some(number) = text[range.clone()].strip_suffix(counted)
                {
                    range.end = range.start + number.trim_end().len();
                }
                (
                    DifferenceKind::Number,
                    format!("n:{head}"),
                    format!("{:?}", (q.low, q.high)),
                )
            }
            Value::Date(d) => (
                DifferenceKind::Date,
                "d".to_string(),
                format!("{:?}", (d.from, d.to)),
            ),
            Value::Person(p) => (
                DifferenceKind::Name,
                "p".to_string(),
                p.kb.clone().unwrap_or_else(|| p.name.to_lowercase()),
            ),
            Value::Named(n) => (
                DifferenceKind::Name,
                format!("{:?}", m.kind),
                n.kb.clone().unwrap_or_else(|| n.name.to_lowercase()),
            ),
            _ => return None,
        };
        Some(Fact {
            kind,
            range,
            class,
            value,
        })
    }
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
