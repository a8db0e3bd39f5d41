"""HTML input: telling HTML from text, extracting the article and its metadata.

Extraction is trafilatura's (one ``bare_extraction`` call gives the body text and
the metadata); the text filters then run on the extracted body like on any text.
The settings below were chosen by measurement on the article benchmark (see
docs/benchmarks.md, "trafilatura's settings"), not taken as trafilatura's defaults.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .charsets import head_text
from .precise import OPTIONS, library_extraction, precise_text

#: trafilatura's options for the first extraction (see :data:`cleaner.precise.OPTIONS`,
#: whose extraction follows trafilatura's for them).
EXTRACT_OPTIONS: dict[str, Any] = OPTIONS
#: A fast extraction shorter than this (characters) is retried with trafilatura's
#: full cascade (fallback extractors included): the fast path found little or no
#: article, which is where the fallbacks help ...
RETRY_BELOW_CHARS = 500
#: ... and what that finds, if still shorter than this, once more without
#: ``favor_precision``: precision mode can keep a short notice (a reprint notice, a
#: teaser) and drop the article beside it. Each retry is kept only if it is longer.
#: Chosen on one half of the dev pages and confirmed on the other (docs/benchmarks.md).
RELAX_BELOW_CHARS = 1500
#: The retry without precision is tried too on a body of RETRY_BELOW_CHARS or more
#: (and under RELAX_BELOW_CHARS) that holds less than this share of the page's text
#: (trafilatura's measure, ``html2txt``): a list, a forum thread, a product or recipe
#: page, whose items precision mode drops as link lists and teasers, leaving an intro.
#: trafilatura's own default escalates such a page (``ESCALATION_PAGE_SHARE``, the
#: same share); its precision mode never does. Chosen on one half of the dev pages and
#: confirmed on the other (docs/benchmarks.md).
SPARSE_SHARE = 0.2
#: What that retry finds replaces the body only if it holds at least half of the body's
#: lines of this many characters or more: it is to widen the body precision mode found,
#: not to trade it for another part of the page.
WIDENED_LINE_CHARS = 40
#: A body of RETRY_BELOW_CHARS or more whose lines the content stage's classifier calls
#: good for less than this share of its width (:func:`cleaner.prose.prose_share`; long
#: sentences that fill this share of it answer first, :func:`cleaner.prose.sentences_fill`) ...
LITTLE_PROSE = 0.5
#: ... and which holds less than this share of the page's text is retried without
#: precision too: precision mode, without class names it knows, can keep a box, a
#: header or a table beside the article (pages whose markup we never saw) ...
PROSE_PAGE_SHARE = 0.3
#: ... and what that finds replaces it if its good lines are this many times as wide.
#: Chosen on one half of the dev pages with hashed class names (docs/benchmarks.md).
PROSE_GAIN = 2.0
#: The retries, in order: options changed, the length below which each is tried, and
#: whether what it finds must reach trafilatura's own least extraction
#: (``MIN_EXTRACTED_SIZE``) to count: without precision, the words of a login form or a
#: menu are all a page without an article gives.
RETRIES: tuple[tuple[dict[str, Any], int, bool], ...] = (
    ({"fast": False}, RETRY_BELOW_CHARS, False),
    ({"fast": False, "favor_precision": False}, RELAX_BELOW_CHARS, True),
)

#: Why a page yields no body.
NO_ARTICLE = "no article found"
#: The extraction step's name: the ``filter`` of its records, and what ``disable``
#: names to clean HTML pages as text instead (markup stripped by the text filters).
EXTRACTION = "html"

# An HTML document announces itself early: a doctype, an <html>, <head> or <body>
# tag, or a few common block tags near the start.
#: A page opens with a whole tag, shaped as the stray-markup filter takes a tag (the
#: name, then whitespace and attributes or nothing, then ">"): text that filter left
#: alone ("<body", "<body\x00>") is not taken for a page when cleaned again.
_TAG_REST = r"(?:\s[^<>]*)?/?>"
_HTML_START = re.compile(
    rf"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html[^<>]*>|\?xml\b[^<>]*>|(?:html|head|body|meta|title|link){_TAG_REST})",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    rf"<(?:html|head|body|div|p|span|a|table|article|section|script|style|br){_TAG_REST}", re.IGNORECASE
)
SNIFF_CHARS = 2048
#: A page may open with style sheets and scripts longer than SNIFF_CHARS; what follows
#: them within this many characters is judged instead.
LEADING_CODE_CHARS = 256 * 1024
_LEADING_CODE = re.compile(
    r"\A\ufeff?\s*(?:<(style|script)\b[^<>]*>.*?</\1\s*>\s*)+(?:<!--.*?-->\s*)*", re.IGNORECASE | re.DOTALL
)


def looks_like_html(raw: str | bytes) -> bool:
    """Whether ``raw`` is an HTML page rather than plain text, judged from its start
    (past the style sheets and scripts it may open with)."""
    head = head_text(raw, SNIFF_CHARS) if isinstance(raw, bytes) else raw[:SNIFF_CHARS]
    if _starts_a_page(head):
        return True
    if not head.lstrip("\ufeff \t\r\n")[:8].lower().startswith(("<style", "<script")):
        return False
    start = head_text(raw, LEADING_CODE_CHARS) if isinstance(raw, bytes) else raw[:LEADING_CODE_CHARS]
    code = _LEADING_CODE.match(start)
    return code is not None and _starts_a_page(start[code.end() : code.end() + SNIFF_CHARS])


def _starts_a_page(head: str) -> bool:
    if _HTML_START.match(head):
        return True
    # a fragment without <html>: it opens with a tag and has several more near the start
    # (scraped text with stray tags in its sentences does not open with one)
    return head.lstrip("\ufeff \t\r\n").startswith("<") and len(_HTML_TAG.findall(head)) >= 3


@dataclass
class Extraction:
    """What extraction found: the body text (paragraphs on their own lines) and metadata."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None  # why ``text`` is empty, when it is
    #: the readers' comments, when asked for: a paragraph a line, a blank line between two
    comments: str = ""


