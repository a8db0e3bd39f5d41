"""Keys for comparing blocks with phrase lists: case, quotes, dashes and decoration folded away."""

from __future__ import annotations

from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
#: Trailing decoration that does not change what a short block says ("Skip to Content »").
_DECORATION = " \t:;,.!?|>»›→↓↑←•·-–—*#()[]\uff1a\uff5c\u3000"
#: Longest block :func:`short_key` reduces (phrase lists hold short phrases).
SHORT_KEY_CHARS = 60


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A block reduced for comparing: case-folded, quotes and dashes folded, decoration trimmed.

    Cached: filters look up the same short texts (a line's first word, a title) again.
    """
    if not text.isascii():
        text = text.translate(_QUOTES)
    text = text.casefold()
    # a block's text is already single-spaced: only other whitespace (which is not
    # printable) or a run of spaces needs the split and join
    if "  " in text or not text.isprintable():
        text = " ".join(text.split())
    return text.strip(_DECORATION)


def short_key(text: str, limit: int = SHORT_KEY_CHARS) -> str | None:
    """:func:`key` of a short block (phrase lists hold short phrases); None for a long one.

    A block's own is :attr:`cleaner.document.Block.short`, worked out once.
    """
    return key(text) if len(text) <= limit else None
