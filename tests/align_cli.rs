//! `bialign align` on the bundled corpus and on small inputs: what it writes and how it refuses
//! bad input.

mod common;

use std::collections::HashSet;
use std::path::Path;

use predicates::prelude::*;

use common::bialign;

const ZH: &str = "corpora/ilya-stanford/zh.txt";
const EN: &str = "corpora/ilya-stanford/en.txt";

#[test]
fn csv_of_the_corpus_covers_every_sentence_once() {
    let out = bialign()
        .args(["align", ZH, EN, "--format", "csv"])
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(out.get_output().stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    for column in ["bead", "src_ids", "tgt_ids", "kind", "score", "src", "tgt"] {
        assert!(
            headers.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    let (mut src_ids, mut tgt_ids) = (Vec::new(), Vec::new());
    let mut kinds = HashSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        src_ids.extend(
            row[1]
                .split_whitespace()
                .map(|x| x.parse::<usize>().unwrap()),
        );
        tgt_ids.extend(
            row[2]
                .split_whitespace()
                .map(|x| x.parse::<usize>().unwrap()),
        );
        kinds.insert(row[3].to_string());
        let score: f64 = row[4].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
    assert_eq!(src_ids, (0..src_ids.len()).collect::<Vec<_>>());
    assert_eq!(tgt_ids, (0..tgt_ids.len()).collect::<Vec<_>>());
    // The corpus has untranslated furniture and free translation.
    for kind in ["1-1", "1-0", "1-2", "2-1"] {
        assert!(kinds.contains(kind), "no {kind} bead in {kinds:?}");
    }
}

#[test]
fn chinese_side_is_joined_without_spaces() {
    let out = bialign()
        .args([
            "align",
            "--split",
            "lines",
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            "--format",
            "csv",
            "-",
        ])
        .arg("tests/fixtures/two.en")
        .write_stdin("他来了。我们走吧。\n")
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("他来了。我们走吧。"), "{text}");
}

#[test]
fn beads_format_is_vecalign_style() {
    let out = bialign()
        .args(["align", "--split", "lines", "--format", "beads"])
        .args([
            "corpora/ilya-stanford/zh.sentences",
            "corpora/ilya-stanford/en.sentences",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("[0") && first.split(':').count() == 3,
        "{first}"
    );
    let beads = bialign::eval::parse_beads(Path::new("out"), &text).unwrap();
    let n_src = std::fs::read_to_string("corpora/ilya-stanford/zh.sentences")
        .unwrap()
        .lines()
        .count();
    assert_eq!(beads.iter().map(|b| b.0.len()).sum::<usize>(), n_src);
}

#[test]
fn glossary_rows_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("terms.csv");
    std::fs::write(&glossary, "src,tgt\n伊利亚,Ilya\nOpenAI\n").unwrap();
    let out = dir.path().join("out.csv");
    bialign()
        .args(["align", ZH, EN, "--glossary"])
        .arg(&glossary)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "terms.csv:3: expected two non-empty fields",
        ));
    assert!(!out.exists(), "no output on error");
}

#[test]
fn glossary_terms_anchor_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("terms.csv");
    std::fs::write(
        &glossary,
        "杰弗里·辛茨,Geoffrey Hinton\n创业思想领袖研讨会,Entrepreneurial Thought Leaders\n",
    )
    .unwrap();
    bialign()
        .args(["align", ZH, EN, "--glossary"])
        .arg(&glossary)
        .assert()
        .success()
        .stdout(predicate::str::contains("Geoffrey Hinton"));
}

#[test]
fn empty_side_of_presplit_input_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.en");
    std::fs::write(&empty, "\n\n").unwrap();
    bialign()
        .args([
            "align",
            "--split",
            "lines",
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
        ])
        .arg("corpora/ilya-stanford/zh.sentences")
        .arg(&empty)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("empty.en: file is empty"));
}

#[test]
fn written_file_appears_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("beads.txt");
    bialign()
        .args(["align", ZH, EN, "--format", "beads", "-q", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr("");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().count() > 300);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// An Italian text and its Portuguese translation were taken for French and Spanish, sure of it;
/// the TMX then carried the wrong tags. Now both are detected, and a pair that comes out in one
/// language is said to be suspicious, unless -q.
#[test]
fn languages_outside_linguas_nine_are_detected_and_a_same_language_pair_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let it = dir.path().join("it.txt");
    let pt = dir.path().join("pt.txt");
    let it_again = dir.path().join("it2.txt");
    std::fs::write(&it, "Il treno per Firenze è partito con un'ora di ritardo perché la neve aveva bloccato i binari durante la notte. I passeggeri hanno aspettato in stazione.\n").unwrap();
    std::fs::write(&pt, "O trem para Florença partiu com uma hora de atraso porque a neve tinha bloqueado os trilhos durante a noite. Os passageiros esperaram na estação.\n").unwrap();
    std::fs::write(&it_again, "Il treno è partito in ritardo perché la neve aveva bloccato i binari. I passeggeri hanno aspettato.\n").unwrap();

    let out = bialign()
        .args(["align", "--format", "tmx"])
        .arg(&it)
        .arg(&pt)
        .assert()
        .success()
        .stderr(predicate::str::contains("detected Italian (it, whatlang"))
        .stderr(predicate::str::contains(
            "detected Portuguese (pt, whatlang",
        ))
        .stderr(predicate::str::contains("both files").not());
    let tmx = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(tmx.contains(r#"srclang="it""#), "{tmx}");
    assert!(tmx.contains(r#"<tuv xml:lang="pt">"#), "{tmx}");

    bialign()
        .args(["align", "--format", "tsv"])
        .arg(&it)
        .arg(&it_again)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: both files taken to be in Italian (it)",
        ));
    bialign()
        .args(["align", "-q", "--format", "tsv"])
        .arg(&it)
        .arg(&it_again)
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    // Languages given by the user are taken as meant.
    bialign()
        .args([
            "align",
            "--src-lang",
            "it",
            "--tgt-lang",
            "it",
            "--format",
            "tsv",
        ])
        .arg(&it)
        .arg(&it_again)
        .assert()
        .success()
        .stderr(predicate::str::contains("both files").not());
}
