//! Reads an HTML news page into its metadata and the text of its story, leaving
//! page furniture out and mapping every byte of text back to the source.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use memchr::memchr;
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};

use super::boilerplate::is_boilerplate;
use crate::lexicon::Lexicon;
use crate::model::{Meta, Role, TextBuilder};

/// What an HTML page yields: its metadata, its main text, and a warning
/// when the story could not be told from the rest of the page.
#[derive(Debug)]
pub struct HtmlArticle {
    pub meta: Meta,
    pub text: TextBuilder,
    pub warning: Option<String>,
}

/// Reads a page. Never fails: markup that cannot be understood is left out.
///
/// The main text is chosen by [`super::main_text`] among the blocks of the
/// whole page; the first pass here finds the metadata and the element that
/// most likely holds the story, which is what is read when that choice
/// fails.
#[must_use]
pub fn read_html(source: &str) -> HtmlArticle {
    // Tokenized once for the several passes over the page.
    let tokens: Vec<(Token, usize)> = Tokenizer::new(source).collect();
    let mut scan = Scan::new(source);
    walk(&tokens, &mut scan);
    let region = scan.region();
    let meta = scan.meta(&region);
    let region_blocks = blocks_in(source, &tokens, &region, false);
    let page_blocks = || {
        let page = scan.body.map_or(Region::Document, Region::Body);
        blocks_in(source, &tokens, &page, true)
    };
    let lean = without_code(source, &tokens);
    let (blocks, warning) =
        super::main_text::choose(&lean, scan.max_depth, region_blocks, page_blocks);
    HtmlArticle {
        meta,
        text: write_blocks(source, &blocks),
        warning,
    }
}

/// The page as the main-text extractor needs it: without the contents of
/// scripts (JSON-LD, which may hold the article, aside) and style sheets,
/// nor `<svg>` drawings. They are half the bytes of the benchmark's pages,
/// and the extractor drops them anyway, but only after parsing and copying
/// them.
fn without_code<'s>(source: &'s str, tokens: &[(Token, usize)]) -> Cow<'s, str> {
    let mut cut: Vec<Range<usize>> = Vec::new();
    let mut code = false;
    let mut svg: Option<(usize, usize)> = None; // where it starts, how deep
    for (token, end) in tokens {
        match token {
            Token::Start(tag) if tag.name == "svg" && !tag.self_closing => {
                svg = Some(svg.map_or((tag.span.start, 1), |(at, d)| (at, d + 1)));
            }
            Token::End(name) if name == "svg" => match svg {
                Some((at, 1)) => {
                    cut.push(at..*end);
                    svg = None;
                }
                Some((at, d)) => svg = Some((at, d - 1)),
                None => {}
            },
            Token::Start(tag) => {
                code = matches!(tag.name.as_str(), "script" | "style")
                    && !tag
                        .attr_lower(source, "type")
                        .is_some_and(|t| t.contains("ld+json"));
            }
            Token::Raw(range) if code && svg.is_none() => cut.push(range.clone()),
            _ => {}
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for range in cut {
        out.push_str(source.get(from..range.start).unwrap_or_default());
        from = range.end;
    }
    out.push_str(source.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// The blocks of text in a region of the page. `everything` keeps page
/// furniture that is visible (menus, asides, footers) for
/// [`super::main_text`] to judge.
fn blocks_in(
    source: &str,
    tokens: &[(Token, usize)],
    region: &Region,
    everything: bool,
) -> Vec<TextBlock> {
    let mut extract = Extract::new(source, region);
    if everything {
        extract.skips = Skips::Invisible;
    }
    walk(tokens, &mut extract);
    extract.finish()
}

/// A block of page text: how it reads, its role, the pieces of the source
/// it is made of, and whether it is an `<h1>`.
pub(super) struct TextBlock {
    pub text: String,
    pub role: Role,
    pub h1: bool,
    /// How many of its non-space characters are the text of links (`<a>`).
    pub linked: usize,
    atoms: Vec<Atom>,
}

impl TextBlock {
    /// A body block of plain text, mapped nowhere: for tests.
    #[cfg(test)]
    pub fn plain(text: &str) -> Self {
        TextBlock {
            text: text.to_string(),
            role: Role::Body,
            h1: false,
            linked: 0,
            atoms: Vec::new(),
        }
    }

    pub fn with_role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// Whether all of its text is the text of links: a menu entry or the
    /// headline of another story, not a paragraph of this one.
    pub fn all_linked(&self) -> bool {
        let own = self.text.chars().filter(|c| !c.is_whitespace()).count();
        own > 0 && self.linked >= own
    }
}

/// The analysis text of some blocks, each mapped back to its bytes.
fn write_blocks(src: &str, blocks: &[TextBlock]) -> TextBuilder {
    let mut out = TextBuilder::default();
    for block in blocks {
        let start = out.begin_block();
        for atom in &block.atoms {
            match atom {
                Atom::Verbatim(range) => {
                    let piece = src.get(range.clone()).unwrap_or_default();
                    out.verbatim(piece, range.start);
                }
                Atom::Decoded(c, range) => {
                    let mut chars = String::new();
                    c.push_to(&mut chars);
                    out.decoded(&chars, range.start, range.len());
                }
                Atom::Space(range) if src.get(range.clone()) == Some(" ") => {
                    out.verbatim(" ", range.start);
                }
                Atom::Space(range) => out.decoded(" ", range.start, range.len()),
            }
        }
        out.end_block(block.role, start);
    }
    out
}

// ---------------------------------------------------------------------------
// Tokens

/// The sections of `html.txt`.
struct Elements {
    /// Elements whose content is text up to their end tag, never markup.
    raw_text: FxHashSet<&'static str>,
    /// Elements that never have content, whatever the markup claims.
    void: FxHashSet<&'static str>,
    /// Elements whose start tag closes an open `<p>`.
    closes_p: FxHashSet<&'static str>,
    /// Elements whose content is never part of the story.
    skipped: FxHashSet<&'static str>,
    /// Elements that are a block or a container; the rest are inline.
    kinds: FxHashMap<&'static str, Kind>,
    author_keys: Vec<&'static str>,
    date_keys: Vec<&'static str>,
}

static ELEMENTS: LazyLock<Elements> = LazyLock::new(|| {
    let lex = Lexicon::parse(include_str!("../../assets/lexicon/html.txt"));
    let section = |name: &str| {
        lex.section(name)
            .unwrap_or_else(|| panic!("html.txt has a [{name}] section"))
            .entries()
    };
    let mut kinds = FxHashMap::default();
    for (name, kind) in [
        ("caption blocks", Kind::Block(Role::Caption)),
        ("body blocks", Kind::Block(Role::Body)),
        ("containers", Kind::Container),
    ] {
        for element in section(name) {
            kinds.entry(element).or_insert(kind);
        }
    }
    Elements {
        raw_text: section("raw text").collect(),
        void: section("void").collect(),
        closes_p: section("closes p").collect(),
        skipped: section("skipped").collect(),
        kinds,
        author_keys: section("author meta keys").collect(),
        date_keys: section("date meta keys").collect(),
    }
});

/// An attribute as byte ranges of the source; values are decoded on demand
/// because almost none are ever read.
struct Attr {
    name: Range<usize>,
    value: Range<usize>,
}

struct Tag {
    /// Lowercased.
    name: String,
    attrs: Vec<Attr>,
    self_closing: bool,
    span: Range<usize>,
}

impl Tag {
    /// The raw (undecoded) value of an attribute; "" when it has none.
    fn attr<'s>(&self, src: &'s str, name: &str) -> Option<&'s str> {
        let attr = self.attrs.iter().find(|a| {
            src.get(a.name.clone())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })?;
        Some(src.get(attr.value.clone()).unwrap_or_default())
    }

    fn attr_lower(&self, src: &str, name: &str) -> Option<String> {
        self.attr(src, name).map(str::to_ascii_lowercase)
    }
}

enum Token {
    Text(Range<usize>),
    /// The content of a raw-text element such as `<script>`.
    Raw(Range<usize>),
    Start(Tag),
    End(String),
}

/// Splits HTML into tokens with the WHATWG tokenizer of `html5tokenizer`
/// (it passes html5lib's tokenizer tests), keeping only byte ranges of the
/// source: a run of character data between two pieces of markup is one
/// range of the bytes it was read from, character references and all, so
/// every range starts and ends on a char boundary.
///
/// The tokenizer's state after a start tag is chosen here, as a tree
/// builder would with scripting disabled: `<script>` content is script
/// data, `<title>` and `<textarea>` are RCDATA, `<plaintext>` runs to the
/// end, and the other `[raw text]` elements of `html.txt` are RAWTEXT.
struct Tokenizer<'s> {
    inner: html5tokenizer::Tokenizer<
        html5tokenizer::offset::PosTrackingReader<html5tokenizer::reader::StringReader<'s>>,
        usize,
        Emitter<'s>,
    >,
}

impl<'s> Tokenizer<'s> {
    fn new(src: &'s str) -> Self {
        let reader = html5tokenizer::offset::PosTrackingReader::new(src);
        Self {
            inner: html5tokenizer::Tokenizer::new(reader, Emitter::new(src)),
        }
    }
}

