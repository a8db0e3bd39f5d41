"""The document that flows through the pipeline, and the record of what was removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .keys import SHORT_KEY_CHARS, key

#: Metadata keys every document carries (``None`` where unknown).
METADATA_KEYS = ("title", "author", "date", "site", "language", "source")


def empty_metadata() -> dict[str, Any]:
    return {key: None for key in METADATA_KEYS}


def metadata_keys(comments: str = "drop") -> tuple[str, ...]:
    """The metadata keys every document carries when readers' comments are ``comments``
    (see :data:`cleaner.config.COMMENT_MODES`): ``"comments"`` too when they are kept apart."""
    return (*METADATA_KEYS, "comments") if comments == "separate" else METADATA_KEYS


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


@dataclass(slots=True, init=False)
class Block:
    """A line of the input: the unit filters keep or drop.

    ``group`` numbers the blank-line-separated paragraph group the line came from, so
    filters can tell lines that stood together (a widget, an author box) from lines
    that did not. ``verdict`` is the main-content stage's reason to drop the line (not
    the article's), given before the other block filters run, so that what they drop
    does not move it; ``said``, for a line it asked the other filters about, what they
    said (filter name -> reason, for those that call it chrome), so that they need not
    judge it again.
    ``short`` is the line's :func:`~cleaner.keys.short_key` (None for a long line),
    worked out once: a block's text never changes. ``line`` is where the line stood in
    the input, counted from 1 (see :attr:`Removal.line`); a block split in two keeps it.
    """

    text: str
    group: int = 0
    dropped: bool = False
    verdict: str | None = field(default=None, compare=False, repr=False)
    said: dict[str, str] | None = field(default=None, compare=False, repr=False)
    short: str | None = field(init=False, default=None, compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)

    def __init__(self, text: str, group: int = 0, dropped: bool = False, line: int = 0) -> None:
        # written out rather than generated with a __post_init__: a page makes a block
        # per line, and the second call cost a tenth of making one
        self.text = text
        self.group = group
        self.dropped = dropped
        self.verdict = None
        self.said = None
        self.line = line
        # several filters look the line up in phrase lists: its key is worked out once
        self.short = key(text) if len(text) <= SHORT_KEY_CHARS else None

    def __reduce__(self) -> tuple[Any, ...]:
        # (written out: a compiled class whose __init__ takes arguments does not
        # unpickle by default, and mypyc's serializable=True breaks calling it from Python)
        return _block, (self.text, self.group, self.dropped, self.line, self.verdict, self.said)


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

    __slots__ = ("blocks", "metadata", "removed", "_dropped", "origins")

    def __init__(self, blocks: list[Block], metadata: dict[str, Any], removed: list[Removal]):
        self.blocks = blocks
        self.metadata = metadata
        self.removed = removed
        self._dropped = True  # blocks may come in dropped: the first compact looks
        #: the input line (from 1) of each line of the text the text stage leaves, when
        #: a text filter joined or split lines; ``None``: line i came from line i + 1
        self.origins: list[int] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return _page, (self.blocks, self.metadata, self.removed, self._dropped, self.origins)

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

    def compact(self) -> None:
        """Take the dropped blocks out of ``blocks``; at once when nothing was dropped
        with :meth:`drop` since the last time."""
        if self._dropped:
            self._dropped = False
            self.blocks = [b for b in self.blocks if not b.dropped]

    def set_meta(self, key: str, value: Any) -> None:
        """Set a metadata field unless an earlier source already filled it."""
        if value and not self.metadata.get(key):
            self.metadata[key] = value


def _block(text: str, group: int, dropped: bool, line: int, verdict: str | None, said: dict[str, str] | None) -> Block:
    block = Block(text, group, dropped, line)
    block.verdict, block.said = verdict, said
    return block


def _page(
    blocks: list[Block], metadata: dict[str, Any], removed: list[Removal], dropped: bool, origins: list[int] | None
) -> Page:
    page = Page(blocks, metadata, removed)
    page._dropped, page.origins = dropped, origins
    return page
