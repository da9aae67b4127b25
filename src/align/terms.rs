//! Sentences as weighted term sets, and word-level differences.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use similar::{Algorithm as DiffAlgorithm, DiffTag, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

use super::Member;
use super::Vocabulary;
use crate::extract::{Mention, Value};
use crate::lexicon::{self, Lexicon};
use crate::model::ArticleAnalysis;
use crate::text::fold;
use crate::text::tokens::Kind;

/// News words, beyond the function words `extract` stops at, too common
/// to say what a sentence is about.
static NEWS_STOP: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| lexicon::set(include_str!("../../assets/lexicon/news-stopwords.txt")));

fn is_stop_word(folded: &str) -> bool {
    crate::extract::is_stop(folded) || NEWS_STOP.contains(folded)
}

/// The stemmed words of the synonym classes, mapped to their class.
fn synonyms() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let stem = stemmer();
        let mut map = HashMap::new();
        let lex = Lexicon::parse(include_str!("../../assets/lexicon/synonyms.txt"));
        for group in lex.groups() {
            let words: Vec<String> = group
                .entries
                .iter()
                .map(|w| stem.stem(w).into_owned())
                .collect();
            for w in &words {
                map.entry(w.clone()).or_insert_with(|| words[0].clone());
            }
        }
        map
    })
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The English stem of a word, folded.
#[must_use]
pub fn stem(word: &str) -> String {
    stemmer().stem(&fold(word)).into_owned()
}

/// The normal form of a content word: folded, stemmed, in its synonym
/// class. `None` for stop words and fragments. Rules that compare words
/// across articles use this, so they agree with the aligner.
#[must_use]
pub fn normal_word(word: &str) -> Option<String> {
    let folded = fold(word);
    if !is_content(&folded) {
        return None;
    }
    let stem = stemmer().stem(&folded).into_owned();
    Some(synonyms().get(&stem).cloned().unwrap_or(stem))
}

/// Whether a folded word can say what a sentence is about.
fn is_content(folded: &str) -> bool {
    folded.len() >= 3 && !is_stop_word(folded) && folded.chars().any(char::is_alphabetic)
}

/// [`normal_word`] and [`stem`] of a folded word, stemming it once.
pub(super) fn normal_and_stem(folded: &str) -> (Option<String>, String) {
    let stem = stemmer().stem(folded).into_owned();
    let normal = is_content(folded).then(|| {
        synonyms()
            .get(&stem)
            .cloned()
            .unwrap_or_else(|| stem.clone())
    });
    (normal, stem)
}

/// The terms of every sentence of a story, with rarity weights.
#[derive(Debug, Default)]
pub struct Terms {
    pub members: Vec<Member>,
    /// Sorted (term, weight) per sentence.
    vectors: Vec<Vec<(u32, f32)>>,
    norms: Vec<f32>,
    /// Term → the sentences (indices into `members`) that have it.
    pub postings: Vec<Vec<usize>>,
    names: Vec<String>,
}

/// Term names numbered in order of first appearance.
#[derive(Default)]
struct Names {
    ids: FxHashMap<String, u32>,
    list: Vec<String>,
}

impl Names {
    fn intern(&mut self, name: String) -> u32 {
        *self.ids.entry(name).or_insert_with_key(|name| {
            self.list.push(name.clone());
            self.list.len() as u32 - 1
        })
    }
}

/// The story's numbering of terms, in the order they are met.
#[derive(Default)]
struct Numbering {
    ids: FxHashMap<String, u32>,
}

impl Numbering {
    fn number(&mut self, name: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(name).or_insert(next)
    }

    /// The terms in id order, moved out of the table rather than each
    /// copied into a list as it is met (this runs on one core).
    fn into_list(self) -> Vec<String> {
        let mut list = vec![String::new(); self.ids.len()];
        for (name, id) in self.ids {
            list[id as usize] = name;
        }
        list
    }
}

/// One article's sentences as terms in the order they are met (words,
/// then mentions), numbered within the article.
struct Local {
    names: Names,
    sentences: Vec<Vec<(u32, f32)>>,
}

impl Local {
    fn of(a: &ArticleAnalysis, vocab: &Vocabulary) -> Local {
        let mut local = Local {
            names: Names::default(),
            sentences: Vec::with_capacity(a.sentences.len()),
        };
        // Each word of an article is looked up once, straight to its term.
        let mut cache: FxHashMap<&str, Option<u32>> = FxHashMap::default();
        let mut by_sentence: Vec<Vec<&Mention>> = vec![Vec::new(); a.sentences.len()];
        for m in &a.mentions {
            by_sentence[m.sentence].push(m);
        }
        let text = a.article.text.as_str();
        for (si, mentions) in by_sentence.iter().enumerate() {
            let mut terms: Vec<(u32, f32)> = Vec::new();
            for tok in a
                .sentence_tokens(si)
                .iter()
                .filter(|tok| tok.kind == Kind::Word)
            {
                let w = tok.text(text);
                let id = *cache
                    .entry(w)
                    .or_insert_with(|| vocab.normal(w).map(|n| local.names.intern(n.into_owned())));
                terms.extend(id.map(|id| (id, 1.0)));
            }
            for m in mentions {
                if let Some(name) = mention_term(m, vocab) {
                    terms.push((local.names.intern(name), 1.5));
                }
            }
            local.sentences.push(terms);
        }
        local
    }
}

