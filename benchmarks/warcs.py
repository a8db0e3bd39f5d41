"""WARC files built with warcio (the reference writer) from pages, for the tests and benchmarks.

Each page becomes a ``request`` and a ``response`` record with HTTP headers, as a
crawler writes them, after a ``warcinfo`` record.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str = "text/html"  # the HTTP Content-Type, charset and all
    status: str = "200 OK"


def article_pages(data_dir: Path) -> dict[str, bytes]:
    """The article benchmark's pages by key, as the bytes the server sent."""
    return {p.name.split(".")[0]: gzip.decompress(p.read_bytes()) for p in sorted((data_dir / "html").glob("*.gz"))}


def write_warc(path: Path, responses: list[Response], *, compress: bool = True) -> list[dict[str, Any]]:
    """Write ``responses`` to a WARC file; per response, what a reader should find:
    its ``url``, ``warc_record_id``, ``date`` (the WARC-Date) and ``offset``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    found = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "cleaner tests"}))
        for r in responses:
            request = StatusAndHeaders(f"GET {r.url} HTTP/1.1", [("Accept", "text/html")], is_http_request=True)
            writer.write_record(writer.create_warc_record(r.url, "request", http_headers=request))
            headers = [("Content-Type", r.content_type), ("Content-Length", str(len(r.body)))]
            http = StatusAndHeaders(r.status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(r.url, "response", payload=io.BytesIO(r.body), http_headers=http)
            offset = fh.tell()
            writer.write_record(record)
            found.append(
                {
                    "url": r.url,
                    "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
                    "date": record.rec_headers.get_header("WARC-Date"),
                    "offset": offset,
                }
            )
    return found
