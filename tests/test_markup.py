from helpers import removed_by, run


def test_html_tags_and_entities_are_stripped():
    doc = run('<div class="x"><p>Prices rose &amp; wages fell in the third quarter, the agency said.</p></div>')
    assert doc.text == "Prices rose & wages fell in the third quarter, the agency said."
    assert removed_by(doc, "markup")


def test_script_and_style_elements_go_with_their_content():
    text = (
        "<script>var a = 1;\nfoo();</script>\n"
        "The minister resigned on Friday after a week of pressure.\n<style>p { color: red; }</style>"
    )
    doc = run(text)
    assert doc.text == "The minister resigned on Friday after a week of pressure."


def test_angle_brackets_that_are_not_tags_stay():
    text = "The result was x < 3 and y > 2 in every trial, which the authors call <remarkable>."
    assert run(text).text == text


def test_code_fences_and_smart_quoted_fences_are_dropped():
    doc = run("```html\nThe talks ended without an agreement on Thursday evening.\n```\n\u201c`\n~~~")
    assert doc.text == "The talks ended without an agreement on Thursday evening."
    assert len(removed_by(doc, "fences")) == 4


def test_backticks_inside_prose_stay():
    text = "Type `make test` to run the suite; it takes about a minute on a laptop."
    assert run(text).text == text


def test_script_residue_is_dropped_but_prose_about_code_stays():
    doc = run(
        "(adsbygoogle = window.adsbygoogle || []).push({});\n\n"
        "The company said its window.open calls were removed from the site last year."
    )
    assert doc.text == "The company said its window.open calls were removed from the site last year."
    assert removed_by(doc, "scripts")


def test_inline_tags_leave_no_gaps_and_block_tags_end_paragraphs():
    doc = run(
        'Tom &amp; Jerry <b>rock</b>! They said so on <a href="/x">the radio</a> today.<br>'
        "<p>Then the show ended for the season.</p><p>Fans were sad about it all week long.</p>"
    )
    assert doc.text.split("\n\n") == [
        "Tom & Jerry rock! They said so on the radio today.",
        "Then the show ended for the season.",
        "Fans were sad about it all week long.",
    ]


def test_markup_left_raw_by_the_parser_is_stripped_in_the_same_pass():
    # found by the fuzz target: html.parser kept "&amp;" raw in the first pass
    from cleaner import clean

    once = clean("Shareh<htello &amp; world</p></habo").text
    assert "&amp;" not in once
    assert clean(once).text == once


def test_entities_the_parser_leaves_are_decoded_in_the_same_pass():
    # found by the fuzz target: a stray "<wo..." after "&amp;" made the parser keep the line
    from cleaner import clean

    once = clean("q><Shap?Hel+o &amp; <wo\udce9lment anno").text
    assert "&amp;" not in once and clean(once).text == once


def test_an_unknown_reference_in_a_broken_tag_stays_as_it_is():
    # found by the fuzz target: "&amf;" names no character, and was escaped for the parser
    # ("&amp;amf;"); inside a tag left open at the end of the line the parser keeps its
    # text raw, so the escape came out and grew again on every pass
    from cleaner import clean

    text = "d<<loh>mtoybd Hello &amf; won<html"
    once = clean(text).text
    assert once == "d<mtoybd Hello &amf; won<html"
    assert clean(once).text == once
    assert clean(once).removed == []  # nothing left to strip: nothing recorded
    assert clean("Tom &amf; Jerry <b>rock</b>!").text == "Tom &amf; Jerry rock!"


def test_tags_after_a_broken_character_reference_are_stripped_in_the_first_pass():
    # found by the fuzz target: html.parser gives up on the rest of a line after a "&#"
    # that starts no reference, so its tags stayed, to be stripped by the next pass
    from cleaner import clean

    for broken in ("&###don?", "&# 3", "&#xZ"):
        once = clean(f"Fine {broken} Shp>H><p>d><p>dares on the quay.").text
        assert "<p>" not in once and broken in once
        assert clean(once).text == once


def test_a_reference_at_the_very_end_of_a_line_is_read_as_anywhere_else():
    # found by the fuzz target: at the end of its input html.parser dropped the "&" of
    # "&e" (and left "&amp" undecoded), and a line ends the input only on some passes
    from cleaner import clean

    for text in ("Nothing new &ahal; here &ahar&e", "Fish &amp chips on the quay, and Fish &amp"):
        once = clean(text).text
        assert clean(once).text == once
    assert clean("Read it all &ahar&e").text == "Read it all &ahar&e"
    assert clean("Fish &amp chips <b>here</b> and Fish &amp").text == "Fish & chips here and Fish &"


def test_lines_ended_by_carriage_returns_are_the_markup_filter_s_lines_too():
    # found by the fuzz target: the markup filter split the text at "\n" only, so the
    # "&amp" before a "\r" ended no line on the first pass, and ended one on the next,
    # where the block stage had made the "\r" a line break
    from cleaner import clean

    raw = b"\x00\x9eo\xe4\xe4\xe4\xe4\xe4\xe4\xe2n\xc3&qmp2; w<<d\xcd&\xc3ddon\xc3&amp\r<\r"
    once = clean(raw.decode("utf-8", errors="surrogateescape")).text
    assert clean(once).text == once
    for text in ("Fish &amp\r<b>chips</b> on the quay", "Fish &amp\r\nchips &amp; more <i>here</i>"):
        once = clean(text).text
        assert clean(once).text == once
