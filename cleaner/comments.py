"""Readers' comments of an HTML page, told apart one from the next.

trafilatura finds a page's comment section (``include_comments``) and gives its text a
paragraph a line, without what told one comment from the next (names, dates, reply
links). :func:`comment_text` puts a blank line between two comments, from the page
itself: two lines are one comment's when the elements their text starts in are one, or
siblings (the paragraphs of a comment stand side by side; two comments stand each in its
own container). A line not found on the page starts a comment of its own: two readers'
words are not joined on a guess.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

#: Elements inside a paragraph: text in them belongs to the paragraph around them.
INLINE = frozenset(
    "a abbr b bdi bdo big br cite code del dfn em font i img ins kbd label mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split()
)
#: Elements whose text is no text of the page.
_NO_TEXT = frozenset(("script", "style", "noscript", "template"))
#: Characters of a line and of a piece of the page's text compared to match them.
PREFIX = 40


def comment_text(tree: Any, comments: str) -> str:
    """``comments`` (trafilatura's text of the page's comment section, a paragraph a line)
    with a blank line between two comments; ``tree`` is the page it was extracted from."""
    lines = [line for line in comments.splitlines() if line.strip()]
    if not lines:
        return ""
    owners = _owners(tree, lines)
    parts = [lines[0]]
    for k in range(1, len(lines)):
        parts.append(("\n" if _together(owners[k - 1], owners[k]) else "\n\n") + lines[k])
    return "".join(parts)


def _together(a: Any, b: Any) -> bool:
    return a is not None and b is not None and (a is b or a.getparent() is b.getparent())


def _owners(tree: Any, lines: list[str]) -> list[Any]:
    """The element each line's text starts in (``None`` where it is not found), each
    looked for after the one before it, in page order."""
    pieces = list(_pieces(tree))
    by_word: dict[str, list[int]] = {}
    for i, (text, _) in enumerate(pieces):
        by_word.setdefault(text.split(maxsplit=1)[0], []).append(i)
    owners: list[Any] = []
    cursor = 0
    for line in lines:
        found = None
        candidates = by_word.get(line.split(maxsplit=1)[0], [])
        for i in candidates[bisect_left(candidates, cursor) :]:
            text = pieces[i][0]
            if line.startswith(text[:PREFIX]) or text.startswith(line[:PREFIX]):
                found, cursor = pieces[i][1], i + 1
                break
        owners.append(found)
    return owners


def _pieces(tree: Any) -> Iterator[tuple[str, Any]]:
    """(text, the block element it stands in) for each run of text on the page, in
    order, its whitespace squeezed."""
    for element in tree.iter():
        tag = element.tag
        if isinstance(tag, str) and tag not in _NO_TEXT and element.text and not element.text.isspace():
            yield " ".join(element.text.split()), _block(element)
        if element.tail and not element.tail.isspace() and element.getparent() is not None:
            yield " ".join(element.tail.split()), _block(element.getparent())


def _block(element: Any) -> Any:
    """The nearest element around ``element``, or itself, that is no inline element."""
    while element.tag in INLINE and element.getparent() is not None:
        element = element.getparent()
    return element
