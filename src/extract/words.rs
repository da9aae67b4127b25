//! Word lists the extractors share. Open classes (given names, titles) are
//! data files in `assets/lexicon/`; closed classes are listed here.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1-12) a word names: "February", "Feb", "Feb.", "Sept".
#[must_use]
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    // Most words are not months: every month begins with one of these.
    if !matches!(
        w.as_bytes()[0].to_ascii_lowercase(),
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    ) {
        return None;
    }
    let mut buf = [0u8; 9];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[..w.len()].make_ascii_lowercase();
    let Ok(w) = std::str::from_utf8(&buf[..w.len()]) else {
        return None;
    };
    let i = MONTHS.iter().position(|m| {
        *m == w
            || (w.len() >= 3 && w.len() <= 4 && m.starts_with(w) && w != "mar"
                || w == "mar" && *m == "march")
    })?;
    // "Sept" is the one four-letter abbreviation in use.
    if w.len() == 4 && w != "sept" && MONTHS[i] != w {
        return None;
    }
    Some(i as i8 + 1)
}

/// The weekday (0 = Monday) a word names: "Sunday", "Sun.".
#[must_use]
pub fn weekday(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
}

/// Function words that never start or end a name or a counted phrase.
pub const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "shall",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "our",
    "not",
    "no",
    "than",
    "then",
    "there",
    "here",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "until",
    "about",
    "into",
    "over",
    "under",
    "between",
    "among",
    "during",
    "per",
    "each",
    "every",
    "all",
    "some",
    "any",
    "more",
    "most",
    "such",
    "so",
    "also",
    "still",
    "yet",
    "only",
    "just",
    "both",
    "either",
    "neither",
    "according",
    "meanwhile",
    "however",
    "although",
    "though",
    "because",
    "whether",
    "what",
    "where",
    "why",
    "how",
    "amid",
    "despite",
    "against",
    "without",
    "within",
    "across",
    "through",
    "toward",
    "towards",
    "upon",
    "near",
    "out",
    "up",
    "down",
    "off",
    "again",
    "further",
    "once",
    "now",
    "remain",
    "remained",
    "remains",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "reported",
];

#[must_use]
pub fn is_stop(word: &str) -> bool {
    STOP.iter().any(|x| x.eq_ignore_ascii_case(word))
}

/// Words that make a capitalised sequence an organisation.
pub const ORG_WORDS: &[&str] = &[
    "army",
    "radio",
    "news",
    "times",
    "post",
    "daily",
    "agency",
    "ministry",
    "council",
    "cabinet",
    "party",
    "brigades",
    "brigade",
    "forces",
    "force",
    "authority",
    "committee",
    "university",
    "hospital",
    "company",
    "corporation",
    "corp",
    "inc",
    "group",
    "organization",
    "organisation",
    "office",
    "department",
    "house",
    "movement",
    "front",
    "union",
    "association",
    "bank",
    "fund",
    "court",
    "parliament",
    "assembly",
    "commission",
    "institute",
    "foundation",
    "network",
    "television",
    "tv",
    "channel",
    "press",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "monitor",
    "wire",
    "service",
    "services",
    "police",
    "guard",
    "guards",
    "corps",
    "command",
    "league",
    "federation",
    "alliance",
    "coalition",
    "centre",
    "center",
    "program",
    "programme",
    "school",
    "church",
    "mosque",
    "club",
    "media",
    "watch",
    "red",
    "crescent",
    "cross",
];

/// Words that make a capitalised sequence a place.
pub const PLACE_WORDS: &[&str] = &[
    "city",
    "strip",
    "province",
    "governorate",
    "camp",
    "street",
    "district",
    "valley",
    "river",
    "sea",
    "gulf",
    "mountains",
    "mountain",
    "island",
    "islands",
    "heights",
    "corridor",
    "crossing",
    "square",
    "port",
    "bay",
    "peninsula",
    "desert",
    "region",
    "county",
    "state",
    "village",
    "town",
    "bank",
    "coast",
    "lake",
    "border",
];

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
        for line in include_str!("../../assets/lexicon/titles.txt")
            .lines()
            .map(str::trim)
        {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<String> = line.split_whitespace().map(str::to_lowercase).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_match_the_lexicon_file() {
        let names = include_str!("../../assets/lexicon/given-names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for name in names {
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

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("February"), Some(2));
        assert_eq!(month("Feb."), Some(2));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("Mar"), Some(3));
        assert_eq!(month("Ma"), None);
        assert_eq!(month("Marc"), None);
        assert_eq!(month("mayor"), None);
    }
}
