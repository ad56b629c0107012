//! The `bialign` command: parse flags, call the library, map errors to exit codes.

#[path = "cli/progress.rs"]
mod progress;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand, ValueEnum};

use bialign::align::AlignOptions;
use bialign::anchor::glossary::Glossary;
use bialign::check::format::github::append_step_summary;
use bialign::check::{self, format::CheckFormat, CheckOptions, FailOn};
use bialign::diff::{self, format::DiffFormat, DiffOptions};
use bialign::eval::{self, EvalSet, Tally};
use bialign::exit_codes;
use bialign::lang::Detection;
use bialign::output;
use bialign::pipeline::{self, LangChoice, PairRequest};
use bialign::report::color::{ColorChoice, Paint};
use bialign::report::format::{self, Format};
use bialign::report::{segments, terminal, ReportOptions};
use bialign::segment::{self, Split};
use bialign::text::visible;
use bialign::{Document, Lang};

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
    /// Align a text with its translation.
    Align(AlignArgs),
    /// Score the aligner on gold-aligned evaluation folders.
    Eval(EvalArgs),
    /// Check a translation: omissions, additions, numbers, names, glossary, untranslated text.
    Check(CheckArgs),
    /// What an edit changed: a new version of a translation, or with --source of the source.
    Diff(DiffArgs),
}

#[derive(clap::Args)]
struct SegmentArgs {
    /// The text file (`-` for standard input).
    file: PathBuf,
    /// Language of the file: a two-letter code (zh, en, de, …) or `auto` to detect it.
    #[arg(long, default_value = "auto")]
    lang: LangChoice,
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

#[derive(clap::Args)]
struct AlignArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Output format. Default: from the -o extension (.csv .tsv .jsonl .tmx .html .htm
    /// .beads); on standard output `terminal` when it is a terminal, `csv` otherwise.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES)
        .map(|s| s.parse::<Format>().expect("a listed name")))]
    format: Option<Format>,
    /// Prefix CSV cells that start with = + - @ so spreadsheets do not run them.
    #[arg(long)]
    csv_safe: bool,
    /// tsv, moses, tmx: also write omissions and additions (beads with an empty side).
    #[arg(long)]
    keep_unpaired: bool,
    /// Colour the terminal view: auto (when a terminal, unless NO_COLOR is set or TERM=dumb),
    /// always, never. Without colour, mismatches are bracketed: [-2015-] {+2016+}.
    #[arg(long, default_value = "auto", value_parser = color_parser())]
    color: ColorChoice,
    /// Write here instead of standard output (atomically). For moses, the prefix of the two
    /// files PREFIX.<src-lang> and PREFIX.<tgt-lang>.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Say nothing on standard error but errors (no progress, no detected languages).
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SplitArg {
    Auto,
    Lines,
}

/// A source file, its translation and how to align them.
#[derive(clap::Args)]
struct PairArgs {
    /// The source text.
    src: PathBuf,
    /// Its translation.
    tgt: PathBuf,
    #[command(flatten)]
    how: AlignHow,
}

/// How to segment and align, for commands that align more than one pair.
#[derive(clap::Args)]
struct AlignHow {
    /// `auto` segments both texts; `lines` takes each line as one sentence (pre-split input).
    #[arg(long, value_enum, default_value_t = SplitArg::Auto)]
    split: SplitArg,
    /// Source language code, or `auto`.
    #[arg(long, default_value = "auto")]
    src_lang: LangChoice,
    /// Target language code, or `auto`.
    #[arg(long, default_value = "auto")]
    tgt_lang: LangChoice,
    /// CSV of `source term,target term` pairs the translation must respect.
    #[arg(long)]
    glossary: Option<PathBuf>,
}

impl AlignHow {
    fn options(&self) -> anyhow::Result<AlignOptions> {
        Ok(AlignOptions {
            glossary: match &self.glossary {
                Some(path) => Glossary::read(path)?,
                None => Glossary::default(),
            },
            ..AlignOptions::default()
        })
    }

