//! Reports carry the review: every format shows each finding's verdict,
//! note, reviewer and time; text and Markdown group findings by verdict;
//! decisions whose finding is gone are listed; and without a session every
//! report reads as it did before sessions existed.

use parallax::analysis::{Analysis, Options, analyze};
use parallax::detect::FindingKind;
use parallax::kb::Kb;
use parallax::model::Article;
use parallax::report::{self, ReportFormat, ReportOptions, json, markdown, text};
use parallax::review::{Review, SessionFile, Verdict};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag};
use serde_json::Value;

mod common;
use common::{LATER, NOW, sample};

/// A note written to break every format: Markdown (a table, a heading, a
/// list, HTML, code), the terminal (an escape sequence), and lines.
const HOSTILE: &str = "checked | the wire copy\n| a | b |\n|---|---|\n# not a heading\n\
                       - not a list\n1. not a list\n    not code\n\u{1b}[31mred\u{1b}[0m \
                       <b>raw</b> **loud** `tick` back\\";

/// Finding 0 accepted, finding 1 rejected with the hostile note.
fn reviewed(analysis: &Analysis) -> Review {
    let mut review = Review::new(analysis, SessionFile::new(analysis, "ana", NOW), "ana");
    review.decide(analysis, &[0], Verdict::Accept, NOW);
    review.decide(analysis, &[1], Verdict::Reject, NOW);
    review.note(analysis, 1, HOSTILE, NOW);
    review
}

/// A session holding one decision on a finding no analysis has.
fn with_gone(analysis: &Analysis) -> Review {
    let mut file = SessionFile::new(analysis, "ana", NOW);
    file.decisions.push(common::gone_decision(
        Some("fixed | in the\ncorrection"),
        "ben",
        LATER,
    ));
    Review::new(analysis, file, "ana")
}

fn render(analysis: &Analysis, format: ReportFormat, review: &Review) -> String {
    let opts = ReportOptions {
        review: Some(review),
        ..ReportOptions::default()
    };
    report::render(analysis, format, opts)
}

/// Where `needle` first occurs, failing the test when it does not.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{haystack}"))
}

#[test]
fn without_a_session_no_report_mentions_a_review() {
    let analysis = sample();
    for mentions in [false, true] {
        let none = ReportOptions {
            mentions,
            ..ReportOptions::default()
        };
        let text = text::render(&analysis, none);
        let md = markdown::render(&analysis, none);
        for word in ["verdict", "reviewed", "== ", "Accepted", "No longer found"] {
            assert!(!text.contains(word), "{word} in text");
            assert!(!md.contains(word), "{word} in Markdown");
        }
        assert!(md.contains("\n## Findings\n"));
        assert!(md.contains("| kind | high | medium | low | total |\n|---|---|---|---|---|\n"));
    }
    let plain = json::render(&analysis);
    assert_eq!(
        plain,
        report::render(&analysis, ReportFormat::Json, ReportOptions::default())
    );
    let v: Value = serde_json::from_str(&plain).unwrap();
    assert!(v.get("review").is_none());
    let mut keys: Vec<&str> = v["findings"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "change_over_time",
            "confidence",
            "evidence",
            "explanation",
            "id",
            "kind",
            "note",
            "reference",
            "severity",
            "suggestion",
            "summary",
            "verdict"
        ],
        "a finding gains no keys"
    );
    assert!(plain.contains(
        "\"change_over_time\": false,\n      \"verdict\": null,\n      \"note\": null\n    }"
    ));
    assert!(v["findings"][0]["verdict"].is_null());
}

#[test]
fn text_groups_by_verdict_and_shows_who_decided_when() {
    let analysis = sample();
    let review = reviewed(&analysis);
    let out = render(&analysis, ReportFormat::Text, &review);
    let n = analysis.findings.len();
    let accepted = at(&out, "\n== accepted (1) ==\n");
    let undecided = at(&out, &format!("\n== undecided ({}) ==\n", n - 2));
    let rejected = at(&out, "\n== rejected (1) ==\n");
    assert!(accepted < undecided && undecided < rejected);
    let first = at(&out, &format!("= id: {} ", analysis.findings[0].id));
    let second = at(&out, &format!("= id: {} ", analysis.findings[1].id));
    assert!(
        accepted < first && first < undecided,
        "finding 0 is accepted"
    );
    assert!(rejected < second, "finding 1 is rejected");
    assert!(out[first..].contains("\n  = verdict: accept by ana at 2026-11-21T10:00:00Z\n"));
    assert!(out[second..].contains("\n  = verdict: reject by ana at 2026-11-21T10:00:00Z\n"));
    assert!(out[undecided..rejected].contains("\n  = verdict: none (not reviewed)\n"));
    assert!(out.ends_with(&format!(" 2 of {n} reviewed\n")), "{out}");
}

