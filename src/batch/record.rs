//! One record of a batch: parse it, see whether this shard keeps it, read its two texts, align
//! them and render the output lines. Runs on any worker thread; everything it returns is bytes
//! ready to be written in input order.

use crate::pipeline;

use super::input::{self, BadRecord, RawLine, Record, Text};
use super::{jsonl, tsv, BatchOptions, OutputFormat};

/// What became of one input line.
#[derive(Debug)]
pub enum Outcome {
    /// Another shard's record.
    Elsewhere,
    Aligned {
        output: Vec<u8>,
        /// Sentences of both sides.
        sentences: usize,
        /// Beads with both sides.
        pairs: usize,
    },
    /// `output` is the error line (empty for tsv, which has no place for one).
    Bad { output: Vec<u8>, bad: BadRecord },
}

pub fn process(line: &RawLine, options: &BatchOptions) -> Outcome {
    let parsed = input::parse(options.input_format, line, &options.defaults);
    if let Some(shard) = options.shard {
        // A line without a readable id still belongs to exactly one shard: its bytes decide.
        let key = match &parsed {
            Ok(record) => record.id.as_bytes(),
            Err(BadRecord { id: Some(id), .. }) => id.as_bytes(),
            Err(_) => line.bytes.as_slice(),
        };
        if !shard.keeps(key) {
            return Outcome::Elsewhere;
        }
    }
    match parsed.and_then(|record| align(record, line.number, options)) {
        Ok(outcome) => outcome,
        Err(bad) => {
            let mut output = Vec::new();
            if options.output_format == OutputFormat::Jsonl {
                jsonl::write_bad(&mut output, &bad).expect("writing to memory");
            }
            Outcome::Bad { output, bad }
        }
    }
}

fn align(mut record: Record, line: usize, options: &BatchOptions) -> Result<Outcome, BadRecord> {
    let fail = |record: &Record, reason: String| BadRecord {
        line,
        id: Some(record.id.clone()),
        carried: record.carried.clone(),
        reason,
    };
    // The texts move into their documents; the record keeps what the output needs.
    let src = std::mem::replace(&mut record.src, Text::Bytes(Vec::new()));
    let tgt = std::mem::replace(&mut record.tgt, Text::Bytes(Vec::new()));
    let src = src.read("src").map_err(|e| fail(&record, e))?;
    let tgt = tgt.read("tgt").map_err(|e| fail(&record, e))?;
    let result = pipeline::align_documents(src, tgt, record.langs, record.split, &options.align);
    let pair = &result.pair;
    let mut output = Vec::new();
    match options.output_format {
        OutputFormat::Jsonl => jsonl::write_aligned(&mut output, &record, pair),
        OutputFormat::Tsv => tsv::write_aligned(&mut output, &record, pair),
    }
    .expect("writing to memory");
    Ok(Outcome::Aligned {
        output,
        sentences: pair.src.sentences.len() + pair.tgt.sentences.len(),
        pairs: pair.alignment.beads.iter().filter(|b| b.is_pair()).count(),
    })
}
