"""The seeds' HTML report in a real headless Chromium (Debian's, driven by playwright), from file://.

``make test`` installs chromium first where it can (``make browser``); without it these
tests skip, saying why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import fake_batch, seeds_report
from helpers import invoke as run

from cleaner.htmlreport.browser import chromium, missing, opened

pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no browser: {missing()}")
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


@pytest.fixture(scope="module")
def browser():
    with chromium() as context:
        yield context


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[Path, Path]:
    return seeds_report(tmp_path_factory.mktemp("seeds"))


def fired(out: Path) -> set[str]:
    return {r["filter"] for p in out.glob("*.json") for r in json.loads(p.read_text(encoding="utf-8"))["removed"]}


def test_the_seeds_report_opens_offline_without_a_console_error(browser, seeds):
    with opened(browser, seeds[1]) as (page, problems):
        assert page.locator("section.doc").count() == 5
        page.wait_for_timeout(100)  # anything the script would still log
    assert problems == []


def test_every_filter_that_fired_has_a_colour_of_its_own_in_text_and_legend(browser, seeds):
    out, report = seeds
    with opened(browser, report) as (page, problems):
        colours = page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('[data-toggle]')].map(box => [
                box.dataset.name,
                [getComputedStyle(box.parentElement.querySelector('.swatch')).backgroundColor,
                 getComputedStyle(document.querySelector(`del[data-filter="${box.dataset.name}"]`)).boxShadow]
            ]))"""
        )
    assert set(colours) == fired(out)
    swatches = [swatch for swatch, _ in colours.values()]
    assert len(set(swatches)) == len(swatches) and "rgba(0, 0, 0, 0)" not in swatches
    for swatch, underline in colours.values():
        assert swatch in underline  # the piece is underlined in its filter's colour
    assert problems == []


def visible(page, selector: str) -> list[bool]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getClientRects().length > 0)")


def test_unticking_a_filter_hides_exactly_its_pieces_and_ticking_shows_them(browser, seeds):
    out, report = seeds
    with opened(browser, report) as (page, problems):
        page.locator("section.doc").first.scroll_into_view_if_needed()
        for name in sorted(fired(out)):
            box = page.locator(f'[data-toggle][data-name="{name}"]')
            box.uncheck()
            assert not any(visible(page, f'.orig del[data-filter="{name}"]'))
            assert all(visible(page, f'.orig del[data-filter]:not([data-filter="{name}"])'))
            assert page.locator(f'.legend .chip:has([data-name="{name}"])').is_visible()
            box.check()
            assert all(visible(page, ".orig del[data-filter]"))
        page.locator("#\\.none").click()
        assert not any(visible(page, ".orig del[data-filter]"))
        assert all(visible(page, ".orig .k"))  # the kept text alone
        page.locator("#\\.all").click()
        assert all(visible(page, ".orig del[data-filter]"))
    assert problems == []


def test_search_finds_a_phrase_counts_it_and_shows_where_it_is(browser, seeds):
    out, report = seeds
    body = (out / "002_d44793e609ba8eaf.txt").read_text(encoding="utf-8")
    assert body.count("televised conversation") == 1
    with opened(browser, report) as (page, problems):
        page.locator("#\\.search").fill("TELEVISED conversation")
        page.locator("#\\.search").press("Enter")
        assert page.locator("#\\.found").text_content().startswith("1 of 1 match in 1 of 5 documents shown in full")
        assert page.evaluate("CSS.highlights.get('cleaner-hit').size") == 1
        assert (
            page.evaluate("CSS.highlights.get('cleaner-now').values().next().value.toString()")
            == "televised conversation"
        )
        assert page.locator("section.doc:visible").count() == 1
        assert page.locator("#\\.table tbody tr:visible").count() == 1
        assert page.locator("section.doc:visible").get_attribute("id") == "002_d44793e609ba8eaf.txt"
        page.locator("#\\.search").fill("")
        expect(page.locator("section.doc[hidden]")).to_have_count(0)
    assert problems == []


def test_the_table_sorts_by_share_removed_both_ways(browser, seeds):
    with opened(browser, seeds[1]) as (page, problems):
        shares = (
            "() => [...document.querySelectorAll('#\\\\.table tbody tr')].map(r => parseFloat(r.cells[6].textContent))"
        )
        first = page.evaluate(shares)
        assert len(first) == 5 and first == sorted(first, reverse=True)
        heading = page.locator("#\\.table th", has_text="share removed").locator("button")
        heading.click()
        assert page.evaluate(shares) == sorted(first)
        heading.click()
        assert page.evaluate(shares) == sorted(first, reverse=True)
    assert problems == []


def test_a_script_in_a_page_does_not_run_in_the_report(browser, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "<script>alert(1)<!-- page.txt").write_text(
        "<script>alert(1)</script>\n\n"
        "Menu | <img src=x onerror=\"alert('img')\"> | News\n\n"
        "A long paragraph of prose about the town council, which met on Tuesday to decide the budget; "
        "it said </del><script>alert('del')</script> and <svg onload=alert('svg')> too, then stopped.\n",
        encoding="utf-8",
    )
    result = run("clean", src, "--out", tmp_path / "out", "--report", tmp_path / "r.html", "-j", "1")
    assert result.exit_code == 0, result.stderr
    with opened(browser, tmp_path / "r.html") as (page, problems):
        page.wait_for_timeout(200)
        assert "<script>alert(1)</script>" in page.locator("section.doc .orig").text_content()
    assert problems == []  # no dialog, no blocked script, no request for x


def test_a_long_table_is_drawn_a_thousand_rows_at_a_time_and_sorts_them_all(browser, tmp_path):
    fake_batch(tmp_path / "out", [i % 100 for i in range(1500)])
    assert run("report", tmp_path / "out", "--html", tmp_path / "r.html", "--full", "4").exit_code == 0
    with opened(browser, tmp_path / "r.html") as (page, problems):
        rows = page.locator("#\\.table tbody tr")
        assert rows.count() == 1000 and rows.first.locator("td").nth(6).text_content() == "99%"
        page.locator("#\\.more").click()
        assert rows.count() == 1500 and page.locator("#\\.more").is_hidden()
        page.locator("#\\.table th", has_text="share removed").locator("button").click()
        assert rows.first.locator("td").nth(6).text_content() == "0%"
        assert page.locator("#\\.shown").text_content() == "1,500 of 1,500 documents listed"
    assert problems == []
