"""The HTML report of a batch: what each filter removed from each document, in a browser.

``cleaner report OUT --html FILE`` (and ``cleaner clean --report FILE``, ``cleaner
explain --html FILE``) write one self-contained page: an overview of the batch, a
sortable table of its documents, and up to ``full`` documents in full, their original
text with every removed piece in its filter's colour.
"""

from __future__ import annotations

from .build import ReportError, Written, check_target, plural, write_report
from .collect import ReportInputError, Source, batch_sources
from .summary import DEFAULT_FULL

__all__ = [
    "DEFAULT_FULL",
    "ReportError",
    "ReportInputError",
    "Source",
    "Written",
    "batch_sources",
    "check_target",
    "plural",
    "write_report",
]
