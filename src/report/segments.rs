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

/// How `bialign segment` writes the sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SegmentFormat {
    /// One sentence a line.
    #[default]
    Lines,
    /// One JSON object a line: index, text, byte span, line and paragraph.
    Jsonl,
}

impl crate::names::Named for SegmentFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("lines", SegmentFormat::Lines),
        ("jsonl", SegmentFormat::Jsonl),
    ];
}

/// Writes `sentences` in `format`.
pub fn write(out: &mut dyn Write, sentences: &[Sentence], format: SegmentFormat) -> io::Result<()> {
    match format {
        SegmentFormat::Lines => write_lines(out, sentences),
        SegmentFormat::Jsonl => write_jsonl(out, sentences),
    }
}

/// One sentence a line; a sentence that spans wrapped lines (or holds any other line break, see
/// [`crate::text::is_line_break`]) is printed on one line.
pub(crate) fn write_lines(out: &mut dyn Write, sentences: &[Sentence]) -> io::Result<()> {
    for s in sentences {
        writeln!(out, "{}", crate::text::flatten_lines(&s.text))?;
    }
    Ok(())
}

/// Writes each sentence as a JSON line with its 0-based index.
pub fn write_jsonl(out: &mut dyn Write, sentences: &[Sentence]) -> io::Result<()> {
    for (index, sentence) in sentences.iter().enumerate() {
        crate::render::json::write_json_line(out, &Record { index, sentence })?;
    }
    Ok(())
}
