"""Words and stopwords: how many words a line holds and how many of them are stopwords,
and the stoplists that say which. Lines in scripts without spaces are measured as
:mod:`.script` says."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache

from ..data import common_text, resolve
from ..document import Block
from .script import function_characters, token_counts

WORD = re.compile(r"[^\W_]+")  # "___" is a divider, not a word
_WORD_NO_UNDERSCORE = re.compile(r"\w+")  # the same on a text without "_", and faster
#: For splitting a case-folded text as UTF-8 bytes, ASCII that is no part of a word as a
#: space: exact when every character beyond ASCII is a word character (five times as
#: fast as findall). Texts with other characters take the regex, but for the commonest.
_ASCII_NON_WORD = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(128)) + bytes(range(128, 256))
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")
_COMMON_PUNCTUATION = ("’", "“", "”", "—", "–", "‘", "…", "»", "«", "©", "·", "•")


def word_counts(folded: str, stops: frozenset[str], stops_utf8: frozenset[bytes]) -> tuple[float, int]:
    """(words, stopwords among them) of a case-folded text, its words as WORD finds them
    (and letters of scripts without spaces as :func:`~.script.token_counts` counts them);
    ``stops_utf8`` is :func:`utf8_stopwords` of ``stops``."""
    if not folded.isascii():
        for c in _COMMON_PUNCTUATION:
            if c in folded:
                folded = folded.replace(c, " ")
        if not folded.isascii() and (tokens := token_counts(folded, stops)):
            n, hits = word_counts(tokens[0], stops, stops_utf8)
            return n + tokens[1], hits + tokens[2]
        if not folded.isascii() and _NON_ASCII_NON_WORD.search(folded):
            words = (WORD if "_" in folded else _WORD_NO_UNDERSCORE).findall(folded)
            return len(words), sum(map(stops.__contains__, words))
    split = folded.encode().translate(_ASCII_NON_WORD).split()
    return len(split), sum(map(stops_utf8.__contains__, split))


@lru_cache(maxsize=16)
def utf8_stopwords(stops: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in stops)


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The jusText stoplist for an ISO 639-1 code, or the language's function characters
    (Chinese, Japanese); empty if there is none."""
    name = tomllib.loads(common_text("stoplists.toml"))["stoplists"].get(language or "")
    if not name:
        return function_characters(resolve(language or ""))
    import justext

    return frozenset(w.casefold() for w in justext.get_stoplist(name))


def page_stopwords(blocks: list[Block], count: int) -> frozenset[str]:
    """The ``count`` words a page repeats most: its stopwords, for a language without a stoplist."""
    freq: dict[str, int] = {}
    for b in blocks:
        folded = b.text.casefold()
        for w in (WORD if "_" in folded else _WORD_NO_UNDERSCORE).findall(folded):
            freq[w] = freq.get(w, 0) + 1
    return frozenset(sorted((w for w, k in freq.items() if k > 1), key=freq.__getitem__, reverse=True)[:count])
