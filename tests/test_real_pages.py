"""Real pages in many languages, as files on disk, through every path a user takes.

The pages are the multilingual benchmark's (``../shared/bench/multilingual``: original
bytes, several not UTF-8), decompressed into a folder as a crawl would hold them. The
default run takes a deterministic sample (every page that is not UTF-8, and every
fiftieth of the others); the whole set runs under ``-m slow``. On every path the body
must hold no character that is not in the decoded page, must be what ``clean(str)``
gives for the page's text, and must find the benchmark's passages at least as often.

The folder is cleaned once by a real ``cleaner`` process (the path as a user types it);
the other paths run in this process (CliRunner), whose workers are forked from it and so
start with the languages' data and the date parser's patterns already built.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import MULTILINGUAL, ROOT, invoke, needs_multilingual
from typer.testing import CliRunner

from cleaner import Config, Pipeline, clean
from cleaner.cli import app
from cleaner.inputs import decode
from cleaner.results import body_bytes

sys.path.insert(0, str(ROOT / "benchmarks"))

from multilingual import decode_like_a_browser  # noqa: E402
from realpath import foreign_characters  # noqa: E402

pytestmark = needs_multilingual


@dataclass
class RealPage:
    path: Path  # the page's bytes, as a file
    text: str  # decoded as cleaner decodes it
    browser: str  # decoded by the browsers' rule (the benchmark's reference)
    utf8: bool
    body: str  # clean(browser).text: what every path must give
    title: str | None  # clean(browser).metadata["title"]
    with_: list[str]


def _select(names: list[str], raws: dict[str, bytes], whole: bool) -> list[str]:
    if whole:
        return names
    picked = []
    for i, name in enumerate(names):
        try:
            raws[name].decode("utf-8")
        except UnicodeDecodeError:
            picked.append(name)
            continue
        if i % 50 == 0:
            picked.append(name)
    return picked


@pytest.fixture(scope="module", params=["sample", pytest.param("all", marks=pytest.mark.slow)])
def pages(request, tmp_path_factory) -> list[RealPage]:
    truth = json.loads((MULTILINGUAL / "truth.json").read_text(encoding="utf-8"))
    entries = {Path(e["file"]).name.removesuffix(".gz"): e for e in truth.values()}
    names = sorted(entries)
    raws = {name: gzip.decompress((MULTILINGUAL / entries[name]["file"]).read_bytes()) for name in names}
    folder = tmp_path_factory.mktemp("pages")
    found = []
    for name in _select(names, raws, request.param == "all"):
        path = folder / name
        path.write_bytes(raws[name])
        browser = decode_like_a_browser(raws[name])
        utf8 = _is_utf8(raws[name])
        doc = clean(browser)
        text = decode(raws[name], path, html=True)
        found.append(RealPage(path, text, browser, utf8, doc.text, doc.metadata["title"], entries[name]["with"]))
    return found


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def squeeze(text: str) -> str:
    return " ".join(text.split())


def passages_found(pages: list[RealPage], bodies: list[str]) -> int:
    return sum(squeeze(p) in squeeze(body) for page, body in zip(pages, bodies, strict=True) for p in page.with_)


def assert_right(pages: list[RealPage], bodies: list[str]) -> None:
    """No foreign character; bytes as text for UTF-8 pages; passages found as often as from text."""
    for page, body in zip(pages, bodies, strict=True):
        assert not foreign_characters(body, page.text), page.path.name
        if page.utf8:
            assert body == page.body, page.path.name
    assert passages_found(pages, bodies) >= passages_found(pages, [p.body for p in pages])


def cli(*args: object, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``cleaner ARGS`` run as its own process."""
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], input=stdin, capture_output=True)


@pytest.mark.timeout(1800)
def test_a_folder_of_pages_cleaned_into_out(pages, tmp_path):
    folder = pages[0].path.parent
    r = cli("clean", folder, "--out", tmp_path, "-q")
    assert r.returncode == 0, r.stderr.decode()
    bodies = [(tmp_path / f"{p.path.stem}.txt").read_text(encoding="utf-8").removesuffix("\n") for p in pages]
    assert_right(pages, bodies)
    for page in pages:
        meta = json.loads((tmp_path / f"{page.path.stem}.json").read_text(encoding="utf-8"))
        if page.utf8:
            assert meta["title"] == page.title, page.path.name


@pytest.mark.timeout(1800)
def test_pages_piped_into_stdin(pages):
    bodies = []
    for i, page in enumerate(pages):
        data = page.path.read_bytes()
        r = CliRunner().invoke(app, ["clean", "-"], input=gzip.compress(data) if i % 5 == 0 else data)
        assert r.exit_code == 0, r.stderr
        bodies.append(r.stdout.removesuffix("\n"))
    assert_right(pages, bodies)


@pytest.mark.timeout(1800)
def test_pages_as_jsonl_records(pages, tmp_path):
    """Records hold text a crawler decoded (as cleaner decodes the page)."""
    source = tmp_path / "pages.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as fh:
        for page in pages:
            fh.write(json.dumps({"id": page.path.name, "text": page.text}) + "\n")
    r = invoke("clean", source, "--jsonl", tmp_path / "out.jsonl", "-q")
    assert r.exit_code == 0, r.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [p.path.name for p in pages]
    bodies = [r["text"] for r in records]
    assert_right(pages, bodies)
    assert bodies == [p.body if p.utf8 else clean(p.text).text for p in pages]


