"""Which files of the folders given are a batch's inputs.

Hidden files, cleaner's own outputs (sidecars, the metadata beside a page) and its
``--report`` pages are passed over; ``--include``/``--exclude`` globs apply.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .inputs import output_stem

SIDECAR_SUFFIX = ".cleaner.json"
#: Names of JSON files: in a folder, ``X.json`` beside a page ``X.*`` is that page's metadata.
JSON = (".json", ".json.gz")
#: The head of every ``--report`` page (within its first ``REPORT_HEAD`` bytes): in folders such a
#: page is passed over, and ``--report`` overwrites no other file.
REPORT_GENERATOR = b'<meta name="generator" content="cleaner '
REPORT_HEAD = 1024


def _matches(rel: Path, patterns: Iterable[str]) -> bool:
    """Whether a glob matches the path relative to its source folder, or one of its folders
    (as git, ruff and black exclude a folder so named: ``drafts``, ``news/drafts``); a glob
    ending in "/" matches folders only."""
    folders = [folder for folder in rel.parents if folder.parts]
    for pattern in patterns:
        glob = pattern.rstrip("/")
        if glob != pattern:
            if any(_glob_matches(folder, glob) for folder in folders):
                return True
        elif any(_glob_matches(path, glob) for path in (rel, *folders)):
            return True
    return False


def _glob_matches(rel: Path, pattern: str) -> bool:
    """Glob match on a path relative to its source folder, or on the bare name.

    ``*`` also crosses ``/``; ``**/`` matches any number of folders, none included (a
    leading one: the top level; ``news/**/*.html``: ``news/b.html`` too).
    """
    posix = rel.as_posix()
    bare = pattern[3:] if pattern.startswith("**/") else pattern
    if any(fnmatch.fnmatchcase(posix, p) for p in (pattern, bare, bare.replace("/**/", "/"))):
        return True
    return "/" not in bare and fnmatch.fnmatchcase(rel.name, bare)


def iter_inputs(
    sources: Iterable[Path], include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Iterator[tuple[Path, Path]]:
    """Yield (file, path relative to the folder it was found under), sorted per source.

    Files given by name are always taken. In folders, hidden files and folders
    (``.git``), our own sidecars, the metadata beside a page (``X.json`` beside ``X.txt``,
    as ``--out`` writes it, or beside ``X.html``, as a crawler does: its outputs would be
    that page's) and our ``--report`` pages are passed over, and ``include``/``exclude``
    globs apply to the path relative to the folder.
    """
    include, exclude = list(include), list(exclude)
    for src in sources:
        if not src.is_dir():
            yield src, Path(src.name)
            continue
        for folder, dirs, files in os.walk(src):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            metadata = {f"{output_stem(Path(name))}.json" for name in files if not name.endswith(JSON)}
            for name in sorted(files):
                if name.startswith(".") or name.endswith(SIDECAR_SUFFIX) or name in metadata:
                    continue
                path = Path(folder, name)
                rel = path.relative_to(src)
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                if name.endswith(".html") and is_report(path):
                    continue
                yield path, rel


def is_report(path: Path) -> bool:
    """Whether ``path`` is a page ``--report`` wrote (one that cannot be read is not: its reader says why)."""
    try:
        with open(path, "rb") as fh:
            return REPORT_GENERATOR in fh.read(REPORT_HEAD)
    except OSError:
        return False
