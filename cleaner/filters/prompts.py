"""Cookie and consent notices; subscription, newsletter, share and comment prompts."""

from __future__ import annotations

from typing import Any

from ..data import LanguageData
from ..document import Page
from .base import Filter, PatternFilter


class CookieNotice(Filter):
    name = "cookies"
    summary = "Drop cookie and consent notices (\"This website uses cookies ... Accept\")."
    defaults = {"max_words": 120}

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.openers = data.pattern("prompts", "cookie_openers")
        self.signals = data.pattern("prompts", "cookie_signals")

    def apply(self, page: Page) -> None:
        for block in page.blocks:
            text = block.text
            if (self.openers.search(text) and self.signals.search(text)
                    and len(text.split()) <= self.options["max_words"]):
                self.drop(page, block, "cookie notice")


class Prompts(PatternFilter):
    name = "prompts"
    summary = "Drop subscription, newsletter, share and follow prompts."
    family, key, reason = "prompts", "prompts", "subscription or share prompt"
    defaults = {"max_words": 30}


class CommentSection(PatternFilter):
    name = "comments"
    summary = "Drop comment prompts and community-guideline boilerplate (\"Be part of the conversation\")."
    family, key, reason = "prompts", "comments", "comment section"
    defaults = {"max_words": 40}
