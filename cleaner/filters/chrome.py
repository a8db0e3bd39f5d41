"""Site chrome: skip links and menus, section labels, weather widgets, rails of other stories."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..data import LanguageData
from ..data.anchored import opening_test
from ..document import Block, Page
from .base import DataPattern, Filter, Phrases, matching
from .shape import any_of, head_end, is_heading, word_count

#: A letter or a digit: a short line without one ("•", "* * *", "___") is no text.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]").search


class Navigation(Filter):
    name = "navigation"
    summary = (
        'Drop skip links, menus, "Jump to comments", topic lines ("Article Topic Follows:"), '
        "footer and advertising notices."
    )
    defaults = {"max_topic_words": 20, "max_notice_words": 40, "min_menu_items": 4}
    patterns = {"topic": ("chrome", "topic"), "notices": ("chrome", "notices")}
    phrases = {"links": ("chrome", "navigation"), "separators": ("chrome", "menu_separators")}
    topic: DataPattern
    notices: DataPattern
    links: Phrases
    separators: Phrases

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        # a line without any separator is no menu: any_of says so at once (most lines)
        self._any_separator = any_of(self.separators)
        # (a line no pattern can open as, with no phrase and no separator, is none of these)
        self._opens = opening_test(self.topic, self.notices)

    def is_menu(self, text: str) -> bool:
        """Several one-to-three-word items in one line, separated by bars or bullets."""
        need = self.options["min_menu_items"] - 1  # separators
        for sep in self.separators:
            if text.count(sep) >= need:
                items = [item.strip() for item in text.split(sep)]
                return all(item and len(item.split()) <= 3 and not item.endswith(".") for item in items)
        return False

    def chrome(self, block: Block) -> str | None:
        text, k = block.text, block.short
        if k is not None:
            if k in self.links:
                return "navigation link"
            # (a key that opens with an ASCII letter or digit has one: most skip the search)
            if not (k[:1].isascii() and k[:1].isalnum()) and not _LETTER_OR_DIGIT(text):
                return "stray bullet, separator or rule"
        n = text.count(" ") + 1  # nwords
        o = self.options
        if n <= o["max_topic_words"] and self.topic.search(text):
            return "topic line"
        if n <= o["max_notice_words"] and self.notices.search(text):
            return "footer or advertising notice"
        if self._any_separator(text) and self.is_menu(text):
            return "menu"
        return None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        # the lines that are a phrase, open as a pattern can or hold a separator
        links, opens = self.links, self._opens
        if opens is None:
            yield from blocks
            return
        for block in blocks:
            text, k = block.text, block.short
            if (
                k in links
                or (k is not None and not k[:1].isalnum())  # (a key that opens with one has a letter or digit)
                or opens(text)
                or self._any_separator(text)
            ):
                yield block


class SectionLabels(Filter):
    """Section labels ("World", "Politics") above the article.

    It runs after every other filter that drops blocks in the page head, so that the
    head it sees (the blocks before the first paragraph of prose) is the one a second
    cleaning would see.
    """

    name = "sections"
    scope = "article"
    summary = 'Drop section labels ("World", "Politics") above the article.'
    phrases = {"sections": ("chrome", "sections")}
    sections: Phrases

    def apply(self, page: Page) -> None:
        for block in page.blocks[: head_end(page.blocks)]:
            if block.short in self.sections:
                self.drop(page, block, "section label")


class WeatherWidget(Filter):
    name = "weather"
    scope = "article"
    summary = "Drop weather widgets: a temperature line and the place or condition lines beside it."
    defaults = {"max_words": 3}
    patterns = {"temperature": ("chrome", "temperature")}
    temperature: DataPattern

    def is_label(self, text: str) -> bool:
        """A place or condition beside the temperature: a few words, no digits, no sentence."""
        return (
            word_count(text) <= self.options["max_words"]
            and text[:1].isupper()
            and not any(c.isdigit() for c in text)
            and not text.endswith(".")
        )

    def chrome(self, block: Block) -> str | None:
        return "weather widget" if self.temperature.search(block.text) else None

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        for i, block in matching(blocks, self.temperature):
            self.drop(page, block, "weather widget")
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(blocks) and blocks[j].group == block.group and self.is_label(blocks[j].text):
                    self.drop(page, blocks[j], "weather widget")
                    j += step


class Rails(Filter):
    name = "rails"
    scope = "article"
    summary = (
        'Drop rails of other stories: a heading such as "Trending Now", "Latest News" or '
        '"Related posts" and, after the article has begun, the headlines listed under it.'
    )
    defaults = {"max_headline_words": 25}
    phrases = {"headings": ("chrome", "rails")}
    patterns = {"heading_patterns": ("chrome", "rail_patterns")}
    headings: Phrases
    heading_patterns: DataPattern

    def is_rail_heading(self, block: Block) -> bool:
        """Whether a line heads a rail: a heading from the list, or one of its kind with
        a site's or section's name in it."""
        short = block.short
        return short is not None and (short in self.headings or self.heading_patterns.search(short) is not None)

    def chrome(self, block: Block) -> str | None:
        return f"rail heading ({block.text})" if self.is_rail_heading(block) else None

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        head = head_end(blocks)
        max_words = self.options["max_headline_words"]
        i = 0
        while i < len(blocks):
            block = blocks[i]
            i += 1
            # (a long line, most of a page's text, is no heading: no call for it)
            reason = self.chrome(block) if block.short is not None else None
            if not reason:
                continue
            self.drop(page, block, reason)
            if i <= head:  # above the article a headline may be the article's own title
                continue
            while (
                i < len(blocks)
                and is_heading(blocks[i].text, max_words=max_words)
                and not self.is_rail_heading(blocks[i])
            ):
                self.drop(page, blocks[i], f"rail headline ({block.text})")
                i += 1
