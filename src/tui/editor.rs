//! A small multi-line text editor for notes. It has no "discard" key: Esc
//! and ctrl-s both keep what was typed, so no key press throws text away.

use unicode_width::UnicodeWidthChar;

/// Lines of text and a cursor (line, character).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Editor {
    pub lines: Vec<Vec<char>>,
    pub row: usize,
    pub col: usize,
}

impl Editor {
    /// Starts on `text`, the cursor at its end.
    #[must_use]
    pub fn new(text: &str) -> Editor {
        let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].len();
        Editor { lines, row, col }
    }

    #[must_use]
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn insert(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.newline();
        } else if !c.is_control() {
            self.lines[self.row].insert(self.col, c);
            self.col += 1;
        }
    }

    pub fn newline(&mut self) {
        let rest = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    pub fn backspace(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            self.lines[self.row].remove(self.col);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].extend(line);
        }
    }

    pub fn delete(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.lines[self.row].remove(self.col);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].extend(next);
        }
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.lines[self.row].len();
        }
    }

    pub fn right(&mut self) {
        if self.col < self.lines[self.row].len() {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.lines[self.row].len());
        }
    }

    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.lines[self.row].len());
        }
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = self.lines[self.row].len();
    }

    /// The display column of the cursor on its line.
    #[must_use]
    pub fn cursor_x(&self) -> usize {
        self.lines[self.row][..self.col]
            .iter()
            .map(|c| c.width().unwrap_or(0))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(e: &mut Editor, s: &str) {
        for c in s.chars() {
            e.insert(c);
        }
    }

    #[test]
    fn types_lines_and_joins_them_back() {
        let mut e = Editor::new("");
        typed(&mut e, "first\nsecond");
        assert_eq!(e.text(), "first\nsecond");
        e.home();
        e.backspace();
        assert_eq!(e.text(), "firstsecond");
        assert_eq!((e.row, e.col), (0, 5));
        e.newline();
        e.up();
        e.end();
        typed(&mut e, "!");
        assert_eq!(e.text(), "first!\nsecond");
    }

    #[test]
    fn starts_at_the_end_of_an_existing_note() {
        let mut e = Editor::new("one\ntwo");
        assert_eq!((e.row, e.col), (1, 3));
        typed(&mut e, "北");
        assert_eq!(e.cursor_x(), 5);
        e.left();
        e.left();
        e.delete();
        assert_eq!(e.text(), "one\ntw北");
    }

    #[test]
    fn control_characters_are_not_typed() {
        let mut e = Editor::new("");
        typed(&mut e, "a\u{1b}[31mb");
        assert_eq!(e.text(), "a[31mb");
    }
}
