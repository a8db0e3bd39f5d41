"""Parsing a page as trafilatura does, without a scan the HTML guards made redundant.

``trafilatura.utils.load_html`` first deletes the characters XML forbids (C0
controls but tab and newlines, U+FFFE, U+FFFF) with a regular expression over the
whole page, a good part of its cost (docs/benchmarks.md). A page that
:func:`cleaner.guards.guard_html` returned has none left (it turns them into
spaces, so that the words either side stay apart), and :func:`parse` then follows
``load_html`` without that scan. Anything else (bytes, unguarded text), any
trafilatura whose parsing code differs from the one this mirrors, and any error in
the shortcut go to ``load_html`` itself. ``tests/test_parse.py`` compares the trees;
``tests/test_reviewed.py`` breaks the names the shortcut uses.

Its parser is trafilatura's (a copy: the same options) with lxml's element classes
looked up in C (:func:`html_parser`): ``lxml.html``'s own lookup is a Python method,
called for every element the extraction reads from the tree (some 3,500 a page, about
180 ns each). Only ``lxml.html``'s form classes (``form``, ``input``, ``select``,
``textarea``, ``label``, with properties for their values) become plain ``HtmlElement``,
whose methods neither trafilatura nor cleaner call.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from .reviewed import matches, shortcut_or_library, sources

LOGGER = logging.getLogger(__name__)

# SHA-1 of the trafilatura code parse_guarded mirrors (2.3.1).
_REVIEWED_CODE = "31cae0ea09747a10d6f7637d81ddf80d204c822f"


def _reviewed_parts() -> list[str]:
    import trafilatura.utils as tu

    return sources(tu.load_html, tu.repair_faulty_html, tu.is_dubious_html, tu.decode_file) + [
        tu.INVALID_XML_CHARS.pattern
    ]


@lru_cache(maxsize=1)
def _reviewed() -> bool:
    """Whether trafilatura's parsing code is the one :func:`parse_guarded` mirrors."""
    return matches(_REVIEWED_CODE, _reviewed_parts)


def parse(raw: str | bytes, guarded: bool = False) -> Any:
    """The page's tree as ``bare_extraction`` would parse it (``None`` if it is not HTML).

    ``guarded``: ``raw`` is what :func:`~cleaner.guards.guard_html` returned.
    """
    if guarded and isinstance(raw, str) and _reviewed():
        html = raw
        return shortcut_or_library("parse", lambda: parse_guarded(html), lambda: _load_html(html))
    return _load_html(raw)


def _load_html(raw: str | bytes) -> Any:
    """The tree ``bare_extraction`` would parse from ``raw``, by trafilatura's own code."""
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    return load_html(raw, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))


@lru_cache(maxsize=1)
def html_parser(library: Any) -> Any:
    """``library`` (trafilatura's HTML parser) with every element an ``HtmlElement``, by a
    lookup in C."""
    from lxml.etree import ElementDefaultClassLookup
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

    parser = library.copy()
    lookup = ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
    parser.set_element_class_lookup(lookup)
    return parser


def parse_guarded(html: str) -> Any:
    """``trafilatura.utils.load_html(html)``, step by step, for a page free of the
    characters XML forbids."""
    from lxml.html import fromstring
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, HTML_PARSER, fromstring_bytes, is_dubious_html

    beginning = html[:50].lower()
    check_flag = is_dubious_html(beginning)
    # repair_faulty_html, but for its INVALID_XML_CHARS.sub
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree = None
    fallback_parse = False
    try:
        tree = fromstring(html, parser=html_parser(HTML_PARSER))
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = fromstring_bytes(html)
        fallback_parse = True
    except Exception as err:  # pragma: no cover
        LOGGER.error("lxml parsing failed: %s", err)
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = fromstring_bytes(html)
    if tree is not None and check_flag is True and len(tree) < 2:
        tree = None
    return tree
