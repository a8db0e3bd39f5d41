"""Readers' comments (the ``comments`` option): dropped, kept apart in the metadata, or kept
in the body, for an HTML page and a flattened text page read as files, through clean(), the
CLI's --out and --jsonl, datatrove and Hugging Face datasets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import invoke as run

from cleaner import Config, ConfigError, clean
from cleaner.comments import SEPARATED

ROOT = Path(__file__).resolve().parent.parent
HTML_PAGE = ROOT / "fixtures" / "html" / "comments.html"
TEXT_PAGE = ROOT / "fixtures" / "content" / "comments_flattened.txt"
PAGES = [HTML_PAGE, TEXT_PAGE]
#: The readers' comments of both pages (one of them two paragraphs long), as the page has them.
COMMENTS = [
    "At last! I have worked the late shift at the hospital for six years, and I have spent more nights on my "
    "sister's sofa in town than in my own bed because the last boat left at nine.\n\n"
    "I hope the board keeps the boat waiting for the train, because the train from the city is late more often "
    "than not in the winter.",
    "Thanks, Milan. The board told us that the boat will wait up to twenty minutes for the last train, and longer "
    "when the train company calls ahead to say that it is running late.",
    "Half a million euros a year for a boat that will be empty most nights seems a lot to me, and I would rather "
    "the board spent the money on a ferry in the morning that waits for the school bus from the northern villages.",
]
ARTICLE_END = "would look again at the timetable after the winter."


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.suffix)
def test_by_default_the_comments_go_with_the_chrome(page):
    doc = clean(page.read_bytes())
    assert doc.text.endswith(ARTICLE_END)
    assert "comments" not in doc.metadata
    assert not any(comment[:40] in doc.text for comment in COMMENTS)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.suffix)
def test_separate_puts_each_comment_in_the_metadata_and_leaves_the_body_alone(page):
    dropped = clean(page.read_bytes())
    doc = clean(page.read_bytes(), comments="separate")
    assert doc.metadata["comments"] == COMMENTS
    assert doc.text == dropped.text
    assert {k: v for k, v in doc.metadata.items() if k != "comments"} == dropped.metadata


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.suffix)
def test_keep_appends_the_comments_to_the_body_after_a_blank_line(page):
    dropped = clean(page.read_bytes())
    doc = clean(page.read_bytes(), comments="keep")
    assert doc.text == "\n\n".join([dropped.text, *COMMENTS])
    assert "comments" not in doc.metadata
    assert len(doc.lines) == len(doc.text.split("\n\n"))


def test_a_flattened_pages_comment_lines_are_recorded_as_taken_or_not_at_all():
    data = TEXT_PAGE.read_bytes()
    separate, keep = clean(data, comments="separate"), clean(data, comments="keep")
    taken = [r.text for r in separate.removed if r.reason == SEPARATED]
    assert "\n\n".join(taken) == "\n\n".join(COMMENTS)
    assert not {r.text for r in keep.removed} & set("\n\n".join(COMMENTS).split("\n\n"))
    # the names, times and reply buttons around the comments stay removed as chrome
    assert "Reply" in [r.text for r in keep.removed]


def test_prose_below_the_article_is_no_comment_without_a_comment_section():
    text = TEXT_PAGE.read_text(encoding="utf-8").replace("3 thoughts on", "More from")
    text = text.replace("Leave a Reply", "Your turn")
    doc = clean(text, comments="separate")
    assert doc.metadata["comments"] == []


#: A second page: each comment a paragraph group with its author's name and votes, and
#: a notice of the comment section above them.
NOTICE = "Please be respectful when making a comment and follow our guidelines."
VOTED = [
    "I have waited for this boat for years, and I am glad the board listened to the people who work late in town.",
    "The fares went up in the spring, so the islanders are paying for the boat themselves, which seems fair to me.",
]
ARTICLE = [
    "The harbour board will run a night ferry to the northern islands again from the first of October.",
    "The boat will leave the mainland at eleven in the evening on weekdays and at midnight on Saturdays.",
    "Islanders who work late shifts in town had asked for the crossing for years, and many signed a letter.",
]
VOTED_PAGE = (
    "<html><head><title>Night ferry</title></head><body><article><h1>Night ferry</h1>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE)
    + f"</article><section class='comments'><h2>2 Comments</h2><p>{NOTICE}</p>"
    + "".join(
        f"<div class='comment'><p>{name}</p><p>{text}</p><p>{n} likes</p></div>"
        for name, text, n in [
            ("Marius", VOTED[0], 12),
            ("Jo", VOTED[1], 3),
        ]
    )
    + "</section></body></html>"
)


def test_an_html_comment_is_its_readers_words_without_name_votes_or_notices(tmp_path):
    (tmp_path / "page.html").write_text(VOTED_PAGE, encoding="utf-8")
    doc = clean((tmp_path / "page.html").read_bytes(), comments="separate")
    assert doc.metadata["comments"] == VOTED
    assert {"Marius", "12 likes", NOTICE} <= {r.text for r in doc.removed}


def test_a_pingback_and_a_comment_given_twice_are_taken_once_or_not_at_all(tmp_path):
    pingback = "[…] the harbour board said it would bring back the night ferry to the islands next month […]"
    again = f"<div class='comment'><p>Marius</p><p>{VOTED[0]}</p><p>12 likes</p></div>"
    page = VOTED_PAGE.replace("</section>", f"<div class='comment'><p>{pingback}</p></div>{again}</section>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = clean((tmp_path / "page.html").read_bytes(), comments="separate")
    assert doc.metadata["comments"] == VOTED
    assert pingback in {r.text for r in doc.removed}


@pytest.mark.parametrize(("chrome", "found"), [(5, True), (40, False)])
def test_a_flattened_comment_section_ends_where_its_comments_stop(chrome, found):
    tweet = "The night ferry is back, and we will be on the first boat across to the islands in October."
    lines = [f"Section {i}" for i in range(chrome)] + ["November 20, 2019, 10:54 am", tweet]
    text = TEXT_PAGE.read_text(encoding="utf-8") + "\n\n".join(lines) + "\n"
    assert (tweet in clean(text, comments="separate").metadata["comments"]) is found


def test_a_separated_body_cleans_to_itself():
    for page in PAGES:
        doc = clean(page.read_bytes(), comments="separate")
        assert clean(doc.text, comments="separate").text == doc.text


def test_the_option_is_read_from_the_configuration_file(tmp_path):
    (tmp_path / "cleaner.toml").write_text('comments = "separate"\n', encoding="utf-8")
    config = Config.load(tmp_path / "cleaner.toml")
    assert clean(TEXT_PAGE.read_bytes(), config=config).metadata["comments"] == COMMENTS
    assert "comments" not in clean(TEXT_PAGE.read_bytes(), config=config, comments="drop").metadata


@pytest.mark.parametrize("mode", ["drop", "separate", "keep"])
def test_the_cli_writes_each_mode_into_out_and_its_metadata_files(tmp_path, mode):
    r = run("clean", HTML_PAGE, TEXT_PAGE, "--out", tmp_path, "--comments", mode, "-q", "-j", "1")
    assert r.exit_code == 0, r.stderr
    for page in PAGES:
        expected = clean(page.read_bytes(), comments=mode)
        body = (tmp_path / page.with_suffix(".txt").name).read_text(encoding="utf-8")
        meta = json.loads((tmp_path / page.with_suffix(".json").name).read_text(encoding="utf-8"))
        assert body.strip() == expected.text
        assert meta.get("comments") == (COMMENTS if mode == "separate" else None)
        assert meta["config"].get("comments", "drop") == mode


@pytest.mark.parametrize("mode", ["drop", "separate", "keep"])
def test_the_cli_writes_each_mode_into_jsonl_records(tmp_path, mode):
    records = [{"id": page.name, "text": page.read_text(encoding="utf-8")} for page in PAGES]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    r = run("clean", tmp_path / "in.jsonl", "--jsonl", tmp_path / "out.jsonl", "--comments", mode, "-j", "1")
    assert r.exit_code == 0, r.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    for record, page in zip(out, PAGES, strict=True):
        assert record["text"] == clean(page.read_text(encoding="utf-8"), comments=mode).text
        assert record["cleaner"].get("comments") == (COMMENTS if mode == "separate" else None)


def test_a_bad_value_is_refused_naming_the_option(tmp_path):
    r = run("clean", TEXT_PAGE, "--out", tmp_path / "out", "--comments", "hide")
    assert r.exit_code == 2
    assert "comments must be one of drop, separate, keep, not 'hide'" in r.stderr
    (tmp_path / "cleaner.toml").write_text('comments = "all"\n', encoding="utf-8")
    r = run("clean", TEXT_PAGE, "--out", tmp_path / "out", "--config", tmp_path / "cleaner.toml")
    assert r.exit_code == 2 and "comments must be one of" in r.stderr
    with pytest.raises(ConfigError, match="comments must be one of"):
        clean("Some text.", comments="yes")


def test_datatrove_and_hugging_face_carry_the_comments():
    datatrove = pytest.importorskip("datatrove.data")
    pytest.importorskip("datasets")
    from datasets import Dataset

    from cleaner.datatrove import Cleaner
    from cleaner.hf import clean_dataset

    config = Config(comments="separate")
    page = HTML_PAGE.read_text(encoding="utf-8")
    (doc,) = Cleaner(config=config).run(iter([datatrove.Document(text=page, id="p")]))
    assert doc.metadata["cleaner"]["comments"] == COMMENTS
    out = clean_dataset(Dataset.from_dict({"text": [page, "Short."]}), config=config)
    assert out["comments"] == [COMMENTS, []]


def test_a_dask_dataframe_gets_a_comments_column_only_when_they_are_kept_apart():
    dd = pytest.importorskip("dask.dataframe")
    import pandas as pd

    from cleaner.dask import clean_dataframe

    df = dd.from_pandas(pd.DataFrame({"text": [TEXT_PAGE.read_text(encoding="utf-8"), "Short."]}), npartitions=1)
    out = clean_dataframe(df, config=Config(comments="separate")).compute(scheduler="synchronous")
    assert out["comments"].tolist() == [COMMENTS, []]
    assert "comments" not in clean_dataframe(df, config=Config()).columns
