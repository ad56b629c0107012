//! `bialign batch`: many document pairs, one a line, aligned in parallel. What it reads (JSON
//! Lines with texts or paths, web-crawl docpairs), what it writes (JSON Lines with beads and
//! figures, TSV pairs), how bad records are reported without stopping the batch, and that
//! threads and shards never change what is written.

mod common;

#[path = "../benches/common/pieces.rs"]
mod pieces;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

use common::bialign;

/// `n` records cut from the bundled corpus, one JSON object a line.
fn corpus_records(n: usize, seed: u64) -> String {
    let sources = pieces::bundled();
    pieces::json_records(&sources, n, 12, seed, false)
        .map(|l| l + "\n")
        .collect()
}

fn run_batch(args: &[&str], stdin: &str) -> std::process::Output {
    bialign()
        .arg("batch")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_records_come_out_in_order_with_every_sentence_in_one_bead() {
    let input = corpus_records(12, 7);
    let out = run_batch(&[], &input);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 12);
    for (k, line) in lines.iter().enumerate() {
        assert_eq!(line["bialign_schema"], 1);
        assert_eq!(line["id"], format!("doc-{k:07}"));
        assert_eq!(line["src_lang"], "zh", "{line}");
        assert_eq!(line["tgt_lang"], "en", "{line}");
        let stats = &line["stats"];
        let beads = line["beads"].as_array().unwrap();
        let ids = |side: &str| -> Vec<u64> {
            beads
                .iter()
                .flat_map(|b| {
                    b[side]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|i| i.as_u64().unwrap())
                })
                .collect()
        };
        let (src_ids, tgt_ids) = (ids("src_ids"), ids("tgt_ids"));
        assert_eq!(
            src_ids,
            (0..stats["src_sentences"].as_u64().unwrap()).collect::<Vec<_>>()
        );
        assert_eq!(
            tgt_ids,
            (0..stats["tgt_sentences"].as_u64().unwrap()).collect::<Vec<_>>()
        );
        assert_eq!(stats["beads"].as_u64().unwrap() as usize, beads.len());
        let kinds: u64 = stats["kinds"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(kinds as usize, beads.len());
        let mean = beads
            .iter()
            .map(|b| b["score"].as_f64().unwrap())
            .sum::<f64>()
            / beads.len() as f64;
        assert!((stats["mean_score"].as_f64().unwrap() - mean).abs() < 1e-3);
        for b in beads {
            let kind = format!(
                "{}-{}",
                b["src_ids"].as_array().unwrap().len(),
                b["tgt_ids"].as_array().unwrap().len()
            );
            assert_eq!(b["kind"], kind.as_str());
        }
    }
    // The text of the first bead is the text of the record's first sentences.
    let first: Value = serde_json::from_str(input.lines().next().unwrap()).unwrap();
    let bead_src = lines[0]["beads"][0]["src"].as_str().unwrap();
    let first_src = first["src"].as_str().unwrap();
    assert!(
        first_src.starts_with(bead_src.lines().next().unwrap()),
        "{bead_src}"
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("12 records (0 bad)"), "{summary}");
}

#[test]
fn unknown_fields_are_carried_through_untouched() {
    let record = json!({
        "id": "a/1",
        "src": "伊利亚于2015年参与创立了OpenAI。他担任首席科学家。",
        "tgt": "Ilya co-founded OpenAI in 2015. He served as its chief scientist.",
        "src_lang": "zh",
        "tgt_lang": "en",
        "source": {"site": "example.org", "tags": ["interview", 3, null]},
        "score_hint": 0.25,
    });
    let out = run_batch(&[], &format!("{record}\n"));
    assert_eq!(out.status.code(), Some(0));
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(line["id"], "a/1");
    assert_eq!(line["source"], record["source"]);
    assert_eq!(line["score_hint"], 0.25);
    // Read fields are not echoed: the texts are in the beads.
    assert!(line.get("src").is_none() && line.get("split").is_none());
    assert_eq!(line["stats"]["pairs"], 2, "{line}");
    assert_eq!(line["beads"][1]["tgt"], "He served as its chief scientist.");
}

