//! The `parallax` binary: parse the command line, run, report errors.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Parser;

use cli::{Cli, Command, KbCommand, KbUpdateArgs, ReportArgs, ReviewArgs, Shared};
use parallax::analysis::{self, Analysis};
use parallax::ingest::{self, ReadOptions};
use parallax::kb::Kb;
use parallax::report::{self, ReportFormat, ReportOptions};
use parallax::review::{self, Review, SessionFile, Status, Verdict, store};

/// The analysis makes many small allocations on every core, and mimalloc
/// serves them with 8-12% less time than the system allocator on 20 and
/// 200 generated articles, and no loss on the two seeds (README,
/// "Performance"). The `mimalloc` feature, on by default.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Prints a message on standard error with anything that would act on a
/// terminal (control characters from a file name or an article, bidi
/// overrides) shown as a placeholder.
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", printable(&format!($($arg)*)))
    };
}

/// Like `say!`, for what is not an error (notes, progress, warnings):
/// `--quiet` silences it.
macro_rules! note {
    ($($arg:tt)*) => {
        if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
            say!($($arg)*)
        }
    };
}

/// `--quiet`: set once, before anything is said.
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => c,
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Exit codes, as documented in the README.
mod exit {
    /// Success: a report was produced.
    pub const OK: u8 = 0;
    /// A finding reached the `--fail-on` severity.
    pub const FINDINGS: u8 = 1;
    /// Bad usage, or no article could be read.
    pub const INPUT: u8 = 2;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    QUIET.store(shared(&cli).quiet, std::sync::atomic::Ordering::Relaxed);
    refuse_mistyped_subcommand(&cli);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(exit::OK);
            }
            say!("parallax: error: {e:#}");
            ExitCode::from(exit::INPUT)
        }
    }
}

/// The options every command takes, wherever they were given: clap hands
/// options written before a subcommand down to it, not up.
fn shared(cli: &Cli) -> &Shared {
    match &cli.command {
        Some(Command::Report(args)) => &args.shared,
        Some(Command::Review(args)) => &args.shared,
        _ => &cli.shared,
    }
}

/// `parallax reprot x`: a first word that is no file and is close to a
/// subcommand's name is a typo, not an article; say so as clap does for
/// options, and exit with the usage status.
fn refuse_mistyped_subcommand(cli: &Cli) {
    let Some(first) = cli.inputs.first() else {
        return;
    };
    if cli.command.is_some() || first.exists() {
        return;
    }
    let Some(word) = first.to_str() else { return };
    if let Some(meant) = cli::meant_subcommand(word, &cli::subcommand_names()) {
        use clap::CommandFactory as _;
        Cli::command()
            .error(
                clap::error::ErrorKind::InvalidSubcommand,
                format!(
                    "unrecognized subcommand '{word}', and there is no file of that name\n\n  \
                     tip: a similar subcommand exists: '{meant}'"
                ),
            )
            .exit();
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Some(Command::Report(args)) => report(&args),
        Some(Command::Review(args)) => review_cli(&args),
        Some(Command::Completions { shell }) => print_completions(shell),
        Some(Command::Man) => print_man(),
        Some(Command::Kb {
            command: KbCommand::Schema,
        }) => print_out(KB_SCHEMA),
        Some(Command::Kb {
            command: KbCommand::Update(args),
        }) => kb_update(&args),
        Some(Command::Kb {
            command: KbCommand::Status,
        }) => kb_status(&cli.shared),
        None if std::io::stdout().is_terminal() => read(&cli.inputs, &cli.shared),
        None => {
            note!(
                "parallax: standard output is not a terminal: printing the text report \
                 (`parallax report --help` for other formats)"
            );
            let args = ReportArgs {
                inputs: cli.inputs,
                format: Some(ReportFormat::Text),
                output: None,
                mentions: false,
                fail_on: None,
                shared: cli.shared,
            };
            report(&args)
        }
    }
}

/// The format of knowledge-base files, for `--kb FILE`: an installed
/// binary has no `assets/` to point to.
const KB_SCHEMA: &str = include_str!("../assets/kb/SCHEMA.md");

/// Writes `text` to standard output.
fn print_out(text: &str) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(exit::OK)
}

/// `parallax completions SHELL`: the shell's completion script.
fn print_completions(shell: clap_complete::Shell) -> Result<u8> {
    use clap::CommandFactory as _;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "parallax", &mut out);
    print_out(&String::from_utf8_lossy(&out))
}

