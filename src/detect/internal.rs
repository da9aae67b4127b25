//! `internal-inconsistency`: one article contradicting itself. Here: two
//! people both framed as the current holder of an office only one person
//! holds at a time (an administration spoken of in the present beside
//! the next president named as such). Parts that add up to more than their whole are found with
//! the quantities, in `numbers`.

use std::collections::BTreeMap;
use std::ops::Range;

use super::officeholder::{is_current, past_framed};
use super::{Finding, FindingKind, Severity, Story};
use crate::extract::{Tense, Value};
use crate::kb::{Entity, Kb};
use crate::model::ArticleAnalysis;

/// Someone the article presents as holding an office now.
struct Claim {
    person: u32,
    range: Range<usize>,
    /// How the article says it: "President Donald Trump", "the Obama administration".
    text: String,
}

#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for (office, claims) in current_holders(a, story.kb) {
            let mut people: Vec<&Claim> = Vec::new();
            for c in &claims {
                if !people.iter().any(|p| p.person == c.person) {
                    people.push(c);
                }
            }
            if people.len() < 2 {
                continue;
            }
            out.push(clash(story, ai, office, &people));
        }
    }
    out
}

/// Current-holder claims per single-holder office, in text order.
fn current_holders(a: &ArticleAnalysis, kb: &Kb) -> BTreeMap<u32, Vec<Claim>> {
    let mut claims: BTreeMap<u32, Vec<Claim>> = BTreeMap::new();
    for m in &a.mentions {
        let sentence = &a.article.text[a.sentences[m.sentence].range.clone()];
        if past_framed(sentence) {
            continue;
        }
        let claim = match &m.value {
            Value::Person(p) if is_current(p) => match (p.entity, p.office_entity) {
                (Some(Entity::Person(person)), Some(Entity::Office(office))) => {
                    Some((office, person))
                }
                _ => None,
            },
            Value::Office(o) if !o.former && o.tense != Some(Tense::Past) => match o.entity {
                Some(Entity::Administration(ad)) => {
                    let admin = &kb.administrations[ad as usize];
                    Some((admin.office, admin.person))
                }
                _ => None,
            },
            _ => None,
        };
        let Some((office, person)) = claim else {
            continue;
        };
        if !kb.offices[office as usize].single {
            continue;
        }
        claims.entry(office).or_default().push(Claim {
            person,
            range: m.range.clone(),
            text: a.article.text[m.range.clone()].to_string(),
        });
    }
    claims
}

fn clash(story: &Story, article: usize, office: u32, people: &[&Claim]) -> Finding {
    let kb = story.kb;
    let o = &kb.offices[office as usize];
    let described: Vec<String> = people
        .iter()
        .map(|c| {
            format!(
                "{} (\"{}\", {})",
                kb.people[c.person as usize].name,
                c.text,
                story.place(article, &c.range)
            )
        })
        .collect();
    let summary = format!(
        "The article treats both {} as the current holder of {}",
        people
            .iter()
            .map(|c| kb.people[c.person as usize].name)
            .collect::<Vec<_>>()
            .join(" and "),
        o.name
    );
    let holder_on_date = story.date(article).and_then(|d| {
        let h: Vec<&str> = kb
            .holders_on(office, d)
            .map(|h| kb.people[h.person as usize].name)
            .collect();
        (!h.is_empty()).then(|| format!(" On {d} the office was held by {}.", h.join(" and ")))
    });
    let explanation = format!(
        "{} is held by one person at a time, but the article presents as current: {}.{}",
        o.name,
        described.join("; "),
        holder_on_date.unwrap_or_default()
    );
    let mut f = Finding::new(
        FindingKind::InternalInconsistency,
        Severity::Medium,
        0.8,
        summary,
        explanation,
    );
    for c in people {
        f = f.evidence(article, c.range.clone());
    }
    f
}
