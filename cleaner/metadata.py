"""Page metadata as trafilatura's ``extract_metadata`` finds it, at a lower cost.

Most of trafilatura's metadata pass goes to XPath expressions whose regular
expressions libxml2 calls back into Python for every element of the page.
:func:`page_metadata` follows ``trafilatura.metadata.extract_metadata`` step by
step, with its own helpers, and differs only in what changes none of our results:

* the licence is not looked for (we do not report it);
* the author expressions (tried when the meta tags name no author) are read off
  trafilatura's own as data (:class:`_AuthorExpression`): each runs only if some
  attribute value on the page holds a substring its tests require, as look-ups among
  the page's values that pass them (each distinct value tested once in Python, the
  rest in C); the pruning before them is written without ``re:test``, and copies and
  prunes the element an expression found, not the page;
* the category and tag expressions run only if some link's address contains the
  "/categor" or "/tag" that trafilatura requires of the links they find;
* htmldate's text search for a date counts its patterns' matches, and looks for a month's
  name by a day and a year, by :mod:`cleaner.datesearch` (the same matches).

docs/benchmarks.md has what each saves. The checks are read off trafilatura's
expressions; if trafilatura's code for them changes, or the shortcut raises anything,
:func:`page_metadata` falls back on ``extract_metadata`` itself (see
:mod:`cleaner.reviewed`). ``tests/test_metadata.py`` compares the two on the fixtures;
``tests/test_reviewed.py`` breaks the names the shortcut uses.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from functools import lru_cache, partial
from typing import Any

from .caches import Memos
from .datesearch import cheaper_date_search
from .reviewed import matches, shortcut_or_library, sources, xpath_any
from .sections import PASSED_VALUES, SEPARATORS, listed_passing

LOGGER = logging.getLogger(__name__)

# trafilatura's author expressions (AUTHOR_XPATHS, in order) read as data: each is
# ``//*[TAGS][TEST or TEST ...]``, some with ``|//author``, a test being ``@a='v'``,
# ``contains(@a, 'v')``, ``re:test(@a, 'p')`` or a child's ``name='v'``.
_AUTHOR_PATH = re.compile(r"//\*(?:\[(self::\w+(?: or self::\w+)*)\])?\[(.*)\](\|//author)?", re.S)
# (A name's test starts only where a name does: tried inside a long name, it would read to
# the name's end from every letter, quadratic in a search.)
_AUTHOR_TEST = re.compile(
    r"(contains|re:test)\(@([\w-]+), '([^']*)'\)|@([\w-]+)='([^']*)'|(?<![\w-])([\w-]+)='([^']*)'"
)


# An element AUTHOR_DISCARD_XPATHS[0] selects; the second selects <time> and <figure>.
_DISCARDED = (
    "(self::a or self::div or self::section or self::span) and ("
    "@id='comments' or @class='comments' or @class='title' or @class='date' or "
    + xpath_any("@id", ("commentlist", "comment-list", "ProductReviews"), starts=("comments",))
    + " or "
    + xpath_any(
        "@class",
        ("commentlist", "comments-list", "sidebar", "is-hidden", "quote", "embedly-instagram", "article-share"),
        starts=("Comments", "comments"),
    )
    + " or "
    + xpath_any("@class", ("article-support", "print", "category", "meta-date", "meta-reviewer"))
    + " or contains(@data-component, 'Figure'))"
)
# What trafilatura's category and tag expressions require of a link's href.
_CATSTAGS_NEEDLES = {"category": "/categor", "tag": "/tag"}
# What each of those expressions (CATEGORIES_XPATHS, TAGS_XPATHS, in order) requires of
# the container of the links it finds, as needles in the page's values of an attribute
# (each value after a newline, see ``_values``): "\npost" for a class that starts with
# "post" (``re:test(@class, '^(?:post-?info|post-?meta|...)')``), "cat-links" for one that
# contains it. An expression whose needles are all missing finds no link, and is not run.
_CATSTAGS_CONTAINERS: dict[str, list[dict[str, tuple[str, ...]]]] = {
    "category": [
        {"class": ("\npost", "\nmeta", "\nentry-"), "id": ("\npostpath",)},
        {"class": ("\npostmeta", "\nentry-categories", "\npostinfo"), "id": ("\nfiledunder",)},
        {"class": ("\nentry-meta", "\nentry-footer")},
        {"class": ("\npost-category", "\npostcategory", "\nentry-category", "cat-links")},
        {"class": ("\nentry-header",)},
        {"class": ("\nrow", "\ntags")},
    ],
    "tag": [
        {"class": ("\ntags",)},
        {"class": ("\nentry-tags",)},
        {"class": ("\nrow", "\njp-relatedposts", "\nentry-utility", "\ntag", "\npostmeta", "\nmeta")},
        {"class": ("\nentry-meta", "topics", "tags-links")},
    ],
}

# SHA-1 of the trafilatura code the shortcuts above were checked against (2.3.1).
_REVIEWED_CODE = "2d89d9b11c059d213758136cc8129f6514fb57ed"


def _reviewed_parts() -> list[str]:
    import trafilatura.metadata as tm
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS, CATEGORIES_XPATHS, TAGS_XPATHS

    return sources(tm.extract_metadata, tm.extract_author, tm.extract_catstags) + [
        x.path for x in (*AUTHOR_XPATHS, *CATEGORIES_XPATHS, *TAGS_XPATHS, *AUTHOR_DISCARD_XPATHS)
    ]


@lru_cache(maxsize=1)
def _reviewed() -> bool:
    """Whether trafilatura's metadata code is the one :func:`page_metadata` mirrors."""
    return matches(_REVIEWED_CODE, _reviewed_parts)


