"""Process parallelism shared by folder batches and JSONL streams.

:func:`ordered_map` applies a module-level function ``fn(item, pipeline)`` to a
stream of items in a pool of worker processes and yields the results in input
order. The pipeline is sent to each worker once (only its configuration travels)
and the number of items in flight is bounded, so memory stays flat however long
the input stream is. A worker that dies (a crash in a compiled library, the
out-of-memory killer) does not end the run: given ``on_crash``, the chunks it took
down run again in a fresh pool, and the one item that kills a worker on its own gets
``on_crash(item)`` as its result.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from .pipeline import Pipeline

T = TypeVar("T")
R = TypeVar("R")

_PIPELINE: Pipeline | None = None
#: What an input gets as its error when it kills the worker process cleaning it.
CRASHED = "the worker process died while cleaning it (a crash in a compiled library, or out of memory)"


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _init_worker(pipeline: Pipeline) -> None:
    global _PIPELINE
    _PIPELINE = pipeline
    signal.signal(signal.SIGTERM, _terminated)
    _die_with_parent()


class _Terminated(BaseException):
    """SIGTERM in a worker busy with a chunk: unwinds it (a file being written atomically is
    removed on the way), then the worker exits (:func:`_run_chunk`)."""


_BUSY = False  # whether this worker is running a chunk


def _terminated(signum: int, frame: Any) -> None:
    if not _BUSY:
        os._exit(128 + signum)
    raise _Terminated


def _die_with_parent() -> None:
    """Have the kernel send this worker SIGTERM when the process that started it dies
    (Linux): killed, by SIGKILL or the out-of-memory killer too. Else a worker waits for
    work that never comes, for good. Elsewhere, nothing."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    parent = multiprocessing.parent_process()
    if parent is not None and not parent.is_alive():  # it died before the call
        os._exit(128 + signal.SIGTERM)


def _run_chunk(fn: Callable[[Any, Pipeline], R], items: list[Any]) -> list[R]:
    global _BUSY
    assert _PIPELINE is not None
    _BUSY = True
    try:
        return [fn(item, _PIPELINE) for item in items]
    except _Terminated:
        os._exit(128 + signal.SIGTERM)
    finally:
        _BUSY = False


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_map(
    fn: Callable[[T, Pipeline], R],
    chunks: Iterable[list[T]],
    pipeline: Pipeline,
    workers: int,
    window: int | None = None,
    on_crash: Callable[[T], R] | None = None,
) -> Iterator[list[R]]:
    """``[fn(item, pipeline) for item in chunk]`` for each chunk, in order.

    With ``workers <= 1`` everything runs in this process. Otherwise at most
    ``window`` chunks (default ``3 * workers``) are in flight at once: the next
    chunk is read from ``chunks`` only when the oldest result has been taken. If a
    worker dies, ``on_crash(item)`` stands in for the result of each item that kills
    a worker when run alone (see :class:`Workers`); without ``on_crash`` the run
    ends with ``BrokenProcessPool``.
    """
    if workers <= 1:
        for chunk in chunks:
            yield [fn(item, pipeline) for item in chunk]
        return
    pool = Workers(fn, pipeline, workers, on_crash)
    try:
        yield from windowed(pool.submit, chunks, window or 3 * workers)
    finally:
        pool.shutdown()


class Workers:
    """A process pool that outlives the death of its workers.

    When a worker dies, every chunk in flight fails with ``BrokenProcessPool``; the
    pool cannot tell which item was to blame. Each such chunk, when its result is
    asked for, runs again in a fresh pool; if it breaks that one too, its items run
    one at a time, each in a fresh pool if the last broke, and the item that kills a
    worker alone gets ``on_crash(item)``. Chunks already done are not run again.
    """

    def __init__(
        self,
        fn: Callable[[Any, Pipeline], Any],
        pipeline: Pipeline,
        workers: int,
        on_crash: Callable[[Any], Any] | None,
    ) -> None:
        self.fn, self.pipeline, self.workers, self.on_crash = fn, pipeline, workers, on_crash
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=(self.pipeline,))

    def submit(self, chunk: list[Any]) -> _Chunk:
        pool = self.pool
        try:
            future = pool.submit(_run_chunk, self.fn, chunk)
        except BrokenProcessPool as broken:
            # a worker died since the last chunk went in, and the pool already knows:
            # this chunk fails as those in flight did, and runs again when its result
            # is asked for (see _Chunk.result)
            if self.on_crash is None:
                raise
            future = Future()
            future.set_exception(broken)
        return _Chunk(self, chunk, pool, future)

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """A fresh pool in place of ``broken`` (unless that was done already)."""
        if self.pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()

    def rerun(self, chunk: list[Any], broken: ProcessPoolExecutor) -> list[Any]:
        """The results of a chunk whose pool broke, each item's or ``on_crash``'s."""
        self._replace(broken)
        pool = self.pool
        try:
            return pool.submit(_run_chunk, self.fn, chunk).result()
        except BrokenProcessPool:
            self._replace(pool)
        results = []
        for item in chunk:
            pool = self.pool
            try:
                results.extend(pool.submit(_run_chunk, self.fn, [item]).result())
            except BrokenProcessPool:
                self._replace(pool)
                results.append(self.on_crash(item))  # type: ignore[misc]
        return results

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Chunk:
    """A chunk's future in a :class:`Workers` pool; ``result()`` survives a broken pool."""

    def __init__(self, workers: Workers, chunk: list[Any], pool: ProcessPoolExecutor, future: Any) -> None:
        self.workers, self.chunk, self.pool, self.future = workers, chunk, pool, future

    def result(self) -> list[Any]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            if self.workers.on_crash is None:
                raise
            return self.workers.rerun(self.chunk, self.pool)

    def cancel(self) -> bool:
        return self.future.cancel()


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
