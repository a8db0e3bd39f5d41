"""Scripts written without spaces (Chinese, Japanese): lines measured a character at a time,
prose told by function characters, titles split at the separators their sites use.

fixtures/cjk holds pages written in the style of real Chinese and Japanese news sites and
blogs, flattened to text as a renderer gives them (sites and people are made up):
``NAME.txt``, the article ``NAME.expected.txt`` and the metadata ``NAME.expected.json``.
"""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES
from typer.testing import CliRunner

from cleaner import Config, Pipeline
from cleaner.cli import app
from cleaner.filters.content import Options, classes
from cleaner.filters.content.classes import BAD, GOOD
from cleaner.filters.script import width
from cleaner.filters.shape import is_heading, word_count
from cleaner.filters.words import stopwords, utf8_stopwords, word_counts

PAGES = FIXTURES / "cjk"
TEXT = Pipeline(Config(kind="text"))
#: A paragraph of prose in each language.
PROSE = {
    "zh": "附近居民对这一消息表示欢迎，他们多年来一直希望家门口能有一片绿地。市政府表示，将在下个月举行听证会。",
    "ja": "総事業費はおよそ三十億円で、半分を県の補助金でまかなう予定だ。工事は今年の秋に始まる見通しだ。",
}


def expected(name: str) -> tuple[str, dict]:
    body = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8").strip()
    return body, json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))


def line_class(text: str, language: str | None) -> str:
    stops, folded = stopwords(language), text.casefold()
    return classes.line_class(text, folded, *word_counts(folded, stops, utf8_stopwords(stops)), Options())


def test_a_wide_character_counts_three_in_a_line_s_length():
    assert width("市政府批准新建公园") == 27
    assert width("公园 Park，") == 3 * 2 + len(" Park") + 3
    assert width("Grüße aus Köln") == len("Grüße aus Köln")


def test_two_letters_of_chinese_or_japanese_make_a_word():
    assert word_count("市政府批准在河边新建一座城市公园") == 8
    assert word_count("公園 opens in May") == 1 + 3
    assert word_count("Der Stadtrat hat beschlossen") == 4


def test_a_function_character_counts_as_a_word_of_its_own():
    stops = stopwords("zh")
    # 的 and the comma are function characters; the other ten letters make five words
    assert word_counts("政府批准新建公园的计划，", stops, frozenset()) == (5 + 2, 2)


def test_chinese_and_japanese_use_their_own_stoplists():
    assert {"的", "了", "在", "。"} <= stopwords("zh-cn") == stopwords("zh-tw")
    assert {"這", "們"} & stopwords("zh") == {"這"}  # 们 is no function word, 這 is 这
    assert {"の", "に", "は", "を", "、"} <= stopwords("ja")
    assert "の" not in stopwords("zh")


@pytest.mark.parametrize("language", ["zh", "ja"])
def test_a_paragraph_of_chinese_or_japanese_prose_is_good(language):
    assert line_class(PROSE[language], language) == GOOD


@pytest.mark.parametrize("language", ["ko", "vi", None])
def test_a_chinese_paragraph_on_a_page_told_as_another_language_is_still_good(language):
    # language detection tells some Chinese pages Korean or Vietnamese; None: no stoplist
    assert line_class(PROSE["zh"], language) == GOOD


@pytest.mark.parametrize(
    "text, language",
    [
        ("新华纵横 今日新闻 金融讲堂 高端访谈 新华视点 经济生活 财经视点 整点报道", "zh"),
        ("利用規約 プライバシーポリシー お問い合わせ サイトマップ 広告掲載 会社概要", "ja"),
    ],
)
def test_a_menu_line_of_chinese_or_japanese_is_chrome(text, language):
    assert line_class(text, language) == BAD


def test_a_chinese_or_japanese_headline_is_a_heading_and_a_sentence_is_not():
    assert is_heading("市政府批准在河边新建一座城市公园")
    assert is_heading("《约定无期限》河北各市巡演结束")
    assert is_heading("市が川沿いに新しい公園を整備へ")
    assert is_heading("【速報】市が川沿いに新しい公園を整備へ")  # a label in lenticular brackets opens it
    assert not is_heading("市政府批准在河边新建一座城市公园。")
    assert not is_heading("首页")  # one word


