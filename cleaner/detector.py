"""langdetect's ``Detector`` on our profiles: the same answers at a third of the cost.

langdetect 1.0.9 spends ~60% of a detection in ``_extract_ngrams``: every character
goes through ``NGram.add_char`` / ``NGram.normalize`` / ``unicode_block`` (a binary
search over the Unicode blocks), and most of the rest in ``_update_lang_prob``, an
indexed Python loop over the 55 languages. :class:`FastDetector` computes exactly the
same things (the same n-gram list in the same order, so the seeded random choices
among them are the same too, and the same float operations in the same order), with
less interpretive overhead and with memos of what recurs from page to page (shared by
threads: dict operations are atomic, and an entry is the same whoever makes it).
tests/test_language.py holds it to the library's own methods.

Each shortcut mirrors langdetect's internals, so each one falls back on langdetect's
own method on any surprise (an exception that is not langdetect's own): a release that
renames a private name costs speed, never an answer. Another langdetect release than
the one copied gets langdetect's own ``Detector`` on its own profiles.

Imported by :mod:`cleaner.language` when it first detects a language, so that
importing cleaner does not import langdetect.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial, wraps
from itertools import chain
from pathlib import Path
from random import Random
from typing import Any, TypeVar

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram
from mypy_extensions import mypyc_attr

#: The langdetect release whose internals this module copies.
LANGDETECT_VERSION = "1.0.9"
#: Entries in each memo (words, n-grams) before it starts afresh. The 90 benchmark
#: pages fill 2,200 words and 1,260 n-grams (2.2 MB); full, the memos take ~5 MB
#: (0.7 KB a word, 0.55 KB an n-gram), beside the 49 MB of profiles.
MEMO_SIZE = 4096
#: The 32-bit random words a detection's one trial replays (:func:`first_trial`); a
#: page draws ~45 n-grams, each taking a word or, rejected, two.
STREAM_WORDS = 512

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


@dataclass(frozen=True)
class Profiles:
    """langdetect's language profiles, as its ``Detector`` reads them from a factory:
    n-gram -> probability by language (in ``langlist`` order), and the random seed."""

    word_lang_prob_map: dict[str, Any]
    langlist: list[str]
    seed: int = 0  # deterministic results


def copied_release() -> bool:
    """Whether the installed langdetect is the release this module copies."""
    from importlib.metadata import version

    try:
        return version("langdetect") == LANGDETECT_VERSION
    except Exception:  # (not installed as a distribution: unknown)
        return False


@lru_cache(maxsize=1)
def profiles() -> Profiles:
    """langdetect's profiles, loaded once per process (the detectors share them): read
    into one table where the release is the one copied, else by langdetect itself."""
    if copied_release():
        try:
            return _table_profiles()
        except Exception:
            pass  # the files are not as the copied release has them: langdetect reads them
    return library_profiles()


def library_profiles() -> Profiles:
    """The profiles as langdetect's own ``DetectorFactory.load_profile`` reads them."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return Profiles(factory.word_lang_prob_map, factory.langlist)


def _table_profiles() -> Profiles:
    """The profiles as one numpy table, a row per n-gram.

    ``DetectorFactory.load_profile`` gives each of the 87,600 n-grams a list of 55
    floats, filled one by one in Python (0.4 s, 48 MB). This reads the same files, in
    the same order, into one table of the same values (0.2 s; 39 MB of table and 10 MB
    of row objects). A row is read as 440 contiguous bytes (an n-gram drawn for the
    first time cost tens of cache misses among scattered floats), and neither rows nor
    table are for the cyclic garbage collector to walk.
    """
    # (from the module: compiled, `from langdetect import detector_factory` found None)
    from langdetect.detector_factory import PROFILES_DIRECTORY

    folder = Path(PROFILES_DIRECTORY)
    rows: dict[str, int] = {}
    names: list[str] = []
    columns = []  # by language: the rows it gives a probability, and the probabilities
    # os.listdir's order, as load_profile takes it: it numbers the languages. One
    # profile at a time, as langdetect too reads them (read at once, they take 30 MB)
    for path in (folder / name for name in os.listdir(folder) if not name.startswith(".")):
        if path.is_file():
            profile = json.loads(path.read_text(encoding="utf-8"))
            columns.append(_column(profile, rows))
            names.append(profile["name"])
    table = np.zeros((len(rows), len(columns)))
    for column, (where, probabilities) in enumerate(columns):
        table[where, column] = probabilities
    return Profiles(dict(zip(rows, table, strict=False)), names)


