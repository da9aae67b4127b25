//! How alike two written names are: nicknames and transliterations of a
//! given name count as one name. Shared by the rules that compare people's
//! names (name-variant, wrong-officeholder, attribution-conflict).

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::names::particle_joined;
use crate::lexicon::{self, Lexicon};
use crate::text::fold;

/// Given names that are one name ("steve" → "steven"), by class.
static NICKNAMES: LazyLock<FxHashMap<&str, usize>> =
    LazyLock::new(|| lexicon::classes(include_str!("../../assets/lexicon/nicknames.txt")));

/// Whether two given names are the same name.
#[must_use]
pub fn same_given_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    a == b
        || NICKNAMES
            .get(a.as_str())
            .is_some_and(|x| NICKNAMES.get(b.as_str()) == Some(x))
}

/// Honorifics and suffixes that are not part of a name ("Ms", "Jr.").
static NAME_PARTS: LazyLock<(FxHashSet<&str>, FxHashSet<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/name-parts.txt"));
    (lex.section_set("honorific"), lex.section_set("suffix"))
});

/// How two written names of people relate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Likeness {
    /// Forms of one name: equal once folded, a middle name or initial more
    /// or less, a nickname, an honorific or suffix, a word run on from a
    /// headline ("Joan Rivers Doctor").
    Same,
    /// One given name and surnames one slip apart: likely one person, one
    /// rendering misspelled. Carries how alike the whole names are, 0 to 1.
    Misspelled(f64),
    /// Two names, or too little to tell.
    Different,
}

/// The words of a name that identify it: folded, without honorifics,
/// suffixes or middle initials.
#[must_use]
pub fn name_words(name: &str) -> Vec<String> {
    let (honorifics, suffixes) = &*NAME_PARTS;
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| fold(w.trim_end_matches(['.', ','])))
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && honorifics.contains(words[0].as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| suffixes.contains(w.as_str())) {
        words.pop();
    }
    let last = words.len().saturating_sub(1);
    let mut i = 0;
    words.retain(|w| {
        i += 1;
        // A middle initial ("Joseph R. Biden") says nothing against a name.
        i == 1 || i - 1 == last || w.chars().count() > 1
    });
    words
}

/// The key under which names that may be one person meet: the given name's
/// nickname class, or the given name itself.
#[must_use]
pub fn given_key(words: &[String]) -> Option<String> {
    let given = words.first()?;
    Some(match NICKNAMES.get(given.as_str()) {
        Some(class) => format!("#{class}"),
        None => given.clone(),
    })
}

/// [`given_key`] of [`name_words`] read from the name's first word alone,
/// or `None` where that word is not the given name (an honorific, or
/// nothing once folded) and the whole name must be read.
#[must_use]
pub fn first_word_key(name: &str) -> Option<String> {
    let first = fold(name.split_whitespace().next()?.trim_end_matches(['.', ',']));
    if first.is_empty() || NAME_PARTS.0.contains(first.as_str()) {
        return None;
    }
    given_key(&[first])
}

/// How two written names relate: [`Likeness`]. Only a surname slip under
/// one given name counts as a misspelling: a given name shared by two
/// people lifts the whole-name score ("David Paterson", "David Petraeus")
/// while the surnames are far apart.
#[cfg(test)]
fn likeness(a: &str, b: &str) -> Likeness {
    words_likeness(&name_words(a), &name_words(b))
}

