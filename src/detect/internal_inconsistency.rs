//! `internal-inconsistency`: one article contradicting itself.
//!
//! * Two people both framed as the current holder of an office only one
//!   person holds at a time (an administration spoken of in the present
//!   beside the next president named as such).
//! * A count divided, in the same sentence, into parts whose smallest
//!   possible sum exceeds it ("The three women …, two abducted from X and
//!   two from Y").

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::counts::{
    Interval, describe, head_and_modifiers, is_exact, is_unit, join, measure, normal, number,
};
use super::tenure::{self, Claim, current_holders, overlaps, terms_held};
use super::{Finding, FindingKind, Severity, Story};
use crate::extract::{Mention, QuantityValue, Value};
use crate::kb::Term;
use crate::text::tokens::tokenize;
use jiff::civil::Date;

#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let mut out = office_clashes(story);
    out.extend(terms_that_never_met(story));
    out.extend(parts_exceeding_whole(story));
    out
}

// ---------------------------------------------------------------------------
// Two current holders of one office

fn office_clashes(story: &Story) -> Vec<Finding> {
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

/// Two people one sentence presents as holding two offices now, whose
/// terms never met ("President Barack Obama told French President Emmanuel
/// Macron"): one of them is named in the wrong office, or the statement
/// mixes two times. Dated articles are left to `anachronism`, which can
/// say which name is out of its time.
fn terms_that_never_met(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        if story.date(ai).is_some() {
            continue;
        }
        let claims: Vec<(u32, Claim)> = current_holders(a, story.kb)
            .into_iter()
            .flat_map(|(office, cs)| cs.into_iter().map(move |c| (office, c)))
            .collect();
        for (i, (o1, c1)) in claims.iter().enumerate() {
            for (o2, c2) in &claims[i + 1..] {
                if c1.sentence != c2.sentence || o1 == o2 || c1.person == c2.person {
                    continue;
                }
                let (t1, t2) = (
                    terms_held(story.kb, *o1, c1.person),
                    terms_held(story.kb, *o2, c2.person),
                );
                let met = t1
                    .iter()
                    .any(|t| overlaps(&t2, (t.from, t.to.unwrap_or(Date::MAX))));
                if !t1.is_empty() && !t2.is_empty() && !met {
                    let (first, second) = if c1.range.start <= c2.range.start {
                        ((*o1, c1, &t1), (*o2, c2, &t2))
                    } else {
                        ((*o2, c2, &t2), (*o1, c1, &t1))
                    };
                    out.push(never_met(story, ai, first, second));
                }
            }
        }
    }
    out
}

fn never_met(
    story: &Story,
    article: usize,
    (o1, c1, t1): (u32, &Claim, &Vec<Term>),
    (o2, c2, t2): (u32, &Claim, &Vec<Term>),
) -> Finding {
    let kb = story.kb;
    let who = |o: u32, c: &Claim| {
        format!(
            "{} as {}",
            kb.people[c.person as usize].name, kb.offices[o as usize].name
        )
    };
    let held = |o: u32, c: &Claim, terms: &[Term]| {
        let list: Vec<String> = terms.iter().map(|t| tenure::describe(*t)).collect();
        format!(
            "{} held {} {}",
            kb.people[c.person as usize].name,
            kb.offices[o as usize].name,
            list.join(" and ")
        )
    };
    let summary = format!(
        "One sentence presents {} and {} at once; their terms never met",
        who(o1, c1),
        who(o2, c2)
    );
    let explanation = format!(
        "\"{}\" ({}) and \"{}\" ({}) are presented as current in one statement, but {}, and {}: one of the names is likely in the wrong office, or the statement mixes two times.",
        c1.text,
        story.place(article, &c1.range),
        c2.text,
        story.place(article, &c2.range),
        held(o1, c1, t1),
        held(o2, c2, t2),
    );
    Finding::new(
        FindingKind::InternalInconsistency,
        Severity::Medium,
        0.7,
        summary,
        explanation,
    )
    .evidence(article, c1.range.clone())
    .evidence(article, c2.range.clone())
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

/// Words before a number that make it an age or a label.
const NOT_PART_BEFORE: &[&str] = &["aged", "ages", "age", "number", "no."];

/// Irregular participles: "two taken from …" divides a whole like
/// "two abducted from …".
static PARTICIPLES: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    crate::lexicon::set(include_str!("../../assets/lexicon/numbers-participles.txt"))
});