#[test]
fn paths_are_read_relative_to_the_input_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("texts")).unwrap();
    std::fs::copy(
        "tests/fixtures/reports/zh.txt",
        dir.path().join("texts/zh.txt"),
    )
    .unwrap();
    let en = std::fs::canonicalize("tests/fixtures/reports/en.txt").unwrap();
    let record = json!({"id": "fixture", "src_path": "texts/zh.txt", "tgt_path": en});
    std::fs::write(dir.path().join("in.jsonl"), format!("{record}\n")).unwrap();
    let out = bialign()
        .arg("batch")
        .arg(dir.path().join("in.jsonl"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(line["beads"][0]["src"], "伊利亚的故事");
    assert_eq!(line["beads"][0]["tgt"], "Ilya's Story");
}

#[test]
fn docpairs_are_read_and_named_by_their_urls() {
    let zh = std::fs::read("tests/fixtures/reports/zh.txt").unwrap();
    let en = std::fs::read("tests/fixtures/reports/en.txt").unwrap();
    let input = format!(
        "https://a.example/zh\thttps://a.example/en\t{}\t{}\n",
        common::base64(&zh),
        common::base64(&en)
    );
    let out = run_batch(&["--input-format", "docpairs"], &input);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(line["id"], "https://a.example/zh\thttps://a.example/en");
    assert_eq!(line["url1"], "https://a.example/zh");
    assert_eq!(line["url2"], "https://a.example/en");
    assert_eq!(line["beads"][0]["tgt"], "Ilya's Story");

    let out = run_batch(&["--input-format", "docpairs", "--format", "tsv"], &input);
    let text = String::from_utf8(out.stdout).unwrap();
    let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        first[..4],
        [
            "https://a.example/zh",
            "https://a.example/en",
            "伊利亚的故事",
            "Ilya's Story"
        ]
    );
    assert!(first[4].parse::<f64>().is_ok());
    assert!(text.lines().all(|l| l.split('\t').count() == 5), "{text}");
}

#[test]
fn tsv_writes_one_pair_a_line_with_tabs_escaped() {
    let record = json!({
        "id": "tab\tid",
        "src": "第一句。\n第二句有\t制表符。\n",
        "tgt": "The first sentence.\nThe second has a\ttab.\n",
        "src_lang": "zh", "tgt_lang": "en", "split": "lines",
    });
    let out = run_batch(&["--format", "tsv"], &format!("{record}\n"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.rsplit_once('\t').unwrap().0)
            .collect::<Vec<_>>(),
        [
            "tab\\tid\t第一句。\tThe first sentence.",
            "tab\\tid\t第二句有\\t制表符。\tThe second has a\\ttab.",
        ]
    );
}

#[test]
fn bad_records_become_error_lines_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = corpus_records(2, 3);
    let good: Vec<&str> = good.lines().collect();
    let input = [
        good[0].to_string(),
        "{\"id\": \"x\", \"src\": \"unterminated".to_string(),
        json!({"id": "no-file", "src_path": "missing.txt", "tgt": "Hello there."}).to_string(),
        json!({"id": "empty", "src": " \n ", "tgt": "Hello there.", "kept": true}).to_string(),
        String::new(),
        json!({"id": "nul", "src": "a\u{0}b", "tgt": "Hello there."}).to_string(),
        json!({"src": "你好。", "tgt": "Hello."}).to_string(),
        json!({"id": "clash", "src": "你好。", "tgt": "Hello.", "beads": []}).to_string(),
        good[1].to_string(),
    ]
    .join("\n");
    let mut bytes = input.into_bytes();
    bytes.extend_from_slice(b"\n{\"id\": \"latin1\", \"src\": \"caf\xe9\", \"tgt\": \"x\"}\n");
    std::fs::write(dir.path().join("in.jsonl"), &bytes).unwrap();
    let out = bialign()
        .arg("batch")
        .arg(dir.path().join("in.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    let errors: Vec<(u64, String)> = lines
        .iter()
        .filter_map(|l| Some((l["line"].as_u64()?, l["error"].as_str()?.to_string())))
        .collect();
    let expect = [
        (2, "invalid JSON at column"),
        (3, "missing.txt: cannot read"),
        (4, "src: text is empty"),
        (6, "src: looks like a binary file"),
        (7, "no `id`"),
        (8, "field `beads` is one bialign writes"),
        (10, "invalid JSON at column"),
    ];
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
    for ((line, error), (want_line, want)) in errors.iter().zip(expect) {
        assert_eq!(*line, want_line);
        assert!(error.contains(want), "line {line}: {error}");
    }
    // In input order, good records around the bad ones; the bad ones keep their id and fields.
    assert_eq!(lines.len(), 9);
    assert!(lines[0]["beads"].is_array() && lines[7]["beads"].is_array());
    assert_eq!(lines[3]["id"], "empty");
    assert_eq!(lines[3]["kept"], true);
    assert!(lines[5]["id"].is_null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("9 records (7 bad)"), "{stderr}");
    assert!(stderr.contains("in.jsonl:2: invalid JSON"), "{stderr}");
}

#[test]
fn docpairs_with_broken_fields_are_bad_records() {
    let input = [
        "u1\tu2\tnot base64!\taGVsbG8=".to_string(),
        format!(
            "u1\tu2\t{}\t{}",
            common::base64(b"caf\xe9 au lait."),
            common::base64(b"Coffee with milk.")
        ),
        "u1\tu2\taGVsbG8=".to_string(),
        format!(
            "u1\tu2\t{}\t{}",
            common::base64(b"Bonjour."),
            common::base64(b"   ")
        ),
    ]
    .join("\n");
    let out = run_batch(&["--input-format", "docpairs"], &input);
    assert_eq!(out.status.code(), Some(0));
    let errors: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|l| format!("{}: {}", l["line"], l["error"].as_str().unwrap()))
        .collect();
    assert!(
        errors[0].starts_with("1: text1 is not valid base64"),
        "{errors:?}"
    );
    assert_eq!(errors[1], "2: src: not valid UTF-8 at byte 3");
    assert!(
        errors[2].starts_with("3: expected 4 tab-separated fields"),
        "{errors:?}"
    );
    assert_eq!(errors[3], "4: tgt: text is empty");
}

