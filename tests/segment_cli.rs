//! `bialign segment` as a user runs it: on the bundled corpus, on tricky input, and on bad input.

mod common;

use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use bialign::{eval, segment, Document, Lang};

use common::{bialign, CORPUS};

/// Boundary precision and recall of the segmenter against the hand-checked reference.
fn corpus_scores(lang: Lang, text_file: &str, reference_file: &str) -> eval::Prf {
    let doc = Document::read(&Path::new(CORPUS).join(text_file)).unwrap();
    let reference_path = Path::new(CORPUS).join(reference_file);
    let reference = std::fs::read_to_string(&reference_path).unwrap();
    let lines: Vec<&str> = reference.lines().collect();
    let predicted = segment::segment(&doc, lang);
    let scores = eval::segmentation_scores(&doc.text, &predicted, &lines, &reference_path).unwrap();
    println!(
        "{text_file}: boundary precision {:.4}, recall {:.4}",
        scores.precision, scores.recall
    );
    scores
}

#[test]
fn chinese_corpus_boundaries_match_the_reference() {
    let s = corpus_scores(Lang::ZH, "zh.txt", "zh.sentences");
    assert!(s.precision >= 0.98 && s.recall >= 0.98, "{s:?}");
}

#[test]
fn english_corpus_boundaries_match_the_reference() {
    let s = corpus_scores(Lang::EN, "en.txt", "en.sentences");
    assert!(s.precision >= 0.98 && s.recall >= 0.98, "{s:?}");
}

#[test]
fn jsonl_spans_point_into_the_file() {
    let path = Path::new(CORPUS).join("zh.txt");
    let bytes = std::fs::read(&path).unwrap();
    let out = bialign()
        .args(["segment", "--format", "jsonl"])
        .arg(&path)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut count = 0;
    for (k, line) in stdout.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["index"], k);
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[start..end]).unwrap(),
            v["text"].as_str().unwrap()
        );
        let line_no = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
        assert_eq!(v["line"], line_no);
        count += 1;
    }
    assert!(count > 400, "only {count} sentences");
}

#[test]
fn auto_detection_says_what_it_chose() {
    bialign()
        .args(["segment", "corpora/ilya-stanford/zh.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("detected Chinese (zh"))
        .stdout(predicate::str::contains("Ravi:\n"));
    bialign()
        .args(["segment", "corpora/ilya-stanford/en.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("detected English (en"));
}

#[test]
fn short_input_warns_and_guesses_from_script() {
    bialign()
        .args(["segment", "-"])
        .write_stdin("你好。")
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").and(predicate::str::contains("Chinese")))
        .stdout("你好。\n");
}

#[test]
fn stdin_with_bom_and_crlf() {
    bialign()
        .args(["segment", "--lang", "en", "--format", "jsonl", "-"])
        .write_stdin("\u{feff}Mr. Smith arrived.\r\nHe sat down.\r\n")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            r#"{"index":0,"text":"Mr. Smith arrived.","start":3,"end":21,"line":1,"paragraph":0}"#,
        ))
        .stdout(predicate::str::contains(
            r#"{"index":1,"text":"He sat down.","start":23,"end":35,"line":2,"paragraph":1}"#,
        ));
}

fn fails_with(args: &[&str], stdin: Option<Vec<u8>>, message: &str) {
    let mut cmd = bialign();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let out = cmd
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(message));
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line expected: {stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn missing_file_is_a_clear_error() {
    fails_with(
        &["segment", "no/such/file.txt"],
        None,
        "no/such/file.txt: cannot read:",
    );
}

#[test]
fn directory_is_a_clear_error() {
    fails_with(&["segment", "corpora"], None, "corpora: is a directory");
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"caf\xe9 au lait").unwrap();
    fails_with(
        &["segment", path.to_str().unwrap()],
        None,
        "latin1.txt: not valid UTF-8 at byte 3",
    );
}

#[test]
fn empty_and_binary_files_are_refused() {
    fails_with(&["segment", "-"], Some(Vec::new()), "-: file is empty");
    fails_with(
        &["segment", "-"],
        Some(b"\x7fELF\x02\x01\x00\x00binary".to_vec()),
        "looks like a binary file (NUL byte at byte 6)",
    );
}

#[test]
fn unknown_language_is_a_usage_error() {
    bialign()
        .args([
            "segment",
            "--lang",
            "klingon",
            "corpora/ilya-stanford/zh.txt",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown language 'klingon'"));
}

#[test]
fn a_two_letter_code_that_is_no_language_is_refused_before_reading() {
    for command in [
        &["segment", "--lang", "xx", "no-such-file.txt"][..],
        &[
            "align",
            "--src-lang",
            "xx",
            "corpora/ilya-stanford/zh.txt",
            "corpora/ilya-stanford/en.txt",
        ],
    ] {
        bialign()
            .args(command)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("unknown language 'xx'"))
            .stderr(predicate::str::contains("no-such-file").not());
    }
}
