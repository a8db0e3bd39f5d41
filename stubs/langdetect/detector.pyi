import re
from random import Random
from typing import Any, ClassVar

class Detector:
    ALPHA_DEFAULT: ClassVar[float]
    ALPHA_WIDTH: ClassVar[float]
    ITERATION_LIMIT: ClassVar[int]
    PROB_THRESHOLD: ClassVar[float]
    CONV_THRESHOLD: ClassVar[float]
    BASE_FREQ: ClassVar[int]
    UNKNOWN_LANG: ClassVar[str]
    URL_RE: ClassVar[re.Pattern[str]]
    MAIL_RE: ClassVar[re.Pattern[str]]
    word_lang_prob_map: dict[str, Any]
    langlist: list[str]
    seed: int | None
    random: Random
    text: str
    langprob: list[float] | None
    alpha: float
    n_trial: int
    max_text_length: int
    prior_map: Any
    verbose: bool
    def __init__(self, factory: Any) -> None: ...
    def append(self, text: str) -> None: ...
    def cleaning_text(self) -> None: ...
    def detect(self) -> str: ...
    def get_probabilities(self) -> list[Any]: ...
    def _extract_ngrams(self) -> list[str]: ...
    def _detect_block(self) -> None: ...
    def _init_probability(self) -> list[float]: ...
