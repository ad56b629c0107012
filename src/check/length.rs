//! `length-outlier`: a pair bead whose length ratio is far outside the document's own
//! distribution, which often means a sentence half translated or a clause dropped.
//!
//! Robust statistics over the document's pair beads: the median and the median absolute
//! deviation (MAD) of the log length ratio, with each deviation scaled by the square root of the
//! bead's length (as in Gale and Church: a long bead's ratio varies less than a short one's).

use crate::document::is_space;

use super::{Context, Finding, Kind};

/// Robust standard deviations (1.4826 × MAD) from the median that make an outlier.
pub const DEFAULT_SIGMAS: f64 = 4.0;
/// Beads with fewer characters than this on either side vary too much to judge.
const MIN_CHARS: f64 = 8.0;
/// Fewer pair beads than this give no distribution to speak of.
const MIN_BEADS: usize = 12;

pub fn check(cx: &Context<'_>, sigmas: f64, out: &mut Vec<Finding>) {
    let chars = |s: &str| s.chars().filter(|&c| !is_space(c)).count() as f64;
    let beads: Vec<(usize, f64, f64)> = cx
        .pair
        .alignment
        .beads
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
        .collect();
    if beads.len() < MIN_BEADS {
        return;
    }
    let logs: Vec<f64> = beads.iter().map(|&(_, s, t)| (t / s).ln()).collect();
    let centre = median(logs.clone());
    let ratio = centre.exp();
    // Deviation in log ratio, scaled by the square root of the bead's length in source units.
    let scaled: Vec<f64> = beads
        .iter()
        .zip(&logs)
        .map(|(&(_, s, t), &l)| (l - centre) * ((s + t / ratio) / 2.0).sqrt())
        .collect();
    let spread = 1.4826 * median(scaled.iter().map(|d| d.abs()).collect());
    if spread <= 0.0 {
        return;
    }
    for ((&(k, s, t), &d), &l) in beads.iter().zip(&scaled).zip(&logs) {
        let z = d / spread;
        if z.abs() < sigmas || s < MIN_CHARS || t < MIN_CHARS {
            continue;
        }
        let bead = &cx.pair.alignment.beads[k];
        let factor = (l - centre).exp();
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
