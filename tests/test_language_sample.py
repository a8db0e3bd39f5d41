"""The language is told from the page's prose, not from its longest line.

A flattened page's longest line is often chrome: a picker of the site's editions in
their languages, an archive of months, a tag cloud, a line of code. Told from it, the
language is wrong or missing, and the content stage then weighs the article with the
wrong stopwords and drops it.
"""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, HARBOUR_ARTICLE
from typer.testing import CliRunner

from cleaner import clean
from cleaner.cli import app
from cleaner.language import detect_language, language_of
from cleaner.sampling import MIN_UNSPACED_LETTERS, PIECE_CHARS, SAMPLE_CHARS, sample

PAGES = FIXTURES / "language"

ARTICLE = HARBOUR_ARTICLE


def test_an_english_page_under_a_menu_of_editions_keeps_its_article(tmp_path):
    # the longest line names the site's editions in their languages (langdetect: es)
    source = tmp_path / "in"
    source.mkdir()
    (source / "page.txt").write_bytes((PAGES / "language_picker.txt").read_bytes())
    result = CliRunner().invoke(app, ["clean", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8").strip() == "\n\n".join(ARTICLE)
    assert json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))["language"] == "en"


def test_a_german_article_under_a_longer_english_cookie_notice_is_told_german_and_kept():
    # the notice's two lines are the page's longest: told from them, the page was English,
    # and the English stopwords kept the notice instead of the article
    page = (PAGES / "cookie_notice_de.txt").read_bytes()
    lines = page.decode("utf-8").splitlines()
    assert sorted(lines, key=len)[-1].startswith(("We use cookies", "You can accept"))
    document = clean(page)
    assert document.metadata["language"] == "de"
    assert document.text.startswith("Nach zwei Jahren Bauzeit") and "cookies" not in document.text


def test_the_sample_comes_from_the_heaviest_block_of_long_lines_first():
    notice = "We use cookies to understand how you use this site and to show you what you like. " * 3
    paragraphs = [line for line in ARTICLE if len(line) < len(notice)]
    assert len(paragraphs) >= 2
    text = "\n".join([notice.strip(), "Menu", "Home", "Contact", "About", "", *"\n\n".join(paragraphs).split("\n")])
    assert sample(text).startswith(max(paragraphs, key=len)[:PIECE_CHARS])
    # a lone long line of it stands apart: the longest first, as before
    assert sample(f"{notice.strip()}\n{paragraphs[0]}").startswith(notice[:40])


def test_an_english_article_under_a_longer_german_footer_is_told_english_by_the_titles_words():
    # a blog's "about" text and cookie notice at the foot, in another language, are the
    # page's heaviest block of long lines: told from them, the page was German, and the
    # German stopwords kept the footer after the article
    page = (PAGES / "foreign_footer.txt").read_bytes()
    lines = page.decode("utf-8").splitlines()
    assert sorted(lines, key=len)[-1].startswith("Willkommen")
    document = clean(page)
    assert document.metadata["language"] == "en"
    assert document.text.startswith("The city council voted") and "Willkommen" not in document.text
    assert sample("\n".join(lines)).startswith("The city council voted")


def test_the_blocks_that_share_a_word_with_the_title_give_the_sample_alone_when_they_suffice():
    notice = "Diese Website verwendet Cookies, um die Nutzung der Seite zu verstehen und dir Inhalte zu zeigen. " * 3
    title = "Harbour plan approved | Town Gazette"
    gap = ["Share", "Tweet", "Email", "Print"]
    # one paragraph that shares "harbour" with the title: a piece of it is the sample, the longer
    # notice below adds nothing
    assert sample("\n".join([title, ARTICLE[0] * 2, *gap, notice])) == (ARTICLE[0] * 2)[:PIECE_CHARS]
    assert sample("\n".join([title.upper(), ARTICLE[0] * 2, *gap, notice])) == (ARTICLE[0] * 2)[:PIECE_CHARS]
    # a shorter paragraph is padded as before, the longest line next
    assert sample("\n".join([title, ARTICLE[0], *gap, notice])).startswith(f"{ARTICLE[0]}\n{notice[:40]}")
    # the title line itself is no block of the article: without a shared word, the heaviest block first
    assert sample("\n".join([title, ARTICLE[1] * 2, *gap, notice])).startswith(notice[:40])


