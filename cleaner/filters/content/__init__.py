"""Main content: keep the article's run of prose, drop the page chrome around and inside it (docs/content-stage.md)."""

from __future__ import annotations

from dataclasses import asdict
from itertools import groupby
from operator import attrgetter
from typing import Any

from ...document import Block, Page
from ..base import DataPattern, Filter, ask, ask_top_down
from ..prompts import comment_marks
from ..script import width
from ..shape import is_heading, title_repeat
from ..words import page_stopwords, stopwords
from .classes import BAD, CHROME, FREE, GOOD, NEARGOOD, SHORT, SHORT_SENTENCE, Options, between, classify, revise
from .run import above, card, lead_in, reach, tail, trim, under_title, weights

__all__ = ["MainContent", "Options", "judge"]

NO_ARTICLE = "no article text: every line looks like navigation"
MIN_CHROME_LINES = 3  # fewer lines bad or chrome: a clean text
MAX_CLEAN_CHROME = 50  # this many or more: a flattened page (a clean text's lists and tables hold fewer)
MIN_PAGE_LINES = 3  # a page without prose and paragraph-long lines is all navigation if it has this many lines ...
MIN_OWN_WORDS_PAGE = 10  # ... this many when it has no stoplist, only its own repeated words
TITLE_SEARCH = 1000  # lines from the top searched for the title's repetition


class MainContent(Filter):
    name = "content"
    summary = "Keep the article's contiguous run of prose; drop menus, link lists and share bars around and inside it."
    #: HTML bodies arrive already extracted by trafilatura, which sees the markup: cutting them again loses text.
    kinds = ("text",)
    patterns = {
        # where readers' comments start, which the article does not cross (and when wanted, their times and forms)
        **{key: ("prompts", f"comment_{key}") for key in ("headings", "bylines", "times", "forms")},
        # a recipe's card: the headings of its ingredients and of its steps
        **{key: ("recipes", key) for key in ("ingredients", "steps")},
    }
    headings: DataPattern
    bylines: DataPattern
    times: DataPattern
    forms: DataPattern
    ingredients: DataPattern
    steps: DataPattern
    defaults = asdict(Options())

    def __init__(self, data: Any, **options: Any):
        super().__init__(data, **options)
        self.o = Options(**self.options)
        self.asked: list[Filter] = []

    def consult(self, filters: list[Filter]) -> None:
        self.asked = [f for f in filters if type(f).chrome is not Filter.chrome]

    def survey(self, page: Page) -> None:
        """Each line's verdict (:func:`judge`); a prose-like line a filter (on or off) calls chrome is chrome."""
        blocks, o, stops = page.blocks, self.o, stopwords(page.metadata.get("language"))
        local = classify(blocks, stops or page_stopwords(blocks, o.fallback_stopwords), o)
        prose = [b for b, c in zip(blocks, local, strict=True) if c == GOOD or c == NEARGOOD or lead_in(b.text, c)]
        if ask(self.asked, prose):  # (a short line weighs against the run anyway)
            local = [CHROME if b.said else c for b, c in zip(blocks, local, strict=True)]
        marks = comment_marks(blocks, self.headings, self.bylines)
        anchor, recipes = pass_through(blocks, local, o, not stops, self.asked), (self.ingredients, self.steps)
        ask(self.asked, [blocks[i] for i in lone_words(blocks, local, range(1, len(blocks) - 1))])  # (judge's to keep)
        for block, verdict in zip(blocks, judge(blocks, local, marks, o, anchor, recipes), strict=True):
            block.verdict = verdict

    def apply(self, page: Page) -> None:
        for verdict, run in groupby(page.blocks, key=attrgetter("verdict")):
            if verdict:  # (runs of lines with one reason: most lines of a flattened page go)
                self.drop_all(page, list(run), verdict)


