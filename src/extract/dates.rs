//! Dates and times in running text: absolute ("May 11th, 2025"), relative
//! and resolved against the publication date ("on Sunday", "mid-May",
//! "over the past 48 hours"), and counted from a KB event ("in its
//! twentieth month").

use jiff::civil::{Date, Weekday};

use super::words::{self, month, weekday};
use super::{Context, DateValue, Mention, MentionKind, Precision, Sentence, Value};
use crate::text::tokens::{Kind, Token, tokenize};

const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The English name of a date's weekday.
#[must_use]
pub fn weekday_name(date: Date) -> &'static str {
    WEEKDAY_NAMES[date.weekday().to_monday_zero_offset() as usize]
}

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

fn last_day(year: i16, m: i8) -> Option<Date> {
    Date::new(year, m, 1).ok().map(Date::last_of_month)
}

/// Words that may stand before a bare month or year ("in May", "since 2023").
const MONTH_LEADS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "of",
    "last",
    "next",
    "this",
    "through",
    "from",
    "before",
    "after",
    "throughout",
    "end",
    "beginning",
];

/// Time zones and words that may follow a time or close a date line.
const ZONES: &[&str] = &[
    "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cet", "cest", "bst", "ist",
    "idt", "ast", "msk", "eet", "eest", "z",
];

/// An absolute date found at a token.
struct Found {
    from: Date,
    to: Date,
    precision: Precision,
    end: usize,
    weekday: Option<String>,
}

fn number(s: &Sentence, i: usize) -> Option<i64> {
    let t = s.tokens.get(i)?;
    if t.kind != Kind::Number {
        return None;
    }
    let w = s.word(i).to_ascii_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.contains([',', '.', ':']) || digits.len() > 4 {
        return None;
    }
    digits.parse().ok()
}

fn year(s: &Sentence, i: usize) -> Option<i16> {
    let n = number(s, i).filter(|n| (1900..=2100).contains(n))?;
    (s.word(i).len() == 4).then_some(n as i16)
}

fn day(s: &Sentence, i: usize) -> Option<i8> {
    // A day is not the hour of "11:30" nor the start of "11,000".
    number(s, i)
        .filter(|n| (1..=31).contains(n))
        .map(|n| n as i8)
}

/// The year to give a month and day written without one: the one that puts
/// it nearest the publication date.
fn nearest_year(published: Option<Date>, m: i8, d: i8) -> Option<Date> {
    let p = published?;
    [p.year() - 1, p.year(), p.year() + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, m, d).ok())
        .min_by_key(|c| {
            c.since(p)
                .map_or(i64::MAX, |s| i64::from(s.get_days()).abs())
        })
}

/// "May 11th, 2025", "11 May 2025", "May 2025", "February 15", "2025-05-11".
fn absolute(s: &Sentence, i: usize, published: Option<Date>) -> Option<Found> {
    if let Some(found) = iso(s, i) {
        return Some(found);
    }
    let (m, d, mut end) = if let Some(m) = month_at(s, i) {
        match day(s, i + 1) {
            Some(d) if !s.is(i + 2, &[":"]) => (m, Some(d), i + 2),
            _ => (m, None, i + 1),
        }
    } else {
        let d = day(s, i)?;
        let of = usize::from(s.is(i + 1, &["of"]));
        let m = month_at(s, i + 1 + of)?;
        (m, Some(d), i + 2 + of)
    };
    let comma = usize::from(s.is(end, &[","]));
    let y = year(s, end + comma);
    if y.is_some() {
        end += comma + 1;
    }
    let (from, to, precision) = match (d, y) {
        (Some(d), Some(y)) => {
            let date = Date::new(y, m, d).ok()?;
            (date, date, Precision::Day)
        }
        (Some(d), None) => {
            let date = nearest_year(published, m, d)?;
            (date, date, Precision::Day)
        }
        (None, Some(y)) => (Date::new(y, m, 1).ok()?, last_day(y, m)?, Precision::Month),
        (None, None) => return None,
    };
    Some(Found {
        from,
        to,
        precision,
        end,
        weekday: None,
    })
}

