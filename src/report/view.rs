//! The report model the templated formats read: view structs borrowing
//! from the [`Analysis`] and the review, handed to the HTML and Markdown
//! templates. What a report shows is worked out here once; the templates
//! only lay it out and escape it.

use std::ops::Range;

use serde::Serialize;

use super::editorial::{self, Prose};
use super::{Group, Provenance, ReportOptions, Tally, date_label, grouped, value_label};
use crate::align::{DiffPart, Member, diff_words};
use crate::analysis::Analysis;
use crate::detect::{Finding, FindingKind, Severity};
use crate::model::ArticleAnalysis;
use crate::review::{Decision, Review, Status};

/// The whole report.
#[derive(Serialize)]
pub struct ReportView<'a> {
    pub articles: Vec<ArticleView<'a>>,
    pub summary: SummaryView,
    /// Only with a review session.
    pub session: Option<SessionView<'a>>,
    /// True when the sections are verdict groups.
    pub grouped: bool,
    /// With a review and findings: one section per verdict group that has
    /// findings, most severe first in each. Otherwise one section holding
    /// every finding in analysis order.
    pub sections: Vec<SectionView<'a>>,
    /// Decisions whose finding no longer occurs (only with a review).
    pub gone: Vec<GoneView<'a>>,
    pub errors: Vec<ErrorView<'a>>,
    /// Every mention, per article, when asked for.
    pub mentions: Option<Vec<MentionsView<'a>>>,
    pub provenance: Option<&'a Provenance>,
    /// The day of the provenance and the KB's `as_of`, as people write them.
    pub produced_on: Option<String>,
    pub kb_as_of: Option<String>,
    /// When an article is dated after the KB's `as_of`: the sentence that
    /// says so, with the command that refreshes it.
    pub stale_kb: Option<String>,
}

#[derive(Serialize)]
pub struct ArticleView<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub author: Option<&'a str>,
    /// The URL as the article gives it.
    pub url: Option<&'a str>,
    /// The URL when it is safe to link to: `http` or `https` only.
    pub link: Option<&'a str>,
    /// The date as stated, or the inferred window.
    pub date: String,
    /// What an inferred window's bounds came from.
    pub basis: &'a [String],
    /// For an editor: the source's name, its title (the file's name when
    /// it has none), the date and the basis with dates as people write
    /// them.
    pub name: String,
    pub heading: String,
    pub when: String,
    pub basis_words: Vec<String>,
}

/// Findings counted by kind, with severities and (with a review) verdicts.
#[derive(Serialize)]
pub struct SummaryView {
    pub kinds: Vec<CountView>,
    pub all: CountView,
}

#[derive(Serialize)]
pub struct CountView {
    /// The kind, or `None` for the row of all findings.
    pub kind: Option<&'static str>,
    /// The kind in words ("numbers disagree"), or "all findings".
    pub label: &'static str,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub total: usize,
    pub verdicts: Option<Tally>,
}

#[derive(Serialize)]
pub struct SessionView<'a> {
    pub reviewer: &'a str,
    pub created: &'a str,
    pub updated: &'a str,
    /// Findings accepted or rejected.
    pub reviewed: usize,
    pub total: usize,
    /// The reviewer, unless no name is known.
    pub by: Option<&'a str>,
    pub created_words: String,
    pub updated_words: String,
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    /// `accepted`, `undecided`, `rejected`, or `findings` when ungrouped.
    pub name: &'static str,
    pub title: &'static str,
    pub findings: Vec<FindingView<'a>>,
}

#[derive(Serialize)]
pub struct FindingView<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub severity: &'static str,
    /// Two decimals.
    pub confidence: String,
    pub summary: &'a str,
    pub explanation: &'a str,
    pub suggestion: Option<&'a str>,
    pub reference: Option<ReferenceView<'a>>,
    pub change_over_time: bool,
    /// Only with a review session.
    pub review: Option<VerdictView<'a>>,
    /// For an editor: the kind and the confidence in words; the summary,
    /// explanation and suggestion with sources named and dates written
    /// out; where the evidence is in the files, for the details line.
    pub kind_words: &'static str,
    pub certainty: &'static str,
    pub summary_words: String,
    pub explanation_words: String,
    pub suggestion_words: Option<String>,
    pub places: Vec<String>,
    /// Each evidence span, in the finding's order (the claim first).
    pub evidence: Vec<EvidenceView<'a>>,
    /// The same evidence by article, in order of first appearance: what
    /// each source says, for reading side by side.
    pub sources: Vec<SourceView<'a>>,
}

