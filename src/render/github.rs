//! GitHub Actions: workflow commands (annotations, with their escaping) and the Markdown step
//! summary, as `check` and `diff` write them for `--format github`.

use std::io::{self, Write};
use std::path::Path;

use super::one_line;
use crate::check::finding::{Finding, Location, Severity, SideName};
use crate::error::{Error, Result};
use crate::text::visible;

/// At most this many rows are listed in a table of a step summary.
pub(crate) const SUMMARY_ROWS: usize = 200;

/// `error`, `warning` or `notice`.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// One finding as a workflow command on the translation file.
pub(crate) fn annotation(out: &mut dyn Write, f: &Finding) -> io::Result<()> {
    let loc = f
        .anchors
        .iter()
        .find(|a| a.side == SideName::Target)
        .map_or(&f.target.location, |a| &a.location);
    let props = properties(loc, &format!("bialign {}", f.kind));
    let mut message = f.message.clone();
    if !f.source.text.is_empty() {
        message.push_str(&format!(
            "\nsource ({}:{}): {}",
            f.source.location.file,
            f.source.location.line,
            one_line(&f.source.text)
        ));
    }
    if !f.target.text.is_empty() {
        message.push_str(&format!("\ntranslation: {}", one_line(&f.target.text)));
    }
    writeln!(
        out,
        "::{} {props}::{}",
        level(f.severity),
        escape_data(&message)
    )
}

/// A workflow command's properties: where it points (`file`, `line`, `col`, and for a span
/// `endLine`, `endColumn`) and its `title`, escaped.
pub fn properties(loc: &Location, title: &str) -> String {
    let mut props = format!(
        "file={},line={},col={}",
        escape_property(&loc.file),
        loc.line,
        loc.column
    );
    if loc.end > loc.start {
        props.push_str(&format!(
            ",endLine={},endColumn={}",
            loc.end_line,
            last_column(loc)
        ));
    }
    props.push_str(&format!(",title={}", escape_property(title)));
    props
}

/// The column of the last character of a span (GitHub's `endColumn` is inclusive; ours is the
/// column just past the end).
pub(crate) fn last_column(loc: &Location) -> usize {
    if loc.end_line == loc.line {
        loc.end_column.saturating_sub(1).max(loc.column)
    } else {
        loc.end_column
    }
}

/// A workflow command's message: `%`, CR and LF are encoded, and the other control characters
/// made visible (the log shows them to a terminal-like viewer that would obey ESC).
pub(crate) fn escape_data(s: &str) -> String {
    visible(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// A workflow command's property value: also `:` and `,`, which delimit properties.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Text for a Markdown table cell: one line, `|` escaped, HTML special characters as entities.
pub(crate) fn markdown_cell(s: &str) -> String {
    one_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
}

/// After a step summary's table of `n` rows: how many were left out, if any.
pub(crate) fn rows_left_out(md: &mut String, n: usize) {
    if n > SUMMARY_ROWS {
        md.push_str(&format!(
            "\n… and {} more (see the `--format json` output).\n",
            n - SUMMARY_ROWS
        ));
    }
}

/// Append Markdown to the file `$GITHUB_STEP_SUMMARY` names, when that variable is set.
pub fn append_step_summary(markdown: &str) -> Result<bool> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(false);
    };
    let path = Path::new(&path);
    let err = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(err)?;
    file.write_all(markdown.as_bytes()).map_err(err)?;
    file.write_all(b"\n").map_err(err)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d");
        assert_eq!(
            escape_property("dir,1/a:b%.txt\n"),
            "dir%2C1/a%3Ab%25.txt%0A"
        );
        assert_eq!(markdown_cell("a|b\n<c>"), "a\\|b &lt;c&gt;");
    }
}
