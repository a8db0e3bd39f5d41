"""The main-content stage (`content`): the article's run kept, the chrome around and in it dropped."""

import re
from pathlib import Path

import pytest
from helpers import grows_linearly, normalized

from cleaner import Config, ConfigError, Pipeline, clean, clear_caches
from cleaner.data import LanguageData
from cleaner.filters import BY_NAME

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "content"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

#: Only the stage under test, so the fixtures test it alone whatever other filters do.
ONLY_CONTENT = Pipeline(Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"})))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["menus_around_article", "short_paragraph", "list_article", "lede_few_stopwords", "one_line_lede"]
)
def test_fixture_keeps_exactly_the_article(name):
    doc = ONLY_CONTENT.clean(read(f"{name}.txt"))
    assert doc.text == read(f"{name}.expected.txt").strip()
    assert doc.removed and all(r.filter == "content" and r.reason for r in doc.removed)


def test_menus_before_and_after_are_recorded_with_where_they_were():
    doc = ONLY_CONTENT.clean(read("menus_around_article.txt"))
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Skip to content"] == "before the article"
    assert reasons["Privacy policy"] == "after the article"
    assert reasons["Advertisement"].startswith("inside the article")


def test_a_lede_with_fewer_stopwords_opens_the_article_but_a_teaser_cut_short_does_not():
    # the lede ends like a sentence but has fewer stopwords than a good paragraph
    # (near-good): it is the article's first paragraph, unless it trails off in "..."
    raw = read("lede_few_stopwords.txt")
    lede = "Harbor transit chief Dana Ruiz said overnight rain"
    assert ONLY_CONTENT.clean(raw).text.startswith(lede)
    # a teaser (near-good too, with stopwords enough) is never the article's own paragraph
    teaser = ONLY_CONTENT.clean(
        raw.replace(
            "said overnight rain and a failed drainage pump flooded the subway platform at Central "
            "Terminal on Monday, closing the Blue Route.",
            "said that the overnight rain and a failed drainage pump had flooded the subway platform "
            "at Central Terminal on Monday, and ...",
        )
    )
    assert teaser.text.startswith("Crews worked through the morning")
    assert any(r.text.startswith("Harbor transit chief") and r.reason == "before the article" for r in teaser.removed)


@pytest.mark.parametrize(
    "line",
    [
        "What Happens To The Ferries Now?",
        "Here is what the crews agreed:",
        "The ferries are running again and ...",
        "Ferries run again.",
    ],
)
def test_a_line_above_the_first_paragraph_opens_the_article_only_as_a_sentence(line):
    # a headline in Title Case, a lead-in colon, a teaser trailing off, three words (a
    # credit or a label as often as a sentence): not a one-line lede
    raw = read("one_line_lede.txt").replace("The ferries are running again.", line)
    assert ONLY_CONTENT.clean(raw).text.startswith("The crews of the island ferries")


def test_a_one_line_lede_is_not_taken_across_a_removed_line():
    raw = read("one_line_lede.txt")
    assert FULL.clean(raw).text.startswith("The ferries are running again.\n\nThe crews")
    raw = raw.replace("The ferries are running again.\n", "The ferries are running again.\nAdvertisement\n")
    doc = FULL.clean(raw)
    assert [r.filter for r in doc.removed if r.text == "Advertisement"] == ["navigation"]
    assert doc.text.startswith("The crews of the island ferries")


def test_a_line_above_the_article_s_reach_is_no_one_line_lede():
    # (the lines above the reach lie before the first prose-like line: the survey narrows
    # the reach below the article only, and a narrowed page's verdict needs none of them)
    from cleaner.blocks import split_blocks

    content = FULL.filters_for("en")[-1]
    blocks = split_blocks(read("one_line_lede.txt"))
    lede = next(i for i, b in enumerate(blocks) if b.text == "The ferries are running again.")
    assert content.classify(blocks, "en")[1] == lede
    for b in blocks[: lede + 1]:
        b.outside = True
    assert content.classify(blocks, "en")[1] == lede + 1
    assert content.classify(blocks, "en", narrowed=True)[1] == lede + 1


