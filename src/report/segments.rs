//! `bialign segment` output: one sentence a line, or one JSON object a line with its location.

use std::io::{self, Write};

use serde::Serialize;

use crate::segment::Sentence;

#[derive(Serialize)]
struct Record<'a> {
    index: usize,
    #[serde(flatten)]
    sentence: &'a Sentence,
}

/// One sentence a line; a sentence that spans wrapped lines is printed on one line.
pub fn write_lines(out: &mut dyn Write, sentences: &[Sentence]) -> io::Result<()> {
    for s in sentences {
        let flat: String = s.text.split(['\r', '\n']).collect::<Vec<_>>().join(" ");
        writeln!(out, "{flat}")?;
    }
    Ok(())
}

pub fn write_jsonl(out: &mut dyn Write, sentences: &[Sentence]) -> io::Result<()> {
    for (index, sentence) in sentences.iter().enumerate() {
        serde_json::to_writer(&mut *out, &Record { index, sentence })?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
