"""Main content: keep the article's run of prose, drop the page chrome around and inside it.

Scraped text is often a whole page flattened to lines: menus, link lists and share
bars first and last, the article in the middle. Without markup to go by, each block
(line) is judged on its own text, in the spirit of jusText but on plain text:

1. *Local class*, one pass over the blocks: ``good`` (prose: a sentence end and a
   share of stopwords, or long and stopword-rich), ``neargood`` (prose-like but
   weaker: no sentence end, a truncated teaser "..."), ``short`` (under
   ``length_low``; a short sentence or lower-case list item is weighed apart) or
   ``bad`` (links and addresses, menu separators, too few stopwords, a short line
   with neither stopwords nor lower-case words).
2. *Run*: the article is the contiguous run of blocks with the largest weight (good
   text counts for it, short and bad lines against, a list between paragraphs is
   free). The page's title repeated above the article anchors it: good text above
   the anchor counts for nothing, and the run under it wins over a heavier one far
   below (a teaser list, the comments) unless it is much lighter. The run opens with
   a paragraph of prose (or a one-line lede sentence right above one) and takes a
   closing sentence or credit right after it.
3. *Context* inside the run: jusText's rules give short and near-good lines the
   class of their neighbours (a one-line paragraph between paragraphs stays, a share
   bar between them goes); a paragraph repeating text kept above it goes too.

Everything outside the run is dropped, with where it was as the reason. A page with
almost nothing chrome-like on it (a clean article, or a page the specific filters
already cleaned) passes through untouched, and so does the stage's own output.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..document import COMMENT, Block, Page, inside_bounds
from .base import Filter
from .prompts import mark_comment_bylines
from .shape import is_prose, title_repeat

_WORD = re.compile(r"[^\W_]+")  # "___" is a divider, not a word
_WORD_NO_UNDERSCORE = re.compile(r"\w+")  # the same on a text without "_", and faster
#: Marks of chrome, found in one pass: links and addresses (URLs, domains, e-mail
#: addresses, handles, tags) and, starting with a space, the separators of menus and
#: breadcrumbs (a line with « has quotations, not crumbs).
_MARKS = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|html?|php)\b|\s[|»›/·•>]\s", re.I)


def _may_have_marks(folded: str) -> bool:
    """Whether a case-folded block holds what every mark holds: most blocks do not, and
    the costlier search for marks is skipped."""
    return (
        "/" in folded
        or "." in folded
        and (
            "ww." in folded
            or ".com" in folded
            or ".org" in folded
            or ".net" in folded
            or ".htm" in folded
            or ".php" in folded
        )
        or "@" in folded
        or "#" in folded
        or "|" in folded
        or ">" in folded
        or "»" in folded
        or "›" in folded
        or "·" in folded
        or "•" in folded
    )


_EDGE_SEPARATORS = frozenset("|›·•>")  # not », which closes quotations
#: A block that ends like a sentence (closing quotes and brackets allowed) ...
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?:。！？][\"'”’»)\]]*$")
#: ... a sentence end that no lead-in colon makes (for a one-line lede)
_LEDE_END = re.compile(r"(?<!\.\.)[.!?。！？][\"'”’»)\]]*$")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")
#: ... and the last characters those two can end on: most lines end on none of them,
#: and the search is skipped.
_CLOSERS = "\"'”’»)]"
_SENTENCE_LAST = frozenset(".!?:。！？" + _CLOSERS)
_ELLIPSIS_LAST = frozenset(".…" + _CLOSERS)
#: Word splitting without a regex: as UTF-8 bytes, ASCII that is no part of a word (all
#: but a-z and 0-9 in a case-folded text, so "_" too, as in _WORD) goes to a space, then
#: split. Exact when every character beyond ASCII is a word character (letters stay
#: whole, their bytes all >= 0x80); five times as fast as findall.
_ASCII_NON_WORD = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(128)) + bytes(range(128, 256))
#: A character beyond ASCII that is no part of a word: the text takes the regex.
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]")
#: ... unless it is one of these, the most common in prose and menus: replaced by
#: spaces first (they are no part of a word).
_COMMON_PUNCTUATION = ("’", "“", "”", "—", "–", "‘", "…", "»", "«", "©", "·", "•")


def word_counts(folded: str, stops: frozenset[str], stops_utf8: frozenset[bytes]) -> tuple[int, int]:
    """(words, stopwords among them) of a case-folded text, its words as _WORD finds them.

    ``stops_utf8`` is :func:`utf8_stopwords` of ``stops``.
    """
    if not folded.isascii():
        for c in _COMMON_PUNCTUATION:
            if c in folded:
                folded = folded.replace(c, " ")
        # (most English paragraphs are ASCII once their quotes and dashes are spaces)
        if not folded.isascii() and _NON_ASCII_NON_WORD.search(folded):
            words = (_WORD if "_" in folded else _WORD_NO_UNDERSCORE).findall(folded)
            return len(words), sum(map(stops.__contains__, words))
    split = folded.encode().translate(_ASCII_NON_WORD).split()
    return len(split), sum(map(stops_utf8.__contains__, split))


@lru_cache(maxsize=16)
def utf8_stopwords(stops: frozenset[str]) -> frozenset[bytes]:
    """The stopwords in UTF-8, for :func:`word_counts`'s fast path."""
    return frozenset(w.encode() for w in stops)


