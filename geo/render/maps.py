"""Folium map builders: one marker per place, polygons for countries and regions, a legend, an outline base.

No Streamlit here: the dashboard, snapshots and the single-file HTML export build the same map from the
view data (:func:`geo.views.state.view_data`). Points are drawn as data, not as one Python object each (see
``docs/benchmarks.md``): the places travel as columns (latitudes, longitudes, radii, colour indexes,
popup parts) that one small loop in the page draws as circles on a canvas. Every string that comes from an article
is HTML-escaped in Python (here, and in :mod:`geo.render.panel`, which words the popups) before it reaches the
page; the JavaScript only joins the strings it is given.

No text from an article ever passes through Jinja: branca makes every element's output a Jinja template
of its own (``MacroElement.render`` wraps each rendered script in a new ``Element``), so a title
``{{ 7*7 }}`` showed 49 and ``{% raw %}`` broke the map. The elements here that carry data render their
script once and add it to the page verbatim (:class:`Verbatim`), and their JSON has no Jinja delimiter
in it (:func:`to_json`), so even a caller that does re-parse (``st_folium`` renders the page once) sees
none.

>>> m = build_map({"places": [], "events": [], "articles": [], "actors": []}, ViewState())
>>> type(m).__name__
'Map'
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.elements import ElementAddToElement
from folium.map import FitBounds
from jinja2 import Template

from geo.render.outlines import bounding_box
from geo.render.panel import popup_parts, render_popup
from geo.render.style import MENTIONED_ONLY, SELECTED_RING, TYPE_COLOURS, type_colour
from geo.settings import PACKAGE_DATA
from geo.views.state import ViewState

DETAIL_AT = 2000  # past this many places popups show counts only (the place panel lists events and articles)
DEFAULT_CENTER = (32.0, 36.0)
DEFAULT_ZOOM = 5
POLYGON_KINDS = ("country", "region", "admin1", "admin2", "continent")
CONTEXT_LEGEND = "events placed from article context only"  # the legend's line for a dashed outline
OUTLINE_STYLE = {"color": "#9a9a9a", "weight": 0.6, "fillColor": "#f4f1ea", "fillOpacity": 1.0}
POLYGON_STYLE = {"color": "#5b7fa6", "weight": 1, "fillColor": "#5b7fa6", "fillOpacity": 0.12}

Data = Mapping[str, Sequence[Mapping[str, Any]]]


def marker_radius(count: int) -> float:
    """Pixel radius of a place's marker: grows with the square root of its events and mentions."""
    return round(min(28.0, 5.0 + 3.0 * math.sqrt(max(count, 0))), 1)


def context_only(place: Mapping[str, Any]) -> bool:
    """True when every event of a place is placed there from article context: the map draws its outline
    dashed."""
    events = int(place.get("event_count") or 0)
    return events > 0 and int(place.get("context_event_count") or 0) >= events


def place_count(place: Mapping[str, Any]) -> int:
    """What a marker's size stands for: the place's events, or its mentions when it has none."""
    return int(place.get("event_count") or 0) or int(place.get("mention_count") or 0)


# -- layers ---------------------------------------------------------------------------------------

def place_columns(data: Data) -> dict[str, Any]:
    """The places with coordinates as columns, what the page's loop draws: ``lat``, ``lon``, radius ``r``,
    colour index ``c`` into ``colours``, ``dash`` (1: every event of the place is placed from article
    context, :func:`context_only`, and its outline is drawn dashed), and the popup parts of
    :func:`geo.render.panel.popup_parts` (``id``, ``name``, kind index ``k`` into ``kinds``, counts line index
    ``n`` into ``counts``, indexes ``t`` into ``lines`` and ``a`` into ``titles``). Repeated strings (colours,
    kinds, counts, event lines, titles) travel once. Every string is escaped HTML already (Leaflet inserts
    tooltips and popups as HTML), and every word is Python's: the page only joins them.
    """
    events = {ev["id"]: ev for ev in data.get("events", [])}
    actor_names = {a["id"]: a["name"] for a in data.get("actors", [])}
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    cols: dict[str, list[Any]] = {k: [] for k in ("lat", "lon", "r", "c", "dash", "id", "name", "k", "n", "t", "a")}
    tables: dict[str, dict[str, int]] = {"colours": {}, "kinds": {}, "counts": {}, "lines": {}, "titles": {}}

    def index(table: str, value: str) -> int:
        return tables[table].setdefault(value, len(tables[table]))

    for p in drawing_order(data.get("places", [])):
        parts = popup_parts(p, events, actor_names, titles)
        cols["lat"].append(round(p["lat"], 5))
        cols["lon"].append(round(p["lon"], 5))
        cols["r"].append(marker_radius(place_count(p)))
        cols["c"].append(index("colours", type_colour(p.get("dominant_type") if p.get("event_count") else None)))
        cols["dash"].append(int(context_only(p)))
        cols["k"].append(index("kinds", parts["k"]))
        cols["n"].append(index("counts", parts["n"]))
        cols["t"].append([index("lines", line) for line in parts["t"]])
        cols["a"].append([index("titles", title) for title in parts["a"]])
        for key in ("id", "name"):
            cols[key].append(parts[key])
    return {**cols, **{name: list(values) for name, values in tables.items()}}


