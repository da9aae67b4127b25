//! `number-conflict`: aligned statements of different articles count the
//! same thing at the same moment with values that cannot both hold ("95
//! Palestinian prisoners" against "90 Palestinian prisoners" for one
//! release). Qualifiers become intervals: "about 300" tolerates ±10% (at
//! least ±2), "at least 20" and "up to 30" are one-sided.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use super::counts::{
    Interval, describe, head_and_modifiers, is_exact, is_relative, join, measure, normal, stem,
};
use super::{Account, Finding, FindingKind, Severity, Story, claim_order, word_classes};
use crate::align::Vocabulary;
use crate::align::{Member, root};
use crate::extract::{Mention, MentionKind, QuantityValue, Value};
use crate::text::tokens::is_capitalised;
use crate::text::tokens::{Kind, tokenize};

/// A pair score from which one side may leave out a modifier ("33
/// hostages" against "33 Israeli hostages") or use a synonym for the head.
const STRONG_PAIR: f32 = 0.55;

/// A pair score from which two sentences are one statement told twice
/// ("he has five children already", "he has eight children already").
const SAME_STATEMENT: f32 = 0.8;

/// Content words on each side of a count that say what it is about.
const CONTEXT_WORDS: usize = 8;

/// A pair score from which measures and bare numbers are compared, when
/// the words next to them match too.
const MEASURE_PAIR: f32 = 0.45;

/// The unit of a number that counts no named thing.
const BARE: &str = "#";

/// Content words on each side of a measure that must match the other
/// statement's ("faces [three years] in jail"), and how many must.
const ANCHOR_WORDS: usize = 2;

/// Statements whose dates lie further apart than this are about different
/// moments.
const MOMENT_DAYS: i64 = 1;

#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let counts = collect_counts(story);
    conflicts(story, &counts)
}

// ---------------------------------------------------------------------------
// Words

/// Fate classes by stem, from `numbers-fates.txt`.
static FATES: LazyLock<FxHashMap<String, usize>> = LazyLock::new(|| {
    word_classes(
        include_str!("../../assets/lexicon/numbers-fates.txt"),
        |w| Some(crate::align::stem(w)),
    )
});

/// The fate class of a word ("killed", "wounded", "freed" …), if any.
fn fate(vocab: &Vocabulary, word: &str) -> Option<usize> {
    FATES.get(&stem(vocab, word)?).copied()
}

/// The fate classes a sentence names anywhere.
fn sentence_fates(story: &Story, article: usize, sentence: usize) -> Vec<usize> {
    let a = &story.articles[article];
    let mut out: Vec<usize> = a
        .sentence_tokens(sentence)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .filter_map(|t| fate(story.vocab, t.text(&a.article.text)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

// ---------------------------------------------------------------------------
// Counts

/// A quantity of a counted thing, ready to compare.
struct Count<'a> {
    article: usize,
    sentence: usize,
    range: Range<usize>,
    /// Borrowed from the mention; owned when read from a relative date
    /// ("three years ago").
    value: Cow<'a, QuantityValue>,
    interval: Interval,
    /// The head noun, normalised (synonyms alike).
    head: String,
    /// The head's plain stem: synonyms differ here.
    stem: String,
    modifiers: Vec<String>,
    /// The modifiers that carve a part out of a group ("state", "British").
    carving: Vec<String>,
    /// Normalised content words near the count.
    context: Vec<String>,
    /// The fate classes of those words ("killed", "wounded" …).
    fates: Vec<usize>,
    /// The fate classes of the whole sentence, for a count whose nearby
    /// words name none: its words may stop at another number before the
    /// fate ("at least 66 journalists, all but 10 of them Syrian, have been
    /// killed").
    sentence_fates: Vec<usize>,
    /// A fate that a relative clause right after the count gives as what
    /// sets the group apart ("three soldiers who went missing").
    defining_fate: Option<usize>,
    /// An amount (money, a share, a duration, a size) rather than a count
    /// of things: its unit says little of what it is about.
    measure: bool,
    /// "12 other members", "nine others": a group counted against another.
    relative: bool,
    /// "One official said": one picked out of several speakers (see
    /// [`picks_one`]), compared only in a statement told twice.
    picked: bool,
    /// The word that sets the count inside a larger group, or makes it
    /// the larger group of another ("including 15 officers", "among 12
    /// members"), if any.
    part: Option<&'static str>,
    /// What the counted noun says of what is counted.
    noun: Noun,
    /// The content words nearest the number, before and after it.
    anchors: (Vec<String>, Vec<String>),
    /// How many of the context words stand before the number.
    before: usize,
}

/// What a counted noun says of what is counted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Noun {
    /// Enough to tell the group ("soldiers", "masked men").
    Telling,
    /// Little ("units", "people" alone): compared only in the same words.
    Generic,
    /// A running tally that only grows ("views", "likes").
    Tally,
}

impl Noun {
    /// A vague noun with words of its own ("four masked men") says what
    /// it counts as well as any noun does.
    fn of(head_word: &str, bare: bool) -> Noun {
        let word = head_word.to_lowercase();
        if bare && GENERIC.contains(word.as_str()) {
            Noun::Generic
        } else if TALLIES.contains(word.as_str()) {
            Noun::Tally
        } else {
            Noun::Telling
        }
    }
}

impl Count<'_> {
    fn exact(&self) -> bool {
        is_exact(&self.value)
    }

    /// The context words before the number (nearest first), then those
    /// after it.
    fn sides(&self) -> (&[String], &[String]) {
        self.context.split_at(self.before)
    }

    fn member(&self) -> Member {
        Member {
            article: self.article,
            sentence: self.sentence,
        }
    }
}

fn collect_counts<'a>(story: &Story<'a>) -> Vec<Count<'a>> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        for (mi, m) in a.mentions.iter().enumerate() {
            if let Some(c) = count(story, ai, mi, m).or_else(|| span_count(story, ai, mi, m)) {
                out.push(c);
            }
        }
    }
    out
}

fn count<'a>(story: &Story<'a>, article: usize, index: usize, m: &'a Mention) -> Option<Count<'a>> {
    let Value::Quantity(q) = &m.value else {
        return None;
    };
    if q.ordinal {
        return None;
    }
    let text = &story.articles[article].article.text;
    if denied(text, &m.range) || labels_one(text, &m.range) {
        return None;
    }
    // A number with no counted noun ("at least two of its fighters") is
    // compared like a measure: by the words around it.
    let unit = measure(text, &m.range, q.counted.as_deref()).or_else(|| {
        (q.counted.is_none() && !is_code_or_day(text, &m.range)).then(|| BARE.to_string())
    });
    if let Some(unit) = unit {
        return measure_count(story, article, index, m, unit);
    }
    let counted = q.counted.as_deref()?;
    let picked = picks_one(text, &m.range, q);
    let (head_word, modifiers) = head_and_modifiers(counted)?;
    if year_label(&text[m.range.clone()], head_word) {
        return None;
    }
    let head = normal(story.vocab, head_word)?;
    if head == "percent" {
        return None;
    }
    let carving = carving(story.vocab, &modifiers);
    let mut modifiers: Vec<String> = modifiers
        .into_iter()
        .filter_map(|w| normal(story.vocab, w))
        .collect();
    modifiers.sort();
    modifiers.dedup();
    let (context, before) = context(story, article, index, &head, &modifiers);
    let noun = Noun::of(head_word, modifiers.is_empty());
    // "12 people dead": the counted phrase may hold the fate itself.
    let fates: Vec<usize> = context
        .iter()
        .map(String::as_str)
        .chain(counted.split_whitespace())
        .filter_map(|w| fate(story.vocab, w))
        .collect();
    // Read only where the nearby words name no fate: it is used only then.
    let wide = if fates.is_empty() {
        sentence_fates(story, article, m.sentence)
    } else {
        Vec::new()
    };
    Some(Count {
        article,
        sentence: m.sentence,
        range: m.range.clone(),
        value: Cow::Borrowed(q),
        interval: Interval::of(q)?,
        stem: stem(story.vocab, head_word)?,
        fates,
        defining_fate: defining_fate(story, article, m),
        sentence_fates: wide,
        anchors: anchors(&context, before),
        before,
        context,
        head,
        modifiers,
        carving,
        measure: false,
        relative: is_relative(counted) || added(text, &m.range),
        picked,
        part: part_of(story, article, index),
        noun,
    })
}

/// A measure, or a number with no counted noun, as a count: compared by
/// its unit and the words around it.
fn measure_count<'a>(
    story: &Story<'a>,
    article: usize,
    index: usize,
    m: &'a Mention,
    unit: String,
) -> Option<Count<'a>> {
    let Value::Quantity(q) = &m.value else {
        return None;
    };
    let (context, before) = context(story, article, index, &unit, &[]);
    let value = measure_value(story, article, m, q);
    Some(Count {
        article,
        sentence: m.sentence,
        range: m.range.clone(),
        interval: Interval::of(&value)?,
        value,
        stem: unit.clone(),
        fates: Vec::new(),
        sentence_fates: Vec::new(),
        defining_fate: None,
        anchors: anchors(&context, before),
        before,
        context,
        head: unit,
        modifiers: Vec::new(),
        carving: Vec::new(),
        measure: true,
        relative: false,
        picked: false,
        // "The first 24 hours" is a stretch of time, not the opening
        // part of a series.
        part: part_of(story, article, index).filter(|&p| p != FIRST),
        noun: Noun::Telling,
    })
}

/// A measure's value as compared: approximate when it converts the figure
/// before it (see [`converted`]).
fn measure_value<'a>(
    story: &Story,
    article: usize,
    m: &Mention,
    q: &'a QuantityValue,
) -> Cow<'a, QuantityValue> {
    if converted(story, article, m) {
        Cow::Owned(QuantityValue {
            approximate: true,
            ..q.clone()
        })
    } else {
        Cow::Borrowed(q)
    }
}

/// Whether the number tells the figure before it in other units, in
/// brackets right after it: "200 kilometres (125 miles)", "1 million pesos
/// ($75,000)". Each outlet converts at its own rate and rounding: the
/// conversion is an approximate figure.
fn converted(story: &Story, article: usize, m: &Mention) -> bool {
    let a = &story.articles[article];
    let text = &a.article.text;
    let start = a.sentences[m.sentence].range.start.min(m.range.start);
    let before = text[start..m.range.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "$\u{a3}\u{20ac}\u{a5}".contains(c));
    let before = before.strip_suffix("US").unwrap_or(before);
    let Some(inside) = before.strip_suffix('(') else {
        return false;
    };
    let end = start + inside.trim_end().len();
    super::sentence_mentions(&a.mentions, m.sentence)
        .iter()
        .any(|x| x.kind == MentionKind::Quantity && x.range.end == end)
}

/// Words after which a number is a name's part, from `numbers-labels.txt`.
static LABELS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| crate::lexicon::set(include_str!("../../assets/lexicon/numbers-labels.txt")));

/// Whether the number at `range` names a model, version or flight rather
/// than counting: written in digits right after a name-like word ("`iOS` 8
/// users", "`MiG` 21 warplanes", "Flight 17 passengers"; not an acronym,
/// "the UN 15 members"), or after such a
/// number and "and" ("`MiG` 21 and 23 warplanes").
fn labels_one(text: &str, range: &Range<usize>) -> bool {
    if !text[range.clone()].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut before = text[..range.start].split_whitespace().rev();
    let name_like = |w: &str| {
        w.chars().all(char::is_alphabetic)
            && ((w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase))
                || LABELS.contains(w))
    };
    match before.next() {
        Some("and" | "or") => {
            before
                .next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                && before.next().is_some_and(name_like)
        }
        Some(w) => name_like(w),
        None => false,
    }
}

/// A year before a singular noun ("a 2007 article", "the 2014 RC
/// asteroid") names which one, not how many: four plain digits a year
/// could be, where a count of one would be written "one".
fn year_label(quote: &str, head_word: &str) -> bool {
    let first = quote.split_whitespace().next().unwrap_or("");
    first.len() == 4
        && first
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2099).contains(&y))
        && !crate::extract::words::is_plural(head_word)
}

/// A span back in time that the dates could not place ("three years
/// ago", "over the past two weeks", in an undated article) is a duration,
/// compared like one: only with another span of the same kind, by the
/// words around it. A placed span is left to the dates.
fn span_count<'a>(
    story: &Story<'a>,
    article: usize,
    index: usize,
    m: &Mention,
) -> Option<Count<'a>> {
    let Value::Date(d) = &m.value else {
        return None;
    };
    if !d.relative || d.from.is_some() {
        return None;
    }
    let text = &story.articles[article].article.text;
    let (value, unit) = span_length(&text[m.range.clone()])?;
    let q = span_value(&text[..m.range.start], value);
    let (context, before) = context(story, article, index, &unit, &[]);
    Some(Count {
        article,
        sentence: m.sentence,
        range: m.range.clone(),
        interval: Interval::of(&q)?,
        value: Cow::Owned(q),
        stem: unit.clone(),
        fates: Vec::new(),
        sentence_fates: Vec::new(),
        defining_fate: None,
        anchors: anchors(&context, before),
        before,
        context,
        head: unit,
        modifiers: Vec::new(),
        carving: Vec::new(),
        measure: true,
        relative: false,
        picked: false,
        part: None,
        noun: Noun::Telling,
    })
}

/// The length and the unit of a span back in time: "three years ago" is
/// 3 of "year ago", "the past two weeks" 2 of "week past" (a span ago is
/// a point, one over the past a stretch: they are not compared).
fn span_length(quote: &str) -> Option<(f64, String)> {
    let words: Vec<String> = quote.split_whitespace().map(str::to_lowercase).collect();
    let at = words.iter().position(|w| {
        w.chars().all(|c| c.is_ascii_digit()) || crate::extract::cardinal(w).is_some()
    })?;
    let n = words[at]
        .parse::<f64>()
        .ok()
        .or_else(|| crate::extract::cardinal(&words[at]))?;
    let unit = words.get(at + 1)?.trim_end_matches('s');
    if !matches!(unit, "hour" | "day" | "week" | "month" | "year") {
        return None;
    }
    let kind = if words.last().is_some_and(|w| w == "ago") {
        "ago"
    } else {
        "past"
    };
    Some((n, format!("{unit} {kind}")))
}

/// The value of a span's length, with the qualifier before it: "about
/// ten years ago" is approximate, "more than 18 months ago" a floor.
fn span_value(before: &str, n: f64) -> QuantityValue {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let last = words.first().map_or("", String::as_str);
    let two = (words.get(1).map_or("", String::as_str), last);
    let about = matches!(
        last,
        "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "approximately"
    );
    let floor = matches!(last, "over") || matches!(two, ("more", "than") | ("at", "least"));
    QuantityValue {
        low: Some(n),
        high: (!floor).then_some(n),
        approximate: about,
        counted: None,
        ordinal: false,
    }
}

