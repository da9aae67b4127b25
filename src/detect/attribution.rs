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

use std::ops::Range;

use jiff::civil::Date;

use super::names::similarity;
use super::{Finding, FindingKind, Severity, Story};
use crate::align::Member;
use crate::analysis::ArticleAnalysis;
use crate::extract::{AttributionValue, Mention, Value};
use crate::kb::{Entity, Kb, surname_of};
use crate::model::Role;
use crate::text::fold;
use crate::text::tokens::{Kind, Token, tokenize};

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

/// Verbs whose subject is the speaker.
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "stated", "states", "told", "added", "adds", "announced", "announces",
    "warned", "warns", "insisted", "insists", "declared", "declares", "wrote", "writes",
    "tweeted", "posted", "acknowledged", "acknowledges", "confirmed", "confirms", "claimed",
    "claims", "noted", "notes", "stressed", "stresses", "emphasized", "emphasised", "argued",
    "argues", "asserted", "explained", "replied", "responded", "vowed", "pledged", "promised",
    "cautioned", "urged", "admitted", "maintained", "reiterated", "continued",
];

/// Words between a subject and its speech verb: "also said", "has said".
const BETWEEN: &[&str] = &["also", "later", "again", "then", "has", "have", "had", "earlier", "previously"];

/// What a principal speaks through: "Netanyahu's office said".
const BUREAUS: &[&str] = &[
    "office", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "aide", "aides", "bureau",
    "press",
];

/// Words that make a sentence reported speech rather than plain fact.
const REPORTING: &[&str] = &["according", "reportedly", "allegedly", "quoted", "quoting", "citing"];

/// Who said something, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// A named person; `id` when the KB knows them, `office` from a title
    /// written beside the name, `org` from an organisation in it.
    Person { id: Option<u32>, office: Option<u32>, org: Option<u32> },
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
    let quotes: Vec<Vec<Quote>> = (0..story.articles.len()).map(|ai| article_quotes(story, ai)).collect();
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
            ('"', None) | ('\u{201C}', None | Some(('\u{201C}', _))) => open = Some((c, at + c.len_utf8())),
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
    a.sentences.iter().position(|s| s.range.start <= pos && pos <= s.range.end)
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
    let found: Vec<Said> = (first..=last).flat_map(|s| said_in(story, ai, s, spans)).collect();
    let before = found.iter().filter(|s| s.range.start >= from && s.range.end <= q.start).last();
    let after = || found.iter().find(|s| s.range.start >= q.end && s.range.end <= to);
    before.or_else(after).cloned()
}

// ---------------------------------------------------------------------------
// Speakers

fn inside(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start <= r.start && r.end <= s.end)
}

/// The speakers named in one sentence, outside its quotations.
fn said_in(story: &Story, ai: usize, sentence: usize, spans: &[Range<usize>]) -> Vec<Said> {
    let member = Member { article: ai, sentence };
    let text = &story.articles[ai].article.text;
    let mut tokens = Vec::new();
    tokenize(text, story.sentence_range(member), &mut tokens);
    let mentions: Vec<&Mention> = story.mentions(member).filter(|m| !inside(spans, &m.range)).collect();
    let ctx = Ctx { story, ai, text, tokens: &tokens, mentions: &mentions };
    let mut out: Vec<Said> = (0..tokens.len())
        .filter(|&i| !inside(spans, &tokens[i].range()) && has(SPEECH_VERBS, ctx.word(i)))
        .filter_map(|i| ctx.subject_before(i).or_else(|| ctx.subject_after(i)))
        .collect();
    for m in &mentions {
        let Value::Attribution(v) = &m.value else { continue };
        if out.iter().all(|s| s.range.end <= m.range.start || s.range.start >= m.range.end) {
            out.push(Said { range: m.range.clone(), speakers: vec![attributed(story.kb, m, v)] });
        }
    }
    out.sort_by_key(|s| (s.range.start, s.range.end));
    out
}

