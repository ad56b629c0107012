//! How likely each sentence is to have no counterpart on the other side: the evidence behind
//! `omission` (source sentences) and `addition` (target sentences) findings.
//!
//! The evidence, per sentence:
//! - the aligner's posterior that the sentence is unpaired, summed over all alignments
//!   ([`crate::align::Alignment::src_unpaired`]);
//! - for a sentence the best alignment pairs, how much its bead loses when the sentence stands
//!   alone instead (the *alone margin*): a dropped sentence absorbed into a neighbour's bead
//!   brings it little;
//! - whether the sentence carries a number written in digits that its bead's other side lacks
//!   (a dropped sentence takes its year with it).
//!
//! These are combined by logistic regression into a probability, with coefficients fitted on
//! documents with injected omissions and additions (`examples/detection.rs --calibrate`, see
//! docs/check.md): a finding's `confidence` is this probability.

use std::fmt;
use std::str::FromStr;

use crate::align::Bead;
use crate::anchor::bead_anchors::AnchorKind;
use crate::error::{Error, Result};
use crate::names::Named;

use super::{Context, SideName};

/// How sure the evidence must be before a sentence is reported as without a counterpart: a
/// trade of precision for recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sensitivity {
    /// Only what is very likely (probability ≥ 0.8): for CI gates that must not cry wolf.
    Strict,
    /// What is more likely than not (≥ 0.5).
    #[default]
    Normal,
    /// Everything possible (≥ 0.03): for a translator who prefers reading ten false alarms to
    /// missing one omission. Omissions are rare, so even a small probability is worth a look:
    /// on the calibration chapters this reports nine in ten dropped sentences with about two
    /// and a half false alarms per hundred sentences.
    Review,
}

impl Sensitivity {
    /// Every level, strictest first.
    pub const ALL: [Sensitivity; 3] = [
        Sensitivity::Strict,
        Sensitivity::Normal,
        Sensitivity::Review,
    ];

    /// The least probability reported.
    pub fn threshold(self) -> f64 {
        match self {
            Sensitivity::Strict => 0.8,
            Sensitivity::Normal => 0.5,
            Sensitivity::Review => 0.03,
        }
    }
}

impl Named for Sensitivity {
    const WHAT: &'static str = "sensitivity";
    const VALUES: &'static [(&'static str, Sensitivity)] = &[
        ("strict", Sensitivity::Strict),
        ("normal", Sensitivity::Normal),
        ("review", Sensitivity::Review),
    ];
}

impl fmt::Display for Sensitivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Sensitivity {
    type Err = Error;

    fn from_str(s: &str) -> Result<Sensitivity> {
        crate::names::parse_loosely(s)
    }
}

/// A probability at or above this is "likely" (an error for omissions, a warning for
/// additions); below it, "possible" (one level less).
pub(crate) const LIKELY: f64 = 0.5;

/// What is known about one sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// The best alignment leaves the sentence unpaired.
    pub alone: bool,
    /// Posterior probability that the sentence is unpaired.
    pub(crate) posterior: f64,
    /// Nats its stretch loses with the sentence standing alone; infinite when there is no such
    /// local alternative or the sentence is alone already.
    pub(crate) margin: f64,
    /// Its side of the bead has more than one sentence.
    pub(crate) merged: bool,
    /// It has a number in digits that the bead's other side does not have.
    pub(crate) number_missing: bool,
    /// How surprising a missing number is in this document, in 0..=1: -ln of the share of its
    /// side's numbers in pair beads that lack a counterpart, over ln 100. A translation that
    /// adapts figures throughout (a French edition converting units) makes one more missing
    /// number weak evidence; one that keeps every figure makes it strong.
    pub(crate) number_surprise: f64,
}

/// The features the calibration uses, in the order of [`PAIRED`] and [`ALONE`] (after the
/// intercept).
pub fn features(e: &Evidence) -> [f64; FEATURES] {
    let logit = |p: f64| {
        let p = p.clamp(1e-6, 1.0 - 1e-6);
        (p / (1.0 - p)).ln()
    };
    [
        logit(e.posterior),
        e.margin.min(MARGIN_CAP),
        f64::from(u8::from(e.merged)),
        if e.number_missing {
            e.number_surprise
        } else {
            0.0
        },
    ]
}

