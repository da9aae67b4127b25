//! `kb update`, the part that needs no network: the results of the office
//! holders query (`assets/kb/wikidata/office-holders.rq`) turned into a
//! user KB file in the schema of `assets/kb`, matched against the KB it
//! will be loaded over so that layering makes no second copy of a person
//! and no second current holder of an office.
//!
//! Matching, in order (see `assets/kb/SCHEMA.md`, "The user KB"):
//! * an office is a KB office when its English label or an alias names a
//!   KB office of the same country, else, for a head of state or of
//!   government, when the country has exactly one KB office of that kind;
//!   the file then updates that office (`update = true`): its holders
//!   replace the KB's, the newer facts winning;
//! * a person is a KB person when their label names exactly one KB person,
//!   or several of whom exactly one held one of the same offices, or when
//!   only an alias names them and they held one of the same offices; the
//!   holders then name the KB person's id.
//!
//! Everything else gets an id of its own ending in the Wikidata item
//! number (`ada-lovelace-q7259`), which no hand-written id does.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::Date;
use rustc_hash::{FxHashMap, FxHashSet};

use super::model::{Entity, Kb, KbError};

/// The query, as kept in the repository.
pub const QUERY: &str = include_str!("../../assets/kb/wikidata/office-holders.rq");

/// The query with the built-in offices' English names filled in.
#[must_use]
pub fn query_for(kb: &Kb) -> String {
    let mut names: Vec<&str> = kb.offices.iter().map(|o| o.name).collect();
    names.sort_unstable();
    names.dedup();
    let values: Vec<String> = names
        .iter()
        .map(|n| format!("{}@en", sparql_string(n)))
        .collect();
    QUERY.replace("{{KB_OFFICE_NAMES}}", &values.join(" "))
}

fn sparql_string(s: &str) -> String {
    let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// A date as Wikidata gives it, with its precision (9 year, 10 month,
/// 11 day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WdDate {
    pub date: Date,
    pub precision: u8,
}

impl WdDate {
    /// As a KB date: only as much as is known.
    fn kb(self) -> String {
        match self.precision {
            9 => format!("{:04}", self.date.year()),
            10 => format!("{:04}-{:02}", self.date.year(), self.date.month()),
            _ => self.date.to_string(),
        }
    }
}

/// The key of an office named by label only, before the label.
const LABEL_KEY: &str = "label:";

/// One row of the query's results: one "position held" statement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub office: String,
    pub office_label: String,
    pub office_aliases: Vec<String>,
    pub role: String,
    pub country_code: Option<String>,
    pub country_label: Option<String>,
    pub holder: String,
    pub holder_label: String,
    pub holder_aliases: Vec<String>,
    pub start: Option<WdDate>,
    pub end: Option<WdDate>,
    pub ordinal: Option<u32>,
    pub acting: bool,
}

/// The SPARQL JSON results format (W3C), as much as is read.
#[derive(serde::Deserialize)]
struct Results {
    results: Bindings,
}

#[derive(serde::Deserialize)]
struct Bindings {
    bindings: Vec<FxHashMap<String, Value>>,
}

#[derive(serde::Deserialize)]
struct Value {
    value: String,
}

/// The rows of a SPARQL JSON results document. A document that is not
/// one, or a row without an office or a holder, is an error (`source` names
/// the file or URL); a row with a date Parallax cannot place is skipped
/// and counted.
pub fn parse_results(source: &str, json: &str) -> Result<(Vec<Row>, usize), KbError> {
    let err = |message: String| KbError {
        file: source.to_string(),
        message,
    };
    let doc: Results = serde_json::from_str(json).map_err(|e| {
        err(format!(
            "not a SPARQL JSON results document ({e}); expected {{\"results\": {{\"bindings\": [...]}}}}"
        ))
    })?;
    let mut rows = Vec::with_capacity(doc.results.bindings.len());
    let mut skipped = 0;
    for (n, b) in doc.results.bindings.iter().enumerate() {
        match row(b) {
            Ok(Some(r)) => rows.push(r),
            Ok(None) => skipped += 1,
            Err(what) => return Err(err(format!("result row {}: {what}", n + 1))),
        }
    }
    Ok((rows, skipped))
}

