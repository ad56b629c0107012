//! Learning a translation table from a corpus: each document pair is aligned as `bialign align`
//! aligns it, its confident beads of one or two sentences a side are kept as bags of word ids
//! (not the documents), and IBM Model 1 is trained over all of them at the end, as the aligner
//! does for a single document but with a whole corpus to learn from.
//!
//! Documents are aligned a chunk at a time in parallel and added in input order, so the table is
//! the same for any number of threads. Memory is bounded: past `MAX_TRAINING_BEADS` beads, every
//! other bead is dropped and from then on only every other new one is kept (and so on), so the
//! training beads stay evenly spread over the corpus.

use rayon::prelude::*;

use super::input::DocPair;
use super::{Entry, TranslationTable};
use crate::align::model1::{self, Pruning};
use crate::align::{query_is_source, AlignOptions};
use crate::anchor::{table_word, tokenize, TokenLists, Vocab};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::pipeline::{align_documents, PairResult};

/// Beads the aligner is at least this sure of (the probability that the bead beats its best
/// rival) are training data.
pub(crate) const MIN_CONFIDENCE: f64 = 0.9;
/// At most this many training beads are kept (about 100 bytes each, and Model 1's co-occurrence
/// table grows with them).
pub(crate) const MAX_TRAINING_BEADS: usize = 1_000_000;
/// Documents aligned in parallel at a time.
const CHUNK: usize = 16;

/// A table learned from a corpus keeps pairs as a document's table does, but only those seen
/// together in three beads or more: in a corpus, a pair seen twice is still often chance.
pub(crate) const CORPUS_PRUNING: Pruning = Pruning {
    min_cooccurrence: 3,
    ..Pruning::DOCUMENT
};

/// How to learn.
#[derive(Debug, Clone)]
pub struct LearnOptions {
    /// How each document pair is aligned (a table given here helps the alignments).
    pub align: AlignOptions,
    /// Beads the aligner is less sure of than this (0..1) are not trained on.
    pub min_confidence: f64,
    /// At most this many beads are trained on.
    pub max_training_beads: usize,
    /// Rounds of Model 1 training (EM iterations).
    pub iterations: usize,
    /// Which learned pairs are kept in the table.
    pub pruning: Pruning,
}

impl Default for LearnOptions {
    fn default() -> Self {
        LearnOptions {
            align: AlignOptions::default(),
            min_confidence: MIN_CONFIDENCE,
            max_training_beads: MAX_TRAINING_BEADS,
            iterations: model1::ITERATIONS,
            pruning: CORPUS_PRUNING,
        }
    }
}

/// What went into a learned table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LearnSummary {
    /// Document pairs read.
    pub documents: usize,
    /// Sentences of both sides.
    pub sentences: usize,
    /// Confident beads of one or two sentences a side.
    pub(crate) confident_beads: usize,
    /// Of those, the beads Model 1 was trained on (all of them below the cap).
    pub training_beads: usize,
    /// Entries in the learned table.
    pub entries: usize,
    /// Distinct source words with at least one entry.
    pub source_words: usize,
}

/// Learn a table from `documents`; `on_document` is told each document's name as it is added.
pub fn learn(
    documents: impl Iterator<Item = Result<DocPair>>,
    options: &LearnOptions,
    on_document: &mut dyn FnMut(&str),
) -> Result<(TranslationTable, LearnSummary)> {
    let mut learner = Learner::new(options);
    let mut documents = documents.peekable();
    while documents.peek().is_some() {
        let chunk: Vec<DocPair> = documents.by_ref().take(CHUNK).collect::<Result<_>>()?;
        let beads: Vec<DocBeads> = chunk
            .into_par_iter()
            .map(|doc| {
                let result =
                    align_documents(doc.src, doc.tgt, doc.langs, doc.split, &options.align);
                DocBeads::of(doc.name, &result, options.min_confidence)
            })
            .collect();
        for doc in beads {
            on_document(&doc.name);
            learner.add(doc)?;
        }
    }
    if learner.summary.documents == 0 {
        return Err(Error::Usage(
            "no document pairs to learn from in the inputs".into(),
        ));
    }
    Ok(learner.finish())
}

/// One document's training beads, as token strings in the aligner's orientation.
pub(crate) struct DocBeads {
    name: String,
    /// Query language, other language.
    langs: [Lang; 2],
    sentences: usize,
    beads: Vec<(Vec<String>, Vec<String>)>,
}

impl DocBeads {
    /// The confident beads of one or two sentences a side of an aligned pair.
    pub fn of(name: String, result: &PairResult, min_confidence: f64) -> DocBeads {
        let (src, tgt) = (&result.pair.src, &result.pair.tgt);
        let forward = query_is_source(src.lang, tgt.lang);
        let (query, other) = if forward { (src, tgt) } else { (tgt, src) };
        let words = |side: &crate::aligned::Side, partner: Lang, ids: std::ops::Range<usize>| {
            let cjk = side.lang.is_cjk_sentence_style();
            let mut tokens = Vec::new();
            for k in ids {
                tokenize(&side.sentences[k].text, side.lang, partner, &mut tokens);
            }
            let mut words: Vec<String> = tokens
                .iter()
                .filter_map(|t| table_word(t, cjk).map(|_| t.clone()))
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        };
        let beads = result
            .pair
            .alignment
            .beads
            .iter()
            .filter(|b| {
                b.score >= min_confidence
                    && (1..=2).contains(&b.src.len())
                    && (1..=2).contains(&b.tgt.len())
                    && b.src.len() + b.tgt.len() <= 3
            })
            .map(|b| {
                let (q, o) = if forward {
                    (b.src.clone(), b.tgt.clone())
                } else {
                    (b.tgt.clone(), b.src.clone())
                };
                (words(query, other.lang, q), words(other, query.lang, o))
            })
            .filter(|(q, o)| !q.is_empty() && !o.is_empty())
            .collect();
        DocBeads {
            name,
            langs: [query.lang, other.lang],
            sentences: src.sentences.len() + tgt.sentences.len(),
            beads,
        }
    }
}

