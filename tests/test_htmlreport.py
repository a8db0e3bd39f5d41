"""The HTML report of a batch, read as a program would: its structure, escaping, choices, refusals."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import SEED_PAGES, SEEDS, fake_batch, seeds_report
from helpers import invoke as run

from cleaner.htmlreport.layout import SHOWN_CHARS


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def table(page: BeautifulSoup) -> list[list]:
    """The rows of the documents table, as the page's script reads them."""
    return json.loads(page.select_one("#\\.rows").string)


@pytest.fixture(scope="module")
def seeds_batch(tmp_path_factory) -> tuple[Path, Path]:
    """The seeds cleaned into OUT with --report: (OUT, the report)."""
    return seeds_report(tmp_path_factory.mktemp("seeds"))


def test_each_document_is_a_section_named_by_its_relative_path(seeds_batch):
    out, report = seeds_batch
    page = soup(report)
    ids = sorted(s["id"] for s in page.select("section.doc"))
    assert ids == sorted(p.relative_to(out).as_posix() for p in out.glob("*.txt"))
    assert sorted(row[1] for row in table(page)) == ids  # all shown in full: each row links to its section


def test_every_removal_is_in_an_element_named_by_its_filter_and_the_body_reads_in_order(seeds_batch):
    out, report = seeds_batch
    page = soup(report)
    for meta in out.glob("*.json"):
        record = json.loads(meta.read_text(encoding="utf-8"))
        section = page.find("section", id=meta.with_suffix(".txt").name)
        shown = {}
        for piece in section.select(".orig del[data-filter]"):
            shown.setdefault(piece["data-filter"], []).append(piece.get_text())
            assert piece["title"].startswith(piece["data-filter"] + ": ")
        assert set(shown) == {r["filter"] for r in record["removed"]}
        for r in record["removed"]:
            assert any(r["text"][:SHOWN_CHARS] in text for text in shown[r["filter"]]), r
        original = section.select_one(".orig").get_text()
        body = meta.with_suffix(".txt").read_text(encoding="utf-8").split("\n\n")
        positions = [original.index(paragraph.strip()) for paragraph in body]
        assert positions == sorted(positions)
        kept = [p.get_text() for p in section.select(".kept-body p")]
        assert kept == [paragraph.strip() for paragraph in body]


def test_the_report_loads_nothing_and_runs_only_its_own_script(seeds_batch):
    _, report = seeds_batch
    html = report.read_text(encoding="utf-8")
    page = soup(report)
    assert not page.select("[src], link, iframe, object, embed, img, base")
    assert all(a["href"].startswith("#") for a in page.select("[href]"))
    assert not re.search(r"@import|url\(|https?://", "".join(s.get_text() for s in page.select("style")))
    scripts = page.select("script")
    assert len(scripts) == 2 and scripts[0]["type"] == "application/json" and "<" not in scripts[0].string
    digest = base64.b64encode(hashlib.sha256(scripts[1].string.encode()).digest()).decode()
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "default-src 'none'" in policy and f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert not re.search(r"\son\w+=", html)


def test_the_overview_adds_up_the_batch(seeds_batch):
    out, report = seeds_batch
    page = soup(report)
    records = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    removed = sum(len(r["text"]) for record in records for r in record["removed"])
    cards = {c.get_text(" ", strip=True).split(" ", 1)[1]: c.b.get_text() for c in page.select(".card")}
    assert cards["documents"] == "5" and cards["errors"] == "0"
    assert cards[next(k for k in cards if k.startswith("removed"))] == f"{removed:,}"
    legend = {box["data-name"] for box in page.select("[data-toggle]")}
    assert legend == {r["filter"] for record in records for r in record["removed"]}
    assert page.select_one(".configs td code").get_text() == "defaults"


HOSTILE = (
    "<script>alert(1)</script>\n\n"
    "Home | News | <img src=x onerror=\"window.pwned='img'\"> | Sport\n\n"
    "A long paragraph of prose about the town council, which met on Tuesday to decide the budget. "
    "It says \"quotes\" and 'apostrophes' & ampersands, \u202eRTL override\u202c, \u05e9\u05dc\u05d5\u05dd, "
    "and emoji \U0001f600 too, and it ends here with a full stop.\n\n"
    "</textarea></del><script>window.pwned='del'</script>\n"
)


