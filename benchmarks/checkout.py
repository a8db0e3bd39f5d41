"""Where the benchmarks take cleaner from: this checkout, or the installed package.

Each benchmark imports this module before cleaner. Run as ``python benchmarks/X.py``, a
script finds its sibling modules (this one, ``scoring``) by Python's own rule (the script's
directory comes first on ``sys.path``); this module puts the checkout's root before the
installed packages, so that the benchmark measures the code beside it. With
``CLEANER_INSTALLED`` set it does not, and the benchmark measures the installed cleaner
(e.g. the compiled build: ``cd /tmp && CLEANER_INSTALLED=1 .venv-compiled/bin/python
benchmarks/X.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if not os.environ.get("CLEANER_INSTALLED"):
    sys.path.insert(0, str(ROOT))
