//! Hostile but ordinary input: text whose lowercase has other byte lengths, and beads so long
//! that anything done once per anchor over the whole bead would take minutes.

mod common;

use std::os::unix::fs::FileTypeExt;
use std::path::Path;

use common::{align_fixture, bialign, fixture, json_verdict, skip};

/// Ten İ (2 bytes, lowercase 3) and ten ẞ (3 bytes, lowercase 2): the lowercased copy has the
/// length of the original, but every offset between them is shifted.
fn shifting_case() -> String {
    format!("{} AI 中文{}.\n", "İ".repeat(10), "ẞ".repeat(10))
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn text_whose_lowercase_changes_length_is_aligned_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s", "我们研究AI。\n");
    let t = write(&dir, "t", &shifting_case());
    let t2 = write(&dir, "t2", &shifting_case().replace("AI", "AI and AI"));
    let langs = ["--src-lang", "zh", "--tgt-lang", "en"];

    let out = bialign()
        .arg("align")
        .args(langs)
        .args([&s, &t, "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines().nth(1).unwrap().contains("我们研究AI。"),
        "{csv}"
    );

    // "AI" is in both: no term finding, whatever the İ and ẞ around it do to offsets.
    let (report, code) = json_verdict("check", &[&langs[..], &[&s, &t]].concat());
    assert_eq!(code, 0, "{report:#}");
    let (_, code) = json_verdict("diff", &[&langs[..], &[&s, &t, &t2]].concat());
    assert_eq!(code, 0);
}

#[test]
fn glossary_terms_are_found_at_their_place_in_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s", "İ中ẞ。\n");
    let t = write(&dir, "t", "Nothing here.\n");
    let g = write(&dir, "g.csv", "中,China\n");
    let (report, code) = json_verdict(
        "check",
        &[
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            "--glossary",
            &g,
            &s,
            &t,
        ],
    );
    assert_eq!(code, 1);
    let glossary: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "glossary")
        .collect();
    assert_eq!(glossary.len(), 1, "{report:#}");
    let anchor = &glossary[0]["anchors"][0];
    assert_eq!(anchor["text"], "中");
    assert_eq!(anchor["start"], 2);
    assert_eq!(anchor["column"], 2);
}

/// A Chinese line naming `n` people, and an English line that names none of them.
fn names_untranslated(n: usize) -> (String, String) {
    let zh: String = (0..n)
        .map(|i| format!("我们和Person{i}X讨论了问题，"))
        .collect();
    let en = "We talked with all of them about it, ".repeat(n);
    (format!("{zh}。\n"), format!("{}.\n", en.trim_end()))
}

#[test]
fn a_bead_full_of_missing_names_is_one_finding_listing_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = names_untranslated(400);
    let s = write(&dir, "s", &zh);
    let t = write(&dir, "t", &en);
    let (report, code) = json_verdict("check", &["--src-lang", "zh", "--tgt-lang", "en", &s, &t]);
    assert_eq!(code, 1);
    let terms: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "term-mismatch")
        .collect();
    // Each finding carries the bead's text: one per name would make the report grow with the
    // square of the line's length.
    assert_eq!(terms.len(), 1, "{} term findings", terms.len());
    assert_eq!(terms[0]["anchors"].as_array().unwrap().len(), 400);
    let message = terms[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("400 differences in one bead: “Person0X” in the source is missing"),
        "{message}"
    );
}

#[test]
fn a_few_missing_names_are_a_finding_each() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = names_untranslated(3);
    let s = write(&dir, "s", &zh);
    let t = write(&dir, "t", &en);
    let (report, _) = json_verdict("check", &["--src-lang", "zh", "--tgt-lang", "en", &s, &t]);
    let terms = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "term-mismatch")
        .count();
    assert_eq!(terms, 3);
}

// ---------------------------------------------------------------------------------------------
// Where output goes: symlinks, special files, inputs, interrupted runs.

/// The one line a refused run prints, checked to be one line naming `name`.
fn one_line_error(out: &std::process::Output, name: &str) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "{err}");
    err
}

