//! The dated knowledge base: people, offices and who held them when,
//! administrations, organisations, places and events.
//!
//! The data lives in `assets/kb/*.toml` (embedded) and in files given with
//! `--kb`; this module loads it, derives administrations from office terms,
//! and answers "who held office X on date D" and "what does this alias name".
//! The embedded files are loaded and indexed at build time: `build.rs` runs
//! `load` on them and writes the result as a `static` with `emit`.

mod data;
mod index;
mod load;
mod model;
mod snapshot;
pub mod update;
pub mod wikidata;

use std::path::Path;

use data::KbFile;
pub use index::Hit;
pub use load::surname_of;
pub use model::{
    Administration, Country, Entity, Event, Holder, Kb, KbError, Office, Organization, Person,
    Place, Term,
};

/// The embedded knowledge base, loaded and indexed by `build.rs`.
#[allow(
    clippy::unreadable_literal,
    clippy::large_stack_arrays,
    reason = "generated tables"
)]
mod builtin {
    use jiff::civil::Date;

    use super::index::{Index, PhraseAt, Span, StrMap, Strs};
    use super::model::Entity as E;
    use super::model::{
        Administration, Country, Event, Holder, Kb, Office, Organization, Person, Place, Term,
    };

    include!(concat!(env!("OUT_DIR"), "/kb/builtin.rs"));

    /// The embedded files as JSON (converted by `build.rs`), in load
    /// order: what a load with extra files (`--kb`) starts from.
    pub(super) const SOURCES: &[(&str, &str)] =
        include!(concat!(env!("OUT_DIR"), "/kb/sources.rs"));
}

/// What one KB file holds (see [`Kb::file_summary`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSummary {
    pub as_of: Option<jiff::civil::Date>,
    pub source: Option<String>,
    pub people: usize,
    pub offices: usize,
    pub holders: usize,
}

/// The embedded files, parsed.
fn builtin_files() -> Vec<(&'static str, KbFile)> {
    // The files parse independently: on every core, in load order.
    crate::par::map(builtin::SOURCES.to_vec(), |(name, json)| {
        (
            name,
            serde_json::from_str(json).expect("embedded knowledge base is valid"),
        )
    })
}

/// The embedded file a maintainer's `kb update` writes, when there is one
/// (see `build.rs`): a user KB replaces it, as the newer answer to the
/// same query.
pub const IMPORTED_FILE: &str = "assets/kb/wikidata.toml";

/// The embedded files without the imported one: what `kb update` matches
/// Wikidata against.
fn handwritten_files() -> Vec<(&'static str, KbFile)> {
    let mut files = builtin_files();
    files.retain(|(name, _)| *name != IMPORTED_FILE);
    files
}

/// Whether the embedded KB holds an imported file.
fn has_imported() -> bool {
    builtin::SOURCES
        .iter()
        .any(|(name, _)| *name == IMPORTED_FILE)
}

/// Leaves the snapshot of `kb`, the hand-written files with `user` over
/// them, for the next run. Only a cache: a run that cannot write it still
/// has its KB.
fn save_snapshot(kb: &Kb, user: &Path) {
    if let Some(key) = snapshot::key(&[user]) {
        let _ = crate::files::write_atomically(&snapshot_path(user), &snapshot::write(kb, key));
    }
}

/// Where the snapshot of a user KB file is kept: beside it.
fn snapshot_path(user: &Path) -> std::path::PathBuf {
    user.with_extension("snapshot")
}

/// Largest `--kb` file read: a generous bound on hand-kept and imported
/// files, so a device given by mistake cannot take all memory.
pub const MAX_KB_FILE: u64 = 256 * 1024 * 1024;

