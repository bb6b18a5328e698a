"""The dashboard's sharing widgets: copy the link, save and manage snapshots, download exports,
and the read-only page of a snapshot (``?snapshot=ID``).

Small ``*_ui()`` functions that call the library (:mod:`geo.views.snapshots`, :mod:`geo.render.exports`,
:mod:`geo.render.static_map`) and return plain values; no SQL and no map building here. Every string from an
article or a user is escaped before Streamlit renders it: ``md`` (HTML and Markdown neutralised) for
text, ``escape`` for attribute values.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

import streamlit as st

from geo.render import exports
from geo.render.panel import event_entry_html
from geo.render.assets import available_assets
from geo.errors import NewsmapError
from geo.views.highlight import escape as md
from geo.views.snapshots import Snapshot, create_snapshot, delete_snapshot, get_snapshot, list_snapshots, rename_snapshot
from geo.store import Store
from geo.views.state import ViewState
from geo.views.words import place_counts

DOWNLOADS = (("html", "Map (HTML)"), ("png", "Image (PNG)"), ("geojson", "Places (GeoJSON)"),
             ("csv", "Events (CSV)"))


@st.cache_resource
def local_assets(data_dir: str) -> dict[str, str] | None:
    """Leaflet as ``data:`` URLs for the self-contained HTML export, or None before `newsmap assets`."""
    bundle = available_assets(data_dir)
    return bundle.urls() if bundle else None


def page_url(query: str) -> str:
    """The full address of the dashboard with ``query`` (``?actor=...``), as the browser shows it."""
    base = (getattr(st.context, "url", None) or "").split("?", 1)[0]
    if base and not base.endswith("/"):
        base += "/"  # st.context.url has no slash after the host: http://127.0.0.1:8501
    return f"{base}{query}"


# -- live view -------------------------------------------------------------------------------

def copy_link_ui(state: ViewState) -> str:
    """The link to the current view, shown as text with a copy button; returns it."""
    url = page_url(state.to_url())
    st.markdown("**Link to this view**")
    st.code(url, language=None, wrap_lines=True)
    st.caption("Copy it with the button at the right of the box. The link shows the live data: "
               "save a snapshot to share what is on screen now.")
    return url


def save_snapshot_ui(store: Store, state: ViewState, description: str) -> Snapshot | None:
    """A form that freezes the view on screen (its filters' full data, read when saving); returns it once saved."""
    with st.form("save_snapshot", clear_on_submit=True):
        st.markdown("**Save a snapshot**")
        title = st.text_input("Title", placeholder=description[:80], key="snap_new_title")
        note = st.text_area("Note (optional)", height=68, key="snap_new_note")
        submitted = st.form_submit_button("Save snapshot", key="snap_save")
    if not submitted:
        return None
    try:
        snap = create_snapshot(store, state, title=title.strip() or description, note=note)
    except NewsmapError as err:
        st.error(md(str(err)))
        return None
    st.success(f"Saved \u201c{md(snap.title)}\u201d. Its link:")
    st.code(page_url(snap.url()), language=None, wrap_lines=True)
    return snap


def downloads_ui(data: Mapping[str, Any] | Callable[[], Mapping[str, Any]], state: ViewState, *, title: str,
                 description: str, data_dir: str, outlines: Mapping[str, Any] | None, key: str) -> None:
    """HTML, PNG, GeoJSON and CSV downloads of ``data`` (or of what ``data()`` returns: the full view is read
    only when a file is asked for); the files are made only when clicked."""
    assets = local_assets(data_dir)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "view"
    stem = slug if slug.startswith("newsmap") else f"newsmap-{slug}"
    for fmt, label in DOWNLOADS:
        def body(fmt: str = fmt) -> bytes:
            return exports.export_bytes(dict(data() if callable(data) else data), fmt, title=title, description=description, assets=assets,
                                        outlines=outlines, state=state)
        missing = fmt == "html" and assets is None
        st.download_button(label, body, f"{stem}.{fmt}", exports.MEDIA_TYPES[fmt], key=f"{key}_{fmt}",
                           on_click="ignore", disabled=missing,
                           help="run `newsmap assets` once to enable it" if missing else None)


def share_ui(store: Store, state: ViewState, load: Callable[[], Mapping[str, Any]], description: str, *, data_dir: str,
             outlines: Mapping[str, Any] | None) -> None:
    """The sidebar's Share button for the live view: link, snapshot, downloads, saved snapshots.

    A popover because its content is drawn only when opened: the link's code box alone (Streamlit's syntax
    highlighter) cost a fresh browser about 0.35 s of CPU before the map could draw (docs/benchmarks.md)."""
    with st.popover("Share this view", width="stretch"):
        copy_link_ui(state)
        save_snapshot_ui(store, state, description)
        st.markdown("**Download this view**")
        downloads_ui(load, state, title="newsmap view", description=description, data_dir=data_dir,
                     outlines=outlines, key="dl_view")
        manage_snapshots_ui(store)


# -- saved snapshots -----------------------------------------------------------------------------

def manage_snapshots_ui(store: Store) -> list[Snapshot]:
    """Every saved snapshot with its link, a rename field and a delete button; returns the list shown."""
    message = st.session_state.pop("snap_message", None)
    if message:
        (st.error if message[0] == "error" else st.success)(md(message[1]))
    snaps = list_snapshots(store)
    with st.expander(f"Saved snapshots ({len(snaps)})", expanded=False):
        if not snaps:
            st.caption("None yet: save the view above.")
        for snap in snaps:
            st.markdown(f"<a href='{escape(snap.url(), quote=True)}' target='_self'>{md(snap.title)}</a><br>"
                        f"<small>{md(snap.created_label)} \u00b7 {md(snap.description)}</small>",
                        unsafe_allow_html=True)
            st.text_input("New title", value=snap.title, key=f"snap_title_{snap.id}", label_visibility="collapsed")
            left, right = st.columns(2)
            left.button("Rename", key=f"snap_rename_{snap.id}", on_click=_rename, args=(store, snap.id))
            right.button("Delete", key=f"snap_delete_{snap.id}", on_click=_delete, args=(store, snap.id, snap.title))
    return snaps


def _rename(store: Store, snapshot_id: str) -> None:
    try:
        rename_snapshot(store, snapshot_id, st.session_state.get(f"snap_title_{snapshot_id}", ""))
        st.session_state["snap_message"] = ("success", "Snapshot renamed.")
    except NewsmapError as err:
        st.session_state["snap_message"] = ("error", str(err))


def _delete(store: Store, snapshot_id: str, title: str) -> None:
    try:
        delete_snapshot(store, snapshot_id)
        st.session_state["snap_message"] = ("success", f"Deleted \u201c{title}\u201d.")
    except NewsmapError as err:
        st.session_state["snap_message"] = ("error", str(err))


# -- the read-only page of one snapshot -------------------------------------------------------

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


def snapshot_sidebar_ui(store: Store, snap: Snapshot, *, data_dir: str, outlines: Mapping[str, Any] | None) -> None:
    """Filters are fixed in a snapshot: the sidebar shows them, the snapshot's link and its downloads."""
    st.header("Snapshot")
    st.caption("A snapshot's filters are fixed; open the live view from the banner to change them.")
    st.markdown("**Link to this snapshot**")
    st.code(page_url(snap.url()), language=None, wrap_lines=True)
    st.markdown("**Download this snapshot**")
    downloads_ui(snap.data, snap.state, title=snap.title, description=snap.caption, data_dir=data_dir,
                 outlines=outlines, key="dl_snap")
    manage_snapshots_ui(store)


def snapshot_place_ui(data: Mapping[str, Any], place_id: str | None) -> None:
    """A place's panel from the frozen data: its events (type, date, actors, sentence) and article titles."""
    place = next((p for p in data.get("places", []) if p["id"] == place_id), None)
    if place is None:
        st.markdown("**Click a place** on the map to see its events and articles as they were saved.")
        return
    names = {a["id"]: a["name"] for a in data.get("actors", [])}
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    st.subheader(md(place["name"]))
    st.caption(f"{md(place.get('kind') or 'place')} \u00b7 {place_counts(place)}")
    events = [e for e in data.get("events", []) if place["id"] in e.get("place_ids", [])]
    for e in events:
        st.markdown(event_entry_html(e, place["id"], names, md(e.get("sentence") or "")), unsafe_allow_html=True)
    st.markdown("**Articles**")
    for article_id in place.get("article_ids") or []:
        st.markdown(md(titles.get(article_id) or "untitled article"), unsafe_allow_html=True)


def snapshot_page_ui(store: Store, snapshot_id: str, *, data_dir: str, outlines: Mapping[str, Any] | None,
                     draw_map: Callable[[dict[str, Any], ViewState], str | None],
                     draw_tabs: Callable[[dict[str, Any], ViewState], None]) -> None:
    """The whole read-only page: banner, the frozen map and place panel, the frozen tabs, the sidebar."""
    snap = open_snapshot_ui(store, snapshot_id)
    if snap is None:
        return
    st.title(md(snap.title))  # the title is rendered as Markdown: a [link](...) in it must stay text
    snapshot_banner_ui(snap)
    data = dict(snap.data)
    left, right = st.columns([3, 2])
    with left:
        clicked = draw_map(data, snap.state)
    if clicked:
        st.session_state["snap_place"] = clicked
    with right:
        snapshot_place_ui(data, st.session_state.get("snap_place") or snap.state.place)
    draw_tabs(data, snap.state)
    with st.sidebar:
        snapshot_sidebar_ui(store, snap, data_dir=data_dir, outlines=outlines)
