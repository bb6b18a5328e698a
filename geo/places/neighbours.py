"""The neighbour support: two ambiguous names of one article that can both be read as places next to each other
("Paris" and "Henry County", Tennessee) rarely are so by chance, so each such reading supports the other (one sense
per discourse, applied to the article's places jointly).

What a name's readings give and get depends on their grid cells and their weights, worked out once per name
(:func:`spread`) and kept with its readings; an article's support is gathered per pass (:func:`neighbours`). The
resolver (``geo.places.resolution``) adds it to the readings' scores; the great cities' pairs
(:mod:`geo.places.prominence`) are added to it here.
"""
from __future__ import annotations

import math
from typing import Callable, NamedTuple, Sequence

from geo.places import prominence
from geo.places.gazetteer import Candidate
from geo.places.readings import LOCAL_KINDS, names_a_big_place, prior

__all__ = ["Shares", "Spread", "neighbours", "shares", "spread"]

NEIGHBOUR_CAP = 2  # other names that support a reading, at most
NEIGHBOUR_CELL_DEG = 0.5  # grid cell for "near": readings in the same or an adjacent cell (~50-110 km)
NEIGHBOUR_MIN_WEIGHT = 0.2  # weaker readings (a hamlet against a city of 500,000) give no support
NEIGHBOUR_SHARPNESS = 2.0  # a reading supports with weight exp(2 * (its prior - its name's best prior))

_ROW = 1024  # from a grid cell's number to the next row's: above a row's 720 cells (and one either side), so rows
_AROUND = tuple(dy * _ROW + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1))  # never share a number


def _cell(lat: float, lon: float) -> int:
    """The grid cell of a point, as one int (hashed at once, where a pair of ints is hashed again at each lookup);
    the cells around it are its number plus :data:`_AROUND`."""
    return int(math.floor(lat / NEIGHBOUR_CELL_DEG)) * _ROW + int(math.floor(lon / NEIGHBOUR_CELL_DEG))


Strength = Callable[[tuple, Sequence[Candidate]], list]  # how strongly each of a name's readings is held (logs)


def shares(choices: dict) -> "Shares":
    """The readings' strengths for :func:`neighbours` after a pass: the log of each one's share there (asked only
    for the names that give or get support)."""
    return Shares(choices)


class Shares:
    """:func:`shares`: a :data:`Strength` (called with a name's key and readings), and :meth:`of` for a name's
    :class:`Spread`, which reads the shares by position when the pass ranked the name's readings as kept (the same
    tuple, every place once), instead of by place id: the same logs, without a dictionary per name and pass."""

    def __init__(self, choices: dict) -> None:
        self.choices = choices

    def __call__(self, key: tuple, candidates: Sequence[Candidate]) -> list:
        choice = self.choices[key]
        logs = {c.place.id: math.log(max(p, 1e-9)) for c, p in zip(choice.candidates, choice.probabilities)}
        return [logs.get(c.place.id, -1e9) for c in candidates]

    def of(self, key: tuple, name: "Spread") -> list:
        choice = self.choices[key]
        if choice.candidates is not name.candidates or not name.distinct:
            return self(key, name.candidates)
        log = math.log
        return [log(p if p > 1e-9 else 1e-9) for p in choice.probabilities]


class Spread(NamedTuple):
    """What :func:`neighbours` reads of a name's readings that depends on nothing but the readings: worked out once
    per name (:func:`spread`) and kept with them, not once per pass."""

    candidates: tuple
    big: bool  # a name of a country or a state: neither gets nor gives the support
    great: bool  # a reading is a great city (prominence.great_city_pairs reads only such names)
    cells: tuple  # per reading, its grid cell if it is local (a city or county), else None
    placed: tuple  # (cell, place id, weight by prior) of the local readings that give support before any pass
    distinct: bool  # every reading is another place (a gazetteer lookup gives each place once)
    occupied: tuple  # the cells of its local readings, each once (the cells whose neighbours' weights it looks up)


def spread(candidates: Sequence[Candidate]) -> Spread:
    held = [prior(c) for c in candidates]
    top = max(held, default=0.0)
    cells = tuple(_cell(c.place.lat, c.place.lon) if c.place.kind in LOCAL_KINDS else None for c in candidates)
    weights = [math.exp(NEIGHBOUR_SHARPNESS * (s - top)) for s in held]  # as _placed weighs them after a pass
    return Spread(tuple(candidates), names_a_big_place(candidates), prominence.has_great_city(candidates), cells,
                  tuple((cell, c.place.id, weight) for c, cell, weight in zip(candidates, cells, weights)
                        if cell is not None and weight >= NEIGHBOUR_MIN_WEIGHT),
                  len({c.place.id for c in candidates}) == len(candidates),
                  tuple(dict.fromkeys(cell for cell in cells if cell is not None)))


def _prior_strength(key: tuple, candidates: Sequence[Candidate]) -> list:
    return [prior(c) for c in candidates]


