"""Language identification: langdetect, seeded, on a bounded sample of the text."""

from __future__ import annotations

from functools import lru_cache

#: How much text langdetect sees. Its cost grows with the sample; a few hundred
#: characters of prose tell the language as reliably as whole pages do (300 and 400
#: give the same answer on every page of the article benchmark, the seeds and the
#: fixtures).
SAMPLE_CHARS = 300
MIN_LETTERS = 20
#: langdetect averages several random trials (7 by default). On a prose sample one
#: (seeded) trial agrees with three and with seven on every page of the article
#: benchmark, the seeds, the fixtures and samples in eight languages, at a third of
#: the cost of three; they part only on a few lines of menu (names, section labels)
#: whose language is a guess either way.
TRIALS = 1


@lru_cache(maxsize=1)
def _factory():
    from langdetect import detector_factory

    detector_factory.DetectorFactory.seed = 0  # deterministic results
    detector_factory.init_factory()  # loads the language profiles once per process
    return detector_factory._factory


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """A bounded sample of prose: the longest lines (menus and widgets are short).

    Lines are taken longest first until ``size`` characters are gathered, and each
    line is cut to ``size``, so the cost is bounded however long the text is.
    """
    if len(text) <= size:
        return text
    lines = text[: size * 200].splitlines()  # bound the work on huge inputs too
    lines.sort(key=len, reverse=True)
    picked: list[str] = []
    total = 0
    for line in lines:
        if total >= size:
            break
        piece = line.strip()[: size - total]
        picked.append(piece)
        total += len(piece) + 1
    return "\n".join(picked)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` when it cannot be told."""
    snippet = sample(text)
    letters = 0
    for c in snippet:  # stops as soon as there are enough letters (prose: within a line)
        if c.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                break
    else:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.n_trial = TRIALS
    detector.append(snippet)
    try:
        lang = detector.detect()
    except LangDetectException:
        return None
    return None if lang == "unknown" else lang
