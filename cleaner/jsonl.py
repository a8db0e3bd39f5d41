"""Streaming JSONL: records in, records out, plain or gzip, in input order.

Each input line is a JSON object; the string under ``text_key`` is cleaned and put
back in its place, every other field is kept as it was, and the metadata (fields,
``removed``) is added under ``meta_key``; its ``source`` is the record's ``url``, else
where it was read (``corpus.jsonl:12``, ``<stdin>:3``). Lines are read and sent to the workers in
bounded chunks and written back in order, so memory stays flat however large the
stream. A record that cannot be cleaned is reported with its line number and left
out of the output; the rest of the stream goes on.

A WARC file among the sources (named ``.warc`` or ``.warc.gz``, or opening with a
WARC record) is read by :mod:`cleaner.warc`: its pages become records of the same
stream, and a folder stands for the WARC and JSONL files under it.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any, cast

from .atomic import atomic_open
from .charsets import bom
from .config import LIMITS
from .dispatch import map_chunks
from .inputs import GZIP_MAGIC, JSONL_SUFFIXES, InputError, cannot_read, input_kind, is_gzip_name, too_large
from .parallel import CRASHED
from .pipeline import Pipeline
from .results import Result, Totals, cleaned_line, parse_record
from .warc import WARC_SUFFIXES, Page, clean_page, is_warc_name, read_archive, read_pages, sniff_warc

#: A chunk sent to a worker: at most this many records or (about) this many bytes.
CHUNK_RECORDS = 128
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class Line:
    where: str  # "file:lineno", for error messages
    data: bytes


@contextmanager
def open_input(source: str, opened: IO[bytes] | None = None) -> Iterator[IO[bytes]]:
    """A binary stream of ``source`` (``-`` is stdin), gunzipped if it starts like gzip;
    ``opened``: the file already open, read from where it stands and left open."""
    if opened is not None or source == "-":
        raw: IO[bytes] = opened or sys.stdin.buffer
        close = False
    else:
        raw = open_source(source)
        close = True
    try:
        head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")) if head == GZIP_MAGIC else raw
        mark = bom(stream.peek(4)[:4]) if hasattr(stream, "peek") else None
        if mark is None or mark.codec == "utf-8":  # (json reads past a UTF-8 BOM)
            yield stream
        else:
            recoded = Recoded(stream, mark.codec[:6])
            try:
                yield cast(IO[bytes], recoded)
            finally:
                recoded.text.detach()  # the source is closed here, stdin never
    finally:
        if close:
            raw.close()


def open_source(source: str) -> IO[bytes]:
    """The file ``source``, open for reading bytes; an :class:`InputError` naming it if it cannot be."""
    try:
        return open(source, "rb")
    except OSError as exc:
        raise InputError(cannot_read(source, exc)) from exc


def opens_warc(fh: IO[bytes]) -> bool:
    """Whether an open regular file opens with a WARC record (peeked at: nothing is consumed)."""
    return sniff_warc(fh.peek(512)[:512]) if hasattr(fh, "peek") else False


class Recoded:
    """A UTF-16 or UTF-32 stream (``codec``, its BOM first) read as lines of UTF-8, as JSON
    Lines are: a Windows shell's redirection writes UTF-16."""

    def __init__(self, stream: IO[bytes], codec: str) -> None:
        self.text = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="")

    def readline(self, limit: int = -1) -> bytes:
        return self.text.readline(limit).encode("utf-8")


@contextmanager
def open_output(dest: str) -> Iterator[IO[bytes]]:
    """A binary stream to ``dest`` (``-`` is stdout), gzipped when it ends in ``.gz``.

    A regular file is written to a temporary name beside it and renamed into place
    only when the stream completes, so a failed run never leaves half a file.
    """
    if dest == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(dest)
    if path.exists() and not path.is_file():  # /dev/null, a pipe: write straight to it
        with open(path, "wb") as fh:
            yield fh
        return
    with atomic_open(path) as fh:
        if is_gzip_name(path):
            with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=6, mtime=0) as gz:
                yield cast(IO[bytes], gz)  # a GzipFile is a binary stream; typeshed does not say IO[bytes]
        else:
            yield fh


#: How much of an over-long line is read at a time while skipping it.
_SKIP_BYTES = 1 << 20


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, ``None`` for one longer than ``limit`` bytes (newline
    aside). Such a line is never held whole: it is read and dropped a megabyte at a
    time, so one huge record cannot exhaust memory."""
    while data := stream.readline(limit + 1):
        if len(data) > limit and not data.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield data


class StreamError(ValueError):
    """A JSONL run that must not start (it would lose text); the message says why."""


class NothingCleaned(Exception):
    """A run to a file in which every record failed (a typo in ``--text-key``, a file
    that is no JSONL): its output is not written, the last run's is left."""


