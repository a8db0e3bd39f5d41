"""htmldate's text search for dates with the same matches, at a lower cost.

When nothing else on a page names its date, ``htmldate.core.search_page`` counts the
matches of a series of patterns over the whole serialized page
(``plausible_year_filter``: ``pattern.findall``). Most are led by ``\\D``
(``\\D([0-9]{4}[/.-][0-9]{2}[/.-][0-9]{2})\\D``...): Python's regular expressions try
them at every position of the page, where a pattern led by a digit skips to the next
digit in C. :func:`findall` finds the same matches as ``pattern.findall`` for those of
htmldate's patterns (:data:`LED_BY_NON_DIGIT`): the rest of the pattern (``R``, what
follows the ``\\D`` and the lookbehinds before it) matches one character after each
place a match starts, at a digit in every pattern reviewed, so a *locator*
``[0-9](?<=(?=R)[0-9])`` finds those places; the pattern itself is matched one
character before each, from where the last match ended (a match takes the ``\\D`` after
it, which the next one cannot start on), as ``findall`` would reach it.

Last, ``regex_parse`` searches the page for a month's name by a day and a year
(``LONG_TEXT_PATTERN``), whose matches start at a word: the engine tries every position.
Every match ends with a year after a space, so :func:`search_text` finds the years
(``_YEAR``, led by a character set) and searches each one's match only from where it can
start (a few characters before the word that reaches the year) to the year's end.

:func:`cheaper_date_search` puts :func:`plausible_year_filter` and a ``LONG_TEXT_PATTERN``
searched by :func:`search_text` in htmldate's place while cleaner's metadata search
runs, if htmldate's code is the one reviewed, and htmldate's back after; the library's
own callers are left as they are. A surprise inside falls back on the pattern's own
``findall`` or ``search``. ``tests/test_datesearch.py`` compares the two on pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .reviewed import Swap, matches, sources

# SHA-1 of htmldate's (1.11.0) search code and patterns that the shortcuts stand for.
_REVIEWED_CODE = "72122bd116a595f60f5cc26afd550c4a8b18d655"
#: htmldate.core's patterns led by ``\D`` (or lists of them), by name.
LED_BY_NON_DIGIT = (
    "THREE_COMP_PATTERNS",
    "SELECT_YMD_PATTERN",
    "DATESTRINGS_PATTERN",
    "SLASHES_PATTERN",
    "YYYYMM_PATTERN",
    "MMYYYY_PATTERN",
    "SIMPLE_PATTERN",
)
# Lookbehinds, then ``\D`` not repeated; or a group of alternatives each led by ``\D``.
_LEAD = re.compile(r"(?:\(\?<[!=][^()]*\))*\\D(?![{+*?])")
_LED_GROUP = re.compile(r"\(\\D[^()|]*(?:\|\\D[^()|]*)*\)")


def locator(pattern: str) -> str | None:
    """The locator of a pattern led by ``\\D`` (see the module's docstring), or None."""
    lead = _LEAD.match(pattern)
    if lead:
        rest = pattern[lead.end() :]
    elif _LED_GROUP.fullmatch(pattern):
        rest = "(" + pattern[3:].replace("|\\D", "|")
    else:
        return None
    return f"[0-9](?<=(?={rest})[0-9])"


def _reviewed_parts() -> list[str]:
    import htmldate.core as hc
    import htmldate.extractors as he

    patterns = [getattr(hc, name) for name in LED_BY_NON_DIGIT]
    flat = [p for item in patterns for p in (item if isinstance(item, (list, tuple)) else [item])]
    code = sources(hc.plausible_year_filter, hc.search_pattern, hc.search_normalized)
    code += sources(he.regex_parse)
    text = he.LONG_TEXT_PATTERN
    return code + [p.pattern for p in flat] + [text.pattern, str(text.flags)]


@lru_cache(maxsize=1)
def reviewed() -> bool:
    """Whether htmldate's search code and patterns are the ones reviewed."""
    return matches(_REVIEWED_CODE, _reviewed_parts)


@lru_cache(maxsize=1)
def locators() -> dict[Any, Any]:
    """The compiled locator of each of htmldate's patterns led by ``\\D``, by pattern."""
    import htmldate.core as hc

    found = {}
    for name in LED_BY_NON_DIGIT:
        item = getattr(hc, name)
        for pattern in item if isinstance(item, (list, tuple)) else [item]:
            text = locator(pattern.pattern)
            if text is not None and not pattern.flags & ~re.UNICODE:
                found[pattern] = re.compile(text)
    return found


def findall(pattern: re.Pattern[str], string: str) -> list[Any]:
    """``pattern.findall(string)``, by its locator if it has one."""
    try:
        found = locators().get(pattern)
        if found is not None:
            return _located(pattern, found, string)
    except Exception:  # a mirror of htmldate's search: any surprise is the library's to answer
        pass
    return pattern.findall(string)


def _located(pattern: re.Pattern[str], locator: re.Pattern[str], string: str) -> list[Any]:
    """What ``pattern.findall`` finds, matched one character before each place ``locator`` finds."""
    found: list[Any] = []
    search, match, groups = locator.search, pattern.match, pattern.groups
    at = 1  # where the next match's second character can be
    while (hit := search(string, at)) is not None:
        start = hit.start() - 1
        matched = match(string, start)
        if matched is None:
            at = start + 2
            continue
        found.append(matched.group() if groups == 0 else matched.groups("")[0] if groups == 1 else matched.groups(""))
        at = matched.end() + 1
    return found


def plausible_year_filter(htmlstring: str, *, pattern: re.Pattern[str], **options: Any) -> Any:
    """``htmldate.core.plausible_year_filter`` counting the matches of :func:`findall`."""
    return _LIBRARY["plausible_year_filter"](htmlstring, pattern=_Located(pattern), **options)


class _Located:
    """A pattern whose ``findall`` is :func:`findall`, for htmldate's ``plausible_year_filter``."""

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern

    def findall(self, string: str) -> list[Any]:
        return findall(self.pattern, string)


# A year as ``LONG_TEXT_PATTERN`` ends with it: after a space, from 1990 to 2039 (a character
# set leads: the engine skips to a 1 or a 2 in C).
_YEAR = re.compile(r"(?:199[0-9]|20[0-3][0-9])(?<= [0-9]{4})")
#: How far before a year a match of ``LONG_TEXT_PATTERN`` starts at most, besides its
#: month's word: the word ends 1 to 7 characters before the year (a space, a day, "th",
#: a comma, a space), and the match starts at the word, or 8 characters before it at
#: most (a day, "th", a space, "of ").
_WORD_END, _BEFORE_WORD = 7, 8


class _LocatedText:
    """``htmldate.extractors.LONG_TEXT_PATTERN`` whose ``search`` is :func:`search_text`."""

    def __init__(self, pattern: re.Pattern[str]):
        self.own = pattern

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        if endpos is None and len(string) - pos > _LOCATED_FROM:
            try:
                return search_text(self.own, string, pos)
            except Exception:  # a mirror of htmldate's search: any surprise is the library's to answer
                pass
        return self.own.search(string, pos) if endpos is None else self.own.search(string, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.own, name)


# Shorter strings are searched by the pattern itself (a date's text, not a page).
_LOCATED_FROM = 200


def search_text(pattern: re.Pattern[str], string: str, pos: int = 0) -> Any:
    """``pattern.search(string, pos)`` for ``LONG_TEXT_PATTERN``, from near each year.

    Every match ends with a year after a space, and holds no four digits before it (a
    day has two at most), so the leftmost match has the first year after ``pos`` that a
    match holds, and a match of a year starts after the previous year: each year's match
    is searched from ``_start`` to the year's end (what the match reads), and the first
    one found is the pattern's.
    """
    at = max(pos, 0)  # (the engine reads a negative pos as 0)
    while (year := _YEAR.search(string, at + 1)) is not None:
        end = year.end()
        found = pattern.search(string, _start(string, end - 4, at), end)
        if found is not None:
            return found
        at = end - 4
    return None


def _start(string: str, year: int, floor: int) -> int:
    """Where a match of the year at ``year`` starts at the earliest (not before ``floor``):
    the month's word is a run of word characters that reaches ``year - _WORD_END`` (or
    starts after it)."""
    i = max(year - _WORD_END, floor)
    while i > floor and (string[i - 1].isalnum() or string[i - 1] == "_"):
        i -= 1
    return max(i - _BEFORE_WORD, floor)


#: htmldate's own functions that the swap put aside.
_LIBRARY: dict[str, Any] = {}


def _names() -> list[tuple[Any, str]]:
    import htmldate.core as hc
    import htmldate.extractors as he

    return [(hc, "plausible_year_filter"), (he, "LONG_TEXT_PATTERN")]


def _shortcuts(own: dict[str, Any]) -> dict[str, Any] | None:
    if not reviewed():
        return None
    _LIBRARY.update(own)
    return {
        "plausible_year_filter": plausible_year_filter,
        "LONG_TEXT_PATTERN": _LocatedText(own["LONG_TEXT_PATTERN"]),
    }


_SWAP = Swap(_names, _shortcuts)


@contextmanager
def cheaper_date_search() -> Iterator[None]:
    """htmldate's date search with the shortcuts above while the ``with`` block runs."""
    with _SWAP():
        yield
