//! Reading files into [`Article`]s: plain text, Markdown or text with front
//! matter, HTML pages, JSON; directories and standard input. One bad file
//! never stops the others: each gets its own error.

pub mod boilerplate;
mod frontmatter;
mod html;
mod json;
pub mod layout;
mod main_text;
mod markdown;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{Article, Format, Meta, SourceMap, TextBuilder};
use layout::{Candidate, arrange, text_candidates};

/// The default largest file read, in bytes; `--max-size` raises it.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A file (or one item of a JSON array) that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct IngestError {
    pub path: String,
    pub message: String,
}

/// What reading the inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub articles: Vec<Article>,
    pub errors: Vec<IngestError>,
}

/// Options for reading.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    pub max_bytes: u64,
    /// Most articles compared as one story (`--max-articles`).
    pub max_articles: usize,
    /// Fetch URLs again even when a copy is archived (`--refetch`).
    pub refetch: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            max_articles: DEFAULT_MAX_ARTICLES,
            refetch: false,
        }
    }
}

/// Most articles compared as one story by default. A story is a handful to
/// a few dozen articles; far beyond that every repeated statement pairs
/// with every other (600 copies of four articles give 23,000 findings), so
/// the rest are named as not compared rather than analysed silently.
pub const DEFAULT_MAX_ARTICLES: usize = 300;

/// File extensions read when walking a directory.
const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "json"];

/// Reads every input: files, directories (recursively, by extension, in
/// name order), `-` for standard input, and URLs (fetched into the
/// archive once, then read from there; see [`crate::fetch`]).
#[must_use]
pub fn read_inputs(inputs: &[PathBuf], opts: &ReadOptions) -> Ingested {
    let (articles, errors) = read_inputs_then(inputs, opts, |a| a, |a| a);
    Ingested { articles, errors }
}

/// [`read_inputs`], each article then passed through `then` (the
/// analysis of one article) on the core that read it, with no wait for
/// the other files: the cores need not meet between reading and analysing,
/// and the page classifier's set-up, done by the core that reads the first
/// HTML page, overlaps the other core's text files. `article` finds the
/// article in what `then` made, to number it. When the inputs could give
/// more articles than `max_articles` (a JSON file, standard input, a file
/// of unknown kind, too many files), everything is read first and only the
/// articles kept are passed through `then`: none is analysed in vain.
pub fn read_inputs_then<T: Send>(
    inputs: &[PathBuf],
    opts: &ReadOptions,
    then: impl Fn(Article) -> T + Sync + Send,
    article: impl Fn(&mut T) -> &mut Article,
) -> (Vec<T>, Vec<IngestError>) {
    let items = items(inputs, opts);
    let at_most_one_each = items.len() <= opts.max_articles
        && items.iter().all(|item| match item {
            Item::File(path) => extension(path).is_some_and(|e| {
                matches!(
                    e.as_str(),
                    "txt" | "text" | "md" | "markdown" | "html" | "htm"
                )
            }),
            Item::Stdin(_) => false,
            Item::Failed(_) => true,
        });
    // Files are parsed on every core; the results keep the inputs' order.
    // HTML pages are started first: one costs as much as a dozen text files
    // (the first also builds the page classifier and the entity table), and
    // a directory's last page, started last on its core, left the other
    // core idle while it finished.
    let mut queue: Vec<(usize, Item)> = items.into_iter().enumerate().collect();
    queue.sort_by_key(|(_, item)| !is_html_file(item));
    let (mut articles, errors) = if at_most_one_each {
        let mut parts = crate::par::map(queue, |(n, item)| {
            let part = read_item(item, opts);
            let made: Vec<T> = part.articles.into_iter().map(&then).collect();
            (n, made, part.errors)
        });
        parts.sort_unstable_by_key(|&(n, _, _)| n);
        let mut articles = Vec::with_capacity(parts.len());
        let mut errors = Vec::new();
        for (_, made, errs) in parts {
            articles.extend(made);
            errors.extend(errs);
        }
        (articles, errors)
    } else {
        let mut parts = crate::par::map(queue, |(n, item)| (n, read_item(item, opts)));
        parts.sort_unstable_by_key(|&(n, _)| n);
        let mut read = Ingested::default();
        for (_, part) in parts {
            read.articles.extend(part.articles);
            read.errors.extend(part.errors);
        }
        if read.articles.len() > opts.max_articles {
            let rest = read.articles.split_off(opts.max_articles);
            read.errors.push(over_limit(&rest, opts.max_articles));
        }
        (crate::par::map(read.articles, &then), read.errors)
    };
    for (n, a) in articles.iter_mut().enumerate() {
        article(a).id = format!("a{}", n + 1);
    }
    (articles, errors)
}