    fn request<'a>(
        &self,
        src: &'a std::path::Path,
        tgt: &'a std::path::Path,
        options: &'a AlignOptions,
    ) -> PairRequest<'a> {
        PairRequest {
            src,
            tgt,
            src_lang: self.src_lang,
            tgt_lang: self.tgt_lang,
            split: self.split(),
            options,
        }
    }

    /// The files a run reads: `files` and the glossary (an output must be none of them).
    fn inputs<'a>(&'a self, files: &[&'a Path]) -> Vec<&'a Path> {
        files
            .iter()
            .copied()
            .chain(self.glossary.as_deref())
            .collect()
    }

    fn split(&self) -> Split {
        match self.split {
            SplitArg::Auto => Split::Auto,
            SplitArg::Lines => Split::Lines,
        }
    }
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Without it: `json` or `html` when `-o` ends in `.json` or `.html`, else `human`.
    #[arg(long, value_enum)]
    format: Option<CheckFormatArg>,
    /// Exit with status 1 when a finding this severe or worse is reported.
    #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
    fail_on: FailOnArg,
    /// Kinds of findings not to report, comma-separated (e.g. `length-outlier,low-confidence`).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<check::Kind>,
    /// Report sentences without a counterpart when they are at least `strict` very likely
    /// (probability ≥ 0.8), `normal` more likely than not (≥ 0.5), or `review` possible (≥ 0.03).
    #[arg(long, default_value = "normal")]
    sensitivity: check::unpaired::Sensitivity,
    /// An earlier `--format json` output: report and fail only on findings not in it.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Colour the human format: `auto` (on a terminal, unless NO_COLOR or TERM=dumb), `always`, `never`.
    #[arg(long, default_value = "auto", value_parser = color_parser())]
    color: ColorChoice,
    /// Write here instead of standard output (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Say nothing on standard error but errors.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormatArg {
    Human,
    Json,
    Github,
    Html,
}

#[derive(clap::Args)]
#[command(
    override_usage = "bialign diff [OPTIONS] SRC OLD_TGT NEW_TGT\n       bialign diff --source [OPTIONS] OLD_SRC NEW_SRC TGT"
)]
struct DiffArgs {
    /// SRC OLD_TGT NEW_TGT: two versions of a translation of SRC; with --source, OLD_SRC NEW_SRC
    /// TGT: two versions of the source TGT translates.
    #[arg(num_args = 3, required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The files are OLD_SRC NEW_SRC TGT: report stale and missing translations.
    #[arg(long)]
    source: bool,
    #[command(flatten)]
    how: AlignHow,
    /// Without it: `json` or `html` when `-o` ends in `.json` or `.html`, else `terminal`.
    #[arg(long, value_enum)]
    format: Option<DiffFormatArg>,
    /// Exit with status 1 when the edit introduced a finding this severe or worse.
    #[arg(long, value_enum, default_value_t = FailOnArg::Error)]
    fail_on: FailOnArg,
    /// Kinds of findings not to report, comma-separated.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<check::Kind>,
    /// Report sentences without a counterpart when they are at least `strict` very likely
    /// (probability ≥ 0.8), `normal` more likely than not (≥ 0.5), or `review` possible (≥ 0.03).
    #[arg(long, default_value = "normal")]
    sensitivity: check::unpaired::Sensitivity,
    /// Colour: `auto` (on a terminal, unless NO_COLOR or TERM=dumb), `always`, `never`.
    #[arg(long, default_value = "auto", value_parser = color_parser())]
    color: ColorChoice,
    /// Write here instead of standard output (atomically).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormatArg {
    Terminal,
    Json,
    Github,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Folders with LANGS and gold-aligned documents.
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Show every document, not only each folder's total.
    #[arg(long)]
    verbose: bool,
    /// Do not learn a translation table from the documents (to measure what it adds).
    #[arg(long)]
    no_learning: bool,
}

