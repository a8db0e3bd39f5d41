"""The pass-through test: a text with (almost) nothing chrome-like on it (a clean article,
the stage's own output), or that starts with its article, passes through untouched."""

from __future__ import annotations

from .classes import BAD, CHROME, GOOD
from .options import Options


def little_chrome(classes: list[str], o: Options, own_words: bool = False) -> bool:
    """Too little chrome to judge: none bad, or fewer than ``min_chrome_lines`` lines bad or
    chrome, or no prose on fewer than ``min_page_blocks`` lines (``min_own_words_page``
    when judged by the page's own repeated words, which removals shift: ``own_words``)."""
    bad = classes.count(BAD)
    if not bad or bad + classes.count(CHROME) < o.min_chrome_lines:
        return True
    return GOOD not in classes and len(classes) < (o.min_own_words_page if own_words else o.min_page_blocks)


def starts_with_article(classes: list[str], o: Options) -> bool:
    """At most ``max_head_chrome`` lines bad or chrome above the first paragraph: a flattened
    page opens with its site's header (menus, a skip link, a date bar)."""
    head = classes[: classes.index(GOOD)]
    return head.count(BAD) + head.count(CHROME) <= o.max_head_chrome
