//! The date grammar that reading an article's page and reading its
//! sentences share: month and weekday names, absolute dates ("May 11th,
//! 2025", "2025-05-11"), times of day, and the date line a page prints
//! under its headline. A leaf: it reads tokens and `assets/lexicon/
//! calendar.txt`, and knows nothing of mentions or pages.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Serialize;

use super::tokens::{Kind, Token, Words, tokenize};
use crate::lexicon::Lexicon;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Time,
    Day,
    Week,
    Month,
    Year,
    Range,
}

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The sections of `calendar.txt`, each in file order.
struct Calendar {
    months: Vec<&'static str>,
    month_leads: Vec<&'static str>,
    year_determiners: Vec<&'static str>,
    zones: Vec<&'static str>,
    date_line_leads: Vec<&'static str>,
    /// Each a phrase's lower-cased words.
    named_days: Vec<Vec<&'static str>>,
    day_ends: Vec<&'static str>,
    day_starts: Vec<&'static str>,
}

static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/calendar.txt"));
    let section = |name: &str| -> Vec<&'static str> {
        lex.section(name)
            .unwrap_or_else(|| panic!("calendar.txt has a [{name}] section"))
            .entries()
            .collect()
    };
    Calendar {
        months: section("months"),
        month_leads: section("month leads"),
        year_determiners: section("year determiners"),
        zones: section("zones"),
        date_line_leads: section("date line leads"),
        named_days: section("named days")
            .into_iter()
            .map(|p| p.split_whitespace().collect())
            .collect(),
        day_ends: section("day ends"),
        day_starts: section("day starts"),
    }
});

/// Whether a word next to a date places it at the end of that day
/// ("night", "late"), from `calendar.txt`.
#[must_use]
pub fn ends_the_day(word: &str) -> bool {
    CALENDAR
        .day_ends
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a word next to a date places it at the start of that day
/// ("early", "morning").
#[must_use]
pub fn starts_the_day(word: &str) -> bool {
    CALENDAR
        .day_starts
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the weekday at token `i` is part of a name that dates nothing
/// ("the Mail on Sunday", "Good Friday"): each listed phrase is tried at
/// every place its weekday could stand.
#[must_use]
pub fn in_named_day(s: &Words, i: usize) -> bool {
    CALENDAR.named_days.iter().any(|phrase| {
        phrase.iter().enumerate().any(|(k, w)| {
            weekday(w).is_some()
                && i >= k
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(j, p)| s.word(i - k + j).eq_ignore_ascii_case(p))
        })
    })
}

/// Words that may stand before a bare month or year ("in May", "since 2023").
#[must_use]
pub fn month_leads() -> &'static [&'static str] {
    &CALENDAR.month_leads
}

/// Words before a year that names which one of a singular noun ("a 2008
/// sermon").
#[must_use]
pub fn year_determiners() -> &'static [&'static str] {
    &CALENDAR.year_determiners
}

/// Time zones and words that may follow a time or close a date line.
#[must_use]
pub fn zones() -> &'static [&'static str] {
    &CALENDAR.zones
}

/// The English name of a date's weekday.
#[must_use]
pub fn weekday_name(date: Date) -> &'static str {
    WEEKDAY_NAMES[date.weekday().to_monday_zero_offset() as usize]
}

/// The month (1-12) a word names: "February", "Feb", "Feb.", "Sept".
#[must_use]
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 {
        return None;
    }
    // Most words are not months: every month begins with one of these.
    if !matches!(
        w.as_bytes()[0].to_ascii_lowercase(),
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    ) {
        return None;
    }
    let mut buf = [0u8; 9];
    buf[..w.len()].copy_from_slice(w.as_bytes());
    buf[..w.len()].make_ascii_lowercase();
    let Ok(w) = std::str::from_utf8(&buf[..w.len()]) else {
        return None;
    };
    let months = &CALENDAR.months;
    let i = months.iter().position(|m| {
        *m == w
            || (w.len() >= 3 && w.len() <= 4 && m.starts_with(w) && w != "mar"
                || w == "mar" && *m == "march")
    })?;
    // "Sept" is the one four-letter abbreviation in use.
    if w.len() == 4 && w != "sept" && months[i] != w {
        return None;
    }
    Some(i as i8 + 1)
}

/// The weekday (0 = Monday) a word names: "Sunday".
#[must_use]
pub fn weekday(word: &str) -> Option<usize> {
    WEEKDAY_NAMES
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
}

#[must_use]
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().days(days)).ok()
}

#[must_use]
pub fn last_day(year: i16, m: i8) -> Option<Date> {
    Date::new(year, m, 1).ok().map(Date::last_of_month)
}

