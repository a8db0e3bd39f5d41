"""The document that flows through the pipeline, and the record of what was removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .keys import SHORT_KEY_CHARS, key

#: Metadata keys every document carries (``None`` where unknown).
METADATA_KEYS = ("title", "author", "date", "site", "language", "source")


def empty_metadata() -> dict[str, Any]:
    return {key: None for key in METADATA_KEYS}


@dataclass(slots=True)
class Removal:
    """One piece of text a filter took out of the body, and why.

    (Not frozen: a frozen dataclass sets each field through ``object.__setattr__``,
    which makes building these records, one for most lines of a flattened page, much
    slower; docs/benchmarks.md.)
    """

    filter: str
    text: str
    reason: str
    #: Where the text stood: its line in the input (for HTML, in the text extracted
    #: from it), counted from 1; ``None`` for a record of no one place.
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        # "line" always, None where unknown: a table of records (Arrow, pandas) wants one schema
        return {"filter": self.filter, "text": self.text, "reason": self.reason, "line": self.line}


#: Marks of where readers' comments start (:attr:`Block.comments_below`): a comment
#: section's heading ("167 Comments"), and a comment's byline ("Alex on May 3, 2019 said:").
COMMENT_SECTION, COMMENT = 1, 2


@dataclass(slots=True, init=False)
class Block:
    """A line of the input: the unit filters keep or drop.

    ``group`` numbers the blank-line-separated paragraph group the line came from, so
    filters can tell lines that stood together (a widget, an author box) from lines
    that did not. ``cut`` counts the lines earlier filters removed right above this
    one, so later filters still see where chrome stood. ``outside`` marks a line the
    main-content stage's survey placed outside the article's reach (see
    :attr:`cleaner.filters.base.Filter.scope`); ``local`` is that stage's class of the
    line, kept for its final pass. ``comments_below`` marks a line at which readers'
    comments start: it, or a line removed right above it, was a comment section's
    heading (:data:`COMMENT_SECTION`) or a comment's byline (:data:`COMMENT`).
    ``short`` is the line's :func:`~cleaner.keys.short_key` (None for a long line),
    worked out once: a block's text never changes. ``line`` is where the line stood in
    the input, counted from 1 (see :attr:`Removal.line`); a block split in two keeps it.
    """

    text: str
    group: int = 0
    dropped: bool = False
    cut: int = 0
    outside: bool = field(default=False, compare=False, repr=False)
    local: str | None = field(default=None, compare=False, repr=False)
    comments_below: int = field(default=0, compare=False, repr=False)
    short: str | None = field(init=False, default=None, compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)

    def __init__(self, text: str, group: int = 0, dropped: bool = False, cut: int = 0, line: int = 0) -> None:
        # written out rather than generated with a __post_init__: a page makes a block
        # per line, and the second call cost a tenth of making one
        self.text = text
        self.group = group
        self.dropped = dropped
        self.cut = cut
        self.outside = False
        self.local = None
        self.comments_below = 0
        self.line = line
        # several filters look the line up in phrase lists: its key is worked out once
        self.short = key(text) if len(text) <= SHORT_KEY_CHARS else None


def inside_bounds(blocks: list[Block]) -> tuple[int, int]:
    """(lo, hi): ``blocks[lo:hi]`` is what lies between the runs of blocks at either end
    that the main-content survey marked ``outside`` (all of them if it marked none)."""
    lo, hi = 0, len(blocks)
    while lo < hi and blocks[lo].outside:
        lo += 1
    while hi > lo and blocks[hi - 1].outside:
        hi -= 1
    return lo, hi


@dataclass(slots=True)
class Document:
    """The result of cleaning: the body, what was learned about it, what was removed.

    ``text`` holds the article body, paragraphs separated by one blank line;
    ``lines`` the input line each paragraph came from (see :attr:`Removal.line`), which
    places the body among the removals.
    """

    text: str
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=empty_metadata)
    removed: list[Removal] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "metadata": dict(self.metadata),
            "removed": [r.to_dict() for r in self.removed],
        }


class Page:
    """The working state of one document inside the pipeline."""

    __slots__ = (
        "blocks",
        "metadata",
        "removed",
        "_dropped",
        "narrow",
        "narrowed",
        "widen",
        "comments_below_end",
        "origins",
    )

    def __init__(self, blocks: list[Block], metadata: dict[str, Any], removed: list[Removal]):
        self.blocks = blocks
        self.metadata = metadata
        self.removed = removed
        self._dropped = True  # blocks may come in dropped: the first compact looks
        #: The main-content survey may narrow the article's reach to the run it expects
        #: (``narrowed`` says it did); its final pass sets ``widen`` when the run proves
        #: to need the lines outside, and the block filters run again with ``narrow`` off.
        self.narrow = True
        self.narrowed = False
        self.widen = False
        #: the mark of blocks dropped at the end, which no kept block follows, since
        #: this was last set 0 (see :meth:`compact`)
        self.comments_below_end = 0
        #: the input line (from 1) of each line of the text the text stage leaves, when
        #: a text filter joined or split lines; ``None``: line i came from line i + 1
        self.origins: list[int] | None = None

    def drop(self, block: Block, filter_name: str, reason: str) -> None:
        if not block.dropped:
            block.dropped = True
            self._dropped = True
            self.removed.append(Removal(filter_name, block.text, reason, block.line))

    def drop_all(self, blocks: list[Block], filter_name: str, reason: str) -> None:
        """:meth:`drop` for a run of blocks with one reason (the main-content stage
        drops most lines of a flattened page this way)."""
        removed = self.removed
        for block in blocks:
            if not block.dropped:
                block.dropped = True
                removed.append(Removal(filter_name, block.text, reason, block.line))
        self._dropped = True

    def compact(self) -> int:
        """Take the dropped blocks out of ``blocks`` (counting them in ``cut`` of the next
        kept one); at once when nothing was dropped with :meth:`drop` since the last time.

        The start of readers' comments (:attr:`Block.comments_below`) passes on the same
        way, the strongest mark kept. Returns the count for dropped blocks at the end,
        which no kept block takes (and raises ``comments_below_end`` to their mark).
        """
        if not self._dropped:
            return 0
        self._dropped = False
        kept: list[Block] = []
        cut = 0
        comments = 0
        for b in self.blocks:
            if b.dropped:
                cut += 1 + b.cut
                if b.comments_below > comments:
                    comments = b.comments_below
            else:
                if cut:
                    b.cut += cut
                    cut = 0
                    if comments > b.comments_below:
                        b.comments_below = comments
                    comments = 0
                kept.append(b)
        self.blocks = kept
        if comments > self.comments_below_end:
            self.comments_below_end = comments
        return cut

    def set_meta(self, key: str, value: Any) -> None:
        """Set a metadata field unless an earlier source already filled it."""
        if value and not self.metadata.get(key):
            self.metadata[key] = value
