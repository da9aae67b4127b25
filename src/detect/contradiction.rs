//! `contradiction`: statements of different articles with opposite polarity
//! or modality about the same thing.
//!
//! * Negation added or dropped: an aligned pair of sentences holds two
//!   clauses that say the same thing, except that one negates the shared
//!   predicate ("Hamas delivered the list of names on time" / "Hamas had not
//!   delivered the list of names on time").
//! * Modality: markers of the two sides of one question (direct or indirect
//!   talks, confirmed or denied, accepted or rejected, on time or late) next
//!   to a topic word of that question, in articles that speak of the same
//!   parties there. The sentences need not align: articles make such claims
//!   in their own words and places. The questions and their markers are data
//!   (`assets/lexicon/contradictions.txt`).

mod frames;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use similar::{DiffOp, DiffTag};

use super::{Account, Finding, FindingKind, Severity, Story, claim_order};
use crate::align::{DiffPart, Member, Vocabulary, diff_words};
use crate::extract::Value;
use crate::extract::polarity::{
    self, Read, Tok, dates_a_title, different_times, inside_quotes, is_boundary, is_modal,
    is_negation_word, is_question, negated_by_earlier_verb, negator, quoted_in_paragraph,
    sets_aside, states_nothing,
};
use crate::extract::speech::{is_denying_verb, is_reporting_verb};
use crate::kb::{Entity, Kb};
use crate::text::fold;
use crate::text::tokens::{Kind, tokenize};

/// Contradictions of both kinds; a sentence pair found by negation is not
/// reported again as a modality clash.
#[must_use]
pub fn detect(story: &Story) -> Vec<Finding> {
    let read = read_story(story);
    let (mut out, mut seen) = negations(story, &read);
    let (framed, pairs) = frames::detect(story, &read, &seen);
    out.extend(framed);
    seen.extend(pairs);
    out.extend(modality(story, &read, &seen));
    super::merge_repeats(story, out)
}

/// Every sentence read, by article and sentence; articles on every core.
fn read_story(story: &Story) -> Vec<Vec<Read>> {
    crate::par::map((0..story.articles.len()).collect(), |article| {
        (0..story.articles[article].sentences.len())
            .map(|sentence| {
                let a = &story.articles[article];
                polarity::read(&a.article.text, a.sentence_tokens(sentence))
            })
            .collect()
    })
}

// ---------------------------------------------------------------- words

use crate::align::normal_word;

// ---------------------------------------------------------------- lexicon

/// A class of topic words, normalised.
#[derive(Debug, Default)]
struct Topic {
    name: String,
    words: Vec<String>,
}

/// A marker phrase: lower-cased words, and words that veto it when they
/// follow ("late on Sunday").
#[derive(Debug, Default)]
struct Phrase {
    words: Vec<String>,
    vetoes: Vec<String>,
}

#[derive(Debug, Default)]
struct Side {
    name: String,
    phrases: Vec<Phrase>,
}

/// One question with two sides.
#[derive(Debug, Default)]
struct Axis {
    /// A negated marker means the other side.
    complementary: bool,
    /// Both statements must name the same actor.
    agent: bool,
    topics: Vec<usize>,
    sides: Vec<Side>,
}

#[derive(Debug, Default)]
struct Questions {
    topics: Vec<Topic>,
    axes: Vec<Axis>,
    /// Words between a marker and a later topic word that show the marker
    /// modifies something else ("a direct result of the talks").
    blockers: FxHashSet<&'static str>,
}

/// The questions of `contradictions.txt`, read once.
static QUESTIONS: LazyLock<Questions> =
    LazyLock::new(|| parse_questions(include_str!("../../assets/lexicon/contradictions.txt")));

fn lexicon() -> &'static Questions {
    &QUESTIONS
}

/// Topics from `[topics]`, one axis per `[axis NAME]` (its `topics`,
/// `flags` and two sides), blockers from `[blockers]`.
fn parse_questions(text: &'static str) -> Questions {
    let file = crate::lexicon::Lexicon::parse(text);
    let topics: Vec<Topic> = file
        .section("topics")
        .map(|s| &s.groups[..])
        .unwrap_or_default()
        .iter()
        .map(|g| Topic {
            name: g.label.unwrap_or_default().to_string(),
            words: g.entries.iter().filter_map(|w| normal_word(w)).collect(),
        })
        .collect();
    let mut axes: Vec<Axis> = file
        .sections
        .iter()
        .filter(|s| s.name.starts_with("axis "))
        .map(|s| parse_axis(s, &topics))
        .collect();
    axes.retain(|a| a.sides.len() == 2 && !a.topics.is_empty());
    let blockers = file
        .section("blockers")
        .into_iter()
        .flat_map(crate::lexicon::Section::entries)
        .collect();
    Questions {
        topics,
        axes,
        blockers,
    }
}

fn parse_axis(section: &crate::lexicon::Section, topics: &[Topic]) -> Axis {
    let listed = |label: &str| -> Vec<&'static str> {
        section
            .group(label)
            .map(|g| g.entries.clone())
            .unwrap_or_default()
    };
    let flags = listed("flags");
    let sides = section
        .groups
        .iter()
        .filter(|g| !matches!(g.label, Some("topics" | "flags") | None))
        .map(|g| Side {
            name: g.label.unwrap_or_default().to_string(),
            phrases: g
                .entries
                .iter()
                .map(|p| parse_phrase(p))
                .filter(|p| !p.words.is_empty())
                .collect(),
        })
        .collect();
    Axis {
        complementary: flags.contains(&"complementary"),
        agent: flags.contains(&"agent"),
        topics: listed("topics")
            .iter()
            .filter_map(|t| topics.iter().position(|x| x.name == *t))
            .collect(),
        sides,
    }
}

fn parse_phrase(text: &str) -> Phrase {
    let (vetoes, words): (Vec<&str>, Vec<&str>) =
        text.split_whitespace().partition(|w| w.starts_with('-'));
    Phrase {
        words: words.iter().map(|w| fold(w)).collect(),
        vetoes: vetoes.iter().map(|w| fold(&w[1..])).collect(),
    }
}

// ---------------------------------------------------------------- tokens

// ---------------------------------------------------------------- negation

/// Fewest content words the two clauses must share.
const MIN_SHARED: usize = 3;
/// Shared content words for a high-severity finding.
const HIGH_SHARED: usize = 4;
/// Most content words, besides the negation, that may differ.
const MAX_CHANGED: usize = 1;

/// Two clauses of aligned sentences, one negating what the other states.
struct Polar {
    neg: Member,
    pos: Member,
    /// Analysis-text ranges of the two clauses.
    neg_clause: Range<usize>,
    pos_clause: Range<usize>,
    negator: String,
    predicate: String,
    shared: usize,
    changed: usize,
    /// Exactly one of the clauses is reported speech ("X said ...").
    attributed: bool,
}

fn negations(story: &Story, read: &[Vec<Read>]) -> (Vec<Finding>, HashSet<(Member, Member)>) {
    let of = |m: &Member| &read[m.article][m.sentence];
    // Each paired sentence's words for near copies, worked out once; most
    // sentences are in no pair, and are not read for words at all.
    let mut paired: Vec<Vec<bool>> = read.iter().map(|r| vec![false; r.len()]).collect();
    for p in story.pairs {
        paired[p.a.article][p.a.sentence] = true;
        paired[p.b.article][p.b.sentence] = true;
    }
    // So are a negated sentence's negated clauses, read once however
    // many pairs it is in.
    let all_words: Vec<Vec<Option<Paired>>> =
        crate::par::map((0..read.len()).collect(), |article| {
            read[article]
                .iter()
                .enumerate()
                .map(|(sentence, r)| {
                    paired[article][sentence].then(|| {
                        let m = Member { article, sentence };
                        (words(story.vocab, m, r), negative_clauses(story, m, r))
                    })
                })
                .collect()
        });
    let read_of = |m: &Member| {
        all_words[m.article][m.sentence]
            .as_ref()
            .expect("every paired sentence's words were read")
    };
    let words_of = |m: &Member| &read_of(m).0;
    // Pairs are judged on every core, in stretches; findings keep pair order.
    let stretches = crate::par::ranges(story.pairs.len(), 8);
    let found: Vec<(Member, Member, Finding)> = crate::par::map(stretches, |r| {
        let mut out = Vec::new();
        for p in &story.pairs[r] {
            let (a, b) = (of(&p.a).negated(), of(&p.b).negated());
            let prefixed = match (a, b) {
                (true, false) => denied_by_prefix(story, &of(&p.a).toks, &of(&p.b).toks),
                (false, true) => denied_by_prefix(story, &of(&p.b).toks, &of(&p.a).toks),
                _ => false,
            };
            if prefixed {
                continue;
            }
            let try_order = |neg: Member, pos: Member| {
                polar_clauses(story, (neg, of(&neg), &read_of(&neg).1), (pos, of(&pos)))
            };
            let found = match (a, b) {
                (false, false) => None, // no negation: nothing to compare
                (true, false) => try_order(p.a, p.b),
                (false, true) => try_order(p.b, p.a),
                (true, true) => try_order(p.a, p.b).or_else(|| try_order(p.b, p.a)),
            };
            if let Some(polar) = found {
                out.push((p.a, p.b, negation_finding(story, &polar, p.score)));
            } else if let Some(copy) = near_copy(story, words_of(&p.a), words_of(&p.b)) {
                out.push((p.a, p.b, copy_finding(story, &copy, p.score)));
            } else if let Some(f) = opposite_clauses(story, words_of(&p.a), words_of(&p.b), p.score)
            {
                out.push((p.a, p.b, f));
            }
        }
        out
    })
    .into_iter()
    .flatten()
    .collect();
    let seen = found.iter().map(|(a, b, _)| pair_key(*a, *b)).collect();
    (found.into_iter().map(|(_, _, f)| f).collect(), seen)
}

fn pair_key(a: Member, b: Member) -> (Member, Member) {
    (a.min(b), a.max(b))
}

/// A paired sentence's words and negated clauses.
type Paired<'r> = (Words<'r>, Vec<Negative<'r>>);

/// A clause with one negation, stating something: the clause, the
/// negation's token, the predicate it denies, and whether it is quoted.
type Negative<'r> = (&'r Range<usize>, usize, usize, bool);

/// Whether the text at `at` of a sentence is quoted. A quotation against
/// narration is a claim against the fact. It counts quotation marks from
/// the paragraph's start: read once per clause, not once per clause pair.
fn quoted(story: &Story, m: Member, at: usize) -> bool {
    quoted_in_paragraph(
        &story.articles[m.article].article.text,
        &story.sentence_range(m),
        at,
    )
}

/// The clauses of a sentence that a clause of another may state plainly:
/// those with one negation that state something and deny a predicate.
fn negative_clauses<'r>(story: &Story, neg: Member, rn: &'r Read) -> Vec<Negative<'r>> {
    let tn = rn.toks.as_slice();
    rn.clauses
        .iter()
        .filter_map(|c| {
            let &[k] = rn.negations_in(c) else {
                return None;
            };
            if states_nothing(tn, c) {
                return None;
            }
            let predicate = predicate(story.vocab, tn, k, c.end)?;
            Some((c, k, predicate, quoted(story, neg, tn[k].range.start)))
        })
        .collect()
}

