//! Every field of every report format fed the same hostile text: article
//! titles, outlets, bodies (and so quotes and summaries), file names, a
//! name from a `--kb` file, a reviewer, a note, and a gone decision from
//! the session file. Each format's one encoding layer must hold for all of
//! them: nothing that acts on a terminal in any output, no live Markdown or
//! HTML, no CSV formula, JSON that parses back to the same text.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

mod common;

/// Terminal escapes (OSC title, C1 CSI), bidi overrides and isolates, a
/// line separator, Markdown links, images, autolinks, HTML, math, an
/// entity for a bidi override, escaped brackets, and a formula.
const HOSTILE: &str = "=HYPERLINK(\"x\") \u{1b}]0;owned\u{7} \u{9b}2J \u{202E}evil\u{202C} \u{2066}iso\u{2069} \
     \u{200F}rlm\u{2028}ls [click](javascript:alert) ![pic](x.png) <http://example.invalid> \
     <img src=x onerror=alert(1)> $x^2$ US$5m and US$6m &#x202E; \\[a\\](b)";

/// The same, safe in a file name (no `/`, no NUL).
const HOSTILE_NAME: &str = "=cmd \u{1b}]0;owned\u{7} \u{202E}x [click](javascript:alert) $m$ <b>";

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

/// A story of two articles whose every text field carries `HOSTILE`, with
/// a number that differs (a finding quoting hostile text) and an office
/// from a `--kb` file held by someone else (a finding naming the KB's
/// hostile office).
fn story(dir: &Path) -> (Vec<PathBuf>, PathBuf) {
    let body = |n: u32| {
        format!(
            "---\ntitle: {title}\noutlet: {title}\npublished: 2025-03-04\n---\n\n\
             {HOSTILE}\n\nRescuers said {n} people were killed when the storm {HOSTILE} reached \
             the coast on Monday. Swedish Harbour Warden Alma Quist said the port would reopen.\n",
            title = quoted(HOSTILE),
        )
    };
    let a = dir.join(format!("{HOSTILE_NAME} one.md"));
    let b = dir.join("two.md");
    std::fs::write(&a, body(14)).unwrap();
    std::fs::write(&b, body(41)).unwrap();
    let kb = dir.join("kb.toml");
    let office = quoted(HOSTILE);
    std::fs::write(
        &kb,
        format!(
            "[[person]]\nid = \"alma-quist\"\nname = \"Alma Quist\"\n\n\
             [[person]]\nid = \"bror-lindqvist\"\nname = \"Bror Lindqvist\"\n\n\
             [[office]]\nid = \"se-harbour-warden\"\ntitle = \"Harbour Warden\"\ncountry = \"SE\"\n\
             name = {office}\nkind = \"other\"\nholders = [\n  \
             {{ person = \"alma-quist\", from = \"2010-01-01\", to = \"2020-01-01\" }},\n  \
             {{ person = \"bror-lindqvist\", from = \"2020-01-01\" }},\n]\n"
        ),
    )
    .unwrap();
    (vec![a, b], kb)
}

/// A double-quoted string, as YAML and TOML both read it: everything
/// outside printable ASCII as `\uXXXX` (a raw U+2028 would end a YAML
/// line).
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// The first finding's id, and a session holding a hostile reviewer and
/// note on it, and a gone decision whose every field is hostile.
fn session(dir: &Path, inputs: &[PathBuf], kb: &Path) -> PathBuf {
    let session = dir.join("session.json");
    let listed = parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .arg("--kb")
        .arg(kb)
        .args(inputs)
        .output()
        .unwrap();
    let out = String::from_utf8(listed.stdout).unwrap();
    let id = out.lines().next().unwrap().split('\t').next().unwrap();
    parallax()
        .args(["review", "--session"])
        .arg(&session)
        .arg("--kb")
        .arg(kb)
        .args(["--reviewer", HOSTILE, "--set", id, "accept", "--note"])
        .arg(format!("{HOSTILE}\n- {HOSTILE}\n1. {HOSTILE}"))
        .args(inputs)
        .assert()
        .success();
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&session).unwrap()).unwrap();
    let mut gone = file["decisions"][0].clone();
    for field in ["finding", "summary", "reviewer", "note", "at"] {
        gone[field] = HOSTILE.into();
    }
    gone["evidence"] = serde_json::json!([HOSTILE]);
    gone["articles"] = serde_json::json!([HOSTILE]);
    file["decisions"].as_array_mut().unwrap().push(gone);
    std::fs::write(&session, serde_json::to_vec(&file).unwrap()).unwrap();
    session
}

