"""Check the path users take: HTML pages as files on disk, read as bytes, in any encoding.

    python benchmarks/realpath.py ../shared/bench/multilingual [--limit N] [--json F]

Writes every page of DATA_DIR (``html/NAME.html.gz``, ``truth.json``: see
``multilingual.py``) to a temporary folder as the file a user would have (its
original bytes), then reports:

- bodies holding a character that is not in the decoded page (its text and the
  characters its entities stand for; whitespace aside), against cleaner's decoding
  and against the browsers' rule (``multilingual.decode_like_a_browser``);
- for every page that is valid UTF-8, whether ``clean(bytes)`` and ``clean(str)``
  give the same body and metadata;
- trafilatura's passage F1 of ``clean(str)`` (the page decoded by the browsers'
  rule), of ``clean(bytes)``, and of ``cleaner clean DIR --out OUT`` (the CLI, in a
  subprocess, reading the files).
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from multilingual import Counts, Page, decode_like_a_browser, entries, load, page_counts


def foreign_characters(body: str, page: str) -> set[str]:
    """Characters of ``body`` found neither in ``page`` nor among those its entities
    stand for (whitespace aside: cleaning folds it; and "|" and "\\", which the
    extractor writes between a table's cells and before a "|" inside one)."""
    known = set(page) | set(html.unescape(page)) | {"|", "\\"}
    return {c for c in set(body) - known if not c.isspace()}


def write_pages(data_dir: Path, pages: list[Page], folder: Path) -> list[Path]:
    """Each page's bytes as ``folder/NAME.html`` (its name in DATA_DIR, less ``.gz``),
    as a user's crawl would hold it."""
    truth = entries(data_dir)
    paths = []
    for page in pages:
        path = folder / Path(truth[page.name]["file"]).name.removesuffix(".gz")
        path.write_bytes(page.raw)
        paths.append(path)
    return paths


def run_cli(folder: Path, out: Path) -> dict[str, str]:
    """Bodies by file name from ``cleaner clean FOLDER --out OUT``."""
    cmd = [sys.executable, "-m", "cleaner", "clean", str(folder), "--out", str(out), "--quiet"]
    subprocess.run(cmd, check=False)
    return {p.stem: p.read_text(encoding="utf-8").rstrip("\n") for p in out.glob("*.txt")}


def f1(pages: list[Page], outputs: list[str]) -> Counts:
    total = Counts()
    for page, output in zip(pages, outputs, strict=True):
        total.add(page_counts(page, output))
    return total


def survey(pages: list[Page], paths: list[Path], cli: dict[str, str]) -> dict[str, object]:
    from cleaner import clean
    from cleaner.inputs import decode

    foreign_own, foreign_browser, utf8, differ = [], [], 0, []
    as_str, as_bytes, through_cli = [], [], []
    for path in paths:
        data = path.read_bytes()
        by_bytes = clean(data)
        browser = decode_like_a_browser(data)
        as_str.append(clean(browser).text)
        as_bytes.append(by_bytes.text)
        through_cli.append(cli.get(path.stem, ""))
        if foreign_characters(by_bytes.text, decode(data, path, html=True)):
            foreign_own.append(path.name)
        if foreign_characters(by_bytes.text, browser):
            foreign_browser.append(path.name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        utf8 += 1
        by_str = clean(text)
        if (by_str.text, by_str.metadata) != (by_bytes.text, by_bytes.metadata):
            differ.append(path.name)
    return {
        "pages": len(pages),
        "foreign_characters": foreign_own,
        "foreign_characters_browser_decoding": foreign_browser,
        "utf8_pages": utf8,
        "bytes_differ_from_str": differ,
        "f1_str": f1(pages, as_str).f1,
        "f1_bytes": f1(pages, as_bytes).f1,
        "f1_cli": f1(pages, through_cli).f1,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/multilingual")
    parser.add_argument("--limit", type=int, help="only the first N pages (by name)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    pages = load(args.data_dir, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp, "pages"), Path(tmp, "out")
        folder.mkdir()
        paths = write_pages(args.data_dir, pages, folder)
        report = survey(pages, paths, run_cli(folder, out))
    for key, value in report.items():
        shown = f"{len(value)} {value[:10]}" if isinstance(value, list) else value
        print(f"{key}: {shown:.4f}" if isinstance(value, float) else f"{key}: {shown}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