/// The best pair of clauses where `neg` negates what `pos` states, given
/// the negated clauses of `neg` ([`negative_clauses`]).
fn polar_clauses(
    story: &Story,
    (neg, rn, negative): (Member, &Read, &[Negative]),
    (pos, rp): (Member, &Read),
) -> Option<Polar> {
    if is_question(story.sentence(neg)) || is_question(story.sentence(pos)) {
        return None;
    }
    let (tn, tp) = (rn.toks.as_slice(), rp.toks.as_slice());
    if negative.is_empty() {
        return None;
    }
    // A clause the negating sentence states too is no disagreement: "A
    // will not be B's accessory, but B will be A's" in both sources.
    let stated_by_neg = |c: &Range<usize>| {
        rn.clauses.iter().any(|d| {
            rn.negations_in(d).is_empty()
                && tn[d.clone()]
                    .iter()
                    .map(|t| &t.text)
                    .eq(tp[c.clone()].iter().map(|t| &t.text))
        })
    };
    let positive: Vec<(&Range<usize>, bool)> = rp
        .clauses
        .iter()
        .filter(|c| {
            rp.negations_in(c).is_empty()
                && !states_nothing(tp, c)
                && !negated_by_earlier_verb(tp, c)
                && !stated_by_neg(c)
        })
        .map(|c| (c, quoted(story, pos, tp[c.start].range.start)))
        .collect();
    let mut best: Option<Polar> = None;
    for &(c, k, predicate, quoted_n) in negative {
        for &(pc, quoted_p) in &positive {
            if quoted_p != quoted_n {
                continue;
            }
            let side_n = Clause {
                member: neg,
                toks: tn,
                range: c.clone(),
            };
            let side_p = Clause {
                member: pos,
                toks: tp,
                range: (*pc).clone(),
            };
            let Some(found) = compare(story, &side_n, &side_p, k, predicate) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| {
                (found.changed, std::cmp::Reverse(found.shared))
                    < (b.changed, std::cmp::Reverse(b.shared))
            }) {
                best = Some(found);
            }
        }
    }
    best
}

/// Whether the stating sentence denies with a prefix what the negated one
/// denies with "not": "does not come with furnishings" and "comes
/// unfurnished" say the same.
fn denied_by_prefix(story: &Story, negated: &[Tok], stating: &[Tok]) -> bool {
    let denied: Vec<Cow<str>> = negated.iter().map(|t| story.vocab.stem(&t.text)).collect();
    stating.iter().any(|t| {
        ["un", "non"].iter().any(|p| {
            t.text
                .strip_prefix(p)
                .filter(|rest| rest.len() >= 4)
                .is_some_and(|rest| denied.contains(&story.vocab.stem(rest)))
        })
    })
}

/// The first content word after the negation at `k`: what it denies.
fn predicate(vocab: &Vocabulary, toks: &[Tok], k: usize, end: usize) -> Option<usize> {
    let skip = negator(toks, k).unwrap_or(1);
    (k + skip..end).find(|&i| {
        toks[i].is_word()
            && !is_negation_word(&toks[i].text)
            && !is_modal(&toks[i].text)
            && !is_adverb(&toks[i].text)
            && vocab.normal(&toks[i].text).is_some()
    })
}

/// "publicly", "formally", "yet": a word between a negation and what it
/// denies ("has not publicly commented" denies the commenting), or between
/// a subject and its verb ("she also refused", "I just opened").
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
        || matches!(
            w,
            "yet" | "ever" | "even" | "always" | "just" | "also" | "already"
        )
}

/// A clause: the sentence's tokens and the token range it covers.
struct Clause<'t> {
    member: Member,
    toks: &'t [Tok],
    range: Range<usize>,
}

impl Clause<'_> {
    fn bytes(&self) -> Range<usize> {
        self.toks[self.range.start].range.start..self.toks[self.range.end - 1].range.end
    }

    /// The clause is what someone says or denies: a reporting verb stands
    /// just before it ("said that ...", "denied ...").
    fn reported_by(&self, verb: fn(&str) -> bool) -> bool {
        let from = self.range.start.saturating_sub(3);
        self.toks[from..self.range.start]
            .iter()
            .any(|t| verb(&t.text))
    }
}

/// Folded words of the changed parts of a word diff of `text`.
fn changed_words(text: &str, parts: &[DiffPart], changed: bool) -> Vec<String> {
    let mut tokens = Vec::new();
    for p in parts.iter().filter(|p| p.changed == changed) {
        tokenize(text, p.range.clone(), &mut tokens);
    }
    tokens
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| fold(t.text(text)))
        .collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn content(vocab: &Vocabulary, words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_negation_word(w))
        .filter_map(|w| vocab.normal(w).map(Cow::into_owned))
        .collect()
}

/// How two clauses' content words differ.
struct ClauseDiff {
    /// Content words both say.
    shared: usize,
    /// Content words only the first says, and only the second.
    left: (Vec<String>, Vec<String>),
}

/// The word diff of two clauses by normal form, a word moved or inflected
/// ("did not reopen" against "reopened") counted as shared; `None` when
/// the clauses differ in a verb of saying, a modal or a time word, which
/// make them other statements.
fn clause_diff(story: &Story, x: &Clause, y: &Clause) -> Option<ClauseDiff> {
    let text_x = &story.articles[x.member.article].article.text[x.bytes()];
    let text_y = &story.articles[y.member.article].article.text[y.bytes()];
    let (dx, dy) = diff_words(text_x, text_y);
    let (raw_x, raw_y) = (
        changed_words(text_x, &dx, true),
        changed_words(text_y, &dy, true),
    );
    // A telling word both sides hold, moved ("isn't yet happy" / "isn't
    // happy just yet"), tells the same on both.
    let telling = |w: &String| {
        (is_reporting_verb(w) || is_modal(w)) && !(raw_x.contains(w) && raw_y.contains(w))
    };
    // Both reported: the tense follows the verb of saying.
    let times = if x.reported_by(is_reporting_verb) && y.reported_by(is_reporting_verb) {
        polarity::different_time_words
    } else {
        different_times
    };
    if raw_x.iter().chain(&raw_y).any(telling) || times(&strs(&raw_x), &strs(&raw_y)) {
        return None;
    }
    let (mut left_x, mut left_y) = (content(story.vocab, &raw_x), content(story.vocab, &raw_y));
    let mut shared = content(story.vocab, &changed_words(text_x, &dx, false)).len();
    left_x.retain(|w| match left_y.iter().position(|v| v == w) {
        Some(i) => {
            left_y.swap_remove(i);
            shared += 1;
            false
        }
        None => true,
    });
    Some(ClauseDiff {
        shared,
        left: (left_x, left_y),
    })
}

/// Whether two clauses say the same thing but for the negation at `k`.
fn compare(story: &Story, neg: &Clause, pos: &Clause, k: usize, predicate: usize) -> Option<Polar> {
    if pos.reported_by(is_denying_verb) || neg.reported_by(is_denying_verb) {
        return None;
    }
    // The positive clause must state the negated predicate: checked before
    // the costly word diff, which most clause pairs never need.
    let predicate_norm = story.vocab.normal(&neg.toks[predicate].text)?;
    // Not as a verb only asked for or tried ("was asked to comment" /
    // "declined to comment"), nor as a word that describes a noun ("sent
    // to verified accounts" / "was not verified").
    let states_predicate = pos.range.clone().any(|i| {
        story.vocab.normal(&pos.toks[i].text).as_ref() == Some(&predicate_norm)
            && !polarity::unasserted(pos.toks, i)
            && !polarity::describes(pos.toks, i)
    });
    if !states_predicate {
        return None;
    }
    let ClauseDiff {
        shared,
        left: (left_n, left_p),
    } = clause_diff(story, neg, pos)?;
    let changed = left_n.len() + left_p.len();
    if left_n.iter().any(|w| *w == predicate_norm) || shared < MIN_SHARED {
        return None;
    }
    if changed > MAX_CHANGED && !detail_added(story, neg, pos, k, (&left_n, &left_p)) {
        return None;
    }
    let negation_end = k + negator(neg.toks, k).unwrap_or(1) - 1;
    Some(Polar {
        neg: neg.member,
        pos: pos.member,
        neg_clause: neg.bytes(),
        pos_clause: pos.bytes(),
        negator: story
            .quote(
                neg.member.article,
                neg.toks[k].range.start..neg.toks[negation_end].range.end,
            )
            .to_string(),
        predicate: story
            .quote(neg.member.article, neg.toks[predicate].range.clone())
            .to_string(),
        shared,
        changed,
        attributed: neg.reported_by(is_reporting_verb) != pos.reported_by(is_reporting_verb),
    })
}

/// Most content words a restatement may add beside the negation, when
/// at most one of them replaces a word of the other side.
const MAX_DETAIL: usize = 3;

/// Whether the words the clauses do not share are details one side adds
/// ("The Taliban have not publicly commented on the incident" against
/// "The Taliban group has commented on the incident so far"): at most one
/// word replaced, `MAX_DETAIL` in all, the word before the negation said
/// on both sides ("elected not to press charges" is no "advised to press
/// charges"), a negation that falls on a verb, and nothing in or before
/// the positive clause that denies or undoes it ("refusal to allow", "no
/// indication the soldiers posed", "without her consent").
fn detail_added(
    story: &Story,
    neg: &Clause,
    pos: &Clause,
    k: usize,
    (left_n, left_p): (&[String], &[String]),
) -> bool {
    let replaced = left_n.len().min(left_p.len());
    if replaced > 1 || left_n.len() + left_p.len() > MAX_DETAIL {
        return false;
    }
    let normal = |t: &Tok| story.vocab.normal(&t.text).map(Cow::into_owned);
    let in_pos = |w: &str| {
        pos.toks[pos.range.clone()]
            .iter()
            .any(|t| normal(t).as_deref() == Some(w))
    };
    let before = k.checked_sub(1).map(|j| &neg.toks[j]);
    let verb_before = before
        .filter(|t| t.is_word() && !is_auxiliary(&t.text))
        .and_then(normal);
    if verb_before.is_some_and(|w| !in_pos(&w)) {
        return false;
    }
    let undone = undone(story, pos.toks, &pos.range, None);
    // The negation must fall on a verb: "that's not what the office
    // says" denies no statement.
    let after = neg.toks.get(k + negator(neg.toks, k).unwrap_or(1));
    let on_verb = after.is_some_and(|t| {
        t.is_word()
            && !matches!(
                t.text.as_str(),
                "what" | "a" | "an" | "the" | "that" | "this" | "only" | "just" | "even" | "all"
            )
    });
    on_verb && !undone
}

/// Whether a word denies or undoes a clause, written ("without", "not")
/// or by its normal form ("refusal" for "refused"): a clause it governs
/// may not be what the sentence states.
fn undoing(story: &Story, t: &Tok) -> bool {
    is_negation_word(&t.text)
        || UNDOING.0.contains(t.text.as_str())
        || story
            .vocab
            .normal(&t.text)
            .is_some_and(|w| UNDOING.1.contains(w.as_ref()))
}

/// Whether a word that denies or undoes stands in a clause or before it:
/// an earlier clause may govern it ("did not say that the court
/// convicted him"), a later one rarely does ("She refused treatment, but
/// she didn't get back on the plane" states the refusal). A word of
/// normal form `besides` does not count: the swapped word itself
/// ("refused" against "agreed") states the clause, it does not undo it.
fn undone(story: &Story, toks: &[Tok], clause: &Range<usize>, besides: Option<&str>) -> bool {
    toks[..clause.end].iter().any(|t| {
        undoing(story, t)
            && besides.is_none_or(|w| story.vocab.normal(&t.text).as_deref() != Some(w))
    })
}

/// The words that undo a clause ([`crate::extract::polarity::undoing_words`]),
/// as written and by normal form, worked out once: stemming them for every
/// pair of sentences was most of the rule's time.
static UNDOING: LazyLock<(FxHashSet<&'static str>, FxHashSet<String>)> = LazyLock::new(|| {
    let written: FxHashSet<&str> = crate::extract::polarity::undoing_words().collect();
    let normal = written.iter().filter_map(|w| normal_word(w)).collect();
    (written, normal)
});

/// "is", "was", "has", "did": the verb before "not" that says nothing of
/// its own.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "am"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
    )
}

