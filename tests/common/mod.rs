//! What the integration tests share: where the fixtures are, the seed
//! articles (and when their absence fails the run), running the binary for
//! a JSON report, and checking that the report's positions quote the file.
//! Each test file takes it in with `mod common;`.

#![allow(dead_code, reason = "each test binary uses part of the shared helpers")]

use std::path::{Path, PathBuf};
use std::process::Output;

use parallax::analysis::Analysis;
use parallax::detect::FindingKind;
use parallax::review::{Decision, Verdict};
use serde_json::Value;

/// The binary under test, for tests that start it themselves (in a pty,
/// or with a hang guard).
pub const BIN: &str = env!("CARGO_BIN_EXE_parallax");

/// The review times of the session fixtures.
pub const NOW: &str = "2026-11-21T10:00:00Z";
pub const LATER: &str = "2026-11-22T09:30:00Z";

/// A path inside the crate, whatever directory the test runs in.
pub fn in_crate(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A file of one fixture set under `tests/fixtures/` (`hostile`, `ingest`,
/// `tui`).
pub fn fixture(set: &str, name: &str) -> PathBuf {
    in_crate("tests/fixtures").join(set).join(name)
}

/// The sample story of `assets/samples/`, analysed: the corpus most tests
/// read.
pub fn sample() -> Analysis {
    parallax::samples::analysis()
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

// ---------------------------------------------------------------------------
// The seed articles

/// The seed articles in `../shared/seeds`, beside the crate. Absent, the
/// tests that read them skip with a note, except under `CI=true`, where a
/// silent skip would pass without checking anything.
pub fn seeds() -> Option<PathBuf> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    seeds_at(&in_crate("../shared/seeds"), ci)
}

/// The decision behind [`seeds`], for any directory: `Some` when it exists;
/// when it does not, `None` with a note, or a panic under CI.
pub fn seeds_at(dir: &Path, ci: bool) -> Option<PathBuf> {
    if dir.is_dir() {
        return Some(dir.to_path_buf());
    }
    assert!(
        !ci,
        "{} is absent and CI=true: the seed tests would check nothing. \
         Put the seed articles there, or unset CI to skip them.",
        dir.display()
    );
    eprintln!(
        "skipped: {} is absent (under CI=true this fails)",
        dir.display()
    );
    None
}

// ---------------------------------------------------------------------------
// The binary

/// The binary, with colour off whatever the caller's environment says.
pub fn parallax() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("parallax").expect("the parallax binary is built");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The standard output of a run that must have succeeded, as JSON.
pub fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "parallax failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "the report is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Runs `parallax report ARGS --format json`, expecting success; returns
/// the report and standard error.
pub fn report_json(args: &[&str]) -> (Value, String) {
    let out = parallax()
        .arg("report")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("parallax runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (stdout_json(&out), stderr)
}

// ---------------------------------------------------------------------------
// Reading a JSON report

pub fn articles(report: &Value) -> &[Value] {
    report["articles"].as_array().expect("articles array")
}

/// The mentions of one `kind` in `article`.
pub fn mentions<'r>(article: &'r Value, kind: &str) -> Vec<&'r Value> {
    article["mentions"]
        .as_array()
        .expect("mentions array")
        .iter()
        .filter(|m| m["kind"] == kind)
        .collect()
}

pub fn usize_of(v: &Value) -> usize {
    let n = v.as_u64().unwrap_or_else(|| panic!("not a number: {v}"));
    usize::try_from(n).expect("fits usize")
}

/// The 1-based line and column (in characters) of byte `at` of `bytes`.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&bytes[line_start..at])
        .expect("a position on a char boundary")
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Checks that every sentence and mention of `article` quotes `source`
/// exactly at `start..end`, at the right line and column.
pub fn check_positions(article: &Value, source: &[u8]) {
    let path = article["path"].as_str().unwrap_or("?");
    let items = article["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| ("sentence", s))
        .chain(
            article["mentions"]
                .as_array()
                .expect("mentions")
                .iter()
                .map(|m| ("mention", m)),
        );
    let mut count = 0;
    for (what, item) in items {
        count += 1;
        let (start, end) = (usize_of(&item["start"]), usize_of(&item["end"]));
        let text = item["text"].as_str().expect("text");
        assert!(
            start <= end && end <= source.len(),
            "{path}: {what} {item} outside the file"
        );
        assert_eq!(
            &source[start..end],
            text.as_bytes(),
            "{path}: {what} text differs from the file at {start}..{end}"
        );
        assert!(!text.is_empty(), "{path}: empty {what} {item}");
        let (line, column) = line_col(source, start);
        assert_eq!(
            (usize_of(&item["line"]), usize_of(&item["column"])),
            (line, column),
            "{path}: {what} {text:?} at byte {start}"
        );
    }
    assert!(count > 0, "{path}: no sentences or mentions at all");
}

/// Checks every article of a report against the file it was read from.
pub fn check_report_positions(report: &Value) {
    for a in articles(report) {
        let path = a["path"].as_str().expect("path");
        // "bundle.json#2" is the second article of bundle.json.
        let file = match path.rsplit_once('#') {
            Some((file, n)) if n.chars().all(|c| c.is_ascii_digit()) => file,
            _ => path,
        };
        let source = std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
        check_positions(a, &source);
    }
}

// ---------------------------------------------------------------------------
// Review sessions

/// A decision on a finding that no analysis of the sample story has: a
/// name variant from an article since retracted.
pub fn gone_decision(note: Option<&str>, reviewer: &str, at: &str) -> Decision {
    Decision {
        finding: "nv-000000000000".to_string(),
        kind: FindingKind::NameVariant,
        summary: "\"Jon Smiht\" looks like a misspelling of John Smith".to_string(),
        evidence: vec!["Jon Smiht".to_string()],
        articles: vec!["retracted.txt".to_string()],
        verdict: Some(Verdict::Accept),
        note: note.map(str::to_string),
        reviewer: reviewer.to_string(),
        at: at.to_string(),
        other: serde_json::Map::new(),
    }
}
