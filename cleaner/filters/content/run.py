"""The article's run: the heaviest contiguous lines, how far they reach, their edges, the lines that join them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from ...document import Block
from ..base import DataPattern, matching
from ..prompts import COMMENT
from ..script import width
from ..shape import ends_sentence, has_words, is_prose, lower_share
from .classes import BAD, CHROME, FREE, GOOD, NEARGOOD, SHORT, SHORT_SENTENCE, Options

#: What a step ends in: a full stop (a list's lines after the card, "Share this!", "You may also like:", do not).
_STEP_ENDS = frozenset(".。")


def weights(blocks: list[Block], classes: list[str], marks: list[int], o: Options) -> list[float]:
    """Each line's weight in a run: per character, for the run or against it."""
    per_char = {GOOD: 1.0, NEARGOOD: o.neargood_weight, SHORT: -o.short_weight, BAD: -o.bad_weight, FREE: 0.0}
    per_char[SHORT_SENTENCE], floor = o.short_sentence_weight, o.min_block_cost
    ws = [  # (an ASCII line's width is its length: most lines take no call)
        -floor if c == CHROME else per_char[c] * (n if c == GOOD or n > floor else floor)
        for c, n in zip(classes, [len(t) if t.isascii() else width(t) for t in [b.text for b in blocks]], strict=True)
    ]
    comments = marks.index(COMMENT) if COMMENT in marks else 0
    if GOOD in classes[:comments]:
        ws[comments:] = [min(w, 0.0) for w in ws[comments:]]
    return ws


def stretch(ws: list[float], j: int, step: int, marks: list[int] | None = None) -> tuple[int, float]:
    """(far end, weight) of the heaviest stretch from line ``j`` on in direction ``step``, short of a marked line."""
    total, best, far = 0.0, 0.0, j - step
    while 0 <= j < len(ws) and not (marks and marks[j]):
        if (total := total + ws[j]) > best:
            best, far = total, j
        j += step
    return far, best


def reach(
    blocks: list[Block], ws: list[float], classes: list[str], marks: list[int], k: int, step: int, o: Options
) -> int:
    """How far the run reaches from its edge ``k`` in direction ``step``, across short gaps to heavy prose."""
    enough, n = o.join_weight if step > 0 else o.join_weight_above, len(classes)
    a, b = sorted((k, stretch(ws, k, -step, marks)[0]))  # lines of the edge's stretch (a title's run holds menus) ...
    seen = {blocks[i].text for i in range(a, b + 1) if classes[i] != GOOD and has_words(blocks[i].text, 2)}
    while not (step < 0 and marks[k]):  # (nor does a run that starts at one reach above it)
        j, repeats = k + step, 0  # ... a gap repeats (an item's credit, its call to action): free, a lower bar
        while 0 <= j < n and classes[j] != GOOD and not marks[j] and abs(j - k) - repeats <= o.max_gap_lines:
            j, repeats = j + step, repeats + (blocks[j].text in seen)
        if not 0 <= j < n or classes[j] != GOOD or marks[j]:
            break
        far, best = stretch(ws, j, step, marks)
        announces = step > 0 and blocks[j].text.endswith(":")  # prose leading in to a list or table (see tail)
        if (best < (min(enough, o.join_weight_repeat) if repeats else enough) and not announces) or best <= 0:
            break
        k = far
    return k


def under_title(blocks: list[Block], ws: list[float], cls: list[str], o: Options, anchor: int, share: float) -> tuple:
    """(start, end) of the heaviest run, or of the run under the ``anchor`` if it weighs enough."""
    best, start, end, total, first = float("-inf"), 0, -1, 0.0, 0
    for k, w in enumerate(ws):  # the heaviest run
        total, first = (0.0, k) if total <= 0 else (total, first)
        if (total := total + w) > best:
            best, start, end = total, first, k
    if anchor and start > anchor + o.title_reach:  # (past a template, teasers' or comments', at the title's share ...
        run = [b.text for b, c in zip(blocks[start : end + 1], cls[start : end + 1], strict=True) if c != GOOD]
        shapes = Counter(t.encode().translate(None, b"0123456789") for t in run if has_words(t, 2)).values()
        if far := max(shapes, default=0) >= o.template_lines:  # (a line's shape, figures aside: "7H ago 08:51")
            share = o.title_run_share
        for j in range(anchor + 1, start if far else anchor + 1 + o.title_reach):  # ... and however far below)
            if cls[j] == GOOD and opens_article(blocks[j].text, GOOD, o.length_paragraph):  # (no caption: "(AP)")
                (left, above), (right, below) = stretch(ws, j - 1, -1), stretch(ws, j + 1, 1)  # the run through j
                return (left, right) if above + ws[j] + below >= share * best else (start, end)
    return start, end


