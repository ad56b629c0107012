//! The `bialign` command: parse flags, call the library, map errors to exit codes.

#[path = "cli/learn.rs"]
mod learn_cmd;
#[path = "cli/pager.rs"]
mod pager;
#[path = "cli/progress.rs"]
mod progress;

// Tokens are many small strings made and dropped per sentence: glibc's allocator was a tenth
// of a batch run's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};

use bialign::align::AlignOptions;
use bialign::anchor::glossary::Glossary;
use bialign::batch::{self, BatchOptions, Defaults, InputFormat, OutputFormat, Shard};
use bialign::check::{self, count_noun, CheckOptions, FailOn};
use bialign::diff::{self, DiffOptions};
use bialign::eval::report::{EvalFormat, SetScores};
use bialign::eval::{self, EvalSet};
use bialign::exit_codes;
use bialign::lang::Detection;
use bialign::names::{self, Named};
use bialign::output;
use bialign::pipeline::{self, LangChoice, PairRequest};
use bialign::render::color::{ColorChoice, Paint};
use bialign::render::github::append_step_summary;
use bialign::render::ReviewFormat;
use bialign::report::format::{self, Format};
use bialign::report::segments::{self, SegmentFormat};
use bialign::report::ReportOptions;
use bialign::segment::{self, Split};
use bialign::table::TranslationTable;
use bialign::text::visible;
use bialign::{Document, Lang};
use pager::Paging;

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
    /// Learn a translation table from a corpus, for `--table`.
    Learn(learn_cmd::LearnArgs),
    /// Align many document pairs, one a line (JSON Lines or web-crawl docpairs), in parallel.
    Batch(BatchArgs),
}

#[derive(clap::Args)]
struct BatchArgs {
    /// One document pair a line; `-` (the default) reads standard input.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// `jsonl`: {"id", "src", "tgt"} (or "src_path", "tgt_path"), other fields carried along;
    /// `docpairs`: url1 TAB url2 TAB base64(text1) TAB base64(text2).
    #[arg(long, value_parser = named::<InputFormat>(), default_value = "jsonl")]
    input_format: InputFormat,
    /// `jsonl`: one object a record, with its beads; `tsv`: one translation pair a line.
    #[arg(long, value_parser = named::<OutputFormat>(), default_value = "jsonl")]
    format: OutputFormat,
    /// Languages, split and glossary for records that do not say otherwise. (A learned
    /// translation table is added here, in `AlignHow`, for every command that aligns.)
    #[command(flatten)]
    how: AlignHow,
    #[command(flatten)]
    out: OutputArgs,
    /// Worker threads (default: one a core). The output is the same for any number.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Keep only the records whose id hashes (FNV-1a 64) to K modulo N, K counted from 0.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Stop with status 2 at the first bad record instead of reporting it and going on.
    #[arg(long)]
    strict: bool,
}

#[derive(clap::Args)]
struct SegmentArgs {
    /// The text file (`-` for standard input).
    file: PathBuf,
    /// Language of the file: a two-letter code (zh, en, de, …) or `auto` to detect it.
    #[arg(long, default_value = "auto")]
    lang: LangChoice,
    /// `lines`: one sentence a line; `jsonl`: one object a line, with its byte span and line.
    #[arg(long, value_parser = named::<SegmentFormat>(), default_value = "lines")]
    format: SegmentFormat,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(clap::Args)]
struct AlignArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Output format. Default: from the -o extension (.csv .tsv .jsonl .tmx .html .htm
    /// .beads); on standard output `terminal` when it is a terminal, `csv` otherwise.
    #[arg(long, value_parser = named::<Format>())]
    format: Option<Format>,
    /// Prefix CSV cells that start with = + - @ so spreadsheets do not run them.
    #[arg(long)]
    csv_safe: bool,
    /// tsv, moses, tmx: also write omissions and additions (beads with an empty side).
    #[arg(long)]
    keep_unpaired: bool,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutputArgs,
}

/// Where a command writes, and how much it says: the same in every command.
#[derive(clap::Args)]
struct OutputArgs {
    /// Write here instead of standard output (atomically), then say so on standard error.
    /// `align --format moses`: the prefix of the two files PREFIX.<src-lang> and
    /// PREFIX.<tgt-lang>.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Say nothing on standard error but errors (no progress, detected languages, summaries or
    /// "wrote PATH").
    #[arg(short, long)]
    quiet: bool,
}

impl OutputArgs {
    /// `-o PATH`, `-` included (standard output).
    fn path(&self) -> Option<&Path> {
        self.output.as_deref()
    }

