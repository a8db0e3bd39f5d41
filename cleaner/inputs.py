"""Reading inputs and naming outputs.

Everything that turns a file into text goes through here, so that a batch over
millions of unseen files meets one policy:

* a file larger than ``max_bytes`` (after decompression, for ``.gz``) is refused;
  gzip is decompressed as a stream and stopped at the limit, never in full;
* known binary formats (PDF, images, archives, executables...) are refused by their
  magic number, and so is anything with NUL bytes or many control characters;
* text is decoded by :func:`decode`: BOM first, then strict UTF-8, then
  charset-normalizer among the encodings web pages use.

Every refusal is an :class:`InputError` whose message names the file and the reason.
"""

from __future__ import annotations

import codecs
import gzip
import os
import stat
import unicodedata
import zlib
from pathlib import Path
from typing import BinaryIO

#: Default limit on the size of one input, after decompression (bytes).
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

#: How much of the input charset-normalizer looks at (its cost grows with it).
DETECT_SAMPLE = 256 * 1024

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
    (b"\x1f\x8b", "gzip data in a file not named .gz"),
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


def _check_regular(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, sockets and devices could block forever or never end.
        raise InputError(f"{path}: not a regular file (FIFO, socket or device)")
    return st


def _too_big(path: Path | str, limit: int, what: str = "") -> InputError:
    return InputError(f"{path}: too large: {what}more than {limit:,} bytes (the max_bytes limit)")


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (decompressed if it ends in ``.gz``), at most ``max_bytes``."""
    st = _check_regular(path)
    gz = path.suffix == ".gz"
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
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _too_big(path, max_bytes)
    return data


def _read_gzip(path: Path, max_bytes: int) -> bytes:
    """Decompress as a stream, stopping as soon as the output passes ``max_bytes``."""
    parts: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as fh:
            while True:
                chunk = fh.read(_READ_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise _too_big(path, max_bytes, "decompresses to ")
                parts.append(chunk)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"{path}: not a valid gzip file: {exc or type(exc).__name__}") from exc
    return b"".join(parts)


def read_stream(stream: BinaryIO, name: str = "-", max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a binary stream (stdin) up to ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_big(name, max_bytes)
    return data


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Candidate legacy encodings for charset-normalizer: those web pages actually use
#: (the WHATWG encoding standard's list, as Python codecs). Without this list it
#: happily answers EBCDIC or Mac codepages for short Western text.
WEB_ENCODINGS = (
    "cp1252",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_5",
    "iso8859_6",
    "iso8859_7",
    "iso8859_8",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp866",
    "cp874",
    "cp932",
    "shift_jis",
    "euc_jp",
    "iso2022_jp",
    "euc_kr",
    "gb18030",
    "gbk",
    "big5",
    "utf_16_le",
    "utf_16_be",
)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit in every other position, as in
    BOM-less UTF-16 of mostly Latin-script text; else None."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even = head[0::2].count(0) / (len(head) / 2)
    odd = head[1::2].count(0) / (len(head) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data`` (charset-normalizer), or None."""
    from charset_normalizer import from_bytes

    sample = data[:DETECT_SAMPLE]
    results = from_bytes(sample, cp_isolation=list(WEB_ENCODINGS))
    best = results.best()
    if best is None:
        return None
    # Encodings that fit equally well: prefer windows-1252, the most common legacy
    # encoding on the web (and what browsers use for pages labelled latin-1).
    for match in results:
        if match.chaos <= best.chaos and match.coherence >= best.coherence:
            if "cp1252" in (match.encoding, *match.could_be_from_charset):
                return "cp1252"
    return best.encoding


def _control_share(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if c not in "\t\n\r\f\v\x1b" and unicodedata.category(c) == "Cc")
    return bad / len(sample)


def decode(data: bytes, name: str | Path = "<input>") -> str:
    """Bytes to text, or :class:`InputError` if they are not text.

    BOMs first (UTF-8, UTF-16, UTF-32); then strict UTF-8; then BOM-less UTF-16;
    then charset-normalizer among :data:`WEB_ENCODINGS`, preferring windows-1252
    among equally good answers. Known binary formats, NUL bytes and a high share
    of control characters are refused.
    """
    what = sniff_binary(data[:64])
    if what:
        raise InputError(f"{name}: binary file ({what}), not text")
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                decoded = data[len(bom) :].decode(bom_encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {bom_encoding} byte-order mark but is not "
                    f"{bom_encoding} (byte {exc.start + len(bom)}: {exc.reason})"
                ) from exc
            return _refuse_controls(decoded, name)
    text: str | None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None and b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                text = None
        if text is None:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    if text is None:
        encoding = _detect(data)
        if encoding is None:
            raise InputError(f"{name}: binary or undecodable data: not UTF-8, and no known text encoding fits")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            # The sample fit, the rest does not: mixed encodings or binary data.
            raise InputError(
                f"{name}: undecodable: looks like {encoding} but byte {exc.start} is not ({exc.reason})"
            ) from exc
    return _refuse_controls(text, name)


def _refuse_controls(text: str, name: str | Path) -> str:
    if "\x00" in text:
        raise InputError(f"{name}: binary file (contains NUL characters), not text")
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary file ({share:.0%} control characters), not text")
    return text


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), path)


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def is_html_name(path: Path | str) -> bool:
    """Whether a file name says HTML: ``.html``, ``.htm`` (``.xhtml``), or ``.gz`` of one."""
    path = Path(path)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.suffix.lower() in HTML_SUFFIXES


def read_input(path: Path, kind: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | bytes, str]:
    """(content, kind) of one input file.

    HTML (named so, forced, or detected from the content) is returned as bytes, for
    the extractor to find its encoding; text is returned decoded by :func:`decode`.
    """
    return as_input(read_bytes(path, max_bytes), path, kind)


def as_input(data: bytes, path: Path | str, kind: str = "auto") -> tuple[str | bytes, str]:
    """(content, kind) of an input's bytes: see :func:`read_input`."""
    from .extraction import looks_like_html

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
