"""Context inside the run: short and near-good lines take their neighbours' class, as jusText revises them."""

from __future__ import annotations

from .classes import BAD, GOOD, NEARGOOD, SHORT


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
