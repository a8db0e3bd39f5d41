"""The third walk of the README's paths as a user takes them (docs/user-paths.md, "Third walk"):
files as bytes through the command line, each test named for what the user should see."""

from __future__ import annotations

import gzip
import os

import pytest
from helpers import GLUED
from helpers import invoke as run


@pytest.mark.parametrize("where", [["--out", "clean"], ["--in-place"]])
def test_stdin_with_out_or_in_place_says_stdin_goes_to_stdout_not_that_files_were_mixed(tmp_path, where):
    r = run("clean", "-", *where, stdin=GLUED.encode())
    assert r.exit_code == 2 and "mixed with files" not in r.stderr
    assert "stdin) is cleaned to stdout" in r.stderr and "cleaner clean - < FILE" in r.stderr
    assert r.stdout == ""


def test_a_file_written_to_while_it_is_cleaned_in_place_is_left_with_what_was_written(tmp_path, monkeypatch):
    """A crawler still appending, an editor saving: the rewrite would replace the file with
    the cleaning of what it held before, and the new text would be lost without a word."""
    from cleaner import batch
    from cleaner.results import Result

    (tmp_path / "in").mkdir()
    page, other = tmp_path / "in" / "page.txt", tmp_path / "in" / "other.txt"
    page.write_bytes(GLUED.encode())
    other.write_bytes(GLUED.encode())
    appended = b"A paragraph the user appended while the batch was cleaning it.\n"
    cleaned = batch.clean_prepared

    def clean_then_append(item, pipeline):
        out = cleaned(item, pipeline)
        if not isinstance(item, Result) and item[0].path == page:
            with open(page, "ab") as fh:
                fh.write(appended)
        return out

    monkeypatch.setattr(batch, "clean_prepared", clean_then_append)
    r = run("clean", tmp_path / "in", "--in-place", "-j", "1")
    assert r.exit_code == 1
    assert f"{page}: changed while it was being cleaned; left as it is" in r.stderr
    assert page.read_bytes() == GLUED.encode() + appended
    assert not (tmp_path / "in" / "page.txt.cleaner.json").exists()
    assert other.read_text() == GLUED.replace(".P", ".\n\nP")  # the rest of the batch cleaned
    monkeypatch.undo()
    r = run("clean", tmp_path / "in", "--in-place", "-j", "1")  # the next run cleans it
    assert r.exit_code == 0 and appended.decode().strip() in page.read_text()


def test_a_file_deleted_while_it_is_cleaned_in_place_is_named_as_removed_and_not_brought_back(tmp_path, monkeypatch):
    """The user (or a sync) deleted the file mid-run: writing its cleaned text would bring it
    back, and "changed" would not say what happened."""
    from cleaner import batch
    from cleaner.results import Result

    (tmp_path / "in").mkdir()
    page, other = tmp_path / "in" / "page.txt", tmp_path / "in" / "other.txt"
    page.write_bytes(GLUED.encode())
    other.write_bytes(GLUED.encode())
    cleaned = batch.clean_prepared

    def clean_then_delete(item, pipeline):
        out = cleaned(item, pipeline)
        if not isinstance(item, Result) and item[0].path == page:
            page.unlink()
        return out

    monkeypatch.setattr(batch, "clean_prepared", clean_then_delete)
    r = run("clean", tmp_path / "in", "--in-place", "-j", "1")
    assert r.exit_code == 1
    assert f"{page}: removed while it was being cleaned; nothing written in its place" in r.stderr
    assert not page.exists() and not (tmp_path / "in" / "page.txt.cleaner.json").exists()
    assert other.read_text() == GLUED.replace(".P", ".\n\nP")  # the rest of the batch cleaned


@pytest.mark.parametrize("name", ["page.html", "notes.txt", "records.json"])
def test_a_page_given_to_jsonl_is_refused_once_not_refused_line_by_line(tmp_path, name):
    """``cleaner clean page.html --jsonl out.jsonl`` (a user who wants JSONL out): each of the
    page's lines was refused as a record, hundreds of errors; now one line says what --jsonl reads."""
    page = tmp_path / name
    body = "[\n" if name.endswith(".json") else "<html><body>\n" if name.endswith(".html") else ""
    page.write_bytes((body + "\n".join(f"Line {i} of a page, not a record." for i in range(50))).encode())
    (tmp_path / "good.jsonl").write_bytes(b'{"text": "%s"}\n' % GLUED.strip().encode())
    r = run("clean", tmp_path / "good.jsonl", page, "--jsonl", tmp_path / "out.jsonl")
    assert r.exit_code == 2 and r.stderr.count("error:") == 1
    assert f"{page}: not a JSONL stream (its first line is not a JSON object)" in r.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_jsonl_named_otherwise_is_still_read_record_by_record(tmp_path):
    """A stream named .json, .txt or .gz whose first line is a record; a bad line later is one error."""
    good = b'{"id": 1, "text": "%s"}\n' % GLUED.strip().encode()
    for name in ("a.json", "b.txt", "c.gz"):
        data = good + b"not a record\n" + good
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        r = run("clean", tmp_path / name, "--jsonl", "-", "-q")
        assert r.exit_code == 1 and r.stderr.count("error:") == 1, r.stderr
        assert r.stdout.count('"id": 1') == 2


