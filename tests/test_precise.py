"""cleaner.precise finds the body trafilatura's bare_extraction finds, pruning the page in place."""

import gzip
import logging
from pathlib import Path

import pytest
from helpers import ARTICLES, HARBOUR_ARTICLE

import cleaner
from cleaner import precise
from cleaner.guards import guard_html
from cleaner.inputs import decode
from cleaner.parse import parse

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
_ARTICLE = "".join(f"<p>{sentence}</p>" for sentence in HARBOUR_ARTICLE)

# Pages for the paths of trafilatura's sequence: comments (pruned), a thread forum (its
# posts kept), a body too short to be kept, no body at all, a table.
_SYNTHETIC = [
    f"<html><head><title>Harbour</title></head><body><article>{_ARTICLE}</article>"
    '<div id="comments"><p>A reader wrote that the harbour plan is a waste of money.</p></div></body></html>',
    '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script></head>'
    f'<body><div class="comments"><div class="comment">{_ARTICLE}</div></div></body></html>',
    "<html><body><p>x</p></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    f"<html><body><article>{_ARTICLE}<table><tr><td>Cost</td><td>4 million</td></tr></table></article></body></html>",
]

#: A lead written after a video player, which the tree cleaning empties (its iframe
#: goes) and then drops as an empty element: the lead is the player's tail.
_LEAD = "The harbour has silted up over the last decade, and the fishing boats can only leave at high tide."
#: (long enough that no retry of cleaner.extraction runs)
_MORE = [
    "Engineers will dredge the channel first, so that larger boats can reach the new quays at any tide.",
    "The old warehouses along the quay are to become a market hall, a school for sailing and small workshops.",
    "A new footbridge will join the two halves of the town, which the river has kept apart for centuries.",
    "The regional government has promised to pay for a third of the work if the town finds the rest itself.",
]
_TAILS = (
    "<html><head><title>Harbour</title></head><body><article><div class='entry'><div class='player'>"
    f"<iframe src='https://video.example/harbour'></iframe></div>{_LEAD}{_ARTICLE}"
    + "".join(f"<p>{sentence}</p>" for sentence in _MORE)
    + "</div></article></body></html>"
)


def _pages() -> list[str]:
    paths = sorted(FIXTURES.iterdir()) + sorted((ARTICLES / "html").glob("*.html.gz"))[:10]
    pages = [guard_html(page) for page in _SYNTHETIC]
    for path in paths:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages.append(guard_html(decode(data, path.name, html=True)))
    return pages


@pytest.fixture
def library_keeping_tails(monkeypatch):
    """trafilatura's tree cleaning keeping the tails of the empty elements it drops in
    every mode, as :mod:`cleaner.precise` keeps them, and an article's chunks joined before
    the extraction (its two departures)."""
    from trafilatura import core, htmlprocessing

    assert precise._reviewed(), "trafilatura's extraction changed: review cleaner/precise.py"
    real = htmlprocessing.prune_html
    monkeypatch.setattr(htmlprocessing, "prune_html", lambda tree, focus="balanced": real(tree, "balanced"))
    extract_content = core.extract_content

    def joined(tree, options):
        precise.join_chunks(tree)
        return extract_content(tree, options)

    monkeypatch.setattr(core, "extract_content", joined)


@pytest.mark.parametrize("page", [*_pages(), guard_html(_TAILS)])
def test_same_body_as_trafilaturas_bare_extraction_keeping_tails(page, library_keeping_tails):
    expected = precise.library_text(parse(page, True), None, precise.OPTIONS)
    assert precise._precise_text(parse(page, True), None) == expected


def test_a_lead_after_an_emptied_player_stays_in_the_body_where_precision_mode_drops_it():
    page = guard_html(_TAILS)
    assert _LEAD not in precise.library_text(parse(page, True), None, precise.OPTIONS)
    assert _LEAD in cleaner.clean(_TAILS.encode()).text


