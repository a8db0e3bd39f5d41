"""Splitting text into blocks and joining blocks back into a body."""

from __future__ import annotations

from .document import Block

_SPACE_TRANS = {ord(c): " " for c in "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}
_DROP_TRANS = {ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff"}


def normalize_line(line: str) -> str:
    """Fold odd spaces to plain ones, drop zero-width characters, trim and squeeze."""
    if line.isascii():  # fast path: translate() costs more than everything else here
        line = line.replace("\t", " ").strip()
    else:
        line = line.translate(_SPACE_TRANS).translate(_DROP_TRANS).strip()
    return " ".join(line.split()) if "  " in line else line


_LINE_TRANS = {**_SPACE_TRANS, **_DROP_TRANS}


def split_blocks(text: str) -> list[Block]:
    """One block per non-empty line; blank lines start a new group."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_LINE_TRANS)  # once for the whole text: what normalize_line does per line
    blocks: list[Block] = []
    group = 0
    pending_gap = False
    for raw in text.split("\n"):
        line = raw.strip()
        if "  " in line:
            line = " ".join(line.split())
        if not line:
            pending_gap = True
            continue
        if pending_gap and blocks:
            group += 1
        pending_gap = False
        blocks.append(Block(line, group))
    return blocks


def join_blocks(blocks: list[Block]) -> str:
    """The body: kept blocks, one paragraph each, separated by a blank line."""
    return "\n\n".join(b.text for b in blocks if not b.dropped)