/// The KB fact a finding was checked against.
#[derive(Serialize)]
pub struct ReferenceView<'a> {
    pub kb: &'a str,
    pub name: &'a str,
    pub from: Option<String>,
    pub to: Option<String>,
    pub from_words: Option<String>,
    pub to_words: Option<String>,
}

/// Where a finding stands in the review.
#[derive(Serialize)]
pub struct VerdictView<'a> {
    /// `accepted`, `undecided` or `rejected`.
    pub group: &'static str,
    /// The verdict was given before the evidence changed.
    pub changed: bool,
    /// `None` when no one has decided or noted anything.
    pub decision: Option<DecisionView<'a>>,
}

#[derive(Serialize)]
pub struct DecisionView<'a> {
    /// `accept`, `reject`, `skip`, or `None` for a note without a verdict.
    pub verdict: Option<&'static str>,
    pub reviewer: &'a str,
    pub at: &'a str,
    pub note: Option<&'a str>,
    /// The reviewer, unless no name is known; the time as people write it.
    pub by: Option<&'a str>,
    pub when: String,
}

/// One evidence span.
#[derive(Serialize)]
pub struct EvidenceView<'a> {
    pub article: &'a str,
    /// The outlet, or the article id when it names none.
    pub outlet: &'a str,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    /// Exactly the file's bytes of the span.
    pub quote: &'a str,
    /// The sentence holding the span (analysis text), cut around it.
    pub before: &'a str,
    pub span: &'a str,
    pub after: &'a str,
}

/// What one article says in a finding.
#[derive(Serialize)]
pub struct SourceView<'a> {
    pub article: &'a str,
    pub outlet: &'a str,
    pub path: &'a str,
    /// For an editor: the source's name, and its title when the name is
    /// not already the title.
    pub name: String,
    pub title: Option<String>,
    pub sentences: Vec<QuoteView<'a>>,
}

/// A sentence holding evidence, in parts: the evidence spans, and the
/// words that differ in substance from an aligned source's sentence.
#[derive(Serialize)]
pub struct QuoteView<'a> {
    /// Where its first evidence span starts in the file.
    pub line: usize,
    pub column: usize,
    pub parts: Vec<PartView<'a>>,
}

#[derive(Serialize)]
pub struct PartView<'a> {
    pub text: &'a str,
    pub evidence: bool,
    pub changed: bool,
}

#[derive(Serialize)]
pub struct GoneView<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub summary: &'a str,
    pub decision: DecisionView<'a>,
    pub articles: &'a [String],
}

#[derive(Serialize)]
pub struct ErrorView<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

#[derive(Serialize)]
pub struct MentionsView<'a> {
    pub article: &'a str,
    pub path: &'a str,
    pub mentions: Vec<MentionView<'a>>,
}

#[derive(Serialize)]
pub struct MentionView<'a> {
    pub line: usize,
    pub kind: &'static str,
    pub text: &'a str,
    pub value: String,
}

