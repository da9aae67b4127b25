//! Lookup tables over the KB: folded aliases, surnames, the offices each
//! person held, and a phrase table keyed by folded word sequences so an
//! article is matched word by word, leftmost-longest, in one pass.
//!
//! A table of word sequences builds in a few milliseconds where an
//! Aho-Corasick automaton over the same ten thousand aliases took tens, and
//! start-up time matters for a command-line tool.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{Entity, Kb};
use crate::text::fold;
use crate::text::tokens::{Token, tokenize};

/// An alias found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub entities: Vec<Entity>,
}

/// The entities one phrase names, and how each wrote it (for case rules).
#[derive(Debug, Default)]
pub(super) struct Phrase {
    pub entities: Vec<Entity>,
    written: Vec<(Entity, String)>,
}

#[derive(Debug, Default)]
pub(super) struct Index {
    pub surnames: FxHashMap<String, Vec<u32>>,
    pub offices_of: FxHashMap<u32, Vec<(u32, u32)>>,
    /// Folded words joined by spaces → what the phrase names.
    pub phrases: FxHashMap<String, Phrase>,
    /// Folded first word → the longest phrase (in words) starting with it.
    starts: FxHashMap<String, usize>,
}

/// Appends the folded form of a word to `key` without allocating for ASCII.
fn push_folded(key: &mut String, word: &str) {
    if word.is_ascii() {
        let from = key.len();
        key.push_str(word);
        key[from..].make_ascii_lowercase();
    } else {
        key.push_str(&fold(word));
    }
}

/// The lookup key of a phrase: its folded words, as the article tokenizer
/// splits them, joined by spaces. Returns the key and the word count.
#[must_use]
pub fn phrase_key(text: &str, tokens: &mut Vec<Token>) -> (String, usize) {
    tokens.clear();
    tokenize(text, 0..text.len(), tokens);
    let mut key = String::with_capacity(text.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        push_folded(&mut key, t.text(text));
    }
    (key, tokens.len())
}

impl Index {
    pub fn build(kb: &Kb) -> Index {
        // Most entities have a few aliases, offices some dozen generated
        // forms: room for them at once rather than growing step by step.
        let mut aliases =
            Vec::with_capacity(4 * (kb.people.len() + kb.places.len()) + 40 * kb.offices.len());
        collect_aliases(kb, &mut |alias, entity| aliases.push((alias, entity)));
        // Splitting and folding every alias is most of the work: the cores
        // share it, and the table is then filled in alias order.
        let chunk = aliases.len().div_ceil(8).max(1);
        let keys = crate::par::map(aliases.chunks(chunk).collect(), |part| {
            let mut tokens = Vec::new();
            part.iter()
                .map(|(alias, _)| phrase_key(alias, &mut tokens))
                .collect::<Vec<_>>()
        });
        let mut index = Index::default();
        index.phrases.reserve(aliases.len());
        index.starts.reserve(aliases.len() / 2);
        for ((alias, entity), (key, words)) in aliases.iter().zip(keys.into_iter().flatten()) {
            index.add(alias, *entity, key, words);
        }
        for (i, p) in kb.people.iter().enumerate() {
            let mut names = vec![fold(&p.surname)];
            if let Some(last) = p.name.split_whitespace().last() {
                names.push(fold(last));
            }
            names.dedup();
            for n in names {
                index.surnames.entry(n).or_default().push(i as u32);
            }
        }
        for (o, office) in kb.offices.iter().enumerate() {
            for (h, holder) in office.holders.iter().enumerate() {
                index
                    .offices_of
                    .entry(holder.person)
                    .or_default()
                    .push((o as u32, h as u32));
            }
        }
        index
    }

    /// Adds one alias of `entity`, as written, under its phrase key.
    fn add(&mut self, alias: &str, entity: Entity, key: String, words: usize) {
        let Some(first_end) = key.find(' ').or((words > 0).then_some(key.len())) else {
            return;
        };
        // Most first words are already there: look before allocating.
        match self.starts.get_mut(&key[..first_end]) {
            Some(longest) => *longest = (*longest).max(words),
            None => {
                self.starts.insert(key[..first_end].to_string(), words);
            }
        }
        let phrase = self.phrases.entry(key).or_default();
        if !phrase.entities.contains(&entity) {
            phrase.entities.push(entity);
        }
        if !phrase
            .written
            .iter()
            .any(|(e, w)| *e == entity && w == alias)
        {
            phrase.written.push((entity, alias.to_string()));
        }
    }

    /// The entities a phrase names, compared as folded words.
    pub fn resolve(&self, alias: &str) -> &[Entity] {
        let (key, _) = phrase_key(alias, &mut Vec::new());
        self.phrases
            .get(&key)
            .map_or(&[], |p| p.entities.as_slice())
    }

    pub fn scan(&self, kb: &Kb, text: &str, range: Range<usize>) -> Vec<Hit> {
        let mut tokens = Vec::new();
        tokenize(text, range, &mut tokens);
        self.scan_tokens(kb, text, &tokens)
    }

