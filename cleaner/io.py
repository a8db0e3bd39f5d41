"""Reading inputs and naming outputs."""

from __future__ import annotations

import gzip
from pathlib import Path


class InputError(Exception):
    """An input that cannot be cleaned; the message names the file and the problem."""


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a valid gzip file: {exc}") from exc
    return data


def decode(data: bytes, name: str | Path = "<input>") -> str:
    """Bytes to text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})") from exc


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_html_name(path: Path | str) -> bool:
    """Whether a file name says HTML: ``.html``, ``.htm`` (``.xhtml``), or ``.gz`` of one."""
    path = Path(path)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.suffix.lower() in HTML_SUFFIXES


def read_input(path: Path, kind: str = "auto") -> tuple[str | bytes, str]:
    """(content, kind) of one input file.

    HTML (named so, forced, or detected from the content) is returned as bytes, for
    the extractor to find its encoding; text must be UTF-8 and is returned decoded.
    """
    return as_input(read_bytes(path), path, kind)


def as_input(data: bytes, path: Path | str, kind: str = "auto") -> tuple[str | bytes, str]:
    """(content, kind) of an input's bytes: see :func:`read_input`."""
    from .html import looks_like_html

    if kind == "auto" and (is_html_name(path) or looks_like_html(data)):
        kind = "html"
    if kind == "html":
        return data, kind
    return decode(data, path), kind


def output_stem(relative: Path) -> Path:
    """``a/b.html.gz`` -> ``a/b``: the name an input's outputs share."""
    if relative.suffix == ".gz":
        relative = relative.with_suffix("")
    return relative.with_suffix("") if relative.suffix else relative
