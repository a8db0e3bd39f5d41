"""Bylines and author boxes: the author goes to ``metadata.author`` and leaves the body."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any

from ..data import LanguageData
from ..document import Block, Page
from .base import Filter, Phrases
from .dates import date_reader
from .shape import ends_sentence, is_name, key, short_key, word_count

#: Where a byline's name ends and a role or outlet begins: "By Jane Doe, Reuters".
# (?<!\s): a match starts only where a run of spaces starts, so a long run with no
# separator after it is scanned once, not once per space (quadratic).
_NAME_END = re.compile(r"(?<!\s)\s*(?:[,|;\u2022\u00b7]|\s[-\u2013\u2014]\s)\s*")


class Byline(Filter):
    name = "byline"
    summary = 'Move a byline ("By Jane Doe, Reuters") into metadata.author.'
    defaults = {"max_words": 14}
    phrases = {"roles": ("bylines", "roles"), "stopwords": ("common", "stopwords"), "joiners": ("bylines", "joiners")}
    patterns = {"caseless_names": ("bylines", "names")}
    roles: Phrases
    stopwords: Phrases
    joiners: Phrases
    #: matched whole (``fullmatch``), so never anchored in the data: a plain pattern
    caseless_names: re.Pattern[str]

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self.dates = date_reader(data.language)
        # longest first, so that "written by" wins over "by"
        self.prefixes = sorted(data.phrases("bylines", "prefixes"), key=len, reverse=True)
        self.initials = frozenset(c for p in self.prefixes for c in (p[:1], p[:1].upper()))
        # ... and by initial: a line is tried only against the prefixes it may start with
        # (two prefixes with different initials never both match, so the first match found
        # is the one the whole list would give)
        self.by_initial: dict[str, list[str]] = {}
        for prefix in self.prefixes:
            self.by_initial.setdefault(prefix[:1], []).append(prefix)

    def split_date(self, rest: str) -> tuple[str, str | None]:
        """A byline's text without the date that ends it ("Jane Doe November 19, 2019"), and that date."""
        if not any(c.isdigit() for c in rest):
            return rest, None
        tokens = rest.split()
        for i in range(1, len(tokens)):
            iso = self.dates.parse(" ".join(tokens[i:]))
            if iso:
                return " ".join(tokens[:i]).rstrip(",;|-\u2013\u2014 "), iso
        return rest, None

    def author(self, text: str) -> tuple[str, str | None] | None:
        """(name, date) of a byline, date None unless it carries one; None if not a byline."""
        if len(text) > 200 or text[:1] not in self.initials:
            return None
        folded = text.casefold()
        for prefix in self.by_initial.get(folded[:1], ()):
            # (a prefix that ends in a letter must end a word: "By", not "Bye")
            if (
                folded.startswith(prefix)
                and len(text) > len(prefix)
                and not (prefix[-1].isalnum() and text[len(prefix)].isalnum())
            ):
                rest = text[len(prefix) :].strip(" :\uff1a")
                break
        else:
            return None
        if len(text.split()) > self.options["max_words"]:  # (after the prefix: most lines have none)
            return None
        rest, date = self.split_date(rest)
        name = self.name_in(rest)
        return (name, date) if name else None

    def name_in(self, rest: str) -> str | None:
        """The name a byline gives after its prefix ("Jane Doe, Reuters": "Jane Doe"); None if none."""
        if self.caseless_names.fullmatch(rest):
            return rest
        name, *tail = _NAME_END.split(rest, maxsplit=1)
        name = self.bare_name(name)
        if sum(1 for t in name.split() if t[:1].isupper()) < 2 or not is_name(name, 7, self.joiners):
            return None
        if name.split()[0].casefold() in self.stopwords - {"the"}:
            return None  # "By Any Means Necessary", "By All Accounts"
        if tail and not self.is_credit_tail(tail[0]):
            return None
        return name

    def bare_name(self, name: str) -> str:
        """The name without a role stuck to it ("Meg James Staff Writer") or a second copy."""
        tokens = name.split()
        for n in (2, 1):
            if len(tokens) > n + 1 and " ".join(tokens[-n:]).casefold() in self.roles:
                tokens = tokens[:-n]
                break
        half = len(tokens) // 2
        if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:]:
            tokens = tokens[:half]
        return " ".join(tokens)

    def is_credit_tail(self, tail: str) -> bool:
        """What may follow the name: a role or an outlet, not the rest of a sentence."""
        if key(tail) in self.roles:
            return True
        return tail[:1].isupper() and not ends_sentence(tail) and word_count(tail) <= 6

    def chrome(self, block: Block) -> str | None:
        return "byline" if block.text[:1] in self.initials and self.author(block.text) else None

    def apply(self, page: Page) -> None:
        initials = self.initials
        for block in page.blocks:
            # author()'s first test, inlined: most lines start with no prefix's initial
            found = block.text[:1] in initials and self.author(block.text)
            if found:
                page.set_meta("author", found[0])
                page.set_meta("date", found[1])
                self.drop(page, block, "byline")


