//! A translation table learned from the document pair itself: IBM Model 1 (Brown et al. 1993)
//! trained on the first pass's confident beads, as in Moore (2002). It gives lexical evidence to
//! every language pair, including those without a dictionary, and learns the names and words a
//! dictionary misses (陈清扬 → chen, qingyang).

/// EM iterations; Model 1's likelihood is convex, and a handful gets the table close.
pub const ITERATIONS: usize = 5;
/// A translation must have this probability to be used as evidence.
const MIN_PROBABILITY: f32 = 0.2;
/// Pairs seen together fewer times than this are chance at this data size.
const MIN_COOCCURRENCE: u32 = 2;
/// Least Dice coefficient of a learned pair.
const MIN_DICE: f64 = 0.3;
/// At most this many translations are kept per source token.
const MAX_TRANSLATIONS: usize = 3;
/// Training uses at most this many beads, evenly spread, to bound time on very long documents.
pub const MAX_TRAINING_BEADS: usize = 30_000;

/// A bead whose sides' token counts multiply to more than this is left out of training: its
/// co-occurrences cost the product of its lengths and teach little (GIZA++ likewise skips
/// sentences past 100 words).
const MAX_PAIR_PRODUCT: usize = 150 * 150;

/// What a learned pair must show to be kept: the per-document defaults are the constants above.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pruning {
    pub min_probability: f32,
    pub min_cooccurrence: u32,
    pub min_dice: f64,
    pub max_translations: usize,
}

impl Pruning {
    /// For a table learned from one document pair.
    pub const DOCUMENT: Pruning = Pruning {
        min_probability: MIN_PROBABILITY,
        min_cooccurrence: MIN_COOCCURRENCE,
        min_dice: MIN_DICE,
        max_translations: MAX_TRANSLATIONS,
    };
}

