//! The bundled sample story (`assets/samples/`), embedded so `parallax`
//! with no arguments works anywhere.

use crate::ingest::{IngestError, read_str};
use crate::model::Article;

const FILES: &[(&str, &str)] = &[
    (
        "assets/samples/01-harbour-ledger.md",
        include_str!("../assets/samples/01-harbour-ledger.md"),
    ),
    (
        "assets/samples/02-meridian-wire.txt",
        include_str!("../assets/samples/02-meridian-wire.txt"),
    ),
    (
        "assets/samples/03-levant-monitor.html",
        include_str!("../assets/samples/03-levant-monitor.html"),
    ),
    (
        "assets/samples/04-northgate-news.txt",
        include_str!("../assets/samples/04-northgate-news.txt"),
    ),
];

/// The sample story's articles, with ids a1…a4.
pub fn articles() -> Result<Vec<Article>, IngestError> {
    FILES
        .iter()
        .enumerate()
        .map(|(n, (path, text))| {
            let mut a = read_str(path, text)?;
            a.id = format!("a{}", n + 1);
            Ok(a)
        })
        .collect()
}

/// The sample story analysed against the embedded knowledge base, as
/// `parallax` with no arguments shows it.
///
/// # Panics
/// If the embedded samples cannot be read, which the tests rule out.
#[must_use]
pub fn analysis() -> crate::analysis::Analysis {
    crate::analysis::analyze(
        articles().expect("the bundled sample story reads"),
        crate::kb::Kb::builtin(),
        &crate::analysis::Options::default(),
    )
}
