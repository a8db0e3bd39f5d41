"""The stage's options; line classes: each line judged on its text as jusText judges paragraphs, then by context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ...caches import Memos
from ...document import Block
from ..script import width
from ..shape import CLOSERS, any_of, ends_sentence, lower_share
from ..words import utf8_stopwords, word_counts

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
SHORT_SENTENCE = "short sentence"  # a short line that reads like prose (a sentence, a list item)
CHROME = "chrome"  # a line another filter calls chrome on its text alone (see MainContent.survey)
FREE = "free"  # a list or code between two paragraphs (see between): free in the run, kept

#: Marks of chrome: links and addresses, and the separators of menus and breadcrumbs (« is a quotation's).
_MARKS = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|html?|php)\b|\s[|»›/·•>]\s", re.I)
#: What marks hold: most lines hold none of it, and skip the search for marks.
_MARK_CHARS, _DOMAINS = any_of("/@#|>»›·•"), any_of(("ww.", ".com", ".org", ".net", ".htm", ".php"))
#: A number standing as a word: "2020", "(13)", not "B2B" or "3D" (the first digit leads: the engine skips to it).
_NUMBER = re.compile(r"\d(?<![^\W_]\d)\d*(?![^\W_])")
_CELL = re.compile(r"(?<!\S)[-+$€£(]?\d[\d.,:%/]*[%€$)]?(?!\S)")  # a table's cell of figures: "12", "-5.44%", "6:42.1"
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")  # a digit beyond ASCII ("٣", "５")
#: What code holds and prose seldom does, in any programming language (docs/content-stage.md).
_CODE = re.compile(r"=|\w\(|[{};]|<-|->|&&|\|\||(?:^|\s)[$#] ")
_CODE_CHARS = any_of("=({};<>&|$#")  # a line without one holds no mark of code (and is not searched)


@dataclass(frozen=True, slots=True)
class Options:
    """Lengths count characters, shares a line's words, run weights per character (docs/content-stage.md)."""

    length_low: int = 70  # below it a line is too short to judge alone
    length_high: int = 200  # from it a line of prose (``stop_low``) is good without a sentence end
    length_paragraph: int = 400  # a good line this long may open the article without a sentence end
    stop_low: float = 0.30  # stopword share below which a line is not prose
    stop_sentence: float = 0.2  # share (at most stop_low) from which a sentence (ending in . ! ? :) is prose
    max_link_density: float = 0.2  # link marks per word above which a line is navigation
    max_number_share: float = 0.5  # share of a long line's words that are numbers from which it is a list
    fallback_stopwords: int = 40  # no stoplist for the language: this many of the page's repeated words stand in
    bad_weight: float = 1.0
    short_weight: float = 0.8
    short_sentence_weight: float = -0.3
    neargood_weight: float = 0.1
    min_block_cost: int = 150  # (and what a line a filter calls chrome costs, whatever its length)
    min_list_lines: int = 3  # this many short sentences between paragraphs (and nothing else): a list, free
    min_code_marks: float = 0.15  # marks of code a word from which a line between paragraphs is code, free
    table_rows: int = 2  # this many rows of figures (others at most as many) between paragraphs: a table, free
    max_gap_lines: int = 8  # the run crosses at most this many lines between two good ones (0: never) ...
    join_weight: float = 300.0  # ... to prose beyond them that weighs this much ...
    join_weight_above: float = 150.0  # ... (above the run, this much)
    join_weight_repeat: float = 100.0  # ... (past a gap that repeats a line of the run's own gaps, this much at most)
    max_list_items: int = 30  # a list led in to by the article's last paragraph (a colon) has at most this many
    card_lines: int = 60  # a recipe's ingredients heading this near the run, its steps heading and steps as near ...
    card_gap: int = 6  # ... below it, each step at most this far below the one before
    max_lede_lines: int = 2  # lines above the first paragraph that may be its lede (a standfirst without a period)
    max_head_chrome: int = 2  # at most this many chrome-like lines above the first paragraph: no flattened page ...
    min_told_chrome: int = 5  # ... unless the other filters call this many lines chrome (0: never)
    title_reach: int = 10  # the run under the title goes through the first good line this near below it ...
    title_run_share: float = 0.3  # ... and wins over a heavier run further down if it weighs this share of it
    headline_run_share: float = 0.9  # ... (this share when the anchor is a headline above the first paragraph)
    template_lines: int = 3  # ... (the title's, however far, if the heavier one repeats a line's shape this often)
    min_prose_above: int = 300  # sentences above the run, good ones this many characters in all, are kept
    share_bar_lines: int = 2  # a comment heading this near under the first paragraph is a share bar's count
    comment_reach: int = 3  # a reader's comment (when kept) starts this near below its date, byline or heading
    comment_gap: int = 30  # ... and the comment section ends this far below its last heading, byline or comment


def numbers_at_least(text: str, k: float) -> bool:
    """Whether ``text`` holds ``k`` numbers standing as words or more."""
    raw = text.encode()  # (a line with fewer digits than k, counted at C speed, is not searched)
    if len(raw) - len(raw.translate(None, b"0123456789")) < k and (text.isascii() or not _OTHER_DIGIT.search(text)):
        return False
    return len(_NUMBER.findall(text)) >= k


