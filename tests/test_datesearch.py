"""cleaner.datesearch finds what htmldate's text search finds, by patterns led by a digit."""

import gzip
import random
import re
from pathlib import Path

import htmldate.core as hc
import htmldate.extractors as he
import pytest
import trafilatura.metadata as tm
from helpers import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.utils import load_html

from cleaner import datesearch
from cleaner import metadata as cm

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def _patterns() -> list[re.Pattern[str]]:
    return list(datesearch.locators())


def test_the_patterns_led_by_a_non_digit_are_the_ones_reviewed():
    assert datesearch.reviewed(), "htmldate's search code changed: review cleaner/datesearch.py"
    assert len(_patterns()) == 7


# Dates side by side (a match takes the non-digit after it: the next cannot start on it),
# inside longer runs of digits, after a digit of another script, by w3.org, at the edges.
_TEXTS = [
    "a2020-01-01b2020-01-02c 2019-12-31 x",
    "12/03/2020/04/2021 ©2018-2019 x",
    "x20200101y20191231z 120200101 2020010199",
    "٣2020-01-01 ٣12/03/2020 ٣20200101 w3.org2020 w3xorg2021 ",
    "2020-01-01 at the start 2020-01-02",
    "01.02.99 1.2.03/4/05 9/9/09 2020/12 12/2020 2020-13 1-2021. ",
    "",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_findall_finds_what_the_pattern_finds(text):
    for pattern in _patterns():
        assert datesearch.findall(pattern, text) == pattern.findall(text)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet="0123456789/.-x ©٣w3.org\n", max_size=80))
def test_findall_finds_what_the_pattern_finds_on_any_text(text):
    for pattern in _patterns():
        assert datesearch.findall(pattern, text) == pattern.findall(text)


def test_a_surprise_leaves_the_search_to_the_pattern(monkeypatch):
    def broken(*args):
        raise RuntimeError("a surprise")

    monkeypatch.setattr(datesearch, "_located", broken)
    pattern = hc.SELECT_YMD_PATTERN
    assert datesearch.findall(pattern, "on 12/03/2020.") == pattern.findall("on 12/03/2020.") == ["12/03/2020"]


@pytest.mark.parametrize(("module", "name"), [(hc, "SIMPLE_PATTERN"), (he, "LONG_TEXT_PATTERN")])
def test_a_name_gone_from_htmldate_leaves_the_search_to_it(monkeypatch, module, name):
    monkeypatch.delattr(module, name)
    datesearch.reviewed.cache_clear()
    try:
        assert not datesearch.reviewed()
        with datesearch.cheaper_date_search():
            assert hc.plausible_year_filter is not datesearch.plausible_year_filter
            assert not isinstance(getattr(he, "LONG_TEXT_PATTERN", None), datesearch._LocatedText)
    finally:
        datesearch.reviewed.cache_clear()


def test_the_library_searches_with_its_own_filter_outside_the_block():
    own = hc.plausible_year_filter
    with datesearch.cheaper_date_search():
        assert hc.plausible_year_filter is datesearch.plausible_year_filter
        with datesearch.cheaper_date_search():
            assert hc.plausible_year_filter is datesearch.plausible_year_filter
        assert hc.plausible_year_filter is datesearch.plausible_year_filter
    assert hc.plausible_year_filter is own


def test_code_not_reviewed_is_left_to_the_library(monkeypatch):
    own = hc.plausible_year_filter
    monkeypatch.setattr(datesearch, "reviewed", lambda: False)
    with datesearch.cheaper_date_search():
        assert hc.plausible_year_filter is own


def test_no_shortcut_is_put_in_when_htmldate_lacks_a_name_swapped(monkeypatch):
    own = hc.plausible_year_filter
    monkeypatch.delattr(he, "LONG_TEXT_PATTERN")
    with datesearch.cheaper_date_search():
        assert hc.plausible_year_filter is own and not hasattr(he, "LONG_TEXT_PATTERN")


