//! A finding for a person at a terminal, as `check` lists it and `diff` lists the findings an
//! edit introduced or fixed: severity, places, message, and an excerpt of each side with the
//! numbers or terms concerned marked.

use std::io::{self, Write};
use std::ops::Range;

use super::color::Paint;
use crate::check::finding::{AnchorRef, Excerpt, Finding, Severity, SideName};
use crate::text::visible;

/// Excerpts longer than this many characters are cut around what the finding is about.
const EXCERPT_CHARS: usize = 220;

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
        Severity::Note => paint.blue(f.severity.word()),
    };
    writeln!(
        out,
        "  {severity}  {} → {}  {}",
        paint.cyan(&place(f, SideName::Source)),
        paint.cyan(&place(f, SideName::Target)),
        visible(&f.message)
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
    format!("{}:{}:{}", visible(&loc.file), loc.line, loc.column)
}

/// The excerpt on one line, cut around its first anchor when long, anchors marked.
fn marked_excerpt(f: &Finding, side: SideName, excerpt: &Excerpt, paint: Paint) -> String {
    let joined: String = visible(&excerpt.text)
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let mut anchors: Vec<_> = f.anchors.iter().filter(|a| a.side == side).collect();
    anchors.sort_by_key(|a| a.location.start);
    // Where an anchor is in the excerpt text: the occurrence nearest to where it is relative to
    // the excerpt's start (the text joins sentences, so offsets can differ a little), looked
    // for within `within` (a byte range of the text).
    let locate = |a: &AnchorRef, within: Range<usize>| -> Option<usize> {
        let expected = a.location.start.saturating_sub(excerpt.location.start);
        joined[within.clone()]
            .match_indices(a.text.as_str())
            .map(|(i, _)| within.start + i)
            .min_by_key(|&i| i.abs_diff(expected))
    };
    let total = joined.chars().count();
    let first = anchors
        .first()
        .and_then(|a| locate(a, 0..joined.len()))
        .map(|i| joined[..i].chars().count());
    let (from, to) = if total <= EXCERPT_CHARS {
        (0, total)
    } else {
        let focus = first.unwrap_or(0);
        let from = focus.saturating_sub(EXCERPT_CHARS / 3);
        let to = (from + EXCERPT_CHARS).min(total);
        (to.saturating_sub(EXCERPT_CHARS), to)
    };
    // Byte offsets of the window's characters, so that only the window is searched: a bead
    // with thousands of anchors costs its length once, not once per anchor.
    let byte_of: Vec<usize> = joined
        .char_indices()
        .map(|(i, _)| i)
        .chain([joined.len()])
        .skip(from)
        .take(to - from + 1)
        .collect();
    let char_at = |byte: usize| from + byte_of.partition_point(|&b| b < byte);
    let mut marks: Vec<(usize, usize)> = anchors
        .iter()
        .filter_map(|a| {
            let i = locate(a, byte_of[0]..byte_of[to - from])?;
            Some((char_at(i), char_at(i + a.text.len())))
        })
        .collect();
    marks.sort_unstable();
    let text: Vec<char> = joined.chars().skip(from).take(to - from).collect();
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    let mut i = from;
    for &(a, b) in &marks {
        if a < i || b > to {
            continue;
        }
        s.extend(&text[i - from..a - from]);
        s.push_str(&paint.marked(&text[a - from..b - from].iter().collect::<String>()));
        i = b;
    }
    s.extend(&text[i - from..]);
    if to < total {
        s.push('…');
    }
    s
}
