"""Language identification: langdetect, seeded, on a bounded sample of the text."""

from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 1200
MIN_CHARS = 20


@lru_cache(maxsize=1)
def _factory():
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0  # deterministic results
    detector_factory.init_factory()  # loads the language profiles once per process
    return detector_factory._factory


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """A bounded slice from the middle of the text, where the article usually is."""
    if len(text) <= size:
        return text
    start = (len(text) - size) // 2
    # start and end on whitespace so no word is cut
    start = text.find(" ", start) + 1 or start
    end = text.rfind(" ", start, start + size)
    return text[start : end if end > start else start + size]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when it cannot be told."""
    snippet = sample(text)
    if sum(c.isalpha() for c in snippet) < MIN_CHARS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(snippet)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang
