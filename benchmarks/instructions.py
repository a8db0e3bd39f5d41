"""Count the instructions cleaner runs per page (callgrind): a speed figure that the load
of a shared machine does not move.

    python benchmarks/instructions.py ../shared/bench/articles [--mode text|html] [--runs 3]
    python benchmarks/instructions.py ../shared/bench/multilingual --mode html --every 4
    python benchmarks/instructions.py ../shared/bench/multilingual --mode text

Each run is two processes under ``valgrind --tool=callgrind``: both clean every page
once untimed (imports, data loading, langdetect's profiles), then one cleans them
``--passes`` more times, each after :func:`cleaner.clear_caches`. The difference of
their instruction counts, divided by the pages cleaned, is the cost of a page; the
median of ``--runs`` runs is printed. The garbage collector is off and each process
ends with ``os._exit``, so that neither an untimely collection nor the one at exit
counts. ``--set content.min_block_cost=100`` gives a filter an option.
"""

from __future__ import annotations

import argparse
import ast
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)


def options(settings: list[str]) -> dict[str, dict[str, object]]:
    """``FILTER.OPTION=VALUE`` settings as the configuration's ``filters`` table."""
    filters: dict[str, dict[str, object]] = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        filter_name, _, option = name.partition(".")
        filters.setdefault(filter_name, {})[option] = ast.literal_eval(value)
    return filters


def load_pages(data_dir: Path, mode: str, every: int = 1) -> list[str | bytes]:
    """The pages of ``data_dir``, every ``every``-th in key order: the article benchmark's
    (``ground-truth.json``), or the multilingual set's (``truth.json``; HTML as bytes, text
    rendered as ``multilingual.py`` renders it)."""
    if (data_dir / "truth.json").exists():
        from multilingual import entries, raw_page, render_text

        raws = [raw_page(data_dir, entry) for entry in list(entries(data_dir).values())[::every]]
        return list(raws) if mode == "html" else [render_text(raw) for raw in raws]
    from articles import load as load_articles

    return list(load_articles(data_dir, mode)[0].values())[::every]


def clean_pages(data_dir: Path, mode: str, passes: int, settings: list[str], every: int) -> None:
    """The process callgrind counts: one untimed pass, then ``passes`` passes."""
    from cleaner import Config, Pipeline, clear_caches

    pages = load_pages(data_dir, mode, every)
    pipeline = Pipeline(Config(kind=mode, filters=options(settings)))
    gc.disable()
    for page in pages:
        pipeline.clean(page)
    for _ in range(passes):
        clear_caches()
        for page in pages:
            pipeline.clean(page)
    sys.stdout.flush()
    os._exit(0)


def instructions(args: argparse.Namespace, passes: int) -> int:
    """The instructions one process cleaning the pages ``passes`` more times runs."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [sys.executable, __file__, str(args.data_dir), "--mode", args.mode, "--inner", str(passes)]
        command += ["--every", str(args.every)]
        command += [f"--set={s}" for s in args.set]
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            check=True,
            capture_output=True,
        )
        summary = re.search(r"^summary: (\d+)", out.read_text(), re.M)
        assert summary, "callgrind wrote no summary"
        return int(summary.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/articles")
    parser.add_argument("--mode", choices=["text", "html"], default="text")
    parser.add_argument("--runs", type=int, default=3, help="runs, the median counts (default 3)")
    parser.add_argument("--passes", type=int, default=2, help="passes counted per run (default 2)")
    parser.add_argument("--every", type=int, default=1, help="every Nth page in key order (default 1: all)")
    parser.add_argument("--set", action="append", default=[], metavar="FILTER.OPTION=VALUE")
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner is not None:
        clean_pages(args.data_dir, args.mode, args.inner, args.set, args.every)
    pages = len(load_pages(args.data_dir, args.mode, args.every))
    per_page = []
    for _ in range(args.runs):
        count = (instructions(args, args.passes) - instructions(args, 0)) / (args.passes * pages)
        per_page.append(count)
        print(f"run: {count / 1e6:.3f} million instructions a page", flush=True)
    print(f"median of {args.runs}: {statistics.median(per_page) / 1e6:.3f} million instructions a page ({args.mode})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
