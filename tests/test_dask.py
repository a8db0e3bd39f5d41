"""The Dask path against a real LocalCluster of two worker processes."""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

from helpers import ROOT, SEED_PAGES, SEEDS  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from cleaner import Config, Pipeline  # noqa: E402
from cleaner.cli import app  # noqa: E402

GERMAN = (
    "Der schnelle braune Fuchs springt über den faulen Hund und läuft dann davon.\n"
    "Die Stadt hat am Montag neue Regeln für den Verkehr beschlossen.Der Bürgermeister sprach lange."
)


#: Documents in the corpus: each kind make_corpus writes (German, glued, HTML) several times.
CORPUS = 100


def make_corpus(folder: Path, n: int = CORPUS) -> list[Path]:
    """``n`` varied documents from the seeds: rotated lines, glued sentences, German."""
    seeds = [p.read_text(encoding="utf-8") for p in SEED_PAGES]
    paths = []
    for i in range(n):
        lines = seeds[i % len(seeds)].splitlines()
        k = i % max(1, len(lines))
        text = "\n".join(lines[k:] + lines[:k])
        if i % 7 == 0:
            text = GERMAN + "\n\n" + text[: 200 + i]
        if i % 11 == 0:
            text = f"Story {i} ended in a long conflict.President Putin spoke at length today.\n" + text
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 13 == 0:  # some HTML pages too
            paras = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
            text = (
                f"<html><head><title>Page {i}</title></head><body><nav><a href='/'>Home</a></nav>"
                f"<article><h1>Page {i}</h1>{paras}</article><footer>© 2024</footer></body></html>"
            )
        path = sub / f"doc{i:04d}.{'html' if i % 13 == 0 else 'txt'}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as c,
    ):
        c.wait_for_workers(2)
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder)
    return folder


def test_config_and_pipeline_pickle_small():
    config = Config(disable=frozenset({"glued"}), filters={"glued": {}}, path=Path("x/cleaner.toml"))
    assert pickle.loads(pickle.dumps(config)) == config
    p = Pipeline()
    p.clean("Some text that is long enough to have its language detected.")
    assert len(pickle.dumps(p)) < 1000  # only the configuration travels


