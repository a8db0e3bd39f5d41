"""trafilatura's body and section expressions with fewer ``re:test`` calls, for the extraction.

``extract_content`` finds the article's container by ``BODY_XPATH`` and prunes it by
``OVERALL_DISCARD_XPATH`` (``prune_unwanted_sections``); their ``re:test`` calls back
into Python for every element it reads, some 3 ms a multilingual page (process time).
:data:`EXPRESSIONS` stand for the costly ones: each starts from the attributes it tests,
as :mod:`cleaner.precise`'s prunes do, and tests an id or class against the page's own
values that the library's regular expression matches, each distinct value tested once in
Python (:class:`ByValues`). They select the same elements in the same order (of
``BODY_XPATH``, whose first element is all ``_extract`` reads: that element), which
``tests/test_sections.py`` checks on the fixture and benchmark pages and a page for each
test. :func:`cheaper_sections` puts them in trafilatura's place while cleaner's
extraction runs, if trafilatura's expressions are the ones reviewed, and puts
trafilatura's back after: the library's own callers (trafilatura's default in a
benchmark) are left as they are.

Two readings of ``re:test`` the rewrites keep: a missing attribute is tested as "", which
no pattern here matches, and a union such as ``@id|@class`` is tested by the first of its
attributes in the element's order (XPath's string value of a node-set).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .reviewed import matches

# SHA-1 of the expressions of trafilatura (2.3.1) that EXPRESSIONS stand for.
_REVIEWED_CODE = "8e933592814e2bf3704ef272c1baaa4e63284cac"

_SECTION_TAGS = "self::div or self::item or self::list or self::p or self::section or self::span"
_BODY_TAGS = "self::article or self::div or self::main or self::section"
#: Characters to join the values with, the first that no value holds.
_SEPARATORS = ("\x7f", "\ue000", "|", "\n")
#: An id or class the library's pattern matches, in XPath: one of the values in ``$ids``
#: or ``$classes`` (joined and enclosed by ``$sep``).
_LISTED_ID = "contains($ids, concat($sep, ., $sep))"
_LISTED_CLASS = "contains($classes, concat($sep, ., $sep))"


class ByValues:
    """An expression of ``$ids`` and ``$classes``, called on a tree as an XPath expression
    is: the tree's ids and classes that ``id_pattern`` and ``class_pattern`` (trafilatura's
    ``re:test`` patterns) match are its values. ``library``: the library's expression, for
    a tree whose values hold every separator."""

    def __init__(self, expression: str, id_pattern: str | None, class_pattern: str, library: Any):
        from lxml.etree import XPath

        self.expression = XPath(expression)
        self.ids = re.compile(id_pattern) if id_pattern else None
        self.classes = re.compile(class_pattern)
        self.library = library

    def __call__(self, tree: Any) -> Any:
        ids = set(_values(tree, "id")) if self.ids else set()
        classes = set(_values(tree, "class"))
        joined = "".join(ids) + "".join(classes)
        sep = next((s for s in _SEPARATORS if s not in joined), None)
        if sep is None:
            return self.library(tree)
        return self.expression(
            tree, ids=_listed(ids, self.ids, sep), classes=_listed(classes, self.classes, sep), sep=sep
        )


def _listed(values: set[str], pattern: re.Pattern[str] | None, sep: str) -> str:
    matched = sep.join(value for value in values if pattern and pattern.search(value))
    return f"{sep}{matched}{sep}" if matched else ""


@lru_cache(maxsize=2)
def _attribute(name: str) -> Any:
    from lxml.etree import XPath

    return XPath(f".//*/@{name}", smart_strings=False)


def _values(tree: Any, name: str) -> list[str]:
    """The values of attribute ``name`` of the elements under ``tree``."""
    values: list[str] = _attribute(name)(tree)
    return values


def _any(*parts: str) -> str:
    return " | ".join(parts)


# OVERALL_DISCARD_XPATH[0]: sharing, navigation, widgets, cookie notices
_DISCARD = (
    "("
    + _any(
        ".//*/@data-lp-replacement-content/parent::*",
        ".//*/@role[contains(translate(., 'N', 'n'), 'nav')]/parent::*",
        ".//*/@data-component[contains(., 'MostPopularStories')]/parent::*",
        f".//*/@id[{_LISTED_ID}]/parent::*",
        f".//*/@class[{_LISTED_CLASS}]/parent::*",
        "(.//*/@id[contains(., 'cookie')] | .//*/@class[contains(., 'cookie')])"
        "/parent::*[contains(@id|@class, 'cookie')]",
    )
    + f")[{_SECTION_TAGS}]"
)
# OVERALL_DISCARD_XPATH[1]: hidden elements, comment titles and replies, messages
_HIDDEN = _any(
    f".//*/@class[. = 'comments-title' or {_LISTED_CLASS}]/parent::*",
    ".//*/@id[contains(., 'reader-comments') or contains(., 'akismet')]/parent::*",
    ".//*/@style[contains(., 'display:none') or contains(., 'display: none')]/parent::*",
    ".//*/@aria-hidden[. = 'true']/parent::*",
    "(.//*/@id[starts-with(., 'reply-')] | .//*/@class[starts-with(., 'reply-')])"
    "/parent::*[starts-with(@id|@class, 'reply-')]",
    "(.//*/@id[contains(., 'hidden')] | .//*/@style[contains(., 'hidden')])/parent::*[contains(@id|@style, 'hidden')]",
)
# BODY_XPATH[0]: the article's container named by its class or id (its first)
_BODY = (
    "(("
    + _any(
        f".//*/@class[. = 'post' or . = 'entry' or {_LISTED_CLASS}]",
        ".//*/@itemprop[. = 'articleBody']",
        f".//*/@id[. = 'articleContent' or {_LISTED_ID}]",
    )
    + f")/parent::*[{_BODY_TAGS}])[1]"
)
# BODY_XPATH[3]: the page's content (its first)
_MAIN_CONTENT = "contains(translate(., 'CM', 'cm'), 'main-content')"
_CONTENT = (
    "(("
    + _any(
        ".//*/@id[. = 'content' or contains(., 'content-main') or contains(., 'content-body')"
        f" or contains(., 'contentBody') or {_MAIN_CONTENT}]",
        ".//*/@class[. = 'content' or contains(., 'content-main') or contains(., 'content_main')"
        " or contains(., 'content-body') or contains(., 'content__body')"
        f" or {_MAIN_CONTENT} or contains(translate(., 'CP', 'cp'), 'page-content')]",
    )
    + f")/parent::*[{_BODY_TAGS}])[1]"
)

#: trafilatura's lists and the positions rewritten: the rewrite of each, and for those
#: that test values, which of the library's ``re:test`` patterns (id, class) they read.
EXPRESSIONS: dict[str, dict[int, tuple[str, int | None, int | None]]] = {
    "OVERALL_DISCARD_XPATH": {0: (_DISCARD, 0, 1), 1: (_HIDDEN, None, 1)},
    "BODY_XPATH": {0: (_BODY, 0, 1), 3: (_CONTENT, None, None)},
}
_TESTS = re.compile(r"re:test\(@(id|class), '([^']*)'\)")


def patterns(expression: Any) -> list[str]:
    """The patterns of the ``re:test`` of one id or one class in a library's expression,
    in their order."""
    return [pattern for _, pattern in _TESTS.findall(expression.path)]


def _reviewed_parts() -> list[str]:
    import trafilatura.xpaths as tx

    return [getattr(tx, name)[i].path for name, rewrites in EXPRESSIONS.items() for i in sorted(rewrites)]


@lru_cache(maxsize=1)
def reviewed() -> bool:
    """Whether trafilatura's expressions are the ones :data:`EXPRESSIONS` stand for."""
    return matches(_REVIEWED_CODE, _reviewed_parts)


