"""Running a batch of files: each task read, cleaned and written, in worker processes or on
a Dask cluster, and the results added up.

The unit of work is :func:`process_one`: it takes a :class:`Task` (an input path and
where its body and metadata go), reads and cleans the file in the calling process,
writes the outputs atomically and returns a small picklable :class:`Result`. The
runner (:func:`run`) sends tasks, not file contents, to worker processes; on a Dask
cluster it reads and writes here and sends contents (see :func:`clean_prepared`).

The steps are modules of their own: :mod:`cleaner.folders` finds a folder's inputs,
:mod:`cleaner.plan` makes the tasks, :mod:`cleaner.prepare` reads and cleans one,
:mod:`cleaner.outputs` writes its files, and :mod:`cleaner.lastrun` says whether a
re-run may skip it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .dispatch import capacity, map_chunks
from .inputs import DEFAULT_MAX_BYTES
from .outputs import write_cleaned
from .parallel import CRASHED, chunked
from .pipeline import Pipeline
from .plan import Task
from .prepare import clean_prepared, prepare
from .results import Result, Totals


def process_one(task: Task, pipeline: Pipeline, *, force: bool = False) -> Result:
    """Clean one file and write its outputs; never raises for a bad input.

    Read, clean, write: the three steps are separate functions so that a batch on a
    Dask cluster (see :func:`run`) can read and write here and clean on the workers.
    """
    return write_cleaned(clean_prepared(prepare(task, force, pipeline.config.max_bytes), pipeline))


def _process(task: Task, pipeline: Pipeline) -> Result:
    return process_one(task, pipeline)


def _process_forced(task: Task, pipeline: Pipeline) -> Result:
    return process_one(task, pipeline, force=True)


def _crashed(task: Task) -> Result:
    """The result of an input that killed the worker process cleaning it. A crash while
    cleaning (the usual case) leaves no output: outputs are written after cleaning,
    each atomically; the input itself is never opened for writing before that."""
    return Result.failed(task.path, f"{task.path}: {CRASHED}")


#: The most tasks a chunk sent to a worker holds.
MAX_CHUNK = 32


def chunk_size(n_tasks: int, workers: int) -> int:
    """Enough tasks per chunk to amortise the trip to a worker, few enough to balance."""
    return max(1, min(MAX_CHUNK, n_tasks // (workers * 8) or 1))


def run(
    tasks: list[Task],
    pipeline: Pipeline,
    workers: int,
    *,
    force: bool = False,
    on_result: Callable[[Result], None] | None = None,
    client: Any = None,
) -> Totals:
    """Process every task (in ``workers`` processes) and add up the results.

    A write that fails because the disk is full stops the batch (every file after
    it would fail too); ``totals.stopped`` says so.

    With a ``distributed.Client`` the cleaning runs on its cluster instead: this
    process reads each input and writes its outputs (the workers need no access to
    the files), the workers only clean. Results come in the same order either way.
    """
    totals = Totals()
    workers = max(1, min(workers, len(tasks)))
    size = chunk_size(len(tasks), capacity(workers, client))
    results: Iterable[Result]
    if client is None:
        # the workers read and write: only the tasks travel
        fn = _process_forced if force else _process
        chunks = map_chunks(fn, chunked(tasks, size), pipeline, workers, on_crash=_crashed)
        results = (result for chunk in chunks for result in chunk)
    else:
        # the cluster's workers need no access to the files: this process reads and writes
        prepared = (
            [prepare(task, force, pipeline.config.max_bytes) for task in chunk] for chunk in chunked(tasks, size)
        )
        results = (
            write_cleaned(item)
            for chunk in map_chunks(clean_prepared, prepared, pipeline, workers, client)
            for item in chunk
        )
    for result in results:
        totals.add(result)
        if on_result:
            on_result(result)
        if result.stop:
            totals.stopped = f"{result.error}: the batch stopped there; free some space and run it again to resume"
            break
    return totals


def finished(tasks: list[Task], workers: int, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many of ``tasks`` a re-run would skip as done (:func:`prepare`'s test), looking
    as far as ``workers`` can have in flight. After Ctrl-C, these are the inputs the
    workers cleaned but had not reported yet: results are reported in order, so they
    follow the last one."""
    ahead = (prepare(task, max_bytes=max_bytes) for task in tasks[: 3 * max(1, workers) * MAX_CHUNK])
    return sum(isinstance(found, Result) and found.status == "skipped" for found in ahead)
