"""geo.places.focus: the article's main place, in the two variants its callers ask for, and its main country."""
from __future__ import annotations

from geo.places.focus import MainCountry, main_country, main_place
from geo.records import Mention, Place, PlaceMention

BELFAST = Place("gn:2655984", "Belfast", "city", 54.6, -5.9, "GB")
DERRY = Place("gn:2643736", "Derry", "city", 55.0, -7.3, "GB")
IRELAND = Place("country:IE", "Ireland", "country", 53.0, -8.0, "IE")
BRITISH = Place("country:GB", "United Kingdom", "country", 54.0, -2.0, "GB")
STATION = Place("local:gn:2655984:bus-station", "bus station, Belfast", "facility", 54.6, -5.9, "GB")


def mentions(*places: Place, label: str = "place") -> list[PlaceMention]:
    return [PlaceMention(Mention(10 * i, 10 * i + 5, p.name, label), p, 0.9) for i, p in enumerate(places)]


def test_most_mentioned_place_below_country_level_first_mentioned_on_ties() -> None:
    found = mentions(IRELAND, IRELAND, IRELAND, DERRY, BELFAST, BELFAST, DERRY)
    for countries in (True, False):
        focus = main_place(found, countries=countries)
        assert focus is found[3]  # Derry, first mentioned of the two cities named twice


def test_only_countries_the_events_take_the_most_mentioned_one_the_localities_none() -> None:
    found = mentions(BRITISH, IRELAND, IRELAND)
    assert main_place(found, countries=True).place == IRELAND
    assert main_place(found, countries=False) is None


def test_facilities_and_demonyms_never_count() -> None:
    found = mentions(STATION, STATION, BELFAST) + mentions(BRITISH, BRITISH, label="demonym")
    assert main_place(found, countries=True).place == BELFAST
    assert main_place(mentions(BRITISH, label="demonym"), countries=True) is None


def test_main_country_of_the_focus_named_when_the_article_names_it() -> None:
    found = mentions(IRELAND, IRELAND, BELFAST)
    assert main_country(found, found[2]) == MainCountry("GB", None)  # the caller names it from a table
    assert main_country(found + mentions(BRITISH), found[2]) == MainCountry("GB", "United Kingdom")
    assert main_country(found, None) == MainCountry("IE", "Ireland")
    assert main_country([], None) == MainCountry(None, None)