/// The inputs as items to read, directories listed, in the order given.
fn items(inputs: &[PathBuf], opts: &ReadOptions) -> Vec<Item> {
    let mut items = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            items.push(
                match std::io::stdin()
                    .take(opts.max_bytes.saturating_add(1))
                    .read_to_end(&mut bytes)
                {
                    Ok(_) => Item::Stdin(bytes),
                    Err(e) => Item::Failed(error("-", format!("cannot read standard input: {e}"))),
                },
            );
        } else if let Some(url) = input.to_str().filter(|s| crate::fetch::is_url(s)) {
            // Fetched once and archived; read from the archived copy.
            let fetch = crate::fetch::FetchOptions::new(opts.max_bytes, opts.refetch);
            items.push(match crate::fetch::archived(url, &fetch) {
                Ok(copy) => Item::File(copy),
                Err(e) => Item::Failed(error(url, e)),
            });
        } else if input.is_dir() {
            let mut files = Vec::new();
            let mut errors = Vec::new();
            walk(input, &mut files, &mut errors);
            if files.is_empty() && errors.is_empty() {
                let message = format!(
                    "no article in this directory: Parallax reads files ending in {} \
                     (hidden files, READMEs and licences are skipped)",
                    extensions_read()
                );
                errors.push(error(&input.display().to_string(), message));
            }
            files.sort();
            items.extend(errors.into_iter().map(Item::Failed));
            items.extend(files.into_iter().map(Item::File));
        } else {
            items.push(Item::File(input.clone()));
        }
    }
    items
}

/// Standard input, read as one article when no input is named: only when
/// it is a pipe or a regular file and holds more than whitespace. A
/// terminal, `/dev/null` (as in CI) or an empty pipe give `None`, and the
/// caller shows the bundled sample story instead.
#[must_use]
pub fn read_piped_stdin(opts: &ReadOptions) -> Option<Ingested> {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if stdin.is_terminal() || !is_pipe_or_file(&stdin) {
        return None;
    }
    let mut bytes = Vec::new();
    let mut out = Ingested::default();
    match stdin
        .lock()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(_) if bytes.iter().all(u8::is_ascii_whitespace) => return None,
        Ok(_) => out = read_item(Item::Stdin(bytes), opts),
        Err(e) => out
            .errors
            .push(error("-", format!("cannot read standard input: {e}"))),
    }
    for (n, a) in out.articles.iter_mut().enumerate() {
        a.id = format!("a{}", n + 1);
    }
    Some(out)
}

/// Whether standard input is a pipe, a socket or a non-empty regular file
/// (not a terminal or a device such as `/dev/null`).
#[cfg(unix)]
fn is_pipe_or_file(stdin: &std::io::Stdin) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return false;
    };
    let kind = meta.file_type();
    kind.is_fifo() || kind.is_socket() || (kind.is_file() && meta.len() > 0)
}

/// Elsewhere, anything but a terminal.
#[cfg(not(unix))]
fn is_pipe_or_file(_stdin: &std::io::Stdin) -> bool {
    true
}

/// One error for the articles past the story limit: the first and last by
/// name, and how many.
fn over_limit(rest: &[Article], max: usize) -> IngestError {
    let first = &rest[0].path;
    let last = &rest[rest.len() - 1].path;
    let which = match rest.len() {
        1 => "this article was".to_string(),
        2 => format!("this and 1 more article, {last}, were"),
        n => format!("this and {} more articles, to {last}, were", n - 1),
    };
    error(
        first,
        format!(
            "not compared: {which} past the story limit of {max} articles, taken in the order \
             given (--max-articles to raise it)"
        ),
    )
}

/// One input to read, in the order the inputs were given.
enum Item {
    File(PathBuf),
    Stdin(Vec<u8>),
    /// A directory that could not be listed.
    Failed(IngestError),
}

