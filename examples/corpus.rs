//! Writes a generated one-story corpus to a directory, the one the
//! `story` benchmark reads: `cargo run --example corpus -- DIR [COUNT]`.
//! `scripts/compare-reports` uses it to check that a change leaves every
//! report byte-identical.

#[allow(dead_code, reason = "the example uses part of the generator")]
#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: corpus DIR [COUNT]");
    let count: usize = args
        .next()
        .map_or(200, |n| n.parse().expect("COUNT is a number"));
    let spec = corpus::Spec {
        words: (700, 800),
        one_story: true,
    };
    let corpus = corpus::generate(count, 0x5eed_0000 + count as u64, &spec);
    let path = corpus.write(std::path::Path::new(&dir))?;
    println!("{}", path.display());
    Ok(())
}
