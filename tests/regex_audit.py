"""Find every regular expression cleaner uses and time it on adversarial strings.

Run as a script (the test does, in a subprocess with a time limit, because Python's
``re`` cannot be interrupted while it backtracks)::

    python tests/regex_audit.py            # prints one line per pattern, then a summary

It collects (1) every string in every list of every ``cleaner/data/<lang>/*.toml``
file that compiles as a regular expression, and each key's combined alternation as
:func:`cleaner.data._pattern` builds it, and (2) every compiled pattern found at
module level, or as a class attribute, in any module under ``cleaner``.

Each pattern runs ``findall`` and ``match`` over adversarial strings (runs of one
character, of two alternating characters, of the pattern's own literal words, each
followed by a character that spoils a match) at two sizes. A pattern fails when the
larger size costs far more than linear growth predicts (quadratic or worse) or any
single run takes longer than a hard limit. Before each pattern, ``START <id>`` is
printed and flushed, so a pattern that hangs is named by the last line.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
import time
import tomllib
from importlib import resources

TINY = 22  # exponential backtracking shows here already
SMALL, LARGE = 1_000, 8_000  # 8x the input...
MAX_RATIO = 40  # ...may cost up to 40x (linear: ~8x, quadratic: ~64x)
MIN_SECONDS = 0.05  # below this at LARGE, nothing to worry about
HARD_LIMIT = 0.5  # no run on LARGE characters may take longer

CHARS = list("aA1 .,-_/:@#&<>\"'|!?\t") + ["\n", "é", "©", "»", "\u00a0", "ж"]
PAIRS = [
    "a ",
    "a.",
    "a-",
    "1.",
    "1 ",
    "a1",
    "aA",
    "a/",
    ". ",
    "A ",
    "a,",
    "<a",
    "a>",
    "&#",
    "1:",
    "a\n",
    "a@",
    "a_",
    "A.",
    "a'",
]
SPOILERS = ["", "!", "\x00", "\n"]


def data_patterns() -> list[tuple[str, re.Pattern[str], list[re.Pattern[str]]]]:
    """(name, pattern, parts): each data key's alternation, with its items as parts
    (audited one by one only when the alternation fails, to name the culprit)."""
    from cleaner.filters import FILTERS

    # the lists the filters compile as patterns, and any other with an anchor or an escape
    named = {pair for cls in FILTERS for pair in cls.patterns.values()}
    found = []
    root = resources.files("cleaner.data")
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not lang_dir.is_dir() or lang_dir.name.startswith("_"):
            continue
        for path in sorted(lang_dir.iterdir(), key=lambda p: p.name):
            if not path.name.endswith(".toml"):
                continue
            family = path.name[:-5]
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            for key, values in _walk(data):
                strings = [values] if isinstance(values, str) else values
                if (family, key) not in named and not any("^" in v or "\\" in v for v in strings):
                    continue  # a list of phrases
                compiled = _compiled(strings)
                if compiled:
                    found.append((f"data/{lang_dir.name}/{family}.toml:{key}", *compiled))
    return found


def _compiled(strings: list[str]) -> tuple[re.Pattern[str], list[re.Pattern[str]]] | None:
    """(the alternation, its parts) of the strings that compile; None if none does."""
    parts = []
    for value in strings:
        try:
            parts.append(re.compile(value, re.IGNORECASE))
        except re.error:
            pass  # a phrase, not a pattern
    if not parts:
        return None
    try:
        combined = re.compile("|".join(f"(?:{p.pattern})" for p in parts), re.IGNORECASE)
    except re.error:
        combined = parts[0]
    return combined, parts


def _walk(data, prefix=""):
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _walk(value, name + ".")
        elif isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            yield name, value


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    import cleaner

    found = []
    seen: set[int] = set()
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # a module that cannot import is another test's failure
            print(f"SKIP {info.name}: {exc!r}", flush=True)
            continue
        spaces = [(info.name, vars(module))]
        for cname, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == info.name:
                spaces.append((f"{info.name}.{cname}", vars(obj)))
        for where, space in spaces:
            for name, value in space.items():
                many = isinstance(value, (list, tuple))
                for j, item in enumerate(value if many else [value]):
                    if isinstance(item, re.Pattern) and id(item) not in seen and isinstance(item.pattern, str):
                        seen.add(id(item))
                        found.append((f"{where}.{name}" + (f"[{j}]" if many else ""), item, []))
    return found


def adversarial(pattern: re.Pattern[str], n: int) -> list[str]:
    words = re.findall(r"[A-Za-z]{3,}", pattern.pattern)[:6]
    units = CHARS + PAIRS + [w + " " for w in words] + [w for w in words] + [w + "." for w in words]
    out = []
    for unit in units:
        body = unit * max(1, n // len(unit))
        for spoil in SPOILERS:
            out.append(body + spoil)
    return out


def _cost(pattern: re.Pattern[str], s: str) -> float:
    """CPU seconds (the load of other processes on a shared machine does not count)."""
    t = time.process_time()
    pattern.findall(s)
    pattern.match(s)
    return time.process_time() - t


def audit(pattern: re.Pattern[str]) -> str | None:
    """None if the pattern is linear-ish on every adversarial string, else why not."""
    for s_tiny in adversarial(pattern, TINY):
        t_tiny = _cost(pattern, s_tiny)
        if t_tiny > HARD_LIMIT / 10:
            return f"exponential: {t_tiny:.2f}s on {s_tiny!r} ({len(s_tiny)} chars)"
    small = adversarial(pattern, SMALL)
    large = adversarial(pattern, LARGE)
    for s_small, s_large in zip(small, large, strict=True):
        t_large = _cost(pattern, s_large)
        if t_large > HARD_LIMIT:
            return f"{t_large:.2f}s on {s_large[:12]!r}... ({len(s_large)} chars)"
        if t_large < MIN_SECONDS:
            continue
        t_large = min(t_large, _cost(pattern, s_large), _cost(pattern, s_large))
        t_small = max(min(_cost(pattern, s_small) for _ in range(3)), 1e-6)
        if t_large > MIN_SECONDS and t_large / t_small > MAX_RATIO:
            # Confirm at 4x the size (a shared, busy machine makes single timings noisy):
            # quadratic growth costs ~16x there, linear ~4x.
            s_huge = s_large * 4
            t_huge = min(_cost(pattern, s_huge) for _ in range(2))
            if t_huge / t_large > 10:
                return (
                    f"superlinear: {t_small * 1000:.1f}ms at {len(s_small)} chars, "
                    f"{t_large * 1000:.1f}ms at {len(s_large)}, {t_huge * 1000:.0f}ms at "
                    f"{len(s_huge)} on {s_large[:12]!r}..."
                )
    return None


def main() -> int:
    patterns = data_patterns() + module_patterns()
    bad = []
    for name, pattern, parts in patterns:
        print(f"START {name}", flush=True)
        problem = audit(pattern)
        if problem and len(parts) > 1:
            for i, part in enumerate(parts):
                print(f"START {name}[{i}]", flush=True)
                part_problem = audit(part)
                if part_problem:
                    bad.append(f"{name}[{i}]")
                    print(f"BAD {name}[{i}]: /{part.pattern[:200]}/ {part_problem}", flush=True)
        elif problem:
            bad.append(name)
            print(f"BAD {name}: /{pattern.pattern[:200]}/ {problem}", flush=True)
    print(f"AUDITED {len(patterns)} patterns, {len(bad)} bad", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