impl Iterator for Tokenizer<'_> {
    /// A token and the offset just past it.
    type Item = (Token, usize);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let event = match self.inner.next()? {
                Ok(event) => event,
                Err(never) => match never {},
            };
            let (token, end) = match event {
                html5tokenizer::Event::Token(Some(token)) => token,
                html5tokenizer::Event::Token(None) => {
                    self.inner.set_state(html5tokenizer::State::ScriptData);
                    continue;
                }
                // As a tree builder does in HTML content: a bogus comment.
                html5tokenizer::Event::CdataOpen => {
                    self.inner.handle_cdata_open(false);
                    continue;
                }
            };
            if let Token::Start(tag) = &token {
                use html5tokenizer::State;
                let state = match tag.name.as_str() {
                    "script" => State::ScriptData,
                    "title" | "textarea" => State::Rcdata,
                    "plaintext" => State::Plaintext,
                    name if ELEMENTS.raw_text.contains(name) => State::Rawtext,
                    _ => State::Data,
                };
                self.inner.set_state(state);
            }
            return Some((token, end));
        }
    }
}

/// Builds [`Token`]s from the tokenizer's calls, by offsets only: the names
/// of tags are the only strings it keeps.
///
/// A run of character data is the bytes between the end of one piece of
/// markup and the start of the next: the spans the tokenizer gives single
/// characters are not exact for characters it read ahead (`</scr` in a
/// script, a character reference), but those of markup are.
struct Emitter<'s> {
    src: &'s str,
    ready: std::collections::VecDeque<Option<(Token, usize)>>,
    /// Where the current run of character data starts: just past the last
    /// markup.
    mark: usize,
    /// Whether any character has been read since.
    text: bool,
    /// What element that text is the content of.
    content: Content,
    /// Where the script's `<!--` and `-->` last are, as far as looked.
    escapes: Escapes,
    /// The tag being read: whether it is an end tag, where it starts.
    tag: Option<(bool, usize)>,
    name: String,
    attrs: Vec<Attr>,
    /// Whether the last attribute has an unquoted value not yet ended:
    /// the tokenizer does not report its end when `>` ends it.
    unquoted: bool,
    self_closing: bool,
}

#[derive(Clone, Copy, Default)]
struct Escapes {
    scanned: usize,
    open: Option<usize>,
    close: Option<usize>,
}

/// What the character data being read is part of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Text among markup (or in `<plaintext>`, which is shown as text).
    Markup,
    /// The content of a raw-text element other than a script.
    Raw,
    Script,
}

impl<'s> Emitter<'s> {
    fn new(src: &'s str) -> Self {
        Self {
            src,
            ready: std::collections::VecDeque::new(),
            mark: 0,
            text: false,
            content: Content::Markup,
            escapes: Escapes::default(),
            tag: None,
            name: String::new(),
            attrs: Vec::new(),
            unquoted: false,
            self_closing: false,
        }
    }

    /// The `<` that opens the markup the tokenizer reports at `offset`
    /// (its `<`, or a little past it for comments and doctypes).
    fn opening(&self, offset: usize) -> usize {
        let upto = (offset + 1).min(self.src.len());
        memchr::memrchr(b'<', &self.src.as_bytes()[..upto]).unwrap_or(offset)
    }

    /// Markup starts at `at`: the text before it is complete.
    fn markup_at(&mut self, at: usize) {
        if std::mem::take(&mut self.text) && at > self.mark {
            let range = self.mark..at;
            let token = if self.content == Content::Markup {
                Token::Text(range)
            } else {
                Token::Raw(range)
            };
            self.ready.push_back(Some((token, at)));
        }
    }

    fn markup_to(&mut self, end: usize) {
        self.mark = end;
        self.text = false;
        self.escapes = Escapes {
            scanned: end,
            ..Escapes::default()
        };
    }

    /// An end tag in script data or RCDATA that is not the element's own
    /// (`</scr` in a script), starting at `at`, is read back as text.
    /// After one in script data, html5tokenizer 0.5.2 goes on in the data
    /// state where the standard says script data: have it put back, unless
    /// the script is in an escaped `<!--` section, which it gets right.
    #[cold]
    fn not_a_tag(&mut self, at: usize) {
        if self.content != Content::Script {
            return;
        }
        // Only the bytes not looked at before (a pattern may straddle).
        let from = self.escapes.scanned.saturating_sub(3).max(self.mark);
        let bytes = self.src.as_bytes().get(from..at).unwrap_or_default();
        if let Some(i) = memchr::memmem::rfind(bytes, b"<!--") {
            self.escapes.open = Some(from + i);
        }
        if let Some(i) = memchr::memmem::rfind(bytes, b"-->") {
            self.escapes.close = Some(from + i);
        }
        self.escapes.scanned = at.max(self.escapes.scanned);
        let Escapes { open, close, .. } = self.escapes;
        // `<!-->` opens and closes at once.
        let escaped = open.is_some_and(|open| close.is_none_or(|close| close < open + 2));
        if !escaped {
            self.ready.push_back(None);
        }
    }
}

impl Iterator for Emitter<'_> {
    /// A token and the offset just past it; `None` to put the tokenizer
    /// back into the script data state.
    type Item = Option<(Token, usize)>;

    fn next(&mut self) -> Option<Self::Item> {
        self.ready.pop_front()
    }
}

