//! Statement alignment: which sentences of different articles speak of the
//! same thing. Sentences become weighted term sets (stemmed content words in
//! synonym classes, plus the KB entities, counted things and dates they
//! mention); candidates come from an index of rare terms, so cost grows with
//! the text, not with the square of it; pairs above a threshold are joined
//! into groups of at most one sentence per article.

mod differences;
mod terms;
mod vocabulary;

use std::ops::Range;

use rayon::slice::ParallelSliceMut;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::ArticleAnalysis;
use crate::par;
pub use differences::{Difference, DifferenceKind, opposites};
pub use terms::{DiffPart, Terms, diff_words, normal_word, stem};
pub use vocabulary::Vocabulary;

/// A sentence of the story: article index, sentence index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Member {
    pub article: usize,
    pub sentence: usize,
}

/// Two sentences of different articles that speak of the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    pub a: Member,
    pub b: Member,
    pub score: f32,
}

/// A group of aligned sentences, at most one per article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    pub id: String,
    pub members: Vec<Member>,
    pub score: f32,
    pub shared: Vec<String>,
    /// Where members differ in substance from the first member.
    pub differences: Vec<Difference>,
}

/// How similar two sentences must be to align.
pub const THRESHOLD: f32 = 0.28;

/// Terms in more sentences than this are not used to find candidates
/// (they still count in the score): it keeps the candidate pairs per term
/// bounded. A statement repeated by every article is still found; a word
/// in many sentences of each article is not a statement.
const MAX_POSTINGS: usize = 64;

/// The postings limit for a story: twice the articles, within bounds.
fn postings_limit(articles: usize) -> usize {
    (2 * articles).clamp(8, MAX_POSTINGS)
}

/// Aligns the sentences of all articles.
#[must_use]
pub fn align(articles: &[ArticleAnalysis], vocab: &Vocabulary) -> (Vec<Alignment>, Vec<Pair>) {
    let terms = Terms::build(articles, vocab);
    let limit = postings_limit(articles.len());
    // Sentences are scored against their candidates independently: the
    // cores share them in stretches, and the pairs come back in order.
    let stretches = par::ranges(terms.members.len(), STRETCHES);
    // Joined at their total size: collected through `flatten` the list
    // grew by doubling, each time a copy into fresh memory.
    let scored: Vec<(usize, usize, f32)> =
        par::map(stretches, |r| scored_pairs(&terms, limit, r)).concat();
    let kept = strongest(scored, terms.members.len());
    let pairs: Vec<Pair> = kept
        .iter()
        .map(|&(a, b, score)| Pair {
            a: terms.members[a],
            b: terms.members[b],
            score,
        })
        .collect();
    // A group says what its founding pair shares: only those pairs need
    // their shared terms named.
    let mut groups = group(&pairs, articles, |founding| {
        let (a, b, _) = kept[founding];
        terms.similarity(a, b).1
    });
    differences::find(&mut groups, articles, vocab);
    (groups, pairs)
}

/// Pieces the sentences are cut into for the cores to share.
const STRETCHES: usize = 16;

/// Partners kept per sentence: a statement repeated by a hundred articles
/// is compared with its closest few, which keeps the pairs (and every rule
/// that reads them) linear in the text.
const PARTNERS: usize = 6;

/// The pairs among each sentence's `PARTNERS` best, in a stable order.
fn strongest(mut scored: Vec<(usize, usize, f32)>, sentences: usize) -> Vec<(usize, usize, f32)> {
    // A total order (pairs are unique): an unstable sort, on every core,
    // gives the same.
    scored.par_sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut taken = vec![0usize; sentences];
    let mut kept = Vec::new();
    for (a, b, score) in scored {
        if taken[a] < PARTNERS || taken[b] < PARTNERS {
            taken[a] += 1;
            taken[b] += 1;
            kept.push((a, b, score));
        }
    }
    kept.par_sort_unstable_by_key(|&(a, b, _)| (a, b));
    kept
}

/// Pairs of each sentence of `sentences` with later sentences of other
/// articles that share a rare term with it, and their similarity where it
/// reaches the threshold; ordered by sentence, then partner.
fn scored_pairs(terms: &Terms, limit: usize, sentences: Range<usize>) -> Vec<(usize, usize, f32)> {
    // `seen[b] == a` once `b` is a partner of `a`: no set to hash pairs in.
    let mut seen = vec![usize::MAX; terms.members.len()];
    let mut partners = Vec::new();
    let mut out = Vec::new();
    for a in sentences {
        partners.clear();
        for id in terms.term_ids(a) {
            let postings = &terms.postings[id as usize];
            if postings.len() > limit {
                continue;
            }
            let later = postings.partition_point(|&b| b <= a);
            for &b in &postings[later..] {
                if seen[b] != a && terms.members[b].article != terms.members[a].article {
                    seen[b] = a;
                    partners.push(b);
                }
            }
        }
        partners.sort_unstable();
        for &b in &partners {
            let score = terms.score(a, b);
            if score >= THRESHOLD {
                out.push((a, b, score));
            }
        }
    }
    out
}

