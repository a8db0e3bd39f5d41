"""The prose of a text, sampled for language identification.

A flattened page's longest line is often no prose: a picker of the site's editions in
their own languages, an archive of months, a tag cloud, a list of names or links, a
line of code. Told from it, the language is wrong or missing, and the content stage
weighs the article with the wrong stopwords. The sample takes the lines that hold
prose, and several of them, those of the blocks of long lines that share a word with the
page's first line (a flattened page's title) first, else those of its heaviest block: a
long cookie notice, teaser, bio or comment thread in another language elsewhere does
not decide. When the first line names nothing (another site's chrome above the page's
title), the title is the line that reads as one: a headline and the site's name, the
headline standing alone below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .filters.shape import CLOSERS, is_prose, title_case_ratio

#: How much text langdetect sees: its cost grows with the sample, and a few hundred
#: characters of prose tell a language as well as a whole page does.
SAMPLE_CHARS = 300
#: At most this much of the sample comes from one line, so that it holds several
#: lines when the page has them: one line that only looks like prose (names that end
#: in "Oh Fibes!") weighs no more than a line of the article.
PIECE_CHARS = SAMPLE_CHARS // 2
#: How much of a line is looked at for its prose (the sample takes the start of it):
#: a paragraph's first few sentences tell as much as the whole.
HEAD_CHARS = 2 * PIECE_CHARS
#: How much of a text is searched for prose (the cost is bounded on huge inputs too).
SCAN_CHARS = 200 * SAMPLE_CHARS
#: A sentence (a sentence end, and words before it) is prose from this many words on.
MIN_WORDS = 8
#: A sentence that ends in an ideographic full stop (Chinese, Japanese: no spaces to
#: count words by) is prose from this many letters on.
MIN_UNSPACED_LETTERS = 2 * MIN_WORDS
#: Above this share of its longer words capitalised, a line is a list of names, tags or
#: dates, not prose (of the prose lines of German pages, where nouns are capitalised,
#: about one in a hundred comes near it).
MAX_TITLE_CASE = 0.9
#: Of a page's longest lines, this many ...
CANDIDATES = 12
#: ... make blocks, those this many lines apart or closer (paragraphs with a blank line, a
#: caption or a subheading between them); the sample takes the lines of the block whose
#: lines are longest in all first. The article is one block; a cookie notice, a teaser or
#: a bio in the site's other language stands apart, however long.
BLOCK_GAP = 3
#: A word the title and a block share: a run of this many letters or more ("the", "und",
#: "les" are no evidence; a name or a noun is).
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
#: A line that reads as a page's ``<title>`` (a headline and the site's name) is this long at most, ...
MAX_TITLE_CHARS = 250
#: ... the site's name this many words at most, ...
SITE_WORDS = 4
#: ... and a separator stands between them: a run of these marks with a space on both sides.
TITLE_SEPARATOR = re.compile(r" [|–—\-»·:/]+ ")
_WORD = re.compile(r"[^\W\d_]+")
#: The fewest characters prose can have: one-letter words and the spaces between them.
_PROSE_MIN_CHARS = 2 * MIN_WORDS - 1
#: The content stage's closers, and » (a "more" arrow after a teaser's last sentence, which is prose too).
_CLOSERS = CLOSERS + "\u00bb"
_IDEOGRAPHIC_STOPS = "。！？．"
_CLOSING = f"[{re.escape(_CLOSERS)}]*"
#: A piece up to its last sentence end: a full stop, question or exclamation mark
#: before a space or the end of the piece (closing quotes and brackets between), or
#: an ideographic one anywhere. A lone letter's full stop is an initial or an
#: abbreviation ("E. T. A. Hoffmann", "u. a."), no sentence end: a tag cloud of names in
#: another language that holds one is no prose. Anchored: tried from any later start,
#: the greedy ``.*`` would make a search quadratic.
_LAST_SENTENCE_END = re.compile(
    rf"\A.*(?:(?:(?<![\s(][^\W\d_])\.|[!?]){_CLOSING}(?!\S)|[{_IDEOGRAPHIC_STOPS}]{_CLOSING})"
)
#: ... and a line that ends in one.
_ENDS_SENTENCE = re.compile(rf"[.!?{_IDEOGRAPHIC_STOPS}]{_CLOSING}\s*$")
_LETTER = re.compile(r"[^\W\d_]")


def sample(text: str, size: int = SAMPLE_CHARS, piece_chars: int = PIECE_CHARS) -> str:
    """A bounded sample of the text's prose: its longest lines that hold prose
    (:func:`prose_pieces`), at most ``piece_chars`` of each, until ``size`` characters.

    Only prose: a page's longest line is often a menu of language names, a tag cloud, a
    date archive or a blob of code. At most ``piece_chars`` of a line: one long line of
    names that happens to end like a sentence weighs no more than a line of the article.
    When the lines hold too little prose, a sentence wrapped over several lines may be
    why: they are tried again joined up (:func:`unwrap`).
    """
    lines = text[:SCAN_CHARS].splitlines()
    title = _spellings(_TITLE_WORD.findall(lines[0])) if lines else set()
    if lines and not title:
        title = _headlined_title(lines)
    picked = _gather(lines, size, piece_chars, title)
    if _length(picked) < size:
        joined = _gather(list(unwrap(lines)), size, piece_chars, title)
        if _length(joined) > _length(picked):
            picked = joined
    return "\n".join(picked)


def _gather(lines: list[str], size: int, piece_chars: int, title: set[str]) -> list[str]:
    """The prose of the longest ``lines``, at most ``piece_chars`` of each, until ``size``
    characters: the lines of the blocks that share a word of the ``title`` (:func:`_titled`),
    or else of the heaviest block, first, then the others, each longest first (and only
    until then). When the blocks that share the title's words hold ``piece_chars`` of
    prose or more, the sample is theirs: the page's own prose tells its language, however
    short, and another language's long lines elsewhere would outweigh it."""
    lengths = list(map(len, lines))
    order = sorted(range(len(lines)), key=lengths.__getitem__, reverse=True)
    blocks = _blocks(sorted(order[:CANDIDATES]), lengths)
    titled = _titled(blocks, lines, lengths, title) if title else []
    block = set(titled) or set(max(blocks, key=lambda b: sum(lengths[i] for i in b), default=()))
    first = titled or [i for i in order[:CANDIDATES] if i in block]
    picked: list[str] = []
    total = 0
    for n, i in enumerate(first + order):
        if total >= size or lengths[i] < _PROSE_MIN_CHARS:
            break
        if n >= len(first) and titled and total >= piece_chars:
            break  # (the title's blocks tell enough)
        if n >= len(first) and i in block:
            continue  # (taken already)
        for piece in prose_pieces(lines[i]):
            piece = piece[: min(piece_chars, size - total)]
            picked.append(piece)
            total += len(piece) + 1
            if total >= size:
                break
    return picked


