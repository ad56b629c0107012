//! Word-level differences between two versions of a sentence, as editors read them: tokens are
//! Unicode word boundaries (UAX #29), so Chinese compares character by character, Latin words
//! and numbers stay whole (`12.5`, `3,000`, `GPT-3` as `GPT` `-` `3`), and spaces and punctuation
//! are tokens of their own.

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

/// What happened to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// Text in both versions.
    Equal,
    /// Text only in the old version.
    Delete,
    /// Text only in the new version.
    Insert,
}

/// A run of text that was kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Whether the text was kept, removed or added.
    pub op: Op,
    /// The text of the run.
    pub text: String,
}

/// The tokens of a text: its UAX #29 word-boundary segments.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split_word_bounds().collect()
}

/// The word-level difference of `old` and `new`: pieces in reading order, deletions before
/// insertions where one replaces the other, adjacent pieces of one kind merged. A run of spaces
/// between two changes joins them, so `[-the big-]{+a small+}` reads as one replacement.
pub(crate) fn diff(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old);
    let b = tokens(new);
    let mut raw: Vec<(Op, String)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let olds = a[ra].concat();
        let news = b[rb].concat();
        match tag {
            DiffTag::Equal => raw.push((Op::Equal, olds)),
            DiffTag::Delete => raw.push((Op::Delete, olds)),
            DiffTag::Insert => raw.push((Op::Insert, news)),
            DiffTag::Replace => {
                raw.push((Op::Delete, olds));
                raw.push((Op::Insert, news));
            }
        }
    }
    group(raw)
}

/// Merge runs into alternating equal / change groups, absorbing whitespace-only equal runs that
/// sit between two changes.
fn group(raw: Vec<(Op, String)>) -> Vec<Piece> {
    // Split into change groups separated by equal runs that are more than space.
    let mut out: Vec<Piece> = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    let mut in_change = false;
    let flush = |out: &mut Vec<Piece>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            out.push(Piece {
                op: Op::Delete,
                text: std::mem::take(del),
            });
        }
        if !ins.is_empty() {
            out.push(Piece {
                op: Op::Insert,
                text: std::mem::take(ins),
            });
        }
    };
    for (k, (op, text)) in raw.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        match op {
            Op::Delete => {
                del.push_str(text);
                in_change = true;
            }
            Op::Insert => {
                ins.push_str(text);
                in_change = true;
            }
            Op::Equal => {
                let change_follows = raw[k + 1..]
                    .iter()
                    .find(|(_, t)| !t.is_empty())
                    .is_some_and(|(o, _)| *o != Op::Equal);
                if in_change && change_follows && text.chars().all(char::is_whitespace) {
                    del.push_str(text);
                    ins.push_str(text);
                    continue;
                }
                flush(&mut out, &mut del, &mut ins);
                in_change = false;
                match out.last_mut() {
                    Some(p) if p.op == Op::Equal => p.text.push_str(text),
                    _ => out.push(Piece {
                        op: Op::Equal,
                        text: text.clone(),
                    }),
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// The pieces as plain text with `[-removed-]{+added+}` marks (what the terminal shows without
/// colour, and `git diff --word-diff` users know).
pub(crate) fn plain(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p.op {
            Op::Equal => s.push_str(&p.text),
            Op::Delete => {
                s.push_str("[-");
                s.push_str(&p.text);
                s.push_str("-]");
            }
            Op::Insert => {
                s.push_str("{+");
                s.push_str(&p.text);
                s.push_str("+}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_words_stay_whole() {
        assert_eq!(
            tokens("rose 12.5% to 3,000"),
            ["rose", " ", "12.5", "%", " ", "to", " ", "3,000"]
        );
        assert_eq!(
            plain(&diff("It grew 12.5 times.", "It grew 12.6 times.")),
            "It grew [-12.5-]{+12.6+} times."
        );
        assert_eq!(
            plain(&diff("OpenAI was founded", "OpenAl was founded")),
            "[-OpenAI-]{+OpenAl+} was founded"
        );
    }

    #[test]
    fn chinese_by_character() {
        assert_eq!(tokens("伊利亚5岁"), ["伊", "利", "亚", "5", "岁"]);
        assert_eq!(
            plain(&diff("他5岁时移居", "他六岁时移居")),
            "他[-5-]{+六+}岁时移居"
        );
    }

    #[test]
    fn spaces_between_changes_join_them() {
        assert_eq!(
            plain(&diff("the big red dog", "a small red dog")),
            "[-the big-]{+a small+} red dog"
        );
        assert_eq!(plain(&diff("same", "same")), "same");
        assert_eq!(plain(&diff("", "new")), "{+new+}");
        assert_eq!(plain(&diff("old", "")), "[-old-]");
    }
}
