"""Shortcuts taken for speed must not change a result: each is checked against the plain way."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest
from helpers import FIXTURES, SEED_PAGES, examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.data import LanguageData, available_languages, load_family
from cleaner.data.anchored import StartGated, dispatched, first_chars, heads, opening_test, search_and_starts

# -- first-character gates --------------------------------------------------------------


@pytest.mark.parametrize(
    "source, flags, expected",
    [
        (r"^(?:tags?|topics)\b", re.I, set("tT")),
        (r"^(?:tags?)|^(?:news)", 0, set("tn")),
        (r"^(?-i:AP|AFP)|^photo", re.I, set("ApP")),
        (r"^\(?(?-i:AP) Photo", re.I, set("(A")),
        (r"^[+\-]?\d{1,3}\s?C$", 0, set("+-0123456789")),
        (r"^\s{0,4}var\b", 0, set(" \t\n\r\f\v\x1c\x1d\x1e\x1f") | {"v"}),
        (r"^(?=x)y", 0, {"y"}),
        (r"^(?:\u00a9|\(c\))", re.I, set("(")),  # the non-ASCII start is always tried
        ("^(?:\u00e9tiquettes|tags?)", re.I, set("tT")),  # "\u00e9", "\u00c9": no case matches ASCII
        (
            "^(?:\u0442\u0435\u0433\u0438|\u043c\u0435\u0442\u043a\u0438)",
            re.I,
            set(),
        ),  # Cyrillic: only lines beyond ASCII
    ],
)
def test_first_chars(source: str, flags: int, expected: set[str]) -> None:
    assert first_chars(re.compile(source, flags)) == frozenset(expected)


@pytest.mark.parametrize(
    "source, flags",
    [
        (r"\bcookies\b", re.I),  # not anchored
        (r"^foo|bar", 0),  # one alternative not anchored
        (r"^x?", 0),  # matches the empty string
        (r"^[^\s.]{1,30} is", 0),  # negated class: any start
        (r"^\w+:", 0),  # word characters: too many to list
        ("^\u017fo", re.I),  # long s: case-insensitively also "s"
        ("^\u0131x", re.I),  # dotless i: case-insensitively also "I"
        ("^\u212a", re.I),  # Kelvin sign: also "k"
        (r"^.x", 0),  # any character
    ],
)
def test_no_gate(source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    assert first_chars(pattern) is None


@pytest.mark.parametrize(
    "source, flags, expected",
    [
        (r"^(?:tags?|topics)\b", re.I, {"tag", "tags", "topi"}),  # a match may end after "tag"
        (r"^(?-i:AP) Photo", re.I, {"ap p"}),  # lower-cased: a wider gate, never a narrower one
        (r"^(?:a|b)?c", 0, {"ac", "bc", "c"}),
        (r"^x{2,}y", 0, {"xxy", "xxxy", "xxxx"}),
        (r"^ad$", 0, {"ad"}),
        (r"^(?:\u00a9|\(c\))", re.I, {"", "(c)"}),  # read no further than a character beyond ASCII
        ("^\u017fo", re.I, {""}),  # long s: case-insensitively also "s"
        (r"^.x", 0, {""}),  # any character
        (r"^\d{3}", 0, {f"{n:02}" for n in range(100)}),  # a thousand ways: read one character less
    ],
)
def test_heads(source: str, flags: int, expected: set[str]) -> None:
    assert heads(re.compile(source, flags)) == frozenset(expected)


def test_a_table_reads_a_line_past_its_first_character() -> None:
    notices = LanguageData("en").pattern("chrome", "notices")
    assert isinstance(notices, StartGated) and notices.openings["t"] == (4, frozenset({"this"}))
    for line in (
        "This post contains affiliate links.",
        "Th\u0130s post contains affiliate links.",  # dotted capital I: case-insensitively an "i"
        "The post contains affiliate links.",
        "This",
        "Th",
        "T",
    ):
        assert bool(notices.search(line)) == bool(notices.pattern.search(line)), line


def test_a_list_with_no_first_character_set_gets_no_table() -> None:
    assert isinstance(dispatched(["[^\\s.]{1,30} is", "\\w+:"], [], re.IGNORECASE), re.Pattern)
    assert isinstance(dispatched([], ["\\bcookies\\b"], re.IGNORECASE), re.Pattern)
    table = dispatched(["tags?:", "\\w+:"], ["cookies"], re.IGNORECASE)
    assert isinstance(table, StartGated) and set(table.by_first) == set("tT") and table.starts is None


def _data_patterns():
    for language in available_languages():
        for family in ("captions", "chrome", "dates", "endmatter", "markup", "prompts"):
            for key, values in load_family(language, family).items():
                if isinstance(values, list) and values and any("\\" in v or "^" in v for v in values):
                    yield LanguageData(language).pattern(family, key)


def _sample_lines() -> list[str]:
    lines = {
        line.strip()
        for path in sorted(FIXTURES.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    lines |= {line.strip() for path in SEED_PAGES for line in path.read_text(encoding="utf-8").splitlines()}
    starts = string.printable + "\u00a9\u201c\u2018\u2212\u017f\u212a\u0130\u00e9\u00c9"
    lines |= {c + rest for c in starts for rest in ("", "ags: x", "P Photo", "omments", "2 C", "``")}
    return sorted(line for line in lines if line)


def test_gates_agree_with_the_patterns_on_data() -> None:
    lines = _sample_lines()
    gates = [p for p in _data_patterns() if isinstance(p, StartGated)]
    assert len(gates) >= 5  # most block-start patterns get a gate
    for gate in gates:
        for line in lines:
            assert bool(gate.search(line)) == bool(gate.pattern.search(line)), (gate, line)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(string.printable + "\u00a9\u017f\u212a\u00e9\u00c9\u0130\u0131\u0434\u201c"),
        max_size=12,
    )
)
def test_gates_agree_on_generated_text(text: str) -> None:
    for gate in (p for p in _data_patterns() if isinstance(p, StartGated)):
        assert bool(gate.search(text)) == bool(gate.pattern.search(text))


def test_pattern_filters_drop_what_their_whole_pattern_matches() -> None:
    # PatternFilter inlines StartGated.search (table by first character, rest, whole)
    from cleaner import Pipeline
    from cleaner.document import Block, Page
    from cleaner.filters.base import PatternFilter

    lines = _sample_lines() + [
        "Leave a comment",
        "The Post is committed to providing a forum for debate",
        "\u00c9crire un commentaire",
        "Read more: x",
        "```html",
    ]
    checked = 0
    for f in Pipeline().filters_for("en"):
        if not isinstance(f, PatternFilter):
            continue
        whole = f.pattern.pattern if isinstance(f.pattern, StartGated) else f.pattern
        expected = {t for t in lines if t.count(" ") < f.options["max_words"] and whole.search(t)}
        for marks in (getattr(f, "headings", None), getattr(f, "bylines", None)):
            # comments: a section's headings and its comments' bylines go too, whatever their length
            if marks is not None:
                marks = marks.pattern if isinstance(marks, StartGated) else marks
                expected |= {t for t in lines if marks.search(t)}
        page = Page([Block(t) for t in lines], {}, [])
        f.apply(page)
        assert {b.text for b in page.blocks if b.dropped} == expected, f.name
        checked += 1
    assert checked >= 4


def test_pattern_filters_offer_their_chrome_only_the_lines_it_names() -> None:
    # candidates() inlines chrome's tests (gate, length, pattern): long lines that open
    # as a prompt does are not offered, nor asked about by the content stage
    from cleaner import Pipeline
    from cleaner.document import Block
    from cleaner.filters.base import PatternFilter

    short = ["Leave a comment", "Read more: x", "```html", "Subscribe now to our newsletter", "Comments"]
    lines = _sample_lines() + short + [f"{t} and more" + " word" * 45 for t in short]
    blocks = [Block(t) for t in lines]
    for f in (f for f in Pipeline().filters_for("en") if isinstance(f, PatternFilter)):
        named = [b for b in blocks if f.chrome(b)]
        assert named and list(f.candidates(blocks)) == named, f.name


def test_labels_and_scripts_offer_their_chrome_every_line_it_names() -> None:
    # candidates() inlines chrome's first test: a line it turns away is one chrome would not name
    from cleaner import Pipeline
    from cleaner.document import Block

    lines = _sample_lines() + ["Tags:", "Source:", "var x = {a: 1};", "<div class=x>", "a = b", "Tags: news"]
    blocks = [Block(t) for t in lines]
    for name in ("labels", "scripts"):
        (f,) = [f for f in Pipeline().filters_for("en") if f.name == name]
        named = [b for b in blocks if f.chrome(b)]
        offered = list(f.candidates(blocks))
        assert len(named) >= 2 and all(b in offered for b in named), name
        assert len(offered) < len(blocks) / 4, name


def test_captions_drop_a_line_alone_as_their_chrome_names_it() -> None:
    # apply inlines chrome (credit, then credited caption) for a line alone in its group
    from cleaner import Pipeline
    from cleaner.document import Block, Page

    (captions,) = [f for f in Pipeline().filters_for("en") if f.name == "captions"]
    lines = _sample_lines() + ["A man walks in Moscow. (AP Photo/Jane Doe)", "Photo: Reuters", "AP"]
    blocks = [Block(t, group=i) for i, t in enumerate(lines)]
    expected = [(b.text, captions.chrome(b)) for b in blocks if captions.chrome(b)]
    page = Page(blocks, {}, [])
    captions.apply(page)
    assert len(expected) >= 3
    assert [(r.text, r.reason) for r in page.removed] == expected


def test_captions_offer_their_chrome_every_line_it_names() -> None:
    # candidates() inlines chrome's word bounds and the caption's ending: a paragraph is not offered
    from cleaner import Pipeline
    from cleaner.document import Block

    (captions,) = [f for f in Pipeline().filters_for("en") if f.name == "captions"]
    credited = "A man walks past the shops on the main street of the town on Monday morning. (AP Photo/Jane Doe)"
    lines = _sample_lines() + [credited, "Photo: Reuters", "AP", credited.replace(" on ", " on and on ") * 3]
    blocks = [Block(t) for t in lines]
    named = [b for b in blocks if captions.chrome(b)]
    offered = list(captions.candidates(blocks))
    assert len(named) >= 3 and all(b in offered for b in named)
    assert blocks[-1] not in offered and blocks[-4] in offered  # (too many words for a caption; a caption's ending)
    paragraphs = [b for b in blocks if len(b.text) > 300]
    assert len([b for b in paragraphs if b in offered]) < len(paragraphs) / 10  # most paragraphs are turned away


def test_matching_on_a_range_of_lines_finds_what_it_finds_on_all_of_them_there() -> None:
    # the recipe card's headings are looked for near the run only, with the gate inlined
    from cleaner.document import Block
    from cleaner.filters.base import matching

    data = LanguageData("en")
    lines = _sample_lines()[:400] + ["Ingredients", "Directions", "Ingredients:", "Method"]
    blocks = [Block(t) for t in lines]
    for name in ("ingredients", "steps"):
        pattern = data.pattern("recipes", name)
        found = [i for i, _ in matching(blocks, pattern)]
        assert found and found == [i for i, b in enumerate(blocks) if pattern.search(b.text)], name
        for lines_at in (range(0), range(len(blocks) - 3, len(blocks)), range(10, 390), range(len(blocks))):
            assert [i for i, _ in matching(blocks, pattern, lines_at)] == [i for i in found if i in lines_at], name


def test_navigation_offers_its_chrome_every_line_it_names() -> None:
    # candidates() passes a line on by the patterns' first characters and openings, merged (opening_test)
    from cleaner import Pipeline
    from cleaner.document import Block

    for language in ("en", "de", "fr"):
        (navigation,) = [f for f in Pipeline().filters_for(language) if f.name == "navigation"]
        lines = _sample_lines() + ["This post contains affiliate links.", "Tags: x", "Sports", "Th\u0130s post"]
        blocks = [Block(t) for t in lines]
        named = [b for b in blocks if navigation.chrome(b)]
        offered = list(navigation.candidates(blocks))
        assert len(named) >= 3 and all(b in offered for b in named), language
        if language != "fr":  # (its topic list opens with letters beyond ASCII too: no gate)
            assert len(offered) < len(blocks) / 2, language  # the gate turns most lines away


def test_an_opening_test_lets_through_every_line_a_pattern_finds() -> None:
    data = LanguageData("en")
    topic, notices = data.pattern("chrome", "topic"), data.pattern("chrome", "notices")
    opens = opening_test(topic, notices)
    assert opens is not None and opening_test(topic, data.pattern("prompts", "comments")) is None  # (no gate)
    for line in _sample_lines() + ["This post contains affiliate links.", "Tags: x", "Th\u0130s post contains"]:
        if topic.search(line) or notices.search(line):
            assert opens(line), line
    assert not opens("Sports") and not opens("The post") and opens("This") and opens("\u00a9 2024")


def test_a_list_with_an_ungated_pattern_keeps_a_table_for_the_others() -> None:
    comments = LanguageData("en").pattern("prompts", "comments")
    assert isinstance(comments, StartGated) and comments.rest is not None and comments.starts is None
    assert "committed" in comments.rest.pattern
    assert all("committed" not in search.__self__.pattern for search in comments.by_first.values())
    assert comments.search("The Post is committed to providing a forum for debate")  # by the rest
    assert comments.search("Leave a comment")  # by the table
    assert not comments.search("The committee met")
    search, starts = search_and_starts(comments)  # the loops that inline a gate take the table's search
    assert starts is None and search == comments.search


# -- date lines: words the parser cannot read ----------------------------------------------

from unittest import mock  # noqa: E402

from cleaner.filters import dates  # noqa: E402

_DATE_VOCAB = [
    "January",
    "Nov",
    "Sept",
    "may",
    "Monday",
    "tue",
    "2024",
    "2019",
    "10",
    "3",
    "09:14",
    "10:30:05",
    "am",
    "PM",
    "a.m.",
    "GMT",
    "EST",
    "UTC",
    "BRST",
    "Z",
    "of",
    "on",
    "at",
    "and",
    "the",
    "th",
    "1st",
    "Published",
    "Updated:",
    "last",
    "modified",
    "|",
    "-",
    ",",
    "/",
    "(",
    ")",
    "Trump",
    "Moscow",
    "says",
    "h",
    "hours",
    "T",
    "noon",
    "März",
    "LIVE",
    "ap",
    "x",
    "2024-03-12",
    "12/03/2024",
    # other languages' date bars
    "Aktualisiert",
    "Uhr",
    "um",
    "13.",
    "Publié",
    "le",
    "à",
    "10h30",
    "marzo",
    "de",
    "марта",
    "г.",
    "Опубликовано",
    "2023年5月12日",
    "发布时间：",
    "公開日",
]


@pytest.mark.parametrize("language", ["en", "de", "fr", "ru", "zh"])
@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_DATE_VOCAB), min_size=1, max_size=7), st.sampled_from([" ", ", ", " - ", "  "]))
def test_date_word_check_never_changes_an_answer(language: str, tokens: list[str], sep: str) -> None:
    reader = dates.date_reader(language)
    text = sep.join(tokens)
    # the parse without the word check (its unmemoised step, called directly: a compiled
    # reader's methods cannot be patched)
    full = reader.parsed(text) if reader.hint.search(text) else None
    assert reader.parse(text) == full


def test_date_word_check_skips_the_parser_for_a_headline() -> None:
    reader = dates.date_reader("en")
    assert not reader.only_date_words("Trump meets Putin in Alaska, August 15, 2025")
    assert reader.only_date_words("Published: Monday, November 10, 2025 09:14 a.m. EST")
    assert reader.parse("Published: Monday, November 10, 2025") == "2025-11-10"


def test_a_date_read_on_an_earlier_page_is_not_parsed_again_until_the_caches_are_emptied() -> None:
    from cleaner import clear_caches

    clear_caches()
    reader = dates.date_reader("en")
    text = "Published: Tuesday, November 11, 2025"
    with mock.patch.object(reader.parser, "parse", wraps=reader.parser.parse) as parse:
        assert reader.parse(text) == reader.parse(text) == "2025-11-11"
        assert parse.call_count == 1  # (all of year, month and day given: one parse)
        assert dates.date_reader("de").parse(text) == "2025-11-11"  # another language's memo
        clear_caches()
        assert reader.parse(text) == "2025-11-11" and parse.call_count == 2


# -- word counts of the content stage: bytes fast path against the regex --------------------

from cleaner.filters.words import WORD, stopwords, utf8_stopwords, word_counts  # noqa: E402

_STOPS = stopwords("en")
_WORDISH = (
    string.ascii_letters
    + string.digits
    + string.punctuation
    + " _"
    + "\u2019\u201c\u201d\u2014\u2013\u2018\u2026\u00e9\u00df\u0130\u212a\u0436\u0431\u00ab\u00bb\u00a9\u0301\u2116"
)


@settings(max_examples=examples(400), deadline=None)
@given(
    st.sampled_from(["en", "fr", "ru"]),
    st.text(alphabet=st.sampled_from(_WORDISH), max_size=60)
    | st.lists(
        st.sampled_from(
            sorted(_STOPS)[:30]
            + sorted(stopwords("fr"))[:30]
            + sorted(stopwords("ru"))[:30]
            + ["Trump", "don\u2019t", "U.S.", "e-mail", "caf\u00e9", "\u00ab\u00e9t\u00e9\u00bb"]
        ),
        max_size=12,
    ).map(" ".join),
)
def test_word_counts_agree_with_the_word_pattern(language: str, text: str) -> None:
    stops = stopwords(language)
    folded = text.casefold()
    words = WORD.findall(folded)
    assert word_counts(folded, stops, utf8_stopwords(stops)) == (len(words), sum(w in stops for w in words))


def test_word_counts_take_every_path() -> None:
    utf8 = utf8_stopwords(_STOPS)
    assert word_counts("the cat, and_the dog", _STOPS, utf8) == (5, 3)  # ASCII
    assert word_counts("don\u2019t \u201cstop\u201d \u2014 the end", _STOPS, utf8) == (5, 2)  # punctuation replaced
    assert word_counts("caf\u00e9 of the year", _STOPS, utf8) == (4, 3)  # letters beyond ASCII ("year" is a stopword)
    assert word_counts("no\u2116 5 of the year", _STOPS, utf8) == (
        5,
        4,
    )  # "\u2116" is no letter: the regex ("no" is a stopword)
    fr = stopwords("fr")
    assert word_counts("il a \u00e9t\u00e9 l\u00e0", fr, utf8_stopwords(fr)) == (
        4,
        sum(w in fr for w in ["il", "a", "\u00e9t\u00e9", "l\u00e0"]),
    )


# -- the share of lower-case words: Title Case lines answered at once -----------------------

from cleaner.filters.shape import lower_share  # noqa: E402

_CASED = "aZ \u01c5\u01c4\u01c6\u00df\u0130\u03a3\u03c3\u2160\u24b6\u24d0(1-'\u02b0\u1d2c\t\u00a0\u3000"


def _plain_lower_share(text: str) -> float:
    alpha = [w[0] for w in text.split()[1:] if w[0].isalpha()]
    return sum(map(str.islower, alpha)) / len(alpha) if alpha else 0.0


@settings(max_examples=examples(600), deadline=None)
@given(
    st.text(alphabet=st.sampled_from(_CASED), max_size=20)
    | st.lists(
        st.sampled_from(
            [
                "Home",
                "home",
                "World News",
                "the",
                "(Video)",
                "iPhone",
                "\u01c5ungla",
                "\u00c9t\u00e9",
                "2025",
                "McDonald's",
                "A",
                "NASA",
            ]
        ),
        max_size=6,
    ).map(" ".join)
)
@example("Privacy Policy")  # title case: 0.0 at once
@example("Jobs at the Times")  # not title case ("at", "the"): counted
def test_lower_share_agrees_with_the_plain_count(text: str) -> None:
    assert lower_share(text) == _plain_lower_share(text)


def test_lower_share_of_title_case_and_of_prose() -> None:
    assert lower_share("Sign In Or Register") == 0.0  # the shortcut
    assert lower_share("Sign in or Register") == 2 / 3
    assert lower_share("Jobs at the Times") == 2 / 3  # not title case: counted


# -- the page head: lines that cannot be prose are turned away before the cache ---------------

from cleaner.document import Block  # noqa: E402
from cleaner.filters.shape import head_end, is_prose  # noqa: E402

_LINES = [
    "Home",
    "Skip to content",
    "World | Politics",
    "",
    "Read more.",
    "a b c d e f g h i j k l.",
    "a b c d e f g h i j k.",
    "ab cd ef gh ij kl mn op qr st uv wx yz?",
    "One two three four five six seven eight nine ten eleven twelve words here\u201d",
    "It was said (in twelve words or more, by the people who were there)",
    "It was said, in twelve words or more, by the people who were there)",
    "Twelve-word-long hyphenated line with one two three four five six seven eight nine!",
]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=8))
def test_head_end_agrees_with_the_plain_scan(texts: list[str]) -> None:
    blocks = [Block(t) for t in texts]
    plain = next((i for i, b in enumerate(blocks) if is_prose(b.text)), len(blocks))
    assert head_end(blocks) == plain


# -- whole-page searches led by a literal character ------------------------------------------

from cleaner.filters import markup, repair  # noqa: E402

_MARKUP_TAGS = LanguageData("en").phrases("markup", "tags")
_PAGEISH = st.lists(
    st.sampled_from(
        list("ab <>/&#;!-xX19 .?A\u00e9\u212a\n")
        + ["<p>", "</div>", "&amp;", "&#x41;", "<!--", "-->", "<!DOCTYPE html>", "war.Then", "Now!Here", "U.S.Army"]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(_PAGEISH)
@example("a &\u212a1; b")  # the Kelvin sign is a "k" to a case-insensitive pattern
def test_markup_halves_find_what_the_whole_pattern_finds(text: str) -> None:
    tag, entity = markup._markup_halves(_MARKUP_TAGS)
    whole = markup._markup_pattern(_MARKUP_TAGS)
    assert bool(whole.search(text)) == bool(tag.search(text) or entity.search(text))


@settings(max_examples=examples(400), deadline=None)
@given(_PAGEISH)
def test_glued_stops_find_what_the_split_finds(text: str) -> None:
    found = any(stop.search(text) for stop in repair._GLUED_STOPS)
    assert found == any(len(repair._GLUED.split(line)) > 1 for line in text.split("\n"))


# -- line keys: the split and join only where a text is not single-spaced ------------------------

from cleaner import keys  # noqa: E402


@settings(max_examples=examples(500), deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(" \t\x0b\x0c\x1c\x85\u1680\u2028\xa0ab.-\u2013\u2014\u00bb\u2022|:\u00df\u0130\u2019\u201c")
        ),
        max_size=12,
    )
)
def test_key_is_the_folded_squeezed_trimmed_text(text: str) -> None:
    plain = text.translate(keys._QUOTES) if not text.isascii() else text
    expected = " ".join(plain.casefold().split()).strip(keys._DECORATION)
    keys.key.cache_clear()
    assert keys.key(text) == expected


# -- the date bar's year test: written to start with a digit ------------------------------


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("12890_a -.\u00e9\u0663\u00b2")), max_size=12))
@example("x2019")
@example("_1999")
@example("\u00e91999")
@example("2019")
def test_the_year_test_finds_what_the_plain_form_finds(text: str) -> None:
    year = LanguageData("en").pattern("dates", "year")
    plain = re.compile(r"\b(?:1[89]|20)\d\d\b", re.IGNORECASE)
    found, expected = year.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())


# -- numbers standing as words (content's list test): the first digit leads, the look-behind follows


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("19a_ .-(\u0663\u00e9Z")), max_size=14))
@example("B2B 3D 2020 (13) x_1 1_x")
def test_number_pattern_finds_what_the_look_behind_first_form_finds(text: str) -> None:
    from cleaner.filters.content.classes import _NUMBER

    assert _NUMBER.findall(text) == re.findall(r"(?<![^\W_])\d+(?![^\W_])", text)


# -- enough words: read only as far as the k-th


@settings(max_examples=examples(500), deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab1 _'-\u2019\u4e2d\u6587\u00e9.")), max_size=30),
    st.integers(min_value=-1, max_value=14),
)
def test_has_words_is_the_word_count_compared(text: str, k: int) -> None:
    from cleaner.filters.shape import has_words, word_count

    assert has_words(text, k) == (word_count(text) >= k)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a .!?:\u3002\uff0e\"'\u201d)]\u300d\n")), max_size=10))
@example("Done.\u201d\n")
@example("To be continued...")
@example("a?:)")
def test_ends_sentence_looks_at_the_end_as_the_pattern_does(text: str) -> None:
    from cleaner.filters.shape import CLOSERS, emote_end, ends_sentence

    pattern = rf"[.!?\u3002\uff01\uff1f\uff0e{{}}][{re.escape(CLOSERS)}]*$"
    emote = emote_end(text.removesuffix("\n"))  # ("a?:)": an emoticon after the stop ends it too)
    assert ends_sentence(text) == (bool(re.search(pattern.format(""), text)) or emote)
    colon = bool(re.search("(?<!\\.\\.)" + pattern.format(":"), text))
    assert ends_sentence(text, colon=True, dots=False) == (colon or emote)


@settings(max_examples=examples(500), deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("19a_ .-(\u0663\uff15\u00b2\u00e9Z")), max_size=14),
    st.floats(min_value=0, max_value=6),
)
@example("\u0663\u0664 \u0665 x", 2.0)
def test_numbers_at_least_is_the_count_of_numbers_compared(text: str, k: float) -> None:
    from cleaner.filters.content.classes import _NUMBER, numbers_at_least

    assert numbers_at_least(text, k) == (len(_NUMBER.findall(text)) >= k)


# -- "holds any of these strings": in tests, not the regex engine ---------------------------


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab {};=<| -/\u2022\u00b7")), max_size=20))
def test_any_of_is_the_alternation_search(text: str) -> None:
    from cleaner.filters.shape import any_of

    for strings in (list("{};=<"), [" | ", " - ", " \u00bb "], ["/", "|", "\u2022", "\u00b7"]):
        expected = re.compile("|".join(map(re.escape, strings))).search(text) is not None
        assert any_of(strings)(text) is expected


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ9 _-'\u2019./\u00e9\u00b2\u0663\t")), min_size=1, max_size=12))
@example("World News")
@example("a_b c")
def test_is_heading_shortcut_only_skips_lines_of_fewer_than_three_words(text: str) -> None:
    # is_heading answers False without counting words when letters and digits stand
    # around at most one space: such a line has at most two words
    from cleaner.filters.shape import word_count

    if text.count(" ") < 2 and text.replace(" ", "").isalnum():
        assert word_count(text) <= 2


# -- line classes kept from page to page ------------------------------------------------

from cleaner import clear_caches  # noqa: E402
from cleaner.filters.content import Options  # noqa: E402
from cleaner.filters.content.classes import CLASSES, classify, line_class  # noqa: E402

_LINES = [
    "Home | News | Sport | Weather",
    "The minister said on Tuesday that the plan would be put to a vote in the spring.",
    "Read more",
    "Share this article",
    "It was the first time in a decade that the two sides had met, and both of them said so.",
]


def _plain_classes(texts: list[str], stops: frozenset[str], o: Options) -> list[str]:
    utf8 = utf8_stopwords(stops)
    return [line_class(t, t.casefold(), *word_counts(t.casefold(), stops, utf8), o) for t in texts]


def test_a_line_class_seen_on_an_earlier_page_is_the_class_under_this_pages_stoplist_and_options() -> None:
    clear_caches()
    blocks = [Block(t) for t in _LINES]
    en, fr = stopwords("en"), stopwords("fr")
    strict = Options(stop_low=0.9, stop_sentence=0.9)
    for stops, o in ((en, Options()), (fr, Options()), (en, strict), (en, Options())):
        assert classify(blocks, stops, o) == _plain_classes(_LINES, stops, o)
    assert classify(blocks, en, Options()) != classify(blocks, en, strict)  # (the options do change them)


def test_clear_caches_empties_the_line_classes() -> None:
    classify([Block(t) for t in _LINES], stopwords("en"), Options())
    assert CLASSES.of((stopwords("en"), Options()))
    clear_caches()
    assert not CLASSES.of((stopwords("en"), Options()))


# -- comment marks kept from page to page -------------------------------------------------

_COMMENT_LINES = [
    "167 Comments",
    "Comments",
    "Alex on May 3, 2019 said:",
    "Alex on May 3, 2019 said",
    "The minister said on Tuesday that the plan would be put to a vote:",
    "Leave a Reply",
    "Read more",
    "3 commentaires",  # a heading in French only
    "Jean le 3 mai 2019 a dit :",  # a byline in French only
    "12 Kommentare",  # a heading in German only
    "Hans am 3. Mai 2019 sagte:",  # a byline in German only
]


def _plain_marks(
    texts: list[str], headings: re.Pattern[str] | StartGated, bylines: re.Pattern[str] | StartGated
) -> list[int]:
    from cleaner.filters.prompts import COMMENT, COMMENT_SECTION

    return [
        COMMENT_SECTION if headings.search(t) else COMMENT if t.endswith(":") and bylines.search(t) else 0
        for t in texts
    ]


def test_a_comment_mark_seen_before_is_the_mark_under_this_languages_patterns() -> None:
    from cleaner import Config, Pipeline
    from cleaner.filters.prompts import MARKS, comment_marks

    clear_caches()
    pipeline, blocks = Pipeline(Config(kind="text")), [Block(t) for t in _COMMENT_LINES]
    marked = {}
    for lang in ("en", "fr", "en", "de", "fr"):  # (each language's patterns: their own memo, filled, then read)
        content = next(f for f in pipeline.filters_for(lang) if f.name == "content")
        marks = comment_marks(blocks, content.headings, content.bylines)
        assert marks == _plain_marks(_COMMENT_LINES, content.headings, content.bylines)
        assert MARKS.of((content.headings, content.bylines)).keys() == set(_COMMENT_LINES)
        marked[lang] = marks
    assert len({tuple(marks) for marks in marked.values()}) == 3  # (the languages mark them otherwise)
    clear_caches()
    assert not MARKS


def test_a_full_comment_mark_memo_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner import Config, Pipeline
    from cleaner.filters.prompts import MARKS, comment_marks

    clear_caches()
    monkeypatch.setattr(MARKS, "lines", 3)
    content = next(f for f in Pipeline(Config(kind="text")).filters_for("en") if f.name == "content")
    marks = comment_marks([Block(t) for t in _COMMENT_LINES], content.headings, content.bylines)
    assert marks == _plain_marks(_COMMENT_LINES, content.headings, content.bylines)
    assert len(MARKS.of((content.headings, content.bylines))) <= 3
    clear_caches()


# -- navigation: a short line's key tells it has a letter or digit ------------------------

_ODD = "aZ09 *•_-|/.\u212a\u017f\u0130\u0345\u00df\u2160\u00b2\u24b6\u02b0\u3000\u201c()[]#"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ODD), min_size=1, max_size=12).map(str.strip).filter(bool))
@example("* * *")
@example("\u212a")  # the Kelvin sign folds to an ASCII "k": a letter either way
@example("\u0345")  # folds to a Greek iota, but is no letter itself
def test_navigation_calls_a_line_a_stray_bullet_exactly_when_it_has_no_letter_or_digit(text: str) -> None:
    from cleaner import Pipeline

    (nav,) = [f for f in Pipeline().filters_for("en") if f.name == "navigation"]
    block = Block(text)
    stray = block.short is not None and block.short not in nav.links and not re.search(r"[^\W_]", text)
    assert (nav.chrome(block) == "stray bullet, separator or rule") == stray


# -- the filters take the content stage's answers for the lines it asked them about -------------


@pytest.mark.parametrize("name", ["cookie_notice_page.txt", "menus_around_article.txt", "comments_after_article.txt"])
def test_filters_judge_a_line_the_content_stage_asked_about_once_and_drop_what_they_would(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import Counter

    from cleaner import Pipeline
    from cleaner.filters import FILTERS, Filter
    from cleaner.filters.content import MainContent

    text = (FIXTURES / "content" / name).read_text(encoding="utf-8")
    survey = MainContent.survey

    def forgetful(self: MainContent, page) -> None:  # the plain way: every filter judges every line itself
        survey(self, page)
        for block in page.blocks:
            block.said = None

    with monkeypatch.context() as plain:
        plain.setattr(MainContent, "survey", forgetful)
        expected = Pipeline().clean(text, kind="text")
    calls: Counter[tuple[str, int]] = Counter()

    def counting(chrome):
        def counted(self, block):
            calls[(self.name, id(block))] += 1
            return chrome(self, block)

        return counted

    for cls in FILTERS:
        if "chrome" in vars(cls):
            monkeypatch.setattr(cls, "chrome", counting(vars(cls)["chrome"]))
    got = Pipeline().clean(text, kind="text")
    assert got.to_dict() == expected.to_dict()
    # (and captions, on the lines alone in their group; others with an apply of their own judge as they did)
    plain = {cls.name for cls in FILTERS if "chrome" in vars(cls) and cls.apply is Filter.apply} | {"captions"}
    assert plain and not {name for (name, _), n in calls.items() if n > 1 and name in plain}


_STEM_ALPHABET = "aAbBsS-'\u2019 .\u00df\u0130\u0131\u01c5\ufb01\u03a3\u03c3\u00e9\u0434\u04141"


def _stems_word_by_word(teasers: Any, text: str) -> frozenset[str]:
    """Teasers.content_stems as it was written: each word folded and split on its own."""
    from cleaner.filters.endmatter import _stem
    from cleaner.filters.shape import words

    out = set()
    for w in words(text):
        for part in w.casefold().replace("\u2019", "'").removesuffix("'s").split("-"):
            if len(part) >= 3 and part not in teasers.stopwords and not part.isdigit():
                out.add(_stem(part)[: teasers.options["stem"]])
    return frozenset(out)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.sampled_from(_STEM_ALPHABET), max_size=40))
@example("It\u2019S the ISTANBUL-\u0130stanbul's stra\u00dfe x's's a-b-cat's \ufb01nance-\ufb02ow")
@example("\u03a3\u0399\u03a3\u03a5\u03a6\u039f\u03a3 \u01c5emal's 1990s-era")
def test_teasers_fold_a_paragraph_as_they_folded_each_word(text: str) -> None:
    from cleaner.filters.endmatter import Teasers

    for language in ("en", "de"):
        teasers = Teasers(LanguageData(language))
        assert teasers.content_stems(text) == _stems_word_by_word(teasers, text)
