"""What cleaning a document leaves behind: its records for a batch, a stream or a cluster.

:class:`Result` is what became of one input (small and picklable, the body stays on
disk), :class:`Totals` adds results up for the summary, and the functions below turn
a :class:`~cleaner.Document` into the bytes written beside its body. Folder batches,
JSONL streams, ``cleaner check`` and the Dask helpers all build on these, and none of
them on each other.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .document import Document
from .extraction import EXTRACTION


@dataclass
class Result:
    """What became of one input (picklable, small: the body stays on disk).

    ``status`` is ``cleaned`` (outputs written), ``unchanged`` (in place: already
    clean), ``skipped`` (unchanged since the last run), ``ignored`` (a record that is
    no document to clean, such as a WARC request record: see ``reason``) or ``error``
    (see ``error``). ``removed`` maps each filter to ``[pieces, characters]`` it removed.
    """

    path: str
    status: str
    error: str | None = None
    chars_in: int = 0
    chars_kept: int = 0
    removed: dict[str, list[int]] = field(default_factory=dict)
    reason: str | None = None
    stop: bool = False  # the batch cannot go on (the disk is full)

    @classmethod
    def failed(cls, path: Path | str, reason: str) -> Result:
        return cls(str(path), "error", error=reason)

    @classmethod
    def cleaned(cls, path: Path | str, doc: Document, chars_in: int, extracted: bool) -> Result:
        """The result of cleaning ``chars_in`` characters into ``doc``; ``extracted``:
        they were an HTML page and extraction ran (see :func:`removed_counts`)."""
        removed = removed_counts(doc, chars_in if extracted else None)
        return cls(str(path), "cleaned", chars_in=chars_in, chars_kept=len(doc.text), removed=removed)


def removed_counts(doc: Document, page_chars: int | None = None) -> dict[str, list[int]]:
    """``[pieces, characters]`` each filter removed from ``doc``.

    ``page_chars``: the document was an HTML page of that many characters; all that
    extraction did not pass on to the filters (markup, and text outside the article)
    counts as removed by :data:`EXTRACTION`, so that kept and removed add up to it.
    """
    counts: dict[str, list[int]] = {}
    for r in doc.removed:
        entry = counts.setdefault(r.filter, [0, 0])
        entry[0] += 1
        entry[1] += len(r.text)
    if page_chars is not None:
        filtered = sum(chars for name, (_, chars) in counts.items() if name != EXTRACTION)
        counts[EXTRACTION] = [1, page_chars - len(doc.text) - filtered]
    return counts


def metadata_record(doc: Document, **extra: Any) -> dict[str, Any]:
    """The metadata written next to a body: metadata fields, ``removed``, then ``extra``."""
    return {**doc.metadata, "removed": [r.to_dict() for r in doc.removed], **extra}


@dataclass
class Sidecar:
    """The metadata file of ``doc`` (:func:`metadata_bytes` of :func:`metadata_record`
    (``doc``, ``**extra``)), written as it is encoded: a flattened page has a removal
    record for most of its lines, and as dicts, then as bytes, all at once they took more
    memory than the page's text (docs/benchmarks.md). Each record is made a dict as it
    is written."""

    doc: Document
    extra: dict[str, Any]

    def write(self, fh: IO[bytes]) -> None:
        """Write it to ``fh``, a new file (see :func:`write_metadata`)."""
        write_metadata({**self.doc.metadata, "removed": _AsDicts(self.doc.removed), **self.extra}, fh)

    def __bytes__(self) -> bytes:
        buffer = io.BytesIO()
        self.write(buffer)
        return buffer.getvalue()


class _AsDicts(list):
    """Removal records that iterate as their dicts. ``json.dump`` with an indent (the
    sidecar's) encodes in Python, walking a list by iterating it; ``json.dumps`` without
    one does not: this is for :class:`Sidecar` alone."""

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (r.to_dict() for r in super().__iter__())


def report_fields(doc: Document, kind: str, chars_in: int, config: dict[str, Any]) -> dict[str, Any]:
    """What an HTML report of the batch needs beyond the metadata (see :mod:`cleaner.htmlreport`).

    ``body_lines`` gives the input line of each paragraph of the body, as each removal
    record's ``line`` gives its own: together they put the removals back where they
    stood, at a few bytes a line, where a copy of the input would double the file.
    ``chars_in`` is the input's length in characters (for HTML, before extraction); ``kind``
    as :func:`cleaner.inputs.as_input` told it ("auto" for what it found to be text).
    """
    return {
        "kind": "html" if kind == "html" else "text",
        "chars_in": chars_in,
        "body_lines": doc.lines,
        "config": config,
    }


def body_bytes(doc: Document) -> bytes:
    return (doc.text + ("\n" if doc.text else "")).encode("utf-8")


def parse_record(data: bytes | str, where: str) -> dict[str, Any] | str:
    """The JSON object a JSONL line holds, or why it holds none (``where``: "FILE:LINE")."""
    try:
        record = json.loads(data)
    except ValueError as exc:
        return f"{where}: not a JSON record: {exc}"
    return record if isinstance(record, dict) else f"{where}: not a JSON object"


def cleaned_line(record: dict[str, Any], doc: Document, text_key: str, meta_key: str) -> bytes:
    """``record``'s JSONL line once cleaned (JSONL and WARC input alike): ``doc``'s body under ``text_key``,
    its metadata (:func:`metadata_record`) under ``meta_key``, the record's other fields as they were."""
    record[text_key] = doc.text
    record[meta_key] = metadata_record(doc)
    return json_line(record)


def json_line(record: dict[str, Any]) -> bytes:
    """A record as one line of UTF-8 JSON. A lone surrogate (JSON escapes one, as in a
    record read from a stream; UTF-8 cannot hold it) is written escaped, as it came."""
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record).encode("ascii") + b"\n"


