//! Lexical evidence for candidate beads, as a log-likelihood ratio: for each token of one side that
//! has translations, is one of them in the bead's other side? A match is worth more the less likely
//! it is by chance (rare words, one sentence rather than four), and a token left without its
//! translation counts a little against the bead. Chance comes from how many sentences of the other
//! side contain the translations; how often a real translation shows up (`recall`) is estimated
//! from the document pair itself. Both directions are tested, so that a sentence merged into a
//! bead where it has no business costs its own untranslated words.

use std::ops::Range;

use std::sync::Arc;

use rayon::prelude::*;

use crate::anchor::{Direction, Evidence};

/// P(a tested token's translation is in its true bead): per kind of [`Evidence`], and per token
/// once a path has shown how the document translates it, shrunk toward its kind. A word whose
/// dictionary senses the translation never uses (的 → "target") stops counting against beads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Recall {
    pub by_kind: [f64; Evidence::COUNT],
    /// (found, tested) per row token, from the previous path; empty before there is one.
    by_token: Vec<(u32, u32)>,
}

/// A token's own record weighs as much as this many observations of its kind.
const SHRINK_TO_KIND: f64 = 4.0;
/// A kind needs this many tested tokens before its own recall replaces the prior.
const MIN_TESTED: usize = 50;

impl Recall {
    pub(crate) fn prior(recall: [f64; Evidence::COUNT]) -> Recall {
        Recall {
            by_kind: recall,
            by_token: Vec::new(),
        }
    }

    pub fn of(&self, token: u32, kind: Evidence) -> f64 {
        let prior = self.by_kind[kind as usize];
        match self.by_token.get(token as usize) {
            Some(&(found, tested)) if tested > 0 => {
                (f64::from(found) + SHRINK_TO_KIND * prior) / (f64::from(tested) + SHRINK_TO_KIND)
            }
            _ => prior,
        }
    }

    /// Re-estimate from what a path's beads found.
    pub(crate) fn refit(&self, counts: &Coverage) -> Recall {
        let mut by_kind = self.by_kind;
        for (r, &(found, tested)) in by_kind.iter_mut().zip(&counts.by_kind) {
            if tested >= MIN_TESTED {
                *r = (found as f64 / tested as f64).clamp(0.1, 0.9);
            }
        }
        Recall {
            by_kind,
            by_token: counts.by_token.clone(),
        }
    }
}

/// Tested and found tokens over the beads of a path, per kind and per token.
#[derive(Debug, Clone, Default)]
pub(crate) struct Coverage {
    by_kind: [(usize, usize); Evidence::COUNT],
    by_token: Vec<(u32, u32)>,
}

use super::band::{Step, MAX_BEAD_SIDE as MAX_SIDE};

/// For each token of one side, the sentences that contain it (ascending), in compressed rows:
/// token `id`'s are `sentences[starts[id]..starts[id + 1]]`. One list per token would cost a
/// vector header per token and let each list's spare capacity add up (an eighth of the memory
/// of a million-sentence pair went to postings).
pub(crate) struct Postings {
    starts: Vec<usize>,
    sentences: Vec<u32>,
}

impl Postings {
    pub fn new(tokens: &crate::anchor::TokenLists, vocab_len: usize) -> Postings {
        let mut starts = vec![0usize; vocab_len + 1];
        for ids in tokens.iter() {
            for &id in ids {
                starts[id as usize + 1] += 1;
            }
        }
        for id in 0..vocab_len {
            starts[id + 1] += starts[id];
        }
        let mut next = starts.clone();
        let mut sentences = vec![0u32; starts[vocab_len]];
        for (j, ids) in tokens.iter().enumerate() {
            for &id in ids {
                sentences[next[id as usize]] = j as u32;
                next[id as usize] += 1;
            }
        }
        Postings { starts, sentences }
    }

    pub(crate) fn sentences_with(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.sentences[self.starts[id]..self.starts[id + 1]]
    }

    /// How many tokens the index has room for.
    fn len(&self) -> usize {
        self.starts.len() - 1
    }
}

