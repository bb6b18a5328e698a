"""geo.places.focus: the article's main place, in the two variants its callers ask for, and its main country."""
from __future__ import annotations

from geo.places.focus import MainCountry, dateline, is_backdrop, main_country, main_place
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


GAZA = Place("region:gaza-strip", "Gaza Strip", "region", 31.4, 34.4, "PS")
MIDDLE_EAST = Place("region:middle-east", "Middle East", "region", 29.3, 42.5, None)
BORDER = Place("border:IL-LB", "Lebanon-Israel border", "region", 33.1, 35.4, None)


def test_the_scene_is_where_the_events_are_not_the_most_mentioned_backdrop() -> None:
    found = mentions(GAZA, BELFAST, GAZA, GAZA)
    assert main_place(found, countries=True).place == GAZA
    assert main_place(found, countries=True, events=[BELFAST.id, GAZA.id, BELFAST.id]) is found[1]
    # an event at a country does not make the country the scene while a city is named
    assert main_place(found + mentions(IRELAND), countries=True, events=[IRELAND.id] * 3).place == GAZA


def test_a_region_no_country_holds_is_never_the_scene_but_a_border_is() -> None:
    assert is_backdrop(MIDDLE_EAST) and not is_backdrop(BORDER) and not is_backdrop(GAZA)
    found = mentions(MIDDLE_EAST, MIDDLE_EAST, IRELAND)
    assert main_place(found, countries=True).place == IRELAND
    assert main_place(found, countries=True, events=[MIDDLE_EAST.id] * 2).place == IRELAND
    assert main_place(mentions(MIDDLE_EAST), countries=True) is None
    assert main_place(mentions(BORDER), countries=False).place == BORDER


def test_a_dateline_names_the_scene_when_no_event_does() -> None:
    for head in ("BELFAST (Reuters) - ", "Belfast, March 15 (AP) \u2014 ", "BELFAST: ", "Belfast -- "):
        text = head + "Police in Derry said that Derry and Derry were calm."
        found = [PlaceMention(Mention(0, 7, "Belfast", "place"), BELFAST, 0.9)]
        at = text.index("Derry")
        found += [PlaceMention(Mention(i, i + 5, "Derry", "place"), DERRY, 0.9)
                  for i in (at, text.index("Derry", at + 1), text.rindex("Derry"))]
        assert dateline(text, found) is found[0], head
        assert main_place(found, countries=False, text=text) is found[0]
        assert main_place(found, countries=False, text=text, events=[DERRY.id]).place == DERRY
    text = "Belfast is calm. Derry and Derry too."
    found = mentions(BELFAST)
    assert dateline(text, found) is None
    inside = "In Belfast - the capital - it rained."
    assert dateline(inside, [PlaceMention(Mention(3, 10, "Belfast", "place"), BELFAST, 0.9)]) is None


def test_a_dateline_may_name_a_state_by_its_abbreviation() -> None:
    """"ATHENS, Ga. - ", "WASHINGTON, D.C. (AP) - ": the full stops of a state's abbreviation end no dateline; a
    sentence's full stop still does."""
    for head in ("BELFAST, Ga. - ", "Belfast, D.C. (AP) \u2014 ", "BELFAST, Ill. (AP) - "):
        text = head + "Police said it was calm."
        assert dateline(text, [PlaceMention(Mention(0, 7, "Belfast", "place"), BELFAST, 0.9)]) is not None, head
    text = "Belfast, the city. A man - who was calm - left."
    assert dateline(text, [PlaceMention(Mention(0, 7, "Belfast", "place"), BELFAST, 0.9)]) is None
