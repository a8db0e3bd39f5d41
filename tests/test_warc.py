"""WARC input: archives built with warcio from the benchmark's pages, cleaned through the CLI."""

from __future__ import annotations

import gzip
import inspect
import io
import json
import re
import sys
import tracemalloc
from pathlib import Path

import pytest
from helpers import ARTICLES, ROOT, needs_articles, read_jsonl
from typer.testing import CliRunner

from cleaner import Document, clean
from cleaner.cli import app
from cleaner.jsonl import read_chunks
from cleaner.results import metadata_record
from cleaner.warc import NOT_OK, NOT_RESPONSE, NOT_TEXT, TRUNCATED, Page, page_text, read_pages

sys.path.insert(0, str(ROOT / "benchmarks"))

from warcs import Response, article_pages, write_warc  # noqa: E402

pytestmark = needs_articles
runner = CliRunner()


def has_meta_charset(page: bytes) -> bool:
    return re.search(rb"<meta[^>]*charset", page[:20000], re.I) is not None


def small_pages(n: int, meta_charset: bool) -> list[tuple[str, bytes]]:
    """The ``n`` smallest benchmark pages that do (or do not) declare their charset."""
    pages = [kv for kv in article_pages(ARTICLES).items() if has_meta_charset(kv[1]) == meta_charset]
    return sorted(pages, key=lambda kv: len(kv[1]))[:n]


def as_a_file(page: bytes, url: str, charset: str | None = None) -> Document:
    """``clean()`` on the page's bytes, given the charset the transport declared as a caller would."""
    if charset is None:
        return clean(page, url)
    if "encoding" in inspect.signature(clean).parameters:
        return clean(page, url, encoding=charset)
    return clean(page.decode(charset), url)


def legacy_page() -> bytes:
    """A page whose charset only its HTTP header tells: windows-1252, no <meta charset>."""
    key, page = small_pages(1, meta_charset=False)[0]
    return page.decode("utf-8").encode("cp1252", errors="xmlcharrefreplace")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """A gzip WARC: pages served with and without a charset in their Content-Type, a
    windows-1252 page, an image and a 404 among them; and what each page should give."""
    responses, expected = [], []
    for i, (key, page) in enumerate(small_pages(3, meta_charset=True) + small_pages(2, meta_charset=False)):
        charset = None if has_meta_charset(page) else "utf-8"
        content_type = "text/html" if charset is None else f"text/html; charset={charset}"
        responses.append(Response(f"https://news.example/{i}/{key}", page, content_type))
        expected.append((page, charset))
    responses.insert(2, Response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"))
    responses.insert(
        4, Response("https://news.example/gone", b"<html><body>Not here</body></html>", status="404 Not Found")
    )
    responses.append(Response("https://news.example/legacy", legacy_page(), "text/html; charset=windows-1252"))
    expected.append((legacy_page(), "windows-1252"))
    path = tmp_path_factory.mktemp("crawl") / "crawl.warc.gz"
    records = write_warc(path, responses)
    pages = [r for r, resp in zip(records, responses, strict=True) if resp.content_type.startswith("text/html")]
    pages = [r for r in pages if not r["url"].endswith("/gone")]
    return path, [dict(r, page=page, charset=cs) for r, (page, cs) in zip(pages, expected, strict=True)]


def run_cli(*args: str):
    return runner.invoke(app, ["clean", *args], catch_exceptions=False)


def test_every_html_record_is_cleaned_as_its_page_is_with_url_id_and_date(crawl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path, pages = crawl
    result = run_cli(str(path), "--jsonl", "out.jsonl.gz", "--meta-key", "meta", "-j", "1")
    assert result.exit_code == 0, result.output
    records = read_jsonl(tmp_path / "out.jsonl.gz")
    assert [r["url"] for r in records] == [p["url"] for p in pages]
    for record, page in zip(records, pages, strict=True):
        assert record["warc_record_id"] == page["warc_record_id"]
        assert record["date"] == page["date"]
        doc = as_a_file(page["page"], page["url"], page["charset"])
        assert doc.text and record["text"] == doc.text
        assert record["meta"] == json.loads(json.dumps(metadata_record(doc)))
    # the request records, the warcinfo, the image and the 404 are counted, not cleaned
    assert re.search(rf"not cleaned: {NOT_RESPONSE}\s+│\s+{len(pages) + 3}\b", result.output)
    assert re.search(rf"not cleaned: {NOT_TEXT}\s+│\s+1\b", result.output)
    assert re.search(rf"not cleaned: {NOT_OK}\s+│\s+1\b", result.output)


def test_a_charset_only_in_the_http_header_is_honoured(crawl, tmp_path):
    path, pages = crawl
    legacy = pages[-1]
    assert legacy["charset"] == "windows-1252"
    run_cli(str(path), "--jsonl", str(tmp_path / "out.jsonl"), "-j", "1")
    body = read_jsonl(tmp_path / "out.jsonl")[-1]["text"]
    assert body == clean(legacy["page"].decode("cp1252")).text
    # detection reads this page right too; where the two disagree, the header's charset
    # is the one used: the same bytes served as ISO-8859-5 come out in Cyrillic
    served = Page("crawl.warc.gz:0", legacy["page"], charset="iso-8859-5")
    assert page_text(served) == legacy["page"].decode("iso8859_5")


def test_workers_keep_the_archive_order(crawl, tmp_path):
    path, pages = crawl
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_cli(str(path), "--jsonl", str(one), "-j", "1").exit_code == 0
    assert run_cli(str(path), "--jsonl", str(two), "-j", "2").exit_code == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["url"] for r in read_jsonl(two)] == [p["url"] for p in pages]


def test_a_folder_stands_for_its_warc_files_and_a_warc_is_known_by_its_first_bytes(crawl, tmp_path):
    path, pages = crawl
    folder = tmp_path / "crawls"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "late.warc.gz").write_bytes(path.read_bytes())
    (folder / "early.warc.gz").write_bytes(path.read_bytes())
    (folder / "notes.txt").write_text("not an archive")
    unnamed = tmp_path / "crawl.bin"
    unnamed.write_bytes(path.read_bytes())
    out = tmp_path / "out.jsonl"
    assert run_cli(str(folder), str(unnamed), "--jsonl", str(out), "-j", "1", "-q").exit_code == 0
    assert [r["url"] for r in read_jsonl(out)] == [p["url"] for p in pages] * 3


