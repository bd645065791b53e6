"""The Dask example on a real `distributed.LocalCluster` of 2 worker processes."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

import hearsay
from conftest import claims_rows_from_report, cli_jsonl

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")


def test_dask_job_writes_the_cli_claims_to_parquet(articles, tmp_path):
    import dask_parquet

    root = articles[0].parent
    r = dask_parquet.run(root, tmp_path, workers=2)
    assert (r["articles"], r["workers"]) == (300, 2)

    table = pq.read_table(tmp_path / "claims")
    assert table.schema.remove_metadata() == hearsay.claims_schema()
    got = sorted(table.to_pylist(), key=lambda row: (row["article_id"], row["claim"]))

    ids = [str(p) for p in articles]
    reports = cli_jsonl(ids, [p.read_text(encoding="utf-8") for p in articles])
    expected = [row for i in ids for row in claims_rows_from_report(i, reports[i])]
    assert len(got) == len(expected) > 1000
    assert {row["article_id"] for row in got} == set(ids)
    assert got == expected


def test_partitions_hold_about_partition_size_articles_and_two_per_worker():
    from dask_parquet import partition_count

    assert partition_count(60000, 2, size=2000) == 30  # the same tasks for 1 or 2 workers
    assert partition_count(60000, 1, size=2000) == 30
    assert partition_count(300, 2, size=2000) == 4  # a small corpus still fills the workers
    assert partition_count(3, 2, size=2000) == 3  # never an empty partition
    assert partition_count(0, 2, size=2000) == 1
