"""A long precise body of little prose, a small share of its page, is retried without precision.

On a page whose class names it does not know (``fixtures/html/timetable-page.html``:
hashed names, as generated style sheets write them), precision mode takes the one box
a name it knows marks, a timetable, and drops the article beside it. The body is long
enough to skip the short-body retries, but few of its lines are prose and it holds
little of the page's text: it is retried without precision, and the retry replaces it
when its prose is at least twice as wide.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, HARBOUR_ARTICLE

from cleaner import clean
from cleaner.prose import prose_share, prose_width, sentences_fill

PAGE = FIXTURES / "html" / "timetable-page.html"
TIMETABLE = "\n".join(f"| {h:02d}:15 | Line {h % 7 + 1} | Platform {h % 4 + 1} | Central |" for h in range(6, 20))
ARTICLE = "The new timetable for the northern line takes effect on Monday"


@pytest.mark.parametrize("comments", ["drop", "separate"])
def test_the_article_beside_a_timetable_is_recovered(comments):
    # (with comments kept apart, the first extraction leaves the page whole: trafilatura's measure of its text)
    text = clean(PAGE.read_bytes(), comments=comments).text
    assert ARTICLE in text
    assert "Platform" not in text


def test_a_timetable_is_little_prose_and_an_article_is_not():
    article = "\n".join(HARBOUR_ARTICLE)
    assert prose_width(TIMETABLE) == 0
    assert not sentences_fill(TIMETABLE, 0.1)
    assert prose_share(article) > 0.5
    assert sentences_fill(article, 0.5)


def test_a_body_of_sentences_is_not_classified(monkeypatch):
    import cleaner.prose

    calls, tested, real = [], [], cleaner.prose.sentences_fill
    monkeypatch.setattr(cleaner.prose, "prose_width", lambda body: calls.append(body) or 0)
    monkeypatch.setattr(cleaner.prose, "sentences_fill", lambda body, share: tested.append(body) or real(body, share))
    paragraphs = "".join(f"<p>{p}</p>" for p in HARBOUR_ARTICLE * 4)
    clean(f"<html><head><title>Harbour</title></head><body><article>{paragraphs}</article></body></html>")
    assert len(tested) == 1
    assert calls == []


def test_a_retry_without_twice_the_prose_is_not_taken(monkeypatch):
    import cleaner.extraction

    other = TIMETABLE.replace("Central", "North") + "\nA line of a menu that says little."
    monkeypatch.setattr(cleaner.extraction, "library_extraction", lambda *args: (other, ""))
    text = clean(PAGE.read_bytes()).text
    assert "Central" in text
    assert "North" not in text


def test_a_timetable_that_is_most_of_its_page_is_not_retried(monkeypatch):
    import cleaner.extraction

    calls = []
    monkeypatch.setattr(cleaner.extraction, "library_extraction", lambda *args: calls.append(args) or ("", ""))
    raw = PAGE.read_bytes()
    start, end = raw.index(b'<div class="c-9f8e7d">'), raw.index(b'<div class="post-content">')
    text = clean(raw[:start] + raw[end:]).text  # the page without its article (and its share of the text)
    assert "Platform" in text
    assert calls == []
