//! The Markdown report: articles, counts by kind and severity, and each
//! finding with the evidence quoted from every source. With a review
//! session the findings are grouped by verdict, each with its verdict and
//! note, and decisions whose finding is gone are listed last.

use std::fmt::Write;

use super::{Group, ReportOptions, Tally, date_label, grouped, value_label};
use crate::analysis::Analysis;
use crate::detect::{Finding, FindingKind, Severity};
use crate::review::{Decision, Review, Status};

/// Escapes text for a Markdown table cell or inline text.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a reviewer's text (a name, a line of a note) so GitHub shows it
/// as typed: it is user text, so every character Markdown could read as
/// syntax is escaped, not only those that break a table.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
            | '$' => {
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

/// One line of a note, escaped so it cannot start a list, a heading
/// underline or an indented code block.
fn note_line(line: &str) -> String {
    let line = plain(line.trim());
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
    plain(s)
        .chars()
        .filter(|&c| c != '\\')
        .map(|c| if c == '`' { '\'' } else { c })
        .collect()
}

#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    let mut out = String::from("# Parallax report\n\n");
    articles(&mut out, analysis);
    summary(&mut out, analysis, opts.review);
    if let Some(review) = opts.review {
        session(&mut out, analysis, review);
    }
    match opts.review {
        Some(review) if !analysis.findings.is_empty() => {
            for group in Group::ALL {
                verdict_group(&mut out, analysis, review, group);
            }
        }
        _ => {
            out.push_str("\n## Findings\n");
            if analysis.findings.is_empty() {
                out.push_str("\nNo findings.\n");
            }
            for f in &analysis.findings {
                finding(&mut out, analysis, f, None);
            }
        }
    }
    if let Some(review) = opts.review {
        gone(&mut out, &review.gone());
    }
    if !analysis.errors.is_empty() {
        out.push_str("\n## Inputs not read\n\n");
        for e in &analysis.errors {
            let _ = writeln!(
                out,
                "- `{}`: {}",
                e.path.replace('`', "'"),
                cell(&e.message)
            );
        }
    }
    if opts.mentions {
        mentions(&mut out, analysis);
    }
    out
}

fn articles(out: &mut String, analysis: &Analysis) {
    out.push_str("## Articles\n\n| id | outlet | date | title | path |\n|---|---|---|---|---|\n");
    for a in &analysis.articles {
        let m = &a.article.meta;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | `{}` |",
            a.article.id,
            cell(m.outlet.as_deref().unwrap_or("")),
            cell(&date_label(a)),
            cell(m.title.as_deref().unwrap_or("")),
            a.article.path.replace('`', "'")
        );
    }
}

/// Counts by kind and severity; with a review, by verdict too.
fn summary(out: &mut String, analysis: &Analysis, review: Option<&Review>) {
    out.push_str("\n## Summary\n\n| kind | high | medium | low | total |");
    out.push_str(if review.is_some() {
        " accepted | rejected | skipped | undecided |\n|---|---|---|---|---|---|---|---|---|\n"
    } else {
        "\n|---|---|---|---|---|\n"
    });
    for kind in FindingKind::ALL {
        let of_kind: Vec<usize> = (0..analysis.findings.len())
            .filter(|&f| analysis.findings[f].kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let n = |s: Severity| {
            of_kind
                .iter()
                .filter(|&&f| analysis.findings[f].severity == s)
                .count()
        };
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} |",
            kind.as_str(),
            n(Severity::High),
            n(Severity::Medium),
            n(Severity::Low),
            of_kind.len()
        );
        if let Some(review) = review {
            let t = Tally::of(review, of_kind);
            let _ = write!(
                out,
                " {} | {} | {} | {} |",
                t.accept, t.reject, t.skip, t.undecided
            );
        }
        out.push('\n');
    }
    let _ = write!(out, "| **all** | | | | **{}** |", analysis.findings.len());
    if let Some(review) = review {
        let t = Tally::of(review, 0..analysis.findings.len());
        let _ = write!(
            out,
            " **{}** | **{}** | **{}** | **{}** |",
            t.accept, t.reject, t.skip, t.undecided
        );
    }
    out.push('\n');
}

/// Who reviewed, when, and how far they got.
fn session(out: &mut String, analysis: &Analysis, review: &Review) {
    let total = analysis.findings.len();
    let file = &review.file;
    let _ = writeln!(
        out,
        "\n**Reviewed:** {} of {total} findings accepted or rejected · session by {}, \
         created {}, updated {}",
        review.reviewed(0..total),
        plain(&file.reviewer),
        plain(&file.created),
        plain(&file.updated)
    );
}

/// One verdict section, its findings most severe first.
fn verdict_group(out: &mut String, analysis: &Analysis, review: &Review, group: Group) {
    let findings = grouped(analysis, review, group);
    if findings.is_empty() {
        return;
    }
    let title = match group {
        Group::Accepted => "Accepted",
        Group::Undecided => "Undecided",
        Group::Rejected => "Rejected",
    };
    let _ = writeln!(out, "\n## {title} ({})", findings.len());
    for f in findings {
        let status = (review.status(f), review.decision(f));
        finding(out, analysis, &analysis.findings[f], Some(status));
    }
}

