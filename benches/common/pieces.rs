//! Batch input made at run time from gold-aligned documents: each record is a piece of a
//! document (a run of consecutive gold beads, cut at a random place and of random length), so
//! that records are real translations of many sizes. Sources are the bundled corpus and, when
//! asked for and present, the evaluation sets in `../shared/eval` (read there, never copied).
#![allow(dead_code)] // Each user takes its own part.

use std::path::Path;

use bialign::eval::parse_beads;

/// One gold-aligned document: sentences of each side, and its beads as sentence ids.
pub struct Source {
    pub name: String,
    pub langs: [String; 2],
    pub src: Vec<String>,
    pub tgt: Vec<String>,
    pub beads: Vec<(Vec<usize>, Vec<usize>)>,
}

/// The bundled corpus (`corpora/ilya-stanford`), from the crate's folder.
pub fn bundled() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/ilya-stanford");
    vec![read(
        "ilya-stanford",
        &dir.join("zh.sentences"),
        &dir.join("en.sentences"),
        &dir.join("gold.beads"),
        ["zh", "en"],
    )]
}

/// Every document of the evaluation folders under `root` (`<doc>.src`, `<doc>.tgt`,
/// `<doc>.gold`, `LANGS`); none when `root` is absent.
pub fn eval_sets(root: &Path) -> Vec<Source> {
    let mut sources = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else {
        return sources;
    };
    let mut dirs: Vec<_> = dirs.filter_map(|d| d.ok().map(|d| d.path())).collect();
    dirs.sort();
    for dir in dirs {
        let Ok(langs) = std::fs::read_to_string(dir.join("LANGS")) else {
            continue;
        };
        let langs: Vec<String> = langs.split_whitespace().map(String::from).collect();
        let [a, b] = &langs[..] else { continue };
        let mut golds: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|f| f.ok().map(|f| f.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "gold"))
            .collect();
        golds.sort();
        for gold in golds {
            let name = format!(
                "{}/{}",
                dir.file_name().unwrap().to_string_lossy(),
                gold.file_stem().unwrap().to_string_lossy()
            );
            sources.push(read(
                &name,
                &gold.with_extension("src"),
                &gold.with_extension("tgt"),
                &gold,
                [a.as_str(), b.as_str()],
            ));
        }
    }
    sources
}

fn read(name: &str, src: &Path, tgt: &Path, gold: &Path, langs: [&str; 2]) -> Source {
    let lines = |p: &Path| -> Vec<String> {
        String::from_utf8_lossy(&std::fs::read(p).unwrap())
            .lines()
            .map(String::from)
            .collect()
    };
    let gold_text = std::fs::read_to_string(gold).unwrap();
    Source {
        name: name.to_string(),
        langs: langs.map(String::from),
        src: lines(src),
        tgt: lines(tgt),
        beads: parse_beads(gold, &gold_text).unwrap(),
    }
}

/// A seeded xorshift64* generator: the same pieces on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// A piece of a source: the texts of beads `from..from + len`, one sentence a line (a line that
/// ends a sentence is a unit for the segmenter, so `split: auto` finds about these sentences).
pub fn piece(source: &Source, from: usize, len: usize) -> (String, String) {
    let beads = &source.beads[from..(from + len).min(source.beads.len())];
    let side = |sentences: &[String], ids: &mut dyn Iterator<Item = usize>| {
        ids.map(|k| sentences[k].as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let src = side(
        &source.src,
        &mut beads.iter().flat_map(|b| b.0.iter().copied()),
    );
    let tgt = side(
        &source.tgt,
        &mut beads.iter().flat_map(|b| b.1.iter().copied()),
    );
    (src, tgt)
}

/// `count` JSON Lines records `{"id", "corpus", "src", "tgt"}`, pieces of 2 to `max_beads`
/// beads (more when a side would be empty) from random places in random sources. With `langs`,
/// each record names its languages.
pub fn json_records(
    sources: &[Source],
    count: usize,
    max_beads: usize,
    seed: u64,
    langs: bool,
) -> impl Iterator<Item = String> + '_ {
    let mut rng = Rng::new(seed);
    (0..count).map(move |k| {
        let source = &sources[rng.below(sources.len())];
        let mut len = 2 + rng.below(max_beads.saturating_sub(1));
        let mut from = rng.below(source.beads.len().saturating_sub(len).max(1));
        loop {
            let (src, tgt) = piece(source, from, len);
            // A run of furniture found on one side only is no document pair: take more beads,
            // earlier ones at the end of the document.
            if !src.trim().is_empty() && !tgt.trim().is_empty() || len >= source.beads.len() {
                return json_line(k, source, &src, &tgt, langs);
            }
            if from + len < source.beads.len() {
                len += 1;
            } else {
                from -= 1;
            }
        }
    })
}

fn json_line(k: usize, source: &Source, src: &str, tgt: &str, langs: bool) -> String {
    let mut record = serde_json::json!({
        "id": format!("doc-{k:07}"),
        "corpus": source.name,
        "src": src,
        "tgt": tgt,
    });
    if langs {
        record["src_lang"] = source.langs[0].clone().into();
        record["tgt_lang"] = source.langs[1].clone().into();
    }
    record.to_string()
}
