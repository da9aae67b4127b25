//! `name-variant`: one person rendered differently — against a KB name, inside
//! one article, or across articles — where the forms are not legitimate
//! variants ("Steve"/"Steven", a surname alone, a transliteration the KB lists).

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::spelling::{folded_similarity, same_given_name, similarity};
use super::{Finding, FindingKind, Severity, Story};
use crate::align::Member;
use crate::extract::{PersonValue, Value};
use crate::kb::{Entity, Kb};
use crate::model::ArticleAnalysis;
use crate::text::fold;

/// The written full names of the KB, folded, bucketed by the first letter
/// of the folded surname, to compare a name only with plausible matches.
fn kb_names(kb: &Kb) -> HashMap<char, Vec<(u32, &str, String)>> {
    let mut map: HashMap<char, Vec<(u32, &str, String)>> = HashMap::new();
    for (i, p) in kb.people.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
            if let Some(c) = surname_initial(name) {
                map.entry(c).or_default().push((i as u32, name, fold(name)));
            }
        }
    }
    map
}

fn surname_initial(name: &str) -> Option<char> {
    fold(name.split_whitespace().last()?).chars().next()
}

/// A full name as written: at least a given name and a surname.
fn full_name(p: &PersonValue) -> bool {
    p.name.split_whitespace().count() >= 2 && p.linked_to.is_none()
}

/// Whether two written names are forms of one name the tool accepts:
/// equal once folded, or an equivalent given name with the same surname.
fn legitimate(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    match (fa.split_once(' '), fb.split_once(' ')) {
        (Some((ga, sa)), Some((gb, sb))) => sa == sb && same_given_name(ga, gb),
        _ => false,
    }
}

/// Similarity above which two different renderings are taken for one person.
const ALIKE: f64 = 0.9;

#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let mut out = against_kb(story);
    out.extend(within_articles(story));
    out.extend(across_articles(story));
    out
}

/// A name close to, but not, a KB person's name: "Anthony Blinkin".
fn against_kb(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    // Built when a name needs it.
    let mut names = None;
    let mut closest: HashMap<String, Option<(u32, &str, f64)>> = HashMap::new();
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for (mi, m) in a.mentions.iter().enumerate() {
            let Value::Person(p) = &m.value else { continue };
            // Named in a KB office: the office-holder rules judge the name.
            if p.entity.is_some() || !full_name(p) || p.office_entity.is_some() {
                continue;
            }
            // The same name recurs across a story: compare it with the KB once.
            let best = closest.entry(p.name.clone()).or_insert_with(|| {
                let names = names.get_or_insert_with(|| kb_names(kb));
                let bucket = surname_initial(&p.name).and_then(|c| names.get(&c))?;
                let folded = fold(&p.name);
                bucket
                    .iter()
                    .map(|(id, name, f)| (*id, *name, folded_similarity(&folded, f)))
                    .max_by(|x, y| x.2.total_cmp(&y.2))
            });
            let Some((id, name, alike)) = *best else {
                continue;
            };
            if alike < ALIKE || legitimate(&p.name, name) {
                continue;
            }
            let person = &kb.people[id as usize];
            let summary = format!("\"{}\" looks like a misspelling of {}", p.name, person.name);
            let explanation = format!(
                "The knowledge base knows {} ({}) and no one named {}; the names are {:.0}% alike.",
                person.name,
                person.id,
                p.name,
                alike * 100.0
            );
            let mut f = Finding::new(
                FindingKind::NameVariant,
                Severity::Medium,
                alike as f32,
                summary,
                explanation,
            )
            .suggest(person.name)
            .evidence(ai, m.range.clone());
            for l in a
                .mentions
                .iter()
                .filter(|x| matches!(&x.value, Value::Person(q) if q.linked_to == Some(mi)))
            {
                f = f.evidence(ai, l.range.clone());
            }
            out.push(f);
        }
    }
    out
}

/// A full-name person mention: (mention index, name, KB entity).
type Named<'a> = (usize, &'a str, Option<Entity>);

/// The full-name person mentions of one article.
fn people(a: &ArticleAnalysis) -> Vec<Named<'_>> {
    a.mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| match &m.value {
            Value::Person(p) if full_name(p) => Some((i, p.name.as_str(), p.entity)),
            _ => None,
        })
        .collect()
}

/// Two renderings that are one person only if they are not legitimate
/// forms of one name and not two different KB people.
fn variant(a: (&str, Option<Entity>), b: (&str, Option<Entity>)) -> Option<f64> {
    // A KB-known side: either both are KB forms (legitimate, or two
    // people), or the unknown one is judged against the KB by `against_kb`.
    if a.1.is_some() || b.1.is_some() {
        return None;
    }
    if legitimate(a.0, b.0) {
        return None;
    }
    let alike = similarity(a.0, b.0);
    (alike >= ALIKE).then_some(alike)
}

