//! Embedded social-media posts: the byline an article prints under a
//! quoted post ("… text of the post — Ann Lee (@annlee) October 6, 2014").
//!
//! The date of such a byline is the day the post was written, not the day
//! of what the article tells: it is compared only with the byline of the
//! same post in another article (the same account and the same words).

/// The account and the words of a post whose byline ends right before a
/// date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    /// The account, lower-cased, without its "@".
    pub handle: String,
    /// The words of the text before the byline on its line, else on the
    /// line before (lower-cased, links left out): the post's text,
    /// perhaps after words of the article's own.
    pub words: Vec<String>,
}

/// How far before the account the dash that opens a byline may be: the
/// display name between them.
const NAME_BYTES: usize = 80;

/// How many last words of their text two posts of one account must share
/// to be one post: the text ends where the byline starts, whatever the
/// article wrote before it on the line.
const SHARED_WORDS: usize = 3;

/// The post whose byline the date starting at byte `date` of `text` ends:
/// "— Name (@handle)" right before it, the post's text before the dash on
/// its line, else on the line before when the byline stands on its own.
#[must_use]
pub fn byline(text: &str, date: usize) -> Option<Post> {
    let before = text[..date].trim_end();
    let inner = before.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let handle = inner[open + 1..].strip_prefix('@')?;
    if handle.is_empty() || !handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let lead = &inner[..open];
    let dash = lead.rfind('—')?;
    let name = &lead[dash + '—'.len_utf8()..];
    if name.len() > NAME_BYTES || name.contains('\n') {
        return None;
    }
    let line_start = lead[..dash].rfind('\n').map_or(0, |i| i + 1);
    let mut body = lead[line_start..dash].trim();
    if body.is_empty() {
        body = lead[..line_start]
            .lines()
            .rev()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
    }
    Some(Post {
        handle: handle.to_lowercase(),
        words: post_words(body),
    })
}

/// The words of a post's text, links left out ("pic.twitter.com/…" ends
/// most posts with a picture, each its own).
fn post_words(body: &str) -> Vec<String> {
    body.split_whitespace()
        .filter(|t| !t.contains("://") && !t.contains("twitter.com") && !t.starts_with("http"))
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two bylines are of one post: the same account, and texts that
/// end in the same `SHARED_WORDS` words.
#[must_use]
pub fn same_post(a: &Post, b: &Post) -> bool {
    let ending = a
        .words
        .iter()
        .rev()
        .zip(b.words.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.handle == b.handle && ending >= SHARED_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, date: &str) -> Option<Post> {
        byline(text, text.find(date).unwrap())
    }

    #[test]
    fn bylines_on_their_line_or_after_the_post() {
        let glued =
            "Intro.\n\nThe ferry left without us again today.— Ann Lee (@ann_lee) May 2, 2024";
        let p = at(glued, "May 2").unwrap();
        assert_eq!(p.handle, "ann_lee");
        let has = |w: &str| p.words.iter().any(|x| x == w);
        assert!(has("ferry") && !has("intro"));
        let alone = "The ferry left without us again today.\n\n— Ann Lee (@Ann_Lee) May 2, 2024";
        assert_eq!(at(alone, "May 2"), Some(p));
    }

    #[test]
    fn a_date_after_other_brackets_is_no_byline() {
        assert_eq!(at("The mayor (@ann_lee) May 2, 2024", "May 2"), None);
        assert_eq!(at("Ann Lee — the mayor (2024) May 2", "May 2"), None);
        assert_eq!(at("It opened on May 2, 2024", "May 2"), None);
    }

    #[test]
    fn one_post_needs_the_account_and_its_words() {
        let a = at(
            "Ferry left without us again today pic.twitter.com/x1— A (@a) May 2, 2024",
            "May 2",
        )
        .unwrap();
        let b = at(
            "Bad luck. Ferry left without us again today! — A (@a) May 2, 2024",
            "May 2",
        )
        .unwrap();
        let other = at(
            "Ferry left without us again today. Lovely morning at the harbour pic.twitter.com/x2— A (@a) May 3, 2024",
            "May 3",
        )
        .unwrap();
        let elsewhere = at(
            "Ferry left without us again today — B (@b) May 2, 2024",
            "May 2",
        )
        .unwrap();
        assert!(same_post(&a, &b));
        assert!(!same_post(&a, &other));
        assert!(!same_post(&a, &elsewhere));
    }
}
