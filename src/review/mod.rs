//! Review sessions: a reviewer's verdict and note on each finding, kept in
//! a versioned JSON file next to nothing else, so the work survives a
//! crash, a restart, and articles that change.
//!
//! A decision is tied to its finding by the stable finding id. When the
//! evidence of a finding changes its id changes too; the decision then
//! follows the finding of the same kind, in the same articles, whose
//! evidence reads most alike, and is shown as "changed since reviewed".
//! Decisions that match no finding any more stay in the file, listed as
//! gone. Nothing here touches a terminal; [`store`] does the file I/O.

pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::detect::{Finding, FindingKind};

/// The session file format this build writes.
pub const VERSION: u32 = 1;

/// A reviewer's decision on a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A real discrepancy.
    Accept,
    /// A false alarm.
    Reject,
    /// Looked at and left undecided.
    Skip,
}

impl Verdict {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::Reject => "reject",
            Verdict::Skip => "skip",
        }
    }

    /// Reads `accept`, `reject` or `skip`.
    pub fn parse(s: &str) -> Result<Verdict, String> {
        match s {
            "accept" | "accepted" => Ok(Verdict::Accept),
            "reject" | "rejected" => Ok(Verdict::Reject),
            "skip" | "skipped" => Ok(Verdict::Skip),
            _ => Err(format!("unknown verdict {s:?}: use accept, reject or skip")),
        }
    }
}

/// An article as the session saw it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub path: String,
    /// `fnv1a64:` and the hash of the file's bytes.
    pub hash: String,
}

/// One decision, with enough of its finding to recognise it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub finding: String,
    pub kind: FindingKind,
    pub summary: String,
    /// The evidence quotes, as the finding had them.
    pub evidence: Vec<String>,
    /// The paths of the articles the evidence is in.
    pub articles: Vec<String>,
    pub verdict: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub reviewer: String,
    /// When it was last changed (RFC 3339, UTC, to the millisecond).
    pub at: String,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// The session file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFile {
    pub version: u32,
    pub reviewer: String,
    pub created: String,
    pub updated: String,
    pub articles: Vec<ArticleRecord>,
    pub decisions: Vec<Decision>,
    /// Fields this build does not know, kept as they were.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl SessionFile {
    /// A new, empty session over an analysis.
    #[must_use]
    pub fn new(analysis: &Analysis, reviewer: &str, now: &str) -> SessionFile {
        SessionFile {
            version: VERSION,
            reviewer: reviewer.to_string(),
            created: now.to_string(),
            updated: now.to_string(),
            articles: articles(analysis),
            decisions: Vec::new(),
            other: serde_json::Map::new(),
        }
    }
}

/// Whether a session was written for (some of) these articles: one
/// article in common by path or by content. A session with no articles
/// recorded is anyone's.
#[must_use]
pub fn same_articles(file: &SessionFile, analysis: &Analysis) -> bool {
    let here = articles(analysis);
    file.articles.is_empty()
        || file
            .articles
            .iter()
            .any(|a| here.iter().any(|h| h.path == a.path || h.hash == a.hash))
}

/// The articles of an analysis as a session records them.
#[must_use]
pub fn articles(analysis: &Analysis) -> Vec<ArticleRecord> {
    analysis
        .articles
        .iter()
        .map(|a| ArticleRecord {
            path: a.article.path.clone(),
            hash: format!(
                "fnv1a64:{:016x}",
                crate::text::stable_hash([a.article.source.as_str()])
            ),
        })
        .collect()
}

/// Where a finding stands in the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Undecided,
    Decided(Verdict),
    /// Its evidence changed since the verdict was given.
    Changed(Verdict),
}

impl Status {
    /// Accepted or rejected (a skip is still undecided).
    #[must_use]
    pub fn reviewed(self) -> bool {
        matches!(self, Status::Decided(Verdict::Accept | Verdict::Reject))
    }
}

/// Per finding: the index of its decision, and how it was matched.
type Matched = Vec<Option<(usize, Match)>>;

/// How a decision was matched to a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Match {
    Same,
    Changed,
}

/// The review of one analysis: the session file and which decision
/// belongs to which finding.
#[derive(Clone, Debug)]
pub struct Review {
    pub file: SessionFile,
    /// The file as it was last read from or written to disk: what a save
    /// merges against, so that what others wrote since is kept.
    pub base: Option<SessionFile>,
    /// Ids of decisions this review removed on purpose (an undone new
    /// decision, a decision that followed its finding to a new id): a
    /// merge does not bring them back.
    pub dropped: std::collections::BTreeSet<String>,
    pub reviewer: String,
    /// Per finding: its decision in the file, and how it was matched.
    matched: Matched,
    /// Earlier states, for undo.
    undo: Vec<(Vec<Decision>, Matched)>,
}

