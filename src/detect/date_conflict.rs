//! `date-conflict`: dates that cannot all be right.
//!
//! * A weekday written beside a date that is not that date's weekday
//!   ("Saturday, January 19" in 2025, a Sunday): checked against the calendar.
//! * "today, Sunday" in an article dated on another weekday.
//! * One event dated differently by two articles: aligned sentences, each
//!   with a single day-precise date, whose dates differ while the words
//!   beside the dates name the same kind of event ("took effect", "freed").

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use super::posts::{self, Post};
use super::{Account, Finding, FindingKind, Severity, Story, claim_order, word_classes};
use crate::align::{Member, Pair};
use crate::extract::{DateValue, Mention, MentionKind, Precision, Value, weekday_name};
use crate::lexicon::Lexicon;
use crate::model::{ArticleAnalysis, Role};
use crate::text::tokens::{Kind, Token};
use crate::text::{fold, lowercase};

/// Every date conflict in the story.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let mut out = weekday_mismatches(story);
    out.extend(today_mismatches(story));
    // One event's date disputed between several pairs of mentions (an
    // article that tells the date twice, two articles against a third) is
    // one disagreement for the reviewer.
    out.extend(super::merge_repeats(story, event_conflicts(story)));
    out
}

/// "January 19, 2025" for summaries.
fn long_date(date: Date) -> String {
    date.strftime("%B %-d, %Y").to_string()
}

/// The file name of an article, for one-line summaries.
fn file_name<'a>(story: &Story<'a>, article: usize) -> &'a str {
    let path = story.articles[article].article.path.as_str();
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn date_value(m: &Mention) -> Option<&DateValue> {
    match &m.value {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

/// The single day a date names, however much of it is known: a weekday
/// with no date ("on Thursday" in an undated article) counts.
fn when_of(d: &DateValue) -> Option<When> {
    if let Some(day) = one_day(d) {
        return Some(When::Day(day));
    }
    if d.precision == Precision::Month && !d.relative {
        // "in August 2013": a month written with its year.
        return d.from.map(|f| When::Month(f.year(), f.month()));
    }
    if d.precision != Precision::Day || d.from.is_some() {
        return None;
    }
    if let Some((m, day)) = d.month_day {
        return Some(When::MonthDay(m, day));
    }
    let weekday = crate::extract::weekday_index(d.weekday.as_deref()?)?;
    d.relative.then_some(When::Weekday(weekday))
}

/// The one day a date value names, if it names exactly one.
fn one_day(d: &DateValue) -> Option<Date> {
    let from = d.from?;
    (d.to == Some(from) && d.precision == Precision::Day).then_some(from)
}

// ---------------------------------------------------------------------------
// A weekday beside a date.

fn weekday_mismatches(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    // Built on the first mismatch: most stories have none.
    let mut days: Option<DayIndex> = None;
    for (ai, a) in story.articles.iter().enumerate() {
        step(a.mentions.len());
        for m in &a.mentions {
            let Some(d) = date_value(m).filter(|d| !d.relative) else {
                continue;
            };
            let text = a.article.text.as_str();
            let stated = match d.weekday.as_deref() {
                Some(named) => Some((named, (m.range.clone(), false))),
                None => said_weekday_after(text, m.range.end)
                    .map(|(named, end)| (named, (m.range.start..end, true)))
                    .or_else(|| {
                        weekday_before_bracket(text, m.range.start)
                            .map(|(named, start)| (named, (start..m.range.end, false)))
                    }),
            };
            let (Some(date), Some((named, range))) = (one_day(d), stated) else {
                continue;
            };
            if weekday_name(date) != named {
                let days = days.get_or_insert_with(|| day_index(story));
                out.push(weekday_finding(story, days, ai, range, date, named));
            }
        }
    }
    out
}

/// A weekday said of a date right after it, "January 12, 2014 – was a
/// Sunday" or "May 9 fell on a Thursday": the weekday and the end of its
/// word. Fact-checks date a claim this way; anything else between the date
/// and the weekday may be about something else.
fn said_weekday_after(text: &str, end: usize) -> Option<(&'static str, usize)> {
    let rest = &text[end..];
    let mut words = rest
        .split_whitespace()
        .map(|w| w.trim_start_matches(['–', '—', '-', ',']))
        .filter(|w| !w.is_empty());
    let weekday = match (words.next()?, words.next()?) {
        ("was" | "is", "a") | ("fell", "on") => {
            let w = words.next()?;
            if w == "a" { words.next()? } else { w }
        }
        _ => return None,
    };
    let word = weekday.trim_end_matches(|c: char| !c.is_alphabetic());
    let named = crate::text::dates::WEEKDAY_NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(word))?;
    // `word` is a slice of `rest`: its offset there is where it starts.
    let start = word.as_ptr() as usize - rest.as_ptr() as usize;
    Some((named, end + start + word.len()))
}

/// A weekday written right before the date in brackets, "on Thursday
/// (November 6, 2014)", as releases and hoaxes date themselves: the
/// weekday and where its word starts.
fn weekday_before_bracket(text: &str, start: usize) -> Option<(&'static str, usize)> {
    let before = text[..start].trim_end().strip_suffix('(')?.trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    let named = crate::text::dates::WEEKDAY_NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(word))?;
    Some((named, word_start))
}

/// A weekday written beside a date that is not the date's weekday: `range`
/// quotes both, and `said_after` says the weekday comes last.
fn weekday_finding(
    story: &Story,
    days: &DayIndex,
    article: usize,
    (range, said_after): (Range<usize>, bool),
    date: Date,
    named: &str,
) -> Finding {
    let quote = story.quote(article, range.clone());
    let real = weekday_name(date);
    let other_year = year_that_fits(quote, date, named);
    let mut explanation = format!("Calendar: {date} fell on a {real}, not a {named}.");
    if let Some(year) = other_year {
        let _ = write!(
            explanation,
            " The year is not written; in {year} the same day was a {named}, so the year may be what is wrong."
        );
    }
    let witnesses = same_day_called(story, days, (article, &range), date, real);
    if !witnesses.is_empty() {
        let list: Vec<String> = witnesses
            .iter()
            .map(|(a, r)| {
                format!(
                    "\"{}\" ({})",
                    story.quote(*a, r.clone()),
                    story.place(*a, r)
                )
            })
            .collect();
        let _ = write!(
            explanation,
            " The story calls that day a {real} elsewhere: {}.",
            list.join(", ")
        );
    }
    let (severity, confidence) = if other_year.is_some() {
        (Severity::Medium, 0.55)
    } else {
        (Severity::High, 0.9)
    };
    let summary = format!("{named}, {} was a {real}", long_date(date));
    let mut f = Finding::new(
        FindingKind::DateConflict,
        severity,
        confidence,
        summary,
        explanation,
    )
    .suggest(with_weekday(quote, real, said_after))
    .evidence(article, range);
    for (a, r) in witnesses {
        f = f.evidence(a, r);
    }
    f
}

/// When the year was not written, a neighbouring year in which the day had
/// the named weekday: the writer may have meant that year.
fn year_that_fits(quote: &str, date: Date, named: &str) -> Option<i16> {
    if quote.contains(&date.year().to_string()) {
        return None;
    }
    [date.year() - 1, date.year() + 1]
        .into_iter()
        .find(|&y| Date::new(y, date.month(), date.day()).is_ok_and(|d| weekday_name(d) == named))
}

/// The quote with its weekday replaced: the leading one ("Sunday, January
/// 19"), or the last word when the weekday is said after the date
/// ("January 19 was a Sunday").
fn with_weekday(quote: &str, weekday: &str, said_after: bool) -> String {
    if said_after {
        let start = quote
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + 1);
        return format!("{}{weekday}", &quote[..start]);
    }
    let end = quote
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(quote.len());
    format!("{weekday}{}", &quote[end..])
}

/// Every date mention that names a weekday, by the day it names (its year
/// when known, month, day) and that weekday, each list sorted by article,
/// absolute before resolved, then position: the witnesses of a weekday
/// finding are looked up, one per article, so that text dense with dates
/// stays linear.
type DayIndex = FxHashMap<(Option<i16>, i8, i8, String), Vec<Witness>>;

/// A mention that calls a day by a weekday: (article, relative, range).
type Witness = (usize, bool, Range<usize>);

fn day_index(story: &Story) -> DayIndex {
    let mut index: DayIndex = FxHashMap::default();
    for (ai, a) in story.articles.iter().enumerate() {
        step(a.mentions.len());
        for m in &a.mentions {
            let Some(d) = date_value(m) else { continue };
            let Some(weekday) = d.weekday.clone() else {
                continue;
            };
            let day = match (one_day(d), d.month_day) {
                (Some(x), _) => (Some(x.year()), x.month(), x.day()),
                (None, Some((month, day))) => (None, month, day),
                (None, None) => continue,
            };
            index
                .entry((day.0, day.1, day.2, weekday))
                .or_default()
                .push((ai, d.relative, m.range.clone()));
        }
    }
    for list in index.values_mut() {
        list.sort_by_key(|(ai, relative, r)| (*ai, *relative, r.start));
    }
    index
}

/// Other mentions of the same day that call it by its real weekday: the
/// same article first, then absolute dates, then resolved ones; one per
/// article, at most three, other articles by path so that the order they
/// were given in does not choose.
fn same_day_called(
    story: &Story,
    days: &DayIndex,
    claim: (usize, &Range<usize>),
    date: Date,
    real: &str,
) -> Vec<(usize, Range<usize>)> {
    let mut best: BTreeMap<usize, (bool, Range<usize>)> = BTreeMap::new();
    for year in [Some(date.year()), None] {
        let key = (year, date.month(), date.day(), real.to_string());
        let list = days.get(&key).map_or(&[][..], Vec::as_slice);
        let mut at = 0;
        while let Some((ai, _, _)) = list.get(at) {
            step(1);
            // The article's run: its first mention that is not the claim.
            let end = at + list[at..].partition_point(|(x, _, _)| x == ai);
            let first = list[at..end]
                .iter()
                .find(|(_, _, r)| !(*ai == claim.0 && r == claim.1));
            if let Some((_, relative, r)) = first {
                let better = best
                    .get(ai)
                    .is_none_or(|(rel, have)| (*relative, r.start) < (*rel, have.start));
                if better {
                    best.insert(*ai, (*relative, r.clone()));
                }
            }
            at = end;
        }
    }
    let mut found: Vec<(bool, bool, usize, Range<usize>)> = best
        .into_iter()
        .map(|(ai, (relative, r))| (ai != claim.0, relative, ai, r))
        .collect();
    let path = |ai: usize| story.articles[ai].article.path.as_str();
    found.sort_by_key(|(elsewhere, relative, ai, r)| (*elsewhere, *relative, path(*ai), r.start));
    found
        .into_iter()
        .take(3)
        .map(|(_, _, a, r)| (a, r))
        .collect()
}

// ---------------------------------------------------------------------------
// "today, Sunday" against the article's own date.

/// Words that make a following weekday name the day of writing.
const TODAY: &[&str] = &["today", "tonight"];

fn today_mismatches(story: &Story) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        let Some(published) = story.date(ai) else {
            continue;
        };
        for m in &a.mentions {
            let Some(d) = date_value(m).filter(|d| d.relative) else {
                continue;
            };
            let Some(named) = d.weekday.as_deref() else {
                continue;
            };
            let Some(start) = today_before(a, m, named) else {
                continue;
            };
            if weekday_name(published) != named {
                out.push(today_finding(
                    story,
                    ai,
                    start..m.range.end,
                    published,
                    named,
                ));
            }
        }
    }
    out
}

/// Where "today" starts when the weekday follows it directly ("today,
/// Sunday", "tonight (Sunday)"), and only then: "this Sunday" or "on
/// Sunday" may be any recent Sunday.
fn today_before(a: &ArticleAnalysis, m: &Mention, named: &str) -> Option<usize> {
    let text = &a.article.text;
    let quote = &text[m.range.clone()];
    if !quote.starts_with(named) {
        return None; // "last Sunday", "next Sunday"
    }
    let sentence = a.sentences[m.sentence].range.start;
    let before = text[sentence..m.range.start]
        .trim_end()
        .trim_end_matches([',', '(', '-', '\u{2013}', '\u{2014}'])
        .trim_end();
    // The byte after the last non-letter, which may be several bytes long.
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    TODAY
        .iter()
        .any(|t| t.eq_ignore_ascii_case(word))
        .then_some(sentence + start)
}

fn today_finding(
    story: &Story,
    article: usize,
    range: Range<usize>,
    published: Date,
    named: &str,
) -> Finding {
    let real = weekday_name(published);
    let quote = story.quote(article, range.clone());
    let gap = (published.weekday().to_monday_zero_offset() - weekday_index(named)).rem_euclid(7);
    let adjacent = gap == 1 || gap == 6;
    let mut explanation = format!(
        "The article is dated {published}, a {real}, but \"{quote}\" ({}) calls the day of writing a {named}.",
        story.place(article, &range)
    );
    if adjacent {
        explanation.push_str(
            " The days are adjacent: a publication time in another time zone would explain it.",
        );
    }
    let (severity, confidence) = if adjacent {
        (Severity::Medium, 0.6)
    } else {
        (Severity::High, 0.85)
    };
    let summary = format!(
        "\"{quote}\" in an article dated {real}, {}",
        long_date(published)
    );
    Finding::new(
        FindingKind::DateConflict,
        severity,
        confidence,
        summary,
        explanation,
    )
    .suggest(real)
    .evidence(article, range)
}

/// Monday = 0, as `Weekday::to_monday_zero_offset`.
fn weekday_index(name: &str) -> i8 {
    crate::extract::weekday_index(name).map_or(0, |i| i as i8)
}

// ---------------------------------------------------------------------------
// One event, two dates.

/// How alike two sentences must be to be taken as one report: little above
/// the aligner's own threshold, because differing dates lose a shared term
/// and short articles score low; the dates' clauses must also match.
const EVENT_SCORE: f32 = 0.3;

/// How alike two sentences must be when neither date's clause holds a
/// listed event word: then the clauses themselves must restate each other.
const UNLISTED_SCORE: f32 = 0.45;

/// How many tokens either side of a date may hold the event it dates.
const WINDOW: usize = 10;

/// `date-conflict-words.txt`, parsed once for all its sections.
static WORDS_FILE: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicon/date-conflict-words.txt")));

/// Words that end the clause a date belongs to.
static CLAUSE_ENDS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| WORDS_FILE.section_set("clause ends"));

/// Words that single out one of several like events.
static SEQUENCE: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("sequence"));
static AGAIN: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("again"));

/// Words that are or start a verb phrase (`[verbs]`), beside verbs of
/// saying and past forms.
static VERBS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("verbs"));

/// Whether a lower-cased word is or starts a verb phrase: a `[verbs]`
/// word or a past form ("mentioned").
fn verb_like(lower: &str) -> bool {
    VERBS.contains(lower) || (lower.len() > 4 && lower.ends_with("ed"))
}

/// Whether token `i` starts another predicate of the same subject after a
/// date: "and" or "or" before a verb ("… on March 9 and was later
/// named"), or "according" ("…, according to a new report"). A verb
/// alone may start a relative clause of a noun ("the hostage, was the
/// first …") whose sequence words still tell which event it is.
fn starts_predicate(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |j: usize| tokens.get(j).map(|t| lowercase(t.text(text)));
    match word(i).as_deref() {
        Some("according") => true,
        Some("and" | "or") => word(i + 1).is_some_and(|w| verb_like(&w)),
        _ => false,
    }
}

/// Words after which a sequence word singles out nothing ("more than").
static NOT_SEQUENCE_BEFORE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| WORDS_FILE.section_set("not a sequence before"));

/// Sequence words that place a date in time rather than single out an
/// event when the date or a `[before a time]` word follows them ("later
/// Monday", "earlier this month").
static RELATIVE_TIME: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| WORDS_FILE.section_set("relative time"));
static BEFORE_A_TIME: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| WORDS_FILE.section_set("before a time"));

/// Nouns after which an ordinal names a rank ("a fourth grader"), not one
/// of several like events.
static RANKS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("ranks"));

/// The event classes that happen to one person once ("killed",
/// "resigned"): compared beyond aligned sentences.
static ONCE: LazyLock<FxHashSet<usize>> = LazyLock::new(|| {
    WORDS_FILE
        .section_set("once")
        .into_iter()
        .filter_map(|w| EVENTS.get(&normal_word(w)?).copied())
        .collect()
});

/// Event words that name a dismissal when a person follows them.
static BEFORE_PERSON: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| WORDS_FILE.section_set("before a person"));

/// The dismissal class of `date-conflict-events.txt`.
static DISMISSAL: LazyLock<Option<usize>> =
    LazyLock::new(|| EVENTS.get(&normal_word("dismissed")?).copied());

/// The event class of a word (`normal` is its normal form), given whether
/// a person is named right beside it: "fired James Comey" and "wants
/// Brian Williams fired" are dismissals, "fired rockets" an attack.
/// `person_next` is asked only of the few words that need it.
fn event_class(word: &str, normal: &str, person_next: impl FnOnce() -> bool) -> Option<usize> {
    if BEFORE_PERSON.contains(lowercase(word).as_ref()) && person_next() {
        return *DISMISSAL;
    }
    EVENTS.get(normal).copied()
}

/// Whether a person is named right after token `i` ("fired James Comey")
/// or right before it ("wants Brian Williams fired").
fn person_beside(mentions: &[Mention], tokens: &[Token], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|p| tokens.get(p));
    person_at(mentions, tokens.get(i + 1))
        || before.is_some_and(|t| {
            mentions
                .iter()
                .any(|m| m.kind == MentionKind::Person && m.range.end == t.end)
        })
}

/// Whether a person's mention starts at `token` (with its role: "FBI
/// Director James Comey").
fn person_at(mentions: &[Mention], token: Option<&Token>) -> bool {
    token.is_some_and(|t| {
        mentions
            .iter()
            .any(|m| m.kind == MentionKind::Person && m.range.start == t.start)
    })
}

/// Words too common to name an event.
static STOP: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("stop"));

/// Words that put a statement among plans and hopes rather than what
/// happened (`[planned]`).
static PLANNED: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("planned"));

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "without"];

use crate::align::normal_word;

/// Event word (normalised) → event class, from the rule's lexicon.
/// Event words by class, from `date-conflict-events.txt`.
static EVENTS: LazyLock<FxHashMap<String, usize>> = LazyLock::new(|| {
    word_classes(
        include_str!("../../assets/lexicon/date-conflict-events.txt"),
        normal_word,
    )
});