def test_gzip_bytes_given_to_clean_are_told_to_be_decompressed_not_renamed(tmp_path):
    """``clean(data)`` on gzip bytes (a crawler's stored response, a bag of ``.gz`` contents)
    named no file; the same words serve a gzip page in a file not named ``.gz``."""
    from cleaner import clean
    from cleaner.inputs import InputError

    with pytest.raises(InputError, match=r"gzip data: decompress it first, or name the file \.gz"):
        clean(gzip.compress(GLUED.encode()))
    (tmp_path / "page.html").write_bytes(gzip.compress(GLUED.encode()))
    r = run("clean", tmp_path / "page.html", "--out", tmp_path / "out")
    assert r.exit_code == 1 and "page.html: binary file (gzip data: decompress it first, or name" in r.stderr


def test_check_names_the_encoding_when_only_a_files_bytes_would_change(tmp_path):
    """The hooks on a corpus in Latin-1 or UTF-16: ``cleaner check`` said "layout (spacing,
    blank lines, line endings)" of a file with none to fix; it names what would change."""
    prose = "A clean line of prose, long enough to stand as a paragraph on its own, café.\n"
    (tmp_path / "latin1.txt").write_bytes(prose.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(prose.encode("utf-16"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + prose.encode())
    (tmp_path / "crlf.txt").write_bytes(prose.replace("\n", "\r\n").encode())
    (tmp_path / "clean.txt").write_bytes(prose.encode())
    r = run("check", tmp_path)
    assert r.exit_code == 1
    said = dict(line.split(": ", 1) for line in r.stdout.splitlines())
    written = "(the text itself is clean; it would be written in UTF-8)"
    assert said[str(tmp_path / "latin1.txt")] == said[str(tmp_path / "utf16.txt")] == f"encoding {written}"
    assert said[str(tmp_path / "bom.txt")].startswith("a byte-order mark (the text itself is clean")
    assert said[str(tmp_path / "crlf.txt")] == "layout (spacing, blank lines, line endings)"
    assert str(tmp_path / "clean.txt") not in said


def test_a_jsonl_gz_cut_short_keeps_the_records_before_and_says_where_it_ends(tmp_path):
    """A download or copy stopped: the error was gzip's own words (``cannot read: Compressed
    file ended before the end-of-stream marker was reached``), saying nothing of the records."""
    import json
    import random

    rng = random.Random(0)
    words = [GLUED.split()[i % 13] + str(rng.randrange(10**6)) for i in range(400)]
    lines = [json.dumps({"id": i, "text": " ".join(rng.sample(words, 200))}) + "\n" for i in range(20)]
    whole = gzip.compress("".join(lines).encode(), mtime=0)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    r = run("clean", tmp_path / "cut.jsonl.gz", "--jsonl", "-", "-q", "-j", "1")
    kept = r.stdout.count('"id"')
    assert r.exit_code == 1 and 0 < kept < 20
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == list(range(kept))
    where = f"{tmp_path / 'cut.jsonl.gz'}:{kept + 1}"
    assert f"{where}: truncated: the gzip stream ends inside this line, which is left out (the records" in r.stderr


def test_scheduler_with_stdin_is_refused_not_passed_over(tmp_path):
    """``cleaner clean - --scheduler tcp://...`` cleaned the page here without a word, the
    cluster never asked: as --include with stdin, the option that does nothing is refused."""
    r = run("clean", "-", "--scheduler", "tcp://127.0.0.1:1", stdin=GLUED.encode())
    assert r.exit_code == 2 and r.stdout == ""
    assert "--scheduler sends a folder or a JSONL batch to a Dask cluster" in r.stderr


@pytest.mark.parametrize("key", [["--text-key", "body"], ["--meta-key", "meta"]])
def test_record_keys_without_jsonl_are_refused_not_passed_over(tmp_path, key):
    """``cleaner clean corpus/ --out clean/ --text-key body``: the pages were cleaned whole,
    the option doing nothing; it names the fields of JSONL records."""
    (tmp_path / "a.txt").write_bytes(GLUED.encode())
    r = run("clean", tmp_path / "a.txt", "--out", tmp_path / "out", *key)
    assert r.exit_code == 2 and "--text-key and --meta-key name the fields of JSONL records" in r.stderr
    assert not (tmp_path / "out").exists()
    assert run("clean", "-", *key, stdin=GLUED.encode()).exit_code == 2


def test_quiet_says_nothing_of_the_report_it_wrote(tmp_path):
    """``--quiet`` is "no progress bar and no summary; errors only": the report's "wrote ..."
    line was said all the same."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(GLUED.encode())
    report = tmp_path / "report.html"
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--report", report, "-q", "-j", "1")
    assert r.exit_code == 0 and r.stderr == "" and report.exists()
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--report", report, "-j", "1", "--force")
    assert f"wrote {report}: 1 document" in r.stderr


@pytest.mark.parametrize("name", ["corpus.jsonl", "crawl.warc"])
def test_explain_names_a_stream_of_records_rather_than_explain_it_as_one_page(tmp_path, name):
    """``cleaner explain corpus.jsonl`` showed a table for the whole stream read as one page
    (a WARC's HTTP headers and scripts as removals); check and clean name it, so does explain."""
    stream = tmp_path / name
    stream.write_bytes(b'{"text": "%s"}\n' % GLUED.strip().encode() if name.endswith("jsonl") else b"WARC/1.0\r\n")
    (tmp_path / "page.txt").write_bytes(GLUED.encode())
    r = run("explain", stream, tmp_path / "page.txt")
    assert r.exit_code == 1
    assert f"{stream}: a stream of records (JSONL or WARC), not one document: clean it with --jsonl OUT" in r.stderr
    assert "page.txt" in r.stdout and name not in r.stdout


def test_in_place_over_a_folder_leaves_its_files_not_named_txt(tmp_path):
    """``cleaner clean corpus/ --in-place`` ("rewrite the text files") rewrote every file of the
    folder: a script lost its indentation, a CSV got blank lines between its rows, notes lost
    their lines. Now a folder's files not named .txt are named and left; a file named on the
    command line, or picked by --include, is still cleaned."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    others = {
        "tool.py": b'import os\n\n\ndef main():\n    print("Share on Facebook")\n',
        "data.csv": b"id,name\n1,Home\n2,News\n",
        "NOTES": b"Home\n\nSome notes on the crawl, long enough to be a paragraph of prose here.\n",
    }
    for name, data in others.items():
        (corpus / name).write_bytes(data)
    (corpus / "a.txt").write_bytes(GLUED.encode())
    (corpus / "b.TXT.gz").write_bytes(gzip.compress(GLUED.encode()))
    r = run("clean", corpus, "--in-place", "-j", "1")
    assert r.exit_code == 1
    for name, data in others.items():
        assert (corpus / name).read_bytes() == data
        assert f"{corpus / name}: not named .txt; left as it is" in r.stderr
    assert (corpus / "a.txt").read_text() == gzip.decompress((corpus / "b.TXT.gz").read_bytes()).decode()
    assert "conflict.\n\nPresident" in (corpus / "a.txt").read_text()
    r = run("clean", corpus, corpus / "NOTES", "--in-place", "-j", "1")  # named: cleaned
    assert r.exit_code == 1 and (corpus / "NOTES").read_bytes() != others["NOTES"]
    r = run("clean", corpus, "--in-place", "--include", "*.csv", "-j", "1")
    assert r.exit_code == 0 and (corpus / "data.csv").read_bytes() != others["data.csv"]


def test_a_jsonl_stream_from_a_pipe_keeps_its_first_records(tmp_path):
    """``cleaner clean <(zcat part.jsonl.gz) --jsonl out.jsonl``: the source is a pipe, and the
    WARC sniff read its first 512 bytes, lost to the reader after it: the first record was
    gone and the line it fell in refused as broken JSON."""
    import json
    import threading

    fifo = tmp_path / "part"
    os.mkfifo(fifo)
    data = b"".join(b'{"id": %d, "text": "%s"}\n' % (i, GLUED.strip().encode()) for i in range(6))

    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        r = run("clean", fifo, "--jsonl", "-", "-q", "-j", "1")
    finally:
        writer.join(timeout=10)
    assert r.exit_code == 0, r.stderr
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == list(range(6))