@pytest.fixture(scope="module")
def local_out(corpus, tmp_path_factory) -> Path:
    """The corpus cleaned by the local CLI (`--workers 2`), run from the corpus's parent."""
    out = tmp_path_factory.mktemp("local") / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(corpus.parent)
        result = CliRunner().invoke(app, ["clean", corpus.name, "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    (out.parent / "summary.txt").write_text(result.output)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow  # a two-process cluster: `make test`
def test_cli_scheduler_writes_the_same_folder_as_local_workers(client, corpus, local_out, tmp_path, monkeypatch):
    """`cleaner clean --scheduler`: the same files, byte for byte, and the same summary."""
    monkeypatch.chdir(corpus.parent)  # relative sources, as a user would type them
    runner = CliRunner()
    remote = runner.invoke(
        app, ["clean", corpus.name, "--out", str(tmp_path / "dask"), "--scheduler", client.scheduler.address]
    )
    assert remote.exit_code == 0, remote.output
    assert remote.output == (local_out.parent / "summary.txt").read_text()  # the summary table
    local_files, dask_files = tree(local_out), tree(tmp_path / "dask")
    assert len(local_files) == 2 * CORPUS and dask_files == local_files
    # a re-run on the cluster skips every input, as a local re-run does
    again = runner.invoke(
        app, ["clean", corpus.name, "--out", str(tmp_path / "dask"), "--scheduler", client.scheduler.address]
    )
    assert again.exit_code == 0 and tree(tmp_path / "dask") == local_files
    assert re.search(rf"skipped \(unchanged since last run\)\W+{CORPUS}\b", again.output), again.output


@pytest.mark.slow  # a two-process cluster: `make test`
def test_cli_scheduler_jsonl_stream_matches_local(client, tmp_path):
    lines = [
        json.dumps({"id": i, "text": f"Record {i} ended in a long conflict.President Putin spoke."})
        for i in range(120)
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines[:60] + ["not json"] + lines[60:]) + "\n", encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["clean", str(src), "--jsonl", str(tmp_path / "local.jsonl"), "-j", "2"])
    remote = runner.invoke(
        app, ["clean", str(src), "--jsonl", str(tmp_path / "dask.jsonl"), "--scheduler", client.scheduler.address]
    )
    assert local.exit_code == remote.exit_code == 1  # the bad line
    assert remote.output == local.output
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert len((tmp_path / "dask.jsonl").read_text().splitlines()) == 120


@pytest.mark.slow  # a two-process cluster: `make test`
def test_cli_scheduler_cleans_a_warc_as_local_workers_do(client, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from warcs import Response, write_warc

    pages = [
        f"<html><head><title>Page {i}</title></head><body><nav><a href='/'>Home</a></nav><article>"
        f"<h1>Page {i}</h1><p>The council met on day {i} and voted on the budget for the coming year, "
        "after a long debate about the roads.</p></article></body></html>"
        for i in range(40)
    ]
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [Response(f"https://news.example/{i}", p.encode()) for i, p in enumerate(pages)])
    runner = CliRunner()
    local = runner.invoke(app, ["clean", str(warc), "--jsonl", str(tmp_path / "local.jsonl"), "-j", "2"])
    remote = runner.invoke(
        app, ["clean", str(warc), "--jsonl", str(tmp_path / "dask.jsonl"), "--scheduler", client.scheduler.address]
    )
    assert local.exit_code == remote.exit_code == 0, local.output
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    records = [json.loads(line) for line in (tmp_path / "dask.jsonl").read_text().splitlines()]
    assert [r["url"] for r in records] == [f"https://news.example/{i}" for i in range(40)]
    assert all("voted on the budget" in r["text"] for r in records)


def test_cli_scheduler_that_does_not_answer_is_a_clear_error(tmp_path, monkeypatch):
    import socket

    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from cleaner import dask as cdask

    monkeypatch.setattr(cdask, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(
        app, ["clean", str(SEEDS), "--out", str(tmp_path / "o"), "--scheduler", f"tcp://127.0.0.1:{port}"]
    )
    assert result.exit_code == 2 and "no Dask scheduler answers" in result.output


@pytest.mark.slow  # a two-process cluster: `make test`
def test_files_through_cluster_match_local_cli(client, corpus, local_out, monkeypatch):
    """clean_files: a few hundred documents, same bodies and metadata as `cleaner clean`, same order."""
    from cleaner.dask import clean_files

    monkeypatch.chdir(corpus.parent)
    rel = corpus.name

    records = clean_files(rel, files_per_partition=25).compute()
    paths = sorted(p for p in corpus.rglob("*") if p.is_file())
    assert len(records) == len(paths) == CORPUS
    assert [r["source"] for r in records] == [str(Path(rel) / p.relative_to(corpus)) for p in paths]
    for record, path in zip(records, paths, strict=True):
        stem = local_out / path.relative_to(corpus).with_suffix("")
        body = record["text"]
        assert stem.with_suffix(".txt").read_text(encoding="utf-8") == body + ("\n" if body else "")
        written = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        written.pop("input_sha256"), written.pop("config_sha256")  # resume bookkeeping of the CLI
        for key in ("kind", "chars_in", "body_lines", "config"):  # what the CLI's HTML report reads
            written.pop(key)
        assert written == {k: v for k, v in record.items() if k != "text"}
    assert {r["language"] for r in records} >= {"en", "de"}
    assert sum(r["title"] is not None for r in records) >= len(range(0, CORPUS, 13))  # the HTML pages
    glued = [r for r, p in zip(records, paths, strict=True) if int(p.stem[3:]) % 11 == 0]
    assert len(glued) == len(range(0, CORPUS, 11)) and not any("conflict.President Putin" in r["text"] for r in glued)
    assert any("conflict.\n\nPresident Putin" in r["text"] for r in glued)  # split, not glued


@pytest.mark.slow  # a two-process cluster: `make test`
def test_one_pipeline_per_worker_not_per_document(client):
    """Phrase data and filters load once per worker process: many partitions, one build each."""
    import dask.bag as db

    from cleaner.dask import clean_bag, worker_stats

    config = Config(disable=frozenset({"glued"}))  # a configuration no other test uses
    texts = [f"Document {i} says something long enough about the weather today." for i in range(200)]
    before = client.run(worker_stats)
    out = clean_bag(db.from_sequence(texts, npartitions=20), config).compute()
    middle = client.run(worker_stats)
    again = clean_bag(db.from_sequence(texts, npartitions=20), config).compute()
    after = client.run(worker_stats)
    assert out == again and len(out) == 200
    assert len(after) == 2 and len({s["pid"] for s in after.values()}) == 2

    def delta(a, b, key):
        return {w: b[w][key] - a[w][key] for w in b}

    built, cleaned = delta(before, middle, "pipelines_built"), delta(before, middle, "documents")
    assert sum(cleaned.values()) == 200
    # 20 partitions, yet every worker that cleaned anything built the pipeline exactly once
    assert all(built[w] == (1 if cleaned[w] else 0) for w in after), (built, cleaned)
    # (phrase data is read: the counter watches something real)
    assert all(middle[w]["phrase_files_loaded"] > 0 for w in after if cleaned[w])
    # the second run reuses it: no pipeline built, no phrase file read again
    assert sum(delta(middle, after, "documents").values()) == 200
    assert set(delta(middle, after, "pipelines_built").values()) == {0}
    assert set(delta(middle, after, "phrase_files_loaded").values()) == {0}


@pytest.mark.slow  # a two-process cluster: `make test`
def test_bag_of_dicts_keeps_fields_and_nests_metadata(client):
    import dask.bag as db

    from cleaner import clean
    from cleaner.dask import clean_bag
    from cleaner.results import metadata_record

    glued = "The war ended in a long conflict.President Putin spoke at length today."
    records = [{"id": i, "url": f"https://example.com/{i}", "body": glued, "lang_hint": "x"} for i in range(10)]
    out = clean_bag(db.from_sequence(records, npartitions=3), Config(), text_key="body", meta_key="cleaner").compute()
    expected = clean(glued)
    assert [r["id"] for r in out] == list(range(10))
    assert all(r["body"] == expected.text and r["lang_hint"] == "x" for r in out)
    assert out[3]["cleaner"]["source"] == "https://example.com/3"
    assert out[3]["cleaner"] == {**metadata_record(expected), "source": "https://example.com/3"}


@pytest.mark.slow  # a two-process cluster: `make test`
def test_dataframe_gets_metadata_columns_in_order(client):
    import dask.dataframe as dd
    import pandas as pd

    from cleaner import clean
    from cleaner.dask import clean_dataframe

    texts = [p.read_text(encoding="utf-8") for p in SEED_PAGES] * 8
    pdf = pd.DataFrame({"id": range(len(texts)), "text": texts, "keep": "k"})
    out = clean_dataframe(dd.from_pandas(pdf, npartitions=4), config=Config()).compute()
    assert list(out["id"]) == list(range(len(texts)))
    assert {"title", "author", "date", "site", "language", "source", "removed", "keep"} <= set(out.columns)
    for text, row in zip(texts, out.itertuples(), strict=True):
        doc = clean(text)
        assert row.text == doc.text
        assert row.language == doc.metadata["language"]
        assert row.removed == len(doc.removed)
    listed = clean_dataframe(dd.from_pandas(pdf.head(3), npartitions=1), config=Config(), removed="list").compute()
    assert all(isinstance(v, list) for v in listed["removed"])


@pytest.mark.slow  # a two-process cluster: `make test`
def test_jsonl_files_and_unreadable_inputs(client, tmp_path):
    from cleaner import clean
    from cleaner.dask import clean_files

    lines = [{"id": f"a{i}", "text": f"Line {i} ended in a conflict.President Putin spoke today."} for i in range(5)]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(b"\xff\xfe not utf-8\n")
    out = clean_files(str(tmp_path / "*.jsonl"), Config()).compute()
    assert [r.get("id") for r in out[:5]] == [x["id"] for x in lines]
    assert out[0]["text"] == clean(lines[0]["text"]).text
    assert "b.jsonl: " in out[5]["error"] and out[5]["text"] is None  # named, with its reason
    with pytest.raises(FileNotFoundError):
        clean_files(str(tmp_path / "*.nothing"))


def _length(item: str, pipeline: Pipeline) -> tuple[str, int]:
    return item, len(pipeline.clean(item).text)


@pytest.mark.slow  # a two-process cluster: `make test`
def test_ordered_map_keeps_order_with_a_small_window(client):
    from cleaner.dask import ordered_map

    chunks = [[f"Chunk {i} line {j} is long enough to be prose." for j in range(i % 4 + 1)] for i in range(30)]
    got = list(ordered_map(_length, chunks, Pipeline(Config()), client, window=3))
    assert [[item for item, _ in chunk] for chunk in got] == chunks


def test_a_bad_jsonl_line_or_bag_record_is_an_error_record_not_a_failed_compute(tmp_path):
    """A JSON array among a file's records, a bag record that is neither text nor a dict:
    an ``error`` record each, the rest cleaned (a bytes record is a page, as ``clean`` takes)."""
    import dask.bag as db

    from cleaner import clean
    from cleaner.dask import clean_bag, clean_files

    prose = "Line one ended in a conflict.President Putin spoke today at length about it."
    (tmp_path / "a.jsonl").write_bytes(b'[1, 2]\n{"id": 1, "text": "%s"}\n' % prose.encode())
    out = clean_files([str(tmp_path / "a.jsonl")], Config()).compute(scheduler="synchronous")
    assert out[0]["error"] == f"{tmp_path / 'a.jsonl'}:1: not a JSON object" and out[0]["text"] is None
    assert out[1]["id"] == 1 and out[1]["text"] == clean(prose).text
    records = [None, 5, ["a"], prose.encode(), prose]
    out = clean_bag(db.from_sequence(records, npartitions=2), Config()).compute(scheduler="synchronous")
    assert [r["error"] for r in out[:3]] == [
        f"a record is a str, bytes or dict, not {name}" for name in ("NoneType", "int", "list")
    ]
    assert out[3]["text"] == out[4]["text"] == clean(prose).text


def test_jsonl_files_end_lines_at_newlines_only(tmp_path):
    """U+2028, NEL and form feeds are characters inside a JSON string (``ensure_ascii=False``
    writes them raw): each record is read whole, as ``cleaner clean --jsonl`` reads it."""
    from cleaner.dask import clean_files

    text = "A first paragraph of prose,\u2028a line separator inside it\x85 and a form\x0c feed."
    lines = [json.dumps({"id": i, "text": text}, ensure_ascii=False) for i in range(2)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = clean_files([str(tmp_path / "a.jsonl")], Config()).compute(scheduler="synchronous")
    assert [r.get("error") for r in out] == [None, None] and [r["id"] for r in out] == [0, 1]


def test_clean_files_gives_a_warc_an_error_record_and_reads_jsonl_named_in_capitals(tmp_path):
    """A folder of a crawl's files: a WARC archive was cleaned as one page (the first record's
    article kept, the others lost without a word), and ``PARTS.JSONL`` as one page of JSON text."""
    import gzip

    from cleaner import clean
    from cleaner.dask import clean_files

    prose = "Line one ended in a conflict.President Putin spoke today at length about it."
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n"))
    (tmp_path / "PARTS.JSONL").write_bytes(b'{"id": 1, "text": "%s"}\n' % prose.encode())
    out = clean_files(str(tmp_path), Config()).compute(scheduler="synchronous")
    assert [r.get("id") for r in out] == [1, None]
    assert out[0]["text"] == clean(prose).text
    assert out[1]["error"] == f"{tmp_path / 'crawl.warc.gz'}: a WARC archive, not one document: " + (
        "clean it with cleaner clean FILE --jsonl OUT"
    )


def test_clean_files_on_a_folder_takes_the_files_cleaner_clean_takes(tmp_path):
    """A folder with a ``.git``, a page's metadata from an earlier ``--out`` run, a sidecar and a
    ``--report`` page: each was cleaned as one more page (``.git/HEAD`` gave a body), where
    ``cleaner clean FOLDER`` passes them over."""
    from cleaner.dask import clean_files

    prose = "Line one ended in a conflict.President Putin spoke today at length about it."
    (tmp_path / "in" / ".git").mkdir(parents=True)
    (tmp_path / "in" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "in" / "a.txt").write_text(prose)
    (tmp_path / "in" / "b.txt").write_text(prose)
    (tmp_path / "in" / "a.json").write_text('{"title": null, "removed": []}')
    (tmp_path / "in" / "b.txt.cleaner.json").write_text('{"title": null, "removed": []}')
    (tmp_path / "in" / "report.html").write_text('<html><head><meta name="generator" content="cleaner 0.1.0">')
    out = clean_files(str(tmp_path / "in"), Config()).compute(scheduler="synchronous")
    assert [r["source"] for r in out] == [str(tmp_path / "in" / name) for name in ("a.txt", "b.txt")]