def test_a_comment_section_heading_ends_the_article():
    # the readers' comments are prose, and the lines between them (names, times,
    # ratings) weigh too little to part them from the article: the heading does
    raw = read("comments_after_article.txt")
    doc = FULL.clean(raw)  # (the comments filter finds the headings)
    assert doc.text == normalized(read("comments_after_article.expected.txt"))
    assert [r.text for r in doc.removed if r.reason == "comment section heading"] == [
        "[ 23 comments ]",
        "Top Rated Comments",
    ]
    # "Comments" in the menu above the article ends nothing
    assert doc.text.startswith("The harbour board has ordered")
    # nor is a short comment right below the heading the article's closing sentence
    short = raw.replace("Top Rated Comments\nislandgirl\n2 days ago at 07:52 am\n", "")
    short = short.replace(
        short[short.index("Finally some good news") : short.index("\nRating: 36")], "What a relief for the islands."
    )
    assert "[ 23 comments ]\nWhat a relief for the islands.\nRating: 36 Votes" in short
    assert FULL.clean(short).text == doc.text


def test_good_text_below_a_comment_byline_after_the_article_is_a_reader_s(block_stages):
    # the comments outweigh the one-paragraph article below a "Comments" heading; below
    # the first comment's byline ("Milan on September 12, 2018 at 4:47 pm said:") good
    # text counts for nothing. The survey marks the bylines and expects the article, and
    # the reach narrowed to it holds: the comments outside weigh nothing either
    raw = read("comment_bylines.txt")
    doc = FULL.clean(raw)
    assert doc.text == normalized(read("comment_bylines.expected.txt"))
    assert block_stages == [(True, False)]
    whole = WHOLE_REACH.clean(raw)
    assert (doc.text, doc.metadata) == (whole.text, whole.metadata)
    assert [r.reason for r in whole.removed if r.text.startswith("Milan on")] == ["comment byline"]
    # with no prose above the first byline, the comments are all there is
    thread = FULL.clean(raw[raw.index("Milan on") :]).text
    assert thread.startswith("The last boat from the mainland") and "I would like the morning boats" in thread


def test_the_survey_marks_comment_bylines_outside_the_article_s_reach():
    # the scoped filters never look at them there, and the first one decides where the
    # readers' comments start
    from cleaner.blocks import split_blocks
    from cleaner.document import COMMENT, Page, empty_metadata

    content = FULL.filters_for("en")[-1]
    raw = read("comment_bylines.txt")
    page = Page(split_blocks(raw), {**empty_metadata(), "language": "en"}, [])
    content.survey(page)
    marked = [b.text for b in page.blocks if b.comments_below == COMMENT]
    assert [t.split(" on ")[0] for t in marked] == ["Milan", "Anna (Island Courier)", "Gary M"]
    assert page.narrowed and all(b.outside for b in page.blocks if b.text.startswith("Gary M"))


def test_with_no_prose_above_the_first_byline_good_text_below_the_bylines_counts():
    from cleaner.blocks import split_blocks
    from cleaner.document import COMMENT

    content = FULL.filters_for("en")[-1]
    menu = ["Home", "News", "Sport", "Weather", "Contact"]
    reader = (
        "I agree with the others that the last boat from the mainland leaves far too early "
        "for anyone who works a late shift at the hospital or in the restaurants in town, "
        "and one more crossing at eleven would solve it for most of us who live here."
    )
    other = (
        "The morning boats should wait for the bus from the northern villages, because in "
        "the winter the bus is often late and the boat leaves without the children, who "
        "are then late for school, and without the rest of us, who are late for work on "
        "the mainland and have to explain it to our employers every single week."
    )
    thread = menu + ["Thanks.", reader, "Reply", "Report", other] + menu
    blocks = split_blocks("\n".join(thread))
    blocks[thread.index("Thanks.")].comments_below = blocks[thread.index(other)].comments_below = COMMENT
    classes, start, end, _ = content.classify(blocks, "en")
    assert (blocks[start].text, blocks[end].text) == (other, other)  # the heavier comment


