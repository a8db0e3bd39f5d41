"""The survey: the stage's verdict on every line, given once on the page's own lines,
before any other block filter runs. What the other filters know informs it as a class
(:data:`.classes.CHROME`), asked of them whether they run or not; what they remove
does not shift it. They then only remove, and the stage drops what it judged not the
article's."""

from __future__ import annotations

from ...document import Block
from ..script import width
from ..shape import title_repeat
from .classes import BAD, CHROME, GOOD, SHORT, SHORT_SENTENCE
from .context import REPEAT, mark_repeats, revise
from .edges import closing, comments_start, lede, trim
from .options import Options
from .passthrough import little_chrome, starts_with_article
from .run import grow, under_title, weights

NO_ARTICLE = "no article text: every line looks like navigation"


def headline(blocks: list[Block], classes: list[str], o: Options) -> int:
    """The line that repeats the page's title (:func:`~..shape.title_repeat`), where the
    article starts; 0 when more prose stands above it than below (the title repeated
    in a list of stories under the article, not its headline)."""
    anchor = title_repeat(blocks, o.title_search)
    if anchor:
        above = sum(width(b.text) for b, c in zip(blocks[:anchor], classes, strict=False) if c == GOOD)
        below = sum(width(b.text) for b, c in zip(blocks[anchor:], classes[anchor:], strict=True) if c == GOOD)
        return anchor if above <= below else 0
    return 0


def judge(
    blocks: list[Block], local: list[str], marks: list[int], o: Options, own_words: bool = False
) -> list[str | None]:
    """Each line's verdict, from its local class and comment mark: None to keep it (the
    other filters may still drop it), else why it goes. ``own_words``: the classes were
    judged by the page's own repeated words (no stoplist for its language)."""
    n = len(blocks)
    classes = [SHORT if c == SHORT_SENTENCE else c for c in local]
    # 1. the pass-through test
    anchor, passes = 0, little_chrome(classes, o, own_words)
    if not passes and GOOD in classes:
        anchor = headline(blocks, classes, o)
        passes = not anchor and starts_with_article(classes, o)
    if passes or GOOD not in classes:
        return [None if passes else NO_ARTICLE] * n
    # 2. the run, 3. its edges, 4. the context inside it
    ws = weights(blocks, local, o, anchor, comments_start(marks, local))
    run = grow(ws, local, marks, *under_title(ws, local, o, anchor), o)
    start, end = trim(blocks, classes, marks, *run, o)
    first, last = lede(blocks, local, start), closing(blocks, local, marks, end, o)
    final = [BAD] * first + [GOOD] * (start - first) + revise(classes[start : end + 1])
    final += [CHROME if c == CHROME else BAD for c in classes[end + 1 : last]] + [GOOD] * (last > end)
    mark_repeats(blocks, final, first, last)
    verdict: list[str | None] = ["before the article"] * first
    for i in range(first, last + 1):
        c = final[i]
        verdict.append(f"inside the article, looks like chrome ({classes[i]})" if c == BAD else None)
        if c == REPEAT:
            verdict[i] = "repeats text kept above it"
    return verdict + ["after the article"] * (n - last - 1)
