//! Who held which office when, as the office-holder rules read it: the
//! statement's date, whether a title is claimed as current, and the people
//! named in an office someone else held then. Shared by wrong-officeholder,
//! anachronism and internal-inconsistency.

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::Date;

use super::{Finding, FindingKind, Reference, Severity, Story};
use crate::extract::polarity::{
    past_by_preposition, past_framed_at, past_state, predecessor_before,
};
use crate::extract::{Mention, PersonValue, Precision, Tense, Value};
use crate::kb::{Entity, Kb, Term};
use crate::model::ArticleAnalysis;

/// The date a sentence speaks of: an absolute date it states, else the
/// article's date. A statement "in 2019" is checked against 2019.
pub fn statement_window(story: &Story, article: usize, sentence: usize) -> Option<(Date, Date)> {
    let a = &story.articles[article];
    let stated = super::sentence_mentions(&a.mentions, sentence)
        .iter()
        .find_map(|m| match &m.value {
            Value::Date(d) if d.precision != Precision::Time => d.from.zip(d.to),
            _ => None,
        });
    stated.or_else(|| story.date(article).map(|d| (d, d)))
}

/// Whether any of `terms` overlaps the window.
#[must_use]
pub fn overlaps(terms: &[Term], (from, to): (Date, Date)) -> bool {
    terms
        .iter()
        .any(|t| t.from <= to && t.to.is_none_or(|end| from < end))
}

/// Whether a person is presented as holding their role at the time the
/// sentence speaks of. "X said on Sunday" is past tense but the title is
/// still claimed for Sunday; "X was defense minister" is not.
pub fn is_current(p: &PersonValue) -> bool {
    let elect = p
        .role
        .as_deref()
        .is_some_and(|r| r.to_lowercase().contains("-elect"));
    !p.former && !elect
}

/// People's KB names joined with "and".
#[must_use]
pub fn names(kb: &Kb, people: &[u32]) -> String {
    let names: Vec<&str> = people.iter().map(|&p| kb.people[p as usize].name).collect();
    names.join(" and ")
}

/// A term as "FROM to TO", or "from FROM" while it lasts.
#[must_use]
pub fn describe(term: Term) -> String {
    match term.to {
        Some(to) => format!("{} to {to}", term.from),
        None => format!("from {}", term.from),
    }
}

/// A note when the date is past what the KB is known to cover.
#[must_use]
pub fn coverage_note(kb: &Kb, date: Date) -> (f32, String) {
    match kb.as_of {
        Some(as_of) if date > as_of => (
            0.7,
            format!(
                " The knowledge base is complete to {as_of}; a change after that would not be known."
            ),
        ),
        _ => (1.0, String::new()),
    }
}

#[must_use]
pub fn window_label((from, to): (Date, Date)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} … {to}")
    }
}

/// A person named as the current holder of a single-holder office on a
/// date the KB knows the holders of, who is not one of them.
pub struct OfficeClaim<'a> {
    pub article: usize,
    pub mention: &'a Mention,
    pub person: &'a PersonValue,
    pub office: u32,
    /// Who held the office in the window.
    pub holders: Vec<u32>,
    pub window: (Date, Date),
    /// The KB person the name stands for, when it resolves.
    pub named: Option<u32>,
    /// Later mentions linked back to this one (bare surnames).
    linked: Vec<Range<usize>>,
}

impl OfficeClaim<'_> {
    /// A finding about the claim, with the mention and its linked
    /// mentions as evidence.
    #[must_use]
    pub fn evidence(&self, mut f: Finding) -> Finding {
        f = f.evidence(self.article, self.mention.range.clone());
        for l in &self.linked {
            f = f.evidence(self.article, l.clone());
        }
        f
    }
}

