//! `partial-omission`: a clause of a source sentence that its translation leaves out, while the
//! rest of the sentence is translated (the bead is paired, so [`super::gaps`] has nothing to say).
//!
//! The evidence, per pair bead, for its longest *silent* run of clauses (clauses in which no word
//! with a known translation meets one in the bead's target, [`crate::anchor::cover`]):
//! - how surprising that silence is: the run's words with a known translation, each weighed by
//!   how often such a word meets its translation elsewhere in the document (a free translation
//!   throughout makes silence cheap);
//! - how much shorter than usual the translation of the bead is (`super::length::deviations`);
//! - the run's share of the bead's source text, and how well it agrees with the share of the
//!   translation that seems missing by length;
//! - how well the rest of the bead meets its translation (a literal translation makes a silent
//!   clause stand out).
//!
//! They are combined by logistic regression, fitted like [`super::unpaired`]'s on documents with
//! injected clause drops (`examples/detection.rs`, see docs/check.md); a finding's `confidence` is
//! the probability.

use std::ops::Range;

use super::length::deviations;
use super::unpaired::{Sensitivity, LIKELY};
use super::{Context, Finding, Kind, Location};
use crate::anchor::cover::{Cover, DocumentCover};
use crate::document::is_space;

/// A clause must hold at least this many words with a known translation to be called silent:
/// one unmet word is too common to mean anything.
const MIN_CONTENT: usize = 2;
/// Surprise (nats) and shortfall (standard deviations) beyond these say nothing more.
const SURPRISE_CAP: f64 = 15.0;
const SHORTFALL_CAP: f64 = 6.0;

/// The least probability a partial omission is reported at, whatever the sensitivity.
const REVIEW_FLOOR: f64 = 0.2;

/// Logistic coefficients (intercept first, then [`features`]), fitted by
/// `examples/detection.rs --fit` (see docs/check.md).
pub const COEFFICIENTS: [f64; FEATURES + 1] = [-6.867, 0.176, 0.687, 2.218, 1.075, 0.013];
/// Number of features a partial omission's probability is computed from.
pub const FEATURES: usize = 5;

/// A piece of a source sentence between clause punctuation.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The sentence (index on the source side) and the byte span within its text.
    pub sentence: usize,
    /// The clause's bytes within the sentence's text.
    pub span: Range<usize>,
    /// The clause's length in non-space characters.
    pub chars: usize,
    /// Its words with a known translation, and how many met theirs.
    pub cover: Cover,
}

/// What is known about one pair bead's longest silent run of source clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// 0-based index of the bead.
    pub bead: usize,
    /// The silent clauses, in order.
    pub silent: Vec<Clause>,
    /// -ln of the chance that a translated stretch with this many words of known translation
    /// shows none of them, at the document's rate.
    pub(crate) surprise: f64,
    /// How many robust standard deviations shorter than usual the bead's translation is (0 when
    /// it is not shorter, or too short to judge).
    pub(crate) shortfall: f64,
    /// The silent run's share of the bead's source characters.
    pub share: f64,
    /// The share of the translation that seems missing by length: 1 - the bead's ratio over
    /// the document's (0 when it is not shorter).
    pub missing: f64,
    /// Of the words with a known translation outside the silent run, the share that met it.
    pub(crate) rest_found: f64,
}

/// The feature values of `e`, in the order of [`COEFFICIENTS`] after the intercept.
pub fn features(e: &Evidence) -> [f64; FEATURES] {
    // The silent share and the missing length agree when one accounts for the other.
    let agreement = if e.missing > 0.0 {
        1.0 - (e.share - e.missing).abs()
    } else {
        0.0
    };
    [e.surprise, e.shortfall, e.share, agreement, e.rest_found]
}

