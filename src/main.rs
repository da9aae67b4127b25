//! The `parallax` binary: parse the command line, run, report errors.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Parser;

use parallax::analysis::{self, Analysis};
use parallax::cli::{Cli, Command, ReportArgs, Shared};
use parallax::ingest::{self, ReadOptions};
use parallax::kb::Kb;
use parallax::report::{self, ReportFormat, ReportOptions};

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
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(exit::OK);
            }
            eprintln!("parallax: error: {e:#}");
            ExitCode::from(exit::INPUT)
        }
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
        None => {
            // Until the terminal UI lands, opening articles prints the text report.
            let args = ReportArgs {
                inputs: cli.inputs,
                format: ReportFormat::Text,
                output: None,
                mentions: false,
                fail_on: None,
                shared: cli.shared,
            };
            report(&args)
        }
    }
}

/// Reads the inputs (or the sample story) and analyses them.
fn load(inputs: &[std::path::PathBuf], shared: &Shared) -> Result<Analysis> {
    // The knowledge base loads while the articles are read: neither needs
    // the other, and loading it is most of a small run.
    let (kb, ingested) = rayon::join(|| load_kb(shared), || read(inputs, shared));
    let kb_owned;
    let kb: &Kb = match kb? {
        Some(kb) => {
            kb_owned = kb;
            &kb_owned
        }
        None => Kb::builtin(),
    };
    let ingested = ingested?;
    for e in &ingested.errors {
        eprintln!("parallax: error: {e}");
    }
    let opts = analysis::Options { date: shared.date };
    let mut analysis = analysis::analyze(ingested.articles, kb, &opts);
    analysis.errors = ingested.errors;
    for w in &analysis.warnings {
        eprintln!("parallax: warning: {w}");
    }
    Ok(analysis)
}

/// The knowledge base with the `--kb` files, or `None` for the embedded
/// one alone (loaded once, here).
fn load_kb(shared: &Shared) -> Result<Option<Kb>> {
    if shared.kb.is_empty() {
        let _ = Kb::builtin();
        return Ok(None);
    }
    let kb = Kb::with_files(&shared.kb).context("cannot load the knowledge base")?;
    Ok(Some(kb))
}

/// The articles named on the command line, or the sample story.
fn read(inputs: &[std::path::PathBuf], shared: &Shared) -> Result<ingest::Ingested> {
    Ok(if inputs.is_empty() {
        let articles =
            parallax::samples::articles().context("the bundled sample story is broken")?;
        ingest::Ingested {
            articles,
            errors: Vec::new(),
        }
    } else {
        ingest::read_inputs(
            inputs,
            &ReadOptions {
                max_bytes: shared.max_size,
            },
        )
    })
}

fn report(args: &ReportArgs) -> Result<u8> {
    let analysis = load(&args.inputs, &args.shared)?;
    if analysis.articles.is_empty() {
        eprintln!("parallax: error: no article could be read");
        return Ok(exit::INPUT);
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let opts = ReportOptions {
        mentions: args.mentions,
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = report::render(&analysis, args.format, opts);
    if let Some(path) = &args.output {
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("parallax: wrote {}", path.display());
    } else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    let failing = args
        .fail_on
        .is_some_and(|level| analysis.findings.iter().any(|f| f.severity <= level));
    Ok(if failing { exit::FINDINGS } else { exit::OK })
}
