"""The newsmap dashboard's entry point: reads the URL and picks the page, a saved snapshot (``?snapshot=ID``,
``snapshot.py``) or the live view (``live.py``).

Thin on purpose: the pages are small ``*_ui()`` functions that draw widgets (``widgets.py``, ``share.py``,
``status.py``) and return plain values, and everything else (queries, map building, escaping, highlighting)
is the library's. The URL always holds the view, so every view is a link. The sidebar's filters are drawn
here, between the live page's two halves (after the map, so the browser starts the map's frame first).

Run it with ``newsmap serve [--port N] [--offline]`` (or ``make run``).
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard import data as q  # noqa: E402
from dashboard import links, live, timebar  # noqa: E402
from dashboard.filters import filters_state, init_filters, sidebar_ui  # noqa: E402
from dashboard.snapshot import one_snapshot_ui, snapshot_page_ui  # noqa: E402
from dashboard.widgets import PAGE_CSS  # noqa: E402
from geo.errors import NewsmapError  # noqa: E402
from geo.records import EVENT_TYPES  # noqa: E402
from geo.views.highlight import CSS  # noqa: E402
from geo.views.highlight import escape as md  # noqa: E402
from geo.settings import Settings, load_settings  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.views.state import ViewState  # noqa: E402
from geo.views.words import left_out  # noqa: E402


def app_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsmap serve")
    parser.add_argument("--offline", action="store_true")
    return parser.parse_known_args(argv)[0]


def url_state() -> tuple[ViewState, tuple[str, ...]]:
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    return ViewState.parse(params)


# -- main ----------------------------------------------------------------------------------------

LOG = logging.getLogger("newsmap.dashboard")


def main() -> None:
    """The page; any failure is one short message for the visitor and the details in the server's log (a
    traceback names the server's files, which a visitor has no use for)."""
    st.set_page_config(page_title="newsmap", page_icon=":world_map:", layout="wide")
    st.markdown(f"<style>{CSS}{PAGE_CSS}{links.GUARD_CSS}</style>", unsafe_allow_html=True)
    links.guard_ui()  # first: a link Streamlit dropped is sent back as ?unread=N before a view is drawn
    if links.unread_ui():
        return
    options = app_options(sys.argv[1:])
    settings = load_settings()
    try:
        store = q.get_store(settings.db_url)
    except NewsmapError as err:
        LOG.error("newsmap: error: %s", err)
        st.error("The store cannot be opened: it is damaged, not a newsmap store, upgraded by a newer newsmap, or out "
                 "of reach. The server's log says which and what to do.")
        return
    try:
        if "snapshot" in st.query_params:  # a saved snapshot: read-only, its frozen data drives the page
            snapshot_id = one_snapshot_ui(st.query_params.get_all("snapshot"))
            if snapshot_id is not None:
                snapshot_page_ui(store, snapshot_id, settings, options.offline)
            return
        live_page_ui(store, settings, options.offline)
    except Exception:  # noqa: BLE001 - Streamlit's own stop and rerun signals are not Exceptions
        LOG.exception("newsmap: the page failed for the query %s", dict(st.query_params))
        st.error("Something went wrong while drawing this page; the details are in the server's log.")


def live_page_ui(store: Store, settings: Settings, offline: bool) -> None:
    """The live page (``live.py``) around the sidebar's filters: the URL's view, the filters' view, the upper
    half, the filters' widgets, the lower half."""
    live.seed_ui(store, settings)
    db_url = settings.db_url
    version = q.store_version(db_url)
    url, warnings = url_state()
    for warning in warnings:
        st.warning(f"Ignored a URL parameter: {md(warning)}")
    # A type no event can have is left out with a warning, as an unknown actor is (live.view_ui).
    url, unknown = url.known_types((*EVENT_TYPES, *q.facets(db_url, version)["types"]))
    if unknown:
        st.warning(md(left_out("event type", unknown, "in newsmap", f"the types are {', '.join(EVENT_TYPES)}.")))
    q.load_view(db_url, version, url, settings.data_dir)  # the view's queries at once; the widgets below read them
    live.follow_url()  # Back or Forward: the widgets start from the URL again
    init_filters(store, url)
    state = filters_state(store, version, url, db_url)
    view = live.view_ui(store, settings, offline, url, state, version)
    sidebar_ui(store, version, url, db_url)  # after the map, so the browser starts the map's frame first
    live.sections_ui(store, settings, url, view, version)
    timebar.keep_playing()  # last: the whole page is drawn before the next step


if __name__ == "__main__":
    main()
