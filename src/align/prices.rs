//! What the searches price beads with: the model's cost of a bead (shape, lengths, lexical
//! evidence), and for a search the evidence of each block of rows, built when the search reaches
//! it. A block's beads share most of their evidence: what one sentence brings to the beads
//! ending at one cell of the other side is found once and kept while the next rows need it.

use std::ops::Range;

use super::band::{
    for_each_shape, Band, Grid, BEAD_SHAPES, MAX_BEAD_SIDE, MAX_SOURCE_SIDE, MAX_TARGET_SIDE,
};
use super::dp::{self, BeadPrices};
use super::lexical::{
    both_directions, sum_rows, BeadEvidence, EvidenceTests, Scratch, SidePostings,
};
use super::{shape_index, Model, Structure};
use crate::anchor::Features;

/// The price of one bead under a model: lengths and lexical evidence (its shape is priced by the
/// model's transitions in the search).
pub(super) struct Pricing<'a> {
    model: &'a Model,
    /// Total length of the sentences before each position, on each side: whole numbers, so a
    /// bead's lengths index the kept length costs without a float conversion.
    query_prefix: Vec<u64>,
    other_prefix: Vec<u64>,
    /// How many noise sentences come before each position, on each side.
    query_noise: Vec<usize>,
    other_noise: Vec<usize>,
    /// Groups of paragraphs no bead may cross.
    structure: Option<&'a Structure>,
}

/// -ln P(a sentence that is no text stands alone): OCR debris and page furniture have no
/// counterpart, so leaving one unpaired is as likely as not, and far likelier than for a sentence.
const NOISE_LONE_COST: f64 = std::f64::consts::LN_2;

impl<'a> Pricing<'a> {
    pub(super) fn new(
        features: &Features,
        model: &'a Model,
        structure: Option<&'a Structure>,
    ) -> Pricing<'a> {
        Pricing {
            structure,
            model,
            query_prefix: prefix_sums(&features.query.lengths),
            other_prefix: prefix_sums(&features.other.lengths),
            query_noise: prefix_counts(&features.query.noise),
            other_noise: prefix_counts(&features.other.noise),
        }
    }

    /// The price of bead `s`-`t`, with `table` holding the evidence for it.
    pub(super) fn cost(
        &self,
        table: &BeadEvidence,
        scratch: &mut Scratch,
        s: Range<usize>,
        t: Range<usize>,
    ) -> f64 {
        let shape = shape_index(s.len(), t.len()).expect("search only proposes known shapes");
        self.cost_with(shape, s, t, |s, t| table.score(s, t, scratch))
    }

    /// The price of bead `s`-`t` of shape `shape`, with `lexical(s, t)` its lexical evidence.
    #[inline(always)]
    fn cost_with(
        &self,
        shape: usize,
        s: Range<usize>,
        t: Range<usize>,
        lexical: impl FnOnce(Range<usize>, Range<usize>) -> f64,
    ) -> f64 {
        if self.structure.is_some_and(|st| st.crosses(&s, &t)) {
            return f64::INFINITY;
        }
        let all_noise =
            |prefix: &[usize], r: &Range<usize>| prefix[r.end] - prefix[r.start] == r.len();
        if (t.is_empty() && all_noise(&self.query_noise, &s))
            || (s.is_empty() && all_noise(&self.other_noise, &t))
        {
            return NOISE_LONE_COST * (s.len() + t.len()) as f64;
        }
        let ql = self.query_prefix[s.end] - self.query_prefix[s.start];
        let ol = self.other_prefix[t.end] - self.other_prefix[t.start];
        self.model.bead_cost(shape, ql, ol, lexical(s, t))
    }
}

/// A search's prices: each block of rows gets the evidence its beads need, built when the search
/// reaches it (on long documents whole tables would be the bulk of the memory).
pub(super) struct SearchPrices<'a> {
    pub(super) pricing: Pricing<'a>,
    tests: &'a EvidenceTests,
    features: &'a Features,
    postings: &'a SidePostings,
    band: &'a Band,
}