/// Train on bead pairs of token-id bags (query side, other side) and return, for each query
/// token below `n_query` that is `wanted`, its learned translations (none for the others, which
/// still take part in training).
pub fn learn(
    pairs: &[(Vec<u32>, Vec<u32>)],
    n_query: usize,
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<Vec<u32>> {
    let bags: Vec<(&[u32], &[u32])> = pairs
        .iter()
        .map(|(q, o)| (q.as_slice(), o.as_slice()))
        .collect();
    learn_with_probabilities(&bags, n_query, ITERATIONS, &Pruning::DOCUMENT, wanted)
        .into_iter()
        .map(|best| {
            let mut ids: Vec<u32> = best.into_iter().map(|(b, _)| b).collect();
            ids.sort_unstable();
            ids
        })
        .collect()
}

/// [`learn`] with the number of EM iterations and the pruning as parameters, keeping each kept
/// translation's probability t(other | query): for each query token, its translations, most
/// probable first; only for the `wanted` query tokens.
pub fn learn_with_probabilities(
    pairs: &[(&[u32], &[u32])],
    n_query: usize,
    iterations: usize,
    pruning: &Pruning,
    wanted: &dyn Fn(usize) -> bool,
) -> Vec<Vec<(u32, f32)>> {
    let pairs: Vec<(&[u32], &[u32])> = pairs
        .iter()
        .copied()
        .filter(|(q, o)| q.len() * o.len() <= MAX_PAIR_PRODUCT)
        .collect();
    // Meetings are numbered in 32 bits: past 2^32 of them (some billion beads' worth, only a
    // corpus table could get there), an evenly spread part of the beads is used.
    let meetings: usize = pairs.iter().map(|(q, o)| q.len() * o.len()).sum();
    let step = meetings.div_ceil(u32::MAX as usize).max(1);
    let pairs: Vec<(&[u32], &[u32])> = pairs.into_iter().step_by(step).collect();
    // The co-occurrence structure in compressed rows: for each query token the other-side tokens
    // it appeared with, sorted, and how often; and where each meeting of a query token with an
    // other token in a bead sits in those rows (`slots`, in the order the EM loop visits
    // meetings: bead, other token, query token), the same in every iteration. A slot fits in 32
    // bits as there are no more columns than meetings.
    let mut meetings_of = vec![0usize; n_query + 1];
    for &(q, o) in &pairs {
        for &a in q {
            meetings_of[a as usize + 1] += o.len();
        }
    }
    for a in 0..n_query {
        meetings_of[a + 1] += meetings_of[a];
    }
    // Each meeting's other token, in meeting order, to be replaced by its slot below; and each
    // query token's meetings, bucketed by query token: a sort within each token's few meetings
    // instead of one over all of them, and no more than 8 bytes a meeting at any time.
    let total = meetings_of[n_query];
    let mut slots: Vec<u32> = Vec::with_capacity(total);
    let mut bucketed: Vec<u32> = vec![0; total];
    let mut next = meetings_of.clone();
    let mut meeting = 0u32;
    for &(q, o) in &pairs {
        for &b in o {
            for &a in q {
                slots.push(b);
                bucketed[next[a as usize]] = meeting;
                next[a as usize] += 1;
                meeting += 1;
            }
        }
    }
    drop(next);
    let mut row_start = Vec::with_capacity(n_query + 1);
    let mut cols: Vec<u32> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    row_start.push(0);
    for a in 0..n_query {
        let row = &mut bucketed[meetings_of[a]..meetings_of[a + 1]];
        row.sort_unstable_by_key(|&m| slots[m as usize]);
        let mut last = None;
        for &m in row.iter() {
            let b = slots[m as usize];
            if last != Some(b) {
                last = Some(b);
                cols.push(b);
                counts.push(0);
            }
            *counts.last_mut().expect("a column was pushed") += 1;
            slots[m as usize] = (cols.len() - 1) as u32;
        }
        row_start.push(cols.len());
    }
    drop(bucketed);
    // How many training beads each token occurs in, for the association test below.
    let mut query_freq = vec![0u32; n_query];
    let n_other = pairs
        .iter()
        .flat_map(|(_, o)| o.iter())
        .max()
        .map_or(0, |&b| b as usize + 1);
    let mut other_freq = vec![0u32; n_other];
    for &(q, o) in &pairs {
        q.iter().for_each(|&a| query_freq[a as usize] += 1);
        o.iter().for_each(|&b| other_freq[b as usize] += 1);
    }
    // Model 1 gives a rare word high probability for whatever it happened to meet; a pair is kept
    // only when the two also occur together most of the times either occurs (Dice coefficient),
    // and often enough not to be chance.
    let associated = |a: usize, k: usize| {
        let together = 2.0 * f64::from(counts[k]);
        let apart = f64::from(query_freq[a]) + f64::from(other_freq[cols[k] as usize]);
        counts[k] >= pruning.min_cooccurrence && together / apart >= pruning.min_dice
    };
    // Whatever EM makes of the others, only these pairs can be kept: a short document often has
    // none for the tokens wanted, and then there is nothing to learn.
    let keepable =
        |a: usize| wanted(a) && (row_start[a]..row_start[a + 1]).any(|k| associated(a, k));
    if !(0..n_query).any(keepable) {
        return vec![Vec::new(); n_query];
    }

    // t(o | q), uniform to start, beside its expected count (zero at the start of each
    // iteration: the M-step clears what it reads): the E-step touches both of a slot together.
    let mut slot_values: Vec<SlotValues> = vec![
        SlotValues {
            t: 1.0,
            expected: 0.0
        };
        cols.len()
    ];
    for _ in 0..iterations {
        let mut rest = slots.as_slice();
        for &(q, o) in &pairs {
            for _ in o {
                // Normalise over the query tokens that could have produced this other token
                // (plus NULL, as a constant that lets unexplained words stay unexplained).
                let (these, tail) = rest.split_at(q.len());
                rest = tail;
                let z: f32 = these
                    .iter()
                    .map(|&s| slot_values[s as usize].t)
                    .sum::<f32>()
                    + NULL_MASS;
                for &s in these {
                    let slot = &mut slot_values[s as usize];
                    slot.expected += slot.t / z;
                }
            }
        }
        for a in 0..n_query {
            let row = &mut slot_values[row_start[a]..row_start[a + 1]];
            let total: f32 = row.iter().map(|slot| slot.expected).sum();
            for slot in row {
                if total > 0.0 {
                    slot.t = slot.expected / total;
                }
                slot.expected = 0.0;
            }
        }
    }

    (0..n_query)
        .map(|a| {
            if !wanted(a) {
                return Vec::new();
            }
            let (s, e) = (row_start[a], row_start[a + 1]);
            let mut best: Vec<(f32, u32)> = (s..e)
                .filter(|&k| slot_values[k].t >= pruning.min_probability && associated(a, k))
                .map(|k| (slot_values[k].t, cols[k]))
                .collect();
            best.sort_by(|x, y| y.0.total_cmp(&x.0));
            best.truncate(pruning.max_translations);
            best.into_iter().map(|(p, b)| (b, p)).collect()
        })
        .collect()
}

/// A co-occurrence slot's translation probability and expected count in EM.
#[derive(Clone, Copy)]
struct SlotValues {
    t: f32,
    expected: f32,
}

/// Probability mass of the empty word in each normalisation.
const NULL_MASS: f32 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_consistent_pairs() {
        // Query tokens 0 (house), 1 (blue), 2 (the); other tokens 10 (maison), 11 (bleue), 12 (la).
        let pairs = vec![
            (vec![0, 2], vec![10, 12]),
            (vec![0, 1, 2], vec![10, 11, 12]),
            (vec![1], vec![11]),
            (vec![0], vec![10]),
            (vec![1, 2], vec![11, 12]),
            (vec![2], vec![12]),
        ];
        let table = learn(&pairs, 3, &|_| true);
        assert_eq!(table[0], vec![10]);
        assert_eq!(table[1], vec![11]);
        assert_eq!(table[2], vec![12]);
    }
}
