"""Opening a report in a real headless Chromium: for the tests, the demo and the benchmark.

Needs playwright (the ``test`` extra) and Debian's ``chromium`` (``make browser``
installs it): playwright's own browser download cannot reach the internet here. Each
launch gets a fresh profile, and the flags keep Chromium off the network.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Dialog, ViewportSize

#: Where Debian puts it; CLEANER_CHROMIUM names another.
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: A laptop's screen.
VIEWPORT: ViewportSize = {"width": 1366, "height": 800}


def find_chromium() -> str | None:
    """The Chromium to use, or None (and why not is :func:`missing`)."""
    path = os.environ.get("CLEANER_CHROMIUM") or CHROMIUM
    return path if os.access(path, os.X_OK) else shutil.which("chromium")


def missing() -> str | None:
    """Why no browser test can run here, or None when one can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if find_chromium() is None:
        return f"no chromium at {CHROMIUM} or on PATH (make browser: apt-get install -y chromium)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (a playwright ``Browser``) with a fresh profile, closed after."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="cleaner-chromium-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=find_chromium(), headless=True, args=FLAGS, viewport=VIEWPORT
        )
        try:
            yield context
        finally:
            context.close()


@contextmanager
def opened(context: Any, report: Path) -> Iterator[tuple[Any, list[str]]]:
    """(page, messages): the report loaded from its file:// URL, and every console error,
    uncaught exception and request for anything but the file itself, as they come."""
    page = context.new_page()
    problems: list[str] = []
    url = report.resolve().as_uri()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))

    def dialog(d: Dialog) -> None:  # alert(), confirm(): a script of the page's text ran
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.on("request", lambda r: problems.append(f"request: {r.url}") if r.url != url else None)
    page.goto(url, wait_until="load")
    try:
        yield page, problems
    finally:
        page.close()


#: The document a screenshot shows: the one with pieces of the most filters.
_MOST_FILTERS = """() => {
  const docs = [...document.querySelectorAll("section.doc")];
  const kinds = (doc) => new Set([...doc.querySelectorAll("del[data-filter]")].map((d) => d.dataset.filter)).size;
  const best = docs.reduce((a, b) => (kinds(b) > kinds(a) ? b : a));
  best.scrollIntoView();
  return best.id;
}"""


def screenshots(report: Path, prefix: str) -> list[str]:
    """PREFIX-overview.png and PREFIX-document.png of the report; the problems seen."""
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    with chromium() as context, opened(context, report) as (page, problems):
        page.screenshot(path=f"{prefix}-overview.png")
        page.evaluate(_MOST_FILTERS)
        page.wait_for_timeout(100)
        page.screenshot(path=f"{prefix}-document.png")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m cleaner.htmlreport.browser REPORT.html PREFIX", file=sys.stderr)
        return 2
    why = missing()
    if why:
        print(f"cannot open the report: {why}", file=sys.stderr)
        return 1
    problems = screenshots(Path(argv[0]), argv[1])
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"wrote {argv[1]}-overview.png and {argv[1]}-document.png" + (" (with problems)" if problems else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
