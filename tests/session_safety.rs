//! Review sessions under concurrency and on hostile file systems: no
//! verdict lost, no file written that the user did not name.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::parallax;

/// The finding ids of the sample story and the verdicts of a session, from
/// `review --list` (id, verdict).
fn listed(session: &Path) -> Vec<(String, String)> {
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with(char::is_whitespace) && l.contains('\t'))
        .map(|l| {
            let mut cells = l.split('\t');
            (
                cells.next().unwrap().to_string(),
                cells.next().unwrap().to_string(),
            )
        })
        .collect()
}

fn set(session: &Path, id: &str, verdict: &str) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("parallax"));
    cmd.env("NO_COLOR", "1")
        .args(["review", "--session"])
        .arg(session)
        .args(["--set", id, verdict])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    cmd
}

/// Sets a verdict, which must succeed.
fn decide(session: &Path, id: &str, verdict: &str) {
    assert!(set(session, id, verdict).status().unwrap().success());
}

/// The session file's JSON, read.
fn json_of(session: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(session).unwrap()).unwrap()
}

/// Changes the session file's JSON in place, as a hand or another build might.
fn edit(session: &Path, change: impl FnOnce(&mut serde_json::Value)) {
    let mut json = json_of(session);
    change(&mut json);
    fs::write(session, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

fn decided(session: &Path) -> usize {
    listed(session)
        .iter()
        .filter(|(_, v)| v == "accept" || v == "reject")
        .count()
}

#[test]
fn concurrent_verdicts_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let ids: Vec<String> = listed(&session).into_iter().map(|(id, _)| id).collect();
    assert!(ids.len() >= 6, "{ids:?}");
    // Each process sets two verdicts, one after the other, all at once.
    let children: Vec<_> = ids
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, id)| {
            let verdict = if i % 2 == 0 { "accept" } else { "reject" };
            let id = id.clone();
            let session: PathBuf = session.clone();
            std::thread::spawn(move || {
                for _ in 0..2 {
                    let status = set(&session, &id, verdict).status().unwrap();
                    assert!(status.success());
                }
            })
        })
        .collect();
    for c in children {
        c.join().unwrap();
    }
    assert_eq!(decided(&session), 6, "{:?}", listed(&session));
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_symlinked_session_is_written_through_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    let ids = listed(&real);
    // A dangling link: the file it names is created, the link kept.
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    decide(&link, &ids[0].0, "accept");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(decided(&real), 1);
    // Through the link again: the target gets the second verdict.
    decide(&link, &ids[1].0, "reject");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(decided(&real), 2);
}

#[test]
fn the_mode_is_kept_and_a_planted_temp_link_is_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let ids = listed(&session);
    decide(&session, &ids[0].0, "accept");
    fs::set_permissions(&session, fs::Permissions::from_mode(0o600)).unwrap();
    // Temp names of older builds, planted as links to a file to protect.
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "keep me\n").unwrap();
    for pid in 1..200 {
        let planted = dir.path().join(format!(".s.json.{pid}.tmp"));
        std::os::unix::fs::symlink(&victim, planted).unwrap();
    }
    decide(&session, &ids[1].0, "reject");
    let mode = fs::metadata(&session).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me\n");
    assert_eq!(decided(&session), 2);
}

#[test]
fn fields_of_a_newer_build_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let ids = listed(&session);
    decide(&session, &ids[0].0, "accept");
    edit(&session, |json| {
        json["team"] = "desk".into();
        json["decisions"][0]["source_url"] = "https://example.org/a".into();
    });
    decide(&session, &ids[1].0, "reject");
    let after = json_of(&session);
    assert_eq!(after["team"], "desk");
    let kept = after["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["source_url"] == "https://example.org/a");
    assert!(kept, "{after:#}");
}

#[test]
fn a_report_is_never_written_over_the_session_or_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, "Talks\n\nThe talks resumed in Cairo on Monday.\n").unwrap();
    let session = dir.path().join("s.json");
    for target in [&session, &article] {
        let out = parallax()
            .arg("report")
            .arg(&article)
            .arg("--session")
            .arg(&session)
            .arg("-o")
            .arg(target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not written over it"), "{err}");
    }
    assert!(!session.exists());
    assert!(fs::read_to_string(&article).unwrap().contains("Cairo"));
}

#[test]
fn a_session_for_other_articles_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let ids = listed(&session);
    decide(&session, &ids[0].0, "accept");
    let before = fs::read(&session).unwrap();
    let other = dir.path().join("other.txt");
    fs::write(&other, "Weather\n\nRain fell in Oslo on Tuesday.\n").unwrap();
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .arg(&other)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a session for other articles") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read(&session).unwrap(), before);
    let forced = parallax()
        .args(["review", "--list", "--force", "--session"])
        .arg(&session)
        .arg(&other)
        .output()
        .unwrap();
    assert!(forced.status.success());
}

#[test]
fn duplicate_decisions_count_once_the_latest_standing() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let ids = listed(&session);
    decide(&session, &ids[0].0, "accept");
    edit(&session, |json| {
        let mut older = json["decisions"][0].clone();
        older["verdict"] = "reject".into();
        older["at"] = "2001-01-01T00:00:00Z".into();
        json["decisions"].as_array_mut().unwrap().insert(0, older);
    });
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("gone"), "{text}");
    assert_eq!(listed(&session)[0].1, "accept", "{text}");
}

#[test]
fn review_list_never_prints_escapes_from_the_session_or_its_path() {
    let dir = tempfile::tempdir().unwrap();
    // A file name with an escape in it, and a decision id with an OSC
    // sequence that would retitle the terminal and clear the screen.
    let session = dir.path().join("s\u{1b}[2J.json");
    let ids = listed(&session);
    decide(&session, &ids[0].0, "accept");
    edit(&session, |json| {
        json["decisions"][0]["finding"] = "nv-\u{1b}]0;owned\u{7}\u{1b}[2J".into();
        json["decisions"][0]["articles"] = serde_json::json!(["elsewhere.txt"]);
    });
    let out = parallax()
        .args(["review", "--list", "--session"])
        .arg(&session)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07));
    assert!(String::from_utf8_lossy(&out.stdout).contains("gone"));
}
