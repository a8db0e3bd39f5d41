"""setuptools' build backend, with mypy among a wheel's build requirements unless
``CLEANER_COMPILE=0`` says not to compile (see setup.py), and editable installs never
compiled. Pin mypy with a constraints file (``PIP_CONSTRAINT=constraints.txt``), as the
Makefile's ``compiled`` does."""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, unchanged)

#: What compiling needs besides setuptools: mypyc (in mypy).
COMPILE_REQUIRES = ["mypy"]


def get_requires_for_build_wheel(config_settings: dict[str, str] | None = None) -> list[str]:
    if os.environ.get("CLEANER_COMPILE", "") != "0":
        # setuptools would run setup.py to read its setup_requires (it has none), and
        # setup.py would compile the package to list its extension modules
        return COMPILE_REQUIRES
    return build_meta.get_requires_for_build_wheel(config_settings)


def _interpreted() -> None:
    """An editable install stays interpreted: a compiled module in the tree would shadow
    the source being edited."""
    os.environ["CLEANER_COMPILE"] = "0"


def get_requires_for_build_editable(config_settings: dict[str, str] | None = None) -> list[str]:
    _interpreted()
    return build_meta.get_requires_for_build_editable(config_settings)


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: Any = None) -> str:
    _interpreted()
    return build_meta.prepare_metadata_for_build_editable(metadata_directory, config_settings)


def build_editable(wheel_directory: str, config_settings: Any = None, metadata_directory: Any = None) -> str:
    _interpreted()
    return build_meta.build_editable(wheel_directory, config_settings, metadata_directory)
