//! `number-mismatch`, `term-mismatch` and `glossary`: the anchors of a pair bead that have no
//! counterpart on the other side, as [`crate::anchor::compare`] decides.
//!
//! Precision comes first (a checker that cries wolf is switched off):
//! - numbers are compared only inside pair beads; a number written with digits that is missing
//!   or different is an error, but a spelled-out number (一, "first", "November") missing on one
//!   side is not reported, since translations drop and add those freely; a spelled-out number is
//!   reported only when the other side has a different number in its place;
//! - a Latin-script term missing from a CJK translation may have been translated into Han
//!   characters (U.S. → 美国), and one the translation adds may render Han characters
//!   (人工智能 → AI): such one-sided terms are reported only when the other side has a similar
//!   spelling in their place (OpenAI → OpenAl). A term the CJK side kept in Latin letters, and
//!   any term between two alphabetic languages, is reported when missing.

use std::collections::HashSet;

use crate::align::Bead;
use crate::anchor::compare::{Anchor, AnchorKind, BeadAnchors};

use super::{AnchorRef, Context, Finding, Kind, SideName};

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (k, bead) in cx.pair.alignment.beads.iter().enumerate() {
        if !bead.is_pair() {
            continue;
        }
        let anchors = cx.pair.anchors(bead);
        numbers(cx, k, bead, &anchors, out);
        terms(cx, k, bead, &anchors, out);
        glossary(cx, k, bead, &anchors, out);
    }
}

fn is_number(a: &Anchor) -> bool {
    matches!(a.kind, AnchorKind::Number | AnchorKind::NumberWord)
}

fn strong(a: &Anchor) -> bool {
    a.kind == AnchorKind::Number
}

/// A spelled-out one or two: 一 and 两 are as often "a" and "a couple", "first" and "second" as
/// often "at first" and "secondly" (but 第一, 第二 are ordinals).
fn weak_word(a: &AnchorRef) -> bool {
    a.text.chars().any(char::is_alphabetic)
        && !a.text.chars().any(|c| c.is_ascii_digit())
        && (a.value == "1" || a.value == "2")
        && !a.text.starts_with('第')
}

/// Spelled-out numbers are reported opposite each other only when each side has at most this
/// many distinct values without a counterpart.
const MAX_WORD_CHANGES: usize = 2;

struct Unmatched {
    strong: bool,
    foreign: bool,
    anchor: AnchorRef,
}

/// The distinct values of `side` without a counterpart.
fn unmatched_values(side: &[Anchor]) -> Vec<&Anchor> {
    let mut seen = HashSet::new();
    side.iter()
        .filter(|x| is_number(x) && !x.matched && seen.insert(x.key.as_str()))
        .collect()
}

fn anchor_ref(cx: &Context<'_>, bead: &Bead, side: SideName, a: &Anchor) -> AnchorRef {
    let first = match side {
        SideName::Source => bead.src.start,
        SideName::Target => bead.tgt.start,
    };
    cx.anchor(side, first + a.sentence, a.start, a.end, &a.key)
}

/// "2015", or "二〇一五 (2015)" when written otherwise than its value.
fn show(r: &AnchorRef) -> String {
    if r.text == r.value {
        r.text.clone()
    } else {
        format!("{} ({})", r.text, r.value)
    }
}

fn list(refs: &[AnchorRef]) -> String {
    refs.iter().map(show).collect::<Vec<_>>().join(", ")
}

