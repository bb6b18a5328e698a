"""One real-world event, many mentions: what the events of one article share once they are all read.

The extractor (``geo.events.extraction``) gives one Event per trigger clause, a claim with its own sentence. This
stage settles what needs the whole article: an event whose sentence names no place is put at the article's scene
(``geo.events.scene``).
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from geo.events.scene import place_in_scene
from geo.records import Actor, Article, Event, PlaceMention

__all__ = ["EventGrouper"]


class EventGrouper:
    """The article-wide stage after the events: ``Analyser.grouping`` (``geo.ingest.pipeline``)."""

    def group(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
              events: Sequence[Event]) -> tuple[Event, ...]:
        """``events`` settled: placed in the article's scene when their sentence names no place."""
        return place_in_scene(events, places, article.text)
