//! Quantities: "approximately 48 Israeli captives" → 48± of "Israeli
//! captives", "at least eight" → [8, ∞), "up to 30" → (∞, 30], number
//! words, ordinals, "a dozen", "dozens of", "1.5 million".

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashSet;

use super::words::{has_word, is_plural, is_stop};
use super::{Mention, MentionKind, QuantityValue, Sentence, Value};
use crate::lexicon::Lexicon;
use crate::text::tokens::{Kind, is_capitalised};

/// The sections of `number-words.txt`: each word with its value.
struct NumberWords {
    cardinals: Vec<(&'static str, f64)>,
    ordinals: Vec<(&'static str, f64)>,
    scales: Vec<(&'static str, f64)>,
    /// "dozens of" and friends: a lower bound only.
    vague: Vec<(&'static str, f64)>,
}

static WORDS: LazyLock<NumberWords> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/number-words.txt"));
    let section = |name: &str| -> Vec<(&'static str, f64)> {
        let section = lex.section(name).expect("number-words.txt sections");
        section
            .groups
            .iter()
            .map(|g| {
                let label = g.label.expect("word = value");
                let value = g.entries[0].parse().expect("a number");
                (label, value)
            })
            .collect()
    };
    NumberWords {
        cardinals: section("cardinals"),
        ordinals: section("ordinals"),
        scales: section("scales"),
        vague: section("vague"),
    }
});

/// The words that end a counted phrase, from `counted-phrase.txt`.
static PHRASE_ENDS: LazyLock<(Vec<&str>, FxHashSet<&str>, FxHashSet<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/counted-phrase.txt"));
    let section = |name| lex.section(name).expect("counted-phrase.txt sections");
    (
        section("not counted").entries().collect(),
        section("participles").entries().collect(),
        section("adverbs").entries().collect(),
    )
});

/// The value of a cardinal number word: "twelve" is 12.
pub(crate) fn cardinal(word: &str) -> Option<f64> {
    first_of_number_word(word)
        .then(|| lookup(&WORDS.cardinals, word))
        .flatten()
}

/// The value of an ordinal number word: "twelfth" is 12.
pub(super) fn ordinal(word: &str) -> Option<f64> {
    first_of_number_word(word)
        .then(|| lookup(&WORDS.ordinals, word))
        .flatten()
}

/// Whether a word begins with a letter some number word begins with:
/// every word of a sentence is asked, and most begin with a letter no
/// number word does, which spares them the look through the lists.
fn first_of_number_word(word: &str) -> bool {
    static FIRST: OnceLock<[bool; 256]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut first = [false; 256];
        for (w, _) in WORDS.cardinals.iter().chain(&WORDS.ordinals) {
            first[usize::from(w.as_bytes()[0].to_ascii_lowercase())] = true;
        }
        first
    });
    word.bytes()
        .next()
        .is_some_and(|b| first[usize::from(b.to_ascii_lowercase())])
}

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// A number word, including "twenty-five" and "twenty-fifth".
fn word_value(word: &str) -> Option<(f64, bool)> {
    if !first_of_number_word(word) {
        return None;
    }
    if let Some(v) = lookup(&WORDS.cardinals, word) {
        return Some((v, false));
    }
    if let Some(v) = lookup(&WORDS.ordinals, word) {
        return Some((v, true));
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = lookup(&WORDS.cardinals, tens).filter(|t| *t >= 20.0)?;
    if let Some(u) = lookup(&WORDS.cardinals, unit).filter(|u| *u < 10.0) {
        return Some((tens + u, false));
    }
    lookup(&WORDS.ordinals, unit)
        .filter(|u| *u < 10.0)
        .map(|u| (tens + u, true))
}

/// A digit token: "1,200", "1.5", "21st".
fn digit_value(word: &str) -> Option<(f64, bool)> {
    let lower = word.to_ascii_lowercase();
    let (digits, ordinal) = match lower
        .strip_suffix("st")
        .or_else(|| lower.strip_suffix("nd"))
        .or_else(|| lower.strip_suffix("rd"))
        .or_else(|| lower.strip_suffix("th"))
    {
        Some(d) => (d.to_string(), true),
        None => (lower, false),
    };
    if digits.contains(':') || digits.len() > 30 {
        return None;
    }
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    plain.parse::<f64>().ok().map(|v| (v, ordinal))
}

/// A number starting at token `i`: its value, the index after it, whether
/// it is an ordinal, and whether it is a vague plural ("dozens").
struct Parsed {
    value: f64,
    end: usize,
    ordinal: bool,
    vague: bool,
}

/// Extends a number with the scales and smaller number words that follow
/// it ("hundred and twenty", "thousand five hundred", "million"); returns
/// the value and the index after it. Smaller words are only joined to
/// spelled-out numbers. The value is read as `total + group`: a group
/// under a thousand ("five hundred and twenty") is closed by a scale of a
/// thousand or more, which multiplies it into the total.
fn compound(s: &Sentence, value: f64, mut end: usize, spelled: bool) -> (f64, usize) {
    let (mut total, mut group) = (0.0, value);
    // The last word read: a scale may follow any number, a smaller word
    // only a scale ("hundred twenty") and "and" only a hundred or more.
    let mut after_scale = false;
    loop {
        if let Some(scale) = lookup(&WORDS.scales, s.word(end)) {
            let base = if group == 0.0 { 1.0 } else { group };
            if scale < 1000.0 {
                if group >= 100.0 || group.fract() != 0.0 {
                    break;
                }
                group = base * scale;
            } else {
                if total != 0.0 && total < scale * 1000.0 && total <= base * scale {
                    break;
                }
                total += base * scale;
                group = 0.0;
            }
            after_scale = true;
            end += 1;
            continue;
        }
        if !spelled || !after_scale {
            break;
        }
        let and = usize::from(s.is(end, &["and"]));
        match s
            .tokens
            .get(end + and)
            .and_then(|_| word_value(s.word(end + and)))
        {
            Some((v, false)) if v < 100.0 && group % 100.0 == 0.0 => {
                group += v;
                end += and + 1;
                after_scale = false;
            }
            _ => break,
        }
    }
    (total + group, end)
}

fn parse(s: &Sentence, i: usize) -> Option<Parsed> {
    let tok = *s.tokens.get(i)?;
    let word = s.word(i);
    if let Some(v) = lookup(&WORDS.vague, word) {
        // "tens of thousands" is read as its larger part.
        return Some(Parsed {
            value: v,
            end: i + 1,
            ordinal: false,
            vague: true,
        });
    }
    if s.is(i, &["a", "an"]) {
        if s.is(i + 1, &["dozen"]) {
            return Some(Parsed {
                value: 12.0,
                end: i + 2,
                ordinal: false,
                vague: false,
            });
        }
        if lookup(&WORDS.scales, s.word(i + 1)).is_some() {
            let (value, end) = compound(s, 0.0, i + 1, true);
            return Some(Parsed {
                value,
                end,
                ordinal: false,
                vague: false,
            });
        }
        return None;
    }
    let (mut value, ordinal) = match tok.kind {
        Kind::Number => digit_value(word)?,
        Kind::Word => word_value(word)?,
        _ => return None,
    };
    let mut end = i + 1;
    if let Some(part) = mixed_fraction(s, i) {
        return Some(Parsed {
            value: value + part,
            end: end + 3,
            ordinal: false,
            vague: false,
        });
    }
    if ordinal {
        return Some(Parsed {
            value,
            end,
            ordinal,
            vague: false,
        });
    }
    // "$1m", "£2.5bn": a scale letter glued to the digits.
    if let Some(scale) = glued_scale(s, i) {
        return Some(Parsed {
            value: value * scale,
            end: end + 1,
            ordinal,
            vague: false,
        });
    }
    // "one hundred and twenty", "1.5 million", "twenty thousand".
    (value, end) = compound(s, value, end, tok.kind == Kind::Word);
    if s.is(end, &["dozen"]) {
        value *= 12.0;
        end += 1;
    }
    Some(Parsed {
        value,
        end,
        ordinal,
        vague: false,
    })
}

/// The fraction after a whole number in digits: "6 1/2 feet" is 6.5
/// feet, not 6 and 2 feet. A proper fraction of small terms only, so
/// "24/7" or a date's "9/11" is no fraction of the number before it.
fn mixed_fraction(s: &Sentence, i: usize) -> Option<f64> {
    let number = |k: usize| {
        s.tokens
            .get(k)
            .filter(|t| t.kind == Kind::Number)
            .and_then(|_| s.word(k).parse::<u32>().ok())
    };
    number(i)?;
    let (top, bottom) = (number(i + 1)?, number(i + 3)?);
    let apart = s.tokens[i].end < s.tokens[i + 1].start;
    (apart && s.is(i + 2, &["/"]) && top < bottom && bottom <= 16)
        .then(|| f64::from(top) / f64::from(bottom))
}

/// The scale of "m", "bn" or "k" written against the digits at `i`
/// ("$1m"), read only after a currency sign, where "m" is not metres.
fn glued_scale(s: &Sentence, i: usize) -> Option<f64> {
    let (digits, next) = (s.tokens.get(i)?, s.tokens.get(i + 1)?);
    let money = s.text[..digits.start]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '$' | '£' | '€' | '¥'));
    if !money || next.start != digits.end {
        return None;
    }
    match s.word(i + 1).to_ascii_lowercase().as_str() {
        "m" | "mn" => Some(1e6),
        "bn" | "b" => Some(1e9),
        "k" => Some(1e3),
        _ => None,
    }
}

