//! `bialign learn` learns a translation table from a corpus; `--table` uses it in `align`,
//! `check` and `eval`. The tables are learned from the bundled corpus; the copyrighted
//! evaluation sets are read from ../shared/eval when present and skipped otherwise.

mod common;

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use bialign::table::TranslationTable;
use bialign::Lang;
use common::{bialign, corpus, CORPUS};

/// Learn a table with `args`, into `dir`, and return its path.
fn learn(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    bialign()
        .arg("learn")
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("translations of"));
    out
}

fn has(table: &TranslationTable, source: &str, target: &str) -> bool {
    table
        .translations_of(source)
        .iter()
        .any(|e| e.target.as_ref() == target)
}

#[test]
fn learns_the_corpus_translations_from_every_kind_of_input() {
    let dir = tempfile::tempdir().unwrap();
    let from_folder = learn(dir.path(), "folder.tsv", &[CORPUS]);
    let table = TranslationTable::read(&from_folder).unwrap();
    assert_eq!(table.langs, [Lang::ZH, Lang::EN]);
    assert!(table.len() > 100, "{} entries", table.len());
    // Frequent words of the interview the built-in lexicon also knows, and the learned table
    // finds on its own from the aligned sentences.
    assert!(
        has(&table, "研究", "research"),
        "{:?}",
        table.translations_of("研究")
    );
    assert!(
        has(&table, "科学家", "scientist"),
        "{:?}",
        table.translations_of("科学家")
    );
    let text = std::fs::read_to_string(&from_folder).unwrap();
    assert!(text.starts_with("# bialign-table 1 zh en | learned by bialign"));
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    let mut sorted = lines.clone();
    sorted.sort_by_key(|l| {
        let f: Vec<&str> = l.split('\t').collect();
        (f[0].to_string(), f[1].to_string())
    });
    assert_eq!(lines, sorted, "entries are sorted by source, then target");

    // The running texts, segmented; a batch file naming them; a docpairs file carrying them.
    let (zh, en) = (corpus("zh.txt"), corpus("en.txt"));
    let pair = learn(
        dir.path(),
        "pair.tsv",
        &["--src-lang", "zh", "--tgt-lang", "en", &zh, &en],
    );
    let abs = |p: &str| std::fs::canonicalize(p).unwrap().display().to_string();
    let jsonl = dir.path().join("batch.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n",
            serde_json::json!({"id": "ilya", "src_path": abs(&zh), "tgt_path": abs(&en),
                "src_lang": "zh", "tgt_lang": "en"})
        ),
    )
    .unwrap();
    let batch = learn(dir.path(), "batch.tsv.out", &[jsonl.to_str().unwrap()]);
    let docpairs = dir.path().join("docs.tsv");
    let encode = |p: &str| common::base64(&std::fs::read(p).unwrap());
    std::fs::write(
        &docpairs,
        format!(
            "https://a/zh\thttps://a/en\t{}\t{}\n",
            encode(&zh),
            encode(&en)
        ),
    )
    .unwrap();
    let tsv = learn(
        dir.path(),
        "docpairs.out",
        &[
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            docpairs.to_str().unwrap(),
        ],
    );
    let body = |p: &Path| {
        let text = std::fs::read_to_string(p).unwrap();
        text.split_once('\n').unwrap().1.to_string()
    };
    // The same document pair, however it is given: the same entries.
    assert_eq!(body(&pair), body(&batch));
    assert_eq!(body(&pair), body(&tsv));
    let table = TranslationTable::read(&pair).unwrap();
    assert!(has(&table, "研究", "research"));
}

#[test]
fn the_table_is_the_same_for_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (corpus("zh.txt"), corpus("en.txt"));
    let run = |threads: &str| {
        let out = bialign()
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "learn",
                "-q",
                CORPUS,
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
            ])
            .args([&zh, &en])
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("3"));
    drop(dir);
}

/// Nonsense words: only a table can say which sentence translates which.
const DE: &str = "Blorfen quanxig salt.\nZibbelt morpa lint.\nTrakkor vinxes dult.\nGlemmer darpo kilt.\nWurzel hanfo pelt.\n";
const FR: &str =
    "Plifas snoret gava.\nKrumel dibos fota.\nHoptir nalve sura.\nMeskar tuvil rona.\n";
const TABLE: &str = "# bialign-table 1 de fr | by hand\nblorfen\tplifas\t0.9\nquanxig\tsnoret\t0.9\nzibbelt\tkrumel\t0.9\nmorpa\tdibos\t0.9\nglemmer\thoptir\t0.9\ndarpo\tnalve\t0.9\nwurzel\tmeskar\t0.9\nhanfo\ttuvil\t0.9\n";

