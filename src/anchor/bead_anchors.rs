//! What comparing the anchors of a bead finds: each side's anchors ([`Anchor`]), whether each has
//! its counterpart, and the mismatches among those without one ([`Mismatch`]). [`super::compare`]
//! makes a [`BeadAnchors`], [`super::units`] and [`super::mismatch`] refine it, and the views and
//! `check` read it.

use serde::Serialize;

/// What kind of thing an [`Anchor`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// A number, compared by value across scripts (35岁 ↔ 35, 二〇一二 ↔ 2012).
    Number,
    /// A number spelled out in words (三十五, thirty-five): compared the same way, but a missing
    /// one is weaker evidence, since words like 一 are often not numbers at all.
    NumberWord,
    /// A Latin-script name or term (OpenAI, GPT-3).
    Term,
    /// A glossary term; `matched` says whether the required translation is there.
    Glossary,
}

/// One anchor found in one sentence of a bead side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// What kind of anchor it is.
    pub kind: AnchorKind,
    /// What it is compared by: the number's canonical value (an ordinal's with its ending, "2nd",
    /// so that it meets only ordinals), the term, or the glossary entry's required translation.
    pub key: String,
    /// Index of the sentence within the bead side.
    pub sentence: usize,
    /// Byte span within that sentence.
    pub start: usize,
    /// End of the byte span within that sentence (exclusive).
    pub end: usize,
    /// The other side has its counterpart.
    pub matched: bool,
    /// It is named by one of the bead's [`BeadAnchors::mismatches`]: what views mark as a
    /// mismatch. An anchor can be unmatched without being flagged (一个 → "a").
    pub flagged: bool,
}

/// The anchors of both sides of a bead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BeadAnchors {
    /// The anchors of the bead's source sentences, in reading order.
    pub src: Vec<Anchor>,
    /// The anchors of the bead's target sentences, in reading order.
    pub tgt: Vec<Anchor>,
    /// The mismatches among the unmatched anchors, as `check` reports them.
    pub mismatches: Vec<Mismatch>,
}

impl BeadAnchors {
    /// The anchors named by a mismatch, source side first.
    pub fn flagged(&self) -> impl Iterator<Item = (Side, &Anchor)> {
        let src = self
            .src
            .iter()
            .filter(|a| a.flagged)
            .map(|a| (Side::Src, a));
        let tgt = self
            .tgt
            .iter()
            .filter(|a| a.flagged)
            .map(|a| (Side::Tgt, a));
        src.chain(tgt)
    }

    /// The anchors without a counterpart, mismatches or not.
    pub fn unmatched(&self) -> impl Iterator<Item = (Side, &Anchor)> {
        let src = self
            .src
            .iter()
            .filter(|a| !a.matched)
            .map(|a| (Side::Src, a));
        let tgt = self
            .tgt
            .iter()
            .filter(|a| !a.matched)
            .map(|a| (Side::Tgt, a));
        src.chain(tgt)
    }
}

/// The side of a bead an anchor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The source side.
    Src,
    /// The target side.
    Tgt,
}

/// What a mismatch is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MismatchKind {
    /// The numbers of the two sides differ.
    Number,
    /// A term is missing from one side, or spelled otherwise there.
    Term,
    /// A glossary term's required translation is missing.
    Glossary,
}

/// One mismatch of a bead: the anchors it names, as indices into the bead's source and target
/// anchors ([`BeadAnchors`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    /// What the mismatch is about.
    pub kind: MismatchKind,
    /// Indices into [`BeadAnchors::src`] of the source anchors concerned.
    pub src: Vec<usize>,
    /// Indices into [`BeadAnchors::tgt`] of the target anchors concerned.
    pub tgt: Vec<usize>,
}
