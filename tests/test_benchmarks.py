"""The benchmark harness: systems take turns pass by pass, and each is scored on its own outputs."""

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import articles  # noqa: E402

#: The news the benchmark tests' pages carry.
FERRY = (
    "The harbour board met on Tuesday to approve the new ferry timetable for the summer season. "
    "Boats will leave every forty minutes from the north pier, and the last crossing will sail at midnight."
)


def write_multilingual_set(folder: Path, pages: list[str], truth: dict) -> None:
    """A multilingual set in ``folder``: page ``i`` gzipped as ``html/i.html.gz``, and ``truth.json``."""
    (folder / "html").mkdir()
    for i, page in enumerate(pages):
        (folder / "html" / f"{i}.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "truth.json").write_text(json.dumps(truth))


def test_systems_take_turns_and_keep_their_own_outputs():
    inputs = {"a": "one two three four five", "b": "six seven eight nine ten"}
    truth = dict(inputs)
    calls: list[str] = []

    def echo(page: str) -> str:
        calls.append("echo")
        return page

    def empty(page: str) -> str:
        calls.append("empty")
        return ""

    results = articles.run_systems({"echo": echo, "empty": empty}, inputs, truth, repeat=3)
    # an untimed pass of each, then one timed pass of each system (both pages) a round
    assert calls == (["echo"] * 2 + ["empty"] * 2) * 4
    assert results["echo"][0].f1 == 1.0 and results["echo"][2] == inputs
    assert results["empty"][0].recall == 0.0 and results["empty"][2] == {"a": "", "b": ""}
    assert all(pps > 0 for _, pps, _ in results.values())


def test_what_a_system_does_once_is_not_timed():
    # a fake clock: the first call on a page costs 100 units (loading what the page
    # needs), every later one 1; the one pass timed must cost 1 a page
    now = [0.0]
    seen: set[str] = set()

    def loads_once(page: str) -> str:
        now[0] += 1 if page in seen else 100
        seen.add(page)
        return page

    inputs = {"a": "one two", "b": "three four"}
    results = articles.run_systems({"once": loads_once}, inputs, dict(inputs), repeat=1, clock=lambda: now[0])
    assert results["once"][1] == 1.0  # two pages in two units


def test_a_crashing_system_scores_as_empty(capsys):
    def crash(page: str) -> str:
        raise ValueError("boom")

    results = articles.run_systems({"crash": crash}, {"a": "x y z w v"}, {"a": "x y z w v"})
    assert results["crash"][2] == {"a": ""}
    assert "ValueError: boom" in capsys.readouterr().err


def test_caches_are_emptied_before_each_pass_unless_warm():
    resets: list[int] = []

    def echo(page: str) -> str:
        return page

    echo.reset = lambda: resets.append(1)  # type: ignore[attr-defined]
    articles.run_systems({"echo": echo}, {"a": "x"}, {"a": "x"}, repeat=3)
    assert len(resets) == 3
    articles.run_systems({"echo": echo}, {"a": "x"}, {"a": "x"}, repeat=3, warm=True)
    assert len(resets) == 3


def test_clear_caches_empties_what_pages_filled():
    from cleaner import clean, clear_caches
    from cleaner.keys import key

    clean("Home\n\nSkip to content\n\n" + "The council met on Tuesday and voted for the plan. " * 5)
    from cleaner.detector import _FACTORS, _WORDS  # (loaded with the first detection)

    assert key.cache_info().currsize > 0 and len(_WORDS) > 0 and len(_FACTORS) > 0
    clear_caches()
    assert key.cache_info().currsize == 0 and len(_WORDS) == 0 and len(_FACTORS) == 0


def test_passthrough_counts_the_texts_text_mode_changes_and_what_it_drops():
    import passthrough

    clean_text = "A single paragraph of a clean article, which says what it has to say in one go."
    page = (
        "Home\nNews\nSport\nWeather\nContact\nSign in\n\n"
        + "The council met on Tuesday evening and voted for the plan after a long debate. " * 3
        + "\n\nAbout us\nPrivacy policy\nTerms of use"
    )
    changed, lost = passthrough.changes([clean_text, "Two  spaces   are   one.", page])
    assert changed == 1
    # the page loses its menus and keeps its paragraph
    kept = " ".join(("The council met on Tuesday evening and voted for the plan after a long debate. " * 3).split())
    total = len(clean_text) + len("Two spaces are one.") + len(" ".join(page.split()))
    assert abs(lost - (len(" ".join(page.split())) - len(kept)) / total) < 1e-9


def test_sensitivity_scales_numbers_and_skips_the_rest():
    from sensitivity import scaled

    assert scaled(0.3, 2.0) == 0.6
    assert scaled(3, 0.5) == 2 and scaled(3, 1.25) == 4 and isinstance(scaled(3, 1.25), int)
    assert scaled(0, 2.0) == 0 and scaled(-0.3, 2.0) == -0.6
    assert scaled(True, 2.0) is None and scaled("x", 2.0) is None


def test_the_sweep_scales_each_numeric_option_once_and_reads_chosen_variants():
    import sweep

    found = sweep.variants(["title"], [0.5, 0.8, 1.25, 2.0])
    assert ("title", "max_site_words", 2) in found and ("title", "same_words", 0.4) in found
    assert len(found) == len(set(found))
    assert all(value != 4 for _, option, value in found if option == "max_site_words")  # the default
    assert sweep.parse_set("min_prose_above=300") == ("content", "min_prose_above", 300)
    assert sweep.parse_set("title.same_words=0.5") == ("title", "same_words", 0.5)
    assert sweep.moved({"a": 0.5, "b": 0.9, "c": 0.6}, {"a": 1.0, "b": 0.8, "c": 0.62}) == (1, 1)


def test_multilingual_scores_only_the_half_asked_for(tmp_path):
    import multilingual

    prose = FERRY
    truth, pages = {}, []
    for i in range(4):
        pages.append(
            f"<html><body><article><h1>Ferry news {i}</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
        )
        # the first half's passages are on no page: found by no system
        passage = prose[:60] if i >= 2 else "A passage that no page of this set holds anywhere."
        truth[f"page{i}"] = {"file": f"html/{i}.html.gz", "with": [passage], "without": []}
    write_multilingual_set(tmp_path, pages, truth)
    f1 = {}
    for half in ("first", "second"):
        out = tmp_path / f"{half}.json"
        args = ["--mode", "html", "--half", half, "--repeat", "1", "--min-pages", "1", "--json", str(out)]
        assert multilingual.main([str(tmp_path), *args]) == 0
        f1[half] = json.loads(out.read_text())["html/trafilatura"]["f1"]["all"]
    assert f1 == {"first": 0.0, "second": 1.0}


def test_multilingual_lists_the_worst_pages_with_what_they_miss_and_keep(tmp_path, capsys):
    import multilingual

    prose = FERRY
    page = f"<html><body><article><h1>Ferry news</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    truth = {
        "good": {"file": "html/0.html.gz", "with": [prose[:60]], "without": []},
        "bad": {"file": "html/0.html.gz", "with": ["A passage on no page at all."], "without": [prose[-40:]]},
    }
    write_multilingual_set(tmp_path, [page], truth)
    args = ["--mode", "html", "--repeat", "1", "--min-pages", "1", "--worst", "1"]
    assert multilingual.main([str(tmp_path), *args]) == 0
    listed = capsys.readouterr().out.split("worst 1 pages for cleaner (html):")[1]
    assert "0.000" in listed and " bad " in listed and " good " not in listed
    assert "- A passage on no page at all." in listed and f"+ {prose[-40:]}" in listed


