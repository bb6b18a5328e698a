"""Temporal expressions resolved against an article's publication date.

News text dates events relative to the day it was written ("last February", "on
Friday", "two weeks ago"). Those expressions only mean something once anchored to
the publication date, and an anchor we do not have must never be guessed: without a
publication date only absolute expressions ("March 2019", "15 May 2021") resolve.

Every answer carries a precision (day, week, month, year, unknown) so the
dashboard can place an event on a timeline no more exactly than the text allows.
Values are ISO-like strings: ``2024-02-15`` (day), ``2024-W07`` (ISO week),
``2024-02`` (month), ``2024`` (year).

>>> import datetime as dt
>>> resolve("last February", dt.date(2024, 3, 15))
ResolvedDate(value='2024-02', precision='month')
>>> resolve("in October", None)
ResolvedDate(value=None, precision='unknown')
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.events.clauses import CONTEXT_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Token

PRECISIONS = ("day", "week", "month", "year", "unknown")

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "several": None, "a few": None, "few": None})

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FILLER = re.compile(r"^(?:(?:earlier|later|late|early|mid|since|from|until|by|in|on|of|during|the|this past|"
                     r"back in|as of|around|about)[\s-]+)+")


@dataclass(frozen=True)
class ResolvedDate:
    """A date string and how precise it is; ``value`` is None when ``precision`` is "unknown"."""

    value: str | None
    precision: str = "unknown"


UNKNOWN = ResolvedDate(None, "unknown")


def day(d: dt.date) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day")


def week(d: dt.date) -> ResolvedDate:
    year, number, _ = d.isocalendar()
    return ResolvedDate(f"{year}-W{number:02d}", "week")


def month(year: int, number: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{number:02d}", "month")


def year(number: int) -> ResolvedDate:
    return ResolvedDate(f"{number:04d}", "year")


def normalise(expression: str) -> str:
    """Lower-case, single-spaced, without the prepositions that do not change the date."""
    text = re.sub(r"\s+", " ", expression.lower().replace("’", "'")).strip(" .,;:")
    return _FILLER.sub("", text).strip()


def resolve(expression: str, published: dt.date | None) -> ResolvedDate:
    """Resolve one temporal expression (e.g. a spaCy DATE entity) against ``published``.

    Absolute expressions resolve without a publication date; relative ones need it and
    stay UNKNOWN otherwise. Vague spans ("recent weeks", "the 1990s") are UNKNOWN.
    """
    text = normalise(expression)
    if not text:
        return UNKNOWN
    absolute = resolve_absolute(text)
    if absolute is not None:
        return absolute
    if published is None:
        return UNKNOWN
    for rule in (_relative_day, _relative_span, _ago, _weekday, _month_day, _bare_month):
        found = rule(text, published)
        if found is not None:
            return found
    return UNKNOWN


def resolve_absolute(text: str) -> ResolvedDate | None:
    """Dates that carry their own year: ISO dates, "15 March 2024", "March 15, 2024", "March 2024", "2024"."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _safe_day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r",? (?P<year>\d{4})", text):
        return _safe_day(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    if m := re.fullmatch(_MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?,? (?P<year>\d{4})", text):
        return _safe_day(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    if m := re.fullmatch(_MONTH + r",? (?P<year>\d{4})", text):
        return month(int(m["year"]), MONTHS[m["month"]])
    if m := re.fullmatch(r"(?:the year )?(\d{4})", text):
        return year(int(m[1])) if 1800 <= int(m[1]) <= 2200 else None
    return None


def _safe_day(y: int, m: int, d: int) -> ResolvedDate | None:
    try:
        return day(dt.date(y, m, d))
    except ValueError:
        return None


def _relative_day(text: str, published: dt.date) -> ResolvedDate | None:
    shifts = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday evening": -1,
              "tomorrow": 1, "the day before yesterday": -2, "day before yesterday": -2}
    if text in shifts:
        return day(published + dt.timedelta(days=shifts[text]))
    return None


def _relative_span(text: str, published: dt.date) -> ResolvedDate | None:
    """"this/last/next week|month|year"."""
    m = re.fullmatch(r"(this|last|past|previous|next|coming) (week|month|year)", text)
    if not m:
        return None
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[m[1]]
    return _shift(published, m[2], step)


def _shift(published: dt.date, unit: str, step: int) -> ResolvedDate:
    if unit in ("day", "days"):
        return day(published + dt.timedelta(days=step))
    if unit in ("week", "weeks"):
        return week(published + dt.timedelta(weeks=step))
    if unit in ("month", "months"):
        index = published.year * 12 + published.month - 1 + step
        return month(index // 12, index % 12 + 1)
    return year(published.year + step)


def _ago(text: str, published: dt.date) -> ResolvedDate | None:
    """"two weeks ago", "3 days ago", "a year ago"."""
    m = re.fullmatch(r"(?P<n>\d+|[a-z]+(?: [a-z]+)?) (?P<unit>days?|weeks?|months?|years?) ago", text)
    if not m:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBERS.get(m["n"])
    if n is None:
        return None
    return _shift(published, m["unit"], -n)


def _weekday(text: str, published: dt.date) -> ResolvedDate | None:
    """"Friday" is the last Friday on or before publication; "last Friday" strictly before it."""
    m = re.fullmatch(r"(last |this past |past )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?: (?:morning|afternoon|evening|night))?", text)
    if not m:
        return None
    back = (published.weekday() - WEEKDAYS[m[2]]) % 7
    if m[1] and back == 0:
        back = 7
    return day(published - dt.timedelta(days=back))


def _month_day(text: str, published: dt.date) -> ResolvedDate | None:
    """"March 3" / "3 March": the latest such day on or before publication."""
    m = (re.fullmatch(_MONTH + r" (?P<day>\d{1,2})(?:st|nd|rd|th)?", text)
         or re.fullmatch(r"(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH, text))
    if not m:
        return None
    number, d = MONTHS[m["month"]], int(m["day"])
    y = published.year if (number, d) <= (published.month, published.day) else published.year - 1
    return _safe_day(y, number, d)


def _bare_month(text: str, published: dt.date) -> ResolvedDate | None:
    """"October" is the latest October up to the publication month; "last March" the one before it.

    News reports the past: with a publication date of 2024-03-15, "in October" is 2023-10
    and "February" is 2024-02.
    """
    m = re.fullmatch(r"(?P<last>last |this past |past )?" + _MONTH, text)
    if not m:
        return None
    number = MONTHS[m["month"]]
    y = published.year if number <= published.month else published.year - 1
    if m["last"] and number == published.month:
        y -= 1
    return month(y, number)


def own_date(date: Token, top: Token) -> bool:
    """Whether a date below ``top`` belongs to it rather than to a "since/after ..." phrase on the way."""
    node = date
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in CONTEXT_PREPS:
            return False
        node = node.head
    return True
