"""Score cleaner on real pages in many languages, with trafilatura's own evaluation.

    python benchmarks/multilingual.py ../shared/bench/multilingual [--mode html|text|all]
                                      [--half first|second] [--worst N]

DATA_DIR holds ``html/NAME.html.gz`` (each page's original bytes) and ``truth.json``
(per page, passages the body must hold, ``with``, and passages it must not,
``without``). Pages are read as files are: the decompressed bytes go to each system
as they are, so each one decodes them its own way.

- html mode: cleaner (``clean(bytes)``) against trafilatura's default ``extract``;
- text mode: each page rendered to text by html-text (decoded by the browsers' rule,
  see :func:`decode_like_a_browser`), cleaner in text mode against jusText with the
  stoplist of the page's language.

The metric is trafilatura's: whitespace runs collapsed to one space in the output and
in each passage; a ``with`` passage found counts a true positive, one missing a
false negative, a ``without`` passage found a false positive; precision, recall and
F1 are micro-averaged (counts summed over the pages). Pages are grouped by the
language of their ``with`` passages (langdetect, seeded). Every system runs in this
one process over the same pages, so pages per second compare within a run.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from articles import cleaner_html, cleaner_text, justext_language_text, timed_runs, trafilatura_default

_SPACE = re.compile(r"\s+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


@dataclass
class Page:
    name: str
    raw: bytes
    with_: list[str]
    without: list[str]
    language: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def page_counts(page: Page, output: str) -> Counts:
    """trafilatura's evaluation of one output against one page's passages."""
    out = squeeze(output)
    tp = sum(1 for p in page.with_ if squeeze(p) in out)
    fp = sum(1 for p in page.without if squeeze(p) in out)
    return Counts(tp, fp, len(page.with_) - tp)


def scorer(page: Page) -> Callable[[str], tuple[int, int, int]]:
    """An output's (tp, fp, fn) against ``page``'s passages (:func:`page_counts`), as a tuple."""

    def score(output: str) -> tuple[int, int, int]:
        c = page_counts(page, output)
        return (c.tp, c.fp, c.fn)

    return score


def page_language(passages: list[str]) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(" ".join(passages))
    except LangDetectException:
        return "??"


def entries(data_dir: Path) -> dict[str, dict]:
    """Each page's entry in ``truth.json`` (``file``, ``with``, ``without``), by name, in name order."""
    truth = json.loads((data_dir / "truth.json").read_text(encoding="utf-8"))
    return dict(sorted(truth.items()))


def raw_page(data_dir: Path, entry: dict) -> bytes:
    """The bytes of an entry's page (its ``file``, decompressed)."""
    return gzip.decompress((data_dir / entry["file"]).read_bytes())


def load(data_dir: Path, limit: int | None = None) -> list[Page]:
    pages = []
    for name, entry in list(entries(data_dir).items())[:limit]:
        raw = raw_page(data_dir, entry)
        pages.append(Page(name, raw, entry["with"], entry["without"], page_language(entry["with"])))
    return pages


