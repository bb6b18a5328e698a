"""Big cities named bare across borders: one is no cue that a great city beside it is its small namesake."""
from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import km, place_mentions


def _resolve(gazetteer, text: str, *names: str) -> dict:
    return {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(text, place_mentions(text, *names))}


def test_a_great_city_beside_a_big_city_of_another_country_stays_the_great_city(gazetteer):
    places = _resolve(gazetteer, "My sister grew up in Toronto and now lives in Miami with her two sons.",
                      "Toronto", "Miami")
    assert km(places["Toronto"], 43.7, -79.4) < 30, places["Toronto"]  # not Toronto, Ohio
    assert km(places["Miami"], 25.77, -80.19) < 30, places["Miami"]  # nor Miamitown beside it
    places = _resolve(gazetteer, "After ten years in London the engineer took a job in Houston.", "London", "Houston")
    assert places["Houston"].country_code == "US", places["Houston"]  # not Houston, Renfrewshire
    places = _resolve(gazetteer, "The airline added a weekly flight from Sydney to Vancouver.", "Sydney", "Vancouver")
    assert places["Sydney"].country_code == "AU", places["Sydney"]  # not Sydney, Nova Scotia


def test_a_namesake_near_the_big_city_is_still_the_local_town(gazetteer):
    # a local story: the small Paris lies 150 km from Dallas, and the votes of Dallas still count for it
    places = _resolve(gazetteer, "A Paris woman was flown to a Dallas hospital after the crash on Friday.",
                      "Paris", "Dallas")
    assert places["Paris"].country_code == "US" and km(places["Paris"], 33.66, -95.56) < 30, places["Paris"]


def test_a_town_beside_a_big_city_that_leads_its_namesakes_is_the_one_near_it(gazetteer):
    # "Atlanta" leads its villages though its share stays low; its point is a cue for the other towns
    places = _resolve(gazetteer, "The couple met in Dublin and later married in Atlanta, where they run a bakery.",
                      "Dublin", "Atlanta")
    assert km(places["Dublin"], 32.54, -82.90) < 30, places["Dublin"]  # Dublin, Georgia, not Dublin, California
    places = _resolve(gazetteer, "Police in Dublin arrested the suspect at a motel outside Atlanta on Tuesday.",
                      "Dublin", "Atlanta")
    assert km(places["Dublin"], 32.54, -82.90) < 30, places["Dublin"]
    places = _resolve(gazetteer, "The band played in Columbia before its show in Houston.", "Columbia", "Houston")
    assert places["Houston"].country_code == "US", places["Houston"]


def test_a_big_city_split_among_namesakes_is_no_cue(gazetteer):
    # "Jackson" (Mississippi, Tennessee, Michigan) leads nothing: the great Dublin stays the capital
    places = _resolve(gazetteer, "The delegation flew from Dublin to Paris for the talks.", "Dublin", "Paris")
    assert places["Dublin"].country_code == "IE" and places["Paris"].country_code == "FR", places
