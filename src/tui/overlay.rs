//! Pop-ups over the screen: the key help, built from the key map, and the
//! findings filter.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

use super::app::App;
use super::keys::Action;
use super::text::clean;
use super::theme::Theme;
use crate::review::Verdict;

/// A rectangle of at most `w`×`h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

pub fn help(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let width = Action::ALL
        .iter()
        .map(|&a| app.keys.label(a).chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let mut lines: Vec<Line> = Action::ALL
        .iter()
        .map(|&a| {
            Line::from(vec![
                Span::styled(format!(" {:<width$}  ", app.keys.label(a)), theme.key()),
                Span::raw(a.describe()),
            ])
        })
        .collect();
    lines.push(Line::default());
    if let Some(path) = &app.session {
        lines.push(Line::from(vec![
            Span::styled(" Session: ", theme.bold()),
            Span::raw(clean(&path.display().to_string())),
        ]));
    }
    let kinds: Vec<String> = crate::detect::FindingKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.short(), k.as_str()))
        .collect();
    lines.push(Line::from(Span::styled(
        format!(" Progress by kind: {}", kinds.join(", ")),
        theme.dim(),
    )));
    let advance = if app.keys.advance {
        " After a verdict the next finding is selected ([review] advance = false stays)."
    } else {
        " A verdict keeps the finding selected ([review] advance = true moves on)."
    };
    let mut notes = vec![
        " In a search, type the text; smart case: a capital makes it exact.".to_string(),
        format!(
            " While a search is shown, {} / {} go to its matches (vim, helix, less); {} ends it.",
            app.keys.label(Action::NextFinding),
            app.keys.label(Action::PrevFinding),
            app.keys.label(Action::Cancel)
        ),
        advance.to_string(),
    ];
    if let Ok(u) = super::keys::Key::parse("U")
        && app.keys.action(u).is_none()
    {
        notes.push(" U is left free (helix users expect redo; the reader has none).".into());
    }
    notes.extend(
        [
            " Mouse: the wheel moves through the pane under it; a click selects.",
            " Keys: override in keys.toml in the config directory (see README).",
        ]
        .map(String::from),
    );
    for note in notes {
        lines.push(Line::from(Span::styled(note, theme.dim())));
    }
    let h = lines.len() as u16 + 2;
    let rect = centered(area, 92, h);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(Block::bordered().title(" Keys ").title(
            Line::from(format!(" {} closes ", app.keys.label(Action::Help))).right_aligned(),
        ))
        .scroll((app.help_scroll, 0))
        .render(rect, buf);
}

pub fn filter(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let entries = app.filters();
    let items: Vec<ListItem> = entries
        .iter()
        .map(|(f, n, reviewed)| ListItem::new(format!("{} ({n}, {reviewed} reviewed)", f.label())))
        .collect();
    let rect = centered(area, 48, entries.len() as u16 + 2);
    Clear.render(rect, buf);
    let list = List::new(items)
        .block(Block::bordered().title(" Show findings "))
        .highlight_style(theme.selected(true))
        .highlight_symbol("▶");
    let mut state = ListState::default().with_selected(Some(app.menu));
    StatefulWidget::render(list, rect, buf, &mut state);
}

/// Where the note editor goes.
fn note_area(area: Rect) -> Rect {
    centered(area, 72, 12)
}

pub fn note(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let rect = note_area(area);
    let id = app
        .finding
        .map_or("", |f| app.analysis.findings[f].id.as_str());
    let block = Block::bordered()
        .border_style(theme.border(true))
        .title(format!(" Note on {id} "))
        .title_bottom(
            Line::from(format!(
                " {} or ctrl-s keeps it · an empty note is removed ",
                app.keys.label(Action::Cancel)
            ))
            .right_aligned(),
        );
    let inner = block.inner(rect);
    Clear.render(rect, buf);
    block.render(rect, buf);
    let (top, left) = note_scroll(app, inner);
    for (y, line) in app
        .editor
        .lines
        .iter()
        .skip(top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let text: String = line.iter().collect();
        let shown: String = clean(&text).chars().skip(left).collect();
        buf.set_line(inner.x, inner.y + y as u16, &Line::from(shown), inner.width);
    }
}