#[test]
fn align_and_check_use_the_table_in_either_direction() {
    let dir = tempfile::tempdir().unwrap();
    let (de, fr, table) = (
        dir.path().join("s.de"),
        dir.path().join("t.fr"),
        dir.path().join("t.tsv"),
    );
    std::fs::write(&de, DE).unwrap();
    std::fs::write(&fr, FR).unwrap();
    std::fs::write(&table, TABLE).unwrap();
    let beads = |src: &Path, tgt: &Path, langs: [&str; 2], extra: &[&Path]| {
        let out = bialign()
            .args(["align", "--split", "lines", "--format", "beads"])
            .args(["--src-lang", langs[0], "--tgt-lang", langs[1]])
            .args(extra.iter().flat_map(|t| [Path::new("--table"), t]))
            .arg(src)
            .arg(tgt)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let without = beads(&de, &fr, ["de", "fr"], &[]);
    let with = beads(&de, &fr, ["de", "fr"], &[&table]);
    assert_ne!(without, with);
    // Glemmer ↔ Hoptir, Wurzel ↔ Meskar: lengths alone pair them otherwise.
    assert!(
        with.contains("[3]:[2]:") && with.contains("[4]:[3]:"),
        "{with}"
    );
    // The de→fr table serves a fr→de alignment too: Trakkor has no counterpart.
    let reversed = beads(&fr, &de, ["fr", "de"], &[&table]);
    assert!(reversed.contains("[]:[2]:"), "{reversed}");

    // check reports the sentence the translation leaves out, with the table.
    bialign()
        .args([
            "check",
            "--split",
            "lines",
            "--src-lang",
            "fr",
            "--tgt-lang",
            "de",
        ])
        .args([
            "--sensitivity",
            "review",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .arg("--table")
        .arg(&table)
        .arg(&fr)
        .arg(&de)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"addition\""));
}

/// `eval`'s strict F1 on `set` without and with `table`.
fn strict_f1_without_and_with(set: &str, table: &Path) -> (f64, f64) {
    let f1 = |extra: &[&str]| {
        let out = bialign()
            .args(["eval", "--json", set])
            .args(extra)
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v[0]["strict"]["f1"].as_f64().unwrap()
    };
    (f1(&[]), f1(&["--table", table.to_str().unwrap()]))
}

#[test]
fn eval_with_the_corpus_table_keeps_its_score() {
    let dir = tempfile::tempdir().unwrap();
    let table = learn(dir.path(), "t.tsv", &[CORPUS]);
    let (without, with) = strict_f1_without_and_with(CORPUS, &table);
    println!("corpus strict F1 {without:.4} without, {with:.4} with its own table (in-sample)");
    assert!(with >= without - 0.005, "{without} → {with}");
}

#[test]
fn a_table_for_other_languages_is_refused_or_left_unused() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.tsv");
    std::fs::write(&table, TABLE).unwrap();
    bialign()
        .args(["eval", "--table", table.to_str().unwrap(), CORPUS])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the table translates de to fr"));
    // With detected languages the run goes on without it, and says so.
    bialign()
        .args([
            "align",
            "--format",
            "beads",
            "--table",
            table.to_str().unwrap(),
        ])
        .args([corpus("zh.txt"), corpus("en.txt")])
        .assert()
        .success()
        .stderr(predicate::str::contains("not used"));
}

#[test]
fn a_bad_table_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("bad.tsv");
    std::fs::write(
        &table,
        "# bialign-table 1 zh en | by hand\n研究\tresearch\t0.9\n科学家 scientist 0.8\n",
    )
    .unwrap();
    for command in ["align", "check"] {
        bialign()
            .args([command, "--table", table.to_str().unwrap()])
            .args([corpus("zh.txt"), corpus("en.txt")])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "bad.tsv:3: expected source<TAB>target<TAB>probability",
            ));
    }
    std::fs::write(&table, "研究\tresearch\t0.9\n").unwrap();
    bialign()
        .args(["eval", "--table", table.to_str().unwrap(), CORPUS])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.tsv:1: not a bialign translation table",
        ));
    // An empty batch file teaches nothing.
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "\n").unwrap();
    bialign()
        .args(["learn", empty.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no document pairs to learn from"));
    // A bad line in a batch file, too.
    let batch = dir.path().join("b.jsonl");
    std::fs::write(&batch, "{\"id\": \"a\", \"src\": \"你好。\"\n").unwrap();
    bialign()
        .args(["learn", batch.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("b.jsonl:1: invalid JSON"));
}

#[test]
fn textberg_in_sample_table_helps() {
    let dir_name = "../shared/eval/textberg-dev-de-fr";
    if !Path::new(dir_name).join("LANGS").is_file() {
        common::skip(&format!(
            "{dir_name} is not present (evaluation data is read from ../shared, never copied)"
        ));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Learned from the document it is scored on: an in-sample figure, kept outside the repo.
    let table = learn(dir.path(), "t.tsv", &[dir_name]);
    let (without, with) = strict_f1_without_and_with(dir_name, &table);
    println!("Text+Berg strict F1 {without:.4} without, {with:.4} with (in-sample)");
    assert!(with > without, "{without} → {with}");
}