def cut(path: Path, at: int, name: str) -> Path:
    damaged = path.with_name(name)
    damaged.write_bytes(path.read_bytes()[:at])
    return damaged


def test_a_truncated_gzip_member_ends_the_file_with_an_error_and_keeps_the_records_before(crawl, tmp_path):
    path, pages = crawl
    damaged = cut(path, pages[3]["offset"] + 2000, "cut.warc.gz")
    out = tmp_path / "out.jsonl"
    result = run_cli(str(damaged), "--jsonl", str(out), "-j", "1")
    assert result.exit_code == 1
    assert f"{damaged}:{pages[3]['offset']}: truncated" in result.output.replace("\n", "")
    assert [r["url"] for r in read_jsonl(out)] == [p["url"] for p in pages[:3]]


def test_a_file_cut_inside_a_record_header_is_reported_too(crawl):
    path, pages = crawl
    for at in (1, 30, 200):  # FastWARC alone says nothing of a member cut this early
        damaged = cut(path, pages[3]["offset"] + at, f"cut{at}.warc.gz")
        notes = []
        found = [p.url for p in read_pages(str(damaged), notes.append, 1 << 28)]
        assert found == [p["url"] for p in pages[:3]]
        assert [n.error for n in notes if n.status == "error"] == [f"{damaged}:{pages[3]['offset']}: {TRUNCATED}"]


def test_a_corrupt_record_is_named_and_reading_goes_on_after_it(crawl, tmp_path):
    path, pages = crawl
    data = bytearray(path.read_bytes())
    start = pages[1]["offset"]
    data[start + 500 : start + 600] = bytes(b ^ 0x55 for b in data[start + 500 : start + 600])
    damaged = tmp_path / "flipped.warc.gz"
    damaged.write_bytes(bytes(data))
    out = tmp_path / "out.jsonl"
    result = run_cli(str(damaged), str(path), "--jsonl", str(out), "-j", "1")
    assert result.exit_code == 1
    assert re.search(rf"{re.escape(str(damaged))}:{start}: corrupt record \(.*\); reading goes on", result.output)
    urls = [p["url"] for p in pages]
    assert [r["url"] for r in read_jsonl(out)] == urls[:1] + urls[2:] + urls


