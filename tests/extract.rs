//! Extraction rules: each fires where it should and stays quiet on near
//! misses. Articles are small texts written for these tests.

use parallax::analysis::{Options, analyze_article};
use parallax::extract::{Mention, MentionKind, Value};
use parallax::ingest::read_str;
use parallax::kb::Kb;

/// Analyses `body` as a plain-text article published on `date` (if any).
fn mentions(date: Option<&str>, body: &str) -> (String, Vec<Mention>) {
    let src = match date {
        Some(d) => format!("Test headline\nPublished {d}\n\n{body}\n"),
        None => format!("Test headline\n\n{body}\n"),
    };
    let article = read_str("test.txt", &src).unwrap();
    let a = analyze_article(article, Kb::builtin(), &Options::default());
    (a.article.text.clone(), a.mentions)
}

fn of_kind(found: &(String, Vec<Mention>), kind: MentionKind) -> Vec<(&str, &Value)> {
    found
        .1
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| (&found.0[m.range.clone()], &m.value))
        .collect()
}

/// Text, low, high, approximate, counted.
type Quantity = (String, Option<f64>, Option<f64>, bool, Option<String>);

fn quantity(body: &str) -> Vec<Quantity> {
    let found = mentions(Some("2025-05-11"), body);
    of_kind(&found, MentionKind::Quantity)
        .into_iter()
        .map(|(t, v)| match v {
            Value::Quantity(q) => (
                t.to_string(),
                q.low,
                q.high,
                q.approximate,
                q.counted.clone(),
            ),
            _ => unreachable!(),
        })
        .collect()
}

/// A qualifier before a currency sign bounds the amount: "more than $1
/// million" is a floor, not one million exactly.
#[test]
fn qualifiers_before_a_currency_sign_bound_the_amount() {
    let q = quantity(
        "The deal was worth more than $1 million, about £20 and up to €3 billion, or $5 in all.",
    );
    let text: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        text,
        ["more than $1 million", "about £20", "up to €3 billion", "5"]
    );
    assert_eq!((q[0].1, q[0].2), (Some(1e6), None));
    assert!(q[1].3, "about £20 is approximate");
    assert_eq!((q[2].1, q[2].2), (None, Some(3e9)));
    assert_eq!((q[3].1, q[3].2, q[3].3), (Some(5.0), Some(5.0), false));
}

fn dates(published: Option<&str>, body: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let found = mentions(published, body);
    of_kind(&found, MentionKind::Date)
        .into_iter()
        .map(|(t, v)| match v {
            Value::Date(d) => (
                t.to_string(),
                d.from.map(|d| d.to_string()),
                d.to.map(|d| d.to_string()),
            ),
            _ => unreachable!(),
        })
        .collect()
}

