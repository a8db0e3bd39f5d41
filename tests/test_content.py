"""The main-content stage (`content`): the article's run kept, the chrome around and in it dropped."""

import re
from pathlib import Path

import pytest
from helpers import ARTICLES, HARBOUR_ARTICLE, ROOT, SEED_PAGES, grows_linearly, needs_articles, normalized, run

from cleaner import Config, ConfigError, Pipeline, clean, clear_caches
from cleaner.data import LanguageData
from cleaner.document import Block, Document
from cleaner.filters import BY_NAME
from cleaner.filters.content import Options, pass_through, stopwords
from cleaner.filters.content.classes import BAD, GOOD, SHORT, classify
from cleaner.filters.shape import ends_sentence

FIXTURES = ROOT / "fixtures" / "content"

#: Only the stage under test, so the fixtures test it alone whatever other filters do.
ONLY_CONTENT = Pipeline(Config(kind="text", disable=frozenset(set(BY_NAME) - {"content"})))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "menus_around_article",
        "short_paragraph",
        "list_article",
        "lede_few_stopwords",
        "one_line_lede",
        "archive_in_sidebar",
        "list_heavy_sentence",
        "title_in_list_below",
        "article_across_gallery",
        "code_in_tutorial",
        "teasers_below_article",
        "caption_under_title",
    ],
)
def test_fixture_keeps_exactly_the_article(name):
    doc = ONLY_CONTENT.clean(read(f"{name}.txt"))
    assert doc.text == read(f"{name}.expected.txt").strip()
    assert doc.removed and all(r.filter == "content" and r.reason for r in doc.removed)


def test_a_long_line_of_months_and_counts_is_a_list_not_prose():
    """An archive's month menu flattened to one line is long, and month names are
    stopwords in jusText's lists: it is a list all the same, in any language."""
    german = "Archiv Monat auswählen " + " ".join(f"{m} 2023 ({k})" for k, m in enumerate(["Januar", "Mai"] * 20))
    english = "Archives Select Month " + " ".join(f"{m} 2023 ({k})" for k, m in enumerate(["March", "May"] * 20))
    assert classify([Block(german)], stopwords("de"), Options()) == [BAD]
    assert classify([Block(english)], stopwords("en"), Options()) == [BAD]
    prose = "In 2023 the club had 120 members, 14 more than in 2022, and 3 of its 5 teams won their league."
    assert classify([Block(prose)], stopwords("en"), Options()) == [GOOD]


def test_a_lone_paragraph_far_above_the_article_is_not_kept_with_it():
    # the article's opening paragraphs above a gallery are kept (the fixture); a single paragraph there, a teaser or a
    # standfirst of another story, is too little prose to be the article's
    lines = read("article_across_gallery.txt").splitlines(keepends=True)
    raw = "".join(line for line in lines if not line.startswith(("It takes five days", "We set out")))
    assert ONLY_CONTENT.clean(raw).text.startswith("The rain did not clear")


def test_two_paragraphs_above_a_gallery_are_the_article_s():
    # two paragraphs of prose (about 420 characters) are more than a teaser's or another
    # story's standfirst: the article's opening, cut off from the rest by the gallery
    lines = read("article_across_gallery.txt").splitlines(keepends=True)
    raw = "".join(line for line in lines if not line.startswith("We set out"))
    text = ONLY_CONTENT.clean(raw).text
    assert text.startswith("For three hundred years") and "It takes five days" in text
    assert "The rain did not clear" in text and "Gallery" not in text


def _teasers_page(keep) -> str:
    """The fixture ``teasers_below_article`` with only the lines ``keep`` keeps (its index, its text)."""
    lines = read("teasers_below_article.txt").splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines) if keep(i, line))


def test_a_headline_above_the_article_wins_over_a_heavier_template_below():
    # no <title> line to repeat: the headline right above the first paragraph anchors the run, and a heavier run of
    # teasers (a date line's shape repeated) wins over it only as a title's run is outweighed (``title_run_share``)
    lines = read("teasers_below_article.txt").splitlines(keepends=True)
    byline, share_bar_end = lines.index("By Ines Mora\n"), lines.index("Follow\n")  # (and its title line, 0)
    text = ONLY_CONTENT.clean(_teasers_page(lambda i, _: 0 < i < byline or i > share_bar_end)).text
    assert text == read("teasers_below_article.expected.txt").strip()


def test_a_heavier_run_without_a_template_still_wins_over_a_title_out_of_reach():
    # the same teasers without their date lines repeat no line's shape: the heavier run may be the article itself,
    # continued under a gallery, and wins as before (the title's first paragraph is out of ``title_reach``)
    text = ONLY_CONTENT.clean(_teasers_page(lambda _, line: " ago " not in line)).text
    assert "Crews worked through the night" in text


