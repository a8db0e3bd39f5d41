"""The filters, in the order the pipeline runs them.

Text-stage filters run first, on the whole text; then the text is split into blocks
(one per line) and the block-stage filters run in the order listed here. The order
matters: chrome that is never article text goes first, so that the filters which look
at the page head (section labels, date bar, title) and at its tail (teasers) see the
article's real first and last paragraphs, as a second cleaning would; author boxes go before captions, whose
"short group of lines" rule would otherwise take a box of name and bio for a caption.
The main-content stage runs last, on what the specific filters left, so that what they
recognise is recorded with their precise reasons.
"""

from __future__ import annotations

from .base import Filter
from .bylines import AuthorBox, Byline
from .captions import Captions
from .chrome import Navigation, Rails, SectionLabels, WeatherWidget
from .content import MainContent
from .dates import DateBar
from .endmatter import CrossLinks, DanglingLabels, Teasers
from .markup import CodeFences, ScriptResidue, StrayMarkup
from .prompts import ClosingPrompts, CommentSection, CookieNotice, EdgePitches, Prompts
from .repair import GluedParagraphs
from .title import Title

#: Every filter, in pipeline order.
FILTERS: tuple[type[Filter], ...] = (
    StrayMarkup,  # text stage
    GluedParagraphs,
    CodeFences,
    ScriptResidue,
    CookieNotice,
    Prompts,
    ClosingPrompts,
    EdgePitches,
    CommentSection,
    Navigation,
    WeatherWidget,
    CrossLinks,
    Rails,
    DanglingLabels,
    AuthorBox,
    Byline,
    Captions,
    SectionLabels,
    DateBar,
    Title,
    Teasers,
    MainContent,  # last: what the specific filters did not name goes as "not the article"
)

BY_NAME: dict[str, type[Filter]] = {f.name: f for f in FILTERS}

__all__ = ["BY_NAME", "FILTERS", "Filter"]