fn has(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// One sentence being read for speakers.
struct Ctx<'a> {
    story: &'a Story<'a>,
    ai: usize,
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [&'a Mention],
}

impl Ctx<'_> {
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
        let bureau = (j >= 2 && has(BUREAUS, self.word(j)) && self.tokens[j - 1].kind == Kind::Possessive)
            .then(|| self.word(j).to_lowercase());
        let m = if bureau.is_some() {
            self.ending_at(self.tokens[j - 1].start)
        } else if self.word(j) == "," {
            (j.saturating_sub(8)..j)
                .rev()
                .find(|&k| self.word(k) == ",")
                .and_then(|k| self.ending_at(self.tokens[k].start))
        } else {
            self.ending_at(self.tokens[j].end)
        }?;
        let range = m.range.start..self.tokens[verb].end;
        let mut speakers = vec![speaker(self.story, self.ai, m, bureau.as_deref(), range.clone())];
        if let Some(other) = self.coordinated(m) {
            speakers.push(speaker(self.story, self.ai, other, None, other.range.start..range.end));
        }
        Some(Said { range: speakers.iter().map(|s| s.range.start).min().unwrap_or(range.start)..range.end, speakers })
    }

    /// The first of two subjects joined by "and".
    fn coordinated(&self, m: &Mention) -> Option<&Mention> {
        let p = self.tokens.iter().position(|t| t.start == m.range.start)?;
        (p >= 2 && has(&["and", "&"], self.word(p - 1))).then(|| self.ending_at(self.tokens[p - 2].end))?
    }

    /// "\"…,\" said Katz": the verb right after a quotation or comma.
    fn subject_after(&self, verb: usize) -> Option<Said> {
        let prev = self.tokens.get(verb.checked_sub(1)?)?;
        if prev.kind != Kind::Punct || has(&["told"], self.word(verb)) {
            return None;
        }
        let next = self.tokens.get(verb + 1)?;
        let m = self
            .mentions
            .iter()
            .filter(|m| m.range.start == next.start && speaker_like(m))
            .max_by_key(|m| m.range.len())?;
        let range = self.tokens[verb].start..m.range.end;
        Some(Said { range: range.clone(), speakers: vec![speaker(self.story, self.ai, m, None, range)] })
    }
}

fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase)
}

fn speaker_like(m: &Mention) -> bool {
    matches!(m.value, Value::Person(_) | Value::Office(_) | Value::Named(_))
        && !matches!(m.kind, crate::extract::MentionKind::Place)
}

