//! The exact search: a dynamic program over bead shapes inside a band of allowed cells
//! ([`super::band`]), so that time grows with the band's area (linear in document length), not
//! with n × m.
//!
//! Memory does not grow with the band's area beyond one shape byte a cell: the beads' prices are
//! computed a block of rows at a time (in parallel, while the recurrence walks the block before)
//! and dropped once the recurrence is past them (see docs/performance.md).

use std::ops::Range;

use rayon::prelude::*;

use super::band::{for_each_shape, Band, Grid, GridRow, Step, BEAD_SHAPES, MAX_SOURCE_SIDE};
use super::confidence::Rivals;

const SHAPES: usize = BEAD_SHAPES.len();

/// How many rows back the recurrence reaches.
const MAX_REACH: usize = MAX_SOURCE_SIDE;

/// About this many band cells have their beads priced together.
const BLOCK_CELLS: usize = 16_384;

/// Rows of a block priced together by one task: a bead's evidence is shared by the beads of the
/// next few rows, which a task finds in its own working memory.
const ROWS_PER_TASK: usize = 64;

/// What a search prices its beads with.
pub(crate) trait BeadPrices: Sync {
    /// What the beads ending in a block of rows need (an evidence table), made before they are
    /// priced and dropped after.
    type Prepared: Sync;
    /// Each worker thread's own working memory.
    type Scratch;

    /// Made for the beads ending in grid rows `rows` (a bead ending in row `i` has source
    /// sentences before `i`).
    fn prepare(&self, rows: Range<usize>) -> Self::Prepared;

    fn scratch(&self) -> Self::Scratch;

    /// The prices of the beads ending in grid rows `rows` (inside the rows `prepared` was made
    /// for), laid out in `out` as [`price_each_bead`] does: -ln P(bead), up to what every path
    /// shares. A price must depend only on the bead's two ranges, whichever block prepared
    /// `prepared` and however its rows are cut into calls.
    fn price_rows(
        &self,
        prepared: &Self::Prepared,
        scratch: &mut Self::Scratch,
        grid: &Grid<'_>,
        rows: Range<usize>,
        out: &mut [f32],
    );
}

/// Price each bead ending in grid rows `rows` that starts inside the band with
/// `cost(shape, src, tgt)` (`shape` its index in [`BEAD_SHAPES`]): the bead of shape `k` ending
/// in the `c`-th cell of the rows at `out[c * SHAPES + k]`. The other entries are left as they
/// are.
#[cfg(test)]
pub(crate) fn price_each_bead(
    grid: &Grid<'_>,
    rows: Range<usize>,
    out: &mut [f32],
    mut cost: impl FnMut(usize, Range<usize>, Range<usize>) -> f64,
) {
    price_each_cell(grid, rows, out, |i, j, shapes, cell| {
        for &k in shapes {
            let (a, b) = BEAD_SHAPES[k as usize];
            cell[k as usize] = cost(k as usize, i - a..i, j - b..j) as f32;
        }
    });
}

/// [`price_each_bead`] a cell at a time: `price(i, j, shapes, cell)` writes the prices of the
/// beads ending in cell (i, j) whose shapes, `shapes` (indices in [`BEAD_SHAPES`], ascending),
/// start inside the band, to `cell[shape]`.
#[inline(always)]
pub(crate) fn price_each_cell(
    grid: &Grid<'_>,
    rows: Range<usize>,
    out: &mut [f32],
    mut price: impl FnMut(usize, usize, &[u8], &mut [f32]),
) {
    const EVERY_SHAPE: [u8; SHAPES] = {
        let mut every = [0u8; SHAPES];
        let mut k = 0;
        while k < SHAPES {
            every[k] = k as u8;
            k += 1;
        }
        every
    };
    let mut cells = out.chunks_exact_mut(SHAPES);
    let mut listed = [0u8; SHAPES];
    for i in rows {
        // The columns of the rows a bead ending in row `i` can start in.
        let mut starts = [(1, 0); MAX_REACH + 1];
        for (a, start) in starts.iter_mut().enumerate().take(i + 1) {
            *start = (*grid.columns(i - a).start(), *grid.columns(i - a).end());
        }
        let every_shape = grid.every_shape_from_band(i);
        for (j, cell) in grid.columns(i).zip(&mut cells) {
            let shapes: &[u8] = if every_shape.contains(&j) {
                &EVERY_SHAPE
            } else {
                let mut count = 0;
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    let (lo, hi) = starts[a];
                    if b <= j && (lo..=hi).contains(&(j - b)) {
                        listed[count] = k as u8;
                        count += 1;
                    }
                }
                &listed[..count]
            };
            price(i, j, shapes, cell);
        }
    }
}