def _headlined_title(lines: list[str]) -> set[str]:
    """The words (:func:`_spellings`) of the first line that reads as a page's ``<title>`` and
    whose words a long line shares: the title of a text whose first line has none (another
    site's chrome stands above the page's title, or the title is gone). Such a line is a
    headline and the site's name (``SITE_WORDS`` words at most), a separator between
    ("Headline | Site", "Site » Headline"), and its headline stands alone as a line below (the
    page's ``<h1>``); a menu, a teaser's heading or a line of the text does not."""
    lengths = list(map(len, lines))
    longest = sorted(range(len(lines)), key=lengths.__getitem__, reverse=True)[:CANDIDATES]
    last = {line.strip(): i for i, line in enumerate(lines)}
    for i, line in enumerate(lines):
        if len(line) <= MAX_TITLE_CHARS and _headline(line, i, last):
            words = _spellings(_TITLE_WORD.findall(line))
            if any(k != i and _shares(lines[k], words) for k in longest):
                return words
    return set()


def _headline(line: str, i: int, last: dict[str, int]) -> str | None:
    """The headline of line ``i`` if it reads as a page's ``<title>`` (:func:`_headlined_title`):
    its first or last part, the rest the site's name, standing alone as a line below (``last``:
    where each line, stripped, stands last)."""
    if TITLE_SEPARATOR.search(line) is None:
        return None
    parts = [stripped for part in TITLE_SEPARATOR.split(line) if (stripped := part.strip())]
    if len(parts) < 2:
        return None
    for head, site in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if _TITLE_WORD.search(head) and len(_WORD.findall(" ".join(site))) <= SITE_WORDS and last.get(head, -1) > i:
            return head
    return None


