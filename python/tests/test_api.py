"""The Python API against the CLI: identical results, the CLI's errors, threads, fork."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

import hearsay
from conftest import REPO, claims_rows_from_report, cli

ARTICLE_EXTENSIONS = {".txt", ".md", ".html"}
FIXTURES = sorted(
    p for d in ("tests/fixtures", "assets") for p in (REPO / d).rglob("*")
    if p.suffix in ARTICLE_EXTENSIONS
)
SHORT = "Flood\n\n“We will rebuild,” Ana Ruiz said. The dam will hold, engineers said.\n"


def cli_report(path: Path) -> dict:
    out = cli("analyze", str(path), "--json")
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def test_there_are_fixtures_to_compare():
    assert len(FIXTURES) >= 20, FIXTURES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(REPO)))
def test_analyze_is_the_cli_json(path):
    expected = cli_report(path)
    got = hearsay.analyze(path.read_bytes(), format=hearsay.format_of_name(path.name))
    assert got == expected
    # the same keys in the same order, the same floats (an f32 confidence of 0.65 is 0.65)
    assert json.dumps(got) == json.dumps(expected)


def test_str_and_bytes_give_the_same_report():
    assert hearsay.analyze(SHORT) == hearsay.analyze(SHORT.encode())
    report = hearsay.analyze(SHORT)
    assert [s["name"] for s in report["speakers"]] == ["Ana Ruiz", "engineers"]
    assert [c["kind"] for c in report["claims"]] == ["direct", "indirect"]


def test_format_of_name_follows_the_cli():
    assert hearsay.format_of_name("Saved Page.HTM") == "html"
    assert hearsay.format_of_name("notes.md") == "md"
    assert hearsay.format_of_name("story.txt") is None  # a .txt is still sniffed
    assert hearsay.format_of_name("-") is None


def test_errors_carry_the_cli_messages(tmp_path):
    cases = {"empty.txt": b"\n  \n", "photo.jpg": b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01"}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = cli("analyze", str(path))
        assert out.returncode == 1
        # hearsay: cannot open 'PATH': MESSAGE
        cli_message = out.stderr.decode().strip().split(f"'{path}': ", 1)[1]
        with pytest.raises(hearsay.HearsayError) as e:
            hearsay.analyze(data)
        assert str(e.value) == cli_message
        assert isinstance(e.value, ValueError)


def test_bad_arguments_are_python_errors():
    with pytest.raises(ValueError, match="invalid value 'pdf' for format"):
        hearsay.analyze(SHORT, format="pdf")
    with pytest.raises(TypeError, match="str or bytes, not 'int'"):
        hearsay.analyze(42)
    with pytest.raises(TypeError, match="str or bytes, not 'NoneType'"):
        hearsay.analyze_batch([SHORT, None])
    with pytest.raises(ValueError, match="threads must be"):
        hearsay.analyze_batch([SHORT], threads=0)
    with pytest.raises(ValueError, match="invalid value 'ignore' for errors"):
        hearsay.analyze_batch([SHORT], errors="ignore")
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        hearsay.claims_table(["a", "b"], [SHORT])
    with pytest.raises(TypeError, match="article id is str, not 'int'"):
        hearsay.claims_table([1], [SHORT])
    with pytest.raises(ValueError, match="format has 1 items for 2 articles"):
        hearsay.analyze_batch([SHORT, SHORT], format=["text"])


def test_batch_errors_raise_or_leave_a_gap():
    with pytest.raises(hearsay.HearsayError, match=r"^texts\[1\]: the input is empty"):
        hearsay.analyze_batch([SHORT, ""])
    out = hearsay.analyze_batch([SHORT, "", SHORT], errors="null")
    assert out[1] is None and out[0] == out[2] == hearsay.analyze(SHORT)
    with pytest.raises(hearsay.HearsayError, match=r"^article 'b': the input is empty"):
        hearsay.claims_table(["a", "b"], [SHORT, " "])
    skipped = hearsay.claims_table(["a", "b"], [SHORT, " "], errors="skip")
    assert set(skipped.column("article_id").to_pylist()) == {"a"}


@pytest.mark.parametrize("threads", [1, 2])
def test_long_batches_keep_every_article_in_its_place(threads):
    # hundreds of articles: analysed a few dozen at a time, results still in input order
    names = ["Ana Ruiz", "Ines Okafor", "Lars Brandt", "Kofi Osei", "Marta Duarte"]
    texts = [SHORT.replace("Ana Ruiz", names[i % 5]) for i in range(150)]
    texts[77] = "  "
    ids = [f"a{i}" for i in range(150)]
    out = hearsay.analyze_batch(texts, threads=threads, errors="null")
    assert out[77] is None
    assert [r["speakers"][0]["name"] for r in out if r] == [
        names[i % 5] for i in range(150) if i != 77]
    with pytest.raises(hearsay.HearsayError, match=r"^texts\[77\]: the input is empty"):
        hearsay.analyze_batch(texts, threads=threads)
    with pytest.raises(hearsay.HearsayError, match=r"^article 'a77': the input is empty"):
        hearsay.claims_table(ids, texts, threads=threads)
    rows = hearsay.claims_table(ids, texts, threads=threads, errors="skip").to_pylist()
    direct = [r for r in rows if r["kind"] == "direct"]
    assert [(r["article_id"], r["speaker_name"]) for r in direct] == [
        (f"a{i}", names[i % 5]) for i in range(150) if i != 77]


def fixture_texts():
    texts = [p.read_bytes() for p in FIXTURES]
    formats = [hearsay.format_of_name(p.name) for p in FIXTURES]
    return texts, formats


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_batch_is_the_single_analysis_on_any_number_of_threads(threads):
    texts, formats = fixture_texts()
    single = [hearsay.analyze(t, f) for t, f in zip(texts, formats)]
    assert hearsay.analyze_batch(texts, threads=threads, format=formats) == single


def test_hearsay_threads_is_the_default(monkeypatch):
    monkeypatch.setenv("HEARSAY_THREADS", "3")
    assert hearsay.default_threads() == 3
    monkeypatch.setenv("HEARSAY_THREADS", "many")
    with pytest.raises(ValueError, match="HEARSAY_THREADS must be a whole number"):
        hearsay.analyze_batch([SHORT])
    monkeypatch.delenv("HEARSAY_THREADS")
    assert hearsay.default_threads() == len(os.sched_getaffinity(0))


def _threads_in_child(_):
    return hearsay.default_threads()


def test_one_thread_by_default_in_a_worker_process(monkeypatch):
    monkeypatch.delenv("HEARSAY_THREADS", raising=False)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.map(_threads_in_child, [0]) == [1]


def _batch_after_fork(texts):
    return len(hearsay.analyze_batch(texts, threads=2))


def test_safe_after_fork():
    texts, _ = fixture_texts()
    hearsay.analyze_batch(texts, threads=2)  # the parent has run a pool before forking
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(_batch_after_fork, (texts,)).get(timeout=120) == len(texts)


def test_the_gil_is_released_while_analysing():
    big = "\n\n".join([SHORT.split("\n\n", 1)[1]] * 60_000)  # about 5 MB
    done = threading.Event()
    span = {}

    def work():
        span["start"] = time.perf_counter()
        hearsay.analyze_batch([big], threads=1)
        span["end"] = time.perf_counter()
        done.set()

    ticks = []
    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
    t.join()
    inside = [x for x in ticks if span["start"] <= x <= span["end"]]
    gaps = [b - a for a, b in zip(inside, inside[1:])]
    took = span["end"] - span["start"]
    # holding the GIL, this thread could not run at all during the call: one gap ≈ `took`
    assert inside and max(gaps, default=took) < took / 2, (took, max(gaps, default=None))


def test_claims_table_has_the_fixed_schema_and_the_cli_rows():
    texts, formats = fixture_texts()
    ids = [str(p.relative_to(REPO)) for p in FIXTURES]
    batch = hearsay.claims_table(ids, texts, format=formats, threads=2)
    assert isinstance(batch, pa.RecordBatch)
    assert batch.schema == hearsay.claims_schema()
    assert batch.schema.names == [
        "article_id", "claim", "start", "end", "kind", "paragraph", "speaker_id",
        "speaker_name", "speaker_kind", "cue", "text", "confidence",
    ]
    expected = []
    for i, p in zip(ids, FIXTURES):
        expected += claims_rows_from_report(i, cli_report(p))
    rows = batch.to_pylist()
    assert len(rows) == len(expected) > 100
    assert rows == expected


def test_speakers_table_has_the_fixed_schema_and_the_cli_rows():
    texts, formats = fixture_texts()
    ids = [p.name for p in FIXTURES]
    batch = hearsay.speakers_table(ids, texts, format=formats)
    assert batch.schema == hearsay.speakers_schema()
    expected = []
    for i, p in zip(ids, FIXTURES):
        for s in cli_report(p)["speakers"]:
            expected.append({"article_id": i, "speaker_id": s["id"], "name": s["name"],
                             "kind": s["kind"], "role": s["role"], "aliases": s["aliases"],
                             "quotes": s["quotes"], "claims": s["claims"]})
    assert batch.to_pylist() == expected
    assert len(expected) > 50


def test_tables_take_arrow_and_pandas_columns_and_go_to_parquet(tmp_path):
    import pandas as pd
    import pyarrow.parquet as pq

    frame = pd.DataFrame({"id": ["x", "y"], "text": [SHORT, SHORT.replace("Ana", "Ines")]})
    from_pandas = hearsay.claims_table(frame["id"], frame["text"])
    from_arrow = hearsay.claims_table(pa.array(frame["id"]), pa.array(frame["text"]))
    assert from_pandas.equals(from_arrow)
    pq.write_table(pa.Table.from_batches([from_arrow]), tmp_path / "c.parquet")
    back = pq.read_table(tmp_path / "c.parquet")
    assert back.schema == hearsay.claims_schema()
    assert back.column("speaker_name").to_pylist() == ["Ana Ruiz", "engineers"] + [
        "Ines Ruiz", "engineers"]


def test_an_empty_input_is_an_empty_table():
    batch = hearsay.claims_table([], [])
    assert batch.num_rows == 0 and batch.schema == hearsay.claims_schema()
    assert hearsay.analyze_batch([]) == []