def test_a_caption_cut_short_under_the_title_does_not_anchor_the_run():
    # a gallery's caption cut short ("... more") under the title cannot open the article (``opens_article``) any more
    # than one ending in its credit (the fixture): the article below the share bars is the run, not the caption
    raw = read("caption_under_title.txt")
    caption = next(line for line in raw.splitlines() if line.startswith("In this May 3"))
    raw = raw.replace(caption, caption.removesuffix(". (Coast Herald via Press Agency, File)") + "... more")
    assert ONLY_CONTENT.clean(raw).text == read("caption_under_title.expected.txt").strip()


def test_only_sentences_above_the_run_are_kept_with_it_and_cleaning_twice_changes_nothing():
    # a page's title and headline up there, without a sentence end, would be its head to a second cleaning
    headline = "Walking the old salt road from the mines to the river port, one village at a time"
    lines = read("article_across_gallery.txt").splitlines(keepends=True)
    top = ["Home | Travel | Walking | Events\n", f"{headline} - Hill Country Weekly\n"]
    raw = "".join(top + lines[1:]).replace("Walking the old salt road, one village at a time\n", f"{headline}\n")
    once = FULL.clean(raw).text
    assert once.startswith("For three hundred years the salt carts")
    assert FULL.clean(once).text == once


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


@pytest.mark.parametrize(
    "line",
    [
        "After nine days without a single crossing the crews have accepted a pay rise of six percent",
        "\u201cWe are glad it is over and that the islands are connected again,\u201d the mayor said",
    ],
)
def test_a_line_of_prose_above_the_first_paragraph_opens_the_article_without_its_period(line):
    # a standfirst set apart in bold often has no period: prose all the same
    raw = read("one_line_lede.txt").replace("The ferries are running again.", line)
    assert ONLY_CONTENT.clean(raw).text.startswith(line + "\n\nThe crews of the island ferries")


def test_a_standfirst_of_two_lines_without_periods_opens_the_article():
    # a standfirst set in bold, one line a sentence, loses its periods when the page is flattened
    path = FIXTURES / "standfirst_two_lines.txt"
    doc = clean(path.read_bytes())
    assert doc.text == read("standfirst_two_lines.expected.txt").strip()
    assert doc.text.startswith("The town council last night voted")


def test_the_lede_takes_at_most_max_lede_lines_lines():
    raw = read("standfirst_two_lines.txt")
    one = Pipeline(Config(kind="text", filters={"content": {"max_lede_lines": 1}})).clean(raw)
    assert one.text.startswith("Engineers had warned")
    assert any(r.text.startswith("The town council") and r.reason == "before the article" for r in one.removed)


def test_a_credited_caption_above_the_first_paragraph_is_no_lede():
    line = "Crew members walk off a ferry in the harbour on the first day of the strike (Credit: Jane Roe)"
    raw = read("one_line_lede.txt").replace("The ferries are running again.", line)
    doc = FULL.clean(raw)
    assert doc.text.startswith("The crews of the island ferries")
    assert [r.filter for r in doc.removed if r.text == line] == ["captions"]


def test_a_one_line_lede_is_not_taken_across_a_removed_line():
    raw = read("one_line_lede.txt")
    assert FULL.clean(raw).text.startswith("The ferries are running again.\n\nThe crews")
    raw = raw.replace("The ferries are running again.\n", "The ferries are running again.\nAdvertisement\n")
    doc = FULL.clean(raw)
    assert [r.filter for r in doc.removed if r.text == "Advertisement"] == ["navigation"]
    assert doc.text.startswith("The crews of the island ferries")


def test_a_comment_section_heading_ends_the_article():
    # the readers' comments are prose, and the lines between them (names, times,
    # ratings) weigh too little to part them from the article: the heading does
    raw = read("comments_after_article.txt")
    doc = FULL.clean(raw)
    assert doc.text == normalized(read("comments_after_article.expected.txt"))
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["[ 23 comments ]"] == reasons["Top Rated Comments"] == "after the article"
    # "Comments" in the menu above the article ends nothing
    assert doc.text.startswith("The harbour board has ordered")
    # nor is a short comment right below the heading the article's closing sentence
    short = raw.replace("Top Rated Comments\nislandgirl\n2 days ago at 07:52 am\n", "")
    short = short.replace(
        short[short.index("Finally some good news") : short.index("\nRating: 36")], "What a relief for the islands."
    )
    assert "[ 23 comments ]\nWhat a relief for the islands.\nRating: 36 Votes" in short
    assert FULL.clean(short).text == doc.text