def decode_like_a_browser(raw: bytes) -> str:
    """BOM, then the page's ``<meta charset>``, then UTF-8, then windows-1252: the
    reference decoding for the text rendering (not cleaner's; a rendering that
    mangled characters would hide decoding bugs of the systems under test)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    found = _META_CHARSET.search(raw[:4096])
    if found:
        try:
            name = codecs.lookup(found.group(1).decode("ascii")).name
            # as browsers do: a page declaring Latin-1 is windows-1252
            name = {"iso8859-1": "cp1252", "ascii": "cp1252"}.get(name, name)
            return raw.decode(name, errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def render_text(raw: bytes) -> str:
    import html_text

    return html_text.extract_text(decode_like_a_browser(raw))


# -- systems ---------------------------------------------------------------------------


# articles.py's: cleaner (its caches emptied before each timed pass), trafilatura's default, and jusText on the
# rendered lines as <p> with the stoplist of the page's detected language (the detection counted in its time).
SYSTEMS: dict[str, dict[str, Callable[[], Callable]]] = {
    "html": {"cleaner (html)": cleaner_html, "trafilatura": trafilatura_default},
    "text": {"cleaner (text)": cleaner_text, "jusText (page language)": justext_language_text},
}
SPEED_BASELINE = {"html": "trafilatura", "text": "jusText (page language)"}


def run_systems(
    systems: dict[str, Callable], inputs: list, repeat: int, clock: Callable[[], float]
) -> dict[str, tuple[list[str], float]]:
    """name -> (outputs, pages per second), timed as ``articles.py`` times its systems
    (:func:`articles.timed_runs`: one untimed pass each, then ``repeat`` timed passes taking
    turns, each system's fastest counting, cleaner's caches emptied before each)."""
    runs = timed_runs(systems, dict(enumerate(inputs)), repeat, clock)
    return {name: (list(outputs.values()), pages_per_second) for name, (outputs, pages_per_second) in runs.items()}


def tally(pages: list[Page], outputs: list[str]) -> tuple[dict[str, Counts], int]:
    """Counts per language (and ``all``), and the pages that collapse (F1 under 0.5)."""
    by_language: dict[str, Counts] = defaultdict(Counts)
    collapsed = 0
    for page, output in zip(pages, outputs, strict=True):
        counts = page_counts(page, output)
        by_language["all"].add(counts)
        by_language[page.language].add(counts)
        collapsed += counts.f1 < 0.5
    return by_language, collapsed


def print_worst(console, name: str, pages: list[Page], outputs: list[str], n: int) -> None:
    """The ``n`` pages where a system does worst (F1, then name), with the passages it
    missed (``-``) and the unwanted ones it kept (``+``)."""
    scored = sorted(
        zip(pages, outputs, strict=True), key=lambda pair: (page_counts(pair[0], pair[1]).f1, pair[0].name)
    )
    console.print(f"worst {n} pages for {name}:")
    for page, output in scored[:n]:
        counts, out = page_counts(page, output), squeeze(output)
        console.print(f"  {counts.f1:.3f} {page.language} {page.name} ({len(output)} characters)", markup=False)
        for sign, passages in (("-", [p for p in page.with_ if squeeze(p) not in out]), ("+", page.without)):
            for passage in passages:
                if sign == "-" or squeeze(passage) in out:
                    console.print(f"      {sign} {squeeze(passage)[:100]}", markup=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/multilingual")
    parser.add_argument("--mode", choices=["html", "text", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3, metavar="N", help="timed passes, the fastest counts")
    parser.add_argument("--cpu-time", action="store_true", help="time by CPU time, not the wall clock")
    parser.add_argument("--limit", type=int, help="only the first N pages (by name)")
    parser.add_argument(
        "--half",
        choices=["first", "second"],
        help="only the pages whose name sorts in this half: choose rules on one half, confirm on the other",
    )
    parser.add_argument("--min-pages", type=int, default=10, help="languages with fewer pages are not listed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="list the N pages where each mode's cleaner does worst"
    )
    parser.add_argument(
        "--as-str",
        action="store_true",
        help="html mode: hand every system the page decoded by the browsers' rule (a str), not its bytes; "
        "separates extraction quality from decoding",
    )
    args = parser.parse_args(argv)

    from rich.console import Console
    from rich.table import Table

    pages = load(args.data_dir, args.limit)
    if args.half:
        middle = len(pages) // 2
        pages = pages[:middle] if args.half == "first" else pages[middle:]
    sizes = defaultdict(int)
    for page in pages:
        sizes[page.language] += 1
    languages = ["all"] + sorted((lang for lang, n in sizes.items() if n >= args.min_pages), key=lambda x: -sizes[x])
    clock = time.process_time if args.cpu_time else time.perf_counter
    console, report = Console(width=max(160, Console().width)), {}
    for mode in ["html", "text"] if args.mode == "all" else [args.mode]:
        if mode == "text":
            inputs: list = [render_text(page.raw) for page in pages]
        else:
            inputs = [decode_like_a_browser(page.raw) if args.as_str else page.raw for page in pages]
        systems = {name: factory() for name, factory in SYSTEMS[mode].items()}
        results = run_systems(systems, inputs, args.repeat, clock)
        table = Table(title=f"{mode} mode: {len(pages)} pages from {args.data_dir}")
        for col in [
            "system",
            *(f"{lang} ({sizes[lang] if lang != 'all' else len(pages)})" for lang in languages),
            "P",
            "R",
            "F1<0.5",
            "pages/s",
            "speed",
        ]:
            table.add_column(col, justify="left" if col == "system" else "right")
        base = results[SPEED_BASELINE[mode]][1]
        for name, (outputs, pps) in results.items():
            counts, collapsed = tally(pages, outputs)
            total = counts["all"]
            table.add_row(
                name,
                *(f"{counts[lang].f1:.3f}" for lang in languages),
                f"{total.precision:.3f}",
                f"{total.recall:.3f}",
                str(collapsed),
                f"{pps:.1f}",
                f"{pps / base:.2f}x",
            )
            report[f"{mode}/{name}"] = {
                "f1": {lang: counts[lang].f1 for lang in languages},
                "precision": total.precision,
                "recall": total.recall,
                "collapsed": collapsed,
                "pages_per_s": pps,
                "speed_ratio": pps / base,
            }
        console.print(table)
        if args.worst:
            name = next(iter(results))
            print_worst(console, name, pages, results[name][0], args.worst)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
