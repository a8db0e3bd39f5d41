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

#: Longest line ftfy is asked to repair; longer lines are kept as they are.
MAX_LINE = 20_000
#: Most characters per document handed to ftfy.
BUDGET = 1_000_000

# A UTF-8 lead byte (C2-F4) decoded as Latin-1/cp1252, then a continuation byte
# (80-BF) decoded as Latin-1 or cp1252; or a C1 control character. Written as one
# character class first, the lookbehinds telling the two cases apart: the regex
# engine then skips ahead to the next such character, where an alternation at the
# top would be tried at every position (twice as slow on a page of text).
_CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_SUSPECT = re.compile(
    "[\u0080-\u009f\u00c2-\u00f4](?:(?<=[\u0080-\u009f])|(?<=[\u00c2-\u00f4])" + _CONTINUATION + ")"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _config():
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


def _has_surrogates(text: str) -> bool:
    """Whether ``text`` holds lone surrogates (which UTF-8 cannot encode): the
    encoder's fast path tells it five times sooner than a regex scan."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def fix_mojibake(text: str) -> str:
    """``text`` with mojibake repaired where ftfy is confident; else unchanged."""
    if text.isascii():
        return text
    if _has_surrogates(text):
        text = _SURROGATE.sub("\ufffd", text)
    if not _SUSPECT.search(text):
        return text
    import ftfy

    config = _config()
    budget = BUDGET
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line) <= MAX_LINE and budget >= len(line) and _SUSPECT.search(line):
            budget -= len(line)
            lines[i] = ftfy.fix_text(line, config)
    return "\n".join(lines)
