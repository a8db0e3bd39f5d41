"""cleaner as a datatrove pipeline step, and a WARC reader that keeps what cleaning needs.

Needs the ``datatrove`` extra (``pip install 'cleaner[datatrove]'``)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove import Cleaner, WarcReader

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), Cleaner(), JsonlWriter("clean/")], tasks=4
    ).run()

:class:`Cleaner` puts the body in ``doc.text`` and cleaner's metadata, ``removed``
included, under ``doc.metadata["cleaner"]``: the record ``cleaner clean --jsonl``
writes. A document with no article is dropped, and counted in datatrove's stats
(``dropped``, ``no_article``), as are the characters each filter removed
(``removed_NAME``). It is a plain :class:`PipelineStep`, not a ``BaseExtractor``:
an extractor hands its sandbox the text and takes back only text.

:class:`WarcReader` reads WARC files as ``cleaner clean`` does (:mod:`cleaner.warc`):
the same records, the payload's bytes and its HTTP charset kept for :class:`Cleaner`
(as a ``Media`` it takes off the document), damage logged and counted. datatrove's
own ``WarcReader`` works too: it decodes the page itself, and :class:`Cleaner` cleans
``doc.text``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datatrove.data import Document as DatatroveDocument
from datatrove.data import DocumentsPipeline, Media, MediaType
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from .config import LIMITS, Config
from .document import Document
from .inputs import InputError
from .pipeline import Pipeline
from .results import Result, metadata_record, removed_counts
from .warc import Page, page_document, page_text, read_archive

#: The ``Media.type`` under which :class:`WarcReader` keeps a page for :class:`Cleaner`.
PAGE_MEDIA = MediaType.DOCUMENT


class Cleaner(PipelineStep):
    """Clean each document's page; drop those with no article."""

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(self, config: Config | None = None, meta_key: str = "cleaner") -> None:
        super().__init__()
        self.config = config if config is not None else Config.discover()
        self.meta_key = meta_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        pipeline = Pipeline(self.config)
        warned = False
        for doc in data or ():
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    cleaned = self.clean(doc, pipeline)
                except Exception as exc:  # one bad page must not stop the task
                    self.stat_update("clean_error")
                    if not warned:
                        logger.warning(f"{doc.id}: {type(exc).__name__}: {exc} (reported once per task)")
                        warned = True
                    continue
            for name, (_, chars) in removed_counts(cleaned).items():
                self.stat_update(f"removed_{name}", value=chars)
            if not cleaned.text:
                self.stat_update(StatHints.dropped, "no_article")
                continue
            doc.text = cleaned.text
            doc.metadata[self.meta_key] = metadata_record(cleaned)
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc

    def clean(self, doc: DatatroveDocument, pipeline: Pipeline) -> Document:
        """The cleaned page: from the bytes :class:`WarcReader` kept, else from ``doc.text``."""
        page = take_page(doc)
        if page is not None:
            return page_document(page, pipeline)
        url = doc.metadata.get("url")
        return pipeline.clean(doc.text, url=url if isinstance(url, str) else None, id=doc.id)


def take_page(doc: DatatroveDocument) -> Page | None:
    """The page :class:`WarcReader` kept in ``doc.media``, taken off the document."""
    for i, media in enumerate(doc.media):
        if media.type == PAGE_MEDIA and media.media_bytes is not None and "kind" in media.metadata:
            del doc.media[i]
            meta = media.metadata
            return Page(
                meta["where"],
                media.media_bytes,
                url=media.url,
                record_id=media.id,
                date=meta["date"],
                kind=meta["kind"],
                charset=meta["charset"],
            )
    return None


class WarcReader(BaseDiskReader):
    """WARC files read as ``cleaner clean`` reads them: one document per page.

    ``doc.id`` is the WARC-Record-ID, ``doc.metadata`` has ``url`` and ``date``;
    ``doc.text`` is the page's HTML (for any step before :class:`Cleaner`).
    """

    name = "🕷 Warc (cleaner)"
    _requires_dependencies = ["fastwarc"]

    def __init__(self, data_folder: Any, max_bytes: int = LIMITS["max_bytes"], **kwargs: Any) -> None:
        """``kwargs`` are ``BaseDiskReader``'s (``glob_pattern``, ``limit``, ...)."""
        super().__init__(data_folder, **kwargs)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str) -> Iterator[DatatroveDocument]:
        with self.data_folder.open(filepath, "rb", compression=None) as fh:
            for page in read_archive(fh, filepath, self._note, self.max_bytes):
                with self.track_time():
                    yield self.document(page, filepath)

    def document(self, page: Page, filepath: str) -> DatatroveDocument:
        try:
            text = page_text(page, page.kind)
        except InputError:  # not text: Cleaner names the page; steps before it see this
            text = page.data.decode("utf-8", errors="replace")
        media = Media(
            id=page.record_id or page.where,
            type=PAGE_MEDIA,
            url=page.url or "",
            media_bytes=page.data,
            metadata={"where": page.where, "date": page.date, "kind": page.kind, "charset": page.charset},
        )
        doc = DatatroveDocument(
            text=text,
            id=page.record_id or page.where,
            media=[media],
            metadata={"url": page.url, "date": page.date},
        )
        if self.default_metadata:
            doc.metadata = self.default_metadata | doc.metadata
        if self.add_file_path:
            doc.metadata.setdefault("file_path", self.data_folder.resolve_paths(filepath))
        return doc

    def _note(self, result: Result) -> None:
        if result.status == "ignored":
            self.stat_update(f"not cleaned: {result.reason}")
        elif result.status == "error":
            self.stat_update("warc_errors")
            logger.warning(result.error)
