"""Snapshot cleaner's outputs on every dev page, and compare two snapshots.

    python benchmarks/snapshot.py take main.snap      # before a change
    python benchmarks/snapshot.py take branch.snap    # after it
    python benchmarks/snapshot.py compare main.snap branch.snap

``take`` cleans each page and writes one line per page, tab-separated: ``SET/KEY``, a
hash of the body and metadata (or of the error raised), a hash of the removal records
and the body's length. ``compare`` lists the pages whose line differs (in body or
metadata, or in the removal records only), and exits 1 if there are any. A refactoring
should leave every line as it was; a change of behaviour lists the pages it changes.
The whole run takes under a minute of CPU time.

The sets (``--only SET`` takes a few; the default is all of them):

- ``articles-text``: the article benchmark's rendered text (``text/KEY.txt``), kind text;
- ``articles-html``: its pages as bytes (``html/KEY.html.gz``, decompressed), kind html;
- ``multilingual-html``: the multilingual pages as bytes, kind html;
- ``multilingual-text``: the same pages rendered to text as ``benchmarks/multilingual.py``
  renders them (html-text, decoded by the browsers' rule), kind text;
- ``articles-nofirst``, ``multilingual-nofirst``: the text pages without their first line (a
  flattened page's ``<title>``, which scrapers other than html-text do not write): the content
  stage's choice then rests on other lines, and a change that leaves every whole page as it
  was can still move these (8426710 did);
- ``seeds``: ``seeds/*.txt``, kind text;
- ``fixtures``: the pages under ``fixtures/`` (not expected outputs, data or scripts), as
  bytes, kind html for ``.html``/``.htm`` files and text for the rest (``.gz``
  decompressed; refused inputs count by their error).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from checkout import ROOT  # (before cleaner: the checkout, or the installed build)

if TYPE_CHECKING:
    from cleaner import Document

#: A page to clean: (key, input, kind).
Input = tuple[str, "str | bytes", str]
SETS = (
    "articles-text",
    "articles-html",
    "multilingual-html",
    "multilingual-text",
    "articles-nofirst",
    "multilingual-nofirst",
    "seeds",
    "fixtures",
)
#: Files under fixtures/ that are no pages (and fixtures/seeds holds the seeds' expected bodies).
_NOT_INPUTS = (".json", ".toml", ".py")


def articles(data: Path, kind: str) -> Iterator[Input]:
    from articles import ground_truth, page_input

    for key in ground_truth(data):
        yield key, page_input(data, key, kind), kind


def multilingual(data: Path, kind: str) -> Iterator[Input]:
    from multilingual import entries, raw_page, render_text

    for key, entry in entries(data).items():
        raw = raw_page(data, entry)
        yield key, (raw if kind == "html" else render_text(raw)), kind


def seeds() -> Iterator[Input]:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), "text"


def fixtures() -> Iterator[Input]:
    for path in sorted((ROOT / "fixtures").rglob("*")):
        folder = path.relative_to(ROOT / "fixtures").parts[0]
        if not path.is_file() or folder == "seeds" or ".expected." in path.name or path.suffix in _NOT_INPUTS:
            continue
        raw = path.read_bytes()
        name = path.name.removesuffix(".gz")
        if name != path.name:
            try:
                raw = gzip.decompress(raw)
            except (OSError, EOFError):
                pass  # not gzip after all: cleaned as it is
        kind = "html" if name.endswith((".html", ".htm")) else "text"
        yield str(path.relative_to(ROOT / "fixtures")), raw, kind


def without_first(pages: Iterator[Input]) -> Iterator[Input]:
    for key, text, kind in pages:
        yield key, str(text).partition("\n")[2], kind


def inputs(name: str, articles_dir: Path, multilingual_dir: Path) -> Iterator[Input]:
    if name.endswith("-nofirst"):
        return without_first(inputs(name.replace("-nofirst", "-text"), articles_dir, multilingual_dir))
    if name.startswith("articles-"):
        return articles(articles_dir, name.split("-")[1])
    if name.startswith("multilingual-"):
        return multilingual(multilingual_dir, name.split("-")[1])
    return seeds() if name == "seeds" else fixtures()


def fingerprint(clean: Callable[[str | bytes, str], Document], raw: str | bytes, kind: str) -> str:
    """The page's line after its key: hashes of body and metadata, of the removal records,
    and the body's length (an error is hashed as its message, length -1)."""
    try:
        doc = clean(raw, kind)
    except Exception as exc:  # a page that raises is part of the snapshot too
        return f"{digest(f'error: {type(exc).__name__}: {exc}')}\t-\t-1"
    records = [r.to_dict() for r in doc.removed]
    return f"{digest([doc.text, doc.metadata])}\t{digest(records)}\t{len(doc.text)}"


def digest(result: object) -> str:
    encoded = json.dumps(result, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def take(out: Path, sets: list[str], articles_dir: Path, multilingual_dir: Path) -> int:
    from cleaner import Config, Pipeline

    pipelines = {kind: Pipeline(Config(kind=kind)) for kind in ("text", "html")}

    def clean(raw: str | bytes, kind: str) -> Document:
        return pipelines[kind].clean(raw)

    count = 0
    with out.open("w", encoding="utf-8") as f:
        for name in sets:
            for key, raw, kind in inputs(name, articles_dir, multilingual_dir):
                f.write(f"{name}/{key}\t{fingerprint(clean, raw, kind)}\n")
                count += 1
    print(f"{count} pages -> {out}")
    return 0


def read(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {key: rest for key, _, rest in (line.partition("\t") for line in lines)}


def compare(a: Path, b: Path) -> int:
    """List the pages whose lines differ: in body or metadata, or in the removal records
    only. Pages in one file only (a snapshot of some sets) are counted, not compared."""
    old, new = read(a), read(b)
    both = [key for key in old if key in new]
    bodies = [key for key in both if old[key].split("\t")[::2] != new[key].split("\t")[::2]]
    records = [key for key in both if old[key] != new[key] and key not in bodies]
    for label, keys in (("body or metadata", bodies), ("records only", records)):
        for key in keys:
            print(f"{label}  {key}  {old[key]}  ->  {new[key]}")
    alone = sorted(old.keys() ^ new.keys())
    print(
        f"{len(both) - len(bodies) - len(records)} pages identical; {len(bodies)} differ in body or metadata, "
        f"{len(records)} in removal records only" + (f"; {len(alone)} in one file only" if alone else "")
    )
    return 1 if bodies or records else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    taking = commands.add_parser("take", help="clean every page and write the snapshot")
    taking.add_argument("out", type=Path)
    taking.add_argument("--only", action="append", choices=SETS, help="only this set (repeatable)")
    taking.add_argument("--articles", type=Path, default=ROOT.parent / "shared" / "bench" / "articles")
    taking.add_argument("--multilingual", type=Path, default=ROOT.parent / "shared" / "bench" / "multilingual")
    comparing = commands.add_parser("compare", help="list the pages whose results differ")
    comparing.add_argument("a", type=Path)
    comparing.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.a, args.b)
    return take(args.out, args.only or list(SETS), args.articles, args.multilingual)


if __name__ == "__main__":
    raise SystemExit(main())
