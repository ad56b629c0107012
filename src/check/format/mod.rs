//! How check findings are written: one small module per format.

pub mod github;
pub mod html;
pub mod human;
pub mod json;

use std::io::{self, Write};

use super::CheckReport;
use crate::aligned::AlignedPair;
use crate::check::FailOn;
use crate::render::color::Paint;

/// An output format of `bialign check` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// Grouped by kind, with excerpts, coloured on a terminal.
    Human,
    /// The stable documented schema (`docs/check.md`), also read back as a baseline.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// The side-by-side alignment report page with the findings marked.
    Html,
}

impl crate::names::Named for CheckFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, CheckFormat)] = &[
        ("terminal", CheckFormat::Human),
        ("json", CheckFormat::Json),
        ("github", CheckFormat::Github),
        ("html", CheckFormat::Html),
        ("human", CheckFormat::Human),
    ];
}

impl CheckFormat {
    /// The format an output file name asks for: `.json` and `.html`/`.htm` (in any case) name
    /// theirs; any other name is written for people to read.
    pub fn for_output(path: &std::path::Path) -> CheckFormat {
        match crate::output::extension(path).as_deref() {
            Some("json") => CheckFormat::Json,
            Some("html" | "htm") => CheckFormat::Html,
            _ => CheckFormat::Human,
        }
    }
}

/// Write `report`, the findings of a check of `pair` (the page shows the whole alignment).
pub fn write(
    out: &mut dyn Write,
    pair: &AlignedPair,
    report: &CheckReport,
    format: CheckFormat,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    match format {
        CheckFormat::Human => human::write(out, report, fail_on, paint),
        CheckFormat::Json => json::write(out, report),
        CheckFormat::Github => github::write(out, report),
        CheckFormat::Html => html::write(out, pair, report, fail_on),
    }
}
