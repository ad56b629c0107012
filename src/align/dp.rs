//! The exact search: a dynamic program over bead types inside a band of allowed cells, so that
//! time and memory grow with the band's area (linear in document length), not with n × m.

use std::ops::Range;

use rayon::prelude::*;

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

    /// A band of `margin` sentences around a path.
    pub fn around(path: &[Step], n: usize, m: usize, margin: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0usize; n + 1];
        let mut visit = |i: usize, j: usize| {
            for r in i.saturating_sub(margin)..=(i + margin).min(n) {
                lo[r] = lo[r].min(j.saturating_sub(margin));
                hi[r] = hi[r].max(j + margin);
            }
        };
        visit(0, 0);
        for (s, t) in path {
            visit(s.end, t.end);
        }
        Band::from_bounds(lo, hi, m)
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

/// A bead as (source range, target range).
pub type Step = (Range<usize>, Range<usize>);

/// Costs over the cells of a band, indexed like the band: row by row, `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub struct Grid<'b> {
    band: &'b Band,
    offsets: Vec<usize>,
}

impl<'b> Grid<'b> {
    pub fn new(band: &'b Band) -> Grid<'b> {
        let mut offsets = Vec::with_capacity(band.lo.len() + 1);
        let mut total = 0;
        for (lo, hi) in band.lo.iter().zip(&band.hi) {
            offsets.push(total);
            total += hi - lo + 1;
        }
        offsets.push(total);
        Grid { band, offsets }
    }

    pub fn len(&self) -> usize {
        *self.offsets.last().unwrap_or(&0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of cell (i, j), if the band has it.
    pub fn at(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = (*self.band.lo.get(i)?, self.band.hi[i]);
        (j >= lo && j <= hi).then(|| self.offsets[i] + j - lo)
    }

    pub fn rows(&self) -> usize {
        self.band.lo.len()
    }

    pub fn columns(&self, i: usize) -> std::ops::RangeInclusive<usize> {
        self.band.lo[i]..=self.band.hi[i]
    }
}

/// The price of every bead the band allows, computed once, in parallel, and shared by the forward
/// search, the backward search and the confidence of each bead. `f32` halves the memory; path
/// costs are summed in `f64`.
pub struct BeadCosts<'b> {
    pub grid: Grid<'b>,
    /// For the bead of shape `k` ending at cell `c`: `costs[c * SHAPES + k]`, infinite where the
    /// bead would start outside the band.
    costs: Vec<f32>,
}

const SHAPES: usize = BEAD_SHAPES.len();

/// Price every bead of `band` with `cost(scratch, src, tgt)`, where each worker thread gets its
/// own scratch from `init`. `cost` must depend only on the two ranges.
pub fn bead_costs<'b, S>(
    band: &'b Band,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&mut S, Range<usize>, Range<usize>) -> f64 + Sync,
) -> BeadCosts<'b> {
    let grid = Grid::new(band);
    let mut costs = vec![f32::INFINITY; grid.len() * SHAPES];
    let mut rows: Vec<(usize, &mut [f32])> = Vec::with_capacity(grid.rows());
    let mut rest = costs.as_mut_slice();
    for i in 0..grid.rows() {
        let (row, tail) = rest.split_at_mut(grid.columns(i).count() * SHAPES);
        rows.push((i, row));
        rest = tail;
    }
    rows.into_par_iter()
        .for_each_init(&init, |scratch, (i, row)| {
            for (j, cell) in grid.columns(i).zip(row.chunks_exact_mut(SHAPES)) {
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    if a <= i && b <= j && grid.at(i - a, j - b).is_some() {
                        cell[k] = cost(scratch, i - a..i, j - b..j) as f32;
                    }
                }
            }
        });
    BeadCosts { grid, costs }
}

impl BeadCosts<'_> {
    /// The price of the bead of shape `k` ending at cell index `end`.
    pub fn get(&self, end: usize, k: usize) -> f64 {
        f64::from(self.costs[end * SHAPES + k])
    }
}

/// The forward pass: for every cell the cheapest cost from (0,0) and the shape of its last bead.
pub struct Forward {
    pub cost: Vec<f64>,
    shape: Vec<u8>,
}

/// Cheapest costs from (0,0) to every cell.
pub fn forward(beads: &BeadCosts<'_>) -> Forward {
    let grid = &beads.grid;
    let mut best = vec![f64::INFINITY; grid.len()];
    let mut shape = vec![u8::MAX; grid.len()];
    if !best.is_empty() {
        best[0] = 0.0;
    }
    for i in 0..grid.rows() {
        for j in grid.columns(i) {
            if i == 0 && j == 0 {
                continue;
            }
            let here = grid.at(i, j).expect("cell of its own row");
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(from) = grid.at(i - a, j - b) else {
                    continue;
                };
                let c = best[from] + beads.get(here, k);
                if c < best[here] {
                    best[here] = c;
                    shape[here] = k as u8;
                }
            }
        }
    }
    Forward { cost: best, shape }
}

