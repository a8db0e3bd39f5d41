"""What each ``comments`` mode does on the dev pages, per data set, mode and split.

    python benchmarks/comments.py [--articles DIR] [--multilingual DIR] [--mode html|text|all]
                                  [--show N] [--json FILE]

For each set (the article benchmark, the multilingual pages), input kind and split (as
``splits.py`` splits them): F1 with the set's own metric in each mode (``drop``,
``separate``, ``keep``); the pages that get comments with ``separate``, how many
comments and characters; the pages whose body differs from ``drop``'s with ``separate``
(HTML: trafilatura's comment extraction takes comments out of the body) and with
``keep`` (the comments appended, or a body that differs besides); and the pages where
cleaning the body again changes it (idempotence), in each mode. ``--show N`` prints the
first comments of N pages of each set that get some, to judge them by eye.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from splits import _f1, data_arguments, data_sets, split_of

MODES = ("drop", "separate", "keep")


def run(pages: list, kind: str, show: int) -> dict[str, dict[str, float | int]]:
    """The figures of each split (and of all) for ``pages`` cleaned as ``kind``."""
    from cleaner import Config, Pipeline

    pipelines = {mode: Pipeline(Config(kind=kind, comments=mode)) for mode in MODES}
    again = {mode: Pipeline(Config(comments=mode)) for mode in MODES}  # a body is cleaned again as it comes
    splits = split_of([key for key, *_ in pages])
    figures: dict[str, dict[str, float | int]] = {}
    shown = 0
    for key, given, _, scorer in pages:
        docs = {mode: pipelines[mode].clean(given) for mode in MODES}
        comments = docs["separate"].metadata["comments"]
        if comments and shown < show:
            shown += 1
            print(f"  {key[:70]}: {len(comments)} comment(s)")
            for comment in comments[:4]:
                print("    * " + comment[:160].replace("\n", " / "))
        row = {f"F1 {mode}": scorer(docs[mode].text) for mode in MODES}
        row |= {
            "pages with comments": bool(comments),
            "comments": len(comments),
            "comment chars": sum(map(len, comments)),
            "separate body differs": docs["separate"].text != docs["drop"].text,
            "keep body differs": docs["keep"].text != "\n\n".join([docs["separate"].text, *comments]).strip(),
        }
        row |= {f"not idempotent {m}": again[m].clean(docs[m].text).text != docs[m].text for m in MODES}
        for group in (f"split {splits[key]}", "all"):
            add(figures.setdefault(group, {}), row)
    return figures


def add(total: dict[str, float | int], row: dict) -> None:
    for name, value in row.items():
        if name.startswith("F1"):
            counts = total.setdefault(name, [0.0, 0.0, 0.0, 0])  # type: ignore[arg-type]
            for i, c in enumerate(value):
                counts[i] += c  # type: ignore[index]
            counts[3] += 1  # type: ignore[index]
        else:
            total[name] = total.get(name, 0) + value


def f1s(total: dict, micro: bool) -> dict[str, float | int]:
    """F1 from the summed counts: passage counts summed (multilingual), shingle shares averaged."""
    out: dict[str, float | int] = {}
    for name, value in total.items():
        if not name.startswith("F1"):
            out[name] = value
            continue
        tp, fp, fn, n = value
        out[name] = round(_f1(tp, fp, fn) if micro else _f1(tp / n, fp / n, fn / n), 4)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print comments of N pages of each set")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    report = {}
    for name, kind, pages, micro in data_sets(args):
        print(f"{name}, {kind} mode:")
        found = {group: f1s(total, micro) for group, total in sorted(run(list(pages), kind, args.show).items())}
        report[f"{name}/{kind}"] = found
        for group, figures in found.items():
            print(f"  {group:>8}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
