//! Lookups the views need, built once from the [`Analysis`]: which group a
//! sentence is aligned in, which finding a span is evidence of, the table's
//! rows in reading order. Pure indexing — nothing here concludes anything.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::detect::Severity;
use crate::model::ArticleAnalysis;

/// A span that is evidence of a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub range: Range<usize>,
    pub finding: usize,
    pub severity: Severity,
}

#[derive(Debug, Default)]
pub struct Index {
    /// Per article, per sentence: the alignment group it is in.
    pub group_of: Vec<Vec<Option<usize>>>,
    /// Per article: evidence spans, ordered by start.
    pub evidence: Vec<Vec<Marked>>,
    /// Alignment groups in reading order: the table's rows.
    pub rows: Vec<usize>,
    /// Per alignment group: the worst finding among its sentences.
    pub group_severity: Vec<Option<Severity>>,
}

impl Index {
    #[must_use]
    pub fn new(analysis: &Analysis) -> Index {
        let mut group_of: Vec<Vec<Option<usize>>> = analysis
            .articles
            .iter()
            .map(|a| vec![None; a.sentences.len()])
            .collect();
        for (g, alignment) in analysis.alignments.iter().enumerate() {
            for m in &alignment.members {
                group_of[m.article][m.sentence] = Some(g);
            }
        }
        let mut evidence: Vec<Vec<Marked>> = vec![Vec::new(); analysis.articles.len()];
        let mut group_severity = vec![None; analysis.alignments.len()];
        for (i, f) in analysis.findings.iter().enumerate() {
            for e in &f.evidence {
                evidence[e.article].push(Marked {
                    range: e.range.clone(),
                    finding: i,
                    severity: f.severity,
                });
                let s = sentence_at(&analysis.articles[e.article], e.range.start);
                if let Some(g) = group_of[e.article][s] {
                    let worst: &mut Option<Severity> = &mut group_severity[g];
                    *worst = Some(worst.map_or(f.severity, |w: Severity| w.min(f.severity)));
                }
            }
        }
        for spans in &mut evidence {
            spans.sort_by_key(|m| (m.range.start, m.range.end, m.finding));
        }
        let mut rows: Vec<usize> = (0..analysis.alignments.len()).collect();
        rows.sort_by_key(|&g| analysis.alignments[g].members.iter().min().copied());
        Index {
            group_of,
            evidence,
            rows,
            group_severity,
        }
    }

    /// The sentence of another article aligned with this one.
    #[must_use]
    pub fn partner(
        &self,
        analysis: &Analysis,
        article: usize,
        sentence: usize,
        other: usize,
    ) -> Option<usize> {
        let g = (*self.group_of.get(article)?.get(sentence)?)?;
        analysis.alignments[g]
            .members
            .iter()
            .find(|m| m.article == other)
            .map(|m| m.sentence)
    }

    /// The findings whose evidence lies in a sentence, most severe first.
    #[must_use]
    pub fn findings_in(&self, article: &ArticleAnalysis, a: usize, sentence: usize) -> Vec<usize> {
        let Some(s) = article.sentences.get(sentence) else {
            return Vec::new();
        };
        let mut found: Vec<(Severity, usize)> = self.evidence[a]
            .iter()
            .filter(|m| {
                m.range.start < s.range.end && s.range.start < m.range.end.max(m.range.start + 1)
            })
            .map(|m| (m.severity, m.finding))
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|(_, f)| f).collect()
    }
}

/// What to call an article: its outlet, or failing that its file name.
#[must_use]
pub fn source_name(article: &ArticleAnalysis) -> String {
    article.article.meta.outlet.clone().unwrap_or_else(|| {
        let path = &article.article.path;
        path.rsplit('/').next().unwrap_or(path).to_string()
    })
}

/// The sentence holding a text offset (the last one starting at or before it).
#[must_use]
pub fn sentence_at(article: &ArticleAnalysis, offset: usize) -> usize {
    article
        .sentences
        .partition_point(|s| s.range.start <= offset)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        crate::samples::analysis()
    }

    #[test]
    fn every_aligned_sentence_knows_its_group() {
        let analysis = sample();
        let index = Index::new(&analysis);
        assert!(!index.rows.is_empty());
        for (g, alignment) in analysis.alignments.iter().enumerate() {
            for m in &alignment.members {
                assert_eq!(index.group_of[m.article][m.sentence], Some(g));
                for other in &alignment.members {
                    assert_eq!(
                        index.partner(&analysis, m.article, m.sentence, other.article),
                        Some(other.sentence)
                    );
                }
            }
        }
    }

    #[test]
    fn evidence_is_found_in_its_sentence() {
        let analysis = sample();
        let index = Index::new(&analysis);
        for (i, f) in analysis.findings.iter().enumerate() {
            for e in &f.evidence {
                let article = &analysis.articles[e.article];
                let s = sentence_at(article, e.range.start);
                assert!(index.findings_in(article, e.article, s).contains(&i));
            }
        }
    }
}