fn numbers(cx: &Context<'_>, k: usize, bead: &Bead, a: &BeadAnchors, out: &mut Vec<Finding>) {
    let refs = |side: SideName, mine: &[Anchor], other: &[Anchor]| -> Vec<Unmatched> {
        let other_values: HashSet<&str> = other
            .iter()
            .filter(|o| is_number(o))
            .map(|o| o.key.as_str())
            .collect();
        unmatched_values(mine)
            .into_iter()
            .map(|x| Unmatched {
                strong: strong(x),
                // The value is nowhere on the other side (not just said fewer times there).
                foreign: !other_values.contains(x.key.as_str()),
                anchor: anchor_ref(cx, bead, side, x),
            })
            .collect()
    };
    let src = refs(SideName::Source, &a.src, &a.tgt);
    let tgt = refs(SideName::Target, &a.tgt, &a.src);
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
                    && src
                        .iter()
                        .chain(&tgt)
                        .any(|u| u.foreign && !weak_word(&u.anchor))
        }
    };
    if !reported {
        return;
    }
    let src: Vec<(bool, AnchorRef)> = src
        .into_iter()
        .map(|u| (u.strong && u.foreign, u.anchor))
        .collect();
    let tgt: Vec<(bool, AnchorRef)> = tgt
        .into_iter()
        .map(|u| (u.strong && u.foreign, u.anchor))
        .collect();
    // One side only: name just the digit numbers, the spelled-out ones were not the reason.
    let both_sides = !src.is_empty() && !tgt.is_empty();
    let keep = |xs: Vec<(bool, AnchorRef)>| -> Vec<AnchorRef> {
        xs.into_iter()
            .filter(|(s, _)| both_sides || *s)
            .map(|(_, r)| r)
            .collect()
    };
    let (src, tgt) = (keep(src), keep(tgt));
    let message = match (src.is_empty(), tgt.is_empty()) {
        (false, false) => format!(
            "number differs: {} in the source, {} in the translation",
            list(&src),
            list(&tgt)
        ),
        (false, true) => format!(
            "{} in the source is missing from the translation",
            list(&src)
        ),
        _ => format!("{} in the translation is not in the source", list(&tgt)),
    };
    let mut f = cx.finding(
        Kind::NumberMismatch,
        message,
        k,
        bead.src.clone(),
        bead.tgt.clone(),
    );
    f.anchors = src.into_iter().chain(tgt).collect();
    out.push(f);
}

fn terms(cx: &Context<'_>, k: usize, bead: &Bead, a: &BeadAnchors, out: &mut Vec<Finding>) {
    let src: Vec<&Anchor> = a
        .src
        .iter()
        .filter(|x| x.kind == AnchorKind::Term && !x.matched)
        .collect();
    let tgt: Vec<&Anchor> = a
        .tgt
        .iter()
        .filter(|x| x.kind == AnchorKind::Term && !x.matched)
        .collect();
    if src.is_empty() && tgt.is_empty() {
        return;
    }
    let src_cjk = cx.lang(SideName::Source).is_cjk_sentence_style();
    let tgt_cjk = cx.lang(SideName::Target).is_cjk_sentence_style();
    // A one-sided term counts on its own when the side it is missing from would have kept it:
    // a Latin term in CJK text was kept on purpose; between two alphabetic languages only names
    // written like codes are kept as they are (headings in capitals, compounds and acronyms are
    // translated: Himalaya-Chronik, EU / UE).
    let alphabetic = !src_cjk && !tgt_cjk;
    let alone_counts = |side_cjk: bool, term: &str| side_cjk || alphabetic && code_like(term);
    let src_alone_counts = |t: &str| alone_counts(src_cjk, t);
    let tgt_alone_counts = |t: &str| alone_counts(tgt_cjk, t);

    let mut items = Vec::new();
    let mut used_tgt = vec![false; tgt.len()];
    let tgt_spellings: Vec<Vec<char>> = tgt.iter().map(|t| spelling(&t.key)).collect();
    for s in &src {
        let s_spelling = spelling(&s.key);
        let partner = tgt
            .iter()
            .enumerate()
            .filter(|(j, _)| !used_tgt[*j] && tgt_spellings[*j].first() == s_spelling.first())
            .take(MAX_SPELLING_CANDIDATES)
            .find(|(j, _)| similar_spellings(&s_spelling, &tgt_spellings[*j]));
        let sref = anchor_ref(cx, bead, SideName::Source, s);
        let (message, anchors) = match partner {
            Some((j, t)) => {
                used_tgt[j] = true;
                let tref = anchor_ref(cx, bead, SideName::Target, t);
                (
                    format!(
                        "“{}” in the source is spelled “{}” in the translation",
                        sref.text, tref.text
                    ),
                    vec![sref, tref],
                )
            }
            None if src_alone_counts(&s.key) => (
                format!(
                    "“{}” in the source is missing from the translation",
                    sref.text
                ),
                vec![sref],
            ),
            None => continue,
        };
        items.push((message, anchors));
    }
    for (j, t) in tgt.iter().enumerate() {
        if used_tgt[j] || !tgt_alone_counts(&t.key) {
            continue;
        }
        let tref = anchor_ref(cx, bead, SideName::Target, t);
        items.push((
            format!("“{}” in the translation is not in the source", tref.text),
            vec![tref],
        ));
    }
    push_for_bead(cx, k, bead, Kind::TermMismatch, items, out);
}

