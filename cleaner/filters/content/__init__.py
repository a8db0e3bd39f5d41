"""Main content: keep the article's run of prose, drop the page chrome around and inside it.

Scraped text is often a whole page flattened to lines: menus, link lists and share bars
first and last, the article in the middle. With no markup to go by, the stage judges each
line on its own text, in jusText's flat steps (:mod:`.survey`), once, before the other
block filters run; they then only remove, and the stage drops, last, what it judged not
the article's, with where it was as the reason. Readers' comments: :mod:`cleaner.comments`.
"""

from __future__ import annotations

from dataclasses import asdict
from itertools import groupby
from operator import attrgetter
from typing import Any

from ...document import Page
from ..base import Filter
from ..prompts import comment_marks
from ..words import page_stopwords, stopwords
from .classes import CHROME, GOOD, NEARGOOD, classify
from .options import Options
from .survey import judge

__all__ = ["MainContent", "Options"]


class MainContent(Filter):
    name = "content"
    summary = "Keep the article's contiguous run of prose; drop menus, link lists and share bars around and inside it."
    #: HTML bodies arrive already extracted by trafilatura, which sees the markup this
    #: stage has to guess from: cutting them again loses article text (F1 0.976 -> 0.946).
    kinds = ("text",)
    #: where readers' comments start, which the article does not cross; when the comments
    #: are wanted, the times they were written at and the comment form's notices too
    patterns = {
        "headings": ("prompts", "comment_headings"),
        "bylines": ("prompts", "comment_bylines"),
        "times": ("prompts", "comment_times"),
        "forms": ("prompts", "comment_forms"),
    }
    headings: Any
    bylines: Any
    times: Any
    forms: Any
    defaults = asdict(Options())

    def __init__(self, data: Any, **options: Any):
        super().__init__(data, **options)
        self.o = Options(**self.options)
        self.asked: list[Filter] = []

    def consult(self, filters: list[Filter]) -> None:
        self.asked = [f for f in filters if type(f).chrome is not Filter.chrome]

    def survey(self, page: Page) -> None:
        """Each line's verdict (:func:`.survey.judge`). A prose-like line that a filter,
        switched on or not, calls chrome on its text alone weighs as chrome; what the
        filters remove does not move the verdict."""
        blocks, o = page.blocks, self.o
        stops = stopwords(page.metadata.get("language"))
        local = classify(blocks, stops or page_stopwords(blocks, o.fallback_stopwords), o)
        prose = [b for b, c in zip(blocks, local, strict=True) if c == GOOD or c == NEARGOOD]
        flagged = {id(b) for f in self.asked for b in f.candidates(prose) if f.chrome(b)}
        if flagged:  # (a short line weighs against the run anyway)
            local = [CHROME if id(b) in flagged else c for b, c in zip(blocks, local, strict=True)]
        marks = comment_marks(blocks, self.headings, self.bylines)
        for block, verdict in zip(blocks, judge(blocks, local, marks, o, own_words=not stops), strict=True):
            block.verdict = verdict

    def apply(self, page: Page) -> None:
        for verdict, run in groupby(page.blocks, key=attrgetter("verdict")):
            if verdict:  # (runs of lines with one reason: most lines of a flattened page go)
                self.drop_all(page, list(run), verdict)