@pytest.mark.parametrize("language", ["zh", "ja"])
def test_each_stoplist_of_function_characters_says_where_they_come_from(language):
    from importlib import resources

    text = (resources.files("cleaner.data") / language / "stoplist.txt").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Sources:" in line for line in header)
    entries = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert entries and all(len(e) == 1 for e in entries)  # characters, one a line
    assert len(set(entries)) == len(entries)


@pytest.mark.parametrize(
    "line, title, site",
    [
        ("市政府批准在河边新建一座城市公园_地方新闻_本地新闻网", "市政府批准在河边新建一座城市公园", "本地新闻网"),
        ("市政府批准在河邊新建一座城市公園｜本地新聞網", "市政府批准在河邊新建一座城市公園", "本地新聞網"),
        ("市が川沿いに新しい公園を整備へ｜地域ニュース", "市が川沿いに新しい公園を整備へ", "地域ニュース"),
        ("市政府批准在河边新建一座城市公园--地方--本地新闻网", "市政府批准在河边新建一座城市公园", "本地新闻网"),
        ("【速報】市が新しい公園を整備へ－地域ニュース", "【速報】市が新しい公園を整備へ", "地域ニュース"),
    ],
)
def test_a_chinese_or_japanese_title_line_gives_the_headline_and_the_site(line, title, site):
    language = "ja" if "ニュース" in line else "zh"
    body = "\n\n".join([PROSE[language]] * 2)
    doc = Pipeline(Config(kind="text", language=language)).clean(f"{line}\n\n{body}")
    assert (doc.metadata["title"], doc.metadata["site"], doc.text) == (title, site, body)


@pytest.mark.parametrize("name", ["zh_portal", "ja_newspaper"])
def test_a_chinese_or_japanese_page_as_a_file_keeps_exactly_its_article(name):
    body, meta = expected(name)
    doc = TEXT.clean((PAGES / f"{name}.txt").read_bytes())
    assert doc.text == body
    assert {k: doc.metadata[k] for k in meta} == meta


def test_a_traditional_chinese_page_keeps_exactly_its_article_in_its_language():
    body, meta = expected("zh_tw_news")
    doc = Pipeline(Config(kind="text", language="zh-tw")).clean((PAGES / "zh_tw_news.txt").read_bytes())
    assert doc.text == body
    assert {k: doc.metadata[k] for k in meta} == meta


def test_a_traditional_chinese_page_is_told_traditional_chinese_and_keeps_its_article():
    # langdetect alone tells this page Korean (the Han n-grams the languages share): the
    # script says Chinese, and langdetect which of its two written forms
    body, meta = expected("zh_tw_news")
    doc = TEXT.clean((PAGES / "zh_tw_news.txt").read_bytes())
    assert doc.metadata["language"] == "zh-tw"
    assert doc.text == body
    assert {k: doc.metadata[k] for k in meta} == meta


def test_a_japanese_column_with_a_table_of_contents_keeps_its_article():
    # the table of contents cuts the article: the run reaches across it (run.py's reach)
    body, meta = expected("ja_column")
    doc = TEXT.clean((PAGES / "ja_column.txt").read_bytes())
    assert {k: doc.metadata[k] for k in meta} == meta
    assert doc.text == body


def test_a_chinese_page_on_stdin_comes_out_as_its_article():
    body, _ = expected("zh_portal")
    result = CliRunner().invoke(app, ["clean", "-"], input=(PAGES / "zh_portal.txt").read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == body


@pytest.mark.parametrize("name", ["zh_portal", "ja_newspaper", "zh_tw_news", "ja_column"])
def test_cleaning_a_cleaned_chinese_or_japanese_body_changes_nothing(name):
    once = TEXT.clean((PAGES / f"{name}.txt").read_bytes())
    twice = TEXT.clean(once.text.encode("utf-8"))
    assert twice.text == once.text
    assert twice.removed == []
