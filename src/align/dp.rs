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
    best_path_blocked(band, |_| (), init, |_, scratch, s, t| cost(scratch, s, t))
}

/// [`best_path_streaming`] where the prices of the beads ending in a block of rows need something
/// made for that block first: `prepare(rows)` is called before they are priced (in parallel,
/// with `cost(&prepared, scratch, src, tgt)`) and dropped after.
pub fn best_path_blocked<P: Sync, S>(
    band: &Band,
    prepare: impl Fn(Range<usize>) -> P + Sync,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&P, &mut S, Range<usize>, Range<usize>) -> f64 + Sync,
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
        price_rows(
            &grid,
            blocks[block],
            blocks[block + 1],
            &prepare,
            &init,
            &cost,
        )
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

/// What the final search gives: the cheapest path, each bead's confidence (see
/// `align::confidence`) and each sentence's posterior probability of standing alone (see
/// [`unpaired_posteriors`]).
pub struct Lattice {
    pub path: Vec<Step>,
    pub confidence: Vec<f64>,
    pub src_unpaired: Vec<f64>,
    pub tgt_unpaired: Vec<f64>,
}

/// The rows `first_row..end_row` of the forward costs (cheapest and log-sum), as one slice each
/// from the cell `offsets[first_row]` on.
#[derive(Debug, Clone, Default)]
struct ForwardRows {
    first_row: usize,
    cheapest: Vec<f64>,
    sum: Vec<f64>,
}

/// The same results as [`forward`], [`backward`], [`unpaired_posteriors`] and
/// `confidence::confidences` over [`bead_costs`], bit for bit, without holding the price of every
/// bead of the band (13 `f32` a cell) or four `f64` a cell of forward and backward costs. The
/// prices are computed in blocks of rows twice: a forward pass keeps one shape byte a cell and,
/// at the start of each block, the forward costs of the rows a bead reaches back to; a backward
/// pass, block by block from the last, computes the block's forward costs again from that
/// checkpoint, its backward costs, and from them the posteriors and the rivals of the path's beads.
pub fn search_with_confidence<S>(
    band: &Band,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&mut S, Range<usize>, Range<usize>) -> f64 + Sync,
) -> Lattice {
    search_with_confidence_blocked(band, |_| (), init, |_, scratch, s, t| cost(scratch, s, t))
}