def pass_through(blocks: list[Block], local: list[str], o: Options, own: bool, asked: list[Filter]) -> int | None:
    """None to keep the page whole, else the line that repeats its title (0 for none or for a list of stories)."""
    bad = local.count(BAD)
    if not bad or bad + local.count(CHROME) < MIN_CHROME_LINES:
        return None  # too little chrome to judge
    if GOOD not in local:  # no prose: all navigation, if long enough to tell and no line is a row of a table's length
        short = all(len(b.text) < o.length_high for b in blocks) and ask(asked, blocks)  # (a cleaned body: none)
        return 0 if short and len(local) >= (MIN_OWN_WORDS_PAGE if own else MIN_PAGE_LINES) else None
    anchor = title_repeat(blocks, TITLE_SEARCH)
    good = [width(b.text) if c == GOOD else 0 for b, c in zip(blocks, local, strict=True)] if anchor else []
    if anchor and sum(good[:anchor]) <= sum(good[anchor:]):  # (with prose above it, a heading a body repeats ...
        if not any(good[:anchor]) or ask_top_down(asked, blocks):  # ... unless the page holds chrome)
            return anchor
    head = local[: local.index(GOOD)]  # a flattened page's header: chrome above the first paragraph, or many lines ...
    chrome = bad + local.count(CHROME) >= MAX_CLEAN_CHROME or head.count(BAD) + head.count(CHROME) > o.max_head_chrome
    if (CHROME in local or ask(asked, blocks[: len(head)])) and chrome:  # ... the filters call chrome (the header
        return 0  # asked first: what a line said stays on it); none at all: a cleaned body (they took them out), whole
    return 0 if ask(asked, blocks) and (chrome or sum(1 for b in blocks if b.said) >= o.min_told_chrome > 0) else None


def judge(
    blocks: list[Block], local: list[str], marks: list[int], o: Options, anchor: int | None, recipes: Any
) -> list[str | None]:
    """Each line's verdict from its class, comment mark and ``anchor`` (:func:`pass_through`): None to keep it."""
    if anchor is None or GOOD not in local:
        return [None if anchor is None else NO_ARTICLE] * len(blocks)
    # the run (lists and code between paragraphs free in it, kept), its edges, the context inside it
    local = between(blocks, local, o)
    classes = [GOOD if c == FREE else SHORT if c == SHORT_SENTENCE else c for c in local]  # as revise reads them
    share = o.title_run_share
    if not anchor:  # no title to repeat (text scraped by other tools): a headline right above the first paragraph
        i, share = local.index(GOOD) - 1, o.headline_run_share
        anchor = i if i > 0 and is_heading(blocks[i].text) else 0
    ws = weights(blocks, local, marks, o)
    start, end = under_title(blocks, ws, local, o, anchor, share)
    run = reach(blocks, ws, local, marks, start, -1, o), reach(blocks, ws, local, marks, end, 1, o)
    start, end = trim(blocks, classes, marks, *run, o)
    last = tail(blocks, local, marks, end, o)
    final = [BAD] * len(blocks)
    final[start : last + 1] = revise(classes[start : end + 1]) + [GOOD] * (last - end)
    recipe = card(blocks, local, marks, range(start, last + 1), recipes, o)  # (the lines between it and the run ...
    first, last = min([start, *recipe]), max([last, *recipe])  # ... go as chrome inside the article; its own are kept)
    for i in (*recipe, *above(blocks, local, anchor, start, o), *lone_words(blocks, local, range(start + 1, end))):
        final[i] = GOOD
    inside = [f"inside the article, looks like chrome ({k})" for k in classes[first : last + 1]]
    why = ["before the article"] * first + inside + ["after the article"] * (len(blocks) - last - 1)
    return [None if f != BAD else w for f, w in zip(final, why, strict=True)]


def lone_words(blocks: list[Block], local: list[str], lines: range) -> list[int]:
    """One-word lines among ``lines``, bad between two good ones, once on the page, not chrome: headings ("Fazit")."""
    lone = [i for i in lines if local[i] == BAD and local[i - 1] == local[i + 1] == GOOD and not blocks[i].said]
    return [i for i in lone if " " not in (w := blocks[i].text).strip() and sum(b.text == w for b in blocks) == 1]
