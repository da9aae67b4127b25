//! numbers findings.

use super::{Finding, Story};

#[must_use]
pub fn detect(_story: &Story) -> Vec<Finding> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze};
    use crate::extract::Value;

    fn dump(articles: Vec<crate::model::Article>) {
        let an = analyze(articles, crate::kb::Kb::builtin(), &Options::default());
        for p in &an.pairs {
            let qs = |m: crate::align::Member| -> Vec<String> {
                an.articles[m.article]
                    .mentions
                    .iter()
                    .filter(|x| x.sentence == m.sentence)
                    .filter_map(|x| match &x.value {
                        Value::Quantity(q) if q.counted.is_some() && !q.ordinal => {
                            Some(an.articles[m.article].article.text[x.range.clone()].to_string())
                        }
                        _ => None,
                    })
                    .collect()
            };
            let (qa, qb) = (qs(p.a), qs(p.b));
            if qa.is_empty() || qb.is_empty() {
                continue;
            }
            let sa = &an.articles[p.a.article];
            let sb = &an.articles[p.b.article];
            println!(
                "{:.2} a{}:{} {:?} | a{}:{} {:?}\n   {}\n   {}",
                p.score,
                p.a.article + 1,
                p.a.sentence,
                qa,
                p.b.article + 1,
                p.b.sentence,
                qb,
                &sa.article.text[sa.sentences[p.a.sentence].range.clone()],
                &sb.article.text[sb.sentences[p.b.sentence].range.clone()]
            );
        }
    }

    #[test]
    fn zz_dump() {
        dump(crate::samples::articles().unwrap());
        let seeds: Vec<_> = ["000_41179d88c3dca175.txt", "004_54b421c860841511.txt"]
            .iter()
            .map(|f| {
                crate::ingest::read_str(
                    f,
                    &std::fs::read_to_string(format!("/work/shared/seeds/{f}")).unwrap(),
                )
                .unwrap()
            })
            .collect();
        dump(seeds);
    }
}
