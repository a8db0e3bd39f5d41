"""``cleaner explain``: what each filter would remove from each file, and why, shown as
tables (and as the HTML report with --html); nothing is written beside the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .clibatch import warn_unmatched
from .clioptions import CommentsOpt, ConfigOpt, DisableOpt, KindOpt, html_option, make_pipeline
from .cliout import report_error
from .clireport import write_html
from .clistdin import STDIN, stdin_bytes
from .document import Document
from .folders import iter_inputs
from .htmlreport import Source
from .inputs import InputError, as_input, read_input
from .jsonl import STREAM, is_stream
from .pipeline import Pipeline
from .plan import config_record
from .results import metadata_record, report_fields


def explain(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Files or folders to explain; - for stdin.")],
    html: Annotated[Path | None, html_option("--html", "what each filter would remove, in each file,")] = None,
    disable: DisableOpt = None,
    config: ConfigOpt = None,
    kind: KindOpt = None,
    comments: CommentsOpt = None,
) -> None:
    """Show what each filter would remove from each file, and the metadata found.

    A folder stands for its files, read as check reads them.

    Exits 1 if a file cannot be read or cleaned (the others are still shown).
    """
    pipeline = make_pipeline(config, disable, kind, comments)
    console = Console()
    failed = 0
    pages: list[Source] = []
    for path in _files_of(files):
        try:
            if path == Path("-"):
                path = STDIN
                content, what = as_input(stdin_bytes(pipeline), path, pipeline.config.kind)
            elif is_stream(path):  # (as check and a batch name it: its records are not one page)
                raise InputError(f"{path}: {STREAM}")
            else:
                content, what = read_input(path, pipeline.config.kind, pipeline.config.max_bytes)
            doc = pipeline.clean(content, source=str(path), kind=what)
        except InputError as exc:
            report_error(str(exc))
            failed += 1
            continue
        pages.append(_page(path, doc, what, len(content), pipeline))
        console.print(_explanation(path, doc))
        meta = ", ".join(f"{k}={v!r}" for k, v in doc.metadata.items() if v)
        console.print(Text.assemble(("metadata:", "bold"), " ", meta, "\n"))
    if html is not None:
        write_html(pages, html, origin=" ".join(map(str, files)))
    if failed:
        raise typer.Exit(1)


def _files_of(sources: list[Path]) -> list[Path]:
    """The files ``explain`` reads: those named, and those in the folders named, walked as
    ``check`` and ``clean`` walk them; a folder holding none is said."""
    paths: list[Path] = []
    for source in sources:
        found = [path for path, _ in iter_inputs([source])]
        if not found and source.is_dir():
            warn_unmatched(source, (), (), "explain")
        paths.extend(found)
    return paths


def _page(path: Path, doc: Document, kind: str, chars_in: int, pipeline: Pipeline) -> Source:
    """One explained file, as the HTML report reads a batch's document."""
    record = metadata_record(doc, **report_fields(doc, kind, chars_in, config_record(pipeline)))
    return Source(str(path), record=record, text=doc.text)


def _explanation(path: Path, doc: Document) -> Table:
    """What was removed from ``doc``, as a table; all text is shown as it is (never as markup)."""
    table = Table(title=Text(str(path)), show_lines=False, expand=True)
    table.add_column("filter", style="cyan", no_wrap=True)
    table.add_column("removed", overflow="fold")
    table.add_column("why", style="dim")
    for r in doc.removed:
        shown = r.text if len(r.text) < 160 else r.text[:157] + "..."
        table.add_row(Text(r.filter), Text(shown), Text(r.reason))
    return table