/// "One source told …", "one official said": "one" counting the subject
/// of a speech verb picks one of several rather than counting them all, unless
/// "only", "just", "single" or "sole" makes it a total ("only one witness
/// saw it"). "One person was killed" is a count.
fn picks_one(text: &str, range: &Range<usize>, q: &QuantityValue) -> bool {
    let mut words = text[range.clone()].split_whitespace();
    let first = words.next().unwrap_or("");
    if q.low != Some(1.0) || q.high != Some(1.0) || !first.eq_ignore_ascii_case("one") {
        return false;
    }
    // The verb of its clause, within a few words ("one source close to
    // the talks told …"), before a comma or another clause.
    let clause = text[range.end..]
        .split([',', '.', ';', ':', '"', '\u{201C}'])
        .next()
        .unwrap_or("");
    let speaks = clause
        .split_whitespace()
        .take(6)
        .take_while(|w| !matches!(*w, "and" | "or" | "but"))
        .any(crate::extract::speech::is_speech_verb);
    let before = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let total = ["only", "just", "single", "sole"]
        .iter()
        .any(|w| before.eq_ignore_ascii_case(w));
    speaks && !total
}

/// Words a denial may stand before a number and still deny it: "is not
/// as big as 50 feet", "not 50".
const DENIAL_REACH: usize = 4;

/// Bytes before a number read for a denial: more than `DENIAL_REACH`
/// words of any length news uses.
const DENIAL_BYTES: usize = 80;

/// Whether the clause denies the number rather than stating it: "not"
/// or "never" a few words before it, in the same stretch of words ("the
/// crab is not as big as 50 feet"). "Not only 50" and "not just 50" state
/// it; "no more than 10", a bound, is read into the number itself.
fn denied(text: &str, range: &Range<usize>) -> bool {
    // A few words back is all a denial may reach: a fixed window keeps a
    // sentence with no punctuation linear.
    let mut from = range.start.saturating_sub(DENIAL_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let stretch = text[from..range.start]
        .rsplit([',', '.', ';', ':', '(', '"', '\u{201C}', '\u{2014}'])
        .next()
        .unwrap_or("");
    let words: Vec<String> = stretch
        .split_whitespace()
        .rev()
        .take(DENIAL_REACH)
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    // Nearest word first: the word after a denial is the one before it here.
    words.iter().enumerate().any(|(i, w)| {
        let denial = w == "not" || w == "never" || w.ends_with("n't");
        let then = i.checked_sub(1).map(|j| words[j].as_str());
        denial && !matches!(then, Some("only" | "just" | "even"))
    })
}

/// The fate in a relative clause right after a count: "who went
/// missing", "that were freed", "who had been killed". It names which of
/// a larger group are counted.
fn defining_fate(story: &Story, article: usize, m: &Mention) -> Option<usize> {
    let a = &story.articles[article];
    let end = a.sentences[m.sentence].range.end;
    let mut tokens = Vec::new();
    tokenize(&a.article.text, m.range.end..end, &mut tokens);
    let mut words = tokens
        .iter()
        .take_while(|t| t.kind == Kind::Word)
        .map(|t| t.text(&a.article.text).to_lowercase());
    if !matches!(words.next().as_deref(), Some("who" | "that" | "which")) {
        return None;
    }
    // The clause's verb comes within a few words: "who had been killed",
    // "who went missing".
    words.take(3).find_map(|w| fate(story.vocab, &w))
}

/// Counted nouns that say little of what is counted, from
/// `numbers-generic.txt`.
static GENERIC: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| crate::lexicon::set(include_str!("../../assets/lexicon/numbers-generic.txt")));

/// Counted nouns of a running tally, from `numbers-tallies.txt`.
static TALLIES: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| crate::lexicon::set(include_str!("../../assets/lexicon/numbers-tallies.txt")));

/// Words before a count that set it among a larger group, from
/// `numbers-part.txt`.
static PART: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| crate::lexicon::set(include_str!("../../assets/lexicon/numbers-part.txt")));

/// Modifiers that carve a part out of a group, from `numbers-subgroups.txt`.
static SUBGROUP: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
    crate::lexicon::set(include_str!("../../assets/lexicon/numbers-subgroups.txt"))
});

/// The words of `numbers-series.txt`: those before a count that add it to
/// a group told before, those before "more" and those after a count that
/// tell a further part.
struct Series {
    added: FxHashSet<&'static str>,
    more: FxHashSet<&'static str>,
    next: FxHashSet<&'static str>,
}

static SERIES: LazyLock<Series> = LazyLock::new(|| {
    let file =
        crate::lexicon::Lexicon::parse(include_str!("../../assets/lexicon/numbers-series.txt"));
    Series {
        added: file.section_set("added"),
        more: file.section_set("more"),
        next: file.section_set("next"),
    }
});

/// The part label of a count that opens a series, the same as "the first
/// seven shots" gets from `numbers-part.txt`.
const FIRST: &str = "first";

/// Words after a count read for a further part of the series.
const SERIES_WORDS: usize = 24;

/// What sets count `index` inside a larger group, or makes it the larger
/// group of another: a word before it from `numbers-part.txt`, a
/// partitive "of" ("one of the three sources", "of the 1,500 species,
/// only 30": the count after "of" is a whole), or a further part told
/// after it ("six shots, then four more": the first of a series).
fn part_of(story: &Story, article: usize, index: usize) -> Option<&'static str> {
    part_before(story, article, index)
        .or_else(|| opens_series(story, article, index).then_some(FIRST))
}

/// Whether the sentence goes on, after count `index`, to a further part
/// of the same series: "four more", "several more" (not "more than"),
/// "another" or "a second" standing for a noun ("killed one soldier and
/// wounded another", "another 20"). The count is then its first part, not
/// the whole.
fn opens_series(story: &Story, article: usize, index: usize) -> bool {
    let a = &story.articles[article];
    let m = &a.mentions[index];
    let end = a.sentences[m.sentence].range.end.max(m.range.end);
    let words: Vec<String> = a.article.text[m.range.end..end]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != ',' && c != '.')
        .filter(|w| !w.is_empty())
        .take(SERIES_WORDS)
        .map(str::to_lowercase)
        .collect();
    let number = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
            || crate::extract::cardinal(w).is_some()
    };
    // A word standing for a noun: the clause ends there, or a stop word
    // or a number follows ("another from its fin", "another 20").
    let stands_alone = |i: usize| {
        words[i].ends_with([',', '.'])
            || words
                .get(i + 1)
                .is_none_or(|n| number(n) || super::counts::is_stop(n.trim_end_matches([',', '.'])))
    };
    (0..words.len()).any(|i| {
        let w = words[i].trim_end_matches([',', '.']);
        let prev = i.checked_sub(1).map(|j| words[j].as_str());
        match w {
            "more" => {
                prev.is_some_and(|p| number(p) || SERIES.more.contains(p))
                    && words.get(i + 1).is_none_or(|n| n != "than")
            }
            _ if SERIES.next.contains(w) => {
                let after_one = prev == Some("one") && w == "another";
                let article_before = w != "second" || prev == Some("a");
                !after_one && article_before && stands_alone(i)
            }
            _ => false,
        }
    })
}

/// Whether the word right before a count adds it to a group told before:
/// "an additional eight people", "another 40 families".
fn added(text: &str, range: &Range<usize>) -> bool {
    text[..range.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| SERIES.added.contains(w.to_lowercase().as_str()))
}

/// What a word right before count `index` (or a partitive "of") sets it
/// in; see [`part_of`].
fn part_before(story: &Story, article: usize, index: usize) -> Option<&'static str> {
    let a = &story.articles[article];
    let m = &a.mentions[index];
    let sentence_start = a.sentences[m.sentence].range.start;
    let mut words = a.article.text[sentence_start..m.range.start]
        .split(|c: char| !c.is_alphanumeric() && c != ',')
        .rev()
        .filter(|w| !w.is_empty());
    let mut word = words.next()?.to_lowercase();
    if LEADING.contains(&word.as_str()) {
        word = words.next()?.to_lowercase();
    }
    if word == "of" {
        // "of" is partitive after a number or at the head of a clause,
        // not after a noun ("the lives of 25 insurgents").
        let before = words.next();
        let partitive = before.is_none_or(|w| {
            w.ends_with(',')
                || w.chars().all(|c| c.is_ascii_digit())
                || crate::extract::cardinal(w).is_some()
        });
        return partitive.then_some("of");
    }
    PART.get(word.as_str()).copied()
}

/// Words between a part word and its count: "among the 12", "including
/// about 15".
const LEADING: &[&str] = &[
    "the", "a", "an", "some", "about", "around", "nearly", "almost",
];

/// A bare number that is part of something else: a day after a month
/// ("Aug. 19"), a compound ("100-year-old"), or a run of digits (a phone
/// number, "13 11 14").
fn is_code_or_day(text: &str, range: &Range<usize>) -> bool {
    let after = text[range.end..]
        .strip_prefix('+')
        .unwrap_or(&text[range.end..]);
    let glued = after
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && !",.;:!?)\"'\u{201d}\u{2019}".contains(c));
    let next = after.split_whitespace().next().unwrap_or("");
    let prev = text[..range.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let digit = |w: &str, last: bool| {
        let c = if last {
            w.chars().last()
        } else {
            w.chars().next()
        };
        c.is_some_and(|c| c.is_ascii_digit())
    };
    glued
        || digit(next, false)
        || digit(prev, true)
        || crate::text::dates::month(prev.trim_end_matches('.')).is_some()
}

/// The content words nearest a number: `context` holds the words before
/// it (nearest first), then those after it.
fn anchors(context: &[String], before: usize) -> (Vec<String>, Vec<String>) {
    let (b, a) = context.split_at(before);
    (
        b.iter().take(ANCHOR_WORDS).cloned().collect(),
        a.iter().take(ANCHOR_WORDS).cloned().collect(),
    )
}

/// The normalised content words around mention `index`, up to the
/// neighbouring quantities, without the counted phrase itself: those
/// before it (nearest first), then those after it, and how many are before.
fn context(
    story: &Story,
    article: usize,
    index: usize,
    head: &str,
    modifiers: &[String],
) -> (Vec<String>, usize) {
    let a = &story.articles[article];
    let m = &a.mentions[index];
    let sentence = a.sentences[m.sentence].range.clone();
    let quantities = || {
        super::sentence_mentions(&a.mentions, m.sentence)
            .iter()
            .filter(|x| x.kind == MentionKind::Quantity)
    };
    let start = quantities()
        .map(|x| x.range.end)
        .filter(|&e| e <= m.range.start)
        .max()
        .unwrap_or(sentence.start);
    let end = quantities()
        .map(|x| x.range.start)
        .filter(|&s| s >= m.range.end)
        .min()
        .unwrap_or(sentence.end);
    let words = |range: Range<usize>| -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(&a.article.text, range, &mut tokens);
        tokens
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .filter_map(|t| normal(story.vocab, t.text(&a.article.text)))
            .filter(|w| w != head && !modifiers.contains(w))
            .collect()
    };
    let before = words(start..m.range.start);
    let mut out: Vec<String> = before.iter().rev().take(CONTEXT_WORDS).cloned().collect();
    let before = out.len();
    out.extend(words(m.range.end..end).into_iter().take(CONTEXT_WORDS));
    (out, before)
}

// ---------------------------------------------------------------------------
// Same thing, same moment

/// Whether two counts count the same thing: alike heads, and modifiers that
/// agree; a strong alignment may leave a modifier out on one side or use a
/// synonym for the head ("captives" for "hostages").
fn same_thing(a: &Count, b: &Count, score: f32, told: &Descriptions) -> bool {
    let strong = score >= STRONG_PAIR;
    if a.head != b.head || a.measure != b.measure || a.relative != b.relative || a.part != b.part {
        return false;
    }
    if a.measure {
        return (score >= MEASURE_PAIR && same_anchors(a, b, true)) || framed_alike(a, b);
    }
    if a.noun == Noun::Generic || b.noun == Noun::Generic {
        return same_anchors(a, b, score >= MEASURE_PAIR);
    }
    let described = !a.modifiers.is_empty() && a.modifiers == b.modifiers;
    if a.stem != b.stem && !strong && !described {
        return false;
    }
    if a.modifiers == b.modifiers || told.together(a, b) {
        return true;
    }
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    strong && (within(&a.modifiers, &b.modifiers) || within(&b.modifiers, &a.modifiers))
}

/// The modifiers the story gives one counted noun at once, by head: "21
/// Egyptian Coptic Christians" says that "Egyptian Christians" and "Coptic
/// Christians" may be one group.
struct Descriptions<'c>(FxHashMap<&'c str, Vec<&'c [String]>>);

impl<'c> Descriptions<'c> {
    fn of(counts: &'c [Count]) -> Self {
        let mut by_head: FxHashMap<&str, Vec<&[String]>> = FxHashMap::default();
        for c in counts.iter().filter(|c| c.modifiers.len() >= 2) {
            by_head.entry(&c.head).or_default().push(&c.modifiers);
        }
        Descriptions(by_head)
    }

    /// Whether two counts of one head, each with modifiers the other lacks,
    /// are described together somewhere in the story.
    fn together(&self, a: &Count, b: &Count) -> bool {
        let holds = |big: &[String], small: &[String]| small.iter().all(|w| big.contains(w));
        !a.modifiers.is_empty()
            && !b.modifiers.is_empty()
            && self.0.get(a.head.as_str()).is_some_and(|sets| {
                sets.iter()
                    .any(|s| holds(s, &a.modifiers) && holds(s, &b.modifiers))
            })
    }
}

/// Whether two measures stand in the same words: the same unit says little
/// of what is measured ("five years in jail", "five years ago"), so the
/// nearest words on each side must meet (or both sides have none). In
/// aligned statements (`wide`) a side also meets where the nearest words
/// of one count stand a little further from the other ("presented with
/// $50, a gift card" and "presented with $50, letters of thanks, a gift
/// card"; "could face up to" and "could spend up to"), but not where
/// neither count's nearest words are found by the other ("spent $4
/// million on the new swing bridge", "on the new ferry pier").
fn same_anchors(a: &Count, b: &Count, wide: bool) -> bool {
    let shared = |x: &[String], y: &[String]| x.iter().any(|w| y.contains(w));
    let ((ab, aa), (bb, ba)) = (a.sides(), b.sides());
    // A side with no words on one count (the sentence ends there) says
    // nothing against the other's.
    let meet = |x: &[String], y: &[String], x_side: &[String], y_side: &[String]| {
        x.is_empty()
            || y.is_empty()
            || shared(x, y)
            || (wide && (shared(x, y_side) || shared(y, x_side)))
    };
    (shared(&a.anchors.0, &b.anchors.0) || shared(&a.anchors.1, &b.anchors.1))
        && meet(&a.anchors.0, &b.anchors.0, ab, bb)
        && meet(&a.anchors.1, &b.anchors.1, aa, ba)
}

/// Whether two measures of a unit stand between the same words on both
/// sides ("it weighs 173.5 grams, a whopping …" in two articles): then
/// they measure one thing, however little else the statements share.
fn framed_alike(a: &Count, b: &Count) -> bool {
    let meet = |x: &[String], y: &[String]| x.iter().any(|w| y.contains(w));
    a.head != BARE && meet(&a.anchors.0, &b.anchors.0) && meet(&a.anchors.1, &b.anchors.1)
}

