"""A recipe's ingredients and steps, when the extraction dropped the recipe card.

Recipe pages describe their recipe for search engines as schema.org data (a ``Recipe``
in a JSON-LD script: its ``description``, ``recipeIngredient`` and
``recipeInstructions``) and show the same texts in a recipe card, lists of spans and
``<div>``s that trafilatura's extraction, which looks for paragraphs, often passes over
(or drops as a box of times and servings). The card's texts that the body lacks are put
after it, each only if the page shows it: the structured data names them, the page's
own text vouches for them. A text of the data that the page does not show (a
description written for search results) is left out. Texts are compared by their
letters and digits alone: the card may set an amount and its ingredient in cells
("| 125 g | Mehl |") or spans without a space between them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from .lead import shown_texts, squeeze

#: The properties of a ``Recipe`` whose texts the recipe card shows.
RECIPE_TEXTS = ("description", "recipeIngredient", "recipeInstructions")
#: A step is a string, a ``HowToStep`` (its text) or a ``HowToSection`` (its steps).
_STEP_TEXTS = ("text", "itemListElement")
_MARKUP = re.compile(r"<[^<>]*>")
_NOT_A_WORD = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    """``text``'s letters and digits, in order, with nothing between them."""
    return _NOT_A_WORD.sub("", text)


def recipe_lines(tree: Any, raw: str | bytes) -> list[str]:
    """The texts of the page's schema.org recipes (``RECIPE_TEXTS``) that the page's text
    shows, in their order, each once. Call before the extraction prunes ``tree``."""
    if not (b"Recipe" in raw if isinstance(raw, bytes) else "Recipe" in raw):
        return []  # (no page without the word has a recipe to read)
    found: dict[str, None] = {}
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        if script.text and "Recipe" in script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for recipe in _recipes(data):
                for name in RECIPE_TEXTS:
                    found.update(dict.fromkeys(_strings(recipe.get(name))))
    found.pop("", None)
    if not found:
        return []
    shown = _letters("".join(shown_texts(tree)))
    return [line for line in found if _letters(line) in shown]


def _recipes(data: Any) -> Iterator[dict[str, Any]]:
    """The objects typed ``Recipe`` in JSON-LD data, at any depth (an ``@graph``, a list)."""
    if isinstance(data, dict):
        kind = data.get("@type")
        if kind == "Recipe" or (isinstance(kind, list) and "Recipe" in kind):
            yield data
        for value in data.values():
            yield from _recipes(value)
    elif isinstance(data, list):
        for value in data:
            yield from _recipes(value)


def _strings(value: Any) -> Iterator[str]:
    """The texts of a property: a string, a list of them, or steps (:data:`_STEP_TEXTS`),
    character references resolved, tags dropped, white space folded."""
    if isinstance(value, str):
        yield squeeze(_MARKUP.sub(" ", html.unescape(value)))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for name in _STEP_TEXTS:
            yield from _strings(value.get(name))


def with_recipe(body: str, lines: list[str]) -> str:
    """``body`` with the recipe's ``lines`` it lacks after it, a line each (a body that
    is empty stays empty: the recipe is not the whole page's text)."""
    if not body or not lines:
        return body
    flat = _letters(body)
    missing = [line for line in lines if _letters(line) not in flat]
    return "\n".join([body, *missing]) if missing else body