/// Builds the report model. `provenance` is for the formats that say what
/// produced them.
#[must_use]
pub fn build<'a>(
    analysis: &'a Analysis,
    opts: ReportOptions<'a>,
    provenance: Option<&'a Provenance>,
) -> ReportView<'a> {
    let review = opts.review;
    let prose = Prose::new(analysis);
    let view = |f: usize| finding(analysis, f, review, &prose);
    let by_verdict = review.is_some() && !analysis.findings.is_empty();
    let sections = match review {
        Some(review) if by_verdict => Group::ALL
            .into_iter()
            .map(|group| (group, grouped(analysis, review, group)))
            .filter(|(_, found)| !found.is_empty())
            .map(|(group, found)| SectionView {
                name: group.as_str(),
                title: title(group),
                findings: found.into_iter().map(view).collect(),
            })
            .collect(),
        _ => vec![SectionView {
            name: "findings",
            title: "Findings",
            findings: (0..analysis.findings.len()).map(view).collect(),
        }],
    };
    ReportView {
        articles: analysis
            .articles
            .iter()
            .map(|a| article(analysis, a))
            .collect(),
        summary: summary(analysis, review),
        session: review.map(|r| session(analysis, r)),
        grouped: by_verdict,
        sections,
        gone: review.map_or_else(Vec::new, |r| r.gone().into_iter().map(gone).collect()),
        errors: analysis
            .errors
            .iter()
            .map(|e| ErrorView {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
        mentions: opts
            .mentions
            .then(|| analysis.articles.iter().map(mentions).collect()),
        provenance,
        produced_on: provenance.map(|p| editorial::day(p.date)),
        kb_as_of: provenance.and_then(|p| p.kb_as_of).map(editorial::day),
        stale_kb: analysis.stale_kb.map(|s| s.message()),
    }
}

fn title(group: Group) -> &'static str {
    match group {
        Group::Accepted => "Accepted",
        Group::Undecided => "Undecided",
        Group::Rejected => "Rejected",
    }
}

/// Only `http:` and `https:` URLs are links; anything else (`javascript:`,
/// `data:`, relative paths) is shown as text at most.
#[must_use]
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    let web = matches!(scheme.as_deref(), Some("http" | "https"));
    let clean = !url.chars().any(|c| c.is_control() || c.is_whitespace());
    (web && clean && url.contains("://")).then_some(url)
}

fn article<'a>(analysis: &Analysis, a: &'a ArticleAnalysis) -> ArticleView<'a> {
    let meta = &a.article.meta;
    ArticleView {
        id: &a.article.id,
        path: &a.article.path,
        outlet: meta.outlet.as_deref(),
        title: meta.title.as_deref(),
        author: meta.author.as_deref(),
        url: meta.url.as_deref(),
        link: meta.url.as_deref().and_then(safe_link),
        date: date_label(a),
        basis: a.inferred.as_ref().map_or(&[], |w| w.basis.as_slice()),
        name: editorial::source_name(analysis, a),
        heading: meta
            .title
            .clone()
            .unwrap_or_else(|| editorial::file_name(a)),
        when: editorial::dates(&date_label(a))
            .replace("undated, inferred", "no date given; by what it mentions,"),
        basis_words: a
            .inferred
            .as_ref()
            .map_or(&[][..], |w| w.basis.as_slice())
            .iter()
            .map(|b| editorial::dates(b))
            .collect(),
    }
}

fn summary(analysis: &Analysis, review: Option<&Review>) -> SummaryView {
    let count = |kind: Option<FindingKind>, findings: Vec<usize>| {
        let n = |s: Severity| {
            findings
                .iter()
                .filter(|&&f| analysis.findings[f].severity == s)
                .count()
        };
        CountView {
            kind: kind.map(FindingKind::as_str),
            label: kind.map_or("all findings", editorial::kind),
            high: n(Severity::High),
            medium: n(Severity::Medium),
            low: n(Severity::Low),
            total: findings.len(),
            verdicts: review.map(|r| Tally::of(r, findings.iter().copied())),
        }
    };
    let kinds = FindingKind::ALL
        .into_iter()
        .map(|kind| {
            let of_kind: Vec<usize> = (0..analysis.findings.len())
                .filter(|&f| analysis.findings[f].kind == kind)
                .collect();
            (kind, of_kind)
        })
        .filter(|(_, of_kind)| !of_kind.is_empty())
        .map(|(kind, of_kind)| count(Some(kind), of_kind))
        .collect();
    SummaryView {
        kinds,
        all: count(None, (0..analysis.findings.len()).collect()),
    }
}

