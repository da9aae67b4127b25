//! The alignment table: a row per group of aligned statements, a column per
//! article (paged like the columns view), an empty cell where an article
//! says nothing on it, rows carrying findings marked.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Cell, Row, StatefulWidget, Table, TableState};

use super::app::{App, Focus};
use super::columns::page;
use super::text::{clean, wrap};
use super::theme::{Theme, severity_sign};
use super::ui::{Drawn, Hit, HitKind};

/// The narrowest a table column gets.
const MIN_WIDTH: u16 = 24;
/// The marker column.
const MARKER: u16 = 2;

pub fn render(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, drawn: &mut Drawn) {
    let n = app.analysis.articles.len();
    let block = Block::bordered()
        .border_style(theme.border(app.focus == Focus::Text))
        .title(format!(
            " Aligned statements: {} groups ",
            app.index.rows.len()
        ));
    let inner = block.inner(area);
    let shown = page(
        drawn,
        inner.width.saturating_sub(MARKER + 1),
        MIN_WIDTH,
        n,
        app.cursor.article,
    );
    let columns = shown.len() as u16;
    let spacing = columns;
    let cell_width = usize::from(
        inner
            .width
            .saturating_sub(MARKER + spacing)
            .checked_div(columns)
            .unwrap_or(1),
    )
    .max(1);
    let row_height: u16 = if inner.height >= 16 { 3 } else { 2 };

    let header = Row::new(
        std::iter::once(Cell::from(""))
            .chain(shown.clone().map(|a| {
                let name = super::story::source_name(&app.analysis.articles[a]);
                Cell::from(Span::styled(clean(&name), theme.bold()))
            }))
            .collect::<Vec<_>>(),
    );
    let rows = group_rows(app, theme, &shown, cell_width, row_height);
    let widths: Vec<Constraint> = std::iter::once(Constraint::Length(MARKER - 1))
        .chain(shown.clone().map(|_| Constraint::Fill(1)))
        .collect();
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.selected(app.focus == Focus::Text));
    let mut state = TableState::new()
        .with_offset(drawn.table_offset)
        .with_selected(Some(app.row));
    StatefulWidget::render(table, area, buf, &mut state);
    drawn.table_offset = state.offset();

    record_rows(app, inner, row_height, drawn);
}

/// A row per alignment group: its severity sign, then each shown article's
/// sentence (a dash where the article says nothing on it).
fn group_rows(
    app: &App<'_>,
    theme: Theme,
    shown: &Range<usize>,
    cell_width: usize,
    row_height: u16,
) -> Vec<Row<'static>> {
    app.index
        .rows
        .iter()
        .map(|&g| {
            let sign = app.index.group_severity[g].map_or(Cell::from(" "), |s| {
                Cell::from(Span::styled(
                    severity_sign(s).to_string(),
                    theme.severity(s),
                ))
            });
            let members = &app.analysis.alignments[g].members;
            let cells = shown.clone().map(|a| {
                members.iter().find(|m| m.article == a).map_or_else(
                    || Cell::from(Span::styled("—", theme.dim())),
                    |m| Cell::from(cell_text(app, a, m.sentence, cell_width, row_height)),
                )
            });
            Row::new(std::iter::once(sign).chain(cells).collect::<Vec<_>>()).height(row_height)
        })
        .collect()
}

/// Where each table row was drawn: a click on a screen row selects the
/// table row drawn there.
fn record_rows(app: &App<'_>, inner: Rect, row_height: u16, drawn: &mut Drawn) {
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let rows = (0..body.height)
        .map(|y| {
            let r = drawn.table_offset + usize::from(y / row_height);
            (r < app.index.rows.len()).then_some(r)
        })
        .collect();
    drawn.hits.push(Hit {
        area: body,
        what: HitKind::Table(rows),
    });
}

/// A sentence wrapped into a cell, cut with an ellipsis when it is longer.
fn cell_text(app: &App<'_>, a: usize, sentence: usize, width: usize, height: u16) -> Text<'static> {
    let article = &app.analysis.articles[a];
    let Some(s) = article.sentences.get(sentence) else {
        return Text::default();
    };
    let text = &article.article.text;
    let layout = wrap(text, std::slice::from_ref(&s.range), width);
    let mut lines: Vec<Line> = layout
        .lines
        .iter()
        .take(usize::from(height))
        .map(|l| {
            let mut out = String::new();
            let mut buf = [0; 4];
            for g in &layout.glyphs[l.glyphs.clone()] {
                out.push_str(g.symbol(text, &mut buf));
            }
            Line::from(out)
        })
        .collect();
    if layout.lines.len() > usize::from(height)
        && let Some(last) = lines.last_mut()
    {
        let mut s: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
        while unicode_width::UnicodeWidthStr::width(s.as_str()) + 1 > width && s.pop().is_some() {}
        s.push('…');
        *last = Line::from(s);
    }
    Text::from(lines)
}
