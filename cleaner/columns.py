"""Documents in columns: a batch of texts cleaned into columns of bodies and metadata.

What :func:`cleaner.dask.clean_dataframe` adds to a partition and
:func:`cleaner.hf.clean_batch` to a batch of a Hugging Face dataset: the cleaned
text, one column per metadata key every document carries (``None`` where unknown,
so that every batch has the same columns; ``comments``, a list of texts, when the
readers' comments are kept apart), and ``removed``. A row with no text (null, NaN) or
one that cannot be cleaned keeps a null body: one bad row does not stop the batch.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any

from .document import Document, metadata_keys
from .inputs import InputError
from .pipeline import Pipeline

#: How ``removed`` is given: the number of pieces removed, or the list of removal records.
REMOVED_FORMS = ("count", "list")


def clean_columns(
    get_pipeline: Callable[[], Pipeline],
    texts: Sequence[Any],
    *,
    ids: Sequence[Any] | None = None,
    urls: Sequence[Any] | None = None,
    sources: Sequence[Any] | None = None,
    removed: str = "count",
    comments: str = "drop",
) -> dict[str, list[Any]]:
    """``{"text": bodies, "title": [...], ..., "removed": [...]}`` for ``texts``, in order.

    ``get_pipeline`` is called only when there is a text to clean (a dataframe's empty
    sample partition needs none built); ``comments`` is its configuration's (the columns
    of an empty batch depend on it too).
    """
    if removed not in REMOVED_FORMS:
        raise ValueError(f"removed must be 'count' or 'list', not {removed!r}")
    n = len(texts)
    keys = metadata_keys(comments)
    columns: dict[str, list[Any]] = {key: [None] * n for key in ("text", *keys, "removed")}
    pipeline = get_pipeline() if n else None
    for i, text in enumerate(texts):
        assert pipeline is not None
        ident = ids[i] if ids is not None else None
        doc = _cleaned(
            pipeline,
            text,
            id=None if ident is None else str(ident),
            url=urls[i] if urls is not None else None,
            source=sources[i] if sources is not None else None,
        )
        if doc is None:  # the row's columns stay null; nothing was removed
            columns["removed"][i] = 0 if removed == "count" else []
            continue
        columns["text"][i] = doc.text
        for key in keys:
            columns[key][i] = doc.metadata.get(key)
        columns["removed"][i] = len(doc.removed) if removed == "count" else [r.to_dict() for r in doc.removed]
    return columns


def _cleaned(pipeline: Pipeline, text: Any, **where: Any) -> Document | None:
    """One row's document, or ``None`` for a row with no text (a null, a dataframe's NaN)
    or one that cannot be cleaned (binary, too large: a warning says why): one bad row
    must not stop the batch."""
    if not isinstance(text, (str, bytes)):
        return None
    try:
        return pipeline.clean(text, **where)
    except InputError as exc:
        row = where["id"] or where["source"] or where["url"] or "a row"
        warnings.warn(f"{row}: {exc}; its body is null", stacklevel=2)
        return None
