"""The filters, in the order the pipeline runs them.

Text-stage filters run first, on the whole text; then the text is split into blocks
(one per line) and the block-stage filters run in the order listed here.
"""

from __future__ import annotations

from .base import Filter
from .content import MainContent
from .repair import GluedParagraphs

#: Every filter, in pipeline order.
FILTERS: tuple[type[Filter], ...] = (
    GluedParagraphs,
    MainContent,
)

BY_NAME: dict[str, type[Filter]] = {f.name: f for f in FILTERS}

__all__ = ["BY_NAME", "FILTERS", "Filter"]
