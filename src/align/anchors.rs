//! Where to search: sentence pairs that share rare translated tokens anywhere in the two
//! documents, filtered to the heaviest monotone chain. The chain places the band of the exact
//! search, so a long omission or addition shifts the band with it instead of losing the path.

use crate::anchor::Features;

use super::dp::Band;
use super::lexical::Postings;

/// A token in more sentences than this is too common to place a sentence on its own.
const MAX_ANCHOR_DF: u32 = 4;

/// A pair of sentences (query `i`, other `j`) and the weight of the rare tokens they share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnchorPair {
    pub i: usize,
    pub j: usize,
    pub weight: f64,
}

/// Candidate pairs: for each query sentence, the other-side sentences sharing its rare tokens,
/// keeping those whose shared weight is strong and clearly its best.
pub fn candidates(features: &Features, postings: &Postings) -> Vec<AnchorPair> {
    let mut out = Vec::new();
    let mut acc: Vec<(u32, f64)> = Vec::new();
    for (i, tokens) in features.query.tokens.iter().enumerate() {
        acc.clear();
        for &q in tokens {
            if features.query.df[q as usize] > MAX_ANCHOR_DF {
                continue;
            }
            for &o in &features.translations[q as usize] {
                if features.other.df[o as usize] > MAX_ANCHOR_DF {
                    continue;
                }
                let w = features.match_weight(q, o);
                acc.extend(postings.sentences_with(o).iter().map(|&j| (j, w)));
            }
        }
        acc.sort_unstable_by_key(|&(j, _)| j);
        let mut merged: Vec<(u32, f64)> = Vec::new();
        for &(j, w) in &acc {
            match merged.last_mut() {
                Some(last) if last.0 == j => last.1 += w,
                _ => merged.push((j, w)),
            }
        }
        let best = merged.iter().map(|&(_, w)| w).fold(0.0, f64::max);
        // Two shared rare tokens, or one very rare, make a pair worth anchoring on.
        let strong = 2.0 * (features.other.len().max(2) as f64 / 2.0).ln().max(1.0);
        for &(j, w) in &merged {
            if w >= strong.min(best) && w >= 0.5 * strong && w >= 0.75 * best {
                out.push(AnchorPair {
                    i,
                    j: j as usize,
                    weight: w,
                });
            }
        }
    }
    out
}

/// The heaviest chain of pairs increasing strictly in both `i` and `j` (weighted longest
/// increasing subsequence, O(k log k) with a Fenwick tree of prefix maxima over `j`).
pub fn heaviest_chain(mut pairs: Vec<AnchorPair>, m: usize) -> Vec<AnchorPair> {
    // Within one i, visit larger j first so that two pairs of the same i never chain.
    pairs.sort_by(|a, b| a.i.cmp(&b.i).then(b.j.cmp(&a.j)));
    let mut tree = vec![(0.0f64, usize::MAX); m + 1];
    let mut best_before = vec![usize::MAX; pairs.len()];
    let mut total = vec![0.0; pairs.len()];
    for (k, p) in pairs.iter().enumerate() {
        // Best chain ending at j' < p.j.
        let (mut q, mut acc) = (p.j, (0.0, usize::MAX));
        while q > 0 {
            if tree[q].0 > acc.0 {
                acc = tree[q];
            }
            q &= q - 1;
        }
        total[k] = acc.0 + p.weight;
        best_before[k] = acc.1;
        let mut q = p.j + 1;
        while q <= m {
            if total[k] > tree[q].0 {
                tree[q] = (total[k], k);
            }
            q += q & q.wrapping_neg();
        }
    }
    let Some(mut k) = (0..pairs.len()).max_by(|&a, &b| total[a].total_cmp(&total[b])) else {
        return Vec::new();
    };
    let mut chain = vec![pairs[k]];
    while best_before[k] != usize::MAX {
        k = best_before[k];
        chain.push(pairs[k]);
    }
    chain.reverse();
    chain
}

/// A band through the anchor chain: between two consecutive anchors the path may go anywhere in
/// the rectangle they span, widened by `margin`; a rectangle too large to search whole is cut to a
/// diagonal strip, so the band's area stays linear in the documents' length.
pub fn band_through(chain: &[AnchorPair], n: usize, m: usize, margin: usize) -> Band {
    let mut points = vec![(0usize, 0usize)];
    points.extend(chain.iter().map(|p| (p.i, p.j)));
    points.push((n, m));
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    for w in points.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        let (di, dj) = (i1 - i0, j1.saturating_sub(j0));
        let whole = di * dj <= MAX_RECTANGLE;
        for i in i0..=i1 {
            let (a, b) = if whole || di == 0 {
                (j0, j1)
            } else {
                let centre = j0 + (dj * (i - i0)) / di;
                let half = margin + dj.abs_diff(di) / 2;
                (centre.saturating_sub(half).max(j0), (centre + half).min(j1))
            };
            lo[i] = lo[i].min(a.saturating_sub(margin));
            hi[i] = hi[i].max(b + margin);
        }
    }
    Band::from_bounds(lo, hi, m)
}

/// Rectangles between anchors up to this area are searched whole.
const MAX_RECTANGLE: usize = 250_000;

/// A band of `margin` around a path, for the second pass.
pub fn band_around(
    path: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    n: usize,
    m: usize,
    margin: usize,
) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    let mut visit = |i: usize, j: usize| {
        let from = i.saturating_sub(margin);
        let to = (i + margin).min(n);
        for r in from..=to {
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