def check_run(sources: list[str], dest: str, text_key: str, meta_key: str) -> None:
    """Refuse, before anything is read, a run that would lose text: the metadata put
    in the place of the body, a source that does not exist (or a folder with no stream
    in it: a typo would replace the last run's output with one short of a source), or
    a ``dest`` that is one of ``sources`` (the stream would replace it, less any record
    that could not be cleaned) or lies inside a source folder (a re-run would read it
    as one more input)."""
    if meta_key == text_key:
        raise StreamError(f"--meta-key {meta_key} is also the --text-key: the metadata would replace the text")
    for source in sources:
        _check_source(source)
    if dest == "-":
        return
    target = Path(dest).resolve()
    for source in sources:
        if source == "-":
            continue
        src = Path(source).resolve()
        if target == src:
            raise StreamError(f"--jsonl {dest} is also an input; write the cleaned records to another file")
        if src.is_dir() and src in target.parents:
            raise StreamError(
                f"--jsonl {dest} lies inside the input folder {source}; write the cleaned records outside it"
            )


def _check_source(source: str) -> None:
    """Refuse a source that does not exist, a folder with no stream in it, or a page."""
    if source != "-" and not os.path.exists(source):
        raise StreamError(f"{source}: no such file or folder; nothing was written")
    if os.path.isdir(source) and not folder_sources(source):
        raise StreamError(f"{source}: no WARC or JSONL files in this folder; nothing was written")
    if _not_records(source):
        raise StreamError(
            f"{source}: not a JSONL stream (its first line is not a JSON object); --jsonl cleans streams of "
            "records: clean a page with --out DIR, or cleaner clean - < PAGE"
        )


def _not_records(source: str) -> bool:
    """Whether ``source``, a regular file not named as a stream, opens with a line that is not
    a JSON object (a page given to --jsonl: each of its lines would be refused as a record).
    A pipe (``<(zcat part.gz)``, stdin) is not read here: what is read of it would be lost."""
    if not os.path.isfile(source) or is_stream(source):
        return False
    try:
        with open_source(source) as fh:
            if opens_warc(fh):
                return False
            with open_input(source, fh) as stream:
                while (line := stream.readline(1 << 16)) and not line.strip():
                    pass
    except (InputError, OSError, EOFError):
        return False  # the run names the problem
    return bool(line.strip()) and not line.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


#: Why a JSONL or WARC file is not cleaned as one document (its records would be cut
#: to the few the content stage keeps of a page made of them).
STREAM = "a stream of records (JSONL or WARC), not one document: clean it with --jsonl OUT"


def is_stream(name: str | Path) -> bool:
    """Whether the name says JSONL (``.jsonl``, ``.ndjson``, gzipped or not) or WARC."""
    return str(name).lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)


def folder_sources(folder: str) -> list[str]:
    """The WARC and JSONL files under ``folder``, in name order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, f) for f in sorted(files) if is_stream(f)]
    return found


def read_items(sources: Iterable[str], errors: Callable[[Result], None], max_bytes: int) -> Iterator[Line | Page]:
    """The records of every source, in order: JSONL lines, and the pages of WARC files."""
    for source in sources:
        if source != "-" and os.path.isdir(source):
            inside = folder_sources(source)
            if not inside:
                errors(Result.failed(source, f"{source}: no WARC or JSONL files in this folder"))
            yield from read_items(inside, errors, max_bytes)
        elif is_warc_name(source):
            yield from read_pages(source, errors, max_bytes)
        elif source == "-" or not os.path.isfile(source):  # (a pipe is not sniffed: what is read of it is lost)
            yield from read_lines(source, errors, max_bytes)
        else:
            yield from _read_file(source, errors, max_bytes)


def _read_file(source: str, errors: Callable[[Result], None], max_bytes: int) -> Iterator[Line | Page]:
    """The records of a regular file, opened once: a WARC archive's pages, or JSONL lines."""
    try:
        fh = open_source(source)
    except InputError as exc:
        errors(Result.failed(source, str(exc)))
        return
    with fh:
        if opens_warc(fh):
            yield from read_archive(fh, source, errors, max_bytes)
        else:
            yield from read_lines(source, errors, max_bytes, fh)


def read_lines(
    source: str, errors: Callable[[Result], None], max_bytes: int, opened: IO[bytes] | None = None
) -> Iterator[Line]:
    """Non-blank lines of one JSONL source (``opened``: the file, already open); a line over
    ``max_bytes`` is reported to ``errors`` and skipped."""
    name = "<stdin>" if source == "-" else source
    lineno = 0
    try:
        with open_input(source, opened) as stream:
            for lineno, data in enumerate(bounded_lines(stream, max_bytes), 1):
                if data is None:
                    where = f"{name}:{lineno}"
                    errors(Result.failed(where, too_large(where, max_bytes, "a record of ")))
                elif data.strip():
                    yield Line(f"{name}:{lineno}", data)
    except InputError as exc:
        errors(Result.failed(name, str(exc)))
    except EOFError:  # a gzip stream cut short (a download or a copy stopped)
        where = f"{name}:{lineno + 1}"
        errors(Result.failed(where, f"{where}: {TRUNCATED}"))
    except OSError as exc:  # a corrupt gzip stream
        errors(Result.failed(name, f"{name}: cannot read: {exc}"))


