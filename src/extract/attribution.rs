//! Attributions: who a statement is credited to ("according to Axios",
//! "told Al Jazeera", "a senior Hamas official acknowledged", "sources who
//! spoke to Haaretz"), and who spoke a quotation: the speaker named before
//! or after it ("Katz said", "\"…,\" said Katz", "Netanyahu's office
//! said"), read from an analysed article for the attribution-conflict rule.

use std::ops::Range;

use super::speech::{
    is_agent_noun, is_not_a_source_name, is_quotation_verb, is_speaker_noun, is_speech_verb,
};
use super::words::is_folded_given_name;
use super::{AttributionValue, Context, Mention, MentionKind, PersonValue, Sentence, Value};
use crate::kb::{Entity, Kb};
use crate::text::fold;
use crate::text::tokens::{Kind, Token, is_capitalised, tokenize};

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

// ---------------------------------------------------------------------------
// Speakers of quotations

/// One sentence of an analysed article, for the speaker reader.
pub struct PageSentence<'a> {
    pub range: Range<usize>,
    pub tokens: &'a [Token],
    /// Its mentions, in text order.
    pub mentions: &'a [Mention],
}

/// An analysed article as the speaker reader sees it.
pub struct Page<'a> {
    pub text: &'a str,
    pub sentences: Vec<PageSentence<'a>>,
    pub kb: &'a Kb,
}

/// Words between a subject and its speech verb: "also said", "has said".
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "again",
    "then",
    "has",
    "have",
    "had",
    "earlier",
    "previously",
];

/// What a principal speaks through: "Netanyahu's office said",
/// "Netanyahu's press office said".
const BUREAUS: &[&str] = &[
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "bureau",
];

/// Words that may stand between the possessive and the bureau.
const BUREAU_MODIFIERS: &[&str] = &["press", "media"];

/// Who said something, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Who {
    /// A named person; `id` when the KB knows them, `office` from a title
    /// written beside the name, `org` from an organisation in it.
    Person {
        id: Option<u32>,
        office: Option<u32>,
        org: Option<u32>,
    },
    /// An office ("the defense minister"), or an administration.
    Office(u32),
    /// A KB organisation that is not a news outlet.
    Org(u32),
}

/// A speaker as written, with where.
#[derive(Clone, Debug)]
pub struct Speaker {
    /// Display name: "Benjamin Netanyahu's office".
    pub name: String,
    /// The name without a bureau, for comparing names.
    pub base: String,
    /// The speaker and the verb, for evidence.
    pub range: Range<usize>,
    /// `None` for unnamed sources and outlets: they cannot conflict.
    pub who: Option<Who>,
    /// An organisation or administration rather than a person or office.
    pub institutional: bool,
    /// False for a description beside a named speaker ("a Hamas
    /// spokesman, Hazem Qassem"): it tells what the speaker speaks for,
    /// so it counts when comparing, but it is not a second speaker.
    pub shown: bool,
    /// Written as a bare surname ("Steward told"), its full name taken
    /// from an earlier mention: another person of that surname may be meant.
    pub surname_only: bool,
}

/// Speakers credited together at one place ("Katz and Netanyahu said").
#[derive(Clone, Debug)]
pub struct Said {
    pub range: Range<usize>,
    pub speakers: Vec<Speaker>,
}

/// The inner ranges of the double-quoted passages of `text[range]`. A
/// passage left open at the end of a paragraph (a quote running on into the
/// next) is dropped: its end is not known.
pub fn quote_spans(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match (c, open) {
            ('"', Some(('"', start))) | ('\u{201D}', Some(('\u{201C}', start))) => {
                out.push(start..at);
                open = None;
            }
            ('"', None) | ('\u{201C}', None | Some(('\u{201C}', _))) => {
                open = Some((c, at + c.len_utf8()));
            }
            _ => {}
        }
    }
    out
}

fn sentence_at(page: &Page, pos: usize) -> Option<usize> {
    page.sentences
        .iter()
        .position(|s| s.range.start <= pos && pos <= s.range.end)
}

