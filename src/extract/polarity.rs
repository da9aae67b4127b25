//! Polarity and framing of a sentence's clauses: where each clause ends
//! (at a boundary word or a reporting verb), which clauses are negated and
//! by what, the words that set a statement aside or make it modal, and
//! the frames that put a sentence in the past ("under the", "former").
//! The contradiction rule compares clauses read here; the lists are in
//! `assets/lexicon/polarity.txt` and `speech.txt`.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use super::speech::reporting_or_denying;
use crate::lexicon::Lexicon;
use crate::text::fold;
use crate::text::tokens::{Kind, Token};

/// `polarity.txt`, parsed once for all its sections.
static FILE: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicon/polarity.txt")));

/// Words that open a new clause: a negation before one of them does not
/// reach past it.
static CLAUSE_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("clause words"));

/// Words that set a marker aside besides plain negation.
static SETS_ASIDE: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("sets aside"));

/// Words of time or likelihood.
static MODALS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("modals"));

/// Past forms without -ed ("lost", "found").
static IRREGULAR_PAST: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("irregular past"));

/// Whether a folded word is a past form of a verb: "-ed" or irregular.
#[must_use]
pub fn is_past_form(word: &str) -> bool {
    word.len() > 3 && word.ends_with("ed") || IRREGULAR_PAST.contains(word)
}

/// Whether a folded word sets a statement aside: "no", "suspended", "denied".
#[must_use]
pub fn sets_aside(word: &str) -> bool {
    SETS_ASIDE.contains(word)
}

/// Whether a folded word is a modal or future marker: "will", "likely".
#[must_use]
pub fn is_modal(word: &str) -> bool {
    MODALS.contains(word)
}

/// A sentence read for polarity: its tokens folded, its clauses, and where
/// its negations start.
pub struct Read {
    pub toks: Vec<Tok>,
    pub clauses: Vec<Range<usize>>,
    /// Where each negation starts (token indices, in order).
    pub negations: Vec<usize>,
}

impl Read {
    pub fn negated(&self) -> bool {
        !self.negations.is_empty()
    }

    /// The negations within a range of tokens.
    pub fn negations_in(&self, r: &Range<usize>) -> &[usize] {
        let from = self.negations.partition_point(|&i| i < r.start);
        let to = self.negations.partition_point(|&i| i < r.end);
        &self.negations[from..to]
    }
}

/// Reads a sentence: `tokens` of `text`, folded and cut into clauses.
#[must_use]
pub fn read(text: &str, tokens: &[Token]) -> Read {
    let toks = toks(text, tokens);
    Read {
        clauses: clauses(&toks),
        negations: (0..toks.len())
            .filter(|&i| negator(&toks, i).is_some())
            .collect(),
        toks,
    }
}

/// A token of a sentence, folded, with its analysis-text range.
pub struct Tok {
    pub range: Range<usize>,
    pub text: String,
    pub kind: Kind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }
}

fn toks(text: &str, tokens: &[Token]) -> Vec<Tok> {
    tokens
        .iter()
        .map(|t| Tok {
            range: t.range(),
            text: fold(t.text(text)),
            kind: t.kind,
        })
        .collect()
}

pub fn is_boundary(t: &Tok) -> bool {
    match t.kind {
        Kind::Punct => !matches!(t.text.as_str(), "'" | "/" | "&" | "%" | "$"),
        Kind::Word => CLAUSE_WORDS.contains(t.text.as_str()),
        _ => false,
    }
}

/// A boundary, or a reporting or denying verb. Every token of every
/// sentence is asked, so the words are one set, looked up once (tokens are
/// already folded to lower case).
fn ends_clause(t: &Tok) -> bool {
    static WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| {
        CLAUSE_WORDS
            .iter()
            .copied()
            .chain(reporting_or_denying())
            .collect()
    });
    match t.kind {
        Kind::Word => WORDS.contains(t.text.as_str()),
        _ => is_boundary(t),
    }
}