/// The prices of the beads ending in rows `r0..r1`, in parallel: for the bead of shape `k`
/// ending at cell `c`, `[(c - grid.row_start(r0)) * SHAPES + k]`, infinite where the bead would
/// start outside the band. `f32` halves the memory; path costs are summed in `f64`.
fn price_rows(prices: &impl BeadPrices, grid: &Grid<'_>, r0: usize, r1: usize) -> Vec<f32> {
    let prepared = prices.prepare(r0..r1);
    let mut out = vec![f32::INFINITY; (grid.row_start(r1) - grid.row_start(r0)) * SHAPES];
    let mut tasks: Vec<(Range<usize>, &mut [f32])> = Vec::new();
    let mut rest = out.as_mut_slice();
    for first in (r0..r1).step_by(ROWS_PER_TASK) {
        let rows = first..(first + ROWS_PER_TASK).min(r1);
        let cells = grid.row_start(rows.end) - grid.row_start(rows.start);
        let (part, tail) = rest.split_at_mut(cells * SHAPES);
        tasks.push((rows, part));
        rest = tail;
    }
    tasks.into_par_iter().for_each_init(
        || prices.scratch(),
        |scratch, (rows, part)| prices.price_rows(&prepared, scratch, grid, rows, part),
    );
    out
}

/// The rows of the grid cut into blocks of about `cells` cells and at least [`MAX_REACH`] rows,
/// so that a bead ending in one block starts in it or in the one before: the first row of each
/// block, then the number of rows.
fn blocks(grid: &Grid<'_>, cells: usize) -> Vec<usize> {
    let rows = grid.rows();
    let mut blocks = vec![0usize];
    for i in 1..rows {
        let first = *blocks.last().expect("starts with row 0");
        if grid.row_start(i) - grid.row_start(first) >= cells && i - first >= MAX_REACH {
            blocks.push(i);
        }
    }
    blocks.push(rows);
    blocks
}

/// The cheapest monotone path of beads from (0,0) to (n,m) inside `band`.
pub(crate) fn best_path(band: &Band, prices: &impl BeadPrices) -> Vec<Step> {
    best_path_in_blocks(band, prices, BLOCK_CELLS)
}

fn best_path_in_blocks(band: &Band, prices: &impl BeadPrices, block_cells: usize) -> Vec<Step> {
    let grid = Grid::new(band);
    let blocks = blocks(&grid, block_cells);
    let forward = forward_pass(&grid, &blocks, prices, Sums::Skip, |_, _| {});
    path_from_shapes(&grid, &forward.shape)
}

/// What the final search gives: the cheapest path, each bead's confidence (see
/// [`super::confidence`]) and each sentence's posterior probability of standing alone: the
/// probability, summed over all paths of the band with each path weighted by e^-cost, that it is
/// in a bead with an empty other side (the forward-backward algorithm over the search's lattice).
pub(crate) struct Lattice {
    pub path: Vec<Step>,
    pub confidence: Vec<f64>,
    pub src_unpaired: Vec<f64>,
    pub tgt_unpaired: Vec<f64>,
}

