//! Reading counts: what a number counts (head noun and modifiers), the
//! interval a qualified number allows, and how to write it back. Shared by
//! number-conflict and internal-inconsistency.

use crate::align::Vocabulary;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::extract::QuantityValue;
use crate::extract::words::is_plural;
use crate::lexicon;
use crate::text::fold;
use crate::text::tokens::is_capitalised;

/// Relative and absolute tolerance of an approximate count.
pub const APPROX_SHARE: f64 = 0.1;
pub const APPROX_MIN: f64 = 2.0;

/// Words too common to say what a count is about (the aligner keeps its
/// own list private).
static STOPWORDS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/numbers-stopwords.txt")));

/// Words after a number that make it a measure, not a part of a whole.
static UNITS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/numbers-units.txt")));

/// Words that count a group against another ("12 other members").
static RELATIVE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/numbers-relative.txt")));

/// Whether a counted phrase counts a group against another: "12 other
/// members", "nine others".
pub fn is_relative(counted: &str) -> bool {
    counted
        .split_whitespace()
        .any(|w| RELATIVE.contains(w.to_lowercase().as_str()))
}

/// Units that give a time of day, not an amount.
const CLOCK: &[&str] = &["am", "pm", "a.m.", "p.m."];

/// Currency signs before a number and the unit they stand for.
const CURRENCIES: &[(char, &str)] = &[('$', "dollar"), ('£', "pound"), ('€', "euro"), ('¥', "yen")];

