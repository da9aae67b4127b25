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
//! there ("Katz said", "\"…,\" said Katz", "Netanyahu's office said"):
//! `extract::attribution` reads them; this rule only compares.
//! A principal and their office or spokesperson count as one speaker: the
//! office speaks for the principal, and outlets write "Netanyahu said" for
//! a statement of his office. News outlets a quote was told to ("told
//! Reuters") are channels, not speakers, and unnamed sources ("officials")
//! cannot contradict anyone.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::spelling::same_person;
use super::{Account, Finding, FindingKind, Severity, Story, claim_order, sentence_mentions};
use crate::align::Member;
use crate::extract::Value;
use crate::extract::attribution::{
    Page, PageSentence, Said, Speaker, Who, quote_spans, speaker_of,
};
use crate::extract::speech::{is_quotation_verb, is_speaking_for_noun};
use crate::extract::words::{is_org_word, is_place_word};
use crate::kb::Kb;
use crate::model::Role;
use crate::text::fold;

/// The fewest words a quotation needs to be matched across articles.
const MIN_WORDS: usize = 5;

/// The fewest words a quotation needs to be matched inside a longer one.
const MIN_FRAGMENT_WORDS: usize = 7;

/// The fewest words a quotation needs before its reuse as plain fact is
/// worth a note: short phrases recur in any prose.
const MIN_FACT_WORDS: usize = 8;

/// How much of a quotation a plain sentence must repeat, in order.
const FACT_COVER: f32 = 0.85;

/// How closely aligned the two sentences must be for the plain-fact case.
const FACT_PAIR_SCORE: f32 = 0.5;

/// Words that make a sentence reported speech rather than plain fact.
const REPORTING: &[&str] = &[
    "according",
    "reportedly",
    "allegedly",
    "quoted",
    "quoting",
    "citing",
];

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
    out.extend(super::merge_repeats(
        story,
        restated_as_fact(story, &quotes),
    ));
    out
}

// ---------------------------------------------------------------------------
// Quotations

/// Folded words, punctuation and spacing dropped.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// An article as the speaker reader (`extract::attribution`) sees it.
fn page<'a>(story: &Story<'a>, ai: usize) -> Page<'a> {
    let a = &story.articles[ai];
    let sentences = (0..a.sentences.len())
        .map(|s| PageSentence {
            range: a.sentences[s].range.clone(),
            tokens: a.sentence_tokens(s),
            mentions: sentence_mentions(&a.mentions, s),
        })
        .collect();
    Page {
        text: &a.article.text,
        sentences,
        kb: story.kb,
    }
}