/// Where each column token's postings were last searched on this thread: the rows of a table
/// are built in order and their windows move forward together, so a token met again continues
/// from its last place instead of a binary search over its whole list (at a million sentences,
/// those searches of frequent words' long lists were a fifth of the time). A place is only a
/// hint: one left by another table or another window is checked before it is used, so the
/// result never depends on it.
struct PostingCursors {
    place: Vec<u32>,
}

/// A cursor steps forward one posting at a time this many times before it searches the rest.
const CURSOR_STEPS: usize = 8;

/// A list this short is searched whole: a few comparisons in one cache line or two.
const SHORT_POSTINGS: usize = 32;

thread_local! {
    static POSTING_CURSORS: std::cell::RefCell<PostingCursors> =
        const { std::cell::RefCell::new(PostingCursors { place: Vec::new() }) };
}

impl PostingCursors {
    /// Run `f` with this thread's cursors, with room for `tokens` tokens.
    fn with<R>(tokens: usize, f: impl FnOnce(&mut PostingCursors) -> R) -> R {
        POSTING_CURSORS.with_borrow_mut(|cursors| {
            if cursors.place.len() < tokens {
                cursors.place.resize(tokens, 0);
            }
            f(cursors)
        })
    }

    /// The first index of `list` (token `o`'s postings, ascending) whose sentence is `lo` or later.
    fn first_at_least(&mut self, o: u32, list: &[u32], lo: u32) -> usize {
        if list.len() <= SHORT_POSTINGS {
            return list.partition_point(|&j| j < lo);
        }
        let place = &mut self.place[o as usize];
        let mut k = (*place as usize).min(list.len());
        if k > 0 && list[k - 1] >= lo {
            k = list[..k].partition_point(|&j| j < lo);
        } else {
            let mut steps = 0;
            while k < list.len() && list[k] < lo && steps < CURSOR_STEPS {
                k += 1;
                steps += 1;
            }
            if k < list.len() && list[k] < lo {
                k += list[k..].partition_point(|&j| j < lo);
            }
        }
        *place = k as u32;
        k
    }
}

/// What a row token brings to any bead it is tested in: it depends on the token alone (its
/// translations' density, its recall), not on the sentence.
#[derive(Debug, Clone, Copy)]
struct TokenTest {
    /// For each other-side size b = 1..=5: what finding a translation adds over not finding one.
    gain: [f32; MAX_SIDE],
    /// For each b: what the token adds to its sentence's baseline when nothing is found.
    missing: [f32; MAX_SIDE],
    tested: bool,
    kind: Evidence,
}

impl TokenTest {
    const UNTESTED: TokenTest = TokenTest {
        gain: [0.0; MAX_SIDE],
        missing: [0.0; MAX_SIDE],
        tested: false,
        kind: Evidence::Identity,
    };
}

/// The row tokens of one row sentence that find a translation in each column sentence of its
/// window, in a compact layout shared by all rows (no allocation per row): the matched token ids
/// of row `i`, grouped by column and ascending within a column, are
/// `matched[match_start[i]..match_start[i + 1]]`; `first` says where each column's group starts.
pub(crate) struct MatchTable {
    /// Per row token id.
    tests: Arc<[TokenTest]>,
    /// The table holds rows `first_row..first_row + baseline.len()`.
    first_row: usize,
    /// Per row: for each b, the evidence if no token finds its translation.
    baseline: Vec<[f32; MAX_SIDE]>,
    /// Per row: the first column of its window.
    window_start: Vec<u32>,
    /// Per row, and one past the last: where its matches start in `matched`.
    match_start: Vec<u64>,
    matched: Vec<u32>,
    /// Per row, and one past the last: where its column index starts in `first16` (or, with
    /// [`WIDE`] set, in `first32`): for each column `j` of the window and the one past it, how many
    /// of the row's matches are in columns before `j`. Rows with more than `u16::MAX` matches
    /// (none in ordinary text) use `first32`.
    first_start: Vec<u64>,
    first16: Vec<u16>,
    first32: Vec<u32>,
}

/// Marks a row whose column index is in `first32`.
const WIDE: u64 = 1 << 63;

/// One row of a [`MatchTable`]: its matched tokens and where each column's group starts.
struct RowMatches<'t> {
    matched: &'t [u32],
    window_start: u32,
    index: ColumnIndex<'t>,
}