def test_text_from_a_page_is_escaped_everywhere(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    name = "a <b>\"x\" & 'y'.txt"
    (src / name).write_text(HOSTILE, encoding="utf-8")
    result = run("clean", src, "--out", tmp_path / "out", "--report", tmp_path / "r.html", "-j", "1")
    assert result.exit_code == 0, result.stderr
    page = soup(tmp_path / "r.html")
    assert len(page.select("script")) == 2 and "pwned" not in page.select("script")[1].get_text()
    assert table(page)[0][0] == name and "<" not in page.select_one("#\\.rows").string
    assert not page.select("img, textarea, section.doc b, table b")
    section = page.select_one("section.doc")
    assert section["id"] == "a%20<b>\"x\"%20&%20'y'.txt"
    assert section.select_one("h2").get_text() == name
    text = section.select_one(".orig").get_text()
    assert "<script>alert(1)</script>" in text and "\U0001f600" in text and "\u202eRTL" in text


def test_a_large_batch_shows_the_outliers_and_a_sample_in_full_and_says_so(tmp_path):
    shares = list(range(60))
    fake_batch(tmp_path / "out", shares)
    result = run("report", tmp_path / "out", "--html", tmp_path / "r.html", "--full", "10", "--seed", "3")
    assert result.exit_code == 0, result.stderr
    assert "60 documents, 10 in full" in result.stderr
    page = soup(tmp_path / "r.html")
    full = [s["id"] for s in page.select("section.doc")]
    assert full[:5] == ["d059.txt", "d058.txt", "d057.txt", "d056.txt", "d055.txt"]
    assert len(full) == 10 and len(table(page)) == 60
    assert {row[1] for row in table(page)} == set(full) | {""}
    note = page.select_one("#\\.documents .note").get_text()
    assert "10 of the 60 documents" in note and "the 5 that lost the largest share" in note and "seed 3" in note
    shares_in_table = [row[7] for row in table(page)]
    assert shares_in_table == sorted(shares_in_table, reverse=True)


def test_unreadable_metadata_is_named_and_the_other_documents_are_reported(tmp_path):
    fake_batch(tmp_path / "out", [10, 20, 30])
    (tmp_path / "out" / "d000.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "out" / "d001.txt").unlink()
    result = run("report", tmp_path / "out", "--html", tmp_path / "r.html")
    assert result.exit_code == 1
    assert "d000.json: not valid JSON" in result.stderr and "its body" in result.stderr
    page = soup(tmp_path / "r.html")
    assert [s["id"] for s in page.select("section.doc")] == ["d002.txt"]
    assert len(page.select(".errors li")) == 2


def test_a_file_that_is_not_a_report_is_not_overwritten_but_a_report_is_replaced(tmp_path):
    fake_batch(tmp_path / "out", [50])
    notes = tmp_path / "notes.html"
    notes.write_text("<p>my notes</p>", encoding="utf-8")
    result = run("report", tmp_path / "out", "--html", notes)
    assert result.exit_code == 2 and "is not a cleaner report" in result.stderr
    assert notes.read_text(encoding="utf-8") == "<p>my notes</p>"
    report = tmp_path / "r.html"
    assert run("report", tmp_path / "out", "--html", report).exit_code == 0
    (tmp_path / "out" / "d001.json").write_bytes((tmp_path / "out" / "d000.json").read_bytes())
    shutil.copy(tmp_path / "out" / "d000.txt", tmp_path / "out" / "d001.txt")
    assert run("report", tmp_path / "out", "--html", report).exit_code == 0
    assert len(soup(report).select("section.doc")) == 2


def test_a_report_needs_a_batch_folder(tmp_path):
    result = run("report", tmp_path / "missing", "--html", tmp_path / "r.html")
    assert result.exit_code == 2 and "missing: not a folder" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("report", tmp_path / "empty", "--html", tmp_path / "r.html")
    assert result.exit_code == 2 and "no metadata files" in result.stderr
    assert not (tmp_path / "r.html").exists()
    page = tmp_path / "p.txt"
    page.write_text("A line.\n", encoding="utf-8")
    result = run("clean", page, "--jsonl", tmp_path / "o.jsonl", "--report", tmp_path / "r.html")
    assert result.exit_code == 2 and "--report" in result.stderr


def test_a_batch_cleaned_in_place_is_reported_from_its_sidecars(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "corpus")
    result = run("clean", tmp_path / "corpus", "--in-place", "--report", tmp_path / "r.html", "-j", "1")
    assert result.exit_code == 0, result.stderr
    from_clean = [s["id"] for s in soup(tmp_path / "r.html").select("section.doc")]
    assert run("report", tmp_path / "corpus", "--html", tmp_path / "again.html").exit_code == 0
    from_folder = [s["id"] for s in soup(tmp_path / "again.html").select("section.doc")]
    assert sorted(from_folder) == [p.name for p in SEED_PAGES]
    assert len(from_clean) == 5 and all(i.endswith(".txt") for i in from_clean)


def test_explain_writes_the_report_of_the_pages_it_explains(tmp_path):
    pages = SEED_PAGES[:2]
    result = run("explain", *pages, "--html", tmp_path / "e.html")
    assert result.exit_code == 0, result.stderr
    page = soup(tmp_path / "e.html")
    assert [s["id"] for s in page.select("section.doc")] != []
    assert {s["id"] for s in page.select("section.doc")} == {str(p) for p in pages}
    assert page.select(".orig del[data-filter]")


def test_metadata_without_positions_shows_the_body_whole_and_the_removals_apart(tmp_path):
    fake_batch(tmp_path / "out", [30])
    record = json.loads((tmp_path / "out" / "d000.json").read_text(encoding="utf-8"))
    del record["body_lines"], record["removed"][0]["line"]
    (tmp_path / "out" / "d000.json").write_text(json.dumps(record), encoding="utf-8")
    assert run("report", tmp_path / "out", "--html", tmp_path / "r.html").exit_code == 0
    section = soup(tmp_path / "r.html").select_one("section.doc")
    assert section.select_one(".orig").get_text() == "k" * 70
    assert section.select_one(".unplaced del[data-filter=content]").get_text() == "r" * 30
    assert "does not say where" in section.get_text()


def test_an_html_page_says_its_original_is_the_extracted_text(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    article = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 8 + "</p>"
    (src / "page.html").write_text(
        f"<html><head><title>Budget</title></head><body><nav>Home News</nav>{article}</body></html>", encoding="utf-8"
    )
    assert run("clean", src, "--out", tmp_path / "out", "--report", tmp_path / "r.html", "-j", "1").exit_code == 0
    page = soup(tmp_path / "r.html")
    assert "text the extractor (trafilatura) took from it" in page.select_one("section.doc .note").get_text()
    assert "1 of the documents were HTML pages" in page.select_one(".html-note").get_text(" ", strip=True)
