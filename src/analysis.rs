//! Runs the pipeline: articles in, one [`Analysis`] out. Every view and
//! report reads this value; none of them computes analysis of its own.

use jiff::civil::Date;

use crate::align::{self, Alignment, Pair};
use crate::detect::{self, Finding, Story};
use crate::extract::{
    self, Context, DateValue, Mention, MentionKind, OfficeValue, PersonValue, Tense, Value,
};
use crate::ingest::IngestError;
use crate::kb::{Entity, Kb, Term};
use crate::model::{Article, ArticleAnalysis, Inferred, Sentence};
use crate::text::lines::LineIndex;
use crate::text::tokens::{Token, tokenize};
use crate::text::{fold, sentences};

/// Options that change what the analysis concludes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The story date for articles that state none (`--date`).
    pub date: Option<Date>,
    /// Findings below this confidence are left out (`--min-confidence`).
    pub min_confidence: Option<f32>,
}

/// The one hand-off value between analysis and everything that shows it.
#[derive(Debug, Default)]
pub struct Analysis {
    pub articles: Vec<ArticleAnalysis>,
    /// Groups of sentences of different articles about the same thing.
    pub alignments: Vec<Alignment>,
    /// The aligned sentence pairs the groups were built from.
    pub pairs: Vec<Pair>,
    pub findings: Vec<Finding>,
    /// Inputs that could not be read; the rest were analysed.
    pub errors: Vec<IngestError>,
    /// Problems worth telling that did not stop an article.
    pub warnings: Vec<String>,
    /// The day the knowledge base used is complete to (`meta.as_of`).
    pub kb_as_of: Option<Date>,
    /// Set when an article is dated after `kb_as_of`: what the KB says of
    /// office holders may be out of date for it. Worked out once here;
    /// the reader and every report say it from this value.
    pub stale_kb: Option<StaleKb>,
}

/// Articles dated after the knowledge base's `as_of` day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct StaleKb {
    /// The day the knowledge base is complete to.
    pub as_of: Date,
    /// The latest article date.
    pub latest: Date,
    /// How many articles are dated after `as_of`.
    pub articles: usize,
}

impl StaleKb {
    /// The command that refreshes the knowledge base.
    pub const REFRESH: &'static str = "parallax kb update";

    /// When some article is dated after `as_of`.
    #[must_use]
    pub fn of(articles: &[ArticleAnalysis], as_of: Option<Date>) -> Option<StaleKb> {
        let as_of = as_of?;
        let after: Vec<Date> = articles
            .iter()
            .filter_map(|a| a.published)
            .filter(|&d| d > as_of)
            .collect();
        Some(StaleKb {
            as_of,
            latest: *after.iter().max()?,
            articles: after.len(),
        })
    }

    /// One sentence for people, with the command that refreshes the KB.
    #[must_use]
    pub fn message(&self) -> String {
        let which = if self.articles == 1 {
            "an article is".to_string()
        } else {
            format!("{} articles are", self.articles)
        };
        format!(
            "The knowledge base is complete to {}, and {which} dated later (up to {}): \
             office holders since then are not known. Run `{}` to refresh it.",
            self.as_of,
            self.latest,
            Self::REFRESH
        )
    }
}

/// Analyses articles against a knowledge base.
#[must_use]
pub fn analyze(articles: Vec<Article>, kb: &Kb, opts: &Options) -> Analysis {
    // Articles are analysed independently of each other.
    let analysed = crate::par::map(articles, |a| analyze_article(a, kb, opts));
    compare(analysed, kb, opts)
}

/// The story's analysis from its articles each analysed alone
/// ([`analyze_article`], as [`crate::ingest::read_inputs_then`] does while
/// reading): names confirmed across articles, alignment, the rules.
#[must_use]
pub fn compare(articles: Vec<ArticleAnalysis>, kb: &Kb, opts: &Options) -> Analysis {
    let mut analysis = Analysis::default();
    for a in &articles {
        analysis.warnings.extend(a.article.warnings.iter().cloned());
    }
    analysis.articles = articles;
    detect::confirm_names(&mut analysis.articles);
    // Alignment and the rules compare words by their normal forms: each
    // word of the story is normalised once, here.
    let vocab = align::Vocabulary::build(&analysis.articles);
    let (alignments, pairs) = align::align(&analysis.articles, &vocab);
    let story_of = align::stories(analysis.articles.len(), &pairs);
    if let Some(w) = unrelated_stories(&analysis.articles, &story_of) {
        analysis.warnings.push(w);
    }
    let story = Story {
        articles: &analysis.articles,
        vocab: &vocab,
        pairs: &pairs,
        alignments: &alignments,
        kb,
        story_of: &story_of,
    };
    analysis.findings = detect::detect(&story);
    if let Some(least) = opts.min_confidence {
        analysis.findings.retain(|f| f.confidence >= least);
    }
    analysis.alignments = alignments;
    analysis.pairs = pairs;
    analysis.kb_as_of = kb.as_of;
    analysis.stale_kb = StaleKb::of(&analysis.articles, kb.as_of);
    analysis
}

