//! The aligner's output: beads pairing consecutive runs of source and target sentences.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// One bead: `src` sentences translate as `tgt` sentences. Either side may be empty (an omission
/// or an addition), never both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// 0-based indices of the source sentences in the bead; empty for an addition.
    pub src: Range<usize>,
    /// 0-based indices of the target sentences in the bead; empty for an omission.
    pub tgt: Range<usize>,
    /// How sure the aligner is of this bead, in 0..1.
    pub score: f64,
}

impl Bead {
    /// The bead's shape: how many sentences it holds on each side.
    pub fn kind(&self) -> BeadKind {
        BeadKind {
            src: self.src.len(),
            tgt: self.tgt.len(),
        }
    }

    /// True when both sides hold sentences (neither an omission nor an addition).
    pub fn is_pair(&self) -> bool {
        !self.src.is_empty() && !self.tgt.is_empty()
    }
}

/// The shape of a bead, printed `1-2`, `1-0`, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BeadKind {
    /// Number of source sentences.
    pub src: usize,
    /// Number of target sentences.
    pub tgt: usize,
}

impl fmt::Display for BeadKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.src, self.tgt)
    }
}

/// A whole alignment with what the model estimated about the document pair.
#[derive(Debug, Clone, Serialize)]
pub struct Alignment {
    /// The beads in document order; together they cover every sentence of both sides once.
    pub beads: Vec<Bead>,
    /// Target characters per source character, estimated from this document pair.
    pub length_ratio: f64,
    /// For each source sentence, the probability that it has no counterpart: the share of all
    /// alignments, weighted by how likely the model finds them, that leave it unpaired.
    #[serde(skip)]
    pub src_unpaired: Vec<f64>,
    /// The same for each target sentence.
    #[serde(skip)]
    pub tgt_unpaired: Vec<f64>,
    /// For each source sentence in a pair bead, how many nats more its stretch costs with the
    /// sentence standing alone instead (infinite where there is no such local alternative).
    #[serde(skip)]
    pub src_alone_margin: Vec<f64>,
    /// The same for each target sentence.
    #[serde(skip)]
    pub tgt_alone_margin: Vec<f64>,
}

impl Alignment {
    /// Check the invariants every alignment must keep: beads in order, none empty on both sides,
    /// every sentence of both sides in exactly one bead.
    pub fn is_partition_of(&self, n_src: usize, n_tgt: usize) -> bool {
        let (mut i, mut j) = (0, 0);
        for b in &self.beads {
            if b.src.start != i || b.tgt.start != j || (b.src.is_empty() && b.tgt.is_empty()) {
                return false;
            }
            i = b.src.end;
            j = b.tgt.end;
        }
        i == n_src && j == n_tgt
    }
}
