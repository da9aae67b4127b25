//! End to end through the `parallax` binary: reading directories, bad
//! files, odd encodings, standard input, JSON bundles and HTML pages, and
//! checking that every position in the JSON report points at the file.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{
    arg, articles, check_positions, check_report_positions, parallax, report_json, usize_of,
};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn fixtures() -> PathBuf {
    common::in_crate("tests/fixtures/ingest")
}

fn fixture(name: &str) -> PathBuf {
    common::fixture("ingest", name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A file `name` holding `text`, in a fresh directory that lives as long
/// as the returned guard.
fn scratch(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn article<'r>(report: &'r Value, path_ends: &str) -> &'r Value {
    articles(report)
        .iter()
        .find(|a| a["path"].as_str().is_some_and(|p| p.ends_with(path_ends)))
        .unwrap_or_else(|| panic!("no article {path_ends} in {report:#}"))
}

fn errors(report: &Value) -> &[Value] {
    report["errors"].as_array().expect("errors array")
}

fn mention<'r>(article: &'r Value, text: &str) -> &'r Value {
    article["mentions"]
        .as_array()
        .expect("mentions array")
        .iter()
        .find(|m| m["text"] == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {article:#}"))
}

/// A PNG-like header: NUL and control bytes.
const BINARY: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x1f\x15\xc4\x89";

// ---------------------------------------------------------------------------

#[test]
fn directory_with_bad_files_reads_the_good_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["news-page.txt", "briefing.md"] {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copy fixture");
    }
    std::fs::write(dir.path().join("photo.txt"), BINARY).expect("write binary");
    std::fs::write(dir.path().join("empty.md"), "").expect("write empty");

    let (report, stderr) = report_json(&[arg(dir.path())]);

    assert_eq!(articles(&report).len(), 2, "{report:#}");
    let page = article(&report, "news-page.txt");
    assert_eq!(page["format"], "text");
    assert_eq!(page["published"], "2025-05-11");
    assert_eq!(
        page["title"],
        "Ferry service to Larnaca resumes after storm damage"
    );
    let brief = article(&report, "briefing.md");
    assert_eq!(brief["format"], "markdown");
    assert_eq!(brief["outlet"], "Quayside Bulletin");
    assert_eq!(brief["published"], "2025-03-04");
    check_report_positions(&report);

    let photo = dir.path().join("photo.txt").display().to_string();
    let empty = dir.path().join("empty.md").display().to_string();
    assert!(
        stderr.contains(&format!("{photo}: looks like a binary file")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{empty}: file is empty")),
        "{stderr}"
    );

    let errors = errors(&report);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let find = |path: &str| {
        errors
            .iter()
            .find(|e| e["path"] == path)
            .unwrap_or_else(|| panic!("no error for {path}: {errors:?}"))
    };
    assert!(
        find(&photo)["message"]
            .as_str()
            .is_some_and(|m| m.contains("binary")),
        "{errors:?}"
    );
    assert!(
        find(&empty)["message"]
            .as_str()
            .is_some_and(|m| m.contains("empty")),
        "{errors:?}"
    );
}

#[test]
fn only_bad_files_exit_with_code_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("photo.txt");
    let empty = dir.path().join("empty.md");
    std::fs::write(&photo, BINARY).expect("write binary");
    std::fs::write(&empty, "  \n\n").expect("write blank");

    for args in [vec![arg(dir.path())], vec![arg(&photo), arg(&empty)]] {
        parallax()
            .arg("report")
            .args(&args)
            .args(["--format", "json"])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains("no article could be read"))
            .stderr(predicate::str::contains("photo.txt"))
            .stderr(predicate::str::contains("empty.md"));
    }

    parallax()
        .args(["report", arg(&dir.path().join("missing.txt"))])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn invalid_utf8_is_a_warning_and_the_article_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = read(&fixture("news-page.txt"));
    // A Latin-1 "é" in "Larnaca" on the title line: one bad byte.
    let at = good
        .windows(7)
        .position(|w| w == b"Larnaca")
        .expect("Larnaca");
    let mut bytes = good[..=at].to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(&good[at + 1..]);
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, &bytes).expect("write");

    let (report, stderr) = report_json(&[arg(&path)]);

    let shown = path.display().to_string();
    assert!(
        stderr.contains("warning") && stderr.contains(&shown) && stderr.contains("UTF-8"),
        "{stderr}"
    );
    let warnings = report["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().is_some_and(|w| w.contains(&shown))),
        "{warnings:?}"
    );
    let a = article(&report, "latin1.txt");
    assert_eq!(a["published"], "2025-05-11");
    mention(a, "Prime Minister Benjamin Netanyahu");
    // Positions refer to the repaired text, as the warning says.
    check_positions(a, String::from_utf8_lossy(&bytes).as_bytes());
    assert!(errors(&report).is_empty());
}

