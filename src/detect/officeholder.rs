//! Office-holders checked against the dated knowledge base.
//!
//! * `wrong-officeholder`: a person named in an office that someone else
//!   held on the statement's date (a misrendered or wrong name in a named
//!   office: the holder is suggested with how alike the names are).
//! * `anachronism`: someone who held the office at another time, or an
//!   administration, framed as current outside its dates ("the Obama
//!   administration says …" in 2019).

use std::fmt::Write;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use jiff::civil::Date;

use super::names::similarity;
use super::{Finding, FindingKind, Reference, Severity, Story};
use crate::extract::{Mention, PersonValue, Precision, Tense, Value};
use crate::kb::{Entity, Kb, Term};

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
fn overlaps(terms: &[Term], (from, to): (Date, Date)) -> bool {
    terms
        .iter()
        .any(|t| t.from <= to && t.to.is_none_or(|end| from < end))
}

/// Words that put a statement in the past even in the present tense.
/// One pass over the sentence, no lower-cased copy: the frames are ASCII,
/// so ASCII case folding finds what lower-casing the sentence did.
pub(super) fn past_framed(sentence: &str) -> bool {
    static FRAMES: OnceLock<AhoCorasick> = OnceLock::new();
    FRAMES
        .get_or_init(|| {
            let frames = [
                "under the ",
                "during the ",
                "-era",
                "former ",
                "then-",
                "previous ",
                "at the time",
            ];
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(frames)
                .expect("fixed patterns build")
        })
        .is_match(sentence)
}

/// Whether a person is presented as holding their role at the time the
/// sentence speaks of. "X said on Sunday" is past tense but the title is
/// still claimed for Sunday; "X was defense minister" is not.
pub(super) fn is_current(p: &PersonValue) -> bool {
    let elect = p
        .role
        .as_deref()
        .is_some_and(|r| r.to_lowercase().contains("-elect"));
    !p.former && !elect
}

/// "was", "had been", "served": the role is described as a past state.
pub(super) fn past_state(after: &str) -> bool {
    let mut words = after.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    match words.next().as_deref() {
        Some("was" | "were" | "served" | "formerly" | "previously") => true,
        Some("had") => words.next().as_deref() == Some("been"),
        _ => false,
    }
}

fn names(kb: &Kb, people: &[u32]) -> String {
    let names: Vec<&str> = people.iter().map(|&p| kb.people[p as usize].name).collect();
    names.join(" and ")
}

fn describe(term: Term) -> String {
    match term.to {
        Some(to) => format!("{} to {to}", term.from),
        None => format!("from {}", term.from),
    }
}

/// Mentions linked back to mention `index` (later bare surnames).
fn linked(mentions: &[Mention], index: usize) -> impl Iterator<Item = &Mention> {
    mentions
        .iter()
        .filter(move |m| matches!(&m.value, Value::Person(p) if p.linked_to == Some(index)))
}

/// People named in an office they did not hold at the statement's date.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
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
            if past_framed(sentence) || past_state(&a.article.text[m.range.end..sentence_range.end])
            {
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
            let named = match p.entity {
                Some(Entity::Person(named)) if holders.contains(&named) => continue,
                Some(Entity::Person(named)) => Some(named),
                _ => None,
            };
            let found = match named {
                Some(person) => Some(held_at_another_time(
                    story, office, person, &holders, window, p,
                )),
                None => someone_else(story, office, &holders, window, p),
            };
            let Some(mut f) = found else {
                continue;
            };
            f = f.evidence(ai, m.range.clone());
            for l in linked(&a.mentions, mi) {
                f = f.evidence(ai, l.range.clone());
            }
            out.push(f);
        }
    }
    out
}

/// A note when the date is past what the KB is known to cover.
fn coverage_note(kb: &Kb, date: Date) -> (f32, String) {
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

fn window_label((from, to): (Date, Date)) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} … {to}")
    }
}

