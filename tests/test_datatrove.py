"""The datatrove step: a real LocalPipelineExecutor, compared with the CLI on the same archives."""

from __future__ import annotations

import json
import sys

import pytest
from datatrove.data import Document as DatatroveDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter
from helpers import ARTICLES, ROOT, needs_articles
from typer.testing import CliRunner

from cleaner import Config, clean
from cleaner.cli import app
from cleaner.datatrove import Cleaner, WarcReader
from cleaner.results import metadata_record

sys.path.insert(0, str(ROOT / "benchmarks"))

from warcs import Response, article_pages, write_warc  # noqa: E402

pytestmark = needs_articles
NO_ARTICLE = b"<html><head><title>Home</title></head><body><a href='/'>Home</a></body></html>"


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """Two archives of six pages in all, some with a charset in their Content-Type; one page
    has no article, and one record is an image."""
    pages = sorted(article_pages(ARTICLES).items(), key=lambda kv: len(kv[1]))[:5]
    responses = [
        Response(f"https://news.example/{key}", page, "text/html; charset=utf-8" if i % 2 else "text/html")
        for i, (key, page) in enumerate(pages)
    ]
    responses.insert(1, Response("https://news.example/home", NO_ARTICLE))
    responses.insert(4, Response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png"))
    folder = tmp_path_factory.mktemp("crawls")
    write_warc(folder / "a.warc.gz", responses[:4])
    write_warc(folder / "b.warc.gz", responses[4:])
    return folder


def test_the_pipeline_writes_what_the_cli_writes_metadata_included(crawls, tmp_path):
    out, logs = tmp_path / "out", tmp_path / "logs"
    config = Config(disable=frozenset({"glued"}))
    LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawls)), Cleaner(config=config), JsonlWriter(str(out), compression=None)],
        tasks=2,
        workers=2,
        logging_dir=str(logs),
    ).run()
    docs = {}
    for part in sorted(out.glob("*.jsonl")):
        docs.update((d["id"], d) for d in map(json.loads, part.read_text().splitlines()))

    cli_out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(app, ["clean", str(crawls), "--jsonl", str(cli_out), "-d", "glued", "-j", "1"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in cli_out.read_text().splitlines()]
    assert len(records) == 6 and sum(1 for r in records if not r["text"]) == 1
    kept = [r for r in records if r["text"]]
    assert sorted(docs) == sorted(r["warc_record_id"] for r in kept)
    for record in kept:
        doc = docs[record["warc_record_id"]]
        assert doc["text"] == record["text"]
        assert doc["metadata"]["cleaner"] == record["cleaner"]
        assert (doc["metadata"]["url"], doc["metadata"]["date"]) == (record["url"], record["date"])
        assert "media" not in doc  # the page's bytes were for the cleaner only

    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if s["name"].endswith(Cleaner.name))["stats"]
    assert step["total"] == 6 and step["forwarded"] == 5
    assert step["dropped"] == step["no_article"] == 1
    reader = next(s for s in stats if s["name"].endswith(WarcReader.name))["stats"]
    assert reader["not cleaned: payload not HTML or plain text"] == 1


def test_a_document_of_another_reader_is_cleaned_from_its_text():
    page = min(article_pages(ARTICLES).values(), key=len).decode("utf-8")
    doc = DatatroveDocument(text=page, id="p1", metadata={"url": "https://news.example/p1"})
    empty = DatatroveDocument(text=NO_ARTICLE.decode(), id="p2")
    step = Cleaner(config=Config())
    out = list(step.run(iter([doc, empty])))
    expected = clean(page, "https://news.example/p1")
    assert [d.id for d in out] == ["p1"]
    assert out[0].text == expected.text
    assert out[0].metadata["cleaner"] == metadata_record(expected)
    assert step.stats["dropped"].total == 1
