//! Converts the embedded knowledge base from TOML (readable, for people) to
//! JSON (fast to load) at build time: parsing the TOML at every start cost
//! more than the rest of a small run together.

use std::path::Path;

fn main() {
    let src = Path::new("assets/kb");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("kb");
    std::fs::create_dir_all(&out).expect("create OUT_DIR/kb");
    println!("cargo:rerun-if-changed=assets/kb");
    let mut entries: Vec<_> = std::fs::read_dir(src)
        .expect("assets/kb exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
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
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name");
        std::fs::write(out.join(format!("{name}.json")), json).expect("write OUT_DIR/kb");
    }
}
