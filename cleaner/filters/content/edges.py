"""The run's edges: its first paragraph and what joins above it; its end above comments, a closing line and a list."""

from __future__ import annotations

from ...document import Block
from ..script import width
from ..shape import ends_sentence, is_prose, lower_share
from .classes import CHROME, GOOD, NEARGOOD, SHORT_SENTENCE
from .options import Options


def opens_article(text: str, cls: str, paragraph: int) -> bool:
    """Whether a line can open the article: good prose (or ``paragraph`` long: a flattened page may lose a period; or
    leading in to a quotation or a list with a colon), or near-good prose that ends like a sentence (not in "...")."""
    if cls == GOOD:
        return len(text) >= paragraph or is_prose(text) or (text[-1:] == ":" and is_prose(text[:-1] + "."))
    return cls == NEARGOOD and ends_sentence(text, colon=True, dots=False) and is_prose(text)


def trim(
    blocks: list[Block], classes: list[str], marks: list[int], start: int, end: int, o: Options
) -> tuple[int, int]:
    """The run from its first paragraph (not a headline, caption or lead-in) to above a comment section's heading."""
    while start < end and not opens_article(blocks[start].text, classes[start], o.length_paragraph):
        start += 1
    return start, next((i - 1 for i in range(start + 1, end + 1) if marks[i]), end)


def is_lede(text: str, cls: str) -> bool:
    """Whether a line can stand in a lede above the first paragraph: a few words, mostly in lower case, a sentence
    ending in . ! or ?, or a near-good standfirst without its period."""
    if cls not in (SHORT_SENTENCE, NEARGOOD, GOOD):
        return False
    ends = ends_sentence(text, dots=False) or (cls == NEARGOOD and text[-1:] not in ":.…")
    return ends and text.count(" ") >= 3 and lower_share(text) >= 0.6


def above(blocks: list[Block], local: list[str], anchor: int, start: int, o: Options) -> list[int]:
    """The lines above the run's first paragraph ``start`` that are the article's: the lede right above it (at most
    ``max_lede_lines`` lines that :func:`is_lede`: a standfirst, the first paragraphs of a page that lost their
    periods), and the good and near-good lines that end like sentences between the title's repetition ``anchor`` and
    the lede, when the good ones hold ``min_prose_above`` characters or more: the article's too, cut off by a gallery,
    a box or a list. (A title or a list kept up there would be the page's head to a second cleaning.)"""
    first = start
    while first and start - first < o.max_lede_lines and is_lede(blocks[first - 1].text, local[first - 1]):
        first -= 1
    prose = [i for i in range(anchor, first) if local[i] in (GOOD, NEARGOOD)]
    prose = [i for i in prose if ends_sentence(blocks[i].text, colon=True, dots=False)]
    good = sum(width(blocks[i].text) for i in prose if local[i] == GOOD)
    return (prose if o.min_prose_above and good >= o.min_prose_above else []) + list(range(first, start))


def lead_in(text: str, cls: str) -> bool:
    """Whether a line of prose leads in to a list with a colon (the survey asks the filters about it too)."""
    return (cls == GOOD or cls == SHORT_SENTENCE) and text.endswith(":")


def tail(blocks: list[Block], local: list[str], marks: list[int], end: int, o: Options) -> int:
    """The run's last line: a closing sentence or credit right below ``end``, then the list it leads in to with a
    colon, the lines of the group (up to a blank line) below it, ``min_list_lines`` to ``max_list_items`` of them,
    none chrome or a comment section's mark; else ``end``."""
    n = len(blocks)
    closing = end + 1 < n and not marks[end + 1] and local[end + 1] == SHORT_SENTENCE
    if closing and ends_sentence(blocks[end + 1].text, colon=True, dots=False):
        end += 1
    if not lead_in(blocks[end].text, local[end]) or end + 1 >= n:
        return end
    group, last = blocks[end + 1].group, end
    for j in range(end + 1, min(n, end + 1 + o.max_list_items)):
        if marks[j] or local[j] == CHROME or blocks[j].group != group:
            break
        last = j
    return last if last - end >= o.min_list_lines else end