/// An absolute date found at a token.
pub struct Found {
    pub from: Date,
    pub to: Date,
    /// `Day` or `Month`.
    pub precision: Precision,
    /// The token after the date.
    pub end: usize,
    pub weekday: Option<String>,
}

/// A number of at most four digits, with an ordinal suffix allowed.
#[must_use]
pub fn number(s: &Words, i: usize) -> Option<i64> {
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

#[must_use]
pub fn year(s: &Words, i: usize) -> Option<i16> {
    let n = number(s, i).filter(|n| (1900..=2100).contains(n))?;
    (s.word(i).len() == 4).then_some(n as i16)
}

fn day(s: &Words, i: usize) -> Option<i8> {
    // A day is not the hour of "11:30" nor the start of "11,000".
    number(s, i)
        .filter(|n| (1..=31).contains(n))
        .map(|n| n as i8)
}

/// The year to give a month and day written without one: the one that puts
/// it nearest the publication date.
#[must_use]
pub fn nearest_year(published: Option<Date>, m: i8, d: i8) -> Option<Date> {
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
#[must_use]
pub fn absolute(s: &Words, i: usize, published: Option<Date>) -> Option<Found> {
    if let Some(found) = iso(s, i) {
        return Some(found);
    }
    let (m, d, mut end) = if let Some(m) = month_at(s, i) {
        let after = i + 1 + abbreviation_dot(s, i);
        match day(s, after) {
            Some(d) if !s.is(after + 1, &[":"]) => (m, Some(d), after + 1),
            // "Dec. 2013": the year comes after the abbreviation's dot.
            _ => (m, None, after),
        }
    } else {
        let d = day(s, i)?;
        let of = usize::from(s.is(i + 1, &["of"]));
        let m = month_at(s, i + 1 + of)?;
        (m, Some(d), i + 2 + of + abbreviation_dot(s, i + 1 + of))
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

/// 1 when the month name at `i` is abbreviated and its dot follows it
/// ("Nov. 17", "15 Sept. 2014"): the tokenizer keeps the dot apart.
fn abbreviation_dot(s: &Words, i: usize) -> usize {
    let t = s.tokens;
    let short = s.word(i).len() <= 4;
    let dot = s.is(i + 1, &["."]) && t.get(i + 1).is_some_and(|d| d.start == t[i].end);
    usize::from(short && dot)
}

/// A month name that is really a month: "May" must be capitalised.
#[must_use]
pub fn month_at(s: &Words, i: usize) -> Option<i8> {
    let w = s.word(i);
    let m = month(w)?;
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    capital.then_some(m)
}

fn iso(s: &Words, i: usize) -> Option<Found> {
    let y = year(s, i)?;
    let t = s.tokens;
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
#[must_use]
pub fn weekday_then_date(s: &Words, i: usize, published: Option<Date>) -> Option<Found> {
    weekday(s.word(i))?;
    let comma = usize::from(s.is(i + 1, &[","]));
    let mut found = absolute(s, i + 1 + comma, published)?;
    (found.precision == Precision::Day).then_some(())?;
    found.weekday = Some(WEEKDAY_NAMES[weekday(s.word(i))?].to_string());
    Some(found)
}

/// A time of day: "6:30 PM", "06:29 GMT", "5 p.m. ET", "18:30 local time".
/// Returns it as "18:30" and the token after it.
#[must_use]
pub fn time(s: &Words, i: usize) -> Option<(String, usize)> {
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
    } else if s.is(end, zones()) {
        end += 1;
    }
    Some((format!("{hour:02}:{m:02}"), end))
}

/// A time after a date: "May 11th, 2025 - 06:29 GMT", "… at 6:30 PM".
#[must_use]
pub fn time_after(s: &Words, end: usize) -> Option<(String, usize)> {
    let skip = usize::from(s.is(end, &["-", ",", "at", "\u{2013}", "|"]));
    time(s, end + skip)
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
    let s = Words {
        text: line,
        tokens: &tokens,
    };
    let mut i = 0;
    let mut updated = false;
    while i < s.tokens.len() && s.is(i, &CALENDAR.date_line_leads) {
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
        s.tokens[k].kind == Kind::Punct || s.is(k, zones()) || s.tokens[k].kind == Kind::Number
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
        assert_eq!(
            parse_date_line("Nov. 11, 2014"),
            Some((jiff::civil::date(2014, 11, 11), false))
        );
        assert_eq!(
            parse_date_line("15 Sept. 2014"),
            Some((jiff::civil::date(2014, 9, 15), false))
        );
    }

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("February"), Some(2));
        assert_eq!(month("Feb."), Some(2));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(month("Mar"), Some(3));
        assert_eq!(month("Ma"), None);
        assert_eq!(month("Marc"), None);
        assert_eq!(month("mayor"), None);
        assert_eq!(CALENDAR.months.len(), 12);
    }
}
