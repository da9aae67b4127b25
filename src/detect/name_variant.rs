//! `name-variant`: one person rendered differently — against a KB name, or
//! between renderings of the story's roster (in one article or across
//! articles) — where the forms are not legitimate variants ("Steve"/"Steven",
//! a middle initial, a surname alone, a transliteration the KB lists).

use rustc_hash::{FxHashMap, FxHashSet};

use super::counts::join;
use super::roster::{Rendering, Roster};
use super::spelling::{
    Likeness, first_word_key, given_key, middles_agree, name_words, words_likeness,
};
use super::{Finding, FindingKind, Severity, Story};
use crate::kb::{Entity, Kb};
use crate::text::fold;

#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let roster = Roster::of(story.articles);
    let (mut out, judged) = within_story(story, &roster);
    out.extend(against_kb(story, &roster, &judged));
    out
}

/// The words of each KB person's written names, grouped by given name, to
/// compare a rendering only with names that could be it; only under the
/// `wanted` keys. Splitting every KB name was a millisecond of each run,
/// and a story names few given names: a name whose first word rules it
/// out is not split.
fn kb_names(kb: &Kb, wanted: &FxHashSet<String>) -> FxHashMap<String, Vec<(usize, Vec<String>)>> {
    let mut map: FxHashMap<String, Vec<(usize, Vec<String>)>> = FxHashMap::default();
    for (i, p) in kb.people.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(p.aliases.iter()) {
            if first_word_key(name).is_some_and(|k| !wanted.contains(&k)) {
                continue;
            }
            let words = name_words(name);
            if let Some(key) = given_key(&words).filter(|k| wanted.contains(k)) {
                map.entry(key).or_default().push((i, words));
            }
        }
    }
    map
}