impl Forward {
    /// The cheapest path to (n, m), as beads in order.
    pub fn path(&self, grid: &Grid<'_>) -> Vec<Step> {
        let n = grid.rows() - 1;
        let m = *grid.columns(n).end();
        let mut path = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let k = self.shape[grid.at(i, j).expect("path stays in band")] as usize;
            let (a, b) = BEAD_SHAPES[k];
            path.push((i - a..i, j - b..j));
            i -= a;
            j -= b;
        }
        path.reverse();
        path
    }
}

/// Cheapest costs from every cell to (n, m).
pub fn backward(beads: &BeadCosts<'_>) -> Vec<f64> {
    let grid = &beads.grid;
    let mut best = vec![f64::INFINITY; grid.len()];
    if let Some(last) = best.last_mut() {
        *last = 0.0;
    }
    for i in (0..grid.rows()).rev() {
        for j in grid.columns(i).rev() {
            let here = grid.at(i, j).expect("cell of its own row");
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                let Some(to) = grid.at(i + a, j + b) else {
                    continue;
                };
                let c = best[to] + beads.get(to, k);
                if c < best[here] {
                    best[here] = c;
                }
            }
        }
    }
    best
}

/// -ln of the sum of e^-cost over all paths, in a numerically safe way.
fn log_add(a: f64, b: f64) -> f64 {
    if a == f64::INFINITY {
        return b;
    }
    if b == f64::INFINITY {
        return a;
    }
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    lo - (-(hi - lo)).exp().ln_1p()
}

/// For every sentence of each side, the probability that it is in a bead with an empty other
/// side, summed over all paths of the band with each path weighted by e^-cost (the bead costs
/// are -ln probabilities): the forward-backward algorithm over the same lattice the search uses.
pub fn unpaired_posteriors(beads: &BeadCosts<'_>) -> (Vec<f64>, Vec<f64>) {
    let grid = &beads.grid;
    let n = grid.rows() - 1;
    let m = *grid.columns(n).end();
    let mut forward = vec![f64::INFINITY; grid.len()];
    if let Some(first) = forward.first_mut() {
        *first = 0.0;
    }
    for i in 0..grid.rows() {
        for j in grid.columns(i) {
            let here = grid.at(i, j).expect("cell of its own row");
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if a > i || b > j || (a, b) == (0, 0) {
                    continue;
                }
                if let Some(from) = grid.at(i - a, j - b) {
                    forward[here] = log_add(forward[here], forward[from] + beads.get(here, k));
                }
            }
        }
    }
    let mut backward = vec![f64::INFINITY; grid.len()];
    if let Some(last) = backward.last_mut() {
        *last = 0.0;
    }
    for i in (0..grid.rows()).rev() {
        for j in grid.columns(i).rev() {
            let here = grid.at(i, j).expect("cell of its own row");
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if let Some(to) = grid.at(i + a, j + b).filter(|_| (a, b) != (0, 0)) {
                    backward[here] = log_add(backward[here], backward[to] + beads.get(to, k));
                }
            }
        }
    }
    let total = forward[grid.len() - 1];
    let mut src = vec![0.0; n];
    let mut tgt = vec![0.0; m];
    if !total.is_finite() {
        return (src, tgt);
    }
    let lone_src = BEAD_SHAPES.iter().position(|&s| s == (1, 0));
    let lone_tgt = BEAD_SHAPES.iter().position(|&s| s == (0, 1));
    for i in 0..grid.rows() {
        for j in grid.columns(i) {
            let here = grid.at(i, j).expect("cell of its own row");
            let posterior = |k: usize, from: Option<usize>| -> f64 {
                from.map_or(0.0, |from| {
                    (-(forward[from] + beads.get(here, k) + backward[here] - total)).exp()
                })
            };
            if let Some(k) = lone_src.filter(|_| i > 0) {
                src[i - 1] += posterior(k, grid.at(i - 1, j));
            }
            if let Some(k) = lone_tgt.filter(|_| j > 0) {
                tgt[j - 1] += posterior(k, grid.at(i, j - 1));
            }
        }
    }
    for p in src.iter_mut().chain(tgt.iter_mut()) {
        *p = p.clamp(0.0, 1.0);
    }
    (src, tgt)
}

/// The cheapest monotone path of beads from (0,0) to (n,m) inside `band`.
pub fn best_path(beads: &BeadCosts<'_>) -> Vec<Step> {
    forward(beads).path(&beads.grid)
}