impl<'a> SearchPrices<'a> {
    pub(super) fn new(
        band: &'a Band,
        features: &'a Features,
        postings: &'a SidePostings,
        tests: &'a EvidenceTests,
        model: &'a Model,
        structure: Option<&'a Structure>,
    ) -> SearchPrices<'a> {
        SearchPrices {
            pricing: Pricing::new(features, model, structure),
            tests,
            features,
            postings,
            band,
        }
    }
}

impl BeadPrices for SearchPrices<'_> {
    type Prepared = BeadEvidence;
    type Scratch = SharedEvidence;

    /// The evidence for the beads ending in `rows` of the band.
    fn prepare(&self, rows: Range<usize>) -> BeadEvidence {
        let first = rows.start.saturating_sub(MAX_BEAD_SIDE);
        let last = rows.end - 1;
        let other = self.band.lo[first]..self.band.hi[last].min(self.features.other.len());
        let query = first..rows.end.min(self.features.query.len());
        self.tests
            .table(self.features, self.postings, self.band, query, other)
    }

    fn scratch(&self) -> SharedEvidence {
        SharedEvidence::default()
    }

    fn price_rows(
        &self,
        table: &BeadEvidence,
        shared: &mut SharedEvidence,
        grid: &Grid<'_>,
        rows: Range<usize>,
        out: &mut [f32],
    ) {
        shared.start(rows.end);
        dp::price_each_cell(grid, rows, out, |i, j, shapes, cell| {
            if shapes.len() == BEAD_SHAPES.len() {
                // Most cells: every shape starts inside the band, and each shape's pricing is
                // compiled for its own sizes.
                shared.gather(table, grid, (i, j), MAX_SOURCE_SIDE, MAX_TARGET_SIDE);
                price_every_shape(&self.pricing, shared, i, j, cell);
                return;
            }
            let (mut most_query, mut most_other) = (0, 0);
            for &k in shapes {
                if let (a @ 1.., b @ 1..) = BEAD_SHAPES[k as usize] {
                    most_query = most_query.max(a);
                    most_other = most_other.max(b);
                }
            }
            shared.gather(table, grid, (i, j), most_query, most_other);
            for &k in shapes {
                let (a, b) = BEAD_SHAPES[k as usize];
                let cost = self
                    .pricing
                    .cost_with(k as usize, i - a..i, j - b..j, |s, t| {
                        shared.lexical(s.len(), t.len())
                    });
                cell[k as usize] = cost as f32;
            }
        });
    }
}

/// The price of the bead of shape `K` ending in cell (`i`, `j`), to `cell[K]`, with the evidence
/// [`SharedEvidence::gather`] found for the cell.
#[inline(always)]
fn price_shape<const K: usize>(
    pricing: &Pricing<'_>,
    shared: &SharedEvidence,
    i: usize,
    j: usize,
    cell: &mut [f32],
) {
    let (a, b) = BEAD_SHAPES[K];
    let cost = pricing.cost_with(K, i - a..i, j - b..j, |s, t| {
        shared.lexical(s.len(), t.len())
    });
    cell[K] = cost as f32;
}

/// [`price_shape`] of each of [`BEAD_SHAPES`], in order.
#[inline(always)]
fn price_every_shape(
    pricing: &Pricing<'_>,
    shared: &SharedEvidence,
    i: usize,
    j: usize,
    cell: &mut [f32],
) {
    for_each_shape!(K => {
        price_shape::<K>(pricing, shared, i, j, cell);
    });
}

