"""Batch folders and JSONL streams, driven through the CLI as a user would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CLEAN, GLUED, SPLIT, read_jsonl
from helpers import invoke as run
from typer.testing import CliRunner

from cleaner import atomic, batch, jsonl
from cleaner.cli import app
from cleaner.lastrun import sha256
from cleaner.plan import plan


def make_tree(root: Path) -> dict[str, bytes]:
    files = {
        "a.txt": GLUED,
        "news/b.txt": GLUED.replace("war", "storm"),
        "news/deep/c.txt": CLEAN,
        "news/deep/d.html": "<p>" + CLEAN + "</p>",
        "notes/skip.md": CLEAN,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return snapshot(root)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_folder_is_mirrored_and_inputs_untouched(tmp_path):
    before = make_tree(tmp_path / "in")
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--workers", "2")
    assert r.exit_code == 0, r.stderr
    out = snapshot(tmp_path / "out")
    assert set(out) == {
        f"{stem}.{ext}"
        for stem in ("a", "news/b", "news/deep/c", "news/deep/d", "notes/skip")
        for ext in ("txt", "json")
    }
    assert out["a.txt"].decode() == SPLIT
    meta = json.loads(out["a.json"])
    assert meta["source"].endswith("a.txt") and meta["removed"] == []
    assert meta["input_sha256"] == sha256(GLUED.encode())
    assert snapshot(tmp_path / "in") == before
    assert "documents" in r.stderr and "errors" in r.stderr  # the summary table


def test_include_and_exclude_globs(tmp_path):
    make_tree(tmp_path / "in")
    r = run(
        "clean",
        tmp_path / "in",
        "--out",
        tmp_path / "out",
        "-j",
        "1",
        "--include",
        "*.txt",
        "--include",
        "*.html",
        "--exclude",
        "news/deep/*.txt",
    )
    assert r.exit_code == 0, r.stderr
    assert set(snapshot(tmp_path / "out")) == {
        "a.txt",
        "a.json",
        "news/b.txt",
        "news/b.json",
        "news/deep/d.txt",
        "news/deep/d.json",
    }


def test_out_over_the_inputs_is_refused(tmp_path):
    before = make_tree(tmp_path / "in")
    for out in (tmp_path / "in", tmp_path / "in" / "news"):
        r = run("clean", tmp_path / "in", "--out", out)
        assert r.exit_code == 2 and "inside the input folder" in r.stderr
    # an input file whose output name is itself: in/x.txt -> in/x.txt
    r = run("clean", tmp_path / "in" / "a.txt", "--out", tmp_path / "in")
    assert r.exit_code == 2 and "would overwrite an input" in r.stderr
    assert snapshot(tmp_path / "in") == before


def test_two_inputs_with_one_output_name_are_reported(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<p>" + CLEAN + "</p>")
    (tmp_path / "in" / "a.txt").write_text(GLUED)
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out")
    assert r.exit_code == 1
    assert "a.txt: same output" in r.stderr and "a.html" in r.stderr
    # the first (a.html) was cleaned, once; a.txt did not overwrite it
    assert json.loads((tmp_path / "out" / "a.json").read_text())["source"].endswith("a.html")
    assert "President" not in (tmp_path / "out" / "a.txt").read_text()


def test_bad_file_amid_good_ones(tmp_path):
    make_tree(tmp_path / "in")
    (tmp_path / "in" / "news" / "broken.txt").write_bytes(b"\xff\xfe\x00\x81 not text")
    r = run("clean", tmp_path / "in", "--out", tmp_path / "out", "--workers", "2")
    assert r.exit_code == 1
    assert "broken.txt" in r.stderr
    out = snapshot(tmp_path / "out")
    assert "news/broken.txt" not in out
    assert out["news/b.txt"].decode() == SPLIT.replace("war", "storm")
    assert len([k for k in out if k.endswith(".txt")]) == 5


def test_missing_source_is_named_and_the_rest_cleaned(tmp_path):
    make_tree(tmp_path / "in")
    r = run("clean", tmp_path / "in", tmp_path / "nope.txt", "--out", tmp_path / "out", "-j", "1")
    assert r.exit_code == 1 and "nope.txt: no such file" in r.stderr
    assert (tmp_path / "out" / "a.txt").exists()


def test_rerun_skips_unchanged_inputs_and_resumes(tmp_path):
    make_tree(tmp_path / "in")
    args = ("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1")
    assert run(*args).exit_code == 0
    out = tmp_path / "out"
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    # one input changes, one run was "interrupted" before writing another's outputs
    (tmp_path / "in" / "a.txt").write_text(CLEAN)
    (out / "news" / "b.txt").unlink()
    (out / "news" / "b.json").unlink()
    r = run(*args)
    assert r.exit_code == 0
    assert "skipped" in r.stderr
    assert (out / "a.txt").read_text() == CLEAN
    assert (out / "news" / "b.txt").read_text() == SPLIT.replace("war", "storm")
    for p in ("news/deep/c.txt", "news/deep/c.json", "notes/skip.json"):
        assert (out / p).stat().st_mtime_ns == stamps[out / p], p  # not rewritten
    # a different configuration is not "unchanged"
    r = run(*args, "--disable", "glued")
    assert (out / "news" / "b.txt").read_text() == GLUED.replace("war", "storm")


def test_in_place_rewrites_with_sidecars_and_skips_clean_files(tmp_path):
    make_tree(tmp_path / "in")
    (tmp_path / "in" / "a.txt").chmod(0o640)
    r = run("clean", tmp_path / "in", "--in-place", "--include", "*.txt", "-j", "2")
    assert r.exit_code == 0, r.stderr
    root = tmp_path / "in"
    assert (root / "a.txt").read_text() == SPLIT
    assert (root / "a.txt").stat().st_mode & 0o777 == 0o640
    meta = json.loads((root / "a.txt.cleaner.json").read_text())
    assert meta["input_sha256"] == sha256(SPLIT.encode())
    assert (root / "notes" / "skip.md").read_text() == CLEAN  # not included
    assert not list(root.rglob("*.tmp"))
    # second run: everything unchanged since, the sidecars are not re-read as inputs;
    # the HTML page is refused (in place, its text would replace the page for good)
    r = run("clean", tmp_path / "in", "--in-place", "--include", "*", "-j", "1")
    assert r.exit_code == 1 and "d.html: HTML is not cleaned in place" in r.stderr
    assert (root / "news" / "deep" / "d.html").read_text() == "<p>" + CLEAN + "</p>"
    assert not list(root.rglob("*.cleaner.json.cleaner.json"))


def test_in_place_without_sidecar_leaves_clean_files_alone(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(CLEAN)
    os.utime(path, ns=(1, 1))
    assert run("clean", path, "--in-place", "--no-sidecar", "-q").exit_code == 0
    assert path.stat().st_mtime_ns == 1 and not (tmp_path / "c.txt.cleaner.json").exists()


def test_interrupted_in_place_write_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(GLUED)

    def crash(src, dst):
        raise KeyboardInterrupt  # the process dies between writing the copy and renaming it

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        batch.process_one(plan([path], _pipeline(), in_place=True)[0][0], _pipeline())
    assert path.read_text() == GLUED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary left behind

    monkeypatch.undo()  # now the disk fills up half way through writing the copy
    monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _Failing(fd))
    r = run("clean", path, "--in-place", "-j", "1")
    assert r.exit_code == 1 and "No space left" in r.stderr and "a.txt" in r.stderr
    assert path.read_text() == GLUED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


class _Failing:
    def __init__(self, fd):
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.close(self.fd)

    def write(self, data):
        os.write(self.fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")


def _pipeline():
    from cleaner import Pipeline

    return Pipeline()


# -- JSONL ---------------------------------------------------------------------------------


def write_jsonl(path: Path, records: list[dict], gz: bool = False) -> None:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if gz else data)


def test_jsonl_round_trip_keeps_other_fields(tmp_path):
    records = [
        {"id": 1, "body": GLUED, "url": "https://example.com/a", "tags": ["x"], "n": {"deep": True}},
        {"id": 2, "body": CLEAN, "extra": None},
    ]
    write_jsonl(tmp_path / "in.jsonl", records)
    r = run(
        "clean",
        tmp_path / "in.jsonl",
        "--jsonl",
        tmp_path / "out.jsonl",
        "--text-key",
        "body",
        "--meta-key",
        "meta",
        "-j",
        "1",
    )
    assert r.exit_code == 0, r.stderr
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [o["body"] for o in out] == [SPLIT.strip(), CLEAN.strip()]
    for o, rec in zip(out, records, strict=True):
        assert {k: v for k, v in o.items() if k not in ("body", "meta")} == {
            k: v for k, v in rec.items() if k != "body"
        }
        assert set(o["meta"]) >= {"title", "language", "removed"}
    assert out[0]["meta"]["source"] == "https://example.com/a"


def test_jsonl_gzip_in_and_out_and_bad_records(tmp_path):
    write_jsonl(tmp_path / "in.jsonl.gz", [{"text": GLUED}, {"text": 3}, {"no": "text"}, {"text": CLEAN}], gz=True)
    with open(tmp_path / "in.jsonl.gz", "ab") as fh:
        fh.write(gzip.compress(b"{broken\n"))
    r = run("clean", tmp_path / "in.jsonl.gz", "--jsonl", tmp_path / "out.jsonl.gz", "-j", "2")
    assert r.exit_code == 1
    for where in ("in.jsonl.gz:2", "in.jsonl.gz:3", "in.jsonl.gz:5"):
        assert where in r.stderr
    raw = (tmp_path / "out.jsonl.gz").read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    assert [o["text"] for o in read_jsonl(tmp_path / "out.jsonl.gz")] == [SPLIT.strip(), CLEAN.strip()]
    assert not list(tmp_path.glob(".*.tmp"))


def test_jsonl_order_is_kept_with_several_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "CHUNK_RECORDS", 5)  # many small chunks racing in two workers
    records = [{"id": i, "text": (GLUED * (1 + (i * 7) % 40)) if i % 3 else CLEAN} for i in range(300)]
    write_jsonl(tmp_path / "in.jsonl", records)
    r = run("clean", tmp_path / "in.jsonl", "--jsonl", tmp_path / "out.jsonl", "--workers", "2")
    assert r.exit_code == 0, r.stderr
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == list(range(300))


def test_jsonl_stdin_to_stdout(tmp_path):
    lines = "".join(json.dumps({"id": i, "text": GLUED}) + "\n" for i in range(3))
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-", "--jsonl", "-", "-q"],
        input=gzip.compress(lines.encode()),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [0, 1, 2] and out[0]["text"] == SPLIT.strip()
    assert proc.stderr == b""


def test_ordered_map_reads_ahead_only_a_bounded_window():
    from cleaner.parallel import ordered_map

    pulled = 0

    def chunks():
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield [i]

    results = ordered_map(_identity, chunks(), _pipeline(), workers=2, window=4)
    assert next(results) == [0]
    assert pulled <= 5
    assert [r[0] for r in results] == list(range(1, 1000))


def _identity(item, pipeline):
    return item


# -- check --------------------------------------------------------------------------------


def test_check_names_dirty_files_and_filters(tmp_path):
    (tmp_path / "dirty.txt").write_text(GLUED)
    (tmp_path / "clean.txt").write_text(CLEAN)
    r = run("check", tmp_path)
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and "dirty.txt" in lines[0] and "glued" in lines[0]
    assert run("check", tmp_path / "clean.txt").exit_code == 0


def test_an_out_folder_checks_clean_and_its_metadata_is_no_document(tmp_path):
    # `cleaner check clean/` on what `cleaner clean corpus/ --out clean/` wrote: the bodies are clean, and the
    # metadata beside each body (X.json by X.txt) is passed over, not read as a page of "navigation"
    make_tree(tmp_path / "in")
    assert run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1").exit_code == 0
    assert (tmp_path / "out" / "a.json").is_file()
    r = run("check", tmp_path / "out", "-j", "1")
    assert r.exit_code == 0, r.stdout
    # a JSON file that is no body's metadata is still read, and one given by name always
    (tmp_path / "out" / "data.json").write_text('{\n  "a": 1\n}\n', encoding="utf-8")
    assert run("check", tmp_path / "out", "-j", "1").exit_code == 1
    assert run("check", tmp_path / "out" / "a.json", "-j", "1").exit_code == 1


def test_a_report_in_a_folder_is_no_document(tmp_path):
    # `--report out/report.html` beside the bodies: checking or cleaning that folder passes the report
    # over, as it does the metadata; an HTML page that is no report of ours is still read
    make_tree(tmp_path / "in")
    report = tmp_path / "out" / "report.html"
    assert run("clean", tmp_path / "in", "--out", tmp_path / "out", "-j", "1", "--report", report).exit_code == 0
    assert report.is_file()
    r = run("check", tmp_path / "out", "-j", "1")
    assert r.exit_code == 0, r.stdout
    report.write_text(report.read_text(encoding="utf-8").replace('name="generator"', 'name="x"'), encoding="utf-8")
    assert run("check", tmp_path / "out", "-j", "1").exit_code == 1


def test_stdin_text_to_stdout_and_binary_refused():
    r = CliRunner().invoke(app, ["clean", "-"], input=GLUED.encode())
    assert r.exit_code == 0 and r.stdout == SPLIT
    r = CliRunner().invoke(app, ["clean", "-"], input=b"\x00\x01\x02\x81 binary")
    assert r.exit_code == 1 and "<stdin>" in r.stderr


def test_an_input_named_twice_is_cleaned_once(tmp_path):
    make_tree(tmp_path / "in")
    r = run("clean", tmp_path / "in", tmp_path / "in" / "a.txt", "--in-place", "--include", "*.txt", "-j", "1")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "in" / "a.txt").read_text() == SPLIT


def test_metadata_bytes_are_the_indented_json_with_a_newline():
    import json

    from cleaner.results import metadata_bytes

    record = {
        "title": "Caf\u00e9 \u201cnews\u201d",
        "removed": [{"filter": "x", "text": "a\nb", "reason": "r"}] * 3,
        "n": 1,
        "none": None,
    }
    assert metadata_bytes(record) == (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_a_sidecar_written_as_it_is_encoded_is_the_metadata_bytes_of_its_record(tmp_path):
    # (its removal records made dicts one at a time: a list of them all took more memory than the page)
    from cleaner.document import Document, Removal
    from cleaner.results import Sidecar, metadata_bytes, metadata_record

    extra = {"kind": "text", "body_lines": [3], "config": {"a": [1, 2]}}
    removed = [Removal("content", f"Menu \u00e9 {i}\n\U0001f642", "navigation", i) for i in range(5)]
    for doc in (
        Document("Body.", metadata={"title": "Caf\u00e9"}, removed=removed),
        Document("Body.", metadata={"title": None}, removed=[]),
        # a lone surrogate (a file name that is not UTF-8): escaped, the file written again from its start
        Document("Body.", metadata={"source": "a\udcff.txt"}, removed=removed),
    ):
        expected = metadata_bytes(metadata_record(doc, **extra))
        assert bytes(Sidecar(doc, extra)) == expected
        with open(tmp_path / "m.json", "wb") as fh:
            Sidecar(doc, extra).write(fh)
        assert (tmp_path / "m.json").read_bytes() == expected


# -- a record longer than max_bytes ------------------------------------------------------


class _Reads:
    """A byte stream that remembers the largest piece it handed out."""

    def __init__(self, data: bytes):
        import io

        self._stream, self.largest = io.BytesIO(data), 0

    def readline(self, size: int = -1) -> bytes:
        piece = self._stream.readline(size)
        self.largest = max(self.largest, len(piece))
        return piece


def test_bounded_lines_skip_an_over_long_line_without_holding_it():
    huge = b"x" * (5 * jsonl._SKIP_BYTES)
    stream = _Reads(b"a\n" + b"b" * 100 + b"\n" + huge + b"\nc\n" + b"d" * 101)
    assert list(jsonl.bounded_lines(stream, 100)) == [b"a\n", b"b" * 100 + b"\n", None, b"c\n", None]
    assert stream.largest <= jsonl._SKIP_BYTES  # never the whole 5 MB line


def test_a_record_over_max_bytes_is_named_and_the_stream_goes_on(tmp_path):
    (tmp_path / "cleaner.toml").write_text("max_bytes = 2000\n")
    records = [{"id": 0, "text": GLUED}, {"id": 1, "text": "word " * 1000}, {"id": 2, "text": GLUED}]
    write_jsonl(tmp_path / "in.jsonl.gz", records, gz=True)
    r = run(
        "clean",
        tmp_path / "in.jsonl.gz",
        "--jsonl",
        tmp_path / "out.jsonl",
        "--config",
        tmp_path / "cleaner.toml",
        "-j",
        "1",
    )
    assert r.exit_code == 1
    assert "in.jsonl.gz:2: too large: a record of more than 2,000 bytes (the max_bytes limit)" in r.stderr
    assert [o["id"] for o in read_jsonl(tmp_path / "out.jsonl")] == [0, 2]
