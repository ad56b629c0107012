//! How `bialign eval` shows its scores: a table for people, or JSON for scripts.

use std::io::{self, Write};

use serde_json::json;

use super::{DocResult, EvalSet, Tally};

/// One evaluation folder's scores.
pub struct SetScores<'a> {
    /// The set that was evaluated.
    pub set: &'a EvalSet,
    /// One result for each document of the set, in order.
    pub docs: Vec<DocResult>,
}

impl SetScores<'_> {
    /// The counts of all documents summed (micro-average).
    pub fn total(&self) -> Tally {
        let mut total = Tally::default();
        for d in &self.docs {
            total += d.tally;
        }
        total
    }
}

/// The output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EvalFormat {
    /// A table per folder: strict and lax precision, recall and F1.
    #[default]
    Terminal,
    /// One JSON array, an object per folder with its documents.
    Json,
}

impl crate::names::Named for EvalFormat {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("terminal", EvalFormat::Terminal),
        ("json", EvalFormat::Json),
        ("human", EvalFormat::Terminal),
    ];
}

/// Write the scores of every folder; `verbose` adds a row per document to the table (JSON always
/// has them).
pub fn write(
    out: &mut dyn Write,
    scores: &[SetScores<'_>],
    format: EvalFormat,
    verbose: bool,
) -> io::Result<()> {
    match format {
        EvalFormat::Terminal => write_table(out, scores, verbose),
        EvalFormat::Json => write_json(out, scores),
    }
}

fn write_table(out: &mut dyn Write, scores: &[SetScores<'_>], verbose: bool) -> io::Result<()> {
    for s in scores {
        let n = s.docs.len();
        writeln!(
            out,
            "{} ({} {}, {n} {})",
            crate::text::visible(&s.set.dir.display().to_string()),
            s.set.src_lang,
            s.set.tgt_lang,
            if n == 1 { "document" } else { "documents" }
        )?;
        writeln!(
            out,
            "  {:<16} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
            "", "P", "R", "F1", "lax P", "lax R", "lax F1"
        )?;
        if verbose {
            for d in &s.docs {
                write_row(out, &d.name, &d.tally)?;
            }
        }
        write_row(out, "all", &s.total())?;
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, name: &str, t: &Tally) -> io::Result<()> {
    let (s, l) = (t.strict(), t.lax());
    writeln!(
        out,
        "  {:<16} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}",
        crate::text::visible(name),
        s.precision,
        s.recall,
        s.f1,
        l.precision,
        l.recall,
        l.f1
    )
}

fn write_json(out: &mut dyn Write, scores: &[SetScores<'_>]) -> io::Result<()> {
    let sets: Vec<serde_json::Value> = scores
        .iter()
        .map(|s| {
            let total = s.total();
            json!({
                "dir": s.set.dir.display().to_string(),
                "langs": [s.set.src_lang, s.set.tgt_lang],
                "strict": total.strict(),
                "lax": total.lax(),
                "documents": s.docs.iter().map(|d| json!({
                    "name": d.name,
                    "src_sentences": d.src_sentences,
                    "tgt_sentences": d.tgt_sentences,
                    "strict": d.tally.strict(),
                    "lax": d.tally.lax(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &sets)?;
    writeln!(out)
}
