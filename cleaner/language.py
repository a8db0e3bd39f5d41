"""Language identification: langdetect, seeded, on a bounded sample of the text."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from .filters.script import HAN, KANA, width
from .sampling import SAMPLE_CHARS, sample  # noqa: F401  (the sample's size is a setting of detection)

#: Below this many letters in words (runs of two or more letters), no language is
#: claimed: langdetect answers a few words of a menu or of gibberish with near-certain
#: and arbitrary languages, which differ between a page and its cleaned body. A letter
#: of a script written without spaces counts ``WIDE_WIDTH`` (as lines are measured): a
#: Chinese sentence of 20 characters says as much as an English one of 60.
MIN_LETTERS = 50
_WORD = re.compile(r"[^\W\d_]{2,}")
#: langdetect averages several random trials (7 by default). On a prose sample one
#: (seeded) trial agrees with three and with seven on every page of the article
#: benchmark, the seeds, the fixtures and samples in eight languages, at a third of
#: the cost of three; they part only on a few lines of menu (names, section labels)
#: whose language is a guess either way.
TRIALS = 1
#: Letters of the scripts written without spaces between words: Han, kana, Hangul.
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
#: Japanese prose writes its particles and endings in kana: a few in a hundred letters
#: at least. A Chinese text has none.
MIN_KANA_SHARE = 0.05
#: Latin letters, and the words they make: the names and titles in English that a
#: Chinese paragraph holds.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'&.-]*")


@lru_cache(maxsize=1)
def _detector_class() -> Any:
    """What makes langdetect detectors (:func:`cleaner.detector.detector_class`), imported
    with the first detection, so that importing cleaner does not import langdetect."""
    from .detector import detector_class

    return detector_class()


def clear_memos() -> None:
    """Start the detector's memos afresh (the profiles stay loaded)."""
    detector = sys.modules.get(f"{__package__}.detector")  # (none to clear before the first detection)
    if detector is not None:
        detector.clear_memos()


def _enough_letters(snippet: str) -> bool:
    letters = 0
    for word in _WORD.finditer(snippet):
        letters += width(word.group())
        if letters >= MIN_LETTERS:
            return True
    return False


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, told from a sample of its prose
    (:func:`cleaner.sampling.sample`), or ``None`` when it cannot be told: a page whose
    prose is too little to tell keeps no language."""
    return language_of(sample(text))


def language_of(snippet: str, make: Callable[[], Any] | None = None) -> str | None:
    """langdetect's answer for ``snippet`` (one seeded trial), or ``None`` below
    ``MIN_LETTERS`` letters in words. ``make`` makes the detector (by default cleaner's
    faster one, :func:`cleaner.detector.detector_class`, which answers as langdetect's)."""
    if not _enough_letters(snippet):
        return None
    from langdetect.lang_detect_exception import LangDetectException

    family = _unspaced_family(snippet)
    if family is not None and len(family) == 1:
        return family[0]
    detector = (make or _detector_class())()
    detector.n_trial = TRIALS
    if family is not None:  # Chinese: langdetect tells simplified from traditional, and nothing else
        detector.set_prior_map(dict.fromkeys(family, 1.0))
        snippet = _LATIN_WORDS.sub(" ", snippet)
    detector.append(snippet)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang


def _unspaced_family(snippet: str) -> tuple[str, ...] | None:
    """The languages a snippet mostly in Han, kana or Hangul can be in, told by its script:
    Korean (mostly Hangul), Japanese (kana among the Han), else Chinese; None for a snippet
    mostly in other scripts. langdetect alone tells them apart poorly: the three share Han
    n-grams, and the Latin names a Chinese paragraph holds weigh against its characters
    (on the dev pages and fixtures, a Chinese page told Vietnamese, a Taiwanese one Korean)."""
    if max(snippet) < "\u3040":  # (no such letter: most pages)
        return None
    han, kana, hangul = (len(p.findall(snippet)) for p in (_HAN, _KANA, _HANGUL))
    if han + kana + hangul < len(_LATIN.findall(snippet)):
        return None
    if hangul > han + kana:
        return ("ko",)
    if kana >= MIN_KANA_SHARE * (han + kana):
        return ("ja",)
    return ("zh-cn", "zh-tw")