/// Whom a quotation is credited to: the nearest speaker before it in its
/// sentence (back to the previous quotation), else the first after it (up
/// to the next). "X said \"A\" and Y said \"B\"" gives A to X and B to Y;
/// "\"A,\" X said, \"B.\"" gives both to X.
pub fn speaker_of(page: &Page, q: &Range<usize>, spans: &[Range<usize>]) -> Option<Said> {
    let first = sentence_at(page, q.start)?;
    let last = sentence_at(page, q.end).unwrap_or(first);
    let from = spans
        .iter()
        .map(|s| s.end)
        .filter(|&e| e < q.start)
        .fold(page.sentences[first].range.start, usize::max);
    let to = spans
        .iter()
        .map(|s| s.start)
        .filter(|&s| s > q.end)
        .fold(page.sentences[last].range.end, usize::min);
    let found: Vec<Said> = (first..=last)
        .flat_map(|s| said_in(page, s, spans))
        .collect();
    let before = found
        .iter()
        .rev()
        .find(|s| s.range.start >= from && s.range.end <= q.start);
    let (said, gap) = if let Some(s) = before {
        (s, s.range.end..q.start)
    } else {
        let s = found
            .iter()
            .find(|s| s.range.start >= q.end && s.range.end <= to)?;
        (s, q.end..s.range.start)
    };
    clear(page.text, gap).then(|| said.clone())
}

/// Whether nothing between a speaker and a quotation may claim the words
/// instead: another speech verb ("Katz responded to Hamas, which said
/// \"…\"") or a possessive ("Katz rejected Hamas's claim that \"…\"").
fn clear(text: &str, gap: Range<usize>) -> bool {
    let mut tokens = Vec::new();
    tokenize(text, gap, &mut tokens);
    !tokens
        .iter()
        .any(|t| t.kind == Kind::Possessive || is_quotation_verb(t.text(text)))
}

fn inside(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start <= r.start && r.end <= s.end)
}

/// The speakers named in one sentence, outside its quotations.
fn said_in(page: &Page, sentence: usize, spans: &[Range<usize>]) -> Vec<Said> {
    let text = page.text;
    let tokens = page.sentences[sentence].tokens;
    let mentions: Vec<&Mention> = page.sentences[sentence]
        .mentions
        .iter()
        .filter(|m| !inside(spans, &m.range))
        .collect();
    let ctx = Ctx {
        page,
        text,
        tokens,
        mentions: &mentions,
        spans,
    };
    let mut out: Vec<Said> = (0..tokens.len())
        .filter(|&i| !inside(spans, &tokens[i].range()) && is_quotation_verb(ctx.word(i)))
        .filter_map(|i| ctx.subject_before(i).or_else(|| ctx.subject_after(i)))
        .collect();
    for m in &mentions {
        let Value::Attribution(v) = &m.value else {
            continue;
        };
        if out
            .iter()
            .all(|s| s.range.end <= m.range.start || s.range.start >= m.range.end)
        {
            out.push(Said {
                range: m.range.clone(),
                speakers: vec![attributed(page.kb, m, v)],
            });
        }
    }
    out.sort_by_key(|s| (s.range.start, s.range.end));
    out
}

