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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from typing import Any

from .caches import Memos
from .reviewed import Swap, matches

# SHA-1 of the expressions of trafilatura (2.3.1) that EXPRESSIONS stand for.
_REVIEWED_CODE = "3c1f158849347cb36a7f2f71ef4006b832c812f3"

_SECTION_TAGS = "self::div or self::item or self::list or self::p or self::section or self::span"
_BODY_TAGS = "self::article or self::div or self::main or self::section"
#: Characters to join the values with, the first that no value holds.
SEPARATORS = ("\x7f", "\ue000", "|", "\n")
#: A value the library's pattern matches, in XPath: one of those in ``$ids``, ``$classes``
#: or ``$values`` (joined and enclosed by ``$sep``).
_LISTED_ID = "contains($ids, concat($sep, ., $sep))"
_LISTED_CLASS = "contains($classes, concat($sep, ., $sep))"
_LISTED = "contains($values, concat($sep, ., $sep))"
#: A variable of an expression: the attributes whose values it lists, and which of the
#: library expression's ``re:test`` calls (their order in it) a value must pass one of.
Variables = dict[str, tuple[tuple[str, ...], tuple[int, ...]]]
_TESTS = re.compile(r"re:test\((@[\w|@]+), '([^']*)'(?:, '(i)')?\)")
#: The values a variable's memo holds at most (see :class:`ByValues`).
PASSED_VALUES = 8192


def re_test_patterns(expression: Any) -> list[re.Pattern[str]]:
    """The patterns of the ``re:test`` calls of a library's expression, in their order."""
    return [re.compile(pattern, re.I if flag else 0) for _, pattern, flag in _TESTS.findall(expression.path)]


class ByValues:
    """An expression of variables (:data:`Variables`), called on a tree as an XPath
    expression is: each lists the tree's values of its attributes that pass one of its
    tests (trafilatura's ``re:test`` patterns, each distinct value tested once).
    ``library``: the library's expression, for a tree whose values hold every separator."""

    def __init__(self, expression: str, variables: Variables, library: Any):
        from lxml.etree import XPath

        self.expression = XPath(expression)
        patterns = re_test_patterns(library)
        self.variables = {name: (names, [patterns[i] for i in used]) for name, (names, used) in variables.items()}
        self.library = library
        # whether a value passes a variable's tests, by variable: each value is tested once,
        # though the extraction calls an expression on the page and on its parts, and pages
        # share values ("container", "row")
        self.passed = Memos(count=max(len(variables), 1), lines=PASSED_VALUES)

    def __call__(self, tree: Any) -> Any:
        values = {name: set(_values(tree, name)) for name in ("id", "class")}
        joined = "".join(values["id"]) + "".join(values["class"])
        sep = next((s for s in SEPARATORS if s not in joined), None)
        if sep is None:
            return self.library(tree)
        listed = {}
        for variable, (names, patterns) in self.variables.items():
            tested = values[names[0]] if len(names) == 1 else set().union(*(values[name] for name in names))
            test = partial(_passes, patterns)
            listed[variable] = listed_passing(self.passed.of(variable), tested, test, sep)
        return self.expression(tree, sep=sep, **listed)


def _passes(patterns: list[re.Pattern[str]], value: str) -> bool:
    return any(p.search(value) for p in patterns)


def listed_passing(passed: dict[str, bool], tested: set[str], test: Callable[[str], object], sep: str) -> str:
    """The values of ``tested`` that pass ``test``, joined and enclosed by ``sep`` ("" for
    none), for an expression's variable: each value tested once, remembered in ``passed``
    (emptied first when it would grow past ``PASSED_VALUES``)."""
    if len(passed) + len(tested) > PASSED_VALUES:
        passed.clear()
    for value in tested.difference(passed):
        passed[value] = bool(test(value))
    # (a value another thread's clear() took out is tested again)
    matched = sep.join(v for v in tested if (hit := passed.get(v)) or (hit is None and test(v)))
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