/// `--color auto|always|never`, shared by every command that colours.
fn color_parser() -> impl clap::builder::TypedValueParser<Value = ColorChoice> {
    clap::builder::PossibleValuesParser::new(ColorChoice::NAMES)
        .map(|s| s.parse::<ColorChoice>().expect("a listed name"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Without it an interrupted run would leave its temporary output file; a failure here only
    // costs that, so it is no reason not to run.
    if let Err(e) = output::clean_up_on_signals() {
        eprintln!("bialign: warning: cannot watch for interrupts: {e}");
    }
    let result = match cli.command {
        Command::Segment(args) => run_segment(args),
        Command::Align(args) => run_align(args),
        Command::Eval(args) => run_eval(args),
        Command::Check(args) => run_check(args),
        Command::Diff(args) => run_diff(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // One line, and nothing from a file name or a file's text that a terminal would obey.
            eprintln!("bialign: {}", visible(&e.to_string()));
            ExitCode::from(exit_codes::ERROR)
        }
    }
}

fn run_segment(args: SegmentArgs) -> anyhow::Result<u8> {
    let doc = Document::read(&args.file)?;
    let (lang, detection) = pipeline::resolve_lang(args.lang, &doc);
    if let Some(line) = detection_message(&doc.display_name(), detection.as_ref()) {
        eprintln!("{line}");
    }
    let sentences = segment::segment(&doc, lang);
    output::write_to(args.output.as_deref(), &[&args.file], |out| {
        match args.format {
            SegmentFormat::Lines => segments::write_lines(out, &sentences),
            SegmentFormat::Jsonl => segments::write_jsonl(out, &sentences),
        }
    })?;
    Ok(exit_codes::OK)
}

fn run_align(args: AlignArgs) -> anyhow::Result<u8> {
    let options = args.pair.how.options()?;
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let format = Format::resolve(args.format, args.output.as_deref(), stdout_is_terminal)?;
    let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    let report_options = ReportOptions {
        csv_safe: args.csv_safe,
        keep_unpaired: args.keep_unpaired,
        color: args.color.resolve(to_stdout && stdout_is_terminal),
        width: terminal::detect_width(),
    };
    // A spinner would tear a pager's screen: show it only when the report goes to a file or to
    // the terminal itself (it is cleared before the report is written).
    let progress = progress::Progress::start(args.quiet || (to_stdout && !stdout_is_terminal));
    let request = args
        .pair
        .how
        .request(&args.pair.src, &args.pair.tgt, &options);
    let result =
        pipeline::align_files_with(&request, &mut |stage| progress.stage(stage.describe()))?;
    if !args.quiet {
        for (name, d) in [
            (&result.pair.src.name, &result.detections[0]),
            (&result.pair.tgt.name, &result.detections[1]),
        ] {
            if let Some(line) = detection_message(name, d.as_ref()) {
                progress.say(&line);
            }
        }
        if let Some(line) =
            same_language_message([result.pair.src.lang, result.pair.tgt.lang], &args.pair.how)
        {
            progress.say(&line);
        }
    }
    progress.finish();
    format::write_report(
        format,
        args.output.as_deref(),
        &args.pair.how.inputs(&[&args.pair.src, &args.pair.tgt]),
        &result.pair,
        &report_options,
    )?;
    Ok(exit_codes::OK)
}

fn run_check(args: CheckArgs) -> anyhow::Result<u8> {
    let options = args.pair.how.options()?;
    let request = args
        .pair
        .how
        .request(&args.pair.src, &args.pair.tgt, &options);
    let check_options = CheckOptions {
        ignore: args.ignore.clone(),
        sensitivity: args.sensitivity,
        ..CheckOptions::default()
    };
    let (result, report) = check::check_files(&request, &check_options, args.baseline.as_deref())?;
    if !args.quiet {
        for (name, d) in [
            (&result.pair.src.name, &result.detections[0]),
            (&result.pair.tgt.name, &result.detections[1]),
        ] {
            if let Some(line) = detection_message(name, d.as_ref()) {
                eprintln!("{line}");
            }
        }
        if let Some(line) =
            same_language_message([result.pair.src.lang, result.pair.tgt.lang], &args.pair.how)
        {
            eprintln!("{line}");
        }
    }
    let format = match args.format {
        Some(CheckFormatArg::Human) => CheckFormat::Human,
        Some(CheckFormatArg::Json) => CheckFormat::Json,
        Some(CheckFormatArg::Github) => CheckFormat::Github,
        Some(CheckFormatArg::Html) => CheckFormat::Html,
        None => args
            .output
            .as_deref()
            .map_or(CheckFormat::Human, CheckFormat::for_output),
    };
    let fail_on = FailOn::from(args.fail_on);
    let paint = Paint {
        on: args.color.resolve(to_terminal(args.output.as_deref())),
    };
    let mut inputs = args.pair.how.inputs(&[&args.pair.src, &args.pair.tgt]);
    inputs.extend(args.baseline.as_deref());
    output::write_to(args.output.as_deref(), &inputs, |out| {
        check::format::write(out, &result.pair, &report, format, fail_on, paint)
    })?;
    if matches!(format, CheckFormat::Github) {
        step_summary(&check::format::github::step_summary(&report));
    }
    Ok(if check::fails(&report.findings, fail_on) {
        exit_codes::FINDINGS
    } else {
        exit_codes::OK
    })
}

fn run_diff(args: DiffArgs) -> anyhow::Result<u8> {
    let align = args.how.options()?;
    let check_options = CheckOptions {
        ignore: args.ignore.clone(),
        sensitivity: args.sensitivity,
        ..CheckOptions::default()
    };
    let options = DiffOptions {
        langs: [args.how.src_lang, args.how.tgt_lang],
        split: args.how.split(),
        align: &align,
        check: &check_options,
    };
    let format = match args.format {
        Some(DiffFormatArg::Terminal) => DiffFormat::Terminal,
        Some(DiffFormatArg::Json) => DiffFormat::Json,
        Some(DiffFormatArg::Github) => DiffFormat::Github,
        Some(DiffFormatArg::Html) => DiffFormat::Html,
        None => args
            .output
            .as_deref()
            .map_or(DiffFormat::Terminal, DiffFormat::for_output),
    };
    let paint = Paint {
        on: args.color.resolve(to_terminal(args.output.as_deref())),
    };
    let [a, b, c] = &args.files[..] else {
        unreachable!("clap takes exactly three files");
    };
    let github = matches!(format, DiffFormat::Github);
    let inputs = args.how.inputs(&[a, b, c]);
    let failed = if args.source {
        let d = diff::source::diff_sources(a, b, c, &options)?;
        warn_unsure(&[&d.old.file, &d.target.file], &d.detections);
        warn_same_language(&d.old.lang, &d.target.lang, &args.how);
        output::write_to(args.output.as_deref(), &inputs, |out| {
            diff::format::write_source(out, &d, format, paint)
        })?;
        if github {
            step_summary(&diff::format::github::source_summary(&d));
        }
        d.fails()
    } else {
        let fail_on = FailOn::from(args.fail_on);
        let d = diff::diff_translations(a, b, c, &options)?;
        warn_unsure(&[&d.source.file, &d.old.file], &d.detections);
        warn_same_language(&d.source.lang, &d.old.lang, &args.how);
        output::write_to(args.output.as_deref(), &inputs, |out| {
            diff::format::write_translation(out, &d, format, fail_on, paint)
        })?;
        if github {
            step_summary(&diff::format::github::translation_summary(&d));
        }
        d.fails(fail_on)
    };
    Ok(if failed {
        exit_codes::FINDINGS
    } else {
        exit_codes::OK
    })
}

/// Append to `$GITHUB_STEP_SUMMARY` when it is set. The annotations are already written and the
/// verdict stands: a summary that cannot be written is a warning, not a failed check.
fn step_summary(markdown: &str) {
    if let Err(e) = append_step_summary(markdown) {
        eprintln!(
            "bialign: warning: step summary not written: {}",
            visible(&e.to_string())
        );
    }
}

/// Is the output going to a terminal (standard output, and that is a terminal)?
fn to_terminal(output: Option<&Path>) -> bool {
    output.is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal()
}

fn run_eval(args: EvalArgs) -> anyhow::Result<u8> {
    let sets: Vec<EvalSet> = args
        .dirs
        .iter()
        .map(|d| EvalSet::open(d))
        .collect::<Result<_, _>>()?;
    let options = AlignOptions {
        no_learning: args.no_learning,
        ..AlignOptions::default()
    };
    let mut json = Vec::new();
    for set in &sets {
        let docs = eval::evaluate(set, &options)?;
        let mut total = Tally::default();
        for d in &docs {
            total += d.tally;
        }
        if args.json {
            json.push(serde_json::json!({
                "dir": set.dir.display().to_string(),
                "langs": [set.src_lang, set.tgt_lang],
                "strict": total.strict(),
                "lax": total.lax(),
                "documents": docs.iter().map(|d| serde_json::json!({
                    "name": d.name, "src_sentences": d.src_sentences, "tgt_sentences": d.tgt_sentences,
                    "strict": d.tally.strict(), "lax": d.tally.lax(),
                })).collect::<Vec<_>>(),
            }));
            continue;
        }
        println!(
            "{} ({} {}, {} documents)",
            set.dir.display(),
            set.src_lang,
            set.tgt_lang,
            docs.len()
        );
        println!(
            "  {:<16} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
            "", "P", "R", "F1", "lax P", "lax R", "lax F1"
        );
        if args.verbose {
            for d in &docs {
                print_row(&d.name, &d.tally);
            }
        }
        print_row("all", &total);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json)?);
    }
    Ok(exit_codes::OK)
}

