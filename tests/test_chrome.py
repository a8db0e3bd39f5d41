from helpers import assert_removes, removed_by, run

ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate about school funding.\n\n"
    "Officials said the money would be released in two parts over the coming year."
)


def test_skip_links_menus_and_jump_links():
    doc = run(
        "Skip to main content\n\nHome | News | Sport | Weather | Travel\n\n"
        + ARTICLE
        + "\n\nJump to comments \u2193\n\nBack to top"
    )
    assert doc.text == ARTICLE
    assert len(removed_by(doc, "navigation")) == 4


def test_lines_of_only_punctuation_or_rules_go():
    doc = run(ARTICLE + "\n\n___\n\n* * *\n\n\u2022\n\nReporting by Anna Berg.")
    assert doc.text == ARTICLE + "\n\nReporting by Anna Berg."
    assert removed_by(doc, "navigation") == ["___", "* * *", "\u2022"]


def test_a_short_line_opening_with_a_mark_goes_only_without_a_letter_or_digit():
    # navigation's gate looks at the first character of the line's key: quotes and
    # brackets around a rule must not hide it, nor a line of words that opens with one
    doc = run(ARTICLE + "\n\n\u201c\u2026\u201d\n\n(\u2026)\n\n\u201cWe will be back,\u201d\n\n\u00a9 2024 The Herald")
    assert removed_by(doc, "navigation") == ["\u201c\u2026\u201d", "(\u2026)"]


def test_section_label_only_above_the_article():
    doc = run("Politics\n\n" + ARTICLE + "\n\nPolitics")
    assert removed_by(doc, "sections") == ["Politics"]
    assert doc.text == ARTICLE + "\n\nPolitics"


def test_topic_lines():
    doc = run(ARTICLE + "\n\nArticle Topic Follows: Local News\n\nTags: budget, schools")
    assert doc.text == ARTICLE


def test_a_sentence_with_bars_is_not_a_menu():
    text = "Voters chose between three options | keep the law | repeal it entirely | amend its second article."
    assert run(text).text == text


def test_weather_widget_takes_place_and_condition_lines_with_it():
    doc = run("72\u00b0F\nSpringfield\nPartly Cloudy\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert removed_by(doc, "weather") == ["72\u00b0F", "Springfield", "Partly Cloudy"]


def test_temperatures_in_prose_stay():
    text = "It was 19 C at noon, the warmest November day on record in the city."
    assert run(text).text == text


def test_rail_heading_and_its_headlines_after_the_article():
    assert_removes(
        "rails", ARTICLE, ["Latest News", "Mayor Opens New Library Branch", "River Festival Returns in June"]
    )


def test_rail_headings_with_a_site_or_section_name():
    for heading in ("More Great WIRED Stories", "More from The Verge", "More Politics News"):
        assert_removes("rails", ARTICLE, [heading, "Mayor Opens New Library Branch", "River Festival Returns in June"])


def test_a_line_that_starts_like_a_rail_heading_stays():
    for line in (
        "More from the hearing is expected on Monday, the clerk said.",
        "More from the annual report of the harbour board on the budget",
    ):
        text = ARTICLE + "\n\n" + line
        assert run(text).text == text


def test_rail_run_stops_at_prose():
    tail = "The decision was welcomed by parents, who had campaigned for the change for two years."
    doc = run(ARTICLE + "\n\nRelated\n\nSchools Face Teacher Shortage\n\n" + tail)
    assert doc.text == ARTICLE + "\n\n" + tail


def test_rail_heading_in_the_head_drops_only_itself():
    doc = run("Trending Now\n\nBudget Passes After Long Night\n\n" + ARTICLE)
    assert "Trending Now" not in doc.text
    assert doc.metadata["title"] == "Budget Passes After Long Night"


def test_footer_and_advertising_notices():
    assert_removes(
        "navigation",
        ARTICLE,
        [
            "\u00a9 2025 The Associated Press. All rights reserved.",
            "This material may not be published, broadcast, rewritten or redistributed without permission.",
            "Story continues below advertisement",
            "Previous article",
            "Like Loading...",
            "Media playback is unsupported on your device",
            "Your browser does not support the video tag.",
        ],
    )


def test_rights_and_ads_in_prose_stay():
    text = "Copyright lawyers said the ruling reserved all rights to the authors, not to the publishers."
    assert run(text).text == text


def test_section_label_below_a_prose_like_caption_is_judged_as_a_second_cleaning_would():
    caption = "The council chamber on Tuesday evening, when the debate began in front of a full gallery."
    text = caption + "\nPhoto: City Council\n\nPolitics\n\n" + ARTICLE
    once = run(text)
    assert once.text == ARTICLE
    assert run(once.text).text == once.text


def test_a_continue_reading_below_marker_goes():
    """The marker a publisher sets above an ad inside the article (articles split 1)."""
    assert_removes("navigation", ARTICLE, ["Continue Reading Below"])
