//! `low-confidence`: pair beads the aligner is unsure of (its confidence score below a
//! threshold, by default the one the reports mark beads unsure with). A note, not an error: the
//! pairing there deserves a human look.

use super::{Context, Finding, Kind};

pub(crate) const DEFAULT_THRESHOLD: f64 = crate::aligned::LOW_CONFIDENCE;

pub(crate) fn check(cx: &Context<'_>, threshold: f64, out: &mut Vec<Finding>) {
    for (k, bead) in cx.pair.alignment.beads.iter().enumerate() {
        if bead.is_pair() && bead.score < threshold {
            out.push(cx.finding(
                Kind::LowConfidence,
                format!(
                    "the aligner is unsure of this pairing (confidence {:.2})",
                    bead.score
                ),
                k,
                bead.src.clone(),
                bead.tgt.clone(),
            ));
        }
    }
}
