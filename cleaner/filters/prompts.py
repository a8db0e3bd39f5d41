"""Cookie and consent notices; subscription, newsletter, share and comment prompts."""

from __future__ import annotations

from ..data.anchored import search_and_starts
from ..document import Page
from .base import Filter, PatternFilter


class CookieNotice(Filter):
    name = "cookies"
    scope = "article"
    summary = "Drop cookie and consent notices (\"This website uses cookies ... Accept\")."
    defaults = {"max_words": 120}
    patterns = {"openers": ("prompts", "cookie_openers"), "signals": ("prompts", "cookie_signals")}

    def apply(self, page: Page) -> None:
        openers, starts = search_and_starts(self.openers)  # its gate, inlined
        for block in page.blocks:
            text = block.text
            first = text[:1]
            if ((starts is None or first in starts or first >= "\x80") and openers(text)
                    and self.signals.search(text) and len(text.split()) <= self.options["max_words"]):
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
    summary = "Drop comment prompts and community-guideline boilerplate (\"Be part of the conversation\")."
    patterns = {"pattern": ("prompts", "comments")}
    reason = "comment section"
    defaults = {"max_words": 40}
