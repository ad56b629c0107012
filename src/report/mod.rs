//! Output formats, one module each. Formats read the pipeline's result ([`crate::AlignedPair`]) and never
//! reach back into how the alignment was made.
//!
//! Every format of `bialign align` is a module with one function,
//! `write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()>`
//! (Moses, which writes two files, takes two writers); [`format`](mod@format) names them, infers one from a
//! file name and dispatches. Adding a format touches only that module and [`format`](mod@format).

pub mod beads;
pub mod csv;
pub mod format;
pub mod html;
pub mod jsonl;
pub mod moses;
pub mod segments;
pub mod terminal;
pub mod tmx;
pub mod tsv;

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
