"""A city's name before "region" or "oblast": the subdivision named after the city; a metropolitan area otherwise."""
from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import km, place_mentions


def _resolve(gazetteer, text: str, *names: str) -> list:
    return [pm.place for pm in Resolver(gazetteer).resolve(text, place_mentions(text, *names))]


def test_a_city_before_region_is_the_subdivision_named_after_it(gazetteer):
    # GeoNames keeps these oblasts and krais under their Russian names only ("Bryanskaya oblast'")
    (bryansk,) = _resolve(gazetteer, "A fuel depot burned in the Bryansk region after a drone attack.", "Bryansk")
    assert bryansk.kind == "admin1" and bryansk.country_code == "RU", bryansk
    places = _resolve(gazetteer, "Air defences were busy over the Belgorod and Kursk regions on Sunday.",
                      "Belgorod", "Kursk")
    assert [p.kind for p in places] == ["admin1", "admin1"], places  # the plural is shared by the list
    (perm,) = _resolve(gazetteer, "Spring floods closed roads across the Perm region.", "Perm")
    assert perm.kind == "admin1" and km(perm, 58.6, 56.5) < 150, perm


def test_the_city_alone_and_a_metropolitan_area_stay_the_city(gazetteer):
    places = _resolve(gazetteer, "Bryansk itself was quiet, but villages in the Bryansk region were shelled.",
                      "Bryansk")
    assert [p.kind for p in places] == ["city", "admin1"], places
    (atlanta,) = _resolve(gazetteer, "Commuters in the Atlanta region faced icy roads on Monday.", "Atlanta")
    assert atlanta.kind == "city" and km(atlanta, 33.75, -84.39) < 20, atlanta  # Georgia is not named after it


def test_a_city_that_is_its_own_unit_before_region_is_the_unit_named_after_it(gazetteer):
    # Moscow and Kyiv are first-order units themselves; GeoNames names the units around them "Moscow Oblast",
    # "Kyiv Oblast"
    (moscow,) = _resolve(gazetteer, "Forest fires spread across the Moscow region on Friday.", "Moscow")
    assert moscow.kind == "admin1" and moscow.id != "adm:524894" and moscow.country_code == "RU", moscow
    (kyiv,) = _resolve(gazetteer, "Power cuts hit the Kyiv region after the strikes.", "Kyiv")
    assert kyiv.kind == "admin1" and kyiv.country_code == "UA" and kyiv.name != "Kyiv", kyiv
    places = _resolve(gazetteer, "Drones were shot down over the Moscow and Kaluga regions.", "Moscow", "Kaluga")
    assert [p.kind for p in places] == ["admin1", "admin1"] and places[0].id != "adm:524894", places
    (moscow,) = _resolve(gazetteer, "Police in Moscow detained dozens of protesters.", "Moscow")
    assert moscow.kind == "city", moscow  # the city alone stays the city
    (houston,) = _resolve(gazetteer, "Commuters in the Houston region faced flooded roads.", "Houston")
    assert houston.kind == "city" and km(houston, 29.76, -95.36) < 20, houston  # no unit named after it