def test_a_comment_count_right_under_the_first_paragraph_ends_nothing():
    # a share bar under the standfirst and byline counts the comments ("Comments", "12 comments", "Shares"): the
    # heading's pattern, but the article goes on below it; the comment section at the end still ends it
    raw = read("comment_count_under_lede.txt")
    doc = FULL.clean(raw)
    assert doc.text == read("comment_count_under_lede.expected.txt").strip()
    assert doc.text.startswith("A month after the winter timetable began")
    assert doc.text.endswith("no better for those who come home late.")
    assert "The early boat has changed my mornings" not in doc.text
    assert FULL.clean(doc.text).text == doc.text
    # switched off, the count ends the article under its first paragraph
    off = Pipeline(Config(kind="text", filters={"content": {"share_bar_lines": 0}})).clean(raw)
    assert off.text == raw[raw.index("A month after") : raw.index("home.") + 5]


def test_good_text_below_a_comment_byline_after_the_article_is_a_reader_s():
    # the comments outweigh the one-paragraph article below a "Comments" heading; below
    # the first comment's byline ("Milan on September 12, 2018 at 4:47 pm said:") good
    # text counts for nothing
    raw = read("comment_bylines.txt")
    doc = FULL.clean(raw)
    assert doc.text == normalized(read("comment_bylines.expected.txt"))
    assert [r.reason for r in doc.removed if r.text.startswith("Milan on")] == ["after the article"]
    # with no prose above the first byline, the comments are all there is
    thread = FULL.clean(raw[raw.index("Milan on") :]).text
    assert thread.startswith("The last boat from the mainland") and "I would like the morning boats" in thread


def test_comment_bylines_are_marked_where_readers_comments_start():
    from cleaner.blocks import split_blocks
    from cleaner.filters.prompts import COMMENT, comment_marks

    content = FULL.filters_for("en")[-1]
    blocks = split_blocks(read("comment_bylines.txt"))
    marks = comment_marks(blocks, content.headings, content.bylines)
    marked = [b.text for b, mark in zip(blocks, marks, strict=True) if mark == COMMENT]
    assert [t.split(" on ")[0] for t in marked] == ["Milan", "Anna (Island Courier)", "Gary M"]


def test_with_no_prose_above_the_first_byline_good_text_below_the_bylines_counts():
    from cleaner.blocks import split_blocks
    from cleaner.filters.content import judge
    from cleaner.filters.content.classes import classify
    from cleaner.filters.prompts import COMMENT
    from cleaner.filters.words import stopwords

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
    marks = [0] * len(blocks)
    marks[thread.index("Thanks.")] = marks[thread.index(other)] = COMMENT
    local = classify(blocks, stopwords("en"), content.o)
    anchor = pass_through(blocks, local, content.o, False, content.asked)
    verdicts = judge(blocks, local, marks, content.o, anchor, (content.ingredients, content.steps))
    kept = [b.text for b, v in zip(blocks, verdicts, strict=True) if v is None]
    assert kept == [other]  # the heavier comment


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
    from cleaner.document import Block
    from cleaner.filters.prompts import COMMENT, comment_marks

    comments = next(f for f in FULL.filters_for("en") if f.name == "comments")
    assert (comment_marks([Block(line)], comments.headings, comments.bylines) == [COMMENT]) is byline


def test_a_long_first_paragraph_opens_the_article_without_its_last_period():
    # (a shorter one does only as the lede right above a paragraph that opens it)
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
    lede = ONLY_CONTENT.clean(raw.replace(first, first.rstrip(".")))
    assert lede.text.startswith(first.rstrip(".") + "\n\nUnder the plan")
    teaser = first.rstrip(".") + " and ..."
    assert ONLY_CONTENT.clean(raw.replace(first, teaser)).text.startswith("Under the plan")


def test_a_first_paragraph_leading_in_to_a_quotation_with_a_colon_opens_the_article():
    raw = read("menus_around_article.txt")
    first = next(p for p in raw.split("\n\n") if p.startswith("The city council voted"))
    lead_in = first.rstrip(".") + ". The mayor put it this way:"
    assert ONLY_CONTENT.clean(raw.replace(first, lead_in)).text.startswith(lead_in + "\n\nUnder the plan")


def test_a_subheading_without_stopwords_is_short_not_chrome():
    # a heading of a few words ("Schnellstrecken kosten Nachtzüge") takes its class from
    # the lines around it, as jusText's short paragraphs do; a one-word menu item is chrome
    assert classify([Block("Schnellstrecken kosten Nachtzüge")], stopwords("de"), Options()) == [SHORT]
    assert classify([Block("Startseite")], stopwords("de"), Options()) == [BAD]
    doc = clean(read("de_subheading.txt"), kind="text", disable=set(BY_NAME) - {"content"})
    assert doc.metadata["language"] == "de"
    assert doc.text == read("de_subheading.expected.txt").strip()


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


