//! Property tests over the whole pipeline: whatever text, markup or bytes
//! come in, reading and analysis never panic, and every position they give
//! back points at exactly the bytes it claims to.

use std::collections::BTreeMap;
use std::path::PathBuf;

use parallax::analysis::{self, Analysis, Options};
use parallax::ingest::{self, ReadOptions};
use parallax::kb::Kb;
use parallax::model::ArticleAnalysis;
use parallax::model::{Article, Format, Span};
use parallax::report::{self, ReportFormat, ReportOptions};
use parallax::text::sentences;
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

// ---------------------------------------------------------------------------
// Strategies

/// Pieces of news prose that exercise abbreviations, dates, numbers, names,
/// quotes and awkward characters.
const NEWS: &[&str] = &[
    "U.S.",
    "U.S. ",
    "Mr.",
    "Mr. ",
    "Gen. ",
    "p.m.",
    "5 p.m. ",
    "on Sunday",
    " on Sunday. ",
    "on Monday, January 20",
    "January 19, 2025",
    "2025-05-11",
    "last week",
    "at least 8",
    "at least 30 hostages",
    "nearly three hours",
    "1.5 percent",
    "1,200",
    "Prime Minister Benjamin Netanyahu",
    "President Joe Biden",
    "former President Donald Trump",
    "Hamas",
    "Israel",
    "the Red Cross",
    "Gaza City",
    "Qatar",
    " said. ",
    " told reporters",
    "according to officials",
    "Netanyahu\u{2019}s",
    "\u{2019}s",
    "\u{201C}We are ready,\u{201D} he said.",
    "\"It is over.\"",
    "'",
    "\"",
    ".",
    "...",
    "\u{2026}",
    "?!",
    ". ",
    ", ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00A0}",
    "\u{1F600}",
    "\u{1F1EE}\u{1F1F1}",
    "e\u{301}",
    "\u{0645}\u{0635}\u{0631}",
    "Stra\u{00DF}e",
    "İstanbul",
    "Published May 11th, 2025 - 06:29 GMT\n",
    "By Jane Roe\n",
    "HARBOUR DESK - ",
    "(Photo by Jane Roe / AFP)",
    "Subscribe\n",
    "&amp;",
    "&lt;b&gt;",
    "&#8217;",
    "&nbsp;",
    "&bogus;",
    "*",
    "_",
    "# ",
    "- ",
    "> ",
    "[link](http://x.example)",
    "`code`",
    "<b>Hamas</b>",
    "<br>",
    "</p><p>",
    "<p class=\"byline\">By Jane Roe</p>",
    "<!-- note -->",
    "<a href=\"/gaza?a=1&amp;b=2\">Gaza</a>",
    "<script>var scriptmarker = \"Netanyahu said.\";</script>",
    "<style>p { color: red }</style>",
    "<figcaption>Crowds in Gaza City. (Photo by Jane Roe / AFP)</figcaption>",
    "\\",
    "0",
    "42",
    "3.",
];

/// Whether every `<` of a body opens one of the tags of [`NEWS`]: a stray
/// `<` may rightly turn what follows into text (`<A<script>` is one tag).
fn only_known_tags(body: &str) -> bool {
    const TAGS: &[&str] = &[
        "<b>",
        "</b>",
        "<br>",
        "<p>",
        "</p>",
        "<p class",
        "<!--",
        "<a href",
        "</a>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<figcaption>",
        "</figcaption>",
    ];
    body.match_indices('<')
        .all(|(i, _)| TAGS.iter().any(|t| body[i..].starts_with(t)))
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(NEWS).prop_map(str::to_string),
        2 => "[A-Za-z]{1,10}",
        1 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}",
        1 => "[0-9]{1,6}",
        1 => "[ .,;:!?'\"()\n0-9A-Za-z-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

/// A body of composed news-like fragments (occasionally empty).
fn body() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..24).prop_map(|parts| parts.concat())
}