fn has(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// One sentence being read for speakers.
struct Ctx<'a, 'p> {
    page: &'a Page<'p>,
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [&'a Mention],
    /// The article's quotations: words inside them name no speaker.
    spans: &'a [Range<usize>],
}

impl Ctx<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The longest speaker-like mention ending at byte `end`.
    fn ending_at(&self, end: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .filter(|m| m.range.end == end && speaker_like(m))
            .max_by_key(|m| m.range.len())
            .copied()
    }

    /// "Katz said", "Netanyahu's office said", "Israel Katz, the defense
    /// minister, said", "Katz and Netanyahu said".
    fn subject_before(&self, verb: usize) -> Option<Said> {
        let mut j = verb.checked_sub(1)?;
        while j > 0 && (has(BETWEEN, self.word(j)) || is_adverb(self.word(j))) {
            j -= 1;
        }
        let verb_end = self.tokens[verb].end;
        let (first, described) = if let Some((k, bureau)) = self.bureau_at(j) {
            (self.subject_ending(k, Some(&bureau), verb_end)?, None)
        } else if self.word(j) == "," {
            self.apposition(j, verb_end)?
        } else {
            (self.subject_ending(j, None, verb_end)?, None)
        };
        let mut speakers = vec![first];
        let start = self
            .tokens
            .iter()
            .position(|t| t.start == speakers[0].range.start)?;
        if start >= 2 && has(&["and", "&"], self.word(start - 1)) {
            speakers.extend(self.subject_ending(start - 2, None, verb_end));
        }
        let from = speakers
            .iter()
            .map(|s| s.range.start)
            .min()
            .unwrap_or(verb_end);
        speakers.extend(described);
        Some(Said {
            range: from..verb_end,
            speakers,
        })
    }

    /// A bureau ending at token `j` ("'s office", "'s press office"): the
    /// last token of its principal and the bureau's words.
    fn bureau_at(&self, j: usize) -> Option<(usize, String)> {
        if !has(BUREAUS, self.word(j)) {
            return None;
        }
        let mut p = j.checked_sub(1)?;
        if has(BUREAU_MODIFIERS, self.word(p)) {
            p = p.checked_sub(1)?;
        }
        let bureau = self.text[self.tokens[p + 1].start..self.tokens[j].end].to_lowercase();
        (self.tokens[p].kind == Kind::Possessive).then_some((p.checked_sub(1)?, bureau))
    }

    /// A subject with an apposition before the comma at `j`: "a Hamas
    /// spokesman, Hazem Qassem, said" names the speaker in the apposition,
    /// "Israel Katz, the defense minister, said" before it. The other part
    /// describes the same speaker.
    fn apposition(&self, j: usize, verb_end: usize) -> Option<(Speaker, Option<Speaker>)> {
        let earlier = (j.saturating_sub(8)..j)
            .rev()
            .find(|&k| self.word(k) == ",")?;
        if let Some(named) = self.subject_ending(j.checked_sub(1)?, None, verb_end) {
            let phrase = (earlier.saturating_sub(6)..earlier)
                .rev()
                .take_while(|&k| self.tokens[k].kind != Kind::Punct)
                .last()
                .unwrap_or(earlier);
            return Some((named, self.description(phrase, earlier)));
        }
        let named = self.subject_ending(earlier.checked_sub(1)?, None, verb_end)?;
        Some((named, self.description(earlier + 1, j)))
    }

    /// What a description in tokens `first..end` says a speaker speaks
    /// for: a principal ("Netanyahu's spokesman"), an office or an
    /// organisation ("a Hamas spokesman").
    fn description(&self, first: usize, end: usize) -> Option<Speaker> {
        if first >= end {
            return None;
        }
        let range = self.tokens[first].start..self.tokens[end - 1].end;
        let found = match self.bureau_at(end - 1).filter(|&(k, _)| k >= first) {
            Some((k, bureau)) => self.subject_ending(k, Some(&bureau), range.end),
            None => self
                .mentions
                .iter()
                .rfind(|m| {
                    range.start <= m.range.start && m.range.end <= range.end && speaker_like(m)
                })
                .map(|m| speaker(self.page, m, None, range.clone()))
                .or_else(|| self.org_described(&range)),
        };
        found.map(|s| Speaker { shown: false, ..s })
    }

    /// The one organisation a description names ("a Hamas spokesman").
    fn org_described(&self, range: &Range<usize>) -> Option<Speaker> {
        let org = org_within(self.page, range)?;
        let name = self.page.kb.organizations[org as usize].name.to_string();
        Some(Speaker {
            base: name.clone(),
            name,
            range: range.clone(),
            who: org_speaker(self.page.kb, org),
            institutional: true,
            shown: true,
            surname_only: false,
        })
    }

    /// The speaker whose name ends with token `j`: a mention, or a name the
    /// extractor did not take ("Blinken" with no full name before it).
    fn subject_ending(&self, j: usize, bureau: Option<&str>, verb_end: usize) -> Option<Speaker> {
        if let Some(m) = self.ending_at(self.tokens[j].end) {
            return Some(speaker(self.page, m, bureau, m.range.start..verb_end));
        }
        let first = (j.saturating_sub(5)..=j)
            .rev()
            .take_while(|&k| self.capitalised(k))
            .last()?;
        self.name_run(first, j, bureau, self.tokens[first].start..verb_end)
    }

    /// "\"…,\" said Katz": the verb right after a quotation or comma.
    fn subject_after(&self, verb: usize) -> Option<Said> {
        let prev = self.tokens.get(verb.checked_sub(1)?)?;
        if prev.kind != Kind::Punct || has(&["told"], self.word(verb)) {
            return None;
        }
        let next = self.tokens.get(verb + 1)?;
        let start = self.tokens[verb].start;
        let found = self
            .mentions
            .iter()
            .filter(|m| m.range.start == next.start && speaker_like(m))
            .max_by_key(|m| m.range.len())
            .map(|m| {
                self.spoken_for(m, start)
                    .unwrap_or_else(|| speaker(self.page, m, None, start..m.range.end))
            });
        let s = found.or_else(|| {
            let last = (verb + 1..(verb + 7).min(self.tokens.len()))
                .take_while(|&k| self.capitalised(k))
                .last()?;
            self.name_run(verb + 1, last, None, start..self.tokens[last].end)
        })?;
        Some(Said {
            range: s.range.clone(),
            speakers: vec![s],
        })
    }

    /// "said Woods' agent, Mark Steinberg": the name after the verb owns
    /// the one who spoke. The speaker is the one named in the apposition,
    /// else the agent as such ("Woods's agent"), never the owner.
    fn spoken_for(&self, owner: &Mention, start: usize) -> Option<Speaker> {
        let k = self
            .tokens
            .iter()
            .position(|t| t.start >= owner.range.end)?;
        let possessive = self.tokens[k].kind == Kind::Possessive
            || matches!(self.word(k), "'" | "\u{2019}")
                && self.text[owner.range.clone()].ends_with('s');
        let noun = self.word(k + 1);
        if !possessive || !(has(BUREAUS, noun) || is_speaker_noun(noun) || is_agent_noun(noun)) {
            return None;
        }
        if self.word(k + 2) == "," {
            let named = self.tokens.get(k + 3)?;
            if let Some(m) = self
                .mentions
                .iter()
                .filter(|m| m.range.start == named.start && speaker_like(m))
                .max_by_key(|m| m.range.len())
            {
                return Some(speaker(self.page, m, None, start..m.range.end));
            }
            let last = (k + 3..(k + 7).min(self.tokens.len()))
                .take_while(|&j| self.capitalised(j))
                .last();
            if let Some(s) =
                last.and_then(|last| self.name_run(k + 3, last, None, start..self.tokens[last].end))
            {
                return Some(s);
            }
        }
        let bureau = noun.to_lowercase();
        Some(speaker(
            self.page,
            owner,
            Some(&bureau),
            start..self.tokens[k + 1].end,
        ))
    }

    fn capitalised(&self, k: usize) -> bool {
        self.tokens[k].kind == Kind::Word
            && is_capitalised(self.word(k))
            && !inside(self.spans, &self.tokens[k].range())
    }

    /// A person named by capitalised words the extractor left alone: a KB
    /// name or a lone KB surname, or a given name and a surname ("Councillor
    /// Omar Feldane" → Omar Feldane). Other capitalised words ("Officials")
    /// name no one.
    fn name_run(
        &self,
        first: usize,
        last: usize,
        bureau: Option<&str>,
        range: Range<usize>,
    ) -> Option<Speaker> {
        let kb = self.page.kb;
        let text = &self.text[self.tokens[first].start..self.tokens[last].end];
        let surname = match kb.people_with_surname(text) {
            [p] if first == last => Some(*p),
            _ => None,
        };
        let (base, id) = if let Some(p) = single_person(kb, text).or(surname) {
            (kb.people[p as usize].name.to_string(), Some(p))
        } else {
            let given = (first..last).find(|&k| is_folded_given_name(&fold(self.word(k))))?;
            let name = &self.text[self.tokens[given].start..self.tokens[last].end];
            (name.to_string(), single_person(kb, name))
        };
        let name = bureau.map_or_else(|| base.clone(), |b| format!("{base}'s {b}"));
        let who = Some(Who::Person {
            id,
            office: None,
            org: None,
        });
        Some(Speaker {
            name,
            base,
            range,
            who,
            institutional: false,
            shown: true,
            surname_only: first == last,
        })
    }
}

fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase)
}