/// The day a date names, as far as it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum When {
    /// A day with its year.
    Day(Date),
    /// A month and day whose year is unknown ("August 27", undated).
    MonthDay(i8, i8),
    /// A weekday whose date is unknown ("on Thursday", undated).
    Weekday(usize),
    /// A month with its year ("in August 2013").
    Month(i16, i8),
}

impl When {
    /// "January 19, 2025", "August 27", "Thursday".
    fn label(self) -> String {
        match self {
            When::Day(d) => long_date(d),
            When::MonthDay(m, d) => Date::new(2000, m, d)
                .map_or_else(|_| format!("{m}/{d}"), |x| x.strftime("%B %-d").to_string()),
            When::Weekday(w) => crate::text::dates::WEEKDAY_NAMES[w].to_string(),
            When::Month(y, m) => Date::new(y, m, 1)
                .map_or_else(|_| format!("{m}/{y}"), |x| x.strftime("%B %Y").to_string()),
        }
    }
}

/// A sentence with one date that names a single day.
#[derive(Clone)]
struct Dated<'a> {
    member: Member,
    mention: &'a Mention,
    value: &'a DateValue,
    when: When,
    clause: Clause,
    /// The windows of the sentence's other dates ("in recent days").
    others: Vec<(Date, Date)>,
    /// The sentence's only day-precise date: a sentence with several
    /// ("arrived on Sept. 11 and were last seen Saturday") is compared by
    /// each date's own clause alone.
    alone: bool,
    /// Where the date stands among the sentence's day-precise dates, and
    /// how many there are: in two sentences told nearly word for word,
    /// the dates at one place date one thing.
    place: (usize, usize),
    /// The embedded post whose byline the date ends, if it does: it dates
    /// the post, compared only with the same post's byline elsewhere.
    post: Option<Post>,
}

/// The clause a date stands in.
#[derive(Clone, Default)]
struct Clause {
    /// Normalised content words.
    words: BTreeSet<String>,
    /// Those of them written outside names, verbs of saying left out:
    /// what the clause says happened, not who or who told it.
    happened: BTreeSet<String>,
    /// The event word nearest before the date (the verb it modifies), else
    /// nearest after it ("On Sunday, Hamas freed …"): its class, and where
    /// it is written with the word before it.
    event: Option<(usize, Range<usize>)>,
    /// The event word itself, normalised ("suspend"): a class holds
    /// events that differ ("suspended", "expelled").
    event_word: Option<String>,
    /// How the clause tells what it dates.
    frame: Frame,
    /// Words that single out one of several like events ("the second
    /// release"), lower-cased: read in the date's clause, as such a word
    /// elsewhere in the sentence may single out something else.
    sequence: BTreeSet<String>,
    /// The bytes the clause's words were read from, the date included.
    span: Range<usize>,
    /// The date stands by a verb of saying ("sources said Monday"): it
    /// may date the telling, not what happened.
    said: bool,
}

/// How a clause tells what it dates: two dates told otherwise are not
/// one report ("did not expire on Monday", "will expire on Monday", "had
/// expired by Monday", "expired on Monday").
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Frame {
    /// The clause is negated ("did not expire on Monday").
    negated: bool,
    /// The clause speaks of a plan or a hope ("will expire on Monday").
    planned: bool,
    /// The date is a bound, not a day ("by Tuesday it had received a
    /// thousand calls"): what happened by then may have happened on any
    /// day before it.
    by_then: bool,
}

/// What two aligned dated sentences say of each other.
enum Verdict {
    Agree,
    Conflict,
    Unsure,
}

/// What makes two dated sentences speak of one event.
#[derive(Clone, Copy)]
enum Link {
    /// Aligned, with this score.
    Aligned(f32),
    /// Not aligned, but a one-off event of the same people.
    OnceEvent,
    /// Not aligned, but a one-off event the story dates once per article,
    /// told first in both articles' leads with the same word.
    Leads,
    /// Not aligned, but clauses that say the same thing in other words.
    Restated,
    /// Not aligned, and clauses that share only a little of what happened
    /// ("was suspended Friday"): heard only when the date stands alone
    /// against one other articles agree on.
    Echoed,
    /// The bylines of one embedded post (see [`posts::same_post`]).
    Post,
    /// Not aligned, but one teller telling the same thing, each date by
    /// its verb of saying (see [`same_tellings`]).
    Told,
}

impl Link {
    /// The alignment score; the lowest an aligned pair has when the
    /// sentences were not aligned.
    fn score(self) -> f32 {
        match self {
            Link::Aligned(score) => score,
            Link::OnceEvent
            | Link::Leads
            | Link::Restated
            | Link::Echoed
            | Link::Post
            | Link::Told => EVENT_SCORE,
        }
    }
}

struct Comparison<'a> {
    x: Dated<'a>,
    y: Dated<'a>,
    /// Why the two dates are taken for one event.
    link: Link,
}

fn event_conflicts(story: &Story) -> Vec<Finding> {
    let mut support: HashMap<Key, usize> = HashMap::new();
    let mut conflicts = Vec::new();
    // Each sentence's dates are read once, however many pairs it is in.
    let mut dated: FxHashMap<Member, Vec<Dated>> = FxHashMap::default();
    for pair in story.pairs.iter().filter(|p| p.score >= EVENT_SCORE) {
        for m in [pair.a, pair.b] {
            dated.entry(m).or_insert_with(|| day_dates(story, m));
        }
    }
    // Every dated sentence, read once for both passes beyond alignment.
    let all = every_dated(story, &dated);
    let mut memo = Memo::knowing(story, &all);
    let aligned = story.pairs.iter().flat_map(|pair| {
        step(1);
        compare(story, pair, &dated, &mut memo)
    });
    let comparisons: Vec<Comparison> = aligned.collect();
    let compared: FxHashSet<(Member, Member)> = story
        .pairs
        .iter()
        .filter(|p| p.score >= EVENT_SCORE)
        .flat_map(|p| [(p.a, p.b), (p.b, p.a)])
        .collect();
    let unaligned = same_event_unaligned(story, &compared, &all, &mut memo);
    let seen: FxHashSet<(Member, Member)> = comparisons
        .iter()
        .chain(&unaligned)
        .flat_map(|c| [(c.x.member, c.y.member), (c.y.member, c.x.member)])
        .collect();
    let restated = restated_clauses(story, &seen, &all, &mut memo);
    let told = same_tellings(story, &seen, &all, &mut memo);
    let posted = same_posts(story, &all);
    for c in comparisons
        .into_iter()
        .chain(unaligned)
        .chain(restated)
        .chain(told)
        .chain(posted)
    {
        match verdict(story, &c, &mut memo) {
            Verdict::Agree => {
                for d in [&c.x, &c.y] {
                    *support.entry(key(d)).or_default() += 1;
                }
            }
            Verdict::Conflict => conflicts.push(c),
            Verdict::Unsure => {}
        }
    }
    // The claim is chosen by the shared policy ([`claim_order`]), support
    // being the aligned sentences that agree with a date; one finding
    // gathers every counterpart of one claim.
    let mut groups: BTreeMap<(Key, bool), Vec<(Comparison, bool)>> = BTreeMap::new();
    let supported = |d: &Dated| support.get(&key(d)).copied().unwrap_or(0);
    let lone = |c: &Dated, o: &Dated| super::stands_alone(supported(c), supported(o));
    for c in conflicts {
        if matches!(c.link, Link::Echoed) && !lone(&c.x, &c.y) && !lone(&c.y, &c.x) {
            continue;
        }
        let side = |d: &Dated| Account {
            article: d.member.article,
            position: d.mention.range.start,
            support: support.get(&key(d)).copied().unwrap_or(0),
        };
        let x_is_claim = claim_order(story, side(&c.x), side(&c.y)).is_le();
        let claim = if x_is_claim { key(&c.x) } else { key(&c.y) };
        let far = story
            .apart(c.x.member.article, c.y.member.article)
            .is_some();
        groups
            .entry((claim, far))
            .or_default()
            .push((c, x_is_claim));
    }
    groups
        .into_values()
        .map(|group| event_finding(story, &group))
        .collect()
}

/// A date mention: article and start.
type Key = (usize, usize);

fn key(d: &Dated) -> Key {
    (d.member.article, d.mention.range.start)
}

/// The dates of two aligned sentences that date one event.
fn compare<'a>(
    story: &Story<'a>,
    pair: &Pair,
    dated: &FxHashMap<Member, Vec<Dated<'a>>>,
    memo: &mut Memo,
) -> Vec<Comparison<'a>> {
    if pair.score < EVENT_SCORE {
        return Vec::new();
    }
    let side = |m: &Member| dated.get(m).map_or(&[][..], Vec::as_slice);
    let mut out = Vec::new();
    for x in side(&pair.a) {
        for y in side(&pair.b) {
            out.extend(compare_dates(story, pair, (x, y), memo));
        }
    }
    out
}

/// Two dates of aligned sentences that date one event, or `None`.
fn compare_dates<'a>(
    story: &Story<'a>,
    pair: &Pair,
    (x, y): (&Dated<'a>, &Dated<'a>),
    memo: &mut Memo,
) -> Option<Comparison<'a>> {
    // A post's byline dates the post, not what the sentences tell: it is
    // compared with the same post's byline alone (`same_posts`).
    if x.post.is_some() || y.post.is_some() {
        return None;
    }
    // A sentence of several dates says nothing of which one the other
    // sentence's date is: their clauses must say the same thing.
    if !(x.alone && y.alone) {
        let same_class =
            x.clause.event.as_ref().map(|e| e.0) == y.clause.event.as_ref().map(|e| e.0);
        if !(same_class && (clauses_alike(x, y) || same_place_verbatim(story, pair, x, y)))
            || x.clause.frame != y.clause.frame
            || !same_occurrence(story, x, y, memo)
        {
            return None;
        }
        return Some(Comparison {
            x: x.clone(),
            y: y.clone(),
            link: Link::Aligned(pair.score),
        });
    }
    let (ex, ey) = (
        x.clause.event.as_ref().map(|e| e.0),
        y.clause.event.as_ref().map(|e| e.0),
    );
    // Without a listed event word, the clauses must say the same thing
    // ("hopes of a truce got a lift on Monday", "hopes were lifted anew
    // on Monday"), however low the alignment: paraphrases align low. On
    // the train half no such pair of the unmodified clusters disagrees,
    // so holding them to `Link::Echoed` (heard only beside agreeing
    // articles) only hid restated changes.
    let same_event = match (ex, ey) {
        // The same listed event in aligned sentences, whatever else the
        // clause windows caught ("was found dead in her flat on Jan. 4",
        // "reportedly died on Jan. 7"): on the train half no such pair of
        // the unmodified clusters disagrees below the old bar (alike
        // clauses or an alignment of 0.45).
        (Some(a), Some(b)) => a == b,
        (None, None) => {
            clauses_alike(x, y)
                || (pair.score >= NEAR_VERBATIM
                    && clause_within(x, y)
                    && say_alike(story, pair.a, pair.b))
        }
        // One clause names its event, the other's clause was cut before
        // the verb ("… came under attack early on November 17" against
        // "… came under fire … on November 20"): sentences that restate
        // each other, neither naming another listed event.
        (Some(class), None) | (None, Some(class)) => {
            pair.score >= UNLISTED_SCORE
                && only_event(story, pair.a, class)
                && only_event(story, pair.b, class)
        }
    };
    // Aligned sentences whose clauses share little are heard only beside
    // other articles that agree (see `Link::Echoed`).
    let link = if same_event {
        Link::Aligned(pair.score)
    } else if ex.is_none() && ey.is_none() {
        Link::Echoed
    } else {
        return None;
    };
    // One negated, a plan or a bound, the other what happened: not one
    // report.
    if x.clause.frame != y.clause.frame || !same_occurrence(story, x, y, memo) {
        return None;
    }
    Some(Comparison {
        x: x.clone(),
        y: y.clone(),
        link,
    })
}

/// How alike two sentences must be to be one statement in nearly the same
/// words, whose dates' clauses may be too thin to say what happened
/// ("… on Monday, they said", a quoted post's byline "— Ann Lee (@annlee)
/// October 6, 2014").
const NEAR_VERBATIM: f32 = 0.6;

/// Whether two dates stand at the same place among as many dates in two
/// sentences told nearly word for word ("At about 11 a.m. on Thursday
/// (November 6, 2014), the actor died"): the clause windows of such dates
/// are cut thin by the brackets and commas between them.
fn same_place_verbatim(story: &Story, pair: &Pair, x: &Dated, y: &Dated) -> bool {
    x.place == y.place
        && pair.score >= NEAR_VERBATIM
        && clause_within(x, y)
        && say_alike(story, pair.a, pair.b)
}

/// Whether every word of the thinner date clause is in the other: what
/// the clauses say does not tell two events apart.
fn clause_within(x: &Dated, y: &Dated) -> bool {
    let (thin, full) = if x.clause.words.len() <= y.clause.words.len() {
        (x, y)
    } else {
        (y, x)
    };
    thin.clause.words.is_subset(&full.clause.words)
}

/// How many words beside names and dates two sentences must share to say
/// something alike: a post's byline says nothing but who and when.
const SAID_ALIKE: usize = 3;

/// Whether two sentences share `SAID_ALIKE` words outside their names,
/// dates and other mentions: they say the same thing, not only who.
fn say_alike(story: &Story, a: Member, b: Member) -> bool {
    words_said(story, a)
        .intersection(&words_said(story, b))
        .count()
        >= SAID_ALIKE
}

/// The normal forms of a sentence's words outside its mentions (names,
/// dates, figures) and stop words: what it says, not who or when.
pub(super) fn words_said(story: &Story, m: Member) -> BTreeSet<String> {
    let article = &story.articles[m.article];
    let text = &article.article.text;
    let here = super::sentence_mentions(&article.mentions, m.sentence);
    article
        .sentence_tokens(m.sentence)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .filter(|t| {
            !here
                .iter()
                .any(|x| x.range.start <= t.start && t.end <= x.range.end)
        })
        .map(|t| t.text(text))
        .filter(|w| !STOP.contains(fold(w).as_str()))
        .filter_map(|w| story.vocab.normal(w).map(Cow::into_owned))
        .collect()
}

/// How many words of what happened two dated clauses of aligned
/// sentences must share to say the same thing without a listed event,
/// however low the alignment ("a ransom note found by the bakery's night
/// manager on Thursday", "left a ransom note for the bakery's night
/// manager Saturday"): 3 and 4 found the same on the tuning half; 4 is
/// the safer.
const TOLD_ALIKE: usize = 4;

/// Whether two dated clauses share `TOLD_ALIKE` words of what happened.
fn told_alike(x: &Dated, y: &Dated) -> bool {
    x.clause.happened.intersection(&y.clause.happened).count() >= TOLD_ALIKE
}

/// Most dated sentences of one `[once]` class one article may have for
/// them to be compared unaligned.
const MAX_ONCE_PER_ARTICLE: usize = 4;

// Steps of the rule's work, counted for the test that the work grows
// linearly with the dates (`tests::work_grows_linearly_with_the_dates`).
#[cfg(test)]
thread_local! {
    static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline]
fn step(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + n));
    let _ = n;
}

/// Dated sentences of different articles of one story that were not
/// aligned (one restates the other in its own words: "dismissed Tomas
/// Brandt late on Tuesday afternoon", "dismissed Mayor Tomas Brandt on
/// Thursday") but date the same one-off event (`[once]` in
/// `date-conflict-words.txt`) in alike clauses that name the same people
/// (see [`same_who_and_where`]), or with the same word as the main event
/// of both articles' leads, each article dating that class once (see
/// [`both_lead`]).
fn same_event_unaligned<'a>(
    story: &Story<'a>,
    aligned: &FxHashSet<(Member, Member)>,
    all: &[Dated<'a>],
    memo: &mut Memo,
) -> Vec<Comparison<'a>> {
    let mut by_class: BTreeMap<usize, Vec<Dated<'a>>> = BTreeMap::new();
    for d in all.iter().filter(|d| d.post.is_none()) {
        if let Some((class, _)) = d.clause.event
            && ONCE.contains(&class)
        {
            by_class.entry(class).or_default().push(d.clone());
        }
    }
    // An article that dates one class of event many times tells of many
    // events ("killed" in a list of victims), not of one: its sentences
    // are left to alignment. This also keeps the pairs below linear. A
    // class each article dates once may be one event told by each (one
    // suspension in the story), which `both_lead` decides.
    let mut told_once: FxHashSet<usize> = FxHashSet::default();
    for (class, group) in &mut by_class {
        let mut per_article: FxHashMap<usize, usize> = FxHashMap::default();
        for d in group.iter() {
            *per_article.entry(d.member.article).or_default() += 1;
        }
        if per_article.values().all(|&n| n == 1) {
            told_once.insert(*class);
        }
        group.retain(|d| per_article[&d.member.article] <= MAX_ONCE_PER_ARTICLE);
    }
    let mut out = Vec::new();
    for (class, group) in &by_class {
        for (i, x) in group.iter().enumerate() {
            for y in &group[i + 1..] {
                step(1);
                let (a, b) = (x.member, y.member);
                if a.article == b.article
                    || aligned.contains(&(a, b))
                    || !story.same_story(a.article, b.article)
                {
                    continue;
                }
                let link = if clauses_alike(x, y) && same_who_and_where(story, x, y) {
                    Link::OnceEvent
                } else if told_once.contains(class)
                    && x.clause.event_word == y.clause.event_word
                    && both_lead(story, x, y)
                    && no_other_who_or_where(story, x, y)
                {
                    Link::Leads
                } else {
                    continue;
                };
                if x.clause.frame == y.clause.frame && same_occurrence(story, x, y, memo) {
                    out.push(Comparison {
                        x: x.clone(),
                        y: y.clone(),
                        link,
                    });
                }
            }
        }
    }
    out
}