/// Whether the words around two counts speak of the same thing: at least one
/// word in common, and no different fates ("killed" against "wounded").
fn same_context<'a>(a: &'a Count, b: &'a Count, score: f32) -> bool {
    // Counts with no words of their own between their neighbours ("the
    // beheadings of two Americans and two Britons") lean on the statement:
    // a strong alignment says it is one.
    let bare = (a.context.is_empty() || b.context.is_empty()) && score >= STRONG_PAIR;
    if !bare && !a.context.iter().any(|w| b.context.contains(w)) {
        return false;
    }
    // Where a count's nearby words name no fate, its sentence's do.
    let (fa, fb) = (wide_fates(a), wide_fates(b));
    // A group set apart by its fate is not a group described without it:
    // "three soldiers who went missing" are not "a dozen soldiers still
    // in the exercise".
    let defined = |x: &Count, other: &[usize]| x.defining_fate.is_none_or(|f| other.contains(&f));
    if !defined(a, fb) || !defined(b, fa) {
        return false;
    }
    fa.is_empty() || fb.is_empty() || fa.iter().any(|f| fb.contains(f))
}

/// The days a sentence speaks of: an absolute date it states, and whether
/// it stated one; else its article's date or inferred window.
fn moment(story: &Story, article: usize, sentence: usize) -> (Option<(Date, Date)>, bool) {
    let a = &story.articles[article];
    let stated = super::sentence_mentions(&a.mentions, sentence)
        .iter()
        .filter_map(|m| match &m.value {
            Value::Date(d) if !d.relative => d.from.zip(d.to),
            _ => None,
        })
        .reduce(|(f1, t1), (f2, t2)| (f1.min(f2), t1.max(t2)));
    if stated.is_some() {
        return (stated, true);
    }
    if let Some(d) = story.date(article) {
        return (Some((d, d)), false);
    }
    // An open window ("1993 … ?": the latest year it mentions) says when
    // the article was not written, not when it was: it places no
    // statement.
    let window = a.inferred.as_ref().and_then(|w| w.from.zip(w.to));
    (window, false)
}

/// Whether two statements are about the same moment. Only a stated date
/// separates them; far-apart publications are a change over time instead.
fn same_moment(story: &Story, a: &Count, b: &Count) -> bool {
    let (ma, stated_a) = moment(story, a.article, a.sentence);
    let (mb, stated_b) = moment(story, b.article, b.sentence);
    if !stated_a && !stated_b {
        return true;
    }
    let (Some((fa, ta)), Some((fb, tb))) = (ma, mb) else {
        return false;
    };
    let gap = |to: Date, from: Date| to.until(from).map_or(0, |s| i64::from(s.get_days()));
    gap(ta, fb) <= MOMENT_DAYS && gap(tb, fa) <= MOMENT_DAYS
}

// ---------------------------------------------------------------------------
// Conflicts between articles

/// Two counts of the same thing in aligned statements, or in statements
/// that restate each other unaligned (`score` zero).
struct Link {
    x: usize,
    y: usize,
    score: f32,
    compatible: bool,
    /// Context words the counts share, for an unaligned link (zero when
    /// aligned).
    shared: usize,
}

impl Link {
    fn aligned(&self) -> bool {
        self.score > 0.0
    }
}

fn links(story: &Story, counts: &[Count]) -> Vec<Link> {
    let mut by_sentence: FxHashMap<Member, Vec<usize>> = FxHashMap::default();
    for (i, c) in counts.iter().enumerate() {
        by_sentence.entry(c.member()).or_default().push(i);
    }
    let told = Descriptions::of(counts);
    let mut out = Vec::new();
    for p in story.pairs.iter().filter(|p| p.a.article != p.b.article) {
        let (Some(xs), Some(ys)) = (by_sentence.get(&p.a), by_sentence.get(&p.b)) else {
            continue;
        };
        for &x in xs {
            for &y in ys {
                let (a, b) = (&counts[x], &counts[y]);
                // "One official said" against "four officials said" of one
                // statement told twice disagrees on who speaks; in other
                // statements they are other speakers.
                if (a.picked || b.picked) && p.score < SAME_STATEMENT {
                    continue;
                }
                let thing =
                    same_thing(a, b, p.score, &told) || sole_told_alike(counts, xs, ys, x, y);
                if thing && same_context(a, b, p.score) && same_moment(story, a, b) {
                    out.push(Link {
                        x,
                        y,
                        score: p.score,
                        compatible: compatible(a, b),
                        shared: 0,
                    });
                }
            }
        }
    }
    // The score of each aligned pair, both ways: a pair aligned too weakly
    // for its measures to be compared there ([`MEASURE_PAIR`]) leaves them
    // to the unaligned tests, or neither path would compare them. Counts
    // the aligned path already linked are not linked twice.
    let aligned: FxHashMap<(Member, Member), f32> = story
        .pairs
        .iter()
        .flat_map(|p| [((p.a, p.b), p.score), ((p.b, p.a), p.score)])
        .collect();
    let linked: FxHashSet<(usize, usize)> = out
        .iter()
        .flat_map(|l: &Link| [(l.x, l.y), (l.y, l.x)])
        .collect();
    out.extend(
        restated(story, counts, &aligned, &told)
            .into_iter()
            .filter(|l| !linked.contains(&(l.x, l.y))),
    );
    out
}

/// Whether two measures (or vague counts) of one unit in aligned
/// statements are one figure told in other words: each is the only
/// count of its unit in its sentence, its nearest words are found among
/// the other's, and the words around them share as many
/// as make two unaligned statements one figure told alike ("crews
/// fought the blaze at the timber yard for three days, the fire service
/// said" and "the fire service said six days passed before crews could
/// control the timber yard blaze"). The nearest words alone miss a figure
/// told in another order.
fn sole_told_alike(counts: &[Count], xs: &[usize], ys: &[usize], x: usize, y: usize) -> bool {
    let (a, b) = (&counts[x], &counts[y]);
    let vague_or_measure = |c: &Count| c.measure || c.noun == Noun::Generic;
    let sole = |c: &Count, own: &[usize]| {
        own.iter()
            .filter(|&&i| counts[i].head == c.head && counts[i].measure == c.measure)
            .count()
            == 1
    };
    a.head == b.head
        && a.head != BARE
        && a.measure == b.measure
        && a.relative == b.relative
        && a.part == b.part
        && vague_or_measure(a)
        && vague_or_measure(b)
        && shared_words(a, b) >= TOLD_ALIKE_WORDS
        && nearest_found(a, b)
        && nearest_found(b, a)
        && sole(a, xs)
        && sole(b, ys)
        && wide_fates(a).is_empty() == wide_fates(b).is_empty()
        && !states_elsewhere(counts, a, b)
        && !states_elsewhere(counts, b, a)
}

/// Whether each side of `a`'s nearest words is found somewhere among
/// `b`'s words, in any order ("for three days, the fire service said" and
/// "the fire service said six days passed"): words next to one figure
/// that the other statement lacks say what sets it apart ("spent $4
/// million on the new swing bridge", "$9 million on the new ferry pier").
fn nearest_found(a: &Count, b: &Count) -> bool {
    let found = |side: &[String]| side.is_empty() || side.iter().any(|w| b.context.contains(w));
    found(&a.anchors.0) && found(&a.anchors.1)
}

/// The fates a count's nearby words name, else its sentence's.
fn wide_fates<'c>(c: &'c Count) -> &'c [usize] {
    if c.fates.is_empty() {
        &c.sentence_fates
    } else {
        &c.fates
    }
}

/// Whether `c`'s article gives, in another sentence, a figure of `c`'s
/// unit that agrees with `other`: the article then tells both figures,
/// of two things ("$800 on average" over a range, "$600" for its
/// cheapest model), and the sentences that seemed alike speak of each.
fn states_elsewhere(counts: &[Count], c: &Count, other: &Count) -> bool {
    counts.iter().any(|d| {
        d.article == c.article
            && d.sentence != c.sentence
            && d.head == c.head
            && d.measure == c.measure
            && compatible(d, other)
    })
}

/// Whether the two measures of link `l` are two figures that both
/// articles tell: each article gives, in another sentence, the other's
/// very figure in the unit ("$600" for the gold case and "$1,200" for the
/// whole watch, in both). The sentences that seemed alike then speak of
/// two amounts, one each. Only the same figure counts, not one that merely
/// fits ("up to $10,000"): an article that tells one figure twice and
/// changes it once still disagrees with itself and with the other.
fn tell_both(counts: &[Count], l: &Link) -> bool {
    let (a, b) = (&counts[l.x], &counts[l.y]);
    a.measure && tells_elsewhere(counts, a, b) && tells_elsewhere(counts, b, a)
}

/// Whether `c`'s article gives, in another sentence, `other`'s figure in
/// `c`'s unit.
fn tells_elsewhere(counts: &[Count], c: &Count, other: &Count) -> bool {
    counts.iter().any(|d| {
        d.article == c.article
            && d.sentence != c.sentence
            && d.head == c.head
            && d.measure == c.measure
            && same_figure(&d.value, &other.value)
    })
}

/// Whether two quantities give one figure: the same value or bound, or
/// a round figure and the exact one it rounds.
fn same_figure(a: &QuantityValue, b: &QuantityValue) -> bool {
    let figure = |q: &QuantityValue| {
        exact_value(q).or(match (q.low, q.high) {
            (Some(low), None) => Some(low),
            (None, Some(high)) => Some(high),
            _ => None,
        })
    };
    figure(a).zip(figure(b)).is_some_and(|(x, y)| {
        (x - y).abs() < f64::EPSILON * x.abs().max(1.0) || rounds_to(x, y) || rounds_to(y, x)
    })
}

/// Context words two counts of unaligned statements must share, beside
/// the counted phrase, to be one figure told twice: "killed 12 people and
/// injured 11" and "shooting 12 people dead" share too little; "the £15.95
/// no-show fee invoice slipped into his school bag" and "the invoice for
/// £15.95 slipped into his school bag" do.
const RESTATED_WORDS: usize = 3;

/// Context words that make two unaligned statements one figure told
/// alike, enough to set one article's figure against another's with no
/// third article to back either, when neither count is linked to any
/// other: "the murders of seven people, including Sharon Tate" and "the
/// brutal murders of ten people, including Sharon Tate" (tuned on the
/// harness's tuning half: three words brought in a watch's price against
/// a band's).
const TOLD_ALIKE_WORDS: usize = 4;

/// Whether two counts of unaligned statements, sharing `shared` context
/// words, tell one figure alike: in nearly the same words, or in a few
/// words about a group both describe the same way ("four masked men").
fn told_alike(a: &Count, b: &Count, shared: usize) -> bool {
    let described = !a.modifiers.is_empty() && a.modifiers == b.modifiers;
    shared >= TOLD_ALIKE_WORDS || (described && shared >= RESTATED_WORDS)
}

/// Most counts of one thing in a story compared unaligned: a noun counted
/// more often names many groups, and the pairs stay few.
const MAX_RESTATED: usize = 64;

/// Whether two counts of one head in unaligned statements count the same
/// thing: a measure by the words next to it, before it at least ("cost
/// $349 when it launches", "cost $349, but"); a vague noun ("people") by
/// its neighbours or a fate both name ("killed 12 people", "left 12 people
/// dead"); any other noun by modifiers one of which holds the other's
/// ("21 Coptic Christians", "21 Egyptian Coptic Christians").
fn restated_thing(a: &Count, b: &Count, told: &Descriptions) -> bool {
    let meet = |x: &[String], y: &[String]| x.iter().any(|w| y.contains(w));
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    if a.measure {
        same_anchors(a, b, false) || meet(&a.anchors.0, &b.anchors.0)
    } else if a.noun == Noun::Generic || b.noun == Noun::Generic {
        same_anchors(a, b, false) || meet_fates(a, b)
    } else {
        a.relative == b.relative
            && (within(&a.modifiers, &b.modifiers)
                || within(&b.modifiers, &a.modifiers)
                || told.together(a, b))
    }
}

fn meet_fates(a: &Count, b: &Count) -> bool {
    a.fates.iter().any(|f| b.fates.contains(f))
}

/// Counts of the same thing in statements of different articles that were
/// not aligned but tell the same figure in other words: the same counted
/// phrase, fates that agree, and words around the number in common. Such
/// a link only ever backs a figure or, with several articles against one,
/// sets a lone figure apart (see [`conflicts`]).
fn restated(
    story: &Story,
    counts: &[Count],
    aligned: &FxHashMap<(Member, Member), f32>,
    told: &Descriptions,
) -> Vec<Link> {
    let mut by_head: FxHashMap<(&str, bool), Vec<usize>> = FxHashMap::default();
    // A bare number says too little of what it counts to be found again
    // outside an aligned statement.
    for (i, c) in counts.iter().enumerate().filter(|(_, c)| c.head != BARE) {
        by_head
            .entry((c.head.as_str(), c.measure))
            .or_default()
            .push(i);
    }
    let mut out = Vec::new();
    for group in by_head.values().filter(|g| g.len() <= MAX_RESTATED) {
        for (k, &x) in group.iter().enumerate() {
            for &y in &group[k + 1..] {
                let (a, b) = (&counts[x], &counts[y]);
                // Unaligned, a fate on one side only may be another group
                // ("12 members were injured", "14 members defected").
                // The cheap tests first: most pairs fail them.
                if a.article == b.article
                    || a.picked
                    || b.picked
                    || a.part != b.part
                    || a.fates.is_empty() != b.fates.is_empty()
                    || !restated_thing(a, b, told)
                    || !story.same_story(a.article, b.article)
                    || aligned
                        .get(&(a.member(), b.member()))
                        .is_some_and(|&score| !a.measure || score >= MEASURE_PAIR)
                {
                    continue;
                }
                let shared = shared_words(a, b);
                if shared >= RESTATED_WORDS && same_context(a, b, 0.0) && same_moment(story, a, b) {
                    out.push(Link {
                        x,
                        y,
                        score: 0.0,
                        compatible: compatible(a, b),
                        shared,
                    });
                }
            }
        }
    }
    out
}

/// How far apart two ceilings may lie and still agree, as a share of the
/// larger: "up to 10 million" and "up to 10.5 million".
const BOUND_SHARE: f64 = 0.1;

/// The same for two floors ("at least", "more than"): reporters give the
/// floor they can confirm, so "more than a dozen women" and "at least 15"
/// are both right; a floor three times another is another count.
const FLOOR_SHARE: f64 = 0.4;

