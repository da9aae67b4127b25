//! The text report: compiler-style diagnostics grouped by severity,
//! `path:line:col: severity[kind]: summary`, each evidence line quoted with
//! a caret under the span. With a review session the findings are grouped
//! by verdict first, each carrying its verdict and note.

use std::fmt::Write;

use super::{Group, ReportOptions, date_label, grouped, value_label};
use crate::analysis::Analysis;
use crate::detect::{Evidence, Finding, FindingKind, Severity};
use crate::model::ArticleAnalysis;
use crate::review::{Decision, Review, Status};
use crate::text::lines::floor_char_boundary;

/// Widest stretch of a source line quoted, in characters.
const QUOTE_WIDTH: usize = 110;

#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    let mut out = String::new();
    for a in &analysis.articles {
        header(&mut out, a);
    }
    if let Some(stale) = &analysis.stale_kb {
        let _ = writeln!(out, "note: {}", stale.message());
    }
    if opts.mentions {
        for a in &analysis.articles {
            mentions(&mut out, a);
        }
    }
    if let Some(review) = opts.review {
        for group in Group::ALL {
            verdict_group(&mut out, analysis, review, group, opts);
        }
        gone(&mut out, &review.gone(), opts);
    } else {
        let all: Vec<usize> = (0..analysis.findings.len()).collect();
        by_severity(&mut out, analysis, &all, opts);
    }
    footer(&mut out, analysis, opts.review);
    terminal_safe(&out, opts.color)
}

