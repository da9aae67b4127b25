//! The command line: defaults, formats, the knowledge-base option, errors.

use assert_cmd::Command;
use predicates::prelude::*;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

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
            "| a4 | Northgate News | undated, inferred 2025-01-20",
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
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
