"""The content stage keeps an article whole when a few lines of chrome cut it: an embed's
remnants, an image's caption and credit, a share bar, a video box below the first paragraph
(and a table's rows, kept with it). Each fixture's article is cut so that, without the join, the run keeps only
the heavier part."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Config, Pipeline, clean
from cleaner.cli import app
from cleaner.filters import BY_NAME

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "content"
CUT = [
    "embed_between_paragraphs",
    "credit_between_paragraphs",
    "share_bar_between_paragraphs",
    "lede_above_video",
]
OTHERS = frozenset(set(BY_NAME) - {"content"})


def only_content(**options: object) -> Pipeline:
    """Only the stage under test, so the fixtures test it alone whatever other filters do."""
    return Pipeline(Config(kind="text", disable=OTHERS, filters={"content": options}))


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def paragraphs(name: str) -> list[str]:
    """The expected body's paragraphs of prose (not its headings)."""
    return [p for p in read(f"{name}.expected.txt").strip().split("\n\n") if len(p) > 100]


@pytest.mark.parametrize("name", CUT)
def test_an_article_cut_by_a_few_lines_of_chrome_is_kept_whole(name):
    doc = only_content().clean(read(f"{name}.txt"))
    assert doc.text == read(f"{name}.expected.txt").strip()
    assert any(r.reason.startswith("inside the article") for r in doc.removed)


@pytest.mark.parametrize("name", CUT)
def test_without_the_join_the_run_keeps_only_part_of_the_article(name):
    # the fixtures test the join: the run alone stops at the lines that cut the article
    # (and the prose above it, min_prose_above, is not kept by itself either)
    text = only_content(max_gap_lines=0, min_prose_above=0).clean(read(f"{name}.txt")).text
    lost = [p for p in paragraphs(name) if p not in text]
    assert lost and len(lost) < len(paragraphs(name))


