//! The vocabulary of fidelity checks: what a finding is ([`Finding`], its [`Kind`], [`Severity`]
//! and places), how a run is judged ([`FailOn`]) and counted ([`Counts`]), and a finished check
//! ([`CheckReport`]). The checks produce these; the formats of `check` and `diff` and the
//! baseline read them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::aligned::{AlignedPair, Side};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::names::Named;

/// What a finding is about. The order is the order of the human report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Source sentences with no translation.
    Omission,
    /// Clauses of a source sentence that the translation leaves out.
    PartialOmission,
    /// Target sentences with no source.
    Addition,
    /// A number on one side of a bead and not on the other.
    NumberMismatch,
    /// A name or Latin-script term on one side of a bead and not on the other.
    TermMismatch,
    /// A glossary term on one side of a bead without its glossary counterpart on the other.
    Glossary,
    /// A target sentence identical to its source or written in the source language.
    Untranslated,
    /// A bead whose target is far longer or shorter than the pair's length ratio predicts.
    LengthOutlier,
    /// A bead the aligner is unsure of.
    LowConfidence,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 9] = [
        Kind::Omission,
        Kind::PartialOmission,
        Kind::Addition,
        Kind::NumberMismatch,
        Kind::TermMismatch,
        Kind::Glossary,
        Kind::Untranslated,
        Kind::LengthOutlier,
        Kind::LowConfidence,
    ];

    /// How serious a finding of this kind is.
    pub fn severity(self) -> Severity {
        match self {
            Kind::Omission | Kind::NumberMismatch | Kind::Glossary | Kind::Untranslated => {
                Severity::Error
            }
            Kind::PartialOmission | Kind::Addition | Kind::TermMismatch | Kind::LengthOutlier => {
                Severity::Warning
            }
            Kind::LowConfidence => Severity::Note,
        }
    }

    /// A heading for a group of findings of this kind.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::Omission => "Omissions: source sentences without a translation",
            Kind::PartialOmission => "Partial omissions: clauses without a translation",
            Kind::Addition => "Additions: translated sentences without a source",
            Kind::NumberMismatch => "Number mismatches",
            Kind::TermMismatch => "Term mismatches: names and Latin-script terms",
            Kind::Glossary => "Glossary violations",
            Kind::Untranslated => "Untranslated sentences",
            Kind::LengthOutlier => "Length outliers",
            Kind::LowConfidence => "Low-confidence alignments",
        }
    }
}

impl Named for Kind {
    const WHAT: &'static str = "finding kind";
    const VALUES: &'static [(&'static str, Kind)] = &[
        ("omission", Kind::Omission),
        ("partial-omission", Kind::PartialOmission),
        ("addition", Kind::Addition),
        ("number-mismatch", Kind::NumberMismatch),
        ("term-mismatch", Kind::TermMismatch),
        ("glossary", Kind::Glossary),
        ("untranslated", Kind::Untranslated),
        ("length-outlier", Kind::LengthOutlier),
        ("low-confidence", Kind::LowConfidence),
    ];
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Kind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Kind> {
        crate::names::parse_loosely(s)
    }
}

/// How serious a finding is; ordered, so `>=` compares with a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Read from JSON written before version 2, which called it `info`.
    #[serde(alias = "info")]
    Note,
    /// Worth a look; does not fail a run by default.
    Warning,
    /// Very likely a translation fault; fails a run by default.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and reports: `note`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// One level less serious (a note stays a note).
    pub fn lower(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            Severity::Warning | Severity::Note => Severity::Note,
        }
    }

    /// The word reports use for it: `error`, `warning`, `note` (GitHub's annotations call a
    /// note `notice`, their own name for the level).
    pub fn word(self) -> &'static str {
        self.as_str()
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The lowest severity that makes a run fail, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Fail on errors only (the default).
    #[default]
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Note,
    /// Never fail.
    Never,
}

impl Named for FailOn {
    const WHAT: &'static str = "severity";
    const VALUES: &'static [(&'static str, FailOn)] = &[
        ("error", FailOn::Error),
        ("warning", FailOn::Warning),
        ("note", FailOn::Note),
        ("never", FailOn::Never),
    ];
}

impl FailOn {
    /// True when a finding of `severity` makes the run fail.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Note => true,
            FailOn::Never => false,
        }
    }
}

/// A place in a file: 1-based line and column (in characters) of the start and end, and the byte
/// span. An empty span marks where something is missing (an omission's place in the translation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The file's display name.
    pub file: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    pub(crate) end_line: usize,
    pub(crate) end_column: usize,
    /// Byte offset of the start in the file.
    pub start: usize,
    /// Byte offset of the end in the file (exclusive).
    pub end: usize,
}

impl Location {
    pub(crate) fn in_document(doc: &Document, start: usize, end: usize) -> Location {
        Location {
            file: doc.display_name(),
            line: doc.line_of(start),
            column: doc.column_of(start),
            end_line: doc.line_of(end),
            end_column: doc.column_of(end),
            start,
            end,
        }
    }
}