def test_an_english_article_under_another_sites_german_chrome_above_its_title_is_told_english():
    # another site's header stands above the page's title, so the text's first line is blank and
    # names nothing; the German footer is the heaviest block. The page's <title> ("headline – site")
    # is the line whose headline stands alone below it, and its words lead to the article
    page = (PAGES / "foreign_head.txt").read_bytes()
    lines = page.decode("utf-8").splitlines()
    assert not lines[0] and sorted(lines, key=len)[-1].startswith("Willkommen")
    document = clean(page)
    assert document.metadata["language"] == "en"
    assert document.text.startswith("The city council voted") and "Willkommen" not in document.text


def test_a_title_under_chrome_is_a_headline_and_a_site_name_whose_headline_stands_below():
    notice = "Diese Website verwendet Cookies, um die Nutzung der Seite zu verstehen und dir Inhalte zu zeigen. " * 3
    body = [ARTICLE[0] * 2, "Share", "Tweet", "Email", "Print", notice]
    headline = "Harbour plan approved"

    def told(*head: str) -> str:
        return sample("\n".join(["", "Startseite", *head, *body]))

    # the headline alone below the title: the article's block first, as under a first-line title
    assert told(f"{headline} | Town Gazette", "Menu", headline) == (ARTICLE[0] * 2)[:PIECE_CHARS]
    assert told(f"Town Gazette » {headline}", "Menu", headline) == (ARTICLE[0] * 2)[:PIECE_CHARS]
    # no headline below, a headline above, a site's "name" of more than SITE_WORDS words: no title
    for head in (
        [f"{headline} | Town Gazette"],
        [headline, f"{headline} | Town Gazette"],
        [f"{headline} | The Town Gazette of the Harbour Coast", headline],
    ):
        assert told(*head).startswith(notice[:40])


def test_a_sentence_closed_by_a_german_quotation_mark_is_prose_in_the_sample():
    # German closes a quotation with “ („...“), as the content stage reads it (shape.CLOSERS)
    quoted = "Der Bürgermeister sagte: „Wir werden den Hafen im nächsten Jahr weiter ausbauen.“"
    assert sample(quoted) == quoted
    assert sample(quoted.replace("“", "")) == quoted.replace("“", "")


def test_a_japanese_page_under_an_archive_of_months_is_told_japanese():
    page = (PAGES / "date_archive.txt").read_bytes()
    longest = max(page.decode("utf-8").splitlines(), key=len)
    assert longest.startswith("アーカイブ") and len(longest) > SAMPLE_CHARS
    assert clean(page).metadata["language"] == "ja"


def test_a_page_with_no_prose_claims_no_language():
    # names and tags enough for langdetect to name a language, but no sentence of prose:
    # the content stage falls back on the page's own frequent words
    names = " ".join(f"Jennifer Estep Cassandra Clare Charlaine Harris Abbi Glines {n}" for n in range(8))
    page = f"Home\nAuthors\n{names}\nLogin\nContact\n".encode()
    assert clean(page).metadata["language"] is None


def test_a_list_of_names_that_ends_like_a_sentence_is_no_prose():
    names = "Agnes Obel Angus Stone Austra Beirut Belle Sebastian Bodo Wartke Calexico Caribou Colin Stetson Oh Fibes!"
    assert sample(names) == ""
    assert sample(f"{names}\n{ARTICLE[0]}") == ARTICLE[0][:PIECE_CHARS]


def test_a_lone_letters_full_stop_ends_no_sentence_in_the_sample():
    # an initial or an abbreviation ("E. T. A. Hoffmann", "u. a."): a tag cloud that holds one is no prose
    tags = "(Pop)kulturell Adalbert Stifter Allgemein Bergkristall Der Sandmann E. T. A. Hoffmann Judith Butler"
    assert sample(tags) == ""
    # a sentence before the initial still ends there; a figure's full stop and a letter's question mark end one
    assert sample(f"{ARTICLE[0]} Sie schrieb an Heinz J. Meier") == ARTICLE[0][:PIECE_CHARS]
    dated = "Die Arbeiten an der neuen Brücke über den Kanal beginnen im Jahr 2025 am 4."
    assert sample(dated) == dated
    asked = "Why is the word dark spelled with a k and not with a c?"
    assert sample(asked) == asked


def test_an_english_recipe_under_a_german_tag_cloud_with_initials_is_told_english_and_kept():
    # the sidebar's category and tag lines are the page's longest and end on "E. T. A.": read as
    # prose, they made the page German, and the German stopwords kept the page whole
    page = (PAGES / "tag_cloud_initials.txt").read_bytes()
    assert max(page.decode("utf-8").splitlines(), key=len).startswith("abschlägig")
    document = clean(page)
    assert document.metadata["language"] == "en"
    assert document.text.startswith("These truffles are a great snack") and "Schlagwörter" not in document.text


