"""How much text mode's F1 moves when each option of the content stage moves.

    python benchmarks/sensitivity.py ../shared/bench/articles [--factors 0.5 0.8 1.25 2]

Each numeric option of ``content`` is scaled by each factor in turn (the others at
their defaults) and the 90 text pages of DATA_DIR (see articles.py) are scored again.
Options tuned to these very pages would sit on a sharp peak, and held-out pages would
score lower; options on a plateau, where F1 hardly moves, carry over.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from articles import load
from scoring import score


def scaled(value: Any, factor: float) -> Any:
    """``value`` times ``factor``, an int rounded (and kept at 0 or more); None for an
    option that is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, int):
        return max(0, round(value * factor))
    return value * factor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/articles")
    parser.add_argument("--factors", type=float, nargs="+", default=[0.5, 0.8, 1.25, 2.0])
    args = parser.parse_args(argv)
    from cleaner import Config, Pipeline
    from cleaner.filters.content import MainContent

    pages, truth = load(args.data_dir, "text")

    def f1(options: dict[str, Any]) -> float:
        pipeline = Pipeline(Config(kind="text", filters={"content": options}))
        return score([(truth[key], pipeline.clean(page).text) for key, page in pages.items()]).f1

    base = f1({})
    print(
        f"F1 at the defaults: {base:.3f}; change in F1 with the option times "
        + ", ".join(f"{factor:g}" for factor in args.factors)
    )
    for name, default in MainContent.defaults.items():
        values = [scaled(default, factor) for factor in args.factors]
        if values[0] is None:
            continue
        changes = [f"{f1({name: value}) - base:+.3f}" for value in values]
        print(f"  {name:22} {default!s:>6}  " + "  ".join(changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
