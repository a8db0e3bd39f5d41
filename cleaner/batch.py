"""Cleaning folders of files: plan inputs to outputs, clean each one, add up the results.

The unit of work is :func:`process_one`: it takes a :class:`Task` (an input path and
where its body and metadata go), reads and cleans the file in the calling process,
writes the outputs atomically and returns a small picklable :class:`Result`. The
runner (:func:`run`) sends tasks, not file contents, to worker processes; on a Dask
cluster it reads and writes here and sends contents (see :func:`clean_prepared`).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .dispatch import capacity, map_chunks
from .inputs import DEFAULT_MAX_BYTES, InputError, read_bytes
from .lastrun import sha256
from .parallel import CRASHED, chunked
from .pipeline import Pipeline
from .plan import Task
from .prepare import Cleaned, clean_prepared, prepare
from .results import Result, Sidecar, Totals


def finished(tasks: list[Task], workers: int, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many of ``tasks`` a re-run would skip as done (:func:`prepare`'s test), looking
    as far as ``workers`` can have in flight. After Ctrl-C, these are the inputs the
    workers cleaned but had not reported yet: results are reported in order, so they
    follow the last one."""
    ahead = (prepare(task, max_bytes=max_bytes) for task in tasks[: 3 * max(1, workers) * MAX_CHUNK])
    return sum(isinstance(found, Result) and found.status == "skipped" for found in ahead)


#: Why a file is not cleaned in place: its permissions say it is not to be written.
READ_ONLY = "read-only; left as it is (make it writable to clean it in place)"


def _read_only(path: Path) -> bool:
    """Whether ``path`` may not be written: by this user (root may write anything), or by
    anyone, as its mode says. A rename over it would replace it all the same."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # gone (os.access would say "not writable"): :func:`_changed` says so
    return not os.access(path, os.W_OK) or not mode & 0o222


#: Why a file is not rewritten in place: it changed, or went, while it was cleaned.
CHANGED = "changed while it was being cleaned; left as it is (run again to clean it)"
GONE = "removed while it was being cleaned; nothing written in its place"


def _changed(path: Path, read: tuple[int, str] | None) -> str | None:
    """Why the input at ``path`` no longer holds what was ``read`` (length, hash) and
    cleaned (a writer appended to it, an editor saved it, it was deleted), or None: its
    rewrite would lose that, or bring it back."""
    if read is None:
        return None
    if not os.path.lexists(path):
        return GONE
    try:
        return None if sha256(read_bytes(path, read[0])) == read[1] else CHANGED
    except InputError:
        return CHANGED  # longer than it was, or no longer readable: not what was cleaned


#: Write errors after which no other file can be written either.
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def write_cleaned(item: Cleaned | Result) -> Result:
    """Write what :func:`clean_prepared` produced (atomically); the input's final result.

    If a later file fails, the outputs written before it for this input are removed
    (metadata without its body would say the input was cleaned); an input rewritten
    in place stays rewritten: its text is the cleaned one either way.
    """
    if isinstance(item, Result):
        return item
    locked = [path for path, _, in_place in item.writes if in_place and _read_only(path)]
    if locked:
        return Result.failed(item.result.path, f"{locked[0]}: {READ_ONLY}")
    moved = [(path, why) for path, _, in_place in item.writes if in_place and (why := _changed(path, item.read))]
    if moved:
        return Result.failed(item.result.path, f"{moved[0][0]}: {moved[0][1]}")
    done: list[Path] = []
    try:
        for target, data, in_place in item.writes:
            if in_place:  # through a symlink to the file it names: the link stays a link
                target = target.resolve()
            atomic_write(target, data.write if isinstance(data, Sidecar) else data)  # (a Sidecar as it is encoded)
            if not in_place:
                done.append(target)
    except OSError as exc:
        for path in done:
            path.unlink(missing_ok=True)
        why = f"cannot write {target}: {exc.strerror or exc}"
        result = Result.failed(item.result.path, f"{item.result.path}: {why}")
        result.stop = exc.errno in DISK_FULL
        return result
    return item.result


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


# -- the batch ---------------------------------------------------------------------------


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