def test_the_list_a_paragraph_leads_in_to_with_a_colon_is_the_article_s():
    # the items are short lines below the article's last paragraph: without the lead-in they weigh against it
    path = FIXTURES / "list_after_lead_in.txt"
    doc = clean(path.read_bytes())
    assert doc.text == read("list_after_lead_in.expected.txt").strip()
    assert doc.text.endswith("A waterproof bag for the phone and the car keys")
    off = Pipeline(Config(kind="text", filters={"content": {"max_list_items": 0}})).clean(path.read_bytes())
    assert off.text.endswith("before anything else:")


def cleans_to_expected(name: str) -> tuple[str, Document]:
    """``name``'s fixture and its body: the expected one, which cleaning again leaves as it is."""
    raw = read(f"{name}.txt")
    doc = clean(raw)
    assert doc.text == read(f"{name}.expected.txt").strip()
    assert clean(doc.text).text == doc.text
    return raw, doc


def test_a_list_ends_at_a_blank_line_and_a_related_heading_leads_in_to_none():
    raw = read("list_after_lead_in.txt")
    article, _, rest = raw.partition("before anything else:\n")
    # the items in groups of their own: no list of the lead-in's
    apart = clean(article + "before anything else:\n\n" + rest.replace("\n", "\n\n", 4))
    assert apart.text.endswith("before anything else:")
    # a heading of a rail of other stories is chrome, though it ends in a colon
    lead_in = "After a lot of trial and error, these are the things that now go into my bag before anything else:"
    related = ONLY_CONTENT.clean(raw.replace(lead_in, "You might also like:")).text
    assert related.endswith("do not expect to sit on the beach.")


def test_a_paragraph_leading_in_to_a_table_below_a_credit_joins_the_article_with_its_table():
    # the lead-in is a short paragraph under an image's credit: alone it weighs less than join_weight, and the
    # table's rows weigh against it; the colon says the table is the article's (a standings table, a price list)
    raw, doc = cleans_to_expected("table_after_lead_in")
    assert doc.text.endswith("5 Lake Rowing Society 266 2")
    assert "Photo: Mira Holt" not in doc.text
    # the same paragraph ending in a full stop announces nothing: it and the rows stay outside
    stop = clean(raw.replace("now as follows:", "now as follows.")).text
    assert stop.endswith("with only the winter sprints still to come.")


def test_closing_sentences_below_the_run_join_it_up_to_a_lead_in_and_its_list():
    # short sentences right below the last paragraph ("Try it this weekend.", "This update is for you!") close
    # the post; the last of them may lead in to a list with a colon, which then joins with its blank-line group
    raw, doc = cleans_to_expected("closing_sentences_lead_in")
    assert doc.text.endswith("Many small bugs fixed")
    assert "Share this" not in doc.text
    # a line that is not a sentence ends the walk: the lead-in below it stays outside
    cut = clean(raw.replace("This update is for you!", "Harbour Quiz 3")).text
    assert cut.endswith("Try it with your family this weekend.")


def test_a_headline_that_is_the_whole_first_part_of_a_long_title_anchors_the_article():
    # "Headline | Site | Section | ...": the headline is a third of the <title> line; shown again above the
    # article, it marks where the article starts, and two heavier promotional paragraphs far below are not it
    doc = clean((FIXTURES / "title_first_part.txt").read_bytes())
    assert doc.text == read("title_first_part.expected.txt").strip()
    assert doc.metadata["title"] == "Harbour ferries to run on Sundays"
    assert "weekend edition" not in doc.text


def test_a_tutorial_s_code_lines_between_paragraphs_are_kept_and_its_menus_and_share_bar_are_not():
    # a line of code has few stopwords and is bad on its own; between two paragraphs it costs the run nothing
    path = FIXTURES / "code_in_tutorial.txt"
    doc = clean(path.read_bytes())
    assert doc.text == read("code_in_tutorial.expected.txt").strip()
    assert "reader = csv.reader(f); rows = [row for row in reader]" in doc.text
    assert "Share on Facebook" not in doc.text and "Tutorials" not in doc.text
    off = Pipeline(Config(kind="text", filters={"content": {"min_code_marks": 100}})).clean(path.read_bytes())
    assert "reader = csv.reader(f)" not in off.text
    assert clean(doc.text).text == doc.text


def test_a_recipe_s_card_below_the_article_is_the_article_s():
    # the ingredients (short lines, numbers) and the steps stand apart from the story above them, across a share bar
    # and the card's title and times: without the card they weigh against the run and go
    path = FIXTURES / "recipe_card.txt"
    doc = clean(path.read_bytes())
    assert doc.text == read("recipe_card.expected.txt").strip()
    assert "225 g soft butter" in doc.text and doc.text.endswith("pour it over the warm loaf.")
    off = Pipeline(Config(kind="text", filters={"content": {"card_lines": 0}})).clean(path.read_bytes())
    assert "225 g soft butter" not in off.text and "Bake for 45 minutes" not in off.text