// ---------------------------------------------------------------------------
// Parts exceeding their whole, inside one article

/// Words that open a division of a whole: "The three women freed that day,
/// two …", "48 captives: 20 …", "five people, including two …".
const OPENERS: &[&str] = &[",", ":", "\u{2014}", "\u{2013}", "(", "including"];

/// Words that join the parts of a division.
const JOINERS: &[&str] = &[",", "and", "while", "whereas", "with"];

/// Most words between a whole and its first part, and between parts.
const OPENER_WORDS: usize = 6;
const JOINER_WORDS: usize = 8;

fn parts_exceeding_whole(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        let quantities: Vec<&Mention> = a
            .mentions
            .iter()
            .filter(|m| matches!(&m.value, Value::Quantity(q) if !q.ordinal))
            .collect();
        for (k, whole) in quantities.iter().enumerate() {
            let rest = quantities[k + 1..]
                .iter()
                .take_while(|m| m.sentence == whole.sentence)
                .copied();
            if let Some(f) = division(story, ai, whole, rest) {
                out.push(f);
            }
        }
    }
    out
}

/// Words between two positions of an article's text, punctuation included.
fn between(story: &Story, article: usize, range: Range<usize>) -> Vec<String> {
    let text = &story.articles[article].article.text;
    let mut tokens = Vec::new();
    tokenize(text, range, &mut tokens);
    tokens.iter().map(|t| t.text(text).to_lowercase()).collect()
}

fn quantity(m: &Mention) -> Option<&QuantityValue> {
    match &m.value {
        Value::Quantity(q) => Some(q),
        _ => None,
    }
}

/// A whole followed by the parts it is divided into, when they add up to
/// more than it can be.
fn division<'a>(
    story: &Story,
    article: usize,
    whole: &Mention,
    rest: impl Iterator<Item = &'a Mention>,
) -> Option<Finding> {
    let wq = quantity(whole)?;
    let (head_word, _) = head_and_modifiers(wq.counted.as_deref()?)?;
    let head = normal(story.vocab, head_word)?;
    let most = Interval::of(wq)?.high;
    // A whole of one ("the more fat one ate") cannot be divided, and a
    // measure ("12.9 inches", "90 percent") is not a count of parts.
    let text = &story.articles[article].article.text;
    if !most.is_finite()
        || most < 2.0
        || measure(text, &whole.range, wq.counted.as_deref()).is_some()
    {
        return None;
    }
    let mut parts: Vec<&Mention> = Vec::new();
    let mut from = whole.range.end;
    for m in rest {
        let gap = between(story, article, from..m.range.start);
        let (words, joins) = if parts.is_empty() {
            (OPENER_WORDS, OPENERS)
        } else {
            (JOINER_WORDS, JOINERS)
        };
        let joined = gap.len() <= words
            && gap.iter().any(|w| joins.contains(&w.as_str()))
            && !gap.iter().any(|w| w == ";");
        if !joined || !is_part(story, article, m, &head, most) {
            break;
        }
        parts.push(m);
        from = m.range.end;
    }
    if parts.len() < 2 {
        return None;
    }
    let least: f64 = parts
        .iter()
        .filter_map(|m| Interval::of(quantity(m)?))
        .map(|i| i.low)
        .sum();
    (least > most).then(|| division_finding(story, article, whole, &parts, least))
}

/// Whether `m` can be a part of a whole counting `head`: no other thing
/// counted (a bare number, a participle, or the same noun), not a measure or
/// an age, and not larger than the whole.
fn is_part(story: &Story, article: usize, m: &Mention, head: &str, most: f64) -> bool {
    let Some(q) = quantity(m) else { return false };
    let Some(interval) = Interval::of(q) else {
        return false;
    };
    if interval.low > most || not_a_part(&story.articles[article].article.text, &m.range) {
        return false;
    }
    let Some(counted) = q.counted.as_deref() else {
        return true;
    };
    match head_and_modifiers(counted) {
        None => false,
        Some((w, _)) => {
            let lower = w.to_lowercase();
            lower.ends_with("ed")
                || PARTICIPLES.contains(lower.as_str())
                || normal(story.vocab, w).as_deref() == Some(head)
        }
    }
}

