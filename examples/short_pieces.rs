//! Accuracy and CPU time of the aligner on short document pairs, as `bialign batch` meets them:
//! pieces of 2 to `MAX_BEADS` consecutive gold beads cut at random places (seeded) from the
//! bundled corpus and, when present, the evaluation sets' documents (read at run time, never
//! kept), one sentence a line, so that every sentence is a paragraph of its own, as the segmenter
//! makes a line that ends a sentence. Each piece is aligned with
//! `align::align_with_paragraphs` and scored against its gold beads; strict and lax F1 are
//! micro-summed over the pieces, per source and in all.
//!
//! ```text
//! cargo run --release --example short_pieces -- [PIECES] [MAX_BEADS] [SEED]
//! ```
//!
//! `BIALIGN_EVAL` names the evaluation sets' folder (default `../shared/eval`).

#[path = "../benches/common/pieces.rs"]
mod pieces;

use std::path::{Path, PathBuf};
use std::time::Instant;

use bialign::align::{align_with_paragraphs, AlignOptions};
use bialign::eval::{score, IndexBead, Tally};
use bialign::Lang;

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(3000, |a| a.parse().expect("pieces"));
    let max_beads: usize = args.next().map_or(12, |a| a.parse().expect("max beads"));
    let seed: u64 = args.next().map_or(1, |a| a.parse().expect("seed"));
    let eval_root = std::env::var_os("BIALIGN_EVAL").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
        PathBuf::from,
    );
    let mut sources = pieces::bundled();
    sources.extend(pieces::eval_sets(&eval_root));
    let mut rng = pieces::Rng::new(seed);
    let mut tallies: Vec<Tally> = vec![Tally::default(); sources.len()];
    let mut sentences = 0;
    let mut seconds = 0.0;
    let options = AlignOptions::default();
    for _ in 0..count {
        let k = rng.below(sources.len());
        let source = &sources[k];
        let len = 2 + rng.below(max_beads.saturating_sub(1));
        let from = rng.below(source.beads.len().saturating_sub(len).max(1));
        let gold = &source.beads[from..(from + len).min(source.beads.len())];
        // The piece's sentences in gold order, and the gold beads renumbered within the piece.
        let mut src: Vec<&str> = Vec::new();
        let mut tgt: Vec<&str> = Vec::new();
        let mut renumbered: Vec<IndexBead> = Vec::new();
        for (s, t) in gold {
            let s = take(s, &source.src, &mut src);
            let t = take(t, &source.tgt, &mut tgt);
            renumbered.push((s, t));
        }
        if src.is_empty() || tgt.is_empty() {
            continue;
        }
        let lang = |code: &str| -> Lang { code.parse().expect("a language code") };
        let src_paragraphs: Vec<usize> = (0..src.len()).collect();
        let tgt_paragraphs: Vec<usize> = (0..tgt.len()).collect();
        let started = Instant::now();
        let alignment = align_with_paragraphs(
            &src,
            &tgt,
            &src_paragraphs,
            &tgt_paragraphs,
            lang(&source.langs[0]),
            lang(&source.langs[1]),
            &options,
        );
        seconds += started.elapsed().as_secs_f64();
        sentences += src.len() + tgt.len();
        let predicted: Vec<IndexBead> = alignment
            .beads
            .iter()
            .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
            .collect();
        tallies[k] += score(&renumbered, &predicted);
    }
    println!("| source | strict P | strict R | strict F1 | lax F1 |");
    println!("|---|---:|---:|---:|---:|");
    let mut all = Tally::default();
    for (source, tally) in sources.iter().zip(&tallies) {
        all += *tally;
        row(&source.name, tally);
    }
    row("all", &all);
    println!(
        "{count} pieces, {sentences} sentences (both sides): {seconds:.2} s aligning on one \
         thread, {:.0} sentences/s",
        sentences as f64 / seconds
    );
}

/// Append the sentences `ids` of `side` to `out`; their indices in `out`.
fn take<'a>(ids: &[usize], side: &'a [String], out: &mut Vec<&'a str>) -> Vec<usize> {
    ids.iter()
        .map(|&i| {
            out.push(side[i].as_str());
            out.len() - 1
        })
        .collect()
}

fn row(name: &str, tally: &Tally) {
    let (strict, lax) = (tally.strict(), tally.lax());
    println!(
        "| {name} | {:.4} | {:.4} | {:.4} | {:.4} |",
        strict.precision, strict.recall, strict.f1, lax.f1
    );
}