/// `parallax man`: the man page, in roff.
fn print_man() -> Result<u8> {
    use clap::CommandFactory as _;
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    print_out(&String::from_utf8_lossy(&out))
}

/// Opens the terminal reader.
fn read(inputs: &[std::path::PathBuf], shared: &Shared) -> Result<u8> {
    let (analysis, _) = load(inputs, shared)?;
    if analysis.articles.is_empty() {
        say!("parallax: error: no article could be read");
        return Ok(exit::INPUT);
    }
    let (review, path) = open_review(&analysis, inputs, shared, true)?;
    let mut options = parallax::tui::Options::from_env();
    // The reader runs only on a terminal.
    options.color = shared.color.enabled_here(true);
    let review = parallax::tui::run(&analysis, review, &path, &options)
        .context("the terminal reader failed")?;
    let n = analysis.findings.len();
    if path.exists() {
        note!(
            "parallax: session {} ({} of {n} reviewed)",
            path.display(),
            review.reviewed(0..n)
        );
    }
    // The errors were shown before the screen was taken; repeat them.
    for e in &analysis.errors {
        say!("parallax: error: {e}");
    }
    Ok(exit::OK)
}

/// Reads the inputs (or the sample story) and analyses them; says up to
/// when the knowledge base used is complete (for reports that say so).
fn load(
    inputs: &[std::path::PathBuf],
    shared: &Shared,
) -> Result<(Analysis, Option<jiff::civil::Date>)> {
    let files = kb_files(shared);
    let opts = analysis::Options {
        date: shared.date,
        min_confidence: shared.min_confidence,
    };
    if files.is_empty() && !inputs.is_empty() {
        // The embedded knowledge base is a static: each article is
        // analysed as soon as it is read.
        let kb = Kb::builtin();
        let (articles, errors) = ingest::read_inputs_then(
            inputs,
            &read_options(shared),
            |a| analysis::analyze_article(a, kb, &opts),
            |a| &mut a.article,
        );
        return Ok((compared(articles, errors, kb, &opts), kb.as_of));
    }
    let (kb, ingested) = if files.is_empty() {
        // The embedded knowledge base is a static: nothing to load.
        (None, read_articles(inputs, shared))
    } else {
        // With extra files the whole knowledge base loads at run time:
        // while the articles are read, as neither needs the other.
        let (kb, ingested) = rayon::join(|| load_kb(&files), || read_articles(inputs, shared));
        (Some(kb?), ingested)
    };
    let kb: &Kb = kb.as_ref().unwrap_or_else(|| Kb::builtin());
    let ingested = ingested?;
    let articles = parallax::par::map(ingested.articles, |a| {
        analysis::analyze_article(a, kb, &opts)
    });
    Ok((compared(articles, ingested.errors, kb, &opts), kb.as_of))
}

/// The story's analysis from its articles analysed one by one, the
/// errors of reading told and kept for the report.
fn compared(
    articles: Vec<parallax::model::ArticleAnalysis>,
    errors: Vec<ingest::IngestError>,
    kb: &Kb,
    opts: &analysis::Options,
) -> Analysis {
    for e in &errors {
        say!("parallax: error: {e}");
    }
    let mut analysis = analysis::compare(articles, kb, opts);
    analysis.errors = errors;
    for w in &analysis.warnings {
        note!("parallax: warning: {w}");
    }
    analysis
}

/// The files loaded over the embedded knowledge base, in order: the user
/// KB (`kb update`) when there is one, then the `--kb` files.
fn kb_files(shared: &Shared) -> Vec<std::path::PathBuf> {
    let user = parallax::kb::update::user_kb_path();
    let user = (!shared.no_user_kb && user.is_file()).then_some(user);
    user.into_iter().chain(shared.kb.iter().cloned()).collect()
}

/// The embedded knowledge base with the user KB and the `--kb` files.
fn load_kb(files: &[std::path::PathBuf]) -> Result<Kb> {
    let user = parallax::kb::update::user_kb_path();
    let loaded = match files.split_first() {
        Some((first, rest)) if *first == user => Kb::with_user_kb(first, rest),
        _ => Kb::with_files(files),
    };
    loaded.map_err(|e| {
        let user = parallax::kb::update::user_kb_path();
        let hint = if std::path::Path::new(&e.file) == user {
            "\nHint: the user knowledge base was written by `parallax kb update`: run it \
             again, or pass --no-user-kb"
        } else {
            ""
        };
        anyhow::anyhow!("cannot load the knowledge base: {e}{hint}")
    })
}