    /// Is the output going to a terminal (standard output, and that is a terminal)?
    fn to_terminal(&self) -> bool {
        to_stdout(self.path()) && std::io::stdout().is_terminal()
    }

    /// "wrote PATH" on stderr after writing a file, unless quiet.
    fn wrote(&self) {
        wrote_files(
            self.path().filter(|p| p.as_os_str() != "-").as_slice(),
            self.quiet,
        );
    }
}

/// How a view for a person is shown: the same in every command that has one.
#[derive(clap::Args)]
struct ViewArgs {
    /// Colour the terminal view: `auto` (on a terminal, unless NO_COLOR is set or TERM=dumb),
    /// `always`, `never`. Without colour, mismatches are bracketed: [-2015-] {+2016+}.
    #[arg(long, default_value = "auto", value_parser = named::<ColorChoice>())]
    color: ColorChoice,
    /// Page the terminal view: `auto` (through $PAGER or `less -FRX` when taller than the
    /// terminal), `always` (whenever it goes to standard output), `never`.
    #[arg(long, value_parser = named::<Paging>(), default_value = "auto")]
    paging: Paging,
}

/// A source file, its translation and how to align them.
#[derive(clap::Args)]
struct PairArgs {
    /// The source text (`-` for standard input).
    src: PathBuf,
    /// Its translation (`-` for standard input; only one side can be).
    tgt: PathBuf,
    #[command(flatten)]
    how: AlignHow,
}

/// How to segment and align, for commands that align more than one pair.
#[derive(clap::Args)]
struct AlignHow {
    /// `auto` segments both texts; `lines` takes each line as one sentence (pre-split input).
    #[arg(long, value_parser = named::<Split>(), default_value = "auto")]
    split: Split,
    /// Source language code, or `auto`.
    #[arg(long, default_value = "auto")]
    src_lang: LangChoice,
    /// Target language code, or `auto`.
    #[arg(long, default_value = "auto")]
    tgt_lang: LangChoice,
    /// CSV of `source term,target term` pairs the translation must respect.
    #[arg(long)]
    glossary: Option<PathBuf>,
    /// A translation table from `bialign learn`, used beside the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    table: Option<PathBuf>,
}

impl AlignHow {
    fn options(&self) -> anyhow::Result<AlignOptions> {
        let table = read_table(self.table.as_deref())?;
        if let (Some(table), Some(path), LangChoice::Fixed(src), LangChoice::Fixed(tgt)) =
            (&table, &self.table, self.src_lang, self.tgt_lang)
        {
            table.check_langs(path, src, tgt)?;
        }
        Ok(AlignOptions {
            glossary: match &self.glossary {
                Some(path) => Glossary::read(path)?,
                None => Glossary::default(),
            },
            table,
            ..AlignOptions::default()
        })
    }