@lru_cache(maxsize=1)
def _xpaths() -> dict[str, Any]:
    from lxml.etree import XPath

    return {
        "section": XPath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]'),
        "author_discard": XPath(f".//*[{_DISCARDED}]"),
        "discarded_around": XPath(f"ancestor-or-self::*[{_DISCARDED} or self::time or self::figure]"),
        "discarded_within": XPath(f".//*[{_DISCARDED} or self::time or self::figure]"),
    }


@lru_cache(maxsize=16)
def _attribute(name: str) -> Any:
    """The values of attribute ``name`` on the page (``href``: of the links)."""
    from lxml.etree import XPath

    return XPath("//a/@href" if name == "href" else f"//@{name}", smart_strings=False)


class _Values(dict[str, str]):
    """A page's values of each attribute, read when first asked for: joined, each after a
    newline (substring tests on the joined string find every value that contains the
    needle, "\n" + needle every value that starts with it), and as a set (:meth:`distinct`)."""

    def __init__(self, tree: Any):
        super().__init__()
        self.tree = tree
        self.lists: dict[str, list[str]] = {}
        self.sets: dict[str, set[str]] = {}

    def listed(self, attribute: str) -> list[str]:
        found = self.lists.get(attribute)
        if found is None:
            found = self.lists[attribute] = _attribute(attribute)(self.tree)
        return found

    def distinct(self, attribute: str) -> set[str]:
        found = self.sets.get(attribute)
        if found is None:
            found = self.sets[attribute] = set(self.listed(attribute))
        return found

    def __missing__(self, attribute: str) -> str:
        values = self.listed(attribute)
        self[attribute] = found = "\n" + "\n".join(values) if values else ""
        return found


def _may_match(needles: dict[str, tuple[str, ...]], values: _Values) -> bool:
    """Whether a value of one of the attributes of ``needles`` holds one of its needles."""
    return any(word in values[attribute] for attribute, words in needles.items() for word in words)


