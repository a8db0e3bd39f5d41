"""Stray markup: HTML tags and entities left in text, code fences, script and style residue."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from html.entities import html5
from typing import Any

from ..data import LanguageData
from ..document import Block, Page, Removal
from .base import DataPattern, Filter, PatternFilter
from .shape import any_of

_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]{1,9}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
#: A script or style element with its content, as one piece (bounded, lazy: no backtracking
#: blow-up); or a DOCTYPE with its internal subset (entity declarations, often over several
#: lines), which the tag pattern, line by line, cannot take whole.
_CUT = re.compile(
    r"<(script|style)\b[^<>]{0,1000}>[\s\S]{0,200000}?</\1\s{0,5}>|<!doctype\b[^<>\[]{0,1024}\[[^\]]{0,65536}\]\s{0,5}>",
    re.IGNORECASE,
)
_CODE_CHARS = frozenset("{}();=<>[]$")
#: Script and style residue always holds one of these; prose seldom does.
_CODE_HINT = any_of("{};=<")


def _tag(tags: tuple[str, ...]) -> str:
    """A tag, a comment or a doctype: one alternation after its leading "<"."""
    names = "|".join(sorted(tags, key=len, reverse=True))
    return rf"<(?:/?(?:{names})(?:\s[^<>]{{0,1000}})?/?>|!--[\s\S]{{0,20000}}?-->|!doctype\b[^<>]{{0,200}}>)"


@cache
def _markup_pattern(tags: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"{_tag(tags)}|{_ENTITY}", re.IGNORECASE)


@cache
def _markup_halves(tags: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_markup_pattern`'s two halves, each led by one literal character ("<",
    "&"): searching a whole page, the regex engine jumps from one such character to
    the next instead of trying every position."""
    return re.compile(_tag(tags), re.IGNORECASE), re.compile(_ENTITY, re.IGNORECASE)


#: Tags that end a paragraph or a line: their text does not run on into what follows.
_BREAK = re.compile(
    r"<br\s{0,5}/?>|</(?:p|div|li|h[1-6]|tr|td|section|article|header|footer|blockquote)\s{0,5}>", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _unknown_reference() -> re.Pattern[str]:
    """A named character reference with its ";" whose name HTML does not know."""
    return re.compile(
        r"&((?!(?:"
        + "|".join(sorted((re.escape(n[:-1]) for n in html5 if n.endswith(";")), key=len, reverse=True))
        + r");)[A-Za-z][A-Za-z0-9]*;)"
    )


def _strip_markup(line: str) -> str:
    """The text of a line of HTML, per BeautifulSoup (tags dropped, entities decoded).

    Inline tags vanish without a trace ("<b>rock</b>!" -> "rock!"); block tags and <br>
    end a line.
    """
    from bs4 import BeautifulSoup
    from bs4.exceptions import ParserRejectedMarkup

    # Two kinds of "&" are text, and stand in during the parse as a character that is no
    # markup (a noncharacter the line does not hold), to come back as "&" after it:
    # - that of "&am;", which names no character: html.parser keeps it but eats its ";",
    #   and a second pass would eat the next one, until the text spells a real reference
    #   ("&am;p;" -> "&amp;"). (An escape, "&amp;am;", would come back raw where the
    #   parser keeps a broken tag's text as it is, "<ab &amp;am; c" at the end of a
    #   line, and the next pass would escape it again.)
    # - that of a "&#" that starts no character reference ("&#don", "&# "): the parser
    #   gives up on the rest of the line, tags and all, which the next pass, on a line
    #   split elsewhere, would strip.
    markup = _BREAK.sub("\n", line)
    hold = next((c for c in _HOLDS if c not in markup), None) if "&" in markup else None
    if hold:
        markup = _BROKEN_CHARACTER_REFERENCE.sub(hold, _unknown_reference().sub(hold + r"\1", markup))
    # At the very end of its input html.parser drops the "&" of "&e" and leaves "&amp"
    # undecoded, unlike anywhere else: the line is parsed with a newline after it, which
    # comes off again (so that the next pass, at whose end the line may not be, agrees)
    markup += "\n"
    try:
        text = BeautifulSoup(markup, "html.parser").get_text()
    except ParserRejectedMarkup:
        # html.parser rejects a declaration it does not know ("<![tml>"): such "<!" are
        # text, and stay as they are
        text = BeautifulSoup(markup.replace("<!", "&lt;!"), "html.parser").get_text()
    if text.endswith("\n"):
        text = text[:-1]
    return text.replace(hold, "&") if hold else text


#: The "&" of a "&#" that no digit (nor "x" and a hex digit, nor ";") follows.
_BROKEN_CHARACTER_REFERENCE = re.compile(r"&(?=#(?![0-9;]|[xX][0-9A-Fa-f;]))")
#: Stand-ins for the "&" of an unknown reference during a parse: Unicode noncharacters,
#: which no text means (a line that holds them all keeps its unknown references to the parser).
_HOLDS = "".join(map(chr, range(0xFDD0, 0xFDF0)))


_ENTITY_RE = re.compile(_ENTITY)


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group())


