"""The documents an HTML report shows: found in a batch's output folder, or given in memory.

A batch leaves, for each input, a metadata file (``OUT/a/b.json``, or in place
``a/b.txt.cleaner.json``) beside its body (``OUT/a/b.txt``, or the input itself).
:func:`batch_sources` finds those pairs; :func:`load` reads one and checks what the
report relies on, raising :class:`ReportInputError` with the file and the problem.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..folders import SIDECAR_SUFFIX
from ..inputs import InputError, cannot_read, read_bytes


class ReportInputError(Exception):
    """A document the report cannot show; the message names its file and the problem."""


@dataclass(frozen=True)
class Source:
    """One document of the report: its name (the body's path relative to the folder),
    and either the files it is read from or its metadata record and body in memory."""

    rel: str
    meta: Path | None = None
    body: Path | None = None
    record: dict[str, Any] | None = None
    text: str | None = None

    @property
    def where(self) -> str:
        """The document, as an error message names it."""
        return str(self.meta or self.rel)


@dataclass(frozen=True)
class Removed:
    """One removal record as the report reads it."""

    filter: str
    text: str
    reason: str
    line: int | None


def batch_sources(folder: Path) -> list[Source]:
    """The documents of a batch's output folder (or of a folder cleaned in place), sorted.

    Hidden files and folders are passed over, as the batch passes them over. A folder
    holding ``*.cleaner.json`` files was cleaned in place: other ``.json`` files there
    are inputs, not metadata.
    """
    if not folder.is_dir():
        raise ReportInputError(f"{folder}: not a folder (give the --out folder of a finished batch)")
    files = sorted(_files(folder))
    in_place = any(name.endswith(SIDECAR_SUFFIX) for name in files)
    sources = []
    for name in files:
        if in_place and name.endswith(SIDECAR_SUFFIX):
            body = name[: -len(SIDECAR_SUFFIX)]
        elif not in_place and name.endswith(".json"):
            body = name[: -len(".json")] + ".txt"
        else:
            continue
        sources.append(Source(body, folder / name, folder / body))
    return sources


def _files(folder: Path) -> Iterator[str]:
    for parent, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith("."):
                yield Path(parent, name).relative_to(folder).as_posix()


def load(source: Source) -> tuple[dict[str, Any], str]:
    """(metadata record, body) of one document, its record checked for what the report reads."""
    if source.record is not None:
        return source.record, source.text or ""
    assert source.meta is not None and source.body is not None
    try:
        record = json.loads(source.meta.read_bytes())
    except OSError as exc:
        raise ReportInputError(cannot_read(source.meta, exc)) from exc
    except ValueError as exc:
        raise ReportInputError(f"{source.meta}: not valid JSON: {exc}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("removed"), list):
        raise ReportInputError(f"{source.meta}: not a cleaner metadata file (no 'removed' list)")
    if not source.body.exists():
        raise ReportInputError(f"{source.meta}: its body {source.body} is missing")
    try:
        body = read_bytes(source.body).decode("utf-8")
    except InputError as exc:
        raise ReportInputError(str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise ReportInputError(f"{source.body}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return record, body.removesuffix("\n")


def removals(record: dict[str, Any], where: str) -> list[Removed]:
    """The record's removals; :class:`ReportInputError` for one that is not a removal record."""
    out = []
    for i, item in enumerate(record.get("removed") or ()):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("filter", "text", "reason")):
            raise _not_a_removal(where, i)
        line = item.get("line")
        out.append(Removed(item["filter"], item["text"], item["reason"], line if _is_line(line) else None))
    return out


def removed_counts(record: dict[str, Any], where: str) -> dict[str, list[int]]:
    """[pieces, characters] removed by each filter: what the first pass needs of every
    document, counted without building a :class:`Removed` for each record (a tenth of the time)."""
    counts: dict[str, list[int]] = {}
    for i, item in enumerate(record.get("removed") or ()):
        try:
            name, text, reason = item["filter"], item["text"], item["reason"]
        except (TypeError, KeyError):
            raise _not_a_removal(where, i) from None
        if type(name) is not str or type(text) is not str or type(reason) is not str:
            raise _not_a_removal(where, i)
        entry = counts.get(name)
        if entry is None:
            counts[name] = [1, len(text)]
        else:
            entry[0] += 1
            entry[1] += len(text)
    return counts


def _not_a_removal(where: str, i: int) -> ReportInputError:
    return ReportInputError(f"{where}: removed[{i}] is not a removal record (filter, text, reason)")


def _is_line(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
