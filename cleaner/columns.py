"""Documents in columns: a batch of texts cleaned into columns of bodies and metadata.

What :func:`cleaner.dask.clean_dataframe` adds to a partition and
:func:`cleaner.hf.clean_batch` to a batch of a Hugging Face dataset: the cleaned
text, one column per metadata key every document carries (``None`` where unknown,
so that every batch has the same columns; ``comments``, a list of texts, when the
readers' comments are kept apart), and ``removed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .document import metadata_keys
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
        doc = pipeline.clean(
            text,
            id=None if ident is None else str(ident),
            url=urls[i] if urls is not None else None,
            source=sources[i] if sources is not None else None,
        )
        columns["text"][i] = doc.text
        for key in keys:
            columns[key][i] = doc.metadata.get(key)
        columns["removed"][i] = len(doc.removed) if removed == "count" else [r.to_dict() for r in doc.removed]
    return columns
