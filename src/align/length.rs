//! The length model: Gale & Church (1993), with the ratio and variance estimated from the document
//! pair itself, since they vary between language pairs, genres and even chapters.

use std::sync::atomic::{AtomicU64, Ordering};

/// Target characters per source character and the variance of the difference per character, as
/// in Gale & Church (1993), priced as a probability of the target lengths as in Moore (2002), so
/// that beads of every shape, omissions and additions included, are priced in the same unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LengthModel {
    pub ratio: f64,
    /// Variance per source character of the usual bead.
    pub(crate) variance: f64,
    /// Free translation adds or drops content: a share of beads (`loose_weight`) deviates with a
    /// larger variance (`loose_variance`). A single Gaussian would price those beads as nearly
    /// impossible and push their sentences into additions and omissions.
    pub(crate) loose_variance: f64,
    pub(crate) loose_weight: f64,
    /// Log-normal distribution of lone target sentence lengths (mean and deviation of ln length):
    /// what an added sentence costs.
    pub background: (f64, f64),
    /// The language pair's usual ratio ([`pair_prior`]), which the document's own figure is
    /// pulled toward while it rests on few characters.
    pub(crate) prior_ratio: Option<f64>,
}

/// How much the ratio of one document pair differs from its language pair's usual one (relative
/// standard deviation between documents: genre and translator; MAC-Dev novels 3.40 and the
/// bundled interview 2.71 characters of English per Chinese character).
const BETWEEN_DOCUMENTS_SPREAD: f64 = 0.1;

/// The usual ratio of `src` → `tgt` (language codes) from data/length_priors.tsv, if listed.
pub(crate) fn pair_prior(src: &str, tgt: &str) -> Option<f64> {
    include_str!("../../data/length_priors.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .find_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let ratio: f64 = cols.get(2)?.parse().ok()?;
            match (cols[0], cols[1]) {
                (a, b) if (a, b) == (src, tgt) => Some(ratio),
                (a, b) if (b, a) == (src, tgt) => Some(1.0 / ratio),
                _ => None,
            }
        })
}

/// The ratio of `tgt` to `src` characters, pulled toward `prior` as much as the document's
/// figure is uncertain: its variance `variance / src` against the spread between documents,
/// so the prior weighs as much as `variance / (spread · prior)²` source characters (about 200
/// for Chinese–English, a paragraph).
fn blended_ratio(src: f64, tgt: f64, prior: Option<f64>, variance: f64) -> f64 {
    match prior {
        Some(r0) => {
            let weight = variance / (BETWEEN_DOCUMENTS_SPREAD * r0).powi(2);
            (tgt + r0 * weight) / (src + weight)
        }
        None if src > 0.0 && tgt > 0.0 => tgt / src,
        None => 1.0,
    }
}

/// Gale & Church's variance per character for European pairs; a starting point until the
/// document's own beads give an estimate.
const PRIOR_VARIANCE: f64 = 6.8;
/// Before the document is measured: a tenth of beads are loose, with a variance ten times larger.
const PRIOR_LOOSE_WEIGHT: f64 = 0.1;
const LOOSE_FACTOR: f64 = 10.0;

