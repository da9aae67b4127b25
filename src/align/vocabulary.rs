//! The normal form and the stem of every word of a story, computed once
//! before alignment and the rules, which all compare words by them. News
//! repeats its words, and stemming is the costly part: a 200-article story
//! has about 15 times more word tokens than distinct words.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::terms::{normal_and_stem, normal_word, stem};
use crate::model::ArticleAnalysis;
use crate::text::fold;
use crate::text::tokens::Kind;

/// What a word compares as.
#[derive(Debug)]
struct Forms {
    normal: Option<String>,
    stem: String,
}

/// Every word of a story's sentences, as written and folded, with its
/// forms. Read-only once built; a word it has not seen is worked out on the
/// spot.
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// A word as written or folded → its forms.
    index: FxHashMap<String, u32>,
    forms: Vec<Forms>,
}

impl Vocabulary {
    /// The words of every sentence of the articles; each folded word is
    /// stemmed once, on every core.
    #[must_use]
    pub fn build(articles: &[ArticleAnalysis]) -> Vocabulary {
        // Merged pairwise on every core: one merge into a single set was a
        // tenth of the analysis's serial time.
        let written =
            articles
                .par_iter()
                .map(distinct_words)
                .reduce(FxHashSet::default, |mut a, mut b| {
                    if a.len() < b.len() {
                        std::mem::swap(&mut a, &mut b);
                    }
                    a.extend(b);
                    a
                });
        let mut written: Vec<&str> = written.into_iter().collect();
        written.sort_unstable();
        let mut index: FxHashMap<String, u32> = FxHashMap::default();
        let mut folded: Vec<String> = Vec::new();
        for w in written {
            let f = fold(w);
            let id = if let Some(&id) = index.get(&f) {
                id
            } else {
                folded.push(f.clone());
                let id = folded.len() as u32 - 1;
                index.insert(f, id);
                id
            };
            index.insert(w.to_string(), id);
        }
        let mut forms = crate::par::map(folded, |f| {
            let (normal, stem) = normal_and_stem(&f);
            Forms { normal, stem }
        });
        // Rules look normal forms up again (the fate of a counted thing is
        // read from its context's normal forms): they are words too.
        let normals: Vec<String> = forms
            .iter()
            .filter_map(|f| f.normal.clone())
            .filter(|n| !index.contains_key(n))
            .collect::<FxHashSet<String>>()
            .into_iter()
            .collect();
        let normal_forms = crate::par::map(normals, |n| {
            let (normal, stem) = normal_and_stem(&n);
            (n, Forms { normal, stem })
        });
        for (n, f) in normal_forms {
            index.insert(n, forms.len() as u32);
            forms.push(f);
        }
        Vocabulary { index, forms }
    }

    /// [`normal_word`]: folded, stemmed, in its synonym class; `None` for
    /// stop words and fragments.
    #[must_use]
    pub fn normal<'a>(&'a self, word: &str) -> Option<Cow<'a, str>> {
        match self.forms(word) {
            Some(f) => f.normal.as_deref().map(Cow::Borrowed),
            None => normal_word(word).map(Cow::Owned),
        }
    }

    /// [`stem`]: the English stem of the folded word.
    #[must_use]
    pub fn stem<'a>(&'a self, word: &str) -> Cow<'a, str> {
        match self.forms(word) {
            Some(f) => Cow::Borrowed(&f.stem),
            None => Cow::Owned(stem(word)),
        }
    }

    fn forms(&self, word: &str) -> Option<&Forms> {
        let id = *self.index.get(word)?;
        self.forms.get(id as usize)
    }
}

/// The distinct words of an article's sentences, as written.
fn distinct_words(a: &ArticleAnalysis) -> FxHashSet<&str> {
    let text = a.article.text.as_str();
    a.tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseen_words_are_worked_out_like_seen_ones() {
        let empty = Vocabulary::default();
        assert_eq!(
            empty.normal("Hostages").as_deref(),
            normal_word("hostages").as_deref()
        );
        assert_eq!(empty.normal("the"), None);
        assert_eq!(empty.stem("Talks"), stem("talks"));
    }
}
