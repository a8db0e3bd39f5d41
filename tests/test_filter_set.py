"""The filter set as a whole: names, order, switches, data files, pattern safety."""

import os
import re
import typing

import pytest
from helpers import ROOT, SEEDS, grows_linearly
from typer.testing import CliRunner

from cleaner import Config, Pipeline, clear_caches
from cleaner.cli import app
from cleaner.data import load_family
from cleaner.filters import BY_NAME, FILTERS
from cleaner.filters.base import DataPattern, Phrases

FAMILIES = sorted(p.stem for p in (ROOT / "cleaner" / "data" / "en").glob("*.toml"))
SEED = (SEEDS / "003_0e517cdbf3ce3b0f.txt").read_text(encoding="utf-8")


def test_every_filter_has_a_unique_name_and_a_summary():
    assert len(BY_NAME) == len(FILTERS)
    for f in FILTERS:
        assert re.fullmatch(r"[a-z]+", f.name) and f.summary and f.stage in ("text", "blocks")


def test_text_stage_filters_come_first():
    stages = [f.stage for f in FILTERS]
    assert stages == sorted(stages, key=lambda s: s != "text")


def test_filters_command_lists_every_filter_in_order():
    out = CliRunner().invoke(app, ["filters"], env={"COLUMNS": "200"}).output
    positions = [out.index(f" {f.name} ") for f in FILTERS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", [f.name for f in FILTERS])
def test_each_filter_can_be_disabled(name):
    doc = Pipeline(Config(language="en", disable=frozenset({name}))).clean(SEED)
    assert all(r.filter != name for r in doc.removed)


def test_disabling_a_filter_keeps_what_it_would_remove():
    # the main-content stage would take the comment prompts as text after the article
    doc = Pipeline(Config(language="en", disable=frozenset({"comments", "content"}))).clean(SEED)
    assert "BE PART OF THE CONVERSATION" in doc.text


def test_filter_options_from_config(tmp_path):
    (tmp_path / "cleaner.toml").write_text('disable = ["title"]\n[filters.teasers]\nmin_run = 4\n')
    config = Config.discover(tmp_path)
    assert "title" in config.disable
    Pipeline(config).clean(SEED)


def compiled_patterns():
    """Every compiled pattern the filters hold (they compile their data on construction)."""
    pipeline = Pipeline(Config(language="en"))
    for f in pipeline.filters_for("en"):
        for name in dir(f):  # (not vars(): a compiled filter has no __dict__)
            value = getattr(f, name)
            if isinstance(value, re.Pattern):
                yield f"{f.name}.{name}", value


def test_every_data_family_is_used():
    used = {family for family in FAMILIES if load_family("en", family)}
    assert used == set(FAMILIES)


ADVERSARIAL = [
    "a" * 5000,
    "By " + "A " * 3000,
    "<" * 4000,
    "&" * 4000 + ";",
    "{" + ";" * 3000 + "}",
    "| " * 3000,
    "Read More:" + " " * 4000,
    "`" * 4000,
    "1" * 4000 + " C",
    "_ " * 3000,
    "<div " + "a=b " * 2000,
    "This website uses cookies " + "x " * 3000,
]


def test_patterns_grow_linearly_on_hostile_input():
    for name, pattern in compiled_patterns():
        for text in ADVERSARIAL:
            assert grows_linearly(pattern.search, text), (name, text[:20])


def test_filters_grow_linearly_on_hostile_input():
    pipeline = Pipeline(Config(language="en"))

    def run(text: str) -> None:
        clear_caches()  # each run does the whole work, not the cached part
        pipeline.clean(text + "\n" + text)

    for text in ADVERSARIAL:
        assert grows_linearly(run, text), text[:20]


@pytest.mark.skipif(os.environ.get("CLEANER_EXPECT_COMPILED") == "1", reason="compiled classes keep no annotations")
def test_every_data_attribute_a_filter_loads_is_declared_with_its_type():
    # The compiled build refuses an attribute its class does not declare; pure Python would
    # not notice, so a filter could gain an undeclared entry that only `make compiled` breaks.
    for f in FILTERS:
        hints = typing.get_type_hints(f)
        for attr in f.patterns:  # (one that calls fullmatch, which a start-gated pattern has not, narrows it)
            assert hints.get(attr) in (DataPattern, re.Pattern[str]), f"{f.__name__}.{attr}: declare it DataPattern"
        for attr in f.phrases:
            assert hints.get(attr) == Phrases, f"{f.__name__}.{attr}: declare it Phrases"
