//! Wrapping styled text to a number of terminal columns: wide (CJK) characters count two and may
//! break anywhere, words of spaced scripts break at spaces, closing punctuation stays with what
//! it closes, and a word longer than the line is cut.

use unicode_width::UnicodeWidthChar;

/// How a run of text is shown; the terminal view maps each to SGR codes or brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Ordinary text.
    Plain,
    /// An anchor that has its counterpart.
    Matched,
    /// An anchor of the source with no counterpart in the target.
    SrcOnly,
    /// An anchor of the target with no counterpart in the source.
    TgtOnly,
    /// Labels and rules that should recede.
    Dim,
    /// An omitted source sentence.
    Omission,
    /// An added target sentence.
    Addition,
    /// A bead the aligner is unsure of.
    Unsure,
    /// Mismatches and the counts of them.
    Mismatch,
    /// The tool's name and other text that stands out.
    Bold,
}

/// A run of text in one style.
pub type Span = (String, Style);

/// One wrapped line: its spans and its width in columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// The line's runs of text in order.
    pub spans: Vec<Span>,
    /// Width of the line in terminal columns.
    pub width: usize,
}

impl Line {
    fn push(&mut self, c: char, style: Style, w: usize) {
        match self.spans.last_mut() {
            Some((text, s)) if *s == style => text.push(c),
            _ => self.spans.push((c.to_string(), style)),
        }
        self.width += w;
    }
}

/// Columns a character takes; control characters have been replaced before this.
pub(crate) fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The terminal columns `s` takes (wide CJK characters count two).
pub fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A unit the wrapper does not split unless it must: a word, one wide character with the
/// punctuation that closes it, or a space.
#[derive(Debug, Default)]
struct Atom {
    chars: Vec<(char, Style, usize)>,
    width: usize,
    space: bool,
}

fn closes(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '”'
            | '’'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '"'
            | '\''
    )
}

fn atoms(spans: &[Span]) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    // Whether the next non-space character may continue the last atom.
    let mut in_word = false;
    for (text, style) in spans {
        for c in text.chars() {
            let w = char_width(c);
            if c.is_whitespace() {
                out.push(Atom {
                    chars: vec![(' ', *style, 1)],
                    width: 1,
                    space: true,
                });
                in_word = false;
                continue;
            }
            let wide = w >= 2;
            let glue = match out.last() {
                Some(last) if !last.space => (in_word && !wide) || closes(c),
                _ => false,
            };
            if !glue {
                out.push(Atom::default());
            }
            let atom = out.last_mut().expect("pushed above");
            atom.chars.push((c, *style, w));
            atom.width += w;
            in_word = !wide;
        }
    }
    out
}

/// Wrap styled text to `width` columns (at least 1).
pub fn wrap(spans: &[Span], width: usize) -> Vec<Line> {
    let width = width.max(2);
    let mut lines = vec![Line::default()];
    let mut pending_space: Option<Style> = None;
    for atom in atoms(spans) {
        if atom.space {
            if lines.last().is_some_and(|l| l.width > 0) {
                pending_space = Some(atom.chars[0].1);
            }
            continue;
        }
        let line = lines.last_mut().expect("never empty");
        let space = usize::from(pending_space.is_some());
        if line.width + space + atom.width <= width {
            if let Some(style) = pending_space.take() {
                line.push(' ', style, 1);
            }
        } else if atom.width <= width {
            pending_space = None;
            lines.push(Line::default());
        } else {
            // Longer than a line: cut it where it overflows.
            if let Some(style) = pending_space.take() {
                if line.width + 1 < width {
                    line.push(' ', style, 1);
                } else {
                    lines.push(Line::default());
                }
            }
            for &(c, style, w) in &atom.chars {
                let line = lines.last_mut().expect("never empty");
                if line.width + w > width && line.width > 0 {
                    lines.push(Line::default());
                }
                lines.last_mut().expect("never empty").push(c, style, w);
            }
            continue;
        }
        let line = lines.last_mut().expect("never empty");
        for &(c, style, w) in &atom.chars {
            line.push(c, style, w);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn words_break_at_spaces() {
        let lines = wrap(&[("the quick brown fox jumps".into(), Style::Plain)], 10);
        assert_eq!(plain(&lines), ["the quick", "brown fox", "jumps"]);
        assert!(lines.iter().all(|l| l.width <= 10));
    }

    #[test]
    fn cjk_counts_two_columns_and_keeps_closing_punctuation() {
        let lines = wrap(&[("他说，研究需要耐心。".into(), Style::Plain)], 6);
        // No line starts with the full stop: it moves down with the character it closes.
        assert_eq!(plain(&lines), ["他说，", "研究需", "要耐", "心。"]);
        assert_eq!(lines[0].width, 6);
        assert!(lines.iter().all(|l| l.width <= 6));
    }

    #[test]
    fn styles_survive_wrapping_and_long_words_are_cut() {
        let spans = [
            ("in ".to_string(), Style::Plain),
            ("2015".to_string(), Style::SrcOnly),
            (" supercalifragilistic".to_string(), Style::Plain),
        ];
        let lines = wrap(&spans, 8);
        assert_eq!(lines[0].spans[1], ("2015".to_string(), Style::SrcOnly));
        assert_eq!(plain(&lines), ["in 2015", "supercal", "ifragili", "stic"]);
    }
}
