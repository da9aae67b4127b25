//! Lookup tables over the KB: folded aliases, surnames, the offices each
//! person held, and a phrase table keyed by folded word sequences so an
//! article is matched word by word, leftmost-longest, in one pass.
//!
//! A table of word sequences builds in a few milliseconds where an
//! Aho-Corasick automaton over the same ten thousand aliases took tens, and
//! start-up time matters for a command-line tool.

use std::borrow::Cow;
use std::ops::Range;

use super::model::{Country, Entity, Kb, Person, leak, leak_str};
use crate::text::fold;
use crate::text::tokens::{Token, tokenize};

/// An alias found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub entities: Vec<Entity>,
}

/// A run of a flat table: `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span(pub u32, pub u32);

impl Span {
    fn range(self) -> Range<usize> {
        self.0 as usize..self.1 as usize
    }
}

/// What one phrase names: its entities, and each entity with the alias as
/// written (for case rules), as spans of the index's flat tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct PhraseAt {
    pub entities: Span,
    pub written: Span,
}

/// The lookup tables: flat tables and spans of them, so the embedded KB's
/// index is a few dozen pointers for the dynamic loader to relocate at
/// start, not one per alias.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Index {
    /// Folded surname → people, a span of `surname_people`.
    pub surnames: StrMap<Span>,
    pub surname_people: &'static [u32],
    /// Per person: every (office, holder) they held, a span of `holdings`.
    pub offices_of: &'static [Span],
    pub holdings: &'static [(u32, u32)],
    /// Folded words joined by spaces → what the phrase names.
    pub phrases: StrMap<PhraseAt>,
    pub phrase_entities: &'static [Entity],
    /// The aliases as written, with the entity each names.
    pub written: Strs,
    pub written_entities: &'static [Entity],
    /// Folded first word → the longest phrase (in words) starting with it.
    pub starts: StrMap<u32>,
}

/// A list of strings written end to end: one text and where each ends.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Strs {
    pub text: &'static str,
    pub ends: &'static [u32],
}

impl Strs {
    fn get(&self, i: usize) -> &'static str {
        nth(self.text, self.ends, i)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// String `i` of a text written end to end.
fn nth<'t>(text: &'t str, ends: &[u32], i: usize) -> &'t str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

/// A map from text, laid out so that `build.rs` can write it as a
/// `static`: keys and values in insertion order, and an open-addressing
/// table of slots (key number + 1; 0 is empty), a power of two in size and
/// at most half full. The layout depends only on the keys and their order.
#[derive(Debug, Default, PartialEq)]
pub(super) struct StrMap<V: 'static> {
    pub keys: Strs,
    pub values: &'static [V],
    pub slots: &'static [u32],
}