#[test]
fn bom_articles_keep_exact_positions() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["news-page.txt", "briefing.md", "bundle.json"] {
        let mut bytes = BOM.to_vec();
        bytes.extend(read(&fixture(name)));
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }

    let (report, _) = report_json(&[arg(dir.path())]);

    assert_eq!(articles(&report).len(), 4, "{report:#}");
    check_report_positions(&report);

    let page = article(&report, "news-page.txt");
    let file = read(&dir.path().join("news-page.txt"));
    let m = mention(page, "Prime Minister Benjamin Netanyahu");
    let start = usize_of(&m["start"]);
    let end = usize_of(&m["end"]);
    assert_eq!(&file[start..end], b"Prime Minister Benjamin Netanyahu");
    let plain = read(&fixture("news-page.txt"));
    let plain_start = plain.windows(5).position(|w| w == b"Prime").expect("Prime");
    assert_eq!(start, plain_start + BOM.len(), "the BOM's 3 bytes count");
    assert_eq!((usize_of(&m["line"]), usize_of(&m["column"])), (7, 99));

    // The front matter after a BOM is still read.
    let brief = article(&report, "briefing.md");
    assert_eq!(brief["title"], "Water talks open in Amman");
    assert_eq!(brief["published"], "2025-03-04");
    let bundle = article(&report, "bundle.json#1");
    assert_eq!(bundle["outlet"], "Gulf Ledger");
}

/// The news-page fixture piped to `parallax ARGS`: its one article, read
/// from standard input with its title and exact positions.
fn piped_news_page(args: &[&str]) -> Value {
    let bytes = read(&fixture("news-page.txt"));
    let report = common::stdout_json(
        &parallax()
            .args(args)
            .write_stdin(bytes.clone())
            .output()
            .expect("parallax runs"),
    );
    assert_eq!(articles(&report).len(), 1);
    let a = articles(&report)[0].clone();
    assert_eq!(a["path"], "-");
    assert_eq!(
        a["title"],
        "Ferry service to Larnaca resumes after storm damage"
    );
    check_positions(&a, &bytes);
    a
}

#[test]
fn standard_input_is_read() {
    let a = piped_news_page(&["report", "-", "--format", "json"]);
    assert_eq!(a["published"], "2025-05-11");
    mention(&a, "Prime Minister Benjamin Netanyahu");
}

#[test]
fn piped_standard_input_is_read_when_no_input_is_named() {
    piped_news_page(&["report", "--format", "json"]);
    // A regular file as standard input is read too.
    let file = std::fs::File::open(fixture("news-page.txt")).unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
        .args(["report", "--format", "json"])
        .stdin(file)
        .output()
        .unwrap();
    assert_eq!(articles(&common::stdout_json(&out))[0]["path"], "-");
}

#[test]
fn null_or_empty_standard_input_shows_the_sample_story() {
    let sample = |out: std::process::Output| {
        let report = common::stdout_json(&out);
        assert_eq!(
            articles(&report).len(),
            4,
            "the four articles of the sample"
        );
    };
    sample(
        std::process::Command::new(assert_cmd::cargo::cargo_bin("parallax"))
            .args(["report", "--format", "json"])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap(),
    );
    sample(
        parallax()
            .args(["report", "--format", "json"])
            .write_stdin("  \n")
            .output()
            .unwrap(),
    );
}