def _column(profile: dict[str, Any], rows: dict[str, int]) -> tuple[Any, Any]:
    """(rows, probabilities) of one language's n-grams, numbering new n-grams in ``rows``."""
    counts, totals = profile["freq"], profile["n_words"]
    for gram in counts:
        rows.setdefault(gram, len(rows))
    grams = [gram for gram in counts if 1 <= len(gram) <= 3]
    # 1.0 * count / n_words[length - 1], element by element: the same float division
    count = np.fromiter(map(counts.__getitem__, grams), dtype=np.float64, count=len(grams))
    lengths = np.fromiter(map(len, grams), dtype=np.intp, count=len(grams))
    total = np.array(totals, dtype=np.float64)[lengths - 1]
    where = np.fromiter(map(rows.__getitem__, grams), dtype=np.intp, count=len(grams))
    return where, count / total


def detector_class() -> Callable[[], Detector]:
    """What makes a detector: :class:`FastDetector` on the release it copies, else
    langdetect's own ``Detector`` on its own profiles."""
    return FastDetector if copied_release() else partial(Detector, profiles())


def draw(rnd: Random, seq: Sequence[str]) -> str:
    """``rnd.choice(seq)`` as CPython 3.11 draws it (``seq[_randbelow(len(seq))]``, and
    ``_randbelow`` draws ``getrandbits(k)`` until it falls below the length), written out."""
    n = len(seq)
    k = n.bit_length()
    r = rnd.getrandbits(k)
    while r >= n:
        r = rnd.getrandbits(k)
    return seq[r]


def _tried_sequences() -> Iterator[list[str]]:
    """What the two checks below draw from: sequences of several lengths, the longest a 13-bit draw."""
    for n in (1, 2, 3, 5, 8, 100, 1000, 4097):
        yield [str(i) for i in range(n)]


@lru_cache(maxsize=1)
def choice_by_bits() -> bool:
    """Whether this Python's ``Random.choice`` draws as :func:`draw` does (tried on
    sequences of several lengths, with the same seed); on any surprise, no."""
    ours, theirs = Random(7), Random(7)
    try:
        for seq in _tried_sequences():
            if any(draw(ours, seq) != theirs.choice(seq) for _ in range(50)):
                return False
    except Exception:
        return False
    return True


@dataclass(frozen=True)
class FirstTrial:
    """What a generator seeded with ``seed`` draws for a detection's first trial: the
    ``gauss(0.0, 1.0)`` that sets its alpha, then the 32-bit words its n-gram draws take
    (``words``, in order), and its state after them."""

    gauss: float
    words: Any
    state: tuple[Any, ...]


@lru_cache(maxsize=4)
def first_trial(seed: int) -> FirstTrial:
    """The first trial's draws after ``Random.seed(seed)``, drawn once per process."""
    rnd = Random(seed)
    gauss = rnd.gauss(0.0, 1.0)
    # getrandbits fills a long number from its least significant 32 bits up, a word a draw
    bits = rnd.getrandbits(32 * STREAM_WORDS).to_bytes(4 * STREAM_WORDS, "little")
    return FirstTrial(gauss, np.frombuffer(bits, dtype="<u4"), rnd.getstate())


def replayed(trial: FirstTrial, seq: Sequence[str]) -> Iterator[str]:
    """What :func:`draw` draws from ``seq`` again and again in the first trial (a word,
    shifted to the bits it needs, below the length or drawn again), then from the
    generator where the words end."""
    k = len(seq).bit_length()
    if k > 32:
        raise ValueError("a draw of more than 32 bits takes several words")
    index = trial.words >> (32 - k)
    yield from map(seq.__getitem__, index[index < len(seq)].tolist())
    rnd = Random.__new__(Random)
    rnd.setstate(trial.state)
    yield from iter(partial(draw, rnd, seq), None)


