//! Reversals beyond the aligner's pairs: one article negates a verb that
//! another states of the same thing ("The driver, who was taken to
//! hospital, was not wearing a seat belt on the coastal road" / "The
//! driver was wearing a seat belt on the coastal road near the harbour"),
//! or says its opposite, where the
//! sentences differ too much elsewhere to be paired, or their clauses to
//! be compared whole. The verb is the link: the same stem (or opposite
//! stems), words around it in common on both sides, and the reversing
//! article alone against at least one that says it the other way
//! ([`stands_alone`]). Only verbs some article negates or that have an
//! opposite are looked up, through an index by stem.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    Account, Finding, FindingKind, Member, Placed, Read, Severity, Story, Tok, claim_order,
    contradicts, is_adverb, is_auxiliary, is_modal, is_negation_word, is_question,
    negated_by_earlier_verb, negator, pair_key, predicate, quoted_in_paragraph, states_nothing,
    undone,
};
use crate::detect::stands_alone;
use crate::extract::polarity::{
    dates_a_title, describes, different_times, is_linking_verb, is_past_auxiliary, is_past_form,
    is_subject_pronoun, names_a_period, unasserted,
};
use crate::extract::speech::{is_belief_verb, is_denying_verb, is_reporting_verb};

/// Content words taken on each side of the verb.
const WINDOW: usize = 4;
/// Words the two frames' windows must have in common, the verb aside.
const MIN_AROUND: usize = 3;
/// Articles that must say it the other way when the two sentences are not
/// an aligned pair: a thin link is heard only against agreement, unless
/// both plainly state the verb of one named thing ([`named_statement`]).
const THIN_SUPPORT: usize = 2;
/// Words in common for the other side of an article to count as saying
/// the same (agreeing with a side, or taking both).
const MIN_ECHO: usize = 2;
/// Words the windows must have in common when the two sentences are an
/// aligned pair: the aligner already found them to say the same thing, so
/// the verb with its subject and its object (which [`same_subject`] and
/// [`same_complement`] check) is enough ("The Taliban have not commented
/// on the incident" / "The Taliban militants group has commented
/// regarding the incident so far").
const MIN_AROUND_ALIGNED: usize = 2;

/// A verb as one sentence says it, with the content words around it.
struct Frame {
    member: Member,
    /// The verb's normal form.
    key: String,
    /// The verb's token.
    verb: usize,
    /// Whether a negation falls on the verb.
    negated: bool,
    /// Token range of the verb's clause, the evidence.
    clause: Range<usize>,
    /// Normal forms of the content words before the verb (its subject)
    /// and after it (what it is done to), compared side for side: "the
    /// police called the driver" is not "the driver called the police".
    before: FxHashSet<String>,
    after: FxHashSet<String>,
    /// Every content word before the verb, where its subject is.
    prefix: FxHashSet<String>,
    /// The nearest content word before the verb, auxiliaries aside: the
    /// head of its subject.
    subject: Option<String>,
    /// Negations after the verb in the sentence, in clauses it may govern
    /// ("confirmed that their son would not attend").
    later: usize,
    /// The first content word after the verb: its object or complement.
    head: Option<String>,
    /// Folded words just before the verb: auxiliaries, time words.
    lead: Vec<String>,
    /// A pronoun standing as the verb's subject ("she refused"), folded.
    pronoun: Option<String>,
    /// Whether the verb is in the passive voice ("was blocked").
    passive: bool,
    /// How many words follow the verb in its clause: none when it ends
    /// it ("a visitor whom it did not identify"), and what it is done to
    /// stands before it.
    tail: usize,
    /// The content words of the passive's agent, after "by" ("was blocked
    /// by the city council"), in order: the active voice's subject.
    agent: Vec<String>,
    /// Where the verb starts in the analysis text.
    offset: usize,
    /// Whether the verb plainly states something: negated, a past form
    /// ("banned", "lost") or after an auxiliary ("has confirmed", "is
    /// dead"); not a noun of its stem ("the release date", "broadband
    /// subscribers") nor a participle that describes ("graves containing"),
    /// nor after a verb of belief ("has assumed that"): what someone
    /// thinks is not what happened.
    plain: bool,
    /// Normal forms of the capitalised words of both windows, a sentence's
    /// first word aside: the named things the verb is said of.
    named: FxHashSet<String>,
    /// The normal form of the sentence's first word, when in the windows:
    /// a name if the other sentence capitalises it within ("Amazon is
    /// planning" / "reported that Amazon was not planning").
    opening: Option<String>,
    /// Whether the verb stands inside a quotation: worked out only for the
    /// frames that reach the voice check, not for every frame (it was
    /// about 1% of the whole analysis when done for all).
    quoted: OnceCell<bool>,
}

impl Frame {
    fn quoted(&self, story: &Story) -> bool {
        *self.quoted.get_or_init(|| {
            let a = &story.articles[self.member.article];
            quoted_in_paragraph(
                &a.article.text,
                &story.sentence_range(self.member),
                self.offset,
            )
        })
    }
}

