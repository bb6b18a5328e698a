"""What the dashboard reads: the objects it keeps (store, outlines, map assets) and its cached queries.

Each query is a pure function of its arguments: the database URL, the store's version and the view state
(without the selection and map position, which change no query). The version changes when articles are
added (:func:`store_version`), so an ingest, from the dashboard or from another process, is seen on the
next run. Streamlit keeps these caches in the server process for every session: ``newsmap serve`` runs
the default view once before it says it is ready (``dashboard/serve.py``), so the first visitor does
not wait.

>>> version = store_version("sqlite://")                                          # doctest: +SKIP
>>> map_view("sqlite://", version, ViewState())["places"]                         # doctest: +SKIP
[]
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import streamlit as st

from geo.render import maps
from geo.render.assets import available_assets, cdn_reachable
from geo.render.outlines import country_outlines
from geo.settings import load_settings
from geo.store import Store
from geo.views.state import ViewState, map_data

ARTICLES_PER_PAGE = 50
EVENTS_PER_PAGE = 200


# -- kept objects ------------------------------------------------------------------------------

@st.cache_resource
def get_store(db_url: str) -> Store:
    """The store, opened for reading only when the dashboard runs read-only (``NEWSMAP_READ_ONLY``)."""
    return Store.open(db_url, read_only=load_settings().read_only)


@st.cache_resource
def get_outlines(data_dir: str) -> dict[str, Any]:
    return country_outlines(data_dir)


@st.cache_resource(ttl=600)
def get_assets(data_dir: str, offline: bool) -> dict[str, str] | None:
    """Local asset URLs when offline or when the CDN cannot be reached; None means folium's CDN links."""
    if not offline and cdn_reachable():
        return None
    bundle = available_assets(data_dir)
    return bundle.urls() if bundle else None


def store_version(db_url: str) -> int:
    """Changes when articles are added, so cached queries are recomputed after an ingest."""
    return get_store(db_url).count_articles()


# -- cached queries ----------------------------------------------------------------------------

@st.cache_resource(max_entries=32, show_spinner=False)
def map_view(db_url: str, version: int, state: ViewState) -> dict[str, Any]:
    """The map's data (:func:`geo.views.state.map_data`): places with counts and their popups' details. The
    queries of an unfiltered view read the whole store and run at once; a filtered view's are small and run
    in turn on one connection (starting fresh connections would cost more). Kept as it is, not pickled
    (10,000 places took ~0.1 s to copy on every read): readers must not change it."""
    run = None if state.filtered else _run_together
    return map_data(get_store(db_url), state.filters_only(), detail_at=maps.DETAIL_AT, run=run)


@st.cache_data(max_entries=16, show_spinner=False)
def map_columns(db_url: str, version: int, state: ViewState) -> str:
    """The map's places as the JSON columns the page draws (:func:`geo.render.maps.place_columns`): escaping and
    laying out 10,000 places costs more than the rest of a page run, so it is done once per view."""
    return maps.to_json(maps.place_columns(map_view(db_url, version, state)))


@st.cache_data(max_entries=32, show_spinner=False)
def date_range(db_url: str, version: int, state: ViewState) -> tuple[str | None, str | None]:
    """The earliest and latest date of the view's events: the time slider's span."""
    store = get_store(db_url)
    return store.view_date_range(state.filters_only().filter(store))


@st.cache_data(max_entries=64, show_spinner=False)
def view_counts(db_url: str, version: int, state: ViewState) -> dict[str, int]:
    store = get_store(db_url)
    return store.view_counts(state.filters_only().filter(store))


@st.cache_data(max_entries=32, show_spinner=False)
def actor_choices(db_url: str, version: int, state: ViewState) -> list[dict[str, Any]]:
    """The actors of the view with counts, ignoring the actor filter (the sidebar's choices do not change
    when an actor is picked, so picking one reuses this)."""
    store = get_store(db_url)
    return store.view_actor_counts(choice_state(state).filter(store))


def choice_state(state: ViewState) -> ViewState:
    return state.filters_only().replace(actors=(), include_affiliated=False)


@st.cache_data(max_entries=8, show_spinner=False)
def facets(db_url: str, version: int) -> dict[str, Any]:
    return get_store(db_url).facets()