def _as_list(value: Any) -> list[str] | None:
    """Categories or tags as a list: comma-joined strings (as in keyword meta tags) are
    split, blanks and repeats dropped."""
    if not value:
        return None
    items = value if isinstance(value, (list, tuple)) else [value]
    seen: dict[str, None] = {}
    for item in items:
        for part in str(item).split(","):
            part = " ".join(part.split())
            if part:
                seen.setdefault(part, None)
    return list(seen) or None


def map_metadata(doc: Any) -> dict[str, Any]:
    """trafilatura's fields onto ours (``None`` where it found nothing)."""
    get = lambda name: getattr(doc, name, None) or None  # noqa: E731
    mapped = {
        "title": get("title"),
        "author": get("author"),
        "date": get("date"),
        "site": get("sitename") or get("hostname"),
        "language": get("language"),
        "url": get("url"),
        "description": get("description"),
        "categories": _as_list(get("categories")),
        "tags": _as_list(get("tags")),
    }
    return {k: v or None for k, v in mapped.items()}


def extract(raw: str | bytes, url: str | None = None, guarded: bool = False, comments: bool = False) -> Extraction:
    """The article body and metadata of an HTML page; an empty body with a reason if none.

    The page is parsed once; the metadata come from :func:`cleaner.metadata.page_metadata`
    (trafilatura's, for less), the body from :func:`recovered_text` on the parsed
    tree, which the first extraction prunes in place (:mod:`cleaner.precise`), with the
    article's lead put back if the extraction dropped it (:mod:`cleaner.lead`) and a
    recipe's card after it (:mod:`cleaner.recipe`); the page is parsed again only for a
    retry.
    ``guarded``: ``raw`` is what :func:`cleaner.guards.guard_html` returned (see
    :mod:`cleaner.parse`). ``comments``: the readers' comments too (:mod:`cleaner.comments`).
    """
    from .comments import comment_text
    from .lead import lead_boxes, with_lead
    from .metadata import page_metadata
    from .parse import parse
    from .recipe import recipe_lines, with_recipe

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        tree = parse(raw, guarded)
        if tree is None:
            return Extraction("", map_metadata(None), NO_ARTICLE)
        metadata = page_metadata(tree, url)
        leads, recipe = lead_boxes(tree), recipe_lines(tree, raw)
        source = raw if isinstance(raw, str) else None
        text, found = recovered_text(tree, url, lambda: parse(raw, guarded), comments, source)
        text = with_recipe(with_lead(text, leads), recipe)
        thread = comment_text(tree, found) if text else ""
    except Exception as exc:  # trafilatura raises on some malformed input
        return Extraction("", map_metadata(None), f"{NO_ARTICLE} (extraction failed: {type(exc).__name__})")
    return Extraction(text, map_metadata(metadata), None if text else NO_ARTICLE, thread)


