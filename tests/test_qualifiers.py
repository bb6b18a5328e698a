"""A town written with its state or country ("Bethel, Delaware"), and administrative words after a name
("Homs and Aleppo Governorates"): sentences of our own, resolved against the real gazetteer."""
from __future__ import annotations


import pytest

from geo.places.resolution import Resolver
from geo.records import Mention

from .conftest import km, place_mentions


def _resolve(gazetteer, text: str, *names: str):
    return Resolver(gazetteer).resolve(text, place_mentions(text, *names))


def test_a_qualifier_keeps_the_town_inside_its_state_or_country(gazetteer):
    text = "The mill in Portland, Maine, closed, and a plant near Springfield, Mass., opened."
    portland, maine, springfield, mass = _resolve(gazetteer, text, "Portland", "Maine", "Springfield", "Mass.")
    assert km(portland.place, 43.66, -70.26) < 30 and km(springfield.place, 42.10, -72.59) < 30


def test_a_town_without_a_reading_in_its_container_is_placed_in_it_not_at_a_namesake(gazetteer):
    # Carlisle, Delaware: no GeoNames town of 500 and no post office (geo.places.post_towns), as Bethel in Germany
    text = "She grew up in Carlisle, Delaware, and later taught in Bethel, North Rhine-Westphalia."
    first, delaware, second, nrw = _resolve(gazetteer, text, "Carlisle", "Delaware", "Bethel", "North Rhine-Westphalia")
    assert first.place.kind == "local" and first.place.country_code == "US" and km(first.place, 38.9, -75.4) < 100
    assert second.place.kind == "local" and second.place.country_code == "DE"
    assert first.place.id != second.place.id and 0.0 < first.score < 1.0


def test_a_list_closed_by_a_state_lies_in_that_state(gazetteer):
    text = "Storms closed schools in Salem, Dover and Manchester, New Hampshire, on Monday."
    salem, dover, manchester, state = _resolve(gazetteer, text, "Salem", "Dover", "Manchester", "New Hampshire")
    for answer in (salem, dover, manchester):
        assert answer.place.country_code == "US" and km(answer.place, 43.2, -71.3) < 120, answer


def test_a_lists_container_does_not_move_a_town_that_has_no_reading_in_it(gazetteer):
    text = "Prices rose in Calgary, Edmonton and Montreal, Quebec, last year."
    calgary, edmonton, montreal, quebec = _resolve(gazetteer, text, "Calgary", "Edmonton", "Montreal", "Quebec")
    assert km(edmonton.place, 53.55, -113.49) < 30 and edmonton.place.kind == "city"
    assert km(montreal.place, 45.5, -73.57) < 30


def test_capitalised_words_that_are_not_a_container_qualify_nothing(gazetteer):
    text = "Flights from Montreal, Quebec City and Halifax were cancelled. Countries named: Syria, Iraq and Jordan."
    answers = _resolve(gazetteer, text, "Montreal", "Syria", "Iraq")
    assert km(answers[0].place, 45.5, -73.57) < 30
    assert [a.place.kind for a in answers[1:]] == ["country", "country"]


def test_an_administrative_word_means_the_unit_and_a_plural_is_shared_by_the_list(gazetteer):
    text = "Shelling was reported in Homs and Aleppo governorates, and in Idlib province."
    homs, aleppo, idlib = _resolve(gazetteer, text, "Homs", "Aleppo", "Idlib")
    assert [a.place.kind for a in (homs, aleppo, idlib)] == ["admin1", "admin1", "admin1"]
    alone = _resolve(gazetteer, "Shelling was reported in Homs on Friday.", "Homs")[0]
    assert alone.place.kind == "city"  # without the word, the city


def test_a_span_ending_in_an_administrative_word_resolves_to_the_unit(gazetteer):
    text = "Aid reached Aleppo Governorates by road."
    [answer] = Resolver(gazetteer).resolve(text, [Mention(12, 31, "Aleppo Governorates", "place")])
    assert answer.place is not None and answer.place.kind == "admin1" and answer.place.country_code == "SY"


@pytest.mark.timeout(30)
def test_a_list_of_thousands_of_towns_is_read_in_linear_time(gazetteer):
    """Each member of a list looked its own position up again in the whole list (quadratic: 100,000 towns
    before their state were minutes); the walk back is by position now."""
    from geo.places.qualifiers import containers

    text = "Dover, " * 100_000 + "Delaware"
    mentions = place_mentions(text, "Dover", "Delaware")
    found = containers(text, mentions, gazetteer.candidates)
    assert len({q.ids for q in found[:-1]}) == 1 and found[0].ids


def test_a_container_said_with_in_and_a_part_qualifies_the_town(gazetteer):
    """"Athens, in northeast Georgia" is "Athens, Georgia" said at more length: Athens, Georgia, and the state."""
    resolver = Resolver(gazetteer)
    text = "The fire in Athens, in northeast Georgia, spread quickly."
    athens, georgia = resolver.resolve(text, place_mentions(text, "Athens", "Georgia"))
    assert km(athens.place, 33.96, -83.38) < 30 and georgia.place.kind == "admin1", (athens.place, georgia.place)
    text = "Floodwater reached Oxford, in north Mississippi, by Tuesday."
    oxford, _ = resolver.resolve(text, place_mentions(text, "Oxford", "Mississippi"))
    assert km(oxford.place, 34.37, -89.52) < 30, oxford.place


def test_a_town_whose_only_other_reading_is_an_airport_is_still_placed_in_its_container(gazetteer):
    """Bradford in Ontario is no town of the gazetteer; its namesakes are towns and the Leeds Bradford airport, which
    is no reason to leave the written province for England."""
    text = "He will appear in a Bradford, Ontario court on May 12."
    bradford, _ = _resolve(gazetteer, text, "Bradford", "Ontario")
    assert bradford.place.kind == "local" and bradford.place.country_code == "CA", bradford.place


def test_a_state_in_a_list_of_states_is_no_town_qualified_by_the_next(gazetteer):
    """"Virginia, Washington, West Virginia and Wyoming" lists four states: Washington is not the West Virginia
    town. A state that qualifies a town starts no list: "Arlington, Virginia, Washington, D.C." keeps the capital."""
    text = "Cases were found in Virginia, Washington, West Virginia and Wyoming."
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "place")
                for name in ("Virginia", "Washington", "West Virginia", "Wyoming")]
    _, washington, _, _ = Resolver(gazetteer).resolve(text, mentions)
    assert washington.place.kind == "admin1" and km(washington.place, 47.3, -120.5) < 300, washington.place
    text = "Offices in Arlington, Virginia, Washington, D.C., and Baltimore were closed."
    found = _resolve(gazetteer, text, "Arlington", "Virginia", "Washington", "D.C.", "Baltimore")
    assert km(found[2].place, 38.9, -77.04) < 30, found[2].place



def test_a_street_written_with_its_town_lies_in_the_town_the_article_reads(geoparser):
    text = ("ALEXANDRIA, La. - Tom Reed, 52, of 88 Cypress St., Alexandria, was booked on Tuesday after a break-in "
            "at a store in Pineville, deputies said.")
    found = {pm.mention.text: pm.place for pm in geoparser.parse(text)}
    town = found["Alexandria"]
    assert town.country_code == "US", town
    street = found["Cypress St."]
    assert street.id == f"local:{town.id}:cypress-st" and street.country_code == "US", street  # not in Egypt
    assert street.name == "Cypress St., Alexandria", street
