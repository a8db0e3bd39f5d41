"""How much of a clean article text mode leaves alone, on the article-extraction benchmark.

    python benchmarks/passthrough.py ../shared/bench/articles

Text mode must cut flattened pages but pass clean text through untouched. Two sets of
clean articles from DATA_DIR (see articles.py): the true article bodies
(``ground-truth.json``), and the bodies HTML mode extracts from the pages, cleaned
again as text (what the pre-commit hook does to the ``.txt`` files of a batch over
HTML). For each: how many change, and the share of their characters lost.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from articles import load


def changes(texts: list[str]) -> tuple[int, float]:
    """(how many of ``texts`` text mode changes, share of their characters it drops);
    runs of whitespace count as one space (the body is re-joined by blank lines)."""
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind="text"))
    changed = lost = total = 0
    for text in texts:
        before = " ".join(text.split())
        after = " ".join(pipeline.clean(text).text.split())
        total += len(before)
        if after != before:
            changed += 1
            lost += max(0, len(before) - len(after))
    return changed, lost / max(1, total)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/articles")
    args = parser.parse_args(argv)
    from cleaner import Config, Pipeline

    pages, truth = load(args.data_dir, "html")
    html = Pipeline(Config(kind="html"))
    sets = {
        "true article bodies": list(truth.values()),
        "HTML mode's bodies": [html.clean(page).text for page in pages.values()],
    }
    for name, texts in sets.items():
        changed, lost = changes(texts)
        print(f"{name}, cleaned as text: {changed} of {len(texts)} changed, {lost:.1%} of their characters lost")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
