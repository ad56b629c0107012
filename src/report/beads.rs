//! The Vecalign / Bertalign bead format: one bead a line, `[i,j]:[k]:score`, 0-based indices.

use std::io::{self, Write};

use super::ReportOptions;
use crate::aligned::AlignedPair;

/// Writes the alignment in the bead format, one bead a line.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, _opts: &ReportOptions) -> io::Result<()> {
    for bead in &pair.alignment.beads {
        writeln!(
            out,
            "{}:{}:{:.4}",
            list(bead.src.clone()),
            list(bead.tgt.clone()),
            bead.score
        )?;
    }
    Ok(())
}

fn list(ids: std::ops::Range<usize>) -> String {
    let inner: Vec<String> = ids.map(|i| i.to_string()).collect();
    format!("[{}]", inner.join(","))
}