/// Whether two counts of one thing can both be right. Two bounds of the
/// same side state that bound ("weighs up to 40 pounds", "up to 120
/// pounds"; "at least two fighters", "at least six"): they agree only
/// when the bounds do, though every value under both maxima fits both.
fn compatible(a: &Count, b: &Count) -> bool {
    let side = |c: &Count| match (c.value.low, c.value.high) {
        (None, Some(high)) => Some((false, high)),
        (Some(low), None) => Some((true, low)),
        _ => None,
    };
    // A floor of a running tally is one reading of a growing counter: an
    // article written later reads more, one written earlier less.
    if running_floor(a) || running_floor(b) {
        return true;
    }
    if fits_as_subgroup(a, b) || fits_as_subgroup(b, a) {
        return true;
    }
    match (side(a), side(b)) {
        // "Thousands", "dozens of": a word for an order of magnitude is a
        // floor no one counted, and any other floor may stand with it
        // ("thousands of followers", "over a million followers").
        (Some((true, _)), Some((true, _))) if vague(a) || vague(b) => true,
        (Some((x, bx)), Some((y, by))) if x == y => {
            let share = if x { FLOOR_SHARE } else { BOUND_SHARE };
            (bx - by).abs() <= bx.max(by) * share
        }
        _ => a.interval.overlaps(b.interval) || rounded(a, b) || rounded(b, a),
    }
}

/// The normal forms of the modifiers that carve a part out of a group: a
/// capitalised one ("British") or one of `numbers-subgroups.txt`.
fn carving(vocab: &Vocabulary, modifiers: &[&str]) -> Vec<String> {
    modifiers
        .iter()
        .filter(|w| is_capitalised(w) || SUBGROUP.contains(w.to_lowercase().as_str()))
        .filter_map(|w| normal(vocab, w))
        .collect()
}

/// Whether `sub`, set apart from `group` by a word that carves a part out
/// of it ("two state police officers" against "22 police officers", "two
/// British men" against "at least 13 men"), may count a part of it: a
/// part is never larger than its group, so only a larger part disagrees.
/// A word that only describes the group again ("a dozen commercial
/// jetliners") leaves one group counted twice.
fn fits_as_subgroup(group: &Count, sub: &Count) -> bool {
    sub.modifiers.len() > group.modifiers.len()
        && group.modifiers.iter().all(|w| sub.modifiers.contains(w))
        && sub.carving.iter().any(|w| !group.modifiers.contains(w))
        && sub.interval.high <= group.interval.high
}

/// A floor of a running tally: "more than 26 million views".
fn running_floor(c: &Count) -> bool {
    c.noun == Noun::Tally && c.value.low.is_some() && c.value.high.is_none()
}

/// A vague plural ("dozens", "thousands of"): a floor read as approximate,
/// where "at least" and "more than" are exact floors.
fn vague(c: &Count) -> bool {
    c.value.approximate && c.value.low.is_some() && c.value.high.is_none()
}

/// Share of a round figure within which another is the same figure told
/// exactly: "$350" for "$349", "1,000 people" for "1,004".
const ROUNDING_SHARE: f64 = 0.01;

/// Share of a figure with one significant digit, a thousand or more,
/// within which another is the same figure rounded: "a $2,000 tip" for
/// "$2,084", "3 million" for "2.9 million".
const ROUND_THOUSANDS_SHARE: f64 = 0.05;

/// Whether `round`'s value is a round number (a multiple of ten) that
/// `exact`'s value rounds to.
fn rounded(round: &Count, exact: &Count) -> bool {
    exact_value(&round.value)
        .zip(exact_value(&exact.value))
        .is_some_and(|(r, e)| rounds_to(r, e))
}

/// The value of a quantity that is neither a bound nor a range.
fn exact_value(q: &QuantityValue) -> Option<f64> {
    q.low.filter(|&low| Some(low) == q.high)
}

/// Whether `e` is `r` told exactly, `r` a round number: within 1% of a
/// multiple of ten, within 5% of a figure with one significant digit
/// from a thousand on.
fn rounds_to(r: f64, e: f64) -> bool {
    if r < 10.0 || r % 10.0 != 0.0 {
        return false;
    }
    let scale = 10f64.powi(r.log10().floor() as i32);
    let one_digit = r >= 1000.0 && (r / scale).fract() == 0.0;
    let share = if one_digit {
        ROUND_THOUSANDS_SHARE
    } else {
        ROUNDING_SHARE
    };
    (r - e).abs() <= r * share
}

/// Whether the article of `x` also gives, elsewhere, a count of the same
/// thing that agrees with `y`: it then speaks of two groups ("three
/// hostages" freed today, "33 hostages" in the whole phase), not of one
/// group counted differently. A bare number beside `x` that agrees with `y`
/// ("three hostages today, 33 in all") says the same.
fn knows_other(
    story: &Story,
    counts: &[Count],
    partners: &Partners,
    x: usize,
    y: usize,
    told_twice: bool,
) -> bool {
    let (cx, cy) = (&counts[x], &counts[y]);
    // A bound ("at least 40") names no particular group; only a value does.
    // Against a bound of y's, a value says y's figure only when it is that
    // bound's figure: "1,982 godsons over three terms" says nothing of
    // "over six terms".
    let bound = match (cy.value.low, cy.value.high) {
        (Some(low), None) => Some(low),
        (None, Some(high)) => Some(high),
        _ => None,
    };
    let agrees = |q: &QuantityValue| {
        let Some(i) = Interval::of(q).filter(|_| q.low.is_some() && q.high.is_some()) else {
            return false;
        };
        // A round figure beside an exact one agrees with it ("starting at
        // $349" beside "$350").
        let round = exact_value(q)
            .zip(exact_value(&cy.value))
            .is_some_and(|(a, b)| rounds_to(a, b) || rounds_to(b, a));
        round
            || match bound {
                Some(b) => i.low <= b * (1.0 + BOUND_SHARE) && b * (1.0 - BOUND_SHARE) <= i.high,
                None => i.overlaps(cy.interval),
            }
    };
    // Counts are collected article by article: the article's are one run.
    let from = counts.partition_point(|c| c.article < cx.article);
    let to = from + counts[from..].partition_point(|c| c.article == cx.article);
    // A measure's unit says little of what it measures ("2.5% of each
    // sale", "2.5% of one's wealth"): only the same sentence tells.
    // When x's statement is told twice, only its own sentence can speak of
    // two groups: another sentence of the article with y's value is the
    // article disagreeing with itself.
    let counted_elsewhere = (from..to).zip(&counts[from..to]).any(|(i, c)| {
        i != x
            && c.head == cy.head
            && c.modifiers == cy.modifiers
            && (!(cx.measure || told_twice) || c.sentence == cx.sentence)
            && agrees(&c.value)
            && !retells(cx, c)
            && !partners.answers_other(counts, i, y)
    });
    // A bare number beside x, not a measure ("again in three months" says
    // nothing of "three surgeries").
    let text = &story.articles[cx.article].article.text;
    let bare = |m: &Mention| measure(text, &m.range, None).is_none();
    counted_elsewhere
        || story.mentions(cx.member()).any(|m| {
            matches!(&m.value, Value::Quantity(q) if q.counted.is_none() && !q.ordinal && agrees(q))
                && bare(m)
        })
}

/// The counts each count agrees with in aligned statements.
struct Partners(FxHashMap<usize, Vec<usize>>);

impl Partners {
    fn of(links: &[Link]) -> Self {
        let mut by_count: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for l in links.iter().filter(|l| l.compatible && l.aligned()) {
            by_count.entry(l.x).or_default().push(l.y);
            by_count.entry(l.y).or_default().push(l.x);
        }
        Partners(by_count)
    }

    /// Whether count `c` agrees, in `y`'s article, with another count
    /// and not with `y`: it tells that other figure ("four hours of
    /// battery life … every four hours" told twice in both articles), so
    /// it says nothing of a second group beside `y`'s.
    fn answers_other(&self, counts: &[Count], c: usize, y: usize) -> bool {
        let Some(zs) = self.0.get(&c) else {
            return false;
        };
        let mut there = zs
            .iter()
            .filter(|&&z| counts[z].article == counts[y].article)
            .peekable();
        there.peek().is_some() && there.all(|&z| z != y)
    }
}

/// How many of `a`'s context words `b`'s context holds.
fn shared_words(a: &Count, b: &Count) -> usize {
    a.context.iter().filter(|w| b.context.contains(w)).count()
}

/// Whether two counts of one article, in other sentences, tell one
/// statement twice: the same fate and the words around it ("12 people dead
/// in the attack on the magazine", "the attack on the magazine left 12
/// people dead"). Told twice with two values, the article disagrees with
/// itself; it does not count two groups.
fn retells(x: &Count, c: &Count) -> bool {
    c.sentence != x.sentence
        && x.fates.iter().all(|f| c.fates.contains(f))
        && c.fates.iter().all(|f| x.fates.contains(f))
        && shared_words(x, c) >= RESTATED_WORDS
}

/// How many other articles agree with each count.
fn support(counts: &[Count], links: &[Link]) -> Vec<usize> {
    let mut agreeing: Vec<Vec<usize>> = vec![Vec::new(); counts.len()];
    for l in links.iter().filter(|l| l.compatible) {
        agreeing[l.x].push(counts[l.y].article);
        agreeing[l.y].push(counts[l.x].article);
    }
    agreeing
        .into_iter()
        .map(|mut articles| {
            articles.sort_unstable();
            articles.dedup();
            articles.len()
        })
        .collect()
}

/// One finding per claim, counterpart value and time frame, where a
/// disagreement has more than two sides.
type GroupKey = (usize, String, bool);

/// Two counts that disagree after every gate, with their pair score.
type Clash = (usize, usize, f32);

/// The claim's counts and the counterparts, with their best pair score.
type Sides = (Vec<usize>, Vec<(usize, f32)>);

fn conflicts(story: &Story, counts: &[Count]) -> Vec<Finding> {
    let links = links(story, counts);
    let support = support(counts, &links);
    let partners = Partners::of(&links);
    // How many links each count is in, agreeing or not.
    let mut linked = vec![0usize; counts.len()];
    for l in &links {
        linked[l.x] += 1;
        linked[l.y] += 1;
    }
    let mut clashes: [Vec<Clash>; 2] = [Vec::new(), Vec::new()];
    for l in links.iter().filter(|l| !l.compatible) {
        // Unaligned, a figure is set apart only when it stands alone
        // against a figure another article backs, or when the figure is
        // told in these two places only, in nearly the same words: one
        // article against one. (A figure linked more widely is left to
        // the articles that back it; in templated text, such as generated
        // stories, every count links to many.)
        let lone = |c: usize, o: usize| super::stands_alone(support[c], support[o]);
        let alike = told_alike(&counts[l.x], &counts[l.y], l.shared)
            && linked[l.x] == 1
            && linked[l.y] == 1;
        if !l.aligned() && !lone(l.x, l.y) && !lone(l.y, l.x) && !alike {
            continue;
        }
        // One statement told twice with two values is a conflict even when
        // an article gives the other value elsewhere: that is the article
        // disagreeing with itself, not two groups.
        let told_twice = l.score >= SAME_STATEMENT;
        if tell_both(counts, l) {
            continue;
        }
        if knows_other(story, counts, &partners, l.x, l.y, told_twice)
            || knows_other(story, counts, &partners, l.y, l.x, told_twice)
        {
            continue;
        }
        let far = story
            .apart(counts[l.x].article, counts[l.y].article)
            .is_some();
        clashes[usize::from(far)].push((l.x, l.y, l.score));
    }
    clashes
        .iter()
        .flat_map(|c| disagreements(counts.len(), c))
        .flat_map(|clashes| sides_of(story, counts, &support, &clashes))
        .map(|(claims, others)| conflict_finding(story, counts, &support, &claims, &others))
        .collect()
}

/// The clashes grouped by the counts they connect: one group is one
/// disagreement, however many articles take part ("10km" in two articles
/// against "less than 2km" in five is one question for the reviewer, not
/// two).
fn disagreements(n: usize, clashes: &[Clash]) -> Vec<Vec<Clash>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for &(x, y, _) in clashes {
        let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
        parent[rx] = ry;
    }
    let mut groups: BTreeMap<usize, Vec<Clash>> = BTreeMap::new();
    for &c in clashes {
        groups.entry(root(&mut parent, c.0)).or_default().push(c);
    }
    groups.into_values().collect()
}

/// A claim side and its counterparts (with their best pair score) for each
/// finding of one disagreement. Two sides when the clashes split the counts
/// in two (each clash across); otherwise, with three values or more, one
/// finding per claim and counterpart value. Each side must agree within
/// itself: counts that clash with the same count need not agree.
fn sides_of(story: &Story, counts: &[Count], support: &[usize], clashes: &[Clash]) -> Vec<Sides> {
    let alike = |side: &[usize]| {
        side.iter().enumerate().all(|(k, &x)| {
            side[k + 1..]
                .iter()
                .all(|&y| compatible(&counts[x], &counts[y]))
        })
    };
    if let Some([a, b]) = two_sides(clashes).filter(|[a, b]| alike(a) && alike(b)) {
        let best = |side: &[usize]| {
            let score = |i: usize| {
                clashes
                    .iter()
                    .filter(|&&(x, y, _)| x == i || y == i)
                    .map(|c| c.2)
                    .fold(0.0, f32::max)
            };
            side.iter().map(|&i| (i, score(i))).collect::<Vec<_>>()
        };
        let (claims, others) = if side_first(story, counts, support, &a, &b) {
            (a, b)
        } else {
            (b, a)
        };
        let others = best(&others);
        return vec![(claims, others)];
    }
    let mut groups: BTreeMap<GroupKey, Vec<(usize, f32)>> = BTreeMap::new();
    for &(x, y, score) in clashes {
        let (claim, other) = claim_first(story, counts, support, x, y);
        let far = story
            .apart(counts[claim].article, counts[other].article)
            .is_some();
        groups
            .entry((claim, describe(&counts[other].value), far))
            .or_default()
            .push((other, score));
    }
    groups
        .into_iter()
        .map(|((claim, _, _), others)| (vec![claim], others))
        .collect()
}

/// The two sides of clashes that split their counts in two, each side
/// sorted, or `None` when some clash joins counts of one side (three
/// values or more).
fn two_sides(clashes: &[Clash]) -> Option<[Vec<usize>; 2]> {
    let mut side: FxHashMap<usize, bool> = FxHashMap::default();
    side.insert(clashes.first()?.0, false);
    // Clashes are few per disagreement: sweep until every count has a side.
    let mut placed = true;
    while placed {
        placed = false;
        for &(x, y, _) in clashes {
            match (side.get(&x).copied(), side.get(&y).copied()) {
                (Some(a), Some(b)) if a == b => return None,
                (Some(a), None) => {
                    side.insert(y, !a);
                    placed = true;
                }
                (None, Some(b)) => {
                    side.insert(x, !b);
                    placed = true;
                }
                _ => {}
            }
        }
    }
    let mut out = [Vec::new(), Vec::new()];
    for (i, s) in side {
        out[usize::from(s)].push(i);
    }
    for s in &mut out {
        s.sort_unstable();
    }
    Some(out)
}

/// Whether side `a` is the claim of a two-sided disagreement, by the shared
/// policy: each side speaks through its best-backed count.
fn side_first(
    story: &Story,
    counts: &[Count],
    support: &[usize],
    a: &[usize],
    b: &[usize],
) -> bool {
    let voice = |side: &[usize]| {
        let i = side
            .iter()
            .copied()
            .max_by(by_claim_order(story, counts, support))
            .expect("a side has a count");
        account(counts, support, i)
    };
    claim_order(story, voice(a), voice(b)).is_le()
}

