"""The run's edges: it opens with a paragraph of prose or a one-line lede right above one,
ends above a comment section's heading, and takes a closing sentence or credit below it."""

from __future__ import annotations

from ...document import COMMENT, Block
from ..shape import is_prose
from .classes import GOOD, NEARGOOD, SHORT, SHORT_SENTENCE, UNSEEN, WORD, Classifier, ends_sentence, lower_share
from .options import Options


class Beyond(Exception):
    """On a narrowed page, the verdict needs the lines outside the reach (see survey.py)."""


def comments_from(blocks: list[Block], classes: list[str]) -> int | None:
    """Index of the first line below a comment's byline ("Alex on May 3, 2019 said:"), if
    a line of prose (the article) comes before it; else None."""
    good = False
    for i, (b, c) in enumerate(zip(blocks, classes, strict=False)):
        if b.comments_below == COMMENT:
            return i if good else None
        good = good or c == GOOD
    return None


def opens_article(text: str, cls: str, paragraph: int) -> bool:
    """Whether a line can be the article's first paragraph: good and prose (or as long as
    ``paragraph``: a flattened page may lose a period), or near-good with a full sentence
    end (a lede with fewer stopwords, not a teaser cut short with "...")."""
    if cls == GOOD:
        return len(text) >= paragraph or is_prose(text)
    return cls == NEARGOOD and ends_sentence(text) and is_prose(text)


def trim(blocks: list[Block], classes: list[str], start: int, end: int, o: Options) -> tuple[int, int]:
    """The run from its first paragraph (not a headline, caption or lead-in, which the
    title filter would take on a second pass) to above a comment section's heading."""
    while start < end and not opens_article(blocks[start].text, classes[start], o.length_paragraph):
        start += 1
    return start, next((i - 1 for i in range(start + 1, end + 1) if blocks[i].comments_below), end)


def lede(blocks: list[Block], local: list[str], start: int) -> int:
    """The run's first line: the line right above its first paragraph (no line removed
    between) if that is a one-line lede ("Time is not on his side."), a short sentence of a
    few words, mostly in lower case after the first (no Title Case headline), ending in
    . ! or ? (no lead-in colon, no "..."); else its first paragraph, ``start``."""
    if not start or blocks[start].cut or blocks[start - 1].outside:
        return start
    text = blocks[start - 1].text
    is_lede = local[start - 1] == SHORT_SENTENCE and ends_sentence(text, colon=False)
    return start - 1 if is_lede and text.count(" ") >= 3 and lower_share(text) >= 0.6 else start


def closing(
    blocks: list[Block], local: list[str], classifier: Classifier, end: int, o: Options, hi: int | None
) -> int:
    """The run's last line: a short closing sentence or credit ("Reporting contributed by
    AFP.") after it and dividers ("___"), within ``closing_reach`` lines (counting those
    earlier filters removed) and above any comment section, if there is one; else ``end``.
    ``hi``: where a narrowed reach ends."""
    below = 0
    for j in range(end + 1, len(blocks)):
        below += 1 + blocks[j].cut
        if below > o.closing_reach or blocks[j].comments_below:
            return end
        if hi is not None and j >= hi:
            raise Beyond
        c = classifier.of(blocks[j]) if local[j] == UNSEEN else local[j]
        if c != SHORT or WORD.search(blocks[j].text):
            return j if c == SHORT_SENTENCE and ends_sentence(blocks[j].text) else end
    return end