def test_a_recipe_s_card_is_found_by_its_headings_in_the_page_s_language():
    raw = (
        read("recipe_card.txt")
        .replace("\nIngredients\n", "\nZutaten\n")
        .replace("\nInstructions\n", "\nZubereitung\n")
    )
    german = Pipeline(Config(kind="text", language="de")).clean(raw)
    assert "225 g soft butter" in german.text and german.text.endswith("pour it over the warm loaf.")
    # without a steps heading below the ingredients there is no card
    alone = clean(read("recipe_card.txt").replace("\nInstructions\n", "\nDid you like it?\n"))
    assert "225 g soft butter" not in alone.text


def test_page_that_is_all_navigation_comes_out_empty_with_a_reason():
    raw = read("all_navigation.txt")
    doc = ONLY_CONTENT.clean(raw)
    assert doc.text == ""
    assert len(doc.removed) == len(raw.strip().splitlines())
    assert {r.reason for r in doc.removed} == {"no article text: every line looks like navigation"}


def test_a_page_of_results_without_prose_keeps_its_rows_as_a_page_of_navigation_would_not():
    # no line reads as prose, but rows as long as a paragraph are a table's or a results list's, not a menu's
    doc = clean(read("results_roundup.txt"))
    assert "Osas Osaro 3 goals, 1 assist." in doc.text and "C. Martinez 1 goal." in doc.text
    assert "Share on Facebook" not in doc.text
    assert clean(doc.text).text == doc.text


def test_a_short_page_judged_by_its_own_words_is_not_emptied_on_a_second_cleaning():
    # no language's stoplist: the page's repeated words stand in, and they shift when the
    # caption filter removes a credit and its caption ("0" is then said once, not twice)
    once = clean("00\n\n©0\n0\n\n0\n1")
    assert once.text == "00\n\n0\n\n1"
    assert clean(once.text).text == once.text


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
    assert doc.removed == []  # no line the other filters call chrome: a cleaned body, kept whole
    doc = strict.clean("Skip to content\n" + raw)
    assert "1 Marit van Dijk 11:42:05" in {r.text for r in doc.removed}
    lenient = Pipeline(
        Config(
            kind="text",
            disable=frozenset(set(BY_NAME) - {"content"}),
            filters={"content": {"max_head_chrome": 5, "min_told_chrome": 0}},
        )
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
    from cleaner.filters.words import stopwords

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


@pytest.mark.parametrize("seed", SEED_PAGES, ids=lambda p: p.name[:3])
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


@pytest.mark.parametrize("name", ["body_heading_repeated.txt", "body_table_repeated.txt"])
def test_an_extracted_body_whose_first_line_repeats_below_passes_through(name, tmp_path):
    # HTML mode's bodies open with what the article opens with: a section heading the article repeats further down
    # (a journal's "Article and author information" above its abstract and again above its disclosures), a table
    # shown twice. Neither is a flattened page's <title>: no line is chrome, and the body is kept whole.
    from typer.testing import CliRunner

    from cleaner.cli import app

    raw = read(name)
    doc = clean(raw, kind="text")
    assert doc.text == normalized(raw)
    assert doc.removed == [] and doc.metadata.get("title") is None
    (tmp_path / name).write_text(raw, encoding="utf-8")
    checked = CliRunner().invoke(app, ["check", str(tmp_path / name)])
    assert checked.exit_code == 0, checked.output


def test_asking_top_down_stops_at_the_first_slice_with_chrome():
    from cleaner.blocks import split_blocks
    from cleaner.filters.base import ask_top_down

    content = FULL.filters_for("en")[-1]
    lines = [f"A line of the page number {i}, which no filter calls chrome." for i in range(40)]
    blocks = split_blocks("\n".join(lines[:10] + ["Skip to main content"] + lines[10:]))
    assert ask_top_down(content.asked, blocks, first=4)
    # the slices [0, 4), [4, 8), [8, 16) were asked (chrome at 10), the rest not
    assert [b.said is not None for b in blocks] == [True] * 16 + [False] * 25
    assert not ask_top_down(content.asked, split_blocks("\n".join(lines)), first=4)


def test_the_same_body_under_a_site_header_is_cut_at_its_title_repetition():
    # the same text with a page's chrome on top: its first line, repeated further down, is the page's <title> and
    # its headline again, and goes (both copies) with the chrome and the reference list
    raw = read("body_heading_repeated.txt")
    title, rest = raw.split("\n", 1)
    doc = clean(f"{title}\nSkip to main content\nSign in\nSubscribe\n{rest}", kind="text")
    removed = [r.text for r in doc.removed]
    assert doc.metadata["title"] == title and removed.count(title) == 2 and "Skip to main content" in removed
    assert "References" in removed and doc.text.startswith("Earlier studies of evening light")
    assert doc.text.endswith("could appear to have influenced the submitted work.")


# -- the verdict, given before the other filters -------------------------------------------

FULL = Pipeline(Config(kind="text"))


def _scoped_filters():
    return [cls for cls in BY_NAME.values() if cls.scope == "article"]


def test_scoped_filters_only_drop_chrome():
    """Filters that learn metadata or repair text see the whole page."""
    scoped = {cls.name for cls in _scoped_filters()}
    assert {"prompts", "captions", "rails"} <= scoped
    assert not scoped & {"title", "byline", "authorbox", "datebar", "glued", "content", "teasers", "navigation"}


def test_lines_the_stage_drops_below_the_head_are_left_to_it():
    doc = FULL.clean(read("scoped_page.txt"))
    by_text = {r.text: (r.filter, r.reason) for r in doc.removed}
    # a prompt inside the article is the prompts filter's
    assert by_text["Sign up for our daily newsletter"][0] == "prompts"
    # one below it is not looked at: the content stage drops it with the rest
    assert by_text["Subscribe to our weekly newsletter for the latest updates"] == ("content", "after the article")
    # the navigation filter looks at every line (the head must lose them before the
    # title filter reads it)
    assert by_text["Skip to content"][0] == "navigation"
    assert "The city council voted on Tuesday evening" in doc.text


def test_the_verdict_keeps_every_line_of_a_clean_article():
    from cleaner.blocks import split_blocks
    from cleaner.document import Page

    content = FULL.filters_for("en")[-1]
    page = Page(split_blocks(read("short_paragraph.expected.txt")), {"language": "en"}, [])
    content.survey(page)
    assert page.blocks and all(b.verdict is None for b in page.blocks)


def _all_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "fixtures" / "pages").glob("*.txt")) + SEED_PAGES
    return [p.read_text(encoding="utf-8") for p in paths if ".expected." not in p.name]


