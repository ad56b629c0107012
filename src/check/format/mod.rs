//! How check findings are written: one small module per format.

pub mod github;
pub mod html;
pub mod json;
pub mod terminal;

use std::io::{self, Write};

use super::CheckReport;
use crate::aligned::AlignedPair;
use crate::check::FailOn;
use crate::render::color::Paint;
use crate::render::ReviewFormat;

/// Write `report`, the findings of a check of `pair` (the page shows the whole alignment).
pub fn write(
    out: &mut dyn Write,
    pair: &AlignedPair,
    report: &CheckReport,
    format: ReviewFormat,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    match format {
        ReviewFormat::Terminal => terminal::write(out, report, fail_on, paint),
        ReviewFormat::Json => json::write(out, report),
        ReviewFormat::Github => github::write(out, report),
        ReviewFormat::Html => html::write(out, pair, report, fail_on),
    }
}
