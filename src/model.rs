//! The article model: what was read, where it came from, and what it says.
//!
//! Every position is kept twice: as a byte range in the article's analysis
//! text (what the extractors see) and as a byte range in the file as read
//! (what reports quote). The [`SourceMap`] turns one into the other.

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use crate::extract::Mention;
use crate::text::lines::LineIndex;
use crate::text::tokens::Token;

/// A byte range in an article's source file, as read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// The format an article was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

/// What part of the article a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Title,
    Body,
    Caption,
}

/// Metadata stated by the article or its container.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
}

/// One run of the source map: `text_len` bytes of analysis text starting at
/// `text` came from `src_len` bytes of the file starting at `src`. Runs with
/// equal lengths map byte for byte; others (an HTML entity, a JSON escape)
/// are atomic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    text: usize,
    src: usize,
    text_len: usize,
    src_len: usize,
}

/// Maps byte offsets in an article's analysis text back to the source file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    runs: Vec<Run>,
    /// Runs before this index are closed: new runs never merge into them,
    /// so a block's runs can be dropped with the block.
    sealed: usize,
}

impl SourceMap {
    /// The analysis text is the source itself.
    #[must_use]
    pub fn identity(len: usize) -> Self {
        let mut map = Self::default();
        map.push(0, 0, len, len);
        map
    }

    /// Appends a run; adjacent byte-for-byte runs are merged.
    pub fn push(&mut self, text: usize, src: usize, text_len: usize, src_len: usize) {
        if self.runs.len() > self.sealed
            && let Some(last) = self.runs.last_mut()
        {
            let contiguous = last.text + last.text_len == text && last.src + last.src_len == src;
            if contiguous && last.text_len == last.src_len && text_len == src_len {
                last.text_len += text_len;
                last.src_len += src_len;
                return;
            }
        }
        self.runs.push(Run {
            text,
            src,
            text_len,
            src_len,
        });
    }

    /// Closes the runs so far (see `sealed`); returns how many there are.
    pub fn seal(&mut self) -> usize {
        self.sealed = self.runs.len();
        self.sealed
    }

    /// Drops the runs after the first `len`.
    pub fn truncate(&mut self, len: usize) {
        self.runs.truncate(len);
        self.sealed = self.sealed.min(len);
    }

    /// The source span of a range of analysis text.
    #[must_use]
    pub fn to_source(&self, range: Range<usize>) -> Span {
        Span::new(
            self.start(range.start),
            self.end(range.end.max(range.start)),
        )
    }

    fn start(&self, pos: usize) -> usize {
        // The first run that ends after `pos`: a position between runs maps
        // to the start of the next one.
        let i = self.runs.partition_point(|r| r.text + r.text_len <= pos);
        let Some(run) = self.runs.get(i) else {
            return self.runs.last().map_or(0, |r| r.src + r.src_len);
        };
        if pos <= run.text {
            run.src
        } else if run.text_len == run.src_len {
            run.src + (pos - run.text)
        } else {
            run.src
        }
    }

    fn end(&self, pos: usize) -> usize {
        // The last run that starts before `pos`: a position between runs maps
        // to the end of the previous one.
        let i = self.runs.partition_point(|r| r.text < pos);
        if i == 0 {
            return self.runs.first().map_or(0, |r| r.src);
        }
        let run = self.runs[i - 1];
        if pos >= run.text + run.text_len {
            run.src + run.src_len
        } else if run.text_len == run.src_len {
            run.src + (pos - run.text)
        } else {
            run.src + run.src_len
        }
    }
}

/// A stretch of analysable text: a title, a paragraph, a caption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub role: Role,
    /// Byte range in the analysis text.
    pub range: Range<usize>,
}

/// Builds an analysis text out of pieces of the source, recording the map.
#[derive(Debug, Default)]
pub struct TextBuilder {
    pub text: String,
    pub map: SourceMap,
    pub blocks: Vec<Block>,
    /// How many map runs there were when the open block began.
    block_runs: usize,
}

impl TextBuilder {
    /// Appends text copied verbatim from the source at `src`.
    pub fn verbatim(&mut self, piece: &str, src: usize) {
        self.map
            .push(self.text.len(), src, piece.len(), piece.len());
        self.text.push_str(piece);
    }

    /// Appends text decoded from `src_len` source bytes at `src` (an entity,
    /// an escape sequence).
    pub fn decoded(&mut self, piece: &str, src: usize, src_len: usize) {
        self.map.push(self.text.len(), src, piece.len(), src_len);
        self.text.push_str(piece);
    }

