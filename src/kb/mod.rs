//! The dated knowledge base: people, offices and who held them when,
//! administrations, organisations, places and events.
//!
//! The data lives in `assets/kb/*.toml` (embedded) and in files given with
//! `--kb`; this module loads it, derives administrations from office terms,
//! and answers "who held office X on date D" and "what does this alias name".

mod data;
mod index;

use std::path::Path;
use std::sync::OnceLock;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::text::fold;
use data::KbFile;
pub use index::Hit;

/// The embedded KB files, in load order: the TOML in `assets/kb`,
/// converted to JSON by `build.rs`.
const BUILTIN: &[(&str, &str)] = &[
    (
        "assets/kb/meta.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/meta.json")),
    ),
    (
        "assets/kb/countries.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/countries.json")),
    ),
    (
        "assets/kb/us.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/us.json")),
    ),
    (
        "assets/kb/g20.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/g20.json")),
    ),
    (
        "assets/kb/mena.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/mena.json")),
    ),
    (
        "assets/kb/events.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/events.json")),
    ),
    (
        "assets/kb/organizations.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/organizations.json")),
    ),
    (
        "assets/kb/places.toml",
        include_str!(concat!(env!("OUT_DIR"), "/kb/places.json")),
    ),
];

/// The embedded files, parsed.
fn builtin_files() -> Vec<(&'static str, KbFile)> {
    // The files parse independently: on every core, in load order.
    crate::par::map(BUILTIN.to_vec(), |(name, json)| {
        (
            name,
            serde_json::from_str(json).expect("embedded knowledge base is valid"),
        )
    })
}

fn parse_toml(name: &str, text: &str) -> Result<KbFile, KbError> {
    toml::from_str(text).map_err(|e| KbError {
        file: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })
}

/// A KB file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct KbError {
    pub file: String,
    pub message: String,
}

/// A reference to one KB entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Country(u32),
    /// A country named by its adjective: "Israeli".
    Demonym(u32),
    Person(u32),
    Office(u32),
    Organization(u32),
    Place(u32),
    Event(u32),
    Administration(u32),
}

#[derive(Clone, Debug)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub short: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub surname: String,
}

/// A period in office: `from` inclusive, `to` exclusive; no `to` means in
/// office at the KB's `as_of` date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub from: Date,
    pub to: Option<Date>,
}

impl Term {
    #[must_use]
    pub fn contains(self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date < to)
    }
}

#[derive(Clone, Debug)]
pub struct Holder {
    pub person: u32,
    pub term: Term,
    pub acting: bool,
    /// The start is known to the month or year only.
    pub partial_start: bool,
}

#[derive(Clone, Debug)]
pub struct Office {
    pub id: String,
    pub title: String,
    pub country: Option<u32>,
    pub name: String,
    /// Explicit and generated names of the office.
    pub aliases: Vec<String>,
    pub kind: String,
    pub single: bool,
    pub holders: Vec<Holder>,
}

#[derive(Clone, Debug)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub term: Term,
    pub aliases: Vec<String>,
    pub keywords: Vec<String>,
}

/// A holder's time in an office under its customary name ("Biden
/// administration", "Netanyahu government"), derived from office terms.
#[derive(Clone, Debug)]
pub struct Administration {
    pub id: String,
    pub name: String,
    pub office: u32,
    pub person: u32,
    pub terms: Vec<Term>,
}

/// The loaded knowledge base.
#[derive(Debug, Default)]
pub struct Kb {
    pub as_of: Option<Date>,
    pub countries: Vec<Country>,
    pub people: Vec<Person>,
    pub offices: Vec<Office>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    pub administrations: Vec<Administration>,
    /// Folded aliases declared to name more than one entity.
    pub ambiguous: Vec<String>,
    /// The files it was built from.
    pub sources: Vec<String>,
    index: index::Index,
}

