"""geo.events.grouping: the article-wide stage after the events: dates of report, and one real-world event
from its many mentions."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.events.grouping import reported
from geo.records import REPORTED, Article, Event, Mention
from tests.test_scene import analyser  # noqa: F401 - the full analyser, grouping included


def bare(i: int, date: str | None = None, precision: str = "unknown") -> Event:
    return Event(id=f"a:{i}", article_id="a", type="Battles", subtype=None, trigger=Mention(i, i + 1, "x", "T"),
                 sentence="x", start=i, end=i + 1, date=date, date_precision=precision)


def test_an_undated_event_takes_its_articles_date_as_reported() -> None:
    events = reported([bare(0), bare(5, "2024-02", "month")], dt.date(2024, 3, 15))
    assert [(e.date, e.date_precision) for e in events] == [("2024-03-15", REPORTED), ("2024-02", "month")]
    assert reported([bare(0)], None) == (bare(0),)  # an undated article's event stays undated


@pytest.mark.parametrize("published, expected", [(dt.date(2024, 5, 2), ("2024-05-02", REPORTED)),
                                                 (None, (None, "unknown"))])
def test_the_analysis_dates_events_by_the_article(analyser, published, expected) -> None:  # noqa: F811
    text = "Gunmen attacked a checkpoint in Kirkuk, killing two soldiers."
    events = analyser.analyse(Article(id="t", text=text, published=published)).events
    assert events and all((e.date, e.date_precision) == expected for e in events)
