"""Hugging Face datasets: the documented one-liner on a small in-memory Dataset."""

from __future__ import annotations

import sys

import pytest
from datasets import Dataset
from helpers import ARTICLES, ROOT, needs_articles

from cleaner import Config, clean
from cleaner.document import METADATA_KEYS
from cleaner.hf import clean_batch, clean_dataset, features

sys.path.insert(0, str(ROOT / "benchmarks"))

from warcs import article_pages  # noqa: E402

pytestmark = needs_articles
PROMPT = "The council met on Tuesday to vote on the budget for next year.\n\nSubscribe to our newsletter!"


def small_dataset() -> Dataset:
    """Rows whose metadata is all unknown first, then two pages with a title, author and date."""
    pages = sorted(article_pages(ARTICLES).values(), key=len)[:2]
    texts = ["Short.", PROMPT, *(p.decode("utf-8") for p in pages)]
    urls = [None, None, "https://news.example/a", "https://news.example/b"]
    return Dataset.from_dict({"text": texts, "url": urls, "id": list(range(4))})


def test_the_one_liner_adds_the_metadata_columns_row_by_row_as_clean_does():
    ds = small_dataset()
    out = clean_dataset(ds, num_proc=2, batch_size=2)
    assert out.column_names == ["text", "url", "id", *METADATA_KEYS, "removed"]
    for before, row in zip(ds, out, strict=True):
        doc = clean(before["text"], before["url"])
        assert row["text"] == doc.text and row["url"] == before["url"] and row["id"] == before["id"]
        assert {key: row[key] for key in METADATA_KEYS} == {key: doc.metadata[key] for key in METADATA_KEYS}
        assert row["removed"] == [r.to_dict() for r in doc.removed]
    assert out[1]["removed"][0]["filter"] == "prompts"
    assert out[2]["title"] and out[2]["language"]


def test_clean_batch_in_map_with_options_and_removal_counts():
    ds = small_dataset().rename_column("text", "html")
    options = {"text_column": "html", "removed": "count", "config": Config(disable=frozenset({"prompts"}))}
    out = ds.map(clean_batch, batched=True, batch_size=2, fn_kwargs=options, features=features(ds, "count"))
    assert out[1]["html"] == PROMPT and out[1]["removed"] == 0
    assert out[3]["removed"] == len(clean(ds[3]["html"], ds[3]["url"]).removed)
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_batch({"html": ["x"]})


def test_pages_stored_as_bytes_come_back_as_text_decoded_as_files_are():
    pages = sorted(article_pages(ARTICLES).values(), key=len)[:2]
    latin = "Le conseil s'est réuni mardi à Genève pour voter le budget de l'année prochaine.".encode("latin-1")
    ds = Dataset.from_dict({"text": [*pages, latin]})
    assert str(ds.features["text"].dtype) == "binary"
    out = clean_dataset(ds, batch_size=2)
    assert out.features["text"].dtype == "string"
    for page, row in zip([*pages, latin], out, strict=True):
        assert isinstance(row["text"], str) and row["text"] == clean(page).text
    assert "Genève" in out[2]["text"]