/// Two clauses of aligned sentences, neither negated, that say the same
/// but for one word swapped for its opposite, one side perhaps adding a
/// detail ("She refused additional treatment" against "She agreed to an
/// offer of additional treatment"): what near copies find in whole
/// sentences, found in one clause of each. A clause denied or undone in
/// itself or before it is left alone (see [`undone`]).
fn opposite_clauses(story: &Story, wa: &Words, wb: &Words, score: f32) -> Option<Finding> {
    let (a, ra, b, rb) = (wa.member, wa.read, wb.member, wb.read);
    if is_question(story.sentence(a)) || is_question(story.sentence(b)) {
        return None;
    }
    let table = crate::align::opposites();
    let opposites_in_a: Vec<&Vec<String>> = wa
        .normals
        .iter()
        .filter_map(|n| table.get(n.as_deref()?))
        .collect();
    if opposites_in_a.is_empty() {
        return None;
    }
    let has_opposite = wb.normals.iter().flatten().any(|w| {
        opposites_in_a
            .iter()
            .any(|o| o.iter().any(|x| *x == w.as_ref()))
    });
    if !has_opposite {
        return None;
    }
    for ca in &ra.clauses {
        for cb in &rb.clauses {
            let side_a = Clause {
                member: a,
                toks: &ra.toks,
                range: ca.clone(),
            };
            let side_b = Clause {
                member: b,
                toks: &rb.toks,
                range: cb.clone(),
            };
            let Some(words) = swapped(story, &side_a, &side_b) else {
                continue;
            };
            if !undone(story, &ra.toks, ca, Some(&words.0))
                && !undone(story, &rb.toks, cb, Some(&words.1))
            {
                return Some(opposite_finding(story, (&side_a, &side_b), &words, score));
            }
        }
    }
    None
}

/// The opposite words two clauses differ in, when that is all they differ
/// in but for details one side adds (`MAX_DETAIL` words in all with the
/// swapped pair, none replacing a word of the other side).
fn swapped(story: &Story, x: &Clause, y: &Clause) -> Option<(String, String)> {
    let ClauseDiff {
        shared,
        left: (mut left_x, mut left_y),
    } = clause_diff(story, x, y)?;
    let table = crate::align::opposites();
    let (i, j) = left_x.iter().enumerate().find_map(|(i, w)| {
        let o = table.get(w)?;
        left_y.iter().position(|v| o.contains(v)).map(|j| (i, j))
    })?;
    let pair = (left_x.remove(i), left_y.remove(j));
    let one_sided = left_x.is_empty() || left_y.is_empty();
    (shared >= MIN_SHARED && one_sided && left_x.len() + left_y.len() < MAX_DETAIL).then_some(pair)
}

fn opposite_finding(
    story: &Story,
    (x, y): (&Clause, &Clause),
    (wx, wy): &(String, String),
    score: f32,
) -> Finding {
    let (first, second) = claim_first(story, (x.member, x.bytes(), ()), (y.member, y.bytes(), ()));
    let summary = contradicts(story, &first, &second);
    let explanation = format!(
        "{} and {} say the same thing (aligned sentences, similarity {score:.2}) but for words of opposite sense (\"{wx}\" against \"{wy}\", as stems).",
        story.place(first.0.article, &first.1),
        story.place(second.0.article, &second.1),
    );
    Finding::new(
        FindingKind::Contradiction,
        Severity::Medium,
        0.6,
        summary,
        explanation,
    )
    .suggest("Check which account is right: one article reverses what the other states.")
    .evidence(first.0.article, first.1)
    .evidence(second.0.article, second.1)
    .over_time(story.apart(x.member.article, y.member.article))
}

fn negation_finding(story: &Story, p: &Polar, score: f32) -> Finding {
    let close = p.changed == 0 && p.shared >= HIGH_SHARED && !p.attributed;
    let (severity, confidence) = if close {
        (Severity::High, 0.85)
    } else {
        (Severity::Medium, 0.6)
    };
    let (first, second) = claim_first(
        story,
        (p.pos, p.pos_clause.clone(), ()),
        (p.neg, p.neg_clause.clone(), ()),
    );
    let summary = contradicts(story, &first, &second);
    let attributed = if p.attributed {
        " One of the two is reported speech, so the clash may be between a claim and the fact."
    } else {
        ""
    };
    let explanation = format!(
        "{} states \"{}\"; {} says the opposite, \"{}\". The clauses share {} content words and differ in the negation \"{}\" of the shared predicate \"{}\" (aligned sentences, similarity {score:.2}).{attributed}",
        story.place(p.pos.article, &p.pos_clause),
        story.quote(p.pos.article, p.pos_clause.clone()),
        story.place(p.neg.article, &p.neg_clause),
        story.quote(p.neg.article, p.neg_clause.clone()),
        p.shared,
        p.negator,
        p.predicate,
    );
    Finding::new(
        FindingKind::Contradiction,
        severity,
        confidence,
        summary,
        explanation,
    )
    .suggest("Check which account is right: one article reverses what the other states.")
    .evidence(first.0.article, first.1)
    .evidence(second.0.article, second.1)
    .over_time(story.apart(p.pos.article, p.neg.article))
}

// ---------------------------------------------------------------- near copies

/// Fewest content words two near copies must share.
const COPY_SHARED: usize = 5;
/// Most content words, besides the reversal, in which near copies may differ.
const COPY_CHANGED: usize = 2;

/// A sentence's words for comparing near copies.
struct Words<'r> {
    member: Member,
    read: &'r Read,
    /// Token indices of the words.
    at: Vec<usize>,
    /// Each token's normal form: read once per sentence, as a sentence is
    /// in several pairs.
    normals: Vec<Option<Cow<'r, str>>>,
    /// What each word compares as: its normal form, else the folded word;
    /// borrowed, as every word of every paired sentence has one.
    keys: Vec<Cow<'r, str>>,
    /// Whether each word is a content word.
    content: Vec<bool>,
    /// Whether each token is part of a negation.
    negation: Vec<bool>,
}

fn words<'r>(vocab: &'r Vocabulary, member: Member, read: &'r Read) -> Words<'r> {
    let toks = &read.toks;
    let at: Vec<usize> = (0..toks.len()).filter(|&i| toks[i].is_word()).collect();
    let normals: Vec<Option<Cow<str>>> = toks.iter().map(|t| vocab.normal(&t.text)).collect();
    let content = at.iter().map(|&i| normals[i].is_some()).collect();
    let keys = at
        .iter()
        .map(|&i| {
            normals[i]
                .clone()
                .unwrap_or(Cow::Borrowed(toks[i].text.as_str()))
        })
        .collect();
    let mut negation = vec![false; toks.len()];
    for &k in &read.negations {
        let n = negator(toks, k).unwrap_or(1);
        negation[k..(k + n).min(toks.len())].fill(true);
    }
    Words {
        member,
        read,
        at,
        normals,
        keys,
        content,
        negation,
    }
}

impl Words<'_> {
    /// The clause a token stands in, as analysis-text bytes; a reporting
    /// verb that ends a clause ("the zoo denied") goes with the clause
    /// before it.
    fn clause_of(&self, tok: usize) -> Range<usize> {
        let toks = &self.read.toks;
        let clauses = &self.read.clauses;
        let r = clauses
            .iter()
            .find(|c| c.contains(&tok))
            .cloned()
            .or_else(|| {
                clauses
                    .iter()
                    .find(|c| c.end == tok)
                    .map(|c| c.start..tok + 1)
            })
            .unwrap_or(tok..tok + 1);
        toks[r.start].range.start..toks[r.end - 1].range.end
    }

    /// Whether the negation starting at word `i` is the last word of its
    /// clause.
    fn ends_clause(&self, i: usize) -> bool {
        let next = (i + 1..self.at.len()).find(|&w| !is_neg(self, w));
        !next.is_some_and(|w| {
            let (x, y) = (self.at[i], self.at[w]);
            self.read
                .clauses
                .iter()
                .any(|c| c.contains(&x) && c.contains(&y))
        })
    }

    /// How many negations the token's clause holds.
    fn negations_around(&self, tok: usize) -> usize {
        self.read
            .clauses
            .iter()
            .find(|c| c.contains(&tok))
            .map_or(0, |c| self.read.negations_in(c).len())
    }

    /// Whether a denying verb stands just before the token's clause
    /// ("denied that the crossing did not reopen").
    fn denied(&self, tok: usize) -> bool {
        let toks = &self.read.toks;
        self.read
            .clauses
            .iter()
            .find(|c| c.contains(&tok))
            .is_some_and(|c| {
                toks[c.start.saturating_sub(3)..c.start]
                    .iter()
                    .any(|t| is_denying_verb(&t.text))
            })
    }

    fn clause_states_nothing(&self, tok: usize) -> bool {
        self.read
            .clauses
            .iter()
            .find(|c| c.contains(&tok))
            .is_some_and(|c| states_nothing(&self.read.toks, c))
    }

    /// Whether a clause is denied by a verb in an earlier one ("refuse to
    /// negotiate or to allow"): its plain words then say the opposite.
    fn denied_from_before(&self) -> bool {
        self.read
            .clauses
            .iter()
            .any(|c| negated_by_earlier_verb(&self.read.toks, c))
    }
}

/// How near copies differ.
enum Reversal {
    /// One negates what the other states: the negation's first token.
    Negation { negated: usize },
    /// One says a word, the other its opposite: the two tokens.
    Opposite { a: usize, b: usize },
}

/// Two aligned sentences that are one statement in nearly the same words
/// but for a reversal: a negation added or dropped, or a word swapped for
/// its opposite.
struct Copy<'r> {
    a: &'r Words<'r>,
    b: &'r Words<'r>,
    reversal: Reversal,
    /// Which side holds the negation (for `Negation`): true for `a`.
    negated_a: bool,
    /// The token of the other side where the negation would stand.
    anchor: usize,
    shared: usize,
    changed: usize,
}

/// Content words the unchanged stretches on both sides of a reversal must
/// hold when the sentences differ elsewhere too.
const FLANK: usize = 4;

/// Word-level difference of two sentences: shared content words, and the
/// changed words of each side with the place they face on the other side.
type Changed = Vec<(usize, usize)>;

fn word_diff(a: &Words, ops: &[DiffOp]) -> (usize, Changed, Changed) {
    let (mut shared, mut ca, mut cb) = (0, Vec::new(), Vec::new());
    for op in ops {
        let (o, n) = (op.old_range(), op.new_range());
        if op.tag() == DiffTag::Equal {
            shared += o.filter(|&w| a.content[w]).count();
            continue;
        }
        ca.extend(o.clone().map(|w| (w, n.start)));
        cb.extend(n.map(|w| (w, o.start)));
    }
    (shared, ca, cb)
}

/// What a reversal is and where: the reversal, whether `a` holds the
/// negation, the token of the other side facing it, other content words
/// changed.
type Found = (Reversal, bool, usize, usize);

/// Whether two aligned sentences are near copies with one reversed: the
/// whole sentences, or a reversal inside a long unchanged stretch.
fn near_copy<'r>(story: &Story, a: &'r Words<'r>, b: &'r Words<'r>) -> Option<Copy<'r>> {
    if is_question(story.sentence(a.member)) || is_question(story.sentence(b.member)) {
        return None;
    }
    if !may_reverse(a, b) {
        return None;
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &a.keys, &b.keys);
    let (shared, ca, cb) = word_diff(a, &ops);
    if shared < FLANK {
        return None;
    }
    let found = whole_copy(a, b, shared, &ca, &cb).or_else(|| {
        // Elsewhere the sentences differ: count what changed for the report.
        let other = |w: &Words, c: &Changed| {
            c.iter()
                .filter(|&&(i, _)| w.content[i] && !is_neg(w, i))
                .count()
        };
        let changed = other(a, &ca) + other(b, &cb);
        local_reversal(a, b, &ops).map(|(r, n, at, _)| {
            let own = usize::from(matches!(r, Reversal::Opposite { .. })) * 2;
            (r, n, at, changed.saturating_sub(own).max(1))
        })
    })?;
    let (reversal, negated_a, anchor, changed) = found;
    // A negation reverses the statement only if the sentences' negations
    // differ in number ("no terms were disclosed" / "terms were not
    // disclosed" is one statement); a swapped opposite, only if they do not.
    let ((x, tx), (y, ty)) = match reversal {
        Reversal::Negation { negated } if negated_a => ((&a, negated), (&b, anchor)),
        Reversal::Negation { negated } => ((&b, negated), (&a, anchor)),
        Reversal::Opposite { a: ta, b: tb } => ((&a, ta), (&b, tb)),
    };
    let odd = (x.negations_around(tx) + y.negations_around(ty)) % 2 == 1;
    if odd != matches!(reversal, Reversal::Negation { .. }) || x.denied(tx) || y.denied(ty) {
        return None;
    }
    // A swapped word may govern a later clause the negation stands in
    // ("confirmed that their son would not attend" is "denied their son
    // would attend"): the sentences' negations must agree in number too,
    // within the stretch both tell. Words one side adds before or after
    // it ("... with a meteorite and not with any other event") are a
    // clause the other lacks, and reverse nothing the two share.
    let negations = told_negations(a, &ops, true) + told_negations(b, &ops, false);
    if matches!(reversal, Reversal::Opposite { .. }) && negations % 2 == 1 {
        return None;
    }
    // "Former" before a name dates the title, not the statement.
    let text = |w: &Words<'r>, c: &Changed| -> Vec<&'r str> {
        let article = &story.articles[w.member.article].article.text;
        c.iter()
            .filter(|&&(i, _)| !dates_a_title(article, &w.read.toks, w.at[i]))
            .map(|&(i, _)| w.read.toks[w.at[i]].text.as_str())
            .collect()
    };
    if different_times(&text(a, &ca), &text(b, &cb)) {
        return None;
    }
    let (neg, pos) = if negated_a { (&a, &b) } else { (&b, &a) };
    if let Reversal::Negation { negated } = reversal
        && (neg.clause_states_nothing(negated)
            || pos.clause_states_nothing(anchor)
            || pos.denied_from_before())
    {
        return None;
    }
    Some(Copy {
        a,
        b,
        reversal,
        negated_a,
        anchor,
        shared,
        changed,
    })
}