/// [`search_with_confidence`] with a `prepare` step for each block of rows, as in
/// [`best_path_blocked`] (called twice for each block: once in each pass).
pub fn search_with_confidence_blocked<P: Sync, S>(
    band: &Band,
    prepare: impl Fn(Range<usize>) -> P + Sync,
    init: impl Fn() -> S + Sync,
    cost: impl Fn(&P, &mut S, Range<usize>, Range<usize>) -> f64 + Sync,
) -> Lattice {
    let grid = Grid::new(band);
    let rows = grid.rows();
    let n = rows - 1;
    let m = *grid.columns(n).end();
    // Blocks of about STREAM_BLOCK_CELLS cells and at least as many rows as a bead spans, so
    // that a bead ending in one block starts in it or in the one before.
    let mut blocks = vec![0usize];
    for i in 1..rows {
        let first = *blocks.last().expect("starts with row 0");
        if grid.offsets[i] - grid.offsets[first] >= STREAM_BLOCK_CELLS && i - first >= MAX_BEAD_SIDE
        {
            blocks.push(i);
        }
    }
    blocks.push(rows);
    let count = blocks.len() - 1;
    let price = |block: usize| {
        price_rows(
            &grid,
            blocks[block],
            blocks[block + 1],
            &prepare,
            &init,
            &cost,
        )
    };

    // Forward: shapes, the checkpoint of each block, the best and the total cost.
    let mut shape = vec![u8::MAX; grid.len()];
    let mut checkpoints: Vec<ForwardRows> = Vec::with_capacity(count);
    let mut carry = ForwardRows::default();
    let mut current = price(0);
    for block in 0..count {
        checkpoints.push(carry.clone());
        let (rows_done, next) = rayon::join(
            || forward_rows(&grid, blocks[block], blocks[block + 1], carry, &current),
            || (block + 1 < count).then(|| price(block + 1)),
        );
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        shape[grid.offsets[r0]..grid.offsets[r1]].copy_from_slice(&rows_done.1);
        carry = rows_done.0.keep_from(&grid, r1.saturating_sub(MAX_REACH));
        current = next.unwrap_or_default();
    }
    let best = *carry.cheapest.last().expect("the band has cells");
    let total = *carry.sum.last().expect("the band has cells");
    drop(carry);
    let path = Forward {
        cost: Vec::new(),
        shape,
    }
    .path(&grid);

    // What the rivals of the path's beads are looked for around.
    let mut path_j = vec![0usize; n + 1];
    let mut path_i = vec![0usize; m + 1];
    for (s, t) in &path {
        path_j[s.start..=s.end].fill(t.start);
        path_i[t.start..=t.end].fill(s.start);
    }
    const NONE: u32 = u32::MAX;
    let mut starting = vec![NONE; n];
    // Additions, with the rows their rivals' beads can end in.
    let mut additions: Vec<(usize, usize, usize)> = Vec::new();
    for (p, (s, t)) in path.iter().enumerate() {
        if !s.is_empty() {
            starting[s.start] = p as u32;
        } else if !t.is_empty() {
            let x = t.start;
            let low = path_i[(x + 1).saturating_sub(MAX_BEAD_SIDE)].saturating_sub(RADIUS);
            let high = (path_i[x.min(m)] + RADIUS).min(n) + MAX_BEAD_SIDE;
            additions.push((p, low, high));
        }
    }
    let mut rival = vec![f64::INFINITY; path.len()];

    // Backward, block by block from the last.
    let lone_src = BEAD_SHAPES
        .iter()
        .position(|&s| s == (1, 0))
        .expect("1-0 is a shape");
    let lone_tgt = BEAD_SHAPES
        .iter()
        .position(|&s| s == (0, 1))
        .expect("0-1 is a shape");
    let mut src_unpaired = vec![0.0; n];
    let mut tgt_unpaired = vec![0.0; m];
    // Each target sentence's posterior terms, latest row first, until no earlier row adds one:
    // they are summed in row order, as `unpaired_posteriors` sums them.
    let mut pending: Vec<Vec<f64>> = vec![Vec::new(); m];
    let mut unfinished = m;
    let mut later: Option<BackwardBlock> = None;
    let mut current = price(count - 1);
    for block in (0..count).rev() {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let checkpoint = std::mem::take(&mut checkpoints[block]);
        let (done, previous) = rayon::join(
            || {
                let costs = std::mem::take(&mut current);
                let (fwd, _) = forward_rows(&grid, r0, r1, checkpoint, &costs);
                let here = backward_rows(&grid, r0, r1, costs, later.as_ref());
                if total.is_finite() {
                    let fbase = grid.offsets[fwd.first_row];
                    for i in (r0..r1).rev() {
                        let lo = band.lo[i];
                        let mut acc = 0.0;
                        for j in grid.columns(i) {
                            let cell = grid.offsets[i] + j - lo;
                            let posterior = |k: usize, from: Option<usize>| -> f64 {
                                from.map_or(0.0, |from| {
                                    (-(fwd.sum[from - fbase]
                                        + here.cost(cell, k)
                                        + here.sum[cell - here.base]
                                        - total))
                                        .exp()
                                })
                            };
                            if i > 0 {
                                acc += posterior(lone_src, grid.at(i - 1, j));
                            }
                            if j > 0 {
                                pending[j - 1].push(posterior(lone_tgt, grid.at(i, j - 1)));
                            }
                        }
                        if i > 0 {
                            src_unpaired[i - 1] = acc;
                        }
                    }
                    // Target sentences no earlier row reaches are complete.
                    let done_from = if r0 == 0 { 0 } else { band.hi[r0 - 1] };
                    while unfinished > done_from {
                        let terms = std::mem::take(&mut pending[unfinished - 1]);
                        tgt_unpaired[unfinished - 1] = terms.iter().rev().fold(0.0, |a, &p| a + p);
                        unfinished -= 1;
                    }
                }
                // Rivals whose beads end in this block.
                let through = |i0: usize, j0: usize, k: usize| -> Option<f64> {
                    let (a, b) = BEAD_SHAPES[k];
                    let from = fwd.cheapest[grid.at(i0, j0)? - grid.offsets[fwd.first_row]];
                    let end = grid.at(i0 + a, j0 + b)?;
                    let to = here.cheapest[end - here.base];
                    (from.is_finite() && to.is_finite()).then(|| from + here.cost(end, k) + to)
                };
                for e in r0..r1 {
                    for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                        if a == 0 || a > e {
                            continue;
                        }
                        let i0 = e - a;
                        for &p in &starting[i0..e] {
                            if p == NONE {
                                continue;
                            }
                            let (s, t) = &path[p as usize];
                            let centre = path_j[i0];
                            for j0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(m) {
                                if (i0..i0 + a, j0..j0 + b) == (s.clone(), t.clone()) {
                                    continue;
                                }
                                if let Some(c) = through(i0, j0, k) {
                                    rival[p as usize] = rival[p as usize].min(c);
                                }
                            }
                        }
                    }
                }
                let from = additions.partition_point(|&(_, _, high)| high < r0);
                for &(p, _, _) in additions[from..]
                    .iter()
                    .take_while(|&&(_, low, _)| low < r1)
                {
                    let (s, t) = &path[p];
                    let x = t.start;
                    for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                        if b == 0 {
                            continue;
                        }
                        let first = (x + 1).saturating_sub(b);
                        let last = x.min(m.saturating_sub(b));
                        for (j0, &centre) in path_i.iter().enumerate().take(last + 1).skip(first) {
                            for i0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(n) {
                                if i0 + a < r0 || i0 + a >= r1 {
                                    continue;
                                }
                                if (i0..i0 + a, j0..j0 + b) == (s.clone(), t.clone()) {
                                    continue;
                                }
                                if let Some(c) = through(i0, j0, k) {
                                    rival[p] = rival[p].min(c);
                                }
                            }
                        }
                    }
                }
                here
            },
            || (block > 0).then(|| price(block - 1)),
        );
        later = Some(done);
        current = previous.unwrap_or_default();
    }
    for p in src_unpaired.iter_mut().chain(tgt_unpaired.iter_mut()) {
        *p = p.clamp(0.0, 1.0);
    }
    let confidence = rival
        .into_iter()
        .map(|rival| {
            let margin = (rival - best).max(0.0);
            1.0 / (1.0 + (-margin).exp())
        })
        .collect();
    Lattice {
        path,
        confidence,
        src_unpaired,
        tgt_unpaired,
    }
}

