//! Building a `Kb` from parsed files: ids resolved, holders sorted,
//! administrations derived, then indexed. `build.rs` runs the same code on
//! the embedded files, so the generated tables are what a load would make.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::data::{self, EventData, KbFile};
use super::index;
use super::model::{
    Administration, Country, Event, Holder, Kb, KbError, Office, Organization, Person, Place, Term,
    leak, leak_str,
};
use crate::lexicon;

pub(super) fn parse_toml(name: &str, text: &str) -> Result<KbFile, KbError> {
    toml::from_str(text).map_err(|e| KbError {
        file: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })
}

/// Builds a KB from parsed files, in load order.
pub(super) fn from_files(files: Vec<(&str, KbFile)>) -> Result<Kb, KbError> {
    let mut tables = Tables::default();
    let mut loader = Loader::default();
    for (name, parsed) in files {
        loader.add(&mut tables, name, parsed)?;
        tables.sources.push(leak_str(name.to_string()));
    }
    loader.finish(&mut tables)?;
    tables.derive_administrations(&loader.styles);
    let mut kb = Kb {
        as_of: tables.as_of,
        countries: leak(tables.countries),
        people: leak(tables.people),
        offices: leak(tables.offices),
        organizations: leak(tables.organizations),
        places: leak(tables.places),
        events: leak(tables.events),
        administrations: leak(tables.administrations),
        ambiguous: leak(tables.ambiguous),
        sources: leak(tables.sources),
        index: index::Index::default(),
    };
    kb.index = index::Index::build(&kb);
    Ok(kb)
}

/// A file's list of text, kept for the run.
fn owned(list: Vec<String>) -> &'static [&'static str] {
    leak(list.into_iter().map(leak_str).collect())
}

/// The entity tables while they are filled.
#[derive(Default)]
struct Tables {
    as_of: Option<jiff::civil::Date>,
    countries: Vec<Country>,
    people: Vec<Person>,
    offices: Vec<Office>,
    organizations: Vec<Organization>,
    places: Vec<Place>,
    events: Vec<Event>,
    administrations: Vec<Administration>,
    ambiguous: Vec<&'static str>,
    sources: Vec<&'static str>,
}

impl Tables {
    fn country(&self, code: &str) -> Option<u32> {
        self.countries
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code))
            .map(|i| i as u32)
    }

    fn derive_administrations(&mut self, styles: &FxHashMap<u32, Vec<String>>) {
        for (&office, templates) in styles {
            for template in templates {
                let mut people: Vec<u32> = Vec::new();
                for h in self.offices[office as usize].holders {
                    if !people.contains(&h.person) {
                        people.push(h.person);
                    }
                }
                for person in people {
                    let terms = merged_terms(&self.offices[office as usize], person);
                    let p = &self.people[person as usize];
                    let name = template.replace("{surname}", p.surname);
                    let word = template.rsplit(' ').next().unwrap_or("administration");
                    self.administrations.push(Administration {
                        id: leak_str(format!("{}-{word}", p.id)),
                        name: leak_str(name),
                        office,
                        person,
                        terms: leak(terms),
                    });
                }
            }
        }
        self.administrations.sort_by(|a, b| a.id.cmp(b.id));
    }
}

/// A person's terms in an office, with back-to-back terms joined.
fn merged_terms(office: &Office, person: u32) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for h in office.holders.iter().filter(|h| h.person == person) {
        match terms.last_mut() {
            Some(last) if last.to == Some(h.term.from) => last.to = h.term.to,
            _ => terms.push(h.term),
        }
    }
    terms
}

/// `old` with the items of `new` it lacks.
fn added(old: &'static [&'static str], new: Vec<String>) -> &'static [&'static str] {
    if new.iter().all(|n| old.contains(&n.as_str())) {
        return old;
    }
    let mut all = old.to_vec();
    for n in new {
        if !all.contains(&n.as_str()) {
            all.push(leak_str(n));
        }
    }
    leak(all)
}

