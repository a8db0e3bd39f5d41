"""trafilatura's fast, precise extraction, without the copies of the page it does not need.

``bare_extraction(tree, fast=True, favor_precision=True, include_comments=False)``
copies the page three times: the tree it is given (its caller may use it again), the
pruned tree before cleaning it, and the cleaned tree as a backup for the fallback
extractors and the forum path, neither of which the fast, precise path without
comments takes. :func:`precise_text` follows ``bare_extraction`` and
``trafilatura_sequence`` step by step for those options on the page itself, which
its caller gives up (the retries of :mod:`cleaner.extraction` parse the page again).

It departs from trafilatura in two steps. The empty elements its tree cleaning drops
keep their tail, the text that follows them, as trafilatura keeps it outside precision
mode. In precision mode that text goes with the element, and it is article text: a
lead written after an emptied player ``<div>``, a table cell's text after an empty
``<div>``, the rest of a sentence after an empty ``<em>``. The precision the mode
buys comes from its later steps (link density, the precision discard list). And an
article cut into chunks, several containers of one class with an advertisement
between them, is joined into its first chunk before the extraction, which takes only
the first container it finds (:func:`join_chunks`).

If trafilatura's code for those steps differs from the one reviewed, or the shortcut
raises anything, the library's own ``bare_extraction`` runs on a freshly parsed page
(see :mod:`cleaner.reviewed`), tails dropped as its own precision mode drops them and
an article's chunks after the first lost.
``tests/test_precise.py`` compares the two, the library's with the tails kept;
``tests/test_reviewed.py`` breaks the names the shortcut uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy
from functools import lru_cache
from typing import Any

from .container import in_list, join_into, mark_container
from .reviewed import matches, shortcut_or_library, sources, xpath_any
from .sections import cheaper_sections

# SHA-1 of the trafilatura code precise_text mirrors (2.3.1).
_REVIEWED_CODE = "cade04d3a91162a2a9e732c1870fe40d29b561e3"

#: trafilatura's options, chosen on the article benchmark (docs/benchmarks.md):
#: precision mode drops more teasers and widgets at almost no cost in recall, and
#: reader comments are not the article. ``fast`` skips trafilatura's comparison with
#: its fallback extractors, which on most pages costs time and adds boilerplate.
#: :func:`precise_text` mirrors ``bare_extraction`` for these.
OPTIONS: dict[str, Any] = {"favor_precision": True, "include_comments": False, "include_tables": True, "fast": True}


#: What the attributes of any element the raw-tree prune and the comment prunes remove
#: must hold, by the reviewed expressions (``RAW_TREE_PRUNE_XPATH``: the infinite-scroll
#: and follow-up article boxes, the share buttons; the comment expressions: ids and
#: classes starting "comment" or "Comment", "comol", disqus' ids, "post-comments").
#: A page whose source holds none of them has no such element, and the expression,
#: which walks the whole page and tests each element with a regular expression, is
#: skipped (an attribute could spell the word with character references, which no page
#: of the dev sets does).
NEEDLES = {
    "raw": ("mvp-post-add-", "infinite", "elementor-share-buttons"),
    "comments": ("omment", "comol", "disqus_thread"),
}


# trafilatura's raw-tree and comment prunes (``RAW_TREE_PRUNE_XPATH``,
# ``REMOVE_COMMENTS_AND_LISTS_XPATH``, ``REMOVE_COMMENTS_XPATH``), each ``re:test`` of
# literal alternatives written as ``starts-with`` and ``contains`` tests: libxml2 calls
# back into Python for every element a ``re:test`` reads, while these run in C. They
# select the same elements in the same order (tests/test_precise.py compares them on pages).
_COMMENT_WORDS = ("comment(?!ary)", "Comment(?!ary)")
_COMMENT_ID = xpath_any(".", starts=(*_COMMENT_WORDS, "comol"))
_COMMENT_CLASS = xpath_any(".", ("article-comments", "post-comments"), starts=_COMMENT_WORDS)
_DISQUS = "starts-with(., 'disqus_thread') or starts-with(., 'dsq-comments')"
_COMMENT_LIST = f"(self::ol or self::ul) and (@id[{_COMMENT_ID}] or @class[{_COMMENT_CLASS}])"
_MVP = "contains(., 'mvp-post-add-box') or contains(., 'mvp-post-add-wrap')"
_SCROLL = "contains(., 'infinite-scroll') or contains(., 'infinitescroll')"
_PRUNES = {
    "raw": (
        f"(.//*/@id[{_MVP} or {_SCROLL}] | .//*/@class[{_MVP} or {_SCROLL}])"
        f"/parent::*[self::div or self::section or self::aside][not(.//h1) or @id[{_MVP}] or @class[{_MVP}]]"
    ),
    "comments_and_lists": (
        f"(.//*/@id[{_COMMENT_ID} or {_DISQUS}] | .//*/@class[{_COMMENT_CLASS}])/parent::*"
        f"[self::div or self::list or self::section or self::details or ({_COMMENT_LIST})]"
    ),
    "comments": (
        f"(.//*/@id[{_COMMENT_ID} or {_DISQUS}] | .//*/@class[{_COMMENT_CLASS}])/parent::*"
        "[self::div or self::list or self::section or self::details]"
    ),
}


@lru_cache(maxsize=1)
def _prunes() -> dict[str, list[Any]]:
    """The prunes of :data:`_PRUNES` compiled, with the raw-tree prune's second
    expression (which tests no regular expression) as trafilatura has it."""
    from lxml.etree import XPath
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH

    compiled = {kind: [XPath(expression)] for kind, expression in _PRUNES.items()}
    compiled["raw"].append(RAW_TREE_PRUNE_XPATH[1])
    return compiled


def _reviewed_parts() -> list[str]:
    import trafilatura.core as tc
    import trafilatura.htmlprocessing as hp
    import trafilatura.settings as ts
    import trafilatura.xpaths as tx

    # (the expressions :data:`NEEDLES` stand for, by their text)
    pruning = [
        x.path for x in (*tx.RAW_TREE_PRUNE_XPATH, *tx.REMOVE_COMMENTS_AND_LISTS_XPATH, *tx.REMOVE_COMMENTS_XPATH)
    ]
    return pruning + sources(
        tc.bare_extraction,
        tc.trafilatura_sequence,
        tc._prepare_tree,
        tc._extract_and_compare,
        ts.Extractor,
        hp.tree_cleaning,
        hp.prune_html,
    )


@lru_cache(maxsize=1)
def _reviewed() -> bool:
    """Whether trafilatura's extraction code is the one :func:`precise_text` mirrors."""
    return matches(_REVIEWED_CODE, _reviewed_parts)


