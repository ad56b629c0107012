//! The length model: Gale & Church (1993), with the ratio and variance estimated from the document
//! pair itself, since they vary between language pairs, genres and even chapters.

/// Target characters per source character and the variance of the difference per character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    pub ratio: f64,
    pub variance: f64,
}

/// Gale & Church's variance per character for European pairs; a starting point until the
/// document's own 1-1 beads give an estimate.
const PRIOR_VARIANCE: f64 = 6.8;

impl LengthModel {
    /// First estimate: the ratio of total lengths, the classic variance scaled with it (the
    /// variance of character counts grows with how many characters a source character becomes).
    pub fn from_totals(src_total: f64, tgt_total: f64) -> LengthModel {
        let ratio = if src_total > 0.0 && tgt_total > 0.0 { tgt_total / src_total } else { 1.0 };
        LengthModel { ratio, variance: PRIOR_VARIANCE * ratio.max(1.0) }
    }

    /// Re-estimate from pairs of lengths believed to be translations (confident 1-1 beads):
    /// ratio by total lengths, variance as the mean squared residual per source character,
    /// falling back to the current values when there are too few pairs to say.
    pub fn refit(&self, pairs: &[(f64, f64)]) -> LengthModel {
        const MIN_PAIRS: usize = 20;
        let pairs: Vec<(f64, f64)> = pairs.iter().copied().filter(|&(s, t)| s > 0.0 && t > 0.0).collect();
        if pairs.len() < MIN_PAIRS {
            return *self;
        }
        let (ss, tt) = pairs.iter().fold((0.0, 0.0), |(a, b), &(s, t)| (a + s, b + t));
        let ratio = tt / ss;
        let variance = pairs.iter().map(|&(s, t)| (t - ratio * s).powi(2) / s).sum::<f64>()
            / pairs.len() as f64;
        // Outliers (mis-aligned pairs in the first pass) inflate the variance; a floor keeps a
        // near-perfect document from making every small deviation look impossible.
        LengthModel { ratio, variance: variance.clamp(0.5 * ratio, 50.0 * ratio) }
    }

    /// How far the lengths of a candidate bead are from what the model expects, in standard
    /// deviations.
    pub fn deviation(&self, src_len: f64, tgt_len: f64) -> f64 {
        let mean_len = (src_len + tgt_len / self.ratio) / 2.0;
        (tgt_len - self.ratio * src_len) / (self.variance * mean_len.max(1.0)).sqrt()
    }

    /// -ln P(a deviation at least this large): the length cost of a bead, in nats.
    pub fn cost(&self, src_len: f64, tgt_len: f64) -> f64 {
        neg_ln_two_sided_tail(self.deviation(src_len, tgt_len).abs())
    }

    /// P(a deviation at least this large), in 0..1: the length part of a bead's confidence.
    pub fn fit(&self, src_len: f64, tgt_len: f64) -> f64 {
        (-self.cost(src_len, tgt_len)).exp()
    }
}

/// -ln(2·(1-Φ(x))) = -ln erfc(x/√2), accurate far into the tail, where a plain erfc underflows.
pub fn neg_ln_two_sided_tail(x: f64) -> f64 {
    -ln_erfc(x / std::f64::consts::SQRT_2)
}

/// ln erfc(z) for z ≥ 0 by the Chebyshev fit of Numerical Recipes (`erfcc`, relative error below
/// 1.2e-7 everywhere), taken in log space.
fn ln_erfc(z: f64) -> f64 {
    let z = z.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() + poly
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_matches_known_values() {
        assert!(neg_ln_two_sided_tail(0.0).abs() < 1e-6);
        // 2(1-Φ(1.96)) = 0.05
        assert!((neg_ln_two_sided_tail(1.96) - (-(0.05f64).ln())).abs() < 1e-3);
        // Far tail stays finite and grows like x²/2.
        let far = neg_ln_two_sided_tail(40.0);
        assert!(far.is_finite() && (far - 800.0).abs() < 10.0);
    }

    #[test]
    fn refit_recovers_ratio() {
        let pairs: Vec<(f64, f64)> =
            (1..100).map(|k| (k as f64 * 10.0, k as f64 * 33.0 + if k % 2 == 0 { 5.0 } else { -5.0 })).collect();
        let m = LengthModel::from_totals(1.0, 1.0).refit(&pairs);
        assert!((m.ratio - 3.3).abs() < 0.01, "{m:?}");
        assert!(m.cost(100.0, 330.0) < m.cost(100.0, 200.0));
    }
}
