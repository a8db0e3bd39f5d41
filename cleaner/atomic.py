"""Writing files atomically: a reader, or a crash, sees the old file or the new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO


@lru_cache(maxsize=1)
def new_file_mode() -> int:
    """The mode an ordinary write gives a new file: 0o666 less the umask (read once:
    the umask can only be read by setting it)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_open(path: Path, mode: int | None = None) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` through: a temporary file beside it, renamed over
    ``path`` when the block ends without error and removed when it does not.

    A reader (or a crash) sees the old file or the new one, never half of one. The
    file gets ``mode`` if given, else the mode an ordinary write would leave: that of
    the file it replaces, or :func:`new_file_mode` (not the temporary file's 0o600);
    and the owner of the file it replaces, where this user may give it (root may).
    """
    try:
        old: os.stat_result | None = os.stat(path)
    except OSError:
        old = None
    if mode is None:
        mode = old.st_mode & 0o7777 if old else new_file_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _same_owner(tmp, old)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _same_owner(tmp: str, old: os.stat_result | None) -> None:
    """Give ``tmp`` the owner and group of the file it replaces, if they differ and this
    user may (root rewriting a user's file in place: else the user could not write it)."""
    if old is None or not hasattr(os, "chown"):
        return
    try:
        st = os.stat(tmp)
        if (st.st_uid, st.st_gid) != (old.st_uid, old.st_gid):
            os.chown(tmp, old.st_uid, old.st_gid)
    except OSError:
        pass  # not ours to give: the file is this user's, as any file it writes


def atomic_write(path: Path, data: bytes | Callable[[IO[bytes]], None], mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_open`): bytes, or a function
    that writes them to the file it is given (a large file written as it is made)."""
    with atomic_open(path, mode) as fh:
        if isinstance(data, bytes):
            fh.write(data)
        else:
            data(fh)