/// The best path with its confidences and posteriors, in two passes over blocks of rows, each
/// block priced once in each: a forward pass keeps one shape byte a cell and, at the start of each
/// block, the forward costs of the rows a bead reaches back to; a backward pass, block by block
/// from the last, computes the block's forward costs again from that checkpoint, its backward
/// costs, and from them the posteriors and the rivals of the path's beads.
pub(crate) fn search_with_confidence(band: &Band, prices: &impl BeadPrices) -> Lattice {
    search_with_confidence_in_blocks(band, prices, BLOCK_CELLS)
}

fn search_with_confidence_in_blocks(
    band: &Band,
    prices: &impl BeadPrices,
    block_cells: usize,
) -> Lattice {
    let grid = Grid::new(band);
    let n = grid.rows() - 1;
    let m = *grid.columns(n).end();
    let blocks = blocks(&grid, block_cells);
    let count = blocks.len() - 1;

    let mut checkpoints: Vec<ForwardRows> = Vec::with_capacity(count);
    let forward = forward_pass(&grid, &blocks, prices, Sums::Keep, |_, carry| {
        checkpoints.push(carry.clone())
    });
    let ForwardPass {
        shape,
        last,
        last_prices: mut current,
    } = forward;
    let best = *last.cheapest.last().expect("the band has cells");
    let total = *last.sum.last().expect("the band has cells");
    let path = path_from_shapes(&grid, &shape);
    drop(shape);
    let mut last_block_rows = Some(last);

    let mut rivals = Rivals::new(&path, n, m);
    let mut unpaired = Unpaired::new(n, m);
    let mut later: Option<BackwardBlock> = None;
    for block in (0..count).rev() {
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let checkpoint = std::mem::take(&mut checkpoints[block]);
        let known = last_block_rows.take();
        let (done, previous) = rayon::join(
            || {
                let costs = std::mem::take(&mut current);
                // The block's forward costs again and its backward costs are independent of
                // each other, and so are the posteriors and the rivals taken from them.
                let (fwd, (cheapest, sum)) = rayon::join(
                    || {
                        known.unwrap_or_else(|| {
                            let mut no_shapes = [];
                            let sums = Sums::Keep;
                            forward_rows(&grid, r0, r1, checkpoint, &costs, sums, &mut no_shapes)
                        })
                    },
                    || backward_rows(&grid, r0, r1, &costs, later.as_ref()),
                );
                let here = BackwardBlock {
                    base: grid.row_start(r0),
                    costs,
                    cheapest,
                    sum,
                };
                rayon::join(
                    || {
                        if total.is_finite() {
                            unpaired.add_block(&grid, r0, r1, &fwd, &here, total);
                        }
                    },
                    || {
                        // Rivals whose beads end in this block.
                        rivals.offer(r0, r1, |i0, j0, k| {
                            let (a, b) = BEAD_SHAPES[k];
                            let from =
                                fwd.cheapest[grid.at(i0, j0)? - grid.row_start(fwd.first_row)];
                            let end = grid.at(i0 + a, j0 + b)?;
                            let to = here.cheapest[end - here.base];
                            (from.is_finite() && to.is_finite())
                                .then(|| from + here.cost(end, k) + to)
                        })
                    },
                );
                here
            },
            || (block > 0).then(|| price_rows(prices, &grid, blocks[block - 1], r0)),
        );
        later = Some(done);
        current = previous.unwrap_or_default();
    }
    let (src_unpaired, tgt_unpaired) = unpaired.finish();
    let confidence = rivals.confidences(best);
    Lattice {
        path,
        confidence,
        src_unpaired,
        tgt_unpaired,
    }
}

/// Whether the forward recurrence also sums over paths (for the posteriors), besides finding the
/// cheapest.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sums {
    Keep,
    Skip,
}

/// What a forward pass leaves: the shape of each cell's cheapest last bead, the forward costs
/// of the last block (from [`MAX_REACH`] rows before it), and its prices: where a backward pass
/// starts, with nothing to compute again for a short document's only block.
struct ForwardPass {
    shape: Vec<u8>,
    last: ForwardRows,
    last_prices: Vec<f32>,
}

