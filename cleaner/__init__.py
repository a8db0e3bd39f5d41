"""cleaner: strip boilerplate from scraped text and HTML, keep the article and its metadata."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .caches import clear_caches
from .config import Config, ConfigError
from .document import Document, Removal
from .pipeline import Pipeline

__version__ = "0.1.0"
__all__ = ["Config", "ConfigError", "Document", "Pipeline", "Removal", "clean", "clear_caches", "__version__"]


@lru_cache(maxsize=8)
def _pipeline(disable: frozenset[str], kind: str, comments: str) -> Pipeline:
    return Pipeline(Config(disable=disable, kind=kind, comments=comments))


def clean(
    raw: str | bytes | os.PathLike[str],
    url: str | None = None,
    *,
    kind: str = "auto",
    disable: str | Iterable[str] = (),
    config: Config | None = None,
    encoding: str | None = None,
    comments: str | None = None,
) -> Document:
    """Clean one scraped page (plain text or HTML) into a :class:`Document`.

    ``doc.text`` is the article body, ``doc.metadata`` what was learned about it
    (title, author, date, site, language, source; for HTML also url, description,
    categories and tags), ``doc.removed`` what was taken out. HTML is recognised from
    the content, or forced with ``kind="html"``; a page with no article gives an empty
    body and a removal by filter ``"html"`` saying so.

    Bytes are decoded as browsers decode them: a BOM, then UTF-8 if they are valid
    UTF-8, then ``encoding`` (a charset the transport declared, such as an HTTP
    ``Content-Type`` header's), then the page's own ``<meta charset>``, then
    detection; ``clean(data)`` is ``clean(text)`` for the text they decode to.

    A path (``Path("page.html.gz")``) is the file's page, read as ``cleaner clean FILE``
    reads it: gzip by its name, HTML by its name or content, no larger than ``max_bytes``, a
    JSONL or WARC file refused; the metadata's ``source`` is the path.

    ``disable`` names the filters switched off (one name, or several), besides ``config``'s.

    ``comments`` (over ``config``'s; default ``"drop"``): readers' comments are dropped with
    the page's chrome, kept apart in ``doc.metadata["comments"]`` (``"separate"``: a list
    of texts, one a comment), or kept in the body after the article (``"keep"``).
    """
    if url is not None and not isinstance(url, str):  # (a dataframe's NaN, a number: refused by name)
        raise TypeError(f"clean() takes url as a str, not {type(url).__name__}")
    names = [disable] if isinstance(disable, str) else list(disable)
    if config:
        pipeline = Pipeline(config.with_overrides(disable=names, comments=comments))
    else:
        pipeline = _pipeline(frozenset(names), kind, comments or "drop")
    if isinstance(raw, os.PathLike):
        return _clean_file(Path(raw), pipeline, url, kind, encoding)
    return pipeline.clean(raw, url=url, kind=kind if kind != "auto" else None, encoding=encoding)


def _clean_file(path: Path, pipeline: Pipeline, url: str | None, kind: str, encoding: str | None) -> Document:
    """A file's page cleaned as the command line cleans it (see :func:`clean`)."""
    from .inputs import InputError, input_kind, read_bytes
    from .jsonl import STREAM, is_stream

    if is_stream(path):  # (as the command line refuses one)
        raise InputError(f"{path}: {STREAM}")
    data = read_bytes(path, pipeline.config.max_bytes)
    told = input_kind(data, path, kind if kind != "auto" else pipeline.config.kind)
    return pipeline.clean(data, url=url, source=str(path), kind=told, encoding=encoding)