def library_extraction(tree: Any, url: str | None, options: dict[str, Any]) -> tuple[str, str]:
    """(body, comments) ``bare_extraction`` finds in ``tree`` with ``options`` ("" if none)."""
    import trafilatura

    with cheaper_sections():
        doc: Any = trafilatura.bare_extraction(tree, url=url, **options)
    if doc is None:
        return "", ""
    return (doc.text or "").strip(), (getattr(doc, "comments", None) or "")


def library_text(tree: Any, url: str | None, options: dict[str, Any]) -> str:
    """The body ``bare_extraction`` finds in ``tree`` with ``options`` ("" if none)."""
    return library_extraction(tree, url, options)[0]


def precise_text(tree: Any, url: str | None, fresh: Callable[[], Any], source: str | None = None) -> str:
    """``library_text(tree, url, OPTIONS)``, pruning ``tree`` itself rather than copies.

    ``fresh()`` parses the page again, for the library when the shortcut cannot run.
    ``source``: the HTML ``tree`` was parsed from, if the caller has it as text: the
    prunes whose :data:`NEEDLES` it lacks are skipped.
    """
    if not _reviewed():
        return library_text(fresh(), url, OPTIONS)
    return shortcut_or_library(
        "extraction", lambda: _precise_text(tree, url, source), lambda: library_text(fresh(), url, OPTIONS)
    )