/// The forward recurrence over all blocks, each block's prices computed while the block before is
/// walked; `checkpoint(block, carry)` sees the forward costs a block starts from.
fn forward_pass(
    grid: &Grid<'_>,
    blocks: &[usize],
    prices: &impl BeadPrices,
    sums: Sums,
    mut checkpoint: impl FnMut(usize, &ForwardRows),
) -> ForwardPass {
    let count = blocks.len() - 1;
    let mut shape = vec![u8::MAX; grid.len()];
    let mut carry = ForwardRows::default();
    let mut current = price_rows(prices, grid, blocks[0], blocks[1]);
    for block in 0..count {
        checkpoint(block, &carry);
        let (r0, r1) = (blocks[block], blocks[block + 1]);
        let shapes = &mut shape[grid.row_start(r0)..grid.row_start(r1)];
        let (rows, next) = rayon::join(
            || forward_rows(grid, r0, r1, carry, &current, sums, shapes),
            || (block + 1 < count).then(|| price_rows(prices, grid, r1, blocks[block + 2])),
        );
        match next {
            Some(next) => {
                carry = rows.keep_from(grid, r1.saturating_sub(MAX_REACH));
                current = next;
            }
            // The last block's rows are kept whole: a backward pass starts with them.
            None => carry = rows,
        }
    }
    ForwardPass {
        shape,
        last: carry,
        last_prices: current,
    }
}

/// The cheapest path to (n, m), as beads in order, from the shape of each cell's cheapest last
/// bead.
fn path_from_shapes(grid: &Grid<'_>, shape: &[u8]) -> Vec<Step> {
    let n = grid.rows() - 1;
    let m = *grid.columns(n).end();
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = shape[grid.at(i, j).expect("path stays in band")] as usize;
        let (a, b) = BEAD_SHAPES[k];
        path.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    path.reverse();
    path
}

/// The rows `first_row..end_row` of the forward costs (cheapest and log-sum), as one slice each
/// from the cell `row_start(first_row)` on. `sum` is empty in a search without sums.
#[derive(Debug, Clone, Default)]
struct ForwardRows {
    first_row: usize,
    cheapest: Vec<f64>,
    sum: Vec<f64>,
}

impl ForwardRows {
    /// The same rows from `row` on.
    fn keep_from(mut self, grid: &Grid<'_>, row: usize) -> ForwardRows {
        let cut = grid.row_start(row) - grid.row_start(self.first_row);
        self.cheapest.drain(..cut);
        self.sum.drain(..cut.min(self.sum.len()));
        self.first_row = row;
        self
    }
}

/// -ln(e^-a + e^-b), in a numerically safe way.
fn log_add(a: f64, b: f64) -> f64 {
    if a == f64::INFINITY {
        return b;
    }
    if b == f64::INFINITY {
        return a;
    }
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let gap = hi - lo;
    if gap > negligible_gap(lo) {
        return lo;
    }
    lo - (-gap).exp().ln_1p()
}

/// A gap between two costs beyond which the dearer one cannot change the cheaper's bits in
/// [`log_add`]: with `lo` in [2^e, 2^(e+1)) in magnitude, floats next to it are at least 2^(e-53)
/// apart, so subtracting ln(1 + e^-gap) < e^-gap < 2^(e-55) rounds back to `lo`. Saves an `exp`
/// and an `ln` for most cells far from the path.
fn negligible_gap(lo: f64) -> f64 {
    let exponent = ((lo.to_bits() >> 52) & 0x7ff) as i64 - 1023;
    (55 - exponent) as f64 * std::f64::consts::LN_2
}