#[test]
fn output_through_a_symlink_replaces_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old\n").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    align_fixture(&["-o", link.to_str().unwrap()])
        .assert()
        .success();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.starts_with("bead,src_ids"), "{written}");
    // Nothing else was left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn output_to_a_device_node_writes_into_the_device() {
    let dir = tempfile::tempdir().unwrap();
    // A null device of our own (only root may make one), so that the test never touches /dev.
    let null = dir.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        common::skip("cannot make a device node here (not root)");
        return;
    }
    align_fixture(&["--format", "csv", "-o", null.to_str().unwrap()])
        .assert()
        .success();
    let kind = null.symlink_metadata().unwrap().file_type();
    assert!(kind.is_char_device(), "the device was replaced: {kind:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn output_to_a_fifo_writes_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = align_fixture(&["--format", "tsv", "-o", fifo.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let kind = fifo.symlink_metadata().unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    let read = reader.join().unwrap();
    assert!(read.contains("Ilya's Story"), "{read}");
}

#[test]
fn output_to_dev_stdout_reaches_the_pipe_it_leads_to() {
    // /dev/stdout links to /proc/self/fd/1, which links to `pipe:[…]`: no path to follow.
    if !Path::new("/dev/stdout").exists() {
        return skip("no /dev/stdout on this system");
    }
    let out = align_fixture(&["--format", "tsv", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let written = String::from_utf8(out.stdout).unwrap();
    assert!(written.contains("Ilya's Story"), "{written}");
}

#[test]
fn an_output_that_is_an_input_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let zh = dir.path().join("c.zh");
    let en = dir.path().join("c.en");
    let zh_text = std::fs::read_to_string(fixture("zh.txt")).unwrap();
    let en_text = std::fs::read_to_string(fixture("en.txt")).unwrap();
    std::fs::write(&zh, &zh_text).unwrap();
    std::fs::write(&en, &en_text).unwrap();
    let alias = dir.path().join("alias.txt");
    std::os::unix::fs::symlink(&en, &alias).unwrap();
    let (z, e, a) = (
        zh.to_str().unwrap(),
        en.to_str().unwrap(),
        alias.to_str().unwrap(),
    );
    let langs = ["--src-lang", "zh", "--tgt-lang", "en"];
    let prefix = dir.path().join("c");
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", z, e, "-o", e, "--format", "json"], "c.en"),
        (
            vec!["check", z, e, "-o", a, "--format", "json"],
            "alias.txt",
        ),
        (vec!["align", z, e, "-o", z, "--format", "csv"], "c.zh"),
        (
            vec![
                "align",
                z,
                e,
                "--format",
                "moses",
                "-o",
                prefix.to_str().unwrap(),
            ],
            "c.zh",
        ),
        (vec!["diff", z, e, a, "-o", e, "--format", "json"], "c.en"),
        (vec!["segment", e, "--lang", "en", "-o", e], "c.en"),
    ];
    for (args, name) in runs {
        let (command, rest) = args.split_first().unwrap();
        let mut cmd = bialign();
        cmd.arg(command);
        if *command != "segment" {
            cmd.args(langs);
        }
        let out = cmd.args(rest).output().unwrap();
        let err = one_line_error(&out, name);
        assert!(err.contains("input"), "{args:?}: {err}");
        assert_eq!(std::fs::read_to_string(&zh).unwrap(), zh_text, "{args:?}");
        assert_eq!(std::fs::read_to_string(&en).unwrap(), en_text, "{args:?}");
        assert!(alias.symlink_metadata().unwrap().file_type().is_symlink());
    }
    // Nothing was left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

/// A pair big enough that writing its report takes a while: the corpus, `copies` times over.
fn big_pair(dir: &Path, copies: usize) -> (String, String) {
    let mut paths = Vec::new();
    for lang in ["zh", "en"] {
        let text = std::fs::read_to_string(common::corpus(&format!("{lang}.txt"))).unwrap();
        let path = dir.join(format!("big.{lang}"));
        std::fs::write(&path, text.repeat(copies)).unwrap();
        paths.push(path.to_str().unwrap().to_owned());
    }
    (paths[0].clone(), paths[1].clone())
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_run_stopped_by_a_signal_while_writing_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let inputs = tempfile::tempdir().unwrap();
    let (zh, en) = big_pair(inputs.path(), 20);
    for (signal, number) in [("TERM", 15), ("INT", 2)] {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("out.html");
        std::fs::write(&out_path, "old").unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bialign"))
            .args(["align", "--src-lang", "zh", "--tgt-lang", "en", "-q"])
            .args([&zh, &en, "-o", out_path.to_str().unwrap()])
            .spawn()
            .unwrap();
        // Wait for the temporary file, then stop the run while it is being written.
        let started = std::time::Instant::now();
        while temporaries(dir.path()).is_empty() {
            if let Some(status) = child.try_wait().unwrap() {
                panic!("finished ({status}) before the temporary file was seen");
            }
            assert!(started.elapsed().as_secs() < 120, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(
            status.signal() == Some(number) || status.code() == Some(128 + number),
            "{signal}: {status}"
        );
        assert_eq!(temporaries(dir.path()), Vec::<String>::new(), "{signal}");
        assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "old");
    }
}

// ---------------------------------------------------------------------------------------------
// Control characters from the documents (and their names) never reach a terminal raw.

/// A pair whose texts are full of terminal control: ESC sequences, BEL, DEL, a C1 CSI.
fn controlled_pair(dir: &tempfile::TempDir) -> (String, String, String) {
    let s = write(
        dir,
        "s.txt",
        "伊利亚于2015年参与创立了\u{1b}[2J\u{1b}]0;pwned\u{7}OpenAI。\n他说\u{7f}研究需要耐心\u{9b}31m。\n",
    );
    let t = write(
        dir,
        "t.txt",
        "Ilya co-founded \u{1b}[31mOpenAI\u{8} in 2016\u{7}.\nHe said research takes patience.\n",
    );
    let t2 = write(
        dir,
        "t2.txt",
        "Ilya co-founded \u{1b}[32mOpenAI\u{8} in 2017\u{7}.\nHe said\u{1b}[5m research takes time.\n",
    );
    (s, t, t2)
}

fn assert_no_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in\n{text}");
}

#[test]
fn check_diff_and_github_output_show_no_raw_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let (s, t, t2) = controlled_pair(&dir);
    let langs = ["--src-lang", "zh", "--tgt-lang", "en", "--color", "never"];
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &s, &t, "--format", "human"],
        vec!["check", &s, &t, "--format", "github"],
        vec!["diff", &s, &t, &t2, "--format", "terminal"],
        vec!["diff", &s, &t, &t2, "--format", "github"],
        vec!["diff", "--source", &s, &s, &t, "--format", "terminal"],
        vec!["align", &s, &t, "--format", "terminal"],
    ];
    for args in runs {
        let (command, rest) = args.split_first().unwrap();
        let out = bialign()
            .arg(command)
            .args(langs)
            .args(rest)
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?}: {out:?}"
        );
        assert_no_controls(&format!("{args:?}"), &out.stdout);
        assert_no_controls(&format!("{args:?} stderr"), &out.stderr);
    }
}

