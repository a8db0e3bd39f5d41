"""HTML input: detection, extraction, metadata mapping, gzip files, pages with no article."""

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Config, Pipeline, clean
from cleaner.cli import app
from cleaner.extraction import NO_ARTICLE, looks_like_html
from cleaner.inputs import is_html_name, read_input

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
ARTICLE = (FIXTURES / "article.html").read_text(encoding="utf-8")
NO_ARTICLE_PAGE = (FIXTURES / "no-article.html").read_text(encoding="utf-8")


# -- detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        ARTICLE,
        ARTICLE.encode("utf-8"),
        "<html><body><p>Hello</p></body></html>",
        "\ufeff  <!-- saved page -->\n<!doctype html><title>x</title>",
        "<div class='post'><p>One paragraph.</p><p>Another <a href='/x'>link</a>.</p></div>",
    ],
)
def test_html_is_detected(raw):
    assert looks_like_html(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "Plain text about a river.\n\nAnother paragraph with a < b and c > d in it.",
        "I <3 otters. Reply to <john@example.org> about it.",
        "Use the <p> tag for paragraphs, said the tutorial.",
        "Scraped text with stray markup<br> in it, <b>bold</b> words and a <a href='/x'>link</a>.",
        "",
    ],
)
def test_text_is_not_detected_as_html(raw):
    assert not looks_like_html(raw)


@pytest.mark.parametrize(
    "name, html",
    [
        ("a.html", True),
        ("a.htm", True),
        ("a.HTML.gz", True),
        ("a.htm.gz", True),
        ("a.txt", False),
        ("a.txt.gz", False),
        ("html", False),
    ],
)
def test_html_file_names(name, html):
    assert is_html_name(name) is html


# -- extraction and metadata --------------------------------------------------------


def test_article_body_is_extracted_without_the_chrome():
    doc = clean(ARTICLE)
    assert "otters are breeding along the upper reaches" in doc.text
    assert "asking walkers to report sightings" in doc.text
    for chrome in (
        "Home",
        "Related stories",
        "Beavers considered",
        "old mill bridge",
        "All rights reserved",
        "Privacy",
    ):
        assert chrome not in doc.text


def test_paragraph_structure_is_kept():
    doc = clean(ARTICLE)
    paragraphs = doc.text.split("\n\n")
    # the four paragraphs of the article, whole; only the headline (now metadata) is gone
    assert len(paragraphs) == 4, doc.removed
    assert [r.filter for r in doc.removed] == ["title"]
    assert any(p.startswith("The animals vanished") and p.endswith("followed them upstream.") for p in paragraphs)
    assert all("\n" not in p for p in paragraphs)


def test_metadata_is_mapped_onto_ours():
    meta = clean(ARTICLE, url="https://courier.example.org/news/otters-return").metadata
    assert meta["title"] == "River Otters Return to the Valley"
    assert meta["author"] == "Maria Lindqvist"
    assert meta["date"] == "2024-03-18"
    assert meta["site"] == "The Valley Courier"
    assert meta["url"] == "https://courier.example.org/news/otters-return"
    assert meta["description"].startswith("After forty years")
    assert meta["categories"] == ["Nature"]
    assert meta["tags"] == ["wildlife", "rivers"]
    assert meta["language"] == "en"
    assert meta["source"] == "https://courier.example.org/news/otters-return"


def test_comma_joined_categories_and_tags_are_split():
    from types import SimpleNamespace

    from cleaner.extraction import map_metadata

    meta = map_metadata(SimpleNamespace(categories=["politics,elections, debates", "politics"], tags=" ", title="T"))
    assert meta["categories"] == ["politics", "elections", "debates"]
    assert meta["tags"] is None and meta["title"] == "T" and meta["author"] is None


def test_text_mode_metadata_keys_are_unchanged():
    doc = clean("A plain paragraph of text about rivers and otters in the valley.")
    assert set(doc.metadata) == {"title", "author", "date", "site", "language", "source"}


def test_kind_can_be_forced():
    html_doc = Pipeline(Config(kind="html")).clean("<p>Tiny.</p>")
    assert html_doc.text == "" and html_doc.removed[0].filter == "html"
    text_doc = clean(ARTICLE, kind="text")
    # as text, nothing is extracted: no HTML-only metadata, the markup filter strips the tags
    assert "url" not in text_doc.metadata and "description" not in text_doc.metadata
    assert not any(r.filter == "html" for r in text_doc.removed)
    assert "<" not in text_doc.text and "DOCTYPE" not in text_doc.text
    assert any(r.filter == "markup" for r in text_doc.removed)