def test_falls_back_on_trafilatura_when_its_code_changed(monkeypatch):
    monkeypatch.setattr(precise, "_REVIEWED_CODE", "something else")
    monkeypatch.setattr(precise, "_precise_text", lambda tree, url: pytest.fail("took the shortcut"))
    precise._reviewed.cache_clear()
    try:
        page = guard_html(_SYNTHETIC[0])
        text = precise.precise_text(parse(page, True), None, lambda: parse(page, True))
        assert all(sentence in text for sentence in HARBOUR_ARTICLE)
    finally:
        precise._reviewed.cache_clear()


def test_a_shortcut_that_fails_halfway_leaves_the_library_a_fresh_page(monkeypatch, caplog):
    from trafilatura import xml

    def broken(body, formatting):
        raise KeyError("renamed")

    # (trafilatura's extraction of a page it already took the body out of finds nothing here)
    page = guard_html(f"<html><body><article><h2>Vote</h2>{_ARTICLE}<ul><li>A list</li></ul></article></body></html>")
    expected = precise.library_text(parse(page, True), None, precise.OPTIONS)
    # what the shortcut imports breaks once it took the body out (trafilatura's own binding stays)
    monkeypatch.setattr(xml, "xmltotxt", broken)
    monkeypatch.setattr(cleaner.reviewed, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="cleaner.reviewed"):
        found = precise.precise_text(parse(page, True), None, lambda: parse(page, True))
    assert "extraction shortcut failed" in caplog.text
    assert all(sentence in found for sentence in HARBOUR_ARTICLE)
    assert found == expected


_SCROLL = guard_html(
    f"<html><body><article><h1>Harbour</h1>{_ARTICLE}</article><div class='infinite-scroll'>"
    "<p>The next story: the ferry timetable changes on Monday for the winter season.</p></div></body></html>"
)


# The prunes' tests of the start of an id or class, of its alternatives, and of an
# element's kind: what trafilatura's expressions prune and what they leave.
_PRUNED = guard_html(
    "<html><body><div id='commentary'>a</div><div id='comments'>b</div><section class='Comment-box'>c</section>"
    "<div class='Commentary x'>d</div><details class='x post-comments'>e</details><ol id='comment-list'><li>f</li>"
    "</ol><ul id='disqus_thread'><li>g</li></ul><div id='dsq-comments'>h</div><ul class='article-comments'><li>i"
    "</li></ul><div id='comol1'>j</div><span id='comments'>k</span><div class=' comments'>l</div>"
    "<div id='mvp-post-add-box'><h1>m</h1></div><section class='x infinitescroll'><h1>n</h1></section>"
    "<aside id='infinite-scroll'>o</aside><p class='infinite-scroll'>p</p></body></html>"
)


@pytest.mark.parametrize("page", [*_pages(), _SCROLL, _PRUNED])
def test_prunes_without_regular_expressions_select_what_trafilaturas_select(page):
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH, REMOVE_COMMENTS_XPATH

    tree = parse(page, True)
    prunes = precise._prunes()
    for kind, expressions in (
        ("raw", RAW_TREE_PRUNE_XPATH),
        ("comments_and_lists", REMOVE_COMMENTS_AND_LISTS_XPATH),
        ("comments", REMOVE_COMMENTS_XPATH),
    ):
        assert [e for x in prunes[kind] for e in x(tree)] == [e for x in expressions for e in x(tree)]


def test_the_prunes_test_cases_prune_and_spare():
    tree = parse(_PRUNED, True)
    prunes = precise._prunes()
    assert [e.text or e[0].text for x in prunes["comments_and_lists"] for e in x(tree)] == list("bcefhij")
    assert [e[0].text if len(e) else e.text for x in prunes["raw"] for e in x(tree)] == ["m", "o"]


