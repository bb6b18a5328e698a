"""Country outlines for the map's base layer: what the map shows when no tile can load.

Built once from the country polygons the offline gazetteer also uses (the ``countryinfo`` package),
coarsened to 0.1 degree (about 11 km, plenty for a base layer and about 1 MB for the world) and cached
as ``DATA_DIR/assets/outlines-2.json``. A polygon that is only a bounding box (``countryinfo`` ships Palestine's
as the rectangle from 34.3 to 35.5 E, 31.2 to 32.4 N, across Israel, the West Bank and Gaza) is no country's shape:
it is left out, and the map shows no outline there rather than a wrong one.

>>> fc = country_outlines("cache")             # doctest: +SKIP
>>> fc["type"], len(fc["features"]) > 200       # doctest: +SKIP
('FeatureCollection', True)
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PRECISION = 1  # decimal places kept in outline coordinates
FORMAT = 2


def outlines_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / "assets" / f"outlines-{FORMAT}.json"


def country_outlines(data_dir: str | Path) -> dict[str, Any]:
    """A FeatureCollection of every country's outline (cached after the first call)."""
    path = outlines_path(data_dir)
    if path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):  # a damaged cache file is rebuilt, never fatal
            pass
    collection = {"type": "FeatureCollection", "features": list(_features())}
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary file of this process's own: two processes building at once cannot mix their writes.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as tmp:
        tmp.write(json.dumps(collection, separators=(",", ":")))
    Path(tmp.name).replace(path)
    return collection


def _features() -> Iterator[dict[str, Any]]:
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        name = path.stem
        features = (record.get("geoJSON") or {}).get("features") or []
        if not features:
            continue
        geometry = coarsen(features[0]["geometry"])
        if geometry and not bounding_box(geometry):
            yield {"type": "Feature", "geometry": geometry,
                   "properties": {"name": record.get("name", name), "iso": record.get("ISO", {}).get("alpha2")}}


def coarsen(geometry: dict[str, Any], precision: int = PRECISION) -> dict[str, Any] | None:
    """A Polygon or MultiPolygon with rounded coordinates, repeated points and degenerate rings dropped."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = [rings for rings in ([_ring(r, precision) for r in poly] for poly in polygons) if rings and rings[0]]
    kept = [[r for r in rings if r] for rings in kept]
    if not kept:
        return None
    return {"type": "MultiPolygon", "coordinates": kept}


def bounding_box(geometry: dict[str, Any]) -> bool:
    """Whether every outer ring of a Polygon or MultiPolygon is an axis-aligned rectangle: a box around a country,
    not its shape."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return all(_rectangle(rings[0]) for rings in polygons if rings)


def _rectangle(ring: list[list[float]]) -> bool:
    """Four corners, each a pair of the ring's two longitudes and two latitudes (a right triangle has three)."""
    corners = {(point[0], point[1]) for point in ring}
    return len(corners) == 4 and corners == {(x, y) for x, _ in corners for _, y in corners}


def _ring(ring: list[list[float]], precision: int) -> list[list[float]] | None:
    out: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [round(lon, precision), round(lat, precision)]
        if not out or out[-1] != point:
            out.append(point)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out