/// The bylines of one embedded post in two articles (see
/// [`posts::same_post`]): they date the same thing whatever the sentences
/// around them say. An article that shows that account's post on the
/// other's day too shows two posts.
fn same_posts<'a>(story: &Story<'a>, all: &[Dated<'a>]) -> Vec<Comparison<'a>> {
    let posted: Vec<(&Dated<'a>, &Post)> = all
        .iter()
        .filter_map(|d| d.post.as_ref().map(|p| (d, p)))
        .collect();
    let shows = |article: usize, post: &Post, when: When| {
        posted.iter().any(|(d, p)| {
            d.member.article == article && d.when == when && posts::same_post(p, post)
        })
    };
    let mut out = Vec::new();
    for (i, &(x, px)) in posted.iter().enumerate() {
        for &(y, py) in &posted[i + 1..] {
            step(1);
            let (a, b) = (x.member.article, y.member.article);
            if a == b || !story.same_story(a, b) || !posts::same_post(px, py) {
                continue;
            }
            if shows(a, py, y.when) || shows(b, px, x.when) {
                continue;
            }
            out.push(Comparison {
                x: x.clone(),
                y: y.clone(),
                link: Link::Post,
            });
        }
    }
    out
}

/// Whether both dates date the main event of their article's lead, its
/// first sentence of body text: a news story's lead tells its main event
/// first, so two leads dating it with one event word of a one-off class
/// date one event. A listed event told before it is the lead's main
/// event ("threatened to kill Sotloff in the video released on Aug. 19").
fn both_lead(story: &Story, x: &Dated, y: &Dated) -> bool {
    let lead = |d: &Dated| {
        let m = d.member;
        let first_body = story.articles[m.article]
            .sentences
            .iter()
            .position(|s| s.role == Role::Body);
        first_body == Some(m.sentence)
            && sentence_events(story, m).first() == d.clause.event.as_ref().map(|e| &e.0)
    };
    lead(x) && lead(y)
}

/// Every sentence of the story with a single day-precise date, read once
/// (sentences in aligned pairs were read already).
fn every_dated<'a>(story: &Story<'a>, dated: &FxHashMap<Member, Vec<Dated<'a>>>) -> Vec<Dated<'a>> {
    let mut out = Vec::new();
    for (ai, a) in story.articles.iter().enumerate() {
        let mut sentences: Vec<usize> = a
            .mentions
            .iter()
            .filter(|m| date_value(m).is_some())
            .map(|m| m.sentence)
            .collect();
        sentences.dedup();
        step(sentences.len());
        for sentence in sentences {
            let member = Member {
                article: ai,
                sentence,
            };
            let read = match dated.get(&member) {
                Some(d) => d.clone(),
                None => day_dates(story, member),
            };
            out.extend(read);
        }
    }
    out
}

/// A word shared by more dated clauses than this names no one event.
const MAX_CLAUSES_PER_WORD: usize = 24;

/// Dated clauses of different articles that say the same thing in words of
/// their own, whatever their sentences' alignment: most of what one
/// clause says happened is in the other ("the marriage license expired
/// on Thursday", "their marriage license expired Thursday"). Pairs already
/// compared are left out.
fn restated_clauses<'a>(
    story: &Story<'a>,
    compared: &FxHashSet<(Member, Member)>,
    all: &[Dated<'a>],
    memo: &mut Memo,
) -> Vec<Comparison<'a>> {
    let candidates = fresh_pairs(
        story,
        compared,
        all,
        |d| d.post.is_none(),
        |c| &c.happened,
        2,
    );
    let mut out = Vec::new();
    for (x, y) in candidates {
        let Some(link) = restatement(story, x, y) else {
            continue;
        };
        if x.clause.frame == y.clause.frame && same_occurrence(story, x, y, memo) {
            out.push(Comparison {
                x: x.clone(),
                y: y.clone(),
                link,
            });
        }
    }
    out
}

/// The pairs, in `all`'s order, of the dated clauses `keep` keeps, in
/// different articles of one story and not yet `compared`, that share at
/// least `least` of the words `words` reads from their clauses. A word in
/// more than `MAX_CLAUSES_PER_WORD` clauses links none.
fn fresh_pairs<'d, 'a>(
    story: &Story,
    compared: &FxHashSet<(Member, Member)>,
    all: &'d [Dated<'a>],
    keep: impl Fn(&Dated) -> bool,
    words: impl Fn(&Clause) -> &BTreeSet<String>,
    least: usize,
) -> Vec<(&'d Dated<'a>, &'d Dated<'a>)> {
    let mut postings: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, d) in all.iter().enumerate().filter(|(_, d)| keep(d)) {
        for w in words(&d.clause) {
            postings.entry(w.as_str()).or_default().push(i);
        }
    }
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for list in postings
        .values()
        .filter(|l| l.len() <= MAX_CLAUSES_PER_WORD)
    {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                step(1);
                if all[i].member.article != all[j].member.article {
                    *shared.entry((i, j)).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= least)
        .map(|(p, _)| p)
        .collect();
    pairs.sort_unstable();
    pairs
        .into_iter()
        .map(|(i, j)| (&all[i], &all[j]))
        .filter(|(x, y)| {
            let (a, b) = (x.member, y.member);
            !compared.contains(&(a, b)) && story.same_story(a.article, b.article)
        })
        .collect()
}

/// How two dated clauses of other sentences restate each other, if they
/// do. `Restated`: three words of what happened shared (beside names and
/// verbs of saying), two thirds of the shorter clause, and no listed
/// event of one another class than the other's. Two shared words are too
/// few alone ("sent a letter Tuesday to the committee" and "sent a
/// farewell letter to staff on Wednesday" are two letters): with a third
/// of the shorter clause and the same listed event, or none on either
/// side, they make an `Echoed` link, heard only beside agreeing articles.
/// A clause whose window stopped short of its event word ("an explosion at
/// a Gulf pipeline sent prices higher on Monday") counts as naming the
/// other's event when its sentence names that event and no other, nor
/// does the other sentence: what the aligned pass allows such a pair.
/// A date of telling restates only a date of telling (see
/// [`both_or_neither_told`]).
fn restatement(story: &Story, x: &Dated, y: &Dated) -> Option<Link> {
    if !both_or_neither_told(x, y) {
        return None;
    }
    let happened = x.clause.happened.intersection(&y.clause.happened).count();
    let shared = x.clause.words.intersection(&y.clause.words).count();
    let shorter = x.clause.words.len().min(y.clause.words.len());
    let cut_short = |named: &Dated, cut: &Dated, class: usize| {
        only_event(story, named.member, class) && names_only_event(story, cut.member, class)
    };
    let (same_class, same_presence) = match (&x.clause.event, &y.clause.event) {
        (Some(a), Some(b)) => (a.0 == b.0, a.0 == b.0),
        (None, None) => (true, true),
        (Some(a), None) => (true, cut_short(x, y, a.0)),
        (None, Some(b)) => (true, cut_short(y, x, b.0)),
    };
    if happened >= 3 && 3 * shared >= 2 * shorter && same_class {
        Some(Link::Restated)
    } else if happened >= 2 && 3 * shared >= shorter && same_presence {
        Some(Link::Echoed)
    } else {
        None
    }
}

/// How many words of what was told (outside the dates' clauses) two
/// tellings must share to tell the same thing.
const TOLD_THE_SAME: usize = 3;

/// Dates of telling in other sentences of other articles by the same
/// teller telling the same thing: "the Pentagon said Friday" after "U.S.
/// airstrikes killed the group's leader", "the Pentagon announced Friday"
/// after "the airstrikes succeeded in killing the group's leader". The
/// clause of a date of telling holds little but the teller, so the
/// clauses must name the same one (half the shorter clause in the
/// other: "Homeland Security" is both the department and its
/// secretary, whose statements differ), and the rest of the sentences
/// must share `TOLD_THE_SAME` words. Pairs already compared are left out.
fn same_tellings<'a>(
    story: &Story<'a>,
    compared: &FxHashSet<(Member, Member)>,
    all: &[Dated<'a>],
    memo: &mut Memo,
) -> Vec<Comparison<'a>> {
    let telling = |d: &Dated| d.clause.said && d.alone && d.post.is_none();
    let candidates = fresh_pairs(story, compared, all, telling, |c| &c.words, 1);
    let mut out = Vec::new();
    for (x, y) in candidates {
        let shared = x.clause.words.intersection(&y.clause.words).count();
        let shorter = x.clause.words.len().min(y.clause.words.len());
        if 2 * shared < shorter
            || told_words(story, x, memo)
                .intersection(&told_words(story, y, memo))
                .count()
                < TOLD_THE_SAME
        {
            continue;
        }
        if x.clause.frame == y.clause.frame && same_occurrence(story, x, y, memo) {
            out.push(Comparison {
                x: x.clone(),
                y: y.clone(),
                link: Link::Told,
            });
        }
    }
    out
}

/// What a sentence with a date of telling says was told: its content
/// words (normalised) outside the date's clause.
fn told_words(story: &Story, d: &Dated, memo: &mut Memo) -> BTreeSet<String> {
    let m = d.member;
    let plain = memo.plain.entry(m).or_insert_with(|| plain_words(story, m));
    plain
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic) && !STOP.contains(fold(w).as_str()))
        .filter(|w| !crate::extract::speech::is_speech_verb(w))
        .filter_map(|w| story.vocab.normal(w).map(Cow::into_owned))
        .filter(|w| !d.clause.words.contains(w))
        .collect()
}

/// Whether both dates date a telling, or neither does. Clauses of other
/// sentences that restate each other, one dating a telling and the other
/// what happened, share what was told, not the day: "the blast on
/// Saturday night was caused by a meteorite" and "most likely caused by
/// a meteorite, scientists said on Sunday". Aligned sentences are left
/// alone: there a date beside a telling not read as one ("On Wednesday,
/// Bloomberg reported") still restates the other.
fn both_or_neither_told(x: &Dated, y: &Dated) -> bool {
    x.clause.said == y.clause.said
}

/// Whether every listed event word of the sentence is of `class`.
fn only_event(story: &Story, m: Member, class: usize) -> bool {
    sentence_events(story, m).iter().all(|&c| c == class)
}

/// Whether the sentence names a listed event, and every one it names is
/// of `class`.
fn names_only_event(story: &Story, m: Member, class: usize) -> bool {
    let events = sentence_events(story, m);
    !events.is_empty() && events.iter().all(|&c| c == class)
}

/// The classes of the listed event words of a sentence, in order.
fn sentence_events(story: &Story, m: Member) -> Vec<usize> {
    let a = &story.articles[m.article];
    let text = &a.article.text;
    let here = super::sentence_mentions(&a.mentions, m.sentence);
    let tokens = a.sentence_tokens(m.sentence);
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == Kind::Word)
        .filter_map(|(i, t)| {
            let word = t.text(text);
            let normal = story.vocab.normal(word)?;
            event_class(word, &normal, || person_beside(here, tokens, i))
        })
        .collect()
}

/// The sentence's day-precise dates, each with the event words of its
/// clause.
fn day_dates<'a>(story: &Story<'a>, member: Member) -> Vec<Dated<'a>> {
    let a: &'a ArticleAnalysis = &story.articles[member.article];
    let dates: Vec<(&'a Mention, &'a DateValue)> =
        super::sentence_mentions(&a.mentions, member.sentence)
            .iter()
            .filter_map(|m| date_value(m).map(|d| (m, d)))
            .filter(|(_, d)| d.precision != Precision::Time) // a bare time is dated by the publication
            .collect();
    let days: Vec<_> = dates
        .iter()
        .filter_map(|(m, d)| when_of(d).map(|w| (*m, *d, w)))
        .collect();
    let alone = days.len() == 1;
    days.iter()
        .enumerate()
        .map(|(nth, &(mention, value, when))| Dated {
            member,
            mention,
            value,
            when,
            clause: clause_of(story, a, member.sentence, mention),
            others: dates
                .iter()
                .filter(|(m, _)| m.range != mention.range)
                .filter_map(|(_, d)| d.from.zip(d.to))
                .collect(),
            alone,
            place: (nth, days.len()),
            post: posts::byline(&a.article.text, mention.range.start),
        })
        .collect()
}

/// Whether the date at `range` is a bound ("by Tuesday", "By 30 January
/// 2015"): "by" right before it, or its first word.
fn by_then(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].split_whitespace().next_back();
    let first = text[range.clone()].split_whitespace().next();
    [before, first]
        .into_iter()
        .flatten()
        .any(|w| w.eq_ignore_ascii_case("by"))
}

/// The date's clause: the content words (normalised) within `WINDOW`
/// tokens of the date, up to the clause's ends, and its event word.
fn clause_of(story: &Story, a: &ArticleAnalysis, sentence: usize, date: &Mention) -> Clause {
    let text = &a.article.text;
    let tokens = a.sentence_tokens(sentence);
    let here = super::sentence_mentions(&a.mentions, sentence);
    let in_mention = |t: &Token| {
        here.iter()
            .any(|m| m.range.start <= t.start && t.end <= m.range.end)
    };
    let mut clause = Clause::default();
    let (Some(first), Some(last)) = (
        tokens.iter().position(|t| t.start >= date.range.start),
        tokens.iter().rposition(|t| t.end <= date.range.end),
    ) else {
        return clause;
    };
    clause.sequence = sequence_words(text, tokens, first..last + 1, &in_mention);
    clause.said = by_saying(text, tokens, first, last);
    clause.frame.by_then = by_then(text, &date.range);
    clause.span = date.range.clone();
    let backward: Vec<usize> = (first.saturating_sub(WINDOW)..first).rev().collect();
    let from = main_clause_after(text, tokens, first, last);
    let forward: Vec<usize> = (from..(from + WINDOW).min(tokens.len())).collect();
    for (after, side) in [(false, backward), (true, forward)] {
        for i in side {
            if ends_clause(text, tokens, i, &in_mention) {
                break;
            }
            let t = tokens[i];
            clause.span = clause.span.start.min(t.start)..clause.span.end.max(t.end);
            let word = t.text(text);
            let lower = lowercase(word);
            // After a date of telling comes what was told: "said Tuesday
            // he was not immediately in a position to confirm it" is no
            // negated telling.
            let told = after && clause.said;
            clause.frame.negated |=
                !told && (NEGATIONS.contains(&lower.as_ref()) || lower.ends_with("n't"));
            clause.frame.planned |=
                !told && PLANNED.contains(lower.as_ref()) && !due_to_cause(text, tokens, i);
            if t.kind != Kind::Word || STOP.contains(fold(word).as_str()) {
                continue;
            }
            let Some(normal) = story.vocab.normal(word) else {
                continue;
            };
            let normal = normal.into_owned();
            // Names are not events, but they say whose event it is.
            let class = event_class(word, &normal, || person_beside(here, tokens, i));
            if let (Some(class), None, false) = (class, &clause.event, in_mention(&t)) {
                clause.event = Some((class, phrase_start(text, tokens, i)..t.end));
                clause.event_word = Some(normal.clone());
            }
            if !in_mention(&t) && !crate::extract::speech::is_speech_verb(word) {
                clause.happened.insert(normal.clone());
            }
            clause.words.insert(normal);
        }
    }
    clause
}

/// Whether the word at token `i` is "due" in "due to" after a noun
/// ("complications due to cancer"): a cause, not a plan, as "is due to
/// open" is.
fn due_to_cause(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |j: usize| tokens.get(j).map(|t| lowercase(t.text(text)));
    word(i).as_deref() == Some("due")
        && word(i + 1).as_deref() == Some("to")
        && i.checked_sub(1)
            .and_then(word)
            .is_some_and(|w| !BE.contains(&w.as_ref()) && !w.ends_with("'s") && !w.ends_with("’s"))
}

/// Forms of "be" before "due to" that make it a plan ("is due to open").
const BE: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "not", "also", "now",
];

/// Words that say to whom, where or how something was told (`[telling]`).
static TELLING: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS_FILE.section_set("telling"));

/// How many words may stand between a verb of saying and the date it
/// dates: "told The Associated Press on Sunday", "said in a statement
/// on Friday".
const TELLING_WORDS: usize = 4;

/// Whether a verb of saying stands right by the date at tokens
/// `first..=last`: the word after it, or the word before it past "on" and
/// the like ("said Monday", "reported on November 24"), past whom or
/// where it was told ("told reporters Tuesday", "told a news conference
/// late Saturday", "said in a statement on Friday").
fn by_saying(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    let lead = |w: &str| {
        ["on", "late", "early", "last", "this"]
            .iter()
            .any(|l| l.eq_ignore_ascii_case(w))
    };
    let mut words = tokens[..first]
        .iter()
        .rev()
        .map(|t| t.text(text))
        .skip_while(|w| lead(w));
    let before = words.next();
    // "told reporters Tuesday": the verb, then whom it was told.
    let told = words
        .clone()
        .next()
        .filter(|w| w.eq_ignore_ascii_case("told"));
    let after = tokens.get(last + 1).map(|t| t.text(text));
    [before, told, after]
        .into_iter()
        .flatten()
        .any(crate::extract::speech::is_speech_verb)
        || before.is_some_and(telling) && told_through(words)
}

