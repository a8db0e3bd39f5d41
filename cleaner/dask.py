"""Cleaning on a Dask cluster: bags, dataframes and globs of files.

Needs the ``dask`` extra (``pip install 'cleaner[dask]'``); dask is imported only
when a function here is called, so ``import cleaner.dask`` is free.

::

    import json
    import dask.dataframe as dd
    from distributed import Client
    from cleaner.dask import clean_dataframe, clean_files

    client = Client("tcp://scheduler:8786")
    clean_files("corpus/*.jsonl").map(json.dumps).to_textfiles("clean/*.jsonl")  # a bag of dicts
    clean_dataframe(dd.read_parquet("pages/"), text_column="text")  # metadata as columns

The configuration is that of the CLI: when ``config`` is not given it is discovered
on the client (``Config.discover()``, the nearest ``cleaner.toml`` or
``[tool.cleaner]``) and travels with the tasks. Each worker process builds one
:class:`~cleaner.Pipeline` per configuration and keeps it (see :func:`worker_pipeline`),
so phrase data and compiled patterns are loaded once per worker, not per document
or per partition.

The module is named after the engine it plugs into (``cleaner.dask``, as users import
it); it shadows nothing: imports are absolute, so ``import dask`` anywhere, here
included, is Dask itself.
"""

from __future__ import annotations

import glob as globlib
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .columns import REMOVED_FORMS, clean_columns
from .config import Config
from .document import metadata_keys
from .folders import iter_inputs
from .inputs import JSONL_SUFFIXES, InputError, as_input, decode, read_bytes
from .parallel import windowed
from .pipeline import Pipeline
from .results import metadata_record, parse_record
from .warc import is_warc_name, sniff_warc

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas as pd
    from distributed import Client


# -- one pipeline per worker process -----------------------------------------------------

_PIPELINES: dict[bytes, Pipeline] = {}
_LOCK = threading.Lock()
_STATS = {"pipelines_built": 0, "documents": 0}


def worker_pipeline(config: Config) -> Pipeline:
    """The pipeline for ``config`` in this process, built on first use and then kept.

    Keyed by the pickled configuration (a :class:`Config` holds a dict of filter
    options, so it is not hashable). Tasks carry only the configuration; the filters,
    phrase data and compiled patterns stay loaded in the worker between tasks.
    """
    key = pickle.dumps(config)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        with _LOCK:
            pipeline = _PIPELINES.get(key)
            if pipeline is None:
                pipeline = _PIPELINES[key] = Pipeline(config)
                _STATS["pipelines_built"] += 1
    return pipeline


def worker_stats() -> dict[str, Any]:
    """What this process has done: pipelines built, documents cleaned, phrase files read.

    Read it from every worker with ``client.run(cleaner.dask.worker_stats)``.
    """
    from .data import load_family

    return {**_STATS, "pid": os.getpid(), "phrase_files_loaded": load_family.cache_info().misses}


def _resolve(config: Config | Pipeline | None) -> Config:
    if isinstance(config, Pipeline):
        return config.config
    if config is None:
        return Config.discover()
    return config


# -- the CLI's batches on a cluster ------------------------------------------------------

#: How long ``--scheduler`` waits for a scheduler to answer.
CONNECT_TIMEOUT = "10s"


