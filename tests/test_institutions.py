"""A state named by an institution of the article settles a town left open (``geo/places/institutions.py``)."""
from __future__ import annotations


from geo.places.institutions import state_cues
from geo.places.resolution import Resolver

from .conftest import km, place_mentions


def test_a_university_names_the_state_of_a_town_left_open(gazetteer):
    text = "Ole Miss, the University of Mississippi, is located in Oxford."
    [oxford] = Resolver(gazetteer).resolve(text, place_mentions(text, "Oxford"))
    assert km(oxford.place, 34.37, -89.52) < 50, oxford.place


def test_the_name_inside_a_university_is_the_state(gazetteer):
    text = "Students at the University of Georgia in Athens returned to campus."
    georgia, athens = Resolver(gazetteer).resolve(text, place_mentions(text, "Georgia", "Athens"))
    assert georgia.place.kind == "admin1" and georgia.place.country_code == "US", georgia.place
    assert km(athens.place, 33.96, -83.38) < 50, athens.place


def test_a_university_quoted_from_afar_moves_no_world_city(gazetteer):
    resolver = Resolver(gazetteer)
    for text, name, (lat, lon) in [
            ("A professor at the University of Texas said the climate talks in Paris had failed.", "Paris", (48.86, 2.35)),
            ("Researchers at the University of Washington said Vancouver would see the first cases.", "Vancouver",
             (49.25, -123.12))]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert km(answer.place, lat, lon) < 50, answer.place


def test_the_state_of_a_state_university_is_found_in_either_writing(gazetteer):
    text = "A professor at The Ohio State University and one at the University of North Carolina Medical School spoke."
    cues = state_cues(text, [], [], gazetteer.candidates)
    assert {admin for admin, _ in cues.named} == {c.place.id for name in ("Ohio", "North Carolina")
                                                  for c in gazetteer.candidates(name) if c.place.kind == "admin1"}


def test_a_university_named_after_a_city_names_no_state_of_that_name(gazetteer):
    """Jamaica's parish of Manchester has fewer people than the English city: "the University of Manchester" is
    the city's."""
    text = "Researchers at the University of Manchester said the trial worked."
    [manchester] = Resolver(gazetteer).resolve(text, place_mentions(text, "Manchester"))
    assert manchester.place.kind == "city" and manchester.place.country_code == "GB", manchester.place


def test_a_town_written_right_after_a_state_university_is_its_campus_town(gazetteer):
    """"Kansas State University in Manhattan" is Manhattan, Kansas, also beside Chicago (which pulls Manhattan,
    Illinois) or New York; a university named after no state moves nothing ("Washington University in St.
    Louis")."""
    resolver = Resolver(gazetteer)
    for text in ("She studied at Kansas State University in Manhattan before moving to Chicago.",
                 "He left New York for a post at Kansas State University in Manhattan."):
        found = resolver.resolve(text, place_mentions(text, "Manhattan", "Chicago", "New York"))
        manhattan = next(a for a in found if a.mention.text == "Manhattan")
        assert km(manhattan.place, 39.18, -96.57) < 30, (text, manhattan.place)
    text = "A study from the University of Texas at Austin was cited in Dallas."
    austin, _ = resolver.resolve(text, place_mentions(text, "Austin", "Dallas"))
    assert km(austin.place, 30.27, -97.74) < 30, austin.place
