"""The Spark example (`mapInArrow`) in local mode, when a Java runtime is present."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

import hearsay
from conftest import EXAMPLES, claims_rows_from_report, cli_jsonl

pytest.importorskip("pyspark")


def java_missing() -> str | None:
    """Why Spark cannot run here, or None."""
    java = shutil.which("java")
    if java is None:
        return "no Java runtime on PATH (.ci/run installs default-jre-headless when it can)"
    try:
        subprocess.run([java, "-version"], capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError) as e:
        return f"'{java} -version' failed: {e}"
    return None


@pytest.mark.skipif(java_missing() is not None, reason=str(java_missing()))
def test_spark_job_writes_the_cli_claims_to_parquet(articles, tmp_path):
    some = articles[:120]
    root = tmp_path / "in"
    root.mkdir()
    for p in some:
        (root / p.name).write_bytes(p.read_bytes())
    # the example's one command, as a user runs it
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "spark_parquet.py"), str(root), str(tmp_path / "out"),
         "--master", "local[2]"], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-4000:]
    assert run.stdout.startswith(f"analysed {len(some)} articles in "), run.stdout

    table = pq.read_table(tmp_path / "out" / "claims")
    got = sorted(table.to_pylist(), key=lambda row: (row["article_id"], row["claim"]))
    assert table.schema.names == hearsay.claims_schema().names

    ids = sorted(str((root / p.name).resolve()) for p in some)
    reports = cli_jsonl(ids, [open(i, encoding="utf-8").read() for i in ids])
    expected = [row for i in ids for row in claims_rows_from_report(i, reports[i])]
    assert len(got) == len(expected) > 300
    assert got == expected
