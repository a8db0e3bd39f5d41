"""Context inside the run: short and near-good lines take their neighbours' class; a repeated paragraph goes."""

from __future__ import annotations

import re

from ...document import Block
from .classes import BAD, GOOD, NEARGOOD, SHORT

REPEAT = "repeat"  # a line of the run whose sentences were all kept above it
#: Whitespace after a sentence end, led by the space: the engine skips from space to space, not trying the lookbehind.
SENTENCE_SPLIT = re.compile(r"\s(?<=[.!?。！？]\s)\s*")
#: The first sentence's end and the space after it, led by the stop: the engine skips from stop to stop.
FIRST_END = re.compile(r"[.!?。！？]\s")


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    """The class of the nearest good or bad (or near-good) line from line ``i`` in direction ``step``, or bad."""
    wanted = (GOOD, BAD) if ignore_neargood else (GOOD, BAD, NEARGOOD)
    others = range(i + 1, len(classes)) if step > 0 else range(i - 1, -1, -1)
    return next((classes[j] for j in others if classes[j] in wanted), BAD)


def revise(classes: list[str]) -> list[str]:
    """jusText's context rules: short, then near-good lines take their neighbours' class."""
    final = list(classes)
    for i, c in enumerate(classes):
        if c == SHORT:
            prev, nxt = _neighbour(classes, i, -1, True), _neighbour(classes, i, 1, True)
            if prev == nxt:
                final[i] = prev
            else:  # good on one side, bad on the other: good if a near-good line is nearer on the bad side
                final[i] = GOOD if _neighbour(classes, i, -1 if prev == BAD else 1, False) == NEARGOOD else BAD
    for i, c in enumerate(classes):
        if c == NEARGOOD:
            final[i] = BAD if _neighbour(final, i, -1, True) == _neighbour(final, i, 1, True) == BAD else GOOD
    return final


def mark_repeats(blocks: list[Block], final: list[str], start: int, end: int) -> None:
    """Mark kept lines whose sentences all stood in kept lines above them (a repeated lede)."""
    above: list[str] = []  # the kept paragraphs above, case-folded ...
    seen: set[str] = set()  # ... and their sentences, split only when one may be repeated
    split, text_above = 0, ""
    for i in range(start, end + 1):
        if final[i] != GOOD:
            continue
        text = blocks[i].text.casefold()
        first = FIRST_END.search(text)
        if (text[: first.start() + 1] if first else text) in text_above:  # (most first sentences are not)
            for earlier in above[split:]:
                seen.update(SENTENCE_SPLIT.split(earlier))
            split = len(above)
            if all(x in seen for x in SENTENCE_SPLIT.split(text)):
                final[i] = REPEAT
        above.append(text)
        text_above += text + "\n"
