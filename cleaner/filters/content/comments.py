"""Readers' comments, when they are wanted (``comments = "separate"`` or ``"keep"``).

Two shapes of page: an HTML page's comments come one a paragraph group (trafilatura found
the section, :mod:`cleaner.comments` told one comment from the next), and a comment is a
group with a reader's prose in it. A flattened page's comments stand below the article,
each a run of prose lines below its author's name and the time it was written, between
reply buttons and vote counts: :func:`flattened_comments` finds them on the page's own
lines, from the first comment section heading or comment byline below the article on.
Only the prose of a comment is taken; the lines around it are chrome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from unicodedata import category

from ...document import Block
from .classes import GOOD, NEARGOOD, SHORT_SENTENCE, ends_sentence, lower_share

#: A near-good line without a sentence end is a reader's if this share of its words after
#: the first start in lower case (as the one-line lede, see edges.py).
LOWER_SHARE = 0.6
_JOINERS = "\ufe0f\u200d"  # (in emoji)
#: The reason recorded for a line of a flattened page taken into ``metadata["comments"]``.
SEPARATED = "a reader's comment: into metadata comments"
#: The reason recorded for a line of an HTML page's comment section left out of the comments.
NO_PROSE = "no reader's comment: a name, a date, a notice, or a copy of a comment above"


@dataclass(frozen=True)
class Reader:
    """What tells readers' comments on one page (see ``MainContent.reader``)."""

    #: a line is a reader's prose (:func:`reads_as_comment`), no notice of the comment form
    is_comment: Callable[[Block], bool]
    #: a line is a comment section's heading or a comment's byline
    is_mark: Callable[[str], bool]
    #: a line says when a comment was written ("2 days ago at 07:52 am")
    is_time: Callable[[str], bool]
    #: a comment starts at most this many lines below its mark or time
    reach: int
    #: the comment section ends this many lines below its last mark or comment
    gap: int


def reads_as_comment(cls: str, text: str, grouped: bool = False) -> bool:
    """Whether a line of class ``cls`` is a reader's prose: good, or a shorter sentence
    that ends in . ! or ? ("Thanks, that helped! 🙂"), or near-good and mostly in lower
    case (a reader may leave out the full stop; a headline of a widget beside the comments
    is in Title Case, and an excerpt is cut short with "..."). Not a name, a time ("2
    days ago at 07:52 am", a short sentence too) or a vote count. ``grouped``: the page
    told the comments apart (HTML), and any near-good line is prose."""
    if cls == GOOD or (grouped and cls == NEARGOOD):
        return True
    bare = _bare(text)
    if ends_sentence(bare, colon=False):
        return cls == NEARGOOD or cls == SHORT_SENTENCE
    return cls == NEARGOOD and not bare.endswith(("...", "…")) and lower_share(bare) >= LOWER_SHARE


def _bare(text: str) -> str:
    """``text`` without the symbols (emoji) and spaces it ends in."""
    end = len(text)
    while end and (text[end - 1].isspace() or category(text[end - 1])[0] == "S" or text[end - 1] in _JOINERS):
        end -= 1
    return text[:end]


def flattened_comments(blocks: list[Block], reader: Reader) -> list[list[Block]]:
    """The comments among ``blocks``, a flattened page's lines below its article: from
    the first mark (a comment section's heading, a comment's byline) on, runs of prose
    lines, each starting at most ``reader.reach`` lines below a mark or a line that says
    when a comment was written, until ``reader.gap`` lines pass with neither a mark nor
    a comment. A comment is its author's words between the two; prose not so placed (a
    widget's, a form's, a footer's) is none."""
    start = next((i for i, b in enumerate(blocks) if reader.is_mark(b.text)), len(blocks))
    comments: list[list[Block]] = []
    last, since = -2, 0
    for i in range(start, len(blocks)):
        block = blocks[i]
        if i - max(last, start) > reader.gap:
            break  # the section is over (a feed of posts or tweets further below is none)
        if reader.is_mark(block.text):
            since, start = 0, i
        elif not reader.is_comment(block):
            since = 0 if reader.is_time(block.text) else since + 1
        elif i == last + 1:
            comments[-1].append(block)
            last = i
        elif since < reader.reach:
            comments.append([block])
            last, since = i, reader.reach
        else:
            since += 1
    return comments


def grouped_comments(blocks: list[Block], reader: Reader) -> list[list[Block]]:
    """The comments in a comment section given one a paragraph group (as an HTML page's
    come, see :mod:`cleaner.comments`): of each group with a reader's prose in it, the
    lines from its first prose line to its last (a name or a date above it, a vote
    count or a reply button below it, are no part of what the reader wrote)."""
    comments = []
    for lines in by_group(blocks):
        prose = [i for i, block in enumerate(lines) if reader.is_comment(block)]
        if prose:
            comments.append(lines[prose[0] : prose[-1] + 1])
    return comments


def distinct(comments: list[list[Block]]) -> list[list[Block]]:
    """``comments`` without those whose text repeats one before them (a page may give
    its comments twice, as its mobile and desktop views or in a "top comments" box)."""
    seen: set[tuple[str, ...]] = set()
    unique = []
    for comment in comments:
        text = tuple(b.text for b in comment)
        if text not in seen:
            seen.add(text)
            unique.append(comment)
    return unique


def by_group(blocks: list[Block]) -> list[list[Block]]:
    """``blocks`` in their paragraph groups, in order."""
    groups: dict[int, list[Block]] = {}
    for block in blocks:
        groups.setdefault(block.group, []).append(block)
    return list(groups.values())


def thread_text(comments: list[list[Block]]) -> tuple[str, list[int]]:
    """(``comments`` as a text to clean, a paragraph a line and a blank line between two
    comments; the line of the page each of its lines came from)."""
    lines: list[str] = []
    origins: list[int] = []
    for comment in comments:
        if lines:
            lines.append("")
            origins.append(comment[0].line)
        lines += [b.text for b in comment]
        origins += [b.line for b in comment]
    return "\n".join(lines), origins
