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

/// An output format of `bialign diff` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// Changes with inline word differences, coloured or `[-old-]{+new+}`.
    Terminal,
    /// The documented schema (`docs/check.md`).
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// One self-contained page, old and new side by side with `<del>`/`<ins>`.
    Html,
}

impl crate::names::Named for DiffFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, DiffFormat)] = &[
        ("terminal", DiffFormat::Terminal),
        ("json", DiffFormat::Json),
        ("github", DiffFormat::Github),
        ("html", DiffFormat::Html),
        ("human", DiffFormat::Terminal),
    ];
}

impl DiffFormat {
    /// The format an output file name asks for: `.json` and `.html`/`.htm` (in any case) name
    /// theirs; any other name gets the terminal format (without colour, in a file).
    pub fn for_output(path: &std::path::Path) -> DiffFormat {
        match crate::output::extension(path).as_deref() {
            Some("json") => DiffFormat::Json,
            Some("html" | "htm") => DiffFormat::Html,
            _ => DiffFormat::Terminal,
        }
    }
}

/// Writes a translation diff in `format`; `fail_on` decides its pass or fail verdict.
pub fn write_translation(
    out: &mut dyn Write,
    diff: &TranslationDiff,
    format: DiffFormat,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    match format {
        DiffFormat::Terminal => terminal::translation(out, diff, fail_on, paint),
        DiffFormat::Json => json::translation(out, diff),
        DiffFormat::Github => github::translation(out, diff),
        DiffFormat::Html => html::translation(out, diff, fail_on),
    }
}

/// Writes a source diff in `format`.
pub fn write_source(
    out: &mut dyn Write,
    diff: &SourceDiff,
    format: DiffFormat,
    paint: Paint,
) -> io::Result<()> {
    match format {
        DiffFormat::Terminal => terminal::source(out, diff, paint),
        DiffFormat::Json => json::source(out, diff),
        DiffFormat::Github => github::source(out, diff),
        DiffFormat::Html => html::source(out, diff),
    }
}
