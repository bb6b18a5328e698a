"""Landmarks, seats of government, squares, peaks, parks, islands, city districts and vernacular regions that world
news names (``geo/data/landmarks.json`` and ``geo/data/regions.json``), how they rank against towns of the same name,
and seats of power written as the government ("the Kremlin said"), which stay off the map."""
from __future__ import annotations

import json

import pytest

from geo.places.resolution import Resolver
from geo.places.sources import DATA_DIR, landmarks

from .conftest import km, place_mentions

LANDMARK_KINDS = ("landmark", "district")


def _resolve_one(gazetteer, text: str, name: str):
    [answer] = Resolver(gazetteer).resolve(text, place_mentions(text, name))
    return answer.place


@pytest.mark.parametrize("name, lat, lon", [
    ("Russell Square", 51.52, -0.13), ("Tin Can Island", 6.44, 3.35), ("Tiananmen Square", 39.91, 116.40),
    ("Mount Everest", 27.99, 86.93), ("Great Barrier Reef", -18.29, 147.70), ("Kibera", -1.31, 36.79),
    ("Dahiyeh", 33.85, 35.51), ("Greenwich Village", 40.73, -74.00), ("Napa Valley", 38.50, -122.27),
])
def test_a_landmark_alone_in_a_plain_sentence_is_found_where_it_is(gazetteer, name, lat, lon):
    place = _resolve_one(gazetteer, f"Our photographer spent a week near {name} last spring.", name)
    assert place is not None and place.kind in LANDMARK_KINDS and km(place, lat, lon) < 5, place


@pytest.mark.parametrize("name, lat, lon", [
    ("Pacific Northwest", 46.0, -121.5), ("Deep South", 32.5, -87.5), ("Rust Belt", 41.0, -82.0),
    ("Bay Area", 37.75, -122.25), ("Outback", -25.0, 134.0),
])
def test_a_vernacular_region_is_a_region(gazetteer, name, lat, lon):
    place = _resolve_one(gazetteer, f"Wages rose faster in the {name} than anywhere else this year.", name)
    assert place is not None and place.kind == "region" and km(place, lat, lon) < 50, place


@pytest.mark.parametrize("name, country", [("Kremlin", "RU"), ("Whitehall", "GB"), ("White House", "US"),
                                           ("Pentagon", "US"), ("Downing Street", "GB")])
def test_a_seat_of_power_outranks_a_small_town_of_its_name(gazetteer, name, country):
    """Kremlin, Montana and Whitehall, Ohio are small towns; "White House" is also an English rendering of
    Casablanca among GeoNames' alternate names. Written without other context, the seat of power is meant."""
    place = _resolve_one(gazetteer, f"A small crowd waited outside the {name} all afternoon.", name)
    assert place is not None and place.kind == "landmark" and place.country_code == country, place


def test_westminster_alone_is_the_seat_of_parliament(gazetteer):
    """Westminster, Colorado (116,000 people) and Westminster, California are larger than most namesakes, yet
    without context world news means the Palace of Westminster."""
    place = _resolve_one(gazetteer, "The vote in Westminster was delayed again.", "Westminster")
    assert place is not None and place.country_code == "GB" and km(place, 51.50, -0.12) < 5, place


def test_a_large_namesake_keeps_its_name_in_its_own_states_story(gazetteer):
    """Westminster, Colorado is a city of 100,000: a landmark reading must not take it from a Colorado story."""
    text = "Firefighters in Westminster, north of Denver, Colorado, contained the blaze by noon."
    answers = Resolver(gazetteer).resolve(text, place_mentions(text, "Westminster", "Denver", "Colorado"))
    assert answers[0].place.country_code == "US" and km(answers[0].place, 39.84, -105.04) < 20, answers[0].place


def test_a_town_named_with_its_state_stays_the_town(gazetteer):
    text = "The new library in White House, Tennessee opened on Monday."
    answers = Resolver(gazetteer).resolve(text, place_mentions(text, "White House", "Tennessee"))
    assert answers[0].place.kind == "city" and answers[0].place.country_code == "US", answers[0].place


def test_westminster_beside_london_is_in_london(gazetteer):
    text = "MPs went back to Westminster as London prepared for the budget."
    answers = Resolver(gazetteer).resolve(text, place_mentions(text, "Westminster", "London"))
    assert answers[0].place.country_code == "GB" and km(answers[0].place, 51.50, -0.13) < 5, answers[0].place


@pytest.mark.parametrize("text", [
    "The White House said on Thursday that the talks would resume.",
    "The Kremlin rejected the proposal within hours.",
    "The Pentagon confirmed that two more ships were on their way.",
    "Downing Street said the minister had spoken to the French president.",
    "Senior Pentagon officials visited Ohio on Monday.",
])
def test_a_seat_of_power_speaking_for_its_government_is_no_place(geoparser, text):
    """A government written by its building ("Downing Street said", "Pentagon officials") is no point on the map."""
    assert not [pm for pm in geoparser.parse(text) if pm.place is not None and pm.place.kind == "landmark"]


@pytest.mark.parametrize("text, name", [
    ("Guests were invited to a ceremony at the White House.", "White House"),
    ("Tourists crowded Red Square on Sunday.", "Red Square"),
])
def test_a_seat_of_power_where_something_happens_is_a_place(geoparser, text, name):
    found = [pm.place for pm in geoparser.parse(text) if pm.mention.text == name]
    assert found and found[0] is not None and found[0].kind == "landmark", found


def test_every_curated_landmark_has_a_class_a_source_and_its_own_name():
    rows = json.loads((DATA_DIR / "landmarks.json").read_text(encoding="utf-8"))["regions"]
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["kind"] in LANDMARK_KINDS and row["source"] and row["class"] and row["chosen_from"], row["id"]
        assert row["name"] in row["aliases"] and -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180, row["id"]


def test_every_landmark_on_land_lies_in_or_near_its_country(gazetteer):
    """A sign of a mistyped point (a sign or a digit): each landmark on land lies within about 30 km of its country's
    outline (coasts lie just off the simplified polygons). Islands and reefs lie offshore by nature."""
    from shapely.geometry import Point, shape

    rows = json.loads((DATA_DIR / "landmarks.json").read_text(encoding="utf-8"))["regions"]
    on_land = {f"landmark:{row['id']}" for row in rows if row["class"] != "island"}
    for entry in landmarks():
        if entry.id not in on_land or entry.country_code is None or "reef" in entry.name.lower():
            continue
        outline = gazetteer.country(entry.country_code).geometry
        if outline is None:  # the Vatican has no outline in countryinfo
            continue
        distance_deg = shape(json.loads(outline)).distance(Point(entry.lon, entry.lat))
        assert distance_deg < 0.3, (entry.id, distance_deg)