/// One binding as a row: `Err` when it lacks what every row has, `None`
/// when a date is one Parallax cannot place (before year 1, vaguer than a
/// year).
fn row(b: &FxHashMap<String, Value>) -> Result<Option<Row>, String> {
    let get = |k: &str| b.get(k).map(|v| v.value.trim());
    let item = |k: &str| -> Result<String, String> {
        let v = get(k).ok_or_else(|| format!("no `{k}`"))?;
        let q = v.rsplit('/').next().unwrap_or(v);
        let digits = q.strip_prefix('Q').unwrap_or("");
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(format!("`{k}` is not a Wikidata item: {v}"));
        }
        Ok(q.to_string())
    };
    // A saved file from another query may name an office by label only;
    // it is then known by that label (see `own_id`).
    let office = match (get("office"), get("officeLabel")) {
        (None, Some(label)) if !label.is_empty() => format!("{LABEL_KEY}{label}"),
        _ => item("office")?,
    };
    let holder = item("holder")?;
    let date = |k: &str, p: &str| -> Result<Option<WdDate>, ()> {
        let Some(v) = get(k).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        let precision = get(p).and_then(|p| p.parse().ok()).unwrap_or(11);
        wd_date(v, precision).map(Some).ok_or(())
    };
    let (Ok(start), Ok(end)) = (date("start", "startPrecision"), date("end", "endPrecision"))
    else {
        return Ok(None);
    };
    let aliases = |k: &str| -> Vec<String> {
        get(k).map_or_else(Vec::new, |v| {
            v.split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect()
        })
    };
    let label = |k: &str, item: &str| get(k).filter(|l| !l.is_empty()).unwrap_or(item).to_string();
    Ok(Some(Row {
        office_label: label("officeLabel", &office),
        office_aliases: aliases("officeAliases"),
        role: get("role").unwrap_or("kb").to_string(),
        country_code: get("countryCode")
            .filter(|c| !c.is_empty())
            .map(str::to_ascii_uppercase),
        country_label: get("countryLabel").map(String::from),
        holder_label: label("holderLabel", &holder),
        holder_aliases: aliases("holderAliases"),
        start,
        end,
        ordinal: get("ordinal").and_then(|o| o.parse().ok()),
        acting: get("acting").is_some_and(|a| a == "true" || a == "1"),
        office,
        holder,
    }))
}

/// "2019-05-20T00:00:00Z" (or a bare "2019-05-20") at a Wikidata
/// precision; `None` for dates vaguer than a year or outside 1..=9999.
#[must_use]
pub fn wd_date(value: &str, precision: u8) -> Option<WdDate> {
    if precision < 9 {
        return None;
    }
    let v = value.strip_prefix('+').unwrap_or(value);
    let day = v.get(..10)?;
    let mut parts = day.split('-');
    let y: i16 = parts.next()?.parse().ok()?;
    // Year and month precision may come with a zero month or day.
    let m: i8 = parts.next()?.parse::<i8>().ok()?.max(1);
    let d: i8 = parts.next()?.parse::<i8>().ok()?.max(1);
    let date = Date::new(y, m, d).ok().filter(|_| y >= 1)?;
    Some(WdDate {
        date,
        precision: precision.min(11),
    })
}

/// One term in an office, after the statements were settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stint {
    pub holder: String,
    pub start: WdDate,
    pub end: Option<WdDate>,
    pub ordinal: Option<u32>,
    pub acting: bool,
}

impl Stint {
    fn overlaps_start_of(&self, later: &Stint) -> bool {
        self.start.date <= later.start.date && self.end.is_none_or(|e| e.date > later.start.date)
    }
}

