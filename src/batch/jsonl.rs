//! The batch's JSON Lines output, schema version [`SCHEMA`]: one object a record, in input
//! order. An aligned record has its id, its carried fields, the languages used, per-document
//! figures and its beads; a bad record has its id (when it has one), its carried fields, its line
//! number and the reason. The README's "bialign batch" section documents every field; a change
//! to them is a new schema version.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::input::{BadRecord, Record};
use crate::aligned::{join, AlignedPair};
use crate::lang::Lang;
use crate::render::json::write_json_line;

/// The schema version every output line carries as `bialign_schema`.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Aligned<'a> {
    bialign_schema: u32,
    id: &'a str,
    #[serde(flatten)]
    carried: &'a Map<String, Value>,
    src_lang: Lang,
    tgt_lang: Lang,
    stats: Stats,
    beads: Vec<BeadOut>,
}

/// Per-document figures.
#[derive(Serialize)]
struct Stats {
    src_sentences: usize,
    tgt_sentences: usize,
    beads: usize,
    /// Beads with sentences on both sides: the translation pairs (what the tsv output writes).
    pairs: usize,
    /// How many beads of each kind (`1-1`, `1-2`, `1-0`, …); kinds absent have no entry.
    kinds: BTreeMap<String, usize>,
    /// The mean of the beads' scores, 4 decimals (0 when there is no bead).
    mean_score: f64,
}

#[derive(Serialize)]
struct BeadOut {
    src_ids: Vec<usize>,
    tgt_ids: Vec<usize>,
    src: String,
    tgt: String,
    kind: String,
    score: f64,
}

#[derive(Serialize)]
struct Failed<'a> {
    bialign_schema: u32,
    id: Option<&'a str>,
    #[serde(flatten)]
    carried: &'a Map<String, Value>,
    line: usize,
    error: &'a str,
}

/// Four decimals, as every bialign format writes scores: more would only be noise.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

pub fn write_aligned(out: &mut dyn Write, record: &Record, pair: &AlignedPair) -> io::Result<()> {
    let beads = &pair.alignment.beads;
    let mut kinds = BTreeMap::new();
    for b in beads {
        *kinds.entry(b.kind().to_string()).or_insert(0) += 1;
    }
    let total: f64 = beads.iter().map(|b| b.score).sum();
    let stats = Stats {
        src_sentences: pair.src.sentences.len(),
        tgt_sentences: pair.tgt.sentences.len(),
        beads: beads.len(),
        pairs: beads.iter().filter(|b| b.is_pair()).count(),
        kinds,
        mean_score: if beads.is_empty() {
            0.0
        } else {
            round4(total / beads.len() as f64)
        },
    };
    let beads = beads
        .iter()
        .map(|b| BeadOut {
            src_ids: b.src.clone().collect(),
            tgt_ids: b.tgt.clone().collect(),
            src: join(&pair.src.sentences[b.src.clone()], pair.src.lang),
            tgt: join(&pair.tgt.sentences[b.tgt.clone()], pair.tgt.lang),
            kind: b.kind().to_string(),
            score: round4(b.score),
        })
        .collect();
    write_json_line(
        out,
        &Aligned {
            bialign_schema: SCHEMA,
            id: &record.id,
            carried: &record.carried,
            src_lang: pair.src.lang,
            tgt_lang: pair.tgt.lang,
            stats,
            beads,
        },
    )
}

pub fn write_bad(out: &mut dyn Write, bad: &BadRecord) -> io::Result<()> {
    write_json_line(
        out,
        &Failed {
            bialign_schema: SCHEMA,
            id: bad.id.as_deref(),
            carried: &bad.carried,
            line: bad.line,
            error: &bad.reason,
        },
    )
}
