//! What a corpus translation table (`bialign learn`, `--table`) adds, measured honestly:
//!
//! ```text
//! cargo run --release --example table_figures [-- DIR [TABLE_ENTRIES]]
//! ```
//!
//! DIR (default `../shared/eval/mac-dev-zh-en`, an evaluation folder as `bialign eval` reads it)
//! is never written to and nothing learned from it is kept. For each document of DIR, a table
//! is learned from the other documents (leave one out) and the held-out document is scored
//! with and without it; strict and lax F1 are micro-summed over the documents, as `bialign eval`
//! sums them. A table learned from all documents and scored on the same documents (in-sample)
//! is reported apart: it has seen the answers' words.
//!
//! A folder of one document (Text+Berg dev) has no other document to learn from: it is cut in
//! two halves at a gold bead boundary, and each half is scored with a table learned from the
//! other (two-fold), before the leave-one-out (which then learns from nothing).
//!
//! Then: learning throughput (sentences of both sides a second, all documents), and how long a
//! table takes to load: the one learned from DIR, and a synthetic one of TABLE_ENTRIES entries
//! (default 300,000: three translations for each of 100,000 words, the size the pruning allows
//! for a large vocabulary) written in the file format and parsed back.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use bialign::align::{self, AlignOptions};
use bialign::eval::{read_gold, score, EvalSet, IndexBead, Tally};
use bialign::pipeline::LangChoice;
use bialign::segment::{self, Split};
use bialign::table::input::DocPair;
use bialign::table::learn::{learn, LearnOptions};
use bialign::table::{Entry, TranslationTable};
use bialign::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .map_or("../shared/eval/mac-dev-zh-en", String::as_str),
    );
    let entries: usize = args.get(1).map_or(Ok(300_000), |s| s.parse())?;
    if !dir.is_dir() {
        println!("{}: not there, nothing to measure", dir.display());
        return Ok(());
    }
    let set = EvalSet::open(&dir)?;
    let docs = |skip: Option<usize>| {
        let set = &set;
        set.docs
            .iter()
            .enumerate()
            .filter(move |(k, _)| Some(*k) != skip)
            .map(move |(_, d)| {
                let [src, tgt] = Document::read_each([&d.src, &d.tgt])?;
                Ok(DocPair {
                    name: d.name.clone(),
                    src,
                    tgt,
                    langs: [
                        LangChoice::Fixed(set.src_lang),
                        LangChoice::Fixed(set.tgt_lang),
                    ],
                    split: Split::Lines,
                })
            })
    };
    let options = LearnOptions::default();
    let without = AlignOptions::default();

    if set.docs.len() == 1 {
        halves(&set, &options)?;
    }

    // Leave one out.
    let (mut base, mut held_out) = (Tally::default(), Tally::default());
    println!("{} ({} documents)", dir.display(), set.docs.len());
    println!("  held-out document   strict F1 without → with   table entries");
    for k in 0..set.docs.len() {
        if set.docs.len() == 1 {
            base += evaluate(&set, k, &without)?;
            held_out = base;
            println!("  (one document: nothing to leave out; the halves above are held-out)");
            break;
        }
        let (table, _) = learn(docs(Some(k)), &options, &mut |_| {})?;
        let entries = table.len();
        let with = AlignOptions {
            table: Some(Arc::new(table)),
            ..AlignOptions::default()
        };
        let a = evaluate(&set, k, &without)?;
        let b = evaluate(&set, k, &with)?;
        println!(
            "  {:<18} {:.3} → {:.3}   {}",
            set.docs[k].name,
            a.strict().f1,
            b.strict().f1,
            entries
        );
        base += a;
        held_out += b;
    }
    println!(
        "  leave-one-out: strict F1 {:.4} → {:.4}, lax F1 {:.4} → {:.4}",
        base.strict().f1,
        held_out.strict().f1,
        base.lax().f1,
        held_out.lax().f1
    );

    // In-sample, and the learning throughput.
    let started = Instant::now();
    let (table, summary) = learn(docs(None), &options, &mut |_| {})?;
    let seconds = started.elapsed().as_secs_f64();
    let with = AlignOptions {
        table: Some(Arc::new(table.clone())),
        ..AlignOptions::default()
    };
    let mut in_sample = Tally::default();
    for k in 0..set.docs.len() {
        in_sample += evaluate(&set, k, &with)?;
    }
    println!(
        "  in-sample (table learned from these documents): strict F1 {:.4} → {:.4}, lax F1 {:.4} → {:.4}",
        base.strict().f1,
        in_sample.strict().f1,
        base.lax().f1,
        in_sample.lax().f1
    );
    println!(
        "  learn: {} documents, {} sentences, {} training beads, {} entries in {:.2} s: {:.0} sentences/s",
        summary.documents,
        summary.sentences,
        summary.training_beads,
        summary.entries,
        seconds,
        summary.sentences as f64 / seconds
    );

    // Load times.
    let mut text = Vec::new();
    table.write(&mut text)?;
    report_load("learned table", &String::from_utf8(text)?)?;
    report_load("synthetic table", &synthetic(&table, entries)?)?;
    Ok(())
}