def test_scope_keeps_the_same_body_and_metadata_as_looking_everywhere(monkeypatch):
    scoped = [FULL.clean(t) for t in _all_texts()]
    for cls in _scoped_filters():
        monkeypatch.setattr(cls, "scope", "page")
    everywhere = [Pipeline(Config(kind="text")).clean(t) for t in _all_texts()]
    assert [d.text for d in scoped] == [d.text for d in everywhere]
    assert [d.metadata for d in scoped] == [d.metadata for d in everywhere]


def test_scoped_filters_see_the_head_and_the_kept_lines_and_the_rest_is_put_back():
    from cleaner.document import Block, Page
    from cleaner.filters.base import Filter
    from cleaner.pipeline import run_block_filters

    seen = []

    class DropLast(Filter):
        name, scope = "droplast", "article"

        def apply(self, page):
            seen.append([b.text for b in page.blocks])
            self.drop(page, page.blocks[-1], "test")

    prose = "The harbour board said on Monday that the ferries will run on Sundays from next month."
    blocks = [Block(t) for t in ["Menu", prose, "a", "b", "c", "d"]]
    for b in blocks[:2] + blocks[4:]:
        b.verdict = "not the article"
    page = Page(blocks, {}, [])
    run_block_filters([DropLast(LanguageData("en")), DropLast(LanguageData("en"))], page)
    # the head ("Menu"), its first line of prose and the lines kept, not the rest
    assert seen == [["Menu", prose, "a", "b"], ["Menu", prose, "a"]]
    assert [b.text for b in page.blocks] == ["Menu", prose, "c", "d"]
    assert [r.text for r in page.removed] == ["b", "a"]


def test_a_cookie_notice_heavier_than_the_article_is_not_the_article():
    """A long cookie notice is prose-like (and heavier than the one-paragraph article
    far below it): the cookie filter drops it, and the verdict, given on the page's own
    lines, has the article's run all the same."""
    doc = FULL.clean(read("cookie_notice_page.txt"))
    assert (
        doc.text
        == "The ferry between the two islands will also run on Sundays from next month, the harbour board said."
    )
    assert [r.filter for r in doc.removed if r.text.startswith("This website uses cookies")] == ["cookies"]


def test_a_cookie_notice_on_top_does_not_make_the_page_pass_through():
    text = read("cookie_notice_on_top.txt")
    doc = FULL.clean(text)
    assert doc.text.startswith("The ferry between") and doc.text.endswith("or stay until Monday.")
    assert [r.filter for r in doc.removed if r.text.startswith("This website uses cookies")] == ["cookies"]