/// [`likeness`] of names already split by [`name_words`].
#[must_use]
pub fn words_likeness(a: &[String], b: &[String]) -> Likeness {
    if a == b || same_but_hyphens(a, b) {
        return Likeness::Same;
    }
    if a.len() < 2 || b.len() < 2 {
        return Likeness::Different;
    }
    if !given_alike(&a[0], &b[0]) {
        return Likeness::Different;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A middle name more, or a headline word run on: the shorter name's
    // words all stand, in order, in the longer.
    if subsequence(&short[1..], &long[1..]) {
        return Likeness::Same;
    }
    let (sa, sb) = (a.last().expect("two words"), b.last().expect("two words"));
    let slipped = if sa == sb {
        // Surnames agree: a middle name one slip from the other's is a
        // misspelling; other middle names ("Joel", "J.") are forms.
        a.len() == b.len() && a.iter().zip(b).any(|(x, y)| x != y && surname_slip(x, y))
    } else {
        surname_slip(sa, sb)
    };
    if slipped {
        Likeness::Misspelled(strsim::jaro_winkler(&a.join(" "), &b.join(" ")))
    } else {
        Likeness::Different
    }
}

/// Whether two written names may be one speaker: the same surname under
/// given names that agree or with one given name left out ("Mr Nash",
/// "Journalist Daniel Simone", "Daniel Simone"), or one a misspelling of
/// the other (that is `name-variant`'s business, not a second speaker).
#[must_use]
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    let (Some(sa), Some(sb)) = (wa.last(), wb.last()) else {
        return false;
    };
    if sa == sb {
        let (short, long) = if wa.len() <= wb.len() {
            (&wa, &wb)
        } else {
            (&wb, &wa)
        };
        return short.len() == 1
            || given_alike(&short[0], &long[0])
            || subsequence(&short[..], &long[..]);
    }
    if wa.len() == 1 || wb.len() == 1 {
        return surname_slip(sa, sb);
    }
    words_likeness(&wa, &wb) != Likeness::Different
}

/// Whether two given names are one: equal, nicknames of one name, or one a
/// short form of the other ("Josh", "Joshua").
fn given_alike(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    same_given_name(a, b) || (short.chars().count() >= 3 && long.starts_with(short))
}

/// Whether two names have as many words and their middle names agree:
/// equal, or one the other's short form.
#[must_use]
pub fn middles_agree(a: &[String], b: &[String]) -> bool {
    let middle = |n: &[String]| n.len().saturating_sub(1).max(1);
    a.len() == b.len()
        && a[1..middle(a)]
            .iter()
            .zip(&b[1..middle(b)])
            .all(|(x, y)| x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
}

/// Whether two names differ only in hyphens and spaces: "Abdul-Aziz" and
/// "Abdulaziz", "Heung-gwang" and "Heung Gwang", "Well-Being" and
/// "Wellbeing" are one spelling written two ways, not a slip.
fn same_but_hyphens(a: &[String], b: &[String]) -> bool {
    fn bare(words: &[String]) -> impl Iterator<Item = char> + '_ {
        words.iter().flat_map(|w| w.chars()).filter(|&c| c != '-')
    }
    bare(a).eq(bare(b))
}

fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|x| x == w))
}

/// Surnames one slip apart: one edit (a letter added, dropped, changed, or
/// two swapped) in names of four letters or more, two in names of eight or
/// more. Shorter names are too often two different names, and an "s" more
/// at the end is a plural ("Spider Crab", "Spider Crabs") as often as a slip;
/// an "s" doubled at the end ("Phelps", "Phelpss") is no plural.
fn surname_slip(a: &str, b: &str) -> bool {
    let plural =
        |long: &str, short: &str| long.strip_suffix('s') == Some(short) && !short.ends_with('s');
    if plural(a, b) || plural(b, a) {
        return false;
    }
    // Transliterations of one name stand anywhere in a name: "Abu
    // Muhammad", "Abu Mohammed".
    if same_given_name(a, b) {
        return false;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let edits = strsim::osa_distance(a, b);
    // A surname transliterated with its particle ("al-Thani", "al-Thinni")
    // is spelt by many conventions: only a one-letter slip of it counts.
    let transliterated = particle_joined(a) && particle_joined(b);
    match edits {
        1 => shortest >= 4,
        2 => shortest >= 8 && !transliterated,
        _ => false,
    }
}

/// How alike two renderings of a name are, 0 to 1: Jaro-Winkler over the
/// folded names, with equivalent given names counted as equal.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    folded_similarity(&fold(a), &fold(b))
}

