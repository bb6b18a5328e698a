"""The read-only page of a saved snapshot (``?snapshot=ID``): its frozen map, place panel, articles and events.

The page draws the same widgets as the live page (:mod:`dashboard.widgets`) from the snapshot's frozen copy of
its data, never from the store, so later articles do not change it; its sidebar shows the snapshot's link and
downloads (:mod:`dashboard.share`). Every string from an article or a user is escaped before Streamlit renders
it: ``md`` (HTML and Markdown neutralised) for text, ``escape`` for attribute values.
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from dashboard.data import get_outlines
from dashboard.share import downloads_ui, manage_snapshots_ui, page_url
from dashboard.widgets import MAP_COLUMNS, article_list_ui, event_rows, events_table, map_ui, place_panel_ui
from geo.errors import NewsmapError
from geo.render.panel import event_entry_html
from geo.settings import Settings
from geo.store import Store
from geo.views.highlight import escape as md
from geo.views.snapshots import Snapshot, get_snapshot
from geo.views.state import ViewState
from geo.views.words import place_counts


def snapshot_page_ui(store: Store, snapshot_id: str, settings: Settings, offline: bool) -> None:
    """The whole read-only page: banner, the frozen map and place panel, the frozen tabs, the sidebar."""
    snap = open_snapshot_ui(store, snapshot_id)
    if snap is None:
        return
    st.title(md(snap.title))  # the title is rendered as Markdown: a [link](...) in it must stay text
    snapshot_banner_ui(snap)
    data = dict(snap.data)
    left, right = st.columns(MAP_COLUMNS)
    with left:
        clicked = map_ui(data, snap.state, settings, offline)  # the ring: the snapshot's place, then clicks
    if clicked:
        st.session_state["snap_place"] = clicked
    with right:
        snapshot_place_ui(data, st.session_state.get("snap_place") or snap.state.place)
    snapshot_tabs_ui(data, snap.state)
    with st.sidebar:
        snapshot_sidebar_ui(store, snap, data_dir=settings.data_dir, outlines=get_outlines(settings.data_dir),
                            read_only=settings.read_only)


def one_snapshot_ui(ids: list[str]) -> str | None:
    """The one snapshot id of ``?snapshot=ID``, or None after a message offering each of several: two ids
    opened the last without a word, and the sender may have meant the first."""
    distinct = list(dict.fromkeys(ids))
    if len(distinct) == 1:
        return distinct[0]
    st.error(f"This link names {len(distinct):,} snapshots; a link opens one. Open one of them, or the live map:")
    shown = [f"<a href='?{escape(urlencode({'snapshot': i}))}' target='_self'>{md(i[:40])}</a>" for i in distinct[:5]]
    more = f" and {len(distinct) - 5:,} more" if len(distinct) > 5 else ""
    st.markdown(" · ".join(shown) + more + " · <a href='?' target='_self'>the live map</a>", unsafe_allow_html=True)
    return None


def open_snapshot_ui(store: Store, snapshot_id: str) -> Snapshot | None:
    """The snapshot of ``?snapshot=ID``, or None after a clear message (malformed or unknown id)."""
    try:
        return get_snapshot(store, snapshot_id)
    except NewsmapError as err:
        st.error(f"Cannot open this snapshot: {md(str(err))}")
        st.markdown("<a href='?' target='_self'>Open the live map</a>", unsafe_allow_html=True)
        return None


def snapshot_banner_ui(snap: Snapshot) -> None:
    """Says loudly that this is a frozen snapshot, of when, and links back to the live view."""
    live = escape(snap.state.replace(place=None, article=None).to_url(), quote=True)
    st.info(f"Snapshot of {snap.created_label}: {md(snap.title)}")
    st.caption(md(snap.description))
    if snap.note:
        st.caption(f"Note: {md(snap.note)}")
    st.markdown(f"Read-only: later articles do not change it. <a href='{live}' target='_self'>Open the same "
                f"filters on the live data</a> \u00b7 <a href='?' target='_self'>the whole live map</a>",
                unsafe_allow_html=True)


def snapshot_place_ui(data: Mapping[str, Any], place_id: str | None) -> None:
    """A place's panel from the frozen data: its events (type, date, actors, sentence) and article titles."""
    place = next((p for p in data.get("places", []) if p["id"] == place_id), None)
    if place is None:
        st.markdown("**Click a place** on the map to see its events and articles as they were saved.")
        return
    names = {a["id"]: a["name"] for a in data.get("actors", [])}
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    events = [e for e in data.get("events", []) if place["id"] in e.get("place_ids", [])]
    place_panel_ui(place["name"], f"{md(place.get('kind') or 'place')} \u00b7 {place_counts(place)}", None,
                   [event_entry_html(e, place["id"], names, md(e.get("sentence") or "")) for e in events],
                   "**Articles**",
                   [md(titles.get(article_id) or "untitled article") for article_id in place.get("article_ids") or []])


def snapshot_tabs_ui(data: dict[str, Any], state: ViewState) -> None:
    """The tabs of a snapshot's page: its frozen articles and events (from the snapshot, not the store)."""
    tabs = st.tabs(["Articles", "Events"])
    with tabs[0]:
        article_list_ui(data.get("articles", []), state)
    with tabs[1]:
        rows = event_rows(data.get("events", []), {p["id"]: p["name"] for p in data.get("places", [])},
                          {a["id"]: a["name"] for a in data.get("actors", [])},
                          {a["id"]: a.get("title") for a in data.get("articles", [])})
        if rows:
            st.dataframe(events_table(rows), hide_index=True, width="stretch")
        else:
            st.info("No event in this snapshot.")


def snapshot_sidebar_ui(store: Store, snap: Snapshot, *, data_dir: str, outlines: Mapping[str, Any] | None,
                        read_only: bool = False) -> None:
    """Filters are fixed in a snapshot: the sidebar shows them, the snapshot's link and its downloads, and (unless
    read-only) the snapshots this session saved."""
    st.header("Snapshot")
    st.caption("A snapshot's filters are fixed; open the live view from the banner to change them.")
    st.markdown("**Link to this snapshot**")
    st.code(page_url(snap.url()), language=None, wrap_lines=True)
    st.markdown("**Download this snapshot**")
    downloads_ui(snap.data, snap.state, title=snap.title, description=snap.caption, data_dir=data_dir,
                 outlines=outlines, key="dl_snap")
    if not read_only:
        manage_snapshots_ui(store)
