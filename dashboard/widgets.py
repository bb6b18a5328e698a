"""What the live page (``live.py``) and a snapshot's page (``snapshot.py``) both draw: the map, a place's panel,
a list of articles and the rows of the events table.

Each page passes its own data (the live view's cached queries, or a snapshot's frozen copy) to the same
widgets, so the two pages look alike by construction. Every string from an article is escaped before
Streamlit renders it; the panel's words come from :mod:`geo.render.panel` and :mod:`geo.views.words`.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.data import get_assets, get_outlines
from geo.render import maps, style
from geo.render.frame import out_of_sight
from geo.render.exports.common import spreadsheet_safe
from geo.render.panel import date_label
from geo.settings import Settings
from geo.views.highlight import escape
from geo.views.state import ViewState

MAP_HEIGHT = 560  # what st_folium is told; the page's CSS (PAGE_CSS, FRAME_CSS) makes the map fill the screen
MAP_COLUMNS = (7, 3)  # the map and the panel beside it; Streamlit stacks columns on a narrow (phone) screen
# The map first: little margin around the page, a compact title, and the map's frame as tall as the screen
# leaves under the title (most of a phone's screen, where the panel goes under the map).
PAGE_CSS = """
[data-testid="stMainBlockContainer"] {padding: 2.8rem 1.5rem 2rem 1.5rem; max-width: none}
[data-testid="stMainBlockContainer"] h1 {font-size: 1.7rem; padding: 0 0 0.1rem 0}
iframe[title="streamlit_folium.st_folium"] {height: calc(100vh - 190px) !important; min-height: 360px}
[data-testid="stMain"]:has(.nm-range) iframe[title="streamlit_folium.st_folium"] {
  height: calc(100vh - 232px) !important}
@media (max-width: 640px) {iframe[title="streamlit_folium.st_folium"],
  [data-testid="stMain"]:has(.nm-range) iframe[title="streamlit_folium.st_folium"] {height: 65vh !important}}
[data-testid="stMultiSelectDropdown"] {min-width: min(30rem, 95vw)}
[data-testid="stMultiSelectTagsContainer"] [data-tag] {max-width: 100%; height: auto; min-height: 1.5rem}
[data-testid="stMultiSelectTagsContainer"] [data-tag] > span {white-space: normal; overflow: visible;
  text-overflow: clip; overflow-wrap: anywhere; line-height: 1.3; padding: 0.1rem 0}
@media (min-width: 641px) {
  [data-testid="stColumn"]:has(.st-key-time_step),
  [data-testid="stColumn"]:has(.st-key-time_slider) + [data-testid="stColumn"] {flex: 0 0 auto !important;
    width: auto !important; min-width: fit-content}
  [data-testid="stColumn"]:has(.st-key-time_play) {flex: 0 0 6.5rem !important; width: 6.5rem !important}
  [data-testid="stColumn"]:has(.st-key-time_slider) {flex: 1 1 0 !important; min-width: 8rem !important}}
"""
# The map is shorter by the time slider's line of dates when there is one (.nm-range), so it still ends on the
# first screen. The last rule: a list's choices open wider than the sidebar's field (over the map), since they
# cannot wrap (Streamlit lays them out at a fixed height) and an actor's counts come last in its line. The
# selected actors' chips wrap instead of ending in "..." ("Hezbollah (armed g..." said neither kind nor counts).
# The time slider's play button, step (day, week, month) and "All dates" are as wide as their words: a share of
# the width cut "month" and "Play" on a laptop; the slider takes the rest.
# Inside the map's frame: the map fills the frame, whatever height st_folium set on it.
FRAME_CSS = "<style>html,body{margin:0;overflow:hidden}#map_div{height:100vh !important}</style>"


URL_TURNS = "url_turns"  # session state: how many times the URL changed under the page (Back, Forward)


def position_hint_ui(places: list[dict[str, Any]], state: ViewState) -> None:
    """A line when the link's map position has none of the view's places in sight (the map would be empty
    there without a word): the nearest place and a link to the view fitted to its places."""
    if state.lat is None or state.lon is None:
        return
    zoom = maps.DEFAULT_ZOOM if state.zoom is None else state.zoom
    nearest = out_of_sight(places, state.lat, state.lon, zoom)
    if nearest is None:
        return
    fitted = link(state.replace(lat=None, lon=None, zoom=None))
    st.info(f"The link centres the map at {state.lat:g}, {state.lon:g} (zoom {zoom}), where this view's places "
            f"are out of sight: the nearest, {esc(nearest['name'])}, is {nearest['km']:,.0f} km away. "
            f"[Show all its places]({fitted})")


def same_point_links(places: list[dict[str, Any]], place: dict[str, Any], state: ViewState) -> str:
    """`` · same point on the map: [El Fasher](?place=...)`` for the other places drawn at ``place``'s point
    (a camp placed at its city's coordinates covers the city's circle, which then cannot be clicked), or ""."""
    if place.get("lat") is None or place.get("lon") is None:
        return ""
    point = (place["lat"], place["lon"])
    here = [p for p in places if p["id"] != place["id"] and (p.get("lat"), p.get("lon")) == point]
    if not here:
        return ""
    return " \u00b7 same point on the map: " + ", ".join(
        f"[{esc(p['name'])}]({link(state.replace(place=p['id']))})" for p in here[:5])


def link(state: ViewState) -> str:
    return state.to_url()


def esc(text: object) -> str:
    """Any value as text for Streamlit's markdown: HTML escaped and Markdown neutralised."""
    return escape(str(text))


