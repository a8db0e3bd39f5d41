"""The article's run: the contiguous lines of the largest weight, and how far it reaches."""

from __future__ import annotations

from ...document import Block
from ..prompts import COMMENT
from ..script import width
from .classes import BAD, CHROME, FREE, GOOD, NEARGOOD, SHORT, SHORT_SENTENCE
from .options import Options


def weights(blocks: list[Block], classes: list[str], marks: list[int], anchor: int, o: Options) -> list[float]:
    """Each line's weight in a run: per character, for the run or against it."""
    per_char = {GOOD: 1.0, NEARGOOD: o.neargood_weight, SHORT: -o.short_weight, BAD: -o.bad_weight}
    per_char[SHORT_SENTENCE], per_char[FREE] = o.short_sentence_weight, 0.0
    floor = o.min_block_cost
    ws = [
        -floor if c == CHROME else per_char[c] * (width(b.text) if c == GOOD else max(width(b.text), floor))
        for c, b in zip(classes, blocks, strict=True)
    ]
    ws[:anchor] = [w * o.before_title_weight if w > 0 else w for w in ws[:anchor]]
    comments = marks.index(COMMENT) if COMMENT in marks else 0
    if GOOD in classes[:comments]:
        ws[comments:] = [min(w, 0.0) for w in ws[comments:]]
    return ws


def stretch(ws: list[float], j: int, step: int, marks: list[int] | None = None) -> tuple[int, float]:
    """(far end, weight) of the heaviest stretch from line ``j`` on in direction ``step``, short of a marked line."""
    total, best, far = 0.0, 0.0, j - step
    while 0 <= j < len(ws) and not (marks and marks[j]):
        total += ws[j]
        if total > best:
            best, far = total, j
        j += step
    return far, best


def reach(ws: list[float], classes: list[str], marks: list[int], k: int, step: int, o: Options) -> int:
    """How far the run reaches from its edge ``k`` in direction ``step``, across short gaps to heavy prose."""
    enough, n = o.join_weight if step > 0 else o.join_weight_above, len(classes)
    while not (step < 0 and marks[k]):  # (nor does a run that starts at one reach above it)
        j = k + step
        while 0 <= j < n and classes[j] != GOOD and not marks[j] and abs(j - k) <= o.max_gap_lines:
            j += step
        if not 0 <= j < n or classes[j] != GOOD or marks[j]:
            break
        far, best = stretch(ws, j, step, marks)
        if best < enough or best <= 0:  # (best 0: no stretch found)
            break
        k = far
    return k


def under_title(ws: list[float], local: list[str], o: Options, anchor: int, share: float) -> tuple[int, int]:
    """(start, end) of the heaviest run, or of the run under the title's repetition ``anchor`` if it weighs enough."""
    best, start, end, total, first = float("-inf"), 0, -1, 0.0, 0
    for k, w in enumerate(ws):  # the heaviest run
        if total <= 0:
            total, first = 0.0, k
        total += w
        if total > best:
            best, start, end = total, first, k
    if anchor and start > anchor + o.title_reach:
        for j in range(anchor + 1, min(len(ws), anchor + 1 + o.title_reach)):
            if local[j] == GOOD:  # the heaviest run through line j: the heaviest stretches on either side
                (left, above), (right, below) = stretch(ws, j - 1, -1), stretch(ws, j + 1, 1)
                return (left, right) if above + ws[j] + below >= share * best else (start, end)
    return start, end
