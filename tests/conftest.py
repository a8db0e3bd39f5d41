"""The fast loop: `make test-fast` sets CLEANER_TESTS=fast, and property tests draw fewer
examples (``helpers.examples``); `make test`, CI and a plain `pytest` draw them all."""

from __future__ import annotations

from helpers import FAST
from hypothesis import settings

# A property test that names no count of its own draws this many in the fast loop.
settings.register_profile("fast", max_examples=20)
if FAST:
    settings.load_profile("fast")
