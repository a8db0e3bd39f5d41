import pytest
from helpers import FIXTURES, assert_removes, removed_by, run

from cleaner import Config, Pipeline, clean

ARTICLE = "Rescuers reached the village on Sunday after a landslide cut the only road into the valley."


def test_cookie_notices():
    for notice in [
        "This website uses cookies to improve your experience. "
        "We'll assume you're ok with this, but you can opt-out if you wish. Accept",
        "We use cookies and similar technologies to personalise content. Manage settings or Accept all.",
        "By continuing to use this site you agree to our cookie policy.",
    ]:
        assert_removes("cookies", ARTICLE, [notice])


def test_paragraphs_about_cookies_stay():
    for text in [
        "Regulators said the website uses cookies to track visitors without their consent, and fines may follow.",
        "We use cookies from the bakery next door for the school fair, and parents bring the lemonade.",
    ]:
        assert run(text).text == text


def test_subscription_newsletter_and_share_prompts():
    assert_removes(
        "prompts",
        ARTICLE,
        [
            "Sign up for our daily newsletter",
            "Subscribe to the Morning Briefing newsletter",
            "Share this story",
            "Share on Facebook",
            "Follow us on Twitter",
        ],
    )


def test_a_newsletter_box_s_sign_up_and_reassurance_go():
    # a sign-up box below the article: its heading, its pitch and the promise beside the e-mail field
    assert_removes(
        "prompts",
        ARTICLE,
        [
            "Sign Up for e-mail newsletters",
            "Stay up to date with the Valley Courier. Subscribe to our newsletter.",
            "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
            "You can unsubscribe at any time.",
        ],
    )


def test_unsubscribing_and_spam_in_prose_stay():
    for text in [
        "No spammer had ever reached the valley's mayor, he said, until the village got its own website last year.",
        "Residents said they can unsubscribe from the council's alerts, but few of them have done so since the flood.",
    ]:
        assert run(text).text == text


def test_prompt_words_in_prose_stay():
    text = "Sign up for the Disney+ bundle was the most searched phrase of the week, analysts said."
    assert run(text).text == text


def test_comment_section_and_guidelines():
    section = [
        "Join the conversation",
        "Leave a Reply",
        "12 Comments",
        "The Daily Star is committed to providing a forum for civil and respectful discussion.",
        "Please read our community guidelines before posting here.",
        "Do you have a news tip? Email the newsroom.",
    ]
    assert_removes("comments", ARTICLE, section)


def test_comments_in_prose_stay():
    text = "Comments from the minister drew criticism from opposition parties on Monday."
    assert run(text).text == text


def test_comment_form_boilerplate():
    assert_removes(
        "comments",
        ARTICLE,
        [
            "Your email address will not be published. Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Post Comment",
        ],
    )


def test_cookie_notices_as_a_wordpress_widget_and_a_wiki_word_them():
    assert_removes(
        "cookies",
        ARTICLE,
        [
            "Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
            "To find out more, including how to control cookies, see here: Cookie Policy",
            "Cookies help us deliver our services. By using our services, you agree to our use of cookies.",
        ],
    )


def test_german_cookie_notices_as_a_wordpress_widget_and_a_wiki_word_them():
    article = (
        "Die Feuerwehr war am Sonntag mit drei Fahrzeugen im Einsatz, nachdem ein Baum auf die Straße gestürzt war."
    )
    notices = [
        "Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, "
        "stimmst du der Verwendung von Cookies zu.",
        "Weitere Informationen, beispielsweise zur Kontrolle von Cookies, findest du hier: Cookie-Richtlinie",
        "Cookies erleichtern die Bereitstellung unserer Dienste. Mit der Nutzung unserer Dienste erklären Sie "
        "sich damit einverstanden, dass wir Cookies verwenden.",
    ]
    doc = clean("\n\n".join([article, *notices]), kind="text")
    assert doc.metadata["language"] == "de"
    assert doc.text == article
    assert [r.text for r in doc.removed if r.filter == "cookies"] == notices


