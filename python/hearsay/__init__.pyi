"""Type stubs for ``hearsay`` (docstrings in ``hearsay/__init__.py``)."""

from typing import Any, Iterable, Literal, Optional, Sequence, Union

import pyarrow

from ._hearsay import HearsayError as HearsayError
from ._hearsay import format_of_name as format_of_name

Article = Union[str, bytes]
FormatName = Literal["text", "html", "md"]
Format = Union[None, FormatName, Sequence[Optional[FormatName]]]

def analyze(text: Article, format: Optional[FormatName] = None) -> dict[str, Any]:
    """One article's ``hearsay analyze --json`` object."""

def analyze_batch(
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Format = None,
    errors: Literal["raise", "null"] = "raise",
) -> list[Optional[dict[str, Any]]]:
    """One ``analyze --json`` object per article, in order (GIL released, rayon pool)."""

def claims_schema() -> pyarrow.Schema:
    """The fixed schema of :func:`claims_table`."""

def speakers_schema() -> pyarrow.Schema:
    """The fixed schema of :func:`speakers_table`."""

def claims_table(
    ids: Iterable[str],
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Format = None,
    errors: Literal["raise", "skip"] = "raise",
) -> pyarrow.RecordBatch:
    """Every claim of every article (:func:`claims_schema`)."""

def speakers_table(
    ids: Iterable[str],
    texts: Iterable[Article],
    threads: Optional[int] = None,
    format: Format = None,
    errors: Literal["raise", "skip"] = "raise",
) -> pyarrow.RecordBatch:
    """Every speaker of every article (:func:`speakers_schema`)."""

def default_threads() -> int:
    """What ``threads=None`` means in this process."""
