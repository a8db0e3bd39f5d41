"""Text pages under another site's chrome: each dev text page cleaned with the head and tail
chrome of other pages, scored against its own truth (how stable the run choice is on pages
whose chrome nobody tuned on).

    python benchmarks/transplant.py [--articles DIR] [--multilingual DIR] [-k K]
                                    [--variant inside|outside|both] [--json FILE] [--compare OLD.json]

A page's *body* is located with its truth: for the articles, the first and last line that
is mostly truth (half or more of its 4-gram shingles are the ground truth's, and
``MIN_TOKENS`` tokens or more); for the multilingual pages, the first and last line that
holds a ``with`` passage, moved out over the paragraphs next to them (lines of ``MIN_TOKENS``
words or more that end a sentence, or lines trafilatura's default ``extract`` keeps of the
HTML page), across ``GAP_LINES`` other lines (a subheading, a caption): the passages are a
sample of the article. Its *head chrome* is the lines above the body but the first (a
flattened page's ``<title>``: a page has its own), its *tail chrome* the lines below the
body; lines that hold truth text (mostly truth shingles; a ``with`` passage, or a line inside
one or in trafilatura's extraction, as the rest of the article may stand apart) are left out.
Pages whose body is not found are neither transplanted nor donors.

Each page P gets the chrome of ``K`` donors D from the same split (so that a rule chosen on
split 1 never saw split 2's chrome), another site and the same language (the language of
the truth; ``--any-language``: any, which tests language detection more than the run),
chosen by sorted key: the pages ``len // (K + 1)``, ``2 * len // (K + 1)``, ... further on
(wrapping round), or the next suitable one. One variant per donor:

- ``inside``: P's lines down to its body, D's head chrome, P's body and the rest of P,
  D's tail chrome (P keeps its title and headline; D's chrome sits between them and the
  article, as bylines, share bars and teasers do);
- ``outside``: D's head chrome, all of P, D's tail chrome.

Each variant is scored against P's own truth with the set's metric (articles: shingle F1;
multilingual: the passage metric, with those of D's ``without`` passages that stand in the
chrome counted as P's, so that donor chrome kept costs precision on both sets). Reported per
set, variant kind and split: the set's F1 over the variants (and over the pages cleaned
normally), the mean per-variant F1, the variants under 0.5 (and how many of those pages are
under 0.5 normally), the pages *flipped by chrome* (a variant's F1 more than ``FLIP``
under the page's own), and the variants whose language (told by the pipeline) is not the
one told of the page cleaned as it is. Text mode only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

import checkout  # noqa: F401  (before cleaner: the checkout, or the installed build)
import multilingual
from articles import ground_truth, page_input
from scoring import page_counts, shingles
from splits import COLLAPSED, MOVED, PageResult, _f1, by_split, set_arguments, split_of, summary, trafilatura_default

#: A line locates a body when it has this many tokens or more (a shorter line is a label).
MIN_TOKENS = 8
#: ... and this share of its shingles is truth.
TRUTH_SHARE = 0.5
#: A variant whose F1 is this much under the page's own has been flipped by chrome.
FLIP = 0.2
_TOKEN = re.compile(r"\w+")
#: The body reaches across this many lines that are no paragraphs (a subheading, a caption).
GAP_LINES = 2
#: A paragraph: a line of ``MIN_TOKENS`` words or more that ends a sentence.
_SENTENCE_END = re.compile(r"[.!?:。！？][\"'”’»)\]]*\s*$")


@dataclass
class Page:
    key: str
    site: str
    lines: list[str]
    score: object  # (output, extra boilerplate passages) -> (tp, fp, fn)
    body: tuple[int, int] | None  # first and last line of the body
    chrome: tuple[list[str], list[str]] = ([], [])  # head and tail chrome, as a donor
    without: tuple[str, ...] = ()  # its boilerplate passages (multilingual), to score its chrome kept elsewhere
    language: str = ""  # of its truth


@dataclass
class Variant:
    key: str
    donor: str
    kind: str
    split: int
    own: float  # the page's F1 cleaned as it is
    f1: float
    counts: tuple[float, float, float]
    language: str = ""  # told of the variant, and of the page cleaned as it is:
    own_language: str = ""  # a donor's chrome in another language can change it


def site_of(url: str) -> str:
    """The host of a page's URL (that of the archived page for a web archive's)."""
    parsed = urlparse(url)
    if parsed.netloc.endswith("archive.org") and "/http" in parsed.path:
        return site_of(parsed.path[parsed.path.index("/http") + 1 :])
    return parsed.netloc.removeprefix("www.") or url


def _truth_share(line: str, truth: set) -> float:
    found = shingles(line)
    return sum(n for s, n in found.items() if s in truth) / max(1, sum(found.values()))


def article_pages(data_dir: Path) -> list[Page]:
    pages = []
    for key, entry in ground_truth(data_dir).items():
        body = entry.get("articleBody", "")
        lines = page_input(data_dir, key, "text").split("\n")
        known = set(shingles(body))
        share = [_truth_share(line, known) for line in lines]
        located = [
            i for i, line in enumerate(lines) if len(_TOKEN.findall(line)) >= MIN_TOKENS and share[i] >= TRUTH_SHARE
        ]
        page = Page(key, site_of(entry["url"]), lines, lambda out, extra, body=body: page_counts(body, out), None)
        page.language = multilingual.page_language([body])
        if located:
            page.body = (located[0], located[-1])
            pure = [share[i] < TRUTH_SHARE for i in range(len(lines))]
            page.chrome = _chrome(lines, page.body, pure)
        pages.append(page)
    return pages


def multilingual_pages(data_dir: Path) -> list[Page]:
    pages = []
    for found in multilingual.load(data_dir):
        lines = multilingual.render_text(found.raw).split("\n")
        squeezed = [multilingual.squeeze(line) for line in lines]
        passages = [multilingual.squeeze(p) for p in found.with_]
        holds = [bool(s) and any(p in s or (len(s) >= 20 and s in p) for p in passages) for s in squeezed]
        located = [i for i, h in enumerate(holds) if h and any(p in squeezed[i] for p in passages)]
        extracted = multilingual.squeeze(trafilatura_default(multilingual.decode_like_a_browser(found.raw)))
        article = [len(s) >= 20 and s in extracted for s in squeezed]

        def score(out: str, extra: list[str], page: multilingual.Page = found) -> tuple:
            c = multilingual.page_counts(page, out)
            out = multilingual.squeeze(out)
            return (c.tp, c.fp + sum(multilingual.squeeze(p) in out for p in extra), c.fn)

        page = Page(
            found.name, site_of(found.name), lines, score, None, without=tuple(found.without), language=found.language
        )
        if located:
            page.body = _paragraphs(lines, located[0], located[-1], article)
            page.chrome = _chrome(lines, page.body, [not (h or a) for h, a in zip(holds, article, strict=True)])
        pages.append(page)
    return pages


def _paragraphs(lines: list[str], first: int, last: int, article: list[bool]) -> tuple[int, int]:
    """``first`` and ``last`` moved out over the paragraphs (or ``article`` lines) next to them, across
    ``GAP_LINES`` other lines at most (a subheading, a caption): the ``with`` passages are a sample, the
    article's first and last paragraphs are often not among them."""

    def paragraph(i: int) -> bool:
        return article[i] or (len(_TOKEN.findall(lines[i])) >= MIN_TOKENS and bool(_SENTENCE_END.search(lines[i])))

    def out(k: int, step: int) -> int:
        while True:
            j, gap = k + step, 0
            while 0 < j < len(lines) and (not lines[j].strip() or not paragraph(j)) and gap <= GAP_LINES:
                gap += bool(lines[j].strip())
                j += step
            if not (0 < j < len(lines)) or gap > GAP_LINES:
                return k
            k = j

    return out(first, -1), out(last, 1)