/// Token ranges of the clauses of a sentence, boundaries left out. A
/// reporting verb also ends one: what follows it is the reported statement
/// ("the army said | Hamas did not ...").
fn clauses(toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in toks.iter().enumerate() {
        if ends_clause(t) && !opens_no_clause(toks, i) {
            if toks[start..i].iter().any(Tok::is_word) {
                out.push(start..i);
            }
            start = i + 1;
        }
    }
    if toks[start.min(toks.len())..].iter().any(Tok::is_word) {
        out.push(start..toks.len());
    }
    out
}

/// Clause words that open no clause before a word: "so far", "as well".
static CLAUSE_WORD_PHRASES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    FILE.section("clause word phrases")
        .into_iter()
        .flat_map(crate::lexicon::Section::entries)
        .filter_map(|p| p.split_once(' '))
        .collect()
});

/// Whether the clause word at `i` is one of `[clause word phrases]`.
fn opens_no_clause(toks: &[Tok], i: usize) -> bool {
    let next = toks.get(i + 1).map(|t| t.text.as_str());
    CLAUSE_WORD_PHRASES
        .iter()
        .any(|&(w, n)| toks[i].text == w && next == Some(n))
}

/// Verbs that negate the verb after "from" ("refrain from using").
static REFRAINING_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("refraining verbs"));

/// Verbs that negate the verb after "to" ("failed to", "declined to").
static NEGATING_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("negating verbs"));

/// Words that negate their clause besides "not", "never" and "n't".
static NEGATIVE_WORDS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("negative words"));

/// Which of the three lists above hold a word (`NEGATIVE`,
/// `NEGATING_VERB`, `REFRAINING_VERB`): every token of every sentence is
/// asked, and one lookup answers for the three lists.
static NEGATING: LazyLock<FxHashMap<&str, u8>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (list, flag) in [
        (&*NEGATIVE_WORDS, NEGATIVE),
        (&*NEGATING_VERBS, NEGATING_VERB),
        (&*REFRAINING_VERBS, REFRAINING_VERB),
    ] {
        for &w in list {
            *map.entry(w).or_insert(0) |= flag;
        }
    }
    map
});
const NEGATIVE: u8 = 1;
const NEGATING_VERB: u8 = 2;
const REFRAINING_VERB: u8 = 4;

/// The lists of [`NEGATING`] that hold `w`, as flags; 0 when none does.
fn negating(w: &str) -> u8 {
    NEGATING.get(w).copied().unwrap_or(0)
}

/// Phrases that start with a negation word and negate nothing, as words.
static NO_NEGATION: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| {
    FILE.section("no negation")
        .into_iter()
        .flat_map(crate::lexicon::Section::entries)
        .map(|p| p.split_whitespace().collect())
        .collect()
});

/// Words that open a clause stating nothing ("if", "unless").
static HYPOTHETICAL: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("hypothetical"));

/// Words that only stand under a negation ("anymore").
static NEGATIVE_POLARITY: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("negative polarity"));

/// Whether the tokens from `i` on spell a phrase of `[no negation]`. A
/// contraction of `len` tokens stands for "not": "isn't the first time"
/// is "not the first time".
fn negates_nothing(toks: &[Tok], i: usize, len: usize) -> bool {
    let contracted = !matches!(toks[i].text.as_str(), "not" | "no" | "never");
    NO_NEGATION.iter().any(|p| {
        let (skip, from) = if contracted && p.first() == Some(&"not") {
            (1, i + len)
        } else {
            (0, i)
        };
        p[skip..]
            .iter()
            .enumerate()
            .all(|(j, w)| toks.get(from + j).is_some_and(|t| t.text == *w))
    })
}

/// How many tokens the negation starting at `i` takes, if one does:
/// "not", "never", "n't" (also written apart, "didn ' t"), "no longer",
/// "no", "nothing", "failed to", "declined to", "yet to".
pub fn negator(toks: &[Tok], i: usize) -> Option<usize> {
    if toks[i].kind != Kind::Word {
        return None;
    }
    // Every token of every sentence is asked: the phrases that negate
    // nothing are looked for only after a negation.
    let n = negation_at(toks, i)?;
    (!negates_nothing(toks, i, n)).then_some(n)
}

