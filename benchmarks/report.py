"""The HTML report of a large batch: how long writing it takes, and opening it in Chromium.

    python benchmarks/report.py DATA_DIR [--docs 2000] [--full 200] [--repeat 3]

DATA_DIR is the article benchmark folder (``../shared/bench/articles`` from the
project root in a checkout beside shared/). In a temporary folder, removed afterwards,
its 90 text and 90 HTML pages and the project's seeds are cleaned once (``cleaner
clean``), and their outputs copied under new names until the batch holds ``--docs``
documents in 20 subfolders: a batch as ``cleaner clean`` leaves it, without cleaning
2,000 pages. Then, best of ``--repeat`` runs each:

* writing: ``cleaner report OUT --html FILE`` as the command runs it (finding the
  metadata files, reading all of them and the bodies, reading again the ``--full``
  documents shown in full, writing the page);
* opening: Debian's Chromium (headless, through playwright, a fresh page each time)
  loading the report from its file:// URL, to its load event, from the navigation
  timing (``loadEventEnd``), and to the first paint of its content.

Timings depend on what else the machine runs: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checkout import ROOT  # (before cleaner: the checkout, or the installed build)

from cleaner.htmlreport import batch_sources, write_report
from cleaner.htmlreport.browser import chromium, missing, opened


def make_batch(data_dir: Path, tmp: Path, docs: int) -> Path:
    """A batch output folder of ``docs`` documents, from the benchmark's pages cleaned once."""
    corpus = tmp / "corpus"
    for kind in ("text", "html"):
        shutil.copytree(data_dir / kind, corpus / kind)
    shutil.copytree(ROOT / "seeds", corpus / "seeds")
    once = tmp / "once"
    cleaner = Path(sys.executable).with_name("cleaner")
    subprocess.run([str(cleaner), "clean", str(corpus), "--out", str(once), "-q"], check=True)
    pairs = sorted(p.with_suffix("") for p in once.rglob("*.json"))
    out = tmp / "out"
    for i in range(docs):
        stem = pairs[i % len(pairs)]
        target = out / f"part{i % 20:02d}" / f"{i:05d}-{stem.name[:12]}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stem.with_suffix(".json"), target.with_suffix(".json"))
        shutil.copyfile(stem.with_suffix(".txt"), target.with_suffix(".txt"))
    return out


def time_writing(out: Path, report: Path, full: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        write_report(batch_sources(out), report, full=full, origin=str(out))
        best = min(best, time.perf_counter() - start)
    return best


def time_opening(report: Path, repeat: int) -> tuple[float, float, list[str]]:
    """Best (seconds to the load event, seconds to the first contentful paint), and any problem."""
    load = paint = float("inf")
    problems: list[str] = []
    with chromium() as context:
        for _ in range(repeat):
            with opened(context, report) as (page, seen):
                timing = page.evaluate(
                    """() => ({load: performance.getEntriesByType('navigation')[0].loadEventEnd,
                               paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime})"""
                )
                problems += seen
            load = min(load, timing["load"] / 1000)
            paint = min(paint, (timing["paint"] or float("nan")) / 1000)
    return load, paint, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--full", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.data_dir / "html").is_dir():
        sys.exit(f"no html/ pages under {args.data_dir}: give the article benchmark folder")
    with tempfile.TemporaryDirectory(prefix="cleaner-report-bench-") as tmp:
        out = make_batch(args.data_dir, Path(tmp), args.docs)
        report = Path(tmp) / "report.html"
        wrote = time_writing(out, report, args.full, args.repeat)
        print(f"load average {os.getloadavg()[0]:.2f}")
        print(f"batch: {args.docs:,} documents, {args.full:,} in full")
        print(f"report: {report.stat().st_size / 1e6:.1f} MB, written in {wrote:.2f} s (best of {args.repeat})")
        why = missing()
        if why:
            print(f"not opened: {why}")
            return
        load, paint, problems = time_opening(report, args.repeat)
        print(f"opened in Chromium: load event {load:.2f} s, first contentful paint {paint:.2f} s")
        print("console errors and requests:", problems or "none")


if __name__ == "__main__":
    main()