/// The surname of a name: the last word with any particles before it
/// ("bin Salman", "Al Thani", "van der Leyen").
#[must_use]
pub fn surname_of(name: &str) -> String {
    // Both sections: particles read inside names, and those only kept here.
    static PARTICLES: LazyLock<Vec<&str>> =
        LazyLock::new(|| lexicon::list(include_str!("../../assets/lexicon/name-particles.txt")));
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.'))
        .collect();
    let Some(last) = words.len().checked_sub(1) else {
        return name.to_string();
    };
    let mut start = last;
    while start > 1 && PARTICLES.contains(&words[start - 1].to_ascii_lowercase().as_str()) {
        start -= 1;
    }
    words[start..].join(" ")
}

/// Collects entities file by file and resolves ids at the end.
/// An office's holders as a later file updates them. Each source speaks
/// for the time it covers: the update from its first holder's start to its
/// `as_of`. Earlier holders who started before that are kept (ended where
/// the update begins), and so are those who started after the update's
/// `as_of` (a built-in KB newer than an old update); the update's open
/// term then ends where they start. The rest give way.
#[derive(Clone, Copy)]
struct Replacement {
    /// How many of `pending_holders` came before the update.
    before: usize,
    from: jiff::civil::Date,
    as_of: Option<jiff::civil::Date>,
}

impl Replacement {
    /// An earlier holder as the update leaves it, or `None` if replaced.
    fn earlier(self, mut term: Term) -> Option<Term> {
        if term.from < self.from {
            term.to = Some(term.to.map_or(self.from, |to| to.min(self.from)));
            return Some(term);
        }
        self.as_of.filter(|&a| term.from > a).map(|_| term)
    }
}

#[derive(Default)]
struct Loader {
    ids: FxHashMap<String, String>,
    person_ids: FxHashMap<String, u32>,
    pending_holders: Vec<(u32, String, data::HolderData, String)>,
    /// Office id → its index, for files that update an earlier office.
    office_ids: FxHashMap<String, u32>,
    /// Per updated office, what the update covers (see [`Replacement`]).
    replaced: FxHashMap<u32, Replacement>,
    /// The `as_of` of the file being added.
    file_as_of: Option<jiff::civil::Date>,
    pending_country: Vec<(u32, String, String)>,
    styles: FxHashMap<u32, Vec<String>>,
    pending_ambiguous: Vec<(String, String)>,
}

impl Loader {
    fn claim(&mut self, file: &str, id: &str) -> Result<(), KbError> {
        if let Some(first) = self.ids.insert(id.to_string(), file.to_string()) {
            return Err(KbError {
                file: file.to_string(),
                message: format!("id `{id}` is already used in {first}"),
            });
        }
        Ok(())
    }

    fn add(&mut self, kb: &mut Tables, file: &str, data: KbFile) -> Result<(), KbError> {
        self.reserve(kb, &data);
        self.file_as_of = data.meta.as_ref().and_then(|m| m.as_of).map(|d| d.0);
        if let Some(meta) = data.meta {
            kb.as_of = meta.as_of.map(|d| d.0).or(kb.as_of);
        }
        for c in data.country {
            self.claim(file, &format!("country:{}", c.code))?;
            kb.countries.push(Country {
                code: leak_str(c.code),
                name: leak_str(c.name),
                aliases: owned(c.aliases),
                demonyms: owned(c.demonyms),
                short: owned(c.short),
            });
        }
        for p in data.person {
            self.claim(file, &p.id)?;
            self.person_ids.insert(p.id.clone(), kb.people.len() as u32);
            let surname = p.surname.unwrap_or_else(|| surname_of(&p.name));
            kb.people.push(Person {
                id: leak_str(p.id),
                name: leak_str(p.name),
                aliases: owned(p.aliases),
                surname: leak_str(surname),
            });
        }
        for o in data.office {
            self.add_office(kb, file, o)?;
        }
        for o in data.organization {
            self.claim(file, &o.id)?;
            kb.organizations.push(Organization {
                id: leak_str(o.id),
                name: leak_str(o.name),
                kind: leak_str(o.kind.unwrap_or_else(|| "other".into())),
                country: o.country.map(leak_str),
                aliases: owned(o.aliases),
            });
        }
        for p in data.place {
            self.claim(file, &p.id)?;
            kb.places.push(Place {
                id: leak_str(p.id),
                name: leak_str(p.name),
                kind: leak_str(p.kind.unwrap_or_else(|| "other".into())),
                country: p.country.map(leak_str),
                aliases: owned(p.aliases),
            });
        }
        for e in data.event {
            self.add_event(kb, file, e)?;
        }
        for a in data.ambiguous {
            kb.ambiguous
                .push(leak_str(index::phrase_key(&a.alias, &mut Vec::new()).0));
            self.pending_ambiguous
                .extend(a.entities.into_iter().map(|id| (id, file.to_string())));
        }
        Ok(())
    }