#[test]
fn file_names_with_control_characters_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "a\u{1b}]0;pwned\u{7}\u{1b}[2J.txt";
    let s = write(&dir, evil, "伊利亚于2015年参与创立了OpenAI。\n");
    let t = write(&dir, "t.txt", "Ilya co-founded OpenAI in 2016.\n");
    let missing = dir.path().join(format!("missing{evil}"));
    let langs = ["--src-lang", "zh", "--tgt-lang", "en", "--color", "never"];
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &s, &t, "--format", "human"],
        vec!["check", &s, &t, "--format", "github"],
        vec!["diff", &s, &t, &t, "--format", "terminal"],
        vec!["diff", &s, &t, &t, "--format", "github"],
        vec!["align", &s, &t, "--format", "terminal"],
        vec!["align", missing.to_str().unwrap(), &t],
    ];
    for args in runs {
        let (command, rest) = args.split_first().unwrap();
        let out = bialign()
            .arg(command)
            .args(langs)
            .args(rest)
            .output()
            .unwrap();
        assert_no_controls(&format!("{args:?}"), &out.stdout);
        assert_no_controls(&format!("{args:?} stderr"), &out.stderr);
    }
    // Detection messages name the file too.
    let out = bialign().args(["segment", &s]).output().unwrap();
    assert_no_controls("segment stderr", &out.stderr);
}

