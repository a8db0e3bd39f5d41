"""Writing one cleaned task's outputs, each atomically: into --out, or over the input in place.

An input rewritten in place is not replaced if it may not be written, or if it has
changed (or gone) since it was read; a full disk stops the batch (see ``Result.stop``).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .atomic import atomic_write
from .inputs import InputError, read_bytes
from .lastrun import sha256
from .prepare import Cleaned
from .results import Result, Sidecar

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