/// Whether `item` is a file named as an HTML page: the costly kind to read.
fn is_html_file(item: &Item) -> bool {
    let Item::File(path) = item else {
        return false;
    };
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

fn read_item(item: Item, opts: &ReadOptions) -> Ingested {
    let mut out = Ingested::default();
    match item {
        Item::File(path) => read_file(&path, opts, &mut out),
        Item::Stdin(bytes) => read_bytes("-", &bytes, None, opts, &mut out),
        Item::Failed(e) => out.errors.push(e),
    }
    out
}

fn error(path: &str, message: String) -> IngestError {
    IngestError {
        path: path.to_string(),
        message,
    }
}

/// The extensions of [`EXTENSIONS`] for a message: ".txt, .md or .json".
fn extensions_read() -> String {
    let dotted: Vec<String> = EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    match dotted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The files under `root` to read, by extension, hidden ones skipped.
/// Symbolic links are followed only inside `root`: a link out of the tree
/// (to `/etc/passwd`) is skipped with a message, and each directory and
/// file is read once however many links lead to it, so loops end.
fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    let shown = |p: &Path| p.display().to_string();
    // The directory named as input: say what would have been read in it.
    let unreadable = |e: std::io::Error| {
        let message = format!(
            "cannot list directory: {e} (Parallax reads the files in it ending in {})",
            extensions_read()
        );
        error(&shown(root), message)
    };
    let top = match std::fs::canonicalize(root) {
        Ok(t) => t,
        Err(e) => return errors.push(unreadable(e)),
    };
    let mut seen: std::collections::HashSet<PathBuf> =
        std::collections::HashSet::from([top.clone()]);
    let mut stack = vec![root.to_path_buf()];
    // Each file once, by where it really is: the path without a link
    // first, then the first in name order.
    let mut found: std::collections::HashMap<PathBuf, (bool, PathBuf)> =
        std::collections::HashMap::new();
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if dir == root => {
                errors.push(unreadable(e));
                continue;
            }
            Err(e) => {
                errors.push(error(&shown(&dir), format!("cannot list directory: {e}")));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let wanted = || {
                extension(&path).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
                    && !documentation(&path)
            };
            if hidden || !(kind.is_dir() || kind.is_symlink() || wanted()) {
                continue;
            }
            let real = match std::fs::canonicalize(&path) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(error(&shown(&path), format!("skipped: {e}")));
                    continue;
                }
            };
            if !real.starts_with(&top) {
                let message = format!(
                    "skipped: a link out of {} (to {})",
                    shown(root),
                    shown(&real)
                );
                errors.push(error(&shown(&path), message));
                continue;
            }
            if real.is_dir() {
                if seen.insert(real) {
                    stack.push(path); // once, however many links or loops lead here
                }
            } else if wanted() {
                let key = (kind.is_symlink(), path);
                match found.get(&real) {
                    Some(have) if *have <= key => {}
                    _ => {
                        found.insert(real, key);
                    }
                }
            }
        }
    }
    files.extend(found.into_values().map(|(_, path)| path));
}

