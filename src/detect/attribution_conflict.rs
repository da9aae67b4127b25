//! `attribution-conflict`: who said it.
//!
//! * The same quoted words (straight or curly double quotes, five words or
//!   more, equal or one inside the other once case, punctuation and spacing
//!   are folded) credited to different speakers in two articles: High when
//!   both speakers are people or offices, Medium when one is an institution
//!   (an organisation speaks through many people).
//! * Words quoted and attributed in one article, stated as plain fact (no
//!   quotation marks, no attribution) in a closely aligned sentence of
//!   another: Low, a weak signal.
//!
//! A speaker is an attribution mention of the quote's sentence, or a
//! person, office or organisation that is the subject of a speech verb
//! there ("Katz said", "\"…,\" said Katz", "Netanyahu's office said").
//! A principal and their office or spokesperson count as one speaker: the
//! office speaks for the principal, and outlets write "Netanyahu said" for
//! a statement of his office. News outlets a quote was told to ("told
//! Reuters") are channels, not speakers, and unnamed sources ("officials")
//! cannot contradict anyone.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use jiff::civil::Date;

use super::spelling::similarity;
use super::{Account, Finding, FindingKind, Severity, Story, claim_order};
use crate::align::Member;
use crate::extract::speech::is_quotation_verb;
use crate::extract::words::is_folded_given_name;
use crate::extract::{AttributionValue, Mention, MentionKind, PersonValue, Value};
use crate::kb::{Entity, Kb, surname_of};
use crate::model::ArticleAnalysis;
use crate::model::Role;
use crate::text::fold;
use crate::text::tokens::{Kind, Token, is_capitalised, tokenize};

/// The fewest words a quotation needs to be matched across articles.
const MIN_WORDS: usize = 5;

/// The fewest words a quotation needs before its reuse as plain fact is
/// worth a note: short phrases recur in any prose.
const MIN_FACT_WORDS: usize = 8;

/// How much of a quotation a plain sentence must repeat, in order.
const FACT_COVER: f32 = 0.85;

/// How closely aligned the two sentences must be for the plain-fact case.
const FACT_PAIR_SCORE: f32 = 0.5;

/// Name similarity above which two renderings are one speaker (the
/// misspelling itself is the `name-variant` rule's business).
const SAME_NAME: f64 = 0.8;

/// Words between a subject and its speech verb: "also said", "has said".
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "again",
    "then",
    "has",
    "have",
    "had",
    "earlier",
    "previously",
];

/// What a principal speaks through: "Netanyahu's office said",
/// "Netanyahu's press office said".
const BUREAUS: &[&str] = &[
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "bureau",
];

/// Words that may stand between the possessive and the bureau.
const BUREAU_MODIFIERS: &[&str] = &["press", "media"];

/// Words that make a sentence reported speech rather than plain fact.
const REPORTING: &[&str] = &[
    "according",
    "reportedly",
    "allegedly",
    "quoted",
    "quoting",
    "citing",
];

/// Who said something, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// A named person; `id` when the KB knows them, `office` from a title
    /// written beside the name, `org` from an organisation in it.
    Person {
        id: Option<u32>,
        office: Option<u32>,
        org: Option<u32>,
    },
    /// An office ("the defense minister"), or an administration.
    Office(u32),
    /// A KB organisation that is not a news outlet.
    Org(u32),
}

/// A speaker as written, with where.
#[derive(Clone, Debug)]
struct Speaker {
    /// Display name: "Benjamin Netanyahu's office".
    name: String,
    /// The name without a bureau, for comparing names.
    base: String,
    /// The speaker and the verb, for evidence.
    range: Range<usize>,
    /// `None` for unnamed sources and outlets: they cannot conflict.
    who: Option<Who>,
    /// An organisation or administration rather than a person or office.
    institutional: bool,
    /// False for a description beside a named speaker ("a Hamas
    /// spokesman, Hazem Qassem"): it tells what the speaker speaks for,
    /// so it counts when comparing, but it is not a second speaker.
    shown: bool,
}

/// Speakers credited together at one place ("Katz and Netanyahu said").
#[derive(Clone, Debug)]
struct Said {
    range: Range<usize>,
    speakers: Vec<Speaker>,
}

/// A quotation and whom its article credits it to.
#[derive(Clone, Debug)]
struct Quote {
    article: usize,
    /// The quoted text, without the marks.
    range: Range<usize>,
    words: Vec<String>,
    said: Option<Said>,
}

impl Quote {
    fn speakers(&self) -> impl Iterator<Item = &Speaker> {
        self.said.iter().flat_map(|s| &s.speakers)
    }

    fn named(&self) -> impl Iterator<Item = &Speaker> {
        self.speakers().filter(|s| s.who.is_some())
    }
}

/// Quotations credited to different speakers, and quotations restated as fact.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let quotes: Vec<Vec<Quote>> = (0..story.articles.len())
        .map(|ai| article_quotes(story, ai))
        .collect();
    let mut out = conflicts(story, &quotes);
    out.extend(restated_as_fact(story, &quotes));
    out
}

// ---------------------------------------------------------------------------
// Quotations

/// The inner ranges of the double-quoted passages of `text[range]`. A
/// passage left open at the end of a paragraph (a quote running on into the
/// next) is dropped: its end is not known.
fn quote_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match (c, open) {
            ('"', Some(('"', start))) | ('\u{201D}', Some(('\u{201C}', start))) => {
                out.push(start..at);
                open = None;
            }
            ('"', None) | ('\u{201C}', None | Some(('\u{201C}', _))) => {
                open = Some((c, at + c.len_utf8()));
            }
            _ => {}
        }
    }
    out
}

