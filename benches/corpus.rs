//! A deterministic generator of news articles for the benchmarks: a tiny
//! xorshift generator over hand-written sentence templates.

use std::fmt::Write as _;

pub struct Doc {
    pub path: String,
    pub source: String,
}

pub struct Corpus {
    pub docs: Vec<Doc>,
    /// Words of article body (paragraphs only), by `split_whitespace`.
    pub words: usize,
    /// Bytes of source, markup included.
    pub bytes: usize,
}

impl Corpus {
    #[must_use]
    pub fn formats(&self) -> (usize, usize, usize) {
        let count = |ext: &str| self.docs.iter().filter(|d| d.path.ends_with(ext)).count();
        (count(".txt"), count(".md"), count(".html"))
    }
}

/// What kind of corpus to generate.
pub struct Spec {
    /// Words of body per article, at least and at most.
    pub words: (usize, usize),
    /// All articles about one story, published within a week (for the
    /// story benchmarks); otherwise dates spread over three years.
    pub one_story: bool,
}

impl Corpus {
    /// Writes the corpus under `dir`, returning the directory of articles.
    pub fn write(&self, dir: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
        for d in &self.docs {
            let path = dir.join(&d.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, &d.source)?;
        }
        Ok(dir.join("corpus"))
    }
}

/// xorshift64* — small, fast and good enough to vary templates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Officials as a reporter first names them, with the surname used after.
const OFFICIALS: &[(&str, &str)] = &[
    ("Prime Minister Benjamin Netanyahu", "Netanyahu"),
    ("Israeli Prime Minister Benjamin Netanyahu", "Netanyahu"),
    ("Secretary of State Marco Rubio", "Rubio"),
    ("US Secretary of State Marco Rubio", "Rubio"),
    ("President Donald Trump", "Trump"),
    ("US President Donald Trump", "Trump"),
    ("Israeli President Isaac Herzog", "Herzog"),
    ("French President Emmanuel Macron", "Macron"),
    ("British Prime Minister Keir Starmer", "Starmer"),
    ("Turkish President Recep Tayyip Erdogan", "Erdogan"),
    ("Egyptian President Abdel Fattah el-Sisi", "Sisi"),
    ("UN Secretary-General Antonio Guterres", "Guterres"),
    ("Middle East envoy Steve Witkoff", "Witkoff"),
    (
        "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani",
        "Al Thani",
    ),
];

/// People the knowledge base does not know, with the role they are given.
const UNKNOWN: &[&str] = &[
    "spokesman Adam Fielding",
    "spokeswoman Miriam Okafor",
    "analyst Tomas Varga",
    "aid worker Leila Haddour",
    "senior negotiator Peter Lindqvist",
    "researcher Sana Qureshi",
    "local councillor Jonah Abernathy",
    "economist Elena Marchetti",
    "ministry official Karim Nassar",
    "shopkeeper Ruth Callaghan",
    "Colonel Idris Mansour",
    "Dr. Helena Broadbent",
];

const COUNTRIES: &[&str] = &[
    "Israel",
    "Egypt",
    "Qatar",
    "Jordan",
    "Lebanon",
    "Syria",
    "Turkey",
    "France",
    "the United States",
    "Iran",
    "Saudi Arabia",
    "Ukraine",
    "the United Kingdom",
];

const CITIES: &[&str] = &[
    "Gaza City",
    "Doha",
    "Cairo",
    "Beirut",
    "Amman",
    "Damascus",
    "Ankara",
    "Paris",
    "Washington",
    "Tel Aviv",
    "Jerusalem",
    "Khan Younis",
    "Rafah",
    "Ramallah",
];

const OUTLETS: &[&str] = &[
    "Reuters",
    "Al Jazeera",
    "the Associated Press",
    "AFP",
    "the BBC",
    "CNN",
    "Axios",
    "The New York Times",
];

const ORGS: &[&str] = &[
    "the United Nations",
    "the Red Cross",
    "Hamas",
    "the World Health Organization",
    "UNRWA",
    "the European Union",
    "NATO",
    "the health ministry",
];

/// Quantity qualifiers, with their trailing space; "" for a bare number.
const QUALIFIERS: &[&str] = &[
    "at least ",
    "about ",
    "nearly ",
    "more than ",
    "up to ",
    "around ",
    "fewer than ",
    "roughly ",
    "",
    "",
];

const NOUNS: &[&str] = &[
    "people",
    "civilians",
    "prisoners",
    "hostages",
    "aid trucks",
    "soldiers",
    "families",
    "homes",
    "patients",
    "journalists",
];