impl Terms {
    #[must_use]
    pub fn build(articles: &[ArticleAnalysis], vocab: &Vocabulary) -> Terms {
        // Articles are read on every core; their terms are then numbered
        // for the story in one pass, in the order they are met, so the
        // numbering is the same however the work was shared.
        let pieces = crate::par::ranges(articles.len(), 2 * rayon::current_num_threads());
        let mut locals: Vec<Local> = crate::par::map(pieces, |range| {
            articles[range]
                .iter()
                .map(|a| Local::of(a, vocab))
                .collect::<Vec<_>>()
        })
        .into_iter()
        .flatten()
        .collect();
        let mut names = Numbering::default();
        let story_ids: Vec<Vec<u32>> = locals
            .iter_mut()
            .map(|local| {
                let mut story_id = vec![u32::MAX; local.names.list.len()];
                for &(l, _) in local.sentences.iter().flatten() {
                    let l = l as usize;
                    if story_id[l] == u32::MAX {
                        story_id[l] = names.number(std::mem::take(&mut local.names.list[l]));
                    }
                }
                story_id
            })
            .collect();
        let names = names.into_list();
        let mut t = Terms {
            names,
            ..Terms::default()
        };
        // Each sentence's terms in id order, one of each, on every core.
        let by_article = crate::par::map(
            locals.into_iter().zip(story_ids).collect(),
            |(local, story_id)| {
                local
                    .sentences
                    .into_iter()
                    .map(|terms| {
                        let mut vector: Vec<(u32, f32)> = terms
                            .into_iter()
                            .map(|(l, w)| (story_id[l as usize], w))
                            .collect();
                        // A stable sort: a term both word and mention keeps the word's weight.
                        vector.sort_by_key(|(id, _)| *id);
                        vector.dedup_by_key(|(id, _)| *id);
                        vector
                    })
                    .collect::<Vec<_>>()
            },
        );
        // Each term's postings at their full size at once: grown from
        // empty, thousands of lists were copied as they grew, on one core.
        let mut df = vec![0usize; t.names.len()];
        for (id, _) in by_article.iter().flatten().flatten() {
            df[*id as usize] += 1;
        }
        t.postings = df.into_iter().map(Vec::with_capacity).collect();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::new();
        for (ai, sentences) in by_article.into_iter().enumerate() {
            for (si, vector) in sentences.into_iter().enumerate() {
                let index = t.members.len();
                for (id, _) in &vector {
                    t.postings[*id as usize].push(index);
                }
                t.members.push(Member {
                    article: ai,
                    sentence: si,
                });
                raw.push(vector);
            }
        }
        // Weights and norms on every core: each sentence's alone, in the
        // same order of operations as on one.
        let n = t.members.len().max(1) as f32;
        let postings = &t.postings;
        t.norms = raw
            .par_iter_mut()
            .map(|vector| {
                for (id, w) in vector.iter_mut() {
                    let df = postings[*id as usize].len() as f32;
                    *w *= (n / df).ln() + 1.0;
                }
                vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
            })
            .collect();
        t.vectors = raw;
        t
    }

    /// The terms of a sentence, in id order.
    pub fn term_ids(&self, sentence: usize) -> impl Iterator<Item = u32> + '_ {
        self.vectors[sentence].iter().map(|&(id, _)| id)
    }

    /// Cosine similarity of two sentences.
    #[must_use]
    pub fn score(&self, a: usize, b: usize) -> f32 {
        self.cosine(a, b, |_, _| {})
    }

    /// Cosine similarity of two sentences and the terms they share.
    #[must_use]
    pub fn similarity(&self, a: usize, b: usize) -> (f32, Vec<String>) {
        let mut shared = Vec::new();
        let score = self.cosine(a, b, |id, weight| shared.push((weight, id)));
        shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let names = shared
            .into_iter()
            .take(8)
            .map(|(_, id)| self.names[id as usize].clone())
            .collect();
        (score, names)
    }

    /// The cosine of two sentence vectors, calling `shared` for each term
    /// they have in common with its weight product.
    fn cosine(&self, a: usize, b: usize, mut shared: impl FnMut(u32, f32)) -> f32 {
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = va[i].1 * vb[j].1;
                    dot += w;
                    shared(va[i].0, w);
                    i += 1;
                    j += 1;
                }
            }
        }
        let norm = self.norms[a] * self.norms[b];
        if norm > 0.0 { dot / norm } else { 0.0 }
    }
}