/// How alike two findings' evidence must read for a decision to follow a
/// finding whose evidence changed.
const FOLLOW: f64 = 0.6;

impl Review {
    /// Matches the file's decisions to the analysis' findings.
    #[must_use]
    pub fn new(analysis: &Analysis, mut file: SessionFile, reviewer: &str) -> Review {
        dedupe(&mut file.decisions);
        let findings = &analysis.findings;
        let mut matched: Vec<Option<(usize, Match)>> = vec![None; findings.len()];
        let mut taken = vec![false; file.decisions.len()];
        let mut dropped = std::collections::BTreeSet::new();
        let by_id: BTreeMap<&str, usize> = file
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.finding.as_str(), i))
            .collect();
        for (f, finding) in findings.iter().enumerate() {
            if let Some(&d) = by_id.get(finding.id.as_str()) {
                matched[f] = Some((d, Match::Same));
                taken[d] = true;
            }
        }
        for (f, finding) in findings.iter().enumerate() {
            if matched[f].is_some() {
                continue;
            }
            let (quotes, paths) = evidence(analysis, finding);
            let best = file
                .decisions
                .iter()
                .enumerate()
                .filter(|(d, dec)| !taken[*d] && dec.kind == finding.kind && dec.articles == paths)
                .map(|(d, dec)| (d, alike(&dec.evidence, &quotes)))
                .filter(|&(_, score)| score >= FOLLOW)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((d, score)) = best {
                matched[f] = Some((d, Match::Changed));
                taken[d] = true;
                // The same evidence under another id: the finding is the
                // one decided, its id made by an older build (ids once left
                // out where the evidence lies). It takes the new id.
                if score >= 1.0 && file.decisions[d].evidence == quotes {
                    matched[f] = Some((d, Match::Same));
                    let old = std::mem::replace(&mut file.decisions[d].finding, finding.id.clone());
                    dropped.insert(old);
                }
            }
        }
        file.articles = articles(analysis);
        Review {
            file,
            base: None,
            dropped,
            reviewer: reviewer.to_string(),
            matched,
            undo: Vec::new(),
        }
    }

    /// Takes in the file as saved, merged with what others wrote: decisions
    /// that arrived from elsewhere are matched to their findings by id.
    /// Returns how many arrived or changed.
    pub fn absorb(&mut self, analysis: &Analysis, merged: SessionFile) -> usize {
        let before = self.file.decisions.len();
        let changed = self
            .file
            .decisions
            .iter()
            .zip(&merged.decisions)
            .filter(|(a, b)| a != b)
            .count();
        self.file = merged;
        let arrived = self.file.decisions.len().saturating_sub(before);
        let by_id: BTreeMap<&str, usize> = self.file.decisions[before..]
            .iter()
            .enumerate()
            .map(|(i, d)| (d.finding.as_str(), before + i))
            .collect();
        for (f, finding) in analysis.findings.iter().enumerate() {
            if self.matched[f].is_none()
                && let Some(&d) = by_id.get(finding.id.as_str())
            {
                self.matched[f] = Some((d, Match::Same));
            }
        }
        self.base = Some(self.file.clone());
        arrived + changed
    }

    /// The decision on a finding, if any.
    #[must_use]
    pub fn decision(&self, finding: usize) -> Option<&Decision> {
        let (d, _) = (*self.matched.get(finding)?)?;
        self.file.decisions.get(d)
    }

    #[must_use]
    pub fn status(&self, finding: usize) -> Status {
        match self.matched.get(finding).copied().flatten() {
            Some((d, how)) => match self.file.decisions[d].verdict {
                Some(v) if how == Match::Changed => Status::Changed(v),
                Some(v) => Status::Decided(v),
                None => Status::Undecided,
            },
            None => Status::Undecided,
        }
    }

    /// Decisions that match no finding of this analysis.
    #[must_use]
    pub fn gone(&self) -> Vec<&Decision> {
        let used: Vec<usize> = self.matched.iter().flatten().map(|&(d, _)| d).collect();
        self.file
            .decisions
            .iter()
            .enumerate()
            .filter(|(d, _)| !used.contains(d))
            .map(|(_, dec)| dec)
            .collect()
    }

    /// Gives findings a verdict, as one step of undo.
    pub fn decide(&mut self, analysis: &Analysis, findings: &[usize], verdict: Verdict, now: &str) {
        self.checkpoint();
        for &f in findings {
            let d = self.entry(analysis, f, now);
            self.file.decisions[d].verdict = Some(verdict);
        }
        self.file.updated = now.to_string();
    }

    /// Sets (or, when empty, clears) a finding's note, as one step of undo.
    pub fn note(&mut self, analysis: &Analysis, finding: usize, note: &str, now: &str) {
        let note = note.trim_end();
        let current = self.decision(finding).and_then(|d| d.note.as_deref());
        if current.unwrap_or("") == note {
            return;
        }
        self.checkpoint();
        let d = self.entry(analysis, finding, now);
        self.file.decisions[d].note = (!note.is_empty()).then(|| note.to_string());
        self.file.updated = now.to_string();
    }

    /// Takes back the last decision or note; false when there is none.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some((decisions, matched)) => {
                // Decisions the step created are gone on purpose.
                for d in &self.file.decisions {
                    if !decisions.iter().any(|x| x.finding == d.finding) {
                        self.dropped.insert(d.finding.clone());
                    }
                }
                self.file.decisions = decisions;
                self.matched = matched;
                true
            }
            None => false,
        }
    }

    /// Reviewed (accepted or rejected) findings among `findings`.
    #[must_use]
    pub fn reviewed(&self, findings: impl IntoIterator<Item = usize>) -> usize {
        findings
            .into_iter()
            .filter(|&f| self.status(f).reviewed())
            .count()
    }

    fn checkpoint(&mut self) {
        self.undo
            .push((self.file.decisions.clone(), self.matched.clone()));
    }

    /// The decision entry for a finding, brought up to date with it (id,
    /// evidence, reviewer, time); created when missing.
    fn entry(&mut self, analysis: &Analysis, f: usize, now: &str) -> usize {
        let finding = &analysis.findings[f];
        let (quotes, paths) = evidence(analysis, finding);
        let fresh = Decision {
            finding: finding.id.clone(),
            kind: finding.kind,
            summary: finding.summary.clone(),
            evidence: quotes,
            articles: paths,
            verdict: None,
            note: None,
            reviewer: self.reviewer.clone(),
            at: now.to_string(),
            other: serde_json::Map::new(),
        };
        let d = if let Some((d, _)) = self.matched[f] {
            let old = &mut self.file.decisions[d];
            if old.finding != fresh.finding {
                self.dropped.insert(old.finding.clone());
            }
            let other = std::mem::take(&mut old.other);
            *old = Decision {
                verdict: old.verdict,
                note: old.note.take(),
                other,
                ..fresh
            };
            d
        } else {
            self.file.decisions.push(fresh);
            self.file.decisions.len() - 1
        };
        self.matched[f] = Some((d, Match::Same));
        d
    }
}

