//! Whole screens of the terminal reader, rendered into a `TestBackend` and
//! snapshotted as text (`cargo insta review` to update), plus checks the
//! text cannot show: colours off under `NO_COLOR`, no control character in
//! any cell, no panic at any size.

use parallax::analysis::{Analysis, Options, analyze};
use parallax::ingest::{ReadOptions, read_inputs};
use parallax::kb::Kb;
use parallax::tui::{App, Drawn, Input, Key, KeyMap, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

mod common;
use common::{NOW, sample};

fn open(path: &str) -> Analysis {
    let path = common::in_crate(path);
    let ingested = read_inputs(&[path], &ReadOptions::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    analyze(ingested.articles, Kb::builtin(), &Options::default())
}

fn press(app: &mut App<'_>, keys: &str) {
    for name in keys.split_whitespace() {
        app.handle(Input::Key(Key::parse(name).unwrap()));
    }
}

/// Renders two frames (the first settles scroll positions, as in the
/// running reader) and returns the buffer.
fn screen(app: &mut App<'_>, w: u16, h: u16) -> Buffer {
    app.handle(Input::Resize(w, h));
    let area = Rect::new(0, 0, w, h);
    let mut drawn = Drawn::default();
    let mut buf = Buffer::empty(area);
    render(app, area, &mut buf, &mut drawn);
    let mut buf = Buffer::empty(area);
    render(app, area, &mut buf, &mut drawn);
    buf
}

/// The buffer as lines of text, trailing blanks trimmed; the cell after a
/// wide character is skipped, as a terminal shows it.
fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn columns() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    insta::assert_snapshot!("columns", text(&screen(&mut app, 160, 45)));
}

#[test]
fn columns_lined_up_on_a_finding() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "n n n");
    let screen = text(&screen(&mut app, 160, 45));
    insta::assert_snapshot!("columns_on_finding", screen);
}

#[test]
fn table() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "v");
    insta::assert_snapshot!("table", text(&screen(&mut app, 160, 45)));
}

#[test]
fn findings_focused_in_a_narrow_terminal() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "tab j j");
    insta::assert_snapshot!("findings", text(&screen(&mut app, 90, 40)));
}

#[test]
fn review_marks_and_note() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    app.clock = || NOW.to_string();
    app.review = parallax::review::Review::new(
        &analysis,
        parallax::review::SessionFile::new(&analysis, "ana", NOW),
        "ana",
    );
    press(
        &mut app,
        // a and r move on to the next finding; N comes back for the note.
        "n a r N e C h e c k e d enter t w i c e esc n s tab",
    );
    insta::assert_snapshot!("review", text(&screen(&mut app, 160, 45)));
    press(&mut app, "k k e");
    insta::assert_snapshot!("note_editor", text(&screen(&mut app, 100, 30)));
}

#[test]
fn gone_decisions_are_listed_when_no_finding_is_selected() {
    let analysis = sample();
    let mut file = parallax::review::SessionFile::new(&analysis, "ana", NOW);
    file.decisions.push(common::gone_decision(None, "ana", NOW));
    let mut app = App::new(&analysis, KeyMap::default());
    app.review = parallax::review::Review::new(&analysis, file, "ana");
    let shown = text(&screen(&mut app, 160, 45));
    assert!(shown.contains("Gone since reviewed (1)"), "{shown}");
    assert!(
        shown.contains("accept    name-variant \"Jon Smiht\""),
        "{shown}"
    );
}

#[test]
fn help() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "?");
    insta::assert_snapshot!("help", text(&screen(&mut app, 100, 35)));
}

#[test]
fn filter_menu() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "f j");
    insta::assert_snapshot!("filter", text(&screen(&mut app, 100, 30)));
}

#[test]
fn tiny_terminal() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "n");
    insta::assert_snapshot!("tiny_text", text(&screen(&mut app, 40, 12)));
    press(&mut app, "tab");
    insta::assert_snapshot!("tiny_findings", text(&screen(&mut app, 40, 12)));
}

