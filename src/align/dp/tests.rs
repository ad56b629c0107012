//! The search against an oracle that shares none of its code: every monotone bead path of small
//! random bands enumerated, its cost summed bead by bead (Viterbi = the cheapest, the forward sum
//! = log-sum-exp over all paths, posteriors and rivals by counting the paths they hold). Blocks of
//! a few rows make the small bands cross block boundaries.

use super::*;
use crate::align::confidence::RADIUS;

/// Prices from a function of the two ranges, with nothing to prepare.
struct Prices<F>(F);

impl<F: Fn(Range<usize>, Range<usize>) -> f64 + Sync> BeadPrices for Prices<F> {
    type Prepared = ();
    type Scratch = ();

    fn prepare(&self, _: Range<usize>) {}

    fn scratch(&self) {}

    fn price_rows(&self, _: &(), _: &mut (), grid: &Grid<'_>, rows: Range<usize>, out: &mut [f32]) {
        price_each_bead(grid, rows, out, |_, src, tgt| (self.0)(src, tgt));
    }
}

/// xorshift64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A deterministic pseudo-random value in 0..1 for a bead and a seed.
fn hash(seed: u64, s: &Range<usize>, t: &Range<usize>) -> f64 {
    let mut x = seed ^ (s.start * 7919 + s.end * 104_729 + t.start * 31 + t.end * 1_000_003) as u64;
    x = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    (x % 1_000_000) as f64 / 1_000_000.0
}

/// One complete path with its cost, summed bead by bead from the start.
struct Enumerated {
    beads: Vec<Step>,
    cost: f64,
}

/// Every path of beads of [`BEAD_SHAPES`] from (0,0) to (n,m) whose beads start and end inside
/// `band`, priced as the search prices them (rounded to `f32`).
fn all_paths(band: &Band, price: &impl Fn(Range<usize>, Range<usize>) -> f64) -> Vec<Enumerated> {
    struct Walk<'a> {
        band: &'a Band,
        price: &'a dyn Fn(Range<usize>, Range<usize>) -> f64,
        beads: Vec<Step>,
        out: Vec<Enumerated>,
    }
    impl Walk<'_> {
        fn from(&mut self, i: usize, j: usize, cost: f64) {
            let n = self.band.lo.len() - 1;
            if (i, j) == (n, self.band.hi[n]) {
                let beads = self.beads.clone();
                self.out.push(Enumerated { beads, cost });
                return;
            }
            for &(a, b) in &BEAD_SHAPES {
                let (e, f) = (i + a, j + b);
                if e > n || f < self.band.lo[e] || f > self.band.hi[e] {
                    continue;
                }
                let p = f64::from((self.price)(i..e, j..f) as f32);
                self.beads.push((i..e, j..f));
                self.from(e, f, cost + p);
                self.beads.pop();
            }
        }
    }
    let mut walk = Walk {
        band,
        price,
        beads: Vec::new(),
        out: Vec::new(),
    };
    walk.from(0, 0, 0.0);
    walk.out
}

/// -ln Σ e^-cost.
fn log_sum(costs: impl Iterator<Item = f64>, floor: f64) -> f64 {
    let sum: f64 = costs.map(|c| (-(c - floor)).exp()).sum();
    floor - sum.ln()
}

/// The confidences [`Rivals`] should give `path`, from the paths themselves: for each bead, the
/// cheapest path holding one of its rivals (a bead covering its first source sentence, or for an
/// addition its first target sentence, that starts within `RADIUS` of the path).
fn oracle_confidences(paths: &[Enumerated], path: &[Step], n: usize, m: usize) -> Vec<f64> {
    let best = paths.iter().map(|p| p.cost).fold(f64::INFINITY, f64::min);
    let mut at_row = vec![0usize; n + 1];
    let mut at_column = vec![0usize; m + 1];
    for (s, t) in path {
        at_row[s.start..=s.end].fill(t.start);
        at_column[t.start..=t.end].fill(s.start);
    }
    let near = |x: usize, centre: usize| x + RADIUS >= centre && x <= centre + RADIUS;
    path.iter()
        .map(|(s, t)| {
            let is_rival = |(rs, rt): &Step| {
                if (rs, rt) == (s, t) {
                    return false;
                }
                if !s.is_empty() {
                    rs.contains(&s.start) && near(rt.start, at_row[rs.start])
                } else {
                    rt.contains(&t.start) && near(rs.start, at_column[rt.start])
                }
            };
            let rival = paths
                .iter()
                .filter(|p| p.beads.iter().any(is_rival))
                .map(|p| p.cost)
                .fold(f64::INFINITY, f64::min);
            let margin = (rival - best).max(0.0);
            1.0 / (1.0 + (-margin).exp())
        })
        .collect()
}

