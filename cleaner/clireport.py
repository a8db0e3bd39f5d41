"""The HTML report: ``cleaner report`` of a finished batch, and ``--report`` of the
batch ``cleaner clean`` runs (``cleaner explain --html`` writes one too).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from .clioptions import html_option
from .cliout import err, refuse, report_error
from .htmlreport import (
    DEFAULT_FULL,
    ReportError,
    ReportInputError,
    Source,
    batch_sources,
    plural,
    write_report,
)
from .plan import Task
from .results import Totals


def report_needs_batch(report: Path | None, no_batch: bool) -> None:
    if report is not None and no_batch:
        raise refuse("--report shows a batch's metadata files: it needs --out DIR, or --in-place with sidecars")


def batch_report(report: Path | None, tasks: list[Task], out: Path | None, totals: Totals, show: bool = True) -> None:
    """The HTML report of this batch's documents (those skipped as unchanged too); ``show``:
    say where it was written (not with --quiet)."""
    if report is None:
        return
    sources = [
        Source(task.body.relative_to(out).as_posix() if out else str(task.path), task.meta, task.body)
        for task in tasks
        if task.meta is not None
    ]
    write_html(sources, report, errors=totals.errors, origin=str(out or "in place"), echo=False, say=show)


def write_html(
    sources: list[Source],
    path: Path,
    *,
    errors: Sequence[str] = (),
    echo: bool = True,
    say: bool = True,
    **options: Any,
) -> int:
    """Write an HTML report; name the documents it could not read (``echo``) and where it
    was written (``say``). Returns how many it could not read."""
    try:
        written = write_report(sources, path, errors=errors, **options)
    except (ReportError, OSError) as exc:
        raise refuse(
            f"{path}: cannot write the report: {exc.strerror}" if isinstance(exc, OSError) else str(exc)
        ) from exc
    unread = written.errors[len(errors) :]
    if echo:
        for message in unread:
            report_error(message)
    if say:
        written_to = f"wrote {escape(str(path))}: {plural(written.documents, 'document')}, {written.full:,} in full"
        err.print(written_to, soft_wrap=True)
    return len(unread)


def report(
    folder: Annotated[
        Path,
        typer.Argument(metavar="FOLDER", help="The --out folder of a finished batch (or a folder cleaned in place)."),
    ],
    html: Annotated[Path, html_option("--html", "what the batch removed from each document")],
    full: Annotated[
        int,
        typer.Option(
            "--full",
            min=0,
            metavar="N",
            help="Documents shown in full: half those that lost the largest share, half drawn at random; "
            "the others are rows of the table.",
        ),
    ] = DEFAULT_FULL,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the random half of --full.")] = 0,
) -> None:
    """Write an HTML report of a finished batch: what each filter removed from each document, and why.

    Reads the metadata files (.json) and bodies (.txt) a batch wrote. A file that cannot
    be read is named with the reason; the others are shown, and the exit code is 1.
    """
    try:
        sources = batch_sources(folder)
    except ReportInputError as exc:
        raise refuse(str(exc)) from exc
    if not sources:
        raise refuse(f"{folder}: no metadata files of a batch in it (OUT/*.json, or FILE.cleaner.json in place)")
    if write_html(sources, html, full=full, seed=seed, origin=str(folder)):
        raise typer.Exit(1)
