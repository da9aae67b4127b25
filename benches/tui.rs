//! Keypress to rendered frame in the reader: `update` and a full render
//! into a 160×45 buffer, on a story of 20 articles × 1,000 words.
//! Target: ≤ 10 ms a key. Run with `cargo bench --bench tui`; the figure
//! per key is printed before divan's table.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use parallax::analysis::{Analysis, Options, analyze};
use parallax::ingest::{ReadOptions, read_inputs};
use parallax::kb::Kb;
use parallax::tui::{App, Drawn, Input, Key, KeyMap, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[allow(dead_code, reason = "each benchmark uses part of the generator")]
#[path = "corpus.rs"]
mod corpus;
use corpus::{Spec, generate, thousands};

static STORY: LazyLock<(Analysis, usize)> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("parallax-bench-tui-{}", std::process::id()));
    let corpus = generate(
        20,
        0x5eed_0020,
        &Spec {
            words: (950, 1050),
            one_story: true,
        },
    );
    let path = corpus.write(&dir).expect("write the benchmark corpus");
    let read = read_inputs(&[path], &ReadOptions::default());
    let analysis = analyze(read.articles, Kb::builtin(), &Options::default());
    let _ = std::fs::remove_dir_all(&dir);
    (analysis, corpus.words)
});

const AREA: Rect = Rect {
    x: 0,
    y: 0,
    width: 160,
    height: 45,
};

/// Keys a reader presses, in a loop: moving, switching article, visiting
/// findings, the table and back, a search.
const KEYS: &[&str] = &[
    "j", "j", "l", "n", "n", "k", "h", "G", "g", "tab", "j", "enter", "v", "j", "v", "N",
    "pagedown",
];

/// One key: update, then a full frame.
fn press(app: &mut App<'_>, drawn: &mut Drawn, key: Key) {
    app.handle(Input::Key(key));
    let mut buf = Buffer::empty(AREA);
    render(app, AREA, &mut buf, drawn);
}

fn main() {
    let (analysis, words) = &*STORY;
    let mut app = App::new(analysis, KeyMap::default());
    app.handle(Input::Resize(AREA.width, AREA.height));
    let mut drawn = Drawn::default();
    let keys: Vec<Key> = KEYS.iter().map(|k| Key::parse(k).unwrap()).collect();
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..20 {
        for &key in &keys {
            let start = Instant::now();
            press(&mut app, &mut drawn, key);
            if round > 0 {
                times.push(start.elapsed());
            }
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
    // In process: the `mimalloc` feature sets only the binary's allocator.
    println!("allocator: system (in process)");
    println!(
        "keypress to frame, 20 articles ({} words, {} findings), 160×45: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms (target ≤ 10 ms)",
        thousands(*words),
        analysis.findings.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    divan::main();
}

/// One key press and frame, for each kind of key.
#[divan::bench(args = ["j", "l", "n", "v", "tab"])]
fn key_to_frame(bencher: divan::Bencher, key: &str) {
    let (analysis, _) = &*STORY;
    let mut app = App::new(analysis, KeyMap::default());
    app.handle(Input::Resize(AREA.width, AREA.height));
    let mut drawn = Drawn::default();
    let key = Key::parse(key).unwrap();
    // Toggling keys come back to where they started every second press.
    bencher.bench_local(|| press(&mut app, &mut drawn, key));
}
