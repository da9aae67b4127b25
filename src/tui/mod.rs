//! The terminal reader: articles side by side over one [`Analysis`]. This
//! is the only part of Parallax that knows about terminals; it reads the
//! analysis and never computes any.
//!
//! The loop is the imperative shell: it reads events, hands them to
//! [`App::handle`], draws, and carries out the [`Effect`]. The terminal is
//! given back on every way out, panics included.

mod app;
mod columns;
mod editor;
mod findings;
mod keys;
mod overlay;
mod story;
mod table;
mod text;
mod theme;
mod ui;

use std::io::{self, Stdout};
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use app::{App, Cursor, Effect, Filter, Focus, Input, Mode, Target, View};
pub use keys::{Action, Key, KeyMap};
pub use text::clean;
pub use ui::{Drawn, render};

use crate::analysis::Analysis;
use crate::report::{self, ReportFormat, ReportOptions};
use crate::review::{Review, Status, store};

/// Where the reader looks for its files.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Colours on (off under `NO_COLOR`).
    pub color: bool,
    /// Holds `keys.toml`, the user's key map.
    pub config_dir: Option<PathBuf>,
}

impl Options {
    /// From the environment: `NO_COLOR`, and the user config directory
    /// (`PARALLAX_CONFIG_DIR` overrides it).
    #[must_use]
    pub fn from_env() -> Options {
        let config_dir = std::env::var_os("PARALLAX_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| project_dirs().map(|d| d.config_dir().to_path_buf()));
        Options {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            config_dir,
        }
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "parallax")
}

/// The log file: `PARALLAX_LOG_FILE`, or `parallax.log` in the user's
/// state (or local data) directory.
#[must_use]
pub fn log_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PARALLAX_LOG_FILE") {
        return Some(PathBuf::from(p));
    }
    let dirs = project_dirs()?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("parallax.log"))
}

/// Sends log records to a file, never to the screen. Without a file the
/// records are dropped.
fn start_logging(path: Option<&Path>) {
    let Some(path) = path else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
}

/// Runs the reader until the user quits; returns the review as it ended.
/// Every verdict and note is written to `session` as it is made.
pub fn run(
    analysis: &Analysis,
    review: Review,
    session: &Path,
    opts: &Options,
) -> io::Result<Review> {
    start_logging(log_path().as_deref());
    tracing::info!(
        articles = analysis.articles.len(),
        findings = analysis.findings.len(),
        session = %session.display(),
        "reader opened"
    );
    let (keys, problem) = KeyMap::load(opts.config_dir.as_deref());
    let mut app = App::new(analysis, keys);
    app.color = opts.color;
    app.review = review;
    app.session = Some(session.to_path_buf());
    app.cwd = std::env::current_dir().ok();
    app.status = Some(problem.unwrap_or_else(|| match analysis.errors.first() {
        Some(e) => format!("not read: {e} ({} in all)", analysis.errors.len()),
        None => resumed(&app, session),
    }));
    if let Some(status) = &app.status {
        tracing::info!("{status}");
    }
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, &mut app, session);
    leave();
    tracing::info!("reader closed");
    result.map(|()| app.review)
}

/// What the session brought back, for the first status line.
fn resumed(app: &App<'_>, session: &Path) -> String {
    let n = app.analysis.findings.len();
    let restored = (0..n).filter(|&f| app.review.decision(f).is_some()).count();
    if restored == 0 && app.review.gone().is_empty() {
        return format!("session {} (new)", session.display());
    }
    let changed = (0..n)
        .filter(|&f| matches!(app.status_of(f), Status::Changed(_)))
        .count();
    format!(
        "session {}: {restored} decisions restored, {changed} changed since reviewed, {} gone",
        session.display(),
        app.review.gone().len()
    )
}

