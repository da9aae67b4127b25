//! `parallax kb update` against SPARQL answers served from this process
//! (no test touches the network): paging, a timeout and a 429 retried, a
//! malformed answer and an error status (the user KB left as it was), the
//! real-shaped export of `every-politician-scrapers`, conflicting dates and acting
//! holders, and the user KB layered over the built-in one.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::Command;
use jiff::civil::{Date, date};
use parallax::kb::update::{self, Endpoint, Source};
use parallax::kb::wikidata::{self, wd_date};
use parallax::kb::{Entity, Kb};
use serde_json::{Value, json};

const WD: &str = "http://www.wikidata.org/entity/";

/// One binding as the endpoint writes it.
#[allow(clippy::too_many_arguments, reason = "one row of the query")]
fn binding(
    office: &str,
    office_label: &str,
    role: &str,
    country: Option<&str>,
    holder: &str,
    name: &str,
    start: Option<(&str, u8)>,
    end: Option<(&str, u8)>,
    acting: bool,
) -> Value {
    let lit = |v: &str| json!({"type": "literal", "value": v});
    let mut b = json!({
        "office": {"type": "uri", "value": format!("{WD}{office}")},
        "officeLabel": {"xml:lang": "en", "type": "literal", "value": office_label},
        "role": lit(role),
        "holder": {"type": "uri", "value": format!("{WD}{holder}")},
        "holderLabel": {"xml:lang": "en", "type": "literal", "value": name},
        "acting": {"datatype": "http://www.w3.org/2001/XMLSchema#boolean", "type": "literal",
                   "value": if acting { "true" } else { "false" }},
    });
    if let Some(c) = country {
        b["countryCode"] = lit(c);
    }
    for (key, value) in [("start", start), ("end", end)] {
        if let Some((day, precision)) = value {
            b[key] = json!({"datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
                            "type": "literal", "value": format!("{day}T00:00:00Z")});
            b[format!("{key}Precision")] = lit(&precision.to_string());
        }
    }
    b
}

fn document(bindings: &[Value]) -> String {
    json!({"head": {"vars": ["office", "holder"]}, "results": {"bindings": bindings}}).to_string()
}

/// The committed excerpt of a real export as query results.
fn excerpt_bindings() -> Vec<Value> {
    csv_bindings(Path::new("tests/fixtures/wikidata/holders21-excerpt.csv"))
}

/// A CSV of columns position,person,personID,start,end as bindings: the
/// office known by its label (the export has no item for it).
fn csv_bindings(path: &Path) -> Vec<Value> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut out = Vec::new();
    for record in reader.records() {
        let r = record.unwrap();
        let date = |s: &str| -> Option<(String, u8)> {
            let parts: Vec<&str> = s.split('-').collect();
            let precision = match parts.len() {
                1 if !s.is_empty() => 9,
                2 => 10,
                3 => 11,
                _ => return None,
            };
            let mut full: Vec<String> = parts.iter().map(ToString::to_string).collect();
            full.resize(3, "01".into());
            Some((full.join("-"), precision))
        };
        let (start, end) = (date(&r[3]), date(&r[4]));
        let mut b = binding(
            "Q1",
            &r[0],
            "international",
            None,
            &r[2],
            &r[1],
            start.as_ref().map(|(d, p)| (d.as_str(), *p)),
            end.as_ref().map(|(d, p)| (d.as_str(), *p)),
            false,
        );
        // Known by label only, as the export gives it.
        b.as_object_mut().unwrap().remove("office");
        out.push(b);
    }
    out
}

/// What the test server saw.
#[derive(Default)]
struct Seen {
    queries: Mutex<Vec<String>>,
    agents: Mutex<Vec<String>>,
    hits: AtomicUsize,
}

