//! Moses plain-text corpus: two files, one segment a line, line n of one the translation of
//! line n of the other (`PREFIX.zh`, `PREFIX.en`). Line breaks inside a segment become spaces so
//! the two files keep the same number of lines.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::ReportOptions;
use crate::aligned::AlignedPair;

/// `PREFIX.<src-lang>` and `PREFIX.<tgt-lang>`. When both sides are in the same language the
/// files are told apart as `PREFIX.src.<lang>` and `PREFIX.tgt.<lang>`.
pub fn paths(prefix: &Path, pair: &AlignedPair) -> [PathBuf; 2] {
    let with = |suffix: String| {
        let mut p = prefix.as_os_str().to_owned();
        p.push(".");
        p.push(suffix);
        PathBuf::from(p)
    };
    let (s, t) = (pair.src.lang.code(), pair.tgt.lang.code());
    if s == t {
        [with(format!("src.{s}")), with(format!("tgt.{t}"))]
    } else {
        [with(s.to_owned()), with(t.to_owned())]
    }
}

/// Writes the source sentences of each bead to `src` and the target sentences to `tgt`, one
/// bead a line in both.
pub fn write(
    src: &mut dyn Write,
    tgt: &mut dyn Write,
    pair: &AlignedPair,
    opts: &ReportOptions,
) -> io::Result<()> {
    for r in pair.records() {
        if !opts.keep_unpaired && (r.src_ids.is_empty() || r.tgt_ids.is_empty()) {
            continue;
        }
        writeln!(src, "{}", one_line(&r.src))?;
        writeln!(tgt, "{}", one_line(&r.tgt))?;
    }
    Ok(())
}

/// Every character some tool reads as a line break becomes a space.
pub fn one_line(text: &str) -> String {
    crate::text::flatten_lines(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(one_line("a\r\nb\nc\u{2028}d\u{1e}e"), "a b c d e");
    }
}
