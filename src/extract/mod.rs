//! Mentions: the people, offices, organisations, places, quantities, dates
//! and attributions an article contains, each with its exact span and a
//! normalised value.

pub(crate) mod attribution;
mod dates;
pub(crate) mod names;
mod numbers;
pub(crate) mod polarity;
pub(crate) mod speech;
pub(crate) mod words;

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::kb::{Entity, Kb};
use crate::text::tokens::{Token, Words};

pub use crate::text::dates::{Precision, weekday as weekday_index, weekday_name};
pub(crate) use numbers::cardinal;
pub use words::is_stop;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Person,
    Office,
    Organization,
    Place,
    Quantity,
    Date,
    Attribution,
}

impl MentionKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Office => "office",
            Self::Organization => "organization",
            Self::Place => "place",
            Self::Quantity => "quantity",
            Self::Date => "date",
            Self::Attribution => "attribution",
        }
    }
}

/// Whether a statement about a person or office is framed as present,
/// past or future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    Present,
    Past,
    Future,
}

/// A person or office as named in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonValue {
    /// The full name ("Dana Whitcombe"), taken from an earlier mention for
    /// a bare surname.
    pub name: String,
    /// The KB person id, when the name is a known rendering.
    pub kb: Option<String>,
    /// The title or role phrase attached ("U.S. Special Envoy for the Middle East").
    pub role: Option<String>,
    /// The KB office the role names.
    pub office: Option<String>,
    /// "former", "ex-", "then-", "late": explicitly not current.
    pub former: bool,
    pub tense: Option<Tense>,
    /// The mention this bare surname was linked to (index into the
    /// article's mentions).
    pub linked_to: Option<usize>,
    #[serde(skip)]
    pub entity: Option<Entity>,
    #[serde(skip)]
    pub office_entity: Option<Entity>,
}

/// An office, government, administration or governing body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfficeValue {
    pub name: String,
    pub kb: Option<String>,
    /// "office", "administration", "government" or "body".
    pub form: &'static str,
    pub former: bool,
    pub tense: Option<Tense>,
    #[serde(skip)]
    pub entity: Option<Entity>,
}

/// An organisation or a place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NamedValue {
    pub name: String,
    pub kb: Option<String>,
    #[serde(skip)]
    pub entity: Option<Entity>,
}

/// A count as an interval: `low`/`high` are `None` when unbounded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuantityValue {
    #[serde(serialize_with = "number")]
    pub low: Option<f64>,
    #[serde(serialize_with = "number")]
    pub high: Option<f64>,
    pub approximate: bool,
    pub counted: Option<String>,
    pub ordinal: bool,
}

/// A date or time as an interval of days, `from` and `to` inclusive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DateValue {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub precision: Precision,
    /// "18:30" when a time of day was given.
    pub time: Option<String>,
    /// The weekday named beside the date, if any ("Saturday, January 19").
    pub weekday: Option<String>,
    /// Resolved against the publication date or a KB event.
    pub relative: bool,
    /// What a relative date was resolved against.
    pub basis: Option<String>,
    /// The month and day of a date written without a year in an undated
    /// article ("August 27"): its year is unknown, so `from` is `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month_day: Option<(i8, i8)>,
}

/// Who a statement is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributionValue {
    /// The named source: an outlet, a person, an organisation.
    pub source: Option<String>,
    pub kb: Option<String>,
    /// The speaker as described ("a senior Hamas official").
    pub speaker: Option<String>,
    /// The verb or phrase that attributes ("according to", "told").
    pub verb: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Person(PersonValue),
    Office(OfficeValue),
    Named(NamedValue),
    Quantity(QuantityValue),
    Date(DateValue),
    Attribution(AttributionValue),
}

/// One thing an article mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub kind: MentionKind,
    /// Byte range in the article's analysis text.
    pub range: Range<usize>,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    pub value: Value,
}

#[allow(
    clippy::ref_option,
    reason = "serde's serialize_with passes a reference"
)]
fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *value {
        #[allow(
            clippy::cast_precision_loss,
            reason = "integral values below 2^53 print exactly"
        )]
        Some(v) if v.fract() == 0.0 && v.abs() < (1u64 << 53) as f64 =>
        {
            #[allow(clippy::cast_possible_truncation, reason = "checked integral above")]
            s.serialize_i64(v as i64)
        }
        Some(v) => s.serialize_f64(v),
        None => s.serialize_none(),
    }
}

