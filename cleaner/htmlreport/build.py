"""Writing the report: one HTML file, its CSS and JS inline, that loads nothing.

Two passes over the documents: the first reads every metadata file for the counts
(the overview, the table, which documents to show in full), the second reads again
only the documents shown in full, as the page is written, so memory holds one of
them at a time.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from .. import __version__
from ..atomic import atomic_open, new_file_mode
from ..folders import REPORT_GENERATOR, REPORT_HEAD
from ..inputs import cannot_read
from .collect import ReportInputError, Source, load, removals, removed_counts
from .layout import Layout, Run, layout
from .summary import DEFAULT_FULL, Row, choose_full, make_row, overview

#: The colours in report.css (--c0 ... --c23).
PALETTE = 24
#: Keys of a metadata file that the sidebar does not list (shown otherwise, or bookkeeping).
NOT_SHOWN = {"removed", "body_lines", "config", "kind", "chars_in"}


class ReportError(Exception):
    """The report cannot be written at all (its path); the message says why."""


@dataclass
class Written:
    """What was written: for the command's closing line."""

    path: Path
    documents: int
    full: int
    errors: list[str] = field(default_factory=list)


def check_target(path: Path) -> None:
    """Refuse a path the report would clobber: a folder, or a file that is no cleaner report."""
    if path.is_dir():
        raise ReportError(f"{path}: is a folder; name the HTML file to write")
    if path.exists():
        try:
            with open(path, "rb") as fh:
                head = fh.read(REPORT_HEAD)
        except OSError as exc:
            raise ReportError(cannot_read(path, exc)) from exc
        if REPORT_GENERATOR not in head:
            raise ReportError(
                f"{path}: exists and is not a cleaner report; not overwritten (remove it or name another)"
            )


def write_report(
    sources: Iterable[Source],
    path: Path,
    *,
    errors: Iterable[str] = (),
    full: int = DEFAULT_FULL,
    seed: int = 0,
    origin: str = "",
) -> Written:
    """Write the report of ``sources`` to ``path`` (atomically); ``errors`` are the batch's.

    A document that cannot be read is named among the errors, and the others are shown.
    """
    check_target(path)
    errors = list(errors)
    rows = []
    for source in sources:
        try:
            record, body = load(source)
            rows.append(make_row(source, record, body, removed_counts(record, source.where)))
        except ReportInputError as exc:
            errors.append(str(exc))
    chosen, note = choose_full(rows, full, seed)
    summary = overview(rows)
    context: dict[str, Any] = {
        "title": "cleaner report",
        "origin": origin,
        "version": __version__,
        "generated": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "overview": summary,
        "rows_json": _rows_json(rows),
        "chosen_note": note,
        "docs": _documents(chosen),
        "errors": errors,
        "colour": {f.name: f.colour for f in summary.filters},
        "palette": PALETTE,
    }
    _render(context, path)
    return Written(path, len(rows), len(chosen), errors)


def _render(context: dict[str, Any], path: Path) -> None:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # only when a report is written
    from markupsafe import Markup

    assets = resources.files(__package__) / "assets"
    css = (assets / "report.css").read_text(encoding="utf-8")
    js = (assets / "report.js").read_text(encoding="utf-8")
    env = Environment(
        loader=PackageLoader(__package__, "assets"), autoescape=True, undefined=StrictUndefined, auto_reload=False
    )
    env.globals.update(pct=_pct, width=_width, logwidth=_log_width, options=_options, plural=plural)
    template = env.get_template("report.html.j2")
    digest = base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
    context.update(css=Markup(css), js=Markup(js), script_hash=f"sha256-{digest}")
    with atomic_open(path, new_file_mode()) as raw:
        # (errors: a name that is not UTF-8 holds surrogates; shown with a "?" in their place)
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n", write_through=False)
        text.writelines(template.generate(context))
        text.flush()
        text.detach()


def _rows_json(rows: list[Row]) -> Any:
    """The table's rows as JSON for the page's script, by share removed; safe inside a
    <script> element (no "<", so no "</script>" or "<!--")."""
    from markupsafe import Markup

    rows = sorted(rows, key=lambda r: (-r.share, -r.removed_chars, r.source.rel))
    data = [
        [
            r.source.rel,
            r.id if r.full else "",
            r.title,
            r.language,
            r.kind,
            r.kept,
            r.removed_chars,
            round(r.share, 4),
            r.pieces,
            r.top_filter,
        ]
        for r in rows
    ]
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


@dataclass
class DocView:
    """A document shown in full, as its section needs it."""

    row: Row
    number: int
    layout: Layout
    paragraphs: list[str]
    meta: list[tuple[str, str]]
    filters: list[tuple[str, list[int]]]
    notes: list[str]
    prev: Row | None = None
    next: Row | None = None

    @property
    def first_kept(self) -> Run | None:
        return next((run for run in self.layout.runs if run.filter is None and run.text.strip()), None)


def _documents(chosen: list[Row]) -> Iterator[DocView]:
    """The sections, read again one at a time as the page is written."""
    for i, row in enumerate(chosen):
        around = {"prev": chosen[i - 1] if i else None, "next": chosen[i + 1] if i + 1 < len(chosen) else None}
        try:
            record, body = load(row.source)
            removed = removals(record, row.source.where)
        except ReportInputError as exc:  # changed since the first pass
            yield DocView(row, i, Layout(), [], [], [], [str(exc)], **around)
            continue
        view = layout(body, record.get("body_lines"), removed)
        filters = sorted(row.removed.items(), key=lambda kv: -kv[1][1])
        yield DocView(
            row, i, view, body.split("\n\n") if body else [], _meta(record), filters, _notes(row, view), **around
        )


def _meta(record: dict[str, Any]) -> list[tuple[str, str]]:
    items = []
    for key, value in record.items():
        if key in NOT_SHOWN or value is None or value == [] or value == "":
            continue
        if key.endswith("_sha256") and isinstance(value, str):
            value = value[:12]
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        elif not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False)
        items.append((key, value))
    return items


def _notes(row: Row, view: Layout) -> list[str]:
    notes = []
    if row.kind == "html":
        size = f" ({row.chars_in:,} bytes)" if row.chars_in else ""
        notes.append(
            f"An HTML page{size}. The original text below is the text the extractor (trafilatura) took from it, "
            "with what cleaner's filters then removed highlighted; what the extraction dropped first (markup, "
            "scripts, and the parts of the page outside the article it found) is not shown."
        )
    if not view.placed:
        notes.append(
            "The metadata file does not say where the body's paragraphs stood (written by an older cleaner, "
            "or the body was edited since): the body is shown whole, the removals after it."
        )
    return notes


def _pct(part: int, whole: int) -> str:
    if not whole or not part:
        return "0%"
    share = 100 * part / whole
    return "<0.1%" if share < 0.1 else f"{share:.1f}%"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _width(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f}%" if whole else "0%"


def _log_width(part: int, most: int) -> str:
    """A bar's width on a log scale: one filter (the main-content stage, on flattened
    pages) removes most characters, and the others' bars would not show."""
    return f"{100 * math.log1p(part) / math.log1p(most):.2f}%" if most else "0%"


def _options(filters: Any) -> str:
    return json.dumps(filters, ensure_ascii=False, sort_keys=True) if filters else "defaults"
