"""The shape of a block: helpers the filters share (word counts, prose, headings, names).

All of them are linear in the block's length and use precompiled patterns only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import islice

from ..document import Block
from ..keys import SHORT_KEY_CHARS, key, short_key  # noqa: F401  (the filters take them from here)
from .script import has_letters, letter_words, wide_count, width

#: A sentence end inside a block, followed by the start of another sentence (its capital, the match's last
#: character). (Three lower-case letters or a digit before the stop keep "Mr. Assad" and "U.S. Army" whole; the
#: match opens at the stop, which the engine looks for alone, four times as fast as at the letters before it.)
INNER_SENTENCE = re.compile(r"[.!?](?:(?<=[a-z]{3}[.!?])|(?<=[0-9%][.!?]))[\"'\u201d\u2019)]?\s+[\"\u201c]?[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
#: Closing quotes and brackets, which may follow a sentence end (and Chinese and Japanese ones). German closes
#: a quotation with “ or ‘ („...“). Not »: a "more" arrow after a teaser's last sentence.
CLOSERS = "\"'\u201d\u2019\u201c\u2018)]\u300d\u300f\uff09"
#: A sentence's stops (full-width ones too), which closing quotes and brackets may follow.
_STOPS = frozenset(".!?\u3002\uff01\uff1f\uff0e")
_STOPS_COLON = _STOPS | {":"}  # and a line's colon that leads in to a list or a quotation
#: An emoji, or an emoticon after a space or a stop (":)", ";-)", "<3", "^^") ...
_EMOTE = r"(?:[\u2600-\u27bf\u2b50\ufe0f\u200d\U0001f000-\U0001faff]|(?<![^\s.!?\u2026])(?:[:;=]-?[)(DPp]|<3|\^\^))"
#: ... closing the sentence after its last word, as blogs and comments write (with or without a stop before it)
_EMOTE_END = re.compile(rf"\w[\s.!?\u2026,]*(?:{_EMOTE}\s*)+$")
_EMOTE_ASCII_LAST = frozenset(")(DPp3^")
#: What an emoticon has before its last character (":)", ";-P", "<3", "^^"): a line ending in "up" or "(AP)" has none.
_EMOTICON_BEFORE = {last: frozenset(":;=-") for last in ")(DPp"} | {"3": frozenset("<"), "^": frozenset("^")}
#: The letters and digits below the emoji that no emoticon ends in: a line ending in one ends no sentence (most do).
_PLAIN_LAST = frozenset(c for c in map(chr, range(0x2600)) if c.isalnum()) - _EMOTE_ASCII_LAST


def any_of(strings: Iterable[str]) -> Callable[[str], bool]:
    """A test for whether a text holds any of a few ``strings`` (separators, code
    characters: a filter asks it of most lines, and most hold none). An ``in`` test per
    string scans a long line at memory speed, where the regex engine would step through
    it character by character. An ASCII text (most lines) is searched only for the ASCII
    strings: it holds no other."""
    strings = tuple(strings)
    ascii_strings = tuple(s for s in strings if s.isascii())

    def holds_any(text: str) -> bool:
        for s in ascii_strings if text.isascii() else strings:
            if s in text:
                return True
        return False

    return holds_any


def words(text: str) -> list[str]:
    """The words of a text (letters and digits, with inner apostrophes and hyphens)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """The words of a text; in a script written without spaces, two letters count as one
    word (most Chinese words take two characters)."""
    if text.isascii() or not wide_count(text):
        return len(_WORD.findall(text))
    rest, n = letter_words(text)
    return len(_WORD.findall(rest)) + n


def has_words(text: str, k: int) -> bool:
    """Whether a text holds ``k`` words or more (as :func:`word_count` counts them), read only as far as the ``k``-th:
    a paragraph's first sentence tells that it is long enough."""
    if k <= 0:
        return True
    if text.isascii() or not wide_count(text):
        return next(islice(_WORD.finditer(text), k - 1, None), None) is not None
    return word_count(text) >= k


def nwords(text: str) -> int:
    """Words in a block as split by spaces (blocks are normalised to single spaces): cheap."""
    return text.count(" ") + 1


def ends_sentence(text: str, colon: bool = False, dots: bool = True) -> bool:
    """Whether ``text`` ends like a sentence before closing quotes and brackets and a final newline, if any; with
    ``colon``, a colon that leads in counts too, and without ``dots``, three dots (a teaser cut short) do not. An
    emoji or emoticon after the last word ends one too (:func:`emote_end`)."""
    if text[-1:] in _PLAIN_LAST:  # (most lines: decided before any copy or call)
        return False
    line = text.removesuffix("\n")
    end = line.rstrip(CLOSERS)
    if end[-1:] in (_STOPS_COLON if colon else _STOPS) and (dots or end[-3:-1] != ".."):
        return True
    return emote_end(line)


def emote_end(text: str) -> bool:
    """Whether ``text`` ends in an emoji or emoticon after a word ("... freuen 🙂", "... dazu sagt :)"): a sentence's
    end in informal writing. Only a line whose last character can end one is searched, and only its end."""
    last = text[-1:]
    if last in _EMOTE_ASCII_LAST:
        if text[-2:-1] not in _EMOTICON_BEFORE[last]:
            return False
    elif not ("\u2600" <= last <= "\u27bf" or last >= "\U0001f000" or last in "\ufe0f\u200d\u2b50"):
        return False
    return _EMOTE_END.search(text[-24:]) is not None


