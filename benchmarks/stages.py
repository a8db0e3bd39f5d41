"""Where HTML mode loses a multilingual page's passages: the step of the extraction or
the filter that dropped each missed ``with`` passage, per split.

    python benchmarks/stages.py [--multilingual DIR] [--below F1] [--json FILE]

Each page (as bytes, prepared as the pipeline prepares it) is run through the steps of
HTML mode one by one: the page's whole text (trafilatura's ``html2txt``), the fast
extraction without precision, the fast, precise extraction (cleaner's first), the
retries (``recovered_text``), the lead put back (``extract``) and the whole clean; and
trafilatura's default ``extract``, whose fallback extractors cleaner runs only on short
bodies. A passage the clean misses is put down to the last step that still held it
(:func:`cause`). Kept ``without`` passages are counted by whether trafilatura's default
keeps them too (the text filters' to judge). Pages under ``--below`` are listed with
their missed and kept passages. Splits as in ``splits.py``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
from splits import split_of

#: The steps, in the pipeline's order, each run on the prepared page.
STEPS = ("page", "fast", "precise", "recovered", "extract", "final", "default")
#: A missed passage's cause: the first of these whose step holds it.
CAUSES = (
    ("extract", "removed by the text filters"),
    ("recovered", "lost with the lead step"),
    ("precise", "replaced by a retry"),
    ("fast", "pruned by precision mode"),
    ("default", "found by trafilatura's fallbacks only"),
    ("page", "missed by every extraction"),
)
NOWHERE = "not in the page's text"
KEPT_BY_DEFAULT = "kept, trafilatura's default too"
KEPT_NOT_BY_DEFAULT = "kept, not by the default"


def cause(held: set[str]) -> str:
    """Why a passage the clean missed was lost, from the steps that ``held`` it."""
    return next((why for step, why in CAUSES if step in held), NOWHERE)


@lru_cache(maxsize=1)
def _pipeline():
    from cleaner import Config, Pipeline

    return Pipeline(Config(kind="html"))


def step_texts(raw: bytes) -> dict[str, str]:
    """The text each of :data:`STEPS` gives for one page."""
    import trafilatura

    from cleaner.extraction import extract, recovered_text
    from cleaner.parse import parse
    from cleaner.precise import library_text, precise_text

    pipeline = _pipeline()
    html = pipeline.prepare_html(raw, None, None)

    def fresh():
        return parse(html, True)

    return {
        "page": trafilatura.html2txt(html) or "",
        "fast": library_text(fresh(), None, {"fast": True, "include_comments": False}),
        "precise": precise_text(fresh(), None, fresh, html),
        "recovered": recovered_text(fresh(), None, fresh, False, html)[0],
        "extract": extract(html, guarded=True).text,
        "final": pipeline.clean(raw).text,
        "default": trafilatura.extract(html) or "",
    }


def page_report(page: multilingual.Page) -> dict:
    """Each passage of the page with the steps that hold it."""
    texts = {step: multilingual.squeeze(text) for step, text in step_texts(page.raw).items()}

    def held(passage: str) -> list[str]:
        return [step for step in STEPS if multilingual.squeeze(passage) in texts[step]]

    return {"with": [(p, held(p)) for p in page.with_], "without": [(p, held(p)) for p in page.without]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--multilingual", type=Path, default=Path("../shared/bench/multilingual"))
    parser.add_argument("--below", type=float, default=0.9, help="list pages under this F1")
    parser.add_argument("--json", type=Path, help="write every page's passages and steps here")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    pages = multilingual.load(args.multilingual)
    splits = split_of([p.name for p in pages])
    reports = {p.name: page_report(p) for p in pages}
    missed = _tally(reports, splits)
    for split in (1, 2):
        print(f"split {split}:")
        for (s, why), n in sorted(missed.items(), key=lambda kv: -kv[1]):
            if s == split:
                print(f"  {n:4d}  {why}")
    for page in sorted(pages, key=lambda p: (splits[p.name], p.name)):
        _print_page(page.name, splits[page.name], reports[page.name], args.below)
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _tally(reports: dict[str, dict], splits: dict[str, int]) -> Counter:
    """(split, cause) -> passages: the missed ``with`` passages by :func:`cause`, the kept
    ``without`` passages by whether trafilatura's default keeps them too."""
    counts: Counter = Counter()
    for name, report in reports.items():
        for _, held in report["with"]:
            if "final" not in held:
                counts[splits[name], cause(set(held))] += 1
        for _, held in report["without"]:
            if "final" in held:
                counts[splits[name], KEPT_BY_DEFAULT if "default" in held else KEPT_NOT_BY_DEFAULT] += 1
    return counts


def _print_page(name: str, split: int, report: dict, below: float) -> None:
    tp = sum("final" in held for _, held in report["with"])
    fp = sum("final" in held for _, held in report["without"])
    f1 = multilingual.Counts(tp, fp, len(report["with"]) - tp).f1
    if f1 >= below:
        return
    print(f"split {split}  {f1:.2f}  {name}")
    for passage, held in report["with"]:
        if "final" not in held:
            print(f"    missed: {passage[:70]!r} ({cause(set(held))})")
    for passage, held in report["without"]:
        if "final" in held:
            print(f"    kept:   {passage[:70]!r}")


if __name__ == "__main__":
    sys.exit(main())
