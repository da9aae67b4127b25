//! Hostile input (`tests/fixtures/hostile/`, plus large files generated
//! here): every file gives a clear error naming it or a correct report, no
//! panic, no hang, and nothing that would act on a terminal reaches the
//! text output. The reader on the same corpus is in `tests/pty.rs`.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::BIN;

/// A hang guard, not a benchmark: a debug build on a loaded machine stays
/// far below it.
const LIMIT: Duration = Duration::from_mins(2);

fn fixtures() -> Vec<PathBuf> {
    let dir = common::in_crate("tests/fixtures/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    files.sort();
    files
}

/// Runs the binary, killing it if it runs past the guard.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        stdout.read_to_end(&mut b).unwrap();
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        stderr.read_to_end(&mut b).unwrap();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("parallax {args:?} ran past {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Characters that would act on a terminal: C0 controls other than
/// newline, DEL, C1 controls, bidirectional overrides and isolates.
fn acts_on_terminal(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn check_printable(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text.chars().find(|&c| acts_on_terminal(c)) {
        panic!("{what}: {c:?} reached the output:\n{text}");
    }
}

fn name(path: &Path) -> &str {
    path.file_name().unwrap().to_str().unwrap()
}

#[test]
fn every_file_gives_a_clear_error_or_a_report() {
    for path in fixtures() {
        let p = path.to_str().unwrap();
        for format in ["text", "md", "json", "html", "csv"] {
            let out = run(&["report", p, "--format", format]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let what = format!("{} as {format}", name(&path));
            assert!(!stderr.contains("panicked"), "{what}: {stderr}");
            match out.status.code() {
                Some(0) => {
                    if format == "json" {
                        let json: serde_json::Value = serde_json::from_slice(&out.stdout)
                            .unwrap_or_else(|e| panic!("{what}: invalid JSON: {e}"));
                        assert!(json["articles"].as_array().is_some_and(|a| !a.is_empty()));
                    } else {
                        check_printable(&what, &out.stdout);
                    }
                }
                Some(2) => assert!(
                    stderr.contains(name(&path)),
                    "{what}: the error names the file: {stderr}"
                ),
                other => panic!("{what}: exit {other:?}: {stderr}"),
            }
            check_printable(&format!("{what} (stderr)"), &out.stderr);
        }
    }
}

fn json_report(path: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["report", path, "--format", "json"];
    args.extend(extra);
    common::stdout_json(&run(&args))
}

fn fixture(name: &str) -> String {
    common::arg(&common::fixture("hostile", name)).to_string()
}

fn sentences(json: &serde_json::Value) -> Vec<String> {
    json["articles"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

fn error_of(file: &str) -> String {
    let out = run(&["report", &fixture(file)]);
    assert_eq!(out.status.code(), Some(2), "{file}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn empty_blank_and_binary_files_are_named_errors() {
    assert!(error_of("empty.txt").contains("empty"));
    assert!(error_of("whitespace.txt").contains("empty"));
    assert!(error_of("binary.bin.txt").contains("binary"));
    assert!(error_of("nul-bytes.txt").contains("binary"));
}

#[test]
fn json_with_wrong_types_names_the_field_and_keeps_the_good_items() {
    assert!(error_of("wrong-types.json").contains("field `text` must be a string"));
    let out = run(&[
        "report",
        &fixture("wrong-types-array.json"),
        "--format",
        "json",
    ]);
    let json = common::stdout_json(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("item 2"), "{stderr}");
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_is_repaired_with_a_warning() {
    let out = run(&["report", &fixture("invalid-utf8.txt"), "--format", "json"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn a_yaml_alias_bomb_is_refused_and_the_body_still_read() {
    let out = run(&["report", &fixture("yaml-bomb.md"), "--format", "json"]);
    let json = common::stdout_json(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("front matter is not valid YAML"),
        "{stderr}"
    );
    assert!(sentences(&json).iter().any(|s| s.contains("council met")));
    // Anchors used normally are fine.
    let json = json_report(&fixture("yaml-anchors.md"), &[]);
    assert_eq!(json["articles"][0]["outlet"], "Anchor Weekly");
}

#[test]
fn scripts_and_handlers_are_not_article_text() {
    let json = json_report(&fixture("scripts.html"), &[]);
    let text = sentences(&json).join(" ");
    assert!(text.contains("40 ships were waiting"), "{text}");
    for injected in ["999 victims", "12 dead", "alert(", "77 times", "steal()"] {
        assert!(
            !text.contains(injected),
            "{injected:?} was read as text: {text}"
        );
    }
    let json = json_report(&fixture("nested.html"), &[]);
    assert!(
        sentences(&json)
            .iter()
            .any(|s| s.contains("30 people were hurt"))
    );
}

#[test]
fn impossible_dates_are_not_read_as_dates() {
    let json = json_report(&fixture("bad-dates.txt"), &[]);
    let article = &json["articles"][0];
    // "Published February 30, 2025" gives no publication date.
    assert!(article["published"].is_null());
    for m in article["mentions"].as_array().unwrap() {
        if m["kind"] == "date" {
            let text = m["text"].as_str().unwrap();
            for impossible in ["February 30", "99th", "April 31", "0th", "32/13", "99999"] {
                assert!(!text.contains(impossible), "{text:?} read as a date");
            }
        }
    }
}

#[test]
fn a_500_digit_number_is_not_a_count() {
    let json = json_report(&fixture("long-number.txt"), &[]);
    for m in json["articles"][0]["mentions"].as_array().unwrap() {
        if m["kind"] == "quantity" {
            let low = &m["value"]["low"];
            assert!(
                low.is_null() || low.as_f64().is_some_and(f64::is_finite),
                "{m}"
            );
        }
    }
}

#[test]
fn escapes_bidi_and_scripts_keep_exact_positions() {
    for file in ["escapes.txt", "bidi.txt", "scripts-mix.txt"] {
        common::check_report_positions(&json_report(&fixture(file), &[]));
    }
}

/// A scratch directory with the large inputs, written once per run.
fn generated() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let words = [
            "officials",
            "said",
            "talks",
            "resumed",
            "on",
            "monday",
            "and",
            "40",
            "trucks",
            "crossed",
            "near",
            "the",
            "border",
        ];
        let word = |i: usize| words[(i * 7 + i / 13) % words.len()];
        let mut lines = String::new();
        for i in 0..100_000 {
            let _ = writeln!(lines, "Line {i} says {}.", word(i));
        }
        std::fs::write(
            dir.path().join("short-lines.txt"),
            format!("Many lines\n\n{lines}"),
        )
        .unwrap();
        let sentence: Vec<&str> = (0..100_000).map(word).collect();
        std::fs::write(
            dir.path().join("long-sentence.txt"),
            format!("Long sentence\n\n{}.\n", sentence.join(" ")),
        )
        .unwrap();
        // 50 MB on one line, in 1 MB pieces.
        let piece: String = (0..150_000).map(word).collect::<Vec<_>>().join(" ");
        let mut big = String::with_capacity(51 << 20);
        big.push_str("Huge line\n\n");
        while big.len() < 50 << 20 {
            big.push_str(&piece);
            big.push(' ');
        }
        std::fs::write(dir.path().join("single-line-50mb.txt"), big).unwrap();
        dir
    })
    .path()
}

#[test]
fn a_hundred_thousand_short_lines() {
    let path = generated().join("short-lines.txt");
    let json = json_report(path.to_str().unwrap(), &[]);
    let sentences = json["articles"][0]["sentences"].as_array().unwrap().len();
    assert!(sentences >= 100_000, "{sentences}");
}

#[test]
fn a_sentence_of_a_hundred_thousand_words_is_cut_into_bounded_pieces() {
    let path = generated().join("long-sentence.txt");
    let json = json_report(path.to_str().unwrap(), &[]);
    let sentences = sentences(&json);
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    assert_eq!(
        words,
        100_000 + 2,
        "every word is kept (and the title's two)"
    );
    assert!(
        sentences
            .iter()
            .all(|s| s.split_whitespace().count() <= 150)
    );
}

#[test]
fn a_50_mb_line_is_over_the_default_limit_with_a_hint() {
    let path = generated().join("single-line-50mb.txt");
    let out = run(&["report", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("single-line-50mb.txt"), "{stderr}");
    assert!(
        stderr.contains("--max-size"),
        "the way past the limit is named: {stderr}"
    );
}

#[test]
fn json_escapes_bidi_overrides_and_c1_controls() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bidi\u{202E}.txt");
    std::fs::write(
        &path,
        "Bidi \u{2066}title\n\nThe talks \u{202E} resumed \u{85} in Cairo on Monday, officials said.\n",
    )
    .unwrap();
    let out = run(&["report", "-f", "json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for raw in ['\u{202E}', '\u{85}', '\u{2066}'] {
        assert!(!text.contains(raw), "{raw:?} raw in the JSON");
    }
    assert!(
        text.contains("\\u202e") && text.contains("\\u0085"),
        "{text}"
    );
    // Still JSON, and the same text once parsed.
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    let article = &parsed["articles"][0];
    assert!(
        article["path"]
            .as_str()
            .unwrap()
            .ends_with("bidi\u{202E}.txt")
    );
}