/// One decision per finding id: where a file holds several (written by
/// hand, or by an old build), the latest stands.
fn dedupe(decisions: &mut Vec<Decision>) {
    let mut latest: BTreeMap<String, usize> = BTreeMap::new();
    for (i, d) in decisions.iter().enumerate() {
        let at = |j: usize| decisions[j].at.parse::<jiff::Timestamp>().ok();
        match latest.get(&d.finding) {
            Some(&j) if at(j) > at(i) => {}
            _ => {
                latest.insert(d.finding.clone(), i);
            }
        }
    }
    let keep: std::collections::BTreeSet<usize> = latest.into_values().collect();
    let mut i = 0;
    decisions.retain(|_| {
        i += 1;
        keep.contains(&(i - 1))
    });
}

/// A finding's evidence quotes, and the articles they are in (sorted, so
/// argument order does not matter).
fn evidence(analysis: &Analysis, f: &Finding) -> (Vec<String>, Vec<String>) {
    let mut quotes = Vec::new();
    let mut paths = Vec::new();
    for e in &f.evidence {
        let a = &analysis.articles[e.article];
        quotes.push(a.article.quote(a.article.span(e.range.clone())).to_string());
        paths.push(a.article.path.clone());
    }
    paths.sort();
    paths.dedup();
    (quotes, paths)
}

/// How alike two lists of quotes read: each quote against its best
/// counterpart, averaged (normalised Levenshtein over characters).
fn alike(old: &[String], new: &[String]) -> f64 {
    if old.is_empty() || new.is_empty() {
        return 0.0;
    }
    let best = |q: &String, others: &[String]| {
        others
            .iter()
            .map(|o| strsim::normalized_levenshtein(q, o))
            .fold(0.0, f64::max)
    };
    let there: f64 = old.iter().map(|q| best(q, new)).sum::<f64>() / old.len() as f64;
    let back: f64 = new.iter().map(|q| best(q, old)).sum::<f64>() / new.len() as f64;
    there.min(back)
}

