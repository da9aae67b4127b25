//! The columns view: one column per article, the cursor's sentence in the
//! focused column and the sentences aligned with it lined up at the same
//! height in the others, the words that differ marked.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout as Split, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::app::{App, Focus};
use super::text::{self, Layout, clean};
use super::theme::{Mark, Theme, severity_sign};
use super::ui::{Drawn, Hit, HitKind};
use crate::detect::Severity;
use crate::model::ArticleAnalysis;
use crate::model::Role;

/// The narrowest a column gets before columns are paged.
pub const MIN_WIDTH: u16 = 38;
/// Columns a gutter takes: a finding sign and a cursor/aligned sign.
const GUTTER: u16 = 2;

/// How many columns of at least `min` cells fit, and which comes first so
/// that `focus` is shown; remembered in `drawn`.
pub fn page(drawn: &mut Drawn, width: u16, min: u16, n: usize, focus: usize) -> Range<usize> {
    let per_page = usize::from(width / min).clamp(1, n.max(1));
    let mut first = drawn.first.min(n.saturating_sub(per_page));
    if focus < first {
        first = focus;
    } else if focus >= first + per_page {
        first = focus + 1 - per_page;
    }
    drawn.first = first;
    drawn.per_page = per_page;
    first..(first + per_page).min(n)
}

pub fn render(app: &App<'_>, theme: Theme, area: Rect, buf: &mut Buffer, drawn: &mut Drawn) {
    let n = app.analysis.articles.len();
    if n == 0 {
        return;
    }
    let shown = page(drawn, area.width, MIN_WIDTH, n, app.cursor.article);
    let rects = Split::horizontal(vec![Constraint::Fill(1); shown.len()]).split(area);
    let focused = app.cursor.article;
    let partners: Vec<Option<usize>> = shown
        .clone()
        .map(|b| {
            (b != focused)
                .then(|| {
                    app.index
                        .partner(app.analysis, focused, app.cursor.sentence, b)
                })
                .flatten()
        })
        .collect();
    // The focused column first: its scroll decides the height the others
    // line up at.
    let focus_rect = rects[focused - shown.start];
    let anchor = draw_column(app, theme, focused, focus_rect, buf, drawn, None);
    for (i, b) in shown.clone().enumerate() {
        if b != focused {
            let partner = partners[i];
            let lined = partner.map(|s| (s, anchor));
            draw_column(app, theme, b, rects[i], buf, drawn, lined);
        }
    }
}

/// Draws one article's column; returns the screen row (within the body)
/// of the line its cursor or aligned sentence starts on.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site; a struct would only rename them"
)]
fn draw_column(
    app: &App<'_>,
    theme: Theme,
    a: usize,
    rect: Rect,
    buf: &mut Buffer,
    drawn: &mut Drawn,
    lined: Option<(usize, isize)>,
) -> isize {
    let article = &app.analysis.articles[a];
    let is_focus = a == app.cursor.article;
    let body = frame(app, theme, a, rect, buf);
    if body.width <= GUTTER || body.height == 0 {
        return 0;
    }
    let text = &article.article.text;
    let paragraphs: Vec<Range<usize>> = article
        .article
        .blocks
        .iter()
        .map(|b| b.range.clone())
        .collect();
    let layout = text::wrap(text, &paragraphs, usize::from(body.width - GUTTER));
    let height = body.height as isize;

    // Which sentence this column is about, and where it goes.
    let (sentence, offset) = if is_focus {
        let sentence = app.cursor.sentence;
        let line = sentence_line(article, &layout, sentence);
        let offset = follow(drawn.offsets[a], line, height);
        (Some(sentence), offset)
    } else if let Some((s, anchor)) = lined {
        (Some(s), sentence_line(article, &layout, s) - anchor)
    } else {
        let max = layout.lines.len() as isize - 1;
        (None, drawn.offsets[a].clamp(0, max.max(0)))
    };
    drawn.offsets[a] = offset;

    let marks = marks(app, a, article, is_focus, sentence);
    let runs = style_runs(theme, &marks, text.len());
    let sentence_range = sentence
        .and_then(|s| article.sentences.get(s))
        .map(|s| s.range.clone());
    let titles: Vec<Range<usize>> = article
        .article
        .blocks
        .iter()
        .filter(|b| b.role == Role::Title)
        .map(|b| b.range.clone())
        .collect();

    let mut rows = Vec::with_capacity(body.height as usize);
    for y in 0..body.height {
        let li = offset + isize::from(y as i16);
        let mut hits = Vec::new();
        if li >= 0 && (li as usize) < layout.lines.len() {
            let li = li as usize;
            let range = layout.line_range(li);
            let (sign, sign_style) = gutter_sign(app, theme, a, &range);
            let lead = lead_mark(sentence_range.as_ref(), &layout, li, is_focus);
            let gutter = Line::from(vec![
                Span::styled(sign.to_string(), sign_style),
                Span::raw(lead.to_string()),
            ]);
            buf.set_line(body.x, body.y + y, &gutter, GUTTER);
            let line = styled_line(
                text,
                &layout,
                li,
                &runs,
                &titles,
                theme,
                body.x + GUTTER,
                &mut hits,
            );
            buf.set_line(body.x + GUTTER, body.y + y, &line, body.width - GUTTER);
        }
        rows.push(hits);
    }
    drawn.hits.push(Hit {
        area: body,
        what: HitKind::Column { article: a, rows },
    });
    sentence.map_or(0, |s| sentence_line(article, &layout, s) - offset)
}