/// What each sentence brings to the beads ending at one sentence of the other side, kept while
/// the rows being priced can use it: a query sentence's for the beads of the next
/// [`MAX_SOURCE_SIDE`] rows, an other sentence's for the beads ending in the current row. The
/// lexical evidence of a bead is summed from them in the order [`BeadEvidence::score`] sums,
/// so it has the same bits.
#[derive(Default)]
pub(super) struct SharedEvidence {
    /// The last row of the rows being priced.
    last_row: usize,
    /// The query sentences of the last [`MAX_SOURCE_SIDE`] rows, each by its index modulo that.
    query: [Kept; MAX_SOURCE_SIDE],
    /// The other sentences, for the current row.
    other: Kept,
    /// The terms of the sentences of the beads ending in the cell being priced, the nearest
    /// first.
    cell_query: [Terms; MAX_SOURCE_SIDE],
    cell_other: [Terms; MAX_TARGET_SIDE],
}

/// One sentence's (or, for `other`, one row's) terms, by the position the beads end at.
struct Kept {
    /// The sentence or row they are for; `usize::MAX` for none.
    key: usize,
    first: usize,
    terms: Vec<Option<Terms>>,
}

impl Default for Kept {
    fn default() -> Kept {
        Kept {
            key: usize::MAX,
            first: 0,
            terms: Vec::new(),
        }
    }
}

/// (baseline, gains) for beads whose other side has 1, 2, … sentences.
type Terms = [(f64, f64); MAX_BEAD_SIDE];

impl Kept {
    fn reset(&mut self, key: usize, positions: Range<usize>) {
        self.key = key;
        self.first = positions.start;
        self.terms.clear();
        self.terms.resize(positions.len(), None);
    }
}

impl SharedEvidence {
    /// Forget what was kept: the rows up to `end` (exclusive) are priced next, with a new table.
    fn start(&mut self, end: usize) {
        self.last_row = end - 1;
        for kept in self.query.iter_mut().chain([&mut self.other]) {
            kept.key = usize::MAX;
        }
    }

    /// Find the terms of the sentences the beads ending in `cell` hold: the `query` nearest
    /// rows and the `other` nearest columns.
    #[inline(always)]
    fn gather(
        &mut self,
        table: &BeadEvidence,
        grid: &Grid<'_>,
        cell: (usize, usize),
        query: usize,
        other: usize,
    ) {
        let (i, j) = cell;
        for back in 0..query {
            self.cell_query[back] = self.query_terms(table, grid, i - 1 - back, j);
        }
        for back in 0..other {
            self.cell_other[back] = self.other_terms(table, grid, j - 1 - back, i);
        }
    }

    /// [`BeadEvidence::score`] of the bead of `a` query and `b` other sentences ending in the
    /// cell [`SharedEvidence::gather`] was last called for.
    #[inline(always)]
    fn lexical(&self, a: usize, b: usize) -> f64 {
        if a == 0 || b == 0 {
            return 0.0;
        }
        let forward = sum_rows((0..a).rev().map(|back| self.cell_query[back][b - 1]));
        let backward = sum_rows((0..b).rev().map(|back| self.cell_other[back][a - 1]));
        both_directions(forward, backward)
    }

    /// What query sentence `r` brings to beads ending at other position `end`.
    fn query_terms(
        &mut self,
        table: &BeadEvidence,
        grid: &Grid<'_>,
        r: usize,
        end: usize,
    ) -> Terms {
        let kept = &mut self.query[r % MAX_SOURCE_SIDE];
        if kept.key != r {
            // The rows whose beads can hold sentence `r` end in these columns.
            let first = *grid.columns(r + 1).start();
            let last = *grid.columns((r + MAX_SOURCE_SIDE).min(self.last_row)).end();
            kept.reset(r, first..last + 1);
        }
        let slot = &mut kept.terms[end - kept.first];
        *slot.get_or_insert_with(|| {
            let mut terms = [(0.0, 0.0); MAX_BEAD_SIDE];
            let most = MAX_TARGET_SIDE.min(end);
            table.query_scores_ending(r, end, most, &mut terms);
            terms
        })
    }

