//! Which anchors without a counterpart are mismatches. An anchor can lack a counterpart for
//! innocent reasons (一个 is "a", "first" is "at first", U.S. is 美国), so this is where the
//! precision rules live: `check` reports exactly these mismatches, and every view of `align`
//! marks exactly these, so no view shows a mismatch that `check` would not stand behind.
//!
//! Precision comes first (a checker that cries wolf is switched off):
//! - numbers are compared only inside pair beads; a number written with digits that is missing
//!   or different is a mismatch, but a spelled-out number (一, "first", "November") missing on one
//!   side is not, since translations drop and add those freely; a spelled-out number is a
//!   mismatch only when the other side has a different number in its place;
//! - a Latin-script term missing from a CJK translation may have been translated into Han
//!   characters (U.S. → 美国), and one the translation adds may render Han characters
//!   (人工智能 → AI): such one-sided terms are mismatches only when the other side has a similar
//!   spelling in their place (OpenAI → OpenAl). A term the CJK side kept in Latin letters, and
//!   any term between two alphabetic languages that is written like a code, is a mismatch when
//!   missing.

use std::collections::HashSet;

use super::bead_anchors::{Anchor, AnchorKind, Mismatch, MismatchKind};
use crate::lang::Lang;

/// The two sides of a bead as the rules need them: anchors, sentences and language.
pub(super) struct BeadSide<'a> {
    pub anchors: &'a [Anchor],
    pub sentences: &'a [&'a str],
    pub lang: Lang,
}

impl BeadSide<'_> {
    fn text(&self, a: &Anchor) -> &str {
        self.sentences
            .get(a.sentence)
            .and_then(|s| s.get(a.start..a.end))
            .unwrap_or("")
    }
}

/// The mismatches of a bead whose anchors have been matched: numbers, then terms, then glossary
/// terms.
pub(super) fn judge(src: &BeadSide<'_>, tgt: &BeadSide<'_>) -> Vec<Mismatch> {
    let mut out = Vec::new();
    out.extend(numbers(src, tgt));
    out.extend(terms(src, tgt));
    out.extend(glossary(src));
    out
}

fn is_number(a: &Anchor) -> bool {
    matches!(a.kind, AnchorKind::Number | AnchorKind::NumberWord)
}

/// A spelled-out one or two: 一 and 两 are as often "a" and "a couple", "first" and "second" as
/// often "at first" and "secondly" (but 第一, 第二 are ordinals).
fn weak_word(text: &str, key: &str) -> bool {
    let value = key.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    text.chars().any(char::is_alphabetic)
        && !text.chars().any(|c| c.is_ascii_digit())
        && (value == "1" || value == "2")
        && !text.starts_with('第')
}

/// Spelled-out numbers are reported opposite each other only when each side has at most this
/// many distinct values without a counterpart.
const MAX_WORD_CHANGES: usize = 2;

struct Unmatched {
    index: usize,
    strong: bool,
    /// The value is nowhere on the other side (not just said fewer times there).
    foreign: bool,
    weak: bool,
}

/// The first anchor of each distinct number value of `mine` that has no counterpart.
fn unmatched_numbers(mine: &BeadSide<'_>, other: &BeadSide<'_>) -> Vec<Unmatched> {
    let other_values: HashSet<&str> = other
        .anchors
        .iter()
        .filter(|o| is_number(o))
        .map(|o| o.key.as_str())
        .collect();
    let mut seen = HashSet::new();
    mine.anchors
        .iter()
        .enumerate()
        .filter(|(_, x)| is_number(x) && !x.matched && seen.insert(x.key.as_str()))
        .map(|(index, x)| Unmatched {
            index,
            strong: x.kind == AnchorKind::Number,
            foreign: !other_values.contains(x.key.as_str()),
            weak: weak_word(mine.text(x), &x.key),
        })
        .collect()
}

fn numbers(src_side: &BeadSide<'_>, tgt_side: &BeadSide<'_>) -> Option<Mismatch> {
    let src = unmatched_numbers(src_side, tgt_side);
    let tgt = unmatched_numbers(tgt_side, src_side);
    let strong_foreign = src.iter().chain(&tgt).any(|u| u.strong && u.foreign);
    let reported = match (src.is_empty(), tgt.is_empty()) {
        (true, true) => false,
        // A spelled-out number alone on one side is not evidence enough, and neither is a
        // repeated one said fewer times.
        (true, false) | (false, true) => strong_foreign,
        // Numbers opposite each other: a digit number, or a spelled-out one in few enough to
        // be a substitution (三 ↔ "four"), unless all are the small ones every language uses
        // loosely.
        (false, false) => {
            strong_foreign
                || src.len() <= MAX_WORD_CHANGES
                    && tgt.len() <= MAX_WORD_CHANGES
                    && src.iter().chain(&tgt).any(|u| u.foreign && !u.weak)
        }
    };
    if !reported {
        return None;
    }
    // One side only: name just the digit numbers, the spelled-out ones were not the reason.
    let both_sides = !src.is_empty() && !tgt.is_empty();
    let named = |xs: Vec<Unmatched>| -> Vec<usize> {
        xs.into_iter()
            .filter(|u| both_sides || u.strong && u.foreign)
            .map(|u| u.index)
            .collect()
    };
    Some(Mismatch {
        kind: MismatchKind::Number,
        src: named(src),
        tgt: named(tgt),
    })
}