class _AuthorExpression:
    """One of trafilatura's author expressions (``path``, compiled: ``library``) as look-ups.

    ``attributes``: each attribute it tests and the pattern its values pass (``\\Av\\Z``
    for ``@a='v'``, ``v`` for ``contains(@a, 'v')``, the ``re:test`` pattern); ``needles``:
    for each, substrings of the page's joined values (:class:`_Values`) one of which is
    there if a value passes; ``elements``: the names of the elements it selects, or tests
    the text of, whatever their attributes; ``expression``: the elements that carry a
    value listed in ``$a`` for each attribute ``a`` (``-`` as ``_``: the page's values that
    pass, joined and enclosed by ``$sep``), the library's elements in the same order.
    """

    def __init__(self, path: str, library: Any):
        from lxml.etree import XPath

        found = _AUTHOR_PATH.fullmatch(path.strip())
        tests = _AUTHOR_TEST.sub("\0", found[2]) if found else ""
        if found is None or not re.fullmatch("\0(?:or\0)*", re.sub(r"\s", "", tests)):
            raise ValueError(f"an author expression not read as data: {path!r}")
        tags, _, author = found.groups()
        alternatives: dict[str, list[str]] = {}
        self.needles: dict[str, tuple[str, ...]] = {}
        parts = []
        self.elements: tuple[str, ...] = ("author",) if author else ()
        for call, attribute, argument, equal, value, child, text in _AUTHOR_TEST.findall(found[2]):
            if child:
                parts.append(f"//{child}[.='{text}']")
                self.elements += (child,)
                continue
            name = attribute or equal
            pattern = argument if call == "re:test" else re.escape(argument) if call else rf"\A{re.escape(value)}\Z"
            alternatives.setdefault(name, []).append(pattern)
            needles = _needles(argument) if call == "re:test" else (argument,) if call else ("\n" + value,)
            self.needles[name] = self.needles.get(name, ()) + needles
        self.attributes = {name: re.compile("|".join(f"(?:{a})" for a in alts)) for name, alts in alternatives.items()}
        if any(pattern.search("") for pattern in self.attributes.values()):  # a missing attribute reads ""
            raise ValueError(f"an author expression that accepts an empty value: {path!r}")
        parts = [f"//@{name}[contains(${_variable(name)}, concat($sep, ., $sep))]" for name in self.attributes] + parts
        selected = "(" + " | ".join(parts) + ")/parent::*" + (f"[{tags}]" if tags else "")
        self.expression = XPath(selected + (" | //author" if author else ""))
        self.library = library
        self.passed = Memos(count=len(self.attributes), lines=PASSED_VALUES)

    def bound(self, values: _Values, present: bool) -> Any:
        """The expression for the page of ``values``, None if it selects nothing there: with
        the values that pass listed, or the library's if a separator is in every value."""
        if not _may_match(self.needles, values) and not (present and self.elements):
            return None
        sep = next((s for s in SEPARATORS if all(s not in values[name] for name in self.attributes)), None)
        if sep is None:
            return self.library
        listed = {
            _variable(name): listed_passing(self.passed.of(name), values.distinct(name), pattern.search, sep)
            for name, pattern in self.attributes.items()
        }
        if not any(listed.values()) and not (present and self.elements):
            return None
        return partial(self.expression, sep=sep, **listed)


def _needles(pattern: str) -> tuple[str, ...]:
    """Substrings one of which a string holds if ``pattern`` finds something in it: each
    alternative's longest literal run; "" (any string) for a pattern with groups, anchors
    or repetitions."""
    if re.search(r"[\\(){}+*.^$]", pattern):
        return ("",)
    return tuple(max(re.split(r".\?|\[[^]]*\]", alternative), key=len) for alternative in pattern.split("|"))


def _variable(attribute: str) -> str:
    return attribute.replace("-", "_")


@lru_cache(maxsize=1)
def _author_table() -> tuple[_AuthorExpression, ...]:
    """trafilatura's author expressions, in order, read as data."""
    from trafilatura.xpaths import AUTHOR_XPATHS

    return tuple(_AuthorExpression(expression.path, expression) for expression in AUTHOR_XPATHS)


@lru_cache(maxsize=1)
def _author_elements() -> tuple[str, ...]:
    """The names of the elements some author expression selects, or tests the text of,
    whatever their attributes."""
    return tuple(sorted({name for expression in _author_table() for name in expression.elements}))


def _author(tree: Any, values: _Values | None = None) -> str | None:
    """``trafilatura.metadata.extract_author``, its expressions run only where they can
    match, as look-ups among the page's values (:func:`_author_expressions`).

    An expression that matches nothing adds nothing to trafilatura's search, and the
    pruning before it only removes elements, so an element it accepts on the pruned
    copy carries a value it accepts on the page itself.
    """
    from trafilatura.metadata import extract_metainfo, normalize_authors

    values = _Values(tree) if values is None else values
    elements = _author_elements()
    special = next(tree.iter(*elements), None) is not None if elements else False
    expressions = [e for e in (x.bound(values, special) for x in _author_table()) if e is not None]
    if not expressions:
        return None
    if special:  # ``rel='me'`` reads a child's text, which the pruning can change
        author = extract_metainfo(_pruned(tree), expressions, len_limit=120)
    else:
        author = _first_author(tree, expressions)
    return normalize_authors(None, author) if author else author