#[test]
fn escapes_are_shown_not_sent() {
    let analysis = open("tests/fixtures/tui/escapes.md");
    let mut app = App::new(&analysis, KeyMap::default());
    let buf = screen(&mut app, 100, 30);
    for cell in &buf.content {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}'),
            "a control character reached a cell: {:?}",
            cell.symbol()
        );
    }
    let shown = text(&buf);
    assert!(shown.contains('\u{241b}'), "ESC is shown as ␛:\n{shown}");
    insta::assert_snapshot!("escapes", shown);
}

#[test]
fn no_color_uses_no_colour_but_still_marks_findings() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    app.color = false;
    press(&mut app, "n");
    let buf = screen(&mut app, 160, 45);
    let mut underlined = 0;
    for cell in &buf.content {
        assert_eq!(cell.fg, Color::Reset, "colour at {:?}", cell.symbol());
        assert_eq!(cell.bg, Color::Reset, "colour at {:?}", cell.symbol());
        if cell.modifier.contains(Modifier::UNDERLINED) {
            underlined += 1;
        }
    }
    assert!(underlined > 0, "evidence is underlined without colour");
    insta::assert_snapshot!("no_color", text(&buf));
}

#[test]
fn any_size_renders_without_panic() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    for keys in ["", "n", "v", "tab", "tab tab", "?", "f", "/ t h e"] {
        press(&mut app, "esc esc");
        press(&mut app, keys);
        for w in [0, 1, 2, 5, 13, 20, 39, 40, 41, 79, 120, 250] {
            for h in [0, 1, 2, 3, 5, 11, 12, 19, 20, 60] {
                screen(&mut app, w, h);
            }
        }
    }
}

/// The cells showing `needle` on screen row `y`, searching from column `from`.
fn cells_of(buf: &Buffer, y: u16, from: u16, needle: &str) -> Option<Vec<(u16, u16)>> {
    let row: Vec<(u16, String)> = (from..buf.area.width)
        .map(|x| (x, buf[(x, y)].symbol().to_string()))
        .collect();
    let line: String = row.iter().map(|(_, s)| s.as_str()).collect();
    let at = line.find(needle)?;
    let start = line[..at].chars().count();
    Some(
        row[start..start + needle.chars().count()]
            .iter()
            .map(|(x, _)| (*x, y))
            .collect(),
    )
}

#[test]
fn aligned_statements_mark_the_words_that_differ() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    // The number conflict: 95 prisoners in one source, 90 in the others.
    let nc = analysis
        .findings
        .iter()
        .position(|f| f.kind.as_str() == "number-conflict")
        .unwrap();
    for _ in 0..=nc {
        press(&mut app, "n");
    }
    let buf = screen(&mut app, 160, 45);
    let mut differing = Vec::new();
    for y in 0..buf.area.height {
        for number in ["95", "90"] {
            let mut from = 0;
            while let Some(cells) = cells_of(&buf, y, from, &format!("{number} Palestinian")) {
                let cell = &buf[cells[0]];
                differing.push((number, cell.modifier.contains(Modifier::BOLD)));
                from = cells[0].0 + 1;
            }
        }
    }
    assert!(
        differing.iter().any(|&(n, bold)| n == "95" && bold),
        "{differing:?}"
    );
    assert!(
        differing.iter().any(|&(n, bold)| n == "90" && bold),
        "{differing:?}"
    );
}

