"""The ``cleaner`` command line: the app, its commands in the order ``--help`` lists them,
and which path ``cleaner clean`` takes (stdin, files and folders, or JSONL streams).

Each path and command of any size is a module of its own: :mod:`cleaner.clistdin` (a page
on stdin), :mod:`cleaner.clibatch` (files, folders and streams), :mod:`cleaner.clireport`
(``report`` and ``--report``), :mod:`cleaner.cliexplain` (``explain``); the options are
in :mod:`cleaner.clioptions`, errors and refusals in :mod:`cleaner.cliout`, the progress
bar and summary in :mod:`cleaner.report`.
"""

from __future__ import annotations

import itertools
import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from . import __version__, batch
from .check import check_crashed, check_one
from .clibatch import clean_files, clean_jsonl, warn_unmatched
from .cliexplain import explain
from .clihelp import Command
from .clioptions import (
    CommentsOpt,
    ConfigOpt,
    DisableOpt,
    ExcludeOpt,
    ForceOpt,
    IncludeOpt,
    InPlaceOpt,
    JsonlOpt,
    KindOpt,
    MetaKeyOpt,
    OutOpt,
    QuietOpt,
    ReportOpt,
    SchedulerOpt,
    SidecarOpt,
    SourcesArg,
    TextKeyOpt,
    WorkersOpt,
    make_pipeline,
)
from .cliout import err, refuse, report_error
from .clireport import batch_report, report, report_needs_batch
from .clistdin import check_stdin, clean_stdin, require_stdio
from .extraction import EXTRACTION
from .filters import FILTERS
from .folders import iter_inputs
from .parallel import chunked, default_workers, ordered_map
from .report import finish

