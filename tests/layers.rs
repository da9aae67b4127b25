//! The dependency arrows between the library's top-level modules run one
//! way: every `crate::…` path in `src/` (use lines and inline paths alike)
//! must follow an edge declared in [`ALLOWED`], and the declared edges
//! themselves form no cycle. Unit-test modules (`#[cfg(test)] mod …`) are
//! left out: a rule's tests may build their fixtures with the whole
//! pipeline without the rule depending on it. Comments are left out too.
//!
//! To add an edge, add it here; the test says which file made the new one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each module and the modules it may use. Leaves first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("par", &[]),
    ("files", &[]),
    ("fetch", &["files"]),
    ("lexicon", &[]),
    ("text", &["lexicon"]),
    ("kb", &["text", "par", "lexicon", "files"]),
    ("extract", &["text", "kb", "lexicon", "par"]),
    ("model", &["extract", "text"]),
    (
        "ingest",
        // kb: the built-in places tell a dateline's city from an outlet.
        &["model", "text", "lexicon", "par", "files", "fetch", "kb"],
    ),
    (
        "align",
        &["model", "extract", "text", "kb", "lexicon", "par"],
    ),
    (
        "detect",
        &["model", "align", "extract", "text", "kb", "lexicon", "par"],
    ),
    (
        "analysis",
        &[
            "model", "align", "detect", "extract", "ingest", "text", "kb", "par",
        ],
    ),
    ("samples", &["analysis", "ingest", "model", "kb"]),
    (
        "review",
        &[
            "analysis", "detect", "model", "ingest", "text", "kb", "samples", "files",
        ],
    ),
    (
        "report",
        &[
            "analysis", "review", "detect", "model", "align", "extract", "ingest", "text", "kb",
            "par",
        ],
    ),
    (
        "tui",
        &[
            "analysis", "review", "report", "detect", "model", "align", "extract", "samples",
            "text", "kb", "files",
        ],
    ),
];

#[test]
fn module_edges_are_declared() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for (from, to, file) in edges() {
        let ok = allowed
            .get(from.as_str())
            .is_some_and(|a| a.contains(&to.as_str()));
        if !ok {
            wrong.push(format!("{from} → {to} (in {})", file.display()));
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "undeclared module edges (declare them in tests/layers.rs if they keep the arrows one way):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn declared_edges_form_no_cycle() {
    // Each module may only use modules declared before it: a cycle would
    // need an edge pointing down the list.
    let mut seen = BTreeSet::new();
    for (module, uses) in ALLOWED {
        for u in *uses {
            assert!(
                seen.contains(u),
                "{module} uses {u}, which is declared after it"
            );
        }
        seen.insert(*module);
    }
}

#[test]
fn every_module_is_declared() {
    let declared: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    for file in rust_files(&src()) {
        if let Some(m) = module_of(&file) {
            assert!(
                declared.contains(m.as_str()),
                "{m} ({}) is not in ALLOWED",
                file.display()
            );
        }
    }
}

#[test]
fn paths_are_read_from_code_only() {
    let code = "use crate::kb::Kb;\n// crate::tui in a comment\nfn f() { crate::par::map(x, crate::text::fold) }\nuse crate::{align::A, detect::{B, C}};\n#[cfg(test)]\nmod tests { use crate::analysis; }\n";
    let found: BTreeSet<String> = crate_paths(code).into_iter().collect();
    let expected: BTreeSet<String> = ["kb", "par", "text", "align", "detect"]
        .map(String::from)
        .into();
    assert_eq!(found, expected);
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// (from, to, file) for every `crate::` path between two different
/// top-level modules.
fn edges() -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    for file in rust_files(&src()) {
        let Some(from) = module_of(&file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read a source file");
        for to in crate_paths(&text) {
            if to != from {
                out.push((from.clone(), to, file.clone()));
            }
        }
    }
    out
}

/// The top-level module a file belongs to; `None` for the crate roots and
/// the binary (`lib.rs`, `main.rs`, `cli.rs`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main" | "cli")).then(|| name.to_string())
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The first segment of every `crate::` path in code outside comments and
/// `#[cfg(test)]` modules, with `crate::{a, b::c}` groups opened.
fn crate_paths(text: &str) -> Vec<String> {
    let code = without_tests(&without_comments(text));
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            out.extend(group_heads(group));
        } else {
            out.push(ident(rest).to_string());
        }
    }
    out
}

/// The first segment of each path in a `{a, b::{c, d}}` group (the text
/// after its opening brace).
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expecting = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => expecting = true,
            c if expecting && depth == 0 && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident(&group[i..]).to_string());
                expecting = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The text with `//` comments (doc comments included) removed. String
/// literals holding `//` are rare enough in this crate not to matter here.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text with every `#[cfg(test)]` item (a module or a function, up to
/// its closing brace) removed.
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(open) = rest.find('{') else {
            return out;
        };
        let mut depth = 0;
        let mut end = rest.len();
        for (j, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
