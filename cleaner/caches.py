"""The caches that fill with what the pages cleaned so far contained.

Line keys (:func:`cleaner.keys.key`), the prose test (:func:`cleaner.filters.shape.is_prose`),
the count of wide characters (:func:`cleaner.filters.script.wide_count`), the content
stage's line classes (:func:`cleaner.filters.content.classes.memo`), the dates read
(:meth:`cleaner.filters.dates.DateReader.parse`) and the language detector's memos
(n-grams of each word, weights of each n-gram) keep what recurs from page to page:
menus and footers of one site, common words. Bounded, so a long batch does not grow
them. Language profiles and compiled phrase data are not page-derived and stay loaded.
"""

from __future__ import annotations


def clear_caches() -> None:
    """Empty the page-derived caches: the next page is cleaned as if it were the first
    (after the data is loaded). Benchmarks call it before each timed pass, so that a
    pass over pages already cleaned is not faster than a pass over new ones."""
    from .filters.content.classes import clear_memos as clear_classes
    from .filters.dates import clear_memos as clear_dates
    from .filters.script import wide_count
    from .filters.shape import is_prose
    from .keys import key
    from .language import clear_memos

    key.cache_clear()
    is_prose.cache_clear()
    wide_count.cache_clear()
    clear_classes()
    clear_dates()
    clear_memos()