@pytest.mark.timeout(1800)
def test_dask_clean_files_reads_pages_as_the_cli_does(pages):
    import dask

    from cleaner.dask import clean_files

    with dask.config.set(scheduler="synchronous"):
        records = clean_files([str(p.path) for p in pages], files_per_partition=8).compute()
    assert [r["source"] for r in records] == [str(p.path) for p in pages]
    assert_right(pages, [r["text"] for r in records])


def test_check_names_what_changes_in_each_page(pages):
    sample = pages[:4]
    r = invoke("check", *(p.path for p in sample))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert len(lines) == len(sample)
    for page, line in zip(sample, lines, strict=True):
        assert line.startswith(f"{page.path}: html extracts the article")
        assert not foreign_characters(line.removeprefix(str(page.path)), page.text + "…'\",()"), line


#: A text page that is chrome through and through: cleaning keeps nothing of it.
ALL_CHROME = (
    "Subscribe to our newsletter\n\nShare on Facebook\n\nShare on Twitter\n\nSkip to content\n\n"
    "This website uses cookies to improve your experience. Accept all cookies.\n"
)


def in_place_corpus(pages: list[RealPage], folder: Path) -> dict[str, str]:
    """Each page as HTML (some gzipped) and as the text a crawler flattened it to (in
    the page's own encoding where that is not UTF-8, some gzipped); one chrome-only page.
    Returns the texts by file name."""
    import html_text

    folder.mkdir()
    texts = {"all-chrome.txt": ALL_CHROME}
    for i, page in enumerate(pages):
        data = page.path.read_bytes()
        (folder / (page.path.name + (".gz" if i % 4 == 0 else ""))).write_bytes(
            gzip.compress(data) if i % 4 == 0 else data
        )
        text = html_text.extract_text(page.text)
        codec = "utf-8" if page.utf8 else "cp1252"
        try:
            encoded = text.encode(codec)
        except UnicodeEncodeError:
            encoded = text.encode()
        name = page.path.stem + (".txt.gz" if i % 3 == 0 else ".txt")
        (folder / name).write_bytes(gzip.compress(encoded, mtime=0) if name.endswith(".gz") else encoded)
        texts[name] = text
    (folder / "all-chrome.txt").write_text(ALL_CHROME, encoding="utf-8")
    return texts


def snapshot(folder: Path) -> dict[str, bytes]:
    def content(path: Path) -> bytes:
        return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()

    return {p.name: content(p) for p in sorted(folder.iterdir()) if not p.name.endswith(".cleaner.json")}


#: The runs a user may type in a row, and the configuration each cleans with.
IN_PLACE_RUNS: list[tuple[list[str], frozenset[str]]] = [
    ([], frozenset()),
    ([], frozenset()),
    (["--force"], frozenset()),
    (["--disable", "teasers"], frozenset({"teasers"})),
    (["--force", "--no-sidecar"], frozenset()),
]


def cleaned_again(text: bytes, disable: frozenset[str]) -> bytes:
    """What one more cleaning makes of a file's text; the text itself where that would
    be empty (in place, such a file is left as it is)."""
    doc = Pipeline(Config(disable=disable)).clean(text.decode("utf-8"), kind="text")
    return body_bytes(doc) if doc.text else text


@pytest.mark.timeout(1800)
def test_in_place_never_loses_text_whatever_the_user_types(pages, tmp_path):
    """Each run leaves every file as one more cleaning of its text makes it, or as it was
    (HTML pages, texts that would be emptied); a second run skips, and a forced or
    reconfigured one changes nothing (cleaning is idempotent)."""
    folder = tmp_path / "corpus"
    texts = in_place_corpus(pages, folder)
    original = snapshot(folder)
    pages_html = {name for name in original if ".htm" in name}
    before: dict[str, bytes] = {}
    for run, (extra, disable) in enumerate(IN_PLACE_RUNS):
        r = invoke("clean", folder, "--in-place", "-q", *extra)
        assert r.exit_code == 1  # the HTML pages and the pages with no article are refused
        errors = r.stderr
        assert errors.count("HTML is not cleaned in place") == len(pages_html)
        kept = {Path(line.split(": cleaning")[0]).name for line in errors.splitlines() if "keeps nothing" in line}
        assert "all-chrome.txt" in kept
        now = snapshot(folder)
        for name, data in now.items():
            if name in pages_html or name in kept:
                assert data == before.get(name, original[name]), name  # untouched
                continue
            text = data.decode("utf-8")
            assert text.strip() and not foreign_characters(text, texts[name]), name
            if run == 1:
                assert data == before[name], name  # unchanged since: skipped
            elif run > 1:
                assert data == cleaned_again(before[name], disable), name
        changed = {name for name in now if before and now[name] != before[name]}
        assert changed == set()  # cleaning is idempotent: no run after the first changes a file
        before = now