/// For each column of a row's window and the one past it, how many matches are before it.
enum ColumnIndex<'t> {
    Narrow(&'t [u16]),
    Wide(&'t [u32]),
}

impl<'t> RowMatches<'t> {
    /// How many of the row's matches are in columns before `j`.
    fn before(&self, j: u32) -> usize {
        let Some(k) = j.checked_sub(self.window_start) else {
            return 0;
        };
        let k = k as usize;
        match self.index {
            ColumnIndex::Narrow(index) => index.get(k).map_or(self.matched.len(), |&c| c.into()),
            ColumnIndex::Wide(index) => index.get(k).map_or(self.matched.len(), |&c| c as usize),
        }
    }

    /// The matched tokens in columns `lo..hi`, in (column, token) order.
    fn within(&self, lo: u32, hi: u32) -> &'t [u32] {
        let (a, b) = (self.before(lo), self.before(hi));
        &self.matched[a..b.max(a)]
    }
}

/// A path's evidence is built for this many beads at a time.
const PATH_TABLE_BEADS: usize = 1 << 16;

/// Rows are built in parallel in groups of this many, then appended in order.
const BUILD_GROUP: usize = 16_384;

/// Each task builds this many rows of a group, one after the other.
const BUILD_TASK: usize = 128;

/// A task's rows while a group is built: each row's entries, and where each row's ends in the
/// flat lists.
#[derive(Default)]
struct RowsBuild {
    baseline: Vec<[f32; MAX_SIDE]>,
    window_start: Vec<u32>,
    matched: Vec<u32>,
    match_end: Vec<usize>,
    first: Vec<u32>,
    first_end: Vec<usize>,
}

impl RowsBuild {
    fn with_rows(rows: usize) -> RowsBuild {
        RowsBuild {
            baseline: Vec::with_capacity(rows),
            window_start: Vec::with_capacity(rows),
            match_end: Vec::with_capacity(rows),
            first_end: Vec::with_capacity(rows),
            ..RowsBuild::default()
        }
    }
}

impl MatchTable {
    /// `postings` index the columns' tokens; `window(i)` gives the column sentences row `i` may
    /// share a bead with; `recall` is the probability that a tested token's translation is present
    /// in a true bead.
    /// What each row token brings when tested (`recall`: the probability that a tested token's
    /// translation is present in a true bead).
    fn token_tests(
        direction: &Direction<'_>,
        recall: &Recall,
        max_chance: f64,
    ) -> Arc<[TokenTest]> {
        let m = direction.columns.max(1) as f64;
        // Tokens share their few (density, recall) pairs (a translation in one sentence of a
        // short document, the recall of its kind): each pair's logarithms are computed once.
        let mut computed: fnv::FnvHashMap<(u64, u64), TokenTest> = Default::default();
        (0..direction.translations.len())
            .map(|q| {
                // A whole number: the same bits as adding the frequencies as floats.
                let in_sentences: u64 = direction.translations[q]
                    .iter()
                    .map(|&o| u64::from(direction.column_df[o as usize]))
                    .sum();
                let density = in_sentences as f64 / m;
                // A token whose translations are in most sentences anyway is no test at all (and
                // would flood coarse levels, where blocks share most words, with matches).
                if density == 0.0 || density >= max_chance {
                    return TokenTest::UNTESTED;
                }
                let kind = direction.evidence[q];
                let recall = recall.of(q as u32, kind);
                let test = *computed
                    .entry((in_sentences, recall.to_bits()))
                    .or_insert_with(|| {
                        let mut test = TokenTest {
                            tested: true,
                            ..TokenTest::UNTESTED
                        };
                        for b in 0..MAX_SIDE {
                            let chance = (density * (b + 1) as f64).min(max_chance);
                            let found = (recall / chance).ln();
                            let missing = ((1.0 - recall) / (1.0 - chance)).ln();
                            test.gain[b] = (found - missing).max(0.0) as f32;
                            test.missing[b] = missing.min(0.0) as f32;
                        }
                        test
                    });
                TokenTest { kind, ..test }
            })
            .collect()
    }

