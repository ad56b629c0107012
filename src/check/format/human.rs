//! `--format human`: findings grouped by kind, each with where it is, what is wrong and an
//! excerpt of both sides with the numbers or terms concerned marked; coloured on a terminal.

use std::io::{self, Write};

use crate::check::{CheckReport, Counts, Excerpt, FailOn, Finding, Kind, Severity, SideName};
use crate::report::color::Paint;

/// Excerpts longer than this many characters are cut around what the finding is about.
const EXCERPT_CHARS: usize = 220;

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
        report.source.file,
        report.source.lang,
        report.source.sentences,
        report.target.file,
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

/// One finding: severity, places, message, and an excerpt of each side.
pub fn finding(
    out: &mut dyn Write,
    src_lang: &str,
    tgt_lang: &str,
    f: &Finding,
    paint: Paint,
) -> io::Result<()> {
    let severity = match f.severity {
        Severity::Error => paint.red(&paint.bold(f.severity.word())),
        Severity::Warning => paint.yellow(&paint.bold(f.severity.word())),
        Severity::Info => paint.blue(f.severity.word()),
    };
    writeln!(
        out,
        "  {severity}  {} → {}  {}",
        paint.cyan(&place(f, SideName::Source)),
        paint.cyan(&place(f, SideName::Target)),
        f.message
    )?;
    for (side, lang) in [(SideName::Source, src_lang), (SideName::Target, tgt_lang)] {
        let excerpt = match side {
            SideName::Source => &f.source,
            SideName::Target => &f.target,
        };
        let text = if excerpt.text.is_empty() {
            paint.dim("(nothing)")
        } else {
            marked_excerpt(f, side, excerpt, paint)
        };
        writeln!(out, "      {} │ {text}", paint.dim(lang))?;
    }
    Ok(())
}

/// `file:line:column` of the first anchor on a side, else of its sentences.
fn place(f: &Finding, side: SideName) -> String {
    let loc = f
        .anchors
        .iter()
        .find(|a| a.side == side)
        .map(|a| &a.location)
        .unwrap_or(match side {
            SideName::Source => &f.source.location,
            SideName::Target => &f.target.location,
        });
    format!("{}:{}:{}", loc.file, loc.line, loc.column)
}

/// The excerpt on one line, cut around its first anchor when long, anchors marked.
fn marked_excerpt(f: &Finding, side: SideName, excerpt: &Excerpt, paint: Paint) -> String {
    let text: Vec<char> = excerpt
        .text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let joined: String = text.iter().collect();
    // Anchor spans in characters of the excerpt text: the occurrence nearest to where the
    // anchor is relative to the excerpt's start.
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for a in f.anchors.iter().filter(|a| a.side == side) {
        let expected = a.location.start.saturating_sub(excerpt.location.start);
        let best = joined
            .match_indices(a.text.as_str())
            .map(|(i, _)| i)
            .min_by_key(|&i| i.abs_diff(expected));
        if let Some(i) = best {
            let start = joined[..i].chars().count();
            marks.push((start, start + a.text.chars().count()));
        }
    }
    marks.sort_unstable();
    let (from, to) = if text.len() <= EXCERPT_CHARS {
        (0, text.len())
    } else {
        let focus = marks.first().map_or(0, |m| m.0);
        let from = focus.saturating_sub(EXCERPT_CHARS / 3);
        let to = (from + EXCERPT_CHARS).min(text.len());
        (to.saturating_sub(EXCERPT_CHARS), to)
    };
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    let mut i = from;
    for &(a, b) in &marks {
        if a < i || b > to {
            continue;
        }
        s.extend(&text[i..a]);
        s.push_str(&paint.marked(&text[a..b].iter().collect::<String>()));
        i = b;
    }
    s.extend(&text[i..to]);
    if to < text.len() {
        s.push('…');
    }
    s
}
