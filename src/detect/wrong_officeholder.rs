//! `wrong-officeholder`: a person named in an office that someone else
//! held on the statement's date and that they never held (a misrendered or
//! wrong name in a named office: the holder is suggested with how alike the
//! names are). Someone who held it at another time is an `anachronism`.

use jiff::civil::Date;

use super::spelling::similarity;
use super::tenure::{
    coverage_note, describe, held_by_others, names, office_claims, overlaps, terms_held,
    window_label,
};
use super::{Finding, FindingKind, Reference, Severity, Story};
use crate::extract::PersonValue;
use crate::kb::Kb;

/// People named in an office they never held, on a date someone else held it.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let kb = story.kb;
    let mut out = Vec::new();
    for c in office_claims(story) {
        let found = match c.named {
            None => someone_else(story, c.office, &c.holders, c.window, c.person),
            Some(person) if terms_held(kb, c.office, person).is_empty() => {
                let when = format!(
                    "{} never held it, according to the knowledge base",
                    kb.people[person as usize].name
                );
                Some(held_by_others(
                    story,
                    &c,
                    FindingKind::WrongOfficeholder,
                    &when,
                    None,
                ))
            }
            Some(_) => None, // held it at another time: an anachronism
        };
        out.extend(found.map(|f| c.evidence(f)));
    }
    out.extend(super::past_holders::detect(story));
    out
}

/// Whether a one-word name is the holder's first name: monarchs, popes
/// and princes go by it ("King Abdullah" for Abdullah bin Abdulaziz).
fn called_by_given_name(kb: &crate::kb::Kb, name: &str, holder: u32) -> bool {
    let person = &kb.people[holder as usize];
    !name.contains(char::is_whitespace)
        && std::iter::once(person.name)
            .chain(person.aliases.iter().copied())
            .filter_map(|n| n.split_whitespace().next())
            .any(|given| given.eq_ignore_ascii_case(name))
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
    if holders
        .iter()
        .any(|&h| called_by_given_name(kb, &p.name, h))
    {
        return None;
    }
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

#[cfg(test)]
mod tests {
    use super::super::{Finding, FindingKind};
    const KIND: FindingKind = FindingKind::WrongOfficeholder;

    fn found(articles: &[(&str, &str)]) -> Vec<Finding> {
        super::super::testing::found(KIND, articles)
    }

    #[test]
    fn an_unknown_name_in_an_office_gets_the_holder() {
        let f = found(&[(
            "March 3, 2023",
            "U.S. Defense Secretary Lloyd Austen met Qatari officials.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_deref(), Some("Lloyd Austin"));
    }

    #[test]
    fn a_monarch_by_first_name_is_the_holder() {
        let f = found(&[(
            "March 3, 2012",
            "Saudi Arabia's King Abdullah received the envoy in Riyadh.",
        )]);
        assert!(f.is_empty(), "{f:?}");
        let f = found(&[(
            "March 3, 2012",
            "Saudi Arabia's King Salman received the envoy in Riyadh.",
        )]);
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn the_holder_and_a_former_holder_are_not_wrong() {
        let f = found(&[(
            "May 11, 2025",
            "Secretary of State Marco Rubio met Qatari officials. Former Defense Minister Yoav Gallant stayed home.",
        )]);
        assert!(f.is_empty(), "{f:?}");
    }
}
