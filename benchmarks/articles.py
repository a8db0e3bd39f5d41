"""Score cleaner against other extractors on the article-extraction benchmark.

    python benchmarks/articles.py ../shared/bench/articles [--mode html|text|all]

DATA_DIR holds ``html/KEY.html.gz`` (the pages), ``text/KEY.txt`` (the same pages
rendered to plain text) and ``ground-truth.json`` (the true article bodies). Every
system runs in this one process on the same pages, so pages per second are
comparable within a run (not across machines or runs).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from scoring import Score, score

Extractor = Callable[[Any], str]


def ground_truth(data_dir: Path) -> dict[str, dict[str, str]]:
    """Each page's entry in ``ground-truth.json`` (``articleBody``, ``url``), by key, in key order."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: truth[key] for key in sorted(truth)}


def true_bodies(data_dir: Path) -> dict[str, str]:
    """Each page's true article body, by key, in key order."""
    return {key: entry.get("articleBody", "") for key, entry in ground_truth(data_dir).items()}


def page_input(data_dir: Path, key: str, mode: str) -> Any:
    """A page as its file holds it: HTML the bytes of ``html/KEY.html.gz`` (each system
    decodes them its own way, as a user's files), text the text of ``text/KEY.txt``."""
    if mode == "html":
        return gzip.decompress((data_dir / "html" / f"{key}.html.gz").read_bytes())
    return (data_dir / "text" / f"{key}.txt").read_text(encoding="utf-8")


def load(data_dir: Path, mode: str) -> tuple[dict[str, Any], dict[str, str]]:
    """(inputs by key, true bodies by key) for one mode (:func:`page_input`)."""
    truth = true_bodies(data_dir)
    return {key: page_input(data_dir, key, mode) for key in truth}, truth


def lines_as_html(text: str) -> str:
    """Plain text as HTML, one <p> per line, for extractors that want markup."""
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>{body}</body></html>"


# -- systems ---------------------------------------------------------------------------


def _cleaner(kind: str) -> Extractor:
    from cleaner import Config, Pipeline, clear_caches

    pipeline = Pipeline(Config(kind=kind))

    def run(page: str | bytes) -> str:
        return pipeline.clean(page).text

    run.reset = clear_caches  # type: ignore[attr-defined]  # before each timed pass
    return run


def cleaner_html() -> Extractor:
    return _cleaner("html")


def cleaner_text() -> Extractor:
    return _cleaner("text")


def keep_everything() -> Extractor:
    return lambda page: page


def trafilatura_default() -> Extractor:
    import trafilatura

    return lambda page: trafilatura.extract(page) or ""


def trafilatura_precision() -> Extractor:
    import trafilatura

    return lambda page: trafilatura.extract(page, favor_precision=True) or ""


def readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(page: str | bytes) -> str:
        summary = Document(page).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def justext_html() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(page: str | bytes) -> str:
        paragraphs = justext.justext(page if isinstance(page, bytes) else page.encode("utf-8"), stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def justext_language_text() -> Extractor:
    """jusText on lines as <p>, with the stoplist of the page's detected language.

    A fairer peer than the English stoplist on a benchmark with several languages;
    language detection (the same one cleaner uses) is counted in its time.
    """
    import justext

    from cleaner.filters.words import stopwords
    from cleaner.language import detect_language

    def run(text: str) -> str:
        stoplist = stopwords(detect_language(text)) or justext.get_stoplist("English")
        paragraphs = justext.justext(lines_as_html(text).encode("utf-8"), stoplist)
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def on_lines(make: Callable[[], Extractor]) -> Callable[[], Extractor]:
    """An HTML extractor fed plain text, one <p> per line."""

    def factory() -> Extractor:
        run = make()
        return lambda text: run(lines_as_html(text))

    return factory


SYSTEMS: dict[str, dict[str, Callable[[], Extractor]]] = {
    "html": {
        "cleaner (html)": cleaner_html,
        "trafilatura": trafilatura_default,
        "trafilatura (favor_precision)": trafilatura_precision,
        "readability-lxml": readability,
        "jusText": justext_html,
    },
    "text": {
        "cleaner (text)": cleaner_text,
        "keep everything": keep_everything,
        "jusText (lines as <p>)": on_lines(justext_html),
        "jusText (lines as <p>, page language)": justext_language_text,
        "trafilatura (lines as <p>)": on_lines(trafilatura_default),
    },
}


#: The system whose speed the others are compared with, per mode.
SPEED_BASELINE = {"text": "jusText (lines as <p>)"}


def run_systems(
    extractors: dict[str, Extractor],
    inputs: dict[str, Any],
    truth: dict[str, str],
    repeat: int = 1,
    clock: Callable[[], float] = time.perf_counter,
    warm: bool = False,
) -> dict[str, tuple[Score, float, dict[str, str]]]:
    """Score the systems: name -> (score, pages per second, outputs), as :func:`timed_runs` runs them."""
    runs = timed_runs(extractors, inputs, repeat, clock, warm)
    return {
        name: (score([(truth[k], outputs[k]) for k in inputs]), pages_per_second, outputs)
        for name, (outputs, pages_per_second) in runs.items()
    }


def timed_runs(
    extractors: dict[str, Extractor],
    inputs: dict[str, Any],
    repeat: int = 1,
    clock: Callable[[], float] = time.perf_counter,
    warm: bool = False,
) -> dict[str, tuple[dict[str, str], float]]:
    """name -> (outputs by key, pages per second) of each system on ``inputs``.

    Speed is the fastest of ``repeat`` passes (the machine is shared: the best pass
    is the least disturbed one), and the passes take turns (one pass of each system,
    then the next round), so that a stretch of load on the machine falls on all the
    systems rather than on the one that happened to run then. A system with a
    ``reset`` attribute (cleaner: :func:`cleaner.clear_caches`) has it called before
    each pass unless ``warm``: its caches then hold nothing from these pages, and
    every pass is as fast as a first pass over new pages, not faster.

    Before the timed passes each system makes one untimed pass over the pages: what
    a process does once (imports; cleaner loads langdetect's profiles, and each
    language's phrase data and stoplist when a page first needs them) is not a cost
    per page, and a batch pays it once. Timed alone, that first pass of cleaner's
    runs at about half its speed on these pages (six languages).
    """
    outputs: dict[str, dict[str, str]] = {name: {} for name in extractors}
    best = {name: float("inf") for name in extractors}
    for name, extract in extractors.items():
        _one_pass(extract, inputs, outputs[name], clock)
    for _ in range(max(1, repeat)):
        for name, extract in extractors.items():
            reset = getattr(extract, "reset", None)
            if reset is not None and not warm:
                reset()
            best[name] = min(best[name], _one_pass(extract, inputs, outputs[name], clock))
    return {name: (outputs[name], len(inputs) / best[name]) for name in extractors}


def _one_pass(
    extract: Extractor, inputs: dict[str, Any], outputs: dict[str, str], clock: Callable[[], float] = time.perf_counter
) -> float:
    start = clock()
    for key, page in inputs.items():
        try:
            outputs[key] = extract(page) or ""
        except Exception as exc:  # a crash scores as an empty extraction, and is reported
            print(f"  {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            outputs[key] = ""
    return clock() - start


def print_worst(console, name: str, outputs: dict[str, str], truth: dict[str, str], n: int) -> None:
    """The pages where a system does worst, with their share of missed and extra text."""
    from scoring import page_counts

    counts = sorted((page_counts(truth[k], outputs[k]), k) for k in outputs)
    console.print(f"worst {n} pages for {name} (shares of the page's shingles):")
    for (tp, fp, fn), key in counts[:n]:
        console.print(f"  {key[:16]}  kept right {tp:.2f}  extra {fp:.2f}  missed {fn:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/articles")
    parser.add_argument("--mode", choices=["html", "text", "all"], default="all")
    parser.add_argument("--only", action="append", help="run only systems whose name contains this")
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        metavar="N",
        help="time each system over N passes, taking turns, and keep each one's "
        "fastest (default 5: one pass of cleaner's takes a quarter of a "
        "second, and a single one is at the mercy of the machine's load)",
    )
    parser.add_argument(
        "--cpu-time",
        action="store_true",
        help="time by this process's CPU time rather than the wall clock (steadier "
        "when other jobs share the machine; the systems are single-threaded)",
    )
    parser.add_argument(
        "--warm-caches",
        action="store_true",
        help="keep cleaner's page-derived caches from pass to pass (by default they "
        "are emptied before each timed pass: later passes over the same pages "
        "would otherwise find every line cached)",
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="list the N pages where the first system scores lowest (text mode)",
    )
    args = parser.parse_args(argv)

    from rich.console import Console
    from rich.table import Table

    console = Console()
    for mode in ["html", "text"] if args.mode == "all" else [args.mode]:
        inputs, truth = load(args.data_dir, mode)
        table = Table(title=f"{mode} mode: {len(inputs)} pages from {args.data_dir}")
        columns = ["system", "F1", "precision", "recall", "pages/s"]
        baseline = SPEED_BASELINE.get(mode)
        if baseline:
            columns.append("× jusText speed")
        for col in columns:
            table.add_column(col, justify="left" if col == "system" else "right")
        extractors: dict[str, Extractor] = {}
        for name, factory in SYSTEMS[mode].items():
            if args.only and not any(o.lower() in name.lower() for o in args.only):
                continue
            extractors[name] = factory()
        clock = time.process_time if args.cpu_time else time.perf_counter
        results = run_systems(extractors, inputs, truth, args.repeat, clock, warm=args.warm_caches)
        rows = [(name, s, pps) for name, (s, pps, _) in results.items()]
        first_outputs = next(iter(results.values()))[2] if results else None
        base_pps = next((pps for name, _, pps in rows if name == baseline), None)
        for name, s, pps in rows:
            cells = [name, f"{s.f1:.3f}", f"{s.precision:.3f}", f"{s.recall:.3f}", f"{pps:.1f}"]
            if baseline:
                cells.append(f"{pps / base_pps:.1f}x" if base_pps else "-")
            table.add_row(*cells)
        console.print(table)
        if args.worst and first_outputs is not None:
            print_worst(console, rows[0][0], first_outputs, truth, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
