"""cleaner.metadata.page_metadata finds what trafilatura's extract_metadata finds (but the licence)."""

import gzip
from pathlib import Path

import pytest
import trafilatura.metadata as tm
from trafilatura.utils import load_html

from cleaner import metadata as cm

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
# The fields page_metadata does not fill as trafilatura does (the licence is not looked
# for) or that are fresh objects each time (empty bodies).
_IGNORED = ("license", "body", "commentsbody")


def _fixture_pages() -> list[bytes]:
    pages = []
    for path in sorted(FIXTURES.iterdir()):
        data = path.read_bytes()
        pages.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return pages


# Pages for the shortcuts: author words in attributes (or not), links to category and
# tag pages (or not), section meta tags, authors only in the text.
_SYNTHETIC = [
    "<html><head><title>A | Site</title></head><body><article><p>Text.</p></article></body></html>",
    '<html><body><div class="byline">By <a rel="author" href="/a">Ann Lee</a></div><p>x</p></body></html>',
    '<html><body><span class="post-author-name">Bo Chen</span><div class="sidebar">'
    '<span class="author">Not Him</span></div></body></html>',
    '<html><body><p class="writer">Cy Dee</p><time>today</time></body></html>',
    '<html><body><div id="zuozhe">Li Wei</div></body></html>',
    '<html><body><div data-component="Byline">Di Eve</div></body></html>',
    '<html><body><span itemprop="author name">Ed Fox</span></body></html>',
    "<html><body><author>Fay Gee</author></body></html>",
    '<html><body><a href="/x"><rel>me</rel></a></body></html>',
    '<html><body><div class="comments"><span class="author">Commenter</span></div></body></html>',
    '<html><head><meta property="article:section" content="Science"></head><body>'
    '<div class="entry-meta"><a href="/category/news/">News</a> <a href="/tag/otters/">otters</a>'
    "</div></body></html>",
    '<html><head><meta property="article:section" content="Science"></head><body>'
    '<a href="/about">About</a></body></html>',
    '<html><body><div class="tags"><a href="/tags/rivers/">rivers</a></div>'
    '<div class="post-meta"><a href="/categories/nature/">Nature</a></div></body></html>',
    '<html><body><div class="tags"><a href="/topics/rivers/">rivers</a></div></body></html>',
    # the containers the category and tag expressions find links in, each alone on a page
    '<html><body><p class="entry-categories"><a href="/category/a/">A</a></p></body></html>',
    '<html><body><p id="filedunder"><a href="/categories/b/">B</a></p></body></html>',
    '<html><body><footer class="entry-footer x"><a href="/category/c/">C</a></footer></body></html>',
    '<html><body><span class="x cat-links"><a href="/category/d/">D</a></span></body></html>',
    '<html><body><header class="entry-header"><a href="/category/e/">E</a></header></body></html>',
    '<html><body><div class="row"><a href="/category/f/">F</a><a href="/tag/g/">G</a></div></body></html>',
    '<html><body><div id="postpath"><a href="/category/h/">H</a></div></body></html>',
    '<html><body><p class="entry-tags"><a href="/tag/i/">I</a></p></body></html>',
    '<html><body><div class="jp-relatedposts"><a href="/tags/j/">J</a></div></body></html>',
    '<html><body><ul class="topics"><li><a href="/tag/k/">K</a></li></ul></body></html>',
    '<html><body><div class="metadata"><a href="/tag/l/">L</a><a href="/category/m/">M</a></div></body></html>',
    '<html><body><div class="x-tags"><a href="/tag/n/">N</a></div><p class="postinfo x">'
    '<a href="/category/o/">O</a></p></body></html>',
    # an author whose element holds pruned ones: their text goes, the text after them stays glued
    '<html><body><span class="author">Ann<time>today</time>Lee</span></body></html>',
    '<html><body><div class="byline">Bo<span class="date">1 May</span> Chen<figure>x</figure></div></body></html>',
    # the pruning's tests of the start of a value, and of its alternatives
    '<html><body><div id="x-comments"><span class="author-name">Cy Dee</span></div></body></html>',
    '<html><body><div id="comments-1"><span class="author-name">Not Her</span></div>'
    '<p class="writer">Di Eve</p></body></html>',
    '<html><body><section class="Comments-box"><a class="AuthorName">Not Him</a></section>'
    '<div class="post-comment-list"><span class="byline">Ed Fox</span></div></body></html>',
    '<html><body><div id="top-comment-list"><span class="author">Not Me</span></div>'
    '<p class="writer">Jo Kay</p></body></html>',
    '<html><body><span class="article-support"><b class="Byline">No One</b></span>'
    '<h3 id="bianji-1">Fay Gee</h3></body></html>',
    # elements that several tested attributes select, nested: each once, in the page's order
    '<html><body><div id="author-box" class="byline" itemprop="author"><span itemprop="author" '
    'class="author" data-component="Byline">Ann Lee</span></div><p class="writer" id="Author">Bo Chen</p>'
    '<a rel="author" id="author" class="author-name">Cy Dee</a></body></html>',
    # a <rel> element: the expressions read a child's text
    '<html><body><a href="/x"><rel>me</rel>Gus Hay</a><span class="author">Ivy Jo</span></body></html>',
]


