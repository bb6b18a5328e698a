"""The article's main place: where its action happens (its scene), which stands in for an event whose sentence
names no place, and which gives the article its main country.

Two stages ask for it, with one difference each asks for by name:

- the events (``geo.events.context``, then ``geo.events.scene`` once every event is read) ask with
  ``countries=True``: with no scene below country level the main place is a country (an event it places is
  given the role ``context``);
- the localities (``geo.places.localities``) ask with ``countries=False``: a street or facility is never put at
  a country; with no city, town or region the main place is None and the sentence's own country decides.

The scene, not the backdrop: the place most of the article's events are at (as their sentences name it), else the
place of its dateline ("BEIRUT (Reuters) -"), else its most mentioned place, first mentioned on ties. A place that
can be a scene is no continent, region spanning several countries ("the Middle East"), sea, facility, street,
site or demonym ("Israeli"): the backdrop of a story is never the place of one of its events.

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

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from geo.records import Place, PlaceMention

__all__ = ["MainCountry", "dateline", "dateline_end", "is_backdrop", "is_demonym", "main_country", "main_place",
           "may_be_main"]

#: Kinds of place that are never the article's main place: too large, under water, or only a point inside one.
NEVER_MAIN = frozenset({"continent", "water", "facility", "local", "site"})
#: Id prefix of the curated regions (``geo/data/regions.json``).
CURATED_REGION = "region:"
#: What follows a dateline's place: an optional ", March 15", ", Gaza Strip" or a state's abbreviation (", Ga.",
#: ", D.C.": a full stop only inside it or before the dash), an optional "(Reuters)", then a dash or colon
#: ("BEIRUT, March 15 (Reuters) - ", "ATHENS, Ga. - ", "Gaza City: ").
DATELINE_TAIL = re.compile(r"(?:,(?:[^.\n\u2014\u2013:()]|\.(?=[A-Za-z]|\s*[(\u2014\u2013-])){1,40})?"
                           r"\s*(?:\([^)\n]{1,40}\))?\s*(?:\u2014|\u2013|--|-|:)\s")
#: Characters of white space a dateline may start after.
DATELINE_START = 3


def is_demonym(pm: PlaceMention) -> bool:
    """"Iranian", "Israeli": the geoparser labels them ``demonym`` (the model ``NORP``)."""
    return pm.place.kind == "demonym" or pm.mention.label in ("demonym", "NORP")


def is_backdrop(place: Place) -> bool:
    """A continent, or one of the curated regions no single country holds ("the Middle East", "the Levant", "the
    Balkans"; ids ``region:``): the background of a story, never the place of one of its events. A border
    between two countries ("the Lebanon-Israel border") holds no single country either but is a scene."""
    return place.kind == "continent" or (place.kind == "region" and not place.country_code
                                         and place.id.startswith(CURATED_REGION))


def may_be_main(pm: PlaceMention) -> bool:
    """Whether a resolved mention counts towards the main place (a demonym names a people, not a scene)."""
    return pm.place.kind not in NEVER_MAIN and not is_demonym(pm) and not is_backdrop(pm.place)


def dateline(text: str, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place of the article's dateline ("BEIRUT (Reuters) - ...", "Gaza City: ..."): a place named first
    thing in the text and followed by a dash or colon, or None."""
    first = min((pm for pm in places if may_be_main(pm)), key=lambda pm: pm.mention.start, default=None)
    if first is None or first.mention.start > DATELINE_START or text[:first.mention.start].strip():
        return None
    return first if DATELINE_TAIL.match(text, first.mention.end) else None


def dateline_end(text: str, places: Sequence[PlaceMention]) -> int:
    """Where the dateline ("KYIV, Ukraine (AP) - ") ends in ``text``, after its dash; 0 without one."""
    head = dateline(text, places)
    return DATELINE_TAIL.match(text, head.mention.end).end() if head is not None else 0


def main_place(places: Sequence[PlaceMention], *, countries: bool, text: str = "",
               events: Iterable[str] = ()) -> PlaceMention | None:
    """The article's scene: the first mention of the place below country level the most ``events`` are at,
    else of its dateline's place (in ``text``), else of its most mentioned place below country level (first
    mentioned on ties: a city beats its country); with none, when ``countries``, the country the most events
    are at, else the most mentioned country; else None.

    ``places`` are resolved mentions (``place`` is not None); ``events`` the ids of the places the article's
    events are at as their own sentences name them (one id per event and place), when they are known.
    """
    by_place: dict[str, list[PlaceMention]] = {}  # in order of first mention: max() keeps the first on ties
    for pm in places:
        if may_be_main(pm):
            by_place.setdefault(pm.place.id, []).append(pm)
    local = {p: found for p, found in by_place.items() if found[0].place.kind != "country"}
    counts = Counter(p for p in events if p in by_place)
    scene = _most(local, counts) or (dateline(text, places) if text else None)
    if scene is not None:
        return scene
    pool = local or (by_place if countries else {})
    return _most(pool, counts) or (max(pool.values(), key=len)[0] if pool else None)


def _most(pool: dict[str, list[PlaceMention]], counts: Counter[str]) -> PlaceMention | None:
    """The first mention of the place of ``pool`` the most events are at (first mentioned on ties), or None."""
    ranked = [p for p in pool if counts[p]]
    return pool[max(ranked, key=lambda p: counts[p])][0] if ranked else None


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