#[test]
fn a_page_the_extractor_is_not_given_is_read_with_a_warning_naming_it() {
    let story = "<p>Negotiators met in Doha on Sunday and agreed to meet again next week.</p>";
    let html = format!(
        "<html><body>{}<article>{story}</article>{}</body></html>",
        "<div>".repeat(600),
        "</div>".repeat(600)
    );
    let (_dir, path) = scratch("deep-page.html", &html);
    let out = parallax()
        .args(["report", "--format", "json", path.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("deep-page.html") && stderr.contains("nest 604 deep"),
        "{stderr}"
    );
    let report = common::stdout_json(&out);
    let text: Vec<&str> = articles(&report)[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        text,
        ["Negotiators met in Doha on Sunday and agreed to meet again next week."]
    );
}

#[test]
fn standard_input_sniffs_the_format() {
    let bytes = read(&fixture("page.html"));
    let report = common::stdout_json(
        &parallax()
            .args(["report", "-", "--format", "json"])
            .write_stdin(bytes.clone())
            .output()
            .expect("parallax runs"),
    );
    let a = &articles(&report)[0];
    assert_eq!(a["format"], "html");
    assert_eq!(a["title"], "Desert solar farm switched on");
    check_positions(a, &bytes);

    parallax()
        .args(["report", "-", "--format", "json"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-: file is empty"));
}

#[test]
fn json_array_reads_good_items_and_reports_the_bad_one() {
    let path = fixture("bundle.json");
    let (report, stderr) = report_json(&[arg(&path)]);

    assert_eq!(articles(&report).len(), 2, "{report:#}");
    let rail = article(&report, "bundle.json#1");
    assert_eq!(rail["format"], "json");
    assert_eq!(rail["title"], "Rail link to Aqaba approved");
    assert_eq!(rail["outlet"], "Gulf Ledger");
    assert_eq!(rail["published"], "2025-02-10");
    let clinic = article(&report, "bundle.json#2");
    assert_eq!(clinic["title"], "Clinic reopens in Jenin");
    assert_eq!(clinic["published"], "2025-02-11");
    mention(clinic, "at least 25 patients");
    check_report_positions(&report);

    // A sentence with escapes quotes them as written in the file.
    let quoted = rail["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .find(|s| s.contains("turning point"))
        .expect("the quoted sentence");
    assert!(quoted.contains(r"\u201Cturning point\u201D"), "{quoted}");

    let errors = errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0]["message"].as_str().expect("message");
    assert!(
        errors[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("bundle.json")),
        "{errors:?}"
    );
    assert!(
        message.contains("item 3") && message.contains("`text`"),
        "{message}"
    );
    assert!(stderr.contains("item 3"), "{stderr}");
}

#[test]
fn html_page_reads_only_the_story() {
    let path = fixture("page.html");
    let (report, _) = report_json(&[arg(&path)]);
    let a = article(&report, "page.html");
    assert_eq!(a["format"], "html");
    assert_eq!(a["title"], "Desert solar farm switched on");
    assert_eq!(a["outlet"], "Sandline Herald");
    assert_eq!(a["author"], "Omar Saleh");
    assert_eq!(a["published"], "2025-04-22");

    let sentences: Vec<&str> = a["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| s["text"].as_str().expect("text"))
        .collect();
    assert!(
        sentences.iter().any(|s| s.starts_with("A solar farm near")),
        "{sentences:?}"
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Engineers said it could supply")),
        "{sentences:?}"
    );
    for s in &sentences {
        for furniture in [
            "trackingLabel",
            "Analytics",
            "@context",
            "Sign in",
            "Energy",
            "Home",
            "rights reserved",
            "&copy;",
        ] {
            assert!(!s.contains(furniture), "{furniture:?} read in {s:?}");
        }
    }
    // The first sentence is the headline; the date in the story resolves
    // against the published date (2025-04-22 is a Tuesday).
    assert_eq!(a["sentences"][0]["role"], "title");
    assert_eq!(mention(a, "Monday")["value"]["from"], "2025-04-21");
    check_report_positions(&report);
}

#[test]
fn output_option_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.json");
    let input = fixture("news-page.txt");
    parallax()
        .args(["report", arg(&input), "--format", "json", "-o", arg(&out)])
        .assert()
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("wrote"));
    let written = std::fs::read_to_string(&out).expect("report written");
    let report: Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(articles(&report).len(), 1);
    check_report_positions(&report);

    let (to_stdout, _) = report_json(&[arg(&input)]);
    assert_eq!(report, to_stdout, "-o writes what stdout would show");

    // The text report too.
    let text_out = dir.path().join("report.txt");
    parallax()
        .args(["report", arg(&input), "--output", arg(&text_out)])
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let text = std::fs::read_to_string(&text_out).expect("text report written");
    assert!(!text.is_empty());
    assert!(!text.contains('\u{1b}'), "no colour in a file");
}

#[test]
fn story_date_resolves_relative_dates_of_undated_articles() {
    let input = fixture("undated.txt");

    let (undated, _) = report_json(&[arg(&input)]);
    let a = article(&undated, "undated.txt");
    assert_eq!(a["published"], Value::Null);
    assert_eq!(mention(a, "Sunday")["value"]["from"], Value::Null);

    let (dated, _) = report_json(&[arg(&input), "--date", "2025-05-11"]);
    let a = article(&dated, "undated.txt");
    assert_eq!(a["published"], "2025-05-11");
    let sunday = mention(a, "Sunday");
    assert_eq!(sunday["kind"], "date");
    assert_eq!(sunday["value"]["from"], "2025-05-11");
    assert_eq!(sunday["value"]["to"], "2025-05-11");
    check_report_positions(&dated);

    // A stated date wins over --date.
    let (stated, _) = report_json(&[arg(&fixture("news-page.txt")), "--date", "2024-01-01"]);
    let a = article(&stated, "news-page.txt");
    assert_eq!(a["published"], "2025-05-11");
    assert_eq!(mention(a, "Sunday")["value"]["from"], "2025-05-11");
}

#[test]
fn every_fixture_has_exact_positions() {
    let dir = fixtures();
    let (report, _) = report_json(&[arg(&dir)]);
    let mut paths: Vec<&str> = articles(&report)
        .iter()
        .map(|a| a["path"].as_str().expect("path"))
        .collect();
    paths.sort_unstable();
    let names: Vec<&str> = paths
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or(p))
        .collect();
    assert_eq!(
        names,
        [
            "briefing.md",
            "bundle.json#1",
            "bundle.json#2",
            "news-page.txt",
            "page.html",
            "undated.txt"
        ]
    );
    check_report_positions(&report);

    // One file at a time gives the same articles as the directory.
    for a in articles(&report) {
        let path = a["path"].as_str().expect("path");
        let file = path.split('#').next().unwrap_or(path);
        let (alone, _) = report_json(&[file]);
        let same = article(&alone, path.rsplit('/').next().unwrap_or(path));
        assert_eq!(same["sentences"], a["sentences"], "{path}");
        assert_eq!(same["mentions"], a["mentions"], "{path}");
    }
}

#[test]
fn line_and_column_count_characters() {
    let text = "Caf\u{e9} r\u{e9}sum\u{e9} \u{1F4F0}\n\n\u{2014} \u{201C}Talks\u{201D} resumed in Amman on Sunday, officials said.\n";
    let (_dir, path) = scratch("wide.txt", text);
    let (report, _) = report_json(&[arg(&path), "--date", "2025-05-11"]);
    let a = article(&report, "wide.txt");
    let sunday = mention(a, "Sunday");
    let amman = mention(a, "Amman");
    assert_eq!(
        usize_of(&amman["start"]),
        text.find("Amman").expect("Amman")
    );
    assert_eq!(
        (usize_of(&amman["line"]), usize_of(&amman["column"])),
        (3, 22)
    );
    assert_eq!(
        (usize_of(&sunday["line"]), usize_of(&sunday["column"])),
        (3, 31)
    );
    check_report_positions(&report);
}

#[test]
fn crlf_articles_keep_exact_positions() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["news-page.txt", "briefing.md", "undated.txt"] {
        let text = String::from_utf8(read(&fixture(name))).expect("UTF-8 fixture");
        std::fs::write(dir.path().join(name), text.replace('\n', "\r\n")).expect("write");
    }
    let (report, _) = report_json(&[arg(dir.path())]);
    assert_eq!(articles(&report).len(), 3, "{report:#}");
    check_report_positions(&report);
    let brief = article(&report, "briefing.md");
    assert_eq!(brief["published"], "2025-03-04");
    for a in articles(&report) {
        for s in a["sentences"].as_array().expect("sentences") {
            let text = s["text"].as_str().expect("text");
            assert!(!text.ends_with('\r'), "{text:?}");
        }
    }
}