/// The one encoding layer of the text report, over the whole output: every
/// field is cleaned where it is written (`clean`), and this pass makes sure
/// no field that was not can act on a terminal. Control characters other
/// than line breaks and tabs, and bidi overrides, become U+FFFD; with
/// colour on, escapes that only set colours (`ESC [ digits m`, what
/// `paint` writes) are kept, and every other escape is broken.
fn terminal_safe(out: &str, color: bool) -> String {
    let sgr_len = |rest: &str| {
        let body = rest.strip_prefix("\u{1b}[")?;
        let digits = body
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        (body.as_bytes().get(digits) == Some(&b'm')).then_some(2 + digits + 1)
    };
    let mut safe = String::with_capacity(out.len());
    let mut at = 0;
    while let Some(c) = out[at..].chars().next() {
        if color
            && c == '\u{1b}'
            && let Some(n) = sgr_len(&out[at..])
        {
            safe.push_str(&out[at..at + n]);
            at += n;
            continue;
        }
        let unprintable = (c.is_control() && !matches!(c, '\n' | '\t'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        safe.push(if unprintable { '\u{FFFD}' } else { c });
        at += c.len_utf8();
    }
    safe
}

/// The given findings under a heading per severity.
fn by_severity(out: &mut String, analysis: &Analysis, findings: &[usize], opts: ReportOptions) {
    for severity in [Severity::High, Severity::Medium, Severity::Low] {
        let group: Vec<usize> = findings
            .iter()
            .copied()
            .filter(|&f| analysis.findings[f].severity == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                opts,
                severity,
                &format!("{} ({})", severity.as_str(), group.len())
            )
        );
        for f in group {
            finding(out, analysis, &analysis.findings[f], opts);
            if let Some(review) = opts.review {
                review_lines(out, review.status(f), review.decision(f));
            }
        }
    }
}

/// One verdict section: a `== accepted (n) ==` rule above its findings
/// by severity, so it stands apart from the severity headings.
fn verdict_group(
    out: &mut String,
    analysis: &Analysis,
    review: &Review,
    group: Group,
    opts: ReportOptions,
) {
    let findings = grouped(analysis, review, group);
    if findings.is_empty() {
        return;
    }
    let heading = format!("== {} ({}) ==", group.as_str(), findings.len());
    let _ = writeln!(out, "\n{}", bold(opts, &heading));
    by_severity(out, analysis, &findings, opts);
}

/// The verdict, or why a finding is still undecided, and the note.
fn review_lines(out: &mut String, status: Status, decision: Option<&Decision>) {
    let by = |d: &Decision| format!("by {} at {}", clean(&d.reviewer), clean(&d.at));
    let line = match (status, decision) {
        (Status::Changed(was), Some(d)) => {
            format!("changed since reviewed (was: {} {})", was.as_str(), by(d))
        }
        (_, Some(d)) => match d.verdict {
            Some(v) => format!("verdict: {} {}", v.as_str(), by(d)),
            None => format!("verdict: none (note {})", by(d)),
        },
        (_, None) => "verdict: none (not reviewed)".to_string(),
    };
    let _ = writeln!(out, "  = {line}");
    if let Some(note) = decision.and_then(|d| d.note.as_deref()) {
        note_lines(out, note);
    }
}

/// A reviewer's note, its later lines indented under its first. Labelled
/// apart from the finding's own `= note:` (its explanation).
fn note_lines(out: &mut String, note: &str) {
    const LEAD: &str = "  = reviewer's note: ";
    let indent = " ".repeat(LEAD.len());
    for (i, line) in note.lines().enumerate() {
        let lead = if i == 0 { LEAD } else { &indent };
        let _ = writeln!(out, "{}", format!("{lead}{}", clean(line)).trim_end());
    }
}

/// Decisions whose finding no longer occurs, in the finding's own shape:
/// where it was, what it said, and the verdict it had.
fn gone(out: &mut String, decisions: &[&Decision], opts: ReportOptions) {
    if decisions.is_empty() {
        return;
    }
    let heading = format!("== gone ({}): no longer found ==", decisions.len());
    let _ = writeln!(out, "\n{}", bold(opts, &heading));
    for d in decisions {
        let summary = clean(&d.summary);
        let kind = d.kind.as_str();
        match d.articles.split_first() {
            Some((first, rest)) => {
                let _ = writeln!(out, "{}: gone[{kind}]: {summary}", clean(first));
                for path in rest {
                    let _ = writeln!(out, "  --> {}", clean(path));
                }
            }
            None => {
                let _ = writeln!(out, "gone[{kind}]: {summary}");
            }
        }
        let _ = writeln!(out, "  = id: {}", clean(&d.finding));
        review_lines(out, Status::Undecided, Some(d));
    }
}

fn bold(opts: ReportOptions, text: &str) -> String {
    if opts.color {
        format!("\u{1b}[1m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

fn paint(opts: ReportOptions, severity: Severity, text: &str) -> String {
    if !opts.color {
        return text.to_string();
    }
    let code = match severity {
        Severity::High => "1;31",
        Severity::Medium => "1;33",
        Severity::Low => "1;36",
    };
    format!("\u{1b}[{code}m{text}\u{1b}[0m")
}

fn finding(out: &mut String, analysis: &Analysis, f: &Finding, opts: ReportOptions<'_>) {
    let Some(first) = f.evidence.first() else {
        return;
    };
    let (path, line, col) = location(analysis, first);
    let label = paint(
        opts,
        f.severity,
        &format!("{}[{}]", f.severity.as_str(), f.kind.as_str()),
    );
    let _ = writeln!(out, "{path}:{line}:{col}: {label}: {}", clean(&f.summary));
    quote(out, analysis, first);
    for e in &f.evidence[1..] {
        let (path, line, col) = location(analysis, e);
        let _ = writeln!(out, "  --> {path}:{line}:{col}");
        quote(out, analysis, e);
    }
    let _ = writeln!(out, "  = note: {}", clean(&f.explanation));
    if let Some(s) = &f.suggestion {
        let _ = writeln!(out, "  = help: {}", help(f.kind, &clean(s)));
    }
    let _ = writeln!(out, "  = id: {} (confidence {:.2})", f.id, f.confidence);
}

/// A finding's suggestion as a sentence. Some rules suggest what to
/// write instead (a name, a date, the other sources' words), others what
/// to check; each kind says its own in its own words.
fn help(kind: FindingKind, suggestion: &str) -> String {
    match kind {
        FindingKind::WrongOfficeholder => {
            format!("on that date the office was held by {suggestion}")
        }
        FindingKind::Anachronism => format!("on that date it was {suggestion}"),
        FindingKind::NameVariant => format!("the usual spelling is {suggestion}"),
        FindingKind::NumberConflict => format!("the other sources say \"{suggestion}\""),
        FindingKind::DateConflict => format!("did you mean \"{suggestion}\"?"),
        FindingKind::Contradiction
        | FindingKind::AttributionConflict
        | FindingKind::InternalInconsistency => instruction(suggestion),
    }
}

/// "Check the parts: …" as a help line reads it: lower case first, a
/// full stop last.
fn instruction(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

fn location(analysis: &Analysis, e: &Evidence) -> (String, usize, usize) {
    let a = &analysis.articles[e.article];
    let span = a.article.span(e.range.clone());
    let (line, col) = a.line_col(span.start);
    (clean(&a.article.path), line, col)
}

fn quote(out: &mut String, analysis: &Analysis, e: &Evidence) {
    let a = &analysis.articles[e.article];
    let span = a.article.span(e.range.clone());
    caret(out, a, span.start, span.end);
}

fn header(out: &mut String, a: &ArticleAnalysis) {
    let meta = &a.article.meta;
    let title = meta.title.as_deref().unwrap_or("(no title)");
    let outlet = meta.outlet.as_deref().unwrap_or("unknown outlet");
    let _ = writeln!(
        out,
        "{}: {}: \"{}\" — {}, {} ({} sentences, {} mentions)",
        clean(&a.article.path),
        a.article.id,
        clean(title),
        clean(outlet),
        date_label(a),
        a.sentences.len(),
        a.mentions.len()
    );
    if let Some(w) = &a.inferred {
        for why in &w.basis {
            let _ = writeln!(out, "  = inferred from: {}", clean(why));
        }
    }
}

fn mentions(out: &mut String, a: &ArticleAnalysis) {
    for m in &a.mentions {
        let span = a.span(m);
        let (line, col) = a.line_col(span.start);
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}: {}",
            clean(&a.article.path),
            m.kind.as_str(),
            clean(&value_label(m))
        );
        caret(out, a, span.start, span.end);
    }
}

fn footer(out: &mut String, analysis: &Analysis, review: Option<&Review>) {
    let count = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
    let n = analysis.articles.len();
    let reviewed = review.map_or(String::new(), |r| {
        let total = analysis.findings.len();
        format!(", {} of {total} reviewed", r.reviewed(0..total))
    });
    let _ = writeln!(
        out,
        "\n{n} article{}, {} finding{} ({} high, {} medium, {} low), {} aligned statement group{}{reviewed}",
        plural(n),
        analysis.findings.len(),
        plural(analysis.findings.len()),
        count(Severity::High),
        count(Severity::Medium),
        count(Severity::Low),
        analysis.alignments.len(),
        plural(analysis.alignments.len()),
    );
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The source line holding `start`, cut to a window around the span, with
/// carets under `start..end`.
fn caret(out: &mut String, a: &ArticleAnalysis, start: usize, end: usize) {
    let src = &a.article.source;
    let line = a.lines.line_range(src, start);
    // Only a window of the line is read: a line can be megabytes long.
    let lo = floor_char_boundary(src, start.saturating_sub(4 * QUOTE_WIDTH).max(line.start));
    let hi = ceil_char_boundary(src, (end.max(start) + 4 * QUOTE_WIDTH).min(line.end));
    let chars: Vec<char> = clean(&src[lo..hi]).chars().collect();
    let before = src[lo..start].chars().count();
    let stop = floor_char_boundary(src, end.min(hi)).max(start);
    let width = src[start..stop].chars().count().max(1);
    let from = before.saturating_sub(30).min(chars.len());
    let to = (from + QUOTE_WIDTH).max(before + width).min(chars.len());
    let lead = if from > 0 || lo > line.start {
        "…"
    } else {
        ""
    };
    let tail = if to < chars.len() || hi < line.end {
        "…"
    } else {
        ""
    };
    let shown: String = chars[from..to].iter().collect();
    let pad = before - from + lead.chars().count();
    let _ = writeln!(out, "  | {lead}{shown}{tail}");
    let _ = writeln!(
        out,
        "  | {}{}",
        " ".repeat(pad),
        "^".repeat(width.min(to - before.min(to)).max(1))
    );
}

/// The smallest char boundary at or above `i`.
fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Article text is never written raw to a terminal: control characters and
/// bidirectional overrides become visible placeholders.
#[must_use]
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn only_colour_escapes_pass_and_only_with_colour() {
        let out =
            "\u{1b}[1;31mhigh\u{1b}[0m \u{1b}]0;owned\u{7} \u{1b}[2J \u{9b}2J \u{202E}x\n\tend";
        assert_eq!(
            terminal_safe(out, true),
            "\u{1b}[1;31mhigh\u{1b}[0m \u{FFFD}]0;owned\u{FFFD} \u{FFFD}[2J \u{FFFD}2J \u{FFFD}x\n\tend"
        );
        assert_eq!(
            terminal_safe(out, false),
            "\u{FFFD}[1;31mhigh\u{FFFD}[0m \u{FFFD}]0;owned\u{FFFD} \u{FFFD}[2J \u{FFFD}2J \u{FFFD}x\n\tend"
        );
    }
}