/// How many tokens a negation starting at word `i` takes, phrases that
/// negate nothing not yet set apart.
fn negation_at(toks: &[Tok], i: usize) -> Option<usize> {
    let w = toks[i].text.as_str();
    let next = toks.get(i + 1).map(|t| t.text.as_str());
    let prev = i.checked_sub(1).map(|j| toks[j].text.as_str());
    let lists = negating(w);
    match w {
        "not" if matches!(prev, Some("or" | "if")) || contrasts(toks, i) => None,
        "not" | "never" => Some(1),
        "no" if next == Some("longer") => Some(2),
        // "No, ..." answers; "no" before a word negates its clause, but
        // not before a pronoun, which no determiner precedes: "voting no
        // they would" is the answer given.
        _ if lists & NEGATIVE != 0 => (w != "no"
            || toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
                && !next.is_some_and(is_subject_pronoun))
        .then_some(1),
        _ if lists & NEGATING_VERB != 0 && next == Some("to") => Some(2),
        _ if lists & REFRAINING_VERB != 0 && next == Some("from") => Some(2),
        _ if w.ends_with("n't") => Some(1),
        _ if w.ends_with('n')
            && next == Some("'")
            && toks.get(i + 2).is_some_and(|t| t.text == "t") =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// Whether the "not" at `i` sets one term against another instead of
/// denying its clause: "call themselves "judges" not "arbitrators"", "a
/// pause, not a halt". A clause's own "not" follows its verb ("is not",
/// "did not"), never a closing quotation mark (one written against the
/// word before it: `was "not in a position"` opens the quote), and after
/// a comma it does not open a noun phrase.
fn contrasts(toks: &[Tok], i: usize) -> bool {
    let (Some(before), Some(word)) = (
        i.checked_sub(2).map(|j| &toks[j]),
        i.checked_sub(1).map(|j| &toks[j]),
    ) else {
        return false;
    };
    let next = toks.get(i + 1).map(|t| t.text.as_str());
    match word.text.as_str() {
        "\"" | "”" | "’" | "'" => before.is_word() && before.range.end == word.range.start,
        "," => matches!(next, Some("a" | "an" | "the")),
        _ => false,
    }
}

/// Pronouns that may stand as a verb's subject ("he", "they'd"; the
/// `[subject pronouns]` of `contradictions.txt`): no determiner stands
/// before one.
static SUBJECT_PRONOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::Lexicon::parse(include_str!("../../assets/lexicon/contradictions.txt"))
        .section_set("subject pronouns")
});

/// Whether a word is a subject pronoun, a contraction after it aside.
pub fn is_subject_pronoun(w: &str) -> bool {
    let w = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
    crate::lexicon::contains_lowered(&SUBJECT_PRONOUNS, w)
}

/// Words that deny or undo what follows them, besides plain negation:
/// the sets-aside words and the negating verbs ("no", "suspended",
/// "refused", "failed").
pub fn undoing_words() -> impl Iterator<Item = &'static str> {
    SETS_ASIDE
        .iter()
        .chain(NEGATING_VERBS.iter())
        .chain(NEGATIVE_WORDS.iter())
        .copied()
}

/// Whether a folded word is part of a negation (for word differences).
pub fn is_negation_word(w: &str) -> bool {
    matches!(w, "not" | "never" | "longer" | "t") || negating(w) != 0 || w.ends_with("n't")
}

/// Words of asking, trying and planning ("asked", "efforts").
static UNASSERTING: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("unasserting words"));

/// Whether the verb at `i` is only asked for, tried or planned: "to"
/// before it, and a word of `[unasserting words]` just before that or one
/// word earlier ("was asked to comment", "urged him to resign").
#[must_use]
pub fn unasserted(toks: &[Tok], i: usize) -> bool {
    let Some(to) = i.checked_sub(1).filter(|&j| toks[j].text == "to") else {
        return false;
    };
    toks[to.saturating_sub(2)..to]
        .iter()
        .any(|t| UNASSERTING.contains(t.text.as_str()))
}