/// An office's statements made into terms a KB can hold:
/// * statements with no start are left out (nothing places them);
/// * one person's overlapping or back-to-back statements are one term:
///   the earliest start, and a known end over a missing one (a missing
///   end qualifier is far more common than a term that never ended);
/// * a term still open when a later, non-acting holder starts ends then;
/// * a term with an end that a later holder's starts before is cut at
///   that start (the successor's date wins), unless the later term lies
///   wholly inside it: that is a stand-in, marked acting;
/// * an acting term with no end ends when the next holder starts.
///
/// The result is ordered by start. An office that many hold at once (a
/// seat in a legislature) is not one holder at a time: its terms are
/// only merged, and `false` says so.
#[must_use]
pub fn settle(mut stints: Vec<Stint>) -> (Vec<Stint>, bool) {
    stints.retain(|s| s.end.is_none_or(|e| e.date >= s.start.date));
    stints.sort_by(|a, b| {
        (&a.holder, a.start.date, a.end.map(|e| e.date)).cmp(&(
            &b.holder,
            b.start.date,
            b.end.map(|e| e.date),
        ))
    });
    let mut merged: Vec<Stint> = Vec::with_capacity(stints.len());
    for s in stints {
        match merged.last_mut() {
            Some(last)
                if last.holder == s.holder && last.end.is_none_or(|e| e.date >= s.start.date) =>
            {
                last.end = match (last.end, s.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
                last.acting &= s.acting;
                last.ordinal = last.ordinal.or(s.ordinal);
            }
            _ => merged.push(s),
        }
    }
    merged.sort_by_key(|s| (s.start.date, s.ordinal, s.acting));
    if most_at_once(&merged) > MAX_OVERLAP {
        return (merged, false);
    }
    for i in 0..merged.len() {
        for j in i + 1..merged.len() {
            let (head, tail) = merged.split_at_mut(j);
            let (a, b) = (&mut head[i], &mut tail[0]);
            if a.end.is_some_and(|e| e.date <= b.start.date) {
                // Ordered by start: no later term overlaps this one.
                break;
            }
            if !a.overlaps_start_of(b) || a.holder == b.holder {
                continue;
            }
            if a.acting && !b.acting {
                a.end = Some(b.start);
            } else if b.acting {
                // A marked stand-in with an end: both hold the office for
                // a while. One with no end is a caretaker: the term before
                // it is over.
                if b.end.is_none() {
                    a.end = Some(b.start);
                }
            } else if a.end.is_some() && b.end.is_some_and(|be| a.end.is_some_and(|ae| be <= ae)) {
                b.acting = true;
            } else {
                a.end = Some(b.start);
            }
        }
    }
    // An acting term that overlaps nobody and was never closed ends when
    // the next holder starts.
    for i in 0..merged.len() {
        if merged[i].acting && merged[i].end.is_none() {
            let start = merged[i].start.date;
            if let Some(next) = merged[i + 1..].iter().find(|n| n.start.date > start) {
                merged[i].end = Some(next.start);
            }
        }
    }
    (merged, true)
}

/// More terms at once than a holder, a stand-in and a disputed date
/// account for: a body of many members, not one post.
const MAX_OVERLAP: usize = 3;

/// The most terms that run on one day.
fn most_at_once(stints: &[Stint]) -> usize {
    let mut edges: Vec<(Date, i32)> = Vec::with_capacity(2 * stints.len());
    for s in stints {
        edges.push((s.start.date, 1));
        if let Some(e) = s.end {
            edges.push((e.date, -1));
        }
    }
    // Ends sort before starts on the same day: terms are end-exclusive.
    edges.sort_unstable();
    let mut now = 0i32;
    let mut most = 0i32;
    for (_, step) in edges {
        now += step;
        most = most.max(now);
    }
    most as usize
}

/// What an update wrote, for the user.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub offices: usize,
    /// Offices of the KB whose holders the file replaces.
    pub updated_offices: usize,
    pub people: usize,
    /// People of the KB the file's holders name.
    pub matched_people: usize,
    pub holders: usize,
    /// Statements left out: no start, or a date that cannot be placed.
    pub skipped: usize,
    /// Offices per role of the query (`head-of-state`, `envoy`, ...).
    pub roles: BTreeMap<String, usize>,
}

/// An office of the results, with its statements.
#[derive(Default)]
struct WdOffice {
    label: String,
    aliases: Vec<String>,
    roles: Vec<String>,
    country: Option<(String, Option<String>)>,
    stints: Vec<Stint>,
}

struct WdPerson {
    label: String,
    aliases: Vec<String>,
}

