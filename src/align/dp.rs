//! The exact search: a dynamic program over bead types inside a band of allowed cells, so that
//! time and memory grow with the band's area (linear in document length), not with n × m.

use std::ops::Range;

use rayon::prelude::*;

/// Bead shapes the search considers, as (source, target) sentence counts.
pub const BEAD_SHAPES: [(usize, usize); 10] = [
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
];

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

    /// The target positions a source sentence can pair with in any bead through this band.
    pub fn window(&self, i: usize) -> Range<usize> {
        let n = self.lo.len() - 1;
        let first = self.lo[i.saturating_sub(4)];
        let last = self.hi[(i + 5).min(n)];
        first..last
    }
}

/// The cheapest monotone path of beads from (0,0) to (n,m) inside `band`; `cost(state, src, tgt)`
/// prices one bead, with `state` a scratch value made by `init` for each worker thread. Returns
/// the beads in order as (source range, target range).
///
/// `cost` must be a pure function of the two ranges: the costs of a block of rows are computed in
/// parallel, and ahead of the search (while it walks the previous block), for every bead shape
/// that stays inside the band. The search itself compares them in the same order as a plain
/// sequential loop would, so the path does not depend on the number of threads.
///
/// Memory: one byte per band cell for the back pointers, the cheapest costs of the last five rows
/// only (a bead spans at most four source sentences), and the costs of two blocks of rows.
pub fn best_path<S>(
    band: &Band,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&mut S, Range<usize>, Range<usize>) -> f64 + Sync,
) -> Vec<(Range<usize>, Range<usize>)> {
    let n = band.lo.len() - 1;
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0;
    for i in 0..=n {
        offsets.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    offsets.push(total);
    let in_band = |i: usize, j: usize| j >= band.lo[i] && j <= band.hi[i];

    // Rows are cut into blocks of about BLOCK_CELLS cells.
    let mut blocks = vec![0usize];
    for i in 1..=n {
        let first = *blocks.last().expect("starts with row 0");
        if offsets[i] - offsets[first] >= BLOCK_CELLS {
            blocks.push(i);
        }
    }
    blocks.push(n + 1);

    // costs[(cell - first cell of the block) * SHAPES + k]: NaN where shape k leaves the band.
    let block_costs = |block: usize| -> Vec<f64> {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let mut out = vec![f64::NAN; (offsets[r1] - offsets[r0]) * SHAPES];
        let mut rows: Vec<(usize, &mut [f64])> = Vec::with_capacity(r1 - r0);
        let mut rest = out.as_mut_slice();
        for i in r0..r1 {
            let (row, tail) = rest.split_at_mut((offsets[i + 1] - offsets[i]) * SHAPES);
            rows.push((i, row));
            rest = tail;
        }
        rows.into_par_iter()
            .for_each_init(&init, |state, (i, row)| {
                for (j, cell) in (band.lo[i]..=band.hi[i]).zip(row.chunks_exact_mut(SHAPES)) {
                    for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                        if a <= i && b <= j && (a, b) != (0, 0) && in_band(i - a, j - b) {
                            cell[k] = cost(state, i - a..i, j - b..j);
                        }
                    }
                }
            });
        out
    };

    let mut shape = vec![u8::MAX; total];
    // The cheapest cost of each cell of rows i-4..=i, row r at ring[r % RING].
    let mut ring: [Vec<f64>; RING] = Default::default();
    let mut walk = |block: usize, costs: &[f64]| {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        for i in r0..r1 {
            let (lo, hi) = (band.lo[i], band.hi[i]);
            let mut row = std::mem::take(&mut ring[i % RING]);
            row.clear();
            row.resize(hi - lo + 1, f64::INFINITY);
            if i == 0 && lo == 0 {
                row[0] = 0.0;
            }
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    continue;
                }
                let here = offsets[i] + j - lo;
                let cell = &costs[(here - offsets[r0]) * SHAPES..][..SHAPES];
                let mut best = f64::INFINITY;
                let mut best_shape = u8::MAX;
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    if a > i || b > j || !in_band(i - a, j - b) {
                        continue;
                    }
                    let before = if a == 0 {
                        row[j - b - lo]
                    } else {
                        ring[(i - a) % RING][j - b - band.lo[i - a]]
                    };
                    if !before.is_finite() {
                        continue;
                    }
                    let c = before + cell[k];
                    if c < best {
                        best = c;
                        best_shape = k as u8;
                    }
                }
                row[j - lo] = best;
                shape[here] = best_shape;
            }
            ring[i % RING] = row;
        }
    };
    let mut current = block_costs(0);
    for block in 0..blocks.len() - 1 {
        let (_, next) = rayon::join(
            || walk(block, &current),
            || (block + 2 < blocks.len()).then(|| block_costs(block + 1)),
        );
        current = next.unwrap_or_default();
    }

    let m = band.hi[n];
    let at = |i: usize, j: usize| -> Option<usize> {
        in_band(i, j).then(|| offsets[i] + j - band.lo[i])
    };
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

const SHAPES: usize = BEAD_SHAPES.len();
/// Rows kept for the search: a bead spans at most four source sentences.
const RING: usize = 5;
/// About this many band cells have their bead costs computed together.
const BLOCK_CELLS: usize = 16_384;

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
        let path = best_path(
            &band,
            || (),
            |_, s, t| {
                let ls: f64 = src[s.clone()].iter().sum();
                let lt: f64 = tgt[t.clone()].iter().sum();
                (ls - lt).abs() + if s.len() + t.len() == 2 { 0.0 } else { 1.0 }
            },
        );
        assert_eq!(path, vec![(0..1, 0..1), (1..3, 1..2), (3..4, 2..3)]);
    }
}
