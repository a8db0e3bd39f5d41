"""Measure how well undeclared legacy encodings of short texts are detected.

    python benchmarks/charsets.py ../shared/bench/multilingual

Builds its fixture set from real text: the ``with`` passages of the multilingual
pages (grouped by language, langdetect), each one alone (a passage: a short text
file) and all of a page's joined (a page's worth), re-encoded in each legacy
encoding its language is written in. A text counts as decoded right when
:func:`cleaner.inputs.decode` gives it back exactly. For comparison, the rule
cleaner used before (charset-normalizer among the web's encodings, ties to
windows-1252) is scored on the same bytes.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual

#: The legacy encodings each language is written in.
ENCODINGS = {
    "pl": ["cp1250", "iso8859_2"],
    "en": ["cp1252"],
    "de": ["cp1252", "iso8859_1", "iso8859_15"],
    "fr": ["cp1252", "iso8859_15"],
    "es": ["cp1252"],
    "pt": ["cp1252"],
    "et": ["cp1257", "iso8859_15"],
    "zh-cn": ["gb18030", "big5"],
    "ja": ["shift_jis", "euc_jp"],
    "ar": ["cp1256"],
}
#: The encodings charset-normalizer chose among (cleaner's list before chardetng).
OLD_CANDIDATES = (
    "cp1252 cp1250 cp1251 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 iso8859_2 iso8859_3 iso8859_4 "
    "iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_10 iso8859_13 iso8859_14 iso8859_15 iso8859_16 "
    "koi8_r koi8_u mac_cyrillic cp866 cp874 cp932 shift_jis euc_jp iso2022_jp euc_kr gb18030 gbk big5"
).split()


def charset_normalizer_rule(data: bytes) -> str | None:
    """The previous detection: charset-normalizer, preferring windows-1252 on a tie."""
    from charset_normalizer import from_bytes

    results = from_bytes(data, cp_isolation=OLD_CANDIDATES)
    best = results.best()
    if best is None:
        return None
    for match in results:
        if match.chaos <= best.chaos and match.coherence >= best.coherence:
            if "cp1252" in (match.encoding, *match.could_be_from_charset):
                return "cp1252"
    return best.encoding


def texts_by_language(data_dir: Path, part: str = "all") -> dict[str, dict[str, list[str]]]:
    """language -> {"passage": [...], "page": [...]}, non-ASCII texts only; ``part``:
    all pages, or those whose key sorts in the first or the second half."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"passage": [], "page": []})
    listed = list(multilingual.entries(data_dir).values())
    half = len(listed) // 2
    for entry in {"first": listed[:half], "second": listed[half:]}.get(part, listed):
        joined = "\n".join(entry["with"])
        try:
            language = detect(joined)
        except LangDetectException:
            continue
        found[language]["page"] += [joined] if not joined.isascii() else []
        found[language]["passage"] += [p for p in entry["with"] if not p.isascii()]
    return found


def score(texts: list[str], codec: str) -> tuple[int, int, int]:
    """(texts encodable in ``codec``, decoded right by cleaner, by the previous rule)."""
    from cleaner.inputs import decode

    total = ours = old = 0
    for text in texts:
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        total += 1
        ours += decode(data) == text
        guess = charset_normalizer_rule(data)
        old += bool(guess) and data.decode(guess, "replace") == text
    return total, ours, old


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/multilingual")
    parser.add_argument("--part", choices=["all", "first", "second"], default="all", help="which half of the pages")
    args = parser.parse_args(argv)
    print(f"{'language':8} {'encoding':10} {'unit':8} {'texts':>5} {'cleaner':>8} {'before':>8}")
    for language, units in sorted(texts_by_language(args.data_dir, args.part).items()):
        for codec in ENCODINGS.get(language, []):
            for unit, texts in units.items():
                total, ours, old = score(texts, codec)
                if total:
                    print(f"{language:8} {codec:10} {unit:8} {total:5} {ours / total:8.3f} {old / total:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