@pytest.mark.parametrize(
    "line, byline",
    [
        ("Alex on September 17, 2018 at 6:34 am said:", True),
        ("Catherine (GiveWell) on 17 Sept. 2018 said:", True),
        ("sam_k on 2019-05-03 at 14:02 said:", True),
        ("The minister on Tuesday said:", False),
        ("Alex on September 17, 2018 at 6:34 am said: yes, indeed", False),
    ],
)
def test_comment_bylines(line, byline):
    from cleaner.document import COMMENT, Block, Page

    comments = next(f for f in FULL.filters_for("en") if f.name == "comments")
    page = Page([Block(line)], {}, [])
    comments.apply(page)
    assert (page.blocks[0].comments_below == COMMENT) is byline


def test_a_long_first_paragraph_opens_the_article_without_its_last_period():
    # (a caption or a teaser standfirst without one does not)
    raw = read("menus_around_article.txt")
    first = next(p for p in raw.split("\n\n") if p.startswith("The city council voted"))
    long = first.rstrip(".") + (
        ", and the work on the first stretch along the waterfront is to start in "
        "the spring, once the ferry company has agreed to move its waiting "
        "area by the terminal a few metres towards the old harbour office on "
        "the quay, the council said"
    )
    assert len(long) >= 400 and len(first.rstrip(".")) < 400
    assert ONLY_CONTENT.clean(raw.replace(first, long)).text.startswith(long)
    assert ONLY_CONTENT.clean(raw.replace(first, first.rstrip("."))).text.startswith("Under the plan")


def test_short_paragraph_in_the_middle_is_kept():
    doc = ONLY_CONTENT.clean(read("short_paragraph.txt"))
    assert "\n\nIt still works.\n\n" in doc.text


def test_list_items_of_a_list_heavy_article_are_kept():
    doc = ONLY_CONTENT.clean(read("list_article.txt"))
    for item in (
        "1 large onion, chopped",
        "salt and pepper to taste",
        "Add the tomatoes and let them cook for about twenty minutes.",
    ):
        assert item in doc.text.split("\n\n")


def test_page_that_is_all_navigation_comes_out_empty_with_a_reason():
    raw = read("all_navigation.txt")
    doc = ONLY_CONTENT.clean(raw)
    assert doc.text == ""
    assert len(doc.removed) == len(raw.strip().splitlines())
    assert {r.reason for r in doc.removed} == {"no article text: every line looks like navigation"}


@pytest.mark.parametrize("name", ["menus_around_article", "short_paragraph", "list_article", "all_navigation"])
def test_cleaning_the_cleaned_body_changes_nothing(name):
    once = clean(read(f"{name}.txt"))
    twice = clean(once.text)
    assert twice.text == once.text
    assert [r for r in twice.removed if r.filter == "content"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hello there.",
        "Troops of the U.S.Army read example.com and ASP.NET docs, e.g. Node.js, yesterday.",
        "Short title\n\nA single paragraph of a clean article, which says what it has to say in one go.",
    ],
)
def test_clean_text_passes_through_untouched(text):
    doc = ONLY_CONTENT.clean(text)
    assert doc.text == text
    assert doc.removed == []


def test_a_clean_article_passes_through_untouched():
    article = read("menus_around_article.expected.txt").strip()
    doc = ONLY_CONTENT.clean(article)
    assert doc.text == article and doc.removed == []


def test_an_article_that_ends_in_a_table_passes_through_untouched():
    # the text starts with its article (no site header above its first paragraph): it
    # is no flattened page, and the results table at its end is the article's
    raw = read("article_with_table.txt")
    doc = ONLY_CONTENT.clean(raw)
    assert doc.text == normalized(raw)
    assert doc.removed == []