impl html5tokenizer::Emitter<usize> for Emitter<'_> {
    fn report_error(&mut self, _error: html5tokenizer::Error, _span: Range<usize>) {}

    #[inline]
    fn emit_char(&mut self, _c: char, _span: Range<usize>) {
        if let Some((_, at)) = self.tag.take() {
            self.not_a_tag(at);
        }
        self.text = true;
    }

    fn emit_eof(&mut self, offset: usize) {
        // A tag cut off by the end of the input is dropped, as in browsers;
        // the text before it ended where it started.
        let end = self.tag.take().map_or(offset, |(_, at)| at);
        self.markup_at(end.min(self.src.len()));
    }

    fn init_start_tag(&mut self, _tag_offset: usize, name_offset: usize) {
        // The tag's own offset is stale for the end tag of a raw-text
        // element; its name's is not.
        self.tag = Some((false, self.opening(name_offset)));
        self.name.clear();
        self.attrs.clear();
        self.self_closing = false;
    }

    fn init_end_tag(&mut self, _tag_offset: usize, name_offset: usize) {
        // The tag's own offset is stale for the end tag of a raw-text
        // element; its name's is not.
        self.tag = Some((true, self.opening(name_offset)));
        self.name.clear();
        self.attrs.clear();
        self.self_closing = false;
    }

    fn push_tag_name(&mut self, s: &str) {
        self.name.push_str(s);
    }

    fn init_attribute_name(&mut self, offset: usize) {
        self.attrs.push(Attr {
            name: offset..offset,
            value: offset..offset,
        });
    }

    fn push_attribute_name(&mut self, _s: &str) {}

    fn terminate_attribute_name(&mut self, offset: usize) {
        if let Some(attr) = self.attrs.last_mut() {
            attr.name.end = offset;
            attr.value = offset..offset;
        }
    }

    fn init_attribute_value(
        &mut self,
        syntax: html5tokenizer::attr::AttrValueSyntax,
        offset: usize,
    ) {
        self.unquoted = matches!(syntax, html5tokenizer::attr::AttrValueSyntax::Unquoted);
        if let Some(attr) = self.attrs.last_mut() {
            attr.value = offset..offset;
        }
    }

    fn push_attribute_value(&mut self, _s: &str) {}

    fn terminate_attribute_value(&mut self, offset: usize) {
        self.unquoted = false;
        if let Some(attr) = self.attrs.last_mut() {
            attr.value.end = offset;
        }
    }

    fn set_self_closing(&mut self, _slash_span: Range<usize>) {
        self.self_closing = true;
    }

    fn emit_current_tag(&mut self, offset: usize) {
        let Some((end_tag, start)) = self.tag.take() else {
            return;
        };
        self.markup_at(start);
        self.markup_to(offset);
        if std::mem::take(&mut self.unquoted)
            && let Some(attr) = self.attrs.last_mut()
        {
            // Up to the `>` just read.
            attr.value.end = offset.saturating_sub(1).max(attr.value.start);
        }
        let name = std::mem::take(&mut self.name);
        let token = if end_tag {
            self.content = Content::Markup;
            Token::End(name)
        } else {
            self.content = match name.as_str() {
                "script" => Content::Script,
                "plaintext" => Content::Markup,
                name if ELEMENTS.raw_text.contains(name) => Content::Raw,
                _ => Content::Markup,
            };
            Token::Start(Tag {
                name,
                attrs: std::mem::take(&mut self.attrs),
                self_closing: self.self_closing,
                span: start..offset,
            })
        };
        self.ready.push_back(Some((token, offset)));
    }

    fn init_comment(&mut self, data_start_offset: usize) {
        // Its data starts past the `<`, maybe right at the next one.
        let at = self.opening(data_start_offset.saturating_sub(1));
        self.markup_at(at);
    }

    fn push_comment(&mut self, _s: &str) {}

    fn emit_current_comment(&mut self, data_end_offset: usize) {
        // Past its `>`; one cut off by the end of the input runs to it.
        let rest = self
            .src
            .as_bytes()
            .get(data_end_offset..)
            .unwrap_or_default();
        let end = memchr(b'>', rest).map_or(self.src.len(), |i| data_end_offset + i + 1);
        self.markup_to(end);
    }

    fn init_doctype(&mut self, offset: usize) {
        let at = self.opening(offset);
        self.markup_at(at);
    }

    fn push_doctype_name(&mut self, _s: &str) {}

    fn init_doctype_public_id(&mut self, _offset: usize) {}

    fn push_doctype_public_id(&mut self, _s: &str) {}

    fn init_doctype_system_id(&mut self, _offset: usize) {}

    fn push_doctype_system_id(&mut self, _s: &str) {}

    fn set_force_quirks(&mut self) {}

    fn emit_current_doctype(&mut self, offset: usize) {
        self.markup_to(offset);
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

// ---------------------------------------------------------------------------
// Tree

/// Receives the elements of a page as a tree walk. Each visitor keeps its own
/// per-element context, inherited from the parent when an element opens.
trait Visitor {
    type Ctx: Clone;
    /// The context of text outside any element.
    fn root(&self) -> Self::Ctx;
    /// `ordinal` numbers start tags 1, 2, … in source order.
    fn open(&mut self, tag: &Tag, ordinal: usize, parent: &Self::Ctx) -> Self::Ctx;
    fn close(&mut self, _ctx: Self::Ctx) {}
    fn text(&mut self, range: Range<usize>, ctx: &Self::Ctx);
    fn raw(&mut self, _range: Range<usize>, _ctx: &Self::Ctx) {}
}

/// The stack index of the open elements that a new sibling would implicitly
/// close. Kept per stack entry so that finding them costs nothing, whatever
/// the depth.
#[derive(Clone, Copy, Default)]
struct Scope {
    p: Option<usize>,
    li: Option<usize>,
    def: Option<usize>,
    cell: Option<usize>,
    row: Option<usize>,
}

impl Scope {
    fn enter(mut self, name: &str, index: usize) -> Self {
        let boundary = matches!(
            name,
            "html" | "table" | "td" | "th" | "caption" | "template" | "object" | "button"
        );
        if boundary {
            self.p = None;
            self.li = None;
            self.def = None;
        }
        match name {
            "ul" | "ol" => self.li = None,
            "dl" => self.def = None,
            "table" | "template" | "html" => {
                self.cell = None;
                self.row = None;
            }
            _ => {}
        }
        match name {
            "p" => self.p = Some(index),
            "li" => self.li = Some(index),
            "dd" | "dt" => self.def = Some(index),
            "td" | "th" => self.cell = Some(index),
            "tr" => self.row = Some(index),
            _ => {}
        }
        self
    }
}

struct Open<C> {
    name: String,
    scope: Scope,
    ctx: C,
}

/// The stack of open elements: a forgiving subset of the HTML tree builder,
/// with no recursion and amortised constant work per token.
struct Tree<C> {
    stack: Vec<Open<C>>,
    /// How many elements of each name are open, so that a stray end tag is
    /// dismissed without searching the stack.
    open_count: HashMap<String, usize>,
    ordinal: usize,
}

impl<C> Tree<C> {
    fn ctx<'a>(&'a self, root: &'a C) -> &'a C {
        self.stack.last().map_or(root, |open| &open.ctx)
    }

    fn scope(&self) -> Scope {
        self.stack.last().map(|open| open.scope).unwrap_or_default()
    }

    fn start<V: Visitor<Ctx = C>>(&mut self, tag: &Tag, visitor: &mut V, root: &C) {
        self.close_implied(&tag.name, visitor);
        self.ordinal += 1;
        let ctx = visitor.open(tag, self.ordinal, self.ctx(root));
        let name = tag.name.clone();
        let raw = ELEMENTS.raw_text.contains(name.as_str());
        if ELEMENTS.void.contains(name.as_str()) || (tag.self_closing && !raw) {
            visitor.close(ctx);
            return;
        }
        let scope = self.scope().enter(&name, self.stack.len());
        *self.open_count.entry(name.clone()).or_default() += 1;
        self.stack.push(Open { name, scope, ctx });
    }

    fn close_implied<V: Visitor<Ctx = C>>(&mut self, name: &str, visitor: &mut V) {
        let scope = self.scope();
        let sibling = match name {
            "li" => scope.li,
            "dd" | "dt" => scope.def,
            "td" | "th" => scope.cell,
            "tr" => scope.row,
            _ => None,
        };
        if let Some(index) = sibling {
            self.pop_to(index, visitor);
        }
        if ELEMENTS.closes_p.contains(name)
            && let Some(index) = self.scope().p
        {
            self.pop_to(index, visitor);
        }
    }

    fn end<V: Visitor<Ctx = C>>(&mut self, name: &str, visitor: &mut V) {
        if self.open_count.get(name).is_some_and(|&n| n > 0)
            && let Some(index) = self.stack.iter().rposition(|open| open.name == name)
        {
            self.pop_to(index, visitor);
        }
    }

    fn pop_to<V: Visitor<Ctx = C>>(&mut self, index: usize, visitor: &mut V) {
        while self.stack.len() > index {
            let Some(open) = self.stack.pop() else { break };
            if let Some(n) = self.open_count.get_mut(&open.name) {
                *n = n.saturating_sub(1);
            }
            visitor.close(open.ctx);
        }
    }
}

fn walk<V: Visitor>(tokens: &[(Token, usize)], visitor: &mut V) {
    let root = visitor.root();
    let mut tree = Tree {
        stack: Vec::new(),
        open_count: HashMap::new(),
        ordinal: 0,
    };
    for (token, _) in tokens {
        match token {
            Token::Text(range) => visitor.text(range.clone(), tree.ctx(&root)),
            Token::Raw(range) => visitor.raw(range.clone(), tree.ctx(&root)),
            Token::Start(tag) => tree.start(tag, visitor, &root),
            Token::End(name) => tree.end(name, visitor),
        }
    }
    tree.pop_to(0, visitor);
}

// ---------------------------------------------------------------------------
// What is content

/// Class or id fragments of page furniture.
const JUNK: &[&str] = &[
    "share",
    "newsletter",
    "subscribe",
    "related",
    "comment",
    "cookie",
    "advert",
    "promo",
    "social",
];

/// 1 for an `<article>` or `itemprop="articleBody"`, 2 for `<main>`: where
/// the story is likely to be, best first.
fn candidate_tier(src: &str, tag: &Tag) -> Option<u8> {
    let body = tag
        .attr_lower(src, "itemprop")
        .is_some_and(|p| p.contains("articlebody"));
    if tag.name == "article" || body {
        Some(1)
    } else if tag.name == "main" || tag.attr_lower(src, "role").as_deref() == Some("main") {
        Some(2)
    } else {
        None
    }
}

/// Whether an element and everything in it is page furniture. A `<header>`
/// is furniture unless inside the story, where it holds the headline.
fn is_skipped(src: &str, tag: &Tag, keep_header: bool) -> bool {
    let name = tag.name.as_str();
    if ELEMENTS.skipped.contains(name)
        || (name == "header" && !keep_header)
        || tag.attr(src, "hidden").is_some()
    {
        return true;
    }
    let role = tag.attr_lower(src, "role").unwrap_or_default();
    if matches!(role.trim(), "navigation" | "complementary" | "contentinfo") {
        return true;
    }
    // The classes of these name whatever the page is about (WordPress puts
    // category slugs such as "category-social" there), not what they are.
    if matches!(name, "html" | "body" | "main") || candidate_tier(src, tag).is_some() {
        return false;
    }
    let names: Vec<String> = ["class", "id"]
        .iter()
        .filter_map(|attr| tag.attr_lower(src, attr))
        .collect();
    let words = || names.iter().flat_map(|v| v.split_ascii_whitespace());
    // `entry-content has-share-buttons` is the story with share buttons in
    // it, not a share bar: a class that names content wins.
    if words().any(|w| CONTENT.iter().any(|c| w.contains(c))) {
        return false;
    }
    words().any(|w| JUNK.iter().any(|junk| w.contains(junk)))
}

/// Class or id fragments of the element holding the story.
const CONTENT: &[&str] = &[
    "entry-content",
    "post-content",
    "article-content",
    "article-body",
    "articlebody",
    "story-body",
    "post-body",
    "entry-body",
];

/// What the second pass leaves out.
#[derive(Clone, Copy)]
enum Skips {
    /// Page furniture (menus, share bars, `<header>`s).
    Furniture,
    /// Page furniture, but not the `<header>` inside the story, which holds
    /// its headline.
    FurnitureButHeaders,
    /// Only what is never seen: everything visible is kept, for
    /// [`super::main_text`] to judge (see [`blocks_in`]).
    Invisible,
}

/// Whether an element's content is never seen on the page.
fn is_invisible(src: &str, tag: &Tag) -> bool {
    const INVISIBLE: &[&str] = &[
        "script", "style", "noscript", "template", "svg", "math", "title", "select", "textarea",
        "iframe", "object", "button", "dialog",
    ];
    INVISIBLE.contains(&tag.name.as_str()) || tag.attr(src, "hidden").is_some()
}

#[derive(Clone, Copy)]
enum Kind {
    /// Its text is a block of its own.
    Block(Role),
    /// Text directly inside it is a block of its own.
    Container,
    /// Its text belongs to the enclosing block.
    Inline,
}

fn kind(name: &str) -> Kind {
    ELEMENTS.kinds.get(name).copied().unwrap_or(Kind::Inline)
}

// ---------------------------------------------------------------------------
// First pass: metadata and where the story is

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum RawKind {
    #[default]
    Ignored,
    JsonLd,
    Title,
}

#[derive(Clone, Copy, Default)]
struct ScanCtx {
    skip: bool,
    in_p: bool,
    in_candidate: bool,
    candidate: Option<usize>,
    raw: RawKind,
}

/// An element that may hold the story, with how much text it holds.
struct Candidate {
    ordinal: usize,
    /// The ordinal of the last element inside it.
    last: usize,
    tier: u8,
    /// Non-space bytes inside `<p>`; until it closes, the running total at
    /// its start.
    p_text: usize,
    /// Non-space bytes of any content.
    all_text: usize,
}

/// Where the second pass takes text from.
enum Region {
    Candidate { ordinal: usize, last: usize },
    Body(usize),
    Document,
}

struct Scan<'s> {
    src: &'s str,
    /// `name` or `property` (lowercased) → decoded `content`; first wins.
    meta_tags: HashMap<String, String>,
    title: Option<String>,
    canonical: Option<String>,
    json_ld: Vec<&'s str>,
    /// `<time datetime>` values by element ordinal.
    times: Vec<(usize, &'s str)>,
    candidates: Vec<Candidate>,
    body: Option<usize>,
    last_ordinal: usize,
    /// How many elements are open, and the most ever open at once.
    depth: usize,
    max_depth: usize,
    p_text: usize,
    all_text: usize,
}

impl<'s> Scan<'s> {
    fn new(src: &'s str) -> Self {
        Self {
            src,
            meta_tags: HashMap::new(),
            title: None,
            canonical: None,
            json_ld: Vec::new(),
            times: Vec::new(),
            candidates: Vec::new(),
            body: None,
            last_ordinal: 0,
            depth: 0,
            max_depth: 0,
            p_text: 0,
            all_text: 0,
        }
    }

    fn collect(&mut self, tag: &Tag, ordinal: usize) {
        let src = self.src;
        match tag.name.as_str() {
            "meta" => {
                let Some(content) = tag.attr(src, "content").and_then(clean) else {
                    return;
                };
                for key in ["property", "name"] {
                    if let Some(key) = tag.attr(src, key) {
                        let key = key.trim().to_ascii_lowercase();
                        self.meta_tags.entry(key).or_insert_with(|| content.clone());
                    }
                }
            }
            "link" if self.canonical.is_none() => {
                let canonical = tag.attr(src, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    self.canonical = tag.attr(src, "href").and_then(clean);
                }
            }
            "time" => {
                if let Some(datetime) = tag.attr(src, "datetime") {
                    self.times.push((ordinal, datetime));
                }
            }
            _ => {}
        }
    }

    fn region(&self) -> Region {
        for tier in [1, 2] {
            // `max_by_key` keeps the last of equals; reversed, the first in
            // the page wins, which is the outer one of nested candidates.
            let best = self
                .candidates
                .iter()
                .filter(|c| c.tier == tier && c.all_text > 0)
                .rev()
                .max_by_key(|c| (c.p_text, c.all_text));
            if let Some(c) = best {
                return Region::Candidate {
                    ordinal: c.ordinal,
                    last: c.last,
                };
            }
        }
        self.body.map_or(Region::Document, Region::Body)
    }

    fn meta(&self, region: &Region) -> Meta {
        let mut meta = json_ld_meta(&self.json_ld);
        let tag = |keys: &[&str]| keys.iter().find_map(|k| self.meta_tags.get(*k)).cloned();
        meta.outlet = meta
            .outlet
            .or_else(|| tag(&["og:site_name", "application-name"]));
        let site = meta.outlet.clone();
        meta.title = meta.title.or_else(|| {
            tag(&["og:title", "twitter:title"])
                .or_else(|| self.title.clone())
                .map(|title| strip_site(title, site.as_deref()))
        });
        meta.author = meta.author.or_else(|| {
            ELEMENTS
                .author_keys
                .iter()
                .filter_map(|k| self.meta_tags.get(*k))
                .find(|v| !looks_like_url(v))
                .cloned()
        });
        meta.published = meta
            .published
            .or_else(|| {
                ELEMENTS
                    .date_keys
                    .iter()
                    .filter_map(|k| self.meta_tags.get(*k))
                    .find_map(|v| parse_date(v))
            })
            .or_else(|| self.time_in(region));
        meta.url = meta
            .url
            .or_else(|| tag(&["og:url"]))
            .or_else(|| self.canonical.clone());
        meta
    }

    /// The first `<time datetime>` inside the story.
    fn time_in(&self, region: &Region) -> Option<Date> {
        let &Region::Candidate { ordinal, last } = region else {
            return None;
        };
        self.times
            .iter()
            .filter(|(at, _)| *at > ordinal && *at <= last)
            .find_map(|(_, datetime)| parse_date(datetime))
    }
}

impl Visitor for Scan<'_> {
    type Ctx = ScanCtx;

    fn root(&self) -> ScanCtx {
        ScanCtx::default()
    }

    fn open(&mut self, tag: &Tag, ordinal: usize, parent: &ScanCtx) -> ScanCtx {
        self.last_ordinal = ordinal;
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        if !parent.skip {
            self.collect(tag, ordinal);
        }
        let tier = candidate_tier(self.src, tag);
        let skip = parent.skip || is_skipped(self.src, tag, parent.in_candidate);
        let candidate = tier.filter(|_| !skip).map(|tier| {
            self.candidates.push(Candidate {
                ordinal,
                last: ordinal,
                tier,
                p_text: self.p_text,
                all_text: self.all_text,
            });
            self.candidates.len() - 1
        });
        if tag.name == "body" && self.body.is_none() {
            self.body = Some(ordinal);
        }
        let raw = match tag.name.as_str() {
            "script"
                if tag
                    .attr_lower(self.src, "type")
                    .is_some_and(|t| t.contains("ld+json")) =>
            {
                RawKind::JsonLd
            }
            // Not an `<svg>` title: those sit in skipped elements.
            "title" if !parent.skip => RawKind::Title,
            _ => RawKind::Ignored,
        };
        ScanCtx {
            skip,
            in_p: parent.in_p || tag.name == "p",
            in_candidate: parent.in_candidate || tier.is_some(),
            candidate,
            raw,
        }
    }

    fn close(&mut self, ctx: ScanCtx) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(c) = ctx.candidate.and_then(|i| self.candidates.get_mut(i)) {
            c.p_text = self.p_text - c.p_text;
            c.all_text = self.all_text - c.all_text;
            c.last = self.last_ordinal;
        }
    }

    fn text(&mut self, range: Range<usize>, ctx: &ScanCtx) {
        if ctx.skip {
            return;
        }
        let bytes = &self.src.as_bytes()[range];
        let n = bytes.iter().filter(|c| !is_space(**c)).count();
        self.all_text += n;
        if ctx.in_p {
            self.p_text += n;
        }
    }

    fn raw(&mut self, range: Range<usize>, ctx: &ScanCtx) {
        let text = self.src.get(range).unwrap_or_default();
        match ctx.raw {
            RawKind::JsonLd => self.json_ld.push(text),
            RawKind::Title if self.title.is_none() => self.title = clean(text),
            _ => {}
        }
    }
}

