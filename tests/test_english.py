"""English words read as small towns by the towns' other names (``geo/places/english.py``), in sentences written for
newsmap: "Big" is no Biga, "God" no Göd, unless the story is set where the town lies."""
from __future__ import annotations

import pytest

from geo.places.english import english_words
from geo.places.resolution import Resolver

from .conftest import place_mentions


@pytest.fixture(scope="module")
def resolver(gazetteer):
    return Resolver(gazetteer)


def answers(resolver, text: str, *names: str) -> dict[str, object]:
    return {a.mention.text: a.place for a in resolver.resolve(text, place_mentions(text, *names))}


@pytest.mark.parametrize("text, word", [
    ("Big crowds waited outside the stadium before the final whistle.", "Big"),
    ("God bless the volunteers, the pastor told the crowd in Topeka.", "God"),
    ("Border agents seized the shipment near the checkpoint.", "Border"),
    ("Mercy nurses in Denver voted to strike on Friday.", "Mercy"),
    ("Passover meals were served at the shelter in Omaha.", "Passover"),
])
def test_an_english_word_is_no_small_town_far_from_the_story(resolver, text: str, word: str) -> None:
    places = answers(resolver, text, word, "Topeka", "Denver", "Omaha")
    assert places[word] is None, places[word]


def test_the_word_is_the_town_where_the_story_names_its_country(resolver) -> None:
    text = "Pilgrims walked from Vác to God, a town north of the capital, Hungary's police said."
    places = answers(resolver, text, "Vác", "God", "Hungary")
    assert places["God"] is not None and places["God"].country_code == "HU", places["God"]


@pytest.mark.parametrize("text, name, country", [
    ("Rowers trained on the Danube at Göd before the race.", "Göd", "HU"),  # the town's own name, as written
    ("Tourists crowded the cafes of Paris on Sunday.", "Paris", "FR"),  # WordNet's proper names are places' names
    ("The ferry from Odessa was delayed by the storm.", "Odessa", None),  # not a lesser town: left as it was
])
def test_a_town_by_its_own_name_and_the_other_readings_are_untouched(resolver, text: str, name: str,
                                                                     country: str | None) -> None:
    place = answers(resolver, text, name)[name]
    assert place is not None, name
    assert country is None or place.country_code == country, place


def test_the_word_list_is_the_models_and_absent_without_it() -> None:
    words = english_words()
    assert {"big", "border", "mercy", "god"} <= words and "newsmap" not in words
    assert english_words("no_such_model_installed") == frozenset()
