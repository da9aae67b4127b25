//! `anachronism`: someone who held an office at another time, or an
//! administration, framed as current outside its dates ("the Obama
//! administration says …" in 2019; "Defense Minister Yoav Gallant said"
//! after he left the post).

use std::collections::BTreeMap;
use std::fmt::Write;

use jiff::civil::Date;

use super::tenure::{
    Claim, coverage_note, current_holders, describe, held_by_others, names, office_claims,
    overlaps, statement_window, terms_held, window_label,
};
use super::{CHANGE_OVER_TIME_DAYS, Finding, FindingKind, Reference, Severity, Story};
use crate::extract::polarity::past_framed;
use crate::extract::{Mention, Tense, Value};
use crate::kb::{Administration, Entity, Kb};

/// People and administrations spoken of as current outside their terms.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let mut out = held_at_another_time(story);
    out.extend(administrations(story));
    let against = against_the_story(story);
    out.extend(same_statement(story, &against));
    out.extend(against);
    out
}

/// An undated article naming as the current holder of a single-holder
/// office someone whose term never met the term of the person the story's
/// other sources name there ("President George W. Bush" where three other
/// reports of the same event say "President Barack Obama"). Without a date
/// the calendar cannot judge the article, but the story can: its sources
/// report one event, so one holder.
fn against_the_story(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    // Office -> person -> (article, claim) in story order.
    let mut named: BTreeMap<u32, BTreeMap<u32, Vec<(usize, Claim)>>> = BTreeMap::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for (office, claims) in current_holders(a, kb) {
            for c in claims {
                named
                    .entry(office)
                    .or_default()
                    .entry(c.person)
                    .or_default()
                    .push((ai, c));
            }
        }
    }
    let mut out = Vec::new();
    for (office, people) in &named {
        for (&person, all) in people {
            let Some((&other, others)) = people
                .iter()
                .filter(|(p, _)| **p != person)
                .max_by_key(|(_, c)| articles_of(c).len())
            else {
                continue;
            };
            let backing = articles_of(others);
            // An article that names both is its own matter
            // (`internal-inconsistency`, or one holder's time told in the
            // past): the story judges the sources that name this one
            // alone. When the story's own sources tell of a predecessor
            // beside the holder they name, a past-tense mention elsewhere,
            // with nothing dating it near the writing, is that history too
            // ("the claim that President Obama tapped his phones").
            let history = ended_before(kb, *office, person, other)
                && all.iter().any(|(a, _)| backing.contains(a));
            let claims: Vec<(usize, Claim)> = all
                .iter()
                .filter(|(a, c)| !(backing.contains(a) || history && c.historical))
                .cloned()
                .collect();
            let sources = articles_of(&claims);
            let alone = !sources.is_empty() && sources.iter().all(|a| story.date(*a).is_none());
            let never_together = !terms_meet(kb, *office, person, other);
            let handover = backing
                .iter()
                .any(|&a| held_near(story, *office, person, a));
            if !(alone && never_together && !handover) {
                continue;
            }
            if backing.len() > sources.len() && backing.len() >= 2 {
                out.push(story_finding(
                    story,
                    *office,
                    (person, &claims),
                    (other, others),
                ));
            } else if sources.len() == 1
                && backing.len() == 1
                && people.len() == 2
                && person < other
                && story.date(backing[0]).is_none()
                && story.linked(sources[0], backing[0])
            {
                // One source against one: the story cannot say which is
                // right, but one event has one holder. Reported once.
                let x = &claims[0];
                let y = &others[0];
                out.push(holders_finding(
                    story,
                    *office,
                    (x.0, &x.1),
                    (y.0, &y.1),
                    Scope::Story,
                ));
            }
        }
    }
    out
}

/// How alike two sentences must be to be one statement told twice.
const SAME_STATEMENT: f32 = 0.5;

