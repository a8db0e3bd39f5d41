"""Decoding bytes as browsers do: BOM, valid UTF-8, the transport's charset, the page's own
declaration, then detection; after that, bytes and the text they decode to take one path."""

from __future__ import annotations

import codecs
import gzip
import json

import pytest
from helpers import MULTILINGUAL, needs_multilingual

from cleaner import clean
from cleaner.charsets import declared_in_page, web_codec
from cleaner.inputs import decode, read_input

MIXED = "Die Straße ist groß und „schön“ – Łukasz, Москва, 東京都, dziesiątej. "
POLISH = "Dziesiątej rocznicy świętowano w Łodzi; Ścibor, Źródło i Ąbek śpiewali: gęślą jaźń, żółć. "


def page(paragraph: str, head: str = "", title: str = "Tytuł") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><article>"
        + f"<p>{paragraph * 4}</p>" * 4
        + "</article></body></html>"
    )


def test_utf8_html_bytes_clean_exactly_as_their_text():
    html = page(MIXED, '<meta charset="utf-8">')
    by_text, by_bytes = clean(html), clean(html.encode())
    assert by_bytes.text == by_text.text and "Die Straße ist groß und „schön“ – Łukasz" in by_bytes.text
    assert by_bytes.metadata == by_text.metadata


@pytest.mark.parametrize(
    "label, codec",
    [
        ("ISO-8859-2", "iso8859_2"),
        ("windows-1250", "cp1250"),
        ("windows-1251", "cp1251"),
        ("KOI8-R", "koi8_r"),
        ("Shift_JIS", "cp932"),
        ("GBK", "gb18030"),
        ("gb2312", "gb18030"),
        ("EUC-KR", "cp949"),
    ],
)
def test_a_declared_legacy_charset_is_honoured(label, codec):
    text = {
        "iso8859_2": POLISH,
        "cp1250": POLISH,
        "cp1251": "Москва — столица России, крупнейший город страны и её культурный центр. ",
        "koi8_r": "Москва - столица России, крупнейший город страны и её культурный центр. ",
        "cp932": "東京都は日本の首都であり、多くの人々が暮らしている大きな都市です。",
        "gb18030": "北京是中华人民共和国的首都，也是全国的政治和文化中心。",
        "cp949": "서울은 대한민국의 수도이며 가장 큰 도시이다. 많은 사람들이 살고 있다.",
    }[codec]
    html = page(text, f'<meta http-equiv="Content-Type" content="text/html; charset={label}">', title=text[:6])
    data = html.encode(codec)
    assert decode(data, "p.html", html=True) == html
    assert clean(data).text == clean(html).text
    assert clean(data).metadata["title"] == text[:6]


def test_an_iso_8859_2_page_is_not_read_as_windows_1250():
    html = page(POLISH, '<meta charset="ISO-8859-2">')
    doc = clean(html.encode("iso8859_2"))
    assert "Dziesiątej rocznicy świętowano" in doc.text and doc.metadata["title"] == "Tytuł"


def test_an_xml_declaration_names_the_encoding_of_xhtml():
    html = '<?xml version="1.0" encoding="ISO-8859-2"?>\n' + page(POLISH).removeprefix("<!DOCTYPE html>")
    assert clean(html.encode("iso8859_2")).text == clean(html).text
    assert "świętowano" in clean(html.encode("iso8859_2")).text


def test_the_transport_charset_comes_after_the_bom_and_before_the_page():
    html = page(POLISH, '<meta charset="windows-1252">')
    data = html.encode("iso8859_2")
    assert "świętowano" in clean(data, encoding="ISO-8859-2").text
    assert "świętowano" not in clean(data).text  # the page's (wrong) declaration
    # a BOM outranks the transport's charset
    assert "świętowano" in clean(codecs.BOM_UTF8 + html.encode(), encoding="iso-8859-2").text


def test_valid_utf8_outranks_a_legacy_label():
    html = page(MIXED, '<meta charset="iso-8859-1">')
    assert clean(html.encode(), encoding="windows-1252").text == clean(html).text
    assert decode(html.encode(), "p.html", html=True, encoding="latin1") == html


def test_stray_latin1_bytes_in_a_utf8_page_read_as_windows_1252():
    html = page("Große Küchenblogs. ", '<meta charset="utf-8">')
    data = html.encode().replace("Küchenblogs".encode(), "Küchenblogs".encode("latin-1"), 1)
    assert decode(data, "p.html", html=True) == html


def test_labels_naming_no_web_encoding_are_ignored():
    assert web_codec("utf-7") is None and web_codec("unicode_escape") is None and web_codec("rot13") is None
    assert web_codec(" Latin1 ") == "cp1252" and web_codec("windows-1250") == "cp1250"
    assert declared_in_page(b'<meta charset="utf-16">') == "utf-8"
    assert declared_in_page(b'<html><body><meta charset="koi8-r">') is None  # in the body: too late


def test_a_page_with_a_few_nul_bytes_cleans_from_a_file_as_from_text(tmp_path):
    html = page("Ein Absatz mit genug Wörtern, um ein Artikel zu sein, und noch ein paar mehr. ")
    html = html.replace("<article>", "<article>\x00\x00\x00", 1)
    path = tmp_path / "nul.html"
    path.write_bytes(html.encode())
    content, kind = read_input(path)
    assert kind == "html" and clean(content).text == clean(html).text != ""


def _passages(language_prefix: str) -> list[str]:
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    truth = json.loads((MULTILINGUAL / "truth.json").read_text(encoding="utf-8"))
    found = []
    for entry in truth.values():
        joined = "\n".join(entry["with"])
        if not joined.isascii() and detect(joined).startswith(language_prefix):
            found.append(joined)
    return found


@needs_multilingual
@pytest.mark.parametrize("codec", ["cp1250", "iso8859_2"])
def test_short_central_european_text_files_are_decoded_right(codec, tmp_path):
    """Real Polish passages (the multilingual benchmark's), re-encoded, one short file each."""
    texts = [t for t in _passages("pl") if _encodes(t, codec)]
    assert len(texts) >= 8
    right = 0
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt.gz"
        path.write_bytes(gzip.compress(text.encode(codec)))
        right += read_input(path)[0] == text
    assert right >= len(texts) - 1, f"{right} of {len(texts)} decoded right"


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@needs_multilingual
def test_english_with_pounds_and_curly_quotes_stays_windows_1252(tmp_path):
    """A real UK news page flattened to text and saved in windows-1252: its only
    non-ASCII characters are "£" and quotes, which windows-1250 reads as "Ł" and quotes."""
    import html_text

    raw = gzip.decompress((MULTILINGUAL / "html" / "standard.co.uk.caribbean.html.gz").read_bytes())
    text = html_text.extract_text(decode(raw, "page.html", html=True))
    text = "".join(c for c in text if c.isascii() or c in "£’“”")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_input(path)[0] == text
