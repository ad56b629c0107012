//! Stage 3: pair the sentences of a text and its translation into beads.
//!
//! Two passes, as in Moore (2002). The first searches coarse to fine (`coarse`) with the exact
//! search (`dp`, over a band of cells: `band`) with the length model ([`length`]) and dictionary
//! and identity evidence (`lexical`). Its confident beads then re-estimate the length model and
//! bead priors and train a translation table (`model1`); the second pass searches a narrow band
//! around the first path with all of it, and gives each bead a confidence (`confidence`).

mod band;
mod bead;
pub(crate) mod coarse;
mod confidence;
pub(crate) mod dp;
pub mod length;
pub(crate) mod lexical;
pub(crate) mod model1;
mod prices;
mod structure;

use std::ops::Range;
use std::sync::Arc;

pub use bead::{Alignment, Bead, BeadKind};
pub use structure::Structure;

use crate::anchor::glossary::Glossary;
use crate::anchor::{Evidence, Features};
use crate::lang::Lang;
use crate::table::TranslationTable;
use band::{Band, Step, BEAD_SHAPES};
use length::{LengthModel, PairCosts};
use lexical::{
    BeadEvidence, Coverage, EvidenceTests, Recall, Recalls, Scratch, SidePostings, MAX_CHANCE,
    MAX_CHANCE_COARSE,
};
use prices::{Pricing, SearchPrices};

/// How to align: the glossary, the translation table and which model parts to use.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    /// Term pairs (`--glossary`) that anchor the alignment and are checked; empty by default.
    pub glossary: Glossary,
    /// Skip the learned translation table (faster; for comparison).
    pub no_learning: bool,
    /// A translation table learned from a corpus (`bialign learn`), shared between alignments.
    /// It gives translations to the words that neither the built-in lexicon nor identity
    /// anchors; a table for another language pair is not used.
    pub table: Option<Arc<TranslationTable>>,
}

/// Align `src` sentences (in `src_lang`) with `tgt` sentences (in `tgt_lang`).
pub fn align(
    src: &[&str],
    tgt: &[&str],
    src_lang: Lang,
    tgt_lang: Lang,
    options: &AlignOptions,
) -> Alignment {
    oriented(
        src,
        tgt,
        src_lang,
        tgt_lang,
        |query, other, ql, ol, swapped| {
            align_from_query(query, other, ql, ol, options, swapped, None)
        },
    )
}

/// [`align`] with each sentence's paragraph (non-decreasing indices, as
/// [`crate::segment::Sentence::paragraph`]): paragraphs are aligned first, and no bead crosses
/// a paragraph boundary the paragraph alignment is sure of (see [`Structure`]).
pub fn align_with_paragraphs(
    src: &[&str],
    tgt: &[&str],
    src_paragraphs: &[usize],
    tgt_paragraphs: &[usize],
    src_lang: Lang,
    tgt_lang: Lang,
    options: &AlignOptions,
) -> Alignment {
    assert_eq!(
        src.len(),
        src_paragraphs.len(),
        "a paragraph for every sentence"
    );
    assert_eq!(
        tgt.len(),
        tgt_paragraphs.len(),
        "a paragraph for every sentence"
    );
    oriented(
        src,
        tgt,
        src_lang,
        tgt_lang,
        |query, other, ql, ol, swapped| {
            let (qp, op) = if swapped {
                (tgt_paragraphs, src_paragraphs)
            } else {
                (src_paragraphs, tgt_paragraphs)
            };
            let structure =
                Structure::from_paragraphs(query, other, qp, op, ql, ol, options, swapped);
            align_from_query(query, other, ql, ol, options, swapped, structure.as_ref())
        },
    )
}

/// Does the aligner work from the source side (else from the target)? It works from the side
/// the lexicon translates from: the Chinese or Japanese side of a pair with one, else the source.
/// A translation table's words are in this orientation too.
pub(crate) fn query_is_source(src_lang: Lang, tgt_lang: Lang) -> bool {
    src_lang.is_cjk_sentence_style() || !tgt_lang.is_cjk_sentence_style()
}

