//! The long fuzzing campaign: run the fuzz targets of `fuzz/harness/` for a time or a number of
//! executions each, and report executions, crashes and the slowest input per target. Minimised
//! failing inputs are written to `fuzz/crashes/` (see `docs/fuzzing.md`).
//!
//! ```sh
//! cargo run --release --example fuzz -- --seconds 3600             # an hour a target
//! cargo run --release --example fuzz -- --execs 10000000 --targets segment,gold --jobs 2
//! cargo run --release --example fuzz -- --replay fuzz/crashes/align-0123456789abcdef.in
//! cargo run --release --example fuzz -- --target gold --replay target/afl/out/gold/default/crashes/id*
//! cargo run --release --example fuzz -- --corpus target/afl-corpus   # inputs for AFL++
//! ```

#[path = "../fuzz/harness/mod.rs"]
mod harness;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use harness::gen::Seeds;
use harness::rng::Rng;
use harness::targets::{self, Target, TARGETS};
use harness::{Campaign, Stats};

struct Args {
    seconds: f64,
    execs: u64,
    targets: Vec<&'static Target>,
    seed: u64,
    jobs: usize,
    out: PathBuf,
    replay: Vec<PathBuf>,
    corpus: Option<PathBuf>,
    slow: f64,
    /// The target of `--replay` files, when their names do not say it (AFL++'s crashes).
    replay_as: Option<&'static Target>,
}

