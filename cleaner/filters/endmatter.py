"""End matter: "Read More:" cross-links, dangling labels, and teasers of other stories
that trail the article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..document import Block, Page
from .base import Filter, PatternFilter
from .shape import INNER_SENTENCE, ends_sentence, head_end, word_count, words


def _stem(word: str) -> str:
    """A light stem, enough to match "Syrian" with "Syria" and "talks" with "talk"."""
    if word.endswith("ian"):
        return word[:-1]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class CrossLinks(PatternFilter):
    name = "readmore"
    scope = "article"
    summary = 'Drop cross-links to other stories: "Read More: ...", "See also: ...".'
    patterns = {"pattern": ("endmatter", "crosslinks")}
    reason = "cross-link"
    defaults = {"max_words": 25}


class DanglingLabels(Filter):
    name = "labels"
    scope = "article"
    summary = 'Drop labels left without what they labelled: a lone "Source:", "Tags:".'
    phrases = {"labels": ("endmatter", "labels")}
    labels: frozenset[str]

    def chrome(self, block: Block) -> str | None:
        return "dangling label" if block.short in self.labels else None

    def candidates(self, blocks: list[Block]) -> Iterable[Block]:
        labels = self.labels  # (chrome's one test, without a call a line)
        return [b for b in blocks if b.short in labels]


class Teasers(Filter):
    """Teasers of other stories after the end of the article.

    A trailing run of one-sentence paragraphs whose words the article does not use: each
    paragraph's cohesion is the share of its content words that occur in the article
    before the run; the article's own cohesion is the same share for each of its
    paragraphs against the rest of it. The run must open and close on weak paragraphs
    and may hold at most one strong one in four (a teaser can share the subject).
    """

    name = "teasers"
    summary = (
        "Drop a trailing run of one-sentence teasers of other stories: paragraphs with weak "
        "lexical cohesion to the article above them."
    )
    defaults = {
        "min_run": 3,
        "max_run": 10,
        "min_article": 6,
        "weak_ratio": 0.6,
        "min_words": 8,
        "max_words": 45,
        "stem": 6,
    }
    phrases = {"stopwords": ("common", "stopwords")}
    stopwords: frozenset[str]

    def content_stems(self, text: str) -> frozenset[str]:
        """Content-word stems: case-folded, possessives and hyphens split off, stopwords out."""
        n, stops = self.options["stem"], self.stopwords
        # the words folded and split at once, as one each would be: casefold maps each character alone
        folded = " ".join(words(text)).casefold().replace("\u2019", "'") + " "
        parts = folded.replace("'s ", " ").replace("-", " ").split(" ")
        content = [p for p in parts if len(p) >= 3 and p not in stops and not p.isdigit()]
        # (a part longer than the stem is cut short of any suffix _stem takes off: not stemmed)
        return frozenset([p[:n] if len(p) > n >= 0 else _stem(p)[:n] for p in content])

    def is_teaser_shaped(self, text: str) -> bool:
        o = self.options
        return (
            ends_sentence(text)
            and o["min_words"] <= word_count(text) <= o["max_words"]
            and not INNER_SENTENCE.search(text)
        )

    def apply(self, page: Page) -> None:
        o = self.options
        # the end of the article is the last line that stays: the lines the main-content
        # stage will drop are not there when the body is cleaned again
        blocks = [b for b in page.blocks if b.verdict is None]
        n = len(blocks)
        start = max(head_end(blocks), n - o["max_run"])
        if n - start < o["min_run"] or not all(self.is_teaser_shaped(b.text) for b in blocks[n - o["min_run"] :]):
            return
        run = self.weak_run(blocks, start)
        if run:
            s, cohesion, weak = run
            for b, c in zip(blocks[s:], cohesion, strict=False):
                self.drop(
                    page, b, f"teaser after the article (cohesion {c:.2f}, article {weak / o['weak_ratio']:.2f})"
                )

    def weak_run(self, blocks: list[Block], start: int) -> tuple[int, list[float], float] | None:
        """(first block, each block's cohesion, the weak threshold) of the longest trailing
        run of teaser-shaped blocks from ``start`` on that opens and closes on weak ones
        and holds few strong ones; None if there is none."""
        o = self.options
        n = len(blocks)
        shaped = {i: self.is_teaser_shaped(blocks[i].text) for i in range(start, n)}
        sets = [self.content_stems(b.text) for b in blocks]
        df: Counter[str] = Counter()
        for block_words in sets:
            df.update(block_words)
        best = None
        for s in range(n - 1, start - 1, -1):
            df.subtract(sets[s])  # df now counts the article blocks[:s]
            if not shaped[s]:
                break
            if n - s < o["min_run"]:
                continue
            cohesion = [self.cohesion(sets[j], df, 1) for j in range(s, n)]
            core = [self.cohesion(sets[j], df, 2) for j in range(s) if sets[j] and len(sets[j]) >= 5]
            if len(core) < o["min_article"]:
                break
            weak = o["weak_ratio"] * sum(core) / len(core)
            strong = sum(c > weak for c in cohesion)
            if cohesion[0] <= weak and cohesion[-1] <= weak and strong <= (len(cohesion) - 1) // 4:
                best = (s, cohesion, weak)
        return best

    @staticmethod
    def cohesion(words_: frozenset[str], df: Counter[str], at_least: int) -> float:
        """Share of the words found in at least ``at_least`` article blocks."""
        if not words_:
            return 1.0
        return sum(df[w] >= at_least for w in words_) / len(words_)