/// The term a mention contributes: the KB entity, the counted thing, the day.
fn mention_term(m: &Mention, vocab: &Vocabulary) -> Option<String> {
    match &m.value {
        Value::Person(p) => Some(match &p.kb {
            Some(id) => format!("@{id}"),
            None => format!("@{}", fold(&crate::kb::surname_of(&p.name))),
        }),
        Value::Office(o) => o.kb.as_ref().map(|id| format!("@{id}")),
        Value::Named(n) => Some(match &n.kb {
            Some(id) => format!("@{id}"),
            None => format!("@{}", fold(&n.name)),
        }),
        Value::Quantity(q) => {
            let head = q.counted.as_deref()?.split_whitespace().last()?;
            // The story's vocabulary has it stemmed already.
            vocab.normal(head).map(|w| format!("#{w}"))
        }
        Value::Date(d) => match (d.from, d.to) {
            (Some(f), Some(t)) if f == t => Some(format!("={f}")),
            _ => None,
        },
        Value::Attribution(_) => None,
    }
}

/// A stretch of one of two compared texts and whether it differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPart {
    pub range: Range<usize>,
    pub changed: bool,
}

/// Word-level differences between two sentences: for each, its parts
/// marked changed or equal (patience diff over Unicode words).
#[must_use]
pub fn diff_words(a: &str, b: &str) -> (Vec<DiffPart>, Vec<DiffPart>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (o, n, changed) in diff_pairs(a, b) {
        if !o.is_empty() {
            left.push(DiffPart { range: o, changed });
        }
        if !n.is_empty() {
            right.push(DiffPart { range: n, changed });
        }
    }
    (left, right)
}

/// The same diff as facing stretches: each step's byte range in `a`, in
/// `b` (either may be empty: words added or dropped), and whether they
/// differ. A changed step with words on both sides is a replacement.
#[must_use]
fn diff_pairs(a: &str, b: &str) -> Vec<(Range<usize>, Range<usize>, bool)> {
    let (words_a, words_b): (Vec<&str>, Vec<&str>) = (
        a.split_word_bounds().collect(),
        b.split_word_bounds().collect(),
    );
    // The diff depends only on which words are equal: comparing numbers for
    // them gives the same operations as comparing the strings, faster.
    let mut ids = FxHashMap::default();
    let (ids_a, ids_b) = (number(&mut ids, &words_a), number(&mut ids, &words_b));
    let ops = capture_diff_slices(DiffAlgorithm::Patience, &ids_a, &ids_b);
    let (old, new) = (word_offsets(&words_a, a), word_offsets(&words_b, b));
    ops.iter()
        .map(|op| {
            let (o, n) = (op.old_range(), op.new_range());
            (
                old[o.start]..old[o.end],
                new[n.start]..new[n.end],
                op.tag() != DiffTag::Equal,
            )
        })
        .collect()
}

/// A number per distinct word.
fn number<'w>(ids: &mut FxHashMap<&'w str, u32>, words: &[&'w str]) -> Vec<u32> {
    words
        .iter()
        .map(|&w| {
            let next = ids.len() as u32;
            *ids.entry(w).or_insert(next)
        })
        .collect()
}

/// The start of each word in `base`, and its length at the end: the words
/// are consecutive slices of it.
fn word_offsets(words: &[&str], base: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(words.len() + 1);
    let mut pos = 0;
    for w in words {
        out.push(pos);
        pos += w.len();
    }
    out.push(base.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_share_a_class() {
        assert_eq!(normal_word("captives"), normal_word("hostages"));
        assert_eq!(normal_word("truce"), normal_word("ceasefire"));
        assert_eq!(normal_word("negotiations"), normal_word("talks"));
        assert_eq!(normal_word("the"), None);
    }

    #[test]
    fn word_differences() {
        let (a, b) = diff_words("Hamas is in direct talks", "Hamas is in indirect talks");
        let changed_a: Vec<&str> = a
            .iter()
            .filter(|p| p.changed)
            .map(|p| &"Hamas is in direct talks"[p.range.clone()])
            .collect();
        let changed_b: Vec<&str> = b
            .iter()
            .filter(|p| p.changed)
            .map(|p| &"Hamas is in indirect talks"[p.range.clone()])
            .collect();
        assert_eq!(changed_a, ["direct"]);
        assert_eq!(changed_b, ["indirect"]);
    }
}