use super::confidence::RADIUS;

impl ForwardRows {
    /// The same rows from `row` on.
    fn keep_from(mut self, grid: &Grid<'_>, row: usize) -> ForwardRows {
        let cut = grid.offsets[row] - grid.offsets[self.first_row];
        self.cheapest.drain(..cut);
        self.sum.drain(..cut);
        self.first_row = row;
        self
    }
}

/// The prices of the beads ending in rows `r0..r1`, laid out as in [`BeadCosts`] from the
/// first cell of row `r0` on.
fn price_rows<P: Sync, S>(
    grid: &Grid<'_>,
    r0: usize,
    r1: usize,
    prepare: &(impl Fn(Range<usize>) -> P + Sync),
    init: &(impl Fn() -> S + Sync),
    cost: &(impl Fn(&P, &mut S, Range<usize>, Range<usize>) -> f64 + Sync),
) -> Vec<f32> {
    let prepared = prepare(r0..r1);
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
        .for_each_init(init, |scratch, (i, row)| {
            for (j, cell) in grid.columns(i).zip(row.chunks_exact_mut(SHAPES)) {
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    if a <= i && b <= j && grid.at(i - a, j - b).is_some() {
                        cell[k] = cost(&prepared, scratch, i - a..i, j - b..j) as f32;
                    }
                }
            }
        });
    out
}

/// The forward costs of rows `r0..r1` (as [`forward`] and [`unpaired_posteriors`] compute them)
/// from those of the rows before in `carry` (from `r0 - MAX_REACH` on), with `costs` the prices
/// of the rows' beads. Returns the rows from `r0 - MAX_REACH` to `r1` and the shape of each cell's
/// cheapest last bead.
fn forward_rows(
    grid: &Grid<'_>,
    r0: usize,
    r1: usize,
    carry: ForwardRows,
    costs: &[f32],
) -> (ForwardRows, Vec<u8>) {
    let first_row = r0.saturating_sub(MAX_REACH);
    let base = grid.offsets[first_row];
    let ForwardRows {
        cheapest: mut best,
        mut sum,
        ..
    } = carry;
    debug_assert_eq!(best.len(), grid.offsets[r0] - base);
    best.resize(grid.offsets[r1] - base, f64::INFINITY);
    sum.resize(grid.offsets[r1] - base, f64::INFINITY);
    let mut shapes = vec![u8::MAX; grid.offsets[r1] - grid.offsets[r0]];
    let cbase = grid.offsets[r0];
    for i in r0..r1 {
        let lo = grid.band.lo[i];
        for j in grid.columns(i) {
            let here = grid.offsets[i] + j - lo;
            if i == 0 && j == 0 {
                best[here - base] = 0.0;
                sum[here - base] = 0.0;
                continue;
            }
            let cell = &costs[(here - cbase) * SHAPES..][..SHAPES];
            let (mut cheapest, mut cheapest_shape, mut total) =
                (f64::INFINITY, u8::MAX, f64::INFINITY);
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(from) = grid.at(i - a, j - b) else {
                    continue;
                };
                let price = f64::from(cell[k]);
                let c = best[from - base] + price;
                if c < cheapest {
                    cheapest = c;
                    cheapest_shape = k as u8;
                }
                total = log_add(total, sum[from - base] + price);
            }
            best[here - base] = cheapest;
            sum[here - base] = total;
            shapes[here - cbase] = cheapest_shape;
        }
    }
    let rows = ForwardRows {
        first_row,
        cheapest: best,
        sum,
    };
    (rows, shapes)
}

