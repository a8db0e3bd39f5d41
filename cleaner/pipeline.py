"""The pipeline: detect the input kind and language, run the filters, build the document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import Any

from .blocks import folded, join_blocks, line_blocks, normalize_newlines, split_blocks
from .comments import (
    NO_PROSE,
    SEPARATED,
    by_group,
    distinct,
    flattened_comments,
    grouped_comments,
    reader,
    thread_text,
)
from .config import Config, ConfigError
from .data import LanguageData
from .document import Block, Document, Page, Removal, empty_metadata
from .extraction import EXTRACTION, NO_ARTICLE, extract, looks_like_html
from .filters import BY_NAME, FILTERS, Filter
from .filters.content import MainContent
from .filters.shape import head_end
from .guards import guard_html
from .inputs import InputError, decode_utf8
from .language import detect_language
from .textfix import fix_mojibake, repair

#: Called with an input's text once it is decoded (see :meth:`Pipeline.clean`).
Decoded = Callable[[str], None]


def as_page(raw: object) -> str | bytes:
    """``raw`` as what :meth:`Pipeline.clean` takes (a bytes-like object as bytes), or
    a ``TypeError`` that says what it takes."""
    if isinstance(raw, (bytearray, memoryview)):
        return bytes(raw)
    if not isinstance(raw, (str, bytes)):
        raise TypeError(f"clean() takes a page as str or bytes, not {type(raw).__name__}")
    return raw


class Pipeline:
    """A configured sequence of filters.

    Pipelines are cheap to pickle (only the configuration travels); phrase data and
    compiled patterns are loaded lazily, once per process and language.
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        if EXTRACTION in self.config.filters:
            raise ConfigError(f"the {EXTRACTION} step takes no options; remove its filters.{EXTRACTION} table")
        unknown = (set(self.config.disable) - {EXTRACTION} | set(self.config.filters)) - set(BY_NAME)
        if unknown:
            known = ", ".join([EXTRACTION, *BY_NAME])
            raise ConfigError(f"unknown filter name(s): {', '.join(sorted(unknown))}; known: {known}")
        self._filters: dict[str, list[Filter]] = {}
        self.filters_for("en")  # fail early on bad options

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self._filters = {}

    @property
    def enabled(self) -> list[str]:
        """The steps that run, in order: HTML extraction, then the filters."""
        return [name for name in (EXTRACTION, *(f.name for f in FILTERS)) if name not in self.config.disable]

    def extracts(self, kind: str) -> bool:
        """Whether input of ``kind`` (``text`` or ``html``) goes through HTML extraction."""
        return kind == "html" and EXTRACTION not in self.config.disable

    def filters_for(self, language: str | None) -> list[Filter]:
        data = LanguageData(language or "en")
        key = data.language
        if key not in self._filters:
            every = [cls(data, **self.config.filters.get(cls.name, {})) for cls in FILTERS]
            for f in every:
                f.consult(every)  # (the main-content stage asks the others, switched on or not)
            self._filters[key] = [f for f in every if f.name not in self.config.disable]
        return self._filters[key]

    def _check_size(self, raw: str | bytes, name: str) -> None:
        if len(raw) > self.config.max_bytes:
            unit = "bytes" if isinstance(raw, bytes) else "characters"
            raise InputError(f"{name}: too large: more than {self.config.max_bytes:,} {unit} (the max_bytes limit)")

    def prepare(
        self,
        raw: str | bytes,
        name: str | None = None,
        encoding: str | None = None,
        html: bool = False,
        decoded: Decoded | None = None,
    ) -> str:
        """The text the text filters start from: decoded (bytes; ``html``: a page, whose
        own charset declaration counts), size-checked, mojibake repaired. ``decoded`` is
        called with the decoded text, before any repair.

        Raises :class:`~cleaner.inputs.InputError` for binary or oversized input.
        """
        # (bytes in UTF-8 are the text's UTF-8: the mojibake check reads them, not a new encoding)
        return repair(*self._decoded_utf8(raw, name or "<input>", html, encoding, decoded))[0]

    def prepare_html(
        self, raw: str | bytes, name: str | None = None, encoding: str | None = None, decoded: Decoded | None = None
    ) -> str:
        """HTML made safe to parse: decoded (bytes, honouring the page's charset
        declaration), size-checked, binaries refused, mojibake repaired, entity
        declarations removed, nesting depth bounded (:mod:`cleaner.guards`). ``decoded``
        as for :meth:`prepare`."""
        name = name or "<input>"
        # (the page's UTF-8, when it is at hand, read once for the mojibake check and the guards)
        html, utf8, others = repair(*self._decoded_utf8(raw, name, True, encoding, decoded))
        return guard_html(html, name, self.config.max_html_depth, utf8, others)

    def _decoded_utf8(
        self, raw: str | bytes, name: str, html: bool, encoding: str | None, decoded: Decoded | None
    ) -> tuple[str, bytes | None]:
        """(``raw`` as text, decoded by :func:`cleaner.inputs.decode` if it is bytes, its UTF-8
        when at hand, see :func:`cleaner.inputs.decode_utf8`): from here on, bytes and the
        text they decode to take the same path."""
        raw = as_page(raw)
        self._check_size(raw, name)
        found = decode_utf8(raw, name, html=html, encoding=encoding) if isinstance(raw, bytes) else (raw, None)
        if decoded is not None:
            decoded(found[0])
        return found

    def clean(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        source: str | None = None,
        id: str | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        decoded: Decoded | None = None,
    ) -> Document:
        """Clean one document, given as text or HTML (``kind`` overrides the configuration).

        Bytes are decoded by :func:`cleaner.inputs.decode` (for HTML honouring the
        page's own charset declaration; ``encoding`` is a charset the transport
        declared, such as an HTTP header's), then cleaned as the text they decode to;
        input that is not text raises :class:`~cleaner.inputs.InputError`. ``decoded``,
        if given, is called once with that text (the batch measures the input by it,
        rather than decoding the bytes a second time).
        """
        metadata = empty_metadata()
        metadata["source"] = source or url
        if self.config.comments == "separate":
            metadata["comments"] = []
        removed: list[Removal] = []
        text, kind, no_article, thread = self._start(
            raw, kind or self.config.kind, source or url, url, encoding, metadata, decoded
        )
        del raw  # (the page as given: what is left of it is held as long as it is needed, no longer)
        if no_article:
            removed.append(Removal(EXTRACTION, "", no_article))
            return Document("", id=id, metadata=metadata, removed=removed)
        # lines as the block stage will split them: the text stage works line by line too
        text = normalize_newlines(text)
        lines = text.count("\n") + 1
        if kind != "html" and self.config.comments != "drop":  # (not held when unwanted: a copy of the page)
            thread = text  # a flattened page's comments are among its lines
        language: str | None = self.config.language
        detect = language == "auto"
        page = Page([], metadata, removed)
        # the text stage (stray markup) first: the language is told from the text it
        # leaves, as a second cleaning sees it ("<p>" between two words can tip the
        # count of letters that a language needs). Its filters know no language.
        text = self._text_stage(text, kind, None if detect else language, page)
        if detect:
            language = metadata.get("language") or detect_language(text)
        metadata["language"] = language
        block_filters = self._block_filters(language, kind)
        # each copy of the page's text goes as soon as the next is made: its lines then
        # are the blocks' (a copy is 1, 2 or 4 bytes a character, by its widest character)
        text = folded(text)
        split = text.split("\n")
        del text
        page.blocks = line_blocks(split, page.origins)
        del split
        self._block_stage(block_filters, page)
        comments = self._comments(page, kind, language, thread, lines) if self.config.comments != "drop" else []
        return self._document(page, id, comments)

    def _text_stage(self, text: str, kind: str, language: str | None, page: Page) -> str:
        """The text the text-stage filters leave of ``text``."""
        for f in self.filters_for(language):
            if f.stage == "text" and kind in f.kinds:
                stripped = f.apply_text(text, page)
                if stripped is not text:
                    # mojibake split by a tag ("Ã<br>¢") is whole once the tag is gone:
                    # repair it now, or a second cleaning would
                    stripped = fix_mojibake(stripped)
                text = stripped
        return text

    def _document(self, page: Page, id: str | None, comments: list[list[Block]]) -> Document:
        """The document of ``page``: its body, the readers' ``comments`` after it (``keep``)
        or in ``metadata["comments"]`` (``separate``)."""
        blocks = [b for b in page.blocks if not b.dropped]
        if self.config.comments == "keep":
            blocks += [b for comment in comments for b in comment]
        elif self.config.comments == "separate":
            page.metadata["comments"] = [fix_mojibake(join_blocks(comment)) for comment in comments]
        # the block stage folded odd spaces (a no-break space among mojibake keeps ftfy
        # from judging the sequence it ends): repair now what a second cleaning would
        body = fix_mojibake(join_blocks(blocks))
        return Document(body, id=id, metadata=page.metadata, removed=page.removed, lines=[b.line for b in blocks])

    def _comments(self, page: Page, kind: str, language: str | None, thread: str, lines: int) -> list[list[Block]]:
        """The readers' comments of a page whose body ``page`` holds, each its lines, cleaned
        by the filters the body went through (what those learn from them is not kept).

        ``thread``: an HTML page's comments (one a paragraph group; its lines counted on
        from the ``lines`` of its body), or a flattened page's text, whose comments the
        content stage finds below the body (none without the stage).
        """
        content = next((f for f in self.filters_for(language) if isinstance(f, MainContent)), None)
        comments = Page([], dict(page.metadata), page.removed if kind == "html" else [])
        if kind == "html":
            thread = normalize_newlines(fix_mojibake(thread))
            comments.origins = list(range(lines + 1, lines + 2 + thread.count("\n")))
        elif content is None:
            return []
        else:
            end = max((b.line for b in page.blocks if not b.dropped), default=0)
            below = split_blocks("\n".join(thread.split("\n")[end:]), list(range(end + 1, lines + 1)))
            thread, comments.origins = thread_text(flattened_comments(below, reader(content, below, language)))
        comments.blocks = split_blocks(self._text_stage(thread, kind, language, comments), comments.origins)
        self._block_stage([f for f in self._block_filters(language, kind) if f is not content], comments)
        kept = [b for b in comments.blocks if not b.dropped]
        if kind == "html" and content is not None:
            taken = distinct(grouped_comments(kept, reader(content, kept, language, grouped=True)))
            chosen = {id(b) for comment in taken for b in comment}
            comments.drop_all([b for b in kept if id(b) not in chosen], content.name, NO_PROSE)
            return taken
        taken = distinct(by_group(kept))
        if kind != "html":
            self._taken(page.removed, {b.line for comment in taken for b in comment})
        return taken

    def _taken(self, removed: list[Removal], lines: set[int]) -> None:
        """The records of removed ``lines`` of a flattened page, taken into its readers'
        comments: marked so (``separate``), or deleted (``keep``: they are in the body)."""
        for i in reversed(range(len(removed))):
            if removed[i].line in lines:
                if self.config.comments == "keep":
                    del removed[i]
                else:
                    removed[i].reason = SEPARATED

    def _block_filters(self, language: str | None, kind: str) -> list[Filter]:
        return [f for f in self.filters_for(language) if f.stage == "blocks" and kind in f.kinds]

    def _start(
        self,
        raw: str | bytes,
        kind: str,
        name: str | None,
        url: str | None,
        encoding: str | None,
        metadata: dict[str, Any],
        decoded: Decoded | None = None,
    ) -> tuple[str, str, str | None, str]:
        """(the text the text stage starts from, the kind its filters run for, why an
        HTML page gave no article, if it gave none, the page's readers' comments).

        HTML is extracted, its metadata put into ``metadata``, its comments too when they
        are wanted; with the extraction step disabled it is cleaned as text (decoded as
        a page: its declaration counts).
        """
        raw = as_page(raw)
        if kind == "auto":
            kind = "html" if looks_like_html(raw) else "text"
        if kind != "html":
            return self.prepare(raw, name, encoding, decoded=decoded), kind, None, ""
        if EXTRACTION in self.config.disable:
            return self.prepare(raw, name, encoding, html=True, decoded=decoded), "text", None, ""
        html = self.prepare_html(raw, name, encoding, decoded)
        found = extract(html, url=url, guarded=True, comments=self.config.comments != "drop")
        metadata.update(found.metadata)
        if not found.text:
            return "", kind, found.reason or NO_ARTICLE, ""
        return fix_mojibake(found.text), kind, None, found.comments

    def _block_stage(self, block_filters: list[Filter], page: Page) -> None:
        """Run the block filters on the page's blocks."""
        held, positions = hold_out_long(page, self.config.max_line_chars)
        for f in block_filters:
            f.survey(page)
        run_block_filters(block_filters, page)
        if held:
            page.blocks = merge_held(page.blocks, held, positions)

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Clean a stream of documents (their ``text`` is the raw input), datatrove-style."""
        for doc in docs:
            meta = doc.metadata or {}
            yield self.clean(doc.text, url=meta.get("url"), source=meta.get("source"), id=doc.id)


def run_block_filters(filters: list[Filter], page: Page) -> None:
    """Run the block filters in order, taking out what each drops before the next.

    Consecutive filters with ``scope = "article"`` run as one group on the page's head
    and the lines the main-content stage keeps (see :func:`run_in_scope`).
    """
    for scoped, group in groupby(filters, key=lambda f: f.scope == "article"):
        if scoped:
            run_in_scope(list(group), page)
        else:
            apply_each(group, page)


def apply_each(filters: Iterable[Filter], page: Page) -> None:
    """Apply the filters in turn to ``page.blocks``, compacting after each (none once
    no block is left)."""
    for f in filters:
        if not page.blocks:
            break
        f.apply(page)
        page.compact()


def run_in_scope(group: list[Filter], page: Page) -> None:
    """Run filters of ``scope = "article"`` on the page's head and its first line of
    prose (the filters that read the head should see it as a second cleaning would) and
    on the lines the main-content stage keeps; they only drop lines, and the others are
    put back where they were."""
    blocks = page.blocks
    head = head_end(blocks) + 1  # (with the first line of prose, which ends it)
    if not any(b.verdict for b in blocks[head:]):
        apply_each(group, page)
        return
    page.blocks = blocks[:head] + [b for b in blocks[head:] if b.verdict is None]
    apply_each(group, page)
    page.blocks = [b for b in blocks if not b.dropped]


def hold_out_long(page: Page, limit: int) -> tuple[list[tuple[int, Block]], dict[int, tuple[int, Block]]]:
    """Take blocks longer than ``limit`` characters out of the block filters' way.

    A line that long is no menu or widget; keeping it as it is bounds the work the
    filters do per block. Returns the held (position, block) pairs and the original
    positions of the blocks left in ``page.blocks`` (by ``id``, with the block itself
    so that its ``id`` cannot be reused), for :func:`merge_held`.
    """
    if not any(len(b.text) > limit for b in page.blocks):
        return [], {}
    held: list[tuple[int, Block]] = []
    kept: list[Block] = []
    positions: dict[int, tuple[int, Block]] = {}
    for i, block in enumerate(page.blocks):
        if len(block.text) > limit:
            held.append((i, block))
        else:
            kept.append(block)
            positions[id(block)] = (i, block)
    page.blocks = kept
    return held, positions


def merge_held(
    blocks: list[Block], held: list[tuple[int, Block]], positions: dict[int, tuple[int, Block]]
) -> list[Block]:
    """Put held-out blocks back where they were among what the filters kept.

    Blocks the filters made (e.g. by splitting one) take the position of the block
    before them, so each held block lands after everything that came before it.
    """
    out: list[Block] = []
    pending = list(held)
    pos = -1
    for block in blocks:
        known = positions.get(id(block))
        if known is not None and known[1] is block:
            pos = known[0]
        while pending and pending[0][0] < pos:
            out.append(pending.pop(0)[1])
        out.append(block)
    out.extend(b for _, b in pending)
    return out
