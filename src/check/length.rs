//! `length-outlier`: a pair bead whose length ratio is far outside the document's own
//! distribution, which often means a sentence half translated or a clause dropped.
//!
//! Robust statistics over the document's pair beads: the median and the median absolute
//! deviation (MAD) of the log length ratio, with each deviation scaled by the square root of the
//! bead's length (as in Gale and Church: a long bead's ratio varies less than a short one's).

use crate::document::is_space;

use super::{Context, Finding, Kind};

/// Robust standard deviations (1.4826 × MAD) from the median that make an outlier.
pub(crate) const DEFAULT_SIGMAS: f64 = 4.0;
/// Beads with fewer characters than this on either side vary too much to judge.
const MIN_CHARS: f64 = 8.0;
/// Fewer pair beads than this give no distribution to speak of.
const MIN_BEADS: usize = 12;

/// How far each bead's length ratio is from the document's usual one, in robust standard
/// deviations (negative: the translation is shorter than usual); `None` for beads with an empty
/// side or too short to judge. A document with too few pair beads to measure is judged by the
/// aligner's ratio (the language pair's prior, moved by what the document shows) and a typical
/// spread.
pub(crate) fn deviations(cx: &Context<'_>) -> Deviations {
    let chars = |s: &str| s.chars().filter(|&c| !is_space(c)).count() as f64;
    let beads = &cx.pair.alignment.beads;
    let mut out = Deviations {
        beads: vec![None; beads.len()],
        measured: false,
    };
    let sized: Vec<(usize, f64, f64)> = beads
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_pair())
        .map(|(k, b)| {
            let s: f64 = cx.pair.src.sentences[b.src.clone()]
                .iter()
                .map(|x| chars(&x.text))
                .sum();
            let t: f64 = cx.pair.tgt.sentences[b.tgt.clone()]
                .iter()
                .map(|x| chars(&x.text))
                .sum();
            (k, s, t)
        })
        .filter(|&(_, s, t)| s > 0.0 && t > 0.0)
        .collect();
    let logs: Vec<f64> = sized.iter().map(|&(_, s, t)| (t / s).ln()).collect();
    out.measured = sized.len() >= MIN_BEADS;
    let centre = if out.measured {
        median(logs.clone())
    } else {
        cx.pair.alignment.length_ratio.max(f64::MIN_POSITIVE).ln()
    };
    let ratio = centre.exp();
    // Deviation in log ratio, scaled by the square root of the bead's length in source units.
    let scaled: Vec<f64> = sized
        .iter()
        .zip(&logs)
        .map(|(&(_, s, t), &l)| (l - centre) * ((s + t / ratio) / 2.0).sqrt())
        .collect();
    let spread = if out.measured {
        1.4826 * median(scaled.iter().map(|d| d.abs()).collect())
    } else {
        TYPICAL_SPREAD
    };
    if spread <= 0.0 {
        return out;
    }
    for ((&(k, s, t), &d), &l) in sized.iter().zip(&scaled).zip(&logs) {
        if s < MIN_CHARS || t < MIN_CHARS {
            continue;
        }
        out.beads[k] = Some(Deviation {
            sigmas: d / spread,
            factor: (l - centre).exp(),
        });
    }
    out
}

/// The deviations of a document's beads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Deviations {
    /// By bead index.
    pub beads: Vec<Option<Deviation>>,
    /// Measured on the document itself (it has enough pair beads), not assumed.
    pub measured: bool,
}

/// The spread (robust standard deviation of the scaled log ratio) assumed for a document too
/// short to measure its own: the middle of what whole chapters show (1.0 to 1.7 on the MAC-Dev
/// novels and the Text+Berg yearbook).
const TYPICAL_SPREAD: f64 = 1.3;

/// A bead's length ratio against the document's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Deviation {
    /// Robust standard deviations from the median (negative: shorter than usual).
    pub(crate) sigmas: f64,
    /// The bead's ratio over the document's median ratio.
    pub(crate) factor: f64,
}

pub(crate) fn check(cx: &Context<'_>, sigmas: f64, out: &mut Vec<Finding>) {
    let deviations = deviations(cx);
    if !deviations.measured {
        return;
    }
    for (k, deviation) in deviations.beads.into_iter().enumerate() {
        let Some(Deviation { sigmas: z, factor }) = deviation else {
            continue;
        };
        if z.abs() < sigmas {
            continue;
        }
        let bead = &cx.pair.alignment.beads[k];
        let message = if factor < 1.0 {
            format!(
                "translation {:.1}× shorter than usual in this document: part may be missing",
                1.0 / factor
            )
        } else {
            format!(
                "translation {factor:.1}× longer than usual in this document: part may be added"
            )
        };
        out.push(cx.finding(
            Kind::LengthOutlier,
            message,
            k,
            bead.src.clone(),
            bead.tgt.clone(),
        ));
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(vec![]), 0.0);
    }
}
