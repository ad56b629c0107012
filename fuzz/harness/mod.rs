//! bialign's seeded structured fuzzer: generate hostile inputs, run each fuzz target on them,
//! catch panics and broken properties, minimise and save what fails.
//!
//! Shared by the bounded run in `cargo test` (`tests/fuzz.rs`) and the long-campaign driver
//! (`examples/fuzz.rs`); `docs/fuzzing.md` describes both.

#![allow(dead_code)]

pub mod gen;
pub mod rng;
pub mod targets;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

use gen::Seeds;
use rng::Rng;
use targets::Target;

/// The fuzzer's folder: seeds, regressions, crashes.
pub fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

static HOOK: Once = Once::new();
/// Runs in progress: while there is one, a panic is recorded instead of printed.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) == 0 {
                previous(info);
                return;
            }
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(a panic without a message)".into());
            let place = info
                .location()
                .map_or_else(String::new, |l| format!("{}:{}", l.file(), l.line()));
            *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(format!("{place}: {message}"));
        }));
    });
}

/// Run `target` on `input`: `Err` with the panic's place and message if it panics.
pub fn run_one(target: &Target, input: &[u8]) -> Result<(), String> {
    install_hook();
    ACTIVE.fetch_add(1, Ordering::SeqCst);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| (target.run)(input)));
    ACTIVE.fetch_sub(1, Ordering::SeqCst);
    outcome.map_err(|payload| {
        LAST_PANIC
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(panic)".into())
    })
}

/// Where a failure happened (`file:line`), to keep minimising the same failure.
fn place(failure: &str) -> &str {
    failure.split(": ").next().unwrap_or(failure)
}

/// A smaller input that still fails at the same place: chunks deleted while it still fails,
/// halves first, down to single characters (bytes when the input is not UTF-8); at most
/// `budget` of time.
pub fn minimise(target: &Target, input: &[u8], failure: &str, budget: Duration) -> Vec<u8> {
    let start = Instant::now();
    let want = place(failure).to_owned();
    let still_fails =
        |candidate: &[u8]| run_one(target, candidate).is_err_and(|f| place(&f) == want);
    let mut best = input.to_vec();
    let utf8 = std::str::from_utf8(input).is_ok();
    // Cut points: character boundaries (or every byte).
    let cuts = |b: &[u8]| -> Vec<usize> {
        match std::str::from_utf8(b) {
            Ok(s) if utf8 => s.char_indices().map(|(i, _)| i).chain([s.len()]).collect(),
            _ => (0..=b.len()).collect(),
        }
    };
    let mut chunk = cuts(&best).len() / 2;
    while chunk >= 1 && start.elapsed() < budget {
        let mut progress = false;
        let mut k = 0;
        loop {
            let points = cuts(&best);
            if k + chunk >= points.len() || start.elapsed() >= budget {
                break;
            }
            let (a, b) = (points[k], points[k + chunk]);
            let mut candidate = best[..a].to_vec();
            candidate.extend_from_slice(&best[b..]);
            if still_fails(&candidate) {
                best = candidate;
                progress = true;
            } else {
                k += chunk;
            }
        }
        if !progress {
            chunk /= 2;
        }
    }
    best
}

/// One failure found by a campaign.
#[derive(Debug, Clone)]
pub struct Crash {
    pub target: &'static str,
    pub failure: String,
    pub input: Vec<u8>,
    pub minimised: Vec<u8>,
    /// Where the minimised input was written (`<dir>/<target>-<hash>.in`).
    pub file: Option<PathBuf>,
}

/// What a campaign on one target did.
#[derive(Debug, Clone)]
pub struct Stats {
    pub target: &'static str,
    pub execs: u64,
    pub elapsed: Duration,
    pub crashes: Vec<Crash>,
    /// The slowest input's time.
    pub slowest: Duration,
    /// Inputs that took longer than [`Campaign::slow`], each with its time (the slowest of
    /// them are written to the crash folder as `slow-<target>-<hash>.in`).
    pub slow: Vec<(Duration, Vec<u8>)>,
    pub seed: u64,
}

pub struct Campaign<'a> {
    pub seeds: &'a Seeds,
    pub seed: u64,
    /// Stop after this long…
    pub time: Duration,
    /// …or after this many executions, whichever comes first.
    pub max_execs: u64,
    /// Where minimised failing inputs go (`None`: not written).
    pub crash_dir: Option<PathBuf>,
    /// Stop at the first failure.
    pub stop_on_crash: bool,
    /// Time allowed for minimising each failure.
    pub minimise_for: Duration,
    /// An input that takes longer than this is recorded as slow (a hang, had it been longer).
    pub slow: Duration,
}

/// A short stable name for an input (FNV-1a).
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Campaign<'_> {
    fn save_slow(&self, target: &Target, took: Duration, input: &[u8]) {
        if let Some(dir) = &self.crash_dir {
            let name = format!("slow-{}-{:016x}", target.name, hash(input));
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join(format!("{name}.in")), input);
            let _ = std::fs::write(
                dir.join(format!("{name}.txt")),
                format!("{:.3} s\n", took.as_secs_f64()),
            );
        }
    }

    pub fn run(&self, target: &'static Target) -> Stats {
        // Each target its own stream, so one target's inputs do not depend on the others'.
        let seed = self.seed ^ hash(target.name.as_bytes());
        let mut rng = Rng::new(seed);
        let start = Instant::now();
        let mut stats = Stats {
            target: target.name,
            execs: 0,
            elapsed: Duration::ZERO,
            crashes: Vec::new(),
            slowest: Duration::ZERO,
            slow: Vec::new(),
            seed: self.seed,
        };
        let mut seen_places = Vec::new();
        while stats.execs < self.max_execs && start.elapsed() < self.time {
            let input = targets::generate(target, &mut rng, self.seeds);
            let t = Instant::now();
            let outcome = run_one(target, &input);
            let took = t.elapsed();
            stats.slowest = stats.slowest.max(took);
            if took > self.slow {
                self.save_slow(target, took, &input);
                stats.slow.push((took, input.clone()));
            }
            stats.execs += 1;
            let Err(failure) = outcome else { continue };
            // The same failure again adds nothing but time.
            if seen_places.contains(&place(&failure).to_owned()) {
                continue;
            }
            seen_places.push(place(&failure).to_owned());
            let minimised = minimise(target, &input, &failure, self.minimise_for);
            let file = self.crash_dir.as_ref().and_then(|dir| {
                let name = format!("{}-{:016x}", target.name, hash(&minimised));
                std::fs::create_dir_all(dir).ok()?;
                let file = dir.join(format!("{name}.in"));
                std::fs::write(&file, &minimised).ok()?;
                std::fs::write(dir.join(format!("{name}.orig")), &input).ok()?;
                std::fs::write(dir.join(format!("{name}.txt")), &failure).ok()?;
                Some(file)
            });
            stats.crashes.push(Crash {
                target: target.name,
                failure,
                input,
                minimised,
                file,
            });
            if self.stop_on_crash {
                break;
            }
        }
        stats.elapsed = start.elapsed();
        stats
    }
}

/// The regression inputs kept for `target`: every file in `fuzz/regressions/<target>/`.
pub fn regressions(target: &Target) -> Vec<PathBuf> {
    let dir = fuzz_dir().join("regressions").join(target.name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}
