"""What the report says of each document and of the batch: counts, shares, the documents shown in full."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..filters import BY_NAME, FILTERS
from .collect import Source

#: Documents shown in full by default; the others are rows of the table only.
DEFAULT_FULL = 200


def doc_id(rel: str) -> str:
    """The ``id`` of a document's section: its relative path, with the characters an id
    cannot hold (whitespace) and ``%`` percent-encoded. The report's own ids start with
    ``.``, which no document's does (the batch passes hidden files over)."""
    return "".join(f"%{ord(c):02X}" if c.isspace() or c == "%" else c for c in rel)


@dataclass(slots=True)
class Row:
    """One document, as the overview and the table show it."""

    source: Source
    id: str
    title: str
    language: str
    kind: str
    chars_in: int | None
    kept: int
    removed: dict[str, list[int]]  # filter -> [pieces, characters]
    config: dict[str, Any] | None
    config_sha256: str
    full: bool = False
    removed_chars: int = 0
    pieces: int = 0
    #: the share of its text the filters removed; a page of which nothing is left, 1
    share: float = 0.0
    top_filter: str = ""  # the filter that removed the most characters

    def __post_init__(self) -> None:
        self.removed_chars = sum(chars for _, chars in self.removed.values())
        self.pieces = sum(pieces for pieces, _ in self.removed.values())
        total = self.kept + self.removed_chars
        self.share = self.removed_chars / total if total else 1.0 if self.chars_in else 0.0
        if self.removed:
            self.top_filter = max(self.removed.items(), key=lambda kv: kv[1][1])[0]


def make_row(source: Source, record: dict[str, Any], body: str, counts: dict[str, list[int]]) -> Row:
    """A document's row, from its metadata record, body, and [pieces, characters] removed by filter."""
    chars_in = record.get("chars_in")
    config = record.get("config")
    return Row(
        source,
        doc_id(source.rel),
        _text(record.get("title")),
        _text(record.get("language")),
        "html" if record.get("kind") == "html" else "text" if record.get("kind") == "text" else "",
        chars_in if isinstance(chars_in, int) else None,
        len(body),
        counts,
        config if isinstance(config, dict) else None,
        _text(record.get("config_sha256")),
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def choose_full(rows: list[Row], limit: int, seed: int = 0) -> tuple[list[Row], str]:
    """The documents shown in full, by share removed, and a sentence saying how they were chosen.

    Half of ``limit`` are those that lost the largest share, the rest drawn at random
    from the others (with ``seed``): the outliers, and what an ordinary document looks like.
    """
    ranked = sorted(rows, key=lambda r: (-r.share, -r.removed_chars, r.source.rel))
    if len(ranked) <= limit:
        chosen = ranked
        note = (
            f"All {len(ranked):,} documents are shown in full below, by share removed."
            if len(ranked) != 1
            else "The document is shown in full below."
        )
    else:
        top = (limit + 1) // 2
        drawn = set(random.Random(seed).sample(range(top, len(ranked)), limit - top))
        chosen = ranked[:top] + [row for i, row in enumerate(ranked) if i in drawn]
        note = (
            f"{limit:,} of the {len(ranked):,} documents are shown in full below, by share removed: "
            f"the {top:,} that lost the largest share, and {limit - top:,} drawn at random from the rest "
            f"(seed {seed}). The others are rows of this table only."
        )
    for row in chosen:
        row.full = True
    return chosen, note


@dataclass
class FilterTotal:
    name: str
    colour: int  # index into the palette: the filter's place in the pipeline
    pieces: int = 0
    chars: int = 0
    documents: int = 0
    summary: str = ""


def colours(names: set[str]) -> dict[str, int]:
    """A colour for each filter name: its place in the pipeline (stable across reports),
    then names this version does not know, in order."""
    order = {f.name: i for i, f in enumerate(FILTERS)}
    order["html"] = len(FILTERS)
    base = len(order)
    order.update({name: base + i for i, name in enumerate(sorted(names - set(order)))})
    return {name: order[name] for name in names}


def _summary(name: str) -> str:
    known = BY_NAME.get(name)
    if known:
        return known.summary
    if name == "html":
        return "HTML extraction (trafilatura): a page in which it found no article."
    return "A filter this version of cleaner does not know."


@dataclass
class Overview:
    """The batch added up."""

    documents: int = 0
    kept: int = 0
    removed: int = 0
    filters: list[FilterTotal] = field(default_factory=list)
    shares: list[int] = field(default_factory=lambda: [0] * 10)  # documents per tenth removed
    kinds: Counter[str] = field(default_factory=Counter)
    html_bytes: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    configs: list[tuple[dict[str, Any] | None, str, int]] = field(default_factory=list)


def overview(rows: list[Row]) -> Overview:
    o = Overview(documents=len(rows))
    totals: dict[str, FilterTotal] = {}
    configs: dict[str, tuple[dict[str, Any] | None, int]] = {}
    for row in rows:
        o.kept += row.kept
        o.removed += row.removed_chars
        o.shares[min(9, int(row.share * 10))] += 1
        o.kinds[row.kind or "unknown"] += 1
        o.languages[row.language or "unknown"] += 1
        if row.kind == "html" and row.chars_in:
            o.html_bytes += row.chars_in
        config, count = configs.get(row.config_sha256, (row.config, 0))
        configs[row.config_sha256] = (config, count + 1)
        for name, (pieces, chars) in row.removed.items():
            total = totals.setdefault(name, FilterTotal(name, 0))
            total.pieces += pieces
            total.chars += chars
            total.documents += 1
    palette = colours(set(totals))
    for total in totals.values():
        total.colour = palette[total.name]
        total.summary = _summary(total.name)
    o.filters = sorted(totals.values(), key=lambda t: t.colour)
    o.configs = [(config, sha, count) for sha, (config, count) in sorted(configs.items(), key=lambda kv: -kv[1][1])]
    return o
