"""The dashboard's sharing widgets, on the live page and on a snapshot's page: copy the link, save and manage
snapshots, download the view or the snapshot in every share format.

Small ``*_ui()`` functions that call the library (:mod:`geo.views.snapshots`, :mod:`geo.render.exports`) and
return plain values; no SQL and no map building here. Every string from an article or a user is escaped
before Streamlit renders it: ``md`` (HTML and Markdown neutralised) for text, ``escape`` for attribute values.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

import streamlit as st

from dashboard.links import MAX_PARAMS, too_long
from geo.render import exports
from geo.render.assets import available_assets
from geo.errors import NewsmapError
from geo.views.highlight import escape as md
from geo.views.snapshots import Snapshot, create_snapshot, delete_snapshot, list_snapshots, rename_snapshot
from geo.store import Store
from geo.views.state import ViewState

# The label of each share format's download button; which formats, in which order, is the export table's.
DOWNLOAD_LABELS = {"html": "Map (HTML)", "png": "Image (PNG)", "geojson": "Places (GeoJSON)", "csv": "Events (CSV)"}


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
    if too_long(state.to_url().lstrip("?")):
        st.warning(f"This link holds more than the {MAX_PARAMS:,} parameters the dashboard reads: whoever opens "
                   "it is told it was not read. Save a snapshot to share this view.")
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
    st.session_state.setdefault(OWN, []).append(snap.id)  # this session may rename and delete it
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
    for fmt in exports.SHARE_FORMATS:
        def body(fmt: str = fmt) -> bytes:
            return exports.export_bytes(dict(data() if callable(data) else data), fmt, title=title,
                                        description=description, assets=assets, outlines=outlines, state=state)
        missing = fmt == "html" and assets is None
        entry = exports.REGISTRY[fmt]
        st.download_button(DOWNLOAD_LABELS[fmt], body, f"{stem}.{entry.extension}", entry.media_type,
                           key=f"{key}_{fmt}", on_click="ignore", disabled=missing,
                           help="run `newsmap assets` once to enable it" if missing else None)


def share_ui(store: Store, state: ViewState, load: Callable[[], Mapping[str, Any]], description: str, *, data_dir: str,
             outlines: Mapping[str, Any] | None, read_only: bool = False) -> None:
    """The sidebar's Share button for the live view: link, snapshot, downloads, this session's snapshots (in
    read-only mode only the link and the downloads).

    A popover because its content is drawn only when opened: the link's code box alone (Streamlit's syntax
    highlighter) cost a fresh browser about 0.35 s of CPU before the map could draw (docs/benchmarks.md)."""
    with st.popover("Share this view", width="stretch"):
        copy_link_ui(state)
        if not read_only:
            save_snapshot_ui(store, state, description)
        st.markdown("**Download this view**")
        downloads_ui(load, state, title="newsmap view", description=description, data_dir=data_dir,
                     outlines=outlines, key="dl_view")
        if not read_only:
            manage_snapshots_ui(store)


# -- saved snapshots -----------------------------------------------------------------------------

OWN = "own_snapshots"  # session state: ids of the snapshots this browser session saved


def manage_snapshots_ui(store: Store) -> list[Snapshot]:
    """The snapshots this browser session saved, each with its link, a rename field and a delete button; returns
    the list shown. Snapshots saved elsewhere are neither listed nor changeable here (the dashboard has no login:
    an id is the only key to a snapshot, so none is shown to a visitor who did not make it); the command line
    manages them all (`newsmap snapshot`)."""
    message = st.session_state.pop("snap_message", None)
    if message:
        (st.error if message[0] == "error" else st.success)(md(message[1]))
    own = st.session_state.get(OWN, [])
    snaps = [s for s in list_snapshots(store) if s.id in own]
    with st.expander(f"Snapshots saved in this session ({len(snaps)})", expanded=False):
        if not snaps:
            st.caption("None yet: save the view above. Snapshots saved earlier or elsewhere are managed with "
                       "`newsmap snapshot` on the server.")
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
    if snapshot_id not in st.session_state.get(OWN, []):
        st.session_state["snap_message"] = ("error", "Only the session that saved a snapshot may rename it.")
        return
    try:
        rename_snapshot(store, snapshot_id, st.session_state.get(f"snap_title_{snapshot_id}", ""))
        st.session_state["snap_message"] = ("success", "Snapshot renamed.")
    except NewsmapError as err:
        st.session_state["snap_message"] = ("error", str(err))


def _delete(store: Store, snapshot_id: str, title: str) -> None:
    if snapshot_id not in st.session_state.get(OWN, []):
        st.session_state["snap_message"] = ("error", "Only the session that saved a snapshot may delete it.")
        return
    try:
        delete_snapshot(store, snapshot_id)
        st.session_state[OWN].remove(snapshot_id)
        st.session_state["snap_message"] = ("success", f"Deleted \u201c{title}\u201d.")
    except NewsmapError as err:
        st.session_state["snap_message"] = ("error", str(err))