/// Run `align` from the side the lexicon translates from (the CJK side) and swap back.
fn oriented(
    src: &[&str],
    tgt: &[&str],
    src_lang: Lang,
    tgt_lang: Lang,
    align: impl FnOnce(&[&str], &[&str], Lang, Lang, bool) -> Alignment,
) -> Alignment {
    if !query_is_source(src_lang, tgt_lang) {
        let mut swapped = align(tgt, src, tgt_lang, src_lang, true);
        for b in &mut swapped.beads {
            std::mem::swap(&mut b.src, &mut b.tgt);
        }
        std::mem::swap(&mut swapped.src_unpaired, &mut swapped.tgt_unpaired);
        std::mem::swap(&mut swapped.src_alone_margin, &mut swapped.tgt_alone_margin);
        swapped.length_ratio = 1.0 / swapped.length_ratio;
        return swapped;
    }
    align(src, tgt, src_lang, tgt_lang, false)
}

fn align_from_query(
    query: &[&str],
    other: &[&str],
    query_lang: Lang,
    other_lang: Lang,
    options: &AlignOptions,
    swapped: bool,
    structure: Option<&Structure>,
) -> Alignment {
    let glossary: Vec<(String, String)> = options
        .glossary
        .entries()
        .iter()
        .map(|e| {
            if swapped {
                (e.tgt.clone(), e.src.clone())
            } else {
                (e.src.clone(), e.tgt.clone())
            }
        })
        .collect();
    let mut features = Features::build(query, query_lang, other, other_lang, &glossary);
    if let Some(table) = &options.table {
        let (q, o) = (&features.query.vocab, &features.other.vocab);
        if let Some(translations) = table.translations(q, query_lang, o, other_lang) {
            features.add_translations(translations);
        }
    }
    let (n, m) = (query.len(), other.len());
    let postings = SidePostings::new(&features);
    let mut model = Model::prior(&features, query_lang, other_lang);

    // Pass 1: coarse to fine; dictionary and identity evidence only. The evidence tables of a
    // search are built a block of rows at a time, as the search reaches them: on long documents
    // whole tables would be the bulk of the memory.
    let band = coarse::band(&features, &mut |f, b| {
        let tests = EvidenceTests::new(f, &model.recall, MAX_CHANCE_COARSE);
        search(b, f, &SidePostings::new(f), &tests, &model, None)
    });
    let band = constrain(band, structure);
    let tests = EvidenceTests::new(&features, &model.recall, MAX_CHANCE);
    let first = search(&band, &features, &postings, &tests, &model, structure);
    drop(band);

    // Re-estimate from the first pass, learn a translation table, search again nearby. The first
    // path's beads need only the evidence inside each bead.
    let mut scored = Vec::with_capacity(first.len());
    let mut coverage = <[Coverage; 2]>::default();
    tests.path_tables(&features, &postings, &first, |beads, table| {
        scored.extend(score_beads(beads, table));
        add_coverage(beads, &features, table, &mut coverage);
    });
    drop(tests);
    model = model.refit(&scored, &features, &coverage);
    let band = constrain(Band::around(&first, n, m, SECOND_PASS_MARGIN), structure);
    if !options.no_learning {
        let learned = learn_translations(&scored, &features);
        features.add_translations(learned);
        // Learned translations change how often a tested token finds one: measure it again on
        // the first path before the second search relies on it.
        let mut coverage = <[Coverage; 2]>::default();
        EvidenceTests::new(&features, &model.recall, MAX_CHANCE).path_tables(
            &features,
            &postings,
            &first,
            |beads, table| add_coverage(beads, &features, table, &mut coverage),
        );
        model.recall = refit_recall(&model.recall, &coverage);
    }
    drop(scored);
    drop(first);
    let tests = EvidenceTests::new(&features, &model.recall, MAX_CHANCE);
    let searched = search_with_confidence(&band, &features, &postings, &tests, &model, structure);
    let beads = searched
        .path
        .into_iter()
        .zip(searched.confidence)
        .map(|((src, tgt), score)| Bead { src, tgt, score })
        .collect();
    Alignment {
        beads,
        length_ratio: model.length.model().ratio,
        src_unpaired: searched.query_unpaired,
        tgt_unpaired: searched.other_unpaired,
        src_alone_margin: searched.query_margin,
        tgt_alone_margin: searched.other_margin,
    }
}

