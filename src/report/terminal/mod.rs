//! The terminal view: source and translation side by side in columns sized to the terminal, one
//! block per bead with its number, kind and score. Omissions, additions, unsure beads and anchor
//! mismatches are coloured with SGR codes only (so `less -R` shows them); without colour a
//! mismatch is bracketed, `[-2015-]` on the side that has it and `{+2016+}` on the side that
//! added it, and labels say in words what colour would say.

mod wrap;

use std::io::{self, Write};

use super::ReportOptions;
use crate::align::Bead;
use crate::aligned::{AlignedPair, Side, LOW_CONFIDENCE};
use crate::anchor::bead_anchors::Anchor;
use crate::render::pieces::{pieces, Piece};
use crate::text::visible as clean;
pub use wrap::{text_width, wrap, Line, Span, Style};

/// Columns assumed when nothing says how wide the terminal is.
pub const DEFAULT_WIDTH: usize = 100;
/// Below this the columns would be too narrow to read; the view is made this wide instead.
const MIN_WIDTH: usize = 40;
/// `#####_k-k_0.00`: bead number, kind and score.
const GUTTER: usize = 14;
const SEPARATOR: &str = " │ ";

/// Writes the side-by-side view of the pair, wrapped to the options' width.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()> {
    let view = View::new(opts);
    view.header(out, pair)?;
    for (k, bead) in pair.alignment.beads.iter().enumerate() {
        view.bead(out, pair, k, bead)?;
    }
    Ok(())
}

struct View {
    color: bool,
    width: usize,
    column: usize,
}

impl View {
    fn new(opts: &ReportOptions) -> View {
        let width = opts.width.max(MIN_WIDTH);
        let column = (width - GUTTER - 1 - SEPARATOR.chars().count()) / 2;
        View {
            color: opts.color,
            width,
            column,
        }
    }

    fn header(&self, out: &mut dyn Write, pair: &AlignedPair) -> io::Result<()> {
        let s = pair.summary();
        let mut title = vec![
            ("bialign".to_string(), Style::Bold),
            (
                format!(
                    " {} ({}) → {} ({})",
                    clean(&pair.src.name),
                    pair.src.lang,
                    clean(&pair.tgt.name),
                    pair.tgt.lang
                ),
                Style::Plain,
            ),
        ];
        title.push((
            format!(
                " · {} beads, length ratio {:.2}",
                s.beads, pair.alignment.length_ratio
            ),
            Style::Dim,
        ));
        let mut counts: Vec<Span> = Vec::new();
        for (kind, n) in &s.kinds {
            let (label, style) = match (kind.src, kind.tgt) {
                (_, 0) => (format!("{n} omitted ({kind})"), Style::Omission),
                (0, _) => (format!("{n} added ({kind})"), Style::Addition),
                _ => (format!("{n}×{kind}"), Style::Plain),
            };
            counts.push((label, style));
            counts.push((" · ".into(), Style::Dim));
        }
        counts.push((format!("{} with mismatches", s.flagged), Style::Mismatch));
        counts.push((" · ".into(), Style::Dim));
        counts.push((
            format!("{} unsure (score < {LOW_CONFIDENCE})", s.low_confidence),
            Style::Unsure,
        ));
        for spans in [title, counts] {
            for line in wrap(&spans, self.width) {
                self.line(out, &[(&line, self.width)])?;
            }
        }
        let rule = "─".repeat(self.width);
        self.line(out, &[(&one((rule.clone(), Style::Dim)), self.width)])?;
        let names = [
            one(("    # kind".into(), Style::Dim)),
            one((clip(&pair.src.name, self.column), Style::Dim)),
            one((clip(&pair.tgt.name, self.column), Style::Dim)),
        ];
        self.row(out, &names)?;
        self.line(out, &[(&one((rule, Style::Dim)), self.width)])
    }

    fn bead(
        &self,
        out: &mut dyn Write,
        pair: &AlignedPair,
        k: usize,
        bead: &Bead,
    ) -> io::Result<()> {
        // Anchors are compared across a pair; an omission or addition is unmatched as a whole.
        let anchors = pair.anchors(k);
        let src = self.side(
            &pair.src,
            bead.src.clone(),
            &anchors.src,
            Style::SrcOnly,
            bead,
        );
        let tgt = self.side(
            &pair.tgt,
            bead.tgt.clone(),
            &anchors.tgt,
            Style::TgtOnly,
            bead,
        );
        let mut gutter = vec![one((
            format!("{:>5} {:<3} {:.2}", k, bead.kind().to_string(), bead.score),
            Style::Dim,
        ))];
        let mismatches = anchors.flagged().count();
        let mut label = |text: String, style| {
            gutter.push(one((format!("{text:>GUTTER$}"), style)));
        };
        if bead.tgt.is_empty() {
            label("omission".into(), Style::Omission);
        }
        if bead.src.is_empty() {
            label("addition".into(), Style::Addition);
        }
        if mismatches > 0 {
            let s = if mismatches == 1 { "" } else { "es" };
            label(format!("{mismatches} mismatch{s}"), Style::Mismatch);
        }
        if bead.score < LOW_CONFIDENCE {
            label("unsure".into(), Style::Unsure);
        }
        let rows = gutter.len().max(src.len()).max(tgt.len());
        let blank = Line::default();
        for r in 0..rows {
            let cell = |lines: &[Line]| lines.get(r).cloned().unwrap_or_else(|| blank.clone());
            self.row(out, &[cell(&gutter), cell(&src), cell(&tgt)])?;
        }
        writeln!(out)
    }

