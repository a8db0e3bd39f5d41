"""Page metadata as trafilatura's ``extract_metadata`` finds it, at a lower cost.

Most of trafilatura's metadata pass goes to XPath expressions whose regular
expressions libxml2 calls back into Python for every element of the page.
:func:`page_metadata` follows ``trafilatura.metadata.extract_metadata`` step by
step, with its own helpers, and differs only in what changes none of our results:

* the licence is not looked for (we do not report it);
* the author expressions (tried when the meta tags name no author) run only if some
  attribute value on the page contains a word one of them tests for; they and the
  pruning before them are written without ``re:test`` (same elements, in C), and the
  pruning copies and prunes the element an expression found, not the page;
* the category and tag expressions run only if some link's address contains the
  "/categor" or "/tag" that trafilatura requires of the links they find.

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
from functools import lru_cache
from typing import Any

from .reviewed import matches, shortcut_or_library, sources, xpath_any

LOGGER = logging.getLogger(__name__)

# Words the author expressions (trafilatura.xpaths.AUTHOR_XPATHS, in order) test
# attribute values for, as substrings that every value they accept contains:
# per expression, {attribute: needles}. Elements named "author" or "rel" match the
# first expression whatever their attributes (``//author``, ``rel='me'``).
_AUTHOR_NEEDLES: list[dict[str, tuple[str, ...]]] = [
    {
        "class": ("author", "AuthorName"),
        "id": ("author",),
        "rel": ("author",),
        "itemprop": ("author",),
        "data-testid": ("Author",),
    },
    {
        "class": (
            "byl",
            "username",
            "BBL",
            "author",
            "channel-name",
            "zuozhe",
            "bianji",
            "xiaobian",
            "submitted-by",
            "posted-by",
            "journalist-name",
        ),
        "itemprop": ("author",),
        "id": ("author", "zuozhe", "bianji", "xiaobian"),
    },
    {
        "class": ("Author", "author", "screenname", "writer", "Byline", "byline"),
        "itemprop": ("author",),
        "id": ("Author", "author"),
        "data-component": ("Byline",),
    },
]


# trafilatura's author expressions (AUTHOR_XPATHS) and the first of the pruning ones
# before them (AUTHOR_DISCARD_XPATHS), each ``re:test`` of literal alternatives written
# as ``contains`` and ``starts-with`` tests: libxml2 calls back into Python for every
# element a ``re:test`` reads, while these run in C. They select the same elements
# (``re:test`` searches, case-sensitive, the first node's string value, as ``contains``
# does); tests/test_metadata.py compares them on pages. The author expressions start
# from the attributes they test, and take the elements that carry them: a test in an
# element's predicate costs a node-set for every element of the page.
_AUTHOR_EXPRESSIONS = (
    "(//@rel[.='author'] | //@id[.='author'] | //@itemprop[.='author name'] | //rel[.='me'] | "
    "//@data-testid[.='AuthorCard' or .='AuthorURL'] | //@class[.='author' or "
    + xpath_any(".", ("author-name", "authorname", "AuthorName", "authorName"))
    + "])/parent::*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong]"
    " | //author",
    "(//@class[.='byline' or .='username' or .='byl' or .='BBL' or "
    + xpath_any(".", ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by"))
    + " or contains(., 'journalist-name')] | //@itemprop[contains(., 'author')] | //@id["
    + xpath_any(".", ("author", "zuozhe", "bianji", "xiaobian"))
    + "])/parent::*[self::a or self::div or self::h3 or self::h4 or self::p or self::span]",
    "(//@data-component[contains(., 'Byline')] | //@itemprop[contains(., 'author')] | //@id["
    + xpath_any(".", ("Author", "author"))
    + "] | //@class["
    + xpath_any(".", ("Author", "author", "screenname", "writer", "Byline", "byline"))
    + "])/parent::*",
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

    attributes = {name for needles in _AUTHOR_NEEDLES for name in needles}
    found = {name: XPath(f"//@{name}", smart_strings=False) for name in attributes}
    found["href"] = XPath("//a/@href", smart_strings=False)
    found["section"] = XPath('.//head//meta[@property="article:section" or contains(@name, "subject")][@content]')
    for i, expression in enumerate(_AUTHOR_EXPRESSIONS):
        found[f"author{i}"] = XPath(expression)
    found["author_discard"] = XPath(f".//*[{_DISCARDED}]")
    found["discarded_around"] = XPath(f"ancestor-or-self::*[{_DISCARDED} or self::time or self::figure]")
    found["discarded_within"] = XPath(f".//*[{_DISCARDED} or self::time or self::figure]")
    return found


def _values(tree: Any, attribute: str) -> str:
    """All values of ``attribute`` on the page, each after a newline (substring tests on
    the joined string find every value that contains the needle, "\n" + needle every
    value that starts with it)."""
    values = _xpaths()[attribute](tree)
    return "\n" + "\n".join(values) if values else ""


class _Values(dict[str, str]):
    """A page's :func:`_values` by attribute, each read when first asked for."""

    def __init__(self, tree: Any):
        super().__init__()
        self.tree = tree

    def __missing__(self, attribute: str) -> str:
        self[attribute] = found = _values(self.tree, attribute)
        return found


def _may_match(needles: dict[str, tuple[str, ...]], values: _Values) -> bool:
    """Whether a value of one of the attributes of ``needles`` holds one of its needles."""
    return any(word in values[attribute] for attribute, words in needles.items() for word in words)


def _author(tree: Any, values: _Values | None = None) -> str | None:
    """``trafilatura.metadata.extract_author``, its expressions run only where they can
    match, and written without ``re:test`` (``_AUTHOR_EXPRESSIONS``).

    An expression that matches nothing adds nothing to trafilatura's search, and the
    pruning before it only removes elements, so an element it accepts on the pruned
    copy carries one of its needles on the page itself.
    """
    from trafilatura.metadata import extract_metainfo, normalize_authors

    values = _Values(tree) if values is None else values
    special = next(tree.iter("author", "rel"), None) is not None
    xpaths = _xpaths()
    expressions = [
        xpaths[f"author{i}"]
        for i, needles in enumerate(_AUTHOR_NEEDLES)
        if (i == 0 and special) or _may_match(needles, values)
    ]
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
