//! Consistency of the shipped knowledge base.

use parallax::kb::{Entity, Kb};

#[test]
fn builtin_loads() {
    let kb = Kb::builtin();
    assert!(kb.people.len() > 500, "{} people", kb.people.len());
    assert!(kb.offices.len() > 100, "{} offices", kb.offices.len());
    assert!(kb.as_of.is_some());
}

#[test]
fn single_holder_offices_never_overlap() {
    let kb = Kb::builtin();
    let mut problems = Vec::new();
    for office in kb.offices.iter().filter(|o| o.single) {
        for pair in office.holders.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let name = |h: &parallax::kb::Holder| kb.people[h.person as usize].id;
            match a.term.to {
                None => problems.push(format!(
                    "{}: {} has no end but {} follows",
                    office.id,
                    name(a),
                    name(b)
                )),
                // An acting stand-in inside a term (as `kb update` writes
                // them) holds the office beside its holder.
                Some(end) if b.acting && b.term.to.is_some_and(|to| to <= end) => {}
                Some(end) if end > b.term.from => problems.push(format!(
                    "{}: {} (to {end}) overlaps {} (from {})",
                    office.id,
                    name(a),
                    name(b),
                    b.term.from
                )),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn terms_start_before_they_end() {
    let kb = Kb::builtin();
    for office in kb.offices {
        for h in office.holders {
            assert!(
                h.term.to.is_none_or(|to| h.term.from <= to),
                "{}",
                office.id
            );
        }
    }
    for e in kb.events {
        assert!(e.term.to.is_none_or(|to| e.term.from <= to), "{}", e.id);
    }
}

#[test]
fn every_alias_names_one_entity_or_is_declared_ambiguous() {
    let kb = Kb::builtin();
    let mut problems = Vec::new();
    for (alias, entities) in kb.alias_table() {
        // A country and its adjective may share a spelling ("U.S."): same country.
        let mut distinct: Vec<Entity> = entities
            .iter()
            .map(|e| match e {
                Entity::Demonym(i) => Entity::Country(*i),
                e => *e,
            })
            .collect();
        distinct.sort();
        distinct.dedup();
        if distinct.len() > 1 && !kb.ambiguous.contains(&alias) {
            let ids: Vec<&str> = distinct.iter().map(|e| kb.id(*e)).collect();
            problems.push(format!("`{alias}` names {}", ids.join(", ")));
        }
    }
    problems.sort();
    assert!(
        problems.is_empty(),
        "{} ambiguous aliases:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_canonical_facts_are_there() {
    let kb = Kb::builtin();
    let date = jiff::civil::date(2025, 5, 11);
    let office = |alias: &str| match kb.resolve(alias) {
        [Entity::Office(o)] => *o,
        other => panic!("{alias} resolves to {other:?}"),
    };
    let holder = |o: u32| -> Vec<&str> {
        kb.holders_on(o, date)
            .map(|h| kb.people[h.person as usize].name)
            .collect()
    };
    assert_eq!(
        holder(office("Special Envoy for the Middle East")),
        ["Steve Witkoff"]
    );
    assert_eq!(holder(office("U.S. President")), ["Donald Trump"]);
    assert_eq!(
        holder(office("Israeli Prime Minister")),
        ["Benjamin Netanyahu"]
    );
    let [Entity::Administration(biden)] = kb.resolve("Biden administration") else {
        panic!("Biden administration not derived")
    };
    let terms = &kb.administrations[*biden as usize].terms;
    assert_eq!(
        terms.last().and_then(|t| t.to),
        Some(jiff::civil::date(2025, 1, 20))
    );
}

/// Countries in `countries.toml` that are not UN member states.
const NOT_UN_MEMBERS: &[&str] = &["PS", "VA", "TW", "XK", "EU", "UN"];

/// UN members whose head of state or of government the KB does not give on
/// its as-of date, and why (the same list heads `assets/kb/heads.toml`).
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "BI",
        "head-of-government",
        "the prime minister appointed after the 2025 elections is not certain",
    ),
    (
        "GQ",
        "head-of-government",
        "whether the prime minister of 2023 was still in office is not certain",
    ),
    (
        "GW",
        "head-of-government",
        "the prime minister changed in 2025; the day is not certain",
    ),
    (
        "MD",
        "head-of-government",
        "Recean's government gave way to Munteanu's around the as-of date",
    ),
    (
        "MN",
        "head-of-government",
        "the prime minister's dismissal in October 2025 was disputed",
    ),
    (
        "MM",
        "head-of-government",
        "the caretaker prime minister named in 2025 is not certain",
    ),
    (
        "SM",
        "head-of-state",
        "the Captains Regent from 2025-10-01 are not certain",
    ),
];

#[test]
fn every_un_member_has_its_heads_on_the_as_of_date() {
    let kb = Kb::builtin();
    let as_of = kb.as_of.expect("meta.toml gives as_of");
    let members: Vec<(u32, &str)> = (0..kb.countries.len() as u32)
        .map(|c| (c, kb.countries[c as usize].code))
        .filter(|(_, code)| !NOT_UN_MEMBERS.contains(code))
        .collect();
    assert_eq!(members.len(), 193, "UN member states in countries.toml");
    let mut problems = Vec::new();
    let mut covered = 0;
    for &(country, code) in &members {
        for kind in ["head-of-state", "head-of-government"] {
            let held = (0..kb.offices.len() as u32).any(|o| {
                let office = &kb.offices[o as usize];
                office.country == Some(country)
                    && office.is(kind)
                    && kb.holders_on(o, as_of).next().is_some()
            });
            let excepted = EXCEPTIONS.iter().any(|&(c, k, _)| c == code && k == kind);
            match (held, excepted) {
                (true, false) => covered += 1,
                (false, false) => problems.push(format!("{code}: no {kind} on {as_of}")),
                (true, true) => problems.push(format!(
                    "{code}: {kind} is covered, remove it from EXCEPTIONS"
                )),
                (false, true) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(covered, 2 * 193 - EXCEPTIONS.len());
}

#[test]
fn a_president_who_heads_the_government_is_both() {
    let kb = Kb::builtin();
    let [Entity::Office(o)] = kb.resolve("U.S. President") else {
        panic!("U.S. President is one office")
    };
    let president = &kb.offices[*o as usize];
    assert!(president.is("head-of-state") && president.is("head-of-government"));
    let [Entity::Office(o)] = kb.resolve("British Prime Minister") else {
        panic!("British Prime Minister is one office")
    };
    assert!(!kb.offices[*o as usize].is("head-of-state"));
}
