"""Names after "the city of", "the town of", "the village of": a town of any size, never the unit named like it."""
from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import km, place_mentions


def _found(geoparser, text: str) -> dict:
    return {pm.mention.text: pm.place for pm in geoparser.parse(text)}


def test_a_village_the_model_tags_as_an_organisation_is_a_place(geoparser):
    # a village far below the recogniser's population floor, which the small model tags ORG here
    found = _found(geoparser, "Troops entered the village of Novoselivka on Monday after a week of shelling.")
    assert "Novoselivka" in found and found["Novoselivka"] is not None, found
    assert found["Novoselivka"].country_code == "UA", found["Novoselivka"]
    found = _found(geoparser, "Voters in the town of Bethel agreed to raise the school budget.")
    assert "Bethel" in found and found["Bethel"] is not None, found


def test_a_name_after_city_of_is_the_city_not_its_province(gazetteer):
    text = "Residents of the city of Zaporizhzhia were told to stay in shelters overnight."
    (answer,) = Resolver(gazetteer).resolve(text, place_mentions(text, "Zaporizhzhia"))
    assert answer.place.kind == "city" and km(answer.place, 47.84, 35.14) < 20, answer.place
    text = "Heavy rain flooded streets in the city of Sao Paulo, and officials closed two schools."
    (answer,) = Resolver(gazetteer).resolve(text, place_mentions(text, "Sao Paulo"))
    assert answer.place.kind == "city" and km(answer.place, -23.55, -46.63) < 20, answer.place


def test_a_suburb_named_with_its_city_is_a_place(geoparser):
    # the small model tags both suburbs as an organisation or a person; "suburb of" vouches for a town, also one
    # written in another of its names ("Douma", GeoNames' alternate name of Duma)
    found = _found(geoparser, "Rioters torched cars in the Paris suburb of Nanterre after police shot a teenager.")
    assert found.get("Nanterre") is not None and found["Nanterre"].country_code == "FR", found
    found = _found(geoparser, "Government forces shelled the Damascus suburb of Douma on Monday, killing 14 people.")
    assert found.get("Douma") is not None and km(found["Douma"], 33.57, 36.40) < 20, found


def test_a_township_the_gazetteer_lacks_is_read_as_its_town(gazetteer):
    # GeoNames has the towns, not the townships or "Town of" forms of government named after them
    text = "The school board of Readington Township met on Tuesday, and Flemington sent two observers."
    answers = {pm.mention.text: pm.place for pm in
               Resolver(gazetteer).resolve(text, place_mentions(text, "Readington Township", "Flemington"))}
    assert answers["Readington Township"] is not None, answers
    assert km(answers["Readington Township"], 40.57, -74.78) < 30, answers["Readington Township"]
    text = "Snow closed the roads of the Town of Groton, near New London, Connecticut."
    answers = {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(
        text, place_mentions(text, "Town of Groton", "New London", "Connecticut"))}
    assert answers["Town of Groton"] is not None and km(answers["Town of Groton"], 41.35, -72.08) < 30, answers
