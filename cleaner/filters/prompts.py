"""Cookie and consent notices; subscription, newsletter, share and comment prompts."""

from __future__ import annotations

from ..document import Page
from .base import Filter, PatternFilter, matching


class CookieNotice(Filter):
    name = "cookies"
    scope = "article"
    summary = "Drop cookie and consent notices (\"This website uses cookies ... Accept\")."
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
    summary = ("Drop comment prompts and community-guideline boilerplate (\"Be part of the conversation\"); "
               "mark where a comment section's heading (\"167 Comments\") stood, which the article does not cross.")
    patterns = {"pattern": ("prompts", "comments"), "headings": ("prompts", "comment_headings")}
    reason = "comment section"
    defaults = {"max_words": 40}

    def apply(self, page: Page) -> None:
        for _, block in matching(page.blocks, self.headings):
            block.comments_below = True  # (compacting hands it on to the next line kept)
            self.drop(page, block, "comment section heading")
        super().apply(page)
