//! TSV as hunalign, ParaCrawl and bicleaner write it: `src<TAB>tgt<TAB>score`, one translation
//! pair a line, no header. Backslash, tab, newline and carriage return in the text are written
//! `\\`, `\t`, `\n`, `\r`, so every line has exactly three fields and the text can be restored.

use std::io::{self, Write};

use super::{AlignedPair, ReportOptions};

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

pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c => s.push(c),
        }
    }
    s
}

/// The inverse of [`escape`].
pub fn unescape(field: &str) -> String {
    let mut s = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            s.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => s.push('\t'),
            Some('n') => s.push('\n'),
            Some('r') => s.push('\r'),
            Some(other) => s.push(other),
            None => s.push('\\'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_a_line_and_undoes_it() {
        let text = "a\tb\nc\\d\r\ne";
        let e = escape(text);
        assert_eq!(e, "a\\tb\\nc\\\\d\\r\\ne");
        assert!(!e.contains(['\t', '\n', '\r']));
        assert_eq!(unescape(&e), text);
    }
}
