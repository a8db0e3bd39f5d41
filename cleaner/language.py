"""Language identification: langdetect, seeded, on a bounded sample of the text."""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

from .sampling import SAMPLE_CHARS, sample  # noqa: F401  (the sample's size is a setting of detection)

#: Below this many letters in words (runs of two or more letters), no language is
#: claimed: langdetect answers a few words of a menu or of gibberish with near-certain
#: and arbitrary languages, which differ between a page and its cleaned body.
MIN_LETTERS = 50
_WORD = re.compile(r"[^\W\d_]{2,}")
#: langdetect averages several random trials (7 by default). On a prose sample one
#: (seeded) trial agrees with three and with seven on every page of the article
#: benchmark, the seeds, the fixtures and samples in eight languages, at a third of
#: the cost of three; they part only on a few lines of menu (names, section labels)
#: whose language is a guess either way.
TRIALS = 1


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
        letters += len(word.group())
        if letters >= MIN_LETTERS:
            return True
    return False


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, told from a sample of its prose
    (:func:`cleaner.sampling.sample`), or ``None`` when it cannot be told: a page whose
    prose is too little to tell keeps no language."""
    return language_of(sample(text))


def language_of(snippet: str) -> str | None:
    """langdetect's answer for ``snippet`` (one seeded trial), or ``None`` below
    ``MIN_LETTERS`` letters in words."""
    if not _enough_letters(snippet):
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_class()()
    detector.n_trial = TRIALS
    detector.append(snippet)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang
