//! Lexical evidence for candidate beads, as a log-likelihood ratio: for each query-side token that
//! has translations, is one of them in the bead's other side? A match is worth more the less likely
//! it is by chance (rare words, one sentence rather than four), and a token left without its
//! translation counts a little against the bead. Chance comes from how many other-side sentences
//! contain the translations; how often a real translation shows up (`recall`) is estimated from
//! the document pair itself.

use std::ops::Range;

use crate::anchor::{Evidence, Features};

/// P(a tested token's translation is in its true bead), for each kind of [`Evidence`].
pub type Recall = [f64; Evidence::COUNT];

use super::dp::MAX_BEAD_SIDE as MAX_SIDE;

/// One token of a query sentence finding a translation in other-side sentence `j`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Match {
    j: u32,
    /// Index of the token among the query sentence's tested tokens.
    token: u32,
}

/// For each other-side token, the sentences that contain it (ascending).
pub struct Postings(Vec<Vec<u32>>);

impl Postings {
    pub fn new(features: &Features) -> Postings {
        let mut lists = vec![Vec::new(); features.other.vocab.len()];
        for (j, ids) in features.other.tokens.iter().enumerate() {
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

/// What one query sentence brings to any bead.
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
}

/// Lexical evidence of every query sentence against the other-side sentences it may share a bead
/// with.
pub struct MatchTable {
    sentences: Vec<QuerySentence>,
}

impl MatchTable {
    /// `window(i)` gives the other-side sentences query sentence `i` may share a bead with;
    /// `recall` is the probability that a tested token's translation is present in a true bead.
    pub fn new(
        features: &Features,
        postings: &Postings,
        recall: &Recall,
        window: impl Fn(usize) -> Range<usize>,
    ) -> MatchTable {
        let m = features.other.len().max(1) as f64;
        let sentences = features
            .query
            .tokens
            .iter()
            .enumerate()
            .map(|(i, tokens)| {
                let range = window(i);
                let (lo, hi) = (range.start as u32, range.end as u32);
                let mut s = QuerySentence::default();
                for &q in tokens {
                    let translations = &features.translations[q as usize];
                    let density: f64 = translations
                        .iter()
                        .map(|&o| f64::from(features.other.df[o as usize]))
                        .sum::<f64>()
                        / m;
                    if density == 0.0 {
                        continue;
                    }
                    let k = s.gain.len() as u32;
                    let kind = features.evidence[q as usize];
                    let recall = recall[kind as usize];
                    s.kind.push(kind);
                    let mut gain = [0f32; MAX_SIDE];
                    for (b, g) in gain.iter_mut().enumerate() {
                        let chance = (density * (b + 1) as f64).min(MAX_CHANCE);
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
                s
            })
            .collect();
        MatchTable { sentences }
    }

    /// Evidence, in nats, that query sentences `src` and other-side sentences `tgt` translate each
    /// other. Zero for a bead with an empty side: nothing is tested.
    pub fn score(&self, src: Range<usize>, tgt: Range<usize>, scratch: &mut Vec<u32>) -> f64 {
        if src.is_empty() || tgt.is_empty() {
            return 0.0;
        }
        let b = tgt.len().min(MAX_SIDE) - 1;
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        let mut total = 0.0f64;
        for i in src {
            let s = &self.sentences[i];
            total += f64::from(s.baseline[b]);
            let from = s.matches.partition_point(|m| m.j < lo);
            let within = s.matches[from..].iter().take_while(|m| m.j < hi);
            if b == 0 {
                total += within
                    .map(|m| f64::from(s.gain[m.token as usize][0]))
                    .sum::<f64>();
                continue;
            }
            scratch.clear();
            scratch.extend(within.map(|m| m.token));
            scratch.sort_unstable();
            scratch.dedup();
            total += scratch
                .iter()
                .map(|&k| f64::from(s.gain[k as usize][b]))
                .sum::<f64>();
        }
        total
    }

    /// For each kind of evidence, how many tested tokens of `src` find a translation in `tgt`,
    /// and how many were tested: the data for re-estimating the recall.
    pub fn coverage(&self, src: Range<usize>, tgt: Range<usize>, counts: &mut [(usize, usize); Evidence::COUNT]) {
        let (lo, hi) = (tgt.start as u32, tgt.end as u32);
        for i in src {
            let s = &self.sentences[i];
            for kind in &s.kind {
                counts[*kind as usize].1 += 1;
            }
            let mut tokens: Vec<u32> = s
                .matches
                .iter()
                .filter(|m| m.j >= lo && m.j < hi)
                .map(|m| m.token)
                .collect();
            tokens.sort_unstable();
            tokens.dedup();
            for k in tokens {
                counts[s.kind[k as usize] as usize].0 += 1;
            }
        }
    }
}

/// A translation that half the other side contains says nothing either way.
const MAX_CHANCE: f64 = 0.5;
