//! The pipeline's result: both sides of a document pair, the beads between them and each bead's
//! anchor comparison ([`AlignedPair`]). Every command reads it: the formats of `align`, `check`,
//! `diff`, `batch` and `table`; none of them reaches back into how the alignment was made.

use std::borrow::Cow;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Alignment, Bead, BeadKind};
use crate::anchor::bead_anchors::{AnchorKind, BeadAnchors, Side as AnchorSide};
use crate::anchor::compare;
use crate::anchor::glossary::Glossary;
use crate::lang::Lang;
use crate::segment::Sentence;

/// One side of an aligned pair: its file name, language and sentences.
#[derive(Debug, Clone)]
pub struct Side {
    /// The file name as given (what the reports print).
    pub name: String,
    /// The side's language, given or detected.
    pub lang: Lang,
    /// The side's sentences in document order; beads index into this.
    pub sentences: Vec<Sentence>,
}

/// One document pair aligned: both sides, the beads between them and the anchors of each bead.
#[derive(Debug, Clone)]
pub struct AlignedPair {
    /// The source side.
    pub src: Side,
    /// The target side (the translation).
    pub tgt: Side,
    /// The beads between `src` and `tgt`.
    pub alignment: Alignment,
    /// The glossary the alignment used, which also decides glossary flags.
    pub glossary: Glossary,
    /// Each bead's anchor comparison, made once for all views and `check` when one of them
    /// first asks for all beads ([`Self::all_anchors`]). It is not made again: a pair whose
    /// beads or texts are changed after that keeps the old comparison, so change them before.
    anchors: OnceLock<Vec<BeadAnchors>>,
}

/// Beads scored below this are marked unsure in the HTML and terminal views. A score is the
/// probability that the bead beats its best rival, in 0.5..=1 (0.5 a coin toss); below 0.7 a bead
/// is markedly less often right (tests/confidence.rs).
pub(crate) const LOW_CONFIDENCE: f64 = 0.7;

/// Counts for report headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Number of beads.
    pub beads: usize,
    /// Bead kinds with how many beads of each: the pair shapes present, then omissions (1-0) and
    /// additions (0-1), which are always listed (a zero says none were found).
    pub kinds: Vec<(BeadKind, usize)>,
    /// Paired beads with at least one anchor mismatch.
    pub flagged: usize,
    /// Beads scored below `LOW_CONFIDENCE`.
    pub low_confidence: usize,
}

/// A bead flattened for tabular formats.
#[derive(Debug, Clone, Serialize)]
pub struct BeadRecord {
    /// 0-based index of the bead in the alignment.
    pub bead: usize,
    /// 0-based indices of the bead's source sentences.
    pub src_ids: Vec<usize>,
    /// 0-based indices of the bead's target sentences.
    pub tgt_ids: Vec<usize>,
    /// The bead's shape, such as `1-1`, `2-1` or `1-0` ([`BeadKind`]).
    pub kind: String,
    /// How sure the aligner is of the bead, in 0..1 ([`Bead::score`]).
    pub score: f64,
    /// The bead's source sentences joined ([`join`]); empty for an addition.
    pub src: String,
    /// The bead's target sentences joined ([`join`]); empty for an omission.
    pub tgt: String,
    /// Byte offsets of the bead's first sentence start and last sentence end in the source file:
    /// the slice holds what lies between the sentences as it is, where `src` has [`join`]'s
    /// separator (the README's csv section says so).
    pub src_span: Option<(usize, usize)>,
    /// Like `src_span`, in the target file.
    pub tgt_span: Option<(usize, usize)>,
    /// 1-based line of the bead's first source sentence; `None` for an addition.
    pub src_line: Option<usize>,
    /// 1-based line of the bead's first target sentence; `None` for an omission.
    pub tgt_line: Option<usize>,
    /// Anchor mismatches, one `{number,term,glossary}-only-in-{src,tgt}:KEY` each.
    pub flags: Vec<String>,
    /// The paragraph (see [`Sentence::paragraph`]) of the bead's first sentence on each side.
    pub src_paragraph: Option<usize>,
    /// Like `src_paragraph`, on the target side.
    pub tgt_paragraph: Option<usize>,
}

impl AlignedPair {
    /// A pair from its sides, their alignment and the glossary it was made with; the beads'
    /// anchors are compared on first use.
    pub fn new(src: Side, tgt: Side, alignment: Alignment, glossary: Glossary) -> AlignedPair {
        AlignedPair {
            src,
            tgt,
            alignment,
            glossary,
            anchors: OnceLock::new(),
        }
    }

