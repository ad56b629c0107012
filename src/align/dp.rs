//! The exact search: a dynamic program over bead types inside a band of allowed cells, so that
//! time and memory grow with the band's area (linear in document length), not with n × m.

use std::ops::Range;

/// Bead shapes the search considers, as (source, target) sentence counts.
pub const BEAD_SHAPES: [(usize, usize); 13] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (1, 5),
];

/// The most sentences one side of a bead can have.
pub const MAX_BEAD_SIDE: usize = 5;

/// For each source position `i` in `0..=n`, the target positions `lo[i]..=hi[i]` the path may pass
/// through. Both bounds are non-decreasing in `i`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    /// Make a band from rough per-row bounds: clamp to the grid, make the bounds monotone, pin the
    /// corners and let every row reach the next.
    pub fn from_bounds(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
        let n = lo.len() - 1;
        lo[0] = 0;
        hi[n] = m;
        for i in 0..=n {
            hi[i] = hi[i].min(m);
            lo[i] = lo[i].min(hi[i]);
        }
        for i in 1..=n {
            lo[i] = lo[i].max(lo[i - 1]);
        }
        for i in (0..n).rev() {
            hi[i] = hi[i].min(hi[i + 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        // Rows must overlap so that a path can step from one to the next.
        for i in 0..n {
            if hi[i] < lo[i + 1] {
                hi[i] = lo[i + 1];
            }
        }
        Band { lo, hi }
    }

    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// The source sentences a target sentence can pair with in any bead through this band.
    pub fn rows_near(&self, j: usize) -> Range<usize> {
        let n = self.lo.len() - 1;
        let first = self.hi.partition_point(|&h| h + MAX_BEAD_SIDE < j);
        let last = self.lo.partition_point(|&l| l <= j + MAX_BEAD_SIDE + 1);
        first.saturating_sub(MAX_BEAD_SIDE)..(last + MAX_BEAD_SIDE).min(n)
    }

    /// The target positions a source sentence can pair with in any bead through this band.
    pub fn window(&self, i: usize) -> Range<usize> {
        let n = self.lo.len() - 1;
        let first = self.lo[i.saturating_sub(MAX_BEAD_SIDE)];
        let last = self.hi[(i + MAX_BEAD_SIDE + 1).min(n)];
        first..last
    }
}

/// The cheapest monotone path of beads from (0,0) to (n,m) inside `band`; `cost(src, tgt)` prices
/// one bead. Returns the beads in order as (source range, target range).
pub fn best_path(
    band: &Band,
    mut cost: impl FnMut(Range<usize>, Range<usize>) -> f64,
) -> Vec<(Range<usize>, Range<usize>)> {
    let n = band.lo.len() - 1;
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0;
    for i in 0..=n {
        offsets.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    let mut best = vec![f64::INFINITY; total];
    let mut shape = vec![u8::MAX; total];
    let at = |i: usize, j: usize| -> Option<usize> {
        (j >= band.lo[i] && j <= band.hi[i]).then(|| offsets[i] + j - band.lo[i])
    };
    best[0] = 0.0;
    for (i, &row) in offsets.iter().enumerate().take(n + 1) {
        for j in band.lo[i]..=band.hi[i] {
            let here = row + j - band.lo[i];
            if i == 0 && j == 0 {
                continue;
            }
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(from) = at(i - a, j - b) else {
                    continue;
                };
                let before = best[from];
                if !before.is_finite() {
                    continue;
                }
                let c = before + cost(i - a..i, j - b..j);
                if c < best[here] {
                    best[here] = c;
                    shape[here] = k as u8;
                }
            }
        }
    }
    let m = band.hi[n];
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = shape[at(i, j).expect("path stays in band")] as usize;
        let (a, b) = BEAD_SHAPES[k];
        path.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_is_monotone_and_connected() {
        let band = Band::from_bounds(vec![0, 5, 2, 9, 9], vec![3, 4, 8, 6, 20], 10);
        for i in 0..4 {
            assert!(band.lo[i] <= band.lo[i + 1] && band.hi[i] <= band.hi[i + 1]);
            assert!(band.hi[i] >= band.lo[i + 1]);
        }
        assert_eq!((band.lo[0], band.hi[4]), (0, 10));
    }

    #[test]
    fn finds_cheapest_partition() {
        // Lengths where source 1 and 2 together match target 1.
        let src = [10.0, 5.0, 5.0, 7.0];
        let tgt = [10.0, 10.0, 7.0];
        let band = Band::full(4, 3);
        let path = best_path(&band, |s, t| {
            let ls: f64 = src[s.clone()].iter().sum();
            let lt: f64 = tgt[t.clone()].iter().sum();
            (ls - lt).abs() + if s.len() + t.len() == 2 { 0.0 } else { 1.0 }
        });
        assert_eq!(path, vec![(0..1, 0..1), (1..3, 1..2), (3..4, 2..3)]);
    }
}
