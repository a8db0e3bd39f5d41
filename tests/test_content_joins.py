"""The content stage keeps an article whole when a few lines of chrome cut it: an embed's
remnants, an image's caption and credit, a share bar, a table's rows, a video box below the
first paragraph. Each fixture's article is cut so that, without the join, the run keeps only
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
    "table_between_paragraphs",
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
