"""Decoding, limits, guards and paths on hostile input (unit level)."""

from __future__ import annotations

import codecs
import gzip
import os
import subprocess
import sys
import zlib

import pytest

from cleaner import Config, ConfigError, Pipeline, clean
from cleaner.document import Block, Page
from cleaner.guards import guard_html, nesting_depth, strip_internal_subset
from cleaner.inputs import InputError, decode, read_bytes
from cleaner.pipeline import hold_out_long, merge_held
from cleaner.textfix import fix_mojibake

FRENCH = "Le garçon a mangé une crème brûlée à la fenêtre. Où est la forêt?"
QUOTES = "He said \u201chello\u201d and didn\u2019t stop \u2014 really."


@pytest.mark.parametrize(
    "data, expected",
    [
        (FRENCH.encode(), FRENCH),
        (codecs.BOM_UTF8 + FRENCH.encode(), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),
        (FRENCH.encode("utf-32"), FRENCH),
        (FRENCH.encode("utf-16-le"), FRENCH),
        (FRENCH.encode("utf-16-be"), FRENCH),
        (FRENCH.encode("latin-1"), FRENCH),
        ("Café au lait, naïve façade".encode("latin-1"), "Café au lait, naïve façade"),
        ("Die Größe der Bäume überrascht.".encode("latin-1"), "Die Größe der Bäume überrascht."),
        (QUOTES.encode("cp1252"), QUOTES),
        ("don\u2019t".encode("cp1252"), "don\u2019t"),
        ("Привет, как дела? Это русский текст.".encode("cp1251"), "Привет, как дела? Это русский текст."),
        (b"", ""),
    ],
)
def test_encodings_are_decoded(data, expected):
    assert decode(data, "f.txt") == expected


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (gzip.compress(b"hello", mtime=0), "gzip"),  # (no timestamp: the same test id in every process)
        (b"\x7fELF\x02\x01", "ELF"),
        (b"text with NUL bytes \x00\x00\x00\x00\x00", "control characters"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x01\x02\x03\x04 abc " * 20, "control characters"),
    ],
)
def test_binary_input_is_refused_with_the_file_named(data, reason):
    with pytest.raises(InputError, match=reason) as info:
        decode(data, "folder/thing.bin")
    assert str(info.value).startswith("folder/thing.bin: ")


def test_mojibake_is_repaired_and_good_text_is_untouched():
    assert fix_mojibake("donâ€™t stop") == "don\u2019t stop"
    assert fix_mojibake("naÃ¯ve cafÃ©") == "naïve café"
    for good in [FRENCH, QUOTES, "I ♥ Python", "Größe", "Ça coûte 5 €", "日本語のテキスト"]:
        assert fix_mojibake(good) == good
    assert fix_mojibake("A\ud800B") == "A\ufffdB"  # lone surrogates cannot be written
    assert "don\u2019t" in clean("He said he donâ€™t know.".encode()).text


def test_mojibake_is_looked_for_among_the_non_ascii_characters():
    from cleaner.textfix import _SUSPECT, _suspect, non_ascii

    assert non_ascii("a\u00e9b \u2019c\ud800") == "\u00e9\u2019\ud800"
    # é and ’ are a suspect pair only when next to each other on the page
    for text in ["caf\u00e9 \u2019quoted\u2019", "\u00e9\u2019", "x\u0085y", "\u00c3 \u00a9 \u00c3\u00a9", "plain"]:
        assert _suspect(text.encode("utf-8", "surrogatepass"), non_ascii(text)) == bool(_SUSPECT.search(text))
    assert fix_mojibake("caf\u00e9 \u2019quoted\u2019") == "caf\u00e9 \u2019quoted\u2019"


@pytest.mark.parametrize(
    "data",
    ["caf\u00e9 <b>ok</b>".encode(), "na\u00c3\u00afve".encode(), b"plain", "caf\u00e9".encode("cp1252")],
)
def test_the_pages_utf8_is_read_once_and_describes_the_text(data):
    from cleaner.inputs import decode_utf8
    from cleaner.textfix import non_ascii, repair

    text, utf8 = decode_utf8(data, html=True)
    assert text == decode(data, html=True)
    assert utf8 == (data if text.encode() == data else None)
    fixed, utf8, others = repair(text, utf8)
    assert fixed == fix_mojibake(text)
    assert utf8 is None or utf8 == fixed.encode()
    assert others is None or others == non_ascii(fixed)
    assert guard_html(fixed, utf8=utf8, others=others) == guard_html(fixed)


