//! The numbers of a bead's two sides as anchors, and which of them meet: by value, and an
//! ordinal by rank.

use std::collections::HashMap;

use crate::anchor::bead_anchors::{Anchor, AnchorKind, BeadAnchors};
use crate::anchor::latin;
use crate::anchor::number::{self, NumberKind};
use crate::lang::Lang;

/// The numbers of a bead side, month names included, not yet matched.
pub(super) fn anchors(sentences: &[&str], lang: Lang) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for n in number::extract_numbers(s, lang.code()) {
            out.push(Anchor {
                kind: match n.kind {
                    NumberKind::Digits => AnchorKind::Number,
                    NumberKind::Words => AnchorKind::NumberWord,
                },
                key: if n.ordinal {
                    ordinal_key(&n.key())
                } else {
                    n.key()
                },
                sentence: k,
                start: n.start,
                end: n.end,
                matched: false,
                flagged: false,
            });
        }
        out.extend(month_names(s, k));
    }
    out.sort_by_key(|a| a.start);
    out
}

/// An ordinal's value with its English ending (1st, 2nd, 3rd, 11th, 21st): an ordinal meets
/// only an ordinal of the same value, so "first" is not the number 1 of 一个 or "1 in 10".
fn ordinal_key(value: &str) -> String {
    let ending = match (
        value.len() >= 2 && value[..value.len() - 1].ends_with('1'),
        value.chars().last(),
    ) {
        (false, Some('1')) => "st",
        (false, Some('2')) => "nd",
        (false, Some('3')) => "rd",
        _ => "th",
    };
    format!("{value}{ending}")
}

/// English month names as the numbers 1-12, so that 11月 meets "November" and a wrong month
/// shows. "May" counts only next to a day or year or after "in"/"of" (it is mostly a verb).
fn month_names(sentence: &str, k: usize) -> Vec<Anchor> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = Vec::new();
    for t in latin::terms(sentence) {
        let Some(m) = MONTHS.iter().position(|&m| m == t.text) else {
            continue;
        };
        if t.text == "May" {
            let before = sentence[..t.start].trim_end();
            let after = sentence[t.end..].trim_start();
            let dated = after.starts_with(|c: char| c.is_ascii_digit())
                || before.ends_with(|c: char| c.is_ascii_digit())
                || before.ends_with(" in")
                || before.ends_with(" of");
            if !dated {
                continue;
            }
        }
        out.push(Anchor {
            kind: AnchorKind::NumberWord,
            key: (m + 1).to_string(),
            sentence: k,
            start: t.start,
            end: t.end,
            matched: false,
            flagged: false,
        });
    }
    out
}

/// Pair numbers with equal values, each used once, so that "35 … 35" needs two 35s. An
/// ordinal pairs with an ordinal, and with a cardinal of its value where the cardinal may well
/// be a rank: written in digits, as dates and labels are (May 21st ↔ 5月21日, Chapter 3), or
/// in Chinese or Japanese, which rank with plain numbers (十五队 ↔ "the fifteenth team",
/// 二十一岁生日 ↔ "twenty-first birthday"), or where the ordinal is written in digits. In words
/// between the other languages the third time is not three times.
pub(super) fn match_by_key(
    mut src: Vec<Anchor>,
    src_lang: Lang,
    mut tgt: Vec<Anchor>,
    tgt_lang: Lang,
    out: &mut BeadAnchors,
) {
    let all = |a: &Anchor| Some(a.key.clone());
    pair_up(
        &mut src.iter_mut().collect::<Vec<_>>(),
        &mut tgt.iter_mut().collect::<Vec<_>>(),
        all,
        all,
    );
    let value = |a: &Anchor| {
        a.key
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .to_string()
    };
    let is_ordinal = |a: &Anchor| a.key.ends_with(|c: char| c.is_ascii_alphabetic());
    let digits = |a: &Anchor| a.kind == AnchorKind::Number;
    for ordinals_in_src in [true, false] {
        let (ordinals, cardinals, cardinal_lang) = if ordinals_in_src {
            (&mut src, &mut tgt, tgt_lang)
        } else {
            (&mut tgt, &mut src, src_lang)
        };
        let ranks_in_numbers = cardinal_lang.is_cjk_sentence_style();
        let mut o: Vec<&mut Anchor> = ordinals.iter_mut().filter(|a| is_ordinal(a)).collect();
        let mut c: Vec<&mut Anchor> = cardinals.iter_mut().filter(|a| !is_ordinal(a)).collect();
        pair_up(
            &mut o,
            &mut c,
            |a: &Anchor| Some(value(a)),
            |a: &Anchor| (ranks_in_numbers || digits(a)).then(|| value(a)),
        );
        pair_up(
            &mut o,
            &mut c,
            |a: &Anchor| digits(a).then(|| value(a)),
            |a: &Anchor| Some(value(a)),
        );
    }
    // A percentage meets the fraction of its value (百分之十 ↔ "a tenth"), rounded to a whole
    // percent as translators round (三分之一 ↔ 33.3 %, 三分之二 ↔ 67 %).
    let whole_percent = |v: f64| format!("{:.0}", v.round());
    let as_fraction = |a: &Anchor| {
        let percent: f64 = a.key.strip_suffix('%')?.parse().ok()?;
        Some(whole_percent(percent))
    };
    let fraction = |a: &Anchor| {
        let v: f64 = a.key.parse().ok()?;
        (v > 0.0 && v < 1.0).then(|| whole_percent(v * 100.0))
    };
    let mut s: Vec<&mut Anchor> = src.iter_mut().collect();
    let mut t: Vec<&mut Anchor> = tgt.iter_mut().collect();
    pair_up(&mut s, &mut t, as_fraction, fraction);
    pair_up(&mut s, &mut t, fraction, as_fraction);
    out.src.extend(src);
    out.tgt.extend(tgt);
}

/// Match each unmatched anchor of `src` with the first unmatched one of `tgt` of the same key,
/// with a key function for each side (`None`: takes no part).
fn pair_up(
    src: &mut [&mut Anchor],
    tgt: &mut [&mut Anchor],
    src_key: impl Fn(&Anchor) -> Option<String>,
    tgt_key: impl Fn(&Anchor) -> Option<String>,
) {
    // For each key, the target anchors still free, last first so that pairing takes the
    // first from the end of the list.
    let mut available: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, a) in tgt.iter().enumerate().rev() {
        if a.matched {
            continue;
        }
        if let Some(key) = tgt_key(a) {
            available.entry(key).or_default().push(k);
        }
    }
    for a in src.iter_mut().filter(|a| !a.matched) {
        let Some(key) = src_key(a) else { continue };
        if let Some(k) = available.get_mut(&key).and_then(Vec::pop) {
            a.matched = true;
            tgt[k].matched = true;
        }
    }
}
