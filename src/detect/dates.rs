//! dates findings.

use super::{Finding, Story};

#[must_use]
pub fn detect(_story: &Story) -> Vec<Finding> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::extract::Value;
    #[test]
    fn debug_pairs() {
        let arts = crate::samples::articles().unwrap();
        let an = crate::analysis::analyze(
            arts,
            crate::kb::Kb::builtin(),
            &crate::analysis::Options::default(),
        );
        for p in &an.pairs {
            let dated = |m: crate::align::Member| {
                an.articles[m.article]
                    .mentions
                    .iter()
                    .any(|x| x.sentence == m.sentence && matches!(x.value, Value::Date(_)))
            };
            if !(dated(p.a) || dated(p.b)) {
                continue;
            }
            let s = |m: crate::align::Member| {
                let a = &an.articles[m.article];
                a.article.text[a.sentences[m.sentence].range.clone()].to_string()
            };
            println!(
                "{:.2} {:?}\n   A{} {}\n   A{} {}",
                p.score,
                p.shared,
                p.a.article,
                s(p.a),
                p.b.article,
                s(p.b)
            );
        }
    }
}
