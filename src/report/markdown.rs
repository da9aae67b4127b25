//! The Markdown report: articles, counts by kind and severity, and each
//! finding with the evidence quoted from every source.

use std::fmt::Write;

use super::{ReportOptions, date_label, value_label};
use crate::analysis::Analysis;
use crate::detect::{Finding, FindingKind, Severity};

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

#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    let mut out = String::from("# Parallax report\n\n");
    articles(&mut out, analysis);
    summary(&mut out, analysis);
    out.push_str("\n## Findings\n");
    if analysis.findings.is_empty() {
        out.push_str("\nNo findings.\n");
    }
    for f in &analysis.findings {
        finding(&mut out, analysis, f);
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

fn summary(out: &mut String, analysis: &Analysis) {
    out.push_str("\n## Summary\n\n| kind | high | medium | low | total |\n|---|---|---|---|---|\n");
    for kind in FindingKind::ALL {
        let of_kind: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let n = |s: Severity| of_kind.iter().filter(|f| f.severity == s).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            kind.as_str(),
            n(Severity::High),
            n(Severity::Medium),
            n(Severity::Low),
            of_kind.len()
        );
    }
    let _ = writeln!(out, "| **all** | | | | **{}** |", analysis.findings.len());
}

fn finding(out: &mut String, analysis: &Analysis, f: &Finding) {
    let _ = writeln!(
        out,
        "\n### {} · `{}` — {}\n",
        f.severity.as_str(),
        f.kind.as_str(),
        cell(&f.summary)
    );
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