impl LengthModel {
    /// First estimate from the documents: the ratio of total lengths, the classic variance scaled
    /// with it (the variance of character counts grows with how many characters a source
    /// character becomes), and the target's sentence length distribution.
    pub(crate) fn estimate(
        src_lengths: &[u32],
        tgt_lengths: &[u32],
        prior_ratio: Option<f64>,
    ) -> LengthModel {
        let total = |v: &[u32]| v.iter().map(|&l| f64::from(l)).sum::<f64>();
        let (s, t) = (total(src_lengths), total(tgt_lengths));
        let own = if s > 0.0 && t > 0.0 { t / s } else { 1.0 };
        let ratio = blended_ratio(
            s,
            t,
            prior_ratio,
            PRIOR_VARIANCE * prior_ratio.unwrap_or(own).max(1.0),
        );
        let logs: Vec<f64> = tgt_lengths
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| f64::from(l).ln())
            .collect();
        let mean = logs.iter().sum::<f64>() / logs.len().max(1) as f64;
        let var = logs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / logs.len().max(1) as f64;
        let variance = PRIOR_VARIANCE * ratio.max(1.0);
        LengthModel {
            ratio,
            variance,
            loose_variance: LOOSE_FACTOR * variance,
            loose_weight: PRIOR_LOOSE_WEIGHT,
            background: (mean, var.sqrt().max(0.3)),
            prior_ratio,
        }
    }

    /// Re-estimate from pairs of lengths believed to be translations (the first pass's beads):
    /// ratio by total lengths, then the two variances and the loose share by EM over the residuals
    /// per source character. Too few pairs keep the current values.
    pub(crate) fn refit(&self, pairs: &[(f64, f64)]) -> LengthModel {
        const MIN_PAIRS: usize = 20;
        const EM_ROUNDS: usize = 20;
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .copied()
            .filter(|&(s, t)| s > 0.0 && t > 0.0)
            .collect();
        let (ss, tt) = pairs
            .iter()
            .fold((0.0, 0.0), |(a, b), &(s, t)| (a + s, b + t));
        if pairs.len() < MIN_PAIRS {
            // Too few for the variances; the ratio of the pairs there are, with the prior.
            return match self.prior_ratio {
                Some(_) if ss > 0.0 => LengthModel {
                    ratio: blended_ratio(ss, tt, self.prior_ratio, self.variance),
                    ..*self
                },
                _ => *self,
            };
        }
        let ratio = blended_ratio(ss, tt, self.prior_ratio, self.variance);
        // Squared residual per source character: the variance each bead would need.
        let r2: Vec<f64> = pairs
            .iter()
            .map(|&(s, t)| (t - ratio * s).powi(2) / s)
            .collect();
        let (mut v1, mut v2, mut w) = (self.variance, self.loose_variance, self.loose_weight);
        let floor = 0.5 * ratio;
        for _ in 0..EM_ROUNDS {
            let (mut n1, mut s1, mut n2, mut s2) = (0.0, 0.0, 0.0, 0.0);
            for &x in &r2 {
                let p1 = (1.0 - w) * (-x / (2.0 * v1)).exp() / v1.sqrt();
                let p2 = w * (-x / (2.0 * v2)).exp() / v2.sqrt();
                let loose = if p1 + p2 > 0.0 { p2 / (p1 + p2) } else { 1.0 };
                n1 += 1.0 - loose;
                s1 += (1.0 - loose) * x;
                n2 += loose;
                s2 += loose * x;
            }
            v1 = (s1 / n1.max(1e-9)).max(floor);
            v2 = (s2 / n2.max(1e-9)).max(2.0 * v1);
            w = (n2 / r2.len() as f64).clamp(0.02, 0.5);
        }
        LengthModel {
            ratio,
            variance: v1,
            loose_variance: v2,
            loose_weight: w,
            ..*self
        }
    }

    /// [`PairCosts::pair_cost`] of any lengths: what the kept costs are compared with in tests.
    #[cfg(test)]
    pub(crate) fn pair_cost(&self, src_len: f64, tgt_len: f64, tgt_sentences: usize) -> f64 {
        self.length_cost(src_len, tgt_len) + ln_compositions(tgt_len, tgt_sentences)
    }

    /// -ln p(target length | source length), the part of [`PairCosts::pair_cost`] before the
    /// split into sentences.
    ///
    /// Out of line: the search calls it where a kept cost is missing, and its `exp`s would
    /// make every caller save registers for the path that finds the cost kept.
    #[inline(never)]
    fn length_cost(&self, src_len: f64, tgt_len: f64) -> f64 {
        let d2 = (tgt_len - self.ratio * src_len).powi(2);
        let density = |variance: f64| {
            let var = variance * src_len.max(1.0);
            (-d2 / (2.0 * var)).exp() / (std::f64::consts::TAU * var).sqrt()
        };
        let p = (1.0 - self.loose_weight) * density(self.variance)
            + self.loose_weight * density(self.loose_variance);
        -p.max(f64::MIN_POSITIVE).ln()
    }

    /// -ln p(length) of a target sentence with no source, the price of an addition, as
    /// [`PairCosts::lone_cost`] computes it with its normaliser kept.
    #[cfg(test)]
    fn lone_cost(&self, tgt_len: f64) -> f64 {
        self.lone_cost_normalised(tgt_len, self.lone_normaliser())
    }

    /// The part of a lone sentence's cost that is the same for every length.
    fn lone_normaliser(&self) -> f64 {
        (self.background.1 * std::f64::consts::TAU.sqrt()).ln()
    }

    /// -ln p(length) of a target sentence with no source, given [`LengthModel::lone_normaliser`].
    fn lone_cost_normalised(&self, tgt_len: f64, normaliser: f64) -> f64 {
        let (mu, sigma) = self.background;
        let x = tgt_len.max(1.0).ln();
        x + normaliser + (x - mu).powi(2) / (2.0 * sigma * sigma)
    }
}

