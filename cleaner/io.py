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


def output_stem(relative: Path) -> Path:
    """``a/b.html.gz`` -> ``a/b``: the name an input's outputs share."""
    if relative.suffix == ".gz":
        relative = relative.with_suffix("")
    return relative.with_suffix("") if relative.suffix else relative
