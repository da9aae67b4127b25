//! People, offices, organisations and places.
//!
//! KB aliases are found in one pass (see `kb::index`); around them the rules
//! here read role phrases ("Israeli Prime Minister Benjamin
//! Netanyahu"), capitalised name sequences, and bare surnames that refer
//! back to a full name.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::speech::is_speech_verb;
use super::words::{
    has_word, is_given_name, is_org_word, is_person_noun, is_place_word, is_stop, titles_starting,
};
use super::{
    Context, Mention, MentionKind, NamedValue, OfficeValue, PersonValue, Sentence, Tense, Value,
};
use crate::kb::{Entity, Kb};
use crate::lexicon::Lexicon;
use crate::text::fold;
use crate::text::tokens::{Kind, is_capitalised};

/// What the article has said about people so far.
#[derive(Default)]
pub struct People {
    /// Single capitalised words that may be a surname met elsewhere.
    candidates: Vec<(Range<usize>, usize)>,
    /// Runs of two or three capitalised words with nothing to mark them
    /// as a person's name ("Humphrey Khoza"): they are one if the article
    /// later names them by the last word alone ("Khoza said").
    pending: Vec<(Range<usize>, usize)>,
}

/// A role phrase: "Israeli Prime Minister", "U.S. Special Envoy for the
/// Middle East", "former Defense Minister".
struct RolePhrase {
    first: usize,
    last: usize,
    office: Option<Entity>,
    former: bool,
}

/// Particles that may sit inside a name: "Mohammed bin Salman".
static PARTICLES: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/name-particles.txt"));
    let inside = lex.section("inside a name").expect("name-particles.txt");
    inside.entries().collect()
});

/// Words that mark what follows as no longer current.
const FORMER: &[&str] = &["former", "ex", "late", "then", "erstwhile", "previous"];

pub fn extract(s: &mut Sentence, ctx: &Context, people: &mut People, out: &mut Vec<Mention>) {
    let mut i = 0;
    while i < s.tokens.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        let next = role_and_name(s, ctx.kb, i, out)
            .or_else(|| known_entity(s, ctx.kb, i, out))
            .or_else(|| name_run(s, ctx.kb, i, people, out));
        i = next.unwrap_or(i + 1);
    }
}

/// The hit that starts at token `i`, if any.
fn hit_at<'a>(s: &'a Sentence, i: usize) -> Option<&'a crate::kb::Hit> {
    let start = s.tokens.get(i)?.start;
    s.hits.iter().find(|h| h.range.start == start)
}

/// The token index just after a hit.
fn after_hit(s: &Sentence, hit: &crate::kb::Hit) -> Option<usize> {
    s.token_ending(hit.range.end).map(|t| t + 1)
}

fn first_of<F: Fn(Entity) -> bool>(entities: &[Entity], f: F) -> Option<Entity> {
    entities.iter().copied().find(|e| f(*e))
}

fn is_office(e: Entity) -> bool {
    matches!(e, Entity::Office(_))
}

fn is_country(e: Entity) -> bool {
    matches!(e, Entity::Country(_) | Entity::Demonym(_))
}

/// A role phrase starting at token `i`.
fn role_at(s: &Sentence, _kb: &Kb, i: usize) -> Option<RolePhrase> {
    let mut j = i;
    let former =
        s.is(j, FORMER) && !s.is(j, &["then"]) || s.is(j, &["then"]) && s.is(j + 1, &["-"]);
    if former {
        j += if s.is(j + 1, &["-"]) { 2 } else { 1 };
    }
    let start = j;
    // "Israeli Prime Minister" is one KB alias; "U.S." + "Special Envoy for
    // the Middle East" is a country then an office.
    if let Some(hit) = hit_at(s, j) {
        if let Some(office) = first_of(&hit.entities, is_office) {
            let last = after_hit(s, hit)? - 1;
            return Some(RolePhrase {
                first: i,
                last,
                office: Some(office),
                former,
            });
        }
        if first_of(&hit.entities, is_country).is_some() {
            let mut k = after_hit(s, hit)?;
            if s.tokens.get(k).is_some_and(|t| t.kind == Kind::Possessive) {
                k += 1;
            }
            if let Some(inner) = hit_at(s, k)
                && let Some(office) = first_of(&inner.entities, is_office)
            {
                let last = after_hit(s, inner)? - 1;
                return Some(RolePhrase {
                    first: i,
                    last,
                    office: Some(office),
                    former,
                });
            }
            if let Some(last) = title_at(s, k) {
                return Some(RolePhrase {
                    first: i,
                    last,
                    office: None,
                    former,
                });
            }
            return None;
        }
        // "Hamas spokesman", "IDF chief": an organisation and a title.
        if hit
            .entities
            .iter()
            .any(|e| matches!(e, Entity::Organization(_)))
        {
            let k = after_hit(s, hit)?;
            if let Some(last) = title_at(s, k) {
                return Some(RolePhrase {
                    first: i,
                    last,
                    office: None,
                    former,
                });
            }
        }
    }
    let last = title_at(s, start)?;
    Some(RolePhrase {
        first: i,
        last,
        office: None,
        former,
    })
}

