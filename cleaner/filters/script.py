"""Scripts written without spaces between words (Chinese, Japanese): which characters are
their letters, how long a line of them is, and how its words and function words count.

The filters' thresholds are set in characters and words of alphabetic text. A line of
these scripts says in one character what an alphabet says in two or three, and has no
spaces to count words by: so a wide character counts ``WIDE_WIDTH`` in a length, two
letters make a word, and a letter on the language's list of function characters
(``cleaner/data/<lang>/stoplist.txt``) is a stopword of its own.

Every function answers at once for an ASCII text; for another, the filters ask of most
lines several times, the count of its wide characters is kept (:func:`wide_count`). A
text without these letters gets what it got before.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..data import language_text

#: Han (the unified and compatibility ideographs of the Basic Multilingual Plane) and kana
#: (hiragana, katakana), as character-class ranges ...
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u3041-\u30ff"
#: ... and the letters of the scripts written without spaces between words: those, the
#: iteration marks and the ideographs beyond that plane.
UNSPACED_LETTERS = f"\u3005-\u3007{KANA}{HAN}\U00020000-\U0003fffd"
_LETTER = re.compile(f"[{UNSPACED_LETTERS}]")
#: A letter, or the full-width punctuation that joins and ends clauses: each is a token of
#: its own, and a list of function characters can hold it.
_TOKEN = re.compile(f"[{UNSPACED_LETTERS}，、；：。！？]")
#: Characters set in a double-width cell: CJK letters and symbols, kana, full-width forms.
_WIDE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\U00020000-\U0003fffd]")
#: Where the wide characters' blocks begin: a text with nothing from here on has none (one
#: range: the regex engine tells a text in an alphabet so fastest).
_FROM_WIDE = re.compile("[\u3000-\U0010ffff]")
#: A Chinese word takes about two characters, an English one about six with its space.
WIDE_WIDTH = 3
#: The languages whose function characters judge a line of these scripts on a page set to
#: (or told as) another language.
_FALLBACK_LANGUAGES = ("zh", "ja")


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of a script written without spaces."""
    return not text.isascii() and wide_count(text) > 0 and _LETTER.search(text) is not None


def width(text: str) -> int:
    """The length of a text, a wide character counting ``WIDE_WIDTH``: the length that
    thresholds set in characters of alphabetic text are to take."""
    if text.isascii():
        return len(text)
    return len(text) + (WIDE_WIDTH - 1) * wide_count(text)


@lru_cache(maxsize=4096)
def wide_count(text: str) -> int:
    """How many wide characters a text holds (the letters of these scripts are some)."""
    return 0 if _FROM_WIDE.search(text) is None else len(_WIDE.findall(text))


def letter_words(text: str) -> tuple[str, int]:
    """(``text`` with its letters of these scripts as spaces, the words they make: two a
    word, as most Chinese words take two characters)."""
    rest, letters = _LETTER.subn(" ", text)
    return rest, letters // 2


def token_counts(folded: str, stops: frozenset[str]) -> tuple[str, float, int] | None:
    """(the rest of a case-folded text, its words and stopwords) when it holds letters or
    clause punctuation of these scripts, else None: each one on the list of function
    characters is a word of its own, the others make words of two. So the share of
    stopwords reads as a stoplist's share of words does. ``stops`` without any function
    character take Chinese's and Japanese's."""
    tokens = _TOKEN.findall(folded) if _FROM_WIDE.search(folded) else None
    if not tokens:
        return None
    stops = with_function_characters(stops)
    hits = sum(map(stops.__contains__, tokens))
    return _TOKEN.sub(" ", folded), hits + (len(tokens) - hits) / 2, hits


@cache
def function_characters(language: str) -> frozenset[str]:
    """The list of function characters of a data language (``cleaner/data/<lang>/stoplist.txt``);
    empty if it has none."""
    text = language_text(language, "stoplist.txt")
    if text is None:
        return frozenset()
    return frozenset(w.casefold() for w in text.splitlines() if w and not w.startswith("#"))


@lru_cache(maxsize=16)
def with_function_characters(stops: frozenset[str]) -> frozenset[str]:
    """``stops``, with Chinese's and Japanese's function characters if they hold none (a
    Chinese page told as another language, a Chinese quotation on a page in another)."""
    if any(len(w) == 1 and _TOKEN.match(w) for w in stops):
        return stops
    return stops.union(*map(function_characters, _FALLBACK_LANGUAGES))
