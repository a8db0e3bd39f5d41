"""Repairs: paragraphs glued together without a space."""

from __future__ import annotations

import re

from ..document import Block, Page
from .base import Filter

# "conflict.President": a sentence end glued to the capitalised start of the next
# paragraph. The lower-case run before the stop keeps "U.S.Army", "ASP.NET" and
# domain names such as "example.Com" (too short after the dot to be a sentence) out.
_GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff]{3}[.!?])(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]{2})")
#: The same test, led by the stop itself, once for each stop: led by one literal
#: character, a search of the whole page jumps from one such character to the next
#: (a class of three would be tried at every position).
_GLUED_STOPS = tuple(
    re.compile(rf"{re.escape(stop)}(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]{{2}})(?<=[a-z\u00e0-\u00ff]{{3}}[.!?])")
    for stop in ".!?"
)


#: What marks a word as an address (an e-mail address, a URL, a domain), which a stop
#: inside does not end: "@", "://", "www.", or two more dots ("news.Example.com").
_ADDRESS = re.compile(r"@|://|www\.|\.[A-Za-z]{2,}[.\w]*\.")


#: Lines searched at once for a glued stop (a long page's lines as a few slices: see _any_glued).
SLICE_LINES = 4096


def _any_glued(texts: list[str]) -> bool:
    """Whether a stop is glued to the next sentence in any of ``texts``: one search over
    the page (a match never spans the newlines between lines), a slice of it at a time
    (joined whole, a long page's text was held once more)."""
    for i in range(0, len(texts), SLICE_LINES):
        text = "\n".join(texts[i : i + SLICE_LINES])
        for stop in _GLUED_STOPS:
            if stop.search(text):
                return True
    return False


class GluedParagraphs(Filter):
    name = "glued"
    summary = 'Split paragraphs glued together without a space ("conflict.President").'

    def apply(self, page: Page) -> None:
        """Nothing: the lines were split in :meth:`survey`."""

    def survey(self, page: Page) -> None:
        # before the other filters, the main-content stage's verdict among them, so that
        # they judge the lines that come out (and a second cleaning finds them the same)
        if not _any_glued([b.text for b in page.blocks]):
            return
        out: list[Block] = []
        for block in page.blocks:
            parts = glued_parts(block.text)
            if len(parts) == 1:
                out.append(block)
            else:
                out.extend(Block(part.strip(), block.group, line=block.line) for part in parts if part.strip())
        page.blocks = out


def glued_parts(text: str) -> list[str]:
    """``text`` split where a sentence end is glued to the next paragraph's start, but
    not inside an address: an e-mail address, a URL or a domain ("Sarah.Needleman@wsj.com",
    "https://example.com/news.Today", "www.city.Gov.uk")."""
    if not any(stop.search(text) for stop in _GLUED_STOPS):
        return [text]  # (most lines: a search led by the stop, not the look-behind tried everywhere)
    parts, start = [], 0
    for m in _GLUED.finditer(text):
        at = m.start()
        left, right = text.rfind(" ", 0, at) + 1, text.find(" ", at)
        # (a "/" before the stop is a path's: "example.com/news.Today"; after it, "and/or")
        if "/" not in text[left:at] and not _ADDRESS.search(text, left, len(text) if right < 0 else right):
            parts.append(text[start:at])
            start = at
    return [*parts, text[start:]]