/// Drops a trailing " | Site" (or " - Site", …) when it names the outlet.
fn strip_site(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(|s| s.trim().to_lowercase()) else {
        return title;
    };
    for separator in [" | ", " - ", " – ", " — ", " · ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().to_lowercase() == site
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
    }
    title
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// The leading `YYYY-MM-DD` of an ISO date or date-time.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    let shape = head.bytes().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !shape || s.as_bytes().get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    head.parse().ok()
}

/// Decodes entities and collapses whitespace; `None` if nothing is left.
fn clean(s: &str) -> Option<String> {
    let decoded = decode_entities(s, Context::Attribute);
    let words: Vec<&str> = decoded.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

// ---------------------------------------------------------------------------
// JSON-LD

type Ids<'v> = HashMap<&'v str, &'v Value>;

fn json_ld_meta(scripts: &[&str]) -> Meta {
    let mut meta = Meta::default();
    for script in scripts {
        // Old pages hide the script from old browsers inside a comment.
        let body = script
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let Ok(root) = serde_json::from_str::<Value>(body) else {
            continue;
        };
        let ids = index_ids(&root);
        for article in preorder(&root)
            .filter_map(Value::as_object)
            .filter(|o| is_article(o))
        {
            fill_from(&mut meta, article, &ids);
        }
    }
    meta
}

/// Every value in document order, without recursion.
fn preorder(root: &Value) -> impl Iterator<Item = &Value> {
    let mut stack = vec![root];
    std::iter::from_fn(move || {
        let value = stack.pop()?;
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => stack.extend(map.values().rev()),
            _ => {}
        }
        Some(value)
    })
}

/// Objects by `@id`, so that `{"@id": …}` references (common in `@graph`)
/// can be followed.
fn index_ids(root: &Value) -> Ids<'_> {
    let mut ids = HashMap::new();
    for value in preorder(root) {
        if let Some(object) = value.as_object()
            && object.len() > 1
            && let Some(id) = object.get("@id").and_then(Value::as_str)
        {
            ids.entry(id).or_insert(value);
        }
    }
    ids
}

fn is_article(object: &Map<String, Value>) -> bool {
    let types: Vec<&str> = match object.get("@type") {
        Some(Value::String(t)) => vec![t],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    types.iter().any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
    })
}

/// Fills the fields still missing from one article object.
fn fill_from(meta: &mut Meta, article: &Map<String, Value>, ids: &Ids) {
    let text = |key: &str| article.get(key).and_then(Value::as_str).and_then(clean);
    meta.title = meta
        .title
        .take()
        .or_else(|| text("headline"))
        .or_else(|| text("name"));
    meta.published = meta.published.or_else(|| {
        article
            .get("datePublished")
            .and_then(Value::as_str)
            .and_then(parse_date)
    });
    meta.author = meta.author.take().or_else(|| {
        let names = names(article.get("author")?, ids);
        (!names.is_empty()).then(|| names.join(", "))
    });
    meta.outlet = meta
        .outlet
        .take()
        .or_else(|| names(article.get("publisher")?, ids).into_iter().next());
    meta.url = meta
        .url
        .take()
        .or_else(|| text("url"))
        .or_else(|| page_url(article.get("mainEntityOfPage")?));
}