// ---------------------------------------------------------------------------------------------
// A lone CR (old Mac files) is a line break.

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "First heading\rThe first sentence is here.\rThe second one is here.\r\rLast line\r";
    let f = write(&dir, "mac.txt", text);
    let out = bialign()
        .args(["segment", "--lang", "en", "--format", "jsonl", &f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let got: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let texts: Vec<&str> = got.iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "First heading",
            "The first sentence is here.",
            "The second one is here.",
            "Last line"
        ]
    );
    let lines: Vec<u64> = got.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 5]);
    for v in &got {
        let (start, end) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert_eq!(
            &text[start as usize..end as usize],
            v["text"].as_str().unwrap()
        );
    }

    // Pre-split input: one sentence a line, whichever line ending.
    let s = write(&dir, "s.txt", "第一句。\r第二句。\r\n第三句。\n");
    let t = write(&dir, "t.txt", "One.\rTwo.\rThree.\r");
    let out = bialign()
        .args([
            "align",
            "--split",
            "lines",
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
        ])
        .args([&s, &t, "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let beads: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(beads.len(), 3, "{beads:?}");
    for (k, b) in beads.iter().enumerate() {
        assert_eq!(b["tgt_line"], k + 1);
        assert_eq!(b["src_line"], k + 1);
    }
    assert_eq!(beads[1]["tgt"], "Two.");
    assert_eq!(beads[1]["tgt_start"], 5);
}

// ---------------------------------------------------------------------------------------------
// Standard input can be only one of the files.

#[test]
fn standard_input_for_two_files_is_refused_before_reading() {
    let runs: Vec<Vec<&str>> = vec![
        vec!["align", "-", "-"],
        vec!["check", "-", "-"],
        vec!["diff", "-", "x", "-"],
        vec!["diff", "--source", "x", "-", "-"],
    ];
    for args in runs {
        let out = bialign()
            .args(&args)
            .write_stdin("伊利亚于2015年参与创立了OpenAI。\n")
            .output()
            .unwrap();
        let err = one_line_error(&out, "standard input");
        assert!(!err.contains("empty"), "{args:?}: {err}");
    }
}

// ---------------------------------------------------------------------------------------------
// Glossaries and gold files are checked.

#[test]
fn a_glossary_with_an_unterminated_quote_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let g = write(
        &dir,
        "g.csv",
        "伊利亚,Ilya\n\"深度学习,deep learning\n谷歌,Google\n",
    );
    let g2 = write(&dir, "g2.csv", "伊利亚,\"Ilya\nSutskever\"\n");
    let (s, t) = (fixture("zh.txt"), fixture("en.txt"));
    for (glossary, line) in [(&g, 2), (&g2, 1)] {
        let out = bialign()
            .args([
                "check",
                "--src-lang",
                "zh",
                "--tgt-lang",
                "en",
                "--glossary",
            ])
            .arg(glossary)
            .arg(&s)
            .arg(&t)
            .output()
            .unwrap();
        let err = one_line_error(&out, &format!("{glossary}:{line}: unterminated quote"));
        assert!(err.starts_with("bialign: "), "{err}");
    }
}

/// An evaluation folder with one three-sentence document and the given gold and LANGS.
fn eval_dir(gold: &[u8], langs: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("LANGS"), langs).unwrap();
    std::fs::write(dir.path().join("d.src"), "第一句。\n第二句。\n第三句。\n").unwrap();
    std::fs::write(dir.path().join("d.tgt"), "One.\nTwo.\nThree.\n").unwrap();
    std::fs::write(dir.path().join("d.gold"), gold).unwrap();
    dir
}

