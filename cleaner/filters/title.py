"""The title: a headline above the article goes to ``metadata.title`` (and a site name in it
to ``metadata.site``); copies of it at the top of the body are dropped."""

from __future__ import annotations

import re
from typing import Any

from ..data import LanguageData
from ..document import Block, Page
from .base import Filter, Phrases
from .shape import any_of, has_words, head_end, is_heading, key, title_repeat, words

_DOMAIN = re.compile(r"(?:[\w\-]{1,63}\.){1,6}[A-Za-z]{2,24}")
#: A line of this many words above a headline is running text, not a page's chrome.
_TEXT_WORDS = 12


class Title(Filter):
    name = "title"
    summary = (
        'Move the headline above the article into metadata.title (a "Title | Section | site" '
        "line gives the site too) and drop its copies at the top of the body."
    )
    defaults = {"max_site_words": 4, "same_words": 0.8}
    phrases = {"site_separators": ("title", "site_separators")}
    site_separators: Phrases

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.separators = data.phrases("title", "separators")  # in order: the first found wins
        # most lines hold none, and any_of says so at once (the head of a flattened page is long)
        self._any_separator = any_of(self.separators)

    def title_and_site(self, text: str) -> tuple[str, str | None]:
        """(title, site) of a "Title | Section | site" line; (text, None) for a plain one."""
        if not self._any_separator(text):
            return text, None
        for sep in self.separators:
            if sep not in text:
                continue
            parts = [p.strip() for p in text.split(sep)]
            site = parts[-1]
            if _DOMAIN.fullmatch(site) or (
                sep in self.site_separators and len(site.split()) <= self.options["max_site_words"]
            ):
                if parts[0] and is_heading(parts[0]):
                    return parts[0], site
        return text, None

    def same_words(self, text: str, title_words: set[str]) -> bool:
        """Whether ``text`` says what the title says: most words shared, either way round."""
        own = set(words(text))
        return bool(own) and len(own & title_words) >= self.options["same_words"] * max(len(own), len(title_words))

    def find_title(self, page: Page, head: list[Block]) -> tuple[set[str], list[tuple[Block, str]]]:
        """The title's key (recorded in metadata) and the head's headlines; no key if not one title.

        One headline above the article is its title when the page shows it: repeated, with
        a site name, or on a page with chrome (lines other filters remove).
        One alone above the text, and several, are left alone rather than guessed at (so
        that cleaning the body again finds the same).
        """
        candidates: dict[str, tuple[str, str | None]] = {}
        found: list[tuple[Block, str]] = []
        for block in head:
            title, site = self.title_and_site(block.text)
            if is_heading(title):
                k = key(title)
                found.append((block, k))
                if site or k not in candidates:
                    candidates[k] = (title, site)
        if len(candidates) != 1:
            return set(), found
        ((k, (title, site)),) = candidates.items()
        if not site and sum(fk == k for _, fk in found) < 2 and not self.shown(page, found[0][0], head):
            # a headline alone above the text is the body's own (an extracted body, a
            # cleaned text): a copy, a site name or chrome on the page show a title
            return set(), found
        page.set_meta("title", title)
        page.set_meta("site", site)
        return {k}, found

    @staticmethod
    def shown(page: Page, block: Block, head: list[Block]) -> bool:
        """Whether ``block`` heads a page with chrome (lines another filter removed, or that
        the content stage judged not the article's), with no running text above it (above
        which it is a subheading). A clean text, such as an extracted body, has none."""
        if any(has_words(b.text, _TEXT_WORDS) for b in head[: head.index(block)]):
            return False
        return bool(page.removed) or any(b.verdict for b in page.blocks)

    def from_page_title(self, page: Page, blocks: list[Block], head: int) -> None:
        """On a flattened page, whose head holds many headline-like lines (menus), the
        title is the headline that repeats the page's first line (its ``<title>``,
        "Headline - Site") above the article. Only the metadata is taken: the lines stay
        for the main-content stage, whose run under that headline they anchor."""
        i = title_repeat(blocks, head)
        if i:
            page.set_meta("title", blocks[i].text)
            page.set_meta("site", self.title_and_site(blocks[0].text)[1])

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        head = head_end(blocks)
        if head == len(blocks):
            return  # no article to stand above
        known = page.metadata.get("title")  # from an HTML page's metadata
        if known:
            # The extractor found the title: drop only its copies (by words, so that a
            # "Title - Site" form matches too); another headline may start the body.
            forms = [set(words(key(known))), set(words(key(self.title_and_site(known)[0])))]
            found = [(b, key(b.text)) for b in blocks[:head]]
            keep = {k for _, k in found if any(self.same_words(k, form) for form in forms)}
        else:
            keep, found = self.find_title(page, blocks[:head])
            if not keep:
                self.from_page_title(page, blocks, head)
        reason = "title"
        for block, k in found:
            if k in keep:
                self.drop(page, block, reason)
                reason = "repeated title"
