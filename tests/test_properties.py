"""Properties of clean() on arbitrary input (hypothesis).

For any text or bytes: clean() returns a Document (bytes that are not text may be
refused, but only with InputError); cleaning is deterministic and idempotent (for
HTML: the body cleaned again as text only loses words, see check_all); and
nothing is invented: every word of the body is a word of the input, after the
decoding, mojibake repair, entity unescaping and whitespace folding the pipeline
itself does. The same for any HTML.

``HYPOTHESIS_EXAMPLES`` sets the number of examples per property (default 300, a fifth
of that in `make test-fast`).
"""

from __future__ import annotations

import html
import os
import re
import unicodedata

import pytest
from helpers import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Pipeline, clean
from cleaner.blocks import normalize_line
from cleaner.extraction import looks_like_html
from cleaner.inputs import InputError

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", examples(300)))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORD = re.compile(r"\w+")

# Lines that look like what scraped pages are made of, so that the filters fire.
LINES = [
    "Share this article",
    "Share on Facebook",
    "Read more",
    "Advertisement",
    "ADVERTISEMENT",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience. Accept",
    "By John Smith",
    "By Jane Doe, Staff Writer",
    "Published 12 March 2024",
    "Updated: 2024-03-12 10:00",
    "© 2024 Example Media. All rights reserved.",
    "Home | News | Sport | Contact",
    "Related articles",
    "You may also like",
    "Comments (12)",
    "Sign in",
    "Log in to comment",
    "Photo: Reuters",
    "Image credit: Getty Images",
    "Follow us on Twitter @example",
    "https://example.com/news/article-123",
    "mail@example.com",
    "Tags: politics, economy",
    "The government announced on Tuesday that it would raise taxes on fuel next year.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Le garçon a mangé une crème brûlée.",
    "The war ended in a long conflict.President Putin spoke at length today.",
    "Tom &amp; Jerry &lt;3 &#8220;quotes&#8221; &nbsp; &copy;",
    "donâ€™t stop â€” the cafÃ© is open",
    "  indented   line with   spaces  ",
    "\t\ttabs\tand\u00a0nbsp\u200bzero-width",
    "",
    "",
    "   ",
    "Click here",
    "Next page »",
    "« Previous",
    "1 2 3 4 5 Next",
    "Print | Email | Share",
    "Loading...",
    "Skip to main content",
    "Menu",
    "Search",
    "—",
    "...",
    "* * *",
]

line = st.one_of(
    st.sampled_from(LINES), st.text(max_size=80), st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
)
documents = st.lists(line, max_size=30).map("\n".join)
texts = st.one_of(st.text(max_size=300), documents)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "cp1251", "shift_jis"]


@st.composite
def encoded(draw):
    text = draw(documents)
    enc = draw(st.sampled_from(ENCODINGS))
    return text.encode(enc, errors="ignore")


raw_bytes = st.one_of(st.binary(max_size=400), encoded())

TAGS = [
    "div",
    "p",
    "span",
    "a",
    "article",
    "section",
    "nav",
    "footer",
    "header",
    "aside",
    "h1",
    "h2",
    "li",
    "ul",
    "table",
    "tr",
    "td",
    "b",
    "i",
    "script",
    "style",
    "br",
    "main",
]


def _element(children):
    return st.builds(
        lambda tag, attr, kids: f"<{tag}{attr}>{''.join(kids)}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(
            [
                "",
                ' class="content"',
                ' id="nav"',
                ' class="share"',
                ' href="/x?a=1&amp;b=2"',
                ' title="Title &amp; more"',
            ]
        ),
        st.lists(children, max_size=5),
    )


html_text = st.one_of(st.sampled_from(LINES).map(html.escape), st.sampled_from(LINES), st.text(max_size=30))
fragments = st.recursive(html_text, _element, max_leaves=40)
pages = st.builds(
    lambda title, body, doctype: f"{doctype}<html><head><title>{title}</title></head><body>{body}</body></html>",
    st.sampled_from(LINES),
    st.lists(fragments, max_size=8).map("".join),
    st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0"?>\n<!DOCTYPE html>']),
)
htmls = st.one_of(pages, st.text(max_size=200).map(lambda t: f"<html><body>{t}</body></html>"))