#[test]
fn front_matter_in_toml_and_broken_front_matter() {
    let (_dir, toml) = scratch(
        "toml.md",
        "+++\ntitle = \"Border crossing reopens\"\noutlet = \"Valley Courier\"\ndate = \"2025-01-20\"\n+++\n\nTrucks crossed at Allenby on Sunday, officials said.\n",
    );
    let (report, _) = report_json(&[arg(&toml)]);
    let a = article(&report, "toml.md");
    assert_eq!(a["title"], "Border crossing reopens");
    assert_eq!(a["outlet"], "Valley Courier");
    assert_eq!(a["published"], "2025-01-20");
    // 2025-01-20 is a Monday: "on Sunday" is the day before.
    assert_eq!(mention(a, "Sunday")["value"]["from"], "2025-01-19");
    check_report_positions(&report);

    let (_broken_dir, broken) = scratch(
        "broken.md",
        "---\ntitle: [never closed\n---\n\nTrucks crossed at Allenby on Sunday, officials said.\n",
    );
    let (report, stderr) = report_json(&[arg(&broken)]);
    let shown = broken.display().to_string();
    assert!(
        stderr.contains("warning") && stderr.contains(&shown) && stderr.contains("YAML"),
        "{stderr}"
    );
    let a = article(&report, "broken.md");
    assert_eq!(a["published"], Value::Null);
    mention(a, "Sunday");
    check_report_positions(&report);
}

