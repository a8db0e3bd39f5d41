from helpers import FIXTURES, removed_by, run

ARTICLE = (
    "Flood waters began to recede on Sunday in the river towns, where thousands had spent the night in shelters.\n\n"
    "Engineers will inspect the levees before residents are allowed to return home."
)


def test_a_repeated_title_line_goes_to_metadata():
    doc = run("Flood Waters Recede in River Towns\n\nFlood waters recede in river towns\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert doc.metadata["title"] == "Flood Waters Recede in River Towns"
    assert doc.metadata["site"] is None


def test_a_lone_headline_on_top_of_a_body_stays_in_it():
    # an extracted body or a cleaned text opens with its headline: nothing shows it was
    # the page's title, and taking it would change the body on every cleaning
    text = "Flood Waters Recede in River Towns\n\n" + ARTICLE
    doc = run(text)
    assert doc.text == text
    assert doc.metadata["title"] is None
    assert run(doc.text).text == text


def test_title_section_site_line_is_split_and_copies_dropped():
    doc = run(
        "Flood Waters Recede | Weather | rivernews.example.com\n\nFlood Waters Recede\n\nFlood waters recede\n\n"
        + ARTICLE
    )
    assert doc.text == ARTICLE
    assert doc.metadata["title"] == "Flood Waters Recede"
    assert doc.metadata["site"] == "rivernews.example.com"
    assert removed_by(doc, "title")[1:] == ["Flood Waters Recede", "Flood waters recede"]


def test_short_site_name_after_a_bar():
    doc = run("Flood Waters Recede | River Daily\n\n" + ARTICLE)
    assert (doc.metadata["title"], doc.metadata["site"]) == ("Flood Waters Recede", "River Daily")


def test_dash_in_a_title_is_not_a_site_separator():
    doc = run("Monday, November 10, 2025\n\nFlood Waters Recede - But Not Everywhere\n\n" + ARTICLE)
    assert doc.metadata["title"] == "Flood Waters Recede - But Not Everywhere"
    assert doc.metadata["site"] is None


def test_several_different_headlines_above_the_article_are_left_alone():
    text = "Flood Waters Recede in River Towns\n\nLevees Hold After Long Weekend\n\n" + ARTICLE
    doc = run(text)
    assert doc.text == text
    assert doc.metadata["title"] is None


def test_no_title_without_an_article_under_it():
    text = "Flood Waters Recede in River Towns"
    assert run(text).text == text


def test_a_short_first_paragraph_is_not_a_title():
    for first in ["It was over.", "Nobody expected this:", "the levees held"]:
        text = first + "\n\n" + ARTICLE
        assert run(text).text == text


def test_a_question_is_a_title_only_in_title_case():
    doc = run("Will the Levees Hold Next Spring? | River Daily\n\n" + ARTICLE)
    assert doc.metadata["title"] == "Will the Levees Hold Next Spring?"
    text = "Will the levees hold next spring? | River Daily\n\n" + ARTICLE
    assert run(text).text == text


def test_a_title_known_from_the_page_drops_only_its_copies():
    from cleaner.blocks import split_blocks
    from cleaner.data import LanguageData
    from cleaner.document import Page, empty_metadata
    from cleaner.filters.title import Title

    meta = {**empty_metadata(), "title": "Flood Waters Recede | River Daily"}
    text = "Flood Waters Recede\n\nRiver Towns Count the Cost\n\nFlood waters recede - River Daily\n\n" + ARTICLE
    page = Page(split_blocks(text), meta, [])
    Title(LanguageData("en")).apply(page)
    assert [b.text for b in page.blocks if not b.dropped] == ["River Towns Count the Cost"] + ARTICLE.split("\n\n")
    assert meta["title"] == "Flood Waters Recede | River Daily"


def test_a_flattened_page_takes_the_headline_that_repeats_its_first_line():
    # many headline-like lines above the article (menus): the title is the one that
    # repeats the page's first line, its <title>; the lines stay for the content stage
    raw = (FIXTURES / "content" / "menus_around_article.txt").read_text(encoding="utf-8")
    assert raw.startswith("Council approves new bike lanes for the harbour district - Harbour Gazette\n")
    doc = run(raw)
    assert doc.metadata["title"] == "Council approves new bike lanes for the harbour district"
    assert doc.metadata["site"] is None  # after a dash only a domain counts
    assert doc.text == run(raw, "title").text
    assert removed_by(doc, "title") == []
    barred = run(raw.replace(" - Harbour Gazette\n", " | Harbour Gazette\n", 1))
    assert (barred.metadata["title"], barred.metadata["site"]) == (
        "Council approves new bike lanes for the harbour district",
        "Harbour Gazette",
    )


def test_a_first_line_that_no_headline_repeats_gives_no_title():
    raw = (FIXTURES / "content" / "menus_around_article.txt").read_text(encoding="utf-8")
    doc = run(
        raw.replace(
            "Council approves new bike lanes for the harbour district - Harbour Gazette",
            "Harbour Gazette: news from the waterfront",
            1,
        )
    )
    assert doc.metadata["title"] is None


def test_a_lone_headline_on_a_page_with_chrome_is_its_title():
    # a flattened page opens with its <title>: the chrome the other filters remove shows
    # it is a page, and a second cleaning of the body (without it) finds no headline
    prompts = "\n\nShare this article\n\nSubscribe to our newsletter"
    doc = run("Flood Waters Recede in River Towns\n\n" + ARTICLE + prompts)
    assert doc.text == ARTICLE
    assert doc.metadata["title"] == "Flood Waters Recede in River Towns"
    assert run(doc.text).text == ARTICLE
