"""Photo captions and credits."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from operator import attrgetter

from ..document import Block, Page
from .base import DataPattern, Filter
from .shape import nwords


class Captions(Filter):
    name = "captions"
    scope = "article"
    summary = (
        'Drop photo credits ("AP", "Photo: Reuters"), captions that end in one, and a '
        "short group of lines that holds a credit (caption, credit, repeated caption)."
    )
    defaults = {"max_credit_words": 12, "max_caption_words": 60, "max_group_lines": 4}
    patterns = {"credit": ("captions", "credit"), "credit_suffix": ("captions", "credit_suffix")}
    credit: DataPattern
    credit_suffix: DataPattern

    def is_credit(self, text: str) -> bool:
        """A credit line: a few words the credit pattern finds ("Photo: Reuters")."""
        # (fewer than n spaces: at most n words)
        return text.count(" ") < self.options["max_credit_words"] and self.credit.search(text) is not None

    def is_credited_caption(self, text: str) -> bool:
        """A caption sentence that ends with its credit: "... (AP Photo/Name)"."""
        return (
            _may_end_in_credit(text)
            and text.count(" ") < self.options["max_caption_words"]  # nwords(text) <= max_caption_words
            and bool(self.credit_suffix.search(text[-100:]))
        )

    def chrome(self, block: Block) -> str | None:
        text = block.text
        if self.is_credit(text):
            return "photo credit"
        if self.is_credited_caption(text):
            return "photo caption"
        return None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        # chrome's word bounds and the caption's ending, inlined: a paragraph (most lines the content stage asks
        # about) is turned away without a call
        credit, caption = self.options["max_credit_words"], self.options["max_caption_words"]
        return [b for b in blocks if (n := b.text.count(" ")) < credit or n < caption and _may_end_in_credit(b.text)]

    def apply(self, page: Page) -> None:
        max_lines = self.options["max_group_lines"]
        max_words = self.options["max_caption_words"]
        is_credit, chrome = self.is_credit, self.chrome
        for _, members in groupby(page.blocks, key=attrgetter("group")):
            group = list(members)
            if len(group) == 1:  # most groups on a flattened page: one line alone
                said = group[0].said  # (what it said when the content stage asked)
                reason = chrome(group[0]) if said is None else said.get(self.name)
                if reason:
                    self.drop(page, group[0], reason)
                continue
            credits = [is_credit(b.text) for b in group]
            whole = len(group) <= max_lines and any(credits) and all(nwords(b.text) <= max_words for b in group)
            for b, credited in zip(group, credits, strict=False):
                if credited:
                    self.drop(page, b, "photo credit")
                elif whole or self.is_credited_caption(b.text):
                    self.drop(page, b, "photo caption")


def _may_end_in_credit(text: str) -> bool:
    """A quick test before the credit patterns: a credit at the end of a caption closes a
    bracket ("(AP Photo/Name)", "（新华社）"), follows a colon ("Photo: Name") or a copyright
    sign ("| © Name") or, in Japanese, an equals sign ("＝山田太郎撮影")."""
    tail = text[-100:]
    return (
        text[-1:] in ")\uff09" or ":" in tail or (not text.isascii() and any(c in tail for c in "\uff1a\uff1d=\u00a9"))
    )
