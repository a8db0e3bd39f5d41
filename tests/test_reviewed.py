"""A trafilatura that renamed a private name the shortcuts use costs speed, never a page.

cleaner.parse, cleaner.metadata and cleaner.precise mirror trafilatura's internals. Each test here renames
one of the names they use, as an upgrade of trafilatura would (the module's binding and
every use of it in trafilatura's own code), and cleans real pages, as files: bodies,
metadata and removal records must be those of the library path (the shortcuts off).
"""

from __future__ import annotations

import ast
import gzip
import logging
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import ARTICLES, FAST, ROOT

import cleaner
from cleaner import metadata as cm
from cleaner import parse as cp
from cleaner import precise as cpr
from cleaner import reviewed
from cleaner.inputs import decode

# The library path calls these itself (public API): renaming them breaks trafilatura's users too.
_LIBRARY_PATH = {"extract_metadata", "load_html", "DEFAULT_CONFIG", "set_date_params", "bare_extraction"}


def _names_used(path: Path) -> set[tuple[str, str]]:
    """(trafilatura module, name) for each name ``path`` imports from trafilatura or reads
    off a trafilatura module imported under an alias."""
    found: set[tuple[str, str]] = set()
    aliases: dict[str, str] = {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("trafilatura"):
            found |= {(str(node.module), alias.name) for alias in node.names}
        elif isinstance(node, ast.Import):
            aliases |= {a.asname: a.name for a in node.names if a.asname and a.name.startswith("trafilatura")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            found.add((aliases[node.value.id], node.attr))
    return found


NAMES = sorted(
    (module, name)
    for path in (ROOT / "cleaner" / "parse.py", ROOT / "cleaner" / "metadata.py", ROOT / "cleaner" / "precise.py")
    for module, name in _names_used(path)
    if name not in _LIBRARY_PATH
)


def _code_objects(obj: Any) -> Iterator[types.FunctionType]:
    """The plain functions in a module's namespace or a class's, wrappers unwrapped."""
    for value in vars(obj).values():
        value = getattr(value, "__func__", value)  # staticmethod, classmethod
        value = getattr(value, "__wrapped__", value)  # lru_cache and friends
        if isinstance(value, types.FunctionType):
            yield value
        elif isinstance(value, type) and value.__module__.startswith("trafilatura"):
            yield from _code_objects(value)


def _renamed_code(code: types.CodeType, old: str, new: str) -> types.CodeType:
    consts = tuple(_renamed_code(c, old, new) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    names = tuple(new if n == old else n for n in code.co_names)
    return code.replace(co_names=names, co_consts=consts)


def _mentions(code: types.CodeType, old: str) -> bool:
    return old in code.co_names or any(_mentions(c, old) for c in code.co_consts if isinstance(c, types.CodeType))


def rename(monkeypatch: pytest.MonkeyPatch, module_name: str, old: str) -> None:
    """Rename ``old`` in ``module_name`` to ``_renamed_old``, in every trafilatura module that
    binds it and in every trafilatura function that names it."""
    new = f"_renamed_{old}"
    value = getattr(sys.modules[module_name], old)
    modules = [m for n, m in list(sys.modules.items()) if n.split(".")[0] == "trafilatura" and m is not None]
    for module in modules:
        if getattr(module, old, None) is value:
            monkeypatch.delattr(module, old)
            monkeypatch.setattr(module, new, value, raising=False)
    for module in modules:
        for function in _code_objects(module):
            if function.__module__.startswith("trafilatura") and _mentions(function.__code__, old):
                monkeypatch.setattr(function, "__code__", _renamed_code(function.__code__, old, new))


def _pages() -> list[tuple[str, str | bytes]]:
    """Each page as its file's bytes, and as the text a JSONL record would carry (the
    parse shortcut takes only text)."""
    paths = sorted((ROOT / "fixtures" / "html").iterdir())
    # the benchmark's pages, when the shared folder is beside the clone; not in the fast
    # loop: the fixtures reach every name, and these three cost as much as all of them
    if ARTICLES.is_dir() and not FAST:
        paths += sorted((ARTICLES / "html").glob("*.html.gz"))[:3]
    pages: list[tuple[str, str | bytes]] = []
    for path in paths:
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages += [(path.name, data), (f"{path.name} as text", decode(data, path.name))]
    return pages + [("byline.html", _BYLINE_PAGE), ("byline.html as text", _BYLINE_PAGE.decode())]


#: A byline that holds a date, which the author search prunes from a copy of the byline.
_BYLINE_PAGE = (
    b"<html><head><title>Otters return</title></head><body><article>"
    + b"<p>Otters have returned to the river after thirty years, the trust said on Monday.</p>" * 4
    + b'<div class="byline">By Ann<time>today</time> Lee</div></article></body></html>'
)


PAGES = _pages()


_REVIEWS = (cm._reviewed, cp._reviewed, cpr._reviewed)


def _forget_reviews() -> None:
    for review in _REVIEWS:
        review.cache_clear()


def _clean_all() -> list[tuple[str, dict[str, Any], list[Any]]]:
    _forget_reviews()
    results = []
    for name, page in PAGES:
        doc = cleaner.clean(page, url=f"https://example.org/{name}", kind="html")
        results.append((doc.text, doc.metadata, [r.to_dict() for r in doc.removed]))
    return results


@pytest.fixture(scope="module")
def library_path() -> list[tuple[str, dict[str, Any], list[Any]]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cm, "_reviewed", lambda: False)
        mp.setattr(cp, "_reviewed", lambda: False)
        mp.setattr(cpr, "_reviewed", lambda: False)
        found = _clean_all()
    _forget_reviews()
    return found


def test_the_shortcuts_are_taken_on_the_reviewed_trafilatura(library_path: list[Any]) -> None:
    assert cm._reviewed() and cp._reviewed() and cpr._reviewed(), "a new trafilatura: review the shortcuts"
    assert _clean_all() == library_path


def test_the_shortcuts_use_trafilatura_names_to_break() -> None:
    assert ("trafilatura.utils", "INVALID_XML_CHARS") in NAMES
    assert ("trafilatura.metadata", "examine_meta") in NAMES
    assert ("trafilatura.main_extractor", "extract_content") in NAMES
    assert len(NAMES) >= 20


@pytest.mark.parametrize("module_name, name", NAMES, ids=[name for _, name in NAMES])
def test_a_renamed_trafilatura_name_leaves_every_page_as_the_library_cleans_it(
    module_name: str, name: str, library_path: list[Any], monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    rename(monkeypatch, module_name, name)
    monkeypatch.setattr(reviewed, "_warned", set())
    try:
        with caplog.at_level(logging.WARNING, logger="cleaner.reviewed"):
            found = _clean_all()
    finally:
        monkeypatch.undo()
        _forget_reviews()
    for (page, _), got, expected in zip(PAGES, found, library_path, strict=True):
        assert got == expected, page
    assert "using the library's own code" in caplog.text, f"no page reached {name}: add a page that does"


def test_a_swap_puts_shortcuts_in_while_blocks_run_and_the_library_s_own_back_after_the_last():
    module = types.SimpleNamespace(a=1, b=2)
    given = []
    swap = reviewed.Swap(lambda: [(module, "a"), (module, "b")], lambda own: given.append(own) or {"a": 10, "b": 20})
    with swap():
        with swap():
            assert (module.a, module.b) == (10, 20)
        assert (module.a, module.b) == (10, 20)
    assert (module.a, module.b) == (1, 2) and given == [{"a": 1, "b": 2}]  # the library's own, read once
    with reviewed.Swap(lambda: [(module, "a")], lambda own: None)():  # (code not the one reviewed)
        assert module.a == 1
    with reviewed.Swap(lambda: [(module, "a"), (module, "gone")], lambda own: {"a": 10, "gone": 0})():
        assert module.a == 1 and not hasattr(module, "gone")