/// `parallax kb update`: office holders from Wikidata (or a saved results
/// file) into the user knowledge base.
fn kb_update(args: &KbUpdateArgs) -> Result<u8> {
    use parallax::kb::update::{self, Endpoint, Source};
    if args.print_query {
        return print_out(&parallax::kb::wikidata::query_for(Kb::builtin()));
    }
    let endpoint = Endpoint {
        url: args.endpoint.clone(),
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        ..Endpoint::default()
    };
    let source = if let Some(path) = &args.from {
        Source::File(path)
    } else {
        note!("parallax: asking {} for office holders…", endpoint.url);
        Source::Endpoint(&endpoint)
    };
    let target = args.output.clone().unwrap_or_else(update::user_kb_path);
    let today = report_date().unwrap_or_else(|| jiff::Zoned::now().date());
    let as_of = match &args.from {
        Some(path) => args.as_of.or_else(|| modified_day(path)).unwrap_or(today),
        None => today,
    };
    let summary = update::update(&source, &target, as_of, |rows| {
        note!("parallax: {rows} rows so far");
    })
    .map_err(|e| {
        let hint = if args.from.is_none() {
            "\nHint: without network, run the query (`parallax kb update --print-query`) \
             where there is, save its JSON results, and pass them with --from FILE"
        } else {
            ""
        };
        anyhow::anyhow!("the knowledge base was not updated: {e}{hint}")
    })?;
    let roles: Vec<String> = summary
        .roles
        .iter()
        .map(|(role, n)| format!("{role} {n}"))
        .collect();
    note!(
        "parallax: wrote {} (as of {as_of}): {} offices ({} of them update built-in ones; {}), \
         {} terms, {} new people and {} matched to built-in ones; {} statements left out \
         (no start date, or one that cannot be placed)",
        target.display(),
        summary.offices,
        summary.updated_offices,
        roles.join(", "),
        summary.holders,
        summary.people,
        summary.matched_people,
        summary.skipped
    );
    Ok(exit::OK)
}

/// The local day a file was last modified.
fn modified_day(path: &std::path::Path) -> Option<jiff::civil::Date> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let ts = jiff::Timestamp::try_from(modified).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::system()).date())
}

/// `parallax kb status`: what each knowledge base a run loads holds.
fn kb_status(shared: &Shared) -> Result<u8> {
    use std::fmt::Write as _;
    let builtin = Kb::builtin();
    let terms: usize = builtin.offices.iter().map(|o| o.holders.len()).sum();
    let day =
        |d: Option<jiff::civil::Date>| d.map_or_else(|| "unknown".to_string(), |d| d.to_string());
    let mut out = format!(
        "built-in   as of {}: {} people, {} offices, {} terms in office\n",
        day(builtin.as_of),
        builtin.people.len(),
        builtin.offices.len(),
        terms
    );
    let user = parallax::kb::update::user_kb_path();
    let mut layers: Vec<(&str, std::path::PathBuf)> = Vec::new();
    if user.is_file() {
        layers.push((
            if shared.no_user_kb {
                "user (off)"
            } else {
                "user"
            },
            user.clone(),
        ));
    } else {
        let _ = writeln!(
            out,
            "user       none at {} (`parallax kb update` writes it)",
            user.display()
        );
    }
    layers.extend(shared.kb.iter().map(|p| ("--kb", p.clone())));
    for (what, path) in layers {
        let s = Kb::file_summary(&path)?;
        let _ = writeln!(
            out,
            "{what:<10} as of {}: {} people, {} offices, {} terms in office — {}{}",
            day(s.as_of),
            s.people,
            s.offices,
            s.holders,
            path.display(),
            s.source
                .map(|src| format!(" (from {src})"))
                .unwrap_or_default()
        );
    }
    let files = kb_files(shared);
    if !files.is_empty() {
        let kb = load_kb(&files)?;
        let _ = writeln!(
            out,
            "in use     as of {}: {} people, {} offices",
            day(kb.as_of),
            kb.people.len(),
            kb.offices.len()
        );
    }
    print_out(&out)
}

fn read_options(shared: &Shared) -> ReadOptions {
    ReadOptions {
        max_bytes: shared.max_size,
        max_articles: shared.max_articles,
        refetch: shared.refetch,
    }
}

