//! One vocabulary across the subcommands: the same flags mean the same thing everywhere, the
//! format a person reads has one name, severities have one set of words, and every error is one
//! line.

mod common;

use common::bialign;
use predicates::prelude::*;

const ZH: &str = "corpora/ilya-stanford/zh.txt";
const EN: &str = "corpora/ilya-stanford/en.txt";
const EN_EDITED: &str = "corpora/ilya-stanford/en.edited.txt";

fn stderr_of(args: &[&str]) -> (String, i32) {
    let out = bialign().args(args).output().unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_command_says_what_it_wrote_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let langs = ["--src-lang", "zh", "--tgt-lang", "en"];
    let owned = |parts: &[&[&str]]| -> Vec<String> {
        parts.concat().iter().map(|s| s.to_string()).collect()
    };
    let (s, a, c, d, e) = (
        out("s.txt"),
        out("a.csv"),
        out("c.json"),
        out("d.json"),
        out("e.json"),
    );
    let runs = [
        owned(&[&["segment", "--lang", "zh", ZH, "-o", &s]]),
        owned(&[&["align", ZH, EN], &langs, &["-o", &a]]),
        owned(&[&["check", ZH, EN], &langs, &["-o", &c]]),
        owned(&[&["diff", ZH, EN, EN], &langs, &["-o", &d]]),
        owned(&[&["eval", "corpora/ilya-stanford", "-o", &e]]),
    ];
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let path = args.last().unwrap().to_string();
        let (stderr, code) = stderr_of(&args);
        assert!(code == 0 || code == 1, "{args:?}: {stderr}");
        assert_eq!(stderr.trim(), format!("bialign: wrote {path}"), "{args:?}");
        let (quiet, _) = stderr_of(&[&args[..], &["-q"]].concat());
        assert_eq!(quiet, "", "{args:?} -q");
    }
    // Moses writes two files and names both.
    let (stderr, _) = stderr_of(
        &[
            &["align", ZH, EN][..],
            &langs,
            &["--format", "moses", "-o", &out("corpus")],
        ]
        .concat(),
    );
    assert_eq!(
        stderr.trim(),
        format!("bialign: wrote {0}.zh and {0}.en", out("corpus"))
    );
}

#[test]
fn eval_writes_json_with_format_and_o_like_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scores.json");
    bialign()
        .args([
            "eval",
            "corpora/ilya-stanford",
            "-q",
            "-o",
            path.to_str().unwrap(),
        ])
        .assert()
        .success()
        .stdout("");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let f1 = json[0]["strict"]["f1"].as_f64().unwrap();
    assert!(f1 > 0.9, "{json}");
    // --format json to standard output, and the older --json, give the same document.
    let a = bialign()
        .args(["eval", "--format", "json", "corpora/ilya-stanford"])
        .output()
        .unwrap();
    let b = bialign()
        .args(["eval", "--json", "corpora/ilya-stanford"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&a.stdout).unwrap(),
        json
    );
}

#[test]
fn the_format_a_person_reads_is_terminal_everywhere_and_human_is_the_same() {
    for command in [&["check", ZH, EN_EDITED][..], &["diff", ZH, EN, EN_EDITED]] {
        let run = |format: &str| {
            bialign()
                .args(command)
                .args([
                    "--src-lang",
                    "zh",
                    "--tgt-lang",
                    "en",
                    "--color",
                    "never",
                    "-q",
                ])
                .args(["--format", format])
                .output()
                .unwrap()
        };
        let (terminal, human) = (run("terminal"), run("human"));
        assert_eq!(terminal.status.code(), Some(1), "{command:?}");
        assert!(!terminal.stdout.is_empty());
        assert_eq!(terminal.stdout, human.stdout, "{command:?}");
    }
}

#[test]
fn severities_have_one_set_of_words_and_fail_on_takes_each() {
    let run = |fail_on: &str| {
        bialign()
            .args([
                "check",
                ZH,
                EN,
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
                "-q",
            ])
            .args(["--format", "json", "--fail-on", fail_on])
            .output()
            .unwrap()
    };
    let json: serde_json::Value = serde_json::from_slice(&run("never").stdout).unwrap();
    let severities: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert!(
        severities
            .iter()
            .all(|s| ["error", "warning", "note"].contains(s)),
        "{severities:?}"
    );
    assert!(json["summary"].get("info").is_none(), "{}", json["summary"]);
    let has_note = severities.contains(&"note");
    let worst_is_note = !severities.iter().any(|s| *s != "note");
    assert_eq!(
        run("note").status.code(),
        Some(if severities.is_empty() { 0 } else { 1 })
    );
    if has_note && worst_is_note {
        assert_eq!(run("warning").status.code(), Some(0));
    }
}

#[test]
fn argument_errors_are_one_line_with_the_usage() {
    for args in [
        &["align", "--no-such-flag", ZH, EN][..],
        &["check", ZH],
        &["diff", ZH, EN],
        &["check", "--fail-on", "sometimes", ZH, EN],
    ] {
        let (stderr, code) = stderr_of(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("bialign: "), "{stderr}");
        assert!(stderr.contains("see --help"), "{stderr}");
    }
    // Help is still help.
    bialign()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--sensitivity"));
}

#[test]
fn the_terminal_view_goes_through_the_pager_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let paged = dir.path().join("paged.txt");
    let pager = format!("cat > '{}'", paged.display());
    for command in [
        &["align", ZH, EN][..],
        &["check", ZH, EN_EDITED],
        &["diff", ZH, EN, EN_EDITED],
    ] {
        let run = |paging: &str, pager: &str| {
            bialign()
                .args(command)
                .args([
                    "--src-lang",
                    "zh",
                    "--tgt-lang",
                    "en",
                    "-q",
                    "--color",
                    "never",
                ])
                .args(["--format", "terminal", "--paging", paging])
                .env("PAGER", pager)
                .env_remove("BIALIGN_PAGER")
                .output()
                .unwrap()
        };
        let _ = std::fs::remove_file(&paged);
        let out = run("always", &pager);
        assert!(out.stdout.is_empty(), "{command:?}: the pager had it all");
        let text = std::fs::read_to_string(&paged).unwrap();
        assert!(text.lines().count() > 20, "{command:?}: {text}");
        // `never`, and a pipe with `auto`, print it as before.
        for paging in ["never", "auto"] {
            let direct = run(paging, "false");
            assert_eq!(
                String::from_utf8(direct.stdout).unwrap(),
                text,
                "{command:?} {paging}"
            );
        }
    }
}

#[test]
fn bead_numbers_count_from_zero_in_every_format() {
    let run = |format: &str| {
        let out = bialign()
            .args([
                "align",
                ZH,
                EN,
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
                "-q",
            ])
            .args(["--format", format])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let paired: Vec<String> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| !r[1].is_empty() && !r[2].is_empty())
        .map(|r| r[0].to_owned())
        .collect();
    assert_eq!(paired[0], "0", "the first bead is bead 0");
    let tmx = run("tmx");
    let tuids: Vec<String> = tmx
        .split("tuid=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect();
    assert_eq!(tuids, paired, "TMX units carry the CSV bead numbers");
    let html = run("html");
    assert!(html.contains("<tr id=\"b0\""), "the HTML's first bead is 0");
}
