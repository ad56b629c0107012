//! Anchors compared across one bead: which numbers, Latin-script names and glossary terms of each
//! side have their counterpart on the other. Reports highlight these; checks turn the unmatched
//! ones into findings. One place decides what "matched" means for both.

use std::collections::HashMap;

use serde::Serialize;

use super::glossary::{find_term, Glossary};
use super::latin;
use super::number::{self, NumberKind};
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// A number, compared by value across scripts (35岁 ↔ 35, 二〇一二 ↔ 2012).
    Number,
    /// A number spelled out in words (三十五, thirty-five): compared the same way, but a missing
    /// one is weaker evidence, since words like 一 are often not numbers at all.
    NumberWord,
    /// A Latin-script name or term (OpenAI, GPT-3).
    Term,
    /// A glossary term; `matched` says whether the required translation is there.
    Glossary,
}

/// One anchor found in one sentence of a bead side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// What it is compared by: the number's canonical value, the term in lowercase, or the
    /// glossary entry's required translation.
    pub key: String,
    /// Index of the sentence within the bead side.
    pub sentence: usize,
    /// Byte span within that sentence.
    pub start: usize,
    pub end: usize,
    pub matched: bool,
}

/// The anchors of both sides of a bead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BeadAnchors {
    pub src: Vec<Anchor>,
    pub tgt: Vec<Anchor>,
}

impl BeadAnchors {
    pub fn unmatched(&self) -> impl Iterator<Item = (Side, &Anchor)> {
        let src = self
            .src
            .iter()
            .filter(|a| !a.matched)
            .map(|a| (Side::Src, a));
        let tgt = self
            .tgt
            .iter()
            .filter(|a| !a.matched)
            .map(|a| (Side::Tgt, a));
        src.chain(tgt)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Src,
    Tgt,
}

/// Compare the anchors of a bead whose sides are the given sentences.
pub fn compare_bead(
    src: &[&str],
    src_lang: Lang,
    tgt: &[&str],
    tgt_lang: Lang,
    glossary: &Glossary,
) -> BeadAnchors {
    let mut out = BeadAnchors::default();
    let src_numbers = numbers(src, src_lang);
    let tgt_numbers = numbers(tgt, tgt_lang);
    match_by_key(src_numbers, tgt_numbers, &mut out);

    let src_terms = terms(src);
    let tgt_terms = terms(tgt);
    let src_joined = src.join(" ");
    let tgt_joined = tgt.join(" ");
    for (side_terms, other_text, into_src) in [
        (src_terms, &tgt_joined, true),
        (tgt_terms, &src_joined, false),
    ] {
        for mut a in side_terms {
            a.matched = find_term(other_text, &a.key).is_some();
            if into_src {
                out.src.push(a)
            } else {
                out.tgt.push(a)
            }
        }
    }

    for entry in &glossary.entries {
        for (k, sentence) in src.iter().enumerate() {
            if let Some((start, end)) = find_term(sentence, &entry.src) {
                let matched = find_term(&tgt_joined, &entry.tgt).is_some();
                out.src.push(Anchor {
                    kind: AnchorKind::Glossary,
                    key: entry.tgt.clone(),
                    sentence: k,
                    start,
                    end,
                    matched,
                });
                if matched {
                    if let Some((j, (s, e))) = tgt
                        .iter()
                        .enumerate()
                        .find_map(|(j, t)| find_term(t, &entry.tgt).map(|p| (j, p)))
                    {
                        out.tgt.push(Anchor {
                            kind: AnchorKind::Glossary,
                            key: entry.tgt.clone(),
                            sentence: j,
                            start: s,
                            end: e,
                            matched: true,
                        });
                    }
                }
                break;
            }
        }
    }
    out.src.sort_by_key(|a| (a.sentence, a.start));
    out.tgt.sort_by_key(|a| (a.sentence, a.start));
    out
}

fn numbers(sentences: &[&str], lang: Lang) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for n in number::extract_numbers(s, lang.code()) {
            let kind = match n.kind {
                NumberKind::Digits => AnchorKind::Number,
                NumberKind::Words => AnchorKind::NumberWord,
            };
            out.push(Anchor {
                kind,
                key: n.key(),
                sentence: k,
                start: n.start,
                end: n.end,
                matched: false,
            });
        }
    }
    out
}

fn terms(sentences: &[&str]) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for t in latin::name_like_terms(s) {
            out.push(Anchor {
                kind: AnchorKind::Term,
                key: t.text.to_string(),
                sentence: k,
                start: t.start,
                end: t.end,
                matched: false,
            });
        }
    }
    out
}

/// Pair numbers with equal values, each used once, so that "35 … 35" needs two 35s.
fn match_by_key(mut src: Vec<Anchor>, mut tgt: Vec<Anchor>, out: &mut BeadAnchors) {
    let mut available: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, a) in tgt.iter().enumerate() {
        available.entry(a.key.clone()).or_default().push(k);
    }
    for a in &mut src {
        if let Some(k) = available
            .get_mut(&a.key)
            .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
        {
            a.matched = true;
            tgt[k].matched = true;
        }
    }
    out.src.extend(src);
    out.tgt.extend(tgt);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_terms_across_scripts() {
        let a = compare_bead(
            &["伊利亚于2022年当选院士，2015年入选MIT科技评论35岁以下35人榜单。"],
            Lang::ZH,
            &["Ilya was elected in 2022 and named to the MIT Technology Review 35 Under 35 list in 2016."],
            Lang::EN,
            &Glossary::default(),
        );
        let unmatched: Vec<(Side, &str)> =
            a.unmatched().map(|(s, x)| (s, x.key.as_str())).collect();
        assert_eq!(unmatched, vec![(Side::Src, "2015"), (Side::Tgt, "2016")]);
        assert!(a
            .src
            .iter()
            .any(|x| x.kind == AnchorKind::Term && x.key == "MIT" && x.matched));
    }

    #[test]
    fn glossary_requires_the_translation() {
        let g = Glossary::parse(std::path::Path::new("g.csv"), "深度学习,deep learning\n").unwrap();
        let ok = compare_bead(
            &["深度学习很强。"],
            Lang::ZH,
            &["Deep learning is strong."],
            Lang::EN,
            &g,
        );
        assert!(ok
            .src
            .iter()
            .any(|a| a.kind == AnchorKind::Glossary && a.matched));
        let bad = compare_bead(
            &["深度学习很强。"],
            Lang::ZH,
            &["Neural nets are strong."],
            Lang::EN,
            &g,
        );
        assert!(bad
            .src
            .iter()
            .any(|a| a.kind == AnchorKind::Glossary && !a.matched));
    }
}