def test_the_same_article_under_a_site_header_is_a_page_and_is_cut():
    raw = "Home\nNews\nSport\nWeather\nSign in\n\n" + read("article_with_table.txt")
    doc = ONLY_CONTENT.clean(raw)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Sign in"] == "before the article"
    assert reasons["1 Marit van Dijk 11:42:05"] == "after the article"
    assert doc.text.startswith("Marit van Dijk took the overall lead")


def test_a_page_whose_title_is_repeated_as_its_headline_is_cut_without_a_header():
    # a flattened page opens with its <title>; shown again above the article, it marks a
    # page even when no menu stands above the article
    doc = ONLY_CONTENT.clean(read("title_repeated_page.txt"))
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Back to overview"] == "before the article"
    assert reasons["Imprint Privacy"] == reasons["About us"] == "after the article"
    assert doc.text.startswith("Last spring we moved our online shop")
    assert doc.text.endswith("does not like it at all.")


def test_how_much_header_makes_a_page_is_an_option():
    raw = read("article_with_table.txt")
    strict = Pipeline(
        Config(
            kind="text", disable=frozenset(set(BY_NAME) - {"content"}), filters={"content": {"max_head_chrome": -1}}
        )
    )
    doc = strict.clean(raw)
    assert "1 Marit van Dijk 11:42:05" in {r.text for r in doc.removed}
    lenient = Pipeline(
        Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"}), filters={"content": {"max_head_chrome": 5}})
    )
    raw = "Home\nNews\nSport\nWeather\nSign in\n\n" + raw
    assert lenient.clean(raw).removed == []


def test_the_stage_can_be_switched_off():
    raw = read("menus_around_article.txt")
    by_content = [r.text for r in clean(raw).removed if r.filter == "content"]
    assert by_content
    off = clean(raw, disable=["content"])
    kept = off.text.split("\n\n")
    # without the stage (and its survey) the chrome filters look at every line: what
    # the stage dropped is kept, or dropped by one of them
    chrome = {r.text: r.filter for r in off.removed}
    assert all(text in kept or chrome.get(text) for text in by_content)
    assert any(text in kept for text in by_content)


def test_options_come_from_the_configuration():
    raw = read("short_paragraph.txt")
    strict = Pipeline(Config(filters={"content": {"length_low": 200, "short_weight": 5.0}}))
    assert "It still works." in clean(raw).text
    assert "It still works." not in strict.clean(raw).text
    with pytest.raises(ConfigError, match="no option"):
        Pipeline(Config(filters={"content": {"no_such_option": 1}}))


def test_stopwords_follow_the_detected_language():
    from cleaner.filters.content import stopwords

    assert "und" in stopwords("de") and "the" in stopwords("en")
    assert stopwords("xx") == frozenset()
    german = (
        "Startseite\nPolitik\nSport\nKontakt\nImpressum\n\n"
        "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke über den Fluss im nächsten Jahr gebaut "
        "werden soll, nachdem die Bürger lange darüber gestritten hatten.\n\n"
        "Die Kosten werden auf zwölf Millionen Euro geschätzt, und die Bauzeit soll etwa zwei Jahre betragen, "
        "wie ein Sprecher der Stadt mitteilte.\n\n"
        "Impressum\nDatenschutz\nKontakt\n"
    )
    doc = clean(german)
    assert doc.metadata["language"] == "de"
    assert doc.text.startswith("Der Stadtrat") and doc.text.endswith("mitteilte.")


def test_language_without_a_stoplist_uses_the_page_s_own_frequent_words():
    from cleaner.filters.content import MainContent

    page = (
        "Home\nLogin\nMenu\n\n"
        + "\n\n".join(
            "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor et dolore magna "
            f"aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris {i} nisi ut aliquip."
            for i in range(4)
        )
        + "\n\nContact\nImprint\n"
    )
    p = Pipeline(Config(language="kl", disable=frozenset(set(BY_NAME) - {MainContent.name})))
    doc = p.clean(page)
    assert doc.text.startswith("lorem ipsum") and doc.text.endswith("aliquip.")


