//! The batch's TSV output: one translation pair a line, `id<TAB>source<TAB>target<TAB>score`
//! (docpairs: `url1<TAB>url2<TAB>source<TAB>target<TAB>score`), the layout of hunalign and
//! bitextor outputs. Only pairs are written (no omissions or additions), and text is escaped as
//! `bialign align --format tsv` escapes it ([`crate::render::tsv::escape`]), so every line has
//! the same number of fields. A bad record has no line here: it is reported on standard error.

use std::io::{self, Write};

use super::input::Record;
use crate::aligned::{join, AlignedPair};
use crate::render::tsv::escape;

pub fn write_aligned(out: &mut dyn Write, record: &Record, pair: &AlignedPair) -> io::Result<()> {
    let key = match &record.urls {
        Some((url1, url2)) => format!("{}\t{}", escape(url1), escape(url2)),
        None => escape(&record.id),
    };
    for b in pair.alignment.beads.iter().filter(|b| b.is_pair()) {
        let src = join(&pair.src.sentences[b.src.clone()], pair.src.lang);
        let tgt = join(&pair.tgt.sentences[b.tgt.clone()], pair.tgt.lang);
        writeln!(
            out,
            "{key}\t{}\t{}\t{:.4}",
            escape(&src),
            escape(&tgt),
            b.score
        )?;
    }
    Ok(())
}
