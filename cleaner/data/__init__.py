"""Phrase lists and patterns, one TOML file per filter family and language.

Layout: ``cleaner/data/<lang>/<family>.toml``. A family file holds named lists of
phrases (matched case-insensitively against a whole block or its start) and of
regular expressions. A language's data is merged over English key by key: a list it
has is its own entries followed by English's (English chrome is common on pages in
any language), a table is merged the same way entry by entry, and a key it lacks, or a
file it lacks, is English's. So a language can be added one key at a time.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .anchored import StartGated, dispatched

FALLBACK_LANGUAGE = "en"


def common_text(name: str) -> str:
    """The text of ``data/_common/NAME``, the data every language shares."""
    return (resources.files(__name__) / "_common" / name).read_text(encoding="utf-8")


def language_text(language: str, name: str) -> str | None:
    """The text of ``data/<language>/NAME``; None if the language has no such file."""
    path = resources.files(__name__) / language / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """The languages with phrase data of their own (read once: the package does not change)."""
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


def resolve(language: str) -> str:
    """The data language for a language code: the code itself when it has data, else its
    primary subtag ("zh-cn", "zh-tw", "pt-BR" -> "zh", "pt"), else English."""
    code = language.strip().casefold().replace("_", "-")
    for candidate in (code, code.split("-", 1)[0]):
        if candidate in available_languages():
            return candidate
    return FALLBACK_LANGUAGE


@cache
def own_family(language: str, family: str) -> dict[str, Any]:
    """The raw contents of ``<language>/<family>.toml``; empty if the language has no such file."""
    text = language_text(language, f"{family}.toml")
    return tomllib.loads(text) if text is not None else {}


@cache
def load_family(language: str, family: str) -> dict[str, Any]:
    """``<language>/<family>.toml`` merged over English's, key by key (see the module's docstring)."""
    base = own_family(FALLBACK_LANGUAGE, family)
    if not base:
        raise FileNotFoundError(f"no phrase data for family {family!r}")
    return base if language == FALLBACK_LANGUAGE else merged(own_family(language, family), base)


def merged(own: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``: lists joined (own entries first, no entry twice), tables
    merged entry by entry, any other value ``own``'s."""
    out = dict(base)
    for key, value in own.items():
        under = base.get(key)
        if isinstance(value, dict) and isinstance(under, dict):
            out[key] = merged(value, under)
        elif isinstance(value, list) and isinstance(under, list):
            out[key] = list(dict.fromkeys([*value, *under]))
        else:
            out[key] = value
    return out


class LanguageData:
    """Access to one language's phrase data, compiled once and cached per process."""

    def __init__(self, language: str):
        self.language = resolve(language)

    def __repr__(self) -> str:
        return f"LanguageData({self.language!r})"

    def family(self, family: str) -> dict[str, Any]:
        return load_family(self.language, family)

    def phrases(self, family: str, key: str) -> tuple[str, ...]:
        """A phrase list, lower-cased."""
        return _phrases(self.language, family, key)

    def phrase_set(self, family: str, key: str) -> frozenset[str]:
        return frozenset(self.phrases(family, key))

    def pattern(self, family: str, key: str) -> re.Pattern[str] | StartGated:
        """A list of regular expressions under ``key``, compiled into one alternation
        (behind a first-character gate when all of them are anchored at the start)."""
        return _pattern(self.language, family, key)


@cache
def _phrases(language: str, family: str, key: str) -> tuple[str, ...]:
    values = load_family(language, family).get(key, [])
    return tuple(str(v).casefold() for v in values)


def _anchored(pattern: str) -> bool:
    """Whether ``pattern`` starts with ``^`` and has no ``|`` outside groups and classes."""
    if not pattern.startswith("^"):
        return False
    depth, i, in_class = 0, 1, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


@cache
def _pattern(language: str, family: str, key: str) -> re.Pattern[str] | StartGated:
    values = load_family(language, family).get(key, [])
    if isinstance(values, str):
        values = [values]
    if not values:
        return re.compile(r"(?!)")  # matches nothing
    anchored = [v[1:] for v in values if _anchored(v)]
    return dispatched(anchored, [v for v in values if not _anchored(v)], re.IGNORECASE)
