//! Time, throughput, peak memory and accuracy of one alignment of a synthetic document pair
//! built from the bundled corpus (see `benches/common/synthetic.rs`).
//!
//! ```text
//! cargo run --release --example align_memory -- 100000 [SEED] [MARKER_EVERY] [--write DIR]
//! ```
//!
//! `--write DIR` only writes the pair as an evaluation folder (`LANGS`, `synthetic.src`,
//! `synthetic.tgt`, `synthetic.gold`), for `bialign eval DIR` or `bialign align --split lines`.
//!
//! Peak memory is the process's `VmHWM` (Linux): the input documents are included, since the
//! command line tool holds them too. Run one size per process, as the peak never goes down.
//! The fingerprint hashes every bead and score bit for bit, to check that a change to the engine
//! leaves its output exactly as it was.

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::time::Instant;

use bialign::align::{align, AlignOptions};
use bialign::eval::{score, IndexBead};
use bialign::Lang;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().position(|a| a == "--write").map(|k| {
        let dir = args.get(k + 1).cloned().expect("--write DIR");
        args.drain(k..k + 2);
        std::path::PathBuf::from(dir)
    });
    let mut args = args.into_iter();
    let size: usize = args
        .next()
        .map(|a| a.parse().expect("size: a number of source sentences"))
        .unwrap_or(100_000);
    let seed: u64 = args.next().map_or(1, |a| a.parse().expect("seed"));
    let marker_every: u64 = args.next().map_or(synthetic::MARKER_EVERY, |a| {
        a.parse().expect("marker_every")
    });

    let corpus = synthetic::load_corpus();
    let doc = synthetic::build_with(&corpus, size, seed, marker_every);
    drop(corpus);
    if let Some(dir) = write {
        write_folder(&dir, &doc).expect("write the evaluation folder");
        println!("wrote {}", dir.display());
        return;
    }
    let (src, tgt) = (doc.src_refs(), doc.tgt_refs());
    let input_peak = synthetic::peak_rss_bytes();

    let start = Instant::now();
    let alignment = align(&src, &tgt, Lang::ZH, Lang::EN, &AlignOptions::default());
    let secs = start.elapsed().as_secs_f64();
    let peak = synthetic::peak_rss_bytes();

    assert!(alignment.is_partition_of(src.len(), tgt.len()));
    let predicted: Vec<IndexBead> = alignment
        .beads
        .iter()
        .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
        .collect();
    let tally = score(&doc.gold, &predicted);
    let (strict, lax) = (tally.strict(), tally.lax());

    let mut hash = Fnv::default();
    for b in &alignment.beads {
        for v in [b.src.start, b.src.end, b.tgt.start, b.tgt.end] {
            hash.write(v as u64);
        }
        hash.write(b.score.to_bits());
    }
    hash.write(alignment.length_ratio.to_bits());

    let total = src.len() + tgt.len();
    let mib = |b: Option<u64>| b.map_or("?".into(), |b| format!("{:.1}", b as f64 / 1048576.0));
    println!(
        "sentences        {} zh x {} en (seed {seed}, marker every {marker_every} pair beads)",
        src.len(),
        tgt.len()
    );
    println!("align time       {secs:.3} s");
    println!(
        "throughput       {:.0} sentences/s (both sides), {:.0} per side",
        total as f64 / secs,
        total as f64 / 2.0 / secs
    );
    println!(
        "peak RSS         {} MiB (input alone: {} MiB)",
        mib(peak),
        mib(input_peak)
    );
    println!(
        "strict P/R/F1    {:.4} {:.4} {:.4}",
        strict.precision, strict.recall, strict.f1
    );
    println!(
        "lax P/R/F1       {:.4} {:.4} {:.4}",
        lax.precision, lax.recall, lax.f1
    );
    println!("beads            {}", alignment.beads.len());
    println!("fingerprint      {:016x}", hash.0);
}

fn write_folder(dir: &std::path::Path, doc: &synthetic::Synthetic) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("LANGS"), "zh en\n")?;
    std::fs::write(dir.join("synthetic.src"), doc.src.join("\n") + "\n")?;
    std::fs::write(dir.join("synthetic.tgt"), doc.tgt.join("\n") + "\n")?;
    let side = |ids: &[usize]| {
        let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
        format!("[{}]", ids.join(","))
    };
    let gold: String = doc
        .gold
        .iter()
        .map(|(s, t)| format!("{}:{}\n", side(s), side(t)))
        .collect();
    std::fs::write(dir.join("synthetic.gold"), gold)
}

/// FNV-1a over 64-bit words.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, v: u64) {
        for byte in v.to_le_bytes() {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