const USAGE: &str = "usage: fuzz [--seconds S] [--execs N] [--targets a,b,…] [--seed N] \
                     [--jobs N] [--out DIR] [--slow SECONDS] | [--target T] --replay FILE… | --corpus DIR";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        seconds: 30.0,
        execs: u64::MAX,
        targets: TARGETS.iter().collect(),
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
        jobs: 1,
        out: harness::fuzz_dir().join("crashes"),
        replay: Vec::new(),
        corpus: None,
        slow: 2.0,
        replay_as: None,
    };
    let mut it = std::env::args().skip(1);
    let mut seconds_given = false;
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--seconds" => {
                args.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?;
                seconds_given = true;
            }
            "--execs" => args.execs = value()?.parse().map_err(|e| format!("--execs: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--jobs" => args.jobs = value()?.parse().map_err(|e| format!("--jobs: {e}"))?,
            "--out" => args.out = value()?.into(),
            "--slow" => args.slow = value()?.parse().map_err(|e| format!("--slow: {e}"))?,
            "--corpus" => args.corpus = Some(value()?.into()),
            "--targets" => {
                args.targets = value()?
                    .split(',')
                    .map(|n| targets::target(n).ok_or_else(|| format!("no target {n}")))
                    .collect::<Result<_, _>>()?;
            }
            "--replay" => args.replay.extend(it.by_ref().map(PathBuf::from)),
            "--target" => {
                let name = value()?;
                args.replay_as =
                    Some(targets::target(&name).ok_or_else(|| format!("no target {name}"))?);
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    for (flag, value) in [("--seconds", args.seconds), ("--slow", args.slow)] {
        if value.is_nan() || value < 0.0 {
            return Err(format!("{flag}: {value} is not a duration"));
        }
    }
    if args.execs != u64::MAX && !seconds_given {
        args.seconds = f64::INFINITY;
    }
    Ok(args)
}

/// Run saved inputs through their targets: `--target`, or the file name's part before `-`
/// (`fuzz/crashes/<target>-….in`), or the folder's name (`fuzz/regressions/<target>/…`).
fn replay(files: &[PathBuf], replay_as: Option<&'static Target>) -> ExitCode {
    let mut failed = false;
    for file in files {
        let stem = file.file_name().unwrap_or_default().to_string_lossy();
        let folder = file
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(target) = replay_as.or_else(|| {
            stem.trim_start_matches("slow-")
                .split('-')
                .next()
                .and_then(targets::target)
                .or_else(|| targets::target(&folder))
        }) else {
            eprintln!(
                "{}: no target named by the file or its folder",
                file.display()
            );
            failed = true;
            continue;
        };
        let input = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                failed = true;
                continue;
            }
        };
        let t = Instant::now();
        let outcome = harness::run_one(target, &input);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        match outcome {
            Ok(()) => println!("{}: {} passes ({ms:.1} ms)", file.display(), target.name),
            Err(f) => {
                println!(
                    "{}: {} FAILS ({ms:.1} ms): {f}",
                    file.display(),
                    target.name
                );
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Write generated inputs, 64 a target, as starting corpora for AFL++ (`fuzz/afl/`).
fn write_corpus(dir: &std::path::Path, seeds: &Seeds, seed: u64) -> ExitCode {
    for target in TARGETS {
        let out = dir.join(target.name);
        if let Err(e) = std::fs::create_dir_all(&out) {
            eprintln!("{}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        let mut rng = Rng::new(seed ^ harness::hash(target.name.as_bytes()));
        let mut written = 0;
        while written < 64 {
            let input = targets::generate(target, &mut rng, seeds);
            // Small inputs: AFL++ mutates them best.
            if input.len() > 4096 || harness::run_one(target, &input).is_err() {
                continue;
            }
            let _ = std::fs::write(out.join(format!("gen-{written:02}")), &input);
            written += 1;
        }
        for file in harness::regressions(target) {
            let name = file.file_name().unwrap_or_default();
            let _ = std::fs::copy(&file, out.join(name));
        }
    }
    println!("corpora written to {}", dir.display());
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if !args.replay.is_empty() {
        return replay(&args.replay, args.replay_as);
    }
    let seeds = Seeds::load(&harness::fuzz_dir().join("seeds"));
    if let Some(dir) = &args.corpus {
        return write_corpus(dir, &seeds, args.seed);
    }
    let campaign = Campaign {
        seeds: &seeds,
        seed: args.seed,
        // `--execs` alone runs for as long as the executions take.
        time: Duration::try_from_secs_f64(args.seconds).unwrap_or(Duration::MAX),
        max_execs: args.execs,
        crash_dir: Some(args.out.clone()),
        stop_on_crash: false,
        minimise_for: Duration::from_secs(120),
        slow: Duration::try_from_secs_f64(args.slow).unwrap_or(Duration::MAX),
    };
    eprintln!(
        "fuzzing {} target(s), seed {}, {} job(s)",
        args.targets.len(),
        args.seed,
        args.jobs
    );
    let start = Instant::now();
    let queue = Mutex::new(args.targets.clone());
    let results = Mutex::new(Vec::<Stats>::new());
    std::thread::scope(|scope| {
        for _ in 0..args.jobs.max(1) {
            scope.spawn(|| loop {
                let Some(target) = queue.lock().unwrap().pop() else {
                    break;
                };
                let stats = campaign.run(target);
                eprintln!(
                    "{:<9} {:>11} execs {:>9.1} s {:>9.0}/s  slowest {:>7.1} ms  slow {}  crashes {}",
                    stats.target,
                    stats.execs,
                    stats.elapsed.as_secs_f64(),
                    stats.execs as f64 / stats.elapsed.as_secs_f64().max(1e-9),
                    stats.slowest.as_secs_f64() * 1e3,
                    stats.slow.len(),
                    stats.crashes.len()
                );
                for c in &stats.crashes {
                    eprintln!(
                        "  {}: {}",
                        c.file
                            .as_ref()
                            .map_or("(not written)".into(), |f| f.display().to_string()),
                        c.failure
                    );
                }
                results.lock().unwrap().push(stats);
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|s| TARGETS.iter().position(|t| t.name == s.target));
    println!("target,execs,seconds,execs_per_second,slowest_ms,slow_inputs,crashes");
    for s in &results {
        println!(
            "{},{},{:.1},{:.0},{:.1},{},{}",
            s.target,
            s.execs,
            s.elapsed.as_secs_f64(),
            s.execs as f64 / s.elapsed.as_secs_f64().max(1e-9),
            s.slowest.as_secs_f64() * 1e3,
            s.slow.len(),
            s.crashes.len()
        );
    }
    let crashes: usize = results.iter().map(|s| s.crashes.len()).sum();
    eprintln!(
        "{crashes} crash(es) in {:.1} s, seed {}",
        start.elapsed().as_secs_f64(),
        args.seed
    );
    if crashes > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
