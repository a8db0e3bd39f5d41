"""The main-content stage (`content`): the article's run kept, the chrome around and in it dropped."""

import re
import time
from pathlib import Path

import pytest

from cleaner import Config, ConfigError, Pipeline, clean
from cleaner.data import LanguageData
from cleaner.filters import BY_NAME
from helpers import normalized

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "content"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

#: Only the stage under test, so the fixtures test it alone whatever other filters do.
ONLY_CONTENT = Pipeline(Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"})))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["menus_around_article", "short_paragraph", "list_article"])
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


def test_short_paragraph_in_the_middle_is_kept():
    doc = ONLY_CONTENT.clean(read("short_paragraph.txt"))
    assert "\n\nIt still works.\n\n" in doc.text


def test_list_items_of_a_list_heavy_article_are_kept():
    doc = ONLY_CONTENT.clean(read("list_article.txt"))
    for item in ("1 large onion, chopped", "salt and pepper to taste",
                 "Add the tomatoes and let them cook for about twenty minutes."):
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


@pytest.mark.parametrize("text", [
    "Hello there.",
    "Troops of the U.S.Army read example.com and ASP.NET docs, e.g. Node.js, yesterday.",
    "Short title\n\nA single paragraph of a clean article, which says what it has to say in one go.",
])
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
    strict = Pipeline(Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"}),
                             filters={"content": {"max_head_chrome": -1}}))
    doc = strict.clean(raw)
    assert "1 Marit van Dijk 11:42:05" in {r.text for r in doc.removed}
    lenient = Pipeline(Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"}),
                              filters={"content": {"max_head_chrome": 5}}))
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

    page = ("Home\nLogin\nMenu\n\n" + "\n\n".join(
        "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor et dolore magna "
        f"aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris {i} nisi ut aliquip."
        for i in range(4)) + "\n\nContact\nImprint\n")
    p = Pipeline(Config(language="xx", disable=frozenset(set(BY_NAME) - {MainContent.name})))
    doc = p.clean(page)
    assert doc.text.startswith("lorem ipsum") and doc.text.endswith("aliquip.")


def test_cost_is_linear_on_huge_lines():
    line = "word " * 40000 + "user@example.com " * 2000
    page = "Home\nNews\n\n" + line + "\n\nContact\n"
    start = time.perf_counter()
    ONLY_CONTENT.clean(page)
    assert time.perf_counter() - start < 2.0


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
    lazy = [FULL.clean(t).to_dict() for t in texts]
    # as under weights by which a line's class might count for the run: every line classed
    original_init = MainContent.__init__

    def eager_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._outside_weighs_against = False

    monkeypatch.setattr(MainContent, "__init__", eager_init)
    eager = [Pipeline(Config(kind="text")).clean(t).to_dict() for t in texts]
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
