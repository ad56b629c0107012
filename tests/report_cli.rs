//! `bialign align` outputs as a user meets them: formats chosen by flag or file name, files
//! written whole or not at all, round trips back to the input sentences, colour and width.
//! These run the real aligner on the fixture, so they check what holds for any alignment.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use predicates::prelude::*;
use quick_xml::events::Event;
use serde_json::Value;

use bialign::Lang;
use common::{align_fixture, bialign, fixture, sentences};

fn stdout_of(args: &[&str]) -> String {
    let out = align_fixture(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The fixture's sentences as the aligner sees them, source and target.
fn inputs() -> (Vec<String>, Vec<String>) {
    (
        sentences(&fixture("zh.txt"), Lang::ZH),
        sentences(&fixture("en.txt"), Lang::EN),
    )
}

/// Every sentence index of a side appears in exactly one bead, in order, and the bead text is
/// those sentences joined.
fn assert_each_sentence_once(
    side: &str,
    beads: &[(Vec<usize>, String)],
    sentences: &[String],
    sep: &str,
) {
    let ids: Vec<usize> = beads.iter().flat_map(|(ids, _)| ids.clone()).collect();
    assert_eq!(ids, (0..sentences.len()).collect::<Vec<_>>(), "{side} ids");
    for (ids, text) in beads {
        let expected: Vec<&str> = ids.iter().map(|&i| sentences[i].as_str()).collect();
        assert_eq!(text, &expected.join(sep), "{side} text");
    }
}

#[test]
fn csv_reads_back_to_every_sentence_exactly_once() {
    let out = stdout_of(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "bead",
            "src_ids",
            "tgt_ids",
            "kind",
            "score",
            "src",
            "tgt",
            "src_start",
            "src_end",
            "tgt_start",
            "tgt_end",
            "src_line",
            "tgt_line",
            "flags",
            "src_paragraph",
            "tgt_paragraph"
        ]
    );
    let (src_sentences, tgt_sentences) = inputs();
    let zh = std::fs::read_to_string(fixture("zh.txt")).unwrap();
    let (mut src, mut tgt) = (Vec::new(), Vec::new());
    for (k, row) in reader.records().enumerate() {
        let row = row.unwrap();
        assert_eq!(row[0].parse::<usize>().unwrap(), k);
        let ids =
            |s: &str| -> Vec<usize> { s.split_whitespace().map(|i| i.parse().unwrap()).collect() };
        src.push((ids(&row[1]), row[5].to_string()));
        tgt.push((ids(&row[2]), row[6].to_string()));
        // Byte offsets point into the file: the first sentence starts there.
        if let (Ok(start), Some(&first)) = (row[7].parse::<usize>(), src.last().unwrap().0.first())
        {
            assert!(zh[start..].starts_with(&src_sentences[first]));
        }
    }
    assert_each_sentence_once("src", &src, &src_sentences, "");
    assert_each_sentence_once("tgt", &tgt, &tgt_sentences, " ");
}

#[test]
fn jsonl_reads_back_to_every_sentence_exactly_once() {
    let out = stdout_of(&["--format", "jsonl"]);
    let (src_sentences, tgt_sentences) = inputs();
    let (mut src, mut tgt) = (Vec::new(), Vec::new());
    for (k, line) in out.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["bead"], k);
        let ids = |a: &Value| -> Vec<usize> {
            a.as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap() as usize)
                .collect()
        };
        src.push((ids(&v["src_ids"]), v["src"].as_str().unwrap().to_string()));
        tgt.push((ids(&v["tgt_ids"]), v["tgt"].as_str().unwrap().to_string()));
        assert!(v["flags"].is_array());
        for key in [
            "kind",
            "score",
            "src_start",
            "src_end",
            "tgt_start",
            "tgt_end",
            "src_line",
            "tgt_line",
        ] {
            assert!(v.get(key).is_some(), "{key} missing");
        }
        if v["src_ids"].as_array().unwrap().is_empty() {
            assert!(v["src_start"].is_null() && v["src_line"].is_null());
        }
    }
    assert_each_sentence_once("src", &src, &src_sentences, "");
    assert_each_sentence_once("tgt", &tgt, &tgt_sentences, " ");
}

