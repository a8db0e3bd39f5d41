"""Quality on each half of the dev pages, per page: for choosing a rule on one half and
confirming it on the other (and on the other data set).

    python benchmarks/splits.py [--articles DIR] [--multilingual DIR] [--mode html|text|all]
                                [--as-str] [--json FILE] [--compare OLD.json] [--without-first] [--peer]

Both data sets are split by page key: split 1 is the first half of the keys in sorted
order, split 2 the rest. For each set, mode and split: F1 with the set's own metric
(articles.py: shingle F1 averaged over pages; multilingual.py: trafilatura's passage
counts summed over pages, and per language), the pages under F1 0.5, and how often
the language in the metadata is the page's own (for the articles, langdetect on the
true body; for the multilingual pages, on the truth's ``with`` passages). ``--json``
keeps every page's F1 and language; ``--compare`` lists the pages whose F1 or
language differs from an earlier such file; ``--without-first`` cleans each text page
without its first line when the cleaner drops it (a flattened page's ``<title>``, which
scraped text from other tools often lacks); ``--peer`` adds each HTML page's F1 for
trafilatura's default ``extract`` to the JSON and lists the pages it is ``BEHIND`` or
more ahead on. Quality only: speed is articles.py's and
multilingual.py's.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TypeVar

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
from articles import page_input, true_bodies
from scoring import page_counts

R = TypeVar("R")

#: A page whose F1 is under this has collapsed (the issue's measure).
COLLAPSED = 0.5
#: ``--peer`` lists the pages where trafilatura's default is ahead by this much or more.
BEHIND = 0.1
#: A page whose F1 differs by more than this has moved (``--compare``, and the scripts that list moves).
MOVED = 0.005


@dataclass
class PageResult:
    key: str
    split: int
    language: str  # the page's own (the reference)
    detected: str | None  # metadata["language"]
    f1: float
    counts: tuple[float, float, float]  # the metric's (tp, fp, fn) for the page
    peer: float | None = None  # trafilatura's default ``extract`` on the page (``--peer``)


def split_of(keys: list[str]) -> dict[str, int]:
    """1 for the first half of the keys in sorted order, 2 for the rest."""
    ordered = sorted(keys)
    return {k: 1 if i < len(ordered) // 2 else 2 for i, k in enumerate(ordered)}


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _base(code: str | None) -> str | None:
    """``zh-cn`` -> ``zh``: the metadata and the reference may differ in region only."""
    return code.split("-")[0].lower() if code else None


def article_pages(data_dir: Path, mode: str) -> Iterator[tuple[str, str | bytes, str, Callable[[str], tuple]]]:
    """(key, input, reference language, scorer) for each page of the article benchmark."""
    for key, body in true_bodies(data_dir).items():
        page = page_input(data_dir, key, mode)
        if mode == "html":
            page = page.decode("utf-8", errors="replace")
        yield key, page, multilingual.page_language([body]), lambda out, body=body: page_counts(body, out)


def multilingual_pages(
    data_dir: Path, mode: str, as_str: bool
) -> Iterator[tuple[str, str | bytes, str, Callable[[str], tuple]]]:
    """(key, input, reference language, scorer) for each multilingual page."""
    for page in multilingual.load(data_dir):
        if mode == "text":
            given: str | bytes = multilingual.render_text(page.raw)
        else:
            given = multilingual.decode_like_a_browser(page.raw) if as_str else page.raw
        yield page.name, given, page.language, multilingual.scorer(page)


def without_first(pipeline, given: str | bytes) -> str | bytes:
    """``given`` without its first line when the page cleaned whole drops it (a flattened page's ``<title>``, which
    scrapers other than html-text do not write)."""
    doc = pipeline.clean(given)
    if isinstance(given, str) and "\n" in given and 1 not in doc.lines:
        return given.split("\n", 1)[1]
    return given


def trafilatura_default(given: str | bytes) -> str:
    """The body trafilatura's ``extract`` finds in an HTML page with its defaults."""
    import trafilatura

    return trafilatura.extract(given) or ""


