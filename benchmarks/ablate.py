"""What each rule of the content stage is worth: both data sets with one rule switched off at a time.

    python benchmarks/ablate.py [--articles DIR] [--multilingual DIR] [--mode text|html]
                                [--only NAME ...] [--json FILE] [--list]

Each variant switches one rule of ``content`` off: through its options (the keys of
``[tool.cleaner.filters.content]``, as the filter takes them), or, for a rule without an
option, by replacing for the run the function that holds it (the pure build only: a
compiled module's functions cannot be replaced; never done in tests). The pages are
loaded once as splits.py loads them (the articles' text files, the multilingual pages'
bytes rendered to text) and scored as it scores them. For each variant and set: F1 on
split 1 and split 2 against the base (every rule on), the pages newly under 0.5, and
each page whose F1 moved by more than 0.005 (before -> after).

A variant that moves nothing proves nothing unless its rule was reached. So each
variant acts through one function, its host (``judge`` for the options), which runs
wrapped: it answers as the variant does, and is also called as the base calls it; the
calls and the answers that differ (the lines whose verdict or class differs, for a list)
are counted and printed. In text mode a variant whose host is never called fails.
``--mode html`` runs the variants on HTML input, which the content stage does not
clean: every figure should equal the base's.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
from splits import (
    COLLAPSED,
    MOVED,
    PageResult,
    _f1,
    article_pages,
    data_arguments,
    multilingual_pages,
    split_of,
    summary,
)

CONTENT = "cleaner.filters.content"
NEVER = 10**9  # a count or length no page reaches (a rule that needs it never fires)

Wrap = Callable[[Callable], Callable]


def same(f: Callable) -> Callable:
    return f


@dataclass(frozen=True)
class Variant:
    """One rule switched off: by ``options``, or by ``off`` applied to the function ``host`` as the function
    ``caller`` (of the content package) finds it; ``base`` makes the host answer as in the base run (for an option
    variant, with the default options in place of its own)."""

    name: str
    rule: str
    host: str = "judge"
    caller: str = "judge"
    off: Wrap = same
    base: Wrap = same
    options: dict[str, Any] = field(default_factory=dict)


def default_options(index: int) -> Wrap:
    """The host with its argument ``index`` (the filter's options) replaced by the defaults."""
    from cleaner.filters.content import Options

    return lambda f: lambda *a: f(*a[:index], Options(), *a[index + 1 :])


def option(name: str, rule: str, host: str = "judge", index: int = 3, **options: Any) -> Variant:
    return Variant(name, rule, host, base=default_options(index), options=options)


def returns(value: Callable[..., Any]) -> Wrap:
    """A host that answers ``value(*args)`` whatever the rule would have answered."""
    return lambda f: value


def without_marks(f: Callable) -> Callable:
    """A host of ``(blocks, classes, marks, ...)`` that sees no comment section's heading or byline."""
    return lambda blocks, classes, marks, *rest: f(blocks, classes, [0] * len(marks), *rest)


def constants(**values: Any) -> Wrap:
    """The host run with some of the content module's globals (constants, helpers) set to ``values``."""

    def wrap(f: Callable) -> Callable:
        module = importlib.import_module(CONTENT)

        def host(*a: Any) -> Any:
            saved = {k: getattr(module, k) for k in values}
            vars(module).update(values)
            try:
                return f(*a)
            finally:
                vars(module).update(saved)

        return host

    return wrap


def no_closing(f: Callable) -> Callable:
    """``tail`` without its closing sentences: the line below the run is no short sentence to it."""

    def host(blocks: list, local: list[str], barred: list, end: int, o: Any) -> int:
        if end + 1 < len(local) and local[end + 1] == "short sentence":
            local = [*local[: end + 1], "short", *local[end + 2 :]]
        return f(blocks, local, barred, end, o)

    return host


def no_announcing(f: Callable) -> Callable:
    """``reach`` without the lead-in's join: no line it reaches to ends in a colon."""

    def host(blocks: list, *rest: Any) -> int:
        from cleaner.document import Block

        return f([Block(b.text.rstrip(":"), b.group) for b in blocks], *rest)

    return host


def no_list_between(f: Callable) -> Callable:
    """``between`` without its list half: no run of short sentences is long enough to be a list."""
    return lambda blocks, local, o: f(blocks, local, dataclasses.replace(o, min_list_lines=NEVER))


def strict(classes: list[str]) -> list[str]:
    """``revise`` off the other way: a line not good in itself goes (chrome is kept as the base keeps it)."""
    return [c if c in ("good", "chrome") else "bad" for c in classes]


VARIANTS = [
    # rules an option switches off
    option("lede", "above: the lede over the first paragraph", max_lede_lines=0),
    option("prose above", "above: sentences between the anchor and the lede", min_prose_above=0),
    option("card", "card: a recipe's ingredients and steps", card_lines=0),
    option("reach (max_gap_lines=0)", "reach across gaps", max_gap_lines=0),
    option("reach down", "reach below the run (join_weight)", join_weight=float(NEVER)),
    option("reach up", "reach above the run (join_weight_above)", join_weight_above=float(NEVER)),
    option("colon list", "tail: the list a closing colon leads in to", max_list_items=0),
    option("share bar count", "trim: a comment heading under the first paragraph ends nothing", share_bar_lines=0),
    option("head chrome", "pass_through: chrome above the first paragraph", "pass_through", 2, max_head_chrome=NEVER),
    option("told chrome", "pass_through: lines the other filters call chrome", "pass_through", 2, min_told_chrome=0),
    option("title run", "under_title: the run under the title wins", title_reach=0),
    option("code between", "between: code between two paragraphs", min_code_marks=float(NEVER)),
    option("long opener", "opens_article: a good line length_paragraph long", length_paragraph=NEVER),
    option("number lines", "line_class: a long line of numbers is bad", "classify", 2, max_number_share=float(NEVER)),
    # rules without an option: the function replaced for the run
    Variant("reach", "reach, both ways (patched)", "reach", off=returns(lambda blocks, ws, classes, marks, k, *_: k)),
    Variant("colon lead-in below", "reach: prose with a colon below the run joins it", "reach", off=no_announcing),
    Variant("list between", "between: a list between two paragraphs", "between", off=no_list_between),
    Variant("closing sentence", "tail: the closing sentences below the run", "tail", off=no_closing),
    Variant("revise", "revise: jusText's context (the run keeps its lines)", "revise", off=returns(list)),
    Variant("revise (drop)", "revise: the run drops its short and near-good lines", "revise", off=returns(strict)),
    Variant("opens_article", "trim: the run starts at any line", "opens_article", "trim", returns(lambda *a: True)),
    Variant("trim at comments", "trim: the run ends above a comment mark", "trim", off=without_marks),
    Variant("comment weights", "weights: nothing weighs below a comment", "weights", off=without_marks),
    Variant("comment marks", "every use of comment marks", "comment_marks", off=returns(lambda b, *_: [0] * len(b))),
    Variant("consult", "survey: lines other filters call chrome", "ask", off=returns(lambda *a: False)),
    Variant("lead-ins asked", "survey: lead-ins asked of other filters", "lead_in", off=returns(lambda *a: False)),
    Variant(
        "headline anchor", "judge: a headline above the first paragraph", "is_heading", off=returns(lambda *a: False)
    ),
    Variant("title anchor", "pass_through: the title's repetition", "title_repeat", off=returns(lambda *a: 0)),
    Variant("one-word headings", "judge: one word between two paragraphs", "lone_words", off=returns(lambda *a: [])),
    Variant(
        "stories under title",
        "pass_through: more prose above the title than below",
        "pass_through",
        off=constants(width=lambda text: 0),
    ),
    Variant(
        "MAX_CLEAN_CHROME", "pass_through: many chrome lines", "pass_through", off=constants(MAX_CLEAN_CHROME=NEVER)
    ),
    Variant(
        "no-article pages",
        "pass_through: a page without prose",
        "pass_through",
        off=constants(MIN_PAGE_LINES=NEVER, MIN_OWN_WORDS_PAGE=NEVER),
    ),
    Variant("MIN_CHROME_LINES", "pass_through: too little chrome", "pass_through", off=constants(MIN_CHROME_LINES=0)),
]


def differ(a: Any, b: Any) -> int:
    """How many answers differ: the items of two lists, else the two answers."""
    if isinstance(a, list) and isinstance(b, list):
        return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b))
    return int(a != b)


