//! Bead confidence means something: confident beads are right, and unsure beads are right less
//! often.

mod common;

use std::path::Path;

use bialign::align::{align, AlignOptions};
use bialign::eval::{parse_beads, IndexBead};
use bialign::Lang;

/// (score, right?) for each predicted bead of one document.
fn scored_beads(src: &Path, tgt: &Path, gold: &Path, langs: (Lang, Lang)) -> Vec<(f64, bool)> {
    let src = std::fs::read_to_string(src).unwrap();
    let tgt = std::fs::read_to_string(tgt).unwrap();
    let gold: Vec<IndexBead> = parse_beads(gold, &std::fs::read_to_string(gold).unwrap()).unwrap();
    let s: Vec<&str> = src.lines().collect();
    let t: Vec<&str> = tgt.lines().collect();
    align(&s, &t, langs.0, langs.1, &AlignOptions::default())
        .beads
        .iter()
        .map(|b| {
            (
                b.score,
                gold.contains(&(b.src.clone().collect(), b.tgt.clone().collect())),
            )
        })
        .collect()
}

fn precision(beads: &[(f64, bool)], range: std::ops::Range<f64>) -> (usize, f64) {
    let within: Vec<bool> = beads
        .iter()
        .filter(|(s, _)| range.contains(s))
        .map(|&(_, ok)| ok)
        .collect();
    let right = within.iter().filter(|&&ok| ok).count();
    (within.len(), right as f64 / within.len().max(1) as f64)
}

#[test]
fn corpus_confident_beads_are_right() {
    let dir = Path::new("corpora/ilya-stanford");
    let beads = scored_beads(
        &dir.join("zh.sentences"),
        &dir.join("en.sentences"),
        &dir.join("gold.beads"),
        (Lang::ZH, Lang::EN),
    );
    let mean = |ok: bool| {
        let v: Vec<f64> = beads.iter().filter(|b| b.1 == ok).map(|b| b.0).collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    assert!(
        mean(false) < mean(true),
        "wrong beads {} vs right {}",
        mean(false),
        mean(true)
    );
    let (n, p) = precision(&beads, 0.9..1.01);
    assert!(
        n * 2 > beads.len() && p >= 0.95,
        "{n} confident beads, precision {p}"
    );
}

#[test]
fn mac_dev_unsure_beads_are_right_less_often() {
    let dir = Path::new("../shared/eval/mac-dev-zh-en");
    if !dir.join("LANGS").is_file() {
        common::skip(&format!(
            "{} is not present (evaluation data is read from ../shared, never copied)",
            dir.display()
        ));
        return;
    }
    let mut beads = Vec::new();
    for doc in ["001", "002", "003", "004", "005", "006"] {
        beads.extend(scored_beads(
            &dir.join(format!("{doc}.src")),
            &dir.join(format!("{doc}.tgt")),
            &dir.join(format!("{doc}.gold")),
            (Lang::ZH, Lang::EN),
        ));
    }
    let (n_low, low) = precision(&beads, 0.5..0.7);
    let (n_high, high) = precision(&beads, 0.9..1.01);
    println!("score < 0.7: {n_low} beads, precision {low:.2}; score ≥ 0.9: {n_high} beads, precision {high:.2}");
    assert!(n_low >= 20 && high >= low + 0.3, "low {low} high {high}");
}
