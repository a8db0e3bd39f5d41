"""Shared helpers for the filter tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cleaner import Config, Document, Pipeline
from cleaner.blocks import join_blocks, split_blocks

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


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
    doc = run(article + "\n\n" + "\n\n".join(pieces))
    assert doc.text == article
    assert removed_by(doc, name) == pieces
    return doc