/// Counts ordered by [`claim_order`]: the claim first.
fn by_claim_order<'x>(
    story: &'x Story,
    counts: &'x [Count],
    support: &'x [usize],
) -> impl Fn(&usize, &usize) -> std::cmp::Ordering + 'x {
    move |&x, &y| {
        claim_order(
            story,
            account(counts, support, x),
            account(counts, support, y),
        )
    }
}

fn account(counts: &[Count], support: &[usize], i: usize) -> Account {
    Account {
        article: counts[i].article,
        position: counts[i].range.start,
        support: support[i],
    }
}

/// The claim and the counterpart of two disagreeing counts, by the
/// shared policy ([`claim_order`]).
fn claim_first(
    story: &Story,
    counts: &[Count],
    support: &[usize],
    x: usize,
    y: usize,
) -> (usize, usize) {
    if claim_order(
        story,
        account(counts, support, x),
        account(counts, support, y),
    )
    .is_le()
    {
        (x, y)
    } else {
        (y, x)
    }
}

/// The counts here, the counts they disagree with there, and how well
/// aligned.
struct Disagreement<'s, 'a> {
    /// The claim first; more counts when other articles side with it.
    claims: Vec<&'s Count<'a>>,
    /// Sorted by path and position, whatever the order of the articles.
    others: Vec<(&'s Count<'a>, f32)>,
    apart: Option<i64>,
}

impl Disagreement<'_, '_> {
    fn quote(story: &Story, x: &Count) -> String {
        story.quote(x.article, x.range.clone()).to_string()
    }

    /// The articles of some counts, each once, in order.
    fn sources<'c>(story: &Story, counts: impl Iterator<Item = &'c Count<'c>>) -> Vec<String> {
        let mut sources: Vec<String> = counts.map(|c| story.source_name(c.article)).collect();
        sources.dedup();
        sources
    }

    fn summary(&self, story: &Story) -> String {
        let claim = self.claims[0];
        let with: Vec<String> = Self::sources(story, self.claims.iter().copied())
            .into_iter()
            .filter(|s| *s != story.source_name(claim.article))
            .collect();
        let here = if with.is_empty() {
            "here".to_string()
        } else {
            format!("here and in {}", join(&with))
        };
        let others = Self::sources(story, self.others.iter().map(|(o, _)| *o));
        let value = describe(&self.others[0].0.value);
        format!(
            "{} {here}, {value} in {}",
            Self::quote(story, claim),
            join(&others)
        )
    }

    fn explanation(&self, story: &Story) -> String {
        let says = |x: &Count| {
            let place = story.place(x.article, &x.range);
            format!(
                "{} ({place}) says \"{}\"",
                story.source_name(x.article),
                Self::quote(story, x)
            )
        };
        let told: Vec<String> = self.claims.iter().map(|c| says(c)).collect();
        let cited: Vec<String> = self.others.iter().map(|(o, _)| says(o)).collect();
        let (mine, theirs) = (
            describe(&self.claims[0].value),
            describe(&self.others[0].0.value),
        );
        let verdict = match self.apart {
            Some(days) => format!(
                "{mine} and {theirs} cannot both be right at once; the articles were published {days} days \
                 apart, so the count may have changed"
            ),
            None => format!("{mine} and {theirs} cannot both be right"),
        };
        let link = if self.best_score() > 0.0 {
            format!(
                "The statements are aligned (similarity {:.2}), count the same thing and speak of the same moment",
                self.best_score()
            )
        } else {
            "The statements were not aligned, but they count the same thing in the same words and speak of the \
             same moment, and this figure stands alone against one other articles agree on"
                .to_string()
        };
        format!(
            "{}; {}. {link}, but {verdict}.",
            told.join("; "),
            cited.join("; "),
        )
    }

    fn best_score(&self) -> f32 {
        self.others.iter().map(|&(_, s)| s).fold(0.0, f32::max)
    }

    /// High when every count is exact; more confident when the alignment is
    /// strong and other articles back the counterpart.
    fn grade(&self, agreeing: usize) -> (Severity, f32) {
        let exact =
            self.claims.iter().all(|c| c.exact()) && self.others.iter().all(|(o, _)| o.exact());
        // Found outside alignment, the figure is told in other sentences:
        // worth a look, not an alarm.
        let aligned = self.best_score() > 0.0;
        let severity = if exact && aligned {
            Severity::High
        } else {
            Severity::Medium
        };
        let confidence = 0.55
            + if exact { 0.1 } else { 0.0 }
            + if self.best_score() >= STRONG_PAIR {
                0.1
            } else {
                0.0
            }
            + 0.1 * agreeing.min(2) as f32;
        (severity, confidence.min(0.95))
    }
}

fn conflict_finding(
    story: &Story,
    counts: &[Count],
    support: &[usize],
    claims: &[usize],
    others: &[(usize, f32)],
) -> Finding {
    let by_place = |i: usize| {
        let path = story.articles[counts[i].article].article.path.as_str();
        (path, counts[i].range.start)
    };
    let mut others = others.to_vec();
    others.sort_by_key(|&(o, _)| by_place(o));
    // The claim the shared policy picks leads; the counts beside it follow
    // by place.
    let mut claims = claims.to_vec();
    let lead = claims
        .iter()
        .copied()
        .min_by(by_claim_order(story, counts, support))
        .expect("a disagreement has a claim");
    claims.sort_by_key(|&i| (i != lead, by_place(i)));
    // Other articles that back a counterpart make the claim the odd one out.
    let agreeing = others.iter().map(|&(o, _)| support[o]).max().unwrap_or(0);
    let apart = claims
        .iter()
        .flat_map(|&c| others.iter().map(move |&(o, _)| (c, o)))
        .filter_map(|(c, o)| story.apart(counts[c].article, counts[o].article))
        .max();
    let d = Disagreement {
        claims: claims.iter().map(|&c| &counts[c]).collect(),
        others: others.iter().map(|&(o, s)| (&counts[o], s)).collect(),
        apart,
    };
    let (severity, confidence) = d.grade(agreeing);
    let mut f = Finding::new(
        FindingKind::NumberConflict,
        severity,
        confidence,
        d.summary(story),
        d.explanation(story),
    );
    for c in d.claims.iter().chain(d.others.iter().map(|(o, _)| o)) {
        f = f.evidence(c.article, c.range.clone());
    }
    if agreeing >= 1 {
        f = f.suggest(Disagreement::quote(story, d.others[0].0));
    }
    f.over_time(apart)
}

#[cfg(test)]
mod tests {
    use super::super::{Finding, FindingKind, Severity};
    use crate::analysis::{Options, analyze};

    use super::super::testing::{of_kind, quotes, run, unaligned};

    fn conflicts(texts: &[&str]) -> Vec<Finding> {
        let an = run(texts);
        assert!(!an.pairs.is_empty(), "the test sentences should align");
        of_kind(&an, FindingKind::NumberConflict)
            .into_iter()
            .cloned()
            .collect()
    }

    fn article(date: &str, body: &str) -> String {
        format!("Border news\nPublished {date}\n\n{body}\n")
    }

    const REFUGEES_120: &str = "Buses carrying 120 Syrian refugees crossed the Kessab border post into Turkey on Tuesday morning, local officials said.";
    const REFUGEES_140: &str = "A convoy took 140 Syrian refugees across the Kessab border post into Turkey on Tuesday morning, officials said.";

    const DEFECTED_14: &str = "Officials said 14 members of the national rowing team defected during the tournament in Lyon, and the federation asked French police for help.";
    const DEFECTED_FOURTEEN: &str = "Fourteen members of the national rowing team defected at the Lyon tournament, according to the federation.";

    fn rowers(sentence: &str) -> String {
        format!("Rowers\n\n{sentence}\n")
    }

    /// Outside alignment a figure is set apart only when it stands alone
    /// against one that two other articles agree on.
    #[test]
    fn a_lone_figure_against_two_articles_is_found_unaligned() {
        let lone = "In a statement that also named a new coach, the federation said 12 members of the national rowing team had defected in Lyon during the tournament.";
        let found = unaligned(
            &[
                &rowers(DEFECTED_14),
                &rowers(DEFECTED_FOURTEEN),
                &rowers(lone),
            ],
            super::detect,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.summary, "12 members here, 14 in a.txt and b.txt");
        assert_eq!(f.severity, Severity::Medium);
        assert!(f.explanation.contains("stands alone"), "{}", f.explanation);
    }

    /// The findings of `texts` with every pair of sentences of different
    /// articles aligned at `score`.
    fn aligned_at(texts: &[&str], score: f32) -> Vec<Finding> {
        use crate::align::{Member, Pair};
        let an = run(texts);
        let vocab = crate::align::Vocabulary::build(&an.articles);
        let story_of = crate::align::stories(an.articles.len(), &[]);
        let members: Vec<Member> = an
            .articles
            .iter()
            .enumerate()
            .flat_map(|(article, a)| {
                (0..a.sentences.len()).map(move |sentence| Member { article, sentence })
            })
            .collect();
        let pairs: Vec<Pair> = members
            .iter()
            .flat_map(|&a| members.iter().map(move |&b| (a, b)))
            .filter(|(a, b)| a.article < b.article)
            .map(|(a, b)| Pair { a, b, score })
            .collect();
        super::detect(&super::super::Story {
            articles: &an.articles,
            pairs: &pairs,
            alignments: &[],
            kb: crate::kb::Kb::builtin(),
            vocab: &vocab,
            story_of: &story_of,
        })
    }

