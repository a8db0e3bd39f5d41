"""The pipeline: detect the input kind and language, run the filters, build the document."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .blocks import join_blocks, split_blocks
from .config import Config, ConfigError
from .data import LanguageData
from .document import Document, Page, Removal, empty_metadata
from .filters import BY_NAME, FILTERS, Filter
from .html import extract, looks_like_html
from .language import detect_language


class Pipeline:
    """A configured sequence of filters.

    Pipelines are cheap to pickle (only the configuration travels); phrase data and
    compiled patterns are loaded lazily, once per process and language.
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        unknown = (set(self.config.disable) | set(self.config.filters)) - set(BY_NAME)
        if unknown:
            raise ConfigError(
                f"unknown filter name(s): {', '.join(sorted(unknown))}; "
                f"known: {', '.join(BY_NAME)}"
            )
        self._filters: dict[str, list[Filter]] = {}
        self.filters_for("en")  # fail early on bad options

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self._filters = {}

    @property
    def enabled(self) -> list[str]:
        return [f.name for f in FILTERS if f.name not in self.config.disable]

    def filters_for(self, language: str | None) -> list[Filter]:
        data = LanguageData(language or "en")
        key = data.language
        if key not in self._filters:
            self._filters[key] = [
                cls(data, **self.config.filters.get(cls.name, {}))
                for cls in FILTERS
                if cls.name not in self.config.disable
            ]
        return self._filters[key]

    def clean(self, raw: str | bytes, *, url: str | None = None, source: str | None = None,
              id: str | None = None, kind: str | None = None) -> Document:
        """Clean one document, given as text or HTML (``kind`` overrides the configuration)."""
        metadata = empty_metadata()
        metadata["source"] = source or url
        kind = kind or self.config.kind
        removed: list[Removal] = []
        if kind == "auto":
            kind = "html" if looks_like_html(raw) else "text"
        if kind == "html":
            found = extract(raw, url=url)  # bytes are fine: trafilatura finds the encoding
            metadata.update(found.metadata)
            if not found.text:
                removed.append(Removal("html", "", found.reason or "no article found"))
                return Document("", id=id, metadata=metadata, removed=removed)
            raw = found.text
        elif isinstance(raw, bytes):
            raw = raw.decode("utf-8", errors="replace")
        text = raw
        language = self.config.language
        if language == "auto":
            language = metadata.get("language") or detect_language(text)
        metadata["language"] = language
        page = Page([], metadata, removed)
        filters = [f for f in self.filters_for(language) if kind in f.kinds]
        for f in filters:
            if f.stage == "text":
                text = f.apply_text(text, page)
        page.blocks = split_blocks(text)
        for f in filters:
            if f.stage == "blocks" and page.blocks:
                f.apply(page)
                page.compact()
        return Document(join_blocks(page.blocks), id=id, metadata=page.metadata, removed=page.removed)

    def run(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Clean a stream of documents (their ``text`` is the raw input), datatrove-style."""
        for doc in docs:
            meta = doc.metadata or {}
            yield self.clean(doc.text, url=meta.get("url"), source=meta.get("source"), id=doc.id)
