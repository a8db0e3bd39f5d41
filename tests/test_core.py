import pickle

import pytest

from cleaner import Config, ConfigError, Document, Pipeline, clean

#: A page with chrome around its article, so that its document holds removal records.
PAGE = (
    "Home\nNews\nSport\nWeather\n\n"
    "The council voted on Tuesday to rebuild the old bridge over the river, closed since the floods.\n\n"
    "Work is expected to start in the spring and to last about two years, the council said in a statement.\n\n"
    "Share this article\n"
)


def test_glued_paragraphs_are_split():
    doc = clean("The war ended in a long conflict.President Putin spoke at length today.")
    assert doc.text == "The war ended in a long conflict.\n\nPresident Putin spoke at length today."


def test_a_glued_paragraph_is_split_before_a_word_with_a_slash():
    doc = clean("The speed a team can reach.Increases/reduces the speed of its normal shots, it says.")
    assert doc.text == "The speed a team can reach.\n\nIncreases/reduces the speed of its normal shots, it says."


def test_abbreviations_and_domains_are_not_split():
    text = "Troops of the U.S.Army read example.com and ASP.NET docs, e.g.Node.js, yesterday."
    assert clean(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Write to Sarah.Needleman@wsj.com with any questions about the story today.",
        "Read the full ruling at https://example.com/news.Today/ruling.html before the vote.",
        "The closures are listed at www.city.Gov.uk and on the radio, the council said.",
        "The report is on news.Example.com, where the council posted it on Monday.",
    ],
)
def test_no_filter_splits_an_address_at_a_glued_stop(text):
    # what looks like "conflict.President" inside an e-mail address, a URL or a domain
    assert clean(text).text == text
    assert clean(text.encode()).text == text


def test_unknown_filter_name_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown filter name"):
        Pipeline(Config(disable=frozenset({"no-such-filter"})))


def test_any_iterable_of_filter_names_is_taken_for_disable_and_kept_as_a_frozenset():
    for names in (["teasers", "title"], {"teasers", "title"}, (n for n in ("teasers", "title"))):
        config = Config(disable=names)
        assert config.disable == frozenset({"teasers", "title"}) and isinstance(config.disable, frozenset)
        assert "teasers" not in Pipeline(config).enabled
    with pytest.raises(ConfigError, match="not one string"):
        Config(disable="teasers")


def test_a_document_its_blocks_and_its_page_survive_pickling():
    from cleaner.document import Block, Page

    doc = clean(PAGE)
    assert doc.removed and pickle.loads(pickle.dumps(doc)) == doc
    page = Page([Block("Home", group=2, line=3), Block("A line of the article.")], {"title": "T"}, list(doc.removed))
    restored = pickle.loads(pickle.dumps(page))
    assert restored.blocks == page.blocks and [b.line for b in restored.blocks] == [3, 0]
    assert (restored.metadata, restored.removed) == (page.metadata, page.removed)


def _clean_in_worker(text: str, pipeline: Pipeline) -> Document:
    return pipeline.clean(text)


def test_documents_cleaned_in_worker_processes_are_those_cleaned_here():
    from cleaner.parallel import ordered_map

    texts = [PAGE, PAGE.replace("Home", "Start"), "Hello there."]
    pipeline = Pipeline()
    shipped = [doc for chunk in ordered_map(_clean_in_worker, [texts[:2], texts[2:]], pipeline, 2) for doc in chunk]
    assert shipped == [pipeline.clean(text) for text in texts]


def test_pipeline_pickles_without_its_loaded_filters():
    p = Pipeline()
    p.clean("Some text that is long enough to detect its language, surely.")
    restored = pickle.loads(pickle.dumps(p))
    assert restored.config == p.config
    assert restored.clean("Hello there.").text == "Hello there."


def test_language_is_detected_deterministically():
    from cleaner.language import detect_language

    german = "Der schnelle braune Fuchs springt über den faulen Hund und läuft dann davon."
    assert {detect_language(german) for _ in range(5)} == {"de"}
    english = "The quick brown fox jumps over the lazy dog and runs away into the old forest."
    assert clean(english).metadata["language"] == "en"
    assert detect_language("12 34 56 !!") is None


def test_no_language_is_claimed_for_a_few_words():
    from cleaner.language import detect_language

    # langdetect names a language for anything; a menu line or gibberish gets none from us
    assert detect_language("Home News Sport Weather") is None
    assert detect_language("Afu0G:HAÀ\n\nA0AAF:HAÀ\n\nAAAAAA") is None
    assert clean("SHARE THIS ARTICLE\nAfu0G:HAÀ\nA0AAF:HAÀ\nAAAAAA").metadata["language"] is None


#: One short news paragraph per language: the sample and the number of langdetect trials
#: are kept small for speed, and must still tell these apart.
PROSE = {
    "de": "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien "
    "beschlossen. Bis zum Ende des Jahrzehnts sollen deutlich mehr Windräder gebaut werden.",
    "fr": "Le gouvernement a présenté mercredi un projet de loi visant à réformer le système des "
    "retraites. Selon le ministre, cette réforme est indispensable pour garantir l'équilibre.",
    "es": "El Gobierno aprobó este martes un paquete de medidas para frenar la subida de los precios "
    "de la energía. Las ayudas llegarán a más de cuatro millones de hogares.",
    "pt": "O governo anunciou nesta quarta-feira um novo programa de investimentos em infraestrutura, "
    "que deve gerar milhares de empregos nas regiões mais pobres do país.",
    "ru": "Правительство в среду утвердило новую программу поддержки малого бизнеса. По словам "
    "министра, она позволит сохранить тысячи рабочих мест в регионах.",
    "it": "Il governo ha approvato ieri un decreto che prevede nuovi aiuti per le famiglie e le imprese "
    "colpite dall'aumento dei prezzi dell'energia.",
}


@pytest.mark.parametrize("language", sorted(PROSE))
def test_language_of_short_prose(language):
    from cleaner.language import detect_language

    page = f"Home\nNews\n{PROSE[language]}\nContact\n"
    assert detect_language(page) == language
    assert clean(page).metadata["language"] == language


def test_language_sample_is_bounded():
    from cleaner.language import SAMPLE_CHARS, sample

    text = ("menu\n" * 1000) + ("This is a long line of prose about the article. " * 40) + "\nfooter"
    s = sample(text)
    assert len(s) <= SAMPLE_CHARS + 10
    assert "prose" in s and "menu" not in s


def test_a_block_knows_its_short_key():
    from cleaner.document import Block
    from cleaner.keys import short_key

    assert Block("Skip to Content \u00bb").short == "skip to content" == short_key("Skip to Content \u00bb")
    assert Block("x " * 40).short is None  # a long line is in no phrase list
    import pickle

    assert pickle.loads(pickle.dumps(Block("Home"))).short == "home"
