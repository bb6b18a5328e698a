"""What a map frame shows: whether a link's map position (``lat``, ``lon``, ``zoom``) has any of its places in sight.

A link can centre the map where the view has no place (a hand-edited ``?lat=-60&lon=-140``, or a position kept
from another view); the map is then empty and says nothing. :func:`out_of_sight` tells the page, with the
nearest place, so it can say where the places are. The frame is taken generously large (a wide screen), in
Web Mercator as Leaflet draws it, so a place at the edge of a smaller screen does not raise the hint.

>>> places = [{"name": "Beirut", "lat": 33.89, "lon": 35.5}]
>>> out_of_sight(places, 33.9, 35.5, 6) is None
True
>>> out_of_sight(places, -60.0, -140.0, 6)["name"], out_of_sight(places, -60.0, -140.0, 6)["km"] > 10_000
('Beirut', True)
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

TILE = 256  # pixels of the world's width at zoom 0
FRAME = (1600, 1000)  # a wide screen's map frame, in pixels: larger than the dashboard's on any screen
EARTH_KM = 6371.0


def out_of_sight(places: Iterable[Mapping[str, Any]], lat: float, lon: float, zoom: int,
                 frame: tuple[int, int] = FRAME) -> dict[str, Any] | None:
    """None when a place with coordinates is within the frame centred at ``lat``, ``lon`` at ``zoom`` (or the
    view has no place with coordinates); else the nearest place as ``{"name", "id", "km"}``."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    if not located or any(_in_frame(p["lat"], p["lon"], lat, lon, zoom, frame) for p in located):
        return None
    nearest = min(located, key=lambda p: _km(lat, lon, p["lat"], p["lon"]))
    return {"name": nearest.get("name") or nearest.get("id"), "id": nearest.get("id"),
            "km": _km(lat, lon, nearest["lat"], nearest["lon"])}


def _in_frame(lat: float, lon: float, centre_lat: float, centre_lon: float, zoom: int,
              frame: tuple[int, int]) -> bool:
    scale = TILE * 2 ** zoom
    dx = ((lon - centre_lon + 180) % 360 - 180) / 360 * scale  # the shorter way round the date line
    dy = (_mercator(lat) - _mercator(centre_lat)) / (2 * math.pi) * scale
    return abs(dx) <= frame[0] / 2 and abs(dy) <= frame[1] / 2


def _mercator(lat: float) -> float:
    lat = max(-85.05, min(85.05, lat))  # Web Mercator's edge
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
