//! Lookup tables over the KB: folded aliases, surnames, the offices each
//! person held, and one Aho-Corasick automaton over every alias so a whole
//! article is matched in a single pass.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Entity, Kb};
use crate::text::{at_word_boundary, fold};

/// An alias found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub entities: Vec<Entity>,
}

#[derive(Debug, Default)]
pub(super) struct Index {
    pub aliases: HashMap<String, Vec<Entity>>,
    pub surnames: HashMap<String, Vec<u32>>,
    pub offices_of: HashMap<u32, Vec<(u32, u32)>>,
    matcher: Option<AhoCorasick>,
    /// For each automaton pattern: the entities and how each was written.
    patterns: Vec<Vec<(Entity, String)>>,
}

impl Index {
    pub fn build(kb: &Kb) -> Index {
        let mut written: Vec<(String, Entity)> = Vec::new();
        collect_aliases(kb, &mut written);
        // News prints typographic apostrophes: "Gideon’s Chariots".
        let curly: Vec<(String, Entity)> = written
            .iter()
            .filter(|(a, _)| a.contains('\''))
            .map(|(a, e)| (a.replace('\'', "\u{2019}"), *e))
            .collect();
        written.extend(curly);
        let mut index = Index::default();
        let mut by_lower: HashMap<String, usize> = HashMap::new();
        for (alias, entity) in written {
            let folded = fold(&alias);
            let entry = index.aliases.entry(folded.clone()).or_default();
            if !entry.contains(&entity) {
                entry.push(entity);
            }
            // The automaton is ASCII case-insensitive; a folded copy lets
            // "Erdogan" in text find "Erdoğan" in the KB.
            for form in [alias.to_lowercase(), folded] {
                let slot = *by_lower.entry(form).or_insert_with(|| {
                    index.patterns.push(Vec::new());
                    index.patterns.len() - 1
                });
                let pattern = &mut index.patterns[slot];
                if !pattern.iter().any(|(e, w)| *e == entity && *w == alias) {
                    pattern.push((entity, alias.clone()));
                }
            }
        }
        let mut keys: Vec<(String, usize)> = by_lower.into_iter().collect();
        keys.sort_by_key(|(_, slot)| *slot);
        index.matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(keys.iter().map(|(k, _)| k))
            .ok();
        for (i, p) in kb.people.iter().enumerate() {
            let mut names = vec![fold(&p.surname)];
            if let Some(last) = p.name.split_whitespace().last() {
                names.push(fold(last));
            }
            names.dedup();
            for n in names {
                index.surnames.entry(n).or_default().push(i as u32);
            }
        }
        for (o, office) in kb.offices.iter().enumerate() {
            for (h, holder) in office.holders.iter().enumerate() {
                index
                    .offices_of
                    .entry(holder.person)
                    .or_default()
                    .push((o as u32, h as u32));
            }
        }
        index
    }

    pub fn scan(&self, kb: &Kb, text: &str, range: Range<usize>) -> Vec<Hit> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for m in matcher.find_iter(&text[range.clone()]) {
            let (start, end) = (range.start + m.start(), range.start + m.end());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            if !at_word_boundary(text, start, end) {
                continue;
            }
            let found = &text[start..end];
            let mut entities: Vec<Entity> = self.patterns[m.pattern().as_usize()]
                .iter()
                .filter(|(e, written)| case_fits(kb, *e, written, found))
                .map(|(e, _)| *e)
                .collect();
            entities.sort();
            entities.dedup();
            if !entities.is_empty() {
                hits.push(Hit {
                    range: start..end,
                    entities,
                });
            }
        }
        hits
    }
}

/// Whether the case of `found` in the text fits the alias as written:
/// acronyms and short aliases ("US", "IDF") must match exactly, proper
/// names must start with a capital, office titles may be in any case.
fn case_fits(_kb: &Kb, entity: Entity, written: &str, found: &str) -> bool {
    let letters: String = written.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = !letters.is_empty() && letters.chars().all(char::is_uppercase);
    if acronym || written.chars().count() <= 4 {
        return found == written;
    }
    if matches!(
        entity,
        Entity::Office(_) | Entity::Event(_) | Entity::Administration(_)
    ) {
        return true;
    }
    let first_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    !first_upper(written) || first_upper(found)
}

/// Every (alias as written, entity) pair, generated office names included.
fn collect_aliases(kb: &Kb, out: &mut Vec<(String, Entity)>) {
    for (i, c) in kb.countries.iter().enumerate() {
        let e = Entity::Country(i as u32);
        out.push((c.name.clone(), e));
        out.extend(c.aliases.iter().chain(&c.short).map(|a| (a.clone(), e)));
        let d = Entity::Demonym(i as u32);
        out.extend(c.demonyms.iter().map(|a| (a.clone(), d)));
    }
    for (i, p) in kb.people.iter().enumerate() {
        let e = Entity::Person(i as u32);
        out.push((p.name.clone(), e));
        out.extend(p.aliases.iter().map(|a| (a.clone(), e)));
    }
    for (i, o) in kb.offices.iter().enumerate() {
        let e = Entity::Office(i as u32);
        out.push((o.name.clone(), e));
        out.extend(o.aliases.iter().map(|a| (a.clone(), e)));
        if let Some(c) = o.country {
            out.extend(
                country_forms(&kb.countries[c as usize], &o.title)
                    .into_iter()
                    .map(|a| (a, e)),
            );
        }
    }
    for (i, o) in kb.organizations.iter().enumerate() {
        let e = Entity::Organization(i as u32);
        out.push((o.name.clone(), e));
        out.extend(o.aliases.iter().map(|a| (a.clone(), e)));
    }
    for (i, p) in kb.places.iter().enumerate() {
        let e = Entity::Place(i as u32);
        out.push((p.name.clone(), e));
        out.extend(p.aliases.iter().map(|a| (a.clone(), e)));
    }
    for (i, ev) in kb.events.iter().enumerate() {
        let e = Entity::Event(i as u32);
        out.push((ev.name.clone(), e));
        out.extend(ev.aliases.iter().map(|a| (a.clone(), e)));
    }
    for (i, a) in kb.administrations.iter().enumerate() {
        out.push((a.name.clone(), Entity::Administration(i as u32)));
    }
}

/// "Israeli Prime Minister", "Prime Minister of Israel", "Israel's Prime
/// Minister", "U.S. President", …
fn country_forms(country: &super::Country, title: &str) -> Vec<String> {
    let mut forms = Vec::new();
    for adj in country.demonyms.iter().chain(&country.short) {
        forms.push(format!("{adj} {title}"));
    }
    for name in std::iter::once(&country.name).chain(&country.aliases) {
        forms.push(format!("{title} of {name}"));
        forms.push(format!("{title} of the {name}"));
        forms.push(format!("{name}'s {title}"));
    }
    forms
}
