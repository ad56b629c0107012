//! `omission` and `addition`: sentences without a counterpart, as likely as the sensitivity asks
//! by the evidence of [`super::unpaired`]: those the alignment leaves alone, and those it holds
//! in a pair bead without the evidence to show for it (a dropped sentence absorbed into its
//! neighbour's bead). A run of consecutive unpaired sentences is one finding (a dropped
//! paragraph is one problem, not five).
//!
//! A sentence the aligner left unpaired because the translation holds a verbatim copy of it
//! nearby is not an omission and the copy is not an addition: the sentence was left
//! untranslated, and is reported as that. A line that is no text (OCR debris such as "JfV",
//! page furniture) is neither: there is nothing in it to translate.

use std::ops::Range;

use super::unpaired::{self, Sensitivity};
use super::untranslated::same_text;
use super::{count_noun, Context, Finding, Kind, SideName};
use crate::anchor::is_noise;
use crate::segment::Sentence;

/// How many beads either side of a gap are searched for a verbatim copy.
const COPY_REACH: usize = 3;

pub(crate) fn check(cx: &Context<'_>, sensitivity: Sensitivity, out: &mut Vec<Finding>) {
    let beads = &cx.pair.alignment.beads;
    let src = &cx.pair.src.sentences;
    let tgt = &cx.pair.tgt.sentences;
    // Source sentences with a verbatim copy in the translation near their bead, and the copies.
    let mut copied_src = vec![false; src.len()];
    let mut copied_tgt = vec![false; tgt.len()];
    for (k, bead) in beads.iter().enumerate() {
        if bead.is_pair() {
            continue;
        }
        let near = k.saturating_sub(COPY_REACH)..(k + COPY_REACH + 1).min(beads.len());
        let near_src = beads[near.start].src.start..beads[near.end - 1].src.end;
        let near_tgt = beads[near.start].tgt.start..beads[near.end - 1].tgt.end;
        for i in bead.src.clone() {
            if let Some(j) = near_tgt
                .clone()
                .find(|&j| same_text(&src[i].text, &tgt[j].text))
            {
                copied_src[i] = true;
                if !copied_tgt[j] {
                    copied_tgt[j] = true;
                    out.push(untranslated(cx, k, i, j));
                }
            }
        }
        for j in bead.tgt.clone() {
            if copied_tgt[j] {
                continue;
            }
            if let Some(i) = near_src
                .clone()
                .find(|&i| same_text(&src[i].text, &tgt[j].text))
            {
                copied_tgt[j] = true;
                copied_src[i] = true;
                out.push(untranslated(cx, k, i, j));
            }
        }
    }

    // Runs of omitted source sentences and of added target sentences. Lines that are no text
    // (OCR debris, page furniture) have nothing to translate: they are left out, not reported.
    let skipped = |sentences: &[Sentence], copied: &[bool]| -> Vec<bool> {
        sentences
            .iter()
            .zip(copied)
            .map(|(s, &copied)| copied || is_noise(&s.text))
            .collect()
    };
    let skip_src = skipped(src, &copied_src);
    let skip_tgt = skipped(tgt, &copied_tgt);
    let threshold = sensitivity.threshold();
    for side in [SideName::Source, SideName::Target] {
        let skip = match side {
            SideName::Source => &skip_src,
            SideName::Target => &skip_tgt,
        };
        let evidence = unpaired::evidence(cx, side);
        let mut runs: Vec<Run> = Vec::new();
        for (k, bead) in beads.iter().enumerate() {
            let ids = match side {
                SideName::Source => bead.src.clone(),
                SideName::Target => bead.tgt.clone(),
            };
            for i in ids.filter(|&i| !skip[i]) {
                let p = unpaired::probability(&evidence[i]);
                if p < threshold {
                    continue;
                }
                match runs.last_mut() {
                    // Unpaired sentences that follow on are one problem (a dropped paragraph);
                    // a sentence held in a pair bead is one of its own.
                    Some(run) if run.ids.end == i && run.alone && !bead.is_pair() => {
                        run.ids.end = i + 1;
                        run.confidence = run.confidence.max(p);
                    }
                    _ => runs.push(Run {
                        bead: k,
                        ids: i..i + 1,
                        alone: !bead.is_pair(),
                        confidence: p,
                    }),
                }
            }
        }
        for run in runs {
            out.push(finding(cx, side, run));
        }
    }
}

/// Consecutive sentences of one side without a counterpart.
struct Run {
    bead: usize,
    ids: Range<usize>,
    /// The best alignment leaves them alone (else: one sentence held in a pair bead).
    alone: bool,
    confidence: f64,
}

fn finding(cx: &Context<'_>, side: SideName, run: Run) -> Finding {
    let bead = &cx.pair.alignment.beads[run.bead];
    let n = run.ids.len();
    let (kind, what, other_side) = match side {
        SideName::Source => (
            Kind::Omission,
            count_noun(n, "source sentence", "source sentences") + " without a translation",
            "translation",
        ),
        SideName::Target => (
            Kind::Addition,
            count_noun(n, "sentence", "sentences") + " of the translation without a source",
            "source",
        ),
    };
    let message = if run.alone {
        what
    } else {
        format!("{what}: its bead's {other_side} covers only the sentences beside it")
    };
    // Where the other side would have it: nowhere for a lone run, the bead that holds it else.
    let other = match (side, run.alone) {
        (SideName::Source, true) => bead.tgt.start..bead.tgt.start,
        (SideName::Target, true) => bead.src.start..bead.src.start,
        (SideName::Source, false) => bead.tgt.clone(),
        (SideName::Target, false) => bead.src.clone(),
    };
    let (src, tgt) = match side {
        SideName::Source => (run.ids, other),
        SideName::Target => (other, run.ids),
    };
    let mut f = cx.finding(kind, message, run.bead, src, tgt);
    f.confidence = Some((run.confidence * 1000.0).round() / 1000.0);
    if run.confidence < unpaired::LIKELY {
        f.severity = f.severity.lower();
    }
    f
}

fn untranslated(cx: &Context<'_>, bead: usize, i: usize, j: usize) -> Finding {
    cx.finding(
        Kind::Untranslated,
        "identical to the source: left untranslated".to_owned(),
        bead,
        i..i + 1,
        j..j + 1,
    )
}