def test_the_splits_are_the_halves_of_the_sorted_keys():
    import splits

    assert splits.split_of(["d", "a", "c", "b", "e"]) == {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}


def test_the_splits_score_trafilatura_s_default_beside_the_cleaner_on_html_pages_when_asked(monkeypatch):
    import splits

    prose = "The harbour board met on Tuesday to approve the new ferry timetable for the summer season."
    notices = "".join(f"<p>Notice {i}. {prose}</p>" for i in range(6))
    page = f"<html><body><article>{notices}</article></body></html>"
    holds_the_notice = lambda out: (1, 0, 0) if "Notice 0" in out else (0, 0, 1)  # noqa: E731

    def pages():
        yield "ferry", page, "en", holds_the_notice

    assert splits.run(pages(), "html")[0].peer is None  # not asked
    asked = splits.run(pages(), "html", peer=True)[0]
    assert asked.f1 == asked.peer == 1.0  # both keep the article
    # the peer's column is trafilatura's default's body, not the cleaner's
    monkeypatch.setattr(splits, "trafilatura_default", lambda given: "Home News")
    asked = splits.run(pages(), "html", peer=True)[0]
    assert (asked.f1, asked.peer) == (1.0, 0.0)
    assert splits.run(pages(), "text", peer=True)[0].peer is None  # text pages have no peer here


