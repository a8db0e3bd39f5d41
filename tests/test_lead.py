"""An article's lead, in a box named for it that the extraction drops, is put back.

trafilatura drops boxes whose class says "teaser" (and, in precision mode, the
article's <header>): with them goes the lead that sites put there. The box is the
lead when the text after it opens the body; a teaser for another page, a caption or
a header box with the headline is not.
"""

from __future__ import annotations

import pytest
from helpers import FIXTURES, HARBOUR_ARTICLE, cli_cleaned
from typer.testing import CliRunner

from cleaner import clean
from cleaner.cli import app

LEAD = (
    "The town will spend forty million on a new harbour, the largest project in its history, after a vote "
    "that split the council down the middle."
)
MORE = [
    "Engineers will dredge the channel first, so that larger boats can reach the new quays at any tide.",
    "The old warehouses along the quay are to become a market hall, a school for sailing and small workshops.",
    "A new footbridge will join the two halves of the town, which the river has kept apart for centuries.",
]
TEASER = (
    "Fishermen say that the new rules for the bay will cost them half of their catch this winter, and they "
    "want the council to think again."
)
ARTICLE = "".join(f"<p>{sentence}</p>" for sentence in HARBOUR_ARTICLE + MORE)


def page(header: str, after: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour plan approved</title></head><body>"
        f"<article><header><h1>Harbour plan approved</h1>{header}</header>"
        f"<div class='article-body'>{ARTICLE}</div></article>{after}</body></html>"
    ).encode()


def test_a_lead_in_a_teaser_box_above_the_article_stays_before_its_first_paragraph():
    text = clean(page(f"<div class='article-teaser'><p>{LEAD}</p></div>")).text
    assert LEAD in text
    assert text.index(LEAD) < text.index(HARBOUR_ARTICLE[0])


@pytest.mark.parametrize(
    "box",
    [
        f"<div class='articleTeaser'><p>{LEAD}</p></div>",  # the word in any case
        f"<div class='contentHeader__abstract'><p>{LEAD}</p></div>",
        f"<div class='post__lead'><h2>{LEAD}</h2></div>",  # a deck: a subheading that is all of the box
    ],
)
def test_a_lead_box_named_in_any_case_or_set_as_a_deck_is_put_back_before_the_first_paragraph(box):
    text = clean(page(box)).text
    assert LEAD in text
    assert text.index(LEAD) < text.index(HARBOUR_ARTICLE[0])


@pytest.mark.parametrize(
    "opening",
    [
        "\u200b\u200b\u200b",  # characters a reader does not see, which the body drops
        "<a href='/harbour'>Harbour plan:</a> ",  # a link's few words, a run of its own
    ],
)
def test_a_lead_is_put_back_when_the_first_paragraph_opens_on_a_run_the_key_is_not(opening):
    raw = page(f"<div class='intro'><p>{LEAD}</p></div>").replace(
        f"<p>{HARBOUR_ARTICLE[0]}".encode(), f"<p>{opening}{HARBOUR_ARTICLE[0]}".encode()
    )
    text = clean(raw).text
    assert LEAD in text
    assert text.index(LEAD) < text.index(HARBOUR_ARTICLE[0])


def test_the_lead_is_in_what_the_cli_writes(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "harbour.html").write_bytes(page(f"<p class='intro'>{LEAD}</p>"))
    result = CliRunner().invoke(app, ["clean", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert LEAD in (tmp_path / "out" / "harbour.txt").read_text(encoding="utf-8")


def test_a_teaser_for_another_article_is_not_taken_for_the_lead():
    after = "<p>The week on the coast: ferries, weather and the fishing fleet.</p>"
    related = f"<aside><div class='teaser'><p>{TEASER}</p></div>{after}</aside>"
    text = clean(page("", after=related)).text
    assert all(sentence in text for sentence in HARBOUR_ARTICLE)
    assert TEASER not in text


def test_a_teaser_box_just_above_the_article_is_not_taken_when_it_holds_a_headline():
    box = f"<div class='teaser'><h3>The bay</h3><p>{TEASER}</p></div>"
    assert TEASER not in clean(page(box)).text


@pytest.mark.parametrize(
    "picture",
    [
        f"<div class='lead-media'><img src='harbour.jpg' alt=''><span>{TEASER}</span></div>",
        f"<figure><img src='harbour.jpg' alt=''><div class='lead-caption'>{TEASER}</div></figure>",
    ],
)
def test_a_caption_of_the_lead_picture_is_not_taken_for_the_lead(picture):
    assert TEASER not in clean(page(picture)).text


def test_a_lead_the_extraction_kept_is_not_repeated():
    kept = page("").replace(
        b"<div class='article-body'>", f"<div class='article-body'><p class='intro'>{LEAD}</p>".encode()
    )
    assert clean(kept).text.count(LEAD) == 1


def test_a_lead_above_the_articles_picture_is_put_back_before_its_first_paragraph(tmp_path):
    # the caption between the lead and the article is not in the body: the lead box's
    # next text is the caption, and the text after that opens the body
    raw = (FIXTURES / "html" / "lead-above-picture.html").read_bytes()
    lead = "The valley's three rivers are lower than at any time since records began"
    first = "Walkers on the towpath this week could cross the river"
    for text in (clean(raw).text, cli_cleaned(tmp_path, "rivers.html", raw)):
        assert lead in text and "riverbed below the old mill" not in text
        assert text.index(lead) < text.index(first)


def test_a_box_further_from_the_article_than_a_caption_is_not_taken_for_its_lead():
    far = f"<div class='intro'><p>{TEASER}</p></div><p>{'A long caption. ' * 15}</p>"
    assert TEASER not in clean(page(far)).text
