"""Whether one filter's decision flips another's: every dev page cleaned with all filters
on, then with each filter off in turn, and with one chrome line taken out of its input.

    python benchmarks/flips.py DATA_DIR... [--mode html|text|all] [--threshold 0.8]
                               [--min-shingles N] [--json FILE] [--show N]

DATA_DIR is an article benchmark (``ground-truth.json``, ``html/KEY.html.gz``,
``text/KEY.txt``) or a multilingual set (``truth.json``, the pages' bytes); both are read
as bytes: HTML mode cleans the pages, text mode the rendered text (the set's own
``text/`` files, or html-text's rendering, as ``multilingual.py`` makes it).

A filter only removes: with it off, the body should be the all-on body plus (some of)
the lines it removed. For each filter and page, in 4-gram shingles (``scoring.py``; none across lines):

- ``lost``: the share of the all-on body the body with the filter off lacks (turning a
  filter off should lose nothing);
- ``gained``: the share of the body with the filter off that is neither in the all-on
  body nor among the lines the filter removed (what it alone does not explain).

A page flips when either is over ``1 - threshold`` (and ``min-shingles`` shingles or
more), or when its language or the content stage's pass-through decision changes
(``whole``: the stage kept every line; ``run``: it cut the page to a run; ``none``: it
found no article). The reverse question, for the content stage (text mode): the page's
input without one chrome line (its first line, the first line ``cookies`` removed, the
first line ``title`` removed), which every filter dropped anyway: the body should not
move. And the body cleaned again as text (an HTML page's too) must not change at all.
Quality only: takes a few minutes for both sets (each HTML page is extracted once).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
from articles import ground_truth, page_input
from scoring import shingles

#: The lines taken out of a page's input, one at a time (the reverse question).
CHROME_LINES = ("first", "cookies", "title")


@dataclass
class Flip:
    set: str
    mode: str
    key: str
    change: str  # "off FILTER" or "without LINE"
    lost: float
    gained: float
    removed: int  # lines the filter removed with every filter on (the line taken out: 1)
    language: tuple[str | None, str | None]
    status: tuple[str, str]
    line: str = ""  # the line taken out, or the first line the filter removed
    why: list[str] = field(default_factory=list)


def pages(data_dir: Path, mode: str) -> Iterator[tuple[str, bytes]]:
    """(key, input as bytes) of each page of ``data_dir`` in ``mode``."""
    if (data_dir / "ground-truth.json").exists():
        for key in ground_truth(data_dir):
            page = page_input(data_dir, key, mode)
            yield key, page if mode == "html" else page.encode("utf-8")
    else:
        for page in multilingual.load(data_dir):
            yield page.name, page.raw if mode == "html" else multilingual.render_text(page.raw).encode("utf-8")


def status(doc) -> str:
    """What the content stage did with the page: kept it ``whole``, cut it to a ``run``, found ``none``."""
    from cleaner.filters.content import NO_ARTICLE

    reasons = {r.reason for r in doc.removed if r.filter == "content"}
    return "none" if NO_ARTICLE in reasons else "run" if reasons else "whole"


def line_shingles(text: str) -> Counter:
    """The shingles of each line of ``text``: none across two lines, so that a line put
    back between two others moves no shingle of theirs."""
    found: Counter = Counter()
    for line in text.split("\n"):
        found.update(shingles(line))
    return found


def shares(base: str, other: str, explained: str) -> tuple[float, float, int]:
    """(share of ``base`` that ``other`` lacks, share of ``other`` in neither ``base`` nor
    ``explained``, shingles moved either way)."""
    b, o = line_shingles(base), line_shingles(other)
    lost = b - o
    gained = o - b - line_shingles(explained)
    n_lost, n_gained = sum(lost.values()), sum(gained.values())
    return n_lost / max(1, sum(b.values())), n_gained / max(1, sum(o.values())), max(n_lost, n_gained)


def compare(
    base, other, explained: str, removed: int, where: tuple[str, str, str, str], o: argparse.Namespace
) -> Flip | None:
    """The flip from ``base`` (every filter on) to ``other``, or None."""
    lost, gained, moved = shares(base.text, other.text, explained)
    language = (base.metadata.get("language"), other.metadata.get("language"))
    states = (status(base), status(other)) if where[1] == "text" else ("", "")
    why = []
    if moved >= o.min_shingles and lost > 1 - o.threshold:
        why.append("lost")
    if moved >= o.min_shingles and gained > 1 - o.threshold:
        why.append("gained")
    if language[0] != language[1]:
        why.append("language")
    if states[0] != states[1]:
        why.append("status")
    if not why:
        return None
    return Flip(*where, round(lost, 3), round(gained, 3), removed, language, states, why=why)


def without_line(text: str, line: int) -> str:
    """``text`` without its input line ``line`` (from 1)."""
    lines = text.split("\n")
    return "\n".join(lines[: line - 1] + lines[line:])


def reverse(clean: Callable, given: bytes, base, where: tuple[str, str, str], o) -> Iterator[Flip]:
    """The flips of taking one chrome line out of the input (text mode)."""
    from cleaner.blocks import normalize_newlines

    text = normalize_newlines(given.decode("utf-8", errors="replace"))
    placed = [r for r in base.removed if r.line is not None]
    first = min(placed, key=lambda r: r.line, default=None)  # the page's first line, when it went
    chosen = {"first": first if first and first.line < min(base.lines, default=first.line + 1) else None}
    for name in ("cookies", "title"):
        chosen[name] = next((r for r in base.removed if r.filter == name and r.line is not None), None)
    seen = set()
    for name in CHROME_LINES:
        r = chosen[name]
        if r is None or r.line in seen or r.line in base.lines:
            continue
        seen.add(r.line)
        other = clean(without_line(text, r.line).encode("utf-8"))
        flip = compare(base, other, "", 1, (*where, f"without {name}"), o)
        if flip:
            flip.line = r.text[:80]
            yield flip


def page_flips(runs: dict, given: bytes, where: tuple[str, str, str], o: argparse.Namespace) -> Iterator[Flip]:
    """The flips of one page: each filter off (``runs``: the pipeline with every filter on
    under ``""``, one with each filter off under its name), then (text mode) each chrome
    line taken out."""
    base = runs[""].clean(given)
    for name, pipeline in runs.items():
        if name:
            own = [r.text for r in base.removed if r.filter == name]
            flip = compare(base, pipeline.clean(given), "\n".join(own), len(own), (*where, f"off {name}"), o)
            if flip:
                flip.line = own[0][:80] if own else ""
                yield flip
    if where[1] == "text":
        yield from reverse(runs[""].clean, given, base, where, o)
    yield from again(base, where)


def again(base, where: tuple[str, str, str]) -> Iterator[Flip]:
    """The flip of cleaning the body again as text (idempotence; for an HTML page, its
    body as a corpus of extracted bodies holds it): any change counts."""
    from cleaner import clean

    if base.text:
        other = clean(base.text, kind="text")
        if other.text != base.text:
            lost, gained, _ = shares(base.text, other.text, "")
            language = (base.metadata.get("language"), other.metadata.get("language"))
            line = other.removed[0].text[:80] if other.removed else ""
            yield Flip(
                *where,
                "cleaned again",
                round(lost, 3),
                round(gained, 3),
                len(other.removed),
                language,
                ("", ""),
                line,
                ["changed"],
            )


def audit(data_dirs: list[Path], modes: list[str], o: argparse.Namespace) -> tuple[list[Flip], int]:
    """Every flip on the pages of ``data_dirs`` in ``modes``, and how many page runs were audited."""
    from cleaner import Config, Pipeline, pipeline
    from cleaner.filters import FILTERS

    extract, memo = pipeline.extract, {}

    def once(html, *args, **kwargs):  # each page extracted once (the filters' runs share it)
        if html not in memo:
            memo.clear()
            memo[html] = extract(html, *args, **kwargs)
        return memo[html]

    pipeline.extract = once
    flips: list[Flip] = []
    audited = 0
    try:
        for mode in modes:
            names = [f.name for f in FILTERS if mode in f.kinds and f.name != "content"]
            runs = {name: Pipeline(Config(kind=mode, disable=[name] if name else [])) for name in ["", *names]}
            for data_dir in data_dirs:
                for key, given in pages(data_dir, mode):
                    flips.extend(page_flips(runs, given, (data_dir.name, mode, key), o))
                    audited += 1
    finally:
        pipeline.extract = extract
    return flips, audited


def report(flips: list[Flip], audited: int, show: int) -> None:
    by_change: dict[tuple[str, str], list[Flip]] = defaultdict(list)
    for f in flips:
        by_change[(f.mode, f.change)].append(f)
    pages = len({(f.set, f.mode, f.key) for f in flips})
    print(f"{len(flips)} flips on {pages} of {audited} page runs (a page in one mode)")
    for (mode, change), group in sorted(by_change.items(), key=lambda item: (item[0][0], -len(item[1]))):
        kinds = Counter(w for f in group for w in f.why)
        print(f"{mode} {change}: {len(group)} pages ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
        for f in sorted(group, key=lambda f: -max(f.lost, f.gained))[:show]:
            print(
                f"  {f.set}/{f.key[:12]} lost {f.lost:.2f} gained {f.gained:.2f} removed {f.removed}"
                f" lang {f.language[0]}->{f.language[1]} {f.status[0]}->{f.status[1]}  {f.line!r}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--mode", choices=["html", "text", "all"], default="all")
    parser.add_argument("--threshold", type=float, default=0.8, help="a body keeping less of itself than this flips")
    parser.add_argument("--min-shingles", type=int, default=20, help="fewer shingles moved is no flip")
    parser.add_argument("--show", type=int, default=10, help="pages listed for each change")
    parser.add_argument("--json", type=Path, help="write every flip here")
    args = parser.parse_args(argv)
    flips, audited = audit(args.data, ["html", "text"] if args.mode == "all" else [args.mode], args)
    report(flips, audited, args.show)
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in flips], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
