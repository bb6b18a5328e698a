"""Prominent readings: what makes a world city the reading of a name against its small namesakes.

GeoNames keeps the English names of some great cities only as alternate names ("Mecca" and "Medina" of Makkah and
Madinah), while a small town bears them as its own (Mecca, California; Medina, Ohio). Two such names written
together are the two great cities that lie near each other, not two readings of one small town.

The resolver (``geo.places.resolution``) adds this support to the neighbour support of
:func:`geo.places.neighbours.neighbours`.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Callable, Sequence

from geo.places.gazetteer import Candidate

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

