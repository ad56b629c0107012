//! Stage 1: split a document into sentences, each keeping its exact byte span and line in the
//! original file.
//!
//! Structure comes first ([`blocks`]): paragraphs, stand-alone lines (headings, list items, web
//! page furniture) and speaker labels are hard boundaries. Inside a block the script decides:
//! `cjk` for Chinese and Japanese, `spaced` (UAX #29 with corrections) for everything else.

mod abbreviations;
pub mod blocks;
mod cjk;
mod spaced;

use serde::Serialize;

use crate::document::{is_space, Document, TextSlice};
use crate::lang::Lang;

/// One sentence: `&doc.text[start..end] == text`, with no leading or trailing whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence's text, shared with its document ([`Document::slice`]), not a copy.
    pub text: TextSlice,
    /// Byte offset of the sentence's start in the document.
    pub start: usize,
    /// Byte offset of the sentence's end in the document (exclusive).
    pub end: usize,
    /// 1-based line where the sentence starts.
    pub line: usize,
    /// 0-based index of the paragraph the sentence is in: a unit of the document's structure (a
    /// line or wrapped paragraph that ends a sentence, a heading, a list item, a speaker label, the
    /// turn after it; with `--split lines`, the lines between blank lines). A speaker label is a
    /// unit of its own because one side may write it on a line of its own (Ravi) and the other
    /// inline (Ravi: So, …). The aligner keeps
    /// sentences of paragraphs that correspond on both sides together.
    pub paragraph: usize,
}

/// How the input is cut into sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Split {
    /// Segment with the rules of the document's language.
    #[default]
    Auto,
    /// Pre-split input: every line is one sentence (blank lines too, so line numbers stay indices).
    Lines,
}

impl crate::names::Named for Split {
    const WHAT: &'static str = "split";
    const VALUES: &'static [(&'static str, Self)] =
        &[("auto", Split::Auto), ("lines", Split::Lines)];
}

/// Cuts `doc` into sentences as `how` says, with the rules of `lang`.
pub fn split(doc: &Document, lang: Lang, how: Split) -> Vec<Sentence> {
    match how {
        Split::Auto => segment(doc, lang),
        Split::Lines => lines(doc),
    }
}

/// Segment running text into sentences.
pub fn segment(doc: &Document, lang: Lang) -> Vec<Sentence> {
    let text = &*doc.text;
    let mut spans = Vec::new();
    for (paragraph, block) in blocks::blocks(text).into_iter().enumerate() {
        let body = &text[block.start..block.end];
        let mut cuts = Vec::new();
        if block.is_label {
            // A speaker label is a sentence of its own, whatever punctuation it has.
        } else if lang.is_cjk_sentence_style() {
            cjk::boundaries(body, &mut cuts);
        } else {
            spaced::boundaries(body, lang, &mut cuts);
        }
        let mut from = 0;
        for cut in cuts.into_iter().chain(std::iter::once(body.len())) {
            if let Some((s, e)) = trim_span(body, from, cut) {
                spans.push((block.start + s, block.start + e, paragraph));
            }
            from = cut;
        }
    }
    let mut sentences: Vec<Sentence> = spans
        .into_iter()
        .map(|(start, end, paragraph)| Sentence {
            text: doc.slice(start..end),
            start,
            end,
            line: doc.line_of(start),
            paragraph,
        })
        .collect();
    number_paragraphs_densely(&mut sentences);
    sentences
}

/// Paragraph numbers 0, 1, 2, … in order, whatever blocks without a sentence left out.
fn number_paragraphs_densely(sentences: &mut [Sentence]) {
    let mut last = None;
    let mut next = 0;
    for s in sentences {
        if last != Some(s.paragraph) {
            last = Some(s.paragraph);
            next += 1;
        }
        s.paragraph = next - 1;
    }
}

/// Every line is a sentence (its text without the line ending and surrounding whitespace). A
/// trailing newline at the end of the file does not make an extra empty sentence.
/// Blank lines separate paragraphs; a blank line belongs to the paragraph before it.
pub fn lines(doc: &Document) -> Vec<Sentence> {
    let text = &*doc.text;
    let mut paragraph = 0;
    let mut after_blank = false;
    line_spans(text)
        .enumerate()
        .map(|(k, (line_start, content))| {
            let (start, end) = content.unwrap_or((line_start, line_start));
            if content.is_some() && after_blank {
                paragraph += 1;
            }
            after_blank = content.is_none() && k > 0;
            Sentence {
                text: doc.slice(start..end),
                start,
                end,
                line: k + 1,
                paragraph,
            }
        })
        .collect()
}

/// Each line of `text`: where it starts, and its content without surrounding whitespace (`None`
/// for a blank line). Lines end at LF, CRLF or a lone CR, as [`Document`] counts them; a final
/// line break does not start another line.
pub(crate) fn line_spans(text: &str) -> impl Iterator<Item = (usize, Option<(usize, usize)>)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let line_start = start;
        let (end, next) =
            crate::text::next_line_break(text, start).unwrap_or((text.len(), text.len()));
        start = next;
        Some((line_start, trim_span(text, line_start, end)))
    })
}

/// The span `from..to` of `text` without surrounding whitespace, or `None` when it is all space.
fn trim_span(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let slice = &text[from..to];
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let trimmed = slice.trim_matches(is_space);
    if trimmed.is_empty() {
        None
    } else {
        Some((from + lead, from + lead + trimmed.len()))
    }
}

#[cfg(test)]
mod tests;
