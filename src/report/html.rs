//! The HTML report: one self-contained page to share — the articles, a
//! summary by kind, severity and verdict, and each finding with what every
//! source says side by side, the evidence marked and the words that
//! differ in substance underlined. Inline CSS only: no script, and
//! nothing is fetched.
//!
//! The layout is the template `assets/templates/report.html`, which
//! minijinja escapes as it fills it: article text and notes never become
//! markup, and only `http(s)` URLs become links ([`view::safe_link`]).

use super::{Provenance, ReportOptions, templates, view};
use crate::analysis::Analysis;

/// The HTML report, saying what produced it.
///
/// # Panics
/// If the embedded template is broken, which the tests rule out.
#[must_use]
pub fn render(analysis: &Analysis, opts: ReportOptions<'_>, provenance: &Provenance) -> String {
    let view = view::build(analysis, opts, Some(provenance));
    templates::render(templates::HTML, &view)
}
