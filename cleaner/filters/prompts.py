"""Cookie and consent notices; subscription, newsletter, share and comment prompts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..caches import Memos
from ..data import LanguageData
from ..data.anchored import search_and_starts
from ..document import Block, Page
from .base import DataPattern, Filter, PatternFilter, matching
from .shape import INNER_SENTENCE

#: Marks of where readers' comments start, which the article does not cross: a comment
#: section's heading ("167 Comments"), and a comment's byline ("Alex on May 3, 2019 said:").
COMMENT_SECTION, COMMENT = 1, 2


class CookieNotice(Filter):
    name = "cookies"
    scope = "article"
    summary = 'Drop cookie and consent notices ("This website uses cookies ... Accept").'
    defaults = {"max_words": 120}
    patterns = {"openers": ("prompts", "cookie_openers"), "signals": ("prompts", "cookie_signals")}
    openers: DataPattern
    signals: DataPattern

    def chrome(self, block: Block) -> str | None:
        text = block.text
        if self.openers.search(text) and self.signals.search(text) and len(text.split()) <= self.options["max_words"]:
            return "cookie notice"
        return None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        return (block for _, block in matching(blocks, self.openers))


class Prompts(PatternFilter):
    name = "prompts"
    scope = "article"
    summary = "Drop subscription, newsletter, share and follow prompts."
    patterns = {"pattern": ("prompts", "prompts")}
    reason = "subscription or share prompt"
    defaults = {"max_words": 30}


class ClosingPrompts(Filter):
    name = "closing"
    scope = "article"
    #: HTML bodies only: on a flattened page a pitch sits at the article's edges, which `pitches` tries, and a search
    #: for sentence starts in every line would slow text mode for nothing.
    kinds = ("html",)
    summary = (
        "Drop a short block closing on a prompt: a pitch or an author's note whose later sentence reads as a "
        'subscription, share or follow prompt ("... is out now. Follow us on Twitter @site.").'
    )
    patterns = {"pattern": ("prompts", "prompts")}
    pattern: DataPattern
    defaults = {"max_words": 80}

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self._search, self._starts = search_and_starts(self.pattern)

    def apply(self, page: Page) -> None:
        # not chrome: the main-content stage would ask it about every line of prose of a flattened page
        for block in page.blocks:
            reason = self.closing(block.text)
            if reason:
                self.drop(page, block, reason)

    def closing(self, text: str) -> str | None:
        """Why ``text`` goes, or None."""
        if text.count(" ") >= self.options["max_words"]:
            return None
        search, starts = self._search, self._starts
        for stop in INNER_SENTENCE.finditer(text):
            at = stop.end() - 1  # the sentence's capital: gated before its rest is cut out
            if (starts is None or text[at] in starts) and search(text[at:]):
                return "subscription or share prompt closing a block"
        return None


class EdgePitches(ClosingPrompts):
    name = "pitches"
    kinds = ("text",)
    summary = (
        "On a flattened page, `closing` for the article's first line and its last lines only: where a newsletter's "
        'or a sister title\'s pitch sits ("Start your day with ... Sign up for the free daily newsletter.").'
    )
    defaults = {"max_words": 80, "last_lines": 3}

    def apply(self, page: Page) -> None:
        blocks = page.blocks  # (the page's head, then the lines the main-content stage keeps)
        # the first line the main-content stage keeps that ends on a stop (a pitch's last sentence is its prompt)
        first = next((i for i, b in enumerate(blocks) if b.verdict is None and b.text[-1:] in ".!?"), len(blocks))
        self.edge(page, blocks[first:], 1)
        self.edge(page, reversed(blocks[first:]), self.options["last_lines"])

    def edge(self, page: Page, blocks: Iterable[Block], lines: int) -> None:
        """Drop the pitches among ``blocks`` until ``lines`` of them stay (cleaned again, the same lines stay)."""
        for block in blocks:
            if lines <= 0:
                return
            reason = not block.dropped and self.closing(block.text)
            if reason:
                self.drop(page, block, reason)
            else:
                lines -= 1


class CommentSection(PatternFilter):
    name = "comments"
    scope = "article"
    summary = (
        'Drop comment prompts and community-guideline boilerplate ("Be part of the conversation"), '
        'a comment section\'s heading ("167 Comments") and a comment\'s "Alex on May 3, 2019 said:", '
        "where readers' comments start (the article does not cross them)."
    )
    patterns = {
        "pattern": ("prompts", "comments"),
        "headings": ("prompts", "comment_headings"),
        "bylines": ("prompts", "comment_bylines"),
    }
    headings: DataPattern
    bylines: DataPattern
    reason = "comment section"
    defaults = {"max_words": 40}

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        for block, mark in zip(blocks, comment_marks(blocks, self.headings, self.bylines), strict=True):
            if mark:
                self.drop(page, block, "comment section heading" if mark == COMMENT_SECTION else "comment byline")
        super().apply(page)


def comment_marks(blocks: list[Block], headings: DataPattern, bylines: DataPattern) -> list[int]:
    """Each line's mark: :data:`COMMENT_SECTION` for a comment section's heading,
    :data:`COMMENT` for a comment's byline (``headings`` and ``bylines``: the data's
    patterns), else 0. A line's mark is its text's: each is worked out once (:data:`MARKS`)."""
    seen, marks = MARKS.of((headings, bylines)), []
    heading, starts = search_and_starts(headings)
    for block in blocks:
        mark = seen.get(text := block.text)
        if mark is None:
            if len(seen) >= MARKS.lines:
                seen.clear()
            first = text[:1]  # (the headings' gate by first character, inlined: most lines are turned away)
            if (starts is None or first in starts or first >= "\x80") and heading(text):
                mark = seen[text] = COMMENT_SECTION
            else:  # (a byline ends in a colon, as most lines do not)
                mark = seen[text] = COMMENT if text[-1:] == ":" and bylines.search(text) else 0
        marks.append(mark)
    return marks


#: Line text -> comment mark, a memo for each language's patterns, kept from page to page: the content stage marks
#: a page's lines and the comments filter the same lines again, and a site's lines recur from page to page.
MARKS = Memos(count=8, lines=8192)