/// `FxHash`'s rotate-xor-multiply over the bytes, eight at a time: the same
/// on every platform, so a table laid out by `build.rs` works on any target.
fn hash(key: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mix = |h: u64, word: u64| (h.rotate_left(26) ^ word).wrapping_mul(K);
    let mut chunks = key.as_bytes().chunks_exact(8);
    let mut h = key.len() as u64;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let mut last = [0; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = mix(h, u64::from_le_bytes(last));
    h >> 32
}

/// Where `key` is among the keys (`text`, `ends`) of a slot table, or the
/// empty slot where it would go.
fn probe(text: &str, ends: &[u32], slots: &[u32], key: &str) -> Result<usize, usize> {
    let mask = slots.len() - 1;
    let mut i = hash(key) as usize & mask;
    loop {
        match slots[i] {
            0 => return Err(i),
            s if nth(text, ends, s as usize - 1) == key => return Ok(s as usize - 1),
            _ => i = (i + 1) & mask,
        }
    }
}

impl<V> StrMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        probe(self.keys.text, self.keys.ends, self.slots, key)
            .ok()
            .map(|i| &self.values[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        (0..self.keys.len()).map(|i| (self.keys.get(i), &self.values[i]))
    }
}

/// A [`StrMap`] while it is filled.
struct MapBuilder<V> {
    text: String,
    ends: Vec<u32>,
    values: Vec<V>,
    slots: Vec<u32>,
}

impl<V> MapBuilder<V> {
    /// An empty map with room for `n` keys.
    fn with_capacity(n: usize) -> Self {
        MapBuilder {
            text: String::with_capacity(8 * n),
            ends: Vec::with_capacity(n),
            values: Vec::with_capacity(n),
            slots: vec![0; (2 * n).next_power_of_two().max(8)],
        }
    }

    fn probe(&self, key: &str) -> Result<usize, usize> {
        probe(&self.text, &self.ends, &self.slots, key)
    }

    /// The number of `key`, inserted with `value` when new.
    fn index_or_insert(&mut self, key: &str, value: V) -> usize {
        match self.probe(key) {
            Ok(i) => i,
            Err(mut slot) => {
                let i = self.ends.len();
                if 2 * (i + 1) > self.slots.len() {
                    self.grow();
                    slot = self.probe(key).expect_err("a new key");
                }
                self.text.push_str(key);
                self.ends.push(self.text.len() as u32);
                self.values.push(value);
                self.slots[slot] = i as u32 + 1;
                i
            }
        }
    }

    fn grow(&mut self) {
        self.slots = vec![0; 2 * self.slots.len()];
        for i in 0..self.ends.len() {
            let key = nth(&self.text, &self.ends, i);
            let slot = self.probe(key).expect_err("keys are unique");
            self.slots[slot] = i as u32 + 1;
        }
    }

    fn value_mut(&mut self, i: usize) -> &mut V {
        &mut self.values[i]
    }

    /// The map, with `values` in place of the values it was filled with.
    fn finish_with<W>(self, values: Vec<W>) -> StrMap<W> {
        StrMap {
            keys: Strs {
                text: leak_str(self.text),
                ends: leak(self.ends),
            },
            values: leak(values),
            slots: leak(self.slots),
        }
    }

    fn finish(mut self) -> StrMap<V> {
        let values = std::mem::take(&mut self.values);
        self.finish_with(values)
    }
}

/// Items grouped by key number, flattened: the flat table and each
/// group's span of it.
fn flatten<T>(groups: Vec<Vec<T>>) -> (Vec<Span>, Vec<T>) {
    let mut flat = Vec::with_capacity(groups.iter().map(Vec::len).sum());
    let spans = groups
        .into_iter()
        .map(|g| {
            let start = flat.len() as u32;
            flat.extend(g);
            Span(start, flat.len() as u32)
        })
        .collect();
    (spans, flat)
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
        let mut starts = MapBuilder::with_capacity(aliases.len() / 2);
        let mut phrases = Phrases {
            keys: MapBuilder::with_capacity(aliases.len()),
            entities: Vec::new(),
            written: Vec::new(),
        };
        for ((alias, entity), (key, words)) in aliases.iter().zip(keys.into_iter().flatten()) {
            add_start(&mut starts, &key, words);
            phrases.add(alias, *entity, &key, words);
        }
        let (surnames, surname_people) = surnames(kb);
        let (offices_of, holdings) = offices_of(kb);
        Index {
            surnames,
            surname_people,
            offices_of,
            holdings,
            starts: starts.finish(),
            ..phrases.finish()
        }
    }

    /// Every (office, holder) of a person.
    pub fn offices_of(&self, person: u32) -> &[(u32, u32)] {
        self.offices_of
            .get(person as usize)
            .map_or(&[], |s| &self.holdings[s.range()])
    }

    /// The people with this folded surname.
    pub fn people_with_surname(&self, folded: &str) -> &[u32] {
        self.surnames
            .get(folded)
            .map_or(&[], |s| &self.surname_people[s.range()])
    }

    /// The entities of a phrase.
    pub fn entities(&self, phrase: PhraseAt) -> &[Entity] {
        &self.phrase_entities[phrase.entities.range()]
    }

    /// The aliases of a phrase as written, with the entity each names.
    fn written(&self, phrase: PhraseAt) -> impl Iterator<Item = (Entity, &str)> {
        phrase
            .written
            .range()
            .map(|i| (self.written_entities[i], self.written.get(i)))
    }

    /// The entities a phrase names, compared as folded words.
    pub fn resolve(&self, alias: &str) -> &[Entity] {
        let (key, _) = phrase_key(alias, &mut Vec::new());
        self.phrases.get(&key).map_or(&[], |&p| self.entities(p))
    }

    pub fn scan(&self, kb: &Kb, text: &str, range: Range<usize>) -> Vec<Hit> {
        let mut tokens = Vec::new();
        tokenize(text, range, &mut tokens);
        self.scan_tokens(kb, text, &tokens)
    }

    /// Leftmost-longest alias matches over already tokenized text.
    pub fn scan_tokens(&self, kb: &Kb, text: &str, tokens: &[Token]) -> Vec<Hit> {
        // The folded words joined by spaces, as phrase keys are: the key of
        // tokens i..j is then a slice, with nothing to build per lookup.
        let mut folded = String::with_capacity(text.len().min(16 * tokens.len()));
        let mut spans = Vec::with_capacity(tokens.len());
        for (k, t) in tokens.iter().enumerate() {
            if k > 0 {
                folded.push(' ');
            }
            let start = folded.len();
            push_folded(&mut folded, t.text(text));
            spans.push(start..folded.len());
        }
        let mut hits = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(kb, text, tokens, &folded, &spans, i) {
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
        folded: &str,
        spans: &[Range<usize>],
        i: usize,
    ) -> Option<(usize, Vec<Entity>)> {
        let longest = *self.starts.get(&folded[spans[i].clone()])? as usize;
        let mut best = None;
        for n in 1..=longest.min(tokens.len() - i) {
            let key = &folded[spans[i].start..spans[i + n - 1].end];
            let Some(&phrase) = self.phrases.get(key) else {
                continue;
            };
            let found = &text[tokens[i].start..tokens[i + n - 1].end];
            let mut entities: Vec<Entity> = self
                .written(phrase)
                .filter(|&(e, written)| case_fits(kb, e, written, found))
                .map(|(e, _)| e)
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

/// Notes the first word of a phrase of `words` words: the longest phrase
/// starting with each word.
fn add_start(starts: &mut MapBuilder<u32>, key: &str, words: usize) {
    let Some(first_end) = key.find(' ').or((words > 0).then_some(key.len())) else {
        return;
    };
    let s = starts.index_or_insert(&key[..first_end], 0);
    let longest = starts.value_mut(s);
    *longest = (*longest).max(words as u32);
}

/// Folded surname (and last word of the name) → the people, a span of the
/// flat table returned with it.
fn surnames(kb: &Kb) -> (StrMap<Span>, &'static [u32]) {
    let mut surnames = MapBuilder::with_capacity(2 * kb.people.len());
    let mut people: Vec<Vec<u32>> = Vec::new();
    for (i, p) in kb.people.iter().enumerate() {
        let mut names = vec![fold(p.surname)];
        if let Some(last) = p.name.split_whitespace().last() {
            names.push(fold(last));
        }
        names.dedup();
        for n in names {
            let s = surnames.index_or_insert(&n, ());
            if s == people.len() {
                people.push(Vec::new());
            }
            people[s].push(i as u32);
        }
    }
    let (spans, flat) = flatten(people);
    (surnames.finish_with(spans), leak(flat))
}

/// Per person, every (office, holder) they held: a span of the flat table
/// returned with it.
fn offices_of(kb: &Kb) -> (&'static [Span], &'static [(u32, u32)]) {
    let mut offices_of = vec![Vec::new(); kb.people.len()];
    for (o, office) in kb.offices.iter().enumerate() {
        for (h, holder) in office.holders.iter().enumerate() {
            offices_of[holder.person as usize].push((o as u32, h as u32));
        }
    }
    let (spans, flat) = flatten(offices_of);
    (leak(spans), leak(flat))
}

/// The phrase table while it is filled: per phrase, its entities and
/// written forms, flattened into the index at the end.
struct Phrases {
    keys: MapBuilder<()>,
    entities: Vec<Vec<Entity>>,
    written: Vec<Vec<(Entity, String)>>,
}

impl Phrases {
    /// Adds one alias of `entity`, as written, under its phrase key.
    fn add(&mut self, alias: &str, entity: Entity, key: &str, words: usize) {
        if words == 0 {
            return;
        }
        let p = self.keys.index_or_insert(key, ());
        if p == self.entities.len() {
            self.entities.push(Vec::new());
            self.written.push(Vec::new());
        }
        if !self.entities[p].contains(&entity) {
            self.entities[p].push(entity);
        }
        if !self.written[p]
            .iter()
            .any(|(e, w)| *e == entity && w == alias)
        {
            self.written[p].push((entity, alias.to_string()));
        }
    }

    /// The phrase tables of the index (the rest left empty).
    fn finish(self) -> Index {
        let (entities, phrase_entities) = flatten(self.entities);
        let (written, flat) = flatten(self.written);
        let mut text = String::new();
        let mut ends = Vec::with_capacity(flat.len());
        for (_, w) in &flat {
            text.push_str(w);
            ends.push(text.len() as u32);
        }
        let values = entities
            .into_iter()
            .zip(written)
            .map(|(entities, written)| PhraseAt { entities, written })
            .collect();
        Index {
            phrases: self.keys.finish_with(values),
            phrase_entities: leak(phrase_entities),
            written: Strs {
                text: leak_str(text),
                ends: leak(ends),
            },
            written_entities: leak(flat.iter().map(|&(e, _)| e).collect()),
            ..Index::default()
        }
    }
}

/// Whether the case of `found` in the text fits the alias as written:
/// acronyms and short aliases ("US", "IDF") must match exactly, proper
/// names must start with a capital, office titles may be in any case.
fn case_fits(_kb: &Kb, entity: Entity, written: &str, found: &str) -> bool {
    let mut letters = written.chars().filter(|c| c.is_alphabetic()).peekable();
    let acronym = letters.peek().is_some() && letters.all(char::is_uppercase);
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

/// A transliterated name varies word by word: a person known as "Muammar
/// Gaddafi" and "Moammar Gadhafi" is also written "Moammar Gaddafi". Two
/// two-word renderings whose given names and surnames are each a few
/// letters apart lend each other their words; a nickname or a kunya ("Abu
/// Mazen" beside "Mahmoud Abbas") is another name, not another spelling.
fn mixed_renderings(p: &Person) -> Vec<String> {
    let pairs: Vec<(&str, &str)> = std::iter::once(p.name)
        .chain(p.aliases.iter().copied())
        .filter_map(|n| {
            let mut words = n.split(' ');
            let pair = (words.next()?, words.next()?);
            words.next().is_none().then_some(pair)
        })
        .collect();
    // A letter or two in a word of several: "Aso" is not "Taro" written
    // otherwise, and a name in another alphabet is no spelling of it.
    let close = |a: &str, b: &str| {
        let latin = |w: &str| w.chars().all(|c| c < '\u{250}');
        let (fa, fb) = (fold(a), fold(b));
        let d = edits(&fa, &fb);
        d <= 2 && 3 * d <= fa.chars().count().min(fb.chars().count()) && latin(a) && latin(b)
    };
    let mut out = Vec::new();
    for (i, &(g1, s1)) in pairs.iter().enumerate() {
        for &(g2, s2) in &pairs[i + 1..] {
            if !(close(g1, g2) && close(s1, s2)) {
                continue;
            }
            for mixed in [(g1, s2), (g2, s1)] {
                if !pairs.contains(&mixed) {
                    out.push(format!("{} {}", mixed.0, mixed.1));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Levenshtein distance (the build script shares this file, without the
/// crates the library uses).
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Every (alias as written, entity) pair, generated office names included.
fn collect_aliases<'k>(kb: &'k Kb, add: &mut impl FnMut(Cow<'k, str>, Entity)) {
    for (i, c) in kb.countries.iter().enumerate() {
        let e = Entity::Country(i as u32);
        add(Cow::Borrowed(c.name), e);
        for a in c.aliases.iter().chain(c.short.iter()) {
            add(Cow::Borrowed(*a), e);
        }
        let d = Entity::Demonym(i as u32);
        for a in c.demonyms {
            add(Cow::Borrowed(*a), d);
        }
    }
    for (i, p) in kb.people.iter().enumerate() {
        let e = Entity::Person(i as u32);
        add(Cow::Borrowed(p.name), e);
        for a in p.aliases {
            add(Cow::Borrowed(*a), e);
        }
        for form in mixed_renderings(p) {
            add(Cow::Owned(form), e);
        }
    }
    for (i, o) in kb.offices.iter().enumerate() {
        let e = Entity::Office(i as u32);
        add(Cow::Borrowed(o.name), e);
        for a in o.aliases {
            add(Cow::Borrowed(*a), e);
        }
        if let Some(c) = o.country {
            for form in country_forms(&kb.countries[c as usize], o.title) {
                add(Cow::Owned(form), e);
            }
        }
    }
    for (i, o) in kb.organizations.iter().enumerate() {
        let e = Entity::Organization(i as u32);
        add(Cow::Borrowed(o.name), e);
        for a in o.aliases {
            add(Cow::Borrowed(*a), e);
        }
    }
    for (i, p) in kb.places.iter().enumerate() {
        let e = Entity::Place(i as u32);
        add(Cow::Borrowed(p.name), e);
        for a in p.aliases {
            add(Cow::Borrowed(*a), e);
        }
    }
    for (i, ev) in kb.events.iter().enumerate() {
        let e = Entity::Event(i as u32);
        add(Cow::Borrowed(ev.name), e);
        for a in ev.aliases {
            add(Cow::Borrowed(*a), e);
        }
    }
    for (i, a) in kb.administrations.iter().enumerate() {
        add(Cow::Borrowed(a.name), Entity::Administration(i as u32));
    }
}

/// "Israeli Prime Minister", "Prime Minister of Israel", "Israel's Prime
/// Minister", "U.S. President", …
fn country_forms(country: &Country, title: &str) -> Vec<String> {
    let mut forms = Vec::new();
    for adj in country.demonyms.iter().chain(country.short.iter()) {
        forms.push(format!("{adj} {title}"));
    }
    for name in std::iter::once(&country.name).chain(country.aliases.iter()) {
        forms.push(format!("{title} of {name}"));
        forms.push(format!("{title} of the {name}"));
        forms.push(format!("{name}'s {title}"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::{Person, mixed_renderings};

    #[test]
    fn spellings_mix_word_by_word_and_other_names_do_not() {
        let p = Person {
            id: "p",
            name: "Muammar Gaddafi",
            aliases: &["Moammar Gadhafi", "Abu Minyar", "Taro Aso", "Aso Taro"],
            surname: "",
        };
        assert_eq!(
            mixed_renderings(&p),
            ["Moammar Gaddafi", "Muammar Gadhafi"],
            "a name that is no spelling of another ('Abu Minyar'), and a name written family first, lend nothing"
        );
    }
}
