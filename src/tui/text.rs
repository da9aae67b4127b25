//! Article text made safe and laid out for a column: control characters and
//! escape sequences become visible placeholders (never raw bytes on the
//! terminal), widths come from Unicode (wide CJK, combining marks, emoji),
//! and lines wrap at word boundaries while every glyph keeps its byte offset
//! so styles and clicks map back to the text.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One displayed grapheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glyph {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What to show instead of the text (placeholders, spaces).
    pub shown: Option<char>,
    pub width: u8,
}

impl Glyph {
    /// The symbol to draw.
    #[must_use]
    pub fn symbol<'t>(&self, text: &'t str, buf: &'t mut [u8; 4]) -> &'t str {
        match self.shown {
            Some(c) => c.encode_utf8(buf),
            None => &text[self.range.clone()],
        }
    }

    fn is_space(&self) -> bool {
        self.shown == Some(' ')
    }
}

/// A wrapped line: a run of glyphs, or a blank line between paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub glyphs: Range<usize>,
    /// Text offset of the line's start (for a blank line, the end of the
    /// paragraph before it), so lines are ordered by offset.
    pub offset: usize,
}

/// Paragraphs wrapped to a width.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub glyphs: Vec<Glyph>,
    pub lines: Vec<Line>,
}

impl Layout {
    /// The line showing a text offset.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.offset <= offset)
            .saturating_sub(1)
    }

    /// The text range a line covers (empty for a blank line).
    #[must_use]
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let l = &self.lines[line];
        match (
            self.glyphs[l.glyphs.clone()].first(),
            self.glyphs[l.glyphs.clone()].last(),
        ) {
            (Some(first), Some(last)) => first.range.start..last.range.end,
            _ => l.offset..l.offset,
        }
    }
}

/// The placeholder shown for a character that must not reach the terminal
/// as it is, if any: C0 controls as their Unicode control pictures (␛ for
/// ESC), DEL as ␡, and C1 controls and bidirectional overrides (which would
/// reorder the screen) as �.
#[must_use]
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// A string safe to print: whitespace runs become one space, everything
/// else that is not printable becomes its placeholder.
#[must_use]
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.push(placeholder(c).unwrap_or(c));
    }
    out
}

/// `text` in at most `width` columns: cut at the last word that fits and
/// ended with `…`, so a cut is never mistaken for the whole (a single word
/// longer than the room is cut inside).
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut last_space = None;
    // Whether the cut falls between words.
    let mut between = false;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            between = c == ' ';
            break;
        }
        if c == ' ' {
            last_space = Some(out.len());
        }
        out.push(c);
        used += w;
    }
    if let Some(at) = last_space.filter(|&at| at > 0 && !between) {
        out.truncate(at);
    }
    let kept = out.trim_end_matches([' ', ',', ';', ':', '—', '-']).len();
    out.truncate(kept);
    out.push('…');
    out
}

/// The glyphs of a stretch of text, whitespace collapsed to single spaces.
fn glyphs(text: &str, range: Range<usize>, out: &mut Vec<Glyph>) {
    let base = range.start;
    for (i, g) in text[range].grapheme_indices(true) {
        let start = base + i;
        let range = start..start + g.len();
        if g.chars().all(char::is_whitespace) {
            if out.last().is_none_or(|last| !last.is_space()) {
                out.push(Glyph {
                    range,
                    shown: Some(' '),
                    width: 1,
                });
            }
        } else if let Some(p) = g.chars().find_map(placeholder) {
            out.push(Glyph {
                range,
                shown: Some(p),
                width: 1,
            });
        } else {
            // Zero-width clusters (a lone joiner) show nothing and take no cell.
            let width = g.width().min(2) as u8;
            if width > 0 {
                out.push(Glyph {
                    range,
                    shown: None,
                    width,
                });
            }
        }
    }
}

/// Wraps paragraphs to `width` cells, a blank line between paragraphs.
#[must_use]
pub fn wrap(text: &str, paragraphs: &[Range<usize>], width: usize) -> Layout {
    let width = width.max(1);
    let mut layout = Layout::default();
    for (p, range) in paragraphs.iter().enumerate() {
        if p > 0 {
            let offset = paragraphs[p - 1].end;
            let at = layout.glyphs.len();
            layout.lines.push(Line {
                glyphs: at..at,
                offset,
            });
        }
        let from = layout.glyphs.len();
        glyphs(text, range.clone(), &mut layout.glyphs);
        wrap_glyphs(&mut layout, from, width, range.start);
    }
    layout
}

