//! What an edit changed, seen through the alignment.
//!
//! - A new version of a translation ([`diff_translations`]): both versions are aligned to the
//!   source; for each source passage whose translation differs, the old and new translation with
//!   a word-level diff ([`words`]), and the findings the edit introduced and fixed (a check of
//!   the new version against a check of the old one, matched as baselines are).
//! - A new version of the source ([`source::diff_sources`]): which target sentences are stale
//!   because their source sentence changed or went, and which new source sentences have no
//!   translation yet.
//!
//! [`format`](mod@format) writes both for terminals, scripts and CI.

pub mod format;
pub mod source;
pub mod words;

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::{AlignOptions, Bead};
use crate::check::baseline::unpaired;
use crate::check::{
    self, CheckOptions, Context, Excerpt, FailOn, FileInfo, Finding, Severity, SideName,
};
use crate::document::Document;
use crate::error::Result;
use crate::lang::Detection;
use crate::pipeline::{self, LangChoice, PairResult};
use crate::segment::Split;
use words::Piece;

/// What happened to a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// There before and after, but different.
    Changed,
    /// There only after.
    Added,
    /// There only before.
    Removed,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: [Status; 3] = [Status::Changed, Status::Added, Status::Removed];

    /// The lowercase name used in JSON and reports: `changed`, `added` or `removed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Changed => "changed",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }
}

/// How many changes have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct StatusCounts {
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
}

impl StatusCounts {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut counts = StatusCounts::default();
        for s in statuses {
            *counts.get_mut(s) += 1;
        }
        counts
    }

    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Changed => self.changed,
            Status::Added => self.added,
            Status::Removed => self.removed,
        }
    }

    fn get_mut(&mut self, s: Status) -> &mut usize {
        match s {
            Status::Changed => &mut self.changed,
            Status::Added => &mut self.added,
            Status::Removed => &mut self.removed,
        }
    }
}

/// One source passage whose translation differs between the two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// `added`: the passage had no translation before; `removed`: it has none now.
    pub status: Status,
    /// The source sentences (empty for text the translation adds without a source).
    pub source: Excerpt,
    /// The old translation of the passage (empty when it had none).
    pub old: Excerpt,
    /// The new translation of the passage (empty when it has none).
    pub new: Excerpt,
    /// The word-level difference of the old and new translation.
    pub words: Vec<Piece>,
}

/// The result of comparing two versions of a translation.
#[derive(Debug, Clone)]
pub struct TranslationDiff {
    /// The source file.
    pub source: FileInfo,
    /// The old translation file.
    pub old: FileInfo,
    /// The new translation file.
    pub new: FileInfo,
    /// The passages whose translation differs, in source order.
    pub changes: Vec<Change>,
    /// Source passages whose translation is the same in both versions.
    pub(crate) unchanged: usize,
    /// Findings of the new version that the old one did not have (warnings and errors: notes
    /// on the aligner's confidence come and go with any realignment).
    pub introduced: Vec<Finding>,
    /// Findings of the old version that the new one no longer has.
    pub fixed: Vec<Finding>,
    /// Detections made for `auto` languages (source, target; the target's from the old version).
    pub detections: [Option<Detection>; 2],
}

impl TranslationDiff {
    /// Did the edit introduce findings at or above the threshold?
    pub fn fails(&self, fail_on: FailOn) -> bool {
        check::fails(&self.introduced, fail_on)
    }

    pub(crate) fn status_counts(&self) -> StatusCounts {
        StatusCounts::of(self.changes.iter().map(|c| c.status))
    }
}

/// How both commands align: languages, segmentation, alignment and check options.
pub struct DiffOptions<'a> {
    /// The languages of source and target, given or to be detected.
    pub langs: [LangChoice; 2],
    /// How the texts are cut into sentences.
    pub split: Split,
    /// How each version is aligned.
    pub align: &'a AlignOptions,
    /// The checks run on each version.
    pub check: &'a CheckOptions,
}

/// Align `old` and `new` translations of `src` and compare them passage by passage.
pub fn diff_translations(
    src: &Path,
    old: &Path,
    new: &Path,
    options: &DiffOptions<'_>,
) -> Result<TranslationDiff> {
    let [src_doc, old_doc, new_doc] = Document::read_each([src, old, new])?;
    // Both versions are read in the same languages, so that a detection cannot differ.
    let (src_lang, src_detection) = pipeline::resolve_lang(options.langs[0], &src_doc);
    let (tgt_lang, tgt_detection) = pipeline::resolve_lang(options.langs[1], &old_doc);
    let langs = [LangChoice::Fixed(src_lang), LangChoice::Fixed(tgt_lang)];
    let before = pipeline::align_documents(
        src_doc.clone(),
        old_doc,
        langs,
        options.split,
        options.align,
    );
    let after = pipeline::align_documents(src_doc, new_doc, langs, options.split, options.align);
    Ok(TranslationDiff {
        detections: [src_detection, tgt_detection],
        ..compare(&before, &after, options.check)
    })
}

