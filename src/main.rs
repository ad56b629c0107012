//! The `bialign` command: parse flags, call the library, map errors to exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use bialign::exit_codes;
use bialign::lang::{self, Lang};
use bialign::output;
use bialign::report::segments;
use bialign::segment;
use bialign::Document;

#[derive(Parser)]
#[command(
    name = "bialign",
    version,
    about = "Align a text with its translation sentence by sentence and show where they disagree"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Split a text into sentences, with their byte spans and lines.
    Segment(SegmentArgs),
}

#[derive(clap::Args)]
struct SegmentArgs {
    /// The text file (`-` for standard input).
    file: PathBuf,
    /// Language of the file: a two-letter code (zh, en, de, …) or `auto` to detect it.
    #[arg(long, default_value = "auto")]
    lang: String,
    #[arg(long, value_enum, default_value_t = SegmentFormat::Lines)]
    format: SegmentFormat,
    /// Write here instead of standard output (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum SegmentFormat {
    Lines,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Segment(args) => run_segment(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("bialign: {e}");
            ExitCode::from(exit_codes::ERROR)
        }
    }
}

fn run_segment(args: SegmentArgs) -> anyhow::Result<u8> {
    let doc = Document::read(&args.file)?;
    let lang = resolve_lang(&args.lang, &doc)?;
    let sentences = segment::segment(&doc, lang);
    output::write_to(args.output.as_deref(), |out| match args.format {
        SegmentFormat::Lines => segments::write_lines(out, &sentences),
        SegmentFormat::Jsonl => segments::write_jsonl(out, &sentences),
    })?;
    Ok(exit_codes::OK)
}

/// `auto` detects and says what it chose on stderr; a code is taken as given.
fn resolve_lang(requested: &str, doc: &Document) -> bialign::Result<Lang> {
    if requested != "auto" {
        return requested.parse();
    }
    let detection = lang::detect(&doc.text);
    match &detection.fallback_reason {
        None => eprintln!(
            "bialign: {}: detected {} ({}, confidence {:.2})",
            doc.display_name(),
            detection.lang.name(),
            detection.lang,
            detection.confidence
        ),
        Some(why) => eprintln!(
            "bialign: warning: {}: {why}; guessing {} ({}) from the script",
            doc.display_name(),
            detection.lang.name(),
            detection.lang
        ),
    }
    Ok(detection.lang)
}