/// Whether a word says to whom, where or how something was told: a
/// `[telling]` word, or a capitalised one (an outlet, a place).
fn telling(w: &str) -> bool {
    TELLING.contains(lowercase(w).as_ref()) || w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a verb of saying comes within `TELLING_WORDS` of `words` (read
/// backwards from the date), past only words of to whom, where or how it
/// was told. A verb that is a listed event ("posted it to Twitter on
/// Monday") dates that event.
fn told_through<'t>(mut words: impl Iterator<Item = &'t str>) -> bool {
    for _ in 0..TELLING_WORDS {
        match words.next() {
            Some(w) if crate::extract::speech::is_speech_verb(w) => {
                return normal_word(w).is_none_or(|n| !EVENTS.contains_key(&n));
            }
            Some(w) if telling(w) => {}
            _ => return false,
        }
    }
    false
}

/// Where the clause a date dates starts after it. A date that opens its
/// sentence or a stretch between commas dates the main clause, past a subordinate clause set between
/// commas: "On January 17, after the video had gone viral, she went to a
/// tavern" dates the going.
fn main_clause_after(text: &str, tokens: &[Token], first: usize, last: usize) -> usize {
    let next = last + 1;
    let comma = |i: usize| tokens.get(i).is_some_and(|t| t.text(text) == ",");
    let preposition = first > 0
        && matches!(
            lowercase(tokens[first - 1].text(text)).as_ref(),
            "on" | "in" | "by"
        );
    let start = first - usize::from(preposition);
    // At the sentence's start, or after a comma ("According to the
    // agency, on January 17, after …").
    let opens = start == 0 || comma(start - 1);
    let subordinate = tokens
        .get(next + 1)
        .is_some_and(|t| CLAUSE_ENDS.contains(lowercase(t.text(text)).as_ref()));
    if !(opens && comma(next) && subordinate) {
        return next;
    }
    (next + 2..tokens.len())
        .find(|&i| comma(i))
        .map_or(next, |i| i + 1)
}

/// The words of the date's whole clause (`date` being its tokens) that
/// single out one of several like events ("more bodies were pulled out
/// Sunday"); "next to" and "more than" single out nothing, nor does an
/// ordinal before a rank ("fourth grader", `[ranks]`).
fn sequence_words(
    text: &str,
    tokens: &[Token],
    date: Range<usize>,
    in_mention: &dyn Fn(&Token) -> bool,
) -> BTreeSet<String> {
    let before = (0..date.start).rev();
    let after = date.end..tokens.len();
    let mut out = BTreeSet::new();
    // Whether the clause's verb came before the date ("was mentioned for
    // the first time on March 9"): then the next verb after the date
    // starts another predicate ("and was later named"), whose sequence
    // words single out its own event.
    let mut verb_before = false;
    for (after, side) in [(false, before.collect::<Vec<_>>()), (true, after.collect())] {
        for i in side {
            if ends_clause(text, tokens, i, in_mention) {
                break;
            }
            let word = tokens[i].text(text);
            let lower = lowercase(word);
            if after && verb_before && starts_predicate(text, tokens, i) {
                break;
            }
            verb_before |= !after && verb_like(&lower);
            let then = tokens.get(i + 1).map(|t| lowercase(t.text(text)));
            let not_sequence = |w: &str| NOT_SEQUENCE_BEFORE.contains(w) || RANKS.contains(w);
            // "later Monday", "earlier this month": when, not which.
            let times_the_date = RELATIVE_TIME.contains(lower.as_ref())
                && (i + 1 == date.start
                    || then
                        .as_ref()
                        .is_some_and(|w| BEFORE_A_TIME.contains(w.as_ref())));
            if (SEQUENCE.contains(lower.as_ref()) || is_numeric_ordinal(&lower))
                && !then.is_some_and(|w| not_sequence(w.as_ref()))
                && !times_the_date
                && !in_name(text, tokens, i)
                && !first_as_adverb(text, tokens, i)
            {
                out.insert(lower.into_owned());
            }
        }
    }
    out
}

/// Whether the word at token `i` of its sentence is part of a name ("New
/// York", "New Zealand", "Second City"): capitalised past the sentence's
/// first word, with a capitalised word beside it. A capitalised word
/// before a lower-case one starts the sentence proper after a dateline
/// ("(AFP) - More bodies were pulled out"). (Mentions will not do: "the
/// first" is an ordinal's.)
fn in_name(text: &str, tokens: &[Token], i: usize) -> bool {
    let capitalised = |t: Option<&Token>| {
        t.is_some_and(|t| {
            t.kind == Kind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
        })
    };
    i > 0
        && capitalised(tokens.get(i))
        && (capitalised(tokens.get(i + 1)) || capitalised(tokens.get(i - 1)))
}

/// Whether "first" at token `i` is an adverb of the verb after it ("first
/// posted it on Saturday", "was first reported Monday"): it says the event
/// began the story, not which of several like ones it was, as "the first
/// release" does. Only a past form follows such "first", and no
/// determiner comes before it ("the first reported case").
fn first_as_adverb(text: &str, tokens: &[Token], i: usize) -> bool {
    let lower = |t: &Token| lowercase(t.text(text)).into_owned();
    let word = |j: usize| tokens.get(j).filter(|t| t.kind == Kind::Word).map(lower);
    let determiner = i
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|w| DETERMINERS.contains(&w.as_str()));
    word(i).as_deref() == Some("first")
        && !determiner
        && word(i + 1).is_some_and(|w| w.len() > 4 && w.ends_with("ed"))
}

/// Words after which "first" is an ordinal of a noun, not an adverb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
];

/// Where the event phrase starts: with the word before the event word
/// ("took effect", "were freed"), for people to read.
fn phrase_start(text: &str, tokens: &[Token], i: usize) -> usize {
    match i.checked_sub(1).map(|p| tokens[p]) {
        Some(p) if p.kind == Kind::Word && !CLAUSE_ENDS.contains(p.text(text)) => p.start,
        _ => tokens[i].start,
    }
}

/// Whether the two dates' clauses say the same thing: the event and at
/// least one more word (who, where, how), and a third of the shorter
/// clause (the clause windows of a paraphrase are cut differently: "the
/// group released a video showing the killing of the engineer", "killed
/// the engineer … in the video released on").
fn clauses_alike(x: &Dated, y: &Dated) -> bool {
    let shared = x.clause.words.intersection(&y.clause.words).count();
    let shorter = x.clause.words.len().min(y.clause.words.len());
    shared >= 2 && 3 * shared >= shorter
}

/// Whether token `i` ends a clause. "and" does only after a comma and
/// before something other than a name ("…, and the truce took effect"),
/// not inside a list of names.
fn ends_clause(
    text: &str,
    tokens: &[Token],
    i: usize,
    in_mention: &dyn Fn(&Token) -> bool,
) -> bool {
    let w = tokens[i].text(text);
    // Copied only when it has capitals: this runs for every token read.
    let lower = if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    };
    if CLAUSE_ENDS.contains(lower.as_ref()) {
        return true;
    }
    let after_comma = i > 0 && tokens[i - 1].text(text) == ",";
    let before_name = tokens.get(i + 1).is_some_and(in_mention);
    w.eq_ignore_ascii_case("and") && after_comma && !before_name
}

/// The lower-cased words of a sentence outside its date mentions.
fn plain_words(story: &Story, m: Member) -> Vec<String> {
    let a = &story.articles[m.article];
    let text = &a.article.text;
    let tokens = a.sentence_tokens(m.sentence);
    let date_spans: Vec<&Range<usize>> = story
        .mentions(m)
        .filter(|x| date_value(x).is_some())
        .map(|x| &x.range)
        .collect();
    let dated = |t: &Token| {
        date_spans
            .iter()
            .any(|r| r.start <= t.start && t.end <= r.end)
    };
    tokens
        .iter()
        .filter(|t| !dated(t))
        .map(|t| t.text(text).to_lowercase())
        .collect()
}

/// Whether nothing marks the two sentences as different occurrences of a
/// like event: another one in a sequence, other counts, or other actors.
fn same_occurrence(story: &Story, x: &Dated, y: &Dated, memo: &mut Memo) -> bool {
    let (a, b) = (x.member, y.member);
    for m in [a, b] {
        memo.plain.entry(m).or_insert_with(|| plain_words(story, m));
    }
    x.clause.sequence == y.clause.sequence
        && counts_agree(story, a, b)
        && super::actors::meet(story, (a, &memo.plain[&a]), (b, &memo.plain[&b]))
}

fn is_numeric_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].contains(&&w[digits.len()..])
}

/// Counts of the same thing overlap: "three hostages" and "four hostages"
/// freed on different days are two releases, not one misdated.
fn counts_agree(story: &Story, a: Member, b: Member) -> bool {
    let counts = |m: Member| -> Vec<(String, f64, f64)> {
        story
            .mentions(m)
            .filter_map(|x| match &x.value {
                Value::Quantity(q) if !q.ordinal => {
                    let last = q.counted.as_deref()?.split_whitespace().last()?;
                    let head = story.vocab.normal(last)?.into_owned();
                    Some((head, q.low.unwrap_or(f64::MIN), q.high.unwrap_or(f64::MAX)))
                }
                _ => None,
            })
            .collect()
    };
    let (ca, cb) = (counts(a), counts(b));
    ca.iter().all(|(h, lo, hi)| {
        cb.iter()
            .filter(|(k, _, _)| k == h)
            .all(|(_, lo2, hi2)| lo <= hi2 && lo2 <= hi)
    })
}

/// Whether two dates' clauses tell of the same people at the same place:
/// the people one names are all among the other's, at least one of them
/// known by KB id or whole name (a bare surname, "Sotloff", may be the
/// mother or the son), and the places they name, if both do, meet.
/// Outlets and places alone are shared by too many events to count.
fn same_who_and_where(story: &Story, x: &Dated, y: &Dated) -> bool {
    let (px, lx) = who_and_where(story, x);
    let (py, ly) = who_and_where(story, y);
    let known = |set: &BTreeSet<String>| set.iter().any(|k| !k.starts_with('?'));
    known(&px) && known(&py) && who_and_where_meet((&px, &lx), (&py, &ly))
}

/// Whether two dates' clauses name no one and nowhere the other rules
/// out: the same people, or none on one side ("his son" and "Leo
/// Marsh"), and places that meet if both name some. Stricter than
/// [`same_who_and_where`], which a known name backs: "Sotloff" beside
/// "his mother, Shirley Sotloff" may be the son.
fn no_other_who_or_where(story: &Story, x: &Dated, y: &Dated) -> bool {
    let (px, lx) = who_and_where(story, x);
    let (py, ly) = who_and_where(story, y);
    (px.is_empty() || py.is_empty() || px == py) && who_and_where_meet((&px, &lx), (&py, &ly))
}

/// Whether neither date's clause names people or places the other rules
/// out (see [`who_and_where_meet`]).
fn who_and_where_agree(story: &Story, x: &Dated, y: &Dated) -> bool {
    let (px, lx) = who_and_where(story, x);
    let (py, ly) = who_and_where(story, y);
    who_and_where_meet((&px, &lx), (&py, &ly))
}

type Who<'s> = (&'s BTreeSet<String>, &'s BTreeSet<String>);

fn who_and_where_meet((px, lx): Who, (py, ly): Who) -> bool {
    (px.is_subset(py) || py.is_subset(px))
        && (lx.is_empty() || ly.is_empty() || !lx.is_disjoint(ly))
}

/// The people (KB id, else whole name, lower-cased) and places a date's
/// clause names. A bare surname keeps its place as "?surname".
fn who_and_where(story: &Story, d: &Dated) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut people, mut places) = (BTreeSet::new(), BTreeSet::new());
    let inside =
        |m: &&Mention| d.clause.span.start <= m.range.start && m.range.end <= d.clause.span.end;
    for m in story.mentions(d.member).filter(inside) {
        match &m.value {
            Value::Person(p) => {
                people.insert(match &p.kb {
                    Some(id) => id.clone(),
                    None if p.name.contains(' ') => p.name.to_lowercase(),
                    None => format!("?{}", p.name.to_lowercase()),
                });
            }
            Value::Named(n) if m.kind == MentionKind::Place => {
                places.insert(n.kb.clone().unwrap_or_else(|| n.name.to_lowercase()));
            }
            _ => {}
        }
    }
    (people, places)
}

fn verdict(story: &Story, c: &Comparison, memo: &mut Memo) -> Verdict {
    let (x, y) = (&c.x, &c.y);
    // One statement told twice, neither date by a verb of saying: another
    // date the article gives elsewhere is the article disagreeing with
    // itself, not a second event (as in `number-conflict`), unless that
    // sentence says it tells another occurrence.
    let told_twice = matches!(c.link, Link::Post)
        || (!x.clause.said && !y.clause.said && one_statement(story, c));
    match (x.when, y.when) {
        (When::Day(dx), When::Day(dy)) => dated_verdict(story, (x, dx), (y, dy), told_twice, memo),
        (When::Month(..), _) | (_, When::Month(..)) => month_verdict(story, x, y, told_twice, memo),
        _ => {
            let verbatim = matches!(c.link, Link::Aligned(score) if score >= NEAR_VERBATIM);
            loose_verdict(story, x, y, (told_twice, verbatim), memo)
        }
    }
}

/// How alike two sentences must be to be one statement told twice
/// whatever their clauses say.
const TOLD_TWICE: f32 = 0.5;

/// Whether two dated sentences tell one statement: aligned well, or
/// linked with clauses that say the same at length of the same people
/// and places (a paraphrase scores low: "was received by Sony's top
/// executives on Thursday night", "hackers sent emails to top executives
/// at Sony Thursday night"), or that date a one-off event of the same
/// people. Like events of others ("the delegation from France arrived in
/// Beirut late on Friday") share too little of what happened, or name
/// other people and places.
fn one_statement(story: &Story, c: &Comparison) -> bool {
    let (x, y) = (&c.x, &c.y);
    match c.link {
        Link::Aligned(score) => {
            score >= TOLD_TWICE
                || (told_alike(x, y) && who_and_where_agree(story, x, y))
                || (once_event(x) && same_who_and_where(story, x, y))
        }
        // Already a one-off event of the same people, or one post.
        Link::OnceEvent | Link::Post => true,
        Link::Leads | Link::Restated | Link::Echoed | Link::Told => false,
    }
}

/// Whether a date's clause names a `[once]` event.
fn once_event(d: &Dated) -> bool {
    d.clause.event.as_ref().is_some_and(|e| ONCE.contains(&e.0))
}

/// Two dates with their years.
fn dated_verdict(
    story: &Story,
    (x, x_date): (&Dated, Date),
    (y, y_date): (&Dated, Date),
    told_twice: bool,
    memo: &mut Memo,
) -> Verdict {
    if x_date == y_date {
        return Verdict::Agree;
    }
    let within = |d: &Dated, day: Date| d.others.iter().any(|&(from, to)| from <= day && day <= to);
    if within(x, y_date) || within(y, x_date) {
        return Verdict::Unsure;
    }
    // "on Monday" resolves to the latest Monday; a Monday a week on is the
    // same words, not a clash.
    let same_weekday_as = |d: &Dated, other: Date| {
        d.value.relative && d.value.weekday.as_deref() == Some(weekday_name(other))
    };
    if same_weekday_as(x, y_date) || same_weekday_as(y, x_date) {
        return Verdict::Unsure;
    }
    // "yesterday" and "today" move with time zones and publication times.
    let loose = |d: &Dated| d.value.relative && d.value.weekday.is_none();
    let days = i64::from(x_date.until(y_date).map_or(0, |s| s.get_days())).abs();
    if (loose(x) || loose(y)) && days < 2 {
        return Verdict::Unsure;
    }
    if days == 1 && across_midnight(story, x, y, x_date < y_date) {
        return Verdict::Unsure;
    }
    if !one_side_of_both(story, (x, x_date), (y, y_date), told_twice)
        || either_knows_both(story, x, y, told_twice, memo)
    {
        return Verdict::Unsure;
    }
    Verdict::Conflict
}

/// Two dates of which at least one lacks its year or its date: the month
/// and day, or the weekday, are what can be compared. Undated articles may
/// be weeks apart, so articles known to be apart are not compared, nor
/// weekdays of articles written more than a few days apart.
fn loose_verdict(
    story: &Story,
    x: &Dated,
    y: &Dated,
    (told_twice, verbatim): (bool, bool),
    memo: &mut Memo,
) -> Verdict {
    let same = match (x.when, y.when) {
        (When::MonthDay(m, d), When::MonthDay(n, e)) => Some((m, d) == (n, e)),
        (When::MonthDay(m, d), When::Day(day)) | (When::Day(day), When::MonthDay(m, d)) => {
            Some((m, d) == (day.month(), day.day()))
        }
        _ => weekday_of(x).zip(weekday_of(y)).map(|(a, b)| a == b),
    };
    match same {
        None => return Verdict::Unsure,
        Some(true) => return Verdict::Agree,
        Some(false) => {}
    }
    // "Monday, the Pentagon confirmed Friday" against "on Friday confirmed
    // … an airstrike Monday": a sentence that names the other's day too
    // tells two events, and the other date is of the other one (what
    // `others` does for dates with their years).
    if also_names(story, x, y.when) || also_names(story, y, x.when) {
        return Verdict::Unsure;
    }
    let next = |a: usize, b: usize| (a + 1) % 7 == b;
    if let (Some(a), Some(b)) = (weekday_of(x), weekday_of(y))
        && (next(a, b) || next(b, a))
        && across_midnight(story, x, y, next(a, b))
    {
        return Verdict::Unsure;
    }
    let (a, b) = (x.member.article, y.member.article);
    let weekdays = matches!(x.when, When::Weekday(_)) || matches!(y.when, When::Weekday(_));
    // One statement told twice names one day whenever each article was
    // written; other sentences are held apart when the days their
    // articles speak from are.
    let days_apart = if told_twice || verbatim {
        written_apart(story, a, b)
    } else {
        story
            .when(a)
            .zip(story.when(b))
            .and_then(|(p, q)| p.until(q).ok())
            .map(|s| i64::from(s.get_days()).abs())
    };
    if story.apart(a, b).is_some() || (weekdays && days_apart.is_some_and(|d| d > WEEK_APART)) {
        return Verdict::Unsure;
    }
    if either_knows_both(story, x, y, told_twice, memo) {
        return Verdict::Unsure;
    }
    Verdict::Conflict
}

/// How many days at least lie between the writing of two articles: the
/// gap between the windows they were written in (a stated date, else the
/// window inferred from their text), when one is known to end before the
/// other starts. An inferred window's start is only the latest date the
/// article mentions: an article that mentions nothing recent may have
/// been written the same day as one that does.
fn written_apart(story: &Story, a: usize, b: usize) -> Option<i64> {
    let (x, y) = (written_window(story, a), written_window(story, b));
    let gap = |(_, end): (Option<Date>, Option<Date>), (start, _): (Option<Date>, Option<Date>)| {
        let (end, start) = (end?, start?);
        let days = i64::from(end.until(start).ok()?.get_days());
        (days > 0).then_some(days)
    };
    gap(x, y).or_else(|| gap(y, x))
}

/// The days an article may have been written on: its stated date, else
/// the window its text points to, each bound unknown when nothing set it.
fn written_window(story: &Story, article: usize) -> (Option<Date>, Option<Date>) {
    let a = &story.articles[article];
    match (a.published, &a.inferred) {
        (Some(p), _) => (Some(p), Some(p)),
        (None, Some(w)) => (w.from, w.to),
        (None, None) => (None, None),
    }
}

/// A month with its year against a month or a day: the months must be
/// the same. A month and a day of it agree.
fn month_verdict(
    story: &Story,
    x: &Dated,
    y: &Dated,
    told_twice: bool,
    memo: &mut Memo,
) -> Verdict {
    let month = |w: When| match w {
        When::Month(year, m) => Some((year, m)),
        When::Day(d) => Some((d.year(), d.month())),
        When::MonthDay(..) | When::Weekday(_) => None,
    };
    let (Some(mx), Some(my)) = (month(x.when), month(y.when)) else {
        return Verdict::Unsure;
    };
    if mx == my {
        return Verdict::Agree;
    }
    let (a, b) = (x.member.article, y.member.article);
    if story.apart(a, b).is_some() || either_knows_both(story, x, y, told_twice, memo) {
        return Verdict::Unsure;
    }
    Verdict::Conflict
}

/// Whether `d`'s sentence names `when` in another of its dates: the
/// weekday of a date with its year counts for a bare weekday.
fn also_names(story: &Story, d: &Dated, when: When) -> bool {
    story
        .mentions(d.member)
        .filter(|m| m.range != d.mention.range)
        .filter_map(|m| date_value(m).and_then(|v| when_of(v).map(|w| (w, v))))
        .any(|(w, v)| {
            w == when || matches!(when, When::Weekday(day) if weekday_in(w, v) == Some(day))
        })
}

/// More days than this between two articles and "Thursday" in each may
/// be two Thursdays.
const WEEK_APART: i64 = 5;

