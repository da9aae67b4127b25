//! Lines that belong to the page, not to the story: newsletter prompts,
//! share buttons, cookie notices. They stay in the source (positions still
//! refer to it) but are kept out of analysis.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::Lexicon;

/// Phrases that mark a whole short line as page furniture, and single
/// words that are furniture when they stand alone on a line
/// (`page-furniture.txt`).
static FURNITURE: LazyLock<(Vec<&str>, FxHashSet<&str>)> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/page-furniture.txt"));
    let section = |name| lex.section(name).expect("page-furniture.txt sections");
    (
        section("boilerplate phrases").entries().collect(),
        section("boilerplate words").entries().collect(),
    )
});

/// Longest line considered furniture: real paragraphs that mention a
/// newsletter are longer than this.
const MAX_LEN: usize = 140;

/// Whether a line of text is boilerplate rather than article content.
#[must_use]
pub fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_LEN {
        return false;
    }
    let lower = line.to_lowercase();
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if FURNITURE.1.contains(bare) {
        return true;
    }
    // A sentence of the story that merely mentions subscribing ends like a
    // sentence and is long; furniture is short or has no final stop.
    let sentence_like = line.split_whitespace().count() > 12 && line.ends_with('.');
    !sentence_like && FURNITURE.0.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        assert!(is_boilerplate("Subscribe"));
        assert!(is_boilerplate(
            "Sign up to our newsletter for exclusive updates and enhanced content"
        ));
        assert!(is_boilerplate("Share this article"));
        assert!(is_boilerplate("  Twitter "));
        assert!(is_boilerplate("Advert"));
        assert!(is_boilerplate("You may also like..."));
        assert!(is_boilerplate("This slideshow requires JavaScript."));
        assert!(is_boilerplate("Tell us what YOU think..."));
        // Credits, tags and prompts under a story.
        assert!(is_boilerplate(
            "(Reporting by Will Dunham; Editing by Tom Brown)"
        ));
        assert!(is_boilerplate(
            "Keith Bradsher contributed reporting from Hong Kong."
        ));
        assert!(is_boilerplate("Follow him on Twitter @michaeldwall ."));
        assert!(is_boilerplate("Filed under: Khawarij |"));
        assert!(is_boilerplate("Topics"));
        assert!(is_boilerplate("More:"));
    }

    #[test]
    fn story_lines_stay() {
        assert!(!is_boilerplate(
            "Hamas is engaged in direct talks with the U.S."
        ));
        assert!(!is_boilerplate(
            "Readers who subscribe to the paper's newsletter were told of the talks on Sunday by the editor."
        ));
        assert!(!is_boilerplate(
            "Reporters who followed her on the campaign trail said she was editing by hand late into the night."
        ));
        assert!(!is_boilerplate(""));
    }
}