/// [`similarity`] of names already folded.
fn folded_similarity(fa: &str, fb: &str) -> f64 {
    let whole = strsim::jaro_winkler(fa, fb);
    let (Some((ga, sa)), Some((gb, sb))) = (fa.split_once(' '), fb.split_once(' ')) else {
        return whole;
    };
    let surname = strsim::jaro_winkler(sa, sb);
    if same_given_name(ga, gb) {
        // The given names agree: the surnames decide.
        return surname.max(whole);
    }
    whole
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nicknames_are_the_same_name() {
        assert!(same_given_name("Steve", "Steven"));
        assert!(same_given_name("Mohamed", "Muhammad"));
        assert!(!same_given_name("Steve", "Joseph"));
    }

    #[test]
    fn legitimate_forms_of_a_name_are_the_same() {
        for (a, b) in [
            ("Elijah E. Cummings", "Elijah Cummings"),
            ("Joseph R. Biden Jr.", "Joseph Biden"),
            ("Steven Joel Sotloff", "Steven J. Sotloff"),
            ("Joan Rivers Doctor", "Joan Rivers"),
            ("Josh Alcorn", "Joshua Alcorn"),
            ("Ms Meg Whitman", "Meg Whitman"),
            ("Cristina Fernández de Kirchner", "Cristina Fernandez"),
            ("Salman bin Abdul-Aziz", "Salman bin Abdulaziz"),
            ("Kim Heung-gwang", "Kim Heung Gwang"),
            ("Community Well-Being Office", "Community Wellbeing Office"),
        ] {
            assert_eq!(likeness(a, b), Likeness::Same, "{a} / {b}");
        }
        // Transliterations of one name, wherever they stand in it.
        for (a, b) in [
            ("Abu Muhammad", "Abu Mohammed"),
            ("Omar Mohamed", "Omar Muhammad"),
        ] {
            assert_eq!(likeness(a, b), Likeness::Different, "{a} / {b}");
        }
    }

    #[test]
    fn a_surname_slip_under_one_given_name_is_a_misspelling() {
        for (a, b) in [
            ("Michael Steele", "Michael Steelle"),
            ("Justin Bieber", "Justin Beiber"),
            ("Ali Khamenei", "Ali Chamenei"),
            ("Bill Cosby", "William Cosy"),
            ("David Cawthorne Haines", "David Cawthrone Haines"),
            ("Michael Phelps", "Michael Phelpss"),
            ("Bashar al-Assad", "Bashar al-Asad"),
        ] {
            assert!(
                matches!(likeness(a, b), Likeness::Misspelled(_)),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn people_who_share_a_given_name_are_different() {
        for (a, b) in [
            ("Robert Goodlatte", "Robert Gates"),
            ("David Paterson", "David Petraeus"),
            ("James Foley", "James Comey"),
            ("Michelle Obama", "Michelle Bachmann"),
            ("John Kirby", "John Kerry"),
            ("Hong Kongers", "Hong K"),
            ("Lisa Bonet", "Lisa BonetPhoto"),
            ("Josh Earnest", "John Earnest"),
            ("Sarah Edward", "Sarah Edwards"),
            ("Abdullah al-Thani", "Abdullah al-Thinni"),
        ] {
            assert_eq!(likeness(a, b), Likeness::Different, "{a} / {b}");
        }
    }

    #[test]
    fn one_speaker_under_a_title_or_a_surname_alone() {
        assert!(same_person("Journalist Daniel Simone", "Daniel Simone"));
        assert!(same_person("Mr Mladenov", "Nikolay Mladenov"));
        assert!(same_person("Steelle", "Michael Steele"));
        assert!(!same_person("Alex Nash", "Derek Nash"));
        assert!(!same_person("Dan Greenwald", "Dan Brown"));
    }

    #[test]
    fn similarity_orders_renderings() {
        let misrendered = similarity("Steven Whitcombe", "Steve Witcomb");
        let unrelated = similarity("Adam Boehler", "Steve Witcomb");
        assert!(misrendered > 0.75, "{misrendered}");
        assert!(unrelated < 0.6, "{unrelated}");
        assert!(similarity("Anthony Blinkin", "Antony Blinken") > 0.85);
    }
}
