"""hearsay for Python: who said what in news articles, as dicts or Arrow tables.

The analysis is hearsay's own Rust library (the code behind ``hearsay analyze --json``),
so results are identical to the command line's. Articles are ``str`` or ``bytes`` (bytes
are decoded as the CLI decodes a file: UTF-8, a UTF-16 byte order mark, or a web page's
declared encoding). Offsets (``start``, ``end``) are UTF-8 byte offsets into the text the
analysis read (for HTML and Markdown, the text extracted from the markup), as in the CLI.

Functions:

- :func:`analyze` — one article, the ``analyze --json`` object as a dict;
- :func:`analyze_batch` — many articles on a rayon pool with the GIL released;
- :func:`claims_table`, :func:`speakers_table` — ``pyarrow.RecordBatch`` es with the fixed
  schemas :data:`CLAIMS_SCHEMA` and :data:`SPEAKERS_SCHEMA`, ready for Parquet.

Threads: ``threads=None`` means ``$HEARSAY_THREADS`` when set, else one thread inside a
worker process (a ``multiprocessing`` child such as a Dask worker, a Dask task thread, or a
Spark Python worker: the engine already runs one task per core), else every core. The pool
is built for each call, so it is safe after ``fork``.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import TYPE_CHECKING, Iterable, Optional, Sequence, Union

from ._hearsay import (
    HearsayError,
    analyze as _analyze,
    analyze_batch as _analyze_batch,
    format_of_name,
    table_columns as _table_columns,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = [
    "HearsayError",
    "analyze",
    "analyze_batch",
    "claims_table",
    "speakers_table",
    "claims_schema",
    "speakers_schema",
    "format_of_name",
    "default_threads",
]

Article = Union[str, bytes]
Format = Optional[str]


def analyze(text: Article, format: Format = None) -> dict:
    """Analyses one article; returns the object ``hearsay analyze --json`` prints.

    ``format`` is ``"text"``, ``"html"`` or ``"md"``; ``None`` sniffs (HTML when the text
    starts like a web page, else plain text), as the CLI does for standard input.

    Raises :class:`HearsayError` (a ``ValueError``) with the CLI's message for an article
    that cannot be read (empty, binary, too large), ``ValueError`` for an unknown format and
    ``TypeError`` for something that is not ``str`` or ``bytes``. The GIL is released while
    the article is analysed.
    """
    return _analyze(text, format)


def analyze_batch(
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Union[Format, Sequence[Format]] = None,
    errors: str = "raise",
) -> list:
    """Analyses many articles; returns one ``analyze --json`` dict per article, in order.

    ``threads``: see the module doc (``None``: ``$HEARSAY_THREADS``, one inside a worker,
    else every core). ``format``: one for all articles or one per article. ``errors``:
    ``"raise"`` raises :class:`HearsayError` for the first article that cannot be read
    (``"texts[3]: the input is empty: …"``); ``"null"`` puts ``None`` in its place.
    """
    texts = _listed(texts)
    _check_errors(errors, ("raise", "null"))
    out = []
    for i, (ok, report) in enumerate(_analyze_batch(texts, format, _threads(threads))):
        if ok:
            out.append(report)
        elif errors == "raise":
            raise HearsayError(f"texts[{i}]: {report}")
        else:
            out.append(None)
    return out


def claims_schema() -> "pyarrow.Schema":
    """The schema of :func:`claims_table`: one row per claim (every attribution).

    ==============  ==============  =====================================================
    column          type            meaning
    ==============  ==============  =====================================================
    article_id      string          the id given for the article
    claim           int32           the claim's index in the article (reading order)
    start, end      int64           UTF-8 byte offsets of the reported content
    kind            string          ``direct``, ``indirect`` or ``mixed``
    paragraph       int32, null     index into the article's body paragraphs
    speaker_id      int32, null     the speaker's id in :func:`speakers_table`
    speaker_name    string, null    the fullest name the article gives
    speaker_kind    string, null    ``person``, ``organization``, ``group``,
                                    ``anonymous`` or ``document``
    cue             string, null    the reporting word (``said``, ``according to``)
    text            string          the reported content (direct: with its marks)
    confidence      float32         how sure the engine is of the attribution, 0–1
                                    (0 when it has no speaker)
    ==============  ==============  =====================================================
    """
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("claim", pa.int32(), nullable=False),
            pa.field("start", pa.int64(), nullable=False),
            pa.field("end", pa.int64(), nullable=False),
            pa.field("kind", pa.string(), nullable=False),
            pa.field("paragraph", pa.int32()),
            pa.field("speaker_id", pa.int32()),
            pa.field("speaker_name", pa.string()),
            pa.field("speaker_kind", pa.string()),
            pa.field("cue", pa.string()),
            pa.field("text", pa.string(), nullable=False),
            pa.field("confidence", pa.float32(), nullable=False),
        ]
    )


def speakers_schema() -> "pyarrow.Schema":
    """The schema of :func:`speakers_table`: one row per speaker per article.

    ==============  ==============  =====================================================
    column          type            meaning
    ==============  ==============  =====================================================
    article_id      string          the id given for the article
    speaker_id      int32           id within the article (claims' ``speaker_id``)
    name            string          the fullest name the article gives
    kind            string          ``person``, ``organization``, ``group``,
                                    ``anonymous`` or ``document``
    role            string, null    role from an apposition or title
    aliases         list<string>    other names the article uses for the speaker
    quotes          int32           quotations attributed to the speaker
    claims          int32           claims attributed to the speaker
    ==============  ==============  =====================================================
    """
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("article_id", pa.string(), nullable=False),
            pa.field("speaker_id", pa.int32(), nullable=False),
            pa.field("name", pa.string(), nullable=False),
            pa.field("kind", pa.string(), nullable=False),
            pa.field("role", pa.string()),
            pa.field("aliases", pa.list_(pa.string()), nullable=False),
            pa.field("quotes", pa.int32(), nullable=False),
            pa.field("claims", pa.int32(), nullable=False),
        ]
    )


def claims_table(
    ids: Iterable[str],
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Union[Format, Sequence[Format]] = None,
    errors: str = "raise",
) -> "pyarrow.RecordBatch":
    """Every claim of every article, as a ``pyarrow.RecordBatch`` (:func:`claims_schema`).

    ``ids`` and ``texts`` are parallel (lists, pandas Series or pyarrow arrays); ids are
    strings. ``errors="skip"`` leaves out an article that cannot be read (it has no rows);
    ``"raise"`` raises :class:`HearsayError` naming its id. ``threads`` and ``format`` as
    in :func:`analyze_batch`.
    """
    return _table(ids, texts, threads, format, errors, speakers=False)


def speakers_table(
    ids: Iterable[str],
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Union[Format, Sequence[Format]] = None,
    errors: str = "raise",
) -> "pyarrow.RecordBatch":
    """Every speaker of every article, as a ``pyarrow.RecordBatch``
    (:func:`speakers_schema`). Arguments as in :func:`claims_table`.
    """
    return _table(ids, texts, threads, format, errors, speakers=True)


def default_threads() -> int:
    """The number of threads ``threads=None`` means here (see the module doc)."""
    return _threads(None)


def _table(ids, texts, threads, format, errors, speakers):
    import pyarrow as pa

    _check_errors(errors, ("raise", "skip"))
    ids = _listed(ids)
    texts = _listed(texts)
    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    for i in ids:
        if not isinstance(i, str):
            raise TypeError(f"an article id is str, not '{type(i).__name__}'")
    columns, failed = _table_columns(texts, format, _threads(threads), speakers)
    if failed and errors == "raise":
        i, message = failed[0]
        raise HearsayError(f"article '{ids[i]}': {message}")
    positions = columns.pop("article")
    columns = {"article_id": [ids[i] for i in positions], **columns}
    schema = speakers_schema() if speakers else claims_schema()
    return pa.RecordBatch.from_pydict(columns, schema=schema)


def _listed(values) -> list:
    """A list of the values (pyarrow arrays and pandas Series included)."""
    if isinstance(values, list):
        return values
    to_pylist = getattr(values, "to_pylist", None)
    if to_pylist is not None:  # pyarrow Array / ChunkedArray
        return to_pylist()
    return list(values)


def _check_errors(errors: str, allowed) -> None:
    if errors not in allowed:
        choices = ", ".join(allowed)
        raise ValueError(f"invalid value '{errors}' for errors [possible values: {choices}]")


def _threads(threads: Optional[int]) -> int:
    if threads is not None:
        if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
            raise ValueError(f"threads must be a whole number, 1 or more, not {threads!r}")
        return threads
    env = os.environ.get("HEARSAY_THREADS", "").strip()
    if env:
        try:
            n = int(env)
        except ValueError:
            n = 0
        if n < 1:
            raise ValueError(
                f"HEARSAY_THREADS must be a whole number, 1 or more, not '{env}'"
            )
        return n
    if _in_worker():
        return 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _in_worker() -> bool:
    """Whether this process (or thread) is one an engine runs a task in."""
    if multiprocessing.parent_process() is not None:
        return True  # multiprocessing pools, Dask's nanny-started workers
    if "PYTHON_WORKER_FACTORY_SECRET" in os.environ:
        return True  # a Spark Python worker
    distributed = sys.modules.get("distributed")
    if distributed is not None:
        try:
            distributed.get_worker()
            return True  # a task of a Dask worker running in this process
        except ValueError:
            pass
    return False
