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

:func:`cheaper_date_search` puts :func:`plausible_year_filter` in htmldate's place while
cleaner's metadata search runs, if htmldate's code is the one reviewed, and htmldate's
back after; the library's own callers are left as they are. A surprise inside falls back
on ``pattern.findall``. ``tests/test_datesearch.py`` compares the two on pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .reviewed import Swap, matches, sources

# SHA-1 of htmldate's (1.11.0) search code and patterns that the locators stand for.
_REVIEWED_CODE = "724c52316b0c582b1d628bf4ed2d55cec8029393"
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

    patterns = [getattr(hc, name) for name in LED_BY_NON_DIGIT]
    flat = [p for item in patterns for p in (item if isinstance(item, (list, tuple)) else [item])]
    return sources(hc.plausible_year_filter, hc.search_pattern, hc.search_normalized) + [p.pattern for p in flat]


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


#: htmldate's own functions that the swap put aside.
_LIBRARY: dict[str, Any] = {}


def _swap_in() -> list[tuple[Any, str, Any]] | None:
    import htmldate.core as hc

    own = getattr(hc, "plausible_year_filter", None)
    if own is None or not reviewed():
        return None
    _LIBRARY["plausible_year_filter"] = own
    hc.plausible_year_filter = plausible_year_filter
    return [(hc, "plausible_year_filter", own)]


_SWAP = Swap(_swap_in)


@contextmanager
def cheaper_date_search() -> Iterator[None]:
    """htmldate's date search counting matches by :func:`findall` while the ``with`` block runs."""
    with _SWAP():
        yield
