//! How check findings are written: one small module per format.
//!
//! `html` (the side-by-side report with findings marked) joins these once the report page of
//! the reports work exists; [`CheckFormat`] is where it goes.

pub mod github;
pub mod human;
pub mod json;

use std::io::{self, Write};

use super::CheckReport;
use crate::check::FailOn;
use crate::report::color::Paint;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// Grouped by kind, with excerpts, coloured on a terminal.
    Human,
    /// The stable documented schema (`docs/check.md`), also read back as a baseline.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

pub fn write(
    out: &mut dyn Write,
    report: &CheckReport,
    format: CheckFormat,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    match format {
        CheckFormat::Human => human::write(out, report, fail_on, paint),
        CheckFormat::Json => json::write(out, report),
        CheckFormat::Github => github::write(out, report),
    }
}

/// `text` on one line (sentences can span wrapped lines).
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