    /// The rows `rows` of the table: `postings` index the columns' tokens; `window(i)` gives the
    /// column sentences row `i` may share a bead with.
    fn new(
        direction: &Direction<'_>,
        postings: &Postings,
        tests: Arc<[TokenTest]>,
        rows: Range<usize>,
        window: impl Fn(usize) -> Range<usize> + Sync,
    ) -> MatchTable {
        let count = rows.len();
        let mut table = MatchTable {
            tests,
            first_row: rows.start,
            baseline: Vec::with_capacity(count),
            window_start: Vec::with_capacity(count),
            match_start: Vec::with_capacity(count + 1),
            matched: Vec::new(),
            first_start: Vec::with_capacity(count + 1),
            first16: Vec::new(),
            first32: Vec::new(),
        };
        table.match_start.push(0);
        table.first_start.push(0);
        let tests = &table.tests;
        // Each row's entry is independent of the others: built in parallel, a group at a time,
        // and appended in order.
        for group in rows.clone().step_by(BUILD_GROUP) {
            let group = group..(group + BUILD_GROUP).min(rows.end);
            let built: Vec<RowsBuild> = group
                .step_by(BUILD_TASK)
                .collect::<Vec<usize>>()
                .into_par_iter()
                .map(|first| {
                    PostingCursors::with(postings.len(), |cursors| {
                        let task = first..(first + BUILD_TASK).min(rows.end);
                        let mut built = RowsBuild::with_rows(task.len());
                        // (column, token) pairs of a row as found: tokens ascending, and each
                        // token's columns ascending.
                        let mut pairs: Vec<(u32, u32)> = Vec::new();
                        let (mut column_start, mut column_fill) = (Vec::new(), Vec::new());
                        let mut by_column: Vec<u32> = Vec::new();
                        for i in task {
                            let range = window(i);
                            let (lo, hi) = (range.start as u32, range.end as u32);
                            let mut baseline = [0.0f32; MAX_SIDE];
                            pairs.clear();
                            for &q in &direction.rows[i] {
                                let test = &tests[q as usize];
                                if !test.tested {
                                    continue;
                                }
                                for (base, &miss) in baseline.iter_mut().zip(&test.missing) {
                                    *base += miss;
                                }
                                for &o in &direction.translations[q as usize] {
                                    let list = postings.sentences_with(o);
                                    let from = cursors.first_at_least(o, list, lo);
                                    for &j in list[from..].iter().take_while(|&&j| j < hi) {
                                        pairs.push((j, q));
                                    }
                                }
                            }
                            // The pairs by column, in the order they were found (a counting
                            // sort): the row's tokens ascend, so each column's do too, in the
                            // order the search sums gains in, and a token with two translations
                            // in one column is there twice, side by side.
                            let width = hi.saturating_sub(lo) as usize;
                            column_start.clear();
                            column_start.resize(width + 1, 0usize);
                            for &(j, _) in &pairs {
                                column_start[(j - lo) as usize + 1] += 1;
                            }
                            for c in 0..width {
                                column_start[c + 1] += column_start[c];
                            }
                            column_fill.clear();
                            column_fill.extend_from_slice(&column_start[..width]);
                            by_column.clear();
                            by_column.resize(pairs.len(), 0);
                            for &(j, q) in &pairs {
                                let fill = &mut column_fill[(j - lo) as usize];
                                by_column[*fill] = q;
                                *fill += 1;
                            }
                            built.baseline.push(baseline);
                            built.window_start.push(lo);
                            let row_start = built.matched.len();
                            for c in 0..width {
                                built.first.push((built.matched.len() - row_start) as u32);
                                let column = &by_column[column_start[c]..column_start[c + 1]];
                                for (k, &q) in column.iter().enumerate() {
                                    if k == 0 || column[k - 1] != q {
                                        built.matched.push(q);
                                    }
                                }
                            }
                            built.first.push((built.matched.len() - row_start) as u32);
                            built.first_end.push(built.first.len());
                            built.match_end.push(built.matched.len());
                        }
                        built
                    })
                })
                .collect();
            for built in built {
                let (mut first_from, mut match_from) = (0, 0);
                for (r, (&first_end, &match_end)) in
                    built.first_end.iter().zip(&built.match_end).enumerate()
                {
                    let first = &built.first[first_from..first_end];
                    let matched = &built.matched[match_from..match_end];
                    (first_from, match_from) = (first_end, match_end);
                    table.baseline.push(built.baseline[r]);
                    table.window_start.push(built.window_start[r]);
                    table.matched.extend_from_slice(matched);
                    table.match_start.push(table.matched.len() as u64);
                    if matched.len() <= usize::from(u16::MAX) {
                        table.first16.extend(first.iter().map(|&k| k as u16));
                        table.first_start.push(table.first16.len() as u64);
                    } else {
                        table.first32.extend_from_slice(first);
                        table.first_start.push(table.first32.len() as u64 | WIDE);
                    }
                }
            }
        }
        table.matched.shrink_to_fit();
        table.first16.shrink_to_fit();
        table
    }

