"""Shared helpers for the filter tests."""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from click.testing import Result

from cleaner import Config, Document, Pipeline
from cleaner.blocks import join_blocks, split_blocks

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
#: The seed pages (seeds/*.txt); their expected bodies and metadata are in fixtures/seeds/.
SEEDS = ROOT / "seeds"
SEED_PAGES = sorted(SEEDS.glob("*.txt"))
#: The dev sets, beside the clone (CI has them): a test that reads one is skipped without it.
ARTICLES = ROOT.parent / "shared" / "bench" / "articles"
MULTILINGUAL = ROOT.parent / "shared" / "bench" / "multilingual"
needs_articles = pytest.mark.skipif(not ARTICLES.is_dir(), reason="needs ../shared/bench/articles")
needs_multilingual = pytest.mark.skipif(not MULTILINGUAL.is_dir(), reason="needs ../shared/bench/multilingual")

#: `make test-fast` sets CLEANER_TESTS=fast: the loop to run while working.
FAST = os.environ.get("CLEANER_TESTS") == "fast"


def examples(full: int) -> int:
    """How many examples a property or comparison test draws: ``full`` in `make test` (and
    CI, and a plain `pytest`), a fifth of it (at least 20) in `make test-fast`."""
    return max(20, full // 5) if FAST else full


#: The CLI tests' inputs: a line the glued-sentence repair splits (into ``SPLIT``), and one cleaning keeps.
GLUED = "The war ended in a long conflict.President Putin spoke at length today about it.\n"
SPLIT = "The war ended in a long conflict.\n\nPresident Putin spoke at length today about it.\n"
CLEAN = "A calm paragraph that needs no cleaning at all, written in plain English prose.\n"

#: A short article, one sentence a paragraph (fixtures/language/language_picker.txt holds it too).
HARBOUR_ARTICLE = [
    "The city council voted on Tuesday evening to approve a plan that will rebuild the old harbour.",
    "Members argued for more than four hours about the cost of the project and who should pay for it.",
    "The mayor said that the new quays would bring jobs to the town and make it safer for the boats.",
    "Some residents who live near the water told the council they were worried about noise and traffic.",
    "Work on the first phase is expected to begin in the spring and should take about two years.",
]


@cache
def pipeline(disable: frozenset[str] = frozenset()) -> Pipeline:
    return Pipeline(Config(language="en", kind="text", disable=disable))


def run(text: str, *disable: str) -> Document:
    """Clean ``text`` as English plain text (no language or kind detection), some filters off."""
    return pipeline(frozenset(disable)).clean(text)


def normalized(text: str) -> str:
    """``text`` with only the whitespace changes cleaning makes to a clean document."""
    return join_blocks(split_blocks(text))


def removed_by(doc: Document, name: str) -> list[str]:
    return [r.text for r in doc.removed if r.filter == name]


def assert_removes(name: str, article: str, pieces: list[str]) -> Document:
    """Cleaning ``article`` followed by ``pieces`` gives back the article; ``name`` removed them all."""
    doc = run(article + "\n\n" + "\n\n".join(pieces), "content")  # (the stage would cut a page of many itself)
    assert doc.text == article
    assert removed_by(doc, name) == pieces
    return doc


def cpu_cost(call: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU seconds of ``repeat`` calls (CPU time: other processes' load does not count)."""
    costs = []
    for _ in range(repeat):
        start = time.process_time()
        call()
        costs.append(time.process_time() - start)
    return min(costs)


def grows_linearly(run: Callable[[str], object], text: str, factor: int = 4, max_ratio: float = 10.0) -> bool:
    """Whether ``run`` on ``text`` repeated ``factor`` times costs at most ``max_ratio`` times
    its cost on ``text`` (linear: about ``factor``; quadratic: ``factor`` squared).

    A ratio of two costs measured in one process, as the benchmarks measure speed, so the
    machine's load cancels out. Under a millisecond of CPU on the larger input there is
    nothing to tell from noise, and nothing to worry about: that passes.
    """
    large = text * factor
    large_cost = cpu_cost(lambda: run(large))
    if large_cost < 0.001:
        return True
    return large_cost <= max_ratio * max(cpu_cost(lambda: run(text)), 1e-6)


def fake_batch(out: Path, shares: list[int]) -> None:
    """Metadata files and bodies as a batch writes them, of documents of 100 characters
    that lost ``shares`` of them."""
    out.mkdir()
    for i, removed in enumerate(shares):
        body = "k" * (100 - removed)
        record = {
            "title": f"Document {i}",
            "removed": [{"filter": "content", "text": "r" * removed, "reason": "not the article", "line": 1}]
            if removed
            else [],
            "body_lines": [2] if body else [],
            "kind": "text",
            "chars_in": 100,
        }
        (out / f"d{i:03}.json").write_text(json.dumps(record), encoding="utf-8")
        (out / f"d{i:03}.txt").write_text(body + "\n" if body else "", encoding="utf-8")


def invoke(*args: object, stdin: bytes | None = None) -> Result:
    """``cleaner ARGS`` run in this process (``typer``'s runner), ``stdin`` its standard input."""
    from typer.testing import CliRunner

    from cleaner.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


def seeds_report(tmp: Path) -> tuple[Path, Path]:
    """The seeds cleaned into ``tmp``/out with ``--report tmp/report.html``: (the out folder, the report)."""
    result = invoke("clean", SEEDS, "--out", tmp / "out", "--report", tmp / "report.html", "-j", "1")
    assert result.exit_code == 0, result.stderr
    return tmp / "out", tmp / "report.html"


def read_jsonl(path: Path) -> list[dict]:
    """The records of a JSONL file, plain or gzip."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.splitlines()]


def cli_cleaned(tmp_path: Path, name: str, raw: bytes) -> str:
    """The body ``cleaner clean DIR --out OUT`` writes for one file ``name`` holding ``raw``."""
    source = tmp_path / "in"
    source.mkdir()
    (source / name).write_bytes(raw)
    result = invoke("clean", source, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / name).with_suffix(".txt").read_text(encoding="utf-8")
