"""Our faster langdetect ``Detector`` gives langdetect's own answers, step by step.

cleaner.detector overrides a few ``Detector`` methods to do the same work with less
Python overhead. The detector's random choices are drawn from the n-gram list, so
that list must be the very same (items and order), and the probabilities must come
from the same float operations in the same order; these tests compare every step
with the library's methods on many texts in many scripts.
"""

from __future__ import annotations

import inspect
import os
import random
import re
import sys
import textwrap
from functools import partial
from importlib.metadata import version

import pytest
from helpers import FIXTURES, SEED_PAGES, examples
from langdetect import detector as langdetect_detector
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram

from cleaner.detector import LANGDETECT_VERSION, profiles
from cleaner.language import _detector_class, detect_language, language_of, sample

#: Short texts covering the branches of langdetect's normalisation: capitals and
#: acronyms, Latin-1 letters and the Latin-1 characters it blanks (« » ° nbsp), the
#: Romanian comma letters, Vietnamese (precomposed, and letters with combining marks,
#: which ``normalize_vi`` composes), Greek, Cyrillic, Arabic with the Farsi yeh,
#: Hebrew, Devanagari, Thai, Chinese (Kanji classes), Japanese kana, Bopomofo, Korean,
#: general punctuation, digits, URLs and e-mail addresses, runs of spaces.
TEXTS = [
    "",
    " ",
    "a",
    "A",
    "AB",
    "   spaces   between   words   ",
    "The NATO summit in the USA: IBM, BBC and the UN. OK? A I O U. iPhone McDonald XIIth",
    "Ÿ ÿ À la CAFÉ déjà-vu — «guillemets» 30° C\u00a0nbsp ÆØÅ æøå ß ẞ ĳ Ĳ ǅ ǆ ǈ",
    "Guvernul României a aprobat astăzi ședința; țara și ţara şi ș ț Ș Ț",
    "Chính phủ Việt Nam hôm nay đã thông qua nghị quyết về phát triển kinh tế.",
    "Vie\u0302\u0323t Nam co\u0301 nhie\u0302\u0300u ti\u0309nh tha\u0300nh pho\u0302\u0301",
    "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα ΣΤΗΡΙΞΗΣ για τις ΜΙΚΡΕΣ επιχειρήσεις.",
    "Правительство в среду утвердило НОВУЮ программу поддержки малого бизнеса. ЦБ РФ",
    "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني. یک دو سه ی ي",
    "הממשלה אישרה היום תוכנית חדשה לתמיכה בעסקים קטנים.",
    "सरकार ने आज छोटे व्यवसायों के लिए एक नई योजना की घोषणा की।",
    "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือธุรกิจขนาดเล็กในวันนี้",
    "国务院今天召开常务会议，研究部署进一步支持小微企业发展的政策措施。",
    "政府は本日、中小企業を支援するための新たな対策を発表しました。カタカナ ひらがな ｶﾀｶﾅ",
    "ㄅㄆㄇㄈ ㆠㆡ 注音符號",
    "정부는 오늘 중소기업 지원을 위한 새로운 대책을 발표했다.",
    "Prices rose 3.5% in 2024 (up from 2.1%); see https://example.com/a?b=c&d=e or mail "
    "press@example.org … “quotes” ‘single’ – dashes — and • bullets",
    "1234567890 !!! ??? ... --- ___ [[ ]] ^^ `` {} ~~ 12:30 +44 20 7946 0958",
    "Mixed: Москва and London, 東京 and Paris, القاهرة and Berlin, Αθήνα and Rome.",
    "Gänsefüßchen ÜBER ÄRGER ÖL straße STRASSE Maß",
    "\U0001f600 emoji \U0001f44d and astral \U00020000\U0002a6d6 ideographs 𝐁𝐨𝐥𝐝",
    "Tab\tand\nnew\nlines\r\nand\u2028separators\u3000ideographic space",
    "xyz" * 200,  # beyond the sample size
]

