"""The build's one switch, ``CLEANER_COMPILE``: whether to compile the hot modules with mypyc.

Unset (the default), ``pip install .`` compiles them when it can and builds pure Python
when it cannot (no C compiler, or mypyc fails), saying why; ``0`` never compiles (a pure
wheel, no C compiler or mypy needed); ``1`` always does, and a compile that fails fails the
build. An editable install (``pip install -e .``) is never compiled: a compiled module in
the tree would shadow the source being edited (buildsys/backend.py). Compiled modules ship
beside the same ``.py`` files (an extension module is imported before the ``.py`` of the
same name). The metadata is in pyproject.toml; buildsys/backend.py adds mypy to the build
requirements unless ``0`` says not to compile. docs/benchmarks.md ("Compiled build") says
what compiling gives and what stays interpreted.
"""

from __future__ import annotations

import os
import sys
from glob import glob

from setuptools import setup
from setuptools.command.build_ext import build_ext

#: "" (unset): compile when possible; "0": never; anything else: always.
MODE = os.environ.get("CLEANER_COMPILE", "")

#: The modules the pipeline spends its own time in, line by line (the filters, the
#: content stage, blocks, the document and the language detector, typed by stubs/). The
#: rest (input and output, HTML extraction, the CLI) waits on libraries or runs once a
#: page: interpreted, as is the filters' registry (filters/__init__.py).
HOT = sorted(
    [
        *(path for path in glob("cleaner/filters/*.py") if not path.endswith("__init__.py")),
        *glob("cleaner/filters/content/*.py"),
        "cleaner/blocks.py",
        "cleaner/document.py",
        "cleaner/pipeline.py",
        "cleaner/keys.py",
        "cleaner/data/anchored.py",
        "cleaner/detector.py",
        "cleaner/sampling.py",
    ]
)


def pure(why: object) -> None:
    """Say, where pip shows a build's output, that this build is pure Python and why."""
    print(f"cleaner: building pure Python, not compiled ({why}); with CLEANER_COMPILE=1 it fails", file=sys.stderr)


#: The commands that build modules: the others (the metadata pip asks for first) need no compiling.
BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def ext_modules() -> list:
    if MODE == "0" or not BUILDS.intersection(sys.argv):
        return []
    try:
        from mypyc.build import mypycify  # (mypy: in the build requirements when compiling)

        # Third-party packages are not in the isolated build environment: typed as Any there,
        # where an ignore that their stubs need is unused (`make lint` checks with the stubs).
        return mypycify(["--ignore-missing-imports", "--no-warn-unused-ignores", *HOT], opt_level="3")
    except (Exception, SystemExit) as error:  # mypyc reports a type error by exiting
        if MODE:
            raise
        pure(error)
        return []


class BuildExt(build_ext):
    """setuptools' build_ext; when compiling was not asked for, a compile that fails leaves
    no extension module behind (a partly compiled package would not import) and the build
    goes on as pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # the compiler's errors are several classes, by platform
            if MODE:
                raise
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            pure(error)


setup(ext_modules=ext_modules(), cmdclass={"build_ext": BuildExt})
