//! The command line of the `parallax` binary. The library's types know
//! nothing of clap: the choices offered here are built from their names.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use parallax::detect::Severity;
use parallax::report::ReportFormat;

// Options may come before the subcommand (`parallax --date D report DIR`):
// clap reads a word that names a subcommand as one wherever it stands, and
// any other word as an article to open.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Read several news articles side by side and find where they disagree"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to open: files, directories, or - for standard input.
    /// Without any, the bundled sample story.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub shared: Shared,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print a report (no terminal UI).
    Report(ReportArgs),
    /// List or set verdicts in a review session without a terminal.
    Review(ReviewArgs),
    /// Print a shell's completion script.
    ///
    /// For example `parallax completions bash >
    /// ~/.local/share/bash-completion/completions/parallax`, or `parallax
    /// completions fish > ~/.config/fish/completions/parallax.fish`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    ///
    /// Read it with `parallax man | man -l -`, or install it with `parallax
    /// man > ~/.local/share/man/man1/parallax.1`.
    Man,
    /// The knowledge base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Print the format of knowledge-base files (for --kb FILE).
    Schema,
    /// Refresh office holders from Wikidata into the user knowledge base,
    /// which later runs load over the built-in one.
    ///
    /// Asks the Wikidata SPARQL endpoint (or reads a results file saved
    /// from it with --from) for the holders of heads of state and
    /// government, key ministers, central-bank governors, UN and EU posts,
    /// the US cabinet and envoys, and the posts the built-in KB has. The
    /// file is replaced only when the update succeeds.
    Update(KbUpdateArgs),
    /// Show the knowledge bases a run loads: as-of dates, sources, counts.
    Status,
}

#[derive(Debug, Args)]
pub struct KbUpdateArgs {
    /// Read the query's results from this file (SPARQL JSON, as the
    /// endpoint answers) instead of asking the endpoint: for machines
    /// without network. `--print-query` shows the query to run elsewhere.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// With --from: the day the results were taken, which the knowledge
    /// base is then complete to (default: the file's modification day).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "from")]
    pub as_of: Option<jiff::civil::Date>,
    /// The SPARQL endpoint asked.
    #[arg(long, value_name = "URL", default_value = parallax::kb::update::WIKIDATA_ENDPOINT)]
    pub endpoint: String,
    /// Seconds to wait for each answer before retrying.
    #[arg(long, value_name = "SECONDS", default_value_t = 75)]
    pub timeout: u64,
    /// Write the knowledge base to this file instead of the user
    /// knowledge base (to share it, or to pass it with --kb).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print the query that would be sent, and stop.
    #[arg(long)]
    pub print_query: bool,
}

/// Every subcommand's name, for "did you mean" when an article named on
/// the command line does not exist.
#[must_use]
pub fn subcommand_names() -> Vec<String> {
    use clap::CommandFactory as _;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// The subcommand a missing input was meant to be (`reprot` → `report`):
/// a bare word (no `/` or `.`, so never a file name the user meant) close
/// to a subcommand's name, by the measure clap uses for its suggestions
/// (Jaro similarity above 0.7). A subcommand's exact name among the
/// inputs was put there on purpose (`parallax -- report`): a file.
#[must_use]
pub fn meant_subcommand(word: &str, names: &[String]) -> Option<String> {
    if word.is_empty()
        || word.contains(['/', '.', '\\'])
        || word.starts_with('-')
        || names.iter().any(|n| n == word)
    {
        return None;
    }
    names
        .iter()
        .map(|n| (strsim::jaro(word, n), n))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n.clone())
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["list", "set"]))]
pub struct ReviewArgs {
    /// Articles: files, directories, or - for standard input.
    /// Without any, the bundled sample story.
    pub inputs: Vec<PathBuf>,
    /// List every finding with its verdict and note, and the decisions on
    /// findings that are gone.
    #[arg(long)]
    pub list: bool,
    /// With --list: only findings not yet accepted or rejected.
    #[arg(long, requires = "list")]
    pub undecided: bool,
    /// Give a finding a verdict: its id, then accept, reject or skip.
    #[arg(long, num_args = 2, value_names = ["ID", "VERDICT"])]
    pub set: Option<Vec<String>>,
    /// With --set: the finding's note (an empty one removes it).
    #[arg(long, requires = "set")]
    pub note: Option<String>,
    #[command(flatten)]
    pub shared: Shared,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Articles: files, directories (read recursively), or - for standard input.
    /// Without any, the bundled sample story.
    pub inputs: Vec<PathBuf>,
    /// Report format [default: from the -o file's extension (.txt, .json,
    /// .md, .html, .csv), else text].
    #[arg(long, short = 'f', value_parser = formats())]
    pub format: Option<ReportFormat>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// List every mention found (text and md formats).
    #[arg(long)]
    pub mentions: bool,
    /// Exit with status 1 when a finding of this severity or worse is found.
    #[arg(long, value_parser = severities(), value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    #[command(flatten)]
    pub shared: Shared,
}