@pytest.mark.parametrize("page", _fixture_pages() + _SYNTHETIC)
def test_same_metadata_as_trafilatura(page):
    assert cm._reviewed(), "trafilatura's metadata code changed: review cleaner/metadata.py"
    tree = load_html(page)
    expected = tm.extract_metadata(tree, None, cm.date_params()).as_dict()
    found = cm.page_metadata(tree).as_dict()
    for key in _IGNORED:
        expected.pop(key)
        found.pop(key)
    assert found == expected
    assert cm._author(tree) == tm.extract_author(tree)
    for metatype in ("category", "tag"):
        assert cm._catstags(metatype, tree, cm._Values(tree)) == tm.extract_catstags(metatype, tree)


def test_falls_back_on_trafilatura_when_its_code_changed(monkeypatch):
    monkeypatch.setattr(cm, "_REVIEWED_CODE", "something else")
    cm._reviewed.cache_clear()
    try:
        tree = load_html(_SYNTHETIC[1])
        assert not cm._reviewed()
        assert cm.page_metadata(tree).author == tm.extract_metadata(tree).author == "Ann Lee"
    finally:
        cm._reviewed.cache_clear()


# Values an author expression's needles find that its tests do not pass, values holding
# every separator (the library's expression then), and values holding some of them.
_LOOKUPS = [
    '<html><body><span class="author-box x">Not Him</span><p class="xauthorx">Ann Lee</p></body></html>',
    '<html><body><div id="Xbyline"><b itemprop="xauthorx">Bo Chen</b></div></body></html>',
    "<html><body>"
    + "".join(f"<i class='{s}'>x</i>" for s in cm.SEPARATORS)
    + '<span class="author">Cy Dee</span></body></html>',
    '<html><body><i class="a|b"></i><i id="\x7f"></i><span class="author|name">Di Eve</span>'
    '<span class="author">Ed Fox</span></body></html>',
]


@pytest.mark.parametrize("page", _fixture_pages() + _SYNTHETIC + _LOOKUPS)
def test_author_expressions_as_look_ups_select_what_trafilaturas_select(page):
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    tree = load_html(page)
    values = cm._Values(tree)
    for expression, library in zip(cm._author_table(), AUTHOR_XPATHS, strict=True):
        bound = expression.bound(values, present=True)
        assert (bound(tree) if bound is not None else []) == library(tree)
    assert cm._xpaths()["author_discard"](tree) == AUTHOR_DISCARD_XPATHS[0](tree)
    assert cm._author(tree) == tm.extract_author(tree)


def test_the_author_expressions_are_read_whole():
    expressions = cm._author_table()
    assert [sorted(e.attributes) for e in expressions] == [
        ["class", "data-testid", "id", "itemprop", "rel"],
        ["class", "id", "itemprop"],
        ["class", "data-component", "id", "itemprop"],
    ]
    assert [e.elements for e in expressions] == [("author", "rel"), (), ()]
    assert expressions[2].needles["class"] == ("uthor", "screenname", "writer", "yline")
    assert expressions[0].needles["itemprop"] == ("\nauthor name",)


def test_an_author_expression_the_table_cannot_read_is_refused():
    for path in (
        "//*[@class='a' and @id='b']",
        "//*[starts-with(@class, 'a')]",
        "//div[@class='a']",
        "//*[re:test(@class, 'a?')]",
    ):
        with pytest.raises(ValueError):
            cm._AuthorExpression(path, None)


def test_needles_are_literals_every_match_holds():
    assert cm._needles("author-?name|AuthorName") == ("author", "AuthorName")
    assert cm._needles("[Bb]yline|x") == ("yline", "x")
    assert cm._needles("^comments|a") == ("",)


def test_a_table_that_cannot_be_read_leaves_the_metadata_to_trafilatura(monkeypatch):
    monkeypatch.setattr(cm, "_AUTHOR_PATH", __import__("re").compile("nothing"))
    cm._author_table.cache_clear()
    try:
        tree = load_html(_SYNTHETIC[2])
        assert cm.page_metadata(tree).author == tm.extract_metadata(tree).author == "Bo Chen"
    finally:
        cm._author_table.cache_clear()
