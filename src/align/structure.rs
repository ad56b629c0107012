//! Document structure as evidence: paragraphs are aligned first, and sentences only within the
//! paragraph groups the paragraph alignment is sure of.
//!
//! A paragraph dropped from a translation leaves its neighbours' paragraph boundaries on both
//! sides; a sentence search that does not know them is free to spread the paragraph's sentences
//! over the beads around it (a 3-1 bead across a blank line). Aligning paragraphs first sees the
//! whole paragraph missing, with its whole length and all its words as evidence.
//!
//! The paragraph alignment is the sentence aligner itself, run on paragraph texts. Where it is
//! unsure of a boundary (paragraphs split or joined differently, structure that does not
//! correspond), the groups on either side are merged, down to one group: today's flat search.

use std::ops::Range;

use super::band::Band;
use super::{align_from_query, AlignOptions};
use crate::lang::Lang;

/// A paragraph boundary is kept only between two paragraph beads at least this sure.
const MIN_BOUNDARY_CONFIDENCE: f64 = 0.9;

/// Sentences of the two sides in groups that beads must not cross: group `g` holds query
/// sentences `groups[g].0` and other sentences `groups[g].1`, in order, covering both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    groups: Vec<(Range<usize>, Range<usize>)>,
    query_group: Vec<u32>,
    other_group: Vec<u32>,
}

impl Structure {
    /// Align the paragraphs of the two sides (each sentence's paragraph index, non-decreasing)
    /// and keep the boundaries the alignment is sure of (`swapped`: the query is the target).
    /// `None` when fewer than two groups are left: the structure says nothing the flat search
    /// does not.
    #[allow(clippy::too_many_arguments)]
    pub fn from_paragraphs(
        query: &[&str],
        other: &[&str],
        query_paragraphs: &[usize],
        other_paragraphs: &[usize],
        query_lang: Lang,
        other_lang: Lang,
        options: &AlignOptions,
        swapped: bool,
    ) -> Option<Structure> {
        let query_units = units(query_paragraphs);
        let other_units = units(other_paragraphs);
        if query_units.len() < 2 || other_units.len() < 2 {
            return None;
        }
        // A paragraph a sentence on both sides (one sentence a line, as short web documents
        // come): the paragraph alignment would be the sentence alignment itself, which its own
        // sure boundaries can only confirm, at the price of aligning the pair twice.
        if query_units.len() == query.len() && other_units.len() == other.len() {
            return None;
        }
        let texts = |sentences: &[&str], units: &[Range<usize>], lang: Lang| -> Vec<String> {
            let glue = if lang.is_cjk_sentence_style() {
                ""
            } else {
                " "
            };
            units
                .iter()
                .map(|u| sentences[u.clone()].join(glue))
                .collect()
        };
        let query_texts = texts(query, &query_units, query_lang);
        let other_texts = texts(other, &other_units, other_lang);
        let q: Vec<&str> = query_texts.iter().map(String::as_str).collect();
        let o: Vec<&str> = other_texts.iter().map(String::as_str).collect();
        let paragraphs = align_from_query(&q, &o, query_lang, other_lang, options, swapped, None);

        // Paragraph beads, merged across every boundary the alignment is unsure of.
        let mut groups: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let mut previous_sure = false;
        for bead in &paragraphs.beads {
            let sure = bead.score >= MIN_BOUNDARY_CONFIDENCE;
            let sentences = |units: &[Range<usize>], r: &Range<usize>, total: usize| {
                if r.is_empty() {
                    // An empty side sits where the next unit starts.
                    let at = units.get(r.start).map_or(total, |u| u.start);
                    at..at
                } else {
                    units[r.start].start..units[r.end - 1].end
                }
            };
            let q_range = sentences(&query_units, &bead.src, query.len());
            let o_range = sentences(&other_units, &bead.tgt, other.len());
            match groups.last_mut() {
                Some(last) if !(sure && previous_sure) => {
                    last.0.end = q_range.end;
                    last.1.end = o_range.end;
                }
                _ => groups.push((q_range, o_range)),
            }
            previous_sure = sure;
        }
        Structure::from_groups(groups, query.len(), other.len())
    }

    /// The structure of explicit groups, `None` when there are fewer than two.
    pub fn from_groups(
        groups: Vec<(Range<usize>, Range<usize>)>,
        n: usize,
        m: usize,
    ) -> Option<Structure> {
        if groups.len() < 2 {
            return None;
        }
        let mut query_group = vec![0u32; n];
        let mut other_group = vec![0u32; m];
        for (g, (q, o)) in groups.iter().enumerate() {
            query_group[q.clone()].fill(g as u32);
            other_group[o.clone()].fill(g as u32);
        }
        Some(Structure {
            groups,
            query_group,
            other_group,
        })
    }

    /// The structure with its sides exchanged.
    pub fn swapped(&self) -> Structure {
        Structure {
            groups: self
                .groups
                .iter()
                .map(|(q, o)| (o.clone(), q.clone()))
                .collect(),
            query_group: self.other_group.clone(),
            other_group: self.query_group.clone(),
        }
    }

