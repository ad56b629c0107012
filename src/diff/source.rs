//! A new version of the source against an existing translation: the translation was aligned
//! with the old source; the two source versions are compared sentence by sentence; what the
//! translation says about a changed or removed source sentence is now stale, and a new source
//! sentence has no translation yet.

use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::words::{self, Piece};
use super::{context, same, DiffOptions, Status};
use crate::aligned;
use crate::check::{Excerpt, FileInfo, Location, SideName};
use crate::document::Document;
use crate::error::Result;
use crate::pipeline::{self, LangChoice};
use crate::segment::{self, Sentence};

/// Two sentences of a replaced stretch are one sentence edited when they share this much of
/// their text (similar's ratio: 2 × matching characters / total characters).
const SAME_SENTENCE: f32 = 0.5;

/// One source sentence changed, added or removed, and what it means for the translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceChange {
    /// Whether the source sentence changed, was added or was removed.
    pub status: Status,
    /// The sentence in the old source (empty for an added one, at its place).
    pub old: Excerpt,
    /// The sentence in the new source (empty for a removed one, at its place).
    pub new: Excerpt,
    /// The word-level difference of the old and new sentence.
    pub words: Vec<Piece>,
    /// The target sentences that translated the old sentence, now stale; for an added sentence,
    /// the empty place in the translation where its translation belongs.
    pub target: Excerpt,
}

/// The result of comparing two versions of a source against its translation.
#[derive(Debug, Clone)]
pub struct SourceDiff {
    /// The old source file.
    pub old: FileInfo,
    /// The new source file.
    pub new: FileInfo,
    /// The translation file.
    pub target: FileInfo,
    /// The source sentences that differ, in order.
    pub changes: Vec<SourceChange>,
    /// Source sentences the same in both versions.
    pub(crate) unchanged: usize,
    /// Target sentences whose source sentence changed or went.
    pub stale: Vec<usize>,
    /// New source sentences without a translation.
    pub untranslated: usize,
    /// Detections made for `auto` languages (source, from the old version; target).
    pub detections: [Option<crate::lang::Detection>; 2],
}

impl SourceDiff {
    /// "2 stale target sentences, 1 new source sentence without a translation".
    pub(crate) fn to_do(&self) -> String {
        use crate::check::count_noun;
        format!(
            "{}, {} without a translation",
            count_noun(
                self.stale.len(),
                "stale target sentence",
                "stale target sentences"
            ),
            count_noun(
                self.untranslated,
                "new source sentence",
                "new source sentences"
            )
        )
    }

    /// A new source leaves work to do when translations are stale or missing.
    pub fn fails(&self) -> bool {
        !self.stale.is_empty() || self.untranslated > 0
    }

    pub(crate) fn status_counts(&self) -> super::StatusCounts {
        super::StatusCounts::of(self.changes.iter().map(|c| c.status))
    }
}

