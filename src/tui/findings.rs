//! The findings list (kind, severity, one-line summary) and the detail pane
//! (explanation, suggestion, reference, the evidence quoted from each
//! source).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::app::{App, Focus};
use super::story::sentence_at;
use super::text::{clean, fit};
use super::theme::{Mark, Theme, severity_sign};
use super::ui::{Drawn, Hit, HitKind};
use crate::detect::Finding;
use crate::review::{Status, Verdict};

/// The sign of a finding's review, readable without colour.
fn verdict_sign(status: Status) -> &'static str {
    match status {
        Status::Undecided => " ",
        Status::Decided(Verdict::Accept) => "✓",
        Status::Decided(Verdict::Reject) => "✗",
        Status::Decided(Verdict::Skip) => "»",
        Status::Changed(_) => "~",
    }
}

pub fn render_list(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, drawn: &mut Drawn) {
    let listed = app.listed();
    let focused = app.focus == Focus::Findings;
    let position = app
        .finding
        .and_then(|f| listed.iter().position(|&x| x == f));
    let mut block = Block::bordered().border_style(theme.border(focused));
    for title in titles(app, position, listed.len(), area.width) {
        block = block.title(title);
    }
    let inner = block.inner(area);
    // The kind column only where the summary keeps room beside it.
    let with_kind = inner.width >= 70;
    let room = usize::from(inner.width).saturating_sub(1 + 2 + 9 + if with_kind { 23 } else { 0 });
    let items: Vec<ListItem> = listed
        .iter()
        .map(|&i| {
            let f = &app.analysis.findings[i];
            let note = app.review.decision(i).is_some_and(|d| d.note.is_some());
            let mut spans = vec![
                Span::styled(
                    format!(
                        "{}{}",
                        verdict_sign(app.status_of(i)),
                        if note { "✎" } else { " " }
                    ),
                    theme.bold(),
                ),
                Span::styled(
                    format!("{} {:<6} ", severity_sign(f.severity), f.severity.as_str()),
                    theme.severity(f.severity),
                ),
            ];
            if with_kind {
                spans.push(Span::styled(
                    format!("{:<22} ", f.kind.as_str()),
                    theme.dim(),
                ));
            }
            spans.push(Span::raw(fit(&clean(&f.summary), room)));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(theme.selected(focused))
        .highlight_symbol("▶");
    let mut state = ListState::default()
        .with_offset(drawn.list_offset)
        .with_selected(position);
    StatefulWidget::render(list, area, buf, &mut state);
    drawn.list_offset = state.offset();
    let rows = listed
        .iter()
        .skip(drawn.list_offset)
        .take(usize::from(inner.height))
        .copied()
        .collect();
    drawn.hits.push(Hit {
        area: inner,
        what: HitKind::Findings(rows),
    });
}

/// The list's titles, shortest first to go: the position and progress on
/// the left, the filter on the right; what does not fit beside the other
/// is left out rather than drawn over it (the top bar has the progress).
fn titles(app: &App<'_>, position: Option<usize>, n: usize, width: u16) -> Vec<Line<'static>> {
    let (reviewed, total) = app.progress();
    let at = position.map_or_else(|| format!("{n}"), |p| format!("{}/{n}", p + 1));
    let filter = format!(" {} ", app.filter.label());
    let room = usize::from(width.saturating_sub(2));
    let long = format!(" Findings {at} · reviewed {reviewed}/{total} ");
    let short = format!(" Findings {at} ");
    let width_of = |s: &str| s.chars().count();
    let (left, right) = if width_of(&long) + width_of(&filter) < room {
        (long, Some(filter))
    } else if width_of(&short) + width_of(&filter) < room {
        (short, Some(filter))
    } else {
        (fit(&short, room), None)
    };
    let mut out = vec![Line::from(left)];
    out.extend(right.map(|r| Line::from(r).right_aligned()));
    out
}

pub fn render_detail(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, drawn: &mut Drawn) {
    let focused = app.focus == Focus::Detail;
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(" Detail ");
    drawn.hits.push(Hit {
        area,
        what: HitKind::Pane(Focus::Detail),
    });
    let lines = if let Some(i) = app.finding {
        let mut lines = review_lines(app, theme, i);
        lines.extend(detail_lines(app, theme, &app.analysis.findings[i]));
        lines
    } else {
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "No finding selected: {} goes to the first.",
                app.keys.label(super::keys::Action::NextFinding)
            ),
            theme.dim(),
        ))];
        lines.extend(gone_lines(app, theme));
        lines
    };
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.detail_scroll, 0))
        .render(area, buf);
}

