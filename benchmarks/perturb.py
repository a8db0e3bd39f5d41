"""HTML pages whose markup we never saw: each dev page rewritten one way at a time
before cleaning, and scored like ``splits.py --mode html --peer``.

    python benchmarks/perturb.py [--articles DIR] [--multilingual DIR]
                                 [--perturb none,classes,classes-letters,classes-noh1,semantic,title] [--json FILE]

Every dev page has been tuned on; pages from the same sources that we have not seen
say the same things with other markup. The perturbations (one at a time):

- ``none``: the page as it is (the control: the same bytes-in path as the others);
- ``classes``: every ``class`` and ``id`` value replaced by stable hash tokens, one per
  name (``class="post-body entry"`` -> ``class="c-3f9a1c c-81d0e2"``), as sites whose
  style sheets are generated write them; tags and structure kept;
- ``classes-letters``: the same with tokens of letters only, as styled-components writes
  them (``class="sc-bdVaJa sc-kKkHhw"``);
- ``classes-noh1``: hashed names, and ``<h1>`` become ``<div>`` (the ``<title>`` kept): a page
  whose headline no tag marks;
- ``semantic``: ``<article>`` and ``<main>`` become ``<div>``; schema.org (JSON-LD
  scripts, ``itemscope``/``itemtype``/``itemprop``) and ``og:`` meta tags removed;
- ``title``: the ``<title>`` element removed and ``<h1>`` become ``<div>``.

The page stays bytes, in its own encoding: the rewrite works on the bytes read as
Latin-1 (one character a byte) and touches only ASCII markup, so the rest of the page
(UTF-8, Shift_JIS, GBK text: no such byte is an ASCII ``<``, ``>``, ``=`` or quote) is
byte for byte what it was, and no re-serialisation by a parser changes what the
control sees. (No dev page is UTF-16.)

For each perturbation, set and split: the cleaner's F1 (the set's metric, as in
splits.py), pages under 0.5, pages whose F1 falls by more than 0.2 from ``none``, and
the same for trafilatura's default ``extract`` on the same bytes. ``--json`` keeps
every page's F1 and the peer's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
import splits
from articles import page_input, true_bodies
from scoring import page_counts

#: A page's F1 falling by more than this from the page as it is counts as a drop.
DROP = 0.2

_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_NAMED = re.compile(r"""(\s(?:class|id)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE)
_BLOCK = re.compile(r"(</?)(article|main)\b", re.IGNORECASE)
_LD_JSON = re.compile(r"""<script\b[^<>]*application/ld\+json[^<>]*>.*?</script\s*>""", re.IGNORECASE | re.DOTALL)
_OG_META = re.compile(r"""<meta\b[^<>]*\b(?:property|name)\s*=\s*["']?og:[^<>]*>""", re.IGNORECASE)
_MICRODATA = re.compile(
    r"""\s(?:itemscope|itemtype|itemprop|itemid|itemref)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""", re.IGNORECASE
)
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TITLE = re.compile(r"<title\b[^<>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"(</?)h1\b", re.IGNORECASE)


def _token(name: str) -> str:
    return "c-" + hashlib.sha1(name.encode("latin-1")).hexdigest()[:6]


def _letters_token(name: str) -> str:
    digest = hashlib.sha1(name.encode("latin-1")).digest()
    return "sc-" + "".join(_LETTERS[byte % len(_LETTERS)] for byte in digest[:6])


def _hashed(match: re.Match, token: Callable[[str], str] = _token) -> str:
    value = match.group(2)
    quote = value[0] if value[:1] in ("'", '"') else ""
    names = value[1:-1].split() if quote else [value]
    return f'{match.group(1)}"{" ".join(token(n) for n in names)}"'


def classes(page: str, token: Callable[[str], str] = _token) -> str:
    """Every class and id value in a tag replaced by a hash token a name."""
    return _TAG.sub(lambda tag: _NAMED.sub(lambda m: _hashed(m, token), tag.group(0)), page)


def semantic(page: str) -> str:
    """``<article>``/``<main>`` as ``<div>``; JSON-LD, microdata and ``og:`` meta removed."""
    page = _OG_META.sub("", _LD_JSON.sub("", page))
    page = _TAG.sub(lambda tag: _MICRODATA.sub("", tag.group(0)), page)
    return _BLOCK.sub(lambda m: m.group(1) + "div", page)


def title(page: str) -> str:
    """No ``<title>``; ``<h1>`` as ``<div>``."""
    return _H1.sub(lambda m: m.group(1) + "div", _TITLE.sub("", page))


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "none": lambda page: page,
    "classes": classes,
    "classes-letters": lambda page: classes(page, _letters_token),
    "classes-noh1": lambda page: _H1.sub(lambda m: m.group(1) + "div", classes(page)),
    "semantic": semantic,
    "title": title,
}