const WORD_NUMBERS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens of",
    "hundreds of",
];

const DAYS: &[&str] = &[
    "on Sunday",
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Tuesday night",
    "late on Friday",
    "earlier this month",
    "last week",
    "yesterday",
];

const WEEKDAYS: &[&str] = &[
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const CROSSINGS: &[&str] = &[
    "the Rafah crossing",
    "Kerem Shalom",
    "the Allenby Bridge",
    "the Zikim crossing",
];

/// Body sentences. Keys in braces are filled from the lists above:
/// `{official}` names an official in full, `{surname}` the last one named,
/// `{unknown}` someone the KB does not know, `{q}` a qualifier (with its
/// space, possibly empty), `{n}` a number, `{day}` a relative day, `{date}`
/// a full date, `{month}` a month, `{weekday}` a weekday, `{victims}` who
/// can be killed or wounded.
const SENTENCES: &[&str] = &[
    "{official} said {day} that {country} would send {q}{n} {noun} to {city}.",
    "{q}{n} {victims} were killed in strikes on {city} {day}, according to {outlet}.",
    "\"We will not accept any deal that leaves our {noun} behind,\" {official} told {outlet}.",
    "{unknown} told {outlet} that talks in {city} had stalled over the timing of the next exchange.",
    "The agreement, signed on {date}, allows {q}{n} trucks a day to cross into the territory.",
    "Officials in {country} said {q}{n} {noun} had been moved to {city} since {date}.",
    "{org} said in a statement {day} that {q}{n} {noun} remained missing.",
    "{surname} met {official} in {city} {day} to discuss the ceasefire.",
    "According to {outlet}, the delegation from {country} arrived in {city} late on {weekday}.",
    "{official} is expected to travel to {city} next week, {unknown} said.",
    "The figure could not be independently verified, and {org} did not respond to a request for comment.",
    "Talks resumed in {city} {day} after a pause of {q}{n} days.",
    "{q}{n} {noun} crossed at {crossing} {day}, {unknown} told {outlet}.",
    "In a post on social media, {official} called the attack near {city} a grave violation of the truce.",
    "The ministry said the death toll had risen to {q}{n}, including {q}{n} children.",
    "{country} has hosted {q}{n} rounds of talks since {date}.",
    "{unknown}, who asked not to be named, said the proposal had been shared with {country} {day}.",
    "Prices in the markets of {city} have risen by {q}{n} percent since {month}, traders said.",
    "A spokesperson for {official} declined to comment on the report by {outlet}.",
    "{surname} told reporters in {city} that the first phase would last {n} days.",
    "Fighting continued in the north, where {q}{n} {victims} were reported wounded {day}.",
    "The next round is scheduled for {date}, officials in {city} said.",
    "Satellite images reviewed by {outlet} showed {q}{n} buildings destroyed near {city}.",
    "{official} and {official} spoke by phone {day}, according to a readout from {country}.",
    "Local authorities said power had been restored to {q}{n} homes in {city}.",
    "\"This is the most serious crisis we have faced in years,\" {unknown} said.",
    "Residents of {city} said they heard {q}{n} explosions overnight.",
    "{org} warned that {q}{n} {noun} faced severe shortages of food and water.",
    "The decision was announced on {date} and took effect {day}.",
    "Last year, {country} recorded {q}{n} {noun} displaced by the fighting, according to {org}.",
    "{surname}, speaking in {city}, said the talks were \"moving in the right direction\".",
    "The convoy of {word} {noun} reached {city} shortly after dawn {day}.",
    "{official} told Al Jazeera that {country} had not been consulted before the vote.",
    "It was the first visit to {city} by a senior official from {country} since {month} {year}.",
    "Aid groups said {q}{n} {noun} were still waiting to be evacuated from {city}.",
    "The statement from {org} did not say when the next exchange would take place.",
];

const HEADLINES: &[&str] = &[
    "{country} and {country} agree to extend truce as talks resume in {city}",
    "Aid convoys reach {city} as ceasefire holds for a {ordinal_word} day",
    "{surname} presses {country} over delayed exchange",
    "Strikes near {city} test fragile truce",
    "Hostage talks in {city} stall over second phase",
    "{org} warns of shortages as crossings stay shut",
];

const SUBHEADS: &[&str] = &[
    "Talks in {city}",
    "A fragile truce",
    "What comes next",
    "Reaction from {country}",
    "The humanitarian picture",
];

const PUBLISHERS: &[&str] = &[
    "Coastline Courier",
    "Eastern Dispatch",
    "Northline Wire",
    "Riverside Observer",
    "Crescent Daily",
    "Granite Times",
];

const AUTHORS: &[&str] = &[
    "Hannah Roebuck",
    "Yusuf Demir",
    "Claire Ashdown",
    "Omar Khalidi",
    "Beatrix Lowell",
    "Daniel Ferreira",
];

/// Fills the templates of one article, keeping the last official named so
/// `{surname}` can refer back to them.
struct Writer<'r> {
    rng: &'r mut Rng,
    surname: &'static str,
}