/// The names of a person or organisation, or of an array of them.
fn names(value: &Value, ids: &Ids) -> Vec<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    let mut names = Vec::new();
    for name in items
        .into_iter()
        .filter_map(|item| name_of(resolve(item, ids)))
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn resolve<'v>(value: &'v Value, ids: &Ids<'v>) -> &'v Value {
    value
        .get("@id")
        .and_then(Value::as_str)
        .and_then(|id| ids.get(id))
        .copied()
        .unwrap_or(value)
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !looks_like_url(s) => clean(s),
        Value::Object(o) => {
            let field = |key: &str| o.get(key).and_then(Value::as_str).unwrap_or_default();
            clean(field("name"))
                .or_else(|| clean(&format!("{} {}", field("givenName"), field("familyName"))))
        }
        _ => None,
    }
}

fn page_url(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean(s),
        Value::Object(o) => o
            .get("@id")
            .or_else(|| o.get("url"))
            .and_then(Value::as_str)
            .and_then(clean),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Entities

/// What an entity stands for: one character, or two for the few names
/// (such as `&acE;`) that the standard maps to a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decoded {
    One(char),
    Two(char, char),
}

impl Decoded {
    fn push_to(self, out: &mut String) {
        match self {
            Decoded::One(c) => out.push(c),
            Decoded::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
        }
    }

    fn is_whitespace(self) -> bool {
        matches!(self, Decoded::One(c) if c.is_whitespace())
    }
}

/// The named entities of `html-entities.txt`: every name of the HTML
/// standard, and the legacy ones browsers also read without the final `;`.
struct Entities {
    named: FxHashMap<&'static str, Decoded>,
    legacy: FxHashSet<&'static str>,
}

static ENTITIES: LazyLock<Entities> = LazyLock::new(|| {
    // Read here line by line, in `Lexicon`'s format, rather than through
    // `Lexicon`: its groups (a list per line, read twice for the names and
    // the legacy set) made this table 5 M instructions, most of what the
    // first HTML page costs before its text is read.
    let text = include_str!("../../assets/lexicon/html-entities.txt");
    let point = |name: &str, code: &str| {
        u32::from_str_radix(code, 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or_else(|| panic!("html-entities.txt: {name} = {code} is no code point"))
    };
    let mut named = FxHashMap::with_capacity_and_hasher(2_200, rustc_hash::FxBuildHasher);
    let mut legacy = FxHashSet::default();
    let mut section = "";
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim();
            continue;
        }
        let (label, rest) = match line.split_once('=') {
            Some((label, rest)) => (Some(label.trim()), rest),
            None => (None, line),
        };
        let mut entries = rest.split(',').map(str::trim).filter(|e| !e.is_empty());
        if section == "without semicolon" {
            legacy.extend(entries.clone());
        }
        if let (Some(name), Some(code)) = (label, entries.next()) {
            let decoded = match code.split_once('+') {
                Some((a, b)) => Decoded::Two(point(name, a), point(name, b)),
                None => Decoded::One(point(name, code)),
            };
            named.entry(name).or_insert(decoded);
        }
    }
    assert!(
        !legacy.is_empty(),
        "html-entities.txt has no [without semicolon] section"
    );
    Entities { named, legacy }
});

/// What browsers make of `&#128;`–`&#159;`: the Windows-1252 characters.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn named(name: &str) -> Option<Decoded> {
    // The analysis text wants a plain space, not a no-break one.
    if name == "nbsp" {
        return Some(Decoded::One(' '));
    }
    ENTITIES.named.get(name).copied()
}

fn numeric(value: u32) -> char {
    match value {
        0x80..=0x9F => CP1252[(value - 0x80) as usize],
        _ => char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}'),
    }
}

/// Where a character reference is read. The HTML standard ("named
/// character reference state") reads a legacy name even when letters follow
/// it in text ("&copy2024" is "©2024", "&notit;" is "¬it;"), but not in an
/// attribute value, so that a URL's "?a=1&copy=2" keeps its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Text,
    Attribute,
}

/// Decodes the entity at the start of `s` (which starts with `&`): the
/// character and how many bytes it takes. `None` if it is not one.
fn parse_entity(s: &[u8], context: Context) -> Option<(Decoded, usize)> {
    let body = s.get(1..)?;
    if let Some(number) = body.strip_prefix(b"#") {
        let (radix, digits) = match number.split_first() {
            Some((b'x' | b'X', rest)) => (16, rest),
            _ => (10, number),
        };
        let count = digits
            .iter()
            .take_while(|c| char::from(**c).is_digit(radix))
            .count();
        if count == 0 {
            return None;
        }
        let value = digits[..count].iter().fold(0u32, |acc, c| {
            let digit = char::from(*c).to_digit(radix).unwrap_or(0);
            acc.saturating_mul(radix).saturating_add(digit)
        });
        let semicolon = usize::from(digits.get(count) == Some(&b';'));
        let len = s.len() - digits.len() + count + semicolon;
        return Some((Decoded::One(numeric(value)), len));
    }
    let count = body
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = std::str::from_utf8(&body[..count]).ok()?;
    if body.get(count) == Some(&b';')
        && let Some(c) = named(name)
    {
        return Some((c, count + 2));
    }
    // The longest legacy name the letters start with.
    let (len, c) = (2..=count).rev().find_map(|len| {
        let prefix = &name[..len];
        ENTITIES
            .legacy
            .contains(prefix)
            .then(|| named(prefix))
            .flatten()
            .map(|c| (len, c))
    })?;
    let after = body.get(len);
    if context == Context::Attribute
        && after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=')
    {
        return None;
    }
    Some((c, len + 1))
}

fn decode_entities(s: &str, context: Context) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr(b'&', &bytes[i..]) {
        let at = i + offset;
        i = at + 1;
        if let Some((c, len)) = parse_entity(&bytes[at..], context) {
            out.push_str(s.get(copied..at).unwrap_or_default());
            c.push_to(&mut out);
            copied = at + len;
            i = copied;
        }
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    out
}

// ---------------------------------------------------------------------------
// Second pass: the text

/// The block that text at some point belongs to: the element that owns it.
#[derive(Clone, Copy)]
struct Slot {
    owner: usize,
    role: Role,
    h1: bool,
}

#[derive(Clone, Copy)]
struct ExtractCtx {
    active: bool,
    skip: bool,
    /// Inside an `<a>`.
    link: bool,
    slot: Slot,
}

/// A piece of block text and the source bytes it comes from.
enum Atom {
    Verbatim(Range<usize>),
    Decoded(Decoded, Range<usize>),
    /// A run of whitespace (and `<br>`), read as one space.
    Space(Range<usize>),
}

struct Extract<'s> {
    src: &'s str,
    /// The ordinal of the element to read; `None` for the whole document.
    root: Option<usize>,
    skips: Skips,
    seen_h1: bool,
    /// The block being collected, kept once it is known not to be
    /// boilerplate.
    owner: usize,
    /// Non-space characters of link text in the block being collected.
    linked: usize,
    role: Role,
    h1: bool,
    atoms: Vec<Atom>,
    out: Vec<TextBlock>,
}

impl<'s> Extract<'s> {
    fn new(src: &'s str, region: &Region) -> Self {
        let root = match *region {
            Region::Candidate { ordinal, .. } | Region::Body(ordinal) => Some(ordinal),
            Region::Document => None,
        };
        Self {
            src,
            root,
            skips: if matches!(region, Region::Candidate { .. }) {
                Skips::FurnitureButHeaders
            } else {
                Skips::Furniture
            },
            seen_h1: false,
            owner: usize::MAX,
            linked: 0,
            role: Role::Body,
            h1: false,
            atoms: Vec::new(),
            out: Vec::new(),
        }
    }

    fn finish(mut self) -> Vec<TextBlock> {
        self.flush();
        self.out
    }

    fn block_role(&mut self, name: &str, role: Role, parent: Role, live: bool) -> Role {
        if name == "h1" {
            let first = live && !self.seen_h1;
            self.seen_h1 |= first;
            return if first { Role::Title } else { Role::Body };
        }
        if parent == Role::Caption {
            Role::Caption
        } else {
            role
        }
    }

    /// Makes `slot` the current block; whitespace alone never starts one.
    fn enter(&mut self, slot: Slot, space: bool) -> bool {
        if self.owner == slot.owner {
            return true;
        }
        if space {
            return false;
        }
        self.flush();
        self.owner = slot.owner;
        self.role = slot.role;
        self.h1 = slot.h1;
        true
    }

    fn space(&mut self, slot: Slot, range: Range<usize>) {
        if !self.enter(slot, true) {
            return;
        }
        match self.atoms.last_mut() {
            Some(Atom::Space(last)) if last.end == range.start => last.end = range.end,
            // Whitespace on both sides of a tag: the first run stands for both.
            Some(Atom::Space(_)) => {}
            _ => self.atoms.push(Atom::Space(range)),
        }
    }

    fn verbatim(&mut self, slot: Slot, range: Range<usize>) {
        self.enter(slot, false);
        match self.atoms.last_mut() {
            Some(Atom::Verbatim(last)) if last.end == range.start => last.end = range.end,
            _ => self.atoms.push(Atom::Verbatim(range)),
        }
    }

