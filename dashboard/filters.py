"""The sidebar's filters: one widget per filter declared in :data:`geo.views.filters.FILTERS`, drawn by its kind.

The widgets start from the URL once per session (:func:`init_filters`); afterwards they are the source of
truth: :func:`filters_state` reads the view they describe at the start of a run, before :func:`sidebar_ui`
draws them (after the map, so the browser starts the map's frame first).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from dashboard.data import actor_choices, choice_state, facets as store_facets
from geo.store import Store
from geo.views.filters import FILTERS, Filter
from geo.views.state import ViewState
from geo.views.words import plural

# What typing in a list keeps: the choices holding the typed letters together. Streamlit's default keeps
# those holding them in order anywhere ("Israel" kept "Missouri State Highway Patrol"), and Enter then
# picks every choice kept.
MATCH = "contains"
# From and To, one under the other (side by side, each field was narrower than its date: "2023-10-0"), checked as
# a pair.
DATES = tuple(f for f in FILTERS if f.widget.kind == "dates")


def init_filters(store: Store, state: ViewState) -> None:
    """Widgets start from the URL once per session; afterwards they are the source of truth."""
    if st.session_state.get("f_init"):
        return
    st.session_state.update({f.widget.key: _widget_value(store, f, getattr(state, f.field)) for f in FILTERS},
                            f_init=True)


def filters_state(store: Store, version: int, state: ViewState, db_url: str) -> ViewState:
    """The view the filters describe (selection and map view kept from ``state``), read from the widgets'
    session state before the widgets are drawn: the sidebar is drawn after the map (see ``app.main``)."""
    by_id = {a["id"]: a for a in actor_choices(db_url, version, choice_state(state))}
    return _filters_state(store, state, by_id)


def sidebar_ui(store: Store, version: int, state: ViewState, db_url: str) -> None:
    """The filters; their values are read by :func:`filters_state` at the start of the next run."""
    facets = store_facets(db_url, version)
    # The choices ignore the actor filter, so changing it must not recompute them.
    by_id = {a["id"]: a for a in actor_choices(db_url, version, choice_state(state))}
    sb = st.sidebar
    sb.header("Filters")
    for f in FILTERS:
        if f.widget.kind == "dates":
            _date_ui(sb, f, facets)
            if f is DATES[-1] and _dates_crossed(*(st.session_state[d.widget.key] for d in DATES)):
                sb.warning("The From date is after the To date; the dates are ignored.")
        elif f.widget.kind != "time":  # the time slider is drawn above the map (dashboard/timebar.py)
            _widget_ui(sb, f, facets, by_id)
    sb.markdown('<a href="?" target="_self">Reset the view</a>', unsafe_allow_html=True)


def _widget_ui(sb: Any, f: Filter, facets: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> None:
    w, current = f.widget, st.session_state[f.widget.key]
    if w.kind == "actors":
        sb.multiselect(w.label, list(by_id), key=w.key, placeholder=w.placeholder, filter_mode=MATCH,
                       format_func=lambda i: _actor_label(by_id.get(i)), help=w.help)
    elif w.kind == "multiselect":
        sb.multiselect(w.label, sorted(set(facets[w.facet]) | set(current)), key=w.key, filter_mode=MATCH)
    elif w.kind == "select":
        choices = [w.any_choice, *facets[w.facet]]
        if current not in choices:
            choices.append(current)
        sb.selectbox(w.label, choices, key=w.key)
    elif w.kind == "text":
        sb.text_input(w.label, key=w.key, placeholder=w.placeholder)
    elif w.kind == "toggle":
        sb.toggle(w.label, key=w.key, help=w.help)
    else:
        raise ValueError(f"filter {f.key!r} has a widget of unknown kind {w.kind!r}")


def _date_ui(where: Any, f: Filter, facets: dict[str, Any]) -> None:
    """A date field whose range reaches the date it holds: a link may name any date (``from=1990-01-01`` before
    the first event, ``to=2030-01-01``), and Streamlit refuses to draw a date outside the range."""
    lo, hi = _date_bounds(facets)
    current = st.session_state.get(f.widget.key)
    if current:
        lo, hi = min(lo, current), max(hi, current)
    where.date_input(f.widget.label, key=f.widget.key, min_value=lo, max_value=hi, format="YYYY-MM-DD")


def _widget_value(store: Store, f: Filter, value: Any) -> Any:
    """A filter's value in the URL's state as its widget holds it."""
    kind = f.widget.kind
    if kind == "actors":  # the widget holds ids; the URL names actors
        return [i for i in (store.resolve_actor(a) for a in value) if i]
    if kind == "multiselect":
        return list(value)
    if kind == "dates":
        return dt.date.fromisoformat(value) if value else None
    if kind == "select":
        return value or f.widget.any_choice
    if kind == "text":
        return value or ""
    return value


def _state_value(store: Store, f: Filter, value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A widget's value as the view's state holds it (the reverse of :func:`_widget_value`)."""
    kind = f.widget.kind
    if kind == "actors":
        return tuple(_actor_token(store, by_id.get(i), i) for i in value)
    if kind == "multiselect":
        return tuple(value)
    if kind == "dates":
        return value.isoformat() if value else None
    if kind == "select":
        return None if value == f.widget.any_choice else value
    if kind == "text":
        return value.strip() or None
    if kind == "time":  # held as the state holds it (dashboard/timebar.py)
        return value
    return bool(value)


def _filters_state(store: Store, state: ViewState, by_id: dict[str, dict[str, Any]]) -> ViewState:
    ss = st.session_state
    values = {f.field: _state_value(store, f, ss[f.widget.key], by_id) for f in FILTERS}
    if _dates_crossed(*(ss[f.widget.key] for f in DATES)):  # said under the date fields (sidebar_ui)
        values.update({f.field: None for f in DATES})
    new = state.replace(**values)
    moved = [f for f in FILTERS if f.narrows and f.widget.kind != "time"]  # playing time keeps the map still
    if any(getattr(new, f.field) != getattr(state, f.field) for f in moved):
        new = new.replace(lat=None, lon=None, zoom=None)
    return new


def _dates_crossed(d_from: dt.date | None, d_to: dt.date | None) -> bool:
    return bool(d_from and d_to and d_from > d_to)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "unknown actor"
    kind = actor["kind"].replace("_", " ")
    name = actor["name"] if kind in actor["name"].lower() else f"{actor['name']} ({kind})"  # not "Police (police)"
    return f"{name} \u00b7 {plural(actor['event_count'], 'event')}, {plural(actor['mention_count'], 'mention')}"


def _actor_token(store: Store, actor: dict[str, Any] | None, actor_id: str) -> str:
    """The actor's name in the URL when the name finds it again, else its id."""
    if actor and store.resolve_actor(actor["name"]) == actor_id:
        return actor["name"]
    return actor_id


def _date_bounds(facets: dict[str, Any]) -> tuple[dt.date, dt.date]:
    first = int(facets["date_min"][:4]) if facets["date_min"] else 2000
    last = int(facets["date_max"][:4]) if facets["date_max"] else dt.date.today().year
    return dt.date(min(first, 2000), 1, 1), dt.date(max(last, dt.date.today().year), 12, 31)
