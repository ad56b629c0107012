//! `--format json`: the schema documented in `docs/check.md`, version `SCHEMA_VERSION`. Fields
//! are only ever added within a version; a later version may change or remove them.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::check::baseline::SCHEMA_VERSION;
use crate::check::{CheckReport, Counts, FileInfo, Finding};
use crate::names::Named;
use crate::render::json::{Tool, TOOL};

#[derive(Serialize)]
struct Summary {
    #[serde(flatten)]
    counts: Counts,
    by_kind: BTreeMap<&'static str, usize>,
    baselined: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    source: &'a FileInfo,
    target: &'a FileInfo,
    summary: Summary,
    findings: &'a [Finding],
}

/// Writes the report as one JSON document in the schema of docs/check.md.
pub fn write(out: &mut dyn Write, report: &CheckReport) -> io::Result<()> {
    let mut by_kind = BTreeMap::new();
    for f in &report.findings {
        *by_kind.entry(f.kind.name()).or_insert(0) += 1;
    }
    let doc = Output {
        version: SCHEMA_VERSION,
        tool: TOOL,
        source: &report.source,
        target: &report.target,
        summary: Summary {
            counts: Counts::of(&report.findings),
            by_kind,
            baselined: report.baselined,
        },
        findings: &report.findings,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