/// Folded words, punctuation and spacing dropped.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every quotation of an article long enough to match, with its speaker.
fn article_quotes(story: &Story, ai: usize) -> Vec<Quote> {
    let a = &story.articles[ai];
    let spans: Vec<Range<usize>> = a
        .article
        .blocks
        .iter()
        .filter(|b| b.role != Role::Caption)
        .flat_map(|b| quote_spans(&a.article.text, b.range.clone()))
        .collect();
    spans
        .iter()
        .filter_map(|r| {
            let words = words(&a.article.text[r.clone()]);
            (words.len() >= MIN_WORDS).then(|| Quote {
                article: ai,
                range: r.clone(),
                words,
                said: speaker_of(story, ai, r, &spans),
            })
        })
        .collect()
}

fn sentence_at(a: &ArticleAnalysis, pos: usize) -> Option<usize> {
    a.sentences
        .iter()
        .position(|s| s.range.start <= pos && pos <= s.range.end)
}

/// Whom a quotation is credited to: the nearest speaker before it in its
/// sentence (back to the previous quotation), else the first after it (up
/// to the next). "X said \"A\" and Y said \"B\"" gives A to X and B to Y;
/// "\"A,\" X said, \"B.\"" gives both to X.
fn speaker_of(story: &Story, ai: usize, q: &Range<usize>, spans: &[Range<usize>]) -> Option<Said> {
    let a = &story.articles[ai];
    let first = sentence_at(a, q.start)?;
    let last = sentence_at(a, q.end).unwrap_or(first);
    let from = spans
        .iter()
        .map(|s| s.end)
        .filter(|&e| e < q.start)
        .fold(a.sentences[first].range.start, usize::max);
    let to = spans
        .iter()
        .map(|s| s.start)
        .filter(|&s| s > q.end)
        .fold(a.sentences[last].range.end, usize::min);
    let found: Vec<Said> = (first..=last)
        .flat_map(|s| said_in(story, ai, s, spans))
        .collect();
    let before = found
        .iter()
        .rev()
        .find(|s| s.range.start >= from && s.range.end <= q.start);
    let (said, gap) = if let Some(s) = before {
        (s, s.range.end..q.start)
    } else {
        let s = found
            .iter()
            .find(|s| s.range.start >= q.end && s.range.end <= to)?;
        (s, q.end..s.range.start)
    };
    clear(&a.article.text, gap).then(|| said.clone())
}

/// Whether nothing between a speaker and a quotation may claim the words
/// instead: another speech verb ("Katz responded to Hamas, which said
/// \"…\"") or a possessive ("Katz rejected Hamas's claim that \"…\"").
fn clear(text: &str, gap: Range<usize>) -> bool {
    let mut tokens = Vec::new();
    tokenize(text, gap, &mut tokens);
    !tokens
        .iter()
        .any(|t| t.kind == Kind::Possessive || is_quotation_verb(t.text(text)))
}

// ---------------------------------------------------------------------------
// Speakers

fn inside(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start <= r.start && r.end <= s.end)
}

/// The speakers named in one sentence, outside its quotations.
fn said_in(story: &Story, ai: usize, sentence: usize, spans: &[Range<usize>]) -> Vec<Said> {
    let member = Member {
        article: ai,
        sentence,
    };
    let text = &story.articles[ai].article.text;
    let tokens = story.articles[ai].sentence_tokens(sentence);
    let mentions: Vec<&Mention> = story
        .mentions(member)
        .filter(|m| !inside(spans, &m.range))
        .collect();
    let ctx = Ctx {
        story,
        ai,
        text,
        tokens,
        mentions: &mentions,
        spans,
    };
    let mut out: Vec<Said> = (0..tokens.len())
        .filter(|&i| !inside(spans, &tokens[i].range()) && is_quotation_verb(ctx.word(i)))
        .filter_map(|i| ctx.subject_before(i).or_else(|| ctx.subject_after(i)))
        .collect();
    for m in &mentions {
        let Value::Attribution(v) = &m.value else {
            continue;
        };
        if out
            .iter()
            .all(|s| s.range.end <= m.range.start || s.range.start >= m.range.end)
        {
            out.push(Said {
                range: m.range.clone(),
                speakers: vec![attributed(story.kb, m, v)],
            });
        }
    }
    out.sort_by_key(|s| (s.range.start, s.range.end));
    out
}

