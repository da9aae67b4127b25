//! The acceptance checks of issue 2 on the two seed articles in
//! `../shared/seeds`. Skipped (with a note) when that folder is absent,
//! and failed instead under `CI=true`.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{articles, check_report_positions, mentions, seeds};

fn report(dir: &Path) -> Value {
    common::report_json(&[common::arg(dir)]).0
}

/// The article whose file name starts with `prefix`.
fn article<'a>(r: &'a Value, prefix: &str) -> &'a Value {
    articles(r)
        .iter()
        .find(|a| {
            let path = a["path"].as_str().unwrap();
            path.rsplit('/').next().unwrap().starts_with(prefix)
        })
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

/// The mentions of one `kind` in every article.
fn all_mentions<'a>(r: &'a Value, kind: &str) -> Vec<&'a Value> {
    articles(r).iter().flat_map(|a| mentions(a, kind)).collect()
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
    let all = all_mentions(&r, "person");
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
    let all = all_mentions(&r, "quantity");
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
    let sources: Vec<String> = all_mentions(&r, "attribution")
        .into_iter()
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
    check_report_positions(&report(&dir));
}

// The rule for the folder's absence, on a folder that is surely absent
// (the shared one is never moved for a test).

#[test]
fn an_absent_seed_folder_is_skipped_outside_ci() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(common::seeds_at(&dir.path().join("absent"), false), None);
}

#[test]
#[should_panic(expected = "is absent and CI=true")]
fn an_absent_seed_folder_fails_under_ci() {
    let dir = tempfile::tempdir().unwrap();
    common::seeds_at(&dir.path().join("absent"), true);
}

#[test]
fn a_present_seed_folder_is_read_under_ci_and_outside() {
    let dir = tempfile::tempdir().unwrap();
    for ci in [false, true] {
        assert_eq!(
            common::seeds_at(dir.path(), ci).as_deref(),
            Some(dir.path())
        );
    }
}
