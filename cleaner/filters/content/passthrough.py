"""The pass-through test: a text with (almost) nothing chrome-like on it (a clean article,
the stage's own output), or that starts with its article, is no flattened page: it
passes through untouched."""

from __future__ import annotations

from .classes import BAD, CHROME, GOOD
from .options import Options


def little_chrome(classes: list[str], o: Options) -> bool:
    """Too little chrome to judge: fewer than ``min_chrome_lines`` lines bad or chrome
    (none at all: none bad), or a short page without prose."""
    bad = classes.count(BAD)
    return (
        not bad
        or bad + classes.count(CHROME) < o.min_chrome_lines
        or (GOOD not in classes and len(classes) < o.min_page_blocks)
    )


def starts_with_article(classes: list[str], o: Options) -> bool:
    """At most ``max_head_chrome`` lines bad or chrome above the first paragraph: a
    flattened page opens with its site's header (menus, a skip link, a date bar), and
    the tables and lists of a text that does not are its own."""
    head = classes[: classes.index(GOOD)]
    return head.count(BAD) + head.count(CHROME) <= o.max_head_chrome
