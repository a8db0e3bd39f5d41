"""Fixture pages (dirty, with expected bodies) and clean articles (must come back unchanged)."""

import json

import pytest
from helpers import FIXTURES, normalized, run

PAGES = sorted(p.stem for p in (FIXTURES / "pages").glob("*.txt") if "." not in p.stem)
CLEAN = sorted((FIXTURES / "clean").glob("*.txt"))
ALL_INPUTS = [FIXTURES / "pages" / f"{s}.txt" for s in PAGES] + CLEAN + sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.mark.parametrize("stem", PAGES)
def test_page_body_and_metadata(stem):
    doc = run((FIXTURES / "pages" / f"{stem}.txt").read_text(encoding="utf-8"))
    assert doc.text == (FIXTURES / "pages" / f"{stem}.expected.txt").read_text(encoding="utf-8").strip()
    meta = json.loads((FIXTURES / "pages" / f"{stem}.expected.json").read_text(encoding="utf-8"))
    assert {k: doc.metadata[k] for k in meta} == meta


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_article_comes_back_unchanged(path):
    text = path.read_text(encoding="utf-8")
    doc = run(text)
    assert doc.removed == []
    assert doc.text == normalized(text)
    assert {k: v for k, v in doc.metadata.items() if k not in ("language", "source")} == {
        "title": None,
        "author": None,
        "date": None,
        "site": None,
    }


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_cleaning_is_idempotent(path):
    once = run(path.read_text(encoding="utf-8"))
    twice = run(once.text)
    assert twice.text == once.text
    assert twice.removed == []
