//! The acceptance checks of issue 2 on the two seed articles in
//! `../shared/seeds`. Skipped (with a note) when that folder is absent.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn seeds() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn report(dir: &PathBuf) -> Value {
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .args(["report", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The article whose file name starts with `prefix`.
fn article<'a>(r: &'a Value, prefix: &str) -> &'a Value {
    r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            let path = a["path"].as_str().unwrap();
            path.rsplit('/').next().unwrap().starts_with(prefix)
        })
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

fn mentions<'a>(a: &'a Value, kind: &str) -> Vec<&'a Value> {
    a["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == kind)
        .collect()
}

#[test]
fn first_seed_is_dated_and_second_is_inferred() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let first = article(&r, "000_");
    assert_eq!(first["published"], "2025-05-11");
    let second = article(&r, "004_");
    assert!(second["published"].is_null());
    let window = &second["published_inferred"];
    // It names Operation Gideon's Chariots (May 2025) and President Trump.
    let from = window["from"].as_str().expect("an inferred lower bound");
    assert!(from >= "2025-01-20", "{window}");
    assert!(!window["basis"].as_array().unwrap().is_empty());
}

#[test]
fn people_with_roles() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let all: Vec<&Value> = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| mentions(a, "person"))
        .collect();
    let named = |name: &str| all.iter().filter(|m| m["value"]["name"] == name).count();
    for name in [
        "Steven Weitekamp",
        "Benjamin Netanyahu",
        "Donald Trump",
        "Sagui Dekel-Chen",
        "Yair Horn",
    ] {
        assert!(named(name) > 0, "no person {name}");
    }
    let envoy = all
        .iter()
        .find(|m| m["value"]["name"] == "Steven Weitekamp" && !m["value"]["role"].is_null())
        .unwrap();
    assert_eq!(
        envoy["text"],
        "U.S. Special Envoy for the Middle East Steven Weitekamp"
    );
    assert_eq!(envoy["value"]["office"], "us-special-envoy-middle-east");
    // The later bare "Weitekamp" mentions are linked to the full name.
    let linked = all
        .iter()
        .filter(|m| {
            m["text"] == "Weitekamp"
                && m["value"]["name"] == "Steven Weitekamp"
                && !m["value"]["linked_to"].is_null()
        })
        .count();
    assert!(linked >= 2, "{linked} linked bare surnames");
}

#[test]
fn the_biden_administration_is_an_office_in_the_kb() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let offices = mentions(article(&r, "000_"), "office");
    let biden = offices
        .iter()
        .find(|m| m["text"] == "Biden administration")
        .expect("office mention");
    assert_eq!(biden["value"]["kb"], "joe-biden-administration");
    assert_eq!(biden["value"]["form"], "administration");
}

#[test]
fn quantities_become_intervals() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let all: Vec<&Value> = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| mentions(a, "quantity"))
        .collect();
    let find = |prefix: &str| {
        *all.iter()
            .find(|m| m["text"].as_str().unwrap().starts_with(prefix))
            .unwrap_or_else(|| panic!("no quantity {prefix}"))
    };
    let q = find("approximately 48");
    assert_eq!(
        (q["value"]["low"].as_i64(), q["value"]["high"].as_i64()),
        (Some(48), Some(48))
    );
    assert_eq!(q["value"]["approximate"], true);
    assert_eq!(q["value"]["counted"], "Israeli captives");
    let q = find("around 20");
    assert_eq!(q["value"]["low"].as_i64(), Some(20));
    assert_eq!(q["value"]["approximate"], true);
    let q = find("up to 30");
    assert!(q["value"]["low"].is_null());
    assert_eq!(q["value"]["high"].as_i64(), Some(30));
    let q = find("at least eight");
    assert_eq!(q["value"]["low"].as_i64(), Some(8));
    assert!(q["value"]["high"].is_null());
    let q = find("three hostages");
    assert_eq!(
        (q["value"]["low"].as_i64(), q["value"]["high"].as_i64()),
        (Some(3), Some(3))
    );
}

#[test]
fn dates_resolve_against_publication() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let dates = mentions(article(&r, "000_"), "date");
    let sunday = dates
        .iter()
        .find(|m| m["text"] == "Sunday")
        .expect("\"on Sunday\"");
    assert_eq!(sunday["value"]["from"], "2025-05-11");
    assert_eq!(sunday["value"]["relative"], true);
    let feb = dates
        .iter()
        .find(|m| m["text"] == "February 15, 2025")
        .unwrap();
    assert_eq!(feb["value"]["from"], "2025-02-15");
    let month = dates
        .iter()
        .find(|m| m["text"] == "its twentieth month")
        .unwrap();
    assert_eq!(month["value"]["from"], "2025-05-07");
}

#[test]
fn attributions_name_their_sources() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    let sources: Vec<String> = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| mentions(a, "attribution"))
        .filter_map(|m| m["value"]["source"].as_str().map(str::to_string))
        .collect();
    for outlet in [
        "Al Jazeera",
        "Reuters",
        "Axios",
        "Maariv",
        "Haaretz",
        "Israeli Army Radio",
        "Israel Hayom",
    ] {
        assert!(
            sources.iter().any(|s| s == outlet),
            "no attribution to {outlet}: {sources:?}"
        );
    }
}

#[test]
fn every_quote_is_the_file_bytes() {
    let Some(dir) = seeds() else { return };
    let r = report(&dir);
    for a in r["articles"].as_array().unwrap() {
        let bytes = std::fs::read(a["path"].as_str().unwrap()).unwrap();
        for m in a["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .chain(a["sentences"].as_array().unwrap())
        {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let quoted = std::str::from_utf8(&bytes[s..e]).unwrap();
            assert_eq!(m["text"], quoted);
        }
    }
}
