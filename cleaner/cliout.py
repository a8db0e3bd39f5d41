"""What the command line says on stderr when a command cannot do as asked.

Every command writes its notes, errors and summaries to :data:`err`, never to stdout
(which holds a page's body, or a JSONL stream); an error is named in one line, and a
command that cannot go on as given exits with status 2.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)


def report_error(message: str) -> None:
    err.print("[red]error:[/red]", escape(message), soft_wrap=True)


def refuse(message: str) -> typer.Exit:
    """:func:`report_error`, and the exit (status 2) to raise: the command cannot go on as given."""
    report_error(message)
    return typer.Exit(2)