#: Characters for generated texts: every branch above, mixed at random.
_ALPHABET = (
    "aAbBzZ eé ÉÀ ßẞ ǅ ș ț Ș ạ ế ầ Ạ \u0300\u0301\u0303\u0309\u0323 Ωω ΣΣ Жж ЦБ 日本語 国 かカ ｶ ㄅ 한국 "
    "ي ی א क ก \u00a0«»°  .,;:!?'\"-–—…“”•1234567890\n\t[\\]^_`{|}~@/ ĳ Ĳ \U0001f600 \U00020000"
)


def _generated(count: int = 1500) -> list[str]:
    rng = random.Random(20240611)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 120))) for _ in range(count)]


#: Pages from the repository: the seeds, and the plain-text fixtures.
def _pages() -> list[str]:
    paths = list(SEED_PAGES)
    for folder in ("clean", "content", "pages"):
        paths += sorted((FIXTURES / folder).glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


#: Prose in several languages, combined into pages with menus around them.
PROSE = [t for t in TEXTS if len(t) > 40]


def _multilingual_pages(count: int = 200) -> list[str]:
    rng = random.Random(7)
    menu = ["Home", "News", "Sport", "Контакты", "ホーム", "الرئيسية", "Login | Register", "© 2024"]
    pages = []
    for _ in range(count):
        lines = rng.sample(menu, 3) + rng.sample(PROSE, rng.randint(1, 3)) + rng.sample(menu, 2)
        rng.shuffle(lines)
        pages.append("\n".join(lines))
    return pages


def _both(text: str, trials: int = 1):
    """(langdetect's own detector, ours) after appending ``text``."""
    plain = langdetect_detector.Detector(profiles())
    fast = _detector_class()()
    for detector in (plain, fast):
        detector.n_trial = trials
        detector.append(text)
    return plain, fast


def test_the_installed_langdetect_is_the_one_our_detector_copies():
    # the overrides reproduce langdetect 1.0.9's internals; another version gets the
    # library's own Detector (so the same answers, slower) until they are checked again
    assert version("langdetect") == LANGDETECT_VERSION
    assert issubclass(_detector_class(), langdetect_detector.Detector)


def test_a_detector_starts_as_langdetect_s_does():
    plain, fast = vars(langdetect_detector.Detector(profiles())), vars(_detector_class()())
    assert plain.pop("random").__class__ is fast.pop("random").__class__
    assert fast == plain


def test_the_memos_start_afresh_when_full(monkeypatch):
    import cleaner.detector

    monkeypatch.setattr(cleaner.detector, "MEMO_SIZE", 3)
    for text in TEXTS[:12]:
        _assert_same_ngrams(text)
        plain, fast = _both(_snippet(text), 3)
        if plain._extract_ngrams():
            plain.get_probabilities()
            fast.get_probabilities()
            assert fast.langprob == plain.langprob


def _assert_same_ngrams(text: str) -> None:
    for snippet in {text, _snippet(text)}:
        plain, fast = _both(snippet)
        assert fast.text == plain.text, "append"
        plain.cleaning_text()
        fast.cleaning_text()
        assert fast.text == plain.text, "cleaning_text"
        assert fast._extract_ngrams() == plain._extract_ngrams()


@pytest.mark.parametrize("text", TEXTS + _pages(), ids=lambda t: repr(t[:20]))
def test_the_ngram_list_is_langdetect_s(text):
    _assert_same_ngrams(text)


def test_the_ngram_list_is_langdetect_s_on_generated_texts():
    for text in _generated():
        try:
            _assert_same_ngrams(text)
        except AssertionError as e:
            raise AssertionError(f"{text!r}: {e}") from None


def test_the_texts_reach_every_branch():
    """The comparisons above mean something only if the texts exercise langdetect's rules."""
    from langdetect.utils.ngram import NGram

    reached = set()
    for text in TEXTS + _generated():
        plain, _ = _both(text)
        if plain.URL_RE.search(text) or plain.MAIL_RE.search(text):
            reached.add("url or mail")
        if NGram.normalize_vi(text) != text:
            reached.add("vietnamese marks")
        appended = plain.text
        plain.cleaning_text()
        if plain.text != appended:
            reached.add("latin removed")
        ngram = NGram()
        for ch in plain.text:
            ngram.add_char(ch)
            reached.add("capitals" if ngram.capitalword else "not capitals")
            if ch in NGram.CJK_MAP and NGram.CJK_MAP[ch] != ch:
                reached.add("kanji class")
    assert reached == {"url or mail", "vietnamese marks", "latin removed", "capitals", "not capitals", "kanji class"}


@pytest.mark.parametrize("trials", [1, 3, 7])
def test_the_probabilities_are_langdetect_s(trials):
    for text in TEXTS + _pages() + _generated(examples(300)):
        plain, fast = _both(_snippet(text), trials)
        try:
            expected = plain.get_probabilities()
        except LangDetectException:
            with pytest.raises(LangDetectException):
                fast.get_probabilities()
            continue
        got = fast.get_probabilities()
        assert fast.langprob == plain.langprob, text  # every float, exactly
        assert [(x.lang, x.prob) for x in got] == [(x.lang, x.prob) for x in expected], text


def _snippet(text: str) -> str:
    """A bounded piece of any text for the detectors: its longest lines, up to the
    sample's size, whether prose or not (menus, scripts, symbols; cleaner's own sample
    takes prose only, see tests/test_language_sample.py)."""
    from cleaner.language import SAMPLE_CHARS

    if len(text) <= SAMPLE_CHARS:
        return text
    picked, total = [], 0
    for line in sorted(text[: 200 * SAMPLE_CHARS].splitlines(), key=len, reverse=True):
        if total >= SAMPLE_CHARS:
            break
        picked.append(line.strip()[: SAMPLE_CHARS - total])
        total += len(picked[-1]) + 1
    return "\n".join(picked)


def _plain_detector() -> langdetect_detector.Detector:
    """langdetect's own Detector on the profiles cleaner's detector uses."""
    return langdetect_detector.Detector(profiles())


#: Too few letters in words to claim a language (and langdetect would claim one).
FEW_LETTERS = [
    "SHARE THIS ARTICLE\n000000000000000000000000000000000000000000:I\ng\nI",
    "Home News Sport Weather Contact Login | 2024 | 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
    "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z a b c d e f g h i j k l m n o p",
]


def test_detect_language_answers_as_langdetect_does():
    assert [detect_language(text) for text in FEW_LETTERS] == [None] * len(FEW_LETTERS)
    texts = TEXTS + FEW_LETTERS + _pages() + _generated(500) + _multilingual_pages()
    snippets = [_snippet(text) for text in texts]
    answers = [language_of(snippet) for snippet in snippets]
    assert answers == [language_of(snippet, _plain_detector) for snippet in snippets]
    # and the comparison is not between two Nones
    assert len({a for a in answers if a}) >= 10
    # detect_language: the same, on a sample of the text's prose
    answers = [detect_language(text) for text in texts]
    assert answers == [language_of(sample(text), _plain_detector) for text in texts]
    assert len({a for a in answers if a}) >= 5


def test_the_profiles_are_langdetect_s():
    # our loader reads langdetect's files into one table: the same languages in the
    # same order, the same n-grams, every probability the same float
    from langdetect import detector_factory

    theirs = detector_factory.DetectorFactory()
    theirs.load_profile(detector_factory.PROFILES_DIRECTORY)
    ours = profiles()
    assert ours.langlist == theirs.langlist
    assert list(ours.word_lang_prob_map) == list(theirs.word_lang_prob_map)
    for gram, probabilities in theirs.word_lang_prob_map.items():
        assert ours.word_lang_prob_map[gram].tolist() == probabilities, gram
    assert ours.seed == 0


def test_the_profiles_are_no_work_for_the_garbage_collector():
    # 87,600 lists of probabilities were tracked by the cyclic collector, which walked
    # them all at each full collection; rows of a numpy table are not tracked
    import gc

    gc.collect()
    probabilities = profiles().word_lang_prob_map
    assert len(probabilities) > 50_000
    tracked = [gram for gram, p in probabilities.items() if gc.is_tracked(p)]
    assert tracked == []
    # and langdetect's own detector still reads them (by index)
    plain = langdetect_detector.Detector(profiles())
    plain.append("Le gouvernement a annoncé aujourd'hui de nouvelles mesures pour les entreprises.")
    assert plain.detect() == "fr"


def test_the_inlined_draw_is_random_choice():
    # _detect_block draws n-grams as Random.choice does, written out; on a Python whose
    # choice draws otherwise it calls choice itself (and still answers as langdetect)
    from random import Random

    from cleaner.detector import choice_by_bits, draw

    assert choice_by_bits()
    ours, theirs = Random(3), Random(3)
    for n in range(1, 300):
        seq = [str(i) for i in range(n)]
        assert draw(ours, seq) == theirs.choice(seq)


def test_one_trial_replays_the_draws_of_a_seeded_random_choice():
    # a detection's one trial takes its alpha and its n-grams from words drawn once per
    # process; past those words, from the generator as they left it
    from random import Random

    from cleaner.detector import STREAM_WORDS, first_trial, replay_by_words, replayed

    assert replay_by_words()
    for n in (1, 2, 7, 64, 757, 3000):
        seq = [str(i) for i in range(n)]
        theirs = Random(0)
        assert first_trial(0).gauss == theirs.gauss(0.0, 1.0)
        ours = replayed(first_trial(0), seq)
        assert [next(ours) for _ in range(STREAM_WORDS * 2)] == [theirs.choice(seq) for _ in range(STREAM_WORDS * 2)]


def test_a_trial_longer_than_the_words_replayed_answers_as_langdetect(monkeypatch):
    import cleaner.detector

    monkeypatch.setattr(cleaner.detector, "STREAM_WORDS", 3)
    cleaner.detector.first_trial.cache_clear()
    try:
        _assert_same_probabilities()
    finally:
        cleaner.detector.first_trial.cache_clear()


def test_without_the_inlined_draw_the_answers_are_the_same(monkeypatch):
    import cleaner.detector

    monkeypatch.setattr(cleaner.detector, "choice_by_bits", lambda: False)
    _assert_same_probabilities(trials=3)  # (one trial replays its draws: no choice at all)


def _assert_same_probabilities(trials: int = 1) -> None:
    for text in TEXTS[:12] + _pages()[:3]:
        plain, fast = _both(_snippet(text), trials)
        if not plain._extract_ngrams():
            continue
        plain.get_probabilities()
        fast.get_probabilities()
        assert fast.langprob == plain.langprob


# -- the shortcuts fail safe: any surprise means langdetect's own method ---------------------

#: Compiled (setup.py), the detector calls its plain functions directly: patching one in
#: the module does not reach them (its lru_cache'd functions it calls through the module).
_CALLED_DIRECTLY_WHEN_COMPILED = pytest.mark.skipif(
    os.environ.get("CLEANER_EXPECT_COMPILED") == "1", reason="a compiled module calls its own functions directly"
)


def _rename(monkeypatch, owner: type, old: str, new: str) -> None:
    """Rename ``owner.old`` to ``owner.new`` as a langdetect release would: langdetect's own
    methods that use it (their source, rewritten) use the new name; ours, the old one."""
    monkeypatch.setattr(owner, new, owner.__dict__[old], raising=False)
    monkeypatch.delattr(owner, old)
    for cls in (langdetect_detector.Detector, NGram):
        for name, method in list(vars(cls).items()):
            if not inspect.isfunction(method):
                continue
            source = getattr(method, "source", None) or textwrap.dedent(inspect.getsource(method))
            renamed = re.sub(rf"\.{old}\b", f".{new}", source)
            if renamed != source:
                namespace: dict = {}
                exec(renamed, vars(sys.modules[cls.__module__]), namespace)
                namespace[name].source = renamed  # (for a second rename)
                monkeypatch.setattr(cls, name, namespace[name])


def _answers(make, texts: list[str]) -> list:
    """(detected language, [(language, probability)], every probability) per text, or the
    exception raised, with detectors from ``make``."""
    answers = []
    for text in texts:
        detector = make()
        detector.n_trial = 3
        detector.append(_snippet(text))
        try:
            answers.append(
                (detector.detect(), [(x.lang, x.prob) for x in detector.get_probabilities()], detector.langprob)
            )
        except LangDetectException as e:
            answers.append(type(e).__name__)
    return answers


@pytest.fixture(scope="module")
def before_renames() -> tuple[list[str], list, list[str | None]]:
    """Texts, the library's answers on them and detect_language's, worked out once for
    every rename below (module scope: before any test's rename is made)."""
    texts = TEXTS + _pages() + _multilingual_pages(30)
    library = partial(langdetect_detector.Detector, profiles())
    return texts, _answers(library, texts), [detect_language(t) for t in texts]


@pytest.mark.parametrize(
    "owner, name",
    [
        (NGram, "normalize"),
        (NGram, "normalize_vi"),
        (langdetect_detector.Detector, "_init_probability"),
        (langdetect_detector.Detector, "ALPHA_DEFAULT"),
        (langdetect_detector.Detector, "ALPHA_WIDTH"),
        (langdetect_detector.Detector, "CONV_THRESHOLD"),
        (langdetect_detector.Detector, "MAIL_RE"),
    ],
    ids=lambda x: getattr(x, "__name__", x),
)
def test_a_langdetect_release_that_renames_a_private_name_changes_no_answer(monkeypatch, owner, name, before_renames):
    from cleaner.detector import clear_memos

    texts, expected, languages = before_renames
    library = partial(langdetect_detector.Detector, profiles())
    assert len({a[0] for a in expected if isinstance(a, tuple)}) >= 10  # (answers worth comparing)
    _rename(monkeypatch, owner, name, f"{name}_renamed")
    clear_memos()  # (what the memos hold was worked out before)
    assert _answers(library, texts) == expected  # the release still answers as before ...
    with pytest.raises(AttributeError):
        getattr(owner, name)
    assert _answers(_detector_class(), texts) == expected  # ... and so does ours
    assert [detect_language(t) for t in texts] == languages


@_CALLED_DIRECTLY_WHEN_COMPILED
def test_a_surprise_in_reading_the_profiles_has_langdetect_read_them(monkeypatch):
    import cleaner.detector

    texts = TEXTS + _pages()
    expected = _answers(partial(langdetect_detector.Detector, profiles()), texts)

    def unreadable(*args):
        raise KeyError("n_words")  # as if a release stored its profiles otherwise

    monkeypatch.setattr(cleaner.detector, "_column", unreadable)
    profiles.cache_clear()
    cleaner.detector.clear_memos()
    try:
        assert isinstance(profiles().word_lang_prob_map["the"], list)  # langdetect's own loader
        assert _answers(_detector_class(), texts) == expected
    finally:
        profiles.cache_clear()
        cleaner.detector.clear_memos()


@pytest.mark.parametrize(
    ("step", "check"),
    [pytest.param("draw", "choice_by_bits", marks=_CALLED_DIRECTLY_WHEN_COMPILED), ("first_trial", "replay_by_words")],
)
def test_a_surprise_in_a_draw_check_means_random_choice(monkeypatch, step, check):
    import cleaner.detector

    texts = TEXTS + _pages()
    expected = _answers(partial(langdetect_detector.Detector, profiles()), texts)

    def broken(*args):
        raise AttributeError("getrandbits")  # as on a Python whose Random drew otherwise

    monkeypatch.setattr(cleaner.detector, step, broken)
    getattr(cleaner.detector, check).cache_clear()
    try:
        assert not getattr(cleaner.detector, check)()
        assert _answers(_detector_class(), texts) == expected
    finally:
        getattr(cleaner.detector, check).cache_clear()


def test_cleaned_pages_are_the_same_after_a_release_renames_a_private_name(monkeypatch):
    from cleaner import Pipeline
    from cleaner.detector import clear_memos

    texts = _pages()
    expected = [Pipeline().clean(t).to_dict() for t in texts]
    _rename(monkeypatch, NGram, "normalize", "normalize_renamed")
    _rename(monkeypatch, langdetect_detector.Detector, "_init_probability", "_init_probability_renamed")
    clear_memos()
    assert [Pipeline().clean(t).to_dict() for t in texts] == expected
