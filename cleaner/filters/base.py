"""The filter interface: a small named unit that keeps, drops or moves blocks."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, TypeAlias

from mypy_extensions import mypyc_attr

from ..config import ConfigError, option_bounds
from ..data import LanguageData
from ..data.anchored import StartGated, search_and_starts
from ..document import Block, Page

#: What an entry of ``patterns`` gives a filter: one compiled alternation (``search`` it).
DataPattern: TypeAlias = re.Pattern[str] | StartGated
#: What an entry of ``phrases`` gives a filter: the case-folded phrases.
Phrases: TypeAlias = frozenset[str]


def option_range(cls: type[Filter], key: str) -> tuple[float, float]:
    """The range of a filter's number option, both ends included: as ``data/_common/option_bounds.toml``
    declares it, else from 0 (a count or a threshold)."""
    return option_bounds().get(cls.name, {}).get(key, (0, math.inf))


def _in_words(low: float, high: float) -> str:
    """A range as the message that refuses a value outside it says it (``:g``: a bound is
    a float in the compiled build, and 0 reads better than 0.0)."""
    if low > -math.inf and high < math.inf:
        return f" from {low:g} to {high:g}"
    if low > -math.inf:
        return f" of at least {low:g}"
    return f" of at most {high:g}" if high < math.inf else ""


def _check_option(cls: type[Filter], key: str, value: Any) -> None:
    """Refuse an option of another type than its default's (a whole number where the
    default is one, any number where it is a share), or a number out of its range
    (:func:`option_range`), naming the filter, the option and what it takes."""
    default = cls.defaults[key]
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        kind, taken = f"a {type(default).__name__}", isinstance(value, type(default))
    else:
        low, high = option_range(cls, key)
        whole = isinstance(default, int)
        kind = ("a whole number" if whole else "a number") + _in_words(low, high)
        taken = isinstance(value, int if whole else (int, float)) and not isinstance(value, bool)
        taken = taken and low <= value <= high
    if not taken:
        raise ConfigError(f"filter {cls.name!r}: option {key} must be {kind} (default {default!r}), not {value!r}")


# Compiled (docs/benchmarks.md, "Compiled build"), a filter is a native class: its
# attributes, those set from the data too, are the ones declared. Filters written
# elsewhere (tests, users) subclass it in Python.
@mypyc_attr(allow_interpreted_subclasses=True)
class Filter:
    """Base class of all filters.

    A subclass sets ``name`` (used by ``--disable`` and in ``removed`` records), a
    one-line ``summary`` and, if it takes options, their ``defaults`` (the range
    of a number option: :func:`option_range`); the phrase data
    it reads it names in ``patterns`` and ``phrases`` (attribute -> (family, key)),
    loaded on construction as one compiled alternation or one set of case-folded phrases
    (each attribute declared in the class body, as ``DataPattern`` or ``Phrases``). Filters of
    stage ``"text"`` see the whole text before it is split into blocks and return
    the new text; filters of stage ``"blocks"`` look at ``page.blocks`` and drop
    blocks with :meth:`drop` or move what they learn into ``page.metadata``.
    Filters must be idempotent: on their own output they remove nothing.
    """

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    stage: ClassVar[str] = "blocks"
    #: The input kinds the filter runs on. HTML input reaches the filters as the body
    #: an extractor already cut out of the page, so a filter that finds the article in
    #: a whole flattened page (and would cut into an extracted body) says ``("text",)``.
    kinds: ClassVar[tuple[str, ...]] = ("text", "html")
    #: ``"page"``: the filter sees every line. ``"article"``: a filter that only drops
    #: chrome (and learns no metadata) does not see, on a flattened page, the lines the
    #: main-content stage drops below the page's head: they go anyway, and looking at
    #: them is wasted (on a flattened page most lines are not the article's).
    scope: ClassVar[str] = "page"
    defaults: ClassVar[dict[str, Any]] = {}
    patterns: ClassVar[dict[str, tuple[str, str]]] = {}
    phrases: ClassVar[dict[str, tuple[str, str]]] = {}

    def __init__(self, data: LanguageData, **options: Any):
        unknown = set(options) - set(self.defaults)
        if unknown:
            raise ConfigError(
                f"filter {self.name!r} has no option(s) {', '.join(sorted(unknown))}; "
                f"it takes: {', '.join(sorted(self.defaults)) or 'none'}"
            )
        for key, value in options.items():
            _check_option(type(self), key, value)
        self.data = data
        self.options = {**self.defaults, **options}
        for attr, (family, key) in self.patterns.items():
            setattr(self, attr, data.pattern(family, key))
        for attr, (family, key) in self.phrases.items():
            setattr(self, attr, data.phrase_set(family, key))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data.language!r})"

    def drop(self, page: Page, block: Block, reason: str) -> None:
        page.drop(block, self.name, reason)

    def survey(self, page: Page) -> None:
        """Before the block filters run: look over the whole page (most filters do not)."""

    def consult(self, filters: list[Filter]) -> None:
        """Given the pipeline's filters (those switched off too) before any page: the
        filters it may ask :meth:`chrome` (most filters ask none)."""

    def drop_all(self, page: Page, blocks: list[Block], reason: str) -> None:
        page.drop_all(blocks, self.name, reason)

    def chrome(self, block: Block) -> str | None:
        """Why the filter drops ``block`` on its text alone, or None. The main-content
        stage asks it of every line before any filter runs, whether this one runs or
        not: what a filter knows informs the article's run, its removals do not."""
        return None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        """The lines :meth:`chrome` may give a reason for (a cheap gate turns most away)."""
        return blocks

    def apply(self, page: Page) -> None:
        """Blocks stage: inspect ``page.blocks``; drop, keep, or record metadata. By
        default: drop each line :meth:`chrome` gives a reason for."""
        chrome, name, blocks = self.chrome, self.name, page.blocks
        for b in blocks:  # (lines the content stage asked about: answered; a loop, not any(): no generator resumed)
            if b.said is not None:
                blocks = [b for b in blocks if b.said is None or name in b.said]
                break
        for block in self.candidates(blocks):
            said = block.said
            reason = chrome(block) if said is None else said[name]
            if reason:
                self.drop(page, block, reason)

    def apply_text(self, text: str, page: Page) -> str:
        """Text stage: return the text with what this filter removes taken out."""
        raise NotImplementedError