def _blocks(found: list[int], lengths: list[int]) -> list[list[int]]:
    """The lines ``found`` (in page order) in blocks: lines ``BLOCK_GAP`` apart or closer (a
    line too short for prose is in none)."""
    blocks: list[list[int]] = []
    for i in (i for i in found if lengths[i] >= _PROSE_MIN_CHARS):
        if blocks and i - blocks[-1][-1] <= BLOCK_GAP:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _titled(blocks: list[list[int]], lines: list[str], lengths: list[int], title: set[str]) -> list[int]:
    """The lines of the ``blocks`` that share a word with the ``title`` (the words,
    ``_TITLE_WORD``, of the text's first line: a flattened page's title), the title's own
    line aside: the heaviest block first, each block's lines longest first. The article
    shares the title's names and nouns; a cookie notice, bio or comment thread in another
    language does not, however long."""
    shared = [b for b in blocks if any(_shares(lines[i], title) for i in b if i)]
    shared.sort(key=lambda b: sum(lengths[i] for i in b), reverse=True)
    return [i for b in shared for i in sorted(b, key=lengths.__getitem__, reverse=True)]


def _spellings(words: list[str]) -> set[str]:
    """The ``words`` as written, in lower case and capitalised: "HARBOUR" in a title is the
    "Harbour" and "harbour" of its article (lines are not case-folded: a long line's copy
    costs more than the rest of the sample)."""
    return {spelling for word in words for spelling in (word, word.lower(), word.capitalize())}


def _shares(line: str, words: set[str]) -> bool:
    """Whether ``line`` holds one of the ``words`` as a word (letters on neither side; a
    substring search first: a regex over every long line costs more than the rest of the
    sample)."""
    return any(_holds(line, word) for word in words if word in line)


def _holds(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` with no letter next to it ("plan" is no word of "planning")."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and text[start - 1].isalpha()) and not text[end : end + 1].isalpha():
            return True
        start = text.find(word, end)
    return False


def _length(picked: list[str]) -> int:
    return sum(map(len, picked)) + len(picked)


def prose_pieces(line: str) -> list[str]:
    """The prose of a line, or of each cell of a flattened table row (``| a | b |``): the
    text up to its last sentence end, if that is prose (:func:`~cleaner.filters.shape.is_prose`,
    or at least ``MIN_UNSPACED_LETTERS`` letters ending in an ideographic full stop)."""
    pieces = (_prose_head(piece) for piece in (line.split("|") if "|" in line else (line,)))
    return [piece for piece in pieces if piece]


def _prose_head(piece: str) -> str | None:
    """``piece`` (its first ``HEAD_CHARS``) up to its last sentence end, if that is prose."""
    piece = piece[:HEAD_CHARS]
    if "{" in piece or "}" in piece:
        return None  # code (scripts and styles left in a flattened page)
    end = _LAST_SENTENCE_END.match(piece)
    if end is None or end.end() < _PROSE_MIN_CHARS:
        return None
    head = piece[: end.end()].strip()
    if head.rstrip(_CLOSERS)[-1:] in _IDEOGRAPHIC_STOPS:
        prose = len(_LETTER.findall(head)) >= MIN_UNSPACED_LETTERS
    else:
        prose = is_prose(head, MIN_WORDS)
    # a list of names, dates or tags in Title Case is no prose, whatever ends it
    return head if prose and title_case_ratio(head) <= MAX_TITLE_CASE else None


def unwrap(lines: list[str]) -> Iterator[str]:
    """The lines, a line that starts in lower case joined to the one above it unless
    that one ends a sentence: a sentence wrapped over several lines is whole again,
    and a menu (its entries capitalised, or no sentence at all) stays apart."""
    pending = ""
    for line in lines:
        if pending and line.lstrip()[:1].islower() and not _ENDS_SENTENCE.search(pending):
            pending = f"{pending.rstrip()} {line.lstrip()}"
            continue
        if pending:
            yield pending
        pending = line
    if pending:
        yield pending
