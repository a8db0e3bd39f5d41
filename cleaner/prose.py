"""How much of an extracted body is prose, by the content stage's local classes.

Precision mode, on a page whose markup it cannot read (class names it does not know),
can return a long body that is not the article: an infobox, a header, a timetable, a
thread's first post. Such a body is little prose: few of its lines are paragraphs.
:mod:`cleaner.extraction` retries it without precision (see ``LITTLE_PROSE``).
"""

from __future__ import annotations

from .document import Block
from .filters.content.classes import GOOD, Options, classify
from .filters.script import width
from .filters.shape import ends_sentence
from .filters.words import page_stopwords

#: A line of this many words or more that ends a sentence is prose without asking the
#: classifier (:func:`sentences_fill`).
SENTENCE_WORDS = 8
_OPTIONS = Options()


def _lines(body: str) -> list[str]:
    return [line for line in (raw.strip() for raw in body.split("\n")) if line]


def prose_width(body: str) -> int:
    """The width of the lines of ``body`` the content stage's local classifier calls good,
    with the body's own most repeated words as its stoplist (an extracted body has no
    declared language the stage could take a stoplist from)."""
    blocks = [Block(line) for line in _lines(body)]
    classes = classify(blocks, page_stopwords(blocks, _OPTIONS.fallback_stopwords), _OPTIONS)
    return sum(width(block.text) for block, c in zip(blocks, classes, strict=True) if c == GOOD)


def sentences_fill(body: str, share: float) -> bool:
    """Whether lines of :data:`SENTENCE_WORDS` words or more (as many spaces less one)
    that end a sentence fill ``share`` of the length of ``body``: prose, without asking
    the classifier (the lines are read until they do). Lengths, not widths: a script
    without spaces has no such line, and its body goes to the classifier."""
    lines = _lines(body)
    need, filled, spaces = share * sum(map(len, lines)), 0, SENTENCE_WORDS - 1
    for line in lines:
        if ends_sentence(line) and line.count(" ") >= spaces:
            filled += len(line)
            if filled >= need:
                return True
    return False


def prose_share(body: str) -> float:
    """The share of the width of ``body`` that its good lines fill (:func:`prose_width`)."""
    total = sum(width(line) for line in _lines(body))
    return prose_width(body) / total if total else 0.0
