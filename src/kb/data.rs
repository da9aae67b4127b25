//! The knowledge base as written in TOML: one `KbFile` per file.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer};

/// A KB date: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that much is
/// known (taken as the first day of the period, and marked partial).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct KbDate(pub Date, pub bool);

impl<'de> Deserialize<'de> for KbDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let partial = s.trim().len() < 10;
        parse_kb_date(&s)
            .map(|d| KbDate(d, partial))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{s}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
                ))
            })
    }
}

fn parse_kb_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize, default: i8| -> Option<i8> {
        parts.get(i).map_or(Some(default), |p| p.parse().ok())
    };
    if parts.len() > 3 || parts[0].len() != 4 {
        return None;
    }
    let year: i16 = parts[0].parse().ok()?;
    Date::new(year, num(1, 1)?, num(2, 1)?).ok()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbFile {
    pub meta: Option<MetaData>,
    #[serde(default)]
    pub country: Vec<CountryData>,
    #[serde(default)]
    pub person: Vec<PersonData>,
    #[serde(default)]
    pub office: Vec<OfficeData>,
    #[serde(default)]
    pub organization: Vec<OrganizationData>,
    #[serde(default)]
    pub place: Vec<PlaceData>,
    #[serde(default)]
    pub event: Vec<EventData>,
    #[serde(default)]
    pub ambiguous: Vec<AmbiguousData>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaData {
    pub as_of: Option<KbDate>,
    /// Where the file's facts come from (`kb update` names the query).
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryData {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub short: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonData {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub surname: Option<String>,
    /// The Wikidata item (`Q…`), in files `kb update` writes: for people
    /// who read the file; the loader needs nothing of it.
    #[allow(dead_code, reason = "read by people, not by the loader")]
    pub wikidata: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeData {
    pub id: String,
    pub title: String,
    pub country: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: Option<String>,
    /// Further kinds the office also is: `["head-of-government"]` for a
    /// president who heads the government.
    #[serde(default)]
    pub also: Vec<String>,
    pub single: Option<bool>,
    pub administration: Option<String>,
    pub government: Option<String>,
    /// The Wikidata item (`Q…`), in files `kb update` writes.
    #[allow(dead_code, reason = "read by people, not by the loader")]
    pub wikidata: Option<String>,
    /// This entry updates the office of the same id from an earlier file:
    /// its holders replace the earlier ones and its aliases are added.
    #[serde(default)]
    pub update: bool,
    #[serde(default)]
    pub holders: Vec<HolderData>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolderData {
    pub person: String,
    pub from: KbDate,
    pub to: Option<KbDate>,
    #[serde(default)]
    pub acting: bool,
    /// The holder's number in the series (Wikidata P1545): "46th President".
    /// Holders are ordered by date; the number is for people who read it.
    #[allow(dead_code, reason = "read by people, not by the loader")]
    pub ordinal: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationData {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceData {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub country: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventData {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub from: KbDate,
    pub to: Option<KbDate>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousData {
    pub alias: String,
    #[serde(default)]
    pub entities: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_take_the_first_day() {
        assert_eq!(
            parse_kb_date("2025-01-20"),
            Some(jiff::civil::date(2025, 1, 20))
        );
        assert_eq!(
            parse_kb_date("2025-05"),
            Some(jiff::civil::date(2025, 5, 1))
        );
        assert_eq!(parse_kb_date("2009"), Some(jiff::civil::date(2009, 1, 1)));
        assert_eq!(parse_kb_date("2025-02-30"), None);
        assert_eq!(parse_kb_date("May 2025"), None);
    }
}