fn report(format: &str, inputs: &[PathBuf], kb: &Path, session: &Path) -> String {
    let out = parallax()
        .args(["report", "-f", format])
        .arg("--kb")
        .arg(kb)
        .arg("--session")
        .arg(session)
        .args(inputs)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "report -f {format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Characters no output may carry raw: terminal controls other than line
/// breaks and tabs, and bidi overrides and isolates.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn check_terminal_safe(format: &str, out: &str) {
    if let Some(c) = out.chars().find(|&c| acts_on_terminal(c)) {
        panic!("report -f {format} carries U+{:04X} raw", c as u32);
    }
}

#[test]
fn every_field_of_every_format_is_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, kb) = story(dir.path());
    let session = session(dir.path(), &inputs, &kb);
    for format in ["text", "json", "md", "html", "csv"] {
        let out = report(format, &inputs, &kb, &session);
        // The hostile text got in: each report shows the finding that
        // quotes it, the KB office and the gone decision.
        assert!(out.contains("click"), "-f {format}: {out}");
        assert!(out.contains("41"), "-f {format}: {out}");
        check_terminal_safe(format, &out);
    }
    let text = report("text", &inputs, &kb, &session);
    assert!(text.contains("Harbour Warden"), "{text}");
    markdown_is_inert(&report("md", &inputs, &kb, &session));
    html_is_inert(&report("html", &inputs, &kb, &session));
    csv_has_no_formula(&report("csv", &inputs, &kb, &session));
    json_round_trips(&report("json", &inputs, &kb, &session));
}

/// Read as GitHub would (tables, strikethrough, math): no link, image,
/// HTML or math comes out, and the text is still there to read.
fn markdown_is_inert(md: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let mut text = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a live link to {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image from {dest_url}"),
            // The template's own small print.
            Event::InlineHtml(h) if matches!(&*h, "<sub>" | "</sub>") => {}
            Event::Html(h) | Event::InlineHtml(h) => panic!("live HTML {h}"),
            Event::InlineMath(m) | Event::DisplayMath(m) => panic!("math {m}"),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    for shown in [
        "[click](javascript:alert)",
        "<img src=x",
        "US$5m and US$6m",
        "&#x202E;",
    ] {
        assert!(
            text.contains(shown),
            "{shown:?} not shown as text in:\n{md}"
        );
    }
}

fn html_is_inert(html: &str) {
    for live in ["<img", "<http://", "$m$ <b>"] {
        assert!(!html.contains(live), "{live} is live in the HTML report");
    }
    assert!(html.contains("&lt;img src=x"), "the text is still shown");
}

/// No cell a spreadsheet would run: one starting (after spaces) with
/// `=`, `+`, `-` or `@` is quoted with a leading `'`.
fn csv_has_no_formula(csv: &str) {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let mut rows = 0;
    for row in reader.records() {
        rows += 1;
        for cell in &row.unwrap() {
            let start = cell.trim_start().chars().next();
            assert!(
                !matches!(start, Some('=' | '+' | '-' | '@')),
                "a formula cell: {cell:?}"
            );
        }
    }
    assert!(rows > 0);
}

fn json_round_trips(json: &str) {
    let report: serde_json::Value = serde_json::from_str(json).unwrap();
    let titles: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&HOSTILE), "{titles:?}");
}
