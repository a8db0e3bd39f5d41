from typing import Any

PROFILES_DIRECTORY: str

class DetectorFactory:
    word_lang_prob_map: dict[str, Any]
    langlist: list[str]
    def __init__(self) -> None: ...
    def load_profile(self, profile_directory: str) -> None: ...
