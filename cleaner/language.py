"""Language identification: langdetect, seeded, on a bounded sample of the text."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
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


#: The langdetect release whose internals ``_factory`` and ``_detector_class`` copy.
LANGDETECT_VERSION = "1.0.9"


@dataclass(frozen=True)
class Profiles:
    """langdetect's language profiles, as its ``Detector`` reads them from a factory:
    n-gram -> probability by language (in ``langlist`` order), and the random seed."""

    word_lang_prob_map: dict[str, Any]
    langlist: list[str]
    seed: int = 0  # deterministic results


@lru_cache(maxsize=1)
def _factory() -> Any:
    """langdetect's profiles, loaded once per process (the detectors share them).

    langdetect 1.0.9's ``DetectorFactory.load_profile`` gives each of the 87,600
    n-grams a list of 55 floats, filled one by one in Python (0.4 s, 48 MB). We read
    the same files, in the same order, into one numpy table of the same values (0.2 s;
    39 MB of table and 10 MB of row objects), and each n-gram maps to its row. A row is
    read as 440 contiguous bytes (an n-gram drawn for the first time cost tens of cache
    misses among scattered floats), and neither rows nor table are for the cyclic
    garbage collector to walk (the lists were, item by item, at each full collection of
    a long batch). Another langdetect release loads its own profiles, as it does (see
    ``_detector_class``).
    """
    from importlib.metadata import version

    from langdetect import detector_factory

    if version("langdetect") != LANGDETECT_VERSION:
        detector_factory.DetectorFactory.seed = 0
        detector_factory.init_factory()
        return detector_factory._factory
    import numpy as np

    folder = Path(detector_factory.PROFILES_DIRECTORY)
    rows: dict[str, int] = {}
    names: list[str] = []
    columns = []  # by language: the rows it gives a probability, and the probabilities
    # os.listdir's order, as load_profile takes it: it numbers the languages. One
    # profile at a time, as langdetect too reads them (read at once, they take 30 MB)
    for path in (folder / name for name in os.listdir(folder) if not name.startswith(".")):
        if not path.is_file():
            continue
        profile = json.loads(path.read_text(encoding="utf-8"))
        counts, totals = profile["freq"], profile["n_words"]
        for gram in counts:
            rows.setdefault(gram, len(rows))
        grams = [gram for gram in counts if 1 <= len(gram) <= 3]
        # 1.0 * count / n_words[length - 1], element by element: the same float division
        count = np.fromiter(map(counts.__getitem__, grams), dtype=np.float64, count=len(grams))
        lengths = np.fromiter(map(len, grams), dtype=np.intp, count=len(grams))
        total = np.array(totals, dtype=np.float64)[lengths - 1]
        where = np.fromiter(map(rows.__getitem__, grams), dtype=np.intp, count=len(grams))
        columns.append((where, count / total))
        names.append(profile["name"])
    table = np.zeros((len(rows), len(columns)))
    for column, (where, probabilities) in enumerate(columns):
        table[where, column] = probabilities
    return Profiles(dict(zip(rows, table, strict=False)), names)


#: Runs of spaces, which ``Detector.append`` keeps one of.
_SPACES = re.compile(" {2,}")
#: What ``Detector.cleaning_text`` counts as Latin, ``'A' <= ch <= 'z'`` (so ``[\\]^_```
#: too), as a str.translate table deleting it (half the time of a regex) ...
_LATIN = dict.fromkeys(range(ord("A"), ord("z") + 1))
#: ... and as not Latin: ``ch >= '\u0300'``. It means to spare the Latin Extended
#: Additional block (Vietnamese) but compares a block number with a block name, so
#: that block counts as not Latin as well; we keep the answers, so we keep that.
_NOT_LATIN = re.compile("[^\x00-\u02ff]")
#: A word of normalised text and the space after it, if any.
_WORD_AND_SPACE = re.compile("[^ ]+ ?")
#: Entries in each of the detector's memos (words, n-grams) before it starts afresh.
#: The 90 benchmark pages fill 2,200 words and 1,260 n-grams (2.2 MB); full, the memos
#: take ~5 MB (0.7 KB a word, 0.55 KB an n-gram), beside the 49 MB of profiles.
MEMO_SIZE = 4096


def _draw(rnd: Any, seq: Sequence[str]) -> str:
    """``rnd.choice(seq)`` as CPython 3.11 draws it (``seq[_randbelow(len(seq))]``, and
    ``_randbelow`` draws ``getrandbits(k)`` until it falls below the length), written out."""
    n = len(seq)
    k = n.bit_length()
    r = rnd.getrandbits(k)
    while r >= n:
        r = rnd.getrandbits(k)
    return seq[r]


@lru_cache(maxsize=1)
def _choice_by_bits() -> bool:
    """Whether this Python's ``Random.choice`` draws as :func:`_draw` does (tried on
    sequences of several lengths, with the same seed)."""
    from random import Random

    ours, theirs = Random(7), Random(7)
    for n in (1, 2, 3, 5, 8, 100, 1000, 4097):
        seq = [str(i) for i in range(n)]
        if any(_draw(ours, seq) != theirs.choice(seq) for _ in range(50)):
            return False
    return True


@lru_cache(maxsize=1)
def _detector_class():
    """langdetect's ``Detector`` on our profiles: the same answers at a third of the cost.

    langdetect 1.0.9 spends ~60% of a detection in ``_extract_ngrams``: every character
    goes through ``NGram.add_char`` / ``NGram.normalize`` / ``unicode_block`` (a binary
    search over the Unicode blocks), and most of the rest in ``_update_lang_prob``, an
    indexed Python loop over the 55 languages. The overrides below compute exactly the
    same things (the same n-gram list in the same order, so the seeded random choices
    among them are the same too, and the same float operations in the same order),
    with less interpretive overhead and with memos of what recurs from page to page
    (shared by threads: dict operations are atomic, and an entry is the same whoever
    makes it). detect_language: 0.71 -> 0.25 ms a page on the 90 benchmark texts, in
    one run. tests/test_language.py holds them to the library's own methods and pins the
    langdetect version they copy; another version gets its own ``Detector``. Defined
    lazily, like the profiles, so that importing cleaner does not import langdetect.
    Detectors are made with no arguments: the memos hold for our profiles only.
    """
    from importlib.metadata import version
    from random import Random

    import numpy as np
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram

    profiles = _factory()
    choice_by_bits = _choice_by_bits()
    if version("langdetect") != LANGDETECT_VERSION:
        return partial(Detector, profiles)
    known = profiles.word_lang_prob_map

    class Normalized(dict):
        """``ord(ch) -> NGram.normalize(ch)`` for ``str.translate``, each character
        worked out once per process (normalisation is a pure function of it)."""

        def __missing__(self, code: int) -> str:
            self[code] = ch = NGram.normalize(chr(code))
            return ch

    def ngrams(text: str) -> list[str]:
        """The n-grams langdetect takes from normalised ``text``.

        NGram keeps the last three characters, back to the last space, and adds
        nothing for a space after a space. After each character the 1-, 2- and 3-grams
        ending with it are taken if langdetect knows them (a lone space is not taken),
        except inside a word in capitals: NGram.capitalword is set by an upper-case
        character after an upper-case one, cleared by a character that is not upper
        case, and left alone by an upper-case one after another character, which had
        cleared it.
        """
        found: list[str] = []
        add = found.append
        grams = " "
        for ch in text:
            last = grams[-1]
            if last == " ":
                if ch == " ":
                    continue
                grams = " " + ch
            else:
                grams = grams[-2:] + ch
            if ch.isupper() and last.isupper():
                continue
            if ch != " " and ch in known:
                add(ch)
            pair = grams[-2:]
            if pair in known:
                add(pair)
            if len(grams) == 3 and grams in known:
                add(grams)
        return found

    class Words(dict):
        """A word and the space after it -> its n-grams. NGram starts afresh after a
        space, so a word gives the same n-grams wherever it is, and words recur."""

        def __missing__(self, word: str) -> tuple[str, ...]:
            if len(self) >= MEMO_SIZE:
                self.clear()
            self[word] = grams = tuple(ngrams(word))
            return grams

    normalized = Normalized()
    words = Words()
    #: weight -> n-gram -> ``weight + p`` for each p of its probabilities by language,
    #: as an array (``numpy.add`` rounds each sum as Python's ``+`` does).
    #: With one trial the weight (alpha / BASE_FREQ, alpha drawn first after seeding)
    #: is the same on every page, and the same n-grams keep being drawn.
    factors: dict[float, dict[str, Any]] = {}

    def _factors_for(weight: float, fresh: bool = False) -> dict[str, Any]:
        by_word = factors.get(weight)
        if by_word is None or fresh or len(by_word) >= MEMO_SIZE:
            if len(factors) >= 8:  # several trials draw several weights
                factors.clear()
            by_word = factors[weight] = {}
        return by_word

    class FastDetector(Detector):
        def __init__(self) -> None:
            # Detector.__init__, less its random.Random() seeded from os.urandom (11 us,
            # 4% of a detection): _detect_block seeds self.random before drawing
            self.word_lang_prob_map = known
            self.langlist = profiles.langlist
            self.seed = profiles.seed
            self.random = Random(self.seed)  # (seed is set: this takes no urandom)
            self.text = ""
            self.langprob = None
            self.alpha = self.ALPHA_DEFAULT
            self.n_trial = 7
            self.max_text_length = 10000
            self.prior_map = None
            self.verbose = False

        def append(self, text: str) -> None:
            text = self.URL_RE.sub(" ", text)
            if "@" in text:  # an address holds one; the pattern, with no prefix, is tried everywhere
                text = self.MAIL_RE.sub(" ", text)
            text = NGram.normalize_vi(text)
            # langdetect copies the text character by character, dropping a space
            # that follows a space
            self.text += _SPACES.sub(" ", text[: self.max_text_length])

        def cleaning_text(self) -> None:
            # drops the Latin letters from a text mostly in another script
            without_latin = self.text.translate(_LATIN)
            latin = len(self.text) - len(without_latin)
            if latin * 2 < len(_NOT_LATIN.findall(self.text)):
                self.text = without_latin

        def _extract_ngrams(self) -> list[str]:
            text = self.text.translate(normalized)
            return [gram for word in _WORD_AND_SPACE.findall(text) for gram in words[word]]

        def _detect_block(self) -> None:
            # Detector._detect_block with _update_lang_prob and _normalize_prob inlined
            # (the same random draws, the same float operations in the same order).
            # The probabilities are a numpy array: each of the ~50 draws a page multiplies
            # 55 of them, one ufunc call instead of 55 Python multiplications (multiply
            # and divide round each element as Python's * and / do; the sum stays
            # Python's, on a list, so that it adds in langdetect's order on every Python)
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            self.langprob = [0.0] * len(self.langlist)
            rnd = self.random
            rnd.seed(self.seed)
            # rnd.choice, without its Python-level _randbelow when _draw is the same
            draw = partial(_draw, rnd) if choice_by_bits else rnd.choice
            multiply, divide = np.multiply, np.divide
            threshold, limit = self.CONV_THRESHOLD, self.ITERATION_LIMIT
            for _ in range(self.n_trial):
                prob = np.array(self._init_probability(), dtype=np.float64)
                alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ
                by_word = _factors_for(weight)
                i = 0
                while True:
                    word = draw(ngrams)
                    sums = by_word.get(word)
                    if sums is None:
                        if len(by_word) >= MEMO_SIZE:
                            by_word = _factors_for(weight, fresh=True)
                        sums = by_word[word] = np.add(weight, known[word])
                    multiply(prob, sums, out=prob)
                    if i % 5 == 0:
                        values = prob.tolist()
                        total = sum(values)
                        if not total:
                            raise ZeroDivisionError("float division by zero")  # as langdetect's would
                        divide(prob, total, out=prob)
                        # the largest probability after the division: the largest before
                        # it, divided (division by a positive number keeps the order, and
                        # rounds the same quotient the same way), without numpy's max()
                        if max(values) / total > threshold or i >= limit:
                            break
                    i += 1
                trials = self.n_trial
                self.langprob = [p + q / trials for p, q in zip(self.langprob, prob.tolist(), strict=False)]

    return FastDetector


def clear_memos() -> None:
    """Start the detector's memos afresh (the profiles stay loaded)."""
    _detector_class.cache_clear()


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