/// What the extractors know about the article as a whole.
pub struct Context<'a> {
    pub kb: &'a Kb,
    /// The publication date relative dates resolve against.
    pub published: Option<Date>,
    /// For undated articles: a day inside the inferred window, used only to
    /// give a year to "January 20".
    pub year_hint: Option<Date>,
    /// The whole analysis text, folded, for KB event keywords.
    pub folded: String,
}

/// A sentence being read: its tokens and which of them a mention took.
/// Its words (`text`, `tokens`, `word`, `is`) are reached through `Deref`,
/// so the date grammar of `crate::text::dates` reads a sentence directly.
pub(crate) struct Sentence<'a> {
    words: Words<'a>,
    pub index: usize,
    pub taken: Vec<bool>,
    pub hits: Vec<crate::kb::Hit>,
    /// Each token lower-cased: the extractors ask for most of them several
    /// times.
    lowered: Vec<Cow<'a, str>>,
}

impl<'a> Sentence<'a> {
    pub fn new(
        text: &'a str,
        index: usize,
        tokens: &'a [Token],
        hits: Vec<crate::kb::Hit>,
    ) -> Self {
        let lowered = tokens
            .iter()
            .map(|t| {
                let w = t.text(text);
                if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    Cow::Owned(w.to_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        Sentence {
            words: Words { text, tokens },
            index,
            taken: vec![false; tokens.len()],
            hits,
            lowered,
        }
    }

    pub fn lower(&self, i: usize) -> &str {
        self.lowered.get(i).map_or("", |w| w)
    }

    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].start..self.tokens[last].end
    }

    pub fn take(&mut self, first: usize, last: usize) {
        for t in &mut self.taken[first..=last] {
            *t = true;
        }
    }

    /// The index of the token starting at byte `pos`.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.start).ok()
    }

    /// The index of the token ending at byte `pos`.
    pub fn token_ending(&self, pos: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.end).ok()
    }
}

impl<'a> std::ops::Deref for Sentence<'a> {
    type Target = Words<'a>;

    fn deref(&self) -> &Words<'a> {
        &self.words
    }
}

/// Extracts every mention of the given sentences of `text`.
#[must_use]
/// The mentions of an article, sorted by position, and the runs of
/// capitalised words that may be a person's name the article never
/// confirmed (the story's roster may: `detect::confirm_names`).
pub fn extract(text: &str, sentences: &[&[Token]], ctx: &Context) -> (Vec<Mention>, Vec<NameRun>) {
    let mut out = Vec::new();
    let mut people = names::People::default();
    for (index, tokens) in sentences.iter().enumerate() {
        let hits = ctx.kb.scan_tokens(text, tokens);
        let mut s = Sentence::new(text, index, tokens, hits);
        dates::extract(&mut s, ctx, &mut out);
        names::extract(&mut s, ctx, &mut people, &mut out);
        numbers::extract(&mut s, &mut out);
        attribution::extract(&s, ctx, &out_people(&out, index), &mut out);
    }
    people.link_surnames(text, ctx.kb, &mut out);
    sort_mentions(&mut out);
    let unconfirmed = people.unconfirmed(&out);
    (out, unconfirmed)
}

/// Mentions in the order every reader expects: by position, then kind.
pub fn sort_mentions(out: &mut [Mention]) {
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.kind).cmp(&(b.range.start, b.range.end, b.kind))
    });
}

/// A person mention that no rule has filled in beyond its name.
#[must_use]
pub fn bare_person(range: Range<usize>, sentence: usize, name: &str) -> Mention {
    names::bare_person(range, sentence, name)
}

/// A run of two or three capitalised words with nothing in its article to
/// mark it as a person's name ("Leelah Alccorn, born …"): its byte range
/// and sentence.
pub type NameRun = (Range<usize>, usize);

/// The ranges and names of the people mentioned in one sentence.
fn out_people(out: &[Mention], sentence: usize) -> Vec<(Range<usize>, String)> {
    out.iter()
        .rev()
        .take_while(|m| m.sentence == sentence)
        .filter_map(|m| match &m.value {
            Value::Person(p) => Some((m.range.clone(), p.name.clone())),
            _ => None,
        })
        .collect()
}

/// The mentions of one sentence. Mentions are sorted by position, so a
/// sentence's are one run, found by binary search: scanning the article
/// for each would make long articles quadratic.
#[must_use]
pub fn sentence_mentions(mentions: &[Mention], sentence: usize) -> &[Mention] {
    let from = mentions.partition_point(|x| x.sentence < sentence);
    let to = from + mentions[from..].partition_point(|x| x.sentence == sentence);
    &mentions[from..to]
}