/// The user KB file for `rows`, matched against `base`, with its `as_of`
/// day and `source`.
pub fn build(
    rows: Vec<Row>,
    skipped: usize,
    base: &Kb,
    as_of: Date,
    source: &str,
) -> (String, Summary) {
    let mut summary = Summary {
        skipped,
        ..Summary::default()
    };
    let (offices, people) = group(rows, &mut summary);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Written by `parallax kb update`; it is replaced by the next update.\n\
         # Office holders from Wikidata (CC0), in the schema of assets/kb.\n\n\
         [meta]\nas_of = {}\nsource = {}\n",
        q(&as_of.to_string()),
        q(source)
    );
    let office_match: BTreeMap<&str, Option<u32>> = offices
        .iter()
        .map(|(id, o)| (id.as_str(), match_office(base, o)))
        .collect();
    // The KB offices each person's rows name, to tell namesakes apart.
    let mut held: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (id, o) in &offices {
        if let Some(Some(k)) = office_match.get(id.as_str()) {
            for s in &o.stints {
                held.entry(s.holder.as_str()).or_default().push(*k);
            }
        }
    }
    let mut person_ids: FxHashMap<&str, String> = FxHashMap::default();
    // New people by folded name: several of one name (or one who shares a
    // KB person's name) are declared ambiguous, as SCHEMA.md asks.
    let mut namesakes: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut taken: FxHashSet<String> = FxHashSet::default();
    for (qid, p) in &people {
        let known = match_person(base, p, held.get(qid.as_str()).map_or(&[], Vec::as_slice));
        if let Some(k) = known {
            summary.matched_people += 1;
            person_ids.insert(qid, base.people[k as usize].id.to_string());
        } else {
            let id = own_id(&p.label, qid, &mut taken);
            write_person(&mut out, base, &id, p, qid);
            summary.people += 1;
            let same = namesakes
                .entry(crate::text::fold(&p.label))
                .or_insert_with(|| (p.label.clone(), Vec::new()));
            same.1.push(id.clone());
            person_ids.insert(qid, id);
        }
    }
    write_namesakes(&mut out, base, namesakes);
    write_countries(&mut out, base, &offices);
    // New offices by folded name, as for people: "Minister of Foreign
    // Affairs" of two countries the KB cannot name.
    let mut office_names: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for (qid, o) in &offices {
        let (stints, single) = settle(o.stints.clone());
        summary.holders += stints.len();
        for r in &o.roles {
            *summary.roles.entry(r.clone()).or_default() += 1;
        }
        let known = office_match[qid.as_str()];
        summary.updated_offices += usize::from(known.is_some());
        summary.offices += 1;
        let id = match known {
            Some(k) => base.offices[k as usize].id.to_string(),
            None => own_id(&office_id_words(o), qid, &mut taken),
        };
        let entry = OfficeEntry {
            known,
            id: &id,
            qid,
            single,
        };
        write_office(&mut out, base, &entry, o, &stints, &person_ids);
        if known.is_none() {
            let name = new_office_name(base, o);
            let same = office_names.entry(crate::text::fold(&name)).or_default();
            same.0 = name;
            same.1.push(id);
        }
    }
    write_ambiguous(&mut out, office_names);
    (out, summary)
}

/// Rows grouped by office and by person; statements without a start are
/// counted as skipped.
fn group(
    rows: Vec<Row>,
    summary: &mut Summary,
) -> (BTreeMap<String, WdOffice>, BTreeMap<String, WdPerson>) {
    let mut offices: BTreeMap<String, WdOffice> = BTreeMap::new();
    let mut people: BTreeMap<String, WdPerson> = BTreeMap::new();
    let mut seen: FxHashSet<(String, String, Option<Date>, Option<Date>)> = FxHashSet::default();
    for r in rows {
        let o = offices.entry(r.office.clone()).or_default();
        if o.label.is_empty() {
            o.label.clone_from(&r.office_label);
        }
        add_all(&mut o.aliases, &r.office_aliases);
        add_all(&mut o.roles, std::slice::from_ref(&r.role));
        if o.country.is_none() {
            o.country = r.country_code.clone().map(|c| (c, r.country_label.clone()));
        }
        let Some(start) = r.start else {
            summary.skipped += 1;
            continue;
        };
        // The same statement comes once per role that selected its office.
        let key = (
            r.office.clone(),
            r.holder.clone(),
            Some(start.date),
            r.end.map(|e| e.date),
        );
        if !seen.insert(key) {
            continue;
        }
        o.stints.push(Stint {
            holder: r.holder.clone(),
            start,
            end: r.end,
            ordinal: r.ordinal,
            acting: r.acting,
        });
        let p = people.entry(r.holder).or_insert_with(|| WdPerson {
            label: r.holder_label.clone(),
            aliases: Vec::new(),
        });
        add_all(&mut p.aliases, &r.holder_aliases);
    }
    // An office none of whose statements could be placed adds nothing.
    offices.retain(|_, o| !o.stints.is_empty());
    (offices, people)
}

fn add_all(list: &mut Vec<String>, items: &[String]) {
    for i in items {
        if !list.contains(i) {
            list.push(i.clone());
        }
    }
}

