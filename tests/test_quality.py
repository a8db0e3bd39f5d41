"""The quality gate: F1 on a small fixed set of pages must not fall below pinned floors.

Each set is cleaned as a user's files are (bytes, the kind told from the content, by
``cleaner.clean``) and scored with the benchmark's own metric:

- ``seeds`` (seeds/ against fixtures/seeds/) and ``fixtures`` (fixtures/pages/ against
  their expected bodies, fixtures/clean/ against themselves): the article benchmark's
  shingle F1 (benchmarks/scoring.py);
- ``articles-text``, ``articles-html``: every 9th page (by key) of
  ../shared/bench/articles, the rendered text and the HTML file; ``articles-html-as-text``:
  the same HTML handed over as text, as a JSONL record carries it; shingle F1;
- ``multilingual-html``, ``multilingual-text``: every 20th page (by name) of
  ../shared/bench/multilingual, its bytes and its html-text rendering; trafilatura's
  passage metric (benchmarks/multilingual.py), its F1 averaged over pages rather than
  over passages, so that each page weighs the same however many passages it has.

How the floors were set: each is the set's F1 measured on the code of this commit, less
0.005, rounded down to three decimals (``python tests/test_quality.py`` prints the figures).
A set whose F1 falls below its floor fails, naming its worst pages. When a change raises a
set's F1, raise its floor in the same commit; a floor is never lowered without the commit
saying why. ``test_one_page_collapsing_trips_the_gate`` checks that the sample is small
enough for a floor to notice a single page that was extracted well losing its body.
The shared sets are skipped when ../shared/bench is not beside the clone (CI has it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import articles  # noqa: E402
import multilingual  # noqa: E402
from helpers import ARTICLES, FIXTURES, MULTILINGUAL, SEED_PAGES  # noqa: E402  (after checkout: a script's cleaner)
from scoring import score  # noqa: E402

import cleaner  # noqa: E402

FLOORS = {
    "seeds": 0.995,
    "fixtures": 0.995,
    "articles-text": 0.954,
    "articles-html": 0.973,
    "articles-html-as-text": 0.973,
    "multilingual-html": 0.941,
    "multilingual-text": 0.907,
}
#: A page "extracted well" scores at least this: its collapse must trip its set's floor.
WELL = 0.5


@dataclass
class Page:
    name: str
    raw: str | bytes
    truth: str | multilingual.Page  # the true body, or the passages it must (not) hold

    def f1(self, body: str) -> float:
        if isinstance(self.truth, str):
            return score([(self.truth, body)]).f1
        return multilingual.page_counts(self.truth, body).f1


def _set_score(pages: list[Page], bodies: list[str]) -> float:
    """The set's F1: the shingle F1 of the benchmark (pages weigh the same), or the mean
    of the pages' passage F1."""
    if pages and isinstance(pages[0].truth, str):
        return score([(str(p.truth), body) for p, body in zip(pages, bodies, strict=True)]).f1
    return sum(p.f1(body) for p, body in zip(pages, bodies, strict=True)) / len(pages)


def _fixture_pages() -> list[Page]:
    pages = [
        Page(f"pages/{path.name}", path.read_bytes(), path.with_suffix(".expected.txt").read_text(encoding="utf-8"))
        for path in sorted((FIXTURES / "pages").glob("*.txt"))
        if "." not in path.stem
    ]
    pages += [
        Page(f"clean/{p.name}", p.read_bytes(), p.read_text(encoding="utf-8"))
        for p in sorted((FIXTURES / "clean").glob("*.txt"))
    ]
    return pages


def _seed_pages() -> list[Page]:
    return [
        Page(p.name, p.read_bytes(), (FIXTURES / "seeds" / p.name).read_text(encoding="utf-8")) for p in SEED_PAGES
    ]


def _article_pages(form: str) -> list[Page]:
    pages = []
    for key, body in list(articles.true_bodies(ARTICLES).items())[::9]:
        raw = articles.page_input(ARTICLES, key, "text" if form == "text" else "html")
        if form == "text":
            raw = raw.encode("utf-8")
        elif form == "html-as-text":
            raw = raw.decode("utf-8", errors="replace")
        pages.append(Page(key[:12], raw, body))
    return pages


def _multilingual_pages(form: str) -> list[Page]:
    pages = []
    for name, entry in list(multilingual.entries(MULTILINGUAL).items())[::20]:
        raw = multilingual.raw_page(MULTILINGUAL, entry)
        passages = multilingual.Page(name, raw, entry["with"], entry["without"], "")
        pages.append(Page(entry["file"], raw if form == "html" else multilingual.render_text(raw), passages))
    return pages


SETS: dict[str, tuple[Callable[[], list[Page]], Path | None]] = {
    "seeds": (_seed_pages, None),
    "fixtures": (_fixture_pages, None),
    "articles-text": (lambda: _article_pages("text"), ARTICLES),
    "articles-html": (lambda: _article_pages("html"), ARTICLES),
    "articles-html-as-text": (lambda: _article_pages("html-as-text"), ARTICLES),
    "multilingual-html": (lambda: _multilingual_pages("html"), MULTILINGUAL),
    "multilingual-text": (lambda: _multilingual_pages("text"), MULTILINGUAL),
}


@cache
def cleaned(name: str) -> tuple[list[Page], list[str]]:
    """The set's pages and the bodies cleaner gives them."""
    load, needs = SETS[name]
    if needs is not None and not needs.is_dir():
        pytest.skip(f"{needs} is not there")
    pages = load()
    return pages, [cleaner.clean(page.raw).text for page in pages]


@pytest.mark.parametrize("name", list(SETS))
def test_quality_holds_its_floor(name: str) -> None:
    pages, bodies = cleaned(name)
    found = _set_score(pages, bodies)
    worst = sorted((p.f1(body), p.name) for p, body in zip(pages, bodies, strict=True))[:3]
    assert found >= FLOORS[name], f"{name}: F1 {found:.4f} < floor {FLOORS[name]}; worst pages {worst}"


@pytest.mark.parametrize("name", list(SETS))
def test_one_page_collapsing_trips_the_gate(name: str) -> None:
    pages, bodies = cleaned(name)
    for i, (page, body) in enumerate(zip(pages, bodies, strict=True)):
        if page.f1(body) >= WELL:
            collapsed = bodies[:i] + [""] + bodies[i + 1 :]
            assert _set_score(pages, collapsed) < FLOORS[name], f"{name}: {page.name} could lose its body unnoticed"


def test_every_set_has_a_floor() -> None:
    assert set(FLOORS) == set(SETS)


if __name__ == "__main__":  # the figures the floors are set from
    for set_name in SETS:
        set_pages, set_bodies = cleaned(set_name)
        print(f"{set_name:<24} {len(set_pages):3} pages  F1 {_set_score(set_pages, set_bodies):.4f}")