    /// One bead side, each sentence starting a line, wrapped to the column.
    fn side(
        &self,
        side: &Side,
        range: std::ops::Range<usize>,
        anchors: &[Anchor],
        only_here: Style,
        bead: &Bead,
    ) -> Vec<Line> {
        if range.is_empty() {
            let text = if bead.tgt.is_empty() {
                "(no translation)"
            } else {
                "(not in the source)"
            };
            return wrap(&[(text.into(), Style::Dim)], self.column);
        }
        let mut lines = Vec::new();
        for (i, sentence) in side.sentences[range].iter().enumerate() {
            let mut spans: Vec<Span> = Vec::new();
            for piece in pieces(&sentence.text, i, anchors) {
                match piece {
                    Piece::Text(t) => spans.push((clean(t), Style::Plain)),
                    Piece::Anchor(t, a) if a.matched => spans.push((clean(t), Style::Matched)),
                    Piece::Anchor(t, _) if self.color => spans.push((clean(t), only_here)),
                    Piece::Anchor(t, _) => {
                        let (open, close) = match only_here {
                            Style::SrcOnly => ("[-", "-]"),
                            _ => ("{+", "+}"),
                        };
                        spans.push((format!("{open}{}{close}", clean(t)), only_here));
                    }
                }
            }
            lines.extend(wrap(&spans, self.column));
        }
        lines
    }

    fn row(&self, out: &mut dyn Write, cells: &[Line; 3]) -> io::Result<()> {
        let sep = one((SEPARATOR.into(), Style::Dim));
        let space = one((" ".into(), Style::Plain));
        self.line(
            out,
            &[
                (&cells[0], GUTTER),
                (&space, 1),
                (&cells[1], self.column),
                (&sep, SEPARATOR.chars().count()),
                (&cells[2], 0),
            ],
        )
    }

    /// Write cells padded to their widths (0: no padding), with no trailing spaces.
    fn line(&self, out: &mut dyn Write, cells: &[(&Line, usize)]) -> io::Result<()> {
        let mut text = String::new();
        let mut pad = 0;
        for (line, width) in cells {
            for (t, style) in &line.spans {
                if t.is_empty() {
                    continue;
                }
                text.extend(std::iter::repeat_n(' ', pad));
                pad = 0;
                match sgr(*style).filter(|_| self.color) {
                    Some(code) => text.push_str(&format!("\x1b[{code}m{t}\x1b[0m")),
                    None => text.push_str(t),
                }
            }
            pad += width.saturating_sub(line.width);
        }
        writeln!(out, "{}", text.trim_end_matches(' '))
    }
}

fn one(span: Span) -> Line {
    let width = text_width(&span.0);
    Line {
        spans: vec![span],
        width,
    }
}

/// SGR parameters for a style; `None` for plain text.
fn sgr(style: Style) -> Option<&'static str> {
    match style {
        Style::Plain => None,
        Style::Matched => Some("36"),
        Style::SrcOnly => Some("1;4;31"),
        Style::TgtOnly => Some("1;4;32"),
        Style::Dim => Some("2"),
        Style::Omission => Some("1;31"),
        Style::Addition => Some("1;32"),
        Style::Unsure => Some("33"),
        Style::Mismatch => Some("35"),
        Style::Bold => Some("1"),
    }
}

/// A name cut to fit `width` columns, with an ellipsis when it was cut.
fn clip(name: &str, width: usize) -> String {
    let name = clean(name);
    if text_width(&name) <= width {
        return name;
    }
    let mut tail = Vec::new();
    let mut w = 1;
    for c in name.chars().rev() {
        let cw = wrap::char_width(c);
        if w + cw > width {
            break;
        }
        tail.push(c);
        w += cw;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_keep_their_end() {
        assert_eq!(clip("corpora/ilya-stanford/zh.txt", 10), "…rd/zh.txt");
        assert_eq!(clip("zh.txt", 10), "zh.txt");
    }
}