@lru_cache(maxsize=1)
def replay_by_words() -> bool:
    """Whether :func:`replayed` draws as a seeded ``Random`` draws with ``choice`` (tried
    on sequences of several lengths, past the words replayed); on any surprise, no."""
    try:
        for seq in _tried_sequences():
            theirs = Random(7)
            trial = first_trial(7)
            if theirs.gauss(0.0, 1.0) != trial.gauss:
                return False
            ours = replayed(trial, seq)
            if any(next(ours) != theirs.choice(seq) for _ in range(STREAM_WORDS + 50)):
                return False
    except Exception:
        return False
    return True


def ngrams(text: str, known: dict[str, Any]) -> list[str]:
    """The n-grams langdetect takes from normalised ``text``.

    NGram keeps the last three characters, back to the last space, and adds nothing
    for a space after a space. After each character the 1-, 2- and 3-grams ending with
    it are taken if langdetect knows them (a lone space is not taken), except inside a
    word in capitals: NGram.capitalword is set by an upper-case character after an
    upper-case one, cleared by a character that is not upper case, and left alone by
    an upper-case one after another character, which had cleared it.
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


class Normalized(dict[int, str]):
    """``ord(ch) -> NGram.normalize(ch)`` for ``str.translate``, each character worked
    out once per process (normalisation is a pure function of it)."""

    def __missing__(self, code: int) -> str:
        self[code] = ch = NGram.normalize(chr(code))
        return ch


class Words(dict[str, tuple[str, ...]]):
    """A word and the space after it -> its n-grams. NGram starts afresh after a space,
    so a word gives the same n-grams wherever it is, and words recur."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= MEMO_SIZE:
            self.clear()
        self[word] = grams = tuple(ngrams(word, profiles().word_lang_prob_map))
        return grams


#: The memos, shared by the detectors (see :func:`clear_memos`).
_NORMALIZED = Normalized()
_WORDS = Words()
#: weight -> n-gram -> ``weight + p`` for each p of its probabilities by language, as an
#: array (``numpy.add`` rounds each sum as Python's ``+`` does). With one trial the
#: weight (alpha / BASE_FREQ, alpha drawn first after seeding) is the same on every
#: page, and the same n-grams keep being drawn.
_FACTORS: dict[float, dict[str, Any]] = {}


def clear_memos() -> None:
    """Start the memos afresh (the profiles stay loaded)."""
    _NORMALIZED.clear()
    _WORDS.clear()
    _FACTORS.clear()


def _factors_for(weight: float, fresh: bool = False) -> dict[str, Any]:
    by_word = _FACTORS.get(weight)
    if by_word is None or fresh or len(by_word) >= MEMO_SIZE:
        if len(_FACTORS) >= 8:  # several trials draw several weights
            _FACTORS.clear()
        by_word = _FACTORS[weight] = {}
    return by_word


Method = TypeVar("Method", bound=Callable[..., Any])


def or_library(name: str) -> Callable[[Method], Method]:
    """A decorator: the method ``shortcut`` of :class:`FastDetector`, or on any surprise
    (an exception that is not langdetect's own) langdetect's method ``name``, on the
    detector's text as it was before the shortcut. (The name is given: a compiled
    function may have no ``__name__`` to read.)"""

    def decorate(shortcut: Method) -> Method:
        @wraps(shortcut)
        def method(self: FastDetector, *args: Any) -> Any:
            text = self.text
            try:
                return shortcut(self, *args)
            except LangDetectException:
                raise
            except Exception:
                self.text, self.langprob = text, None
                return getattr(Detector, name)(self, *args)

        return method  # type: ignore[return-value]

    return decorate


