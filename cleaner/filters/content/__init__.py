"""Main content: keep the article's run of prose, drop the page chrome around and inside it.

Scraped text is often a whole page flattened to lines: menus, link lists and share bars
first and last, the article in the middle. With no markup to go by, the stage judges each
line on its own text, in jusText's flat steps: each line's class (:mod:`.classes`); the
pass-through test (:mod:`.passthrough`); the run, the contiguous lines with the largest
weight (:mod:`.run`); its edges, a one-line lede and a closing line (:mod:`.edges`); and
the context inside it (:mod:`.context`). Everything outside the run is dropped, with where
it was as the reason. Before the block filters, the survey (:mod:`.survey`) marks the
lines of a page full of chrome that cannot be the article's.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ...document import Block, Page, inside_bounds
from ..base import Filter
from ..shape import title_repeat
from .classes import BAD, GOOD, SHORT, SHORT_SENTENCE, UNSEEN, Classifier, page_stopwords, stopwords
from .context import REPEAT, mark_repeats, revise
from .edges import Beyond, closing, lede, trim
from .options import Options
from .passthrough import little_chrome, starts_with_article
from .run import heaviest, page_weights, under_title
from .survey import survey

__all__ = ["MainContent", "Options", "stopwords"]
#: (local classes, run start, run end, final classes); start -1 if no article.
Verdict = tuple[list[str], int, int, list[str]]


class MainContent(Filter):
    name = "content"
    summary = "Keep the article's contiguous run of prose; drop menus, link lists and share bars around and inside it."
    #: HTML bodies arrive already extracted by trafilatura, which sees the markup this
    #: stage has to guess from: cutting them again loses article text (F1 0.976 -> 0.946).
    kinds = ("text",)
    patterns = {"bylines": ("prompts", "comment_bylines")}  # readers' comments (see survey.py)
    bylines: Any
    defaults = asdict(Options())

    def __init__(self, data: Any, **options: Any):
        super().__init__(data, **options)
        o = self.o = Options(**self.options)
        # the lines the survey leaves outside (not prose) weigh against any run, and may be
        # left unclassed, when every class but good and near-good weighs against it ...
        self._outside_weighs_against = o.bad_weight > 0 and o.short_weight > 0 and o.short_sentence_weight < 0
        # ... and the reach may narrow to the run the survey expects when weights can be bounded
        self._narrows = self._outside_weighs_against and 0 <= o.before_title_weight <= 1 and o.cut_weight >= 0

    def survey(self, page: Page) -> None:
        survey(page, self.o, self.bylines, self._narrows)

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        if not blocks:
            return
        verdict = self.classify(blocks, page.metadata.get("language"), len(page.removed), page.narrowed)
        if verdict is None:
            page.widen = True  # the pipeline runs the block filters again on the whole page
            return
        classes, start, end, final = verdict
        if start < 0 and BAD in classes:
            self.drop_all(page, blocks, "no article text: every line looks like navigation")
        if start < 0:
            return
        self.drop_all(page, blocks[:start], "before the article")
        for i in range(start, end + 1):
            if final[i] == REPEAT:
                self.drop(page, blocks[i], "repeats text kept above it")
            elif final[i] == BAD:
                self.drop(page, blocks[i], f"inside the article, looks like chrome ({classes[i]})")
        self.drop_all(page, blocks[end + 1 :], "after the article")

    def classify(
        self, blocks: list[Block], language: str | None, removed: int = 0, narrowed: bool = False
    ) -> Verdict | None:
        """(local classes, run start, run end, final classes), start -1 if no article, for a
        page ``removed`` lines of which earlier filters took out as chrome; None when the
        survey ``narrowed`` it and the lines outside the reach are needed."""
        try:
            return self._classify(blocks, language, removed, narrowed)
        except Beyond:
            return None

    def _classify(self, blocks: list[Block], language: str | None, removed: int, narrowed: bool) -> Verdict:
        o, n = self.o, len(blocks)
        # 1. each line's class
        classifier = Classifier(stopwords(language) or page_stopwords(blocks, o.fallback_stopwords), o)
        local = classifier.lines(blocks, self._outside_weighs_against)
        if UNSEEN in local and local.count(BAD) + removed < max(1, o.min_chrome_lines):
            local = classifier.lines(blocks, lazy=False)  # too little chrome among the others: they decide
        classes = [SHORT if c == SHORT_SENTENCE else c for c in local]
        # 2. the pass-through test
        anchor, passes = 0, little_chrome(classes, removed, o)
        if not passes and GOOD in classes:
            anchor = title_repeat(blocks, o.title_search)
            passes = not anchor and starts_with_article(blocks, classes, o)
        if passes or GOOD not in classes:
            if narrowed:
                raise Beyond  # passing through, or having no article, is a verdict on the whole page
            return (classes, 0, n - 1, [GOOD] * n) if passes else (classes, -1, -1, [BAD] * n)
        # 3. the run, 4. its edges, 5. the context inside it
        reach = inside_bounds(blocks) if self._outside_weighs_against and o.before_title_weight >= 0 else (0, n)
        start, end = trim(blocks, classes, *self._run(blocks, local, anchor, reach, narrowed), o)
        first = lede(blocks, local, start)
        last = closing(blocks, local, classifier, end, o, reach[1] if narrowed else None)
        revised = revise(classes[start : end + 1])  # (the lede and the closing line are good)
        final = [BAD] * first + [GOOD] * (start - first) + revised + [GOOD] * (last - end) + [BAD] * (n - last - 1)
        mark_repeats(blocks, final, first, last)
        return classes, first, last, final

    def _run(
        self, blocks: list[Block], local: list[str], anchor: int, reach: tuple[int, int], narrowed: bool
    ) -> tuple[int, int]:
        """The article's run (before its edges) within ``reach``. On a narrowed page the
        lines below it weigh their bounds, and a run that might take them in needs them."""
        ws, gaps = page_weights(blocks, local, self.o, anchor, reach, narrowed)
        run = heaviest(ws, gaps)
        start, end = under_title(ws, gaps, local, self.o, anchor, run)
        if narrowed and max(run[1], end) >= reach[1]:
            raise Beyond
        return start, end
