//! The binary's progress spinner on standard error (the library only reports stages). It shows
//! only when standard error is a terminal, `--quiet` was not given, and the job has already run
//! for a moment, so quick runs and pipelines print nothing.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a job runs before the spinner appears.
const DELAY: Duration = Duration::from_millis(400);

pub struct Progress {
    bar: Option<ProgressBar>,
    /// Set when the job is over; the delayed start checks it under the lock.
    done: Arc<Mutex<bool>>,
}

impl Progress {
    /// A spinner unless `silent` or standard error is not a terminal.
    pub fn start(silent: bool) -> Progress {
        let done = Arc::new(Mutex::new(false));
        if silent || !std::io::stderr().is_terminal() {
            return Progress { bar: None, done };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} bialign: {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let (later, flag) = (bar.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            let done = flag.lock().unwrap_or_else(|e| e.into_inner());
            if !*done {
                later.set_draw_target(ProgressDrawTarget::stderr());
                later.enable_steady_tick(Duration::from_millis(100));
            }
        });
        Progress {
            bar: Some(bar),
            done,
        }
    }

    pub fn stage(&self, what: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.to_owned());
        }
    }

    /// Print a line on standard error without tearing the spinner.
    pub fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        let mut done = self.done.lock().unwrap_or_else(|e| e.into_inner());
        *done = true;
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `bialign batch`'s running count on standard error: records and sentences done, their rates,
/// and bad records. Shown only when standard error is a terminal and `--quiet` was not given.
pub struct Counter {
    bar: Option<ProgressBar>,
    started: std::time::Instant,
}

impl Counter {
    pub fn start(silent: bool) -> Counter {
        let bar = (!silent && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} bialign batch: {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Counter {
            bar,
            started: std::time::Instant::now(),
        }
    }

    pub fn update(&self, records: usize, sentences: usize, bad: usize) {
        let Some(bar) = &self.bar else { return };
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{records} records ({:.0}/s), {sentences} sentences ({:.0}/s), {bad} bad",
            records as f64 / secs,
            sentences as f64 / secs,
        ));
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
