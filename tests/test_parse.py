"""cleaner.parse gives the trees trafilatura's load_html gives, on pages guard_html returned."""

import gzip
from pathlib import Path

import pytest
from lxml import etree
from trafilatura.utils import load_html

from cleaner import parse as cp
from cleaner.guards import guard_html
from cleaner.inputs import decode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"

_PAGES = [
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>Text\x0b here.</p></body></html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"/>\n<html><body><p>a</p></body></html>',
    '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>declared \ufffe encoding</p></body></html>',
    '<html lang="en"/>\n<body><p>self-closed html</p></body>',
    "<p>just a fragment</p>",
    "<div><p>one</p><p>two</p></div>",
    "plain words, no markup at all",
    "<html><body>" + "<div>" * 50 + "deep" + "</div>" * 50 + "</body></html>",
    "\ufeff<html><body><p>bom \x00 nul \uffff</p></body></html>",
    "<html><body><!-- a --><?pi b?><form action='/'><label>c</label><input name='d' value='e'>"
    "<select><option>f</option></select><textarea>g</textarea></form></body></html>",
]


def _pages() -> list[str]:
    pages = list(_PAGES)
    for path in sorted(FIXTURES.iterdir()):
        data = path.read_bytes()
        pages.append(decode(gzip.decompress(data) if path.suffix == ".gz" else data, path.name))
    return pages


def _serialized(tree):
    return None if tree is None else etree.tostring(tree, encoding="unicode")


@pytest.mark.parametrize("page", _pages())
def test_same_tree_as_trafilatura(page):
    assert cp._reviewed(), "trafilatura's load_html changed: review cleaner/parse.py"
    guarded = guard_html(page)
    assert _serialized(cp.parse(guarded, guarded=True)) == _serialized(load_html(guarded))


def test_unguarded_input_goes_to_trafilatura(monkeypatch):
    monkeypatch.setattr(cp, "parse_guarded", lambda html: pytest.fail("took the shortcut"))
    page = "<html><body><p>a\x0bb</p></body></html>"
    assert _serialized(cp.parse(page)) == _serialized(load_html(page))
    assert _serialized(cp.parse(page.encode(), guarded=True)) == _serialized(load_html(page.encode()))


def test_every_element_is_a_plain_html_element_classed_in_c():
    from lxml.html import HtmlElement

    page = guard_html(_PAGES[-1])
    tree = cp.parse(page, guarded=True)
    assert {type(element) for element in tree.iter()} == {HtmlElement}
    assert _serialized(tree) == _serialized(load_html(page))
    assert type(load_html(page).find(".//input")) is not HtmlElement  # (lxml.html's own classes)
