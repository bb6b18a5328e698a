"""How the article writes a name narrows its readings (``geo/places/writing.py``, ``town_bodies.py``)."""
from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import place_mentions


def test_a_name_before_a_towns_own_body_is_a_town(gazetteer):
    """The county of Norfolk in England and the district of Berea in Lesotho have no city council or police
    department: the name is one of the towns that bear it."""
    resolver = Resolver(gazetteer)
    for text, name in [("The Norfolk City Council approved the budget for the naval town on Monday.", "Norfolk"),
                       ("The Berea Police Department said the suspect fled in a green car.", "Berea"),
                       ("A senior at Norfolk High School won the spelling bee.", "Norfolk")]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place is not None and answer.place.kind == "city", (text, answer.place)


def test_a_state_keeps_its_reading_before_words_a_state_shares(gazetteer):
    text = "California public schools will reopen in August, the governor said."
    [answer] = Resolver(gazetteer).resolve(text, place_mentions(text, "California"))
    assert answer.place.kind == "admin1", answer.place
