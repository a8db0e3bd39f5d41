"""A recipe card the extraction passes over is put after the body, as its schema.org data names it.

Recipe pages set their ingredients and steps in a card of spans and ``<div>``s, which
trafilatura's extraction (looking for paragraphs) drops, and describe the same recipe
in JSON-LD. The data's texts that the page shows and the body lacks are put after the
body; what the page does not show, or the body has already, is not.
"""

from __future__ import annotations

import json

from helpers import FIXTURES, cli_cleaned
from lxml import html

from cleaner import clean
from cleaner.recipe import recipe_lines, with_recipe

PAGE = FIXTURES / "html" / "recipe-page.html"
INGREDIENTS = [
    "150 g pearl barley",
    "3 large leeks, washed and sliced",
    "2 carrots, diced",
    "1.5 litres vegetable stock",
    "1 bay leaf",
    "A handful of parsley, chopped",
]
FIRST_STEP = "Rinse the barley under cold water until the water runs clear, then leave it to drain."
LAST_STEP = "Take out the bay leaf, season with salt and pepper, and scatter the parsley over each bowl."
INTRO = "The last leeks of the winter are always the thickest"


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_a_recipe_cards_ingredients_and_steps_follow_the_article_in_order():
    lines = lines_of(clean(PAGE.read_bytes()).text)
    assert lines[0].startswith(INTRO)
    card = lines[lines.index(INGREDIENTS[0]) :]
    assert card[: len(INGREDIENTS)] == INGREDIENTS
    # the steps of a section (HowToSection) come in their place among the others
    assert card[len(INGREDIENTS)] == FIRST_STEP and card[-1] == LAST_STEP and len(card) == len(INGREDIENTS) + 4


def test_a_description_the_page_does_not_show_is_not_put_in_the_body():
    text = clean(PAGE.read_bytes()).text
    assert "the best recipe you will find this winter" not in text
    assert "Print recipe" not in text and "Pea and mint soup" not in text  # the card's buttons, the related list


def test_the_recipe_card_is_in_what_the_cli_writes(tmp_path):
    written = cli_cleaned(tmp_path, "soup.html", PAGE.read_bytes())
    assert all(ingredient in written for ingredient in INGREDIENTS) and LAST_STEP in written


def recipe_page(data: object, shown: str) -> tuple[object, str]:
    raw = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(data)
        + f"</script></head><body><div class='card'>{shown}</div></body></html>"
    )
    return html.fromstring(raw), raw


def test_the_recipes_texts_are_read_at_any_depth_with_markup_and_references_resolved():
    data = [
        {"@type": "WebPage", "name": "Soup"},
        {
            "@type": ["Recipe", "NewsArticle"],
            "recipeIngredient": ["2 &amp; a half cups <b>water</b>", "salt"],
            "recipeInstructions": "<p>Boil the water.</p>",
        },
    ]
    tree, raw = recipe_page(data, "<span>2 &amp; a half cups</span><span>water</span> salt <p>Boil the water.</p>")
    assert recipe_lines(tree, raw) == ["2 & a half cups water", "salt", "Boil the water."]


def test_a_page_without_a_recipe_or_with_broken_data_has_no_recipe_lines():
    tree, raw = recipe_page({"@type": "NewsArticle", "description": "A soup recipe"}, "A soup recipe")
    assert recipe_lines(tree, raw) == []
    cut_short = '{"@type": "Recipe", "recipeIngredient": ["1 onion"'
    broken = f"<html><head><script type='application/ld+json'>{cut_short}</script></head><body>1 onion</body></html>"
    assert recipe_lines(html.fromstring(broken), broken) == []
    tree, raw = recipe_page({"@type": "Recipe", "recipeIngredient": ["1 onion"]}, "1 onion")
    assert recipe_lines(tree, raw.replace("Recipe", "Dish")) == []  # (the page's text is read first)


def test_a_line_the_body_has_in_cells_is_not_repeated_and_an_empty_body_stays_empty():
    body = "Our soup.\n| 150 g | pearl barley |\n| 2 | carrots |"
    assert with_recipe(body, ["150 g pearl barley", "2 carrots", "1 bay leaf"]) == body + "\n1 bay leaf"
    assert with_recipe(body, ["2 carrots"]) == body
    assert with_recipe("", ["1 bay leaf"]) == ""