/// A name one slip from a KB person's name: "Anthony Blinkin". A KB is
/// not the world: many real people are one letter from someone it knows,
/// so the slip counts only when the article gives the name a title of an
/// office that person held, or writes the KB person's very given name with
/// a surname long enough to be distinctive. A transliterated surname
/// ("el-Sissi", "al-Thinni") is judged against the story's other
/// renderings only: the KB holds one of its many spellings, and one
/// letter from it is as likely another convention, or another person.
fn against_kb(story: &Story, roster: &Roster, judged: &[bool]) -> Vec<Finding> {
    let transliterated = |i: &usize| {
        roster.renderings[*i]
            .words
            .last()
            .is_some_and(|w| crate::extract::names::particle_joined(w))
    };
    let open = |i: &usize| !judged[*i] && !roster.renderings[*i].in_office && !transliterated(i);
    let wanted: FxHashSet<String> = (0..roster.renderings.len())
        .filter(open)
        .filter_map(|i| given_key(&roster.renderings[i].words))
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let names = kb_names(story.kb, &wanted);
    let mut out = Vec::new();
    for (i, r) in roster.renderings.iter().enumerate() {
        if !open(&i) {
            continue;
        }
        let Some(candidates) = given_key(&r.words).and_then(|k| names.get(&k)) else {
            continue;
        };
        let best = candidates
            .iter()
            // A name of more or fewer words than the KB's form, or with
            // another middle name, and a surname slip besides, differs
            // twice: another person more often than a misspelling ("John
            // Joe O'Connell" is not "John Michael McConnell"). Within a
            // story, where one person's renderings meet, a longer form is
            // compared ("Steven Joel Soltoff", "Steven Sotloff").
            .filter(|(_, words)| middles_agree(&r.words, words))
            .filter_map(|(id, words)| match words_likeness(&r.words, words) {
                Likeness::Misspelled(alike)
                    if distinctive(&r.words, words) || titled_as(story.kb, *id, &r.roles) =>
                {
                    Some((*id, alike))
                }
                _ => None,
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        let Some((id, alike)) = best else { continue };
        let person = &story.kb.people[id];
        let summary = format!("\"{}\" looks like a misspelling of {}", r.name, person.name);
        let explanation = format!(
            "The knowledge base knows {} ({}) and no one named {}; the given names agree and the surnames are one slip apart.",
            person.name, person.id, r.name,
        );
        let f = Finding::new(
            FindingKind::NameVariant,
            Severity::Medium,
            alike as f32,
            summary,
            explanation,
        )
        .suggest(person.name);
        out.push(with_mentions(story, f, r, usize::MAX));
    }
    out
}

/// The same given name written alike and a surname of six letters or more.
fn distinctive(a: &[String], b: &[String]) -> bool {
    a[0] == b[0] && a.last().is_some_and(|s| s.chars().count() >= 6)
}

/// Whether one of the roles is a title of an office the KB person held:
/// every word of the role appears in the office's names.
fn titled_as(kb: &Kb, person: usize, roles: &[&str]) -> bool {
    let held = kb
        .offices
        .iter()
        .filter(|o| o.holders.iter().any(|h| h.person as usize == person));
    let names: Vec<String> = held
        .flat_map(|o| {
            [o.name, o.title]
                .into_iter()
                .chain(o.aliases.iter().copied())
        })
        .map(fold)
        .collect();
    roles.iter().any(|role| {
        let role = fold(role);
        let words: Vec<&str> = role.split_whitespace().filter(|w| w.len() >= 3).collect();
        !words.is_empty()
            && names
                .iter()
                .any(|n| words.iter().all(|w| n.split_whitespace().any(|x| x == *w)))
    })
}

/// A rendering and the others that are legitimate forms of the same name
/// ("Cristina Fernández Kirchner", "Cristina Fernández de Kirchner"): who
/// uses the name, whatever the form.
struct Family {
    sources: Vec<usize>,
    known: bool,
    entity: Option<Entity>,
}

fn families(roster: &Roster, groups: &[Vec<usize>]) -> Vec<Family> {
    let mut out: Vec<Family> = roster
        .renderings
        .iter()
        .map(|r| Family {
            sources: r.articles(),
            known: r.entity.is_some(),
            entity: r.entity,
        })
        .collect();
    for group in groups {
        for &x in group {
            for &y in group {
                let (rx, ry) = (&roster.renderings[x], &roster.renderings[y]);
                if x != y && words_likeness(&rx.words, &ry.words) == Likeness::Same {
                    out[x].sources.extend(ry.articles());
                    out[x].known |= ry.entity.is_some();
                    out[x].entity = out[x].entity.or(ry.entity);
                }
            }
        }
    }
    for f in &mut out {
        f.sources.sort_unstable();
        f.sources.dedup();
    }
    out
}

/// Renderings of the roster that are another misspelled: one finding for
/// each odd rendering, against the best-attested form it slips from.
/// Returns the findings and which renderings are judged (misspelled, or a
/// form of a KB-known name), so `against_kb` leaves them be.
fn within_story(story: &Story, roster: &Roster) -> (Vec<Finding>, Vec<bool>) {
    let groups = roster.by_given_name();
    let families = families(roster, &groups);
    let weight = |i: usize| {
        (
            families[i].known,
            families[i].sources.len(),
            roster.renderings[i].mentions.len(),
        )
    };
    // For each odd rendering, the usual one it is a slip of.
    let mut usual_of: Vec<Option<(usize, f64)>> = vec![None; roster.renderings.len()];
    for group in &groups {
        for (i, &x) in group.iter().enumerate() {
            for &y in &group[i + 1..] {
                let (rx, ry) = (&roster.renderings[x], &roster.renderings[y]);
                // Two KB people are two people.
                if rx.entity.is_some() && ry.entity.is_some() {
                    continue;
                }
                let Likeness::Misspelled(alike) = words_likeness(&rx.words, &ry.words) else {
                    continue;
                };
                let related = rx
                    .articles()
                    .iter()
                    .any(|&a| ry.articles().iter().any(|&b| story.same_story(a, b)));
                if !related {
                    continue;
                }
                let (odd, usual) = if weight(x) < weight(y) {
                    (x, y)
                } else {
                    (y, x)
                };
                if usual_of[odd].is_none_or(|(u, _)| weight(u) < weight(usual)) {
                    usual_of[odd] = Some((usual, alike));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (odd, usual) in usual_of.iter().enumerate() {
        let Some((mut usual, alike)) = *usual else {
            continue;
        };
        // A slip of a slip is judged against the form at the chain's end;
        // weights rise along a chain, so it ends.
        while let Some((next, _)) = usual_of[usual] {
            usual = next;
        }
        out.push(spelled_two_ways(
            story,
            roster,
            &families,
            (odd, usual),
            alike,
        ));
    }
    let judged = usual_of
        .iter()
        .zip(&families)
        .map(|(u, f)| u.is_some() || f.known)
        .collect();
    (out, judged)
}

fn spelled_two_ways(
    story: &Story,
    roster: &Roster,
    families: &[Family],
    (odd, usual): (usize, usize),
    alike: f64,
) -> Finding {
    let (o, u) = (&roster.renderings[odd], &roster.renderings[usual]);
    let odd_sources = o.articles();
    let usual_sources = &families[usual].sources;
    let backed = usual_sources.len() >= 2 || families[usual].known;
    let summary = if odd_sources.len() == 1 && usual_sources == &odd_sources {
        format!(
            "The article spells one name two ways: \"{}\" and \"{}\"",
            u.name, o.name
        )
    } else {
        let names: Vec<String> = usual_sources
            .iter()
            .filter(|a| !odd_sources.contains(a))
            .map(|&a| story.source_name(a))
            .collect();
        let there = if names.is_empty() {
            "here too".to_string()
        } else if names.len() > 3 {
            format!("in {} other sources", names.len())
        } else {
            format!("in {}", join(&names))
        };
        format!("\"{}\" here, \"{}\" {there}", o.name, u.name)
    };
    let explanation = format!(
        "\"{}\" ({} mention{} in {} source{}) and \"{}\" (written so in {} source{}) share the given name and their surnames are one slip apart: likely one person, one rendering misspelled.",
        o.name,
        o.mentions.len(),
        plural(o.mentions.len()),
        odd_sources.len(),
        plural(odd_sources.len()),
        u.name,
        usual_sources.len(),
        plural(usual_sources.len()),
    );
    let explanation = match families[usual].entity {
        Some(e) => format!(
            "{explanation} The knowledge base knows {} ({}).",
            story.kb.name(e),
            story.kb.id(e)
        ),
        None => explanation,
    };
    // One source against several, or against the KB, is worth a look; one
    // against one may be either's slip.
    let (severity, confidence) = if odd_sources.len() == 1 && backed {
        let known = if families[usual].known { 0.1 } else { 0.0 };
        (
            Severity::Medium,
            (0.75 + 0.05 * usual_sources.len().min(4) as f32 + known).min(0.95),
        )
    } else {
        (Severity::Low, 0.5 + 0.2 * alike as f32)
    };
    let mut f = Finding::new(
        FindingKind::NameVariant,
        severity,
        confidence,
        summary,
        explanation,
    );
    // One source against one: no telling which spelling is right.
    if backed || usual_sources.len() > odd_sources.len() {
        f = f.suggest(u.name);
    }
    let f = with_mentions(story, f, o, usize::MAX);
    with_mentions(story, f, u, 3)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The finding with the rendering's mentions as evidence: all of them, or
/// the first in each of at most `sources` articles.
fn with_mentions(story: &Story, mut f: Finding, r: &Rendering, sources: usize) -> Finding {
    let mut last = None;
    let mut taken = 0;
    for &(ai, mi) in &r.mentions {
        if sources != usize::MAX {
            if last == Some(ai) {
                continue;
            }
            if taken == sources {
                break;
            }
            taken += 1;
        }
        last = Some(ai);
        f = f.evidence(ai, story.articles[ai].mentions[mi].range.clone());
    }
    f
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

    /// A transliteration varies word by word: the KB's "Muammar Gaddafi"
    /// and "Moammar Gadhafi" make "Moammar Gaddafi" a known spelling too,
    /// while one slip from any of them is still a slip.
    #[test]
    fn words_of_two_known_spellings_mix_but_a_slip_is_still_found() {
        let told = |surname: &str| {
            format!("Libyan leader Moammar {surname} ordered air strikes on the rebels.")
        };
        let (mixed, known) = (told("Gaddafi"), told("Gadhafi"));
        let date = "March 2, 2011";
        let f = found(&[(date, &mixed), (date, &mixed), (date, &known)]);
        assert!(f.is_empty(), "{f:?}");
        let slip = told("Gadhaffi");
        let f = found(&[(date, &known), (date, &known), (date, &slip)]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    /// A KB form with another middle name, or another number of words,
    /// besides a surname slip, is someone else: two differences are no
    /// misspelling. A hyphen is no slip at all.
    #[test]
    fn a_kb_name_that_differs_twice_or_by_a_hyphen_is_no_misspelling() {
        for other in [
            "Police spokesman John Joe O'Connell said the man was arrested.",
            "Saudi Arabia's King Salman bin Abdul-Aziz Al Saud met the envoy.",
        ] {
            let f = found(&[("March 3, 2015", other)]);
            assert!(f.is_empty(), "{other}: {f:?}");
        }
        let f = found(&[(
            "March 3, 2008",
            "Intelligence director John Michael McConnel spoke to the panel.",
        )]);
        assert_eq!(f.len(), 1, "one slip from the KB's form: {f:?}");
    }

    /// A live blog glues its clock to the names it lists: "Joe Galvin04"
    /// and "Joe Galvin07" are one name at two minutes, no misspelling.
    #[test]
    fn names_glued_to_digits_are_not_compared() {
        let f = found(&[(
            "March 2, 2015",
            "Joe Galvin04:21 crossed from the left. Joe Galvin07:03 scored the second goal. Coach Mary Ellison praised Joe Galvin after the match.",
        )]);
        assert!(f.is_empty(), "{f:?}");
        let f = found(&[(
            "March 2, 2015",
            "Joe Galvin crossed from the left. Joe Galvan scored the second goal. Coach Mary Ellison praised Joe Galvin after the match.",
        )]);
        assert_eq!(f.len(), 1, "the same names without digits: {f:?}");
    }

    #[test]
    fn a_name_its_article_cannot_confirm_is_confirmed_by_the_story() {
        // "Leelah" is no known given name and nothing in the first article
        // marks "Leelah Alccorn" as a person; the others name her often.
        let alone = "Leelah Alccorn, born in Ohio, left a note on her blog before she died.";
        let others = [
            ("December 30, 2014", alone),
            (
                "December 30, 2014",
                "Leelah Alcorn left a note on her blog, her mother said.",
            ),
            (
                "December 30, 2014",
                "Friends of Leelah Alcorn, 17, held a vigil in Ohio.",
            ),
        ];
        let f = found(&others);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Leelah Alcorn"));
        // A run that only shares words with a longer name stays unconfirmed.
        let f = found(&[
            (
                "December 30, 2014",
                "Independent Women, a group in Ohio, left a note on its blog.",
            ),
            (
                "December 30, 2014",
                "Independent Women Forum head Carla Wood said the group left a note.",
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn one_source_misspelling_a_name_throughout_stands_against_the_others() {
        let f = found(&[
            (
                "March 3, 2014",
                "Party chairman Michael Steelle opened the meeting. Steelle said turnout would rise.",
            ),
            (
                "March 3, 2014",
                "Delegates cheered when Michael Steele arrived in the hall.",
            ),
            (
                "March 3, 2014",
                "The vote was close, and Michael Steele thanked the volunteers.",
            ),
        ]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, super::Severity::Medium);
        assert_eq!(f[0].suggestion.as_deref(), Some("Michael Steele"));
        // Every mention of the odd rendering, then one of the usual in each source.
        assert_eq!(f[0].evidence.iter().filter(|e| e.article == 0).count(), 2);
        assert_eq!(f[0].evidence.len(), 4, "{f:?}");
    }

    #[test]
    fn initials_suffixes_and_places_named_after_people_are_forms_of_a_name() {
        let f = found(&[
            (
                "March 3, 2014",
                "Elijah E. Cummings spoke first. Joseph R. Biden Jr. spoke next. She left the Betty Ford Clinic.",
            ),
            (
                "March 3, 2014",
                "Elijah Cummings spoke first. Joseph Biden spoke next. Betty Ford had founded it.",
            ),
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn people_who_share_a_given_name_with_a_kb_person_are_not_misspellings() {
        let f = found(&[(
            "March 3, 2014",
            "Robert Goodlatte chaired the hearing. David Paterson testified.",
        )]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_distinctive_kb_name_one_slip_off_is_a_misspelling_without_a_title() {
        let f = found(&[("January 10, 2024", "Antony Blinkin arrived in Cairo.")]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Antony Blinken"));
    }

    /// A transliterated surname one letter from the KB's spelling is
    /// another convention, not a slip ("el-Sissi" for "el-Sisi"); a
    /// surname of one word still is (`a_misspelled_known_name_is_a_variant`).
    #[test]
    fn a_transliterated_surname_is_no_slip_from_the_kb() {
        let f = found(&[(
            "March 3, 2015",
            "Abdel-Fattah el-Sissi met the envoy in Cairo on Tuesday.",
        )]);
        assert!(f.is_empty(), "{f:?}");
        assert!(crate::extract::names::particle_joined("el-sissi"));
        assert!(crate::extract::names::particle_joined("al-thinni"));
        assert!(!crate::extract::names::particle_joined("pre-christmas"));
        assert!(!crate::extract::names::particle_joined("blinkin"));
    }

    #[test]
    fn one_story_told_several_ways_gets_no_pile_warning() {
        let flood = "The river burst its banks at dawn and flooded the lower town, and rescue boats reached the stranded families by noon.";
        let an = super::super::testing::run(&[
            &format!("Flood\n\n{flood} Mayor Helena Brandt spoke."),
            &format!("Flood\n\n{flood} The mayor thanked the crews."),
            &format!("Flood\n\n{flood} Schools stayed shut."),
            &format!("Flood\n\n{flood} Mayor Helena Brant visited."),
        ]);
        assert!(
            an.warnings.iter().all(|w| !w.contains("separate stories")),
            "{:?}",
            an.warnings
        );
        assert!(
            an.findings
                .iter()
                .any(|f| f.kind == super::FindingKind::NameVariant),
            "{:?}",
            an.findings
        );
    }

    #[test]
    fn names_in_unrelated_stories_are_not_compared() {
        let flood = "The river burst its banks at dawn and flooded the lower town, and rescue boats reached the stranded families by noon.";
        let match_ = "The home side won the cup final on penalties after a goalless draw, and the captain lifted the trophy before a full stadium.";
        let an = super::super::testing::run(&[
            &format!("Flood\n\n{flood} Mayor Helena Brandt spoke."),
            &format!("Flood\n\n{flood} The mayor thanked the crews."),
            &format!("Flood\n\n{flood} Schools stayed shut."),
            &format!("Cup\n\n{match_} Coach Helena Brant was delighted."),
            &format!("Cup\n\n{match_} The coach praised her players."),
            &format!("Cup\n\n{match_} Fans sang until midnight."),
        ]);
        assert!(
            an.warnings.iter().any(|w| w.contains("separate stories")),
            "{:?}",
            an.warnings
        );
        assert!(
            an.findings
                .iter()
                .all(|f| f.kind != super::FindingKind::NameVariant),
            "{:?}",
            an.findings
        );
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