fn has(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// One sentence being read for speakers.
struct Ctx<'a, 's> {
    story: &'a Story<'s>,
    ai: usize,
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [&'a Mention],
    /// The article's quotations: words inside them name no speaker.
    spans: &'a [Range<usize>],
}

impl Ctx<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The longest speaker-like mention ending at byte `end`.
    fn ending_at(&self, end: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .filter(|m| m.range.end == end && speaker_like(m))
            .max_by_key(|m| m.range.len())
            .copied()
    }

    /// "Katz said", "Netanyahu's office said", "Israel Katz, the defense
    /// minister, said", "Katz and Netanyahu said".
    fn subject_before(&self, verb: usize) -> Option<Said> {
        let mut j = verb.checked_sub(1)?;
        while j > 0 && (has(BETWEEN, self.word(j)) || is_adverb(self.word(j))) {
            j -= 1;
        }
        let verb_end = self.tokens[verb].end;
        let (first, described) = if let Some((k, bureau)) = self.bureau_at(j) {
            (self.subject_ending(k, Some(&bureau), verb_end)?, None)
        } else if self.word(j) == "," {
            self.apposition(j, verb_end)?
        } else {
            (self.subject_ending(j, None, verb_end)?, None)
        };
        let mut speakers = vec![first];
        let start = self
            .tokens
            .iter()
            .position(|t| t.start == speakers[0].range.start)?;
        if start >= 2 && has(&["and", "&"], self.word(start - 1)) {
            speakers.extend(self.subject_ending(start - 2, None, verb_end));
        }
        let from = speakers
            .iter()
            .map(|s| s.range.start)
            .min()
            .unwrap_or(verb_end);
        speakers.extend(described);
        Some(Said {
            range: from..verb_end,
            speakers,
        })
    }

    /// A bureau ending at token `j` ("'s office", "'s press office"): the
    /// last token of its principal and the bureau's words.
    fn bureau_at(&self, j: usize) -> Option<(usize, String)> {
        if !has(BUREAUS, self.word(j)) {
            return None;
        }
        let mut p = j.checked_sub(1)?;
        if has(BUREAU_MODIFIERS, self.word(p)) {
            p = p.checked_sub(1)?;
        }
        let bureau = self.text[self.tokens[p + 1].start..self.tokens[j].end].to_lowercase();
        (self.tokens[p].kind == Kind::Possessive).then_some((p.checked_sub(1)?, bureau))
    }

    /// A subject with an apposition before the comma at `j`: "a Hamas
    /// spokesman, Hazem Qassem, said" names the speaker in the apposition,
    /// "Israel Katz, the defense minister, said" before it. The other part
    /// describes the same speaker.
    fn apposition(&self, j: usize, verb_end: usize) -> Option<(Speaker, Option<Speaker>)> {
        let earlier = (j.saturating_sub(8)..j)
            .rev()
            .find(|&k| self.word(k) == ",")?;
        if let Some(named) = self.subject_ending(j.checked_sub(1)?, None, verb_end) {
            let phrase = (earlier.saturating_sub(6)..earlier)
                .rev()
                .take_while(|&k| self.tokens[k].kind != Kind::Punct)
                .last()
                .unwrap_or(earlier);
            return Some((named, self.description(phrase, earlier)));
        }
        let named = self.subject_ending(earlier.checked_sub(1)?, None, verb_end)?;
        Some((named, self.description(earlier + 1, j)))
    }

    /// What a description in tokens `first..end` says a speaker speaks
    /// for: a principal ("Netanyahu's spokesman"), an office or an
    /// organisation ("a Hamas spokesman").
    fn description(&self, first: usize, end: usize) -> Option<Speaker> {
        if first >= end {
            return None;
        }
        let range = self.tokens[first].start..self.tokens[end - 1].end;
        let found = match self.bureau_at(end - 1).filter(|&(k, _)| k >= first) {
            Some((k, bureau)) => self.subject_ending(k, Some(&bureau), range.end),
            None => self
                .mentions
                .iter()
                .rfind(|m| {
                    range.start <= m.range.start && m.range.end <= range.end && speaker_like(m)
                })
                .map(|m| speaker(self.story, self.ai, m, None, range.clone()))
                .or_else(|| self.org_described(&range)),
        };
        found.map(|s| Speaker { shown: false, ..s })
    }

    /// The one organisation a description names ("a Hamas spokesman").
    fn org_described(&self, range: &Range<usize>) -> Option<Speaker> {
        let org = org_within(self.story, self.ai, range)?;
        let name = self.story.kb.organizations[org as usize].name.to_string();
        Some(Speaker {
            base: name.clone(),
            name,
            range: range.clone(),
            who: org_speaker(self.story.kb, org),
            institutional: true,
            shown: true,
        })
    }

    /// The speaker whose name ends with token `j`: a mention, or a name the
    /// extractor did not take ("Blinken" with no full name before it).
    fn subject_ending(&self, j: usize, bureau: Option<&str>, verb_end: usize) -> Option<Speaker> {
        if let Some(m) = self.ending_at(self.tokens[j].end) {
            return Some(speaker(
                self.story,
                self.ai,
                m,
                bureau,
                m.range.start..verb_end,
            ));
        }
        let first = (j.saturating_sub(5)..=j)
            .rev()
            .take_while(|&k| self.capitalised(k))
            .last()?;
        self.name_run(first, j, bureau, self.tokens[first].start..verb_end)
    }

    /// "\"…,\" said Katz": the verb right after a quotation or comma.
    fn subject_after(&self, verb: usize) -> Option<Said> {
        let prev = self.tokens.get(verb.checked_sub(1)?)?;
        if prev.kind != Kind::Punct || has(&["told"], self.word(verb)) {
            return None;
        }
        let next = self.tokens.get(verb + 1)?;
        let start = self.tokens[verb].start;
        let found = self
            .mentions
            .iter()
            .filter(|m| m.range.start == next.start && speaker_like(m))
            .max_by_key(|m| m.range.len())
            .map(|m| speaker(self.story, self.ai, m, None, start..m.range.end));
        let s = found.or_else(|| {
            let last = (verb + 1..(verb + 7).min(self.tokens.len()))
                .take_while(|&k| self.capitalised(k))
                .last()?;
            self.name_run(verb + 1, last, None, start..self.tokens[last].end)
        })?;
        Some(Said {
            range: s.range.clone(),
            speakers: vec![s],
        })
    }

    fn capitalised(&self, k: usize) -> bool {
        self.tokens[k].kind == Kind::Word
            && is_capitalised(self.word(k))
            && !inside(self.spans, &self.tokens[k].range())
    }

    /// A person named by capitalised words the extractor left alone: a KB
    /// name or a lone KB surname, or a given name and a surname ("Councillor
    /// Omar Feldane" → Omar Feldane). Other capitalised words ("Officials")
    /// name no one.
    fn name_run(
        &self,
        first: usize,
        last: usize,
        bureau: Option<&str>,
        range: Range<usize>,
    ) -> Option<Speaker> {
        let kb = self.story.kb;
        let text = &self.text[self.tokens[first].start..self.tokens[last].end];
        let surname = match kb.people_with_surname(text) {
            [p] if first == last => Some(*p),
            _ => None,
        };
        let (base, id) = if let Some(p) = single_person(kb, text).or(surname) {
            (kb.people[p as usize].name.to_string(), Some(p))
        } else {
            let given = (first..last).find(|&k| is_folded_given_name(&fold(self.word(k))))?;
            let name = &self.text[self.tokens[given].start..self.tokens[last].end];
            (name.to_string(), single_person(kb, name))
        };
        let name = bureau.map_or_else(|| base.clone(), |b| format!("{base}'s {b}"));
        let who = Some(Who::Person {
            id,
            office: None,
            org: None,
        });
        Some(Speaker {
            name,
            base,
            range,
            who,
            institutional: false,
            shown: true,
        })
    }
}

fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase)
}

