"""A recipe's card beside the article: its ingredients under their heading, then its steps under theirs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...document import Block
from .classes import GOOD, NEARGOOD, SHORT_SENTENCE
from .options import Options

#: What a step ends in: a full stop (a list's lines after the card, "Share this!", "You may also like:", do not).
_STEP_ENDS = frozenset(".。")


def headings(blocks: list[Block], local: list[str], pattern: Any, lines: range) -> Iterator[int]:
    """The lines among ``lines`` that ``pattern`` (the data's headings) finds: short ones only (a heading never
    reads as prose), so that a page without a card costs a search of few lines."""
    search = pattern.search
    return (j for j in lines if local[j] != GOOD and local[j] != NEARGOOD and search(blocks[j].text))


def card(
    blocks: list[Block],
    local: list[str],
    patterns: tuple[Any, Any] | None,
    marks: list[int],
    run: tuple[int, int],
    o: Options,
) -> range:
    """The lines of a recipe's card within ``card_lines`` lines of the ``run``: from an ingredients heading through
    the steps under a steps heading at most ``card_lines`` below it, each step a sentence no more than ``card_gap``
    lines below the one before; empty if there is none. ``patterns``: both headings'."""
    if patterns is None:
        return range(0)
    (ingredients, steps), (first, last), n = patterns, run, len(blocks)
    near = range(max(0, first - o.card_lines), min(n, last + o.card_lines + 1))
    i = next(headings(blocks, local, ingredients, near), -1)
    k = next(headings(blocks, local, steps, range(i + 1, min(n, i + o.card_lines + 1))), -1) if i >= 0 else -1
    if k < 0 or any(marks[i:k]):
        return range(0)
    end = k
    for j in range(k + 1, min(n, k + 1 + o.card_lines)):
        if marks[j] or j - end > o.card_gap:
            break
        if local[j] in (GOOD, NEARGOOD, SHORT_SENTENCE) and blocks[j].text[-1:] in _STEP_ENDS:
            end = j
    return range(i, end + 1) if end > k else range(0)