def run(
    pages: Iterable, mode: str, first: bool = True, peer: bool = False, filters: dict | None = None
) -> list[PageResult]:
    """Every page cleaned and scored; ``filters``: filter options other than the defaults."""
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind=mode, filters=filters or {}))
    items = list(pages)
    splits = split_of([key for key, *_ in items])
    results = []
    for key, given, language, scorer in items:
        try:
            if not first:
                given = without_first(pipeline, given)
            doc = pipeline.clean(given)
            text, detected = doc.text, doc.metadata.get("language")
        except Exception as exc:  # a crash scores as an empty extraction, and is reported
            print(f"  {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text, detected = "", None
        counts = tuple(scorer(text))
        theirs = _f1(*scorer(trafilatura_default(given))) if peer and mode == "html" else None
        results.append(PageResult(key, splits[key], language, detected, _f1(*counts), counts, theirs))
    return results


def behind(results: list[PageResult], by: float = BEHIND) -> list[PageResult]:
    """The pages whose F1 for trafilatura's default (``--peer``) is ``by`` or more above the cleaner's."""
    return [r for r in results if r.peer is not None and r.peer - r.f1 >= by]


def summary(results: list[PageResult], micro: bool) -> dict[str, float | int]:
    """F1 (the set's metric: ``micro`` sums passage counts, else shingle shares are
    averaged, see scoring.score), pages collapsed, and languages told right, missed
    (``None``) and wrong."""
    if micro:
        tp, fp, fn = (sum(r.counts[i] for r in results) for i in range(3))
        f1 = _f1(tp, fp, fn)
    else:
        n = max(1, len(results))
        tp, fp, fn = (sum(r.counts[i] for r in results) / n for i in range(3))
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
    right = sum(_base(r.detected) == _base(r.language) for r in results)
    missed = sum(r.detected is None for r in results)
    return {
        "pages": len(results),
        "f1": round(f1, 4),
        "collapsed": sum(r.f1 < COLLAPSED for r in results),
        "language right": right,
        "language missed": missed,
        "language wrong": len(results) - right - missed,
    }


def by_split(results: list[R]) -> dict[str, list[R]]:
    """``results`` (pages, variants: each with its ``split``) grouped as "split 1", "split 2" and "all"."""
    groups: dict[str, list[R]] = {"split 1": [], "split 2": [], "all": results}
    for r in results:
        groups[f"split {r.split}"].append(r)  # type: ignore[attr-defined]
    return groups


def summaries(results: list[PageResult], micro: bool, min_pages: int) -> dict[str, dict]:
    """The summary of split 1, split 2 and all, and (multilingual) of each language
    with at least ``min_pages`` pages."""
    groups = by_split(results)
    if micro:
        by_language: dict[str, list[PageResult]] = defaultdict(list)
        for r in results:
            by_language[r.language].append(r)
        for language, group in sorted(by_language.items(), key=lambda item: -len(item[1])):
            if len(group) >= min_pages:
                groups[f"lang {language}"] = group
    return {name: summary(group, micro) for name, group in groups.items()}


def compare(old: dict, new: dict) -> None:
    """The pages whose F1 or language differs between two ``--json`` files."""
    for run_name, pages in new.items():
        before = {p["key"]: p for p in old.get(run_name, {}).get("pages", [])}
        for page in pages["pages"]:
            was = before.get(page["key"])
            if was is None:
                continue
            if abs(was["f1"] - page["f1"]) > MOVED or was["detected"] != page["detected"]:
                print(
                    f"  {run_name} split {page['split']} {page['key'][:60]}: F1 {was['f1']:.3f} -> {page['f1']:.3f}, "
                    f"language {was['detected']} -> {page['detected']} (the page's: {page['language']})"
                )


def set_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` with the options that name the two data sets' folders."""
    parser.add_argument("--articles", type=Path, default=Path("../shared/bench/articles"))
    parser.add_argument("--multilingual", type=Path, default=Path("../shared/bench/multilingual"))
    return parser


def data_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``parser`` with the options that choose the data sets (:func:`set_arguments`) and the input kind."""
    set_arguments(parser).add_argument("--mode", choices=["html", "text", "all"], default="all")
    return parser


def data_sets(args: argparse.Namespace, as_str: bool = False) -> Iterator[tuple[str, str, Iterator, bool]]:
    """(set name, mode, its pages, whether its F1 sums counts over pages) for each set and
    mode ``args`` (of :func:`data_arguments`) chose."""
    for mode in ["html", "text"] if args.mode == "all" else [args.mode]:
        yield "articles", mode, article_pages(args.articles, mode), False
        yield "multilingual", mode, multilingual_pages(args.multilingual, mode, as_str), True


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--as-str", action="store_true", help="html: multilingual pages decoded by the browsers' rule")
    parser.add_argument("--min-pages", type=int, default=10, help="languages with fewer pages are not listed")
    parser.add_argument("--peer", action="store_true", help="html: each page's F1 for trafilatura's default too")
    parser.add_argument("--json", type=Path, help="write the summaries and every page's F1 and language here")
    parser.add_argument("--compare", type=Path, help="list the pages that differ from this earlier --json file")
    parser.add_argument(
        "--without-first", action="store_true", help="text: each page without its first line, if dropped"
    )
    args = parser.parse_args(argv)
    report = {}
    for name, mode, pages, micro in data_sets(args, args.as_str):
        results = run(pages, mode, not args.without_first, args.peer)
        found = summaries(results, micro, args.min_pages)
        report[f"{name}/{mode}"] = {"summary": found, "pages": [asdict(r) for r in results]}
        print(f"{name}, {mode} mode:")
        for group, figures in found.items():
            print(f"  {group:>10}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
        for r in behind(results):
            print(f"  behind trafilatura's default: split {r.split} {r.key[:60]}: F1 {r.f1:.3f}, peer {r.peer:.3f}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
