"""Planning a batch: its inputs, and where each one's body and metadata go (a :class:`Task` each).

Outputs: the body goes to ``OUT/<rel stem>.txt`` and the metadata to
``OUT/<rel stem>.json`` (metadata fields, ``removed``, ``input_sha256`` and
``config_sha256``). With ``in_place`` the body replaces the input itself and the
metadata goes to a sidecar ``<file>.cleaner.json`` beside it. Inputs that would
clash, and outputs that would overwrite an input, are refused before any work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .folders import SIDECAR_SUFFIX, iter_inputs
from .inputs import is_html_name, output_stem
from .jsonl import STREAM, is_stream
from .pipeline import Pipeline
from .results import Result


class BatchError(Exception):
    """A batch that must not start (it would overwrite its own inputs); the message says why."""


@dataclass(frozen=True)
class Task:
    """One input and where its outputs go."""

    path: Path  # the input file
    body: Path  # where the cleaned body is written (the input itself in place)
    meta: Path | None  # where the metadata goes; None: nowhere
    config_sha256: str = ""  # fingerprint of the configuration, for resuming
    in_place: bool = False


def config_record(pipeline: Pipeline) -> dict[str, Any]:
    """What of the configuration shapes the outputs (written into each metadata file)."""
    c = pipeline.config
    record = {
        "version": __version__,
        "disable": sorted(c.disable),
        "language": c.language,
        "kind": c.kind,
        "filters": c.filters,
    }
    # (the default left out: metadata files written before the option stay up to date)
    return record | {"comments": c.comments} if c.comments != "drop" else record


def config_fingerprint(pipeline: Pipeline) -> str:
    blob = json.dumps(config_record(pipeline), sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def plan(
    sources: list[Path],
    pipeline: Pipeline,
    out: Path | None = None,
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    in_place: bool = False,
    sidecar: bool = True,
    unmatched: list[Path] | None = None,
) -> tuple[list[Task], list[Result]]:
    """The tasks for a batch, and the inputs refused before any work (missing, clashing).

    With ``--out``, a folder's tree is mirrored under OUT; with more than one folder
    among ``sources``, each under its own name (OUT/a/..., OUT/b/...). Folders in which
    no file passes ``include``/``exclude`` are added to ``unmatched``. Raises
    :class:`BatchError` when the outputs would overwrite an input.
    """
    if in_place == (out is not None):
        raise BatchError("give either --out DIR or --in-place")
    fingerprint = config_fingerprint(pipeline)
    found, problems = _find(sources, include, exclude, unmatched)
    if in_place:
        return _in_place(found, problems, sources, bool(include), sidecar, fingerprint)
    assert out is not None
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out} is a file, not a folder; name a folder for the outputs (or use --in-place)")
    root = out.resolve()
    for src in sources:
        if src.is_dir() and _inside(root, src.resolve()):
            raise BatchError(
                f"--out {out} lies inside the input folder {src}; choose a folder outside it (or use --in-place)"
            )
    inputs = {path.resolve() for path, _ in found}
    tasks = []
    for path, rel in found:
        stem = out / output_stem(rel)
        body, meta = stem.with_name(stem.name + ".txt"), stem.with_name(stem.name + ".json")
        for target in (body, meta):
            if target.resolve() in inputs:
                raise BatchError(
                    f"writing {target} would overwrite an input; choose another --out (or use --in-place)"
                )
        tasks.append(Task(path, body, meta, fingerprint))
    return _unique(tasks, problems)


def _in_place(
    found: list[tuple[Path, Path]], problems: list[Result], sources: list[Path], included: bool, sidecar: bool, fp: str
) -> tuple[list[Task], list[Result]]:
    """The tasks of a batch in place (see :func:`_text_in_place` and :func:`_links_outside`)."""
    found, others = _text_in_place(found, sources, included)
    found, outside = _links_outside(found, sources)
    tasks = [
        Task(path, path, path.with_name(path.name + SIDECAR_SUFFIX) if sidecar else None, fp, True)
        for path, _ in found
    ]
    return _unique(tasks, problems + others + outside)


#: Names of text files: in place, the only files of a folder rewritten unless ``--include`` picks them.
TEXT = (".txt", ".txt.gz")
#: Why another file of a folder is left as it is in place (a script, a table, notes beside the corpus).
NOT_TEXT = "not named .txt; left as it is (in place, a folder's other files are rewritten if --include picks them)"


def _text_in_place(
    found: list[tuple[Path, Path]], sources: list[Path], included: bool
) -> tuple[list[tuple[Path, Path]], list[Result]]:
    """The inputs to rewrite in place, and the folders' files that are not (named): a file
    named on the command line, or picked by ``--include``, is rewritten; else only ``.txt``
    files are, and HTML pages (:data:`HTML_IN_PLACE` names them when they are read)."""
    if included:
        return found, []
    named = {src for src in sources if not src.is_dir()}
    keep = [(p, rel) for p, rel in found if p in named or p.name.lower().endswith(TEXT) or is_html_name(p)]
    kept = {p for p, _ in keep}
    return keep, [Result.failed(p, f"{p}: {NOT_TEXT}") for p, _ in found if p not in kept]


#: Why a folder's link to a file outside the folders given is not followed in place.
LINK_OUTSIDE = "a link to a file outside the folders given; left as it is (name the link to clean that file in place)"


def _links_outside(
    found: list[tuple[Path, Path]], sources: list[Path]
) -> tuple[list[tuple[Path, Path]], list[Result]]:
    """In place, a folder's walk rewrites no file outside the folders given: a link found in one
    that names such a file is left (named on the command line, it is followed)."""
    folders = [src.resolve() for src in sources if src.is_dir()]
    named = {src for src in sources if not src.is_dir()}

    def outside(path: Path) -> bool:
        return path not in named and path.is_symlink() and not any(_inside(path.resolve(), f) for f in folders)

    return [(p, rel) for p, rel in found if not outside(p)], [
        Result.failed(p, f"{p}: {LINK_OUTSIDE}") for p, _ in found if outside(p)
    ]


def _find(
    sources: list[Path], include: Iterable[str], exclude: Iterable[str], unmatched: list[Path] | None
) -> tuple[list[tuple[Path, Path]], list[Result]]:
    """(input, path its outputs mirror) for every input, and the sources that do not exist."""
    folders = sum(1 for src in sources if src.is_dir())
    found: list[tuple[Path, Path]] = []
    problems: list[Result] = []
    for src in sources:
        if not src.exists():
            problems.append(Result.failed(src, f"{src}: no such file or folder"))
            continue
        here = list(iter_inputs([src], include, exclude))
        problems += [Result.failed(path, f"{path}: {STREAM}") for path, _ in here if is_stream(path)]
        here = [(path, rel) for path, rel in here if not is_stream(path)]
        if src.is_dir() and folders > 1:
            here = [(path, Path(src.resolve().name, rel)) for path, rel in here]
        if not here and unmatched is not None:
            unmatched.append(src)
        found.extend(here)
    return found, problems


def _unique(tasks: list[Task], problems: list[Result]) -> tuple[list[Task], list[Result]]:
    """Refuse every task whose output another task already writes (a.txt and a.html).

    The same input named twice (a folder and a file in it) is simply cleaned once.
    """
    owner: dict[Path, Task] = {}
    kept: list[Task] = []
    for task in tasks:
        key = task.body.resolve()
        first = owner.setdefault(key, task)
        if first is task:
            kept.append(task)
        elif first.path.resolve() != task.path.resolve():
            problems.append(
                Result.failed(task.path, f"{task.path}: same output {task.body} as {first.path}; not cleaned")
            )
    return kept, problems