fn speaker_like(m: &Mention) -> bool {
    matches!(
        m.value,
        Value::Person(_) | Value::Office(_) | Value::Named(_)
    ) && m.kind != MentionKind::Place
}

/// A speaker from a person, office or organisation mention.
fn speaker(
    story: &Story,
    ai: usize,
    m: &Mention,
    bureau: Option<&str>,
    range: Range<usize>,
) -> Speaker {
    let kb = story.kb;
    let (base, who, institutional) = match &m.value {
        Value::Person(p) => (
            p.name.clone(),
            Some(person_who(story, ai, p, &m.range)),
            false,
        ),
        Value::Office(o) => match o.entity {
            Some(Entity::Office(x)) => (o.name.clone(), Some(Who::Office(x)), false),
            Some(Entity::Administration(x)) => (
                o.name.clone(),
                Some(Who::Office(kb.administrations[x as usize].office)),
                true,
            ),
            Some(Entity::Organization(x)) => (o.name.clone(), org_speaker(kb, x), true),
            _ => (o.name.clone(), None, true),
        },
        Value::Named(n) => match n.entity {
            Some(Entity::Organization(x)) => (n.name.clone(), org_speaker(kb, x), true),
            _ => (n.name.clone(), None, true),
        },
        _ => (String::new(), None, true),
    };
    let name = bureau.map_or_else(|| base.clone(), |b| format!("{base}'s {b}"));
    Speaker {
        name,
        base,
        range,
        who,
        institutional,
        shown: true,
    }
}

/// A person as a speaker: the KB person, the office of a title written
/// beside the name, an organisation named in it.
fn person_who(story: &Story, ai: usize, p: &PersonValue, range: &Range<usize>) -> Who {
    let id = match p.entity {
        Some(Entity::Person(x)) => Some(x),
        _ => single_person(story.kb, &p.name),
    };
    let office = match p.office_entity {
        Some(Entity::Office(o)) => Some(o),
        _ => None,
    };
    let org = org_within(story, ai, range);
    Who::Person { id, office, org }
}

/// An organisation as a speaker; news outlets are channels, not speakers.
fn org_speaker(kb: &Kb, org: u32) -> Option<Who> {
    (kb.organizations[org as usize].kind != "media").then_some(Who::Org(org))
}

/// The one KB person a written name stands for, trying it without the
/// words before it too ("President-elect Donald Trump" → "Donald Trump"),
/// down to two words: a lone surname is too weak here.
fn single_person(kb: &Kb, name: &str) -> Option<u32> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (0..=words.len().saturating_sub(2)).find_map(|k| match kb.resolve(&words[k..].join(" ")) {
        [Entity::Person(x)] => Some(*x),
        _ => None,
    })
}

/// The one organisation named inside a mention ("Hamas spokesman Hazem
/// Qassem"), if any.
fn org_within(story: &Story, ai: usize, range: &Range<usize>) -> Option<u32> {
    let text = &story.articles[ai].article.text;
    let orgs: Vec<u32> = story
        .kb
        .scan(text, range.clone())
        .iter()
        .filter_map(|h| match h.entities.as_slice() {
            [Entity::Organization(x)] => Some(*x),
            _ => None,
        })
        .collect();
    match orgs.as_slice() {
        [x] => Some(*x),
        _ => None,
    }
}

/// A speaker from an extracted attribution: "according to Hamas" names
/// one; "told Reuters" names only the channel.
fn attributed(kb: &Kb, m: &Mention, v: &AttributionValue) -> Speaker {
    let channel = matches!(v.verb.as_str(), "told" | "citing")
        || v.verb.starts_with("spoke")
        || v.verb.starts_with("speaking");
    let who = if channel {
        None
    } else {
        v.kb.as_deref().and_then(|id| by_id(kb, id))
    };
    let named = if channel {
        [&v.speaker, &v.source]
    } else {
        [&v.source, &v.speaker]
    };
    let name = named
        .into_iter()
        .find_map(Clone::clone)
        .unwrap_or_else(|| "an unnamed source".into());
    Speaker {
        base: name.clone(),
        name,
        range: m.range.clone(),
        who,
        institutional: matches!(who, Some(Who::Org(_))),
        shown: true,
    }
}

fn by_id(kb: &Kb, id: &str) -> Option<Who> {
    if let Some(p) = kb.people.iter().position(|p| p.id == id) {
        return Some(Who::Person {
            id: Some(p as u32),
            office: None,
            org: None,
        });
    }
    let org = kb.organizations.iter().position(|o| o.id == id)?;
    org_speaker(kb, org as u32)
}

// ---------------------------------------------------------------------------
// Whether two speakers can be one

/// Whether two speakers may be the same source: the same person, a person
/// and an office they held on either article's date, a principal and their
/// office, or names alike. Unnamed sources are compatible with anyone.
fn compatible(kb: &Kb, a: &Speaker, b: &Speaker, dates: &[Date]) -> bool {
    let (Some(x), Some(y)) = (a.who, b.who) else {
        return true;
    };
    match (x, y) {
        // The KB knows both: identity decides, not resemblance.
        (Who::Person { id: Some(p), .. }, Who::Person { id: Some(q), .. }) => p == q,
        (Who::Person { .. }, Who::Person { .. }) => same_name(&a.base, &b.base),
        (Who::Person { id, office, org }, other) | (other, Who::Person { id, office, org }) => {
            person_speaks_as(kb, id, office, org, other, dates)
        }
        (Who::Office(o), Who::Office(p)) => o == p,
        (Who::Office(o), Who::Org(g)) | (Who::Org(g), Who::Office(o)) => office_body(kb, g, o),
        (Who::Org(g), Who::Org(h)) => {
            g == h || (government(kb, g) && government(kb, h) && same_country(kb, g, h))
        }
    }
}

/// Folded names equal, one the other's surname, or nearly alike.
fn same_name(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    let (sa, sb) = (fold(&surname_of(a)), fold(&surname_of(b)));
    fa == fb || fa == sb || fb == sa || similarity(a, b) >= SAME_NAME
}

