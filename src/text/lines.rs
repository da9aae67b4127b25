//! Byte offsets to 1-based lines and columns.

/// Line starts of a text, for turning byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before every [`STRIDE`]th byte (at a char boundary), so a
    /// column on a very long line costs one stride of counting, not the
    /// whole line: a 50 MB line must not make every lookup quadratic.
    marks: Vec<(usize, usize)>,
}

/// Bytes between character-count marks.
const STRIDE: usize = 4096;

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut marks = vec![(0, 0)];
        let mut at = 0;
        while at + STRIDE < text.len() {
            let next = floor_char_boundary(text, at + STRIDE);
            let chars = marks.last().map_or(0, |&(_, c)| c) + text[at..next].chars().count();
            marks.push((next, chars));
            at = next;
        }
        Self { starts, marks }
    }

    /// Characters before a byte offset (at a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.marks.partition_point(|&(b, _)| b <= offset).max(1) - 1;
        let (byte, chars) = self.marks[k];
        chars + text.get(byte..offset).map_or(0, |s| s.chars().count())
    }

    /// The 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = floor_char_boundary(text, offset.min(text.len())).max(start);
        // Near the line start counting directly is cheaper than counting
        // twice from the marks.
        let chars = if end - start <= STRIDE {
            text[start..end].chars().count()
        } else {
            self.chars_before(text, end) - self.chars_before(text, start)
        };
        let column = chars + 1;
        (line, column)
    }

    /// The byte range of the 1-based line that holds `offset`, without its
    /// line break.
    #[must_use]
    pub fn line_range(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
}

/// The largest char boundary at or below `i`.
#[must_use]
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based() {
        let text = "ab\ncdé\nf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        assert_eq!(idx.line_col(text, 7), (2, 4));
        assert_eq!(idx.line_col(text, 8), (3, 1));
        assert_eq!(&text[idx.line_range(text, 4)], "cdé");
    }

    #[test]
    fn columns_on_long_lines_count_characters() {
        let text = format!("x\n{}", "é".repeat(10_000) + &"a".repeat(10_000));
        let idx = LineIndex::new(&text);
        for offset in [2, 3, 4, 5000, 20_001, 20_002, 25_000, text.len()] {
            let offset = floor_char_boundary(&text, offset);
            let expected = text[2..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset), (2, expected), "at {offset}");
        }
    }
}