def test_the_splits_list_the_pages_the_peer_is_well_ahead_on():
    import splits

    pages = [
        splits.PageResult("a", 1, "de", "de", 0.5, (1, 0, 1), 0.55),
        splits.PageResult("b", 1, "de", "de", 0.5, (1, 0, 1), 0.75),
        splits.PageResult("c", 2, "de", "de", 1.0, (1, 0, 0), None),
    ]
    assert [r.key for r in splits.behind(pages)] == ["b"]
    assert [r.key for r in splits.behind(pages, by=0.04)] == ["a", "b"]


def test_a_split_summary_counts_collapsed_pages_and_languages_told():
    import splits

    pages = [
        splits.PageResult("a", 1, "de", "de", 1.0, (4, 0, 0)),
        splits.PageResult("b", 1, "en", None, 0.0, (0, 1, 3)),
        splits.PageResult("c", 2, "zh-cn", "zh", 0.4, (1, 1, 2)),
    ]
    found = splits.summaries(pages, micro=True, min_pages=2)
    assert found["all"]["collapsed"] == 2 and found["split 1"]["collapsed"] == 1
    told = found["all"]
    assert (told["language right"], told["language missed"], told["language wrong"]) == (2, 1, 0)
    # passages summed over the pages: tp 5, fp 2, fn 5
    assert found["all"]["f1"] == round(2 * 5 / (2 * 5 + 2 + 5), 4)
    assert set(found) == {"split 1", "split 2", "all"}  # no language has two pages


def test_the_comments_benchmark_scores_each_mode_and_counts_the_comments_found():
    import comments

    page = (ROOT / "fixtures" / "content" / "comments_flattened.txt").read_bytes()
    plain = "A calm paragraph that needs no cleaning at all, written in plain English prose.\n"

    def longer_is_worse(text):  # (tp, fp, fn): each character past the article's is a false positive
        return (1.0, len(text) / 1000 - 1.0 if len(text) > 1000 else 0.0, 0.0)

    found = comments.run([("a", page, None, longer_is_worse), ("b", plain, None, longer_is_worse)], "text", 0)
    figures = comments.f1s(found["all"], micro=False)
    assert figures["pages with comments"] == 1 and figures["comments"] == 3
    assert figures["F1 drop"] == figures["F1 separate"] > figures["F1 keep"]
    assert figures["keep body differs"] == 0 and figures["not idempotent drop"] == 0
    assert set(found) == {"all", "split 1", "split 2"}


def test_a_filter_s_own_lines_put_back_are_no_flip_but_a_moved_run_is():
    import flips

    article = "the council voted on a plan to rebuild the harbour\nwork on the quays starts in the spring"
    menu = "home news sport weather contact"
    assert flips.shares(article, article + "\n" + menu, explained=menu)[:2] == (0.0, 0.0)
    assert flips.shares(article, article + "\n" + menu, explained="")[1] == 2 / 14  # unexplained: 2 of 14
    lost, gained, moved = flips.shares(article, article.split("\n")[0], explained="")
    assert (lost, gained, moved) == (5 / 12, 0.0, 5)  # the second line: 5 of 12 shingles
    assert flips.without_line("a\nb\nc", 2) == "a\nc"


def test_the_flips_audit_cleans_each_page_with_each_filter_off_in_both_modes(tmp_path, capsys):
    import flips

    page = (ROOT / "fixtures" / "content" / "footer_without_title.txt").read_text(encoding="utf-8")
    page = "Council approves new bike lanes for the harbour district - Harbour Gazette\n\n" + page
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in page.split("\n\n")[2:7]) + "</article>"
    (tmp_path / "html").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "html" / "p.html.gz").write_bytes(gzip.compress(html.encode()))
    (tmp_path / "text" / "p.txt").write_text(page, encoding="utf-8")
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p": {"articleBody": ""}}))
    out = tmp_path / "flips.json"
    assert flips.main([str(tmp_path), "--json", str(out)]) == 0
    assert "0 flips on 0 of 2 page runs" in capsys.readouterr().out
    assert json.loads(out.read_text()) == []


