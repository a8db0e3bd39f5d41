"""Code that mirrors a library's internals, the check that those are still the ones reviewed,
and the fall-back to the library when they are not.

:mod:`cleaner.parse`, :mod:`cleaner.metadata`, :mod:`cleaner.precise` and
:mod:`cleaner.sections` follow trafilatura's own code step by step, and
:mod:`cleaner.datesearch` htmldate's; each pins a SHA-1 of the library source it was
checked against and uses the library itself when the installed code differs, when the
code cannot be read, or when the shortcut raises anything at all: a renamed private
helper must cost speed, never a page. The versions reviewed are pinned in
``constraints.txt``.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")

_warned: set[str] = set()


def sources(*objects: Any) -> list[str]:
    """The source code of functions or classes, for :func:`matches`."""
    return [inspect.getsource(obj) for obj in objects]


def matches(expected: str, parts: Callable[[], Iterable[str]]) -> bool:
    """Whether the SHA-1 of ``parts()`` (joined by newlines) is ``expected``; False
    when the parts cannot be had at all (a build without sources, a name gone)."""
    try:
        return hashlib.sha1("\n".join(parts()).encode()).hexdigest() == expected
    except Exception as err:  # any surprise means "not the code reviewed"
        _warn_once("fingerprint", err)
        return False


def shortcut_or_library(name: str, shortcut: Callable[[], T], library: Callable[[], T]) -> T:
    """``shortcut()``, or ``library()`` when the shortcut raises anything.

    The library must start from the page the shortcut was given: a shortcut that only
    reads its input (the parse's, the metadata's) leaves it as it was, and one that
    prunes the tree it is given (the extraction's) hands the library a fresh parse.
    """
    try:
        return shortcut()
    except Exception as err:  # a mirror of private code: any error is the library's to answer
        _warn_once(name, err)
    return library()


def xpath_any(value: str, words: tuple[str, ...] = (), starts: tuple[str, ...] = ()) -> str:
    """An XPath test that ``value`` (``@class``, or ``.`` on an attribute) starts with one of
    ``starts`` or contains one of ``words``: ``re:test(value, '^s|w')`` for literal
    alternatives, in C (libxml2 calls back into Python for every element a ``re:test``
    reads). A start ending in "(?!ary)" must not go on with "ary", as in the pattern."""
    tests = []
    for word in starts:
        stem = word.removesuffix("(?!ary)")
        test = f"starts-with({value}, '{stem}')"
        tests.append(f"({test} and not(starts-with({value}, '{stem}ary')))" if stem != word else test)
    return " or ".join(tests + [f"contains({value}, '{w}')" for w in words])


class Swap:
    """Names in a library's modules swapped for a shortcut's while ``with swap():`` blocks
    run. ``names()`` gives the (module, name) pairs; ``shortcuts(own)``, given the library's
    own value of each name, gives the shortcut of each name, or None to put nothing in (the
    code is not the one reviewed). Nothing is put in when a module lacks a name. The swap is
    for the process: a thread running the library beside ours reads the shortcuts too, which
    must find what the library's own find. Threads inside at once share one swap, undone when
    the last of them is done (each undoing its own left the shortcuts in place for good when
    two overlapped)."""

    def __init__(
        self,
        names: Callable[[], list[tuple[Any, str]]],
        shortcuts: Callable[[dict[str, Any]], dict[str, Any] | None],
    ):
        self.names = names
        self.shortcuts = shortcuts
        self.lock = threading.Lock()
        self.inside = 0
        self.saved: list[tuple[Any, str, Any]] | None = None

    def swap_in(self) -> list[tuple[Any, str, Any]] | None:
        """Put the shortcuts in: the (module, name, library's own) to put back, or None if
        nothing was put in."""
        saved = [(module, name, getattr(module, name, None)) for module, name in self.names()]
        if any(own is None for _, _, own in saved):
            return None
        ours = self.shortcuts({name: own for _, name, own in saved})
        if ours is None:
            return None
        for module, name, _ in saved:
            setattr(module, name, ours[name])
        return saved

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self.lock:
            if self.inside == 0:
                self.saved = self.swap_in()
            self.inside += 1
        try:
            yield
        finally:
            with self.lock:
                self.inside -= 1
                if self.inside == 0 and self.saved is not None:
                    for module, name, own in self.saved:
                        setattr(module, name, own)
                    self.saved = None


def _warn_once(name: str, err: Exception) -> None:
    """Log a shortcut's failure once per process (the next pages fail the same way)."""
    if name not in _warned:
        _warned.add(name)
        LOGGER.warning("%s shortcut failed (%s: %s); using the library's own code", name, type(err).__name__, err)