@pytest.mark.parametrize("name", CUT)
def test_the_cli_keeps_every_paragraph_of_the_cut_article(name, tmp_path):
    result = CliRunner().invoke(app, ["clean", str(FIXTURES / f"{name}.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    body = (tmp_path / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")
    assert all(p in body.split("\n\n") for p in paragraphs(name))
    assert clean(body).text == body


def test_a_lone_paragraph_beyond_a_few_lines_of_chrome_after_the_article_is_not_joined():
    # an author's note or a disclaimer below the share bar weighs less than join_weight
    note = "Jonas Weil writes about the town and its history for the Courier every week."
    raw = read("share_bar_between_paragraphs.txt").replace(
        "Related stories\n", f"Share this article\nFacebook\nTwitter\nEmail\n{note}\nRelated stories\n"
    )
    doc = only_content().clean(raw)
    assert doc.text == read("share_bar_between_paragraphs.expected.txt").strip()
    assert [r.reason for r in doc.removed if r.text == note] == ["after the article"]


def test_a_lone_first_paragraph_above_a_video_box_joins_with_less_weight_than_below():
    # above the run, a lone paragraph is more often the article's first (join_weight_above)
    raw = read("lede_above_video.txt")
    lede = read("lede_above_video.expected.txt").split("\n\n")[0]
    assert only_content().clean(raw).text.startswith(lede)
    assert not only_content(join_weight_above=300).clean(raw).text.startswith(lede)


def test_the_join_reaches_no_further_than_max_gap_lines():
    raw = read("share_bar_between_paragraphs.txt")
    name = "share_bar_between_paragraphs"
    assert only_content(max_gap_lines=6).clean(raw).text == read(f"{name}.expected.txt").strip()
    assert only_content(max_gap_lines=5, min_prose_above=0).clean(raw).text != read(f"{name}.expected.txt").strip()


def test_the_join_needs_join_weight_beyond_the_gap():
    raw = read("share_bar_between_paragraphs.txt")
    expected = read("share_bar_between_paragraphs.expected.txt").strip()
    assert only_content(join_weight=2000, join_weight_above=2000, min_prose_above=0).clean(raw).text != expected


def test_the_run_does_not_grow_into_the_readers_comments_below_a_short_gap():
    # four lines (a count, a heading, a name, a date) stand between the article and a
    # long comment: the comment section ends the run, the join does not cross it
    doc = only_content().clean(read("comments_after_article.txt"))
    assert doc.text == read("comments_after_article.expected.txt").strip()


def test_a_listicle_is_kept_to_its_last_item_past_gaps_that_repeat_the_run_s_own_lines():
    # each item's short paragraphs weigh less than join_weight; the gap above them repeats a line of the run's own
    # gaps (the item's credit), so they need only join_weight_repeat
    raw, expected = read("listicle_items.txt"), read("listicle_items.expected.txt").strip()
    item = "The Shark Ion R85 did well on carpet"
    assert only_content().clean(raw).text == expected and item in expected
    stops = only_content(join_weight_repeat=300).clean(raw).text
    assert item not in stops and "The Botvac D7" not in stops and "The RoboVac 11S" in stops
    # a one-word line (an ad's label, a reply link) is no item's template: repeated, it lowers no bar
    labels = only_content().clean(raw.replace("Credit: Reviewed / Jane Doe", "Advertisement")).text
    assert item not in labels and "The Botvac D7" not in labels


CAPTION = "Click on the picture to enlarge it"


def steps_page(captions: list[str]) -> str:
    """A how-to cut by ten lines of step headings and screenshots' captions (``captions``) between its two parts."""
    first = [
        "Every few weeks the system offers a handful of optional updates, and some of them do far more than fix bugs: "
        "they collect data about the way you use your computer and send it home.",
        CAPTION,
        "The good news is that you can remove them again, and that you can tell the system never to offer the same "
        "update twice, which takes only a few clicks in the settings.",
        "The vendor calls them compatibility updates, but the data they gather goes well beyond what a check of "
        "compatibility needs, and the vendor does not say what it keeps or for how long.",
        "Here is how to do it on both versions of the system, with a picture of each step so you can follow along.",
    ]
    gap = ["Steps for version 7", "Settings", *captions[:2], "Steps for version 8", "Update history", captions[2]]
    second = [
        "Open the control panel from the start menu and choose the entry for programs, where the list of installed "
        "updates can be opened with the link on the left of the window.",
        "Find each of the updates in the list, click it with the right mouse button and choose to uninstall it, then "
        "restart the computer when the system asks you to do so.",
        "After the restart, open the update settings again and hide the same updates, so that the system does not "
        "install them again with the next round of updates.",
    ]
    head, tail = ["Menu", "Home", "News", "How to hide an update for good", "By Kim Lee"], ["Share this", "Contact"]
    return "\n".join(head + first + gap + ["Advertisement", "Uninstall updates", "Installed updates"] + second + tail)


def test_lines_a_gap_repeats_from_the_run_s_own_gaps_do_not_count_in_its_length():
    # ten lines cut the how-to, more than max_gap_lines; three of them repeat the caption under its first paragraph
    second = "Open the control panel from the start menu"
    assert second in only_content().clean(steps_page([CAPTION] * 3)).text
    assert second not in only_content().clean(steps_page(["Picture 1", "Picture 2", "Picture 3"])).text


def test_a_table_between_paragraphs_is_kept_with_them():
    # rows of three figures or more (the header and a caption besides): free in the run, kept
    raw, expected = read("table_between_paragraphs.txt"), read("table_between_paragraphs.expected.txt").strip()
    assert only_content().clean(raw).text == expected and "3 Bridgeton RC 7:03.5 80" in expected
    # without the rule the run crosses the rows as chrome inside the article
    doc = only_content(table_rows=1000).clean(raw)
    assert "Bridgeton RC 7:03.5" not in doc.text and all(p in doc.text for p in paragraphs("table_between_paragraphs"))
    assert any(r.reason.startswith("inside the article") and "RC" in r.text for r in doc.removed)


def test_lines_of_one_or_two_figures_are_no_table():
    # a date, a gallery's count, a price: fewer than three cells, crossed as chrome as before
    rows = ["1 North Harbour RC 6:42.1 120", "2 East Shore Rowing 6:51.8 96", "3 Bridgeton RC 7:03.5 80"]
    raw = read("table_between_paragraphs.txt")
    for row, line in zip(rows, ["Updated 21 May 2025", "Photo 3 of 12", "Tickets $12.50"], strict=True):
        raw = raw.replace(row, line)
    assert "Tickets $12.50" not in only_content().clean(raw).text


def test_a_one_word_heading_between_two_paragraphs_is_kept_and_a_repeated_label_is_not():
    # "Conclusion" stands once between two kept paragraphs; "Video" stands twice (an embed's label on every box)
    expected = read("one_word_heading.expected.txt").strip()
    assert only_content().clean(read("one_word_heading.txt")).text == expected
    assert "\n\nConclusion\n\n" in expected and "Video" not in expected
