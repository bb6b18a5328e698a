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

import streamlit as st
from streamlit_folium import st_folium

from dashboard.data import get_assets, get_outlines
from geo.render import maps
from geo.render.exports.common import spreadsheet_safe
from geo.settings import Settings
from geo.views.highlight import escape
from geo.views.state import ViewState

MAP_HEIGHT = 560


def link(state: ViewState) -> str:
    return state.to_url()


def esc(text: object) -> str:
    """Any value as text for Streamlit's markdown: HTML escaped and Markdown neutralised."""
    return escape(str(text))


def map_ui(data: dict[str, Any], state: ViewState, settings: Settings, offline: bool,
           columns_json: str | None = None) -> str | None:
    """The map; returns the id of a place the user just clicked, if any. ``columns_json``: the places'
    columns when cached (live views), else built from ``data`` (snapshots)."""
    assets = get_assets(settings.data_dir, offline)
    if offline and assets is None:
        st.warning("Offline map assets are missing: run `newsmap assets` (needs npm) once; "
                   "the map needs Leaflet to draw.")
    folium_map = maps.build_map(data, state, offline=assets is not None, assets=assets,
                                outlines=get_outlines(settings.data_dir), columns_json=columns_json)
    out = st_folium(folium_map, key="map", height=MAP_HEIGHT, use_container_width=True,
                    returned_objects=["last_object_clicked"])
    click = (out or {}).get("last_object_clicked")
    if not click or click == st.session_state.get("last_click"):
        return None
    st.session_state["last_click"] = click
    return nearest_place(data, click["lat"], click["lng"])


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
    """The events table's rows: date, type, actors, places, article title and sentence. Text cells that a
    spreadsheet would run as a formula get a leading apostrophe, as in the CSV export: the table's own toolbar
    downloads the cells as shown."""
    rows = [{"date": e["date"], "type": e["type"], "subtype": e["subtype"],
             "actors": ", ".join(names.get(a, a) for a in e["actor_ids"]),
             "places": ", ".join(places.get(p, p) for p in e["place_ids"]),
             "hypothetical": e["hypothetical"], "article": titles.get(e["article_id"]), "sentence": e["sentence"]}
            for e in events]
    return [{k: spreadsheet_safe(v) for k, v in row.items()} for row in rows]