/// People named in an office they did not hold at the statement's date.
#[must_use]
pub fn office_claims<'a>(story: &Story<'a>) -> Vec<OfficeClaim<'a>> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for (mi, m) in a.mentions.iter().enumerate() {
            let Value::Person(p) = &m.value else { continue };
            let Some(Entity::Office(office)) = p.office_entity else {
                continue;
            };
            let office_data = &story.kb.offices[office as usize];
            if !office_data.single || !is_current(p) || p.linked_to.is_some() {
                continue;
            }
            let sentence_range = a.sentences[m.sentence].range.clone();
            let sentence = &a.article.text[sentence_range.clone()];
            let before = &a.article.text[sentence_range.start..m.range.start];
            let act_of_the_past = told_as_history(a, m.sentence, before);
            // "X was the last to meet him, in August 2014": a past state
            // dated in the sentence is judged at that date.
            let past_state = past_state(&a.article.text[m.range.end..sentence_range.end])
                && !anchored(a, m.sentence);
            if past_framed_at(sentence, before.len()) || act_of_the_past || past_state {
                continue;
            }
            let Some(window) = statement_window(story, ai, m.sentence) else {
                continue;
            };
            let holders: Vec<u32> = office_data
                .holders
                .iter()
                .filter(|h| overlaps(&[h.term], window))
                .map(|h| h.person)
                .collect();
            if holders.is_empty() {
                continue; // the KB does not know who held it then
            }
            // A date in a sentence naming two holders of the office dates
            // the one who held it then ("Bush reneged on the protocol
            // agreed to by President Clinton in 1997").
            if names_a_holder_besides(story, ai, m, office, &holders) {
                continue;
            }
            let named = match p.entity {
                Some(Entity::Person(named)) if holders.contains(&named) => continue,
                Some(Entity::Person(named)) => Some(named),
                _ => None,
            };
            out.push(OfficeClaim {
                article: ai,
                mention: m,
                person: p,
                office,
                holders,
                window,
                named,
                linked: linked(&a.mentions, mi).map(|l| l.range.clone()).collect(),
            });
        }
    }
    out
}

/// Mentions linked back to mention `index` (later bare surnames).
fn linked(mentions: &[Mention], index: usize) -> impl Iterator<Item = &Mention> {
    mentions
        .iter()
        .filter(move |m| matches!(&m.value, Value::Person(p) if p.linked_to == Some(index)))
}

/// The terms a person held an office for, by the KB.
#[must_use]
pub fn terms_held(kb: &Kb, office: u32, person: u32) -> Vec<Term> {
    kb.offices[office as usize]
        .holders
        .iter()
        .filter(|h| h.person == person)
        .map(|h| h.term)
        .collect()
}

/// "Defense Minister Yoav Gallant said" when the office was someone
/// else's: `when` says whether `person` never held it (wrong-officeholder)
/// or held it at another time (anachronism); `term` is their last.
#[must_use]
pub fn held_by_others(
    story: &Story,
    c: &OfficeClaim,
    kind: FindingKind,
    when: &str,
    term: Option<Term>,
) -> Finding {
    let kb = story.kb;
    let o = &kb.offices[c.office as usize];
    let (scale, note) = coverage_note(kb, c.window.1);
    let current = names(kb, &c.holders);
    let summary = format!(
        "{} is called {} on {}, when the office was held by {current}",
        c.person.name,
        c.person.role.as_deref().unwrap_or(o.name),
        window_label(c.window)
    );
    let explanation = format!(
        "Knowledge base: {} ({}): {when}; on {} it was held by {current}.{note}",
        o.name,
        o.id,
        window_label(c.window)
    );
    Finding::new(kind, Severity::High, 0.85 * scale, summary, explanation)
        .suggest(current)
        .reference(Reference {
            kb: o.id.to_string(),
            name: o.name.to_string(),
            from: term.map(|t| t.from),
            to: term.and_then(|t| t.to),
        })
}

impl Mention {
    /// The tense recorded for a person or office mention.
    #[must_use]
    pub fn value_tense(&self) -> Option<Tense> {
        match &self.value {
            Value::Person(p) => p.tense,
            Value::Office(o) => o.tense,
            _ => None,
        }
    }
}

/// Someone the article presents as holding an office now.
#[derive(Clone)]
pub struct Claim {
    pub person: u32,
    pub range: Range<usize>,
    pub sentence: usize,
    /// How the article says it: "President Donald Trump", "the Obama administration".
    pub text: String,
    /// Told in the past tense with no date near publication in its
    /// sentence ("the claim that President Obama tapped his phones"): it
    /// may speak of the holder's own time rather than call them current.
    pub historical: bool,
}