def recovered_text(
    tree: Any, url: str | None, fresh: Callable[[], Any], comments: bool = False, source: str | None = None
) -> tuple[str, str]:
    """(body, comments) a fast, precise extraction finds in the parsed page, or, when the
    body is short, the longer of what the ``RETRIES`` find on the page parsed again
    (``fresh()``), tried in turn while the body so far is shorter than each one's length
    (a body of ``RETRY_BELOW_CHARS`` or more: only the retry without precision, and only
    on a sparse page, see :data:`SPARSE_SHARE`, or for a body of little prose, see
    :data:`LITTLE_PROSE`).
    ``comments``: with trafilatura's comment extraction on, which takes the comments it
    finds out of the body; the library's own extraction then runs (it copies the tree, so
    ``tree`` stays whole for :func:`cleaner.comments.comment_text`). Without, the first
    extraction prunes ``tree`` itself (:mod:`cleaner.precise`, which ``source``, the page's
    HTML, spares the prunes that cannot match) and the comments are ""."""
    from trafilatura.settings import DEFAULT_CONFIG

    base = {**EXTRACT_OPTIONS, "include_comments": True} if comments else EXTRACT_OPTIONS
    found = library_extraction(tree, url, base) if comments else (precise_text(tree, url, fresh, source), "")
    page, first = (tree if comments else None), found[0]
    due = RETRIES if len(first) < RETRY_BELOW_CHARS else ()
    little = not due and _little_prose(first, tree, comments)
    if not due and len(first) < RELAX_BELOW_CHARS:
        page = fresh() if page is None else page
        due = RETRIES[-1:] if _sparse(first, page) else ()
    due = due or (RETRIES[-1:] if little else ())
    for options, below, needs_least in due:
        if len(found[0]) >= below and not little:
            break
        page = fresh() if page is None else page  # trafilatura copies it: every retry reads it whole
        retried = library_extraction(page, url, {**base, **options})
        least = DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE") if needs_least else 0
        if len(retried[0]) > len(found[0]) and len(retried[0]) >= least:
            found = retried if _replaces(retried[0], first, little) else found
    return found


def _sparse(body: str, page: Any) -> bool:
    """Whether ``body`` holds less than :data:`SPARSE_SHARE` of the text of ``page`` (a
    parsed page, left whole)."""
    from trafilatura import html2txt

    return len(body) < SPARSE_SHARE * len(html2txt(page))


def _little_prose(body: str, tree: Any, whole: bool) -> bool:
    """Whether ``body`` is of little prose (:data:`LITTLE_PROSE`) and holds less than
    :data:`PROSE_PAGE_SHARE` of its page's text: the text the first extraction left in
    ``tree`` (it takes the article's out of the page it prunes) and ``body``, or, when
    ``tree`` is ``whole`` (not pruned), trafilatura's measure (``html2txt``). The cheap
    tests first: the sentences (no classifier), then the share. (Where the first
    extraction fell back to the library's, which prunes a copy, ``tree`` holds the whole
    page, its scripts too: the share comes out smaller.)"""
    from trafilatura import html2txt

    from .prose import prose_share, sentences_fill

    if sentences_fill(body, LITTLE_PROSE):
        return False
    text = len(html2txt(tree)) if whole else len(body) + len(" ".join(tree.text_content().split()))
    return len(body) < PROSE_PAGE_SHARE * text and prose_share(body) < LITTLE_PROSE


def _replaces(retried: str, body: str, little: bool) -> bool:
    """Whether what a retry found replaces ``body``: always for a short body, else if it
    widens it, or if ``body`` is of little prose and its prose is :data:`PROSE_GAIN` times
    as wide."""
    if len(body) < RETRY_BELOW_CHARS or _widens(retried, body):
        return True
    if not little:
        return False
    from .prose import prose_width

    return prose_width(retried) >= PROSE_GAIN * prose_width(body)


def _widens(wider: str, body: str) -> bool:
    """Whether ``wider`` holds at least half of the lines of ``body`` of
    :data:`WIDENED_LINE_CHARS` or more (white space folded)."""
    lines = [" ".join(line.split()) for line in body.split("\n") if len(line.strip()) >= WIDENED_LINE_CHARS]
    flat = " ".join(wider.split())
    return 2 * sum(line in flat for line in lines) >= len(lines)
