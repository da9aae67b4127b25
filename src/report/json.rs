//! The JSON report: the contract in DESIGN.md. View structs borrow from
//! the analysis so the wire format stays stable while internals change.
//! Review fields appear only when a session is given, so a report without
//! one reads exactly as before sessions existed.

use std::io::Write;

use serde::Serialize;

use super::{ReportOptions, Tally};
use crate::align::{Alignment, Difference, DifferenceKind};
use crate::analysis::Analysis;
use crate::detect::{Evidence, Finding, FindingKind, Reference, Severity};
use crate::extract::Value;
use crate::ingest::IngestError;
use crate::model::{ArticleAnalysis, Inferred};
use crate::review::{Decision, Review, Status, Verdict};

/// The version of the report's layout, its first key: raised when a field
/// changes meaning or goes away, so that a consumer can refuse a report it
/// does not understand (fields added keep it).
pub const SCHEMA_VERSION: u32 = 1;

/// The report after its three arrays (`articles`, `findings`,
/// `alignments`, printed piece by piece in `write_with`), as the wire
/// format lays it out.
#[derive(Serialize)]
struct Tail<'a> {
    errors: Vec<ErrorView<'a>>,
    warnings: &'a [String],
    /// Only when an article is dated after the knowledge base's `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    stale_kb: Option<StaleView>,
    /// Only with a session: without one the report has no such key.
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<ReviewView<'a>>,
}

/// The knowledge base is older than an article: its day, the latest
/// article's, how many are later, what to run, and the sentence.
#[derive(Serialize)]
struct StaleView {
    #[serde(flatten)]
    stale: crate::analysis::StaleKb,
    refresh: &'static str,
    message: String,
}

/// The session as a whole.
#[derive(Serialize)]
struct ReviewView<'a> {
    reviewer: &'a str,
    created: &'a str,
    updated: &'a str,
    /// Accepted or rejected findings.
    reviewed: usize,
    total: usize,
    by_verdict: Tally,
    /// Decisions whose finding no longer occurs.
    gone: Vec<GoneView<'a>>,
}

#[derive(Serialize)]
struct GoneView<'a> {
    finding: &'a str,
    kind: FindingKind,
    summary: &'a str,
    verdict: Option<Verdict>,
    note: Option<&'a str>,
    reviewer: &'a str,
    at: &'a str,
}

#[derive(Serialize)]
struct ErrorView<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    id: &'a str,
    path: &'a str,
    format: crate::model::Format,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    published_inferred: Option<InferredView<'a>>,
    sentences: Vec<SentenceView<'a>>,
    mentions: Vec<MentionView<'a>>,
}

#[derive(Serialize)]
struct InferredView<'a> {
    from: Option<String>,
    to: Option<String>,
    basis: &'a [String],
}

#[derive(Serialize)]
struct SentenceView<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    role: crate::model::Role,
    text: &'a str,
}

#[derive(Serialize)]
struct MentionView<'a> {
    kind: crate::extract::MentionKind,
    text: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    sentence: usize,
    value: &'a Value,
}

fn inferred(w: &Inferred) -> InferredView<'_> {
    InferredView {
        from: w.from.map(|d| d.to_string()),
        to: w.to.map(|d| d.to_string()),
        basis: &w.basis,
    }
}

fn article(a: &ArticleAnalysis) -> ArticleView<'_> {
    let meta = &a.article.meta;
    let sentences = a
        .sentences
        .iter()
        .map(|s| {
            let (line, column) = a.line_col(s.span.start);
            SentenceView {
                start: a.file_offset(s.span.start),
                end: a.file_offset(s.span.end),
                line,
                column,
                role: s.role,
                text: a.article.quote(s.span),
            }
        })
        .collect();
    let mentions = a
        .mentions
        .iter()
        .map(|m| {
            let span = a.span(m);
            let (line, column) = a.line_col(span.start);
            MentionView {
                kind: m.kind,
                text: a.article.quote(span),
                start: a.file_offset(span.start),
                end: a.file_offset(span.end),
                line,
                column,
                sentence: m.sentence,
                value: &m.value,
            }
        })
        .collect();
    ArticleView {
        id: &a.article.id,
        path: &a.article.path,
        format: a.article.format,
        outlet: meta.outlet.as_deref(),
        title: meta.title.as_deref(),
        author: meta.author.as_deref(),
        url: meta.url.as_deref(),
        published: a
            .article
            .meta
            .published
            .or(a.published)
            .map(|d| d.to_string()),
        published_inferred: a.inferred.as_ref().map(inferred),
        sentences,
        mentions,
    }
}

