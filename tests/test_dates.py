"""geo.events.dates: temporal expressions resolved against the publication date, never guessed without one."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.events.dates import ResolvedDate, normalise, resolve

PUB = dt.date(2024, 3, 15)  # a Friday, the second seed's publication date


@pytest.mark.parametrize("text, value, precision", [
    ("last February", "2024-02", "month"),      # the example
    ("in October", "2023-10", "month"),         # a month after the publication month is last year's
    ("October", "2023-10", "month"),
    ("March", "2024-03", "month"),
    ("last March", "2023-03", "month"),
    ("mid-March", "2024-03", "month"),
    ("Friday", "2024-03-15", "day"),            # the publication day itself
    ("Earlier on Friday", "2024-03-15", "day"),
    ("last Friday", "2024-03-08", "day"),
    ("Tuesday", "2024-03-12", "day"),
    ("yesterday", "2024-03-14", "day"),
    ("the day before yesterday", "2024-03-13", "day"),
    ("March 3", "2024-03-03", "day"),
    ("December 24", "2023-12-24", "day"),
    ("last week", "2024-W10", "week"),
    ("this week", "2024-W11", "week"),
    ("two weeks ago", "2024-W09", "week"),
    ("last month", "2024-02", "month"),
    ("three months ago", "2023-12", "month"),
    ("last year", "2023", "year"),
    ("a year ago", "2023", "year"),
])
def test_relative_expressions_resolve_against_publication(text: str, value: str, precision: str) -> None:
    assert resolve(text, PUB) == ResolvedDate(value, precision)


@pytest.mark.parametrize("text", ["last February", "in October", "Friday", "last week", "yesterday", "March 3",
                                  "two weeks ago"])
def test_relative_expressions_stay_unresolved_without_publication_date(text: str) -> None:
    assert resolve(text, None) == ResolvedDate(None, "unknown")


@pytest.mark.parametrize("text, value, precision", [
    ("2024-03-15", "2024-03-15", "day"),
    ("15 March 2024", "2024-03-15", "day"),
    ("March 15, 2024", "2024-03-15", "day"),
    ("the 15th of March 2024", "2024-03-15", "day"),
    ("March 2019", "2019-03", "month"),
    ("in 2017", "2017", "year"),
    ("since 2017", "2017", "year"),
])
def test_absolute_expressions_need_no_publication_date(text: str, value: str, precision: str) -> None:
    assert resolve(text, None) == ResolvedDate(value, precision)
    assert resolve(text, PUB) == ResolvedDate(value, precision)


@pytest.mark.parametrize("text", ["recent weeks", "recent days", "the 1990s", "decades", "31 February 2024",
                                  "", "the same time"])
def test_vague_or_impossible_expressions_are_unknown(text: str) -> None:
    assert resolve(text, PUB).precision == "unknown"


def test_normalise_drops_prepositions_only() -> None:
    assert normalise("  Earlier on  Friday. ") == "friday"
    assert normalise("last February") == "last february"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["january", "june", "october", "december"]))
def test_a_bare_month_is_never_after_publication(published: dt.date, month: str) -> None:
    value = resolve(month, published).value
    assert value is not None and value <= published.strftime("%Y-%m")
    assert value > f"{published.year - 1:04d}-{published.month:02d}"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["monday", "wednesday", "friday", "sunday"]))
def test_a_weekday_is_within_the_week_before_publication(published: dt.date, weekday: str) -> None:
    day = dt.date.fromisoformat(resolve(weekday, published).value)
    assert 0 <= (published - day).days <= 6
    assert day.strftime("%A").lower() == weekday
