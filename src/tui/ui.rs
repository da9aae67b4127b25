//! The screen: where each pane goes, the bars at the top and bottom, and
//! what the mouse can point at. Drawing reads the [`App`]; only scroll
//! positions and the map of what was drawn where ([`Drawn`]) change.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};

use super::app::{App, Focus, Mode, Target, View};
use super::story::sentence_at;
use super::theme::Theme;
use super::{columns, findings, overlay, table};
use crate::detect::Severity;

/// Below this height the panes take turns instead of sharing the screen.
const COMPACT_HEIGHT: u16 = 18;
/// From this width the findings list and the detail sit side by side.
const WIDE: u16 = 100;

/// What the views keep between frames: scroll positions, and where things
/// were drawn so a click can be resolved.
#[derive(Debug, Default)]
pub struct Drawn {
    /// The first article column shown.
    pub first: usize,
    /// How many article columns fit.
    pub per_page: usize,
    /// Per article: the wrapped line at the top of its column (negative:
    /// blank lines above, to line a statement up with its neighbour).
    pub offsets: Vec<isize>,
    pub list_offset: usize,
    pub table_offset: usize,
    pub hits: Vec<Hit>,
}

/// A region of the last frame and what a click there means.
#[derive(Debug)]
pub struct Hit {
    pub area: Rect,
    pub what: HitKind,
}

#[derive(Debug)]
pub enum HitKind {
    /// An article column: per screen row, the text offset of each glyph
    /// and the column it starts at.
    Column {
        article: usize,
        rows: Vec<Vec<(u16, usize)>>,
    },
    /// The findings list: the finding shown on each row.
    Findings(Vec<usize>),
    /// The alignment table: the row index shown on each screen row.
    Table(Vec<Option<usize>>),
    Pane(Focus),
}

impl Drawn {
    /// What a click at a screen position points at.
    #[must_use]
    pub fn target(&self, app: &App<'_>, x: u16, y: u16) -> Option<Target> {
        let hit = self
            .hits
            .iter()
            .rev()
            .find(|h| h.area.contains(Position { x, y }))?;
        let row = usize::from(y - hit.area.y);
        match &hit.what {
            HitKind::Column { article, rows } => {
                let glyphs = rows.get(row)?;
                let offset = glyphs
                    .iter()
                    .rev()
                    .find(|(gx, _)| *gx <= x)
                    .or(glyphs.first())?
                    .1;
                Some(Target::Sentence(super::app::Cursor {
                    article: *article,
                    sentence: sentence_at(&app.analysis.articles[*article], offset),
                }))
            }
            HitKind::Findings(rows) => rows.get(row).map(|&f| Target::Finding(f)),
            HitKind::Table(rows) => rows.get(row).copied().flatten().map(Target::Row),
            HitKind::Pane(p) => Some(Target::Pane(*p)),
        }
    }

    /// The pane under a screen position, for the wheel.
    #[must_use]
    pub fn pane(&self, x: u16, y: u16) -> Option<Focus> {
        let hit = self
            .hits
            .iter()
            .rev()
            .find(|h| h.area.contains(Position { x, y }))?;
        Some(match hit.what {
            HitKind::Column { .. } | HitKind::Table(_) => Focus::Text,
            HitKind::Findings(_) => Focus::Findings,
            HitKind::Pane(p) => p,
        })
    }
}

/// Where the panes go.
#[derive(Clone, Copy, Debug)]
pub struct Areas {
    pub top: Rect,
    pub main: Option<Rect>,
    pub list: Option<Rect>,
    pub detail: Option<Rect>,
    pub bottom: Rect,
}