    /// What other sentence `c` brings to beads ending at row `end` (the row being priced).
    fn other_terms(
        &mut self,
        table: &BeadEvidence,
        grid: &Grid<'_>,
        c: usize,
        end: usize,
    ) -> Terms {
        let kept = &mut self.other;
        if kept.key != end {
            let columns = grid.columns(end);
            let first = columns.start().saturating_sub(MAX_TARGET_SIDE);
            kept.reset(end, first..*columns.end());
        }
        let slot = &mut kept.terms[c - kept.first];
        *slot.get_or_insert_with(|| {
            let mut terms = [(0.0, 0.0); MAX_BEAD_SIDE];
            let most = MAX_SOURCE_SIDE.min(end);
            table.other_scores_ending(c, end, most, &mut terms);
            terms
        })
    }
}

fn prefix_counts(flags: &[bool]) -> Vec<usize> {
    let mut out = Vec::with_capacity(flags.len() + 1);
    out.push(0);
    for &f in flags {
        out.push(out[out.len() - 1] + usize::from(f));
    }
    out
}

fn prefix_sums(lengths: &[u32]) -> Vec<u64> {
    let mut out = Vec::with_capacity(lengths.len() + 1);
    let mut acc = 0;
    out.push(0);
    for &l in lengths {
        acc += u64::from(l);
        out.push(acc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::lexical::MAX_CHANCE;
    use crate::lang::Lang;

    fn corpus(file: &str) -> String {
        let path = format!(
            "{}/corpora/ilya-stanford/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).expect("the bundled corpus")
    }

    /// The prices of a block's beads, priced in tasks of rows that keep what sentences bring, are
    /// those of each bead priced on its own ([`Pricing::cost`]), bit for bit, with a table made
    /// for the block or for every row; on the bundled interview.
    #[test]
    fn shared_evidence_gives_each_beads_own_price() {
        let (zh, en) = (corpus("zh.sentences"), corpus("en.sentences"));
        let query: Vec<&str> = zh.lines().collect();
        let other: Vec<&str> = en.lines().collect();
        let features = Features::build(&query, Lang::ZH, &other, Lang::EN, &[]);
        let (n, m) = (query.len(), other.len());
        let model = Model::prior(&features, Lang::ZH, Lang::EN);
        let postings = SidePostings::new(&features);
        let tests = EvidenceTests::new(&features, &model.recall, MAX_CHANCE);
        // A band of 12 columns each side of the diagonal.
        let diagonal = |i: usize| i * m / n;
        let band = Band::from_bounds(
            (0..=n).map(|i| diagonal(i).saturating_sub(12)).collect(),
            (0..=n).map(|i| diagonal(i) + 12).collect(),
            m,
        );
        let grid = Grid::new(&band);
        let prices = SearchPrices::new(&band, &features, &postings, &tests, &model, None);
        let (r0, r1) = (100, 260);
        let cells = grid.row_start(r1) - grid.row_start(r0);
        let mut own = vec![f32::INFINITY; cells * 13];
        let whole = prices.prepare(1..n + 1);
        let mut scratch = Scratch::default();
        dp::price_each_bead(&grid, r0..r1, &mut own, |_, s, t| {
            prices.pricing.cost(&whole, &mut scratch, s, t)
        });
        // Many 1-1 beads of the block have evidence for them (the test compares real sums).
        let evidenced = (r0..r1)
            .filter(|&i| {
                grid.columns(i)
                    .any(|j| j > 0 && whole.score(i - 1..i, j - 1..j, &mut scratch) > 1.0)
            })
            .count();
        assert!(evidenced > 50, "{evidenced}");

        for table in [prices.prepare(r0..r1), whole] {
            let mut shared = prices.scratch();
            let mut out = vec![f32::INFINITY; cells * 13];
            let cut = grid.row_start(r0 + 37) - grid.row_start(r0);
            let (first, rest) = out.split_at_mut(cut * 13);
            prices.price_rows(&table, &mut shared, &grid, r0..r0 + 37, first);
            prices.price_rows(&table, &mut shared, &grid, r0 + 37..r1, rest);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>();
            assert_eq!(bits(&out), bits(&own));
        }
    }
}
