"""The content stage's options and their defaults (``[tool.cleaner.filters.content]``)."""

from __future__ import annotations

from dataclasses import dataclass


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
    max_gap_lines: int = 8  # the run crosses at most this many lines between two good ones (0: never) ...
    join_weight: float = 300.0  # ... to prose beyond them that weighs this much ...
    join_weight_above: float = 150.0  # ... (above the run, this much)
    max_list_items: int = 30  # a list led in to by the article's last paragraph (a colon) has at most this many
    card_lines: int = 60  # a recipe's ingredients heading this near the run, its steps heading and steps as near ...
    card_gap: int = 6  # ... below it, each step at most this far below the one before
    max_lede_lines: int = 2  # lines above the first paragraph that may be its lede (a standfirst without a period)
    max_head_chrome: int = 2  # at most this many chrome-like lines above the first paragraph: no flattened page
    title_reach: int = 10  # the run under the title goes through the first good line this near below it ...
    title_run_share: float = 0.3  # ... and wins over a heavier run further down if it weighs this share of it
    headline_run_share: float = 0.9  # ... (this share when the anchor is a headline above the first paragraph)
    before_title_weight: float = 0.0  # weight of good text above the title's repetition (teasers, a lede box)
    min_prose_above: int = 600  # sentences above the run, good ones this many characters in all, are kept
    comment_reach: int = 3  # a reader's comment (when kept) starts this near below its date, byline or heading
    comment_gap: int = 30  # ... and the comment section ends this far below its last heading, byline or comment