def test_bytes_in_another_encoding_are_decoded():
    content, kind = read_input(FIXTURES / "latin1.htm")
    assert kind == "html" and content == (FIXTURES / "latin1.htm").read_bytes().decode("cp1252")
    doc = clean(content)
    assert doc.metadata["title"] == "Les loutres reviennent dans la vallée"
    assert "des loutres se reproduisent à nouveau" in doc.text
    assert doc.metadata["language"] == "fr"


# -- no article ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", [NO_ARTICLE_PAGE, "<html></html>", "<html><body>   </body></html>", b"\x01<html>" + b" " * 40]
)
def test_page_without_article_gives_empty_body_and_reason(raw):
    doc = Pipeline(Config(kind="html")).clean(raw)
    assert doc.text == ""
    assert [(r.filter, r.reason.split(" (")[0]) for r in doc.removed] == [("html", NO_ARTICLE)]


def test_binary_forced_to_html_is_refused():
    from cleaner.inputs import InputError

    with pytest.raises(InputError, match="binary file"):
        Pipeline(Config(kind="html")).clean(b"\x00\xff<html>")


def test_page_without_article_keeps_its_metadata():
    doc = clean(NO_ARTICLE_PAGE)
    assert doc.text == "" and doc.metadata["title"] == "Sign in"


# -- files --------------------------------------------------------------------------


def test_gzip_html_file_is_read_as_html():
    content, kind = read_input(FIXTURES / "article-gz.html.gz")
    assert kind == "html"
    assert gzip.decompress((FIXTURES / "article-gz.html.gz").read_bytes()).decode() == content


def test_cli_cleans_html_and_gzip_files(tmp_path):
    result = CliRunner().invoke(app, ["clean", str(FIXTURES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for stem in ("article", "article-gz"):
        body = (tmp_path / f"{stem}.txt").read_text(encoding="utf-8")
        meta = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
        assert "otters are breeding" in body
        assert meta["title"] == "River Otters Return to the Valley"
        assert meta["source"].endswith(f"{stem}.html" + (".gz" if stem.endswith("gz") else ""))
    meta = json.loads((tmp_path / "no-article.json").read_text(encoding="utf-8"))
    assert (tmp_path / "no-article.txt").read_text() == ""
    assert meta["removed"] == [{"filter": "html", "text": "", "reason": NO_ARTICLE, "line": None}]


def test_cli_kind_option_forces_text(tmp_path):
    result = CliRunner().invoke(
        app, ["clean", str(FIXTURES / "article.html"), "--out", str(tmp_path), "--kind", "text"]
    )
    assert result.exit_code == 0, result.output
    body = (tmp_path / "article.txt").read_text(encoding="utf-8")
    meta = json.loads((tmp_path / "article.json").read_text(encoding="utf-8"))
    assert "otters are breeding" in body and "<article>" not in body
    assert "url" not in meta and not any(r["filter"] == "html" for r in meta["removed"])


def test_filters_run_only_on_their_kinds(monkeypatch):
    from cleaner.filters.repair import GluedParagraphs

    page = (
        "<html><body><article><p>"
        + "The river rose all night long and the town waited. " * 6
        + "The levee held through the storm.Officials said the water would fall by morning.</p>"
        "</article></body></html>"
    )
    assert "storm.\n\nOfficials" in clean(page, kind="html").text
    monkeypatch.setattr(GluedParagraphs, "kinds", ("text",))
    assert "storm.Officials" in Pipeline(Config(kind="html")).clean(page).text
    assert (
        "storm.\n\nOfficials"
        in Pipeline(Config(kind="text")).clean("The levee held through the storm.Officials said so.").text
    )


def test_a_page_opening_with_long_style_sheets_and_scripts_is_html():
    """As a real page does (laweekly.com: 12 KB of CSS before its <title>): it was taken
    for text by clean(), while the CLI took the same file for HTML by its name."""
    page = (
        "<style>\n" + "  .grid { display: grid; gap: 10px 10px; }\n" * 300 + "</style>\n"
        "<script>var ga_dimension1 = 'November 6, 2023';</script>\n<!-- SEO -->\n"
        '<title>Otters return</title>\n<meta name="description" content="Otters">\n'
    )
    assert looks_like_html(page) and looks_like_html(page.encode())
    assert not looks_like_html("<style>p { margin: 0 }</style>\nJust a sentence of text, and another one.")
