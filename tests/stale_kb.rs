//! Stale-KB awareness: when an article is dated after the knowledge base's
//! `as_of` day, the reader's top bar and every prose report say so once,
//! with the command that refreshes it; from the one `Analysis` value. Not
//! for articles the KB covers (the seeds, the sample story).

use parallax::analysis::{Analysis, Options, StaleKb, analyze};
use parallax::ingest::read_str;
use parallax::kb::Kb;
use parallax::report::{ReportFormat, ReportOptions, render};
use parallax::tui::{App, Drawn, Input, KeyMap, render as draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod common;

fn story(dates: &[&str]) -> Analysis {
    let read = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let src = format!(
                "Talks go on\nPublished {date}\n\nPresident Donald Trump met Secretary of State Marco Rubio on Monday.\n"
            );
            read_str(&format!("a{i}.txt"), &src).unwrap()
        })
        .collect();
    analyze(read, Kb::builtin(), &Options::default())
}

#[test]
fn articles_past_the_kb_date_make_the_analysis_say_so() {
    let as_of = Kb::builtin().as_of.unwrap();
    let a = story(&["March 3, 2026", "January 5, 2026", "May 11, 2025"]);
    let stale = a.stale_kb.expect("two articles are dated after the KB");
    assert_eq!(stale.as_of, as_of);
    assert_eq!(stale.latest, jiff::civil::date(2026, 3, 3));
    assert_eq!(stale.articles, 2);
    assert!(stale.message().contains(StaleKb::REFRESH));
    assert!(stale.message().contains(&as_of.to_string()));

    assert_eq!(story(&["May 11, 2025"]).stale_kb, None);
    assert_eq!(
        common::sample().stale_kb,
        None,
        "the sample story is covered"
    );
}

#[test]
fn every_prose_report_says_it_once_and_json_carries_it() {
    let a = story(&["March 3, 2026"]);
    let refresh = StaleKb::REFRESH;
    for format in [ReportFormat::Text, ReportFormat::Md, ReportFormat::Html] {
        let out = render(&a, format, ReportOptions::default());
        assert_eq!(out.matches(refresh).count(), 1, "{format:?}:\n{out}");
        assert!(out.contains("complete to"), "{format:?}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&render(&a, ReportFormat::Json, ReportOptions::default())).unwrap();
    let stale = &json["stale_kb"];
    assert_eq!(stale["as_of"], Kb::builtin().as_of.unwrap().to_string());
    assert_eq!(stale["latest"], "2026-03-03");
    assert_eq!(stale["articles"], 1);
    assert_eq!(stale["refresh"], refresh);
    // Covered articles: no note, and the JSON has no such key.
    let covered = story(&["May 11, 2025"]);
    for format in [
        ReportFormat::Text,
        ReportFormat::Md,
        ReportFormat::Html,
        ReportFormat::Json,
    ] {
        let out = render(&covered, format, ReportOptions::default());
        assert!(!out.contains(refresh), "{format:?}");
        assert!(!out.contains("stale_kb"), "{format:?}");
    }
}

fn top_line(analysis: &Analysis, width: u16) -> String {
    let mut app = App::new(analysis, KeyMap::default());
    app.handle(Input::Resize(width, 30));
    let area = Rect::new(0, 0, width, 30);
    let mut drawn = Drawn::default();
    let mut buf = Buffer::empty(area);
    draw(&app, area, &mut buf, &mut drawn);
    (0..width).map(|x| buf[(x, 0)].symbol()).collect()
}

#[test]
fn the_reader_top_bar_says_it_with_the_command() {
    let a = story(&["March 3, 2026", "January 5, 2026"]);
    let wide = top_line(&a, 200);
    assert_eq!(wide.matches(StaleKb::REFRESH).count(), 1, "{wide}");
    let narrow = top_line(&a, 70);
    assert!(
        narrow.contains("KB out of date") || narrow.contains(StaleKb::REFRESH),
        "{narrow}"
    );
    let covered = top_line(&story(&["May 11, 2025"]), 200);
    assert!(!covered.contains("KB"), "{covered}");
}