/// The weekday a date names: written, or its date's.
/// Whether two dates a day apart may be one time across midnight: the
/// earlier told at its day's end ("Monday night", "late Monday"), the
/// later at its day's start ("early Tuesday", "Tuesday morning").
/// `x_first` says which is the earlier day.
fn across_midnight(story: &Story, x: &Dated, y: &Dated, x_first: bool) -> bool {
    let (first, then) = if x_first { (x, y) } else { (y, x) };
    beside(story, first).any(crate::text::dates::ends_the_day)
        && beside(story, then).any(crate::text::dates::starts_the_day)
}

/// The words of a date mention and the two before and one after it.
fn beside<'s>(story: &'s Story, d: &Dated) -> impl Iterator<Item = &'s str> {
    let text = story.articles[d.member.article].article.text.as_str();
    let range = d.mention.range.clone();
    let cut = |c: char| !c.is_alphanumeric() && c != '-';
    let words = move |t: &'s str| t.split(cut).filter(|w| !w.is_empty());
    // Read backwards from the date, so that only two words are looked at.
    let lead = text[..range.start]
        .split(cut)
        .rev()
        .filter(|w| !w.is_empty())
        .take(2);
    lead.chain(words(&text[range.clone()]))
        .chain(words(&text[range.end..]).take(1))
}

fn weekday_of(d: &Dated) -> Option<usize> {
    weekday_in(d.when, d.value)
}

/// The weekday a date names, from what is known of it and its value.
fn weekday_in(when: When, value: &DateValue) -> Option<usize> {
    match when {
        When::Weekday(w) => Some(w),
        When::Day(day) => Some(day.weekday().to_monday_zero_offset() as usize),
        When::MonthDay(..) => crate::extract::weekday_index(value.weekday.as_deref()?),
        When::Month(..) => None,
    }
}

/// Whether either article also dates the same kind of event on the
/// other's day (see [`knows_both`]): then the two tell of two occurrences.
fn either_knows_both(
    story: &Story,
    x: &Dated,
    y: &Dated,
    told_twice: bool,
    memo: &mut Memo,
) -> bool {
    knows_both(story, (x, y), told_twice, memo) || knows_both(story, (y, x), told_twice, memo)
}

/// Whether `d`'s article also dates the same kind of event on `other`'s
/// day elsewhere: then it tells of two occurrences ("the first release on
/// January 19 … the release on Saturday"), and the other article of one.
/// The same kind is the same listed event; where neither clause names one,
/// a clause that shares a word of what happened with either date's clause
/// ("took off Saturday" is not what "was stung Monday" says), or any clause
/// when either date stands by a verb of saying (it may date the telling,
/// and the article the event on the other day).
fn knows_both(
    story: &Story,
    (d, other): (&Dated, &Dated),
    told_twice: bool,
    memo: &mut Memo,
) -> bool {
    let article = d.member.article;
    let a = &story.articles[article];
    let class = d.clause.event.as_ref().map(|e| e.0);
    a.mentions.iter().any(|m| {
        if m.range == d.mention.range
            || date_value(m).and_then(when_of) != Some(other.when)
            || (told_twice && !tells_again(a, m.sentence))
        {
            return false;
        }
        let (event, happened) = memo.clause_events(story, article, m);
        event == class
            && (class.is_some()
                || d.clause.said
                || other.clause.said
                || !happened.is_disjoint(&d.clause.happened)
                || !happened.is_disjoint(&other.clause.happened))
    })
}

/// Whether a sentence says it tells another occurrence ("It had freed
/// hostages on March 2 as well", "the second release"): a word of
/// `[sequence]` or `[again]` in `date-conflict-words.txt`, or "as well".
fn tells_again(a: &ArticleAnalysis, sentence: usize) -> bool {
    let text = &a.article.text;
    let words: Vec<String> = a
        .sentence_tokens(sentence)
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text).to_lowercase())
        .collect();
    words
        .iter()
        .any(|w| SEQUENCE.contains(w.as_str()) || AGAIN.contains(w.as_str()))
        || words.windows(2).any(|p| p[0] == "as" && p[1] == "well")
}

/// What the rule reads of a sentence or a date more than once, as a
/// sentence is in several pairs.
#[derive(Default)]
struct Memo<'c> {
    /// A sentence's words outside its dates.
    plain: FxHashMap<Member, Vec<String>>,
    /// The event class of a date and the words of what happened in its
    /// clause, by article and where the date starts.
    events: FxHashMap<(usize, usize), (Option<usize>, BTreeSet<String>)>,
    /// The clauses already read with the dated sentences, by the same key:
    /// only where one date of its article starts there, so that the key
    /// names the date it would be read for.
    known: FxHashMap<(usize, usize), &'c Clause>,
}

impl<'c> Memo<'c> {
    /// A memo that knows the clauses of `dated` (see [`Memo::known`]).
    fn knowing(story: &Story, dated: &'c [Dated]) -> Self {
        let mut dates_at: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for (article, a) in story.articles.iter().enumerate() {
            for m in a.mentions.iter().filter(|m| date_value(m).is_some()) {
                *dates_at.entry((article, m.range.start)).or_default() += 1;
            }
        }
        let known = dated
            .iter()
            .map(|d| ((d.member.article, d.mention.range.start), &d.clause))
            .filter(|(key, _)| dates_at.get(key) == Some(&1))
            .collect();
        Memo {
            known,
            ..Memo::default()
        }
    }

    /// The event class of a date's clause and its words of what happened.
    fn clause_events(
        &mut self,
        story: &Story,
        article: usize,
        m: &Mention,
    ) -> (Option<usize>, &BTreeSet<String>) {
        let key = (article, m.range.start);
        if let Some(c) = self.known.get(&key) {
            return (c.event.as_ref().map(|e| e.0), &c.happened);
        }
        let (event, happened) = self.events.entry(key).or_insert_with(|| {
            let c = clause_of(story, &story.articles[article], m.sentence, m);
            (c.event.map(|e| e.0), c.happened)
        });
        (*event, happened)
    }
}

/// Both dates are past for both articles, or both still to come: an
/// article written before the other's date speaks of an earlier
/// occurrence, or of a plan. Known to be so, or, for one statement told
/// twice (`told_twice`), not known otherwise: an inferred window starts
/// at the latest date its article mentions, so an article that mentions
/// the later date, misdated or not, is not known to be written after it.
fn one_side_of_both(story: &Story, x: (&Dated, Date), y: (&Dated, Date), told_twice: bool) -> bool {
    let (early, late) = (x.1.min(y.1), x.1.max(y.1));
    let articles = [x.0.member.article, y.0.member.article];
    let window = |a: usize| written_window(story, a);
    if told_twice {
        let past = articles
            .iter()
            .all(|&a| window(a).1.is_none_or(|to| late <= to));
        let future = articles
            .iter()
            .all(|&a| window(a).0.is_none_or(|from| early >= from));
        return past || future;
    }
    let past = articles
        .iter()
        .all(|&a| window(a).0.is_none_or(|written| late <= written));
    let future = articles
        .iter()
        .all(|&a| window(a).1.is_some_and(|written| early >= written));
    past || future
}

/// The claim and its counterpart of one comparison.
fn sides<'c, 'a>((c, x_is_claim): &'c (Comparison<'a>, bool)) -> (&'c Dated<'a>, &'c Dated<'a>) {
    if *x_is_claim {
        (&c.x, &c.y)
    } else {
        (&c.y, &c.x)
    }
}

fn event_finding(story: &Story, group: &[(Comparison, bool)]) -> Finding {
    let claim = sides(&group[0]).0;
    let counterparts: Vec<(&Dated, Link)> = group.iter().map(|g| (sides(g).1, g.0.link)).collect();
    let phrase = claim
        .clause
        .event
        .as_ref()
        .map(|e| e.1.clone())
        .unwrap_or_default();
    let phrase = story.quote(claim.member.article, phrase);
    let mut by_date: BTreeMap<When, Vec<&str>> = BTreeMap::new();
    for (d, _) in &counterparts {
        let files = by_date.entry(d.when).or_default();
        let file = file_name(story, d.member.article);
        if !files.contains(&file) {
            files.push(file);
        }
    }
    let elsewhere: Vec<String> = by_date
        .iter()
        .map(|(when, files)| format!("{} in {}", when.label(), files.join(", ")))
        .collect();
    let event = if let Some(post) = &claim.post {
        format!("The same post (@{})", post.handle)
    } else if phrase.is_empty() {
        "The same event".to_string()
    } else {
        format!("The same event (\"{phrase}\")")
    };
    let summary = format!(
        "{event} is dated {} in {} and {}",
        claim.when.label(),
        file_name(story, claim.member.article),
        elsewhere.join(" and ")
    );
    let explanation = event_explanation(story, claim, &counterparts, phrase, &by_date);
    let apart = counterparts
        .iter()
        .filter_map(|(d, _)| story.apart(claim.member.article, d.member.article))
        .min();
    let confidence = event_confidence(claim, &counterparts);
    let mut f = Finding::new(
        FindingKind::DateConflict,
        Severity::Medium,
        confidence,
        summary,
        explanation,
    )
    .evidence(claim.member.article, claim.mention.range.clone());
    for (d, _) in &counterparts {
        f = f.evidence(d.member.article, d.mention.range.clone());
    }
    let dates: BTreeSet<When> = counterparts.iter().map(|(d, _)| d.when).collect();
    if let [only] = dates.into_iter().collect::<Vec<_>>().as_slice() {
        f = f.suggest(only.label());
    }
    f.over_time(apart)
}

/// Each side's date in its sentence, why they are one event, and who
/// agrees with the counterpart.
fn event_explanation(
    story: &Story,
    claim: &Dated,
    counterparts: &[(&Dated, Link)],
    phrase: &str,
    by_date: &BTreeMap<When, Vec<&str>>,
) -> String {
    let mut explanation = describe(story, claim);
    for (d, link) in counterparts {
        let how = match link {
            Link::Aligned(score) => format!("aligned, score {score:.2}"),
            Link::Restated => "the same words around the date, in other sentences".to_string(),
            Link::OnceEvent => "the same event and who, in other words".to_string(),
            Link::Leads => "the same one-off event told first in both leads".to_string(),
            Link::Echoed => {
                "some of the same words around the date, in other sentences".to_string()
            }
            Link::Post => "the byline of the same post".to_string(),
            Link::Told => "the same teller telling the same thing, in other sentences".to_string(),
        };
        let _ = write!(explanation, "; {} ({how})", describe(story, d));
    }
    if claim.post.is_some() {
        explanation.push_str(
            ". Both bylines are of one post, by the same account in the same words, so one of the dates is likely wrong.",
        );
    } else if phrase.is_empty() {
        explanation.push_str(
            ". The clauses around the dates say the same thing, so one of the dates is likely wrong.",
        );
    } else {
        let _ = write!(
            explanation,
            ". Both clauses date the same kind of event (\"{phrase}\"), so one of the dates is likely wrong."
        );
    }
    if let [(date, files)] = by_date.iter().collect::<Vec<_>>().as_slice()
        && files.len() > 1
    {
        let _ = write!(
            explanation,
            " The other {} reports agree on {}.",
            files.len(),
            match date {
                When::Day(day) => day.to_string(),
                other => other.label(),
            }
        );
    }
    explanation
}

/// From 0.5 to 0.75 with the best alignment score (sentences not aligned
/// count as the lowest); a resolved relative date costs 0.1, as its
/// resolution may be what is wrong.
fn event_confidence(claim: &Dated, counterparts: &[(&Dated, Link)]) -> f32 {
    let best = counterparts
        .iter()
        .map(|(_, link)| link.score())
        .fold(0.0f32, f32::max);
    let relative = claim.value.relative || counterparts.iter().any(|(d, _)| d.value.relative);
    let alike = ((best - EVENT_SCORE) / (1.0 - EVENT_SCORE)).clamp(0.0, 1.0);
    0.5 + 0.25 * alike - if relative { 0.1 } else { 0.0 }
}

/// `path:line` "quote" (2025-01-19, a Sunday; resolved against …) in "sentence".
fn describe(story: &Story, d: &Dated) -> String {
    let range = d.mention.range.clone();
    let quote = story.quote(d.member.article, range.clone());
    let basis = match (&d.value.basis, d.value.relative) {
        (Some(b), true) => format!("; resolved against the {b}"),
        _ => String::new(),
    };
    let day = match d.when {
        When::Day(date) => format!("{date}, a {}", weekday_name(date)),
        When::MonthDay(..) => "the year not written".to_string(),
        When::Weekday(_) => "the date not known".to_string(),
        When::Month(..) => "the day not written".to_string(),
    };
    format!(
        "{} says \"{quote}\" ({day}{basis}) in \"{}\"",
        story.place(d.member.article, &range),
        excerpt(story.sentence(d.member))
    )
}

/// A sentence cut to a readable length at a character boundary.
fn excerpt(sentence: &str) -> String {
    const MAX: usize = 160;
    if sentence.len() <= MAX {
        return sentence.to_string();
    }
    let mut end = MAX;
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &sentence[..end])
}

#[cfg(test)]
mod tests {
    use super::super::testing::run as analysis;
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::kb::Kb;

    fn findings(texts: &[&str]) -> Vec<Finding> {
        let a = analysis(texts);
        for p in &a.pairs {
            let s = |m: Member| {
                let x = &a.articles[m.article];
                x.article.text[x.sentences[m.sentence].range.clone()].to_string()
            };
            eprintln!("{:.2} {} | {}", p.score, s(p.a), s(p.b));
        }
        a.findings
            .into_iter()
            .filter(|f| f.kind == FindingKind::DateConflict)
            .collect()
    }

    use super::super::testing::{of_kind, quotes, unaligned};

    fn school(sentence: &str) -> String {
        format!("Kermit school\n\n{sentence}\n")
    }

    /// Aligned sentences whose dated clauses share little are heard the
    /// same way: only a lone date against agreeing articles.
    #[test]
    fn aligned_sentences_with_thin_clauses_need_agreement() {
        let told = school(
            "Iraq's ambassador told the council on Tuesday that the group was selling organs to pay for its war, and he asked for an inquiry.",
        );
        let claimed = school(
            "Iraq's ambassador says the group is selling organs to pay for its war, as the diplomat claimed Wednesday.",
        );
        let found = findings(&[&told, &told, &claimed]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Wednesday in c.txt"),
            "{}",
            found[0].summary
        );
        assert!(findings(&[&told, &claimed]).is_empty());
    }

    /// Aligned sentences whose date clauses share the words beside the
    /// date tell one thing though neither names a listed event and they
    /// align only a little: one against one is heard.
    #[test]
    fn aligned_sentences_with_alike_clauses_are_heard_alone() {
        let monday = school(
            "Hopes of a truce got a lift on Monday when the Varden council voted to back a mediator from Oslo, the former envoy Anna Berg.",
        );
        let wednesday = school(
            "Hopes were lifted anew on Wednesday, as the council in Varden backed Anna Berg to mediate.",
        );
        let found = findings(&[&monday, &wednesday]);
        assert_eq!(found.len(), 1, "{found:#?}");
        // The same words, the same day: nothing.
        let agreeing = school(
            "Hopes were lifted anew on Monday, as the council in Varden backed Anna Berg to mediate.",
        );
        assert!(findings(&[&monday, &agreeing]).is_empty());
    }

    /// Aligned sentences whose dates' clauses name one listed event
    /// ("found dead", "died") date one event, however little else the
    /// clause windows share and however low the alignment.
    #[test]
    fn aligned_sentences_naming_one_listed_event_are_compared() {
        let found = school(
            "Mara Lind, daughter of the former minister Ivo Lind, was found dead in her flat in Tartu on Jan. 4.",
        );
        let died = school(
            "The poet Mara Lind, whose father Ivo Lind was a minister, reportedly died on Jan. 7 after a long illness.",
        );
        assert_eq!(findings(&[&found, &died]).len(), 1);
        // Another listed event of another class: not one event.
        let honoured = school(
            "The poet Mara Lind, whose father Ivo Lind was a minister, was awarded a prize on Jan. 7.",
        );
        assert!(findings(&[&found, &honoured]).is_empty());
    }

    /// "later Monday", "earlier on Sunday" place a date in time; "New" in
    /// a name singles out nothing: neither keeps two tellings of one event
    /// apart. "again" still does.
    #[test]
    fn time_words_and_names_are_not_sequence_words() {
        let monday = school(
            "The Varden council voted on Monday to back Anna Berg as mediator, ending a long dispute over the harvest truce.",
        );
        let later = school(
            "The Varden council voted later Wednesday to back Anna Berg as mediator, ending a long dispute over the harvest truce.",
        );
        assert_eq!(findings(&[&monday, &later]).len(), 1);
        let named = school(
            "The Varden council voted on Wednesday to back New Haven lawyer Anna Berg as mediator, ending a long dispute over the harvest truce.",
        );
        assert_eq!(findings(&[&monday, &named]).len(), 1);
        let again = school(
            "The Varden council voted again on Wednesday to back Anna Berg as mediator, ending a long dispute over the harvest truce.",
        );
        assert!(findings(&[&monday, &again]).is_empty());
    }

    /// "fired" with a person right before it ("wants Ivo Lind fired") is a
    /// dismissal, not the attack of "came under fire".
    #[test]
    fn fired_after_a_person_is_a_dismissal() {
        let fire = school(
            "Senator Mara Holt wants the governor Ivo Lind out after he came under fire over the port contract on Wednesday.",
        );
        let fired = school(
            "Senator Mara Holt wants the governor Ivo Lind fired over the port contract, the Varden Post reported Thursday.",
        );
        assert!(findings(&[&fire, &fired]).is_empty());
    }

    /// Aligned sentences whose date clauses share too little (a new
    /// mediator chosen, a mediator arriving) are still heard only beside
    /// agreeing articles.
    #[test]
    fn aligned_sentences_with_unlike_clauses_stay_quiet_alone() {
        let monday = school(
            "The Varden council chose a new mediator on Monday, hoping for a truce before the harvest.",
        );
        let wednesday = school(
            "Hopes of a truce before the harvest rose as a mediator from Oslo arrived in Varden late on Wednesday.",
        );
        assert!(findings(&[&monday, &wednesday]).is_empty());
    }