    /// Does a bead with these sentences take them from more than one group?
    pub fn crosses(&self, query: &Range<usize>, other: &Range<usize>) -> bool {
        let group = |of: &[u32], r: &Range<usize>| -> Option<Option<u32>> {
            if r.is_empty() {
                return Some(None);
            }
            let g = of[r.start];
            (of[r.end - 1] == g).then_some(Some(g))
        };
        match (
            group(&self.query_group, query),
            group(&self.other_group, other),
        ) {
            (Some(Some(a)), Some(Some(b))) => a != b,
            (Some(_), Some(_)) => false,
            _ => true,
        }
    }

    /// The part of `band` inside the groups' rectangles (rows where the two do not meet keep
    /// the groups' columns): beads that cross a group boundary are priced out by [`crosses`],
    /// and this keeps the search from spending cells on them.
    ///
    /// [`crosses`]: Structure::crosses
    pub fn constrain(&self, band: &Band) -> Band {
        let n = self.query_group.len();
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0usize; n + 1];
        for (q, o) in &self.groups {
            for i in q.start..=q.end {
                lo[i] = lo[i].min(o.start);
                hi[i] = hi[i].max(o.end);
            }
        }
        for i in 0..=n {
            let (l, h) = (lo[i].max(band.lo[i]), hi[i].min(band.hi[i]));
            if l <= h {
                lo[i] = l;
                hi[i] = h;
            }
        }
        Band::from_bounds(lo, hi, self.other_group.len())
    }

    /// The matched paragraph groups: source and target sentence ranges that correspond, in order.
    pub fn groups(&self) -> &[(Range<usize>, Range<usize>)] {
        &self.groups
    }
}

/// The sentence ranges of consecutive paragraph numbers.
fn units(paragraphs: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, &p) in paragraphs.iter().enumerate() {
        match out.last_mut() {
            Some(last) if paragraphs[last.start] == p => last.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three_groups() -> Structure {
        // Query 0..2 ↔ other 0..2, query 2..4 dropped, query 4..6 ↔ other 2..5.
        Structure::from_groups(vec![(0..2, 0..2), (2..4, 2..2), (4..6, 2..5)], 6, 5).unwrap()
    }

    #[test]
    fn beads_stay_within_groups() {
        let s = three_groups();
        assert!(!s.crosses(&(0..2), &(0..2)));
        assert!(s.crosses(&(1..3), &(1..2)), "query side spans two groups");
        assert!(
            !s.crosses(&(2..3), &(2..2)),
            "an omission inside the dropped group"
        );
        assert!(
            s.crosses(&(3..4), &(2..3)),
            "pairs a dropped sentence with the next group"
        );
        assert!(
            !s.crosses(&(6..6), &(4..5)),
            "a lone sentence is in one group"
        );
    }

    #[test]
    fn the_band_keeps_to_the_group_rectangles() {
        let s = three_groups();
        let band = s.constrain(&Band::full(6, 5));
        // Rows 2..=4 (the dropped group's) can only be at column 2.
        assert_eq!((band.lo[3], band.hi[3]), (2, 2));
        assert_eq!((band.lo[1], band.hi[1]), (0, 2));
        assert_eq!((band.lo[5], band.hi[5]), (2, 5));
    }

    /// A batch record of one sentence a line has a paragraph a sentence on both sides: aligning
    /// the paragraphs would align the same sentences again, so no structure is made; with a
    /// paragraph of two sentences the paragraphs are aligned.
    #[test]
    fn paragraphs_of_one_sentence_are_not_aligned_twice() {
        let zh = [
            "伊利亚在访谈里体现出顶级AI专家的绝对严谨和理性思考。",
            "非常值得一看。",
            "本文整理了访谈内容, 并同时提供了访谈视频(见文中四段视频)",
        ];
        let en = [
            "Throughout the interview, Ilya displays the absolute rigor and rational thinking of a \
             top AI expert, and it is well worth watching.",
            "This article sets out the content of the interview and also provides the interview \
             videos (see the four video clips in the article).",
        ];
        let structure = |zh_paragraphs: &[usize]| {
            Structure::from_paragraphs(
                &zh,
                &en,
                zh_paragraphs,
                &[0, 1],
                Lang::ZH,
                Lang::EN,
                &AlignOptions::default(),
                false,
            )
        };
        assert_eq!(structure(&[0, 1, 2]), None);
        let two = structure(&[0, 0, 1]).expect("two sure paragraph beads");
        assert_eq!(two.groups(), &[(0..2, 0..1), (2..3, 1..2)]);
    }

    #[test]
    fn units_are_runs_of_one_paragraph() {
        assert_eq!(units(&[0, 0, 1, 2, 2, 2]), vec![0..2, 2..3, 3..6]);
        assert!(units(&[]).is_empty());
    }
}
