//! `bialign batch`: align many document pairs, one a line, in parallel, for corpus building.
//!
//! The input is read in windows of a bounded number of records and bytes; each window's records
//! are aligned in parallel (rayon) and written in input order before the next window is read, so
//! memory depends on the window and the largest document, never on the number of records, and
//! the output is the same byte for byte whatever the number of threads.
//!
//! [`input`] parses lines into records, `record` aligns one, `jsonl` and `tsv` write the
//! results, [`shard`] decides which records a `--shard K/N` job keeps.

pub mod input;
pub(crate) mod jsonl;
mod record;
pub mod shard;
pub(crate) mod tsv;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::align::AlignOptions;
use crate::error::{Error, Result};
use crate::output;
pub use input::{BadRecord, Defaults, InputFormat};
pub(crate) use record::Outcome;
pub use shard::Shard;

/// How the batch writes its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// One JSON object a record (`jsonl::SCHEMA`).
    #[default]
    Jsonl,
    /// One translation pair a line.
    Tsv,
}

impl crate::names::Named for OutputFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, Self)] =
        &[("jsonl", OutputFormat::Jsonl), ("tsv", OutputFormat::Tsv)];
}

/// How a batch reads, aligns, shards and writes its records.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// How the input lines are read.
    pub input_format: InputFormat,
    /// How the results are written.
    pub output_format: OutputFormat,
    /// Languages and split for records that do not give their own.
    pub defaults: Defaults,
    /// How every record is aligned. (A translation table learned beforehand belongs here too.)
    pub align: AlignOptions,
    /// Keep only this shard of the records; `None` keeps all.
    pub shard: Option<Shard>,
    /// Stop at the first bad record, with an error, instead of reporting it and going on.
    pub strict: bool,
    /// Worker threads; 0 lets rayon choose (one a core, or `RAYON_NUM_THREADS`).
    pub threads: usize,
}

/// A window holds at most this many records …
const WINDOW_RECORDS: usize = 256;
/// … and at most about this many input bytes (at least one record, however long).
const WINDOW_BYTES: usize = 16 << 20;

/// What a batch did, so far or in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Records this shard kept: aligned and bad.
    pub records: usize,
    /// Records that could not be aligned.
    pub bad: usize,
    /// Records left to other shards.
    pub elsewhere: usize,
    /// Sentences aligned, both sides counted.
    pub sentences: usize,
    /// Translation pairs (beads with both sides) written.
    pub pairs: usize,
    /// The first bad records' messages (`NAME:LINE: reason`), at most [`FIRST_ERRORS`].
    pub first_errors: Vec<String>,
}

/// How many bad records' messages [`Totals`] keeps for standard error.
pub const FIRST_ERRORS: usize = 10;

/// Read a batch from `input` (a file, or `-` for standard input), write the results to
/// `output` (`None` or `-`: standard output; a file is written atomically, and refused when it
/// is the input or one of `also_read`, such as the glossary), and call `on_progress` after each
/// window.
pub fn run_files(
    input: &Path,
    output: Option<&Path>,
    also_read: &[&Path],
    options: &BatchOptions,
    on_progress: &mut dyn FnMut(&Totals),
) -> Result<Totals> {
    let mut reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        if input.is_dir() {
            return Err(Error::IsDirectory {
                path: input.to_owned(),
            });
        }
        let file = File::open(input).map_err(|source| Error::Read {
            path: input.to_owned(),
            source,
        })?;
        Box::new(BufReader::with_capacity(1 << 20, file))
    };
    // The batch's own errors (a bad record under --strict, an unreadable input) must reach the
    // caller as they are; only output errors go through `write_to`, which then keeps no file.
    let mut failure = None;
    let mut totals = Totals::default();
    let inputs: Vec<&Path> = std::iter::once(input)
        .chain(also_read.iter().copied())
        .collect();
    let written = output::write_to(output, &inputs, |out| {
        // Messages name standard input as the other commands do.
        let name = if input.as_os_str() == "-" {
            Path::new("<stdin>")
        } else {
            input
        };
        // What was done before a reader went away (`| head`), which ends the batch early but
        // is no error.
        let mut track = |t: &Totals| {
            totals = t.clone();
            on_progress(t);
        };
        match run(&mut *reader, name, out, options, &mut track) {
            Ok(_) => Ok(()),
            Err(RunError::Output(e)) => Err(e),
            Err(RunError::Batch(e)) => {
                failure = Some(e);
                Err(io::Error::other("batch stopped"))
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => written.map(|()| totals),
    }
}

/// Why [`run`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Writing the output failed.
    #[error(transparent)]
    Output(io::Error),
    /// Reading the input failed, or a bad record under `--strict`.
    #[error(transparent)]
    Batch(Error),
}

/// Read records from `input` (named `name` in messages; relative paths start from
/// [`BatchOptions::defaults`]' folder), align them, write the results to `out` in input order.
pub fn run(
    input: &mut dyn BufRead,
    name: &Path,
    out: &mut dyn Write,
    options: &BatchOptions,
    on_progress: &mut dyn FnMut(&Totals),
) -> std::result::Result<Totals, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| RunError::Batch(Error::Usage(format!("cannot start threads: {e}"))))?;
    let mut totals = Totals::default();
    let mut line_number = 0;
    loop {
        let window = read_window(input, &mut line_number).map_err(|source| {
            RunError::Batch(Error::Read {
                path: name.to_owned(),
                source,
            })
        })?;
        if window.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            window
                .into_par_iter()
                .map(|line| record::process(&line, options))
                .collect()
        });
        for outcome in outcomes {
            match outcome {
                Outcome::Elsewhere => totals.elsewhere += 1,
                Outcome::Aligned {
                    output,
                    sentences,
                    pairs,
                } => {
                    totals.records += 1;
                    totals.sentences += sentences;
                    totals.pairs += pairs;
                    out.write_all(&output).map_err(RunError::Output)?;
                }
                Outcome::Bad { output, bad } => {
                    let message = format!("{}:{}: {}", name.display(), bad.line, bad.reason);
                    if options.strict {
                        return Err(RunError::Batch(Error::syntax(name, bad.line, bad.reason)));
                    }
                    totals.records += 1;
                    totals.bad += 1;
                    if totals.first_errors.len() < FIRST_ERRORS {
                        totals.first_errors.push(message);
                    }
                    out.write_all(&output).map_err(RunError::Output)?;
                }
            }
        }
        on_progress(&totals);
    }
    Ok(totals)
}

/// The next window of input lines: up to [`WINDOW_RECORDS`] lines or [`WINDOW_BYTES`] bytes.
fn read_window(
    input: &mut dyn BufRead,
    line_number: &mut usize,
) -> io::Result<Vec<input::RawLine>> {
    let mut window = Vec::new();
    let mut bytes = 0;
    while window.len() < WINDOW_RECORDS && bytes < WINDOW_BYTES {
        match input::next_line(input, line_number)? {
            Some(line) => {
                bytes += line.bytes.len();
                window.push(line);
            }
            None => break,
        }
    }
    Ok(window)
}

/// The folder relative `src_path` / `tgt_path` of `input` are found from.
pub fn base_dir(input: &Path) -> PathBuf {
    input::base_dir(input)
}
