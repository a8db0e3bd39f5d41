from helpers import run


def test_repeated_blank_lines_and_odd_whitespace_are_normalised():
    text = "  The port reopened\u00a0on Friday.  \n\n\n\n\tShips began  to unload at dawn.\u200b\n\n\n"
    assert run(text).text == "The port reopened on Friday.\n\nShips began to unload at dawn."


def test_glued_paragraphs_split_and_stay_split():
    text = "The meeting ended after midnight in the capital.Officials said talks would resume in the morning."
    once = run(text).text
    assert (
        once == "The meeting ended after midnight in the capital.\n\nOfficials said talks would resume in the morning."
    )
    assert run(once).text == once
