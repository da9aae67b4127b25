//! Loads and indexes the embedded knowledge base at build time, with the
//! crate's own loader (`src/kb`), and writes to `OUT_DIR/kb`:
//! * `builtin.rs`: the loaded, indexed KB as a `static` (`src/kb/emit.rs`).
//!   Parsing and indexing it at every start cost most of a small run.
//! * `*.json` and `sources.rs`: the files converted to JSON (faster to load
//!   than TOML), for runs that add files with `--kb` and so load the whole
//!   KB at run time.

use std::fmt::Write as _;
use std::path::Path;

/// The embedded files, in load order.
const LOAD_ORDER: &[&str] = &[
    "meta",
    "countries",
    "us",
    "g20",
    "mena",
    "heads",
    "events",
    "organizations",
    "places",
];

/// The file a maintainer's `parallax kb update -o assets/kb/wikidata.toml`
/// writes: loaded last, over the hand-written files, when it is there.
const IMPORTED: &str = "wikidata";

#[path = "src/kb"]
#[allow(
    dead_code,
    reason = "the build loads and writes the KB; it asks nothing of it"
)]
mod kb {
    mod data;
    mod emit;
    mod index;
    mod load;
    mod model;

    /// Loads named TOML texts and writes the result as Rust source.
    pub fn generate(files: &[(String, String)]) -> String {
        let parsed = files
            .iter()
            .map(|(name, text)| {
                let file = load::parse_toml(name, text).unwrap_or_else(|e| panic!("{e}"));
                (name.as_str(), file)
            })
            .collect();
        let kb = load::from_files(parsed).unwrap_or_else(|e| panic!("{e}"));
        emit::kb(&kb)
    }
}

#[path = "src/text/fold.rs"]
pub mod fold;
#[path = "src/text/tokens.rs"]
#[allow(dead_code, reason = "the KB loader uses part of the tokenizer")]
pub mod tokens;

#[path = "src/lexicon.rs"]
#[allow(dead_code, reason = "the build reads two lexicon files as lists")]
mod lexicon;

/// What `src/kb` uses of the crate's `text` module.
mod text {
    pub use super::fold::fold;
    pub use super::tokens;
}

/// `crate::par::map` without threads.
mod par {
    pub fn map<T, R>(items: Vec<T>, f: impl Fn(T) -> R) -> Vec<R> {
        items.into_iter().map(f).collect()
    }
}

fn main() {
    let src = Path::new("assets/kb");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("kb");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/kb");
    println!("cargo:rerun-if-changed=assets/kb");
    let mut present: Vec<String> = std::fs::read_dir(src)
        .expect("assets/kb exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    present.sort_unstable();
    let imported = present.iter().any(|p| p == IMPORTED);
    present.retain(|p| p != IMPORTED);
    let mut listed: Vec<String> = LOAD_ORDER.iter().map(ToString::to_string).collect();
    listed.sort_unstable();
    assert_eq!(
        present, listed,
        "assets/kb: the TOML files and build.rs's LOAD_ORDER must name the same files"
    );
    let mut files = Vec::new();
    let mut sources = String::from("&[\n");
    let order = LOAD_ORDER.iter().chain(imported.then_some(&IMPORTED));
    for name in order {
        let path = src.join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable KB file");
        let table: toml::Table = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&table).expect("TOML values convert to JSON");
        assert!(
            !json.contains("$__toml_private_datetime"),
            "{}: write dates as quoted strings (\"2025-01-20\"), see SCHEMA.md",
            path.display()
        );
        let json_path = out.join(format!("{name}.json"));
        std::fs::write(&json_path, json).expect("write OUT_DIR/kb");
        writeln!(
            sources,
            "    ({:?}, include_str!({:?})),",
            path.display().to_string(),
            json_path.display().to_string()
        )
        .expect("writing to a String");
        files.push((path.display().to_string(), text));
    }
    sources.push(']');
    std::fs::write(out.join("sources.rs"), sources).expect("write OUT_DIR/kb");
    std::fs::write(out.join("builtin.rs"), kb::generate(&files)).expect("write OUT_DIR/kb");
    given_names(out.parent().expect("OUT_DIR"));
}

/// `given_names.rs`: the given-name lexicon lower-cased and folded, sorted
/// for binary search (`src/extract/words.rs`).
fn given_names(out: &Path) {
    let path = "assets/lexicon/given-names.txt";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).expect("readable lexicon");
    // Read once per build: leaking it gives the `'static` text the reader wants.
    let names = lexicon::list(text.leak());
    let mut code = String::new();
    for (name, form) in [
        ("LOWER", str::to_lowercase as fn(&str) -> String),
        ("FOLDED", fold::fold),
    ] {
        let mut list: Vec<String> = names.iter().map(|n| form(n)).collect();
        list.sort_unstable();
        list.dedup();
        // One text and end offsets: no pointer per name to relocate.
        let ends: Vec<usize> = list
            .iter()
            .scan(0, |end, n| {
                *end += n.len();
                Some(*end)
            })
            .collect();
        writeln!(
            code,
            "pub(super) static {name}: Sorted = Sorted {{ text: {:?}, ends: &{ends:?} }};",
            list.concat()
        )
        .expect("a String");
    }
    std::fs::write(out.join("given_names.rs"), code).expect("write OUT_DIR/given_names.rs");
}
