//! How sure the aligner is of each bead: the probability that the bead beats its best rival, from
//! the cost of the best path that does without it (a max-marginal, from the forward and backward
//! costs of the search).

#[cfg(test)]
use super::dp::{BeadCosts, Forward, Step, BEAD_SHAPES};

/// Rival beads are looked for within this many sentences of the path.
pub(super) const RADIUS: usize = 4;

/// For each bead of `path`: P(bead) ≈ 1 / (1 + e^-Δ), where Δ is how much more (in nats) the best
/// path without that bead costs. In 0.5..=1: 0.5 is a coin toss between two alignments.
///
/// The search computes the same, block by block, in [`super::dp::search_with_confidence`]; this
/// version over stored prices is kept to test it against.
#[cfg(test)]
pub fn confidences(
    beads: &BeadCosts<'_>,
    forward: &Forward,
    backward: &[f64],
    path: &[Step],
) -> Vec<f64> {
    let grid = &beads.grid;
    let n = grid.rows() - 1;
    let m = *grid.columns(n).end();
    let best = forward.cost[grid.len() - 1];
    // Where the path is at each source row and at each target column.
    let mut path_j = vec![0usize; n + 1];
    let mut path_i = vec![0usize; m + 1];
    for (s, t) in path {
        path_j[s.start..=s.end].fill(t.start);
        path_i[t.start..=t.end].fill(s.start);
    }
    let through = |i0: usize, j0: usize, k: usize| -> Option<f64> {
        let (a, b) = BEAD_SHAPES[k];
        let from = forward.cost[grid.at(i0, j0)?];
        let end = grid.at(i0 + a, j0 + b)?;
        let to = backward[end];
        (from.is_finite() && to.is_finite()).then(|| from + beads.get(end, k) + to)
    };
    path.iter()
        .map(|(s, t)| {
            let mut rival = f64::INFINITY;
            for (k, &(a, b)) in BEAD_SHAPES.iter().enumerate() {
                if !s.is_empty() {
                    // Rivals covering the bead's first source sentence.
                    if a == 0 {
                        continue;
                    }
                    let x = s.start;
                    let first = (x + 1).saturating_sub(a);
                    let last = x.min(n.saturating_sub(a));
                    for (i0, &centre) in path_j.iter().enumerate().take(last + 1).skip(first) {
                        for j0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(m) {
                            if (i0..i0 + a, j0..j0 + b) == (s.clone(), t.clone()) {
                                continue;
                            }
                            if let Some(c) = through(i0, j0, k) {
                                rival = rival.min(c);
                            }
                        }
                    }
                } else {
                    // An addition: rivals covering its first target sentence.
                    if b == 0 {
                        continue;
                    }
                    let x = t.start;
                    let first = (x + 1).saturating_sub(b);
                    let last = x.min(m.saturating_sub(b));
                    for (j0, &centre) in path_i.iter().enumerate().take(last + 1).skip(first) {
                        for i0 in centre.saturating_sub(RADIUS)..=(centre + RADIUS).min(n) {
                            if (i0..i0 + a, j0..j0 + b) == (s.clone(), t.clone()) {
                                continue;
                            }
                            if let Some(c) = through(i0, j0, k) {
                                rival = rival.min(c);
                            }
                        }
                    }
                }
            }
            let margin = (rival - best).max(0.0);
            1.0 / (1.0 + (-margin).exp())
        })
        .collect()
}
