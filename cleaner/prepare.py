"""Reading and cleaning one task of a batch: its outputs' bytes, or its final result.

:func:`prepare` reads an input (or settles it: up to date, unreadable), and
:func:`clean_prepared` cleans it into the files to write, touching none; a batch on a
Dask cluster reads here and cleans on the workers (:func:`cleaner.batch.run`).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document
from .inputs import DEFAULT_MAX_BYTES, InputError, input_kind, is_gzip_name, read_bytes
from .lastrun import FOREIGN, foreign, last_run, sha256, up_to_date
from .pipeline import Pipeline
from .plan import Task, config_record
from .results import Result, Sidecar, body_bytes, report_fields


@dataclass
class Cleaned:
    """One input cleaned but not written yet: its result and the files to write.

    ``writes`` holds (path, bytes or the metadata file, whether the path is the input
    itself) in order; ``read``, the length and hash of an input rewritten in place as it
    was read (it is not replaced if it has changed since).
    """

    result: Result
    writes: list[tuple[Path, bytes | Sidecar, bool]] = field(default_factory=list)
    read: tuple[int, str] | None = None


def _failure(task: Task, exc: Exception) -> Result:
    if isinstance(exc, InputError):
        return Result.failed(task.path, str(exc))
    return Result.failed(task.path, f"{task.path}: {type(exc).__name__}: {exc}")


def prepare(task: Task, force: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Task, bytes, str] | Result:
    """Read one input: (task, its bytes, their hash), or its final result (skipped, failed)."""
    try:
        raw = read_bytes(task.path, max_bytes)
        digest, last = sha256(raw), last_run(task)
        theirs = foreign(task, last)
        if theirs:
            return Result.failed(task.path, f"{task.path}: {theirs} {FOREIGN}")
        if not force and up_to_date(task, last, digest):
            return Result(str(task.path), "skipped")
        return task, raw, digest
    except Exception as exc:  # one bad document must not stop the batch
        return _failure(task, exc)


#: Why an HTML input is not cleaned in place.
HTML_IN_PLACE = "HTML is not cleaned in place (the page would be replaced by its text, for good); use --out DIR"


class InputSize:
    """The length of an input's decoded text, and whether it is blank (white space or
    nothing), told by :meth:`Pipeline.clean` as it decodes the input."""

    def __init__(self) -> None:
        self.chars = 0
        self.blank = True

    def __call__(self, text: str) -> None:
        self.chars, self.blank = len(text), not text or text.isspace()


def clean_prepared(item: tuple[Task, bytes, str] | Result, pipeline: Pipeline) -> Cleaned | Result:
    """Clean an input read by :func:`prepare` into the bytes to write; touches no file.

    A :class:`Result` (an input already settled) passes through unchanged.
    """
    if isinstance(item, Result):
        return item
    task, raw, digest = item
    try:
        kind = input_kind(raw, task.path, pipeline.config.kind)
        if task.in_place and "html" in (kind, input_kind(raw, task.path)):  # even forced to text
            return Result.failed(task.path, f"{task.path}: {HTML_IN_PLACE}")
        # cleaned from its bytes, measured as the pipeline decodes them: a page's text is
        # decoded once and held once while it is cleaned (the pipeline lets its copy go)
        size = InputSize()
        doc = pipeline.clean(raw, source=str(task.path), kind=kind, decoded=size)
        result = Result.cleaned(task.path, doc, size.chars, pipeline.extracts(kind))
        body = body_bytes(doc)
        report = report_fields(doc, kind, size.chars, config_record(pipeline))
        if not task.in_place:
            return _with_metadata(Cleaned(result, [(task.body, body, False)]), task, doc, digest, report)
        if body == raw:  # already clean: leave the file (and its mtime) alone
            result.status = "unchanged"
            return _with_metadata(Cleaned(result), task, doc, digest, report)
        if not doc.text and not size.blank:
            return Result.failed(task.path, f"{task.path}: {NOTHING_KEPT} ({why_empty(doc)}); left as it is")
        # the sidecar records the content a re-run will read: the text, not its gzip
        written = gzip.compress(body, mtime=0) if is_gzip_name(task.path) else body
        rewrite = Cleaned(result, [(task.path, written, True)], read=(len(raw), digest))
        return _with_metadata(rewrite, task, doc, sha256(body), report)
    except Exception as exc:  # one bad document must not stop the batch
        return _failure(task, exc)


#: Why an input is left as it is in place: cleaning would empty it.
NOTHING_KEPT = "cleaning keeps nothing of it"


def why_empty(doc: Document) -> str:
    """What took the last of a document's text, for the message that says it is kept."""
    last = doc.removed[-1] if doc.removed else None
    return f"{last.filter}: {last.reason}" if last else "no text left"


def _with_metadata(cleaned: Cleaned, task: Task, doc: Document, digest: str, report: dict[str, Any]) -> Cleaned:
    """``cleaned`` with the metadata file added to its writes (unless the task has none);
    ``report``: what the HTML report needs (:func:`cleaner.results.report_fields`)."""
    if task.meta is not None:
        sidecar = Sidecar(doc, {**report, "input_sha256": digest, "config_sha256": task.config_sha256})
        # with --out, before the body: a body without it is no run's (see lastrun.foreign)
        at = len(cleaned.writes) if task.in_place else 0
        cleaned.writes.insert(at, (task.meta, sidecar, False))
    return cleaned