fn session<'a>(analysis: &Analysis, review: &'a Review) -> SessionView<'a> {
    let total = analysis.findings.len();
    SessionView {
        reviewer: &review.file.reviewer,
        created: &review.file.created,
        updated: &review.file.updated,
        reviewed: review.reviewed(0..total),
        total,
        by: known(&review.file.reviewer),
        created_words: editorial::moment(&review.file.created),
        updated_words: editorial::moment(&review.file.updated),
    }
}

fn decision(d: &Decision) -> DecisionView<'_> {
    DecisionView {
        verdict: d.verdict.map(crate::review::Verdict::as_str),
        reviewer: &d.reviewer,
        at: &d.at,
        note: d.note.as_deref(),
        by: known(&d.reviewer),
        when: editorial::moment(&d.at),
    }
}

/// A reviewer's name worth showing: not empty, not the "unknown" an
/// unnamed account was recorded as.
fn known(reviewer: &str) -> Option<&str> {
    let name = reviewer.trim();
    (!name.is_empty() && name != "unknown").then_some(name)
}

fn gone(d: &Decision) -> GoneView<'_> {
    GoneView {
        id: &d.finding,
        kind: d.kind.as_str(),
        summary: &d.summary,
        decision: decision(d),
        articles: &d.articles,
    }
}

fn verdict(review: &Review, f: usize) -> VerdictView<'_> {
    let status = review.status(f);
    VerdictView {
        group: Group::of(status).as_str(),
        changed: matches!(status, Status::Changed(_)),
        decision: review.decision(f).map(decision),
    }
}

fn finding<'a>(
    analysis: &'a Analysis,
    index: usize,
    review: Option<&'a Review>,
    prose: &Prose,
) -> FindingView<'a> {
    let f = &analysis.findings[index];
    FindingView {
        id: &f.id,
        kind: f.kind.as_str(),
        severity: f.severity.as_str(),
        confidence: format!("{:.2}", f.confidence),
        summary: &f.summary,
        explanation: &f.explanation,
        suggestion: f.suggestion.as_deref(),
        reference: f.reference.as_ref().map(|r| ReferenceView {
            kb: &r.kb,
            name: &r.name,
            from: r.from.map(|d| d.to_string()),
            to: r.to.map(|d| d.to_string()),
            from_words: r.from.map(editorial::day),
            to_words: r.to.map(editorial::day),
        }),
        change_over_time: f.change_over_time,
        kind_words: editorial::kind(f.kind),
        certainty: editorial::confidence(f.confidence),
        summary_words: prose.rewrite(&f.summary),
        explanation_words: prose.rewrite(&f.explanation),
        suggestion_words: f.suggestion.as_deref().map(|s| prose.rewrite(s)),
        places: places(analysis, f),
        review: review.map(|r| verdict(r, index)),
        evidence: f
            .evidence
            .iter()
            .map(|e| evidence(analysis, e.article, &e.range))
            .collect(),
        sources: sources(analysis, f),
    }
}

/// The sentence of an article holding a range of its analysis text.
fn sentence_of(a: &ArticleAnalysis, range: &Range<usize>) -> Option<usize> {
    a.sentences
        .iter()
        .position(|s| s.range.start <= range.start && range.end <= s.range.end)
}

fn outlet(a: &ArticleAnalysis) -> &str {
    a.article.meta.outlet.as_deref().unwrap_or(&a.article.id)
}

fn evidence<'a>(analysis: &'a Analysis, article: usize, range: &Range<usize>) -> EvidenceView<'a> {
    let a = &analysis.articles[article];
    let span = a.article.span(range.clone());
    let (line, column) = a.line_col(span.start);
    let sentence = sentence_of(a, range).map_or(range.clone(), |s| a.sentences[s].range.clone());
    let text = &a.article.text;
    EvidenceView {
        article: &a.article.id,
        outlet: outlet(a),
        path: &a.article.path,
        line,
        column,
        quote: a.article.quote(span),
        before: &text[sentence.start..range.start],
        span: &text[range.clone()],
        after: &text[range.end..sentence.end.max(range.end)],
    }
}

