"""A page on stdin (``-``), for clean (to stdout), check and explain.

Read whole, gzip decompressed, no larger than a page may be; a terminal on stdin is
told how to pipe a page in rather than left waiting in silence.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.markup import escape

from .check import Finding, check_one
from .cliout import err, refuse, report_error
from .inputs import InputError, as_input, read_stream
from .pipeline import Pipeline
from .prepare import NOTHING_KEPT, why_empty
from .results import body_bytes

#: How a page read from stdin is named (``-`` among the files of check and explain).
STDIN = Path("<stdin>")


def stdin_bytes(pipeline: Pipeline) -> bytes:
    """The page on stdin (gzip decompressed), for clean, check and explain; an error if too large."""
    if sys.stdin is None:  # (closed: ``<&-``, a daemon's)
        raise InputError(f"{STDIN}: cannot read: standard input is closed")
    waiting("a page")
    return read_stream(sys.stdin.buffer, str(STDIN), pipeline.config.max_bytes)


def clean_stdin(pipeline: Pipeline, show: bool = True) -> None:
    """Standard input (text or HTML, plain or gzip) to standard output; a page cleaned to
    nothing is said on stderr (unless quiet), as a batch's summary counts it."""
    try:
        content, what = as_input(stdin_bytes(pipeline), STDIN, pipeline.config.kind)
        doc = pipeline.clean(content, source="-", kind=what)
    except InputError as exc:
        report_error(str(exc))
        raise typer.Exit(1) from exc
    if show and not doc.text and doc.removed:  # as a batch counts it: cleaned (exit 0), but said
        err.print(f"note: {STDIN}: {NOTHING_KEPT} ({escape(why_empty(doc))})", soft_wrap=True)
    sys.stdout.flush()
    sys.stdout.buffer.write(body_bytes(doc))  # UTF-8, as a body file is, whatever stdout's codec


def check_stdin(pipeline: Pipeline) -> Finding:
    try:
        return check_one(STDIN, pipeline, stdin_bytes(pipeline))
    except InputError as exc:
        return Finding(str(STDIN), False, str(exc), error=True)


def require_stdio(reads: bool, writes: bool) -> None:
    """Exit 2 when ``-`` would read a closed standard input (``<&-``) or the output would go to a
    closed standard output (``>&-``): Python has no stream for either, and a traceback would follow."""
    if reads and sys.stdin is None:
        raise refuse("- reads standard input, which is closed: pipe the page or records in, or name files")
    if writes and sys.stdout is None:
        raise refuse("the output goes to standard output, which is closed: redirect it to a file")


def waiting(what: str) -> None:
    """Say so when ``-`` reads a terminal: with nothing piped in, a silent wait looks like a hang."""
    if sys.stdin.isatty():
        err.print(
            f"reading {what} from the terminal until Ctrl-D; to clean a file, pipe it in: cleaner clean - < FILE",
            soft_wrap=True,
        )