/// How many paths `all_paths` would list.
fn count_paths(band: &Band) -> u64 {
    let n = band.lo.len() - 1;
    let mut count: Vec<Vec<u64>> = (0..=n).map(|i| vec![0; band.hi[i] + 1]).collect();
    count[0][0] = 1;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            for &(a, b) in &BEAD_SHAPES {
                if (a, b) != (0, 0) && a <= i && b <= j {
                    let (fi, fj) = (i - a, j - b);
                    if band.lo[fi] <= fj && fj <= band.hi[fi] {
                        count[i][j] += count[fi][fj];
                    }
                }
            }
        }
    }
    count[n][band.hi[n]]
}

fn assert_close(what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-9, "{what}[{k}]: {g} vs {w}");
    }
}

#[test]
fn search_is_the_enumeration_of_all_paths() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut checked = 0;
    let mut with_lone = 0;
    while checked < 40 {
        let n = 2 + rng.below(11) as usize;
        let m = (n + rng.below(5) as usize).saturating_sub(2).max(1);
        let (below, above) = (rng.below(4) as usize, 1 + rng.below(4) as usize);
        let lo = (0..=n).map(|i| (i * m / n).saturating_sub(below)).collect();
        let hi = (0..=n).map(|i| i * m / n + above).collect();
        let band = Band::from_bounds(lo, hi, m);
        if count_paths(&band) > 30_000 {
            continue;
        }
        let seed = rng.next();
        // Lone beads cheap enough to be on some paths; the bigger shapes sometimes forbidden
        // (as a paragraph boundary forbids them), never the 1-1, 1-0 and 0-1 a path can take.
        let price = move |s: Range<usize>, t: Range<usize>| {
            let r = hash(seed, &s, &t);
            if s.len() + t.len() > 3 && r < 0.2 {
                f64::INFINITY
            } else {
                3.0 * r + (s.len() as f64 - t.len() as f64).abs() * 0.7
            }
        };
        let paths = all_paths(&band, &price);
        let best = paths.iter().map(|p| p.cost).fold(f64::INFINITY, f64::min);
        let cheapest: Vec<&Enumerated> = paths.iter().filter(|p| p.cost == best).collect();
        let total = log_sum(paths.iter().map(|p| p.cost), best);
        let weight = |p: &Enumerated| (-(p.cost - total)).exp();
        let mut src = vec![0.0; n];
        let mut tgt = vec![0.0; m];
        for p in &paths {
            for (s, t) in &p.beads {
                match (s.len(), t.len()) {
                    (1, 0) => src[s.start] += weight(p),
                    (0, 1) => tgt[t.start] += weight(p),
                    _ => {}
                }
            }
        }

        for block_cells in [1, BLOCK_CELLS] {
            let prices = Prices(price);
            let viterbi = best_path_in_blocks(&band, &prices, block_cells);
            let lattice = search_with_confidence_in_blocks(&band, &prices, block_cells);
            assert_eq!(lattice.path, viterbi);
            // The search sums a path's prices in the same order, so its cost is exactly the
            // cheapest; with ties, any cheapest path will do.
            assert!(
                cheapest.iter().any(|p| p.beads == viterbi),
                "n {n} m {m}: not a cheapest path: {viterbi:?}"
            );
            assert_close("src unpaired", &lattice.src_unpaired, &src);
            assert_close("tgt unpaired", &lattice.tgt_unpaired, &tgt);
            let confidence = oracle_confidences(&paths, &viterbi, n, m);
            assert_close("confidence", &lattice.confidence, &confidence);
        }
        if src.iter().chain(&tgt).any(|&p| p > 0.01) {
            with_lone += 1;
        }
        checked += 1;
    }
    assert!(
        with_lone > 20,
        "lone beads weigh on the posteriors in {with_lone} bands"
    );
}

