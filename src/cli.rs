//! The command line of the `parallax` binary. The library's types know
//! nothing of clap: the choices offered here are built from their names.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};

use parallax::detect::Severity;
use parallax::report::ReportFormat;

#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about = "Read several news articles side by side and find where they disagree",
    args_conflicts_with_subcommands = true
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
    /// Report format.
    #[arg(long, short = 'f', value_parser = formats(), default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
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

/// Options every command takes.
#[derive(Debug, Args, Clone, Default)]
pub struct Shared {
    /// Story date for undated articles (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub date: Option<jiff::civil::Date>,
    /// An extra knowledge-base file (TOML, see assets/kb/SCHEMA.md); repeatable.
    #[arg(long, value_name = "FILE", global = true)]
    pub kb: Vec<PathBuf>,
    /// The review session file (verdicts and notes). The reader and
    /// `review` default to one file per set of articles under the user data
    /// directory; `report` carries verdicts only when this is given.
    #[arg(long, value_name = "FILE", global = true)]
    pub session: Option<PathBuf>,
    /// The reviewer's name recorded with each verdict (default: the login name).
    #[arg(long, value_name = "NAME", global = true)]
    pub reviewer: Option<String>,
    /// Leave out findings below this confidence, 0 to 1 (eval/README.md
    /// gives the precision measured per confidence band).
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