def neighbours(pool: dict[tuple, Spread], strength: Strength | None = None, only=None) -> dict:
    """For each name, per candidate: support from the *other* names of the article that have a
    local reading (city or county) within about 50-110 km of it. Two ambiguous names that can both
    be read as places next to each other ("Paris" and "Henry County", Tennessee) rarely are so by
    chance: one sense per discourse, applied to the article's places jointly. A reading supports
    in proportion to its prior against its name's best reading, so hamlets that happen to be
    neighbours (Atlanta and Macon, Illinois) do not outvote the famous pair (Georgia's); after a
    pass, ``strength`` is its share in that pass instead (see :func:`shares`).
    Names of countries and states ("New York", "Mexico") neither get nor give this support:
    their town namesakes are near everything in a local story. ``only``: the names whose support is wanted (every
    name's readings still give theirs); the others' may be left out."""
    pool = {key: name for key, name in pool.items() if name.candidates and not name.big}
    if len(pool) < 2:
        return {}
    great = {key: name.candidates for key, name in pool.items() if name.great}
    pairs: dict = {}  # none without two names of great cities: not weighed
    if len(great) > 1:
        pairs = prominence.great_city_pairs(great, strength or _prior_strength, NEIGHBOUR_SHARPNESS)
    return prominence.with_pairs(_local_support(pool, strength, only), pairs)


def _local_support(pool: dict, strength: Strength | None, only) -> dict:
    """:func:`neighbours` for local readings (cities and counties) in the same or an adjacent grid cell."""
    cells: dict[int, dict] = {}  # per cell, per name, its readings' weights there
    for key, name in pool.items():
        for cell, place_id, weight in name.placed if strength is None else _placed(key, name, strength):
            names = cells.get(cell)
            if names is None:
                cells[cell] = {key: {place_id: weight}}
            elif key in names:
                names[key][place_id] = weight
            else:
                names[key] = {place_id: weight}
    wanted = {key: name for key, name in pool.items() if only is None or key in only}
    around = _around(cells, frozenset().union(*[name.occupied for name in wanted.values()]))
    return {key: tuple([_support(key, c.place.id, near) if cell is not None and (near := around.get(cell)) else 0
                        for c, cell in zip(name.candidates, name.cells)])
            for key, name in wanted.items()}


#: A strength this far (in logs) below its name's best gives a weight surely under ``NEIGHBOUR_MIN_WEIGHT`` (the
#: margin is far wider than rounding), so :func:`_placed` skips it without its exponential.
_WEAK = math.log(NEIGHBOUR_MIN_WEIGHT) / NEIGHBOUR_SHARPNESS - 1e-9


def _placed(key: tuple, name: Spread, strength: Strength) -> list:
    """:attr:`Spread.placed` after a pass, the readings weighed by ``strength``."""
    held = strength.of(key, name) if isinstance(strength, Shares) else strength(key, name.candidates)
    top = max(held)
    weak = top + _WEAK
    out = []
    for c, cell, s in zip(name.candidates, name.cells, held):
        if cell is not None and s >= weak:
            weight = math.exp(NEIGHBOUR_SHARPNESS * (s - top))
            if weight >= NEIGHBOUR_MIN_WEIGHT:
                out.append((cell, c.place.id, weight))
    return out


def _around(cells: dict, looked_up: frozenset) -> dict:
    """Per grid cell looked up (``looked_up``: the cells of the readings whose support is wanted), the readings'
    weights of it and of the eight cells around it: gathered once per pass from the few cells that hold a reading,
    so each reading looks up one cell instead of nine."""
    around: dict[int, list] = {}
    for cell, weights in cells.items():
        for step in _AROUND:
            if (near := cell + step) in looked_up:
                if near in around:
                    around[near].append(weights)
                else:
                    around[near] = [weights]
    return around


def _support(key: tuple, place_id: str, near: list) -> float:
    """The support of the other names for one reading: their strongest weights in and around its cell
    (``near``, from :func:`_around`), at most ``NEIGHBOUR_CAP`` names. Another name's reading of the same place
    lends none when the names share no words: two names of an article are two places ("Mecca and Medina" are not
    both Medina, Ohio, which GeoNames also calls Mecca); one name written two ways ("ARLINGTON", "Arlington") or
    with and without its unit word ("Plymouth", "Plymouth County") is one."""
    best: dict = {}
    for weights in near:
        for other, readings in weights.items():
            if other == key:
                continue
            if place_id in readings and not _one_name(key[0], other[0]):
                weight = max((w for pid, w in readings.items() if pid != place_id), default=0.0)
            else:
                weight = max(readings.values())
            if weight > best.get(other, 0.0):
                best[other] = weight
    return sum(sorted(best.values(), reverse=True)[:NEIGHBOUR_CAP])


def _one_name(a: str, b: str) -> bool:
    """Whether two normalised names are one name, the shorter opening the longer ("plymouth", "plymouth county")."""
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith(short + " ")
