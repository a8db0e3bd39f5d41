"""Putting the removed pieces of a document back among its kept paragraphs, in input order.

The metadata file says where each piece stood: ``removed[].line`` for a removal and
``body_lines`` for the paragraphs of the body (see :func:`cleaner.results.report_fields`).
Sorted by line they give the input again, as the block filters saw it (lines trimmed,
spaces squeezed): a :class:`Run` of kept text, or of removed lines that one filter took
for one reason. The markup filter's records (the tags it stripped from a line) stand
at the start of their line, which keeps its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..filters import BY_NAME
from .collect import Removed

#: A removed piece longer than this shows its start only (the metadata file has it all).
SHOWN_CHARS = 3000


@dataclass(slots=True)
class Run:
    """Text of the original view: kept (``filter`` None), or removed by ``filter``."""

    text: str
    filter: str | None = None
    reason: str = ""
    inline: bool = False  # tags stripped from a line: they stand in it
    hidden_chars: int = 0  # characters of the piece not shown (past SHOWN_CHARS)
    pieces: int = 1


@dataclass
class Layout:
    """The original view of one document: runs in input order, and what could not be placed."""

    runs: list[Run] = field(default_factory=list)
    unplaced: list[Removed] = field(default_factory=list)
    placed: bool = True  # False: the body's paragraphs could not be placed (no body_lines)


def _text_stage(name: str) -> bool:
    known = BY_NAME.get(name)
    return known is not None and known.stage == "text"


def layout(body: str, body_lines: object, removed: list[Removed]) -> Layout:
    """The runs of the original view: kept paragraphs and removed pieces, by input line."""
    paragraphs = body.split("\n\n") if body else []
    result = Layout()
    if not (isinstance(body_lines, list) and len(body_lines) == len(paragraphs)):
        # an older metadata file, or a body edited since: the body cannot be placed
        result.placed = not paragraphs
        body_lines = []
        if paragraphs:
            result.runs.append(Run("\n\n".join(paragraphs)))
    # (line, 0 for what stands at the start of a line, position): kept text first on a line
    items: list[tuple[int, int, int, Run]] = []
    for i, (line, text) in enumerate(zip(body_lines, paragraphs, strict=False)):
        items.append((line if isinstance(line, int) else 0, 1, i, Run(text)))
    for i, r in enumerate(removed):
        if r.line is None or not result.placed:
            result.unplaced.append(r)
            continue
        inline = _text_stage(r.filter)
        shown = r.text if len(r.text) <= SHOWN_CHARS else r.text[:SHOWN_CHARS]
        run = Run(shown, r.filter, r.reason, inline, len(r.text) - len(shown))
        items.append((r.line, 0 if inline else 2, len(paragraphs) + i, run))
    items.sort(key=lambda item: item[:3])
    result.runs.extend(_joined(items))
    return result


def _joined(items: list[tuple[int, int, int, Run]]) -> list[Run]:
    """The runs with the line breaks between them; a filter's removed lines that follow
    each other (no blank line between) with one reason become one run."""
    runs: list[Run] = []
    previous: int | None = None
    for line, _, _, run in items:
        gap = "" if previous is None else (" " if line == previous else "\n" if line == previous + 1 else "\n\n")
        previous = line
        last = runs[-1] if runs else None
        if (
            last is not None
            and run.filter is not None
            and not run.inline
            and gap == "\n"  # a blank line inside a run would show as a sliver of colour
            and (last.filter, last.reason, last.inline, last.hidden_chars) == (run.filter, run.reason, False, 0)
        ):
            last.text += gap + run.text
            last.pieces += 1
            last.hidden_chars = run.hidden_chars
            continue
        if gap:
            if last is not None and last.filter is None:
                last.text += gap
            else:
                runs.append(Run(gap))
        if run.filter is None and runs and runs[-1].filter is None:
            runs[-1].text += run.text
        else:
            runs.append(run)
    return runs
