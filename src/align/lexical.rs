//! Lexical evidence for candidate beads, as a log-likelihood ratio: for each token of one side that
//! has translations, is one of them in the bead's other side? A match is worth more the less likely
//! it is by chance (rare words, one sentence rather than four), and a token left without its
//! translation counts a little against the bead. Chance comes from how many sentences of the other
//! side contain the translations; how often a real translation shows up (`recall`) is estimated
//! from the document pair itself. Both directions are tested, so that a sentence merged into a
//! bead where it has no business costs its own untranslated words.

use std::ops::Range;

use rayon::prelude::*;

use crate::anchor::{Direction, Evidence};

/// P(a tested token's translation is in its true bead): per kind of [`Evidence`], and per token
/// once a path has shown how the document translates it, shrunk toward its kind. A word whose
/// dictionary senses the translation never uses (的 → "target") stops counting against beads.
#[derive(Debug, Clone, PartialEq)]
pub struct Recall {
    pub by_kind: [f64; Evidence::COUNT],
    /// (found, tested) per row token, from the previous path; empty before there is one.
    by_token: Vec<(u32, u32)>,
}

/// A token's own record weighs as much as this many observations of its kind.
const SHRINK_TO_KIND: f64 = 4.0;
/// A kind needs this many tested tokens before its own recall replaces the prior.
const MIN_TESTED: usize = 50;

