"""Mojibake repair with ftfy, kept conservative and linear in time.

Only ftfy's encoding fixes run ("donâ€™t" -> "don't", stray C1 controls, broken
surrogates); its cosmetic fixes (quotes, ligatures, widths, HTML entities, Unicode
normalization) are off, so text that is not mojibake comes out unchanged.

ftfy is slow (about half a megabyte a second), so it only sees lines that a cheap
regular expression flags as possible mojibake (a UTF-8 lead byte read as Latin-1 or
windows-1252 followed by a continuation byte read the same way, or a C1 control),
only lines up to :data:`MAX_LINE` characters, and at most :data:`BUDGET` characters
per document. Everything else is left as it is. Lone surrogates (which cannot be
written as UTF-8) are always replaced by U+FFFD.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ftfy

#: Longest line ftfy is asked to repair; longer lines are kept as they are.
MAX_LINE = 20_000
#: Most characters per document handed to ftfy.
BUDGET = 1_000_000

# A UTF-8 lead byte (C2-F4) decoded as Latin-1/cp1252, then a continuation byte
# (80-BF) decoded as Latin-1 or cp1252; or a C1 control character.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_C1 = re.compile("[\u0080-\u009f]")
#: The line breaks :func:`cleaner.blocks.split_blocks` cuts at.
_LINE_BREAK = re.compile("(\r\n|[\r\n\u2028\u2029])")
_ASCII = bytes(range(128))


def non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order, without the ASCII between them.

    A regular expression looks at every character of a page; encoding to UTF-8 and
    deleting the ASCII bytes runs at C speed (docs/benchmarks.md). UTF-8 never uses
    bytes below 0x80 inside a multi-byte character, so what is left decodes to the
    page's non-ASCII characters; lone surrogates survive the round trip.
    """
    return _non_ascii(_utf8(text)) if not text.isascii() else ""


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _non_ascii(data: bytes) -> str:
    """:func:`non_ascii` of the text whose UTF-8 is ``data``."""
    return data.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def _suspect(data: bytes, others: str) -> bool:
    """Whether ``_SUSPECT`` matches somewhere in the text whose UTF-8 is ``data`` and
    whose non-ASCII characters are ``others`` (see :func:`non_ascii`).

    Characters next to each other in the text are next to each other in ``others``,
    so every pair the pattern could match in the text is among its matches in
    ``others`` (a lead character never ends a match, so none is hidden by an
    overlap); the pairs found there are then looked up in ``data``, encoded: a byte
    search is faster than one in a wide string, and UTF-8 bytes match only where
    whole characters do. A C1 control matches on its own, anywhere.
    """
    if _C1.search(others):
        return True
    return any(_utf8(pair) in data for pair in {m.group() for m in _SUSPECT.finditer(others)})


@lru_cache(maxsize=1)
def _config() -> ftfy.TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        max_decode_length=100_000,
        explain=False,
    )


def fix_mojibake(text: str) -> str:
    """``text`` with mojibake repaired where ftfy is confident; else unchanged."""
    return repair(text)[0]


def repair(text: str, utf8: bytes | None = None) -> tuple[str, bytes | None, str | None]:
    """(:func:`fix_mojibake` of ``text``, its UTF-8 and its :func:`non_ascii`, each None
    where not at hand), given ``utf8``, the UTF-8 of ``text`` if the caller has it."""
    if text.isascii():
        return text, utf8, ""
    data = _utf8(text) if utf8 is None else utf8
    others = _non_ascii(data)
    if _SURROGATE.search(others):
        text = _SURROGATE.sub("\ufffd", text)
        data = _utf8(text)
        others = _non_ascii(data)
    if not _suspect(data, others):
        return text, data, others
    import ftfy

    config = _config()
    budget = BUDGET
    # lines as the block splitter cuts them (ftfy judges a sequence by its line: a
    # line break it did not see would let a second cleaning judge differently);
    # the breaks themselves, at the odd places of the list, stay as they were
    parts = _LINE_BREAK.split(text)
    for i in range(0, len(parts), 2):
        line = parts[i]
        if len(line) <= MAX_LINE and budget >= len(line) and _SUSPECT.search(line):
            budget -= len(line)
            parts[i] = ftfy.fix_text(line, config)
    return "".join(parts), None, None