/// One side of a finding: the sentences concerned (empty when that side has none) and where
/// they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// The sentences joined as in the alignment reports; empty when there are none.
    pub text: String,
    /// 0-based indices of the sentences in the segmentation of the file.
    pub sentences: Vec<usize>,
    /// Where the sentences are; an empty span where a missing translation belongs.
    #[serde(flatten)]
    pub location: Location,
}

/// A number, term or glossary entry a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnchorRef {
    /// The side the anchor is on.
    pub side: SideName,
    /// The anchor as written.
    pub text: String,
    /// What it is compared by (a number's canonical value, a term, a glossary translation).
    pub value: String,
    /// Where the anchor is written.
    #[serde(flatten)]
    pub location: Location,
}

/// The side of a document pair a finding or anchor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SideName {
    /// The original text.
    Source,
    /// The translation.
    Target,
}

/// One verdict on the translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What the finding is about.
    pub kind: Kind,
    /// How serious it is; the kind's severity unless a check lowers it.
    pub severity: Severity,
    /// One line for a reader, naming what is missing or different.
    pub message: String,
    /// 0-based index of the (first) bead concerned in the alignment.
    pub bead: usize,
    /// The source sentences concerned.
    pub source: Excerpt,
    /// The target sentences concerned.
    pub target: Excerpt,
    /// The numbers, terms or glossary entries the finding is about; empty for other kinds.
    #[serde(default)]
    pub anchors: Vec<AnchorRef>,
    /// For omissions, partial omissions and additions: the probability, in 0..1, that the
    /// sentences (or clauses) have no counterpart (see [`super::unpaired`] and [`super::partial`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// Does any finding make the run fail?
pub fn fails(findings: &[Finding], fail_on: FailOn) -> bool {
    findings.iter().any(|f| fail_on.fails(f.severity))
}

/// Counts of findings by severity, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Findings of severity error.
    pub error: usize,
    /// Findings of severity warning.
    pub warning: usize,
    /// Findings of severity note.
    pub note: usize,
}

impl Counts {
    /// Counts the findings by severity.
    pub fn of<'f>(findings: impl IntoIterator<Item = &'f Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Note => c.note += 1,
            }
        }
        c
    }

    /// All findings counted.
    pub fn total(&self) -> usize {
        self.error + self.warning + self.note
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {}, {}",
            plural(self.error, "error", "errors"),
            plural(self.warning, "warning", "warnings"),
            plural(self.note, "note", "notes")
        )
    }
}

/// What a check run looked at, for report headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// The file name as given.
    pub file: String,
    /// The language code, such as `zh`.
    pub lang: String,
    /// Number of sentences the file was split into.
    pub sentences: usize,
}

impl FileInfo {
    /// The header information of one side of an aligned pair.
    pub fn of(side: &Side) -> FileInfo {
        FileInfo {
            file: side.name.clone(),
            lang: side.lang.code().to_owned(),
            sentences: side.sentences.len(),
        }
    }
}

/// A finished check: the files, the findings to report, and how many findings a baseline hid.
#[derive(Debug, Clone)]
pub struct CheckReport {
    /// The source file.
    pub source: FileInfo,
    /// The target file.
    pub target: FileInfo,
    /// The findings to report, in the order the checks produced them.
    pub findings: Vec<Finding>,
    /// Findings also in the baseline, left out of `findings`.
    pub baselined: usize,
}

impl CheckReport {
    /// A report of `findings` on `pair`, with nothing baselined.
    pub fn new(pair: &AlignedPair, findings: Vec<Finding>) -> CheckReport {
        CheckReport {
            source: FileInfo::of(&pair.src),
            target: FileInfo::of(&pair.tgt),
            findings,
            baselined: 0,
        }
    }
}

/// "1 source sentence", "3 source sentences".
pub fn count_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_and_order() {
        assert_eq!(
            "number-mismatch".parse::<Kind>().unwrap(),
            Kind::NumberMismatch
        );
        assert_eq!(" Omission".parse::<Kind>().unwrap(), Kind::Omission);
        let e = "typo".parse::<Kind>().unwrap_err().to_string();
        assert!(e.contains("unknown finding kind 'typo'"), "{e}");
        assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Note);
        assert!(FailOn::Warning.fails(Severity::Warning));
        assert!(!FailOn::Error.fails(Severity::Warning));
        assert!(!FailOn::Never.fails(Severity::Error));
        assert!(FailOn::Note.fails(Severity::Note) && !FailOn::Warning.fails(Severity::Note));
        let old: Severity = serde_json::from_str("\"info\"").unwrap();
        assert_eq!(old, Severity::Note, "JSON of version 1 still reads");
        assert_eq!(serde_json::to_string(&Severity::Note).unwrap(), "\"note\"");
        for k in Kind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.name()));
        }
    }
}