/// Every quotation of an article long enough to match, with its speaker.
fn article_quotes(story: &Story, ai: usize) -> Vec<Quote> {
    let a = &story.articles[ai];
    let page = page(story, ai);
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
                said: speaker_of(&page, r, &spans),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Whether two speakers can be one

/// Whether two speakers may be the same source: the same person, a person
/// and an office they held on either article's date, a principal and their
/// office, or names alike. Unnamed sources are compatible with anyone.
fn compatible(kb: &Kb, names: &NameMemo, a: &Speaker, b: &Speaker, dates: &[Date]) -> bool {
    let (Some(x), Some(y)) = (a.who, b.who) else {
        return true;
    };
    // "Steward told" and "Mr. Steward said": a bare surname names whoever
    // of that surname its article meant, which a back-reference may get
    // wrong when the story has two (a boy and his father).
    if (a.surname_only || b.surname_only) && names.same_surname(&a.base, &b.base) {
        return true;
    }
    match (x, y) {
        // The KB knows both: identity decides, not resemblance.
        (Who::Person { id: Some(p), .. }, Who::Person { id: Some(q), .. }) => p == q,
        (Who::Person { .. }, Who::Person { .. }) => names.same_name(&a.base, &b.base),
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

/// Answers of [`same_name`] for one run of the rule: a story repeats a
/// few names in thousands of quotations, and comparing two names is
/// costly (on a generated 200-article story the whole report took 0.46 s
/// without it, 0.30 s with it). Owned by the run and bounded: past
/// `NAME_MEMO_MAX` answers it starts over.
#[derive(Default)]
struct NameMemo {
    seen: RefCell<FxHashMap<String, FxHashMap<String, bool>>>,
    len: Cell<usize>,
    /// Each speaker's name → its surname, lower-cased: the same few names
    /// are compared in every cluster of quotations (on a generated
    /// 200-article story, reading surnames again was a tenth of the
    /// report). Bounded by the story's speakers.
    surnames: RefCell<FxHashMap<String, String>>,
    /// Answers of [`introduced_as_voice_of`] by article, the person's name,
    /// the other speaker's name and whether that one is a person: the same
    /// speakers meet in many clusters of quotations, and each answer reads
    /// the article's sentences again (a twentieth of a generated
    /// 20-article story's instructions). Bounded by the story's articles
    /// and speakers.
    voices: RefCell<FxHashMap<(usize, String, String, bool), bool>>,
}

/// Answers a [`NameMemo`] keeps at most (a few MB of names).
const NAME_MEMO_MAX: usize = 1 << 16;

impl NameMemo {
    /// Whether two names have one surname ([`crate::kb::surname_of`],
    /// ignoring case).
    fn same_surname(&self, a: &str, b: &str) -> bool {
        let mut surnames = self.surnames.borrow_mut();
        // Both known, as nearly always: two look-ups, not four.
        if let (Some(x), Some(y)) = (surnames.get(a), surnames.get(b)) {
            return x == y;
        }
        for name in [a, b] {
            if !surnames.contains_key(name) {
                let surname = crate::kb::surname_of(name).to_lowercase();
                surnames.insert(name.to_string(), surname);
            }
        }
        surnames[a] == surnames[b]
    }

    /// [`introduced_as_voice_of`], asked once per article and names.
    fn voice_of(&self, story: &Story, ai: usize, person: &Speaker, other: &Speaker) -> bool {
        if !matches!(person.who, Some(Who::Person { .. })) {
            return false;
        }
        let key = (
            ai,
            person.base.clone(),
            other.base.clone(),
            matches!(other.who, Some(Who::Person { .. })),
        );
        if let Some(&answer) = self.voices.borrow().get(&key) {
            return answer;
        }
        let answer = introduced_as_voice_of(story, ai, person, other);
        self.voices.borrow_mut().insert(key, answer);
        answer
    }

    fn same_name(&self, a: &str, b: &str) -> bool {
        let seen = self.seen.borrow().get(a).and_then(|m| m.get(b)).copied();
        if let Some(answer) = seen {
            return answer;
        }
        let answer = same_name(a, b);
        let mut seen = self.seen.borrow_mut();
        if self.len.get() >= NAME_MEMO_MAX {
            seen.clear();
            self.len.set(0);
        }
        seen.entry(a.to_string())
            .or_default()
            .insert(b.to_string(), answer);
        self.len.set(self.len.get() + 1);
        answer
    }
}

/// One person by name ([`same_person`]), or a name that is not a
/// person's at all: a speaker the KB does not know named like an
/// organisation or place ("Bayshore Plastic Surgery") may be the clinic the
/// other speaker works for, so it cannot conflict with them.
fn same_name(a: &str, b: &str) -> bool {
    let personal = |n: &str| {
        !n.split_whitespace()
            .any(|w| is_org_word(w) || is_place_word(w))
    };
    same_person(a, b) || !personal(a) || !personal(b)
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
    let same = country.is_some_and(|c| g.country.is_some_and(|x| x.eq_ignore_ascii_case(c)));
    same && (government(kb, org) || fold(g.name).contains(&fold(o.title)))
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

/// One words inside the other, both long enough: a fragment inside a
/// longer quotation needs more words than a whole one, since a short run
/// ("appalled by the brutal murder") is a phrase two speakers can both use.
fn same_words(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let least = if short.len() == long.len() {
        MIN_WORDS
    } else {
        MIN_FRAGMENT_WORDS
    };
    short.len() >= least && long.windows(short.len()).any(|w| w == short)
}

/// The named speakers an article gives a quotation, wherever it quotes it.
fn credited<'q>(quotes: &'q [Quote], words: &[String]) -> Vec<&'q Speaker> {
    quotes
        .iter()
        .filter(|q| same_words(&q.words, words))
        .flat_map(Quote::named)
        .collect()
}

fn any_compatible(
    kb: &Kb,
    names: &NameMemo,
    a: &[&Speaker],
    b: &[&Speaker],
    dates: &[Date],
) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| compatible(kb, names, x, y, dates)))
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
    let names = NameMemo::default();
    let mut done: HashSet<(usize, usize)> = HashSet::new();
    let mut out = Vec::new();
    for (i, qs) in quotes.iter().enumerate() {
        for (qi, a) in qs.iter().enumerate() {
            if a.named().next().is_none() || done.contains(&(i, qi)) {
                continue;
            }
            let cluster = cluster(quotes, &shingles, a);
            done.extend(cluster.iter().copied());
            out.extend(cluster_conflicts(story, &names, quotes, &cluster, a));
        }
    }
    out
}

