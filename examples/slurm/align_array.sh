#!/usr/bin/env bash
# Align one big batch input with N Slurm array tasks that never talk to each other: task K
# keeps the records whose id hashes to K modulo N (FNV-1a 64 of the id; K counts from 0, as
# --array=0-(N-1) numbers the tasks) and writes its own output file. Together the N outputs hold
# every record exactly once.
#
#   sbatch examples/slurm/align_array.sh corpus.jsonl out/
#   cat out/part-*.jsonl > aligned.jsonl        # or keep the parts
#
# Change --array and N together. Extra bialign flags can follow the two paths
# (e.g. --input-format docpairs --format tsv --src-lang de --tgt-lang fr; with --format tsv set
# SUFFIX=tsv for the part files' names).
#SBATCH --job-name=bialign
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=02:00:00
#SBATCH --output=bialign-%A_%a.log
set -euo pipefail

N=8
INPUT=${1:?usage: align_array.sh INPUT OUTDIR [bialign batch flags]}
OUTDIR=${2:?usage: align_array.sh INPUT OUTDIR [bialign batch flags]}
shift 2
BIALIGN=${BIALIGN:-bialign}

mkdir -p "$OUTDIR"
# -o writes atomically: a task that fails or is cancelled leaves no part file, so a missing part
# is a task to run again (sbatch --array=K ...).
"$BIALIGN" batch "$INPUT" \
  --shard "$SLURM_ARRAY_TASK_ID/$N" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" \
  -o "$OUTDIR/part-$(printf '%05d' "$SLURM_ARRAY_TASK_ID").${SUFFIX:-jsonl}" \
  "$@"
