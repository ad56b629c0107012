//! `--format github`: GitHub Actions workflow commands, one annotation per finding on the
//! translation file, and a Markdown summary for `$GITHUB_STEP_SUMMARY` (GitHub shows only ten
//! annotations of each level per step; the summary lists everything).

use std::io::{self, Write};

use crate::check::{CheckReport, Counts, Kind};
use crate::render::github::{annotation, markdown_cell, rows_left_out, SUMMARY_ROWS};
use crate::text::visible;

/// Writes one GitHub Actions annotation per finding on the translation file.
pub fn write(out: &mut dyn Write, report: &CheckReport) -> io::Result<()> {
    for f in &report.findings {
        annotation(out, f)?;
    }
    let counts = Counts::of(&report.findings);
    writeln!(
        out,
        "bialign check: {} → {}: {}{}",
        visible(&report.source.file),
        visible(&report.target.file),
        counts,
        baselined(report.baselined)
    )
}

fn baselined(n: usize) -> String {
    if n > 0 {
        format!(" ({n} more in the baseline)")
    } else {
        String::new()
    }
}

/// The step summary: counts by kind and a table of the findings.
pub fn step_summary(report: &CheckReport) -> String {
    let counts = Counts::of(&report.findings);
    let mut md = format!(
        "## bialign check: `{}` → `{}`\n\n**{}**{}\n\n",
        visible(&report.source.file),
        visible(&report.target.file),
        counts,
        baselined(report.baselined)
    );
    if report.findings.is_empty() {
        md.push_str("No findings.\n");
        return md;
    }
    md.push_str("| kind | severity | count |\n|---|---|---:|\n");
    for kind in Kind::ALL {
        let n = report.findings.iter().filter(|f| f.kind == kind).count();
        if n > 0 {
            md.push_str(&format!("| {kind} | {} | {n} |\n", kind.severity()));
        }
    }
    md.push_str("\n| where | kind | message | source | translation |\n|---|---|---|---|---|\n");
    for f in report.findings.iter().take(SUMMARY_ROWS) {
        md.push_str(&format!(
            "| `{}:{}` | {} | {} | {} | {} |\n",
            markdown_cell(&f.target.location.file),
            f.target.location.line,
            f.kind,
            markdown_cell(&f.message),
            markdown_cell(&shorten(&f.source.text)),
            markdown_cell(&shorten(&f.target.text)),
        ));
    }
    rows_left_out(&mut md, report.findings.len());
    md
}

fn shorten(s: &str) -> String {
    const MAX: usize = 120;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(MAX).collect();
        t.push('…');
        t
    }
}