app = typer.Typer(
    help="Strip boilerplate from scraped text and HTML; keep the article and its metadata.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """cleaner: a pipeline of small filters that turns scraped pages into clean article text."""
    try:  # SIGTERM (a job scheduler, timeout) stops a run as Ctrl-C does: no file left half made
        before = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (an embedding caller's): its own handling stands
        return
    ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, before))  # for a caller that goes on


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@app.command(cls=Command)
def clean(
    sources: SourcesArg,
    out: OutOpt = None,
    in_place: InPlaceOpt = False,
    sidecar: SidecarOpt = True,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    workers: WorkersOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    jsonl: JsonlOpt = None,
    text_key: TextKeyOpt = "text",
    meta_key: MetaKeyOpt = "cleaner",
    scheduler: SchedulerOpt = None,
    report: ReportOpt = None,
    disable: DisableOpt = None,
    config: ConfigOpt = None,
    kind: KindOpt = None,
    comments: CommentsOpt = None,
) -> None:
    """Clean files and folders into --out (or --in-place), JSONL streams into --jsonl, or stdin to stdout.

    For an input a/b.txt found under a folder given as SOURCE, writes OUT/a/b.txt (the
    body) and OUT/a/b.json (metadata, what was removed, and the input's hash: a re-run
    skips inputs unchanged since); with several folders, each one's tree goes under
    OUT/its name. A file that cannot be cleaned is named with the reason; the others
    are cleaned and the exit code is 1.
    """
    mode = _clean_mode(sources, out, in_place, jsonl)
    require_stdio("-" in sources, mode == "stdin" or jsonl == "-")
    keys = (text_key, meta_key) != ("text", "cleaner")
    _options_apply(mode, bool(include or exclude), in_place or sidecar, scheduler is not None, keys)
    if comments == "separate" and mode == "stdin":  # (a configuration's setting is for its batches)
        raise refuse(SEPARATE_ON_STDIN)
    pipeline = make_pipeline(config, disable, kind, comments)
    n_workers = workers or default_workers()
    report_needs_batch(report, jsonl is not None or (out is None and not (in_place and sidecar)))
    if jsonl is not None:
        clean_jsonl(sources, jsonl, pipeline, n_workers, text_key, meta_key, scheduler, not quiet)
    elif mode == "stdin":
        clean_stdin(pipeline, not quiet)
    else:
        options = {"include": include or (), "exclude": exclude or (), "in_place": in_place, "sidecar": sidecar}
        totals, tasks = clean_files(
            [Path(s) for s in sources], out, options, pipeline, n_workers, force, scheduler, not quiet
        )
        batch_report(report, tasks, out, totals, not quiet)
        finish(totals, not quiet)


#: Why ``--comments separate`` is refused on stdin: the comments would be lost without a word.
SEPARATE_ON_STDIN = (
    "--comments separate puts readers' comments in the metadata, which a page cleaned to stdout does not carry: "
    "use --out DIR or --jsonl OUT, or --comments keep (the comments after the article)"
)


def _clean_mode(sources: list[str], out: Path | None, in_place: bool, jsonl: str | None) -> str:
    """What ``cleaner clean`` was asked to do: ``jsonl``, ``stdin`` or ``files``; exit 2 on a
    combination that means nothing."""
    problem = None
    if jsonl is not None:
        if out is not None or in_place:
            problem = "--jsonl writes one stream; it does not go with --out or --in-place"
    elif out == Path("-"):  # (else a folder named "-" would take the bodies)
        problem = "--out takes a folder, not - : to write a page's body to stdout, cleaner clean - < FILE"
    elif sources == ["-"] and out is None and not in_place:
        return "stdin"
    elif sources == ["-"]:
        problem = "- (stdin) is cleaned to stdout: cleaner clean - < FILE > BODY; --out and --in-place take files"
    elif "-" in sources:
        problem = "- (stdin) cannot be mixed with files; use it alone, or with --jsonl"
    elif out is None and not in_place:
        problem = "--out DIR (or --in-place) is required when cleaning files (or give - for stdin)"
    if problem:
        raise refuse(problem)
    return "jsonl" if jsonl is not None else "files"


def _options_apply(mode: str, globs: bool, sidecar_apply: bool, scheduler: bool = False, keys: bool = False) -> None:
    """Exit 2 on an option that would be passed over without a word in this ``mode``."""
    problem = None
    if keys and mode != "jsonl":
        problem = "--text-key and --meta-key name the fields of JSONL records (--jsonl OUT); files and stdin are pages"
    elif scheduler and mode == "stdin":
        problem = "--scheduler sends a folder or a JSONL batch to a Dask cluster; a page on stdin is cleaned here"
    elif globs and mode != "files":
        problem = (
            "--include and --exclude pick the files of folders cleaned into --out or in place; "
            "with --jsonl or stdin, name the streams to clean (a folder's are all read)"
        )
    elif not sidecar_apply:
        problem = "--no-sidecar goes with --in-place; with --out, the metadata is OUT/X.json (a re-run reads it)"
    if problem:
        raise refuse(problem)


app.command(cls=Command)(report)


@app.command(cls=Command)
def check(
    sources: Annotated[list[Path], typer.Argument(metavar="SOURCE", help="Files or folders to check; - for stdin.")],
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    workers: WorkersOpt = None,
    disable: DisableOpt = None,
    config: ConfigOpt = None,
    kind: KindOpt = None,
    comments: CommentsOpt = None,
) -> None:
    """Exit 1, with a line per file, if cleaning would change any of the files.

    Each line names the filters that would fire and what they would remove. Nothing
    is written. For pre-commit and CI.
    """
    pipeline = make_pipeline(config, disable, kind, comments)
    files = [source for source in sources if source != Path("-")]
    paths = _check_paths(files, include or [], exclude or [])
    n_workers = max(1, min(workers or default_workers(), len(paths)))
    dirty = failed = 0
    chunks = ordered_map(
        check_one, chunked(paths, batch.chunk_size(len(paths), n_workers)), pipeline, n_workers, on_crash=check_crashed
    )
    from_stdin = [[check_stdin(pipeline)]] if len(files) < len(sources) else []
    for chunk in itertools.chain(from_stdin, chunks):
        for finding in chunk:
            if finding.error:
                failed += 1
                report_error(finding.message)
            elif finding.dirty:
                dirty += 1
                typer.echo(finding.message)
    if dirty or failed:
        err.print(
            f"{dirty} file(s) would be changed by cleaning" + (f", {failed} could not be read" if failed else "")
        )
        raise typer.Exit(1)
    if paths or from_stdin:  # (as ruff's "All checks passed!": a CI log shows what was checked)
        err.print(f"{len(paths) + len(from_stdin)} file(s) checked; cleaning would change none")


def _check_paths(files: list[Path], include: list[str], exclude: list[str]) -> list[Path]:
    """The files ``check`` reads, each once (as ``clean`` cleans them); a folder given that
    holds none is said (as ``clean`` says it)."""
    paths: dict[Path, Path] = {}
    for source in files:
        found = [p for p, _ in iter_inputs([source], include, exclude)]
        if not found and source.is_dir():
            warn_unmatched(source, include, exclude, "check")
        for path in found:
            paths.setdefault(path.resolve(), path)
    return list(paths.values())


app.command(cls=Command)(explain)


#: How ``cleaner filters`` describes the HTML extraction step, listed before the filters.
EXTRACTION_SUMMARY = (
    "HTML pages only: the article and its metadata, extracted by trafilatura; the markup "
    "and all outside the article go. Disabled, a page is cleaned as text."
)


@app.command()
def filters() -> None:
    """List the steps in the order the pipeline runs them: HTML extraction, then the filters."""
    table = Table(show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("name", style="cyan")
    table.add_column("stage")
    table.add_column("sees")
    table.add_column("what it does")
    table.add_row("", EXTRACTION, "extract", "the page", EXTRACTION_SUMMARY)
    for i, f in enumerate(FILTERS, 1):
        sees = "whole text" if f.stage == "text" else ("near the article" if f.scope == "article" else "all lines")
        table.add_row(str(i), f.name, f.stage, sees, f.summary)
    Console().print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