/// How a generated body is dressed as a file.
#[derive(Clone, Copy, Debug)]
enum Wrap {
    Text,
    Markdown,
    MarkdownYaml,
    MarkdownToml,
    TextYaml,
    Html,
    Json,
    /// A JSON array whose first item is the article, every non-ASCII
    /// character escaped as `\uXXXX` (surrogate pairs above the BMP).
    JsonAscii,
}

fn wrap() -> impl Strategy<Value = Wrap> {
    prop_oneof![
        Just(Wrap::Text),
        Just(Wrap::Markdown),
        Just(Wrap::MarkdownYaml),
        Just(Wrap::MarkdownToml),
        Just(Wrap::TextYaml),
        Just(Wrap::Html),
        Just(Wrap::Json),
        Just(Wrap::JsonAscii),
    ]
}

/// The file name and contents of `body` dressed as `wrap`.
fn dress(wrap: Wrap, body: &str) -> (&'static str, String) {
    match wrap {
        Wrap::Text => ("article.txt", body.to_string()),
        Wrap::Markdown => ("article.md", body.to_string()),
        Wrap::MarkdownYaml => (
            "article.md",
            format!(
                "---\ntitle: \"Talks resume\"\noutlet: Harbour Ledger\npublished: 2025-05-11\n---\n{body}"
            ),
        ),
        Wrap::MarkdownToml => (
            "article.md",
            format!("+++\ntitle = \"Talks resume\"\ndate = \"2025-05-11T08:00:00Z\"\n+++\n{body}"),
        ),
        Wrap::TextYaml => (
            "article.txt",
            format!("---\ntitle: Talks resume\n---\n{body}"),
        ),
        Wrap::Html => (
            "article.html",
            format!(
                "<!DOCTYPE html><html><head><title>Talks &amp; truce</title></head>\
                 <body><nav><a href=\"/\">Home</a></nav><article><h1>Talks resume</h1>\
                 <p>{body}</p><p>Aid &amp; fuel arrived &ndash; officials said.</p></article></body></html>"
            ),
        ),
        Wrap::Json => {
            let doc = serde_json::json!({
                "title": "Talks resume",
                "published": "2025-05-11",
                "text": body,
            });
            ("article.json", doc.to_string())
        }
        Wrap::JsonAscii => (
            "article.json",
            format!(
                "[{{\"headline\": \"Talks\", \"content\": {}}},\r\n {{\"title\": \"Other\", \"body\": \"Aid arrived on Monday.\"}}]",
                ascii_json(body)
            ),
        ),
    }
}

/// A JSON string literal with every non-ASCII character and `/` escaped.
fn ascii_json(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04X}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// The text a JSON string's source bytes (without quotes) stand for.
fn json_unescape(quoted: &str) -> Option<String> {
    serde_json::from_str(&format!("\"{quoted}\"")).ok()
}

/// 64 cases keep a debug run to about a second; `PROPTEST_CASES=20000`
/// searches harder.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Checks

fn analyse(article: Article) -> ArticleAnalysis {
    analysis::analyze_article(article, Kb::builtin(), &Options::default())
}

/// A source span is well-formed and `quote` returns exactly its bytes.
fn check_span(a: &ArticleAnalysis, span: Span, what: &str) -> Result<(), TestCaseError> {
    let src = &a.article.source;
    prop_assert!(span.start <= span.end, "{what}: {span:?} is reversed");
    prop_assert!(
        span.end <= src.len(),
        "{what}: {span:?} ends past the source ({} bytes)",
        src.len()
    );
    prop_assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what}: {span:?} is not on char boundaries of {src:?}"
    );
    prop_assert_eq!(
        a.article.quote(span),
        &src[span.start..span.end],
        "{}",
        what
    );
    Ok(())
}