/// The negations of one side of a diff (`a` when `old`) that bear on
/// what both sentences tell: those in unchanged words, or standing alone
/// in a change ("would [not] attend"). A negation inside a phrase only one
/// side has ("and not with any other type of event") belongs to that
/// phrase's own statement.
fn told_negations(w: &Words, ops: &[DiffOp], old: bool) -> usize {
    ops.iter()
        .filter_map(|op| {
            let r = if old { op.old_range() } else { op.new_range() };
            let bare = r.clone().all(|i| !w.content[i] || is_neg(w, i));
            (!r.is_empty() && (op.tag() == DiffTag::Equal || bare)).then_some(r)
        })
        .map(|r| {
            w.read
                .negations_in(&(w.at[r.start]..w.at[r.end - 1] + 1))
                .len()
        })
        .sum()
}

/// What a reversal needs, checked before the costlier diff: a negation on
/// either side or a pair of opposites across, and `FLANK` content words of
/// `a` that `b` also has.
fn may_reverse(a: &Words, b: &Words) -> bool {
    let negated = a.negation.iter().chain(&b.negation).any(|&n| n);
    let opposites = || {
        let table = crate::align::opposites();
        a.keys
            .iter()
            .filter_map(|k| table.get(k.as_ref()))
            .any(|o| b.keys.iter().any(|x| o.iter().any(|y| y == x)))
    };
    let shared = (0..a.keys.len())
        .filter(|&i| a.content[i] && b.keys.contains(&a.keys[i]))
        .take(FLANK)
        .count();
    shared >= FLANK && (negated || opposites())
}

fn is_neg(w: &Words, i: usize) -> bool {
    w.negation[w.at[i]]
}

fn modal_word(w: &Words, i: usize) -> bool {
    is_modal(&w.read.toks[w.at[i]].text)
}

/// The whole sentences are one statement but for a reversal.
fn whole_copy(a: &Words, b: &Words, shared: usize, ca: &Changed, cb: &Changed) -> Option<Found> {
    if shared < COPY_SHARED
        || ca.iter().any(|&(i, _)| modal_word(a, i))
        || cb.iter().any(|&(i, _)| modal_word(b, i))
    {
        return None;
    }
    let (na, nb): (Vec<_>, Vec<_>) = (
        ca.iter().filter(|&&(i, _)| is_neg(a, i)).collect(),
        cb.iter().filter(|&&(i, _)| is_neg(b, i)).collect(),
    );
    // Content words changed besides the negation; a word moved or
    // inflected ("was killed" / "killed") is no change.
    let mut left_a: Vec<usize> = ca
        .iter()
        .map(|&(i, _)| i)
        .filter(|&i| a.content[i] && !is_neg(a, i))
        .collect();
    let mut left_b: Vec<usize> = cb
        .iter()
        .map(|&(i, _)| i)
        .filter(|&i| b.content[i] && !is_neg(b, i))
        .collect();
    left_a.retain(
        |&i| match left_b.iter().position(|&j| b.keys[j] == a.keys[i]) {
            Some(p) => {
                left_b.swap_remove(p);
                false
            }
            None => true,
        },
    );
    if left_a.len() + left_b.len() > COPY_CHANGED + 2 {
        return None;
    }
    match (na.as_slice(), nb.as_slice()) {
        ([], []) => {
            let (i, j) = left_a.iter().find_map(|&i| {
                left_b
                    .iter()
                    .find(|&&j| opposite(a, i, b, j))
                    .map(|&j| (i, j))
            })?;
            let changed = left_a.len() + left_b.len() - 2;
            let reversal = Reversal::Opposite {
                a: a.at[i],
                b: b.at[j],
            };
            (changed <= COPY_CHANGED).then_some((reversal, false, 0, changed))
        }
        ([x], []) | ([], [x]) => {
            let (i, facing) = **x;
            let negated_a = nb.is_empty();
            let (neg, pos) = if negated_a { (a, b) } else { (b, a) };
            // What the negation denies must be said on both sides: else it
            // came with words the other sentence lacks ("because they were
            // not authorized to"), and adds a statement, not a reversal.
            let changed_here = if negated_a { ca } else { cb };
            let denied = (i + 1..neg.keys.len()).find(|&w| neg.content[w] && !is_neg(neg, w));
            if denied.is_some_and(|w| changed_here.iter().any(|&(j, _)| j == w)) {
                return None;
            }
            // Nor does a negation that ends its clause deny what follows:
            // "did nothing and allowed him to leave" denies the doing, not
            // the allowing.
            if neg.ends_clause(i) || asked_for(neg, i, pos) {
                return None;
            }
            let changed = left_a.len() + left_b.len();
            let anchor = pos.at[facing.min(pos.at.len() - 1)];
            let reversal = Reversal::Negation { negated: neg.at[i] };
            (changed <= COPY_CHANGED).then_some((reversal, negated_a, anchor, changed))
        }
        _ => None,
    }
}

/// Whether what the negation at word `i` of `neg` denies is, on the
/// other side, only asked for or tried ("declined to comment" / "was
/// asked to comment"): the first content word after it, wherever `pos`
/// says it.
fn asked_for(neg: &Words, i: usize, pos: &Words) -> bool {
    let Some(w) = (i + 1..neg.keys.len()).find(|&w| neg.content[w] && !is_neg(neg, w)) else {
        return false;
    };
    let mut said = (0..pos.keys.len())
        .filter(|&j| pos.keys[j] == neg.keys[w])
        .peekable();
    said.peek().is_some() && said.all(|j| polarity::unasserted(&pos.read.toks, pos.at[j]))
}

fn opposite(a: &Words, i: usize, b: &Words, j: usize) -> bool {
    crate::align::opposites()
        .get(a.keys[i].as_ref())
        .is_some_and(|o| o.iter().any(|y| *y == b.keys[j]))
}

/// A negation added or dropped, or a word swapped for its opposite, with
/// unchanged stretches around it that hold `FLANK` content words.
fn local_reversal(a: &Words, b: &Words, ops: &[DiffOp]) -> Option<Found> {
    let flank = |op: Option<&DiffOp>| {
        op.filter(|x| x.tag() == DiffTag::Equal)
            .map_or(0, |x| x.old_range().filter(|&w| a.content[w]).count())
    };
    let negation = |w: &Words, r: &Range<usize>| !r.is_empty() && r.clone().all(|i| is_neg(w, i));
    ops.iter().enumerate().find_map(|(k, op)| {
        if op.tag() == DiffTag::Equal {
            return None;
        }
        // What a negation denies follows it: the words after it must be
        // the same too ("not to kill" against "to spare" is no copy).
        let after = flank(ops.get(k + 1));
        let around = flank(k.checked_sub(1).and_then(|j| ops.get(j))) + after;
        if around < FLANK {
            return None;
        }
        let (o, n) = (op.old_range(), op.new_range());
        let facing = |w: &Words, at: usize| w.at[at.min(w.at.len() - 1)];
        if after == 0 && (o.is_empty() || n.is_empty()) {
            None
        } else if negation(a, &o) && n.is_empty() {
            Some((
                Reversal::Negation {
                    negated: a.at[o.start],
                },
                true,
                facing(b, n.start),
                0,
            ))
        } else if negation(b, &n) && o.is_empty() {
            Some((
                Reversal::Negation {
                    negated: b.at[n.start],
                },
                false,
                facing(a, o.start),
                0,
            ))
        } else if contracted(a, &o, b, &n) {
            // "It doesn't matter" against "It does matter": the negation
            // is written into the auxiliary the other side keeps.
            let negated = a.at[o.start];
            Some((Reversal::Negation { negated }, true, b.at[n.start], 0))
        } else if contracted(b, &n, a, &o) {
            let negated = b.at[n.start];
            Some((Reversal::Negation { negated }, false, a.at[o.start], 0))
        } else if let Some((i, j)) = swap_in(a, &o, b, &n) {
            let reversal = Reversal::Opposite {
                a: a.at[i],
                b: b.at[j],
            };
            Some((reversal, false, 0, 0))
        } else if opposite(a, o.start, b, n.start)
            // At the end, one side may go on past the swapped word
            // ("yard, dead!" against "yard alive, but weak").
            && k + 1 == ops.len()
            && (o.len() == 1 || n.len() == 1)
        {
            let reversal = Reversal::Opposite {
                a: a.at[o.start],
                b: b.at[n.start],
            };
            Some((reversal, false, 0, 0))
        } else {
            None
        }
    })
}

/// Whether an edit swaps a contracted negation on one side ("wasn't",
/// "didn ' t", "cannot") for the bare auxiliary on the other ("was").
fn contracted(neg: &Words, r: &Range<usize>, plain: &Words, p: &Range<usize>) -> bool {
    if r.is_empty() || p.len() != 1 || !r.clone().all(|i| is_neg(neg, i)) {
        return false;
    }
    let written = neg.read.toks[neg.at[r.start]].text.as_str();
    let auxiliary = match written {
        "cannot" | "can't" => Some("can"),
        "won't" => Some("will"),
        "shan't" => Some("shall"),
        _ if r.len() > 1 => written.strip_suffix('n'),
        _ => written.strip_suffix("n't"),
    };
    auxiliary.is_some_and(|w| w == plain.read.toks[plain.at[p.start]].text)
}

/// The words of opposite sense an edit swaps: the one content word of
/// each side, among function words at most ("confirmed that" against
/// "denied": a complementizer changes no statement), with no negation.
fn swap_in(a: &Words, o: &Range<usize>, b: &Words, n: &Range<usize>) -> Option<(usize, usize)> {
    let only = |w: &Words, r: &Range<usize>| {
        let mut content = r.clone().filter(|&i| w.content[i]);
        let first = content.next()?;
        let plain = content.next().is_none() && !r.clone().any(|i| is_neg(w, i));
        plain.then_some(first)
    };
    let (i, j) = (only(a, o)?, only(b, n)?);
    opposite(a, i, b, j).then_some((i, j))
}

