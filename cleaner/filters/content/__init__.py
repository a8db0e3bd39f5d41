"""Main content: keep the article's run of prose, drop the page chrome around and inside it.

Scraped text is often a whole page flattened to lines: menus, link lists and share bars
first and last, the article in the middle. With no markup to go by, the stage judges each
line on its own text, in jusText's flat steps: each line's class (:mod:`.classes`); the
pass-through test (:mod:`.passthrough`); the run, the contiguous lines with the largest
weight (:mod:`.run`); its edges, a one-line lede and a closing line (:mod:`.edges`); and
the context inside it (:mod:`.context`). The verdict is given once, on the page's own
lines, before the other block filters run (:mod:`.survey`); they then only remove, and
the stage drops, last, what it judged not the article's, with where it was as the reason.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ...document import Block, Page
from ..base import Filter
from ..prompts import comment_marks
from .classes import CHROME, GOOD, NEARGOOD, Classifier, page_stopwords, stopwords
from .comments import Reader, reads_as_comment
from .options import Options
from .survey import judge

__all__ = ["MainContent", "Options", "stopwords"]


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
        """The verdict on every line, before the other block filters run (they do not move it)."""
        for block, verdict in zip(page.blocks, self.judge(page.blocks, page.metadata.get("language")), strict=True):
            block.verdict = verdict

    def judge(self, blocks: list[Block], language: str | None) -> list[str | None]:
        """Each line's verdict: None to keep it, else why it goes (see :func:`.survey.judge`)."""
        if not blocks:
            return []
        stops = stopwords(language)
        classifier = Classifier(stops or page_stopwords(blocks, self.o.fallback_stopwords), self.o)
        marks = comment_marks(blocks, self.headings, self.bylines)
        local = classifier.lines(blocks)
        if not stops and GOOD not in local and len(blocks) < self.o.min_own_words_page:
            # the page's own repeated words shift as filters remove lines: on a short page
            # they say too little to empty it (a second cleaning would judge it otherwise)
            return [None] * len(blocks)
        for i, (block, c) in enumerate(zip(blocks, local, strict=True)):
            if (c == GOOD or c == NEARGOOD) and self.flags(block):  # (a short line weighs against the run anyway)
                local[i] = CHROME
        return judge(blocks, local, marks, self.o)

    def flags(self, block: Block) -> bool:
        """Whether a filter (switched on or not) calls the line chrome on its text alone."""
        for f in self.asked:  # (a loop: any() over a generator costs more)
            if f.chrome(block):
                return True
        return False

    def apply(self, page: Page) -> None:
        for block in page.blocks:
            if block.verdict:
                self.drop(page, block, block.verdict)

    def reader(self, blocks: list[Block], language: str | None, grouped: bool = False) -> Reader:
        """What tells the readers' comments among ``blocks`` (see :mod:`.comments`); a
        line is prose by the classes of ``language``, or of the page's frequent words.
        ``grouped``: the page told the comments apart (see :func:`.comments.reads_as_comment`)."""
        o = self.o
        classes = Classifier(stopwords(language) or page_stopwords(blocks, o.fallback_stopwords), o).lines
        form, heading, byline = self.forms.search, self.headings.search, self.bylines.search
        return Reader(
            is_comment=lambda b: reads_as_comment(classes([b])[0], b.text, grouped) and not form(b.text),
            is_mark=lambda text: bool(heading(text) or (text[-1:] == ":" and byline(text))),
            is_time=lambda text: bool(self.times.search(text)),
            reach=o.comment_reach,
            gap=o.comment_gap,
        )
