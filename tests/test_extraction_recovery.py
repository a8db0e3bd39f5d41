"""A short HTML extraction is retried until it recovers the article.

cleaner's extraction favours precision, and precision mode can keep a short notice
(a reprint notice, a teaser) and drop the article beside it; a retry that keeps
precision finds the same notice. Here the article's box has ``overflow: hidden`` in
its style, which trafilatura's precision mode takes for a hidden element both in its
own extraction and in what it hands its fallback extractors.
"""

from __future__ import annotations

import pytest
from helpers import HARBOUR_ARTICLE
from typer.testing import CliRunner

from cleaner import clean
from cleaner.cli import app

ARTICLE = HARBOUR_ARTICLE
NOTICE = (
    "This story first appeared in the Harbour Gazette, an independent weekly paper that covers the towns "
    "along the northern coast, and it is republished here under an agreement between the two papers. The "
    "Gazette holds the copyright; for permission to reprint it, write to its editors at the address given "
    "on its own site."
)


def page(box_style: str, paragraphs: list[str] = ARTICLE) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour plan approved</title></head>"
        f"<body><article><div style='{box_style}'>{body}</div><p>{NOTICE}</p></article></body></html>"
    ).encode()


def test_an_article_that_precision_mode_drops_beside_a_notice_is_recovered():
    text = clean(page("overflow: hidden")).text
    assert all(sentence in text for sentence in ARTICLE)


def test_the_recovered_article_is_what_the_cli_writes(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "harbour.html").write_bytes(page("overflow: hidden"))
    result = CliRunner().invoke(app, ["clean", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "out" / "harbour.txt").read_text(encoding="utf-8")
    assert all(sentence in written for sentence in ARTICLE)


@pytest.fixture
def extractions(monkeypatch) -> list[dict]:
    """The options of every extraction cleaner makes: ``bare_extraction`` calls, and the
    first, precise one (:mod:`cleaner.precise`, which follows ``bare_extraction``)."""
    import trafilatura

    from cleaner import precise

    calls: list[dict] = []
    real, real_precise = trafilatura.bare_extraction, precise._precise_text

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    def spy_precise(tree, url):
        calls.append(precise.OPTIONS)
        return real_precise(tree, url)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    monkeypatch.setattr(precise, "_precise_text", spy_precise)
    return calls


def test_the_retries_go_from_the_full_cascade_to_no_precision(extractions):
    clean(page("overflow: hidden"))
    assert [(c["fast"], c["favor_precision"]) for c in extractions] == [(True, True), (False, True), (False, False)]


def test_a_body_long_enough_is_not_retried(extractions):
    long_article = ARTICLE * 4  # the precise extraction finds it all (the box shows)
    text = clean(page("padding: 4px", long_article)).text
    assert all(sentence in text for sentence in ARTICLE)
    assert len(extractions) == 1
