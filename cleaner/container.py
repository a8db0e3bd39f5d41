"""The article's container on a page whose class names are generated, found by its text.

trafilatura finds the article's container by its class or id (``BODY_XPATH``: ``post-body``,
``entry-content``, ``article__text`` ...), or takes the first ``<article>``. Sites whose style
sheets are generated write class names that say nothing (``css-1q2w3e``, ``_3kLd9x``,
``c-3f9a1c``, styled-components' ``sc-bdVaJa``): no expression matches, and the extraction
falls back to every ``<p>`` of the page (``recover_wild_text``): the readers' comments, the
widgets and the footer come in, the article's headings and lists (which the fallback does
not take) go.
Where the page's class names are mostly such tokens (:func:`generated_names`) and the
extraction would so fall back, :func:`mark_container` names as the article's body the
container that holds the most paragraph text (:func:`densest_container`), which the
extraction then reads as it reads a container named by its class; unless the page's
headline stands before that container with a paragraph's text between them: the
container then follows the article (the next post, the comments, a review), and the
fallback is kept. On a page without an ``<h1>``, the element whose text is the page's
``<title>`` (or a part of it) stands for the headline: where it stands after the container,
the container comes before the article (a consent box, a sign-up form), and the fallback is
kept too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any

from lxml.etree import Element, XPath

from .sampling import TITLE_SEPARATOR

#: A page's class names are generated when at least this share of its distinct class
#: tokens are (:func:`_generated`). Chosen on split 1 with hashed class names (docs/benchmarks.md).
GENERATED_SHARE = 0.5
#: A generated token's last part (after its last "-" or "_") is this long at least, and
#: mixes letters and digits, or cases (:func:`_mixed_case`): a hash, not a word or a number
#: (``col-md-12``, ``post-1155``).
HASH_CHARS = 5
#: A generated token of letters only (styled-components' ``sc-bdVaJa kKkHhw``) mixes cases
#: as no name of words does: cut before each capital, at least this many of its pieces have
#: one or two letters.
SHORT_PIECES = 2
_PIECES = re.compile(r"[A-Z][a-z]*|[a-z]+")
#: A paragraph shorter than this (characters) says nothing of where the article is.
MIN_TEXT = 25
#: The container taken is the first in the page's order whose score reaches this share
#: of the best score: the article's text comes before the comments and the widgets,
#: whose single blocks may hold more.
FIRST_SHARE = 0.5
#: The container found follows the article (the next post, the comments, a review, the
#: next slides) when the page's headline, its first ``<h1>``, stands before it with this much
#: paragraph text between them (characters): the extraction's own fallback is kept.
#: Chosen on split 1 with hashed class names (docs/benchmarks.md).
MAX_GAP = 200
#: On a page without an ``<h1>``, the element whose text is the page's ``<title>`` or a part of
#: it stands for the headline: a part shorter than this (characters, folded) names nothing, ...
MIN_TITLE_CHARS = 8
#: ... and a text that starts the part, or that the part starts, is at least this share of it.
TITLE_SHARE = 0.6
_SPLIT = re.compile(r"[-_]")
_FOLD = re.compile(r"[\W_]+")
_NAMES = XPath("//@class", smart_strings=False)
#: The elements the extraction takes for a body when named so (``BODY_XPATH``'s first).
_BODIES = ("article", "div", "main", "section")
#: Text blocks a container's own text may stand in (beside its paragraphs).
_BLOCKS = frozenset({"div", "section", "article", "main", "td", "blockquote"})
#: Elements inside a run of text, in the cleaned tree (trafilatura's names and HTML's).
_INLINE = frozenset({"lb", "hi", "span", "b", "i", "em", "strong", "font", "small", "sup", "sub", "del", "br"})
_LINKS = ("ref", "a")
_LISTS = ("list", "item", "ul", "ol", "li")


def _generated(token: str) -> bool:
    last = _SPLIT.split(token)[-1]
    if len(last) < HASH_CHARS or not last.isalnum() or last.isdigit():
        return False
    return not last.isalpha() or _mixed_case(last)


def _mixed_case(letters: str) -> bool:
    """Whether ``letters`` mix cases as a hash of letters does (``bdVaJa``, ``kKkHhw``) and a
    name of words does not (``postContent``, ``mainNavBar``): :data:`SHORT_PIECES` pieces."""
    if letters.islower() or letters.isupper() or not letters.isascii():
        return False
    return sum(len(piece) <= 2 for piece in _PIECES.findall(letters)) >= SHORT_PIECES


def generated_names(tree: Any) -> bool:
    """Whether at least :data:`GENERATED_SHARE` of the distinct class tokens of ``tree`` are
    generated (a hash after the last "-" or "_"; False without class names)."""
    tokens = {token for value in set(_NAMES(tree)) for token in value.split()}
    return bool(tokens) and sum(map(_generated, tokens)) >= GENERATED_SHARE * len(tokens)


def _squeezed_len(text: str) -> int:
    return len(" ".join(text.split()))


def _own_text(element: Any) -> int:
    """The length of the text a block holds itself: its text, its inline children's
    (links left out) and the tails of its children."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in _INLINE:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return _squeezed_len("".join(parts))


