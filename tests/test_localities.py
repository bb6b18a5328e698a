"""geo.localities: named facilities and streets placed at their parent place, and "the city" references."""
from __future__ import annotations

import pytest

from geo.localities import FACILITY, LOCAL, LocalityStage
from geo.records import PlaceMention


@pytest.fixture(scope="module")
def local(geoparser):
    def run(text: str) -> tuple[PlaceMention, ...]:
        doc = geoparser.nlp(text)
        return LocalityStage().places(doc, geoparser.places(doc))
    return run


def by_text(found: tuple[PlaceMention, ...]) -> dict[str, PlaceMention]:
    return {pm.mention.text: pm for pm in found if pm.place is not None}


def test_facility_and_street_sit_at_the_city_named_with_them(local) -> None:
    found = by_text(local("A bomb exploded at the Rolando cafe in Calle del Correo, Madrid, on Friday."))
    madrid = found["Madrid"].place
    cafe, street = found["Rolando cafe"], found["Calle del Correo"]
    assert cafe.place.kind == FACILITY and street.place.kind == LOCAL
    assert street.place.id == f"local:{madrid.id}:calle-del-correo"
    assert street.place.name == f"Calle del Correo, {madrid.name}"
    assert (cafe.place.lat, cafe.place.lon) == (madrid.lat, madrid.lon)
    assert cafe.score < found["Madrid"].score


def test_parent_from_in_phrase_and_ids_stable_across_articles(local) -> None:
    first = by_text(local("Gunmen attacked Camp Shorabak in Helmand Province on Friday."))
    second = by_text(local("The Taliban said the raid on Camp Shorabak in Helmand Province was theirs."))
    assert first["Camp Shorabak"].place.id == second["Camp Shorabak"].place.id
    assert first["Camp Shorabak"].place.id.startswith(f"local:{first['Helmand Province'].place.id}:")


def test_street_without_a_place_in_its_sentence_goes_to_the_articles_main_place(local) -> None:
    found = by_text(local("Bombs went off across Belfast on Friday. Belfast was in chaos. "
                          "The worst explosion was at the busy Oxford Street bus station."))
    station = found["Oxford Street bus station"]
    assert station.place.kind == FACILITY
    assert station.place.id == f"local:{found['Belfast'].place.id}:oxford-street-bus-station"


def test_generic_and_demonym_phrases_are_no_names(local) -> None:
    found = by_text(local("Shooting broke out in the main Catholic areas of Belfast and near a bus station."))
    assert not [pm for pm in found.values() if pm.place.kind in (FACILITY, LOCAL)]


def test_no_parent_no_locality(local) -> None:
    assert not [pm for pm in local("The explosion targeted a bakery on Rue Victor Hugo.") if pm.place]


def test_the_city_refers_to_the_most_mentioned_city(local) -> None:
    text = ("Bombs went off in Belfast and Derry. Belfast was in chaos. The IRA's bombing of the city "
            "stretched the police. Police in the city of Derry were calm.")
    found = [pm for pm in local(text) if pm.mention.label == "anaphor"]
    assert [(pm.mention.text, pm.place.name) for pm in found] == [("city", "Belfast")]  # not "the city of Derry"