def drawing_order(places: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The places with coordinates, biggest circle first: the page draws them in this order and a click goes to
    the topmost circle under it, so a small place drawn before a big neighbour lay under it, hidden and out of
    reach of the mouse (places came in the order of their ids). The PNG export draws in the same order."""
    drawable = [p for p in places if p.get("lat") is not None and p.get("lon") is not None]
    return sorted(drawable, key=lambda p: -marker_radius(place_count(p)))


def column_popup(columns: Mapping[str, Any], i: int) -> str:
    """The popup of the ``i``-th place of :func:`place_columns`, as the page builds it (``_PLACES_JS``)."""
    return render_popup({"id": columns["id"][i], "name": columns["name"][i], "k": columns["kinds"][columns["k"][i]],
                         "n": columns["counts"][columns["n"][i]],
                         "t": [columns["lines"][j] for j in columns["t"][i]],
                         "a": [columns["titles"][j] for j in columns["a"][i]]})


def polygon_features(data: Data) -> dict[str, Any]:
    """Countries and regions of the view that have a geometry, as light polygons; a geometry that is only a box
    around a country (Palestine's in ``countryinfo``) is no shape of it, and its circle alone shows it."""
    features = []
    for p in data.get("places", []):
        if p.get("kind") in POLYGON_KINDS and p.get("geometry"):
            geometry = json.loads(p["geometry"]) if isinstance(p["geometry"], str) else p["geometry"]
            if bounding_box(geometry):
                continue
            features.append({"type": "Feature", "geometry": geometry,
                             "properties": {"id": p["id"], "name": escape(p["name"])}})
    return {"type": "FeatureCollection", "features": features}


# The places layer's JavaScript (a canvas drawn in one loop from columns; see the file for why).
_PLACES_JS = (PACKAGE_DATA / "places_layer.js").read_text(encoding="utf-8")


def to_json(data: Any) -> str:
    """Compact JSON that is safe inside ``<script>`` and inert for Jinja: ``</`` is broken up so no string
    can close the script, and a ``{`` that would open a Jinja tag (``{{``, ``{%``, ``{#``: only ever inside
    a string, JSON's own braces are never followed by these) is written ``\\u007b``, the same character."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return _JINJA_OPENER.sub(r"\\u007b", text)


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


class Verbatim(Element):
    """Text that goes into the page as it is, never parsed as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Verbatim"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


def render_script_verbatim(element: MacroElement, kwargs: Mapping[str, Any]) -> None:
    """What ``MacroElement.render`` does for an element with only a script macro, minus the second Jinja
    pass over the rendered script (which would evaluate ``{{ ... }}`` found in the data)."""
    script = element._template.module.script(element, kwargs)
    element.get_root().script.add_child(Verbatim(script), name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)


class VerbatimLayer(folium.map.Layer):
    """A layer whose script is added to the page as rendered once (see :func:`render_script_verbatim`)."""

    def render(self, **kwargs: Any) -> None:
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        render_script_verbatim(self, kwargs)


class DataLayer(VerbatimLayer):
    """A GeoJSON layer whose data is serialised once, compactly, in Python, and drawn by a few lines of
    Leaflet: folium.GeoJson re-serialises its data and walks every coordinate for the map's bounds on
    each render (``st_folium`` renders twice), which cost more than the queries at 10,000 places.

    ``options`` is JavaScript for the ``L.geoJson`` options object. The data's strings must already be
    escaped for HTML (see :func:`popup_parts`); ``</`` is broken up so no string can close the script.
    """

    _template = Template("""{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.geoJson({{ this.json }}, {{ this.options }});
    {% endmacro %}""")

    def __init__(self, data: Mapping[str, Any], options: str, *, name: str, control: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=control)
        self._name = "DataLayer"
        self.json = to_json(data)
        self.options = options


class ScriptLayer(VerbatimLayer):
    """A layer made by a JavaScript expression written in Python (``code``), added to the page verbatim."""

    _template = Template("""{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = {{ this.code }};
    {% endmacro %}""")

    def __init__(self, code: str, *, name: str, control: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=control)
        self._name = "ScriptLayer"
        self.code = code


def places_layer(data: Data, columns_json: str | None = None, selected: str | None = None) -> ScriptLayer:
    """Every place of the view as a circle on one canvas, drawn from :func:`place_columns` (or from its
    JSON, ``columns_json``, when the caller keeps it: building the columns is most of a map's cost); the
    place whose id is ``selected`` is ringed."""
    values = {"__RING__": SELECTED_RING, "__SELECTED__": to_json(selected),
              "__COLUMNS__": columns_json or to_json(place_columns(data))}
    # One pass: a value (a place id from the URL, a title) that holds a placeholder's name stays as it is.
    return ScriptLayer(_PLACEHOLDER.sub(lambda match: values[match.group(0)], _PLACES_JS), name="Places")


_PLACEHOLDER = re.compile("__RING__|__SELECTED__|__COLUMNS__")


class RingFollower(folium.FeatureGroup):
    """An empty layer whose script rings ``selected`` on a map already drawn (the places layer's ``nmRing``).

    The dashboard keeps its map's script unchanged while the reader pans and clicks (a new script is a new map,
    and the reader's view is lost), so the place ringed by the script is the one of the map's first drawing.
    After a click the page rings the clicked place itself; after the browser's Back the URL selects another
    place, or none, and the map kept the clicked place's ring. streamlit-folium runs the script of the layers it
    is given to add (``feature_group_to_add``) whenever that script changes, on the map as it is: this one's
    says which place the page selects now. ``turn`` counts the URL's changes from outside the page (Back,
    Forward): the script must change with each, also when it names the same place as before, since a click in
    between moved the ring without the page's script knowing."""

    _template = Template("""{% macro script(this, kwargs) %}
    var {{ this.get_name() }} = L.featureGroup();
    {{ this.get_name() }}.nmTurn = {{ this.turn }};
    {{ this._parent.get_name() }}.eachLayer(function (layer) { if (layer.nmRing) layer.nmRing({{ this.selected }}); });
    {% endmacro %}""")

    def __init__(self, selected: str | None, turn: int = 0) -> None:
        super().__init__(name="Selected place", control=False)
        self.selected, self.turn = to_json(selected), int(turn)


def outline_layer(outlines: Mapping[str, Any], pane: str = "outlines") -> DataLayer:
    """Country outlines under the tiles (their pane sits below the tile pane): the map without internet."""
    options = f"{{pane: {json.dumps(pane)}, interactive: false, style: {json.dumps(OUTLINE_STYLE)}}}"
    return DataLayer(outlines, options, name="Country outlines", control=False)


def polygon_layer(data: Data) -> DataLayer | None:
    features = polygon_features(data)
    if not features["features"]:
        return None
    options = f"{{interactive: false, style: {json.dumps(POLYGON_STYLE)}}}"
    return DataLayer(features, options, name="Countries and regions")


class Legend(MacroElement):
    """A Leaflet control listing the colours of the event types on the map and what size means.

    On a map narrower than ``narrow`` pixels it starts folded to its heading: open, it covers a third of a
    phone's map; one tap on "Event type" unfolds it.
    """

    narrow = 500

    _template = Template("""{% macro script(this, kwargs) %}
    (function () {
        var legend = L.control({position: "bottomright"});
        legend.onAdd = function (map) {
            var div = L.DomUtil.create("div", "nm-legend");
            div.innerHTML = {{ this.json }};
            // A narrow map (a phone) shows only the legend's heading until it is tapped.
            if (map.getSize().x < {{ this.narrow }}) { div.querySelector("details").open = false; }
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        legend.addTo({{ this._parent.get_name() }});
    })();
    {% endmacro %}""")

    def __init__(self, types: Sequence[str], context: bool = False) -> None:
        super().__init__()
        self._name = "Legend"
        self.json = to_json(legend_html(types, context))

    def render(self, **kwargs: Any) -> None:
        render_script_verbatim(self, kwargs)


def legend_html(types: Sequence[str], context: bool = False) -> str:
    """The legend; ``context``: say what a dashed outline means (some place on the map has one)."""
    items = "".join(f"<div><i style='background:{type_colour(t)}'></i>{escape(t)}</div>" for t in types)
    dashed = f"<div><i style='background:#fff;border-style:dashed'></i>{CONTEXT_LEGEND}</div>" if context else ""
    return (f"<details open style='background:#fff;padding:6px 8px;border-radius:4px;font:12px sans-serif;"
            f"box-shadow:0 0 4px rgba(0,0,0,.3)'><summary style='cursor:pointer'><b>Event type</b></summary>"
            f"{items}{dashed}<div style='color:#555;margin-top:4px'>size: events (or mentions)</div></details>")


LEGEND_CSS = ("<style>.nm-legend i{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:5px;"
              "vertical-align:-1px;border:1px solid #333}.nm-popup ul{margin:2px 0 4px 16px;padding:0}"
              ".nm-popup .nm-h{font-weight:600;margin-top:4px}</style>")


# -- the map ----------------------------------------------------------------------------------------

def bounds(data: Data) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the view's places, or None when none has coordinates."""
    pts = [(p["lat"], p["lon"]) for p in data.get("places", []) if p.get("lat") is not None
           and p.get("lon") is not None]
    if not pts:
        return None
    lats, lons = [a for a, _ in pts], [b for _, b in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def legend_types(data: Data) -> list[str]:
    """The types the legend lists: the dominant types on the map, then "Mentioned only" if any."""
    present = {p.get("dominant_type") if p.get("event_count") else MENTIONED_ONLY for p in data.get("places", [])}
    known = [t for t in TYPE_COLOURS if t in present and t != MENTIONED_ONLY]
    extra = sorted(t for t in present if t not in TYPE_COLOURS and t is not None)
    return known + extra + ([MENTIONED_ONLY] if MENTIONED_ONLY in present else [])


def build_map(data: Data, state: ViewState, *, offline: bool = False, assets: Mapping[str, str] | None = None,
              outlines: Mapping[str, Any] | None = None, height: str = "100%",
              columns_json: str | None = None, fit: Data | None = None) -> folium.Map:
    """The map of a view: outline base, optional tiles, polygons, one marker per place (``state.place`` ringed),
    legend.

    ``assets`` maps asset names (``leaflet.js``, ``leaflet.css``) to URLs; when given (always when
    ``offline``) they replace folium's CDN links, and the map loads nothing from the internet.
    ``columns_json`` is ``to_json(place_columns(data))`` when the caller has it already. ``fit``: the data
    whose places the map is centred and fitted on (``data`` by default; the time slider passes the whole
    range, so that stepping through time does not move the map). Vector
    layers are drawn on canvases: 10,000 circles draw in about a tenth of a second, no clustering needed.
    """
    n = len(data.get("places", []))
    fit = data if fit is None else fit
    m = folium.Map(location=_center(state, fit), zoom_start=state.zoom or DEFAULT_ZOOM, tiles=None,
                   prefer_canvas=True, height=height, control_scale=True)
    # Zoom 0 and quarter steps let the opening fit show every place: at zoom 2 the world is 1024 px wide, wider
    # than the map's frame beside the panel on most screens, so a world-wide view lost both Pacific coasts.
    m.options.update(max_zoom=18, min_zoom=0, zoom_snap=0.25)
    if offline and not assets:
        raise ValueError("an offline map needs local assets: pass assets=Assets.urls() (see geo.render.assets)")
    folium.map.CustomPane("outlines", z_index=150).add_to(m)
    if outlines:
        outline_layer(outlines).add_to(m)
    if not offline:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles", overlay=True, control=True).add_to(m)
    polygons = polygon_layer(data)
    if polygons is not None:
        polygons.add_to(m)
    places_layer(data, columns_json, state.place).add_to(m)
    Legend(legend_types(data), any(context_only(p) for p in data.get("places", []))).add_to(m)
    m.get_root().header.add_child(folium.Element(LEGEND_CSS))
    folium.LayerControl(collapsed=True).add_to(m)
    _use_assets(m, assets, ("leaflet.js",), ("leaflet.css",))
    if state.lat is None or state.lon is None:
        box = bounds(fit)
        if box and (n > 1 or len(fit.get("places", [])) > 1):
            m.add_child(_fit_at_once(box))
    return m


def _fit_at_once(box: list[list[float]]) -> FitBounds:
    """Fit the map to its places without Leaflet's zoom animation: animated, a freshly opened map showed
    its places at the starting zoom and reached the fitted view a quarter of a second later, drawing every
    place twice (docs/benchmarks.md)."""
    fit = FitBounds(box, padding=(30, 30), max_zoom=9)
    fit.options["animate"] = False
    return fit


def _center(state: ViewState, data: Data) -> tuple[float, float]:
    if state.lat is not None and state.lon is not None:
        return (state.lat, state.lon)
    box = bounds(data)
    if box:
        return ((box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2)
    return DEFAULT_CENTER


def _use_assets(element: Any, assets: Mapping[str, str] | None, js: Sequence[str], css: Sequence[str]) -> None:
    """Point an element's scripts and style sheets at local assets (dropping folium's other CDN links)."""
    if assets is None:
        return
    element.default_js = [(name, assets[name]) for name in js]
    element.default_css = [(name, assets[name]) for name in css]


def render_html(m: folium.Map) -> str:
    """The map as one HTML page (what a snapshot or an export saves)."""
    return m.get_root().render()
