"""Process parallelism shared by folder batches and JSONL streams.

:func:`ordered_map` applies a module-level function ``fn(item, pipeline)`` to a
stream of items in a pool of worker processes and yields the results in input
order. The pipeline is sent to each worker once (only its configuration travels)
and the number of items in flight is bounded, so memory stays flat however long
the input stream is.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

from .pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")

_PIPELINE: Pipeline | None = None


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init_worker(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline


def _run_chunk(fn: Callable[[Any, Pipeline], R], items: list[Any]) -> list[R]:
    assert _PIPELINE is not None
    return [fn(item, _PIPELINE) for item in items]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_map(fn: Callable[[T, Pipeline], R], chunks: Iterable[list[T]], pipeline: Pipeline,
                workers: int, window: int | None = None) -> Iterator[list[R]]:
    """``[fn(item, pipeline) for item in chunk]`` for each chunk, in order.

    With ``workers <= 1`` everything runs in this process. Otherwise at most
    ``window`` chunks (default ``3 * workers``) are in flight at once: the next
    chunk is read from ``chunks`` only when the oldest result has been taken.
    """
    if workers <= 1:
        for chunk in chunks:
            yield [fn(item, pipeline) for item in chunk]
        return
    window = window or 3 * workers
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(pipeline,)) as pool:
        yield from windowed(lambda chunk: pool.submit(_run_chunk, fn, chunk), chunks, window)


def windowed(submit: Callable[[list[T]], Any], chunks: Iterable[list[T]], window: int) -> Iterator[Any]:
    """The results of ``submit(chunk)`` futures, in order, with at most ``window`` in flight.

    Works with any future that has ``result()`` and ``cancel()`` (``concurrent.futures``
    and ``distributed`` alike); futures still pending when the consumer stops are cancelled.
    """
    pending: deque[Any] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def map_chunks(fn: Callable[[T, Pipeline], R], chunks: Iterable[list[T]], pipeline: Pipeline,
               workers: int, client: Any = None) -> Iterator[list[R]]:
    """:func:`ordered_map` here, or on a Dask cluster when given a ``distributed.Client``.

    Either way results come in input order; on the cluster ``workers`` is ignored and
    chunk contents travel to the workers (see :func:`cleaner.dask.ordered_map`).
    """
    if client is None:
        return ordered_map(fn, chunks, pipeline, workers)
    from .dask import ordered_map as on_cluster

    return on_cluster(fn, chunks, pipeline, client)