/// Collapses whitespace runs to one space, for comparing Markdown text
/// (where a line break reads as a space) with its source.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters with Markdown meaning, whose source differs from their text.
fn has_markdown_syntax(s: &str) -> bool {
    s.contains([
        '\\', '`', '*', '_', '[', ']', '<', '>', '&', '!', '~', '|', '#',
    ])
}

/// Every invariant of one analysed article.
fn check_analysis(a: &ArticleAnalysis, plain_markdown: bool) -> Result<(), TestCaseError> {
    let article = &a.article;
    for (n, s) in a.sentences.iter().enumerate() {
        check_span(a, s.span, &format!("sentence {n}"))?;
        if article.format == Format::Json {
            // A JSON body maps escape by escape: the quoted source decodes
            // to the sentence.
            let decoded = json_unescape(article.quote(s.span));
            prop_assert_eq!(
                decoded.as_deref(),
                Some(&article.text[s.range.clone()]),
                "sentence {}",
                n
            );
        }
        prop_assert!(s.range.start < s.range.end, "sentence {n} is empty");
        prop_assert!(s.range.end <= article.text.len());
        prop_assert!(
            article.text.is_char_boundary(s.range.start)
                && article.text.is_char_boundary(s.range.end)
        );
    }
    for (n, pair) in a.sentences.windows(2).enumerate() {
        prop_assert!(
            pair[0].range.end <= pair[1].range.start,
            "sentences {n} and {} overlap or are out of order in the text: {:?} {:?}",
            n + 1,
            pair[0].range,
            pair[1].range
        );
        prop_assert!(
            pair[0].span.end <= pair[1].span.start,
            "sentences {n} and {} overlap or are out of order in the source: {:?} {:?}",
            n + 1,
            pair[0].span,
            pair[1].span
        );
    }
    for (n, m) in a.mentions.iter().enumerate() {
        let span = a.span(m);
        check_span(a, span, &format!("mention {n} ({:?})", m.kind))?;
        prop_assert!(m.range.start <= m.range.end && m.range.end <= article.text.len());
        prop_assert!(
            m.sentence < a.sentences.len(),
            "mention {n} names no sentence"
        );
        let sentence = &a.sentences[m.sentence];
        prop_assert!(
            sentence.range.start <= m.range.start && m.range.end <= sentence.range.end,
            "mention {n} {:?} lies outside its sentence {:?}",
            m.range,
            sentence.range
        );
        let in_text = &article.text[m.range.clone()];
        let quoted = article.quote(span);
        match article.format {
            Format::Text => prop_assert_eq!(in_text, quoted, "mention {}", n),
            Format::Markdown if plain_markdown => {
                prop_assert_eq!(squash(in_text), squash(quoted), "mention {}", n);
            }
            Format::Json => {
                let decoded = json_unescape(quoted);
                prop_assert_eq!(decoded.as_deref(), Some(in_text), "mention {}", n);
            }
            _ => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    /// Any body in any dress reads or fails cleanly, and its analysis has
    /// exact positions.
    #[test]
    fn any_article_has_exact_positions(body in body(), wrap in wrap()) {
        let (name, src) = dress(wrap, &body);
        if let Ok(article) = ingest::read_str(name, &src) {
            // A JSON array's article holds only its item's bytes.
            let origin = article.origin.offset;
            prop_assert_eq!(src.get(origin..origin + article.source.len()), Some(article.source.as_str()));
            if article.format == Format::Html && only_known_tags(&body) {
                prop_assert!(!article.text.contains("scriptmarker"), "script text read: {:?}", article.text);
            }
            let plain = !has_markdown_syntax(&body);
            let a = analyse(article);
            check_analysis(&a, plain)?;
        }
    }

    /// Arbitrary unicode (not only the composed fragments) reads or fails
    /// cleanly too.
    #[test]
    fn arbitrary_unicode_has_exact_positions(body in any::<String>(), wrap in wrap()) {
        let (name, src) = dress(wrap, &body);
        if let Ok(article) = ingest::read_str(name, &src) {
            let a = analyse(article);
            check_analysis(&a, false)?;
        }
    }

    /// Plain Markdown (no inline markup) maps mentions back to the same
    /// words, line breaks aside.
    #[test]
    fn plain_markdown_mentions_match_source(
        body in proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(NEWS)
                    .prop_filter("no markup", |s| !has_markdown_syntax(s))
                    .prop_map(str::to_string),
                "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}",
                "[ .,'\n0-9a-z]{0,12}",
            ],
            1..24,
        ).prop_map(|p| p.concat()),
        front in any::<bool>(),
    ) {
        let wrap = if front { Wrap::MarkdownYaml } else { Wrap::Markdown };
        let (name, src) = dress(wrap, &body);
        if let Ok(article) = ingest::read_str(name, &src) {
            let a = analyse(article);
            check_analysis(&a, true)?;
        }
    }

    /// Sentences cover every non-space character, in order, trimmed.
    #[test]
    fn sentences_cover_the_text(
        t in prop_oneof![body(), any::<String>()],
    ) {
        let ranges = sentences::split(&t, 0..t.len());
        let mut last_end = 0;
        for r in &ranges {
            prop_assert!(r.start < r.end, "empty sentence {r:?} in {t:?}");
            prop_assert!(last_end <= r.start, "overlap or disorder at {r:?} in {t:?}: {ranges:?}");
            prop_assert!(r.end <= t.len());
            prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            let piece = &t[r.clone()];
            prop_assert_eq!(piece, piece.trim(), "untrimmed sentence in {:?}", t);
            last_end = r.end;
        }
        for (i, c) in t.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            prop_assert!(
                ranges.iter().any(|r| r.start <= i && i < r.end),
                "{c:?} at {i} is in no sentence of {t:?}: {ranges:?}"
            );
        }
    }

    /// Sentences of a sub-range stay inside it.
    #[test]
    fn sentences_stay_in_their_range(t in body(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        if t.is_empty() {
            return Ok(());
        }
        let floor = |mut i: usize| { while !t.is_char_boundary(i) { i -= 1; } i };
        let (x, y) = (floor(a.index(t.len() + 1)), floor(b.index(t.len() + 1)));
        let range = x.min(y)..x.max(y);
        for r in sentences::split(&t, range.clone()) {
            prop_assert!(range.start <= r.start && r.end <= range.end, "{r:?} outside {range:?}");
        }
    }

    /// Whatever bytes a file holds, reading it never panics: it yields an
    /// error naming the file, or articles whose analysis is exact.
    #[test]
    fn arbitrary_bytes_read_or_fail_cleanly(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..400),
            body().prop_map(String::into_bytes),
            (body(), proptest::collection::vec(any::<u8>(), 0..4), body()).prop_map(|(a, bad, b)| {
                let mut v = a.into_bytes();
                v.extend(bad);
                v.extend(b.into_bytes());
                v
            }),
        ],
        ext in proptest::sample::select(&["txt", "md", "html", "htm", "json", "text", "markdown", "dat", ""][..]),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let name = if ext.is_empty() { "input".to_string() } else { format!("input.{ext}") };
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write input");
        let shown = path.display().to_string();
        let read = ingest::read_inputs(std::slice::from_ref(&path), &ReadOptions::default());
        prop_assert!(
            !read.articles.is_empty() || !read.errors.is_empty(),
            "{shown}: neither an article nor an error"
        );
        for e in &read.errors {
            prop_assert!(e.path.starts_with(&shown), "error {e} does not name {shown}");
            prop_assert!(!e.message.is_empty());
        }
        for article in read.articles {
            prop_assert!(article.path.starts_with(&shown));
            let a = analyse(article);
            check_analysis(&a, false)?;
        }
    }

    /// Analysing A, B gives each article the same mentions as B, A.
    #[test]
    fn analysis_does_not_depend_on_article_order(
        a in (body(), wrap()),
        b in (body(), wrap()),
    ) {
        let read = |(body, wrap): &(String, Wrap), stem: &str| {
            let (name, src) = dress(*wrap, body);
            ingest::read_str(&format!("{stem}-{name}"), &src).ok()
        };
        let (Some(first), Some(second)) = (read(&a, "first"), read(&b, "second")) else {
            return Ok(());
        };
        let forward = analysis::analyze(vec![first.clone(), second.clone()], Kb::builtin(), &Options::default());
        let backward = analysis::analyze(vec![second, first], Kb::builtin(), &Options::default());
        prop_assert_eq!(mentions_by_path(&forward), mentions_by_path(&backward));
    }

    /// Analysing a whole story (alignment, findings) and rendering every
    /// report never panics, and the JSON report quotes each article's
    /// source exactly.
    #[test]
    fn whole_story_analysis_and_reports_never_panic(
        parts in proptest::collection::vec((body(), wrap()), 1..4),
        date in any::<bool>(),
    ) {
        let read: Vec<(Article, String)> = parts
            .iter()
            .enumerate()
            .filter_map(|(n, (body, wrap))| {
                let (name, src) = dress(*wrap, body);
                ingest::read_str(&format!("{n}-{name}"), &src).ok().map(|a| (a, src))
            })
            .collect();
        // Positions in reports are in the file, whatever part of it an
        // article holds.
        let sources: BTreeMap<String, String> = read
            .iter()
            .map(|(a, src)| (a.path.clone(), src.clone()))
            .collect();
        let articles: Vec<Article> = read.into_iter().map(|(a, _)| a).collect();
        let opts = Options {
            date: date.then(|| jiff::civil::date(2025, 5, 11)),
            ..Options::default()
        };
        let story = analysis::analyze(articles, Kb::builtin(), &opts);
        for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Json] {
            for mentions in [false, true] {
                let out = report::render(&story, format, ReportOptions { mentions, color: mentions, review: None });
                prop_assert!(!out.is_empty());
            }
        }
        let json: serde_json::Value =
            serde_json::from_str(&report::json::render(&story)).expect("report is JSON");
        for a in json["articles"].as_array().expect("articles") {
            let source = &sources[a["path"].as_str().expect("path")];
            let items = a["sentences"].as_array().expect("sentences").iter()
                .chain(a["mentions"].as_array().expect("mentions"));
            for item in items {
                let start = usize::try_from(item["start"].as_u64().expect("start")).expect("usize");
                let end = usize::try_from(item["end"].as_u64().expect("end")).expect("usize");
                prop_assert_eq!(source.get(start..end), item["text"].as_str(), "{}", item);
            }
        }
        // Evidence quotes the source exactly too.
        for f in json["findings"].as_array().expect("findings") {
            for e in f["evidence"].as_array().expect("evidence") {
                let source = &sources[e["path"].as_str().expect("path")];
                let start = usize::try_from(e["start"].as_u64().expect("start")).expect("usize");
                let end = usize::try_from(e["end"].as_u64().expect("end")).expect("usize");
                prop_assert_eq!(source.get(start..end), e["text"].as_str(), "{}", f);
            }
        }
    }

    /// `--date` only fills in a date for undated articles and never breaks
    /// positions.
    #[test]
    fn story_date_keeps_positions(body in body(), wrap in wrap()) {
        let (name, src) = dress(wrap, &body);
        if let Ok(article) = ingest::read_str(name, &src) {
            let stated = article.meta.published;
            let opts = Options {
                date: Some(jiff::civil::date(2025, 5, 11)),
                ..Options::default()
            };
            let a = analysis::analyze_article(article, Kb::builtin(), &opts);
            prop_assert_eq!(a.published, Some(stated.unwrap_or(jiff::civil::date(2025, 5, 11))));
            check_analysis(&a, !has_markdown_syntax(&body))?;
        }
    }
}

