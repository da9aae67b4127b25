//! Dates and times in running text: absolute ("May 11th, 2025"), relative
//! and resolved against the publication date ("on Sunday", "mid-May",
//! "over the past 48 hours"), and counted from a KB event ("in its
//! twentieth month"). The grammar of absolute dates and times it shares
//! with reading a page's date line is in `crate::text::dates`.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use rustc_hash::FxHashSet;

use super::{Context, DateValue, Mention, MentionKind, Precision, Sentence, Value};
use super::{numbers, words};
use crate::lexicon::Lexicon;
use crate::text::dates::{
    Found, WEEKDAY_NAMES, absolute, add_days, last_day, month, month_at, month_leads, nearest_year,
    number, time, time_after, weekday, weekday_then_date, year, year_determiners,
};
use crate::text::tokens::Kind;

pub fn extract(s: &mut Sentence, ctx: &Context, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < s.tokens.len() {
        if !may_start(s, i) {
            i += 1;
            continue;
        }
        let next = read_at(s, i, ctx);
        match next {
            Some((first, last, value)) => {
                out.push(Mention {
                    kind: MentionKind::Date,
                    range: s.span(first, last),
                    sentence: s.index,
                    value: Value::Date(value),
                });
                s.take(first, last);
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

fn day_value(from: Option<Date>, to: Option<Date>, precision: Precision) -> DateValue {
    DateValue {
        from,
        to,
        precision,
        time: None,
        weekday: None,
        relative: false,
        basis: None,
        month_day: None,
    }
}

fn relative(
    from: Option<Date>,
    to: Option<Date>,
    precision: Precision,
    published: Option<Date>,
) -> DateValue {
    DateValue {
        relative: true,
        basis: published.map(|p| format!("publication date {p}")),
        ..day_value(from, to, precision)
    }
}

/// Whether a date expression may start at token `i`: a number, a month or
/// weekday name, a spelled count, or a word one of the forms of
/// [`read_at`] begins with. Most tokens are none of these, and each of them
/// would otherwise be tried against every form. A superset of what
/// `read_at` reads, never a subset: a word the forms compare ignoring
/// ASCII case is ASCII, so its lower case is one of these.
fn may_start(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    s.tokens[i].kind == Kind::Number
        || matches!(
            s.lower(i),
            // weekday_alone, deictic
            "last" | "next" | "this" | "past"
            // part_of_month
            | "early" | "mid" | "late"
            // span_before
            | "over" | "in" | "during" | "within" | "for" | "few" | "several"
            // deictic
            | "today" | "tonight" | "yesterday" | "tomorrow" | "earlier"
            // nth_period
            | "its" | "the"
        )
        || w.starts_with("mid-")
        || w.starts_with("Mid-")
        || month(w).is_some()
        || weekday(w).is_some()
        || numbers::cardinal(s.lower(i)).is_some()
}

/// The date expression starting at token `i`: first and last token and value.
fn read_at(s: &Sentence, i: usize, ctx: &Context) -> Option<(usize, usize, DateValue)> {
    let p = ctx.published;
    // A month and day without a year take the year nearest the publication
    // date. Undated, the year is not guessed (a window inferred from who
    // holds an office is too loose for it, and a weekday checked against a
    // guessed year is a false alarm): the month and day are kept alone.
    if let Some(f) = weekday_then_date(s, i, p).or_else(|| absolute_with_context(s, i, p)) {
        let mut v = day_value(Some(f.from), Some(f.to), f.precision);
        v.weekday = f.weekday;
        let mut last = f.end - 1;
        if let Some((t, end)) = time_after(s, f.end) {
            v.time = Some(t);
            last = end - 1;
        }
        return Some((i, last, v));
    }
    if p.is_none()
        && let Some(found) = yearless(s, i)
    {
        return Some(found);
    }
    if let Some((t, end)) = time(s, i) {
        let mut v = relative(p, p, Precision::Time, p);
        v.time = Some(t);
        return Some((i, end - 1, v));
    }
    if let Some(found) = weekday_alone(s, i, p) {
        return Some(found);
    }
    if let Some(found) = part_of_month(s, i, p) {
        return Some(found);
    }
    if let Some(found) = span_before(s, i, p) {
        return Some(found);
    }
    if let Some(found) = deictic(s, i, p) {
        return Some(found);
    }
    if let Some(found) = nth_period(s, i, ctx) {
        return Some(found);
    }
    year_alone(s, i)
}

/// A month and day without a year in an undated article ("Tuesday,
/// September 23", "Aug. 27"): the year is unknown, the month and day kept.
fn yearless(s: &Sentence, i: usize) -> Option<(usize, usize, DateValue)> {
    // Any anchor places the month and day; the year is then dropped.
    let anchor = Date::new(2000, 7, 1).ok();
    let f = weekday_then_date(s, i, anchor).or_else(|| absolute_with_context(s, i, anchor))?;
    if f.precision != Precision::Day {
        return None;
    }
    let mut v = day_value(None, None, Precision::Day);
    v.weekday = f.weekday;
    v.month_day = Some((f.from.month(), f.from.day()));
    let mut last = f.end - 1;
    if let Some((t, end)) = time_after(s, f.end) {
        v.time = Some(t);
        last = end - 1;
    }
    Some((i, last, v))
}

/// An absolute date, or a bare month after "in", "since", ….
fn absolute_with_context(s: &Sentence, i: usize, p: Option<Date>) -> Option<Found> {
    // "Theresa May", "Brian May": a month name after a given name is a
    // surname.
    if i > 0 && month_at(s, i).is_some() && words::is_given_name(s.word(i - 1)) {
        return None;
    }
    let found = absolute(s, i, p)?;
    let bare_month = found.end == i + 1 && month_at(s, i).is_some();
    if bare_month {
        // "May" alone is a verb more often than a month.
        let led = i > 0 && s.is(i - 1, month_leads());
        if !led {
            return None;
        }
    }
    Some(found)
}

/// Whether the sentence speaks of what is still to come.
fn future(s: &Sentence) -> bool {
    (0..s.tokens.len()).any(|i| {
        s.is(
            i,
            &[
                "will",
                "next",
                "upcoming",
                "scheduled",
                "expected",
                "plans",
                "planned",
            ],
        )
    })
}

/// "on Sunday", "last Sunday", "Sunday night": the latest such day on or
/// before publication, or the next one when the sentence looks ahead.
fn weekday_alone(s: &Sentence, i: usize, p: Option<Date>) -> Option<(usize, usize, DateValue)> {
    let (first, modifier) = if s.is(i, &["last", "next", "this", "past"]) {
        (i, Some(s.lower(i)))
    } else {
        (i, None)
    };
    let wd_tok = if modifier.is_some() { i + 1 } else { i };
    let wd = weekday(s.word(wd_tok))?;
    if !s
        .word(wd_tok)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        || crate::text::dates::in_named_day(s, wd_tok)
    {
        return None;
    }
    let mut last = wd_tok;
    if s.is(last + 1, &["night", "morning", "evening", "afternoon"]) {
        last += 1;
    }
    let target = Weekday::from_monday_zero_offset(wd as i8).ok()?;
    let date = p.and_then(|p| {
        let back = i64::from(
            (p.weekday().to_monday_zero_offset() - target.to_monday_zero_offset()).rem_euclid(7),
        );
        match modifier {
            Some("next") => add_days(p, if back == 0 { 7 } else { 7 - back }),
            Some("last" | "past") => add_days(p, if back == 0 { -7 } else { -back }),
            _ if future(s) && back != 0 => add_days(p, 7 - back),
            _ => add_days(p, -back),
        }
    });
    let mut v = relative(date, date, Precision::Day, p);
    v.weekday = Some(WEEKDAY_NAMES[wd].to_string());
    Some((first, last, v))
}

/// "mid-May", "early May", "late May", "end of May".
fn part_of_month(s: &Sentence, i: usize, p: Option<Date>) -> Option<(usize, usize, DateValue)> {
    let w = s.word(i);
    let (part, m, last) =
        if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("Mid-")) {
            ("mid", month(rest)?, i)
        } else if s.is(i, &["early", "mid", "late"]) {
            (
                if s.is(i, &["mid"]) {
                    "mid"
                } else if s.is(i, &["early"]) {
                    "early"
                } else {
                    "late"
                },
                month_at(s, i + 1)?,
                i + 1,
            )
        } else {
            return None;
        };
    let y = year(s, last + 1);
    let last = if y.is_some() { last + 1 } else { last };
    let y = y.or_else(|| nearest_year(p, m, 15).map(jiff::civil::Date::year));
    let (from, to) = match y {
        Some(y) => {
            let end = last_day(y, m)?;
            match part {
                "early" => (Date::new(y, m, 1).ok(), Date::new(y, m, 10).ok()),
                "mid" => (Date::new(y, m, 11).ok(), Date::new(y, m, 20).ok()),
                _ => (Date::new(y, m, 21).ok(), Some(end)),
            }
        }
        None => (None, None),
    };
    Some((i, last, relative(from, to, Precision::Range, p)))
}

/// "over the past 48 hours", "in the last two weeks", "three days ago".
fn span_before(s: &Sentence, i: usize, p: Option<Date>) -> Option<(usize, usize, DateValue)> {
    let lead = s.is(i, &["over", "in", "during", "within", "for"])
        && s.is(i + 1, &["the"])
        && s.is(i + 2, &["past", "last"]);
    let n_at = if lead { i + 3 } else { i };
    let (n, unit_at) = if s.is(n_at, &["few", "several"]) {
        (3, n_at + 1)
    } else {
        let n = count(s, n_at)?;
        (n, n_at + 1)
    };
    let days_per = match s.lower(unit_at).trim_end_matches('s') {
        "hour" => 0,
        "day" => 1,
        "week" => 7,
        "month" => 30,
        "year" => 365,
        _ => return None,
    };
    let ago = s.is(unit_at + 1, &["ago"]);
    if !lead && !ago {
        return None;
    }
    let back = if days_per == 0 {
        (n + 23) / 24
    } else {
        n * days_per
    };
    let last = if ago { unit_at + 1 } else { unit_at };
    let (from, to) = match p {
        Some(p) if ago => (add_days(p, -back), add_days(p, -back)),
        Some(p) => (add_days(p, -back), Some(p)),
        None => (None, None),
    };
    let precision = if ago && days_per <= 1 {
        Precision::Day
    } else {
        Precision::Range
    };
    Some((i, last, relative(from, to, precision, p)))
}

/// A small count in digits or words, for relative spans.
fn count(s: &Sentence, i: usize) -> Option<i64> {
    if let Some(n) = number(s, i) {
        return Some(n);
    }
    // One to twelve: "three days ago", "the past two weeks".
    numbers::cardinal(s.lower(i))
        .filter(|n| (1.0..=12.0).contains(n))
        .map(|n| n as i64)
}

/// "today", "yesterday", "last week", "this month", "in recent days".
fn deictic(s: &Sentence, i: usize, p: Option<Date>) -> Option<(usize, usize, DateValue)> {
    let one = |d: i64| p.and_then(|p| add_days(p, d));
    let w = s.lower(i);
    let single = match w {
        "today" | "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(d) = single {
        return Some((i, i, relative(one(d), one(d), Precision::Day, p)));
    }
    if s.is(i, &["in", "over"]) && s.is(i + 1, &["recent"]) && s.is(i + 2, &["days", "weeks"]) {
        let back = if s.is(i + 2, &["days"]) { -7 } else { -28 };
        return Some((i, i + 2, relative(one(back), one(0), Precision::Range, p)));
    }
    let (first, which) = if s.is(i, &["earlier"]) && s.is(i + 1, &["this"]) {
        (i, i + 1)
    } else if s.is(i, &["last", "this", "next"]) {
        (i, i)
    } else {
        return None;
    };
    let unit = s.lower(which + 1);
    let shift = match s.lower(which) {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let (from, to, precision) = match (unit, p) {
        ("night", Some(p)) if shift == -1 => (add_days(p, -1), add_days(p, -1), Precision::Day),
        ("week", Some(p)) => {
            let monday = add_days(p, -i64::from(p.weekday().to_monday_zero_offset()))?;
            let start = add_days(monday, 7 * shift)?;
            (Some(start), add_days(start, 6), Precision::Week)
        }
        ("month", Some(p)) => {
            let first = p
                .first_of_month()
                .checked_add(jiff::Span::new().months(shift))
                .ok()?;
            (Some(first), Some(first.last_of_month()), Precision::Month)
        }
        ("year", Some(p)) => {
            let y = p.year() + shift as i16;
            (
                Date::new(y, 1, 1).ok(),
                Date::new(y, 12, 31).ok(),
                Precision::Year,
            )
        }
        ("night" | "week" | "month" | "year", None) => (None, None, Precision::Range),
        _ => return None,
    };
    Some((first, which + 1, relative(from, to, precision, p)))
}

/// "in its twentieth month": counted from the start of the KB event the
/// article is about.
fn nth_period(s: &Sentence, i: usize, ctx: &Context) -> Option<(usize, usize, DateValue)> {
    if !(s.is(i, &["its", "the"])) {
        return None;
    }
    let (n, ordinal) = ordinal(s, i + 1)?;
    let _ = ordinal;
    let unit = s.lower(i + 2);
    if !matches!(unit, "month" | "week" | "year" | "day") {
        return None;
    }
    let kinds = subject_kinds(s, i, i + 3)?;
    let event = referent_event(ctx, kinds)?;
    let start = event.term.from;
    let span = |k: i64| match &*unit {
        "month" => jiff::Span::new().months(k),
        "week" => jiff::Span::new().weeks(k),
        "year" => jiff::Span::new().years(k),
        _ => jiff::Span::new().days(k),
    };
    let from = start.checked_add(span(n - 1)).ok()?;
    let to = add_days(start.checked_add(span(n)).ok()?, -1)?;
    let v = DateValue {
        relative: true,
        basis: Some(format!("{} began {}", event.name, event.term.from)),
        ..day_value(Some(from), Some(to), Precision::Range)
    };
    Some((i, i + 2, v))
}

fn ordinal(s: &Sentence, i: usize) -> Option<(i64, bool)> {
    let w = s.lower(i);
    // Words up to "twentieth", and "twenty-first" to "fifty-ninth".
    if let Some(n) = numbers::ordinal(w).filter(|n| *n <= 20.0) {
        return Some((n as i64, true));
    }
    if let Some((tens, unit)) = w.split_once('-') {
        let t = numbers::cardinal(tens).filter(|t| (20.0..=50.0).contains(t) && t % 10.0 == 0.0)?;
        let u = numbers::ordinal(unit).filter(|u| *u < 10.0)?;
        return Some(((t + u) as i64, true));
    }
    let digits = w
        .strip_suffix("th")
        .or_else(|| w.strip_suffix("st"))
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))?;
    digits
        .parse()
        .ok()
        .filter(|n| (1..=600).contains(n))
        .map(|n| (n, true))
}

/// What "its" refers to in "the conflict, which is in its twentieth month":
/// the KB event kinds the nearest preceding noun can name.
/// "the 16th day of the truce" names its subject after the unit.
fn subject_kinds(s: &Sentence, i: usize, after: usize) -> Option<&'static [&'static str]> {
    let of = s.is(after, &["of"]);
    let the = usize::from(s.is(after + 1, &["the", "this", "a"]));
    let candidates: Vec<usize> = if of {
        vec![after + 1 + the]
    } else {
        (i.saturating_sub(10)..i).rev().collect()
    };
    candidates.into_iter().find_map(|k| {
        let w = s.lower(k);
        let w = w.trim_end_matches('s');
        SUBJECTS
            .iter()
            .find(|(words, _)| words.contains(w))
            .map(|(_, kinds)| kinds.as_slice())
    })
}

/// Each subject's words, and the KB event kinds they name
/// (`event-subjects.txt`).
static SUBJECTS: LazyLock<Vec<(FxHashSet<&'static str>, Vec<&'static str>)>> =
    LazyLock::new(|| {
        let lex = Lexicon::parse(include_str!("../../assets/lexicon/event-subjects.txt"));
        lex.sections
            .iter()
            .map(|s| {
                let list = |label| s.group(label).map_or(Vec::new(), |g| g.entries.clone());
                (list("words").into_iter().collect(), list("kinds"))
            })
            .collect()
    });

/// The KB event of one of `kinds` the article is most about: the one whose
/// keywords it uses most, among those under way at publication (or any,
/// undated).
fn referent_event<'k>(ctx: &Context<'k>, kinds: &[&str]) -> Option<&'k crate::kb::Event> {
    let anchor = ctx.published.or(ctx.year_hint);
    ctx.kb
        .events
        .iter()
        .filter(|e| kinds.contains(&e.kind))
        .filter(|e| anchor.is_none_or(|p| e.term.contains(p)))
        .map(|e| {
            let named = std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .any(|a| contains_word(&ctx.folded, &crate::text::fold(a)));
            let keywords = e
                .keywords
                .iter()
                .filter(|k| contains_word(&ctx.folded, k))
                .count();
            // Named outright beats keywords; then the kind the noun names
            // ("war" before "operation"); then the broader, earlier event.
            let rank = (
                named,
                keywords,
                e.kind == kinds[0],
                std::cmp::Reverse(e.term.from),
            );
            (rank, e)
        })
        .filter(|((named, n, _, _), _)| *named || *n > 0)
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, e)| e)
}