@pytest.mark.parametrize(
    "notice",
    [
        "Um unsere Webseite für Sie optimal zu gestalten, verwenden wir Cookies. Mit der weiteren Nutzung stimmen Sie "
        "der Verwendung von Cookies zu.",
        "Um zu verstehen, wie unsere Webseite genutzt wird, und um dir ein interessenbezogenes Angebot präsentieren "
        "zu können, nutzen wir Cookies und andere Techniken. Hier kannst du mehr erfahren und hier widersprechen.",
    ],
)
def test_a_german_cookie_notice_opens_with_what_the_cookies_are_for(notice):
    """A notice that opens "Um ..., nutzen wir Cookies" whatever the purpose, not only "Um unsere Webseite ..."."""
    article = (
        "Die Feuerwehr war am Sonntag mit drei Fahrzeugen im Einsatz, nachdem ein Baum auf die Straße gestürzt war."
    )
    doc = clean(f"{article}\n\n{notice}", kind="text")
    assert doc.text == article
    assert [r.filter for r in doc.removed] == ["cookies"]


#: Lines of a blog's share bar, comment form and blurbs as WordPress, Akismet, Disqus,
#: Blogger and Google word them (fixtures/chrome/: pages around an article).
BLOG_CHROME = {
    "en": [
        "This entry was posted in Island life and tagged ferry, harbour, timetable. Bookmark the permalink.",
        "Email This BlogThis! Share to Twitter Share to Facebook Share to Pinterest",
        "Follow Harbour Notes on Twitter and Instagram for the crossings and the weather.",
        "For the latest crossings and weather warnings download the Harbour Notes app for iOS and Android.",
        "Subscribe to Harbour Notes via RSS or Email",
        "Never miss a crossing: sign up for our weekly newsletter!",
        "Notify me of follow-up comments by email.",
        "Notify me of new posts by email.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    ],
    "de": [
        "Dieses Blog durchsuchen",
        "Dieser Eintrag wurde veröffentlicht in Inselleben und verschlagwortet mit Fähre, Hafen, Fahrplan. Setze ein "
        "Lesezeichen auf den Permalink.",
        "Immer informiert bleiben mit dem wöchentlichen Inselnotizen-Newsletter. Jetzt anmelden!",
        "Keine Überfahrt mehr verpassen: Abonnieren Sie kostenlos unseren Fahrplan-Newsletter.",
        "Wenn Ihnen der Artikel gefallen hat: Unterstützen Sie unseren Blog mit einer kleinen Spende.",
        "Lust auf mehr? Lass dir die besten Geschichten von der Insel jede Woche in deinen Posteingang schicken.",
        "Ihr Warenkorb ist leer.",
        "Benachrichtige mich über nachfolgende Kommentare via E-Mail.",
        "Benachrichtige mich über neue Beiträge via E-Mail.",
        "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten "
        "verarbeitet werden.",
        "Abonnieren Kommentare zum Post (Atom)",
    ],
}


@pytest.mark.parametrize("language", sorted(BLOG_CHROME))
def test_a_blogs_comment_form_share_bar_and_blurbs_go_by_their_phrases(language):
    # without the main-content stage: the phrase filters alone take them, wherever they stand
    raw = (FIXTURES / "chrome" / f"blog_{language}.txt").read_bytes()
    doc = Pipeline(Config(kind="text", disable=frozenset({"content"}))).clean(raw)
    assert doc.metadata["language"] == language
    removed = {r.text for r in doc.removed}
    assert [line for line in BLOG_CHROME[language] if line not in removed] == []
    paragraphs = [line for line in raw.decode().splitlines() if len(line) > 150 and line not in BLOG_CHROME[language]]
    assert len(paragraphs) == 3 and all(p in doc.text for p in paragraphs)


def test_bloggers_french_chrome_goes():
    article = (
        "Le vieux ferry est rentré au port jeudi soir, avec deux heures de retard, après une semaine passée au "
        "chantier naval du continent où ses moteurs ont été refaits."
    )
    chrome = [
        "Publier un commentaire",
        "Inscription à : Publier les commentaires (Atom)",
        "Thème Simple. Fourni par Blogger.",
    ]
    pipeline = Pipeline(Config(kind="text", language="fr", disable=frozenset({"content"})))
    doc = pipeline.clean("\n\n".join([article, *chrome]))
    assert doc.text == article
    assert [r.filter for r in doc.removed] == ["comments", "navigation", "navigation"]


def test_a_shops_rail_and_a_polish_reprint_notice_go():
    german = "Der Rosé aus Kalifornien ist fruchtig und leicht, mit Noten von Erdbeeren und einem süßen Abgang."
    rail = ["Kunden kauften auch", "Weißwein aus dem Rheingau", "Rotwein aus der Pfalz", "Sekt aus Franken"]
    doc = Pipeline(Config(kind="text", language="de", disable=frozenset({"content"}))).clean(
        "\n".join([german, *rail])
    )
    assert doc.text == german
    polish = "Sieć sklepów otworzy w przyszłym roku sto nowych placówek w mniejszych miastach całego kraju."
    notice = "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin."
    doc = Pipeline(Config(kind="text", language="pl", disable=frozenset({"content"}))).clean(f"{polish}\n\n{notice}")
    assert doc.text == polish


def test_affiliate_disclosures_go_as_publishers_and_bloggers_word_them():
    assert_removes(
        "navigation",
        ARTICLE,
        [
            "This post may contain affiliate links. If you purchase something through a link, I may receive a "
            "small commission at no extra charge to you.",
            "We may earn an affiliate commission when you buy through links on our site. Learn more",
            "Advertising disclosure: We may receive compensation for some of the links in our stories.",
            "We recommend the best products through an independent review process, and advertisers do not "
            "influence our picks.",
            "If you buy something through this post, the publisher may get a share of the sale.",
            "Sometimes we include links to online retail stores. If you click on one and make a purchase we may "
            "receive a small commission.",
        ],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Families who lost their homes may receive compensation from the regional fund, the minister said.",
        "If you buy shares through a pension fund, the regulator said, the fees are lower than they look.",
    ],
)
def test_a_news_paragraph_about_compensation_or_buying_stays(text):
    assert run(text).text == text


