from helpers import FIXTURES, assert_removes, removed_by, run

ARTICLE = (
    "The hospital opened its new children's wing on Monday, doubling the number of beds for young patients.\n\n"
    "Doctors said the wing would cut waiting times for surgery by several months."
)


def test_read_more_and_see_also_lines():
    assert_removes(
        "readmore",
        ARTICLE,
        [
            "Read More: Nurses Vote to Accept Pay Deal",
            "See also: How the wing was built",
            "Also read \u00bb New clinic opens",
        ],
    )


def test_a_related_label_that_names_what_it_links_goes():
    assert_removes(
        "readmore",
        ARTICLE,
        ["Related post: How the children's wing was built", "Related coverage from Health: Nurses' pay:"],
    )


def test_a_sentence_about_related_stories_stays():
    text = "Related stories were filed by other papers: the wing's opening made the front page of three of them."
    assert run(text).text == text


def test_read_more_inside_a_sentence_stays():
    text = "Read more slowly, the teacher said, and the children laughed at the joke."
    assert run(text).text == text


def test_dangling_labels():
    assert_removes("labels", ARTICLE, ["Source:", "Tags", "Via:"])


def test_a_label_with_its_content_stays():
    text = ARTICLE + "\n\nSource: the hospital's annual report for the last financial year."
    assert run(text).text == text


def _article(n):
    para = [
        "The regional hospital opened its new children's wing on Monday after three years of building work.",
        "The wing doubles the number of beds for children and adds two operating theatres for young patients.",
        "Doctors at the hospital said the children's wing would cut waiting times for surgery by several months.",
        "The hospital board paid for the wing with a regional grant and donations from local families.",
        "Nurses at the hospital said the new wards for children were quieter and brighter than the old ones.",
        "The board said the wing would also train doctors and nurses in the care of children.",
        "Families who donated to the hospital were invited to tour the wing before it opened to patients.",
        "The first young patients moved into the new wing of the hospital on Monday afternoon.",
    ]
    return "\n\n".join(para[:n])


TEASERS = [
    "Results from the regional election show turnout fell to its lowest level in forty years.",
    "A drought has cut the wheat harvest by a third across the southern plains this summer.",
    "The national football team named a new coach after a string of defeats in friendly matches.",
    "Police are searching for a rare painting stolen from a private gallery in the capital.",
]


def test_trailing_teasers_of_other_stories_are_dropped():
    doc = assert_removes("teasers", _article(8), TEASERS)
    assert all("cohesion" in r.reason for r in doc.removed)


def test_a_coherent_ending_stays():
    ending = [
        "The wing will hold an open day for families next month.",
        "Children who were treated in the old wards helped choose the colours of the new rooms.",
        "The hospital plans a second wing for older patients.",
    ]
    text = _article(8) + "\n\n" + "\n\n".join(ending)
    assert run(text).text == text


def test_teasers_need_a_long_enough_article():
    text = _article(3) + "\n\n" + "\n\n".join(TEASERS)
    assert run(text).text == text


def test_clean_fixture_endings_stay():
    for path in sorted((FIXTURES / "clean").glob("*.txt")):
        assert removed_by(run(path.read_text(encoding="utf-8")), "teasers") == [], path.name


def test_teasers_above_a_page_footer_go_on_the_first_cleaning():
    # the end of the article is the last line that stays: a footer the main-content stage
    # drops is gone when the body is cleaned again, and the teasers must not wait for that
    menu = "Home\nNews\nSport\nWeather\nContact Us\nPrivacy Policy\nTerms of Use"
    text = "Home\nNews\nSport\nWeather\n\n" + _article(8) + "\n\n" + "\n\n".join(TEASERS) + "\n\n" + menu
    once = run(text)
    assert once.text == _article(8)
    assert removed_by(once, "teasers") == TEASERS
    assert run(once.text).text == once.text