def test_a_body_that_cleaning_again_changes_is_reported_and_a_clean_one_is_not():
    import flips

    from cleaner import Document, clean

    article = (
        "The city council voted on Tuesday evening to approve a plan that will rebuild the old harbour.\n\n"
        "Members argued for more than four hours about the cost of the project and who should pay for it."
    )
    body = clean(article, kind="text")
    assert list(flips.again(body, ("set", "text", "page"))) == []
    notice = "We use cookies to give you the best experience. Accept all cookies"
    (flip,) = flips.again(Document(article + "\n\n" + notice), ("set", "text", "page"))
    assert (flip.change, flip.why, flip.line, flip.gained) == ("cleaned again", ["changed"], notice, 0.0)
    assert flip.lost == 0.231  # the notice's shingles: 9 of 39


def test_a_page_loses_its_first_line_for_the_splits_only_when_the_cleaner_drops_it():
    import splits

    from cleaner import Config, Pipeline

    pipeline = Pipeline(Config(kind="text"))
    page = (ROOT / "fixtures" / "content" / "menus_around_article.txt").read_text(encoding="utf-8")
    assert splits.without_first(pipeline, page) == page.split("\n", 1)[1]
    clean = (
        "A calm paragraph that needs no cleaning at all, written in plain English prose.\nAnd a second one, as calm.\n"
    )
    assert splits.without_first(pipeline, clean) == clean


