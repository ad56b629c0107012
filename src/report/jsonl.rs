//! JSON Lines: one object per bead with everything the CSV has, ids and flags as arrays and
//! missing locations (the empty side of an omission or addition) as `null`.

use std::io::{self, Write};

use serde::Serialize;

use super::ReportOptions;
use crate::aligned::AlignedPair;
use crate::render::json::write_json_line;

#[derive(Serialize)]
struct Record<'a> {
    bead: usize,
    src_ids: &'a [usize],
    tgt_ids: &'a [usize],
    kind: &'a str,
    score: f64,
    src: &'a str,
    tgt: &'a str,
    src_start: Option<usize>,
    src_end: Option<usize>,
    tgt_start: Option<usize>,
    tgt_end: Option<usize>,
    src_line: Option<usize>,
    tgt_line: Option<usize>,
    flags: &'a [String],
    src_paragraph: Option<usize>,
    tgt_paragraph: Option<usize>,
}

/// Writes one JSON object per bead, one a line.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, _opts: &ReportOptions) -> io::Result<()> {
    for r in pair.records() {
        let record = Record {
            bead: r.bead,
            src_ids: &r.src_ids,
            tgt_ids: &r.tgt_ids,
            kind: &r.kind,
            // Four decimals, as in the CSV: more would only be noise.
            score: (r.score * 1e4).round() / 1e4,
            src: &r.src,
            tgt: &r.tgt,
            src_start: r.src_span.map(|s| s.0),
            src_end: r.src_span.map(|s| s.1),
            tgt_start: r.tgt_span.map(|s| s.0),
            tgt_end: r.tgt_span.map(|s| s.1),
            src_line: r.src_line,
            tgt_line: r.tgt_line,
            flags: &r.flags,
            src_paragraph: r.src_paragraph,
            tgt_paragraph: r.tgt_paragraph,
        };
        write_json_line(out, &record)?;
    }
    Ok(())
}
