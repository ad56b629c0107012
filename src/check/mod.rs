//! Fidelity checks: verdicts on an aligned document pair. Each family of findings is one module;
//! they all read the alignment ([`PairResult`]) and the anchor comparison of
//! [`crate::anchor::compare`], and produce [`Finding`]s with exact locations in both files.
//!
//! - [`gaps`]: `omission` and `addition` (sentences without a counterpart);
//! - [`partial`]: `partial-omission` (a clause of a translated sentence left out);
//! - [`anchors`]: `number-mismatch`, `term-mismatch`, `glossary` (anchors without a counterpart);
//! - [`names`]: `term-mismatch` for a name spelled differently once in the translation;
//! - [`untranslated`]: target sentences left in the source language;
//! - [`length`]: `length-outlier`, beads whose length ratio is far from the document's own;
//! - [`confidence`]: `low-confidence`, beads the aligner is unsure of.
//!
//! What a finding is, and the rest of the vocabulary the formats and `diff` read, is in
//! [`finding`] (re-exported here); this module runs the checks ([`check`], [`check_files`]).
//! [`baseline`] matches findings across runs (for `--baseline` and `bialign diff`), and
//! [`format`](mod@format) writes them for people, scripts and CI.

pub mod anchors;
pub mod baseline;
pub mod confidence;
pub mod finding;
pub mod format;
pub mod gaps;
pub mod length;
pub mod names;
pub mod partial;
pub mod unpaired;
pub mod untranslated;

use std::ops::Range;
use std::path::Path;

use crate::aligned::{self, AlignedPair};
use crate::document::Document;
use crate::error::Result;
use crate::lang::Lang;
use crate::pipeline::{self, PairRequest, PairResult};

pub use finding::{
    count_noun, fails, AnchorRef, CheckReport, Counts, Excerpt, FailOn, FileInfo, Finding, Kind,
    Location, Severity, SideName,
};

/// Tunable thresholds; the defaults are what the detection benchmark was measured with.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Kinds not to report at all.
    pub ignore: Vec<Kind>,
    /// Pair beads with a confidence below this are reported as `low-confidence`.
    pub low_confidence: f64,
    /// How many robust standard deviations from the document's median length ratio make a
    /// `length-outlier`.
    pub length_outlier_sigmas: f64,
    /// How likely a sentence without a counterpart must be to be reported.
    pub sensitivity: unpaired::Sensitivity,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            ignore: Vec::new(),
            low_confidence: confidence::DEFAULT_THRESHOLD,
            length_outlier_sigmas: length::DEFAULT_SIGMAS,
            sensitivity: unpaired::Sensitivity::default(),
        }
    }
}

/// Run every check on an aligned pair; findings come in document order (by bead, then kind).
pub fn check(result: &PairResult, options: &CheckOptions) -> Vec<Finding> {
    let cx = Context {
        pair: &result.pair,
        src_doc: &result.src_doc,
        tgt_doc: &result.tgt_doc,
    };
    let mut findings = Vec::new();
    gaps::check(&cx, options.sensitivity, &mut findings);
    partial::check(&cx, options.sensitivity, &mut findings);
    anchors::check(&cx, &mut findings);
    names::check(&cx, &mut findings);
    untranslated::check(&cx, &mut findings);
    length::check(&cx, options.length_outlier_sigmas, &mut findings);
    confidence::check(&cx, options.low_confidence, &mut findings);
    findings.retain(|f| !options.ignore.contains(&f.kind));
    findings.sort_by(|a, b| {
        (
            a.bead,
            a.kind,
            a.target.location.start,
            a.source.location.start,
        )
            .cmp(&(
                b.bead,
                b.kind,
                b.target.location.start,
                b.source.location.start,
            ))
    });
    findings
}