/// Training beads gathered so far, as word ids.
pub(crate) struct Learner {
    langs: Option<[Lang; 2]>,
    query_vocab: Vocab,
    other_vocab: Vocab,
    query: TokenLists,
    other: TokenLists,
    /// Keep one confident bead in `step`.
    step: usize,
    summary: LearnSummary,
    iterations: usize,
    pruning: Pruning,
    max_training_beads: usize,
    min_confidence: f64,
}

impl Learner {
    pub fn new(options: &LearnOptions) -> Learner {
        Learner {
            langs: None,
            query_vocab: Vocab::default(),
            other_vocab: Vocab::default(),
            query: TokenLists::default(),
            other: TokenLists::default(),
            step: 1,
            summary: LearnSummary::default(),
            iterations: options.iterations,
            pruning: options.pruning,
            max_training_beads: options.max_training_beads.max(1),
            min_confidence: options.min_confidence,
        }
    }

    /// Add a document's beads; its languages must be those of the documents before it.
    pub fn add(&mut self, doc: DocBeads) -> Result<()> {
        let langs = *self.langs.get_or_insert(doc.langs);
        if langs != doc.langs {
            return Err(Error::Usage(format!(
                "{}: {}–{} documents, but the documents before it are {}–{}: a table is for one language pair",
                doc.name, doc.langs[0], doc.langs[1], langs[0], langs[1]
            )));
        }
        self.summary.documents += 1;
        self.summary.sentences += doc.sentences;
        for (q, o) in doc.beads {
            self.summary.confident_beads += 1;
            if !(self.summary.confident_beads - 1).is_multiple_of(self.step) {
                continue;
            }
            let intern = |vocab: &mut Vocab, words: &[String]| -> Vec<u32> {
                let mut ids: Vec<u32> = words.iter().map(|w| vocab.intern(w)).collect();
                ids.sort_unstable();
                ids
            };
            self.query.push(&intern(&mut self.query_vocab, &q));
            self.other.push(&intern(&mut self.other_vocab, &o));
            if self.query.len() > self.max_training_beads {
                self.thin();
            }
        }
        Ok(())
    }

    /// Drop every other training bead and keep only every other one from now on.
    fn thin(&mut self) {
        let keep = |lists: &TokenLists| {
            let mut kept = TokenLists::default();
            for ids in lists.iter().step_by(2) {
                kept.push(ids);
            }
            kept
        };
        self.query = keep(&self.query);
        self.other = keep(&self.other);
        self.step *= 2;
    }

    /// Train Model 1 on the beads and keep the pairs that pass the pruning.
    pub fn finish(self) -> (TranslationTable, LearnSummary) {
        let mut summary = self.summary;
        summary.training_beads = self.query.len();
        let langs = self.langs.unwrap_or([Lang::ZH, Lang::EN]);
        let bags: Vec<(&[u32], &[u32])> = self.query.iter().zip(self.other.iter()).collect();
        let learned = model1::learn_with_probabilities(
            &bags,
            self.query_vocab.len(),
            self.iterations,
            &self.pruning,
            &|_| true,
        );
        let [query_cjk, other_cjk] = langs.map(|l| l.is_cjk_sentence_style());
        let word = |vocab: &Vocab, id: u32, cjk: bool| -> Box<str> {
            table_word(vocab.word(id), cjk)
                .expect("only table words are trained")
                .into()
        };
        let entries: Vec<Entry> = learned
            .iter()
            .enumerate()
            .flat_map(|(q, row)| {
                row.iter()
                    .map(move |&(o, probability)| (q as u32, o, probability))
            })
            .map(|(q, o, probability)| Entry {
                source: word(&self.query_vocab, q, query_cjk),
                target: word(&self.other_vocab, o, other_cjk),
                probability,
            })
            .collect();
        summary.entries = entries.len();
        summary.source_words = learned.iter().filter(|row| !row.is_empty()).count();
        let p = &self.pruning;
        let learned_from = format!(
            "learned by bialign {} from {} documents ({} sentences), {} training beads \
             (1-1, 1-2, 2-1, confidence >= {}); IBM Model 1, {} iterations; kept t >= {}, \
             together >= {}, Dice >= {}, at most {} a word",
            env!("CARGO_PKG_VERSION"),
            summary.documents,
            summary.sentences,
            summary.training_beads,
            self.min_confidence,
            self.iterations,
            p.min_probability,
            p.min_cooccurrence,
            p.min_dice,
            p.max_translations,
        );
        (TranslationTable::new(langs, learned_from, entries), summary)
    }
}
