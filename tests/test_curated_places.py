"""Curated names a news reader expects and no package ships as a name: the English names of great cities that
GeoNames keeps only as alternate names ("Mecca" for Makkah), and two US states named together ("the Carolinas")."""
from __future__ import annotations


from geo.places.resolution import Resolver
from geo.places.sources import curated

from .conftest import km, place_mentions


def test_a_great_city_by_its_english_name_is_read_before_a_town_that_bears_it(gazetteer):
    """Mecca, California and a village called Cologne bear the name as their own; the cities are meant alone."""
    resolver = Resolver(gazetteer)
    for text, name, country in [("Pilgrims travelled to Mecca for the hajj.", "Mecca", "SA"),
                                ("The carnival in Cologne drew a million visitors.", "Cologne", "DE")]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place is not None and answer.place.country_code == country, answer.place


def test_a_town_of_the_english_name_is_still_read_beside_its_neighbours(gazetteer):
    text = "Police in Medina said the road to Akron was closed after the crash."
    medina, _ = Resolver(gazetteer).resolve(text, place_mentions(text, "Medina", "Akron"))
    assert km(medina.place, 41.14, -81.86) < 50, medina.place


def test_two_states_named_together_are_both(gazetteer):
    """"the Carolinas" is North and South Carolina, not a town called Carolina (nor a fuzzy match of it)."""
    text = "Heavy rain fell across the Carolinas on Sunday."
    [answer] = Resolver(gazetteer).resolve(text, place_mentions(text, "Carolinas"))
    assert answer.place is not None and answer.place.kind == "region" and km(answer.place, 34.6, -80.0) < 100


def test_every_curated_english_name_has_a_source_and_names_a_place(gazetteer):
    data = curated()
    assert "city_english_names" in data["sources"]
    for place_id, names in data["city_english_names"].items():
        place = gazetteer.place(place_id)
        assert place is not None and place.kind == "city", place_id
        assert all(any(c.place.id == place_id and c.form == "name" for c in gazetteer.candidates(n)) for n in names)


def test_the_abbreviations_governments_use_for_their_states(gazetteer):
    """"KSA" is how the Saudi government writes its kingdom in English (not Kosrae, Micronesia, by its subdivision
    code), "ROK" how Seoul writes the Republic of Korea."""
    resolver = Resolver(gazetteer)
    for text, name, country in [("Oil exports from the KSA rose in March.", "KSA", "SA"),
                                ("ROK and US troops held joint drills near the border.", "ROK", "KR")]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place is not None and answer.place.country_code == country, answer.place
