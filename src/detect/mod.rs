//! Findings: where the articles disagree with the knowledge base, the
//! calendar, each other, or themselves. Each rule is a module with one
//! `detect(&Story) -> Vec<Finding>`; this module holds what they share.

mod actors;
mod anachronism;
mod attribution_conflict;
mod contradiction;
mod counts;
mod date_conflict;
mod internal_inconsistency;
mod name_variant;
mod number_conflict;
mod past_holders;
mod posts;
mod roster;
mod spelling;
mod tenure;
mod wrong_officeholder;

use std::ops::Range;

use jiff::civil::Date;
use rayon::iter::{IntoParallelRefMutIterator as _, ParallelIterator as _};
use rayon::slice::ParallelSliceMut as _;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::align::{Alignment, Member, Pair, Vocabulary};
use crate::extract::Mention;
use crate::kb::Kb;
use crate::model::ArticleAnalysis;

/// The kinds of finding; the names are part of the JSON contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    WrongOfficeholder,
    Anachronism,
    NameVariant,
    NumberConflict,
    DateConflict,
    Contradiction,
    AttributionConflict,
    InternalInconsistency,
}

impl FindingKind {
    pub const ALL: [FindingKind; 8] = [
        Self::WrongOfficeholder,
        Self::Anachronism,
        Self::NameVariant,
        Self::NumberConflict,
        Self::DateConflict,
        Self::Contradiction,
        Self::AttributionConflict,
        Self::InternalInconsistency,
    ];

    /// The two letters that begin its finding ids ("wo-…").
    #[must_use]
    pub fn short(self) -> &'static str {
        match self {
            Self::WrongOfficeholder => "wo",
            Self::Anachronism => "an",
            Self::NameVariant => "nv",
            Self::NumberConflict => "nc",
            Self::DateConflict => "dc",
            Self::Contradiction => "ct",
            Self::AttributionConflict => "ac",
            Self::InternalInconsistency => "ii",
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WrongOfficeholder => "wrong-officeholder",
            Self::Anachronism => "anachronism",
            Self::NameVariant => "name-variant",
            Self::NumberConflict => "number-conflict",
            Self::DateConflict => "date-conflict",
            Self::Contradiction => "contradiction",
            Self::AttributionConflict => "attribution-conflict",
            Self::InternalInconsistency => "internal-inconsistency",
        }
    }
}

/// How much a finding matters; ordered most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

impl Severity {
    /// Most severe first.
    pub const ALL: [Severity; 3] = [Self::High, Self::Medium, Self::Low];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }
}

/// A stretch of an article a finding rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Index into the story's articles.
    pub article: usize,
    /// Byte range in that article's analysis text.
    pub range: Range<usize>,
}

/// The KB fact a finding was checked against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub kb: String,
    pub name: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// One discrepancy.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Stable across runs and argument order while the evidence text is unchanged.
    pub id: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub confidence: f32,
    pub summary: String,
    pub explanation: String,
    pub suggestion: Option<String>,
    /// The claim first, then its counterparts.
    pub evidence: Vec<Evidence>,
    pub reference: Option<Reference>,
    /// The articles were published far enough apart for the fact to change.
    pub change_over_time: bool,
}

impl Finding {
    #[must_use]
    pub fn new(
        kind: FindingKind,
        severity: Severity,
        confidence: f32,
        summary: String,
        explanation: String,
    ) -> Self {
        Self {
            id: String::new(),
            kind,
            severity,
            confidence,
            summary,
            explanation,
            suggestion: None,
            evidence: Vec::new(),
            reference: None,
            change_over_time: false,
        }
    }

    #[must_use]
    pub fn evidence(mut self, article: usize, range: Range<usize>) -> Self {
        let e = Evidence { article, range };
        if !self.evidence.contains(&e) {
            self.evidence.push(e);
        }
        self
    }

    #[must_use]
    pub fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    #[must_use]
    pub fn reference(mut self, reference: Reference) -> Self {
        self.reference = Some(reference);
        self
    }

