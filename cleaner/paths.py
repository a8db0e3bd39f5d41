"""Finding inputs and naming outputs without losing or overwriting anything.

* :func:`walk_inputs` lists every file under the sources, following folder symlinks
  once (a symlink loop is cut, not followed forever), skipping the output folder
  when it lies inside an input folder, and yielding non-regular entries (FIFOs,
  dangling symlinks) too, so that reading them reports them by name.
* :func:`plan_outputs` gives every input its own output stem: two inputs whose
  names differ only in their extension (``a.txt``, ``a.html``, ``a.txt.gz``) would
  share ``a``; all but the first then keep their full name (``a.html``), and a
  number is added if even that is taken.
* :func:`safe_output` refuses a stem that would leave the output folder (``..``,
  absolute paths, e.g. from ids in a JSONL file) or land on an input.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Iterable, Iterator

from .io import InputError, output_stem


def _real(path: Path) -> str:
    return os.path.realpath(path)


def walk_inputs(sources: Iterable[Path], exclude: Iterable[Path] = ()) -> Iterator[tuple[Path, Path]]:
    """(path, path relative to its source) of every file under ``sources``, sorted."""
    excluded = {_real(p) for p in exclude}
    for src in sources:
        if not src.is_dir():
            yield src, Path(src.name)
            continue
        visited: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(src, followlinks=True):
            real = _real(Path(dirpath))
            if real in visited or real in excluded:
                dirnames[:] = []
                continue
            visited.add(real)
            kept = []
            for d in sorted(dirnames):
                full = Path(dirpath) / d
                target = _real(full)
                if target in excluded or target in visited:
                    continue  # the output folder, or a symlink back to a folder seen
                kept.append(d)
            dirnames[:] = kept
            for name in sorted(filenames):
                path = Path(dirpath) / name
                yield path, path.relative_to(src)


def plan_outputs(relatives: Iterable[PurePath]) -> dict[PurePath, PurePath]:
    """A distinct output stem for each input's relative path (see the module doc)."""
    rels = list(dict.fromkeys(relatives))
    by_stem: dict[str, list[PurePath]] = {}
    for rel in rels:
        by_stem.setdefault(str(output_stem(Path(rel))).casefold(), []).append(rel)
    taken: set[str] = set()
    plan: dict[PurePath, PurePath] = {}
    for rel in rels:  # first pass: each stem to the first input that wants it
        stem = output_stem(Path(rel))
        key = str(stem).casefold()
        if by_stem[key][0] == rel:
            plan[rel] = stem
            taken.add(key)
    for rel in rels:  # second pass: the others keep their full name, or get a number
        if rel in plan:
            continue
        candidate, n = PurePath(rel), 2
        while str(candidate).casefold() in taken:
            candidate = PurePath(f"{rel}~{n}")
            n += 1
        plan[rel] = candidate
        taken.add(str(candidate).casefold())
    return plan


def safe_output(out: Path, stem: PurePath, suffix: str, inputs: set[str] | None = None) -> Path:
    """``out/stem + suffix``, or :class:`InputError` if that would leave ``out`` or hit an input."""
    if stem.is_absolute() or ".." in stem.parts or not stem.parts:
        raise InputError(f"{stem}: output name would be outside the output folder {out}")
    target = out / (str(stem) + suffix)
    root = _real(out)
    real = _real(target)
    if os.path.commonpath([root, real]) != root:
        raise InputError(f"{stem}: output {target} would be outside the output folder {out}")
    if inputs and real in inputs:
        raise InputError(f"{stem}: output {target} would overwrite an input file")
    return target
