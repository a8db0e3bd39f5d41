"""Configuration: which filters run and with what options.

Read, like ruff and black do, from the nearest ``cleaner.toml`` (top-level keys) or
``pyproject.toml`` (under ``[tool.cleaner]``), searching upwards from a directory::

    [tool.cleaner]
    disable = ["teasers"]          # filter names, see `cleaner filters`
    language = "auto"              # or an ISO 639-1 code to skip detection
    kind = "auto"                  # "text", "html" or "auto"
    max_bytes = 268435456          # largest input, after decompression (bytes)
    max_line_chars = 100000        # longer lines are kept as they are, unfiltered
    max_html_depth = 1000          # deeper-nested HTML is refused
    comments = "drop"              # readers' comments: "drop", "separate" or "keep"

    [tool.cleaner.filters.teasers] # options of one filter (the `defaults` in its class)
    min_run = 4
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .data import common_text

KINDS = ("auto", "text", "html")
#: What becomes of readers' comments: dropped with the page's chrome, kept apart in
#: ``metadata["comments"]``, or kept in the body after the article (docs/comments.md).
COMMENT_MODES = ("drop", "separate", "keep")
LIMITS = {"max_bytes": 256 * 1024 * 1024, "max_line_chars": 100_000, "max_html_depth": 1000}


#: Why a cleaner.toml holding ``[tool.cleaner]`` (the README's example, a pyproject.toml's
#: table) is refused: a cleaner.toml has its settings at the top level, as ruff.toml has
#: ruff's (ruff refuses ``[tool.ruff]`` there likewise).
TOOL_TABLE_IN_CLEANER_TOML = (
    "[tool.cleaner]{where} is a pyproject.toml's table: a cleaner.toml has its settings at the top level "
    "(remove the [tool.cleaner] line, and write [filters.NAME] for [tool.cleaner.filters.NAME]), "
    "or put the table in pyproject.toml"
)


class ConfigError(ValueError):
    """A configuration value that cannot be used; the message says which and why."""


@cache
def language_codes() -> frozenset[str]:
    """The codes ``language`` may take besides ``auto`` (ISO 639-1; data/_common/languages.txt)."""
    text = common_text("languages.txt")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def option_bounds() -> dict[str, dict[str, tuple[float, float]]]:
    """The ranges of the filters' number options that are neither counts nor thresholds, by
    filter and option (data/_common/option_bounds.toml)."""
    text = common_text("option_bounds.toml")
    tables = tomllib.loads(text)
    return {name: {key: (low, high) for key, (low, high) in table.items()} for name, table in tables.items()}


@dataclass(frozen=True)
class Config:
    disable: frozenset[str] = frozenset()
    language: str = "auto"
    kind: str = "auto"
    filters: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: Path | None = None  # where it was read from, if anywhere
    max_bytes: int = LIMITS["max_bytes"]
    max_line_chars: int = LIMITS["max_line_chars"]
    max_html_depth: int = LIMITS["max_html_depth"]
    comments: str = "drop"

    def __post_init__(self) -> None:
        if not isinstance(self.disable, frozenset):
            # any iterable of names is taken (a list, a set) and kept as a frozenset,
            # which the compiled pipeline checks that it reads
            if isinstance(self.disable, str):
                raise ConfigError(f"disable must be a list of filter names, not one string: {self.disable!r}")
            object.__setattr__(self, "disable", frozenset(self.disable))
        for key, valid in (("kind", KINDS), ("comments", COMMENT_MODES)):
            if getattr(self, key) not in valid:
                raise ConfigError(f"{key} must be one of {', '.join(valid)}, not {getattr(self, key)!r}")
        if self.language != "auto" and self.language not in language_codes():
            raise ConfigError(f"language must be auto or an ISO 639-1 code such as de or pl, not {self.language!r}")
        for key in LIMITS:
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{key} must be a positive whole number, not {value!r}")

    def with_overrides(
        self,
        *,
        disable: list[str] | None = None,
        kind: str | None = None,
        language: str | None = None,
        comments: str | None = None,
    ) -> Config:
        """This configuration with command-line options laid over it."""
        changes: dict[str, Any] = {"kind": kind, "language": language, "comments": comments}
        changes = {key: value for key, value in changes.items() if value}
        if disable:
            changes["disable"] = self.disable | frozenset(disable)
        return replace(self, **changes) if changes else self

    @classmethod
    def from_mapping(cls, data: dict[str, Any], path: Path | None = None) -> Config:
        known = {"disable", "language", "kind", "comments", "filters", *LIMITS}
        unknown = set(data) - known
        where = f" in {path}" if path else ""
        if unknown == {"tool"} and isinstance(data["tool"], dict) and set(data["tool"]) == {"cleaner"}:
            raise ConfigError(TOOL_TABLE_IN_CLEANER_TOML.format(where=where))
        if unknown:
            hint = " (a cleaner.toml has its settings at the top level)" if "tool" in unknown else ""
            raise ConfigError(f"unknown setting(s){where}: {', '.join(sorted(unknown))}{hint}")
        disable = data.get("disable", [])
        if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
            raise ConfigError(f"'disable'{where} must be a list of filter names")
        filters = data.get("filters", {})
        if not isinstance(filters, dict) or not all(isinstance(v, dict) for v in filters.values()):
            raise ConfigError(f"'filters'{where} must be a table of tables, one per filter")
        return cls(
            disable=frozenset(disable),
            language=str(data.get("language", "auto")),
            kind=str(data.get("kind", "auto")),
            comments=str(data.get("comments", "drop")),
            filters={k: dict(v) for k, v in filters.items()},
            path=path,
            **{key: data[key] for key in LIMITS if key in data},
        )

    @classmethod
    def load(cls, path: Path) -> Config:
        """Read a ``cleaner.toml`` or a ``pyproject.toml`` explicitly named by the user."""
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = _tool_table(data, path) or {}
        return cls.from_mapping(data, path)

    @classmethod
    def discover(cls, start: Path | None = None) -> Config:
        """The configuration in force for ``start`` (default: the working directory)."""
        found = find_config_file(start or Path.cwd())
        return cls.load(found) if found else cls()


def find_config_file(start: Path) -> Path | None:
    """The nearest ``cleaner.toml``, or ``pyproject.toml`` with a ``[tool.cleaner]`` table,
    in ``start`` or above. A ``pyproject.toml`` that cannot be read is an error, not
    passed over: it may hold the settings the user expects."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "cleaner.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _tool_table(_read_toml(candidate), candidate) is not None:
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read configuration {path}: {exc}") from exc


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """A ``pyproject.toml``'s ``[tool.cleaner]`` table, if it has one; refused if that
    (or ``tool``) is there but is not a table."""
    tool = data.get("tool", {})
    section = tool.get("cleaner") if isinstance(tool, dict) else tool
    if section is not None and not isinstance(section, dict):
        raise ConfigError(f"[tool.cleaner] in {path} must be a table of settings, not {section!r}")
    return section
