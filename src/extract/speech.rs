//! Words of saying, from `assets/lexicon/speech.txt`: the verbs that credit
//! a statement to a source, the nouns that name a source, and the verbs
//! that report or deny a clause. The file's sections say why the verb
//! lists differ.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::Lexicon;

/// `speech.txt`, parsed once for all its sections.
static FILE: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/lexicon/speech.txt")));

static SPEECH_VERBS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("speech verbs"));
static QUOTATION_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("quotation verbs"));
static REPORTING_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("reporting verbs"));
static BELIEF_VERBS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("belief verbs"));
static DENYING_VERBS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("denying verbs"));

/// The reporting and denying verbs together, lower case: each ends the
/// clause before it (see `polarity`).
pub fn reporting_or_denying() -> impl Iterator<Item = &'static str> {
    REPORTING_VERBS.iter().chain(DENYING_VERBS.iter()).copied()
}
static SPEAKER_NOUNS: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("speaker nouns"));
static AGENT_NOUNS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| FILE.section_set("agent nouns"));
static SPEAKING_FOR: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("speaking-for nouns"));
static NOT_A_SOURCE: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| FILE.section_set("not a source name"));

/// A verb that credits a statement to a source: "said", "denied", "told".
#[must_use]
pub fn is_speech_verb(word: &str) -> bool {
    crate::lexicon::contains_lowered(&SPEECH_VERBS, word)
}

/// A verb whose subject spoke a quotation: "said", "replied", "vowed".
#[must_use]
pub fn is_quotation_verb(word: &str) -> bool {
    crate::lexicon::contains_lowered(&QUOTATION_VERBS, word)
}

/// A verb that reports, believes or denies a clause: "said", "believes".
#[must_use]
pub fn is_reporting_verb(word: &str) -> bool {
    crate::lexicon::contains_lowered(&REPORTING_VERBS, word)
}

/// A verb of belief before a clause: "assumed", "thinks".
#[must_use]
pub fn is_belief_verb(word: &str) -> bool {
    crate::lexicon::contains_lowered(&BELIEF_VERBS, word)
}

/// A verb that denies the clause after it: "denied", "rejects".
#[must_use]
pub fn is_denying_verb(word: &str) -> bool {
    crate::lexicon::contains_lowered(&DENYING_VERBS, word)
}

/// A role that speaks for the body or person named beside it:
/// "spokesman", "inspector", "lawyer".
#[must_use]
pub fn is_speaking_for_noun(word: &str) -> bool {
    crate::lexicon::contains_lowered(&SPEAKING_FOR, word)
}

/// A noun that names a source: "officials", "spokesman", "report".
#[must_use]
pub fn is_speaker_noun(word: &str) -> bool {
    crate::lexicon::contains_lowered(&SPEAKER_NOUNS, word)
}

/// Someone who speaks for another: "agent", "lawyer", "mother".
#[must_use]
pub fn is_agent_noun(word: &str) -> bool {
    crate::lexicon::contains_lowered(&AGENT_NOUNS, word)
}

/// A generic word beside a source that is not its name: "the", "daily".
#[must_use]
pub fn is_not_a_source_name(word: &str) -> bool {
    crate::lexicon::contains_lowered(&NOT_A_SOURCE, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_reads_in_any_case() {
        for name in [
            "speech verbs",
            "quotation verbs",
            "reporting verbs",
            "denying verbs",
            "speaker nouns",
            "not a source name",
        ] {
            let words = FILE.section_set(name);
            assert!(!words.is_empty(), "{name}");
            for w in words {
                assert!(w.len() <= 32 && w == w.to_ascii_lowercase(), "{w}");
            }
        }
        for v in FILE.section_set("speech verbs") {
            assert!(is_speech_verb(v) && is_speech_verb(&v.to_ascii_uppercase()));
        }
        assert!(!is_speech_verb("sad") && !is_speech_verb("") && !is_speech_verb("é"));
    }

    #[test]
    fn the_lists_differ_where_the_file_says() {
        assert!(is_speech_verb("denied") && !is_quotation_verb("denied"));
        assert!(is_quotation_verb("vowed") && !is_speech_verb("vowed"));
        assert!(is_reporting_verb("believes") && !is_speech_verb("believes"));
    }
}