/// A speaker from a person, office or organisation mention.
fn speaker(story: &Story, ai: usize, m: &Mention, bureau: Option<&str>, range: Range<usize>) -> Speaker {
    let kb = story.kb;
    let (base, who, institutional) = match &m.value {
        Value::Person(p) => {
            let id = match p.entity {
                Some(Entity::Person(x)) => Some(x),
                _ => single_person(kb, &p.name),
            };
            let office = match p.office_entity {
                Some(Entity::Office(o)) => Some(o),
                _ => None,
            };
            let org = org_within(story, ai, &m.range);
            (p.name.clone(), Some(Who::Person { id, office, org }), false)
        }
        Value::Office(o) => match o.entity {
            Some(Entity::Office(x)) => (o.name.clone(), Some(Who::Office(x)), false),
            Some(Entity::Administration(x)) => (o.name.clone(), Some(Who::Office(kb.administrations[x as usize].office)), true),
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
    Speaker { name, base, range, who, institutional }
}

/// An organisation as a speaker; news outlets are channels, not speakers.
fn org_speaker(kb: &Kb, org: u32) -> Option<Who> {
    (kb.organizations[org as usize].kind != "media").then_some(Who::Org(org))
}

fn single_person(kb: &Kb, name: &str) -> Option<u32> {
    match kb.resolve(name) {
        [Entity::Person(x)] => Some(*x),
        _ => None,
    }
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
    let channel = matches!(v.verb.as_str(), "told" | "citing") || v.verb.starts_with("spoke") || v.verb.starts_with("speaking");
    let who = if channel { None } else { v.kb.as_deref().and_then(|id| by_id(kb, id)) };
    let name = v.source.clone().or_else(|| v.speaker.clone()).unwrap_or_else(|| "an unnamed source".into());
    Speaker { base: name.clone(), name, range: m.range.clone(), who, institutional: matches!(who, Some(Who::Org(_))) }
}

fn by_id(kb: &Kb, id: &str) -> Option<Who> {
    if let Some(p) = kb.people.iter().position(|p| p.id == id) {
        return Some(Who::Person { id: Some(p as u32), office: None, org: None });
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
    let (Some(x), Some(y)) = (a.who, b.who) else { return true };
    if same_name(&a.base, &b.base) {
        return true;
    }
    match (x, y) {
        (Who::Person { id: Some(p), .. }, Who::Person { id: Some(q), .. }) => p == q,
        (Who::Person { id: None, .. }, Who::Person { .. }) | (Who::Person { .. }, Who::Person { id: None, .. }) => false,
        (Who::Person { id, office, org }, other) | (other, Who::Person { id, office, org }) => {
            person_speaks_as(kb, id, office, org, other, dates)
        }
        (Who::Office(o), Who::Office(p)) => o == p,
        (Who::Office(o), Who::Org(g)) | (Who::Org(g), Who::Office(o)) => office_body(kb, g, o),
        (Who::Org(g), Who::Org(h)) => g == h || (government(kb, g) && government(kb, h) && same_country(kb, g, h)),
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
fn person_speaks_as(kb: &Kb, id: Option<u32>, office: Option<u32>, org: Option<u32>, other: Who, dates: &[Date]) -> bool {
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
    let country = o.country.map(|c| kb.countries[c as usize].code.as_str());
    let same = country.is_some_and(|c| g.country.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(c)));
    same && (government(kb, org) || fold(&g.name).contains(&fold(&o.title)))
}

fn government(kb: &Kb, org: u32) -> bool {
    kb.organizations[org as usize].kind == "government-body"
}

fn same_country(kb: &Kb, a: u32, b: u32) -> bool {
    let (x, y) = (&kb.organizations[a as usize].country, &kb.organizations[b as usize].country);
    x.is_some() && x == y
}

/// The date an article speaks from, stated or inferred.
fn when(story: &Story, ai: usize) -> Option<Date> {
    story.date(ai).or_else(|| story.articles[ai].inferred.as_ref().and_then(|w| w.from))
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
    quotes.iter().filter(|q| same_words(&q.words, words)).flat_map(Quote::named).collect()
}

fn any_compatible(kb: &Kb, a: &[&Speaker], b: &[&Speaker], dates: &[Date]) -> bool {
    a.iter().any(|x| b.iter().any(|y| compatible(kb, x, y, dates)))
}

fn conflicts(story: &Story, quotes: &[Vec<Quote>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, qi) in quotes.iter().enumerate() {
        for (j, qj) in quotes.iter().enumerate().skip(i + 1) {
            let mut reported: Vec<&[String]> = Vec::new();
            for a in qi.iter().filter(|q| q.named().next().is_some()) {
                let Some(b) = qj.iter().find(|b| b.named().next().is_some() && same_words(&a.words, &b.words)) else {
                    continue;
                };
                if reported.iter().any(|w| same_words(w, &a.words)) {
                    continue;
                }
                if let Some(f) = conflict(story, quotes, a, b) {
                    reported.push(&a.words);
                    out.push(f);
                }
            }
        }
    }
    out
}

/// A finding when the articles of `a` and `b` credit the words to
/// speakers that cannot be one, and no article credits both.
fn conflict(story: &Story, quotes: &[Vec<Quote>], a: &Quote, b: &Quote) -> Option<Finding> {
    let kb = story.kb;
    let dates: Vec<Date> = [when(story, a.article), when(story, b.article)].into_iter().flatten().collect();
    let sa = credited(&quotes[a.article], &b.words);
    let sb = credited(&quotes[b.article], &a.words);
    if any_compatible(kb, &sa, &sb, &dates) {
        return None;
    }
    let both = quotes.iter().enumerate().filter(|(k, _)| *k != a.article && *k != b.article).any(|(_, qs)| {
        let sk = credited(qs, &a.words);
        any_compatible(kb, &sk, &sa, &dates) && any_compatible(kb, &sk, &sb, &dates)
    });
    if both {
        return None; // several sources said it: not a conflict
    }
    let support = |x: &[&Speaker]| quotes.iter().filter(|qs| any_compatible(kb, &credited(qs, &a.words), x, &dates)).count();
    let (claim, other) = if claim_first(story, (a, support(&sa)), (b, support(&sb))) { (a, b) } else { (b, a) };
    Some(conflict_finding(story, claim, other))
}

/// Whether `a` is the claim to question: fewer articles agree with it, or
/// it was published later (farther from the event), or it comes later by
/// path so the choice does not depend on argument order.
fn claim_first(story: &Story, (a, sa): (&Quote, usize), (b, sb): (&Quote, usize)) -> bool {
    let key = |q: &Quote, s: usize| {
        (std::cmp::Reverse(s), when(story, q.article), story.articles[q.article].article.path.clone())
    };
    key(a, sa) > key(b, sb)
}

fn snippet(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 9 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

fn file_name(story: &Story, ai: usize) -> &str {
    let path = &story.articles[ai].article.path;
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn names_of(q: &Quote) -> String {
    let names: Vec<&str> = q.named().map(|s| s.name.as_str()).collect();
    names.join(" and ")
}

fn conflict_finding(story: &Story, claim: &Quote, other: &Quote) -> Finding {
    let text = |q: &Quote| story.quote(q.article, q.range.clone());
    let said = |q: &Quote| q.said.as_ref().map_or(0..0, |s| s.range.clone());
    let (who, who_else) = (names_of(claim), names_of(other));
    let institutional = claim.named().chain(other.named()).any(|s| s.institutional);
    let known = claim.named().chain(other.named()).all(|s| !matches!(s.who, Some(Who::Person { id: None, .. })));
    let equal = claim.words == other.words;
    let (severity, base) = if institutional { (Severity::Medium, 0.65) } else { (Severity::High, 0.85) };
    let confidence = base * if equal { 1.0 } else { 0.9 } * if known { 1.0 } else { 0.85 };
    let summary = format!(
        "\"{}\" is credited to {who} here but to {who_else} in {}",
        snippet(text(claim)),
        file_name(story, other.article)
    );
    let explanation = format!(
        "{} credits the quotation to {who} (\"{}\"); {} quotes the same words{} from {who_else} (\"{}\"). \
         These are different sources, and no article says both said it, so at most one attribution is right.",
        story.place(claim.article, &said(claim)),
        story.quote(claim.article, said(claim)),
        story.place(other.article, &said(other)),
        if equal { "" } else { " (one quotation inside the other)" },
        story.quote(other.article, said(other)),
    );
    Finding::new(FindingKind::AttributionConflict, severity, confidence, summary, explanation)
        .suggest(format!("Check who said it: {who_else}, according to {}", story.place(other.article, &said(other))))
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
            let Some(q) = quotes[quoted.article]
                .iter()
                .find(|q| q.said.is_some() && q.words.len() >= MIN_FACT_WORDS && q.range.start < range.end && range.start < q.range.end)
            else {
                continue;
            };
            if plain_statement(story, plain, &quotes[plain.article]) && cover(&q.words, &words(story.sentence(plain))) >= FACT_COVER {
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
    let quoted = text.contains(['"', '\u{201C}', '\u{201D}']) || quotes.iter().any(|q| q.range.start < range.end && range.start < q.range.end);
    let attributed = story.mentions(m).any(|x| matches!(x.value, Value::Attribution(_)));
    let reporting = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| has(SPEECH_VERBS, w) || has(REPORTING, w));
    !quoted && !attributed && !reporting
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
    let who = q.speakers().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" and ");
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
    Finding::new(FindingKind::AttributionConflict, Severity::Low, 0.4, summary, explanation)
        .suggest(format!("Attribute the statement to {who}"))
        .evidence(plain.article, range)
        .evidence(q.article, q.range.clone())
        .evidence(q.article, said)
        .over_time(story.apart(plain.article, q.article))
}