def connect(address: str, timeout: str | None = None) -> Client:
    """A ``distributed.Client`` for a running scheduler; ``OSError`` if none answers."""
    from distributed import Client

    try:
        return Client(address, timeout=timeout or CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise OSError(f"no Dask scheduler answers at {address}: {exc}") from exc


def cluster_threads(client: Any) -> int:
    """Worker threads on the cluster (at least 1): how many chunks can run at once."""
    return max(1, sum(client.nthreads().values()))


def _run_chunk(fn: Callable[[Any, Pipeline], Any], items: list[Any], config: Config) -> list[Any]:
    pipeline = worker_pipeline(config)
    return [fn(item, pipeline) for item in items]


def ordered_map(
    fn: Callable[[Any, Pipeline], Any],
    chunks: Iterable[list[Any]],
    pipeline: Pipeline,
    client: Any,
    window: int | None = None,
) -> Iterator[list[Any]]:
    """``[fn(item, pipeline) for item in chunk]`` for each chunk, on the cluster, in order.

    The same contract as the local pool's ``ordered_map``: ``fn`` is a module-level
    function (it travels by reference), results come back in input order, and at
    most ``window`` chunks (default: four per worker thread) are in flight, so memory
    stays flat however long the input is. Only the configuration travels with a
    chunk; each worker keeps its pipeline (:func:`worker_pipeline`).
    """
    if window is None:
        window = 4 * cluster_threads(client)
    config = pipeline.config
    yield from windowed(lambda chunk: client.submit(_run_chunk, fn, chunk, config, pure=False), chunks, window)


# -- records ------------------------------------------------------------------------------


def _assemble(
    record: dict[str, Any], body: str | None, sidecar: dict[str, Any], text_key: str, meta_key: str | None
) -> dict[str, Any]:
    out = dict(record)
    out[text_key] = body
    if meta_key:
        out[meta_key] = sidecar
    else:
        out.update(sidecar)
    return out


def clean_record(
    pipeline: Pipeline, record: str | bytes | dict[str, Any], *, text_key: str = "text", meta_key: str | None = None
) -> dict[str, Any]:
    """Clean one document given as a string (or bytes) or a dict holding its text under ``text_key``.

    Returns a new dict: the input's fields, the body under ``text_key`` and the sidecar
    (:func:`cleaner.results.metadata_record`: metadata fields and the ``removed`` list,
    as in the CLI's ``.json`` files), flat or, with ``meta_key``, nested under that
    key. A record with an ``error`` field (an input that could not be read), no text or
    one that cannot be cleaned (binary, too large), or neither a string nor a dict, is passed
    through with the body and the metadata fields set to ``None`` and ``error`` saying why.
    The id, url and source of a dict are taken from its ``id``, ``url`` and ``source`` fields.
    """
    if isinstance(record, (str, bytes)):
        record = {text_key: record}
    elif not isinstance(record, dict):  # one bad record must not stop the bag
        error = f"a record is a str, bytes or dict, not {type(record).__name__}"
        return _unread({"error": error}, pipeline, text_key, meta_key)
    raw = record.get(text_key)
    if record.get("error") or not isinstance(raw, (str, bytes)):
        error = record.get("error") or f"no text under {text_key!r}"
        return _unread({**record, "error": error}, pipeline, text_key, meta_key)
    url = record.get("url")
    try:
        doc = pipeline.clean(
            raw,
            url=url if isinstance(url, str) else None,
            source=record.get("source"),
            id=None if record.get("id") is None else str(record["id"]),
        )
    except InputError as exc:  # one bad record must not stop the bag
        return _unread({**record, "error": str(exc)}, pipeline, text_key, meta_key)
    _STATS["documents"] += 1
    return _assemble(record, doc.text, metadata_record(doc), text_key, meta_key)


def _unread(record: dict[str, Any], pipeline: Pipeline, text_key: str, meta_key: str | None) -> dict[str, Any]:
    """A record that could not be cleaned (its ``error`` says why): no body, no metadata."""
    sidecar: dict[str, Any] = {key: None for key in metadata_keys(pipeline.config.comments)}
    sidecar["source"] = record.get("source") or record.get("url")
    sidecar["removed"] = []
    return _assemble(record, None, sidecar, text_key, meta_key)


def _clean_partition(
    records: Iterable[Any], config: Config, text_key: str, meta_key: str | None
) -> list[dict[str, Any]]:
    pipeline = worker_pipeline(config)
    return [clean_record(pipeline, r, text_key=text_key, meta_key=meta_key) for r in records]


def clean_bag(
    bag: dask.bag.Bag,
    config: Config | Pipeline | None = None,
    *,
    text_key: str = "text",
    meta_key: str | None = None,
) -> dask.bag.Bag:
    """A bag of cleaned records from a bag of strings or dicts (lazy; order kept).

    See :func:`clean_record` for the shape of each record.
    """
    return bag.map_partitions(_clean_partition, _resolve(config), text_key, meta_key)


# -- dataframes ---------------------------------------------------------------------------


def _clean_frame(
    part: pd.DataFrame,
    config: Config,
    text_column: str,
    removed: str,
    id_column: str | None,
    url_column: str | None,
    source_column: str | None,
) -> pd.DataFrame:
    import pandas as pd

    def column(name: str | None) -> list[Any] | None:
        return part[name].tolist() if name else None

    columns = clean_columns(
        partial(worker_pipeline, config),
        part[text_column].tolist(),
        ids=column(id_column),
        urls=column(url_column),
        sources=column(source_column),
        removed=removed,
        comments=config.comments,
    )
    _STATS["documents"] += len(part)
    out = part.copy()
    out[text_column] = pd.Series(columns.pop("text"), index=part.index, dtype=object)
    removals = columns.pop("removed")
    for key, values in columns.items():
        out[key] = pd.Series(values, index=part.index, dtype=object)
    out["removed"] = pd.Series(removals, index=part.index, dtype="int64" if removed == "count" else object)
    return out


def clean_dataframe(
    df: dask.dataframe.DataFrame,
    text_column: str = "text",
    config: Config | Pipeline | None = None,
    *,
    removed: str = "count",
    id_column: str | None = None,
    url_column: str | None = None,
    source_column: str | None = None,
) -> dask.dataframe.DataFrame:
    """The dataframe with ``text_column`` cleaned and the metadata added as columns.

    Adds (or replaces) ``title``, ``author``, ``date``, ``site``, ``language``,
    ``source`` (object columns, ``None`` where unknown), ``comments`` (lists of texts)
    when the configuration keeps readers' comments apart, and ``removed``: the number of
    removed pieces (``removed="count"``) or their list of dicts (``removed="list"``).
    ``id``/``url``/``source`` columns are used when present unless named otherwise.
    Partitions and row order are kept.
    """
    if removed not in REMOVED_FORMS:
        raise ValueError(f"removed must be 'count' or 'list', not {removed!r}")
    cols = set(df.columns)
    if text_column not in cols:
        raise KeyError(f"no column {text_column!r} in {sorted(map(str, cols))}")
    id_column = id_column or ("id" if "id" in cols else None)
    url_column = url_column or ("url" if "url" in cols else None)
    source_column = source_column or ("source" if "source" in cols else None)
    args = (_resolve(config), text_column, removed, id_column, url_column, source_column)
    meta = _clean_frame(df._meta, *args)
    return df.map_partitions(_clean_frame, *args, meta=meta)


# -- files --------------------------------------------------------------------------------


def expand(pattern: str | os.PathLike[str]) -> list[str]:
    """Files matched by a glob (``**`` allowed), or the files under a folder that ``cleaner
    clean`` takes (hidden files, its own outputs and reports passed over), sorted."""
    pattern = str(pattern)
    if os.path.isdir(pattern):
        return [str(p) for p in sorted(path for path, _ in iter_inputs([Path(pattern)]))]
    return sorted(p for p in globlib.glob(pattern, recursive=True) if os.path.isfile(p))


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


#: Why a WARC file among the files gives an error record: its pages are not one document.
WARC_HERE = "a WARC archive, not one document: clean it with cleaner clean FILE --jsonl OUT"


def _jsonl_records(
    text: str, path: str, pipeline: Pipeline, text_key: str, meta_key: str | None
) -> Iterator[dict[str, Any]]:
    """The cleaned records of a JSONL file; a line that is not a JSON object gives an ``error``
    record. Lines end at ``\n`` only, as the CLI reads them: JSON strings may hold U+2028 or NEL."""
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        record = parse_record(line, where)  # (as the CLI reads a line)
        if isinstance(record, str):
            record = {"source": where, "error": record}
        yield clean_record(pipeline, record, text_key=text_key, meta_key=meta_key)


def _clean_files(
    paths: Iterable[tuple[str, str]], config: Config, text_key: str, meta_key: str | None
) -> list[dict[str, Any]]:
    """Clean the files of one partition: a record per text or HTML file, or per JSONL line.

    ``paths`` are (absolute path to read, path as the user gave it, kept as ``source``).
    A file is read and cleaned as the CLI does (``inputs.as_input``: HTML by name or content, decoded as a page).
    """
    pipeline = worker_pipeline(config)
    records: list[dict[str, Any]] = []
    for real, path in paths:
        try:
            data = read_bytes(Path(real), config.max_bytes)
            if is_warc_name(path) or sniff_warc(data[:512]):
                raise InputError(f"{path}: {WARC_HERE}")
            if not _is_jsonl(path):
                content, kind = as_input(data, path, config.kind)
                doc = pipeline.clean(content, source=path, kind=kind)
                _STATS["documents"] += 1
                records.append(_assemble({"source": path}, doc.text, metadata_record(doc), text_key, meta_key))
                continue
            records.extend(_jsonl_records(decode(data, path), path, pipeline, text_key, meta_key))
        except InputError as exc:
            records.append(
                clean_record(pipeline, {"source": path, "error": str(exc)}, text_key=text_key, meta_key=meta_key)
            )
    return records


def clean_files(
    pattern: str | os.PathLike[str] | list[str],
    config: Config | Pipeline | None = None,
    *,
    text_key: str = "text",
    meta_key: str | None = None,
    files_per_partition: int = 16,
) -> dask.bag.Bag:
    """A bag of cleaned records from text files and JSONL files (lazy; order kept).

    ``pattern`` is a glob, a folder (the files ``cleaner clean`` takes from it), or a list
    of paths. Files are read by the workers, so they must see the same file system as the client. A text or HTML file
    gives one record (``source`` is its path), cleaned as ``cleaner clean`` does; a
    ``.jsonl``/``.ndjson`` file (optionally gzipped) gives one record per line, its text
    under ``text_key``. Inputs that cannot be read give a record with an ``error`` field instead of failing the job.
    """
    import dask.bag as db

    paths = pattern if isinstance(pattern, list) else expand(pattern)
    if not paths:
        raise FileNotFoundError(f"no files match {pattern!r}")
    # workers may run in another directory: read absolute paths, report the given ones
    pairs = [(os.path.abspath(p), str(p)) for p in paths]
    npartitions = max(1, -(-len(pairs) // max(1, files_per_partition)))
    bag = db.from_sequence(pairs, npartitions=npartitions)
    return bag.map_partitions(_clean_files, _resolve(config), text_key, meta_key)
