"""Anchored patterns, tried only on blocks that start with a character they can start with.

Most phrase patterns are anchored at the block start (``^(?:tags?|topics|...)``), and
the filters try them on nearly every line of a page. The regex engine fails them fast,
but a call still costs a third to half a microsecond, several times over for each line
of a flattened page. :func:`first_chars` reads the set of characters a match can start
with from the pattern's parse tree, and :class:`StartGated` skips the call when the
block starts with an ASCII character outside it. Characters beyond ASCII are always
handed to the engine (case-insensitive matching relates some of them to ASCII letters,
``"ſ"`` to ``"s"``), so the gate never changes a result; where the set cannot be told
(a pattern that may start with any character, or that is not anchored) there is no
gate. A list of patterns gets a table by first character (:func:`dispatched`): each
character leads to the few patterns of the list that may start with it, and those
without a set of first characters are tried apart. Behind a first character that
opens common words ("s", "t", "a"), the table reads further: :func:`heads` lists the
openings of a few characters a match can have ("subs", "this"), and a line that opens
with none of them is not searched ("Sports", "The ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

try:  # the regex parser's tree and opcodes (private modules, as of Python 3.11)
    from re import _constants as sre  # type: ignore[attr-defined]  # private: typeshed leaves it out
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: no gates, same results
    sre = _parser = None

_ASCII_DIGITS = frozenset("0123456789")
_ASCII_SPACES = frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f")
#: Widest character range taken into a start set (wider: any character).
_MAX_RANGE = 256
#: Characters of a line's opening that a table reads (a short word, or a long one's stem).
HEAD_CHARS = 4
#: Most openings a pattern's reading may hold before it reads no further.
_MAX_HEADS = 512


class _Unknown(Exception):
    """The pattern may start with characters this module cannot enumerate."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of an anchored ``pattern`` can start with.

    ``None`` when the pattern is not anchored at the start in every alternative, can
    match the empty string, or can start with too many characters to list.
    """
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if not _anchored(list(tree)):
            return None
        chars, nullable = _first(list(tree), bool(pattern.flags & re.IGNORECASE))
    except (_Unknown, RecursionError, AttributeError):  # AttributeError: opcodes renamed
        return None
    if nullable:
        return None
    return frozenset(c for c in chars if c.isascii())


def _anchored(seq: list) -> bool:
    """Whether every way through ``seq`` begins with ``^`` (``\\A``)."""
    for op, av in seq:
        if op is sre.AT:
            return av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
        if op is sre.SUBPATTERN:
            return _anchored(list(av[3]))
        if op is sre.BRANCH:
            return all(_anchored(list(alt)) for alt in av[1])
        return False
    return False


def _first(seq: list, icase: bool) -> tuple[set[str], bool]:
    """(characters a match of ``seq`` can start with, whether it can match nothing)."""
    chars: set[str] = set()
    for item in seq:
        more, nullable = _first_item(item, icase)
        chars |= more
        if not nullable:
            return chars, False
    return chars, True


def _first_item(item: tuple, icase: bool) -> tuple[set[str], bool]:
    op, av = item
    if op is sre.LITERAL:
        return _cased({chr(av)}, icase), False
    if op is sre.IN:
        return _cased(_in_set(av), icase), False
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = av
        chars, nullable = _first(list(body), icase)
        return chars, nullable or low == 0
    if op is sre.SUBPATTERN:
        body, icase = _group(av, icase)
        return _first(body, icase)
    if op is sre.ATOMIC_GROUP:
        return _first(list(av), icase)
    if op is sre.BRANCH:
        chars = set()
        nullable = False
        for alt in av[1]:
            more, empty = _first(list(alt), icase)
            chars |= more
            nullable = nullable or empty
        return chars, nullable
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero width: what follows decides (ignoring the assertion only widens the set)
    raise _Unknown(op)


def _group(av: tuple, icase: bool) -> tuple[list, bool]:
    """A group's body, and whether it matches ignoring case: its inline flags ("(?i:...)", "(?-i:...)") over
    the case of what holds it."""
    _, add, remove, body = av
    return list(body), bool((icase or add & sre.SRE_FLAG_IGNORECASE) and not remove & sre.SRE_FLAG_IGNORECASE)


def _in_set(items: list) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars |= _ASCII_DIGITS  # other digits are beyond ASCII, always tried
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars |= _ASCII_SPACES
        else:  # a negated set, a wide range, word characters: too many to list
            raise _Unknown(op)
    return chars


def _cased(chars: set[str], icase: bool) -> set[str]:
    """``chars`` with their other cases, when matching ignores case.

    A cased character beyond ASCII may match an ASCII letter ("K", the Kelvin sign,
    matches "k"): such a pattern gets no gate. Most ("é", "ü", "д") match none: a text
    that opens with one, beyond ASCII, is searched whatever the gate says.
    """
    if not icase:
        return chars
    out = set(chars)
    for c in chars:
        if c.isascii():
            out.update((c.lower(), c.upper()))
        elif _matches_ascii(c):
            raise _Unknown(c)
    return out


@lru_cache(maxsize=1024)
def _matches_ascii(c: str) -> bool:
    """Whether the regex engine, ignoring case, matches ``c`` with an ASCII character (asked
    of the engine itself: its case folding has exceptions, "\u017f" and "s")."""
    if c.lower() == c and c.upper() == c and c.casefold() == c:
        return False  # no case
    match = re.compile(re.escape(c), re.IGNORECASE).fullmatch
    return any(match(chr(a)) for a in range(128))


def heads(pattern: re.Pattern[str], chars: int = HEAD_CHARS) -> frozenset[str]:
    """The openings a match of an anchored ``pattern`` can have, in lower-case ASCII:
    each ``chars`` characters long, or shorter where the match may end sooner or where
    what follows cannot be listed (any character, one beyond ASCII, too many ways).

    A text whose first ``chars`` characters are ASCII and, lower-cased, open with none
    of them has no match (a match's own opening, as far as it is listed, is one). Empty
    when the parser is unavailable: no gate by openings then.
    """
    if _parser is None:
        return frozenset()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        open_, done = _grow(list(tree), {""}, bool(pattern.flags & re.IGNORECASE), chars)
    except (RecursionError, AttributeError):  # AttributeError: opcodes renamed
        return frozenset()
    return frozenset(open_ | done)


def _grow(seq: list, open_: set[str], icase: bool, chars: int) -> tuple[set[str], set[str]]:
    """(openings that ``seq`` may still lengthen, openings read as far as they go), from
    the ``open_`` ones before it."""
    done: set[str] = set()
    for item in seq:
        if not open_:
            break
        before = open_
        open_, more = _grow_item(item, open_, icase, chars)
        done |= more
        if len(open_) > _MAX_HEADS:
            return set(), done | before
    return open_, done


def _grow_item(item: tuple, open_: set[str], icase: bool, chars: int) -> tuple[set[str], set[str]]:
    op, av = item
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return open_, set()  # zero width: passing over it only admits more openings
    if op is sre.LITERAL or op is sre.IN:
        try:
            step = _cased({chr(av)} if op is sre.LITERAL else _in_set(av), icase)
        except _Unknown:
            return set(), open_
        # (a character beyond ASCII in the text sends it to the search whatever its opening)
        step = {c.lower() for c in step if c.isascii()}
        if not step or len(open_) * len(step) > _MAX_HEADS:
            return set(), open_
        grown = {s + c for s in open_ for c in step}
        return {s for s in grown if len(s) < chars}, {s for s in grown if len(s) >= chars}
    if op is sre.SUBPATTERN:
        body, icase = _group(av, icase)
        return _grow(body, open_, icase, chars)
    if op is sre.ATOMIC_GROUP:
        return _grow(list(av), open_, icase, chars)
    if op is sre.BRANCH:
        out: set[str] = set()
        done: set[str] = set()
        for alt in av[1]:
            more, ended = _grow(list(alt), open_, icase, chars)
            out |= more
            done |= ended
        return out, done
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _grow_repeat(av, open_, icase, chars)
    return set(), open_  # any character, a back-reference: read no further


def _grow_repeat(av: tuple, open_: set[str], icase: bool, chars: int) -> tuple[set[str], set[str]]:
    """A repeat read as its body ``low`` times, then up to ``high - low`` more; past
    ``chars`` rounds no opening is still open (a round that takes no character adds no
    opening that fewer rounds do not give)."""
    low, high, body = av
    done: set[str] = set()
    for _ in range(min(low, chars)):
        open_, more = _grow(list(body), open_, icase, chars)
        done |= more
    out = set(open_)
    for _ in range(min(high - low, chars)):
        open_, more = _grow(list(body), open_, icase, chars)
        done |= more
        out |= open_
        if not open_:
            break
    return out, done


class StartGated:
    """A compiled pattern whose :meth:`search` first looks at the text's first character.

    ``pattern`` is the whole alternation. ``by_first`` maps each ASCII character that
    an anchored alternative can start with to a search for just the alternatives that
    may start so: a line that starts with any other ASCII character skips them (most
    lines), and the others try a few alternatives instead of all (the regex engine
    enters every alternative of a case-insensitive list in turn: a microsecond a line
    for the sixteen comment prompts). ``rest``, if any, holds the alternatives with no
    such set (not anchored, or able to start with any character): it is tried on any
    text the others do not match, and ``starts`` is then None (no gate). A text that is
    empty or starts beyond ASCII gets the whole pattern. ``openings`` maps a first
    character to a length and the openings of that length (lower-cased, see
    :func:`heads`) its alternatives can have: a text whose opening is ASCII and none of
    them skips them too. :meth:`search` finds a match exactly when ``pattern`` does (not
    always the same one: only whether there is one counts).
    """

    __slots__ = ("pattern", "starts", "by_first", "rest", "openings", "_search", "_rest", "_gates")

    def __init__(
        self,
        pattern: re.Pattern[str],
        by_first: dict[str, Callable[[str], Any]],
        rest: re.Pattern[str] | None = None,
        openings: dict[str, tuple[int, frozenset[str]]] | None = None,
    ):
        self.pattern = pattern
        self.starts = frozenset(by_first) if rest is None else None
        self.by_first = by_first
        self.rest = rest
        self.openings = openings or {}
        self._search = pattern.search
        self._rest = rest.search if rest is not None else None
        # by_first and openings in one table, (search, length, openings): one lookup a line (most lines end there)
        self._gates = {c: (some, *self.openings.get(c, (0, frozenset()))) for c, some in by_first.items()}

    def search(self, text: str) -> re.Match[str] | None:
        first = text[:1]
        if not first or first >= "\x80":
            return self._search(text)
        gate = self._gates.get(first)
        if gate is not None:
            some, n, heads = gate
            if not n or (head := text[:n].lower()) in heads or not head.isascii():
                found = some(text)
                if found is not None:
                    return found
        return None if self._rest is None else self._rest(text)

    def __repr__(self) -> str:
        return f"StartGated({self.pattern!r})"


def alternation(anchored: list[str], others: list[str], flags: int) -> re.Pattern[str]:
    """One pattern for a list: the ``anchored`` ones (each meant after a ``^``) under one
    shared ``^`` (the engine then tries them at the start only, instead of failing each
    at every position of the text), then the ``others``."""
    parts = [f"^(?:{'|'.join(f'(?:{v})' for v in anchored)})"] if anchored else []
    parts += [f"(?:{v})" for v in others]
    return re.compile("|".join(parts), flags)


def dispatched(anchored: list[str], others: list[str], flags: int) -> re.Pattern[str] | StartGated:
    """The list's :func:`alternation`, behind a table by first character (see
    :class:`StartGated`) when some anchored pattern has a first-character set."""
    whole = alternation(anchored, others, flags)
    starts = [first_chars(alternation([v], [], flags)) for v in anchored]
    if all(s is None for s in starts):
        return whole
    without = [v for v, s in zip(anchored, starts, strict=False) if s is None]
    rest = alternation(without, others, flags) if without or others else None
    chars = sorted(set().union(*(s for s in starts if s is not None)))
    # the alternatives each character may start, in their order; one pattern per set
    subsets = {c: tuple(v for v, s in zip(anchored, starts, strict=False) if s is not None and c in s) for c in chars}
    searches = {subset: alternation(list(subset), [], flags).search for subset in set(subsets.values())}
    opened = {v: heads(alternation([v], [], flags)) for v, s in zip(anchored, starts, strict=False) if s is not None}
    by_first: dict[str, Callable[[str], Any]] = {c: searches[subset] for c, subset in subsets.items()}
    openings = {c: _opening(c, [opened[v] for v in subsets[c]]) for c in chars}
    return StartGated(whole, by_first, rest, {c: o for c, o in openings.items() if o[0] > 1})


def _opening(first: str, opened: list[frozenset[str]]) -> tuple[int, frozenset[str]]:
    """(length, openings) that a text starting with ``first`` is read to, from the
    :func:`heads` of the alternatives it may start (each read as far as the shortest
    lists it): ``(1, ...)`` when one lists none."""
    own = [{h for h in hs if h[:1] == first.lower()} for hs in opened]
    if not all(own):
        return 1, frozenset()
    n = min(len(h) for hs in own for h in hs)
    return n, frozenset(h[:n] for hs in own for h in hs)


def opening_test(*patterns: re.Pattern[str] | StartGated) -> Callable[[str], bool] | None:
    """A test for whether a text may open as a match of any of ``patterns`` does (their
    tables' first characters and openings, merged; a text that opens beyond ASCII may),
    for a loop that hands on the lines a search may find; None when one has no gate."""
    tables = [p for p in patterns if isinstance(p, StartGated) and p.starts is not None]
    if len(tables) < len(patterns):
        return None
    starts = frozenset().union(*(t.starts or () for t in tables))
    openings: dict[str, tuple[int, frozenset[str]]] = {}
    for c in starts:
        own = [t.openings.get(c, (1, frozenset())) for t in tables if t.starts is not None and c in t.starts]
        n = min(k for k, _ in own)
        if n > 1:
            openings[c] = (n, frozenset(h[:n] for _, hs in own for h in hs))

    def opens(text: str) -> bool:
        first = text[:1]
        if first not in starts:
            return first >= "\x80"
        opening = openings.get(first)
        if opening is None:
            return True
        head = text[: opening[0]].lower()
        return head in opening[1] or not head.isascii()

    return opens


def search_and_starts(pattern: re.Pattern[str] | StartGated) -> tuple[Callable[[str], Any], frozenset[str] | None]:
    """(a search, the start set or None) of a pattern, for loops that inline the
    gate: ``starts is None or first in starts or first >= "\\x80"`` before the search.
    The search is :meth:`StartGated.search` where the table reads further than the
    first character (a line that passes the gate may open with none of the openings)
    or where alternatives of no start set leave no gate (it tries those and, by the
    table, the few others that may start as the text does, not the whole list on every
    line); otherwise the whole pattern's."""
    if isinstance(pattern, StartGated):
        if pattern.rest is None and not pattern.openings:
            return pattern.pattern.search, pattern.starts
        return pattern.search, pattern.starts
    return pattern.search, None