/// The time now, to the millisecond, as sessions record it: concurrent
/// reviewers' decisions are ordered by it.
#[must_use]
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Millisecond)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

/// What a finding id typed by a user names: as git takes a commit, the
/// full id or any prefix of it that no other finding shares.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The index of the one finding meant.
    Found(usize),
    Missing,
    /// The ids the prefix could mean.
    Ambiguous(Vec<&'a str>),
}

/// Finds the finding `id` (or a unique prefix of it) names.
#[must_use]
pub fn lookup<'a>(analysis: &'a Analysis, id: &str) -> Lookup<'a> {
    let ids = || analysis.findings.iter().map(|f| f.id.as_str());
    if let Some(f) = ids().position(|f| f == id) {
        return Lookup::Found(f);
    }
    let matching: Vec<usize> = ids()
        .enumerate()
        .filter(|(_, f)| !id.is_empty() && f.starts_with(id))
        .map(|(i, _)| i)
        .collect();
    match matching.as_slice() {
        [] => Lookup::Missing,
        [one] => Lookup::Found(*one),
        many => Lookup::Ambiguous(
            many.iter()
                .map(|&i| analysis.findings[i].id.as_str())
                .collect(),
        ),
    }
}

/// The reviewer's name when none is given: the login name from the
/// environment, else the account the system says runs the process (cron
/// jobs, containers and `env -i` have no `$USER`), else "unknown".
#[must_use]
pub fn login_name() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .or_else(|| whoami::username().ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::kb::Kb;
    use crate::model::Article;

    const NOW: &str = "2026-11-21T10:00:00Z";
    const LATER: &str = "2026-11-22T09:30:00Z";

    fn sample() -> Analysis {
        crate::samples::analysis()
    }

    #[test]
    fn a_finding_is_found_by_its_id_or_a_unique_prefix() {
        let analysis = sample();
        let ids: Vec<&str> = analysis.findings.iter().map(|f| f.id.as_str()).collect();
        let first = ids[0];
        assert_eq!(lookup(&analysis, first), Lookup::Found(0));
        // The shortest prefix of the first id that no other id shares.
        let unique = (1..=first.len())
            .map(|n| &first[..n])
            .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() == 1)
            .unwrap();
        assert_eq!(lookup(&analysis, unique), Lookup::Found(0));
        // A prefix two ids share ("a" of an- and ac-) is ambiguous.
        let common = (1..4)
            .flat_map(|n| ids.iter().map(move |i| &i[..n]))
            .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() > 1)
            .unwrap();
        let shared = ids.iter().filter(|i| i.starts_with(common)).count();
        let Lookup::Ambiguous(candidates) = lookup(&analysis, common) else {
            panic!("{common} should be ambiguous");
        };
        assert_eq!(candidates.len(), shared);
        assert_eq!(lookup(&analysis, "zz-"), Lookup::Missing);
        assert_eq!(lookup(&analysis, ""), Lookup::Missing);
    }

    #[test]
    fn decisions_are_restored_by_finding_id() {
        let analysis = sample();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[0], Verdict::Accept, NOW);
        review.decide(&analysis, &[1], Verdict::Reject, NOW);
        review.note(&analysis, 1, "the KB is right\nsee the term dates", NOW);
        let file = review.file.clone();
        assert_eq!(file.decisions.len(), 2);

        let again = Review::new(&analysis, file, "ben");
        assert_eq!(again.status(0), Status::Decided(Verdict::Accept));
        assert_eq!(again.status(1), Status::Decided(Verdict::Reject));
        assert_eq!(again.status(2), Status::Undecided);
        assert_eq!(
            again.decision(1).unwrap().note.as_deref(),
            Some("the KB is right\nsee the term dates")
        );
        assert_eq!(again.reviewed(0..analysis.findings.len()), 2);
        assert!(again.gone().is_empty());
    }

    /// A session written when ids left out where the evidence lies: its
    /// decision is keyed by an id no finding has now, and still decides
    /// the finding with the same evidence, as decided, not as changed.
    #[test]
    fn a_decision_under_an_older_id_takes_the_new_one() {
        let analysis = sample();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[1], Verdict::Reject, NOW);
        let mut file = review.file.clone();
        file.decisions[0].finding = "ct-0123456789ab".to_string();

        let again = Review::new(&analysis, file, "ben");
        assert_eq!(again.status(1), Status::Decided(Verdict::Reject));
        assert_eq!(again.decision(1).unwrap().finding, analysis.findings[1].id);
        assert!(again.dropped.contains("ct-0123456789ab"));
        assert!(again.gone().is_empty());
    }

    #[test]
    fn undo_takes_back_one_step_at_a_time() {
        let analysis = sample();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[0], Verdict::Accept, NOW);
        review.decide(&analysis, &[0], Verdict::Reject, LATER);
        review.decide(&analysis, &[1, 2, 3], Verdict::Accept, LATER);
        assert_eq!(review.reviewed(0..7), 4);
        assert!(review.undo());
        assert_eq!(review.reviewed(0..7), 1);
        assert_eq!(review.status(0), Status::Decided(Verdict::Reject));
        assert!(review.undo());
        assert_eq!(review.status(0), Status::Decided(Verdict::Accept));
        assert!(review.undo());
        assert_eq!(review.status(0), Status::Undecided);
        assert!(!review.undo());
    }

    #[test]
    fn a_skip_is_not_a_review() {
        let analysis = sample();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[0], Verdict::Skip, NOW);
        assert_eq!(review.status(0), Status::Decided(Verdict::Skip));
        assert_eq!(review.reviewed([0]), 0);
    }

    #[test]
    fn an_empty_note_is_cleared_and_an_unchanged_one_is_no_step() {
        let analysis = sample();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.note(&analysis, 0, "check the wire copy", NOW);
        review.note(&analysis, 0, "check the wire copy", NOW);
        review.note(&analysis, 0, "", NOW);
        assert_eq!(review.decision(0).unwrap().note, None);
        assert!(review.undo());
        assert_eq!(
            review.decision(0).unwrap().note.as_deref(),
            Some("check the wire copy")
        );
        assert!(review.undo());
        assert!(!review.undo());
    }

    /// The sample story with one article's text edited.
    fn edited(from: &str, to: &str) -> Analysis {
        let articles: Vec<Article> = crate::samples::articles()
            .unwrap()
            .into_iter()
            .map(|a| {
                if a.source.contains(from) {
                    let source = a.source.replace(from, to);
                    let mut read = crate::ingest::read_str(&a.path, &source).unwrap();
                    read.id.clone_from(&a.id);
                    read
                } else {
                    a
                }
            })
            .collect();
        analyze(articles, Kb::builtin(), &Options::default())
    }

    fn name_variant(analysis: &Analysis) -> Option<usize> {
        analysis
            .findings
            .iter()
            .position(|f| f.kind == FindingKind::NameVariant)
    }

    #[test]
    fn changed_evidence_keeps_its_verdict_marked_changed_and_vanished_findings_are_gone() {
        let analysis = sample();
        let nv = name_variant(&analysis).unwrap();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[nv], Verdict::Accept, NOW);
        let quote = review.decision(nv).unwrap().evidence[0].clone();
        assert!(quote.contains("Blinkin"), "{quote}");

        // The misspelling is spelled differently: same finding, new evidence.
        let changed = edited("Anthony Blinkin", "Anthony Blinkn");
        let nv2 = name_variant(&changed).expect("still a name variant");
        assert_ne!(changed.findings[nv2].id, analysis.findings[nv].id);
        let again = Review::new(&changed, review.file.clone(), "ana");
        assert_eq!(again.status(nv2), Status::Changed(Verdict::Accept));
        assert!(again.gone().is_empty());

        // Corrected: the finding is gone, its decision kept and listed.
        let fixed = edited("Anthony Blinkin", "Antony Blinken");
        assert!(
            fixed
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::NameVariant)
        );
        let again = Review::new(&fixed, review.file.clone(), "ana");
        assert_eq!(again.gone().len(), 1);
        assert_eq!(again.gone()[0].verdict, Some(Verdict::Accept));
        assert_eq!(
            again.file.decisions.len(),
            1,
            "a gone decision stays in the file"
        );
    }

    #[test]
    fn deciding_a_changed_finding_brings_its_record_up_to_date() {
        let analysis = sample();
        let nv = name_variant(&analysis).unwrap();
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
        review.decide(&analysis, &[nv], Verdict::Accept, NOW);
        let changed = edited("Anthony Blinkin", "Anthony Blinkn");
        let nv2 = name_variant(&changed).unwrap();
        let mut again = Review::new(&changed, review.file.clone(), "ben");
        again.decide(&changed, &[nv2], Verdict::Reject, LATER);
        assert_eq!(again.status(nv2), Status::Decided(Verdict::Reject));
        let d = again.decision(nv2).unwrap();
        assert_eq!(d.finding, changed.findings[nv2].id);
        assert_eq!((d.reviewer.as_str(), d.at.as_str()), ("ben", LATER));
    }
}
