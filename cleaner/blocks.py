"""Splitting text into blocks and joining blocks back into a body."""

from __future__ import annotations

from .document import Block

#: Odd spaces (folded to a plain space) and zero-width characters (dropped).
_ODD_SPACES = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def fold_spaces(text: str) -> str:
    """Odd spaces to plain ones, zero-width characters dropped.

    One ``in`` test and, for the few characters present, one ``replace`` each: many
    times faster than ``str.translate`` with a table, which looks up every character.
    """
    for c in _ODD_SPACES:
        if c in text:
            text = text.replace(c, " ")
    for c in _ZERO_WIDTH:
        if c in text:
            text = text.replace(c, "")
    return text


def normalize_line(line: str) -> str:
    """Fold odd spaces to plain ones, drop zero-width characters, trim and squeeze."""
    line = fold_spaces(line).strip()
    return " ".join(line.split()) if "  " in line else line


def normalize_newlines(text: str) -> str:
    """Every line break ("\\r\\n", "\\r", U+2028, U+2029) as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def folded(text: str) -> str:
    """``text`` with every line break a "\\n" and :func:`fold_spaces` done: once for the
    whole text, what :func:`normalize_line` does line by line."""
    return fold_spaces(normalize_newlines(text))


def split_blocks(text: str, origins: list[int] | None = None) -> list[Block]:
    """One block per non-empty line; blank lines start a new group.

    A block's ``line`` is its line's number, counted from 1, or its entry in ``origins``
    (the input line of each line of ``text``, when the text stage joined or split lines).
    """
    return line_blocks(folded(text).split("\n"), origins)


def line_blocks(lines: list[str], origins: list[int] | None = None) -> list[Block]:
    """:func:`split_blocks` of the text whose :func:`folded` lines are ``lines``."""
    blocks: list[Block] = []
    add = blocks.append
    group = 0
    pending_gap = False
    last = len(origins) - 1 if origins else -1
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            pending_gap = True
            continue
        if "  " in line:
            line = " ".join(line.split())
        if pending_gap and blocks:
            group += 1
        pending_gap = False
        # (origins is short only if a repair after the text stage made a line break; a
        # block made with positional arguments: a page makes one per line)
        add(Block(line, group, False, origins[min(number - 1, last)] if origins else number))
    return blocks


def join_blocks(blocks: list[Block]) -> str:
    """The body: kept blocks, one paragraph each, separated by a blank line."""
    return "\n\n".join(b.text for b in blocks if not b.dropped)