/// The length costs of one document pair's beads, each whole-number pair of lengths computed
/// once where that pays: the search asks for the same pairs in cell after cell, and each costs
/// two `exp`, two square roots and a `ln`. The same expression gives the same bits.
#[derive(Debug)]
pub(crate) struct PairCosts {
    model: LengthModel,
    /// Source lengths below this and target lengths below `tgt_limit` are kept.
    src_limit: usize,
    tgt_limit: usize,
    /// `length_cost(s, t)` at `s * tgt_limit + t`, as its bits plus one; 0 until computed. Threads
    /// that compute the same entry at once store the same bits.
    kept: Vec<AtomicU64>,
    /// [`LengthModel::lone_normaliser`], computed once.
    lone_normaliser: f64,
}

/// The most entries a [`PairCosts`] keeps (8 MiB).
const MAX_KEPT: usize = 1 << 20;

/// About how many beads with both sides a search prices in a cell of its band, each search of a
/// document counted (coarse, first and second pass).
const BEAD_ASKS_PER_CELL: usize = 8;
/// About how many cells wide a long document's bands are (the second pass's margin each side of
/// a path that wanders).
const TYPICAL_BAND_WIDTH: usize = 100;

impl PairCosts {
    /// For beads of at most [`super::band::MAX_BEAD_SIDE`] sentences of these lengths.
    pub(crate) fn new(model: LengthModel, src_lengths: &[u32], tgt_lengths: &[u32]) -> PairCosts {
        let longest = |lengths: &[u32]| {
            let mut sorted: Vec<u32> = lengths.to_vec();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            sorted
                .iter()
                .take(MEMO_PARTS)
                .map(|&l| l as usize)
                .sum::<usize>()
                + 1
        };
        let mut src_limit = longest(src_lengths).min(MAX_KEPT / 64);
        let mut tgt_limit = longest(tgt_lengths).min(MAX_KEPT / src_limit.max(1));
        // Zeroing an entry costs far less than computing one, but a short document asks for
        // fewer costs than a table of all its length pairs holds (18 sentences a side: a few
        // thousand asks, a table of ~64k entries): there, every cost is computed when asked.
        let (n, m) = (src_lengths.len(), tgt_lengths.len());
        let asks = n.min(m) * n.max(m).min(TYPICAL_BAND_WIDTH) * BEAD_ASKS_PER_CELL;
        if src_limit * tgt_limit > asks {
            (src_limit, tgt_limit) = (0, 0);
        }
        PairCosts {
            model,
            lone_normaliser: model.lone_normaliser(),
            src_limit,
            tgt_limit,
            kept: (0..src_limit * tgt_limit)
                .map(|_| AtomicU64::new(0))
                .collect(),
        }
    }

    /// -ln p(target lengths | source lengths) for a bead with both sides, in nats: the total
    /// target length, then how it splits into `tgt_sentences` sentences (uniformly, as every
    /// split is as likely). Without the split, beads with more sentences would be cheaper merely
    /// for pricing fewer lengths.
    pub(crate) fn pair_cost(&self, src_len: u64, tgt_len: u64, tgt_sentences: usize) -> f64 {
        let (s, t) = (src_len as usize, tgt_len as usize);
        let kept =
            (s < self.src_limit && t < self.tgt_limit).then(|| &self.kept[s * self.tgt_limit + t]);
        let length = match kept.map(|entry| (entry, entry.load(Ordering::Relaxed))) {
            Some((_, bits @ 1..)) => f64::from_bits(bits.wrapping_sub(1)),
            Some((entry, 0)) => {
                let cost = self.model.length_cost(src_len as f64, tgt_len as f64);
                entry.store(cost.to_bits().wrapping_add(1), Ordering::Relaxed);
                cost
            }
            None => self.model.length_cost(src_len as f64, tgt_len as f64),
        };
        length + ln_compositions_whole(t, tgt_sentences)
    }

    /// [`LengthModel::lone_cost`] of a whole-number length, with the same bits.
    pub(crate) fn lone_cost(&self, tgt_len: u64) -> f64 {
        self.model
            .lone_cost_normalised(tgt_len as f64, self.lone_normaliser)
    }

    pub(crate) fn model(&self) -> &LengthModel {
        &self.model
    }
}

/// [`ln_compositions_whole`] of any total, as the tests define it.
#[cfg(test)]
fn ln_compositions(total: f64, parts: usize) -> f64 {
    let t = total as usize;
    if t as f64 == total {
        return ln_compositions_whole(t, parts);
    }
    ln_compositions_uncached(total, parts)
}

/// ln of the number of ways to write `total` as an ordered sum of `parts` positive lengths:
/// ln C(total - 1, parts - 1). The search asks for this in every cell; lengths are whole
/// numbers, mostly small.
fn ln_compositions_whole(total: usize, parts: usize) -> f64 {
    if (2..=MEMO_PARTS).contains(&parts) && total < MEMO_TOTAL {
        return compositions_memo()[(parts - 2) * MEMO_TOTAL + total];
    }
    ln_compositions_uncached(total as f64, parts)
}