/// Two undated sources telling one statement with different holders of a
/// single-holder office whose terms never met ("President Barack Obama"
/// in one copy, "President George W. Bush" in the other). With no date
/// and no majority the story cannot say which is right, but both cannot
/// be. Claims already held against the story are left to that finding.
fn same_statement(story: &Story, against: &[Finding]) -> Vec<Finding> {
    let kb = story.kb;
    let reported: Vec<(usize, usize)> = against
        .iter()
        .flat_map(|f| f.evidence.iter().map(|e| (e.article, e.range.start)))
        .collect();
    // (article, sentence) -> (office, claim)
    let mut by_sentence: BTreeMap<(usize, usize), Vec<(u32, Claim)>> = BTreeMap::new();
    for (ai, a) in story.articles.iter().enumerate() {
        if story.date(ai).is_some() {
            continue; // the calendar judges a dated article
        }
        for (office, claims) in current_holders(a, kb) {
            for c in claims {
                let sentence = a
                    .sentences
                    .partition_point(|s| s.range.end <= c.range.start);
                by_sentence
                    .entry((ai, sentence))
                    .or_default()
                    .push((office, c));
            }
        }
    }
    let mut out = Vec::new();
    for p in story.pairs.iter().filter(|p| p.score >= SAME_STATEMENT) {
        let (Some(xs), Some(ys)) = (
            by_sentence.get(&(p.a.article, p.a.sentence)),
            by_sentence.get(&(p.b.article, p.b.sentence)),
        ) else {
            continue;
        };
        for (office, x) in xs {
            for (_, y) in ys.iter().filter(|(o, _)| o == office) {
                let fresh =
                    |article: usize, c: &Claim| !reported.contains(&(article, c.range.start));
                if x.person != y.person
                    && !terms_meet(kb, *office, x.person, y.person)
                    && fresh(p.a.article, x)
                    && fresh(p.b.article, y)
                {
                    out.push(holders_finding(
                        story,
                        *office,
                        (p.a.article, x),
                        (p.b.article, y),
                        Scope::Statement,
                    ));
                }
            }
        }
    }
    out
}

/// Where two holders who never met were named: in one statement told
/// twice, or in two reports of one story.
#[derive(Clone, Copy)]
enum Scope {
    Statement,
    Story,
}

/// Two holders, one time: the claim first by the shared policy.
fn holders_finding(
    story: &Story,
    office: u32,
    x: (usize, &Claim),
    y: (usize, &Claim),
    scope: Scope,
) -> Finding {
    let kb = story.kb;
    let side = |(article, c): (usize, &Claim)| super::Account {
        article,
        position: c.range.start,
        support: 0,
    };
    let (claim, other) = if super::claim_order(story, side(x), side(y)).is_le() {
        (x, y)
    } else {
        (y, x)
    };
    let o = &kb.offices[office as usize];
    let name = |c: &Claim| kb.people[c.person as usize].name;
    let held = |c: &Claim| held_when(kb, office, c.person);
    let (where_, why) = match scope {
        Scope::Statement => (
            "the same statement in",
            "one statement cannot have both in office",
        ),
        Scope::Story => (
            "another report of this story,",
            "reports of one event cannot have both in office",
        ),
    };
    let summary = format!(
        "{} is called {} here, but {} in {where_} {}",
        name(claim.1),
        o.title,
        name(other.1),
        story.source_name(other.0)
    );
    let explanation = format!(
        "Knowledge base: {} ({}) was held by {} {} and by {} {}; they never held it at the same time. \
         Both articles are undated, so the calendar cannot tell which is right, but {why}.",
        o.name,
        o.id,
        name(claim.1),
        held(claim.1),
        name(other.1),
        held(other.1),
    );
    let kind = if terms_held(kb, office, claim.1.person).is_empty() {
        FindingKind::WrongOfficeholder
    } else {
        FindingKind::Anachronism
    };
    Finding::new(kind, Severity::Medium, 0.6, summary, explanation)
        .evidence(claim.0, claim.1.range.clone())
        .evidence(other.0, other.1.range.clone())
}

