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
