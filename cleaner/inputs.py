"""Reading inputs and naming outputs.

Everything that turns a file into text goes through here, so that a batch over
millions of unseen files meets one policy:

* a file larger than ``max_bytes`` (after decompression, for ``.gz``) is refused;
  gzip is decompressed as a stream and stopped at the limit, never in full;
* known binary formats (PDF, images, archives, executables...) are refused by their
  magic number, and so is anything with many control characters (NUL bytes included);
* text and HTML alike are decoded by :func:`decode`, in the order browsers follow
  (:mod:`cleaner.charsets`); everything after this module works on ``str``.

Every refusal is an :class:`InputError` whose message names the file and the reason.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .charsets import bom, choose, decode_lenient

#: Default limit on the size of one input, after decompression (bytes).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

#: Share of control characters (other than tab, newlines, form feed) above which a
#: decoded input is taken for binary data.
MAX_CONTROL_SHARE = 0.05

_READ_CHUNK = 1024 * 1024


class InputError(Exception):
    """An input that cannot be cleaned; the message names the file and the problem."""


# Magic numbers of formats that are certainly not text. Checked on the first bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip data: decompress it first, or name the file .gz"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00asm", "WebAssembly module"),
)


def sniff_binary(head: bytes) -> str | None:
    """The name of a binary format ``head`` starts with, if any."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def cannot_read(path: object, exc: OSError) -> str:
    """What a file the system would not let cleaner read is told by: the path and the system's reason."""
    return f"{path}: cannot read: {exc.strerror or exc}"


def _check_regular(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(cannot_read(path, exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, sockets and devices could block forever or never end.
        raise InputError(f"{path}: not a regular file (FIFO, socket or device)")
    return st


def too_large(name: Path | str, limit: int, what: str = "") -> str:
    """Why an input (``what``: "a record of ") over ``max_bytes`` is refused, the setting named."""
    return f"{name}: too large: {what}more than {limit:,} bytes (the max_bytes limit)"


def _too_big(path: Path | str, limit: int, what: str = "") -> InputError:
    return InputError(too_large(path, limit, what))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (decompressed if it ends in ``.gz``), at most ``max_bytes``."""
    st = _check_regular(path)
    gz = is_gzip_name(path)
    if not gz and st.st_size > max_bytes:
        raise _too_big(path, max_bytes)
    try:
        if gz:
            return _read_gzip(path, max_bytes)
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat
    except InputError:
        raise
    except OSError as exc:
        raise InputError(cannot_read(path, exc)) from exc
    if len(data) > max_bytes:
        raise _too_big(path, max_bytes)
    return data


def _read_gzip(path: Path, max_bytes: int) -> bytes:
    return _gunzip(lambda: gzip.open(path, "rb"), path, max_bytes)


def gunzip(data: bytes, name: Path | str, max_bytes: int) -> bytes:
    """Decompress gzip ``data``, stopping as soon as the output passes ``max_bytes``."""
    return _gunzip(lambda: gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb"), name, max_bytes)


def _gunzip(open_gzip: Callable[[], gzip.GzipFile], name: Path | str, max_bytes: int) -> bytes:
    """Decompress what ``open_gzip()`` reads, as a stream, stopping past ``max_bytes``."""
    parts: list[bytes] = []
    total = 0
    try:
        with open_gzip() as fh:
            while True:
                chunk = fh.read(_READ_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise _too_big(name, max_bytes, "decompresses to ")
                parts.append(chunk)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"{name}: not a valid gzip file: {exc or type(exc).__name__}") from exc
    return b"".join(parts)


#: The first bytes of gzip data.
GZIP_MAGIC = b"\x1f\x8b"


def read_stream(stream: IO[bytes], name: str = "-", max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a binary stream (stdin) up to ``max_bytes``; gzip (told by its first bytes,
    as a stream has no name) is decompressed."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(name, max_bytes)
    if data.startswith(GZIP_MAGIC):
        return gunzip(data, name, max_bytes)
    return data


def decode(data: bytes, name: str | Path = "<input>", *, html: bool = False, encoding: str | None = None) -> str:
    """Bytes to text, or :class:`InputError` if they are not text.

    The encoding is chosen as browsers choose it (:mod:`cleaner.charsets`): a BOM,
    then UTF-8 if the bytes are valid UTF-8, then ``encoding`` (a charset the
    transport declared), then, for ``html``, the page's own declaration, then
    detection. Known binary formats and a high share of control characters (NUL
    bytes included) are refused.
    """
    return decode_utf8(data, name, html=html, encoding=encoding)[0]


def decode_utf8(
    data: bytes, name: str | Path = "<input>", *, html: bool = False, encoding: str | None = None
) -> tuple[str, bytes | None]:
    """(:func:`decode` of ``data``, the text's UTF-8: ``data`` itself when it is UTF-8
    without a BOM, else None)."""
    what = sniff_binary(data[:64])
    if what:
        raise InputError(f"{name}: binary file ({what}), not text")
    mark = bom(data)
    if mark:
        try:
            text = data[mark.skip :].decode(mark.codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: starts with a {mark.codec} byte-order mark but is not "
                f"{mark.codec} (byte {exc.start + mark.skip}: {exc.reason})"
            ) from exc
        return _refuse_controls(text, name), None
    try:
        return _refuse_controls(data.decode("utf-8"), name), data
    except UnicodeDecodeError:
        text = decode_lenient(data, choose(data, declared=encoding, html=html).codec)
    return _refuse_controls(text, name), None


#: Control characters (Unicode category Cc) but tab, newlines, form feed and escape.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    """The share of control characters in the first 64K characters of ``text``."""
    sample = text[:65536]
    if not sample or not _CONTROL.search(sample):  # one pass at C speed, the usual answer
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _refuse_controls(text: str, name: str | Path) -> str:
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary file ({share:.0%} control characters), not text")
    return text


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), path)


HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Suffixes read as JSON Lines (one document per line).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def is_gzip_name(path: Path | str) -> bool:
    """Whether a file name says gzip: ``.gz``, in any case (``PAGE.TXT.GZ``, as other names are read)."""
    return Path(path).suffix.lower() == ".gz"


def is_html_name(path: Path | str) -> bool:
    """Whether a file name says HTML: ``.html``, ``.htm`` (``.xhtml``), or ``.gz`` of one."""
    path = Path(path)
    if is_gzip_name(path):
        path = path.with_suffix("")
    return path.suffix.lower() in HTML_SUFFIXES


def read_input(
    path: Path, kind: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES, encoding: str | None = None
) -> tuple[str, str]:
    """(text, kind) of one input file: see :func:`as_input`."""
    return as_input(read_bytes(path, max_bytes), path, kind, encoding)


def input_kind(data: bytes | str, path: Path | str, kind: str = "auto") -> str:
    """``text`` or ``html``: ``kind`` unless it is ``auto``; then HTML if the name says so
    (``.html``, ``.htm``, ``.xhtml``, ``.gz`` of one) or the content starts like a page."""
    from .extraction import looks_like_html

    if kind != "auto":
        return kind
    return "html" if is_html_name(path) or looks_like_html(data) else "text"


def as_input(data: bytes, path: Path | str, kind: str = "auto", encoding: str | None = None) -> tuple[str, str]:
    """(text, kind) of an input's bytes: the kind as :func:`input_kind` tells it, the
    text decoded by :func:`decode` (for HTML, honouring the page's own declaration)."""
    kind = input_kind(data, path, kind)
    return decode(data, path, html=kind == "html", encoding=encoding), kind


def output_stem(relative: Path) -> Path:
    """``a/b.html.gz`` -> ``a/b``: the name an input's outputs share."""
    if is_gzip_name(relative):
        relative = relative.with_suffix("")
    return relative.with_suffix("") if relative.suffix else relative