/// Serves `answer(n, query)` for the n-th request (from 0): a status, a
/// body and a delay before answering.
fn serve(
    answer: impl Fn(usize, &str) -> (u16, String, Duration) + Send + Sync + 'static,
) -> (String, Arc<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/sparql", listener.local_addr().unwrap());
    let seen = Arc::new(Seen::default());
    let answer = Arc::new(answer);
    let shared = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (seen, answer) = (Arc::clone(&shared), Arc::clone(&answer));
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    if let Some(ua) = header.to_ascii_lowercase().strip_prefix("user-agent:") {
                        seen.agents.lock().unwrap().push(ua.trim().to_string());
                    }
                    header.clear();
                }
                let target = line.split_whitespace().nth(1).unwrap_or("/");
                let query = param(target, "query");
                let n = seen.hits.fetch_add(1, Ordering::SeqCst);
                seen.queries.lock().unwrap().push(query.clone());
                let (status, body, delay) = answer(n, &query);
                std::thread::sleep(delay);
                let reason = if status == 200 { "OK" } else { "Error" };
                let head = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: application/sparql-results+json\r\n\
                     Retry-After: 0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body.as_bytes());
            });
        }
    });
    (base, seen)
}

/// A query parameter, percent-decoded.
fn param(target: &str, key: &str) -> String {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let raw = query
        .split('&')
        .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
        .unwrap_or("");
    let bytes = raw.replace('+', " ").into_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() + 1 {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The LIMIT and OFFSET of a paged query.
fn page_of(query: &str) -> (usize, usize) {
    let number = |word: &str| -> usize {
        let at = query.rfind(word).unwrap() + word.len();
        query[at..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    (number("LIMIT"), number("OFFSET"))
}

/// Answers each page of `rows` as the endpoint would.
fn pages(rows: Vec<Value>) -> impl Fn(usize, &str) -> (u16, String, Duration) {
    move |_, query| {
        let (limit, offset) = page_of(query);
        let page: Vec<Value> = rows.iter().skip(offset).take(limit).cloned().collect();
        (200, document(&page), Duration::ZERO)
    }
}

fn endpoint(url: &str, page: usize) -> Endpoint {
    Endpoint {
        url: url.to_string(),
        timeout: Duration::from_millis(700),
        retries: 2,
        backoff: Duration::from_millis(10),
        page,
        ..Endpoint::default()
    }
}

fn load(path: &Path) -> Kb {
    Kb::with_files(&[path]).unwrap()
}

fn holders(kb: &Kb, office: &str, on: Date) -> Vec<(String, bool)> {
    let i = kb.offices.iter().position(|o| o.id == office).unwrap() as u32;
    kb.holders_on(i, on)
        .map(|h| (kb.people[h.person as usize].name.to_string(), h.acting))
        .collect()
}

fn people_named(kb: &Kb, name: &str) -> usize {
    kb.resolve(name)
        .iter()
        .filter(|e| matches!(e, Entity::Person(_)))
        .count()
}

#[test]
fn the_query_covers_the_declared_offices_and_the_kb_posts() {
    let query = wikidata::query_for(Kb::builtin());
    for needed in [
        "wdt:P1906",
        "wdt:P1313",
        "p:P39",
        "pqv:P580",
        "pqv:P582",
        "pq:P1545",
        "wdt:P297",
        "foreign-minister",
        "defence-minister",
        "interior-minister",
        "finance-minister",
        "central-bank-governor",
        "wd:Q1065",
        "wd:Q458",
        "us-cabinet",
        "envoy",
        "\"President of the United States\"@en",
        "\"Secretary-General of the United Nations\"@en",
    ] {
        assert!(query.contains(needed), "the query lacks {needed}");
    }
    assert!(!query.contains("{{"), "a placeholder was left");
    // Every variable the importer reads is selected.
    let select = &query[query.find("SELECT").unwrap()..query.find("WITH {").unwrap()];
    for var in [
        "?office ",
        "?officeLabel",
        "?officeAliases",
        "?role",
        "?countryCode",
        "?holder ",
        "?holderLabel",
        "?holderAliases",
        "?start ",
        "?startPrecision",
        "?end ",
        "?endPrecision",
        "?ordinal",
        "?acting",
    ] {
        assert!(select.contains(var), "SELECT lacks {var}");
    }
}

#[test]
fn paged_answers_make_a_user_kb_that_loads_over_the_builtin() {
    let rows = excerpt_bindings();
    let n = rows.len();
    let (url, seen) = serve(pages(rows));
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kb/wikidata.toml");
    let summary = update::update(
        &Source::Endpoint(&endpoint(&url, 10)),
        &target,
        date(2023, 1, 10),
        |_| {},
    )
    .unwrap();
    // 34 rows in pages of 10: four pages, the last one short.
    assert_eq!(seen.hits.load(Ordering::SeqCst), n.div_ceil(10));
    let offsets: Vec<usize> = seen
        .queries
        .lock()
        .unwrap()
        .iter()
        .map(|q| page_of(q).1)
        .collect();
    assert_eq!(offsets, [0, 10, 20, 30]);
    assert!(
        seen.agents
            .lock()
            .unwrap()
            .iter()
            .all(|ua| ua.contains("parallax/"))
    );
    assert_eq!(summary.skipped, 0);
    assert!(summary.holders <= n);

    let kb = load(&target);
    // The UN Secretary-General is the built-in office, updated; António
    // Guterres is the built-in person, not a second one.
    assert_eq!(
        holders(&kb, "un-secretary-general", date(2020, 5, 1)),
        [("António Guterres".to_string(), false)]
    );
    assert_eq!(people_named(&kb, "António Guterres"), 1);
    assert_eq!(people_named(&kb, "Ban Ki-moon"), 1);
    // A post the built-in KB lacks, with a conflicting end date: Lajčák's
    // recorded end (2018-09-19) falls after Espinosa's start (2018-09-05).
    let pga = "president-of-the-united-nations-general-assembly-imported";
    assert_eq!(
        holders(&kb, pga, date(2018, 9, 10)),
        [("María Fernanda Espinosa".to_string(), false)]
    );
    assert_eq!(
        holders(&kb, pga, date(2018, 9, 4)),
        [("Miroslav Lajčák".to_string(), false)]
    );
    assert_eq!(kb.as_of, Some(date(2023, 1, 10)));
}

#[test]
fn a_timeout_and_a_429_are_retried_with_backoff() {
    let rows = vec![binding(
        "Q81066",
        "Secretary-General of the United Nations",
        "international",
        None,
        "Q311440",
        "António Guterres",
        Some(("2017-01-01", 11)),
        None,
        false,
    )];
    let answer = pages(rows);
    let (url, seen) = serve(move |n, query| match n {
        0 => (200, String::new(), Duration::from_secs(3)),
        1 => (429, "Too many requests".into(), Duration::ZERO),
        _ => answer(n, query),
    });
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("wikidata.toml");
    update::update(
        &Source::Endpoint(&endpoint(&url, 100)),
        &target,
        date(2025, 1, 1),
        |_| {},
    )
    .unwrap();
    assert_eq!(seen.hits.load(Ordering::SeqCst), 3);
    assert!(target.is_file());
}

#[test]
fn a_malformed_answer_leaves_the_user_kb_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("wikidata.toml");
    std::fs::write(&target, "# the previous update\n").unwrap();
    for body in [
        "<html>Service unavailable</html>".to_string(),
        r#"{"results": {"bindings": 3}}"#.to_string(),
        document(&[json!({"holder": {"type": "uri", "value": format!("{WD}Q1")}})]),
    ] {
        let (url, _) = serve(move |_, _| (200, body.clone(), Duration::ZERO));
        let err = update::update(
            &Source::Endpoint(&endpoint(&url, 100)),
            &target,
            date(2025, 1, 1),
            |_| {},
        )
        .unwrap_err();
        assert!(err.file.starts_with(&url), "{err}");
        assert!(
            err.message.contains("SPARQL JSON") || err.message.contains("no `office`"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "# the previous update\n"
        );
    }
}

#[test]
fn an_error_status_is_not_retried_and_is_named() {
    let (url, seen) = serve(|_, _| (400, "Query is malformed: bad".into(), Duration::ZERO));
    let dir = tempfile::tempdir().unwrap();
    let err = update::update(
        &Source::Endpoint(&endpoint(&url, 100)),
        &dir.path().join("x.toml"),
        date(2025, 1, 1),
        |_| {},
    )
    .unwrap_err();
    assert_eq!(seen.hits.load(Ordering::SeqCst), 1);
    assert!(err.to_string().contains("400"), "{err}");
    assert!(err.to_string().contains("Query is malformed"), "{err}");
    assert!(!dir.path().join("x.toml").exists());
}

/// Synthetic rows for one office of a made-up country.
fn ruritania(holder: &str, name: &str, start: &str, end: Option<&str>, acting: bool) -> Value {
    binding(
        "Q999000001",
        "Chancellor of Ruritania",
        "head-of-government",
        Some("XR"),
        holder,
        name,
        Some((start, 11)),
        end.map(|e| (e, 11)),
        acting,
    )
}

#[test]
fn conflicting_dates_and_overlapping_acting_holders() {
    let rows = vec![
        // Two statements of one term that disagree on its first day.
        ruritania(
            "Q999000010",
            "Rudolf Elphberg",
            "2001-03-01",
            Some("2010-05-01"),
            false,
        ),
        ruritania("Q999000010", "Rudolf Elphberg", "2001-03-02", None, false),
        // A successor whose start falls before the recorded end above.
        ruritania("Q999000011", "Flavia Elphberg", "2010-04-20", None, false),
        // An acting holder while she was ill, marked so.
        ruritania(
            "Q999000012",
            "Fritz von Tarlenheim",
            "2012-02-01",
            Some("2012-03-01"),
            true,
        ),
        // An acting holder never closed, then the next chancellor.
        ruritania("Q999000013", "Sapt Colonel", "2015-01-01", None, true),
        ruritania("Q999000014", "Rupert Hentzau", "2015-06-01", None, false),
    ];
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.json");
    std::fs::write(&results, document(&rows)).unwrap();
    let target = dir.path().join("wikidata.toml");
    update::update(&Source::File(&results), &target, date(2020, 1, 1), |_| {}).unwrap();
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("code = \"XR\""),
        "the unknown country is added:\n{text}"
    );
    let kb = load(&target);
    let office = "xr-chancellor-of-ruritania-q999000001";
    let on = |y, m, d| holders(&kb, office, date(y, m, d));
    assert_eq!(on(2001, 3, 1), [("Rudolf Elphberg".into(), false)]);
    assert_eq!(on(2010, 4, 25), [("Flavia Elphberg".into(), false)]);
    assert_eq!(
        on(2012, 2, 10),
        [
            ("Flavia Elphberg".into(), false),
            ("Fritz von Tarlenheim".into(), true)
        ]
    );
    assert_eq!(on(2015, 3, 1), [("Sapt Colonel".into(), true)]);
    assert_eq!(on(2015, 7, 1), [("Rupert Hentzau".into(), false)]);
    assert_eq!(people_named(&kb, "Rudolf Elphberg"), 1);
}

#[test]
fn an_office_that_is_both_head_of_state_and_government_says_so() {
    let row = |role| {
        binding(
            "Q999000002",
            "President of Ruritania",
            role,
            Some("XR"),
            "Q999000020",
            "Michael Strelsau",
            Some(("2019-01-01", 11)),
            None,
            false,
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.json");
    std::fs::write(
        &results,
        document(&[row("head-of-state"), row("head-of-government")]),
    )
    .unwrap();
    let target = dir.path().join("wikidata.toml");
    let summary =
        update::update(&Source::File(&results), &target, date(2020, 1, 1), |_| {}).unwrap();
    assert_eq!(summary.holders, 1, "one statement, selected by both roles");
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(
        text.contains("kind = \"head-of-state\"\nalso = [\"head-of-government\"]"),
        "{text}"
    );
    let kb = load(&target);
    let office = kb
        .offices
        .iter()
        .find(|o| o.name == "President of Ruritania")
        .unwrap();
    assert_eq!(office.also, ["head-of-government"]);
}

#[test]
fn an_older_update_does_not_undo_what_the_builtin_knows_later() {
    // Exported in January 2023: Blinken's term, with no end yet.
    let mut rows = vec![binding(
        "Q14213",
        "United States Secretary of State",
        "us-cabinet",
        Some("US"),
        "Q7821917",
        "Antony Blinken",
        Some(("2021-01-26", 11)),
        None,
        false,
    )];
    rows[0]["officeAliases"] = json!({"type": "literal", "value": "Secretary of State|SecState"});
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.json");
    std::fs::write(&results, document(&rows)).unwrap();
    let target = dir.path().join("wikidata.toml");
    let summary =
        update::update(&Source::File(&results), &target, date(2023, 1, 10), |_| {}).unwrap();
    assert_eq!((summary.updated_offices, summary.matched_people), (1, 1));
    let kb = load(&target);
    let sos = |y, m, d| holders(&kb, "us-secretary-of-state", date(y, m, d));
    assert_eq!(sos(2022, 6, 1), [("Antony Blinken".into(), false)]);
    // The built-in KB, complete to a later day, knows his successor.
    assert_eq!(sos(2025, 6, 1), [("Marco Rubio".into(), false)]);
    assert_eq!(sos(2015, 6, 1), [("John Kerry".into(), false)]);
    assert_eq!(people_named(&kb, "Antony Blinken"), 1);
}

#[test]
fn dates_of_every_precision_are_read() {
    assert_eq!(
        wd_date("2016-09-01T00:00:00Z", 10).unwrap().date,
        date(2016, 9, 1)
    );
    let (rows, skipped) = wikidata::parse_results(
        "saved.json",
        &document(&[binding(
            "Q1",
            "X",
            "kb",
            None,
            "Q2",
            "Y Z",
            Some(("1801-01-01", 7)),
            None,
            false,
        )]),
    )
    .unwrap();
    assert_eq!(
        (rows.len(), skipped),
        (0, 1),
        "a century is too vague to place"
    );
}

/// The whole export of the `every-politician-scrapers`, when a checkout is at hand.
#[test]
fn the_everypolitician_export_imports_whole() {
    let Some(dir) = std::env::var_os("PARALLAX_EVERYPOLITICIAN") else {
        eprintln!(
            "skipped: set PARALLAX_EVERYPOLITICIAN to a checkout of \
             github.com/every-politician-scrapers/world to import its whole export"
        );
        return;
    };
    let dir = Path::new(&dir);
    let mut rows = Vec::new();
    for file in ["html/holders21.csv", "html/legislators.csv"] {
        rows.extend(csv_bindings(&dir.join(file)));
    }
    let tmp = tempfile::tempdir().unwrap();
    let results = tmp.path().join("results.json");
    std::fs::write(&results, document(&rows)).unwrap();
    let target = tmp.path().join("wikidata.toml");
    let summary =
        update::update(&Source::File(&results), &target, date(2023, 1, 10), |_| {}).unwrap();
    assert!(summary.people > 3000, "{summary:?}");
    let kb = load(&target);
    assert!(kb.people.len() > 3500);
}

#[test]
fn the_command_writes_the_user_kb_and_status_shows_both() {
    let data = tempfile::tempdir().unwrap();
    let results = data.path().join("results.json");
    std::fs::write(&results, document(&excerpt_bindings())).unwrap();
    Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATA_DIR", data.path())
        .args(["kb", "update", "--from"])
        .arg(&results)
        .args(["--as-of", "2023-01-10"])
        .assert()
        .success();
    assert!(data.path().join("kb/wikidata.toml").is_file());
    assert!(
        data.path().join("kb/wikidata.snapshot").is_file(),
        "the next run reads the snapshot"
    );
    // A report loads it: the UN post's holders come from the user KB, and
    // an article past its as-of day says so.
    let article = data.path().join("late.txt");
    std::fs::write(
        &article,
        "Talks\nPublished March 3, 2024\n\nSecretary-General António Guterres spoke on Monday.\n",
    )
    .unwrap();
    let report = |extra: &[&str]| {
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .env("PARALLAX_DATA_DIR", data.path())
            .arg("report")
            .args(extra)
            .arg(&article)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    assert!(report(&[]).contains("complete to 2023-01-10"));
    assert!(!report(&["--no-user-kb"]).contains("complete to"));
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATA_DIR", data.path())
        .args(["kb", "status"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let builtin = Kb::builtin().as_of.unwrap().to_string();
    assert!(
        out.contains(&format!("built-in   as of {builtin}")),
        "{out}"
    );
    assert!(out.contains("user       as of 2023-01-10"), "{out}");
    // A malformed results file: a clear error, the user KB as it was.
    let before = std::fs::read(data.path().join("kb/wikidata.toml")).unwrap();
    std::fs::write(&results, "{\"head\": {}}").unwrap();
    let err = Command::cargo_bin("parallax")
        .unwrap()
        .env("PARALLAX_DATA_DIR", data.path())
        .args(["kb", "update", "--from"])
        .arg(&results)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("results.json") && err.contains("SPARQL JSON"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(data.path().join("kb/wikidata.toml")).unwrap(),
        before
    );
}

#[test]
fn a_ministry_by_another_name_is_the_kb_office_and_no_alias_takes_a_kb_name() {
    let mut rows = vec![
        binding(
            "Q15710855",
            "Minister of Foreign Affairs",
            "foreign-minister",
            Some("IL"),
            "Q999000030",
            "Avi Ben Ami",
            Some(("2026-01-05", 11)),
            None,
            false,
        ),
        binding(
            "Q999000003",
            "Minister of Foreign Affairs",
            "foreign-minister",
            Some("XR"),
            "Q999000031",
            "Rudolf Elphberg",
            Some(("2020-01-05", 11)),
            None,
            false,
        ),
    ];
    // A namesake's alias that is a KB person's name.
    rows[1]["holderAliases"] = json!({"type": "literal", "value": "Joe Biden|R. Elphberg"});
    rows[1]["countryLabel"] = json!({"type": "literal", "value": "Ruritania"});
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.json");
    std::fs::write(&results, document(&rows)).unwrap();
    let target = dir.path().join("wikidata.toml");
    let summary =
        update::update(&Source::File(&results), &target, date(2026, 2, 1), |_| {}).unwrap();
    assert_eq!(summary.updated_offices, 1, "the Israeli one is the KB's");
    let kb = load(&target);
    assert_eq!(
        holders(&kb, "il-foreign-minister", date(2026, 1, 20)),
        [("Avi Ben Ami".to_string(), false)]
    );
    assert_eq!(people_named(&kb, "Joe Biden"), 1);
    assert_eq!(
        holders(
            &kb,
            "xr-minister-of-foreign-affairs-q999000003",
            date(2021, 1, 1)
        ),
        [("Rudolf Elphberg".to_string(), false)],
        "an alias alone does not make him Joe Biden"
    );
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("aliases = [\"R. Elphberg\"]"), "{text}");
    // The new office is named with its country, not by a bare title.
    assert!(kb.resolve("Minister of Foreign Affairs").is_empty());
    assert!(
        !kb.resolve("Minister of Foreign Affairs of Ruritania")
            .is_empty()
    );
}
