"""What a batch shows a person: a progress bar on a terminal, a summary table at the end,
and the exit status it ends with (1 if an input failed, 130 after Ctrl-C)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .cliout import err, report_error
from .results import Result, Totals


@contextmanager
def progress(console: Console, total: int | None, label: str, enabled: bool) -> Iterator[Callable[[Result], None]]:
    """A callback to call once per result; draws a bar only when ``enabled``.

    The bar is redrawn from the callback (no refresh thread), at most ten times a second.
    """
    if not enabled:
        yield lambda result: None
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    columns += [TimeElapsedColumn(), TimeRemainingColumn()] if total else [TimeElapsedColumn()]
    bar = Progress(*columns, console=console, auto_refresh=False, transient=True)
    task = bar.add_task(label, total=total)
    last = 0.0

    def advance(result: Result) -> None:
        nonlocal last
        bar.advance(task)
        now = time.monotonic()
        if now - last >= 0.1:
            last = now
            bar.refresh()

    with bar:
        yield advance


def summary_table(totals: Totals, title: str = "cleaner") -> Table:
    """Documents and characters: kept, removed by each step (HTML extraction included)
    and changed by layout, which add up to the characters read."""
    table = Table(title=title, show_header=True, header_style="bold", title_justify="left")
    table.add_column("", style="cyan")
    table.add_column("count", justify="right")
    table.add_column("characters", justify="right")
    done = totals.documents - len(totals.errors) - sum(totals.ignored.values())
    table.add_row("documents", f"{done:,}", f"{totals.chars_in:,}")
    if totals.skipped:
        table.add_row("  skipped (unchanged since last run)", f"{totals.skipped:,}", "")
    if totals.unchanged:
        table.add_row("  already clean", f"{totals.unchanged:,}", "")
    if totals.emptied:
        table.add_row("  nothing kept (all removed: no article)", f"{totals.emptied:,}", "")
    table.add_row("kept", "", f"{totals.chars_kept:,}")
    table.add_row("removed", "", f"{totals.chars_removed:,}")
    for name, (pieces, chars) in sorted(totals.removed.items(), key=lambda kv: -kv[1][1]):
        table.add_row(f"  by {name}", f"{pieces:,}", f"{chars:,}")
    if totals.chars_layout:
        table.add_row("layout (spacing, blank lines, repairs)", "", f"{totals.chars_layout:,}")
    for reason, count in sorted(totals.ignored.items()):
        table.add_row(f"not cleaned: {reason}", f"{count:,}", "")
    table.add_row("errors", f"{len(totals.errors):,}", "", style="red" if totals.errors else None)
    if totals.stopped:
        table.add_row("stopped early: the disk is full", "", "", style="red")
    return table


def interrupted(totals: Totals, show: bool, then: str, unreported: int = 0, noun: str = "input") -> None:
    """Ctrl-C: say what was done and what to do, and exit 130 as shells expect.
    ``unreported``: inputs done that the results so far do not count; ``noun``: what they are."""
    if show:
        err.print(summary_table(totals))
    done = totals.documents - len(totals.errors) + unreported
    err.print(escape(f"interrupted: {done:,} {noun}(s) done, {len(totals.errors):,} failed; {then}"))
    raise typer.Exit(130)


def reporting(advance: Callable[[Result], None], totals: Totals) -> Callable[[Result], None]:
    """The callback for each result: name a failure, advance the bar, add it to ``totals``."""

    def on_result(result: Result) -> None:
        totals.add(result)
        if result.status == "error":
            report_error(result.error or result.path)
        advance(result)

    return on_result


def finish(totals: Totals, show: bool, noun: str = "input") -> None:
    """The summary table (unless quiet), and exit code 1 if anything failed (``noun``: what failed)."""
    if show:
        err.print(summary_table(totals))
    if totals.stopped:
        report_error(totals.stopped)
    if totals.errors:
        if not show:
            err.print(f"{len(totals.errors)} {noun}(s) failed")
        raise typer.Exit(1)
