//! The geometry of the search: bead shapes, the band of cells a path may pass through, and the
//! layout of per-cell values over a band.

use std::ops::Range;

/// Bead shapes the search considers, as (source, target) sentence counts.
pub(crate) const BEAD_SHAPES: [(usize, usize); 13] = [
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

/// Run `$body` once for each of [`BEAD_SHAPES`], in order, with `$k` the shape's index as a
/// constant: the innermost loops of the search compile each shape's code for its own sizes.
macro_rules! for_each_shape {
    ($k:ident => $body:block) => {
        $crate::align::band::for_each_shape!(@ $k => $body; 0 1 2 3 4 5 6 7 8 9 10 11 12)
    };
    (@ $k:ident => $body:block; $($shape:literal)*) => {{
        const _: () = assert!($crate::align::band::BEAD_SHAPES.len() == [$($shape),*].len());
        $({ const $k: usize = $shape; $body })*
    }};
}
pub(crate) use for_each_shape;

/// The most sentences one side of a bead can have.
pub(crate) const MAX_BEAD_SIDE: usize = 5;

/// The most source sentences of a bead shape (how many rows back a bead reaches).
pub(crate) const MAX_SOURCE_SIDE: usize = most_sentences(0);
/// The most target sentences of a bead shape.
pub(crate) const MAX_TARGET_SIDE: usize = most_sentences(1);

/// The most sentences on `side` (0 source, 1 target) of any of [`BEAD_SHAPES`].
const fn most_sentences(side: usize) -> usize {
    let mut most = 0;
    let mut k = 0;
    while k < BEAD_SHAPES.len() {
        let count = if side == 0 {
            BEAD_SHAPES[k].0
        } else {
            BEAD_SHAPES[k].1
        };
        if count > most {
            most = count;
        }
        k += 1;
    }
    most
}

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
    pub(crate) fn from_bounds(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
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

    /// The source sentences a target sentence can pair with in any bead through this band.
    pub(crate) fn rows_near(&self, j: usize) -> Range<usize> {
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
pub(crate) type Step = (Range<usize>, Range<usize>);

/// Costs over the cells of a band, indexed like the band: row by row, `lo[i]..=hi[i]`.
#[derive(Debug, Clone)]
pub(crate) struct Grid<'b> {
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

    /// The index of cell (i, j), if the band has it.
    pub fn at(&self, i: usize, j: usize) -> Option<usize> {
        self.row(i)?.at(j)
    }

    /// Row `i`'s cells, if the band has the row: for looking up many cells of one row.
    pub(crate) fn row(&self, i: usize) -> Option<GridRow> {
        Some(GridRow {
            lo: *self.band.lo.get(i)?,
            hi: self.band.hi[i],
            first: self.offsets[i],
        })
    }

    pub fn rows(&self) -> usize {
        self.band.lo.len()
    }

    /// The index of the first cell of row `i` (for `i` = [`Grid::rows`], the number of cells).
    pub(crate) fn row_start(&self, i: usize) -> usize {
        self.offsets[i]
    }

    pub fn columns(&self, i: usize) -> std::ops::RangeInclusive<usize> {
        self.band.lo[i]..=self.band.hi[i]
    }

    /// The columns of row `i` where a bead of every shape ending there starts inside the band:
    /// most of a band's cells, where a search needs no check per shape.
    pub(crate) fn every_shape_from_band(&self, i: usize) -> Range<usize> {
        let (lo, hi) = (&self.band.lo, &self.band.hi);
        let (mut first, mut last) = (lo[i], hi[i]);
        for &(a, b) in &BEAD_SHAPES {
            let Some(r) = i.checked_sub(a) else {
                return 0..0;
            };
            first = first.max(lo[r] + b);
            last = last.min(hi[r] + b);
        }
        first..last + 1
    }

    /// The columns of row `i` where a bead of every shape starting there ends inside the band.
    pub(crate) fn every_shape_into_band(&self, i: usize) -> Range<usize> {
        let (lo, hi) = (&self.band.lo, &self.band.hi);
        let (mut first, mut last) = (lo[i], hi[i]);
        for &(a, b) in &BEAD_SHAPES {
            if i + a >= lo.len() || hi[i + a] < b {
                return 0..0;
            }
            first = first.max(lo[i + a].saturating_sub(b));
            last = last.min(hi[i + a] - b);
        }
        first..last + 1
    }
}

/// One row of a [`Grid`]: its columns `lo..=hi`, the first at cell index `first`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GridRow {
    lo: usize,
    hi: usize,
    first: usize,
}

impl GridRow {
    /// The index of the row's cell in column `j`, if the band has it.
    #[inline(always)]
    pub(crate) fn at(&self, j: usize) -> Option<usize> {
        (j >= self.lo && j <= self.hi).then(|| self.first + j - self.lo)
    }

    /// The index of the row's cell in column `j`, which the row has.
    #[inline(always)]
    pub(crate) fn at_inside(&self, j: usize) -> usize {
        debug_assert!((self.lo..=self.hi).contains(&j));
        self.first + j - self.lo
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
}
