"""cleaner.sections' expressions select what trafilatura's body and section expressions select."""

import pytest
from test_precise import _pages

from cleaner import sections
from cleaner.guards import guard_html
from cleaner.parse import parse

# A page with an element for each test of the rewritten expressions, and its near misses:
# a letter "x" marks what trafilatura's OVERALL_DISCARD_XPATH prunes, "o" what it leaves.
_CASES = guard_html(
    "<html><body><div><div id='shares'>x1</div><div id='xshar'>o1</div><div id='jp-relatedposts'>x2</div>"
    "<div id='a-jp-x'>o2</div><div id='ad-top'>x3</div><div id='head-ad'>o3</div><div id='bread-crumb'>x4</div>"
    "<div id='Nav1'>x5</div><div class='share-this'>x6</div><div class='xshar'>o4</div>"
    "<div class='nav-top'>x7</div><div class='topnav'>o5</div><div class='post-navigation'>x8</div>"
    "<div class='a ad b'>x9</div><div class='ad-slot'>x10</div><div class='b ad-slot'>x11</div>"
    "<div class='load'>o6</div><div class='dfpAd'>x12</div><div class='paidcontent'>x13</div>"
    "<div class='Paid-content'>o7</div><div class='ZendeskForm'>x14</div><div class='x ZendeskForm'>o8</div>"
    "<span role='Navigation'>x15</span><section data-component='MostPopularStories'>x16</section>"
    "<p data-lp-replacement-content=''>x17</p><aside class='social'>o9</aside>"
    "<div id='cookie-bar' class='x'>x18</div><div class='x' id='cookie-bar'>o10</div>"
    "<div class='cookie-notice' id='x'>x19</div><div id='x' class='cookie-notice'>o11</div>"
    "<h2 class='comments-title'>x20</h2><h2 class='comments-titles'>x21</h2><b id='reply-1'>x22</b>"
    "<b class='x' id='reply-1'>o12</b><i id='x' style='color: hidden'>o13</i>"
    "<i style='visibility: hidden' id='x'>x23</i><i id='is-hidden' style='x'>x24</i>"
    "<em style='display:none'>x25</em><em style='display: none'>x26</em><em aria-hidden='true'>x27</em>"
    "<em aria-hidden='false'>o14</em><em id='reader-comments'>x28</em><em class='hide-me'>x29</em>"
    "<em class='x hide-me'>x30</em><em class='Hide-me'>o15</em><em class='a hidden'>x31</em>"
    "</div></body></html>"
)
# The same for PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH and DISCARD_IMAGE_ELEMENTS.
_MORE_CASES = guard_html(
    "<html><body><div>"
    "<div id='bottom'>x1</div><div class='a bottom'>x2</div><div class='bottom-bar'>x3</div>"
    "<div id='x\tbottom'>x4</div>"
    "<div class='page-bottom\u3000b'>x5</div><div class='bottoms'>x6</div><div class='abottomb'>o1</div>"
    "<div id='x' class='bottom'>o2</div><div class='bottom' id='x'>x7</div><div class='a link'>x8</div>"
    "<div class='links'>o3</div><div id='link'>x9</div><div class='link\u00a0b'>x10</div><p style='border: 0'>x11</p>"
    "<aside class='link'>o4</aside><div id='Teaser-1'>x12</div><div class='TeAser'>o5</div>"
    "<span class='a teaser'>x13</span>"
    "<div id='caption'>x14</div><div class='Caption'>o6</div><p class='wp-caption-text'>x15</p>"
    "</div></body></html>"
)
# A page for each test of the body expressions rewritten: each paragraph's container is
# the first the library's expression names.
_BODIES = [
    guard_html(f"<html><body><div><p>a</p></div>{body}<p>b</p></div></body></html>")
    for body in (
        "<div class='post'>",
        "<div class='posts'><p>o</p></div><div class='entry'>",
        "<section itemprop='articleBody'>",
        "<main id='articleContent'>",
        "<article id='main-article-body'>",
        "<div class='x post_content'>",
        "<div class='Post-content'><p>o</p></div><div class='art-content'>",
        "<div id='content'>",
        "<div class='site-Main-content'>",
        "<div class='page-Content'>",
        "<div id='contentBody'>",
        "<div class='content__body'>",
        "<section role='article'>",
        "<div id='primary-col'>",
        "<div id='xprimary'><p>o</p></div><div id='story'>",
        "<div class='FullText'>",
        "<div class='article body'>",
        "<div class='x article body'><p>o</p></div><div class='blog-content'>",
        "<main class='cell'>",
    )
]


def _compared(tree) -> None:
    import trafilatura.xpaths as tx

    rewritten = sections.compiled()
    contexts = [tree, *tree.iter("div", "article", "section", "main", "list")]
    for name, rewrites in sections.EXPRESSIONS.items():
        for i in rewrites:
            library = getattr(tx, name)[i]
            for context in contexts:
                expected = library(context)[: 1 if name == "BODY_XPATH" else None]
                assert rewritten[name][i](context) == expected, (name, i)