/// Carries out an effect that needs the disk; says how it went.
fn carry_out(app: &mut App<'_>, effect: Effect, session: &Path) {
    match effect {
        Effect::Save => {
            let r = &app.review;
            match store::save_merged(session, &r.file, r.base.as_ref(), &r.dropped) {
                Ok(merged) => {
                    // What other sessions wrote meanwhile is shown too.
                    let arrived = app.review.absorb(app.analysis, merged);
                    if arrived > 0 {
                        app.status = Some(format!(
                            "saved; {arrived} decision(s) arrived from another session"
                        ));
                    }
                }
                Err(e) => {
                    tracing::error!("{e}");
                    app.status = Some(format!(
                        "NOT SAVED: {e}. Your decisions are kept here and saved with the next one."
                    ));
                }
            }
        }
        Effect::Export {
            format,
            path,
            overwrite,
        } => export(app, format, &path, overwrite),
        Effect::None | Effect::Quit => {}
    }
}

/// Where `x` offers to write a report: a file in the current directory,
/// named for the format.
#[must_use]
pub fn export_path(format: ReportFormat) -> PathBuf {
    PathBuf::from(format!("parallax-report.{}", format.extension()))
}

/// Writes the report `x` asked for. An existing file is replaced only
/// when the user said so (the file is created new otherwise, so nothing
/// is replaced between asking and writing); else the reader asks.
fn export(app: &mut App<'_>, format: ReportFormat, path: &Path, overwrite: bool) {
    let text = report::render(
        app.analysis,
        format,
        ReportOptions {
            mentions: false,
            color: false,
            review: Some(&app.review),
        },
    );
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options
        .open(path)
        .and_then(|mut file| io::Write::write_all(&mut file, text.as_bytes()));
    app.status = Some(match written {
        Ok(()) => {
            app.export = None;
            format!("wrote {}", path.display())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            app.ask_overwrite();
            format!("{} exists", path.display())
        }
        Err(e) => format!("could not write {}: {e}", path.display()),
    });
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Takes the terminal: raw mode, the alternate screen, the mouse; and a
/// panic hook that gives it back before the panic message is printed.
fn enter() -> io::Result<Term> {
    restore_on_signals();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        tracing::error!("panic: {info}");
        hook(info);
    }));
    enable_raw_mode()?;
    if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture) {
        leave();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(io::stdout())).inspect_err(|_| leave())
}

/// `kill` (SIGTERM), a closed terminal window (SIGHUP) and `kill -INT`
/// (ctrl-c is a key in raw mode, not a signal) end the process without
/// unwinding, so neither the loop's exit nor the panic hook runs: a thread
/// waits for them, gives the terminal back and exits as the signal would
/// have, with status 128 + its number. Verdicts are already on disk: each
/// is saved as it is made.
#[cfg(unix)]
fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
        // Not fatal: every other way out still restores the terminal.
        tracing::warn!("cannot catch SIGTERM and SIGHUP");
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until the exit, so that the loop cannot draw again (and
            // hide the cursor) after the terminal is given back.
            let _stdout = io::stdout().lock();
            leave();
            tracing::info!(signal, "reader closed by a signal");
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn restore_on_signals() {}

/// Gives the terminal back; safe to call more than once.
fn leave() {
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

fn event_loop(terminal: &mut Term, app: &mut App<'_>, session: &Path) -> io::Result<()> {
    let mut drawn = Drawn::default();
    let size = terminal.size()?;
    app.handle(Input::Resize(size.width, size.height));
    loop {
        terminal.draw(|frame| ui::draw(frame, app, &mut drawn))?;
        let input = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => Key::from_event(k).map(Input::Key),
            Event::Mouse(m) => mouse(&drawn, app, m),
            Event::Resize(w, h) => Some(Input::Resize(w, h)),
            _ => None,
        };
        let Some(input) = input else { continue };
        match app.handle(input) {
            Effect::Quit => return Ok(()),
            effect => carry_out(app, effect, session),
        }
    }
}

/// A mouse event as an input, using where things were last drawn.
fn mouse(drawn: &Drawn, app: &App<'_>, m: event::MouseEvent) -> Option<Input> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Input::Scroll(drawn.pane(m.column, m.row)?, 3)),
        MouseEventKind::ScrollUp => Some(Input::Scroll(drawn.pane(m.column, m.row)?, -3)),
        MouseEventKind::Down(event::MouseButton::Left) => {
            Some(Input::Click(drawn.target(app, m.column, m.row)?))
        }
        _ => None,
    }
}