def opens_article(text: str, cls: str, paragraph: int) -> bool:
    """Whether a line can open the article: good prose (or long, or a lead-in), or a near-good sentence."""
    if cls == GOOD:
        return len(text) >= paragraph or is_prose(text) or (text[-1:] == ":" and is_prose(text[:-1] + "."))
    return cls == NEARGOOD and ends_sentence(text, colon=True, dots=False) and is_prose(text)


def trim(
    blocks: list[Block], classes: list[str], marks: list[int], start: int, end: int, o: Options
) -> tuple[int, int]:
    """The run from its first paragraph (:func:`opens_article`) to above a comment mark (not a count just under it)."""
    while start < end and not opens_article(blocks[start].text, classes[start], o.length_paragraph):
        start += 1
    bar = start + o.share_bar_lines
    return start, next((i - 1 for i in range(start + 1, end + 1) if marks[i] == COMMENT or marks[i] and i > bar), end)


def is_lede(text: str, cls: str) -> bool:
    """Whether a line can stand in a lede: a sentence of a few words, mostly in lower case."""
    ends = ends_sentence(text, dots=False) or (cls == NEARGOOD and text[-1:] not in ":.…")
    return cls in (SHORT_SENTENCE, NEARGOOD, GOOD) and ends and text.count(" ") >= 3 and lower_share(text) >= 0.6


def above(blocks: list[Block], local: list[str], anchor: int, start: int, o: Options) -> list[int]:
    """The lines above the run's first paragraph ``start`` that are the article's: its lede and the prose above it."""
    first = start
    while first and start - first < o.max_lede_lines and is_lede(blocks[first - 1].text, local[first - 1]):
        first -= 1
    prose = [i for i in range(anchor, first) if local[i] in (GOOD, NEARGOOD)]
    prose = [i for i in prose if ends_sentence(blocks[i].text, colon=True, dots=False)]
    good = sum(width(blocks[i].text) for i in prose if local[i] == GOOD)
    return (prose if o.min_prose_above and good >= o.min_prose_above else []) + list(range(first, start))


def lead_in(text: str, cls: str) -> bool:
    """Whether a line of prose leads in to a list with a colon."""
    return (cls == GOOD or cls == SHORT_SENTENCE) and text.endswith(":")


def tail(blocks: list[Block], local: list[str], marks: list[int], end: int, o: Options) -> int:
    """The run's last line: ``end``, or the closing sentences below it, or the end of the list it leads in to."""
    n = len(blocks)
    j = end + 2 if end + 2 < n and not any(map(str.isalnum, blocks[end + 1].text)) else end + 1  # (a divider: "___")
    while j < n and not marks[j] and local[j] == SHORT_SENTENCE and ends_sentence(blocks[j].text, True, False):
        end, j = j, n if blocks[j].text[-1:] == ":" else j + 1  # (the last closing sentence may lead in to a list)
    if not lead_in(blocks[end].text, local[end]) or end + 1 >= n:
        return end
    group, j = blocks[end + 1].group, end + 1
    while j < min(n, end + 1 + o.max_list_items) and blocks[j].group == group and not marks[j] and local[j] != CHROME:
        j += 1
    return j - 1 if j - 1 - end >= o.min_list_lines else end


def headings(blocks: list[Block], local: list[str], pattern: DataPattern, lines: range) -> Iterator[int]:
    """The lines among ``lines`` that ``pattern`` finds, short ones only (a heading never reads as prose)."""
    return (j for j, _ in matching(blocks, pattern, lines) if local[j] != GOOD and local[j] != NEARGOOD)


def card(blocks: list[Block], local: list[str], marks: list[int], run: range, patterns: Any, o: Options) -> range:
    """The lines of a recipe's card near the ``run`` (``patterns``: its two headings'), or an empty range."""
    (ingredients, steps), n = patterns, len(blocks)
    near = range(max(0, run.start - o.card_lines), min(n, run.stop + o.card_lines))
    i = next(headings(blocks, local, ingredients, near), -1)
    end = k = next(headings(blocks, local, steps, range(i + 1, min(n, i + o.card_lines + 1))), -1) if i >= 0 else -1
    if k < 0 or any(marks[i:k]):
        return range(0)
    for j in range(k + 1, min(n, k + 1 + o.card_lines)):
        if marks[j] or j - end > o.card_gap:
            break
        if local[j] in (GOOD, NEARGOOD, SHORT_SENTENCE) and blocks[j].text[-1:] in _STEP_ENDS:
            end = j
    return range(i, end + 1) if end > k else range(0)
