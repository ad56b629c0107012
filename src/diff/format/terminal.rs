//! `--format terminal`: each change with its place in each file and the old and new text as one
//! line with the differences marked: red and struck through / green and underlined with colour,
//! `[-old-]{+new+}` without.

use std::io::{self, Write};

use crate::check::{Counts, Excerpt, FailOn, Finding};
use crate::diff::source::SourceDiff;
use crate::diff::words::{Op, Piece};
use crate::diff::{Status, TranslationDiff};
use crate::render::color::Paint;
use crate::render::one_line;
use crate::render::terminal::finding;
use crate::text::visible;

fn place(e: &Excerpt) -> String {
    format!("{}:{}", visible(&e.location.file), e.location.line)
}

fn status(s: Status, paint: Paint) -> String {
    let label = format!("{:<8}", s.as_str());
    match s {
        Status::Changed => paint.yellow(&paint.bold(&label)),
        Status::Added => paint.green(&paint.bold(&label)),
        Status::Removed => paint.red(&paint.bold(&label)),
    }
}

/// The pieces on one line, differences marked.
pub(crate) fn marked(pieces: &[Piece], paint: Paint) -> String {
    pieces
        .iter()
        .map(|p| {
            let text = collapse_spaces(&p.text);
            match p.op {
                Op::Equal => text,
                Op::Delete => paint.deleted(&text),
                Op::Insert => paint.inserted(&text),
            }
        })
        .collect()
}

/// Runs of white space (line breaks included) as one space, kept at the ends so that pieces
/// join as they were; control characters made visible.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in visible(text).chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

pub(crate) fn translation(
    out: &mut dyn Write,
    d: &TranslationDiff,
    fail_on: FailOn,
    paint: Paint,
) -> io::Result<()> {
    let counts = d.status_counts();
    writeln!(
        out,
        "{} {} → {} (translations of {}): {} changed, {} added, {} removed, {} unchanged",
        paint.bold("bialign diff:"),
        visible(&d.old.file),
        visible(&d.new.file),
        visible(&d.source.file),
        counts.changed,
        counts.added,
        counts.removed,
        d.unchanged
    )?;
    for c in &d.changes {
        writeln!(out)?;
        let src_place = if c.source.text.is_empty() {
            "(no source)".to_owned()
        } else {
            place(&c.source)
        };
        writeln!(
            out,
            "{}  {}  {} → {}",
            status(c.status, paint),
            paint.cyan(&src_place),
            paint.cyan(&place(&c.old)),
            paint.cyan(&place(&c.new))
        )?;
        if !c.source.text.is_empty() {
            writeln!(
                out,
                "    {} │ {}",
                paint.dim(&d.source.lang),
                one_line(&c.source.text)
            )?;
        }
        writeln!(
            out,
            "    {} │ {}",
            paint.dim(&d.new.lang),
            marked(&c.words, paint)
        )?;
    }
    findings(out, "Introduced by the edit", &d.introduced, d, paint)?;
    findings(out, "Fixed by the edit", &d.fixed, d, paint)?;
    writeln!(out)?;
    let verdict = if d.fails(fail_on) {
        paint.red("fail")
    } else {
        paint.green("pass")
    };
    writeln!(
        out,
        "{} {} changes; introduced {}; fixed {}: {verdict}",
        paint.bold("Summary:"),
        d.changes.len(),
        Counts::of(&d.introduced),
        Counts::of(&d.fixed)
    )
}

fn findings(
    out: &mut dyn Write,
    title: &str,
    list: &[Finding],
    d: &TranslationDiff,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{} ({})", paint.bold(title), list.len())?;
    for f in list {
        finding(out, &d.source.lang, &d.new.lang, f, paint)?;
    }
    Ok(())
}

pub(crate) fn source(out: &mut dyn Write, d: &SourceDiff, paint: Paint) -> io::Result<()> {
    let counts = d.status_counts();
    writeln!(
        out,
        "{} {} → {} (translated in {}): {} changed, {} added, {} removed, {} unchanged",
        paint.bold("bialign diff --source:"),
        visible(&d.old.file),
        visible(&d.new.file),
        visible(&d.target.file),
        counts.changed,
        counts.added,
        counts.removed,
        d.unchanged
    )?;
    for c in &d.changes {
        writeln!(out)?;
        writeln!(
            out,
            "{}  {} → {}",
            status(c.status, paint),
            paint.cyan(&place(&c.old)),
            paint.cyan(&place(&c.new))
        )?;
        writeln!(
            out,
            "    {} │ {}",
            paint.dim(&d.new.lang),
            marked(&c.words, paint)
        )?;
        let line = match c.status {
            Status::Added => format!(
                "{} no translation yet; it belongs at {}:{}:{}",
                paint.red(&paint.bold("untranslated")),
                visible(&c.target.location.file),
                c.target.location.line,
                c.target.location.column
            ),
            _ if c.target.text.is_empty() => paint.dim("(it had no translation)"),
            _ => format!(
                "{} {} │ {}",
                paint.red(&paint.bold("stale")),
                paint.cyan(&place(&c.target)),
                one_line(&c.target.text)
            ),
        };
        writeln!(out, "    {line}")?;
    }
    writeln!(out)?;
    let verdict = if d.fails() {
        paint.red("fail")
    } else {
        paint.green("pass")
    };
    writeln!(out, "{} {}: {verdict}", paint.bold("Summary:"), d.to_do())
}
