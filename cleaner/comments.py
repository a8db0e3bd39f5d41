"""Readers' comments, when they are wanted (``comments = "separate"`` or ``"keep"``): told
apart on an HTML page, and found among a page's lines.

trafilatura finds a page's comment section (``include_comments``) and gives its text a
paragraph a line, without what told one comment from the next (names, dates, reply
links). :func:`comment_text` puts a blank line between two comments, from the page
itself: two lines are one comment's when the elements their text starts in are one, or
siblings (the paragraphs of a comment stand side by side; two comments stand each in its
own container). A line not found on the page starts a comment of its own: two readers'
words are not joined on a guess.

An HTML page's comments so come one a paragraph group, and a comment is a group with a
reader's prose in it (:func:`grouped_comments`). A flattened page's comments stand below the article,
each a run of prose lines below its author's name and the time it was written, between
reply buttons and vote counts: :func:`flattened_comments` finds them on the page's own
lines, from the first comment section heading or comment byline below the article on.
Only the prose of a comment is taken; the lines around it are chrome.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from unicodedata import category

from .document import Block
from .filters.content.classes import GOOD, NEARGOOD, SHORT_SENTENCE, classify
from .filters.shape import ends_sentence, lower_share
from .filters.words import page_stopwords, stopwords

if TYPE_CHECKING:
    from .filters.content import MainContent

#: Elements inside a paragraph: text in them belongs to the paragraph around them.
INLINE = frozenset(
    "a abbr b bdi bdo big br cite code del dfn em font i img ins kbd label mark q s samp small span strike "
    "strong sub sup time tt u var wbr".split()
)
#: Elements whose text is no text of the page.
_NO_TEXT = frozenset(("script", "style", "noscript", "template"))
#: Characters of a line and of a piece of the page's text compared to match them.
PREFIX = 40


def comment_text(tree: Any, comments: str) -> str:
    """``comments`` (trafilatura's text of the page's comment section, a paragraph a line)
    with a blank line between two comments; ``tree`` is the page it was extracted from."""
    lines = [line for line in comments.splitlines() if line.strip()]
    if not lines:
        return ""
    owners = _owners(tree, lines)
    parts = [lines[0]]
    for k in range(1, len(lines)):
        parts.append(("\n" if _together(owners[k - 1], owners[k]) else "\n\n") + lines[k])
    return "".join(parts)


def _together(a: Any, b: Any) -> bool:
    return a is not None and b is not None and (a is b or a.getparent() is b.getparent())


def _owners(tree: Any, lines: list[str]) -> list[Any]:
    """The element each line's text starts in (``None`` where it is not found), each
    looked for after the one before it, in page order."""
    pieces = list(_pieces(tree))
    by_word: dict[str, list[int]] = {}
    for i, (text, _) in enumerate(pieces):
        by_word.setdefault(text.split(maxsplit=1)[0], []).append(i)
    owners: list[Any] = []
    cursor = 0
    for line in lines:
        found = None
        candidates = by_word.get(line.split(maxsplit=1)[0], [])
        for i in candidates[bisect_left(candidates, cursor) :]:
            text = pieces[i][0]
            if line.startswith(text[:PREFIX]) or text.startswith(line[:PREFIX]):
                found, cursor = pieces[i][1], i + 1
                break
        owners.append(found)
    return owners


def _pieces(tree: Any) -> Iterator[tuple[str, Any]]:
    """(text, the block element it stands in) for each run of text on the page, in
    order, its whitespace squeezed."""
    for element in tree.iter():
        tag = element.tag
        if isinstance(tag, str) and tag not in _NO_TEXT and element.text and not element.text.isspace():
            yield " ".join(element.text.split()), _block(element)
        if element.tail and not element.tail.isspace() and element.getparent() is not None:
            yield " ".join(element.tail.split()), _block(element.getparent())


def _block(element: Any) -> Any:
    """The nearest element around ``element``, or itself, that is no inline element."""
    while element.tag in INLINE and element.getparent() is not None:
        element = element.getparent()
    return element


#: A near-good line without a sentence end is a reader's if this share of its words after
#: the first start in lower case (as the one-line lede, see content/run.py).
LOWER_SHARE = 0.6
_JOINERS = "\ufe0f\u200d"  # (in emoji)
#: The reason recorded for a line of a flattened page taken into ``metadata["comments"]``.
SEPARATED = "a reader's comment: into metadata comments"
#: The reason recorded for a line of an HTML page's comment section left out of the comments.
NO_PROSE = "no reader's comment: a name, a date, a notice, or a copy of a comment above"


@dataclass(frozen=True)
class Reader:
    """What tells readers' comments on one page (see :func:`reader`)."""

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
    if ends_sentence(bare, dots=False):
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


def reader(content: MainContent, blocks: list[Block], language: str | None, grouped: bool = False) -> Reader:
    """What tells the readers' comments among ``blocks`` by the content stage's options and
    patterns; a line is prose by the classes of ``language``, or of the page's frequent words.
    ``grouped``: the page told the comments apart (see :func:`reads_as_comment`)."""
    o = content.o
    stops = stopwords(language) or page_stopwords(blocks, o.fallback_stopwords)
    form, heading, byline = content.forms.search, content.headings.search, content.bylines.search
    return Reader(
        is_comment=lambda b: reads_as_comment(classify([b], stops, o)[0], b.text, grouped) and not form(b.text),
        is_mark=lambda text: bool(heading(text) or (text[-1:] == ":" and byline(text))),
        is_time=lambda text: bool(content.times.search(text)),
        reach=o.comment_reach,
        gap=o.comment_gap,
    )