/// [`ln_compositions_whole`] for `parts` in 2..=MEMO_PARTS and `total` below MEMO_TOTAL,
/// computed once by the same expression, so a lookup gives the same bits.
fn compositions_memo() -> &'static [f64] {
    static MEMO: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    MEMO.get_or_init(|| {
        (2..=MEMO_PARTS)
            .flat_map(|parts| {
                (0..MEMO_TOTAL).map(move |t| ln_compositions_uncached(t as f64, parts))
            })
            .collect()
    })
}

const MEMO_PARTS: usize = super::band::MAX_BEAD_SIDE;
const MEMO_TOTAL: usize = 4096;

fn ln_compositions_uncached(total: f64, parts: usize) -> f64 {
    let n = (total - 1.0).max(0.0);
    let k = (parts.max(1) - 1) as f64;
    if k == 0.0 || n < k {
        return 0.0;
    }
    (1..=parts - 1)
        .map(|i| ((n - k + i as f64) / i as f64).ln())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_pair_costs_are_the_computed_ones() {
        // 300 sentences a side: long enough for the costs to be kept.
        let src: Vec<u32> = [30, 12, 45].repeat(100);
        let tgt: Vec<u32> = [90, 40, 160].repeat(100);
        let model = LengthModel::estimate(&src, &tgt, pair_prior("zh", "en"));
        let costs = PairCosts::new(model, &src, &tgt);
        assert_eq!((costs.src_limit, costs.tgt_limit), (226, 801));
        for round in 0..2 {
            for s in [0, 1, 12, 225, 226, 400] {
                for t in [0, 3, 40, 800, 801, 1000, 5000] {
                    for b in 1..=5 {
                        let want = model.pair_cost(s as f64, t as f64, b);
                        let got = costs.pair_cost(s, t, b);
                        assert_eq!(got.to_bits(), want.to_bits(), "{round}: {s} {t} {b}");
                    }
                    let want = model.lone_cost(t as f64);
                    assert_eq!(costs.lone_cost(t).to_bits(), want.to_bits(), "{t}");
                }
            }
        }
    }

    #[test]
    fn a_short_document_keeps_no_costs() {
        let model = LengthModel::estimate(&[30, 12, 45], &[90, 40, 160], pair_prior("zh", "en"));
        let costs = PairCosts::new(model, &[30, 12, 45], &[90, 40, 160]);
        assert!(costs.kept.is_empty());
        let want = model.pair_cost(30.0, 90.0, 1);
        assert_eq!(costs.pair_cost(30, 90, 1).to_bits(), want.to_bits());
    }

    #[test]
    fn a_short_document_leans_on_its_language_pair() {
        assert_eq!(pair_prior("zh", "en"), Some(3.254));
        assert_eq!(pair_prior("en", "zh"), Some(1.0 / 3.254));
        assert_eq!(pair_prior("xx", "en"), None);
        // 100 Chinese characters as 200 English ones: half the usual length, as a translation
        // missing half of it would be. The estimate stays nearer the pair's ratio than the
        // document's; a long document with the same ratio keeps its own.
        let short = LengthModel::estimate(&[100], &[200], pair_prior("zh", "en"));
        assert!(short.ratio > 2.6 && short.ratio < 3.0, "{}", short.ratio);
        let long = LengthModel::estimate(&[10_000], &[20_000], pair_prior("zh", "en"));
        assert!((long.ratio - 2.0).abs() < 0.1, "{}", long.ratio);
        let unknown = LengthModel::estimate(&[100], &[200], None);
        assert_eq!(unknown.ratio, 2.0);
    }

    #[test]
    fn refit_recovers_ratio() {
        let pairs: Vec<(f64, f64)> = (1..100)
            .map(|k| {
                (
                    k as f64 * 10.0,
                    k as f64 * 33.0 + if k % 2 == 0 { 5.0 } else { -5.0 },
                )
            })
            .collect();
        let m = LengthModel::estimate(&[10], &[10], None).refit(&pairs);
        assert!((m.ratio - 3.3).abs() < 0.01, "{m:?}");
        assert!(m.pair_cost(100.0, 330.0, 1) < m.pair_cost(100.0, 200.0, 1));
        assert!((ln_compositions(101.0, 2) - 100f64.ln()).abs() < 1e-9);
        assert!((ln_compositions(11.0, 3) - 45f64.ln()).abs() < 1e-9);
        for (total, parts) in [
            (0.0, 2),
            (7.0, 4),
            (4095.0, 3),
            (4096.0, 2),
            (12.5, 2),
            (30.0, 5),
        ] {
            assert_eq!(
                ln_compositions(total, parts).to_bits(),
                ln_compositions_uncached(total, parts).to_bits()
            );
        }
    }
}