def test_a_page_with_a_long_footer_of_menus_is_cut_without_its_title_line_too():
    """A flattened page whose <title> line is missing (another renderer, a page cut
    from a larger text) may show no chrome above its first paragraph: its fifty and
    more lines of menus below still make it a page to cut, not a clean text to keep."""
    text = read("footer_without_title.txt")
    body = ONLY_CONTENT.clean(text).text
    assert body.startswith("The city council voted") and body.endswith("the options for each street.")
    titled = "Council approves new bike lanes for the harbour district - Harbour Gazette\n\n" + text
    assert FULL.clean(titled).text == FULL.clean(text).text == body


def test_a_page_without_its_title_line_keeps_the_article_under_its_headline():
    """Text scraped without the <title> line has no repetition of it to anchor the run on: the headline right above
    the first paragraph stands in, and the article under it wins over prose about as heavy further down (the site's
    about box), as it does with the <title> line."""
    page = (FIXTURES / "headline_without_title.txt").read_bytes()
    body = clean(page, kind="text").text
    assert body.startswith("Ferry crews on the island routes") and body.endswith("at the harbour office or online.")
    titled = b"Ferry crews vote to strike over weekend rosters - Harbour Gazette\n" + page
    assert clean(titled, kind="text").text == body


def test_a_notice_in_the_menu_above_the_headline_leaves_the_title_to_be_found():
    """A footer notice in the menu above the headline is prose-like: the navigation
    filter drops it, and the title filter finds the headline that repeats the page's
    title below it."""
    doc = FULL.clean(read("notice_above_headline.txt"))
    assert doc.metadata["title"] == "Harbour board adds Sunday ferries after a record year"
    assert [r.filter for r in doc.removed if r.text.startswith("This material")] == ["navigation"]


def test_a_closing_line_counts_only_right_below_the_article():
    """A credit below a list of related links is not the article's closing line; right
    below the article it is."""
    text = read("credit_below_related.txt")
    credit = "Reporting by Anna Berg; editing by Tom Lund."
    assert credit not in FULL.clean(text).text
    start, end = text.index("Related stories"), text.index(credit)
    assert FULL.clean(text[:start] + text[end:]).text.endswith("or stay until Monday.\n\n" + credit)


def test_a_closing_line_below_a_divider_is_the_article_s_too():
    """A wire story's credit often stands under a divider ("___"): the closing line joins across it, and the divider
    itself goes (a line without a letter is no text)."""
    text = read("credit_below_divider.txt")
    doc = FULL.clean(text)
    assert doc.text.endswith("stay overnight in town.\n\nAna Costa in Northport contributed.")
    assert [r.filter for r in doc.removed if r.text == "___"] == ["navigation"]
    assert "Ana Costa" not in FULL.clean(text.replace("___\n\n", "___\n\nShare this article\n\n")).text


def test_the_heaviest_stretch_from_a_line_reaches_as_far_as_it_gains():
    from cleaner.filters.content.run import stretch

    ws = [10.0, -5.0, 3.0, -1.0, 20.0]
    assert stretch(ws, 1, -1) == (0, 5.0)
    assert stretch(ws, 3, 1) == (4, 19.0)
    assert stretch(ws, 3, 1, [0, 0, 0, 0, 1]) == (2, 0.0)  # a marked line bars the way: nothing gained


# -- the article's run does not depend on the other filters -------------------------------

#: Block filters (text-stage ones rewrite the text the lines come from).
OTHERS = [cls.name for cls in BY_NAME.values() if cls.stage == "blocks" and cls.name != "content"]


def _content_lines(pipeline: Pipeline, raw: bytes) -> tuple[set[int], set[int]]:
    """(input lines the main-content stage drops, input lines the other filters drop)."""
    doc = pipeline.clean(raw)
    return {r.line for r in doc.removed if r.filter == "content"}, {
        r.line for r in doc.removed if r.filter != "content"
    }


def _runs_agree(paths: list[Path]) -> list[tuple[str, str]]:
    """(page, filter) for each filter whose switching off moves the article's run: the
    stage drops other lines than those it drops with the filter on, beyond the lines
    one of the two runs let another filter take first."""
    on = Pipeline(Config(kind="text"))
    offs = {name: Pipeline(Config(kind="text", disable=frozenset({name}))) for name in OTHERS}
    moved = []
    for path in paths:
        raw = path.read_bytes()
        content_on, others_on = _content_lines(on, raw)
        for name, off in offs.items():
            content_off, others_off = _content_lines(off, raw)
            if not (content_on <= content_off | others_off and content_off <= content_on | others_on):
                moved.append((path.name, name))
    return moved