/// The last token of a generic title starting at `i` ("Foreign Minister").
fn title_at(s: &Sentence, i: usize) -> Option<usize> {
    titles_starting(s.word(i)).iter().find_map(|title| {
        let n = title.len();
        let fits = (0..n).all(|k| s.word(i + k).eq_ignore_ascii_case(&title[k]))
            || title_with_dot(s, i, title);
        fits.then(|| {
            i + n - 1
                + usize::from(title.last().is_some_and(|w| w.ends_with('.')) && s.is(i + n, &["."]))
        })
    })
}

/// "Gen." is tokenized as "Gen" + "."; match such titles too.
fn title_with_dot(s: &Sentence, i: usize, title: &[String]) -> bool {
    title.len() == 1
        && title[0].ends_with('.')
        && s.word(i)
            .eq_ignore_ascii_case(title[0].trim_end_matches('.'))
        && s.is(i + 1, &["."])
}

/// Whether token `i` can be part of a name.
fn name_word(s: &Sentence, i: usize) -> bool {
    let Some(t) = s.tokens.get(i) else {
        return false;
    };
    let w = s.word(i);
    t.kind == Kind::Word
        && is_capitalised(w)
        && crate::text::dates::month(w).is_none()
        && crate::text::dates::weekday(w).is_none()
        && !is_stop(w)
        && !s.taken[i]
}

/// A surname written with its particle in one word, the particle in lower
/// case: "Bashar al-Assad", "Abdel Fattah el-Sisi". It goes on a name
/// already begun; it begins none.
fn joined_particle(s: &Sentence, k: usize) -> bool {
    let Some(t) = s.tokens.get(k) else {
        return false;
    };
    let w = s.word(k);
    t.kind == Kind::Word
        && !s.taken[k]
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && particle_joined(w)
        && w.split_once('-')
            .is_some_and(|(_, rest)| is_capitalised(rest))
}

/// Whether a word is a surname with its particle joined ("al-Assad",
/// "el-sisi"): a name transliterated, which outlets spell many ways.
#[must_use]
pub fn particle_joined(word: &str) -> bool {
    word.split_once('-')
        .is_some_and(|(particle, rest)| !rest.is_empty() && has_word(&PARTICLES, particle))
}

/// "Theresa May", "Brian May": a month name right after a given name is a
/// surname, as the date reader agrees (`extract::dates`).
fn surname_month(s: &Sentence, k: usize) -> bool {
    k > 0
        && !s.taken[k]
        && s.tokens.get(k).is_some_and(|t| t.kind == Kind::Word)
        && crate::text::dates::month(s.word(k)).is_some()
        && is_capitalised(s.word(k))
        && is_given_name(s.word(k - 1))
}