fn speaker_like(m: &Mention) -> bool {
    matches!(
        m.value,
        Value::Person(_) | Value::Office(_) | Value::Named(_)
    ) && m.kind != MentionKind::Place
}

/// A speaker from a person, office or organisation mention.
fn speaker(page: &Page, m: &Mention, bureau: Option<&str>, range: Range<usize>) -> Speaker {
    let kb = page.kb;
    let (base, who, institutional) = match &m.value {
        Value::Person(p) => (p.name.clone(), Some(person_who(page, p, &m.range)), false),
        Value::Office(o) => match o.entity {
            Some(Entity::Office(x)) => (o.name.clone(), Some(Who::Office(x)), false),
            Some(Entity::Administration(x)) => (
                o.name.clone(),
                Some(Who::Office(kb.administrations[x as usize].office)),
                true,
            ),
            Some(Entity::Organization(x)) => (o.name.clone(), org_speaker(kb, x), true),
            _ => (o.name.clone(), None, true),
        },
        Value::Named(n) => match n.entity {
            Some(Entity::Organization(x)) => (n.name.clone(), org_speaker(kb, x), true),
            _ => (n.name.clone(), None, true),
        },
        _ => (String::new(), None, true),
    };
    let name = bureau.map_or_else(|| base.clone(), |b| format!("{base}'s {b}"));
    Speaker {
        name,
        base,
        range,
        who,
        institutional,
        shown: true,
        surname_only: matches!(&m.value, Value::Person(p) if p.linked_to.is_some()),
    }
}

