//! `bialign eval` scores the aligner against gold beads. The bundled corpus always runs; the
//! copyrighted evaluation sets are read from ../shared/eval when present and skipped otherwise.

mod common;

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use common::bialign;

/// Strict and lax F1 of one evaluation folder, from `bialign eval --json`.
fn f1(dir: &str) -> (f64, f64) {
    let out = bialign().args(["eval", "--json", dir]).assert().success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let set = &v[0];
    println!("{dir}: strict {}, lax {}", set["strict"], set["lax"]);
    (
        set["strict"]["f1"].as_f64().unwrap(),
        set["lax"]["f1"].as_f64().unwrap(),
    )
}

fn shared_set(name: &str) -> Option<String> {
    let dir = format!("../shared/eval/{name}");
    if Path::new(&dir).join("LANGS").is_file() {
        Some(dir)
    } else {
        common::skip(&format!(
            "{dir} is not present (evaluation data is read from ../shared, never copied)"
        ));
        None
    }
}

#[test]
fn corpus_alignment_meets_its_target() {
    let (strict, lax) = f1("corpora/ilya-stanford");
    assert!(strict >= 0.95, "strict F1 {strict}");
    assert!(lax >= 0.98, "lax F1 {lax}");
}

#[test]
fn mac_dev_zh_en_meets_its_target() {
    let Some(dir) = shared_set("mac-dev-zh-en") else {
        return;
    };
    let (strict, lax) = f1(&dir);
    assert!(strict >= 0.80, "strict F1 {strict}");
    assert!(lax >= 0.97, "lax F1 {lax}");
}

#[test]
fn textberg_dev_de_fr_meets_its_target() {
    let Some(dir) = shared_set("textberg-dev-de-fr") else {
        return;
    };
    let (strict, _) = f1(&dir);
    assert!(strict >= 0.85, "strict F1 {strict}");
}

#[test]
fn table_lists_each_document_when_verbose() {
    bialign()
        .args(["eval", "--verbose", "corpora/ilya-stanford"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "corpora/ilya-stanford (zh en, 1 document)",
        ))
        .stdout(predicate::str::contains("ilya-stanford "))
        .stdout(predicate::str::contains("lax F1"));
}

#[test]
fn missing_langs_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.src"), "x\n").unwrap();
    bialign()
        .args(["eval"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("LANGS: cannot read"));
}

#[test]
fn malformed_gold_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("LANGS"), "zh en\n").unwrap();
    std::fs::write(dir.path().join("d.src"), "一。\n二。\n").unwrap();
    std::fs::write(dir.path().join("d.tgt"), "One.\nTwo.\n").unwrap();
    std::fs::write(dir.path().join("d.gold"), "[0]:[0]\n[1]:1]\n").unwrap();
    bialign()
        .args(["eval"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("d.gold:2: side not in brackets"));
}