impl ReportArgs {
    /// The format asked for: `-f`, else the one the `-o` file's extension
    /// names, else text.
    #[must_use]
    pub fn format(&self) -> ReportFormat {
        self.format
            .or_else(|| {
                let ext = self.output.as_deref()?.extension()?.to_str()?;
                ReportFormat::from_extension(ext)
            })
            .unwrap_or(ReportFormat::Text)
    }
}

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set (to anything but nothing)
    /// or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always, even into a pipe or a file (for `less -R`).
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`terminal`) in an
    /// environment with these `NO_COLOR` and `TERM` values. An empty
    /// `NO_COLOR` counts as unset (no-color.org).
    #[must_use]
    pub fn enabled(
        self,
        terminal: bool,
        no_color: Option<&std::ffi::OsStr>,
        term: Option<&std::ffi::OsStr>,
    ) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                terminal
                    && no_color.is_none_or(std::ffi::OsStr::is_empty)
                    && term.is_none_or(|t| t != "dumb")
            }
        }
    }

    /// [`enabled`](Self::enabled) with this process's environment.
    #[must_use]
    pub fn enabled_here(self, terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR");
        let term = std::env::var_os("TERM");
        self.enabled(terminal, no_color.as_deref(), term.as_deref())
    }
}

/// Options every command takes.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent command-line flags, each a switch of its own"
)]
#[derive(Debug, Args, Clone, Default)]
pub struct Shared {
    /// When to colour: auto (a terminal, without `NO_COLOR` or `TERM=dumb`),
    /// always (e.g. into `less -R`) or never.
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing on standard error but errors (no notes, progress or
    /// warnings).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Story date for undated articles (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub date: Option<jiff::civil::Date>,
    /// An extra knowledge-base file (TOML; `parallax kb schema` prints the
    /// format); repeatable.
    #[arg(long, value_name = "FILE", global = true)]
    pub kb: Vec<PathBuf>,
    /// Leave out the user knowledge base that `parallax kb update` wrote.
    #[arg(long, global = true)]
    pub no_user_kb: bool,
    /// The review session file (verdicts and notes). The reader and
    /// `review` default to one file per set of articles under the user data
    /// directory; `report` carries verdicts only when this is given.
    #[arg(long, value_name = "FILE", global = true)]
    pub session: Option<PathBuf>,
    /// The reviewer's name recorded with each verdict (default: the login name).
    #[arg(long, value_name = "NAME", global = true)]
    pub reviewer: Option<String>,
    /// Leave out findings below this confidence, 0 to 1 (the higher, the
    /// fewer false alarms and the more missed discrepancies).
    #[arg(long, value_name = "0..1", global = true, value_parser = confidence)]
    pub min_confidence: Option<f32>,
    /// Use a session file written for other articles than these (its
    /// verdicts that match no finding are listed as gone).
    #[arg(long, global = true)]
    pub force: bool,
    /// Largest input file read, in bytes.
    #[arg(long, value_name = "BYTES", global = true, default_value_t = parallax::ingest::DEFAULT_MAX_BYTES)]
    pub max_size: u64,
    /// Most articles compared as one story; those past it are named and
    /// left out.
    #[arg(long, value_name = "N", global = true, default_value_t = parallax::ingest::DEFAULT_MAX_ARTICLES, value_parser = at_least_one)]
    pub max_articles: usize,
    /// Fetch URLs given as inputs again, even when an archived copy exists.
    #[arg(long, global = true)]
    pub refetch: bool,
}

/// A count of one or more.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text} is not a count of one or more")),
    }
}