@st.cache_data(max_entries=8, show_spinner=False)
def actor_names(db_url: str, version: int) -> dict[str, str]:
    """Actor id -> display name, for captions, tables and the place panel."""
    return {a.id: a.name for a in get_store(db_url).actors()}


@st.cache_data(max_entries=32, show_spinner=False)
def timeline(db_url: str, version: int, state: ViewState, by: str) -> list[dict[str, Any]]:
    store = get_store(db_url)
    return store.timeline(state.filters_only().filter(store), by=by)


def month_counts(db_url: str, version: int, state: ViewState) -> dict[str, int]:
    """The view's dated events per stored month (YYYY-MM, or YYYY for a year alone), from the timeline's
    cached query: where the time slider's default range goes (:func:`geo.views.time.main_range`)."""
    counts: dict[str, int] = {}
    for row in timeline(db_url, version, state.filters_only(), "type"):  # one type per event: counted once
        counts[row["month"]] = counts.get(row["month"], 0) + row["events"]
    return counts


@st.cache_data(max_entries=32, show_spinner=False)
def articles_page(db_url: str, version: int, state: ViewState, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of the view's articles, newest first (cut in the database)."""
    store = get_store(db_url)
    return store.view_articles(state.filters_only().filter(store), with_text=False, limit=limit, offset=offset)


@st.cache_data(max_entries=32, show_spinner=False)
def events_page(db_url: str, version: int, state: ViewState, offset: int, limit: int) -> dict[str, Any]:
    """One page of the view's events, newest first, with the titles of their articles."""
    store = get_store(db_url)
    events = store.view_events(state.filters_only().filter(store), limit=limit, offset=offset)
    return {"events": events, "titles": store.article_titles(e["article_id"] for e in events)}


@st.cache_data(max_entries=32, show_spinner=False)
def place_detail(db_url: str, version: int, state: ViewState, place_id: str) -> dict[str, Any]:
    """A place's panel: its mentions, events (at most 50) and articles in the view."""
    store = get_store(db_url)
    f = state.filters_only().filter(store)
    return {"mentions": store.view_mentions(f, place_id), "events": store.view_events(f, place_id=place_id, limit=50),
            "articles": store.view_articles(f, place_id=place_id, with_text=False)}


# -- loading a view at once ----------------------------------------------------------------------

def load_view(db_url: str, version: int, state: ViewState, data_dir: str | None = None) -> None:
    """Run the queries every page of a view needs at the same time (each on its own connection; the
    database works while Python waits), so the first run of a view costs its slowest query, not their sum.
    The answers land in the caches above; the page then reads them in order. Once per view and version:
    starting the threads again when every answer is cached would cost more than reading them. With
    ``data_dir``, the country outlines are read meanwhile too (once per process)."""
    _load_view(db_url, version, state.filters_only(), articles=state.tab is None, data_dir=data_dir)


@st.cache_data(max_entries=64, show_spinner=False)
def _load_view(db_url: str, version: int, state: ViewState, articles: bool, data_dir: str | None) -> bool:
    jobs: list[Callable[[], Any]] = [
        lambda: map_columns(db_url, version, state),  # the map's data first, then its columns
        lambda: view_counts(db_url, version, state),
        lambda: date_range(db_url, version, state.replace(until=None)),  # the time slider's span
        lambda: timeline(db_url, version, state.replace(until=None), "type"),  # and where its dates cluster
        lambda: actor_choices(db_url, version, choice_state(state)),
        lambda: facets(db_url, version),
        lambda: actor_names(db_url, version),
    ]
    if articles:  # the Articles section is open: its first page too
        jobs.append(lambda: articles_page(db_url, version, state, 0, ARTICLES_PER_PAGE))
    if data_dir is not None:
        jobs.append(lambda: get_outlines(data_dir))
    _run_together(jobs)
    return True


def _run_together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run the jobs at once, each in its own thread (which may call the caches above); their answers in order."""
    ctx = _script_context()

    def run(job: Callable[[], Any]) -> Any:
        if ctx is not None:
            from streamlit.runtime.scriptrunner import add_script_run_ctx

            add_script_run_ctx(threading.current_thread(), ctx)
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="newsmap-query") as pool:
        return [future.result() for future in [pool.submit(run, job) for job in jobs]]


def _script_context() -> Any:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True)

