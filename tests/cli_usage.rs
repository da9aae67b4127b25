//! The command line as users of other command-line tools expect it
//! (issue 16): options anywhere, typos suggested, the format from the
//! output's name, colour and quiet switches, clean tab-separated listings,
//! id prefixes, completions, a man page, the KB format without the source
//! tree, a reviewer name without `$USER`, and one session per stdin story.

use std::path::Path;

use predicates::prelude::*;

mod common;
use common::{in_crate, parallax};

#[test]
fn global_options_may_come_before_the_subcommand() {
    let before = parallax()
        .args(["--date", "2025-01-22", "report", "-f", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&before.stderr);
    assert!(!stderr.contains("error"), "{stderr}");
    let after = parallax()
        .args(["report", "-f", "json", "--date", "2025-01-22"])
        .output()
        .unwrap();
    assert_eq!(common::stdout_json(&before), common::stdout_json(&after));
}

#[test]
fn a_mistyped_subcommand_is_suggested() {
    parallax()
        .args(["reprot", "x"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "a similar subcommand exists: 'report'",
        ));
}

#[test]
fn a_file_named_like_a_mistyped_subcommand_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("reprot"),
        "Talks resume\nPublished May 11, 2025\n\nHamas met Qatari officials in Doha on Sunday.\n",
    )
    .unwrap();
    parallax()
        .current_dir(dir.path())
        .arg("reprot")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("1 articles, ").or(predicate::str::contains("1 article, ")),
        );
}

/// Writes the sample story's report to `dir/name` with `args`; returns it.
fn written(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    parallax()
        .args(["report", "-o"])
        .arg(&out)
        .args(args)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn the_output_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let json: serde_json::Value = serde_json::from_str(&written(d, "r.json", &[])).unwrap();
    assert!(json["findings"].is_array());
    assert!(written(d, "r.md", &[]).starts_with("# Parallax report"));
    assert!(written(d, "r.html", &[]).starts_with("<!DOCTYPE html>"));
    assert!(written(d, "r.csv", &[]).starts_with("finding_id,"));
    assert!(written(d, "r.txt", &[]).contains("4 articles, "));
    // An explicit -f wins over the name.
    assert!(written(d, "r2.json", &["-f", "text"]).contains("4 articles, "));
}

#[test]
fn color_always_colours_a_pipe_and_never_does_not() {
    let run = |when: &str| {
        let out = parallax()
            .args(["report", "--color", when])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout.contains(&0x1b)
    };
    assert!(run("always"), "--color always into a pipe");
    assert!(!run("never"));
    assert!(!run("auto"), "a pipe is not a terminal");
}

#[test]
fn quiet_leaves_only_errors_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    parallax()
        .args(["report", "-q", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr("");
    // Before the subcommand too, and the note that stdout is no terminal.
    parallax()
        .arg("--quiet")
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::contains("4 articles, "));
    parallax()
        .args(["-q", "report", "no-such-file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-file.txt"));
}

/// `review --list` of the sample story in `session`: (stdout, stderr).
fn list(session: &Path) -> (String, String) {
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(session)
        .output()
        .unwrap();
    assert!(out.status.success());
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn review_list_keeps_stdout_tab_separated_and_counts_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, stderr) = list(&dir.path().join("s.json"));
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        assert!(line.split('\t').count() >= 5, "not a table row: {line:?}");
    }
    assert!(stderr.contains("0 of 7 reviewed · session "), "{stderr}");
}