/// A warning when the articles fall into several groups of three or more
/// that share few aligned statements: a pile of unrelated news is not one
/// story told several ways.
fn unrelated_stories(articles: &[ArticleAnalysis], story_of: &[usize]) -> Option<String> {
    let mut groups: std::collections::BTreeMap<usize, Vec<&str>> =
        std::collections::BTreeMap::new();
    for (a, &g) in articles.iter().zip(story_of) {
        if g != align::ALONE {
            groups.entry(g).or_default().push(&a.article.path);
        }
    }
    // Groups of three or more: two articles alone may just tell the story
    // from another angle.
    let several: Vec<Vec<&str>> = groups.into_values().filter(|g| g.len() >= 3).collect();
    if several.len() < 2 {
        return None;
    }
    let listed: Vec<String> = several
        .iter()
        .take(5)
        .map(|g| {
            let more = g.len().saturating_sub(3);
            let names = g.iter().take(3).copied().collect::<Vec<_>>().join(", ");
            if more > 0 {
                format!("{names} and {more} more")
            } else {
                names
            }
        })
        .collect();
    Some(format!(
        "these articles look like {} separate stories (groups that share few aligned statements); names are compared within each: {}",
        several.len(),
        listed.join(" | ")
    ))
}

/// Analyses one article.
#[must_use]
pub fn analyze_article(article: Article, kb: &Kb, opts: &Options) -> ArticleAnalysis {
    let (sentences, tokens) = split_sentences(&article);
    let by_sentence: Vec<&[Token]> = sentences
        .iter()
        .map(|s| &tokens[s.tokens.clone()])
        .collect();
    let stated = article.meta.published;
    let published = stated.or(opts.date);
    let mut ctx = Context {
        kb,
        published,
        year_hint: None,
        folded: fold(&article.text),
    };
    let (mut mentions, mut unconfirmed_names) = extract::extract(&article.text, &by_sentence, &ctx);
    let mut inferred = if stated.is_none() {
        infer_window(&article, &sentences, &mentions, kb)
    } else {
        None
    };
    if published.is_none() {
        // Dates written without a year ("Monday, January 20") can be placed
        // once the window is known; they may narrow it further.
        if let Some(hint) = inferred.as_ref().and_then(|w| w.from) {
            ctx.year_hint = Some(hint);
            (mentions, unconfirmed_names) = extract::extract(&article.text, &by_sentence, &ctx);
            inferred = infer_window(&article, &sentences, &mentions, kb);
        }
    }
    let lines = LineIndex::new(&article.source);
    ArticleAnalysis {
        article,
        sentences,
        mentions,
        published,
        inferred,
        lines,
        tokens,
        unconfirmed_names,
    }
}

/// The sentences of an article, and their tokens.
fn split_sentences(article: &Article) -> (Vec<Sentence>, Vec<Token>) {
    let mut out = Vec::new();
    // About a token per four bytes of news text: one allocation, where
    // growing from empty copied the tokens a dozen times.
    let mut tokens = Vec::with_capacity(article.text.len() / 4);
    for block in &article.blocks {
        for range in sentences::split(&article.text, block.range.clone()) {
            let first = tokens.len();
            tokenize(&article.text, range.clone(), &mut tokens);
            out.push(Sentence {
                span: article.span(range.clone()),
                range,
                role: block.role,
                tokens: first..tokens.len(),
            });
        }
    }
    (out, tokens)
}

/// A window being narrowed, with the reason for each bound.
#[derive(Default)]
struct Window {
    from: Option<(Date, String)>,
    to: Option<(Date, String)>,
}

impl Window {
    fn not_before(&mut self, d: Date, why: String) {
        if self.from.as_ref().is_none_or(|(f, _)| d > *f) {
            self.from = Some((d, why));
        }
    }

    fn before(&mut self, d: Date, why: String) {
        if self.to.as_ref().is_none_or(|(t, _)| d < *t) {
            self.to = Some((d, why));
        }
    }

    fn within(&mut self, term: Term, why: &str) {
        self.not_before(term.from, why.to_string());
        if let Some(to) = term.to {
            self.before(to, why.to_string());
        }
    }

    /// The window with its reasons; `None` when nothing bounded it, or
    /// when its clues contradict each other (a year it mentions that comes
    /// after the end of the month "in its thirteenth day" points to): one
    /// of them was misread, and no window is better than an empty one.
    fn inferred(self) -> Option<Inferred> {
        if self.from.is_none() && self.to.is_none() {
            return None;
        }
        if let (Some((from, _)), Some((to, _))) = (&self.from, &self.to)
            && from > to
        {
            return None;
        }
        let mut basis: Vec<String> = self
            .from
            .iter()
            .chain(self.to.iter())
            .map(|(_, why)| why.clone())
            .collect();
        basis.dedup();
        Some(Inferred {
            from: self.from.map(|(d, _)| d),
            to: self.to.map(|(d, _)| d),
            basis,
        })
    }