    /// A warning when the table given is for languages other than those detected.
    fn table_unused(&self, options: &AlignOptions, langs: [bialign::Lang; 2]) -> Option<String> {
        let table = options.table.as_ref()?;
        (!table.applies_to(langs[0], langs[1])).then(|| {
            format!(
                "bialign: warning: {}: the table translates {} to {}, the documents are {} and {}: not used",
                visible(&self.table.as_deref().unwrap_or(Path::new("")).display().to_string()),
                table.langs[0],
                table.langs[1],
                langs[0],
                langs[1]
            )
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
            split: self.split,
            options,
        }
    }

    /// The files a run reads: `files` and the glossary (an output must be none of them).
    fn inputs<'a>(&'a self, files: &[&'a Path]) -> Vec<&'a Path> {
        files
            .iter()
            .copied()
            .chain(self.glossary.as_deref())
            .chain(self.table.as_deref())
            .collect()
    }
}

/// The flags of the commands that give a verdict, `check` and `diff`.
#[derive(clap::Args)]
struct ReviewArgs {
    /// Without it: `json` or `html` when `-o` ends in `.json` or `.html`, else `terminal`.
    #[arg(long, value_parser = named::<ReviewFormat>())]
    format: Option<ReviewFormat>,
    /// Exit with status 1 when a finding this severe or worse is reported (by `diff`: one the
    /// edit introduced).
    #[arg(long, value_parser = named::<FailOn>(), default_value = "error")]
    fail_on: FailOn,
    /// Kinds of findings not to report, comma-separated (e.g. `length-outlier,low-confidence`).
    #[arg(long, value_delimiter = ',', value_parser = named::<check::Kind>())]
    ignore: Vec<check::Kind>,
    /// Report sentences without a counterpart when they are at least `strict` very likely
    /// (probability ≥ 0.8), `normal` more likely than not (≥ 0.5), or `review` possible (≥ 0.03).
    #[arg(long, default_value = "normal", value_parser = named::<check::unpaired::Sensitivity>())]
    sensitivity: check::unpaired::Sensitivity,
}

impl ReviewArgs {
    fn check_options(&self) -> CheckOptions {
        CheckOptions {
            ignore: self.ignore.clone(),
            sensitivity: self.sensitivity,
            ..CheckOptions::default()
        }
    }

    /// `--format`, or the one the output file's name asks for.
    fn format(&self, out: &OutputArgs) -> ReviewFormat {
        self.format.unwrap_or_else(|| {
            out.output
                .as_deref()
                .map_or(ReviewFormat::Terminal, ReviewFormat::for_output)
        })
    }
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    pair: PairArgs,
    #[command(flatten)]
    review: ReviewArgs,
    /// An earlier `--format json` output: report and fail only on findings not in it.
    #[arg(long)]
    baseline: Option<PathBuf>,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(clap::Args)]
#[command(
    override_usage = "bialign diff [OPTIONS] SRC OLD_TGT NEW_TGT\n       bialign diff --source [OPTIONS] OLD_SRC NEW_SRC TGT"
)]
struct DiffArgs {
    /// SRC OLD_TGT NEW_TGT: two versions of a translation of SRC; with --source, OLD_SRC NEW_SRC
    /// TGT: two versions of the source TGT translates. One of them may be `-`, standard input.
    #[arg(num_args = 3, required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The files are OLD_SRC NEW_SRC TGT: report stale and missing translations.
    #[arg(long)]
    source: bool,
    #[command(flatten)]
    how: AlignHow,
    #[command(flatten)]
    review: ReviewArgs,
    #[command(flatten)]
    view: ViewArgs,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Folders with LANGS and gold-aligned documents.
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// `terminal`: a table per folder; `json`: the same figures, with every document.
    #[arg(long, value_parser = named::<EvalFormat>())]
    format: Option<EvalFormat>,
    /// The same as `--format json` (kept for scripts written before `--format`).
    #[arg(long, hide = true)]
    json: bool,
    #[command(flatten)]
    out: OutputArgs,
    /// Show every document, not only each folder's total.
    #[arg(long)]
    verbose: bool,
    /// Do not learn a translation table from the documents (to measure what it adds).
    #[arg(long)]
    no_learning: bool,
    /// A translation table from `bialign learn`, used beside the built-in lexicon.
    #[arg(long, value_name = "FILE")]
    table: Option<PathBuf>,
}

/// Load `--table`, shared by every alignment of the run.
fn read_table(path: Option<&Path>) -> bialign::Result<Option<Arc<TranslationTable>>> {
    path.map(|p| TranslationTable::read(p).map(Arc::new))
        .transpose()
}

/// The parser of an option whose values are a library enum's names (help lists them, aliases
/// are accepted but not shown): the one idiom for every such option.
fn named<T: Named + Send + Sync>() -> impl TypedValueParser<Value = T> {
    let values = names::names::<T>().map(|name| {
        let value = T::from_name(name).expect("a listed name");
        PossibleValue::new(name).aliases(names::aliases(value))
    });
    PossibleValuesParser::new(values).map(|s| T::from_name(&s).expect("a listed name"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(e),
    };
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
        Command::Learn(args) => learn_cmd::run(args),
        Command::Batch(args) => run_batch(args),
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
        if !args.out.quiet {
            eprintln!("{line}");
        }
    }
    let sentences = segment::segment(&doc, lang);
    output::write_to(args.out.path(), &[&args.file], |out| {
        segments::write(out, &sentences, args.format)
    })?;
    args.out.wrote();
    Ok(exit_codes::OK)
}

