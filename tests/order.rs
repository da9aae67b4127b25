//! The analysis is deterministic and does not depend on the order the
//! articles are given in: finding ids, alignment ids and each article's
//! mentions are the same for every permutation.

use std::collections::BTreeSet;

use parallax::analysis::{Analysis, Options, analyze};
use parallax::kb::Kb;
use parallax::model::Article;
use proptest::prelude::*;

mod common;

/// The sample story, and the seed articles where they are (see
/// `common::seeds`).
fn corpus() -> Vec<Article> {
    let mut articles = parallax::samples::articles().unwrap();
    if let Some(seeds) = common::seeds() {
        articles.extend(
            parallax::ingest::read_inputs(&[seeds], &parallax::ingest::ReadOptions::default())
                .articles,
        );
    }
    articles
}

/// What must not change with order: ids, and mentions per article path.
fn fingerprint(
    a: &Analysis,
) -> (
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeSet<(String, usize)>,
) {
    let findings = a.findings.iter().map(|f| f.id.clone()).collect();
    let alignments = a.alignments.iter().map(|x| x.id.clone()).collect();
    let mentions = a
        .articles
        .iter()
        .map(|x| (x.article.path.clone(), x.mentions.len()))
        .collect();
    (findings, alignments, mentions)
}

fn run(articles: Vec<Article>) -> Analysis {
    analyze(articles, Kb::builtin(), &Options::default())
}

#[test]
fn the_same_input_gives_the_same_output() {
    let first = run(corpus());
    let second = run(corpus());
    assert_eq!(fingerprint(&first), fingerprint(&second));
    let summaries = |a: &Analysis| {
        a.findings
            .iter()
            .map(|f| (f.id.clone(), f.summary.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(summaries(&first), summaries(&second));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn order_does_not_matter(seed in any::<u64>()) {
        let canonical = fingerprint(&run(corpus()));
        let mut shuffled = corpus();
        // A deterministic shuffle from the seed (Fisher-Yates, xorshift).
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(fingerprint(&run(shuffled)), canonical);
    }
}

#[test]
fn every_finding_has_its_own_id() {
    let analysis = run(corpus());
    let ids: BTreeSet<&str> = analysis.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), analysis.findings.len());
}

/// One wire story saved from two sites, with a slip inside it: the same
/// finding in each copy, with the same quotes, and so two ids (a verdict
/// on one copy must not decide the other).
#[test]
fn the_same_quotes_in_another_article_get_another_id() {
    let wire = "Hostages freed\nPublished 2025-01-20\n\n\
                The three women freed on Sunday, two abducted from Kfar Aza and two \
                from the music festival, were taken to hospital.\n";
    let read = |path: &str| parallax::ingest::read_str(path, wire).unwrap();
    let analysis = run(vec![read("site-a.txt"), read("site-b.txt")]);
    let parts: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.kind == parallax::detect::FindingKind::InternalInconsistency)
        .collect();
    assert_eq!(parts.len(), 2, "{:#?}", analysis.findings);
    assert_ne!(parts[0].id, parts[1].id);
}

/// Ids name duplicate articles by file name, not by folder: the same story
/// opened from another folder keeps its ids, and so its verdicts.
#[test]
fn moving_the_folder_keeps_the_ids_of_duplicate_articles() {
    let wire = "Hostages freed\nPublished 2025-01-20\n\n\
                The three women freed on Sunday, two abducted from Kfar Aza and two \
                from the music festival, were taken to hospital.\n";
    let ids = |folder: &str| {
        let read =
            |name: &str| parallax::ingest::read_str(&format!("{folder}/{name}"), wire).unwrap();
        let analysis = run(vec![read("site-a.txt"), read("site-b.txt")]);
        analysis
            .findings
            .iter()
            .map(|f| f.id.clone())
            .collect::<Vec<_>>()
    };
    let here = ids("/home/desk/story");
    assert_eq!(here.len(), 2, "{here:?}");
    assert_eq!(here, ids("/mnt/archive/2025/story"));
}