def _precise_text(tree: Any, url: str | None, source: str | None = None) -> str:
    """``bare_extraction`` and ``trafilatura_sequence`` for :data:`OPTIONS`, without the
    copies: a fast extraction runs no fallback extractor, so the backup of the cleaned
    tree goes unused, and with precision and no comments neither the baseline, the
    recall retry nor the forum path read the tree once it is cleaned."""
    from trafilatura.settings import DEFAULT_CONFIG, Extractor
    from trafilatura.xml import xmltotxt

    options = Extractor(
        config=DEFAULT_CONFIG, output_format="python", fast=True, precision=True, comments=False, tables=True, url=url
    )
    if options.max_tree_size:
        raise NotImplementedError("MAX_TREE_SIZE is set: bare_extraction's size check is not mirrored")
    try:
        postbody, temp_text = _sequence(tree, options, url, source)
        # bare_extraction's size check, with no comments
        if len(temp_text) < options.min_output_size and 0 < options.min_output_comm_size:
            return ""
    except (TypeError, ValueError):  # bare_extraction discards the page on these
        return ""
    return (xmltotxt(postbody, options.formatting) or "").strip()


def _sequence(tree: Any, options: Any, url: str | None, source: str | None = None) -> tuple[Any, str]:
    """``trafilatura_sequence`` for :data:`OPTIONS`: the body and its text, the tails of
    the empty elements the tree cleaning drops kept (see the module's docstring); the
    prunes that cannot match ``source`` skipped (:data:`NEEDLES`)."""
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_content

    prunes = _prunes()

    def can_match(kind: str) -> bool:
        return source is None or any(needle in source for needle in NEEDLES[kind])

    comments = can_match("comments")
    is_forum = _forum_thread_page(tree)
    title = tree.findtext("head/title")  # (the tree cleaning takes the head out)
    if can_match("raw"):
        tree = prune_unwanted_nodes(tree, prunes["raw"])
    if comments:
        tree = prune_unwanted_nodes(tree, prunes["comments_and_lists"])
    cleaned = convert_tags(tree_cleaning(tree, _keeping_tails(options)), options, url)
    if comments and not is_forum:
        cleaned = prune_unwanted_nodes(cleaned, prunes["comments"])
    named = join_chunks(cleaned)
    with cheaper_sections():
        if not named:
            mark_container(cleaned, options, title)
        result: tuple[Any, str] = extract_content(cleaned, options)
    return result


#: The tests of trafilatura's first body expression (``BODY_XPATH[0]``), which names the
#: article's container (an ``article``, ``div``, ``main`` or ``section``) by its class or
#: id; run here on each such element of the cleaned tree (an XPath expression costs more:
#: ``re:test`` calls back into Python for each element).
_BODY_TAGS = ("article", "div", "main", "section")
_BODY_ID = re.compile(r"(?:entry|article|art)-content|article__content|article(?:-|__)?body|articleBody|body-text")
_BODY_CLASS = re.compile(
    r"post[-_]text|post-body|post-?entry|post[-_]?content|postContent|post_inner_wrapper|article-?text|articleText"
    r"|(?:entry|page|text|article|art)-content|article__content|article(?:-|__)?body|articleBody|ArticleContent"
    r"|body-text|article__container"
)


def _is_body(element: Any) -> bool:
    """Whether ``element`` (an ``article``, ``div``, ``main`` or ``section``) passes the
    tests of trafilatura's first body expression."""
    ident = element.get("id")
    return bool(
        _body_class(element.get("class"))
        or element.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or (ident and _BODY_ID.search(ident))
    )


def _body_class(names: str | None) -> bool:
    """Whether a ``class`` attribute passes the class tests of trafilatura's first body expression."""
    return bool(names and (names in ("post", "entry") or _BODY_CLASS.search(names)))


def join_chunks(tree: Any) -> bool:
    """Move into the first container trafilatura's first body expression finds the
    chunks of the article it was cut into (:func:`cleaner.container.join_into`), which
    the extraction, taking the first container only, would lose. Only a container named
    by its class has such chunks. Whether the expression finds a container."""
    elements = tree.iter(*_BODY_TAGS)
    first = next((element for element in elements if _is_body(element)), None)
    if first is None:
        return False
    if _body_class(first.get("class")) and not in_list(first):
        join_into(first, elements)  # (the elements after the first container)
    return True


def _keeping_tails(options: Any) -> Any:
    """``options`` for ``tree_cleaning``, whose only use of the precision focus is to drop
    the tails of the empty elements it prunes (``prune_html``): the same options, balanced."""
    balanced = copy(options)
    balanced.focus = "balanced"
    return balanced