def _counted(element: Any) -> tuple[float, Any]:
    """The text a paragraph or block counts (0 under :data:`MIN_TEXT`) and the element it
    counts to: a paragraph's text less its links to its parent, a block's own text to itself."""
    if element.tag != "p":
        value = _own_text(element)
        return (value if value >= MIN_TEXT else 0), element
    text = _squeezed_len(element.text_content())
    if text < MIN_TEXT:
        return 0, None
    value = text - sum(_squeezed_len(link.text_content()) for link in element.iter(*_LINKS))
    return (value if value >= MIN_TEXT else 0), element.getparent()


def _scores(tree: Any) -> dict[Any, float]:
    """Each container's paragraph text (:func:`_counted`), and half of it to the container's parent."""
    scores: dict[Any, float] = {}
    for element in tree.iter("p", *_BLOCKS):
        value, holder = _counted(element)
        if not value or holder is None:
            continue
        scores[holder] = scores.get(holder, 0) + value
        above = holder.getparent()
        if above is not None:
            scores[above] = scores.get(above, 0) + value / 2
    return scores


def _text_after_headline(tree: Any, found: Any, title: str | None = None) -> float:
    """The paragraph text (:func:`_counted`) between the page's headline (:func:`_headline`)
    and ``found``: 0 if ``found`` holds the headline or the page has none, infinite if the
    headline stands after ``found`` (the container comes before the article: a consent box)."""
    anchor = _headline(tree, title)
    if anchor is None or anchor is found or found in set(anchor.iterancestors()):
        return 0.0
    total, counting = 0.0, False
    for element in tree.iter():
        if element is found:
            return total if counting else float("inf")
        if element is anchor:
            counting = True
        elif counting and (element.tag == "p" or element.tag in _BLOCKS):
            total += _counted(element)[0]
    return total


def _headline(tree: Any, title: str | None) -> Any:
    """The page's first ``<h1>``, or, on a page without one, the first element whose text is
    ``title`` (the page's ``<title>``), or else each of its parts in turn (``Headline | Site``,
    cut at :data:`cleaner.sampling.TITLE_SEPARATOR`), or the start of one (:func:`_matches`)."""
    first = next((head for head in tree.iter("head") if head.get("rend") == "h1"), None)
    if first is not None or not title:
        return first
    wanted = [_folded(title)] + [_folded(part) for part in TITLE_SEPARATOR.split(title)]
    wanted = [part for part in wanted if len(part) >= MIN_TITLE_CHARS]
    most = 2 * max(map(len, wanted), default=0)
    texts = [(element, " ".join(element.text_content().split())) for element in tree.iter(Element)]
    texts = [(element, _folded(text)) for element, text in texts if text and len(text) <= most]
    for part in wanted:
        found = next((element for element, text in texts if _matches(text, part)), None)
        if found is not None:
            return found
    return None


def _folded(text: str) -> str:
    return " ".join(_FOLD.sub(" ", text.casefold()).split())


def _matches(text: str, part: str) -> bool:
    """Whether ``text`` is ``part``, or one starts the other and is at least
    :data:`TITLE_SHARE` of its length."""
    if text == part:
        return True
    short, long = sorted((text, part), key=len)
    return len(short) >= MIN_TITLE_CHARS and long.startswith(short) and len(short) >= TITLE_SHARE * len(long)