def test_cost_is_linear_on_huge_lines():
    def run(line: str) -> None:
        clear_caches()  # each run does the whole work, not the cached part
        ONLY_CONTENT.clean("Home\nNews\n\n" + line + "\n\nContact\n")

    assert grows_linearly(run, "word " * 10000 + "user@example.com " * 500)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_lose_no_article_paragraph_to_the_stage(seed):
    """Alone or after the other filters, the stage keeps every paragraph of the
    hand-written seed bodies (fixtures/seeds), and its output is a fixed point."""
    want = (ROOT / "fixtures" / "seeds" / seed.name).read_text(encoding="utf-8").strip().split("\n\n")
    raw = seed.read_text(encoding="utf-8")
    for pipeline in (ONLY_CONTENT, Pipeline()):
        doc = pipeline.clean(raw)
        got = " ".join(re.findall(r"\w+", doc.text))
        missing = [p[:60] for p in want if " ".join(re.findall(r"\w+", p)) not in got]
        assert missing == []
        assert pipeline.clean(doc.text).text == doc.text


def test_content_stage_leaves_extracted_html_bodies_to_the_extractor():
    from cleaner.filters.content import MainContent

    assert MainContent.kinds == ("text",)


def test_an_extracted_html_body_cleaned_again_as_text_is_unchanged():
    # what a batch over HTML wrote (.txt files) is cleaned again as text by the
    # pre-commit hook: the article's table, which the extractor kept, is the article's
    html = (ROOT / "fixtures" / "html" / "article_with_table.html").read_bytes()
    body = clean(html, kind="html").text
    assert "| 1 | Marit van Dijk | 11:42:05 |" in body.split("\n\n")
    again = clean(body, kind="text")
    assert again.text == body
    assert again.removed == []


# -- survey and scope ---------------------------------------------------------------------

FULL = Pipeline(Config(kind="text"))
#: The survey's reach not narrowed to the run it expects.
WHOLE_REACH = Pipeline(Config(kind="text", filters={"content": {"scope_run_margin": 0}}))


def _scoped_filters():
    return [cls for cls in BY_NAME.values() if cls.scope == "article"]


def test_scoped_filters_only_drop_chrome():
    """Filters that learn metadata or repair text see the whole page."""
    scoped = {cls.name for cls in _scoped_filters()}
    assert {"prompts", "captions", "rails"} <= scoped
    assert not scoped & {"title", "byline", "authorbox", "datebar", "glued", "content", "teasers"}


def test_lines_far_from_the_article_are_left_to_the_content_stage():
    doc = FULL.clean(read("scoped_page.txt"))
    by_text = {r.text: (r.filter, r.reason) for r in doc.removed}
    # a prompt right inside the article's reach is the prompts filter's
    assert by_text["Sign up for our daily newsletter"][0] == "prompts"
    # one far below it is not looked at: the content stage drops it with the rest
    assert by_text["Subscribe to our weekly newsletter for the latest updates"] == ("content", "after the article")
    # the navigation phrases are still looked up everywhere (the head must lose them
    # before the title filter reads it)
    assert by_text["Skip to content"][0] == "navigation"
    assert "The city council voted on Tuesday evening" in doc.text


def test_survey_marks_nothing_on_a_clean_article():
    from cleaner.blocks import split_blocks
    from cleaner.document import Page

    content = FULL.filters_for("en")[-1]
    text = read("short_paragraph.expected.txt")
    page = Page(split_blocks(text), {"language": "en"}, [])
    content.survey(page)
    assert not any(b.outside for b in page.blocks)


def _all_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "fixtures" / "pages").glob("*.txt")) + SEEDS
    return [p.read_text(encoding="utf-8") for p in paths]


def test_scope_keeps_the_same_body_and_metadata_as_looking_everywhere(monkeypatch):
    scoped = [FULL.clean(t) for t in _all_texts()]
    for cls in _scoped_filters():
        monkeypatch.setattr(cls, "scope", "page")
    everywhere = [Pipeline(Config(kind="text")).clean(t) for t in _all_texts()]
    assert [d.text for d in scoped] == [d.text for d in everywhere]
    assert [d.metadata for d in scoped] == [d.metadata for d in everywhere]