    /// Row `i`'s matches with their column index.
    fn row_matches(&self, i: usize) -> RowMatches<'_> {
        let i = i - self.first_row;
        let (from, to) = (self.first_start[i], self.first_start[i + 1]);
        RowMatches {
            matched: &self.matched[self.match_start[i] as usize..self.match_start[i + 1] as usize],
            window_start: self.window_start[i],
            index: if to & WIDE != 0 {
                ColumnIndex::Wide(&self.first32[(from & !WIDE) as usize..(to & !WIDE) as usize])
            } else {
                ColumnIndex::Narrow(&self.first16[from as usize..to as usize])
            },
        }
    }

    /// The matched tokens of row `i` in columns `lo..hi`, in (column, token) order.
    fn matches(&self, i: usize, lo: u32, hi: u32) -> &[u32] {
        self.row_matches(i).within(lo, hi)
    }

    /// Evidence, in nats, that row sentences `src` and column sentences `tgt` translate each
    /// other. Zero for a bead with an empty side: nothing is tested.
    pub fn score(&self, src: Range<usize>, tgt: Range<usize>, scratch: &mut Scratch) -> f64 {
        if src.is_empty() || tgt.is_empty() {
            return 0.0;
        }
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        sum_rows(src.map(|i| scratch.row_score(self, i, lo, hi)))
    }

    /// What row `i` brings to a bead with the columns `lo..hi`: its baseline, and the gains of its
    /// tokens that find a translation there.
    fn row_score(&self, i: usize, lo: u32, hi: u32) -> (f64, f64) {
        let b = ((hi - lo) as usize).min(MAX_SIDE) - 1;
        let baseline = f64::from(self.baseline[i - self.first_row][b]);
        (baseline, self.gains(self.matches(i, lo, hi), b))
    }

    /// [`MatchTable::row_score`] of row `i` for the columns `hi - b..hi`, for each `b` in
    /// `1..=most`, in `out[b - 1]`: the column index of the row is looked up once, and which of
    /// the row's matches repeat a token is found once for all the beads, whose columns nest.
    fn row_scores_ending(&self, i: usize, hi: u32, most: usize, out: &mut [(f64, f64); MAX_SIDE]) {
        let row = self.row_matches(i);
        let baseline = &self.baseline[i - self.first_row];
        let end = row.before(hi);
        let widest = row.before(hi - most as u32).min(end);
        let all = &row.matched[widest..end];
        if all.is_empty() {
            // Most rows far from the path: no bead finds a translation. (The sum of no gains,
            // as the sums below give it, sign of zero included.)
            let nothing = std::iter::empty::<f64>().sum::<f64>();
            for b in 1..=most {
                out[b - 1] = (f64::from(baseline[b - 1]), nothing);
            }
            return;
        }
        if all.len() > NEAREST_REPEATS {
            for b in 1..=most {
                let from = row.before(hi - b as u32);
                let within = &row.matched[from..end.max(from)];
                out[b - 1] = (f64::from(baseline[b - 1]), self.gains(within, b - 1));
            }
            return;
        }
        // For each match, where its token was last matched before it (in `all`), if it was.
        let mut last_before = [NOT_BEFORE; NEAREST_REPEATS];
        let mut seen = 0u64;
        for (p, last) in last_before[..all.len()].iter_mut().enumerate() {
            if let Some(k) = earlier_copy(all, p, &mut seen) {
                *last = k as u8;
            }
        }
        for b in 1..=most {
            // A match counts in the bead unless its token was matched before it in the bead.
            let from = row.before(hi - b as u32).clamp(widest, end) - widest;
            let gains = all[from..]
                .iter()
                .zip(&last_before[from..])
                .filter(|&(_, &k)| k == NOT_BEFORE || usize::from(k) < from)
                .map(|(&q, _)| f64::from(self.tests[q as usize].gain[b - 1]))
                .sum::<f64>();
            out[b - 1] = (f64::from(baseline[b - 1]), gains);
        }
    }

    /// The gains of the matched tokens `within` a bead whose other side has `b + 1` sentences,
    /// each token counted once.
    fn gains(&self, within: &[u32], b: usize) -> f64 {
        if b == 0 || within.len() < 2 {
            // One column holds each token once (and one token is once anyway).
            return within
                .iter()
                .map(|&q| f64::from(self.tests[q as usize].gain[b]))
                .sum::<f64>();
        }
        // Each token counts once (this is the search's innermost loop).
        let mut seen = 0u64;
        (0..within.len())
            .filter(|&p| earlier_copy(within, p, &mut seen).is_none())
            .map(|p| f64::from(self.tests[within[p] as usize].gain[b]))
            .sum::<f64>()
    }

    /// Add how many tested tokens of `src` find a translation in `tgt`, and how many were tested;
    /// `rows` are the row sentences' tokens the table was built from.
    pub(crate) fn coverage(
        &self,
        rows: &crate::anchor::TokenLists,
        src: Range<usize>,
        tgt: Range<usize>,
        counts: &mut Coverage,
    ) {
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        for i in src {
            let mut found: Vec<u32> = self.matches(i, lo, hi).to_vec();
            found.sort_unstable();
            for &id in &rows[i] {
                let test = &self.tests[id as usize];
                if !test.tested {
                    continue;
                }
                let hit = found.binary_search(&id).is_ok();
                let by_kind = &mut counts.by_kind[test.kind as usize];
                by_kind.1 += 1;
                by_kind.0 += usize::from(hit);
                if counts.by_token.len() <= id as usize {
                    counts.by_token.resize(id as usize + 1, (0, 0));
                }
                let by_token = &mut counts.by_token[id as usize];
                by_token.1 += 1;
                by_token.0 += u32::from(hit);
            }
        }
    }
}