/// Whether a person may be speaking as an office or organisation.
fn person_speaks_as(
    kb: &Kb,
    id: Option<u32>,
    office: Option<u32>,
    org: Option<u32>,
    other: Who,
    dates: &[Date],
) -> bool {
    let held: Vec<u32> = id
        .map(|p| offices_held(kb, p, dates))
        .unwrap_or_default()
        .into_iter()
        .chain(office)
        .collect();
    match other {
        Who::Office(o) => held.contains(&o),
        Who::Org(g) => org == Some(g) || held.iter().any(|&o| office_body(kb, g, o)),
        Who::Person { .. } => false,
    }
}

/// The offices a person held on any of the dates (any time when undated).
fn offices_held(kb: &Kb, person: u32, dates: &[Date]) -> Vec<u32> {
    kb.offices_of(person)
        .iter()
        .filter(|&&(o, h)| {
            let term = kb.offices[o as usize].holders[h as usize].term;
            dates.is_empty() || dates.iter().any(|&d| term.contains(d))
        })
        .map(|&(o, _)| o)
        .collect()
}

/// Whether an organisation speaks for an office: the office's own bureau
/// ("Israeli Prime Minister's Office" for the prime minister) or a
/// government body of the office's country.
fn office_body(kb: &Kb, org: u32, office: u32) -> bool {
    let g = &kb.organizations[org as usize];
    let o = &kb.offices[office as usize];
    let country = o.country.map(|c| &*kb.countries[c as usize].code);
    let same = country.is_some_and(|c| {
        g.country
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case(c))
    });
    same && (government(kb, org) || fold(&g.name).contains(&fold(&o.title)))
}

fn government(kb: &Kb, org: u32) -> bool {
    kb.organizations[org as usize].kind == "government-body"
}

fn same_country(kb: &Kb, a: u32, b: u32) -> bool {
    let (x, y) = (
        &kb.organizations[a as usize].country,
        &kb.organizations[b as usize].country,
    );
    x.is_some() && x == y
}

// ---------------------------------------------------------------------------
// Same words, different speakers

/// One words inside the other, both long enough.
fn same_words(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_WORDS && long.windows(short.len()).any(|w| w == short)
}

/// The named speakers an article gives a quotation, wherever it quotes it.
fn credited<'q>(quotes: &'q [Quote], words: &[String]) -> Vec<&'q Speaker> {
    quotes
        .iter()
        .filter(|q| same_words(&q.words, words))
        .flat_map(Quote::named)
        .collect()
}

fn any_compatible(kb: &Kb, a: &[&Speaker], b: &[&Speaker], dates: &[Date]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| compatible(kb, x, y, dates)))
}

/// Quotations indexed by their runs of `MIN_WORDS` words, so articles that
/// quote the same words are found without comparing every pair of articles.
struct Shingles<'q> {
    index: HashMap<&'q [String], Vec<(usize, usize)>>,
}

impl<'q> Shingles<'q> {
    fn build(quotes: &'q [Vec<Quote>]) -> Self {
        let mut index: HashMap<&'q [String], Vec<(usize, usize)>> = HashMap::new();
        for (ai, qs) in quotes.iter().enumerate() {
            for (qi, q) in qs.iter().enumerate() {
                for w in q.words.windows(MIN_WORDS) {
                    let at = index.entry(w).or_default();
                    if at.last() != Some(&(ai, qi)) {
                        at.push((ai, qi));
                    }
                }
            }
        }
        Self { index }
    }
}

fn conflicts(story: &Story, quotes: &[Vec<Quote>]) -> Vec<Finding> {
    let shingles = Shingles::build(quotes);
    let mut done: HashSet<(usize, usize)> = HashSet::new();
    let mut out = Vec::new();
    for (i, qs) in quotes.iter().enumerate() {
        for (qi, a) in qs.iter().enumerate() {
            if a.named().next().is_none() || done.contains(&(i, qi)) {
                continue;
            }
            let cluster = cluster(quotes, &shingles, a);
            done.extend(cluster.iter().copied());
            out.extend(cluster_conflicts(story, quotes, &cluster, a));
        }
    }
    out
}

/// Every article's first named quotation of the same words as `a`
/// (article, index), `a`'s own first.
fn cluster(quotes: &[Vec<Quote>], shingles: &Shingles, a: &Quote) -> Vec<(usize, usize)> {
    let mut articles: Vec<usize> = Vec::new();
    for w in a.words.windows(MIN_WORDS) {
        if let Some(at) = shingles.index.get(w) {
            articles.extend(at.iter().map(|&(ai, _)| ai));
        }
    }
    articles.sort_unstable();
    articles.dedup();
    let mut out: Vec<(usize, usize)> = articles
        .into_iter()
        .filter_map(|ai| {
            let qi = quotes[ai]
                .iter()
                .position(|q| q.named().next().is_some() && same_words(&q.words, &a.words))?;
            Some((ai, qi))
        })
        .collect();
    out.sort_by_key(|&(ai, _)| ai != a.article);
    out
}

