"""The caches that fill with what the pages cleaned so far contained.

Line keys (:func:`cleaner.keys.key`), the prose test (:func:`cleaner.filters.shape.is_prose`),
the count of wide characters (:func:`cleaner.filters.script.wide_count`), the content
stage's line classes (:func:`cleaner.filters.content.classes.classify`) and the dates read
(:meth:`cleaner.filters.dates.DateReader.parse`), each in :class:`Memos`, and the language detector's memos
(n-grams of each word, weights of each n-gram) keep what recurs from page to page:
menus and footers of one site, common words. Bounded, so a long batch does not grow
them. Language profiles and compiled phrase data are not page-derived and stay loaded.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

#: Every :class:`Memos` made, for :func:`clear_caches`.
_ALL_MEMOS: list[Memos] = []


class Memos(dict[Hashable, dict[str, Any]]):
    """Memos kept from page to page, by key (a stoplist, a language): each maps a line's text to what was worked out
    from it. At most ``count`` memos, all dropped when one more is wanted, and ``lines`` entries in each, which its
    user empties when it is full."""

    def __init__(self, count: int, lines: int) -> None:
        super().__init__()
        self.count, self.lines = count, lines
        _ALL_MEMOS.append(self)

    def of(self, key: Hashable) -> dict[str, Any]:
        """The memo under ``key``, a new one if there is none."""
        memo = self.get(key)
        if memo is None:
            if len(self) >= self.count:
                self.clear()
            memo = self[key] = {}
        return memo


def clear_caches() -> None:
    """Empty the page-derived caches: the next page is cleaned as if it were the first
    (after the data is loaded). Benchmarks call it before each timed pass, so that a
    pass over pages already cleaned is not faster than a pass over new ones."""
    from .filters.script import wide_count
    from .filters.shape import is_prose
    from .keys import key
    from .language import clear_memos

    key.cache_clear()
    is_prose.cache_clear()
    wide_count.cache_clear()
    for memos in _ALL_MEMOS:
        memos.clear()
    clear_memos()