    /// Marks a difference between articles far apart in time as a change
    /// over time: low severity, said so in the summary.
    #[must_use]
    pub fn over_time(mut self, apart: Option<i64>) -> Self {
        if let Some(days) = apart {
            self.change_over_time = true;
            self.severity = Severity::Low;
            self.summary = format!("Changed over time ({days} days apart): {}", self.summary);
        }
        self
    }
}

/// Days between publications beyond which a difference may be a change.
pub const CHANGE_OVER_TIME_DAYS: i64 = 21;

/// Everything the rules read.
pub struct Story<'a> {
    pub articles: &'a [ArticleAnalysis],
    pub pairs: &'a [Pair],
    pub alignments: &'a [Alignment],
    pub kb: &'a Kb,
    /// The normal form and stem of every word, to compare words by.
    pub vocab: &'a Vocabulary,
    /// Each article's story ([`crate::align::stories`]): articles of
    /// different stories are not held against each other where a rule
    /// looks beyond aligned statements.
    pub story_of: &'a [usize],
}

impl Story<'_> {
    /// Whether two articles may tell one story: the same group, or one
    /// linked to no other article (it may belong anywhere).
    #[must_use]
    pub fn same_story(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.story_of[a], self.story_of[b]);
        x == y || x == crate::align::ALONE || y == crate::align::ALONE
    }

    /// Whether two articles are known to tell one story: the same group
    /// of articles that share aligned statements, neither alone.
    #[must_use]
    pub fn linked(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.story_of[a], self.story_of[b]);
        x == y && x != crate::align::ALONE
    }

    /// The date an article speaks from: stated, `--date`, or none.
    #[must_use]
    pub fn date(&self, article: usize) -> Option<Date> {
        self.articles[article].published
    }

    /// The date an article speaks from: stated, `--date`, else inferred
    /// from its text (the first day of the inferred window).
    #[must_use]
    pub fn when(&self, article: usize) -> Option<Date> {
        self.date(article).or_else(|| {
            self.articles[article]
                .inferred
                .as_ref()
                .and_then(|w| w.from)
        })
    }

    /// The text of a sentence.
    #[must_use]
    pub fn sentence(&self, m: Member) -> &str {
        let a = &self.articles[m.article];
        &a.article.text[a.sentences[m.sentence].range.clone()]
    }

    /// The analysis-text range of a sentence.
    #[must_use]
    pub fn sentence_range(&self, m: Member) -> Range<usize> {
        self.articles[m.article].sentences[m.sentence].range.clone()
    }

    /// The mentions of one sentence.
    pub fn mentions(&self, m: Member) -> impl Iterator<Item = &Mention> {
        sentence_mentions(&self.articles[m.article].mentions, m.sentence).iter()
    }

    /// The text of a mention.
    #[must_use]
    pub fn quote(&self, article: usize, range: Range<usize>) -> &str {
        &self.articles[article].article.text[range]
    }

    /// Days between two articles' publication when that is long enough for
    /// facts to change; `None` when close or unknown.
    #[must_use]
    pub fn apart(&self, a: usize, b: usize) -> Option<i64> {
        let (x, y) = (self.date(a)?, self.date(b)?);
        let days = i64::from(x.until(y).ok()?.get_days()).abs();
        (days > CHANGE_OVER_TIME_DAYS).then_some(days)
    }

    /// The outlet's name, else the file's.
    #[must_use]
    pub fn source_name(&self, article: usize) -> String {
        let a = &self.articles[article].article;
        a.meta
            .outlet
            .clone()
            .unwrap_or_else(|| a.path.rsplit('/').next().unwrap_or(&a.path).to_string())
    }

    /// A `path:line` label for an article position, for explanations.
    #[must_use]
    pub fn place(&self, article: usize, range: &Range<usize>) -> String {
        let a = &self.articles[article];
        let span = a.article.span(range.clone());
        let (line, _) = a.line_col(span.start);
        format!("{}:{line}", a.article.path)
    }
}