/// The most source sentences a bead can have.
const MAX_REACH: usize = {
    let mut most = 0;
    let mut k = 0;
    while k < BEAD_SHAPES.len() {
        if BEAD_SHAPES[k].0 > most {
            most = BEAD_SHAPES[k].0;
        }
        k += 1;
    }
    most
};

/// The backward costs (cheapest and log-sum) of the cells of one block of rows, with the prices
/// of the beads ending in them.
struct BackwardBlock {
    base: usize,
    costs: Vec<f32>,
    cheapest: Vec<f64>,
    sum: Vec<f64>,
}

impl BackwardBlock {
    fn cost(&self, cell: usize, k: usize) -> f64 {
        f64::from(self.costs[(cell - self.base) * SHAPES + k])
    }
}

/// The backward costs of rows `r0..r1`, as [`backward`] and [`unpaired_posteriors`] compute
/// them, with `later` the block after (already computed).
fn backward_rows(
    grid: &Grid<'_>,
    r0: usize,
    r1: usize,
    costs: Vec<f32>,
    later: Option<&BackwardBlock>,
) -> BackwardBlock {
    let base = grid.offsets[r0];
    let end = grid.offsets[r1];
    let mut best = vec![f64::INFINITY; end - base];
    let mut sum = vec![f64::INFINITY; end - base];
    let last = grid.len() - 1;
    for i in (r0..r1).rev() {
        let lo = grid.band.lo[i];
        for j in grid.columns(i).rev() {
            let here = grid.offsets[i] + j - lo;
            let (mut cheapest, mut total) = if here == last {
                (0.0, 0.0)
            } else {
                (f64::INFINITY, f64::INFINITY)
            };
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                let Some(to) = grid.at(i + a, j + b) else {
                    continue;
                };
                let (to_best, to_sum, price) = if to >= end {
                    let later = later.expect("a bead ends in the next block");
                    let t = to - later.base;
                    (later.cheapest[t], later.sum[t], later.cost(to, k))
                } else {
                    let t = to - base;
                    (best[t], sum[t], f64::from(costs[t * SHAPES + k]))
                };
                let c = to_best + price;
                if c < cheapest {
                    cheapest = c;
                }
                total = log_add(total, to_sum + price);
            }
            best[here - base] = cheapest;
            sum[here - base] = total;
        }
    }
    BackwardBlock {
        base,
        costs,
        cheapest: best,
        sum,
    }
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
    #[test]
    fn streaming_confidences_and_posteriors_are_the_stored_ones() {
        // Pseudo-random prices, with cheap lone beads so that the path has omissions and
        // additions, over a band of several blocks.
        let (n, m): (usize, usize) = (3000, 2900);
        let noise = |s: &Range<usize>, t: &Range<usize>| {
            let mut x = (s.end * 7919 + t.end * 104_729 + s.len() * 31 + t.len()) as u64;
            x = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            x ^= x >> 29;
            x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
            x ^= x >> 32;
            (x % 1000) as f64 / 97.0
        };
        let lo: Vec<usize> = (0..=n).map(|i| (i * m / n).saturating_sub(9)).collect();
        let hi: Vec<usize> = (0..=n).map(|i| i * m / n + 9).collect();
        let band = Band::from_bounds(lo, hi, m);
        assert!(band.cells() > 2 * STREAM_BLOCK_CELLS);
        let cost = |_: &mut (), s: Range<usize>, t: Range<usize>| {
            let r = noise(&s, &t);
            let drift = (s.len() as f64 - t.len() as f64).abs();
            if s.is_empty() || t.is_empty() {
                2.0 + r
            } else {
                r + drift + (s.len() + t.len()) as f64 * 0.5
            }
        };
        let beads = bead_costs(&band, || (), cost);
        let forward = forward(&beads);
        let backward = backward(&beads);
        let path = forward.path(&beads.grid);
        let confidence = super::super::confidence::confidences(&beads, &forward, &backward, &path);
        let (src, tgt) = unpaired_posteriors(&beads);
        let streamed = search_with_confidence(&band, || (), cost);
        assert!(path.iter().any(|(s, _)| s.is_empty()) && path.iter().any(|(_, t)| t.is_empty()));
        assert_eq!(streamed.path, path);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&streamed.confidence), bits(&confidence));
        assert_eq!(bits(&streamed.src_unpaired), bits(&src));
        assert_eq!(bits(&streamed.tgt_unpaired), bits(&tgt));
    }
}
