"""Pages that are not news articles keep their main text in HTML mode.

The fixtures (``fixtures/html``) are written in the markup their kind of site
uses: a phpBB forum thread, a WordPress list post whose items are teaser cards, a
shop's product page, a blog post with readers' comments. Boilerplate datasets of blogs,
forums and portals count such text as the page's content; precision mode, which wins
on news pages, can keep only the intro of a list.
"""

from __future__ import annotations

import re

import pytest
from helpers import FIXTURES, cli_cleaned

from cleaner import Config, Pipeline, clean

KINDS = FIXTURES / "html"


def paragraphs(name: str, element: str) -> list[str]:
    """The texts of a fixture's elements of one kind (tags stripped, spaces folded)."""
    from lxml import html

    tree = html.fromstring((KINDS / name).read_bytes())
    return [" ".join(e.text_content().split()) for e in tree.xpath(element)]


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_forum_threads_posts_are_all_kept():
    posts = paragraphs("forum-thread.html", "//div[@class='content']")
    text = folded(clean((KINDS / "forum-thread.html").read_bytes()).text)
    assert len(posts) == 4
    for post in posts:
        # (a post's paragraphs, split by <br>, are kept as lines: compare by sentence)
        assert all(sentence.strip() in text for sentence in re.split(r"(?<=[.?])", post))


def test_a_list_pages_items_are_kept_beside_its_intro():
    items = paragraphs("list-page.html", "//p[@class='item-summary']")
    intro = paragraphs("list-page.html", "//div[@class='entry-content']/p")
    text = clean((KINDS / "list-page.html").read_bytes()).text
    assert len(items) == 16
    assert all(paragraph in text for paragraph in intro[:2])
    assert [item for item in items if item not in text] == []


def test_a_list_pages_items_are_what_the_cli_writes(tmp_path):
    written = cli_cleaned(tmp_path, "list.html", (KINDS / "list-page.html").read_bytes())
    assert all(item in written for item in paragraphs("list-page.html", "//p[@class='item-summary']"))


def test_a_product_pages_description_and_specifications_are_kept():
    text = clean((KINDS / "product-page.html").read_bytes()).text
    description = paragraphs("product-page.html", "//div[contains(@class, 'description')]//*[self::p or self::li]")
    assert len(description) == 6
    assert all(part in text for part in description)
    assert "210D recycled polyester ripstop" in text
    assert "You may also like" not in text and "Subscribe" not in text


@pytest.mark.parametrize("comments", ["drop", "separate"])
def test_a_blog_posts_body_is_kept_and_its_comments_kept_apart(comments):
    doc = Pipeline(Config(comments=comments)).clean((KINDS / "blog-comments.html").read_bytes())
    body = paragraphs("blog-comments.html", "//div[@class='entry-content']/p")
    said = paragraphs("blog-comments.html", "//div[@class='comment-content']/p")
    assert doc.text.split("\n\n") == body
    if comments == "separate":
        assert doc.metadata["comments"] == said


def test_a_table_page_keeps_its_rows_and_its_body_passes_through_text_mode():
    # trafilatura writes a table's rows as "| a | b |": cleaned again as text (a corpus of bodies behind the
    # pre-commit hook), the rows are neither prose nor chrome, and the body stays as it is
    body = clean((KINDS / "table-page.html").read_bytes()).text
    rows = [line for line in body.splitlines() if line.startswith("| ")]
    assert len(rows) == 12 and "| 16 March | Lower River Sculls | Single, J. Okafor | 1st of 23 |" in rows
    assert clean(body, kind="text").text == body


def test_a_folder_of_extracted_bodies_passes_the_hook_check_with_the_content_stage_off(tmp_path):
    # A corpus of bodies that HTML mode (or another extractor) wrote is already its articles: the content stage,
    # which cuts a flattened page down to its article, would cut a forum's or a list's body again. With it off,
    # the check passes on them, and still finds chrome that a body picks up later.
    from typer.testing import CliRunner

    from cleaner.cli import app

    runner, bodies = CliRunner(), tmp_path / "bodies"
    made = runner.invoke(app, ["clean", str(KINDS), "--out", str(bodies), "-q"])
    assert made.exit_code == 0, made.output
    texts = sorted(bodies.glob("*.txt"))
    assert len(texts) == len(list(KINDS.iterdir()))
    checked = runner.invoke(app, ["check", "--disable", "content", *map(str, texts)])
    assert checked.exit_code == 0, checked.output
    forum = bodies / "forum-thread.txt"
    forum.write_text("Skip to content\n\n" + forum.read_text(encoding="utf-8"), encoding="utf-8")
    dirty = runner.invoke(app, ["check", "--disable", "content", *map(str, texts)])
    assert dirty.exit_code == 1 and "forum-thread.txt" in dirty.output and "Skip to content" in dirty.output