#[test]
fn toml_front_matter_native_date_is_read() {
    let (_dir, path) = scratch(
        "native.md",
        "+++\ntitle = \"Border crossing reopens\"\ndate = 2025-01-20T08:15:00Z\n+++\n\nTrucks crossed at Allenby on Sunday, officials said.\n",
    );
    let (report, _) = report_json(&[arg(&path)]);
    let a = article(&report, "native.md");
    assert_eq!(a["title"], "Border crossing reopens");
    assert_eq!(a["published"], "2025-01-20");
}

#[test]
fn unusable_json_and_text_are_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        (
            "no-body.json",
            "{\"title\": \"Only a title\"}",
            "no `text` or `body` field",
        ),
        (
            "empty-body.json",
            "{\"text\": \"  \"}",
            "article text is empty",
        ),
        ("broken.json", "{\"text\": \"unterminated", "not valid JSON"),
        (
            "wrong-type.json",
            "{\"body\": [\"a\", \"b\"]}",
            "field `body` must be a string",
        ),
        (
            "furniture.txt",
            "Subscribe\nShare this article\nAdvertisement\n",
            "no article text found",
        ),
    ];
    for (name, content, _) in cases {
        std::fs::write(dir.path().join(name), content).expect("write");
    }
    let assert = parallax()
        .args(["report", arg(dir.path()), "--format", "json"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for (name, _, reason) in cases {
        let shown = dir.path().join(name).display().to_string();
        assert!(
            stderr.contains(&format!("{shown}: {reason}")),
            "{name}: {reason:?} missing from\n{stderr}"
        );
    }
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let input = fixture("news-page.txt");
    let size = read(&input).len();
    parallax()
        .args(["report", arg(&input), "--max-size", "100"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: file is {size} bytes, over the 100 byte limit",
            input.display()
        )));
    parallax()
        .args(["report", "-", "--max-size", "100"])
        .write_stdin(read(&input))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "-: input is over the 100 byte limit",
        ));
    let (report, _) = report_json(&[arg(&input), "--max-size", &size.to_string()]);
    assert_eq!(articles(&report).len(), 1);
}

#[test]
fn directories_skip_hidden_files_documentation_and_other_extensions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = dir.path().join("2025").join("may");
    std::fs::create_dir_all(&nested).expect("mkdir");
    std::fs::copy(fixture("news-page.txt"), nested.join("news-page.TXT")).expect("copy");
    std::fs::copy(fixture("briefing.md"), dir.path().join(".draft.md")).expect("copy");
    std::fs::copy(fixture("undated.txt"), dir.path().join("notes.pdf")).expect("copy");
    std::fs::write(dir.path().join("photo.jpg"), BINARY).expect("write");
    std::fs::copy(fixture("briefing.md"), dir.path().join("README.md")).expect("copy");
    std::fs::copy(fixture("undated.txt"), nested.join("LICENSE.txt")).expect("copy");
    let (report, stderr) = report_json(&[arg(dir.path())]);
    assert_eq!(articles(&report).len(), 1, "{report:#}");
    article(&report, "news-page.TXT");
    assert!(errors(&report).is_empty(), "{report:#}");
    assert!(!stderr.contains("error"), "{stderr}");
    check_report_positions(&report);
    // Named as a file, a README is read.
    let (report, _) = report_json(&[arg(&dir.path().join("README.md"))]);
    assert_eq!(articles(&report).len(), 1, "{report:#}");
}

