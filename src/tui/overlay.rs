//! Pop-ups over the screen: the key help, built from the key map, and the
//! findings filter.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

use super::app::App;
use super::keys::Action;
use super::theme::Theme;

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
    for note in [
        " In a search, type the text; smart case: a capital makes it exact.",
        " Mouse: the wheel moves through the pane under it; a click selects.",
        " Keys: override in keys.toml in the config directory (see README).",
    ] {
        lines.push(Line::from(Span::styled(note, theme.dim())));
    }
    let h = lines.len() as u16 + 2;
    let rect = centered(area, 76, h);
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
        .map(|(f, n)| ListItem::new(format!("{} ({n})", f.label())))
        .collect();
    let rect = centered(area, 40, entries.len() as u16 + 2);
    Clear.render(rect, buf);
    let list = List::new(items)
        .block(Block::bordered().title(" Show findings "))
        .highlight_style(theme.selected(true))
        .highlight_symbol("▶");
    let mut state = ListState::default().with_selected(Some(app.menu));
    StatefulWidget::render(list, rect, buf, &mut state);
}