/// Splits the screen: text on top, findings and detail below; on a small
/// screen the focused pane alone.
#[must_use]
pub fn areas(app: &App<'_>, area: Rect) -> Areas {
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut out = Areas {
        top,
        main: None,
        list: None,
        detail: None,
        bottom,
    };
    if body.height < COMPACT_HEIGHT {
        match app.focus {
            Focus::Text => out.main = Some(body),
            Focus::Findings => out.list = Some(body),
            Focus::Detail => out.detail = Some(body),
        }
        return out;
    }
    let panel = (body.height * 2 / 5).clamp(6, 16);
    let [main, below] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(panel)]).areas(body);
    out.main = Some(main);
    if body.width >= WIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(below);
        out.list = Some(list);
        out.detail = Some(detail);
    } else if app.focus == Focus::Detail {
        out.detail = Some(below);
    } else {
        out.list = Some(below);
    }
    out
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>, drawn: &mut Drawn) {
    let area = frame.area();
    render(app, area, frame.buffer_mut(), drawn);
    if app.mode == Mode::Search {
        // The cursor sits after the typed query.
        let at = 1 + super::text::clean(&app.search.draft).chars().count();
        let x = area.x + (at as u16).min(area.width.saturating_sub(1));
        frame.set_cursor_position(Position {
            x,
            y: area.bottom().saturating_sub(1),
        });
    }
    if app.mode == Mode::Note
        && let Some(at) = overlay::note_cursor(app, area)
    {
        frame.set_cursor_position(at);
    }
}

/// Draws into a buffer (the tests and the benchmark use this directly).
pub fn render(app: &App<'_>, area: Rect, buf: &mut Buffer, drawn: &mut Drawn) {
    let theme = Theme { color: app.color };
    drawn.hits.clear();
    if area.is_empty() {
        return;
    }
    drawn.offsets.resize(app.analysis.articles.len(), 0);
    let areas = areas(app, area);
    if let Some(main) = areas.main {
        match app.view {
            View::Columns => columns::render(app, theme, main, buf, drawn),
            View::Table => table::render(app, theme, main, buf, drawn),
        }
    }
    if let Some(list) = areas.list {
        findings::render_list(app, theme, list, buf, drawn);
    }
    if let Some(detail) = areas.detail {
        findings::render_detail(app, theme, detail, buf, drawn);
    }
    top_bar(app, theme, areas.top, buf, drawn);
    bottom_bar(app, theme, areas.bottom, buf);
    match app.mode {
        Mode::Help => overlay::help(app, theme, area, buf),
        Mode::Filter => overlay::filter(app, theme, area, buf),
        Mode::Note => {
            overlay::note(app, theme, area, buf);
        }
        Mode::Confirm(verdict) => overlay::confirm(app, theme, area, buf, verdict),
        Mode::Export => overlay::export(app, theme, area, buf),
        Mode::ExportPath | Mode::Overwrite => overlay::export_path(app, theme, area, buf),
        Mode::Normal | Mode::Search => {}
    }
}