/// The forward costs of rows `r0..r1`, from (0,0) to each cell: the cheapest path and (with
/// [`Sums::Keep`]) -ln of the sum of e^-cost over all paths, from those of the rows before in
/// `carry` (from `r0 - MAX_REACH` on), with `costs` the prices of the rows' beads. Returns the
/// rows from `r0 - MAX_REACH` to `r1`, and writes the shape of each cell's cheapest last bead to
/// `shapes` (unless it is empty).
fn forward_rows(
    grid: &Grid<'_>,
    r0: usize,
    r1: usize,
    carry: ForwardRows,
    costs: &[f32],
    sums: Sums,
    shapes: &mut [u8],
) -> ForwardRows {
    let first_row = r0.saturating_sub(MAX_REACH);
    let base = grid.row_start(first_row);
    let ForwardRows {
        cheapest: mut best,
        mut sum,
        ..
    } = carry;
    debug_assert_eq!(best.len(), grid.row_start(r0) - base);
    best.resize(grid.row_start(r1) - base, f64::INFINITY);
    if sums == Sums::Keep {
        sum.resize(grid.row_start(r1) - base, f64::INFINITY);
    }
    let cbase = grid.row_start(r0);
    for i in r0..r1 {
        let lo = *grid.columns(i).start();
        // The rows a bead ending in row `i` starts in, `a` rows up.
        let reach: [Option<GridRow>; MAX_REACH + 1] =
            std::array::from_fn(|a| i.checked_sub(a).and_then(|r| grid.row(r)));
        let every_shape = grid.every_shape_from_band(i);
        for j in grid.columns(i) {
            let here = grid.row_start(i) + j - lo;
            if i == 0 && j == 0 {
                best[here - base] = 0.0;
                if sums == Sums::Keep {
                    sum[here - base] = 0.0;
                }
                continue;
            }
            let cell = &costs[(here - cbase) * SHAPES..][..SHAPES];
            let (mut cheapest, mut cheapest_shape, mut total) =
                (f64::INFINITY, u8::MAX, f64::INFINITY);
            // The bead of shape `k` from cell `from`.
            let mut offer = |k: usize, from: usize| {
                let price = f64::from(cell[k]);
                let c = best[from - base] + price;
                if c < cheapest {
                    cheapest = c;
                    cheapest_shape = k as u8;
                }
                if sums == Sums::Keep {
                    total = log_add(total, sum[from - base] + price);
                }
            };
            if every_shape.contains(&j) {
                for_each_shape!(K => {
                    let (a, b) = BEAD_SHAPES[K];
                    let row = reach[a].expect("the band has the rows of every shape");
                    offer(K, row.at_inside(j - b));
                });
            } else {
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    if b > j {
                        continue;
                    }
                    if let Some(from) = reach[a].and_then(|row| row.at(j - b)) {
                        offer(k, from);
                    }
                }
            }
            best[here - base] = cheapest;
            if sums == Sums::Keep {
                sum[here - base] = total;
            }
            if !shapes.is_empty() {
                shapes[here - cbase] = cheapest_shape;
            }
        }
    }
    ForwardRows {
        first_row,
        cheapest: best,
        sum,
    }
}

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

/// The backward costs of rows `r0..r1`, from each cell to (n, m): the cheapest path and -ln of
/// the sum of e^-cost over all paths (a [`BackwardBlock`]'s), with `costs` the prices of the
/// rows' beads and `later` the block after (already computed).
fn backward_rows(
    grid: &Grid<'_>,
    r0: usize,
    r1: usize,
    costs: &[f32],
    later: Option<&BackwardBlock>,
) -> (Vec<f64>, Vec<f64>) {
    let base = grid.row_start(r0);
    let end = grid.row_start(r1);
    let mut best = vec![f64::INFINITY; end - base];
    let mut sum = vec![f64::INFINITY; end - base];
    let last = grid.len() - 1;
    for i in (r0..r1).rev() {
        let lo = *grid.columns(i).start();
        // The rows a bead starting in row `i` ends in, `a` rows down.
        let reach: [Option<GridRow>; MAX_REACH + 1] = std::array::from_fn(|a| grid.row(i + a));
        let every_shape = grid.every_shape_into_band(i);
        for j in grid.columns(i).rev() {
            let here = grid.row_start(i) + j - lo;
            let (mut cheapest, mut total) = if here == last {
                (0.0, 0.0)
            } else {
                (f64::INFINITY, f64::INFINITY)
            };
            // A bead to a cell with these backward costs, at this price.
            let mut offer = |to_best: f64, to_sum: f64, price: f64| {
                let c = to_best + price;
                if c < cheapest {
                    cheapest = c;
                }
                total = log_add(total, to_sum + price);
            };
            if every_shape.contains(&j) && i + MAX_REACH < r1 {
                // Every bead from here ends inside the band and this block.
                for_each_shape!(K => {
                    let (a, b) = BEAD_SHAPES[K];
                    let row = reach[a].expect("the band has the rows of every shape");
                    let t = row.at_inside(j + b) - base;
                    offer(best[t], sum[t], f64::from(costs[t * SHAPES + K]));
                });
            } else {
                for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                    let Some(to) = reach[a].and_then(|row| row.at(j + b)) else {
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
                    offer(to_best, to_sum, price);
                }
            }
            best[here - base] = cheapest;
            sum[here - base] = total;
        }
    }
    (best, sum)
}