/// A past participle after a preposition, before the noun it describes:
/// "sent to verified accounts", "from confirmed cases" state no
/// verifying or confirming. ("to" before a verb's plain form, as in
/// "to succeed in", is followed by a function word or none.)
#[must_use]
pub fn describes(toks: &[Tok], i: usize) -> bool {
    let preposition = i.checked_sub(1).is_some_and(|j| {
        matches!(
            toks[j].text.as_str(),
            "to" | "of" | "from" | "with" | "for" | "by" | "on" | "at" | "in" | "into" | "among"
        )
    });
    let noun_after = toks
        .get(i + 1)
        .is_some_and(|t| t.is_word() && !super::words::is_stop(&t.text));
    preposition && noun_after && is_past_form(&toks[i].text)
}

/// Whether the clause is a second infinitive under a negating verb before
/// it: "refuse to negotiate or to allow ransoms" denies the allowing too,
/// though "or" opens a clause.
pub fn negated_by_earlier_verb(toks: &[Tok], clause: &Range<usize>) -> bool {
    let joined = clause.start.checked_sub(1).is_some_and(|j| {
        matches!(toks[j].text.as_str(), "or" | "and" | "nor")
            && toks.get(clause.start).is_some_and(|t| t.text == "to")
    });
    joined
        && (0..clause.start.saturating_sub(1)).any(|i| {
            (NEGATING_VERBS.contains(toks[i].text.as_str()) || toks[i].text == "not")
                && toks.get(i + 1).is_some_and(|t| t.text == "to")
        })
}

/// Whether the clause states nothing: it is a condition ("unless the
/// army stopped ...") or holds a word that needs a negation it was cut
/// from ("want to date anymore").
pub fn states_nothing(toks: &[Tok], clause: &Range<usize>) -> bool {
    let opened_by = clause
        .start
        .checked_sub(1)
        .is_some_and(|j| HYPOTHETICAL.contains(toks[j].text.as_str()));
    opened_by
        || toks[clause.clone()]
            .iter()
            .any(|t| NEGATIVE_POLARITY.contains(t.text.as_str()))
}

pub fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')'])
        .ends_with('?')
}

/// Whether `offset` lies inside quotation marks opened in the sentence.
pub fn inside_quotes(text: &str, sentence: &Range<usize>, offset: usize) -> bool {
    // Counted in bytes, as decoding every character was the cost: '"' is
    // one byte, and the curly marks are the only characters whose UTF-8
    // is E2 80 9C and E2 80 9D. Both bytes are rare in news text, and
    // `memchr` skips to them many bytes at a time.
    let bytes = &text.as_bytes()[sentence.start..offset];
    let straight = memchr::memchr_iter(b'"', bytes).count();
    let curly = memchr::memchr_iter(0xE2, bytes)
        .filter(|&i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])))
        .count();
    (straight + curly) % 2 == 1
}

static PAST_AUX: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("past auxiliaries"));
static PRESENT_AUX: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("present auxiliaries"));
static TIME_WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("time words"));
static PERIOD_UNITS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("period units"));

/// Whether the tokens hold a span of time a negation may run over: "since
/// ...", or "for" or "in" with a unit of time within three words ("for
/// months", "in a year", "for more than two weeks").
#[must_use]
pub fn names_a_period(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        t.text == "since"
            || matches!(t.text.as_str(), "for" | "in")
                && toks[i + 1..]
                    .iter()
                    .take(4)
                    .any(|u| PERIOD_UNITS.contains(u.text.as_str()))
    })
}

/// Whether two statements that differ in these folded words speak of
/// different times: one side adds a word of time ("former", "again"), or
/// one side's auxiliary is past where the other's is present.
pub fn different_times(a: &[&str], b: &[&str]) -> bool {
    let any = |words: &[&str], set: &FxHashSet<&str>| words.iter().any(|w| set.contains(w));
    let timed = any(a, &TIME_WORDS) || any(b, &TIME_WORDS);
    let past_present =
        (any(a, &PAST_AUX) && any(b, &PRESENT_AUX)) || (any(a, &PRESENT_AUX) && any(b, &PAST_AUX));
    timed || past_present
}

static TITLE_TIME_WORDS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("title time words"));

