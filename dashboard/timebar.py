"""The time slider above the map: what happened up to a date, and a play button that moves the date by a
day, a week or a month (``until`` and ``step`` in the URL; the dates' arithmetic is :mod:`geo.views.time`).

The slider's date is the ``until`` filter: its value lives in the session under the filter's widget key (as
the view's state holds it, None at the end of the range), so :func:`dashboard.filters.filters_state` reads it
with the other filters at the start of a run. Playing is a loop of script runs: once a run has drawn the page,
:func:`keep_playing` waits a moment, moves the date one step and runs the script again, until the end of
the range or a click on Pause.
"""
from __future__ import annotations

import datetime as dt
import time

import streamlit as st

from dashboard import data as q
from geo.views.filters import by_key
from geo.views.state import ViewState
from geo.views.time import DEFAULT_STEP, STEPS, date_range, step_date

UNTIL = by_key("until").widget.key  # the filter's value in the session: an ISO date, or None for the whole range
SLIDER, STEP, PLAYING, NEXT, RANGE = "time_slider", "time_step", "time_playing", "time_next", "time_range"
PLAY_DELAY = 0.8  # seconds each step stays on screen, besides the time the page takes to draw it


def time_ui(db_url: str, version: int, state: ViewState) -> ViewState:
    """The slider, the step and the play button above the map; returns ``state`` with their ``until`` and
    ``step``. Without two dates in the view there is nothing to play and nothing is drawn."""
    span = date_range(*q.date_range(db_url, version, state.replace(until=None)))
    if STEP not in st.session_state:
        st.session_state[STEP] = state.step or DEFAULT_STEP
    if span is None or span[0] >= span[1]:
        st.session_state[RANGE] = None
        return state.replace(until=None)
    lo, hi = span
    st.session_state[RANGE] = (lo, hi)
    until = _clamped(st.session_state.pop(NEXT, None) or state.until, lo, hi)
    st.session_state[SLIDER] = until
    playing = bool(st.session_state.get(PLAYING))
    play, step, slider = st.columns([1.1, 2.6, 7.5], vertical_alignment="bottom")
    play.button("\u23f8 Pause" if playing else "\u25b6 Play", key="time_play", on_click=_toggle_play,
                help="Play the view through time, one step at a time", width="stretch")
    step.segmented_control("Step", STEPS, key=STEP, label_visibility="collapsed", required=True)
    slider.slider("Up to", min_value=lo, max_value=hi, key=SLIDER, step=dt.timedelta(days=1), format="YYYY-MM-DD",
                  on_change=_moved, label_visibility="collapsed", help=by_key("until").widget.help)
    chosen = st.session_state[STEP] or DEFAULT_STEP
    return state.replace(until=_until(until, hi), step=None if chosen == DEFAULT_STEP else chosen)


def keep_playing() -> None:
    """At the end of a run, while playing: wait, move the date one step and run the script again."""
    span = st.session_state.get(RANGE)
    if not st.session_state.get(PLAYING) or not span:
        return
    lo, hi = span
    current = st.session_state.get(SLIDER) or lo
    following = min(step_date(current, st.session_state.get(STEP)), hi)
    if following >= hi:
        st.session_state[PLAYING] = False
    time.sleep(PLAY_DELAY)
    st.session_state[NEXT] = following
    st.session_state[UNTIL] = _until(following, hi)
    st.rerun()


def _toggle_play() -> None:
    """Play from the slider's date (from the start when it is at the end), or pause."""
    playing = not st.session_state.get(PLAYING)
    st.session_state[PLAYING] = playing
    span = st.session_state.get(RANGE)
    if playing and span and (st.session_state.get(SLIDER) or span[1]) >= span[1]:
        st.session_state[NEXT] = span[0]
        st.session_state[UNTIL] = span[0].isoformat()


def _moved() -> None:
    """The slider was moved: its date becomes the filter's value before the run reads the filters."""
    span = st.session_state.get(RANGE)
    st.session_state[PLAYING] = False
    if span:
        st.session_state[UNTIL] = _until(st.session_state[SLIDER], span[1])


def _clamped(until: str | dt.date | None, lo: dt.date, hi: dt.date) -> dt.date:
    if until is None:
        return hi
    day = until if isinstance(until, dt.date) else dt.date.fromisoformat(until)
    return min(max(day, lo), hi)


def _until(day: dt.date, hi: dt.date) -> str | None:
    """The filter's value for a slider date: None at the end of the range (the whole view, a shorter link)."""
    return None if day >= hi else day.isoformat()
