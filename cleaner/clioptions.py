"""The command line's arguments and options, one type alias each, shared by the commands,
and the pipeline the shared ones (--config, --disable, --kind, --comments) make.

Declared here so that a command's signature is a list of names, as its help is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .cliout import refuse
from .config import Config, ConfigError
from .htmlreport import ReportError, check_target
from .pipeline import Pipeline

DisableOpt = Annotated[
    list[str] | None,
    typer.Option("--disable", "-d", metavar="NAME", help="Switch a filter off (repeatable); see `cleaner filters`."),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE", help="A cleaner.toml or pyproject.toml to use instead of the nearest one."
    ),
]
KindOpt = Annotated[str | None, typer.Option("--kind", metavar="KIND", help="Input kind: auto, text or html.")]
CommentsOpt = Annotated[
    str | None,
    typer.Option(
        "--comments",
        metavar="MODE",
        help="Readers' comments: drop (the default), separate (into the metadata's comments) or keep "
        "(in the body, after the article).",
    ),
]
IncludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        "-i",
        metavar="GLOB",
        help="Only the files of folders whose path, name or a folder of theirs matches this glob (repeatable), "
        "e.g. '*.txt', 'news/**/*.html' or 'news' (a trailing / matches folders only).",
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        "-x",
        metavar="GLOB",
        help="Skip the files of folders that this glob matches as --include does, e.g. 'drafts' (repeatable).",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", "-j", min=1, metavar="N", help="Worker processes (default: all cores)."),
]


def _report_path(path: Path | None) -> Path | None:
    """Refuse, before any work, an HTML report path that would clobber something."""
    if path is not None:
        try:
            check_target(path)
        except ReportError as exc:
            raise typer.BadParameter(str(exc)) from exc
    return path


def html_option(name: str, what: str) -> Any:
    return typer.Option(
        name,
        metavar="FILE",
        callback=_report_path,
        help=f"Write {what} as one self-contained HTML page (a cleaner report there is replaced; no other file is).",
    )


SourcesArg = Annotated[list[str], typer.Argument(metavar="SOURCE", help="Files or folders to clean; - for stdin.")]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="DIR",
        help="Folder for the cleaned bodies and metadata (each input folder's tree is mirrored under it).",
    ),
]
InPlaceOpt = Annotated[
    bool,
    typer.Option(
        "--in-place",
        help="Rewrite text files themselves (atomically; in folders, .txt files and those --include picks; "
        "HTML pages are refused: use --out); metadata goes to a FILE.cleaner.json sidecar.",
    ),
]
SidecarOpt = Annotated[
    bool,
    typer.Option(
        "--sidecar/--no-sidecar",
        help="With --in-place: write the metadata sidecars (needed to skip unchanged files on a re-run).",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Clean every input, even those unchanged since the last run.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary; errors only.")]
JsonlOpt = Annotated[
    str | None,
    typer.Option(
        "--jsonl",
        metavar="FILE",
        help="Treat SOURCES as JSONL (plain or gzip) or WARC files (.warc, .warc.gz; needs cleaner[warc]), "
        "or folders of them, and write the cleaned records here (.gz: gzip; - for stdout).",
    ),
]
TextKeyOpt = Annotated[
    str, typer.Option("--text-key", metavar="KEY", help="With --jsonl: the field holding the text to clean.")
]
MetaKeyOpt = Annotated[
    str,
    typer.Option(
        "--meta-key",
        metavar="KEY",
        help="With --jsonl: the field the metadata is added under (a record holding one of its own is left out).",
    ),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Clean on a running Dask cluster (e.g. tcp://host:8786) instead of local processes; needs cleaner[dask].",
    ),
]
ReportOpt = Annotated[Path | None, html_option("--report", "what was removed from each document of the batch")]


def make_pipeline(
    config_path: Path | None, disable: list[str] | None, kind: str | None, comments: str | None = None
) -> Pipeline:
    try:
        config = Config.load(config_path) if config_path else Config.discover()
        return Pipeline(config.with_overrides(disable=disable, kind=kind, comments=comments))
    except ConfigError as exc:
        raise refuse(str(exc)) from exc