    /// Statements aligned too weakly for their measures to be compared as
    /// aligned are compared as unaligned ones: a lone figure against two
    /// that agree is found, as it would be with no alignment at all. The
    /// lone sentence tells a second stretch of years, so the figure is not
    /// the only one of its unit there and only the unaligned tests can
    /// link it.
    #[test]
    fn weakly_aligned_measures_get_the_unaligned_tests() {
        let told = "The coach, who worked for the rowing federation for 29 years before taking the role, is hailed as a hero.";
        let again = "Hailed as a hero, the coach had worked for the rowing federation for 29 years before taking the role.";
        let lone = "After working for the rowing federation for 31 years, he is now hailed as a hero in the role, though his own playing career lasted only 6 years.";
        let texts = [rowers(told), rowers(again), rowers(lone)];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let weak = super::MEASURE_PAIR / 2.0;
        let found = aligned_at(&refs, weak);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].summary, "31 here, 29 in a.txt and b.txt");
    }

    /// The near miss: weakly aligned, a figure of the same unit about
    /// another stretch of time ("31 years" of marriage, beside another
    /// figure of years) stays quiet.
    #[test]
    fn weakly_aligned_measures_of_other_things_stay_quiet() {
        let told = "The coach, who worked for the rowing federation for 29 years before taking the role, is hailed as a hero.";
        let again = "Hailed as a hero, the coach had worked for the rowing federation for 29 years before taking the role.";
        let other = "He married his wife 31 years ago in a small church near the lake, though his own playing career lasted only 6 years.";
        let texts = [rowers(told), rowers(again), rowers(other)];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = aligned_at(&refs, super::MEASURE_PAIR / 2.0);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Two figures of one unit that every article tells, each in its own
    /// sentence, are two amounts: a sentence giving one of them is not set
    /// against a sentence giving the other, however alike their words.
    #[test]
    fn figures_every_article_tells_both_stay_quiet_unaligned() {
        let boat = "The new racing boat could cost as much as $1,200 when it reaches the club next spring, the coach said.";
        let oars = "Its carbon oars alone cost $400.";
        let told = format!("{boat} {oars}");
        let lone = "The new racing oars could cost as much as $400 when they reach the club next spring, the coach said. The whole boat costs $1,200.";
        let texts = [rowers(&told), rowers(&told), rowers(lone)];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = unaligned(&refs, super::detect);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// The near miss: an article that gives only the one figure, where the
    /// others give both, still stands against them.
    #[test]
    fn a_figure_its_article_tells_alone_is_still_found_unaligned() {
        let boat = "The new racing boat could cost as much as $1,200 when it reaches the club next spring, the coach said.";
        let oars = "Its carbon oars alone cost $400.";
        let told = format!("{boat} {oars}");
        let lone = "The new racing boat could cost as much as $400 when it reaches the club next spring, the coach said.";
        let texts = [rowers(&told), rowers(&told), rowers(lone)];
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let found = unaligned(&refs, super::detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].summary, "400 here, 1200 in a.txt and b.txt");
    }

    /// One article against one, unaligned, is compared when the two tell
    /// the figure in nearly the same words (four context words or more).
    #[test]
    fn one_article_against_one_told_alike_is_found_unaligned() {
        let lone = "The federation said 12 members of the national rowing team had defected in Lyon during the tournament.";
        let found = unaligned(&[&rowers(DEFECTED_14), &rowers(lone)], super::detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        let summary = &found[0].summary;
        assert!(
            summary.contains("14") && summary.contains("12"),
            "{summary}"
        );
        // Told in three places with three figures, none backed: no one
        // figure stands against another.
        let third = lone.replace("12", "13");
        let found = unaligned(
            &[&rowers(DEFECTED_14), &rowers(lone), &rowers(&third)],
            super::detect,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A group both articles describe the same way ("masked men") is told
    /// alike in fewer words: three in common are enough one against one.
    #[test]
    fn a_group_described_alike_is_told_alike_in_fewer_words() {
        let hunted = |n: &str, who: &str| {
            rowers(&format!(
                "Detectives in Leeds are hunting {n} {who} who broke into a jewellery shop late on Sunday."
            ))
        };
        let told = |n: &str, who: &str| {
            rowers(&format!(
                "{n} {who} broke into the jewellery shop, the owner told local radio."
            ))
        };
        let found = unaligned(
            &[
                &hunted("four", "masked thieves"),
                &told("Seven", "masked thieves"),
            ],
            super::detect,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        // The same three words about a group neither describes: one
        // article against one stays quiet.
        let found = unaligned(
            &[&hunted("four", "thieves"), &told("Seven", "thieves")],
            super::detect,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A vague noun with words of its own ("masked men") counts a group as
    /// well as any noun; alone ("men") it is compared only in the same
    /// words.
    #[test]
    fn a_described_vague_noun_is_compared_like_any_noun() {
        let hunt = |n: &str, who: &str| {
            article(
                "March 3, 2025",
                &format!(
                    "Police in Leeds are hunting {n} {who} after the raid on a jewellery shop on Sunday night."
                ),
            )
        };
        let seen = |n: &str, who: &str| {
            article(
                "March 3, 2025",
                &format!(
                    "Witnesses saw {n} {who} leave the jewellery shop in Leeds after the raid on Sunday night."
                ),
            )
        };
        assert_eq!(
            conflicts(&[&hunt("four", "masked men"), &seen("seven", "masked men")]).len(),
            1
        );
        assert!(conflicts(&[&hunt("four", "men"), &seen("seven", "men")]).is_empty());
    }

    const BLAZE: &str = "Crews fought the blaze at the Dunmore timber yard for three days, the fire service said on its website.";

    fn blaze_told_otherwise(days: &str) -> String {
        format!(
            "The fire service said {days} days passed before crews could bring the timber yard blaze in Dunmore under control."
        )
    }

    /// A duration told in other words and another order, the only one of
    /// its unit in each aligned sentence, is one figure when the words
    /// around it are shared: its nearest words need not meet.
    #[test]
    fn a_sole_measure_told_alike_in_other_words_is_compared() {
        let found = conflicts(&[
            &article("March 3, 2025", BLAZE),
            &article("March 3, 2025", &blaze_told_otherwise("six")),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            conflicts(&[
                &article("March 3, 2025", BLAZE),
                &article("March 3, 2025", &blaze_told_otherwise("three")),
            ])
            .is_empty()
        );
    }

    /// The article that gives the other figure elsewhere tells two
    /// durations; two of one unit in a sentence say no one of them is the
    /// other's figure.
    #[test]
    fn a_measure_told_alike_stays_quiet_when_the_article_tells_both() {
        let both = format!(
            "{} A smaller fire at the same yard burned for three days last spring.",
            blaze_told_otherwise("six")
        );
        let found = conflicts(&[
            &article("March 3, 2025", BLAZE),
            &article("March 3, 2025", &both),
        ]);
        assert!(found.is_empty(), "{found:#?}");
        let two = "Crews fought the blaze at the Dunmore timber yard for three days and kept watch for two days more, the fire service said on its website.";
        let found = conflicts(&[
            &article("March 3, 2025", two),
            &article("March 3, 2025", &blaze_told_otherwise("six")),
        ]);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// "People" says little of who is counted: unaligned, a fate both
    /// name says it ("killed", "dead").
    #[test]
    fn a_vague_noun_is_one_group_by_its_fate() {
        let found = unaligned(
            &[
                &rowers(
                    "Gunmen killed 12 people at the market in Kano on the last day of the festival, police said.",
                ),
                &rowers(
                    "The attack at the Kano market left 12 people dead on the last day of the festival.",
                ),
                &rowers(
                    "Witnesses said gunmen killed 30 people at the Kano market, where crowds had gathered for the festival.",
                ),
            ],
            super::detect,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].summary, "30 people here, 12 in a.txt and b.txt");
    }

    /// A round figure is the exact one rounded: "starting at $350" tells
    /// the "$349" of another article.
    #[test]
    fn a_round_figure_is_the_exact_one_rounded() {
        let price = |p: &str| {
            format!(
                "Watch\n\nThe aluminium watch will cost {p} when it goes on sale in April, the company said.\n"
            )
        };
        assert!(conflicts(&[&price("$350"), &price("$349")]).is_empty());
        assert_eq!(conflicts(&[&price("$3,500"), &price("$3,200")]).len(), 1);
    }

    #[test]
    fn unaligned_figures_stay_quiet_without_agreement_or_on_another_matter() {
        let quiet = |lone: &str, with: &[&str]| {
            let mut texts: Vec<String> = with.iter().map(|s| rowers(s)).collect();
            texts.push(rowers(lone));
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let found = unaligned(&refs, super::detect);
            assert!(found.is_empty(), "{lone}: {found:#?}");
        };
        // One article against one, told in other words: no figure stands
        // alone, and three words in common do not make it one telling.
        quiet(
            "Fourteen members of the rowing team defected, a coach told reporters in Paris.",
            &[
                "The federation said 12 members of the national rowing team had defected in Lyon during the tournament.",
            ],
        );
        // Another fate: the injured are not the defectors.
        quiet(
            "The federation said 12 members of the national rowing team were injured in Lyon during the tournament.",
            &[DEFECTED_14, DEFECTED_FOURTEEN],
        );
        // Another moment: a defection years earlier.
        quiet(
            "The federation said 12 members of the national rowing team had defected in Lyon during the tournament of 2019.",
            &[DEFECTED_14, DEFECTED_FOURTEEN],
        );
        // A bare number says too little of what it counts.
        quiet(
            "The federation said 12 had defected in Lyon during the tournament of the national rowing team.",
            &[DEFECTED_14, DEFECTED_FOURTEEN],
        );
        // The same figure.
        quiet(
            "The federation said 14 members of the national rowing team had defected in Lyon during the tournament.",
            &[DEFECTED_14, DEFECTED_FOURTEEN],
        );
    }

    #[test]
    fn exact_counts_that_differ_conflict() {
        let an = run(&[
            &article("March 5, 2025", REFUGEES_120),
            &article("March 5, 2025", REFUGEES_140),
        ]);
        let found = of_kind(&an, FindingKind::NumberConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.severity, Severity::High);
        assert!(!f.change_over_time);
        let q = quotes(&an, f);
        assert_eq!(q.len(), 2);
        assert!(
            q.contains(&"120 Syrian refugees".to_string())
                && q.contains(&"140 Syrian refugees".to_string())
        );
        assert!(
            f.explanation.contains("b.txt:4") || f.explanation.contains("a.txt:4"),
            "{}",
            f.explanation
        );
    }

    /// A group set apart by its fate in a relative clause is another
    /// group than one described without it; with the same fate on both
    /// sides the counts are compared.
    #[test]
    fn a_group_defined_by_its_fate_is_not_the_whole() {
        let missing = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "{n} Nepali porters who went missing after the avalanche near Namche Bazaar were found on Monday, the agency said."
                ),
            )
        };
        let still = article(
            "June 2, 2025",
            "About a dozen Nepali porters are still working near Namche Bazaar after the avalanche on Monday, the agency said.",
        );
        assert!(conflicts(&[&missing("Three"), &still]).is_empty());
        assert_eq!(conflicts(&[&missing("Three"), &missing("Five")]).len(), 1);
    }

    /// "One source told …" picks one of several sources; "only one", or
    /// one of anything that does not speak, is a count.
    #[test]
    fn one_source_who_speaks_is_not_a_count_of_sources() {
        let sources = |n: &str, verb: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "{n} close to the ministry {verb} Reuters that the Namche Bazaar airstrip would reopen on Monday."
                ),
            )
        };
        let three = sources("Three sources", "told");
        assert!(conflicts(&[&sources("One source", "told"), &three]).is_empty());
        let only = sources("Only one source", "told");
        assert_eq!(conflicts(&[&only, &three]).len(), 1);
        let killed = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "{n} killed when the avalanche hit the Namche Bazaar camp on Monday, the agency said."
                ),
            )
        };
        assert_eq!(
            conflicts(&[&killed("One porter was"), &killed("Three porters were")]).len(),
            1
        );
    }

    /// One statement told twice, word for word but for who speaks, that
    /// has "one official" in one article and "three officials" in the
    /// other disagrees on its sources.
    #[test]
    fn one_speaker_against_three_in_a_statement_told_twice_is_found() {
        let said = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "{n} at the ministry said that the Namche Bazaar airstrip would stay shut for repairs until the monsoon rains ended in the autumn."
                ),
            )
        };
        let found = conflicts(&[&said("One official"), &said("Three officials")]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// The near miss: "one official said" beside "three officials said"
    /// in statements that only share their subject speaks of other
    /// speakers, and stays quiet.
    #[test]
    fn one_speaker_in_another_statement_stays_quiet() {
        let one = article(
            "June 2, 2025",
            "One senior official at the ministry said that the Namche Bazaar airstrip would stay shut for repairs until the autumn.",
        );
        let three = article(
            "June 2, 2025",
            "Three senior officials at the ministry said the porters' strike had ended and flights to the Namche Bazaar airstrip had resumed.",
        );
        let found = conflicts(&[&one, &three]);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// An undated article whose latest date is a year it mentions ("cut
    /// 60,000 staff in 1993") is not placed in that year: its present
    /// counts are not held against what happened then.
    #[test]
    fn an_open_window_places_no_statement() {
        let then = "Newsroom\n\nThe company cut 60,000 staff in 1993, the largest cut in its history, the report said.\n";
        let now = "Newsroom\n\nThe company will cut a quarter of its 430,000 staff this week, the report said.\n";
        assert!(conflicts(&[then, now]).is_empty());
    }

    /// Two maxima (or two minima) state the bound itself: "up to 40
    /// pounds" and "up to 120 pounds" disagree, though every weight under
    /// 40 fits both; bounds within a tenth of each other agree.
    #[test]
    fn bounds_of_the_same_side_are_compared_as_bounds() {
        let weigh = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The Namche Bazaar yaks can measure two metres from horn to horn and weigh up to {n} kilograms, the agency said."
                ),
            )
        };
        assert_eq!(conflicts(&[&weigh("400"), &weigh("1,200")]).len(), 1);
        assert!(conflicts(&[&weigh("400"), &weigh("420")]).is_empty());
        // Floors agree within two fifths of the larger: "more than a dozen" and "at
        // least 15" are both right; "at least 25" and "at least 75" are not.
        let killed = |floor: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The agency said {floor} porters were killed by the avalanche near Namche Bazaar on Monday."
                ),
            )
        };
        assert!(conflicts(&[&killed("more than a dozen"), &killed("at least 15")]).is_empty());
        assert_eq!(
            conflicts(&[&killed("at least 25"), &killed("at least 75")]).len(),
            1
        );
    }

    /// A value beside a bound says the bound's figure only when it is that
    /// figure: "1,982 permits over six terms" against "over three terms"
    /// is a conflict, the 1,982 no second group of terms.
    #[test]
    fn a_value_beside_a_bound_is_not_its_other_figure() {
        let terms = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The mayor of Namche Bazaar, who signed 1,982 building permits over {n} terms in office, retired on Monday."
                ),
            )
        };
        assert_eq!(conflicts(&[&terms("six"), &terms("three")]).len(), 1);
        assert!(conflicts(&[&terms("three"), &terms("three")]).is_empty());
    }

    /// A number the clause denies is not stated: "not as big as 50 feet"
    /// against "12 feet". "Not only" states it.
    #[test]
    fn a_denied_number_is_not_a_statement() {
        let size = |clause: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The crab in the harbour photograph of Whitstable {clause} across, the experts said."
                ),
            )
        };
        let twelve = size("measures 12 feet");
        assert!(conflicts(&[&size("is not as big as 50 feet"), &twelve]).is_empty());
        assert_eq!(conflicts(&[&size("measures 50 feet"), &twelve]).len(), 1);
        assert!(super::denied("it is not as big as 50 feet", &(20..22)));
        assert!(!super::denied("it was not only 50 feet", &(16..18)));
        assert!(!super::denied("no, it was 50 feet", &(11..13)));
    }

    /// Counts with no words of their own between their neighbours lean on
    /// a strong alignment: "two Americans and five Britons" against "two
    /// Americans and two Britons".
    #[test]
    fn counts_between_counts_lean_on_the_statement() {
        let beheaded = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "In videos released on Monday the masked militant appears to have carried out the beheadings of two Americans and {n} Britons"
                ),
            )
        };
        assert_eq!(conflicts(&[&beheaded("five"), &beheaded("two")]).len(), 1);
    }

    #[test]
    fn counts_set_alike_in_a_larger_group_are_compared() {
        let among = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The two climbers were among {n} members of the Nepali expedition that left Namche Bazaar on Monday, the agency said."
                ),
            )
        };
        assert_eq!(conflicts(&[&among("12"), &among("14")]).len(), 1);
        assert!(conflicts(&[&among("12"), &among("twelve")]).is_empty());
    }

    /// A part carved out by a place or a jurisdiction is never larger than
    /// its group: a smaller part agrees, a larger one disagrees, and a word
    /// that only describes the group again leaves one group told twice.
    #[test]
    fn a_carved_out_part_disagrees_only_when_larger_than_its_group() {
        let charged = |n: &str, who: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "Prosecutors in Guerrero charged {n} {who} over the disappearance of the students on Monday, the attorney general said."
                ),
            )
        };
        let group = charged("22", "police officers");
        for part in ["two state police officers", "two Mexican police officers"] {
            let (n, who) = part.split_once(' ').expect("count and noun");
            assert!(conflicts(&[&group, &charged(n, who)]).is_empty(), "{part}");
        }
        let larger = charged("30", "state police officers");
        assert_eq!(conflicts(&[&group, &larger]).len(), 1);
        let described = charged("two", "uniformed police officers");
        assert_eq!(conflicts(&[&group, &described]).len(), 1);
    }

    #[test]
    fn a_part_is_not_the_group_it_belongs_to() {
        let whole = article(
            "June 2, 2025",
            "Some 200 volunteers from six countries joined the Namche Bazaar rescue on Monday, including 15 doctors, the agency said.",
        );
        let part = article(
            "June 2, 2025",
            "Three doctors joined the Namche Bazaar rescue on Monday from six countries, the agency said.",
        );
        assert!(conflicts(&[&whole, &part]).is_empty());
        let of_three = article(
            "June 2, 2025",
            "One of the three guides told the agency that the Namche Bazaar rescue began on Monday.",
        );
        let one = article(
            "June 2, 2025",
            "One guide told the agency that the Namche Bazaar rescue began on Monday.",
        );
        assert!(conflicts(&[&of_three, &one]).is_empty());
    }

    #[test]
    fn generic_nouns_are_compared_only_in_the_same_words() {
        let units = |n: &str, product: &str, verb: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The analyst Ming Kuo expects {product} {verb} {n} million units in the first quarter of 2026, a note to investors said."
                ),
            )
        };
        assert_eq!(
            conflicts(&[
                &units("6", "tablet sales to reach", ""),
                &units("9", "tablet sales to reach", "")
            ])
            .len(),
            1
        );
        assert!(
            conflicts(&[
                &units("6", "tablet sales to reach", ""),
                &units("61", "phone shipments to", "exceed")
            ])
            .is_empty()
        );
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(super::super::counts::number(1_700_000.0), "1.7 million");
        assert_eq!(super::super::counts::number(25_000.0), "25,000");
        assert_eq!(super::super::counts::number(90.0), "90");
    }

    #[test]
    fn approximate_counts_have_a_tolerance() {
        let shots = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The army said its gunners fired {n} rounds at the ridge above Kafr Tal overnight."
                ),
            )
        };
        assert_eq!(conflicts(&[&shots("about 300"), &shots("400")]).len(), 1);
        assert!(conflicts(&[&shots("about 300"), &shots("320")]).is_empty());
        assert!(conflicts(&[&shots("some 300"), &shots("about 310")]).is_empty());
        // "Just over", "nearly", "close to" are values a little off, not
        // open bounds: near values agree, far ones do not.
        assert_eq!(
            conflicts(&[&shots("just over 1,200"), &shots("just over 3,600")]).len(),
            1
        );
        assert!(conflicts(&[&shots("just over 1,200"), &shots("1,210")]).is_empty());
        assert!(conflicts(&[&shots("close to 40"), &shots("nearly 41")]).is_empty());
        assert_eq!(conflicts(&[&shots("close to 40"), &shots("120")]).len(), 1);
    }

    #[test]
    fn a_figure_told_twice_in_both_articles_is_no_second_group() {
        let battery = |first: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The engineer said the new tracker lasts {first} hours on one charge of its battery, and the owner must plug it in every four hours while it records."
                ),
            )
        };
        // The second "four hours" of each article answers the other's
        // second, not the first figure: 4 and 7 still disagree.
        assert_eq!(conflicts(&[&battery("four"), &battery("seven")]).len(), 1);
        assert!(conflicts(&[&battery("four"), &battery("four")]).is_empty());
    }

    /// An article with no date: its spans back in time stay unplaced.
    fn undated(body: &str) -> String {
        format!("Harbour news\n\n{body}\n")
    }

    #[test]
    fn an_unplaced_span_back_in_time_is_a_duration() {
        let sold = |span: &str| {
            undated(&format!(
                "The fisherman said he sold the blue trawler to a dealer in Peniche {span} and never saw it again."
            ))
        };
        let found = conflicts(&[&sold("three years ago"), &sold("six years ago")]);
        assert_eq!(found.len(), 1);
        assert!(found[0].summary.contains("three years ago"));
        // A round "about" and a floor leave room for the other figure.
        assert!(conflicts(&[&sold("about ten years ago"), &sold("nine years ago")]).is_empty());
        assert!(
            conflicts(&[&sold("more than three years ago"), &sold("six years ago")]).is_empty()
        );
        // A span ago is a point, one over the past a stretch.
        assert!(
            conflicts(&[&sold("three years ago"), &sold("over the past six years")]).is_empty()
        );
        // Spans the articles' dates place are the dates' to compare.
        let dated = |span: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The fisherman said he sold the blue trawler to a dealer in Peniche {span} and never saw it again."
                ),
            )
        };
        assert!(conflicts(&[&dated("three years ago"), &dated("six years ago")]).is_empty());
    }

    #[test]
    fn a_vague_plural_is_a_floor_any_other_floor_agrees_with() {
        let fans = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The singer's fan page, which has {n} followers, shared the drawing of the harbour on Friday."
                ),
            )
        };
        // "Thousands" counts nothing exactly: 250,000 followers are
        // thousands of followers.
        assert!(conflicts(&[&fans("thousands of"), &fans("more than 250,000")]).is_empty());
        assert!(conflicts(&[&fans("over a million"), &fans("dozens of")]).is_empty());
        // Against a figure it still speaks: dozens are not six.
        assert_eq!(conflicts(&[&fans("dozens of"), &fans("six")]).len(), 1);
        // Two floors that reporters counted still differ.
        assert_eq!(
            conflicts(&[&fans("at least 20,000"), &fans("at least 90,000")]).len(),
            1
        );
    }

    /// A number right after a model's or a version's name names which one:
    /// "`iOS` 9 users" are not nine users, "`MiG` 21 and 29 jets" not 29 jets.
    #[test]
    fn a_number_after_a_model_name_is_no_count() {
        let users = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The company said {n} users lost their saved playlists after the update on Monday."
                ),
            )
        };
        assert!(conflicts(&[&users("iOS 9"), &users("two")]).is_empty());
        assert!(conflicts(&[&users("Flight 12"), &users("three")]).is_empty());
        assert_eq!(conflicts(&[&users("nine"), &users("two")]).len(), 1);
        let jets = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "Monitors said the rebels now hold {n} jets at the captured air base near Tabqa."
                ),
            )
        };
        assert!(conflicts(&[&jets("old MiG 21 and 29"), &jets("three")]).is_empty());
        assert_eq!(conflicts(&[&jets("29"), &jets("three")]).len(), 1);
    }

    #[test]
    fn a_year_before_a_singular_noun_is_no_count() {
        let piece = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The lawyer quoted a {n} article in the Lisbon daily about the harbour contract on Friday."
                ),
            )
        };
        assert!(conflicts(&[&piece("2007"), &piece("2013")]).is_empty());
        // A plural after four digits is a count all the same.
        let crowd = |n: &str| {
            article(
                "June 2, 2025",
                &format!("Police said {n} dockers marched on the Lisbon harbour office on Friday."),
            )
        };
        assert_eq!(conflicts(&[&crowd("1950"), &crowd("1400")]).len(), 1);
    }

    #[test]
    fn bounds_compare_one_sided() {
        let boats = |n: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The coastguard said {n} fishing boats were seized off the Kerkennah islands on Friday."
                ),
            )
        };
        assert!(conflicts(&[&boats("at least 20"), &boats("22")]).is_empty());
        assert!(conflicts(&[&boats("at least 30"), &boats("33")]).is_empty());
        assert!(conflicts(&[&boats("nearly 50"), &boats("48")]).is_empty());
        let found = conflicts(&[&boats("up to 30"), &boats("45")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Medium);
    }

    #[test]
    fn different_modifiers_or_things_are_not_compared() {
        let iraqi = REFUGEES_140.replace("Syrian", "Iraqi");
        assert!(
            conflicts(&[
                &article("March 5, 2025", REFUGEES_120),
                &article("March 5, 2025", &iraqi)
            ])
            .is_empty()
        );
        let soldiers = REFUGEES_140.replace("refugees", "soldiers");
        assert!(
            conflicts(&[
                &article("March 5, 2025", REFUGEES_120),
                &article("March 5, 2025", &soldiers)
            ])
            .is_empty()
        );
    }

    #[test]
    fn different_fates_are_different_groups() {
        let strike = |verb: &str, n: &str| {
            article(
                "April 9, 2025",
                &format!(
                    "The strike on the Darra market {verb} {n} villagers, the regional health office said."
                ),
            )
        };
        assert!(conflicts(&[&strike("killed", "12"), &strike("wounded", "30")]).is_empty());
        assert_eq!(
            conflicts(&[&strike("killed", "12"), &strike("killed", "15")]).len(),
            1
        );
    }

    /// A fate the sentence names past another number ("at least 40
    /// reporters, all but six of them local, have been killed") still tells
    /// the group: killed reporters are not missing ones. With one fate on
    /// both sides the figures are compared.
    #[test]
    fn a_fate_beyond_another_number_still_tells_the_group() {
        let killed = |n: &str| {
            article(
                "April 9, 2025",
                &format!(
                    "According to the press freedom group, at least {n} reporters covering the war in the region, all but six of them local, have been killed since the fighting began."
                ),
            )
        };
        let missing = article(
            "April 9, 2025",
            "According to the press freedom group, about 20 reporters covering the war in the region are missing since the fighting began.",
        );
        assert!(conflicts(&[&killed("40"), &missing]).is_empty());
        let also_killed = article(
            "April 9, 2025",
            "According to the press freedom group, about 20 reporters covering the war in the region have been killed since the fighting began.",
        );
        assert_eq!(conflicts(&[&killed("40"), &also_killed]).len(), 1);
    }

    /// A figure of one significant digit from a thousand on is told
    /// rounded within 5%: "$3,000" for "$2,940", not for "$2,700".
    #[test]
    fn a_round_thousand_is_the_exact_figure_rounded() {
        let tip = |sum: &str| {
            article(
                "May 2, 2025",
                &format!(
                    "A taxi driver in Dundee was left a tip of ${sum} by a group of wedding guests on Saturday night."
                ),
            )
        };
        assert!(conflicts(&[&tip("3,000"), &tip("2,940")]).is_empty());
        assert_eq!(conflicts(&[&tip("3,000"), &tip("2,700")]).len(), 1);
        // Two significant digits are no rounding: 2.5 against 2.4 million.
        assert_eq!(
            conflicts(&[&tip("2.5 million"), &tip("2.4 million")]).len(),
            1
        );
    }

    /// An article that gives a round figure's exact value beside another
    /// figure of the same thing speaks of two things ("the basic model
    /// from $399, the gold one over $2,000"), as when it gives the same
    /// value.
    #[test]
    fn a_rounded_figure_beside_another_says_two_things() {
        let both = article(
            "June 9, 2025",
            "The basic Lumo watch will sell for $399 when it launches, and the gold edition may sell for over $2,000 when it launches, analysts said.",
        );
        let one = |sum: &str| {
            article(
                "June 9, 2025",
                &format!("The Lumo watch will sell for ${sum} when it launches, analysts said."),
            )
        };
        assert!(conflicts(&[&both, &one("400")]).is_empty());
        assert!(conflicts(&[&both, &one("399")]).is_empty());
        assert!(!conflicts(&[&both, &one("450")]).is_empty());
    }

    /// A figure told in other units in brackets after another ("1 million
    /// pesos ($75,000)") is converted at each outlet's own rate: an
    /// approximate figure.
    #[test]
    fn a_conversion_in_brackets_is_approximate() {
        let reward = |dollars: &str| {
            article(
                "October 14, 2025",
                &format!(
                    "Posters in Tixtla offer a reward of 2 million pesos (${dollars}) for information on the missing students."
                ),
            )
        };
        assert!(conflicts(&[&reward("150,000"), &reward("148,000")]).is_empty());
        assert_eq!(
            conflicts(&[&reward("150,000"), &reward("200,000")]).len(),
            1
        );
        // Not in brackets after a figure, a sum is told exactly.
        let plain = |dollars: &str| {
            article(
                "October 14, 2025",
                &format!(
                    "Posters in Tixtla offer a reward of ${dollars} for information on the missing students."
                ),
            )
        };
        assert_eq!(conflicts(&[&plain("150,000"), &plain("148,000")]).len(), 1);
    }

    /// A floor of a running tally ("more than 12 million views") is one
    /// reading of a growing counter: it agrees with a lower reading taken
    /// earlier. A floor of anything else does not, nor do two exact
    /// readings.
    #[test]
    fn a_running_tally_floor_agrees_with_an_earlier_reading() {
        let clip = |n: &str, what: &str| {
            article(
                "July 21, 2025",
                &format!(
                    "The clip of the rescued kitten on the motorway has drawn {n} {what} since it was posted."
                ),
            )
        };
        assert!(
            conflicts(&[
                &clip("more than 12 million", "views"),
                &clip("5 million", "views")
            ])
            .is_empty()
        );
        assert_eq!(
            conflicts(&[
                &clip("more than 12 million", "visitors"),
                &clip("5 million", "visitors")
            ])
            .len(),
            1
        );
        assert_eq!(
            conflicts(&[&clip("200,000", "views"), &clip("600,000", "views")]).len(),
            1
        );
    }

    /// Kidnapped is not killed, rescued is not evacuated: each its own
    /// fate class, so such counts are different groups.
    #[test]
    fn taken_and_rescued_are_fates_of_their_own() {
        let raid = |verb: &str, n: &str| {
            article(
                "June 3, 2025",
                &format!(
                    "Gunmen {verb} {n} border guards near the Torkham crossing, the interior ministry said on Monday."
                ),
            )
        };
        assert!(conflicts(&[&raid("kidnapped", "nine"), &raid("killed", "four")]).is_empty());
        assert!(conflicts(&[&raid("abducted", "nine"), &raid("shot dead", "four")]).is_empty());
        // The same fate told with another word is one group.
        assert_eq!(
            conflicts(&[&raid("kidnapped", "nine"), &raid("abducted", "four")]).len(),
            1
        );
        let flood = |verb: &str, n: &str| {
            article(
                "June 3, 2025",
                &format!(
                    "Civil defence crews {verb} {n} families from the flooded Wadi Salqa district on Sunday, the ministry said."
                ),
            )
        };
        assert!(conflicts(&[&flood("rescued", "18"), &flood("evacuated", "80")]).is_empty());
        assert_eq!(
            conflicts(&[&flood("evacuated", "18"), &flood("evacuated", "80")]).len(),
            1
        );
    }

    /// A count the sentence goes on from ("six shots, then four more",
    /// "killed one and wounded another") is the first part of a series:
    /// not set against a whole, only against another first part.
    #[test]
    fn the_first_part_of_a_series_is_not_the_whole() {
        let whole = article(
            "August 20, 2025",
            "Nine shots can be heard on the recording from the car park, a sound analyst told the court.",
        );
        let part = |rest: &str| {
            article(
                "August 20, 2025",
                &format!(
                    "Five shots can be heard on the recording from the car park, {rest} a sound analyst told the court."
                ),
            )
        };
        for rest in [
            "then a pause and four more,",
            "followed by several more,",
            "and another two after a pause,",
        ] {
            assert!(conflicts(&[&whole, &part(rest)]).is_empty(), "{rest}");
        }
        // "More than" is a bound, and "one another" no further part.
        assert_eq!(
            conflicts(&[&whole, &part("louder than more than one witness recalled,")]).len(),
            1
        );
        assert_eq!(
            conflicts(&[&whole, &part("as the men shouted at one another,")]).len(),
            1
        );
        // Two first parts are compared: "the first seven shots".
        let first = article(
            "August 20, 2025",
            "The first seven shots can be heard on the recording from the car park, a sound analyst told the court.",
        );
        assert_eq!(conflicts(&[&first, &part("then four more,")]).len(), 1);
        let car = |rest: &str| {
            article(
                "March 4, 2025",
                &format!(
                    "The driver killed one pensioner {rest} with his van outside the Corran market on Monday, police said."
                ),
            )
        };
        let two = article(
            "March 4, 2025",
            "The driver hit two pensioners outside the Corran market on Monday, police said.",
        );
        assert!(conflicts(&[&car("and injured another"), &two]).is_empty());
        assert!(conflicts(&[&car("and injured a second"), &two]).is_empty());
        assert_eq!(conflicts(&[&car("at speed"), &two]).len(), 1);
    }

    /// "An additional eight people" adds to a group told before: it is not
    /// that group's total.
    #[test]
    fn an_added_group_is_not_the_total() {
        let total = article(
            "October 7, 2025",
            "About 50 people have been arrested over the disappearance of the students in Tixtla, prosecutors said.",
        );
        let added = |word: &str| {
            article(
                "October 7, 2025",
                &format!(
                    "Prosecutors said {word} eight people have been arrested over the disappearance of the students in Tixtla."
                ),
            )
        };
        assert!(conflicts(&[&total, &added("an additional")]).is_empty());
        assert!(conflicts(&[&total, &added("another")]).is_empty());
        assert_eq!(conflicts(&[&total, &added("exactly")]).len(), 1);
    }

    #[test]
    fn different_moments_do_not_conflict() {
        let handover = article(
            "May 11, 2025",
            "Three hostages were handed to the Red Cross in Khan Younis on February 15, 2025, in the sixth exchange.",
        );
        let now = article(
            "May 11, 2025",
            "Approximately 48 hostages are held in Gaza, and the Red Cross in Khan Younis has asked to visit them.",
        );
        assert!(conflicts(&[&handover, &now]).is_empty());
        // The stated date is what keeps them apart.
        let undated = handover.replace(" on February 15, 2025,", "");
        let an = run(&[&undated, &now]);
        assert_eq!(of_kind(&an, FindingKind::NumberConflict).len(), 1);
    }

    #[test]
    fn a_close_match_may_leave_out_a_modifier() {
        let plain = REFUGEES_120.replace("Syrian ", "");
        assert_eq!(
            conflicts(&[
                &article("March 5, 2025", &plain),
                &article("March 5, 2025", &REFUGEES_120.replace("120", "140"))
            ])
            .len(),
            1
        );
    }

    #[test]
    fn articles_months_apart_are_a_change_over_time() {
        let an = run(&[
            &article("March 5, 2025", REFUGEES_120),
            &article("July 20, 2025", REFUGEES_140),
        ]);
        let found = of_kind(&an, FindingKind::NumberConflict);
        assert_eq!(found.len(), 1);
        assert!(found[0].change_over_time);
        assert_eq!(found[0].severity, Severity::Low);
        assert!(found[0].summary.starts_with("Changed over time"));
    }

    #[test]
    fn the_outlier_is_the_claim_and_the_agreeing_are_evidence() {
        let date = "March 5, 2025";
        let others = [
            "Officials said 140 Syrian refugees crossed the Kessab border post into Turkey on Tuesday morning.",
            REFUGEES_140,
        ];
        let an = run(&[
            &article(date, others[0]),
            &article(date, REFUGEES_120),
            &article(date, others[1]),
        ]);
        let found = of_kind(&an, FindingKind::NumberConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.evidence[0].article, 1);
        assert_eq!(f.evidence.len(), 3);
        assert_eq!(f.suggestion.as_deref(), Some("140 Syrian refugees"));
    }

    /// The refugees' crossing told once more, with `n` of them.
    fn buses(n: u32) -> String {
        format!(
            "Buses took {n} Syrian refugees across the Kessab border post into Turkey on Tuesday morning, officials said."
        )
    }

    /// Two articles against three on one figure is one disagreement: one
    /// finding, both sides in its evidence, the smaller side the claim.
    #[test]
    fn one_disagreement_is_one_finding_whatever_the_number_of_articles() {
        let date = "March 5, 2025";
        let an = run(&[
            &article(date, REFUGEES_120),
            &article(date, REFUGEES_140),
            &article(
                date,
                "Officials said 140 Syrian refugees crossed the Kessab border post into Turkey on Tuesday morning.",
            ),
            &article(date, &buses(120)),
            &article(
                date,
                "Some 140 Syrian refugees crossed the Kessab border post into Turkey on Tuesday morning, a local official said.",
            ),
        ]);
        let found = of_kind(&an, FindingKind::NumberConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.evidence.len(), 5, "{f:#?}");
        assert_eq!(f.evidence[0].article, 0);
        assert_eq!(
            f.summary,
            "120 Syrian refugees here and in d.txt, 140 in b.txt, c.txt and e.txt"
        );
    }

    /// Two counts with different modifiers are one group when the story
    /// gives both modifiers to that noun at once; otherwise they may be
    /// two groups and stay apart.
    #[test]
    fn modifiers_told_together_make_one_group() {
        let freed = |n: &str, who: &str| {
            same_day(&format!(
                "Rebels freed {n} {who} soldiers near the Mahakali border crossing on Tuesday, the army said."
            ))
        };
        let (nepalese, gurkha) = (freed("14", "Nepalese"), freed("41", "Gurkha"));
        assert!(conflicts(&[&nepalese, &gurkha]).is_empty());
        // Told in other words elsewhere, so that only the modifiers join
        // the two.
        let both = same_day(
            "In Kathmandu, the families of the 14 Nepalese Gurkha soldiers waited for news.",
        );
        let found = conflicts(&[&nepalese, &gurkha, &both]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let summary = &found[0].summary;
        assert!(
            summary.contains("14") && summary.contains("41"),
            "{summary}"
        );
    }

    /// An adjective that sets nothing apart ("separate", "whole") is no
    /// modifier: "three separate occasions" counts occasions, as "six
    /// occasions" does; a modifier that does set a group apart still
    /// keeps the counts apart under a loose alignment.
    #[test]
    fn an_adjective_that_sets_nothing_apart_is_no_modifier() {
        let separate = same_day(
            "Ortiz told the inquiry that the governor had called him on three separate occasions before the vote in Tucson.",
        );
        let plain = same_day(
            "The governor called Ortiz on six occasions before the Tucson vote, aides to the governor said.",
        );
        assert_eq!(conflicts(&[&separate, &plain]).len(), 1);
        let private = separate.replace("separate", "private");
        assert!(conflicts(&[&private, &plain]).is_empty());
    }

    /// Three values are not two sides: each claim keeps its own finding.
    #[test]
    fn three_values_stay_apart() {
        let date = "March 5, 2025";
        let an = run(&[
            &article(date, REFUGEES_120),
            &article(date, REFUGEES_140),
            &article(date, &buses(160)),
        ]);
        let found = of_kind(&an, FindingKind::NumberConflict);
        assert!(found.len() >= 2, "{found:#?}");
        for f in found {
            assert!(!f.summary.contains("here and in"), "{}", f.summary);
        }
    }

    /// One statement told twice with two values conflicts even when the
    /// article gives the other value elsewhere: it then disagrees with
    /// itself, not counts another group.
    #[test]
    fn one_statement_told_twice_conflicts_whatever_else_the_article_says() {
        let quote = |n: &str| {
            format!(
                "\"It does not matter that he lost his job in Namche Bazaar, he has {n} children already,\" she said on Monday."
            )
        };
        let other = format!("His five children were at the hearing. {}", quote("eight"));
        assert_eq!(
            conflicts(&[
                &article("June 2, 2025", &other),
                &article("June 2, 2025", &quote("five"))
            ])
            .len(),
            1
        );
    }

    #[test]
    fn an_article_that_gives_both_numbers_counts_two_groups() {
        let day = "Three hostages were freed in Rafah on Sunday as the truce began.";
        let phase = "Under the deal, which began on Sunday in Rafah, 33 hostages will be freed.";
        let both = format!("{day} In all, 33 hostages will be freed in the first phase.");
        assert_eq!(
            conflicts(&[
                &article("June 2, 2025", day),
                &article("June 2, 2025", phase)
            ])
            .len(),
            1
        );
        assert!(
            conflicts(&[
                &article("June 2, 2025", &both),
                &article("June 2, 2025", phase)
            ])
            .is_empty()
        );
        let beside = "Three hostages were freed in Rafah on Sunday as the truce began, and 33 in all will be freed.";
        assert!(
            conflicts(&[
                &article("June 2, 2025", beside),
                &article("June 2, 2025", phase)
            ])
            .is_empty()
        );
    }

    /// An article that tells one statement in two sentences with two
    /// values disagrees with itself: the sentence that agrees with another
    /// article does not make the other value a second group.
    #[test]
    fn a_statement_retold_with_another_value_is_no_second_group() {
        let told = |n: &str| {
            format!(
                "The storm killed {n} villagers along the coast near Galle on Sunday, officials said."
            )
        };
        let retold = |n: &str, fate: &str| {
            format!("Rescuers said {n} villagers {fate} when the storm struck the coast by Galle.")
        };
        let other = same_day(&told("40"));
        let both = same_day(&format!("{} {}", told("40"), retold("90", "died")));
        let found = conflicts(&[&both, &other]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("90"), "{}", found[0].summary);
        // The other figure told of another fate: two groups, as before.
        let both = same_day(&format!("{} {}", told("40"), retold("90", "were injured")));
        let other = same_day("Rescuers said the storm killed 90 villagers near Galle on Sunday.");
        let found = conflicts(&[&both, &other]);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A measure beside a count is no bare figure of it: "in three months"
    /// does not make "six surgeries" a second group of three.
    #[test]
    fn a_measure_beside_a_count_is_not_its_other_figure() {
        let surgeries = |n: &str| {
            same_day(&format!(
                "The boy has had {n} surgeries so far, and doctors expect him to walk again in three months, his mother said."
            ))
        };
        let found = conflicts(&[&surgeries("six"), &surgeries("three")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        // A bare number beside it still tells the other group.
        let beside = same_day(
            "The boy has had six surgeries so far, three of them last week, and doctors expect him to walk again soon, his mother said.",
        );
        assert!(conflicts(&[&beside, &surgeries("three")]).is_empty());
    }

    fn same_day(body: &str) -> String {
        article("June 2, 2025", body)
    }

    #[test]
    fn scales_glued_to_money_are_read() {
        let ask = |n: &str| {
            same_day(&format!(
                "The kidnappers ask for {n} before any exchange of prisoners."
            ))
        };
        assert!(conflicts(&[&ask("$1m"), &ask("$1 million")]).is_empty());
        assert_eq!(conflicts(&[&ask("$1m"), &ask("$5 million")]).len(), 1);
    }

    /// A count that ends its sentence has no words after it: that says
    /// nothing against the other count's ("… selling over 30 million
    /// units." and "… selling more than ten million units since its
    /// debut"), while words on both sides that differ still keep two
    /// counts apart.
    #[test]
    fn a_generic_count_at_the_end_of_its_sentence_is_compared() {
        let sold = |n: &str, tail: &str| {
            article(
                "June 2, 2025",
                &format!(
                    "The Roomba vacuum cleaner by iRobot has been selling well, with over {n} units{tail}"
                ),
            )
        };
        let found = conflicts(&[
            &sold("30 million", "."),
            &sold("10 million", " since its launch in the United States."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let elsewhere = conflicts(&[
            &sold("30 million", " in Europe."),
            &sold("10 million", " since its launch in the United States."),
        ]);
        assert!(elsewhere.is_empty(), "{elsewhere:?}");
    }

    #[test]
    fn money_shares_and_durations_are_compared_where_the_words_match() {
        let bridge = |n: &str| {
            same_day(&format!(
                "The harbour council said it spent {n} on the new swing bridge over the Tamar estuary last year."
            ))
        };
        assert_eq!(
            conflicts(&[&bridge("$4 million"), &bridge("$9 million")]).len(),
            1
        );
        assert_eq!(conflicts(&[&bridge("£4.50"), &bridge("£7.25")]).len(), 1);
        let turnout = |n: &str| {
            same_day(&format!(
                "Turnout in the Tamar valley reached {n} on Sunday, the electoral office said."
            ))
        };
        assert_eq!(
            conflicts(&[&turnout("62%"), &turnout("48 percent")]).len(),
            1
        );
        let sentence = |n: &str| {
            same_day(&format!(
                "The ferry captain now faces {n} in jail for the collision in the Tamar estuary."
            ))
        };
        assert_eq!(
            conflicts(&[&sentence("five years"), &sentence("eight years")]).len(),
            1
        );
    }

    /// In aligned statements the words next to a measure may differ on
    /// one side ("could face", "could spend") while the rest of that side
    /// is the same: the side meets in its wider context.
    #[test]
    fn an_aligned_measure_meets_in_the_wider_context() {
        let face = same_day(
            "If the ferry captain is found guilty of the collision, he could face up to five years in prison.",
        );
        let spend = |n: &str| {
            same_day(&format!(
                "If found guilty of the collision, the ferry captain could spend up to {n} years in prison."
            ))
        };
        assert_eq!(conflicts(&[&face, &spend("eight")]).len(), 1);
        assert!(conflicts(&[&face, &spend("five")]).is_empty());
        // Nothing in common before the measure: another sentence.
        let served = same_day(
            "The ferry company's last skipper, sacked over a harbour scandal, served up to eight years in prison.",
        );
        assert!(conflicts(&[&face, &served]).is_empty());
    }

    /// Statements that share little else still measure one thing when
    /// the measure stands between the same words on both sides.
    #[test]
    fn a_measure_framed_alike_is_compared_in_a_weak_alignment() {
        let yard = |n: &str| {
            same_day(&format!(
                "Engineers at the Tamar yard said the new Padstow lifeboat weighs {n} tonnes, heavier than any boat they had built for the charity."
            ))
        };
        let launch = |n: &str| {
            same_day(&format!(
                "Launched on Saturday by the bishop, the new Padstow lifeboat weighs {n} tonnes, heavier than its predecessor."
            ))
        };
        assert_eq!(conflicts(&[&yard("14"), &launch("17")]).len(), 1);
        assert!(conflicts(&[&yard("14"), &launch("14")]).is_empty());
        // The same words before the measure only: another figure.
        let crane = same_day(
            "Launched on Saturday by the bishop, the new Padstow lifeboat weighs 17 tonnes less than the crane that lifted it.",
        );
        assert!(conflicts(&[&yard("14"), &crane]).is_empty());
    }

    #[test]
    fn measures_of_different_things_stay_quiet() {
        // Same unit, same statement, different thing measured.
        let spent = |n: &str, on: &str| {
            same_day(&format!(
                "The harbour council said it spent {n} on the new {on} over the Tamar estuary last year."
            ))
        };
        assert!(
            conflicts(&[
                &spent("$4 million", "swing bridge"),
                &spent("$9 million", "ferry pier")
            ])
            .is_empty()
        );
        // A range that holds the other value agrees with it.
        let sentence = |n: &str| {
            same_day(&format!(
                "The ferry captain now faces {n} in jail for the collision in the Tamar estuary."
            ))
        };
        assert!(conflicts(&[&sentence("up to eight years"), &sentence("five years")]).is_empty());
        // Days of the month and phone numbers are not amounts.
        let call = |n: &str| {
            same_day(&format!(
                "Readers in the Tamar valley who need support can call the helpline on {n} tonight, the trust said."
            ))
        };
        assert!(conflicts(&[&call("13 11 14"), &call("0800 555 019")]).is_empty());
        let video = |d: &str| {
            same_day(&format!(
                "On Aug. {d} the rebel group released a video of the Tamar estuary raid, the monitors said."
            ))
        };
        assert!(conflicts(&[&video("19"), &video("20")]).is_empty());
    }

    #[test]
    fn an_article_measuring_another_thing_elsewhere_still_disagrees() {
        let tax = |n: &str| {
            format!(
                "The guild said the council forced traders to pay {n} of each sale in the Tamar market. \
                 Members give 2% of their income to the guild fund each year."
            )
        };
        let one = same_day(&tax("2%"));
        let other = same_day(&tax("5%"));
        assert_eq!(conflicts(&[&one, &other]).len(), 1);
    }

    #[test]
    fn bare_numbers_compare_by_the_words_around_them() {
        let rescue = |n: &str| {
            same_day(&format!(
                "Rescuers pulled {n} from the collapsed Tamar mill on Monday, the fire service said."
            ))
        };
        assert_eq!(conflicts(&[&rescue("14"), &rescue("19")]).len(), 1);
        assert!(conflicts(&[&rescue("14"), &rescue("about 15")]).is_empty());
    }

    #[test]
    fn a_group_counted_against_another_is_not_the_whole() {
        let squad = |n: &str| {
            same_day(&format!(
                "The three cadets were among {n} of the Tamar rowing squad at the regatta, the coach said."
            ))
        };
        assert!(conflicts(&[&squad("12 other members"), &squad("15 members")]).is_empty());
        assert_eq!(
            conflicts(&[&squad("12 members"), &squad("15 members")]).len(),
            1
        );
    }

    #[test]
    fn sample_story_has_the_planted_conflict_only() {
        let an = analyze(
            crate::samples::articles().expect("samples"),
            crate::kb::Kb::builtin(),
            &Options::default(),
        );
        let numbers = of_kind(&an, FindingKind::NumberConflict);
        assert_eq!(numbers.len(), 1, "{numbers:#?}");
        let q = quotes(&an, numbers[0]);
        assert_eq!(q[0], "95 Palestinian prisoners");
        assert_eq!(numbers[0].evidence[0].article, 2);
        assert_eq!(q[1..], ["90 Palestinian prisoners"; 3]);
    }
}
