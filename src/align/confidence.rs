//! How sure the aligner is of each bead: the probability that the bead beats its best rival, from
//! the cost of the best path that does without it (a max-marginal, from the forward and backward
//! costs of the search).

use super::band::{Step, BEAD_SHAPES, MAX_BEAD_SIDE};

/// Rival beads are looked for within this many sentences of the path.
pub(super) const RADIUS: usize = 4;

/// The best rival of each bead of a path, gathered as the search offers the rival beads ending
/// in each block of rows.
///
/// A rival of a bead with source sentences is a bead that covers its first source sentence and
/// starts within [`RADIUS`] target sentences of the path; a rival of an addition (no source
/// sentence) covers its first target sentence and starts within [`RADIUS`] source sentences of
/// the path.
pub(super) struct Rivals<'p> {
    path: &'p [Step],
    n: usize,
    m: usize,
    /// Where the path is at each source row and at each target column.
    path_j: Vec<usize>,
    path_i: Vec<usize>,
    /// The bead of the path that starts at each source sentence, if any.
    starting: Vec<u32>,
    /// Additions, with the rows their rivals' beads can end in.
    additions: Vec<(usize, usize, usize)>,
    /// The cheapest path through a rival of each bead so far.
    rival: Vec<f64>,
}

const NONE: u32 = u32::MAX;

impl<'p> Rivals<'p> {
    /// For `path` over `n` source and `m` target sentences.
    pub(super) fn new(path: &'p [Step], n: usize, m: usize) -> Rivals<'p> {
        let mut path_j = vec![0usize; n + 1];
        let mut path_i = vec![0usize; m + 1];
        for (s, t) in path {
            path_j[s.start..=s.end].fill(t.start);
            path_i[t.start..=t.end].fill(s.start);
        }
        let mut starting = vec![NONE; n];
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
        Rivals {
            path,
            n,
            m,
            path_j,
            path_i,
            starting,
            additions,
            rival: vec![f64::INFINITY; path.len()],
        }
    }

    /// Take in the rivals whose beads end in rows `r0..r1`, with `through(i0, j0, k)` the cost
    /// of the cheapest path through the bead of shape `k` from cell (i0, j0), where the band has
    /// such a path.
    pub(super) fn offer(
        &mut self,
        r0: usize,
        r1: usize,
        through: impl Fn(usize, usize, usize) -> Option<f64>,
    ) {
        let (n, m) = (self.n, self.m);
        for e in r0..r1 {
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if a == 0 || a > e {
                    continue;
                }
                let i0 = e - a;
                // A rival covers the first source sentence of each path bead starting in its
                // rows: its cost is found once for all of them.
                let owners = &self.starting[i0..e];
                if owners.iter().all(|&p| p == NONE) {
                    continue;
                }
                let centre = self.path_j[i0];
                for j0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(m) {
                    let Some(c) = through(i0, j0, k) else {
                        continue;
                    };
                    for &p in owners.iter().filter(|&&p| p != NONE) {
                        let (s, t) = &self.path[p as usize];
                        if (i0..i0 + a, j0..j0 + b) != (s.clone(), t.clone()) {
                            self.rival[p as usize] = self.rival[p as usize].min(c);
                        }
                    }
                }
            }
        }
        let from = self.additions.partition_point(|&(_, _, high)| high < r0);
        for &(p, _, _) in self.additions[from..]
            .iter()
            .take_while(|&&(_, low, _)| low < r1)
        {
            let (s, t) = &self.path[p];
            let x = t.start;
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if b == 0 {
                    continue;
                }
                let first = (x + 1).saturating_sub(b);
                let last = x.min(m.saturating_sub(b));
                for (j0, &centre) in self.path_i.iter().enumerate().take(last + 1).skip(first) {
                    for i0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(n) {
                        if i0 + a < r0 || i0 + a >= r1 {
                            continue;
                        }
                        if (i0..i0 + a, j0..j0 + b) == (s.clone(), t.clone()) {
                            continue;
                        }
                        if let Some(c) = through(i0, j0, k) {
                            self.rival[p] = self.rival[p].min(c);
                        }
                    }
                }
            }
        }
    }

    /// For each bead of the path: P(bead) ≈ 1 / (1 + e^-Δ), where Δ is how much more (in nats)
    /// the best path through its best rival costs than the best path, `best`. In 0.5..=1: 0.5 is
    /// a coin toss between two alignments.
    pub(super) fn confidences(self, best: f64) -> Vec<f64> {
        self.rival
            .into_iter()
            .map(|rival| {
                let margin = (rival - best).max(0.0);
                1.0 / (1.0 + (-margin).exp())
            })
            .collect()
    }
}