    fn allows(&self, term: Term) -> bool {
        let after_start = self.to.as_ref().is_none_or(|(t, _)| term.from <= *t);
        let before_end = match (term.to, &self.from) {
            (Some(end), Some((f, _))) => end > *f,
            _ => true,
        };
        after_start && before_end
    }
}

/// Infers when an undated article was published from what it mentions:
/// absolute dates in past or present sentences, office-holders framed as
/// current, dated KB events it names.
fn infer_window(
    article: &Article,
    sentences: &[Sentence],
    mentions: &[Mention],
    kb: &Kb,
) -> Option<Inferred> {
    let mut w = Window::default();
    for m in mentions {
        match &m.value {
            Value::Date(d) if !d.relative || d.basis.is_some() => {
                let sentence = &article.text[sentences[m.sentence].range.clone()];
                bound_by_date(&mut w, d, &article.text[m.range.clone()], sentence);
            }
            Value::Person(p) if !p.former && p.tense != Some(Tense::Past) => {
                bound_by_holder(&mut w, p, kb);
            }
            Value::Office(o)
                if o.form != "body"
                    && !o.former
                    && o.tense != Some(Tense::Past)
                    && m.kind == MentionKind::Office =>
            {
                bound_by_administration(&mut w, o, kb);
            }
            _ => {}
        }
    }
    bound_by_events(&mut w, article, kb);
    w.inferred()
}

/// A date the article mentions: the article is not older than it (unless
/// its sentence looks ahead); a resolved relative date ("in its twentieth
/// month") bounds it on both sides.
fn bound_by_date(w: &mut Window, d: &DateValue, quote: &str, sentence: &str) {
    let Some(from) = d.from else { return };
    if looks_ahead(sentence) {
        return;
    }
    if let (Some(basis), Some(to)) = (&d.basis, d.to) {
        w.within(
            Term { from, to: Some(to) },
            &format!("\"{quote}\": {basis}"),
        );
    } else {
        w.not_before(from, format!("mentions {quote}"));
    }
}

/// Someone called the holder of a KB office, as current: the article falls
/// in one of their terms in it (the latest the window still allows).
fn bound_by_holder(w: &mut Window, p: &PersonValue, kb: &Kb) {
    let (Some(Entity::Person(person)), Some(Entity::Office(office))) = (p.entity, p.office_entity)
    else {
        return;
    };
    let terms: Vec<Term> = kb
        .offices_of(person)
        .iter()
        .filter(|(o, _)| *o == office)
        .map(|&(o, h)| kb.offices[o as usize].holders[h as usize].term)
        .collect();
    let office_name = &kb.offices[office as usize].name;
    if let Some(term) = terms.iter().rev().find(|t| w.allows(**t)) {
        let why = format!(
            "calls {} {} (in office {})",
            p.name,
            p.role.as_deref().unwrap_or(office_name),
            describe(*term)
        );
        w.within(*term, &why);
    }
}

/// An administration spoken of as current ("the Obama administration
/// says"): the article falls in one of its terms.
fn bound_by_administration(w: &mut Window, o: &OfficeValue, kb: &Kb) {
    let Some(Entity::Administration(a)) = o.entity else {
        return;
    };
    let admin = &kb.administrations[a as usize];
    if let Some(term) = admin.terms.iter().rev().find(|t| w.allows(**t)) {
        let why = format!(
            "speaks of the {} as current ({})",
            admin.name,
            describe(*term)
        );
        w.within(*term, &why);
    }
}

/// A dated KB event the article names: it is not older than the event.
fn bound_by_events(w: &mut Window, article: &Article, kb: &Kb) {
    for block in &article.blocks {
        for hit in kb.scan(&article.text, block.range.clone()) {
            for e in &hit.entities {
                if let Entity::Event(i) = e {
                    let ev = &kb.events[*i as usize];
                    w.not_before(
                        ev.term.from,
                        format!("mentions {} (began {})", ev.name, ev.term.from),
                    );
                }
            }
        }
    }
}

fn describe(term: Term) -> String {
    match term.to {
        Some(to) => format!("{} to {}", term.from, to),
        None => format!("from {}", term.from),
    }
}

/// Whether a sentence speaks of the future, so its dates do not bound the
/// publication date from below.
fn looks_ahead(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        " will ",
        " scheduled ",
        " expected to ",
        " next ",
        " upcoming ",
        " due to ",
    ]
    .iter()
    .any(|w| lower.contains(w))
}
