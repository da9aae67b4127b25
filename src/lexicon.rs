//! Word lists, read from the files in `assets/lexicon/`: every list the
//! analysis uses lives there, in one format, so a linguist can extend a list
//! without reading Rust. The format is documented in
//! `assets/lexicon/README.md`:
//!
//! ```text
//! # a comment
//! [section name]        starts a section (optional)
//! entry, other entry    a group: entries separated by commas
//! label = entry, entry  a labelled group
//! ```
//!
//! A rule embeds the file it reads with `include_str!` and parses it once
//! into the shape it needs (a set, classes, a map), usually in a
//! `LazyLock`. The files are compiled in: a broken file is a build-time
//! bug, caught by the tests that parse every file.

use rustc_hash::{FxHashMap, FxHashSet};

/// A parsed lexicon file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// In file order; entries before the first `[header]` form a section
    /// named "".
    pub sections: Vec<Section>,
}

/// The lines under one `[header]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub name: &'static str,
    pub groups: Vec<Group>,
}

/// One line: its entries, and the label before `=` if it has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Group {
    pub label: Option<&'static str>,
    pub entries: Vec<&'static str>,
}

impl Lexicon {
    /// Parses a lexicon file. Entries are trimmed; empty entries (a
    /// trailing comma) are dropped.
    #[must_use]
    pub fn parse(text: &'static str) -> Lexicon {
        let mut sections = Vec::new();
        let mut current = Section::default();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let done = std::mem::replace(&mut current, Section::named(name.trim()));
                if !(done.name.is_empty() && done.groups.is_empty()) {
                    sections.push(done);
                }
                continue;
            }
            current.groups.push(Group::parse(line));
        }
        sections.push(current);
        Lexicon { sections }
    }

    /// The section with this name.
    #[must_use]
    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// The entries of a section, as a set.
    ///
    /// # Panics
    /// When the file has no such section: the files are compiled in, so
    /// that is a bug in the program, not in its input.
    #[must_use]
    pub fn section_set(&self, name: &str) -> FxHashSet<&'static str> {
        self.section(name)
            .unwrap_or_else(|| panic!("a lexicon file has no [{name}] section"))
            .entries()
            .collect()
    }

    /// Every group of every section, in file order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.sections.iter().flat_map(|s| &s.groups)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.groups().flat_map(|g| g.entries.iter().copied())
    }
}

impl Section {
    fn named(name: &'static str) -> Section {
        Section {
            name,
            groups: Vec::new(),
        }
    }

    /// The first group with this label.
    #[must_use]
    pub fn group(&self, label: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.label == Some(label))
    }

    /// Every entry of the section, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.groups.iter().flat_map(|g| g.entries.iter().copied())
    }
}

impl Group {
    /// `label = a, b` or `a, b`.
    fn parse(line: &'static str) -> Group {
        let (label, rest) = match line.split_once('=') {
            Some((label, rest)) => (Some(label.trim()), rest),
            None => (None, line),
        };
        let entries = rest
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        Group { label, entries }
    }
}

/// Whether `word`, ASCII-lower-cased, is in a set of lower-case entries.
/// Rules ask this of every word of every sentence, so the word is
/// lower-cased on the stack; no entry is longer than 32 bytes (a word
/// longer than that is in no list).
#[must_use]
pub fn contains_lowered<S: std::hash::BuildHasher>(
    set: &std::collections::HashSet<&str, S>,
    word: &str,
) -> bool {
    let mut buf = [0u8; 32];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| set.contains(w))
}

/// Every entry of a file, as a set: the usual shape of a word list.
#[must_use]
pub fn set(text: &'static str) -> FxHashSet<&'static str> {
    Lexicon::parse(text).entries().collect()
}

/// Every entry of a file, in file order.
#[must_use]
pub fn list(text: &'static str) -> Vec<&'static str> {
    Lexicon::parse(text).entries().collect()
}

/// Each entry mapped to the index of its line (its class): synonyms,
/// nicknames. An entry on several lines keeps its first.
#[must_use]
pub fn classes(text: &'static str) -> FxHashMap<&'static str, usize> {
    let mut map = FxHashMap::default();
    for (i, g) in Lexicon::parse(text).groups().enumerate() {
        for &e in &g.entries {
            map.entry(e).or_insert(i);
        }
    }
    map
}

/// Labelled groups as a map from label to the group's single entry:
/// `dozen = 12`. Unlabelled lines are ignored.
#[must_use]
pub fn pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    Lexicon::parse(text)
        .groups()
        .filter_map(|g| Some((g.label?, *g.entries.first()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_labels_and_groups() {
        let lex = Lexicon::parse(
            "# comment\nloose\n[one]\na, b c ,, d\nlabel = x, y\n\n[two words]\nz\n",
        );
        assert_eq!(lex.sections.len(), 3);
        assert_eq!(lex.sections[0].name, "");
        assert_eq!(lex.sections[0].groups[0].entries, ["loose"]);
        let one = lex.section("one").unwrap();
        assert_eq!(one.groups[0].entries, ["a", "b c", "d"]);
        assert_eq!(one.group("label").unwrap().entries, ["x", "y"]);
        assert_eq!(lex.section("two words").unwrap().groups[0].entries, ["z"]);
        assert_eq!(
            lex.entries().collect::<Vec<_>>(),
            ["loose", "a", "b c", "d", "x", "y", "z"]
        );
    }

    #[test]
    fn a_file_that_starts_with_a_header_has_no_empty_section() {
        let lex = Lexicon::parse("[a]\nx\n");
        assert_eq!(lex.sections.len(), 1);
        assert_eq!(lex.sections[0].name, "a");
    }

    #[test]
    fn classes_number_lines_and_pairs_read_labels() {
        let c = classes("a, b\nc, a\n");
        assert_eq!((c["a"], c["b"], c["c"]), (0, 0, 1));
        assert_eq!(
            pairs("dozen = 12\nplain\nscore = 20"),
            [("dozen", "12"), ("score", "20")]
        );
    }

    /// Every embedded lexicon file parses to at least one entry, and no
    /// entry repeats within a group.
    #[test]
    fn every_file_parses() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text: &'static str = std::fs::read_to_string(&path).unwrap().leak();
            let lex = Lexicon::parse(text);
            assert!(
                lex.entries().next().is_some(),
                "{}: no entries",
                path.display()
            );
            for g in lex.groups() {
                let unique: FxHashSet<_> = g.entries.iter().collect();
                assert_eq!(unique.len(), g.entries.len(), "{}: {g:?}", path.display());
            }
        }
    }
}
