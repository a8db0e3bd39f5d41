"""A worker process that dies (a crash in a compiled library, the out-of-memory killer)
costs the input it was cleaning, named, and nothing else of the batch."""

from __future__ import annotations

import json
import os
from concurrent.futures.process import BrokenProcessPool

import pytest
from helpers import CLEAN, GLUED
from helpers import invoke as run

from cleaner import Config, Pipeline
from cleaner.parallel import CRASHED, Workers, chunked, ordered_map

KILL = "KILLME " + CLEAN


def _double_or_die(item: int, pipeline: Pipeline) -> int:
    if item in (7, 23):
        os._exit(9)  # as a segfault or the OOM killer would end it: no exception, no cleanup
    return item * 2


def test_the_items_that_kill_a_worker_get_on_crash_and_the_rest_their_results():
    results = ordered_map(
        _double_or_die, chunked(range(40), 4), Pipeline(Config()), workers=2, on_crash=lambda item: ("crashed", item)
    )
    flat = [r for chunk in results for r in chunk]
    assert flat == [("crashed", i) if i in (7, 23) else i * 2 for i in range(40)]


def test_a_chunk_sent_to_a_pool_that_already_broke_runs_in_a_fresh_one():
    # the pool learns of a dead worker in its own thread: a chunk sent after that fails
    # at once, in submit(), instead of in its future
    pool = Workers(_double_or_die, Pipeline(Config()), 2, on_crash=lambda item: ("crashed", item))
    try:
        dead = pool.submit([7])
        with pytest.raises(BrokenProcessPool):
            dead.future.result()  # the pool is marked broken before its futures fail
        later = pool.submit([1, 2])
        assert later.result() == [2, 4]
        assert dead.result() == [("crashed", 7)]
    finally:
        pool.shutdown()


def test_without_on_crash_a_dead_worker_ends_the_run():
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(_double_or_die, chunked(range(40), 4), Pipeline(Config()), workers=2))


@pytest.fixture
def killing_pipeline(monkeypatch):
    """Workers are forked from this process: they clean with this patched method, and
    die on a document holding "KILLME"."""
    clean = Pipeline.clean

    def clean_or_die(self, raw, **kwargs):
        if b"KILLME" in (raw if isinstance(raw, bytes) else raw.encode("utf-8", "replace")):
            os._exit(9)
        return clean(self, raw, **kwargs)

    monkeypatch.setattr(Pipeline, "clean", clean_or_die)


def test_a_file_that_kills_its_worker_is_named_and_the_batch_goes_on(tmp_path, killing_pipeline):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"{i:02d}.txt").write_text(KILL if i == 5 else GLUED if i % 2 else CLEAN, encoding="utf-8")
    r = run("clean", src, "--out", tmp_path / "out", "--workers", "2")
    assert r.exit_code == 1
    assert f"05.txt: {CRASHED}" in r.stderr
    out = sorted(p.name for p in (tmp_path / "out").glob("*.txt"))
    assert out == [f"{i:02d}.txt" for i in range(12) if i != 5]
    assert (tmp_path / "out" / "03.txt").read_text(encoding="utf-8") == GLUED.replace(".P", ".\n\nP")
    assert (src / "05.txt").read_text(encoding="utf-8") == KILL  # the input is untouched


def test_a_record_that_kills_its_worker_is_named_and_the_stream_goes_on(tmp_path, killing_pipeline):
    records = [{"id": i, "text": KILL if i == 2 else GLUED} for i in range(6)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    r = run("clean", tmp_path / "in.jsonl", "--jsonl", tmp_path / "out.jsonl", "--workers", "2")
    assert r.exit_code == 1
    assert f"in.jsonl:3: {CRASHED}" in r.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == [0, 1, 3, 4, 5]


def test_check_names_a_file_that_kills_its_worker(tmp_path, killing_pipeline):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(KILL, encoding="utf-8")
    (tmp_path / "c.txt").write_text(GLUED, encoding="utf-8")
    r = run("check", tmp_path, "--workers", "2")
    assert r.exit_code == 1
    assert f"b.txt: {CRASHED}" in r.stderr
    assert "c.txt" in r.stdout and "glued" in r.stdout