/// The capitalised name that starts at `i`: its last token.
fn name_end(s: &Sentence, i: usize) -> Option<usize> {
    if !name_word(s, i) {
        return None;
    }
    let mut last = i;
    let mut k = i + 1;
    while k < s.tokens.len() && k - i < 6 {
        if name_word(s, k) || surname_month(s, k) {
            last = k;
            k += 1;
        } else if s.is(k, &["."]) && s.word(k - 1).len() == 1 {
            // An initial: "Donald J. Trump".
            k += 1;
        } else if has_word(&PARTICLES, s.word(k)) && name_word(s, k + 1) {
            k += 1;
        } else if joined_particle(s, k) {
            last = k;
            k += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// A role phrase followed by a name, or an office named alone.
fn role_and_name(s: &mut Sentence, kb: &Kb, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let mut role = role_at(s, kb, i)?;
    if role.office.is_none()
        && let Some(last) = portfolio_before_known_name(s, kb, role.last + 1)
    {
        role.last = last;
    }
    // Honorifics after the role belong to it: "Qatari Prime Minister Sheikh
    // Mohammed …".
    let mut name_first = role.last + 1;
    while let Some(last) = title_at(s, name_first) {
        name_first = last + 1;
    }
    let Some(name_last) = name_end(s, name_first) else {
        // "the U.S. president has suspended …": the office alone.
        let office = role.office?;
        let value = OfficeValue {
            name: kb.name(office).to_string(),
            kb: Some(kb.id(office).to_string()),
            form: "office",
            former: role.former,
            tense: tense_after(s, role.last + 1),
            entity: Some(office),
        };
        push(
            s,
            out,
            MentionKind::Office,
            role.first,
            role.last,
            Value::Office(value),
        );
        return Some(role.last + 1);
    };
    let name = s.text[s.span(name_first, name_last)].to_string();
    let entity = person_entity(kb, &name);
    // A rank written before the role ("deputy press secretary Sarah
    // Huckabee Sanders") makes it another office: it is kept in the role's
    // text so that the title is not read as the office itself.
    let mut first = first_role_word(s, &role);
    if first > 0 && s.is(first - 1, RANKS) {
        first -= 1;
    }
    let role_text = s.text[s.span(first, name_first - 1)].to_string();
    let office = role
        .office
        .or_else(|| entity.and_then(|p| office_by_title(kb, p, &role_text)));
    let value = PersonValue {
        kb: entity.map(|e| kb.id(e).to_string()),
        name,
        role: Some(role_text),
        office: office.map(|o| kb.id(o).to_string()),
        former: role.former || former_before(s, role.first),
        tense: tense_after(s, name_last + 1),
        linked_to: None,
        entity,
        office_entity: office,
    };
    push(
        s,
        out,
        MentionKind::Person,
        role.first,
        name_last,
        Value::Person(value),
    );
    Some(name_last + 1)
}

/// "Secretary of Homeland Security Jeh Johnson", "Minister of Foreign
/// Affairs Sameh Shoukry": a title's portfolio runs into the name in one
/// capitalised run. It ends where the rest of the run is a person the KB
/// knows: its last token. Unknown people are left as they were, since
/// only the KB can tell "Homeland Security" from a given name.
fn portfolio_before_known_name(s: &Sentence, kb: &Kb, of: usize) -> Option<usize> {
    if !s.is(of, &["of"]) {
        return None;
    }
    let mut k = of + 1;
    if s.is(k, &["the"]) {
        k += 1;
    }
    let mut last = None;
    while k < s.tokens.len() && k - of < 8 {
        if s.is(k, &["and", "for"]) {
            k += 1;
            continue;
        }
        if !name_word(s, k) {
            return None;
        }
        if let Some(end) = last.and_then(|_| name_end(s, k))
            && person_entity(kb, &s.text[s.span(k, end)]).is_some()
        {
            return last;
        }
        last = Some(k);
        k += 1;
    }
    None
}

/// The first token of the role proper, after "former".
fn first_role_word(s: &Sentence, role: &RolePhrase) -> usize {
    let mut k = role.first;
    while k < role.last && (s.is(k, FORMER) || s.is(k, &["-"])) {
        k += 1;
    }
    k
}

/// The KB person a written name is, if it is a known rendering.
fn person_entity(kb: &Kb, name: &str) -> Option<Entity> {
    let found = kb.resolve(name);
    let people: Vec<Entity> = found
        .iter()
        .copied()
        .filter(|e| matches!(e, Entity::Person(_)))
        .collect();
    (people.len() == 1).then(|| people[0])
}

/// Words that make a title another, lower office: "Vice President",
/// "deputy press secretary".
const RANKS: &[&str] = &["vice", "deputy", "assistant", "under", "associate"];

/// For "President Donald Trump": the office with that title the person held.
fn office_by_title(kb: &Kb, person: Entity, title: &str) -> Option<Entity> {
    let Entity::Person(p) = person else {
        return None;
    };
    let title = fold(title);
    // The longest office title the role ends with, word for word: "Vice
    // President Biden" is the vice-presidency, not the presidency.
    let (office, rest) = kb
        .offices_of(p)
        .iter()
        .filter_map(|&(o, _)| {
            let full = fold(kb.offices[o as usize].title);
            if let Some(rest) = title.strip_suffix(&full) {
                return (rest.is_empty() || rest.ends_with([' ', '-'])).then_some((o, rest));
            }
            // A title told without its first words ("Press Secretary Sean
            // Spicer" for the White House Press Secretary): two words or
            // more, so "Minister" alone names no office.
            (title.contains(' ') && full.ends_with(&format!(" {title}"))).then_some((o, ""))
        })
        .min_by_key(|(_, rest)| rest.len())?;
    // A rank before the title makes it another office the KB may not hold.
    let rank = rest
        .trim_end_matches([' ', '-'])
        .rsplit([' ', '-'])
        .next()
        .is_some_and(|w| RANKS.contains(&w));
    (!rank).then_some(Entity::Office(office))
}

/// A KB alias at `i` that is not a person with a role.
fn known_entity(s: &mut Sentence, kb: &Kb, i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let hit = hit_at(s, i)?.clone();
    let last = after_hit(s, &hit)? - 1;
    if let Some(p) = first_of(&hit.entities, |e| matches!(e, Entity::Person(_))) {
        // A known person without a role.
        let name = s.text[hit.range.clone()].to_string();
        let value = PersonValue {
            name,
            kb: Some(kb.id(p).to_string()),
            role: None,
            office: None,
            former: former_before(s, i),
            tense: tense_after(s, last + 1),
            linked_to: None,
            entity: Some(p),
            office_entity: None,
        };
        push(s, out, MentionKind::Person, i, last, Value::Person(value));
        return Some(last + 1);
    }
    let entity = hit.entities[0];
    let (kind, value) = match entity {
        Entity::Administration(a) => {
            let form = if kb.administrations[a as usize].id.ends_with("government") {
                "government"
            } else {
                "administration"
            };
            let v = OfficeValue {
                name: kb.name(entity).to_string(),
                kb: Some(kb.id(entity).to_string()),
                form,
                former: former_before(s, i) || era_suffix(s, last),
                tense: tense_after(s, last + 1),
                entity: Some(entity),
            };
            (MentionKind::Office, Value::Office(v))
        }
        Entity::Office(_) => {
            let v = OfficeValue {
                name: kb.name(entity).to_string(),
                kb: Some(kb.id(entity).to_string()),
                form: "office",
                former: former_before(s, i),
                tense: tense_after(s, last + 1),
                entity: Some(entity),
            };
            (MentionKind::Office, Value::Office(v))
        }
        Entity::Organization(o) if kb.organizations[o as usize].kind == "government-body" => {
            let first = possessive_country_before(s, i).unwrap_or(i);
            let v = OfficeValue {
                name: kb.name(entity).to_string(),
                kb: Some(kb.id(entity).to_string()),
                form: "body",
                former: false,
                tense: tense_after(s, last + 1),
                entity: Some(entity),
            };
            push(s, out, MentionKind::Office, first, last, Value::Office(v));
            return Some(last + 1);
        }
        Entity::Organization(_) => (MentionKind::Organization, named(kb, entity)),
        Entity::Place(_) | Entity::Country(_) => {
            if let Some(next) = country_government(s, kb, i, last, entity, out) {
                return Some(next);
            }
            (MentionKind::Place, named(kb, entity))
        }
        Entity::Demonym(_) => {
            return country_government(s, kb, i, last, entity, out);
        }
        Entity::Event(_) => return None,
        Entity::Person(_) => unreachable!("handled above"),
    };
    push(s, out, kind, i, last, value);
    Some(last + 1)
}

/// "the Israeli government", "the U.S. administration": an office mention.
fn country_government(
    s: &mut Sentence,
    kb: &Kb,
    i: usize,
    last: usize,
    country: Entity,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let k = last
        + 1
        + usize::from(
            s.tokens
                .get(last + 1)
                .is_some_and(|t| t.kind == Kind::Possessive),
        );
    if !s.is(
        k,
        &["government", "administration", "cabinet", "leadership"],
    ) {
        return None;
    }
    let form = if s.is(k, &["administration"]) {
        "administration"
    } else {
        "government"
    };
    let name = format!("{} {}", kb.name(country), s.lower(k));
    let v = OfficeValue {
        name,
        kb: None,
        form,
        former: former_before(s, i),
        tense: tense_after(s, k + 1),
        entity: None,
    };
    push(s, out, MentionKind::Office, i, k, Value::Office(v));
    Some(k + 1)
}

/// "Israel's" before a governing body: the start of "Israel's Security Cabinet".
fn possessive_country_before(s: &Sentence, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    if s.tokens[p].kind != Kind::Possessive {
        return None;
    }
    let end = s.tokens[p].start;
    let hit = s
        .hits
        .iter()
        .find(|h| h.range.end == end && h.entities.iter().any(|e| is_country(*e)))?;
    let first = s.token_at(hit.range.start)?;
    (!s.taken[first]).then_some(first)
}

fn named(kb: &Kb, entity: Entity) -> Value {
    Value::Named(NamedValue {
        name: kb.name(entity).to_string(),
        kb: Some(kb.id(entity).to_string()),
        entity: Some(entity),
    })
}

/// A capitalised sequence: a person, an unknown organisation or place, or a
/// possible surname.
fn name_run(
    s: &mut Sentence,
    kb: &Kb,
    i: usize,
    people: &mut People,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let mut first = i;
    // A count opening a sentence is no part of a name: "Two Kenya Wildlife
    // Service rangers" counts rangers.
    if is_capitalised(s.word(first + 1)) && crate::extract::cardinal(s.word(first)).is_some() {
        first += 1;
    }
    // Demonyms before a name: "Israeli-American Sagui Dekel-Chen".
    let mut described = false;
    // And a capitalised noun for a person: "Principal Roxanne Greer".
    while demonym_word(s, kb, first)
        || is_person_noun(s.word(first)) && is_capitalised(s.word(first + 1))
    {
        first += 1;
        described = true;
    }
    let last = name_end(s, first)?;
    // A title inside the run starts a role: "Argentinean President Néstor
    // Kirchner" is a word the KB does not know, then a role and a name.
    let last = (first + 1..=last)
        .find(|&k| role_at(s, kb, k).is_some())
        .map_or(last, |k| k - 1);
    // A post in a body's name before a person's name ends where the
    // person begins: "Media Relations Officer Steve Curnew", "Brooklyn
    // District Attorney Kenneth Thompson". The person is read next.
    let last = person_after_post(s, first, last).map_or(last, |k| k - 1);
    let len = last - first + 1;
    let run: Vec<&str> = (first..=last).map(|k| s.word(k)).collect();
    let has_org = run.iter().any(|w| is_org_word(w));
    let has_place = run.iter().any(|w| is_place_word(w));
    let person = !has_org
        && !has_place
        && (2..=4).contains(&len)
        && (is_given_name(run[0]) || described || person_cue(s, first, last));
    if person {
        let name = s.text[s.span(first, last)].to_string();
        let entity = person_entity(kb, &name);
        let value = PersonValue {
            kb: entity.map(|e| kb.id(e).to_string()),
            name,
            role: None,
            office: None,
            former: former_before(s, first),
            tense: tense_after(s, last + 1),
            linked_to: None,
            entity,
            office_entity: None,
        };
        push(
            s,
            out,
            MentionKind::Person,
            first,
            last,
            Value::Person(value),
        );
        return Some(last + 1);
    }
    let sentence_start = first == 0 || s.is(first - 1, &["\"", "\u{201C}", "("]);
    let after_preposition = first > 0
        && s.is(
            first - 1,
            &[
                "in", "from", "near", "to", "across", "outside", "inside", "into", "toward",
                "towards",
            ],
        );
    let kind = if has_org && len >= 2 {
        MentionKind::Organization
    } else if has_place && len >= 2 || after_preposition && !sentence_start {
        MentionKind::Place
    } else {
        // A lone capitalised word, even opening a sentence ("Steele said"),
        // may be a surname met in full elsewhere: kept only if it is one.
        if len == 1 {
            people.candidates.push((s.span(first, last), s.index));
        } else if len <= 3 {
            people.pending.push((s.span(first, last), s.index));
        }
        return Some(last + 1);
    };
    let value = Value::Named(NamedValue {
        name: s.text[s.span(first, last)].to_string(),
        kb: None,
        entity: None,
    });
    push(s, out, kind, first, last, value);
    Some(last + 1)
}

/// Where a person's name starts inside the capitalised run
/// `first..=last` that names an organisation or place before it: at a
/// given name after the run's second word, followed by one or two words
/// that are no organisation's or place's ("Red Cross John Smith" has its
/// person; "Betty Ford Clinic" and "George Washington University" end in
/// their body's word and stay whole). A post in capitals alone before the
/// name ("HP CEO Meg Whitman") is left to the run: split there, the post
/// was read as a speaker of its own.
fn person_after_post(s: &Sentence, first: usize, last: usize) -> Option<usize> {
    let body = |k: usize| is_org_word(s.word(k)) || is_place_word(s.word(k));
    let k = (first + 2..last).find(|&k| is_given_name(s.word(k)))?;
    let tail = last - k;
    ((1..=2).contains(&tail)
        && (first..k).any(body)
        && !(k..=last).any(body)
        && !is_given_name(s.word(k - 1)))
    .then_some(k)
}

/// Whether token `i` is a demonym or a hyphenated run of them.
/// What marks the capitalised run `first..=last` as a person's name when
/// its first word is not a known given name: a speech verb after it ("…
/// Khoza said", "…, Khoza, said"), a parenthesis after it, an age in
/// apposition ("Jugal Kishore, 25,"), or a noun for a person before it
/// ("her nephew Qiang Qiang", "Its curator, Quinton Winter").
fn person_cue(s: &Sentence, first: usize, last: usize) -> bool {
    let after = |k: usize| s.word(last + k);
    let comma_after = s.is(last + 1, &[","]);
    let speaks = is_speech_verb(after(1)) || comma_after && is_speech_verb(after(2));
    let aside = s.is(last + 1, &["("]) && s.is(last + 3, &[")"]);
    let age = comma_after
        && after(2).chars().all(|c| c.is_ascii_digit())
        && (1..=3).contains(&after(2).len());
    let noun_before = match first {
        0 => false,
        1 => is_person_noun(s.word(0)),
        _ if s.is(first - 1, &[","]) => is_person_noun(s.word(first - 2)),
        _ => is_person_noun(s.word(first - 1)),
    };
    speaks || aside || age || noun_before
}

fn demonym_word(s: &Sentence, kb: &Kb, i: usize) -> bool {
    let w = s.word(i);
    is_capitalised(w)
        && w.split(['-', '\u{2010}']).all(|part| {
            kb.resolve(part)
                .iter()
                .any(|e| matches!(e, Entity::Demonym(_)))
        })
}

/// Whether "former", "ex-", "then-" or "the late" stands before token `i`.
fn former_before(s: &Sentence, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if s.is(p, FORMER) {
        return true;
    }
    // "ex-President", "then-Secretary" are one token.
    let w = s.lower(i);
    ["ex-", "then-", "former-"].iter().any(|x| w.starts_with(x))
}

/// "Biden-era": a period, not a present actor.
fn era_suffix(s: &Sentence, last: usize) -> bool {
    s.is(last + 1, &["-"]) && s.is(last + 2, &["era"]) || s.lower(last).ends_with("-era")
}

/// The verbs of `tense-verbs.txt`, each with the tense it gives.
static TENSE_VERBS: LazyLock<FxHashMap<&str, Tense>> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/tense-verbs.txt"));
    let mut map = FxHashMap::default();
    for (name, tense) in [
        ("future", Tense::Future),
        ("present", Tense::Present),
        ("past", Tense::Past),
    ] {
        let section = lex.section(name).expect("tense-verbs.txt sections");
        for verb in section.entries() {
            // A verb in two sections keeps the first, as the checks in
            // `tense_after` were ordered.
            map.entry(verb).or_insert(tense);
        }
    }
    map
});

/// The tense of the verb that follows a subject, looking a few words ahead.
fn tense_after(s: &Sentence, from: usize) -> Option<Tense> {
    for k in from..(from + 4).min(s.tokens.len()) {
        let w = s.lower(k);
        if s.tokens[k].kind == Kind::Punct && k > from {
            return None;
        }
        if let Some(&tense) = TENSE_VERBS.get(w) {
            return Some(tense);
        }
        if w.len() > 4 && w.ends_with("ed") {
            return Some(Tense::Past);
        }
        // "Obama administration officials say": the phrase names whose
        // officials they are; the verb is theirs, not the administration's.
        if super::speech::is_speaker_noun(w) {
            return None;
        }
        let adverb =
            w.ends_with("ly") || matches!(w, "also" | "now" | "still" | "reportedly" | "allegedly");
        if !adverb {
            // A lowercase verb ending in -s after the subject: "sees", "warns".
            let verbish = w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && s.tokens[k].kind == Kind::Word
                && !is_capitalised(s.word(k));
            return verbish.then_some(Tense::Present);
        }
    }
    None
}

fn push(
    s: &mut Sentence,
    out: &mut Vec<Mention>,
    kind: MentionKind,
    first: usize,
    last: usize,
    value: Value,
) {
    out.push(Mention {
        kind,
        range: s.span(first, last),
        sentence: s.index,
        value,
    });
    s.take(first, last);
}

/// The first of two surnames ("Fernández" in "Cristina Fernández de
/// Kirchner", "López" in "Andrés Manuel López Obrador"), by which such
/// names are often shortened: a middle word that is neither a given name
/// nor a particle.
fn first_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    words[1..words.len() - 1]
        .iter()
        .find(|w| {
            w.chars().count() >= 4
                && !is_given_name(w)
                && !PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(w))
        })
        .map(|w| fold(w))
}