@pytest.mark.parametrize("page", [*_pages(), _CASES, _MORE_CASES, *_BODIES])
def test_the_rewritten_expressions_select_what_trafilaturas_select(page):
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.settings import DEFAULT_CONFIG, Extractor

    assert sections.reviewed(), "trafilatura's expressions changed: review cleaner/sections.py"
    options = Extractor(config=DEFAULT_CONFIG, output_format="python", precision=True, tables=True)
    _compared(parse(page, True))
    _compared(convert_tags(tree_cleaning(parse(page, True), options), options, None))


def test_the_cases_page_prunes_and_spares():
    import trafilatura.xpaths as tx

    tree = parse(_CASES, True)
    pruned = [e.text for x in tx.OVERALL_DISCARD_XPATH for e in x(tree)]
    assert sorted(pruned) == sorted(f"x{n}" for n in range(1, 32))
    assert pruned == [e.text for x in sections.compiled()["OVERALL_DISCARD_XPATH"] for e in x(tree)]


def test_the_more_cases_page_prunes_and_spares():
    import trafilatura.xpaths as tx

    lists = ("PRECISION_DISCARD_XPATH", "TEASER_DISCARD_XPATH", "DISCARD_IMAGE_ELEMENTS")
    tree = parse(_MORE_CASES, True)
    pruned = [e.text for name in lists for x in getattr(tx, name) for e in x(tree)]
    assert sorted(pruned) == sorted(f"x{n}" for n in range(1, 16))
    assert pruned == [e.text for name in lists for x in sections.compiled()[name] for e in x(tree)]


def test_each_body_page_names_its_container():
    import trafilatura.xpaths as tx

    for page in _BODIES:
        tree = parse(page, True)
        first = next(e for x in sections.compiled()["BODY_XPATH"] for e in x(tree))
        assert [p.text for p in first.iter("p")] == ["b"]
        assert first is next(e for x in tx.BODY_XPATH for e in x(tree))


def test_values_holding_every_separator_leave_it_to_the_library():
    import trafilatura.xpaths as tx

    classes = "".join(f"<div class='{s}share-x'>{s!r}</div>" for s in sections.SEPARATORS if s not in "\x7f")
    page = f"<html><body><div class='\x7f'>a</div>{classes}<div class='nav'>b</div></body></html>"
    tree = parse(page)
    expression = sections.compiled()["OVERALL_DISCARD_XPATH"][0]
    assert expression(tree) == tx.OVERALL_DISCARD_XPATH[0](tree) and len(expression(tree)) == 4


def test_the_library_reads_its_own_expressions_outside_the_block():
    import trafilatura.main_extractor as tm
    import trafilatura.xpaths as tx
    from trafilatura import external

    with sections.cheaper_sections():
        for name in sections.EXPRESSIONS:
            assert getattr(tm, name) is sections.compiled()[name]
        assert external.OVERALL_DISCARD_XPATH is sections.compiled()["OVERALL_DISCARD_XPATH"]
    assert all(getattr(tm, name) is getattr(tx, name) for name in sections.EXPRESSIONS)
    assert external.OVERALL_DISCARD_XPATH is tx.OVERALL_DISCARD_XPATH


def test_expressions_not_reviewed_are_left_to_the_library(monkeypatch):
    import trafilatura.main_extractor as tm
    import trafilatura.xpaths as tx

    monkeypatch.setattr(sections, "reviewed", lambda: False)
    with sections.cheaper_sections():
        assert tm.OVERALL_DISCARD_XPATH is tx.OVERALL_DISCARD_XPATH and tm.BODY_XPATH is tx.BODY_XPATH


def test_a_list_the_extractor_no_longer_reads_is_not_put_in(monkeypatch):
    import trafilatura.main_extractor as tm
    import trafilatura.xpaths as tx

    monkeypatch.delattr(tm, "BODY_XPATH")
    with sections.cheaper_sections():
        assert not hasattr(tm, "BODY_XPATH") and tm.OVERALL_DISCARD_XPATH is tx.OVERALL_DISCARD_XPATH


def test_values_tested_once_are_remembered_and_forgotten_with_the_caches():
    import trafilatura.xpaths as tx

    from cleaner import clear_caches

    tree = parse(_CASES, True)
    expression = sections.compiled()["OVERALL_DISCARD_XPATH"][0]
    clear_caches()
    first = expression(tree)
    remembered = expression.passed.of("classes")
    assert remembered["share-this"] and not remembered["topnav"]
    remembered["topnav"] = True  # (a value remembered is not tested again)
    assert len(expression(tree)) == len(first) + 1
    clear_caches()
    assert not expression.passed.of("classes")
    assert expression(tree) == first == tx.OVERALL_DISCARD_XPATH[0](tree)
