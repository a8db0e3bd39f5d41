"""Which encoding a document's bytes are in, in the order browsers decide it.

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-8, when the bytes are valid UTF-8: legacy text beyond ASCII is valid UTF-8
   only by accident, while pages and servers that declare Latin-1 over UTF-8 bytes
   are common (and for ASCII every web encoding reads the same);
3. the charset the transport declared (an HTTP ``Content-Type`` header, a WARC record);
4. for HTML, the page's own declaration: ``<meta charset>``, ``<meta http-equiv>``
   or an XML declaration, in its head;
5. UTF-16 without a BOM (NUL bytes in every other position);
6. detection: chardetng, the detector Firefox uses for unlabelled pages.

Labels mean what they mean on the web (the WHATWG Encoding Standard): a page
labelled ISO-8859-1 is windows-1252, GB2312 is GB18030, and so on
(``data/_common/charsets.toml``); a label naming no web encoding is ignored.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from .data import common_text

#: How much of a page is searched for its charset declaration: heads run long
#: (inline scripts and styles, an archive's banner before the page's own head).
DECLARATION_BYTES = 64 * 1024
#: How much of a document the detector reads.
DETECT_SAMPLE = 256 * 1024

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META = re.compile(rb"""<meta\s[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""\A\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""")
_BODY = re.compile(rb"<body[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Choice:
    """An encoding chosen for some bytes: the codec, how many bytes of BOM to skip, and why."""

    codec: str
    skip: int = 0
    why: str = "detected"


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    text = common_text("charsets.toml")
    data = tomllib.loads(text)
    return dict(data["labels"]), frozenset(data["web"]["codecs"])


def web_codec(label: str | bytes | None) -> str | None:
    """The Python codec a charset label means on the web, or None if it names none."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    label = label.strip().strip("\"'").lower()
    labels, allowed = _table()
    if label in labels:
        return labels[label]
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name if name in allowed else None


def declared_in_page(data: bytes) -> str | None:
    """The codec an HTML page's head declares (``<meta>`` or XML declaration), if any.

    A ``<meta>`` naming UTF-16 or UTF-32 means UTF-8, as in browsers: bytes in which
    the declaration could be read as ASCII are not UTF-16.
    """
    head = data[:DECLARATION_BYTES]
    body = _BODY.search(head)
    if body:
        head = head[: body.start()]
    for pattern in (_META, _XML_DECLARATION):
        for match in pattern.finditer(head):
            codec = web_codec(match.group(1))
            if codec:
                return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec
    return None


def utf16_without_bom(data: bytes) -> str | None:
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


#: Single-byte encodings of Latin-script text, which share most of their letters with
#: windows-1252 and are told from it by a few bytes only.
_LATIN = frozenset({"cp1250", "cp1254", "cp1257", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-9"})
_LATIN |= frozenset({"iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16"})
_WORD = re.compile(r"[^\W\d_]{2,}")


def detect(data: bytes) -> str:
    """The most likely encoding of bytes that are not valid UTF-8 (chardetng).

    UTF-8 is among the answers: a page of UTF-8 with a few stray bytes of another
    encoding is still UTF-8 (see :func:`decode_lenient`). Another Latin code page
    than windows-1252 must explain a letter inside a word where windows-1252 reads
    something else, or windows-1252 wins: English with "£" and curly quotes would
    read "Ł500" in windows-1250, with no other difference.
    """
    from chardetng_py import detect as chardetng

    sample = data[:DETECT_SAMPLE]
    codec = web_codec(chardetng(sample, allow_utf8=True)) or "cp1252"
    if codec in _LATIN and not _own_letters(sample, codec):
        return "cp1252"
    return codec


def _own_letters(data: bytes, codec: str) -> bool:
    """Whether ``data`` read as ``codec`` (a single-byte code page) has a letter inside a
    word where windows-1252 reads another character."""
    text = data.decode(codec, "replace")
    western = data.decode("cp1252", "replace")  # one character a byte, as ``text``
    return any(text[i] != western[i] for m in _WORD.finditer(text) for i in range(m.start(), m.end()))


def bom(data: bytes) -> Choice | None:
    """The encoding a byte-order mark at the start of ``data`` names, if any."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return Choice(codec, len(mark), "a byte-order mark")
    return None


def choose(data: bytes, *, declared: str | None = None, html: bool = False) -> Choice:
    """The encoding of bytes that have no BOM and are not valid UTF-8 (steps 3 to 6).

    ``declared``: the transport's charset label; ``html``: look for the page's own.
    """
    codec = web_codec(declared)
    if codec:
        return Choice(codec, 0, f"the declared charset {declared}")
    codec = declared_in_page(data) if html else None
    if codec:
        return Choice(codec, 0, "the page's charset declaration")
    if b"\x00" in data:
        codec = utf16_without_bom(data)
        if codec:
            return Choice(codec, 0, "NUL bytes in every other position")
    return Choice(detect(data))


def _web_errors(exc: UnicodeError) -> tuple[str, int]:
    """Bytes the chosen codec cannot decode: in UTF-8, each as windows-1252 (stray
    Latin-1 in a UTF-8 page: "K\\xfcchenblogs" reads "Küchenblogs"); in a windows
    code page, each as the Latin-1 character (a C1 control, as browsers map the
    code page's holes); anything else as U+FFFD."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    if exc.encoding.replace("_", "-") in ("utf-8", "utf8"):
        return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), exc.end
    if exc.encoding.startswith("cp12"):
        return bad.decode("latin-1"), exc.end
    return "\ufffd", exc.end


codecs.register_error("cleaner-web", _web_errors)


def decode_lenient(data: bytes, codec: str) -> str:
    """``data`` decoded as ``codec``, undecodable bytes read as browsers would (see above)."""
    return data.decode(codec, "cleaner-web")


def head_text(data: bytes, size: int) -> str:
    """About the first ``size`` characters of ``data``, for telling HTML from text:
    decoded by its BOM or as BOM-less UTF-16, else as UTF-8 (ASCII markup reads the
    same in every web encoding but UTF-16)."""
    mark = bom(data)
    if mark:
        return data[mark.skip : mark.skip + 4 * size].decode(mark.codec, "ignore")[:size]
    head = data[: 4 * size]
    codec = utf16_without_bom(data) if b"\x00" in head else None
    return head.decode(codec or "utf-8", "ignore" if codec else "replace")[:size]
