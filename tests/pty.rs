//! The real binary in a real terminal (a pty read through a vt100 parser):
//! it opens, answers keys, quits with status 0 and gives the terminal back.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

mod common;
use common::BIN;

/// Long enough for a loaded CI machine; a pass never waits this long.
const WAIT: Duration = Duration::from_mins(1);

fn nz(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a terminal has a size")
}

/// The binary running in a pty, its screen kept up to date by a thread.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote to the terminal.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let home = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Keep the user's own key map and log out of the test.
        cmd.env("PARALLAX_CONFIG_DIR", home.path().join("config"));
        cmd.env("PARALLAX_LOG_FILE", home.path().join("parallax.log"));
        cmd.env("PARALLAX_DATA_DIR", home.path().join("data"));
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&raw);
        let reader = std::thread::spawn(move || {
            let mut buf = [0; 8192];
            // Ends when the program has exited and its output is read.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                record.lock().unwrap().extend_from_slice(&buf[..n]);
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Session {
            screen,
            raw,
            reader: Some(reader),
            writer,
            child,
            master: pty.master,
            _home: home,
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Polls the screen until it shows `text`.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, true)
    }

    /// Polls the screen until it no longer shows `text`.
    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(text, false)
    }

    fn wait_until(&self, text: &str, shown: bool) -> String {
        let start = Instant::now();
        loop {
            let now = self.contents();
            if now.contains(text) == shown {
                return now;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {text:?} to be {}; the screen shows:\n{now}",
                if shown { "shown" } else { "gone" }
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and its last output to be read;
    /// returns its exit code.
    fn exit(&mut self) -> u32 {
        let start = Instant::now();
        let code = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status.exit_code();
            }
            assert!(start.elapsed() < WAIT, "the reader did not quit");
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the output reader ends");
        }
        code
    }
}

#[test]
fn reads_the_sample_story_and_quits_cleanly() {
    let mut s = Session::start(&[], 160, 45);
    s.wait_for("Harbour Ledger");
    s.wait_for(" reviewed ");
    s.keys("n");
    let screen = s.wait_for("Findings 1/7");
    assert!(screen.contains("date-conflict"), "{screen}");
    s.keys("v");
    s.wait_for("Aligned statements");
    s.keys("?");
    s.wait_for("this help");
    s.keys("q");
    s.wait_for("Aligned statements");
    s.keys("q");
    assert_eq!(s.exit(), 0);
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "the alternate screen was left");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting was turned off"
    );
}

/// Sends `signal` (a name `kill` knows: TERM, HUP) to the reader and
/// checks that it exits with 128 + `number` and gives the terminal back:
/// main screen, mouse reporting off, cursor shown.
fn killed_by(signal: &str, number: u32) {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for(" reviewed ");
    s.keys("n");
    s.wait_for("Findings 1/7");
    let pid = s.child.process_id().expect("the reader has a pid");
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    assert_eq!(s.exit(), 128 + number, "SIG{signal}");
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    assert!(
        !screen.alternate_screen(),
        "SIG{signal}: still in the alternate screen"
    );
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "SIG{signal}: mouse reporting left on"
    );
    assert!(!screen.hide_cursor(), "SIG{signal}: the cursor left hidden");
}

#[test]
fn sigterm_gives_the_terminal_back() {
    killed_by("TERM", 15);
}

#[test]
fn sighup_gives_the_terminal_back() {
    killed_by("HUP", 1);
}

#[test]
fn opens_the_seeds_and_shows_the_envoy_finding() {
    let Some(seeds) = common::seeds() else { return };
    let mut s = Session::start(&[common::arg(&seeds)], 160, 45);
    s.wait_for(" reviewed ");
    s.keys("f");
    s.wait_for("Show findings");
    // Esc alone: a key right behind it would read as alt-key.
    s.keys("\x1b");
    s.wait_gone("Show findings");
    s.keys("n");
    s.wait_for("Findings 1/");
    // Walk the findings until the wrong-officeholder one is selected.
    for i in 2..=4 {
        if s.contents().contains("Suggestion: Steve Witkoff") {
            break;
        }
        s.keys("n");
        s.wait_for(&format!("Findings {i}/4"));
    }
    let screen = s.wait_for("Suggestion: Steve Witkoff");
    assert!(screen.contains("wrong-officeholder"), "{screen}");
    s.keys("\x03");
    assert_eq!(s.exit(), 0);
}