/// Number of features an omission's or addition's probability is computed from.
pub const FEATURES: usize = 4;
/// Margins beyond this are all "clearly paired".
const MARGIN_CAP: f64 = 20.0;

/// Logistic coefficients (intercept first, then [`features`]) for sentences the best
/// alignment pairs, fitted by `examples/detection.rs --calibrate` (see docs/check.md).
pub const PAIRED: [f64; FEATURES + 1] = [-1.727, 0.662, 0.015, 0.662, 13.644];
/// The same for sentences the best alignment leaves alone (margin and `merged` do not apply).
pub const ALONE: [f64; FEATURES + 1] = [-0.004, 0.68, -0.076, 0.0, 0.0];

/// The probability that a sentence with this evidence has no counterpart. A sentence the best
/// alignment leaves alone is never less than `LIKELY`, so that `normal` reports every one of
/// them as before: 80 % of them had no counterpart on the calibration documents, though the
/// posterior alone ranks them poorly (between 11 % and 59 % in its middle ranges).
pub fn probability(e: &Evidence) -> f64 {
    let w = if e.alone { &ALONE } else { &PAIRED };
    let z = w[0]
        + features(e)
            .iter()
            .zip(&w[1..])
            .map(|(x, w)| x * w)
            .sum::<f64>();
    let p = 1.0 / (1.0 + (-z).exp());
    if e.alone {
        p.max(LIKELY)
    } else {
        p
    }
}

fn counts_as_number(a: &crate::anchor::bead_anchors::Anchor) -> bool {
    // Spelled-out numbers are dropped, added and rephrased too freely (一个, 十几, "dozens").
    a.kind == AnchorKind::Number
}

/// The evidence for every sentence of `side`.
pub fn evidence(cx: &Context<'_>, side: SideName) -> Vec<Evidence> {
    let alignment = &cx.pair.alignment;
    let (count, posteriors, margins) = match side {
        SideName::Source => (
            cx.pair.src.sentences.len(),
            &alignment.src_unpaired,
            &alignment.src_alone_margin,
        ),
        SideName::Target => (
            cx.pair.tgt.sentences.len(),
            &alignment.tgt_unpaired,
            &alignment.tgt_alone_margin,
        ),
    };
    let mut out = vec![
        Evidence {
            alone: false,
            posterior: 0.0,
            margin: f64::INFINITY,
            merged: false,
            number_missing: false,
            number_surprise: 0.0,
        };
        count
    ];
    let mine = |b: &Bead| match side {
        SideName::Source => b.src.clone(),
        SideName::Target => b.tgt.clone(),
    };
    let (mut numbers, mut unmatched) = (0usize, 0usize);
    for (bead, anchors) in alignment.beads.iter().zip(cx.pair.all_anchors()) {
        let ids = mine(bead);
        let mut numbers_missing: Vec<usize> = Vec::new();
        if bead.is_pair() {
            let side_anchors = match side {
                SideName::Source => &anchors.src,
                SideName::Target => &anchors.tgt,
            };
            for a in side_anchors.iter().filter(|a| counts_as_number(a)) {
                numbers += 1;
                if !a.matched {
                    unmatched += 1;
                    numbers_missing.push(ids.start + a.sentence);
                }
            }
        }
        for i in ids.clone() {
            out[i] = Evidence {
                alone: !bead.is_pair(),
                posterior: posteriors.get(i).copied().unwrap_or(0.0),
                margin: margins.get(i).copied().unwrap_or(f64::INFINITY),
                merged: ids.len() > 1,
                number_missing: numbers_missing.contains(&i),
                number_surprise: 0.0,
            };
        }
    }
    // With few numbers the document says little: half a missing number in ten is assumed.
    let rate = (unmatched as f64 + 0.5) / (numbers as f64 + 10.0);
    let surprise = -rate.clamp(0.01, 1.0).ln() / 100f64.ln();
    for e in &mut out {
        e.number_surprise = surprise;
    }
    out
}