# Compiled (setup.py), a Python class with compiled methods: its base is langdetect's
# interpreted Detector (typed by stubs/langdetect, so that mypyc keeps it as the base).
@mypyc_attr(native_class=False)
class FastDetector(Detector):
    """langdetect's ``Detector`` on :func:`profiles`, with its costly steps done faster.

    Made with no arguments: the memos hold for those profiles only.
    """

    langprob: list[float] | None

    def __init__(self) -> None:
        try:
            self._start(profiles())
        except Exception:
            Detector.__init__(self, profiles())

    def _start(self, factory: Profiles) -> None:
        """``Detector.__init__``, less its random.Random() seeded from os.urandom (11 us,
        4% of a detection): _detect_block seeds self.random before drawing, when it
        draws from it at all."""
        self.word_lang_prob_map = factory.word_lang_prob_map
        self.langlist = factory.langlist
        self.seed = factory.seed
        self.random = Random.__new__(Random)  # (not seeded: by _detect_block)
        self.text = ""
        self.langprob = None
        self.alpha = self.ALPHA_DEFAULT
        self.n_trial = 7
        self.max_text_length = 10000
        self.prior_map = None
        self.verbose = False

    @or_library("append")
    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        if "@" in text:  # an address holds one; the pattern, with no prefix, is tried everywhere
            text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # langdetect copies the text character by character, dropping a space that
        # follows a space
        self.text += _SPACES.sub(" ", text[: self.max_text_length])

    @or_library("cleaning_text")
    def cleaning_text(self) -> None:
        # drops the Latin letters from a text mostly in another script
        without_latin = self.text.translate(_LATIN)
        latin = len(self.text) - len(without_latin)
        if latin * 2 < len(_NOT_LATIN.findall(self.text)):
            self.text = without_latin

    @or_library("_extract_ngrams")
    def _extract_ngrams(self) -> list[str]:
        text = self.text.translate(_NORMALIZED)
        return list(chain.from_iterable(map(_WORDS.__getitem__, _WORD_AND_SPACE.findall(text))))

    @or_library("_detect_block")
    def _detect_block(self) -> None:
        """``Detector._detect_block`` with ``_update_lang_prob`` and ``_normalize_prob``
        inlined in :meth:`_trial`: the same random draws, the same float operations in
        the same order. One trial (cleaner's) replays the draws of :func:`first_trial`
        instead of seeding a generator and drawing from it."""
        self.cleaning_text()
        grams = self._extract_ngrams()
        if not grams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        if self.n_trial == 1 and self.seed is not None and replay_by_words():
            trial = first_trial(self.seed)
            alpha = self.alpha + trial.gauss * self.ALPHA_WIDTH
            # (langdetect adds p / 1 to 0.0 for each probability p >= 0: p itself)
            self.langprob = self._trial(replayed(trial, grams), alpha / self.BASE_FREQ)
            return
        langprob = [0.0] * len(self.langlist)
        rnd = self.random
        rnd.seed(self.seed)
        # rnd.choice, without its Python-level _randbelow when draw is the same
        pick = partial(draw, rnd, grams) if choice_by_bits() else partial(rnd.choice, grams)
        trials = self.n_trial
        for _ in range(trials):
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            prob = self._trial(iter(pick, None), alpha / self.BASE_FREQ)
            langprob = [p + q / trials for p, q in zip(langprob, prob, strict=False)]
        self.langprob = langprob

    def _trial(self, drawn: Iterator[str], weight: float) -> list[float]:
        """One trial's probabilities by language, multiplied by the n-grams ``drawn``. They
        are a numpy array: each of the ~50 draws a page multiplies 55 of them, one
        in-place ufunc call instead of 55 Python multiplications (``*=`` and ``/=`` round
        each element as Python's * and / do, and skip ``out=``'s keyword parsing; the sum
        stays Python's, on a list, so that it adds in langdetect's order)."""
        prob = np.array(self._init_probability(), dtype=np.float64)
        known, by_word = self.word_lang_prob_map, _factors_for(weight)
        threshold, limit = self.CONV_THRESHOLD, self.ITERATION_LIMIT
        i = 0
        while True:
            word = next(drawn)
            sums = by_word.get(word)
            if sums is None:
                if len(by_word) >= MEMO_SIZE:
                    by_word = _factors_for(weight, fresh=True)
                sums = by_word[word] = np.add(weight, known[word])
            prob *= sums
            if i % 5 == 0:
                values = prob.tolist()
                total = sum(values)
                if not total:  # langdetect's own method raises ZeroDivisionError (or_library runs it)
                    raise ZeroDivisionError("float division by zero")
                prob /= total
                # the largest probability after the division: the largest before it,
                # divided (division by a positive number keeps the order, and rounds
                # the same quotient the same way), without numpy's max()
                if max(values) / total > threshold or i >= limit:
                    return prob.tolist()
            i += 1
