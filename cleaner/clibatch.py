"""``cleaner clean`` on many inputs: files and folders into --out or in place, or JSONL
streams into --jsonl, here or on a Dask cluster (--scheduler), with a progress bar,
a summary, and a word on Ctrl-C about what was done and how to resume.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from . import batch
from .cliout import err, refuse, report_error
from .clistdin import waiting
from .jsonl import NothingCleaned, StreamError, check_run
from .jsonl import run as jsonl_run
from .pipeline import Pipeline
from .plan import BatchError, Task, plan
from .report import finish, interrupted, progress, reporting
from .results import Totals


def clean_jsonl(
    sources: list[str],
    dest: str,
    pipeline: Pipeline,
    workers: int,
    text_key: str,
    meta_key: str,
    scheduler: str | None,
    show: bool,
) -> None:
    try:
        check_run(sources, dest, text_key, meta_key)
    except StreamError as exc:
        raise refuse(str(exc)) from exc
    if "-" in sources:
        waiting("JSONL records")
    totals = Totals()
    try:
        with cluster(scheduler) as client, progress(err, None, "records", show and err.is_terminal) as advance:
            jsonl_run(
                sources,
                dest,
                pipeline,
                workers,
                text_key=text_key,
                meta_key=meta_key,
                on_result=reporting(advance, totals),
                client=client,
            )
    except OSError as exc:  # the output cannot be written
        if dest == "-" and isinstance(exc, BrokenPipeError):  # the reader stopped (`| head`): quietly,
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # as a pipe's writer does
            raise typer.Exit(141) from None
        raise refuse(f"{dest}: cannot write: {exc.strerror or exc}") from exc
    except NothingCleaned as exc:
        report_error(str(exc))
    except KeyboardInterrupt:
        kept = "what was written so far is on stdout" if dest == "-" else f"{dest} was not written"
        interrupted(totals, show, f"{kept}; run the command again to clean the stream", noun="record")
    if not (totals.documents or totals.errors or totals.ignored):
        warn_no_record(sources, dest)
    finish(totals, show, "record")


def warn_no_record(sources: list[str], dest: str) -> None:
    """Say that the streams given held no record (an empty file, blank lines only): the
    output is empty, which a typo'd path or a failed download upstream would otherwise
    give without a word, exit 0."""
    names = ", ".join("<stdin>" if s == "-" else s for s in sources)
    written = "nothing written to stdout" if dest == "-" else f"{dest} is empty"
    err.print(escape(f"warning: no record in {names}; {written}"), soft_wrap=True)


def clean_files(
    sources: list[Path],
    out: Path | None,
    options: dict[str, Any],
    pipeline: Pipeline,
    workers: int,
    force: bool,
    scheduler: str | None,
    show: bool,
) -> tuple[Totals, list[Task]]:
    """A batch of files and folders into ``out`` or in place (``options``: see :func:`~cleaner.plan.plan`):
    its totals and tasks."""
    unmatched: list[Path] = []
    try:
        tasks, problems = plan(sources, pipeline, out, unmatched=unmatched, **options)
    except BatchError as exc:
        raise refuse(str(exc)) from exc
    for folder in unmatched:
        if folder.is_dir():
            warn_unmatched(folder, options["include"], options["exclude"], "clean")
    if out is not None and tasks:
        try:  # (else every input would be named with the same error)
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise refuse(f"--out {out}: cannot make the folder: {exc.strerror or exc}") from exc
    totals = Totals()
    with progress(err, len(tasks) + len(problems), "cleaning", show and err.is_terminal) as advance:
        on_result = reporting(advance, totals)
        for problem in problems:
            on_result(problem)
        try:
            with cluster(scheduler) as client:
                totals.stopped = batch.run(
                    tasks, pipeline, workers, force=force, on_result=on_result, client=client
                ).stopped
        except KeyboardInterrupt:
            unreported = batch.finished(tasks[totals.documents - len(problems) :], workers, pipeline.config.max_bytes)
            then = "run the same command again to resume: files already cleaned are skipped"
            interrupted(totals, show, then, unreported)
    return totals, tasks


def warn_unmatched(folder: Path, include: Iterable[str], exclude: Iterable[str], verb: str) -> None:
    """Say that a folder given holds no file to ``verb``: a typo in its path or a glob would
    otherwise pass without a word, exit 0."""
    globs = " ".join([f"--include {g!r}" for g in include] + [f"--exclude {g!r}" for g in exclude])
    said = f"passes {globs}; nothing there to {verb}" if globs else f"to {verb} ({PASSED_OVER})"
    err.print(escape(f"warning: no file in {folder} {said}"), soft_wrap=True)


#: What a folder's walk passes over (:func:`cleaner.folders.iter_inputs`).
PASSED_OVER = "hidden files and cleaner's own outputs are passed over"


@contextmanager
def cluster(address: str | None) -> Iterator[Any]:
    """A ``distributed.Client`` for ``--scheduler ADDRESS`` (closed after), or ``None``."""
    if not address:
        yield None
        return
    from .dask import connect  # imports dask itself only when called

    try:
        client = connect(address)
    except (OSError, ValueError, ImportError) as exc:
        raise refuse(
            f"--scheduler needs Dask: pip install 'cleaner[dask]' ({exc})"
            if isinstance(exc, ImportError)
            else str(exc)
        ) from exc
    with client:
        yield client