/// A term's other spelling is looked for among this many terms of the other side with its first
/// letter: a bead with thousands of one-sided names is misaligned, not misspelled, and comparing
/// all with all would cost the square of its length.
const MAX_SPELLING_CANDIDATES: usize = 32;

/// Findings of one bead beyond this many are given as one finding that lists them all, so that
/// a bead full of names costs the report its text once, not once for every name.
const MAX_SEPARATE_FINDINGS: usize = 3;

/// One finding per item (message and anchors), or one for all of them when there are more than
/// [`MAX_SEPARATE_FINDINGS`].
fn push_for_bead(
    cx: &Context<'_>,
    k: usize,
    bead: &Bead,
    kind: Kind,
    items: Vec<(String, Vec<AnchorRef>)>,
    out: &mut Vec<Finding>,
) {
    if items.len() <= MAX_SEPARATE_FINDINGS {
        for (message, anchors) in items {
            let mut f = cx.finding(kind, message, k, bead.src.clone(), bead.tgt.clone());
            f.anchors = anchors;
            out.push(f);
        }
        return;
    }
    let n = items.len();
    let shown: Vec<&str> = items
        .iter()
        .take(MAX_SEPARATE_FINDINGS)
        .map(|(m, _)| m.as_str())
        .collect();
    let message = format!(
        "{n} differences in one bead: {}; and {} more",
        shown.join("; "),
        n - shown.len()
    );
    let mut f = cx.finding(kind, message, k, bead.src.clone(), bead.tgt.clone());
    f.anchors = items.into_iter().flat_map(|(_, a)| a).collect();
    out.push(f);
}

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
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
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

fn glossary(cx: &Context<'_>, k: usize, bead: &Bead, a: &BeadAnchors, out: &mut Vec<Finding>) {
    let mut items = Vec::new();
    for g in a
        .src
        .iter()
        .filter(|x| x.kind == AnchorKind::Glossary && !x.matched)
    {
        let r = anchor_ref(cx, bead, SideName::Source, g);
        items.push((
            format!(
                "glossary: “{}” is to be translated as “{}”, which the translation does not have",
                r.text, r.value
            ),
            vec![r],
        ));
    }
    push_for_bead(cx, k, bead, Kind::Glossary, items, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use crate::check::{check, CheckOptions};
    use crate::pipeline::{align_documents, LangChoice};
    use crate::{Document, Lang, Split};

    /// The number findings of a one-line-per-sentence zh → en pair.
    fn number_messages(zh: &[&str], en: &[&str]) -> Vec<String> {
        let result = align_documents(
            Document::from_text("zh.txt", zh.join("\n")),
            Document::from_text("en.txt", en.join("\n")),
            [LangChoice::Fixed(Lang::ZH), LangChoice::Fixed(Lang::EN)],
            Split::Lines,
            &AlignOptions::default(),
        );
        check(&result, &CheckOptions::default())
            .into_iter()
            .filter(|f| f.kind == Kind::NumberMismatch)
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn numbers_reported_and_not() {
        let zh = [
            "他在2015年离开了谷歌公司。",
            "三个人走进了那间屋子。",
            "一个人坐在门口抽烟。",
            "他们等了十六天，整整十六天。",
            "第二次见面时她笑了。",
            "这本书有三百页。",
        ];
        let en = [
            "He left Google in 2016.",
            "Seven men walked into the room.",
            "A man sat smoking at the door.",
            "They waited sixteen days.",
            "The first time they met again she laughed.",
            "The book has 300 pages.",
        ];
        assert_eq!(
            number_messages(&zh, &en),
            [
                "number differs: 2015 in the source, 2016 in the translation",
                "number differs: 三 (3) in the source, Seven (7) in the translation",
                "number differs: 第二 (2) in the source, first (1) in the translation",
            ]
        );
    }

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
