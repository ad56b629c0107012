//! Scoring an alignment against gold beads, as Sennrich & Volk (2011) and the Vecalign and
//! Bertalign scorers do: strict (exact bead) and lax (overlap on both sides) precision, recall
//! and F1, micro-summed over documents.

pub mod report;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::align::{self, AlignOptions};
use crate::document::{read_text, Document};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::segment;

/// A bead as sentence index lists; gold files may have gaps or crossings, so not ranges.
pub type IndexBead = (Vec<usize>, Vec<usize>);

/// True and false positives, strict and lax, for one direction (precision or recall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Beads that match a reference bead exactly.
    pub tp_strict: usize,
    /// Beads that match no reference bead exactly.
    pub fp_strict: usize,
    /// Beads that overlap a reference bead on both sides.
    pub tp_lax: usize,
    /// Beads that overlap no reference bead on both sides.
    pub fp_lax: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.tp_strict += o.tp_strict;
        self.fp_strict += o.fp_strict;
        self.tp_lax += o.tp_lax;
        self.fp_lax += o.fp_lax;
    }
}

/// Precision and recall counts of one or more documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Predicted beads counted against the gold beads.
    pub precision: Counts,
    /// Gold beads that pair sentences (not omissions or additions) counted against the predicted beads.
    pub recall: Counts,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.precision += o.precision;
        self.recall += o.recall;
    }
}

/// Precision, recall and F1, each in 0..=1 (0 when there is nothing to count).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Share of predicted beads that are right.
    pub precision: f64,
    /// Share of gold pairs that were found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Tally {
    /// Scores counting only exact bead matches.
    pub fn strict(&self) -> Prf {
        prf(
            ratio(self.precision.tp_strict, self.precision.fp_strict),
            ratio(self.recall.tp_strict, self.recall.fp_strict),
        )
    }

    /// Scores counting a bead right when it overlaps a reference bead on both sides.
    pub fn lax(&self) -> Prf {
        prf(
            ratio(self.precision.tp_lax, self.precision.fp_lax),
            ratio(self.recall.tp_lax, self.recall.fp_lax),
        )
    }
}

fn ratio(tp: usize, fp: usize) -> f64 {
    if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    }
}

fn prf(precision: f64, recall: f64) -> Prf {
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// Score predicted beads against gold beads.
pub fn score(gold: &[IndexBead], predicted: &[IndexBead]) -> Tally {
    let gold_pairs: Vec<IndexBead> = gold
        .iter()
        .filter(|(s, t)| !s.is_empty() && !t.is_empty())
        .cloned()
        .collect();
    Tally {
        precision: matches(gold, predicted),
        recall: matches(predicted, &gold_pairs),
    }
}

/// How many of `test` beads are in `reference` exactly (strict) or overlap one of them on both
/// sides (lax). Beads empty on both sides are skipped.
fn matches(reference: &[IndexBead], test: &[IndexBead]) -> Counts {
    let exact: HashSet<&IndexBead> = reference.iter().collect();
    let mut by_src: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, (s, _)) in reference.iter().enumerate() {
        for &i in s {
            by_src.entry(i).or_default().push(k);
        }
    }
    let mut c = Counts::default();
    for bead in test {
        let (s, t) = bead;
        if s.is_empty() && t.is_empty() {
            continue;
        }
        if exact.contains(bead) {
            c.tp_strict += 1;
            c.tp_lax += 1;
            continue;
        }
        c.fp_strict += 1;
        let overlaps = s
            .iter()
            .flat_map(|i| by_src.get(i).into_iter().flatten())
            .any(|&k| {
                let (_, rt) = &reference[k];
                t.iter().any(|j| rt.contains(j))
            });
        if overlaps {
            c.tp_lax += 1;
        } else {
            c.fp_lax += 1;
        }
    }
    c
}

/// Read a bead file: one bead a line, `[i,j]:[k]` with an optional `:score`.
pub fn read_beads(path: &Path) -> Result<Vec<IndexBead>> {
    parse_beads(path, &read_text(path)?)
}

/// Read the gold beads of a document of `sentences` (source, target) sentences and check them
/// against it: every index in range and no sentence in two beads, so that a typo cannot
/// silently lower recall. Gaps (sentences in no bead) and crossing beads are allowed: published
/// gold files have them.
pub fn read_gold(path: &Path, sentences: [usize; 2]) -> Result<Vec<IndexBead>> {
    let beads = parse_lines(path, &read_text(path)?)?;
    let mut seen: [HashMap<usize, usize>; 2] = Default::default();
    for (line, (src, tgt)) in &beads {
        for (k, ids) in [src, tgt].into_iter().enumerate() {
            let side = ["source", "target"][k];
            for &i in ids {
                if i >= sentences[k] {
                    return Err(Error::syntax(
                        path,
                        *line,
                        format!(
                            "{side} sentence {i} is out of range: the {side} has {} sentences",
                            sentences[k]
                        ),
                    ));
                }
                if let Some(first) = seen[k].insert(i, *line) {
                    return Err(Error::syntax(
                        path,
                        *line,
                        format!("{side} sentence {i} is already in the bead on line {first}"),
                    ));
                }
            }
        }
    }
    Ok(beads.into_iter().map(|(_, bead)| bead).collect())
}