/// Findings and the sentence pairs they were found on.
pub(super) fn detect(
    story: &Story,
    read: &[Vec<Read>],
    seen: &HashSet<(Member, Member)>,
) -> (Vec<Finding>, Vec<(Member, Member)>) {
    let table = crate::align::opposites();
    // Articles on every core, as the sentences were read.
    let articles = || (0..read.len()).collect::<Vec<_>>();
    let negated: Vec<Frame> = crate::par::map(articles(), |article| {
        sentences(read, article)
            .flat_map(|m| negated_frames(story, m, &read[m.article][m.sentence]))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let wanted: FxHashSet<&str> = negated.iter().map(|f| f.key.as_str()).collect();
    let stated: Vec<Frame> = crate::par::map(articles(), |article| {
        sentences(read, article)
            .flat_map(|m| stated_frames(story, m, &read[m.article][m.sentence], &wanted))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let mut by_key: FxHashMap<&str, Vec<&Frame>> = FxHashMap::default();
    for f in negated.iter().chain(&stated) {
        by_key.entry(f.key.as_str()).or_default().push(f);
    }
    let found_on: FxHashSet<Member> = seen.iter().flat_map(|&(a, b)| [a, b]).collect();
    let mut out = Vec::new();
    let mut pairs: Vec<(Member, Member)> = Vec::new();
    for claim in negated.iter().chain(&stated) {
        if found_on.contains(&claim.member) {
            continue;
        }
        let same = by_key
            .get(claim.key.as_str())
            .map_or(&[][..], Vec::as_slice);
        // A negated verb is a claim against its statements; a stated one
        // against its opposites, and against its negations too: a lone
        // statement where several articles negate the verb is heard as a
        // lone negation is, since each negation has the others with it.
        let against: Vec<&Frame> = if claim.negated {
            same.iter().copied().filter(|f| !f.negated).collect()
        } else {
            table
                .get(&claim.key)
                .into_iter()
                .flatten()
                .filter_map(|o| by_key.get(o.as_str()))
                .flatten()
                .copied()
                .filter(|f| !f.negated)
                .chain(
                    same.iter()
                        .copied()
                        .filter(|f| f.negated && claim.plain && !over_period(read, f)),
                )
                .collect()
        };
        if against.is_empty() {
            continue;
        }
        let alike: Vec<&Frame> = same
            .iter()
            .copied()
            .filter(|f| f.negated == claim.negated)
            .collect();
        if let Some((other, shared, support)) = reversal(story, claim, &against, &alike) {
            let key = pair_key(claim.member, other.member);
            if seen.contains(&key) || pairs.contains(&key) {
                continue;
            }
            pairs.push(key);
            out.push(finding(story, read, claim, other, shared, support));
        }
    }
    (out, pairs)
}

/// Whether the verb's clause runs over a span of time after it ("has not
/// been seen for months"): denied over the span, the verb may still be
/// stated of a moment outside it.
fn over_period(read: &[Vec<Read>], f: &Frame) -> bool {
    let toks = &read[f.member.article][f.member.sentence].toks;
    names_a_period(&toks[f.verb + 1..f.clause.end.max(f.verb + 1)])
}

fn sentences(read: &[Vec<Read>], article: usize) -> impl Iterator<Item = Member> + use<> {
    (0..read[article].len()).map(move |sentence| Member { article, sentence })
}

/// The counterpart a frame reverses, the words they share and how many
/// articles say it the other way: the claim's article alone in its
/// reading (no other article says it so, and it does not say it the
/// other way itself), at least one other against it.
fn reversal<'f>(
    story: &Story,
    claim: &Frame,
    against: &[&'f Frame],
    alike: &[&Frame],
) -> Option<(&'f Frame, usize, usize)> {
    let a = claim.member.article;
    let close = |f: &Frame| {
        f.member.article != a
            && story.same_story(a, f.member.article)
            && story.apart(a, f.member.article).is_none()
    };
    let echoes = |f: &Frame| shared(claim, f) >= MIN_ECHO;
    let agreeing: FxHashSet<usize> = alike
        .iter()
        .filter(|f| close(f) && echoes(f))
        .map(|f| f.member.article)
        .collect();
    let both_ways = against.iter().any(|f| f.member.article == a && echoes(f));
    let aligned = |f: &Frame| {
        let key = pair_key(claim.member, f.member);
        story.pairs.iter().any(|p| pair_key(p.a, p.b) == key)
    };
    let mut best: Option<(&Frame, usize)> = None;
    let mut opposed: FxHashSet<usize> = FxHashSet::default();
    for &f in against.iter().filter(|f| close(f)) {
        let n = shared(claim, f);
        // A swapped word may govern a later negated clause ("confirmed
        // that he would not" is "denied that he would").
        let reversed_later = claim.key != f.key && (claim.later + f.later) % 2 == 1;
        if reversed_later
            || n < MIN_AROUND_ALIGNED
            || !same_complement(claim, f)
            || agreeing.contains(&f.member.article)
        {
            continue;
        }
        // Looked for in the aligner's pairs only when the frames alone
        // are not enough: a thin link, or the subject a pronoun.
        let named = same_subject(claim, f);
        // Between plain statements of one named thing, the subject and
        // the object in common are enough ("Amazon has not experimented
        // with pop-up shops" / "Amazon has experimented with pop-up shops
        // and stores").
        // The object's head must then be the same word: a word shared
        // further on ("the biopsy caused a spasm that led to the death" /
        // "the biopsy did not cause the death") links other objects.
        let enough = named
            && (n >= MIN_AROUND
                || n >= MIN_AROUND_ALIGNED && named_statement(claim, f) && same_head(claim, f));
        if !enough && !(aligned(f) && (named || same_pronoun(claim, f))) {
            continue;
        }
        if !compatible(story, claim, f) {
            continue;
        }
        opposed.insert(f.member.article);
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((f, n));
        }
    }
    let (f, n) = best?;
    // A statement against negations is heard only against several: one
    // negation against it is the negated claim's own case.
    let lone = opposed.len() < THIN_SUPPORT;
    if lone && (f.negated || !aligned(f) && !named_statement(claim, f)) {
        return None;
    }
    (!both_ways && stands_alone(agreeing.len(), opposed.len())).then_some((f, n, opposed.len()))
}

/// Whether both frames plainly state the verb of one named thing ("U.S.
/// officials have not confirmed the death" / "U.S. officials have
/// confirmed the death"), neither as what someone believes: then one
/// article against the claim is heard, as a common noun alone ("the
/// driver") may stand for other people in other articles.
fn named_statement(x: &Frame, y: &Frame) -> bool {
    let opens = |f: &Frame, g: &Frame| f.opening.as_ref().is_some_and(|w| g.named.contains(w));
    x.plain && y.plain && (!x.named.is_disjoint(&y.named) || opens(x, y) || opens(y, x))
}

/// Whether the verb is done to the same thing named first: the first
/// content word after it is the same on both sides, or in two voices the
/// passive's subject is the active verb's object.
fn same_head(x: &Frame, y: &Frame) -> bool {
    if let Some((p, a)) = voices(x, y) {
        return p.subject.is_some() && p.subject == a.head;
    }
    x.head.is_some() && x.head == y.head
}

/// Whether the verb is said of the same actor: the head of the subject
/// on one side is named before the verb on the other ("the court
/// convicted" is not "the senate acquitted").
fn same_subject(x: &Frame, y: &Frame) -> bool {
    if let Some((p, a)) = voices(x, y) {
        // The agent is the active verb's subject.
        return p.agent.first().is_some_and(|w| a.prefix.contains(w))
            || a.subject.as_ref().is_some_and(|w| p.agent.contains(w));
    }
    let named_in = |f: &Frame, g: &Frame| f.subject.as_ref().is_some_and(|w| g.prefix.contains(w));
    named_in(x, y) || named_in(y, x)
}

/// Whether both verbs have the same pronoun as subject ("She refused" /
/// "She agreed"). Who it stands for is not known, so this is taken only
/// for sentences the aligner paired: it reads them as one statement.
fn same_pronoun(x: &Frame, y: &Frame) -> bool {
    x.pronoun.is_some() && x.pronoun == y.pronoun
}

/// Whether the verb is done to the same thing: the first content word
/// after it on one side is among the words after it on the other ("was
/// not wearing a helmet" is no denial of "was wearing a seat belt").
fn same_complement(x: &Frame, y: &Frame) -> bool {
    if let Some((p, a)) = voices(x, y) {
        // The passive's subject is what the active verb is done to.
        return p.subject.as_ref().is_some_and(|w| a.after.contains(w))
            || a.head.as_ref().is_some_and(|w| p.before.contains(w));
    }
    let first_in = |f: &Frame, g: &Frame| f.head.as_ref().is_some_and(|w| g.after.contains(w));
    // Both verbs ending their clauses after one pronoun ("a visitor whom
    // it did not identify" / "citing a visitor it didn't identify"): what
    // they are done to stands before their subjects, and the words
    // before must agree. Without a pronoun the clause may end at an
    // intransitive verb ("the singer allegedly died").
    let fronted = x.tail == 0
        && y.tail == 0
        && same_pronoun(x, y)
        && x.before.intersection(&y.before).count() >= MIN_AROUND;
    first_in(x, y) || first_in(y, x) || fronted
}

fn shared(x: &Frame, y: &Frame) -> usize {
    if let Some((p, a)) = voices(x, y) {
        let agent = p.agent.iter().filter(|w| a.before.contains(*w)).count();
        return p.before.intersection(&a.after).count() + agent;
    }
    x.before.intersection(&y.before).count() + x.after.intersection(&y.after).count()
}

/// The passive frame with an agent and the active one, when the two say
/// it in different voices ("a similar deal was blocked by the Canadian
/// authorities" / "the Canadian authorities blocked a similar deal"):
/// their words are then compared crosswise, the agent against the
/// subject and the passive's subject against the object.
fn voices<'f>(x: &'f Frame, y: &'f Frame) -> Option<(&'f Frame, &'f Frame)> {
    if !x.agent.is_empty() && !y.passive {
        Some((x, y))
    } else if !y.agent.is_empty() && !x.passive {
        Some((y, x))
    } else {
        None
    }
}

/// Whether the two frames may speak of one moment in one voice: both
/// quoted or both narrated, the same time of the verb.
fn compatible(story: &Story, x: &Frame, y: &Frame) -> bool {
    let (wx, wy): (Vec<&str>, Vec<&str>) = (
        x.lead.iter().map(String::as_str).collect(),
        y.lead.iter().map(String::as_str).collect(),
    );
    !different_times(&wx, &wy) && x.quoted(story) == y.quoted(story)
}

/// The verbs a sentence negates: a "not", "never" or "n't" after an
/// auxiliary, or "failed to", with only auxiliaries or adverbs before
/// the verb ("has not publicly commented", "was not taken").
fn negated_frames(story: &Story, m: Member, r: &Read) -> Vec<Frame> {
    if is_question(story.sentence(m)) {
        return Vec::new();
    }
    let toks = r.toks.as_slice();
    let mut out = Vec::new();
    for c in &r.clauses {
        let &[k] = r.negations_in(c) else { continue };
        if !verbal(toks, k) || states_nothing(toks, c) || modal_before(toks, k) {
            continue;
        }
        let Some(p) = predicate(story.vocab, toks, k, c.end) else {
            continue;
        };
        let skip = negator(toks, k).unwrap_or(1);
        let bare = (k + skip..p).all(|i| is_auxiliary(&toks[i].text) || is_adverb(&toks[i].text));
        if !bare || reported_by_denial(toks, c) {
            continue;
        }
        out.extend(frame(story, m, r, (p, k), c.clone(), true));
    }
    out
}

/// The words of a sentence whose normal form some article negates
/// (`wanted`) or has an opposite, stated:
/// no negation in their clause or before it governing it, no condition,
/// no modal, no denial, not a noun ("the suspension") nor a word that
/// describes one ("verified accounts"), not only asked for or tried ("was
/// asked to comment").
fn stated_frames(story: &Story, m: Member, r: &Read, wanted: &FxHashSet<&str>) -> Vec<Frame> {
    let table = crate::align::opposites();
    if is_question(story.sentence(m)) {
        return Vec::new();
    }
    let toks = r.toks.as_slice();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // A negating verb not before "to" is a verb of its own: "refused
        // the offer" states a refusal, "refused to sign" negates "sign".
        // (The read sentence's negations are where `negator` found one.)
        if !t.is_word() || r.negations.binary_search(&i).is_ok() {
            continue;
        }
        let Some(key) = story.vocab.normal(&t.text) else {
            continue;
        };
        if !wanted.contains(key.as_ref()) && !table.contains_key(key.as_ref()) {
            continue;
        }
        let Some(c) = clause_of(r, i) else { continue };
        let stated = r.negations_in(&c).is_empty()
            && !states_nothing(toks, &c)
            && !negated_by_earlier_verb(toks, &c)
            && !undone(story, toks, &c, Some(&key))
            && !modal_before(toks, i)
            && !after_determiner(toks, i)
            && !describes(toks, i)
            && !unasserted(toks, i)
            && !reported_by_denial(toks, &c);
        if stated {
            out.extend(frame(story, m, r, (i, i), c, false));
        }
    }
    out
}

/// The clause a token stands in; a clause-ending verb ("the zoo denied")
/// goes with the clause before it.
fn clause_of(r: &Read, tok: usize) -> Option<Range<usize>> {
    r.clauses
        .iter()
        .find(|c| c.contains(&tok))
        .cloned()
        .or_else(|| {
            r.clauses
                .iter()
                .find(|c| c.end == tok)
                .map(|c| c.start..tok + 1)
        })
}

fn frame(
    story: &Story,
    member: Member,
    r: &Read,
    (verb, start): (usize, usize),
    clause: Range<usize>,
    negated: bool,
) -> Option<Frame> {
    let toks = r.toks.as_slice();
    let text = &story.articles[member.article].article.text;
    let introduced = &toks[clause.start.saturating_sub(3)..clause.start];
    let span = (start.saturating_sub(3).min(clause.start), verb);
    let lead = lead(text, toks, span, backshifted(introduced));
    let key = story.vocab.normal(&toks[verb].text)?.into_owned();
    let content = |t: &&Tok| {
        t.is_word() && !is_negation_word(&t.text) && !is_adverb(&t.text) && !is_modal(&t.text)
    };
    let normal = |t: &Tok| {
        story
            .vocab
            .normal(&t.text)
            .map(std::borrow::Cow::into_owned)
    };
    let before: FxHashSet<String> = toks[..start]
        .iter()
        .rev()
        .filter(content)
        .filter_map(normal)
        .filter(|w| *w != key)
        .take(WINDOW)
        .collect();
    // The subject's words, "-ly" words kept: "family" is no adverb. A
    // linking verb just before the verb ("was pronounced dead") is no
    // part of the subject.
    let linked = linking(toks, start);
    let prefix: Vec<String> = toks[..linked]
        .iter()
        .rev()
        .filter(|t| t.is_word() && !is_auxiliary(&t.text) && !is_negation_word(&t.text))
        .filter(|t| !is_modal(&t.text))
        .filter_map(normal)
        .filter(|w| *w != key)
        .collect();
    let after: Vec<String> = toks[verb + 1..]
        .iter()
        .filter(content)
        .filter_map(normal)
        .filter(|w| *w != key)
        .take(WINDOW)
        .collect();
    let in_windows = |w: &String| before.contains(w) || after.contains(w);
    let opening = toks.first().and_then(normal).filter(in_windows);
    let named = toks
        .iter()
        .skip(1)
        .filter(|t| t.is_word() && text[t.range.clone()].starts_with(char::is_uppercase))
        .filter_map(normal)
        .filter(in_windows)
        .collect();
    let believed = introduced.iter().any(|t| is_belief_verb(&t.text));
    let passive = is_passive(&toks[..start]);
    let agent = if passive {
        by_agent(&toks[verb + 1..], |t| {
            content(&t).then(|| normal(t)).flatten()
        })
    } else {
        Vec::new()
    };
    Some(Frame {
        member,
        key,
        verb,
        negated,
        tail: words_after(toks, verb, &clause),
        clause,
        before,
        subject: prefix.first().cloned(),
        prefix: prefix.into_iter().collect(),
        later: r.negations.iter().filter(|&&i| i > verb).count(),
        head: after.first().cloned(),
        after: after.into_iter().collect(),
        lead,
        pronoun: subject_pronoun(&toks[..start]),
        passive,
        agent,
        offset: toks[verb].range.start,
        quoted: OnceCell::new(),
        plain: (negated || finite(toks, verb)) && !believed,
        opening,
        named,
    })
}

/// How many words follow the verb in its clause.
fn words_after(toks: &[Tok], verb: usize, clause: &Range<usize>) -> usize {
    toks[verb + 1..clause.end.max(verb + 1)]
        .iter()
        .filter(|t| t.is_word())
        .count()
}

/// Folded words from `from` to the verb: auxiliaries and time words,
/// less the words of time that date a title ("former outfielder Jose
/// Canseco") or tell the next act ("then lost"), and less a past
/// auxiliary in a clause reported in the past, whose tense follows the
/// verb of saying ("reported that Amazon was planning" tells what "Amazon
/// is planning" does).
fn lead(text: &str, toks: &[Tok], (from, verb): (usize, usize), backshifted: bool) -> Vec<String> {
    (from..verb)
        .filter(|&i| !dates_a_title(text, toks, i) && !next_in_turn(toks, i, verb))
        .filter(|&i| !(backshifted && is_past_auxiliary(&toks[i].text)))
        .map(|i| toks[i].text.clone())
        .collect()
}

/// Whether a verb of saying in the past introduces the clause.
fn backshifted(introduced: &[Tok]) -> bool {
    introduced
        .iter()
        .any(|t| is_reporting_verb(&t.text) && is_past_form(&t.text))
}

/// Where the subject ends before the verb starting at `start`: before a
/// linking verb that stands just before it ("was found dead"), else at
/// `start`.
fn linking(toks: &[Tok], start: usize) -> usize {
    match start.checked_sub(1) {
        Some(j) if is_linking_verb(&toks[j].text) => j,
        _ => start,
    }
}

/// Whether "then" at `i` stands just before the verb at `verb` or its
/// auxiliary ("quit his job, then lost his home", "was then taken"): it
/// tells what came next, not another time; "then President X" is a title.
fn next_in_turn(toks: &[Tok], i: usize, verb: usize) -> bool {
    toks[i].text == "then" && (i + 1 == verb || i + 2 == verb && is_auxiliary(&toks[i + 1].text))
}

/// Whether a stated verb is a finite one: a past form, or after an
/// auxiliary with only adverbs between ("has since confirmed", "was
/// dead").
fn finite(toks: &[Tok], verb: usize) -> bool {
    is_past_form(&toks[verb].text)
        || toks[..verb]
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .find(|t| !is_adverb(&t.text))
            .is_some_and(|t| is_auxiliary(&t.text) || matches!(t.text.as_str(), "being"))
        || linked_after_auxiliary(toks, verb)
}

/// Whether a linking verb after an auxiliary stands just before the verb
/// ("was found dead", "has been pronounced dead"): the state is stated.
fn linked_after_auxiliary(toks: &[Tok], verb: usize) -> bool {
    let mut words = toks[..verb]
        .iter()
        .rev()
        .filter(|t| t.is_word() && !is_adverb(&t.text));
    words.next().is_some_and(|t| is_linking_verb(&t.text))
        && words.next().is_some_and(|t| is_auxiliary(&t.text))
}

/// Whether a form of "be" stands before the verb, adverbs and a
/// negation between them skipped ("was not blocked", "had been
/// reportedly rushed"): the verb is a passive participle.
fn is_passive(before: &[Tok]) -> bool {
    before
        .iter()
        .rev()
        .filter(|t| t.is_word())
        .find(|t| !is_adverb(&t.text) && !is_negation_word(&t.text))
        .is_some_and(|t| {
            matches!(
                t.text.as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        })
}

/// The agent of a passive verb: the content words of a "by" phrase right
/// after it, or after a particle or adverb ("chopped off by"), as many as
/// the window takes.
fn by_agent(after: &[Tok], normal: impl Fn(&Tok) -> Option<String>) -> Vec<String> {
    let Some(by) = after
        .iter()
        .take(3)
        .position(|t| t.text == "by")
        .filter(|&i| {
            after[..i]
                .iter()
                .all(|t| t.is_word() && (is_adverb(&t.text) || is_particle(&t.text)))
        })
    else {
        return Vec::new();
    };
    after[by + 1..]
        .iter()
        .filter_map(normal)
        .take(WINDOW)
        .collect()
}

/// "off", "up", "out": a particle of a phrasal verb.
fn is_particle(w: &str) -> bool {
    matches!(w, "off" | "up" | "out" | "down" | "away" | "back" | "over")
}

/// The pronoun before a verb, auxiliaries, adverbs and negations between
/// them skipped ("she did not return", "they have since refused").
fn subject_pronoun(before: &[Tok]) -> Option<String> {
    let t =
        before.iter().rev().filter(|t| t.is_word()).find(|t| {
            !is_auxiliary(&t.text) && !is_adverb(&t.text) && !is_negation_word(&t.text)
        })?;
    is_subject_pronoun(&t.text).then(|| t.text.clone())
}

/// A negation of a verb: "not" or "never" after an auxiliary or a
/// subject, an auxiliary with "n't", or "failed to"; not "no", which
/// negates a noun.
fn verbal(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].text.as_str();
    let prev = k.checked_sub(1).map(|j| toks[j].text.as_str());
    match w {
        "not" => prev.is_some_and(is_auxiliary),
        "never" => true,
        _ if w.contains('n') && negator(toks, k).is_some() => {
            w.ends_with("n't")
                || toks.get(k + 1).is_some_and(|t| t.text == "'")
                || toks.get(k + 1).is_some_and(|t| t.text == "to")
        }
        _ => false,
    }
}

/// A modal or future marker in the three words before the verb ("could
/// be", "will not", "can't").
fn modal_before(toks: &[Tok], i: usize) -> bool {
    toks[i.saturating_sub(3)..=i].iter().any(|t| {
        let base = t.text.strip_suffix("n't").unwrap_or(&t.text);
        is_modal(base) || matches!(base, "ca" | "wo" | "sha")
    })
}

/// "the suspension", "his refusal": a noun of the verb's stem.
fn after_determiner(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        matches!(
            toks[j].text.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this"
        )
    })
}