#[test]
fn gold_beads_are_checked_against_the_documents() {
    let good = eval_dir(b"[0]:[0]\n[1]:[1]:0.9\n[2]:[2]\n", "zh en\n");
    bialign()
        .args(["eval", good.path().to_str().unwrap()])
        .assert()
        .success();
    let bad: [(&[u8], &str); 5] = [
        (b"[0]:[0]\n[100]:[1]\n[2]:[2]\n", "d.gold:2: "),
        (b"[0]:[0]:junk\n[1]:[1]\n[2]:[2]\n", "d.gold:1: "),
        (b"[0]:[0]\n[1]:[1]:0.5:x\n", "d.gold:2: "),
        (b"[0]:[0]\n[0,1]:[1]\n[2]:[2]\n", "d.gold:2: "),
        (b"[0]:[0]\n[1]:[1,2,3]\n", "d.gold:2: "),
    ];
    for (gold, place) in bad {
        let dir = eval_dir(gold, "zh en\n");
        let out = bialign()
            .args(["eval", dir.path().to_str().unwrap()])
            .output()
            .unwrap();
        one_line_error(&out, place);
    }
    let dir = eval_dir(b"[0]:[0]\n[1]:[1]\n[2]:\xff[2]\n", "zh en\n");
    let out = bialign()
        .args(["eval", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    one_line_error(&out, "d.gold: not valid UTF-8 at byte 20");
    let dir = eval_dir(b"[0]:[0]\n", "zh\nchinese-english\n");
    let out = bialign()
        .args(["eval", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    one_line_error(&out, "LANGS:2: ");
}

// ---------------------------------------------------------------------------------------------
// Line-based formats keep one record a line for every reader.

/// The lines of `text` as Python's `str.splitlines` finds them.
fn splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(i) = rest.find([
            '\n', '\r', '\u{b}', '\u{c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
            '\u{2029}',
        ]) else {
            lines.push(rest);
            break;
        };
        lines.push(&rest[..i]);
        let skip = if rest[i..].starts_with("\r\n") {
            2
        } else {
            rest[i..].chars().next().unwrap().len_utf8()
        };
        rest = &rest[i + skip..];
    }
    lines
}

#[test]
fn line_based_formats_keep_one_record_a_line_for_python() {
    let dir = tempfile::tempdir().unwrap();
    let breaks = "a\u{b}b\u{c}c\u{1c}d\u{1d}e\u{1e}f\u{85}g\u{2028}h\u{2029}i";
    let s = write(
        &dir,
        "s.txt",
        &format!("第一句{breaks}。\n第二句{breaks}。\n"),
    );
    let t = write(&dir, "t.txt", &format!("One {breaks}.\nTwo {breaks}.\n"));
    let pair = ["--split", "lines", "--src-lang", "zh", "--tgt-lang", "en"];
    for format in ["tsv", "jsonl", "beads"] {
        let out = bialign()
            .arg("align")
            .args(pair)
            .args([&s, &t, "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(splitlines(&text).len(), 2, "{format}: {text:?}");
        if format == "tsv" {
            let fields: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
            assert_eq!(
                bialign::render::tsv::unescape(fields[1]),
                format!("One {breaks}.")
            );
        }
    }
    let prefix = dir.path().join("corpus");
    bialign()
        .arg("align")
        .args(pair)
        .args([&s, &t, "--format", "moses", "-o", prefix.to_str().unwrap()])
        .assert()
        .success();
    for side in ["zh", "en"] {
        let text = std::fs::read_to_string(dir.path().join(format!("corpus.{side}"))).unwrap();
        assert_eq!(splitlines(&text).len(), 2, "moses {side}: {text:?}");
    }
    for format in ["lines", "jsonl"] {
        let out = bialign()
            .args(["segment", "--lang", "en", "--format", format, &t])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let records = text.matches('\n').count();
        assert_eq!(
            splitlines(&text).len(),
            records,
            "segment {format}: {text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A CSV cell of a bead of several sentences is what the README says it is.

#[test]
fn csv_cells_of_a_bead_across_a_blank_line_are_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let zh = "伊利亚于2015年参与创立了OpenAI，\n\n并担任首席科学家。\n";
    let en = "Ilya co-founded OpenAI in 2015 and served as its chief scientist.\n";
    let s = write(&dir, "s.txt", zh);
    let t = write(&dir, "t.txt", en);
    let out = bialign()
        .args([
            "align",
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            "--format",
            "csv",
        ])
        .args([&s, &t])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = &rows[0];
    assert_eq!(&row[3], "2-1", "{rows:?}");
    let (start, end): (usize, usize) = (row[7].parse().unwrap(), row[8].parse().unwrap());
    // The span runs from the first sentence's start to the last one's end, blank line included;
    // the cell is the sentences themselves, joined without a separator in Chinese.
    assert_eq!(
        &zh[start..end],
        "伊利亚于2015年参与创立了OpenAI，\n\n并担任首席科学家。"
    );
    assert_eq!(
        &row[5],
        "伊利亚于2015年参与创立了OpenAI，并担任首席科学家。"
    );
    // And the README says so.
    let readme = std::fs::read_to_string("README.md").unwrap();
    let csv_section = readme[readme.find("#### csv").unwrap()..readme.find("#### tsv").unwrap()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        csv_section.contains("joined with one space")
            && csv_section.contains("what lies between them"),
        "{csv_section}"
    );
}