# BODY_XPATH[2]: a story, a post's text, a column (its first)
_STORY = (
    "(("
    + _any(
        ".//*/@role[. = 'article']",
        f".//*/@id[. = 'article' or . = 'story' or {_LISTED_ID}]",
        ".//*/@class[. = 'postarea' or . = 'art-postcontent' or . = 'text' or . = 'cell' or . = 'story'"
        f" or {_LISTED_CLASS}]",
    )
    + f")/parent::*[{_BODY_TAGS}])[1]"
)
# PRECISION_DISCARD_XPATH[1]: an id or class (the first of the two) "bottom" or "link", a border
_FIRST_LISTED = "contains($values, concat($sep, @id|@class, $sep))"
_BOTTOM = (
    "("
    + _any(
        f".//*/@id[{_LISTED}]/parent::*[{_FIRST_LISTED}]",
        f".//*/@class[{_LISTED}]/parent::*[{_FIRST_LISTED}]",
        ".//*/@style[contains(., 'border')]/parent::*",
    )
    + f")[{_SECTION_TAGS}]"
)
# TEASER_DISCARD_XPATH[0], DISCARD_IMAGE_ELEMENTS[0]: teasers, captions
_TEASER = (
    "(.//*/@id[contains(translate(., 'T', 't'), 'teaser')] | .//*/@class[contains(translate(., 'T', 't'), 'teaser')])"
    f"/parent::*[{_SECTION_TAGS}]"
)
_CAPTION = f"(.//*/@id[contains(., 'caption')] | .//*/@class[contains(., 'caption')])/parent::*[{_SECTION_TAGS}]"

_IDS_CLASSES: Variables = {"ids": (("id",), (0,)), "classes": (("class",), (1,))}
#: trafilatura's lists and the positions rewritten: the rewrite of each, and the values it
#: reads, if any.
EXPRESSIONS: dict[str, dict[int, tuple[str, Variables]]] = {
    "OVERALL_DISCARD_XPATH": {
        0: (_DISCARD, {"ids": (("id",), (1,)), "classes": (("class",), (2,))}),
        1: (_HIDDEN, {"classes": (("class",), (2,))}),
    },
    "BODY_XPATH": {
        0: (_BODY, _IDS_CLASSES),
        2: (_STORY, {"ids": (("id",), (0,)), "classes": (("class",), (1, 2))}),
        3: (_CONTENT, {}),
    },
    "PRECISION_DISCARD_XPATH": {1: (_BOTTOM, {"values": (("id", "class"), (0, 1))})},
    "TEASER_DISCARD_XPATH": {0: (_TEASER, {})},
    "DISCARD_IMAGE_ELEMENTS": {0: (_CAPTION, {})},
}
#: The modules of trafilatura that read the lists (as their own names).
READERS = {"main_extractor": tuple(EXPRESSIONS), "external": ("OVERALL_DISCARD_XPATH",)}


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
        for i, (expression, variables) in rewrites.items():
            expressions[i] = ByValues(expression, variables, expressions[i]) if variables else XPath(expression)
    return lists


def _rewritten() -> dict[str, list[Any]] | None:
    """:func:`compiled`, or None if trafilatura's expressions are not the ones reviewed or
    cannot be had."""
    try:
        return compiled() if reviewed() else None
    except Exception:  # a surprise means "not the code reviewed": the library's own
        return None


def _readers() -> list[tuple[Any, str]]:
    """The modules that read the lists (:data:`READERS`), with each name they read."""
    import importlib

    return [
        (importlib.import_module(f"trafilatura.{module}"), name) for module, names in READERS.items() for name in names
    ]


_SWAP = Swap(_readers, lambda own: _rewritten())


@contextmanager
def cheaper_sections() -> Iterator[None]:
    """trafilatura's extractors reading :data:`EXPRESSIONS` for their own (:data:`READERS`)
    while the ``with`` block runs (their own, if they are not the ones reviewed), swapped
    in the modules for the process (:class:`cleaner.reviewed.Swap`): a thread running
    trafilatura beside cleaner's extraction reads the rewrites too, which select what its
    own select."""
    with _SWAP():
        yield
