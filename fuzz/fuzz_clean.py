"""Fuzz target for cleaner.clean (atheris, coverage-guided).

Run for a set time (seconds) from the repository root::

    mkdir -p fuzz/corpus && .venv/bin/python fuzz/fuzz_clean.py -max_total_time=600 fuzz/corpus fuzz/seeds

(the first folder collects the inputs found interesting; it is not committed)

Any exception other than InputError (bytes that are not text), an output that
cannot be written as UTF-8, or a body that changes when cleaned again (HTML: that
gains words when cleaned again as text) is a crash;
atheris stops and writes the input to ``crash-<hash>`` in the working directory.
Replay one with ``python fuzz/fuzz_clean.py crash-<hash>``. libFuzzer options such
as ``-runs=N``, ``-max_len=N`` and ``-timeout=S`` (per input) apply.
"""

from __future__ import annotations

import re
import sys

import atheris

WORD = re.compile(r"\w+")

with atheris.instrument_imports():
    import cleaner
    from cleaner.extraction import looks_like_html
    from cleaner.inputs import InputError


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    if mode == 0:  # bytes, through decoding
        try:
            doc = cleaner.clean(rest)
        except InputError:
            return
    elif mode == 1:  # text
        text = rest.decode("utf-8", errors="surrogateescape")
        doc = cleaner.clean(text)
    elif mode == 2:  # as HTML
        doc = cleaner.clean(rest.decode("utf-8", errors="replace"), kind="html")
    else:  # text wrapped in a page
        body = rest.decode("latin-1")
        doc = cleaner.clean(f"<html><body><p>{body}</p></body></html>")
    doc.text.encode("utf-8")
    twice = cleaner.clean(doc.text).text
    # bytes (mode 0) may be taken for HTML, as the pipeline would: then the HTML rule holds
    as_html = mode >= 2 or (mode == 0 and looks_like_html(rest)) or (mode == 1 and looks_like_html(text))
    if not as_html:
        assert twice == doc.text, "not idempotent"
    else:  # an HTML body cleaned again as text meets the text-only filters: it may only lose words
        assert set(WORD.findall(twice)) <= set(WORD.findall(doc.text)), "second pass added words"


def main(argv: list[str]) -> None:
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