impl Kb {
    /// The embedded knowledge base.
    ///
    /// # Panics
    /// If the embedded data is malformed, which the test suite rules out.
    #[must_use]
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            Kb::from_files(builtin_files()).expect("embedded knowledge base is valid")
        })
    }

    /// The embedded knowledge base plus extra TOML files (`--kb`).
    pub fn with_files(paths: &[impl AsRef<Path>]) -> Result<Kb, KbError> {
        let mut texts = Vec::new();
        for path in paths {
            let path = path.as_ref();
            let text = std::fs::read_to_string(path).map_err(|e| KbError {
                file: path.display().to_string(),
                message: format!("cannot read knowledge base file: {e}"),
            })?;
            texts.push((path.display().to_string(), text));
        }
        let mut files = builtin_files();
        for (name, text) in &texts {
            files.push((name.as_str(), parse_toml(name, text)?));
        }
        Kb::from_files(files)
    }

    /// Builds a KB from named TOML texts.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Kb, KbError> {
        let parsed = files
            .iter()
            .map(|&(name, text)| Ok((name, parse_toml(name, text)?)))
            .collect::<Result<Vec<_>, KbError>>()?;
        Kb::from_files(parsed)
    }

    fn from_files(files: Vec<(&str, KbFile)>) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        let mut loader = Loader::default();
        for (name, parsed) in files {
            loader.add(&mut kb, name, parsed)?;
            kb.sources.push(name.to_string());
        }
        loader.finish(&mut kb)?;
        kb.derive_administrations(&loader.styles);
        kb.index = index::Index::build(&kb);
        Ok(kb)
    }

    /// The people who held `office` on `date`.
    pub fn holders_on(&self, office: u32, date: Date) -> impl Iterator<Item = &Holder> {
        self.offices[office as usize]
            .holders
            .iter()
            .filter(move |h| h.term.contains(date))
    }

    /// Every (office, holder) of a person.
    #[must_use]
    pub fn offices_of(&self, person: u32) -> &[(u32, u32)] {
        self.index
            .offices_of
            .get(&person)
            .map_or(&[], Vec::as_slice)
    }

    /// The entities an alias names (folded comparison).
    #[must_use]
    pub fn resolve(&self, alias: &str) -> &[Entity] {
        self.index.resolve(alias)
    }

    /// KB people with this surname.
    #[must_use]
    pub fn people_with_surname(&self, surname: &str) -> &[u32] {
        self.index
            .surnames
            .get(&fold(surname))
            .map_or(&[], Vec::as_slice)
    }

    /// Every alias match in `text[range]`, leftmost-longest, at word
    /// boundaries.
    #[must_use]
    pub fn scan(&self, text: &str, range: std::ops::Range<usize>) -> Vec<Hit> {
        self.index.scan(self, text, range)
    }

    /// Alias matches over words already split by [`crate::text::tokens`].
    #[must_use]
    pub fn scan_tokens(&self, text: &str, tokens: &[crate::text::tokens::Token]) -> Vec<Hit> {
        self.index.scan_tokens(self, text, tokens)
    }

    /// Every alias as the index knows it (folded words), with the entities
    /// it names, for consistency checks.
    pub fn alias_table(&self) -> impl Iterator<Item = (&str, &[Entity])> {
        self.index
            .phrases
            .iter()
            .map(|(k, p)| (k.as_str(), p.entities.as_slice()))
    }

    /// The id of an entity, as reported in JSON.
    #[must_use]
    pub fn id(&self, entity: Entity) -> &str {
        match entity {
            Entity::Country(i) | Entity::Demonym(i) => &self.countries[i as usize].code,
            Entity::Person(i) => &self.people[i as usize].id,
            Entity::Office(i) => &self.offices[i as usize].id,
            Entity::Organization(i) => &self.organizations[i as usize].id,
            Entity::Place(i) => &self.places[i as usize].id,
            Entity::Event(i) => &self.events[i as usize].id,
            Entity::Administration(i) => &self.administrations[i as usize].id,
        }
    }

    /// The display name of an entity.
    #[must_use]
    pub fn name(&self, entity: Entity) -> &str {
        match entity {
            Entity::Country(i) | Entity::Demonym(i) => &self.countries[i as usize].name,
            Entity::Person(i) => &self.people[i as usize].name,
            Entity::Office(i) => &self.offices[i as usize].name,
            Entity::Organization(i) => &self.organizations[i as usize].name,
            Entity::Place(i) => &self.places[i as usize].name,
            Entity::Event(i) => &self.events[i as usize].name,
            Entity::Administration(i) => &self.administrations[i as usize].name,
        }
    }

    /// The country with this code.
    #[must_use]
    pub fn country(&self, code: &str) -> Option<u32> {
        self.countries
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code))
            .map(|i| i as u32)
    }

    fn derive_administrations(&mut self, styles: &FxHashMap<u32, Vec<String>>) {
        for (&office, templates) in styles {
            for template in templates {
                let mut people: Vec<u32> = Vec::new();
                for h in &self.offices[office as usize].holders {
                    if !people.contains(&h.person) {
                        people.push(h.person);
                    }
                }
                for person in people {
                    let terms = merged_terms(&self.offices[office as usize], person);
                    let p = &self.people[person as usize];
                    let name = template.replace("{surname}", &p.surname);
                    let word = template.rsplit(' ').next().unwrap_or("administration");
                    self.administrations.push(Administration {
                        id: format!("{}-{word}", p.id),
                        name,
                        office,
                        person,
                        terms,
                    });
                }
            }
        }
        self.administrations.sort_by(|a, b| a.id.cmp(&b.id));
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

/// The surname of a name: the last word with any particles before it
/// ("bin Salman", "Al Thani", "van der Leyen").
#[must_use]
pub fn surname_of(name: &str) -> String {
    const PARTICLES: &[&str] = &[
        "al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "del", "di",
        "du", "la", "le", "abu", "ben", "dos", "das",
    ];
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
#[derive(Default)]
struct Loader {
    ids: FxHashMap<String, String>,
    person_ids: FxHashMap<String, u32>,
    pending_holders: Vec<(u32, String, data::HolderData, String)>,
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

    fn add(&mut self, kb: &mut Kb, file: &str, data: KbFile) -> Result<(), KbError> {
        if let Some(meta) = data.meta {
            kb.as_of = meta.as_of.map(|d| d.0).or(kb.as_of);
        }
        // Room for the file at once: growing step by step copies the tables
        // and touches fresh memory each time, which a short run pays for.
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
        for c in data.country {
            self.claim(file, &format!("country:{}", c.code))?;
            kb.countries.push(Country {
                code: c.code,
                name: c.name,
                aliases: c.aliases,
                demonyms: c.demonyms,
                short: c.short,
            });
        }
        for p in data.person {
            self.claim(file, &p.id)?;
            self.person_ids.insert(p.id.clone(), kb.people.len() as u32);
            let surname = p.surname.unwrap_or_else(|| surname_of(&p.name));
            kb.people.push(Person {
                id: p.id,
                name: p.name,
                aliases: p.aliases,
                surname,
            });
        }
        for o in data.office {
            self.add_office(kb, file, o)?;
        }
        for o in data.organization {
            self.claim(file, &o.id)?;
            kb.organizations.push(Organization {
                id: o.id,
                name: o.name,
                kind: o.kind.unwrap_or_else(|| "other".into()),
                country: o.country,
                aliases: o.aliases,
            });
        }
        for p in data.place {
            self.claim(file, &p.id)?;
            kb.places.push(Place {
                id: p.id,
                name: p.name,
                kind: p.kind.unwrap_or_else(|| "other".into()),
                country: p.country,
                aliases: p.aliases,
            });
        }
        for e in data.event {
            self.claim(file, &e.id)?;
            if e.to.is_some_and(|to| to < e.from) {
                return Err(KbError {
                    file: file.to_string(),
                    message: format!("event `{}` ends before it starts", e.id),
                });
            }
            kb.events.push(Event {
                id: e.id,
                name: e.name,
                kind: e.kind.unwrap_or_else(|| "other".into()),
                // An event's `to` is its last day; terms end exclusively.
                term: Term {
                    from: e.from.0,
                    to: e.to.and_then(|d| d.0.tomorrow().ok()),
                },
                aliases: e.aliases,
                keywords: e.keywords.iter().map(|k| k.to_lowercase()).collect(),
            });
        }
        for a in data.ambiguous {
            kb.ambiguous
                .push(index::phrase_key(&a.alias, &mut Vec::new()).0);
            self.pending_ambiguous
                .extend(a.entities.into_iter().map(|id| (id, file.to_string())));
        }
        Ok(())
    }

    fn add_office(&mut self, kb: &mut Kb, file: &str, o: data::OfficeData) -> Result<(), KbError> {
        self.claim(file, &o.id)?;
        let index = kb.offices.len() as u32;
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
            name: o.name.unwrap_or_default(),
            id: o.id,
            title: o.title,
            country: None,
            aliases: o.aliases,
            kind: o.kind.unwrap_or_else(|| "other".into()),
            single: o.single.unwrap_or(true),
            holders: Vec::new(),
        });
        Ok(())
    }

    fn finish(&mut self, kb: &mut Kb) -> Result<(), KbError> {
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
        for (office, office_id, h, file) in std::mem::take(&mut self.pending_holders) {
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
            kb.offices[office as usize].holders.push(Holder {
                person,
                term: Term {
                    from: h.from.0,
                    to: h.to.map(|d| d.0),
                },
                acting: h.acting,
                partial_start: h.from.1,
            });
        }
        for office in &mut kb.offices {
            office.holders.sort_by_key(|h| h.term.from);
            // "2001-01" means some day that month: not before the previous
            // holder left.
            for i in 1..office.holders.len() {
                let prev_end = office.holders[i - 1].term.to;
                let h = &mut office.holders[i];
                if let (true, Some(end)) = (h.partial_start, prev_end)
                    && end > h.term.from
                    && h.term.to.is_none_or(|to| end <= to)
                {
                    h.term.from = end;
                }
            }
            if office.name.is_empty() {
                office.name = match office.country {
                    Some(c) => format!("{} of {}", office.title, kb.countries[c as usize].name),
                    None => office.title.clone(),
                };
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

    const SMALL: &str = r#"
[[country]]
code = "US"
name = "United States"
demonyms = ["American"]
short = ["U.S.", "US"]

[[person]]
id = "joe-biden"
name = "Joe Biden"
[[person]]
id = "donald-trump"
name = "Donald Trump"

[[office]]
id = "us-president"
title = "President"
country = "US"
kind = "head-of-state"
administration = "{surname} administration"
holders = [
  { person = "donald-trump", from = "2017-01-20", to = "2021-01-20" },
  { person = "joe-biden", from = "2021-01-20", to = "2025-01-20" },
  { person = "donald-trump", from = "2025-01-20" },
]
"#;

    #[test]
    fn holders_on_a_date() {
        let kb = Kb::from_sources(&[("small.toml", SMALL)]).unwrap();
        let office = 0;
        let on = |y, m, d| -> Vec<&str> {
            kb.holders_on(office, jiff::civil::date(y, m, d))
                .map(|h| kb.people[h.person as usize].name.as_str())
                .collect()
        };
        assert_eq!(on(2025, 5, 11), ["Donald Trump"]);
        assert_eq!(on(2025, 1, 19), ["Joe Biden"]);
        assert_eq!(on(2025, 1, 20), ["Donald Trump"]);
    }

    #[test]
    fn administrations_are_derived_from_terms() {
        let kb = Kb::from_sources(&[("small.toml", SMALL)]).unwrap();
        let biden = kb.resolve("Biden administration");
        assert_eq!(biden.len(), 1);
        let Entity::Administration(i) = biden[0] else {
            panic!("not an administration: {biden:?}")
        };
        let admin = &kb.administrations[i as usize];
        assert_eq!(admin.terms.len(), 1);
        assert_eq!(admin.terms[0].to, Some(jiff::civil::date(2025, 1, 20)));
        let Entity::Administration(t) = kb.resolve("Trump administration")[0] else {
            panic!()
        };
        assert_eq!(kb.administrations[t as usize].terms.len(), 2);
    }

    #[test]
    fn generated_office_aliases_resolve() {
        let kb = Kb::from_sources(&[("small.toml", SMALL)]).unwrap();
        for alias in [
            "U.S. President",
            "American President",
            "President of the United States",
        ] {
            assert_eq!(kb.resolve(alias), [Entity::Office(0)], "{alias}");
        }
    }

    #[test]
    fn bad_files_are_named() {
        let err = Kb::from_sources(&[("bad.toml", "[[person]]\nid = 3")]).unwrap_err();
        assert_eq!(err.file, "bad.toml");
        let err = Kb::from_sources(&[(
            "holder.toml",
            "[[office]]\nid = \"x\"\ntitle = \"X\"\nholders = [{ person = \"nobody\", from = \"2020\" }]",
        )])
        .unwrap_err();
        assert!(err.message.contains("nobody"), "{err}");
    }
}
