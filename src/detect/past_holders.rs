//! Past holders swapped in one statement told twice: "stolen from former
//! Prime Minister X" in one source, "… former Prime Minister Y" in the
//! others. Both held the office, so the calendar sees nothing wrong; only
//! the other tellings show that one source names the wrong holder.
//! Reported as `wrong-officeholder`: the statement names someone in an
//! office that, by the other sources, someone else held at its time.

use std::collections::BTreeMap;
use std::ops::Range;

use super::date_conflict::words_said;
use super::tenure::{terms_held, told_as_history};
use super::{Finding, FindingKind, Severity, Story};
use crate::align::Member;
use crate::extract::polarity::past_framed_at;
use crate::extract::{Mention, Value, sentence_mentions};
use crate::kb::Entity;
use crate::model::ArticleAnalysis;

/// What two aligned sentences must share outside their mentions to be one
/// statement told twice: this many words, and `TOLD_TWICE_SHARE` of the
/// shorter one's. The alignment score alone cannot say it, since the
/// swapped names weigh in it (a verbatim copy with one holder swapped
/// scores under 0.5), and lists of reactions ("former Prime Minister X
/// condemned the attack") repeat a frame with different people and little
/// else.
const TOLD_TWICE_WORDS: usize = 4;
const TOLD_TWICE_SHARE: f64 = 0.6;

/// A past holder named in a sentence: who, in which office, where.
#[derive(Clone)]
struct PastHolder {
    article: usize,
    person: u32,
    office: u32,
    range: Range<usize>,
}

