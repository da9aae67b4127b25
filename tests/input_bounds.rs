//! Inputs that never end, never start or lead elsewhere: each is named and
//! skipped, and the other articles still load.

mod common;

use std::fs;
use std::time::Duration;

use common::parallax;

const ARTICLE: &str = "Talks\n\nThe talks resumed in Cairo on Monday.\n";

fn report(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = parallax()
        .arg("report")
        .args(args)
        .timeout(Duration::from_mins(1))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn devices_are_refused_wherever_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let zero = std::ffi::OsStr::new("/dev/zero");
    // As an article: named, and the other article is still read.
    let (code, out, err) = report(&[zero, article.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("/dev/zero") && err.contains("not a regular file"),
        "{err}"
    );
    assert!(out.contains("1 article"), "{out}");
    // As a knowledge base or a session file: a clear error, at once.
    for flag in ["--kb", "--session"] {
        let (code, _, err) = report(&[std::ffi::OsStr::new(flag), zero, article.as_os_str()]);
        assert_ne!(code, Some(0));
        assert!(
            err.contains("/dev/zero") && err.contains("not a regular file"),
            "{flag}: {err}"
        );
    }
}

#[test]
fn a_fifo_in_a_directory_is_named_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let fifo = dir.path().join("b.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let (code, out, err) = report(&[dir.path().as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("b.txt") && err.contains("not a regular file"),
        "{err}"
    );
    assert!(out.contains("1 article"), "{out}");
}

#[test]
fn links_are_followed_once_and_never_out_of_the_tree() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("story");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("a.txt"), ARTICLE).unwrap();
    let outside = dir.path().join("secret.txt");
    fs::write(&outside, "Secret\n\nThe password is swordfish.\n").unwrap();
    symlink("..", root.join("sub/up")).unwrap(); // a loop
    symlink("../..", root.join("sub/upper")).unwrap(); // out of the tree
    symlink(&outside, root.join("leak.txt")).unwrap(); // a file out of it
    symlink("a.txt", root.join("b.txt")).unwrap(); // the same article again
    let (code, out, err) = report(&[root.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 article"), "{out}\n{err}");
    assert!(out.contains("a.txt") && !out.contains("b.txt"), "{out}");
    assert!(!out.contains("swordfish"), "{out}");
    assert!(
        err.contains("leak.txt") && err.contains("a link out of"),
        "{err}"
    );
}

#[test]
fn the_largest_size_limit_does_not_wrap() {
    let out = parallax()
        .args(["report", "--max-size", "18446744073709551615", "-"])
        .write_stdin(ARTICLE)
        .timeout(Duration::from_mins(1))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 article"));
}

/// Each article of a JSON array owns its own bytes, not a copy of the
/// whole file (3,000 items of a 1.4 MB array once took 4.3 GB), and its
/// positions still lead back into the file: items side by side on one
/// line, and items on lines of their own.
#[test]
fn json_array_items_own_only_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let item = |n: usize| {
        format!(
            "{{\"title\": \"Item {n}\", \"published\": \"2025-03-04\", \"text\": \
             \"Rescuers said {n} people were killed on Monday.\\nCaf\\u00e9 owners said {n} shops closed.\"}}"
        )
    };
    let items: Vec<String> = (1..=40).map(item).collect();
    let text = format!(
        "[{}, {},\n  {}\n]\n",
        items[0],
        items[1],
        items[2..].join(",\n  ")
    );
    let path = dir.path().join("bundle.json");
    fs::write(&path, &text).unwrap();
    let read = parallax::ingest::read_inputs(
        std::slice::from_ref(&path),
        &parallax::ingest::ReadOptions::default(),
    );
    assert_eq!(read.articles.len(), 40);
    for (a, own) in read.articles.iter().zip(&items) {
        assert_eq!(&a.source, own);
        assert_eq!(&text[a.origin.offset..a.origin.offset + own.len()], own);
    }
    let out = parallax()
        .args(["report", "-f", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    common::check_report_positions(&report);
}

/// A story past the article limit: the articles past it are named, with
/// how many and how to raise the limit, in the report as on stderr; those
/// within it are compared.
#[test]
fn a_story_past_the_article_limit_names_what_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    for n in 1..=5 {
        fs::write(dir.path().join(format!("{n}.txt")), ARTICLE).unwrap();
    }
    let (code, stdout, stderr) = report(&[
        "-f".as_ref(),
        "json".as_ref(),
        "--max-articles".as_ref(),
        "3".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert!(code.is_some_and(|c| c <= 1), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 3);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(errors[0]["path"].as_str().unwrap().ends_with("4.txt"));
    assert!(message.contains("this and 1 more article, "), "{message}");
    assert!(message.contains("5.txt"), "{message}");
    assert!(message.contains("--max-articles"), "{message}");
    assert!(stderr.contains("story limit of 3 articles"), "{stderr}");
    let (code, _, stderr) = report(&[
        "--max-articles".as_ref(),
        "0".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("not a count of one or more"), "{stderr}");
}