    /// Clauses that share only a little ("student", "suspended") link two
    /// dates only beside other articles that agree: then the lone date is
    /// the one to check.
    #[test]
    fn a_lone_date_of_thinly_restated_clauses_is_found_beside_agreement() {
        // Past the lead (see `leads_that_date_a_one_off_event_once_are_compared`).
        let school = |s: &str| school(&format!("Parents in Kermit are divided. {s}"));
        let a = school("The student was suspended Friday, his father told reporters.");
        let b = school("The student was suspended Friday, the school district confirmed.");
        let lone = school("A student at the Kermit school was suspended Sunday over the toy ring.");
        let found = unaligned(&[&a, &b, &lone], detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Sunday in c.txt"),
            "{}",
            found[0].summary
        );
        assert!(
            found[0].explanation.contains("some of the same words"),
            "{}",
            found[0].explanation
        );
        // One article against one, or others that disagree among
        // themselves: nothing stands alone.
        assert!(unaligned(&[&a, &lone], detect).is_empty());
        let saturday = school("The student was suspended Saturday, the school district confirmed.");
        assert!(unaligned(&[&a, &saturday, &lone], detect).is_empty());
    }

    /// A sentence that names both days tells two events ("the strike on
    /// Monday, confirmed Thursday"): its other date is the one that dates
    /// what the other sentence says. A lone other day still conflicts.
    #[test]
    fn a_sentence_naming_the_other_day_too_tells_two_events() {
        let strike = school(
            "A drone strike killed the commander of the Harlow militia on Monday, the army confirmed on Thursday.",
        );
        let confirmed = school(
            "The army on Thursday confirmed the death of the commander of the Harlow militia in a drone strike on Monday.",
        );
        assert!(findings(&[&strike, &confirmed]).is_empty());
        let misdated = school(
            "The army on Thursday confirmed the death of the commander of the Harlow militia in a drone strike on Saturday.",
        );
        let lone = school(
            "A drone strike killed the commander of the Harlow militia on Monday, according to the army.",
        );
        let found = findings(&[&lone, &misdated]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    fn pupil(lead: &str, rest: &str) -> String {
        format!("Millbrook pupil\n\n{lead} {rest}\n")
    }

    /// Two leads dating a one-off event of the same word, each article
    /// dating that kind of event once, are one event told twice, however
    /// little else their clauses share.
    #[test]
    fn leads_that_date_a_one_off_event_once_are_compared() {
        let a = pupil(
            "A Millbrook mother said her son, a fourth grader, was suspended Tuesday for drawing a rocket.",
            "The school board will meet next month.",
        );
        let b = pupil(
            "A pupil named Leo Marsh was suspended Thursday after teachers saw his drawing.",
            "His mother called the decision absurd.",
        );
        let found = unaligned(&[&a, &b], detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].explanation.contains("told first in both leads"),
            "{}",
            found[0].explanation
        );
    }

    fn bakery(sentence: &str) -> String {
        format!("Bakery note\n\nThe shop on Elm Street has been open since 1990. {sentence}\n")
    }

    /// Aligned sentences naming no listed event are compared when their
    /// dates' clauses share four words of what happened, however low
    /// their alignment; a note left for another person shares fewer.
    #[test]
    fn clauses_told_alike_link_aligned_sentences() {
        let a = bakery(
            "A ransom note was found by the bakery's night manager on Thursday night and shown to police.",
        );
        let b = bakery(
            "Thieves left a ransom note for the bakery's night manager Saturday night before fleeing in a stolen van, the police said.",
        );
        let found = findings(&[&a, &b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let c = bakery(
            "Thieves left a ransom note for the bakery's night baker Saturday night, a neighbour said.",
        );
        assert!(findings(&[&a, &c]).is_empty());
    }

    /// Outside the lead, the same clause may tell of another suspension.
    #[test]
    fn a_one_off_event_dated_outside_the_lead_is_not_compared_so() {
        let a = pupil(
            "A Millbrook mother said her son, a fourth grader, was suspended Tuesday for drawing a rocket.",
            "The school board will meet next month.",
        );
        let b = pupil(
            "Teachers at Millbrook have long argued over discipline.",
            "A pupil named Leo Marsh was suspended Thursday after teachers saw his drawing.",
        );
        assert!(unaligned(&[&a, &b], detect).is_empty());
    }

    /// An article that dates two suspensions, another word of the class
    /// ("expelled"), other people, or a plan against what happened: not
    /// one event told twice.
    #[test]
    fn leads_of_other_one_off_events_are_not_compared() {
        let a = pupil(
            "A Millbrook mother said her son, a fourth grader, was suspended Tuesday for drawing a rocket.",
            "The school board will meet next month.",
        );
        let twice = pupil(
            "A pupil named Leo Marsh was suspended Thursday after teachers saw his drawing.",
            "His brother was suspended Monday for a fight.",
        );
        assert!(unaligned(&[&a, &twice], detect).is_empty());
        let expelled = pupil(
            "A pupil named Leo Marsh was expelled Thursday after teachers saw his drawing.",
            "His mother called the decision absurd.",
        );
        assert!(unaligned(&[&a, &expelled], detect).is_empty());
        let named = pupil(
            "Millbrook pupil Ann Cole was suspended Tuesday for drawing a rocket.",
            "The school board will meet next month.",
        );
        let other = pupil(
            "A pupil named Leo Marsh was suspended Thursday after teachers saw his drawing.",
            "His mother called the decision absurd.",
        );
        assert!(unaligned(&[&named, &other], detect).is_empty());
        let planned = pupil(
            "A pupil named Leo Marsh will be suspended Thursday after teachers saw his drawing.",
            "His mother called the decision absurd.",
        );
        assert!(unaligned(&[&a, &planned], detect).is_empty());
    }

    fn pipeline(sentence: &str) -> String {
        format!("Fort Vale pipeline\n\n{sentence}\n")
    }

    /// A clause whose window stopped before its event word ("an explosion
    /// … sent gas prices higher on Monday") still names that event when
    /// its sentence names it and no other: a lone date against agreeing
    /// articles is found as for clauses that both name it.
    #[test]
    fn a_clause_cut_short_of_its_event_still_echoes_the_event() {
        let a = pipeline(
            "An explosion at a natural gas pipeline near the northern town of Fort Vale briefly sent regional gas prices higher on Monday.",
        );
        let b = pipeline(
            "A reported explosion on the main gas line outside the town of Fort Vale briefly sent regional gas prices higher on Monday.",
        );
        let lone =
            pipeline("Gas prices briefly rose Wednesday on reports of an explosion at a pipeline.");
        let found = unaligned(&[&a, &b, &lone], detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Wednesday in c.txt"),
            "{}",
            found[0].summary
        );
        // One against one: nothing stands alone.
        assert!(unaligned(&[&a, &lone], detect).is_empty());
    }

    /// The cut-short sentence must name the same event and nothing else:
    /// prices moved by a strike, or by the weather, are another matter.
    #[test]
    fn a_clause_cut_short_of_another_event_or_of_none_is_quiet() {
        let lone =
            pipeline("Gas prices briefly rose Wednesday on reports of an explosion at a pipeline.");
        for cause in [
            "A strike at a natural gas plant near the northern town of Fort Vale briefly sent regional gas prices higher on Monday.",
            "Cold weather across the north of the province and a busy week of trading briefly sent regional gas prices higher on Monday.",
            "An explosion at a gas pipeline near the northern town of Fort Vale and a strike at its plant briefly sent gas prices higher on Monday.",
        ] {
            let a = pipeline(cause);
            let found = unaligned(&[&a, &a, &lone], detect);
            assert!(found.is_empty(), "{cause}: {found:#?}");
        }
    }

    const TRUCE_A: &str = "Truce takes hold in Northland\nPublished March 12, 2025\n\n\
        The ceasefire in Northland took effect at 6 a.m. on March 10, 2025, after weeks of talks in Geneva. \
        Aid convoys crossed the border soon afterwards. \
        Farmers in the valley said they hoped to return to their fields before the spring rains.\n";

    fn truce_b(date: &str) -> String {
        format!(
            "Northland guns fall silent\nPublished March 12, 2025\n\n\
             The ceasefire in Northland took effect at 6 a.m. on {date}, ending weeks of shelling. \
             Relief agencies sent lorries of flour and medicine across the border. \
             Schools in the capital are expected to reopen next month.\n"
        )
    }

    /// The rule's work on two articles dense with dates, each `n`
    /// sentences of killings dated with a weekday, most of them wrong:
    /// the steps counted by `step`, on this thread.
    fn work(n: usize) -> usize {
        let article = |seed: usize| {
            let mut text = String::from("Killings\nPublished June 30, 2025\n\n");
            for i in 0..n {
                let k = i * 7 + seed;
                // A weekday taken from another day of the month: most are
                // wrong for the date beside them.
                let day = |d: usize| Date::new(2025, 6, (1 + d % 28) as i8).expect("a June day");
                let _ = write!(
                    text,
                    "Person{} Quist was killed on {}, June {}, 2025. ",
                    k % 5,
                    weekday_name(day(k + k % 5)),
                    1 + k % 28
                );
            }
            text
        };
        let an = analysis(&[&article(0), &article(3)]);
        let vocab = crate::align::Vocabulary::build(&an.articles);
        let story_of = crate::align::stories(an.articles.len(), &an.pairs);
        let story = Story {
            articles: &an.articles,
            vocab: &vocab,
            pairs: &an.pairs,
            alignments: &an.alignments,
            kb: Kb::builtin(),
            story_of: &story_of,
        };
        WORK.with(|w| w.set(0));
        let found = detect(&story);
        assert!(!found.is_empty());
        WORK.with(std::cell::Cell::get)
    }

    /// Text dense with dates costs work in proportion to its dates: 16 MB
    /// of them once did not finish in five minutes (every weekday checked
    /// against every other date, every killing against every other).
    #[test]
    fn work_grows_linearly_with_the_dates() {
        let (small, large) = (work(200), work(800));
        assert!(small > 0);
        assert!(
            large <= 5 * small,
            "4 times the dates took {large} steps against {small}"
        );
    }

    fn fact_check(sentence: &str) -> String {
        format!("Quote check\nPublished April 2, 2024\n\n{sentence}\n")
    }

    /// "DATE was a WEEKDAY", as fact-checks write it, is checked against the
    /// calendar like a weekday written before the date.
    #[test]
    fn a_weekday_said_after_a_date_is_checked() {
        let text = fact_check(
            "The quote is said to come from a radio show on March 4, 2024 – was a Sunday, and the station aired no show that day.",
        );
        let a = analysis(&[&text]);
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.summary, "Sunday, March 4, 2024 was a Monday");
        assert_eq!(
            f.suggestion.as_deref(),
            Some("March 4, 2024 – was a Monday")
        );
        assert_eq!(quotes(&a, f), ["March 4, 2024 – was a Sunday"]);
    }

    /// The right weekday, a weekday that is not said of the date, and a
    /// relative day are quiet.
    #[test]
    fn a_weekday_after_a_date_that_fits_or_is_not_said_of_it_is_quiet() {
        for sentence in [
            "The quote is said to come from a radio show on March 3, 2024 – was a Sunday, when the station aired no show.",
            "The rally set for March 4, 2024 was moved to a Sunday after the storm.",
            "The show taped on March 4, 2024 and aired a Sunday later.",
            "Yesterday was a Sunday, and the station aired no show.",
        ] {
            let a = analysis(&[&fact_check(sentence)]);
            let found = of_kind(&a, FindingKind::DateConflict);
            assert!(found.is_empty(), "{sentence}: {found:#?}");
        }
    }

    /// A weekday written before a date in brackets, as releases and hoaxes
    /// date themselves, is checked against the calendar; the right one is
    /// quiet, and so is a weekday bracketed off from an unrelated date.
    #[test]
    fn a_weekday_before_a_bracketed_date_is_checked() {
        let wrong = fact_check(
            "The post read: at about noon on Saturday (March 4, 2024), the singer was rushed to hospital.",
        );
        let a = analysis(&[&wrong]);
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(quotes(&a, found[0]), ["Saturday (March 4, 2024"]);
        for sentence in [
            "The post read: at about noon on Monday (March 4, 2024), the singer was rushed to hospital.",
            "The post read: the singer was rushed to hospital (March 4, 2024), fans said.",
        ] {
            let a = analysis(&[&fact_check(sentence)]);
            assert!(
                of_kind(&a, FindingKind::DateConflict).is_empty(),
                "{sentence}"
            );
        }
    }

    #[test]
    fn weekday_beside_a_date_is_checked() {
        let text = "Talks resume\nPublished May 11, 2025\n\n\
            Negotiators met in Cairo on Thursday, May 9, 2025, and again on Saturday. \
            They will meet once more on Friday, May 16.\n";
        let a = analysis(&[text]);
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.summary, "Thursday, May 9, 2025 was a Friday");
        assert_eq!(f.suggestion.as_deref(), Some("Friday, May 9, 2025"));
        assert!(
            f.explanation.contains("2025-05-09 fell on a Friday"),
            "{}",
            f.explanation
        );
        assert_eq!(
            quotes(&a, f),
            ["Thursday, May 9, 2025"] // "Friday, May 16" is another day
        );
    }

    #[test]
    fn a_year_that_fits_the_weekday_lowers_severity() {
        // 19 January was a Sunday in 2025 but a Friday in 2024.
        let text = "Looking back\nPublished January 22, 2025\n\nThe first meeting was held on Friday, January 19 in Doha.\n";
        let found = findings(&[text]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Medium);
        assert!(
            found[0].explanation.contains("in 2024"),
            "{}",
            found[0].explanation
        );
    }

    #[test]
    fn right_weekdays_and_relative_weekdays_are_quiet() {
        let text = "Talks resume\nPublished May 11, 2025\n\n\
            Negotiators met in Cairo on Friday, May 9, 2025. \
            Last Sunday the delegation arrived, and this Tuesday it leaves. \
            On Saturday, 12 hostages were named.\n";
        assert!(findings(&[text]).is_empty());
    }

    #[test]
    fn today_with_another_weekday_is_flagged() {
        // 11 May 2025 was a Sunday.
        let adjacent =
            "Talks\nPublished May 11, 2025\n\nNegotiators met again today, Saturday, in Doha.\n";
        let found = findings(&[adjacent]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Medium);
        assert_eq!(found[0].suggestion.as_deref(), Some("Sunday"));
        let far = "Talks\nPublished May 11, 2025\n\nThe cabinet meets tonight (Wednesday) to vote on the plan.\n";
        let found = findings(&[far]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::High);
    }

    #[test]
    fn today_with_its_own_weekday_or_other_framings_is_quiet() {
        let text = "Talks\nPublished May 11, 2025\n\n\
            Negotiators met again today, Sunday, in Doha. \
            They had met on Saturday and will meet this Wednesday. \
            Today the mediators said little; Tuesday's session was cancelled.\n";
        assert!(findings(&[text]).is_empty());
    }

    #[test]
    fn one_event_with_two_dates_across_articles() {
        let b = truce_b("March 9, 2025");
        let a = analysis(&[TRUCE_A, &b]);
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.severity, Severity::Medium);
        assert!(!f.change_over_time);
        assert_eq!(quotes(&a, f), ["March 10, 2025", "March 9, 2025"]);
        assert!(f.summary.contains("effect"), "{}", f.summary);
        assert!(f.explanation.contains("b.txt:4"), "{}", f.explanation);
        assert_eq!(f.suggestion.as_deref(), Some("March 9, 2025"));
    }

    /// One statement told twice with two dates is found even when the
    /// article gives the other date elsewhere (it then disagrees with
    /// itself); a date by a verb of saying ("officials said on May 14")
    /// may date the telling, and the other date keeps it quiet.
    #[test]
    fn one_statement_told_twice_is_found_whatever_else_the_article_dates() {
        let story = |b_sentence: &str| {
            findings(&[
                "Bridge\nPublished May 20, 2025\n\nThe old bridge over the Tamar estuary was closed to all traffic on May 12 after engineers found deep cracks in two of its stone supports. The footpath beside it was closed on May 14.",
                &format!("Bridge\nPublished May 20, 2025\n\n{b_sentence}"),
            ])
        };
        let told_twice = story(
            "The old bridge over the Tamar estuary was closed to all traffic on May 14 after engineers found deep cracks in two of its stone supports.",
        );
        assert_eq!(told_twice.len(), 1, "{told_twice:#?}");
        let said = story(
            "The old bridge over the Tamar estuary was closed to all traffic after engineers found deep cracks in two of its stone supports, officials said on May 14.",
        );
        assert!(said.is_empty(), "{said:#?}");
    }

    /// A paraphrase aligned well below the score of a sentence told
    /// twice, whose clause says the same at length, is one statement too:
    /// the like event the article dates on the other day does not excuse
    /// it unless that sentence says it is another occurrence.
    #[test]
    fn a_paraphrase_is_one_statement_whatever_else_the_article_dates() {
        let story = |later: &str| {
            findings(&[
                &format!(
                    "Copper thefts\nPublished May 20, 2025\n\nActing on a tip-off, police arrested two men at the Harbour Street warehouse on May 12 and recovered stolen copper wire. {later}"
                ),
                "Warehouse arrests\nPublished May 20, 2025\n\nOfficers recovered stolen copper wire and arrested two men at the warehouse on May 14, the county force said after a month of inquiries into thefts from railway signal boxes.",
            ])
        };
        let paraphrase = story("A driver was detained at the same warehouse on May 14.");
        assert_eq!(paraphrase.len(), 1, "{paraphrase:#?}");
        let another = story("Another man was detained at the same warehouse on May 14.");
        assert!(another.is_empty(), "{another:#?}");
    }

    /// A paraphrase of an arrest of another named man is another arrest,
    /// which the article's own date for a like event then explains.
    #[test]
    fn a_paraphrase_of_other_people_is_not_one_statement() {
        let story = |who: &str| {
            findings(&[
                "Copper thefts\nPublished May 20, 2025\n\nActing on a tip-off, police arrested Jon Kerrigan at the Harbour Street warehouse on May 12 and recovered stolen copper wire. A driver was detained at the same warehouse on May 14.",
                &format!(
                    "Warehouse arrests\nPublished May 20, 2025\n\nOfficers recovered stolen copper wire and arrested {who} at the warehouse on May 14, the county force said after a month of inquiries into thefts from railway signal boxes."
                ),
            ])
        };
        assert_eq!(story("Jon Kerrigan").len(), 1);
        let other = story("Alan Pruett");
        assert!(other.is_empty(), "{other:#?}");
    }

    /// A one-off event of the same named person is one statement however
    /// its sentences align: the article's like event on the other day
    /// (another person dismissed) does not excuse it, a second dismissal
    /// of the same person said to be one does.
    #[test]
    fn a_one_off_event_of_one_person_is_one_statement() {
        let story = |later: &str| {
            findings(&[
                &format!(
                    "Mayor out\nPublished May 20, 2025\n\nThe city council dismissed Mayor Tomas Brandt on Tuesday after an audit found missing funds. {later}"
                ),
                "Brandt ousted\nPublished May 20, 2025\n\nCity councillors dismissed Mayor Tomas Brandt on Thursday, weeks before an election he had hoped to win with ease.",
            ])
        };
        let other_person = story("The council dismissed the treasurer, Ilse Vogt, on Thursday.");
        assert_eq!(other_person.len(), 1, "{other_person:#?}");
        let again = story(
            "After a court reinstated him, the council dismissed Tomas Brandt again on Thursday.",
        );
        assert!(again.is_empty(), "{again:#?}");
    }

