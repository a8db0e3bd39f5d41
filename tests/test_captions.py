from helpers import assert_removes, removed_by, run

ARTICLE = "The bridge reopened to traffic on Wednesday, three months after a barge struck one of its piers."


def test_caption_group_with_credit_and_repeated_caption():
    doc = run("Workers inspect the pier\nReuters\nWorkers inspect the pier\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert removed_by(doc, "captions") == ["Workers inspect the pier", "Reuters", "Workers inspect the pier"]


def test_a_labelled_copyright_credits_the_caption_under_it():
    doc = run("Image copyright EPA\nImage caption Workers inspect the pier on Monday morning\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert removed_by(doc, "captions") == [
        "Image copyright EPA",
        "Image caption Workers inspect the pier on Monday morning",
    ]


def test_credit_lines_and_credited_captions():
    assert_removes(
        "captions",
        ARTICLE,
        [
            "Photo: City Transport Department",
            "The bridge at dawn on Wednesday. (AP Photo/Jane Roe)",
            "Traffic crosses the bridge for the first time since March (Credit: Jane Roe)",
            "The barge that struck the pier, seen from the river bank. Credit: City Archive",
            "\u00a9 2025 Example Media",
            "The pier was rebuilt in the spring after the storm. | \u00a9 City Archive/Jane Roe",
            "Workers on the new deck of the pier - \u00a9 jroe_ - stock.example.com",
            "The pier seen from the beach at low tide. \u00a9 Valley Courier",
        ],
    )


def test_agency_names_in_prose_and_lowercase_words_stay():
    text = (
        "MOSCOW (AP) \u2014 The talks lasted three hours, officials said.\n\n"
        "Reuters reported that the deal was close.\n\n"
        "The car pool lane opens in June."
    )
    assert run(text).text == text


def test_a_group_of_paragraphs_with_a_credit_keeps_the_long_ones():
    long = " ".join(["The inspection found cracks that engineers had missed in earlier surveys of the pier."] * 8)
    doc = run(long + "\nReuters")
    assert doc.text == long


def test_a_sentence_with_a_copyright_sign_inside_stays():
    text = "The \u00a9 sign on the old pier's plaque, the archive said, dates from the nineteen-twenties restoration."
    assert run(text).text == text