def _chrome(lines: list[str], body: tuple[int, int], pure: list[bool]) -> tuple[list[str], list[str]]:
    """The lines above the body but the first, and those below it, without truth lines."""
    head = [line for i, line in enumerate(lines[1 : body[0]], 1) if pure[i]]
    tail = [line for i, line in enumerate(lines[body[1] + 1 :], body[1] + 1) if pure[i]]
    return head, tail


def donors(pages: list[Page], k: int, any_language: bool = False) -> dict[str, list[Page]]:
    """For each page with a body, ``k`` donors of the same split, the same language (unless ``any_language``)
    and another site (fewer if there are not enough)."""
    splits = split_of([p.key for p in pages])
    chosen: dict[str, list[Page]] = {}
    for split in (1, 2):
        group = [p for p in pages if splits[p.key] == split and p.body is not None]
        for i, page in enumerate(group):
            picked: list[Page] = []
            for j in range(1, k + 1):
                offset = j * len(group) // (k + 1)
                for step in range(len(group)):
                    donor = group[(i + offset + step) % len(group)]
                    mine = any_language or donor.language == page.language
                    if mine and donor.site != page.site and donor not in picked and any(donor.chrome):
                        picked.append(donor)
                        break
            chosen[page.key] = picked
    return chosen


def variant_text(page: Page, donor: Page, kind: str) -> str:
    head, tail = donor.chrome
    if kind == "outside":
        return "\n".join(head + page.lines + tail)
    assert page.body is not None
    start = page.body[0]
    return "\n".join(page.lines[:start] + head + page.lines[start:] + tail)


