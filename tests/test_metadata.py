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


@pytest.mark.parametrize("page", _fixture_pages() + _SYNTHETIC)
def test_author_expressions_without_regular_expressions_select_what_trafilaturas_select(page):
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    tree = load_html(page)
    xpaths = cm._xpaths()
    for i, expression in enumerate(AUTHOR_XPATHS):
        assert xpaths[f"author{i}"](tree) == expression(tree)
    assert xpaths["author_discard"](tree) == AUTHOR_DISCARD_XPATHS[0](tree)
