//! `--format html`: the alignment page ([`crate::render::html::alignment`]), nothing added.

use std::io::{self, Write};

use super::ReportOptions;
use crate::aligned::AlignedPair;
use crate::render::html::alignment::{write_page, Overlay};

/// Writes the side-by-side HTML report page of the pair.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, _opts: &ReportOptions) -> io::Result<()> {
    write_page(out, pair, &Overlay::default())
}