def test_a_plain_warc_with_a_garbled_header_goes_on_at_the_next_record(crawl, tmp_path):
    _, pages = crawl
    responses = [Response(p["url"], p["page"], "text/html") for p in pages[:3]]
    plain = tmp_path / "plain.warc"
    records = write_warc(plain, responses, compress=False)
    data = bytearray(plain.read_bytes())
    data[records[1]["offset"] : records[1]["offset"] + 4] = b"XXXX"
    plain.write_bytes(bytes(data))
    notes = []
    found = [p.url for p in read_pages(str(plain), notes.append, 1 << 28)]
    assert found == [pages[0]["url"], pages[2]["url"]]
    errors = [n.error for n in notes if n.status == "error"]
    assert len(errors) == 1 and errors[0].startswith(f"{plain}:{records[1]['offset']}: corrupt record")


def test_without_fastwarc_a_warc_is_refused_by_name_and_the_rest_goes_on(crawl, tmp_path, monkeypatch):
    path, _ = crawl
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"text": "Plain words in a record."}) + "\n")
    out = tmp_path / "out.jsonl"
    result = run_cli(str(path), str(records), "--jsonl", str(out), "-j", "1")
    assert result.exit_code == 1
    assert f"{path}: reading WARC files needs FastWARC: pip install 'cleaner[warc]'" in result.output.replace("\n", "")
    assert [r["text"] for r in read_jsonl(out)] == ["Plain words in a record."]


def test_a_payload_over_max_bytes_is_named_and_the_others_are_cleaned(crawl, tmp_path):
    path, pages = crawl
    limit = sorted(len(p["page"]) for p in pages)[-2]  # the largest page is over it
    notes = []
    found = [p.url for p in read_pages(str(path), notes.append, limit)]
    largest = max(pages, key=lambda p: len(p["page"]))
    assert found == [p["url"] for p in pages if p is not largest]
    assert [n.error for n in notes if n.status == "error"] == [
        f"{path}:{largest['offset']}: too large: a payload of more than {limit:,} bytes (the max_bytes limit)"
    ]


@pytest.mark.slow
def test_reading_a_ten_times_larger_archive_takes_no_more_memory(crawl, tmp_path):
    _, pages = crawl
    responses = [Response(f"https://news.example/{i}", pages[i % len(pages)]["page"]) for i in range(500)]
    peaks = []
    for copies in (1, 10):
        path = tmp_path / f"x{copies}.warc.gz"
        write_warc(path, responses * copies)
        tracemalloc.start()
        count = sum(len(chunk) for chunk in read_chunks([str(path)], lambda result: None))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert count == 500 * copies
    assert peaks[1] < 1.2 * peaks[0], peaks


@pytest.mark.slow
def test_all_benchmark_pages_give_the_same_bodies_and_f1_from_a_warc_as_from_the_files(tmp_path):
    from scoring import score

    pages = article_pages(ARTICLES)
    warc, out, files = tmp_path / "bench.warc.gz", tmp_path / "out.jsonl", tmp_path / "files"
    write_warc(warc, [Response(f"https://bench.example/{key}", page) for key, page in pages.items()])
    assert run_cli(str(warc), "--jsonl", str(out), "-q").exit_code == 0
    assert run_cli(str(ARTICLES / "html"), "--out", str(files), "-q").exit_code == 0
    from_warc = {r["url"].rsplit("/", 1)[1]: r["text"] for r in read_jsonl(out)}
    from_files = {key: (files / f"{key}.txt").read_text(encoding="utf-8").removesuffix("\n") for key in pages}
    assert from_warc == from_files
    truth = json.loads((ARTICLES / "ground-truth.json").read_text())
    f1 = [score([(truth[k]["articleBody"], bodies[k]) for k in truth]).f1 for bodies in (from_warc, from_files)]
    assert f1[0] == f1[1] > 0.8


def test_a_gzip_content_encoded_chunked_payload_is_decoded_first(crawl, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = crawl[1][0]
    packed = gzip.compress(page["page"])
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (packed[:1000], packed[1000:])) + b"0\r\n\r\n"
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
    path = tmp_path / "encoded.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(page["url"], "response", payload=io.BytesIO(chunked), http_headers=http)
        )
    [found] = read_pages(str(path), lambda result: None, 1 << 28)
    assert found.data == page["page"]