    fn feed(&mut self, slot: Slot, range: Range<usize>) {
        let bytes = self.src.as_bytes();
        let end = range.end;
        let mut i = range.start;
        while i < end {
            let space = match bytes[i] {
                c if is_space(c) => 1,
                0xC2 if bytes.get(i + 1) == Some(&0xA0) => 2,
                _ => 0,
            };
            if space > 0 {
                self.space(slot, i..i + space);
                i += space;
                continue;
            }
            if bytes[i] == b'&'
                && let Some((c, len)) = parse_entity(&bytes[i..end], Context::Text)
            {
                if c.is_whitespace() {
                    self.space(slot, i..i + len);
                } else {
                    self.enter(slot, false);
                    self.atoms.push(Atom::Decoded(c, i..i + len));
                }
                i += len;
                continue;
            }
            // Stops only at ASCII bytes or at the lead byte of U+00A0.
            let run = bytes[i + 1..end]
                .iter()
                .enumerate()
                .position(|(k, &c)| {
                    is_space(c) || c == b'&' || (c == 0xC2 && bytes.get(i + 2 + k) == Some(&0xA0))
                })
                .map_or(end, |k| i + 1 + k);
            self.verbatim(slot, i..run);
            i = run;
        }
    }

    fn render(&self, atoms: &[Atom]) -> String {
        let mut text = String::new();
        for atom in atoms {
            match atom {
                Atom::Verbatim(range) => {
                    text.push_str(self.src.get(range.clone()).unwrap_or_default());
                }
                Atom::Decoded(c, _) => c.push_to(&mut text),
                Atom::Space(_) => text.push(' '),
            }
        }
        text
    }

    fn flush(&mut self) {
        let mut atoms = std::mem::take(&mut self.atoms);
        let linked = std::mem::take(&mut self.linked);
        let is_text = |a: &Atom| !matches!(a, Atom::Space(_));
        let (Some(first), Some(last)) = (
            atoms.iter().position(is_text),
            atoms.iter().rposition(is_text),
        ) else {
            return;
        };
        atoms.truncate(last + 1);
        atoms.drain(..first);
        let text = self.render(&atoms);
        // A block of, say, only a thin space would be emptied by `end_block`.
        if text.trim().is_empty() || is_boilerplate(&text) {
            return;
        }
        self.out.push(TextBlock {
            text,
            role: self.role,
            h1: self.h1,
            linked,
            atoms,
        });
    }
}