#[test]
fn survives_resizing_down_to_a_tiny_terminal_and_back() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for(" reviewed ");
    s.keys("n");
    s.wait_for("Findings 1/7");
    s.resize(40, 12);
    // At 40×12 the text column alone is shown, with its header.
    s.wait_for("┌ Harbour Ledger ──");
    s.keys("\t");
    s.wait_for("┌ Findings 1/7");
    s.resize(160, 45);
    s.wait_for("Detail");
    s.keys("q");
    assert_eq!(s.exit(), 0);
}

/// The verdicts in a session file, parsed as JSON.
fn verdicts(session: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(session).expect("the session file exists");
    let json: serde_json::Value = serde_json::from_str(&text).expect("the session file parses");
    json["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["verdict"].as_str().map(str::to_string))
        .collect()
}

/// With the first finding decided: rejects the second (the one a verdict
/// moves on to), quits, and gives
/// the session's verdicts, sorted.
fn reject_second_and_quit(s: &mut Session, session: &Path) -> Vec<String> {
    // The verdict moved on to the second finding (as `cargo insta review`).
    s.wait_for("Findings 2/");
    s.keys("r");
    s.wait_for("reviewed 2/");
    s.keys("q");
    assert_eq!(s.exit(), 0);
    let mut v = verdicts(session);
    v.sort();
    v
}

/// The issue's acceptance: accept the first finding, reject the second,
/// quit; the file holds both; reopening restores them; the report carries
/// them.
fn accept_then_reject(articles: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("review.json");
    let mut args: Vec<&str> = articles.to_vec();
    args.extend(["--session", session.to_str().unwrap(), "--reviewer", "ana"]);
    let mut s = Session::start(&args, 160, 45);
    s.wait_for(" reviewed ");
    s.keys("n");
    s.wait_for("Findings 1/");
    s.keys("a");
    s.wait_for("reviewed 1/");
    assert_eq!(
        reject_second_and_quit(&mut s, &session),
        ["accept", "reject"]
    );

    let mut again = Session::start(&args, 160, 45);
    let screen = again.wait_for("2 decisions restored");
    assert!(screen.contains("reviewed 2/"), "{screen}");
    again.keys("q");
    assert_eq!(again.exit(), 0);

    let mut report: Vec<&str> = articles.to_vec();
    report.extend(["--session", session.to_str().unwrap()]);
    let (json, _) = common::report_json(&report);
    let mut carried: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| {
            Some((
                f["verdict"].as_str()?.to_string(),
                f["reviewer"].as_str()?.to_string(),
            ))
        })
        .collect();
    carried.sort();
    assert_eq!(
        carried,
        [
            ("accept".to_string(), "ana".to_string()),
            ("reject".to_string(), "ana".to_string())
        ]
    );
}

#[test]
fn review_the_seeds_accept_reject_resume_report() {
    if let Some(seeds) = common::seeds() {
        accept_then_reject(&[common::arg(&seeds)]);
    }
}

#[test]
fn review_the_sample_story_accept_reject_resume_report() {
    accept_then_reject(&[]);
}