def _extra(page: Page, donor: Page) -> list[str]:
    """The donor's boilerplate passages that stand in its chrome."""
    chrome = multilingual.squeeze(" ".join(donor.chrome[0] + donor.chrome[1]))
    return [p for p in donor.without if multilingual.squeeze(p) in chrome]


def clean(pipeline, text: str) -> tuple[str, str]:
    """The text's clean body, and the language told of it."""
    try:
        document = pipeline.clean(text)
    except Exception as exc:  # a crash scores as an empty extraction, and is reported
        print(f"  {type(exc).__name__}: {exc}", file=sys.stderr)
        return "", ""
    return document.text, document.metadata.get("language") or ""


def run(
    pages: list[Page], k: int, kinds: list[str], any_language: bool = False
) -> tuple[list[PageResult], list[Variant]]:
    """Every page cleaned as it is and under each donor's chrome."""
    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind="text"))
    splits = split_of([p.key for p in pages])
    chosen = donors(pages, k, any_language)
    normal, variants = [], []
    for page in pages:
        if not chosen.get(page.key):
            continue
        out, language = clean(pipeline, "\n".join(page.lines))
        counts = tuple(page.score(out, []))
        own = _f1(*counts)
        normal.append(PageResult(page.key, splits[page.key], "", None, own, counts))
        for donor in chosen[page.key]:
            for kind in kinds:
                out, told = clean(pipeline, variant_text(page, donor, kind))
                got = tuple(page.score(out, _extra(page, donor)))
                variants.append(
                    Variant(page.key, donor.key, kind, splits[page.key], own, _f1(*got), got, told, language)
                )
    return normal, variants


def report(normal: list[PageResult], variants: list[Variant], micro: bool, kind: str) -> dict[str, dict]:
    """Per split and both: F1 of the set's metric over the variants and over the pages as they are, ..."""
    found = {}
    kinds, normals = by_split([v for v in variants if v.kind == kind]), by_split(normal)
    for name, mine in kinds.items():
        theirs = normals[name]
        as_results = [PageResult(v.key, v.split, "", None, v.f1, v.counts) for v in mine]
        flipped = {v.key for v in mine if v.own - v.f1 > FLIP}
        found[name] = {
            "pages": len(theirs),
            "variants": len(mine),
            "f1 normal": summary(theirs, micro)["f1"],
            "f1 transplant": summary(as_results, micro)["f1"],
            "mean f1": round(sum(v.f1 for v in mine) / max(1, len(mine)), 4),
            "collapsed": sum(v.f1 < COLLAPSED for v in mine),
            "collapsed own": sum(v.f1 < COLLAPSED and v.own < COLLAPSED for v in mine),
            "flipped pages": len(flipped),
            "language changed": sum(v.language != v.own_language for v in mine),
        }
    return found


def compare(old: dict, new: dict) -> None:
    """The variants whose F1 differs from an earlier ``--json`` file."""
    for name, found in new.items():
        before = {(v["key"], v["donor"], v["kind"]): v["f1"] for v in old.get(name, {}).get("variants", [])}
        for v in found["variants"]:
            was = before.get((v["key"], v["donor"], v["kind"]))
            if was is not None and abs(was - v["f1"]) > MOVED:
                print(
                    f"  {name} {v['kind']} split {v['split']} {v['key'][:40]} + {v['donor'][:40]}: "
                    f"{was:.3f} -> {v['f1']:.3f}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = set_arguments(argparse.ArgumentParser(description=__doc__.split("\n\n")[0]))
    parser.add_argument("-k", type=int, default=3, help="donors a page")
    parser.add_argument("--variant", choices=["inside", "outside", "both"], default="inside")
    parser.add_argument("--set", choices=["articles", "multilingual", "both"], default="both")
    parser.add_argument("--any-language", action="store_true", help="donors in any language (else the page's own)")
    parser.add_argument("--json", type=Path, help="write the summaries and every variant's F1 here")
    parser.add_argument("--compare", type=Path, help="list the variants that differ from this earlier --json file")
    args = parser.parse_args(argv)
    kinds = ["inside", "outside"] if args.variant == "both" else [args.variant]
    out = {}
    for name, load, micro in (("articles", article_pages, False), ("multilingual", multilingual_pages, True)):
        if args.set not in ("both", name):
            continue
        pages = load(getattr(args, name))
        normal, variants = run(pages, args.k, kinds, args.any_language)
        print(f"{name}, text mode, {len(pages) - len(normal)} pages without a located body or a donor:")
        out[name] = {"summary": {}, "variants": [asdict(v) for v in variants]}
        for kind in kinds:
            found = report(normal, variants, micro, kind)
            out[name]["summary"][kind] = found
            for group, figures in found.items():
                print(f"  {kind:>7} {group:>7}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    if args.compare:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
