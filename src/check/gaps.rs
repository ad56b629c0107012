//! `omission` and `addition`: beads with one empty side. A run of consecutive such beads is one
//! finding (a dropped paragraph is one problem, not five).
//!
//! A sentence the aligner left unpaired because the translation holds a verbatim copy of it
//! nearby is not an omission and the copy is not an addition: the sentence was left
//! untranslated, and is reported as that. A line that is no text (OCR debris such as "JfV",
//! page furniture) is neither: there is nothing in it to translate.

use std::ops::Range;

use super::untranslated::same_text;
use super::{count_noun, Context, Finding, Kind};
use crate::anchor::is_noise;
use crate::segment::Sentence;

/// How many beads either side of a gap are searched for a verbatim copy.
const COPY_REACH: usize = 3;

pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
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
    let mut omitted: Vec<(usize, Range<usize>)> = Vec::new();
    let mut added: Vec<(usize, Range<usize>)> = Vec::new();
    for (k, bead) in beads.iter().enumerate() {
        if bead.tgt.is_empty() {
            extend_runs(&mut omitted, k, bead.src.clone(), &skip_src);
        } else if bead.src.is_empty() {
            extend_runs(&mut added, k, bead.tgt.clone(), &skip_tgt);
        }
    }
    for (k, run) in omitted {
        let message = format!(
            "{} without a translation",
            count_noun(run.len(), "source sentence", "source sentences")
        );
        let tgt_at = beads[k].tgt.start..beads[k].tgt.start;
        out.push(cx.finding(Kind::Omission, message, k, run, tgt_at));
    }
    for (k, run) in added {
        let message = format!(
            "{} of the translation without a source",
            count_noun(run.len(), "sentence", "sentences")
        );
        let src_at = beads[k].src.start..beads[k].src.start;
        out.push(cx.finding(Kind::Addition, message, k, src_at, run));
    }
}

/// Add the sentences of `ids` not marked `skip` to the runs, continuing the last run when the
/// sentences follow on.
fn extend_runs(
    runs: &mut Vec<(usize, Range<usize>)>,
    bead: usize,
    ids: Range<usize>,
    skip: &[bool],
) {
    for i in ids.filter(|&i| !skip[i]) {
        match runs.last_mut() {
            Some((_, run)) if run.end == i => run.end = i + 1,
            _ => runs.push((bead, i..i + 1)),
        }
    }
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
