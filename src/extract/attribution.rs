//! Attributions: who a statement is credited to ("according to Axios",
//! "told Al Jazeera", "a senior Hamas official acknowledged", "sources who
//! spoke to Haaretz").

use std::ops::Range;

use super::speech::{is_not_a_source_name, is_speaker_noun, is_speech_verb};
use super::{AttributionValue, Context, Mention, MentionKind, Sentence, Value};
use crate::kb::Entity;
use crate::text::tokens::{Kind, is_capitalised};

pub fn extract(
    s: &Sentence,
    ctx: &Context,
    people: &[(Range<usize>, String)],
    out: &mut Vec<Mention>,
) {
    let mut covered_until = 0;
    let mut i = 0;
    while i < s.tokens.len() {
        let found = according_to(s, ctx, i)
            .or_else(|| told(s, ctx, i))
            .or_else(|| spoke_to(s, ctx, i))
            .or_else(|| speech_verb(s, ctx, people, i));
        match found {
            Some((first, last, value)) if s.tokens[first].start >= covered_until => {
                covered_until = s.tokens[last].end;
                out.push(Mention {
                    kind: MentionKind::Attribution,
                    range: s.span(first, last),
                    sentence: s.index,
                    value: Value::Attribution(value),
                });
                i = last + 1;
            }
            _ => i += 1,
        }
    }
}

/// The end of a source phrase starting at `i`: up to punctuation, a
/// relative pronoun or a clause word.
fn phrase_end(s: &Sentence, i: usize, limit: usize) -> usize {
    let mut last = i;
    for k in i..(i + limit).min(s.tokens.len()) {
        if s.tokens[k].kind == Kind::Punct
            || s.is(
                k,
                &[
                    "that", "which", "and", "on", "as", "after", "before", "while",
                ],
            )
        {
            break;
        }
        last = k;
    }
    last
}

/// The named source inside tokens `first..=last`: the last KB organisation
/// or person, or the last capitalised run.
fn named_source(
    s: &Sentence,
    ctx: &Context,
    first: usize,
    last: usize,
) -> (Option<String>, Option<String>) {
    let (start, end) = (s.tokens[first].start, s.tokens[last].end);
    let kb_hit = s
        .hits
        .iter()
        .filter(|h| h.range.start >= start && h.range.end <= end)
        .rfind(|h| {
            h.entities
                .iter()
                .any(|e| matches!(e, Entity::Organization(_) | Entity::Person(_)))
        });
    if let Some(hit) = kb_hit {
        let e = hit.entities[0];
        return (
            Some(ctx.kb.name(e).to_string()),
            Some(ctx.kb.id(e).to_string()),
        );
    }
    let mut run_end = None;
    let mut run_start = None;
    for k in (first..=last).rev() {
        let w = s.word(k);
        let cap = s.tokens[k].kind == Kind::Word && is_capitalised(w) && !is_not_a_source_name(w);
        if cap {
            run_end.get_or_insert(k);
            run_start = Some(k);
        } else if run_end.is_some() {
            break;
        }
    }
    match (run_start, run_end) {
        (Some(a), Some(b)) => (Some(s.text[s.span(a, b)].to_string()), None),
        _ => (None, None),
    }
}

/// "according to an Axios article", "according to people familiar with
/// the situation who spoke to Haaretz".
fn according_to(s: &Sentence, ctx: &Context, i: usize) -> Option<(usize, usize, AttributionValue)> {
    if !(s.is(i, &["according"]) && s.is(i + 1, &["to"])) {
        return None;
    }
    let first = i + 2;
    s.tokens.get(first)?;
    let last = phrase_end(s, first, 14);
    let (source, kb) = named_source(s, ctx, first, last);
    // "according to the plan" attributes nothing: a source needs a name or
    // a speaker noun ("officials", "reports", "people familiar").
    let speaks = (first..=last).any(|k| {
        is_speaker_noun(s.word(k)) || s.is(k, &["estimates", "estimate", "data", "figures"])
    });
    if source.is_none() && !speaks {
        return None;
    }
    let speaker_end = (first..=last).find(|&k| s.is(k, &["who", "speaking", "told"]));
    let speaker = speaker_end
        .filter(|&k| k > first)
        .map(|k| s.text[s.span(first, k - 1)].to_string())
        .or_else(|| {
            source
                .is_none()
                .then(|| s.text[s.span(first, last)].to_string())
        });
    Some((
        i,
        last,
        AttributionValue {
            source,
            kb,
            speaker,
            verb: "according to".into(),
        },
    ))
}

/// "the official told Al Jazeera".
fn told(s: &Sentence, ctx: &Context, i: usize) -> Option<(usize, usize, AttributionValue)> {
    if !s.is(i, &["told"]) {
        return None;
    }
    let first = i + 1;
    let w = s.word(first);
    if !is_capitalised(w) && !s.is(first, &["the"]) {
        return None;
    }
    let last = phrase_end(s, first, 6);
    let (source, kb) = named_source(s, ctx, first, last);
    let source = source?;
    let last = last_of_source(s, first, last, &source);
    Some((
        i,
        last,
        AttributionValue {
            source: Some(source),
            kb,
            speaker: speaker_before(s, i),
            verb: "told".into(),
        },
    ))
}