/// The clause is what someone denies ("denied that he was ...").
fn reported_by_denial(toks: &[Tok], c: &Range<usize>) -> bool {
    toks[c.start.saturating_sub(3)..c.start]
        .iter()
        .any(|t| is_denying_verb(&t.text))
}

fn finding(
    story: &Story,
    read: &[Vec<Read>],
    claim: &Frame,
    other: &Frame,
    shared: usize,
    support: usize,
) -> Finding {
    let bytes = |f: &Frame| {
        let toks = &read[f.member.article][f.member.sentence].toks;
        toks[f.clause.start].range.start..toks[f.clause.end - 1].range.end
    };
    let placed = |f: &Frame| -> Placed<()> { (f.member, bytes(f), ()) };
    let account = |f: &Frame, support: usize| Account {
        article: f.member.article,
        position: bytes(f).start,
        support,
    };
    let (first, second) = if claim_order(
        story,
        account(claim, 0),
        account(other, support.saturating_sub(1)),
    )
    .is_le()
    {
        (placed(claim), placed(other))
    } else {
        (placed(other), placed(claim))
    };
    let word = |f: &Frame| {
        let t = &read[f.member.article][f.member.sentence].toks[f.verb];
        story.quote(f.member.article, t.range.clone()).to_string()
    };
    let how = if claim.negated {
        format!("negates \"{}\"", word(claim))
    } else if other.negated {
        format!("states \"{}\" where the other negates it", word(claim))
    } else {
        format!(
            "says \"{}\" where the other says \"{}\"",
            word(claim),
            word(other)
        )
    };
    let explanation = format!(
        "{} {how}, which {} article(s) state the other way ({}); the two share {shared} words around the verb. The sentences are not aligned as a whole: check that they speak of the same event.",
        story.place(claim.member.article, &bytes(claim)),
        support,
        story.place(other.member.article, &bytes(other)),
    );
    Finding::new(
        FindingKind::Contradiction,
        Severity::Medium,
        0.5,
        contradicts(story, &first, &second),
        explanation,
    )
    .suggest("Check which account is right: one article reverses what the other states.")
    .evidence(first.0.article, first.1)
    .evidence(second.0.article, second.1)
}