/// The beads of a gold or predicted bead file's `text`, one bead a line; fails with
/// [`Error::Syntax`] on a malformed line. Unlike [`read_gold`] it does not check indices.
pub fn parse_beads(path: &Path, text: &str) -> Result<Vec<IndexBead>> {
    Ok(parse_lines(path, text)?
        .into_iter()
        .map(|(_, bead)| bead)
        .collect())
}

/// The beads of a bead file, each with its 1-based line.
fn parse_lines(path: &Path, text: &str) -> Result<Vec<(usize, IndexBead)>> {
    let mut beads = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let bad = |what: &str| {
            Error::syntax(
                path,
                k + 1,
                format!("{what}: expected a bead like [0,1]:[2], found `{line}`"),
            )
        };
        let mut parts = line.splitn(3, ':');
        let src = parts.next().ok_or_else(|| bad("missing source side"))?;
        let tgt = parts.next().ok_or_else(|| bad("missing target side"))?;
        if let Some(score) = parts.next() {
            if !score.trim().parse::<f64>().is_ok_and(f64::is_finite) {
                return Err(bad("after the two sides only a score may follow"));
            }
        }
        let list = |side: &str| -> Result<Vec<usize>> {
            let inner = side
                .trim()
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .ok_or_else(|| bad("side not in brackets"))?;
            inner
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<usize>().map_err(|_| bad("not a sentence index")))
                .collect()
        };
        beads.push((k + 1, (list(src)?, list(tgt)?)));
    }
    Ok(beads)
}

/// One document of an evaluation set.
#[derive(Debug, Clone)]
pub struct EvalDoc {
    /// The document's name, shown in the per-document scores.
    pub name: String,
    /// The source text file.
    pub src: PathBuf,
    /// The target text file.
    pub tgt: PathBuf,
    /// The gold beads file.
    pub gold: PathBuf,
}

/// An evaluation folder: `LANGS` ("src tgt") and either `<doc>.src`, `<doc>.tgt`, `<doc>.gold`
/// documents, or the corpus layout `<src>.sentences`, `<tgt>.sentences`, `gold.beads`.
#[derive(Debug, Clone)]
pub struct EvalSet {
    /// The folder.
    pub dir: PathBuf,
    /// The source language, from `LANGS`.
    pub src_lang: Lang,
    /// The target language, from `LANGS`.
    pub tgt_lang: Lang,
    /// The documents in name order, a corpus layout's last.
    pub docs: Vec<EvalDoc>,
}

impl EvalSet {
    /// Reads the set in `dir`; fails when it is not a folder, `LANGS` is missing or malformed, or
    /// there is no `<doc>.gold` nor `gold.beads`.
    pub fn open(dir: &Path) -> Result<EvalSet> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!("{}: not a folder", dir.display())));
        }
        let langs_path = dir.join("LANGS");
        let langs = read_text(&langs_path)?;
        // Each code with its line, so that a bad one is named where it is.
        let codes: Vec<(usize, &str)> = langs
            .lines()
            .enumerate()
            .flat_map(|(k, line)| line.split_whitespace().map(move |code| (k + 1, code)))
            .collect();
        let [src, tgt] = codes[..] else {
            return Err(Error::syntax(
                &langs_path,
                1,
                "expected two language codes, e.g. `zh en`",
            ));
        };
        let lang = |(line, code): (usize, &str)| {
            code.parse::<Lang>()
                .map_err(|e| Error::syntax(&langs_path, line, e.to_string()))
        };
        let (src_lang, tgt_lang) = (lang(src)?, lang(tgt)?);
        let mut docs = Vec::new();
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|source| Error::Read {
                path: dir.into(),
                source,
            })?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".gold"))
                    .map(String::from)
            })
            .collect();
        names.sort();
        for name in names {
            docs.push(EvalDoc {
                src: dir.join(format!("{name}.src")),
                tgt: dir.join(format!("{name}.tgt")),
                gold: dir.join(format!("{name}.gold")),
                name,
            });
        }
        let corpus_gold = dir.join("gold.beads");
        if corpus_gold.is_file() {
            docs.push(EvalDoc {
                name: dir
                    .file_name()
                    .map_or("corpus".into(), |n| n.to_string_lossy().into_owned()),
                src: dir.join(format!("{src_lang}.sentences")),
                tgt: dir.join(format!("{tgt_lang}.sentences")),
                gold: corpus_gold,
            });
        }
        if docs.is_empty() {
            return Err(Error::Usage(format!(
                "{}: no documents (<doc>.gold or gold.beads)",
                dir.display()
            )));
        }
        Ok(EvalSet {
            dir: dir.into(),
            src_lang,
            tgt_lang,
            docs,
        })
    }
}

/// The result of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocResult {
    /// The document's name.
    pub name: String,
    /// Number of source sentences (one a line).
    pub src_sentences: usize,
    /// Number of target sentences (one a line).
    pub tgt_sentences: usize,
    /// The document's counts against its gold beads.
    pub tally: Tally,
}