/// Whether the word at `i` dates a title before a name ("former
/// outfielder Jose Canseco", "ex-President Smith"): it says when the title
/// was held, not when the statement holds, and the name says who is
/// meant. A name is a capitalised word after the first word of the title,
/// before any punctuation: "the former Soviet republic" or "the former
/// harbour master" names nobody, and may be another holder than "the
/// harbour master".
pub fn dates_a_title(text: &str, toks: &[Tok], i: usize) -> bool {
    TITLE_TIME_WORDS.contains(toks[i].text.as_str())
        && toks[i + 1..]
            .iter()
            .filter(|t| t.text != "-")
            .take_while(|t| t.is_word())
            .take(6)
            .skip(1)
            .any(|t| text[t.range.clone()].starts_with(char::is_uppercase))
}

/// Verbs that link a subject to a state as a copula does ("was found
/// dead", "was pronounced dead"): the state is stated of the subject, and
/// the verb is no part of who it is said of.
static LINKING_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("linking verbs"));

pub fn is_linking_verb(w: &str) -> bool {
    LINKING_VERBS.contains(w)
}

/// Whether a folded word is a past auxiliary ("was", "had").
pub fn is_past_auxiliary(w: &str) -> bool {
    PAST_AUX.contains(w)
}

/// Whether one side adds a word of time ("former", "again"): what
/// [`different_times`] asks of two reported clauses, whose tense follows
/// the verb of saying ("said the bombs were not causing" reports what
/// "says the bombs are not causing" does).
pub fn different_time_words(a: &[&str], b: &[&str]) -> bool {
    a.iter().chain(b).any(|w| TIME_WORDS.contains(w))
}

/// Whether `offset` lies inside quotation marks opened in its paragraph:
/// a quotation may run over several sentences.
pub fn quoted_in_paragraph(text: &str, sentence: &Range<usize>, offset: usize) -> bool {
    let start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    inside_quotes(text, &(start..sentence.end), offset)
}

/// Words that put a statement in the past even in the present tense.
/// One pass over the sentence, no lower-cased copy: the frames are ASCII,
/// so ASCII case folding finds what lower-casing the sentence did.
pub fn past_framed(sentence: &str) -> bool {
    static FRAMES: OnceLock<AhoCorasick> = OnceLock::new();
    FRAMES
        .get_or_init(|| {
            let frames = [
                "under the ",
                "-era",
                "former ",
                "then-",
                "previous ",
                "at the time",
                // "Francis's predecessor, Pope Benedict XVI": the holder before.
                "predecessor",
            ];
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(frames)
                .expect("fixed patterns build")
        })
        .is_match(sentence)
        || during_a_past_period(sentence)
}

static PAST_PERIODS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("past periods"));

/// Whether "during the" in the sentence names a period gone by ("during
/// the Bush presidency", "during the 1990s", "during the Cold War"), not
/// an event of the story ("during the meeting, President X said").
fn during_a_past_period(sentence: &str) -> bool {
    static DURING: OnceLock<AhoCorasick> = OnceLock::new();
    let during = DURING.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["during the "])
            .expect("fixed pattern builds")
    });
    during
        .find_iter(sentence)
        .any(|m| names_past_period(&sentence[m.end()..]))
}

/// Whether the noun phrase at the start of `after` names a past period:
/// a word of [past periods], a year or decade, or a capitalised "War".
/// The phrase ends at the first punctuation or after five words.
fn names_past_period(after: &str) -> bool {
    for word in after.split_whitespace().take(5) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let year = bare.len() == 4 && bare.bytes().all(|b| b.is_ascii_digit());
        let decade = bare.ends_with('s')
            && bare[..bare.len() - 1].bytes().all(|b| b.is_ascii_digit())
            && bare.len() > 2;
        if year || decade || bare == "War" || PAST_PERIODS.contains(bare.to_lowercase().as_str()) {
            return true;
        }
        if bare.len() != word.len() {
            return false; // punctuation ends the phrase
        }
    }
    false
}