fn print_row(name: &str, t: &Tally) {
    let (s, l) = (t.strict(), t.lax());
    println!(
        "  {:<16} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}",
        name, s.precision, s.recall, s.f1, l.precision, l.recall, l.f1
    );
}

/// What `auto` chose, for stderr, with a warning when it had to guess from the script or the
/// detector was unsure.
fn detection_message(name: &str, detection: Option<&Detection>) -> Option<String> {
    let d = detection?;
    let name = visible(name);
    Some(match &d.fallback_reason {
        None if d.is_unsure() => format!(
            "bialign: warning: {name}: detected {} ({}) but unsure ({}, confidence {:.2}); \
             give the language (--lang, --src-lang, --tgt-lang) if it is wrong",
            d.lang.name(),
            d.lang,
            d.method.name(),
            d.confidence
        ),
        None => format!(
            "bialign: {name}: detected {} ({}, {}, confidence {:.2})",
            d.lang.name(),
            d.lang,
            d.method.name(),
            d.confidence
        ),
        Some(why) => format!(
            "bialign: warning: {name}: {why}; guessing {} ({}) from the script",
            d.lang.name(),
            d.lang
        ),
    })
}

/// A warning when both sides came out in one language and at least one was detected.
fn same_language_message(langs: [Lang; 2], how: &AlignHow) -> Option<String> {
    let lang = pipeline::same_language(langs, [how.src_lang, how.tgt_lang])?;
    Some(format!(
        "bialign: warning: both files taken to be in {} ({lang}); give --src-lang and --tgt-lang \
         if that is wrong",
        lang.name()
    ))
}

/// `diff` has always detected silently: it says only the detections that are unsure.
fn warn_unsure(names: &[&String; 2], detections: &[Option<Detection>; 2]) {
    for (name, d) in names.iter().zip(detections) {
        if d.as_ref().is_some_and(Detection::is_unsure) {
            if let Some(line) = detection_message(name, d.as_ref()) {
                eprintln!("{line}");
            }
        }
    }
}

/// [`same_language_message`] for `diff`, whose results name the languages by code.
fn warn_same_language(src: &str, tgt: &str, how: &AlignHow) {
    let (Ok(src), Ok(tgt)) = (src.parse(), tgt.parse()) else {
        return;
    };
    if let Some(line) = same_language_message([src, tgt], how) {
        eprintln!("{line}");
    }
}
