import pickle

import pytest

from cleaner import Config, ConfigError, Pipeline, clean


def test_glued_paragraphs_are_split():
    doc = clean("The war ended in a long conflict.President Putin spoke at length today.")
    assert doc.text == "The war ended in a long conflict.\n\nPresident Putin spoke at length today."


def test_abbreviations_and_domains_are_not_split():
    text = "Troops of the U.S.Army read example.com and ASP.NET docs, e.g.Node.js, yesterday."
    assert clean(text).text == text


def test_unknown_filter_name_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown filter name"):
        Pipeline(Config(disable=frozenset({"no-such-filter"})))


def test_pipeline_pickles_without_its_loaded_filters():
    p = Pipeline()
    p.clean("Some text that is long enough to detect its language, surely.")
    restored = pickle.loads(pickle.dumps(p))
    assert restored.config == p.config
    assert restored.clean("Hello there.").text == "Hello there."