/// Whether a sentence sets the mention at byte `at` in the past: a frame
/// anywhere but a named period ("then-", "-era", "at the time"), or a
/// period or "former" before it ("During the Cold War, Defense Minister X
/// said"). A "former" after it is another title's: "President X flew home
/// to honour the former king" still calls X president.
/// A period named after it dates another clause: "President X told Y he
/// backed him during the recent elections" still calls X president.
pub fn past_framed_at(sentence: &str, at: usize) -> bool {
    static STRONG: OnceLock<AhoCorasick> = OnceLock::new();
    let strong = STRONG.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["-era", "then-", "previous ", "at the time"])
            .expect("fixed patterns build")
    });
    let before = sentence.get(..at).unwrap_or(sentence);
    strong.is_match(sentence) || past_framed(before)
}

static PREDECESSOR_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("predecessor verbs"));

static RECENT_ACTS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("recent acts"));

/// Whether the words just before a person's mention set it in the past
/// whatever the tense: "under President X" (a period named by its
/// holder), "signed by President X" (an act done), unless a word just
/// before the act dates it now ("the recent strikes ordered by").
pub fn past_by_preposition(before: &str) -> bool {
    let mut words = last_words(before);
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("under") => true,
        Some(w) if w.eq_ignore_ascii_case("by") => {
            words.next().is_some_and(|v| v.ends_with("ed"))
                && !words
                    .take(3)
                    .any(|w| RECENT_ACTS.contains(w.to_lowercase().as_str()))
        }
        _ => false,
    }
}

/// Whether the words just before a person's mention name the holder
/// before another: "took over from President X", "who succeeded
/// President X". A date in the sentence dates the handover, not X's term.
pub fn predecessor_before(before: &str) -> bool {
    let mut words = last_words(before);
    match words.next() {
        Some(w) if w.eq_ignore_ascii_case("from") => {
            words.next().is_some_and(|v| v.eq_ignore_ascii_case("over"))
        }
        Some(w) => PREDECESSOR_VERBS.contains(w.to_lowercase().as_str()),
        None => false,
    }
}

