//! The knowledge-base rules (wrong-officeholder, anachronism, name-variant,
//! internal inconsistency of office-holders): each fires, and stays quiet on
//! near misses. Articles are small texts written for these tests.

use parallax::analysis::{Analysis, Options, analyze};
use parallax::detect::{Finding, FindingKind};
use parallax::ingest::read_str;
use parallax::kb::Kb;

/// Analyses articles given as (published date, body).
fn story(articles: &[(&str, &str)]) -> Analysis {
    let read = articles
        .iter()
        .enumerate()
        .map(|(i, (date, body))| {
            let src = format!("Headline {i}\nPublished {date}\n\n{body}\n");
            read_str(&format!("a{i}.txt"), &src).unwrap()
        })
        .collect();
    analyze(read, Kb::builtin(), &Options::default())
}

fn of_kind(a: &Analysis, kind: FindingKind) -> Vec<&Finding> {
    a.findings.iter().filter(|f| f.kind == kind).collect()
}

fn quotes(a: &Analysis, f: &Finding) -> Vec<String> {
    f.evidence
        .iter()
        .map(|e| a.articles[e.article].article.text[e.range.clone()].to_string())
        .collect()
}

#[test]
fn an_unknown_name_in_an_office_gets_the_holder() {
    let a = story(&[(
        "May 11, 2025",
        "U.S. Special Envoy for the Middle East Steven Witkopp met Qatari officials. Later, Witkopp flew home.",
    )]);
    let f = of_kind(&a, FindingKind::WrongOfficeholder);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
    assert_eq!(f[0].suggestion.as_deref(), Some("Steve Witkoff"));
    assert!(
        f[0].explanation.contains("2025-01-20"),
        "{}",
        f[0].explanation
    );
    assert_eq!(
        quotes(&a, f[0]),
        [
            "U.S. Special Envoy for the Middle East Steven Witkopp",
            "Witkopp"
        ]
    );
}

#[test]
fn the_real_holder_and_legitimate_forms_stay_quiet() {
    let a = story(&[(
        "May 11, 2025",
        "U.S. Special Envoy for the Middle East Steve Witkoff met Qatari officials. Envoy Steven Witkoff said talks went well. President Donald Trump agreed, and Israeli Prime Minister Benjamin Netanyahu did not.",
    )]);
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn a_former_holder_framed_as_current_is_an_anachronism() {
    let a = story(&[(
        "January 19, 2025",
        "Defense Minister Yoav Gallant said on Sunday that troops were pulling back.",
    )]);
    let f = of_kind(&a, FindingKind::Anachronism);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
    assert_eq!(f[0].suggestion.as_deref(), Some("Israel Katz"));
}

#[test]
fn former_past_state_and_past_dates_stay_quiet() {
    let a = story(&[
        (
            "January 19, 2025",
            "Former Defense Minister Yoav Gallant said on Sunday that troops were pulling back.",
        ),
        (
            "January 19, 2025",
            "Yoav Gallant, who was Defense Minister until November, spoke on Sunday.",
        ),
        (
            "January 19, 2025",
            "In 2023, Defense Minister Yoav Gallant ordered a siege.",
        ),
        (
            "June 1, 2024",
            "Defense Minister Yoav Gallant said on Saturday that troops were pulling back.",
        ),
    ]);
    let kb_findings: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Anachronism | FindingKind::WrongOfficeholder
            )
        })
        .collect();
    assert!(kb_findings.is_empty(), "{kb_findings:?}");
}

#[test]
fn an_administration_out_of_its_term_is_an_anachronism() {
    let a = story(&[(
        "May 11, 2025",
        "The Biden administration sees a truce as a priority. President Donald Trump will visit the region.",
    )]);
    let f = of_kind(&a, FindingKind::Anachronism);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
    assert!(f[0].summary.contains("2025-01-20"), "{}", f[0].summary);
    assert_eq!(f[0].suggestion.as_deref(), Some("Trump administration"));
    // The clash with "President Donald Trump" in the same article is reported too.
    let clash = of_kind(&a, FindingKind::InternalInconsistency);
    assert_eq!(clash.len(), 1, "{:?}", a.findings);
    assert_eq!(quotes(&a, clash[0]).len(), 2);
}

#[test]
fn administrations_in_the_past_stay_quiet() {
    let a = story(&[
        (
            "May 11, 2025",
            "The Biden administration had brokered an earlier truce.",
        ),
        (
            "May 11, 2025",
            "Under the Biden administration in 2023, aid rose.",
        ),
        ("May 11, 2025", "Biden-era officials criticised the plan."),
        (
            "May 11, 2024",
            "The Biden administration sees a truce as a priority.",
        ),
    ]);
    assert!(
        of_kind(&a, FindingKind::Anachronism).is_empty(),
        "{:?}",
        a.findings
    );
}

#[test]
fn two_current_holders_only_when_both_are_current() {
    let a = story(&[(
        "May 11, 2025",
        "Former President Joe Biden criticised the plan. President Donald Trump defended it.",
    )]);
    assert!(
        of_kind(&a, FindingKind::InternalInconsistency).is_empty(),
        "{:?}",
        a.findings
    );
}

#[test]
fn misspelled_known_names_are_variants() {
    let a = story(&[(
        "January 19, 2025",
        "Secretary of State Anthony Blinkin praised the deal.",
    )]);
    let f = of_kind(&a, FindingKind::NameVariant);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
    assert_eq!(f[0].suggestion.as_deref(), Some("Antony Blinken"));
}

#[test]
fn one_name_spelled_two_ways_in_one_article() {
    let a = story(&[(
        "January 19, 2025",
        "Spokeswoman Marta Kowalczyk said aid would arrive. Later, Marta Kowalcyk said the convoy had left.",
    )]);
    let f = of_kind(&a, FindingKind::NameVariant);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
}

#[test]
fn legitimate_renderings_are_not_variants() {
    let a = story(&[
        (
            "January 19, 2025",
            "Secretary of State Antony Blinken praised the deal. Blinken left Doha.",
        ),
        (
            "January 19, 2025",
            "Steve Witkoff and Steven Witkoff are one man, as are Mohammed bin Salman and Mohammad bin Salman.",
        ),
        (
            "January 19, 2025",
            "Spokeswoman Marta Kowalczyk said aid would arrive. Kowalczyk said the convoy had left.",
        ),
    ]);
    assert!(
        of_kind(&a, FindingKind::NameVariant).is_empty(),
        "{:?}",
        a.findings
    );
}

#[test]
fn undated_articles_are_not_checked_against_office_terms() {
    let read = vec![
        read_str(
            "u.txt",
            "Headline\n\nDefense Minister Yoav Gallant said troops were pulling back.\n",
        )
        .unwrap(),
    ];
    let a = analyze(read, Kb::builtin(), &Options::default());
    assert!(
        of_kind(&a, FindingKind::Anachronism).is_empty(),
        "{:?}",
        a.findings
    );
}