fn constrain(band: Band, structure: Option<&Structure>) -> Band {
    match structure {
        Some(s) => s.constrain(&band),
        None => band,
    }
}

/// The second band only corrects the first path locally.
const SECOND_PASS_MARGIN: usize = 5;

/// What the search prices beads with.
#[derive(Debug, Clone)]
struct Model {
    length: Arc<PairCosts>,
    /// -ln P(shape) for each of [`BEAD_SHAPES`].
    shape_cost: [f64; BEAD_SHAPES.len()],
    /// P(a tested token's translation is in its true bead).
    recall: Recalls,
}

/// Before the document says otherwise: half of the words that have known translations keep one
/// of them in a free translation. (Numbers and kept names are kept far more often, 0.80–0.90
/// where the dev chapters test enough of them; starting them at 0.85 raised Text+Berg strict F1
/// from 0.870 to 0.877 but made the omission findings on novel chapters less precise, 0.96 →
/// 0.81 of new findings, so it was not kept.)
const PRIOR_RECALL: [f64; Evidence::COUNT] = [0.5; Evidence::COUNT];

/// Bead-shape probabilities before the document says otherwise: mostly 1-1, with the many-to-one
/// beads literary translation has, and omissions rare.
const PRIOR_SHAPE_PROBABILITY: [f64; BEAD_SHAPES.len()] = [
    0.735, 0.01, 0.01, 0.08, 0.08, 0.02, 0.015, 0.015, 0.005, 0.005, 0.005, 0.005, 0.005,
];
/// How many beads' worth of belief the prior carries when re-estimating from the document.
const PRIOR_WEIGHT: f64 = 50.0;

fn prior_shape_costs() -> [f64; BEAD_SHAPES.len()] {
    PRIOR_SHAPE_PROBABILITY.map(|p| -p.ln())
}

impl Model {
    /// What is believed before the search: the length model estimated from the documents'
    /// lengths, the prior shape probabilities and recall.
    fn prior(features: &Features, query_lang: Lang, other_lang: Lang) -> Model {
        Model {
            length: Arc::new(PairCosts::new(
                LengthModel::estimate(
                    &features.query.lengths,
                    &features.other.lengths,
                    length::pair_prior(query_lang.code(), other_lang.code()),
                ),
                &features.query.lengths,
                &features.other.lengths,
            )),
            shape_cost: prior_shape_costs(),
            recall: [Recall::prior(PRIOR_RECALL), Recall::prior(PRIOR_RECALL)],
        }
    }

    /// -ln P(bead), up to terms every path shares: the shape, the target lengths given the
    /// source lengths, and the lexical evidence.
    #[inline(always)]
    fn bead_cost(&self, shape: usize, query_len: u64, other_len: u64, lexical: f64) -> f64 {
        let length = match BEAD_SHAPES[shape] {
            (_, 0) => 0.0,
            (0, _) => self.length.lone_cost(other_len),
            (_, b) => self.length.pair_cost(query_len, other_len, b),
        };
        self.shape_cost[shape] + length - lexical
    }

    /// Re-estimate the length model from confident 1-1 beads and the shape priors from all
    /// beads, both smoothed toward what was believed before.
    fn refit(&self, beads: &[ScoredBead], features: &Features, coverage: &[Coverage; 2]) -> Model {
        let pairs: Vec<(f64, f64)> = beads
            .iter()
            .filter(|b| !b.src.is_empty() && !b.tgt.is_empty() && b.lexical > 0.0)
            .map(|b| {
                let len = |lengths: &[u32], r: &Range<usize>| {
                    r.clone().map(|k| f64::from(lengths[k])).sum::<f64>()
                };
                (
                    len(&features.query.lengths, &b.src),
                    len(&features.other.lengths, &b.tgt),
                )
            })
            .collect();
        let mut counts = PRIOR_SHAPE_PROBABILITY.map(|p| p * PRIOR_WEIGHT);
        for b in beads {
            if let Some(k) = shape_index(b.src.len(), b.tgt.len()) {
                counts[k] += 1.0;
            }
        }
        let total: f64 = counts.iter().sum();
        let recall = refit_recall(&self.recall, coverage);
        Model {
            length: Arc::new(PairCosts::new(
                self.length.model().refit(&pairs),
                &features.query.lengths,
                &features.other.lengths,
            )),
            shape_cost: counts.map(|c| -(c / total).ln()),
            recall,
        }
    }
}

