"""Names written after "the": a water reading, not a town or province of the same name (``geo/places/definite.py``)."""
from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import place_mentions


def test_an_ocean_after_the_is_no_town_beside_a_state_that_has_one(gazetteer):
    """Atlantic, Virginia and Pacific, Washington are towns: a state named in the story used to pull the name there."""
    resolver = Resolver(gazetteer)
    for text, name in [("Hurricane season in the Atlantic worries fishermen along the coast of Virginia.", "Atlantic"),
                       ("Cargo ships waited in the Pacific off Washington before docking in Seattle.", "Pacific")]:
        answer, *_ = resolver.resolve(text, place_mentions(text, name, "Virginia", "Washington", "Seattle"))
        assert answer.place is not None and answer.place.kind == "water", answer.place


def test_a_town_without_the_and_a_name_with_no_water_reading_keep_their_towns(gazetteer):
    resolver = Resolver(gazetteer)
    text = "A tornado touched down near Atlantic, Iowa, on Friday."
    atlantic, _ = resolver.resolve(text, place_mentions(text, "Atlantic", "Iowa"))
    assert atlantic.place.kind == "city" and atlantic.place.country_code == "US"
    text = "Rockets were fired from the Gaza border overnight."
    [gaza] = resolver.resolve(text, place_mentions(text, "Gaza"))
    assert gaza.place.kind == "region", gaza.place  # the territory named after its city, as without "the"


def test_a_sea_after_the_is_no_province_named_after_it(gazetteer):
    """Sudan's and Egypt's Red Sea states are named after the sea: "in the Red Sea" is the sea; "Red Sea state"
    without "the" stays the state."""
    resolver = Resolver(gazetteer)
    text = "Drones struck a cargo ship in the Red Sea on Tuesday, the shipping agency said."
    [sea] = resolver.resolve(text, place_mentions(text, "Red Sea"))
    assert sea.place is not None and sea.place.kind == "water", sea.place
    text = "Floods hit Port Sudan, the capital of Red Sea state, on Monday."
    _, state = resolver.resolve(text, place_mentions(text, "Port Sudan", "Red Sea"))
    assert state.place is not None and state.place.kind == "admin1", state.place


def test_a_common_word_after_the_is_no_province_called_by_it(gazetteer):
    """Papua New Guinea's Gulf Province and Cameroon's South Region bear the bare words as their names: "the Gulf"
    and "the South" of a story are not them. With no other reading the name is left without an answer."""
    resolver = Resolver(gazetteer)
    for text, name in [("Oil tankers idled in the Gulf while the ministers met.", "Gulf"),
                       ("Storms swept across the South overnight, cutting power to thousands.", "South"),
                       ("Reporters flew to the Gulf on Monday.", "the Gulf")]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place is None, answer.place


def test_a_common_word_written_once_without_the_keeps_its_town(gazetteer):
    """A town called by a common word, written once as its name: "the Spring teenager" is the same town."""
    resolver = Resolver(gazetteer)
    text = "A Spring teenager won the spelling bee in Houston; the Spring teenager will compete again in May."
    first, _, second = resolver.resolve(text, place_mentions(text, "Spring", "Houston"))
    assert first.place is not None and first.place.kind == "city", first.place
    assert second.place == first.place
