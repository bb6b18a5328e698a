"""The contextual score of a name's readings: the article's evidence for all the readings of one name in one pass
(:func:`contextual`), read from what is kept with the readings (:func:`rows`).

This is the score's one definition. It is written for a name's readings at once rather than for one reading at a
time because the work that depends on nothing but the reading (its country and state, its kind, its point's
trigonometry) is then done once per name, when its readings are kept, instead of once per reading and pass.
Terms are added in a fixed order, and a term that does not apply is not added (``x + 0.0`` is ``x``), so the sums
do not depend on how the readings are grouped; ``tests/test_resolution_speed.py`` holds the reading-at-a-time
form as an oracle and checks the two float for float on random evidence. A name with many towns is measured
against the other places as arrays (:func:`_near_bonuses`), which decides only on which side of a limit a distance
lies.
"""
from __future__ import annotations

import math
from typing import NamedTuple, Sequence

import numpy as np

from geo.places import readings
from geo.places.gazetteer import Candidate
from geo.places.points import FAR_MARGIN, KM_PER_DEGREE_AT_MOST, prepared

LOCAL_KINDS = readings.LOCAL_KINDS  # towns and counties: their nearness to the other places counts
EARTH_KM = 6371.0
NEAR_KM = 1000.0  # nearer than this, a town gains (see near_bonuses)
_FAR_DEGREES = NEAR_KM / KM_PER_DEGREE_AT_MOST
ARRAY_PAIRS = 64  # towns x other places above which distances are measured as arrays (below, a loop is quicker)
NEAR_LIMITS = np.array([50.0, 200.0, NEAR_KM])
_BONUSES = np.array([1.5, 1.0, 0.3, 0.0])  # nearest below each of NEAR_LIMITS, and beyond them all
NEAR_GUARD_KM = 1e-6  # far more than the few ulps by which a vectorised sine may differ from math.sin
_FAR_ACROSS = math.sin(NEAR_KM / (2 * EARTH_KM)) ** 2 * FAR_MARGIN


class Weights(NamedTuple):
    country_present: float
    country_weight: float
    named_bonus: float
    named_min: int
    admin_present: float
    admin_weight: float


class Rows(NamedTuple):
    """What the contextual score reads of a name's readings, grouped by what the article's evidence is counted by:
    each term is worked out once per country or state of the readings and added to the readings in it, not worked
    out per reading (kept with the readings for as long as the name is, so as few objects as will do: shared
    strings, small ints, one array)."""

    size: int  # readings
    countries: tuple  # (country code, the readings in it), per country of the readings
    named: tuple  # (country code, the readings in it that are not the country itself)
    admins: dict  # state id: the readings that are it or lie in it, but a town named like a state of its own country
    supra: tuple[int, ...]  # in no country, and water, a continent or a region: the most voted country counts
    index: tuple[int, ...]  # the towns and counties (their nearness to the other places counts)
    points: tuple[np.ndarray, np.ndarray]  # their points, from towns()