#[cfg(test)]
mod tests {
    use crate::detect::testing::unaligned;
    use crate::detect::{Finding, FindingKind};

    /// Three articles, none aligned: the first says `claim`, the other two
    /// `counter` in their own words around it.
    fn three(claim: &str, counter: [&str; 2]) -> Vec<Finding> {
        three_dated(["", "", ""], claim, counter)
    }

    fn three_dated(dates: [&str; 3], claim: &str, counter: [&str; 2]) -> Vec<Finding> {
        let texts: Vec<String> = [claim, counter[0], counter[1]]
            .iter()
            .zip(dates)
            .enumerate()
            .map(|(i, (body, date))| format!("Coast report {i}\n{date}\n\n{body}\n"))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        unaligned(&texts, super::super::detect)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
            .collect()
    }

    const COUNTER: [&str; 2] = [
        "The driver was wearing a seat belt on the coastal road near the harbour, police said on Monday.",
        "Witnesses said the driver was wearing a seat belt on the coastal road before the crash.",
    ];

    #[test]
    fn a_negated_verb_against_two_articles_that_state_it() {
        let found = three(
            "The driver, who was taken to hospital, was not wearing a seat belt on the coastal road when the bus overturned.",
            COUNTER,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].explanation.contains("not aligned"), "{found:#?}");
        assert!(found[0].summary.contains("was not wearing a seat belt"));
    }

    #[test]
    fn one_article_alone_on_a_thin_link_is_quiet() {
        let texts = [
            "Coast report\n\nThe driver, who was taken to hospital, was not wearing a seat belt on the coastal road when the bus overturned.\n",
            "Coast report\n\nThe driver was wearing a seat belt on the coastal road near the harbour, police said on Monday.\n",
        ];
        let found = unaligned(&texts, super::super::detect);
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Two articles, none aligned, dated: `claim` against `counter`.
    fn two_unaligned(dates: [&str; 2], claim: &str, counter: &str) -> Vec<Finding> {
        let texts: Vec<String> = [claim, counter]
            .iter()
            .zip(dates)
            .map(|(body, date)| format!("Harbour report\n{date}\n\n{body}\n"))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        unaligned(&texts, super::super::detect)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
            .collect()
    }

    const APPROVED: &str = "The Kessab Harbour Board approved the ferry contract for the coastal route on Monday, members said.";

    /// One article against one is heard when both plainly state the verb
    /// of the same named body.
    #[test]
    fn one_article_against_one_on_a_named_subject() {
        let found = two_unaligned(
            ["", ""],
            "Officials said the Kessab Harbour Board has not approved the ferry contract for the coastal route.",
            APPROVED,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("has not approved"), "{found:#?}");
    }

    #[test]
    fn one_against_one_needs_a_plain_statement_of_the_same_named_thing() {
        for claim in [
            // Another named body.
            "Officials said the Kessab Port Authority has not approved the ferry contract for the coastal route.",
            // A plan, not a past event.
            "Officials said the Kessab Harbour Board will not approve the ferry contract for the coastal route.",
            // Still not: another moment than the approval.
            "Officials said the Kessab Harbour Board has still not approved the ferry contract for the coastal route.",
            // A condition states nothing.
            "If the Kessab Harbour Board has not approved the ferry contract for the coastal route, the ferries will stop.",
        ] {
            let found = two_unaligned(["", ""], claim, APPROVED);
            assert!(found.is_empty(), "{claim}: {found:#?}");
        }
        // A noun of the verb's stem states no release.
        let found = two_unaligned(
            ["", ""],
            "Officials said the Kessab Harbour Board has not released the ferry contract for the coastal route.",
            "The Kessab Harbour Board release of the ferry contract for the coastal route came as a surprise.",
        );
        assert!(found.is_empty(), "{found:#?}");
        // Articles months apart speak of other moments.
        let found = two_unaligned(
            ["Published March 3, 2025", "Published October 9, 2025"],
            "Officials said the Kessab Harbour Board has not approved the ferry contract for the coastal route.",
            APPROVED,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    const SIGNED: &str = "On Friday Moreno signed the lease at the harbour office.";

    /// A named subject and the object are link enough between two plain
    /// statements, one article against one.
    #[test]
    fn a_named_subject_and_its_object_against_one_article() {
        let found = two_unaligned(
            ["", ""],
            "Officials in Kessab said Moreno has not signed the lease.",
            SIGNED,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("has not signed"), "{found:#?}");
    }

    #[test]
    fn what_someone_assumes_or_another_object_is_quiet() {
        for claim in [
            "Officials in Kessab have long assumed that Moreno has not signed the lease.",
            "Officials in Kessab said Moreno has not signed the loan.",
            "Officials in Kessab said Moreno will not sign the lease.",
        ] {
            let found = two_unaligned(["", ""], claim, SIGNED);
            assert!(found.is_empty(), "{claim}: {found:#?}");
        }
    }

    const BIOPSY: &str = "The biopsy caused a spasm and the death of Moreno, the clinic said.";

    /// One article against one on a thin link needs the same object: a
    /// word shared further on links other things.
    #[test]
    fn a_thin_link_needs_the_same_object() {
        let found = two_unaligned(
            ["", ""],
            "Doctors said Moreno's biopsy did not cause the death.",
            BIOPSY,
        );
        assert!(found.is_empty(), "{found:#?}");
        let found = two_unaligned(
            ["", ""],
            "Doctors said Moreno's biopsy did not cause a spasm.",
            BIOPSY,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A participle after a preposition describes its noun ("sent to
    /// verified accounts"): it states no verifying.
    #[test]
    fn a_participle_that_describes_states_nothing() {
        let claim = "Kessab Bank messages sent from the account were not verified on Twitter.";
        let found = two_unaligned(
            ["", ""],
            claim,
            "Kessab Bank messages were sent to verified accounts on Twitter.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let found = two_unaligned(
            ["", ""],
            claim,
            "Kessab Bank messages sent from the account were verified on Twitter.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A verb after a word of trying or asking and "to" is not said to
    /// have happened.
    #[test]
    fn an_effort_to_do_is_no_deed() {
        let claim = "The Kessab council has not recruited guards from the harbour district.";
        let found = two_unaligned(
            ["", ""],
            claim,
            "The Kessab council was making efforts to recruit guards from the harbour district.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let found = two_unaligned(
            ["", ""],
            claim,
            "The Kessab council recruited guards from the harbour district.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_negation_of_another_thing_is_quiet() {
        let found = three(
            "The driver, who was taken to hospital, was not wearing a helmet on the coastal road when the bus overturned.",
            COUNTER,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn another_subject_is_another_event() {
        let found = three(
            "The passenger, who was taken to hospital, was not wearing a seat belt on the coastal road when the bus overturned.",
            COUNTER,
        );
        assert!(found.is_empty(), "{found:#?}");
        // Subject and object swapped: the police calling the driver is
        // not the driver calling the police.
        let found = three(
            "The driver never called the police about the crash on the coastal road.",
            [
                "The police called the driver about the crash on the coastal road on Monday.",
                "Officers said the police called the driver about the crash on the coastal road.",
            ],
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn questions_conditions_and_not_only_state_nothing() {
        for claim in [
            "Was the driver not wearing a seat belt on the coastal road when the bus overturned?",
            "If the driver was not wearing a seat belt on the coastal road, the insurer will refuse to pay.",
            "The driver was not only wearing a seat belt on the coastal road but also a helmet.",
            "The driver could not be wearing a seat belt on the coastal road, the lawyer argued.",
        ] {
            let found = three(claim, COUNTER);
            assert!(found.is_empty(), "{claim}: {found:#?}");
        }
    }

    #[test]
    fn articles_months_apart_are_quiet() {
        let found = three_dated(
            [
                "Published March 3, 2025",
                "Published October 9, 2025",
                "Published October 10, 2025",
            ],
            "The driver, who was taken to hospital, was not wearing a seat belt on the coastal road when the bus overturned.",
            COUNTER,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Two articles that share a line, so that they tell one story and the
    /// aligner may pair the sentences before it: the verb-frame findings.
    fn aligned_two(a: &str, b: &str) -> Vec<Finding> {
        two_dated(["March 3, 2025", "March 3, 2025"], a, b)
    }

    fn two_dated(dates: [&str; 2], a: &str, b: &str) -> Vec<Finding> {
        let link = "Divers searched the Kessab bay for the missing crew on Sunday.";
        let texts: Vec<String> = [a, b]
            .iter()
            .zip(dates)
            .map(|(body, date)| format!("Ferry report\nPublished {date}\n\n{body} {link}\n"))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        crate::detect::testing::run(&texts)
            .findings
            .into_iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
            .filter(|f| f.explanation.contains("around the verb"))
            .collect()
    }

    const COMMENTED: &str = "The harbour authority has commented regarding the collision so far.";

    /// Aligned sentences that share only the verb's subject and object
    /// around it: enough, since the aligner read them as one statement.
    #[test]
    fn an_aligned_pair_needs_only_subject_and_object_in_common() {
        let claim = "The port authority has not commented on the collision near Kessab, and the crew was questioned.";
        let found = aligned_two(claim, COMMENTED);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("has not commented"), "{found:#?}");
        // The same two words and nothing else is no link between
        // sentences the aligner did not pair.
        let texts = [
            format!("Ferry report\n\n{claim}\n"),
            format!("Ferry report\n\n{COMMENTED}\n"),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert!(unaligned(&texts, super::super::detect).is_empty());
    }

    #[test]
    fn an_aligned_pair_on_another_subject_or_object_is_quiet() {
        for claim in [
            "The port police have not commented on the collision near Kessab, and the crew was questioned.",
            "The port authority has not commented on the salvage near Kessab, and the crew was questioned.",
            "If the port authority has not commented on the collision near Kessab, the crew will be questioned.",
            "The port authority will not comment on the collision near Kessab, and the crew was questioned.",
            "Has the port authority not commented on the collision near Kessab, and was the crew questioned?",
        ] {
            let found = aligned_two(claim, COMMENTED);
            assert!(found.is_empty(), "{claim}: {found:#?}");
        }
    }

    #[test]
    fn an_aligned_pair_months_apart_is_quiet() {
        let found = two_dated(
            ["March 3, 2025", "October 9, 2025"],
            "The port authority has not commented on the collision near Kessab, and the crew was questioned.",
            COMMENTED,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    const AGREED: &str =
        "She agreed to further medical treatment, but she did not board the ferry again.";

    /// "refused" before a noun is a verb of its own, the opposite of
    /// "agreed"; the same pronoun as subject of both, in aligned sentences.
    #[test]
    fn a_refusal_by_the_same_pronoun_in_an_aligned_pair() {
        let found = aligned_two(
            "She refused an offer of further medical treatment and did not return to the ferry.",
            AGREED,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("refused"), "{found:#?}");
    }

    /// "also", "just", "already" between the pronoun and its verb leave
    /// the pronoun the subject.
    #[test]
    fn an_adverb_between_the_pronoun_and_the_verb() {
        let found = aligned_two(
            "She also refused an offer of further medical treatment and did not return to the ferry.",
            AGREED,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let found = aligned_two(
            "He also refused an offer of further medical treatment and did not return to the ferry.",
            AGREED,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn another_pronoun_or_no_pairing_is_quiet() {
        let found = aligned_two(
            "He refused an offer of further medical treatment and did not return to the ferry.",
            AGREED,
        );
        assert!(found.is_empty(), "{found:#?}");
        // Whom "she" stands for is not known without the aligner's pair.
        let found = three(
            "She refused an offer of further medical treatment and did not return to the ferry.",
            [
                AGREED,
                "After the crossing she agreed to further medical treatment at the clinic.",
            ],
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    const BLOCKED: &str =
        "Later that year the city council blocked a rival bid for the ferry line from Kessab.";

    /// The passive's agent is the active verb's subject, its subject the
    /// active verb's object.
    #[test]
    fn a_passive_with_its_agent_against_the_active_voice() {
        let found = aligned_two(
            "No one has commented, but a similar bid was not blocked by the city council last year.",
            BLOCKED,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].summary.contains("was not blocked"), "{found:#?}");
    }

    #[test]
    fn a_passive_by_another_agent_or_of_another_thing_is_quiet() {
        for claim in [
            "No one has commented, but a similar bid was not blocked by the harbour board last year.",
            "No one has commented, but a similar loan was not blocked by the city council last year.",
            "No one has commented, but the city council was not blocked by a rival bid last year.",
        ] {
            let found = aligned_two(claim, BLOCKED);
            assert!(found.is_empty(), "{claim}: {found:#?}");
        }
    }

    /// Two articles negate the verb, one states it: each negation has the
    /// other with it, so the statement is the lone side.
    #[test]
    fn a_lone_statement_against_two_articles_that_negate_it() {
        let found = three(
            "The driver, who was taken to hospital, was wearing a seat belt on the coastal road when the bus overturned.",
            [
                "The driver was not wearing a seat belt on the coastal road near the harbour, police said on Monday.",
                "Witnesses said the driver was not wearing a seat belt on the coastal road before the crash.",
            ],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].explanation.contains("negates it"), "{found:#?}");
        assert!(
            found[0].summary.contains("was wearing a seat belt"),
            "{found:#?}"
        );
    }

    /// A negation over a span of time ("for three weeks", "in a month")
    /// is no denial of the act at some moment, perhaps before the span.
    #[test]
    fn a_statement_against_negations_over_a_period_is_quiet() {
        let found = three(
            "The missing driver was seen on the coastal road near the harbour, police said.",
            [
                "The missing driver has not been seen on the coastal road for three weeks, police said on Monday.",
                "Witnesses said the missing driver had not been seen on the coastal road in a month.",
            ],
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn an_opposite_verb_against_two_articles() {
        let found = three(
            "The council approved the harbour budget for the coastal road at its Monday meeting.",
            [
                "On Monday the council rejected the harbour budget for the coastal road, members said.",
                "Members said the council rejected the harbour budget for the coastal road after a long debate.",
            ],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].explanation.contains("not aligned"), "{found:#?}");
    }
}
