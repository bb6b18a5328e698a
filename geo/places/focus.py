"""The article's main place: where its events stand when a sentence names none, and its main country.

Two stages ask for it, with one difference each asks for by name:

- the events (``geo.events.extraction``) ask with ``countries=True``: an article that names no place below
  country level has its most mentioned country as main place (an event it cannot place is put there with the
  role ``context``);
- the localities (``geo.places.localities``) ask with ``countries=False``: a street or facility is never put at
  a country the article only mentions most; with no city, town or region the main place is None and the
  sentence's own country decides.

Both count the same mentions: places that can be a scene, so no continent, sea, facility, street or demonym
("Israeli"). The rule is "most mentioned, first mentioned on ties"; making it "the scene, not the backdrop"
(issue 14) is a change of behaviour for its own step.

>>> from geo.records import Mention, Place, PlaceMention
>>> beirut = Place("gn:276781", "Beirut", "city", 33.9, 35.5, "LB")
>>> lebanon = Place("country:LB", "Lebanon", "country", 33.8, 35.8, "LB")
>>> found = [PlaceMention(Mention(0, 7, "Lebanon", "place"), lebanon, 0.9)] * 2
>>> main_place(found, countries=True).place.name, main_place(found, countries=False)
('Lebanon', None)
>>> main_place([*found, PlaceMention(Mention(20, 26, "Beirut", "place"), beirut, 0.9)], countries=True).place.name
'Beirut'
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from geo.records import PlaceMention

__all__ = ["MainCountry", "is_demonym", "main_country", "main_place", "may_be_main"]

#: Kinds of place that are never the article's main place: too large, under water, or only a point inside one.
NEVER_MAIN = frozenset({"continent", "water", "facility", "local"})


def is_demonym(pm: PlaceMention) -> bool:
    """"Iranian", "Israeli": the geoparser labels them ``demonym`` (the model ``NORP``)."""
    return pm.place.kind == "demonym" or pm.mention.label in ("demonym", "NORP")


def may_be_main(pm: PlaceMention) -> bool:
    """Whether a resolved mention counts towards the main place (a demonym names a people, not a scene)."""
    return pm.place.kind not in NEVER_MAIN and not is_demonym(pm)


def main_place(places: Sequence[PlaceMention], *, countries: bool) -> PlaceMention | None:
    """The first mention of the article's most mentioned place below country level, first mentioned on ties (a
    city beats its country); with none, the most mentioned country when ``countries``, else None.

    ``places`` are resolved mentions (``place`` is not None).
    """
    by_place: dict[str, list[PlaceMention]] = {}  # in order of first mention: max() keeps the first on ties
    for pm in places:
        if may_be_main(pm):
            by_place.setdefault(pm.place.id, []).append(pm)
    local = {p: found for p, found in by_place.items() if found[0].place.kind != "country"}
    pool = local or (by_place if countries else {})
    return max(pool.values(), key=len)[0] if pool else None


class MainCountry(NamedTuple):
    """The article's main country: its ISO code, and its name when the article names the country itself."""

    code: str | None
    name: str | None


def main_country(places: Sequence[PlaceMention], focus: PlaceMention | None) -> MainCountry:
    """The country of ``focus`` (the main place), else the most mentioned country the article names (counting the
    places in it). "Belfast" alone gives ``MainCountry("GB", None)``: the caller names it from a country table."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for pm in places:
        code = pm.place.country_code
        if code:
            counts[code] = counts.get(code, 0) + 1
            if pm.place.kind == "country" and not is_demonym(pm):
                names.setdefault(code, pm.place.name)
    focus_code = focus.place.country_code if focus is not None else None
    if focus_code:
        return MainCountry(focus_code, names.get(focus_code))
    named = {c: n for c, n in counts.items() if c in names}
    code = max(named, key=lambda c: named[c]) if named else None
    return MainCountry(code, names.get(code) if code else None)