/// The same path as `best_path(&bead_costs(band, init, cost))`, bit for bit, without holding
/// the price of every bead of the band (13 `f32` a cell): the prices of a block of rows are
/// computed in parallel while the forward pass walks the previous block, and the pass keeps one
/// shape byte a cell and the costs of the last rows a bead can reach back to. For the searches
/// that need neither confidences nor a backward pass.
pub fn best_path_streaming<S>(
    band: &Band,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&mut S, Range<usize>, Range<usize>) -> f64 + Sync,
) -> Vec<Step> {
    let grid = Grid::new(band);
    let rows = grid.rows();
    // Rows are cut into blocks of about STREAM_BLOCK_CELLS cells.
    let mut blocks = vec![0usize];
    for i in 1..rows {
        let first = *blocks.last().expect("starts with row 0");
        if grid.offsets[i] - grid.offsets[first] >= STREAM_BLOCK_CELLS {
            blocks.push(i);
        }
    }
    blocks.push(rows);

    // Prices of one block, laid out as in `BeadCosts` from the block's first cell on.
    let block_costs = |block: usize| -> Vec<f32> {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let mut out = vec![f32::INFINITY; (grid.offsets[r1] - grid.offsets[r0]) * SHAPES];
        let mut parts: Vec<(usize, &mut [f32])> = Vec::with_capacity(r1 - r0);
        let mut rest = out.as_mut_slice();
        for i in r0..r1 {
            let (row, tail) = rest.split_at_mut(grid.columns(i).count() * SHAPES);
            parts.push((i, row));
            rest = tail;
        }
        parts
            .into_par_iter()
            .for_each_init(&init, |scratch, (i, row)| {
                for (j, cell) in grid.columns(i).zip(row.chunks_exact_mut(SHAPES)) {
                    for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                        if a <= i && b <= j && grid.at(i - a, j - b).is_some() {
                            cell[k] = cost(scratch, i - a..i, j - b..j) as f32;
                        }
                    }
                }
            });
        out
    };

    // As `forward`, with the costs of row r at ring[r % RING].
    const RING: usize = MAX_BEAD_SIDE + 1;
    let mut shape = vec![u8::MAX; grid.len()];
    let mut ring: [Vec<f64>; RING] = Default::default();
    let mut walk = |block: usize, costs: &[f32]| {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let base = grid.offsets[r0];
        for i in r0..r1 {
            let columns = grid.columns(i);
            let lo = *columns.start();
            let mut row = std::mem::take(&mut ring[i % RING]);
            row.clear();
            row.resize(columns.clone().count(), f64::INFINITY);
            for j in columns {
                if i == 0 && j == 0 {
                    row[0] = 0.0;
                    continue;
                }
                let here = grid.offsets[i] + j - lo;
                let cell = &costs[(here - base) * SHAPES..][..SHAPES];
                let (mut best, mut best_shape) = (f64::INFINITY, u8::MAX);
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    if a > i || b > j || grid.at(i - a, j - b).is_none() {
                        continue;
                    }
                    let before = if a == 0 {
                        row[j - b - lo]
                    } else {
                        ring[(i - a) % RING][j - b - band.lo[i - a]]
                    };
                    let c = before + f64::from(cell[k]);
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
    Forward {
        cost: Vec::new(),
        shape,
    }
    .path(&grid)
}

/// About this many band cells have their beads priced together by [`best_path_streaming`].
const STREAM_BLOCK_CELLS: usize = 16_384;

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
        let costs = bead_costs(
            &band,
            || (),
            |_, s, t| {
                let ls: f64 = src[s.clone()].iter().sum();
                let lt: f64 = tgt[t.clone()].iter().sum();
                (ls - lt).abs() + if s.len() + t.len() == 2 { 0.0 } else { 1.0 }
            },
        );
        let path = best_path(&costs);
        assert_eq!(path, vec![(0..1, 0..1), (1..3, 1..2), (3..4, 2..3)]);
    }

    #[test]
    fn streaming_path_is_the_stored_one() {
        // Pseudo-random lengths and a band of several blocks, with ties (whole-number costs).
        let mut x = 0x2545_f491_u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 50 + 1) as f64
        };
        let (n, m): (usize, usize) = (900, 870);
        let src: Vec<f64> = (0..n).map(|_| next()).collect();
        let tgt: Vec<f64> = (0..m).map(|_| next()).collect();
        let lo: Vec<usize> = (0..=n).map(|i| (i * m / n).saturating_sub(20)).collect();
        let hi: Vec<usize> = (0..=n).map(|i| i * m / n + 20).collect();
        let band = Band::from_bounds(lo, hi, m);
        assert!(band.cells() > 2 * STREAM_BLOCK_CELLS);
        let cost = |_: &mut (), s: Range<usize>, t: Range<usize>| {
            let ls: f64 = src[s.clone()].iter().sum();
            let lt: f64 = tgt[t.clone()].iter().sum();
            (ls - lt).abs().round() + (s.len() + t.len()) as f64
        };
        let stored = best_path(&bead_costs(&band, || (), cost));
        assert_eq!(best_path_streaming(&band, || (), cost), stored);
        assert_eq!(stored.last().map(|(s, t)| (s.end, t.end)), Some((n, m)));
    }
}