def test_a_comment_sections_moderation_policy_goes():
    assert_removes(
        "comments",
        ARTICLE,
        [
            "We welcome reader comments on the top stories of the day. Some comments may be republished.",
            "Please understand that comments are moderated and it is not always possible to publish all of them.",
            "We ask that comments are civil and free of libellous or hateful material.",
        ],
    )


GERMAN = (
    "Die Feuerwehr hat am Sonntag die Straße in das Tal wieder freigegeben, nachdem ein Erdrutsch sie "
    "in der Nacht verschüttet hatte und die Bewohner mehrere Stunden lang nicht zur Arbeit fahren konnten."
)


@pytest.mark.parametrize(
    ("name", "notice"),
    [
        (
            "cookies",
            "Mit Absenden meiner E-Mail-Adresse willige ich bis auf Widerruf ein, den Newsletter des Verlags zu "
            "erhalten. Die Datenschutzerklärung habe ich gelesen.",
        ),
        (
            "cookies",
            "Ich bin damit einverstanden, personalisierte E-Mails zu Angeboten zu erhalten. Diese Einwilligung "
            "kann jederzeit widerrufen werden.",
        ),
        (
            "cookies",
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung "
            "zu Twitter her.",
        ),
        ("prompts", "Klicken Sie auf den unteren Button, um den Inhalt von www.example.de zu laden."),
        ("prompts", "Wählen Sie Ihren Zugang und lesen Sie weiter:"),
        (
            "prompts",
            "Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten Nachrichten "
            "informieren? Sie erhalten 2-5 Meldungen pro Tag.",
        ),
        ("navigation", "Für Links auf dieser Seite erhält der Verlag ggf. eine Provision vom Händler."),
        (
            "navigation",
            "Wenn du über diese Links etwas kaufst, erhalten wir eine kleine Provision, für dich ändert sich nichts.",
        ),
        (
            "cookies",
            "Wenn Sie uns per Kontaktformular Anfragen zukommen lassen, werden Ihre Angaben aus dem Formular zur "
            "Bearbeitung der Anfrage bei uns gespeichert. Diese Daten geben wir nicht ohne Ihre Einwilligung weiter.",
        ),
    ],
)
def test_german_consent_boxes_and_affiliate_notices_go(name, notice):
    doc = clean(f"{GERMAN}\n\n{notice}\n".encode(), kind="text")
    assert doc.metadata["language"] == "de"
    assert doc.text == GERMAN
    assert [r.text for r in doc.removed if r.filter == name] == [notice]


