//! Word lists the extractors share, read from `assets/lexicon/`.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{self, Lexicon};

/// Function words that never start or end a name or a counted phrase.
static STOP: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/function-words.txt")));

/// Words that make a capitalised sequence an organisation, and a place.
static NAME_KINDS: LazyLock<(FxHashSet<&str>, FxHashSet<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/name-kind-words.txt"));
    let set = |name| -> FxHashSet<&'static str> {
        lex.section(name)
            .expect("a section per kind")
            .entries()
            .collect()
    };
    (set("organization"), set("place"))
});

#[must_use]
pub fn is_stop(word: &str) -> bool {
    crate::lexicon::contains_lowered(&STOP, word)
}

/// Whether a word makes a capitalised sequence an organisation ("Red
/// Crescent", "Times").
#[must_use]
pub fn is_org_word(word: &str) -> bool {
    crate::lexicon::contains_lowered(&NAME_KINDS.0, word)
}

/// Nouns for people before a name ("nephew", "curator").
static PERSON_NOUNS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/person-nouns.txt")));

/// Whether a word is a noun for a person, which makes the capitalised
/// name after it a person's ("her nephew Qiang Qiang").
#[must_use]
pub fn is_person_noun(word: &str) -> bool {
    crate::lexicon::contains_lowered(&PERSON_NOUNS, word)
}

/// Whether a word makes a capitalised sequence a place ("Gaza Strip").
#[must_use]
pub fn is_place_word(word: &str) -> bool {
    crate::lexicon::contains_lowered(&NAME_KINDS.1, word)
}

pub fn has_word(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

static TITLES: OnceLock<FxHashMap<String, Vec<Vec<String>>>> = OnceLock::new();

/// `assets/lexicon/given-names.txt` lower-cased (`LOWER`) and folded
/// (`FOLDED`), each sorted by `build.rs`: looked up without building a set
/// of 2,500 names at every start.
mod given {
    use super::Sorted;

    include!(concat!(env!("OUT_DIR"), "/given_names.rs"));
}

/// Sorted words written end to end, and where each ends.
struct Sorted {
    text: &'static str,
    ends: &'static [u32],
}

impl Sorted {
    fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    fn contains(&self, word: &str) -> bool {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// Whether a word is a common given name.
#[must_use]
pub fn is_given_name(word: &str) -> bool {
    given::LOWER.contains(&word.to_lowercase())
}

/// Whether a folded word ([`crate::text::fold`]) is a common given name.
#[must_use]
pub fn is_folded_given_name(folded: &str) -> bool {
    given::FOLDED.contains(folded)
}

/// Titles as word sequences, grouped by their first word (lower case,
/// without a final dot), longest first: a word that starts no title is
/// rejected with one lookup.
pub fn titles_starting(word: &str) -> &'static [Vec<String>] {
    let map = TITLES.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for title in lexicon::list(include_str!("../../assets/lexicon/titles.txt")) {
            let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
            map.entry(words[0].trim_end_matches('.').to_string())
                .or_default()
                .push(words);
        }
        for titles in map.values_mut() {
            titles.sort_by_key(|words| std::cmp::Reverse(words.len()));
        }
        map
    });
    let key = word.trim_end_matches('.');
    // Every word is looked up: lower-case it on the stack, not the heap.
    let mut buf = [0u8; 32];
    let found = if !key.bytes().any(|b| b.is_ascii_uppercase()) {
        map.get(key)
    } else if key.len() <= buf.len() {
        let lower = &mut buf[..key.len()];
        lower.copy_from_slice(key.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).ok().and_then(|k| map.get(k))
    } else {
        map.get(&key.to_ascii_lowercase())
    };
    found.map_or(&[], Vec::as_slice)
}

/// Plurals without a final "s", which mark the head of a counted phrase.
const IRREGULAR_PLURALS: &[&str] = &[
    "women",
    "men",
    "children",
    "people",
    "personnel",
    "crew",
    "cattle",
    "sheep",
    "fish",
    "deer",
];

/// Nouns in "-men" that are singular ("specimen"); other words in "-men"
/// are plurals of "-man" ("gunmen", "policemen").
const SINGULAR_MEN: &[&str] = &["specimen", "abdomen", "regimen", "omen", "stamen", "acumen"];

/// Whether a word reads as a plural noun: "hostages", "gunmen", "people".
#[must_use]
pub fn is_plural(word: &str) -> bool {
    let w = word.to_lowercase();
    IRREGULAR_PLURALS.contains(&w.as_str())
        || (w.len() > 4 && w.ends_with("men") && !SINGULAR_MEN.contains(&w.as_str()))
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_words_fit_the_lookup_buffer() {
        for set in [&*STOP, &NAME_KINDS.0, &NAME_KINDS.1] {
            assert!(
                set.iter()
                    .all(|w| w.len() <= 32 && *w == w.to_ascii_lowercase())
            );
        }
        assert!(is_stop("The") && is_org_word("RED") && is_place_word("Strip"));
        assert!(!is_stop("Gaza") && !is_org_word("é") && !is_place_word(""));
    }

    #[test]
    fn given_names_match_the_lexicon_file() {
        for name in lexicon::list(include_str!("../../assets/lexicon/given-names.txt")) {
            assert!(is_given_name(name), "{name}");
            if name.is_ascii() {
                assert!(is_given_name(&name.to_uppercase()), "{name}");
            }
            assert!(is_folded_given_name(&crate::text::fold(name)), "{name}");
        }
        for word in ["", "Aa", "Zzyzx", "Łukasza", "the"] {
            assert!(!is_given_name(word), "{word}");
        }
        assert!(is_folded_given_name("agnes"));
        assert!(!is_folded_given_name("Agnes"));
    }
}
