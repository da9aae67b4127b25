//! Reports over one [`Analysis`]: siblings that only read it. Text and
//! JSON are written in code; HTML and Markdown are templates over one view
//! model ([`view`]); CSV is a table of the same findings.

pub mod csv;
pub mod editorial;
pub mod html;
pub mod json;
pub mod markdown;
mod templates;
pub mod text;
pub mod view;

use jiff::civil::Date;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::kb::Kb;
use crate::model::ArticleAnalysis;
use crate::review::{Review, Status, Verdict};

/// Output formats of `parallax report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Md,
    Html,
    Csv,
}

impl ReportFormat {
    /// Every format, in the order menus and `--help` list them.
    pub const ALL: [ReportFormat; 5] = [Self::Text, Self::Json, Self::Md, Self::Html, Self::Csv];

    /// The name users type (`-f md`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Json => "json",
            Self::Md => "md",
            Self::Html => "html",
            Self::Csv => "csv",
        }
    }

    /// The usual extension of a file in this format, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Json => "json",
            Self::Md => "md",
            Self::Html => "html",
            Self::Csv => "csv",
        }
    }

    /// The format a file name's extension stands for (`out.json` → JSON),
    /// whatever its case; `None` for one that names no format.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<ReportFormat> {
        let ext = ext.to_ascii_lowercase();
        let format = match ext.as_str() {
            "text" => Self::Text,
            "markdown" => Self::Md,
            "htm" => Self::Html,
            _ => return Self::ALL.into_iter().find(|f| f.extension() == ext),
        };
        Some(format)
    }

    /// A line on what the format is, where its name does not say it.
    #[must_use]
    pub fn about(self) -> Option<&'static str> {
        match self {
            Self::Html => Some("One self-contained page: inline CSS, no script, nothing fetched"),
            Self::Csv => {
                Some("One row per finding and evidence span, safe to open in a spreadsheet")
            }
            Self::Text | Self::Json | Self::Md => None,
        }
    }
}

impl std::str::FromStr for ReportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown report format: {s}"))
    }
}

impl std::fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a report shows besides findings.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportOptions<'a> {
    /// List every mention (text and Markdown).
    pub mentions: bool,
    /// Colour the text report.
    pub color: bool,
    /// The review session whose verdicts and notes the report carries.
    pub review: Option<&'a Review>,
}

/// What produced a report, for the reports that say so (HTML): the
/// Parallax version, the day it was made and the knowledge base's snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub version: &'static str,
    pub date: Date,
    /// The day the knowledge base is known to be complete up to
    /// (`meta.as_of`).
    pub kb_as_of: Option<Date>,
}

impl Provenance {
    /// This build of Parallax, on a given day, with a KB snapshot.
    #[must_use]
    pub fn new(date: Date, kb_as_of: Option<Date>) -> Provenance {
        Provenance {
            version: env!("CARGO_PKG_VERSION"),
            date,
            kb_as_of,
        }
    }

    /// Today (in the local time zone), with the `as_of` of the knowledge
    /// base the analysis used.
    #[must_use]
    pub fn today(kb_as_of: Option<Date>) -> Provenance {
        Provenance::new(jiff::Zoned::now().date(), kb_as_of)
    }
}

/// Renders a report in the given format, made today against the built-in
/// knowledge base.
#[must_use]
pub fn render(analysis: &Analysis, format: ReportFormat, opts: ReportOptions<'_>) -> String {
    render_with(analysis, format, opts, || {
        Provenance::today(Kb::builtin().as_of)
    })
}

/// Renders a report in the given format, saying what produced it where the
/// format does. `made` is asked only then: today's date in the local time
/// zone loads the system's time zone database, a good part of a small run.
#[must_use]
pub fn render_with(
    analysis: &Analysis,
    format: ReportFormat,
    opts: ReportOptions<'_>,
    made: impl FnOnce() -> Provenance,
) -> String {
    match format {
        ReportFormat::Text => text::render(analysis, opts),
        ReportFormat::Json => json::render_with(analysis, opts),
        ReportFormat::Md => markdown::render(analysis, opts),
        ReportFormat::Html => html::render(analysis, opts, &made()),
        ReportFormat::Csv => csv::render(analysis, opts),
    }
}

/// Writes a report as [`render_with`] makes it. JSON, the largest, is
/// written as it is made rather than held whole first.
pub fn write_with(
    analysis: &Analysis,
    format: ReportFormat,
    opts: ReportOptions<'_>,
    made: impl FnOnce() -> Provenance,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        ReportFormat::Json => json::write_with(analysis, opts, out),
        _ => out.write_all(render_with(analysis, format, opts, made).as_bytes()),
    }
}

/// The section of a reviewed report a finding is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Accepted,
    Undecided,
    Rejected,
}

impl Group {
    /// In the order reports list them: settled work first, false alarms last.
    pub const ALL: [Group; 3] = [Group::Accepted, Group::Undecided, Group::Rejected];

