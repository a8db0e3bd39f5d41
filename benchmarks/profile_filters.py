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
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from articles import load


def _timed(fn: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    clock = time.process_time

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += clock() - start

    return wrapper


# The pipeline module's functions timed as steps: (attribute, step name).
_MODULE_STEPS = [
    ("detect_language", "language"),
    ("split_blocks", "split_blocks"),
    ("extract", "extract (html)"),
    ("join_blocks", "join_blocks"),
    ("hold_out_long", "hold_out_long"),
]


def _untimed_pass(pipeline: Any, inputs: list[str], repeat: int, warm: bool) -> float:
    """The fastest of ``repeat`` passes over the inputs, nothing wrapped."""
    from cleaner import clear_caches

    untimed = float("inf")
    for _ in range(max(1, repeat)):
        if not warm:
            clear_caches()
        start = time.process_time()
        for page in inputs:
            pipeline.clean(page)
        untimed = min(untimed, time.process_time() - start)
    return untimed


def _wrap_filters(pipeline: Any, totals: dict[str, float]) -> list[Any]:
    """Time each filter's methods; filters are built per language on first use, so those
    of every language seen are wrapped. Returns the filters wrapped."""
    from cleaner.filters import Filter

    wrapped: list[Any] = []
    for lang in ("en",) + tuple(pipeline._filters):
        for f in pipeline.filters_for(lang):
            if f in wrapped:
                continue
            wrapped.append(f)
            if f.stage == "text":
                f.apply_text = _timed(type(f).apply_text.__get__(f), f.name, totals)
                continue
            f.apply = _timed(type(f).apply.__get__(f), f.name, totals)
            if type(f).survey is not Filter.survey:
                f.survey = _timed(type(f).survey.__get__(f), f"{f.name} (survey)", totals)
    return wrapped


@contextmanager
def _timers(pipeline: Any, totals: dict[str, float]) -> Iterator[None]:
    """Every step of ``pipeline`` adds its CPU time to ``totals`` inside the block."""
    import cleaner.pipeline as pipeline_module
    from cleaner.document import Page

    originals = {attribute: getattr(pipeline_module, attribute) for attribute, _ in _MODULE_STEPS}
    compact = Page.compact
    wrapped: list[Any] = []
    try:
        for attribute, step in _MODULE_STEPS:
            setattr(pipeline_module, attribute, _timed(originals[attribute], step, totals))
        pipeline.prepare = _timed(type(pipeline).prepare.__get__(pipeline), "prepare (decode, mojibake)", totals)
        Page.compact = _timed(compact, "compact (after each filter)", totals)  # type: ignore[method-assign]
        wrapped = _wrap_filters(pipeline, totals)
        yield
    finally:
        for attribute, function in originals.items():
            setattr(pipeline_module, attribute, function)
        Page.compact = compact  # type: ignore[method-assign]
        pipeline.__dict__.pop("prepare", None)
        for f in wrapped:
            for method in ("apply", "apply_text", "survey"):
                f.__dict__.pop(method, None)


def profile(inputs: list[str], kind: str, repeat: int = 1, warm: bool = False) -> tuple[dict[str, float], float]:
    """(fastest CPU seconds per step over ``repeat`` passes, fastest untimed pass) for all
    inputs; each pass starts with cleaner's caches emptied unless ``warm``."""
    from cleaner import Config, Pipeline, clear_caches

    pipeline = Pipeline(Config(kind=kind))
    for page in inputs[:1]:
        pipeline.clean(page)  # warm up: imports, phrase data, language profiles
    untimed = _untimed_pass(pipeline, inputs, repeat, warm)
    best: dict[str, float] = {}
    for _ in range(max(1, repeat)):
        totals: dict[str, float] = defaultdict(float)
        with _timers(pipeline, totals):
            if not warm:
                clear_caches()
            for page in inputs:
                pipeline.clean(page)
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
