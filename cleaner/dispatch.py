"""Where chunks of work run: in this machine's worker processes, or on a Dask cluster.

The one place that chooses between :mod:`cleaner.parallel` and :mod:`cleaner.dask`;
folder batches, JSONL streams and ``cleaner check`` all go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .parallel import ordered_map
from .pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")


def capacity(workers: int, client: Any = None) -> int:
    """How many chunks can run at once: ``workers`` here, the cluster's threads there."""
    if client is None:
        return workers
    from .dask import cluster_threads

    return cluster_threads(client)


def map_chunks(
    fn: Callable[[T, Pipeline], R],
    chunks: Iterable[list[T]],
    pipeline: Pipeline,
    workers: int,
    client: Any = None,
    on_crash: Callable[[T], R] | None = None,
) -> Iterator[list[R]]:
    """:func:`ordered_map` here, or on a Dask cluster when given a ``distributed.Client``.

    Either way results come in input order; on the cluster ``workers`` and
    ``on_crash`` are ignored (Dask reschedules the tasks of a worker that died) and
    chunk contents travel to the workers (see :func:`cleaner.dask.ordered_map`).
    """
    if client is None:
        return ordered_map(fn, chunks, pipeline, workers, on_crash=on_crash)
    from .dask import ordered_map as on_cluster

    return on_cluster(fn, chunks, pipeline, client)
