"""setuptools' build backend, with mypy among the wheel's build requirements when
``CLEANER_COMPILE`` asks for the compiled build (see setup.py). Pin it with a
constraints file (``PIP_CONSTRAINT=constraints.txt``), as the Makefile's ``compiled`` does."""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, unchanged)

#: What compiling needs besides setuptools: mypyc (in mypy).
COMPILE_REQUIRES = ["mypy"]


def _compiling() -> bool:
    return os.environ.get("CLEANER_COMPILE", "") not in ("", "0")


def get_requires_for_build_wheel(config_settings: dict[str, str] | None = None) -> list[str]:
    if _compiling():
        # setuptools would run setup.py to read its setup_requires (it has none), and
        # setup.py imports mypyc, not yet installed
        return COMPILE_REQUIRES
    return build_meta.get_requires_for_build_wheel(config_settings)
