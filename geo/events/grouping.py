"""One real-world event, many mentions: what the events of one article share once they are all read.

The extractor (``geo.events.extraction``) gives one Event per trigger clause, a claim with its own sentence. This
stage settles what needs the whole article: an event whose sentence names no place is put at the article's scene
(``geo.events.scene``), and an event with no date of its own is dated by its article's publication date with
precision ``reported`` (it happened by then; an undated article's event stays undated).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from geo.events.scene import place_in_scene
from geo.records import REPORTED, Actor, Article, Event, PlaceMention

__all__ = ["EventGrouper", "reported"]


class EventGrouper:
    """The article-wide stage after the events: ``Analyser.grouping`` (``geo.ingest.pipeline``)."""

    def group(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
              events: Sequence[Event]) -> tuple[Event, ...]:
        """``events`` settled: placed in the article's scene when their sentence names no place, dated by the
        article when their text gives no date."""
        return reported(place_in_scene(events, places, article.text), article.published)


def reported(events: Sequence[Event], published: dt.date | None) -> tuple[Event, ...]:
    """Undated events dated by the publication date, precision ``reported``: the popup, the panel, the
    timeline and the date filters then all read the same date."""
    if published is None:
        return tuple(events)
    return tuple(e if e.date else replace(e, date=published.isoformat(), date_precision=REPORTED) for e in events)