class AuthorBox(Filter):
    name = "authorbox"
    summary = (
        'Move an author box into metadata.author: the marker ("+ posts", "Author Profile '
        "Photo\"), the author's name and the bio, which such boxes often repeat."
    )
    defaults = {"window": 6, "min_bio_words": 6, "max_bio_words": 80, "max_about_words": 120}
    phrases = {
        "markers": ("bylines", "author_box"),
        "joiners": ("bylines", "joiners"),
        "about": ("bylines", "author_about"),
    }
    markers: Phrases
    joiners: Phrases
    about: Phrases

    def __init__(self, data: LanguageData, **options: Any):
        super().__init__(data, **options)
        self._about = tuple(sorted(f"{word} " for word in self.about))
        # their first words: a line whose first word is none of them is no such heading, and is not folded whole
        self._about_heads = frozenset(word.split(" ", 1)[0] for word in self.about)
        # the first letters such a heading can open with, either case: most lines open otherwise, and are not read
        self._about_first = frozenset(c for word in self.about for c in (word[:1], word[:1].upper()))

    def chrome(self, block: Block) -> str | None:
        return "author box" if block.short in self.markers else None

    def apply(self, page: Page) -> None:
        blocks = page.blocks
        self.drop_about_boxes(page)
        markers = [i for i, b in enumerate(blocks) if b.short in self.markers]
        if not markers:
            return
        counts = Counter(short_key(b.text, 1000) for b in blocks)  # bios are at most a paragraph
        min_bio = self.options["min_bio_words"]
        max_bio = self.options["max_bio_words"]
        for i in markers:
            marker = blocks[i]
            self.drop(page, marker, "author box")
            names: list[str] = []
            if i > 0 and blocks[i - 1].group == marker.group and is_name(blocks[i - 1].text, 5, self.joiners):
                self.take_name(page, blocks[i - 1], names)
            for b in blocks[i + 1 : i + 1 + self.options["window"]]:
                if b.short in self.markers:
                    break
                words = word_count(b.text)
                if is_name(b.text, 5, self.joiners):
                    self.take_name(page, b, names)
                elif counts[short_key(b.text, 1000)] > 1 and min_bio <= words <= max_bio:
                    self.drop(page, b, "author bio (repeated)")
                elif names and words <= max_bio and b.text.startswith(tuple(names)):
                    self.drop(page, b, "author bio")
                else:
                    if min_bio <= words <= max_bio and self.opens_bio(b.text, names):
                        self.drop(page, b, "author bio")
                    break

    def opens_bio(self, text: str, names: list[str]) -> bool:
        """Whether a box's paragraph is its bio: it goes on from the name above it ("ist Gründungspartner der
        Kanzlei ..."), or opens with a person's name ("Moritz Gathmann leitet das Ressort ...")."""
        if text[:1].islower():
            return bool(names)
        words = text.split()
        n = next((k for k, w in enumerate(words) if not w[:1].isupper() and w.casefold() not in self.joiners), 0)
        return n >= 2 and is_name(" ".join(words[:n]), 5, self.joiners)

    def drop_about_boxes(self, page: Page) -> None:
        """A box headed "About <Name>" whose bio, right below it, names the person: a profile the site repeats under
        every post. (The name stays out of the metadata: such a box may present a company.)"""
        blocks = page.blocks
        lo, hi = self.options["min_bio_words"], self.options["max_about_words"]  # (a bio of a paragraph, named)
        first = self._about_first
        for block, bio in pairwise(blocks):
            name = self.about_name(block.text) if block.text[:1] in first else None
            if name and name in bio.text and lo <= word_count(bio.text) <= hi:
                self.drop(page, block, "author box")
                self.drop(page, bio, "author bio")

    def about_name(self, text: str) -> str | None:
        """The name of two words or more in a heading "About <Name>" ("Über ...", "Sobre ..."), else None."""
        if text[: text.find(" ")].casefold() not in self._about_heads or text.count(" ") > 6:
            return None
        folded = text.casefold()
        for about in self._about:
            if folded.startswith(about):
                n = about.count(" ")  # (the words of the prefix, with the space after it)
                name = text.split(" ", n)[n]
                return name if " " in name and is_name(name, 5, self.joiners) else None
        return None

    def take_name(self, page: Page, block: Block, names: list[str]) -> None:
        page.set_meta("author", block.text)
        names.append(block.text)
        self.drop(page, block, "author name")
