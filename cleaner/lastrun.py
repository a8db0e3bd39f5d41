"""What the last run left for an input: whether it is done, and whether its outputs are a run's.

A re-run skips every input whose content hash and configuration match its metadata
file, so an interrupted run resumes where it stopped; a file in an output's place
that no run wrote is not replaced.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .plan import Task


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def last_run(task: Task) -> dict[str, Any] | None:
    """The metadata a run before wrote for the task's input (None: none, or not a cleaner's)."""
    if task.meta is None:
        return None
    try:
        meta = json.loads(task.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and "input_sha256" in meta else None


def up_to_date(task: Task, last: dict[str, Any] | None, digest: str) -> bool:
    """Whether the metadata of the ``last`` run says this very content was cleaned with this configuration."""
    return (
        last is not None
        and task.body.exists()
        and last.get("input_sha256") == digest
        and last.get("config_sha256") == task.config_sha256
    )


def foreign(task: Task, last: dict[str, Any] | None) -> Path | None:
    """An output's place taken by a file no cleaner run wrote (the crawler's page.json, the
    user's page.txt): it is not replaced. The metadata is written before the body, so a
    body without it is not a run's either."""
    if task.in_place or last is not None:
        return None
    return next((path for path in (task.meta, task.body) if path and (path.is_file() or path.is_symlink())), None)


#: Why an input is not cleaned: a file that is not cleaner's is where its output goes.
FOREIGN = "is not an output of cleaner's; not replaced (move it, or choose another --out)"