def test_a_hard_wrapped_text_is_told_from_its_sentences_joined():
    text = " ".join(ARTICLE)
    wrapped = "\n".join(text[i : i + 40] for i in range(0, len(text), 40))
    # no line holds a dozen words: the sentences are whole again only when joined
    assert all(len(line.split()) < 12 for line in wrapped.splitlines())
    assert detect_language(wrapped) == "en"
    assert clean(wrapped.encode()).metadata["language"] == "en"


def test_a_table_row_gives_the_prose_of_its_cells():
    row = f"| 2021 | {ARTICLE[1]} | 4 hours |"
    assert sample(row) == ARTICLE[1][:PIECE_CHARS]


def test_code_left_in_a_page_is_no_prose():
    # script data that holds a sentence in another language than the page's
    note = "Nous utilisons des cookies pour vous offrir la meilleure expérience sur notre site. Merci"
    code = f'window.__DATA__ = {{"notice": "{note}", "id": 5, "flags": [1, 2, 3]}};'
    assert sample(f"{code}\n{ARTICLE[2]}") == ARTICLE[2][:PIECE_CHARS]


def test_a_sentence_of_a_script_without_spaces_is_prose_from_a_few_words_of_letters():
    sentence = "市議会は火曜日の夜、古い港を建て直す計画を賛成多数で可決した。"
    assert len(sentence) - 2 >= MIN_UNSPACED_LETTERS  # less its comma and full stop
    assert sample(f"ホーム\n{sentence}") == sentence
    assert sample("ホーム\n港の計画が決まった。") == ""


def test_one_sentence_of_a_script_without_spaces_is_enough_to_tell_its_language():
    # its letters count as lines are measured (WIDE_WIDTH each): a Chinese sentence of 44 letters says as
    # much as an English one of 130, and was told no language under MIN_LETTERS (50) counted one by one
    sentence = "北京市政府今天宣布，将在明年继续扩大公共交通网络，并增加新能源公交车的数量，以减少城市空气污染。"
    assert clean(sentence).metadata["language"] == "zh-cn"
    assert clean("港の計画が決まった。").metadata["language"] is None  # a few words stay too few
    assert clean("Menu Home About Contact").metadata["language"] is None


def test_the_sample_takes_several_lines_and_is_bounded():
    page = "\n".join(["Menu"] * 1000 + [ARTICLE[0] * 5, *ARTICLE[1:]])
    picked = sample(page).splitlines()
    assert len(picked) >= SAMPLE_CHARS // PIECE_CHARS
    assert all(len(line) <= PIECE_CHARS for line in picked)
    assert len("\n".join(picked)) <= SAMPLE_CHARS


#: A Chinese paragraph with the English names of a company, a school and a college in it:
#: langdetect alone tells it English (one trial) or Vietnamese (three, seven).
NAMES_IN_CHINESE = (
    "与Music & Movement结束合约后，与母亲合资成立了天一娱乐有限公司（Tangy Music Entertainment LP Singapore），"
    "开始独立制作阶段。2007年5月将国语唱片发行权签于亚神音乐旗下，同年在台北举行了第一场个人演唱会，门票在开售当天就"
    "全部卖完。她出生于新加坡，家里有一个姐姐，就读于圣尼各拉女校（CHIJ Saint Nicholas Girls' School），中学毕业后"
    "考入新加坡理工学院（Singapore Polytechnic）研读工商管理。"
)


@pytest.mark.parametrize(
    "snippet, language",
    [
        (NAMES_IN_CHINESE, "zh-cn"),
        (
            "總事業費約三十億元，其中一半由縣政府補助。工程預計今年秋天開始，明年年底完工。市長在記者會上強調了計畫的意義，"
            "並表示將聽取居民的意見。",
            "zh-tw",
        ),
        (
            "総事業費はおよそ三十億円で、半分を県の補助金でまかなう予定だ。工事は今年の秋に始まる見通しだ。市長は記者会見で"
            "計画の意義を強調した。",
            "ja",
        ),
        (
            "서울시는 내년부터 한강 공원에 새로운 산책로를 만들기로 했다고 밝혔습니다. "
            "공사는 봄에 시작해 가을에 끝날 예정입니다.",
            "ko",
        ),
        (
            "The mayor of Taipei (台北市長) said on Monday that the city would open a new park by the river "
            "next spring.",
            "en",
        ),
    ],
)
def test_a_text_in_han_kana_or_hangul_is_told_its_language_by_its_script_first(snippet, language):
    assert language_of(snippet) == language