fn copy_finding(story: &Story, c: &Copy, score: f32) -> Finding {
    let (ra, rb, what) = match c.reversal {
        Reversal::Opposite { a, b } => {
            let word = |w: &Words, t: usize| {
                story
                    .quote(w.member.article, w.read.toks[t].range.clone())
                    .to_string()
            };
            (
                c.a.clause_of(a),
                c.b.clause_of(b),
                format!(
                    "says \"{}\" where the other says \"{}\"",
                    word(c.a, a),
                    word(c.b, b)
                ),
            )
        }
        Reversal::Negation { negated } => {
            let (neg, pos) = if c.negated_a {
                (&c.a, &c.b)
            } else {
                (&c.b, &c.a)
            };
            let n = negator(&neg.read.toks, negated).unwrap_or(1);
            let words = story.quote(
                neg.member.article,
                neg.read.toks[negated].range.start..neg.read.toks[negated + n - 1].range.end,
            );
            let (rn, rp) = (neg.clause_of(negated), pos.clause_of(c.anchor));
            let (ra, rb) = if c.negated_a { (rn, rp) } else { (rp, rn) };
            (ra, rb, format!("negates it with \"{words}\""))
        }
    };
    let (first, second) = claim_first(story, (c.a.member, ra, ()), (c.b.member, rb, ()));
    let summary = contradicts(story, &first, &second);
    let explanation = format!(
        "{} and {} are the same statement in nearly the same words ({} content words shared, {} changed, similarity {score:.2}), but one {what}.",
        story.place(first.0.article, &first.1),
        story.place(second.0.article, &second.1),
        c.shared,
        c.changed,
    );
    let (severity, confidence) = if c.changed == 0 {
        (Severity::High, 0.85)
    } else {
        (Severity::Medium, 0.65)
    };
    Finding::new(
        FindingKind::Contradiction,
        severity,
        confidence,
        summary,
        explanation,
    )
    .suggest("Check which account is right: one article reverses what the other states.")
    .evidence(first.0.article, first.1)
    .evidence(second.0.article, second.1)
    .over_time(story.apart(c.a.member.article, c.b.member.article))
}

/// "\"quote\" (a1) contradicts \"quote\" (a2)": the summary of every
/// reversal.
fn contradicts(story: &Story, first: &Placed<()>, second: &Placed<()>) -> String {
    let quote = |(m, r, ()): &Placed<()>| story.quote(m.article, r.clone()).to_string();
    let id = |(m, _, ()): &Placed<()>| story.articles[m.article].article.id.clone();
    format!(
        "\"{}\" ({}) contradicts \"{}\" ({})",
        quote(first),
        id(first),
        quote(second),
        id(second)
    )
}

/// A statement with where it stands: its sentence and its evidence range.
type Placed<T> = (Member, Range<usize>, T);

/// The claim first, by the shared policy ([`claim_order`]); a clause has
/// no count of agreeing articles here, so the dates and paths decide.
fn claim_first<T>(story: &Story, x: Placed<T>, y: Placed<T>) -> (Placed<T>, Placed<T>) {
    let side = |(m, r, _): &Placed<T>| Account {
        article: m.article,
        position: r.start,
        support: 0,
    };
    if claim_order(story, side(&x), side(&y)).is_le() {
        (x, y)
    } else {
        (y, x)
    }
}

// ---------------------------------------------------------------- modality

/// A statement of one side of a question about a topic.
struct Claim {
    member: Member,
    axis: usize,
    side: usize,
    topic: usize,
    /// The topic word's token, to merge markers of one statement.
    anchor: usize,
    /// The actor named before the marker, for agent questions: (key, name).
    subject: Option<(String, String)>,
    range: Range<usize>,
    /// The parties named in the sentence and its neighbours: key → name.
    parties: BTreeMap<String, String>,
}

/// Parties the two passages must share to be about the same thing.
const MIN_PARTIES: usize = 2;
/// Words a marker may stand before its topic word ("direct and advanced talks").
const BEFORE_TOPIC: usize = 3;
/// Words a marker may stand after its topic word ("talks, though unofficial
/// and conducted through intermediaries").
const AFTER_TOPIC: usize = 8;
/// Words a marker's object may run on ("mediated by regional and international actors").
const OBJECT_WORDS: usize = 4;

fn modality(story: &Story, read: &[Vec<Read>], seen: &HashSet<(Member, Member)>) -> Vec<Finding> {
    let all: Vec<Vec<Claim>> = crate::par::map((0..story.articles.len()).collect(), |a| {
        claims(story, a, &read[a])
    });
    // Each article's keys, sorted and once each, made once: every pair of
    // articles compares them, and building them per pair copied a name per
    // claim each time.
    let keys_of: Vec<Vec<ClaimKey>> = all
        .iter()
        .map(|claims| {
            let mut keys: Vec<ClaimKey> = claims.iter().map(claim_key).collect();
            keys.sort();
            keys.dedup();
            keys
        })
        .collect();
    // Each article against the later ones, on every core, in order.
    crate::par::map((0..all.len()).collect(), |i| {
        let mut out = Vec::new();
        for j in i + 1..all.len() {
            let shared = keys_of[i]
                .iter()
                .filter(|k| keys_of[j].binary_search(k).is_ok());
            for key in shared {
                out.extend(conflict(story, &all[i], &all[j], key, seen));
            }
        }
        out
    })
    .into_iter()
    .flatten()
    .collect()
}

/// What two claims must have in common to clash: axis, topic, actor.
type ClaimKey = (usize, usize, Option<String>);

fn claim_key(c: &Claim) -> ClaimKey {
    (c.axis, c.topic, c.subject.as_ref().map(|s| s.0.clone()))
}

/// Whether `claim_key(c) == *key`, without building the key.
fn has_key(c: &Claim, key: &ClaimKey) -> bool {
    c.axis == key.0 && c.topic == key.1 && c.subject.as_ref().map(|s| &s.0) == key.2.as_ref()
}

/// The claims of one article, one per marked statement.
fn claims(story: &Story, article: usize, sentences: &[Read]) -> Vec<Claim> {
    let lex = lexicon();
    let mut out: Vec<Claim> = Vec::new();
    for (sentence, read) in sentences.iter().enumerate() {
        let toks = &read.toks;
        let member = Member { article, sentence };
        if is_question(story.sentence(member)) {
            continue;
        }
        // A phrase can only match from one of the sentence's words.
        let words: FxHashSet<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        for (ax, axis) in lex.axes.iter().enumerate() {
            for (side, s) in axis.sides.iter().enumerate() {
                for phrase in &s.phrases {
                    if !words.contains(phrase.words[0].as_str()) {
                        continue;
                    }
                    for m in matches(toks, phrase) {
                        let Some(c) = claim(story, member, toks, (ax, side), m) else {
                            continue;
                        };
                        merge(&mut out, c);
                    }
                }
            }
        }
    }
    out
}

/// Joins markers of one statement ("indirect communication mediated by").
fn merge(out: &mut Vec<Claim>, c: Claim) {
    let same = out.iter_mut().find(|x| {
        x.member == c.member && x.axis == c.axis && x.side == c.side && x.anchor == c.anchor
    });
    match same {
        Some(x) => x.range = x.range.start.min(c.range.start)..x.range.end.max(c.range.end),
        None => out.push(c),
    }
}

/// Token ranges where a phrase occurs; one extra word may stand between its words.
fn matches(toks: &[Tok], phrase: &Phrase) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for start in 0..toks.len() {
        if toks[start].text != phrase.words[0] {
            continue;
        }
        let mut at = start;
        let whole = phrase.words[1..].iter().all(|w| {
            let found = (at + 1..=at + 2).find(|&j| {
                toks.get(j).is_some_and(|t| &t.text == w)
                    && toks[at + 1..j].iter().all(Tok::is_word)
            });
            found.inspect(|&j| at = j).is_some()
        });
        let vetoed = toks
            .get(at + 1)
            .is_some_and(|t| phrase.vetoes.contains(&t.text));
        if whole && !vetoed {
            out.push(start..at + 1);
        }
    }
    out
}

/// The claim a marker makes, if it sits by a topic word of its question and
/// is not set aside.
fn claim(
    story: &Story,
    member: Member,
    toks: &[Tok],
    (ax, side): (usize, usize),
    m: Range<usize>,
) -> Option<Claim> {
    let axis = &lexicon().axes[ax];
    let text = &story.articles[member.article].article.text;
    if inside_quotes(
        text,
        &story.sentence_range(member),
        toks[m.start].range.start,
    ) {
        return None;
    }
    let (topic, anchor) = nearest_topic(story.vocab, toks, &m, &axis.topics)?;
    let side = match (
        set_aside(toks, m.start.min(anchor), m.start),
        axis.complementary,
    ) {
        (false, _) => side,
        (true, true) => 1 - side,
        (true, false) => return None,
    };
    let subject = if axis.agent {
        Some(subject_before(story, member, toks[m.start].range.start)?)
    } else {
        None
    };
    Some(Claim {
        member,
        axis: ax,
        side,
        topic,
        anchor,
        subject,
        range: claim_span(story.vocab, toks, &m, anchor),
        parties: parties(story, member),
    })
}

fn topic_of(vocab: &Vocabulary, t: &Tok, topics: &[usize]) -> Option<usize> {
    let word = vocab.normal(&t.text)?;
    let lex = lexicon();
    topics
        .iter()
        .copied()
        .find(|&i| lex.topics[i].words.iter().any(|w| *w == word))
}

/// The nearest topic word: a few words after the marker with no preposition
/// between, or up to a sentence part before it.
fn nearest_topic(
    vocab: &Vocabulary,
    toks: &[Tok],
    m: &Range<usize>,
    topics: &[usize],
) -> Option<(usize, usize)> {
    let mut ahead = None;
    let mut words = 0;
    for (i, t) in toks.iter().enumerate().skip(m.end) {
        if !t.is_word() || lexicon().blockers.contains(t.text.as_str()) || words == BEFORE_TOPIC {
            break;
        }
        words += 1;
        if let Some(topic) = topic_of(vocab, t, topics) {
            ahead = Some((words, topic, i));
            break;
        }
    }
    let mut behind = None;
    words = 0;
    for i in (0..m.start).rev() {
        let t = &toks[i];
        if (!t.is_word() && t.text != ",") || words == AFTER_TOPIC {
            break;
        }
        if !t.is_word() {
            continue;
        }
        words += 1;
        if let Some(topic) = topic_of(vocab, t, topics) {
            behind = Some((words, topic, i));
            break;
        }
    }
    let best = match (ahead, behind) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    best.map(|(_, topic, i)| (topic, i))
}

/// Whether a negation or a word like "suspended" stands in the clause
/// before the marker.
fn set_aside(toks: &[Tok], anchor: usize, marker: usize) -> bool {
    let start = toks[..anchor]
        .iter()
        .rposition(is_boundary)
        .map_or(0, |i| i + 1);
    (start..marker).any(|i| negator(toks, i).is_some() || sets_aside(&toks[i].text))
}

/// The marker with its topic word, and the object of a marker ending in a
/// preposition ("mediated by regional and international actors").
fn claim_span(vocab: &Vocabulary, toks: &[Tok], m: &Range<usize>, anchor: usize) -> Range<usize> {
    let (lo, mut hi) = (m.start.min(anchor), (m.end - 1).max(anchor));
    if hi == m.end - 1 && matches!(toks[hi].text.as_str(), "by" | "through" | "via" | "with") {
        // The object runs on over content words and the joints of a noun
        // phrase, and stops at a verb ("mediated by Qatar is ...").
        let joint = |t: &Tok| matches!(t.text.as_str(), "and" | "or" | "the" | "a" | "an" | "of");
        let object = toks[hi + 1..]
            .iter()
            .take(OBJECT_WORDS)
            .take_while(|t| t.is_word() && (joint(t) || vocab.normal(&t.text).is_some()))
            .collect::<Vec<_>>();
        hi += object.iter().rposition(|t| !joint(t)).map_or(0, |i| i + 1);
    }
    toks[lo].range.start..toks[hi].range.end
}

/// The last party named before `offset` in the sentence.
fn subject_before(story: &Story, member: Member, offset: usize) -> Option<(String, String)> {
    story
        .mentions(member)
        .filter(|x| x.range.end <= offset)
        .filter_map(|x| mention_entity(&x.value).and_then(|e| party(story.kb, e)))
        .last()
}

fn mention_entity(v: &Value) -> Option<Entity> {
    match v {
        Value::Person(p) => p.entity,
        Value::Office(o) => o.entity,
        Value::Named(n) => n.entity,
        _ => None,
    }
}