#[test]
fn a_click_selects_what_was_drawn_there() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    app.handle(Input::Resize(160, 45));
    let area = Rect::new(0, 0, 160, 45);
    let mut drawn = Drawn::default();
    let mut buf = Buffer::empty(area);
    render(&app, area, &mut buf, &mut drawn);
    // A word of the second column's text.
    let (x, y) = (0..45)
        .find_map(|y| cells_of(&buf, y, 41, "Three Israeli hostages").map(|c| c[0]))
        .unwrap();
    let target = drawn.target(&app, x + 3, y).unwrap();
    app.handle(Input::Click(target));
    let article = &analysis.articles[app.cursor.article];
    let sentence = &article.article.text[article.sentences[app.cursor.sentence].range.clone()];
    assert_eq!(app.cursor.article, 1);
    assert!(sentence.starts_with("Three Israeli hostages"), "{sentence}");
    // A row of the findings list.
    let (x, y) = (0..45)
        .find_map(|y| cells_of(&buf, y, 0, "name-variant").map(|c| c[0]))
        .unwrap();
    app.handle(Input::Click(drawn.target(&app, x, y).unwrap()));
    assert_eq!(app.focus, parallax::tui::Focus::Findings);
    assert_eq!(
        analysis.findings[app.finding.unwrap()].kind.as_str(),
        "name-variant"
    );
}

/// The screen row `y` as text.
fn row(buf: &Buffer, y: u16) -> String {
    text(buf)
        .lines()
        .nth(usize::from(y))
        .unwrap_or("")
        .to_string()
}

#[test]
fn at_80x24_the_bars_keep_the_position_the_progress_and_the_way_out() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    let buf = screen(&mut app, 80, 24);
    let top = row(&buf, 0);
    assert!(top.contains("articles 1–2 of 4"), "{top}");
    assert!(top.contains("reviewed 0/7"), "{top}");
    let bottom = row(&buf, 23);
    assert!(
        bottom.contains("? help") && bottom.contains("q quit"),
        "{bottom}"
    );
    // At 40 columns too.
    let buf = screen(&mut app, 40, 12);
    let top = row(&buf, 0);
    assert!(
        top.contains("articles 1–1 of 4") && top.contains("reviewed 0/7"),
        "{top}"
    );
    assert!(row(&buf, 11).contains("? help  q quit"));
}

#[test]
fn at_40x12_the_findings_title_stands_alone() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "n tab");
    let buf = screen(&mut app, 40, 12);
    let border = row(&buf, 1);
    assert!(border.starts_with("┌ Findings 1/7 ─"), "{border}");
    // The filter on the right, apart from it.
    assert!(border.ends_with("─ all findings ┐"), "{border}");
}

#[test]
fn a_summary_cut_short_ends_with_an_ellipsis_at_a_word() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "tab");
    let buf = screen(&mut app, 90, 40);
    let shown = text(&buf);
    let mut cut = 0;
    for f in &analysis.findings {
        let head: String = f.summary.chars().take(12).collect();
        let line = shown
            .lines()
            .find(|l| l.contains(f.kind.as_str()) && l.contains(&head))
            .expect("listed");
        let at = line.find(&head).unwrap();
        let rest = line[at..].trim_end_matches('│').trim_end();
        if rest != f.summary {
            cut += 1;
            let kept = rest
                .strip_suffix('…')
                .unwrap_or_else(|| panic!("no …: {rest}"));
            assert!(f.summary.starts_with(kept), "{rest}");
            // Cut between words.
            let next = f.summary[kept.len()..].chars().next().unwrap();
            assert!(!next.is_alphanumeric(), "{rest}");
        }
    }
    assert!(cut > 0, "no summary was cut at 90 columns:\n{shown}");
}

#[test]
fn help_says_how_n_and_verdicts_behave() {
    let analysis = sample();
    let mut app = App::new(&analysis, KeyMap::default());
    press(&mut app, "?");
    let shown = text(&screen(&mut app, 100, 50));
    assert!(
        shown.contains("While a search is shown, n / N go to its matches"),
        "{shown}"
    );
    assert!(
        shown.contains("After a verdict the next finding is selected"),
        "{shown}"
    );
    assert!(shown.contains("U is left free"), "{shown}");
    assert!(shown.contains("show only undecided findings"), "{shown}");
}