    /// Starts a new block; text appended until [`TextBuilder::end_block`]
    /// belongs to it.
    pub fn begin_block(&mut self) -> usize {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            // Separators have no source: they only keep blocks apart.
            self.text.push_str("\n\n");
        }
        self.block_runs = self.map.seal();
        self.text.len()
    }

    pub fn end_block(&mut self, role: Role, start: usize) {
        let end = self.text.trim_end().len().max(start);
        if self.text[start..end].trim().is_empty() {
            // A blank block leaves nothing behind, not even its map runs.
            self.text.truncate(start);
            self.map.truncate(self.block_runs);
        } else {
            self.blocks.push(Block {
                role,
                range: start..end,
            });
        }
    }
}

/// Where an article's source starts in its file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset.
    pub offset: usize,
    /// Lines before it.
    pub line: usize,
    /// Characters before it on its line.
    pub column: usize,
}

/// An article read from a file, ready for extraction.
#[derive(Clone, Debug)]
pub struct Article {
    /// "a1", "a2", … in the order given.
    pub id: String,
    /// The path as given (with `#N` for the N-th article of a JSON array).
    pub path: String,
    pub format: Format,
    /// The file as read (invalid UTF-8 replaced); for one item of a JSON
    /// array, that item's bytes only (see `origin`).
    pub source: String,
    /// Where `source` starts in the file: zero but for the items of a
    /// JSON array, which own only their own bytes, not a copy of the file.
    pub origin: Origin,
    pub meta: Meta,
    /// What the extractors read: for text files the source itself.
    pub text: String,
    pub map: SourceMap,
    pub blocks: Vec<Block>,
    /// Problems worth telling the user that did not stop the article.
    pub warnings: Vec<String>,
}

impl Article {
    /// The source span of a range of analysis text.
    #[must_use]
    pub fn span(&self, range: Range<usize>) -> Span {
        self.map.to_source(range)
    }

    /// The exact source bytes of a span.
    #[must_use]
    pub fn quote(&self, span: Span) -> &str {
        self.source.get(span.range()).unwrap_or("")
    }
}

/// A sentence of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the analysis text.
    pub range: Range<usize>,
    /// Byte range in the source file.
    pub span: Span,
    pub role: Role,
    /// Its tokens: a range of the article's `tokens`.
    pub tokens: Range<usize>,
}

/// A publication window inferred from what an undated article mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inferred {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// What each bound came from, for people to check.
    pub basis: Vec<String>,
}

/// One article with everything found in it.
#[derive(Clone, Debug)]
pub struct ArticleAnalysis {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    /// The date the article was published, as stated (or `--date`).
    pub published: Option<Date>,
    /// Where no date was stated: the window its content points to.
    pub inferred: Option<Inferred>,
    pub lines: LineIndex,
    /// The tokens of every sentence, in order: tokenized once, read by
    /// extraction, alignment and the rules.
    pub tokens: Vec<Token>,
    /// Runs of capitalised words that may be a person's name, which the
    /// article alone does not confirm (see `extract::confirm_names`).
    pub unconfirmed_names: Vec<crate::extract::NameRun>,
}

impl ArticleAnalysis {
    /// The source span of a mention.
    #[must_use]
    pub fn span(&self, m: &Mention) -> Span {
        self.article.span(m.range.clone())
    }

    /// The tokens of sentence `i`.
    #[must_use]
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// 1-based line and column in the file of a source offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let origin = self.article.origin;
        match self.lines.line_col(&self.article.source, offset) {
            (1, column) => (origin.line + 1, origin.column + column),
            (line, column) => (origin.line + line, column),
        }
    }

    /// The byte offset in the file of a source offset.
    #[must_use]
    pub fn file_offset(&self, offset: usize) -> usize {
        self.article.origin.offset + offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_map_is_identity() {
        let map = SourceMap::identity(10);
        assert_eq!(map.to_source(2..5), Span::new(2, 5));
        assert_eq!(map.to_source(0..10), Span::new(0, 10));
    }

    #[test]
    fn entity_runs_are_atomic() {
        // source: "a &amp; b" -> text: "a & b"
        let mut b = TextBuilder::default();
        b.verbatim("a ", 0);
        b.decoded("&", 2, 5);
        b.verbatim(" b", 7);
        assert_eq!(b.text, "a & b");
        assert_eq!(b.map.to_source(0..5), Span::new(0, 9));
        assert_eq!(b.map.to_source(2..3), Span::new(2, 7));
        assert_eq!(b.map.to_source(4..5), Span::new(8, 9));
    }

    #[test]
    fn separators_map_to_neighbours() {
        let mut b = TextBuilder::default();
        let s = b.begin_block();
        b.verbatim("one", 10);
        b.end_block(Role::Body, s);
        let s = b.begin_block();
        b.verbatim("two", 20);
        b.end_block(Role::Body, s);
        assert_eq!(b.text, "one\n\ntwo");
        assert_eq!(b.map.to_source(0..8), Span::new(10, 23));
        assert_eq!(b.blocks.len(), 2);
    }
}