/// The qualifier before a number and what it does to the interval.
enum Qualifier {
    Exact,
    About,
    AtLeast,
    AtMost,
}

/// Reads the qualifier that ends just before the number at token `number`
/// (or before its currency sign), returning it and
/// the index of its first token.
fn qualifier(s: &Sentence, number: usize) -> (Qualifier, usize) {
    // "more than $1 million": the qualifier stands before the currency sign.
    let i = if number > 0 && is_currency_sign(s.word(number - 1)) {
        number - 1
    } else {
        number
    };
    let back = |n: usize| i.checked_sub(n);
    let two = |a: &str, b: &str| back(2).is_some_and(|j| s.is(j, &[a]) && s.is(j + 1, &[b]));
    let three = |a: &str, b: &str, c: &str| {
        back(3).is_some_and(|j| s.is(j, &[a]) && s.is(j + 1, &[b]) && s.is(j + 2, &[c]))
    };
    if three("as", "many", "as") || three("no", "more", "than") {
        return (Qualifier::AtMost, i - 3);
    }
    if two("at", "least") || two("more", "than") || two("upwards", "of") {
        return (Qualifier::AtLeast, i - 2);
    }
    if two("up", "to") || two("at", "most") || two("fewer", "than") || two("less", "than") {
        return (Qualifier::AtMost, i - 2);
    }
    // "just over 1,200" and "nearly 40" name a value a little off, not an
    // open bound: "just over 1,200" is no way of saying 3,600.
    if two("an", "estimated") || two("just", "over") || two("just", "under") || two("close", "to") {
        return (Qualifier::About, i - 2);
    }
    if let Some(j) = back(1) {
        if s.is(
            j,
            &[
                "about",
                "approximately",
                "around",
                "roughly",
                "some",
                "estimated",
                "approx.",
                "circa",
                "~",
            ],
        ) {
            return (Qualifier::About, j);
        }
        if s.is(j, &["nearly", "almost"]) {
            return (Qualifier::About, j);
        }
        if s.is(j, &["under"]) {
            return (Qualifier::AtMost, j);
        }
        if s.is(j, &["over", "exceeding"]) {
            return (Qualifier::AtLeast, j);
        }
    }
    (Qualifier::Exact, number)
}