#[derive(Serialize)]
struct FindingView<'a> {
    id: &'a str,
    kind: FindingKind,
    severity: Severity,
    confidence: f32,
    summary: &'a str,
    explanation: &'a str,
    suggestion: Option<&'a str>,
    evidence: Vec<EvidenceView<'a>>,
    reference: Option<&'a Reference>,
    change_over_time: bool,
    verdict: Option<&'a str>,
    note: Option<&'a str>,
    /// Only with a session: without one the finding has no such keys.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    review: Option<FindingReview<'a>>,
}

/// Who decided a finding and when, null when no one has; whether its
/// evidence changed since.
#[derive(Serialize)]
struct FindingReview<'a> {
    reviewer: Option<&'a str>,
    reviewed_at: Option<&'a str>,
    changed_since_review: bool,
}

#[derive(Serialize)]
struct EvidenceView<'a> {
    article: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct AlignmentView<'a> {
    id: &'a str,
    members: Vec<MemberView<'a>>,
    score: f32,
    shared: &'a [String],
    differences: Vec<DifferenceView<'a>>,
}

/// Words of a member that differ in substance from another member.
#[derive(Serialize)]
struct DifferenceView<'a> {
    kind: DifferenceKind,
    article: &'a str,
    sentence: usize,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: &'a str,
    against: MemberRef<'a>,
}

#[derive(Serialize)]
struct MemberRef<'a> {
    article: &'a str,
    sentence: usize,
}

#[derive(Serialize)]
struct MemberView<'a> {
    article: &'a str,
    sentence: usize,
    text: &'a str,
}

/// Where a stretch of analysis text is in its file.
fn evidence<'a>(analysis: &'a Analysis, e: &Evidence) -> EvidenceView<'a> {
    let a = &analysis.articles[e.article];
    let span = a.article.span(e.range.clone());
    let (line, column) = a.line_col(span.start);
    EvidenceView {
        article: &a.article.id,
        path: &a.article.path,
        line,
        column,
        start: a.file_offset(span.start),
        end: a.file_offset(span.end),
        text: a.article.quote(span),
    }
}

fn finding<'a>(analysis: &'a Analysis, f: &'a Finding) -> FindingView<'a> {
    FindingView {
        id: &f.id,
        kind: f.kind,
        severity: f.severity,
        confidence: (f.confidence * 100.0).round() / 100.0,
        summary: &f.summary,
        explanation: &f.explanation,
        suggestion: f.suggestion.as_deref(),
        evidence: f.evidence.iter().map(|e| evidence(analysis, e)).collect(),
        reference: f.reference.as_ref(),
        change_over_time: f.change_over_time,
        verdict: None,
        note: None,
        review: None,
    }
}

/// A finding with its decision, if the review has one.
fn reviewed<'a>(analysis: &'a Analysis, review: &'a Review, index: usize) -> FindingView<'a> {
    let decision = review.decision(index);
    FindingView {
        verdict: decision.and_then(|d| d.verdict).map(Verdict::as_str),
        note: decision.and_then(|d| d.note.as_deref()),
        review: Some(FindingReview {
            reviewer: decision.map(|d| d.reviewer.as_str()),
            reviewed_at: decision.map(|d| d.at.as_str()),
            changed_since_review: matches!(review.status(index), Status::Changed(_)),
        }),
        ..finding(analysis, &analysis.findings[index])
    }
}

fn session<'a>(analysis: &Analysis, review: &'a Review) -> ReviewView<'a> {
    let all = 0..analysis.findings.len();
    ReviewView {
        reviewer: &review.file.reviewer,
        created: &review.file.created,
        updated: &review.file.updated,
        reviewed: review.reviewed(all.clone()),
        total: all.len(),
        by_verdict: Tally::of(review, all),
        gone: review.gone().into_iter().map(gone).collect(),
    }
}

fn gone(d: &Decision) -> GoneView<'_> {
    GoneView {
        finding: &d.finding,
        kind: d.kind,
        summary: &d.summary,
        verdict: d.verdict,
        note: d.note.as_deref(),
        reviewer: &d.reviewer,
        at: &d.at,
    }
}

fn alignment<'a>(analysis: &'a Analysis, al: &'a Alignment) -> AlignmentView<'a> {
    let members = al
        .members
        .iter()
        .map(|m| {
            let a = &analysis.articles[m.article];
            MemberView {
                article: &a.article.id,
                sentence: m.sentence,
                text: a.article.quote(a.sentences[m.sentence].span),
            }
        })
        .collect();
    AlignmentView {
        id: &al.id,
        members,
        score: (al.score * 1000.0).round() / 1000.0,
        shared: &al.shared,
        differences: al
            .differences
            .iter()
            .map(|d| difference(analysis, d))
            .collect(),
    }
}

