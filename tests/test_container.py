"""The article's container on a page whose class names are generated, found by its text.

``fixtures/extraction/generated-names-page.html`` names every element by a hash (as generated
style sheets do): no body expression of trafilatura matches, and its fallback takes every
paragraph of the page, the readers' comments and the footer with them, and not the
article's subheading and list. The container of the most paragraph text is taken instead.
"""

from __future__ import annotations

import re

from helpers import FIXTURES
from lxml import html

from cleaner import clean
from cleaner.container import densest_container, generated_names, join_into

PAGE = FIXTURES / "extraction" / "generated-names-page.html"
#: A blog post of two short paragraphs under its headline, then the blog's next posts in one container.
NEXT_POST = FIXTURES / "extraction" / "generated-names-next-post.html"
#: A consent box above an article in small blocks, whose headline no ``<h1>`` marks (a ``<span>``
#: with the ``<title>``'s headline): the box holds the most paragraph text.
CONSENT_BOX = FIXTURES / "extraction" / "generated-names-consent-box.html"


def test_the_article_is_taken_with_its_heading_and_list_and_without_the_comments():
    text = clean(PAGE.read_bytes()).text
    assert text.startswith("The harbour ferry returned to service on Monday")
    assert "New timetable for the summer" in text
    assert "- Bicycles will travel free outside the morning rush hour." in text
    assert "replacement boat" not in text
    assert "Coast Media Limited" not in text


def test_the_library_alone_takes_every_paragraph_of_the_page():
    from cleaner import precise
    from cleaner.guards import guard_html
    from cleaner.parse import parse

    library = precise.library_text(parse(guard_html(PAGE.read_text(encoding="utf-8")), True), None, precise.OPTIONS)
    assert "replacement boat" in library and "Coast Media Limited" in library
    assert "New timetable for the summer" not in library


def test_the_same_page_with_names_that_are_words_is_left_to_the_extraction(monkeypatch):
    import cleaner.container

    called = []
    monkeypatch.setattr(cleaner.container, "densest_container", lambda tree: called.append(tree))
    page = re.sub(r'class="[^"]*"', 'class="box"', PAGE.read_text(encoding="utf-8"))
    clean(page)
    assert called == []


def _named(*names: str) -> object:
    return html.fromstring("".join(f'<div class="{name}">x</div>' for name in names))


def test_hashes_are_generated_names_and_words_and_numbers_are_not():
    assert generated_names(_named("c-3f9a1c", "css-1q2w3e c-81d0e2", "menu"))
    assert not generated_names(_named("post-1155", "col-md-12", "entry-content", "c-3f9a1c"))
    assert not generated_names(_named("article", "header"))
    assert not generated_names(html.fromstring("<div><p>no names</p></div>"))


def test_hashes_of_letters_only_are_generated_and_camel_case_words_are_not():
    assert generated_names(_named("sc-bdVaJa kKkHhw", "sc-fAjcbJ jRuhWw", "menu"))
    assert not generated_names(_named("postContent", "mainNavBar", "ArticleBody", "sc-fAjcbJ"))
    assert not generated_names(_named("HEADER", "footer", "sc-fAjcbJ"))


def test_a_dense_container_below_the_headline_and_a_paragraphs_text_is_left_to_the_fallback(monkeypatch):
    import cleaner.container

    text = clean(NEXT_POST.read_bytes()).text
    assert text.startswith("Before the light was automated")
    assert "given those letters to the town museum" in text
    monkeypatch.setattr(cleaner.container, "MAX_GAP", float("inf"))  # the next posts, without the guard
    assert clean(NEXT_POST.read_bytes()).text.startswith("The harbour ferry returns after winter repairs")


def test_the_first_dense_container_wins_over_a_longer_comment_below():
    article = "".join(f"<p>Paragraph {i} of the article, a sentence long enough to count here.</p>" for i in range(3))
    comment = "<p>" + "A reader's long comment that goes on and on about something else. " * 4 + "</p>"
    tree = html.fromstring(f'<body><div id="a">{article}</div><div id="c"><div>{comment}</div></div></body>')
    assert densest_container(tree).get("id") == "a"


def test_an_article_cut_into_chunks_of_one_class_is_joined():
    chunk = '<div class="c-1"><p>{} part of the article, a sentence long enough to count.</p></div>'
    tree = html.fromstring(
        '<body><section class="s">' + chunk.format("First") + "</section><figure>A picture</figure>"
        '<section class="s">' + chunk.format("Second") + "</section></body>"
    )
    found = densest_container(tree)
    assert [p.text.split()[0] for p in found.iter("p")] == ["First", "Second"]