impl Recall {
    pub fn prior(recall: [f64; Evidence::COUNT]) -> Recall {
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
    pub fn refit(&self, counts: &Coverage) -> Recall {
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
pub struct Coverage {
    by_kind: [(usize, usize); Evidence::COUNT],
    by_token: Vec<(u32, u32)>,
}

use super::dp::MAX_BEAD_SIDE as MAX_SIDE;

/// One token of a row sentence finding a translation in column sentence `j`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Match {
    j: u32,
    /// Index of the token among the query sentence's tested tokens.
    token: u32,
}

/// For each token of one side, the sentences that contain it (ascending).
pub struct Postings(Vec<Vec<u32>>);

impl Postings {
    pub fn new(tokens: &[Vec<u32>], vocab_len: usize) -> Postings {
        let mut lists = vec![Vec::new(); vocab_len];
        for (j, ids) in tokens.iter().enumerate() {
            for &id in ids {
                lists[id as usize].push(j as u32);
            }
        }
        Postings(lists)
    }

    pub fn sentences_with(&self, id: u32) -> &[u32] {
        &self.0[id as usize]
    }
}

/// What one row sentence brings to any bead.
#[derive(Debug, Clone, Default)]
struct QuerySentence {
    /// Its matches against nearby other-side sentences, sorted by (j, token).
    matches: Vec<Match>,
    /// For each tested token and each other-side size b = 1..=4: what finding a translation adds
    /// over not finding one.
    gain: Vec<[f32; MAX_SIDE]>,
    /// For each b: the evidence if no token finds its translation.
    baseline: [f32; MAX_SIDE],
    /// The kind of evidence of each tested token.
    kind: Vec<Evidence>,
    /// The row token id of each tested token.
    ids: Vec<u32>,
    /// Speed: for each column sentence `j` of the window, from `window_start` on, the first index
    /// of `matches` with `m.j >= j` (what a binary search would find).
    window_start: u32,
    first: Vec<u32>,
}

impl QuerySentence {
    /// The first index of `matches` at or after column sentence `j`.
    fn first_match(&self, j: u32) -> usize {
        match j
            .checked_sub(self.window_start)
            .and_then(|k| self.first.get(k as usize))
        {
            Some(&k) => k as usize,
            None => self.matches.partition_point(|m| m.j < j),
        }
    }
}

/// Lexical evidence of every row sentence against the column sentences it may share a bead with.
pub struct MatchTable {
    sentences: Vec<QuerySentence>,
}

impl MatchTable {
    /// `postings` index the columns' tokens; `window(i)` gives the column sentences row `i` may
    /// share a bead with; `recall` is the probability that a tested token's translation is present
    /// in a true bead.
    pub fn new(
        direction: &Direction<'_>,
        postings: &Postings,
        recall: &Recall,
        max_chance: f64,
        window: impl Fn(usize) -> Range<usize> + Sync,
    ) -> MatchTable {
        let m = direction.columns.max(1) as f64;
        // Each row's entry is independent of the others: built in parallel, in order.
        let sentences = direction
            .rows
            .par_iter()
            .enumerate()
            .map(|(i, tokens)| {
                let range = window(i);
                let (lo, hi) = (range.start as u32, range.end as u32);
                let mut s = QuerySentence::default();
                for &q in tokens {
                    let translations = &direction.translations[q as usize];
                    let density: f64 = translations
                        .iter()
                        .map(|&o| f64::from(direction.column_df[o as usize]))
                        .sum::<f64>()
                        / m;
                    // A token whose translations are in most sentences anyway is no test at all (and
                    // would flood coarse levels, where blocks share most words, with matches).
                    if density == 0.0 || density >= max_chance {
                        continue;
                    }
                    let k = s.gain.len() as u32;
                    let kind = direction.evidence[q as usize];
                    let recall = recall.of(q, kind);
                    s.kind.push(kind);
                    s.ids.push(q);
                    let mut gain = [0f32; MAX_SIDE];
                    for (b, g) in gain.iter_mut().enumerate() {
                        let chance = (density * (b + 1) as f64).min(max_chance);
                        let found = (recall / chance).ln();
                        let missing = ((1.0 - recall) / (1.0 - chance)).ln();
                        *g = (found - missing).max(0.0) as f32;
                        s.baseline[b] += missing.min(0.0) as f32;
                    }
                    s.gain.push(gain);
                    for &o in translations {
                        let list = postings.sentences_with(o);
                        let from = list.partition_point(|&j| j < lo);
                        for &j in list[from..].iter().take_while(|&&j| j < hi) {
                            s.matches.push(Match { j, token: k });
                        }
                    }
                }
                s.matches.sort_unstable_by_key(|m| (m.j, m.token));
                s.matches.dedup();
                s.window_start = lo;
                s.first = Vec::with_capacity(hi.saturating_sub(lo) as usize + 1);
                let mut k = 0;
                for j in lo..=hi {
                    while k < s.matches.len() && s.matches[k].j < j {
                        k += 1;
                    }
                    s.first.push(k as u32);
                }
                s
            })
            .collect();
        MatchTable { sentences }
    }

    /// Evidence, in nats, that row sentences `src` and column sentences `tgt` translate each
    /// other. Zero for a bead with an empty side: nothing is tested.
    pub fn score(&self, src: Range<usize>, tgt: Range<usize>, scratch: &mut Scratch) -> f64 {
        if src.is_empty() || tgt.is_empty() {
            return 0.0;
        }
        let b = tgt.len().min(MAX_SIDE) - 1;
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        let mut total = 0.0f64;
        for i in src {
            let s = &self.sentences[i];
            total += f64::from(s.baseline[b]);
            let from = s.first_match(lo);
            let within = s.matches[from..].iter().take_while(|m| m.j < hi);
            if b == 0 {
                total += within
                    .map(|m| f64::from(s.gain[m.token as usize][0]))
                    .sum::<f64>();
                continue;
            }
            // Each token counts once, by a stamp per token rather than a sort: this is the search's
            // innermost loop.
            scratch.next();
            total += within
                .filter(|m| scratch.first_visit(m.token as usize))
                .map(|m| f64::from(s.gain[m.token as usize][b]))
                .sum::<f64>();
        }
        total
    }
}

/// Marks which tokens a bead has already counted, reset in O(1) between beads.
#[derive(Debug, Default)]
pub struct Scratch {
    stamps: Vec<u32>,
    now: u32,
}

impl Scratch {
    fn next(&mut self) {
        self.now = self.now.wrapping_add(1);
        if self.now == 0 {
            self.stamps.iter_mut().for_each(|s| *s = 0);
            self.now = 1;
        }
    }

    /// True the first time `token` is seen since the last [`Scratch::next`].
    fn first_visit(&mut self, token: usize) -> bool {
        if token >= self.stamps.len() {
            self.stamps.resize(token + 1, 0);
        }
        let seen = self.stamps[token] == self.now;
        self.stamps[token] = self.now;
        !seen
    }
}

impl MatchTable {
    /// Add how many tested tokens of `src` find a translation in `tgt`, and how many were tested.
    pub fn coverage(&self, src: Range<usize>, tgt: Range<usize>, counts: &mut Coverage) {
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        for i in src {
            let s = &self.sentences[i];
            let mut found = vec![false; s.ids.len()];
            for m in s.matches.iter().filter(|m| m.j >= lo && m.j < hi) {
                found[m.token as usize] = true;
            }
            for ((kind, &id), found) in s.kind.iter().zip(&s.ids).zip(found) {
                let by_kind = &mut counts.by_kind[*kind as usize];
                by_kind.1 += 1;
                by_kind.0 += usize::from(found);
                if counts.by_token.len() <= id as usize {
                    counts.by_token.resize(id as usize + 1, (0, 0));
                }
                let by_token = &mut counts.by_token[id as usize];
                by_token.1 += 1;
                by_token.0 += u32::from(found);
            }
        }
    }
}

/// A translation that half the other side contains says nothing either way.
pub const MAX_CHANCE: f64 = 0.5;
/// In a coarse search, where blocks share most words, only the rarer words are worth testing.
pub const MAX_CHANCE_COARSE: f64 = 0.1;

/// Both directions of testing for beads inside one band.
pub struct BeadEvidence {
    forward: MatchTable,
    backward: MatchTable,
}

/// Recall for the forward and the backward direction.
pub type Recalls = [Recall; 2];

impl BeadEvidence {
    /// `max_chance`: tokens whose translations are at least this likely by chance are not
    /// tested ([`MAX_CHANCE`] for sentences, [`MAX_CHANCE_COARSE`] for blocks).
    pub fn new(
        features: &crate::anchor::Features,
        postings: &SidePostings,
        recall: &Recalls,
        band: &super::dp::Band,
        max_chance: f64,
    ) -> BeadEvidence {
        let inverse = features.inverse();
        let forward = features.forward();
        let backward = features.backward(&inverse);
        BeadEvidence {
            forward: MatchTable::new(&forward, &postings.other, &recall[0], max_chance, |i| {
                band.window(i)
            }),
            backward: MatchTable::new(&backward, &postings.query, &recall[1], max_chance, |j| {
                band.rows_near(j)
            }),
        }
    }

    /// Evidence, in nats, that query sentences `src` and other sentences `tgt` translate each other.
    pub fn score(&self, src: Range<usize>, tgt: Range<usize>, scratch: &mut Scratch) -> f64 {
        0.5 * (self.forward.score(src.clone(), tgt.clone(), scratch)
            + self.backward.score(tgt, src, scratch))
    }

    /// Add the bead's tested and found tokens, per direction.
    pub fn coverage(&self, src: Range<usize>, tgt: Range<usize>, counts: &mut [Coverage; 2]) {
        self.forward
            .coverage(src.clone(), tgt.clone(), &mut counts[0]);
        self.backward.coverage(tgt, src, &mut counts[1]);
    }
}

/// Postings of both sides.
pub struct SidePostings {
    pub query: Postings,
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
