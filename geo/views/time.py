"""Time you can play: the dashboard's slider shows what happened up to a date (the ``until`` filter, declared
in :mod:`geo.views.filters`), and its play button moves that date by a step (the ``step`` parameter of
:mod:`geo.views.state`). Here are the steps and the date arithmetic, so the dashboard only draws widgets.

Dates in the store have their own precision (``2024``, ``2024-03``, ``2024-03-15``): a view's range starts
on the first day of its earliest date and ends on the last day of its latest one.

>>> step_date(dt.date(2024, 1, 31), "month")
datetime.date(2024, 2, 29)
>>> date_range("2024-02", "2024-03")
(datetime.date(2024, 2, 1), datetime.date(2024, 3, 31))
"""
from __future__ import annotations

import calendar
import datetime as dt

STEPS = ("day", "week", "month")  # the play button's steps, in the order the dashboard offers them
DEFAULT_STEP = "week"  # left out of links


def step_date(day: dt.date, step: str | None) -> dt.date:
    """``day`` moved on by one ``step`` (a month keeps the day of the month where it can)."""
    step = step or DEFAULT_STEP
    if step == "day":
        return day + dt.timedelta(days=1)
    if step == "week":
        return day + dt.timedelta(days=7)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_day(date: str) -> dt.date:
    """The first day a store date (YYYY, YYYY-MM or YYYY-MM-DD) covers."""
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def last_day(date: str) -> dt.date:
    """The last day a store date (YYYY, YYYY-MM or YYYY-MM-DD) covers."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return dt.date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def date_range(first: str | None, last: str | None) -> tuple[dt.date, dt.date] | None:
    """The days from the earliest to the latest of a view's dates, or None without dates."""
    if not first or not last:
        return None
    return first_day(first), last_day(last)