def map_ui(data: dict[str, Any], state: ViewState, settings: Settings, offline: bool,
           columns_json: str | None = None, fit: dict[str, Any] | None = None) -> str | None:
    """The map; returns the id of a place the user just clicked, if any (each click is reported anew, with the
    time it was made, so that the same place clicked again after Back is seen). ``columns_json``: the places'
    columns when cached (live views), else built from ``data`` (snapshots); ``fit``: the view whose places
    the map is fitted to (the whole time range while the slider shows part of it), ``data`` by default."""
    assets = get_assets(settings.data_dir, offline)
    if offline and assets is None:
        st.warning("Offline map assets are missing: run `newsmap assets` (needs npm) once; "
                   "the map needs Leaflet to draw.")
    folium_map = maps.build_map(data, state.replace(place=ring_place(state)), offline=assets is not None, assets=assets,
                                outlines=get_outlines(settings.data_dir), columns_json=columns_json, fit=fit)
    folium_map.get_root().header.add_child(folium.Element(FRAME_CSS))
    out = st_folium(folium_map, key="map", height=MAP_HEIGHT, use_container_width=True,
                    returned_objects=["last_object_clicked"],
                    feature_group_to_add=maps.RingFollower(state.place, st.session_state.get(URL_TURNS, 0)))
    click = (out or {}).get("last_object_clicked")
    if not click or click == st.session_state.get("last_click"):
        return None
    st.session_state["last_click"] = click
    hit = click.get("nmPlace")  # the places layer names the place it hit (places_layer.js)
    if any(p["id"] == hit for p in data["places"]):
        return hit
    return nearest_place(data, click["lat"], click["lng"])


def ring_place(state: ViewState) -> str | None:
    """The place ringed by the map's script: the one selected when this map (these filters and this map
    view) was first drawn in the session. A click rings a place in the page at once (``places_layer.js``);
    writing it into the script too would change the script, and streamlit-folium would then draw a new map
    and lose the reader's pan and zoom. A selection that changes otherwise (Back) reaches the drawn map through
    :class:`geo.render.maps.RingFollower`."""
    view = state.replace(place=None, article=None, tab=None)
    kept = st.session_state.get("map_ring")
    if kept is None or kept[0] != view:
        st.session_state["map_ring"] = kept = (view, state.place)
    return kept[1]


def nearest_place(data: dict[str, Any], lat: float, lon: float) -> str | None:
    """The place whose marker is nearest to a click (the map reports the click's position)."""
    best, best_d = None, float("inf")
    for p in data["places"]:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        d = (p["lat"] - lat) ** 2 + (p["lon"] - lon) ** 2
        if d < best_d:
            best, best_d = p["id"], d
    return best


def place_panel_ui(name: str, caption: str, events_heading: str | None, event_entries: Sequence[str],
                   articles_heading: str, article_entries: Sequence[str]) -> None:
    """A place's panel: its name, a caption (kind and counts), its events and its articles. The entries are
    HTML made safe by the caller (:func:`geo.render.panel.event_entry_html`, :func:`article_line_html`)."""
    st.subheader(escape(name))
    st.caption(caption)
    if events_heading:
        st.markdown(events_heading)
    for entry in event_entries:
        st.markdown(entry, unsafe_allow_html=True)
    st.markdown(articles_heading)
    for entry in article_entries:
        st.markdown(entry, unsafe_allow_html=True)


def article_list_ui(articles: list[dict[str, Any]], state: ViewState) -> None:
    """A list of articles as one Markdown element: fifty elements cost the browser several times the
    rendering of one."""
    st.markdown("".join(f"<p>{article_line_html(a, state)}</p>" for a in articles), unsafe_allow_html=True)


def article_line_html(a: dict[str, Any], state: ViewState) -> str:
    """One article: its title (a link to the article view), source and date."""
    href = link(state.replace(article=a["id"]))
    return (f"<a href='{html.escape(href, quote=True)}' target='_self'>{esc(a['title'] or 'untitled')}</a> "
            f"\u00b7 {esc(a['source'] or 'unknown source')} \u00b7 {esc(a['published'] or 'undated')}")


def event_rows(events: list[dict[str, Any]], places: dict[str, str], names: dict[str, str],
               titles: dict[str, str | None]) -> list[dict[str, Any]]:
    """The events table's rows: date (never "None": "undated", and its precision when not a day), type, reports
    and sources (one row per real-world event: click the column to sort by it), actors, places, article title and
    sentence. Text cells that a spreadsheet would run as a formula get a leading apostrophe, as in the CSV export:
    the table's own toolbar downloads the cells as shown."""
    rows = [{"date": date_label(e.get("date"), e.get("date_precision")), "type": e["type"],
             "reports": e.get("report_count", 1), "sources": e.get("source_count", 1), "subtype": e["subtype"],
             "actors": ", ".join(names.get(a, a) for a in e["actor_ids"]),
             "places": ", ".join(places.get(p, p) for p in e["place_ids"]),
             "hypothetical": e["hypothetical"], "article": titles.get(e["article_id"]), "sentence": e["sentence"]}
            for e in events]
    return [{k: spreadsheet_safe(v) for k, v in row.items()} for row in rows]


def events_table(rows: list[dict[str, Any]]) -> Any:
    """The events table's rows as a styled frame: each type's cell in its colour (:mod:`geo.render.style`,
    the map's), with black or white text, whichever reads."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    if frame.empty or "type" not in frame:
        return frame
    return frame.style.map(_type_cell, subset=["type"])


def _type_cell(event_type: object) -> str:
    colour = style.type_colour(event_type if isinstance(event_type, str) else None)
    return f"background-color: {colour}; color: {style.text_colour(colour)}"
