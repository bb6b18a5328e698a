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

from geo.views.words import plural

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


GAP = dt.timedelta(days=366)  # dates further apart than this belong to different clusters


def main_range(months: dict[str, int], span: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The part of ``span`` where most of the view's dated events are, the slider's default range.

    News dates its events near the time it was written, and now and then one long before ("the 1935
    treaty"): a slider over 1935-2024 leaves the real months a sliver under the thumb. ``months`` counts the
    view's events by stored month (YYYY-MM, or YYYY for a year alone); the months are cut into runs wherever
    two are more than a year apart, and the run holding the most events (the latest on a tie) is kept.
    Events outside it stay in the view: before it they are always shown, after it they appear at its end.

    >>> span = (dt.date(1935, 1, 1), dt.date(2024, 3, 15))
    >>> main_range({"1935": 1, "2023-10": 2, "2024-02": 6, "2024-03": 8}, span)
    (datetime.date(2023, 10, 1), datetime.date(2024, 3, 15))
    """
    runs: list[list[str]] = []
    for month in sorted(months, key=first_day):
        if runs and first_day(month) - last_day(runs[-1][-1]) <= GAP:
            runs[-1].append(month)
        else:
            runs.append([month])
    if len(runs) < 2:
        return span
    best = max(reversed(runs), key=lambda run: sum(months[m] for m in run))
    lo, hi = max(first_day(best[0]), span[0]), min(last_day(best[-1]), span[1])
    return (lo, hi) if lo < hi else span


def outside_words(months: dict[str, int], main: tuple[dt.date, dt.date]) -> str | None:
    """What the default range leaves out, in a few words for the slider's caption: "21 events before
    2023-10-01, from 1935" (None when it leaves out nothing)."""
    before = {m: n for m, n in months.items() if first_day(m) < main[0]}
    after = {m: n for m, n in months.items() if first_day(m) > main[1]}
    parts = []
    if before:
        parts.append(f"{plural(sum(before.values()), 'event')} before {main[0].isoformat()}, from {min(before, key=first_day)}")
    if after:
        parts.append(f"{plural(sum(after.values()), 'event')} after {main[1].isoformat()}, "
                     f"up to {max(after, key=last_day)}")
    return "; ".join(parts) or None