    /// Every bead as a [`BeadRecord`], in order.
    pub fn records(&self) -> impl Iterator<Item = BeadRecord> + '_ {
        self.alignment
            .beads
            .iter()
            .enumerate()
            .map(|(k, bead)| self.record(k, bead))
    }

    /// How many beads of each kind, flagged and unsure.
    pub fn summary(&self) -> Summary {
        let beads = &self.alignment.beads;
        let mut kinds: Vec<(BeadKind, usize)> = vec![
            (BeadKind { src: 1, tgt: 0 }, 0),
            (BeadKind { src: 0, tgt: 1 }, 0),
        ];
        for b in beads {
            match kinds.iter_mut().find(|(k, _)| *k == b.kind()) {
                Some((_, n)) => *n += 1,
                None => kinds.push((b.kind(), 1)),
            }
        }
        kinds.sort_by_key(|(k, _)| (k.src == 0 || k.tgt == 0, k.src == 0, *k));
        Summary {
            beads: beads.len(),
            kinds,
            flagged: self
                .all_anchors()
                .iter()
                .filter(|a| !a.mismatches.is_empty())
                .count(),
            low_confidence: beads.iter().filter(|b| b.score < LOW_CONFIDENCE).count(),
        }
    }

    /// The anchor comparison of every bead (empty for omissions and additions, whose anchors
    /// have nothing to be compared with), made once, in parallel, the first time it is asked for.
    pub(crate) fn all_anchors(&self) -> &[BeadAnchors] {
        self.anchors.get_or_init(|| {
            self.alignment
                .beads
                .par_iter()
                .map(|bead| self.compare(bead))
                .collect()
        })
    }

    /// Bead `k`'s anchor comparison: from `Self::all_anchors` once that has been made;
    /// otherwise made for this bead alone and not kept, so that a format that streams beads
    /// (csv, jsonl) does not hold every bead's anchors at once.
    pub fn anchors(&self, k: usize) -> Cow<'_, BeadAnchors> {
        match self.anchors.get() {
            Some(all) => Cow::Borrowed(&all[k]),
            None => Cow::Owned(self.compare(&self.alignment.beads[k])),
        }
    }

    fn compare(&self, bead: &Bead) -> BeadAnchors {
        if !bead.is_pair() {
            return BeadAnchors::default();
        }
        fn texts(side: &Side, r: std::ops::Range<usize>) -> Vec<&str> {
            side.sentences[r].iter().map(|s| s.text.as_str()).collect()
        }
        compare::compare_bead(
            &texts(&self.src, bead.src.clone()),
            self.src.lang,
            &texts(&self.tgt, bead.tgt.clone()),
            self.tgt.lang,
            &self.glossary,
        )
    }

    fn record(&self, k: usize, bead: &Bead) -> BeadRecord {
        let src = &self.src.sentences[bead.src.clone()];
        let tgt = &self.tgt.sentences[bead.tgt.clone()];
        BeadRecord {
            bead: k,
            src_ids: bead.src.clone().collect(),
            tgt_ids: bead.tgt.clone().collect(),
            kind: bead.kind().to_string(),
            score: bead.score,
            src: join(src, self.src.lang),
            tgt: join(tgt, self.tgt.lang),
            src_span: span(src),
            tgt_span: span(tgt),
            src_line: src.first().map(|s| s.line),
            tgt_line: tgt.first().map(|s| s.line),
            flags: flags(&self.anchors(k)),
            src_paragraph: src.first().map(|s| s.paragraph),
            tgt_paragraph: tgt.first().map(|s| s.paragraph),
        }
    }
}

/// Short machine-readable notes on a bead: its anchors that are mismatches, as
/// `number-only-in-src:2015`.
fn flags(anchors: &BeadAnchors) -> Vec<String> {
    anchors
        .flagged()
        .map(|(side, a)| {
            let what = match a.kind {
                AnchorKind::Number | AnchorKind::NumberWord => "number",
                AnchorKind::Term => "term",
                AnchorKind::Glossary => "glossary",
            };
            let side = match side {
                AnchorSide::Src => "src",
                AnchorSide::Tgt => "tgt",
            };
            format!("{what}-only-in-{side}:{}", a.key)
        })
        .collect()
}

/// Sentences of one bead side as one text: with a space between them, or with nothing for
/// languages written without spaces.
pub fn join(sentences: &[Sentence], lang: Lang) -> String {
    let sep = if lang.joins_without_space() { "" } else { " " };
    sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

fn span(sentences: &[Sentence]) -> Option<(usize, usize)> {
    Some((sentences.first()?.start, sentences.last()?.end))
}