def line_class(text: str, folded: str, n: float, hits: int, o: Options) -> str:
    """The local class of a line of ``n`` words, ``hits`` of them stopwords."""
    if n == 0 or (text[0] == "|" and text[-1] == "|" and len(text) > 1):
        return SHORT  # a divider ("* * *", "___") or a table's row ("| a | b |"): neither prose nor chrome
    if _MARK_CHARS(folded) or ("." in folded and _DOMAINS(folded)):  # menu separators, or many marks of links a word
        marks = _MARKS.findall(text)
        separators = sum(1 for m in marks if m[0] == " ")
        if (separators and "«" not in text) or len(marks) - separators > o.max_link_density * n:
            return BAD
    density = hits / n
    sentence = ends_sentence(text, colon=True, dots=False)
    # as wide as it is long or wider: only a line short of every threshold is measured
    size = width(text) if len(text) < max(o.length_low, o.length_high) and not text.isascii() else len(text)
    if size >= o.length_low and numbers_at_least(text, o.max_number_share * n):
        return BAD  # the months and counts of an archive, a table of dates or scores: a list, not prose
    if size < o.length_low:
        if density > 0:
            return SHORT_SENTENCE if sentence or (n >= 3 and lower_share(text) >= 0.6) else SHORT
        # a heading of a few words (no table's row) takes its neighbours' class, as a list item in lower case does
        heading = n >= 3 and not _NUMBER.search(text)
        return SHORT if sentence or heading or (n >= 2 and lower_share(text) >= 0.6) else BAD
    if text.rstrip(CLOSERS).endswith(("...", "…")):
        return NEARGOOD if density >= o.stop_low else BAD  # a teaser cut short is no paragraph of the article
    if density < (o.stop_sentence if sentence else o.stop_low):
        return BAD
    return GOOD if size >= o.length_high or (sentence and density >= o.stop_low) else NEARGOOD


def between(blocks: list[Block], local: list[str], o: Options) -> list[str]:
    """``local`` with the lists, the code and the tables between two good lines made :data:`FREE`."""
    local = list(local)
    for a, b in pairwise([k for k, c in enumerate(local) if c == GOOD]):
        inner, lines, free = local[a + 1 : b], range(a + 1, b), []
        if inner.count(SHORT_SENTENCE) >= o.min_list_lines and all(c in (SHORT_SENTENCE, CHROME) for c in inner):
            free = [g for g in lines if local[g] == SHORT_SENTENCE]  # a list (and chrome)
        elif BAD in inner and CHROME not in inner:  # code (and short lines), if every bad line is code
            code = (g for g in lines if local[g] in (BAD, SHORT) and _CODE_CHARS(blocks[g].text))  # (a mark's char)
            free = [g for g in code if len(_CODE.findall(t := blocks[g].text)) >= o.min_code_marks * len(t.split())]
            free = free if all(local[g] != BAD or g in free for g in lines) else []
        if not free and len(inner) >= o.table_rows and CHROME not in inner:  # a table: rows of 3 figures, a header
            rows = len({t for g in lines if numbers_at_least(t := blocks[g].text, 3) and len(_CELL.findall(t)) >= 3})
            free = [g for g in lines if local[g] != NEARGOOD] if rows >= o.table_rows >= len(inner) - rows else []
        for g in free:
            local[g] = FREE
    return local


def classify(blocks: list[Block], stops: frozenset[str], o: Options) -> list[str]:
    """The local classes of a page's lines, each worked out once for the lines of one text (:data:`CLASSES`)."""
    stops_utf8, seen = utf8_stopwords(stops), CLASSES.of((stops, o))
    classes: list[str] = []
    for block in blocks:
        c = seen.get(text := block.text)
        if c is None:
            if len(seen) >= CLASSES.lines:
                seen.clear()
            folded = text.casefold()
            c = seen[text] = line_class(text, folded, *word_counts(folded, stops, stops_utf8), o)
        classes.append(c)
    return classes


#: Line text -> local class, a memo for each stoplist and options (pages without a stoplist take their own words),
#: kept from page to page: a fifth of a flattened page's lines repeat one above them, and a site's menus recur.
CLASSES = Memos(count=8, lines=8192)


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    """The class of the nearest good or bad (or near-good) line from line ``i`` in direction ``step``, or bad."""
    wanted = (GOOD, BAD) if ignore_neargood else (GOOD, BAD, NEARGOOD)
    others = range(i + 1, len(classes)) if step > 0 else range(i - 1, -1, -1)
    return next((classes[j] for j in others if classes[j] in wanted), BAD)


def revise(classes: list[str]) -> list[str]:
    """The classes after jusText's context rules: short, then near-good lines take their neighbours' class."""
    final = list(classes)
    for i, c in enumerate(classes):
        if c == SHORT:
            prev, nxt = _neighbour(classes, i, -1, True), _neighbour(classes, i, 1, True)
            if prev == nxt:
                final[i] = prev
            else:  # good on one side, bad on the other: good if a near-good line is nearer on the bad side
                final[i] = GOOD if _neighbour(classes, i, -1 if prev == BAD else 1, False) == NEARGOOD else BAD
    for i, c in enumerate(classes):
        if c == NEARGOOD:
            final[i] = BAD if _neighbour(final, i, -1, True) == _neighbour(final, i, 1, True) == BAD else GOOD
    return final
