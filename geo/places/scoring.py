"""The article's evidence for all the readings of one name in one pass, scored in one loop over the name's kept rows.

:meth:`geo.places.resolution.Resolver._contextual` is the reading-at-a-time definition; :func:`contextual` gives
the same float for every reading, to the last bit (``tests/test_resolution_speed.py`` checks both on random
evidence). What it saves is the work that depends on nothing but the reading (its country and state, its kind,
its point's trigonometry), done once per name when its readings are kept (:func:`rows`) instead of once per
reading and pass, and the call per reading. Terms are added in the same order, and a term that does not apply
is not added (``x + 0.0`` is ``x``), so the sums are the same bits.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import NamedTuple, Sequence

import numpy as np

from geo.places import readings
from geo.places.gazetteer import Candidate
from geo.places.points import FAR_MARGIN, KM_PER_DEGREE_AT_MOST, prepared

LOCAL_KINDS = readings.LOCAL_KINDS  # towns and counties: their nearness to the other places counts
EARTH_KM = 6371.0
NEAR_KM = 1000.0  # nearer than this, a town gains (see near_bonus)
_FAR_DEGREES = NEAR_KM / KM_PER_DEGREE_AT_MOST
ARRAY_PAIRS = 128  # towns x other places above which distances are measured as arrays (below, a loop is quicker)
NEAR_LIMITS = np.array([50.0, 200.0, NEAR_KM])
NEAR_GUARD_KM = 1e-6  # far more than the few ulps by which a vectorised sine may differ from math.sin
_FAR_ACROSS = math.sin(NEAR_KM / (2 * EARTH_KM)) ** 2 * FAR_MARGIN


class Weights(NamedTuple):
    country_present: float
    country_weight: float
    named_bonus: float
    named_min: int
    admin_present: float
    admin_weight: float


class Row(NamedTuple):
    """What the contextual score reads of one reading."""

    cc: str | None
    admin: str | None  # the reading's own id if it is a state, else its state's
    named_ok: bool  # has a country and is not one: gains when another name is that country
    supra: bool  # in no country, and water, a continent or a region: the most voted country counts
    admin_ok: bool  # not a town named like a state of its own country
    point: tuple | None  # a town's or county's point, prepared (points.prepared)


class Rows(NamedTuple):
    """A name's :class:`Row` s, and the prepared points of its towns and counties as arrays (``index``: their rows)."""

    rows: tuple[Row, ...]
    index: tuple[int, ...]
    points: np.ndarray  # one (lat, lon, lat in radians, its cosine) per town or county


def rows(candidates: Sequence[Candidate], states: frozenset, supranational: tuple[str, ...]) -> Rows:
    """A name's readings as :class:`Row` s; ``states``: the countries with a state of the name."""
    out = []
    for c in candidates:
        place, cc = c.place, c.place.country_code
        out.append(Row(cc, place.id if place.kind == "admin1" else c.admin1, bool(cc) and place.kind != "country",
                       not cc and place.kind in supranational, not (place.kind in LOCAL_KINDS and cc in states),
                       prepared(place.lat, place.lon) if place.kind in LOCAL_KINDS else None))
    index = tuple(i for i, row in enumerate(out) if row.point is not None)
    return Rows(tuple(out), index, np.array([out[i].point for i in index], dtype=float).reshape(-1, 4))


def contextual(name: Rows, evidence: dict, weights: Weights) -> list[float]:
    """The contextual score of each reading (see ``Resolver._contextual``; ``evidence`` from ``Resolver._evidence``)."""
    own_cc, cc_votes, own_admin, n = evidence["own_cc"], evidence["cc_votes"], evidence["own_admin"], evidence["n"]
    countries, admins, named = evidence["countries"], evidence["admins"], evidence["named"]
    named_cc, named_n, anchors = evidence["named_cc"], evidence["named_n"], evidence["anchors"]
    country_total, admin_total = max(evidence["country_total"], 1), max(evidence["admin_total"], 1)
    near = _near_bonuses(name, anchors) if len(name.index) * len(anchors) > ARRAY_PAIRS else None
    out = []
    for i, (cc, admin, named_ok, supra, admin_ok, point) in enumerate(name.rows):
        score = 0.0
        votes = countries.get(cc, 0) - (cc_votes if cc == own_cc else 0) if cc else 0
        if supra:
            votes = max((v - (cc_votes if k == own_cc else 0) for k, v in countries.items()), default=0)
        if votes > 0:
            score += weights.country_present + weights.country_weight * votes / country_total
        if named_ok and named.get(cc, 0) - (named_n if named_cc == cc else 0) >= weights.named_min:
            score += weights.named_bonus
        votes = admins.get(admin, 0) - (n if admin == own_admin else 0) if admin else 0
        if votes > 0 and admin_ok:
            score += weights.admin_present + weights.admin_weight * votes / admin_total
        if point is not None:
            score += near[i] if near is not None else near_bonus(point, anchors)
        out.append(score)
    return out