/// A confidence between 0 and 1.
fn confidence(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("{text} is not a confidence between 0 and 1")),
    }
}

/// `--format`'s choices, each with its line of help.
fn formats() -> impl TypedValueParser<Value = ReportFormat> {
    let values = ReportFormat::ALL.map(|f| {
        let value = PossibleValue::new(f.as_str());
        match f.about() {
            Some(about) => value.help(about),
            None => value,
        }
    });
    PossibleValuesParser::new(values).map(|s| s.parse().expect("one of the offered names"))
}

/// `--fail-on`'s choices.
fn severities() -> impl TypedValueParser<Value = Severity> {
    PossibleValuesParser::new(Severity::ALL.map(Severity::as_str)).map(|s| {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .expect("one of the offered names")
    })
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::*;

    #[test]
    fn auto_colours_a_terminal_unless_no_color_is_set_or_term_is_dumb() {
        let auto = ColorChoice::Auto;
        assert!(auto.enabled(true, None, Some(OsStr::new("xterm"))));
        assert!(!auto.enabled(false, None, None), "not a terminal");
        assert!(!auto.enabled(true, Some(OsStr::new("1")), None));
        // no-color.org: only a value that is not empty turns colour off.
        assert!(auto.enabled(true, Some(OsStr::new("")), None));
        assert!(!auto.enabled(true, None, Some(OsStr::new("dumb"))));
    }

    #[test]
    fn always_and_never_ignore_the_environment() {
        let dumb = Some(OsStr::new("dumb"));
        assert!(ColorChoice::Always.enabled(false, Some(OsStr::new("1")), dumb));
        assert!(!ColorChoice::Never.enabled(true, None, None));
    }

    #[test]
    fn a_near_miss_of_a_subcommand_is_one() {
        let names = subcommand_names();
        assert_eq!(
            meant_subcommand("reprot", &names).as_deref(),
            Some("report")
        );
        assert_eq!(
            meant_subcommand("reveiw", &names).as_deref(),
            Some("review")
        );
        assert_eq!(meant_subcommand("story.txt", &names), None);
        assert_eq!(meant_subcommand("articles/", &names), None);
        assert_eq!(meant_subcommand("zzzz", &names), None);
        assert_eq!(meant_subcommand("report", &names), None, "after --");
    }

    #[test]
    fn the_output_file_names_the_format_unless_f_does() {
        use clap::Parser as _;
        let format = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).unwrap();
            let Some(Command::Report(report)) = cli.command else {
                panic!("not a report: {args:?}");
            };
            report.format()
        };
        assert_eq!(format(&["p", "report", "-o", "x.json"]), ReportFormat::Json);
        assert_eq!(format(&["p", "report", "-o", "x.HTML"]), ReportFormat::Html);
        assert_eq!(format(&["p", "report", "-o", "x.md"]), ReportFormat::Md);
        assert_eq!(format(&["p", "report", "-o", "x.csv"]), ReportFormat::Csv);
        assert_eq!(format(&["p", "report", "-o", "x.txt"]), ReportFormat::Text);
        assert_eq!(format(&["p", "report", "-o", "x.log"]), ReportFormat::Text);
        assert_eq!(format(&["p", "report"]), ReportFormat::Text);
        assert_eq!(
            format(&["p", "report", "-f", "csv", "-o", "x.json"]),
            ReportFormat::Csv
        );
    }
}