/// The words of a text from its end, bare of punctuation.
fn last_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// "was", "had been", "served": the role is described as a past state.
pub fn past_state(after: &str) -> bool {
    let mut words = after.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    match words.next().as_deref() {
        Some("was" | "were" | "served" | "formerly" | "previously") => true,
        Some("had") => words.next().as_deref() == Some("been"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn during_frames_a_period_gone_by_not_an_event_of_the_story() {
        for past in [
            "During the Bush presidency, Defense Secretary Rumsfeld said so.",
            "During the 1990s, President Clinton visited twice.",
            "During the Cold War, the premier met the envoy.",
            "during the 2008 campaign, Senator Obama said",
        ] {
            assert!(past_framed(past), "{past}");
        }
        for now in [
            "During the meeting, President Obama offered his condolences.",
            "During the Syrian civil war, President Assad has held Damascus.",
            "During the talks on Monday, Prime Minister Cameron spoke.",
            "During the visit, in 2014, the president spoke.",
        ] {
            assert!(!past_framed(now), "{now}");
        }
    }

    #[test]
    fn a_period_or_an_act_by_a_holder_is_past() {
        assert!(past_by_preposition("as it has been under"));
        assert!(past_by_preposition("the treaty, signed by"));
        assert!(!past_by_preposition("a statement from"));
        assert!(!past_by_preposition(
            "a plan backed by the party and praised"
        ));
        assert!(!past_by_preposition("the speech given by"));
        assert!(!past_by_preposition("the recent airstrikes ordered by"));
        assert!(past_by_preposition("the airstrikes ordered by"));
        // A recent word further back dates something else.
        assert!(past_by_preposition(
            "after recent talks on the law drafted and signed by"
        ));
        assert!(predecessor_before("an Argentine Jesuit who took over from"));
        assert!(predecessor_before("the coup that ousted"));
        assert!(!predecessor_before("a letter from"));
        assert!(!predecessor_before("the bill was passed over"));
    }

    #[test]
    fn quotes_are_counted_straight_and_curly_but_no_other_character() {
        let inside = |text: &str| inside_quotes(text, &(0..text.len()), text.find('X').unwrap());
        assert!(inside("He said \"we X"));
        assert!(inside("He said \u{201c}we X"));
        assert!(!inside("He said \u{201c}we\u{201d} X"));
        assert!(!inside("He said \"we\u{201d} X"));
        // Characters whose UTF-8 also ends in 9C or 9D: Ĝ, ✜, Ɲ.
        assert!(!inside("\u{11c} \u{271c} \u{19d} X"));
    }
    use crate::text::tokens::tokenize;

    fn read_text(text: &str) -> Read {
        let mut tokens = Vec::new();
        tokenize(text, 0..text.len(), &mut tokens);
        read(text, &tokens)
    }

    #[test]
    fn unable_to_and_refrain_from_negate_and_so_far_opens_no_clause() {
        for negated in [
            "The agency was unable to verify the recording.",
            "Users should refrain from resetting the phone.",
        ] {
            assert!(read_text(negated).negated(), "{negated}");
        }
        for plain in [
            "The agency was able to verify the recording.",
            "Users refrained, and the phone was reset.",
        ] {
            assert!(!read_text(plain).negated(), "{plain}");
        }
        // The negation reaches the fragments across "so far", not across
        // a clause that "so" opens.
        let r = read_text("There was no word so far of any fragments found.");
        assert_eq!(r.clauses.len(), 1);
        let r = read_text("There was no rain, so the crops failed.");
        assert_eq!(r.clauses.len(), 2);
    }

    #[test]
    fn negations_and_clauses_are_found() {
        let r = read_text("The army said Hamas did not deliver the list.");
        assert!(r.negated());
        assert_eq!(r.clauses.len(), 2, "a reporting verb ends a clause");
        assert_eq!(r.toks[r.negations[0]].text, "not");
    }

    #[test]
    fn not_only_negates_nothing() {
        assert!(!read_text("Not only the list but the names arrived.").negated());
        assert!(!read_text("Whether or not the list arrived.").negated());
        assert!(read_text("They failed to deliver it.").negated());
    }

    #[test]
    fn framing_words_come_from_the_lexicon() {
        assert!(is_modal("will") && sets_aside("suspended"));
        assert!(!is_modal("delivered") && !sets_aside("delivered"));
        assert!(is_question("Did the list arrive?\""));
    }

    #[test]
    fn more_negations_are_read() {
        assert!(read_text("No charges were filed against the driver.").negated());
        assert!(read_text("The ministry declined to say how many died.").negated());
        assert!(read_text("The firm had yet to respond on Friday.").negated());
        assert!(read_text("The mayor didn \u{2019} t attend the opening.").negated());
        assert!(read_text("Nothing was taken from the vault.").negated());
    }

    #[test]
    fn phrases_that_negate_nothing() {
        assert!(!read_text("No, the plan held.").negated());
        assert!(!read_text("The fish grows to no more than ten inches.").negated());
        assert!(!read_text("It is not the first time the singer has cancelled.").negated());
        assert!(!read_text("No matter how late, the bus came.").negated());
    }

    #[test]
    fn conditions_and_cut_clauses_state_nothing() {
        let r = read_text("Rebels threatened to attack unless the army withdrew.");
        let last = r.clauses.last().expect("a clause");
        assert!(states_nothing(&r.toks, last));
        let r = read_text("She said she does not want to race anymore.");
        assert!(r.clauses.iter().any(|c| states_nothing(&r.toks, c)));
        let r = read_text("The army withdrew from the valley.");
        assert!(!states_nothing(&r.toks, &r.clauses[0]));
    }

    #[test]
    fn times_differ_by_tense_or_time_words() {
        assert!(different_times(&["was"], &["is"]));
        assert!(different_times(&["former"], &[]));
        assert!(!different_times(&["was"], &["were"]));
        assert!(!different_times(&["said"], &["wrote"]));
    }

    #[test]
    fn former_before_a_name_dates_the_title() {
        let at = |text: &str| {
            let r = read_text(text);
            let i = r.toks.iter().position(|t| t.text == "former").unwrap();
            dates_a_title(text, &r.toks, i)
        };
        assert!(at("The former league goalkeeper Daniel Orwell was hurt."));
        assert!(at("Former Mayor Ellen Tate was hurt."));
        // No name: another holder may be meant.
        assert!(!at("The former harbour master was hurt."));
        assert!(!at("Former Mayor of the town was hurt."));
        assert!(!at("The former mayor, Ellen Tate, was hurt."));
    }
}