impl Kb {
    /// The embedded knowledge base.
    #[must_use]
    pub fn builtin() -> &'static Kb {
        &builtin::KB
    }

    /// The embedded knowledge base plus extra TOML files (`--kb`), each of
    /// at most [`MAX_KB_FILE`] bytes.
    pub fn with_files(paths: &[impl AsRef<Path>]) -> Result<Kb, KbError> {
        Kb::load_over(builtin_files(), paths)
    }

    /// The hand-written embedded files, the user KB (`kb update`) in place
    /// of any imported one, then extra files.
    ///
    /// With no extra files, the user KB is read from its snapshot
    /// (`wikidata.snapshot` beside it) when that was made from this file
    /// and this build, and a new snapshot is left for the next run when
    /// not: loading tens of thousands of people from TOML takes most of a
    /// second, from the snapshot a few milliseconds.
    pub fn with_user_kb(user: &Path, paths: &[impl AsRef<Path>]) -> Result<Kb, KbError> {
        let mut all: Vec<&Path> = vec![user];
        all.extend(paths.iter().map(AsRef::as_ref));
        if !paths.is_empty() {
            return Kb::load_over(handwritten_files(), &all);
        }
        let key = snapshot::key(&all);
        let cached = snapshot_path(user);
        if let Some(key) = key
            && let Ok(bytes) = std::fs::read(&cached)
            && let Some(kb) = snapshot::read(&bytes, key)
        {
            return Ok(kb);
        }
        let kb = Kb::load_over(handwritten_files(), &all)?;
        save_snapshot(&kb, user);
        Ok(kb)
    }

    /// The hand-written embedded files alone: what `kb update` matches
    /// Wikidata against.
    ///
    /// # Panics
    ///
    /// Never in a built binary: `build.rs` loaded the same files.
    #[must_use]
    pub fn handwritten() -> &'static Kb {
        static LOADED: std::sync::OnceLock<Kb> = std::sync::OnceLock::new();
        if !has_imported() {
            return Kb::builtin();
        }
        LOADED.get_or_init(|| {
            load::from_files(handwritten_files()).expect("embedded knowledge base is valid")
        })
    }

    /// The hand-written embedded files with named TOML texts over them.
    pub fn handwritten_with(texts: &[(&str, &str)]) -> Result<Kb, KbError> {
        let mut files = handwritten_files();
        for &(name, text) in texts {
            files.push((name, load::parse_toml(name, text)?));
        }
        load::from_files(files)
    }

    /// `base` with the files at `paths` loaded over it.
    fn load_over(
        base: Vec<(&'static str, KbFile)>,
        paths: &[impl AsRef<Path>],
    ) -> Result<Kb, KbError> {
        let mut texts = Vec::new();
        for path in paths {
            let path = path.as_ref();
            let read = crate::files::read_regular(path, MAX_KB_FILE).and_then(|b| {
                String::from_utf8(b)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            });
            let text = read.map_err(|e| KbError {
                file: path.display().to_string(),
                message: format!("cannot read knowledge base file: {e}"),
            })?;
            texts.push((path.display().to_string(), text));
        }
        let mut files: Vec<(&str, KbFile)> = base;
        for (name, text) in &texts {
            files.push((name.as_str(), load::parse_toml(name, text)?));
        }
        load::from_files(files)
    }

    /// What a KB file holds, for `kb status`: its `as_of` and source, and
    /// how many people, offices and terms in office it lists.
    pub fn file_summary(path: &Path) -> Result<FileSummary, KbError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| KbError {
            file: name.clone(),
            message: format!("cannot read knowledge base file: {e}"),
        })?;
        let file = load::parse_toml(&name, &text)?;
        let meta = file.meta.as_ref();
        Ok(FileSummary {
            as_of: meta.and_then(|m| m.as_of).map(|d| d.0),
            source: meta.and_then(|m| m.source.clone()),
            people: file.person.len(),
            offices: file.office.len(),
            holders: file.office.iter().map(|o| o.holders.len()).sum(),
        })
    }

    /// Builds a KB from named TOML texts.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Kb, KbError> {
        let parsed = files
            .iter()
            .map(|&(name, text)| Ok((name, load::parse_toml(name, text)?)))
            .collect::<Result<Vec<_>, KbError>>()?;
        load::from_files(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_tables_are_what_a_load_makes() {
        let loaded = load::from_files(builtin_files()).unwrap();
        let generated = Kb::builtin();
        // Table by table first, for a readable failure.
        assert_eq!(loaded.countries, generated.countries);
        assert_eq!(loaded.people, generated.people);
        assert_eq!(loaded.offices, generated.offices);
        assert_eq!(loaded.administrations, generated.administrations);
        assert!(loaded.index == generated.index, "the indexes differ");
        assert!(&loaded == generated);
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
                .map(|h| kb.people[h.person as usize].name)
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