/// Where the evidence is in the files, for the details line: per file,
/// "path (line 13, column 5; line 21, column 98)".
fn places(analysis: &Analysis, f: &Finding) -> Vec<String> {
    let mut by_file: Vec<(&str, Vec<String>)> = Vec::new();
    for e in &f.evidence {
        let a = &analysis.articles[e.article];
        let (line, column) = a.line_col(a.article.span(e.range.clone()).start);
        let at = format!("line {line}, column {column}");
        let path = a.article.path.as_str();
        match by_file.iter_mut().find(|(p, _)| *p == path) {
            Some((_, ats)) if !ats.contains(&at) => ats.push(at),
            Some(_) => {}
            None => by_file.push((path, vec![at])),
        }
    }
    by_file
        .into_iter()
        .map(|(path, ats)| format!("{path} ({})", ats.join("; ")))
        .collect()
}

/// A sentence holding evidence, while the sources are gathered.
struct Block {
    article: usize,
    /// The sentence's range in the analysis text (or the evidence's).
    range: Range<usize>,
    evidence: Vec<Range<usize>>,
}

/// The evidence of a finding by article and sentence, each sentence split
/// into parts.
fn sources<'a>(analysis: &'a Analysis, f: &Finding) -> Vec<SourceView<'a>> {
    let mut blocks: Vec<Block> = Vec::new();
    for e in &f.evidence {
        let a = &analysis.articles[e.article];
        let range =
            sentence_of(a, &e.range).map_or(e.range.clone(), |s| a.sentences[s].range.clone());
        let same = |b: &Block| b.article == e.article && b.range == range;
        match blocks.iter_mut().find(|b| same(b)) {
            Some(b) => b.evidence.push(e.range.clone()),
            None => blocks.push(Block {
                article: e.article,
                range,
                evidence: vec![e.range.clone()],
            }),
        }
    }
    let changed = differences(analysis, &blocks);
    let mut order: Vec<usize> = Vec::new();
    for b in &blocks {
        if !order.contains(&b.article) {
            order.push(b.article);
        }
    }
    order
        .into_iter()
        .map(|article| {
            let a = &analysis.articles[article];
            let name = editorial::source_name(analysis, a);
            let heading = a
                .article
                .meta
                .title
                .clone()
                .unwrap_or_else(|| editorial::file_name(a));
            SourceView {
                article: &a.article.id,
                outlet: outlet(a),
                path: &a.article.path,
                title: (!name.contains(&heading)).then_some(heading),
                name,
                sentences: blocks
                    .iter()
                    .zip(&changed)
                    .filter(|(b, _)| b.article == article)
                    .map(|(b, changed)| quote(a, b, changed))
                    .collect(),
            }
        })
        .collect()
}

/// The changed parts of a diff, moved to where the text starts.
fn changed_at(parts: Vec<DiffPart>, offset: usize) -> Vec<Range<usize>> {
    parts
        .into_iter()
        .filter(|p| p.changed)
        .map(|p| p.range.start + offset..p.range.end + offset)
        .collect()
}

/// The alignment differences of a block's sentence, when another block's
/// sentence is aligned with it: the words that differ in substance, as the
/// analysis found them.
fn aligned_differences(
    analysis: &Analysis,
    blocks: &[Block],
    i: usize,
) -> Option<Vec<Range<usize>>> {
    let member = |b: &Block| {
        let a = &analysis.articles[b.article];
        sentence_of(a, &b.range).map(|sentence| Member {
            article: b.article,
            sentence,
        })
    };
    let this = member(&blocks[i])?;
    let others: Vec<Member> = blocks
        .iter()
        .enumerate()
        .filter(|(j, b)| *j != i && b.article != blocks[i].article)
        .filter_map(|(_, b)| member(b))
        .collect();
    let group = analysis
        .alignments
        .iter()
        .find(|al| al.members.contains(&this) && others.iter().any(|o| al.members.contains(o)))?;
    Some(
        group
            .differences
            .iter()
            .filter(|d| d.member == this)
            .map(|d| d.range.clone())
            .collect(),
    )
}