@contextmanager
def installed(variant: Variant, tally: list[int]) -> Iterator[None]:
    """``variant``'s host replaced for the run: it answers as the variant, and counts into ``tally`` its calls and
    the answers that differ from the base's."""
    module = sys.modules[getattr(importlib.import_module(CONTENT), variant.caller).__module__]
    original = getattr(module, variant.host)
    base, off = variant.base(original), variant.off(original)

    def host(*a: Any) -> Any:
        want, got = base(*a), off(*a)
        tally[0] += 1
        tally[1] += differ(want, got)
        return got

    setattr(module, variant.host, host)
    try:
        yield
    finally:
        setattr(module, variant.host, original)


@dataclass
class Outcome:
    name: str
    rule: str
    results: dict[str, list[PageResult]]  # set -> pages
    texts: dict[str, list[str]]
    calls: int = 0
    decided: int = 0


def load(args: argparse.Namespace) -> dict[str, tuple[list, bool]]:
    """Each set's pages (key, input, language, scorer), loaded once, and whether its F1 sums counts."""
    mode = args.mode
    return {
        "articles": (list(article_pages(args.articles, mode)), False),
        "multilingual": (list(multilingual_pages(args.multilingual, mode, False)), True),
    }


def run(name: str, rule: str, sets: dict[str, tuple[list, bool]], mode: str, options: dict) -> Outcome:
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind=mode, filters={"content": options} if options else {}))
    outcome = Outcome(name, rule, {}, {})
    for set_name, (pages, _) in sets.items():
        splits = split_of([key for key, *_ in pages])
        results, texts = [], []
        for key, given, language, scorer in pages:
            doc = pipeline.clean(given)
            counts = tuple(scorer(doc.text))
            results.append(PageResult(key, splits[key], language, doc.metadata.get("language"), _f1(*counts), counts))
            texts.append(doc.text)
        outcome.results[set_name], outcome.texts[set_name] = results, texts
    return outcome