@pytest.mark.parametrize("page", [*_pages(), _SCROLL])
def test_the_pages_source_spares_only_prunes_that_cannot_match(page):
    assert precise._precise_text(parse(page, True), None, page) == precise._precise_text(parse(page, True), None)


def test_a_page_without_the_words_of_a_prune_is_not_walked_by_it(monkeypatch):
    from trafilatura import htmlprocessing

    walked: list[object] = []
    real = htmlprocessing.prune_unwanted_nodes

    def spy(tree, expressions, *args, **kwargs):
        walked.extend(expressions)
        return real(tree, expressions, *args, **kwargs)

    monkeypatch.setattr(htmlprocessing, "prune_unwanted_nodes", spy)
    prunes = precise._prunes()
    comments = {*prunes["comments_and_lists"], *prunes["comments"]}
    page = guard_html(f"<html><body><article>{_ARTICLE}</article></body></html>")
    text = precise._precise_text(parse(page, True), None, page)
    assert all(sentence in text for sentence in HARBOUR_ARTICLE)
    assert not {*prunes["raw"], *comments} & set(walked)
    # (a page with a comment section is walked by the comment prunes)
    precise._precise_text(parse(_SYNTHETIC[0], True), None, _SYNTHETIC[0])
    assert comments <= set(walked)


#: An article cut into two chunks, each a container of the class trafilatura names a body
#: by, with an advertisement between them (not in fixtures/html, whose pages the library
#: must clean as the shortcut does: here the two differ by design).
CHUNKED = FIXTURES.parent / "extraction" / "chunked-article.html"
FIRST_CHUNK_END = "but he will miss the view of the islands at first light."


def test_an_article_cut_into_chunks_is_extracted_whole():
    page = CHUNKED.read_bytes()
    library = precise.library_text(parse(guard_html(page.decode()), True), None, precise.OPTIONS)
    assert library.endswith(FIRST_CHUNK_END)  # trafilatura takes the first container only
    expected = CHUNKED.with_name("chunked-article.expected.txt").read_text(encoding="utf-8").strip()
    assert cleaner.clean(page).text == expected
    assert expected.count("\n\n") == 5 and "Advertisement" not in expected


def test_containers_in_a_list_are_teasers_and_are_not_joined():
    teasers = "".join(
        f'<li><div class="post-content"><p>{teaser}</p></div></li>'
        for teaser in (
            "Ferry timetable changes for the winter months, with fewer sailings to the outer islands.",
            "The sailing school opens its new boathouse on the quay, with a party for the town.",
            "Fishermen ask the council for more moorings, as the new boats are longer than the old ones.",
        )
    )
    page = (
        f"<html><body><div class='related'><ul>{teasers}</ul></div><main><section class='story'>{_ARTICLE}"
        + "".join(f"<p>{sentence}</p>" for sentence in _MORE)
        + "</section></main></body></html>"
    )
    # joined, the teasers would be a container of three paragraphs, taken for the body;
    # left alone, the extraction goes on to the article, as trafilatura's own does
    text = precise.precise_text(parse(page, True), None, lambda: parse(page, True))
    assert text == precise.library_text(parse(page, True), None, precise.OPTIONS)
    assert all(sentence in text for sentence in [*HARBOUR_ARTICLE, *_MORE]) and "boathouse" not in text


def test_the_chunks_body_tests_are_trafilaturas_first_body_expression():
    from trafilatura.xpaths import BODY_XPATH

    expression = BODY_XPATH[0].path
    assert f"re:test(@id, '{precise._BODY_ID.pattern}')" in expression
    assert f"re:test(@class, '{precise._BODY_CLASS.pattern}')" in expression
    assert "@class='post' or @class='entry'" in expression and "@itemprop='articleBody'" in expression
    for page in _pages():
        tree = parse(page, True)
        first = next(iter(BODY_XPATH[0](tree)), None)
        assert first is next((e for e in tree.iter(*precise._BODY_TAGS) if precise._is_body(e)), None)
