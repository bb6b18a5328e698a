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
from html import escape

import streamlit as st

from dashboard import data as q
from geo.views.filters import by_key
from geo.views.state import ViewState
from geo.views.time import DEFAULT_STEP, STEPS, date_range, main_range, outside_words, step_date

UNTIL = by_key("until").widget.key  # the filter's value in the session: an ISO date, or None for the whole range
SLIDER, STEP, PLAYING, NEXT, RANGE = "time_slider", "time_step", "time_playing", "time_next", "time_range"
ALL = "time_all"  # the slider reaches every date of the view, not only the part where most are
MAIN = "time_main"  # that part: the slider's range without All dates
PLAY_DELAY = 0.8  # seconds each step stays on screen, besides the time the page takes to draw it


def time_ui(db_url: str, version: int, state: ViewState) -> ViewState:
    """The slider, the step and the play button above the map; returns ``state`` with their ``until`` and
    ``step``. Without two dates in the view there is nothing to play and nothing is drawn.

    The slider spans where most of the view's dates are (:func:`geo.views.time.main_range`); *All dates*
    beside it widens it to every date, and a link whose ``until`` lies outside that part opens it widened."""
    whole = state.replace(until=None)
    span = date_range(*q.date_range(db_url, version, whole))
    if STEP not in st.session_state:
        st.session_state[STEP] = state.step or DEFAULT_STEP
    if span is None or span[0] >= span[1]:
        st.session_state[RANGE] = None
        return state.replace(until=None)
    months = q.month_counts(db_url, version, whole)
    main = main_range(months, span)
    wanted = st.session_state.pop(NEXT, None) or state.until
    if main != span and wanted and not main[0] <= _clamped(wanted, *span) <= main[1]:
        st.session_state[ALL] = True  # the link's date is outside the usual part: show it, do not move it
    lo, hi = span if st.session_state.get(ALL) or main == span else main
    st.session_state[RANGE], st.session_state[MAIN] = (lo, hi), main
    until = _clamped(wanted, lo, hi)
    if note := early_date_note(wanted, until):
        st.warning(note)
        st.session_state[UNTIL] = _until(until, hi)  # said once: the next run starts from the moved date
    st.session_state[SLIDER] = until
    playing = bool(st.session_state.get(PLAYING))
    play, step, slider, widen = st.columns([1.1, 2.6, 7.5, 1.6], vertical_alignment="bottom")
    play.button("\u23f8 Pause" if playing else "\u25b6 Play", key="time_play", on_click=_toggle_play,
                help="Play the view through time, one step at a time", width="stretch")
    step.segmented_control("Step", STEPS, key=STEP, label_visibility="collapsed", required=True)
    slider.slider("Up to", min_value=lo, max_value=hi, key=SLIDER, step=dt.timedelta(days=1), format="YYYY-MM-DD",
                  on_change=_moved, label_visibility="collapsed", help=by_key("until").widget.help)
    if main != span:
        widen.toggle("All dates", key=ALL, on_change=_widened, help=f"Let the slider reach every date of the "
                     f"view, {span[0]} to {span[1]}, not only the part where most of them are")
    words = escape(range_words(lo, hi, None if (lo, hi) == span else outside_words(months, main)))
    st.caption(f"<span class='nm-range'>{words.replace('*All dates*', '<em>All dates</em>')}</span>",
               unsafe_allow_html=True)  # the class makes room for the line (dashboard.widgets.PAGE_CSS)
    chosen = st.session_state[STEP] or DEFAULT_STEP
    return state.replace(until=_until(until, hi), step=None if chosen == DEFAULT_STEP else chosen)


def range_words(lo: dt.date, hi: dt.date, outside: str | None) -> str:
    """The slider's ends under it (the slider shows only its thumb's date), and what its range leaves out:
    "Slider from 2023-10-01 to 2024-03-15 (outside it: 21 events before 2023-10-01, from 1935; *All dates*
    reaches them)". The events before the slider's start are in the view at any of its dates."""
    words = f"Slider from {lo.isoformat()} to {hi.isoformat()}"
    return f"{words} (outside it: {outside}; *All dates* reaches them)" if outside else words


def early_date_note(wanted: str | dt.date | None, until: dt.date) -> str | None:
    """What the page says when a link's date (``until``) lies before every event of the view and the slider
    starts at its first date instead, which shows the first date's events where the link asked for none; as
    for other bad URL values, the change is said rather than made silently. A date after the last event
    needs no word: up to then is the whole view, as the slider's end shows it."""
    if wanted is None or (day := wanted if isinstance(wanted, dt.date) else dt.date.fromisoformat(wanted)) >= until:
        return None
    return (f"The link's date (until) {day.isoformat()} is before every event of this view: the slider starts "
            f"at the first one, {until.isoformat()}.")


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


def _widened() -> None:
    """All dates was turned off: a date outside the usual part moves to its nearest end, or the next run
    would widen the slider again for it."""
    main, day = st.session_state.get(MAIN), st.session_state.get(SLIDER)
    if st.session_state.get(ALL) or not main or not day:
        return
    day = min(max(day, main[0]), main[1])
    st.session_state[PLAYING] = False
    st.session_state[NEXT] = day
    st.session_state[UNTIL] = _until(day, main[1])


def _clamped(until: str | dt.date | None, lo: dt.date, hi: dt.date) -> dt.date:
    if until is None:
        return hi
    day = until if isinstance(until, dt.date) else dt.date.fromisoformat(until)
    return min(max(day, lo), hi)


def _until(day: dt.date, hi: dt.date) -> str | None:
    """The filter's value for a slider date: None at the end of the range (the whole view, a shorter link)."""
    return None if day >= hi else day.isoformat()
