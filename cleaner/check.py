"""``cleaner check``: which files cleaning would change, by which filters, removing what.

A file is clean when cleaning it gives back exactly its bytes. For a file that is not,
the filters that would fire are those that record removals, plus those that rewrite
text without removing any (such as ``glued``), found by cleaning once more with each
of them switched off and seeing whether the result differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .document import Document
from .extraction import EXTRACTION
from .filters import FILTERS
from .inputs import InputError, as_input, read_bytes
from .jsonl import STREAM, is_stream
from .parallel import CRASHED
from .pipeline import Pipeline
from .results import body_bytes

PREVIEW = 40


@dataclass
class Finding:
    path: str
    dirty: bool
    message: str = ""  # what would change, or the error
    error: bool = False


@lru_cache(maxsize=64)
def _without(pipeline: Pipeline, name: str) -> Pipeline:
    return Pipeline(pipeline.config.with_overrides(disable=[name]))


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…")


def check_crashed(path: Path) -> Finding:
    """The finding for a file that killed the worker process checking it."""
    return Finding(str(path), False, f"{path}: {CRASHED}", error=True)


def check_one(path: Path, pipeline: Pipeline, raw: bytes | None = None) -> Finding:
    """Whether cleaning would change the file ``path`` (or ``raw``, its bytes read already)."""
    if is_stream(path):
        return Finding(str(path), False, f"{path}: {STREAM}", error=True)
    try:
        raw = read_bytes(path, pipeline.config.max_bytes) if raw is None else raw
        text, kind = as_input(raw, path, pipeline.config.kind)
        doc = pipeline.clean(text, source=str(path), kind=kind)
    except InputError as exc:
        return Finding(str(path), False, str(exc), error=True)
    except Exception as exc:
        return Finding(str(path), False, f"{path}: {type(exc).__name__}: {exc}", error=True)
    if body_bytes(doc) == raw:
        return Finding(str(path), False)
    changes = _changes(doc, text, kind, path, pipeline) or [_layout(raw, text, doc)]
    return Finding(str(path), True, f"{path}: " + "; ".join(changes))


def _layout(raw: bytes, text: str, doc: Document) -> str:
    """What changes in a file no filter changes: its bytes only (encoding, a byte-order
    mark), or the layout of its text."""
    if body_bytes(doc) != text.encode("utf-8"):
        return "layout (spacing, blank lines, line endings)"
    if raw.startswith(b"\xef\xbb\xbf"):
        return "a byte-order mark (the text itself is clean; it would be written without the mark)"
    return "encoding (the text itself is clean; it would be written in UTF-8)"


def _changes(doc: Document, text: str, kind: str, path: Path, pipeline: Pipeline) -> list[str]:
    """What cleaning ``text`` into ``doc`` changes, step by step."""
    parts: list[str] = []
    if kind == "html" and EXTRACTION not in pipeline.config.disable:
        parts.append(
            f"{EXTRACTION} extracts the article: {len(doc.text):,} of the page's {len(text):,} characters kept "
            "(markup and text outside the article go)"
        )
    removers: dict[str, list[str]] = {}
    for r in doc.removed:
        if r.filter != EXTRACTION:
            removers.setdefault(r.filter, []).append(r.text)
    for name, texts in removers.items():
        chars = sum(len(t) for t in texts)
        shown = ", ".join(_preview(t) for t in texts[:2]) + (", ..." if len(texts) > 2 else "")
        parts.append(f"{name} removes {len(texts)} ({chars} chars: {shown})")
    for f in FILTERS:
        if f.name in removers or f.name in pipeline.config.disable:
            continue
        if _without(pipeline, f.name).clean(text, source=str(path), kind=kind).text != doc.text:
            parts.append(f"{f.name} rewrites ({f.summary.rstrip('.')})")
    return parts