/// The first line and column shown, so the cursor stays in view.
fn note_scroll(app: &App<'_>, inner: Rect) -> (usize, usize) {
    let e = &app.editor;
    let top = (e.row + 1).saturating_sub(usize::from(inner.height.max(1)));
    let left = (e.col + 1).saturating_sub(usize::from(inner.width.max(1)));
    (top, left)
}

/// The terminal cursor's place in the note editor.
#[must_use]
pub fn note_cursor(app: &App<'_>, area: Rect) -> Option<Position> {
    let inner = Block::bordered().inner(note_area(area));
    if inner.is_empty() {
        return None;
    }
    let (top, left) = note_scroll(app, inner);
    let e = &app.editor;
    let skipped: usize = e.lines[e.row][..left.min(e.col)]
        .iter()
        .map(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum();
    let x = (e.cursor_x() - skipped).min(usize::from(inner.width - 1)) as u16;
    Some(Position {
        x: inner.x + x,
        y: inner.y + (e.row - top) as u16,
    })
}

pub fn confirm(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, verdict: Verdict) {
    let n = app.listed().len();
    let question = format!(
        " {} all {n} findings listed ({})? ",
        match verdict {
            Verdict::Accept => "Accept",
            Verdict::Reject => "Reject",
            Verdict::Skip => "Skip",
        },
        app.filter.label()
    );
    let lines = vec![
        Line::from(question.clone()),
        Line::from(Span::styled(
            format!(
                " {} yes · any other key: no · {} takes it back ",
                app.keys.label(Action::Confirm),
                app.keys.label(Action::Undo)
            ),
            theme.dim(),
        )),
    ];
    let width = (question.chars().count() as u16 + 2).max(56);
    let rect = centered(area, width, 4);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_style(theme.border(true))
                .title(" Confirm "),
        )
        .render(rect, buf);
}

pub fn export(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let formats = App::formats();
    let items: Vec<ListItem> = formats
        .iter()
        .map(|f| ListItem::new(format!("{} report", f.as_str())))
        .collect();
    let rect = centered(area, 36, formats.len() as u16 + 2);
    Clear.render(rect, buf);
    let list = List::new(items)
        .block(Block::bordered().title(" Export "))
        .highlight_style(theme.selected(true))
        .highlight_symbol("▶");
    let mut state = ListState::default().with_selected(Some(app.menu));
    StatefulWidget::render(list, rect, buf, &mut state);
}

/// The export's file: typed, with where it lands; or, when it exists, the
/// question whether to replace it.
pub fn export_path(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some((format, path)) = &app.export else {
        return;
    };
    let here = app.cwd.as_ref().map_or_else(
        || "the current directory".to_string(),
        |d| clean(&d.display().to_string()),
    );
    let ask = app.mode == super::app::Mode::Overwrite;
    let lines = vec![
        Line::from(vec![
            Span::styled(" File: ", theme.bold()),
            Span::raw(clean(path)),
            Span::styled(if ask { "" } else { "▏" }, theme.key()),
        ]),
        Line::from(Span::styled(format!(" relative to {here}"), theme.dim())),
        Line::from(Span::styled(
            if ask {
                format!(
                    " It exists. {} replaces it · any other key: another name ",
                    app.keys.label(Action::Confirm)
                )
            } else {
                format!(
                    " {} writes · {} cancels · an existing file is not replaced unasked ",
                    app.keys.label(Action::Open),
                    app.keys.label(Action::Cancel)
                )
            },
            if ask { theme.key() } else { theme.dim() },
        )),
    ];
    let rect = centered(area, 76, 5);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_style(theme.border(true))
                .title(format!(" Export the {} report ", format.as_str())),
        )
        .render(rect, buf);
}
