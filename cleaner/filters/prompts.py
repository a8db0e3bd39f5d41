"""Cookie and consent notices; subscription, newsletter, share and comment prompts."""

from __future__ import annotations

from typing import Any

from ..document import COMMENT, COMMENT_SECTION, Block, Page
from .base import Filter, PatternFilter, matching


class CookieNotice(Filter):
    name = "cookies"
    scope = "article"
    summary = 'Drop cookie and consent notices ("This website uses cookies ... Accept").'
    defaults = {"max_words": 120}
    patterns = {"openers": ("prompts", "cookie_openers"), "signals": ("prompts", "cookie_signals")}

    def apply(self, page: Page) -> None:
        for _, block in matching(page.blocks, self.openers):
            text = block.text
            if self.signals.search(text) and len(text.split()) <= self.options["max_words"]:
                self.drop(page, block, "cookie notice")


class Prompts(PatternFilter):
    name = "prompts"
    scope = "article"
    summary = "Drop subscription, newsletter, share and follow prompts."
    patterns = {"pattern": ("prompts", "prompts")}
    reason = "subscription or share prompt"
    defaults = {"max_words": 30}


class CommentSection(PatternFilter):
    name = "comments"
    scope = "article"
    summary = (
        'Drop comment prompts and community-guideline boilerplate ("Be part of the conversation"); '
        'mark where a comment section\'s heading ("167 Comments") or a comment\'s "Alex on May 3, 2019 said:" '
        "stood, which the article does not cross."
    )
    patterns = {
        "pattern": ("prompts", "comments"),
        "headings": ("prompts", "comment_headings"),
        "bylines": ("prompts", "comment_bylines"),
    }
    reason = "comment section"
    defaults = {"max_words": 40}

    def apply(self, page: Page) -> None:
        # (compacting hands the marks on to the next line kept)
        for _, block in matching(page.blocks, self.headings):
            block.comments_below = COMMENT_SECTION
            self.drop(page, block, "comment section heading")
        for block in mark_comment_bylines(page.blocks, self.bylines):
            self.drop(page, block, "comment byline")
        super().apply(page)


def mark_comment_bylines(blocks: list[Block], bylines: Any) -> list[Block]:
    """Mark the lines of ``blocks`` that are a comment's byline (``bylines``, the data's
    pattern) as the start of a comment (:data:`~cleaner.document.COMMENT`); returns them."""
    search = bylines.search
    marked = []
    for block in blocks:
        text = block.text
        if text[-1:] == ":" and search(text):  # (a byline ends in a colon, as most lines do not)
            block.comments_below = COMMENT
            marked.append(block)
    return marked