/// [`variant`] of names already judged, as a story names its people many
/// times.
#[derive(Default)]
struct Memo<'a> {
    judged: FxHashMap<(Spelling<'a>, Spelling<'a>), Option<f64>>,
}

/// A written name and the KB person it names, if any.
type Spelling<'a> = (&'a str, Option<Entity>);

impl<'a> Memo<'a> {
    fn variant(&mut self, x: &Named<'a>, y: &Named<'a>) -> Option<f64> {
        *self
            .judged
            .entry(((x.1, x.2), (y.1, y.2)))
            .or_insert_with(|| variant((x.1, x.2), (y.1, y.2)))
    }
}

/// One article spelling one person two ways.
fn within_articles(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        let found = people(a);
        let mut memo = Memo::default();
        for (i, x) in found.iter().enumerate() {
            for y in &found[i + 1..] {
                let Some(alike) = memo.variant(x, y) else {
                    continue;
                };
                if out
                    .iter()
                    .any(|f: &Finding| f.summary.contains(x.1) && f.summary.contains(y.1))
                {
                    continue;
                }
                let summary = format!(
                    "The article spells one name two ways: \"{}\" and \"{}\"",
                    x.1, y.1
                );
                let explanation = format!(
                    "\"{}\" ({}) and \"{}\" ({}) are {:.0}% alike and likely the same person.",
                    x.1,
                    story.place(ai, &a.mentions[x.0].range),
                    y.1,
                    story.place(ai, &a.mentions[y.0].range),
                    alike * 100.0
                );
                out.push(
                    Finding::new(
                        FindingKind::NameVariant,
                        Severity::Medium,
                        alike as f32,
                        summary,
                        explanation,
                    )
                    .evidence(ai, a.mentions[x.0].range.clone())
                    .evidence(ai, a.mentions[y.0].range.clone()),
                );
            }
        }
    }
    out
}

/// Aligned statements naming one person differently.
fn across_articles(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: Vec<(String, String)> = Vec::new();
    // Full names per sentence, gathered once rather than per pair.
    let mut by_sentence: HashMap<Member, Vec<Named>> = HashMap::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for p in people(a) {
            let sentence = a.mentions[p.0].sentence;
            by_sentence
                .entry(Member {
                    article: ai,
                    sentence,
                })
                .or_default()
                .push(p);
        }
    }
    let mut memo = Memo::default();
    for pair in story.pairs {
        let (a, b) = (
            &story.articles[pair.a.article],
            &story.articles[pair.b.article],
        );
        let (Some(left), Some(right)) = (by_sentence.get(&pair.a), by_sentence.get(&pair.b)) else {
            continue;
        };
        for x in left {
            for y in right {
                let Some(alike) = memo.variant(x, y) else {
                    continue;
                };
                let key = (fold(x.1), fold(y.1));
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                let summary = format!("One person, two spellings: \"{}\" and \"{}\"", x.1, y.1);
                let explanation = format!(
                    "Aligned statements name \"{}\" ({}) and \"{}\" ({}); the names are {:.0}% alike.",
                    x.1,
                    story.place(pair.a.article, &a.mentions[x.0].range),
                    y.1,
                    story.place(pair.b.article, &b.mentions[y.0].range),
                    alike * 100.0
                );
                out.push(
                    Finding::new(
                        FindingKind::NameVariant,
                        Severity::Low,
                        alike as f32 * pair.score.min(1.0),
                        summary,
                        explanation,
                    )
                    .evidence(pair.a.article, a.mentions[x.0].range.clone())
                    .evidence(pair.b.article, b.mentions[y.0].range.clone()),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Finding, FindingKind};
    const KIND: FindingKind = FindingKind::NameVariant;

    fn found(articles: &[(&str, &str)]) -> Vec<Finding> {
        super::super::testing::found(KIND, articles)
    }

    #[test]
    fn a_misspelled_known_name_is_a_variant() {
        let f = found(&[(
            "January 19, 2025",
            "Secretary of State Anthony Blinkin praised the deal.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Antony Blinken"));
    }

    #[test]
    fn legitimate_renderings_stay_quiet() {
        let f = found(&[(
            "January 19, 2025",
            "Secretary of State Antony Blinken praised the deal. Blinken left Doha. Mike Pompeo and Michael Pompeo are one man.",
        )]);
        assert!(f.is_empty(), "{f:?}");
    }
}