#[test]
fn tmx_parses_and_has_the_header_tools_need() {
    let out = stdout_of(&["--format", "tmx"]);
    let mut reader = quick_xml::Reader::from_str(&out);
    let mut header = BTreeMap::new();
    let mut tmx_version = None;
    let mut langs = Vec::new();
    let mut segs = Vec::new();
    let mut in_seg = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attrs: BTreeMap<String, String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                        (key, a.unescape_value().unwrap().into_owned())
                    })
                    .collect();
                match e.name().as_ref() {
                    b"tmx" => tmx_version = attrs.get("version").cloned(),
                    b"header" => header = attrs,
                    b"tuv" => langs.push(attrs["xml:lang"].clone()),
                    b"seg" => {
                        in_seg = true;
                        segs.push(String::new());
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_seg => segs.last_mut().unwrap().push_str(&t.unescape().unwrap()),
            Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
            _ => {}
        }
    }
    assert_eq!(tmx_version.as_deref(), Some("1.4"));
    for (key, value) in [
        ("creationtool", "bialign"),
        ("segtype", "sentence"),
        ("adminlang", "en"),
        ("srclang", "zh-Hans"),
        ("datatype", "plaintext"),
    ] {
        assert_eq!(header.get(key).map(String::as_str), Some(value), "{key}");
    }
    assert!(header.contains_key("creationtoolversion") && header.contains_key("o-tmf"));
    // Pairs only: source and target variant in turn, text unescaped back to the original.
    assert!(langs.chunks(2).all(|p| p == ["zh-Hans", "en"]));
    assert_eq!(langs.len(), segs.len());
    assert!(segs
        .iter()
        .any(|s| s.contains("<script>alert(\"hi\")</script>")));
}

#[test]
fn moses_writes_two_files_with_the_same_number_of_lines() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("corpus");
    let jsonl = stdout_of(&["--format", "jsonl"]);
    let pairs = jsonl
        .lines()
        .filter(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            !v["src_ids"].as_array().unwrap().is_empty()
                && !v["tgt_ids"].as_array().unwrap().is_empty()
        })
        .count();
    for (keep, expected) in [(false, pairs), (true, jsonl.lines().count())] {
        let mut args = vec!["--format", "moses", "-o", prefix.to_str().unwrap()];
        if keep {
            args.push("--keep-unpaired");
        }
        align_fixture(&args).assert().success().stdout("");
        let zh = std::fs::read_to_string(dir.path().join("corpus.zh")).unwrap();
        let en = std::fs::read_to_string(dir.path().join("corpus.en")).unwrap();
        assert_eq!(zh.lines().count(), expected);
        assert_eq!(en.lines().count(), expected);
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary files left"
    );
}

#[test]
fn moses_needs_a_prefix() {
    align_fixture(&["--format", "moses"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-o PREFIX"));
}

#[test]
fn tsv_has_three_fields_a_line() {
    let out = stdout_of(&["--format", "tsv", "--keep-unpaired"]);
    assert!(!out.is_empty());
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let score: f64 = fields[2].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
}

#[test]
fn the_output_name_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    type LooksRight = fn(&str) -> bool;
    let cases: [(&str, LooksRight); 7] = [
        ("r.csv", |s| s.starts_with("bead,src_ids,")),
        ("r.tsv", |s| s.lines().all(|l| l.split('\t').count() == 3)),
        ("r.jsonl", |s| {
            s.lines().all(|l| serde_json::from_str::<Value>(l).is_ok())
        }),
        ("r.tmx", |s| {
            s.starts_with("<?xml") && s.contains("<tmx version=\"1.4\">")
        }),
        ("r.html", |s| s.starts_with("<!DOCTYPE html>")),
        ("r.htm", |s| s.starts_with("<!DOCTYPE html>")),
        ("r.beads", |s| {
            s.lines()
                .all(|l| l.starts_with('[') && l.matches(':').count() == 2)
        }),
    ];
    for (name, looks_right) in cases {
        let path = dir.path().join(name);
        align_fixture(&["-o", path.to_str().unwrap()])
            .assert()
            .success()
            .stdout("");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            looks_right(&text),
            "{name}: {}",
            &text[..text.len().min(200)]
        );
    }
}

