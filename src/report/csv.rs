//! CSV (RFC 4180, UTF-8, header row): one row per bead with its sentences and exact locations.

use std::io::{self, Write};

use super::ReportOptions;
use crate::aligned::{AlignedPair, BeadRecord};

/// Writes one CSV row per bead ([`BeadRecord`]) with a header row.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()> {
    let csv_safe = opts.csv_safe;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "bead",
        "src_ids",
        "tgt_ids",
        "kind",
        "score",
        "src",
        "tgt",
        "src_start",
        "src_end",
        "tgt_start",
        "tgt_end",
        "src_line",
        "tgt_line",
        "flags",
        "src_paragraph",
        "tgt_paragraph",
    ])?;
    for record in pair.records() {
        let BeadRecord {
            bead,
            src_ids,
            tgt_ids,
            kind,
            score,
            src,
            tgt,
            src_span,
            tgt_span,
            src_line,
            tgt_line,
            flags,
            src_paragraph,
            tgt_paragraph,
        } = record;
        let join = |ids: &[usize]| {
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let opt = |v: Option<usize>| v.map_or(String::new(), |v| v.to_string());
        let text = |s: String| if csv_safe { defuse_formula(s) } else { s };
        w.write_record([
            bead.to_string(),
            join(&src_ids),
            join(&tgt_ids),
            kind,
            format!("{score:.4}"),
            text(src),
            text(tgt),
            opt(src_span.map(|s| s.0)),
            opt(src_span.map(|s| s.1)),
            opt(tgt_span.map(|s| s.0)),
            opt(tgt_span.map(|s| s.1)),
            opt(src_line),
            opt(tgt_line),
            text(flags.join(";")),
            opt(src_paragraph),
            opt(tgt_paragraph),
        ])?;
    }
    w.flush()
}

/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula; a leading
/// apostrophe makes it text (the OWASP recommendation for CSV injection).
fn defuse_formula(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}
