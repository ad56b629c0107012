//! End-to-end throughput and peak memory of `bialign batch`: builds a batch input of document
//! pairs at run time (pieces of the bundled corpus and, when present, of the evaluation sets'
//! documents; written to a temporary folder, never kept), runs the release binary on it with each
//! thread count, and prints document pairs/s, sentences/s (both sides, as the binary counts them,
//! segmentation included), CPU time and sentences per CPU second (what a run costs whatever else
//! the machine is doing) and peak RSS (`/usr/bin/time -v`), with the load average around each
//! run (the machine may be shared).
//!
//! ```text
//! cargo build --release && cargo run --release --example batch_throughput -- \
//!     [--records 10000,100000] [--threads 1,2] [--max-beads 12] [--langs] [--format jsonl|tsv]
//! ```
//!
//! `--langs` gives every record its languages (no detection); without it bialign detects them.
//! `--write FILE` writes the input of the first record count to FILE and stops (for profiling
//! the binary on it, `perf record … bialign batch FILE`).
//! `BIALIGN_EVAL` names the evaluation sets' folder (default `../shared/eval`).

#[path = "../benches/common/pieces.rs"]
mod pieces;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Args {
    records: Vec<usize>,
    threads: Vec<usize>,
    max_beads: usize,
    langs: bool,
    format: String,
    write: Option<PathBuf>,
}

fn parse_args() -> Args {
    let mut args = Args {
        records: vec![100_000],
        threads: vec![1, 2],
        max_beads: 12,
        langs: false,
        format: "jsonl".into(),
        write: None,
    };
    let list = |s: String| -> Vec<usize> {
        s.split(',')
            .map(|n| n.trim().replace('_', "").parse().expect("a number"))
            .collect()
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--records" => args.records = list(it.next().expect("--records N[,N…]")),
            "--threads" => args.threads = list(it.next().expect("--threads N[,N…]")),
            "--max-beads" => args.max_beads = list(it.next().expect("--max-beads N"))[0],
            "--langs" => args.langs = true,
            "--format" => args.format = it.next().expect("--format jsonl|tsv"),
            "--write" => args.write = Some(it.next().expect("--write FILE").into()),
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

fn main() {
    let args = parse_args();
    let eval_root = std::env::var_os("BIALIGN_EVAL").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
        PathBuf::from,
    );
    let mut sources = pieces::bundled();
    let eval = pieces::eval_sets(&eval_root);
    let names: Vec<&str> = eval.iter().map(|s| s.name.as_str()).collect();
    println!(
        "sources: bundled corpus{}",
        if names.is_empty() {
            format!(" (no evaluation sets at {})", eval_root.display())
        } else {
            format!(" + {} documents of {}", names.len(), eval_root.display())
        }
    );
    sources.extend(eval);
    if let Some(path) = &args.write {
        let bytes = write_input(path, &sources, args.records[0], args.max_beads, args.langs);
        eprintln!(
            "{}: {} records, {bytes} bytes",
            path.display(),
            args.records[0]
        );
        return;
    }
    let bialign = binary();
    let dir = tempfile::tempdir().expect("a temporary folder");
    println!(
        "| records | threads | wall s | pairs/s | sentences | sentences/s | CPU s | sentences per CPU s | peak RSS MiB | load before → after |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for &records in &args.records {
        let input = dir.path().join(format!("pairs-{records}.jsonl"));
        let bytes = write_input(&input, &sources, records, args.max_beads, args.langs);
        eprintln!(
            "input: {records} records, {:.1} MiB",
            bytes as f64 / 1048576.0
        );
        for &threads in &args.threads {
            let run = measure(
                &bialign,
                &input,
                &dir.path().join("out"),
                threads,
                &args.format,
            );
            let cpu = run.cpu_secs.map_or("?".into(), |c| format!("{c:.1}"));
            let per_cpu = run
                .cpu_secs
                .map_or("?".into(), |c| format!("{:.0}", run.sentences as f64 / c));
            println!(
                "| {records} | {threads} | {:.1} | {:.0} | {} | {:.0} | {cpu} | {per_cpu} | {} | {} → {} |",
                run.secs,
                run.records as f64 / run.secs,
                run.sentences,
                run.sentences as f64 / run.secs,
                run.peak_kib
                    .map_or("?".into(), |k| format!("{:.0}", k as f64 / 1024.0)),
                run.load_before,
                run.load_after,
            );
        }
        std::fs::remove_file(&input).ok();
    }
}

/// `target/release/bialign`, beside the folder this example runs from.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().expect("own path");
    let path = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/release/examples")
        .join("bialign");
    assert!(
        path.exists(),
        "{} missing: run `cargo build --release` first",
        path.display()
    );
    path
}

fn write_input(
    path: &Path,
    sources: &[pieces::Source],
    records: usize,
    max_beads: usize,
    langs: bool,
) -> u64 {
    let mut out = BufWriter::new(std::fs::File::create(path).expect("input file"));
    let mut bytes = 0;
    for line in pieces::json_records(sources, records, max_beads, 1, langs) {
        bytes += line.len() as u64 + 1;
        writeln!(out, "{line}").expect("write input");
    }
    out.flush().expect("write input");
    bytes
}

struct Run {
    secs: f64,
    records: usize,
    sentences: usize,
    peak_kib: Option<u64>,
    /// User and system CPU time: what the run cost whatever else the machine was doing.
    cpu_secs: Option<f64>,
    load_before: String,
    load_after: String,
}

fn measure(bialign: &Path, input: &Path, output: &Path, threads: usize, format: &str) -> Run {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(bialign);
        c
    } else {
        Command::new(bialign)
    };
    cmd.arg("batch")
        .arg(input)
        .args(["--threads", &threads.to_string(), "--format", format, "-o"])
        .arg(output);
    let load_before = load_average();
    let started = Instant::now();
    let out = cmd.output().expect("run bialign");
    let secs = started.elapsed().as_secs_f64();
    let load_after = load_average();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "bialign failed:\n{stderr}");
    // "bialign: batch: R records (B bad), S sentences, P pairs"
    let summary = stderr
        .lines()
        .find(|l| l.starts_with("bialign: batch:"))
        .expect("the batch summary");
    let number_before = |word: &str| -> usize {
        let words: Vec<&str> = summary.split_whitespace().collect();
        let at = words
            .iter()
            .position(|w| w.trim_end_matches(',') == word)
            .expect("a figure");
        words[at - 1].parse().expect("a number")
    };
    let peak_kib = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|k| k.parse().ok());
    let seconds = |label: &str| -> Option<f64> {
        stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .and_then(|s| s.trim().parse().ok())
    };
    let cpu_secs = seconds("User time (seconds):")
        .zip(seconds("System time (seconds):"))
        .map(|(u, s)| u + s);
    std::fs::remove_file(output).ok();
    Run {
        cpu_secs,
        secs,
        records: number_before("records"),
        sentences: number_before("sentences"),
        peak_kib,
        load_before,
        load_after,
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(String::from))
        .unwrap_or_else(|| "?".into())
}