#[test]
fn a_directory_without_articles_is_named_with_the_extensions_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("saved pages");
    let other = dir.path().join("scans");
    std::fs::create_dir_all(&empty).expect("mkdir");
    std::fs::create_dir_all(&other).expect("mkdir");
    std::fs::write(other.join("front page.pdf"), BINARY).expect("write");
    std::fs::copy(fixture("briefing.md"), other.join("README.md")).expect("copy");
    for folder in [&empty, &other] {
        parallax()
            .args(["report", arg(folder)])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(folder.display().to_string()))
            .stderr(predicate::str::contains("no article in this directory"))
            .stderr(predicate::str::contains(
                ".txt, .text, .md, .markdown, .html, .htm or .json",
            ));
    }
    // Beside a readable article, the empty directory is named and the
    // article still read.
    let (report, _) = report_json(&[arg(&empty), arg(&fixture("news-page.txt"))]);
    assert_eq!(articles(&report).len(), 1, "{report:#}");
    assert!(
        errors(&report)[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no article in this directory")),
        "{report:#}"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_named_with_the_extensions_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir_all(&locked).expect("mkdir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // As root (some CI containers) every directory can be listed.
    let listable = std::fs::read_dir(&locked).is_ok();
    let assert = parallax().args(["report", arg(&locked)]).assert().code(2);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains(&locked.display().to_string()), "{stderr}");
    assert!(stderr.contains(".html, .htm or .json"), "{stderr}");
    if !listable {
        assert!(stderr.contains("cannot list directory"), "{stderr}");
    }
}

/// Reads `body`, under front matter dating it 2025-05-11, as a file
/// `name`; checks that `word` is a mention and that every position quotes
/// the file; returns the article.
fn dated_article_keeps_positions(name: &str, body: &str, word: &str) -> Value {
    let (_dir, path) = scratch(name, &format!("---\npublished: 2025-05-11\n---\n{body}"));
    let (report, _) = report_json(&[arg(&path)]);
    let a = article(&report, name);
    mention(a, word);
    check_report_positions(&report);
    a.clone()
}

#[test]
fn markdown_blank_paragraph_keeps_positions() {
    // The mention was once quoted as "&nbsp;\n\nHamas": the dropped blank
    // paragraph shifted every position after it.
    dated_article_keeps_positions(
        "spacer.md",
        "\n# Talks resume\n\n&nbsp;\n\nHamas said on Sunday that at least 8 people were hurt.\n",
        "Hamas",
    );
}

#[test]
fn markdown_code_span_keeps_positions() {
    // The date was once quoted as "`Closed. Reopens Monday`", and the two
    // sentences overlapped on the code span.
    let a = dated_article_keeps_positions(
        "code.md",
        "The ministry site showed `Closed. Reopens Monday` on Sunday, officials said.\n",
        "Monday",
    );
    let sentences = a["sentences"].as_array().expect("sentences");
    for pair in sentences.windows(2) {
        assert!(
            usize_of(&pair[0]["end"]) <= usize_of(&pair[1]["start"]),
            "overlapping sentences {} and {}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn curly_possessive_before_a_weekday_does_not_crash() {
    // This once ended in exit 101: "start byte index 10 is not a char
    // boundary".
    dated_article_keeps_positions(
        "possessive.md",
        "\nNetanyahu\u{2019}s Monday speech drew crowds, officials said.\n",
        "Monday",
    );
}

#[test]
fn html_pages_read_first_still_come_in_name_order() {
    // The reader starts HTML pages before other files (they cost the most);
    // the report must still list the articles in the directory's name order.
    let dir = tempfile::tempdir().expect("temp dir");
    let page = |body: &str| {
        format!(
            "<!doctype html><html><head><title>Ferry</title></head><body><article><p>{body}</p></article></body></html>"
        )
    };
    let files = [
        (
            "a.txt",
            "The ferry left Tarrow at noon on Monday with 40 passengers.".to_string(),
        ),
        (
            "b.html",
            page("The ferry reached Ossel late on Monday with 41 passengers aboard."),
        ),
        (
            "c.txt",
            "Harbour staff in Ossel counted 42 passengers leaving the ferry.".to_string(),
        ),
        (
            "d.htm",
            page("A spokesman said the ferry would sail again on Wednesday."),
        ),
        (
            "e.md",
            "# Ferry\n\nThe ferry company thanked the crew on Tuesday.".to_string(),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let (report, _) = report_json(&[arg(dir.path())]);
    let read: Vec<(&str, &str)> = articles(&report)
        .iter()
        .map(|a| {
            let path = a["path"].as_str().expect("path");
            (
                a["id"].as_str().expect("id"),
                path.rsplit('/').next().unwrap_or(path),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("a1", "a.txt"),
            ("a2", "b.html"),
            ("a3", "c.txt"),
            ("a4", "d.htm"),
            ("a5", "e.md")
        ]
    );
}