/// Where the token at `tokens[p]` was last before `p`, if it was; `seen` is a 64-bit mask of the
/// hashes of `tokens[..p]`, kept by the caller over `p = 0, 1, …`. The mask says which tokens
/// cannot have been seen before, and only the others are looked for among the tokens before
/// them: the tokens of a bead are few, and a stamp per token in a vocabulary-sized array missed
/// the cache on long documents.
#[inline(always)]
fn earlier_copy(tokens: &[u32], p: usize, seen: &mut u64) -> Option<usize> {
    let q = tokens[p];
    // A hash of the token, so that neighbouring ids do not share bits.
    let bit = 1u64 << (q.wrapping_mul(0x9E37_79B9) >> 26);
    let maybe = *seen & bit != 0;
    *seen |= bit;
    if maybe {
        tokens[..p].iter().rposition(|&o| o == q)
    } else {
        None
    }
}

/// [`MatchTable::row_scores_ending`] finds repeated tokens once for rows with at most this many
/// matches in the widest bead (almost all); `u8` positions leave room for [`NOT_BEFORE`].
const NEAREST_REPEATS: usize = 64;
const NOT_BEFORE: u8 = u8::MAX;

/// The latest row scores, since the beads ending in one cell share most of their rows (the 21
/// pair beads ending in a cell score 11 distinct (row, columns) pairs in each direction).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    rows: Vec<RowScore>,
}

/// One row's score for a run of columns, and which table gave it.
#[derive(Debug, Clone, Copy, Default)]
struct RowScore {
    table: usize,
    row: usize,
    lo: u32,
    hi: u32,
    baseline: f64,
    gains: f64,
}

/// Row scores kept in a [`Scratch`], by a hash of what they are for.
const ROW_SCORES: usize = 64;

