//! `number-mismatch`, `term-mismatch` and `glossary`: the mismatches of each pair bead, as
//! [`crate::anchor::mismatch`] decides them for `check` and the views alike, put in words.

use crate::align::Bead;
use crate::anchor::bead_anchors::{Anchor, Mismatch, MismatchKind};

use super::{AnchorRef, Context, Finding, Kind, SideName};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (k, (bead, anchors)) in cx
        .pair
        .alignment
        .beads
        .iter()
        .zip(cx.pair.all_anchors())
        .enumerate()
    {
        let refs = |m: &Mismatch| Refs {
            src: m
                .src
                .iter()
                .map(|&i| anchor_ref(cx, bead, SideName::Source, &anchors.src[i]))
                .collect(),
            tgt: m
                .tgt
                .iter()
                .map(|&i| anchor_ref(cx, bead, SideName::Target, &anchors.tgt[i]))
                .collect(),
        };
        let of_kind =
            |kind: MismatchKind| anchors.mismatches.iter().filter(move |m| m.kind == kind);
        for m in of_kind(MismatchKind::Number) {
            let Refs { src, tgt } = refs(m);
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
        let terms = of_kind(MismatchKind::Term)
            .map(|m| {
                let Refs { src, tgt } = refs(m);
                let message = match (src.first(), tgt.first()) {
                    (Some(s), Some(t)) => format!(
                        "“{}” in the source is spelled “{}” in the translation",
                        s.text, t.text
                    ),
                    (Some(s), None) => {
                        format!("“{}” in the source is missing from the translation", s.text)
                    }
                    (None, Some(t)) => {
                        format!("“{}” in the translation is not in the source", t.text)
                    }
                    (None, None) => String::new(),
                };
                (message, src.into_iter().chain(tgt).collect())
            })
            .collect();
        push_for_bead(cx, k, bead, Kind::TermMismatch, terms, out);
        let glossary = of_kind(MismatchKind::Glossary)
            .map(|m| {
                let Refs { src, .. } = refs(m);
                let message = src.first().map_or(String::new(), |r| {
                    format!(
                        "glossary: “{}” is to be translated as “{}”, which the translation does not have",
                        r.text, r.value
                    )
                });
                (message, src)
            })
            .collect();
        push_for_bead(cx, k, bead, Kind::Glossary, glossary, out);
    }
}

/// The anchors a mismatch names, located in the files.
struct Refs {
    src: Vec<AnchorRef>,
    tgt: Vec<AnchorRef>,
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
                "number differs: 第二 (2nd) in the source, first (1st) in the translation",
            ]
        );
    }
}