def test_an_app_prompt_and_a_push_notification_prompt_go():
    assert_removes(
        "prompts",
        ARTICLE,
        [
            "CLICK HERE TO GET THE VALLEY NEWS APP",
            "Would you like to receive desktop notifications about breaking news?",
        ],
    )


@pytest.mark.parametrize(
    ("article", "notice"),
    [
        (
            "Les pompiers ont rouvert dimanche la route de la vallée, après qu'un glissement de terrain l'a coupée "
            "pendant la nuit et que les habitants sont restés bloqués plusieurs heures dans leurs maisons.",
            "Si vous achetez un produit via nos liens, nous touchons une petite commission.",
        ),
        (
            "Los bomberos reabrieron el domingo la carretera del valle, después de que un deslizamiento de tierra la "
            "cortara durante la noche y los vecinos no pudieran salir de sus casas durante varias horas.",
            "Si compras algo a través de nuestros enlaces, recibimos una pequeña comisión.",
        ),
        (
            "I vigili del fuoco hanno riaperto domenica la strada della valle, dopo che una frana l'aveva bloccata "
            "durante la notte e gli abitanti non erano potuti uscire di casa per diverse ore.",
            "Se acquisti tramite i nostri link, riceviamo una piccola commissione.",
        ),
        (
            "De brandweer heeft zondag de weg door het dal weer vrijgegeven, nadat een aardverschuiving hem in de "
            "nacht had afgesloten en de bewoners urenlang niet naar hun werk konden rijden.",
            "Als je via deze links iets koopt, ontvangen wij een kleine commissie.",
        ),
    ],
)
def test_if_you_buy_through_our_links_in_french_spanish_italian_and_dutch_goes(article, notice):
    doc = clean(f"{article}\n\n{notice}\n".encode(), kind="text")
    assert doc.text == article
    assert [r.text for r in doc.removed if r.filter == "navigation"] == [notice]


CLOSING = [
    # a publisher's pitch and an author's note, each closing on a prompt
    "Start your day with the Morning Bell, the briefing readers share most. Sign up for the free daily newsletter.",
    "There's plenty more where that came from. Sign up for The Courier today to get the newsletter in your inbox.",
    "Anna Berg covers the coast for the Courier. Her book is out now. Follow us on Twitter @courier or Facebook.",
]
CLOSING_PAGE = FIXTURES / "html" / "closing-prompts.html"
ARTICLE_END = "which the engineers said could be done."


def closing_page(*paragraphs: str) -> bytes:
    """The fixture's article with ``paragraphs`` in place of its two closing ones."""
    page = CLOSING_PAGE.read_text()
    start, end = page.index("<p>Start your morning"), page.index("</div>\n</article>")
    return (page[:start] + "".join(f"<p>{p}</p>\n" for p in paragraphs) + page[end:]).encode()


def test_an_html_pages_closing_pitch_and_authors_note_go():
    text = clean(CLOSING_PAGE.read_bytes()).text
    assert text.startswith("The council of the small harbour town voted")
    assert text.endswith(ARTICLE_END)
    assert "Sign up" not in text and "Follow us" not in text
    kept = Pipeline(Config(kind="html", filters={"closing": {"max_words": 0}})).clean(CLOSING_PAGE.read_bytes()).text
    assert "Sign up for the free daily newsletter." in kept and "Follow us on Twitter" in kept


