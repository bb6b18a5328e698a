"""Exports of newsmap data in the formats other tools read: JSON, GeoJSON, CSV.

Each writer takes the export dictionary (``Store.export()`` shape: articles, places,
actors, events) so the whole store, a dashboard view and a frozen snapshot are
exported by the same code. Article text is untrusted: JSON and GeoJSON are encoded
by the json module, CSV quoted by the csv module, and cells that a spreadsheet
would run as a formula are neutralised.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = ("json", "geojson", "csv")
CSV_COLUMNS = ["event_id", "date", "date_precision", "type", "subtype", "hypothetical", "initiators", "targets",
               "other_actors", "places", "latitudes", "longitudes", "article_id", "article_title", "sentence"]


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def to_geojson(data: dict[str, Any]) -> str:
    """A FeatureCollection of the places (RFC 7946: coordinates are [lon, lat])."""
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    events_at: dict[str, list[dict[str, Any]]] = {}
    for e in data.get("events", []):
        for pid in e.get("place_ids", []):
            events_at.setdefault(pid, []).append(e)
    features = [_place_feature(p, events_at.get(p["id"], []), titles, actors)
                for p in data.get("places", []) if p.get("lat") is not None and p.get("lon") is not None]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n"


def _place_feature(place: dict[str, Any], events: list[dict[str, Any]], titles: dict[str, Any],
                   actors: dict[str, str]) -> dict[str, Any]:
    article_ids = list(dict.fromkeys(mn["article_id"] for mn in place.get("mentions", [])))
    actor_ids = list(dict.fromkeys(a for e in events for a in e.get("actor_ids", [])))
    props = {
        "id": place["id"], "name": place["name"], "kind": place["kind"],
        "country_code": place.get("country_code"), "geonameid": place.get("geonameid"),
        "mention_count": len(place.get("mentions", [])), "event_count": len(events),
        "event_ids": [e["id"] for e in events], "event_types": sorted({e["type"] for e in events}),
        "actors": [actors.get(a, a) for a in actor_ids],
        "article_ids": article_ids, "article_titles": [titles.get(a) for a in article_ids],
    }
    geometry = {"type": "Point", "coordinates": [round(place["lon"], 6), round(place["lat"], 6)]}
    return {"type": "Feature", "id": place["id"], "geometry": geometry, "properties": props}


def to_csv(data: dict[str, Any]) -> str:
    """One row per event: date, type, actors by role, places with coordinates, article, sentence."""
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    places = {p["id"]: p for p in data.get("places", [])}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in data.get("events", []):
        writer.writerow({k: _cell(v) for k, v in _event_csv_row(e, titles, actors, places).items()})
    return out.getvalue()


def _event_csv_row(e: dict[str, Any], titles: dict[str, Any], actors: dict[str, str],
                   places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    roles = e.get("actor_roles", {})
    named = lambda ids: "; ".join(actors.get(a, a) for a in ids)  # noqa: E731
    others = [a for r, ids in roles.items() if r not in ("initiator", "target") for a in ids]
    pls = [places[p] for p in e.get("place_ids", []) if p in places]
    return {
        "event_id": e["id"], "date": e.get("date"), "date_precision": e.get("date_precision"),
        "type": e["type"], "subtype": e.get("subtype"), "hypothetical": e.get("hypothetical", False),
        "initiators": named(roles.get("initiator", [])), "targets": named(roles.get("target", [])),
        "other_actors": named(others), "places": "; ".join(p["name"] for p in pls),
        "latitudes": "; ".join(_num(p.get("lat")) for p in pls),
        "longitudes": "; ".join(_num(p.get("lon")) for p in pls),
        "article_id": e["article_id"], "article_title": titles.get(e["article_id"]), "sentence": e.get("sentence"),
    }


def _num(v: Any) -> str:
    return "" if v is None else f"{v:.5f}"


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection) in text cells from articles."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render(data: dict[str, Any], fmt: str) -> str:
    """The export in ``fmt`` (one of FORMATS)."""
    writers = {"json": to_json, "geojson": to_geojson, "csv": to_csv}
    return writers[fmt](data)