/// A folder's README, licence or changelog: about the articles, not one
/// of them (a folder of saved pages often says where they came from).
/// Named as a file, it is read.
fn documentation(path: &Path) -> bool {
    const STEMS: &[&str] = &[
        "readme",
        "license",
        "licence",
        "changelog",
        "contributing",
        "notice",
    ];
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| STEMS.contains(&s.to_ascii_lowercase().as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn read_file(path: &Path, opts: &ReadOptions, out: &mut Ingested) {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path).map(|m| m.len());
    match size {
        Err(e) => return out.errors.push(error(&shown, format!("cannot read: {e}"))),
        Ok(n) if n > opts.max_bytes => {
            let message = format!(
                "file is {} bytes, over the {} byte limit (raise it with --max-size)",
                n, opts.max_bytes
            );
            return out.errors.push(error(&shown, message));
        }
        Ok(_) => {}
    }
    match crate::files::read_regular(path, opts.max_bytes) {
        Ok(bytes) => read_bytes(&shown, &bytes, extension(path).as_deref(), opts, out),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => out.errors.push(error(
            &shown,
            format!("cannot read: {e}; to read a stream, pipe it to standard input as -"),
        )),
        Err(e) => out.errors.push(error(&shown, format!("cannot read: {e}"))),
    }
}

/// Whether bytes look like a binary file rather than text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

fn read_bytes(path: &str, bytes: &[u8], ext: Option<&str>, opts: &ReadOptions, out: &mut Ingested) {
    if bytes.len() as u64 > opts.max_bytes {
        let message = format!(
            "input is over the {} byte limit (raise it with --max-size)",
            opts.max_bytes
        );
        return out.errors.push(error(path, message));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return out.errors.push(error(path, "file is empty".into()));
    }
    if looks_binary(bytes) {
        return out.errors.push(error(
            path,
            "looks like a binary file, not an article (it contains NUL or control bytes)".into(),
        ));
    }
    let mut warnings = Vec::new();
    let source = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "{path}: not valid UTF-8 (first bad byte at offset {}); read with replacement characters, and positions refer to the repaired text",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    let format = detect(ext, &source);
    if format == Format::Json {
        return read_json(path, &source, &warnings, out);
    }
    let (text, map, candidates, mut meta) = parse(path, &source, format, &mut warnings);
    let blocks = arrange(&text, &candidates, &mut meta);
    if blocks.is_empty() {
        return out.errors.push(error(path, "no article text found".into()));
    }
    out.articles.push(Article {
        id: String::new(),
        path: path.to_string(),
        format,
        source,
        origin: crate::model::Origin::default(),
        meta,
        text,
        map,
        blocks,
        warnings,
    });
}

/// The format from the extension, or sniffed from the content.
fn detect(ext: Option<&str>, source: &str) -> Format {
    match ext {
        Some("md" | "markdown") => return Format::Markdown,
        Some("html" | "htm") => return Format::Html,
        Some("json") => return Format::Json,
        Some("txt" | "text") => return Format::Text,
        _ => {}
    }
    let head = source.trim_start_matches('\u{FEFF}').trim_start();
    let lower: String = head.chars().take(512).collect::<String>().to_lowercase();
    if head.starts_with('{') || head.starts_with('[') {
        Format::Json
    } else if lower.starts_with("<!doctype html")
        || lower.contains("<html")
        || lower.starts_with("<article")
    {
        Format::Html
    } else if head.starts_with("---") || head.starts_with("+++") || head.starts_with("# ") {
        Format::Markdown
    } else {
        Format::Text
    }
}

type Parsed = (String, SourceMap, Vec<Candidate>, Meta);

fn parse(path: &str, source: &str, format: Format, warnings: &mut Vec<String>) -> Parsed {
    match format {
        Format::Html => {
            let page = html::read_html(source);
            if let Some(w) = &page.warning {
                warnings.push(format!("{path}: {w}"));
            }
            let candidates = page
                .text
                .blocks
                .iter()
                .map(|b| Candidate {
                    range: b.range.clone(),
                    hint: Some(b.role),
                })
                .collect();
            (page.text.text, page.text.map, candidates, page.meta)
        }
        Format::Markdown | Format::Text => {
            let (start, meta) = match frontmatter::read(source) {
                Ok(Some(fm)) => (fm.body_start, fm.meta),
                Ok(None) => (0, Meta::default()),
                Err(e) => {
                    warnings.push(format!("{path}: {e}; its metadata is ignored"));
                    (0, Meta::default())
                }
            };
            if format == Format::Markdown {
                let (b, candidates) = markdown::read(source, start);
                (b.text, b.map, candidates, meta)
            } else {
                let start = if start == 0 && source.starts_with('\u{FEFF}') {
                    3
                } else {
                    start
                };
                let candidates = text_candidates(source, start);
                (
                    source.to_string(),
                    SourceMap::identity(source.len()),
                    candidates,
                    meta,
                )
            }
        }
        Format::Json => unreachable!("JSON is read by read_json"),
    }
}

fn read_json(path: &str, source: &str, warnings: &[String], out: &mut Ingested) {
    let items = match json::read(source) {
        Ok(items) => items,
        Err(e) => return out.errors.push(error(path, e)),
    };
    let many = items.len() > 1;
    // Where each item starts, counted on from the one before: items come
    // in file order.
    let mut origin = crate::model::Origin::default();
    let mut counted = 0;
    for (n, item) in items.into_iter().enumerate() {
        let shown = if many {
            format!("{path}#{}", n + 1)
        } else {
            path.to_string()
        };
        match item {
            Ok(a) => {
                let before = &source[counted..a.item.start];
                origin.line += before.matches('\n').count();
                origin.column = match before.rfind('\n') {
                    Some(nl) => before[nl + 1..].chars().count(),
                    None => origin.column + before.chars().count(),
                };
                origin.offset = a.item.start;
                counted = a.item.start;
                let TextBuilder { text, map, .. } = a.body;
                let mut meta = a.meta;
                let candidates = text_candidates(&text, 0);
                let blocks = arrange(&text, &candidates, &mut meta);
                if blocks.is_empty() {
                    out.errors
                        .push(error(&shown, "article text is empty".into()));
                    continue;
                }
                out.articles.push(Article {
                    id: String::new(),
                    path: shown,
                    format: Format::Json,
                    source: source[a.item].to_string(),
                    origin,
                    meta,
                    text,
                    map,
                    blocks,
                    warnings: warnings.to_vec(),
                });
            }
            Err(e) => out.errors.push(error(path, e)),
        }
    }
}

/// Reads one article from a string, as if from a file of that name.
pub fn read_str(path: &str, source: &str) -> Result<Article, IngestError> {
    let mut out = Ingested::default();
    let ext = extension(Path::new(path));
    read_bytes(
        path,
        source.as_bytes(),
        ext.as_deref(),
        &ReadOptions::default(),
        &mut out,
    );
    if let Some(e) = out.errors.into_iter().next() {
        return Err(e);
    }
    let mut a = out
        .articles
        .into_iter()
        .next()
        .ok_or_else(|| error(path, "no article".into()))?;
    a.id = "a1".into();
    Ok(a)
}
