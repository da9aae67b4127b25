//! The command line: defaults, formats, the knowledge-base option, errors.

use predicates::prelude::*;

mod common;
use common::parallax;

#[test]
fn without_a_terminal_the_reader_prints_the_report_and_says_so() {
    parallax()
        .assert()
        .success()
        .stderr(predicate::str::contains("not a terminal"))
        .stdout(predicate::str::contains(
            "assets/samples/01-harbour-ledger.md: a1:",
        ))
        .stdout(predicate::str::contains("4 articles, "));
}

#[test]
fn text_mentions_quote_the_line_with_a_caret() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "Talks resume\nPublished May 11, 2025\n\nHamas met Qatari officials in Doha on Sunday.\n",
    )
    .unwrap();
    let out = parallax()
        .args(["report", "--mentions"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = format!("{}:4:1: organization: Hamas [kb:hamas]", path.display());
    assert!(text.contains(&line), "{text}");
    assert!(
        text.contains("  | Hamas met Qatari officials in Doha on Sunday.\n  | ^^^^^\n"),
        "{text}"
    );
    assert!(text.contains(":4:39: date: 2025-05-11"), "{text}");
}

#[test]
fn markdown_report_lists_articles() {
    parallax()
        .args(["report", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Parallax report"))
        .stdout(predicate::str::contains(
            "| a4 | Northgate News | undated, inferred 2025-01-20 or later",
        ));
}

#[test]
fn an_extra_knowledge_base_file_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("extra.toml");
    std::fs::write(
        &kb,
        r#"
[[person]]
id = "test-mara-quill"
name = "Mara Quill"

[[office]]
id = "test-harbour-mayor"
title = "Harbour Mayor"
holders = [{ person = "test-mara-quill", from = "2024-03-01" }]
"#,
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Harbour news\nPublished May 11, 2025\n\nHarbour Mayor Mara Quill opened the pier.\n",
    )
    .unwrap();
    let out = parallax()
        .args(["report", "-f", "json", "--kb"])
        .arg(&kb)
        .arg(&article)
        .output()
        .unwrap();
    let json = common::stdout_json(&out);
    let person = &json["articles"][0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "person")
        .unwrap()["value"];
    assert_eq!(person["kb"], "test-mara-quill");
    assert_eq!(person["office"], "test-harbour-mayor");
}

#[test]
fn a_broken_knowledge_base_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("broken.toml");
    std::fs::write(&kb, "[[person]]\nid = \"x\"\n").unwrap();
    parallax()
        .args(["report", "--kb"])
        .arg(&kb)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.toml"))
        .stderr(predicate::str::contains("name"));
}

#[test]
fn a_bad_date_is_a_usage_error() {
    parallax()
        .args(["report", "--date", "2025-02-30"])
        .assert()
        .code(2);
}

#[test]
fn a_missing_file_is_named() {
    parallax()
        .args(["report", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

#[test]
fn fail_on_sets_the_exit_status() {
    // The sample story has high-severity findings.
    parallax()
        .args(["report", "--fail-on", "high"])
        .assert()
        .code(1);
    parallax().args(["report"]).assert().code(0);
}

#[test]
fn min_confidence_leaves_out_less_certain_findings() {
    let count = |args: &[&str]| {
        let out = parallax().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["findings"].as_array().unwrap().len()
    };
    let all = count(&["report", "-f", "json"]);
    let sure = count(&["report", "-f", "json", "--min-confidence", "0.9"]);
    assert!(sure > 0 && sure < all, "{sure} of {all}");
    assert_eq!(
        count(&["report", "-f", "json", "--min-confidence", "0"]),
        all
    );
    parallax()
        .args(["report", "--min-confidence", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a confidence"));
}

/// The first finding id of the sample story, from `review --list`.
fn first_id(session: &std::path::Path) -> String {
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(session)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn review_sets_and_lists_verdicts_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let id = first_id(&session);
    assert!(!session.exists(), "listing writes nothing");
    parallax()
        .args(["review", "--session"])
        .arg(&session)
        .args([
            "--reviewer",
            "ana",
            "--set",
            &id,
            "reject",
            "--note",
            "the dates agree",
        ])
        .assert()
        .success();
    let listed = parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .assert()
        .success();
    let text = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with(&format!("{id}\treject\t")), "{text}");
    assert!(text.contains("note: the dates agree"), "{text}");
    let counted = String::from_utf8(listed.get_output().stderr.clone()).unwrap();
    assert!(counted.contains("1 of 7 reviewed"), "{counted}");
    let undecided = parallax()
        .args(["review", "--list", "--undecided", "--session"])
        .arg(&session)
        .assert()
        .success();
    let text = String::from_utf8(undecided.get_output().stdout.clone()).unwrap();
    assert!(!text.contains(&id), "{text}");
}

#[test]
fn review_rejects_an_unknown_id_or_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    parallax()
        .args(["review", "--session"])
        .arg(&session)
        .args(["--set", "xx-000000000000", "accept"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no finding xx-000000000000"));
    let id = first_id(&session);
    parallax()
        .args(["review", "--session"])
        .arg(&session)
        .args(["--set", &id, "maybe"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown verdict"));
    assert!(!session.exists());
}

#[test]
fn a_damaged_session_stops_report_and_review_and_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    std::fs::write(&session, "not json at all").unwrap();
    for args in [vec!["report"], vec!["review", "--list"]] {
        parallax()
            .args(&args)
            .arg("--session")
            .arg(&session)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("s.json"))
            .stderr(predicate::str::contains("not a Parallax session file"));
    }
    assert_eq!(
        std::fs::read_to_string(&session).unwrap(),
        "not json at all"
    );
    std::fs::write(&session, r#"{"version": 99}"#).unwrap();
    parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newer"));
}

/// The text report's help lines read as English sentences, one wording per
/// kind, and an open window says which side is open.
#[test]
fn text_help_lines_and_open_windows_read_as_english() {
    let out = parallax().args(["report"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("did you mean:"), "{text}");
    assert!(!text.contains("… ?"), "{text}");
    for line in [
        "Northgate News, undated, inferred 2025-01-20 or later (",
        "  = help: on that date it was Israel Katz\n",
        "  = help: did you mean \"Sunday, January 19\"?\n",
        "  = help: the other sources say \"90 Palestinian prisoners\"\n",
        "  = help: check which account is right: one article reverses what the other states.\n",
        "  = help: check the parts: they should add up to no more than 3.\n",
        "  = help: the usual spelling is Antony Blinken\n",
    ] {
        assert!(text.contains(line), "{line:?} is not in\n{text}");
    }
}