fn run_align(args: AlignArgs) -> anyhow::Result<u8> {
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let format = Format::resolve(
        args.format,
        args.out.path(),
        stdout_is_terminal || args.view.color == ColorChoice::Always,
    )?;
    let options = args.pair.how.options()?;
    let to_stdout = to_stdout(args.out.path());
    let report_options = ReportOptions {
        csv_safe: args.csv_safe,
        keep_unpaired: args.keep_unpaired,
        color: args.view.color.resolve(to_stdout && stdout_is_terminal),
        width: pager::terminal_width(),
    };
    // A spinner would tear a pager's screen: show it only when the report goes to a file or to
    // the terminal itself (it is cleared before the report is written).
    let progress = progress::Progress::start(args.out.quiet || (to_stdout && !stdout_is_terminal));
    let request = args
        .pair
        .how
        .request(&args.pair.src, &args.pair.tgt, &options);
    let result =
        pipeline::align_files_with(&request, &mut |stage| progress.stage(stage.describe()))?;
    if !args.out.quiet {
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
    let langs = [result.pair.src.lang, result.pair.tgt.lang];
    if let Some(line) = args.pair.how.table_unused(&options, langs) {
        progress.say(&line);
    }
    progress.finish();
    if format == Format::Terminal {
        deliver(
            args.out.path(),
            &args.pair.how.inputs(&[&args.pair.src, &args.pair.tgt]),
            Some(args.view.paging),
            |out| format.write(out, &result.pair, &report_options),
        )?;
        args.out.wrote();
        return Ok(exit_codes::OK);
    }
    format::write_report(
        format,
        args.out.path(),
        &args.pair.how.inputs(&[&args.pair.src, &args.pair.tgt]),
        &result.pair,
        &report_options,
    )?;
    if let Some(path) = args.out.path().filter(|p| p.as_os_str() != "-") {
        wrote_files(
            &format::output_paths(format, path, &result.pair),
            args.out.quiet,
        );
    }
    Ok(exit_codes::OK)
}

fn run_check(args: CheckArgs) -> anyhow::Result<u8> {
    let options = args.pair.how.options()?;
    let request = args
        .pair
        .how
        .request(&args.pair.src, &args.pair.tgt, &options);
    let check_options = args.review.check_options();
    let (result, report) = check::check_files(&request, &check_options, args.baseline.as_deref())?;
    if !args.out.quiet {
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
    let langs = [result.pair.src.lang, result.pair.tgt.lang];
    if let Some(line) = args.pair.how.table_unused(&options, langs) {
        eprintln!("{line}");
    }
    let format = args.review.format(&args.out);
    let fail_on = args.review.fail_on;
    let paint = Paint {
        on: args.view.color.resolve(args.out.to_terminal()),
    };
    let mut inputs = args.pair.how.inputs(&[&args.pair.src, &args.pair.tgt]);
    inputs.extend(args.baseline.as_deref());
    let paging = matches!(format, ReviewFormat::Terminal).then_some(args.view.paging);
    deliver(args.out.path(), &inputs, paging, |out| {
        check::format::write(out, &result.pair, &report, format, fail_on, paint)
    })?;
    args.out.wrote();
    if matches!(format, ReviewFormat::Github) {
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
    let check_options = args.review.check_options();
    let options = DiffOptions {
        langs: [args.how.src_lang, args.how.tgt_lang],
        split: args.how.split,
        align: &align,
        check: &check_options,
    };
    let format = args.review.format(&args.out);
    let paint = Paint {
        on: args.view.color.resolve(args.out.to_terminal()),
    };
    let [a, b, c] = &args.files[..] else {
        unreachable!("clap takes exactly three files");
    };
    let github = matches!(format, ReviewFormat::Github);
    let paging = matches!(format, ReviewFormat::Terminal).then_some(args.view.paging);
    let inputs = args.how.inputs(&[a, b, c]);
    let failed = if args.source {
        let d = diff::source::diff_sources(a, b, c, &options)?;
        if !args.out.quiet {
            warn_unsure(&[&d.old.file, &d.target.file], &d.detections);
            warn_same_language(&d.old.lang, &d.target.lang, &args.how);
        }
        deliver(args.out.path(), &inputs, paging, |out| {
            diff::format::write_source(out, &d, format, paint)
        })?;
        if github {
            step_summary(&diff::format::github::source_summary(&d));
        }
        d.fails()
    } else {
        let fail_on = args.review.fail_on;
        let d = diff::diff_translations(a, b, c, &options)?;
        if !args.out.quiet {
            warn_unsure(&[&d.source.file, &d.old.file], &d.detections);
            warn_same_language(&d.source.lang, &d.old.lang, &args.how);
        }
        deliver(args.out.path(), &inputs, paging, |out| {
            diff::format::write_translation(out, &d, format, fail_on, paint)
        })?;
        if github {
            step_summary(&diff::format::github::translation_summary(&d));
        }
        d.fails(fail_on)
    };
    args.out.wrote();
    Ok(if failed {
        exit_codes::FINDINGS
    } else {
        exit_codes::OK
    })
}

fn run_batch(args: BatchArgs) -> anyhow::Result<u8> {
    let options = BatchOptions {
        input_format: args.input_format,
        output_format: args.format,
        defaults: Defaults {
            langs: [args.how.src_lang, args.how.tgt_lang],
            split: args.how.split,
            base_dir: batch::base_dir(&args.input),
        },
        align: args.how.options()?,
        shard: args.shard,
        strict: args.strict,
        threads: args.threads.map_or(0, usize::from),
    };
    let counter = progress::Counter::start(args.out.quiet);
    let totals = batch::run_files(
        &args.input,
        args.out.path(),
        &args.how.inputs(&[]),
        &options,
        &mut |t| counter.update(t.records, t.sentences, t.bad),
    );
    counter.finish();
    let totals = totals?;
    if !args.out.quiet {
        for message in &totals.first_errors {
            eprintln!("bialign: bad record: {}", visible(message));
        }
        if totals.bad > totals.first_errors.len() {
            eprintln!(
                "bialign: … and {} more",
                count_noun(
                    totals.bad - totals.first_errors.len(),
                    "bad record",
                    "bad records"
                )
            );
        }
        let elsewhere = if options.shard.is_some() {
            format!(", {} left to other shards", totals.elsewhere)
        } else {
            String::new()
        };
        eprintln!(
            "bialign: batch: {} ({} bad), {}, {}{elsewhere}",
            count_noun(totals.records, "record", "records"),
            totals.bad,
            count_noun(totals.sentences, "sentence", "sentences"),
            count_noun(totals.pairs, "pair", "pairs"),
        );
    }
    args.out.wrote();
    Ok(exit_codes::OK)
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

/// Write a report to `-o` or standard output. `paging` is given for a terminal view: going to
/// standard output, it is rendered whole and shown through the pager when that is wanted.
fn deliver(
    output: Option<&Path>,
    inputs: &[&Path],
    paging: Option<Paging>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match paging.filter(|p| to_stdout(output) && p.wanted()) {
        Some(paging) => {
            let mut text = Vec::new();
            write(&mut text)?;
            pager::show(&text, paging)?;
        }
        None => output::write_to(output, inputs, write)?,
    }
    Ok(())
}

/// Does the output go to standard output (no `-o`, or `-o -`)?
fn to_stdout(output: Option<&Path>) -> bool {
    output.is_none_or(|p| p.as_os_str() == "-")
}

fn run_eval(args: EvalArgs) -> anyhow::Result<u8> {
    let sets: Vec<EvalSet> = args
        .dirs
        .iter()
        .map(|d| EvalSet::open(d))
        .collect::<Result<_, _>>()?;
    let options = AlignOptions {
        no_learning: args.no_learning,
        table: read_table(args.table.as_deref())?,
        ..AlignOptions::default()
    };
    if let (Some(table), Some(path)) = (&options.table, &args.table) {
        for set in &sets {
            table.check_langs(path, set.src_lang, set.tgt_lang)?;
        }
    }
    let scores = sets
        .iter()
        .map(|set| {
            Ok(SetScores {
                set,
                docs: eval::evaluate(set, &options)?,
            })
        })
        .collect::<bialign::Result<Vec<_>>>()?;
    let format = match (args.format, args.json) {
        (Some(format), _) => format,
        (None, true) => EvalFormat::Json,
        (None, false) => match &args.out.output {
            Some(path) if path.extension().is_some_and(|e| e == "json") => EvalFormat::Json,
            _ => EvalFormat::Terminal,
        },
    };
    let inputs: Vec<&Path> = args.table.iter().map(PathBuf::as_path).collect();
    output::write_to(args.out.path(), &inputs, |out| {
        eval::report::write(out, &scores, format, args.verbose)
    })?;
    args.out.wrote();
    Ok(exit_codes::OK)
}

/// Help and version as clap prints them; a usage error in one line, like every other error.
fn argument_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.use_stderr() {
            exit_codes::ERROR
        } else {
            exit_codes::OK
        });
    }
    let text = e.render().to_string();
    // clap's first paragraph is the reason (missing arguments and possible values follow on
    // lines of their own), then tips, the usage and a pointer to --help.
    let reason: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim().trim_start_matches("error: "))
        .collect();
    let reason = reason.join(" ");
    let usage = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))
        .map_or(" (see --help)".to_owned(), |u| {
            format!(" (usage: {u}; see --help)")
        });
    eprintln!("bialign: {}{usage}", visible(&reason));
    ExitCode::from(exit_codes::ERROR)
}

fn wrote_files<P: AsRef<Path>>(paths: &[P], quiet: bool) {
    if quiet || paths.is_empty() {
        return;
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| visible(&p.as_ref().display().to_string()))
        .collect();
    eprintln!("bialign: wrote {}", names.join(" and "));
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