/// Honorifics before a surname ("Ms", "Dr."), from `name-parts.txt`.
static HONORIFICS: LazyLock<rustc_hash::FxHashSet<&str>> = LazyLock::new(|| {
    Lexicon::parse(include_str!("../../assets/lexicon/name-parts.txt")).section_set("honorific")
});

/// "Ms Gul", "Dr. Khoza": a surname under an honorific, no full name of
/// its own; it must not stand as a second person beside "Reza Gul".
fn honorific_only(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(_), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    HONORIFICS.contains(fold(first.trim_end_matches('.')).as_str())
}

/// The folded name of a person mention ("" for other mentions).
fn folded_name(m: &Mention) -> String {
    match &m.value {
        Value::Person(p) => fold(&p.name),
        _ => String::new(),
    }
}

/// A person mention that no rule has filled in beyond its name.
pub(super) fn bare_person(range: Range<usize>, sentence: usize, name: &str) -> Mention {
    Mention {
        kind: MentionKind::Person,
        range,
        sentence,
        value: Value::Person(PersonValue {
            name: name.to_string(),
            kb: None,
            role: None,
            office: None,
            former: false,
            tense: None,
            linked_to: None,
            entity: None,
            office_entity: None,
        }),
    }
}

impl People {
    /// Pending runs whose last word the article later uses alone become
    /// person mentions: news names a person in full once, then by surname.
    fn confirm_pending(&self, text: &str, out: &mut Vec<Mention>) {
        // Again by surname: a lone word, or one the KB took for someone
        // else of that surname ("Gul" after "Reza Gul"). Each word's last
        // place is looked up, so the pass is linear in the names.
        let mut last_seen: HashMap<String, usize> = HashMap::new();
        let lone = out
            .iter()
            .filter(|m| m.kind == MentionKind::Person)
            .map(|m| &m.range)
            .chain(self.candidates.iter().map(|(r, _)| r));
        for r in lone {
            let at = last_seen.entry(fold(&text[r.clone()])).or_insert(r.start);
            *at = (*at).max(r.start);
        }
        for (range, sentence) in &self.pending {
            let name = &text[range.clone()];
            let Some(last) = name.split_whitespace().last().map(fold) else {
                continue;
            };
            if last_seen.get(&last).is_some_and(|&at| at > range.end) {
                out.push(bare_person(range.clone(), *sentence, name));
            }
        }
    }