/// An entity as a party to events: people, non-media organisations, and
/// countries (an office or administration stands for its country). Places
/// and demonyms are left out: every sentence of a story names them.
fn party(kb: &Kb, e: Entity) -> Option<(String, String)> {
    let country = |i: u32| {
        let c = &kb.countries[i as usize];
        (c.code.to_string(), c.name.to_string())
    };
    match e {
        Entity::Person(_) => Some((kb.id(e).to_string(), kb.name(e).to_string())),
        Entity::Organization(i) if kb.organizations[i as usize].kind != "media" => {
            Some((kb.id(e).to_string(), kb.name(e).to_string()))
        }
        Entity::Country(i) => Some(country(i)),
        Entity::Office(i) => kb.offices[i as usize].country.map(country),
        Entity::Administration(i) => kb.offices[kb.administrations[i as usize].office as usize]
            .country
            .map(country),
        _ => None,
    }
}

/// The parties named in a sentence and the sentences beside it.
fn parties(story: &Story, member: Member) -> BTreeMap<String, String> {
    let a = &story.articles[member.article];
    let last = a.sentences.len().saturating_sub(1);
    let mut out = BTreeMap::new();
    for sentence in member.sentence.saturating_sub(1)..=(member.sentence + 1).min(last) {
        let m = Member {
            article: member.article,
            sentence,
        };
        let scanned = story
            .kb
            .scan(&a.article.text, story.sentence_range(m))
            .into_iter()
            .flat_map(|h| h.entities);
        let mentioned = story.mentions(m).filter_map(|x| mention_entity(&x.value));
        out.extend(scanned.chain(mentioned).filter_map(|e| party(story.kb, e)));
    }
    out
}

/// The side an article takes on a question, when it takes only one.
fn single_side(claims: &[&Claim]) -> Option<usize> {
    let first = claims.first()?.side;
    claims.iter().all(|c| c.side == first).then_some(first)
}

/// One finding when two articles take opposite sides, each consistently,
/// in passages about the same parties.
fn conflict(
    story: &Story,
    a: &[Claim],
    b: &[Claim],
    key: &ClaimKey,
    seen: &HashSet<(Member, Member)>,
) -> Option<Finding> {
    let ca: Vec<&Claim> = a.iter().filter(|c| has_key(c, key)).collect();
    let cb: Vec<&Claim> = b.iter().filter(|c| has_key(c, key)).collect();
    if single_side(&ca)? == single_side(&cb)? {
        return None;
    }
    let mut shared = BTreeMap::new();
    let (mut ev_a, mut ev_b): (Vec<&Claim>, Vec<&Claim>) = (Vec::new(), Vec::new());
    for x in &ca {
        for y in &cb {
            let common: Vec<_> = x
                .parties
                .iter()
                .filter(|(k, _)| y.parties.contains_key(*k))
                .collect();
            if common.len() < MIN_PARTIES || seen.contains(&pair_key(x.member, y.member)) {
                continue;
            }
            shared.extend(common.into_iter().map(|(k, v)| (k.clone(), v.clone())));
            push_unique(&mut ev_a, x);
            push_unique(&mut ev_b, y);
        }
    }
    if ev_a.is_empty() {
        return None;
    }
    let (first, second) = claim_first(
        story,
        (ev_a[0].member, ev_a[0].range.clone(), ev_a),
        (ev_b[0].member, ev_b[0].range.clone(), ev_b),
    );
    Some(modality_finding(story, &first.2, &second.2, &shared))
}

fn push_unique<'c>(v: &mut Vec<&'c Claim>, c: &'c Claim) {
    if !v.iter().any(|x| std::ptr::eq(*x, c)) {
        v.push(c);
    }
}

