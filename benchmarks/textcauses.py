"""Where text mode loses one language's pages: each missed ``with`` passage of the
multilingual pages put down to the removal record that took it, each kept ``without``
passage by whether the page was cut, and the article pages' true words lost by removal
reason and kept beyond the truth, per split.

    python benchmarks/textcauses.py [--articles DIR] [--multilingual DIR] [--language CODE]
                                    [--below F1] [--without-first] [--json FILE]

The pages are the text renders ``splits.py --mode text`` cleans, of the language
langdetect tells from the truth (the multilingual ``with`` passages, the article's
body), split as there. A missed passage's cause (:func:`passage_cause`) is the content
stage's verdict on the line that held it ("before the article", "after the article",
"inside the article (short)"), the ``<title>`` line (the multilingual truth holds some
headlines), another filter's name, or that the render does not hold it. Each cause is
listed with the F1 the split's English pages would reach were its passages found (an
upper bound, not a rule). The articles' truth is a body, not passages: their lost words
are counted by the reason of the record that removed them, as a share of the page's
true words, summed over pages. Pages under ``--below`` are listed with their misses. ``--without-first``
cleans each page without its first line when the cleaner drops it, as ``splits.py --without-first`` does.
The HTML counterpart is ``stages.py``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
from articles import page_input, true_bodies
from multilingual import squeeze
from splits import _f1, set_arguments, split_of, without_first

NOT_IN_RENDER = "not in the text render"
TITLE = "the first line (the <title>)"
ACROSS_LINES = "held by no one removed line"
KEPT_WHOLE = "kept: the page passed through whole"
KEPT_CUT = "kept: in a cut page"


def reason(record) -> str:
    """A removal record's cause: the first line (a flattened page's ``<title>``), the content stage's verdict
    (its class shortened), or the filter's name."""
    if record.line == 1:
        return TITLE
    if record.filter != "content":
        return f"filter: {record.filter}"
    return record.reason.replace(", looks like chrome", "")


def passage_cause(passage: str, render: str, doc) -> str:
    """Why a ``with`` passage is not in ``doc``'s body: the first removal record holding it."""
    if passage not in squeeze(render):
        return NOT_IN_RENDER
    for record in doc.removed:
        text = squeeze(record.text)
        if passage in text or (len(text) > 20 and text in passage):
            return reason(record)
    return ACROSS_LINES


def multilingual_census(data_dir: Path, language: str, below: float, first: bool = True) -> dict:
    """Per split: the summed counts, the missed passages and kept ones by cause, the pages under ``below``."""
    from cleaner import Config, Pipeline

    pipeline, pages = Pipeline(Config(kind="text")), multilingual.load(data_dir)
    splits = split_of([page.name for page in pages])
    found: dict = defaultdict(lambda: {"counts": [0, 0, 0], "missed": Counter(), "kept": Counter(), "pages": []})
    for page in (p for p in pages if p.language == language):
        render = multilingual.render_text(page.raw)
        render = render if first else str(without_first(pipeline, render))
        doc = pipeline.clean(render)
        body, split = squeeze(doc.text), found[splits[page.name]]
        counts = multilingual.page_counts(page, doc.text)
        split["counts"] = [a + b for a, b in zip(split["counts"], (counts.tp, counts.fp, counts.fn), strict=True)]
        missed = [(p, passage_cause(p, render, doc)) for p in map(squeeze, page.with_) if p not in body]
        whole = not any(r.filter == "content" for r in doc.removed)
        kept = [(p, KEPT_WHOLE if whole else KEPT_CUT) for p in map(squeeze, page.without) if p in body]
        split["missed"].update(why for _, why in missed)
        split["kept"].update(why for _, why in kept)
        if _f1(counts.tp, counts.fp, counts.fn) < below:
            split["pages"].append({"page": page.name, "missed": missed, "kept": kept})
    return dict(sorted(found.items()))


def article_census(data_dir: Path, language: str, first: bool = True) -> dict:
    """Per split: the pages, and the true words lost by removal reason and kept beyond the truth (page shares)."""
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind="text"))
    truth = true_bodies(data_dir)
    splits = split_of(list(truth))
    found: dict = defaultdict(lambda: {"pages": 0, "lost": Counter(), "kept": 0.0})
    for key, body in truth.items():
        if multilingual.page_language([body]) != language:
            continue
        true, split = squeeze(body), found[splits[key]]
        words, split["pages"] = max(1, len(true.split())), split["pages"] + 1
        render = page_input(data_dir, key, "text")
        doc = pipeline.clean(render if first else without_first(pipeline, render))
        for record in doc.removed:
            text = squeeze(record.text)
            if len(text) > 15 and text in true:
                split["lost"][reason(record)] += len(text.split()) / words
        extra = (squeeze(line) for line in doc.text.split("\n"))
        split["kept"] += sum(len(line.split()) for line in extra if line and line not in true) / words
    return dict(sorted(found.items()))


def report(census: dict, articles: dict, language: str) -> None:
    for split, figures in census.items():
        tp, fp, fn = figures["counts"]
        print(f"multilingual {language}, split {split}: tp {tp} fp {fp} fn {fn}, F1 {_f1(tp, fp, fn):.4f}")
        for why, n in figures["missed"].most_common():
            print(f"  missed {n:4}  {why:45} F1 were they found {_f1(tp + n, fp, fn - n):.4f}")
        for why, n in figures["kept"].most_common():
            print(f"  kept   {n:4}  {why:45} F1 were they dropped {_f1(tp, fp - n, fn):.4f}")
        for page in figures["pages"]:
            print(f"  page {page['page'][:80]}")
            for passage, why in page["missed"] + page["kept"]:
                print(f"    {why}: {passage[:70]!r}")
    for split, figures in articles.items():
        print(f"articles {language}, split {split}: {figures['pages']} pages (shares of a page's true words, summed)")
        for why, share in figures["lost"].most_common():
            print(f"  lost {share:6.2f}  {why}")
        print(f"  kept {figures['kept']:6.2f}  beyond the truth")


def main(argv: list[str] | None = None) -> int:
    parser = set_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--language", default="en", help="the pages' language, as langdetect names it")
    parser.add_argument("--below", type=float, default=0.9, help="list the multilingual pages under this F1")
    parser.add_argument("--without-first", action="store_true", help="each page without its first line, if dropped")
    parser.add_argument("--json", type=Path, help="write the census here")
    args = parser.parse_args(argv)
    first, multi, art = not args.without_first, args.multilingual, args.articles
    census = multilingual_census(multi, args.language, args.below, first) if multi.is_dir() else {}
    articles = article_census(art, args.language, first) if art.is_dir() else {}
    report(census, articles, args.language)
    if args.json:
        args.json.write_text(json.dumps({"multilingual": census, "articles": articles}, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
