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
