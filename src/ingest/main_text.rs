//! Which blocks of a web page are its story. `rs-trafilatura`, the best
//! extractor on the article-extraction benchmark (`scripts/extraction-benchmark`),
//! reads the page; its text then only chooses among our own blocks, so every
//! sentence still comes from, and maps back to, the bytes of the file.

use rustc_hash::{FxHashMap, FxHashSet};

use super::html::TextBlock;
use super::layout::{byline, date_line};
use crate::model::Role;

/// A block is the story when at least this share of its word triples are
/// in the extracted text.
const SHARE: f32 = 0.5;

/// The chosen text is "much smaller" than the likeliest element when that
/// element has this many times its words, and more than [`FEW_WORDS`].
const MUCH_SMALLER: usize = 10;
const FEW_WORDS: usize = 50;

/// The extractor's tree work grows faster than the page on elements nested
/// thousands deep (100,000 `<div>`s took minutes); real pages nest a few
/// dozen deep.
const MAX_DEPTH: usize = 512;

/// The story's blocks, and a warning when they could not be told apart from
/// the page and a wider text was read instead. `region` is the text of the
/// element most likely to hold the story; `page` all visible text of the
/// page, whence the story is chosen.
pub(super) fn choose(
    source: &str,
    depth: usize,
    region: Vec<TextBlock>,
    page: impl FnOnce() -> Vec<TextBlock>,
) -> (Vec<TextBlock>, Option<String>) {
    if depth > MAX_DEPTH {
        let warning = format!(
            "elements nest {depth} deep, past the {MAX_DEPTH} the main-text extractor is given; \
             read the element most likely to hold the story instead"
        );
        return (region, Some(warning));
    }
    let extracted = rs_trafilatura::extract(source)
        .map(|r| r.content_text)
        .unwrap_or_default();
    choose_in(&extracted, region, page())
}

/// [`choose`] once the extracted text is known.
fn choose_in(
    extracted: &str,
    region: Vec<TextBlock>,
    page: Vec<TextBlock>,
) -> (Vec<TextBlock>, Option<String>) {
    let chosen = select(page.iter().map(|b| b.text.as_str()), extracted);
    let chosen_words: usize = chosen
        .iter()
        .zip(&page)
        .filter(|(keep, _)| **keep)
        .map(|(_, b)| words(&b.text).count())
        .sum();
    let region_words: usize = region.iter().map(|b| words(&b.text).count()).sum();
    if chosen_words > 0
        && (chosen_words * MUCH_SMALLER >= region_words || region_words <= FEW_WORDS)
    {
        return (with_roles(page, &chosen), None);
    }
    if region_words > 0 {
        let why = if chosen_words == 0 {
            "no main text could be told apart from the rest of the page".to_string()
        } else {
            format!("the main text found ({chosen_words} words) is much smaller than the page's")
        };
        let warning = format!(
            "{why}; read the element most likely to hold the story instead ({region_words} words), \
             which may include page furniture"
        );
        return (region, Some(warning));
    }
    let page_words: usize = page.iter().map(|b| words(&b.text).count()).sum();
    if page_words == 0 {
        return (Vec::new(), None);
    }
    let warning = format!(
        "no story could be told apart from the page; read all its text instead ({page_words} words), \
         menus and footers included"
    );
    let page = page.into_iter().map(|b| b.with_role(Role::Body)).collect();
    (page, Some(warning))
}

/// The chosen blocks with their roles: the `<h1>` just before the story is
/// its title (unless the story has one), captions stay captions, the rest is
/// body. The photo captions among the story's blocks are kept, as captions,
/// even when the extractor leaves them out. A block that is nothing but
/// links is left out even when chosen: a menu entry or the headline of
/// another story, which the extractor takes for the story's now and then
/// (on the benchmark's development pages, F1 0.965 -> 0.969).
fn with_roles(page: Vec<TextBlock>, chosen: &[bool]) -> Vec<TextBlock> {
    let first = chosen.iter().position(|&c| c).unwrap_or(page.len());
    let last = chosen.iter().rposition(|&c| c).unwrap_or(0);
    let title = (0..first).rev().find(|&i| page[i].h1);
    let standfirst = standfirst(&page, chosen);
    let mut has_title = false;
    let mut out = Vec::new();
    for (i, block) in page.into_iter().enumerate() {
        if Some(i) == standfirst {
            continue;
        }
        let role = if Some(i) == title || (block.h1 && chosen[i] && !has_title && title.is_none()) {
            has_title = true;
            Role::Title
        } else if chosen[i] && !block.all_linked() {
            match block.role {
                Role::Caption => Role::Caption,
                Role::Title | Role::Body => Role::Body,
            }
        } else if block.role == Role::Caption && (first..=last).contains(&i) {
            Role::Caption
        } else {
            continue;
        };
        out.push(block.with_role(role));
    }
    out
}