/// Joins pairs, best first, into groups with one sentence per article.
/// `shared` names what the pair at an index of `pairs` shares.
fn group(
    pairs: &[Pair],
    articles: &[ArticleAnalysis],
    shared: impl Fn(usize) -> Vec<String> + Sync,
) -> Vec<Alignment> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    // A total order (pairs are unique), sorted on every core.
    order.par_sort_unstable_by(|&x, &y| {
        let (x, y) = (&pairs[x], &pairs[y]);
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut group_of: FxHashMap<Member, usize> = FxHashMap::default();
    // Members, scores and the founding pair of each group.
    let mut groups: Vec<(Vec<Member>, Vec<f32>, usize)> = Vec::new();
    for i in order {
        let p = &pairs[i];
        match (group_of.get(&p.a).copied(), group_of.get(&p.b).copied()) {
            (None, None) => {
                group_of.insert(p.a, groups.len());
                group_of.insert(p.b, groups.len());
                groups.push((vec![p.a, p.b], vec![p.score], i));
            }
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of.contains_key(&p.a) {
                    p.b
                } else {
                    p.a
                };
                if groups[g].0.iter().all(|m| m.article != new.article) {
                    group_of.insert(new, g);
                    groups[g].0.push(new);
                    groups[g].1.push(p.score);
                }
            }
            (Some(g), Some(h)) if g != h => {
                let disjoint = groups[g]
                    .0
                    .iter()
                    .all(|m| groups[h].0.iter().all(|n| n.article != m.article));
                if disjoint {
                    let (members, scores, _) = std::mem::take(&mut groups[h]);
                    for m in &members {
                        group_of.insert(*m, g);
                    }
                    groups[g].0.extend(members);
                    groups[g].1.extend(scores);
                    groups[g].1.push(p.score);
                }
            }
            _ => {}
        }
    }
    // Ids and shared terms on every core: alone on one they were a sixth
    // of the main thread's work between reading and the rules.
    let groups: Vec<_> = groups
        .into_iter()
        .filter(|(m, _, _)| m.len() >= 2)
        .collect();
    let mut out: Vec<Alignment> = par::map(groups, |(mut members, scores, founding)| {
        members.sort();
        let score = scores.iter().sum::<f32>() / scores.len() as f32;
        let id = alignment_id(&members, articles);
        Alignment {
            id,
            members,
            score,
            shared: shared(founding),
            differences: Vec::new(),
        }
    });
    out.sort_by(|a, b| a.members.cmp(&b.members));
    out
}

/// A stable id from the members' text, independent of argument order.
fn alignment_id(members: &[Member], articles: &[ArticleAnalysis]) -> String {
    let mut texts: Vec<&str> = members
        .iter()
        .map(|m| {
            let a = &articles[m.article];
            &a.article.text[a.sentences[m.sentence].range.clone()]
        })
        .collect();
    texts.sort_unstable();
    format!(
        "al-{:016x}",
        crate::text::stable_hash(texts.iter().copied())
    )
}

/// Aligned statements two articles must share to be told of one story.
const SAME_STORY_PAIRS: usize = 2;

/// The root of `x` in a union-find forest, halving the path on the way.
pub(crate) fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// How many of an article's closest partners (by aligned statements) may
/// link it to a story.
const CLOSEST: usize = 6;

/// The stories a set of articles tells: groups of articles linked, directly
/// or through others, by at least `SAME_STORY_PAIRS` aligned statements,
/// each among the other's `CLOSEST` partners.
/// Each article's group number; an article linked to no other is
/// [`ALONE`]. A folder of many unrelated events splits into many groups.
#[must_use]
pub fn stories(articles: usize, pairs: &[Pair]) -> Vec<usize> {
    let mut shared: rustc_hash::FxHashMap<(usize, usize), usize> = rustc_hash::FxHashMap::default();
    for p in pairs.iter().filter(|p| p.a.article != p.b.article) {
        let key = (p.a.article.min(p.b.article), p.a.article.max(p.b.article));
        *shared.entry(key).or_default() += 1;
    }
    let mut parent: Vec<usize> = (0..articles).collect();
    // Unrelated stories share a stray aligned statement or two, and one
    // such link would join them: a link counts only between articles that
    // are each among the other's closest partners.
    let mut partners: Vec<Vec<(usize, usize)>> = vec![Vec::new(); articles];
    for (&(a, b), &n) in &shared {
        partners[a].push((n, b));
        partners[b].push((n, a));
    }
    let close: Vec<Vec<usize>> = partners
        .into_iter()
        .map(|mut p| {
            p.sort_unstable_by(|x, y| y.cmp(x));
            p.into_iter().take(CLOSEST).map(|(_, b)| b).collect()
        })
        .collect();
    let mut links: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), n)| {
            n >= SAME_STORY_PAIRS && close[a].contains(&b) && close[b].contains(&a)
        })
        .map(|(k, _)| k)
        .collect();
    links.sort_unstable();
    for (a, b) in links {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let groups: Vec<usize> = (0..articles).map(|a| root(&mut parent, a)).collect();
    let mut sizes = vec![0usize; articles];
    for &g in &groups {
        sizes[g] += 1;
    }
    groups
        .into_iter()
        .map(|g| if sizes[g] == 1 { ALONE } else { g })
        .collect()
}

/// The group of an article [`stories`] linked to no other.
pub const ALONE: usize = usize::MAX;
