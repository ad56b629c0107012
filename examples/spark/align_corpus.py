"""Align a batch input on Spark: each partition is piped through `bialign batch`.

    spark-submit --master yarn --files target/release/bialign \\
        examples/spark/align_corpus.py INPUT OUTPUT [--partitions N] [-- BIALIGN BATCH FLAGS]

INPUT is what `bialign batch` reads, one document pair a line (JSON Lines with the texts inline
or absolute `src_path`/`tgt_path` on a file system every executor sees, or `--input-format
docpairs`), on any file system Spark reads. OUTPUT is a folder of part files, one line a record
(or a pair, with `--format tsv`), as `bialign batch` writes them: records keep their order within
a part; sort by `id` to compare with a single run.

`--files` ships the binary to every executor (Spark makes it executable); flags after `--` go to
`bialign batch` unchanged, e.g. `-- --format tsv --src-lang de --tgt-lang fr`, and a translation
table learned beforehand with `-- --table table.tsv` after shipping it too:
`--files target/release/bialign,table.tsv` (a relative path is found in the executor's working
folder, where --files puts it).

Each task runs one `bialign batch --threads 1` (Spark gives each task a core; ask for more with
spark.task.cpus and --threads). A bad record is an error line in the output, as in a plain run;
`-- --strict` fails the task instead, and Spark retries and then fails the job.
"""

import argparse
import os
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--partitions", type=int, default=None,
                        help="split the input into at least this many partitions")
    parser.add_argument("--bialign", default=None,
                        help="the binary's path on the executors (default: the one --files "
                             "shipped)")
    parser.add_argument("bialign_args", nargs="*",
                        help="flags for `bialign batch`, after --")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("bialign batch").getOrCreate()
    sc = spark.sparkContext
    binary = args.bialign or shipped_binary(sc)
    threads = spark.conf.get("spark.task.cpus", "1")
    command = [binary, "batch", "--quiet", "--threads", threads, *args.bialign_args]

    lines = sc.textFile(args.input, minPartitions=args.partitions)
    # checkCode: a bialign that exits non-zero (--strict, an unreadable path) fails the task.
    aligned = lines.pipe(shlex.join(command), checkCode=True)
    aligned.saveAsTextFile(args.output)
    spark.stop()


def shipped_binary(sc):
    """Where `--files` put bialign for the tasks: in the executor's working folder on a
    cluster; in local mode the driver's SparkFiles folder, which its tasks share."""
    if sc.master.startswith("local"):
        return SparkFiles.get("bialign")
    return os.path.join(".", "bialign")


if __name__ == "__main__":
    main()