/// Compare two alignments of one source with two versions of its translation.
pub fn compare(before: &PairResult, after: &PairResult, options: &CheckOptions) -> TranslationDiff {
    let cx_old = context(before);
    let cx_new = context(after);
    let (old_beads, new_beads) = (&before.pair.alignment.beads, &after.pair.alignment.beads);
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for unit in units(old_beads, new_beads) {
        let old_tgt = target_range(old_beads, &unit.old);
        let new_tgt = target_range(new_beads, &unit.new);
        let old = cx_old.excerpt(SideName::Target, old_tgt, unit.old.start);
        let new = cx_new.excerpt(SideName::Target, new_tgt, unit.new.start);
        if same(&old.text, &new.text) {
            unchanged += usize::from(!unit.src.is_empty());
            continue;
        }
        let status = match (old.text.is_empty(), new.text.is_empty()) {
            (true, _) => Status::Added,
            (_, true) => Status::Removed,
            _ => Status::Changed,
        };
        changes.push(Change {
            status,
            source: cx_old.excerpt(SideName::Source, unit.src.clone(), unit.old.start),
            words: words::diff(&old.text, &new.text),
            old,
            new,
        });
    }
    // Notes (low-confidence pairings) come and go with any realignment: not the edit's doing.
    let notes = |f: &Finding| f.severity > Severity::Note;
    let mut old_findings = check::check(before, options);
    let mut new_findings = check::check(after, options);
    old_findings.retain(notes);
    new_findings.retain(notes);
    let (introduced, fixed) = unpaired(new_findings, old_findings);
    TranslationDiff {
        source: FileInfo::of(&before.pair.src),
        old: FileInfo::of(&before.pair.tgt),
        new: FileInfo::of(&after.pair.tgt),
        changes,
        unchanged,
        introduced,
        fixed,
        detections: before.detections.clone(),
    }
}

pub(crate) fn context(r: &PairResult) -> Context<'_> {
    Context {
        pair: &r.pair,
        src_doc: &r.src_doc,
        tgt_doc: &r.tgt_doc,
    }
}

/// Equal up to spacing.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A source passage both alignments agree on: source sentences `src`, covered exactly by beads
/// `old` of the first alignment and `new` of the second. A passage with no source sentences
/// holds target sentences without a source at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub src: Range<usize>,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// The finest passages on which two alignments of the same source agree: where one aligner
/// made a 2-1 bead and the other two 1-1 beads, the passage holds both source sentences.
pub(crate) fn units(a: &[Bead], b: &[Bead]) -> Vec<Unit> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    loop {
        let a_gap = i < a.len() && a[i].src.is_empty();
        let b_gap = j < b.len() && b[j].src.is_empty();
        if a_gap || b_gap {
            let p = if a_gap {
                a[i].src.start
            } else {
                b[j].src.start
            };
            let (si, sj) = (i, j);
            while i < a.len() && a[i].src.is_empty() {
                i += 1;
            }
            while j < b.len() && b[j].src.is_empty() {
                j += 1;
            }
            out.push(Unit {
                src: p..p,
                old: si..i,
                new: sj..j,
            });
            continue;
        }
        if i >= a.len() || j >= b.len() {
            break;
        }
        let (si, sj) = (i, j);
        let (mut ea, mut eb) = (a[i].src.end, b[j].src.end);
        i += 1;
        j += 1;
        while ea != eb {
            if ea < eb {
                ea = ea.max(a[i].src.end);
                i += 1;
            } else {
                eb = eb.max(b[j].src.end);
                j += 1;
            }
        }
        out.push(Unit {
            src: a[si].src.start..ea,
            old: si..i,
            new: sj..j,
        });
    }
    out
}

/// The target sentences of beads `beads` (empty at the right place when they have none).
pub(crate) fn target_range(all: &[Bead], beads: &Range<usize>) -> Range<usize> {
    let mut r = beads.clone().map(|k| all[k].tgt.clone());
    match r.next() {
        Some(first) => {
            let end = beads.clone().last().map_or(first.end, |k| all[k].tgt.end);
            first.start..end
        }
        None => {
            let at = all
                .get(beads.start)
                .map_or_else(|| all.last().map_or(0, |b| b.tgt.end), |b| b.tgt.start);
            at..at
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(s: Range<usize>, t: Range<usize>) -> Bead {
        Bead {
            src: s,
            tgt: t,
            score: 1.0,
        }
    }

    #[test]
    fn passages_where_both_alignments_agree() {
        let a = vec![
            bead(0..1, 0..1),
            bead(1..3, 1..2),
            bead(3..3, 2..3),
            bead(3..4, 3..4),
        ];
        let b = vec![
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..3, 2..3),
            bead(3..4, 3..5),
            bead(4..4, 5..6),
        ];
        let u = units(&a, &b);
        assert_eq!(
            u,
            vec![
                Unit {
                    src: 0..1,
                    old: 0..1,
                    new: 0..1
                },
                Unit {
                    src: 1..3,
                    old: 1..2,
                    new: 1..3
                },
                Unit {
                    src: 3..3,
                    old: 2..3,
                    new: 3..3
                },
                Unit {
                    src: 3..4,
                    old: 3..4,
                    new: 3..4
                },
                Unit {
                    src: 4..4,
                    old: 4..4,
                    new: 4..5
                },
            ]
        );
        assert_eq!(target_range(&a, &(2..3)), 2..3);
        assert_eq!(target_range(&b, &(3..3)), 3..3);
        assert_eq!(target_range(&a, &(4..4)), 4..4);
    }
}