/// Findings for past holders that one source names where the other
/// tellings of the statement name another holder of the same office.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    // Each past holder, with the other holders named in its place.
    let mut against: BTreeMap<(usize, usize), (PastHolder, Vec<PastHolder>)> = BTreeMap::new();
    for p in story.pairs {
        let xs = past_holders(story, p.a.article, p.a.sentence);
        let ys = past_holders(story, p.b.article, p.b.sentence);
        if xs.is_empty() || ys.is_empty() || !told_twice(story, p.a, p.b) {
            continue;
        }
        for x in &xs {
            for y in ys.iter().filter(|y| swapped(story, x, y)) {
                for (own, other) in [(x, y), (y, x)] {
                    let entry = against
                        .entry((own.article, own.range.start))
                        .or_insert_with(|| (own.clone(), Vec::new()));
                    if !entry.1.iter().any(|o| o.article == other.article) {
                        entry.1.push(other.clone());
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (own, others) in against.values() {
        let lone_pair = others.len() == 1 && {
            let other = &others[0];
            let back = &against[&(other.article, other.range.start)].1;
            back.len() == 1 && own.article < other.article
        };
        if others.len() >= 2 || lone_pair {
            out.push(finding(story, own, others));
        }
    }
    out
}

/// Whether two aligned sentences say the same thing outside their names.
fn told_twice(story: &Story, a: Member, b: Member) -> bool {
    let (x, y) = (words_said(story, a), words_said(story, b));
    let shared = x.intersection(&y).count();
    #[allow(clippy::cast_precision_loss)] // word counts
    let share = shared as f64 / x.len().min(y.len()).max(1) as f64;
    shared >= TOLD_TWICE_WORDS && share >= TOLD_TWICE_SHARE
}

/// Holders of single-holder offices named as past in a sentence: "former",
/// or framed in the past ("under President X", "signed by President X").
fn past_holders(story: &Story, article: usize, sentence: usize) -> Vec<PastHolder> {
    let a = &story.articles[article];
    sentence_mentions(&a.mentions, sentence)
        .iter()
        .filter_map(|m| {
            let (person, office) = past_holder(story, a, m)?;
            Some(PastHolder {
                article,
                person,
                office,
                range: m.range.clone(),
            })
        })
        .collect()
}

/// The person and office of a mention that names a past holder.
fn past_holder(story: &Story, a: &ArticleAnalysis, m: &Mention) -> Option<(u32, u32)> {
    let Value::Person(p) = &m.value else {
        return None;
    };
    let (Some(Entity::Person(person)), Some(Entity::Office(office))) = (p.entity, p.office_entity)
    else {
        return None;
    };
    if !story.kb.offices[office as usize].single || terms_held(story.kb, office, person).is_empty()
    {
        return None;
    }
    let range = a.sentences[m.sentence].range.clone();
    let before = &a.article.text[range.start..m.range.start];
    let past = p.former
        || past_framed_at(&a.article.text[range], before.len())
        || told_as_history(a, m.sentence, before);
    past.then_some((person, office))
}

/// Whether two past holders stand in each other's place: one office, two
/// people, and neither article names the other's person anywhere (an
/// article naming both tells of both).
fn swapped(story: &Story, x: &PastHolder, y: &PastHolder) -> bool {
    x.office == y.office
        && x.person != y.person
        && !names(&story.articles[x.article], y.person)
        && !names(&story.articles[y.article], x.person)
}

/// Whether an article names a KB person anywhere.
fn names(a: &ArticleAnalysis, person: u32) -> bool {
    a.mentions
        .iter()
        .any(|m| matches!(&m.value, Value::Person(p) if p.entity == Some(Entity::Person(person))))
}

/// One holder against the other tellings: with two or more the story
/// suggests their holder; one against one takes no side.
fn finding(story: &Story, own: &PastHolder, others: &[PastHolder]) -> Finding {
    let kb = story.kb;
    let office = &kb.offices[own.office as usize];
    let name = |h: &PastHolder| kb.people[h.person as usize].name;
    let sources: Vec<String> = others
        .iter()
        .map(|o| story.source_name(o.article))
        .collect();
    let agreed = others.iter().all(|o| o.person == others[0].person);
    let summary = format!(
        "{} is named as {} in a statement that {} tells of {}",
        name(own),
        office.title,
        sources.join(", "),
        name(&others[0]),
    );
    let side = if others.len() >= 2 && agreed {
        format!(
            "{} other sources name {} in it, so this one probably names the wrong holder.",
            others.len(),
            name(&others[0])
        )
    } else {
        "With one source against one, the story cannot say which is right.".to_string()
    };
    let explanation = format!(
        "Knowledge base: both held {} ({}), so neither is out of its time, but the same \
         statement cannot be about both. {side}",
        office.name, office.id
    );
    let (severity, confidence) = if others.len() >= 2 && agreed {
        (Severity::Medium, 0.6)
    } else {
        (Severity::Low, 0.5)
    };
    let mut f = Finding::new(
        FindingKind::WrongOfficeholder,
        severity,
        confidence,
        summary,
        explanation,
    )
    .evidence(own.article, own.range.clone());
    for o in others {
        f = f.evidence(o.article, o.range.clone());
    }
    // No suggestion: a wrong-officeholder's suggestion reads "on that
    // date the office was held by", and here both held it; the
    // explanation names the holder the other sources tell of.
    f
}

#[cfg(test)]
mod tests {
    use super::super::FindingKind;
    use super::super::testing::{of_kind, quotes, run};

    const KIND: FindingKind = FindingKind::WrongOfficeholder;

    fn story(lone: &str, others: &[&str]) -> crate::analysis::Analysis {
        let mut texts = vec![format!("Breach\n\n{lone}\n")];
        texts.extend(others.iter().map(|o| format!("Breach\n\n{o}\n")));
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        run(&refs)
    }

    const BLAIR: &str = "A Leeds man was jailed in 2012 for hacking the email account of former Prime Minister Tony Blair.";
    const BLAIR_TOO: &str = "The Leeds man, then 17, was jailed in 2012 for hacking the email account of former British Prime Minister Tony Blair.";

    #[test]
    fn a_past_holder_swapped_in_a_statement_told_twice_is_found() {
        let an = story(
            "A Leeds man was jailed in 2012 for hacking the email account of former Prime Minister Gordon Brown.",
            &[BLAIR, BLAIR_TOO],
        );
        let f = of_kind(&an, KIND);
        assert_eq!(f.len(), 1, "{:?}", an.findings);
        assert!(f[0].explanation.contains("2 other sources name Tony Blair"));
        assert_eq!(quotes(&an, f[0])[0], "former Prime Minister Gordon Brown");
        // One against one: reported once, no side taken.
        let an = story(
            "A Leeds man was jailed in 2012 for hacking the email account of former Prime Minister Gordon Brown.",
            &[BLAIR],
        );
        let f = of_kind(&an, KIND);
        assert_eq!(f.len(), 1, "{:?}", an.findings);
        assert!(f[0].explanation.contains("cannot say which"));
    }

    #[test]
    fn different_statements_or_an_article_naming_both_are_no_swap() {
        // Reactions: one frame, different people, little else shared.
        let an = story(
            "Former Prime Minister Gordon Brown called the attack barbaric.",
            &[
                "Former Prime Minister Tony Blair said the attack was an outrage against all decency.",
                "Former Prime Minister Tony Blair said the attack shamed its planners.",
            ],
        );
        assert!(of_kind(&an, KIND).is_empty(), "{:?}", an.findings);
        // The lone article tells of both holders.
        let an = story(
            "Former Prime Minister Tony Blair was briefed. A Leeds man was jailed in 2012 for hacking the email account of former Prime Minister Gordon Brown.",
            &[BLAIR, BLAIR_TOO],
        );
        assert!(of_kind(&an, KIND).is_empty(), "{:?}", an.findings);
        // Holders of different offices.
        let an = story(
            "A Leeds man was jailed in 2012 for hacking the email account of former President Bill Clinton.",
            &[BLAIR, BLAIR_TOO],
        );
        assert!(of_kind(&an, KIND).is_empty(), "{:?}", an.findings);
    }
}