/// "15 months", "20 percent", "aged 24": numbers beside a unit or an age
/// word measure something; they are not parts of a count. Nor is "two of
/// them soldiers": subsets picked out by "of" may overlap ("two of them
/// soldiers and two of them dual nationals").
fn not_a_part(text: &str, range: &Range<usize>) -> bool {
    let word = |w: Option<&str>| w.unwrap_or("").to_lowercase();
    let next = word(text[range.end..].split_whitespace().next());
    let prev = word(text[..range.start].split_whitespace().next_back());
    let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    is_unit(&next)
        || is_unit(bare)
        || is_unit(bare.trim_end_matches('.'))
        || bare == "of"
        || NOT_PART_BEFORE.contains(&prev.as_str())
}

fn division_finding(
    story: &Story,
    article: usize,
    whole: &Mention,
    parts: &[&Mention],
    least: f64,
) -> Finding {
    let quote = |m: &Mention| story.quote(article, m.range.clone()).to_string();
    let wq = quantity(whole);
    let values: Vec<String> = parts
        .iter()
        .filter_map(|m| quantity(m).map(describe))
        .collect();
    let named: Vec<String> = parts.iter().map(|m| format!("\"{}\"", quote(m))).collect();
    let whole_value = wq.map(describe).unwrap_or_default();
    let summary = format!(
        "Parts exceed the whole: \"{}\" are split {} = {}",
        quote(whole),
        values.join(" + "),
        number(least)
    );
    let least = number(least);
    let explanation = format!(
        "In {}, the sentence counts \"{}\" and then divides them into {}, which add up to at least {least}: \
         more than the {whole_value} they are part of. One of the counts is wrong.",
        story.place(article, &whole.range),
        quote(whole),
        join(&named),
    );
    let exact = std::iter::once(whole)
        .chain(parts.iter().copied())
        .all(|m| quantity(m).is_some_and(is_exact));
    let (severity, confidence) = if exact {
        (Severity::High, 0.8)
    } else {
        (Severity::Medium, 0.6)
    };
    let mut f = Finding::new(
        FindingKind::InternalInconsistency,
        severity,
        confidence,
        summary,
        explanation,
    )
    .evidence(article, whole.range.clone())
    .suggest(format!(
        "Check the parts: they should add up to no more than {whole_value}"
    ));
    for m in parts {
        f = f.evidence(article, m.range.clone());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::super::{Finding, FindingKind};
    use crate::analysis::{Options, analyze};

    use super::super::testing::{of_kind, quotes, run};

    fn article(date: &str, body: &str) -> String {
        format!("Border news\nPublished {date}\n\n{body}\n")
    }

    fn internal(text: &str) -> Vec<Finding> {
        let an = run(&[&article("June 2, 2025", text)]);
        of_kind(&an, FindingKind::InternalInconsistency)
            .into_iter()
            .cloned()
            .collect()
    }

    /// A span from a year ("since 2003") runs to the present: the holder
    /// it names is current. A year alone dates the statement instead.
    #[test]
    fn a_span_since_a_year_leaves_its_holder_current() {
        let undated = |body: &str| run(&[&format!("Talks\n\n{body}\n")]);
        let obama = "President Barack Obama says the troops will come home.";
        let since = undated(&format!(
            "President George W. Bush has faced criticism over the war, which has cost thousands of lives since 2003. {obama}"
        ));
        assert_eq!(
            of_kind(&since, FindingKind::InternalInconsistency).len(),
            1,
            "{:?}",
            since.findings
        );
        let dated = undated(&format!(
            "President George W. Bush has faced criticism over the war, which cost thousands of lives in 2003. {obama}"
        ));
        assert!(of_kind(&dated, FindingKind::InternalInconsistency).is_empty());
    }

    #[test]
    fn holders_of_two_offices_whose_terms_never_met_clash_in_one_sentence() {
        let undated = |body: &str| run(&[&format!("Talks\n\n{body}\n")]);
        let a = undated(
            "President Barack Obama told French President Emmanuel Macron that he backed him.",
        );
        let found = of_kind(&a, FindingKind::InternalInconsistency);
        assert_eq!(found.len(), 1, "{:?}", a.findings);
        // A period named after the two dates another clause.
        let after = undated(
            "President Barack Obama told French President Emmanuel Macron that he backed him during the recent elections.",
        );
        assert_eq!(of_kind(&after, FindingKind::InternalInconsistency).len(), 1);
        // So does an event of the story named before them: "during the
        // summit" is no period gone by.
        let summit = undated(
            "During the summit, President Barack Obama told French President Emmanuel Macron that he backed him.",
        );
        assert_eq!(
            of_kind(&summit, FindingKind::InternalInconsistency).len(),
            1
        );
        assert!(
            found[0].explanation.contains("2017-01-20"),
            "{}",
            found[0].explanation
        );
        assert_eq!(
            quotes(&a, found[0]),
            ["President Barack Obama", "French President Emmanuel Macron"]
        );
        // Terms that met, a former holder, two sentences, or a dated
        // article (anachronism's business) are quiet.
        for body in [
            "President Barack Obama told French President Francois Hollande that he backed him.",
            "Former President Barack Obama told French President Emmanuel Macron that he backed him.",
            "President Barack Obama spoke first. French President Emmanuel Macron replied.",
            "French President Emmanuel Macron, like his predecessor, President Francois Hollande, backed him.",
            "French President Emmanuel Macron, who took over from President Francois Hollande last year, backed him.",
            "During the Obama presidency, President Barack Obama told French President Emmanuel Macron that he backed him.",
        ] {
            let a = undated(body);
            assert!(
                of_kind(&a, FindingKind::InternalInconsistency).is_empty(),
                "{body}: {:?}",
                a.findings
            );
        }
        let dated = run(&[&article(
            "June 2, 2017",
            "President Barack Obama told French President Emmanuel Macron that he backed him.",
        )]);
        assert!(of_kind(&dated, FindingKind::InternalInconsistency).is_empty());
    }

    #[test]
    fn measures_pronouns_and_dated_or_unframed_mentions_are_not_clashes() {
        let a = run(&[
            "Tablets\n\nThe tablet will measure between 12.2 and 12.9 inches, dwarfing the 9.7-inch and 7.9-inch models.\n",
            "Diets\n\nThe more fat one ate, the more sugar one ate, the better.\n",
            "Paris\n\nPresident Trump plans to leave the pact. President Obama helped negotiate it in 2015.\n",
            "Care\n\nPresident Trump spoke on Friday. An Obama administration estimate put the gain at 20 million.\n",
        ]);
        assert!(
            of_kind(&a, FindingKind::InternalInconsistency).is_empty(),
            "{:?}",
            a.findings
        );
    }

    #[test]
    fn parts_adding_up_to_more_than_the_whole() {
        let found = internal(
            "The four climbers rescued on Friday, three airlifted from the north face and two carried down the ridge, were taken to hospital in Zermatt.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].evidence.len(), 3);
        assert!(
            found[0]
                .summary
                .contains("\"four climbers\" are split 3 + 2 = 5"),
            "{}",
            found[0].summary
        );
    }

    #[test]
    fn parts_within_the_whole_are_quiet() {
        assert!(internal("The five climbers, three from Italy and two from Austria, were taken to hospital in Zermatt.").is_empty());
        assert!(internal(
            "Officials count approximately 48 captives in the tunnels: around 20 are believed to be alive, while up to 30 may have died."
        )
        .is_empty());
    }

    #[test]
    fn unrelated_numbers_and_other_things_are_not_parts() {
        assert!(
            internal("The three women, aged 24, 28 and 31, spent 471 days in captivity.")
                .is_empty()
        );
        assert!(
            internal(
                "The three families, two children and two grandparents among them, returned home."
            )
            .is_empty()
        );
        assert!(internal("The three women held for 15 months and 2 weeks were freed.").is_empty());
        assert!(internal("The three hostages freed on Saturday, two of them soldiers and two of them dual nationals, were taken to hospital.").is_empty());
    }

    #[test]
    fn sample_story_has_the_planted_division_only() {
        let an = analyze(
            crate::samples::articles().expect("samples"),
            crate::kb::Kb::builtin(),
            &Options::default(),
        );
        let parts: Vec<&Finding> = of_kind(&an, FindingKind::InternalInconsistency);
        assert_eq!(parts.len(), 1, "{parts:#?}");
        assert_eq!(
            quotes(&an, parts[0]),
            ["three women", "two abducted", "two"]
        );
        assert_eq!(parts[0].evidence[0].article, 3);
    }
}