/// Each sentence's posterior probability of standing alone, summed block by block from the last,
/// each term added in the order of the cells (row by row, left to right), whatever the blocks.
struct Unpaired {
    src: Vec<f64>,
    tgt: Vec<f64>,
    /// Each target sentence's terms, latest row first, until no earlier row adds one.
    pending: Vec<Vec<f64>>,
    /// The target sentences from this one on are summed.
    unfinished: usize,
}

const LONE_SRC: usize = shape_of(1, 0);
const LONE_TGT: usize = shape_of(0, 1);

const fn shape_of(a: usize, b: usize) -> usize {
    let mut k = 0;
    while BEAD_SHAPES[k].0 != a || BEAD_SHAPES[k].1 != b {
        k += 1;
    }
    k
}

impl Unpaired {
    fn new(n: usize, m: usize) -> Unpaired {
        Unpaired {
            src: vec![0.0; n],
            tgt: vec![0.0; m],
            pending: vec![Vec::new(); m],
            unfinished: m,
        }
    }

    /// Add the terms of the lone beads ending in rows `r0..r1`, with `fwd` and `here` the forward
    /// and backward sums of those rows and `total` the sum over all paths.
    fn add_block(
        &mut self,
        grid: &Grid<'_>,
        r0: usize,
        r1: usize,
        fwd: &ForwardRows,
        here: &BackwardBlock,
        total: f64,
    ) {
        let fbase = grid.row_start(fwd.first_row);
        for i in (r0..r1).rev() {
            let lo = *grid.columns(i).start();
            let mut acc = 0.0;
            for j in grid.columns(i) {
                let cell = grid.row_start(i) + j - lo;
                let posterior = |k: usize, from: Option<usize>| -> f64 {
                    from.map_or(0.0, |from| {
                        (-(fwd.sum[from - fbase] + here.cost(cell, k) + here.sum[cell - here.base]
                            - total))
                            .exp()
                    })
                };
                if i > 0 {
                    acc += posterior(LONE_SRC, grid.at(i - 1, j));
                }
                if j > 0 {
                    self.pending[j - 1].push(posterior(LONE_TGT, grid.at(i, j - 1)));
                }
            }
            if i > 0 {
                self.src[i - 1] = acc;
            }
        }
        // Target sentences no earlier row reaches are complete.
        let done_from = if r0 == 0 {
            0
        } else {
            *grid.columns(r0 - 1).end()
        };
        while self.unfinished > done_from {
            let terms = std::mem::take(&mut self.pending[self.unfinished - 1]);
            self.tgt[self.unfinished - 1] = terms.iter().rev().fold(0.0, |a, &p| a + p);
            self.unfinished -= 1;
        }
    }

    fn finish(mut self) -> (Vec<f64>, Vec<f64>) {
        for p in self.src.iter_mut().chain(self.tgt.iter_mut()) {
            *p = p.clamp(0.0, 1.0);
        }
        (self.src, self.tgt)
    }
}

#[cfg(test)]
mod tests;