def figures(results: list[PageResult], micro: bool) -> tuple[float, float]:
    """F1 on split 1 and split 2 (splits.py's summary)."""
    return tuple(float(summary([r for r in results if r.split == s], micro)["f1"]) for s in (1, 2))  # type: ignore


def costs(base: Outcome, variant: Outcome, sets: dict[str, tuple[list, bool]]) -> list[float]:
    """What switching the rule off costs on each set and split (the base's F1 less the variant's)."""
    found = []
    for name, (_, micro) in sets.items():
        was, now = figures(base.results[name], micro), figures(variant.results[name], micro)
        found += [w - n for w, n in zip(was, now, strict=True)]
    return found


def one_page(base: Outcome, variant: Outcome, sets: dict[str, tuple[list, bool]]) -> str:
    """The page the rule's whole gain rests on: with that page as in the base, switching the rule off costs under
    0.001 on every split ("" if no such page, "-" if it costs under 0.001 anyway)."""
    if max(costs(base, variant, sets)) < 0.001:
        return "-"
    for name in sets:
        for i, (b, v) in enumerate(zip(base.results[name], variant.results[name], strict=True)):
            if b.counts == v.counts:
                continue
            put_back = dataclasses.replace(variant, results={**variant.results, name: list(variant.results[name])})
            put_back.results[name][i] = b
            if max(costs(base, put_back, sets)) < 0.001:
                return f"{name}/{b.key}"
    return ""


def report(base: Outcome, variant: Outcome, sets: dict[str, tuple[list, bool]]) -> dict[str, Any]:
    """Print the variant's figures against the base's, and return them."""
    changed = sum(a != b for name in sets for a, b in zip(base.texts[name], variant.texts[name], strict=True))
    tallies = f"{variant.calls} calls, {variant.decided} answers differ; {changed} pages' text changed"
    print(f"{variant.name}: {variant.rule} [{tallies}]")
    found: dict[str, Any] = {"rule": variant.rule, "calls": variant.calls, "decided": variant.decided}
    found |= {"pages changed": changed, "moved": [], "collapsed": [], "cost": costs(base, variant, sets)}
    for name, (_, micro) in sets.items():
        was, now = figures(base.results[name], micro), figures(variant.results[name], micro)
        print(
            f"  {name:>12}: "
            + "  ".join(f"split {s} {n:.4f} ({n - w:+.4f})" for s, w, n in zip((1, 2), was, now, strict=True))
        )
        for b, v in zip(base.results[name], variant.results[name], strict=True):
            if abs(v.f1 - b.f1) > MOVED:
                found["moved"].append([name, b.split, b.key, round(b.f1, 4), round(v.f1, 4)])
                print(f"    moved: {name} split {b.split} {b.key[:60]}: F1 {b.f1:.3f} -> {v.f1:.3f}")
            if v.f1 < COLLAPSED <= b.f1:
                found["collapsed"].append(f"{name}/{b.key}")
    found["one page"] = one_page(base, variant, sets)
    collapsed = ", ".join(found["collapsed"]) or "none"
    print(f"  pages newly under {COLLAPSED}: {collapsed}; gain on one page: {found['one page'] or 'no'}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.set_defaults(mode="text")
    parser.add_argument("--only", nargs="+", help="run only these variants (names as --list prints them)")
    parser.add_argument("--json", type=Path, help="write every variant's figures and moved pages here")
    parser.add_argument("--list", action="store_true", help="list the variants and stop")
    args = parser.parse_args(argv)
    chosen = [v for v in VARIANTS if not args.only or v.name in args.only]
    if args.list or args.mode == "all":
        print("\n".join(f"{v.name}: {v.rule}" for v in VARIANTS) if args.list else "--mode: text or html")
        return 0 if args.list else 2
    sets = load(args)
    base = run("base", "every rule on", sets, args.mode, {})
    for name, (_, micro) in sets.items():
        print(f"base {name}: split 1 %.4f, split 2 %.4f" % figures(base.results[name], micro))
    found, failed = {}, []
    for variant in chosen:
        tally = [0, 0]
        with installed(variant, tally):
            outcome = run(variant.name, variant.rule, sets, args.mode, variant.options)
        outcome.calls, outcome.decided = tally
        found[variant.name] = report(base, outcome, sets)
        if args.mode == "text" and not tally[0]:
            failed.append(variant.name)
    if args.json:
        args.json.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    if failed:
        print(f"never reached (the variant switched nothing off): {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
