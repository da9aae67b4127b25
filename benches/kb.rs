//! The cost of a user knowledge base (`parallax kb update`): loading the
//! built-in KB with a 50,000-person user KB over it, in process, and end to
//! end through the release binary on the two seeds, with and without it.
//!
//! Run with `cargo bench --bench kb`. Before divan's table it prints the
//! figures the targets are about:
//! * the two seeds end to end with the built-in KB alone: target ≤ 10 ms;
//! * loading the 50,000-entry user KB: target ≤ 50 ms (in process, and
//!   as the difference it makes end to end).
//!
//! The user KB is what the importer writes for 5,000 offices of ten
//! holders each, 50,000 people in all, made up here (no network, no data
//! set): names, terms and ids in the shape of a real update.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jiff::civil::date;
use parallax::analysis::{Options, analyze};
use parallax::ingest::{ReadOptions, read_inputs};
use parallax::kb::Kb;
use parallax::kb::wikidata::{self, Row, wd_date};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

/// People in the generated user KB.
const PEOPLE: usize = 50_000;
const PER_OFFICE: usize = 10;

fn main() {
    let work = std::env::temp_dir().join(format!("parallax-kb-bench-{}", std::process::id()));
    let data = work.join("data");
    let user_kb = data.join("kb/wikidata.toml");
    std::fs::create_dir_all(user_kb.parent().unwrap()).unwrap();
    std::fs::write(&user_kb, generated_kb()).unwrap();
    let size = std::fs::metadata(&user_kb).unwrap().len();
    USER_KB.set(user_kb.clone()).unwrap();

    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let seeds = if seeds.is_dir() {
        seeds
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
    };
    let empty = work.join("empty");
    let (best, median) = end_to_end(&seeds, &empty, 30);
    println!(
        "seeds, built-in KB: best {} ms, median {} ms (target ≤ 10 ms)",
        ms(best),
        ms(median)
    );
    let (with_best, with_median) = end_to_end(&seeds, &data, 15);
    println!(
        "seeds, with the {PEOPLE}-person user KB ({} MB): best {} ms, median {} ms \
         (the user KB adds {} ms at the median; target ≤ 50 ms)",
        size / 1_000_000,
        ms(with_best),
        ms(with_median),
        ms(with_median.saturating_sub(median))
    );
    let (best, median) = timed(10, || {
        let kb = Kb::with_user_kb(&user_kb, &[] as &[&Path]).unwrap();
        assert!(kb.people.len() >= PEOPLE);
    });
    println!(
        "loading the built-in KB and the user KB in process: best {} ms, median {} ms \
         (target ≤ 50 ms)",
        ms(best),
        ms(median)
    );
    // What a large KB costs the analysis itself (rules that compare names
    // with every KB person), apart from loading it.
    let big = Kb::with_user_kb(&user_kb, &[] as &[&Path]).unwrap();
    for (what, kb) in [("built-in KB", Kb::builtin()), ("with the user KB", &big)] {
        let (best, median) = timed(15, || {
            let read = read_inputs(std::slice::from_ref(&seeds), &ReadOptions::default());
            let _ = analyze(read.articles, kb, &Options::default());
        });
        println!(
            "analysing the seeds in process, {what}: best {} ms, median {} ms",
            ms(best),
            ms(median)
        );
    }
    divan::main();
    let _ = std::fs::remove_dir_all(&work);
}

static USER_KB: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

#[divan::bench(sample_count = 10)]
fn load_user_kb_50k() -> Kb {
    Kb::with_user_kb(USER_KB.get().unwrap(), &[] as &[&Path]).unwrap()
}

/// The importer's file for 5,000 made-up offices of ten holders each.
fn generated_kb() -> String {
    const FIRST: [&str; 16] = [
        "Amara", "Bogdan", "Chen", "Dalia", "Emeka", "Farida", "Goran", "Hana", "Ivo", "Jamila",
        "Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya",
    ];
    const LAST: [&str; 16] = [
        "Abara",
        "Brankovic",
        "Castellanos",
        "Dimitrov",
        "Eze",
        "Fonseca",
        "Gashi",
        "Horvath",
        "Ilunga",
        "Jovanovic",
        "Kamau",
        "Lindqvist",
        "Mbeki",
        "Novak",
        "Okafor",
        "Petrov",
    ];
    let mut rows = Vec::with_capacity(PEOPLE);
    for n in 0..PEOPLE {
        let office = n / PER_OFFICE;
        let k = (n % PER_OFFICE) as i16;
        let year = 1950 + 7 * k;
        // Distinct names: a middle name spelled from the number.
        let middle: String = format!("{n:05}")
            .bytes()
            .map(|d| char::from(b'a' + (d - b'0')))
            .collect();
        let name = format!(
            "{} {}{middle} {}",
            FIRST[n % 16],
            middle[..1].to_ascii_uppercase(),
            LAST[(n / 16) % 16]
        );
        rows.push(Row {
            office: format!("Q{}", 900_000_000 + office),
            office_label: format!("Minister of Affairs {office}"),
            role: "kb".into(),
            holder: format!("Q{}", 800_000_000 + n),
            holder_label: name,
            start: wd_date(&format!("{year}-01-15"), 11),
            end: (k + 1 < PER_OFFICE as i16)
                .then(|| wd_date(&format!("{}-01-15", year + 7), 11))
                .flatten(),
            ..Row::default()
        });
    }
    let (text, _) = wikidata::build(rows, 0, Kb::builtin(), date(2026, 12, 1), "generated");
    text
}

/// Best and median of `runs` runs of the binary on `inputs`, with `data`
/// as the user data directory.
fn end_to_end(inputs: &Path, data: &Path, runs: usize) -> (Duration, Duration) {
    timed(runs, || {
        let status = Command::new(BIN)
            .args(["report", "--format", "json"])
            .arg(inputs)
            .env("PARALLAX_DATA_DIR", data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    })
}

fn timed(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}