/// An unknown name in an office someone else held: suggest the holder.
fn someone_else(
    story: &Story,
    office: u32,
    holders: &[u32],
    window: (Date, Date),
    p: &PersonValue,
) -> Option<Finding> {
    let kb = story.kb;
    let o = &kb.offices[office as usize];
    let (best, alike) = holders
        .iter()
        .map(|&h| (h, person_similarity(kb, &p.name, h)))
        .max_by(|x, y| x.1.total_cmp(&y.1))?;
    let holder = &kb.people[best as usize];
    let term = o
        .holders
        .iter()
        .filter(|h| h.person == best)
        .map(|h| h.term)
        .find(|t| overlaps(&[*t], window))?;
    let (scale, note) = coverage_note(kb, window.1);
    let resemblance = if alike >= 0.75 {
        format!(
            "The names are {:.0}% alike: probably a misrendering of {}.",
            alike * 100.0,
            holder.name
        )
    } else {
        format!(
            "The names are only {:.0}% alike: a different person, or a wrong title.",
            alike * 100.0
        )
    };
    let summary = format!(
        "{} is called {}, but on {} that office was held by {}",
        p.name,
        p.role.as_deref().unwrap_or(o.name),
        window_label(window),
        names(kb, holders)
    );
    let explanation = format!(
        "Knowledge base: {} ({}) was held by {} {}. {resemblance}{note}",
        o.name,
        o.id,
        holder.name,
        describe(term),
    );
    let (severity, confidence) = if alike >= 0.75 {
        (Severity::High, 0.9)
    } else {
        (Severity::Medium, 0.6)
    };
    Some(
        Finding::new(
            FindingKind::WrongOfficeholder,
            severity,
            confidence * scale,
            summary,
            explanation,
        )
        .suggest(holder.name)
        .reference(Reference {
            kb: o.id.to_string(),
            name: o.name.to_string(),
            from: Some(term.from),
            to: term.to,
        }),
    )
}

/// The best similarity of a written name to a KB person's name or aliases.
fn person_similarity(kb: &Kb, name: &str, person: u32) -> f64 {
    let p = &kb.people[person as usize];
    std::iter::once(&p.name)
        .chain(p.aliases.iter())
        .map(|n| similarity(name, n))
        .fold(0.0, f64::max)
}

/// "Defense Minister Yoav Gallant said" after Gallant had left the post.
fn held_at_another_time(
    story: &Story,
    office: u32,
    person: u32,
    holders: &[u32],
    window: (Date, Date),
    p: &PersonValue,
) -> Finding {
    let kb = story.kb;
    let o = &kb.offices[office as usize];
    let terms: Vec<Term> = o
        .holders
        .iter()
        .filter(|h| h.person == person)
        .map(|h| h.term)
        .collect();
    let named = &kb.people[person as usize];
    let (scale, note) = coverage_note(kb, window.1);
    let current = names(kb, holders);
    let (kind, when) = if terms.is_empty() {
        let never = format!(
            "{} never held it, according to the knowledge base",
            named.name
        );
        (FindingKind::WrongOfficeholder, never)
    } else {
        let list: Vec<String> = terms.iter().map(|t| describe(*t)).collect();
        (
            FindingKind::Anachronism,
            format!("{} held it {}", named.name, list.join(", ")),
        )
    };
    let summary = format!(
        "{} is called {} on {}, when the office was held by {current}",
        p.name,
        p.role.as_deref().unwrap_or(o.name),
        window_label(window)
    );
    let explanation = format!(
        "Knowledge base: {} ({}): {when}; on {} it was held by {current}.{note}",
        o.name,
        o.id,
        window_label(window)
    );
    let term = terms.last().copied();
    Finding::new(kind, Severity::High, 0.85 * scale, summary, explanation)
        .suggest(current)
        .reference(Reference {
            kb: o.id.to_string(),
            name: o.name.to_string(),
            from: term.map(|t| t.from),
            to: term.and_then(|t| t.to),
        })
}

