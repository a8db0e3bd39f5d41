"""WARC input: the pages of web archives, as records for the JSONL stream.

``cleaner clean crawl.warc.gz --jsonl out.jsonl.gz`` reads each archive with FastWARC
(resiliparse's reader, ``pip install 'cleaner[warc]'``): it reads twice as fast as
warcio, and either is a small share of the time cleaning takes (docs/benchmarks.md).
Only ``response`` records of a 2xx HTTP response with an HTML or plain-text payload
are cleaned; the others are counted and skipped. Each :class:`Page` keeps the
record's URL, id and date and the charset its HTTP ``Content-Type`` declared.

FastWARC stops at a damaged record, and passes over a record cut short at the end
of the file, so this module checks: every page is held back until the next record
has been read, or until the last record is known to end where the file ends. A
record that cannot be read is reported as ``FILE:OFFSET: reason`` and reading goes
on at the next record start found after it (the next gzip member that opens a WARC
record, or the next ``WARC/1.`` line); a record cut short ends the file with an
error, every record before it kept.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .document import Document
from .inputs import InputError, cannot_read, decode, too_large
from .pipeline import Pipeline
from .results import Result, cleaned_line

GZIP_MAGIC = b"\x1f\x8b"
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Payload media types that are cleaned, and the kind each is cleaned as.
KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
#: Why a record was not cleaned (the summary counts records by these).
NOT_RESPONSE = "not a response record"
NOT_OK = "HTTP status not 2xx"
NOT_TEXT = "payload not HTML or plain text"
TRUNCATED = "truncated: the file ends inside this record, which is left out (the records before it are kept)"

_BLOCK = 1 << 16
_HEADER_MAX = 1 << 16


@dataclass(frozen=True)
class Page:
    """One response record's payload and what the archive says of it (picklable)."""

    where: str  # "FILE:OFFSET", for error messages
    data: bytes  # the HTTP payload, transfer and content encodings undone
    url: str | None = None
    record_id: str | None = None
    date: str | None = None  # WARC-Date: when the page was fetched
    kind: str = "html"  # from the Content-Type: html or text
    charset: str | None = None  # from the HTTP Content-Type


