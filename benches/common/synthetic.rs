//! Synthetic long document pairs for benchmarks, built from the bundled corpus
//! (`corpora/ilya-stanford`: `zh.sentences`, `en.sentences`, `gold.beads`), with their gold beads.
//!
//! A document is a sequence of runs of consecutive gold beads, each run starting at a random bead,
//! so the pair is a real translation with its 1-2, 2-1 and 1-0 beads but not periodic. On top of
//! that, with a seeded generator:
//! - a bead is occasionally swapped with the next one (both sides move together);
//! - a target sentence is occasionally dropped (its bead loses it; a 1-1 becomes a 1-0);
//! - a sentence from elsewhere is occasionally inserted on one side (a 0-1 or 1-0 bead);
//! - most zh-only beads of the corpus (web page furniture) are left out, so that both sides have
//!   about the same number of sentences;
//! - one pair bead in [`MARKER_EVERY`] gets the same unique number appended on both sides (a date,
//!   an amount, a footnote). A real long text has rare names and numbers; one made of 431
//!   repeated sentences has no rare token at all without them.
//!
//! Included with `#[path]` by `benches/align.rs` and `examples/align_memory.rs`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Gold bead: source and target sentence indices.
pub type GoldBead = (Vec<usize>, Vec<usize>);

/// On average one pair bead in this many carries a shared unique number.
pub const MARKER_EVERY: u64 = 20;

/// A synthetic document pair (zh source, en target) and its gold alignment.
pub struct Synthetic {
    pub src: Vec<String>,
    pub tgt: Vec<String>,
    pub gold: Vec<GoldBead>,
}

impl Synthetic {
    pub fn src_refs(&self) -> Vec<&str> {
        self.src.iter().map(String::as_str).collect()
    }

    pub fn tgt_refs(&self) -> Vec<&str> {
        self.tgt.iter().map(String::as_str).collect()
    }

    /// Both sides as text with one sentence a line, zh then en (for segmentation benchmarks).
    pub fn texts(&self) -> (String, String) {
        (self.src.join("\n"), self.tgt.join("\n"))
    }
}

/// xorshift64* (Vigna 2016): small, seeded, good enough to shuffle a benchmark.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability 1/n.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.next_u64().is_multiple_of(n)
    }
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/ilya-stanford")
}

/// The bundled corpus: zh sentences, en sentences, gold beads.
pub struct Corpus {
    pub zh: Vec<String>,
    pub en: Vec<String>,
    pub gold: Vec<GoldBead>,
}

pub fn load_corpus() -> Corpus {
    let dir = corpus_dir();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
    };
    let lines = |text: String| text.lines().map(str::to_owned).collect::<Vec<_>>();
    let gold_path = dir.join("gold.beads");
    let gold = bialign::eval::parse_beads(&gold_path, &read("gold.beads")).expect("gold parses");
    Corpus {
        zh: lines(read("zh.sentences")),
        en: lines(read("en.sentences")),
        gold,
    }
}

/// A document pair with at least `size` source sentences (and about as many target sentences),
/// the same for the same `size` and `seed`.
pub fn build(corpus: &Corpus, size: usize, seed: u64) -> Synthetic {
    build_with(corpus, size, seed, MARKER_EVERY)
}

/// As [`build`], with one pair bead in `marker_every` carrying a unique shared number
/// (0: none).
pub fn build_with(corpus: &Corpus, size: usize, seed: u64, marker_every: u64) -> Synthetic {
    let mut rng = Rng::new(seed);
    let mut out = Synthetic {
        src: Vec::with_capacity(size + 64),
        tgt: Vec::with_capacity(size + 64),
        gold: Vec::new(),
    };
    let mut marker = 1000u64;
    let beads = &corpus.gold;
    while out.src.len() < size {
        let start = rng.below(beads.len());
        let len = 3 + rng.below(28);
        let mut run: Vec<&GoldBead> = beads[start..(start + len).min(beads.len())]
            .iter()
            .collect();
        for k in 0..run.len().saturating_sub(1) {
            if rng.one_in(50) {
                run.swap(k, k + 1);
            }
        }
        for (s, t) in run {
            if t.is_empty() && !rng.one_in(6) {
                continue;
            }
            let mut t: Vec<usize> = t.clone();
            if !t.is_empty() && rng.one_in(100) {
                t.remove(rng.below(t.len()));
            }
            let tag =
                !s.is_empty() && !t.is_empty() && marker_every > 0 && rng.one_in(marker_every);
            let first_src = out.src.len();
            let first_tgt = out.tgt.len();
            for (k, &i) in s.iter().enumerate() {
                let mut text = corpus.zh[i].clone();
                if tag && k == 0 {
                    text.push_str(&format!(" {marker}"));
                }
                out.src.push(text);
            }
            for (k, &j) in t.iter().enumerate() {
                let mut text = corpus.en[j].clone();
                if tag && k == 0 {
                    text.push_str(&format!(" {marker}"));
                }
                out.tgt.push(text);
            }
            if tag {
                marker += 1 + rng.below(7) as u64;
            }
            out.gold.push((
                (first_src..out.src.len()).collect(),
                (first_tgt..out.tgt.len()).collect(),
            ));
            // An addition or an omission from elsewhere in the text.
            if rng.one_in(100) {
                out.gold.push((Vec::new(), vec![out.tgt.len()]));
                out.tgt.push(corpus.en[rng.below(corpus.en.len())].clone());
            } else if rng.one_in(200) {
                out.gold.push((vec![out.src.len()], Vec::new()));
                out.src.push(corpus.zh[rng.below(corpus.zh.len())].clone());
            }
        }
    }
    out
}

/// Peak resident set size of this process in bytes (`VmHWM` in /proc/self/status), if known.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