#[test]
fn text_notes_are_indented_and_never_reach_the_terminal_raw() {
    let analysis = sample();
    let review = reviewed(&analysis);
    for color in [false, true] {
        let opts = ReportOptions {
            color,
            review: Some(&review),
            ..ReportOptions::default()
        };
        let out = text::render(&analysis, opts);
        assert!(out.contains(
            "  = reviewer's note: checked | the wire copy\n                     | a | b |\n                     |---|---|\n"
        ));
        assert!(out.contains("\n                     \u{FFFD}[31mred\u{FFFD}[0m <b>raw</b>"));
        assert!(
            !out.contains("\u{1b}[31mred"),
            "the note's escape is cleaned"
        );
        if !color {
            assert!(!out.contains('\u{1b}'));
        }
    }
}

#[test]
fn markdown_groups_by_verdict_and_counts_verdicts_in_the_summary() {
    let analysis = sample();
    let review = reviewed(&analysis);
    let out = render(&analysis, ReportFormat::Md, &review);
    let n = analysis.findings.len();
    assert!(out.contains(
        "| kind | high | medium | low | total | accepted | rejected | skipped | undecided |\n\
         |---|---|---|---|---|---|---|---|---|\n"
    ));
    assert!(out.contains(&format!(
        "| **all** | | | | **{n}** | **1** | **1** | **0** | **{}** |\n",
        n - 2
    )));
    assert!(out.contains(&format!(
        "\n**Reviewed:** 2 of {n} findings accepted or rejected"
    )));
    let accepted = at(&out, "\n## Accepted (1)\n");
    let undecided = at(&out, &format!("\n## Undecided ({})\n", n - 2));
    let rejected = at(&out, "\n## Rejected (1)\n");
    assert!(accepted < undecided && undecided < rejected);
    let first = at(&out, &format!("<sub>id `{}`", analysis.findings[0].id));
    assert!(accepted < first && first < undecided);
    assert!(out[accepted..].contains("\n**Verdict:** accept by ana · 2026-11-21T10:00:00Z\n"));
    assert!(out[rejected..].contains("\n**Verdict:** reject by ana · 2026-11-21T10:00:00Z\n"));
    assert!(out[undecided..rejected].contains("\n**Verdict:** none yet\n"));
}

/// Headings, tables and the note as Markdown reads them.
struct Parsed {
    headings: usize,
    tables: usize,
    lists: usize,
    code: usize,
    html: Vec<String>,
    text: String,
}

fn parse(md: &str) -> Parsed {
    let mut parsed = Parsed {
        headings: 0,
        tables: 0,
        lists: 0,
        code: 0,
        html: Vec::new(),
        text: String::new(),
    };
    let options = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => parsed.headings += 1,
            Event::Start(Tag::Table(_)) => parsed.tables += 1,
            Event::Start(Tag::List(_)) => parsed.lists += 1,
            Event::Start(Tag::CodeBlock(_)) => parsed.code += 1,
            Event::Html(h) | Event::InlineHtml(h) => parsed.html.push(h.to_string()),
            Event::Text(t) | Event::Code(t) => parsed.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => parsed.text.push('\n'),
            _ => {}
        }
    }
    parsed
}