    /// The pending runs that [`Self::confirm_pending`] left unconfirmed.
    pub fn unconfirmed(&self, out: &[Mention]) -> Vec<(Range<usize>, usize)> {
        let people: std::collections::HashSet<&Range<usize>> = out
            .iter()
            .filter(|m| m.kind == MentionKind::Person)
            .map(|m| &m.range)
            .collect();
        self.pending
            .iter()
            .filter(|(range, _)| !people.contains(range))
            .cloned()
            .collect()
    }

    /// Links bare surnames to the full name used elsewhere in the article,
    /// and turns lone capitalised words that are such surnames into person
    /// mentions. `out` must be sorted by position.
    pub fn link_surnames(&self, text: &str, kb: &Kb, out: &mut Vec<Mention>) {
        self.confirm_pending(text, out);
        // A surname two people of the article share ("Aiden Steward" and
        // his father "Jason Steward") names neither for sure: left unlinked.
        let full_names = |out: &[Mention]| -> HashMap<String, usize> {
            // Each surname's first full name, and whether another shares it.
            let mut full: HashMap<String, (usize, bool)> = HashMap::new();
            for (idx, m) in out.iter().enumerate() {
                let Value::Person(p) = &m.value else { continue };
                if p.name.split_whitespace().count() < 2
                    || p.linked_to.is_some()
                    || honorific_only(&p.name)
                {
                    continue;
                }
                let last = p.name.split_whitespace().last().map(fold);
                let kb_surname = fold(&crate::kb::surname_of(&p.name));
                for surname in std::iter::once(kb_surname)
                    .chain(last)
                    .chain(first_surname(&p.name))
                {
                    let entry = full.entry(surname).or_insert((idx, false));
                    entry.1 |= folded_name(&out[entry.0]) != fold(&p.name);
                }
            }
            full.into_iter()
                .filter(|(_, (_, shared))| !shared)
                .map(|(surname, (idx, _))| (surname, idx))
                .collect()
        };
        let known = full_names(out);
        for (range, sentence) in &self.candidates {
            if known.contains_key(&fold(&text[range.clone()])) {
                out.push(bare_person(range.clone(), *sentence, &text[range.clone()]));
            }
        }
        out.sort_by(|a, b| {
            (a.range.start, a.range.end, a.kind).cmp(&(b.range.start, b.range.end, b.kind))
        });
        let full = full_names(out);
        let snapshot: Vec<(String, Option<String>, Option<Entity>)> = out
            .iter()
            .map(|m| match &m.value {
                Value::Person(p) => (p.name.clone(), p.kb.clone(), p.entity),
                _ => (String::new(), None, None),
            })
            .collect();
        for m in out.iter_mut() {
            let Value::Person(p) = &mut m.value else {
                continue;
            };
            if p.name.split_whitespace().count() == 1 {
                if let Some(&idx) = full.get(&fold(&p.name)) {
                    let (name, id, entity) = &snapshot[idx];
                    p.name.clone_from(name);
                    p.kb.clone_from(id);
                    p.entity = *entity;
                    p.linked_to = Some(idx);
                } else if p.kb.is_none() {
                    // A surname the KB knows for exactly one person.
                    if let [only] = kb.people_with_surname(&p.name) {
                        let e = Entity::Person(*only);
                        p.kb = Some(kb.id(e).to_string());
                        p.entity = Some(e);
                        p.name = kb.name(e).to_string();
                    }
                }
            }
            // "President Trump": the office, now that the person is known.
            if let (None, Some(person), Some(role)) = (p.office_entity, p.entity, &p.role) {
                p.office_entity = office_by_title(kb, person, role);
                p.office = p.office_entity.map(|o| kb.id(o).to_string());
            }
        }
    }
}
