//! The text report: compiler-style lines, `path:line:col: kind: …`, with
//! the quoted source line and a caret under the span.

use std::fmt::Write;

use super::{ReportOptions, date_label, value_label};
use crate::analysis::{Analysis, ArticleAnalysis};

#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions) -> String {
    let mut out = String::new();
    for a in &analysis.articles {
        header(&mut out, a);
        if opts.mentions {
            for m in &a.mentions {
                let span = a.span(m);
                let (line, col) = a.line_col(span.start);
                let _ = writeln!(
                    out,
                    "{}:{line}:{col}: {}: {}",
                    a.article.path,
                    m.kind.as_str(),
                    value_label(m)
                );
                quote(&mut out, a, span.start, span.end);
            }
        }
    }
    let mentions: usize = analysis.articles.iter().map(|a| a.mentions.len()).sum();
    let _ = writeln!(
        out,
        "{} article{} read, {} mention{}, no findings",
        analysis.articles.len(),
        plural(analysis.articles.len()),
        mentions,
        plural(mentions)
    );
    if !opts.mentions && mentions > 0 {
        out.push_str("(list the mentions with --mentions)\n");
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn header(out: &mut String, a: &ArticleAnalysis) {
    let meta = &a.article.meta;
    let title = meta.title.as_deref().unwrap_or("(no title)");
    let outlet = meta.outlet.as_deref().unwrap_or("unknown outlet");
    let _ = writeln!(
        out,
        "{}: {}: \"{}\" — {}, {} ({} sentences, {} mentions)",
        a.article.path,
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

/// The source line holding `start`, with carets under `start..end`.
fn quote(out: &mut String, a: &ArticleAnalysis, start: usize, end: usize) {
    let src = &a.article.source;
    let line = a.lines.line_range(src, start);
    let text = &src[line.clone()];
    let before = clean(&src[line.start..start]).chars().count();
    let width = clean(&src[start..end.min(line.end)]).chars().count().max(1);
    let _ = writeln!(out, "  | {}", clean(text));
    let _ = writeln!(out, "  | {}{}", " ".repeat(before), "^".repeat(width));
}

/// Article text is never written raw to a terminal: control characters
/// become visible placeholders.
#[must_use]
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}