def test_a_chunks_own_text_is_joined_as_a_paragraph_when_asked():
    def joined(own_text: bool) -> list[str]:
        tree = html.fromstring('<body><div class="a"><p>First</p></div><div class="a">Own<p>Second</p></div></body>')
        first, second = tree.find_class("a")
        join_into(first, [second], own_text=own_text)
        return [p.text for p in first.iter("p")]

    assert joined(True) == ["First", "Own", "Second"]
    assert joined(False) == ["First", "Second"]


def _extract_calls(monkeypatch) -> list[object]:
    """The trees trafilatura's ``_extract`` is called on from now on."""
    from trafilatura import main_extractor

    calls, real = [], main_extractor._extract
    monkeypatch.setattr(main_extractor, "_extract", lambda tree, options: (calls.append(tree), real(tree, options))[1])
    return calls


def test_the_extraction_is_tried_on_a_copy_only_when_a_body_expression_finds_an_element(monkeypatch):
    calls = _extract_calls(monkeypatch)
    clean(PAGE.read_bytes())
    assert len(calls) == 1  # the extraction's own: no expression finds an element, it falls back
    calls.clear()
    page = PAGE.read_text(encoding="utf-8").replace('<div class="c-0a1b2c">', '<div class="c-0a1b2c" role="main">')
    text = clean(page).text
    assert len(calls) == 2  # a copy first: a short main part falls back too
    assert text.startswith("The harbour ferry returned to service on Monday")


def test_without_the_private_extract_the_page_is_the_librarys(monkeypatch):
    """``mark_container`` calls trafilatura's private ``_extract``: were it renamed, the
    extraction's shortcut falls back on the library (every paragraph), it does not fail."""
    from test_reviewed import rename

    from cleaner import precise
    from cleaner.guards import guard_html
    from cleaner.parse import parse

    library = precise.library_text(parse(guard_html(PAGE.read_text(encoding="utf-8")), True), None, precise.OPTIONS)
    rename(monkeypatch, "trafilatura.main_extractor", "_extract")  # in trafilatura's own callers too
    text = clean(PAGE.read_bytes()).text
    assert "replacement boat" in text and "New timetable for the summer" not in text
    assert text.split("\n\n")[0] in library


#: A consent box above the article, whose headline no ``<h1>`` marks (a ``<span>``), its
#: paragraphs each in a block of its own: the box holds the most paragraph text.
_CONSENT = (
    '<body><div class="c-1"><div class="c-2">'
    + "<p>I agree to receive personalised emails about offers, products and events; I may withdraw it.</p>" * 4
    + '</div></div><div class="c-3"><span class="c-4">Tidying the spare room</span>{}</div></body>'
)
_ARTICLE = "".join(
    f'<div class="c-{5 + i}"><p>Paragraph {i} of the article on tidying, long enough to count.</p></div>'
    for i in range(4)
)


def test_a_container_before_the_title_on_a_page_without_a_headline_is_left_to_the_fallback():
    def found(title: str | None) -> object:
        return densest_container(html.fromstring(_CONSENT.format(_ARTICLE)), title)

    assert found(None).get("class") == "c-1"  # the box, without the page's title
    assert found("Tidying the spare room | Example Magazine") is None
    assert found("Another headline altogether | Example Magazine").get("class") == "c-1"


def test_the_title_stands_for_the_headline_where_the_page_has_none():
    """The text between the element that reads as the page's ``<title>`` and the container
    counts as between an ``<h1>`` and it (:data:`cleaner.container.MAX_GAP`)."""
    post = "<p>" + "The post itself, a paragraph the blog's next posts follow on the page. " * 4 + "</p>"
    later = '<div class="c-9">' + "<p>The next post, a paragraph long enough to count as text.</p>" * 12 + "</div>"
    page = f'<body><div class="c-8">An old lighthouse – the keeper\'s letters</div><div class="c-7">{post}</div>'
    page += f'<div class="c-10">{later}</div></body>'
    assert densest_container(html.fromstring(page)).get("class") == "c-10"
    assert densest_container(html.fromstring(page), "An old lighthouse - the keeper's letters | Blog") is None


def test_a_page_without_a_headline_reads_its_title_and_keeps_the_fallback_under_a_box_above_it():
    page = CONSENT_BOX.read_text(encoding="utf-8")
    article = "We started on the Saturday morning with three boxes"
    assert article in clean(page).text  # the extraction's fallback: every paragraph of the page
    untitled = clean(re.sub(r"<title>.*?</title>", "", page)).text
    assert untitled.startswith("I agree to receive personalised emails") and article not in untitled
