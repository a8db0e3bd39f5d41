"""Informal writing (blogs, comments) closes sentences with an emoji or an emoticon instead of a stop: such a
paragraph is prose, and the article may open with it."""

from pathlib import Path

import pytest
from helpers import cli_cleaned

from cleaner import clean
from cleaner.filters.shape import ends_sentence, is_prose

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "content" / "blog_emoji_paragraph.txt"
FIRST = "At first I thought I could keep quiet about what happened."


@pytest.mark.parametrize(
    "line",
    [
        "I would have to tell you sooner or later. Well then… 😀",
        "and then we went home without it 🙂",
        "which is what my mother always says to me! :-)",
        "you will have to decide for yourselves ^^",
        "they make your hair stronger and give it more body 💁🏻\u200d♀️",
        "thank you for posting your great recipe😊",
    ],
)
def test_a_line_closed_by_an_emoji_or_emoticon_ends_a_sentence(line):
    assert ends_sentence(line)


@pytest.mark.parametrize("line", ["😏 😉 😀 😇 😐", "Note:D", "A 3D", "Menu :", "Hi (see above)"])
def test_an_emoji_without_words_or_an_emoticon_glued_to_a_word_ends_none(line):
    assert not ends_sentence(line)


def test_a_paragraph_closed_by_an_emoji_is_prose():
    assert is_prose("At first I thought I could keep quiet about it, but you all pay far too much attention. Well… 😀")


def test_the_cli_keeps_a_blog_posts_first_paragraph_closed_by_an_emoji(tmp_path):
    body = cli_cleaned(tmp_path, "post.txt", FIXTURE.read_bytes())
    assert body.startswith(FIRST)
    assert "Share this article" not in body and "Leave a comment" not in body


def test_the_kept_first_paragraph_survives_a_second_cleaning():
    body = clean(FIXTURE.read_text(encoding="utf-8"), kind="text").text
    assert body.startswith(FIRST)
    assert clean(body, kind="text").text == body