fn modality_finding(
    story: &Story,
    first: &[&Claim],
    second: &[&Claim],
    shared: &BTreeMap<String, String>,
) -> Finding {
    let lex = lexicon();
    let (x, y) = (first[0], second[0]);
    let axis = &lex.axes[x.axis];
    let topic = &lex.topics[x.topic].name;
    let (side_x, side_y) = (&axis.sides[x.side].name, &axis.sides[y.side].name);
    let quote = |c: &Claim| story.quote(c.member.article, c.range.clone()).to_string();
    let id = |c: &Claim| story.articles[c.member.article].article.id.clone();
    let summary = match &x.subject {
        Some((_, name)) => format!(
            "{name} {side_x} the {topic} in {} (\"{}\") but {side_y} in {} (\"{}\")",
            id(x),
            quote(x),
            id(y),
            quote(y)
        ),
        None => format!(
            "{}: {side_x} in {} (\"{}\") but {side_y} in {} (\"{}\")",
            capitalised(topic),
            id(x),
            quote(x),
            id(y),
            quote(y)
        ),
    };
    let cite = |cs: &[&Claim]| {
        let quotes: Vec<String> = cs
            .iter()
            .map(|c| {
                format!(
                    "\"{}\" ({})",
                    quote(c),
                    story.place(c.member.article, &c.range)
                )
            })
            .collect();
        quotes.join(", ")
    };
    let names: Vec<&str> = shared.values().map(String::as_str).collect();
    let explanation = format!(
        "{} says {side_x}: {}. {} says {side_y}: {}. Both passages name the same parties ({}), and neither article says otherwise elsewhere.",
        id(x),
        cite(first),
        id(y),
        cite(second),
        names.join(", ")
    );
    let mut f = Finding::new(
        FindingKind::Contradiction,
        Severity::Medium,
        0.6,
        summary,
        explanation,
    )
    .suggest(format!(
        "Check which is right, {side_x} or {side_y}, against a named or primary source."
    ));
    for c in first.iter().chain(second) {
        f = f.evidence(c.member.article, c.range.clone());
    }
    f.over_time(story.apart(x.member.article, y.member.article))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, Options, analyze};

    fn article(date: &str, body: &str) -> String {
        format!("Regional report\nPublished {date}\n\n{body}\n")
    }

    fn run(texts: &[String]) -> (Analysis, Vec<Finding>) {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut a =
                    crate::ingest::read_str(&format!("a{}.txt", i + 1), t).expect("article reads");
                a.id = format!("a{}", i + 1);
                a
            })
            .collect();
        let mut analysis = analyze(articles, crate::kb::Kb::builtin(), &Options::default());
        let findings = std::mem::take(&mut analysis.findings)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
            .collect();
        (analysis, findings)
    }

    fn evidence(analysis: &Analysis, f: &Finding) -> Vec<(usize, String)> {
        f.evidence
            .iter()
            .map(|e| {
                (
                    e.article,
                    analysis.articles[e.article].article.text[e.range.clone()].to_string(),
                )
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (Analysis, Vec<Finding>) {
        run(&[article("March 3, 2025", a), article("March 3, 2025", b)])
    }

    #[test]
    fn lexicon_parses() {
        let lex = lexicon();
        assert_eq!(lex.axes.len(), 4);
        assert!(
            lex.axes
                .iter()
                .all(|a| a.sides.len() == 2 && !a.topics.is_empty())
        );
        assert!(lex.axes.iter().any(|a| a.complementary) && lex.axes.iter().any(|a| a.agent));
    }

    #[test]
    fn direct_against_indirect_talks_is_one_finding() {
        let (analysis, found) = run(&[
            article(
                "May 11, 2025",
                "Hamas is holding direct talks with the United States on a truce in Gaza, a senior official said on Sunday. The talks began last week.",
            ),
            article(
                "May 11, 2025",
                "Negotiations between the United States and Hamas have resumed. The revival of indirect communication mediated by Qatar is a step forward. These talks are conducted through intermediaries, officials said.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert_eq!(ev[0], (0, "direct talks".to_string()));
        assert!(
            ev[1..]
                .iter()
                .any(|(a, t)| *a == 1 && t == "indirect communication mediated by Qatar"),
            "{ev:?}"
        );
        assert_eq!(found[0].severity, Severity::Medium);
        assert!(
            found[0].explanation.contains("Hamas")
                && found[0].explanation.contains("United States")
        );
    }

    /// Two outlets say the talks are direct, two that they go through a
    /// mediator: four pairs of articles disagree, and the reviewer sees
    /// it once, with every article's words.
    #[test]
    fn one_clash_between_many_articles_is_one_finding() {
        let direct = "Hamas is holding direct talks with the United States on a truce in Gaza, a senior official said on Sunday.";
        let mediated = "Hamas and the United States are holding talks mediated by Qatar on a truce in Gaza, officials said on Sunday.";
        let (analysis, found) = run(&[
            article("May 11, 2025", direct),
            article("May 11, 2025", mediated),
            article("May 11, 2025", direct),
            article("May 11, 2025", mediated),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        let articles: HashSet<usize> = evidence(&analysis, &found[0])
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        assert_eq!(articles.len(), 4, "{found:#?}");
        assert!(
            found[0].summary.contains("3 more pairs of articles"),
            "{}",
            found[0].summary
        );
    }

    /// Two clashes with no words in common are two findings.
    #[test]
    fn clashes_of_different_statements_stay_apart() {
        let (_, found) = run(&[
            article(
                "May 11, 2025",
                "Hamas is holding direct talks with the United States on a truce in Gaza. A jury in Leeds convicted the bus driver of careless driving after a two-day trial.",
            ),
            article(
                "May 11, 2025",
                "Hamas and the United States are holding talks mediated by Qatar on a truce in Gaza. A jury in Leeds acquitted the bus driver of careless driving after a two-day trial.",
            ),
        ]);
        assert_eq!(found.len(), 2, "{found:#?}");
    }

    #[test]
    fn same_side_is_quiet() {
        let (_, found) = pair(
            "Hamas is holding direct talks with the United States on a truce in Gaza.",
            "Hamas and the United States are in face-to-face negotiations over a truce in Gaza.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn different_parties_are_quiet() {
        let (_, found) = pair(
            "Israel and Egypt held direct talks on border security in Cairo on Monday.",
            "Hamas and the United States held indirect talks through Qatar on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn an_article_taking_both_sides_is_quiet() {
        let (_, found) = pair(
            "Hamas and the United States began direct talks on Monday after months of indirect talks through Qatar.",
            "Hamas and the United States held indirect talks through Qatar on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn suspended_contact_is_no_claim() {
        let (_, found) = pair(
            "The United States suspended direct contacts with Hamas on Monday.",
            "The United States and Hamas kept talking through intermediaries in Qatar on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_negation_that_comes_with_new_words_adds_a_statement() {
        let (_, found) = pair(
            "The two engineers spoke on condition of anonymity because they were not authorized to discuss the tender documents.",
            "Both engineers spoke on condition of anonymity to discuss the tender documents.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The two engineers did not discuss the tender documents with the ministry on condition of anonymity.",
            "The two engineers discussed the tender documents with the ministry on condition of anonymity.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_second_infinitive_under_refuse_is_denied_too() {
        let (_, found) = pair(
            "Both ministries refuse to negotiate with the smugglers or to allow relatives to pay the fees.",
            "Both ministries refuse to negotiate with the smugglers over the boats and neither allow relatives to pay the fees.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn negation_dropped_on_aligned_statement() {
        let (analysis, found) = pair(
            "Egypt did not reopen the Rafah crossing to aid convoys on Tuesday. Trucks waited at the border.",
            "Egypt reopened the Rafah crossing to aid convoys on Tuesday. Trucks waited at the border.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::High);
        let ev = evidence(&analysis, &found[0]);
        assert_eq!(ev.len(), 2);
        assert!(
            ev.iter()
                .any(|(a, t)| *a == 0 && t.contains("did not reopen")),
            "{ev:?}"
        );
        assert!(
            ev.iter()
                .any(|(a, t)| *a == 1 && t.starts_with("Egypt reopened")),
            "{ev:?}"
        );
    }

    /// A restatement may add details (a few words, one of them replacing
    /// another) and still reverse the other: "the militia has not
    /// publicly commented on the shelling" against "the militia has
    /// commented on the shelling so far". Not when the word before the
    /// negation differs, when the other sentence undoes its own clause,
    /// or when the negation falls on no verb.
    #[test]
    fn a_restatement_with_details_added_still_reverses() {
        let link = " Trucks waited at the Kessab border post.";
        let (_, found) = pair(
            &format!(
                "The Kessab militia has not publicly commented on the shelling of the border post.{link}"
            ),
            &format!(
                "The Kessab militia group has commented on the shelling of the border post so far.{link}"
            ),
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let quiet = |a: &str, b: &str| {
            let (_, found) = pair(&format!("{a}{link}"), &format!("{b}{link}"));
            assert!(found.is_empty(), "{a} / {b}: {found:#?}");
        };
        quiet(
            "The driver has elected not to press charges against the Kessab militia commander.",
            "The driver was advised to press charges against the Kessab militia commander in court.",
        );
        quiet(
            "Doctors in Kessab say the surgeon performed a biopsy she had not consented to.",
            "The surgeon performed a biopsy on the Kessab patient without her prior consent, the lawsuit says.",
        );
        quiet(
            "The Kessab militia did not allow the convoy to cross the border post.",
            "The Kessab militia's refusal to allow the convoy to cross the border post angered aid groups.",
        );
    }

    /// One clause of each sentence the same but for a word swapped for
    /// its opposite, in another order, one side adding a detail: "the
    /// court convicted the harbour master of fraud" against "the harbour
    /// master was acquitted of fraud by the court on all counts" (no near
    /// copy: the words move). Not when a word replaces another besides the
    /// swap, nor in a sentence that undoes a clause.
    #[test]
    fn opposite_words_in_restated_clauses() {
        let link = " Trucks waited at the Kessab border post.";
        let said = |a: &str, b: &str| pair(&format!("{a}{link}"), &format!("{b}{link}")).1;
        let convicted = "The Kessab court convicted the harbour master of fraud, but his lawyer left the hearing early.";
        let found = said(
            convicted,
            "The harbour master was acquitted of fraud by the Kessab court on all counts.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(said(
            convicted,
            "The Kessab senate acquitted the harbour master of fraud and his lawyer walked out of the hall in triumph.",
        )
        .is_empty());
        assert!(said(
            convicted,
            "The Kessab court refused to acquit the harbour master of fraud, and his lawyer walked out of the hall.",
        )
        .is_empty());
    }

    #[test]
    fn negation_of_another_predicate_is_quiet() {
        let (_, found) = pair(
            "Egypt reopened the Rafah crossing on Tuesday but did not open the Kerem Shalom crossing.",
            "Egypt reopened the Rafah crossing on Tuesday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn not_only_is_no_negation() {
        let (_, found) = pair(
            "Egypt not only reopened the Rafah crossing to aid convoys on Tuesday, it also sent fuel.",
            "Egypt reopened the Rafah crossing to aid convoys on Tuesday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// "isn't the first time" is "not the first time": it says the thing
    /// happened again. A contraction must not hide the phrase.
    #[test]
    fn not_the_first_time_contracted_is_no_negation() {
        for first in [
            "Police said this isn\u{2019}t the first time a driver has crashed into the old harbour wall.",
            "Police said this isn't the first time a driver has crashed into the old harbour wall.",
        ] {
            let (_, found) = pair(
                first,
                "Police said a driver has crashed into the old harbour wall.",
            );
            assert!(found.is_empty(), "{first}: {found:#?}");
        }
        let (_, found) = pair(
            "Police said a driver hasn't crashed into the old harbour wall.",
            "Police said a driver has crashed into the old harbour wall.",
        );
        assert_eq!(
            found.len(),
            1,
            "a plain contraction still denies: {found:#?}"
        );
    }

    /// "X not Y" after a closing quotation mark, and ", not a ..." set
    /// one term against another; the clause states X, as "X instead of
    /// Y" does. A "not" opening a quote still denies.
    #[test]
    fn a_contrasting_not_denies_no_clause() {
        let (_, found) = pair(
            "The four elders call themselves \u{201c}judges\u{201d} not \u{201c}arbitrators\u{201d} in the village.",
            "The four elders call themselves \u{201c}judges\u{201d} instead of \u{201c}arbitrators\u{201d} in the village.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The council called the closure of the coastal road a pause, not a halt, on Monday.",
            "The council called the closure of the coastal road a pause on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The mayor said he was \"not in a position to confirm the closure of the coastal road\" on Monday.",
            "The mayor said he was in a position to confirm the closure of the coastal road on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// "voting no they'd ..." is the answer given: no determiner stands
    /// before a pronoun.
    #[test]
    fn no_as_an_answer_is_no_negation() {
        let (_, found) = pair(
            "Despite voting no they'd still welcome a second vote on the harbour plan next spring.",
            "Despite voting \u{2018}No\u{2019} they\u{2019}d still welcome a second vote on the harbour plan next spring.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "No vote on the harbour plan will be held next spring, the council said.",
            "A vote on the harbour plan will be held next spring, the council said.",
        );
        assert_eq!(found.len(), 1, "'no' before a noun denies: {found:#?}");
    }

    #[test]
    fn denial_is_attribution_not_fact() {
        let (_, found) = pair(
            "Egypt denied that the Rafah crossing did not reopen to aid convoys on Tuesday.",
            "The Rafah crossing reopened to aid convoys on Tuesday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn reported_claim_against_fact_is_medium() {
        let (_, found) = pair(
            "The Israeli army said Hamas did not hand over the names of the hostages on Saturday.",
            "Hamas handed over the names of the hostages on Saturday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Medium);
        assert!(found[0].explanation.contains("reported speech"));
    }

    #[test]
    fn questions_and_plans_are_quiet() {
        let (_, found) = pair(
            "Will Egypt not reopen the Rafah crossing to aid convoys on Tuesday?",
            "Egypt reopened the Rafah crossing to aid convoys on Tuesday.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "Egypt will not reopen the Rafah crossing to aid convoys on Tuesday.",
            "Egypt reopened the Rafah crossing to aid convoys on Tuesday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn months_apart_is_change_over_time() {
        let (_, found) = run(&[
            article(
                "March 3, 2025",
                "Egypt did not reopen the Rafah crossing to aid convoys this week.",
            ),
            article(
                "June 10, 2025",
                "Egypt reopened the Rafah crossing to aid convoys this week.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].change_over_time);
        assert_eq!(found[0].severity, Severity::Low);
    }

    #[test]
    fn late_against_on_schedule() {
        let (analysis, found) = pair(
            "The ceasefire between Israel and Hamas took effect on schedule on Sunday morning.",
            "The ceasefire between Israel and Hamas was delayed by three hours on Sunday morning.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(
            ev[0].1.ends_with("on schedule") && ev[1].1.ends_with("delayed"),
            "{ev:?}"
        );
    }

    #[test]
    fn late_on_a_day_is_a_time_of_day() {
        let (_, found) = pair(
            "The ceasefire between Israel and Hamas was announced late on Wednesday in Doha.",
            "The ceasefire between Israel and Hamas took effect on schedule on Sunday morning.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn confirmed_against_denied_needs_the_same_actor() {
        let (_, found) = pair(
            "Hamas confirmed the talks with the United States on Monday.",
            "Hamas denied the talks with the United States on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].summary.contains("Hamas confirmed") && found[0].summary.contains("denied"),
            "{}",
            found[0].summary
        );
        let (_, found) = pair(
            "Hamas confirmed the talks with the United States on Monday.",
            "Israel denied the talks between Hamas and the United States on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn sample_story_has_only_the_planted_polarity_clash() {
        let articles = crate::samples::articles().expect("samples read");
        let analysis = analyze(articles, crate::kb::Kb::builtin(), &Options::default());
        let found: Vec<&Finding> = analysis
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Contradiction)
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, found[0]);
        assert_eq!(
            ev,
            [
                (2, "Hamas delivered the list of names on time".to_string()),
                (
                    0,
                    "Hamas had not delivered the list of names on time".to_string()
                )
            ]
        );
        assert_eq!(found[0].severity, Severity::High);
        assert!(!found[0].change_over_time);
    }

    // ------------------------------------------------ near copies

    /// Two reported clauses: the tense follows the verb of saying.
    #[test]
    fn reported_clauses_in_past_and_present_are_one_time() {
        let (_, found) = pair(
            "The harbour master said that the storms are not damaging the piers but had a heavy cost.",
            "He said the winter storms were damaging the piers but had a heavy cost.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        // Not reported, past and present are other times.
        let (_, found) = pair(
            "The winter storms are not damaging the piers, though they had a heavy cost.",
            "The winter storms were damaging the piers, though they had a heavy cost.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A verb only asked for is not said to have happened: "was asked
    /// to comment" is no reversal of "declined to comment".
    #[test]
    fn a_verb_only_asked_for_states_nothing() {
        let (_, found) = pair(
            "A senior harbour board official was asked to comment on reports of the missing ferries.",
            "A senior harbour board official declined to comment on reports of the missing ferries.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "A senior harbour board official commented on reports of the missing ferries.",
            "A senior harbour board official declined to comment on reports of the missing ferries.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A participle that describes a noun states nothing a negation
    /// reverses.
    #[test]
    fn a_describing_participle_in_an_aligned_pair_is_quiet() {
        let (_, found) = pair(
            "Kessab Bank messages sent from the account were not verified on the network.",
            "Kessab Bank messages were sent to verified accounts on the network.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "Kessab Bank messages sent from the account were not verified on the network.",
            "Kessab Bank messages sent from the account were verified on the network.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// "nothing" after a verb denies that verb only: the clause after
    /// "and" is stated on both sides.
    #[test]
    fn doing_nothing_denies_no_later_clause() {
        let (_, found) = pair(
            "The startled guards at the gate then did nothing and let the driver park his van.",
            "The startled guards at the gate then let the driver park his van.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The startled guards at the gate then did not let the driver park his van.",
            "The startled guards at the gate then let the driver park his van.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn near_copy_with_negation_added_fires() {
        let (analysis, found) = pair(
            "The ferry was cleared to sail when the harbour inspectors finished their checks on Monday.",
            "The ferry was not cleared to sail when the harbour inspectors finished their checks on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(
            ev.iter().any(|(a, t)| *a == 1 && t.contains("not cleared")),
            "{ev:?}"
        );
    }

    #[test]
    fn near_copy_with_opposite_word_fires() {
        let (analysis, found) = pair(
            "The city council approved the stadium budget at its meeting on Thursday evening.",
            "The city council rejected the stadium budget at its meeting on Thursday evening.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(ev.iter().any(|(_, t)| t.contains("approved")), "{ev:?}");
        assert!(ev.iter().any(|(_, t)| t.contains("rejected")), "{ev:?}");
        let (_, found) = pair(
            "A jury in Leeds convicted the bus driver of careless driving after a two-day trial.",
            "A jury in Leeds acquitted the bus driver of careless driving after a two-day trial, his lawyer said.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    /// A quote told inside a longer sentence, its negation written into
    /// the auxiliary ("doesn't") where the other article keeps the bare
    /// one ("does"): the rest of the sentences differ too much for a
    /// whole copy, so the reversal is found where it stands. Two articles
    /// quote the negation, so the bare one is the odd one out: one
    /// finding, with both quotes against it.
    #[test]
    fn a_contracted_negation_against_the_bare_auxiliary_fires() {
        let quote = "It doesn't matter that the old pier has lost its lights, the fishing boats all carry radar now";
        let said = |told: &str| {
            run(&[
                article(
                    "March 3, 2025",
                    &format!("\"{quote},\" the harbour master said."),
                ),
                article(
                    "March 3, 2025",
                    &format!("\"{quote},\" he told the Kessab Herald."),
                ),
                article(
                    "March 3, 2025",
                    &format!(
                        "Speaking after a long meeting with the crews on the quay in Kessab, the harbour master shrugged off the blackout, saying: \"It {told} matter that the old pier has lost its lights, the fishing boats all carry radar now.\""
                    ),
                ),
            ])
        };
        let (analysis, found) = said("does");
        assert_eq!(found.len(), 1, "one clash, once: {found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(
            ev.iter().any(|(a, t)| *a == 2 && t.contains("does matter")),
            "{ev:?}"
        );
        for quoting in [0, 1] {
            assert!(ev.iter().any(|(a, _)| *a == quoting), "{ev:?}");
        }
        assert!(
            found[0].summary.contains("1 more pair of articles"),
            "{}",
            found[0].summary
        );
        // Another auxiliary is another statement ("couldn't" is no "does").
        let (_, found) = said("could");
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn an_opposite_that_ends_one_copy_fires_though_the_other_goes_on() {
        let (_, found) = pair(
            "Four days later, the missing dog turned up in the garden of a neighbour, alive.",
            "Four days later, the missing dog turned up in the garden of a neighbour dead, with a wound on its leg.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        // Not at the end: the rest must match as before.
        let (_, found) = pair(
            "Four days later, the missing dog turned up alive in the garden of a neighbour in Leeds.",
            "Four days later, the missing dog turned up dead near a farm road, a vet in York said.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// The swapped word may bring a complementizer ("confirmed that"
    /// against "denied") and one side add a detail; not when the other
    /// sentence negates the clause the word governs, nor when another
    /// actor speaks.
    #[test]
    fn an_opposite_with_a_complementizer_fires() {
        let denied = "The Kessab family denied their son would attend the school party at the ski centre before the Christmas holidays.";
        let (analysis, found) = pair(
            "The Kessab family confirmed that their son would attend the school party before the Christmas holidays.",
            denied,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(ev.iter().any(|(_, t)| t.contains("confirmed")), "{ev:?}");
        let (_, found) = pair(
            "The Kessab family confirmed that their son would not attend the school party before the Christmas holidays.",
            denied,
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The Kessab school confirmed that their son would attend the school party before the Christmas holidays.",
            denied,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A phrase only one source has ("and not with any other kind of
    /// event", at the end of a quote the other cuts short, or before the
    /// attribution both give) holds a negation, but reverses nothing both
    /// tell. A negation alone in the shared words still counts (the test
    /// above), and so does one in a changed clause.
    #[test]
    fn a_negation_in_a_clause_only_one_side_adds_leaves_the_swap_standing() {
        let (_, found) = pair(
            "\"All the evidence that we have denied at the site matches a meteorite exactly,\" the scientist told the local paper.",
            "\"All the evidence that we have confirmed at the site matches a meteorite exactly and not any other kind of event.\"",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "\"All the evidence that we have denied at the site matches a meteorite exactly,\" the geologist told the local paper.",
            "\"All the evidence that we have confirmed at the site matches a meteorite exactly and not any other kind of event,\" the geologist told the paper.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "\"All the evidence that we have denied at the site matches a meteorite exactly,\" the scientist told the local paper.",
            "\"All the evidence that we have confirmed at the site does not match a meteorite exactly and any other kind of event.\"",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A negation in a later clause leaves an earlier one stated ("She
    /// refused treatment, but she did not get back on the plane"); one
    /// before it may govern it ("did not say that").
    #[test]
    fn a_negation_after_the_swapped_clause_leaves_it_stated() {
        let link = " Trucks waited at the Kessab border post.";
        let said = |a: &str, b: &str| pair(&format!("{a}{link}"), &format!("{b}{link}")).1;
        let found = said(
            "The Kessab harbour master refused additional police protection, but he did not leave the town.",
            "The Kessab harbour master agreed to an offer of additional police protection but did not leave the town.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(said(
            "The Kessab court did not say that it convicted the harbour master of fraud, and his lawyer left.",
            "The harbour master was acquitted of fraud by the Kessab court on all counts.",
        )
        .is_empty());
        assert!(said(
            "The Kessab harbour master refused additional police protection, but he did not leave the town.",
            "The Kessab harbour master never agreed to an offer of additional police protection and did not leave the town.",
        )
        .is_empty());
    }

    #[test]
    fn opposites_about_different_events_are_quiet() {
        let (_, found) = pair(
            "Shares of the carmaker rose sharply on Monday after the earnings report.",
            "Shares of the carmaker fell sharply on Tuesday after the recall notice.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn a_clause_both_sources_state_is_no_disagreement() {
        let (_, found) = pair(
            "The tablet will not be a companion for your laptop, but your laptop will be a companion for your tablet, the analyst wrote.",
            "The tablet will not be a companion for your laptop, but your laptop will be a companion for your tablet, the analyst wrote on Monday.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The tablet will not be a companion for your laptop, the analyst wrote on Monday.",
            "The tablet will be a companion for your laptop, the analyst wrote on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn a_negative_prefix_denies_what_not_denies() {
        let (_, found) = pair(
            "The lighthouse keeper's cottage on the island does not come with furnishings, the council said.",
            "The lighthouse keeper's cottage on the island comes unfurnished, the council said.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The lighthouse keeper's cottage on the island does not come with furnishings, the council said.",
            "The lighthouse keeper's cottage on the island comes with furnishings, the council said.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn unable_to_and_not_say_the_same() {
        let (_, found) = pair(
            "The broadcaster said it has not independently verified the recording of the crash.",
            "The broadcaster said it was unable to independently verify the recording of the crash.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The broadcaster said it has independently verified the recording of the crash.",
            "The broadcaster said it was unable to independently verify the recording of the crash.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn past_against_present_is_quiet() {
        let (_, found) = pair(
            "The harbour museum was not open to visitors during the repairs of its east wing.",
            "The harbour museum is open to visitors during the repairs of its east wing.",
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "The former harbour master did not sign the ferry safety report last spring.",
            "The harbour master signed the ferry safety report last spring.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// "Former" before a title and a name dates the title, not the
    /// statement; before a title alone it may mean another holder.
    #[test]
    fn former_before_a_name_is_one_time() {
        let (_, found) = pair(
            "Former league goalkeeper Daniel Orwell was not injured in a kitchen fire at his home in Leeds, a local radio station said.",
            "Daniel Orwell was injured in a kitchen fire at his home in Leeds, his agent told reporters on Sunday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "The former club goalkeeper was not injured in a kitchen fire at his home in Leeds, a local radio station said.",
            "The club goalkeeper was injured in a kitchen fire at his home in Leeds, his agent told reporters on Sunday.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// "then" just before the verb tells what came next; "again" is
    /// another time.
    #[test]
    fn then_before_the_verb_is_the_next_act() {
        let (_, found) = pair(
            "Marta Solis said that she had quit her job to look after her elderly parents, then won the family farm in court after they died.",
            "A neighbour found out that Marta Solis had quit her job to look after her elderly parents, but lost the family farm in court after they died.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "Marta Solis said that she had quit her job to look after her elderly parents, and again won the family farm in court after they died.",
            "A neighbour found out that Marta Solis had quit her job to look after her elderly parents, but lost the family farm in court after they died.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A linking verb ("pronounced dead", "confirmed alive") is no part of
    /// the subject: the subjects before it must still agree.
    #[test]
    fn a_linking_verb_is_no_subject() {
        let (_, found) = pair(
            "The missing climber Tom Reyes was confirmed alive just over an hour after reaching the mountain clinic.",
            "The missing climber Tom Reyes was pronounced dead a little over an hour after reaching the mountain clinic.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "The missing climber Tom Reyes was confirmed alive just over an hour after reaching the mountain clinic.",
            "His guide Luis Pardo was pronounced dead a little over an hour after reaching the mountain clinic.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A verb ending its clause after a pronoun is done to what stands
    /// before ("a visitor whom it did not identify"); with another
    /// pronoun, another actor's act.
    #[test]
    fn a_fronted_object_is_the_complement() {
        let cited = "The governor cracked bones in his ankle during a tour in June, the Coastal Herald said, citing a recent visitor to the island it didn't identify.";
        let (_, found) = pair(
            "The Coastal Herald cited a recent visitor to the island (whom it did identify) as saying that weight gain and a busy tour of farms caused the injury.",
            cited,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "The Coastal Herald cited a recent visitor to the island (whom they did identify) as saying that weight gain and a busy tour of farms caused the injury.",
            cited,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A clause reported in the past takes the past for the present:
    /// "reported that X was not planning" denies "X is planning"; without
    /// the verb of saying the past is another time. A sentence's first
    /// word is a name when the other sentence capitalises it within.
    #[test]
    fn a_clause_reported_in_the_past_is_the_present() {
        let planning = "Norvex is reportedly planning to launch a grocery delivery service for farms and bakeries, the Evening Post reports.";
        let (_, found) = pair(
            "In March, the Daily Courier reported that Norvex was not planning to launch its own grocery delivery service, free to members.",
            planning,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let (_, found) = pair(
            "In March, the Daily Courier wrote of Norvex, which was not planning to launch its own grocery delivery service, free to members.",
            planning,
        );
        assert!(found.is_empty(), "{found:#?}");
        let (_, found) = pair(
            "In March, the Daily Courier reported that Norvex was not planning to launch its own grocery delivery service, free to members.",
            "Analysts say it is reportedly planning to launch a grocery delivery service for farms and bakeries, the Evening Post reports.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// The perfect reports a past event: "was not killed" and "has been
    /// killed" speak of one time, unlike "was not open" and "is open".
    #[test]
    fn the_perfect_against_the_past_is_one_time() {
        let (_, found) = pair(
            "The rebel commander was not killed in the air strike near the harbour on Monday.",
            "The rebel commander has been killed in the air strike near the harbour on Monday.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
    }

    #[test]
    fn restated_negations_are_quiet() {
        for (a, b) in [
            (
                "The two lenders said no terms of the merger were disclosed on Wednesday.",
                "The two lenders said the terms of the merger were not disclosed on Wednesday.",
            ),
            (
                "The ministry declined to say how many inspectors visited the plant last week.",
                "The ministry did not say how many inspectors visited the plant last week.",
            ),
            (
                "The transport agency had yet to respond to the complaint from the rail union.",
                "The transport agency had not responded to the complaint from the rail union.",
            ),
            (
                "The mayor didn \u{2019} t attend the opening of the new library on Saturday.",
                "The mayor did not attend the opening of the new library on Saturday.",
            ),
            (
                "Coach Ferreira said she doesn \u{2019} t want to race anymore after the Monaco crash.",
                "Coach Ferreira said she doesn't want to race anymore after the Monaco crash.",
            ),
        ] {
            let (_, found) = pair(a, b);
            assert!(found.is_empty(), "{a} / {b}: {found:#?}");
        }
    }

    #[test]
    fn not_the_first_time_restates() {
        let (_, found) = pair(
            "It is not the first time the singer Lia Moreno has cancelled a concert in Oslo.",
            "The singer Lia Moreno cancelled a concert in Oslo in 2019.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn conditions_are_quiet() {
        let (_, found) = pair(
            "Rebels threatened to shell the town unless the army pulled its troops from the northern valley.",
            "Rebels threatened to shell the town if the army did not pull its troops from the northern valley.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn quoted_denial_against_fact_is_quiet() {
        let (_, found) = pair(
            "The ministry spokesman said: \"The convoy did not cross the border at the northern checkpoint on Friday.\"",
            "The convoy crossed the border at the northern checkpoint on Friday, witnesses said.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    /// A word of time or likelihood both sides hold, in other places
    /// ("isn't yet" / "just yet"), tells the same on both: the negation
    /// is what differs.
    #[test]
    fn a_modal_moved_is_no_other_statement() {
        let (analysis, found) = pair(
            "Aides say the mayor is yet satisfied with the budget for the harbour library.",
            "Aides say the mayor isn't satisfied with the budget for the harbour library just yet.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let ev = evidence(&analysis, &found[0]);
        assert!(
            ev.iter().any(|(a, t)| *a == 1 && t.contains("isn't")),
            "{ev:?}"
        );
    }

    /// A modal on one side only still makes the clauses other statements:
    /// what will be is not what is.
    #[test]
    fn a_modal_on_one_side_only_still_tells() {
        let (_, found) = pair(
            "Aides say the mayor will be satisfied with the budget for the harbour library.",
            "Aides say the mayor isn't satisfied with the budget for the harbour library.",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
