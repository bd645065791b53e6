"""Shared helpers: the repository's paths, the `hearsay` CLI to compare against, and a
folder of generated articles."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(EXAMPLES))


def cli_binary() -> Path:
    """The CLI: $HEARSAY_BIN, else the repository's target/{release,debug}/hearsay."""
    env = os.environ.get("HEARSAY_BIN")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = REPO / "target" / profile / "hearsay"
        if p.exists():
            return p
    pytest.fail("no hearsay binary: run `cargo build` first or set HEARSAY_BIN")


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Runs the CLI with the repository as working folder, never the user's config."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(REPO)}
    return subprocess.run([str(cli_binary()), *args], input=stdin, capture_output=True,
                          cwd=REPO, env=env, timeout=600)


def cli_jsonl(ids: list[str], texts: list[str]) -> dict:
    """`hearsay analyze --jsonl -` over the texts: the result object of each id."""
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts))
    out = cli("analyze", "--jsonl", "-", stdin=lines.encode())
    assert out.returncode == 0, out.stderr.decode()
    results = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(results) == len(ids)
    return {r.pop("id"): r for r in results}


@pytest.fixture(scope="session")
def articles(tmp_path_factory) -> list[Path]:
    """300 generated articles (examples/make_articles.py) in a temporary folder."""
    import make_articles

    return make_articles.write(tmp_path_factory.mktemp("articles"), 300, seed=11)


def as_float32(x: float) -> float:
    """The value a float32 column gives back for the CLI's (shortest-printed) f32."""
    return struct.unpack("f", struct.pack("f", x))[0]


def claims_rows_from_report(article_id: str, report: dict) -> list[dict]:
    """The claims-table rows a CLI report says there should be."""
    speakers = {s["id"]: s for s in report["speakers"]}
    rows = []
    for n, c in enumerate(report["claims"]):
        s = speakers.get(c["speaker"]) if c["speaker"] is not None else None
        rows.append({
            "article_id": article_id, "claim": n, "start": c["start"], "end": c["end"],
            "kind": c["kind"], "paragraph": c["paragraph"], "speaker_id": c["speaker"],
            "speaker_name": s["name"] if s else None, "speaker_kind": s["kind"] if s else None,
            "cue": c["cue"], "text": c["text"], "confidence": as_float32(c["confidence"]),
        })
    return rows
