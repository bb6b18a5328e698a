"""Where a place's point goes when the sources give none or a poor one, and the distance between two points.

GeoNames has no point for a subdivision in the pip-shipped packages, so a subdivision's point is
estimated. The middle of the bounding box of the cities in it approximates the middle of
its area (the mean of the cities is pulled towards where people live and misses by hundreds
of km on large provinces), but an outlying town stretches the box. countrystatecity-countries
ships a point per state/province, mostly near the middle of the area but sometimes a
geocoder's point of the largest city (New York at Manhattan). The two estimates err
independently, so a first-level subdivision's point is their midpoint (see
:func:`subdivision_point`); second-level ones keep the box middle. A country's point that lies
off the country is moved onto it (:func:`on_land`).
"""
from __future__ import annotations

import json
import math

__all__ = ["consensus_point", "haversine_km", "nearest_km", "on_land", "prepared", "subdivision_point"]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


KM_PER_DEGREE_AT_MOST = 111.0  # a degree of latitude is 111.19 km: points this many km per degree apart are farther
FAR_MARGIN = 1.0001  # a haversine term this much above the one of ``beyond`` km is beyond it, whatever the rounding


def prepared(lat: float, lon: float) -> tuple[float, float, float, float]:
    """A point for :func:`nearest_km`, with the trigonometry :func:`haversine_km` would redo for it at every
    pair worked out once: (lat, lon, lat in radians, its cosine)."""
    p = math.radians(lat)
    return lat, lon, p, math.cos(p)


def nearest_km(lat: float, lon: float, points, beyond: float = math.inf, within: float = 0.0) -> float | None:
    """The distance from (lat, lon) to the nearest of ``points`` (from :func:`prepared`), the same float
    :func:`haversine_km` gives, or None when there are none. A town is compared with every other place of an
    article in every pass, so the cheap cuts matter: points more than ``beyond`` km away by latitude alone, or
    by the longitude term of the haversine alone (half the pairs of a local US story), are skipped (None when
    all are), and the search stops at the first one within ``within`` km.

    >>> nearest_km(0.0, 0.0, [prepared(0.0, 1.0), prepared(30.0, 0.0)], beyond=1000) == haversine_km(0, 0, 0, 1)
    True
    """
    p1 = math.radians(lat)
    cos1 = math.cos(p1)
    far = beyond / KM_PER_DEGREE_AT_MOST
    far_a = math.sin(beyond / (2 * 6371.0)) ** 2 * FAR_MARGIN if beyond < 10_000 else math.inf
    near = None
    for lat2, lon2, p2, cos2 in points:
        if abs(lat2 - lat) > far:
            continue
        dl = math.radians(lon2 - lon)
        across = cos1 * cos2 * math.sin(dl / 2) ** 2  # haversine_km's second term, computed as there
        if across > far_a:
            continue
        a = math.sin((p2 - p1) / 2) ** 2 + across
        km = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
        if near is None or km < near:
            near = km
            if near < within:
                break
    return near


def consensus_point(estimate: tuple[float, float], other: tuple[float, float] | None) -> tuple[float, float]:
    """The midpoint of two independent estimates of a subdivision's middle; ``estimate`` alone
    when there is no other or the two straddle the antimeridian (their midpoint would be on the
    wrong side of the globe).

    >>> consensus_point((50.0, -80.0), (52.0, -86.0))
    (51.0, -83.0)
    """
    if other is None or abs(estimate[1] - other[1]) > 180:
        return estimate
    return (estimate[0] + other[0]) / 2, (estimate[1] + other[1]) / 2


DISAGREE_KM = 450.0  # two estimates this far apart: at least one is wrong by more than acc@161 allows
EXTENT_TRIM = 0.02  # share of the cities left out at each end of the extent when re-estimating


def _middle(lats: list[float], lons: list[float], trim: float = 0.0) -> tuple[float, float]:
    """The middle of the cities' extent, without the outermost ``trim`` share at each end.

    >>> _middle([0.0] * 99 + [50.0], [10.0] * 99 + [90.0], trim=0.02)
    (0.0, 10.0)
    """
    def mid(values: list[float]) -> float:
        values = sorted(values)
        cut = int(len(values) * trim)
        return (values[cut] + values[len(values) - 1 - cut]) / 2
    return mid(lats), mid(lons)


def subdivision_point(lats: list[float], lons: list[float],
                      other: tuple[float, float] | None) -> tuple[float, float]:
    """A subdivision's point from its cities and an independent estimate (see the module docstring):
    the midpoint of the box middle and ``other``. Where the two lie more than 450 km apart, a
    town the source puts in the wrong province has stretched the box (Hebei's and Jiangsu's
    reach 800-1,100 km west, Tokyo's the Ogasawara islands), or the box straddles the
    antimeridian: the box without its outermost 2% of towns is used if it then agrees with
    ``other`` (within 161 km), else ``other`` alone."""
    box = _middle(lats, lons)
    if other is None or haversine_km(*box, *other) <= DISAGREE_KM:
        return consensus_point(box, other)
    trimmed = _middle(lats, lons, EXTENT_TRIM)
    return consensus_point(trimmed, other) if haversine_km(*trimmed, *other) <= 161.0 else other


OFF_LAND_KM = 50.0  # a country's point farther than this outside its own outline is moved onto it


def on_land(point, geometry: str | None) -> tuple[float, float]:
    """A country's point, moved onto the country when the source puts it more than 50 km outside
    its outline: the CIA Factbook points countryinfo ships put Kuwait in Saudi Arabia and Fiji and
    the Bahamas in open sea, where a map marker says nothing about the country. The new point is
    an interior point of the largest part of the outline (the main island of an archipelago).

    >>> square = '{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}'
    >>> on_land((0.5, 5.0), square), on_land((0.5, 0.5), square)
    ((0.5, 0.5), (0.5, 0.5))
    """
    lat, lon = float(point[0]), float(point[1])
    if not geometry:
        return lat, lon
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points
    from shapely.validation import make_valid

    outline = make_valid(shape(json.loads(geometry)))
    here = Point(lon, lat)
    if outline.contains(here):
        return lat, lon
    edge = nearest_points(outline, here)[0]
    if haversine_km(lat, lon, edge.y, edge.x) <= OFF_LAND_KM:
        return lat, lon
    parts = [g for g in getattr(outline, "geoms", [outline]) if g.geom_type == "Polygon"] or [outline]
    inside = max(parts, key=lambda g: g.area).representative_point()
    return inside.y, inside.x