#: Whitespace after a sentence end. It means (?<=[.!?。！？])\s+ but starts with the
#: space, so that the engine skips from space to space instead of trying the
#: lookbehind at every character (a third less time a paragraph).
_SENTENCE_SPLIT = re.compile(r"\s(?<=[.!?。！？]\s)\s*")


@lru_cache(maxsize=1)
def _stoplist_names() -> dict[str, str]:
    text = (resources.files("cleaner.data") / "_common" / "stoplists.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["stoplists"]


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The jusText stoplist for an ISO 639-1 code; empty if there is none."""
    name = _stoplist_names().get(language or "")
    if not name:
        return frozenset()
    import justext

    return frozenset(w.casefold() for w in justext.get_stoplist(name))


GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
#: A block of the run whose sentences were all kept above it already.
REPEAT = "repeat"
#: A line outside the article's reach that the survey did not class (see classify).
UNSEEN = "unseen"
#: A short block that reads like prose (a sentence, a list item in sentence case):
#: classed as short, weighed apart.
SHORT_SENTENCE = "short sentence"


class MainContent(Filter):
    name = "content"
    summary = "Keep the article's contiguous run of prose; drop menus, link lists and share bars around and inside it."
    #: HTML bodies arrive already extracted by trafilatura, which sees the markup this
    #: stage has to guess from: cutting them again loses article text (F1 0.976 -> 0.946).
    kinds = ("text",)
    patterns = {"bylines": ("prompts", "comment_bylines")}  # readers' comments (see survey)
    defaults = {
        # characters: below length_low a block is too short to judge alone
        "length_low": 70,
        # characters: from length_high a stopword-rich block is good without a sentence end
        "length_high": 200,
        # characters: a good block this long can open the article without a sentence end
        # (no headline or caption is; a flattened page may lose a paragraph's last period)
        "length_paragraph": 400,
        # stopword share of the words: below stop_low a block is not prose
        "stop_low": 0.30,
        # stopword share from which a sentence (ending in . ! ? :) is prose
        "stop_sentence": 0.25,
        # stopword share from which a long block is good
        "stop_high": 0.32,
        # link marks per word above which a block is navigation
        "max_link_density": 0.2,
        # languages without a stoplist: this many of the page's repeated words stand in
        "fallback_stopwords": 40,
        # run weights, per character: good text counts 1 for the run; these count
        # for (positive) or against (the block's length, at least min_block_cost)
        "bad_weight": 1.0,
        "short_weight": 0.8,
        "short_sentence_weight": -0.3,
        "neargood_weight": 0.1,
        # each line an earlier filter removed inside a gap (chrome it recognised)
        "cut_weight": 0.5,
        # characters: every block that is not good costs at least this much
        "min_block_cost": 150,
        # a gap of at least this many prose-like short lines between paragraphs (and
        # nothing else) is a list of the article, and costs nothing
        "min_list_lines": 3,
        # lines below the run (counting those earlier filters removed) within which a
        # short closing sentence or credit ("Reporting by AFP.") is the article's own
        "closing_reach": 6,
        # the stage cuts only a page with at least this many chrome-like lines (those
        # it sees and those earlier filters removed): fewer is a clean text
        "min_chrome_lines": 3,
        # a page with no prose is all navigation only if it has this many lines
        "min_page_blocks": 3,
        # a text with at most this many chrome-like lines above its first paragraph
        # (and no page title repeated as a headline) starts with its article: it is no
        # flattened page, and passes through
        "max_head_chrome": 2,
        # how many lines from the top to look for the title's repetition
        "title_search": 1000,
        # the run under the title is the one through the first good line within
        # this many lines below its repetition
        "title_reach": 10,
        # ... and it wins over a heavier run further down if it weighs at least
        # this share of it
        "title_run_share": 0.3,
        # weight of good text above the title's repetition (teasers, a lede box)
        "before_title_weight": 0.0,
        # survey: on a page with at least this many chrome-like lines, the filters
        # that only drop chrome look only from scope_margin lines above its first
        # prose-like line to scope_margin lines below its last (see Filter.scope)
        "scope_min_chrome": 10,
        "scope_margin": 3,
        # ... and narrows that stretch to the run the survey expects, with this many
        # lines around it (0: no narrowing; see survey)
        "scope_run_margin": 8,
    }

    def __init__(self, data: Any, **options: Any):
        super().__init__(data, **options)
        o = self.options
        self._length_low, self._length_high = o["length_low"], o["length_high"]
        self._stop_low, self._stop_high = o["stop_low"], o["stop_high"]
        self._stop_sentence, self._max_links = o["stop_sentence"], o["max_link_density"]
        # every class but good and near-good weighs against the run (as by default)
        self._outside_weighs_against = o["bad_weight"] > 0 and o["short_weight"] > 0 and o["short_sentence_weight"] < 0
        # the survey may narrow the reach to the run it expects, when each line's weight
        # once the other filters have run can be bounded (see _bounds and classify)
        self._narrows = self._outside_weighs_against and 0 <= o["before_title_weight"] <= 1 and o["cut_weight"] >= 0

    def survey(self, page: Page) -> None:
        """On a page full of chrome, mark the lines outside the article's reach.

        The article's run starts at a prose-like line (good or near-good) and ends at
        one or just after it, so the lines before the first such line and after the
        last can only be dropped: the filters with ``scope = "article"`` need not look
        at them. A margin keeps the lines right around the article in their view.

        The survey classes lines from the top down to the first prose-like one and from
        the bottom up to the last (the classes stay on the blocks for the final pass),
        and counts the chrome-like ones among them. A line shorter than ``length_low``
        is never prose-like: once enough chrome is counted, such lines are not classed
        (the final pass need not class the ones left outside either, see
        :meth:`classify`).

        Between those lines there are often teasers, a comment section or a second
        menu, prose-like too. The survey then classes the lines between as well, finds
        the run it expects the article in (:meth:`_expected_run`), and narrows the
        reach to that run and ``scope_run_margin`` lines around it (on the benchmark's
        text pages, 3,330 of 15,134 lines stay in reach instead of 8,668). The final pass
        checks that guess; when the run may reach beyond, the block filters run again
        on the wider reach (``page.widen``; 2 pages in 90), so that the body and the
        metadata come out as without the narrowing. Lines outside it are recorded as
        "before" or "after the article", not with a scoped filter's reason.
        """
        blocks = page.blocks
        stops = stopwords(page.metadata.get("language"))
        need = self.options["scope_min_chrome"]
        if not stops or len(blocks) < need:
            return
        stops_utf8 = utf8_stopwords(stops)
        seen: dict[str, str] = {}  # each text is classed once (see _class_among)
        first, bad = self._find_prose(blocks, range(len(blocks)), stops, stops_utf8, seen, 0, need)
        if first < 0:
            return
        last, bad = self._find_prose(blocks, range(len(blocks) - 1, first, -1), stops, stops_utf8, seen, bad, need)
        if last < 0:
            last = first
        if bad < need:  # the chrome between the first and last prose-like lines counts too
            for b in blocks[first + 1 : last]:
                if self._local_of(b, stops, stops_utf8) == BAD:
                    bad += 1
                    if bad >= need:
                        break
            else:
                return
        # readers' comments: their bylines are marked wherever they are, before the
        # filters that only drop chrome look at the article's reach alone (see classify)
        mark_comment_bylines(blocks, self.bylines)
        margin = self.options["scope_margin"]
        lo, hi = max(0, first - margin), last + 1 + margin
        run_margin = self.options["scope_run_margin"]
        if run_margin and page.narrow and self._narrows:
            start, end = self._expected_run(blocks, first, last, stops, stops_utf8, seen)
            if start - run_margin > lo or end + 1 + run_margin < hi:
                lo, hi = max(lo, start - run_margin), min(hi, end + 1 + run_margin)
                page.narrowed = True
        for b in blocks[:lo]:
            b.outside = True
        for b in blocks[hi:]:
            b.outside = True

    def _expected_run(
        self,
        blocks: list[Block],
        first: int,
        last: int,
        stops: frozenset[str],
        stops_utf8: frozenset[bytes],
        seen: dict[str, str],
    ) -> tuple[int, int]:
        """(start, end): the stretch the article's run is expected in, before the other
        filters have run.

        Their drops change the run's weights, so each line counts at the most it can
        weigh once they have run (:func:`_bounds`): runs join across chrome as readily
        as they can after the filters. When the page's title repeats above the article,
        the stretch covers both the heaviest run and the run under the title, whichever
        the final pass prefers. The final pass checks the guess (see :meth:`classify`).
        """
        # the lines from the first prose-like one to the last (the run lies among them)
        window = blocks[first : last + 1]
        local = [self._class_among(b, stops, stops_utf8, seen) for b in window]
        o = self.options
        bounds = _bounds(window, local, o)
        comments = _comments_from(window, local)
        if comments is not None:
            bounds[comments:] = [min(w, 0.0) for w in bounds[comments:]]
        zeros = [0.0] * len(bounds)
        start, end, _, _ = _heaviest(bounds, zeros, 0, len(bounds))
        anchor = title_repeat(blocks, o["title_search"])
        if anchor:
            for j in range(max(anchor + 1, first), min(last + 1, anchor + 1 + o["title_reach"])):
                if local[j - first] == GOOD:
                    through = _run_through(bounds, zeros, j - first)
                    if through:
                        start, end = min(start, through[0]), max(end, through[1])
                    break
        return start + first, end + first

    def _find_prose(
        self,
        blocks: list[Block],
        order: range,
        stops: frozenset[str],
        stops_utf8: frozenset[bytes],
        seen: dict[str, str],
        bad: int,
        need: int,
    ) -> tuple[int, int]:
        """(index of the first prose-like block in ``order`` or -1, ``bad`` plus the
        chrome-like blocks classed before it). Once ``need`` such blocks are counted,
        blocks too short to be prose-like are skipped unclassed."""
        low = self._length_low
        for i in order:
            b = blocks[i]
            if bad >= need and len(b.text) < low:
                continue
            c = self._class_among(b, stops, stops_utf8, seen)
            if c == BAD:
                bad += 1
            elif c == GOOD or c == NEARGOOD:
                return i, bad
        return -1, bad

    def _class_among(
        self, block: Block, stops: frozenset[str], stops_utf8: frozenset[bytes], seen: dict[str, str]
    ) -> str:
        """The block's local class, shared with the lines of the same text classed before
        (``seen``, text -> class): a fifth of a flattened page's lines repeat one above
        them (menus, share bars)."""
        c = seen.get(block.text)
        if c is None:
            c = seen[block.text] = self._local_of(block, stops, stops_utf8)
        else:
            block.local = c
        return c

    def _local_of(self, block: Block, stops: frozenset[str], stops_utf8: frozenset[bytes]) -> str:
        """The block's local class, computed once (the survey and the final pass share it)."""
        if block.local is None:
            folded = block.text.casefold()
            block.local = self._local(block.text, folded, *word_counts(folded, stops, stops_utf8))
        return block.local

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        if not blocks:
            return
        verdict = self.classify(blocks, page.metadata.get("language"), len(page.removed), page.narrowed)
        if verdict is None:
            page.widen = True  # the pipeline runs the block filters again on the whole reach
            return
        classes, start, end, final = verdict
        if start < 0:
            if BAD in classes:
                self.drop_all(page, blocks, "no article text: every line looks like navigation")
            return
        self.drop_all(page, blocks[:start], "before the article")
        for i in range(start, end + 1):
            if final[i] == REPEAT:
                self.drop(page, blocks[i], "repeats text kept above it")
            elif final[i] == BAD:
                self.drop(page, blocks[i], f"inside the article, looks like chrome ({classes[i]})")
        self.drop_all(page, blocks[end + 1 :], "after the article")

    def classify(
        self, blocks: list[Block], language: str | None, removed: int = 0, narrowed: bool = False
    ) -> tuple[list[str], int, int, list[str]] | None:
        """(local classes, run start, run end, final classes); start -1 if no article.

        ``removed`` is how many lines earlier filters took out as chrome: they count
        towards telling a flattened page (cut it) from a clean text (leave it alone).

        ``narrowed``: the survey narrowed the article's reach to the run it expected
        (:meth:`_expected_run`), and the lines outside it are known only by their local
        classes. The answer holds if no run that takes any of them in can outweigh the
        run found inside, even at the most they can weigh once the filters have run
        (:func:`_bounds`). Otherwise, and when the page would pass through whole or have
        no article, this returns None: the lines outside must be looked at.

        A line the survey placed outside the article's reach and left unclassed (a
        short line: never prose) has the local class ``UNSEEN`` unless its class is
        needed: such a line is dropped whatever it is, and when the lines that are not
        prose all weigh against the run, any weight against it gives the same run.
        """
        o = self.options
        stops = stopwords(language)
        if stops:
            stops_utf8 = utf8_stopwords(stops)
            seen: dict[str, str] = {}
            local = []
            for b in blocks:
                c = b.local
                if c is None:
                    if b.outside and self._outside_weighs_against:
                        c = UNSEEN
                    else:
                        c = self._class_among(b, stops, stops_utf8, seen)
                local.append(c)
        else:  # the page's own frequent words stand in: classes depend on the whole page
            folded = [b.text.casefold() for b in blocks]
            words_per_block = [(_WORD if "_" in f else _WORD_NO_UNDERSCORE).findall(f) for f in folded]
            stops = _page_stopwords(words_per_block, o["fallback_stopwords"])
            local = [
                self._local(b.text, f, len(w), sum(map(stops.__contains__, w)))
                for b, f, w in zip(blocks, folded, words_per_block, strict=False)
            ]
        classes = [SHORT if c == SHORT_SENTENCE else c for c in local]
        chrome = classes.count(BAD)
        if chrome + removed < max(1, o["min_chrome_lines"]) and UNSEEN in local:
            # too little chrome among the classed lines: the unclassed ones decide
            local = [self._local_of(b, stops, stops_utf8) for b in blocks]
            classes = [SHORT if c == SHORT_SENTENCE else c for c in local]
            chrome = classes.count(BAD)
        if (
            not chrome
            or chrome + removed < o["min_chrome_lines"]
            or (GOOD not in classes and len(blocks) < o["min_page_blocks"])
        ):
            # (almost) nothing looks like chrome, or too little to judge: the text passes
            # through (a clean article, or a page the specific filters already cleaned)
            return None if narrowed else (classes, 0, len(blocks) - 1, [GOOD] * len(blocks))
        if GOOD not in classes:
            return None if narrowed else (classes, -1, -1, [BAD] * len(blocks))
        anchor = title_repeat(blocks, o["title_search"])
        if not anchor and self._opens_with_article(blocks, classes):
            # a text that starts with its article is no flattened page: its tables and
            # lists are the article's (an extracted body, a clean text)
            return None if narrowed else (classes, 0, len(blocks) - 1, [GOOD] * len(blocks))
        lo, hi = 0, len(blocks)
        if self._outside_weighs_against and o["before_title_weight"] >= 0:
            # the lines the survey left outside hold no prose: the run is not among them
            lo, hi = inside_bounds(blocks)
        # below the first comment's byline that follows prose, good text is a reader's
        # (a page whose comments outweigh its article; the survey marked the bylines)
        comments = _comments_from(blocks, classes)
        run = _best_run(blocks, local, o, anchor, lo, hi, bound_outside=narrowed, comments=comments)
        if run is None:
            return None  # a run beyond the narrowed reach might weigh more
        start, end = run
        # the body opens with a paragraph of prose, not with a headline, caption or
        # lead-in above it (which the title filter would take on a second pass)
        while start < end and not _opens_article(blocks[start].text, classes[start], o["length_paragraph"]):
            start += 1
        # a comment section's heading ends the article: what follows it is the readers'
        for i in range(start + 1, end + 1):
            if blocks[i].comments_below:
                end = i - 1
                break
        final = [BAD] * start + _context(classes[start : end + 1]) + [BAD] * (len(blocks) - end - 1)
        # the article's first line: a short sentence right above its first paragraph (a
        # one-line lede, "Time is not on his side."), with no line removed between
        if start and not blocks[start].cut:
            if blocks[start - 1].outside:
                if narrowed:
                    return None  # the scoped filters have not looked at it
            elif local[start - 1] == SHORT_SENTENCE and _lede_sentence(blocks[start - 1].text):
                start -= 1
                final[start] = GOOD
        # the article's last lines: a short closing sentence or credit ("Reporting
        # contributed by AFP."), with a divider ("___") before it, right after the run
        # (within closing_reach lines of the page, counting those earlier filters removed)
        j, below = end + 1, 0
        while j < len(blocks):
            below += 1 + blocks[j].cut
            if below > o["closing_reach"] or blocks[j].comments_below:
                j = len(blocks)
                break
            if narrowed and j >= hi:
                return None
            if local[j] == UNSEEN:
                local[j] = self._local_of(blocks[j], stops, stops_utf8)
            if local[j] != SHORT or _WORD.search(blocks[j].text):
                break
            j += 1
        if j < len(blocks) and local[j] == SHORT_SENTENCE and _SENTENCE_END.search(blocks[j].text[-8:]):
            for k in range(end + 1, j + 1):
                final[k] = GOOD
            end = j
        _mark_repeats(blocks, final, start, end)
        return classes, start, end, final

    def _opens_with_article(self, blocks: list[Block], classes: list[str]) -> bool:
        """Whether the text starts with its article: at most ``max_head_chrome``
        chrome-like lines (classed bad, left unclassed outside the article's reach, or
        removed by earlier filters) above its first paragraph of prose. A flattened page
        opens with its site's header: menus, a skip link, a date bar."""
        first = classes.index(GOOD)
        chrome = sum(b.cut for b in blocks[: first + 1])
        chrome += sum(1 for c in classes[:first] if c == BAD or c == UNSEEN)
        return chrome <= self.options["max_head_chrome"]

    def _local(self, text: str, folded: str, n: int, hits: int) -> str:
        """The local class of a block of ``n`` words, ``hits`` of them stopwords."""
        if n == 0:
            return SHORT  # a divider ("* * *", "___"): neither prose nor chrome
        length = len(text)
        if text[0] in _EDGE_SEPARATORS or text[-1] in _EDGE_SEPARATORS:
            return BAD
        marks = _MARKS.findall(text) if _may_have_marks(folded) else None
        if marks:
            separators = sum(1 for m in marks if m[0] == " ")
            if separators and "«" not in text:
                return BAD
            if len(marks) - separators > self._max_links * n:
                return BAD
        stop_density = hits / n
        last = text[-1]
        sentence = last in _SENTENCE_LAST and _SENTENCE_END.search(text[-8:]) is not None
        if length < self._length_low:
            if stop_density > 0:
                if sentence or (n >= 3 and _lower_share(text) >= 0.6):
                    return SHORT_SENTENCE
                return SHORT
            if sentence or (n >= 2 and _lower_share(text) >= 0.6):
                return SHORT  # a list item in lower case is no menu entry
            return BAD
        if last in _ELLIPSIS_LAST and _ELLIPSIS.search(text[-8:]):
            # a truncated teaser ("... more") is never the article's own paragraph
            return NEARGOOD if stop_density >= self._stop_low else BAD
        if sentence and stop_density >= self._stop_sentence:
            return GOOD if stop_density >= self._stop_low or length >= self._length_high else NEARGOOD
        if stop_density < self._stop_low:
            return BAD
        if length >= self._length_high and stop_density >= self._stop_high:
            return GOOD
        return NEARGOOD


def _opens_article(text: str, cls: str, paragraph: int) -> bool:
    """Whether a block of the run can be the article's first paragraph: prose (a
    sentence end and enough words), classed good, or near-good with a full sentence
    end (a lede with fewer stopwords; not a teaser cut short with "..."); or a good
    block of at least ``paragraph`` characters, sentence end or not."""
    if cls == GOOD:
        return len(text) >= paragraph or is_prose(text)
    return cls == NEARGOOD and _SENTENCE_END.search(text[-8:]) is not None and is_prose(text)


def _comments_from(blocks: list[Block], classes: list[str]) -> int | None:
    """Index of the first line that a comment's byline ("Alex on May 3, 2019 said:")
    stood above, if a line of prose comes before it (the article); else None."""
    good = False
    for i, (b, c) in enumerate(zip(blocks, classes, strict=False)):
        if b.comments_below == COMMENT:
            return i if good else None
        good = good or c == GOOD
    return None


def _lede_sentence(text: str) -> bool:
    """A short line that reads as a sentence of running text: a few words, mostly in
    lower case after the first (not a headline in Title Case, "What Does It Offer?"),
    ending in . ! or ? (not in a colon leading in, nor in "..." trailing off)."""
    return (
        text[-1:] in _SENTENCE_LAST
        and _LEDE_END.search(text[-8:]) is not None
        and text.count(" ") >= 3
        and _lower_share(text) >= 0.6
    )


def _lower_share(text: str) -> float:
    """Share of the words after the first that start in lower case (prose, list items),
    as against Title Case (menus, headlines)."""
    if text.istitle():
        # no word starts in lower case (istitle: no lower-case letter after a space):
        # 0.0 at once, for a third of the short lines of a flattened page (menu items)
        return 0.0
    alpha = [w[0] for w in text.split()[1:] if w[0].isalpha()]
    return sum(map(str.islower, alpha)) / len(alpha) if alpha else 0.0


def _mark_repeats(blocks: list[Block], final: list[str], start: int, end: int) -> None:
    """Mark kept blocks whose sentences all appeared in kept blocks above them.

    Pages repeat their lede or summary (a teaser of the article itself, a summary
    box at the end); the article needs it once.
    """
    above: list[str] = []  # the kept paragraphs above, case-folded ...
    seen: set[str] = set()  # ... their sentences, split only when one may be repeated
    split = 0
    text_above = ""
    for i in range(start, end + 1):
        if final[i] != GOOD:
            continue
        text = blocks[i].text.casefold()
        # a paragraph repeats sentences kept above only if its first sentence stands
        # in their text: most do not, and are not split
        end_of_first = _SENTENCE_SPLIT.search(text)
        if (text[: end_of_first.start()] if end_of_first else text) in text_above:
            for earlier in above[split:]:
                seen.update(_SENTENCE_SPLIT.split(earlier))
            split = len(above)
            if all(x in seen for x in _SENTENCE_SPLIT.split(text)):
                final[i] = REPEAT
        above.append(text)
        text_above += text + "\n"


def _page_stopwords(words_per_block: list[list[str]], count: int) -> frozenset[str]:
    freq: dict[str, int] = {}
    for words in words_per_block:
        for w in words:
            freq[w] = freq.get(w, 0) + 1
    frequent = sorted((w for w, k in freq.items() if k > 1), key=freq.__getitem__, reverse=True)
    return frozenset(frequent[:count])


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    j = i + step
    while 0 <= j < len(classes):
        c = classes[j]
        if c == GOOD or c == BAD or (c == NEARGOOD and not ignore_neargood):
            return c
        j += step
    return BAD


def _context(classes: list[str]) -> list[str]:
    """jusText's context rules: short, then near-good blocks take their neighbours' class."""
    final = list(classes)
    for i, c in enumerate(classes):
        if c != SHORT:
            continue
        prev = _neighbour(classes, i, -1, True)
        nxt = _neighbour(classes, i, 1, True)
        if prev == nxt:
            final[i] = prev
        elif (prev == BAD and _neighbour(classes, i, -1, False) == NEARGOOD) or (
            nxt == BAD and _neighbour(classes, i, 1, False) == NEARGOOD
        ):
            final[i] = GOOD
        else:
            final[i] = BAD
    for i, c in enumerate(classes):
        if c != NEARGOOD:
            continue
        prev = _neighbour(final, i, -1, True)
        nxt = _neighbour(final, i, 1, True)
        final[i] = BAD if prev == nxt == BAD else GOOD
    return final


def _weights(
    blocks: list[Block],
    classes: list[str],
    o: dict[str, Any],
    anchor: int,
    lo: int,
    hi: int,
    comments: int | None = None,
) -> tuple[list[float], list[float]]:
    """(ws, gaps) for ``blocks[lo:hi]``: what each block weighs for a run it is in (good
    text for, the rest against), and what crossing from the block before to it costs.
    From block ``comments`` on (readers' comments), good text counts for nothing."""
    window = classes[lo:hi]
    weights = {
        GOOD: 1.0,
        NEARGOOD: o["neargood_weight"],
        SHORT: -o["short_weight"],
        SHORT_SENTENCE: o["short_sentence_weight"],
        BAD: -o["bad_weight"],
        UNSEEN: -1.0,
    }
    floor = o["min_block_cost"]
    # ws[k], gaps[k]: block lo + k
    ws = [
        weights[c] * (n if c == GOOD or n > floor else floor)
        for c, n in zip(window, [len(b.text) for b in blocks[lo:hi]], strict=False)
    ]
    for k in range(min(anchor - lo, len(ws))):
        if ws[k] > 0:
            ws[k] *= o["before_title_weight"]
    if comments is not None:
        for k in range(max(0, comments - lo), len(ws)):
            if ws[k] > 0:
                ws[k] = 0.0
    # lines earlier filters removed right above a block were chrome: crossing them costs
    cut_cost = o["cut_weight"] * floor
    gaps = [cut_cost * b.cut for b in blocks[lo:hi]]
    # a list between paragraphs (several prose-like short lines and nothing else)
    # costs nothing: it does not break the run
    prev = BAD
    gap: list[int] = []
    for k, c in enumerate(window):
        if c == SHORT_SENTENCE or c == SHORT:
            gap.append(k)
            continue
        if (
            c == GOOD
            and prev == GOOD
            and len(gap) >= o["min_list_lines"]
            and all(window[g] == SHORT_SENTENCE for g in gap)
        ):
            for g in gap:
                ws[g] = 0.0
        gap.clear()
        prev = c
    return ws, gaps


def _bounds(blocks: list[Block], classes: list[str], o: dict[str, Any]) -> list[float]:
    """The most each block can weigh for a run once the other filters have run (for
    options under which what is not prose weighs against the run, see
    ``MainContent._narrows``).

    A filter may remove a block: it then costs its cut (``cut_weight``) wherever its
    own weight was more against the run. A short sentence may end up in a list
    between paragraphs, which costs nothing; good text counts in full; and a line
    left unclassed (short: never prose-like) is bounded as a short sentence.
    """
    floor = o["min_block_cost"]
    least = -o["cut_weight"] * floor
    costs = {NEARGOOD: o["neargood_weight"], SHORT: -o["short_weight"], BAD: -o["bad_weight"]}
    # the classes whose bound does not depend on the length: a class that costs at
    # least the cut at the shortest is bounded by the cut whatever its length
    fixed = {SHORT_SENTENCE: 0.0, UNSEEN: 0.0}
    fixed.update((c, least) for c, w in costs.items() if w * floor <= least)
    return [
        fixed[c] if c in fixed else float(len(b.text)) if c == GOOD else max(costs[c] * max(len(b.text), floor), least)
        for c, b in zip(classes, blocks, strict=False)
    ]


def _best_run(
    blocks: list[Block],
    classes: list[str],
    o: dict[str, Any],
    anchor: int = 0,
    lo: int = 0,
    hi: int | None = None,
    bound_outside: bool = False,
    comments: int | None = None,
) -> tuple[int, int] | None:
    """The run of blocks with the largest weight: good text for it, bad text against.

    Good text before ``anchor`` (the title's repetition) weighs ``before_title_weight``;
    when a good block follows the anchor within ``title_reach`` lines, the run is the
    best one that contains it.

    Only ``blocks[lo:hi]`` are weighed (indices stay the page's). Without
    ``bound_outside`` the caller knows that the blocks around them hold no good text and
    weigh against any run, so that no run gains by reaching into them. With it, the
    blocks outside are known only by their classes, before the other filters have
    run: they weigh their :func:`_bounds`, and the answer is None when a run that takes
    any of them in might outweigh the run found inside.
    """
    n = len(blocks)
    hi = n if hi is None else hi
    ws, gaps = _weights(blocks, classes, o, anchor, lo, hi, comments)
    offset, inside, beyond = lo, (0, len(ws)), False
    if bound_outside:
        # only prose-like blocks can weigh for a run: a run that takes in blocks outside
        # but none of those weighs less than its part inside. The blocks weighed are
        # those from the first such block before the stretch to the last after it
        first, last = lo, hi - 1
        for i in range(lo):
            if classes[i] == GOOD or classes[i] == NEARGOOD:
                first = i
                break
        for i in range(n - 1, hi - 1, -1):
            if classes[i] == GOOD or classes[i] == NEARGOOD:
                last = i
                break
        before = _bounds(blocks[first:lo], classes[first:lo], o)
        after = _bounds(blocks[hi : last + 1], classes[hi : last + 1], o)
        if comments is not None:
            # a reader's good text counts for nothing: below the reach, so that readers'
            # comments there do not have the page looked at whole (the survey expected the
            # run above them; a bound left higher would only be safe, never wrong)
            after = [min(w, 0.0) if hi + k >= comments else w for k, w in enumerate(after)]
        # what crossing into the stretch costs is not known either
        ws = before + ws + after
        if gaps:
            gaps[0] = 0.0
        gaps = [0.0] * len(before) + gaps + [0.0] * len(after)
        offset, inside, beyond = first, (lo - first, hi - first), bool(before or after)
    best_start, best_end, best, heaviest_beyond = _heaviest(ws, gaps, *inside, beyond)
    if heaviest_beyond > best:
        return None
    if anchor and best_start + offset > anchor + o["title_reach"]:
        # the heaviest run is far below the headline (a teaser list, the comments):
        # prefer the run right under the headline unless it is much lighter
        for j in range(anchor + 1, min(n, anchor + 1 + o["title_reach"])):
            if classes[j] == GOOD:
                through = _run_through(ws, gaps, j - offset, *inside)
                if through is None:
                    # it might reach outside; without bounds, the line lies outside the
                    # stretch, where no run is
                    if bound_outside:
                        return None
                    break
                start, end, weight = through
                if weight >= o["title_run_share"] * best:
                    return start + offset, end + offset
                break
    return best_start + offset, best_end + offset


def _heaviest(
    ws: list[float], gaps: list[float], lo: int, hi: int, beyond: bool = False
) -> tuple[int, int, float, float]:
    """(start, end, weight) of the heaviest run among ``ws[lo:hi]``, and (with
    ``beyond``) the weight of the heaviest run that takes in a block outside them
    (-inf without). ``gaps[i]`` is what crossing from block i - 1 to block i costs."""
    best, best_start, best_end = float("-inf"), lo, lo - 1
    total, start = 0.0, lo
    for k in range(lo, hi):
        if total - gaps[k] <= 0:
            total, start = 0.0, k
        else:
            total -= gaps[k]
        total += ws[k]
        if total > best:
            best, best_start, best_end = total, start, k
    heaviest_beyond = float("-inf")
    if beyond:
        # the heaviest run ending at each block: within the stretch only, and taking in
        # a block outside it
        within = out = float("-inf")
        for k, (w, g) in enumerate(zip(ws, gaps, strict=False)):
            if lo <= k < hi:
                within, out = max(within - g, 0.0) + w, out - g + w
            else:
                within, out = float("-inf"), max(within - g, out - g, 0.0) + w
            if out > heaviest_beyond:
                heaviest_beyond = out
    return best_start, best_end, best, heaviest_beyond


def _run_through(
    ws: list[float], gaps: list[float], j: int, lo: int = 0, hi: int | None = None
) -> tuple[int, int, float] | None:
    """The heaviest run among ``ws[lo:hi]`` that contains block ``j``: (start, end, weight);
    None when ``j`` is not among them or the heaviest run through it anywhere would
    reach beyond them.

    ``gaps[i]`` is what crossing from block i - 1 to block i costs."""
    hi = len(ws) if hi is None else hi
    if not lo <= j < hi:
        return None
    start, total, left, left_beyond = j, 0.0, 0.0, float("-inf")
    for i in range(j - 1, -1, -1):
        total += ws[i] - gaps[i + 1]
        if i < lo:
            left_beyond = max(left_beyond, total)
        elif total > left:
            left, start = total, i
    end, total, right, right_beyond = j, 0.0, 0.0, float("-inf")
    for i in range(j + 1, len(ws)):
        total += ws[i] - gaps[i]
        if i >= hi:
            right_beyond = max(right_beyond, total)
        elif total > right:
            right, end = total, i
    if left_beyond > left or right_beyond > right:
        return None
    return start, end, left + ws[j] + right