/// The speaker classes of one quotation across articles: quotations whose
/// speakers can be one person or body share a class. Each class that
/// disagrees with the best supported one is a finding, unless some article
/// credits speakers of both (several people said it).
fn cluster_conflicts(
    story: &Story,
    quotes: &[Vec<Quote>],
    cluster: &[(usize, usize)],
    a: &Quote,
) -> Vec<Finding> {
    let kb = story.kb;
    // Who each member's article credits with the words, read once: the
    // members are compared with each other several times. Members are
    // named by their index in `cluster` from here on.
    let speakers: Vec<Vec<&Speaker>> = cluster
        .iter()
        .map(|&(ai, _)| credited(&quotes[ai], &a.words))
        .collect();
    let dates = |x: usize, y: usize| -> Vec<Date> {
        [story.when(x), story.when(y)]
            .into_iter()
            .flatten()
            .collect()
    };
    let fits = |x: usize, y: usize| {
        let date = dates(cluster[x].0, cluster[y].0);
        any_compatible(kb, &speakers[x], &speakers[y], &date)
    };
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for m in 0..cluster.len() {
        match classes.iter_mut().find(|c| fits(c[0], m)) {
            Some(c) => c.push(m),
            None => classes.push(vec![m]),
        }
    }
    if classes.len() < 2 {
        return Vec::new();
    }
    let quote = |m: usize| {
        let (ai, qi) = cluster[m];
        &quotes[ai][qi]
    };
    // The reference is the class least like a claim by the shared policy
    // ([`claim_order`]); support is the class's other members.
    let side = |c: &[usize]| {
        let q = quote(c[0]);
        Account {
            article: q.article,
            position: q.range.start,
            support: c.len() - 1,
        }
    };
    let best = (0..classes.len())
        .max_by(|&x, &y| claim_order(story, side(&classes[x]), side(&classes[y])))
        .unwrap_or(0);
    let reference = classes[best][0];
    let mut out = Vec::new();
    for class in classes
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != best)
        .map(|(_, c)| c)
    {
        let claim = class[0];
        let both = (0..cluster.len()).any(|m| {
            fits(m, claim)
                && fits(m, reference)
                && cluster[m] != cluster[claim]
                && cluster[m] != cluster[reference]
        });
        if !both {
            out.push(conflict_finding(story, quote(claim), quote(reference)));
        }
    }
    out
}

fn snippet(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 9 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

fn file_name<'a>(story: &'a Story, ai: usize) -> &'a str {
    let path = &story.articles[ai].article.path;
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn names_of(q: &Quote) -> String {
    let names: Vec<&str> = q
        .named()
        .filter(|s| s.shown)
        .map(|s| s.name.as_str())
        .collect();
    names.join(" and ")
}

/// Why two speakers are taken for different sources.
fn why_different(kb: &Kb, a: &Quote, b: &Quote) -> String {
    let person = |q: &Quote| {
        q.named().find_map(|s| match s.who {
            Some(Who::Person { id: Some(p), .. }) => Some(p),
            _ => None,
        })
    };
    match (person(a), person(b)) {
        (Some(x), Some(y)) => format!(
            "Knowledge base: {} ({}) and {} ({}) are different people",
            kb.people[x as usize].name, kb.people[x as usize].id, kb.people[y as usize].name, kb.people[y as usize].id
        ),
        _ if [a, b].iter().all(|q| q.named().all(|s| matches!(s.who, Some(Who::Person { .. })))) => {
            "The speakers are different people by name".into()
        }
        _ => "Neither speaker held the other's office or spoke for the other's body on the articles' dates".into(),
    }
}

/// High for people and offices, Medium when an institution is involved
/// (it speaks through many people); less sure for a quotation inside a
/// longer one or a person the KB does not know.
fn grade(claim: &Quote, other: &Quote) -> (Severity, f32) {
    let institutional = claim
        .named()
        .chain(other.named())
        .any(|s| s.shown && s.institutional);
    let known = claim
        .named()
        .chain(other.named())
        .all(|s| !matches!(s.who, Some(Who::Person { id: None, .. })));
    let equal = claim.words == other.words;
    let (severity, base) = if institutional {
        (Severity::Medium, 0.65)
    } else {
        (Severity::High, 0.85)
    };
    // A quotation inside a longer one, or a person the KB does not know,
    // leaves more room for a reading the rule did not foresee.
    let contained = if equal { 1.0 } else { 0.9 };
    let unknown = if known { 1.0 } else { 0.85 };
    let confidence = base * contained * unknown;
    (severity, confidence)
}

fn conflict_finding(story: &Story, claim: &Quote, other: &Quote) -> Finding {
    let text = |q: &Quote| story.quote(q.article, q.range.clone());
    let said = |q: &Quote| q.said.as_ref().map_or(0..0, |s| s.range.clone());
    let (who, who_else) = (names_of(claim), names_of(other));
    let (severity, confidence) = grade(claim, other);
    let equal = claim.words == other.words;
    let summary = format!(
        "\"{}\" is credited to {who} here but to {who_else} in {}",
        snippet(text(claim)),
        file_name(story, other.article)
    );
    let explanation = format!(
        "{} credits the quotation to {who} (\"{}\"); {} quotes the same words{} from {who_else} (\"{}\"). \
         {}, and no article says both said it, so at most one attribution is right.",
        story.place(claim.article, &said(claim)),
        story.quote(claim.article, said(claim)),
        story.place(other.article, &said(other)),
        if equal {
            ""
        } else {
            " (one quotation inside the other)"
        },
        story.quote(other.article, said(other)),
        why_different(story.kb, claim, other),
    );
    Finding::new(
        FindingKind::AttributionConflict,
        severity,
        confidence,
        summary,
        explanation,
    )
    .suggest(format!(
        "Check who said it: {who_else}, according to {}",
        story.place(other.article, &said(other))
    ))
    .evidence(claim.article, claim.range.clone())
    .evidence(claim.article, said(claim))
    .evidence(other.article, other.range.clone())
    .evidence(other.article, said(other))
    .over_time(story.apart(claim.article, other.article))
}

// ---------------------------------------------------------------------------
// Quoted words restated as fact

fn restated_as_fact(story: &Story, quotes: &[Vec<Quote>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in story.pairs.iter().filter(|p| p.score >= FACT_PAIR_SCORE) {
        for (quoted, plain) in [(p.a, p.b), (p.b, p.a)] {
            let range = story.sentence_range(quoted);
            let Some(q) = quotes[quoted.article].iter().find(|q| {
                q.said.is_some()
                    && q.words.len() >= MIN_FACT_WORDS
                    && q.range.start < range.end
                    && range.start < q.range.end
            }) else {
                continue;
            };
            if plain_statement(story, plain, &quotes[plain.article])
                && cover(&q.words, &words(story.sentence(plain))) >= FACT_COVER
            {
                out.push(fact_finding(story, q, plain));
            }
        }
    }
    out
}

/// A sentence with no quotation marks, outside any quotation, with no
/// attribution and no reporting verb.
fn plain_statement(story: &Story, m: Member, quotes: &[Quote]) -> bool {
    let text = story.sentence(m);
    let range = story.sentence_range(m);
    let marked = text.contains(['"', '\u{201C}', '\u{201D}'])
        || quotes
            .iter()
            .any(|q| q.range.start < range.end && range.start < q.range.end);
    let attributed = story
        .mentions(m)
        .any(|x| matches!(x.value, Value::Attribution(_)));
    let reporting = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| is_quotation_verb(w) || has(REPORTING, w));
    !marked && !attributed && !reporting
}