/// Whether the sentence of `m` names, besides it, someone who held
/// `office` in the statement's window.
fn names_a_holder_besides(
    story: &Story,
    article: usize,
    m: &Mention,
    office: u32,
    holders: &[u32],
) -> bool {
    let a = &story.articles[article];
    super::sentence_mentions(&a.mentions, m.sentence)
        .iter()
        .filter(|x| x.range != m.range)
        .any(|x| match &x.value {
            Value::Person(q) => {
                q.office_entity == Some(Entity::Office(office))
                    && matches!(q.entity, Some(Entity::Person(p)) if holders.contains(&p))
            }
            _ => false,
        })
}

/// Whether a sentence states a date with its year ("in 1997", "on May 2,
/// 2015"): what it says of office-holders belongs to that date, which the
/// dated rules judge, not to the article's present. A span that starts
/// there ("killed 13,000 people since 2009") runs up to the present, so it
/// dates nothing in the past.
fn anchored(a: &ArticleAnalysis, sentence: usize) -> bool {
    super::sentence_mentions(&a.mentions, sentence)
        .iter()
        .filter(|m| !reaches_present(&a.article.text, m.range.start))
        .any(|m| matches!(&m.value, Value::Date(d) if !d.relative && d.from.is_some()))
}

/// Whether the word before byte `start` is "since".
fn reaches_present(text: &str, start: usize) -> bool {
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
}

/// Current-holder claims per single-holder office, in text order.
pub fn current_holders(a: &ArticleAnalysis, kb: &Kb) -> BTreeMap<u32, Vec<Claim>> {
    let mut claims: BTreeMap<u32, Vec<Claim>> = BTreeMap::new();
    for m in &a.mentions {
        let claim = match &m.value {
            Value::Person(p) if is_current(p) => match (p.entity, p.office_entity) {
                (Some(Entity::Person(person)), Some(Entity::Office(office))) => {
                    Some((office, person))
                }
                _ => None,
            },
            // An administration is claimed as governing only with a verb in
            // the present ("the Obama administration says"): "an Obama
            // administration estimate", "Obama administration officials" name
            // it without saying it governs.
            Value::Office(o) if !o.former && o.tense == Some(Tense::Present) => match o.entity {
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
        let past = matches!(&m.value, Value::Person(p) if p.tense == Some(Tense::Past));
        if !kb.offices[office as usize].single {
            continue;
        }
        // The sentence is read only for the few mentions that claim a
        // holder: reading it for every mention was 5% of a 200-article run.
        let sentence = &a.article.text[a.sentences[m.sentence].range.clone()];
        let before = &a.article.text[a.sentences[m.sentence].range.start..m.range.start];
        let act_of_the_past = told_as_history(a, m.sentence, before);
        if past_framed_at(sentence, before.len()) || act_of_the_past || anchored(a, m.sentence) {
            continue;
        }
        claims.entry(office).or_default().push(Claim {
            person,
            range: m.range.clone(),
            sentence: m.sentence,
            text: a.article.text[m.range.clone()].to_string(),
            historical: past && !dated_recently(a, m.sentence),
        });
    }
    claims
}

/// Whether the words before a holder's mention tell of their time as
/// history: an act done by them ("signed by President X"), unless the
/// sentence dates it by the article's own time ("the strikes ordered by
/// President X 12 days ago" calls X president now), or them as the holder
/// replaced ("took over from President X"), whatever date the handover has.
pub(super) fn told_as_history(a: &ArticleAnalysis, sentence: usize, before: &str) -> bool {
    past_by_preposition(before) && !dated_recently(a, sentence) || predecessor_before(before)
}

/// Whether a sentence holds a date told from the day of writing ("on
/// Tuesday", "yesterday"): what it tells is recent.
fn dated_recently(a: &ArticleAnalysis, sentence: usize) -> bool {
    super::sentence_mentions(&a.mentions, sentence)
        .iter()
        .any(|m| matches!(&m.value, Value::Date(d) if d.relative))
}