pub use crate::extract::sentence_mentions;
pub use roster::confirm_names;
/// A lexicon file of word classes, one a line, as a map from each word's
/// normal form (by `normal`: stemmed, synonym class …) to its line. A
/// word on several lines keeps its first.
fn word_classes(
    text: &'static str,
    normal: impl Fn(&str) -> Option<String>,
) -> FxHashMap<String, usize> {
    let mut map = FxHashMap::default();
    for (class, group) in crate::lexicon::Lexicon::parse(text).groups().enumerate() {
        for w in group.entries.iter().filter_map(|w| normal(w)) {
            map.entry(w).or_insert(class);
        }
    }
    map
}

/// One side of a disagreement (one article's account), as the claim
/// policy sees it.
#[derive(Clone, Copy, Debug)]
pub struct Account {
    pub article: usize,
    /// Byte offset of the side's evidence in its article.
    pub position: usize,
    /// How many other articles agree with this side.
    pub support: usize,
}

/// Whether a side that `own` other articles agree with stands alone
/// against one that `other` articles agree with: nothing backs it, and
/// something backs the other. A link between statements on thin evidence
/// (unaligned, or aligned with little in common) is heard only then, as a
/// lone source against agreement: the same gate for figures and dates.
#[must_use]
pub fn stands_alone(own: usize, other: usize) -> bool {
    own == 0 && other >= 1
}

/// Which of two sides of a disagreement is the claim (the evidence listed
/// first, the one the summary questions) and which its counterpart:
/// `Less` when `a` is the claim. The claim is the side fewer articles
/// agree with; then the one published later, when both dates are known,
/// stated or inferred (it departs from what was already reported, farther
/// from the event); then the first by path
/// and position, so that the order of the arguments never decides. Every
/// rule that compares articles uses this one policy.
#[must_use]
pub fn claim_order(story: &Story, a: Account, b: Account) -> std::cmp::Ordering {
    let later = match (story.when(a.article), story.when(b.article)) {
        (Some(x), Some(y)) => y.cmp(&x),
        _ => std::cmp::Ordering::Equal,
    };
    let path = |s: Account| story.articles[s.article].article.path.as_str();
    a.support
        .cmp(&b.support)
        .then(later)
        .then_with(|| path(a).cmp(path(b)))
        .then(a.position.cmp(&b.position))
}

/// Runs every rule and gives each finding its stable id.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let rules: [fn(&Story) -> Vec<Finding>; 8] = [
        contradiction::detect,
        date_conflict::detect,
        attribution_conflict::detect,
        number_conflict::detect,
        name_variant::detect,
        wrong_officeholder::detect,
        anachronism::detect,
        internal_inconsistency::detect,
    ];
    // Listed slowest first (contradiction and attribution-conflict take
    // over half the rules' time): the cores take the long ones first and
    // share the short ones after. In `FindingKind` order instead, a
    // 200-article story took 6% more wall time. Findings are sorted below,
    // so the order changes nothing else.
    let by_rule = crate::par::map(rules.to_vec(), |rule| rule(story));
    let mut findings: Vec<Finding> = by_rule.into_iter().flatten().collect();
    let sources = article_keys(story);
    // Ids and the sort on every core: alone on one, they were a fifth of
    // what the main thread did between the rules and the report. The sort
    // is stable, as `sort_by`, so the order is the same.
    findings
        .par_iter_mut()
        .for_each(|f| f.id = finding_id(story, &sources, f));
    // Their order is sorted, not the findings themselves: a finding is
    // large, and a merge sort moved each one several times. Ties keep the
    // rules' order (the index breaks them), as the stable sort did.
    let key = |i: usize| {
        let f = &findings[i];
        (f.severity, first_position(f), f.kind, f.id.as_str())
    };
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.par_sort_unstable_by(|&x, &y| key(x).cmp(&key(y)).then(x.cmp(&y)));
    // A rule may report one finding twice (once from each side); the same
    // id means the same evidence, so the first stands.
    let mut seen = rustc_hash::FxHashSet::default();
    seen.reserve(findings.len());
    order.retain(|&i| seen.insert(findings[i].id.as_str()));
    drop(seen);
    let mut slots: Vec<Option<Finding>> = findings.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots[i].take()) // each index is in `order` once
        .collect()
}