/// Verdicts set by other processes while the reader is open are all in
/// the file after the reader's own saves: each save merges, and the reader
/// says what arrived.
#[test]
fn verdicts_from_other_processes_survive_the_open_reader() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("review.json");
    let path = session.to_str().unwrap();
    let mut s = Session::start(&["--session", path, "--reviewer", "ana"], 160, 45);
    s.wait_for(" reviewed ");
    let listed = common::parallax()
        .args(["review", "--list", "--session", path])
        .output()
        .unwrap();
    let ids: Vec<String> = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|id| {
            id.len() == 15
                && id
                    .split_once('-')
                    .is_some_and(|(k, h)| k.len() == 2 && h.len() == 12)
        })
        .map(str::to_string)
        .collect();
    assert!(ids.len() >= 6, "{ids:?}");
    // The reader decides the first two findings; four processes at once
    // decide four others.
    let others: Vec<std::process::Child> = ids[2..6]
        .iter()
        .map(|id| {
            std::process::Command::new(BIN)
                .args([
                    "review",
                    "--session",
                    path,
                    "--reviewer",
                    "ben",
                    "--set",
                    id,
                    "skip",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in others {
        assert!(c.wait().unwrap().success());
    }
    s.keys("n");
    s.wait_for("Findings 1/");
    s.keys("a");
    s.wait_for("arrived from another session");
    assert_eq!(
        reject_second_and_quit(&mut s, &session),
        ["accept", "reject", "skip", "skip", "skip", "skip"]
    );
}

#[test]
fn a_decision_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("review.json");
    let mut s = Session::start(&["--session", session.to_str().unwrap()], 160, 45);
    s.wait_for(" reviewed ");
    s.keys("na");
    s.wait_for("reviewed 1/");
    let pid = s.child.process_id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    s.exit();
    assert_eq!(verdicts(&session), ["accept"]);
}

#[test]
fn a_damaged_session_is_named_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("review.json");
    let garbage = b"{\"version\": 1, \"decisions\": [ \x00 garbage";
    std::fs::write(&session, garbage).unwrap();
    let mut s = Session::start(&["--session", session.to_str().unwrap()], 160, 45);
    let screen = s.wait_for("not a Parallax session file");
    assert!(screen.contains("review.json"), "{screen}");
    assert_eq!(s.exit(), 2);
    assert_eq!(std::fs::read(&session).unwrap(), garbage);
}

/// Clears the export prompt's default name and types another.
fn export_to(s: &mut Session, path: &str) {
    s.keys("x");
    s.wait_for("Export");
    // The second format in the menu: JSON.
    s.keys("j\r");
    s.wait_for("parallax-report.json");
    s.keys(&"\x7f".repeat("parallax-report.json".len()));
    s.wait_gone("parallax-report.json");
    s.keys(path);
    s.keys("\r");
}

#[test]
fn x_asks_for_the_file_and_never_replaces_one_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("review.json");
    let report = dir.path().join("out.json");
    let path = report.to_str().unwrap();
    let mut s = Session::start(&["--session", session.to_str().unwrap()], 160, 45);
    s.wait_for(" reviewed ");
    s.keys("na");
    s.wait_for("reviewed 1/");
    export_to(&mut s, path);
    let screen = s.wait_for("wrote ");
    assert!(screen.contains("out.json"), "{screen}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["findings"][0]["verdict"], "accept");
    // Again to the same file: asked; any key but y keeps the file.
    std::fs::write(&report, "mine").unwrap();
    export_to(&mut s, path);
    s.wait_for("It exists.");
    s.keys("n");
    s.wait_gone("It exists.");
    s.keys("\x1b");
    s.wait_gone("Export the json report");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "mine");
    // y replaces it.
    export_to(&mut s, path);
    s.wait_for("It exists.");
    s.keys("y");
    s.wait_for("wrote ");
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("\"findings\"")
    );
    s.keys("q");
    assert_eq!(s.exit(), 0);
}

#[test]
fn hostile_articles_never_reach_the_terminal_raw() {
    let readable = [
        "escapes.txt",
        "bidi.txt",
        "scripts-mix.txt",
        "scripts.html",
        "nested.html",
        "yaml-bomb.md",
        "long-number.txt",
        "bad-dates.txt",
        "invalid-utf8.txt",
        "wrong-types-array.json",
    ];
    for file in readable {
        let path = common::fixture("hostile", file);
        let mut s = Session::start(&[common::arg(&path)], 80, 24);
        s.wait_for(" reviewed ");
        // Every screen: move, findings, table, help, search, filter, paging.
        for keys in [
            "jjjG", "n", "\t", "v", "?", "q", "/the", "\x1b", "f", "\x1b", "v", "lh", "e",
        ] {
            s.keys(keys);
            std::thread::sleep(Duration::from_millis(30));
        }
        s.keys("\x1b");
        std::thread::sleep(Duration::from_millis(30));
        s.keys("q");
        assert_eq!(s.exit(), 0, "{file}");
        let raw = s.raw.lock().unwrap().clone();
        let shown = String::from_utf8_lossy(&raw);
        for (what, bad) in [
            ("an OSC sequence (title, clipboard)", "\x1b]"),
            ("a bell", "\x07"),
            ("a DCS sequence", "\x1bP"),
            ("a right-to-left override", "\u{202e}"),
            ("the article's colour code", "\x1b[31m RED"),
        ] {
            assert!(!shown.contains(bad), "{file}: {what} reached the terminal");
        }
    }
}

#[test]
fn the_escapes_show_as_placeholders() {
    let path = common::fixture("hostile", "escapes.txt");
    let mut s = Session::start(&[common::arg(&path)], 120, 30);
    let screen = s.wait_for("\u{241b}]0;pwned");
    assert!(screen.contains("\u{241b}]52;c;"), "{screen}");
    s.keys("q");
    assert_eq!(s.exit(), 0);
}

#[test]
fn unreadable_files_are_named_before_any_screen() {
    let path = common::fixture("hostile", "empty.txt");
    let mut s = Session::start(&[common::arg(&path)], 80, 24);
    let screen = s.wait_for("no article could be read");
    assert!(screen.contains("empty.txt: file is empty"), "{screen}");
    assert_eq!(s.exit(), 2);
}