/// The probability, in 0..1, that the silent clauses of `e` are a partial omission.
pub fn probability(e: &Evidence) -> f64 {
    let z = COEFFICIENTS[0]
        + features(e)
            .iter()
            .zip(&COEFFICIENTS[1..])
            .map(|(x, w)| x * w)
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The evidence for every pair bead that has a silent run of source clauses and something else.
pub fn evidence(cx: &Context<'_>) -> Vec<Evidence> {
    let src = &cx.pair.src;
    let tgt = &cx.pair.tgt;
    let lengths = deviations(cx);
    let document = DocumentCover::new(
        &texts(src),
        &texts(tgt),
        src.lang,
        tgt.lang,
        &cx.pair.alignment.beads,
    );
    let mut beads: Vec<(usize, Vec<Clause>)> = Vec::new();
    let mut total = Cover::default();
    for (k, bead) in cx.pair.alignment.beads.iter().enumerate() {
        if !bead.is_pair() {
            continue;
        }
        let mut clauses = Vec::new();
        for i in bead.src.clone() {
            let text = &src.sentences[i].text;
            for span in clauses_of(text) {
                let piece = &text[span.clone()];
                let cover = document.cover(piece, bead.tgt.clone());
                total = total + cover;
                clauses.push(Clause {
                    sentence: i,
                    chars: piece.chars().filter(|&c| !is_space(c)).count(),
                    span,
                    cover,
                });
            }
        }
        beads.push((k, clauses));
    }
    // How often a word with a known translation meets it, smoothed toward one half.
    let rate = (total.found as f64 + 1.0) / (total.content as f64 + 2.0);
    let cost = -(1.0 - rate).ln();
    let mut out = Vec::new();
    for (k, clauses) in beads {
        let Some(run) = longest_silent_run(&clauses) else {
            continue;
        };
        let all: usize = clauses.iter().map(|c| c.chars).sum();
        let silent = clauses[run.clone()].to_vec();
        let content: usize = silent.iter().map(|c| c.cover.content).sum();
        let chars: usize = silent.iter().map(|c| c.chars).sum();
        let deviation = lengths.beads[k];
        let shortfall = deviation.map_or(0.0, |d| (-d.sigmas).max(0.0));
        let rest = clauses
            .iter()
            .enumerate()
            .filter(|(i, _)| !run.contains(i))
            .fold(Cover::default(), |acc, (_, c)| acc + c.cover);
        out.push(Evidence {
            bead: k,
            surprise: (content as f64 * cost).min(SURPRISE_CAP),
            shortfall: shortfall.min(SHORTFALL_CAP),
            share: chars as f64 / all.max(1) as f64,
            missing: deviation.map_or(0.0, |d| (1.0 - d.factor).max(0.0)),
            rest_found: rest.found as f64 / rest.content.max(1) as f64,
            silent,
        });
    }
    out
}

fn texts(side: &crate::aligned::Side) -> Vec<&str> {
    side.sentences.iter().map(|s| s.text.as_str()).collect()
}

/// The run of consecutive silent clauses with the most words of known translation, when the
/// bead has other clauses that meet their translation (a bead silent throughout is a matter for
/// alignment, not a dropped clause).
fn longest_silent_run(clauses: &[Clause]) -> Option<Range<usize>> {
    let silent = |c: &Clause| c.cover.found == 0;
    if !clauses.iter().any(|c| c.cover.found > 0) {
        return None;
    }
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut start = 0;
    while start < clauses.len() {
        if !silent(&clauses[start]) {
            start += 1;
            continue;
        }
        let end = (start..clauses.len())
            .find(|&i| !silent(&clauses[i]))
            .unwrap_or(clauses.len());
        let content: usize = clauses[start..end].iter().map(|c| c.cover.content).sum();
        if content >= MIN_CONTENT && best.as_ref().is_none_or(|b| content > b.0) {
            best = Some((content, start..end));
        }
        start = end;
    }
    best.map(|b| b.1)
}

/// Byte spans of the clauses of a sentence: split after clause punctuation (a comma, semicolon,
/// colon or dash; an ASCII one only before a space, so that 1,000 and 3:30 stay whole), with the
/// space around them left out.
pub fn clauses_of(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let breaks = match c {
            '，' | '；' | '：' | '—' | '–' => true,
            ',' | ';' | ':' => next.is_none_or(is_space),
            _ => false,
        };
        if breaks {
            let end = i + c.len_utf8();
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[span.clone()];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let trail = piece.len() - piece.trim_end_matches(is_space).len();
    if lead + trail < piece.len() {
        out.push(span.start + lead..span.end - trail);
    }
}

pub(crate) fn check(cx: &Context<'_>, sensitivity: Sensitivity, out: &mut Vec<Finding>) {
    // Lexical silence is common in free translation (novels leave a tenth of their clauses
    // without a word the dictionary or the learned table can pair), so even `review` asks for
    // a probability of one in five before it shows a clause.
    let threshold = sensitivity.threshold().max(REVIEW_FLOOR);
    for e in evidence(cx) {
        let p = probability(&e);
        if p < threshold {
            continue;
        }
        let bead = &cx.pair.alignment.beads[e.bead];
        let mut finding = cx.finding(
            Kind::PartialOmission,
            String::new(),
            e.bead,
            bead.src.clone(),
            bead.tgt.clone(),
        );
        // The source excerpt is the silent clauses themselves, not the whole bead.
        let (first, last) = (&e.silent[0], &e.silent[e.silent.len() - 1]);
        let sentences = &cx.pair.src.sentences;
        let start = sentences[first.sentence].start + first.span.start;
        let end = sentences[last.sentence].start + last.span.end;
        let doc = cx.src_doc;
        let text = doc.text[start..end].to_owned();
        finding.source.sentences = (first.sentence..last.sentence + 1).collect();
        finding.source.location = Location::in_document(doc, start, end);
        finding.message = format!(
            "{} of the source seems to have no counterpart in the translation: “{}”",
            if e.silent.len() == 1 {
                "a clause"
            } else {
                "clauses"
            },
            crate::text::visible(&text)
        );
        finding.source.text = text;
        if p < LIKELY {
            finding.severity = finding.severity.lower();
        }
        finding.confidence = Some(p);
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::clauses_of;

    fn pieces(text: &str) -> Vec<&str> {
        clauses_of(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn clauses_split_at_clause_punctuation_only() {
        assert_eq!(
            pieces("他说，这个问题很难；但是我们做到了。"),
            ["他说，", "这个问题很难；", "但是我们做到了。"]
        );
        assert_eq!(
            pieces("In 1,000 years, at 3:30 p.m.; we met — twice."),
            ["In 1,000 years,", "at 3:30 p.m.;", "we met —", "twice."]
        );
        assert_eq!(pieces("  "), Vec::<&str>::new());
    }
}
