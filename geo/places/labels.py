"""English names for the states and provinces the map shows.

The gazetteer names a first-level unit as ISO 3166-2 and GeoNames write it, in its own language and script:
"Ḩalab" for Aleppo Governorate, "Bayern", "Al Quds" for the Jerusalem District, "Dubayy". An analyst reading the
map in English has to decode them. ``countrystatecity-countries`` (one of the gazetteer's sources) gives each unit's
English name by its ISO 3166-2 code; it is shown only when the gazetteer already knows it as one of that unit's
names ("Aleppo" is one of Ḩalab's), so a name that is only a word of its type ("South" for Lebanon's South
Governorate, "Chechen" for Chechnya) never replaces a real one.

A place made from a unit carries the unit's name and takes its English one too: "northern Bayern"
(``geo.places.derived``) is shown as "northern Bavaria", a street written with Aleppo Governorate as "Baghdad
Street, Aleppo".

Applied to the geoparser's answers after resolution: the resolver still reads the gazetteer's own names (a
place's own name against a namesake's), so no reading changes, only what the map, the panel and the exports show.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from geo.names import normalise
from geo.places.derived import DIRECTION_ADJECTIVES
from geo.places.sources import state_rows
from geo.records import Place, PlaceMention

__all__ = ["in_english"]


@cache
def english_names() -> dict[str, str]:
    """ISO 3166-2 code ("SY-HL") -> the unit's English name (read from the gazetteer's own source)."""
    return {row["iso3166_2"].upper(): row["name"] for row in state_rows() if row.get("iso3166_2") and row.get("name")}


def in_english(answers: Sequence[PlaceMention], gazetteer) -> tuple[PlaceMention, ...]:
    """The answers, a first-level unit's place named in English where its English name is one of its names."""
    return tuple(_named(pm, gazetteer) for pm in answers)


def _named(pm: PlaceMention, gazetteer) -> PlaceMention:
    place = pm.place
    if place is None:
        return pm
    name = _label(place, gazetteer)
    return replace(pm, place=replace(place, name=name)) if name and name != place.name else pm


def _label(place: Place, gazetteer) -> str | None:
    """The English name of a first-level unit, or of a place made from one, which carries the unit's name:
    "northern Bayern" (``geo.places.derived``) is "northern Bavaria", "Main Street, Ḩalab" (a street written
    with its unit) "Main Street, Aleppo"."""
    if place.kind == "admin1":
        return _english_name(place.id, place.country_code, gazetteer)
    kind, _, rest = place.id.partition(":")
    if kind == "dir":
        direction, _, unit = rest.partition(":")
        english = _english_name(unit, place.country_code, gazetteer) if unit.startswith("adm:") else None
        return f"{DIRECTION_ADJECTIVES[direction]} {english}" if english and direction in DIRECTION_ADJECTIVES \
            else None
    if kind == "local" and rest.startswith("adm:"):
        unit = rest.rpartition(":")[0]
        english, own = _english_name(unit, place.country_code, gazetteer), gazetteer.place(unit)
        if english and own is not None and place.name.endswith(f", {own.name}"):
            return f"{place.name[:-len(own.name)]}{english}"
    return None


@lru_cache(maxsize=4096)
def _english_name(place_id: str, country_code: str | None, gazetteer) -> str | None:
    names = gazetteer.names_of(place_id)
    codes = [name for name, form in names if form == "code"]
    english = next((english_names().get(f"{country_code}-{code.upper()}") for code in codes), None)
    return english if english and normalise(english) in {name for name, _ in names} else None