#: Rounds of stripping per line beyond the first (each round strips at least one tag or
#: entity, so real inputs settle in one or two).
_MAX_ROUNDS = 4


class StrayMarkup(Filter):
    name = "markup"
    summary = "Strip leftover HTML tags, comments, script/style elements and entities (BeautifulSoup)."
    stage = "text"

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.markup = _markup_pattern(data.phrases("markup", "tags"))
        self.tag, self.entity = _markup_halves(data.phrases("markup", "tags"))

    def apply_text(self, text: str, page: Page) -> str:
        if "<" not in text and "&" not in text:
            return text
        if "<" in text:
            text = self._cut_elements(text, page)
        if not (("<" in text and self.tag.search(text)) or ("&" in text and self.entity.search(text))):
            return text  # a stray "<" or "&" in prose: no line has anything to strip
        lines = text.split("\n")
        origins = page.origins
        split = False
        for i, line in enumerate(lines):
            found = self.markup.findall(line) if ("<" in line or "&" in line) else None
            if not found:
                continue
            stripped = self._strip_line(line)
            if stripped == line:
                continue  # nothing it could strip (an unknown reference, a broken tag)
            lines[i] = stripped
            split = split or "\n" in stripped
            tags = [f for f in found if f.startswith("<")]
            reason = "HTML tags" if tags else "HTML entities"
            where = origins[i] if origins is not None else i + 1
            page.removed.append(Removal(self.name, " ".join(tags or found), reason, where))
        if split:  # a <br> or </p> ended a line: the lines it made come from the same input line
            page.origins = [
                origins[i] if origins is not None else i + 1 for i, line in enumerate(lines) for _ in line.split("\n")
            ]
        return "\n".join(lines)

    def _strip_line(self, line: str) -> str:
        stripped = _strip_markup(line)
        # the parser can leave a fragment raw ("<x &amp; y</p>" keeps "&amp;") that a
        # second pass would strip: strip to a fixed point, so cleaning is idempotent
        for _ in range(_MAX_ROUNDS):
            if not self.markup.search(stripped):
                break
            again = "\n".join(
                _strip_markup(part) if self.markup.search(part) else part for part in stripped.split("\n")
            )
            if again == stripped:  # the parser leaves the line as it is ("&amp; <wo"):
                again = _ENTITY_RE.sub(_unescape, stripped)  # decode what it would not
                if again == stripped:
                    break
            stripped = again
        return stripped

    def _cut_elements(self, text: str, page: Page) -> str:
        """The text with each script and style element, content and all (and a DOCTYPE
        with its internal subset), made one line break, and recorded at the line where it
        started."""
        matches = list(_CUT.finditer(text))
        if not matches:
            return text
        before = page.origins or range(1, text.count("\n") + 2)
        origins = [before[0]]  # the input line of each line of the text returned
        at = pos = 0  # a position in ``text``, and the index of its line
        for m in matches:
            start, end = m.span()
            copied = text.count("\n", pos, start)
            origins.extend(before[at + 1 : at + 1 + copied])
            at += copied
            reason = f"{m.group(1).lower()} element" if m.group(1) else "doctype and its internal subset"
            page.removed.append(Removal(self.name, m.group(0), reason, before[at]))
            at += text.count("\n", start, end)
            origins.append(before[at])  # the line break that stands in for the element
            pos = end
        origins.extend(before[at + 1 :])
        page.origins = origins
        return _CUT.sub("\n", text)


class CodeFences(PatternFilter):
    name = "fences"
    scope = "article"
    summary = "Drop code-fence lines (```html, ~~~) and their smart-quoted forms (\u201c`html)."
    patterns = {"pattern": ("markup", "fence")}
    reason = "code fence"
    defaults = {"max_words": 2}


class ScriptResidue(Filter):
    name = "scripts"
    scope = "article"
    summary = "Drop blocks of JavaScript or CSS left over from the page's scripts and styles."
    defaults = {"min_code_share": 0.04}
    patterns = {"pattern": ("markup", "code")}
    pattern: DataPattern

    def chrome(self, block: Block) -> str | None:
        text = block.text
        # the share of code characters (a count per character: fast) before the
        # pattern, which steps through a long line that holds a ";" or "="
        if (
            _CODE_HINT(text)
            and sum(map(text.count, _CODE_CHARS)) >= self.options["min_code_share"] * len(text)
            and self.pattern.search(text)
        ):
            return "script or style residue"
        return None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        return [b for b in blocks if _CODE_HINT(b.text)]  # (chrome's first test: few lines hold a hint)