impl Writer<'_> {
    fn fill(&mut self, template: &str, out: &mut String) {
        let start = out.len();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed template key");
            self.value(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        // Sentence-initial words ("at least", "the", "dozens") take a capital.
        if let Some(first) = out[start..].chars().next()
            && first.is_ascii_lowercase()
        {
            out[start..=start].make_ascii_uppercase();
        }
    }

    fn value(&mut self, key: &str, out: &mut String) {
        let rng = &mut *self.rng;
        match key {
            "official" => {
                let (full, surname) = OFFICIALS[rng.below(OFFICIALS.len())];
                self.surname = surname;
                out.push_str(full);
            }
            "surname" => out.push_str(self.surname),
            "unknown" => out.push_str(rng.pick(UNKNOWN)),
            "country" => out.push_str(rng.pick(COUNTRIES)),
            "city" => out.push_str(rng.pick(CITIES)),
            "outlet" => out.push_str(rng.pick(OUTLETS)),
            "org" => out.push_str(rng.pick(ORGS)),
            "q" => out.push_str(rng.pick(QUALIFIERS)),
            "noun" => out.push_str(rng.pick(NOUNS)),
            "victims" => out.push_str(rng.pick(&["people", "civilians", "soldiers", "children"])),
            "author" => out.push_str(rng.pick(AUTHORS)),
            "word" => out.push_str(rng.pick(WORD_NUMBERS)),
            "crossing" => out.push_str(rng.pick(CROSSINGS)),
            "day" => out.push_str(rng.pick(DAYS)),
            "weekday" => out.push_str(rng.pick(WEEKDAYS)),
            "month" => out.push_str(rng.pick(MONTHS)),
            "year" => {
                let _ = write!(out, "{}", rng.range(2019, 2025));
            }
            "ordinal_word" => out.push_str(rng.pick(&["second", "third", "fourth", "fifth"])),
            "n" => {
                let n = match rng.below(4) {
                    0 => rng.range(2, 19),
                    1 => rng.range(20, 99),
                    2 => rng.range(100, 999),
                    _ => rng.range(1_000, 48_000),
                };
                if n >= 1_000 {
                    out.push_str(&thousands(n));
                } else {
                    let _ = write!(out, "{n}");
                }
            }
            "date" => {
                let (y, m, d) = date(rng);
                let _ = write!(out, "{} {d}, {y}", MONTHS[m - 1]);
            }
            other => panic!("unknown template key {{{other}}}"),
        }
    }

    /// Body paragraphs of about `target` words; returns them and their word count.
    fn paragraphs(&mut self, target: usize) -> (Vec<String>, usize) {
        let mut paras = Vec::new();
        let mut words = 0;
        while words < target {
            let mut para = String::new();
            for k in 0..self.rng.range(2, 4) {
                if k > 0 {
                    para.push(' ');
                }
                let template = SENTENCES[self.rng.below(SENTENCES.len())];
                self.fill(template, &mut para);
            }
            words += para.split_whitespace().count();
            paras.push(para);
        }
        (paras, words)
    }

    fn line(&mut self, templates: &[&str]) -> String {
        let mut s = String::new();
        let t = templates[self.rng.below(templates.len())];
        self.fill(t, &mut s);
        s
    }
}

/// A date from 2023 to 2025 (days up to 28, so always valid).
fn date(rng: &mut Rng) -> (usize, usize, usize) {
    (rng.range(2023, 2025), rng.range(1, 12), rng.range(1, 28))
}

