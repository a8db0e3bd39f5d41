"""The fast loop: `make test-fast` sets CLEANER_TESTS=fast, and property tests draw fewer
examples (``helpers.examples``); `make test`, CI and a plain `pytest` draw them all."""

from __future__ import annotations

import os

from helpers import FAST
from hypothesis import settings

# A property test that names no count of its own draws this many in the fast loop.
settings.register_profile("fast", max_examples=20)
if FAST:
    settings.load_profile("fast")

# `make test-compiled` runs these tests on the compiled build installed in its own venv:
# they must import its compiled modules, not this tree's source (which a path entry for
# the tree would put first).
if os.environ.get("CLEANER_EXPECT_COMPILED") == "1":
    import cleaner.filters.base

    assert cleaner.filters.base.__file__.endswith(".so"), (
        f"CLEANER_EXPECT_COMPILED=1, but the tests import {cleaner.filters.base.__file__}"
    )