/// When `person` held `office`: "from … to …, from … to …", or "never".
fn held_when(kb: &Kb, office: u32, person: u32) -> String {
    let terms: Vec<String> = terms_held(kb, office, person)
        .iter()
        .map(|t| describe(*t))
        .collect();
    if terms.is_empty() {
        "never".to_string()
    } else {
        terms.join(", ")
    }
}

/// Whether `person` held the office within the change-over-time window of
/// a dated article: a story told across a handover may name both holders.
fn held_near(story: &Story, office: u32, person: u32, article: usize) -> bool {
    let Some(date) = story.date(article) else {
        return false;
    };
    let days = jiff::Span::new().days(CHANGE_OVER_TIME_DAYS);
    let (Ok(from), Ok(to)) = (date.checked_sub(days), date.checked_add(days)) else {
        return false;
    };
    overlaps(&terms_held(story.kb, office, person), (from, to))
}

/// The articles of some claims, once each, in order.
fn articles_of(claims: &[(usize, Claim)]) -> Vec<usize> {
    let mut out: Vec<usize> = claims.iter().map(|c| c.0).collect();
    out.dedup();
    out
}

/// Whether every term of `a` in the office ended before a term of `b`
/// began: `a` preceded `b`.
fn ended_before(kb: &Kb, office: u32, a: u32, b: u32) -> bool {
    let last_end = terms_held(kb, office, a)
        .iter()
        .try_fold(Date::MIN, |end, t| t.to.map(|to| end.max(to)));
    last_end.is_some_and(|end| terms_held(kb, office, b).iter().any(|t| t.from >= end))
}

/// Whether two people ever held an office at the same time (terms end
/// the day before `to`: a handover is not a meeting).
fn terms_meet(kb: &Kb, office: u32, a: u32, b: u32) -> bool {
    let (x, y) = (terms_held(kb, office, a), terms_held(kb, office, b));
    x.iter().any(|t| {
        y.iter().any(|u| {
            let (t_to, u_to) = (t.to.unwrap_or(Date::MAX), u.to.unwrap_or(Date::MAX));
            t.from < u_to && u.from < t_to
        })
    })
}

fn story_finding(
    story: &Story,
    office: u32,
    (person, claims): (u32, &[(usize, Claim)]),
    (other, others): (u32, &[(usize, Claim)]),
) -> Finding {
    let kb = story.kb;
    let o = &kb.offices[office as usize];
    let (name, other_name) = (
        kb.people[person as usize].name,
        kb.people[other as usize].name,
    );
    let backing = articles_of(others);
    let held = |p: u32| held_when(kb, office, p);
    let summary = format!(
        "{name} is called {} here, but {} other sources of this story name {other_name}",
        o.title,
        backing.len()
    );
    let explanation = format!(
        "Knowledge base: {} ({}) was held by {name} {} and by {other_name} {}; they never held it at the same time. \
         This article is undated; the other sources report the same story with {other_name} in office.",
        o.name,
        o.id,
        held(person),
        held(other),
    );
    let kind = if terms_held(kb, office, person).is_empty() {
        FindingKind::WrongOfficeholder
    } else {
        FindingKind::Anachronism
    };
    let confidence = 0.7 + 0.05 * backing.len().min(4) as f32;
    let mut f =
        Finding::new(kind, Severity::Medium, confidence, summary, explanation).suggest(other_name);
    for (ai, c) in claims {
        f = f.evidence(*ai, c.range.clone());
    }
    let mut shown = Vec::new();
    for (ai, c) in others {
        if shown.len() < 3 && !shown.contains(ai) {
            shown.push(*ai);
            f = f.evidence(*ai, c.range.clone());
        }
    }
    f
}

