//! The fuzz targets (`fuzz/harness/`) in `cargo test`: every kept regression input, and a
//! bounded fuzzing run of each target — `BIALIGN_FUZZ_SECONDS` a target (default 3), from
//! `BIALIGN_FUZZ_SEED` (default: the time, printed, so a failure can be replayed). A failure
//! names the minimised input, written to `fuzz/crashes/`. `docs/fuzzing.md` says more.

#[path = "../fuzz/harness/mod.rs"]
mod harness;

use std::time::Duration;

use harness::targets::{self, TARGETS};
use harness::{Campaign, Stats};

/// How long a regression input may take (release build, on a loaded machine).
const SLOW: Duration = Duration::from_secs(10);

#[test]
fn regression_inputs_pass_their_targets() {
    let mut failures = Vec::new();
    let mut count = 0;
    for target in TARGETS {
        for file in harness::regressions(target) {
            let input = std::fs::read(&file).expect("read a regression input");
            count += 1;
            let start = std::time::Instant::now();
            if let Err(failure) = harness::run_one(target, &input) {
                failures.push(format!("{}: {failure}", file.display()));
            }
            // Some were found because they took many seconds; fixed, each takes milliseconds.
            let took = start.elapsed();
            if took > SLOW {
                failures.push(format!("{}: took {took:?}", file.display()));
            }
        }
    }
    eprintln!("{}", failures.join("\n"));
    assert!(
        failures.is_empty(),
        "{} regression input(s) fail",
        failures.len()
    );
    eprintln!("{count} regression inputs pass");
}

#[test]
fn regression_folders_name_targets() {
    let dir = harness::fuzz_dir().join("regressions");
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions exists") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(targets::target(&name).is_some(), "no target {name}");
        }
    }
}

#[test]
fn seed_inputs_pass_every_target() {
    let seeds = harness::gen::Seeds::load(&harness::fuzz_dir().join("seeds"));
    for (target, inputs) in [
        ("segment", &seeds.text),
        ("anchors", &seeds.text),
        ("glossary", &seeds.glossary),
        ("gold", &seeds.gold),
        ("baseline", &seeds.baseline),
    ] {
        let target = targets::target(target).unwrap();
        for input in inputs {
            if let Err(f) = harness::run_one(target, input.as_bytes()) {
                eprintln!("{}: {f}\n{input:?}", target.name);
                panic!("a seed fails {}: {f}", target.name);
            }
        }
    }
}

fn fuzz(name: &str) {
    let target = targets::target(name).unwrap();
    let seconds: f64 = std::env::var("BIALIGN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let seed: u64 = std::env::var("BIALIGN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
    let seeds = harness::gen::Seeds::load(&harness::fuzz_dir().join("seeds"));
    let campaign = Campaign {
        seeds: &seeds,
        seed,
        time: Duration::from_secs_f64(seconds),
        max_execs: u64::MAX,
        crash_dir: Some(harness::fuzz_dir().join("crashes")),
        stop_on_crash: true,
        minimise_for: Duration::from_secs(60),
        slow: Duration::MAX,
    };
    let Stats {
        execs,
        elapsed,
        crashes,
        ..
    } = campaign.run(target);
    eprintln!(
        "fuzz {name}: {execs} executions in {:.1} s, seed {seed}",
        elapsed.as_secs_f64()
    );
    if let Some(c) = crashes.first() {
        // Printed, not only panicked with: while other targets run, panic messages are recorded
        // by the fuzzer's hook instead of printed.
        eprintln!(
            "fuzz target {name} fails (BIALIGN_FUZZ_SEED={seed}): {}\nminimised input{}: {:?}",
            c.failure,
            c.file
                .as_ref()
                .map_or(String::new(), |f| format!(" ({})", f.display())),
            String::from_utf8_lossy(&c.minimised)
        );
        panic!("fuzz target {name} fails: {}", c.failure);
    }
}

#[test]
fn fuzz_segment() {
    fuzz("segment");
}

#[test]
fn fuzz_anchors() {
    fuzz("anchors");
}

#[test]
fn fuzz_caseless() {
    fuzz("caseless");
}

#[test]
fn fuzz_align() {
    fuzz("align");
}

#[test]
fn fuzz_glossary() {
    fuzz("glossary");
}

#[test]
fn fuzz_gold() {
    fuzz("gold");
}

#[test]
fn fuzz_baseline() {
    fuzz("baseline");
}