def test_survey_leaves_short_lines_outside_the_article_unclassed():
    from cleaner.blocks import split_blocks
    from cleaner.document import Page

    content = FULL.filters_for("en")[-1]
    # without its <title> line (prose-like), the page opens with a long menu
    text = read("scoped_page.txt").split("\n", 1)[1]
    page = Page(split_blocks(text), {"language": "en"}, [])
    content.survey(page)
    outside = [b for b in page.blocks if b.outside]
    assert outside
    # once enough chrome is counted, short lines far from the article are not classed ...
    assert any(b.local is None for b in outside)
    # ... the ones that bound the article are (the final pass classes the rest)
    assert [b.local for b in page.blocks if b.local in ("good", "neargood")]


def test_unclassed_outside_lines_give_the_same_result_as_classing_them(monkeypatch):
    from cleaner.filters.content import MainContent

    # the scoped page without its <title> line opens with a long menu the survey skips
    texts = _all_texts() + [read("scoped_page.txt").split("\n", 1)[1]]
    # (the reach not narrowed to the expected run, which needs those weights)
    lazy = [WHOLE_REACH.clean(t).to_dict() for t in texts]
    # as under weights by which a line's class might count for the run: every line classed
    original_init = MainContent.__init__

    def eager_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._outside_weighs_against = False

    monkeypatch.setattr(MainContent, "__init__", eager_init)
    eager = [Pipeline(WHOLE_REACH.config).clean(t).to_dict() for t in texts]
    assert lazy == eager


def test_weights_that_favour_short_lines_class_every_line():
    content = Pipeline(Config(kind="text", filters={"content": {"short_weight": -0.5}})).filters_for("en")[-1]
    assert not content._outside_weighs_against
    assert FULL.filters_for("en")[-1]._outside_weighs_against


def test_scoped_group_counts_lines_it_drops_at_the_end_of_its_stretch():
    """Lines a scoped filter drops last in the article's stretch are counted on the first
    line after it, as when the whole page is compacted."""
    from cleaner.document import Block, Page
    from cleaner.filters.base import Filter
    from cleaner.pipeline import run_block_filters

    class DropLast(Filter):
        name, scope = "droplast", "article"

        def apply(self, page):
            self.drop(page, page.blocks[-1], "test")

    blocks = [Block(t) for t in "a b c d e f".split()]
    for b in blocks[:1] + blocks[4:]:
        b.outside = True
    page = Page(blocks, {}, [])
    run_block_filters([DropLast(LanguageData("en")), DropLast(LanguageData("en"))], page)
    assert [b.text for b in page.blocks] == ["a", "b", "e", "f"]
    assert page.blocks[2].cut == 2  # "e" counts "d" and "c"
    assert [r.text for r in page.removed] == ["d", "c"]


def test_a_comment_section_start_passes_to_the_next_line_kept():
    from cleaner.document import Block, Page
    from cleaner.filters.base import Filter
    from cleaner.pipeline import run_block_filters

    blocks = [Block(t) for t in ["a", "12 Comments", "x", "b"]]
    blocks[1].comments_below = True
    for b in blocks[1:3]:
        b.dropped = True
    page = Page(blocks, {}, [])
    page.compact()
    assert [(b.text, b.cut, b.comments_below) for b in page.blocks] == [("a", 0, False), ("b", 2, True)]
    assert not page.comments_below_end

    class DropHeadingLast(Filter):  # a heading dropped last in the article's stretch
        name, scope = "dropheading", "article"

        def apply(self, page):
            page.blocks[-1].comments_below = True
            self.drop(page, page.blocks[-1], "test")

    blocks = [Block(t) for t in "a b c d e".split()]
    for b in blocks[:1] + blocks[3:]:
        b.outside = True
    page = Page(blocks, {}, [])
    run_block_filters([DropHeadingLast(LanguageData("en"))], page)
    assert [(b.text, b.cut, b.comments_below) for b in page.blocks] == [
        ("a", 0, False),
        ("b", 0, False),
        ("d", 1, True),
        ("e", 0, False),
    ]


