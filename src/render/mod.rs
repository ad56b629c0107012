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
//! - [`json`] and [`tsv`]: JSON Lines and the `tool` object; TSV fields.

pub mod color;
pub mod github;
pub mod html;
pub mod json;
pub mod pieces;
pub mod terminal;
pub mod tsv;

/// `text` on one line (sentences can span wrapped lines), with no control character left raw:
/// it is shown on terminals and in CI logs.
pub fn one_line(text: &str) -> String {
    crate::text::visible(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}