fn difference<'a>(analysis: &'a Analysis, d: &'a Difference) -> DifferenceView<'a> {
    let a = &analysis.articles[d.member.article];
    let span = a.article.span(d.range.clone());
    let (line, column) = a.line_col(span.start);
    DifferenceView {
        kind: d.kind,
        article: &a.article.id,
        sentence: d.member.sentence,
        line,
        column,
        start: a.file_offset(span.start),
        end: a.file_offset(span.end),
        text: a.article.quote(span),
        against: MemberRef {
            article: &analysis.articles[d.against.article].article.id,
            sentence: d.against.sentence,
        },
    }
}

fn error(e: &IngestError) -> ErrorView<'_> {
    ErrorView {
        path: &e.path,
        message: &e.message,
    }
}

/// The whole analysis as one JSON object, pretty-printed, without a
/// review.
#[must_use]
pub fn render(analysis: &Analysis) -> String {
    render_with(analysis, ReportOptions::default())
}

/// The whole analysis as one JSON object, pretty-printed, with the review
/// in `opts` if there is one. Mentions and colour do not apply: JSON always
/// carries every mention.
///
/// # Panics
///
/// Never: a `Vec` takes every write, and serde writes UTF-8.
#[must_use]
pub fn render_with(analysis: &Analysis, opts: ReportOptions<'_>) -> String {
    let mut out = Vec::new();
    write_with(analysis, opts, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the report of [`render_with`] to `out`. A value serde cannot
/// write (the views hold none) comes back as an error, never as a broken
/// report.
pub fn write_with(
    analysis: &Analysis,
    opts: ReportOptions<'_>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Each item of the three arrays is printed on whichever core is free,
    // all three arrays in one pass (a pass each left a core idle at the end
    // of each): printing the report on one thread was 6% of a 200-article
    // run's wall time. The pieces are then written in order.
    let items: Vec<Item<'_>> = (analysis.articles.iter().map(Item::Article))
        .chain((0..analysis.findings.len()).map(Item::Finding))
        .chain(analysis.alignments.iter().map(Item::Alignment))
        .collect();
    let mut printed = crate::par::map(items, |item| match item {
        Item::Article(a) => pretty(&Alone { item: [article(a)] }),
        Item::Finding(f) => pretty(&Alone {
            item: [match opts.review {
                Some(review) => reviewed(analysis, review, f),
                None => finding(analysis, &analysis.findings[f]),
            }],
        }),
        Item::Alignment(a) => pretty(&Alone {
            item: [alignment(analysis, a)],
        }),
    })
    .into_iter()
    .collect::<std::io::Result<Vec<Vec<u8>>>>()?;
    let alignments = printed.split_off(analysis.articles.len() + analysis.findings.len());
    let findings = printed.split_off(analysis.articles.len());
    let arrays = [
        ("  \"articles\": ", printed),
        ("  \"findings\": ", findings),
        ("  \"alignments\": ", alignments),
    ];
    let tail = Tail {
        errors: analysis.errors.iter().map(error).collect(),
        warnings: &analysis.warnings,
        stale_kb: analysis.stale_kb.map(|stale| StaleView {
            stale,
            refresh: crate::analysis::StaleKb::REFRESH,
            message: stale.message(),
        }),
        review: opts.review.map(|r| session(analysis, r)),
    };
    let tail = pretty(&tail)?;
    let head = format!("{{\n  \"schema_version\": {SCHEMA_VERSION},\n");
    // The pieces are handed to `out` as they are, not copied into a
    // buffer first: a report is megabytes.
    let mut pieces: Vec<std::io::IoSlice<'_>> = vec![std::io::IoSlice::new(head.as_bytes())];
    for (key, items) in &arrays {
        pieces.push(std::io::IoSlice::new(key.as_bytes()));
        if items.is_empty() {
            pieces.push(std::io::IoSlice::new(b"[]"));
        }
        for (i, item) in items.iter().enumerate() {
            let open: &[u8] = if i == 0 { b"[\n    " } else { b",\n    " };
            pieces.push(std::io::IoSlice::new(open));
            pieces.push(std::io::IoSlice::new(inner(item)));
        }
        if !items.is_empty() {
            pieces.push(std::io::IoSlice::new(b"\n  ]"));
        }
        pieces.push(std::io::IoSlice::new(b",\n"));
    }
    // `tail` opens with "{\n" and goes on with the next key; it ends with
    // the closing brace, and files end with a newline.
    pieces.push(std::io::IoSlice::new(
        tail.strip_prefix(b"{\n").unwrap_or(&tail),
    ));
    pieces.push(std::io::IoSlice::new(b"\n"));
    write_all_vectored(out, &mut pieces)?;
    out.flush()
}

/// An item of one of the report's three arrays.
enum Item<'a> {
    Article(&'a ArticleAnalysis),
    /// A finding's index: a reviewed one is looked up in the review.
    Finding(usize),
    Alignment(&'a Alignment),
}

/// `out.write_all` of the pieces one after another, in as few calls as
/// `out` takes them.
fn write_all_vectored(
    out: &mut dyn Write,
    mut pieces: &mut [std::io::IoSlice<'_>],
) -> std::io::Result<()> {
    while !pieces.is_empty() {
        match out.write_vectored(pieces) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => std::io::IoSlice::advance_slices(&mut pieces, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A value as the pretty printer writes it, with the characters that
/// would reach a reader's terminal or editor as commands escaped (see
/// [`Safe`]).
fn pretty(value: &impl Serialize) -> std::io::Result<Vec<u8>> {
    // Printed into a buffer each thread keeps, then copied out at its
    // size: a buffer of its own grown by doubling left each item's
    // smaller copies behind, and the process took a page fault for every
    // fresh page of them.
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with_borrow_mut(|scratch| {
        scratch.clear();
        let mut ser = serde_json::Serializer::with_formatter(&mut *scratch, Safe::default());
        value.serialize(&mut ser).map_err(std::io::Error::from)?;
        Ok(scratch.as_slice().to_vec())
    })
}

/// The pretty printer, with C1 controls, bidirectional overrides and
/// isolates, and the line and paragraph separators written as `\uXXXX`:
/// JSON allows them raw, but `cat report.json` would hand them to the
/// terminal, and a bidi override reorders what a reviewer reads.
///
/// It prints as `serde_json`'s `PrettyFormatter` with its default two-space
/// indent, but writes each line break and its indentation at once, where
/// that writes the indentation a level at a time: a report has hundreds of
/// thousands of lines, and those small writes were a tenth of printing it.
#[derive(Default)]
struct Safe {
    /// How many arrays and objects are open.
    depth: usize,
    /// Whether the innermost open array or object holds a value yet.
    has_value: bool,
}

/// A comma, a line break and the indentation of `BREAK_LEVELS` levels; a
/// line break takes what it needs of it.
const BREAK: [u8; 2 + 2 * BREAK_LEVELS] = {
    let mut b = [b' '; 2 + 2 * BREAK_LEVELS];
    b[0] = b',';
    b[1] = b'\n';
    b
};
const BREAK_LEVELS: usize = 32;

impl Safe {
    /// A line break (after a comma if `comma`) and the current indentation.
    fn line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        let from = usize::from(!comma);
        if self.depth <= BREAK_LEVELS {
            return w.write_all(&BREAK[from..2 + 2 * self.depth]);
        }
        w.write_all(&BREAK[from..2])?;
        (0..self.depth).try_for_each(|_| w.write_all(b"  "))
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(mark)
    }
}

fn unsafe_char(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9F}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl serde_json::ser::Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Every such character starts with one of these two bytes in
        // UTF-8: most text has neither and is written as it is. Most
        // strings are ASCII, which `is_ascii` tells a word at a time.
        if fragment.is_ascii() || !fragment.bytes().any(|b| b == 0xC2 || b == 0xE2) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices().filter(|&(_, c)| unsafe_char(c)) {
            w.write_all(&fragment.as_bytes()[start..i])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// One item as the report holds it.
#[derive(Serialize)]
struct Alone<V> {
    item: [V; 1],
}

/// The item inside a printed [`Alone`].
fn inner(json: &[u8]) -> &[u8] {
    const OPEN: &[u8] = b"{\n  \"item\": [\n    ";
    const CLOSE: &[u8] = b"\n  ]\n}";
    json.strip_prefix(OPEN)
        .and_then(|j| j.strip_suffix(CLOSE))
        .unwrap_or(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Safe`] keeps its own indentation: it must print exactly as
    /// `serde_json`'s pretty printer, empty and nested containers, deeper
    /// than its one-write indentation, included.
    #[test]
    fn safe_prints_as_the_pretty_printer() {
        let mut deep = serde_json::json!({"leaf": [1, "two", null, {}, []]});
        for level in 0..40 {
            deep = serde_json::json!({"level": level, "empty": [], "items": [deep, {"x": true}]});
        }
        let mut theirs = Vec::new();
        deep.serialize(&mut serde_json::Serializer::pretty(&mut theirs))
            .unwrap();
        assert_eq!(pretty(&deep).unwrap(), theirs);
    }

    #[test]
    fn safe_escapes_characters_that_command_a_terminal() {
        let text = "plain \u{202e}reversed\u{202c} and \u{85} but not \u{e9}";
        let printed = String::from_utf8(pretty(&text).unwrap()).unwrap();
        assert_eq!(
            printed,
            "\"plain \\u202ereversed\\u202c and \\u0085 but not \u{e9}\""
        );
    }
}