/// Administrations and governments spoken of as current outside their terms.
#[must_use]
pub fn detect_administrations(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for m in &a.mentions {
            let Value::Office(o) = &m.value else { continue };
            let Some(Entity::Administration(ad)) = o.entity else {
                continue;
            };
            if o.former || o.tense == Some(Tense::Past) {
                continue;
            }
            let sentence = &a.article.text[a.sentences[m.sentence].range.clone()];
            if past_framed(sentence) {
                continue;
            }
            let Some(window) = statement_window(story, ai, m.sentence) else {
                continue;
            };
            let admin = &kb.administrations[ad as usize];
            if overlaps(admin.terms, window) {
                continue;
            }
            out.push(administration_finding(story, ai, m, ad, window));
        }
    }
    out
}

fn administration_finding(
    story: &Story,
    article: usize,
    m: &Mention,
    ad: u32,
    window: (Date, Date),
) -> Finding {
    let kb = story.kb;
    let admin = &kb.administrations[ad as usize];
    let office = &kb.offices[admin.office as usize];
    let person = &kb.people[admin.person as usize];
    let holders: Vec<u32> = office
        .holders
        .iter()
        .filter(|h| overlaps(&[h.term], window))
        .map(|h| h.person)
        .collect();
    let terms: Vec<String> = admin.terms.iter().map(|t| describe(*t)).collect();
    let ended = admin
        .terms
        .iter()
        .filter_map(|t| t.to)
        .filter(|&to| to <= window.0)
        .max();
    let when = match ended {
        Some(end) => format!("{}'s term as {} ended on {end}", person.name, office.name),
        None => format!(
            "{}'s term as {} began later ({})",
            person.name,
            office.name,
            terms.join(", ")
        ),
    };
    let now = if holders.is_empty() {
        String::new()
    } else {
        format!(
            "; on {} the office was held by {}",
            window_label(window),
            names(kb, &holders)
        )
    };
    let (scale, note) = coverage_note(kb, window.1);
    let confidence = if m.value_tense() == Some(Tense::Present) {
        0.9
    } else {
        0.75
    };
    let summary = format!(
        "The {} is spoken of as current on {}, but {when}",
        admin.name,
        window_label(window)
    );
    let explanation = format!(
        "Knowledge base: {} ({}): {}{now}.{note}",
        office.name,
        office.id,
        terms.join(", ")
    );
    let mut f = Finding::new(
        FindingKind::Anachronism,
        Severity::High,
        confidence * scale,
        summary,
        explanation,
    )
    .evidence(article, m.range.clone())
    .reference(Reference {
        kb: admin.id.to_string(),
        name: admin.name.to_string(),
        from: admin.terms.first().map(|t| t.from),
        to: admin.terms.last().and_then(|t| t.to),
    });
    if let Some((range, text)) = names_current_holder(story, article, admin.office, &holders) {
        let _ = write!(
            f.explanation,
            " The article itself calls {} the holder: \"{text}\" ({}).",
            names(kb, &holders),
            story.place(article, &range)
        );
        f = f.evidence(article, range);
    }
    if let Some(&holder) = holders.first() {
        let current = kb.administrations.iter().find(|x| {
            x.office == admin.office
                && x.person == holder
                && x.id.ends_with(admin.id.rsplit('-').next().unwrap_or(""))
        });
        f = f.suggest(current.map_or_else(|| kb.people[holder as usize].name, |c| c.name));
    }
    f
}

/// Where the same article names the real holder of the office as such.
fn names_current_holder(
    story: &Story,
    article: usize,
    office: u32,
    holders: &[u32],
) -> Option<(std::ops::Range<usize>, String)> {
    let a = &story.articles[article];
    a.mentions.iter().find_map(|m| match &m.value {
        Value::Person(p)
            if p.office_entity == Some(Entity::Office(office)) && p.linked_to.is_none() =>
        {
            match p.entity {
                Some(Entity::Person(who)) if holders.contains(&who) => {
                    Some((m.range.clone(), a.article.text[m.range.clone()].to_string()))
                }
                _ => None,
            }
        }
        _ => None,
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