def test_a_short_block_whose_later_sentence_is_a_prompt_goes():
    doc = clean(closing_page(*CLOSING))
    assert doc.text.endswith(ARTICLE_END)
    assert [(r.filter, r.reason) for r in doc.removed if r.filter == "closing"] == [
        ("closing", "subscription or share prompt closing a block")
    ] * 3


def test_a_block_of_closing_words_or_more_stays_and_so_do_prompt_words_inside_a_sentence():
    long = (
        "The mayor said the council had asked residents many times to keep the drains clear before the rains came, "
        "and that most of them had done so, although the storm was stronger than any in the last twenty years and "
        "the water rose over the harbour wall within the hour. Volunteers from the neighbouring villages worked "
        "through the night to fill sandbags at the fire station, and the school opened its hall to the families who "
        "had to leave their houses. Follow us on Twitter for the latest news."
    )
    inside = "She told the meeting that young people sign up for our newsletter less often. The council did not reply."
    assert long.count(" ") >= 80
    assert clean(closing_page(long, inside)).text.endswith(ARTICLE_END + "\n\n" + long + "\n\n" + inside)
    bound = {"closing": {"max_words": CLOSING[2].count(" ")}}  # the block has as many spaces as the bound
    shorter = Pipeline(Config(kind="html", filters=bound))
    assert shorter.clean(closing_page(CLOSING[2])).text.endswith(CLOSING[2])


def test_text_mode_tries_a_block_closing_on_a_prompt_at_the_articles_edges_only():
    # `closing` reads HTML bodies only (on a flattened page it would read every line); `pitches` reads the
    # article's first line and its last three
    more = [f"{ARTICLE[:-1]}, the {n} time this year." for n in ("second", "third", "fourth")]
    middle = [ARTICLE, CLOSING[2], *more]
    assert run("\n\n".join(middle)).text == "\n\n".join(middle)
    doc = run("\n\n".join([CLOSING[0], *middle[2:], ARTICLE, CLOSING[1]]))
    assert doc.text == "\n\n".join([*middle[2:], ARTICLE])
    assert removed_by(doc, "pitches") == [CLOSING[0], CLOSING[1]]
    assert run("\n\n".join([CLOSING[0], ARTICLE, CLOSING[1]]), "pitches").text.count("Sign up") == 2


def test_jetpacks_german_share_labels_and_a_spanish_comment_notice_go():
    # the labels a German WordPress share bar shows above its buttons ("Teilen Sie dies mit:", "Sharen mit:"),
    # and a comment form's notice that starts with what it is for: chrome, also when the stage asks about them
    german = "Die Fähre zur Insel fährt ab Montag wieder nach dem Sommerfahrplan, mit sechs Fahrten am Tag."
    doc = Pipeline(Config(kind="text", language="de", disable=frozenset({"content"}))).clean(
        f"{german}\n\nTeilen Sie dies mit:\n\nSharen mit:"
    )
    assert doc.text == german
    assert [r.filter for r in doc.removed] == ["labels", "labels"]
    spanish = "El transbordador a la isla vuelve a salir el lunes con el horario de verano, seis viajes al día."
    notice = "Para comentar debes registrarte y completar los datos generales."
    doc = Pipeline(Config(kind="text", language="es", disable=frozenset({"content"}))).clean(f"{spanish}\n\n{notice}")
    assert doc.text == spanish
    assert [r.filter for r in doc.removed] == ["comments"]


def test_an_alert_or_newsletter_pitch_goes():
    """A signup box's pitch that opens "Get breaking ... news" or "Get the latest ... alerts" (articles split 1)."""
    assert_removes(
        "prompts",
        ARTICLE,
        [
            "Get breaking news alerts and special reports.",
            "Get breaking science news on comets, eclipses and more!",
            "Get the latest Valley Alerts and Newsletters delivered directly to your inbox",
        ],
    )


def test_a_line_about_getting_the_latest_thing_stays():
    text = f"{ARTICLE}\n\nGet the latest model while stocks last, the shop told its customers on Friday."
    doc = run(text, "content")
    assert doc.text == text
