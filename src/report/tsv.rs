//! TSV as hunalign, ParaCrawl and bicleaner write it: `src<TAB>tgt<TAB>score`, one translation
//! pair a line, no header. Backslash, tab, newline and carriage return in the text are written
//! `\\`, `\t`, `\n`, `\r`, vertical tab and form feed `\v`, `\f`, and the other characters some
//! reader takes for a line break ([`crate::text::is_line_break`]: FS, GS, RS, NEL, U+2028,
//! U+2029) `\u001c` …, so every line has exactly three fields for any reader (Python's
//! `splitlines` included) and the text can be restored.

use std::io::{self, Write};

use super::ReportOptions;
use crate::aligned::AlignedPair;
use crate::render::tsv::escape;

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
