"""The article's run: the contiguous lines with the largest weight, good text for it and
the rest against it."""

from __future__ import annotations

from ...document import Block
from .classes import BAD, GOOD, NEARGOOD, SHORT, SHORT_SENTENCE, UNSEEN
from .edges import comments_from
from .options import Options


def weights(blocks: list[Block], classes: list[str], o: Options, anchor: int, comments: int | None) -> list[float]:
    """What each line weighs for a run it is in: good text above line ``anchor`` (the
    title's repetition) ``before_title_weight``, from line ``comments`` on nothing."""
    per_char = {GOOD: 1.0, NEARGOOD: o.neargood_weight, SHORT: -o.short_weight, BAD: -o.bad_weight, UNSEEN: -1.0}
    per_char[SHORT_SENTENCE] = o.short_sentence_weight
    floor = o.min_block_cost
    ws = [
        per_char[c] * (len(b.text) if c == GOOD else max(len(b.text), floor))
        for c, b in zip(classes, blocks, strict=False)
    ]
    for k in range(min(anchor, len(ws))):
        if ws[k] > 0:
            ws[k] *= o.before_title_weight
    if comments is not None:
        ws[max(0, comments) :] = [min(w, 0.0) for w in ws[max(0, comments) :]]
    # a list between paragraphs (min_list_lines short sentences or more, nothing else) costs nothing
    prev, gap = BAD, []
    for k, c in enumerate(classes):
        if c == SHORT_SENTENCE or c == SHORT:
            gap.append(k)
            continue
        if c == GOOD == prev and len(gap) >= o.min_list_lines and all(classes[g] == SHORT_SENTENCE for g in gap):
            ws[gap[0] : gap[-1] + 1] = [0.0] * len(gap)
        gap.clear()
        prev = c
    return ws


def bounds(blocks: list[Block], classes: list[str], o: Options) -> list[float]:
    """The most each line can weigh for a run once the other filters have run: a line they
    remove costs its cut (``cut_weight``) instead, a short sentence may end up in a list
    (free), and a line left unclassed (short: not prose) is bounded as a short sentence."""
    floor, least = o.min_block_cost, -o.cut_weight * o.min_block_cost
    costs = {NEARGOOD: o.neargood_weight, SHORT: -o.short_weight, BAD: -o.bad_weight}
    fixed = {SHORT_SENTENCE: 0.0, UNSEEN: 0.0} | {c: least for c, w in costs.items() if w * floor <= least}
    return [
        fixed[c] if c in fixed else float(len(b.text)) if c == GOOD else max(costs[c] * max(len(b.text), floor), least)
        for c, b in zip(classes, blocks, strict=False)
    ]


def page_weights(
    blocks: list[Block], local: list[str], o: Options, anchor: int, reach: tuple[int, int], bounded: bool
) -> tuple[list[float], list[float]]:
    """(ws, gaps): each line's weight, and what crossing from the line before to it costs
    (the lines earlier filters removed there were chrome). Runs lie within ``reach`` (lo,
    hi): the lines below it weigh their bounds if ``bounded``, else no run takes them in,
    nor any line above it."""
    lo, hi = reach
    comments = comments_from(blocks, local)  # below it, good text is a reader's
    ws = weights(blocks[lo:hi], local[lo:hi], o, anchor - lo, None if comments is None else comments - lo)
    gaps = [0.0] * (lo + 1) + [o.cut_weight * o.min_block_cost * b.cut for b in blocks[lo + 1 : hi]]
    gaps += [0.0] * (len(blocks) - len(gaps))  # (crossing into the reach or out of it: not known)
    after = bounds(blocks[hi:], local[hi:], o) if bounded else [float("-inf")] * (len(blocks) - hi)
    if bounded and comments is not None:
        after = [min(w, 0.0) if hi + k >= comments else w for k, w in enumerate(after)]
    return [float("-inf")] * lo + ws + after, gaps


def heaviest(ws: list[float], gaps: list[float]) -> tuple[int, int, float]:
    """(start, end, weight) of the heaviest run."""
    best, best_start, best_end = float("-inf"), 0, -1
    total, start = 0.0, 0
    for k, w in enumerate(ws):
        if total - gaps[k] <= 0:
            total, start = 0.0, k
        else:
            total -= gaps[k]
        total += w
        if total > best:
            best, best_start, best_end = total, start, k
    return best_start, best_end, best


def run_through(ws: list[float], gaps: list[float], j: int) -> tuple[int, int, float]:
    """(start, end, weight) of the heaviest run that holds line ``j``."""
    start, total, left = j, 0.0, 0.0
    for i in range(j - 1, -1, -1):
        total += ws[i] - gaps[i + 1]
        if total > left:
            left, start = total, i
    end, total, right = j, 0.0, 0.0
    for i in range(j + 1, len(ws)):
        total += ws[i] - gaps[i]
        if total > right:
            right, end = total, i
    return start, end, left + ws[j] + right


def under_title(
    ws: list[float], gaps: list[float], local: list[str], o: Options, anchor: int, run: tuple[int, int, float]
) -> tuple[int, int]:
    """``run`` (start, end, weight), or the run under the title's repetition (line
    ``anchor``) when ``run`` is far below it (a teaser list, the comments) and the run
    through the first good line within ``title_reach`` lines below it is not much lighter."""
    start, end, best = run
    if anchor and start > anchor + o.title_reach:
        for j in range(anchor + 1, min(len(ws), anchor + 1 + o.title_reach)):
            if local[j] == GOOD:
                through = run_through(ws, gaps, j)
                return (through[0], through[1]) if through[2] >= o.title_run_share * best else (start, end)
    return start, end
