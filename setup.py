"""The build's one switch: ``CLEANER_COMPILE=1`` compiles the hot modules with mypyc.

Without it (the default) the wheel is pure Python and needs no C compiler. With it the
modules below are compiled into extension modules shipped beside the same ``.py`` files
(an extension module is imported before the ``.py`` of the same name); a compile that
fails fails the build, with mypyc's or the compiler's error. The metadata is in
pyproject.toml; buildsys/backend.py adds mypy to the build requirements when compiling.
docs/benchmarks.md ("Compiled build") says what compiling gives and what stays interpreted.
"""

from __future__ import annotations

import os
from glob import glob

from setuptools import setup

#: What compiling asks for: any value but empty or 0.
COMPILE = os.environ.get("CLEANER_COMPILE", "") not in ("", "0")

#: The modules the pipeline spends its own time in, line by line (the filters, the
#: content stage, blocks and the document). The rest (input and output, HTML extraction,
#: the CLI) waits on libraries or runs once a page: interpreted, as are the filters'
#: registry (filters/__init__.py) and detector.py (langdetect ships no types: mypyc would
#: make FastDetector without its base, langdetect's Detector).
HOT = sorted(
    [
        *(path for path in glob("cleaner/filters/*.py") if not path.endswith("__init__.py")),
        *glob("cleaner/filters/content/*.py"),
        "cleaner/blocks.py",
        "cleaner/document.py",
        "cleaner/pipeline.py",
        "cleaner/keys.py",
        "cleaner/data/anchored.py",
    ]
)


def ext_modules() -> list:
    if not COMPILE:
        return []
    from mypyc.build import mypycify  # (mypy: in the build requirements when compiling)

    # Third-party packages are not in the isolated build environment: typed as Any there,
    # where an ignore that their stubs need is unused (`make lint` checks with the stubs).
    return mypycify(["--ignore-missing-imports", "--no-warn-unused-ignores", *HOT], opt_level="3")


setup(ext_modules=ext_modules())
