#!/usr/bin/env bash
# Compile cleaner's hot pure-Python modules with mypyc in a scratch copy, to measure it.
#
#     bash benchmarks/mypyc_spike.sh [SCRATCH]     # default /tmp/cleaner-mypyc
#     cd SCRATCH && REPO/.venv/bin/python benchmarks/instructions.py \
#         REPO/../shared/bench/articles --mode text --runs 1   # or snapshot.py take, articles.py
#
# A measurement spike (docs/benchmarks.md, "mypyc spike"), not a build: it copies the work
# tree's cleaner/, benchmarks/, seeds/ and fixtures/ to SCRATCH, makes there the few
# source edits mypyc needs (below), and builds the modules in place (one shared library
# and a stub per module).
# The benchmarks put SCRATCH first on sys.path, so run them from SCRATCH with this tree's
# .venv python. Needs a C compiler, the Python headers and setuptools >= 77 in the venv
# (pyproject.toml's license string): `.venv/bin/pip install 'setuptools>=77'`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
scratch="${1:-/tmp/cleaner-mypyc}"
rm -rf "$scratch" && mkdir -p "$scratch"
cp -r "$here/cleaner" "$here/benchmarks" "$here/seeds" "$here/fixtures" "$here/pyproject.toml" "$scratch/"
cd "$scratch"
"$here/.venv/bin/python" - <<'EOF'
import glob
import re

DECORATOR = "@mypyc_attr(native_class=False)\n"
IMPORT = "from __future__ import annotations\n\nfrom mypy_extensions import mypyc_attr\n"


def edit(path, old, new):
    text = open(path).read()
    assert old in text, (path, old)
    open(path, "w").write(text.replace(old, new))


# mypyc takes no `if` in a class body; the stand-in __getattr__ becomes a real one that
# raises as a missing attribute does. Filters set their pattern and phrase attributes with
# setattr, which a native class (no __dict__) refuses: Filter and every subclass stay
# Python classes whose methods are compiled.
edit(
    "cleaner/filters/base.py",
    "    if TYPE_CHECKING:\n"
    "        # The attributes named in ``patterns`` and ``phrases`` are set from the data in\n"
    "        # __init__, where a type checker cannot follow: to it they are Any.\n"
    "        def __getattr__(self, name: str) -> Any: ...\n",
    "    def __getattr__(self, name: str) -> Any:\n        raise AttributeError(name)\n",
)
for path in glob.glob("cleaner/filters/*.py"):
    text = open(path).read()
    text, n = re.subn(r"\nclass (\w+)\((Filter|PatternFilter)\):", "\n" + DECORATOR + r"class \1(\2):", text)
    if path.endswith("base.py"):
        text, n = text.replace("\nclass Filter:", "\n" + DECORATOR + "class Filter:"), n + 1
    if n:
        open(path, "w").write(text.replace("from __future__ import annotations\n", IMPORT, 1))
# mypyc takes no class defined in a function: dateutil's parserinfo subclass is made by type().
edit(
    "cleaner/filters/dates.py",
    """        class Info(parser.parserinfo):
            JUMP = jump
            MONTHS = months
            WEEKDAYS = [tuple(dates["weekdays"][str(n)]) for n in range(1, 8)]
            # the stubs say ("am", "pm")-shaped pairs; dateutil takes any number of markers
            AMPM = ampm  # type: ignore[assignment]
""",
    """        Info: Any = type(
            "Info",
            (parser.parserinfo,),
            {"JUMP": jump, "MONTHS": months, "AMPM": ampm,
             "WEEKDAYS": [tuple(dates["weekdays"][str(n)]) for n in range(1, 8)]},
        )
""",
)
EOF
# detector.py stays interpreted: FastDetector subclasses langdetect's (interpreted) Detector,
# and compiled it loses Detector's class attributes (AttributeError: ALPHA_DEFAULT).
modules=$(ls cleaner/filters/*.py cleaner/filters/content/*.py cleaner/blocks.py cleaner/document.py \
  cleaner/pipeline.py cleaner/keys.py cleaner/data/anchored.py | grep -v __init__)
time "$here/.venv/bin/mypyc" $modules
