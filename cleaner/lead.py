"""The article's lead, when the extraction dropped it as a teaser.

Sites put an article's lead (standfirst, deck, intro) in a box named for it: a class
with one of the words of ``data/_common/lead.toml`` (``teaser``, ``intro``, ``lead``,
``abstract``, ...) in any case, often inside the article's ``<header>``. trafilatura
drops such boxes (teasers are usually links to other articles, and precision mode drops
headers), and with them the lead. A box is
taken for the lead when the text that follows it on the page opens the extracted
body: what comes next is the article itself, so the box is its first paragraph and
not a teaser for another page. A picture's caption or a player's notice may stand
between the lead and the article, and the extraction drops it: a few short texts
after the box may be passed over, and a short run of text (a link, a bold phrase) may open
the body's line before the key. The boxes are found before the extraction, which
prunes the page.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

from .data import common_text


def _lead_words() -> re.Pattern[str]:
    """The words of a lead box's class (``data/_common/lead.toml``), in lower case: a class
    is searched lowered (an ``IGNORECASE`` search costs several times more)."""
    text = common_text("lead.toml")
    return re.compile("|".join(re.escape(word.lower()) for word in tomllib.loads(text)["class_words"]))


#: The elements a lead box is, and the words of its class: a box is named for its role.
_BOX_TAGS = ("div", "p", "h2", "section", "span")
_LEAD_WORDS = _lead_words()
#: A lead is prose: a sentence or more, not a label or a button.
MIN_LEAD_CHARS = 80
#: A lead's share of link text is at most this (a teaser links to its article).
MAX_LINK_SHARE = 0.3
#: The text after the box, which must open the body: enough of it to be unique on the page.
KEY_CHARS = 40
#: Further texts after the box that may open the body: those of KEY_CHARS or more, as
#: long as the texts passed over to reach them (a caption, a player's notice) come to
#: no more than this, in characters.
MAX_PASSED_CHARS = 200
#: The body's lines the key is looked for in (a headline, a date bar before the paragraphs).
OPENING_LINES = 3
_NOT_IN_A_LEAD = ("h1", "h2", "h3", "h4", "h5", "h6", "img", "picture", "figure", "figcaption")
#: A subheading that holds the whole of a box's text is the lead set as a deck, not a headline above it.
_DECKS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: Characters a reader does not see, which the text filters drop from the body (a key must match it).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def squeeze(text: str) -> str:
    """``text`` with its runs of white space one space, as the project folds them elsewhere."""
    return " ".join(text.split())


def lead_boxes(tree: Any) -> list[tuple[str, tuple[str, ...]]]:
    """(text, keys) of each box on the page named as a lead that holds prose: its text,
    and the starts of the texts that follow it (:func:`_following_texts`). Call before
    the extraction prunes ``tree``."""
    found, taken = [], set()
    for box in tree.iter(*_BOX_TAGS):
        names = box.get("class")
        if not names or not _LEAD_WORDS.search(names.lower()):
            continue
        if len(box.text_content()) < MIN_LEAD_CHARS or any(parent in taken for parent in box.iterancestors()):
            continue  # (too short even with its scripts, or inside a lead taken already)
        text = squeeze("".join(shown_texts(box)))
        if not _is_lead(box, text):
            continue
        taken.add(box)
        keys = _following_texts(box)
        if keys:
            found.append((text, keys))
    return found


def _is_lead(box: Any, text: str) -> bool:
    """Whether a box's text reads as a lead: long enough, not mostly links,
    with no headline inside (a page's header box) and no picture (a caption)."""
    if len(text) < MIN_LEAD_CHARS:
        return False
    if (
        any(not _is_deck(inner, text) for inner in box.iterdescendants(_NOT_IN_A_LEAD))
        or next(box.iterancestors("figure"), None) is not None
    ):
        return False
    links = sum(len(squeeze(a.text_content())) for a in box.iter("a"))
    return links <= MAX_LINK_SHARE * len(text)


def _is_deck(inner: Any, text: str) -> bool:
    """Whether ``inner``, an element inside a box whose shown text is ``text``, is a
    subheading holding all of it (the lead set as a deck)."""
    return inner.tag in _DECKS and squeeze("".join(shown_texts(inner))) == text


def _following_texts(box: Any) -> tuple[str, ...]:
    """The first ``KEY_CHARS`` characters of the first run of text of that length after
    ``box`` in the page, scripts and styles skipped, and of each further run while the
    texts before it come to at most :data:`MAX_PASSED_CHARS` (() if there is none);
    without the characters a reader does not see (:data:`_INVISIBLE`)."""
    keys: list[str] = []
    passed = 0
    for chunk in _after(box):
        chunk = squeeze(chunk.translate(_INVISIBLE))
        if len(chunk) >= KEY_CHARS:
            keys.append(chunk[:KEY_CHARS])
        passed += len(chunk)
        if keys and passed > MAX_PASSED_CHARS:
            break
    return tuple(keys)


def _after(node: Any) -> Iterator[str]:
    """The texts after ``node`` in document order (its own descendants excluded)."""
    while node is not None:
        yield node.tail or ""
        for sibling in node.itersiblings():
            yield from shown_texts(sibling)
            yield sibling.tail or ""
        node = node.getparent()


def shown_texts(element: Any) -> Iterator[str]:
    """The texts inside ``element`` in document order, without its tail (nor those of
    elements a reader does not see: scripts, styles, templates, see ``_SKIPPED``)."""
    if isinstance(element.tag, str) and element.tag not in _SKIPPED:
        yield element.text or ""
        for child in element:
            yield from shown_texts(child)
            yield child.tail or ""


def with_lead(body: str, boxes: list[tuple[str, tuple[str, ...]]]) -> str:
    """``body`` with the first box's text put before the line one of its following texts
    opens (or stands in within :data:`MAX_PASSED_CHARS` of its start: the short runs before
    it, a link's words, are its line's too), when that line is one of the body's first and
    the box's text is not in the body."""
    if not body or not boxes:
        return body
    lines = body.split("\n")
    opening = [squeeze(line) for line in lines[:OPENING_LINES]]
    flat = squeeze(body)
    for text, keys in boxes:
        if text in flat:
            continue
        for i, line in enumerate(opening):
            if any(line.find(key, 0, MAX_PASSED_CHARS + len(key)) >= 0 for key in keys):
                return "\n".join([*lines[:i], text, *lines[i:]])
    return body
