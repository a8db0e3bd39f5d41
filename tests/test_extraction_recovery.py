"""A short HTML extraction is retried until it recovers the article.

cleaner's extraction favours precision, and precision mode can keep a short notice
(a reprint notice, a teaser) and drop the article beside it; a retry that keeps
precision finds the same notice. Here the article's box has ``overflow: hidden`` in
its style, which trafilatura's precision mode takes for a hidden element both in its
own extraction and in what it hands its fallback extractors.

A longer body is retried without precision only on a sparse page, one whose text it
holds little of (a list post whose items precision mode drops beside its intro), and
the retry counts only if it widens that body.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, HARBOUR_ARTICLE, cli_cleaned

from cleaner import clean

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
    written = cli_cleaned(tmp_path, "harbour.html", page("overflow: hidden"))
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


def test_a_longer_body_on_a_sparse_page_is_retried_without_precision_only(extractions):
    clean((FIXTURES / "html" / "list-page.html").read_bytes())
    assert [(c["fast"], c["favor_precision"]) for c in extractions] == [(True, True), (False, False)]


def test_a_longer_body_that_is_most_of_its_page_is_not_retried(extractions):
    from cleaner.extraction import RELAX_BELOW_CHARS, RETRY_BELOW_CHARS

    article = ARTICLE * 2  # between the two lengths, and the page holds little else
    assert RETRY_BELOW_CHARS < len(" ".join(article)) < RELAX_BELOW_CHARS
    text = clean(page("padding: 4px", article)).text
    assert all(sentence in text for sentence in ARTICLE)
    assert len(extractions) == 1


def test_a_retry_on_a_sparse_page_that_drops_the_body_found_is_not_taken(monkeypatch):
    import cleaner.extraction

    elsewhere = "\n".join(f"Another part of the page, line {i}, which says nothing of its intro." for i in range(40))
    monkeypatch.setattr(cleaner.extraction, "library_extraction", lambda *args: (elsewhere, ""))
    text = clean((FIXTURES / "html" / "list-page.html").read_bytes()).text
    assert "most of us have a corner where plants go to die" in text
    assert "Another part of the page" not in text