/// Align two files and check them; with a baseline, findings already in it are left out.
/// A bad baseline is reported before any aligning is done.
pub fn check_files(
    request: &PairRequest<'_>,
    options: &CheckOptions,
    baseline: Option<&Path>,
) -> Result<(PairResult, CheckReport)> {
    let known = baseline.map(baseline::read).transpose()?;
    let result = pipeline::align_files(request)?;
    let findings = check(&result, options);
    let mut report = CheckReport::new(&result.pair, findings);
    if let Some(known) = known {
        let (fresh, n) = baseline::subtract(std::mem::take(&mut report.findings), &known);
        report.findings = fresh;
        report.baselined = n;
    }
    Ok((result, report))
}

/// What every family of checks needs: the pair and the two documents, with helpers to build
/// excerpts and locations.
pub struct Context<'a> {
    /// The aligned pair the checks judge.
    pub pair: &'a AlignedPair,
    /// The source document, for line and column lookups.
    pub src_doc: &'a Document,
    /// The target document, for line and column lookups.
    pub tgt_doc: &'a Document,
}

impl Context<'_> {
    fn side(&self, side: SideName) -> (&aligned::Side, &Document) {
        match side {
            SideName::Source => (&self.pair.src, self.src_doc),
            SideName::Target => (&self.pair.tgt, self.tgt_doc),
        }
    }

    /// The language of `side`.
    pub fn lang(&self, side: SideName) -> Lang {
        self.side(side).0.lang
    }

    /// The sentences `ids` of one side; when there are none, an empty excerpt at the place in
    /// that file where bead `bead`'s text would be.
    pub fn excerpt(&self, side: SideName, ids: Range<usize>, bead: usize) -> Excerpt {
        let (s, doc) = self.side(side);
        let sentences = &s.sentences[ids.clone()];
        let (start, end) = match (sentences.first(), sentences.last()) {
            (Some(first), Some(last)) => (first.start, last.end),
            _ => {
                let p = self.insertion_point(side, bead);
                (p, p)
            }
        };
        Excerpt {
            text: aligned::join(sentences, s.lang),
            sentences: ids.collect(),
            location: Location::in_document(doc, start, end),
        }
    }

    /// Where bead `bead` would have text on `side`: the start of the next sentence that side has,
    /// or the end of the previous one.
    fn insertion_point(&self, side: SideName, bead: usize) -> usize {
        let (s, _) = self.side(side);
        let beads = &self.pair.alignment.beads;
        let range = |b: &crate::align::Bead| match side {
            SideName::Source => b.src.clone(),
            SideName::Target => b.tgt.clone(),
        };
        if let Some(next) = beads[bead..].iter().map(range).find(|r| !r.is_empty()) {
            return s.sentences[next.start].start;
        }
        beads[..bead]
            .iter()
            .rev()
            .map(range)
            .find(|r| !r.is_empty())
            .map_or(0, |prev| s.sentences[prev.end - 1].end)
    }

    /// A finding over the sentences of `src` and `tgt`, with bead `bead`'s locations.
    pub fn finding(
        &self,
        kind: Kind,
        message: String,
        bead: usize,
        src: Range<usize>,
        tgt: Range<usize>,
    ) -> Finding {
        Finding {
            kind,
            severity: kind.severity(),
            message,
            bead,
            source: self.excerpt(SideName::Source, src, bead),
            target: self.excerpt(SideName::Target, tgt, bead),
            anchors: Vec::new(),
            confidence: None,
        }
    }

    /// An anchor at byte span `start..end` of sentence `sentence` (an index into the whole side).
    pub fn anchor(
        &self,
        side: SideName,
        sentence: usize,
        start: usize,
        end: usize,
        value: &str,
    ) -> AnchorRef {
        let (s, doc) = self.side(side);
        let sent = &s.sentences[sentence];
        AnchorRef {
            side,
            text: sent.text[start..end].to_owned(),
            value: value.to_owned(),
            location: Location::in_document(doc, sent.start + start, sent.start + end),
        }
    }
}
