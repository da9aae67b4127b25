//! Who a sentence names: the people and bodies two statements must share
//! to be one statement (read by `date-conflict`; kept apart from it as
//! any rule comparing sentences of different articles needs it).

use crate::align::Member;
use crate::extract::Value;

use super::Story;

/// Sentences that both name people or bodies share at least one of them,
/// or one names what the other only writes: "Gul has been hailed" at the
/// start of a sentence is no mention, but it is Reza Gul. Each sentence
/// comes with its words, lower-cased.
pub fn meet(
    story: &Story,
    (a, words_a): (Member, &[String]),
    (b, words_b): (Member, &[String]),
) -> bool {
    let (xa, xb) = (actors(story, a), actors(story, b));
    let named_in = |xs: &[(String, String)], words: &[String]| {
        xs.iter().any(|(_, last)| words.iter().any(|w| w == last))
    };
    xa.is_empty()
        || xb.is_empty()
        || xa.iter().any(|(k, _)| xb.iter().any(|(l, _)| k == l))
        || named_in(&xa, words_b)
        || named_in(&xb, words_a)
}

/// The people and bodies a sentence names: (KB id or surname, the last
/// word of the name as written), lower-cased.
fn actors(story: &Story, m: Member) -> Vec<(String, String)> {
    story
        .mentions(m)
        .filter_map(|x| {
            let (kb, name) = match &x.value {
                Value::Person(p) => (p.kb.clone(), &p.name),
                Value::Named(n) => (n.kb.clone(), &n.name),
                _ => return None,
            };
            let last = crate::kb::surname_of(name).to_lowercase();
            Some((kb.unwrap_or_else(|| last.clone()), last))
        })
        .collect()
}