/// The KB office a Wikidata office is (see the module comment).
fn match_office(base: &Kb, o: &WdOffice) -> Option<u32> {
    let country = match &o.country {
        Some((code, _)) => Some(base.country(code)?),
        None => None,
    };
    let mut named: Vec<u32> = std::iter::once(&o.label)
        .chain(&o.aliases)
        .flat_map(|n| base.resolve(n))
        .filter_map(|e| match *e {
            Entity::Office(i) if base.offices[i as usize].country == country => Some(i),
            _ => None,
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    if let [one] = named[..] {
        return Some(one);
    }
    if !named.is_empty() {
        return None;
    }
    if let Some(c) = country
        && let Some(one) = by_title(base, c, o).or_else(|| by_portfolio(base, c, o))
    {
        return Some(one);
    }
    let head = o
        .roles
        .iter()
        .find(|r| matches!(r.as_str(), "head-of-state" | "head-of-government"))?;
    let country = country?;
    let of_kind: Vec<u32> = (0..base.offices.len() as u32)
        .filter(|&i| {
            let k = &base.offices[i as usize];
            k.country == Some(country) && (k.kind == head || k.also.contains(&head.as_str()))
        })
        .collect();
    match of_kind[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The one KB office of the country whose title is the label with the
/// country's name taken off: "United States Secretary of State",
/// "Secretary of State of the United States".
fn by_title(base: &Kb, country: u32, o: &WdOffice) -> Option<u32> {
    let c = &base.countries[country as usize];
    let names: Vec<&str> = std::iter::once(c.name)
        .chain(c.aliases.iter().copied())
        .chain(c.short.iter().copied())
        .chain(c.demonyms.iter().copied())
        .collect();
    let mut titles: Vec<String> = Vec::new();
    for label in std::iter::once(&o.label).chain(&o.aliases) {
        for name in &names {
            let rest = label
                .strip_prefix(&format!("{name} "))
                .or_else(|| label.strip_suffix(&format!(" of {name}")))
                .or_else(|| label.strip_suffix(&format!(" of the {name}")));
            if let Some(rest) = rest {
                titles.push(crate::text::fold(rest.trim()));
            }
        }
    }
    let found: Vec<u32> = (0..base.offices.len() as u32)
        .filter(|&i| {
            let k = &base.offices[i as usize];
            k.country == Some(country) && titles.contains(&crate::text::fold(k.title))
        })
        .collect();
    match found[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The words that name a minister's portfolio whatever the title's form
/// ("Minister of Foreign Affairs", "Foreign Minister", "External
/// Relations"): the portfolios the query declares.
const PORTFOLIOS: &[&[&str]] = &[
    &["foreign", "external"],
    &["defence", "defense"],
    &["interior", "home"],
    &["finance", "treasury"],
];

/// The one KB minister of the country whose title names the same
/// portfolio as the label: "Minister of Foreign Affairs" is the KB's
/// "Foreign Minister".
fn by_portfolio(base: &Kb, country: u32, o: &WdOffice) -> Option<u32> {
    let words = |s: &str| -> Vec<String> {
        crate::text::fold(s)
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(String::from)
            .collect()
    };
    let portfolio_of = |title: &str| -> Option<usize> {
        let w = words(title);
        let mut found = PORTFOLIOS
            .iter()
            .enumerate()
            .filter(|(_, names)| names.iter().any(|n| w.iter().any(|x| x == n)));
        // A title naming two portfolios ("Foreign and Defence") is neither.
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    let wanted = portfolio_of(&o.label)?;
    let found: Vec<u32> = (0..base.offices.len() as u32)
        .filter(|&i| {
            let k = &base.offices[i as usize];
            k.country == Some(country)
                && k.kind == "minister"
                && portfolio_of(k.title) == Some(wanted)
        })
        .collect();
    match found[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The KB person a Wikidata person is (see the module comment). The
/// label is the person's name; an alias is weaker evidence (Wikidata's
/// aliases hold old names, titles and, at times, other people's names), so
/// an alias alone matches only a KB person who held one of the same
/// offices.
fn match_person(base: &Kb, p: &WdPerson, held: &[u32]) -> Option<u32> {
    let by_label = people_named(base, std::slice::from_ref(&p.label));
    let holding_one = |named: Vec<u32>| -> Option<u32> {
        let holding: Vec<u32> = named
            .into_iter()
            .filter(|&k| {
                base.offices_of(k)
                    .iter()
                    .any(|(office, _)| held.contains(office))
            })
            .collect();
        match holding[..] {
            [one] => Some(one),
            _ => None,
        }
    };
    match by_label[..] {
        [one] => Some(one),
        [] => holding_one(people_named(base, &p.aliases)),
        _ => holding_one(by_label),
    }
}

/// The KB people these names name.
fn people_named(base: &Kb, names: &[String]) -> Vec<u32> {
    let mut people: Vec<u32> = names
        .iter()
        .flat_map(|n| base.resolve(n))
        .filter_map(|e| match *e {
            Entity::Person(i) => Some(i),
            _ => None,
        })
        .collect();
    people.sort_unstable();
    people.dedup();
    people
}

/// Lowercase ASCII words joined by `-`.
fn slug(text: &str) -> String {
    let folded = crate::text::fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    words.join("-").to_ascii_lowercase()
}

/// `words-q123`: unique, and unlike any hand-written id. An office known
/// by label only gets `words-imported`.
fn own_id(words: &str, qid: &str, taken: &mut FxHashSet<String>) -> String {
    let base = slug(words);
    let q = if qid.starts_with(LABEL_KEY) {
        "imported".to_string()
    } else {
        qid.to_ascii_lowercase()
    };
    let id = if base.is_empty() {
        q
    } else {
        format!("{base}-{q}")
    };
    let mut unique = id.clone();
    let mut n = 1;
    while !taken.insert(unique.clone()) {
        n += 1;
        unique = format!("{id}-{n}");
    }
    unique
}

fn office_id_words(o: &WdOffice) -> String {
    match &o.country {
        Some((code, _)) => format!("{code} {}", o.label),
        None => o.label.clone(),
    }
}

/// A TOML string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| q(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The aliases worth writing: full names other than the label. A single
/// word is a bare surname or a nickname, which the KB leaves to code
/// (SCHEMA.md): written as an alias it would name anyone of that name.
fn full_aliases(label: &str, aliases: &[String]) -> Vec<String> {
    aliases
        .iter()
        .filter(|a| a.split_whitespace().count() > 1 && a.as_str() != label)
        .filter(|a| !a.chars().any(char::is_control))
        .cloned()
        .collect()
}

/// A person the KB does not know. Aliases that name a KB person are left
/// out: they would make that person's name ambiguous.
fn write_person(out: &mut String, base: &Kb, id: &str, p: &WdPerson, qid: &str) {
    let _ = writeln!(out, "[[person]]\nid = {}\nname = {}", q(id), q(&p.label));
    let mut aliases = full_aliases(&p.label, &p.aliases);
    aliases.retain(|a| {
        !base
            .resolve(a)
            .iter()
            .any(|e| matches!(e, Entity::Person(_)))
    });
    if !aliases.is_empty() {
        let _ = writeln!(out, "aliases = {}", list(&aliases));
    }
    let _ = writeln!(out, "wikidata = {}\n", q(qid));
}

/// `[[ambiguous]]` for names that several people bear: new people with
/// one name (Wikidata holds the same person twice at times, and different
/// people share names), or a new person and a KB person.
fn write_namesakes(
    out: &mut String,
    base: &Kb,
    mut namesakes: BTreeMap<String, (String, Vec<String>)>,
) {
    for (name, ids) in namesakes.values_mut() {
        for k in people_named(base, std::slice::from_ref(name)) {
            ids.push(base.people[k as usize].id.to_string());
        }
    }
    write_ambiguous(out, namesakes);
}

/// An `[[ambiguous]]` entry for each name more than one id bears.
fn write_ambiguous(out: &mut String, names: BTreeMap<String, (String, Vec<String>)>) {
    for (name, ids) in names.into_values().filter(|(_, ids)| ids.len() > 1) {
        let _ = writeln!(
            out,
            "[[ambiguous]]\nalias = {}\nentities = {}\n",
            q(&name),
            list(&ids)
        );
    }
}

/// Countries the offices name that the KB lacks.
fn write_countries(out: &mut String, base: &Kb, offices: &BTreeMap<String, WdOffice>) {
    let mut written: FxHashSet<&str> = FxHashSet::default();
    for o in offices.values() {
        let Some((code, label)) = &o.country else {
            continue;
        };
        if base.country(code).is_some() || !written.insert(code) {
            continue;
        }
        let name = label.as_deref().unwrap_or(code);
        let _ = writeln!(out, "[[country]]\ncode = {}\nname = {}\n", q(code), q(name));
    }
}

/// The name a new office gets in the KB: its label when that names the
/// country (or no country can be named), else title of country.
fn new_office_name(base: &Kb, o: &WdOffice) -> String {
    let title = title_of(o);
    let country = o.country.as_ref().and_then(|(code, label)| {
        base.country(code)
            .map(|c| base.countries[c as usize].name.to_string())
            .or_else(|| label.clone())
    });
    match country {
        Some(country) if title == o.label => format!("{title} of {country}"),
        _ => o.label.clone(),
    }
}

/// The KB kind of an office by the roles that selected it.
fn kind(roles: &[String]) -> (&'static str, Vec<String>) {
    let is = |r: &str| roles.iter().any(|x| x == r);
    let (hos, hog) = (is("head-of-state"), is("head-of-government"));
    match (hos, hog) {
        (true, true) => ("head-of-state", vec!["head-of-government".to_string()]),
        (true, false) => ("head-of-state", Vec::new()),
        (false, true) => ("head-of-government", Vec::new()),
        _ if [
            "foreign-minister",
            "defence-minister",
            "interior-minister",
            "finance-minister",
        ]
        .iter()
        .any(|r| is(r)) =>
        {
            ("minister", Vec::new())
        }
        _ if is("envoy") => ("envoy", Vec::new()),
        _ if is("international") => ("international", Vec::new()),
        _ => ("other", Vec::new()),
    }
}

/// The title of a new office: its label without the country ("Prime
/// Minister of Ruritania" → "Prime Minister"), which the KB puts back in
/// every customary order.
fn title_of(o: &WdOffice) -> String {
    let Some((_, Some(country))) = &o.country else {
        return o.label.clone();
    };
    for suffix in [format!(" of the {country}"), format!(" of {country}")] {
        if let Some(t) = o.label.strip_suffix(suffix.as_str())
            && !t.trim().is_empty()
        {
            return t.to_string();
        }
    }
    o.label.clone()
}

/// What an office entry is: the KB office it updates, its id and item,
/// whether one holds it at a time.
struct OfficeEntry<'a> {
    known: Option<u32>,
    id: &'a str,
    qid: &'a str,
    single: bool,
}

fn write_office(
    out: &mut String,
    base: &Kb,
    entry: &OfficeEntry<'_>,
    o: &WdOffice,
    stints: &[Stint],
    person_ids: &FxHashMap<&str, String>,
) {
    let OfficeEntry {
        known,
        id,
        qid,
        single,
    } = *entry;
    let (kind, also) = kind(&o.roles);
    let _ = writeln!(out, "[[office]]\nid = {}", q(id));
    if let Some(k) = known {
        let _ = writeln!(
            out,
            "title = {}\nupdate = true",
            q(base.offices[k as usize].title)
        );
        // Only kinds the KB office lacks.
        let also: Vec<String> = std::iter::once(kind.to_string())
            .chain(also)
            .filter(|x| x.starts_with("head-of"))
            .filter(|x| {
                let k = &base.offices[k as usize];
                k.kind != x && !k.also.contains(&x.as_str())
            })
            .collect();
        if !also.is_empty() {
            let _ = writeln!(out, "also = {}", list(&also));
        }
    } else {
        let title = title_of(o);
        let _ = writeln!(out, "title = {}", q(&title));
        // A label without the country ("Minister of Foreign Affairs") would
        // name every country's minister: the KB then makes the name from
        // title and country, when it knows the country's name.
        let country_named = o
            .country
            .as_ref()
            .is_some_and(|(code, label)| label.is_some() || base.country(code).is_some());
        if title != o.label || !country_named {
            let _ = writeln!(out, "name = {}", q(&o.label));
        }
        if let Some((code, _)) = &o.country {
            let _ = writeln!(out, "country = {}", q(code));
        }
        let _ = writeln!(out, "kind = {}", q(kind));
        if !single {
            out.push_str("single = false\n");
        }
        if !also.is_empty() {
            let _ = writeln!(out, "also = {}", list(&also));
        }
    }
    let aliases = full_aliases(&o.label, &o.aliases);
    if !aliases.is_empty() {
        let _ = writeln!(out, "aliases = {}", list(&aliases));
    }
    if !qid.starts_with(LABEL_KEY) {
        let _ = writeln!(out, "wikidata = {}", q(qid));
    }
    out.push_str("holders = [\n");
    for s in stints {
        let _ = write!(
            out,
            "  {{ person = {}, from = {}",
            q(&person_ids[s.holder.as_str()]),
            q(&s.start.kb())
        );
        if let Some(end) = s.end {
            let _ = write!(out, ", to = {}", q(&end.kb()));
        }
        if s.acting {
            out.push_str(", acting = true");
        }
        if let Some(n) = s.ordinal {
            let _ = write!(out, ", ordinal = {n}");
        }
        out.push_str(" },\n");
    }
    out.push_str("]\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> WdDate {
        wd_date(s, 11).unwrap()
    }

    fn stint(holder: &str, start: &str, end: Option<&str>, acting: bool) -> Stint {
        Stint {
            holder: holder.into(),
            start: day(start),
            end: end.map(day),
            ordinal: None,
            acting,
        }
    }

    fn terms(stints: &[Stint]) -> Vec<(String, String, Option<String>, bool)> {
        stints
            .iter()
            .map(|s| {
                (
                    s.holder.clone(),
                    s.start.kb(),
                    s.end.map(WdDate::kb),
                    s.acting,
                )
            })
            .collect()
    }

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(wd_date("2019-01-01T00:00:00Z", 9).unwrap().kb(), "2019");
        assert_eq!(
            wd_date("+2019-05-00T00:00:00Z", 10).unwrap().kb(),
            "2019-05"
        );
        assert_eq!(
            wd_date("2019-05-20T00:00:00Z", 11).unwrap().kb(),
            "2019-05-20"
        );
        assert_eq!(wd_date("1900-01-01T00:00:00Z", 7), None, "a century");
        assert_eq!(wd_date("-0043-03-15T00:00:00Z", 11), None);
    }

    #[test]
    fn one_persons_duplicate_statements_are_one_term() {
        // Two statements of one term: different start days, one without an end.
        let (got, single) = settle(vec![
            stint("Q1", "2019-05-21", None, false),
            stint("Q1", "2019-05-20", Some("2023-01-02"), false),
            stint("Q2", "2023-01-02", None, false),
        ]);
        assert!(single);
        assert_eq!(
            terms(&got),
            [
                (
                    "Q1".into(),
                    "2019-05-20".into(),
                    Some("2023-01-02".into()),
                    false
                ),
                ("Q2".into(), "2023-01-02".into(), None, false),
            ]
        );
    }

    #[test]
    fn conflicting_end_dates_yield_to_the_successor() {
        // The predecessor's end is recorded after the successor started,
        // or not at all: the successor's start ends the term.
        let (got, single) = settle(vec![
            stint("Q1", "2015-01-01", Some("2021-06-01"), false),
            stint("Q2", "2021-05-20", None, false),
            stint("Q3", "2010-01-01", None, false),
        ]);
        assert!(single);
        assert_eq!(
            terms(&got),
            [
                (
                    "Q3".into(),
                    "2010-01-01".into(),
                    Some("2015-01-01".into()),
                    false
                ),
                (
                    "Q1".into(),
                    "2015-01-01".into(),
                    Some("2021-05-20".into()),
                    false
                ),
                ("Q2".into(), "2021-05-20".into(), None, false),
            ]
        );
    }

    #[test]
    fn overlapping_acting_holders_stay_acting() {
        let (got, single) = settle(vec![
            // Marked acting while the holder was abroad: both hold it.
            stint("Q1", "2020-01-01", Some("2024-01-01"), false),
            stint("Q2", "2021-03-01", Some("2021-04-01"), true),
            // Unmarked, but wholly inside another term: a stand-in.
            stint("Q3", "2022-02-01", Some("2022-02-15"), false),
            // Marked acting, never closed: until the next holder.
            stint("Q4", "2024-01-01", None, true),
            stint("Q5", "2024-06-01", None, false),
        ]);
        assert!(single);
        assert_eq!(
            terms(&got),
            [
                (
                    "Q1".into(),
                    "2020-01-01".into(),
                    Some("2024-01-01".into()),
                    false
                ),
                (
                    "Q2".into(),
                    "2021-03-01".into(),
                    Some("2021-04-01".into()),
                    true
                ),
                (
                    "Q3".into(),
                    "2022-02-01".into(),
                    Some("2022-02-15".into()),
                    true
                ),
                (
                    "Q4".into(),
                    "2024-01-01".into(),
                    Some("2024-06-01".into()),
                    true
                ),
                ("Q5".into(), "2024-06-01".into(), None, false),
            ]
        );
    }

    #[test]
    fn a_body_of_many_members_is_not_one_holder_at_a_time() {
        let seats: Vec<Stint> = (0..10)
            .map(|i| stint(&format!("Q{i}"), "2020-01-01", Some("2024-01-01"), false))
            .collect();
        let (got, single) = settle(seats);
        assert!(!single);
        assert_eq!(got.len(), 10);
        assert!(got.iter().all(|s| !s.acting));
    }

    #[test]
    fn a_term_ending_before_it_starts_is_left_out() {
        let (got, _) = settle(vec![stint("Q1", "2020-01-01", Some("2019-01-01"), false)]);
        assert!(got.is_empty());
    }
}
