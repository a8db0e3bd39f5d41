"""The ``cleaner`` command line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .config import Config, ConfigError
from .filters import FILTERS
from .io import InputError, read_input, read_stream
from .paths import plan_outputs, safe_output, walk_inputs
from .pipeline import Pipeline

app = typer.Typer(
    help="Strip boilerplate from scraped text and HTML; keep the article and its metadata.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True)

DisableOpt = Annotated[
    Optional[list[str]],
    typer.Option("--disable", "-d", help="Switch a filter off (repeatable); see `cleaner filters`."),
]
ConfigOpt = Annotated[
    Optional[Path],
    typer.Option("--config", help="A cleaner.toml or pyproject.toml to use instead of the nearest one."),
]
KindOpt = Annotated[
    Optional[str], typer.Option("--kind", help="Input kind: auto, text or html.")
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """cleaner: a pipeline of small filters that turns scraped pages into clean article text."""


def make_pipeline(config_path: Path | None, disable: list[str] | None, kind: str | None) -> Pipeline:
    try:
        config = Config.load(config_path) if config_path else Config.discover()
        return Pipeline(config.with_overrides(disable=disable, kind=kind))
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def clean(
    sources: Annotated[list[str], typer.Argument(help="Files or folders to clean; - for stdin.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the cleaned bodies and metadata.")] = None,
    disable: DisableOpt = None,
    config: ConfigOpt = None,
    kind: KindOpt = None,
) -> None:
    """Clean files and folders into --out, or stdin to stdout.

    For an input a/b.txt found under a folder given as SRC, writes OUT/a/b.txt (the
    body) and OUT/a/b.json (metadata and the list of what was removed).
    """
    pipeline = make_pipeline(config, disable, kind)
    if sources == ["-"]:
        try:
            doc = pipeline.clean(read_stream(sys.stdin.buffer, "-", pipeline.config.max_bytes), source="-")
        except InputError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc
        sys.stdout.write(doc.text + ("\n" if doc.text else ""))
        return
    if out is None:
        err.print("[red]error:[/red] --out DIR is required when cleaning files (or give - for stdin)")
        raise typer.Exit(2)
    failures = 0
    count = 0
    inputs = list(walk_inputs([Path(s) for s in sources], exclude=[out]))
    plan = plan_outputs(rel for _, rel in inputs)
    real_inputs = {os.path.realpath(p) for p, _ in inputs}
    for path, rel in inputs:
        try:
            body = safe_output(out, plan[rel], ".txt", real_inputs)
            meta_path = safe_output(out, plan[rel], ".json", real_inputs)
            content, what = read_input(path, pipeline.config.kind, pipeline.config.max_bytes)
            doc = pipeline.clean(content, source=str(path), kind=what)
        except InputError as exc:
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            failures += 1
            continue
        except Exception as exc:  # a bug must not stop a batch: report it, go on
            err.print(f"error: {path}: internal error: {type(exc).__name__}: {exc}",
                      markup=False, highlight=False, soft_wrap=True)
            failures += 1
            continue
        body.parent.mkdir(parents=True, exist_ok=True)
        body.write_text(doc.text + ("\n" if doc.text else ""), encoding="utf-8")
        meta = {**doc.metadata, "removed": [r.to_dict() for r in doc.removed]}
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        count += 1
    err.print(f"cleaned {count} file(s) into {out}" + (f", {failures} failed" if failures else ""))
    if failures:
        raise typer.Exit(1)


@app.command()
def explain(
    files: Annotated[list[Path], typer.Argument(help="Files to explain.")],
    disable: DisableOpt = None,
    config: ConfigOpt = None,
    kind: KindOpt = None,
) -> None:
    """Show what each filter would remove from FILES, and the metadata found."""
    pipeline = make_pipeline(config, disable, kind)
    console = Console()
    for path in files:
        try:
            content, what = read_input(path, pipeline.config.kind, pipeline.config.max_bytes)
            doc = pipeline.clean(content, source=str(path), kind=what)
        except InputError as exc:
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            continue
        table = Table(title=str(path), show_lines=False, expand=True)
        table.add_column("filter", style="cyan", no_wrap=True)
        table.add_column("removed", overflow="fold")
        table.add_column("why", style="dim")
        for r in doc.removed:
            table.add_row(r.filter, r.text if len(r.text) < 160 else r.text[:157] + "...", r.reason)
        console.print(table)
        meta = ", ".join(f"{k}={v!r}" for k, v in doc.metadata.items() if v)
        console.print(f"[bold]metadata:[/bold] {meta}\n")


@app.command()
def filters() -> None:
    """List the filters in the order the pipeline runs them."""
    table = Table(show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("name", style="cyan")
    table.add_column("stage")
    table.add_column("what it does")
    for i, f in enumerate(FILTERS, 1):
        table.add_row(str(i), f.name, f.stage, f.summary)
    Console().print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
