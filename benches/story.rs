//! Story-level performance: the whole analysis — alignment and findings
//! included — in process, and end to end through the release binary
//! (process start to JSON printed, as a user runs it).
//!
//! Run with `cargo bench --bench story` (the binary allocates with
//! mimalloc unless built without the default `mimalloc` feature; the first
//! line says which). Before
//! divan's table it prints the figures the targets are about:
//! * the two seed articles (`../shared/seeds`, or the bundled sample story
//!   when absent), end to end: target ≤ 10 ms;
//! * 20 articles × 1,000 words, end to end: target ≤ 50 ms;
//! * 200 articles (~150k words), end to end: target ≤ 1 s and ≤ 100 MB
//!   peak memory, and 200 articles taking not much more than twice 100.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use divan::Bencher;
use parallax::analysis::{Options, analyze};
use parallax::ingest::{ReadOptions, read_inputs};
use parallax::kb::Kb;

#[allow(dead_code, reason = "each benchmark uses part of the generator")]
#[path = "corpus.rs"]
mod corpus;
use corpus::{Spec, generate, thousands};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

fn main() {
    let work = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let small = if seeds.is_dir() {
        seeds
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
    };
    let twenty = story(&work.join("20"), 20, (950, 1050));
    let hundred = story(&work.join("100"), 100, (700, 800));
    let two_hundred = story(&work.join("200"), 200, (700, 800));

    // The figures below are the binary's, and its allocator is what the
    // `mimalloc` feature changes; the in-process benchmarks use the system
    // allocator either way.
    if cfg!(feature = "mimalloc") {
        println!("allocator: mimalloc in the binary (system in process)");
    } else {
        println!("allocator: system");
    }
    let (best, median) = end_to_end(&small, 30);
    println!(
        "{}: best {} ms, median {} ms (target ≤ 10 ms)",
        small.display(),
        ms(best),
        ms(median)
    );
    let (best, median) = end_to_end(&twenty.0, 10);
    println!(
        "20 articles, {} words: best {} ms, median {} ms (target ≤ 50 ms)",
        thousands(twenty.1),
        ms(best),
        ms(median)
    );
    let (best100, _) = end_to_end(&hundred.0, 5);
    let (best200, median200) = end_to_end(&two_hundred.0, 5);
    println!(
        "200 articles, {} words: best {} ms, median {} ms (target ≤ 1000 ms); 100 articles: {} ms; 200/100 = {:.2}",
        thousands(two_hundred.1),
        ms(best200),
        ms(median200),
        ms(best100),
        best200.as_secs_f64() / best100.as_secs_f64()
    );
    match peak_memory(&two_hundred.0) {
        Some(kb) => println!(
            "200 articles: peak memory {} MB (target ≤ 100 MB)",
            kb / 1024
        ),
        None => println!("200 articles: peak memory not measured (/usr/bin/time is missing)"),
    }
    divan::main();
    let _ = std::fs::remove_dir_all(&work);
}

/// Writes a generated one-story corpus; returns its directory and words.
fn story(dir: &Path, count: usize, words: (usize, usize)) -> (PathBuf, usize) {
    let corpus = generate(
        count,
        0x5eed_0000 + count as u64,
        &Spec {
            words,
            one_story: true,
        },
    );
    let path = corpus.write(dir).expect("write the benchmark corpus");
    (path, corpus.words)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Runs the binary on `dir` `runs` times: best and median wall time.
fn end_to_end(dir: &Path, runs: usize) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(BIN)
                .args(["report", "--format", "json"])
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run parallax");
            assert!(status.success(), "parallax failed on {}", dir.display());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[times.len() / 2])
}

/// Peak resident memory of one run, in KiB, from GNU time.
fn peak_memory(dir: &Path) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M", BIN, "report", "--format", "json"])
        .arg(dir)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn corpus_dir(count: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "parallax-bench-divan-{count}-{}",
        std::process::id()
    ));
    story(&dir, count, (700, 800)).0
}

/// In process: read, analyse (alignment and findings included), render JSON.
fn analyse_dir(dir: &Path) -> usize {
    let read = read_inputs(&[dir.to_path_buf()], &ReadOptions::default());
    let analysis = analyze(read.articles, Kb::builtin(), &Options::default());
    parallax::report::json::render(&analysis).len()
}

#[divan::bench(args = [20, 200], sample_count = 5)]
fn whole_story_in_process(bencher: Bencher, count: usize) {
    let dir = corpus_dir(count);
    let _ = Kb::builtin();
    bencher.bench(|| analyse_dir(&dir));
    let _ = std::fs::remove_dir_all(dir.parent().unwrap_or(&dir));
}