/// A month name that is really a month: "May" must be capitalised.
fn month_at(s: &Sentence, i: usize) -> Option<i8> {
    let w = s.word(i);
    let m = month(w)?;
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    capital.then_some(m)
}

fn iso(s: &Sentence, i: usize) -> Option<Found> {
    let y = year(s, i)?;
    let t = &s.tokens;
    let adjacent = |a: usize| t.get(a + 1).is_some_and(|n| n.start == t[a].end);
    if !(adjacent(i) && adjacent(i + 1) && adjacent(i + 2) && adjacent(i + 3)) {
        return None;
    }
    if !(s.is(i + 1, &["-"]) && s.is(i + 3, &["-"])) {
        return None;
    }
    let m = number(s, i + 2).filter(|m| (1..=12).contains(m))? as i8;
    let d = number(s, i + 4).filter(|d| (1..=31).contains(d))? as i8;
    let date = Date::new(y, m, d).ok()?;
    Some(Found {
        from: date,
        to: date,
        precision: Precision::Day,
        end: i + 5,
        weekday: None,
    })
}

/// "Sunday, May 11, 2025": the weekday is kept so it can be checked.
fn weekday_then_date(s: &Sentence, i: usize, published: Option<Date>) -> Option<Found> {
    weekday(s.word(i))?;
    let comma = usize::from(s.is(i + 1, &[","]));
    let mut found = absolute(s, i + 1 + comma, published)?;
    (found.precision == Precision::Day).then_some(())?;
    found.weekday = Some(WEEKDAY_NAMES[weekday(s.word(i))?].to_string());
    Some(found)
}

/// A time of day: "6:30 PM", "06:29 GMT", "5 p.m. ET", "18:30 local time".
fn time(s: &Sentence, i: usize) -> Option<(String, usize)> {
    let w = s.word(i);
    if s.tokens.get(i)?.kind != Kind::Number {
        return None;
    }
    let (h, m) = match w.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?),
        None if s.is(i + 1, &["a.m.", "p.m.", "am", "pm"]) => (w.parse::<u8>().ok()?, 0),
        _ => return None,
    };
    let mut end = i + 1;
    let mut hour = h;
    if s.is(end, &["a.m.", "am"]) {
        hour %= 12;
        end += 1;
    } else if s.is(end, &["p.m.", "pm"]) {
        hour = hour % 12 + 12;
        end += 1;
    }
    if hour > 23 || m > 59 {
        return None;
    }
    if s.is(end, &["local"]) && s.is(end + 1, &["time"]) {
        end += 2;
    } else if s.is(end, ZONES) {
        end += 1;
    }
    Some((format!("{hour:02}:{m:02}"), end))
}