    /// A skip still needs a decision, and so does a verdict given to
    /// evidence that has changed since.
    #[must_use]
    pub fn of(status: Status) -> Group {
        match status {
            Status::Decided(Verdict::Accept) => Group::Accepted,
            Status::Decided(Verdict::Reject) => Group::Rejected,
            Status::Decided(Verdict::Skip) | Status::Changed(_) | Status::Undecided => {
                Group::Undecided
            }
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Accepted => "accepted",
            Group::Undecided => "undecided",
            Group::Rejected => "rejected",
        }
    }
}

/// The findings of one group, most severe first and otherwise in analysis
/// order.
#[must_use]
pub fn grouped(analysis: &Analysis, review: &Review, group: Group) -> Vec<usize> {
    let mut found: Vec<usize> = (0..analysis.findings.len())
        .filter(|&f| Group::of(review.status(f)) == group)
        .collect();
    found.sort_by_key(|&f| analysis.findings[f].severity);
    found
}

/// Findings counted by verdict. A verdict on changed evidence counts as
/// undecided, so the four add up to the findings counted and `accept +
/// reject` is what [`Review::reviewed`] counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub accept: usize,
    pub reject: usize,
    pub skip: usize,
    pub undecided: usize,
}

impl Tally {
    #[must_use]
    pub fn of(review: &Review, findings: impl IntoIterator<Item = usize>) -> Tally {
        let mut tally = Tally::default();
        for f in findings {
            let count = match review.status(f) {
                Status::Decided(Verdict::Accept) => &mut tally.accept,
                Status::Decided(Verdict::Reject) => &mut tally.reject,
                Status::Decided(Verdict::Skip) => &mut tally.skip,
                Status::Changed(_) | Status::Undecided => &mut tally.undecided,
            };
            *count += 1;
        }
        tally
    }
}

/// How an article's date reads in a report: stated, or an inferred window.
#[must_use]
pub fn date_label(a: &ArticleAnalysis) -> String {
    if let Some(d) = a.article.meta.published {
        return d.to_string();
    }
    if let Some(d) = a.published {
        return format!("{d} (--date)");
    }
    match &a.inferred {
        // An open window says which side is open in words, not "… ?".
        Some(w) => match (w.from, w.to) {
            (Some(from), Some(to)) if from == to => format!("undated, inferred {from}"),
            (Some(from), Some(to)) => format!("undated, inferred between {from} and {to}"),
            (Some(from), None) => format!("undated, inferred {from} or later"),
            (None, Some(to)) => format!("undated, inferred {to} or earlier"),
            (None, None) => "undated".to_string(),
        },
        None => "undated".to_string(),
    }
}

/// A one-line rendering of a mention's value.
#[must_use]
pub fn value_label(m: &crate::extract::Mention) -> String {
    use crate::extract::Value;
    match &m.value {
        Value::Person(p) => {
            let mut s = p.name.clone();
            if let Some(role) = &p.role {
                s = format!("{s} — {role}");
            }
            if p.former {
                s.push_str(" (former)");
            }
            if let Some(kb) = &p.kb {
                s = format!("{s} [kb:{kb}]");
            }
            s
        }
        Value::Office(o) => match &o.kb {
            Some(kb) => format!("{} ({}) [kb:{kb}]", o.name, o.form),
            None => format!("{} ({})", o.name, o.form),
        },
        Value::Named(n) => match &n.kb {
            Some(kb) => format!("{} [kb:{kb}]", n.name),
            None => n.name.clone(),
        },
        Value::Quantity(q) => {
            let num = |v: Option<f64>| v.map_or("∞".to_string(), |v| format!("{v}"));
            let interval = match (q.low, q.high) {
                (Some(l), Some(h)) if (l - h).abs() < f64::EPSILON => {
                    format!("{}{}", num(Some(l)), if q.approximate { "±" } else { "" })
                }
                (Some(l), None) => format!("≥{}", num(Some(l))),
                (None, Some(h)) => format!("≤{}", num(Some(h))),
                (l, h) => format!("[{}, {}]", num(l), num(h)),
            };
            match &q.counted {
                Some(c) => format!("{interval} {c}"),
                None => interval,
            }
        }
        Value::Date(d) => {
            let when = match (d.from, d.to) {
                (Some(f), Some(t)) if f == t => f.to_string(),
                (Some(f), Some(t)) => format!("{f} … {t}"),
                _ => "unresolved".to_string(),
            };
            let time = d.time.as_ref().map(|t| format!(" {t}")).unwrap_or_default();
            format!("{when}{time}")
        }
        Value::Attribution(a) => {
            let who = a
                .source
                .clone()
                .or_else(|| a.speaker.clone())
                .unwrap_or_default();
            format!("{} {who}", a.verb)
        }
    }
}