#[test]
fn an_output_name_that_says_no_format_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    align_fixture(&["-o", path.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
    assert!(!path.exists());
}

#[test]
fn standard_output_that_is_not_a_terminal_gets_csv() {
    let out = stdout_of(&[]);
    assert!(out.starts_with("bead,src_ids,tgt_ids,kind,score,"));
    let dash = stdout_of(&["-o", "-"]);
    assert_eq!(out, dash);
}

#[test]
fn a_failed_run_leaves_no_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, "the previous report").unwrap();
    bialign()
        .args(["align", "--src-lang", "zh", "--tgt-lang", "en"])
        .arg(fixture("zh.txt"))
        .arg(dir.path().join("missing.txt"))
        .arg("-o")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("missing.txt").and(predicate::str::contains("cannot read")),
        );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the previous report"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn a_moses_pair_is_written_whole_or_not_at_all() {
    // The target file's name is taken by a folder (with something in it), so it cannot be
    // renamed into place: the source file, already complete, must not be left alone either.
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("corpus");
    std::fs::create_dir(dir.path().join("corpus.en")).unwrap();
    std::fs::write(dir.path().join("corpus.en/keep"), "x").unwrap();
    align_fixture(&["--format", "moses", "-o", prefix.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("corpus.en"));
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["corpus.en"]);
}

#[test]
fn writing_into_a_missing_folder_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/report.csv");
    let out = align_fixture(&["-o", path.to_str().unwrap()])
        .assert()
        .code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot write"));
    assert!(!Path::new(&path).exists());
}

fn terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = align_fixture(&[&["--format", "terminal"], args].concat());
    for (k, v) in env {
        cmd.env(k, v);
    }
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    // Standard output is a pipe here, so `auto` means no colour.
    let auto = terminal(&[], &[]);
    assert!(!auto.contains('\x1b'));
    assert!(auto.contains("[-2015-]") && auto.contains("{+2016+}"));
    let always = terminal(&["--color", "always"], &[]);
    assert!(always.contains("\x1b[1;4;31m2015\x1b[0m"));
    assert!(!always.contains("[-2015-]"));
    // An explicit flag beats NO_COLOR and TERM=dumb; `never` beats everything.
    assert!(terminal(
        &["--color", "always"],
        &[("NO_COLOR", "1"), ("TERM", "dumb")]
    )
    .contains('\x1b'));
    assert!(!terminal(&["--color", "never"], &[]).contains('\x1b'));
    align_fixture(&["--color", "sometimes"]).assert().code(2);
}

#[test]
fn colour_asked_for_on_a_pipe_means_the_terminal_view() {
    // `bialign align … --color always | less -R`: a person reads it, so not CSV.
    let out = align_fixture(&["--color", "always"]).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("\x1b[1;4;31m2015\x1b[0m"), "{stdout}");
    assert!(!stdout.starts_with("bead,"), "not CSV: {stdout}");
    // Without the flag a pipe still gets CSV.
    let plain = align_fixture(&[]).assert().success();
    assert!(String::from_utf8_lossy(&plain.get_output().stdout).contains(','));
}

#[test]
fn the_terminal_view_fits_columns() {
    for columns in ["50", "80", "140"] {
        let out = terminal(&[], &[("COLUMNS", columns)]);
        let width: usize = columns.parse().unwrap();
        for line in out.lines() {
            assert!(
                bialign::report::terminal::text_width(line) <= width,
                "{columns}: {line}"
            );
        }
        assert!(out
            .lines()
            .any(|l| bialign::report::terminal::text_width(l) > width - 10));
    }
}

#[test]
fn nothing_on_stderr_when_not_a_terminal_or_quiet() {
    // Languages given, stderr a pipe: no detection lines, no progress.
    align_fixture(&["--format", "beads"])
        .assert()
        .success()
        .stderr("");
    bialign()
        .args(["align", "--quiet", "--format", "beads"])
        .arg(fixture("zh.txt"))
        .arg(fixture("en.txt"))
        .assert()
        .success()
        .stderr("");
}

#[test]
fn csv_safe_defuses_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let (src, tgt) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&src, "=HYPERLINK(\"http://x\")\n\nSecond line here.\n").unwrap();
    std::fs::write(&tgt, "=HYPERLINK(\"http://x\")\n\nZweite Zeile hier.\n").unwrap();
    let run = |safe: bool| {
        let mut cmd = bialign();
        cmd.args([
            "align",
            "--split",
            "lines",
            "--src-lang",
            "en",
            "--tgt-lang",
            "de",
        ])
        .arg(&src)
        .arg(&tgt);
        if safe {
            cmd.arg("--csv-safe");
        }
        String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
    };
    assert!(run(false).contains(",\"=HYPERLINK("));
    let safe = run(true);
    assert!(safe.contains(",\"'=HYPERLINK(") && !safe.contains(",\"=HYPERLINK("));
}