pub fn extract(s: &mut Sentence, ctx: &Context, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < s.tokens.len() {
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

/// The date expression starting at token `i`: first and last token and value.
fn read_at(s: &Sentence, i: usize, ctx: &Context) -> Option<(usize, usize, DateValue)> {
    let p = ctx.published;
    // A month and day without a year take the year nearest the publication
    // date, or, undated, nearest the window the article points to.
    let anchor = p.or(ctx.year_hint);
    if let Some(f) = weekday_then_date(s, i, anchor).or_else(|| absolute_with_context(s, i, anchor))
    {
        let mut v = day_value(Some(f.from), Some(f.to), f.precision);
        v.weekday = f.weekday;
        let mut last = f.end - 1;
        if let Some((t, end)) = time_after(s, f.end) {
            v.time = Some(t);
            last = end - 1;
        }
        return Some((i, last, v));
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

/// An absolute date, or a bare month after "in", "since", ….
fn absolute_with_context(s: &Sentence, i: usize, p: Option<Date>) -> Option<Found> {
    let found = absolute(s, i, p)?;
    let bare_month = found.end == i + 1 && month_at(s, i).is_some();
    if bare_month {
        // "May" alone is a verb more often than a month.
        let led = i > 0 && s.is(i - 1, MONTH_LEADS);
        if !led {
            return None;
        }
    }
    Some(found)
}

/// A time after a date: "May 11th, 2025 - 06:29 GMT", "… at 6:30 PM".
fn time_after(s: &Sentence, end: usize) -> Option<(String, usize)> {
    let skip = usize::from(s.is(end, &["-", ",", "at", "\u{2013}", "|"]));
    time(s, end + skip)
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
    let w = s.lower(i);
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words.iter().position(|x| *x == w).map(|k| k as i64 + 1)
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
    let table = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(k) = table.iter().position(|x| *x == w) {
        return Some((k as i64 + 1, true));
    }
    if let Some((tens, unit)) = w.split_once('-') {
        let t = ["twenty", "thirty", "forty", "fifty"]
            .iter()
            .position(|x| *x == tens)? as i64;
        let u = table[..9].iter().position(|x| *x == unit)? as i64;
        return Some(((t + 2) * 10 + u + 1, true));
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
    const WAR: &[&str] = &["war", "conflict", "operation"];
    const TRUCE: &[&str] = &["ceasefire", "agreement"];
    let of = s.is(after, &["of"]);
    let the = usize::from(s.is(after + 1, &["the", "this", "a"]));
    let candidates: Vec<usize> = if of {
        vec![after + 1 + the]
    } else {
        (i.saturating_sub(10)..i).rev().collect()
    };
    candidates.into_iter().find_map(|k| {
        let w = s.lower(k);
        match w.trim_end_matches('s') {
            "war" | "conflict" | "fighting" | "offensive" | "campaign" | "operation"
            | "invasion" => Some(WAR),
            "truce" | "ceasefire" | "cease-fire" | "deal" | "agreement" => Some(TRUCE),
            _ => None,
        }
    })
}

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

/// "in 2023", "since 2019".
fn year_alone(s: &Sentence, i: usize) -> Option<(usize, usize, DateValue)> {
    let y = year(s, i)?;
    let led = i > 0 && s.is(i - 1, MONTH_LEADS);
    if !led
        || s.tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Word && !words::is_stop(s.word(i + 1)))
    {
        return None;
    }
    let v = day_value(
        Date::new(y, 1, 1).ok(),
        Date::new(y, 12, 31).ok(),
        Precision::Year,
    );
    Some((i, i, v))
}

/// Reads a line that only states a date, as news sites print them:
/// "Published May 11th, 2025 - 06:29 GMT", "Updated: 2025-05-11",
/// "Sunday, 11 May 2025". Returns the date and whether it was an update.
#[must_use]
pub fn parse_date_line(line: &str) -> Option<(Date, bool)> {
    let mut tokens: Vec<Token> = Vec::new();
    tokenize(line, 0..line.len(), &mut tokens);
    if tokens.is_empty() || tokens.len() > 20 {
        return None;
    }
    let s = Sentence::new(line, 0, &tokens, Vec::new());
    let mut i = 0;
    let mut updated = false;
    while i < s.tokens.len()
        && s.is(
            i,
            &[
                "published",
                "updated",
                "posted",
                "last",
                "first",
                "date",
                "on",
                ":",
                "|",
                "-",
                "modified",
            ],
        )
    {
        updated |= s.is(i, &["updated", "modified"]);
        i += 1;
    }
    let found = weekday_then_date(&s, i, None).or_else(|| absolute(&s, i, None))?;
    if found.precision != Precision::Day {
        return None;
    }
    let mut j = found.end;
    if let Some((_, end)) = time_after(&s, j) {
        j = end;
    }
    let rest_is_furniture = (j..s.tokens.len()).all(|k| {
        s.tokens[k].kind == Kind::Punct || s.is(k, ZONES) || s.tokens[k].kind == Kind::Number
    });
    rest_is_furniture.then_some((found.from, updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        let d = jiff::civil::date(2025, 5, 11);
        assert_eq!(
            parse_date_line("Published May 11th, 2025 - 06:29 GMT"),
            Some((d, false))
        );
        assert_eq!(parse_date_line("Updated: 2025-05-11"), Some((d, true)));
        assert_eq!(parse_date_line("Sunday, 11 May 2025"), Some((d, false)));
        assert_eq!(parse_date_line("May 11, 2025"), Some((d, false)));
        assert_eq!(parse_date_line("May 11, 2025: talks resume in Doha"), None);
        assert_eq!(
            parse_date_line("Hamas said on May 11, 2025 that it would talk"),
            None
        );
        assert_eq!(parse_date_line("February 30, 2025"), None);
    }
}