def is_warc_name(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def sniff_warc(head: bytes) -> bool:
    """Whether bytes that open a file open a WARC record (plain, or in a gzip member)."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_pages(path: str, note: Callable[[Result], None], max_bytes: int) -> Iterator[Page]:
    """The pages of the WARC file ``path``, in order; skipped records, damage and
    payloads over ``max_bytes`` go to ``note`` as results."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        note(Result.failed(path, cannot_read(path, exc)))
        return
    with fh:
        yield from read_archive(fh, path, note, max_bytes)


def read_archive(fh: IO[bytes], name: str, note: Callable[[Result], None], max_bytes: int) -> Iterator[Page]:
    """The pages of an open, seekable WARC file (see :func:`read_pages`)."""
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        note(Result.failed(name, f"{name}: reading WARC files needs FastWARC: pip install 'cleaner[warc]'"))
        return
    archive = _Archive(name, fh, note, max_bytes)
    start: int | None = 0
    while start is not None:
        start = yield from archive.read_from(start, ArchiveIterator)


class _Archive:
    """One WARC file being read: its records from an offset on, and the damage checks."""

    def __init__(self, name: str, fh: IO[bytes], note: Callable[[Result], None], max_bytes: int) -> None:
        self.name, self.fh, self.note, self.max_bytes = name, fh, note, max_bytes
        self.gzip = fh.read(2) == GZIP_MAGIC

    def read_from(self, start: int, archive_iterator: Any) -> Generator[Page, None, int | None]:
        """Yield the pages from ``start`` on; return where to go on after damage, or None."""
        self.fh.seek(start)
        held: Page | None = None
        last: int | None = None
        records = iter(archive_iterator(self.fh, parse_http=True, auto_decode="all"))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except OSError as exc:  # what FastWARC raises for a record it cannot parse
                if held is not None:
                    yield held
                return self._damaged(start if last is None else (self._end_of(last) or last), str(exc))
            if held is not None:
                yield held
            last = record.stream_pos
            held = self._page(record)
        if self._complete(start, last) and held is not None:
            yield held
        return None

    def _page(self, record: Any) -> Page | None:
        """The page of one record, or None (its skip or its error noted)."""
        where = f"{self.name}:{record.stream_pos}"
        reason = skip_reason(record)
        if reason:
            self.note(Result(where, "ignored", reason=reason))
            return None
        try:
            data = record.reader.read(self.max_bytes + 1)
        except OSError as exc:  # a payload whose content encoding cannot be undone
            self.note(Result.failed(where, f"{where}: cannot decode the payload: {exc}"))
            return None
        if len(data) > self.max_bytes:
            self.note(Result.failed(where, too_large(where, self.max_bytes, "a payload of ")))
            return None
        headers = record.headers
        return Page(
            where,
            data,
            url=headers.get("WARC-Target-URI"),
            record_id=record.record_id,
            date=headers.get("WARC-Date"),
            kind=KINDS[payload_type(record)],
            charset=record.http_charset,
        )

    def _complete(self, start: int, last: int | None) -> bool:
        """Whether the last record read (from ``start`` on) ends within the file; the
        damage is noted if it does not, or if a record was cut short after it."""
        end = start if last is None else self._end_of(last)
        if end is None:
            where = f"{self.name}:{last}"
            self.note(Result.failed(where, f"{where}: {TRUNCATED}"))
            return False
        self.fh.seek(end)
        if self.fh.read(_BLOCK).strip():
            where = f"{self.name}:{end}"
            self.note(Result.failed(where, f"{where}: {TRUNCATED}"))
        return True

    def _damaged(self, offset: int, reason: str) -> int | None:
        """Report the damaged record at ``offset``; where the next record starts, if anywhere."""
        after = find_record(self.fh, offset + 1, self.gzip)
        where = f"{self.name}:{offset}"
        then = f"reading goes on at the next record, at {after}" if after is not None else "no record after it"
        self.note(Result.failed(where, f"{where}: corrupt record ({reason}); {then}"))
        return after

    def _end_of(self, offset: int) -> int | None:
        return record_end(self.fh, offset, self.gzip)


def skip_reason(record: Any) -> str | None:
    """Why a record is not cleaned, or None for a page to clean."""
    if str(record.record_type) != "response" or not record.is_http:
        return NOT_RESPONSE
    status = record.http_headers.status_code
    if status is None or not 200 <= status < 300:
        return NOT_OK
    return None if payload_type(record) in KINDS else NOT_TEXT


def payload_type(record: Any) -> str:
    """The payload's media type: the HTTP Content-Type's, else the one the crawler identified."""
    declared = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type") or ""
    return declared.split(";")[0].strip().lower()


def record_end(fh: IO[bytes], offset: int, gz: bool) -> int | None:
    """Where the record starting at ``offset`` ends, or None if the file ends inside it."""
    return _member_end(fh, offset) if gz else _plain_end(fh, offset)


def _member_end(fh: IO[bytes], offset: int) -> int | None:
    fh.seek(offset)
    inflate = zlib.decompressobj(31)
    read = 0
    while not inflate.eof:
        data = fh.read(_BLOCK)
        if not data:
            return None
        read += len(data)
        try:
            while data and not inflate.eof:  # bounded output: a small member may inflate a lot
                inflate.decompress(data, _BLOCK)
                data = inflate.unconsumed_tail
        except zlib.error:
            return None
    return offset + read - len(inflate.unused_data)


def _plain_end(fh: IO[bytes], offset: int) -> int | None:
    fh.seek(offset)
    head = fh.read(_HEADER_MAX)
    stop = head.find(b"\r\n\r\n")
    if stop < 0:
        return None
    length = next(
        (line.split(b":", 1)[1] for line in head[:stop].split(b"\r\n") if line.lower().startswith(b"content-length:")),
        None,
    )
    if length is None or not length.strip().isdigit():
        return None
    end = offset + stop + 4 + int(length) + 4
    fh.seek(0, os.SEEK_END)
    return end if end <= fh.tell() else None


def find_record(fh: IO[bytes], offset: int, gz: bool) -> int | None:
    """The first offset at or after ``offset`` where a WARC record starts, or None."""
    marker = GZIP_MAGIC + b"\x08" if gz else b"\nWARC/1."
    skip = 0 if gz else 1
    while True:
        fh.seek(offset)
        block = fh.read(_BLOCK + len(marker))
        if len(block) < len(marker):
            return None
        at = block.find(marker)
        while at >= 0:
            fh.seek(offset + at + skip)
            if sniff_warc(fh.read(512)):
                return offset + at + skip
            at = block.find(marker, at + 1)
        offset += _BLOCK


def page_kind(page: Page, pipeline: Pipeline) -> str:
    """The kind a page is cleaned as: its Content-Type's, unless the configuration forces one."""
    return page.kind if pipeline.config.kind == "auto" else pipeline.config.kind


def page_text(page: Page, kind: str = "html") -> str:
    """The payload decoded as cleaner decodes any page (:func:`cleaner.inputs.decode`): a
    BOM, then valid UTF-8, then the HTTP charset, then the page's own declaration."""
    return decode(page.data, page.where, html=kind == "html", encoding=page.charset)


def page_document(page: Page, pipeline: Pipeline) -> Document:
    """Clean one page: as its Content-Type says (unless the configuration forces a
    kind), with its HTTP charset, its URL and its record id."""
    kind = page_kind(page, pipeline)
    return pipeline.clean(page_text(page, kind), url=page.url, id=page.record_id, kind=kind)


def clean_page(page: Page, pipeline: Pipeline, *, text_key: str, meta_key: str) -> tuple[bytes | None, Result]:
    """One page in, its JSONL line out (``None`` if it could not be cleaned)."""
    try:
        kind = page_kind(page, pipeline)
        text = page_text(page, kind)
        doc = pipeline.clean(text, url=page.url, id=page.record_id, kind=kind)
    except InputError as exc:
        return None, Result.failed(page.where, f"{page.where}: {exc}")
    except Exception as exc:  # one bad page must not stop the stream
        return None, Result.failed(page.where, f"{page.where}: {type(exc).__name__}: {exc}")
    record: dict[str, Any] = {"url": page.url, "warc_record_id": page.record_id, "date": page.date}
    out = cleaned_line(record, doc, text_key, meta_key)
    return out, Result.cleaned(page.where, doc, len(text), pipeline.extracts(kind))