#[test]
fn markdown_notes_read_as_typed_and_do_not_break_the_layout() {
    let analysis = sample();
    let without = parse(&markdown::render(&analysis, ReportOptions::default()));
    let review = reviewed(&analysis);
    let out = render(&analysis, ReportFormat::Md, &review);
    let with = parse(&out);
    // Three verdict sections replace the one findings heading.
    assert_eq!(with.headings, without.headings + 2);
    assert_eq!(with.tables, without.tables, "the note made no table");
    assert_eq!((with.lists, with.code), (without.lists, without.code));
    assert!(
        with.html.iter().all(|h| h == "<sub>" || h == "</sub>"),
        "{:?}",
        with.html
    );
    let shown = HOSTILE
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .replace('\u{1b}', "\u{FFFD}");
    assert!(
        with.text.contains(&format!("Note: {shown}")),
        "{}",
        with.text
    );
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn json_carries_each_verdict_and_the_session() {
    let analysis = sample();
    let review = reviewed(&analysis);
    let v: Value = serde_json::from_str(&render(&analysis, ReportFormat::Json, &review)).unwrap();
    let n = analysis.findings.len();
    let r = &v["review"];
    assert_eq!(r["reviewer"], "ana");
    assert_eq!(
        (r["created"].as_str(), r["updated"].as_str()),
        (Some(NOW), Some(NOW))
    );
    assert_eq!(r["reviewed"], 2);
    assert_eq!(r["total"], n);
    assert_eq!(
        r["by_verdict"],
        serde_json::json!({"accept": 1, "reject": 1, "skip": 0, "undecided": n - 2})
    );
    assert_eq!(r["gone"], serde_json::json!([]));
    let f = &v["findings"];
    assert_eq!(f[0]["verdict"], "accept");
    assert_eq!(f[0]["reviewer"], "ana");
    assert_eq!(f[0]["reviewed_at"], NOW);
    assert_eq!(f[0]["changed_since_review"], false);
    assert!(f[0]["note"].is_null());
    assert_eq!(f[1]["verdict"], "reject");
    assert_eq!(f[1]["note"], HOSTILE);
    for key in ["verdict", "note", "reviewer", "reviewed_at"] {
        assert!(f[2][key].is_null(), "{key} of an undecided finding");
    }
    assert_eq!(f[2]["changed_since_review"], false);
}

#[test]
fn a_skip_is_reported_as_skip_and_counted_undecided_in_the_sections() {
    let analysis = sample();
    let mut review = reviewed(&analysis);
    review.decide(&analysis, &[2], Verdict::Skip, LATER);
    let v: Value = serde_json::from_str(&render(&analysis, ReportFormat::Json, &review)).unwrap();
    assert_eq!(v["findings"][2]["verdict"], "skip");
    assert_eq!(v["review"]["by_verdict"]["skip"], 1);
    assert_eq!(v["review"]["reviewed"], 2);
    let out = render(&analysis, ReportFormat::Text, &review);
    let undecided = at(&out, "\n== undecided (");
    let rejected = at(&out, "\n== rejected (");
    let skip = at(&out, "  = verdict: skip by ana at 2026-11-22T09:30:00Z\n");
    assert!(undecided < skip && skip < rejected);
}

/// The sample story with one article's text edited.
fn edited(from: &str, to: &str) -> Analysis {
    let articles: Vec<Article> = parallax::samples::articles()
        .unwrap()
        .into_iter()
        .map(|a| {
            if !a.source.contains(from) {
                return a;
            }
            let mut read = parallax::ingest::read_str(&a.path, &a.source.replace(from, to))
                .expect("edited article reads");
            read.id.clone_from(&a.id);
            read
        })
        .collect();
    analyze(articles, Kb::builtin(), &Options::default())
}

#[test]
fn a_verdict_on_changed_evidence_is_undecided_and_says_so() {
    let analysis = sample();
    let nv = |a: &Analysis| {
        a.findings
            .iter()
            .position(|f| f.kind == FindingKind::NameVariant)
            .expect("a name variant")
    };
    let mut review = Review::new(&analysis, SessionFile::new(&analysis, "ana", NOW), "ana");
    review.decide(&analysis, &[nv(&analysis)], Verdict::Accept, NOW);
    let changed = edited("Anthony Blinkin", "Anthony Blinkn");
    let again = Review::new(&changed, review.file.clone(), "ana");

    let out = render(&changed, ReportFormat::Text, &again);
    let line = at(
        &out,
        "  = changed since reviewed (was: accept by ana at 2026-11-21T10:00:00Z)\n",
    );
    assert!(at(&out, "\n== undecided (") < line);
    assert!(!out.contains("== accepted"));

    let md = render(&changed, ReportFormat::Md, &again);
    assert!(md.contains(
        "**Verdict:** accept by ana · 2026-11-21T10:00:00Z · **changed since reviewed:**"
    ));

    let v: Value = serde_json::from_str(&render(&changed, ReportFormat::Json, &again)).unwrap();
    let f = &v["findings"][nv(&changed)];
    assert_eq!(f["verdict"], "accept");
    assert_eq!(f["changed_since_review"], true);
    assert_eq!(v["review"]["by_verdict"]["accept"], 0);
    assert_eq!(v["review"]["reviewed"], 0);
}

#[test]
fn gone_decisions_are_listed_in_every_format() {
    let analysis = sample();
    let review = with_gone(&analysis);
    assert_eq!(review.gone().len(), 1);

    let out = render(&analysis, ReportFormat::Text, &review);
    let gone = at(&out, "\n== gone (1): no longer found ==\n");
    assert!(at(&out, "\n== undecided (") < gone);
    assert!(out[gone..].contains(
        "retracted.txt: gone[name-variant]: \"Jon Smiht\" looks like a misspelling of John Smith\n  \
         = id: nv-000000000000\n  = verdict: accept by ben at 2026-11-22T09:30:00Z\n  \
         = reviewer's note: fixed | in the\n                     correction\n"
    ));

    let md = render(&analysis, ReportFormat::Md, &review);
    let gone = at(&md, "\n## No longer found (1)\n");
    assert!(md[gone..].contains(
        "\n### `name-variant` — \"Jon Smiht\" looks like a misspelling of John Smith\n\n\
         **Verdict:** accept by ben · 2026-11-22T09:30:00Z\n\n\
         > **Note:** fixed \\| in the\\\n> correction\n\n\
         <sub>id `nv-000000000000` · in `retracted.txt`</sub>\n"
    ));

    let v: Value = serde_json::from_str(&render(&analysis, ReportFormat::Json, &review)).unwrap();
    assert_eq!(
        v["review"]["gone"],
        serde_json::json!([{
            "finding": "nv-000000000000",
            "kind": "name-variant",
            "summary": "\"Jon Smiht\" looks like a misspelling of John Smith",
            "verdict": "accept",
            "note": "fixed | in the\ncorrection",
            "reviewer": "ben",
            "at": LATER,
        }])
    );
}
