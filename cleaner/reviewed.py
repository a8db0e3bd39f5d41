"""Code that mirrors a library's internals, and the check that those are still the ones reviewed.

:mod:`cleaner.metadata` and :mod:`cleaner.parse` follow trafilatura's own functions
step by step; each pins a SHA-1 of the trafilatura source it was checked against and
falls back on trafilatura itself when the installed code differs.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Iterable
from typing import Any


def sources(*objects: Any) -> list[str]:
    """The source code of functions or classes, for :func:`matches`."""
    return [inspect.getsource(obj) for obj in objects]


def matches(expected: str, parts: Callable[[], Iterable[str]]) -> bool:
    """Whether the SHA-1 of ``parts()`` (joined by newlines) is ``expected``; False
    when the source cannot be read (a build without it)."""
    try:
        return hashlib.sha1("\n".join(parts()).encode()).hexdigest() == expected
    except (OSError, TypeError):
        return False
