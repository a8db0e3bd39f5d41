"""Cleaning a Hugging Face dataset: one ``Dataset.map`` adds the body and the metadata.

Needs the ``hf`` extra (``pip install 'cleaner[hf]'``)::

    from datasets import load_dataset
    from cleaner.hf import clean_dataset

    ds = load_dataset("json", data_files="pages.jsonl", split="train")
    ds = clean_dataset(ds, num_proc=4)

The ``text`` column is replaced by the cleaned body, and the metadata added as
columns (:mod:`cleaner.columns`): ``title``, ``author``, ``date``, ``site``,
``language``, ``source`` (``None`` where unknown), ``comments`` (a list of texts)
when the configuration keeps readers' comments apart, and ``removed``, the list of
removal records (``{"filter", "text", "reason", "line"}``). ``url`` and ``id`` columns are
used when present. A row with no text, or one that cannot be cleaned (a warning says
why), keeps a null body and null metadata. A ``binary`` text column (pages as bytes) is decoded as the CLI decodes
files and comes back a string column. :func:`clean_dataset` is ``ds.map(clean_batch, batched=True,
features=features(ds))``: the new columns' types are given, as a batch whose titles
are all unknown would leave Arrow nothing to infer them from.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from .columns import clean_columns
from .config import Config
from .dask import worker_pipeline
from .document import metadata_keys


def clean_batch(
    batch: dict[str, list[Any]],
    text_column: str = "text",
    removed: str = "list",
    config: Config | None = None,
) -> dict[str, list[Any]]:
    """A batch of a dataset (``batched=True``) with ``text_column`` cleaned and the metadata added."""
    if text_column not in batch:
        raise KeyError(f"no column {text_column!r} in {sorted(batch)}")
    config = config if config is not None else Config.discover()
    columns = clean_columns(
        partial(worker_pipeline, config),
        batch[text_column],
        ids=batch.get("id"),
        urls=batch.get("url"),
        sources=batch.get("source"),
        removed=removed,
        comments=config.comments,
    )
    columns[text_column] = columns.pop("text")
    return {**batch, **columns}


def features(ds: Any, removed: str = "list", comments: str = "drop", text_column: str = "text") -> Any:
    """``ds.features`` with the columns :func:`clean_batch` adds (``datasets.Features``).

    The text column becomes a string column: pages stored as bytes (a ``binary`` column)
    come out as cleaned text, not as the body encoded back to bytes."""
    from datasets import Features, Value

    string = Value("string")
    record = {"filter": string, "text": string, "reason": string, "line": Value("int64")}
    added = {key: [string] if key == "comments" else string for key in metadata_keys(comments)}
    removals = Value("int64") if removed == "count" else [record]
    given = {key: string if key == text_column else kind for key, kind in ds.features.items()}
    return Features({**given, **added, "removed": removals})


def clean_dataset(
    ds: Any,
    text_column: str = "text",
    *,
    removed: str = "list",
    config: Config | None = None,
    num_proc: int | None = None,
    batch_size: int = 64,
) -> Any:
    """``ds`` (a ``datasets.Dataset``) with ``text_column`` cleaned and the metadata added as columns."""
    config = config or Config.discover()
    options = {"text_column": text_column, "removed": removed, "config": config}
    return ds.map(
        clean_batch,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        fn_kwargs=options,
        features=features(ds, removed, config.comments, text_column),
    )
