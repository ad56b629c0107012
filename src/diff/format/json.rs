//! `--format json` for `bialign diff`: the schema documented in `docs/check.md`, with the same
//! `version` as the check output and the same finding objects.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::baseline::SCHEMA_VERSION;
use crate::check::{Counts, FileInfo, Finding};
use crate::diff::source::{SourceChange, SourceDiff};
use crate::diff::{Change, TranslationDiff};
use crate::render::json::{Tool, TOOL};

#[derive(Serialize)]
struct TranslationOutput<'a> {
    version: u32,
    tool: Tool,
    mode: &'static str,
    source: &'a FileInfo,
    old: &'a FileInfo,
    new: &'a FileInfo,
    summary: TranslationSummary,
    changes: &'a [Change],
    introduced: &'a [Finding],
    fixed: &'a [Finding],
}

#[derive(Serialize)]
struct TranslationSummary {
    changed: usize,
    added: usize,
    removed: usize,
    unchanged: usize,
    introduced: Counts,
    fixed: Counts,
}

pub(crate) fn translation(out: &mut dyn Write, d: &TranslationDiff) -> io::Result<()> {
    let counts = d.status_counts();
    let doc = TranslationOutput {
        version: SCHEMA_VERSION,
        tool: TOOL,
        mode: "translation",
        source: &d.source,
        old: &d.old,
        new: &d.new,
        summary: TranslationSummary {
            changed: counts.changed,
            added: counts.added,
            removed: counts.removed,
            unchanged: d.unchanged,
            introduced: Counts::of(&d.introduced),
            fixed: Counts::of(&d.fixed),
        },
        changes: &d.changes,
        introduced: &d.introduced,
        fixed: &d.fixed,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct SourceOutput<'a> {
    version: u32,
    tool: Tool,
    mode: &'static str,
    old: &'a FileInfo,
    new: &'a FileInfo,
    target: &'a FileInfo,
    summary: SourceSummary<'a>,
    changes: &'a [SourceChange],
}

#[derive(Serialize)]
struct SourceSummary<'a> {
    changed: usize,
    added: usize,
    removed: usize,
    unchanged: usize,
    /// 0-based indices of the stale target sentences.
    stale: &'a [usize],
    untranslated: usize,
}

pub(crate) fn source(out: &mut dyn Write, d: &SourceDiff) -> io::Result<()> {
    let counts = d.status_counts();
    let doc = SourceOutput {
        version: SCHEMA_VERSION,
        tool: TOOL,
        mode: "source",
        old: &d.old,
        new: &d.new,
        target: &d.target,
        summary: SourceSummary {
            changed: counts.changed,
            added: counts.added,
            removed: counts.removed,
            unchanged: d.unchanged,
            stale: &d.stale,
            untranslated: d.untranslated,
        },
        changes: &d.changes,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
