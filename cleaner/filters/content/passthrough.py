"""The pass-through test: a text with (almost) nothing chrome-like on it (a clean article,
a page the specific filters already cleaned, the stage's own output), or that starts
with its article, is no flattened page: it passes through untouched."""

from __future__ import annotations

from ...document import Block
from .classes import BAD, GOOD
from .options import Options


def little_chrome(classes: list[str], removed: int, o: Options) -> bool:
    """Too little chrome to judge: no line classed bad, fewer than ``min_chrome_lines``
    with those earlier filters removed (``removed``), or a short page without prose."""
    chrome = classes.count(BAD)
    return (
        not chrome
        or chrome + removed < o.min_chrome_lines
        or (GOOD not in classes and len(classes) < o.min_page_blocks)
    )


def starts_with_article(blocks: list[Block], classes: list[str], o: Options) -> bool:
    """At most ``max_head_chrome`` chrome-like lines (bad, or removed by earlier filters)
    above the first paragraph: a flattened page opens with its site's header (menus, a
    skip link, a date bar), and the tables and lists of a text that does not are its own."""
    first = classes.index(GOOD)
    return sum(b.cut for b in blocks[: first + 1]) + classes[:first].count(BAD) <= o.max_head_chrome
