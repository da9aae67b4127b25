//! The normal form and the stem of every word of a story, computed once
//! before alignment and the rules, which all compare words by them. News
//! repeats its words, and stemming is the costly part: a 200-article story
//! has about 15 times more word tokens than distinct words.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::terms::{normal_word, stem};
use crate::model::ArticleAnalysis;
use crate::text::fold;
use crate::text::tokens::Kind;

/// What a word compares as.
#[derive(Debug)]
struct Forms {
    normal: Option<String>,
    stem: String,
}

/// Every word of a story's sentences, folded, with its forms. Read-only
/// once built; a word it has not seen is worked out on the spot.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: FxHashMap<String, Forms>,
}

impl Vocabulary {
    /// The words of every sentence of the articles, each normalised once
    /// (on every core).
    #[must_use]
    pub fn build(articles: &[ArticleAnalysis]) -> Vocabulary {
        let per_article = crate::par::map(articles.iter().collect(), distinct_words);
        let mut all: FxHashSet<String> = FxHashSet::default();
        for words in per_article {
            all.extend(words);
        }
        let mut all: Vec<String> = all.into_iter().collect();
        all.sort_unstable();
        let forms = crate::par::map(all, |w| {
            let forms = Forms {
                normal: normal_word(&w),
                stem: stem(&w),
            };
            (w, forms)
        });
        Vocabulary {
            words: forms.into_iter().collect(),
        }
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
        // Most words are looked up already folded: skip folding them again.
        if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.words.get(word)
        } else {
            self.words.get(&fold(word))
        }
    }
}

/// The distinct words of an article's sentences, folded.
fn distinct_words(a: &ArticleAnalysis) -> FxHashSet<String> {
    let text = a.article.text.as_str();
    let mut raw: FxHashSet<&str> = FxHashSet::default();
    for t in a.tokens.iter().filter(|t| t.kind == Kind::Word) {
        raw.insert(t.text(text));
    }
    raw.into_iter().map(fold).collect()
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
