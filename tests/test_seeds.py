"""The five seed pages: expected bodies and metadata written by hand in fixtures/seeds/."""

import json

import pytest
from helpers import FIXTURES, SEED_PAGES, SEEDS

from cleaner import Pipeline

STEMS = [p.stem for p in SEED_PAGES]

# Chrome that must not survive, per seed (the expected bodies exclude it too; these
# say why a failure matters).
CHROME = {
    "000": [
        "19.9 C",
        "Islamabad",
        "Monday, November 10, 2025",
        "Read More",
        "+ posts",
        "Web Desk",
        "Established in December 2008",
        "Trending Now",
        "Latest News",
        "Related News",
    ],
    "001": ["Source:"],
    "002": [
        "| World |",
        "Related posts",
        "Buryatia Faces Dire Wildfire",
        "Prisoner Exchange",
        "Irans Foreign Minister",
        "uses cookies",
    ],
    "003": [
        "Skip to Content",
        "Russian President Vladimir Putin\n",
        "\n\nAP\n\n",
        "Article Topic Follows",
        "Jump to comments",
        "Author Profile Photo",
        "BE PART OF THE CONVERSATION",
        "committed to providing a forum",
        "Community Guidelines",
        "share a story idea",
    ],
    "004": [
        "Fri. Nov 21st",
        "`",
        "Results from the first parliamentary elections",
        "Three provinces will not be included",
        "Syrian president Ahmed Al-Sharaa became",
        "The drought has slashed wheat",
        "The Assad regime used an international charity",
    ],
}


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()  # language detection on, as in real use


def expected(stem):
    body = (FIXTURES / "seeds" / f"{stem}.txt").read_text(encoding="utf-8").strip()
    meta = json.loads((FIXTURES / "seeds" / f"{stem}.json").read_text(encoding="utf-8"))
    return body, meta


def test_every_seed_has_expectations():
    assert len(STEMS) == 5
    for stem in STEMS:
        assert (FIXTURES / "seeds" / f"{stem}.txt").is_file()
        assert (FIXTURES / "seeds" / f"{stem}.json").is_file()


@pytest.mark.parametrize("stem", STEMS)
def test_seed_body(pipeline, stem):
    body, _ = expected(stem)
    doc = pipeline.clean((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    got = doc.text.split("\n\n")
    want = body.split("\n\n")
    missing = [p[:80] for p in want if p not in got]
    extra = [p[:80] for p in got if p not in want]
    assert not missing, f"article paragraphs lost: {missing}"
    assert not extra, f"chrome kept: {extra}"
    assert got == want  # and in order, first to last


@pytest.mark.parametrize("stem", STEMS)
def test_seed_chrome_is_gone(pipeline, stem):
    doc = pipeline.clean((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    text = "\n\n" + doc.text + "\n\n"
    for piece in CHROME[stem[:3]]:
        assert piece not in text, piece


@pytest.mark.parametrize("stem", STEMS)
def test_seed_metadata(pipeline, stem):
    _, meta = expected(stem)
    doc = pipeline.clean((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    assert {k: doc.metadata[k] for k in meta} == meta


@pytest.mark.parametrize("stem", STEMS)
def test_seed_cleaning_is_idempotent(pipeline, stem):
    once = pipeline.clean((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    twice = pipeline.clean(once.text)
    assert twice.text == once.text
    assert twice.removed == []


@pytest.mark.parametrize("stem", STEMS)
def test_seed_removals_have_reasons(pipeline, stem):
    doc = pipeline.clean((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
    assert doc.removed
    for r in doc.removed:
        assert r.filter and r.reason and r.text
