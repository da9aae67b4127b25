//! The CSV report: one row per finding and evidence span, for
//! spreadsheets. The columns are fixed ([`COLUMNS`], documented in the
//! README) and every cell a spreadsheet could read as a formula is
//! neutralised: articles and notes are written by others, and a cell
//! starting `=HYPERLINK(` must stay text.

use std::borrow::Cow;

use super::ReportOptions;
use crate::analysis::Analysis;
use crate::detect::Evidence;
use crate::review::{Review, Status};

/// The header row, in order. Part of the format: add columns at the end,
/// never rename or reorder them.
pub const COLUMNS: [&str; 13] = [
    "finding_id",
    "kind",
    "severity",
    "confidence",
    "summary",
    "article",
    "path",
    "line",
    "column",
    "quote",
    "suggestion",
    "verdict",
    "note",
];

/// What a spreadsheet may take as the start of a formula: OWASP's list
/// (`=`, `+`, `-`, `@`, tab, carriage return) and the fullwidth forms of
/// the first four, which some spreadsheets read the same way.
const FORMULA_START: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// A cell as written, whichever column it is in:
/// - control characters (escape sequences a terminal would obey when the
///   file is printed) and bidirectional overrides become U+FFFD; line
///   breaks and tabs stay, as CSV quotes them;
/// - a cell that could start a formula, after any leading spaces (some
///   spreadsheets skip them), gets a single quote in front, so the
///   spreadsheet shows it as text (OWASP's advice for CSV injection).
#[must_use]
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let hostile = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    let clean: Cow<'_, str> = if cell.chars().any(hostile) {
        Cow::Owned(
            cell.chars()
                .map(|c| if hostile(c) { '\u{FFFD}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(cell)
    };
    let first = clean.trim_start_matches([' ', '\u{A0}']);
    // "\r" is a formula start of its own, already replaced above.
    if first.starts_with(FORMULA_START) || cell.starts_with('\r') {
        Cow::Owned(format!("'{clean}"))
    } else {
        clean
    }
}

/// The CSV report: a header, then the findings in analysis order, each
/// with a row per evidence span (a finding without evidence gets one row
/// with the evidence columns empty). Verdict and note are empty without a
/// session.
///
/// # Panics
/// Never: the CSV is written to memory, which cannot fail.
#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut write = |row: &[&str]| {
        // Writing to memory fails only on a bug in the writer.
        out.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))
            .expect("writing CSV to memory");
    };
    write(&COLUMNS);
    for (index, f) in analysis.findings.iter().enumerate() {
        let (verdict, note) = opts
            .review
            .map_or((String::new(), ""), |r| review(r, index));
        let confidence = format!("{:.2}", f.confidence);
        let head = [
            f.id.as_str(),
            f.kind.as_str(),
            f.severity.as_str(),
            &confidence,
            &f.summary,
        ];
        let tail = [f.suggestion.as_deref().unwrap_or(""), &verdict, note];
        let spans: Vec<[String; 5]> = if f.evidence.is_empty() {
            vec![Default::default()]
        } else {
            f.evidence.iter().map(|e| span(analysis, e)).collect()
        };
        for cells in &spans {
            let row: Vec<&str> = head
                .iter()
                .copied()
                .chain(cells.iter().map(String::as_str))
                .chain(tail)
                .collect();
            write(&row);
        }
    }
    let bytes = out.into_inner().expect("flushing CSV to memory");
    // Cells are UTF-8 and the writer adds only ASCII quotes and commas.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Article id, path, line, column and the exact quoted bytes of one span.
fn span(analysis: &Analysis, e: &Evidence) -> [String; 5] {
    let a = &analysis.articles[e.article];
    let span = a.article.span(e.range.clone());
    let (line, column) = a.line_col(span.start);
    [
        a.article.id.clone(),
        a.article.path.clone(),
        line.to_string(),
        column.to_string(),
        a.article.quote(span).to_string(),
    ]
}

/// The verdict cell and the note: `accept`, `reject`, `skip`, empty when
/// undecided, and `changed (was accept)` when the evidence changed since.
fn review(review: &Review, index: usize) -> (String, &str) {
    let verdict = match review.status(index) {
        Status::Decided(v) => v.as_str().to_string(),
        Status::Changed(v) => format!("changed (was {})", v.as_str()),
        Status::Undecided => String::new(),
    };
    let note = review
        .decision(index)
        .and_then(|d| d.note.as_deref())
        .unwrap_or("");
    (verdict, note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_could_start_a_formula_get_a_quote() {
        for cell in [
            "=1+1",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "=HYPERLINK(\"http://x\")",
            "＝1",
            " =1",
            "  +SUM(A1)",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        assert_eq!(neutralise("\rx"), "'\u{FFFD}x");
        for cell in ["", "95 prisoners", "a=b", "'=1", "nc-1f2e", "two\nlines"] {
            assert_eq!(neutralise(cell), cell);
        }
    }

    #[test]
    fn escapes_and_bidi_overrides_never_reach_a_terminal() {
        assert_eq!(
            neutralise("Reuters\u{1b}]0;owned\u{7}"),
            "Reuters\u{FFFD}]0;owned\u{FFFD}"
        );
        assert_eq!(neutralise("a\u{202E}b\u{85}c"), "a\u{FFFD}b\u{FFFD}c");
        // Replacing an escape does not hide a formula behind it.
        assert_eq!(neutralise(" =1\u{1b}"), "' =1\u{FFFD}");
    }
}