/// Add how many tested tokens of the pair beads among `beads` find a translation in their bead,
/// in each direction, with `table` holding the beads' evidence.
fn add_coverage(
    beads: &[Step],
    features: &Features,
    table: &BeadEvidence,
    counts: &mut [Coverage; 2],
) {
    for (s, t) in beads.iter().filter(|(s, t)| !s.is_empty() && !t.is_empty()) {
        table.coverage(features, s.clone(), t.clone(), counts);
    }
}

/// How often a tested token of each kind finds its translation in the beads of a path, from
/// their coverage; a kind with too few tested tokens keeps its current value.
fn refit_recall(current: &Recalls, counts: &[Coverage; 2]) -> Recalls {
    [current[0].refit(&counts[0]), current[1].refit(&counts[1])]
}

fn shape_index(a: usize, b: usize) -> Option<usize> {
    BEAD_SHAPES.iter().position(|&s| s == (a, b))
}

type Path = Vec<Step>;

fn search(
    band: &Band,
    features: &Features,
    postings: &SidePostings,
    tests: &EvidenceTests,
    model: &Model,
    structure: Option<&Structure>,
) -> Path {
    let prices = SearchPrices::new(band, features, postings, tests, model, structure);
    dp::best_path(band, &prices)
}

/// The final search, with each bead's confidence.
fn search_with_confidence(
    band: &Band,
    features: &Features,
    postings: &SidePostings,
    tests: &EvidenceTests,
    model: &Model,
    structure: Option<&Structure>,
) -> Searched {
    let prices = SearchPrices::new(band, features, postings, tests, model, structure);
    let dp::Lattice {
        path,
        confidence,
        src_unpaired: query_unpaired,
        tgt_unpaired: other_unpaired,
    } = dp::search_with_confidence(band, &prices);
    let mut query_margin = vec![f64::INFINITY; query_unpaired.len()];
    let mut other_margin = vec![f64::INFINITY; other_unpaired.len()];
    tests.path_tables(features, postings, &path, |beads, table| {
        alone_margins(
            &prices.pricing,
            table,
            beads,
            (&mut query_margin, &mut other_margin),
        );
    });
    Searched {
        path,
        confidence,
        query_unpaired,
        other_unpaired,
        query_margin,
        other_margin,
    }
}

/// For each sentence in a pair bead of `path`: how many nats more the same stretch costs with
/// that sentence standing alone and the rest of its bead kept (or, for the only sentence of its
/// side, with the other side's sentences standing alone too). Small or negative: the bead holds
/// the sentence without the evidence to show for it, as a dropped sentence absorbed into a
/// neighbour's bead is held. Infinite where there is no such alternative (a sentence in the
/// middle of its side of the bead) and for sentences already alone.
fn alone_margins(
    pricing: &Pricing,
    table: &BeadEvidence,
    path: &[Step],
    (query, other): (&mut [f64], &mut [f64]),
) {
    let mut scratch = Scratch::default();
    let mut cost = |s: Range<usize>, t: Range<usize>| -> f64 {
        if s.is_empty() && t.len() > 1 || t.is_empty() && s.len() > 1 {
            // A run of lone sentences: each its own bead.
            let mut lone = 0.0;
            for i in s.clone() {
                lone += pricing.cost(table, &mut scratch, i..i + 1, t.start..t.start);
            }
            for j in t.clone() {
                lone += pricing.cost(table, &mut scratch, s.start..s.start, j..j + 1);
            }
            return lone;
        }
        if shape_index(s.len(), t.len()).is_none() {
            return f64::INFINITY;
        }
        pricing.cost(table, &mut scratch, s, t)
    };
    for (s, t) in path.iter().filter(|(s, t)| !s.is_empty() && !t.is_empty()) {
        let kept = cost(s.clone(), t.clone());
        for i in [s.start, s.end - 1] {
            let alone = cost(i..i + 1, t.end..t.end) + cost(without_edge(s, i), t.clone());
            query[i] = alone - kept;
        }
        for j in [t.start, t.end - 1] {
            let alone = cost(s.end..s.end, j..j + 1) + cost(s.clone(), without_edge(t, j));
            other[j] = alone - kept;
        }
    }
}