    /// "told reporters on Wednesday" dates a telling as "said Monday"
    /// does, and what was told after it ("she was not in a position to
    /// confirm") does not make the telling a negated one: one speaker's
    /// one statement dated twice is found; another speaker's is another
    /// statement.
    #[test]
    fn one_speaker_told_one_thing_on_two_days() {
        let story = |speaker: &str| {
            findings(&[
                "Leak inquiry\nPublished May 20, 2025\n\nHealth ministry spokeswoman Dana Reyes told reporters on Wednesday she was not in a position to confirm that the leaked report was genuine.",
                &format!(
                    "Report leak\nPublished May 20, 2025\n\n{speaker} said Monday that the ministry could not confirm whether the leaked report was genuine."
                ),
            ])
        };
        let same = story("Health ministry spokeswoman Dana Reyes");
        assert_eq!(same.len(), 1, "{same:#?}");
        let other = story("Interior ministry spokesman Omar Haddad");
        assert!(other.is_empty(), "{other:#?}");
    }

    /// Sentences not aligned that date one teller's telling of one thing
    /// on two days are compared (`Link::Told`); another teller, or the
    /// same teller telling something else, is another statement.
    #[test]
    fn one_teller_telling_one_thing_unaligned_is_compared() {
        let lead = "Harbour crane\nPublished May 20, 2025\n\n";
        let a = format!(
            "{lead}The port authority said Monday that a storm toppled the tallest crane at the Osterby container terminal overnight."
        );
        let found = |other: &str| unaligned(&[&a, &format!("{lead}{other}")], detect);
        let told = found(
            "The port authority said Wednesday that two warehouses were crushed when the tallest crane at the Osterby terminal fell.",
        );
        assert_eq!(told.len(), 1, "{told:#?}");
        let other_teller = found(
            "The dockworkers' union said Wednesday that two warehouses were crushed when the tallest crane at the Osterby terminal fell.",
        );
        assert!(other_teller.is_empty(), "{other_teller:#?}");
        let other_matter = found(
            "The port authority said Wednesday that repairs to the quay will take until autumn.",
        );
        assert!(other_matter.is_empty(), "{other_matter:#?}");
    }

    /// Whether the date `date` of `sentence` stands by a verb of saying.
    fn dates_a_telling(sentence: &str, date: &str) -> bool {
        let mut tokens = Vec::new();
        crate::text::tokens::tokenize(sentence, 0..sentence.len(), &mut tokens);
        let start = sentence.find(date).expect("the date is in the sentence");
        let first = tokens.iter().position(|t| t.start == start).unwrap();
        let last = tokens
            .iter()
            .rposition(|t| t.end == start + date.len())
            .unwrap();
        by_saying(sentence, &tokens, first, last)
    }

    /// A verb of saying dates the telling past whom, where or how it was
    /// told ("told the Harlow Courier on Sunday", "said in a statement
    /// late Friday"), not past what was told or a verb that is an event.
    #[test]
    fn a_date_of_telling_is_seen_past_whom_it_was_told() {
        for (sentence, date) in [
            ("The fire chief told reporters Tuesday.", "Tuesday"),
            (
                "The fire chief told the Harlow Courier on Sunday.",
                "Sunday",
            ),
            (
                "The chief told a news conference late Saturday.",
                "Saturday",
            ),
            ("The ministry said in a statement on Friday.", "Friday"),
        ] {
            assert!(dates_a_telling(sentence, date), "{sentence}");
        }
        for (sentence, date) in [
            ("The chief said the depot burned on Sunday.", "Sunday"),
            ("The army said it killed Omar Haddad on Monday.", "Monday"),
            ("The group posted a video to Twitter on Monday.", "Monday"),
            (
                "Dana Reyes said on her Facebook page on Wednesday.",
                "Wednesday",
            ),
        ] {
            assert!(!dates_a_telling(sentence, date), "{sentence}");
        }
    }

    fn depot(sentence: &str) -> String {
        format!("Harlow depot fire\n\nResidents were woken by the noise. {sentence}\n")
    }

    /// Clauses of other sentences that share what was told link a date of
    /// telling to a date of what happened only through that: the day the
    /// cause was told is not the day of the blast. A lone date of the
    /// blast itself is still found.
    #[test]
    fn a_date_of_telling_does_not_restate_a_date_of_what_happened() {
        let a = depot(
            "A gas explosion at the Harlow depot on Saturday night was caused by a leaking valve, fire officials believe.",
        );
        let b = depot(
            "The explosion at the Harlow depot on Saturday night was probably caused by a leaking valve, according to fire officials.",
        );
        let found = |lone: &str| unaligned(&[&a, &b, &depot(lone)], detect);
        let said = found(
            "The explosion was most likely caused by a leaking valve, fire officials said on Sunday.",
        );
        assert!(said.is_empty(), "{said:#?}");
        let misdated = found(
            "The explosion at the depot on Sunday night was most likely caused by a leaking valve, fire officials believe.",
        );
        assert_eq!(misdated.len(), 1, "{misdated:#?}");
    }

    fn truck(sentence: &str) -> String {
        format!("Pickup photo\n\nThe dealer in Texas was flooded with calls. {sentence}\n")
    }

    /// A date after "by" is a bound: what had happened by Tuesday may have
    /// happened on Monday. Two bounds are still compared.
    #[test]
    fn a_bound_is_not_the_day_of_what_happened() {
        let monday = truck(
            "The dealer had received a thousand calls about the photo of the truck on Monday.",
        );
        let by = |day: &str| {
            truck(&format!(
                "The dealer had received a thousand calls about the photo of the truck by {day}."
            ))
        };
        let bound = findings(&[&monday, &by("Tuesday")]);
        assert!(bound.is_empty(), "{bound:#?}");
        let bounds = findings(&[&by("Thursday"), &by("Tuesday")]);
        assert_eq!(bounds.len(), 1, "{bounds:#?}");
    }