# -- the reach narrowed to the expected run -----------------------------------------------


@pytest.fixture
def block_stages(monkeypatch):
    """(narrowed, widen) of each block stage a clean runs."""
    from cleaner.pipeline import Pipeline as PipelineClass

    stages = []
    original = PipelineClass._block_stage

    def recording(self, text, block_filters, page):
        original(self, text, block_filters, page)
        stages.append((page.narrowed, page.widen))

    monkeypatch.setattr(PipelineClass, "_block_stage", recording)
    return stages


def test_the_reach_narrows_to_the_run_the_survey_expects(block_stages):
    """Comments far below the article are prose: the survey's first reach goes down to
    them, the run it expects stops at the article, and the filters that only drop
    chrome look no further than a few lines below it."""
    text = read("comments_far_below.txt")
    narrowed = FULL.clean(text)
    assert block_stages == [(True, False)]
    whole = WHOLE_REACH.clean(text)
    assert narrowed.text == whole.text and narrowed.metadata == whole.metadata
    assert narrowed.text.startswith("The ferry between") and "Finally!" not in narrowed.text
    reasons = {r.text: (r.filter, r.reason) for r in narrowed.removed}
    assert reasons["Comments"] == ("content", "after the article")
    assert {r.text: r.filter for r in whole.removed}["Comments"] == "comments"


def test_a_run_the_survey_did_not_expect_has_the_filters_look_at_the_whole_reach(block_stages):
    """The survey expects the article at a long cookie notice (prose-like, and heavier
    than the one-paragraph article far below it); the cookie filter removes it, the run
    inside the narrowed reach is then lighter than the article outside, and the block
    stage runs again on the whole reach."""
    text = read("cookie_notice_page.txt")
    doc = FULL.clean(text)
    assert block_stages == [(True, True), (False, False)]
    assert doc.to_dict() == WHOLE_REACH.clean(text).to_dict()
    assert (
        doc.text
        == "The ferry between the two islands will also run on Sundays from next month, the harbour board said."
    )
    assert [r.filter for r in doc.removed if r.text.startswith("This website uses cookies")] == ["cookies"]


def test_a_page_that_would_seem_to_open_with_its_article_is_cleaned_whole(block_stages):
    """A prose-like cookie notice at the top stays in the article's reach (the survey
    narrows it below the article only): left as it is, it would make the page look as if
    it opened with its article (and pass through whole). The cookie filter sees it."""
    text = read("cookie_notice_on_top.txt")
    doc = FULL.clean(text)
    assert block_stages == [(False, False)]
    assert doc.to_dict() == WHOLE_REACH.clean(text).to_dict()
    assert doc.text.startswith("The ferry between") and doc.text.endswith("or stay until Monday.")
    assert [r.filter for r in doc.removed if r.text.startswith("This website uses cookies")] == ["cookies"]


def test_the_filters_that_read_the_head_see_it_as_without_the_narrowing(block_stages):
    """A footer notice in the menu above the headline is prose-like, and its lines lie
    above the run the survey expects. The navigation filter drops it, as without the
    narrowing, and the title filter finds the headline that repeats the page's title
    below it (the notice, prose, ended the head it reads)."""
    text = read("notice_above_headline.txt")
    doc = FULL.clean(text)
    assert doc.metadata["title"] == "Harbour board adds Sunday ferries after a record year"
    whole = WHOLE_REACH.clean(text)
    assert (doc.text, doc.metadata) == (whole.text, whole.metadata)
    assert [r.filter for r in doc.removed if r.text.startswith("This material")] == ["navigation"]


def test_a_closing_line_counts_only_right_below_the_article():
    """A credit ten lines below the article (a list of related links between, removed)
    is not the article's closing line; within closing_reach lines it is."""
    text = read("credit_below_related.txt")
    credit = "Reporting by Anna Berg; editing by Tom Lund."
    assert credit not in FULL.clean(text).text
    for margin in (0, 8):  # (a run ending where the narrowed reach ends looks beyond it)
        config = Config(kind="text", filters={"content": {"closing_reach": 12, "scope_run_margin": margin}})
        assert Pipeline(config).clean(text).text.endswith("or stay until Monday.\n\n" + credit)