def metadata_bytes(record: dict[str, Any]) -> bytes:
    """A metadata record as the sidecar's UTF-8 JSON (indented, newline at the end).

    ``json.dump`` into a buffer rather than ``json.dumps``: with an indent, the latter
    gathers every small piece of the text in a list first, about seven times the text's
    size (1.2 GB for the removals of a page of a million lines, against 0.56 GB).
    """
    buffer = io.BytesIO()
    write_metadata(record, buffer)
    return buffer.getvalue()


def write_metadata(record: dict[str, Any], fh: IO[bytes]) -> None:
    """Write ``record`` to ``fh`` (a new file, or a buffer) as :func:`metadata_bytes` encodes
    it. A lone surrogate (a name that is not UTF-8 holds one), which UTF-8 cannot hold: the
    record written again from the start, escaped."""
    try:
        _dump(record, fh, ascii_only=False)
    except UnicodeEncodeError:
        fh.seek(0)
        fh.truncate()
        _dump(record, fh, ascii_only=True)


def _dump(record: dict[str, Any], fh: IO[bytes], ascii_only: bool) -> None:
    """Write ``record`` to ``fh`` as :func:`metadata_bytes` encodes it, piece by piece."""
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    try:
        json.dump(record, text, ensure_ascii=ascii_only, indent=2)
        text.write("\n")
    finally:
        text.detach()  # (flushed; fh stays open, on an error too: it is the caller's)


@dataclass
class Totals:
    """What a batch or stream did, added up result by result."""

    documents: int = 0
    cleaned: int = 0
    unchanged: int = 0
    skipped: int = 0
    #: Documents cleaned to an empty body: all they held removed (an HTML page with no article).
    emptied: int = 0
    chars_in: int = 0
    chars_kept: int = 0
    removed: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: Records that were no document to clean, counted by reason.
    ignored: dict[str, int] = field(default_factory=dict)
    stopped: str | None = None  # why the batch stopped before its end, if it did

    @property
    def chars_removed(self) -> int:
        """Characters the filters and HTML extraction took out."""
        return sum(chars for _, chars in self.removed.values())

    @property
    def chars_layout(self) -> int:
        """Characters neither kept nor removed: spacing, blank lines and line endings
        folded, mojibake repaired (negative if those added characters)."""
        return self.chars_in - self.chars_kept - self.chars_removed

    def add(self, result: Result) -> None:
        self.documents += 1
        if result.status == "error":
            self.errors.append(result.error or result.path)
            return
        if result.status == "ignored":
            reason = result.reason or "ignored"
            self.ignored[reason] = self.ignored.get(reason, 0) + 1
            return
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.removed and not result.chars_kept:
            self.emptied += 1
        self.chars_in += result.chars_in
        self.chars_kept += result.chars_kept
        for name, (pieces, chars) in result.removed.items():
            entry = self.removed.setdefault(name, [0, 0])
            entry[0] += pieces
            entry[1] += chars