@lru_cache(maxsize=1)
def compiled() -> dict[str, list[Any]]:
    """trafilatura's lists with the rewritten expressions in place."""
    import trafilatura.xpaths as tx
    from lxml.etree import XPath

    lists: dict[str, list[Any]] = {}
    for name, rewrites in EXPRESSIONS.items():
        lists[name] = expressions = list(getattr(tx, name))
        for i, (expression, id_test, class_test) in rewrites.items():
            if class_test is None:
                expressions[i] = XPath(expression)
                continue
            tests = patterns(expressions[i])
            id_pattern = tests[id_test] if id_test is not None else None
            expressions[i] = ByValues(expression, id_pattern, tests[class_test], expressions[i])
    return lists


def _rewritten() -> dict[str, list[Any]] | None:
    """:func:`compiled`, or None if trafilatura's expressions are not the ones reviewed or
    cannot be had."""
    try:
        return compiled() if reviewed() else None
    except Exception:  # a surprise means "not the code reviewed": the library's own
        return None


@contextmanager
def cheaper_sections() -> Iterator[None]:
    """trafilatura's main extractor reading :data:`EXPRESSIONS` for its own while the
    ``with`` block runs (its own, if they are not the ones reviewed). The lists are
    swapped in the module, for the process: a thread running trafilatura beside cleaner's
    extraction would read the rewrites too, which select what its own select."""
    import trafilatura.main_extractor as tm

    saved = {name: getattr(tm, name, None) for name in EXPRESSIONS}
    lists = _rewritten()
    if lists is None or any(expressions is None for expressions in saved.values()):
        yield
        return
    for name, expressions in lists.items():
        setattr(tm, name, expressions)
    try:
        yield
    finally:
        for name, own in saved.items():
            setattr(tm, name, own)
