//! How alike two written names are: nicknames and transliterations of a
//! given name count as one name. Shared by the rules that compare people's
//! names (name-variant, wrong-officeholder, attribution-conflict).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lexicon;
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

/// How alike two renderings of a name are, 0 to 1: Jaro-Winkler over the
/// folded names, with equivalent given names counted as equal.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    folded_similarity(&fold(a), &fold(b))
}

/// [`similarity`] of names already folded.
pub(super) fn folded_similarity(fa: &str, fb: &str) -> f64 {
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
    fn similarity_orders_renderings() {
        let misrendered = similarity("Steven Whitcombe", "Steve Witcomb");
        let unrelated = similarity("Adam Boehler", "Steve Witcomb");
        assert!(misrendered > 0.75, "{misrendered}");
        assert!(unrelated < 0.6, "{unrelated}");
        assert!(similarity("Anthony Blinkin", "Antony Blinken") > 0.85);
    }
}