/// "$", "£", "€", "¥": signs written before an amount.
fn is_currency_sign(w: &str) -> bool {
    matches!(w, "$" | "£" | "€" | "¥")
}

/// The counted phrase after a number: "Israeli captives", "hostages".
fn counted(s: &Sentence, mut i: usize, vague: bool) -> (Option<String>, usize) {
    if vague && s.is(i, &["of"]) {
        i += 1;
    }
    if s.is(i, &["%", "percent"]) {
        return (Some("percent".into()), i);
    }
    if verb_first(s, i) {
        return (None, i);
    }
    let mut words: Vec<&str> = Vec::new();
    let mut last = i;
    while words.len() < 4 {
        let w = s.word(i);
        if !phrase_word(s, i, words.is_empty()) {
            break;
        }
        // A name already read may describe the counted noun after it ("25
        // Taliban fighters", "12 Hamas members"), never be it.
        let describes = words.is_empty()
            && is_capitalised(w)
            && !s.taken.get(i + 1).copied().unwrap_or(true)
            && !is_capitalised(s.word(i + 1))
            && phrase_word(s, i + 1, false);
        // So may a longer name, or one after a modifier: "three elite
        // North Korean officials", "five senior Taliban officials".
        if !describes && let Some(end) = describing_name(s, i).filter(|e| words.len() + e - i < 4) {
            words.extend((i..end).map(|k| s.word(k)));
            i = end;
            continue;
        }
        if s.taken[i] && !describes {
            // A group named in capitals ends the phrase as its head: "21
            // Egyptian Coptic Christians", "two other Britons".
            if let Some(end) =
                plural_name_run(s, i, !words.is_empty()).filter(|e| words.len() + e - i <= 4)
            {
                words.extend((i..end).map(|k| s.word(k)));
                last = end - 1;
            }
            break;
        }
        // A name after the noun phrase ("hostages Romi Gonen") is not
        // counted, but a people named in capitals ends it as its head
        // ("two other Britons").
        if !words.is_empty() && is_capitalised(w) && !is_capitalised(words[words.len() - 1]) {
            let next_capitalised = i + 1 < s.tokens.len() && is_capitalised(s.word(i + 1));
            if is_plural(w) && !next_capitalised {
                words.push(w);
                last = i;
            }
            break;
        }
        words.push(w);
        last = i;
        i += 1;
        // A plural noun heads the phrase: a word after it that is not a
        // plural too is no part of it ("four masked men burst in", "two
        // rows behind"), while "sports cars" runs on.
        if is_plural(w)
            && !is_capitalised(w)
            && !s.tokens.get(i).is_some_and(|_| is_plural(s.word(i)))
        {
            break;
        }
    }
    if words.is_empty() {
        return (None, last);
    }
    (Some(words.join(" ")), last)
}

