//! Where the first pass searches: coarse to fine, as Vecalign does. A long document pair is first
//! aligned in blocks of sentences (lengths add up, tokens unite), recursively, until the grid is
//! small enough to search whole; each level's path, projected onto the next finer level and
//! widened, is the band searched there. Time and memory stay linear in the documents' length,
//! and no assumption is made about where the path goes: a long omission or addition moves the
//! coarse path with it.

use crate::anchor::Features;

use super::band::{Band, Step};

/// A grid with at most this many cells is searched whole.
pub(crate) const WHOLE_GRID_CELLS: usize = 250_000;
/// Each coarser level merges this many sentences (or blocks) of the query side into one.
const BLOCK: usize = 8;
/// The finer band reaches this many coarse blocks beyond the coarse path on each side.
const MARGIN_BLOCKS: usize = 1;
/// And at least this many sentences.
const MIN_MARGIN: usize = 6;

/// The band to search a pair of `n` × `m` sentences in: the whole grid when it is small,
/// otherwise a band around the path found at a coarser level by `search`.
pub(crate) fn band(
    features: &Features,
    search: &mut dyn FnMut(&Features, &Band) -> Vec<Step>,
) -> Band {
    let (n, m) = (features.query.len(), features.other.len());
    if (n + 1).saturating_mul(m + 1) <= WHOLE_GRID_CELLS || n < 2 * BLOCK || m < 2 * BLOCK {
        return Band::full(n, m);
    }
    // Blocks of about the same share of each document, so coarse beads are mostly 1-1.
    let query_block = BLOCK;
    let other_block = (BLOCK * m).div_ceil(n).max(1);
    let coarse = features.blocks(query_block, other_block);
    let coarse_band = band(&coarse, search);
    let coarse_path = search(&coarse, &coarse_band);
    project(&coarse_path, query_block, other_block, n, m)
}

/// The sentence-level band covering each coarse bead's rectangle, widened by a margin.
fn project(path: &[Step], query_block: usize, other_block: usize, n: usize, m: usize) -> Band {
    let margin = (MARGIN_BLOCKS * other_block).max(MIN_MARGIN);
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    for (s, t) in path {
        let rows = (s.start * query_block).min(n)..=(s.end * query_block).min(n);
        let (j0, j1) = ((t.start * other_block).min(m), (t.end * other_block).min(m));
        for i in rows {
            lo[i] = lo[i].min(j0.saturating_sub(margin));
            hi[i] = hi[i].max(j1 + margin);
        }
    }
    // Rows near the coarse path's corners reach a little further, so that a bead straddling two
    // coarse blocks is inside the band.
    let widened_lo: Vec<usize> = (0..=n)
        .map(|i| {
            lo[i.saturating_sub(query_block)..=(i + query_block).min(n)]
                .iter()
                .copied()
                .min()
                .unwrap_or(0)
        })
        .collect();
    let widened_hi: Vec<usize> = (0..=n)
        .map(|i| {
            hi[i.saturating_sub(query_block)..=(i + query_block).min(n)]
                .iter()
                .copied()
                .max()
                .unwrap_or(m)
        })
        .collect();
    Band::from_bounds(widened_lo, widened_hi, m)
}
