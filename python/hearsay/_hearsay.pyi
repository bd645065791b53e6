"""Type stubs for the native half of ``hearsay`` (use the functions in ``hearsay``)."""

from typing import Any, Iterable, Optional, Sequence, Union

class HearsayError(ValueError):
    """An article hearsay cannot analyse (empty, binary, too large), with the CLI's message."""

_Article = Union[str, bytes]
_Format = Union[None, str, Sequence[Optional[str]]]

def analyze(text: _Article, format: Optional[str] = None) -> dict[str, Any]: ...
def analyze_batch(
    texts: Iterable[_Article], format: _Format, threads: int
) -> list[tuple[bool, Union[dict[str, Any], str]]]: ...
def table_columns(
    texts: Iterable[_Article], format: _Format, threads: int, speakers: bool
) -> tuple[dict[str, list], list[tuple[int, str]]]: ...
def format_of_name(name: str) -> Optional[str]:
    """``"html"`` or ``"md"`` when a file name says so, else ``None`` (sniff the content)."""