#[test]
fn review_set_takes_a_unique_prefix_and_names_an_ambiguous_one() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let (stdout, _) = list(&session);
    let ids: Vec<&str> = stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let unique = |id: &str| {
        (1..=id.len())
            .map(|n| id[..n].to_string())
            .find(|p| ids.iter().filter(|i| i.starts_with(p.as_str())).count() == 1)
            .unwrap()
    };
    let prefix = unique(ids[0]);
    assert!(prefix.len() < ids[0].len());
    parallax()
        .args(["review", "--session"])
        .arg(&session)
        .args(["--set", &prefix, "accept"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("{}: accept", ids[0])));
    let (stdout, _) = list(&session);
    assert!(
        stdout.starts_with(&format!("{}\taccept\t", ids[0])),
        "{stdout}"
    );
    // A prefix two ids share ("a" of an- and ac-).
    let kind = (1..4)
        .flat_map(|n| ids.iter().map(move |i| &i[..n]))
        .find(|k| ids.iter().filter(|i| i.starts_with(k)).count() > 1)
        .expect("two ids with a common prefix");
    let out = parallax()
        .args(["review", "--session"])
        .arg(&session)
        .args(["--set", kind, "reject"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for id in ids.iter().filter(|i| i.starts_with(kind)) {
        assert!(
            stderr.contains(id),
            "{id} not among the candidates: {stderr}"
        );
    }
}

#[test]
fn completions_and_a_man_page_are_printed() {
    for (shell, mark) in [
        ("bash", "_parallax()"),
        ("zsh", "#compdef parallax"),
        ("fish", "complete -c parallax"),
    ] {
        parallax()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark))
            .stdout(predicate::str::contains("report"));
    }
    parallax()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH parallax 1"))
        .stdout(predicate::str::contains("\\-\\-color"));
}

#[test]
fn the_json_report_says_its_schema_version_first() {
    let (json, _) = common::report_json(&[]);
    assert_eq!(json["schema_version"], 1);
    let out = parallax().args(["report", "-f", "json"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,\n"),
        "{}",
        &text[..80]
    );
}

#[test]
fn the_kb_format_is_printed_not_pointed_to() {
    let schema = std::fs::read_to_string(in_crate("assets/kb/SCHEMA.md")).unwrap();
    parallax()
        .args(["kb", "schema"])
        .assert()
        .success()
        .stdout(schema);
    for help in [
        vec!["--help"],
        vec!["report", "--help"],
        vec!["review", "--help"],
    ] {
        parallax()
            .args(&help)
            .assert()
            .success()
            .stdout(predicate::str::contains("parallax kb schema"))
            .stdout(predicate::str::contains("assets/").not())
            .stdout(predicate::str::contains("SCHEMA.md").not())
            .stdout(predicate::str::contains("README.md").not());
    }
}

#[test]
fn without_user_variables_the_reviewer_is_the_system_account() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let (stdout, _) = list(&session);
    let id = stdout.split('\t').next().unwrap();
    parallax()
        .env_remove("USER")
        .env_remove("LOGNAME")
        .env_remove("USERNAME")
        .args(["review", "--session"])
        .arg(&session)
        .args(["--set", id, "accept"])
        .assert()
        .success();
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    let account = whoami::username().unwrap();
    assert_ne!(account, "unknown");
    assert_eq!(file["reviewer"], account.as_str());
    assert_eq!(file["decisions"][0]["reviewer"], account.as_str());
}

/// Sets the first finding of the article on standard input to accept, in
/// the default session under `data`.
fn review_stdin(data: &Path, article: &Path) {
    let text = std::fs::read(article).unwrap();
    let out = parallax()
        .env("PARALLAX_DATA_DIR", data)
        .args(["review", "--list", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let id = stdout.split('\t').next().unwrap();
    parallax()
        .env("PARALLAX_DATA_DIR", data)
        .args(["review", "--set", id, "accept", "-"])
        .write_stdin(text)
        .assert()
        .success();
}

#[test]
fn each_story_on_stdin_has_its_own_session_named_stdin() {
    let data = tempfile::tempdir().unwrap();
    review_stdin(
        data.path(),
        &in_crate("assets/samples/01-harbour-ledger.md"),
    );
    review_stdin(
        data.path(),
        &in_crate("assets/samples/02-meridian-wire.txt"),
    );
    // The same story again goes to its session.
    review_stdin(
        data.path(),
        &in_crate("assets/samples/01-harbour-ledger.md"),
    );
    let mut names: Vec<String> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        assert!(
            name.starts_with("stdin-") && Path::new(name).extension().is_some_and(|e| e == "json"),
            "{name}"
        );
    }
}
