//! Document structure, which no sentence crosses: paragraphs (blank lines), lines that stand alone
//! (headings, list items, navigation), and speaker labels at the start of a line.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use crate::document::is_space;
use crate::lang::is_han;

/// A run of text that sentences are cut from; `start..end` has no surrounding whitespace and may
/// span several lines when they are one wrapped paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the block's start in the text.
    pub start: usize,
    /// Byte offset of the block's end (exclusive).
    pub end: usize,
    /// A speaker label (`Ravi:`, `伊利亚：`) split off the start of a line.
    pub is_label: bool,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// A line this wide or wider that ends mid-sentence is taken as wrapped, not as a heading.
const MIN_WRAPPED_WIDTH: usize = 40;

/// Cuts `text` into blocks (paragraphs, stand-alone lines, speaker labels) in document order.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines = content_lines(text);
    let labels = recurring_labels(text, &lines);
    let mut out = Vec::new();
    let mut paragraph: Vec<Line> = Vec::new();
    for line in lines {
        match line {
            Some(line) => paragraph.push(line),
            None => flush_paragraph(text, &mut paragraph, &labels, &mut out),
        }
    }
    flush_paragraph(text, &mut paragraph, &labels, &mut out);
    out
}

/// Each line of the file with surrounding whitespace trimmed, `None` for a blank line.
fn content_lines(text: &str) -> Vec<Option<Line>> {
    super::line_spans(text)
        .map(|(_, content)| content.map(|(start, end)| Line { start, end }))
        .collect()
}

fn flush_paragraph(
    text: &str,
    paragraph: &mut Vec<Line>,
    labels: &HashMap<&str, usize>,
    out: &mut Vec<Block>,
) {
    let widths: Vec<usize> = paragraph
        .iter()
        .map(|l| text[l.start..l.end].width())
        .collect();
    let max_width = widths.iter().copied().max().unwrap_or(0);
    let mut current: Option<Block> = None;
    for (i, line) in paragraph.iter().enumerate() {
        let body = &text[line.start..line.end];
        let mut start = line.start;
        if current.is_none() {
            if let Some(label_len) = label_at(body, labels) {
                out.push(Block {
                    start,
                    end: start + label_len,
                    is_label: true,
                });
                let rest = &body[label_len..];
                start += label_len + (rest.len() - rest.trim_start_matches(is_space).len());
                if start >= line.end {
                    continue;
                }
            }
        }
        let block = current.get_or_insert(Block {
            start,
            end: line.end,
            is_label: false,
        });
        block.end = line.end;
        let next = paragraph.get(i + 1).map(|n| &text[n.start..n.end]);
        let wraps = next.is_some_and(|next| {
            let width = widths[i];
            !ends_sentence(body)
                && !is_list_item(next)
                && label_at(next, labels).is_none()
                && width >= MIN_WRAPPED_WIDTH
                && width * 10 >= max_width * 7
        });
        if !wraps {
            out.extend(current.take());
        }
    }
    out.extend(current.take());
    paragraph.clear();
}

/// Does a line end with punctuation that ends a sentence (possibly followed by closing quotes)?
fn ends_sentence(line: &str) -> bool {
    let last = line
        .trim_end_matches(|c: char| is_closing(c) || is_space(c))
        .chars()
        .next_back();
    matches!(
        last,
        Some('.' | '!' | '?' | '。' | '！' | '？' | '；' | ';' | '…' | '．')
    )
}

pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\'' | '»' | ']' | '〉' | '〕'
    )
}

/// Bullets and numbered items start a new block even inside a wrapped paragraph.
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('•' | '·' | '◦' | '▪' | '●' | '○' | '■' | '□' | '◆' | '★' | '–' | '—' | '*' | '-') => {
            chars.next().is_some_and(is_space)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['.', ')', '、', '）']) && rest.len() < line.len()
        }
        _ => false,
    }
}

/// Longest a speaker's name can be, in characters.
const MAX_LABEL_NAME_CHARS: usize = 24;

/// The byte length of the speaker label (name and colon) at the start of `line`, if it is one.
fn label_at(line: &str, labels: &HashMap<&str, usize>) -> Option<usize> {
    let (name, kind, len) = label_candidate(line)?;
    // A label alone on its line is structure already. One followed by text counts when its name
    // recurs, or, for a Latin-script name, when the document is a transcript (some name recurs),
    // so that in ordinary prose "Note: …" or "来源:…" stay part of their sentence.
    let alone = line[len..].trim_matches(is_space).is_empty();
    let recurs = labels.get(name).copied().unwrap_or(0) >= 2;
    let transcript = labels.values().any(|&n| n >= 2);
    (alone || recurs || transcript && kind == NameKind::Latin).then_some(len)
}

/// Names used as labels at line starts anywhere in the document, with how often.
fn recurring_labels<'t>(text: &'t str, lines: &[Option<Line>]) -> HashMap<&'t str, usize> {
    let mut counts = HashMap::new();
    for line in lines.iter().flatten() {
        if let Some((name, _, _)) = label_candidate(&text[line.start..line.end]) {
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    counts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Latin,
    Han,
}

/// `Name:` / `名字：` at the start of a line: one to three capitalised words of an alphabetic
/// script, or a short run of Han characters (with the middle dot of transliterated names).
fn label_candidate(line: &str) -> Option<(&str, NameKind, usize)> {
    let colon = line.find([':', '：'])?;
    let name = &line[..colon];
    let colon_len = line[colon..].chars().next()?.len_utf8();
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_LABEL_NAME_CHARS {
        return None;
    }
    let is_cjk = |c: char| c >= '\u{2e80}';
    let kind = if name.chars().all(|c| is_han(c) || c == '·' || c == '・') && chars <= 6 {
        NameKind::Han
    } else {
        let words: Vec<&str> = name.split(' ').collect();
        let latin = words.len() <= 3
            && words.iter().all(|w| {
                let mut cs = w.chars();
                cs.next().is_some_and(|c| c.is_uppercase())
                    && cs
                        .all(|c| (c.is_alphabetic() && !is_cjk(c)) || matches!(c, '.' | '-' | '\''))
            });
        if !latin {
            return None;
        }
        NameKind::Latin
    };
    Some((name, kind, colon + colon_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text)
            .into_iter()
            .map(|b| &text[b.start..b.end])
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_lists_are_blocks() {
        let text = "About Ilya\nHe was born in Russia.\n\n• first item\n• second item\n";
        assert_eq!(
            texts(text),
            [
                "About Ilya",
                "He was born in Russia.",
                "• first item",
                "• second item"
            ]
        );
    }

    #[test]
    fn wrapped_paragraph_is_one_block() {
        let text = "This is a long paragraph that has been wrapped at a fixed width by\n\
                    an editor, so its lines end in the middle of a sentence and go on\n\
                    below.\n";
        assert_eq!(texts(text).len(), 1);
    }

    #[test]
    fn speaker_labels_split_off() {
        let text = "Ravi: Welcome.\nIlya: Thanks.\nRavi: Next.\n伊利亚：好的。\n伊利亚：对。\n\nIlya:\nYes.";
        let found = blocks(text);
        let labels: Vec<&str> = found
            .iter()
            .filter(|b| b.is_label)
            .map(|b| &text[b.start..b.end])
            .collect();
        assert_eq!(
            labels,
            ["Ravi:", "Ilya:", "Ravi:", "伊利亚：", "伊利亚：", "Ilya:"]
        );
        let prose = "Note: this is prose.\n\nExample: so is this.";
        assert!(blocks(prose).iter().all(|b| !b.is_label));
    }
}