fn contains_word(haystack: &str, word: &str) -> bool {
    haystack
        .match_indices(word)
        .any(|(at, _)| crate::text::at_word_boundary(haystack, at, at + word.len()))
}

/// "in 2023", "since 2019", "in 2012 offered"; "a 2008 sermon", "the
/// 2012 election". Before a plural the number counts ("in 2000 homes",
/// "the 1500 troops"), and after an article a year must name a noun.
fn year_alone(s: &Sentence, i: usize) -> Option<(usize, usize, DateValue)> {
    let y = year(s, i)?;
    let next = s.tokens.get(i + 1).filter(|t| t.kind == Kind::Word);
    // "the 1920s" is a decade, not the year 1920.
    if next.is_some_and(|t| t.start == s.tokens[i].end) {
        return None;
    }
    let next = next.map(|_| s.word(i + 1));
    if next.is_some_and(words::is_plural) {
        return None;
    }
    let led = i > 0 && s.is(i - 1, month_leads());
    let names_one =
        i > 0 && s.is(i - 1, year_determiners()) && next.is_some_and(|w| !words::is_stop(w));
    if !led && !names_one {
        return None;
    }
    let v = day_value(
        Date::new(y, 1, 1).ok(),
        Date::new(y, 12, 31).ok(),
        Precision::Year,
    );
    Some((i, i, v))
}
