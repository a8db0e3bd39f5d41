from helpers import removed_by, run

ARTICLE = (
    "The central bank left interest rates unchanged on Thursday, citing stubborn inflation in services.\n\n"
    "Economists had expected the decision, which was taken unanimously by the board."
)


def test_byline_goes_to_metadata():
    for line, name in [
        ("By Jane Doe", "Jane Doe"),
        ("By JOHN SMITH, Associated Press", "JOHN SMITH"),
        ("Written by Ana de la Cruz | Reuters", "Ana de la Cruz"),
        ("By Associated Press", "Associated Press"),
        ("By Tom Lee and Ann Park", "Tom Lee and Ann Park"),
        # every prefix's initial: the line is tried against the prefixes it may start with
        ("Words by Lena Berg", "Lena Berg"),
        ("Posted by Omar Haddad", "Omar Haddad"),
        ("Author: Mei Chen", "Mei Chen"),
        ("Reporter: Ivo Petrov", "Ivo Petrov"),
        ("By: Sara Novak", "Sara Novak"),
        # capitals beyond Latin-1, in any script with case
        ("By Łukasz Ściborski", "Łukasz Ściborski"),
        ("By Οδυσσέας Ελύτης", "Οδυσσέας Ελύτης"),
        # a prefix that ends in a colon needs no space after it
        ("Author:Mei Chen", "Mei Chen"),
    ]:
        doc = run(line + "\n\n" + ARTICLE)
        assert doc.text == ARTICLE, line
        assert doc.metadata["author"] == name, line


def test_sentences_that_start_with_by_stay():
    for text in [
        "By the end of the year, the bank expects inflation to fall to three percent.",
        "By Friday, the markets had recovered most of their losses.",
        "By 2030 the network will reach every village in the province.",
        "By comparison, the previous board met only twice a year.",
        # a prefix, then more words than a byline has
        "By Jane Doe And John Smith And Mary Major And Tom Minor And Ann Lee And Bob Ray",
    ]:
        doc = run(text)
        assert doc.text == text
        assert doc.metadata["author"] is None


def test_wordpress_author_box_with_repeated_bio():
    bio = "Established in 1990, the Valley Courier is the region's oldest independent weekly newspaper."
    doc = run(ARTICLE + "\n\n+ posts\n\n" + bio + "\n\nNews Desk\nNews Desk\n" + bio)
    assert doc.text == ARTICLE
    assert doc.metadata["author"] == "News Desk"
    assert removed_by(doc, "authorbox")[0] == "+ posts"


def test_author_profile_box():
    doc = run(ARTICLE + "\n\nAuthor Profile Photo\n\nMaria Lopez\n\nMaria Lopez reports on the economy from Madrid.")
    assert doc.text == ARTICLE
    assert doc.metadata["author"] == "Maria Lopez"


def test_an_author_box_bio_that_opens_with_a_name_or_goes_on_from_it_goes():
    bio = "Maria Lopez reports on the economy from Madrid and has covered the central bank since 2015."
    doc = run(ARTICLE + "\n\nAbout the author\n\n" + bio)
    assert doc.text == ARTICLE
    assert removed_by(doc, "authorbox") == ["About the author", bio]
    rest = "is a partner at a law firm in Berlin and writes about data protection and competition law."
    doc = run(ARTICLE + "\n\nAuthor\n\nDr. Thomas Schulte\n\n" + rest)
    assert doc.text == ARTICLE
    assert removed_by(doc, "authorbox") == ["Author", "Dr. Thomas Schulte", rest]
    assert doc.metadata["author"] == "Dr. Thomas Schulte"


def test_a_paragraph_under_an_author_box_that_names_no_one_stays():
    for rest in [
        "The board met in the old town hall, as it has since the bank was founded, and voted on the budget.",
        "is a partner at a law firm in Berlin and writes about data protection and competition law.",  # no name above
    ]:
        text = ARTICLE + "\n\nAbout the author\n\n" + rest
        assert run(text, "content").text == ARTICLE + "\n\n" + rest
        assert removed_by(run(text, "content"), "authorbox") == ["About the author"]


def test_repeated_paragraphs_without_an_author_box_stay():
    para = "The board will meet again in six weeks to review the latest figures on prices."
    text = ARTICLE + "\n\n" + para + "\n\n" + para
    assert run(text).text == text


def test_byline_with_a_date_gives_both():
    doc = run("By Joseph Tsidulko November 19, 2019, 07:47 PM EST\n\n" + ARTICLE)
    assert doc.text == ARTICLE
    assert (doc.metadata["author"], doc.metadata["date"]) == ("Joseph Tsidulko", "2019-11-19T19:47")
    doc = run("By Jane Doe | March 3, 2024\n\n" + ARTICLE)
    assert (doc.metadata["author"], doc.metadata["date"]) == ("Jane Doe", "2024-03-03")


def test_byline_name_is_cleaned_of_roles_and_copies():
    assert run("By Meg James Staff Writer\n\n" + ARTICLE).metadata["author"] == "Meg James"
    assert run("By Sean Martin Sean Martin\n\n" + ARTICLE).metadata["author"] == "Sean Martin"


def test_headings_that_start_with_by_are_not_bylines():
    for line in ["By Any Means Necessary", "By All Accounts Amazing"]:
        assert run(line + "\n\n" + ARTICLE).metadata["author"] is None


def test_a_byline_has_at_most_max_words_words():
    name = "Jane Mary Ann Doe Smith Jones"
    short = f"By {name}, Staff Writer Tuesday, November 19, 2019"  # 13 words
    assert run(short + "\n\n" + ARTICLE).metadata["author"] == name
    long = short + " 11:26 PM"  # 15 words: more than max_words (14)
    assert run(long + "\n\n" + ARTICLE).metadata["author"] is None


def test_an_about_box_below_the_post_goes_with_the_bio_that_names_its_person():
    bio = (
        "As a sales manager, Maria Lopez links the marketing team with the sales team, and she writes here about "
        "the fairs and trade shows the company visits each year."
    )
    doc = run(ARTICLE + "\n\nAbout Maria Lopez\n\n" + bio)
    assert doc.text == ARTICLE
    assert removed_by(doc, "authorbox") == ["About Maria Lopez", bio]
    assert doc.metadata["author"] is None  # (such a box may present a company)


def test_an_about_heading_without_a_bio_that_names_the_person_stays():
    rest = "The board met in the old town hall, as it has since the bank was founded, and voted on the budget."
    text = ARTICLE + "\n\nAbout Maria Lopez\n\n" + rest
    assert removed_by(run(text), "authorbox") == []


def test_the_cli_drops_a_german_about_box_under_the_article(tmp_path):
    from helpers import cli_cleaned

    article = (
        "Die Messe öffnet am Dienstag ihre Tore, und wir zeigen dort unsere neuen Werkzeuge für den Handel.\n\n"
        "Wir laden Sie herzlich ein, uns am Stand in der Halle sieben zu besuchen und mit uns zu sprechen."
    )
    bio = (
        "Als Vertriebsleiter bildet Moritz Weber die Schnittstelle zwischen dem Marketing und dem Vertrieb, "
        "und er schreibt hier über die Messen, die wir jedes Jahr besuchen."
    )
    body = cli_cleaned(tmp_path, "post.txt", f"{article}\n\nÜber Moritz Weber\n\n{bio}\n".encode())
    assert body.strip() == article