    /// Leftmost-longest alias matches over already tokenized text.
    pub fn scan_tokens(&self, kb: &Kb, text: &str, tokens: &[Token]) -> Vec<Hit> {
        let folded: Vec<String> = tokens
            .iter()
            .map(|t| {
                let mut w = String::new();
                push_folded(&mut w, t.text(text));
                w
            })
            .collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(kb, text, tokens, &folded, i) {
                Some((n, entities)) => {
                    hits.push(Hit {
                        range: tokens[i].start..tokens[i + n - 1].end,
                        entities,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        hits
    }

    fn longest_at(
        &self,
        kb: &Kb,
        text: &str,
        tokens: &[Token],
        folded: &[String],
        i: usize,
    ) -> Option<(usize, Vec<Entity>)> {
        let &longest = self.starts.get(&folded[i])?;
        let mut key = String::new();
        let mut best = None;
        for n in 1..=longest.min(tokens.len() - i) {
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&folded[i + n - 1]);
            let Some(entries) = self.phrases.get(&key) else {
                continue;
            };
            let found = &text[tokens[i].start..tokens[i + n - 1].end];
            let mut entities: Vec<Entity> = entries
                .written
                .iter()
                .filter(|(e, written)| case_fits(kb, *e, written, found))
                .map(|(e, _)| *e)
                .collect();
            entities.sort();
            entities.dedup();
            if !entities.is_empty() {
                best = Some((n, entities));
            }
        }
        best
    }
}

/// Whether the case of `found` in the text fits the alias as written:
/// acronyms and short aliases ("US", "IDF") must match exactly, proper
/// names must start with a capital, office titles may be in any case.
fn case_fits(_kb: &Kb, entity: Entity, written: &str, found: &str) -> bool {
    let letters: String = written.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = !letters.is_empty() && letters.chars().all(char::is_uppercase);
    if acronym || written.chars().count() <= 4 {
        return found == written;
    }
    if matches!(
        entity,
        Entity::Office(_) | Entity::Event(_) | Entity::Administration(_)
    ) {
        return true;
    }
    let first_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    !first_upper(written) || first_upper(found)
}

/// Every (alias as written, entity) pair, generated office names included.
fn collect_aliases<'k>(kb: &'k Kb, add: &mut impl FnMut(Cow<'k, str>, Entity)) {
    for (i, c) in kb.countries.iter().enumerate() {
        let e = Entity::Country(i as u32);
        add(Cow::Borrowed(&c.name), e);
        for a in c.aliases.iter().chain(&c.short) {
            add(Cow::Borrowed(a), e);
        }
        let d = Entity::Demonym(i as u32);
        for a in &c.demonyms {
            add(Cow::Borrowed(a), d);
        }
    }
    for (i, p) in kb.people.iter().enumerate() {
        let e = Entity::Person(i as u32);
        add(Cow::Borrowed(&p.name), e);
        for a in &p.aliases {
            add(Cow::Borrowed(a), e);
        }
    }
    for (i, o) in kb.offices.iter().enumerate() {
        let e = Entity::Office(i as u32);
        add(Cow::Borrowed(&o.name), e);
        for a in &o.aliases {
            add(Cow::Borrowed(a), e);
        }
        if let Some(c) = o.country {
            for form in country_forms(&kb.countries[c as usize], &o.title) {
                add(Cow::Owned(form), e);
            }
        }
    }
    for (i, o) in kb.organizations.iter().enumerate() {
        let e = Entity::Organization(i as u32);
        add(Cow::Borrowed(&o.name), e);
        for a in &o.aliases {
            add(Cow::Borrowed(a), e);
        }
    }
    for (i, p) in kb.places.iter().enumerate() {
        let e = Entity::Place(i as u32);
        add(Cow::Borrowed(&p.name), e);
        for a in &p.aliases {
            add(Cow::Borrowed(a), e);
        }
    }
    for (i, ev) in kb.events.iter().enumerate() {
        let e = Entity::Event(i as u32);
        add(Cow::Borrowed(&ev.name), e);
        for a in &ev.aliases {
            add(Cow::Borrowed(a), e);
        }
    }
    for (i, a) in kb.administrations.iter().enumerate() {
        add(Cow::Borrowed(&a.name), Entity::Administration(i as u32));
    }
}

/// "Israeli Prime Minister", "Prime Minister of Israel", "Israel's Prime
/// Minister", "U.S. President", …
fn country_forms(country: &super::Country, title: &str) -> Vec<String> {
    let mut forms = Vec::new();
    for adj in country.demonyms.iter().chain(&country.short) {
        forms.push(format!("{adj} {title}"));
    }
    for name in std::iter::once(&country.name).chain(&country.aliases) {
        forms.push(format!("{title} of {name}"));
        forms.push(format!("{title} of the {name}"));
        forms.push(format!("{name}'s {title}"));
    }
    forms
}
