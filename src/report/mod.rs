//! Output formats, one module each. Formats read the pipeline's result ([`crate::AlignedPair`]) and never
//! reach back into how the alignment was made.
//!
//! Every format of `bialign align` is a module with one function,
//! `write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()>`
//! (Moses, which writes two files, takes two writers); [`format`](mod@format) names them, infers one from a
//! file name and dispatches. Adding a format touches only that module and [`format`](mod@format).

pub mod beads;
pub mod color;
pub mod csv;
pub mod format;
pub mod html;
pub mod jsonl;
pub mod moses;
pub mod pieces;
pub mod segments;
pub mod terminal;
pub mod tmx;
pub mod tsv;

use serde::Serialize;

/// What the formats may be asked beyond the pair itself. Each format reads what concerns it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// CSV: prefix cells starting with `=`, `+`, `-`, `@` so spreadsheets treat them as text.
    pub csv_safe: bool,
    /// TSV, Moses, TMX: also write beads with an empty side (omissions and additions).
    pub keep_unpaired: bool,
    /// Terminal: colour with ANSI SGR codes (otherwise mismatches are bracketed).
    pub color: bool,
    /// Terminal: columns available.
    pub width: usize,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            csv_safe: false,
            keep_unpaired: false,
            color: false,
            width: terminal::DEFAULT_WIDTH,
        }
    }
}

/// One JSON value on one line, for JSON Lines. JSON escapes the control characters but writes
/// NEL, U+2028 and U+2029 as they are, and line readers such as Python's `splitlines` break
/// lines there: they are written `\u0085`, `\u2028`, `\u2029`.
pub fn write_json_line(
    out: &mut dyn std::io::Write,
    value: &impl Serialize,
) -> std::io::Result<()> {
    struct OneLine;
    impl serde_json::ser::Formatter for OneLine {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let mut from = 0;
            for (i, c) in fragment.char_indices() {
                if crate::text::is_line_break(c) {
                    writer.write_all(&fragment.as_bytes()[from..i])?;
                    write!(writer, "\\u{:04x}", c as u32)?;
                    from = i + c.len_utf8();
                }
            }
            writer.write_all(&fragment.as_bytes()[from..])
        }
    }
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out, OneLine,
    ))?;
    out.write_all(b"\n")
}
