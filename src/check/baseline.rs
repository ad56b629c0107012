//! Findings matched across runs: an earlier `--format json` output as a baseline, and the
//! findings an edit introduced or fixed (`bialign diff`).
//!
//! Two findings are the same when they have the same kind, the same anchors (the numbers or
//! terms they are about, as written) and the same text on a side that has text: the same source
//! sentences, or the same target sentences. Positions never count, so an edit elsewhere in the
//! file does not resurrect old findings, and neither does a change of bead boundaries that keeps
//! one side's text (an omission stays the omission of the same source sentences).

use std::path::Path;

use serde::Deserialize;

use super::{Finding, Kind, SideName};
use crate::error::{Error, Result};

/// The JSON schema version this build writes and reads.
pub(crate) const SCHEMA_VERSION: u32 = 2;
/// Versions a baseline may be: version 1 called a note `info`.
const READABLE_VERSIONS: [u32; 2] = [1, 2];

/// What identifies a finding across runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingKey {
    /// The finding's kind.
    pub kind: Kind,
    /// The source sentences' text (empty when the finding has none).
    pub source: String,
    /// The target sentences' text (empty when the finding has none).
    pub target: String,
    /// The anchors the finding is about, as written, each with its side.
    pub anchors: Vec<(SideName, String)>,
}

impl FindingKey {
    /// The key of finding `f`.
    pub fn of(f: &Finding) -> FindingKey {
        FindingKey::new(
            f.kind,
            &f.source.text,
            &f.target.text,
            f.anchors.iter().map(|a| (a.side, a.text.clone())).collect(),
        )
    }

    fn new(
        kind: Kind,
        source: &str,
        target: &str,
        mut anchors: Vec<(SideName, String)>,
    ) -> FindingKey {
        anchors.sort_by(|a, b| (a.0 as u8, &a.1).cmp(&(b.0 as u8, &b.1)));
        FindingKey {
            kind,
            source: normalise(source),
            target: normalise(target),
            anchors,
        }
    }

    fn same(&self, other: &FindingKey, both_sides: bool) -> bool {
        if self.kind != other.kind || self.anchors != other.anchors {
            return false;
        }
        let src = !self.source.is_empty() && self.source == other.source;
        let tgt = !self.target.is_empty() && self.target == other.target;
        let empty_alike = |a: &str, b: &str| a.is_empty() && b.is_empty();
        if both_sides {
            (src || empty_alike(&self.source, &other.source))
                && (tgt || empty_alike(&self.target, &other.target))
        } else {
            src || tgt
        }
    }
}

/// Whitespace runs as one space, trimmed: reflowing a paragraph is not an edit of its sentences.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pair up findings of `a` with findings of `b`, each used once: first those equal on both sides,
/// then those equal on one. Returns, for each of `a` and of `b`, whether it found a partner.
pub fn pair_up(a: &[FindingKey], b: &[FindingKey]) -> (Vec<bool>, Vec<bool>) {
    let mut a_used = vec![false; a.len()];
    let mut b_used = vec![false; b.len()];
    for both_sides in [true, false] {
        for (i, x) in a.iter().enumerate() {
            if a_used[i] {
                continue;
            }
            if let Some(j) = (0..b.len()).find(|&j| !b_used[j] && x.same(&b[j], both_sides)) {
                a_used[i] = true;
                b_used[j] = true;
            }
        }
    }
    (a_used, b_used)
}

/// The findings of `new` that are not in `old`, and how many were.
pub(crate) fn subtract(new: Vec<Finding>, old: &[FindingKey]) -> (Vec<Finding>, usize) {
    let keys: Vec<FindingKey> = new.iter().map(FindingKey::of).collect();
    let (matched, _) = pair_up(&keys, old);
    let known = matched.iter().filter(|&&m| m).count();
    (without_partner(new, &matched), known)
}

/// The findings of each list without a partner in the other, paired as [`pair_up`] pairs them:
/// for two checks of versions of one document, what the second introduced and what it fixed.
pub fn unpaired(a: Vec<Finding>, b: Vec<Finding>) -> (Vec<Finding>, Vec<Finding>) {
    let keys = |fs: &[Finding]| fs.iter().map(FindingKey::of).collect::<Vec<_>>();
    let (a_paired, b_paired) = pair_up(&keys(&a), &keys(&b));
    (without_partner(a, &a_paired), without_partner(b, &b_paired))
}

fn without_partner(findings: Vec<Finding>, paired: &[bool]) -> Vec<Finding> {
    findings
        .into_iter()
        .zip(paired)
        .filter(|(_, &p)| !p)
        .map(|(f, _)| f)
        .collect()
}

#[derive(Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    kind: Kind,
    source: Text,
    target: Text,
    #[serde(default)]
    anchors: Vec<AnchorEntry>,
}

#[derive(Deserialize)]
struct Text {
    text: String,
}

#[derive(Deserialize)]
struct AnchorEntry {
    side: SideName,
    text: String,
}

/// Read the findings of an earlier `bialign check --format json` run.
pub fn read(path: &Path) -> Result<Vec<FindingKey>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.into(),
        source,
    })?;
    parse(path, &text)
}

/// The finding keys of a `check --format json` output `text` read from `path`; fails with
/// [`Error::Syntax`] on malformed JSON or an unknown schema version.
pub fn parse(path: &Path, text: &str) -> Result<Vec<FindingKey>> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        Error::syntax(
            path,
            e.line(),
            format!("not a bialign check JSON output ({e})"),
        )
    })?;
    if !READABLE_VERSIONS.contains(&file.version) {
        return Err(Error::syntax(
            path,
            1,
            format!(
                "bialign check JSON version {} is not a version this bialign reads (1 or 2)",
                file.version
            ),
        ));
    }
    Ok(file
        .findings
        .into_iter()
        .map(|e| {
            FindingKey::new(
                e.kind,
                &e.source.text,
                &e.target.text,
                e.anchors.into_iter().map(|a| (a.side, a.text)).collect(),
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(kind: Kind, src: &str, tgt: &str) -> FindingKey {
        FindingKey::new(kind, src, tgt, Vec::new())
    }

    #[test]
    fn matches_by_kind_and_text_each_once() {
        let old = vec![
            key(Kind::Omission, "甲。", ""),
            key(Kind::NumberMismatch, "乙2015。", "B 2016."),
        ];
        let new = vec![
            key(Kind::Omission, "甲。", ""),
            key(Kind::Omission, "甲。", ""),
            key(Kind::NumberMismatch, "乙2015。", "B  2016 (reworded)."),
            key(Kind::Addition, "", "甲。"),
        ];
        let (new_matched, old_matched) = pair_up(&new, &old);
        assert_eq!(new_matched, [true, false, true, false]);
        assert_eq!(old_matched, [true, true]);
    }

    #[test]
    fn rejects_what_is_not_ours() {
        let p = Path::new("base.json");
        let e = parse(p, "{\"rows\": []}").unwrap_err().to_string();
        assert!(
            e.starts_with("base.json:1: not a bialign check JSON output"),
            "{e}"
        );
        let e = parse(p, "kind,text\n").unwrap_err().to_string();
        assert!(
            e.starts_with("base.json:1: not a bialign check JSON output"),
            "{e}"
        );
        let e = parse(p, "{\"version\": 9, \"findings\": []}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("version 9"), "{e}");
        assert!(parse(p, "{\"version\": 1, \"findings\": []}")
            .unwrap()
            .is_empty());
    }
}
