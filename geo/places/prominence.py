"""Prominent readings: what makes a world city the reading of a name against its small namesakes.

GeoNames keeps the English names of some great cities only as alternate names ("Mecca" and "Medina" of Makkah and
Madinah), while a small town bears them as its own (Mecca, California; Medina, Ohio). Two such names written
together are the two great cities that lie near each other, not two readings of one small town.

The resolver (``geo.places.resolution``) adds this support to the neighbour support of
:func:`geo.places.neighbours.neighbours`.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Callable, Sequence

from geo.places.gazetteer import Candidate
from geo.places.placewords import WELL_KNOWN
from geo.places.points import haversine_km

METROPOLIS = 1_000_000  # people: a city of a million or more is known by name far beyond its country
PAIR_CELL_DEG = 4.0  # grid cell for two great cities "near" each other: the same or an adjacent cell (~440-880 km)
PAIR_MIN_WEIGHT = 0.2  # a great city read far below its name's best reading (exp(2 * gap)) lends no support

Strength = Callable[[tuple, Sequence[Candidate]], list]  # per reading of a name (neighbours.Strength)


def _great_city(c: Candidate) -> bool:
    return c.place.kind == "city" and c.population >= METROPOLIS and not c.fuzzy


def has_great_city(candidates) -> bool:
    return any(_great_city(c) for c in candidates)


def _cell(c: Candidate) -> tuple[int, int]:
    return int(math.floor(c.place.lat / PAIR_CELL_DEG)), int(math.floor(c.place.lon / PAIR_CELL_DEG))


def great_city_pairs(pool: dict, strength: Strength, sharpness: float) -> dict:
    """Per name, per reading: the support of the article's *other* names whose reading is another great city
    (``METROPOLIS``) in the same or an adjacent ``PAIR_CELL_DEG`` cell, weighted as the neighbour support is
    (``exp(sharpness * (strength - the name's best strength))``): "Mecca and Medina" are Makkah and Madinah,
    340 km apart, not Medina, Ohio twice. Only great cities give it, and only a great city read by an alternate
    name gets it: a great city read by its own name ("Los Angeles", "San Diego") is the leading reading already."""
    cells: dict[tuple[int, int], dict] = defaultdict(dict)
    great: dict = {}
    for key, cands in pool.items():
        if not any(_great_city(c) for c in cands):
            continue
        held = strength(key, cands)
        top = max(held)
        great[key] = [(c, _cell(c)) if _great_city(c) and c.form == "alt" else None for c in cands]
        for c, s in zip(cands, held):
            weight = math.exp(sharpness * (s - top))
            if _great_city(c) and weight >= PAIR_MIN_WEIGHT:
                cell = cells[_cell(c)]
                cell[(key, c.place.id)] = max(cell.get((key, c.place.id), 0.0), weight)
    if len(great) < 2:
        return {}
    return {key: tuple(_pair_support(key, reading, cells) for reading in readings) for key, readings in great.items()}


def _pair_support(key: tuple, reading, cells: dict) -> float:
    """The strongest weight of one other name's great city around ``reading``'s cell (another place than it)."""
    if reading is None:
        return 0.0
    c, (y, x) = reading
    best = 0.0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for (other, pid), weight in cells.get((y + dy, x + dx), {}).items():
                if other != key and pid != c.place.id:
                    best = max(best, weight)
    return best


def with_pairs(support: dict, pairs: dict) -> dict:
    """The neighbour support (per name, per reading) with the great-city pair support added."""
    if not pairs:
        return support
    out = dict(support)
    for key, extra in pairs.items():
        base = out.get(key) or (0.0,) * len(extra)
        out[key] = tuple(a + b for a, b in zip(base, extra))
    return out


#: A namesake this near a big city the article names is a local story's town ("Paris" beside "Dallas": Paris,
#: Texas, 150 km away), and that city's votes are a cue for it.
LOCAL_KM = 200.0


def named_bare(c: Candidate) -> bool:
    """Whether a reading is a city news names bare (:data:`WELL_KNOWN`, by its own name)."""
    return c.population >= WELL_KNOWN and c.place.kind == "city" and c.form == "name" and not c.fuzzy


#: A big city's reading this many times as likely as the next of its name leads clearly: "Atlanta" (510,000 people)
#: against its villages in Texas, Indiana and Michigan, though its share stays below the resolver's confidence.
CLEAR_LEAD = 3.0


def leading_big_city(choice) -> bool:
    """Whether a name's choice (``readings.Choice``) leads with a big city named bare (:func:`named_bare`) at least
    :data:`CLEAR_LEAD` times as likely as its next reading. Its many small namesakes keep such a city's share low
    ("Atlanta" 0.46 alone, "Houston" 0.38), yet news that names it bare means it, and its country and its point
    are a cue for the article's other towns (``Resolver._context``): "met in Dublin and married in Atlanta" is
    Dublin, Georgia, 190 km away, not the bigger Dublin of California. Its state is not counted as a state named
    in the article is: one "Dallas" in a story of Santa Clara, California, made it the Texan village. Split names
    ("Jackson", "Albany", "Edmonton" of Alberta and of London) are no cue."""
    best, p = choice.best
    if best is None or not named_bare(best):
        return False
    second = max((q for c, q in zip(choice.candidates, choice.probabilities) if c is not best), default=0.0)
    return p >= CLEAR_LEAD * second


def great_by_name(c: Candidate) -> bool:
    """Whether a reading is a great city (:data:`METROPOLIS`) by its own name."""
    return c.form == "name" and _great_city(c)


def _great_by_name(alone) -> bool:
    """Whether a name's choice alone (before context) leads with a great city by its own name."""
    best = alone.best[0] if alone is not None else None
    return best is not None and great_by_name(best)


def other_cities(key: tuple, alone, bare: dict) -> set:
    """The names whose votes say nothing about where ``key`` lies: when the name's reading alone (``alone``, its
    choice before context) is a great city by its own name (:data:`METROPOLIS`), the other names whose answers
    are big cities named bare (``bare``, :func:`bare_cities`) in another country. Big cities
    are named bare across borders ("grew up in Toronto and now lives in Miami", "flights from Paris to Dallas"):
    one of them is no cue that the metropolis is its small namesake in the other's country (Toronto, Ohio;
    Houston, Scotland beside "London"), unless a namesake lies near one of them (:data:`LOCAL_KM`): then none is
    left out. A state, a country or a small town named in the article still is a cue."""
    if not bare or not _great_by_name(alone):
        return set()
    cc = alone.best[0].place.country_code
    others = {k for k, (other_cc, *_) in bare.items() if k != key and other_cc != cc}
    if any(_namesake_near(alone.candidates, bare[k][0], bare[k][4]) for k in others):
        return set()  # all or none: leaving out the others' votes would raise the near one's share
    return others


def _namesake_near(candidates, cc: str, point: tuple[float, float]) -> bool:
    """Whether a town reading in country ``cc`` lies within :data:`LOCAL_KM` of ``point``."""
    return any(c.place.country_code == cc and c.place.kind in ("city", "admin2")
               and haversine_km(c.place.lat, c.place.lon, *point) <= LOCAL_KM for c in candidates)


def bare_cities(choices: dict, own: dict) -> dict:
    """Per name whose answer in a pass (``choices``) is a big city named bare (:func:`named_bare`): its votes as
    the resolver's context counts them (``own``: country, votes, state, votes) and the city's point."""
    out = {}
    for key, choice in choices.items():
        best = choice.best[0]
        if best is not None and key in own and named_bare(best):
            out[key] = (*own[key], (best.place.lat, best.place.lon))
    return out


def discounted(evidence: dict, key: tuple, alone, context: dict) -> dict:
    """``evidence`` (``Resolver._evidence``) without the country's and the state's votes of the names
    :func:`other_cities` finds for ``key`` in a pass's ``context`` (its choices and votes). Their places still
    count: a small namesake near one of them is a local story's town ("Paris" in a Texas story that names Dallas,
    "London" beside "Toronto")."""
    if not _great_by_name(alone) or "choices" not in context:
        return evidence  # most names: the votes are gathered only for a great city's name
    bare = bare_cities(context["choices"], context["own"])
    others = other_cities(key, alone, bare)
    if not others:
        return evidence
    countries, admins = Counter(evidence["countries"]), Counter(evidence["admins"])
    country_total, admin_total = evidence["country_total"], evidence["admin_total"]
    for k in others:
        cc, votes, admin, n, _ = bare[k]
        countries[cc] -= votes
        country_total -= votes
        if admin:
            admins[admin] -= n
            admin_total -= n
    return {**evidence, "countries": countries, "admins": admins, "country_total": country_total,
            "admin_total": admin_total}
