"""Date bars: a line that is only a date goes to ``metadata.date`` (ISO 8601) and leaves the body.

The parsing is python-dateutil's; a dateline that opens a paragraph ("MOSCOW (AP) —")
is part of the paragraph and is not touched.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import lru_cache

from ..document import Page
from .base import Filter
from .shape import head_end, key

# Two different defaults: a field the text did not give comes back as the default, so
# parsing twice tells which of year, month and day the line really names.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))


@lru_cache(maxsize=1)
def _date_hint() -> re.Pattern[str]:
    """A quick test that a line may hold a full date: a month name (dateutil's own list, so
    it follows the parser) or a numeric date such as 2025-11-10 or 10/11/2025."""
    from dateutil import parser

    months = sorted({name for names in parser.parserinfo().MONTHS for name in names}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(months)})\b|\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """The words dateutil's parser reads as part of a date, in lower case (its own lists:
    weekdays, months, hour/minute/second, am/pm, UTC names, and the words it jumps)."""
    from dateutil import parser

    info = parser.parserinfo()
    words = set(info.JUMP) | set(info.PERTAIN) | set(info.UTCZONE)
    for group in (info.WEEKDAYS, info.MONTHS, info.HMS, info.AMPM):
        for names in group:
            words.update(names)
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=8)
def _label_words(labels: frozenset[str]) -> frozenset[str]:
    return frozenset(word for label in labels for word in label.split())


_LETTERS = re.compile(r"[^\W\d_]+")


def _only_date_words(text: str, ignorable: frozenset[str]) -> bool:
    """Whether every word of ``text`` is one the parser can read or a label may hold.

    A word that is neither (a name, a verb) would be skipped by the fuzzy parse, and a
    skipped word that is no label makes :func:`parse_date` answer None: this says so
    without the parse (dateutil takes some 40 us a line). A word in capitals of up to
    five letters may be a time-zone name.
    """
    known, labels = _date_words(), _label_words(ignorable)
    for word in _LETTERS.findall(text):
        if word.lower() in known or word.casefold() in labels:
            continue
        if len(word) <= 5 and word.isascii() and word.isupper():
            continue
        return False
    return True


def _all_given(when: datetime) -> bool:
    """Whether a parse with the first default surely took year, month and day from the text:
    none equals the default (1904, January, 1st; a weekday without a day moves the default
    day by at most six, hence > 7). The second parse would then agree on all three (the
    tokens, and so the skipped words, do not depend on the default) and is not needed."""
    first = _DEFAULTS[0]
    return when.year != first.year and when.month != first.month and when.day > 7


def parse_date(text: str, ignorable: frozenset[str]) -> str | None:
    """The ISO 8601 form of a line that is a full date (and time) and nothing else."""
    from dateutil import parser

    if not _date_hint().search(text) or not _only_date_words(text, ignorable):
        return None
    results = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown time-zone names
        for default in _DEFAULTS:
            try:
                when, skipped = parser.parse(text, default=default, fuzzy_with_tokens=True)
            except (ValueError, OverflowError, TypeError):
                return None
            if any(key(tok) and key(tok) not in ignorable for tok in skipped):
                return None  # words the parser skipped that are not labels: not just a date
            results.append(when)
            if _all_given(when):
                break
    first, second = results[0], results[-1]
    if first.year != second.year or first.month != second.month or first.day != second.day:
        return None  # the year, month or day was not in the text
    if first.hour or first.minute:
        return first.replace(tzinfo=None).isoformat(timespec="minutes")
    return first.date().isoformat()


class DateBar(Filter):
    name = "datebar"
    summary = 'Move a date bar ("Monday, November 10, 2025") into metadata.date as ISO 8601.'
    defaults = {"max_chars": 80}
    patterns = {"year": ("dates", "year")}
    phrases = {"labels": ("dates", "labels")}

    def apply(self, page: Page) -> None:
        head = head_end(page.blocks)
        for i, block in enumerate(page.blocks):
            text = block.text
            if (
                len(text) > self.options["max_chars"]
                or "1" not in text
                and "2" not in text
                or not self.year.search(text)
            ):  # (a year starts with 1 or 2: most lines hold neither)
                continue
            labelled = key(text.split(None, 1)[0]) in self.labels
            if i >= head and not labelled:
                continue  # inside the article only a labelled date ("Updated: ...") is a bar
            iso = parse_date(text, self.labels)
            if iso:
                page.set_meta("date", iso)
                self.drop(page, block, "date bar")