/// Every article's first named quotation of the same words as `a`
/// (article, index), `a`'s own first.
fn cluster(quotes: &[Vec<Quote>], shingles: &Shingles, a: &Quote) -> Vec<(usize, usize)> {
    // Marked, not gathered and sorted: a quotation every article repeats
    // meets each article once per run of words (sorting them was 1% of a
    // generated 200-article story).
    let mut quoting = vec![false; quotes.len()];
    for w in a.words.windows(MIN_WORDS) {
        if let Some(at) = shingles.index.get(w) {
            for &(ai, _) in at {
                quoting[ai] = true;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = (0..quotes.len())
        .filter(|&ai| quoting[ai])
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
    names: &NameMemo,
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
    // Members are compared pairwise many times: their articles' dates are
    // read once, and a pair's dates are passed without allocating.
    let when: Vec<Option<Date>> = cluster.iter().map(|&(ai, _)| story.when(ai)).collect();
    let fits = |x: usize, y: usize| {
        let (one, two);
        let date: &[Date] = match (when[x], when[y]) {
            (Some(p), Some(q)) => {
                two = [p, q];
                &two
            }
            (Some(p), None) | (None, Some(p)) => {
                one = p;
                std::slice::from_ref(&one)
            }
            (None, None) => &[],
        };
        any_compatible(kb, names, &speakers[x], &speakers[y], date)
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
        if !both
            && !one_voice(
                story,
                names,
                (cluster[claim].0, &speakers[claim]),
                (cluster[reference].0, &speakers[reference]),
            )
        {
            out.push(conflict_finding(story, quote(claim), quote(reference)));
        }
    }
    out
}

/// Whether either article introduces one of its speakers as the voice of
/// a speaker the other article credits: one outlet credits a body or a
/// principal, another the spokesperson who spoke for it. Asked only of a
/// would-be finding, and each answer kept ([`NameMemo::voice_of`]).
fn one_voice(
    story: &Story,
    names: &NameMemo,
    a: (usize, &[&Speaker]),
    b: (usize, &[&Speaker]),
) -> bool {
    let voices = |(ai, own): (usize, &[&Speaker]), others: &[&Speaker]| {
        own.iter()
            .any(|p| others.iter().any(|o| names.voice_of(story, ai, p, o)))
    };
    voices(a, b.1) || voices(b, a.1)
}

/// Whether article `ai` introduces `person` in a role that speaks for
/// `other`: a speaking-for noun between the two names, a few words apart
/// ("Scottish SPCA Inspector Stewart Taylor", "Hunter spokesman Joe
/// Kasper", "Jane Roe, spokeswoman for the National Security Council").
fn introduced_as_voice_of(story: &Story, ai: usize, person: &Speaker, other: &Speaker) -> bool {
    if !matches!(person.who, Some(Who::Person { .. })) {
        return false;
    }
    let surname = crate::kb::surname_of(&person.base);
    let Some(name) = words(&surname).pop() else {
        return false;
    };
    let key = if matches!(other.who, Some(Who::Person { .. })) {
        words(&crate::kb::surname_of(&other.base))
    } else {
        // A body's last words: "U.S. National Security Council" is written
        // "the White House National Security Council" too.
        let all = words(&other.base);
        all[all.len().saturating_sub(3)..].to_vec()
    };
    if key.is_empty() || key.last() == Some(&name) {
        return false;
    }
    // Only sentences that write the person's surname are folded into
    // words: folding every sentence of the article for every would-be
    // finding took a fifth of a generated 20-article story's time.
    let Some(written) = surname.split_whitespace().last() else {
        return false;
    };
    let a = &story.articles[ai];
    a.sentences.iter().any(|s| {
        let text = &a.article.text[s.range.clone()];
        text.contains(written) && voice_in(&words(text), &name, &key)
    })
}

/// The most words a role may stand apart from the names it joins.
const VOICE_GAP: usize = 4;

/// Whether `name` and the words `key` stand at most [`VOICE_GAP`] words
/// apart with a speaking-for noun and no conjunction between them.
fn voice_in(w: &[String], name: &str, key: &[String]) -> bool {
    let joins = |gap: &[String]| {
        gap.len() <= VOICE_GAP
            && gap.iter().any(|g| is_speaking_for_noun(g))
            && !gap
                .iter()
                .any(|g| matches!(g.as_str(), "and" | "or" | "nor"))
    };
    let names = w.iter().enumerate().filter(|(_, x)| *x == name);
    names.into_iter().any(|(i, _)| {
        w.windows(key.len()).enumerate().any(|(j, k)| {
            k == key
                && ((j + key.len() <= i && joins(&w[j + key.len()..i]))
                    || (j > i && joins(&w[i + 1..j])))
        })
    })
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
            // The cheap tests first: a pair's sentence overlaps few of its
            // article's quotations, and `title_like` splits the whole quote.
            let Some(q) = quotes[quoted.article].iter().find(|q| {
                q.range.start < range.end
                    && range.start < q.range.end
                    && q.words.len() >= MIN_FACT_WORDS
                    && q.named().next().is_some()
                    && !title_like(story.quote(q.article, q.range.clone()))
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
        .any(|w| is_quotation_verb(w) || REPORTING.iter().any(|r| r.eq_ignore_ascii_case(w)));
    !marked && !attributed && !reporting && !unmarked_quote(story, m)
}

/// Whether a sentence reads as quoted speech whose marks the quotation
/// reader does not see: it opens with a single quotation mark, an
/// ellipsis (an excerpt: "… that's when the rumours started"), it or its
/// paragraph opens with a speaker's label (a transcript: "Hunter: No.
/// They caught them. At least ten ..."), it follows a sentence that ends
/// in a colon (a block quote), it ends a quotation in single marks (its
/// stop then a closing mark: "… open to all.'", where an apostrophe
/// follows a letter), or speaks in the first person, which a news
/// report's own voice does not.
fn unmarked_quote(story: &Story, m: Member) -> bool {
    let text = story.sentence(m).trim_start();
    let opens = text.starts_with(['\'', '\u{2018}', '\u{2019}', '\u{2026}'])
        || text.starts_with("...")
        || speaker_label(text)
        || speaker_label(paragraph_start(story, m))
        || closes_single_quote(text);
    let introduced = m.sentence > 0
        && story
            .sentence(Member {
                article: m.article,
                sentence: m.sentence - 1,
            })
            .trim_end()
            .ends_with(':');
    let first_person = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .any(is_first_person);
    opens || introduced || first_person
}

/// Whether a sentence ends with a stop and then a single closing
/// quotation mark.
fn closes_single_quote(text: &str) -> bool {
    let mut end = text.trim_end().chars().rev();
    matches!(end.next(), Some('\'' | '\u{2019}'))
        && matches!(end.next(), Some('.' | '!' | '?' | ','))
}

/// The text of a sentence's paragraph up to the sentence.
fn paragraph_start<'a>(story: &'a Story, m: Member) -> &'a str {
    let text = &story.articles[m.article].article.text;
    let start = story.sentence_range(m).start;
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    text[from..start].trim_start()
}

/// Most words of a speaker's label before its colon ("Rep. Duncan
/// Hunter:").
const LABEL_WORDS: usize = 4;

/// Whether a sentence opens with a speaker's label: a few capitalised
/// words and a colon, as a transcript or an interview gives them. A
/// sentence's own words before a colon ("Officials gave one reason:")
/// are not all capitalised.
fn speaker_label(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= LABEL_WORDS
        && rest.starts_with(' ')
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "I", "we", "my" and their contractions ("I'm", "we’ve"); "US" is not
/// "us".
fn is_first_person(word: &str) -> bool {
    let base = word.split(['\'', '\u{2019}']).next().unwrap_or(word);
    let mut chars = base.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    base == "I" || ["me", "my", "mine", "we", "us", "our", "ours"].contains(&lowered.as_str())
}

/// Quoted words that are a title ("The Battle of the Five Armies"), not
/// speech: most words capitalised.
fn title_like(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 5 >= words.len() * 3
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

    /// A short run of words inside another speaker's longer quotation is a
    /// phrase both can use; a longer run is the same quotation.
    #[test]
    fn a_short_fragment_of_a_longer_quotation_is_no_match() {
        let long = article(
            "March 3, 2024",
            "\u{201C}We are shocked by the senseless attack on the convoy and we will hold those responsible to account,\u{201D} President Joe Biden said on Sunday.",
        );
        let short = |words: &str| {
            article(
                "March 3, 2024",
                &format!("Secretary of State Antony Blinken said the government was \"{words}.\""),
            )
        };
        let five = short("shocked by the senseless attack");
        assert!(run(&[("a.txt", &long), ("b.txt", &five)]).is_empty());
        let seven = short("shocked by the senseless attack on the convoy");
        assert_eq!(run(&[("a.txt", &long), ("b.txt", &seven)]).len(), 1);
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

    /// A bare surname takes its full name from an earlier mention, which
    /// may be the wrong one when a story has two people of that surname
    /// (a boy and his father): the same surname is no conflict then, while
    /// two full names still are.
    #[test]
    fn the_same_surname_written_alone_is_no_conflict() {
        let a = article(
            "December 19, 2014",
            "Fourth grader Aiden Lamarr was suspended last week. Lamarr told reporters that his son \"didn't mean anything by it at all.\"",
        );
        let b = article(
            "December 19, 2014",
            "The father, Jason Lamarr, spoke to the school. \"He didn't mean anything by it at all,\" Mr. Lamarr said.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert!(found.is_empty(), "{found:#?}");
        let a = article(
            "December 19, 2014",
            "Aiden Lamarr said the ring \"was only a toy from the film and nothing more.\"",
        );
        let b = article(
            "December 19, 2014",
            "\"It was only a toy from the film and nothing more,\" Jason Lamarr said.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert_eq!(found.len(), 1, "{found:#?}");
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

    /// A site the KB does not know, named like an outlet ("Harbour
    /// Report"), relays the words of the person it quotes; two people
    /// credited with the words still disagree.
    #[test]
    fn an_unknown_outlet_relaying_a_quote_is_not_a_rival_speaker() {
        let line = "\"the fence was cut long before the patrol came by at midnight\"";
        let a = article(
            "June 2, 2023",
            &format!("Harbour Report says {line}, in a story about the break-in."),
        );
        let b = article(
            "June 2, 2023",
            &format!("Sergeant Dale Morrow said {line}, in a statement."),
        );
        let c = article(
            "June 2, 2023",
            &format!("Warden Pia Halloran said {line}, in a statement."),
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty());
        assert_eq!(run(&[("b.txt", &b), ("c.txt", &c)]).len(), 1);
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

    /// One outlet credits a body or a principal, another the person its
    /// own article introduces as speaking for them: one statement.
    #[test]
    fn a_voice_introduced_beside_its_body_is_the_body() {
        let quote = "\"We have seen no evidence that supports the group's claim,\"";
        let cases = [
            (
                format!("{quote} the U.S. National Security Council said."),
                format!(
                    "{quote} said Sarah Tollan, a spokeswoman for the National Security Council."
                ),
            ),
            (
                format!("{quote} said the Royal Lifeboat Institution."),
                format!("{quote} Royal Lifeboat Institution inspector Sarah Tollan said."),
            ),
            (
                format!("{quote} a spokesman for Senator Ellis Varga said."),
                format!("Varga spokesman Tomas Orlen answered the charge. {quote} Orlen said."),
            ),
        ];
        for (a, b) in cases {
            let found = run(&[
                ("a.txt", &article("March 3, 2025", &a)),
                ("b.txt", &article("March 3, 2025", &b)),
            ]);
            assert!(found.is_empty(), "{b}: {found:#?}");
        }
    }

    /// A role beside another body, or a second person joined by "and", is
    /// no voice of the first speaker: the conflict stands.
    #[test]
    fn a_voice_of_someone_else_still_conflicts() {
        let quote = "\"We have seen no evidence that supports the group's claim,\"";
        let a = format!("{quote} Senator Ellis Varga said.");
        for b in [
            format!("{quote} said Sarah Tollan, a spokeswoman for Governor Ruth Adair."),
            format!("Varga and the inspector Sarah Tollan visited the pier. {quote} Tollan said."),
        ] {
            let found = run(&[
                ("a.txt", &article("March 3, 2025", &a)),
                ("b.txt", &article("March 3, 2025", &b)),
            ]);
            assert_eq!(found.len(), 1, "{b}: {found:#?}");
            assert!(
                found[0].summary.contains("Sarah Tollan"),
                "{}",
                found[0].summary
            );
        }
    }

    /// "Min Jae" is "Min-jae" written apart: one speaker.
    #[test]
    fn a_name_written_with_a_hyphen_or_apart_is_one_speaker() {
        let a = article(
            "January 19, 2025",
            "\"The ferries will not sail again until the harbour wall is repaired,\" Kim Min Jae, the head of Harbour Watch Group, reportedly said.",
        );
        let b = article(
            "January 19, 2025",
            "\"The ferries will not sail again until the harbour wall is repaired,\" said Kim Min-jae.",
        );
        let found = run(&[("a.txt", &a), ("b.txt", &b)]);
        assert!(found.is_empty(), "{found:#?}");
        let c = article(
            "January 19, 2025",
            "\"The ferries will not sail again until the harbour wall is repaired,\" said Thomas Berglund.",
        );
        assert_eq!(run(&[("a.txt", &a), ("c.txt", &c)]).len(), 1);
    }

    /// "said Hartwell's lawyer, Omar Feldane": the lawyer speaks, not the
    /// mayor. Named in apposition, he is the speaker; unnamed, the
    /// lawyer is still not the mayor.
    #[test]
    fn an_agent_after_the_verb_speaks_for_the_owner() {
        let quote = "\"The claims about the bridge contract are absolutely and completely false,\"";
        let feldane = article(
            "June 2, 2024",
            &format!("{quote} Omar Feldane said in a statement on Sunday."),
        );
        let run_with = |other: &str| {
            let a = article("June 2, 2024", &format!("{quote} {other} in a statement."));
            run(&[("a.txt", &a), ("b.txt", &feldane)])
        };
        let agent = run_with("said Mayor Lena Hartwell's lawyer, Omar Feldane,");
        assert!(agent.is_empty(), "{agent:#?}");
        let curly = run_with("said Lena Hartwells\u{2019} lawyer, Omar Feldane,");
        assert!(curly.is_empty(), "{curly:#?}");
        let owner = run_with("said Mayor Lena Hartwell");
        assert_eq!(owner.len(), 1, "the mayor herself: {owner:#?}");
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
    fn quotes_whose_marks_are_not_read_are_not_stated_as_fact() {
        let a = article(
            "May 5, 2024",
            "Relief coordinator Maria Lindqvist said \"the trucks have been waiting at the crossing for three full days now.\"",
        );
        for plain in [
            "'The trucks have been waiting at the crossing for three full days now.",
            "Lindqvist described the scene: The trucks have been waiting at the crossing for three full days now.",
            "We are told the trucks have been waiting at the crossing for three full days now.",
            "Lindqvist: The trucks have been waiting at the crossing for three full days now.",
            "Lindqvist: No. They came on Monday. The trucks have been waiting at the crossing for three full days now.",
            "\u{2026} the trucks have been waiting at the crossing for three full days now.",
            "... the trucks have been waiting at the crossing for three full days now.",
            "The crowd was told: 'Go home. The trucks have been waiting at the crossing for three full days now.'",
            "\u{2018}Go home. The trucks have been waiting at the crossing for three full days now.\u{2019}",
        ] {
            let b = article("May 5, 2024", plain);
            assert!(run(&[("a.txt", &a), ("b.txt", &b)]).is_empty(), "{plain}");
        }
        // A label opens its paragraph only: the next paragraph is the
        // article's own voice again.
        let b = article(
            "May 5, 2024",
            "Lindqvist: No. They came on Monday.\n\nThe trucks have been waiting at the crossing for three full days now.",
        );
        assert_eq!(run(&[("a.txt", &a), ("b.txt", &b)]).len(), 1);
        // An apostrophe after a letter closes no quotation.
        assert!(closes_single_quote("It was the drivers.'"));
        assert!(!closes_single_quote("The trucks belong to the drivers'"));
    }

    /// A sentence's own words before a colon, or a time, are no
    /// speaker's label.
    #[test]
    fn a_colon_after_the_articles_own_words_is_no_label() {
        assert!(speaker_label(
            "Rep. Duncan Hunter: At least ten were caught."
        ));
        assert!(!speaker_label(
            "Officials gave one reason: the trucks were late."
        ));
        assert!(!speaker_label("The trucks arrived at 10:30 this morning."));
        assert!(!speaker_label("Update:the trucks arrived."));
    }

    /// One sentence stating as fact what three articles quote is one
    /// finding, with every article's quote.
    #[test]
    fn one_sentence_against_many_quotes_is_one_finding() {
        let quoted = article(
            "May 5, 2024",
            "Relief coordinator Maria Lindqvist said \"the trucks have been waiting at the crossing for three full days now.\"",
        );
        let plain = article(
            "May 5, 2024",
            "The trucks have been waiting at the crossing for three full days now.",
        );
        let found = run(&[
            ("a.txt", &quoted),
            ("b.txt", &quoted),
            ("c.txt", &quoted),
            ("d.txt", &plain),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let articles: std::collections::HashSet<usize> =
            found[0].evidence.iter().map(|e| e.article).collect();
        assert_eq!(articles.len(), 4, "{found:#?}");
    }

    #[test]
    fn one_speaker_under_a_title_is_not_two() {
        let a = article(
            "May 5, 2024",
            "\"The river crossing will reopen once the engineers sign off,\" Journalist Tomas Varga said.",
        );
        let b = article(
            "May 5, 2024",
            "\"The river crossing will reopen once the engineers sign off,\" Tomas Varga said.",
        );
        let c = article(
            "May 5, 2024",
            "\"The river crossing will reopen once the engineers sign off,\" Harbor Engineering Group said.",
        );
        assert!(run(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]).is_empty());
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