def _near_bonuses(name: Rows, anchors: Sequence[tuple]) -> dict:
    """:func:`near_bonus` of each of the name's towns and counties (by row), the distances measured as arrays: only
    whether the nearest is within 50, 200 or 1,000 km counts, so a town whose nearest lies within a hair of one of
    these limits (where the last bit of a vectorised sine could matter) is measured again by :func:`near_bonus`."""
    lat, lon, p1, cos1 = name.points.T
    lat2, lon2, p2, cos2 = np.array(anchors, dtype=float).T
    across = cos1[:, None] * cos2 * np.sin(np.radians(lon2 - lon[:, None]) / 2) ** 2
    km = 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(np.sin((p2 - p1[:, None]) / 2) ** 2 + across)))
    near = km.min(axis=1)
    bonus = np.select([near < 50, near < 200, near < NEAR_KM], [1.5, 1.0, 0.3], 0.0).tolist()
    doubtful = (np.abs(near[:, None] - NEAR_LIMITS).min(axis=1) < NEAR_GUARD_KM).tolist()
    return {i: near_bonus(name.rows[i].point, anchors) if doubt else b
            for i, b, doubt in zip(name.index, bonus, doubtful)}


def near_bonus(point: tuple, anchors: Sequence[tuple]) -> float:
    """``Resolver._nearness`` of a prepared point: 1.5 within 50 km of the nearest anchor, 1.0 within 200, 0.3
    within 1,000, else 0. The distances are :func:`geo.places.points.nearest_km`'s, with its cuts: anchors beyond
    1,000 km by latitude or by the longitude term alone are not measured, and the first within 50 km ends it."""
    lat, lon, p1, cos1 = point
    near = math.inf
    for lat2, lon2, p2, cos2 in anchors:
        if abs(lat2 - lat) > _FAR_DEGREES:
            continue
        across = cos1 * cos2 * math.sin(math.radians(lon2 - lon) / 2) ** 2
        if across > _FAR_ACROSS:
            continue
        km = 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(math.sin((p2 - p1) / 2) ** 2 + across)))
        if km < near:
            near = km
            if near < 50:
                return 1.5
    return 1.0 if near < 200 else 0.3 if near < 1000 else 0.0


class Local(NamedTuple):
    """What the neighbour support (``readings.neighbours``) reads of a name's readings, kept with them."""

    big: bool  # a name of a country or state: neither gets nor gives the support
    cells: tuple  # per reading, its grid cell if it is a town or county, else None
    weights: tuple  # (cell, weight) of the readings that support others before any pass (by their priors)


def local(candidates: Sequence[Candidate]) -> Local:
    cells = tuple(readings.cell(c.place.lat, c.place.lon) if c.place.kind in LOCAL_KINDS else None
                  for c in candidates)
    return Local(readings.names_a_big_place(candidates), cells,
                 _weights(cells, [readings.prior(c) for c in candidates]) if candidates else ())


def _weights(cells: tuple, held: Sequence[float]) -> tuple:
    """(cell, weight) of the readings strong enough to support others, the strongest per cell, as
    ``readings.neighbours`` weighs them from their strengths ``held``."""
    top = max(held)
    out: dict = {}
    for cell, s in zip(cells, held):
        if cell is not None:
            weight = math.exp(readings.NEIGHBOUR_SHARPNESS * (s - top))
            if weight >= readings.NEIGHBOUR_MIN_WEIGHT:
                out[cell] = max(out.get(cell, 0.0), weight)
    return tuple(out.items())


def neighbours(names: dict, choices: dict | None = None, only=None) -> dict:
    """``readings.neighbours`` of the names (key -> its kept readings, with ``local``), the same support to the last
    bit: before any pass, from the weights kept with each name; after a pass (``choices``), from each reading's
    share there (``readings.shares``). ``only``: the names whose support is wanted (all by default)."""
    pool = {key: name.local for key, name in names.items() if name.candidates and not name.local.big}
    if len(pool) < 2:
        return {}
    cells: dict = defaultdict(dict)
    for key, name in pool.items():
        weights = name.weights if choices is None else _weights(name.cells, _shares(names[key].candidates,
                                                                                     choices.get(key)))
        for cell, weight in weights:
            cells[cell][key] = weight
    around = readings.around(cells)
    return {key: tuple(_support(key, around.get(cell)) if cell is not None else 0 for cell in name.cells)
            for key, name in pool.items() if only is None or key in only}


def _support(key: tuple, near: list | None) -> float:
    """``readings.support``, without the call for a reading that only its own name's readings lie around (most)."""
    if not near or len(near) == 1 and len(near[0]) == 1 and key in near[0]:
        return 0
    return readings.support(key, near)


def _shares(candidates: Sequence[Candidate], choice) -> list[float]:
    """``readings.shares`` of each reading: the log of its share in ``choice`` (the last of a place read twice),
    -1e9 for a reading the choice left out."""
    logs = {} if choice is None else {c.place.id: math.log(max(p, 1e-9))
                                      for c, p in zip(choice.candidates, choice.probabilities)}
    return [logs.get(c.place.id, -1e9) for c in candidates]