/// The share of `quote`'s words that `sentence` repeats in order (longest
/// common subsequence).
fn cover(quote: &[String], sentence: &[String]) -> f32 {
    let mut row = vec![0usize; sentence.len() + 1];
    for w in quote {
        let mut diag = 0;
        for (k, s) in sentence.iter().enumerate() {
            let up = row[k + 1];
            row[k + 1] = if w == s { diag + 1 } else { up.max(row[k]) };
            diag = up;
        }
    }
    row[sentence.len()] as f32 / quote.len().max(1) as f32
}

fn fact_finding(story: &Story, q: &Quote, plain: Member) -> Finding {
    let said = q.said.as_ref().map_or(0..0, |s| s.range.clone());
    let who = q
        .speakers()
        .filter(|s| s.shown)
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" and ");
    let range = story.sentence_range(plain);
    let summary = format!(
        "Words {} quotes from {who} are stated here as fact, without quotation marks or attribution",
        file_name(story, q.article)
    );
    let explanation = format!(
        "{} repeats \"{}\" as the article's own statement; {} quotes these words as said by {who} (\"{}\"). \
         A claim made by a party reads as established fact.",
        story.place(plain.article, &range),
        snippet(story.quote(q.article, q.range.clone())),
        story.place(q.article, &said),
        story.quote(q.article, said.clone()),
    );
    Finding::new(
        FindingKind::AttributionConflict,
        Severity::Low,
        0.4,
        summary,
        explanation,
    )
    .suggest(format!("Attribute the statement to {who}"))
    .evidence(plain.article, range)
    .evidence(q.article, q.range.clone())
    .evidence(q.article, said)
    .over_time(story.apart(plain.article, q.article))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::kb::Kb;

    fn run(texts: &[(&str, &str)]) -> Vec<Finding> {
        let articles = texts
            .iter()
            .map(|(path, text)| crate::ingest::read_str(path, text).expect("test article reads"))
            .collect();
        analyze(articles, Kb::builtin(), &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.kind == FindingKind::AttributionConflict)
            .collect()
    }

    fn article(date: &str, body: &str) -> String {
        format!("Talks in Cairo\nPublished {date}\n\n{body}\n")
    }

    #[test]
    fn same_words_from_two_people_conflict() {
        let a = article(
            "March 3, 2024",
            "Secretary of State Antony Blinken said the talks \"have reached a decisive stage and require courage from both sides.\" Delegations met again on Sunday.",
        );
        let b = article(
            "March 3, 2024",
            "\u{201C}The talks have reached a decisive stage and require courage from both sides,\u{201D} President Joe Biden said on Sunday.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.severity, Severity::High);
        assert!(
            f.summary.contains("Blinken") && f.summary.contains("Biden"),
            "{}",
            f.summary
        );
        assert_eq!(f.evidence.len(), 4);
        assert!(
            f.explanation.contains("a.txt:4") && f.explanation.contains("b.txt:4"),
            "{}",
            f.explanation
        );
    }

    #[test]
    fn unknown_people_conflict_by_name() {
        let a = article(
            "June 2, 2024",
            "Mayor Lena Hartwell said the new bridge \"will be open to traffic before the winter storms arrive.\"",
        );
        let b = article(
            "June 2, 2024",
            "\"The new bridge will be open to traffic before the winter storms arrive,\" said Councillor Omar Feldane.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Hartwell") && found[0].summary.contains("Feldane"),
            "{}",
            found[0].summary
        );
    }

    #[test]
    fn an_office_and_a_minister_conflict() {
        let a = article(
            "January 19, 2025",
            "Prime Minister Benjamin Netanyahu's office said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let b = article(
            "January 19, 2025",
            "Defense Minister Israel Katz said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Netanyahu's office"),
            "{}",
            found[0].summary
        );
    }

    #[test]
    fn a_principal_and_their_office_agree() {
        let a = article(
            "January 19, 2025",
            "Prime Minister Benjamin Netanyahu's office said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let b = article(
            "January 19, 2025",
            "Netanyahu said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let c = article(
            "January 19, 2025",
            "\"The truce cannot start until the promised list of names has arrived,\" Prime Minister Benjamin Netanyahu said.",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]).is_empty());
    }

    #[test]
    fn an_outlet_cited_two_ways_is_not_a_speaker() {
        let a = article(
            "May 5, 2024",
            "A senior official told Reuters that the delegation \"will not return without a signed framework.\"",
        );
        let b = article(
            "May 5, 2024",
            "The delegation \"will not return without a signed framework,\" according to Reuters.",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn several_sources_saying_it_is_not_a_conflict() {
        let line = "\"will not return without a signed framework.\"";
        let a = article(
            "May 5, 2024",
            &format!("Secretary of State Antony Blinken said the delegation {line}"),
        );
        let b = article(
            "May 5, 2024",
            &format!("President Joe Biden said the delegation {line}"),
        );
        let c = article(
            "May 5, 2024",
            &format!("Blinken and Biden said the delegation {line}"),
        );
        assert_eq!(
            run(&[("a.txt", &a), ("b.txt", &b)]).len(),
            1,
            "alone, the two disagree"
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]).is_empty());
    }

    #[test]
    fn an_office_named_by_its_title_is_its_holder() {
        let a = article(
            "January 19, 2025",
            "The Israeli prime minister said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let b = article(
            "January 19, 2025",
            "Benjamin Netanyahu says the truce \"cannot start until the promised list of names has arrived.\"",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn a_government_body_and_its_minister_agree() {
        let a = article(
            "January 19, 2025",
            "The Israeli government said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        let b = article(
            "January 19, 2025",
            "Defense Minister Israel Katz also said the truce \"cannot start until the promised list of names has arrived.\"",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn a_spokesman_speaks_for_his_organisation() {
        let a = article(
            "January 19, 2025",
            "Hamas said in a statement that \"the occupation bears full responsibility for the delay in the exchange.\"",
        );
        let b = article(
            "January 19, 2025",
            "\"The occupation bears full responsibility for the delay in the exchange,\" a Hamas spokesman, Hazem Qassem, said on Sunday.",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn a_spokesman_named_in_apposition_is_the_speaker() {
        let a = article(
            "January 19, 2025",
            "Israel Katz, the defense minister, said the army \"is prepared for every scenario in the coming days.\"",
        );
        let b = article(
            "January 19, 2025",
            "Hamas's spokesman, Hazem Qassem, said the army \"is prepared for every scenario in the coming days.\"",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Hazem Qassem") && found[0].summary.contains("Israel Katz"),
            "{}",
            found[0].summary
        );
    }

    #[test]
    fn a_press_office_speaks_for_its_principal() {
        let line = "the truce \"cannot start until the promised list of names has arrived.\"";
        let a = article(
            "January 19, 2025",
            &format!("Benjamin Netanyahu's press office said {line}"),
        );
        let b = article(
            "January 19, 2025",
            &format!("Defense Minister Israel Katz said {line}"),
        );
        let c = article(
            "January 19, 2025",
            &format!("Prime Minister Benjamin Netanyahu said {line}"),
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0]
                .summary
                .contains("Benjamin Netanyahu's press office"),
            "{}",
            found[0].summary
        );
        assert!(run(&[("a.txt", &a), ("c.txt", &c)]).is_empty());
    }

    #[test]
    fn words_another_party_said_are_not_the_subjects() {
        let words = "the occupation bears full responsibility for the delay in the exchange";
        let a = article("January 19, 2025", &format!("Hamas said \"{words}.\""));
        let b = article(
            "January 19, 2025",
            &format!("Defense Minister Israel Katz said Hamas's claim that \"{words}\" was false."),
        );
        let c = article(
            "January 19, 2025",
            &format!("Defense Minister Israel Katz responded to Hamas, which said \"{words}.\""),
        );
        let d = article(
            "January 19, 2025",
            &format!("Defense Minister Israel Katz said \"{words}.\""),
        );
        assert_eq!(
            run(&[("a.txt", &a), ("d.txt", &d)]).len(),
            1,
            "Katz's own words would conflict"
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]).is_empty());
    }

    #[test]
    fn different_words_do_not_match() {
        let a = article(
            "May 5, 2024",
            "Secretary of State Antony Blinken said the delegation \"will not return without a signed framework.\"",
        );
        let b = article(
            "May 5, 2024",
            "President Joe Biden said the delegation \"may return next week if the framework is signed.\"",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn unnamed_sources_cannot_contradict() {
        let a = article(
            "May 5, 2024",
            "Officials said the delegation \"will not return without a signed framework.\"",
        );
        let b = article(
            "May 5, 2024",
            "President Joe Biden said the delegation \"will not return without a signed framework.\"",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn months_apart_is_a_change_over_time() {
        let a = article(
            "March 3, 2024",
            "Secretary of State Antony Blinken said the talks \"have reached a decisive stage and require courage from both sides.\"",
        );
        let b = article(
            "September 9, 2024",
            "President Joe Biden said the talks \"have reached a decisive stage and require courage from both sides.\"",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].change_over_time);
        assert_eq!(found[0].severity, Severity::Low);
    }

    #[test]
    fn quoted_words_stated_as_fact_are_a_weak_signal() {
        let a = article(
            "May 5, 2024",
            "President Joe Biden said the new aid corridor \"will deliver food and medicine to every district of the city within days.\"",
        );
        let b = article(
            "May 5, 2024",
            "The new aid corridor will deliver food and medicine to every district of the city within days.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Low);
        assert_eq!(
            found[0].evidence[0].article, 1,
            "the bare statement comes first"
        );
    }

    #[test]
    fn reported_speech_is_not_stated_as_fact() {
        let a = article(
            "May 5, 2024",
            "President Joe Biden said the new aid corridor \"will deliver food and medicine to every district of the city within days.\"",
        );
        let b = article(
            "May 5, 2024",
            "Biden said the new aid corridor will deliver food and medicine to every district of the city within days.",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
    }

    #[test]
    fn quote_spans_pair_marks() {
        let text = "He said \"one two\" and \u{201C}three four\u{201D} then \"open";
        let spans: Vec<&str> = quote_spans(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(spans, ["one two", "three four"]);
    }

    #[test]
    fn cover_counts_words_in_order() {
        let q = words("will not begin until the list arrives");
        assert!(
            (cover(&q, &words("It will not begin until the list arrives.")) - 1.0).abs() < 1e-6
        );
        assert!(cover(&q, &words("The list arrives.")) < 0.5);
    }

    #[test]
    fn sample_story_has_only_the_planted_case() {
        let articles = crate::samples::articles().expect("sample story reads");
        let analysis = analyze(articles, Kb::builtin(), &Options::default());
        let found: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::AttributionConflict)
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.severity, Severity::High);
        let quote = |e: &crate::detect::Evidence| {
            let a = &analysis.articles[e.article];
            (
                a.article.path.clone(),
                a.article.text[e.range.clone()].to_string(),
            )
        };
        let texts: Vec<(String, String)> = f.evidence.iter().map(quote).collect();
        assert!(texts[0].0.ends_with("04-northgate-news.txt"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|(_, t)| t == "Defense Minister Israel Katz said"),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|(p, t)| p.ends_with("01-harbour-ledger.md")
                    && t.contains("Netanyahu's office said")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|(_, t)| t.starts_with("will not begin until Israel receives")),
            "{texts:?}"
        );
    }
}
