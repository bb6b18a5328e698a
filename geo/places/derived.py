"""Places made from other places: a part of one ("southern Lebanon") and the border between two ("the
Lebanon-Israel border"), with a point and, where the sources have polygons, a shape.
"""
from __future__ import annotations

import json
import re

from geo.places.readings import prior
from geo.records import Place

__all__ = ["border_between", "border_place", "direction_of", "directional_place"]


def border_between(text: str, gazetteer) -> Place | None:
    """The border a mention names ("Lebanon-Israel border", "the Syria/Turkey frontier"): between the country or
    state each side names (the likeliest by prior), or None when a side names none."""
    sides = re.split(r"\s*[-\u2013/]\s*", re.sub(r"\s+(border|frontier)$", "", text), maxsplit=1)
    places = [_best_big(side, gazetteer) for side in sides]
    if len(places) != 2 or None in places:
        return None
    return border_place(*places)


def _best_big(name: str, gazetteer) -> Place | None:
    cands = [c for c in gazetteer.candidates(name, fuzzy=False) if c.place.kind in ("country", "admin1")]
    if not cands:
        return None
    best = max(cands, key=prior)
    return gazetteer.place(best.place.id) or best.place


def direction_of(text: str) -> str:
    """The direction a directional mention opens with: "Northeast Georgia" -> "northeast", "upstate" -> "north"."""
    word = text.split()[0].lower()
    for stem in ("northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west", "central"):
        if word.startswith(stem):
            return stem
    return {"upstate": "north", "downstate": "south"}.get(word, "central")


DIRECTION_ADJECTIVES = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
                        "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern",
                        "southwest": "southwestern", "central": "central"}
_PARTS = {"north": (0, 2 / 3, 1, 1), "south": (0, 0, 1, 1 / 3), "east": (2 / 3, 0, 1, 1), "west": (0, 0, 1 / 3, 1),
          "northeast": (0.5, 0.5, 1, 1), "northwest": (0, 0.5, 0.5, 1), "southeast": (0.5, 0, 1, 0.5),
          "southwest": (0, 0, 0.5, 0.5), "central": (1 / 3, 1 / 3, 2 / 3, 2 / 3)}


def directional_place(parent: Place, direction: str) -> Place:
    """ "southern Lebanon": the part of the parent's polygon in that third of its bounding box,
    with a representative point inside it (never the parent's centroid). Without a polygon,
    the parent's point is shifted a little towards the direction."""
    pid = parent.country_code if parent.kind == "country" else parent.id
    name = f"{DIRECTION_ADJECTIVES[direction]} {parent.name}"
    if parent.geometry:
        from shapely.errors import GEOSException
        from shapely.geometry import box, mapping
        from shapely.validation import make_valid

        poly = _shape(parent.geometry)
        x0, y0, x1, y1 = poly.bounds
        fx0, fy0, fx1, fy1 = _PARTS[direction]
        try:
            part = make_valid(poly).intersection(box(x0 + fx0 * (x1 - x0), y0 + fy0 * (y1 - y0),
                                                     x0 + fx1 * (x1 - x0), y0 + fy1 * (y1 - y0)))
        except GEOSException:  # a broken source polygon: fall back to the shifted point below
            part = box(0, 0, 0, 0)
        if not part.is_empty:
            point = part.representative_point()
            return Place(id=f"dir:{direction}:{pid}", name=name, kind="region", lat=point.y, lon=point.x,
                         country_code=parent.country_code, geometry=json.dumps(mapping(part)))
    dy = {"north": 0.3, "south": -0.3}.get(direction[:5], 0.0)
    dx = 0.3 if "east" in direction else -0.3 if "west" in direction else 0.0
    return Place(id=f"dir:{direction}:{pid}", name=name, kind="region", lat=parent.lat + dy, lon=parent.lon + dx,
                 country_code=parent.country_code)


def border_place(a: Place, b: Place) -> Place:
    """The border between two places: the middle of their shared boundary (or of the gap)."""
    codes = sorted(filter(None, (a.country_code, b.country_code)))
    pid = f"border:{'-'.join(codes)}" if a.kind == b.kind == "country" else f"border:{a.id}:{b.id}"
    lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
    geometry = None
    if a.geometry and b.geometry:
        from shapely.geometry import mapping
        from shapely.ops import nearest_points

        pa, pb = _shape(a.geometry), _shape(b.geometry)
        shared = pa.buffer(0.05).intersection(pb.buffer(0.05))
        if not shared.is_empty:
            point = shared.representative_point()
            geometry = json.dumps(mapping(shared))
        else:
            p1, p2 = nearest_points(pa, pb)
            point = type(p1)((p1.x + p2.x) / 2, (p1.y + p2.y) / 2)
        lat, lon = point.y, point.x
    return Place(id=pid, name=f"{a.name}-{b.name} border", kind="region", lat=lat, lon=lon,
                 country_code=None, geometry=geometry)


def _shape(geometry: str):
    """A valid shapely geometry from GeoJSON text (some source polygons self-intersect)."""
    from shapely.geometry import shape
    from shapely.validation import make_valid

    return make_valid(shape(json.loads(geometry)))
