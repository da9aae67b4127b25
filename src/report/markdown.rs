//! The Markdown report, for GitHub: articles, counts by kind and severity,
//! and each finding with the evidence quoted from every source. With a
//! review session the findings are grouped by verdict, each with its
//! verdict and note, and decisions whose finding is gone are listed last.
//!
//! The layout is the template `assets/templates/report.md`; whatever it
//! prints is escaped by [`inline`] (see `templates`), and this module gives
//! it the filters for the places that need another escape: code spans and
//! a note's lines.

use minijinja::{Environment, Value};

use super::{ReportOptions, templates, view};
use crate::analysis::Analysis;

/// Escapes text for Markdown: a backslash before each character `special`
/// says, line breaks and tabs as spaces, anything that would act on a
/// terminal as a placeholder.
fn escape(s: &str, special: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if special(c) => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown, in a table cell or running text: every
/// character GitHub could read as syntax gets a backslash (`CommonMark`
/// allows one before any ASCII punctuation), so no link, image, HTML tag,
/// entity, `$…$` math or emphasis can come from an article, a file name or
/// a reviewer. What every `.md` template prints goes through it.
pub(super) fn inline(s: &str) -> String {
    escape(s, |c| {
        matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '$'
                | '!'
        )
    })
}

/// One line of a note, escaped so it cannot start a list, a heading
/// underline or an indented code block.
fn note_line(line: &str) -> String {
    let line = inline(line.trim());
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some(c @ ('.' | ')')) if digits > 0 => {
            format!("{}\\{c}{}", &line[..digits], &line[digits + 1..])
        }
        _ => line,
    }
}

/// Text for a code span, where escapes do not work: a backtick would end
/// it early and a line break would split it.
fn code(s: &str) -> String {
    inline(s)
        .chars()
        .filter(|&c| c != '\\')
        .map(|c| if c == '`' { '\'' } else { c })
        .collect()
}

/// Path text for a code span: a backtick would end it, and a control
/// character in a file name must not reach a terminal showing the report.
fn tick(s: &str) -> String {
    super::text::clean(s).replace('`', "'")
}

/// A note's lines, each escaped: the template lays them out as a
/// blockquote, its lines kept apart by hard breaks and its blank lines as
/// paragraph breaks.
fn note_lines(note: &str) -> Vec<String> {
    note.trim().lines().map(note_line).collect()
}

/// The Markdown filters, for `report.md`: each gives text already escaped
/// for where it goes, marked safe so the template's own escape leaves it.
pub(super) fn filters(env: &mut Environment<'static>) {
    let safe = |f: fn(&str) -> String| move |s: &str| Value::from_safe_string(f(s));
    env.add_filter("code", safe(code));
    env.add_filter("tick", safe(tick));
    env.add_filter("tick_cell", safe(|s| tick(s).replace('|', "\\|")));
    env.add_filter("note_lines", |s: &str| {
        note_lines(s)
            .into_iter()
            .map(Value::from_safe_string)
            .collect::<Vec<_>>()
    });
}

/// The Markdown report.
///
/// # Panics
/// If the embedded template is broken, which the tests rule out.
#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    templates::render(templates::MARKDOWN, &view::build(analysis, opts, None))
}