impl Visitor for Extract<'_> {
    type Ctx = ExtractCtx;

    fn root(&self) -> ExtractCtx {
        ExtractCtx {
            active: self.root.is_none(),
            skip: false,
            link: false,
            slot: Slot {
                owner: 0,
                role: Role::Body,
                h1: false,
            },
        }
    }

    fn open(&mut self, tag: &Tag, ordinal: usize, parent: &ExtractCtx) -> ExtractCtx {
        let chosen = self.root == Some(ordinal);
        let active = parent.active || chosen;
        // The first pass judged the chosen element to be content even if it
        // sits in, say, a `<header>`.
        let skip = !chosen
            && (parent.skip
                || match self.skips {
                    Skips::Invisible => is_invisible(self.src, tag),
                    Skips::Furniture => is_skipped(self.src, tag, false),
                    Skips::FurnitureButHeaders => is_skipped(self.src, tag, parent.active),
                });
        let live = active && !skip;
        if tag.name == "br" && live {
            self.space(parent.slot, tag.span.clone());
        }
        let slot = match kind(&tag.name) {
            Kind::Block(role) => Slot {
                owner: ordinal,
                role: self.block_role(&tag.name, role, parent.slot.role, live),
                h1: tag.name == "h1",
            },
            Kind::Container => Slot {
                owner: ordinal,
                role: Role::Body,
                h1: false,
            },
            Kind::Inline => parent.slot,
        };
        let link = parent.link || tag.name == "a";
        ExtractCtx {
            active,
            skip,
            link,
            slot,
        }
    }

    fn text(&mut self, range: Range<usize>, ctx: &ExtractCtx) {
        if ctx.active && !ctx.skip {
            self.feed(ctx.slot, range.clone());
            if ctx.link && self.owner == ctx.slot.owner {
                let text = decode_entities(&self.src[range], Context::Text);
                self.linked += text.chars().filter(|c| !c.is_whitespace()).count();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks resume in Doha | The Daily Example</title>
  <meta property="og:title" content="Talks resume in Doha &ndash; live">
  <meta property="og:site_name" content="The Daily Example">
  <meta name="author" content="Meta Author">
  <meta property="article:published_time" content="2024-03-01T08:00:00Z">
  <link rel="canonical" href="https://example.com/canonical">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "@id": "https://example.com/talks", "name": "Not this"},
    {"@type": "NewsArticle", "headline": "Talks resume in Doha &amp; Cairo",
     "datePublished": "2024-03-02T09:30:00+03:00",
     "author": [{"@id": "https://example.com/#jane"}, {"@type": "Person", "name": "John Roe"}],
     "publisher": {"@id": "https://example.com/#org"},
     "mainEntityOfPage": {"@id": "https://example.com/talks"}},
    {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"},
    {"@type": "Organization", "@id": "https://example.com/#org", "name": "The Daily Example"}
  ]}
  </script>
  <style>body { color: red; }</style>
  <script>var tracking = "should not appear";</script>
</head>
<body class="single comments-open">
  <header><a href="/">The Daily Example</a><nav><ul><li>World</li><li>Politics</li></ul></nav></header>
  <div class="share-bar"><a>Facebook</a> <a>Twitter</a></div>
  <main>
    <article class="post category-social">
      <header><h1>Talks resume in Doha</h1>
        <p class="byline">By Jane Doe</p>
        <time datetime="2024-02-28">Feb 28</time>
      </header>
      <div class="social-links"><a>Share on WhatsApp</a></div>
      <p>Negotiators met on Sunday, officials said.</p>
      <p>The talks involved Qatar &amp; Egypt, <a href="/x">according to</a> two <em>diplomats</em>.</p>
      <figure><img src="a.jpg" alt="photo" onerror="alert(1)"><figcaption>Delegates arrive in Doha.</figcaption></figure>
      <p>Share this article</p>
      <aside><p>Related: other talks</p></aside>
      <div class="newsletter-signup"><p>Get our daily briefing in your inbox every morning.</p></div>
      <blockquote><p>We are hopeful,</p></blockquote>
      <ul><li>First point</li><li>Second point</li></ul>
    </article>
    <section class="related-stories"><article><p>Another story teaser.</p></article></section>
  </main>
  <div id="comments"><p>Great article!</p></div>
  <footer><p>Copyright 2024 The Daily Example</p></footer>
</body>
</html>"#;

    fn blocks(builder: &TextBuilder) -> Vec<(Role, &str)> {
        builder
            .blocks
            .iter()
            .map(|b| (b.role, &builder.text[b.range.clone()]))
            .collect()
    }

    /// Every block maps back to a source slice that reads as the same text.
    fn assert_maps_back(source: &str, builder: &TextBuilder) {
        for block in &builder.blocks {
            let span = builder.map.to_source(block.range.clone());
            let slice = source.get(span.range()).expect("span on char boundaries");
            let reread = read_html(slice).text.text;
            assert_eq!(
                reread,
                &builder.text[block.range.clone()],
                "slice {slice:?}"
            );
        }
    }

    fn date(s: &str) -> Option<Date> {
        s.parse().ok()
    }

    #[test]
    fn news_page_meta_from_json_ld() {
        let page = read_html(PAGE);
        assert_eq!(
            page.meta,
            Meta {
                outlet: Some("The Daily Example".into()),
                title: Some("Talks resume in Doha & Cairo".into()),
                author: Some("Jane Doe, John Roe".into()),
                url: Some("https://example.com/talks".into()),
                published: date("2024-03-02"),
            }
        );
    }

    #[test]
    fn news_page_text_is_only_the_story() {
        let page = read_html(PAGE);
        assert_eq!(
            blocks(&page.text),
            vec![
                // The byline and the date are the page's metadata, not the
                // story's text.
                (Role::Title, "Talks resume in Doha"),
                (Role::Body, "Negotiators met on Sunday, officials said."),
                (
                    Role::Body,
                    "The talks involved Qatar & Egypt, according to two diplomats."
                ),
                (Role::Caption, "Delegates arrive in Doha."),
                (Role::Body, "We are hopeful,"),
                (Role::Body, "First point"),
                (Role::Body, "Second point"),
            ]
        );
        for junk in [
            "tracking", "color", "alert", "Politics", "Facebook", "Related", "teaser",
        ] {
            assert!(!page.text.text.contains(junk), "{junk} leaked");
        }
        assert_maps_back(PAGE, &page.text);
    }

    #[test]
    fn meta_tags_are_fallbacks() {
        let html = r#"<html><head>
            <title>Quiet &amp; calm - Example News</title>
            <meta name="application-name" content="Example News">
            <meta name="author" content="A. Writer">
            <meta property="og:url" content="https://example.com/a">
            </head><body><article><p>Text.</p><time datetime="2023-12-31T23:00">x</time></article></body></html>"#;
        let meta = read_html(html).meta;
        assert_eq!(meta.title.as_deref(), Some("Quiet & calm"));
        assert_eq!(meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(meta.author.as_deref(), Some("A. Writer"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(meta.published, date("2023-12-31"));

        let html = r#"<title>Only a title | Unknown Site</title>
            <meta name="parsely-pub-date" content="not a date"><meta name="dc.date" content="2022-02-30">
            <link rel="Canonical" href="/canonical"><body><p>x</p></body>"#;
        let meta = read_html(html).meta;
        assert_eq!(meta.title.as_deref(), Some("Only a title | Unknown Site"));
        assert_eq!(meta.url.as_deref(), Some("/canonical"));
        assert_eq!(meta.published, None);
    }

    #[test]
    fn json_ld_arrays_and_plain_authors() {
        let html = r#"<script type="application/ld+json">[
            {"@type": "BreadcrumbList"},
            {"@type": ["ReportageNewsArticle"], "headline": "H", "url": "https://e.com/u",
             "author": ["Ann One", {"name": "Bob Two"}], "publisher": {"name": "Pub"},
             "datePublished": "2021-07-04"}]</script>
            <script type="application/ld+json">{"@type": "BlogPosting", "author": "Late"}</script>
            <script type="application/ld+json">{ broken json</script>"#;
        let meta = read_html(html).meta;
        assert_eq!(meta.title.as_deref(), Some("H"));
        assert_eq!(meta.author.as_deref(), Some("Ann One, Bob Two"));
        assert_eq!(meta.outlet.as_deref(), Some("Pub"));
        assert_eq!(meta.url.as_deref(), Some("https://e.com/u"));
        assert_eq!(meta.published, date("2021-07-04"));
    }

    #[test]
    fn entities_map_to_their_exact_source() {
        let html =
            "<p>Fish &amp; chips&#8217; &#x2019;n&nbsp;peas &eacute;t&eacute; &bogus; &amp</p>";
        let page = read_html(html);
        let text = &page.text.text;
        assert_eq!(text, "Fish & chips\u{2019} \u{2019}n peas été &bogus; &");
        let map = &page.text.map;
        let amp = text.find('&').unwrap();
        assert_eq!(&html[map.to_source(amp..amp + 1).range()], "&amp;");
        let block = page.text.blocks[0].range.clone();
        let inner = "Fish &amp; chips&#8217; &#x2019;n&nbsp;peas &eacute;t&eacute; &bogus; &amp";
        assert_eq!(&html[map.to_source(block).range()], inner);
        let quote = text.find('\u{2019}').unwrap();
        let quote_end = quote + '\u{2019}'.len_utf8();
        assert_eq!(&html[map.to_source(quote..quote_end).range()], "&#8217;");
        let nbsp = text.find("n peas").unwrap() + 1;
        assert_eq!(&html[map.to_source(nbsp..nbsp + 1).range()], "&nbsp;");
        assert_maps_back(html, &page.text);
    }

    /// The tokens of a page as the source slices they span.
    fn token_slices(src: &str) -> Vec<String> {
        Tokenizer::new(src)
            .map(|(token, _)| match token {
                Token::Text(r) => format!("text {:?}", &src[r]),
                Token::Raw(r) => format!("raw {:?}", &src[r]),
                Token::Start(tag) => {
                    let attrs: Vec<String> = tag
                        .attrs
                        .iter()
                        .map(|a| format!(" {}={:?}", &src[a.name.clone()], &src[a.value.clone()]))
                        .collect();
                    format!("<{}{}> {:?}", tag.name, attrs.concat(), &src[tag.span])
                }
                Token::End(name) => format!("</{name}>"),
            })
            .collect()
    }

    #[test]
    fn script_data_keeps_exact_byte_spans() {
        // Script data: `</scr` and an escaped `<script>` inside do not end it.
        let src = "<script>a</scr b<!--<script>x</script>-->c</script><p>T</p>";
        assert_eq!(
            token_slices(src),
            [
                r#"<script> "<script>""#,
                r#"raw "a</scr b<!--<script>x</script>-->c""#,
                "</script>",
                r#"<p> "<p>""#,
                r#"text "T""#,
                "</p>",
            ]
        );
    }

    #[test]
    fn script_data_escapes_keep_exact_byte_spans() {
        // Other end tags inside and after an escaped `<!--` section, and a
        // `<!-->` that opens and closes at once.
        let src = "<script><!--</b>x--></b><!--></i></script><p>T</p>";
        assert_eq!(
            token_slices(src),
            [
                r#"<script> "<script>""#,
                r#"raw "<!--</b>x--></b><!--></i>""#,
                "</script>",
                r#"<p> "<p>""#,
                r#"text "T""#,
                "</p>",
            ]
        );
    }

    #[test]
    fn rcdata_title_and_textarea_keep_exact_byte_spans() {
        // RCDATA: markup in <title> and <textarea> is text, references kept
        // as bytes and decoded when read.
        let src = "<title>A &amp; <b>B</b></titlex></title><textarea>x</p>&lt;</textarea>";
        assert_eq!(
            token_slices(src),
            [
                r#"<title> "<title>""#,
                r#"raw "A &amp; <b>B</b></titlex>""#,
                "</title>",
                r#"<textarea> "<textarea>""#,
                r#"raw "x</p>&lt;""#,
                "</textarea>",
            ]
        );
        assert_eq!(
            read_html(src).meta.title.as_deref(),
            Some("A & <b>B</b></titlex>")
        );
    }

    #[test]
    fn references_without_semicolon_in_text_and_attributes() {
        // A legacy reference without `;` is read in text, not in an
        // attribute value followed by `=` or a letter.
        let src =
            r#"<p><a href="?a=1&copy=2&amp;b" title=x&notit>A</a> &frac12off &notit; &amp</p>"#;
        assert_eq!(
            token_slices(src),
            [
                r#"<p> "<p>""#,
                r#"<a href="?a=1&copy=2&amp;b" title="x&notit"> "<a href=\"?a=1&copy=2&amp;b\" title=x&notit>""#,
                r#"text "A""#,
                "</a>",
                r#"text " &frac12off &notit; &amp""#,
                "</p>",
            ]
        );
        assert_eq!(
            decode_entities("?a=1&copy=2&amp;b", Context::Attribute),
            "?a=1&copy=2&b"
        );
        let page = read_html(src);
        let text = &page.text.text;
        assert_eq!(text, "A ½off ¬it; &");
        let map = &page.text.map;
        let half = text.find('½').unwrap();
        assert_eq!(
            &src[map.to_source(half..half + '½'.len_utf8()).range()],
            "&frac12"
        );
        let not = text.find('¬').unwrap();
        assert_eq!(
            &src[map.to_source(not..not + '¬'.len_utf8()).range()],
            "&not"
        );
        assert_eq!(
            &src[map.to_source(text.len() - 1..text.len()).range()],
            "&amp"
        );
        assert_maps_back(src, &page.text);
    }

    #[test]
    fn nul_plaintext_and_cut_off_tags_keep_exact_byte_spans() {
        // NUL in text and in a tag name, CR LF, comments, a processing
        // instruction and CDATA: text spans stay on the source bytes.
        let src = "<p>a\0b\r\nc<!-- <p>x</p> --><?php echo 1 ?><![CDATA[y]]>d</p\0>";
        assert_eq!(
            token_slices(src),
            [
                r#"<p> "<p>""#,
                r#"text "a\0b\r\nc""#,
                r#"text "d""#,
                "</p\u{fffd}>",
            ]
        );
        // <plaintext> runs to the end of the input, end tags and all.
        let src = "<p>x</p><plaintext>a</plaintext><b>c";
        assert_eq!(
            token_slices(src),
            [
                r#"<p> "<p>""#,
                r#"text "x""#,
                "</p>",
                r#"<plaintext> "<plaintext>""#,
                r#"text "a</plaintext><b>c""#,
            ]
        );
        // A tag cut off by the end of the input is dropped; the text before
        // it ends where it starts.
        assert_eq!(
            token_slices("<p>x é<div class=\"a"),
            [r#"<p> "<p>""#, r#"text "x é""#]
        );
    }

    #[test]
    fn every_named_entity_decodes_and_maps_back() {
        // A name outside the old short table cut the word: "Erdo" and "an".
        let html = "<p>Recep Tayyip Erdo&gbreve;an met &Scaron;ef&ccaron;ovi&ccaron; &NotEqualTilde; &frac12&acute x</p>";
        let page = read_html(html);
        let text = &page.text.text;
        assert_eq!(
            text,
            "Recep Tayyip Erdoğan met Šefčovič \u{2242}\u{338} ½´ x"
        );
        let g = text.find('ğ').unwrap();
        let span = page.text.map.to_source(g..g + 'ğ'.len_utf8());
        assert_eq!(&html[span.range()], "&gbreve;");
        let word = text.find("Erdoğan").unwrap();
        let span = page.text.map.to_source(word..word + "Erdoğan".len());
        assert_eq!(&html[span.range()], "Erdo&gbreve;an");
        assert_maps_back(html, &page.text);
        // Each of the 2,125 names, in text and in an attribute-decoded title.
        for (name, decoded) in &ENTITIES.named {
            let mut expected = String::new();
            decoded.push_to(&mut expected);
            if *name == "nbsp" {
                expected = " ".into();
            }
            assert_eq!(
                decode_entities(&format!("&{name};"), Context::Text),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn whitespace_collapses_with_exact_positions() {
        let html = "<div>\n  <p>  The\n\n   quick \t<b> brown</b>\r\nfox<br/>jumps  </p>\n</div>";
        let page = read_html(html);
        let text = &page.text.text;
        assert_eq!(text, "The quick brown fox jumps");
        for word in ["The", "quick", "brown", "fox", "jumps"] {
            let at = text.find(word).unwrap();
            let span = page.text.map.to_source(at..at + word.len());
            assert_eq!(span.start, html.find(word).unwrap());
            assert_eq!(&html[span.range()], word);
        }
        assert_maps_back(html, &page.text);
    }

    /// The text of the element most likely to hold the story: what is read
    /// when the main text cannot be told apart.
    fn fallback(html: &str) -> TextBuilder {
        let mut scan = Scan::new(html);
        let tokens: Vec<_> = Tokenizer::new(html).collect();
        walk(&tokens, &mut scan);
        write_blocks(html, &blocks_in(html, &tokens, &scan.region(), false))
    }

    #[test]
    fn without_article_the_body_is_read() {
        let html = "<html><head><title>T</title></head><body><div>Loose text <i>here</i><p>A paragraph.</p>tail</div><nav>Menu</nav><h1>One</h1><h1>Two</h1></body></html>";
        let page = HtmlArticle {
            text: fallback(html),
            meta: Meta::default(),
            warning: None,
        };
        assert_eq!(
            blocks(&page.text),
            vec![
                (Role::Body, "Loose text here"),
                (Role::Body, "A paragraph."),
                (Role::Body, "tail"),
                (Role::Title, "One"),
                (Role::Body, "Two"),
            ]
        );
        assert_maps_back(html, &page.text);

        let page = read_html("Just some text &amp; more here");
        assert_eq!(page.text.text, "Just some text & more here");
    }

    #[test]
    fn the_fullest_candidate_wins() {
        let html = r#"<article><p>Teaser.</p></article>
            <div itemprop="articleBody"><p>The real story is here and long.</p><p>More of it.</p></div>
            <main><p>Main text that is also long, longer than the story itself.</p></main>"#;
        let page = HtmlArticle {
            text: fallback(html),
            meta: Meta::default(),
            warning: None,
        };
        assert_eq!(
            blocks(&page.text),
            vec![
                (Role::Body, "The real story is here and long."),
                (Role::Body, "More of it.")
            ]
        );
        // Nested candidates with the same text: the outer one, with its headline.
        let html =
            r#"<article><h1>Head</h1><div itemprop="articleBody"><p>Body.</p></div></article>"#;
        let page = HtmlArticle {
            text: fallback(html),
            meta: Meta::default(),
            warning: None,
        };
        assert_eq!(
            blocks(&page.text),
            vec![(Role::Title, "Head"), (Role::Body, "Body.")]
        );
    }

    #[test]
    fn scripts_styles_and_attributes_stay_out() {
        let html = r#"<article><p onerror="alert('x')" title="hidden title">Visible<img src=x onerror=steal()>text</p>
            <script>document.write("<p>injected</p>")</script><STYLE>p { x: y }</STYLE>
            <p>After <noscript>nojs</noscript>all<template><p>tpl</p></template>.</p></article>"#;
        let text = read_html(html).text.text;
        assert_eq!(text, "Visibletext\n\nAfter all.");
    }

    #[test]
    fn the_extractor_is_given_the_page_without_code() {
        let page = r#"<html><head><style>p { color: red; }</style>
<script type="application/ld+json">{"articleBody": "kept"}</script>
<script>var x = "<p>not text</p>";</script></head>
<body><svg><title>Logo</title><svg><path d="M0 0"/></svg></svg><p>Story &amp; more.</p></body></html>"#;
        let lean = without_code(page, &Tokenizer::new(page).collect::<Vec<_>>());
        assert!(!lean.contains("color: red"), "{lean}");
        assert!(!lean.contains("not text"), "{lean}");
        assert!(!lean.contains("Logo") && !lean.contains("M0 0"), "{lean}");
        assert!(lean.contains(r#"{"articleBody": "kept"}"#), "{lean}");
        assert!(lean.contains("<p>Story &amp; more.</p>"), "{lean}");
        assert!(lean.contains("<script></script>"), "{lean}");
        // Nothing to leave out: the page itself.
        let plain = "<p>Hi</p>";
        let tokens: Vec<_> = Tokenizer::new(plain).collect();
        assert!(matches!(without_code(plain, &tokens), Cow::Borrowed(_)));
    }

    #[test]
    fn implied_end_tags() {
        let html = "<body><p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>c<td>d<tr><td>e</table><dl><dt>t<dd>u</dl>";
        let page = read_html(html);
        let texts: Vec<&str> = blocks(&page.text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["One", "Two", "a", "b", "c", "d", "e", "t", "u"]);
    }

    #[test]
    fn deep_nesting_is_fine() {
        let depth = 100_000;
        let started = std::time::Instant::now();
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(read_html(&html).text.text, "deep text");
        let html = format!("{}unclosed", "<div><span><article>".repeat(depth));
        assert_eq!(read_html(&html).text.text, "unclosed");
        let html = format!("{}{}", "<b>".repeat(depth), "</i>".repeat(depth));
        assert_eq!(read_html(&html).text.text, "");
        // A guard against a hang, not a speed measure (benches/ measure
        // speed): debug builds on a loaded machine take several seconds.
        assert!(started.elapsed().as_secs() < 60);
    }

    #[test]
    fn entities_read_from_the_lexicon() {
        // Every name of the HTML standard (html.spec.whatwg.org/entities.json),
        // 106 of them also without the final `;`.
        assert_eq!(ENTITIES.named.len(), 2125);
        assert_eq!(ENTITIES.legacy.len(), 106);
        let cases = [
            ("amp", '&'),
            ("gbreve", '\u{11f}'),
            ("Scaron", '\u{160}'),
            ("ncaron", '\u{148}'),
            ("Zdot", '\u{17b}'),
            ("NotEqualTilde", '\u{2242}'),
            ("Afr", '\u{1d504}'),
            ("apos", '\''),
            ("iexcl", '\u{a1}'),
            ("Agrave", '\u{c0}'),
            ("agrave", '\u{e0}'),
            ("yuml", '\u{ff}'),
            ("Yuml", '\u{178}'),
            ("zwnj", '\u{200c}'),
            ("rsquo", '\u{2019}'),
            ("infin", '\u{221e}'),
            ("nbsp", ' '),
        ];
        for (name, c) in cases {
            let expected = match name {
                "NotEqualTilde" => Decoded::Two(c, '\u{338}'),
                _ => Decoded::One(c),
            };
            assert_eq!(named(name), Some(expected), "{name}");
        }
        assert_eq!(named("nosuch"), None);
    }

    #[test]
    fn legacy_names_followed_by_letters_read_as_browsers_do() {
        // html5lib's tokenizer tests (namedEntities): in text the longest
        // legacy name is read; in an attribute value it is not when a letter,
        // a digit or '=' follows.
        let text = |s: &str| decode_entities(s, Context::Text);
        let attribute = |s: &str| decode_entities(s, Context::Attribute);
        assert_eq!(text("&copy2024"), "\u{a9}2024");
        assert_eq!(text("&notit;"), "\u{ac}it;");
        assert_eq!(text("&notin;"), "\u{2209}");
        assert_eq!(text("&ampx &amp &lt="), "&x & <=");
        assert_eq!(text("&nosuch; &;"), "&nosuch; &;");
        assert_eq!(attribute("?a=1&copy=2&ampx"), "?a=1&copy=2&ampx");
        assert_eq!(attribute("a &copy b &amp; c"), "a \u{a9} b & c");
        // Every decoded character still maps back to its reference.
        let html = "<p>Under &sect2 of the law, AT&ampT said &notit; was done.</p>";
        let page = read_html(html);
        assert_eq!(
            page.text.text,
            "Under \u{a7}2 of the law, AT&T said \u{ac}it; was done."
        );
        assert_maps_back(html, &page.text);
    }

    #[test]
    fn garbage_does_not_panic() {
        let nasty = [
            "<<<>>>&&&#;",
            "<p",
            "<a href=\"unclosed",
            "</",
            "<",
            "&",
            "&#",
            "&#x",
            "&#x110000;&#xD800;&#0;&#99999999999999999999999;",
            "<!--",
            "<!-->x<!--->y",
            "<![CDATA[x",
            "<!DOCTYPE",
            "<?xml",
            "<script>never closed",
            "<p>é<é>ü</é>&eacute&#233&nbsp\u{a0}x",
            "<P CLASS=Share>x</P><DIV>Y</DIV>",
            "<p>&amp&ampx&lt=&copy2024</p>",
            "<title>t</title><svg><title>s</title></svg>",
            "<a b='c' d=e f g=>h</a x y='>'>",
            "\u{a0}\u{a0}<p>\u{a0}</p>",
        ];
        for html in nasty {
            let page = read_html(html);
            assert_maps_back(html, &page.text);
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for round in 0..300 {
            let bytes: Vec<u8> = (0..round * 7)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let pick = (state >> 32) as u8;
                    // Lean on the bytes that matter to the tokenizer.
                    b"<>&#;/!-=\"' apx\xc2\xa0\xe2\x80"[usize::from(pick) % 16]
                        .wrapping_add(u8::from(pick > 250))
                })
                .collect();
            let html = String::from_utf8_lossy(&bytes);
            let page = read_html(&html);
            for block in &page.text.blocks {
                let span = page.text.map.to_source(block.range.clone());
                assert!(html.get(span.range()).is_some());
            }
        }
    }

    #[test]
    fn a_content_class_with_share_in_it_keeps_the_story() {
        let html = r#"<body><nav>Menu</nav><div class="entry-content has-share-buttons">
            <p>The story itself is here.</p><div class="share-bar"><a>Facebook</a></div>
            <p>And it goes on.</p></div></body>"#;
        let page = read_html(html);
        assert_eq!(
            page.text.text,
            "The story itself is here.\n\nAnd it goes on."
        );
        assert_maps_back(html, &page.text);
    }

    #[test]
    fn boilerplate_blocks_are_dropped() {
        let html = "<article><p>Subscribe</p><p>Real words here.</p><p>Advertisement</p></article>";
        let page = read_html(html);
        assert_eq!(page.text.text, "Real words here.");
        assert_eq!(page.text.blocks.len(), 1);
    }

    #[test]
    fn parse_date_takes_the_leading_date() {
        assert_eq!(parse_date(" 2024-05-01T10:00:00Z"), date("2024-05-01"));
        assert_eq!(parse_date("2024-05-01"), date("2024-05-01"));
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-05-011"), None);
        assert_eq!(parse_date("May 1, 2024"), None);
        assert_eq!(parse_date("2024-05-é"), None);
    }
}