PIPELINE = Pipeline()
# tags, and what the HTML tokenizer drops as bogus comments up to the first ">":
# "<?...>", "<!...>", "</>", "</0...>"
TAG = re.compile(r"<[?!][^>]*>|</(?![A-Za-z])[^>]*>|</?([A-Za-z][^\s/>]*)[^<>]*>")
BLOCK_TAGS = set(
    "html head title body div p main article section nav footer header aside h1 h2 h3 h4 h5 h6 "
    "ul ol li table tr td th script style br hr pre blockquote figure form".split()
)


def words_of_input(raw: str | bytes) -> set[str]:
    """The words of what the filters start from: decoded, repaired, unescaped, folded."""
    text = PIPELINE.prepare(raw)
    # format characters (soft hyphen, zero-width joiners) are dropped by the HTML extractor
    unformatted = "".join(c for c in text if unicodedata.category(c) != "Cf")
    # inline tags do not separate words: "a<b>b</b>" reads "ab"
    untagged = TAG.sub(lambda m: "\n" if (m.group(1) or "").lower() in BLOCK_TAGS else "", unformatted)
    # ...and a parser ignores stray end tags, so any tag may join the text either side
    joined = TAG.sub("", unformatted)
    variants = [
        text,
        html.unescape(text),
        html.unescape(html.unescape(text)),
        unformatted,
        html.unescape(unformatted),
        untagged,
        html.unescape(untagged),
        joined,
        html.unescape(joined),
    ]
    words: set[str] = set()
    for v in variants:
        for ln in v.splitlines():
            words.update(WORD.findall(normalize_line(ln)))
            words.update(WORD.findall(ln))
    return words


def _glued(word: str, source: set[str]) -> bool:
    """Whether ``word`` is two or more input words run together."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and word[start:end] in source for start in range(end))
    return ok[-1]


def check_not_invented(raw: str | bytes, body: str, html_input: bool = False) -> None:
    source = words_of_input(raw)
    invented = [w for w in WORD.findall(body) if w not in source]
    if html_input:
        # The extractor joins the text on either side of an inline element it drops
        # ("Share on Facebook<span class=nav>Read more</span>Share" -> "FacebookShare"):
        # words made of input words are not invented text.
        invented = [w for w in invented if not _glued(w, source)]
    assert not invented, f"words in the body that are not in the input: {invented[:10]}"


def check_all(raw: str | bytes, kind: str = "auto") -> None:
    try:
        doc = clean(raw, kind=kind)
    except InputError:
        assert isinstance(raw, bytes), "text input refused"
        return
    assert isinstance(doc.text, str)
    doc.text.encode("utf-8")  # writable: no lone surrogates
    again = clean(raw, kind=kind)
    assert again.to_dict() == doc.to_dict(), "not deterministic"
    twice = clean(doc.text).text
    html_input = kind == "html" or (kind == "auto" and looks_like_html(raw))
    if html_input:
        # The body of a page, cleaned again as text, meets the text-only filters
        # (HTML bodies skip those meant for flattened pages): it may lose more, but
        # gains nothing.
        assert set(WORD.findall(twice)) <= set(WORD.findall(doc.text)), "second pass added words"
    else:
        assert twice == doc.text, "not idempotent"
    check_not_invented(raw, doc.text, html_input)


@SETTINGS
@given(texts)
def test_text(raw):
    check_all(raw)


@SETTINGS
@given(raw_bytes)
def test_bytes(raw):
    check_all(raw)


@pytest.mark.slow
@SETTINGS
@given(htmls)
def test_html(raw):
    check_all(raw)
    check_all(raw, kind="html")


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=100))
def test_any_code_point_including_surrogates(raw):
    doc = clean(raw)
    doc.text.encode("utf-8")