    /// Room for the file at once: growing step by step copies the tables
    /// and touches fresh memory each time.
    fn reserve(&mut self, kb: &mut Tables, data: &KbFile) {
        kb.countries.reserve(data.country.len());
        kb.people.reserve(data.person.len());
        kb.offices.reserve(data.office.len());
        kb.organizations.reserve(data.organization.len());
        kb.places.reserve(data.place.len());
        kb.events.reserve(data.event.len());
        let entities = data.country.len()
            + data.person.len()
            + data.office.len()
            + data.organization.len()
            + data.place.len()
            + data.event.len();
        self.ids.reserve(entities);
        self.person_ids.reserve(data.person.len());
    }

    fn add_event(&mut self, kb: &mut Tables, file: &str, e: EventData) -> Result<(), KbError> {
        self.claim(file, &e.id)?;
        if e.to.is_some_and(|to| to < e.from) {
            return Err(KbError {
                file: file.to_string(),
                message: format!("event `{}` ends before it starts", e.id),
            });
        }
        kb.events.push(Event {
            id: leak_str(e.id),
            name: leak_str(e.name),
            kind: leak_str(e.kind.unwrap_or_else(|| "other".into())),
            // An event's `to` is its last day; terms end exclusively.
            term: Term {
                from: e.from.0,
                to: e.to.and_then(|d| d.0.tomorrow().ok()),
            },
            aliases: owned(e.aliases),
            keywords: leak(
                e.keywords
                    .iter()
                    .map(|k| leak_str(k.to_lowercase()))
                    .collect(),
            ),
        });
        Ok(())
    }

    fn add_office(
        &mut self,
        kb: &mut Tables,
        file: &str,
        o: data::OfficeData,
    ) -> Result<(), KbError> {
        if o.update {
            return self.update_office(kb, file, o);
        }
        self.claim(file, &o.id)?;
        let index = kb.offices.len() as u32;
        self.office_ids.insert(o.id.clone(), index);
        for h in o.holders {
            self.pending_holders
                .push((index, o.id.clone(), h, file.to_string()));
        }
        if let Some(code) = &o.country {
            self.pending_country
                .push((index, code.clone(), file.to_string()));
        }
        let styles: Vec<String> = [o.administration, o.government]
            .into_iter()
            .flatten()
            .collect();
        if !styles.is_empty() {
            self.styles.insert(index, styles);
        }
        kb.offices.push(Office {
            name: leak_str(o.name.unwrap_or_default()),
            id: leak_str(o.id),
            title: leak_str(o.title),
            country: None,
            aliases: owned(o.aliases),
            kind: leak_str(o.kind.unwrap_or_else(|| "other".into())),
            also: owned(o.also),
            single: o.single.unwrap_or(true),
            holders: &[],
        });
        Ok(())
    }

    /// An office entry with `update = true`: a newer source (the user KB
    /// that `kb update` writes) for an office an earlier file defines. Its
    /// holders replace the earlier ones, so the two files never give the
    /// office two current holders; its aliases and kinds are added.
    fn update_office(
        &mut self,
        kb: &mut Tables,
        file: &str,
        o: data::OfficeData,
    ) -> Result<(), KbError> {
        let Some(&index) = self.office_ids.get(&o.id) else {
            return Err(KbError {
                file: file.to_string(),
                message: format!(
                    "office `{}` has `update = true`, but no earlier file defines it \
                     (if `kb update` wrote this file, run it again)",
                    o.id
                ),
            });
        };
        if let Some(from) = o.holders.iter().map(|h| h.from.0).min() {
            let replacement = Replacement {
                before: self.pending_holders.len(),
                from,
                as_of: self.file_as_of,
            };
            self.replaced.insert(index, replacement);
        }
        for h in o.holders {
            self.pending_holders
                .push((index, o.id.clone(), h, file.to_string()));
        }
        let office = &mut kb.offices[index as usize];
        office.aliases = added(office.aliases, o.aliases);
        office.also = added(office.also, o.also);
        Ok(())
    }