def test_a_closing_line_outside_the_narrowed_reach_is_looked_at_first():
    from cleaner.blocks import split_blocks

    content = FULL.filters_for("en")[-1]
    page = read("comments_far_below.txt").split("Island Courier newsroom")[0]
    blocks = split_blocks(page + "Reporting by Anna Berg.\n" + "\n".join(["Contact", "Advertise", "Archive"]))
    assert content.classify(blocks, "en")[2] == len(blocks) - 4  # the credit closes the article
    for b in blocks[-4:]:
        b.outside = True
    assert content.classify(blocks, "en", narrowed=True) is None


def test_narrowing_keeps_the_same_body_and_metadata_as_the_whole_reach():
    names = [
        "comments_far_below.txt",
        "cookie_notice_page.txt",
        "cookie_notice_on_top.txt",
        "credit_below_related.txt",
    ]
    texts = _all_texts() + [read(name) for name in names]
    narrowed = [FULL.clean(t) for t in texts]
    whole = [WHOLE_REACH.clean(t) for t in texts]
    assert [d.text for d in narrowed] == [d.text for d in whole]
    assert [d.metadata for d in narrowed] == [d.metadata for d in whole]


def test_a_narrowed_page_is_neither_passed_through_nor_emptied_on_its_reach_alone():
    """Whether a page passes through whole or has no article is a verdict on all of it:
    after a narrowed survey, the lines outside have to be looked at first."""
    from cleaner.blocks import split_blocks

    content = FULL.filters_for("en")[-1]
    article = split_blocks(read("short_paragraph.expected.txt"))
    assert content.classify(article, "en")[1:3] == (0, len(article) - 1)
    assert content.classify(article, "en", narrowed=True) is None
    menu = split_blocks("\n".join(["Home", "News", "Sport", "Culture", "Weather", "Contact"]))
    assert content.classify(menu, "en")[1] == -1
    assert content.classify(menu, "en", narrowed=True) is None


def test_a_run_that_might_reach_below_the_narrowed_reach_needs_the_whole_page():
    """The lines below a narrowed reach weigh the most they can once the other filters
    have run: when a run taking one in might be the heaviest, the verdict needs them."""
    from cleaner.document import Block
    from cleaner.filters.content import Beyond
    from cleaner.filters.content.classes import BAD, GOOD, SHORT

    content = FULL.filters_for("en")[-1]
    texts = ["g" * 200, "Headline", "g" * 100] + ["Menu"] * 12 + ["g" * 300]
    classes = [GOOD, SHORT, GOOD] + [BAD] * 12 + [GOOD]
    blocks = [Block(t) for t in texts]
    # the run under the title (good text above it counts for nothing)
    assert content._run(blocks, classes, 1, (0, len(texts)), narrowed=False) == (2, 2)
    # the heavier good line below the reach might be the article's
    with pytest.raises(Beyond):
        content._run(blocks, classes, 1, (0, len(texts) - 1), narrowed=True)
    # with no good line there, the run under the title stands
    assert content._run(blocks, classes[:-1] + [BAD], 1, (0, len(texts) - 1), narrowed=True) == (2, 2)


def test_the_heaviest_run_through_a_line_reaches_as_far_as_it_gains():
    from cleaner.filters.content.run import run_through

    ws, gaps = [10.0, -5.0, 3.0, -1.0, 20.0], [0.0] * 5
    assert run_through(ws, gaps, 2) == (0, 4, 27.0)
    assert run_through([-10.0] + ws[1:4] + [-20.0], gaps, 2) == (2, 2, 3.0)
    # crossing lines removed above a line costs (gaps[4]: from line 3 to line 4)
    assert run_through(ws, [0.0, 0.0, 0.0, 0.0, 30.0], 2) == (0, 2, 8.0)