/// Each article's mentions in the JSON report, by path.
fn mentions_by_path(analysis: &Analysis) -> BTreeMap<String, serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&parallax::report::json::render(analysis)).expect("report is JSON");
    json["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .map(|a| {
            (
                a["path"].as_str().expect("path").to_string(),
                a["mentions"].clone(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Fixed cases found worth keeping

#[test]
fn sample_story_positions_are_exact() {
    for article in parallax::samples::articles().expect("samples read") {
        let a = analyse(article);
        check_analysis(&a, false).expect("sample positions");
    }
}

#[test]
fn directory_of_mixed_files_never_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (wrap, body) in [
        (
            Wrap::Text,
            "Talks resume\n\nMr. Netanyahu said on Sunday that at least 8 people died.",
        ),
        (Wrap::Html, "Hamas &amp; Israel met in Gaza City on Monday."),
        (Wrap::Json, "Line \"one\".\nCaf\u{e9} two on Sunday."),
        (
            Wrap::MarkdownYaml,
            "The **truce** began on [Sunday](http://x.example).",
        ),
    ] {
        let (name, src) = dress(wrap, body);
        let path = dir.path().join(format!("{wrap:?}-{name}"));
        std::fs::write(path, src).expect("write");
    }
    let read = ingest::read_inputs(&[PathBuf::from(dir.path())], &ReadOptions::default());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.articles.len(), 4);
    for article in read.articles {
        check_analysis(&analyse(article), false).expect("positions");
    }
}

/// Every mention of `a` quotes from the source what it says in the text.
fn check_mention_quotes(a: &ArticleAnalysis, src: &str) {
    for m in &a.mentions {
        let quoted = a.article.quote(a.span(m));
        assert_eq!(quoted, &a.article.text[m.range.clone()], "{src:?}");
    }
}

/// Minimised from `plain_markdown_mentions_match_source`: a paragraph made
/// of a no-break space was once dropped from the text while its map run
/// was kept, so the next paragraph's positions pointed into the dropped
/// one.
#[test]
fn markdown_blank_paragraph_keeps_positions() {
    for src in [
        "\u{a0}\n\n.0",
        "Title\n\n&nbsp;\n\nHamas said at least 8 died.",
    ] {
        let article = ingest::read_str("spacer.md", src).expect("reads");
        let a = analyse(article);
        check_analysis(&a, true).expect("positions");
        check_mention_quotes(&a, src);
    }
}

/// Minimised from `any_article_has_exact_positions`: an inline code span
/// was once one atomic run of the source map, so two sentences split
/// inside it both got the whole span and overlapped.
#[test]
fn markdown_code_span_sentences_do_not_overlap() {
    for src in [
        "`? 0`",
        "The site showed `Closed. Reopens Monday` on Sunday.",
    ] {
        let article = ingest::read_str("code.md", src).expect("reads");
        let a = analyse(article);
        check_analysis(&a, false).expect("positions");
        for pair in a.sentences.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "{src:?}: {:?} overlaps {:?}",
                pair[0].span,
                pair[1].span
            );
        }
        check_mention_quotes(&a, src);
    }
}

/// Minimised from `analysis_does_not_depend_on_article_order`: finding
/// "today, Monday" mismatches once sliced the text one byte after the last
/// non-letter before the weekday, inside a multi-byte character.
#[test]
fn weekday_after_multibyte_punctuation_does_not_panic() {
    for body in [
        "Netanyahu\u{2019}s Monday speech drew crowds, officials said.",
        "Crowds gathered\u{2026}on Monday, officials said.",
        "The Red Cross\u{2026}on Monday, January 20 said so.",
    ] {
        let (name, src) = dress(Wrap::MarkdownYaml, body);
        let article = ingest::read_str(name, &src).expect("reads");
        let story = analysis::analyze(vec![article], Kb::builtin(), &Options::default());
        assert_eq!(story.articles.len(), 1);
    }
}