#: Why the rest of a gzip stream cut short is not read.
TRUNCATED = "truncated: the gzip stream ends inside this line, which is left out (the records before it are kept)"


def read_chunks(
    sources: Iterable[str], errors: Callable[[Result], None], max_bytes: int = LIMITS["max_bytes"]
) -> Iterator[list[Line | Page]]:
    """The records of every source (:func:`read_items`), in chunks of bounded size."""
    chunk: list[Line | Page] = []
    size = 0
    for item in read_items(sources, errors, max_bytes):
        chunk.append(item)
        size += len(item.data)
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


#: What a JSON value other than a string is called, by the Python type it loads as.
JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    dict: "an object",
    list: "an array",
}


#: Why a record whose ``--meta-key`` field is its own is left out: the metadata would replace it.
OWN_FIELD = (
    "field {key!r} is the record's own, not cleaner's metadata: the metadata would replace it; "
    "give --meta-key a field the records do not have (the default is cleaner)"
)


def is_metadata(value: object) -> bool:
    """Whether a record's field holds cleaner's metadata (a cleaned record's, cleaned again)."""
    return isinstance(value, dict) and "source" in value and "removed" in value


def clean_record(line: Line, pipeline: Pipeline, *, text_key: str, meta_key: str) -> tuple[bytes | None, Result]:
    """One JSONL line in, the cleaned line out (``None`` if it could not be cleaned)."""
    record = parse_record(line.data, line.where)
    if isinstance(record, str):
        return None, Result.failed(line.where, record)
    text = record.get(text_key)
    if not isinstance(text, str):
        what = "missing" if text_key not in record else f"{JSON_TYPES[type(text)]}, not a string"
        return None, Result.failed(line.where, f"{line.where}: field {text_key!r} is {what}")
    if meta_key in record and not is_metadata(record[meta_key]):
        return None, Result.failed(line.where, f"{line.where}: {OWN_FIELD.format(key=meta_key)}")
    url = record.get("url")
    url = url if isinstance(url, str) else None
    ident = record.get("id")
    try:
        kind = input_kind(text, "", pipeline.config.kind)
        # the metadata's source: the record's url, else where it was read ("corpus.jsonl:12")
        source = url or line.where
        doc = pipeline.clean(text, url=url, source=source, id=str(ident) if ident is not None else None, kind=kind)
    except Exception as exc:  # one bad record must not stop the stream
        return None, Result.failed(line.where, f"{line.where}: {type(exc).__name__}: {exc}")
    out = cleaned_line(record, doc, text_key, meta_key)
    return out, Result.cleaned(line.where, doc, len(text), pipeline.extracts(kind))


def clean_item(item: Line | Page, pipeline: Pipeline, *, text_key: str, meta_key: str) -> tuple[bytes | None, Result]:
    """A JSONL line or a WARC page in, its cleaned JSONL line out."""
    clean = clean_page if isinstance(item, Page) else clean_record
    return clean(item, pipeline, text_key=text_key, meta_key=meta_key)  # type: ignore[arg-type]


def _crashed(line: Line | Page) -> tuple[None, Result]:
    """The result of a record that killed the worker process cleaning it."""
    return None, Result.failed(line.where, f"{line.where}: {CRASHED}")


def run(
    sources: list[str],
    dest: str,
    pipeline: Pipeline,
    workers: int,
    *,
    text_key: str = "text",
    meta_key: str = "cleaner",
    on_result: Callable[[Result], None] | None = None,
    client: Any = None,
) -> Totals:
    """Clean the records of ``sources`` into ``dest``, in order; add up the results.

    With a ``distributed.Client`` the records are cleaned on its cluster (this process
    still reads and writes the streams). Raises :class:`NothingCleaned`, ``dest`` left
    as it was, if records failed and none was cleaned.
    """
    totals = Totals()

    def note(result: Result) -> None:
        totals.add(result)
        if on_result:
            on_result(result)

    fn = partial(clean_item, text_key=text_key, meta_key=meta_key)
    written = 0
    with open_output(dest) as out:
        records = read_chunks(sources, note, pipeline.config.max_bytes)
        for chunk in map_chunks(fn, records, pipeline, workers, client, on_crash=_crashed):
            for data, result in chunk:
                if data is not None:
                    out.write(data)
                    written += 1
                note(result)
        if not written and totals.errors and dest != "-":
            raise NothingCleaned(f"{dest} was not written: no record could be cleaned")
    return totals