/// Breaks the glyphs from `from` on into lines: greedy, at spaces, a word
/// longer than the line broken where it must.
fn wrap_glyphs(layout: &mut Layout, from: usize, width: usize, start: usize) {
    let glyphs = &layout.glyphs;
    let end = glyphs.len();
    let mut i = from;
    // Leading spaces of a paragraph are not shown.
    while i < end && glyphs[i].is_space() {
        i += 1;
    }
    if i == end {
        layout.lines.push(Line {
            glyphs: i..i,
            offset: start,
        });
        return;
    }
    while i < end {
        let line_start = i;
        let mut used = 0;
        let mut last_break = None;
        while i < end && used + usize::from(glyphs[i].width) <= width {
            if glyphs[i].is_space() {
                last_break = Some(i);
            }
            used += usize::from(glyphs[i].width);
            i += 1;
        }
        let mut line_end = i;
        if i < end
            && !glyphs[i].is_space()
            && let Some(b) = last_break.filter(|&b| b > line_start)
        {
            line_end = b;
            i = b;
        }
        if line_end == line_start {
            // Not even one glyph fits (a wide glyph in a one-cell column).
            line_end += 1;
            i = line_end;
        }
        let mut shown_end = line_end;
        while shown_end > line_start && glyphs[shown_end - 1].is_space() {
            shown_end -= 1;
        }
        layout.lines.push(Line {
            glyphs: line_start..shown_end,
            offset: glyphs[line_start].range.start,
        });
        while i < end && glyphs[i].is_space() {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_at_a_word_with_an_ellipsis() {
        assert_eq!(
            fit("Hamas delivered the list", 30),
            "Hamas delivered the list"
        );
        assert_eq!(fit("Hamas delivered the list", 18), "Hamas delivered…");
        assert_eq!(fit("Hamas delivered the list", 16), "Hamas delivered…");
        assert_eq!(fit("Hamas delivered the list", 15), "Hamas…");
        assert_eq!(fit("Unbreakable", 5), "Unbr…");
        assert_eq!(fit("x", 0), "");
    }

    fn shown(text: &str, layout: &Layout) -> Vec<String> {
        layout
            .lines
            .iter()
            .map(|l| {
                let mut buf = [0; 4];
                layout.glyphs[l.glyphs.clone()]
                    .iter()
                    .map(|g| g.symbol(text, &mut buf).to_string())
                    .collect()
            })
            .collect()
    }

    fn width(text: &str, layout: &Layout, line: usize) -> usize {
        let _ = text;
        layout.glyphs[layout.lines[line].glyphs.clone()]
            .iter()
            .map(|g| usize::from(g.width))
            .sum()
    }

    #[test]
    fn wraps_at_words() {
        let text = "The talks resumed on Sunday in Doha.";
        let layout = wrap(text, std::slice::from_ref(&(0..text.len())), 12);
        assert_eq!(
            shown(text, &layout),
            ["The talks", "resumed on", "Sunday in", "Doha."]
        );
        assert_eq!(layout.line_of(text.find("Sunday").unwrap()), 2);
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        let text = "One two.\n\nThree four.";
        let layout = wrap(text, &[0..8, 10..text.len()], 40);
        assert_eq!(shown(text, &layout), ["One two.", "", "Three four."]);
        assert_eq!(layout.line_of(10), 2);
        assert_eq!(layout.line_of(3), 0);
    }

    #[test]
    fn long_words_break_and_wide_glyphs_never_overflow() {
        let text = "北京市人民政府新闻办公室 supercalifragilistic";
        let layout = wrap(text, std::slice::from_ref(&(0..text.len())), 7);
        for line in 0..layout.lines.len() {
            assert!(
                width(text, &layout, line) <= 7,
                "{:?}",
                shown(text, &layout)
            );
        }
        assert_eq!(shown(text, &layout)[0], "北京市");
    }

    #[test]
    fn escapes_and_overrides_become_visible() {
        let text = "red \u{1b}[31mALERT\u{7} \u{202e}evil\u{9b}";
        let layout = wrap(text, std::slice::from_ref(&(0..text.len())), 80);
        let line = &shown(text, &layout)[0];
        assert!(!line.chars().any(char::is_control), "{line:?}");
        assert!(line.contains('\u{241b}'), "{line:?}");
        assert!(line.contains('\u{fffd}'), "{line:?}");
        assert!(!line.contains('\u{202e}'));
        assert_eq!(
            clean("a\u{1b}]52;c;x\u{7}\n b"),
            "a\u{241b}]52;c;x\u{2407} b"
        );
    }

    #[test]
    fn combining_marks_and_joiners_stay_one_glyph() {
        let text = "cafe\u{301} 👩\u{200d}👩\u{200d}👧 שלום";
        let layout = wrap(text, std::slice::from_ref(&(0..text.len())), 80);
        // "e" with its accent is one glyph of one cell.
        assert_eq!(layout.glyphs[3].range, 3..6);
        assert_eq!(layout.glyphs[3].width, 1);
        // The family emoji joined by ZWJ is one glyph of two cells.
        let family = &layout.glyphs[5];
        assert_eq!(&text[family.range.clone()], "👩\u{200d}👩\u{200d}👧");
        assert_eq!(family.width, 2);
        assert_eq!(width(text, &layout, 0), 4 + 1 + 2 + 1 + 4);
    }
}