def _pruned(tree: Any) -> Any:
    """A copy of ``tree`` pruned as ``extract_author`` prunes it."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    return prune_unwanted_nodes(deepcopy(tree), [_xpaths()["author_discard"], *AUTHOR_DISCARD_XPATHS[1:]])


def _first_author(tree: Any, expressions: list[Any]) -> str | None:
    """``extract_metainfo(_pruned(tree), expressions, 120)`` without pruning a copy of
    the page: the pruned page holds the elements that no pruned element holds, and only
    an element that holds one is pruned (its copy), to read its text.

    Every test of the expressions and of the pruning reads an element's own name and
    attributes, so the pruning changes no element's match.
    """
    from trafilatura.utils import trim

    xpaths = _xpaths()
    for expression in expressions:
        for element in expression(tree):
            if xpaths["discarded_around"](element):
                continue
            if xpaths["discarded_within"](element):
                element = _pruned(element)
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < 120:
                return content
    return None


def _catstags(metatype: str, tree: Any, values: _Values) -> list[str]:
    """``trafilatura.metadata.extract_catstags``, step by step; its link expressions run
    only if a link could pass its href test (``/categor(?:y|ies|s)?/``, ``/tag...``), and
    each only if the page has a container it could find links in
    (:data:`_CATSTAGS_CONTAINERS`)."""
    from trafilatura.utils import line_processing
    from trafilatura.xpaths import CATEGORIES_XPATHS, TAGS_XPATHS

    results: list[str] = []
    if _CATSTAGS_NEEDLES[metatype] in values["href"]:
        pattern = re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/")
        expressions = CATEGORIES_XPATHS if metatype == "category" else TAGS_XPATHS
        for expression, needles in zip(expressions, _CATSTAGS_CONTAINERS[metatype], strict=True):
            if _may_match(needles, values):
                results.extend(_links_text(expression(tree), pattern))
                if results:
                    break
    if metatype == "category" and not results:
        # no link found: trafilatura's fallback for categories, the section meta tags
        results = [element.attrib["content"] for element in _xpaths()["section"](tree)]
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def _links_text(links: list[Any], pattern: re.Pattern[str]) -> list[str]:
    """The text of each of ``links`` whose address ``pattern`` finds something in."""
    from trafilatura.baseline import block_text

    return [block_text(link) for link in links if pattern.search(link.attrib["href"])]


def date_params() -> dict[str, Any]:
    """htmldate's parameters as ``bare_extraction`` passes them (trafilatura's defaults)."""
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    return set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))


def page_metadata(tree: Any, default_url: str | None = None) -> Any:
    """The metadata (a ``trafilatura.settings.Document``) of a page parsed by
    ``trafilatura.utils.load_html``; ``tree`` is left as it was."""
    import trafilatura.metadata as tm

    def library() -> Any:
        return tm.extract_metadata(tree, default_url, date_params())

    if not _reviewed():
        return library()
    return shortcut_or_library("metadata", lambda: _page_metadata(tree, default_url), library)


def _page_metadata(tree: Any, default_url: str | None) -> Any:
    """``trafilatura.metadata.extract_metadata``, step by step, with the shortcuts above."""
    import trafilatura.metadata as tm

    date_config = date_params()
    metadata = _meta_tags(tree)
    values = _Values(tree)
    if not metadata.title:
        metadata.title = tm.extract_title(tree)
    if not metadata.author:
        metadata.author = _author(tree, values)
    if not metadata.url:
        metadata.url = tm.extract_url(tree, default_url)
    if metadata.url:
        metadata.hostname = tm.extract_domain(metadata.url, fast=True)
    date_config["url"] = metadata.url
    with cheaper_date_search():
        metadata.date = tm.find_date(tree, **date_config)
    _sitename(metadata, tree)
    _categories_and_tags(metadata, tree, values)
    # (trafilatura looks for a licence here; we do not report one)
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata


def _meta_tags(tree: Any) -> Any:
    """What the meta tags and the JSON-LD say, as ``extract_metadata`` reads them first."""
    import trafilatura.metadata as tm

    metadata = tm.examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    extract_meta_json = tm.extract_meta_json  # outside the try: a missing name is ours to report
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # bugs in trafilatura's json_metadata.py (trafilatura catches them too)
        LOGGER.warning("error in JSON metadata extraction: %s", err)
    return metadata


def _sitename(metadata: Any, tree: Any) -> None:
    """The site's name, as ``extract_metadata`` finds and tidies it."""
    import trafilatura.metadata as tm

    if not metadata.sitename:
        metadata.sitename = tm.extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        match = tm.META_URL.match(metadata.url)
        if match:
            metadata.sitename = match[1]


def _categories_and_tags(metadata: Any, tree: Any, values: _Values) -> None:
    """Categories and tags from the page's links, when the meta tags named none."""
    if not metadata.categories:
        metadata.categories = _catstags("category", tree, values)
    if not metadata.tags:
        metadata.tags = _catstags("tag", tree, values)