/// The top bar, as full as the width allows. Where the reader stands
/// (the article columns shown, the review's progress, a filter) outlasts
/// the counts: the counts shorten first, then go, then the name.
fn top_bar(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, drawn: &Drawn) {
    if area.is_empty() {
        return;
    }
    let line = (0..=4)
        .map(|level| Line::from(top_parts(app, theme, drawn, level)))
        .find(|line| line.width() <= usize::from(area.width))
        .unwrap_or_else(|| Line::from(top_parts(app, theme, drawn, 4)));
    buf.set_style(area, theme.bar());
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The top bar's parts at a level of detail: 0 is everything, 4 only
/// where the reader stands.
fn top_parts(app: &App<'_>, theme: Theme, drawn: &Drawn, level: u8) -> Vec<Span<'static>> {
    let analysis = app.analysis;
    let count = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
    let (reviewed, total) = app.progress();
    let mut parts = Vec::new();
    if level < 4 {
        parts.push(Span::styled(" Parallax ", theme.bold()));
    }
    let n = analysis.articles.len();
    if drawn.per_page < n {
        parts.push(Span::raw(format!(
            "│ articles {}–{} of {n} ",
            drawn.first + 1,
            (drawn.first + drawn.per_page).min(n),
        )));
    }
    parts.push(Span::styled(
        format!("│ reviewed {reviewed}/{total} "),
        theme.key(),
    ));
    if app.undecided_only {
        parts.push(Span::raw("│ undecided only "));
    }
    if app.filter != super::app::Filter::All {
        parts.push(Span::styled(
            format!("│ filter: {} ", app.filter.label()),
            theme.key(),
        ));
    }
    if !analysis.errors.is_empty() {
        parts.push(Span::raw(format!("│ {} not read ", analysis.errors.len())));
    }
    if let Some(stale) = &analysis.stale_kb {
        // Where the reader stands outlasts it; the counts go first.
        let text = match level {
            0 | 1 => format!(
                "│ KB as of {}, articles later: run `{}` ",
                stale.as_of,
                crate::analysis::StaleKb::REFRESH
            ),
            2 | 3 => "│ KB out of date ".to_string(),
            _ => String::new(),
        };
        if !text.is_empty() {
            parts.push(Span::styled(text, theme.key()));
        }
    }
    let counts = match level {
        0 | 1 => format!(
            "│ {n} articles │ {} findings: {} high, {} medium, {} low ",
            analysis.findings.len(),
            count(Severity::High),
            count(Severity::Medium),
            count(Severity::Low),
        ),
        2 => format!(
            "│ {} findings, {} high ",
            analysis.findings.len(),
            count(Severity::High)
        ),
        _ => String::new(),
    };
    if !counts.is_empty() {
        parts.push(Span::raw(counts));
    }
    if level == 0 {
        parts.push(Span::raw(format!("│ {}", by_kind(app))));
    }
    // Without the name, the bar begins with a part, not a separator.
    if let Some(first) = parts.first_mut()
        && let Some(rest) = first.content.strip_prefix('│')
    {
        first.content = format!(" {}", rest.trim_start()).into();
    }
    parts
}

/// Progress by kind, compact: "wo 1/1 nc 0/2" (the letters that begin
/// the kind's finding ids, listed in the help).
fn by_kind(app: &App<'_>) -> String {
    let findings = &app.analysis.findings;
    let mut out = String::new();
    for kind in crate::detect::FindingKind::ALL {
        let of_kind: Vec<usize> = (0..findings.len())
            .filter(|&i| findings[i].kind == kind)
            .collect();
        if !of_kind.is_empty() {
            let done = app.review.reviewed(of_kind.iter().copied());
            let _ = write!(out, "{} {done}/{} ", kind.short(), of_kind.len());
        }
    }
    out
}

fn bottom_bar(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let line = if app.mode == Mode::Search {
        Line::from(vec![
            Span::styled("/", theme.key()),
            Span::raw(super::text::clean(&app.search.draft)),
            Span::styled(
                format!(
                    "   {} matches · {} go · {} cancel",
                    app.search.matches.len(),
                    app.keys.label(super::keys::Action::Open),
                    app.keys.label(super::keys::Action::Cancel)
                ),
                theme.dim(),
            ),
        ])
    } else if let Some(status) = &app.status {
        Line::from(Span::raw(super::text::clean(status)))
    } else {
        let mut spans = Vec::new();
        for (keys, what) in fit_hints(app.keys.hints(), usize::from(area.width)) {
            spans.push(Span::styled(keys, theme.key()));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans)
    };
    buf.set_style(area, theme.bar());
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The hints that fit in `width`, in their order. The last two (help and
/// quit in the default map) are always kept: they lead to the rest and
/// out; the others are kept first come, first served.
fn fit_hints(hints: Vec<(String, &'static str)>, width: usize) -> Vec<(String, &'static str)> {
    let cost = |(keys, what): &(String, &str)| keys.chars().count() + what.chars().count() + 3;
    let kept_last = hints.len().saturating_sub(2);
    let mut room = width.saturating_sub(hints[kept_last..].iter().map(cost).sum());
    let mut out = Vec::new();
    for (i, hint) in hints.into_iter().enumerate() {
        if i >= kept_last {
            out.push(hint);
        } else if cost(&hint) <= room {
            room -= cost(&hint);
            out.push(hint);
        } else {
            // Later hints would skip this one: keep the order readable.
            room = 0;
        }
    }
    out
}