def _count_decompressed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the reads from every gzip file opened from now on."""
    sizes: list[int] = []
    real_open = gzip.open

    class Counting:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, size=-1):
            data = self.fh.read(size)
            sizes.append(len(data))
            return data

    monkeypatch.setattr(gzip, "open", lambda *a, **k: Counting(real_open(*a, **k)))
    return sizes


def test_gzip_bomb_is_stopped_while_decompressing(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.txt.gz"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(bomb, "wb") as fh:
        for _ in range(64):
            fh.write(comp.compress(b"A" * 1024 * 1024))
        fh.write(comp.flush())
    decompressed = _count_decompressed(monkeypatch)
    with pytest.raises(InputError, match="bomb.txt.gz: too large: decompresses to more than 4,194,304 bytes"):
        read_bytes(bomb, max_bytes=4 * 1024 * 1024)
    assert 4 * 1024 * 1024 < sum(decompressed) <= 5 * 1024 * 1024  # stopped one chunk past the limit
    monkeypatch.undo()
    assert len(read_bytes(bomb, max_bytes=100 * 1024 * 1024)) == 64 * 1024 * 1024


def test_size_limits(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(InputError, match="big.txt: too large"):
        read_bytes(big, max_bytes=1000)
    p = Pipeline(Config(max_bytes=1000))
    with pytest.raises(InputError, match="too large"):
        p.clean(b"word " * 1000)
    with pytest.raises(InputError, match="too large"):
        p.clean("word " * 1000)
    with pytest.raises(ConfigError, match="max_bytes"):
        Config(max_bytes=0)
    with pytest.raises(ConfigError, match="max_line_chars"):
        Config.from_mapping({"max_line_chars": "many"})
    assert Config.from_mapping({"max_bytes": 10}).max_bytes == 10


def test_broken_gzip_and_special_files(tmp_path):
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(gzip.compress(b"hello world" * 100)[:-10])
    with pytest.raises(InputError, match="broken.txt.gz: not a valid gzip file"):
        read_bytes(broken)
    with pytest.raises(InputError, match="is a folder"):
        read_bytes(tmp_path)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="dangling.txt: cannot read"):
        read_bytes(dangling)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        with pytest.raises(InputError, match="fifo: not a regular file"):
            read_bytes(fifo)  # would block forever if opened


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_named(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("hello")
    secret.chmod(0)
    with pytest.raises(InputError, match="secret.txt: cannot read: Permission denied"):
        read_bytes(secret)


def test_unreadable_file_is_named_even_as_root(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("hello")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError, match="secret.txt: cannot read: Permission denied"):
        read_bytes(secret)


def test_deep_html_is_refused_before_parsing_and_entity_bombs_are_defused(monkeypatch):
    deep = "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    monkeypatch.setattr("cleaner.pipeline.extract", lambda *a, **k: pytest.fail("a refused page was parsed"))
    with pytest.raises(InputError, match="nested more than 1,000 levels"):
        clean(deep)
    with pytest.raises(InputError, match="page.html: HTML nested"):
        guard_html(deep, "page.html")
    monkeypatch.undo()
    assert nesting_depth("<p>a<p>b<ul><li>x<li>y</ul><br><img src=x><div><b>z</b></div>") == 2
    assert nesting_depth("<script>" + "<div>" * 5000 + "</script><div></div>") == 1
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<html><body><p>&lol2; Rivers are cleaner.</p></body></html>"
    )
    assert "ENTITY" not in strip_internal_subset(bomb)
    assert "lollol" not in clean(bomb).text


@pytest.mark.parametrize("slice_chars", [1, 7, 16_384])
def test_depth_scan_stops_when_the_tags_left_cannot_pass_the_limit(monkeypatch, slice_chars):
    from cleaner import guards

    monkeypatch.setattr(guards, "_SLICE", slice_chars)
    flat = "<div>" * 3 + "</div>" * 3 + "<p><b>x</b></p>" * 50
    deep_at_end = flat + "<div>" * 40
    for page, depth in ((flat, 3), (deep_at_end, 40)):
        openings = guards._openings(page)
        assert openings >= depth
        assert guards.nesting_depth(page) == depth
        assert (guards.nesting_depth(page, 30, openings) > 30) == (depth > 30)
        assert guards.nesting_depth(page, 30, openings) <= max(depth, 31)
    with pytest.raises(InputError, match="nested more than 30"):
        guard_html(deep_at_end, max_depth=30)
    assert guard_html(flat, max_depth=30) == flat


def test_long_lines_are_held_out_and_put_back_in_place():
    blocks = [Block("short one"), Block("x" * 50), Block("short two"), Block("y" * 60), Block("end")]
    page = Page(list(blocks), {}, [])
    held, positions = hold_out_long(page, 40)
    assert [b.text for b in page.blocks] == ["short one", "short two", "end"]
    page.blocks[1].dropped = True
    page.blocks = [page.blocks[0], Block("new"), page.blocks[2]]  # a filter split and dropped
    merged = merge_held(page.blocks, held, positions)
    assert [b.text[:3] for b in merged] == ["sho", "new", "xxx", "yyy", "end"]
    line = "Share this. " + "The river is clean. " * 10_000
    doc = Pipeline(Config(max_line_chars=1000)).clean("Title here\n" + line + "\nShort end line")
    assert doc.text.split("\n\n")[1] == line.strip()


def test_stdin_binary_is_refused_and_text_is_cleaned():
    cmd = [sys.executable, "-m", "cleaner", "clean", "-"]
    proc = subprocess.run(cmd, input=b"%PDF-1.4 junk", capture_output=True)
    assert proc.returncode == 1 and b"<stdin>: binary file (PDF), not text" in proc.stderr
    proc = subprocess.run(cmd, input=FRENCH.encode("latin-1"), capture_output=True)
    assert proc.returncode == 0 and proc.stdout.decode() == FRENCH + "\n"


def test_mojibake_split_by_a_tag_is_repaired_in_one_pass():
    # found by the fuzz target: the markup filter joined "Ã" and "¢„¢" after repair had run
    from cleaner import clean

    once = clean(b"<h\x98lp<y>Hello &amp;\xc3<html><hdy>\xa2\x84\xa2\xa2d<oto").text
    assert clean(once).text == once


def test_control_characters_are_counted_as_unicode_defines_them():
    import unicodedata

    from cleaner.inputs import _control_share

    text = "".join(chr(i) for i in range(0x3000)) * 3
    expected = sum(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v\x1b" for c in text) / len(text)
    assert _control_share(text) == expected > 0
    assert _control_share("plain text, no controls\n") == 0.0