/// Trims a phrase to end at the source's last word.
fn last_of_source(s: &Sentence, first: usize, last: usize, source: &str) -> usize {
    let last_word = source.split_whitespace().last().unwrap_or("");
    (first..=last)
        .rev()
        .find(|&k| s.word(k).eq_ignore_ascii_case(last_word))
        .unwrap_or(last)
}

/// "sources who spoke to Haaretz", "speaking to Reuters".
fn spoke_to(s: &Sentence, ctx: &Context, i: usize) -> Option<(usize, usize, AttributionValue)> {
    let (verb_at, first_src) =
        if s.is(i, &["spoke", "speaking", "talking"]) && s.is(i + 1, &["to", "with"]) {
            (i, i + 2)
        } else if s.is(i, &["citing"]) {
            (i, i + 1)
        } else {
            return None;
        };
    let last = phrase_end(s, first_src, 6);
    let (source, kb) = named_source(s, ctx, first_src, last);
    let source = source?;
    let last = last_of_source(s, first_src, last, &source);
    // Include the speakers: "sources who spoke to".
    let mut first = verb_at;
    let mut speaker = None;
    if verb_at >= 2 && s.is(verb_at - 1, &["who"]) {
        let noun = verb_at - 2;
        if is_speaker_noun(s.word(noun)) {
            first = noun;
            speaker = Some(s.word(noun).to_string());
        }
    }
    let verb = s.text[s.span(verb_at, first_src - 1)].to_string();
    Some((
        first,
        last,
        AttributionValue {
            source: Some(source),
            kb,
            speaker,
            verb,
        },
    ))
}

/// "a senior Hamas official acknowledged", "Israel Hayom reported",
/// "Trump stated".
fn speech_verb(
    s: &Sentence,
    ctx: &Context,
    people: &[(Range<usize>, String)],
    i: usize,
) -> Option<(usize, usize, AttributionValue)> {
    if !is_speech_verb(s.word(i)) || s.is(i, &["told"]) || i == 0 {
        return None;
    }
    let verb = s.word(i).to_string();
    let prev_end = s.tokens[i - 1].end;
    // A person mention right before the verb.
    if let Some((range, name)) = people.iter().find(|(r, _)| r.end == prev_end) {
        let first = s.token_at(range.start)?;
        let kb = ctx
            .kb
            .resolve(name)
            .first()
            .map(|e| ctx.kb.id(*e).to_string());
        return Some((
            first,
            i,
            AttributionValue {
                source: Some(name.clone()),
                kb,
                speaker: None,
                verb,
            },
        ));
    }
    // A KB organisation right before the verb.
    if let Some(hit) = s.hits.iter().find(|h| {
        h.range.end == prev_end
            && h.entities
                .iter()
                .any(|e| matches!(e, Entity::Organization(_)))
    }) {
        let first = s.token_at(hit.range.start)?;
        let e = hit.entities[0];
        return Some((
            first,
            i,
            AttributionValue {
                source: Some(ctx.kb.name(e).to_string()),
                kb: Some(ctx.kb.id(e).to_string()),
                speaker: None,
                verb,
            },
        ));
    }
    // "a senior Hamas official": a determiner, modifiers, a speaker noun.
    if is_speaker_noun(s.word(i - 1)) {
        let first = (i.saturating_sub(6)..i - 1)
            .rev()
            .take_while(|&k| {
                s.tokens[k].kind != Kind::Punct && !s.is(k, &["that", "which", "who", "and", "but"])
            })
            .last()
            .unwrap_or(i - 1);
        let first = (first..i)
            .find(|&k| s.is(k, &["a", "an", "the", "one", "two", "several", "some"]))
            .unwrap_or(first);
        let (source, kb) = named_source(s, ctx, first, i - 1);
        let speaker = s.text[s.span(first, i - 1)].to_string();
        return Some((
            first,
            i,
            AttributionValue {
                source,
                kb,
                speaker: Some(speaker),
                verb,
            },
        ));
    }
    None
}

/// The subject of "told": "the official", "A senior Palestinian source".
fn speaker_before(s: &Sentence, verb: usize) -> Option<String> {
    let mut first = verb;
    for k in (verb.saturating_sub(6)..verb).rev() {
        if s.tokens[k].kind == Kind::Punct || s.is(k, &["that", "which", "who"]) {
            break;
        }
        first = k;
        if s.is(k, &["a", "an", "the"]) {
            break;
        }
    }
    // Skip adverbs between subject and verb: "also told".
    let mut last = verb.checked_sub(1)?;
    while last > first && (s.word(last).ends_with("ly") || s.is(last, &["also"])) {
        last -= 1;
    }
    (first < verb).then(|| s.text[s.span(first, last)].to_string())
}