def _pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in FIXTURES.iterdir()]
    # pages that reach the text search: dates only in the text, each of its patterns' shapes
    shapes = ("on 2019-04-05 and 2019-04-06", "12.03.2018 or 3/4/17", "20171231", "5/2016 and 2016-07", "© 2015 x")
    # ... and a month's name by a day and a year (a word that is no month first)
    shapes += ("Smith 12 2017, on March 5th, 2019", "le 5 mars 2019", "am 1. Dezember 2016")
    shapes += ("Foo 2 2018 x 3 of June 2017",)
    return pages + [f"<html><body><p>x</p><div>{s} </div></body></html>".encode() for s in shapes]


@pytest.mark.parametrize("page", _pages())
def test_the_same_date_as_htmldate(page):
    tree = load_html(page)
    assert cm.page_metadata(tree).date == tm.extract_metadata(tree, None, cm.date_params()).date


# A month's name by a day and a year (``LONG_TEXT_PATTERN``), in either order, words that
# are no month, glued words, a day inside a longer number, years out of range, other scripts.
_WORDS = ["March ", "mars ", "Şubat ", "SmithMarch ", "Foo ", "Dez.", "Mär,", "1 ", "12 ", "31 ", "5th ", "12th, "]
_WORDS += ["2nd, ", "3. ", "of ", "Of ", "2020", " 2019", "1999 ", "2040 ", "2012", ", ", ".", "\n", "\t", "²", "_"]
_WORDS += ["é", "٣", "x", "ſt "]
_LONG_TEXTS = [
    "on March 5th, 2019 and 6 March 2020",
    "SmithMarch 3 2017; Smith 3 2017, 12 of mars 2018",
    "2012 March 2020 1st of Şubat 2021",
    "x" * 300 + " 2020 " + "Dezember" * 40 + " 1 2019 and 31. Dez 2016",
    "5 Foo 2020, Foo 5 2020 then July 4th, 2021",
    "",
]


def _same_search(text: str, pos: int) -> bool:
    ours = datesearch.search_text(he.LONG_TEXT_PATTERN, text, pos)
    own = he.LONG_TEXT_PATTERN.search(text, pos)
    return (ours and (ours.span(), ours.groups())) == (own and (own.span(), own.groups()))


@pytest.mark.parametrize("text", _LONG_TEXTS)
def test_the_text_search_finds_what_the_pattern_finds(text):
    assert all(_same_search(text, pos) for pos in range(-2, len(text) + 2))


def test_the_text_search_finds_what_the_pattern_finds_on_random_texts():
    rnd = random.Random(19)
    for _ in range(20000):  # about 1,300 with a match; fewer miss a bound the search is cut at
        text = "".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, 20)))
        assert all(_same_search(text, pos) for pos in range(0, len(text) + 2, 3)), text


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map("".join), st.integers(-3, 200))
def test_the_text_search_finds_what_the_pattern_finds_on_any_text(text, pos):
    assert _same_search(text, pos)


def test_htmldate_reads_the_month_names_by_the_text_search_inside_the_block(monkeypatch):
    own = he.LONG_TEXT_PATTERN
    found = []
    monkeypatch.setattr(datesearch, "search_text", lambda *args: found.append(args) or own.search(*args[1:]))
    text = "x" * 300 + " on March 5th, 2019"
    with datesearch.cheaper_date_search():
        assert he.regex_parse(text).isoformat() == "2019-03-05T00:00:00"
        assert he.LONG_TEXT_PATTERN.pattern == own.pattern
    assert he.LONG_TEXT_PATTERN is own and len(found) == 1


def test_a_surprise_in_the_text_search_leaves_it_to_the_pattern(monkeypatch):
    def broken(*args):
        raise RuntimeError("a surprise")

    monkeypatch.setattr(datesearch, "_start", broken)
    text = "x" * 300 + " on March 5th, 2019"
    with datesearch.cheaper_date_search():
        assert he.regex_parse(text).isoformat() == "2019-03-05T00:00:00"