fn detail_lines<'a>(app: &App<'a>, theme: Theme, f: &'a Finding) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(clean(&f.summary), theme.bold())),
        Line::from(vec![
            Span::styled(
                format!("{} {}", severity_sign(f.severity), f.severity.as_str()),
                theme.severity(f.severity),
            ),
            Span::raw(format!(
                " · {} · confidence {:.0}% · {}",
                f.kind.as_str(),
                f.confidence * 100.0,
                f.id
            )),
        ]),
    ];
    if f.change_over_time {
        lines.push(Line::from(Span::styled(
            "change over time: the articles are far enough apart for the fact to have changed",
            theme.dim(),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(clean(&f.explanation)));
    if let Some(s) = &f.suggestion {
        lines.push(Line::from(vec![
            Span::styled("Suggestion: ", theme.bold()),
            Span::raw(clean(s)),
        ]));
    }
    if let Some(r) = &f.reference {
        let dates = match (r.from, r.to) {
            (Some(a), Some(b)) => format!(", {a} to {b}"),
            (Some(a), None) => format!(", from {a}"),
            (None, Some(b)) => format!(", until {b}"),
            (None, None) => String::new(),
        };
        lines.push(Line::from(vec![
            Span::styled("Reference: ", theme.bold()),
            Span::raw(format!("{} ({}){dates}", clean(&r.name), r.kb)),
        ]));
    }
    lines.push(Line::default());
    for e in &f.evidence {
        let article = &app.analysis.articles[e.article];
        let span = article.article.span(e.range.clone());
        let (line, col) = article.line_col(span.start);
        let name = super::story::source_name(article);
        lines.push(Line::from(vec![
            Span::styled(clean(&name), theme.bold()),
            Span::styled(
                format!("  {}:{line}:{col}", clean(&article.article.path)),
                theme.dim(),
            ),
        ]));
        let s = &article.sentences[sentence_at(article, e.range.start)];
        let text = &article.article.text;
        let start = e.range.start.clamp(s.range.start, s.range.end);
        let end = e.range.end.clamp(start, s.range.end);
        lines.push(Line::from(vec![
            Span::raw("  “"),
            Span::raw(clean(&text[s.range.start..start])),
            Span::styled(
                clean(&text[start..end]),
                theme.mark(Mark::Evidence(f.severity)),
            ),
            Span::raw(clean(&text[end..s.range.end])),
            Span::raw("”"),
        ]));
    }
    lines
}

/// The verdict, who gave it when, and the note.
fn review_lines<'a>(app: &App<'a>, theme: Theme, finding: usize) -> Vec<Line<'a>> {
    let Some(d) = app.review.decision(finding) else {
        return vec![Line::from(Span::styled("Undecided", theme.dim()))];
    };
    let mut lines = Vec::new();
    let by = format!(" by {} at {}", clean(&d.reviewer), d.at);
    match app.status_of(finding) {
        Status::Changed(v) => lines.push(Line::from(vec![
            Span::styled("Changed since reviewed", theme.key()),
            Span::raw(format!(" (was: {}{by})", v.as_str())),
        ])),
        Status::Decided(v) => lines.push(Line::from(vec![
            Span::styled(format!("Verdict: {}", v.as_str()), theme.key()),
            Span::raw(by),
        ])),
        Status::Undecided => lines.push(Line::from(Span::styled("Undecided", theme.dim()))),
    }
    if let Some(note) = &d.note {
        for (i, line) in note.lines().enumerate() {
            let lead = if i == 0 { "Note: " } else { "      " };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.bold()),
                Span::raw(clean(line)),
            ]));
        }
    }
    lines
}

/// Decisions whose finding no longer occurs: kept in the session, listed
/// here so the reviewer sees what their earlier verdicts were about.
fn gone_lines<'a>(app: &App<'a>, theme: Theme) -> Vec<Line<'a>> {
    let gone = app.review.gone();
    if gone.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!(
                "Gone since reviewed ({}): no longer found in these articles",
                gone.len()
            ),
            theme.bold(),
        )),
    ];
    for d in gone {
        let verdict = d.verdict.map_or("undecided", Verdict::as_str);
        lines.push(Line::from(vec![
            Span::styled(format!("{verdict:<9} "), theme.key()),
            Span::styled(format!("{} ", d.kind.as_str()), theme.dim()),
            Span::raw(clean(&d.summary)),
        ]));
    }
    lines
}