fn people(body: &str) -> Vec<(String, String, Option<String>, bool)> {
    let found = mentions(Some("2025-05-11"), body);
    of_kind(&found, MentionKind::Person)
        .into_iter()
        .map(|(t, v)| match v {
            Value::Person(p) => (t.to_string(), p.name.clone(), p.kb.clone(), p.former),
            _ => unreachable!(),
        })
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn qualifiers_become_intervals() {
    let q = quantity(
        "At least 20 rockets hit, up to 30 people died, about 300 rounds were fired and nearly 40 homes burned.",
    );
    assert_eq!(
        q[0],
        (
            s("At least 20 rockets"),
            Some(20.0),
            None,
            false,
            Some(s("rockets"))
        )
    );
    assert_eq!(
        q[1],
        (
            s("up to 30 people"),
            None,
            Some(30.0),
            false,
            Some(s("people"))
        )
    );
    assert_eq!(
        q[2],
        (
            s("about 300 rounds"),
            Some(300.0),
            Some(300.0),
            true,
            Some(s("rounds"))
        )
    );
    // "nearly 40" is a value a little off, not an open bound.
    assert_eq!((q[3].1, q[3].2, q[3].3), (Some(40.0), Some(40.0), true));
}

#[test]
fn number_words_dozens_and_scales() {
    let q = quantity(
        "A dozen soldiers, dozens of Palestinians, 1.5 million people, twenty-five trucks and one hundred and twenty tents arrived between 20 and 30 days late.",
    );
    let values: Vec<(Option<f64>, Option<f64>)> = q.iter().map(|x| (x.1, x.2)).collect();
    assert_eq!(
        values,
        [
            (Some(12.0), Some(12.0)),
            (Some(24.0), None),
            (Some(1_500_000.0), Some(1_500_000.0)),
            (Some(25.0), Some(25.0)),
            (Some(120.0), Some(120.0)),
            (Some(20.0), Some(30.0)),
        ]
    );
    assert_eq!(q[1].4.as_deref(), Some("Palestinians"));
}

#[test]
fn labels_ages_years_and_times_are_not_counts() {
    let q = quantity(
        "Channel 12 said Romi Gonen, 24, was freed in 2023 at 6:30 PM after one of the talks, over the past 48 hours.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_year_before_a_verb_or_after_an_article_is_a_date() {
    let d = dates(
        Some("2025-05-11"),
        "The council in 2019 approved a levy, and a 2021 audit found the fund short.",
    );
    let texts: Vec<&str> = d.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(texts, ["2019", "2021"], "{d:?}");
    assert_eq!(d[1].1.as_deref(), Some("2021-01-01"));
    let q = quantity("The council in 2019 approved a levy, and a 2021 audit found the fund short.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_year_before_a_plural_or_glued_to_a_suffix_is_not_a_date() {
    let d = dates(
        Some("2025-05-11"),
        "Floods reached the 2000 homes by the river, a custom dating from the early 1900s.",
    );
    assert!(d.is_empty(), "{d:?}");
    let d = dates(
        Some("2025-05-11"),
        "The levy was in 2019 plans and the 1500 troops left.",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn weekdays_resolve_to_the_latest_on_or_before_publication() {
    // 11 May 2025 was a Sunday, 13 May a Tuesday.
    let on_sunday = "Officials met on Sunday.";
    assert_eq!(
        dates(Some("May 11, 2025"), on_sunday)[0].1.as_deref(),
        Some("2025-05-11")
    );
    assert_eq!(
        dates(Some("May 13, 2025"), on_sunday)[0].1.as_deref(),
        Some("2025-05-11")
    );
    let ahead = dates(Some("May 13, 2025"), "The cabinet will meet on Sunday.");
    assert_eq!(ahead[0].1.as_deref(), Some("2025-05-18"));
    let last = dates(Some("May 11, 2025"), "They met last Sunday.");
    assert_eq!(last[0].1.as_deref(), Some("2025-05-04"));
}

/// A newspaper or a named day that holds a weekday dates nothing ("the
/// Mail on Sunday" was read as the Sunday before publication, and set
/// against the days other articles gave); the weekday beside it still does.
#[test]
fn weekdays_inside_names_are_not_dates() {
    let on = |body: &str| dates(Some("May 13, 2025"), body);
    assert!(on("According to the Mail on Sunday, the nurse saw him.").is_empty());
    assert!(on("The Sunday Times first reported the deal.").is_empty());
    assert!(on("Shops opened early for Black Friday and Good Friday.").is_empty());
    // Near misses: a weekday beside a name, or a name before "on Sunday".
    let quoted = on("The Mail reported on Sunday that talks had stalled.");
    assert_eq!(quoted[0].0, "Sunday");
    let senate = on("The Senate on Sunday passed the bill.");
    assert_eq!(senate[0].1.as_deref(), Some("2025-05-11"));
    assert_eq!(on("Times Square was closed on Friday.")[0].0, "Friday");
}

#[test]
fn undated_relative_dates_stay_unresolved() {
    let d = dates(None, "Officials met on Sunday.");
    assert_eq!(d, [(s("Sunday"), None, None)]);
}

#[test]
fn parts_of_months_and_spans() {
    let d = dates(
        Some("May 11, 2025"),
        "A visit in mid-May follows strikes over the past 48 hours and talks last week.",
    );
    assert_eq!(
        d[0],
        (s("mid-May"), Some(s("2025-05-11")), Some(s("2025-05-20")))
    );
    assert_eq!(
        d[1],
        (
            s("over the past 48 hours"),
            Some(s("2025-05-09")),
            Some(s("2025-05-11"))
        )
    );
    assert_eq!(
        d[2],
        (s("last week"), Some(s("2025-04-28")), Some(s("2025-05-04")))
    );
}

#[test]
fn absolute_dates_and_weekdays_beside_them() {
    let found = mentions(
        Some("2025-01-20"),
        "The truce began on Saturday, January 19, 2025, and talks resume on 3 February.",
    );
    let d = of_kind(&found, MentionKind::Date);
    let Value::Date(first) = d[0].1 else { panic!() };
    assert_eq!(d[0].0, "Saturday, January 19, 2025");
    assert_eq!(first.weekday.as_deref(), Some("Saturday"));
    assert_eq!(
        first.from.map(|d| d.to_string()).as_deref(),
        Some("2025-01-19")
    );
    assert_eq!(d[1].0, "3 February");
}

/// An abbreviated month with its dot takes the year after it ("Dec.
/// 2013"), as the month written out does; the year is then no count.
#[test]
fn an_abbreviated_month_takes_its_year() {
    let d = dates(
        Some("2025-05-11"),
        "The plant shut in Oct. 2019 and reopened in Sept. 2021.",
    );
    assert_eq!(
        d,
        [
            (s("Oct. 2019"), Some(s("2019-10-01")), Some(s("2019-10-31"))),
            (
                s("Sept. 2021"),
                Some(s("2021-09-01")),
                Some(s("2021-09-30"))
            )
        ]
    );
    assert!(quantity("The plant shut in Oct. 2019 and reopened.").is_empty());
}

/// A month's abbreviation ending a sentence leaves a year that opens the
/// next one alone, and a dot after a month written out is no abbreviation.
#[test]
fn a_sentence_end_after_a_month_takes_no_year() {
    let d = dates(
        Some("2025-05-11"),
        "The plant shut in October. 2019 was a hard year for the town.",
    );
    assert!(d.iter().all(|(t, _, _)| !t.contains("2019")), "{d:?}");
}

#[test]
fn impossible_dates_and_modal_may_are_not_dates() {
    let d = dates(
        Some("2025-05-11"),
        "Hamas may agree by February 30, 2025, the 99th round.",
    );
    assert!(
        d.iter()
            .all(|(t, _, _)| !t.contains("May") && !t.contains("February 30")),
        "{d:?}"
    );
}

#[test]
fn event_months_count_from_the_kb() {
    let d = dates(
        Some("2025-05-11"),
        "The war in Gaza, which is currently in its twentieth month, goes on.",
    );
    assert_eq!(
        d[0],
        (
            s("its twentieth month"),
            Some(s("2025-05-07")),
            Some(s("2025-06-06"))
        )
    );
    // No war is named: "its twentieth month" has no referent.
    assert!(
        dates(
            Some("2025-05-11"),
            "The festival is in its twentieth month of planning."
        )
        .is_empty()
    );
}

/// The window inferred for an undated article: clues that contradict
/// each other leave none, rather than one that ends before it begins.
#[test]
fn contradicting_clues_infer_no_window() {
    let window = |body: &str| {
        let article = read_str("test.txt", &format!("Test headline\n\n{body}\n")).unwrap();
        analyze_article(article, Kb::builtin(), &Options::default())
            .inferred
            .map(|w| (w.from.map(|d| d.to_string()), w.to.map(|d| d.to_string())))
    };
    let war = "The war in Gaza, which is in its twentieth month, goes on.";
    assert_eq!(
        window(&format!("{war} In March 2025, the council voted.")),
        Some((Some(s("2025-05-07")), Some(s("2025-06-06"))))
    );
    assert_eq!(
        window(&format!("{war} In March 2026, the council voted.")),
        None
    );
}

/// A body's post before a person's name ends where the person begins;
/// a body named after a person stays whole.
#[test]
fn a_person_after_a_post_in_a_body_is_a_person() {
    let names = |body: &str| -> Vec<String> { people(body).into_iter().map(|p| p.1).collect() };
    assert_eq!(
        names("Harbour Authority Press Officer Martin Keogh said the pier was shut."),
        [s("Martin Keogh")]
    );
    assert_eq!(
        names("Ravenscar County Records Clerk Daniel Pruitt has asked for calm."),
        [s("Daniel Pruitt")]
    );

    for body in [
        "Nurses at the Betty Ford Clinic said the ward was full.",
        "She studied at George Washington University for a year.",
        "Staff at the Mary Seacole Hospital Trust said the ward was full.",
    ] {
        assert!(names(body).is_empty(), "{body}");
    }
}

#[test]
fn roles_attach_to_names() {
    let p = people(
        "Israeli Prime Minister Benjamin Netanyahu met former Defense Minister Yoav Gallant and spokesman Adam Fielding.",
    );
    assert_eq!(p[0].0, "Israeli Prime Minister Benjamin Netanyahu");
    assert_eq!(p[0].2.as_deref(), Some("benjamin-netanyahu"));
    assert!(!p[0].3);
    assert_eq!(p[1].1, "Yoav Gallant");
    assert!(p[1].3, "former is recorded");
    assert_eq!(p[2].1, "Adam Fielding");
}

/// Each person mention of an article dated `date`, with the KB office its
/// role names.
fn person_offices(date: &str, body: &str) -> Vec<(String, Option<String>)> {
    let found = mentions(Some(date), body);
    of_kind(&found, MentionKind::Person)
        .into_iter()
        .map(|(t, v)| match v {
            Value::Person(p) => (t.to_string(), p.office.clone()),
            _ => unreachable!(),
        })
        .collect()
}

/// The office a role names, by person: a title told without its first
/// words is that office; a rank before it is another office.
#[test]
fn a_shortened_title_is_the_office_and_a_rank_is_not() {
    let offices = |body: &str| person_offices("2017-05-11", body);
    let press = "us-white-house-press-secretary";
    let o = offices("Press Secretary Sean Spicer told reporters the decision was final.");
    assert_eq!(o[0].1.as_deref(), Some(press), "{o:?}");
    let o =
        offices("White House Press Secretary Sean Spicer told reporters the decision was final.");
    assert_eq!(o[0].1.as_deref(), Some(press), "{o:?}");
    let o = offices(
        "Deputy press secretary Sarah Huckabee Sanders told reporters the decision was final.",
    );
    assert_eq!(o[0].1, None, "{o:?}");
    let o = offices("Asked on Thursday, deputy press secretary Sarah Huckabee Sanders said no.");
    assert_eq!(o[0].1, None, "{o:?}");
}

#[test]
fn bare_surnames_link_to_the_full_name() {
    let found = mentions(
        Some("2025-05-11"),
        "Envoy Dana Whitcombe arrived. Later, Whitcombe said the talks went well.",
    );
    let p: Vec<(&str, &Value)> = of_kind(&found, MentionKind::Person);
    assert_eq!(p.len(), 2, "{p:?}");
    let Value::Person(later) = p[1].1 else {
        panic!()
    };
    assert_eq!(later.name, "Dana Whitcombe");
    assert_eq!(
        later.linked_to,
        Some(
            found
                .1
                .iter()
                .position(|m| m.kind == MentionKind::Person)
                .unwrap()
        )
    );
}

#[test]
fn places_and_organisations_are_not_people() {
    let p = people(
        "Gaza City and the Israel Defense Forces said Red Cross teams reached Khan Yunis in May.",
    );
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn offices_and_administrations_link_to_the_kb() {
    let found = mentions(
        Some("2025-05-11"),
        "The Biden administration had warned Israel's Security Cabinet, and the White House agreed.",
    );
    let o = of_kind(&found, MentionKind::Office);
    let names: Vec<&str> = o.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        names,
        [
            "Biden administration",
            "Israel's Security Cabinet",
            "White House"
        ]
    );
    let Value::Office(biden) = o[0].1 else {
        panic!()
    };
    assert_eq!(biden.kb.as_deref(), Some("joe-biden-administration"));
    assert_eq!(biden.tense, Some(parallax::extract::Tense::Past));
}

#[test]
fn attributions_find_their_source() {
    let found = mentions(
        Some("2025-05-11"),
        "The plan moved ahead, according to an Axios article. A senior official told Reuters it was done. A senior Hamas official acknowledged the talks. Sources who spoke to Haaretz agreed.",
    );
    let a = of_kind(&found, MentionKind::Attribution);
    let sources: Vec<Option<&str>> = a
        .iter()
        .map(|(_, v)| match v {
            Value::Attribution(x) => x.source.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        sources,
        [
            Some("Axios"),
            Some("Reuters"),
            Some("Hamas"),
            Some("Haaretz")
        ]
    );
    let texts: Vec<&str> = a.iter().map(|(t, _)| *t).collect();
    assert_eq!(texts[2], "A senior Hamas official acknowledged");
    assert_eq!(texts[3], "Sources who spoke to Haaretz");
}

#[test]
fn according_to_a_plan_is_not_an_attribution() {
    let found = mentions(
        Some("2025-05-11"),
        "Aid moved according to the plan. He told reporters nothing.",
    );
    assert!(of_kind(&found, MentionKind::Attribution).is_empty());
}

#[test]
fn names_outside_the_given_name_list_are_people_by_their_cues() {
    let found = people(
        "Its curator, Quinton Winter, said the photo was real. Her nephew Qiang Qiang cried. \
         Jugal Kishore, 25, fell ill. Humphrey Khoza was hurt at a tavern, and Khoza spoke later.",
    );
    let names: Vec<&str> = found.iter().map(|p| p.1.as_str()).collect();
    for name in [
        "Quinton Winter",
        "Qiang Qiang",
        "Jugal Kishore",
        "Humphrey Khoza",
    ] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
}

#[test]
fn capitalised_runs_without_a_person_cue_stay_unnamed() {
    let found = people("Cork Village lies near the coast. Crystal Lake froze early this year.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_first_of_two_surnames_refers_back_to_the_full_name() {
    let found = people(
        "Argentina's President Cristina Fernández de Kirchner spoke on Monday. Later, President Fernández met the family.",
    );
    let bare = found
        .iter()
        .find(|p| p.0.ends_with("Fernández"))
        .expect("a bare surname");
    assert_eq!(bare.1, "Cristina Fernández de Kirchner", "{found:?}");
}

#[test]
fn a_middle_given_name_is_not_a_surname() {
    let found = people(
        "Reporter Steven Joel Sotloff was seized in August. Singer Joel spoke at a concert on Friday.",
    );
    assert!(
        found.iter().all(|p| p.0 != "Joel" || p.1 == "Joel"),
        "{found:?}"
    );
}

#[test]
fn a_surname_two_people_share_is_not_linked_to_either() {
    let found = people(
        "Aiden Steward was suspended. His father, Jason Steward, was angry. Steward said the school overreacted.",
    );
    let bare: Vec<_> = found.iter().filter(|p| p.0 == "Steward").collect();
    assert!(bare.iter().all(|p| p.1 == "Steward"), "{found:?}");
}

#[test]
fn a_count_opening_a_sentence_is_no_part_of_a_name() {
    let q = quantity("Two Kenya Wildlife Service rangers had to run when a zebra charged them.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].1, q[0].2), (Some(2.0), Some(2.0)));
    // A name that starts with a number word's look-alike stays whole.
    let (_, found) = mentions(
        None,
        "Tenzing Norgay met Sherpa guides in Namche, Tenzing said.",
    );
    assert!(
        !found.iter().any(|m| m.kind == MentionKind::Quantity),
        "{found:?}"
    );
}

#[test]
fn an_honorific_and_a_surname_is_no_second_person() {
    // "Ms Gul" is Reza Gul again: the bare "Gul" links to her.
    let found = people(
        "Reza Gul fought the Taliban. Ms Gul took part in the fight. \"They attacked at dawn,\" Gul told reporters.",
    );
    let bare: Vec<_> = found.iter().filter(|p| p.0 == "Gul").collect();
    assert!(
        !bare.is_empty() && bare.iter().all(|p| p.1 == "Reza Gul"),
        "{found:?}"
    );
}

#[test]
fn spelled_numbers_are_read_whole() {
    let value = |body: &str| {
        let q = quantity(body);
        assert_eq!(q.len(), 1, "{body}: {q:?}");
        (q[0].1, q[0].2)
    };
    let one = |v: f64| (Some(v), Some(v));
    assert_eq!(
        value("One thousand five hundred lanterns were lit."),
        one(1500.0)
    );
    assert_eq!(value("They planted a hundred and fifty oaks."), one(150.0));
    assert_eq!(
        value("They planted a thousand five hundred oaks."),
        one(1500.0)
    );
    assert_eq!(
        value("He counted two hundred thousand ballots."),
        one(200_000.0)
    );
    assert_eq!(
        value("The port handled three million five hundred thousand crates."),
        one(3_500_000.0)
    );
    assert_eq!(
        value("The choir had one hundred and twenty singers."),
        one(120.0)
    );
    assert_eq!(
        value("The fund lent 1.5 million farmers money."),
        one(1_500_000.0)
    );
}

#[test]
fn a_range_shares_the_scale_written_at_its_end() {
    let q = quantity("The maker expects to ship 26 to 29 million kettles this year.");
    assert_eq!((q[0].1, q[0].2), (Some(26e6), Some(29e6)));
    // A low end that is already large keeps its own value.
    let q = quantity("Estimates ran from 500 to 2 million kettles.");
    assert_eq!((q[0].1, q[0].2), (Some(500.0), Some(2e6)));
}

#[test]
fn an_ordinal_before_a_cardinal_leaves_the_count_to_it() {
    let q = quantity("The first two weeks of the trial were quiet, and the first hikers left.");
    assert!(q.iter().any(|x| x.0 == "two" && x.1 == Some(2.0)), "{q:?}");
}

/// What each number of `body` counts, in order.
fn counted(body: &str) -> Vec<Option<String>> {
    quantity(body).into_iter().map(|q| q.4).collect()
}

/// An adverb or a negated verb after a counted noun ends what is counted:
/// "five children already" counts children, as "five children" does.
#[test]
fn adverbs_end_the_counted_phrase() {
    assert_eq!(
        counted("He has five children already."),
        [Some(s("children"))]
    );
    assert_eq!(
        counted("Her five children didn't stop her."),
        [Some(s("children"))]
    );
    assert_eq!(counted("They won two medals apiece."), [Some(s("medals"))]);
    // A noun phrase of several words is still read whole.
    assert_eq!(
        counted("Rescuers found 14 stranded hill walkers."),
        [Some(s("stranded hill walkers"))]
    );
}

/// A past form right after a number is the sentence's verb when no plural
/// follows it: the number stands alone ("seven returned pregnant"). Before
/// a plural it describes what is counted ("two armed men").
#[test]
fn a_verb_after_a_number_is_not_what_it_counts() {
    assert_eq!(
        counted("Of the 28 pupils on the trip, seven returned pregnant."),
        [Some(s("pupils")), None]
    );
    assert_eq!(
        counted("A family of five tested positive on Sunday."),
        [None]
    );
    assert_eq!(
        counted("Two armed men robbed the shop."),
        [Some(s("armed men"))]
    );
    assert_eq!(
        counted("Three injured police officers were taken to hospital."),
        [Some(s("injured police officers"))]
    );
}

/// A plural noun heads the counted phrase: a word after it that is not
/// plural too (a verb, an adverb of place) is no part of what is counted;
/// a plural after a plural ("sports cars") still is.
#[test]
fn a_plural_noun_ends_the_counted_phrase() {
    assert_eq!(
        counted("Witnesses said four masked gunmen burst into the bakery."),
        [Some(s("masked gunmen"))]
    );
    assert_eq!(
        counted("She sat two rows behind the pilot."),
        [Some(s("rows"))]
    );
    assert_eq!(
        counted("The dealer sold three sports cars last week."),
        [Some(s("sports cars"))]
    );
    // A singular noun is not cut: the rule waits for the plural.
    assert_eq!(
        counted("Rescuers found 14 stranded hill walkers."),
        [Some(s("stranded hill walkers"))]
    );
}

/// A group named in capitals after the number is what it counts, its
/// last word the head: "21 Egyptian Coptic Christians".
#[test]
fn a_group_named_in_capitals_is_counted() {
    assert_eq!(
        counted("The video showed 21 Egyptian Coptic Christians on a beach."),
        [Some(s("Egyptian Coptic Christians"))]
    );
    // A word after the group is no part of it.
    assert_eq!(
        counted("The video showed 21 Egyptian Coptic Christians along a beach."),
        [Some(s("Egyptian Coptic Christians"))]
    );
}

/// A people named in capitals after a modifier ends the phrase as its
/// head ("two other Britons"); a person's name after a noun does not.
#[test]
fn a_people_after_a_modifier_is_counted() {
    assert_eq!(
        counted("The two other Britons left before dawn."),
        [Some(s("other Britons"))]
    );
    assert_eq!(
        counted("Guards found one hostage Lena Marsh in the cellar."),
        [Some(s("hostage"))]
    );
}

/// "50 or 60 doctors" is a range, as "50 to 60 doctors" is.
#[test]
fn a_choice_of_two_numbers_is_a_range() {
    assert_eq!(
        quantity("She said she called 50 or 60 doctors."),
        [(
            s("50 or 60 doctors"),
            Some(50.0),
            Some(60.0),
            false,
            Some(s("doctors"))
        )]
    );
}

/// A number before a scale is an amount even after a capitalised word: a
/// headline in title case. "Channel 12" stays a label.
#[test]
fn a_scaled_number_in_a_title_case_headline_is_an_amount() {
    let found = quantity("Gluten Disorders That Affect 18 Million Americans");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, Some(18_000_000.0));
    assert!(quantity("Israel's Channel 12 reported the talks.").is_empty());
}

/// A month name after a given name is a surname ("Theresa May"); the
/// month stays a month after anything else.
#[test]
fn a_month_after_a_given_name_is_a_surname() {
    let p = people(
        "Prime Minister Theresa May announced plans on Tuesday, and guitarist Brian May agreed.",
    );
    let names: Vec<&str> = p.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(names, ["Theresa May", "Brian May"], "{p:?}");
    assert_eq!(p[0].2.as_deref(), Some("theresa-may"));
    let p = people("Prime Minister David Cameron will visit Kabul on May 5.");
    assert_eq!(p[0].1, "David Cameron");
    let d = dates(
        Some("May 11, 2025"),
        "Prime Minister David Cameron will visit Kabul on May 5.",
    );
    assert_eq!(d[0].0, "May 5");
}

/// A capitalised word the KB does not know before a role does not swallow
/// the role and the name after it.
#[test]
fn a_role_inside_a_capitalised_run_starts_there() {
    let p = people("Ruritanian President Cristina Fernández de Kirchner met the envoy.");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "President Cristina Fernández de Kirchner");
    assert_eq!(p[0].2.as_deref(), Some("cristina-fernandez-de-kirchner"));
    let p = people("White House Press Secretary Karine Jean-Pierre said the talks would go on.");
    assert_eq!(p[0].1, "Karine Jean-Pierre");
}

/// A name the KB knows may describe the counted noun ("12 Hamas members");
/// it is never the counted thing itself.
#[test]
fn a_known_name_before_the_noun_describes_what_is_counted() {
    assert_eq!(
        counted("Police arrested 12 Hamas members and at least 25 Taliban fighters."),
        [Some(s("Hamas members")), Some(s("Taliban fighters"))]
    );
    assert_eq!(
        counted("The strike hit 12 Hamas targets, Hamas said."),
        [Some(s("Hamas targets"))]
    );
    // The name is followed by a verb, not a noun: nothing is counted.
    assert_eq!(counted("Of the 12, Hamas freed three."), [None, None]);
    assert_eq!(counted("Last week 40 Hamas said were freed."), [None]);
}

/// A name after a modifier, or of several words, describes the noun
/// after it too ("three senior Taliban officials", "four North Korean
/// envoys").
#[test]
fn a_name_inside_the_phrase_describes_what_is_counted() {
    assert_eq!(
        counted("The talks drew three senior Taliban officials to the city."),
        [Some(s("senior Taliban officials"))]
    );
    assert_eq!(
        counted("Seoul welcomed four North Korean envoys on Monday."),
        [Some(s("North Korean envoys"))]
    );
    // A verb after the name is no noun it describes: it is not counted.
    let found = counted("Two senior Taliban said little.");
    assert!(
        found.iter().flatten().all(|p| !p.contains("said")),
        "{found:?}"
    );
}

/// A surname written with its particle in one word ("al-Assad") goes on
/// the name before it; such a word begins no name of its own.
#[test]
fn a_joined_particle_ends_the_name_it_follows() {
    let people = |body: &str| -> Vec<String> {
        let found = mentions(Some("2014-10-02"), body);
        of_kind(&found, MentionKind::Person)
            .into_iter()
            .map(|(t, _)| t.to_string())
            .collect()
    };
    let p = people(
        "The war against the regime of President Bashar al-Assad has raged for more than three years.",
    );
    assert_eq!(p, ["President Bashar al-Assad"], "{p:?}");
    let p = people("Egypt's leader Abdel Fattah el-Sisi met the envoy on Tuesday.");
    assert!(
        p.iter().any(|n| n.ends_with("Abdel Fattah el-Sisi")),
        "{p:?}"
    );
    // Lower case after the hyphen, or a word that is no particle, ends it.
    let p = people("Talks with Mayor Omar Haddad al-based groups stalled.");
    assert!(p.iter().all(|n| !n.contains("al-based")), "{p:?}");
    let p = people("Aid worker Sara Lindqvist pre-Christmas plans were cancelled.");
    assert!(p.iter().all(|n| !n.contains("pre-Christmas")), "{p:?}");
}

/// "Secretary of Homeland Security Jeh Johnson": the portfolio after "of"
/// runs into the name in one capitalised run; the KB's person ends it.
/// Without a known person nothing is guessed.
#[test]
fn a_portfolio_after_of_belongs_to_the_title_when_the_name_is_known() {
    let offices = |body: &str| person_offices("2015-03-02", body);
    let o = offices("Secretary of Homeland Security Jeh Johnson spoke in Washington on Monday.");
    assert_eq!(
        o,
        [(
            "Secretary of Homeland Security Jeh Johnson".to_string(),
            Some("us-secretary-of-homeland-security".to_string())
        )],
        "{o:?}"
    );
    let o = offices("Secretary of Health and Human Services Sylvia Mathews Burwell spoke later.");
    assert_eq!(
        o[0].1.as_deref(),
        Some("us-secretary-of-health-and-human-services"),
        "{o:?}"
    );
    // An unknown person: the run is not split by guesswork.
    let o = offices("Secretary of Homeland Affairs Tomas Varga spoke in Vienna on Monday.");
    assert!(o.iter().all(|(_, office)| office.is_none()), "{o:?}");
}

/// "6 1/2 feet" is six and a half feet, not two feet; "24/7" and a date's
/// "9/11" are no fractions.
#[test]
fn a_mixed_fraction_is_one_number() {
    let q = quantity("Any catfish over 6 1/2 feet is rare, the ranger said.");
    assert!(
        q.iter()
            .any(|(t, low, ..)| t.contains("6 1/2 feet") && *low == Some(6.5)),
        "{q:?}"
    );
    assert!(q.iter().all(|(_, low, ..)| *low != Some(2.0)), "{q:?}");
    let q = quantity("The clinic has 3 doctors on call 24/7 since the storm.");
    assert!(
        q.iter()
            .any(|(t, low, ..)| t.starts_with('3') && *low == Some(3.0)),
        "{q:?}"
    );
}
