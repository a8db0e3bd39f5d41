"""The dev pages by the kind of page they say they are, and HTML mode against trafilatura's
default on each kind: for rules meant for pages that are not news articles (issue #19).

    python benchmarks/pagekinds.py [--articles DIR] [--multilingual DIR] [--json SPLITS.json]

A page's kind is read off what it says of itself, in any language: the schema.org types of
its JSON-LD and microdata (``@type``, ``itemtype``), its ``og:type`` and an
``article:published_time`` (:func:`page_kind`). The cleaner's figures come from a
``splits.py --mode html --json`` file (its per-page counts) or, without one, from a run;
trafilatura's default (``extract`` with its defaults) is run here. F1 is each set's
metric, as in splits.py (articles: shingle counts averaged over pages; multilingual:
passage counts summed), per kind and split.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import splits

#: The kinds, in the order they are decided: a page with any article type, og:type
#: "article" or a publication time is an article whatever else it says.
KINDS = ("article", "discussion", "product", "recipe", "list", "page", "none")
_ARTICLE = re.compile(r"(?:article|blogposting|report|socialmediaposting)$")
_TYPES = {
    "discussion": {"discussionforumposting", "qapage", "question", "answer", "faqpage", "comment"},
    "product": {"product", "offer", "aggregateoffer", "productgroup"},
    "recipe": {"recipe"},
    "list": {"itemlist", "collectionpage", "searchresultspage"},
}
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script", re.IGNORECASE | re.DOTALL)
_AT_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')
_ITEMTYPE = re.compile(r"itemtype\s*=\s*[\"']?https?://(?:www\.)?schema\.org/(\w+)", re.IGNORECASE)
_OG_TYPE = re.compile(r"<meta[^>]+property\s*=\s*[\"']og:type[\"'][^>]*>", re.IGNORECASE)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']*)", re.IGNORECASE)
_PUBLISHED = re.compile(r"article:published_time", re.IGNORECASE)


def page_kind(html: str) -> str:
    """One of :data:`KINDS` for an HTML page: ``"page"`` when it names only generic types
    (``WebPage``, ``Organization``, og:type ``website``), ``"none"`` when it says nothing."""
    types = {t.lower() for block in _JSON_LD.findall(html) for t in _type_names(block)}
    types |= {t.lower() for t in _ITEMTYPE.findall(html)}
    og = _OG_TYPE.search(html)
    content = _CONTENT.search(og.group(0)) if og else None
    og_type = content.group(1).strip().lower() if content else ""
    if og_type == "article" or _PUBLISHED.search(html) or any(_ARTICLE.search(t) for t in types):
        return "article"
    for kind, names in _TYPES.items():
        if types & names or (kind == "product" and og_type.startswith("product")):
            return kind
    return "page" if types or og_type else "none"


def _type_names(block: str) -> list[str]:
    return [name for value in _AT_TYPE.findall(block) for name in re.findall(r'"([^"]+)"', value)]


def main(argv: list[str] | None = None) -> int:
    parser = splits.set_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--json", type=Path, help="the cleaner's counts from a `splits.py --mode html --json` file")
    args = parser.parse_args(argv)
    known = json.loads(args.json.read_text(encoding="utf-8")) if args.json else {}
    print("| set | kind | pages s1 / s2 | cleaner s1 / s2 | default s1 / s2 | cleaner ahead / default ahead |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, pages, micro in (
        ("articles", splits.article_pages(args.articles, "html"), False),
        ("multilingual", splits.multilingual_pages(args.multilingual, "html", False), True),
    ):
        items = list(pages)
        ours = {p["key"]: p for p in known.get(f"{name}/html", {}).get("pages", [])}
        if not ours:
            ours = {r.key: {"split": r.split, "counts": r.counts} for r in splits.run(items, "html")}
        groups: dict[str, list[tuple[int, tuple, tuple]]] = defaultdict(list)
        for key, given, _, scorer in items:
            html = given if isinstance(given, str) else given.decode("utf-8", errors="replace")
            mine, theirs = ours[key], scorer(splits.trafilatura_default(given))
            groups[page_kind(html)].append((mine["split"], tuple(mine["counts"]), theirs))
        for kind in KINDS:
            if groups[kind]:
                print(_row(name, kind, groups[kind], micro))
    return 0


def _row(name: str, kind: str, pages: list[tuple[int, tuple, tuple]], micro: bool) -> str:
    """A table row: pages, the set's F1 for the cleaner and the default per split, and the
    pages either is ahead on by more than :data:`splits.MOVED`."""

    def f1(split: int, which: int) -> str:
        chosen = [splits.PageResult("", split, "", None, 0.0, page[which]) for page in pages if page[0] == split]
        return f"{splits.summary(chosen, micro)['f1']:.3f}" if chosen else "-"

    counts = [sum(page[0] == s for page in pages) for s in (1, 2)]
    ahead = sum(splits._f1(*p[1]) - splits._f1(*p[2]) > splits.MOVED for p in pages)
    behind = sum(splits._f1(*p[2]) - splits._f1(*p[1]) > splits.MOVED for p in pages)
    return (
        f"| {name} | {kind} | {counts[0]} / {counts[1]} | {f1(1, 1)} / {f1(2, 1)} | {f1(1, 2)} / {f1(2, 2)} "
        f"| {ahead} / {behind} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