def test_the_article_s_run_is_the_same_with_any_other_filter_switched_off():
    """The verdict is given on the page's own lines before the other filters run: with
    glued, title, cookies or any chrome filter switched off, the stage drops the same
    lines, but for those the filter (or one after it) took first."""
    pages = sorted((ROOT / "fixtures" / "pages").glob("*.txt")) + sorted(FIXTURES.glob("*.txt")) + SEED_PAGES
    assert {"glued", "title", "cookies", "navigation", "comments", "rails"} <= set(OTHERS)
    assert _runs_agree([p for p in pages if ".expected." not in p.name]) == []


@pytest.mark.slow
@needs_articles
def test_the_article_s_run_on_the_dev_pages_is_the_same_with_any_other_filter_switched_off():
    assert _runs_agree(sorted((ARTICLES / "text").glob("*.txt"))) == []


def test_a_paragraph_on_top_is_not_taken_for_the_page_s_title_when_it_repeats():
    # a cleaned text can open with a paragraph that a box further down repeats (a
    # newsletter pitch): the first line is a <title> only if it is no running text
    pitch = "Join thousands of readers who get the latest harbour news delivered every single day."
    menu = "Home\nNews\nSport\nWeather\nContact Us"
    text = pitch + "\n\n" + "\n\n".join(HARBOUR_ARTICLE) + "\n\n" + menu + "\n\n" + pitch
    doc = run(text)
    assert doc.text.startswith(pitch + "\n\n" + HARBOUR_ARTICLE[0])
    assert run(doc.text).text == doc.text


def test_a_tables_row_is_neither_prose_nor_chrome():
    rows = ["| Constituency | Member of Parliament | Email address |", "| 2 | 3 | 4 | 5 | 6 | 7 | 8 |"]
    menu = "Home | News | Sport | Weather"
    assert classify([Block(r) for r in [*rows, menu]], stopwords("en"), Options()) == [SHORT, SHORT, BAD]


@pytest.mark.parametrize(
    "language, line",
    [
        ("en", "One thought on “Minions mit Schablonen malen”"),
        ("en", "3 thoughts on “Minions mit Schablonen malen”"),
        ("de", "Ein Gedanke zu „Minions mit Schablonen malen“"),
        ("de", "Eine Antwort auf „Mein Gift Guide“"),
        ("de", "Ein Kommentar"),
        ("de", "12 Kommentare"),
    ],
)
def test_a_comment_sections_heading_counts_one_comment_in_words(language, line):
    # WordPress writes the count of one comment as a word: "One thought on", "Ein Gedanke zu"
    from cleaner.document import Block
    from cleaner.filters.prompts import COMMENT_SECTION, comment_marks

    comments = next(f for f in FULL.filters_for(language) if f.name == "comments")
    assert comment_marks([Block(line)], comments.headings, comments.bylines) == [COMMENT_SECTION]


def test_a_page_without_its_title_line_whose_lines_filters_call_chrome_is_cut():
    """A flattened page without its <title> line and with little chrome above its first paragraph looked clean, and
    went through whole with the teasers below it. A clean text holds no line the other filters call chrome (they
    took them out the first time); five or more make the page one to cut, as its <title> line would."""
    text = read("told_without_title.txt")
    body = FULL.clean(text).text
    assert body.startswith("The harbour board will run") and body.endswith("charge for their holders.")
    titled = "Harbour board adds Sunday ferries after a record year - Harbour Gazette\n\n" + text
    assert FULL.clean(titled).text == body
    assert FULL.clean(body).text == body
    never = Pipeline(Config(kind="text", filters={"content": {"min_told_chrome": 0}}))
    assert never.clean(text).text.endswith("before the storm reached the coast.\n\nwww.harbourgazette.example")


@pytest.mark.parametrize("name", ["cleaned_links", "cleaned_table"])
def test_a_cleaned_body_of_links_or_with_a_table_on_top_is_kept_whole(name):
    """A body HTML mode wrote holds no line the other filters call chrome: they took those out. Cleaned again as text
    it stays as it is, where a list of links was emptied as navigation and a table above the paragraph cut as a
    page's header; one line of navigation makes it a page to judge again."""
    text = read(f"{name}.txt")
    assert FULL.clean(text).text == normalized(text)
    assert FULL.clean("Skip to content\n" + text).text != normalized(text)


@pytest.mark.parametrize("end", ["„Ohne euch gäbe es dieses Haus nicht.“", "‚So ist es.‘", "„So?“"])
def test_a_sentence_closed_by_a_german_quotation_ends_a_sentence(end):
    assert ends_sentence(f"Die Bürgermeisterin dankte den Kindern der Stadt. {end}")


def test_a_first_paragraph_closed_by_a_german_quotation_opens_the_article():
    # German closes a quotation with “ (and ‚...‘): the paragraph ends in a sentence, so trim keeps it at the run's top
    raw, doc = cleans_to_expected("german_closing_quote")
    assert doc.text.startswith("Die Bürgermeisterin hat am Samstag")
