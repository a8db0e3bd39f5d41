"""Text mode's F1 on each half of both dev sets with one filter option scaled at a time.

    python benchmarks/sweep.py [--articles DIR] [--multilingual DIR] [--filters content ...]
                               [--factors 0.5 0.8 1.25 2] [--set FILTER.OPTION=VALUE ...]

Each numeric option of the named filters (default: the content stage) is scaled by each
factor in turn, the others at their defaults (or ``--set`` lists the variants to try),
and every text page of both sets is cleaned and scored with its set's metric
(splits.py). A row gives F1 and the pages under 0.5 for split 1 and split 2 of each set,
and how many pages move by more than 0.05 against the defaults, up and down: an option
worth changing gains on the split it was chosen on and on the other, and on both sets
(see docs/benchmarks.md, "Content options swept on all four splits").
"""

from __future__ import annotations

import argparse
from typing import Any

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import splits
from sensitivity import scaled

#: A page moves when its F1 changes by more than this.
MOVED = 0.05


def variants(filters: list[str], factors: list[float]) -> list[tuple[str, str, Any]]:
    """(filter, option, value) for each numeric option of ``filters`` scaled by each
    factor, leaving out values equal to the default and repeats."""
    from cleaner.filters import BY_NAME

    found: list[tuple[str, str, Any]] = []
    for name in filters:
        for option, default in BY_NAME[name].defaults.items():
            for factor in factors:
                value = scaled(default, factor)
                if value is not None and value != default and (name, option, value) not in found:
                    found.append((name, option, value))
    return found


def parse_set(text: str) -> tuple[str, str, Any]:
    """``FILTER.OPTION=VALUE`` (a bare ``OPTION`` is the content stage's) as a variant."""
    key, _, value = text.partition("=")
    name, _, option = key.rpartition(".")
    return name or "content", option, float(value) if "." in value else int(value)


def moved(base: dict[str, float], now: dict[str, float]) -> tuple[int, int]:
    """How many pages went up and down by more than :data:`MOVED`."""
    up = sum(now[k] > base[k] + MOVED for k in base)
    return up, sum(now[k] < base[k] - MOVED for k in base)


def score(sets: list[tuple[str, list, bool]], filters: dict) -> tuple[str, dict[str, float]]:
    """One row: each set's split 1 and split 2 as F1/pages under 0.5; every page's F1."""
    cells, pages = [], {}
    for name, items, micro in sets:
        results = splits.run(items, "text", filters=filters)
        found = splits.summaries(results, micro, min_pages=len(items) + 1)
        halves = [found[half] for half in ("split 1", "split 2")]
        cells.append(name + " " + " ".join(f"{h['f1']:.4f}/{h['collapsed']}" for h in halves))
        pages.update({f"{name}/{r.key}": r.f1 for r in results})
    return "  ".join(cells), pages


def main(argv: list[str] | None = None) -> int:
    parser = splits.data_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--filters", nargs="+", default=["content"])
    parser.add_argument("--factors", type=float, nargs="+", default=[0.5, 0.8, 1.25, 2.0])
    parser.add_argument("--set", nargs="+", dest="chosen", metavar="FILTER.OPTION=VALUE", help="these variants only")
    args = parser.parse_args(argv)
    args.mode = "text"
    sets = [(name, list(pages), micro) for name, _, pages, micro in splits.data_sets(args)]
    row, base = score(sets, {})
    print(f"{'defaults':40} {row}")
    tried = [parse_set(text) for text in args.chosen] if args.chosen else variants(args.filters, args.factors)
    for name, option, value in tried:
        row, pages = score(sets, {name: {option: value}})
        up, down = moved(base, pages)
        print(f"{f'{name}.{option}={value}':40} {row}  up {up} down {down}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