/// People named in an office they held, but not at the statement's date.
fn held_at_another_time(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    let mut out = Vec::new();
    for c in office_claims(story) {
        let Some(person) = c.named else { continue };
        let terms = terms_held(kb, c.office, person);
        if terms.is_empty() {
            continue; // never held it: a wrong office-holder
        }
        let list: Vec<String> = terms.iter().map(|t| describe(*t)).collect();
        let when = format!(
            "{} held it {}",
            kb.people[person as usize].name,
            list.join(", ")
        );
        let f = held_by_others(
            story,
            &c,
            FindingKind::Anachronism,
            &when,
            terms.last().copied(),
        );
        out.push(c.evidence(f));
    }
    out
}

/// Administrations and governments spoken of as current outside their terms.
fn administrations(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for m in &a.mentions {
            let Value::Office(o) = &m.value else { continue };
            let Some(Entity::Administration(ad)) = o.entity else {
                continue;
            };
            // Spoken of as governing only with a verb in the present, as
            // in `current_holders`: "the Obama administration says";
            // "Obama administration officials say" and "an Obama
            // administration estimate" name it without saying it governs.
            if o.former || o.tense != Some(Tense::Present) {
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

/// Why the administration was not current in the window: its term ended
/// before, or began after.
fn term_outside(kb: &Kb, admin: &Administration, window: (Date, Date), terms: &[String]) -> String {
    let person = &kb.people[admin.person as usize];
    let office = &kb.offices[admin.office as usize];
    let ended = admin
        .terms
        .iter()
        .filter_map(|t| t.to)
        .filter(|&to| to <= window.0)
        .max();
    match ended {
        Some(end) => format!("{}'s term as {} ended on {end}", person.name, office.name),
        None => format!(
            "{}'s term as {} began later ({})",
            person.name,
            office.name,
            terms.join(", ")
        ),
    }
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
    let holders: Vec<u32> = office
        .holders
        .iter()
        .filter(|h| overlaps(&[h.term], window))
        .map(|h| h.person)
        .collect();
    let terms: Vec<String> = admin.terms.iter().map(|t| describe(*t)).collect();
    let when = term_outside(kb, admin, window, &terms);
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

#[cfg(test)]
mod tests {
    use super::super::{Finding, FindingKind};
    const KIND: FindingKind = FindingKind::Anachronism;

    fn found(articles: &[(&str, &str)]) -> Vec<Finding> {
        super::super::testing::found(KIND, articles)
    }

    #[test]
    fn a_former_holder_or_administration_framed_as_current() {
        let f = found(&[(
            "January 19, 2025",
            "Defense Minister Yoav Gallant said on Sunday that troops were pulling back.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Israel Katz"));
        let f = found(&[(
            "May 11, 2019",
            "The Obama administration sees a truce as a priority.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    /// "Obama administration officials say": the verb is the officials'
    /// (they may have left office long ago), not the administration's.
    #[test]
    fn officials_of_an_administration_speak_for_themselves() {
        let f = found(&[(
            "May 11, 2019",
            "Obama administration officials say the talks were never approached.",
        )]);
        assert!(f.is_empty(), "{f:?}");
    }

    /// Undated articles, as `testing::run` reads them (no date line).
    fn undated(texts: &[&str]) -> Vec<Finding> {
        let an = super::super::testing::run(texts);
        an.findings.into_iter().filter(|f| f.kind == KIND).collect()
    }

    #[test]
    fn an_undated_source_naming_another_era_s_holder_stands_against_the_story() {
        let f = undated(&[
            "Strike\n\nPrime Minister Gordon Brown announced plans to keep fighters from returning.",
            "Strike\n\nPrime Minister David Cameron announced plans to keep fighters from returning.",
            "Strike\n\nBritish Prime Minister David Cameron set out the plans on Monday.",
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("David Cameron"));
        assert_eq!(f[0].evidence[0].article, 0);
    }

    /// A source that names the predecessor alone stands against the story
    /// even when another source names both: that one is its own matter.
    /// The predecessor told in the past, with nothing dating it near the
    /// writing, is history the story itself tells (another source speaks
    /// of the predecessor beside the holder), and stays quiet.
    #[test]
    fn a_source_naming_both_leaves_the_others_to_the_story() {
        let story = |third: &str| {
            undated(&[
                "Firing\n\nPresident Trump fired the FBI director on Tuesday. Trump repeated his claim that President Obama wiretapped him.",
                "Firing\n\nPresident Donald Trump fired the FBI director on Tuesday.",
                "Firing\n\nThe White House said President Trump acted on the advice of the attorney general.",
                third,
            ])
        };
        let wrong = story("Firing\n\nPresident Barack Obama fired the FBI director on Tuesday.");
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert_eq!(wrong[0].suggestion.as_deref(), Some("Donald Trump"));
        assert_eq!(wrong[0].evidence[0].article, 3);
        let history = story(
            "Firing\n\nIt began with the unproven claim that President Obama tapped his phones during the campaign.",
        );
        assert!(history.is_empty(), "{history:?}");
    }

    /// One source against one: the story cannot say which is right, so
    /// no side is taken, but the two reports of one event cannot both be.
    #[test]
    fn one_source_against_one_takes_no_side_and_a_vice_president_is_no_clash() {
        let one_each = undated(&[
            "Strike\n\nPrime Minister Gordon Brown announced plans.",
            "Strike\n\nPrime Minister David Cameron announced plans.",
        ]);
        assert_eq!(one_each.len(), 1, "{one_each:?}");
        assert_eq!(one_each[0].evidence.len(), 2);
        assert_eq!(one_each[0].suggestion, None);
        let vice = undated(&[
            "Visit\n\nVice President Biden met the delegation.",
            "Visit\n\nPresident Barack Obama met the delegation.",
            "Visit\n\nPresident Barack Obama and Vice President Biden met the delegation.",
        ]);
        assert!(vice.is_empty(), "{vice:?}");
    }

    #[test]
    fn one_statement_with_two_holders_in_two_undated_sources() {
        let f = undated(&[
            "Visit\n\nThe winner will travel with Prime Minister Gordon Brown to the summit in Brussels next month.",
            "Visit\n\nThe winner will travel with Prime Minister David Cameron to the summit in Brussels next month.",
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].evidence.len(), 2);
        assert_eq!(
            f[0].suggestion, None,
            "one against one: neither is known right"
        );
    }

    #[test]
    fn two_holders_in_different_statements_or_offices_stay_quiet() {
        let different = undated(&[
            "Visit\n\nPrime Minister Gordon Brown opened the new hospital wing in Leeds.",
            "Visit\n\nPrime Minister David Cameron will travel to the summit in Brussels next month.",
        ]);
        assert!(different.is_empty(), "{different:?}");
        let offices = undated(&[
            "Visit\n\nThe winner will travel with Vice President Joe Biden to the summit in Brussels.",
            "Visit\n\nThe winner will travel with President Barack Obama to the summit in Brussels.",
        ]);
        assert!(offices.is_empty(), "{offices:?}");
        let dated = found(&[
            (
                "May 11, 2009",
                "The winner will travel with Prime Minister Gordon Brown to the summit in Brussels next month.",
            ),
            (
                "May 11, 2012",
                "The winner will travel with Prime Minister David Cameron to the summit in Brussels next month.",
            ),
        ]);
        assert!(dated.is_empty(), "{dated:?}");
    }

    /// "former" frames the title it stands before, not every title in
    /// the sentence: "President Gordon Brown ... the former Irish prime
    /// minister" still calls Brown Prime Minister.
    #[test]
    fn former_before_another_name_does_not_frame_the_holder() {
        let story = |first: &str| {
            undated(&[
                first,
                "Funeral\n\nPrime Minister David Cameron cut short his holiday to attend.",
                "Funeral\n\nBritish Prime Minister David Cameron flew to Dublin on Monday.",
            ])
        };
        let f = story(
            "Funeral\n\nPrime Minister Gordon Brown cut short his holiday to honour the former Irish leader.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("David Cameron"));
        let f =
            story("Funeral\n\nFormer Prime Minister Gordon Brown cut short his holiday to attend.");
        assert!(f.is_empty(), "{f:?}");
        let f = story(
            "Funeral\n\nThe former minister said Prime Minister Gordon Brown had cut short his holiday.",
        );
        assert!(
            f.is_empty(),
            "a former title before it may frame the sentence: {f:?}"
        );
    }

    #[test]
    fn a_period_or_an_act_named_by_its_holder_is_not_a_current_claim() {
        let f = undated(&[
            "Budget\n\nSpending on roads has grown, as it did under Prime Minister Gordon Brown.",
            "Budget\n\nPrime Minister David Cameron announced the plans.",
            "Budget\n\nBritish Prime Minister David Cameron set out the plans on Monday.",
        ]);
        assert!(f.is_empty(), "{f:?}");
        let f = found(&[(
            "May 11, 2019",
            "The treaty, signed by Defense Minister Yoav Gallant, still stands.",
        )]);
        assert!(f.is_empty(), "{f:?}");
        // An act the sentence dates by the article's own time is no history.
        let f = found(&[(
            "May 11, 2019",
            "The strikes ordered by Defense Minister Yoav Gallant three days ago went on.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        let f = found(&[(
            "May 11, 2019",
            "The strikes ordered by Defense Minister Benjamin Netanyahu three days ago went on.",
        )]);
        assert!(f.is_empty(), "the holder then: {f:?}");
    }

    #[test]
    fn an_act_dated_by_the_story_counts_against_the_other_sources() {
        let story = |fourth: &str| {
            undated(&[
                "Strikes\n\nPresident Barack Obama ordered the air strikes on Monday.",
                "Strikes\n\nPresident Obama said the strikes would go on.",
                "Strikes\n\nThe White House said President Barack Obama was briefed.",
                fourth,
            ])
        };
        let f = story(
            "Strikes\n\nThe group answered the strikes ordered by President Donald Trump three days ago.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Barack Obama"));
        let f =
            story("Strikes\n\nThe group recalled the strikes ordered by President George W. Bush.");
        assert!(f.is_empty(), "history: {f:?}");
        // "recent" dates the act by the article's own time as well.
        let f = story(
            "Strikes\n\nThe group answered the recent strikes ordered by President Donald Trump.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_past_state_dated_in_its_sentence_is_judged_at_that_date() {
        let f = found(&[(
            "May 11, 2015",
            "Venezuelan President Hugo Chavez was the last leader to meet him, in August 2014.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        for quiet in [
            "Venezuelan President Hugo Chavez was the last leader to meet him.",
            "Venezuelan President Hugo Chavez was the last leader to meet him, in August 2012.",
        ] {
            let f = found(&[("May 11, 2015", quiet)]);
            assert!(f.is_empty(), "{quiet}: {f:?}");
        }
    }

    #[test]
    fn a_date_in_a_sentence_with_two_holders_dates_the_one_in_office() {
        let f = found(&[(
            "May 11, 2017",
            "The pact would go the way of the Kyoto Protocol, which President George W. Bush abandoned after President Bill Clinton signed it in 1998.",
        )]);
        assert!(f.is_empty(), "{f:?}");
        let f = found(&[(
            "May 11, 2017",
            "President George W. Bush signed the Kyoto Protocol in 1998.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn the_past_tense_and_past_frames_stay_quiet() {
        let f = found(&[
            (
                "May 11, 2019",
                "The Obama administration had brokered an earlier truce.",
            ),
            ("May 11, 2019", "Obama-era officials criticised the plan."),
            (
                "May 11, 2016",
                "The Obama administration sees a truce as a priority.",
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }
}
