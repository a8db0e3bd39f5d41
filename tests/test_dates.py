import pytest
from helpers import removed_by, run

ARTICLE = (
    "MOSCOW (AP) \u2014 Officials met on Wednesday to discuss the harvest and the price of grain.\n\n"
    "The talks will continue next week in the capital, a spokesman said."
)


@pytest.mark.parametrize(
    "bar, iso",
    [
        ("Monday, November 10, 2025", "2025-11-10"),
        ("Fri. Nov 21st, 2025", "2025-11-21"),
        ("Published: 3 March 2024", "2024-03-03"),
        ("Updated Jan 5, 2023 at 4:30 pm", "2023-01-05T16:30"),
        ("2024-06-30", "2024-06-30"),
        # the words around the date are checked one by one: "a.m." leaves ".m.", and "m" is a
        # word the parser passes over; "pm ist" is two labels
        ("Published: Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08"),
        ("updated: Nov 20 2019, 3:24 pm ist", "2019-11-20T15:24"),
    ],
)
def test_date_bar_goes_to_metadata_as_iso(bar, iso):
    doc = run(bar + "\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert doc.metadata["date"] == iso
    assert removed_by(doc, "datebar") == [bar]


def test_dateline_stays_in_the_body():
    doc = run(ARTICLE)
    assert doc.text == ARTICLE
    assert doc.metadata["date"] is None


@pytest.mark.parametrize(
    "line", ["2025", "November 2025", "Islamabad, November 10, 2025", "Since 2019 Edition", "The 2024 Olympic Games"]
)
def test_not_a_full_date_or_not_only_a_date(line):
    doc = run(line + "\n\n" + ARTICLE)
    assert doc.metadata["date"] is None
    assert line in doc.text or removed_by(doc, "title") == [line]


def test_unlabelled_dates_inside_the_article_stay():
    text = ARTICLE + "\n\nMarch 3, 2024\n\nThe next meeting is planned for the spring, officials said."
    assert run(text).text == text
