//! `bialign learn`: learn a translation table from a corpus, for `--table`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use bialign::check::count_noun;
use bialign::exit_codes;
use bialign::output;
use bialign::table::input::{self as learn_input, Input};
use bialign::table::learn::{self, LearnOptions};

use super::{progress, AlignHow, OutputArgs};

#[derive(clap::Args)]
pub struct LearnArgs {
    /// Document pairs: SRC TGT file pairs, evaluation folders, batch files (.jsonl: {"id", "src",
    /// "tgt"} or "src_path"/"tgt_path" a line) or docpairs files (.tsv: url1, url2, base64 texts).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    how: AlignHow,
    #[command(flatten)]
    out: OutputArgs,
}

pub fn run(args: LearnArgs) -> anyhow::Result<u8> {
    let inputs = Input::classify(&args.inputs)?;
    let options = LearnOptions {
        align: args.how.options()?,
        ..LearnOptions::default()
    };
    let started = Instant::now();
    let progress = progress::Progress::start(args.out.quiet);
    let documents = learn_input::documents(
        inputs,
        [args.how.src_lang, args.how.tgt_lang],
        args.how.split,
    );
    let mut count = 0usize;
    let (table, summary) = learn::learn(documents, &options, &mut |_| {
        count += 1;
        progress.stage(&format!("learning: {count} documents aligned"));
    })?;
    progress.finish();
    let read: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    output::write_to(args.out.path(), &args.how.inputs(&read), |out| {
        table.write(out)
    })?;
    if !args.out.quiet {
        eprintln!(
            "bialign: {} of {} {} into {} from {} ({}, {}) in {:.1} s",
            count_noun(summary.entries, "translation", "translations"),
            count_noun(summary.source_words, "word", "words"),
            table.langs[0],
            table.langs[1],
            count_noun(summary.documents, "document", "documents"),
            count_noun(summary.sentences, "sentence", "sentences"),
            count_noun(summary.training_beads, "training bead", "training beads"),
            started.elapsed().as_secs_f64()
        );
    }
    args.out.wrote();
    Ok(exit_codes::OK)
}