fn unmatched_terms<'a>(side: &'a BeadSide<'_>) -> Vec<(usize, &'a Anchor)> {
    side.anchors
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == AnchorKind::Term && !x.matched)
        .collect()
}

fn terms(src_side: &BeadSide<'_>, tgt_side: &BeadSide<'_>) -> Vec<Mismatch> {
    let src = unmatched_terms(src_side);
    let tgt = unmatched_terms(tgt_side);
    if src.is_empty() && tgt.is_empty() {
        return Vec::new();
    }
    let src_cjk = src_side.lang.is_cjk_sentence_style();
    let tgt_cjk = tgt_side.lang.is_cjk_sentence_style();
    // A one-sided term counts on its own when the side it is missing from would have kept it:
    // a Latin term in CJK text was kept on purpose; between two alphabetic languages only names
    // written like codes are kept as they are (headings in capitals, compounds and acronyms are
    // translated: Himalaya-Chronik, EU / UE).
    let alphabetic = !src_cjk && !tgt_cjk;
    let alone_counts = |side_cjk: bool, term: &str| side_cjk || alphabetic && code_like(term);

    let mut out = Vec::new();
    let mut used_tgt = vec![false; tgt.len()];
    let tgt_spellings: Vec<Vec<char>> = tgt.iter().map(|(_, t)| spelling(&t.key)).collect();
    for &(i, s) in &src {
        let s_spelling = spelling(&s.key);
        let partner = (0..tgt.len())
            .filter(|&j| !used_tgt[j] && tgt_spellings[j].first() == s_spelling.first())
            .take(MAX_SPELLING_CANDIDATES)
            .find(|&j| similar_spellings(&s_spelling, &tgt_spellings[j]));
        let tgt_named = match partner {
            Some(j) => {
                used_tgt[j] = true;
                vec![tgt[j].0]
            }
            None if alone_counts(src_cjk, &s.key) => Vec::new(),
            None => continue,
        };
        out.push(Mismatch {
            kind: MismatchKind::Term,
            src: vec![i],
            tgt: tgt_named,
        });
    }
    for (j, &(i, t)) in tgt.iter().enumerate() {
        if used_tgt[j] || !alone_counts(tgt_cjk, &t.key) {
            continue;
        }
        out.push(Mismatch {
            kind: MismatchKind::Term,
            src: Vec::new(),
            tgt: vec![i],
        });
    }
    out
}

fn glossary(src: &BeadSide<'_>) -> Vec<Mismatch> {
    src.anchors
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == AnchorKind::Glossary && !x.matched)
        .map(|(i, _)| Mismatch {
            kind: MismatchKind::Glossary,
            src: vec![i],
            tgt: Vec::new(),
        })
        .collect()
}

/// A term's other spelling is looked for among this many terms of the other side with its first
/// letter: a bead with thousands of one-sided names is misaligned, not misspelled, and comparing
/// all with all would cost the square of its length.
const MAX_SPELLING_CANDIDATES: usize = 32;

/// A name written like a code, which no translation between alphabetic languages changes: a
/// letter and a digit (K2, GPT-3, A380) or a capital inside a word after a lowercase letter
/// (OpenAI, iPhone, DeepMind).
fn code_like(term: &str) -> bool {
    // An abbreviation before a number is a page or item reference: S.91, Nr.212, ca.7315.
    if let Some((abbrev, rest)) = term.split_once('.') {
        if abbrev.chars().count() <= 3 && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    }
    let letters = term.chars().any(char::is_alphabetic);
    let digits = term.chars().any(|c| c.is_ascii_digit());
    let inner_capital = term
        .chars()
        .zip(term.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    letters && digits || inner_capital
}

/// Two spellings of one name: equal ignoring case, or at most two edits apart (one for short
/// words) with the same first letter.
pub fn similar_spelling(a: &str, b: &str) -> bool {
    similar_spellings(&spelling(a), &spelling(b))
}

/// A name's letters as [`similar_spellings`] compares them.
fn spelling(name: &str) -> Vec<char> {
    name.chars().flat_map(char::to_lowercase).collect()
}

/// [`similar_spelling`] of two names already made [`spelling`]s.
fn similar_spellings(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    if a == b {
        return true;
    }
    if a.first() != b.first() {
        return false;
    }
    let shorter = a.len().min(b.len());
    let allowed = if shorter >= 8 { 2 } else { 1 };
    shorter >= 3 && edit_distance(a, b) <= allowed
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters cost one each.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        for t in ["K2", "GPT-3", "OpenAI", "iPhone", "DeepMind"] {
            assert!(code_like(t), "{t}");
        }
        for t in [
            "EU",
            "NACHTRÄGEN",
            "Himalaya-Chronik",
            "Everest",
            "U.S",
            "S.91",
            "ca.7315",
        ] {
            assert!(!code_like(t), "{t}");
        }
    }

    #[test]
    fn spellings() {
        assert!(similar_spelling("OpenAI", "OpenAl"));
        assert!(similar_spelling("Sutskever", "Sutskver"));
        assert!(similar_spelling("Qingyang", "Qingyagn"));
        assert!(!similar_spelling("GPT", "GAN"));
        assert!(!similar_spelling("AI", "AL"));
        assert_eq!(
            edit_distance(&['a', 'b', 'c'], &['a', 'c', 'b']),
            1,
            "a swap is one edit"
        );
    }
}