impl Scratch {
    /// [`MatchTable::row_score`], or the same numbers from when it was last asked.
    fn row_score(&mut self, table: &MatchTable, i: usize, lo: u32, hi: u32) -> (f64, f64) {
        if self.rows.is_empty() {
            self.rows = vec![
                RowScore {
                    table: 0,
                    ..RowScore::default()
                };
                ROW_SCORES
            ];
        }
        let id = table as *const MatchTable as usize;
        let slot = (i.wrapping_mul(7) ^ (lo as usize).wrapping_mul(31) ^ hi as usize ^ (id >> 4))
            % ROW_SCORES;
        let kept = self.rows[slot];
        if kept.table == id && kept.row == i && kept.lo == lo && kept.hi == hi {
            return (kept.baseline, kept.gains);
        }
        let (baseline, gains) = table.row_score(i, lo, hi);
        self.rows[slot] = RowScore {
            table: id,
            row: i,
            lo,
            hi,
            baseline,
            gains,
        };
        (baseline, gains)
    }
}

/// A translation that half the other side contains says nothing either way.
pub(crate) const MAX_CHANCE: f64 = 0.5;
/// In a coarse search, where blocks share most words, only the rarer words are worth testing.
pub(crate) const MAX_CHANCE_COARSE: f64 = 0.1;

/// Both directions of testing for beads inside one band.
pub(crate) struct BeadEvidence {
    forward: MatchTable,
    backward: MatchTable,
}

/// Recall for the forward and the backward direction.
pub(crate) type Recalls = [Recall; 2];

/// What every row token of each direction brings when tested, for building tables of
/// [`BeadEvidence`] a stretch of rows at a time.
pub(crate) struct EvidenceTests {
    inverse: crate::anchor::Inverse,
    forward: Arc<[TokenTest]>,
    backward: Arc<[TokenTest]>,
}

impl EvidenceTests {
    /// `max_chance`: tokens whose translations are at least this likely by chance are not
    /// tested ([`MAX_CHANCE`] for sentences, [`MAX_CHANCE_COARSE`] for blocks).
    pub fn new(
        features: &crate::anchor::Features,
        recall: &Recalls,
        max_chance: f64,
    ) -> EvidenceTests {
        let inverse = features.inverse();
        let forward = MatchTable::token_tests(&features.forward(), &recall[0], max_chance);
        let backward =
            MatchTable::token_tests(&features.backward(&inverse), &recall[1], max_chance);
        EvidenceTests {
            inverse,
            forward,
            backward,
        }
    }

    /// The evidence for beads of `band` whose query sentences are among `query_rows` and other
    /// sentences among `other_rows`: the same as a table of every row gives them.
    pub fn table(
        &self,
        features: &crate::anchor::Features,
        postings: &SidePostings,
        band: &super::band::Band,
        query_rows: Range<usize>,
        other_rows: Range<usize>,
    ) -> BeadEvidence {
        self.table_with(
            features,
            postings,
            (query_rows, |i| band.window(i)),
            (other_rows, |j| band.rows_near(j)),
        )
    }

    /// The evidence for the beads of a path (`path`, in order, covering both sides), a stretch
    /// of beads at a time: `each(beads, table)` for consecutive stretches, `table` holding the
    /// rows of the stretch's sentences, each matched only within its own bead, which is all its
    /// beads' evidence and coverage need. (A table of a million-sentence pair's every row was
    /// its peak memory.)
    pub(crate) fn path_tables(
        &self,
        features: &crate::anchor::Features,
        postings: &SidePostings,
        path: &[Step],
        mut each: impl FnMut(&[Step], &BeadEvidence),
    ) {
        let query_window = |i: usize| {
            let k = path.partition_point(|(s, _)| s.end <= i);
            path.get(k).map_or(0..0, |(_, t)| t.clone())
        };
        let other_window = |j: usize| {
            let k = path.partition_point(|(_, t)| t.end <= j);
            path.get(k).map_or(0..0, |(s, _)| s.clone())
        };
        for beads in path.chunks(PATH_TABLE_BEADS) {
            let (first, last) = (&beads[0], &beads[beads.len() - 1]);
            let table = self.table_with(
                features,
                postings,
                (first.0.start..last.0.end, query_window),
                (first.1.start..last.1.end, other_window),
            );
            each(beads, &table);
        }
    }

