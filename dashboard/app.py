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
import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard import data as q  # noqa: E402
from dashboard import live  # noqa: E402
from dashboard.snapshot import snapshot_page_ui  # noqa: E402
from geo.errors import NewsmapError  # noqa: E402
from geo.views.highlight import CSS  # noqa: E402
from geo.settings import Settings, load_settings  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.views.state import ViewState  # noqa: E402

FILTER_KEYS = ("f_actors", "f_types", "f_from", "f_to", "f_source", "f_q", "f_affiliated", "f_hypothetical")
ANY_SOURCE = "(any source)"


def app_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsmap serve")
    parser.add_argument("--offline", action="store_true")
    return parser.parse_known_args(argv)[0]


def url_state() -> tuple[ViewState, tuple[str, ...]]:
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    return ViewState.parse(params)


# -- sidebar ---------------------------------------------------------------------------------

def init_filters(store: Store, state: ViewState) -> None:
    """Widgets start from the URL once per session; afterwards they are the source of truth."""
    if st.session_state.get("f_init"):
        return
    st.session_state.update(
        f_actors=[i for i in (store.resolve_actor(a) for a in state.actors) if i], f_types=list(state.types),
        f_from=dt.date.fromisoformat(state.date_from) if state.date_from else None,
        f_to=dt.date.fromisoformat(state.date_to) if state.date_to else None,
        f_source=state.source or ANY_SOURCE, f_q=state.q or "", f_affiliated=state.include_affiliated,
        f_hypothetical=state.show_hypothetical, f_init=True)


def filters_state(store: Store, version: int, state: ViewState, db_url: str) -> ViewState:
    """The view the filters describe (selection and map view kept from ``state``), read from the widgets'
    session state before the widgets are drawn: the sidebar is drawn after the map (see :func:`main`)."""
    by_id = {a["id"]: a for a in q.actor_choices(db_url, version, q.choice_state(state))}
    return _filters_state(store, state, by_id)


def sidebar_ui(store: Store, version: int, state: ViewState, db_url: str) -> None:
    """The filters; their values are read by :func:`filters_state` at the start of the next run."""
    facets = q.facets(db_url, version)
    # The choices ignore the actor filter, so changing it must not recompute them.
    counts = q.actor_choices(db_url, version, q.choice_state(state))
    by_id = {a["id"]: a for a in counts}
    sb = st.sidebar
    sb.header("Filters")
    sb.multiselect("Actors", list(by_id), key="f_actors", placeholder="type to search actors",
                   format_func=lambda i: _actor_label(by_id.get(i)),
                   help="Shows the places of the events these actors take part in and the places mentioned "
                        "in the same sentences.")
    sb.toggle("Include affiliated actors", key="f_affiliated",
              help="Iran then includes the Quds Force and its commander.")
    sb.multiselect("Event types", sorted(set(facets["types"]) | set(st.session_state.f_types)), key="f_types")
    lo, hi = _date_bounds(facets)
    col1, col2 = sb.columns(2)
    col1.date_input("From", key="f_from", min_value=lo, max_value=hi, format="YYYY-MM-DD")
    col2.date_input("To", key="f_to", min_value=lo, max_value=hi, format="YYYY-MM-DD")
    if _dates_crossed(st.session_state.f_from, st.session_state.f_to):
        sb.warning("The From date is after the To date; the dates are ignored.")
    sources = [ANY_SOURCE, *facets["sources"]]
    if st.session_state.f_source not in sources:
        sources.append(st.session_state.f_source)
    sb.selectbox("Source", sources, key="f_source")
    sb.text_input("Text", key="f_q", placeholder="words in the title or text")
    sb.toggle("Show hypothetical events", key="f_hypothetical", help='e.g. "could compel Iran"')
    sb.markdown('<a href="?" target="_self">Reset the view</a>', unsafe_allow_html=True)


def _filters_state(store: Store, state: ViewState, by_id: dict[str, dict[str, Any]]) -> ViewState:
    ss = st.session_state
    actors = tuple(_actor_token(store, by_id.get(i), i) for i in ss.f_actors)
    d_from, d_to = ss.f_from, ss.f_to
    if _dates_crossed(d_from, d_to):  # said under the date fields (sidebar_ui)
        d_from = d_to = None
    new = state.replace(actors=actors, types=tuple(ss.f_types),
                        date_from=d_from.isoformat() if d_from else None,
                        date_to=d_to.isoformat() if d_to else None,
                        source=None if ss.f_source == ANY_SOURCE else ss.f_source, q=ss.f_q.strip() or None,
                        include_affiliated=bool(ss.f_affiliated), show_hypothetical=bool(ss.f_hypothetical))
    if (new.actors, new.types, new.date_from, new.date_to, new.source, new.q) != (
            state.actors, state.types, state.date_from, state.date_to, state.source, state.q):
        new = new.replace(lat=None, lon=None, zoom=None)
    return new


def _dates_crossed(d_from: dt.date | None, d_to: dt.date | None) -> bool:
    return bool(d_from and d_to and d_from > d_to)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "unknown actor"
    kind = actor["kind"].replace("_", " ")
    return f"{actor['name']} ({kind}) \u00b7 {actor['event_count']} ev, {actor['mention_count']} mentions"


def _actor_token(store: Store, actor: dict[str, Any] | None, actor_id: str) -> str:
    """The actor's name in the URL when the name finds it again, else its id."""
    if actor and store.resolve_actor(actor["name"]) == actor_id:
        return actor["name"]
    return actor_id


def _date_bounds(facets: dict[str, Any]) -> tuple[dt.date, dt.date]:
    first = int(facets["date_min"][:4]) if facets["date_min"] else 2000
    last = int(facets["date_max"][:4]) if facets["date_max"] else dt.date.today().year
    return dt.date(min(first, 2000), 1, 1), dt.date(max(last, dt.date.today().year), 12, 31)


# -- main ----------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="newsmap", page_icon=":world_map:", layout="wide")
    st.markdown(f"<style>{CSS}</style>", unsafe_allow_html=True)
    options = app_options(sys.argv[1:])
    settings = load_settings()
    try:
        store = q.get_store(settings.db_url)
    except NewsmapError as err:
        st.error(str(err))
        return
    if "snapshot" in st.query_params:  # a saved snapshot: read-only, its frozen data drives the page
        snapshot_page_ui(store, st.query_params["snapshot"], settings, options.offline)
        return
    live_page_ui(store, settings, options.offline)


def live_page_ui(store: Store, settings: Settings, offline: bool) -> None:
    """The live page (``live.py``) around the sidebar's filters: the URL's view, the filters' view, the upper
    half, the filters' widgets, the lower half."""
    live.seed_ui(store, settings)
    db_url = settings.db_url
    version = q.store_version(db_url)
    url, warnings = url_state()
    for warning in warnings:
        st.warning(f"Ignored a URL parameter: {warning}")
    q.load_view(db_url, version, url, settings.data_dir)  # the view's queries at once; the widgets below read them
    init_filters(store, url)
    state = filters_state(store, version, url, db_url)
    view = live.view_ui(store, settings, offline, url, state, version)
    sidebar_ui(store, version, url, db_url)  # after the map, so the browser starts the map's frame first
    live.sections_ui(store, settings, url, view, version)


if __name__ == "__main__":
    main()
