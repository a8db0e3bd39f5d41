"""Where cleaner's time goes: CPU milliseconds per page for each step of the pipeline.

    python benchmarks/profile_filters.py ../shared/bench/articles [--mode text|html] [--repeat N]

Wraps input preparation, language detection, block splitting and joining, and
each filter's ``apply``, ``apply_text`` and ``survey`` with ``time.process_time``
(CPU time: steadier than the wall clock on a shared machine) and prints the steps,
costliest first, with the whole clean call for comparison. Per-step timing adds a little overhead of its own, so the
steps sum to slightly more than the untimed total. With ``--repeat`` the fastest
of N passes counts, step by step. As in ``articles.py``, cleaner's page-derived
caches are emptied before each pass (``--warm-caches`` keeps them).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles import load  # noqa: E402


def _timed(fn: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    clock = time.process_time

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += clock() - start

    return wrapper


def profile(inputs: list[str], kind: str, repeat: int = 1, warm: bool = False) -> tuple[dict[str, float], float]:
    """(fastest CPU seconds per step over ``repeat`` passes, fastest untimed pass) for all
    inputs; each pass starts with cleaner's caches emptied unless ``warm``."""
    import cleaner.pipeline as pipeline_module
    from cleaner import Config, Pipeline, clear_caches
    from cleaner.document import Page
    from cleaner.filters import Filter

    pipeline = Pipeline(Config(kind=kind))
    for page in inputs[:1]:
        pipeline.clean(page)  # warm up: imports, phrase data, language profiles
    untimed = float("inf")
    for _ in range(max(1, repeat)):
        if not warm:
            clear_caches()
        start = time.process_time()
        for page in inputs:
            pipeline.clean(page)
        untimed = min(untimed, time.process_time() - start)

    best: dict[str, float] = {}
    compact = Page.compact
    originals = {
        "language": pipeline_module.detect_language,
        "split_blocks": pipeline_module.split_blocks,
        "extract (html)": pipeline_module.extract,
        "join_blocks": pipeline_module.join_blocks,
        "hold_out_long": pipeline_module.hold_out_long,
    }
    prepare = type(pipeline).prepare
    for _ in range(max(1, repeat)):
        totals: dict[str, float] = defaultdict(float)
        pipeline_module.detect_language = _timed(originals["language"], "language", totals)
        pipeline_module.split_blocks = _timed(originals["split_blocks"], "split_blocks", totals)
        pipeline_module.extract = _timed(originals["extract (html)"], "extract (html)", totals)
        pipeline_module.join_blocks = _timed(originals["join_blocks"], "join_blocks", totals)
        pipeline_module.hold_out_long = _timed(originals["hold_out_long"], "hold_out_long", totals)
        pipeline.prepare = _timed(prepare.__get__(pipeline), "prepare (decode, mojibake)", totals)
        Page.compact = _timed(compact, "compact (after each filter)", totals)
        wrapped: list[Any] = []
        try:
            # filters are built per language on first use: wrap those of every language seen
            for lang in ("en",) + tuple(pipeline._filters):
                for f in pipeline.filters_for(lang):
                    if f in wrapped:
                        continue
                    wrapped.append(f)
                    if f.stage == "text":
                        f.apply_text = _timed(type(f).apply_text.__get__(f), f.name, totals)
                    else:
                        f.apply = _timed(type(f).apply.__get__(f), f.name, totals)
                        if type(f).survey is not Filter.survey:
                            f.survey = _timed(type(f).survey.__get__(f), f"{f.name} (survey)", totals)
            if not warm:
                clear_caches()
            for page in inputs:
                pipeline.clean(page)
        finally:
            for name, fn in (
                ("detect_language", originals["language"]),
                ("split_blocks", originals["split_blocks"]),
                ("extract", originals["extract (html)"]),
                ("join_blocks", originals["join_blocks"]),
                ("hold_out_long", originals["hold_out_long"]),
            ):
                setattr(pipeline_module, name, fn)
            Page.compact = compact
            pipeline.__dict__.pop("prepare", None)
            for f in wrapped:
                for method in ("apply", "apply_text", "survey"):
                    f.__dict__.pop(method, None)
        for name, seconds in totals.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    return best, untimed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="e.g. ../shared/bench/articles")
    parser.add_argument("--mode", choices=["text", "html"], default="text")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="keep the fastest of N passes per step (default 1)"
    )
    parser.add_argument(
        "--warm-caches", action="store_true", help="keep cleaner's page-derived caches from pass to pass"
    )
    args = parser.parse_args(argv)

    inputs, _ = load(args.data_dir, args.mode)
    pages = list(inputs.values())
    steps, untimed = profile(pages, args.mode, args.repeat, warm=args.warm_caches)
    n = len(pages)
    width = max(len(name) for name in steps) if steps else 10
    caches = "kept" if args.warm_caches else "emptied before each pass"
    print(f"{args.mode} mode, {n} pages, CPU ms per page (fastest of {max(1, args.repeat)}; caches {caches}):")
    for name, seconds in sorted(steps.items(), key=lambda item: -item[1]):
        print(f"  {name:<{width}}  {1000 * seconds / n:7.2f}")
    print(f"  {'sum of steps':<{width}}  {1000 * sum(steps.values()) / n:7.2f}")
    print(f"  {'clean() untimed':<{width}}  {1000 * untimed / n:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