@lru_cache(maxsize=4096)
def is_prose(text: str, min_words: int = 12) -> bool:
    """A paragraph of running text: enough words and a sentence end.

    Cached: :func:`head_end` asks it of the same blocks for several filters.
    """
    return ends_sentence(text) and has_words(text, min_words)


def is_heading(text: str, min_words: int = 3, max_words: int = 30) -> bool:
    """Shaped like a headline: a few words, capitalised start (or, in a script without case
    and spaces, a letter or an opening quote), no sentence punctuation at the end.

    A question or exclamation counts only when the line is in title case.
    """
    if not text:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018"):
        if not (has_letters(first) or first in "\u300a\u300c\u300e\u3010") or not has_letters(text):
            return False
    elif min_words > 2 and text.count(" ") < 2 and text.replace(" ", "").isalnum() and not has_letters(text):
        return False  # letters and digits around at most one space: one or two words (most menu items)
    if len(text) > 250 or not min_words <= word_count(text) <= max_words:  # (no count of a paragraph's words)
        return False
    last = text.rstrip(CLOSERS)[-1:]
    if last in ".,;:\u3002\uff0c\uff1b\uff1a\u3001":
        return False
    if last in "?!\uff1f\uff01":
        return title_case_ratio(text) >= 0.6
    return True


def title_case_ratio(text: str) -> float:
    """The share of longer words (four letters or more) that start with a capital."""
    long_words = [w for w in words(text) if len(w) >= 4]
    if not long_words:
        return 0.0
    return sum(w[0].isupper() for w in long_words) / len(long_words)


def lower_share(text: str) -> float:
    """Share of the words after the first that start in lower case (prose, not Title Case)."""
    if text.istitle():  # no word in lower case: at once, for a third of a page's short lines
        return 0.0
    alpha = [w[0] for w in text.split()[1:] if w[0].isalpha()]
    return sum(map(str.islower, alpha)) / len(alpha) if alpha else 0.0


#: A word of a name: a letter (a capital, checked apart: in any script that has case)
#: and then letters, dots, apostrophes or hyphens.
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'\u2019\-]*")
#: Lower-case words that may join the parts of a name (the filters that read names
#: give their language's list, from the bylines data).
NAME_JOINERS = frozenset({"and", "&", "de", "da", "del", "der", "van", "von", "al", "bin", "ibn", "la", "le"})


def is_name(text: str, max_words: int = 5, joiners: frozenset[str] = NAME_JOINERS) -> bool:
    """Shaped like a person's or a desk's name: a few capitalised words, nothing else.

    "Web Desk", "Associated Press", "Jane van der Berg", "J. R. Smith", "Łukasz Nowak",
    "Иван Петров"; not an all-caps shout of several words, not a sentence.
    """
    tokens = text.split()
    if not 1 <= len(tokens) <= max_words or any(c.isdigit() for c in text):
        return False
    if len(tokens) > 2 and text.isupper():
        return False
    named = 0
    for t in tokens:
        if t[0].isupper() and _NAME_TOKEN.fullmatch(t):
            named += 1
        elif t.casefold() not in joiners:
            return False
    return named >= 1 and tokens[0] not in joiners


#: The fewest characters twelve words and a sentence end take (one letter a
#: word, one character between, the end after the last: "a b c d e f g h i j k l.").
_PROSE_MIN_CHARS = 2 * 12


def head_end(blocks: list[Block]) -> int:
    """Index of the first paragraph of prose: the blocks before it are the page head.

    Several filters ask it of the same blocks: the lines of the head (short, with no
    sentence end) are turned away before the cached :func:`is_prose` is looked up.
    """
    for i, b in enumerate(blocks):
        text = b.text
        # (a line ending in a plain letter or digit ends no sentence: ends_sentence's own first test)
        if text[-1:] not in _PLAIN_LAST and len(text) >= _PROSE_MIN_CHARS and is_prose(text):
            return i
    return len(blocks)


#: What separates a headline from the site's name in a page title (Chinese and Japanese
#: sites' full-width bar and hyphen, and the underscore, too).
TITLE_SEPARATORS = "|-–—:·•»/_\uff5c\uff0d"


def title_repeat(blocks: list[Block], search: int) -> int:
    """Index of the first line that repeats the page's first line (its title), or 0.

    A flattened page usually opens with the ``<title>`` ("Headline - Site"); the
    headline shown again above the article ("Headline") marks where it starts.
    """
    title = blocks[0].text.casefold()
    if width(title) < 15 or (title[-1] == "." and is_prose(blocks[0].text)) or title[0] == title[-1] == "|":
        return 0  # (a paragraph or a table's row on top, as in a cleaned text, is no <title>; it may end in "!")
    size, first = len(title), title[0]
    for i in range(1, min(len(blocks), search)):
        line = blocks[i].text
        short = len(line) < 15 and (line.isascii() or width(line) < 15)
        if short or len(line) > size or line[0].casefold() != first:
            continue
        line = line.casefold()
        if title.startswith(line):
            rest = title[len(line) :].lstrip()
            if not rest or (
                rest[0] in TITLE_SEPARATORS and (len(line) >= 0.4 * len(title) or _first_part(line, rest))
            ):
                return i
    return 0


def _first_part(line: str, rest: str) -> bool:
    """Whether ``line`` is the whole first part of a title of many ("Headline | Site | Section | ..."): the rest
    opens with a separator set off by a space, and the line holds none."""
    return rest[1:2] == " " and not any(c in TITLE_SEPARATORS for c in line)
