//! TSV as hunalign, ParaCrawl and bicleaner write it: `src<TAB>tgt<TAB>score`, one translation
//! pair a line, no header. The text is escaped (`crate::render::tsv::escape`) so that every
//! line has exactly three fields for any reader and the text can be restored.

use std::io::{self, Write};

use super::ReportOptions;
use crate::aligned::AlignedPair;
use crate::render::tsv::escape;

/// Writes `src<TAB>tgt<TAB>score` lines, one per bead, escaped.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()> {
    for r in pair.records() {
        if !opts.keep_unpaired && (r.src_ids.is_empty() || r.tgt_ids.is_empty()) {
            continue;
        }
        writeln!(
            out,
            "{}\t{}\t{:.4}",
            escape(&r.src),
            escape(&r.tgt),
            r.score
        )?;
    }
    Ok(())
}