def ask(filters: list[Filter], blocks: list[Block]) -> bool:
    """Ask ``filters`` whether they call each of ``blocks`` chrome on its text alone; whether any does. What they
    say stays on each block (:attr:`~cleaner.document.Block.said`): :meth:`Filter.apply` takes it, not asking again,
    and so does a second ``ask`` (a line asked before is answered from what it said)."""
    fresh = [b for b in blocks if b.said is None]
    said: dict[int, dict[str, str]] = {id(b): {} for b in fresh}
    for f in filters:
        for block in f.candidates(fresh):
            reason = f.chrome(block)
            if reason:
                said[id(block)][f.name] = reason
    for block in fresh:
        block.said = said[id(block)]
    return any(b.said for b in blocks)


def ask_top_down(filters: list[Filter], blocks: list[Block], first: int = 8) -> bool:
    """:func:`ask` for whether any of ``blocks`` is chrome, asked in slices that double from the top, where a page's
    chrome stands: no further than the slice that holds a line the filters call chrome (asking costs a line)."""
    start, end = 0, first
    while start < len(blocks):
        if ask(filters, blocks[start:end]):
            return True
        start, end = end, 2 * end
    return False


def matching(blocks: list[Block], pattern: DataPattern, lines: range | None = None) -> Iterator[tuple[int, Block]]:
    """(index, block) of the blocks (those at ``lines``, a range of step 1, if given) whose
    text ``pattern`` (a phrase pattern from the data) finds something in, with its
    first-character gate inlined: most lines are turned away without a call."""
    search, starts = search_and_starts(pattern)
    for i, block in enumerate(blocks) if lines is None else zip(lines, blocks[lines.start : lines.stop], strict=True):
        text = block.text
        first = text[:1]
        if (starts is None or first in starts or first >= "\x80") and search(text):
            yield i, block


class PatternFilter(Filter):
    """Drops short blocks matched by its one entry in ``patterns``, named ``pattern``.

    The patterns are anchored by the data (most to the block start); ``max_words``
    keeps a long paragraph that happens to start the same way in the body.
    """

    reason: ClassVar[str] = ""
    defaults = {"max_words": 30}
    pattern: DataPattern

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        # the pattern's gate by first character, for candidates' loop to inline: it turns most lines away
        self._search, self._starts = search_and_starts(self.pattern)

    def chrome(self, block: Block) -> str | None:
        text = block.text
        return self.reason if text.count(" ") < self.options["max_words"] and self.pattern.search(text) else None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        # chrome's tests, cheapest first, inlined: most lines are turned away without a call. (matching's loop with
        # the word bound before the search: called through matching, every caller's loop would pay for the bound)
        search, starts, spaces = self._search, self._starts, self.options["max_words"]
        for block in blocks:
            text = block.text
            first = text[:1]
            if (starts is None or first in starts or first >= "\x80") and text.count(" ") < spaces and search(text):
                yield block