#[test]
fn strict_stops_at_the_first_bad_record_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = corpus_records(1, 5);
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!("{good}{{\"id\": \"b\", \"tgt\": \"x\"}}\n{good}"),
    )
    .unwrap();
    let output = dir.path().join("out.jsonl");
    let out = bialign()
        .args(["batch", "--strict", "-o"])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.ends_with("in.jsonl:2: no `src` (or `src_path`)\n"),
        "{stderr}"
    );
    assert!(!output.exists(), "a failed batch leaves no output file");
}

#[test]
fn output_is_the_same_byte_for_byte_with_any_number_of_threads() {
    // More records than one window holds, so windows follow each other too.
    let input = corpus_records(300, 11);
    let one = run_batch(&["--threads", "1"], &input);
    let two = run_batch(&["--threads", "2"], &input);
    let four = run_batch(&["--threads", "4", "--format", "jsonl"], &input);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(json_lines(&one.stdout).len(), 300);
    assert!(one.stdout == two.stdout, "1 and 2 threads differ");
    assert!(one.stdout == four.stdout, "1 and 4 threads differ");
}

#[test]
fn shards_split_the_input_without_overlap_or_loss() {
    let mut input = corpus_records(40, 13);
    input.push_str("not json at all\n");
    let whole = run_batch(&[], &input);
    let by_id = |stdout: &[u8]| -> BTreeMap<String, Value> {
        json_lines(stdout)
            .into_iter()
            .map(|l| {
                let key = l["id"]
                    .as_str()
                    .map_or_else(|| format!("line {}", l["line"]), String::from);
                (key, l)
            })
            .collect()
    };
    let whole = by_id(&whole.stdout);
    assert_eq!(whole.len(), 41);
    let mut union = BTreeMap::new();
    let mut sizes = Vec::new();
    for k in 0..3 {
        let shard = run_batch(&["--shard", &format!("{k}/3")], &input);
        assert_eq!(shard.status.code(), Some(0));
        let part = by_id(&shard.stdout);
        sizes.push(part.len());
        for (id, line) in part {
            assert!(
                union.insert(id.clone(), line).is_none(),
                "{id} in two shards"
            );
        }
    }
    assert_eq!(union, whole);
    assert!(sizes.iter().all(|&n| n > 0), "{sizes:?}");
    let out = run_batch(&["--shard", "3/3"], &input);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_slurm_example_uses_zero_based_shards() {
    let script = std::fs::read_to_string(Path::new("examples/slurm/align_array.sh")).unwrap();
    assert!(
        script.contains("--shard \"$SLURM_ARRAY_TASK_ID/$N\""),
        "{script}"
    );
    assert!(script.contains("#SBATCH --array=0-"), "{script}");
}

#[test]
fn a_record_is_aligned_as_bialign_align_aligns_the_two_files() {
    let (zh, en) = (common::corpus("zh.txt"), common::corpus("en.txt"));
    let align = bialign()
        .args(["align", &zh, &en, "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(align.status.code(), Some(0));
    let root = std::env::current_dir().unwrap();
    let record = json!({"id": "ilya", "src_path": root.join(&zh), "tgt_path": root.join(&en)});
    let out = run_batch(&[], &format!("{record}\n"));
    let line = &json_lines(&out.stdout)[0];
    let batch_beads = line["beads"].as_array().unwrap();
    let align_beads = json_lines(&align.stdout);
    assert_eq!(batch_beads.len(), align_beads.len());
    for (b, a) in batch_beads.iter().zip(&align_beads) {
        for field in ["src_ids", "tgt_ids", "src", "tgt", "kind", "score"] {
            assert_eq!(b[field], a[field], "{field} of bead {}", a["bead"]);
        }
    }
}
