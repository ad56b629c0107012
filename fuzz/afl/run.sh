#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with AFL++:  fuzz/afl/run.sh TARGET [SECONDS]
# (default an hour). Installs cargo-afl (which builds AFL++) when it is missing, writes starting
# corpora from the seeded fuzzer, builds the instrumented targets and runs afl-fuzz. Crashes go
# to target/afl/out/TARGET/default/crashes/; replay one with
#   cargo run --release --example fuzz -- --target TARGET --replay FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: fuzz/afl/run.sh TARGET [SECONDS]}
seconds=${2:-3600}
command -v cargo-afl >/dev/null || cargo install --locked cargo-afl
corpus=target/afl/corpus
[ -d "$corpus/$target" ] || cargo run --release --example fuzz -- --corpus "$corpus"
mkdir -p target/afl/out
(cd fuzz/afl && CARGO_TARGET_DIR=../../target/afl-build cargo afl build --release)
# AFL_SKIP_CPUFREQ and AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: a container cannot tune the CPU
# governor or core_pattern. -t: an alignment of a hostile pair may take seconds.
BIALIGN_FUZZ_TARGET=$target AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_NO_UI=1 AFL_SKIP_CRASHES=1 \
  cargo afl fuzz -i "$corpus/$target" -o "target/afl/out/$target" -t 5000 -V "$seconds" \
  target/afl-build/release/bialign-afl
