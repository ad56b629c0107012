//! `--format github` for `bialign diff`: annotations on the translation for the findings an edit
//! introduced, stale translations and untranslated new source sentences, and a Markdown step
//! summary of every change.

use std::io::{self, Write};

use crate::check::{Counts, Excerpt};
use crate::diff::source::SourceDiff;
use crate::diff::words::plain;
use crate::diff::{Status, TranslationDiff};
use crate::render::github::{
    annotation, escape_data, markdown_cell, properties, rows_left_out, SUMMARY_ROWS,
};
use crate::render::one_line;
use crate::text::visible;

pub(crate) fn translation(out: &mut dyn Write, d: &TranslationDiff) -> io::Result<()> {
    for f in &d.introduced {
        annotation(out, f)?;
    }
    writeln!(
        out,
        "bialign diff: {} → {}: {} changes; introduced {}; fixed {}",
        visible(&d.old.file),
        visible(&d.new.file),
        d.changes.len(),
        Counts::of(&d.introduced),
        Counts::of(&d.fixed)
    )
}

fn command(out: &mut dyn Write, at: &Excerpt, title: &str, message: &str) -> io::Result<()> {
    let props = properties(&at.location, title);
    writeln!(out, "::error {props}::{}", escape_data(message))
}

pub(crate) fn source(out: &mut dyn Write, d: &SourceDiff) -> io::Result<()> {
    for c in &d.changes {
        match c.status {
            Status::Added => command(
                out,
                &c.target,
                "bialign untranslated source sentence",
                &format!(
                    "new source sentence without a translation ({}:{}):\n{}",
                    c.new.location.file,
                    c.new.location.line,
                    one_line(&c.new.text)
                ),
            )?,
            _ if c.target.text.is_empty() => {}
            status => command(
                out,
                &c.target,
                "bialign stale translation",
                &format!(
                    "its source sentence was {} ({}:{}):\n{}",
                    status.as_str(),
                    c.old.location.file,
                    c.old.location.line,
                    one_line(&plain(&c.words))
                ),
            )?,
        }
    }
    writeln!(
        out,
        "bialign diff --source: {} → {}: {}",
        visible(&d.old.file),
        visible(&d.new.file),
        d.to_do()
    )
}

/// The step summary of a translation edit.
pub fn translation_summary(d: &TranslationDiff) -> String {
    let mut md = format!(
        "## bialign diff: `{}` → `{}`\n\n**{} changes; introduced {}; fixed {}**\n\n",
        visible(&d.old.file),
        visible(&d.new.file),
        d.changes.len(),
        Counts::of(&d.introduced),
        Counts::of(&d.fixed)
    );
    if !d.changes.is_empty() {
        md.push_str("| status | source | old → new | difference |\n|---|---|---|---|\n");
        for c in d.changes.iter().take(SUMMARY_ROWS) {
            md.push_str(&format!(
                "| {} | `{}:{}` | `{}` → `{}` | {} |\n",
                c.status.as_str(),
                markdown_cell(&c.source.location.file),
                c.source.location.line,
                c.old.location.line,
                c.new.location.line,
                markdown_cell(&plain(&c.words)),
            ));
        }
        rows_left_out(&mut md, d.changes.len());
    }
    for (title, list) in [("Introduced", &d.introduced), ("Fixed", &d.fixed)] {
        if list.is_empty() {
            continue;
        }
        md.push_str(&format!(
            "\n### {title}\n\n| where | kind | message |\n|---|---|---|\n"
        ));
        for f in list.iter().take(SUMMARY_ROWS) {
            md.push_str(&format!(
                "| `{}:{}` | {} | {} |\n",
                markdown_cell(&f.target.location.file),
                f.target.location.line,
                f.kind,
                markdown_cell(&f.message)
            ));
        }
        rows_left_out(&mut md, list.len());
    }
    md
}

/// The step summary of a source edit.
pub fn source_summary(d: &SourceDiff) -> String {
    let mut md = format!(
        "## bialign diff --source: `{}` → `{}` (translated in `{}`)\n\n**{}**\n\n",
        visible(&d.old.file),
        visible(&d.new.file),
        visible(&d.target.file),
        d.to_do()
    );
    if !d.changes.is_empty() {
        md.push_str("| status | source | difference | translation |\n|---|---|---|---|\n");
        for c in d.changes.iter().take(SUMMARY_ROWS) {
            let target = match c.status {
                Status::Added => format!("missing (belongs at line {})", c.target.location.line),
                _ => format!(
                    "stale, line {}: {}",
                    c.target.location.line,
                    markdown_cell(&c.target.text)
                ),
            };
            md.push_str(&format!(
                "| {} | `{}:{}` | {} | {} |\n",
                c.status.as_str(),
                markdown_cell(&c.new.location.file),
                c.new.location.line,
                markdown_cell(&plain(&c.words)),
                target
            ));
        }
        rows_left_out(&mut md, d.changes.len());
    }
    md
}