/// One clash told between many pairs of articles is one finding: where a
/// rule's findings share a piece of evidence (one article's clause set
/// against several others, several articles' "direct talks" against
/// several "mediated talks", one sentence stating as fact what several
/// articles quote), they are merged into the most confident, with every
/// article's evidence and the other pairs named. A reviewer walks one
/// disagreement once, not once per pair of outlets.
#[must_use]
pub fn merge_repeats(story: &Story, findings: Vec<Finding>) -> Vec<Finding> {
    use crate::align::root;
    let mut group: Vec<usize> = (0..findings.len()).collect();
    let mut by_evidence: FxHashMap<(usize, usize, usize), usize> = FxHashMap::default();
    for (i, f) in findings.iter().enumerate() {
        for e in &f.evidence {
            let key = (e.article, e.range.start, e.range.end);
            match by_evidence.get(&key) {
                Some(&j) => {
                    let (a, b) = (root(&mut group, i), root(&mut group, j));
                    group[a.max(b)] = a.min(b);
                }
                None => {
                    by_evidence.insert(key, i);
                }
            }
        }
    }
    let mut members: std::collections::BTreeMap<usize, Vec<Finding>> =
        std::collections::BTreeMap::new();
    for (i, f) in findings.into_iter().enumerate() {
        let r = root(&mut group, i);
        members.entry(r).or_default().push(f);
    }
    members.into_values().map(|fs| merged(story, fs)).collect()
}

/// The findings of one clash as one: the most confident first, its
/// summary naming how many other pairs of articles disagree the same way.
fn merged(story: &Story, mut fs: Vec<Finding>) -> Finding {
    if fs.len() == 1 {
        return fs.pop().expect("one finding");
    }
    // The most confident, then the most severe, then the first found.
    let best = (0..fs.len())
        .max_by(|&i, &j| {
            fs[i]
                .confidence
                .total_cmp(&fs[j].confidence)
                .then(fs[j].severity.cmp(&fs[i].severity))
                .then(j.cmp(&i))
        })
        .expect("findings");
    let mut f = fs.remove(best);
    let own: FxHashSet<usize> = f.evidence.iter().map(|e| e.article).collect();
    let mut others: Vec<usize> = Vec::new();
    for g in &fs {
        for e in &g.evidence {
            if !own.contains(&e.article) && !others.contains(&e.article) {
                others.push(e.article);
            }
        }
    }
    others.sort_unstable();
    let names: Vec<&str> = others
        .iter()
        .map(|&a| story.articles[a].article.id.as_str())
        .collect();
    let pairs = fs.len();
    f.summary = if names.is_empty() {
        format!("{}; told {pairs} more times", f.summary)
    } else {
        format!(
            "{}; {pairs} more {} of articles disagree the same way (also {})",
            f.summary,
            if pairs == 1 { "pair" } else { "pairs" },
            names.join(", ")
        )
    };
    let also: Vec<&str> = fs.iter().map(|g| g.summary.as_str()).collect();
    f.explanation = format!(
        "{} The same disagreement between other articles: {}.",
        f.explanation,
        also.join("; ")
    );
    f.severity = fs.iter().map(|g| g.severity).fold(f.severity, Ord::min);
    for g in fs {
        for e in g.evidence {
            f = f.evidence(e.article, e.range);
        }
    }
    f
}

fn first_position(f: &Finding) -> (usize, usize) {
    f.evidence
        .first()
        .map_or((0, 0), |e| (e.article, e.range.start))
}