fn ordinal(d: usize) -> String {
    let suffix = match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// `count` articles drawn from the templates with the seeded generator.
#[must_use]
#[allow(
    clippy::too_many_lines,
    reason = "one article's recipe, top to bottom: every draw from the generator happens in this order, and moving draws between functions would change every corpus"
)]
pub fn generate(count: usize, seed: u64, spec: &Spec) -> Corpus {
    let mut rng = Rng(seed);
    let mut docs = Vec::with_capacity(count);
    let mut words = 0;
    for i in 0..count {
        let target = rng.range(spec.words.0, spec.words.1);
        let mut w = Writer {
            rng: &mut rng,
            surname: "Netanyahu",
        };
        let title = w.line(HEADLINES);
        let (paras, n) = w.paragraphs(target);
        words += n;
        let publisher = rng.pick(PUBLISHERS);
        let author = rng.pick(AUTHORS);
        let (y, m, d) = if spec.one_story {
            (2025, 5, rng.range(8, 14))
        } else {
            date(&mut rng)
        };
        let (hour, minute) = (rng.below(24), rng.below(60));
        let mut w = Writer {
            rng: &mut rng,
            surname: "Netanyahu",
        };
        let doc = match i % 10 {
            // Six in ten: wire copy as plain text.
            0..=5 => {
                let mut s = String::new();
                let _ = writeln!(s, "World News\n{title}");
                let _ = writeln!(
                    s,
                    "Published {} {}, {y} - {hour:02}:{minute:02} GMT",
                    MONTHS[m - 1],
                    ordinal(d)
                );
                let caption = w.line(&[
                    "A convoy arrives in {city} {day}. (Photo by {author} / AFP)",
                    "Crowds gather in {city} {day}. (Photo by {author} / Reuters)",
                ]);
                let _ = writeln!(s, "{caption}\n");
                let dateline = publisher.to_uppercase();
                for (k, p) in paras.iter().enumerate() {
                    if k == 0 {
                        let _ = write!(s, "{dateline} - ");
                    }
                    let _ = writeln!(s, "{p}\n");
                }
                s.push_str("Subscribe\n\nSign up to our newsletter for exclusive updates\n");
                Doc {
                    path: format!("corpus/{i:04}.txt"),
                    source: s,
                }
            }
            // Three in ten: Markdown with YAML front matter.
            6..=8 => {
                let mut s = String::new();
                let _ = write!(
                    s,
                    "---\noutlet: {publisher}\ntitle: \"{title}\"\npublished: {y}-{m:02}-{d:02}\nauthor: {author}\nurl: https://www.example.com/world/{y}/{m:02}/{d:02}/story-{i}\n---\n\n# {title}\n\n*By {author}*\n\n"
                );
                for (k, p) in paras.iter().enumerate() {
                    if k > 0 && k % 4 == 0 {
                        let sub = w.line(SUBHEADS);
                        let _ = write!(s, "## {sub}\n\n");
                    }
                    let _ = write!(s, "{p}\n\n");
                }
                Doc {
                    path: format!("corpus/{i:04}.md"),
                    source: s,
                }
            }
            // One in ten: an HTML page with navigation and a footer.
            _ => {
                let mut s = String::new();
                let _ = write!(
                    s,
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>{title} | {publisher}</title>\n  <meta property=\"og:site_name\" content=\"{publisher}\">\n  <meta property=\"og:title\" content=\"{title}\">\n  <meta property=\"article:published_time\" content=\"{y}-{m:02}-{d:02}T{hour:02}:{minute:02}:00Z\">\n  <meta name=\"author\" content=\"{author}\">\n</head>\n<body>\n  <nav>\n    <a href=\"/\">Home</a>\n    <a href=\"/world\">World</a>\n    <a href=\"/politics\">Politics &amp; Society</a>\n    <a href=\"/login\">Sign in</a>\n  </nav>\n  <article>\n    <h1>{title}</h1>\n    <p class=\"byline\">By {author}, {publisher}</p>\n"
                );
                for (k, p) in paras.iter().enumerate() {
                    if k > 0 && k % 4 == 0 {
                        let sub = w.line(SUBHEADS);
                        let _ = writeln!(s, "    <h2>{sub}</h2>");
                    }
                    let _ = writeln!(s, "    <p>{p}</p>");
                }
                let _ = write!(
                    s,
                    "  </article>\n  <footer>\n    <p>&copy; {y} {publisher}. All rights reserved.</p>\n    <a href=\"/privacy\">Privacy</a>\n  </footer>\n</body>\n</html>\n"
                );
                Doc {
                    path: format!("corpus/{i:04}.html"),
                    source: s,
                }
            }
        };
        docs.push(doc);
    }
    let bytes = docs.iter().map(|d| d.source.len()).sum();
    Corpus { docs, words, bytes }
}

/// 1234567 → "1,234,567".
#[must_use]
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
