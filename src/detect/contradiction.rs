//! contradiction findings.

use super::{Finding, Story};

#[must_use]
pub fn detect(_story: &Story) -> Vec<Finding> {
    Vec::new()
}

#[cfg(test)]
mod dbg {
    #[test]
    fn dump_pairs() {
        let arts = crate::samples::articles().unwrap();
        let an = crate::analysis::analyze(
            arts,
            crate::kb::Kb::builtin(),
            &crate::analysis::Options::default(),
        );
        for p in &an.pairs {
            let s = |m: crate::align::Member| {
                let a = &an.articles[m.article];
                a.article.text[a.sentences[m.sentence].range.clone()].to_string()
            };
            println!(
                "{:.2} {:?} {:?}\n   {}\n   {}",
                p.score,
                p.a,
                p.b,
                s(p.a),
                s(p.b)
            );
        }
    }
}