/// A past form right after the number, before a word that is no plural
/// noun, is the sentence's verb and the number stands alone: "seven
/// returned pregnant", "a family of five tested positive". Before a plural
/// it describes the counted noun: "two armed men", "three injured police
/// officers".
fn verb_first(s: &Sentence, i: usize) -> bool {
    let word_at = |k: usize| s.tokens.get(k).is_some_and(|t| t.kind == Kind::Word);
    if !word_at(i) || !word_at(i + 1) {
        return false;
    }
    let (w, next) = (s.word(i), s.word(i + 1));
    w.len() > 4
        && w.ends_with("ed")
        && !is_capitalised(w)
        && !is_capitalised(next)
        && !is_stop(next)
        && !(i + 1..(i + 3).min(s.tokens.len())).any(|k| is_plural(s.word(k)))
}

/// The end of a run of capitalised words already read as a name, from
/// token `i`, when it has two words or more and its last is a plural
/// ("Coptic Christians"), so that the run names a group that can be
/// counted.
fn plural_name_run(s: &Sentence, i: usize, modified: bool) -> Option<usize> {
    let end = name_run_end(s, i);
    // One word alone ending in "s" is more often a name ("Hamas"), unless
    // a modifier before it makes it a group ("two other Britons").
    let least = if modified { 1 } else { 2 };
    (end >= i + least && is_plural(s.word(end - 1))).then_some(end)
}

/// The end of the run of capitalised words already read as a name that
/// starts at token `i`.
fn name_run_end(s: &Sentence, i: usize) -> usize {
    (i..s.tokens.len())
        .find(|&k| !s.taken[k] || !is_capitalised(s.word(k)))
        .unwrap_or(s.tokens.len())
}

/// The end of a name read at token `i` that describes the lower-case
/// word right after it, which goes on the counted phrase ("North Korean
/// officials", "Taliban fighters").
fn describing_name(s: &Sentence, i: usize) -> Option<usize> {
    if !s.taken[i] || !is_capitalised(s.word(i)) {
        return None;
    }
    let end = name_run_end(s, i);
    // A run ending in a plural is itself the group counted ("Egyptian
    // Coptic Christians along a beach"): see [`plural_name_run`].
    (end < s.tokens.len()
        && !is_plural(s.word(end - 1))
        && !s.taken[end]
        && !is_capitalised(s.word(end))
        && phrase_word(s, end, false))
    .then_some(end)
}

/// Whether token `i` may stand in a counted phrase, first in it or after
/// another word: a word, not a stop word, an adverb, a negation, or (after
/// the first) a verb.
fn phrase_word(s: &Sentence, i: usize, first: bool) -> bool {
    let Some(tok) = s.tokens.get(i) else {
        return false;
    };
    let w = s.word(i);
    let lower = w.to_ascii_lowercase();
    let verb_like = !first
        && (lower.ends_with("ed")
            || lower.ends_with("ing")
            || PHRASE_ENDS.1.contains(lower.as_str()));
    let adverb = lower.ends_with("ly")
        || PHRASE_ENDS.2.contains(lower.as_str())
        || lower.ends_with("n't")
        || lower.ends_with("n\u{2019}t");
    let ends = first && has_word(&PHRASE_ENDS.0, w);
    tok.kind == Kind::Word && !is_stop(w) && !adverb && !verb_like && !ends
}

