"""Writing files atomically: a reader, or a crash, sees the old file or the new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
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
    the file it replaces, or :func:`new_file_mode` (not the temporary file's 0o600).
    """
    if mode is None:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = new_file_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_open`)."""
    with atomic_open(path, mode) as fh:
        fh.write(data)
