#!/usr/bin/env python3
"""Spark job: every claim in a folder of articles, analysed with `mapInArrow`, to Parquet.

    python examples/spark_parquet.py ARTICLES_DIR OUT_DIR [--master 'local[2]']

(or `spark-submit examples/spark_parquet.py …` on a cluster, with the packed environment
shipped by `--archives`: see the README, "Corpus scale").

Reads the articles as a DataFrame of (path, content) with Spark's `binaryFile` source,
then `mapInArrow` hands each Arrow batch of texts to `hearsay.claims_table`, which returns
an Arrow batch of claims: no row-by-row Python objects on the way. Writes OUT_DIR/claims/
(Parquet, the columns of `hearsay.claims_schema()`); `article_id` is the file's absolute
path (Spark's `file:` prefix removed).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# Spark's schema for hearsay.claims_schema()
CLAIMS_DDL = (
    "article_id string, claim int, start long, end long, kind string, paragraph int, "
    "speaker_id int, speaker_name string, speaker_kind string, cue string, text string, "
    "confidence float"
)
ARTICLE_GLOB = "*.{txt,text,md,markdown,html,htm}"


def claims_of_batches(batches):
    """`mapInArrow` function: Arrow batches of (path, content) → Arrow batches of claims."""
    import hearsay

    for batch in batches:
        paths = [p.removeprefix("file://").removeprefix("file:")
                 for p in batch.column("path").to_pylist()]
        texts = batch.column("content").to_pylist()  # bytes: decoded as the CLI decodes files
        formats = [hearsay.format_of_name(p) for p in paths]
        yield hearsay.claims_table(paths, texts, format=formats, errors="skip")


def location(path: str | Path) -> str:
    """A URI (`hdfs://…`, `s3a://…`) as it is; a local path made absolute."""
    path = str(path)
    return path if "://" in path else str(Path(path).resolve())


def run(articles: str | Path, out: str | Path, master: str | None = None) -> dict:
    """Runs the job; returns the number of articles and claims and the time it took."""
    from pyspark.sql import SparkSession

    # executors run this interpreter, which has the hearsay wheel (local mode)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    spark = (builder.appName("hearsay-claims")
             .config("spark.ui.enabled", "false")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
             .getOrCreate())
    try:
        files = (spark.read.format("binaryFile")
                 .option("pathGlobFilter", ARTICLE_GLOB)
                 .option("recursiveFileLookup", "true")
                 .load(location(articles))
                 .select("path", "content"))
        started = time.perf_counter()
        claims = files.mapInArrow(claims_of_batches, CLAIMS_DDL)
        claims.write.mode("overwrite").parquet(location(out).rstrip("/") + "/claims")
        seconds = time.perf_counter() - started
        n = files.count()
    finally:
        spark.stop()
    return {"articles": n, "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", help="folder of articles (a path or a URI)")
    ap.add_argument("out", help="output folder, claims/ is written inside (a path or a URI)")
    ap.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    args = ap.parse_args()
    r = run(args.articles, args.out, args.master)
    print(f"analysed {r['articles']} articles in {r['seconds']:.2f} s → {args.out}/claims")


if __name__ == "__main__":
    main()