#[test]
fn finds_cheapest_partition() {
    // Lengths where source 1 and 2 together match target 1.
    let src = [10.0, 5.0, 5.0, 7.0];
    let tgt = [10.0, 10.0, 7.0];
    let band = Band::from_bounds(vec![0; 5], vec![3; 5], 3);
    let prices = Prices(|s: Range<usize>, t: Range<usize>| {
        let ls: f64 = src[s.clone()].iter().sum();
        let lt: f64 = tgt[t.clone()].iter().sum();
        (ls - lt).abs() + if s.len() + t.len() == 2 { 0.0 } else { 1.0 }
    });
    let path = best_path(&band, &prices);
    assert_eq!(path, vec![(0..1, 0..1), (1..3, 1..2), (3..4, 2..3)]);
}

#[test]
fn blocks_change_nothing_on_a_long_band() {
    // Pseudo-random prices, with cheap lone beads so that the path has omissions and additions,
    // over a band of many blocks, against the same band in one block: bit for bit.
    let (n, m): (usize, usize) = (3000, 2900);
    let lo: Vec<usize> = (0..=n).map(|i| (i * m / n).saturating_sub(9)).collect();
    let hi: Vec<usize> = (0..=n).map(|i| i * m / n + 9).collect();
    let band = Band::from_bounds(lo, hi, m);
    let prices = Prices(|s: Range<usize>, t: Range<usize>| {
        let r = 10.0 * hash(7, &s, &t);
        let drift = (s.len() as f64 - t.len() as f64).abs();
        if s.is_empty() || t.is_empty() {
            2.0 + r
        } else {
            r + drift + (s.len() + t.len()) as f64 * 0.5
        }
    });
    let whole = search_with_confidence_in_blocks(&band, &prices, usize::MAX);
    let blocked = search_with_confidence(&band, &prices);
    assert!(blocks(&Grid::new(&band), BLOCK_CELLS).len() > 3);
    let path = &whole.path;
    assert!(path.iter().any(|(s, _)| s.is_empty()) && path.iter().any(|(_, t)| t.is_empty()));
    assert_eq!(path.last().map(|(s, t)| (s.end, t.end)), Some((n, m)));
    assert_eq!(&blocked.path, path);
    assert_eq!(&best_path(&band, &prices), path);
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&blocked.confidence), bits(&whole.confidence));
    assert_eq!(bits(&blocked.src_unpaired), bits(&whole.src_unpaired));
    assert_eq!(bits(&blocked.tgt_unpaired), bits(&whole.tgt_unpaired));
    assert!(whole.confidence.iter().any(|&c| c < 0.9));
}

#[test]
fn log_add_skips_only_what_cannot_change_a_bit() {
    let exact = |a: f64, b: f64| {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        lo - (-(hi - lo)).exp().ln_1p()
    };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut skipped = 0;
    for _ in 0..2_000_000 {
        let scale = 2f64.powi(rng.below(60) as i32 - 30);
        let sign = if rng.below(2) == 0 { -1.0 } else { 1.0 };
        let lo = sign * scale * (1.0 + rng.below(1 << 20) as f64 / f64::from(1 << 20));
        let lo = if rng.below(8) == 0 { sign * scale } else { lo };
        // Gaps around the threshold, where a wrong bound would show.
        let gap = negligible_gap(lo) * (0.9 + 0.2 * rng.below(1000) as f64 / 1000.0);
        let hi = lo + gap;
        skipped += usize::from(hi - lo > negligible_gap(lo));
        assert_eq!(
            log_add(lo, hi).to_bits(),
            exact(lo, hi).to_bits(),
            "{lo} {hi}"
        );
        assert_eq!(
            log_add(hi, lo).to_bits(),
            exact(lo, hi).to_bits(),
            "{lo} {hi}"
        );
    }
    assert!(skipped > 500_000);
    assert_eq!(log_add(0.0, 40.0).to_bits(), exact(0.0, 40.0).to_bits());
    assert_eq!(log_add(f64::INFINITY, 3.0), 3.0);
}