/// The column's border, headed by the source and the date, and the title
/// line when the article has no title block; returns the body below.
fn frame(app: &App<'_>, theme: Theme, a: usize, rect: Rect, buf: &mut Buffer) -> Rect {
    let article = &app.analysis.articles[a];
    let is_focus = a == app.cursor.article;
    let block = Block::bordered()
        .border_style(theme.border(is_focus && app.focus == Focus::Text))
        .title(Line::from(Span::styled(
            format!(" {} ", clean(&super::story::source_name(article))),
            theme.bold(),
        )))
        .title(Line::from(format!(" {} ", date_label(article))).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut body = inner;
    if !article.article.blocks.iter().any(|b| b.role == Role::Title)
        && let Some(title) = &article.article.meta.title
    {
        let line = Line::from(Span::styled(clean(title), theme.bold()));
        buf.set_line(inner.x, inner.y, &line, inner.width);
        body.y += 1;
        body.height = body.height.saturating_sub(1);
    }
    body
}

/// The gutter mark beside line `li`: `▶` where the cursor's sentence
/// starts (`≡` in the other columns, for its aligned sentence), `▏` on the
/// rest of that sentence.
fn lead_mark(
    sentence: Option<&Range<usize>>,
    layout: &text::Layout,
    li: usize,
    is_focus: bool,
) -> char {
    let range = layout.line_range(li);
    match sentence {
        Some(s) if overlaps(s, &range) => {
            if range.start <= s.start || li == layout.line_of(s.start) {
                if is_focus { '▶' } else { '≡' }
            } else {
                '▏'
            }
        }
        _ => ' ',
    }
}

/// The publication date, or the inferred window marked as such.
#[must_use]
pub fn date_label(article: &ArticleAnalysis) -> String {
    if let Some(d) = article.published {
        return d.to_string();
    }
    match &article.inferred {
        Some(w) => match (w.from, w.to) {
            (Some(f), Some(t)) => format!("{f}…{t} inferred"),
            (Some(f), None) => format!("≥{f} inferred"),
            (None, Some(t)) => format!("≤{t} inferred"),
            (None, None) => "undated".to_string(),
        },
        None => "undated".to_string(),
    }
}

fn sentence_line(article: &ArticleAnalysis, layout: &Layout, sentence: usize) -> isize {
    article
        .sentences
        .get(sentence)
        .map_or(0, |s| layout.line_of(s.range.start) as isize)
}

/// Keeps `line` in view with a margin, moving as little as possible.
fn follow(offset: isize, line: isize, height: isize) -> isize {
    let margin = (height / 4).min(3);
    let mut offset = offset.max(0);
    if line < offset + margin {
        offset = line - margin;
    } else if line >= offset + height - margin {
        offset = line + margin + 1 - height;
    }
    offset.max(0)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end
}

/// The sign for the worst finding with evidence on a line.
fn gutter_sign(app: &App<'_>, theme: Theme, a: usize, range: &Range<usize>) -> (char, Style) {
    let worst: Option<Severity> = app.index.evidence[a]
        .iter()
        .filter(|m| overlaps(&m.range, range))
        .map(|m| m.severity)
        .min();
    match worst {
        Some(s) => (severity_sign(s), theme.severity(s)),
        None => (' ', Style::new()),
    }
}

/// Every mark on an article's text for this frame, in the order they are
/// laid on (later ones win where they set the same attribute).
fn marks(
    app: &App<'_>,
    a: usize,
    article: &ArticleAnalysis,
    is_focus: bool,
    sentence: Option<usize>,
) -> Vec<(Range<usize>, Mark)> {
    let mut out: Vec<(Range<usize>, Mark)> = article
        .mentions
        .iter()
        .map(|m| (m.range.clone(), Mark::Mention(m.kind)))
        .collect();
    out.extend(
        app.index.evidence[a]
            .iter()
            .map(|m| (m.range.clone(), Mark::Evidence(m.severity))),
    );
    if let Some(s) = sentence.and_then(|s| article.sentences.get(s)) {
        out.push((
            s.range.clone(),
            if is_focus {
                Mark::Cursor
            } else {
                Mark::Aligned
            },
        ));
        // Words that differ in substance (numbers, names, dates,
        // negations, opposites, quantifiers), as the analysis found them
        // for the sentence's alignment group.
        let sentence_index = sentence.unwrap_or_default();
        let group = app.index.group_of[a].get(sentence_index).copied().flatten();
        let this = crate::align::Member {
            article: a,
            sentence: sentence_index,
        };
        if let Some(g) = group {
            out.extend(
                app.analysis.alignments[g]
                    .differences
                    .iter()
                    .filter(|d| d.member == this)
                    .map(|d| (d.range.clone(), Mark::Changed)),
            );
        }
    }
    for (i, (b, range)) in app.search.matches.iter().enumerate() {
        if *b == a {
            let mark = if app.search.current == Some(i) {
                Mark::CurrentMatch
            } else {
                Mark::Match
            };
            out.push((range.clone(), mark));
        }
    }
    out
}

/// The text cut where marks begin and end, each piece with its style.
fn style_runs(theme: Theme, marks: &[(Range<usize>, Mark)], len: usize) -> Vec<(usize, Style)> {
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .chain([0, len])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs = Vec::with_capacity(cuts.len());
    for &at in &cuts {
        let style = marks
            .iter()
            .filter(|(r, _)| r.start <= at && at < r.end)
            .fold(Style::new(), |s, (_, m)| s.patch(theme.mark(*m)));
        runs.push((at, style));
    }
    runs
}

/// One wrapped line as spans of equal style; records where each glyph went.
#[allow(
    clippy::too_many_arguments,
    reason = "the pieces of one line; grouping them would only rename them"
)]
fn styled_line<'t>(
    text: &'t str,
    layout: &Layout,
    line: usize,
    runs: &[(usize, Style)],
    titles: &[Range<usize>],
    theme: Theme,
    x0: u16,
    hits: &mut Vec<(u16, usize)>,
) -> Line<'t> {
    let glyphs = &layout.glyphs[layout.lines[line].glyphs.clone()];
    let mut spans: Vec<Span<'t>> = Vec::new();
    let mut current = String::new();
    let mut current_style = None;
    let mut x = x0;
    let mut run = 0;
    for g in glyphs {
        let at = g.range.start;
        while run + 1 < runs.len() && runs[run + 1].0 <= at {
            run += 1;
        }
        let mut style = runs[run].1;
        if titles.iter().any(|t| t.contains(&at)) {
            style = theme.bold().patch(style);
        }
        if current_style.is_some_and(|s| s != style) {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                current_style.unwrap_or_default(),
            ));
        }
        current_style = Some(style);
        let mut buf = [0; 4];
        current.push_str(g.symbol(text, &mut buf));
        hits.push((x, at));
        x += u16::from(g.width);
    }
    if let Some(style) = current_style {
        spans.push(Span::styled(current, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_keeps_the_line_in_view_with_a_margin() {
        assert_eq!(follow(0, 5, 20), 0);
        assert_eq!(follow(0, 30, 20), 14);
        assert_eq!(follow(14, 15, 20), 12);
        assert_eq!(follow(5, 0, 20), 0);
    }

    #[test]
    fn paging_keeps_the_focus_in_view() {
        let mut drawn = Drawn::default();
        assert_eq!(page(&mut drawn, 160, 38, 7, 0), 0..4);
        assert_eq!(page(&mut drawn, 160, 38, 7, 5), 2..6);
        assert_eq!(page(&mut drawn, 160, 38, 7, 3), 2..6);
        assert_eq!(page(&mut drawn, 160, 38, 7, 0), 0..4);
        assert_eq!(page(&mut drawn, 40, 38, 7, 6), 6..7);
        assert_eq!(page(&mut drawn, 400, 38, 3, 2), 0..3);
    }
}