    /// A hope is no more what happened than a plan: "dashed hopes for the
    /// release of the hostages Saturday" dates no release.
    #[test]
    fn a_hoped_for_event_is_not_one_that_happened() {
        let lead = |sentence: &str| {
            format!("Hostages\n\n{sentence} Their families have waited for weeks.\n")
        };
        let released =
            lead("Rebels in Kalima released a video of the seven aid workers they hold on Friday.");
        let hoped = lead(
            "The rebel leader in Kalima dashed hopes for the release of the seven aid workers on Saturday.",
        );
        let found = findings(&[&released, &hoped]);
        assert!(found.is_empty(), "{found:#?}");
        let again =
            lead("Rebels in Kalima released a second video of the seven aid workers on Saturday.");
        let found = findings(&[&released, &again]);
        assert!(found.is_empty(), "{found:#?}");
        let misdated =
            lead("The rebels in Kalima released the video of the seven aid workers on Saturday.");
        let found = findings(&[&released, &misdated]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    fn grave(sentence: &str) -> String {
        format!("Grave near Iguala\n\nInvestigators are on the hill. {sentence}\n")
    }

    /// "More bodies were pulled out on Sunday" tells that others came out
    /// before: a day of its own, not the misdated day of the first. "More
    /// than" counts and singles out nothing.
    #[test]
    fn more_of_the_same_is_another_occurrence() {
        let saturday = grave(
            "Police pulled bodies out of a mass grave on the hill outside Iguala on Saturday.",
        );
        let more = grave(
            "Police pulled more bodies out of a mass grave on the hill outside Iguala on Sunday.",
        );
        let found = findings(&[&saturday, &more]);
        assert!(found.is_empty(), "{found:#?}");
        let more_than = |day: &str| {
            grave(&format!(
                "Police pulled more than ten bodies out of a mass grave on the hill outside Iguala on {day}."
            ))
        };
        let over = grave(
            "Police pulled over ten bodies out of a mass grave on the hill outside Iguala on Saturday.",
        );
        let found = findings(&[&over, &more_than("Sunday")]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A dateline before the sentence ("(Reuters) -") leaves "More"
    /// capitalised, yet no name: it still says others came before. "New"
    /// before a capitalised word is a name's ("New Haven").
    #[test]
    fn a_capitalised_sequence_word_after_a_dateline_still_counts() {
        let saturday = grave(
            "Police pulled bodies out of a mass grave on the hill outside Iguala on Saturday.",
        );
        let more = grave(
            "IGUALA (Reuters) - More bodies were pulled out of a mass grave on the hill outside Iguala by police on Sunday.",
        );
        let found = findings(&[&saturday, &more]);
        assert!(found.is_empty(), "{found:#?}");
        let plain = grave(
            "IGUALA (Reuters) - Bodies were pulled out of a mass grave on the hill outside Iguala by police on Sunday.",
        );
        let found = findings(&[&saturday, &plain]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// "first posted it on Saturday" dates the posting that began the
    /// story, as "uploaded it on Saturday" does: "first" before a past
    /// form singles out nothing. "the first posted video" and "struck
    /// again" still do.
    #[test]
    fn first_before_a_past_form_is_no_sequence_word() {
        let uploaded = school(
            "The photo of the flooded school in Varden was uploaded by the user Ana Berg on Saturday morning.",
        );
        let first = school(
            "The photo of the flooded school in Varden was first posted by the user Ana Berg on Monday morning.",
        );
        let found = findings(&[&uploaded, &first]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let ordinal = school(
            "The first posted photo of the flooded school in Varden was uploaded by the user Ana Berg on Monday morning.",
        );
        let found = findings(&[&uploaded, &ordinal]);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A sequence word of another predicate after the date ("and was
    /// later named") says nothing of which event the date dates; one in
    /// the date's own predicate ("was the first …") still does.
    #[test]
    fn a_sequence_word_of_a_later_predicate_does_not_count() {
        let plain = school(
            "The heron was seen for the first time at the Varden marsh on May 4 and was counted by the warden.",
        );
        let later = school(
            "The heron was seen for the first time at the Varden marsh on May 7 and was later counted by the warden.",
        );
        let found = findings(&[&plain, &later]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let own = school(
            "The heron was seen at the Varden marsh on May 7, the latest sighting, and was counted by the warden.",
        );
        let found = findings(&[&plain, &own]);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Two articles that embed one post with other dates in its byline
    /// disagree on the post's day, whatever else the sentences say; the
    /// byline of another account, or of the same account in other words,
    /// is another post.
    #[test]
    fn one_post_with_two_dates_in_its_bylines() {
        let post = |text: &str, glued: bool, byline: &str| {
            let sep = if glued { "" } else { "\n\n" };
            format!(
                "Kermit school\n\nThe harbour pier reopened after the storm repairs.\n\n{text}{sep}{byline}\n"
            )
        };
        let text = "The pier is open again and the ferry came in full of tourists.";
        let a = post(text, true, "— Ann Lee (@annlee_news) May 2, 2024");
        let b = post(text, false, "— Ann Lee (@annlee_news) May 5, 2024");
        let found = findings(&[&a, &b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("@annlee_news"), "{found:#?}");
        let other = post(text, false, "— Harbour Desk (@harbourdesk) May 5, 2024");
        assert!(findings(&[&a, &other]).is_empty());
        let later = post(
            "Storm clouds over the old lighthouse tonight, stay safe everyone.",
            false,
            "— Ann Lee (@annlee_news) May 5, 2024",
        );
        assert!(findings(&[&a, &later]).is_empty());
    }

    /// "due to" after a noun gives a cause ("complications due to an
    /// infection"), not a plan: the clause is what happened. "is due to
    /// open" is still a plan, not compared with a fact.
    #[test]
    fn due_to_a_cause_is_no_plan() {
        let died = |day: &str, tail: &str| {
            school(&format!(
                "The painter Ola Brekke of the Varden Guild died early {day} in Lisbon{tail}, his agent said."
            ))
        };
        let fact = died("Tuesday", "");
        let cause = died("Thursday", " from complications due to an infection");
        let found = findings(&[&fact, &cause]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let opened = school(
            "The new Varden Guild gallery in Lisbon opened on Tuesday to a crowd of painters.",
        );
        let plan = school(
            "The new Varden Guild gallery in Lisbon is due to open on Thursday to a crowd of painters.",
        );
        let found = findings(&[&opened, &plan]);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_relative_date_that_resolves_to_the_same_day_is_quiet() {
        // 12 March 2025 was a Wednesday: "on Monday" is 10 March.
        assert!(findings(&[TRUCE_A, &truce_b("Monday")]).is_empty());
        assert!(findings(&[TRUCE_A, &truce_b("March 10")]).is_empty());
    }

    #[test]
    fn a_relative_weekday_a_week_off_is_quiet() {
        // 12 March 2025 was a Wednesday: "on Monday" resolves to 10 March,
        // but the words fit 3 March too, so only another weekday clashes.
        let a = TRUCE_A.replace("on March 10, 2025", "on Monday");
        let b = |date: &str| TRUCE_A.replace("March 10, 2025", date);
        assert!(findings(&[&a, &b("March 3, 2025")]).is_empty());
        assert_eq!(findings(&[&a, &b("March 4, 2025")]).len(), 1);
    }

    #[test]
    fn yesterday_a_day_off_is_quiet() {
        // Publication times and time zones move "yesterday" by a day.
        let a = TRUCE_A
            .replace("on March 10, 2025", "yesterday")
            .replace("March 12, 2025", "March 11, 2025");
        let b = |date: &str| TRUCE_A.replace("March 10, 2025", date);
        assert!(findings(&[&a, &b("March 9, 2025")]).is_empty());
        assert_eq!(findings(&[&a, &b("March 7, 2025")]).len(), 1);
    }

    #[test]
    fn an_article_that_dates_both_occurrences_is_quiet() {
        let a = |more: &str| {
            format!(
                "Kessel\nPublished March 14, 2025\n\n\
                 The militia freed hostages in Kessel on Saturday, after weeks of talks. {more}\n"
            )
        };
        let b = "Kessel\nPublished March 14, 2025\n\n\
            The militia freed hostages in Kessel on March 2, 2025, after weeks of talks.\n";
        let both = a("It had freed hostages in Kessel on March 2, 2025, as well.");
        assert!(findings(&[&both, b]).is_empty());
        assert_eq!(findings(&[&a(""), b]).len(), 1);
    }

    /// A night runs past midnight: "Monday night" and "early Tuesday" may
    /// be one time; a morning and the next day's dawn, or two nights, are
    /// not.
    #[test]
    fn a_night_and_the_next_day_s_early_hours_are_one_time() {
        let story = |when: &str| {
            format!(
                "Ferry\n\nA deckhand fell from the ferry into the harbour at Kessel {when}, the port authority said.\n"
            )
        };
        let run = |x: &str, y: &str| unaligned(&[&story(x), &story(y)], detect).len();
        assert_eq!(run("on Monday night", "early on Tuesday"), 0);
        assert_eq!(run("late on Monday", "on Tuesday morning"), 0);
        assert_eq!(run("on Monday morning", "early on Tuesday"), 1);
        assert_eq!(run("on Monday night", "on Tuesday night"), 1);
        assert_eq!(run("on Monday night", "early on Wednesday"), 1);
    }

    /// Each date of a sentence with several is compared by its own clause:
    /// the arrival against the arrival, not against the last sighting.
    #[test]
    fn each_date_of_a_sentence_with_several_is_compared() {
        let a = "Cadets\nPublished September 16, 2014\n\n\
            The three cadets arrived at the Kessel base on September 11, 2014, and were last seen at a mall on Saturday.\n";
        let arrived = "Cadets\nPublished September 16, 2014\n\n\
            The three cadets arrived at the Kessel base on September 14, 2014, for training.\n";
        let found = findings(&[a, arrived]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("September 11, 2014"),
            "{}",
            found[0].summary
        );
        // A sighting dated otherwise clashes with the sighting (Saturday
        // was September 13), not with the arrival beside it.
        let seen = "Cadets\nPublished September 16, 2014\n\n\
            The three cadets were last seen at a mall near the Kessel base on September 12, 2014.\n";
        let found = findings(&[a, seen]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Saturday")
                || found[0].summary.contains("September 13, 2014"),
            "{}",
            found[0].summary
        );
        assert!(
            !found[0].summary.contains("September 11"),
            "{}",
            found[0].summary
        );
    }

    /// Where neither clause names a listed event, the other day the article
    /// gives elsewhere must date something its clause shares a word with:
    /// "turned back before takeoff on Saturday" is not the sting dated
    /// Monday, so the Monday still clashes with the Saturday elsewhere.
    #[test]
    fn another_day_for_something_else_does_not_excuse_a_date() {
        let a = |more: &str| {
            format!(
                "Scorpion\n\nA woman was stung by a scorpion on her flight on Monday night. {more}\n"
            )
        };
        let b = "Scorpion\n\nA scorpion stung a woman on her flight on Saturday as the plane was taxiing.\n";
        assert_eq!(unaligned(&[&a(""), b], detect).len(), 1, "plain");
        let takeoff =
            a("The jet had to turn back to the gate before takeoff on Saturday at Kessel airport.");
        let found = unaligned(&[&takeoff, b], detect);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("Monday"), "{}", found[0].summary);
        // The article dates a sting on Saturday too: two stings.
        let again = a("Her husband was stung by a scorpion at home on Saturday.");
        assert!(unaligned(&[&again, b], detect).is_empty());
    }

    /// A date by a verb of saying may date the telling: an article that
    /// gives the event's day elsewhere, whatever its words, knows both.
    #[test]
    fn a_said_date_beside_the_other_day_elsewhere_is_quiet() {
        let a = "Cadets\n\nThe three cadets who left the Kessel base during a training exercise have been found near the border, sources said Monday. \
            They were last seen at a shopping mall on Saturday.\n";
        let b = "Cadets\n\nThe three cadets who left the Kessel base during a training exercise on Saturday have been found near the border.\n";
        assert!(unaligned(&[a, b], detect).is_empty());
        // Not by a verb of saying: the Saturday elsewhere is another thing.
        let found = unaligned(&[&a.replace("sources said Monday", "on Monday"), b], detect);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn different_events_in_similar_sentences_are_quiet() {
        let a = "Deal reached\nPublished March 12, 2025\n\n\
            The ceasefire in Northland was announced on March 8, 2025, after weeks of talks in Geneva.\n";
        let b = "Guns fall silent\nPublished March 12, 2025\n\n\
            The ceasefire in Northland took effect on March 10, 2025, after weeks of talks in Geneva.\n";
        assert!(findings(&[a, b]).is_empty());
    }

    #[test]
    fn another_release_or_another_count_is_another_event() {
        let a = "Exchange\nPublished March 12, 2025\n\n\
            The first exchange of prisoners took place at the Rafah crossing on March 1, 2025.\n";
        let b = "Exchange\nPublished March 12, 2025\n\n\
            The second exchange of prisoners took place at the Rafah crossing on March 8, 2025.\n";
        assert!(findings(&[a, b]).is_empty());
        let c = "Release\nPublished March 12, 2025\n\nThree hostages were freed by the militia in Kessel on March 1, 2025.\n";
        let d = "Release\nPublished March 12, 2025\n\nFour hostages were freed by the militia in Kessel on March 8, 2025.\n";
        assert!(findings(&[c, d]).is_empty());
    }

    #[test]
    fn a_month_with_its_year_is_compared() {
        let text = |month: &str| {
            format!(
                "Missing reporter\n\nThe photographer Anna Kovac disappeared while reporting from the border region in {month}. \
                 Her family kept the news quiet for months.\n"
            )
        };
        let found = findings(&[&text("March 2014"), &text("June 2014")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("March 2014"),
            "{}",
            found[0].summary
        );
        assert!(findings(&[&text("March 2014"), &text("March 2014")]).is_empty());
        // A day of the same month agrees with it.
        assert!(findings(&[&text("March 2014"), &text("March 12, 2014")]).is_empty());
    }

    #[test]
    fn a_clause_cut_before_its_verb_still_dates_the_event() {
        // One clause reaches "attack"; the other's verb lies beyond the
        // window, and the surname alone is no mention at a sentence start.
        let a = "Outpost\n\nLena Marsh, who lives near Kessel, said she ran to the small police outpost after it came under attack early on November 17.\n";
        let b = "Outpost\n\nMarsh ran to the small police outpost near Kessel after it came under a heavy attack from militia fighters in the hills around the town on November 20.\n";
        let found = findings(&[a, b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        // Another listed event in one sentence: not one report.
        let c = b.replace(
            "came under a heavy attack",
            "was attacked and officers were arrested",
        );
        assert!(findings(&[a, &c]).is_empty());
    }

    /// Clauses that share a third of the shorter one's words restate each
    /// other: "the group released a video showing the killing of the
    /// engineer" and "killed the engineer … in the video released on".
    /// Clauses sharing one word do not.
    #[test]
    fn clauses_sharing_a_third_of_their_words_restate_each_other() {
        let a = "Hostage video\nPublished September 3, 2014\n\nThe aid worker is the second hostage killed by the group in less than two weeks. On Aug. 20, the group released a video showing the killing of the engineer, in which it also threatened the aid worker.\n";
        let b = "Hostage video\nPublished September 3, 2014\n\nThe man in the new video is the same man who killed the engineer and threatened the aid worker in the video released on Aug. 19.\n";
        assert_eq!(findings(&[a, b]).len(), 1);
        let c = "Hostage video\nPublished September 3, 2014\n\nThe aid worker is the second hostage killed by the group in less than two weeks. The ministry released its budget on Aug. 19, in which it also cut aid.\n";
        assert!(findings(&[a, c]).is_empty());
    }

    #[test]
    fn next_to_outside_the_clause_singles_out_nothing() {
        let a = "Video\n\nA video posted online on August 19 showed the reporter kneeling next to a masked man in the desert.\n";
        let b = "Video\n\nA video posted online on August 22 showed the reporter kneeling beside a masked man in the desert.\n";
        assert_eq!(findings(&[a, b]).len(), 1);
        let c = b.replace("A video posted", "A second video posted");
        assert!(findings(&[a, &c]).is_empty());
    }

    #[test]
    fn one_event_in_other_words_is_compared_by_its_actor() {
        let a = "Mayor out\n\nIn the end, the council dismissed Mayor Tomas Brandt late on Tuesday afternoon, a move that surprised his staff.\n";
        let b = "Mayor out\n\nThe city council unexpectedly dismissed Tomas Brandt on Thursday after an audit found that he had misused a fund for repairs.\n";
        let found = findings(&[a, b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].explanation.contains("in other words"),
            "{}",
            found[0].explanation
        );
        // A bare surname is not the same person: the mother and her son.
        let c = "Appeal\n\nOn August 27, Sotloff's mother, Shirley Sotloff, released a video pleading for her son's release.\n";
        let d = "Appeal\n\nThe same man threatened to kill Sotloff in the video released on Aug. 19, officials said.\n";
        assert!(findings(&[c, d]).is_empty());
    }

    /// "Fired" before a person is a dismissal, a one-off event compared
    /// by its actor; before anything else ("fired rockets") it stays an
    /// attack, which recurs and is left to alignment.
    #[test]
    fn fired_before_a_person_is_a_dismissal() {
        let fired = |what: &str, day: &str, rest: &str| {
            format!(
                "Council\n\nIn the end, the council fired {what} late on {day} afternoon, {rest}.\n"
            )
        };
        let a = fired(
            "Mayor Tomas Brandt",
            "Tuesday",
            "a move that surprised his staff",
        );
        let b = "Council\n\nThe city council unexpectedly fired Tomas Brandt on Thursday after an audit found that he had misused a fund for repairs.\n";
        let found = findings(&[&a, b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let c = fired(
            "rockets at Tomas Brandt",
            "Tuesday",
            "a move that surprised his staff",
        );
        let d = "Council\n\nThe militia unexpectedly fired rockets at Tomas Brandt on Thursday after an audit found that he had misused a fund for repairs.\n";
        assert!(findings(&[&c, d]).is_empty());
    }

    /// Clauses that say the same thing in words of their own are compared
    /// whatever their sentences' alignment; two shared words are not
    /// enough ("sent a letter" to a committee and to staff).
    #[test]
    fn a_clause_restated_in_another_sentence_is_compared() {
        let a = "Wedding plans\n\nThe singer and the painter, who met on a film set in Prague, kept their friends guessing for months, but the couple's marriage license expired on Thursday, as a gossip site revealed. The singer announced the engagement at a festival in Vienna last spring.\n";
        let b = "Wedding plans\n\nCounty records show that the marriage license of the pair expired Saturday before any ceremony took place. The singer announced the engagement at a festival in Vienna last spring.\n";
        let found = findings(&[a, b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Thursday"),
            "{}",
            found[0].summary
        );
        let c = "Farewell\n\nJust hours after the agency sent a letter Tuesday to the budget committee clarifying its figures, the director was fired. The board named an acting director from its own ranks.\n";
        let d = "Farewell\n\nThe director, who learned of the decision from television, sent a farewell letter to agency staff on Wednesday. The board named an acting director from its own ranks.\n";
        assert!(findings(&[c, d]).is_empty());
    }

    /// A date that opens its sentence dates the main clause, past a
    /// subordinate clause between commas; another main clause is another
    /// event.
    #[test]
    fn a_fronted_date_dates_the_main_clause() {
        let story = "The girl, who cannot be named because she is a minor, attacked the student with battery acid while he was drinking with friends at a tavern in Cork village, near Hazyview, on January 17.";
        let link = "The student was treated for burns at a hospital in Nelspruit, the police said.";
        let a = format!("Tavern\n\n{story} {link}\n");
        let fronted = |main: &str| {
            format!(
                "Tavern\n\nAccording to the news agency, on January 20, after a video of the pair had spread online, {main}. {link}\n"
            )
        };
        let b = fronted(
            "she went to a tavern in Cork village, close to Hazyview, where he was drinking with friends",
        );
        let found = findings(&[&a, &b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let c = fronted("the police of Mpumalanga opened an inquiry into the school");
        assert!(findings(&[&a, &c]).is_empty());
    }

    #[test]
    fn a_plan_and_what_happened_are_not_compared() {
        let a = "Release\nPublished March 8, 2025\n\nThe hostages held in Kessel will be freed by the militia on March 10, 2025.\n";
        let b = "Release\nPublished March 12, 2025\n\nThe hostages held in Kessel were freed by the militia on March 11, 2025.\n";
        assert!(findings(&[a, b]).is_empty());
    }

    #[test]
    fn an_overlapping_range_is_quiet() {
        let a = "Release\nPublished March 12, 2025\n\nThe hostages held in Kessel were freed by the militia in early March.\n";
        let b = "Release\nPublished March 12, 2025\n\nThe hostages held in Kessel were freed by the militia on March 3, 2025.\n";
        assert!(findings(&[a, b]).is_empty());
    }

    #[test]
    fn articles_months_apart_are_a_change_over_time() {
        let b = truce_b("March 9, 2025").replace("March 12, 2025", "July 30, 2025");
        let found = findings(&[TRUCE_A, &b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].change_over_time);
        assert_eq!(found[0].severity, Severity::Low);
    }

    #[test]
    fn argument_order_does_not_change_the_finding() {
        let b = truce_b("March 9, 2025");
        let run = |files: [(&str, &str); 2]| -> Vec<(String, String)> {
            let articles = files
                .iter()
                .map(|(path, text)| crate::ingest::read_str(path, text).unwrap())
                .collect();
            let a = analyze(articles, Kb::builtin(), &Options::default());
            a.findings
                .iter()
                .filter(|f| f.kind == FindingKind::DateConflict)
                .map(|f| (f.id.clone(), quotes(&a, f)[0].clone()))
                .collect()
        };
        let forward = run([("x.txt", TRUCE_A), ("y.txt", &b)]);
        assert_eq!(forward.len(), 1);
        assert_eq!(forward, run([("y.txt", &b), ("x.txt", TRUCE_A)]));
    }

    #[test]
    fn sample_story_has_only_the_planted_weekday() {
        let a = analyze(
            crate::samples::articles().unwrap(),
            Kb::builtin(),
            &Options::default(),
        );
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = found[0];
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.evidence[0].article, 0);
        assert_eq!(quotes(&a, f)[0], "Saturday, January 19");
        assert!(quotes(&a, f).contains(&"Sunday, January 19".to_string()));
        assert_eq!(f.suggestion.as_deref(), Some("Sunday, January 19"));
    }

    // Undated articles: the weekday or the month and day are compared.
    const FERRY_A: &str = "Ferry strike ends\n\n\
        The dock workers' strike at the Varn ferry terminal ended on Thursday after the union accepted the pay offer. \
        Crossings to the islands resumed within hours.\n";

    fn ferry_b(when: &str) -> String {
        format!(
            "Varn ferries sail again\n\n\
             The dock workers' strike at the Varn ferry terminal ended on {when} after the union accepted the pay offer. \
             Passengers queued at the quay from early morning.\n"
        )
    }

    #[test]
    fn undated_articles_with_another_weekday_for_one_event() {
        let b = ferry_b("Saturday");
        let a = analysis(&[FERRY_A, &b]);
        let found = of_kind(&a, FindingKind::DateConflict);
        assert_eq!(found.len(), 1, "{found:#?}");
        let mut q = quotes(&a, found[0]);
        q.sort();
        assert_eq!(q, ["Saturday", "Thursday"]);
        assert!(findings(&[FERRY_A, &ferry_b("Thursday")]).is_empty());
    }

    #[test]
    fn undated_month_and_day_without_a_year_are_compared() {
        let a = FERRY_A.replace("on Thursday", "on Nov. 12");
        let found = findings(&[&a, &ferry_b("November 15")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("November 12"),
            "{}",
            found[0].summary
        );
        assert!(findings(&[&a, &ferry_b("November 12")]).is_empty());
    }

    #[test]
    fn undated_weekdays_of_other_events_or_plans_are_quiet() {
        // Another event in a like sentence.
        let other = "Varn ferries\n\n\
            The dock workers' strike at the Varn ferry terminal began on Saturday after the union rejected the pay offer.\n";
        assert!(findings(&[FERRY_A, other]).is_empty());
        // What is still to come against what happened.
        let plan = "Varn ferries\n\n\
            The dock workers' strike at the Varn ferry terminal will end on Saturday if the union accepts the pay offer.\n";
        assert!(findings(&[FERRY_A, plan]).is_empty());
    }

    #[test]
    fn weekdays_of_articles_weeks_apart_are_quiet() {
        let a = FERRY_A.replace(
            "Ferry strike ends\n",
            "Ferry strike ends\nPublished March 6, 2025\n",
        );
        let b = ferry_b("Saturday").replace(
            "Varn ferries sail again\n",
            "Varn ferries sail again\nPublished April 17, 2025\n",
        );
        // Dated, each weekday resolves to a day of its own week.
        assert!(findings(&[&a, &b]).iter().all(|f| f.change_over_time));
        // One dated, one not: the weekday of a dated day still compares,
        // but not across weeks.
        let undated = ferry_b("Saturday");
        let a_far = FERRY_A.replace("on Thursday", "on Thursday, March 6, 2025");
        assert_eq!(findings(&[&a_far, &undated]).len(), 1);
    }

    /// A post quoted by two articles, its byline dated differently: the
    /// date's clause holds only names, which say nothing against one
    /// statement told in the same words. Two posts of one writer are two
    /// statements, however alike their bylines; a byline on its own
    /// after the post's text is that post's (see `posts::byline`).
    #[test]
    fn a_quoted_post_with_two_dates_is_one_statement() {
        let story = |post: &str, date: &str| {
            format!(
                "Phone seams\n\nOwners say the new phone pulls their hair. {post}— Ann Lewin (@annlewin) {date}\n\nThe maker has not commented.\n"
            )
        };
        let seam = "The seam on my new phone keeps catching my hair ";
        let a = story(seam, "October 6, 2014");
        let found = findings(&[&a, &story(seam, "October 9, 2014")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(findings(&[&a, &story(seam, "October 6, 2014")]).is_empty());
        // Another post: another text before the byline.
        let other = story(
            "Back to my old phone until they fix it, sadly ",
            "October 9, 2014",
        );
        assert!(findings(&[&a, &other]).is_empty());
        // A byline set apart from the text of the post it ends.
        let byline = |date: &str| story(&format!("{}. ", seam.trim()), date);
        let found = findings(&[&byline("October 6, 2014"), &byline("October 9, 2014")]);
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// An undated article's window starts at the latest date it
    /// mentions: two such articles, one mentioning only an old date, are
    /// not known to be written weeks apart, and one statement told twice
    /// with two weekdays is compared; a like sentence of another event is
    /// not one statement, and stays apart as before.
    #[test]
    fn one_statement_told_twice_in_articles_not_known_apart_is_compared() {
        let a = FERRY_A.replace(
            "Crossings to the islands",
            "The terminal was opened in May 2009. Crossings to the islands",
        );
        let b = |when: &str, verb: &str| {
            ferry_b(when)
                .replace("ended on", &format!("{verb} on"))
                .replace(
                    "Passengers queued",
                    "Talks had opened on March 2, 2025. Passengers queued",
                )
        };
        let found = findings(&[&a, &b("Saturday", "ended")]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(findings(&[&a, &b("Thursday", "ended")]).is_empty());
        // Another event told in like words: not one statement.
        let other = b("Saturday", "began").replace("accepted", "rejected");
        assert!(findings(&[&a, &other]).is_empty());
    }

    /// Two dates of one statement told twice in undated articles: each
    /// article mentions its own date, so neither is known to be written
    /// after the later one, nor before it; they are compared. An article
    /// known to be written between the two dates speaks of the later one
    /// as still to come, and is left alone.
    #[test]
    fn one_statement_told_twice_with_two_days_in_undated_articles() {
        let a = FERRY_A.replace("on Thursday", "on March 12, 2025");
        let b = ferry_b("March 14, 2025");
        let found = findings(&[&a, &b]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(findings(&[&a, &ferry_b("March 12, 2025")]).is_empty());
        let written_between = a.replace(
            "Ferry strike ends\n",
            "Ferry strike ends\nPublished March 13, 2025\n",
        );
        assert!(findings(&[&written_between, &b]).is_empty());
    }

    #[test]
    fn a_weekday_with_an_unknown_year_is_not_checked() {
        // Undated: 23 September fell on a Tuesday in 2014 and on a Monday in
        // 2013; the year is not written, so nothing can be checked.
        let text = "Fair opens\n\nThe harvest fair opened on Tuesday, September 23, in the old market hall.\n";
        assert!(findings(&[text]).is_empty());
        // With a written year the weekday is checked.
        let text = "Fair opens\n\nThe harvest fair opened on Tuesday, September 23, 2013, in the old market hall.\n";
        assert_eq!(findings(&[text]).len(), 1);
    }

    #[test]
    fn a_surname_may_is_not_a_month() {
        let text =
            "Vote\n\nTheresa May 12 times refused to answer; the vote on May 12 went ahead.\n";
        let a = analysis(&[text]);
        let dates: Vec<&str> = a.articles[0]
            .mentions
            .iter()
            .filter(|m| date_value(m).is_some())
            .map(|m| &a.articles[0].article.text[m.range.clone()])
            .collect();
        assert_eq!(dates, ["May 12"]);
        let m = a.articles[0]
            .mentions
            .iter()
            .find(|m| date_value(m).is_some())
            .unwrap();
        assert!(m.range.start > text.find("vote").unwrap());
        let d = date_value(m).unwrap();
        assert_eq!((d.from, d.month_day), (None, Some((5, 12))));
    }

    #[test]
    fn a_plan_in_another_clause_does_not_hide_the_conflict() {
        // "will" belongs to the clause after "though", not to the date's.
        let b = ferry_b("Saturday").replace(
            "after the union accepted the pay offer.",
            "after the union accepted the pay offer, though talks will continue.",
        );
        assert_eq!(findings(&[FERRY_A, &b]).len(), 1);
        // A negated clause is another statement.
        let c = ferry_b("Saturday").replace("ended on", "had not ended on");
        assert!(findings(&[FERRY_A, &c]).is_empty());
    }

    /// One article dating an event twice against two that agree on another
    /// day is one disagreement, with every mention as evidence; a third
    /// article agreeing with the lone one leaves nothing to report.
    #[test]
    fn one_event_disputed_between_several_mentions_is_one_finding() {
        let thursday = school(
            "Harbour master Tom Reid was found dead at his home in Kermit on Thursday, police said. Tom Reid was found dead on Thursday after neighbours called the police.",
        );
        let wednesday = school(
            "Harbour master Tom Reid was found dead at his home in Kermit on Wednesday, police said.",
        );
        let found = findings(&[&thursday, &wednesday, &wednesday]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].evidence.len(), 4, "{found:#?}");
        assert!(findings(&[&thursday, &thursday]).is_empty());
    }
}
