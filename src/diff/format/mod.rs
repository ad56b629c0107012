//! How `bialign diff` results are written: one small module per format.

pub mod github;
pub mod html;
pub mod json;
pub mod terminal;

use std::io::{self, Write};

use super::source::SourceDiff;
use super::TranslationDiff;
use crate::check::FailOn;
use crate::render::color::Paint;
use crate::render::ReviewFormat;

/// Writes a translation diff in `format`; `fail_on` decides its pass or fail verdict.
pub fn write_translation(
    out: &mut dyn Write,
    diff: &TranslationDiff,
    format: ReviewFormat,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    match format {
        ReviewFormat::Terminal => terminal::translation(out, diff, fail_on, paint),
        ReviewFormat::Json => json::translation(out, diff),
        ReviewFormat::Github => github::translation(out, diff),
        ReviewFormat::Html => html::translation(out, diff, fail_on),
    }
}

/// Writes a source diff in `format`.
pub fn write_source(
    out: &mut dyn Write,
    diff: &SourceDiff,
    format: ReviewFormat,
    paint: Paint,
) -> io::Result<()> {
    match format {
        ReviewFormat::Terminal => terminal::source(out, diff, paint),
        ReviewFormat::Json => json::source(out, diff),
        ReviewFormat::Github => github::source(out, diff),
        ReviewFormat::Html => html::source(out, diff),
    }
}
