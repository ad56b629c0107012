//! `--format terminal` (or `human`): findings grouped by kind, each with where it is, what is
//! wrong and an excerpt of both sides with the numbers or terms concerned marked; coloured on a
//! terminal.

use std::io::{self, Write};

use crate::check::{CheckReport, Counts, FailOn, Finding, Kind};
use crate::render::color::Paint;
use crate::render::terminal::finding;
use crate::text::visible;

/// Writes the findings grouped by kind, with excerpts, for a person to read.
pub fn write(
    out: &mut dyn Write,
    report: &CheckReport,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {} ({}, {} sentences) → {} ({}, {} sentences)",
        paint.bold("bialign check:"),
        visible(&report.source.file),
        report.source.lang,
        report.source.sentences,
        visible(&report.target.file),
        report.target.lang,
        report.target.sentences
    )?;
    for kind in Kind::ALL {
        let group: Vec<&Finding> = report.findings.iter().filter(|f| f.kind == kind).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{} ({})", paint.bold(kind.heading()), group.len())?;
        for f in group {
            finding(out, &report.source.lang, &report.target.lang, f, paint)?;
        }
    }
    writeln!(out)?;
    let counts = Counts::of(&report.findings);
    let mut line = if counts.total() == 0 {
        "no findings".to_owned()
    } else {
        counts.to_string()
    };
    if report.baselined > 0 {
        line.push_str(&format!(" ({} more in the baseline)", report.baselined));
    }
    let failing = crate::check::fails(&report.findings, fail_on);
    let verdict = if failing {
        paint.red("fail")
    } else {
        paint.green("pass")
    };
    writeln!(out, "{} {line}: {verdict}", paint.bold("Summary:"))
}