/// "Romi Gonen, 24, …": an age in apposition to a name, not a count.
fn is_age(s: &Sentence, i: usize) -> bool {
    // Asked of every token: the kind first, as most are words.
    s.tokens[i].kind == Kind::Number
        && i >= 2
        && s.is(i - 1, &[","])
        && is_capitalised(s.word(i - 2))
        && s.is(i + 1, &[",", ")", ";"])
        && digit_value(s.word(i)).is_some_and(|(v, _)| v < 120.0)
}

/// Whether the number at `i` is part of a name or label ("Channel 12",
/// "Resolution 2334") rather than a count.
fn is_label(s: &Sentence, i: usize) -> bool {
    // Asked of every token: the kind first, as most are words.
    if s.tokens[i].kind != Kind::Number {
        return false;
    }
    let Some(j) = i.checked_sub(1) else {
        return false;
    };
    let prev = s.word(j);
    // A scale after it makes it an amount whatever comes before: a
    // headline in title case ("Affect 18 Million Americans").
    let scaled = i + 1 < s.tokens.len() && lookup(&WORDS.scales, s.word(i + 1)).is_some();
    s.tokens[j].kind == Kind::Word
        && is_capitalised(prev)
        && j > 0
        && crate::text::dates::month(prev).is_none()
        && !scaled
}

pub fn extract(s: &mut Sentence, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < s.tokens.len() {
        if s.taken[i] || is_label(s, i) || is_age(s, i) {
            i += 1;
            continue;
        }
        let Some(n) = parse(s, i) else {
            i += 1;
            continue;
        };
        // "the first two days": the cardinal is the count, not the
        // ordinal's counted phrase.
        let before_cardinal = n.ordinal && parse(s, n.end).is_some_and(|m| !m.ordinal && !m.vague);
        if before_cardinal || pronoun_one(s, i) || s.taken[i..n.end].iter().any(|t| *t) {
            i += 1;
            continue;
        }
        let (qual, first) = if n.ordinal {
            (Qualifier::Exact, i)
        } else {
            qualifier(s, i)
        };
        // "between 20 and 30", "20 to 30", "20-30", "50 or 60".
        let mut high_end = None;
        if !n.ordinal
            && (s.is(n.end, &["and", "to", "or", "-", "\u{2013}"]))
            && let Some(m) = parse(s, n.end + 1).filter(|m| !m.ordinal && m.value > n.value)
        {
            let between = first > 0 && s.is(first - 1, &["between", "from"]);
            if between || !s.is(n.end, &["and"]) {
                high_end = Some(m);
            }
        }
        let (counted, last) = match &high_end {
            Some(m) => counted(s, m.end, false),
            None => counted(s, n.end, n.vague),
        };
        let end_tok = match &counted {
            Some(_) => last,
            None => high_end.as_ref().map_or(n.end, |m| m.end) - 1,
        };
        let start_tok = match (&high_end, first) {
            (Some(_), f) if f > 0 && s.is(f - 1, &["between", "from"]) => f - 1,
            _ => first,
        };
        let (low, high, approximate) = if let Some(m) = &high_end {
            (Some(shared_scale(s, &n, m)), Some(m.value), false)
        } else if n.vague {
            (Some(n.value), None, true)
        } else {
            match qual {
                Qualifier::Exact => (Some(n.value), Some(n.value), false),
                Qualifier::About => (Some(n.value), Some(n.value), true),
                Qualifier::AtLeast => (Some(n.value), None, false),
                Qualifier::AtMost => (None, Some(n.value), false),
            }
        };
        out.push(Mention {
            kind: MentionKind::Quantity,
            range: s.span(start_tok, end_tok),
            sentence: s.index,
            value: Value::Quantity(QuantityValue {
                low,
                high,
                approximate,
                counted,
                ordinal: n.ordinal,
            }),
        });
        s.take(start_tok, end_tok);
        i = end_tok + 1;
    }
}

/// The low end of a range whose scale is written once, at its high end:
/// "26 to 29 million" runs from 26 million.
fn shared_scale(s: &Sentence, low: &Parsed, high: &Parsed) -> f64 {
    let own_scale = lookup(&WORDS.scales, s.word(low.end - 1)).is_some();
    match lookup(&WORDS.scales, s.word(high.end - 1)) {
        Some(scale) if !own_scale && low.value * scale <= high.value => low.value * scale,
        _ => low.value,
    }
}

/// "one" as a pronoun ("one of the", "no one") is not a count.
fn pronoun_one(s: &Sentence, i: usize) -> bool {
    s.is(i, &["one"])
        && (s.is(i + 1, &["of", "another", "day"])
            || (i > 0
                && s.is(
                    i - 1,
                    &["no", "any", "every", "some", "the", "this", "that"],
                )))
}