/// What names an article in finding ids: the hash of its content; with
/// its file name as well when another article of the story has the same
/// content (one wire story saved from two sites); with its whole path only
/// when the file name does not tell them apart either. So moving the
/// folder keeps every id.
fn article_keys(story: &Story) -> Vec<String> {
    fn tally<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> FxHashMap<K, usize> {
        let mut count = FxHashMap::default();
        for k in keys {
            *count.entry(k).or_insert(0) += 1;
        }
        count
    }
    fn file(a: &ArticleAnalysis) -> &str {
        let path = a.article.path.as_str();
        path.rsplit(['/', '\\']).next().unwrap_or(path)
    }
    let hashes: Vec<u64> = story
        .articles
        .iter()
        .map(|a| crate::text::stable_hash([a.article.source.as_str()]))
        .collect();
    let by_hash = tally(hashes.iter());
    let by_file = tally(hashes.iter().zip(story.articles).map(|(h, a)| (h, file(a))));
    hashes
        .iter()
        .zip(story.articles)
        .map(|(h, a)| {
            if by_hash[h] == 1 {
                format!("{h:016x}")
            } else if by_file[&(h, file(a))] == 1 {
                format!("{h:016x} {}", file(a))
            } else {
                format!("{h:016x} {}", a.article.path)
            }
        })
        .collect()
}

/// The id: the kind and each piece of evidence as (article content, place,
/// quote), sorted so argument order does not matter. The article's content
/// rather than its path, so that moving a folder keeps the ids; the place,
/// so that one sentence repeated in two articles, or twice in one, gives
/// two findings two ids.
fn finding_id(story: &Story, sources: &[String], f: &Finding) -> String {
    let mut parts: Vec<(&str, String, &str)> = f
        .evidence
        .iter()
        .map(|e| {
            let a = &story.articles[e.article];
            let span = a.article.span(e.range.clone());
            (
                sources[e.article].as_str(),
                span.start.to_string(),
                a.article.quote(span),
            )
        })
        .collect();
    parts.sort_unstable();
    let flat = parts.iter().flat_map(|(h, at, q)| [*h, at.as_str(), *q]);
    let parts = std::iter::once(f.kind.as_str()).chain(flat);
    format!(
        "{}-{:012x}",
        f.kind.short(),
        crate::text::stable_hash(parts) & 0xffff_ffff_ffff
    )
}

/// What the rules' tests share: articles in, the analysis or one kind of
/// finding out.
#[cfg(test)]
mod testing {
    use super::{Finding, FindingKind};
    use crate::analysis::{Analysis, Options, analyze};

    /// The analysis of whole article texts, read as a.txt, b.txt, …
    pub fn run(texts: &[&str]) -> Analysis {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                crate::ingest::read_str(&format!("{}.txt", (b'a' + i as u8) as char), t)
                    .expect("article")
            })
            .collect();
        analyze(articles, crate::kb::Kb::builtin(), &Options::default())
    }

    /// What `rule` finds in whole article texts when no sentences are
    /// aligned: the rule's own way of finding restatements, alone.
    pub fn unaligned(texts: &[&str], rule: fn(&super::Story) -> Vec<Finding>) -> Vec<Finding> {
        let an = run(texts);
        let vocab = crate::align::Vocabulary::build(&an.articles);
        let story_of = crate::align::stories(an.articles.len(), &[]);
        rule(&super::Story {
            articles: &an.articles,
            pairs: &[],
            alignments: &[],
            kb: crate::kb::Kb::builtin(),
            vocab: &vocab,
            story_of: &story_of,
        })
    }

    /// The findings of one kind in an analysis.
    pub fn of_kind(an: &Analysis, kind: FindingKind) -> Vec<&Finding> {
        an.findings.iter().filter(|f| f.kind == kind).collect()
    }

    /// The text of each evidence span of a finding, claim first.
    pub fn quotes(an: &Analysis, f: &Finding) -> Vec<String> {
        f.evidence
            .iter()
            .map(|e| an.articles[e.article].article.text[e.range.clone()].to_string())
            .collect()
    }

    /// The findings of one kind in articles given as (date, body), each
    /// under a headline and a date line.
    pub fn found(kind: FindingKind, articles: &[(&str, &str)]) -> Vec<Finding> {
        let read = articles
            .iter()
            .enumerate()
            .map(|(i, (date, body))| {
                let src = format!("Headline {i}\nPublished {date}\n\n{body}\n");
                crate::ingest::read_str(&format!("a{i}.txt"), &src).expect("article")
            })
            .collect();
        analyze(read, crate::kb::Kb::builtin(), &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.kind == kind)
            .collect()
    }
}