def test_the_stages_benchmark_puts_each_missed_passage_down_to_the_step_that_lost_it(tmp_path, capsys):
    import stages

    prose = FERRY
    standfirst = "A new timetable for the summer: boats every forty minutes, and the last one sails at midnight."
    page = (
        f"<html><body><article><header><h1>Ferry news</h1><p>{standfirst}</p></header>"
        + "".join(f"<p>Notice {i}. {prose}</p>" for i in range(9))
        + "</article><footer><p>Copyright the harbour board.</p></footer></body></html>"
    )
    passages = [f"Notice 0. {prose[:60]}", standfirst, "On no page."]
    write_multilingual_set(tmp_path, [page], {"ferry": {"file": "html/0.html.gz", "with": passages, "without": []}})
    out = tmp_path / "steps.json"
    assert stages.main(["--multilingual", str(tmp_path), "--below", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    # precision mode drops an article's <header>, and with it the standfirst (the body is
    # long enough that no retry runs)
    assert "1  pruned by precision mode" in printed and "1  not in the page's text" in printed
    assert f"missed: {standfirst[:70]!r} (pruned by precision mode)" in printed
    held = dict(json.loads(out.read_text())["ferry"]["with"][:2])
    assert held[f"Notice 0. {prose[:60]}"] == list(stages.STEPS) and "precise" not in held[standfirst]


def test_every_ablation_variant_names_a_host_its_caller_sees_and_options_the_content_stage_takes():
    import ablate

    from cleaner.filters import content
    from cleaner.filters.content import MainContent

    assert len({v.name for v in ablate.VARIANTS}) == len(ablate.VARIANTS)
    for variant in ablate.VARIANTS:
        module = sys.modules[getattr(content, variant.caller).__module__]
        assert callable(getattr(module, variant.host)), variant.name
        assert set(variant.options) <= set(MainContent.defaults), variant.name


def test_an_ablation_counts_the_answers_that_differ_item_by_item():
    import ablate

    assert ablate.differ([None, "bad", "bad"], [None, "good", "bad"]) == 1
    assert ablate.differ([1, 2], [1, 2, 3]) == 1
    assert ablate.differ((3, 5), (3, 5)) == 0 and ablate.differ(4, 7) == 1


def test_a_rule_s_gain_rests_on_one_page_when_putting_that_page_back_leaves_no_cost():
    import ablate
    import splits

    def outcome(f1s):
        pages = [splits.PageResult(k, s, "en", "en", f, (f, 1 - f, 1 - f)) for k, s, f in f1s]
        return ablate.Outcome("x", "x", {"articles": pages}, {"articles": []})

    sets = {"articles": ([], False)}
    base = outcome([("a", 1, 1.0), ("b", 1, 1.0), ("c", 2, 1.0), ("d", 2, 1.0)])
    assert ablate.one_page(base, outcome([("a", 1, 1.0), ("b", 1, 0.2), ("c", 2, 1.0), ("d", 2, 1.0)]), sets) == (
        "articles/b"
    )
    two = outcome([("a", 1, 0.5), ("b", 1, 0.2), ("c", 2, 1.0), ("d", 2, 1.0)])
    assert ablate.one_page(base, two, sets) == ""
    assert ablate.one_page(base, base, sets) == "-"


def test_a_page_s_kind_is_what_its_markup_says_it_is():
    from pagekinds import page_kind

    def page(head: str, body: str = "") -> str:
        return f"<html><head>{head}</head><body>{body}<p>Some text.</p></body></html>"

    def ld(*types: str) -> str:
        graph = ", ".join(f'{{"@type": "{t}"}}' for t in types)
        data = f'{{"@context": "https://schema.org", "@graph": [{graph}]}}'
        return f'<script type="application/ld+json">{data}</script>'

    og = '<meta property="og:type" content="{}">'.format
    assert page_kind(page(ld("WebPage", "NewsArticle"))) == "article"
    assert page_kind(page(og("article"))) == "article"
    assert page_kind(page('<meta property="article:published_time" content="2021-04-22">')) == "article"
    # an article that is also a product's page is an article
    assert page_kind(page(ld("Product", "BlogPosting"))) == "article"
    assert page_kind(page(ld("DiscussionForumPosting"))) == "discussion"
    assert page_kind(page(og("product"))) == "product"
    assert page_kind(page("", '<div itemscope itemtype="https://schema.org/Product">')) == "product"
    assert page_kind(page(ld("Recipe"))) == "recipe"
    assert page_kind(page(ld("CollectionPage"))) == "list"
    assert page_kind(page(ld("WebPage", "Organization") + og("website"))) == "page"
    assert page_kind(page("<title>A page</title>")) == "none"


def test_a_transplanted_page_keeps_its_head_and_gets_a_donor_s_chrome_without_the_donor_s_truth(tmp_path):
    import transplant

    body = "Rivers carry the silt of the hills down to the sea every spring and every autumn of the year."
    other = "Glaciers grind the rock beneath them into a fine flour that the meltwater carries far away."
    page = ["A page title", "Home | News | Sport", "A headline", body, "Share this", "Cookie settings"]
    donor = ["Donor title", "Menu of the donor", other, "Donor footer"]
    (tmp_path / "text").mkdir()
    truth = {}
    for key, lines, text, url in (
        ("a", page, body, "https://one.example/a"),
        ("b", donor, other, "https://two.example/b"),
    ):
        (tmp_path / "text" / f"{key}.txt").write_text("\n".join(lines), encoding="utf-8")
        truth[key] = {"articleBody": text, "url": url}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")

    pages = {p.key: p for p in transplant.article_pages(tmp_path)}
    assert pages["a"].body == (3, 3)
    assert pages["b"].chrome == (["Menu of the donor"], ["Donor footer"])  # its title and truth left out
    inside = transplant.variant_text(pages["a"], pages["b"], "inside").split("\n")
    assert inside == page[:3] + ["Menu of the donor"] + page[3:] + ["Donor footer"]
    outside = transplant.variant_text(pages["a"], pages["b"], "outside").split("\n")
    assert outside == ["Menu of the donor"] + page + ["Donor footer"]


def test_a_transplant_s_donors_share_the_page_s_split_and_language_but_not_its_site():
    import transplant

    def page(key, site, language, chrome=(["menu"], ["footer"])):
        return transplant.Page(key, site, [], None, (0, 0), chrome, language=language)

    # split 1: a b c d; split 2: e f g h
    pages = [
        page("a", "one", "de"),
        page("b", "one", "de"),  # the same site
        page("c", "two", "en"),  # another language
        page("d", "three", "de"),
        page("e", "four", "de"),
        page("f", "five", "de", ([], [])),  # no chrome to give
        page("g", "six", "de"),
        page("h", "seven", "de"),
    ]
    chosen = transplant.donors(pages, 2)
    assert [d.key for d in chosen["a"]] == ["d"]
    assert [d.key for d in chosen["e"]] == ["g", "h"]
    assert [d.key for d in transplant.donors(pages, 2, any_language=True)["a"]] == ["c", "d"]


def test_a_multilingual_body_reaches_out_over_its_paragraphs_across_a_subheading():
    import transplant

    paragraph = "This paragraph belongs to the article although no passage of the truth was taken from it."
    lines = ["Title", "Home", "News", paragraph, "", "A subheading", "", "The passage.", "", "Share this", "Menu"]
    article = [False] * len(lines)
    assert transplant._paragraphs(lines, 7, 7, article) == (3, 7)  # not past two lines of chrome
    lines[1] = paragraph  # ... nor to the first line (the title) however it reads
    lines[0] = paragraph
    assert transplant._paragraphs(lines, 7, 7, article) == (1, 7)
    article[9] = True  # a line trafilatura keeps is the article's
    assert transplant._paragraphs(lines, 7, 7, article) == (1, 9)


def test_the_perturbations_rewrite_only_the_markup_they_name_and_keep_the_page_s_bytes():
    import perturb

    page = (
        '<html><head><title>T</title><meta property="og:title" content="x">'
        '<script type="application/ld+json">{"a":1}</script></head><body><main id=m>'
        '<article class="post-body  entry" itemscope itemtype="https://schema.org/Article">'
        '<h1 itemprop="headline">H</h1><p class=\'post-body\'>\u65e5\u672c class="no"</p>'
        "</article></main></body></html>"
    )
    for encoding in ("utf-8", "shift_jis"):
        raw = (page + "\u65e5\u672c").encode(encoding)
        assert perturb.perturbed(raw, "none") == raw
        hashed = perturb.perturbed(raw, "classes").decode(encoding)
        token = perturb._token("post-body")
        assert f'<article class="{token} {perturb._token("entry")}" itemscope' in hashed
        assert f'<p class="{token}">\u65e5\u672c class="no"</p>' in hashed  # the text is left alone
        assert f'<main id="{perturb._token("m")}">' in hashed
        plain = perturb.perturbed(raw, "semantic").decode(encoding)
        assert "og:" not in plain and "ld+json" not in plain and "item" not in plain
        assert "<article" not in plain and "<main" not in plain and plain.count("<div") == 2
        untitled = perturb.perturbed(raw, "title").decode(encoding)
        assert "<title" not in untitled and "<h1" not in untitled and "<div itemprop" in untitled
        headless = perturb.perturbed(raw, "classes-noh1").decode(encoding)
        assert "<title>T</title>" in headless and "<h1" not in headless and "<div itemprop" in headless
        assert f'<main id="{perturb._token("m")}">' in headless


def test_the_text_causes_census_puts_each_missed_passage_down_to_the_record_that_took_it(tmp_path, capsys):
    import textcauses

    prose = FERRY
    menu = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather", "Contact"))
    page = (
        f"<html><head><title>Ferry news | Harbour Times</title></head><body><ul>{menu}</ul><h1>Ferry news</h1>"
        + "".join(f"<p>Notice {i}. {prose}</p>" for i in range(6))
        + f"<ul>{menu}</ul><p>Copyright the harbour board.</p></body></html>"
    )
    passages = [f"Notice 0. {prose[:60]}", "On no page of this harbour's site at all.", "Ferry news | Harbour Times"]
    truth = {"ferry": {"file": "html/0.html.gz", "with": passages, "without": ["Notice 5."]}}
    write_multilingual_set(tmp_path, [page], truth)
    out = tmp_path / "causes.json"
    argv = ["--multilingual", str(tmp_path), "--articles", str(tmp_path / "none"), "--below", "1", "--json", str(out)]
    assert textcauses.main(argv) == 0
    printed = capsys.readouterr().out
    assert "tp 1 fp 1 fn 2" in printed
    assert "missed    1  not in the text render" in printed and "missed    1  the first line (the <title>)" in printed
    assert "kept: in a cut page: 'Notice 5.'" in printed
    census = json.loads(out.read_text())["multilingual"]
    (split,) = census.values()
    assert split["counts"] == [1, 1, 2] and split["pages"][0]["page"] == "ferry"
    # without its first line (the <title>, which the cleaner drops) the headline is missed as the page's own line
    assert textcauses.main([*argv[:-2], "--without-first"]) == 0
    assert "the first line (the <title>)" not in capsys.readouterr().out