/// Two-fold over the halves of a set's single document: learn from one half, score the other.
fn halves(set: &EvalSet, options: &LearnOptions) -> Result<(), Box<dyn std::error::Error>> {
    let doc = &set.docs[0];
    let src = segment::lines(&Document::read(&doc.src)?);
    let tgt = segment::lines(&Document::read(&doc.tgt)?);
    let gold = read_gold(&doc.gold, [src.len(), tgt.len()])?;
    // Cut after the middle bead: each side at the end of the last sentence of the first half.
    let mid = gold.len() / 2;
    let cut = |side: fn(&IndexBead) -> &Vec<usize>| {
        gold[..mid]
            .iter()
            .flat_map(|b| side(b).iter())
            .max()
            .map_or(0, |&i| i + 1)
    };
    let (src_cut, tgt_cut) = (cut(|b| &b.0), cut(|b| &b.1));
    let texts = |sentences: &[bialign::Sentence]| -> Vec<String> {
        sentences.iter().map(|s| s.text.to_string()).collect()
    };
    let (src, tgt) = (texts(&src), texts(&tgt));
    let shift = |ids: &[usize], by: usize| ids.iter().map(|&i| i - by).collect::<Vec<_>>();
    let parts = [
        (&src[..src_cut], &tgt[..tgt_cut], gold[..mid].to_vec()),
        (
            &src[src_cut..],
            &tgt[tgt_cut..],
            gold[mid..]
                .iter()
                .filter(|(s, t)| s.iter().all(|&i| i >= src_cut) && t.iter().all(|&j| j >= tgt_cut))
                .map(|(s, t)| (shift(s, src_cut), shift(t, tgt_cut)))
                .collect(),
        ),
    ];
    let (mut base, mut held_out) = (Tally::default(), Tally::default());
    for k in 0..2 {
        let (learn_src, learn_tgt, _) = &parts[1 - k];
        let pair = DocPair {
            name: format!("half {}", 2 - k),
            src: Document::from_text("src", learn_src.join("\n")),
            tgt: Document::from_text("tgt", learn_tgt.join("\n")),
            langs: [
                LangChoice::Fixed(set.src_lang),
                LangChoice::Fixed(set.tgt_lang),
            ],
            split: Split::Lines,
        };
        let (table, _) = learn(std::iter::once(Ok(pair)), options, &mut |_| {})?;
        let entries = table.len();
        let with = AlignOptions {
            table: Some(Arc::new(table)),
            ..AlignOptions::default()
        };
        let (s, t, gold) = &parts[k];
        let s: Vec<&str> = s.iter().map(String::as_str).collect();
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        let score_with = |options: &AlignOptions| {
            let alignment = align::align(&s, &t, set.src_lang, set.tgt_lang, options);
            let predicted: Vec<IndexBead> = alignment
                .beads
                .iter()
                .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
                .collect();
            score(gold, &predicted)
        };
        let (a, b) = (score_with(&AlignOptions::default()), score_with(&with));
        println!(
            "  half {} ({} × {} sentences), table from the other half ({entries} entries): strict F1 {:.3} → {:.3}",
            k + 1,
            s.len(),
            t.len(),
            a.strict().f1,
            b.strict().f1
        );
        base += a;
        held_out += b;
    }
    println!(
        "  two halves, held-out: strict F1 {:.4} → {:.4}, lax F1 {:.4} → {:.4}",
        base.strict().f1,
        held_out.strict().f1,
        base.lax().f1,
        held_out.lax().f1
    );
    Ok(())
}

/// Score document `k` of `set` aligned with `options`, as `bialign eval` does.
fn evaluate(set: &EvalSet, k: usize, options: &AlignOptions) -> bialign::Result<Tally> {
    let doc = &set.docs[k];
    let src = segment::lines(&Document::read(&doc.src)?);
    let tgt = segment::lines(&Document::read(&doc.tgt)?);
    let gold = read_gold(&doc.gold, [src.len(), tgt.len()])?;
    let s: Vec<&str> = src.iter().map(|x| x.text.as_str()).collect();
    let t: Vec<&str> = tgt.iter().map(|x| x.text.as_str()).collect();
    let alignment = align::align(&s, &t, set.src_lang, set.tgt_lang, options);
    let predicted: Vec<IndexBead> = alignment
        .beads
        .iter()
        .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
        .collect();
    Ok(score(&gold, &predicted))
}

/// Parse `text` as a table file five times; report its size and the best time.
fn report_load(what: &str, text: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut best = f64::INFINITY;
    let mut len = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let table = TranslationTable::parse(Path::new(what), text)?;
        best = best.min(started.elapsed().as_secs_f64());
        len = table.len();
    }
    println!(
        "  load {what}: {len} entries, {:.1} KiB, {:.1} ms",
        text.len() as f64 / 1024.0,
        best * 1000.0
    );
    Ok(())
}

/// A table of `entries` entries with words as long as real ones (three translations a word).
fn synthetic(like: &TranslationTable, entries: usize) -> Result<String, std::io::Error> {
    let list = (0..entries)
        .map(|k| Entry {
            source: format!("源词{:06}", k / 3).into(),
            target: format!("target{:06}", k).into(),
            probability: 0.2 + (k % 8) as f32 / 10.0,
        })
        .collect();
    let table = TranslationTable::new(like.langs, "synthetic".into(), list);
    let mut text = Vec::new();
    table.write(&mut text)?;
    Ok(String::from_utf8(text).expect("UTF-8 words"))
}