/// What a number measures, when it is an amount rather than a count of
/// things: money ("$46 million", "£15.95"), a share ("2.5%", "40
/// percent"), a duration or a size ("two years", "ten inches"). The key is
/// the unit, singular: "dollar", "percent", "year", "inch".
pub fn measure(text: &str, range: &Range<usize>, counted: Option<&str>) -> Option<String> {
    let before = text[..range.start].trim_end();
    // The sign is before the mention ("$46 million"), or inside it after
    // a qualifier ("more than $46 million").
    let inside = &text[range.clone()];
    let lead = inside[..inside.find(|c: char| c.is_ascii_digit()).unwrap_or(0)].trim_end();
    if let Some(&(_, unit)) = CURRENCIES
        .iter()
        .find(|(c, _)| before.ends_with(*c) || lead.ends_with(*c))
    {
        return Some(unit.to_string());
    }
    let word = if let Some(c) = counted {
        c.split_whitespace().next()?.to_lowercase()
    } else {
        // "20+ minutes": the plus is a bound, not a word.
        let after = text[range.end..]
            .strip_prefix('+')
            .unwrap_or(&text[range.end..]);
        let next = after.split_whitespace().next()?;
        if next.starts_with('%') {
            return Some("percent".into());
        }
        next.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if word == "per" || word == "cent" || word == "%" {
        return Some("percent".into());
    }
    if !is_unit(&word) || CLOCK.contains(&word.as_str()) {
        return None;
    }
    Some(singular(&word))
}

/// "inches" → "inch", "feet" → "foot", "years" → "year".
fn singular(unit: &str) -> String {
    match unit {
        "feet" | "ft" => "foot".into(),
        _ => unit
            .strip_suffix("es")
            .filter(|s| s.ends_with("ch"))
            .or_else(|| unit.strip_suffix('s'))
            .unwrap_or(unit)
            .to_string(),
    }
}

pub fn is_stop(word: &str) -> bool {
    STOPWORDS.contains(word)
}

pub fn is_unit(word: &str) -> bool {
    UNITS.contains(word)
}

/// A word folded, if it is a content word that can say what is counted.
pub fn content(word: &str) -> Option<String> {
    let folded = fold(word);
    if folded.len() < 3 || is_stop(&folded) || !folded.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(folded)
}

pub fn stem(vocab: &Vocabulary, word: &str) -> Option<String> {
    Some(vocab.stem(&content(word)?).into_owned())
}

/// The normal form of a word as the aligner makes it (folded, stemmed, in
/// its synonym class), so "captives" and "hostages" count the same thing.
pub fn normal(vocab: &Vocabulary, word: &str) -> Option<String> {
    // The vocabulary first: a look-up, and `None` for the stop words that
    // make up most of what `content` refuses, which then need no folding.
    let normal = vocab.normal(word)?;
    content(word)?;
    Some(normal.into_owned())
}

/// The counted phrase as head and modifiers: "Israeli captives" → captives
/// with {Israeli}. The extractor may run on past the noun ("hostages home"),
/// so the head is the first plural noun, else a group named in capitals
/// that ends the phrase ("other Britons"), else the first lower-case word.
pub fn head_and_modifiers(counted: &str) -> Option<(&str, Vec<&str>)> {
    let words: Vec<&str> = counted.split_whitespace().collect();
    let named_group = |w: &&&str| is_capitalised(w) && is_plural(w);
    let head = words
        .iter()
        .position(|w| !is_capitalised(w) && is_plural(w))
        .or_else(|| words.last().filter(named_group).map(|_| words.len() - 1))
        .or_else(|| words.iter().position(|w| !is_capitalised(w)))
        .unwrap_or(words.len().checked_sub(1)?);
    // "three Afghan [National Army soldiers]": a capitalised word that is
    // not plural modifies a noun the phrase did not reach.
    if is_capitalised(words[head]) && !is_plural(words[head]) {
        return None;
    }
    Some((words[head], words[..head].to_vec()))
}

/// What a count can be: `low..=high`, widened for approximate counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn of(q: &QuantityValue) -> Option<Interval> {
        if q.low.is_none() && q.high.is_none() {
            return None;
        }
        let low = q.low.unwrap_or(0.0);
        let high = q.high.unwrap_or(f64::INFINITY);
        if !q.approximate {
            return Some(Interval { low, high });
        }
        let size = if high.is_finite() { high } else { low };
        let tolerance = (size * APPROX_SHARE).max(APPROX_MIN);
        Some(Interval {
            low: (low - tolerance).max(0.0),
            high: high + tolerance,
        })
    }

    pub fn overlaps(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// A number as people write it: "90", "1,200", "1.7 million".
pub fn number(v: f64) -> String {
    for (scale, name) in [(1e9, "billion"), (1e6, "million")] {
        if v >= scale {
            return format!("{} {name}", (v / scale * 100.0).round() / 100.0);
        }
    }
    if v.fract() != 0.0 || v < 10_000.0 {
        return format!("{v}");
    }
    let digits = format!("{v}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The value as people write it: "90", "about 48", "at least 30".
pub fn describe(q: &QuantityValue) -> String {
    let approx = if q.approximate { "about " } else { "" };
    match (q.low, q.high) {
        (Some(l), Some(h)) if (l - h).abs() < f64::EPSILON => format!("{approx}{}", number(l)),
        (Some(l), Some(h)) => format!("{}–{}", number(l), number(h)),
        (Some(l), None) => format!("at least {}", number(l)),
        (None, Some(h)) => format!("up to {}", number(h)),
        (None, None) => String::new(),
    }
}

/// "90", not "about 90", "at least 90" or "90 to 95".
pub fn is_exact(q: &QuantityValue) -> bool {
    !q.approximate && q.low.is_some() && q.low == q.high
}

pub fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str, number: &str, counted: Option<&str>) -> Option<String> {
        let start = text.find(number).expect("number in text");
        measure(text, &(start..start + number.len()), counted)
    }

    #[test]
    fn measures_are_read_by_their_unit() {
        assert_eq!(
            unit("paid $46 million last", "46 million", None).as_deref(),
            Some("dollar")
        );
        assert_eq!(
            unit("a fee of £15.95 for", "15.95", None).as_deref(),
            Some("pound")
        );
        assert_eq!(
            unit("pay 2.5% of each", "2.5", None).as_deref(),
            Some("percent")
        );
        assert_eq!(
            unit("on hold for 20+ minutes", "20", None).as_deref(),
            Some("minute")
        );
        assert_eq!(
            unit("grows ten inches", "ten", Some("inches")).as_deref(),
            Some("inch")
        );
        assert_eq!(
            unit("about 40 feet tall", "40", Some("feet")).as_deref(),
            Some("foot")
        );
        // A time of day and a count of things are not measures.
        assert_eq!(unit("at 5 p.m. sharp", "5", None), None);
        assert_eq!(unit("five hostages were", "five", Some("hostages")), None);
    }

    #[test]
    fn a_capitalised_singular_word_is_no_head() {
        assert_eq!(head_and_modifiers("Afghan"), None);
        assert_eq!(head_and_modifiers("Afghans").map(|h| h.0), Some("Afghans"));
        assert_eq!(
            head_and_modifiers("Israeli captives").map(|h| h.0),
            Some("captives")
        );
    }

    #[test]
    fn relative_counts_are_known() {
        assert!(is_relative("other members"));
        assert!(is_relative("others"));
        assert!(!is_relative("members"));
    }
}
