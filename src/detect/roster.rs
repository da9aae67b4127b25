//! The story's roster: every person it names in full, gathered across all
//! articles, with every mention of each rendering (full names and the bare
//! surnames that refer back to them). Names are judged against the roster
//! rather than inside aligned sentence pairs, so a rendering that one source
//! uses throughout is weighed against every other source, whatever sentence
//! it sits in.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::spelling::{Likeness, given_key, name_words, words_likeness};
use crate::extract::{PersonValue, Value};
use crate::kb::Entity;
use crate::model::ArticleAnalysis;

/// One way the story writes one name.
pub struct Rendering<'a> {
    /// As first written.
    pub name: &'a str,
    /// The words that identify it (see `spelling::name_words`).
    pub words: Vec<String>,
    /// The KB person, when the rendering is a known form.
    pub entity: Option<Entity>,
    /// The roles or titles its mentions carry ("Secretary of State").
    pub roles: Vec<&'a str>,
    /// Whether a mention is in a KB office: the office-holder rules judge
    /// those names.
    pub in_office: bool,
    /// (article, mention index) of every mention, in story order.
    pub mentions: Vec<(usize, usize)>,
}

impl Rendering<'_> {
    /// The articles that use this rendering, in order, once each.
    #[must_use]
    pub fn articles(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.mentions.iter().map(|m| m.0).collect();
        out.dedup();
        out
    }
}

/// Confirms, in every article, the unconfirmed name runs that another
/// article of the story names as a person, in the same or a slipped
/// spelling under one given name ("Leelah Alccorn" where others write
/// "Leelah Alcorn"): a misspelt surname is no reason for the name to go
/// unseen.
pub fn confirm_names(articles: &mut [ArticleAnalysis]) {
    // Each article's full names are split into words on every core; the
    // table is then filled in article order, as it was on one.
    let named: Vec<Vec<(String, Vec<String>)>> = articles
        .par_iter()
        .map(|a| {
            a.mentions
                .iter()
                .filter_map(|m| {
                    let Value::Person(p) = &m.value else {
                        return None;
                    };
                    let words = name_words(&p.name);
                    if words.len() < 2 {
                        return None;
                    }
                    Some((given_key(&words)?, words))
                })
                .collect()
        })
        .collect();
    let mut by_given: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
    for (key, words) in named.into_iter().flatten() {
        let known = by_given.entry(key).or_default();
        if !known.contains(&words) {
            known.push(words);
        }
    }
    // Each article's unconfirmed names are looked up on every core: the
    // articles are independent once the table is filled.
    articles.par_iter_mut().for_each(|a| {
        let runs = std::mem::take(&mut a.unconfirmed_names);
        let mut added = false;
        for (range, sentence) in runs {
            let name = &a.article.text[range.clone()];
            let words = name_words(name);
            let named = given_key(&words)
                .and_then(|key| by_given.get(&key))
                .is_some_and(|known| {
                    // The same words, or a slip: not a longer name that
                    // merely holds these words ("Independent Women").
                    known.iter().any(|k| {
                        *k == words || matches!(words_likeness(&words, k), Likeness::Misspelled(_))
                    })
                });
            if named {
                a.mentions
                    .push(crate::extract::bare_person(range, sentence, name));
                added = true;
            } else {
                a.unconfirmed_names.push((range, sentence));
            }
        }
        if added {
            crate::extract::sort_mentions(&mut a.mentions);
        }
    });
}

/// Every full-name rendering of the story.
pub struct Roster<'a> {
    pub renderings: Vec<Rendering<'a>>,
}

impl<'a> Roster<'a> {
    #[must_use]
    pub fn of(articles: &'a [ArticleAnalysis]) -> Self {
        let mut renderings: Vec<Rendering<'a>> = Vec::new();
        let mut by_words: FxHashMap<Vec<String>, usize> = FxHashMap::default();
        for (ai, a) in articles.iter().enumerate() {
            // Where each full-name mention went, for the surnames linked to it.
            let mut placed: FxHashMap<usize, usize> = FxHashMap::default();
            for (mi, m) in a.mentions.iter().enumerate() {
                let Value::Person(p) = &m.value else { continue };
                let target = match p.linked_to {
                    Some(full) => placed.get(&full).copied(),
                    None => full_rendering(p).map(|words| {
                        *by_words.entry(words.clone()).or_insert_with(|| {
                            renderings.push(Rendering {
                                name: &p.name,
                                words,
                                entity: p.entity,
                                roles: Vec::new(),
                                in_office: false,
                                mentions: Vec::new(),
                            });
                            renderings.len() - 1
                        })
                    }),
                };
                let Some(r) = target else { continue };
                placed.insert(mi, r);
                let rendering = &mut renderings[r];
                rendering.mentions.push((ai, mi));
                if let Some(role) = &p.role {
                    rendering.roles.push(role);
                }
                rendering.in_office |= p.office_entity.is_some();
                rendering.entity = rendering.entity.or(p.entity);
            }
        }
        Self { renderings }
    }

    /// The renderings grouped by given name (nicknames together): only
    /// names under one given name can be one person misspelled.
    #[must_use]
    pub fn by_given_name(&self) -> Vec<Vec<usize>> {
        let mut groups: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, r) in self.renderings.iter().enumerate() {
            if let Some(key) = given_key(&r.words) {
                groups.entry(key).or_default().push(i);
            }
        }
        let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        out.sort_unstable();
        out
    }
}

/// The identifying words of a full name: at least a given name and a
/// surname once honorifics and initials are set aside. A name with digits
/// is none to compare ("Joe Galvin04", glued to a live blog's clock).
fn full_rendering(p: &PersonValue) -> Option<Vec<String>> {
    if p.name.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = name_words(&p.name);
    (words.len() >= 2).then_some(words)
}