    /// Every office's holders, people resolved, terms checked, what
    /// updates replace left out.
    fn resolve_holders(&mut self, offices: usize) -> Result<Vec<Vec<Holder>>, KbError> {
        let mut holders = vec![Vec::new(); offices];
        // Per updated office: where the holders the earlier file knows after
        // the update's `as_of` begin.
        let mut resume: FxHashMap<u32, jiff::civil::Date> = FxHashMap::default();
        let pending = std::mem::take(&mut self.pending_holders);
        for (n, (office, office_id, h, file)) in pending.into_iter().enumerate() {
            let person = *self.person_ids.get(&h.person).ok_or_else(|| KbError {
                file: file.clone(),
                message: format!(
                    "office `{office_id}` lists holder `{}`, who has no [[person]] entry",
                    h.person
                ),
            })?;
            if h.to.is_some_and(|to| to < h.from) {
                return Err(KbError {
                    file,
                    message: format!(
                        "office `{office_id}`: term of `{}` ends before it starts",
                        h.person
                    ),
                });
            }
            let mut term = Term {
                from: h.from.0,
                to: h.to.map(|d| d.0),
            };
            if let Some(r) = self.replaced.get(&office) {
                if n < r.before {
                    let Some(kept) = r.earlier(term) else {
                        continue;
                    };
                    if kept.from >= r.from {
                        // Known to the earlier file only, after the update's day.
                        let at = resume.entry(office).or_insert(kept.from);
                        *at = (*at).min(kept.from);
                    }
                    term = kept;
                } else if let Some(&at) = resume.get(&office)
                    && term.from < at
                    && term.to.is_none_or(|to| to > at)
                {
                    // The update's term ends where the later holder begins.
                    term.to = Some(at);
                }
            }
            holders[office as usize].push(Holder {
                person,
                term,
                acting: h.acting,
                partial_start: h.from.1,
            });
        }
        Ok(holders)
    }

    fn finish(&mut self, kb: &mut Tables) -> Result<(), KbError> {
        for (id, file) in std::mem::take(&mut self.pending_ambiguous) {
            let known =
                self.ids.contains_key(&id) || self.ids.contains_key(&format!("country:{id}"));
            if !known {
                return Err(KbError {
                    file,
                    message: format!(
                        "[[ambiguous]] lists `{id}`, which is not an id in the knowledge base"
                    ),
                });
            }
        }
        for (office, code, file) in std::mem::take(&mut self.pending_country) {
            let country = kb.country(&code).ok_or_else(|| KbError {
                file: file.clone(),
                message: format!(
                    "office `{}` names unknown country `{code}`",
                    kb.offices[office as usize].id
                ),
            })?;
            kb.offices[office as usize].country = Some(country);
        }
        let holders = self.resolve_holders(kb.offices.len())?;
        for (office, mut holders) in kb.offices.iter_mut().zip(holders) {
            holders.sort_by_key(|h| h.term.from);
            // "2001-01" means some day that month: not before the previous
            // holder left.
            for i in 1..holders.len() {
                let prev_end = holders[i - 1].term.to;
                let h = &mut holders[i];
                if let (true, Some(end)) = (h.partial_start, prev_end)
                    && end > h.term.from
                    && h.term.to.is_none_or(|to| end <= to)
                {
                    h.term.from = end;
                }
            }
            office.holders = leak(holders);
            if office.name.is_empty() {
                office.name = leak_str(match office.country {
                    Some(c) => format!("{} of {}", office.title, kb.countries[c as usize].name),
                    None => office.title.to_string(),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_keep_particles() {
        assert_eq!(surname_of("Joe Biden"), "Biden");
        assert_eq!(surname_of("Mohammed bin Salman"), "bin Salman");
        assert_eq!(surname_of("Mohammed bin Abdulrahman Al Thani"), "Al Thani");
        assert_eq!(surname_of("Donald J. Trump"), "Trump");
        assert_eq!(surname_of("Ursula von der Leyen"), "von der Leyen");
    }
}
