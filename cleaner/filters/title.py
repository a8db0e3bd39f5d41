"""The title: a headline above the article goes to ``metadata.title`` (and a site name in it
to ``metadata.site``); copies of it at the top of the body are dropped."""

from __future__ import annotations

import re
from typing import Any

from ..data import LanguageData
from ..document import Block, Page
from .base import Filter
from .shape import head_end, is_heading, key

_DOMAIN = re.compile(r"(?:[\w\-]{1,63}\.){1,6}[A-Za-z]{2,24}")


class Title(Filter):
    name = "title"
    summary = ("Move the headline above the article into metadata.title (a \"Title | Section | site\" "
               "line gives the site too) and drop its copies at the top of the body.")
    defaults = {"max_site_words": 4}
    phrases = {"site_separators": ("title", "site_separators")}

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.separators = data.phrases("title", "separators")  # in order: the first found wins

    def split(self, text: str) -> tuple[str, str | None]:
        """(title, site) of a "Title | Section | site" line; (text, None) for a plain one."""
        for sep in self.separators:
            if sep not in text:
                continue
            parts = [p.strip() for p in text.split(sep)]
            site = parts[-1]
            if _DOMAIN.fullmatch(site) or (sep in self.site_separators and len(site.split()) <= self.options["max_site_words"]):
                if parts[0] and is_heading(parts[0]):
                    return parts[0], site
        return text, None

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        head = head_end(blocks)
        if head == len(blocks):
            return  # no article to stand above
        known = page.metadata.get("title")
        candidates: dict[str, tuple[str, str | None]] = {}
        found: list[tuple[Block, str]] = []
        for block in blocks[:head]:
            title, site = self.split(block.text)
            k = key(title)
            if known and k == key(known) or is_heading(title):
                candidates.setdefault(k, (title, site))
                if site and not candidates[k][1]:
                    candidates[k] = (title, site)
                found.append((block, k))
        if known:
            keep = {key(known)}
        elif len(candidates) == 1:
            keep = set(candidates)
            title, site = next(iter(candidates.values()))
            page.set_meta("title", title)
            page.set_meta("site", site)
        else:
            return  # several headlines above the article: leave them rather than guess
        reason = "title"
        for block, k in found:
            if k in keep:
                self.drop(page, block, reason)
                reason = "repeated title"