    /// Rows and windows of each direction.
    fn table_with(
        &self,
        features: &crate::anchor::Features,
        postings: &SidePostings,
        query: (Range<usize>, impl Fn(usize) -> Range<usize> + Sync),
        other: (Range<usize>, impl Fn(usize) -> Range<usize> + Sync),
    ) -> BeadEvidence {
        let forward = features.forward();
        let backward = features.backward(&self.inverse);
        BeadEvidence {
            forward: MatchTable::new(
                &forward,
                &postings.other,
                self.forward.clone(),
                query.0,
                query.1,
            ),
            backward: MatchTable::new(
                &backward,
                &postings.query,
                self.backward.clone(),
                other.0,
                other.1,
            ),
        }
    }
}

impl BeadEvidence {
    /// Evidence, in nats, that query sentences `src` and other sentences `tgt` translate each other.
    pub fn score(&self, src: Range<usize>, tgt: Range<usize>, scratch: &mut Scratch) -> f64 {
        both_directions(
            self.forward.score(src.clone(), tgt.clone(), scratch),
            self.backward.score(tgt, src, scratch),
        )
    }

    /// For the bead query sentence `query` brings to beads of the other sentences `end - b..end`:
    /// its baseline and gains for each `b` in `1..=most`, in `out[b - 1]` (the terms
    /// [`sum_rows`] adds).
    pub(crate) fn query_scores_ending(
        &self,
        query: usize,
        end: usize,
        most: usize,
        out: &mut [(f64, f64); MAX_SIDE],
    ) {
        self.forward.row_scores_ending(query, end as u32, most, out);
    }

    /// The same for other sentence `other` and the query sentences `end - a..end`.
    pub(crate) fn other_scores_ending(
        &self,
        other: usize,
        end: usize,
        most: usize,
        out: &mut [(f64, f64); MAX_SIDE],
    ) {
        self.backward
            .row_scores_ending(other, end as u32, most, out);
    }

    /// Add the bead's tested and found tokens, per direction (`features` as the table was
    /// built from).
    pub(crate) fn coverage(
        &self,
        features: &crate::anchor::Features,
        src: Range<usize>,
        tgt: Range<usize>,
        counts: &mut [Coverage; 2],
    ) {
        self.forward.coverage(
            &features.query.tokens,
            src.clone(),
            tgt.clone(),
            &mut counts[0],
        );
        self.backward
            .coverage(&features.other.tokens, tgt, src, &mut counts[1]);
    }
}

/// One direction's evidence for a bead from what each of its row sentences brings (baseline,
/// gains), in order.
pub(crate) fn sum_rows(rows: impl Iterator<Item = (f64, f64)>) -> f64 {
    let mut total = 0.0f64;
    for (baseline, gains) in rows {
        total += baseline;
        total += gains;
    }
    total
}

/// A bead's evidence from its two directions'.
pub(crate) fn both_directions(forward: f64, backward: f64) -> f64 {
    0.5 * (forward + backward)
}

/// Postings of both sides.
pub(crate) struct SidePostings {
    pub(crate) query: Postings,
    pub other: Postings,
}

impl SidePostings {
    pub fn new(features: &crate::anchor::Features) -> SidePostings {
        SidePostings {
            query: Postings::new(&features.query.tokens, features.query.token_count()),
            other: Postings::new(&features.other.tokens, features.other.token_count()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever place a cursor was left at (by the same list, another list, another table), the
    /// first posting at or after `lo` is the one a binary search finds.
    #[test]
    fn a_cursor_finds_what_a_binary_search_finds_from_any_place() {
        let mut state = 0x9e37_79b9_u32;
        let mut random = move |below: u32| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % below.max(1)
        };
        let mut cursors = PostingCursors { place: vec![0; 4] };
        for round in 0..20_000 {
            let len = random(200) as usize;
            let mut list: Vec<u32> = (0..len).map(|_| random(1_000)).collect();
            list.sort_unstable();
            list.dedup();
            let o = random(4);
            if round % 3 == 0 {
                cursors.place[o as usize] = random(400);
            }
            for _ in 0..5 {
                let lo = random(1_100);
                let want = list.partition_point(|&j| j < lo);
                assert_eq!(cursors.first_at_least(o, &list, lo), want, "{list:?} {lo}");
            }
        }
    }
}