/// The verdict line, or why there is none, and the note as a blockquote.
fn verdict(out: &mut String, status: Status, decision: Option<&Decision>) {
    let by = |d: &Decision| format!("by {} · {}", plain(&d.reviewer), plain(&d.at));
    let line = match (status, decision) {
        (Status::Changed(was), Some(d)) => format!(
            "{} {} · **changed since reviewed:** the evidence now reads differently",
            was.as_str(),
            by(d)
        ),
        (_, Some(d)) => match d.verdict {
            Some(v) => format!("{} {}", v.as_str(), by(d)),
            None => format!("none · note {}", by(d)),
        },
        (_, None) => "none yet".to_string(),
    };
    let _ = writeln!(out, "**Verdict:** {line}\n");
    if let Some(note) = decision.and_then(|d| d.note.as_deref()) {
        blockquote(out, note);
    }
}

/// A note as a blockquote: its lines kept apart by hard breaks, its blank
/// lines as paragraph breaks, nothing in it read as Markdown.
fn blockquote(out: &mut String, note: &str) {
    let lines: Vec<String> = note.trim().lines().map(note_line).collect();
    for (i, line) in lines.iter().enumerate() {
        let lead = if i == 0 { "**Note:** " } else { "" };
        let more = lines.get(i + 1).is_some_and(|next| !next.is_empty());
        let brk = if more && !line.is_empty() { "\\" } else { "" };
        let _ = writeln!(out, "{}", format!("> {lead}{line}{brk}").trim_end());
    }
    out.push('\n');
}

/// Decisions whose finding no longer occurs.
fn gone(out: &mut String, decisions: &[&Decision]) {
    if decisions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## No longer found ({})\n\nThese decisions match no finding of this analysis: \
         the articles changed or the finding was fixed.",
        decisions.len()
    );
    for d in decisions {
        let _ = writeln!(out, "\n### `{}` — {}\n", d.kind.as_str(), plain(&d.summary));
        verdict(out, Status::Undecided, Some(d));
        let paths: Vec<String> = d
            .articles
            .iter()
            .map(|p| format!("`{}`", code(p)))
            .collect();
        let within = if paths.is_empty() {
            String::new()
        } else {
            format!(" · in {}", paths.join(", "))
        };
        let _ = writeln!(out, "<sub>id `{}`{within}</sub>", code(&d.finding));
    }
}

fn finding(
    out: &mut String,
    analysis: &Analysis,
    f: &Finding,
    review: Option<(Status, Option<&Decision>)>,
) {
    let _ = writeln!(
        out,
        "\n### {} · `{}` — {}\n",
        f.severity.as_str(),
        f.kind.as_str(),
        cell(&f.summary)
    );
    if let Some((status, decision)) = review {
        verdict(out, status, decision);
    }
    let _ = writeln!(out, "{}\n", cell(&f.explanation));
    if let Some(s) = &f.suggestion {
        let _ = writeln!(out, "**Suggestion:** {}\n", cell(s));
    }
    for e in &f.evidence {
        let a = &analysis.articles[e.article];
        let span = a.article.span(e.range.clone());
        let (line, _) = a.line_col(span.start);
        let sentence = a
            .sentences
            .iter()
            .find(|s| s.range.start <= e.range.start && e.range.end <= s.range.end)
            .map_or(e.range.clone(), |s| s.range.clone());
        let text = &a.article.text;
        let quoted = format!(
            "{}**{}**{}",
            cell(&text[sentence.start..e.range.start]),
            cell(&text[e.range.clone()]),
            cell(&text[e.range.end..sentence.end.max(e.range.end)])
        );
        let outlet = a.article.meta.outlet.as_deref().unwrap_or(&a.article.id);
        let _ = writeln!(
            out,
            "> {quoted}\n>\n> — {} (`{}:{line}`)\n",
            cell(outlet),
            a.article.path.replace('`', "'")
        );
    }
    let _ = writeln!(
        out,
        "<sub>id `{}` · confidence {:.2}</sub>",
        f.id, f.confidence
    );
}

fn mentions(out: &mut String, analysis: &Analysis) {
    out.push_str("\n## Mentions\n");
    for a in &analysis.articles {
        let _ = writeln!(
            out,
            "\n### {} — `{}`\n\n| line | kind | text | value |\n|---|---|---|---|",
            a.article.id,
            a.article.path.replace('`', "'")
        );
        for m in &a.mentions {
            let span = a.span(m);
            let (line, _) = a.line_col(span.start);
            let _ = writeln!(
                out,
                "| {line} | {} | {} | {} |",
                m.kind.as_str(),
                cell(a.article.quote(span)),
                cell(&value_label(m))
            );
        }
    }
}
