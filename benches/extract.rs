//! Throughput of the whole per-article pipeline — ingest, sentence
//! splitting and mention extraction — on a generated corpus of news
//! articles, on one core.
//!
//! Run with `cargo bench --bench extract`. Before divan's own report, a
//! warm-up and three timed passes over the corpus print the figure that
//! matters plainly: words of article body per second (best pass, wall
//! clock, and the thread's on-CPU time where Linux reports it).
//!
//! The corpus is generated deterministically (a tiny xorshift generator
//! over hand-written sentence templates), so every run measures the same
//! text: plain-text wire copy with a "Published … GMT" line, Markdown with
//! YAML front matter, and HTML pages with navigation and footers.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use parallax::analysis::{Options, analyze_article};
use parallax::ingest::read_str;
use parallax::kb::Kb;

#[allow(dead_code, reason = "each benchmark uses part of the generator")]
#[path = "corpus.rs"]
mod corpus;
use corpus::{Corpus, Spec, generate, thousands};

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        generate(
            ARTICLES,
            SEED,
            &Spec {
                words: (600, 900),
                one_story: false,
            },
        )
    })
}

/// Articles in the corpus.
const ARTICLES: usize = 1_200;
/// Seed for the generator; change it to get a different (but still fixed) corpus.
const SEED: u64 = 0x5eed_cafe_f00d_0001;

fn main() {
    let kb = Kb::builtin();
    let corpus = corpus();
    // A warm-up pass: checks every article reads, fills caches.
    let (sentences, mentions) = run(corpus, kb);
    let mut best: Option<Pass> = None;
    for _ in 0..3 {
        let cpu = on_cpu();
        let start = Instant::now();
        divan::black_box(run(corpus, kb));
        let wall = start.elapsed();
        let cpu = on_cpu()
            .zip(cpu)
            .map(|(end, start)| end.saturating_sub(start));
        if best.as_ref().is_none_or(|b| wall < b.wall) {
            best = Some(Pass { wall, cpu });
        }
    }
    if let Some(best) = best {
        report(corpus, sentences, mentions, &best);
    }
    divan::main();
}

/// One timed pass over the corpus.
struct Pass {
    wall: Duration,
    /// Time this thread actually ran, where the OS reports it: on a busy
    /// machine wall time also counts waiting for a core.
    cpu: Option<Duration>,
}

/// Time this thread has spent on a CPU (Linux `schedstat`), if known.
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Runs every article through `read_str` and `analyze_article`; returns
/// the number of sentences and mentions found.
fn run(corpus: &Corpus, kb: &Kb) -> (usize, usize) {
    let opts = Options::default();
    let mut sentences = 0;
    let mut mentions = 0;
    for doc in &corpus.docs {
        let article = match read_str(&doc.path, &doc.source) {
            Ok(a) => a,
            Err(e) => panic!("generated article does not read: {e}"),
        };
        let analysis = analyze_article(article, kb, &opts);
        sentences += analysis.sentences.len();
        mentions += analysis.mentions.len();
    }
    (sentences, mentions)
}

#[divan::bench(sample_count = 10, sample_size = 1, max_time = 20)]
fn ingest_split_extract(bencher: Bencher) {
    let kb = Kb::builtin();
    let corpus = corpus();
    bencher
        .counter(ItemsCount::new(corpus.words))
        .counter(BytesCount::new(corpus.bytes))
        .bench(|| run(divan::black_box(corpus), kb));
}

#[expect(
    clippy::cast_precision_loss,
    reason = "word and byte counts are far below 2^52"
)]
fn report(corpus: &Corpus, sentences: usize, mentions: usize, best: &Pass) {
    let words = corpus.words as f64;
    let secs = best.wall.as_secs_f64();
    let (txt, md, html) = corpus.formats();
    // In process: the `mimalloc` feature sets only the binary's allocator.
    eprintln!("allocator: system (in process)");
    eprintln!(
        "corpus: {} articles ({txt} .txt, {md} .md, {html} .html), {} words of body, {:.1} MB of source; {} sentences, {} mentions",
        corpus.docs.len(),
        thousands(corpus.words),
        corpus.bytes as f64 / 1e6,
        thousands(sentences),
        thousands(mentions),
    );
    eprintln!(
        "ingest+extract: {} words in {secs:.2} s = {:.2} M words/s (1 core, best of 3 passes; target >= 1.00 M words/s)",
        thousands(corpus.words),
        words / secs / 1e6,
    );
    if let Some(cpu) = best.cpu {
        let cpu = cpu.as_secs_f64();
        eprintln!(
            "  of which on-CPU {cpu:.2} s = {:.2} M words/s{}",
            words / cpu / 1e6,
            if cpu < secs * 0.9 {
                " (the machine is busy: the wall figure includes waiting for a core)"
            } else {
                ""
            },
        );
    }
    eprintln!("(in the divan table below, \"item/s\" is words of article body per second)");
}