def perturbed(raw: bytes, name: str) -> bytes:
    """``raw`` rewritten by the perturbation ``name``, in its own encoding."""
    return PERTURBATIONS[name](raw.decode("latin-1")).encode("latin-1")


def pages(args: argparse.Namespace) -> Iterator[tuple[str, list[tuple[str, bytes, Callable[[str], tuple]]], bool]]:
    """(set name, [(key, page bytes, scorer)], whether its F1 sums counts over pages)."""
    articles = []
    for key, body in true_bodies(args.articles).items():
        raw = page_input(args.articles, key, "html")
        articles.append((key, raw, lambda out, body=body: page_counts(body, out)))
    yield "articles", articles, False
    found = [(page.name, page.raw, multilingual.scorer(page)) for page in multilingual.load(args.multilingual)]
    yield "multilingual", found, True


def run(items: list, name: str) -> tuple[list[splits.PageResult], list[splits.PageResult]]:
    """Every page perturbed by ``name``, cleaned and scored: the cleaner's results, the peer's."""
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind="html"))
    part = splits.split_of([key for key, *_ in items])
    ours, theirs = [], []
    for key, raw, scorer in items:
        given = perturbed(raw, name)
        try:
            text = pipeline.clean(given).text
        except Exception as exc:  # a crash scores as an empty extraction, and is reported
            print(f"  {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text = ""
        for results, out in ((ours, text), (theirs, splits.trafilatura_default(given))):
            counts = tuple(scorer(out))
            results.append(splits.PageResult(key, part[key], "", None, splits._f1(*counts), counts))
    return ours, theirs


def figures(ours: list, theirs: list, control: dict[str, tuple[float, float]], micro: bool) -> dict[str, dict]:
    """Per split and all: the cleaner's and the peer's F1 (the set's metric), collapses, and
    drops from ``control`` (each page's F1 and the peer's, unperturbed)."""
    out = {}
    peers = splits.by_split(theirs)
    for group, a in splits.by_split(ours).items():
        b = peers[group]
        mine, peer = splits.summary(a, micro), splits.summary(b, micro)
        out[group] = {
            "f1": mine["f1"],
            "collapsed": mine["collapsed"],
            "dropped": sum(r.key in control and control[r.key][0] - r.f1 > DROP for r in a),
            "peer f1": peer["f1"],
            "peer collapsed": peer["collapsed"],
            "peer dropped": sum(r.key in control and control[r.key][1] - r.f1 > DROP for r in b),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = splits.set_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("--perturb", default="none,classes,semantic,title", help="comma-separated, 'none' first")
    parser.add_argument("--only", choices=["articles", "multilingual"], help="one set only")
    parser.add_argument("--json", type=Path, help="write the figures and every page's F1 and the peer's here")
    args = parser.parse_args(argv)
    names = args.perturb.split(",")
    if names[0] != "none":
        names.insert(0, "none")
    report: dict = {}
    for set_name, items, micro in pages(args):
        if args.only and set_name != args.only:
            continue
        control: dict[str, tuple[float, float]] = {}
        for name in names:
            ours, theirs = run(items, name)
            if name == "none":
                control = {a.key: (a.f1, b.f1) for a, b in zip(ours, theirs, strict=True)}
            found = figures(ours, theirs, control, micro)
            report[f"{set_name}/{name}"] = {
                "summary": found,
                "pages": [
                    {
                        "key": a.key,
                        "split": a.split,
                        "f1": a.f1,
                        "peer": b.f1,
                        "counts": a.counts,
                        "peer counts": b.counts,
                    }
                    for a, b in zip(ours, theirs, strict=True)
                ],
            }
            print(f"{set_name}, {name}:", flush=True)
            for group, row in found.items():
                print(f"  {group:>8}: " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
