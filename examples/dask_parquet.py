#!/usr/bin/env python3
"""Dask job: every claim in a folder of articles, analysed on a Dask cluster, to Parquet.

    python examples/dask_parquet.py ARTICLES_DIR OUT_DIR [--workers 2] [--scheduler ADDR]
                                    [--partition-size 2000]

Lists the articles (.txt .text .md .markdown .html .htm, as `hearsay analyze DIR` does),
splits the list of paths into partitions of --partition-size articles (at least two per
worker), and `map_partitions` reads and analyses each partition on a worker with
`hearsay.claims_table` (one thread per worker process: the cluster runs one task per
core). Only paths go from the client to the workers; each worker reads its own files and
writes its own Parquet part. Writes OUT_DIR/claims/ (Parquet, schema
`hearsay.claims_schema()`); each row's `article_id` is the file's path as listed
(ARTICLES_DIR/...).

Without --scheduler it starts a `distributed.LocalCluster` of --workers processes with one
thread each (and no dashboard or profiler); with --scheduler it joins a running cluster, whose workers need the `hearsay`
wheel installed (see the README, "Corpus scale").
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ARTICLE_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


def list_articles(root: Path) -> list[str]:
    """Article files under `root` (hidden files and folders skipped), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found += [os.path.join(dirpath, name) for name in filenames
                  if not name.startswith(".")
                  and os.path.splitext(name)[1].lower() in ARTICLE_EXTENSIONS]
    return sorted(found)


def claims_of_partition(part):
    """One partition of paths (a pandas DataFrame) → its claims (a pandas DataFrame)."""
    import pandas as pd

    import hearsay

    paths = list(part["path"])
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            texts.append(f.read())
    formats = [hearsay.format_of_name(p) for p in paths]
    # an unreadable article (empty, binary) has no rows, as the CLI skips it in a folder
    batch = hearsay.claims_table(paths, texts, format=formats, errors="skip")
    return batch.to_pandas(types_mapper=pd.ArrowDtype)


def warm_up() -> None:
    """Imports what a task needs and analyses one short article, so the timing counts
    neither a worker's imports (dask.dataframe alone takes about a CPU-second) nor the
    analysis's first-use set-up."""
    import dask.dataframe  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    import hearsay

    hearsay.claims_table(["warm-up"], ["Levee\n\nThe levee will hold, engineers said.\n"])


def cpu_seconds() -> float:
    """This process's CPU time (user + system), for the job's report."""
    t = os.times()
    return t.user + t.system


#: Articles per partition: a task of about a second of analysis, so the few milliseconds
#: a task costs Dask are lost in it, while a worker that finishes early waits for at most
#: one task at the end.
PARTITION_SIZE = 2000


def partition_count(articles: int, workers: int, size: int = PARTITION_SIZE) -> int:
    """How many partitions `articles` paths make: `size` each, at least two per worker.

    >>> partition_count(60000, 2), partition_count(300, 2), partition_count(1, 2)
    (30, 4, 1)
    """
    return max(1, min(articles, max(-(-articles // size), 2 * workers)))


def run(articles: Path, out: Path, workers: int = 2, scheduler: str | None = None,
        partition_size: int = PARTITION_SIZE) -> dict:
    """Runs the job; returns counts, the wall time the analysis and writing took (from
    the job's submission to its end; the cluster's start and the workers' imports are
    not counted), the CPU time the workers spent on it and that of the client process
    (with a LocalCluster, the scheduler runs in it)."""
    import dask
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    import hearsay

    paths = list_articles(articles)
    if not paths:
        raise SystemExit(f"'{articles}' holds no article files")
    if scheduler:
        cluster, client = None, Client(scheduler)
    else:
        # no dashboard, so no statistical profiler either: its thread samples the task's
        # stack every 10 ms, 7 % more CPU per worker while the analysis runs
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = len(client.scheduler_info()["workers"])
        nparts = partition_count(len(paths), n_workers, partition_size)
        frame = dd.from_pandas(pd.DataFrame({"path": paths}), npartitions=nparts, sort=False)
        meta = hearsay.claims_schema().empty_table().to_pandas(types_mapper=pd.ArrowDtype)
        claims = frame.map_partitions(claims_of_partition, meta=meta)
        client.run(warm_up)
        cpu_before = sum(client.run(cpu_seconds).values())
        client_before = cpu_seconds()
        started = time.perf_counter()
        claims.to_parquet(str(out / "claims"), schema=hearsay.claims_schema(),
                          write_index=False, overwrite=True)
        seconds = time.perf_counter() - started
        client_cpu = cpu_seconds() - client_before
        worker_cpu = sum(client.run(cpu_seconds).values()) - cpu_before
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return {"articles": len(paths), "workers": n_workers, "partitions": nparts,
            "seconds": seconds, "worker_cpu_seconds": worker_cpu,
            "client_cpu_seconds": client_cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path, help="folder of articles")
    ap.add_argument("out", type=Path, help="output folder (claims/ is written inside)")
    ap.add_argument("--workers", type=int, default=2, help="local worker processes")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--partition-size", type=int, default=PARTITION_SIZE,
                    help=f"articles per partition (default {PARTITION_SIZE}; at least two "
                         "partitions per worker)")
    args = ap.parse_args()
    if args.partition_size < 1:
        ap.error(f"--partition-size must be 1 or more, not {args.partition_size}")
    r = run(args.articles, args.out, args.workers, args.scheduler, args.partition_size)
    print(f"analysed {r['articles']} articles on {r['workers']} workers "
          f"({r['partitions']} partitions) in {r['seconds']:.2f} s "
          f"({r['worker_cpu_seconds']:.2f} CPU-seconds on the workers, "
          f"{r['client_cpu_seconds']:.2f} in this process) → {args.out / 'claims'}")


if __name__ == "__main__":
    main()