/// The summary printed between a headline and its byline (a standfirst):
/// the story's first chosen block when a byline or date line of the page
/// ("By Laura Mowat", "PUBLISHED: 10:48, Tue, Nov 19, 2019") stands between
/// it and the next, and the story goes on past them. The extractor takes it
/// for the first paragraph; it restates the story in other words and is no
/// statement of its own (benchmark 0-7: F1 +0.002, recall unchanged).
fn standfirst(page: &[TextBlock], chosen: &[bool]) -> Option<usize> {
    const MAX_WORDS: usize = 60;
    let dated = |b: &TextBlock| byline(&b.text).is_some() || date_line(&b.text).is_some();
    let mut story = (0..page.len())
        .filter(|&i| chosen[i] && !page[i].h1 && !page[i].all_linked() && !dated(&page[i]));
    let (first, next) = (story.next()?, story.next()?);
    story.next()?; // the story goes on past the byline
    let summary = words(&page[first].text).count() <= MAX_WORDS;
    (summary && page[first + 1..next].iter().any(dated)).then_some(first)
}

/// Lower-cased words: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Which of the blocks are in the extracted text: most of their word
/// triples are, in the extracted text's order (a teaser that repeats the
/// story's first lines above it is left out: of two blocks at one place of
/// the text, the one with more of it wins); a block of one or two words when
/// a whole line of it reads the same, or when its letters are in it and the
/// nearest longer block is chosen (the extractor runs list items together:
/// "First pointSecond point").
fn select<'b>(blocks: impl Iterator<Item = &'b str>, extracted: &str) -> Vec<bool> {
    let all: Vec<String> = words(extracted).collect();
    // Each triple's places in the extracted text, in order.
    let mut triples: FxHashMap<[&str; 3], Vec<usize>> = FxHashMap::default();
    for (at, w) in all.windows(3).enumerate() {
        triples
            .entry([w[0].as_str(), w[1].as_str(), w[2].as_str()])
            .or_default()
            .push(at);
    }
    // How far into the text the blocks so far have been found: a triple met
    // several times (a repeated line) is taken at its first place past it.
    let mut cursor = 0;
    let lines: FxHashSet<Vec<String>> = extracted
        .lines()
        .map(|l| words(l).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect();
    // Per block: `Some(place)` for a block found in the text,
    // `None` otherwise; and for short blocks, their squashed letters.
    let mut found = Vec::new();
    let mut short = Vec::new();
    for text in blocks {
        let own: Vec<String> = words(text).collect();
        if own.len() < 3 {
            let whole_line = !own.is_empty() && lines.contains(&own);
            found.push(None);
            short.push((!own.is_empty() && !whole_line).then(|| squash(text)));
            if whole_line {
                short.pop();
                short.push(Some(String::new()));
            }
            continue;
        }
        let mut at = cursor;
        let mut places: Vec<usize> = own
            .windows(3)
            .filter_map(|w| {
                let all = triples.get(&[w[0].as_str(), w[1].as_str(), w[2].as_str()])?;
                let place = all
                    .get(all.partition_point(|&p| p < at))
                    .map_or(all[0], |&p| {
                        at = p + 1;
                        p
                    });
                Some(place)
            })
            .collect();
        short.push(None);
        if places.len() as f32 >= SHARE * (own.len() - 2) as f32 {
            places.sort_unstable();
            cursor = cursor.max(places[places.len() / 2] + 1);
            found.push(Some(Place {
                low: places[places.len() / 4],
                middle: places[places.len() / 2],
                weight: places.len(),
            }));
        } else {
            found.push(None);
        }
    }
    let mut chosen = in_order(&found, all.len());
    choose_short(&mut chosen, &short, extracted);
    chosen
}

/// Adds the short blocks: those that are a whole line of the text (an
/// empty entry in `short`), and those whose letters are in it beside a
/// chosen longer block, within a budget of bytes searched so that a page of
/// a million one-word blocks stays linear. `short` is `None` for the longer
/// blocks.
fn choose_short(chosen: &mut [bool], short: &[Option<String>], extracted: &str) {
    let squashed = squash(extracted);
    let finder_budget = 64 * squashed.len().max(1 << 16);
    let mut searched = 0;
    let mut previous = vec![false; chosen.len()];
    let mut last = false;
    for i in 0..chosen.len() {
        previous[i] = last;
        if short[i].is_none() {
            last = chosen[i];
        }
    }
    let mut next = false;
    for i in (0..chosen.len()).rev() {
        let beside = previous[i] || next;
        if short[i].is_none() {
            next = chosen[i];
        }
        let Some(letters) = &short[i] else { continue };
        if letters.is_empty() {
            chosen[i] = true; // a whole line of the text
        } else if beside && searched < finder_budget {
            searched += squashed.len();
            chosen[i] = memchr::memmem::find(squashed.as_bytes(), letters.as_bytes()).is_some();
        }
    }
}

/// Where a block is in the extracted text, by the places of its word
/// triples: the lower quartile and the median (a common triple such as "one
/// of the" may be met earlier), and how many were found.
#[derive(Clone, Copy)]
struct Place {
    low: usize,
    middle: usize,
    weight: usize,
}

/// The heaviest sequence of found blocks, in document order, each starting
/// in the text past the middle of the one before (so two blocks at one place
/// of the text, a teaser and the paragraph it repeats, are not both taken):
/// a longest increasing subsequence weighted by how much of the text each
/// block holds, with a Fenwick tree over places.
fn in_order(found: &[Option<Place>], places: usize) -> Vec<bool> {
    let size = places + 1;
    // tree[i]: the best (weight, block) of a sequence ending at a place in
    // the range that i covers.
    let mut tree: Vec<(usize, usize)> = vec![(0, usize::MAX); size + 1];
    let best_below = |tree: &[(usize, usize)], place: usize| {
        let mut i = place; // places 0..place, 1-based
        let mut best = (0, usize::MAX);
        while i > 0 {
            best = best.max(tree[i]);
            i &= i - 1;
        }
        best
    };
    let mut back = vec![usize::MAX; found.len()];
    let mut top = (0, usize::MAX);
    for (block, f) in found.iter().enumerate() {
        let Some(Place {
            low,
            middle,
            weight,
        }) = *f
        else {
            continue;
        };
        let (before, from) = best_below(&tree, low);
        back[block] = from;
        let total = (before + weight, block);
        top = top.max(total);
        let mut i = middle + 1;
        while i <= size {
            tree[i] = tree[i].max(total);
            i += i & i.wrapping_neg();
        }
    }
    let mut chosen = vec![false; found.len()];
    let mut at = top.1;
    while at != usize::MAX {
        chosen[at] = true;
        at = back[at];
    }
    chosen
}

/// Letters and digits only, lower-cased.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teaser_repeating_the_story_is_left_out() {
        let extracted = "Their American dream shattered, nearly 150 Indians returned home on Wednesday.\nThey had been deported for overstaying their visas or entering illegally.\n";
        let blocks = [
            "Deportees return: their American dream shattered, nearly 150 Indians returned…",
            "Their American dream shattered, nearly 150 Indians returned home on Wednesday.",
            "They had been deported for overstaying their visas or entering illegally.",
            "Their American dream shattered, nearly 150 Indians returned home on Wednesday.",
        ];
        assert_eq!(
            select(blocks.into_iter(), extracted),
            [false, true, true, false]
        );
    }

    #[test]
    fn repeated_lines_are_each_found() {
        let extracted = "Plan A\nDrink it before your workout.\nPortion Fix Containers: 1 Purple\nPlan B\nDrink it before your workout.\nPortion Fix Containers: 1 Purple\n";
        let blocks = [
            "Plan A",
            "Drink it before your workout.",
            "Portion Fix Containers: 1 Purple",
            "Plan B",
            "Drink it before your workout.",
            "Portion Fix Containers: 1 Purple",
        ];
        assert_eq!(select(blocks.into_iter(), extracted), [true; 6]);
    }

    fn block(text: &str) -> TextBlock {
        TextBlock::plain(text)
    }

    fn texts(blocks: &[TextBlock]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn the_story_is_never_dropped_silently() {
        let story =
            "Negotiators met in Doha on Sunday and agreed to meet again next week, officials said.";
        let menu = "Home World Politics Sport Culture Opinion";
        // Found: no warning.
        let (blocks, warning) =
            choose_in(story, vec![block(story)], vec![block(menu), block(story)]);
        assert_eq!((texts(&blocks), warning), (vec![story], None));
        // Nothing found: the likeliest element, with a warning.
        let (blocks, warning) = choose_in("", vec![block(story)], vec![block(menu), block(story)]);
        assert_eq!(texts(&blocks), [story]);
        assert!(
            warning
                .unwrap()
                .contains("no main text could be told apart")
        );
        // Far less than the likeliest element: that element, with a warning.
        let long: Vec<TextBlock> = (0..20).map(|_| block(story)).collect();
        let (blocks, warning) = choose_in(
            "Negotiators met in Doha on Sunday",
            long,
            vec![block("Negotiators met in Doha on Sunday")],
        );
        assert_eq!(blocks.len(), 20);
        assert!(warning.unwrap().contains("much smaller"));
        // Neither: the whole page, with a warning.
        let (blocks, warning) = choose_in("", Vec::new(), vec![block(menu), block(story)]);
        assert_eq!(texts(&blocks), [menu, story]);
        assert!(warning.unwrap().contains("read all its text"));
    }

    #[test]
    fn captions_inside_the_story_are_kept() {
        let html = r#"<html><body><nav><a>Home</a><a>World</a></nav><article>
            <h1>Prisoners freed as the truce holds</h1>
            <p>Buses carrying the prisoners left the prison early on Monday, hours after the exchange.</p>
            <figure><img src="a.jpg"><figcaption>Crowds surround a bus in Beitunia.</figcaption></figure>
            <p>Large crowds gathered near Ramallah to greet the buses as they arrived in the town.</p>
            </article><footer><figure><figcaption>Our newsroom team.</figcaption></figure></footer></body></html>"#;
        let page = super::super::html::read_html(html);
        let blocks: Vec<(Role, &str)> = page
            .text
            .blocks
            .iter()
            .map(|b| (b.role, &page.text.text[b.range.clone()]))
            .collect();
        assert_eq!(
            blocks,
            [
                (Role::Title, "Prisoners freed as the truce holds"),
                (
                    Role::Body,
                    "Buses carrying the prisoners left the prison early on Monday, hours after the exchange."
                ),
                (Role::Caption, "Crowds surround a bus in Beitunia."),
                (
                    Role::Body,
                    "Large crowds gathered near Ramallah to greet the buses as they arrived in the town."
                ),
            ]
        );
        assert_eq!(page.warning, None);
    }

    #[test]
    fn blocks_that_are_only_links_are_left_out() {
        let html = r#"<html><body><article>
            <h1>Prisoners freed as the truce holds</h1>
            <p>Buses carrying the prisoners left the prison early on Monday, hours after the exchange.</p>
            <p>Large crowds gathered near Ramallah to greet the buses as <a href="/r">they arrived in the town</a>.</p>
            <ul><li><a href="/a">Rock Hall fans vote for the band that never played there</a></li>
            <li><a href="/b">The 25 worst inductees of the Hall of Fame ever chosen</a></li></ul>
            </article></body></html>"#;
        let page = super::super::html::read_html(html);
        let text = &page.text.text;
        assert!(text.contains("they arrived in the town"), "{text}");
        assert!(!text.contains("Rock Hall"), "{text}");
        assert!(!text.contains("worst inductees"), "{text}");
    }

    #[test]
    fn the_summary_above_the_byline_is_no_statement() {
        let summary = "Beijing sends troops as the protests enter their sixth month.";
        let story = [
            "Chinese troops were seen in Kowloon on Saturday, clearing roadblocks near the university.",
            "The move follows weeks of clashes between protesters and the police in the city.",
            "Officials in Beijing said the soldiers had volunteered to help clean the streets.",
        ];
        let mut page = vec![block(summary), block("By Laura Mowat")];
        page.extend(story.iter().map(|s| block(s)));
        let mut chosen = vec![true; page.len()];
        chosen[1] = false;
        assert_eq!(standfirst(&page, &chosen), Some(0));
        let kept = with_roles(page, &chosen);
        assert_eq!(texts(&kept), story);
        // Without a byline between them, the first block is the story's.
        let page: Vec<TextBlock> = story.iter().map(|s| block(s)).collect();
        assert_eq!(standfirst(&page, &[true; 3]), None);
        // A byline under the only paragraph ends the story: nothing to set apart.
        let page = vec![block(story[0]), block("By Laura Mowat"), block(story[1])];
        assert_eq!(standfirst(&page, &[true, false, true]), None);
    }

    #[test]
    fn blocks_are_chosen_by_the_words_they_share() {
        let extracted = "  The talks resumed in Doha on Sunday.\n  They ended late, officials said.\n  Yes\n  First pointSecond point\n";
        let blocks = [
            "Home",
            "The talks resumed in Doha on Sunday.",
            "They ended late, officials said.",
            "Yes",
            "First point",
            "Second point",
            "Read more: the talks in Cairo",
            "Sunday",
        ];
        assert_eq!(
            select(blocks.into_iter(), extracted),
            [false, true, true, true, true, true, false, false]
        );
    }
}
