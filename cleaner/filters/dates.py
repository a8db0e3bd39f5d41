"""Date bars: a line that is only a date goes to ``metadata.date`` (ISO 8601) and leaves the body.

The parsing is python-dateutil's; a dateline that opens a paragraph ("MOSCOW (AP) —")
is part of the paragraph and is not touched.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import cache
from typing import Any

from ..caches import Memos
from ..data import LanguageData
from ..document import Page
from .base import DataPattern, Filter, Phrases
from .shape import head_end, key

# Two different defaults: a field the text did not give comes back as the default, so
# parsing twice tells which of year, month and day the line really names.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))


class DateReader:
    """One language's date words (merged over English, see :mod:`cleaner.data`) and a
    dateutil parser that reads them: month and weekday names, the words it passes over,
    and whether the day comes before the month."""

    def __init__(self, data: LanguageData):
        from dateutil import parser

        dates = data.family("dates")
        months = [tuple(dates["months"][str(n)]) for n in range(1, 13)]

        jump = dates["jump"]
        # a word the language passes over is no am/pm marker (Spanish "a las 10:30")
        ampm = [tuple(name for name in names if name not in jump) for names in parser.parserinfo.AMPM]

        # dateutil's parserinfo for the language, made with type(): a class statement
        # here would be a class defined in a function, which mypyc does not compile (and
        # dateutil stays unimported until a filter reads dates). AMPM: dateutil takes any
        # number of markers where its stubs say ("am", "pm")-shaped pairs.
        weekdays = [tuple(dates["weekdays"][str(n)]) for n in range(1, 8)]
        attributes = {"JUMP": jump, "MONTHS": months, "WEEKDAYS": weekdays, "AMPM": ampm}
        Info = type("Info", (parser.parserinfo,), attributes)

        self.language = data.language
        info = Info(dayfirst=dates["dayfirst"])
        self.parser = parser.parser(info)
        self.labels = data.phrase_set("dates", "labels")
        names = sorted({name for names in months for name in names}, key=len, reverse=True)
        # a quick test that a line may hold a full date: a month name, or a date in digits
        self.hint = re.compile(
            "|".join([rf"\b(?:{'|'.join(map(re.escape, names))})\b", *dates["numeric"]]), re.IGNORECASE
        )
        #: the words that may stand around a date: the labels' and those the parser passes over
        self.ignorable = frozenset(word for label in self.labels for word in label.split()) | {
            word.casefold() for word in jump
        }
        self.words = _parser_words(info) | self.ignorable

    def only_date_words(self, text: str) -> bool:
        """Whether every word of ``text`` is one the parser can read or a label may hold.

        A word that is neither (a name, a verb) would be skipped by the fuzzy parse, and a
        skipped word that is no label makes :meth:`parse` answer None: this says so
        without the parse (dateutil's fuzzy parse is the costly step). A word in capitals of up to
        five letters may be a time-zone name.
        """
        known = self.words
        for word in _LETTERS.findall(text):
            if word.casefold() in known:
                continue
            if len(word) <= 5 and word.isascii() and word.isupper():
                continue
            return False
        return True

    def ignorable_words(self, skipped: str) -> bool:
        """Whether each word of a run the parser skipped, trimmed of its punctuation, is a
        label's or one the parser passes over ("r., godz. " after "2022")."""
        return all(not word or word in self.ignorable for word in map(key, key(skipped).split()))

    def parse(self, text: str) -> str | None:
        """The ISO 8601 form of a line that is a full date (and time) and nothing else.
        Kept from page to page (a site's pages of a day share their dates): dateutil's
        fuzzy parse is the costliest step of a page's date bar."""
        if not self.hint.search(text) or not self.only_date_words(text):
            return None
        memo = DATES.of(self.language)
        if text not in memo:
            if len(memo) >= DATES.lines:
                memo.clear()
            memo[text] = self.parsed(text)
        return memo[text]

    def parsed(self, text: str) -> str | None:
        """:meth:`parse`, unmemoised, for a text its tests let by."""
        results = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time-zone names
            for default in _DEFAULTS:
                try:
                    when, skipped = self.parser.parse(text, default=default, fuzzy_with_tokens=True)
                except (ValueError, OverflowError, TypeError):
                    return None
                if not all(self.ignorable_words(tok) for tok in skipped):
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


#: Line text -> the date read from it, a memo for each language, kept from page to page.
DATES = Memos(count=64, lines=1024)


@cache
def date_reader(language: str) -> DateReader:
    """The :class:`DateReader` of a data language (one per process)."""
    return DateReader(LanguageData(language))


def _parser_words(info: Any) -> frozenset[str]:
    """The words dateutil's parser reads as part of a date, case-folded (its lists as
    ``info`` holds them: weekdays, months, hour/minute/second, am/pm, UTC names, and the
    words it jumps)."""
    words = set(info.JUMP) | set(info.PERTAIN) | set(info.UTCZONE)
    for group in (info.WEEKDAYS, info.MONTHS, info.HMS, info.AMPM):
        for names in group:
            words.update(names)
    return frozenset(w.casefold() for w in words)


_LETTERS = re.compile(r"[^\W\d_]+")


def _all_given(when: datetime) -> bool:
    """Whether a parse with the first default surely took year, month and day from the text:
    none equals the default (1904, January, 1st; a weekday without a day moves the default
    day by at most six, hence > 7). The second parse would then agree on all three (the
    tokens, and so the skipped words, do not depend on the default) and is not needed."""
    first = _DEFAULTS[0]
    return when.year != first.year and when.month != first.month and when.day > 7


class DateBar(Filter):
    name = "datebar"
    summary = 'Move a date bar ("Monday, November 10, 2025") into metadata.date as ISO 8601.'
    defaults = {"max_chars": 80}
    patterns = {"year": ("dates", "year")}
    phrases = {"labels": ("dates", "labels")}
    year: DataPattern
    labels: Phrases

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.reader = date_reader(data.language)

    def apply(self, page: Page) -> None:
        head = head_end(page.blocks)
        max_chars, year = self.options["max_chars"], self.year.search
        for i, block in enumerate(page.blocks):
            text = block.text
            if len(text) > max_chars or "1" not in text and "2" not in text or not year(text):
                continue  # (a year starts with 1 or 2: most lines hold neither)
            labelled = key(text.split(None, 1)[0]) in self.labels
            if i >= head and not labelled:
                continue  # inside the article only a labelled date ("Updated: ...") is a bar
            iso = self.reader.parse(text)
            if iso:
                page.set_meta("date", iso)
                self.drop(page, block, "date bar")
