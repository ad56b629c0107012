//! The Spark example (`examples/spark/align_corpus.py`) under a local PySpark: 1,000 document
//! pairs cut from the bundled corpus, piped through `bialign batch` in 4 partitions by 4 local
//! executor threads, give the same lines as one plain `bialign batch` run, byte for byte once
//! both are sorted by id.
//!
//! Skips with a message when Java or PySpark is missing, except under CI (`.ci/run` installs
//! both and sets `CI`), where it fails.

#[path = "../benches/common/pieces.rs"]
mod pieces;

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const RECORDS: usize = 1000;
const PARTITIONS: usize = 4;

/// `spark-submit`, or why it cannot run here.
fn spark_submit() -> Result<PathBuf, String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Err("no Java runtime (`java -version` fails)".into());
    }
    let found = Command::new("python3")
        .args([
            "-c",
            "import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), 'bin', 'spark-submit'))",
        ])
        .output()
        .map_err(|e| format!("no python3: {e}"))?;
    if !found.status.success() {
        return Err("no pyspark for python3 (`pip install pyspark`)".into());
    }
    let path = PathBuf::from(String::from_utf8_lossy(&found.stdout).trim());
    if !path.exists() {
        return Err(format!("pyspark has no {}", path.display()));
    }
    Ok(path)
}

/// Each line keyed by its record's id.
fn by_id(lines: impl Iterator<Item = String>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lines {
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        let id = value["id"]
            .as_str()
            .expect("every record has an id")
            .to_string();
        assert!(map.insert(id.clone(), line).is_none(), "{id} twice");
    }
    map
}

#[test]
fn spark_job_output_equals_a_plain_batch_run() {
    let submit = match spark_submit() {
        Ok(path) => path,
        Err(why) => {
            common::skip(&why);
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("pairs.jsonl");
    let sources = pieces::bundled();
    let records: String = pieces::json_records(&sources, RECORDS, 8, 2024, false)
        .map(|l| l + "\n")
        .collect();
    std::fs::write(&input, records).unwrap();
    let bialign = Path::new(env!("CARGO_BIN_EXE_bialign"));

    let plain = dir.path().join("plain.jsonl");
    let status = Command::new(bialign)
        .args(["batch", "-q", "-o"])
        .arg(&plain)
        .arg(&input)
        .status()
        .unwrap();
    assert!(status.success());

    let out = dir.path().join("spark-out");
    let started = Instant::now();
    let run = Command::new(&submit)
        .args(["--master", &format!("local[{PARTITIONS}]")])
        .args(["--conf", "spark.ui.enabled=false"])
        .arg("--files")
        .arg(bialign)
        .arg("examples/spark/align_corpus.py")
        .arg(&input)
        .arg(&out)
        .args(["--partitions", &PARTITIONS.to_string()])
        .env("PYSPARK_PYTHON", "python3")
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    let secs = started.elapsed().as_secs_f64();
    let log = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "spark-submit failed:\n{}",
        &log[log.len().saturating_sub(4000)..]
    );
    eprintln!("Spark run (local[{PARTITIONS}], {RECORDS} records): {secs:.1} s");
    assert!(secs < 300.0, "the Spark run took {secs:.0} s");

    let mut parts: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    assert!(parts.len() >= PARTITIONS, "{} part files", parts.len());
    let non_empty = parts
        .iter()
        .filter(|p| std::fs::metadata(p).unwrap().len() > 0)
        .count();
    assert!(
        non_empty >= PARTITIONS,
        "only {non_empty} partitions had records"
    );
    let spark_lines = parts.iter().flat_map(|p| {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    });
    let plain_text = std::fs::read_to_string(&plain).unwrap();
    let plain = by_id(plain_text.lines().map(String::from));
    let spark = by_id(spark_lines);
    assert_eq!(plain.len(), RECORDS);
    assert_eq!(spark.len(), RECORDS);
    for ((id, a), (_, b)) in plain.iter().zip(&spark) {
        assert!(a == b, "{id} differs:\nplain: {a}\nspark: {b}");
    }
    assert!(plain == spark);
}