/// A person as a speaker: the KB person, the office of a title written
/// beside the name, an organisation named in it.
fn person_who(page: &Page, p: &PersonValue, range: &Range<usize>) -> Who {
    let id = match p.entity {
        Some(Entity::Person(x)) => Some(x),
        _ => single_person(page.kb, &p.name),
    };
    let office = match p.office_entity {
        Some(Entity::Office(o)) => Some(o),
        _ => None,
    };
    let org = org_within(page, range);
    Who::Person { id, office, org }
}

/// An organisation as a speaker; news outlets are channels, not speakers.
pub fn org_speaker(kb: &Kb, org: u32) -> Option<Who> {
    (kb.organizations[org as usize].kind != "media").then_some(Who::Org(org))
}

/// The one KB person a written name stands for, trying it without the
/// words before it too ("President-elect Donald Trump" → "Donald Trump"),
/// down to two words: a lone surname is too weak here.
fn single_person(kb: &Kb, name: &str) -> Option<u32> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (0..=words.len().saturating_sub(2)).find_map(|k| match kb.resolve(&words[k..].join(" ")) {
        [Entity::Person(x)] => Some(*x),
        _ => None,
    })
}

/// The one organisation named inside a mention ("Hamas spokesman Hazem
/// Qassem"), if any.
fn org_within(page: &Page, range: &Range<usize>) -> Option<u32> {
    let orgs: Vec<u32> = page
        .kb
        .scan(page.text, range.clone())
        .iter()
        .filter_map(|h| match h.entities.as_slice() {
            [Entity::Organization(x)] => Some(*x),
            _ => None,
        })
        .collect();
    match orgs.as_slice() {
        [x] => Some(*x),
        _ => None,
    }
}

/// A speaker from an extracted attribution: "according to Hamas" names
/// one; "told Reuters" names only the channel.
fn attributed(kb: &Kb, m: &Mention, v: &AttributionValue) -> Speaker {
    let channel = matches!(v.verb.as_str(), "told" | "citing")
        || v.verb.starts_with("spoke")
        || v.verb.starts_with("speaking");
    let who = if channel {
        None
    } else {
        v.kb.as_deref().and_then(|id| by_id(kb, id))
    };
    let named = if channel {
        [&v.speaker, &v.source]
    } else {
        [&v.source, &v.speaker]
    };
    let name = named
        .into_iter()
        .find_map(Clone::clone)
        .unwrap_or_else(|| "an unnamed source".into());
    Speaker {
        base: name.clone(),
        name,
        range: m.range.clone(),
        who,
        institutional: matches!(who, Some(Who::Org(_))),
        shown: true,
        surname_only: false,
    }
}

fn by_id(kb: &Kb, id: &str) -> Option<Who> {
    if let Some(p) = kb.people.iter().position(|p| p.id == id) {
        return Some(Who::Person {
            id: Some(p as u32),
            office: None,
            org: None,
        });
    }
    let org = kb.organizations.iter().position(|o| o.id == id)?;
    org_speaker(kb, org as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_spans_pair_marks() {
        let text = "He said \"one two\" and \u{201C}three four\u{201D} then \"open";
        let spans: Vec<&str> = quote_spans(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(spans, ["one two", "three four"]);
    }
}
