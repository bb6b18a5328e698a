"""The GeoJSON export: the places as a FeatureCollection (RFC 7946), with their events, actors and articles.

>>> to_geojson({"places": [{"id": "country:LB", "name": "Lebanon", "kind": "country", "lat": 33.9, "lon": 35.9}]},
...            title="Lebanon")[:30]
'{"type": "FeatureCollection", '
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.records import placed_from_context
from geo.render.exports.common import ExportOptions, json_text, valid_point


def to_geojson(data: Mapping[str, Any], *, title: str | None = None, description: str | None = None) -> str:
    """A FeatureCollection of the places (RFC 7946: WGS84, positions are [lon, lat]), each counting real-world
    events (the mentions of one occurrence count once; ``report_count`` sums their reports).

    ``title`` and ``description`` (of the view or snapshot) travel as foreign members of the collection,
    which RFC 7946 allows; places without valid coordinates are left out.
    """
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    events_at: dict[str, dict[str, dict[str, Any]]] = {}  # place -> occurrence -> its first record there
    for e in data.get("events", []):
        for pid in e.get("place_ids", []):
            events_at.setdefault(pid, {}).setdefault(e.get("occurrence") or e["id"], e)
    features = [_place_feature(p, list(events_at.get(p["id"], {}).values()), titles, actors)
                for p in data.get("places", []) if valid_point(p.get("lat"), p.get("lon"))]
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if title is not None:
        collection["title"] = title
    if description is not None:
        collection["description"] = description
    collection["features"] = features
    return json_text(collection, allow_nan=False) + "\n"


def write(data: Mapping[str, Any], options: ExportOptions) -> bytes:
    return to_geojson(data, title=options.title, description=options.description).encode("utf-8")


def _place_feature(place: Mapping[str, Any], events: list[dict[str, Any]], titles: dict[str, Any],
                   actors: dict[str, str]) -> dict[str, Any]:
    article_ids = list(dict.fromkeys([*(mn["article_id"] for mn in place.get("mentions", [])),
                                      *(e["article_id"] for e in events)]))
    actor_ids = list(dict.fromkeys(a for e in events for a in e.get("actor_ids", [])))
    props = {
        "id": place["id"], "name": place["name"], "kind": place["kind"],
        "country_code": place.get("country_code"), "geonameid": place.get("geonameid"),
        "mention_count": len(place.get("mentions", [])), "event_count": len(events),
        "context_event_count": sum(placed_from_context(e, place["id"]) for e in events),
        "dominant_type": place.get("dominant_type") if events else None,
        "event_ids": [e["id"] for e in events], "event_types": sorted({e["type"] for e in events}),
        "report_count": sum(int(e.get("report_count", 1)) for e in events),
        "event_report_counts": [int(e.get("report_count", 1)) for e in events],
        "actors": [actors.get(a, a) for a in actor_ids],
        "article_ids": article_ids, "article_titles": [titles.get(a) for a in article_ids],
    }
    geometry = {"type": "Point", "coordinates": [round(float(place["lon"]), 6), round(float(place["lat"]), 6)]}
    return {"type": "Feature", "id": place["id"], "geometry": geometry, "properties": props}