/// The articles named on the command line, else standard input when it is
/// piped, else the sample story.
fn read_articles(inputs: &[std::path::PathBuf], shared: &Shared) -> Result<ingest::Ingested> {
    let opts = read_options(shared);
    if inputs.is_empty()
        && let Some(piped) = ingest::read_piped_stdin(&opts)
    {
        return Ok(piped);
    }
    Ok(if inputs.is_empty() {
        let articles =
            parallax::samples::articles().context("the bundled sample story is broken")?;
        ingest::Ingested {
            articles,
            errors: Vec::new(),
        }
    } else {
        ingest::read_inputs(inputs, &opts)
    })
}

fn report(args: &ReportArgs) -> Result<u8> {
    let (analysis, kb_as_of) = load(&args.inputs, &args.shared)?;
    if analysis.articles.is_empty() {
        say!("parallax: error: no article could be read");
        return Ok(exit::INPUT);
    }
    let review = match &args.shared.session {
        Some(_) => Some(open_review(&analysis, &args.inputs, &args.shared, false)?.0),
        None => None,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let format = args.format();
    let opts = ReportOptions {
        mentions: args.mentions,
        color: args.shared.color.enabled_here(to_terminal),
        review: review.as_ref(),
    };
    let made = || match report_date() {
        Some(date) => report::Provenance::new(date, kb_as_of),
        None => report::Provenance::today(kb_as_of),
    };
    if let Some(path) = &args.output {
        if let Some(what) = precious(path, &analysis, args.shared.session.as_deref()) {
            say!(
                "parallax: error: {} is {what}; a report is not written over it (choose another -o path)",
                path.display()
            );
            return Ok(exit::INPUT);
        }
        // A temporary file beside the report, renamed over it when
        // complete: an interrupted run leaves the old report or the new.
        let write = || -> std::io::Result<()> {
            let target = parallax::review::store::link_target(path);
            let dir = target
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let temp = tempfile::NamedTempFile::new_in(dir)?;
            let mut file = std::io::BufWriter::new(temp);
            report::write_with(&analysis, format, opts, made, &mut file)?;
            file.flush()?;
            let temp = file
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            temp.persist(&target).map_err(|e| e.error)?;
            Ok(())
        };
        write().with_context(|| format!("cannot write {}", path.display()))?;
        note!("parallax: wrote {} ({format})", path.display());
    } else {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        report::write_with(&analysis, format, opts, made, &mut out)?;
        out.flush()?;
    }
    let failing = args
        .fail_on
        .is_some_and(|level| analysis.findings.iter().any(|f| f.severity <= level));
    // The process ends here: its memory goes back whole, without freeing
    // the analysis's many small allocations one by one first.
    std::mem::forget(analysis);
    Ok(if failing { exit::FINDINGS } else { exit::OK })
}

/// What `path` already is that a report must not replace: the session
/// file or one of the articles read.
fn precious(
    path: &std::path::Path,
    analysis: &parallax::analysis::Analysis,
    session: Option<&std::path::Path>,
) -> Option<String> {
    // Where a path leads, whether or not the file exists yet.
    let key = |p: &std::path::Path| -> Option<std::path::PathBuf> {
        std::fs::canonicalize(p).ok().or_else(|| {
            let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = std::fs::canonicalize(dir.unwrap_or(std::path::Path::new("."))).ok()?;
            Some(dir.join(p.file_name()?))
        })
    };
    let same = |other: &std::path::Path| key(path).is_some_and(|k| Some(k) == key(other));
    if session.is_some_and(same) {
        return Some("the session file".to_string());
    }
    analysis
        .articles
        .iter()
        .find(|a| same(std::path::Path::new(&a.article.path)))
        .map(|a| format!("an input article ({})", a.article.path))
}

/// The day a report says it was made: `PARALLAX_REPORT_DATE` (YYYY-MM-DD)
/// when set, so that reports made on different days can be compared byte
/// for byte; otherwise today.
fn report_date() -> Option<jiff::civil::Date> {
    std::env::var("PARALLAX_REPORT_DATE").ok()?.parse().ok()
}

/// The session for these articles: `--session`, or the default file for
/// this set of articles. A file that cannot be understood stops the run
/// and is left as it is.
fn open_review(
    analysis: &Analysis,
    inputs: &[std::path::PathBuf],
    shared: &Shared,
    default: bool,
) -> Result<(Review, std::path::PathBuf)> {
    let path = match &shared.session {
        Some(p) => p.clone(),
        None if default => store::default_path(inputs, analysis)
            .context("no user data directory for the session file; pass --session FILE")?,
        None => anyhow::bail!("no session file given"),
    };
    let reviewer = shared.reviewer.clone().unwrap_or_else(review::login_name);
    let loaded = store::load(&path)?;
    if let Some(file) = &loaded
        && !shared.force
        && !review::same_articles(file, analysis)
    {
        let theirs: Vec<&str> = file
            .articles
            .iter()
            .map(|a| a.path.as_str())
            .take(3)
            .collect();
        anyhow::bail!(
            "{}: a session for other articles ({}); it was left untouched. \
             Hint: pass --session with another file, or --force to use this one",
            path.display(),
            theirs.join(", ")
        );
    }
    let file = if let Some(file) = loaded.clone() {
        file
    } else {
        if !default {
            note!(
                "parallax: warning: {} does not exist yet: no verdicts to report",
                path.display()
            );
        }
        SessionFile::new(analysis, &reviewer, &review::now())
    };
    let mut review = Review::new(analysis, file, &reviewer);
    review.base = loaded;
    Ok((review, path))
}

/// `parallax review`: list or set verdicts without a terminal.
fn review_cli(args: &ReviewArgs) -> Result<u8> {
    let (analysis, _) = load(&args.inputs, &args.shared)?;
    if analysis.articles.is_empty() {
        say!("parallax: error: no article could be read");
        return Ok(exit::INPUT);
    }
    let (mut review, path) = open_review(&analysis, &args.inputs, &args.shared, true)?;
    if let Some([id, verdict]) = args.set.as_deref() {
        let verdict = Verdict::parse(verdict).map_err(anyhow::Error::msg)?;
        let Some(f) = find(&analysis, id) else {
            return Ok(exit::INPUT);
        };
        let id = &analysis.findings[f].id;
        let now = review::now();
        review.decide(&analysis, &[f], verdict, &now);
        if let Some(note) = &args.note {
            review.note(&analysis, f, note, &now);
        }
        store::save_merged(&path, &review.file, review.base.as_ref(), &review.dropped)?;
        note!(
            "parallax: {id}: {} (session {})",
            verdict.as_str(),
            path.display()
        );
        return Ok(exit::OK);
    }
    list(&analysis, &review, &path, args.undecided)?;
    Ok(exit::OK)
}

/// The finding `id` names, in full or by a unique prefix; `None` after
/// saying why not.
fn find(analysis: &Analysis, id: &str) -> Option<usize> {
    match review::lookup(analysis, id) {
        review::Lookup::Found(f) => Some(f),
        review::Lookup::Missing => {
            say!(
                "parallax: error: no finding {id} in these articles (`parallax review --list` shows the ids)"
            );
            None
        }
        review::Lookup::Ambiguous(ids) => {
            say!(
                "parallax: error: {id} could be any of {} findings: {}\nHint: give more of the id",
                ids.len(),
                ids.join(", ")
            );
            None
        }
    }
}

/// `review --list`: a line per finding, tab-separated (id, verdict,
/// severity, kind, summary), notes indented below; then gone decisions.
/// The count reviewed goes to standard error, so that standard output is
/// only the table (`cut -f2` reads every line).
fn list(
    analysis: &Analysis,
    review: &Review,
    path: &std::path::Path,
    undecided: bool,
) -> Result<()> {
    let clean = report::text::clean;
    let mut out = std::io::stdout().lock();
    for (f, finding) in analysis.findings.iter().enumerate() {
        let status = review.status(f);
        if undecided && status.reviewed() {
            continue;
        }
        let verdict = match status {
            Status::Undecided => "undecided".to_string(),
            Status::Decided(v) => v.as_str().to_string(),
            Status::Changed(v) => format!("changed (was {})", v.as_str()),
        };
        writeln!(
            out,
            "{}\t{verdict}\t{}\t{}\t{}",
            finding.id,
            finding.severity.as_str(),
            finding.kind.as_str(),
            clean(&finding.summary)
        )?;
        if let Some(note) = review.decision(f).and_then(|d| d.note.as_deref()) {
            for line in note.lines() {
                writeln!(out, "\t  note: {}", clean(line))?;
            }
        }
    }
    if !undecided {
        for d in review.gone() {
            let verdict = d.verdict.map_or("undecided", Verdict::as_str);
            writeln!(
                out,
                "{}\t{verdict}\tgone\t{}\t{}",
                clean(&d.finding),
                d.kind.as_str(),
                clean(&d.summary)
            )?;
        }
    }
    out.flush()?;
    let n = analysis.findings.len();
    note!(
        "{} of {n} reviewed · session {}",
        review.reviewed(0..n),
        clean(&path.display().to_string())
    );
    Ok(())
}