/// Compares two versions of a source against their translation: aligns the old source with
/// `tgt` and maps the new source's sentences onto it. Fails when a file cannot be read.
pub fn diff_sources(
    old_src: &Path,
    new_src: &Path,
    tgt: &Path,
    options: &DiffOptions<'_>,
) -> Result<SourceDiff> {
    let [old_doc, new_doc, tgt_doc] = Document::read_each([old_src, new_src, tgt])?;
    let (src_lang, src_detection) = pipeline::resolve_lang(options.langs[0], &old_doc);
    let langs = [LangChoice::Fixed(src_lang), options.langs[1]];
    let before = pipeline::align_documents(old_doc, tgt_doc, langs, options.split, options.align);
    let new_sentences = segment::split(&new_doc, src_lang, options.split);
    let cx = context(&before);
    let old_sentences = &before.pair.src.sentences;
    let beads = &before.pair.alignment.beads;
    let mut bead_of = vec![0; old_sentences.len()];
    for (k, b) in beads.iter().enumerate() {
        for i in b.src.clone() {
            bead_of[i] = k;
        }
    }
    // The bead an old source position belongs to (for the place of an added sentence).
    let bead_at = |i: usize| bead_of.get(i).copied().unwrap_or(beads.len());
    let new_side = aligned::Side {
        name: new_doc.display_name(),
        lang: src_lang,
        sentences: new_sentences,
    };
    let new_excerpt =
        |ids: Range<usize>, at: usize| -> Excerpt { excerpt(&new_doc, &new_side, ids, at) };
    let stale_target = |i: usize| -> Excerpt {
        let k = bead_of[i];
        cx.excerpt(SideName::Target, beads[k].tgt.clone(), k)
    };

    let norm = |s: &Sentence| s.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let a: Vec<String> = old_sentences.iter().map(norm).collect();
    let b: Vec<String> = new_side.sentences.iter().map(norm).collect();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, ra, rb) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            unchanged += ra.len();
            continue;
        }
        let pairs = match_sentences(&a[ra.clone()], &b[rb.clone()]);
        // Old sentences i..pi went and new ones j..pj came before the next edited pair.
        let gaps = |i: usize, pi: usize, j: usize, pj: usize, changes: &mut Vec<SourceChange>| {
            for old in i..pi {
                changes.push(SourceChange {
                    status: Status::Removed,
                    old: cx.excerpt(SideName::Source, old..old + 1, bead_of[old]),
                    new: new_excerpt(j..j, new_offset(&new_side, j, &new_doc)),
                    words: words::diff(&old_sentences[old].text, ""),
                    target: stale_target(old),
                });
            }
            for new in j..pj {
                let k = bead_at(pi);
                changes.push(SourceChange {
                    status: Status::Added,
                    old: cx.excerpt(SideName::Source, pi..pi, k),
                    new: new_excerpt(new..new + 1, 0),
                    words: words::diff("", &new_side.sentences[new].text),
                    target: cx.excerpt(SideName::Target, 0..0, k),
                });
            }
        };
        let (mut i, mut j) = (ra.start, rb.start);
        for (x, y) in pairs {
            let (pi, pj) = (ra.start + x, rb.start + y);
            gaps(i, pi, j, pj, &mut changes);
            changes.push(SourceChange {
                status: Status::Changed,
                old: cx.excerpt(SideName::Source, pi..pi + 1, bead_of[pi]),
                new: new_excerpt(pj..pj + 1, 0),
                words: words::diff(&old_sentences[pi].text, &new_side.sentences[pj].text),
                target: stale_target(pi),
            });
            i = pi + 1;
            j = pj + 1;
        }
        gaps(i, ra.end, j, rb.end, &mut changes);
    }
    let mut stale: Vec<usize> = changes
        .iter()
        .filter(|c| c.status != Status::Added)
        .flat_map(|c| c.target.sentences.iter().copied())
        .collect();
    stale.sort_unstable();
    stale.dedup();
    let untranslated = changes.iter().filter(|c| c.status == Status::Added).count();
    // Only whitespace changed: not a change of the sentence.
    changes.retain(|c| c.status != Status::Changed || !same(&c.old.text, &c.new.text));
    Ok(SourceDiff {
        old: FileInfo::of(&before.pair.src),
        new: FileInfo::of(&new_side),
        target: FileInfo::of(&before.pair.tgt),
        changes,
        unchanged,
        stale,
        untranslated,
        detections: [src_detection, before.detections[1].clone()],
    })
}

/// Where sentence `j` of a side starts, or the end of the file after its last sentence.
fn new_offset(side: &aligned::Side, j: usize, doc: &Document) -> usize {
    side.sentences.get(j).map_or_else(
        || side.sentences.last().map_or(doc.text.len(), |s| s.end),
        |s| s.start,
    )
}

/// Sentences `ids` of a side as an excerpt; when empty, at byte `at`.
fn excerpt(doc: &Document, side: &aligned::Side, ids: Range<usize>, at: usize) -> Excerpt {
    let sentences = &side.sentences[ids.clone()];
    let (start, end) = match (sentences.first(), sentences.last()) {
        (Some(f), Some(l)) => (f.start, l.end),
        _ => (at, at),
    };
    Excerpt {
        text: aligned::join(sentences, side.lang),
        sentences: ids.collect(),
        location: Location::in_document(doc, start, end),
    }
}

/// Pair the sentences of a replaced stretch that are edits of each other: the monotone pairing
/// with the most shared text, among pairs similar enough. Returns (old, new) index pairs.
fn match_sentences(old: &[String], new: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let sim: Vec<Vec<f32>> = old
        .iter()
        .map(|a| {
            new.iter()
                .map(|b| similar::TextDiff::from_chars(a.as_str(), b.as_str()).ratio())
                .collect()
        })
        .collect();
    // best[i][j]: best total over old[i..] and new[j..].
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let mut v = best[i + 1][j].max(best[i][j + 1]);
            if sim[i][j] >= SAME_SENTENCE {
                v = v.max(sim[i][j] + best[i + 1][j + 1]);
            }
            best[i][j] = v;
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if sim[i][j] >= SAME_SENTENCE && best[i][j] == sim[i][j] + best[i + 1][j + 1] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edited_sentences_pair_up() {
        let old = vec![
            "伊利亚5岁时移居以色列。".to_owned(),
            "他在那里长大。".to_owned(),
        ];
        let new = vec![
            "完全不同的一句话放在这里。".to_owned(),
            "伊利亚6岁时移居以色列。".to_owned(),
            "他在那里长大成人。".to_owned(),
        ];
        assert_eq!(match_sentences(&old, &new), vec![(0, 1), (1, 2)]);
        assert!(match_sentences(&old[..1], &new[..1]).is_empty());
    }
}