/// `r` without its first or last sentence, `edge`.
fn without_edge(r: &Range<usize>, edge: usize) -> Range<usize> {
    if edge == r.start {
        edge + 1..r.end
    } else {
        r.start..edge
    }
}

/// The final search's path, each bead's confidence and each sentence's chance to be unpaired.
struct Searched {
    path: Path,
    confidence: Vec<f64>,
    query_unpaired: Vec<f64>,
    other_unpaired: Vec<f64>,
    query_margin: Vec<f64>,
    other_margin: Vec<f64>,
}

/// A bead of a path with the evidence behind it.
#[derive(Debug, Clone)]
struct ScoredBead {
    src: Range<usize>,
    tgt: Range<usize>,
    lexical: f64,
}

fn score_beads(path: &[Step], table: &BeadEvidence) -> Vec<ScoredBead> {
    let mut scratch = Scratch::default();
    path.iter()
        .map(|(s, t)| ScoredBead {
            src: s.clone(),
            tgt: t.clone(),
            lexical: table.score(s.clone(), t.clone(), &mut scratch),
        })
        .collect()
}

/// Train the translation table on the first pass's pair beads. Model 1 with the association
/// filter copes with the few wrong ones better than a selection by evidence would (that selection
/// favours beads whose words the table already explains).
fn learn_translations(beads: &[ScoredBead], features: &Features) -> Vec<Vec<u32>> {
    learn_from(beads.iter().map(|b| (&b.src, &b.tgt)), features)
}

/// [`learn_translations`] from any beads, given as (query, other) sentence ranges.
fn learn_from<'b>(
    beads: impl Iterator<Item = (&'b Range<usize>, &'b Range<usize>)>,
    features: &Features,
) -> Vec<Vec<u32>> {
    let pairs: Vec<(&Range<usize>, &Range<usize>)> = beads
        .filter(|(s, t)| !s.is_empty() && !t.is_empty())
        .collect();
    let step = pairs.len().div_ceil(model1::MAX_TRAINING_BEADS).max(1);
    let bags = |side: &crate::anchor::SideFeatures, r: &Range<usize>| {
        let mut ids: Vec<u32> = r
            .clone()
            .flat_map(|k| side.tokens[k].iter().copied())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let training: Vec<(Vec<u32>, Vec<u32>)> = pairs
        .iter()
        .step_by(step)
        .map(|(s, t)| (bags(&features.query, s), bags(&features.other, t)))
        .collect();
    // Learned translations are only given to tokens without others (`add_translations`).
    model1::learn(&training, features.query.vocab.len(), &|q| {
        features.translations[q].is_empty()
    })
}

/// The lexical evidence of an aligned document pair as the aligner's second pass sees it: both
/// sides' tokens with their dictionary, identity and learned translations, the table learned
/// from `beads`. The query side is the target when [`Oriented::swapped`].
pub(crate) fn learned_features(
    src: &[&str],
    tgt: &[&str],
    src_lang: Lang,
    tgt_lang: Lang,
    beads: &[Bead],
) -> Oriented {
    let swapped = tgt_lang.is_cjk_sentence_style() && !src_lang.is_cjk_sentence_style();
    let (query, other, ql, ol) = if swapped {
        (tgt, src, tgt_lang, src_lang)
    } else {
        (src, tgt, src_lang, tgt_lang)
    };
    let mut features = Features::build(query, ql, other, ol, &[]);
    let learned = learn_from(
        beads.iter().map(|b| {
            if swapped {
                (&b.tgt, &b.src)
            } else {
                (&b.src, &b.tgt)
            }
        }),
        &features,
    );
    features.add_translations(learned);
    Oriented { features, swapped }
}

/// [`Features`] with the side that is their query side.
#[derive(Debug, Clone)]
pub(crate) struct Oriented {
    pub features: Features,
    /// The target is the query side (a CJK translation of an alphabetic source).
    pub swapped: bool,
}
