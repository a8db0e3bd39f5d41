"""Cheap checks run before an HTML parser sees a document.

They work on decoded text (:func:`cleaner.inputs.decode` turns bytes into text
first), never on a byte view that could split a character. Parsers (lxml, and
trafilatura and BeautifulSoup on top of it) recurse on nesting
and expand entities; a page nested 100,000 levels deep can exhaust the stack or
memory, and a DTD that declares entities in terms of each other (the "billion
laughs") can expand a few hundred bytes into gigabytes. These guards look at the
raw markup in linear time, before any parser does:

* :func:`strip_internal_subset` removes a DOCTYPE's internal subset (``<!DOCTYPE
  html [ <!ENTITY ...> ]>``), so no declared entity is ever expanded; references
  to them stay as literal text;
* :func:`nesting_depth` estimates how deep elements nest, and :func:`guard_html`
  refuses a page nested deeper than ``max_depth`` with an :class:`InputError`.
"""

from __future__ import annotations

import re
import unicodedata

from .inputs import InputError
from .textfix import _C1, _non_ascii, _utf8

#: Deepest element nesting passed to an HTML parser. Real pages stay under a few
#: hundred levels; libxml2 itself stops at 256 unless huge_tree is on.
MAX_HTML_DEPTH = 1000

# Elements that never have content, or whose end tag is optional and usually left
# out: neither deepens the estimate.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp "
    "!doctype".split()
)
# Attributes greedily (a lazy run would retry the tag's end at every character of
# them); a tag closes itself when they end in "/".
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})\b([^<>]{0,4097})>")
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext"})
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]{0,1024}\[", re.IGNORECASE)


def strip_internal_subset(html: str) -> str:
    """``html`` with the internal subset of its DOCTYPE (entity declarations) removed."""
    match = _DOCTYPE_SUBSET.search(html, 0, 65536)
    if not match:
        return html
    end = html.find("]", match.end())
    close = html.find(">", end) if end >= 0 else -1
    if close < 0:
        return html[: match.start()] + html[match.end() :]
    return html[: match.start()] + html[match.start() : match.end() - 1].rstrip() + ">" + html[close + 1 :]


#: Characters the depth scan reads at a time before it checks whether the start
#: tags left could still take it past its limit (see :func:`nesting_depth`).
_SLICE = 16_384


def nesting_depth(html: str, stop_at: int | None = None, openings: int | None = None) -> int:
    """The deepest nesting of elements in ``html``, estimated in one linear pass.

    End tags close back to the nearest matching open element (as parsers do); void
    elements and those whose end tag is usually omitted are not counted. Stops
    early once ``stop_at`` is passed; and, given ``openings`` (at least the number of
    start tags in ``html``, see :func:`_openings`), once the start tags left could
    not take the depth past ``stop_at``: the result is then only known not to
    exceed ``stop_at``. (A typical page that needs the scan is through long before
    its end.)
    """
    stack: list[str] = []
    deepest = 0
    raw_until: str | None = None
    start = 0
    while start < len(html):
        # a slice ends before a "<": no tag spans two slices
        end = html.find("<", start + _SLICE) if openings is not None else -1
        end = len(html) if end < 0 else end
        for closing, name, attributes in _TAG.findall(html, start, end):
            if not closing and openings is not None:
                openings -= 1
            selfclose = attributes.endswith("/")
            name = name.lower()
            if raw_until is not None:
                if closing and name == raw_until:
                    raw_until = None
                continue
            if closing:
                if name in stack[-64:]:
                    # Pop back to the matching open element (bounded look-back).
                    while stack and stack.pop() != name:
                        pass
                continue
            if selfclose or name in _VOID:
                continue
            if name in _RAW:
                raw_until = name
                continue
            stack.append(name)
            if len(stack) > deepest:
                deepest = len(stack)
                if stop_at is not None and deepest > stop_at:
                    return deepest
        if openings is not None and stop_at is not None and len(stack) + openings <= stop_at:
            break
        start = end
    return deepest


def _openings(html: str) -> int:
    """At least the number of start tags :func:`nesting_depth` can find in ``html``:
    the "<"s that start no end tag, comment or declaration (one cheap count).

    A bound on the depth too: 71 of the 90 benchmark pages have fewer than 1,000
    and skip the scan.
    """
    return html.count("<") - html.count("</") - html.count("<!")


# Characters the parser or the extractor drops silently (controls, unassigned and
# private-use code points: trafilatura keeps only printable characters), gluing the
# words either side ("0\x1f0" became "00"): turned into spaces before parsing.
# Format characters (soft hyphen, zero-width joiners) are left to be dropped.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Text that runs straight into a block element ("valley<main>Otters") comes out of
# the extractor glued ("valleyOtters"); a newline there changes nothing a browser
# shows and keeps the words apart.
_BLOCKS = (
    r"(?:main|div|p|article|section|header|footer|nav|aside|h[1-6]|ul|ol|li|dl|dt|dd"
    r"|table|tr|td|th|blockquote|pre|figure|figcaption|form|hr|br)"
)
# Both found by the literal "<" they start with: a pattern led by a lookbehind or a
# class is tried at every position, one led by a literal only where the literal is.
# The lookbehind after the "<" checks the character before it, cheaper than finding
# the tags and checking it in Python.
_TEXT_THEN_BLOCK = re.compile(rf"<(?<=[^\s<>]<)(?={_BLOCKS}\b)", re.IGNORECASE)
_AFTER_BLOCK = re.compile(rf"(</{_BLOCKS}\s{{0,10}}>)(?=[^\s<])", re.IGNORECASE)


def _unglue_blocks(html: str) -> str:
    """A newline between text and a block element's start tag that follows it, and
    between a block's end tag and text that follows it. (``sub`` returns the string
    itself when nothing matches.)"""
    return _AFTER_BLOCK.sub("\\1\n", _TEXT_THEN_BLOCK.sub("\n<", html))


# Every byte but the ASCII controls of _CONTROLS: deleting them from a page's UTF-8
# leaves those controls (bytes.translate runs at C speed; a search for a character
# class steps through every character). Bytes from 0x80 up are
# parts of non-ASCII characters; C1 controls are looked for among those.
_NOT_ASCII_CONTROL = bytes(c for c in range(256) if c > 0x7F or not _CONTROLS.match(chr(c)))


def _scan(html: str, data: bytes | None = None, others: str | None = None) -> tuple[str, bool]:
    """(:func:`~cleaner.textfix.non_ascii` of ``html``, whether ``_CONTROLS`` matches in
    it), from one encoding of the page (``data``, if the caller has it, and ``others``,
    the former, too)."""
    data = _utf8(html) if data is None else data
    if others is None:
        others = "" if html.isascii() else _non_ascii(data)
    return others, bool(_C1.search(others) or data.translate(None, _NOT_ASCII_CONTROL))


def _unprintable(others: str) -> set[str]:
    """The characters among ``others`` (a page's non-ASCII characters, C1 controls
    already replaced) that the extractor drops (see above)."""
    return {c for c in set(others) if not c.isprintable() and not c.isspace() and unicodedata.category(c) != "Cf"}


def guard_html(
    html: str,
    name: str = "<input>",
    max_depth: int = MAX_HTML_DEPTH,
    utf8: bytes | None = None,
    others: str | None = None,
) -> str:
    """``html`` made safe to parse, or :class:`InputError` if it cannot be. ``utf8`` and
    ``others``: its UTF-8 and :func:`~cleaner.textfix.non_ascii`, if the caller has them."""
    others, controls = _scan(html, utf8, others)
    if controls:
        html = _CONTROLS.sub(" ", html)
        others = _C1.sub("", others)
    dropped = _unprintable(others)
    if dropped:  # a class of just these characters: str.translate with a dict is slow
        html = re.sub("[" + "".join(re.escape(c) for c in dropped) + "]", " ", html)
    html = _unglue_blocks(html)
    html = strip_internal_subset(html)
    openings = _openings(html)
    if openings > max_depth and nesting_depth(html, max_depth, openings) > max_depth:
        raise InputError(f"{name}: HTML nested more than {max_depth:,} levels deep, refused to protect the parser")
    return html
