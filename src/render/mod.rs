//! The rendering kit the views share. Each command's formats (`report` for `align`,
//! `check::format`, `diff::format`, `batch`'s outputs) are leaves that build on these pieces and on
//! the pipeline's and the checks' types, never on another command's formats:
//!
//! - [`html`]: escaping, the page frame, a finding in markup, and the [`html::alignment`] page
//!   that `align` and `check` both write;
//! - [`github`]: workflow commands (annotations), their escaping, and the step summary;
//! - [`color`]: `--color` and the ANSI styles ([`color::Paint`]);
//! - [`terminal`]: a finding as `check` and `diff` show it to a person;
//! - [`pieces`]: a sentence cut at its anchors, for the views that highlight them;
//! - [`json`] and [`tsv`]: JSON Lines and the `tool` object; TSV fields;
//! - [`ReviewFormat`]: the four formats of the commands that give a verdict, `check` and `diff`.

pub mod color;
pub mod github;
pub mod html;
pub mod json;
pub mod pieces;
pub mod terminal;
pub mod tsv;

/// An output format of the commands that give a verdict (`check` and `diff`, `--format`): the same
/// four, named the same way, so a CI job that reads one command's output can read the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFormat {
    /// For a person: grouped, with excerpts, coloured on a terminal (`terminal` or `human`).
    Terminal,
    /// The stable documented schema (`docs/check.md`); `check`'s is also read back as a baseline.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One self-contained page.
    Html,
}

impl crate::names::Named for ReviewFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, ReviewFormat)] = &[
        ("terminal", ReviewFormat::Terminal),
        ("json", ReviewFormat::Json),
        ("github", ReviewFormat::Github),
        ("html", ReviewFormat::Html),
        ("human", ReviewFormat::Terminal),
    ];
}

impl ReviewFormat {
    /// The format an output file name asks for: `.json` and `.html`/`.htm` (in any case) name
    /// theirs; any other name is written for people to read (without colour, in a file).
    pub fn for_output(path: &std::path::Path) -> ReviewFormat {
        match crate::output::extension(path).as_deref() {
            Some("json") => ReviewFormat::Json,
            Some("html" | "htm") => ReviewFormat::Html,
            _ => ReviewFormat::Terminal,
        }
    }
}

/// `text` on one line (sentences can span wrapped lines), with no control character left raw:
/// it is shown on terminals and in CI logs.
pub fn one_line(text: &str) -> String {
    crate::text::visible(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::ReviewFormat;
    use crate::names::Named;
    use std::path::Path;

    #[test]
    fn a_review_output_file_name_asks_for_its_format() {
        for (name, format) in [
            ("findings.json", ReviewFormat::Json),
            ("out/Findings.JSON", ReviewFormat::Json),
            ("page.html", ReviewFormat::Html),
            ("page.HTM", ReviewFormat::Html),
            ("notes.txt", ReviewFormat::Terminal),
            ("findings", ReviewFormat::Terminal),
            ("-", ReviewFormat::Terminal),
        ] {
            assert_eq!(ReviewFormat::for_output(Path::new(name)), format, "{name}");
        }
    }

    #[test]
    fn human_is_the_terminal_format_by_another_name() {
        assert_eq!(ReviewFormat::from_name("human"), Ok(ReviewFormat::Terminal));
        assert_eq!(ReviewFormat::Terminal.name(), "terminal");
        assert!(ReviewFormat::from_name("text").is_err());
    }
}