/// Align each document of a set with `--split lines` and score it.
pub fn evaluate(set: &EvalSet, options: &AlignOptions) -> Result<Vec<DocResult>> {
    set.docs
        .iter()
        .map(|doc| {
            let src = segment::lines(&Document::read(&doc.src)?);
            let tgt = segment::lines(&Document::read(&doc.tgt)?);
            let gold = read_gold(&doc.gold, [src.len(), tgt.len()])?;
            let src_texts: Vec<&str> = src.iter().map(|s| s.text.as_str()).collect();
            let tgt_texts: Vec<&str> = tgt.iter().map(|s| s.text.as_str()).collect();
            let alignment =
                align::align(&src_texts, &tgt_texts, set.src_lang, set.tgt_lang, options);
            let predicted: Vec<IndexBead> = alignment
                .beads
                .iter()
                .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
                .collect();
            Ok(DocResult {
                name: doc.name.clone(),
                src_sentences: src.len(),
                tgt_sentences: tgt.len(),
                tally: score(&gold, &predicted),
            })
        })
        .collect()
}

/// Sentence-boundary precision and recall of a segmentation against a reference one (one sentence
/// a line, in file order). A boundary is the byte offset where a sentence starts; the reference
/// sentences are found in `text` in order. Errors when a reference sentence is not in the text.
pub fn segmentation_scores(
    text: &str,
    predicted: &[crate::segment::Sentence],
    reference: &[&str],
    reference_name: &Path,
) -> Result<Prf> {
    let mut gold = HashSet::new();
    let mut from = 0;
    for (k, sentence) in reference.iter().enumerate() {
        let at = text[from..].find(sentence).ok_or_else(|| {
            Error::syntax(
                reference_name,
                k + 1,
                "reference sentence not found in the text after the previous one",
            )
        })?;
        gold.insert(from + at);
        from += at + sentence.len();
    }
    let found: HashSet<usize> = predicted.iter().map(|s| s.start).collect();
    let hits = found.intersection(&gold).count();
    Ok(prf(
        ratio(hits, found.len() - hits),
        ratio(hits, gold.len() - hits),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &[usize], t: &[usize]) -> IndexBead {
        (s.to_vec(), t.to_vec())
    }

    #[test]
    fn strict_and_lax_as_in_sennrich_and_volk() {
        let gold = vec![b(&[0], &[0]), b(&[1, 2], &[1]), b(&[3], &[]), b(&[4], &[2])];
        let pred = vec![
            b(&[0], &[0]),
            b(&[1], &[1]),
            b(&[2], &[]),
            b(&[3], &[]),
            b(&[4], &[2]),
        ];
        let t = score(&gold, &pred);
        // Precision: [0]:[0] exact, [1]:[1] overlaps, [2]:[] misses, [3]:[] exact, [4]:[2] exact.
        assert_eq!(
            t.precision,
            Counts {
                tp_strict: 3,
                fp_strict: 2,
                tp_lax: 4,
                fp_lax: 1
            }
        );
        // Recall over gold pairs: [0]:[0] exact, [1,2]:[1] overlaps [1]:[1], [4]:[2] exact.
        assert_eq!(
            t.recall,
            Counts {
                tp_strict: 2,
                fp_strict: 1,
                tp_lax: 3,
                fp_lax: 0
            }
        );
        assert!((t.strict().precision - 0.6).abs() < 1e-9);
    }

    #[test]
    fn parses_beads_with_scores_and_names_bad_lines() {
        let beads = parse_beads(Path::new("g"), "[0,1]:[0]\n[]:[1]:0.5\n\n[2]:[]\n").unwrap();
        assert_eq!(beads, vec![b(&[0, 1], &[0]), b(&[], &[1]), b(&[2], &[])]);
        let e = parse_beads(Path::new("g.gold"), "[0]:[0]\n[1:[1]\n").unwrap_err();
        assert!(
            e.to_string().starts_with("g.gold:2: side not in brackets"),
            "{e}"
        );
        let e = parse_beads(Path::new("g.gold"), "[0]:[0]:junk\n").unwrap_err();
        assert!(
            e.to_string().starts_with("g.gold:1: after the two sides"),
            "{e}"
        );
    }

    #[test]
    fn gold_is_checked_against_the_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.gold");
        let gold = |text: &str| {
            std::fs::write(&path, text).unwrap();
            read_gold(&path, [3, 3]).map_err(|e| e.to_string())
        };
        // Gaps and crossings are allowed.
        assert_eq!(gold("[0]:[1]\n[2]:[0]\n").unwrap().len(), 2);
        let e = gold("[0]:[0]\n[100]:[1]\n").unwrap_err();
        assert!(
            e.ends_with(
                "d.gold:2: source sentence 100 is out of range: the source has 3 sentences"
            ),
            "{e}"
        );
        let e = gold("[0]:[0]\n[1]:[0,1]\n").unwrap_err();
        assert!(
            e.ends_with("d.gold:2: target sentence 0 is already in the bead on line 1"),
            "{e}"
        );
    }
}
