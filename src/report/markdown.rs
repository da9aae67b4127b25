//! The Markdown report: the articles, and what each mentions.

use std::fmt::Write;

use super::{ReportOptions, date_label, value_label};
use crate::analysis::Analysis;
use crate::extract::MentionKind;

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions) -> String {
    let mut out = String::from(
        "# Parallax report\n\n## Articles\n\n| id | outlet | date | title | path |\n|---|---|---|---|---|\n",
    );
    for a in &analysis.articles {
        let m = &a.article.meta;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | `{}` |",
            a.article.id,
            cell(m.outlet.as_deref().unwrap_or("")),
            cell(&date_label(a)),
            cell(m.title.as_deref().unwrap_or("")),
            cell(&a.article.path)
        );
    }
    out.push_str("\n## Findings\n\nNo findings.\n");
    if !analysis.errors.is_empty() {
        out.push_str("\n## Inputs not read\n\n");
        for e in &analysis.errors {
            let _ = writeln!(out, "- `{}`: {}", e.path, cell(&e.message));
        }
    }
    if opts.mentions {
        out.push_str("\n## Mentions\n");
        for a in &analysis.articles {
            let _ = writeln!(
                out,
                "\n### {} — {}\n\n| line | kind | text | value |\n|---|---|---|---|",
                a.article.id,
                cell(&a.article.path)
            );
            for m in a
                .mentions
                .iter()
                .filter(|m| m.kind != MentionKind::Attribution || opts.mentions)
            {
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
    out
}