def towns(points: Sequence[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """Prepared points (points.prepared: lat, lon, lat in radians, its cosine), one row each, and their longitudes
    and latitudes in radians, halved, as :func:`_near_bonuses` reads them (kept with the name, not worked out at
    each pass)."""
    array = np.array(points, dtype=float).reshape(-1, 4)
    return array, array[:, 1:3] * _HALF


def rows(candidates: Sequence[Candidate], states: frozenset, supranational: tuple[str, ...]) -> Rows:
    """A name's readings as :class:`Rows`; ``states``: the countries with a state of the name."""
    countries, named, admins = {}, {}, {}
    supra = []
    for i, c in enumerate(candidates):
        kind, cc = c.place.kind, c.place.country_code
        admin = c.place.id if kind == "admin1" else c.admin1
        if cc:
            countries.setdefault(cc, []).append(i)
            if kind != "country":
                named.setdefault(cc, []).append(i)
        elif kind in supranational:
            supra.append(i)
        if admin and not (kind in LOCAL_KINDS and cc in states):
            admins.setdefault(admin, []).append(i)
    index = tuple(i for i, c in enumerate(candidates) if c.place.kind in LOCAL_KINDS)
    points = [prepared(candidates[i].place.lat, candidates[i].place.lon) for i in index]
    return Rows(len(candidates), _groups(countries), _groups(named), dict(_groups(admins)), tuple(supra), index,
                towns(points))


def _groups(by: dict) -> tuple:
    return tuple((k, tuple(v)) for k, v in by.items())


def contextual(name: Rows, evidence: dict, weights: Weights) -> list[float]:
    """The contextual score of each reading: the evidence of the *other* names of the article (``evidence``, from
    ``Resolver._evidence``), term by term:

    - its country's votes: a name's own first answer is left out, or "Georgia" (the country, by prior) would vote
      for itself in an article about Atlanta and Macon. A reading in no country that is water, a continent or a
      region takes the most voted country's: the Pacific is as near a US story as Pacific, Missouri;
    - its country named outright, for a reading that is not the country itself: country votes count every place
      of a country, and a country the article names again and again is a stronger cue than one its cities
      imply: "London" in a story that thanks Canada three times and speaks of Aleppo and Syria is London,
      Ontario, not the capital of a country the story never names. Both readings gain when both are named;
    - its state's votes, except for a town named like a state of its own country: "Oklahoma" in a
      story that also names Pennsylvania is not Oklahoma, Pennsylvania (a qualifier, "Oklahoma, Pa.", still is).
      Towns named like foreign countries (Lebanon, Pennsylvania) keep it: local news means them;
    - for a town or county, its nearness to the other names' places (:func:`near_bonuses`).
    """
    own_cc, cc_votes, own_admin, n = evidence["own_cc"], evidence["cc_votes"], evidence["own_admin"], evidence["n"]
    countries, admins, named = evidence["countries"], evidence["admins"], evidence["named"]
    named_cc, named_n, anchors = evidence["named_cc"], evidence["named_n"], evidence["anchors"]
    country_total, admin_total = max(evidence["country_total"], 1), max(evidence["admin_total"], 1)
    out = [0.0] * name.size  # per reading, its terms in the order above (one that does not apply is not added)
    for cc, group in name.countries:
        votes = countries.get(cc, 0) - (cc_votes if cc == own_cc else 0)
        if votes > 0:
            _add(out, group, weights.country_present + weights.country_weight * votes / country_total)
    if name.supra:
        votes = max((v - (cc_votes if k == own_cc else 0) for k, v in countries.items()), default=0)
        if votes > 0:
            _add(out, name.supra, weights.country_present + weights.country_weight * votes / country_total)
    for cc, group in name.named:
        if named.get(cc, 0) - (named_n if named_cc == cc else 0) >= weights.named_min:
            _add(out, group, weights.named_bonus)
    ours = name.admins
    for admin, group in (((a, ours.get(a)) for a in admins) if len(admins) < len(ours) else ours.items()):
        votes = admins.get(admin, 0) - (n if admin == own_admin else 0) if group else 0
        if votes > 0:
            _add(out, group, weights.admin_present + weights.admin_weight * votes / admin_total)
    if anchors and name.index:
        near = _near_bonuses(name, anchors) if len(name.index) * len(anchors) > ARRAY_PAIRS else near_bonuses(
            name.points[0].tolist(), anchors)
        for i, bonus in zip(name.index, near):
            if bonus:
                out[i] += bonus
    return out


def _add(out: list, group: tuple, term: float) -> None:
    for i in group:
        out[i] += term


def _near_bonuses(name: Rows, anchors: Sequence[tuple]) -> list[float]:
    """:func:`near_bonuses` of the name's towns and counties (in the order of ``name.index``), the distances measured
    as arrays: only whether the nearest is within 50, 200 or 1,000 km counts, and the haversine term grows with the
    distance, so the nearest anchor's term is placed among the terms of those distances (:data:`_EDGES`) without an
    arcsine. A town whose nearest lies within a hair of one of these limits (the bands of :data:`_DOUBT_TERMS`,
    where the last bit of a vectorised sine could matter) is measured again by :func:`near_bonus`."""
    points, halves = name.points
    there = np.array(anchors, dtype=float)
    term = np.sin(there[:, 1:3] * _HALF - halves[:, None, :])  # per town and anchor: (longitude, latitude)
    term *= term
    nearest = term[:, :, 0]
    nearest *= points[:, 3, None]
    nearest *= there[:, 3]
    nearest += term[:, :, 1]
    where = np.searchsorted(_EDGES, nearest.min(axis=1), side="right")
    bonus = _BONUS_BETWEEN[where].tolist()
    doubtful = where & 1
    if not doubtful.any():
        return bonus
    listed = points.tolist()
    return [near_bonus(listed[j], anchors) if doubt else b for j, (b, doubt) in enumerate(zip(bonus, doubtful))]


def _term(km: float) -> float:
    """The haversine term of a distance: what :func:`near_bonuses` takes the arcsine of."""
    return math.sin(km / (2 * EARTH_KM)) ** 2


_HALF = np.array([math.pi / 360, 0.5])  # degrees of longitude and radians of latitude to halved radians
_DOUBT_TERMS = np.array([[_term(km - NEAR_GUARD_KM) for km in NEAR_LIMITS],  # a term in one of these bands is
                         [_term(km + NEAR_GUARD_KM) for km in NEAR_LIMITS]])  # within a hair of a limit
# The bands' edges in one sorted array, each band's upper edge taken one float up so that a band holds both its
# edges: a term's place among them is odd inside a band (doubtful) and 2k between bands, where k limits lie below it
# (the bonus is then _BONUSES[k], as for a search of the limits' own terms: each lies inside its band).
_EDGES = np.array([edge for low, high in _DOUBT_TERMS.T for edge in (low, np.nextafter(high, np.inf))])
_BONUS_BETWEEN = np.array([b for bonus in _BONUSES for b in (bonus, math.nan)][:-1])


def near_bonus(point: tuple, anchors: Sequence[tuple]) -> float:
    """:func:`near_bonuses` of one town."""
    return near_bonuses((point,), anchors)[0]


def near_bonuses(points: Sequence[tuple], anchors: Sequence[tuple]) -> list[float]:
    """The bonus of each town (a prepared point) near the other names' places (``anchors``): a local story's places
    lie together, so Paris near Dallas and Houston is Paris, Texas. 1.5 within 50 km of the nearest anchor, 1.0
    within 200, 0.3 within 1,000, else 0. The distances are :func:`geo.places.points.nearest_km`'s, with its
    cuts: anchors beyond 1,000 km by latitude or by the longitude term alone are not measured (they cannot change
    the bonus), and the first within 50 km ends it."""
    sin, radians, asin, sqrt = math.sin, math.radians, math.asin, math.sqrt
    out = []
    for lat, lon, p1, cos1 in points:
        near = math.inf
        for lat2, lon2, p2, cos2 in anchors:
            if abs(lat2 - lat) > _FAR_DEGREES:
                continue
            across = cos1 * cos2 * sin(radians(lon2 - lon) / 2) ** 2
            if across > _FAR_ACROSS:
                continue
            km = 2 * EARTH_KM * asin(min(1.0, sqrt(sin((p2 - p1) / 2) ** 2 + across)))
            if km < near:
                near = km
                if near < 50:
                    break
        out.append(1.5 if near < 50 else 1.0 if near < 200 else 0.3 if near < 1000 else 0.0)
    return out