def densest_container(tree: Any, title: str | None = None) -> Any:
    """The container of the article's text by :func:`_scores`: the first in the page's order
    whose score reaches :data:`FIRST_SHARE` of the best, or the nearest of its ancestors the
    extraction takes for a body, with its chunks (:func:`join_into`). None if there is none, or
    if it follows the article (:data:`MAX_GAP`, from its first chunk: :func:`_first_chunk`) or
    comes before the headline (:func:`_text_after_headline`; ``title``: the page's ``<title>``)."""
    scores = _scores(tree)
    if not scores:
        return None
    least = FIRST_SHARE * max(scores.values())
    found = next(element for element in tree.iter() if scores.get(element, 0) >= least)
    while found is not None and found.tag not in _BODIES:
        found = found.getparent()
    if found is None or found is tree:
        return None
    named = bool(found.get("class"))
    first = _first_chunk(tree, found) if named else found
    if _text_after_headline(tree, first, title) >= MAX_GAP:
        return None
    if named:  # (a chunk's own text as a paragraph would pass a container of one block, see join_into)
        others = (element for element in tree.iter(found.tag) if element is not found)
        join_into(found, others, same_parent=True, own_text=False)
    return found


def _first_chunk(tree: Any, found: Any) -> Any:
    """The first element of the page of the tag and class of ``found`` whose parent has the
    tag and class of its parent, not in a list nor holding it: the article's first chunk,
    which scored less than ``found`` (``found`` itself if there is none before it)."""
    names, parent, around = found.get("class"), found.getparent(), set(found.iterancestors())
    for element in tree.iter(found.tag):
        if element is found:
            break
        if element.get("class") == names and element not in around and _alike(element.getparent(), parent):
            if not in_list(element):
                return element
    return found


def join_into(first: Any, later: Iterable[Any], same_parent: bool = False, own_text: bool = True) -> None:
    """Move into ``first`` the children of the elements of ``later`` of its tag and class,
    none holding ``first``, inside another taken or in a list: an article cut into chunks by
    pictures or advertisements, which the extraction, taking the first container only, would
    lose. With ``own_text``, a chunk's own text before its first child goes in as a paragraph.
    With ``same_parent``, only those whose parent has the tag and class of ``first``'s (a
    comment's container, of the same class as the article's on some sites, stands in another
    parent)."""
    names, parent, around = first.get("class"), first.getparent(), set(first.iterancestors())
    taken = [first]
    for chunk in later:
        if chunk.tag != first.tag or chunk.get("class") != names or chunk in around or in_list(chunk):
            continue
        if same_parent and not _alike(chunk.getparent(), parent):
            continue
        ancestors = set(chunk.iterancestors())
        if not any(t in ancestors for t in taken):
            taken.append(chunk)
    for chunk in taken[1:]:
        if own_text and chunk.text and chunk.text.strip():  # the chunk's own text before its first child
            first.append(chunk.makeelement("p"))
            first[-1].text, chunk.text = chunk.text, None
        first.extend(list(chunk))


def _alike(one: Any, other: Any) -> bool:
    return one is not None and other is not None and (one.tag, one.get("class")) == (other.tag, other.get("class"))


def in_list(element: Any) -> bool:
    """Whether ``element`` is inside a list (``ul``, ``ol``, ``li`` as trafilatura renames them):
    containers in a list are teasers of other articles, not chunks of one."""
    return next(element.iterancestors(*_LISTS), None) is not None


def mark_container(cleaned: Any, options: Any, title: str | None = None) -> None:
    """On a page of generated class names (:func:`generated_names`) whose body the
    extraction would find by no expression (:func:`_falls_back`: ``extract_content`` would
    take every paragraph of the page), name :func:`densest_container` as the article's body
    (``itemprop`` ``articleBody``, which ``BODY_XPATH``'s first expression reads).
    ``cleaned``: the cleaned tree ``extract_content`` is about to read; ``title``: the page's
    ``<title>`` (the cleaned tree has none)."""
    if not generated_names(cleaned) or not _falls_back(cleaned, options):
        return
    found = densest_container(cleaned, title)
    if found is not None:
        found.set("itemprop", "articleBody")


def _falls_back(cleaned: Any, options: Any) -> bool:
    """Whether ``extract_content`` would fall back on every paragraph of ``cleaned``: no body
    expression finds an element (``_extract`` then finds nothing), or ``_extract`` on a copy
    finds less than trafilatura's least extraction."""
    from trafilatura.main_extractor import BODY_XPATH, _extract

    if not any(element is not None for expression in BODY_XPATH for element in expression(cleaned)):
        return True
    _, text, _ = _extract(deepcopy(cleaned), options)
    return bool(len(text) < options.min_extracted_size)
