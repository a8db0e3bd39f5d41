"""The survey: on a page full of chrome, mark the lines outside the article's reach, for the
filters that only drop chrome (``scope = "article"``) to leave alone.

The article's run starts at a prose-like line (good or near-good) and ends at one or just
after it: the lines before the first such line and after the last can only be dropped
(``scope_margin`` lines around them stay in reach), and those too short to be prose need
no class. Below the article there are often teasers, comments or a second menu,
prose-like too: the reach ends ``scope_run_margin`` lines below the run the survey
expects the article in (``page.narrowed``), each line weighed at the most it can weigh
once the other filters have run (:func:`.run.bounds`). Where the final pass finds that
the run may reach beyond, the block filters run again on the whole page: the body comes
out as without the narrowing. (Above the run it does not narrow: the filters that read
the page's head, the title's among them, see it as they would without the survey.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...document import Block, Page
from ..prompts import mark_comment_bylines
from ..shape import title_repeat
from .classes import BAD, GOOD, NEARGOOD, Classifier, stopwords
from .edges import comments_from
from .options import Options
from .run import bounds, heaviest, run_through


def survey(page: Page, o: Options, bylines: Any, narrows: bool) -> None:
    """Mark the lines outside the article's reach (with ``narrows``, narrowed below the run)."""
    blocks, need = page.blocks, o.scope_min_chrome
    stops = stopwords(page.metadata.get("language"))
    if not stops or len(blocks) < need:
        return
    classifier = Classifier(stops, o)
    first, bad = _prose(blocks, range(len(blocks)), classifier, 0, need)
    if first < 0:
        return
    last, bad = _prose(blocks, range(len(blocks) - 1, first, -1), classifier, bad, need)
    last = max(last, first)
    if bad < need and bad + sum(classifier.of(b) == BAD for b in blocks[first + 1 : last]) < need:
        return
    mark_comment_bylines(blocks, bylines)  # where readers' comments start, before the scoped filters look
    lo, hi = max(0, first - o.scope_margin), last + 1 + o.scope_margin
    if o.scope_run_margin and page.narrow and narrows:
        end = _expected_end(blocks, first, last, classifier, o) + 1 + o.scope_run_margin
        if end < hi:
            hi, page.narrowed = end, True
    for b in blocks[:lo] + blocks[hi:]:
        b.outside = True


def _prose(blocks: list[Block], order: Iterable[int], classifier: Classifier, bad: int, need: int) -> tuple[int, int]:
    """(index of the first prose-like line in ``order`` or -1, ``bad`` plus the chrome-like
    lines before it); once ``need`` are counted, lines too short for prose are not classed."""
    for i in order:
        if bad >= need and len(blocks[i].text) < classifier.o.length_low:
            continue
        c = classifier.of(blocks[i])
        if c == GOOD or c == NEARGOOD:
            return i, bad
        bad += c == BAD
    return -1, bad


def _expected_end(blocks: list[Block], first: int, last: int, classifier: Classifier, o: Options) -> int:
    """Where the article's run is expected to end: the heaviest run of lines ``first`` to
    ``last`` at their bounds, or the run under the title's repetition (the final pass may
    prefer either)."""
    window = blocks[first : last + 1]
    local = [classifier.of(b) for b in window]
    ws, zeros = bounds(window, local, o), [0.0] * len(window)
    comments = comments_from(window, local)
    if comments is not None:
        ws[comments:] = [min(w, 0.0) for w in ws[comments:]]
    end = heaviest(ws, zeros)[1]
    anchor = title_repeat(blocks, o.title_search)
    below = range(max(anchor + 1, first), min(last + 1, anchor + 1 + o.title_reach))
    good = next((j for j in below if local[j - first] == GOOD), None)
    if anchor and good is not None:
        end = max(end, run_through(ws, zeros, good - first)[1])
    return end + first