/// Per block, the byte ranges (in the analysis text) of the words that
/// differ from another source. Sentences aligned with another block's
/// are marked where the analysis found them to differ in substance
/// (numbers, names, dates, negations, opposites, quantifiers); otherwise
/// each evidence span of another article is compared with the span of the
/// first article in the same place ("95 prisoners" with "90 prisoners"),
/// and the first article's spans with those of the second article.
fn differences(analysis: &Analysis, blocks: &[Block]) -> Vec<Vec<Range<usize>>> {
    let mut out = vec![Vec::new(); blocks.len()];
    let mut whole = vec![false; blocks.len()];
    let Some(base) = blocks.first() else {
        return out;
    };
    let text = |article: usize, range: &Range<usize>| {
        &analysis.articles[article].article.text[range.clone()]
    };
    for (i, found) in out.iter_mut().enumerate() {
        if let Some(ranges) = aligned_differences(analysis, blocks, i) {
            *found = ranges;
            whole[i] = true;
        }
    }
    // The evidence spans of each article in order, with their blocks.
    let mut articles: Vec<usize> = Vec::new();
    for b in blocks {
        if !articles.contains(&b.article) {
            articles.push(b.article);
        }
    }
    let spans = |article: usize| -> Vec<(usize, Range<usize>)> {
        blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.article == article)
            .flat_map(|(i, b)| b.evidence.iter().map(move |r| (i, r.clone())))
            .collect()
    };
    let first = spans(base.article);
    for (n, &article) in articles.iter().enumerate().skip(1) {
        for (k, (i, span)) in spans(article).into_iter().enumerate() {
            let Some((j, counterpart)) = first.get(k) else {
                break;
            };
            let (left, right) = diff_words(text(base.article, counterpart), text(article, &span));
            if !whole[i] {
                out[i].extend(changed_at(right, span.start));
            }
            if n == 1 && !whole[*j] {
                out[*j].extend(changed_at(left, counterpart.start));
            }
        }
    }
    out
}

/// A block's sentence cut into parts where evidence or differing words
/// begin or end.
fn quote<'a>(a: &'a ArticleAnalysis, b: &Block, changed: &[Range<usize>]) -> QuoteView<'a> {
    let text = &a.article.text;
    let first = b
        .evidence
        .iter()
        .map(|r| r.start)
        .min()
        .unwrap_or(b.range.start);
    let (line, column) = a.line_col(a.article.span(first..first).start);
    let mut cuts: Vec<usize> = vec![b.range.start, b.range.end];
    for r in b.evidence.iter().chain(changed) {
        cuts.push(r.start.clamp(b.range.start, b.range.end));
        cuts.push(r.end.clamp(b.range.start, b.range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let covers = |ranges: &[Range<usize>], at: usize| ranges.iter().any(|r| r.contains(&at));
    let mut runs: Vec<(Range<usize>, bool, bool)> = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let flags = (covers(&b.evidence, start), covers(changed, start));
        match runs.last_mut() {
            Some((run, evidence, changed)) if (*evidence, *changed) == flags => run.end = end,
            _ => runs.push((start..end, flags.0, flags.1)),
        }
    }
    let parts = runs
        .into_iter()
        .map(|(run, evidence, changed)| PartView {
            text: &text[run],
            evidence,
            changed,
        })
        .collect();
    QuoteView {
        line,
        column,
        parts,
    }
}

fn mentions(a: &ArticleAnalysis) -> MentionsView<'_> {
    MentionsView {
        article: &a.article.id,
        path: &a.article.path,
        mentions: a
            .mentions
            .iter()
            .map(|m| {
                let span = a.span(m);
                MentionView {
                    line: a.line_col(span.start).0,
                    kind: m.kind.as_str(),
                    text: a.article.quote(span),
                    value: value_label(m),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn only_web_addresses_are_links() {
        for url in [
            "https://example.org/a?b=c&d",
            "HTTP://example.org",
            "http://x.test/",
        ] {
            assert_eq!(safe_link(url), Some(url));
        }
        for url in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//example.org",
            "example.org",
            "https:example.org",
            "https://exa mple.org",
            "https://example.org/\u{0}",
        ] {
            assert_eq!(safe_link(url), None, "{url}");
        }
    }
}
